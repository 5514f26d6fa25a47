// The vendor's own script (it knows nothing of safeguarding-forms but its one documented call): "saving" the
// referral shows a confirmation instead of sending it anywhere, as this demo has no back end. It also does what
// vendor screens do: fills fields by script, adds and removes table rows, and saves in three ways (a submit button,
// `requestSubmit()`, and a script save that asks `SafeguardingForms.check(form)` first).
const form = document.getElementById('referral');
const saved = document.getElementById('saved');
let number = 41;

function save(how) {
  number += 1;
  saved.textContent = `Referral REF-2026-00${number} saved${how ? ` (${how})` : ''}.`;
  saved.hidden = false;
  document.body.dataset.saved = String(number);
}

form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  save();
});

form.addEventListener('reset', () => {
  saved.hidden = true;
});

// Values set by script: no input or change event reaches the page.
document.getElementById('useMe').addEventListener('click', () => {
  document.getElementById('refName').value = 'Dana Morgan';
  document.getElementById('refAgency').value = 'Duty Team';
  document.getElementById('refEmail').value = 'dana.morgan@example.org';
});

// Rows added and removed after the page loaded.
const tbody = form.querySelector('table.list tbody');
document.getElementById('addChild').addEventListener('click', () => {
  const i = tbody.rows.length;
  const row = tbody.rows[0].cloneNode(true);
  row.cells[0].textContent = String(i + 1);
  for (const node of row.querySelectorAll('[id], [data-sf-path], [aria-label]')) {
    if (node.id) node.id = node.id.replace(/^c0/, `c${i}`);
    if (node.name) node.name = node.name.replace(/^c0/, `c${i}`);
    if (node.dataset.sfPath) node.dataset.sfPath = node.dataset.sfPath.replace('/children/0/', `/children/${i}/`);
    const label = node.getAttribute('aria-label');
    if (label) node.setAttribute('aria-label', label.replace('Child 1', `Child ${i + 1}`));
    if (node instanceof HTMLInputElement) {
      if (node.type === 'checkbox') node.checked = false;
      else node.value = '';
    }
  }
  tbody.append(row);
});
document.getElementById('removeChild').addEventListener('click', () => {
  if (tbody.rows.length > 1) tbody.rows[tbody.rows.length - 1].remove();
});

document.getElementById('saveClose').addEventListener('click', () => form.requestSubmit());

// A save by script: no submit event, so the vendor asks the checks first (when the drop-in is on the page).
document.getElementById('quickSave').addEventListener('click', async () => {
  const { ok } = window.SafeguardingForms ? await window.SafeguardingForms.check(form) : { ok: true };
  if (ok) save('quick save');
});
