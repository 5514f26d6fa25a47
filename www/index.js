import { startGovukFrontend, loadChecks, PAGES, el } from '/www/common.js';

const status = document.getElementById('status');
const table = document.getElementById('forms-table');
const body = document.getElementById('forms-body');

startGovukFrontend();

function unavailable(reason) {
  status.className = 'govuk-warning-text';
  status.replaceChildren(
    el('span', { className: 'govuk-warning-text__icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
    el('strong', { className: 'govuk-warning-text__text' }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
      document.createTextNode(`Checks unavailable. ${reason}`),
    ]),
  );
  document.body.dataset.checks = 'unavailable';
}

try {
  const checks = await loadChecks();
  const list = checks.forms();
  for (const form of list) {
    const page = PAGES[form.id];
    const titleCell = el('td', { className: 'govuk-table__cell' });
    if (page) {
      titleCell.append(el('a', { className: 'govuk-link', text: form.title, attrs: { href: page } }));
    } else {
      titleCell.append(document.createTextNode(form.title));
    }
    const row = el('tr', { className: 'govuk-table__row', attrs: { 'data-form': form.id } }, [
      el('th', { className: 'govuk-table__header', attrs: { scope: 'row' } }, [titleCell.firstChild]),
      el('td', { className: 'govuk-table__cell' }, [el('code', { className: 'app-code', text: form.id })]),
      el('td', { className: 'govuk-table__cell', text: form.source }),
      el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', text: form.rules }),
    ]);
    body.append(row);
  }
  table.hidden = false;
  const withPages = list.filter((f) => PAGES[f.id]).length;
  const forms = `${list.length} ${list.length === 1 ? 'form' : 'forms'}`;
  const pages = list.length === 1
    ? (withPages ? 'It has a demo page.' : 'It has no demo page yet.')
    : `${withPages} of them ${withPages === 1 ? 'has' : 'have'} a demo page so far.`;
  status.textContent = `${forms}. ${pages}`;
  document.body.dataset.checks = 'ready';
} catch (err) {
  unavailable('The forms module could not be loaded, so the list of forms cannot be shown.');
  console.warn('safeguarding-forms: module not loaded:', err && err.message);
}
