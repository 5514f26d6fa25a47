// The generic page of any form: /www/form.html?form=<id>[&today=YYYY-MM-DD][&profile=<id>]
//
// The form is drawn from the package's `schema(id)` by the schema renderer (render/fields.js) with an optional
// layout (render/layouts.js), in the model's field order (recovered from the report's diagnostic order, see
// render/schema.js). The session, the messages, the error summary and "Checks unavailable" are the live form's
// (www/live-form.js); the outcome is drawn generically (render/outcome.js).

import { startGovukFrontend, PAGES } from '/www/common.js';
import { el } from '/www/render/dom.js';
import { fieldOrder, probeData } from '/www/render/schema.js';
import { createRenderer, idFor } from '/www/render/fields.js';
import { renderOutcome } from '/www/render/outcome.js';
import { outcomeModel } from '/www/render/outcome-labels.js';
import { LAYOUTS } from '/www/render/layouts.js';
import { createLiveForm } from '/www/live-form.js';

const FORM_ID = new URLSearchParams(location.search).get('form') ?? '';
const $ = (id) => document.getElementById(id);
const layout = LAYOUTS[FORM_ID] ?? {};

function showOutcome(outcome, state) {
  const body = $('outcome-body');
  if (!body) return;
  if (state !== 'ready') {
    body.replaceChildren(state === 'loading'
      ? el('p', { className: 'govuk-body', text: 'Checking…' })
      : el('p', { className: 'govuk-body' }, [el('strong', { className: 'govuk-tag govuk-tag--orange', text: 'Checks unavailable' })]));
    $('outcome').dataset.outcome = state;
    return;
  }
  body.replaceChildren(...renderOutcome(outcome, { today: live.today, labels: layout.enumLabels, keys: outcomeModel(FORM_ID, live.checks) }));
  $('outcome').dataset.outcome = outcome ? 'shown' : 'none';
}

const live = createLiveForm({ formId: FORM_ID, formEl: $('sf-form'), fieldsEl: $('form-fields'), idFor, showOutcome });

function notFound(text) {
  $('form-title').textContent = 'Form not found';
  document.title = 'Form not found – Safeguarding forms';
  $('form-intro').replaceChildren(
    el('p', { className: 'govuk-body', text }),
    el('p', { className: 'govuk-body' }, [el('a', { className: 'govuk-link', text: 'See all the forms', attrs: { href: '/' } })]),
  );
  document.body.dataset.checks = 'not-found';
  $('checks-status').replaceChildren();
  $('outcome').hidden = true;
}

/** The heading, the caption (the policy documents' titles) and the introduction. */
function describe(checks, info) {
  document.title = `${info.title} – Safeguarding forms`;
  $('form-title').textContent = info.title;
  $('nav-current-text').textContent = info.title;
  $('nav-current').href = location.pathname + location.search;
  document.body.dataset.form = FORM_ID;
  try {
    const rules = checks.rules(FORM_ID);
    const own = rules.filter((r) => r.citation?.document === info.source);
    $('form-caption').textContent = [...new Set((own.length ? own : rules).map((r) => r.citation?.title).filter(Boolean))].join('; ') || info.source;
  } catch {
    $('form-caption').textContent = info.source;
  }
  const intro = [el('p', {
    className: 'govuk-body',
    text: layout.intro ?? `Answers are checked as you type against ${info.rules} ${info.rules === 1 ? 'rule' : 'rules'}. Required answers are only flagged as errors when you submit.`,
  })];
  if (PAGES[FORM_ID]) {
    intro.push(el('p', { className: 'govuk-body' }, [
      document.createTextNode('This form also has a '),
      el('a', { className: 'govuk-link', text: 'bespoke page', attrs: { href: PAGES[FORM_ID] } }),
      document.createTextNode('.'),
    ]));
  }
  $('form-intro').replaceChildren(...intro);
}

startGovukFrontend();
live.start((checks) => {
  if (!checks) {
    $('form-title').textContent = FORM_ID ? `Form ${FORM_ID}` : 'Form';
    return [];
  }
  let info;
  let schema;
  let titled;
  try {
    info = checks.forms().find((f) => f.id === FORM_ID);
    schema = info ? checks.schema(FORM_ID) : null;
    titled = info ? checks.schema(FORM_ID, { dialect: 'draft-07' }) : null;
  } catch {
    return [];
  }
  if (!info) {
    notFound(FORM_ID ? `There is no form with the id “${FORM_ID}”.` : 'No form was named in the address of this page.');
    return null;
  }
  describe(checks, info);
  let order = null;
  try {
    order = fieldOrder(schema, checks.validate(FORM_ID, probeData(schema), live.options('draft')).diagnostics);
  } catch {
    order = null; // schema order, then
  }
  $('sf-form').hidden = false;
  return createRenderer({ schema, live, layout, order, titled }).build();
}).then(() => {
  if (document.body.dataset.checks === 'not-found') return;
  if (!live.checks) $('form-title').textContent = FORM_ID ? `Form ${FORM_ID}` : 'Form';
});
