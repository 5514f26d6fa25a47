// The vendor's own script (it knows nothing of safeguarding-forms): "saving" the referral shows a confirmation
// instead of sending it anywhere, as this demo has no back end.
const form = document.getElementById('referral');
const saved = document.getElementById('saved');
let number = 41;

form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  number += 1;
  saved.textContent = `Referral REF-2026-00${number} saved.`;
  saved.hidden = false;
  document.body.dataset.saved = String(number);
});

form.addEventListener('reset', () => {
  saved.hidden = true;
});
