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

/** The policy documents a form comes from, by title (from its rules' citations); the file name only when untitled. */
function sourceText(checks, form) {
  try {
    const rules = checks.rules(form.id);
    const own = rules.filter((r) => r.citation?.document === form.source);
    const titles = [...new Set((own.length ? own : rules).map((r) => r.citation?.title).filter(Boolean))];
    if (titles.length) return titles.join('; ');
  } catch {
    // the title is not known: say so rather than show a file name
  }
  return 'Policy document not named';
}

try {
  const checks = await loadChecks();
  const list = checks.forms();
  for (const form of list) {
    // The bespoke page where there is one, else the generic page drawn from the form's schema.
    const page = PAGES[form.id] ?? `/www/form.html?form=${encodeURIComponent(form.id)}`;
    const row = el('tr', { className: 'govuk-table__row', attrs: { 'data-form': form.id, 'data-source': form.source } }, [
      el('th', { className: 'govuk-table__header', attrs: { scope: 'row' } }, [
        el('a', { className: 'govuk-link', text: form.title, attrs: { href: page } }),
      ]),
      el('td', { className: 'govuk-table__cell app-source', text: sourceText(checks, form) }),
      el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', text: form.rules }),
    ]);
    body.append(row);
  }
  table.hidden = false;
  const bespoke = list.filter((f) => PAGES[f.id]).length;
  const forms = `${list.length} ${list.length === 1 ? 'form' : 'forms'}`;
  status.textContent = `${forms}, each with a page checked as you type${bespoke ? ` (${bespoke} with a bespoke page)` : ''}.`;
  document.body.dataset.checks = 'ready';
} catch (err) {
  unavailable('The forms module could not be loaded, so the list of forms cannot be shown.');
  console.warn('safeguarding-forms: module not loaded:', err && err.message);
}
