// safeguarding-forms drop-in checks for a host page's own form. One tag:
//
//   <script type="module" src="/www/embed.js" data-sf-package="/pkg/index.js"></script>
//
// `data-sf-package` is the URL of the package's entry (index.js, which loads its .wasm beside it), resolved against
// the page; without it, /pkg/index.js. From the npm package (`safeguarding-forms/embed`) set it to wherever the
// package's index.js is served; on a page with one form, at that form's own entry (forms/<form-id>/index.js, the
// same API for that form alone in under half the bytes, as www/vendor-demo.html does). This script also loads
// `./render/schema.js` (reading the form's JSON Schema) and `./embed.css`, both relative to itself, so they travel
// with it.
//
// The host marks its form and fields, and changes nothing else:
//   <form data-sf-form="sf-referral" data-sf-today="2026-03-16" data-sf-profile="telford-wrekin"> (today, profile optional)
//   data-sf-profile is a built-in profile id, or the URL of the council's profile file (JSON: one version, or a list of
//   versions with effectiveFrom) on the page's own origin, fetched once before the form is checked. A file elsewhere,
//   unreadable or not a valid profile is a configuration mistake: the form shows "Checks unavailable" (never "no
//   problems") and the console says why.
//   <input data-sf-path="/referrer/name">                         text, email, tel, number, textarea, select
//   <span data-sf-path="/referralDate">                            a group of
//     <input data-sf-part="day"> <input data-sf-part="month"> <input data-sf-part="year">   (hour, minute for a date-time)
//   <input type="radio" data-sf-path="/service" value="…">         radios (or a container with data-sf-path around them)
//   <input type="checkbox" data-sf-path="/criteria" value="…">     ticked values → a list (objects { id } when the
//                                                                   schema's rows have an id), or a boolean
//
// What it checks is what the form holds when it is saved:
// - Every input / change is sent to one FormSession per form (`set(pointer, value)`), and GOV.UK-style messages go
//   right after the host's field (linked with aria-describedby), once that field has been answered — never because
//   another field was typed. One error per field: the most specific (a date's part before the whole date).
// - Dates as GOV.UK advises: nothing is said while a part is still being typed; a date is judged once its year has 4
//   digits (and every box is filled) or when focus leaves its boxes. A message appearing above the box being typed
//   scrolls the page by its height, so the box stays where it is on screen.
// - On submit — a click, Enter, or `form.requestSubmit()` — every marked field is read again (so values a host's
//   script set with `.value`, rows added or removed since, and a reset are all seen), the form is checked with stage
//   "submit" and, if there are errors, the submission is stopped (before the host's own submit handlers run) and an
//   error summary is shown at the top of the form with links that focus the fields.
// - `form.submit()` fires no submit event. For a marked form it is wrapped: it checks first and only submits when
//   there are no errors. A host that saves by script (fetch, XHR) calls the check itself before saving:
//       const { ok } = await SafeguardingForms.check(form);   // or: import { check } from '/www/embed.js'
//       if (ok) save();
//   `ok` is true when there are no errors, or when the checks could not run (they never block a save they could
//   not check; the form then says "Checks unavailable"). The result also has `checked`, `errors` and `report`.
// - Rows or fields the host adds or removes later (a MutationObserver) are bound or dropped as they come and go.
// - The form's reset (a Clear button, `form.reset()`) clears the data, the summary and every message.
// Styles are in embed.css (class prefix `sf-`), loaded with a <link>. If the checks cannot load (no
// 'wasm-unsafe-eval' in the page's CSP, a 404, an old browser) every marked form says "Checks unavailable" — never
// that there are no problems — and submitting is not blocked.

import { parsePointer, getAt, setAt, removeAt, ensureParents, clone, overlaps, schemaAt, kindOf, deref, pointerIsWithin } from './render/schema.js';

const PREFIX = 'sf';
const scriptTag = [...document.querySelectorAll('script[type="module"][src]')]
  .find((s) => s.src === import.meta.url || s.src.split('?')[0] === import.meta.url.split('?')[0]);
const packageUrl = new URL(scriptTag?.dataset.sfPackage || '/pkg/index.js', document.baseURI).href;

let counter = 0;
const nextId = (what) => `${PREFIX}-${what}-${counter += 1}`;

function h(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function loadStyles() {
  const href = new URL('embed.css', import.meta.url).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset.sfEmbed = '';
  document.head.append(link);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the host's fields

const isControl = (n) => n instanceof HTMLInputElement || n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement;

/** Group the host's marked elements by path: one binding per data-sf-path, with its controls. */
function collectBindings(form) {
  const bindings = new Map();
  for (const node of form.querySelectorAll('[data-sf-path]')) {
    const path = node.dataset.sfPath;
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) continue;
    if (!bindings.has(path)) bindings.set(path, { path, controls: [], containers: [] });
    const b = bindings.get(path);
    if (isControl(node)) b.controls.push(node);
    else {
      b.containers.push(node);
      for (const c of node.querySelectorAll('input, select, textarea')) {
        if (c.closest('[data-sf-path]') === node && !b.controls.includes(c)) b.controls.push(c);
      }
    }
  }
  for (const b of bindings.values()) {
    b.controls = b.controls.filter((c) => c.type !== 'submit' && c.type !== 'button' && c.type !== 'hidden');
    b.parts = Object.fromEntries(b.controls.filter((c) => c.dataset.sfPart).map((c) => [c.dataset.sfPart, c]));
  }
  return [...bindings.values()].filter((b) => b.controls.length > 0);
}

const DATE_PARTS = ['day', 'month', 'year'];
const DATETIME_PARTS = ['day', 'month', 'year', 'hour', 'minute'];

/** A date's boxes are judged once all are filled and the year has 4 digits. */
const dateComplete = (b) => Object.values(b.parts).every((c) => c.value.trim() !== '') && (b.parts.year?.value.trim().length ?? 4) >= 4;

function coerce(raw, node, root) {
  const kind = node ? kindOf(node, root) : 'unknown';
  if (kind === 'boolean') {
    const v = String(raw).trim().toLowerCase();
    if (['true', 'yes', 'on', 'y', '1'].includes(v)) return true;
    if (['false', 'no', 'off', 'n', '0'].includes(v)) return false;
  }
  return raw;
}

/** The binding's value as the session should get it, or undefined when blank. */
function readBinding(b, root) {
  const node = schemaAt(root, b.path);
  if (Object.keys(b.parts).length) {
    const v = Object.fromEntries(Object.entries(b.parts).map(([k, c]) => [k, c.value]));
    if (Object.values(v).every((x) => String(x).trim() === '')) return undefined;
    const names = 'hour' in b.parts || (node && kindOf(node, root) === 'datetime') ? DATETIME_PARTS : DATE_PARTS;
    return Object.fromEntries(names.map((k) => [k, v[k] ?? '']));
  }
  const radios = b.controls.filter((c) => c.type === 'radio');
  if (radios.length) {
    const chosen = radios.find((r) => r.checked);
    return chosen ? coerce(chosen.value, node, root) : undefined;
  }
  const boxes = b.controls.filter((c) => c.type === 'checkbox');
  if (boxes.length) {
    const kind = node ? kindOf(node, root) : 'unknown';
    if (kind === 'boolean' || (boxes.length === 1 && kind !== 'list')) return boxes[0].checked;
    const ticked = boxes.filter((c) => c.checked).map((c) => c.value);
    if (!ticked.length) return undefined;
    const items = node?.items ? deref(node.items, root) : null;
    if (items && items.type === 'object' && items.properties && 'id' in items.properties) return ticked.map((id) => ({ id }));
    return ticked;
  }
  const c = b.controls[0];
  if (c instanceof HTMLSelectElement && c.multiple) {
    const chosen = [...c.selectedOptions].map((o) => o.value).filter((v) => v !== '');
    return chosen.length ? chosen : undefined;
  }
  if (String(c.value).trim() === '') return undefined;
  return coerce(c.value, node, root);
}

// ---------------------------------------------------------------------------------------------------------------
// One marked form

/** A built-in profile id ("telford-wrekin") is used as it is; anything else is the URL of a profile file. */
const isProfileId = (v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v);

/** The council profile a form names: an id, or the parsed file at a URL on this page's own origin. */
async function profileFor(form) {
  const v = form.dataset.sfProfile;
  if (!v || isProfileId(v)) return v || undefined;
  const url = new URL(v, document.baseURI);
  if (url.origin !== location.origin) throw new Error('data-sf-profile must be a profile id or a file on this site');
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the profile file could not be read (HTTP ${response.status})`);
  return response.json();
}

class Checked {
  constructor(form, checks, profile) {
    this.form = form;
    this.checks = checks;
    this.formId = form.dataset.sfForm;
    const today = form.dataset.sfToday;
    this.options = (stage) => ({ stage, ...(today ? { today } : {}), ...(profile ? { profile } : {}) });
    this.schema = checks.schema(this.formId); // throws for an unknown form id
    this.session = new checks.FormSession(this.formId, this.options('draft'));
    this.model = {};
    this.touched = new Set();
    this.submitted = false;
    this.state = 'ready';
    this.bindings = [];
    this.originalDescribedBy = new Map();
    this.originalTitle = document.title;
    this.formBox = h('div', `${PREFIX}-form-messages`);
    this.formBox.id = nextId('form-messages');
    this.notice = h('div', `${PREFIX}-notice`);
    this.notice.setAttribute('role', 'status');
    this.notice.hidden = true;
    this.summary = null;
    form.prepend(this.notice, this.formBox);
    form.dataset.sfChecks = 'ready';

    // What the host filled in before the script ran counts as answered.
    this.rebind();
    this.sync({ markAnswered: true });
    this.show(this.guard(() => this.session.report()));

    // A message appearing when a field loses focus to a press on the submit button would move the button from
    // under the pointer and swallow the click: while the button is pressed, drawing waits until after the click.
    this.pressing = false;
    this.pending = null;
    form.addEventListener('pointerdown', (e) => {
      if (e.target instanceof Element && e.target.closest('button:not([type]), button[type="submit"], input[type="submit"]')) this.pressing = true;
    }, true);
    const release = () => {
      if (!this.pressing) return;
      this.pressing = false;
      setTimeout(() => {
        if (this.pending) this.show(this.pending.report);
        this.pending = null;
      }, 0);
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    form.addEventListener('input', (e) => this.onEvent(e));
    form.addEventListener('change', (e) => this.onEvent(e));
    form.addEventListener('focusout', (e) => this.onFocusOut(e));
    // A reset empties the boxes after the event: the data and the messages follow once it has.
    form.addEventListener('reset', () => setTimeout(() => this.afterReset(), 0));
    // Rows and fields the host adds or removes later (not the messages this script adds).
    this.observer = new MutationObserver((records) => {
      const own = (n) => n instanceof Element && (n.className.toString().startsWith(`${PREFIX}-`) || n.closest(`.${PREFIX}-messages, .${PREFIX}-error-summary, .${PREFIX}-form-messages, .${PREFIX}-notice`));
      const foreign = records.some((r) => !own(r.target) && [...r.addedNodes, ...r.removedNodes].some((n) => !own(n) && n.nodeType === Node.ELEMENT_NODE));
      if (!foreign) return;
      this.rebind();
      if (this.sync()) this.show(this.currentReport());
    });
    this.observer.observe(form, { childList: true, subtree: true });
    // form.submit() fires no submit event: on a marked form it checks first.
    const nativeSubmit = HTMLFormElement.prototype.submit;
    form.submit = () => {
      if (this.check().ok) nativeSubmit.call(form);
    };
  }

  /** (Re-)collect the marked fields: message boxes for new ones, old ones' boxes dropped. */
  rebind() {
    const fresh = collectBindings(this.form);
    const same = (a, b) => a.path === b.path && a.controls.length === b.controls.length && a.controls.every((c, i) => c === b.controls[i]);
    const kept = [];
    for (const b of fresh) {
      const old = this.bindings.find((o) => same(o, b));
      if (old) kept.push(old);
      else {
        this.prepare(b);
        kept.push(b);
      }
    }
    for (const old of this.bindings) {
      if (kept.includes(old)) continue;
      old.box.remove();
      for (const c of old.controls) this.restoreDescribedBy(c);
    }
    this.bindings = kept;
    // A row the host copied from another brings that row's messages and marks along: drop them.
    const boxes = new Set(kept.map((b) => b.box));
    for (const stale of this.form.querySelectorAll(`.${PREFIX}-messages`)) if (!boxes.has(stale)) stale.remove();
  }

  /**
   * Read every marked field again and give the session exactly what the form holds. Returns true when that
   * changed the data. `markAnswered`: every filled field counts as answered (the host's own values at start).
   */
  sync({ markAnswered = false } = {}) {
    const model = {};
    for (const b of this.bindings) {
      const v = readBinding(b, this.schema);
      // An unticked single checkbox says nothing until someone touches it.
      if (v === undefined || (v === false && b.controls.every((c) => c.type === 'checkbox') && !this.touched.has(b.path))) continue;
      const segs = parsePointer(b.path);
      ensureParents(model, segs, this.schema);
      setAt(model, segs, clone(v));
      if (markAnswered) this.touched.add(b.path);
    }
    if (JSON.stringify(model) === JSON.stringify(this.model)) return false;
    this.model = model;
    this.guard(() => this.session.load(clone(model)));
    return true;
  }

  afterReset() {
    this.touched.clear();
    this.submitted = false;
    this.summary?.remove();
    this.summary = null;
    if (document.title.startsWith('Error: ')) document.title = document.title.slice('Error: '.length);
    this.rebind();
    this.sync();
    // A date half typed keeps its messages until it is typed or left; a reset form keeps none (its boxes may still
    // hold the focus).
    this.replacing = true;
    try {
      this.show(this.guard(() => this.session.report()));
    } finally {
      this.replacing = false;
    }
  }

  currentReport() {
    return this.submitted
      ? this.guard(() => this.checks.validate(this.formId, this.session.data(), this.options('submit')))
      : this.guard(() => this.session.report());
  }

  restoreDescribedBy(c) {
    const original = this.originalDescribedBy.get(c);
    if (original) c.setAttribute('aria-describedby', original);
    else c.removeAttribute('aria-describedby');
  }

  /** Where a binding's messages go (right after the field) and which controls they describe. */
  prepare(b) {
    const box = h('div', `${PREFIX}-messages`);
    box.id = nextId('messages');
    b.box = box;
    if (b.containers.length) {
      b.containers[0].after(box);
    } else if (b.controls.length === 1) {
      const c = b.controls[0];
      const wrappingLabel = c.closest('label');
      (wrappingLabel && wrappingLabel.contains(c) ? wrappingLabel : c).after(box);
    } else {
      // Radios or checkboxes without a container: after the last one's label.
      const last = b.controls[b.controls.length - 1];
      const label = last.closest('label') ?? (last.id ? this.form.querySelector(`label[for="${CSS.escape(last.id)}"]`) : null);
      const follows = label && (label.contains(last) || (last.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING));
      const anchor = follows ? label : last;
      anchor.after(box);
    }
    for (const c of b.controls) {
      // Copied from a checked row: its message ids and marks are not this field's.
      const own = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith(`${PREFIX}-message-`));
      this.originalDescribedBy.set(c, own.join(' ') || null);
      c.classList.remove(`${PREFIX}-invalid`);
      c.removeAttribute('aria-invalid');
      this.restoreDescribedBy(c);
    }
  }

  guard(fn) {
    try {
      const r = fn();
      // The package's "checks unavailable" report (a trap inside the module, healed for the next call).
      if (r && typeof r === 'object' && r.unavailable === true) {
        this.setState('unavailable', 'Your last change could not be checked. Change it again to retry.');
        return null;
      }
      if (this.state !== 'ready') this.setState('ready');
      return r;
    } catch (err) {
      console.error(`safeguarding-forms: a check failed: ${err && err.name}: ${err && err.message}`);
      try { this.session.free(); } catch { /* unusable already */ }
      try {
        this.session = new this.checks.FormSession(this.formId, this.options('draft'));
        this.session.load(clone(this.model));
        this.setState('unavailable', 'Your last change could not be checked. Change it again to retry.');
      } catch {
        this.setState('unavailable', 'The checks stopped working. Your answers have not been checked.');
      }
      return null;
    }
  }

  setState(state, detail) {
    this.state = state;
    this.form.dataset.sfChecks = state;
    if (state === 'ready') {
      this.notice.hidden = true;
      this.notice.replaceChildren();
      return;
    }
    showUnavailable(this.form, detail, this.notice);
  }

  bindingFor(target) {
    return this.bindings.find((b) => b.controls.includes(target)) ?? null;
  }

  change(path, value) {
    const segs = parsePointer(path);
    if (value === undefined) {
      if (getAt(this.model, segs) === undefined) return this.guard(() => this.session.report());
      removeAt(this.model, segs);
      return this.guard(() => this.session.remove(path));
    }
    for (const p of ensureParents(this.model, segs, this.schema)) this.guard(() => this.session.set(p.pointer, p.value));
    setAt(this.model, segs, clone(value));
    return this.guard(() => this.session.set(path, clone(value)));
  }

  onEvent(event) {
    const b = this.bindingFor(event.target);
    if (!b) return;
    const t = event.target;
    const choice = t.type === 'radio' || t.type === 'checkbox' || t instanceof HTMLSelectElement;
    if (choice && event.type === 'input') return;
    const hasParts = Object.keys(b.parts).length > 0;
    const complete = hasParts && dateComplete(b);
    if ((event.type === 'change' && !hasParts) || choice || complete) this.touched.add(b.path);
    const value = readBinding(b, this.schema);
    const before = getAt(this.model, parsePointer(b.path));
    const draft = JSON.stringify(before) === JSON.stringify(value)
      ? (event.type === 'change' ? this.guard(() => this.session.report()) : undefined)
      : this.change(b.path, value);
    if (draft === undefined) return;
    this.show(this.submitted && draft ? this.guard(() => this.checks.validate(this.formId, this.session.data(), this.options('submit'))) : draft);
  }

  /** Leaving a date's boxes: it counts as answered (when anything is typed) and its held messages show. */
  onFocusOut(event) {
    const b = this.bindingFor(event.target);
    if (!b || !Object.keys(b.parts).length) return;
    if (event.relatedTarget && b.controls.includes(event.relatedTarget)) return;
    if (readBinding(b, this.schema) !== undefined) this.touched.add(b.path);
    setTimeout(() => { if (!this.pressing) this.show(this.currentReport()); }, 0);
  }

  /** The binding a diagnostic belongs to: the longest marked prefix of its path, else the first field inside it. */
  resolve(path) {
    let best = null;
    for (const b of this.bindings) {
      if (pointerIsWithin(path, b.path) && (best === null || b.path.length > best.path.length)) best = b;
    }
    if (best) return { binding: best, rest: parsePointer(path).slice(parsePointer(best.path).length) };
    if (path !== '') {
      const inside = this.bindings.find((b) => pointerIsWithin(b.path, path));
      if (inside) return { binding: inside, rest: [] };
    }
    return { binding: null, rest: [] };
  }

  visible(d, binding) {
    if (this.submitted) return true;
    if (!binding) return d.severity !== 'info';
    // Its own field answered: not a field the message mentions (`related`), which the person may not have reached.
    for (const t of this.touched) if (overlaps(binding.path, t) && (typeof d.path !== 'string' || overlaps(d.path, t))) return true;
    return false;
  }

  /** A date whose boxes hold the focus and are not complete: its messages wait (never while a reset is shown). */
  beingTyped(b) {
    return !this.replacing && Object.keys(b.parts).length > 0 && b.controls.includes(document.activeElement) && !dateComplete(b);
  }

  clear() {
    this.formBox.replaceChildren();
    for (const b of this.bindings) {
      if (this.beingTyped(b)) continue;
      b.box.replaceChildren();
      b.box.classList.remove(`${PREFIX}-messages--error`, `${PREFIX}-messages--warning`);
      for (const c of b.controls) {
        c.classList.remove(`${PREFIX}-invalid`);
        c.removeAttribute('aria-invalid');
        this.restoreDescribedBy(c);
      }
    }
  }

  /** Per binding, the diagnostics to show: the most specific error only (the deepest path), then the rest. */
  grouped(report, keep) {
    const out = new Map();
    for (const d of report?.diagnostics ?? []) {
      const { binding, rest } = this.resolve(typeof d.path === 'string' ? d.path : '');
      if (!keep(d, binding)) continue;
      if (!out.has(binding)) out.set(binding, []);
      out.get(binding).push({ d, rest });
    }
    const order = { error: 0, warning: 1, info: 2 };
    for (const [binding, list] of out) {
      list.sort((a, b) => order[a.d.severity] - order[b.d.severity] || (a.d.severity === 'error' ? b.rest.length - a.rest.length : 0));
      const seen = new Set();
      out.set(binding, list.filter(({ d }, i) => {
        if (binding && d.severity === 'error' && i > 0) return false;
        const key = `${d.severity}|${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }));
    }
    return out;
  }

  show(report) {
    if (this.pressing) {
      this.pending = { report };
      return;
    }
    this.pending = null;
    // Keep the box being typed where it is on screen while messages above it come and go.
    const focused = document.activeElement;
    const inside = focused instanceof HTMLElement && this.form.contains(focused);
    const top = inside ? focused.getBoundingClientRect().top : 0;
    this.clear();
    if (report) this.draw(report);
    if (inside) {
      const shift = focused.getBoundingClientRect().top - top;
      if (shift !== 0) window.scrollBy(0, shift);
    }
  }

  draw(report) {
    for (const [binding, list] of this.grouped(report, (d, b) => this.visible(d, b))) {
      if (binding && this.beingTyped(binding)) continue;
      for (const { d, rest } of list) this.place(d, binding, rest);
    }
    this.form.dataset.sfValid = String(report.valid === true);
  }

  /** One message, by its field (or at the top of the form); the field's boxes marked for an error. */
  place(d, binding, rest) {
    const message = messageNode(d);
    (binding ? binding.box : this.formBox).append(message);
    if (!binding) return;
    for (const c of binding.controls) {
      const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      c.setAttribute('aria-describedby', [...ids, message.id].join(' '));
    }
    if (d.severity === 'error') {
      binding.box.classList.add(`${PREFIX}-messages--error`);
      const targets = rest[0] && binding.parts[rest[0]] ? [binding.parts[rest[0]]] : binding.controls;
      // A set of radios or checkboxes is marked for assistive technology, not boxed in red one by one.
      const outline = binding.controls.length === 1 || Object.keys(binding.parts).length > 0;
      for (const c of targets) {
        if (outline) c.classList.add(`${PREFIX}-invalid`);
        c.setAttribute('aria-invalid', 'true');
      }
    } else if (d.severity === 'warning') binding.box.classList.add(`${PREFIX}-messages--warning`);
  }

  /**
   * Check what the form holds now (stage "submit"): messages, and the error summary when there are errors.
   * `ok` is true when there are no errors or when the checks could not run (they never block what they could not
   * check).
   */
  check() {
    this.submitted = true;
    this.pressing = false;
    this.rebind();
    this.sync();
    const report = this.guard(() => this.checks.validate(this.formId, this.session.data(), this.options('submit')));
    this.summary?.remove();
    this.summary = null;
    if (!report) return { ok: true, checked: false, errors: 0, report: null };
    this.show(report);
    const errors = this.grouped({ diagnostics: (report.diagnostics ?? []).filter((d) => d.severity === 'error') }, () => true);
    if (errors.size === 0) {
      if (document.title.startsWith('Error: ')) document.title = document.title.slice('Error: '.length);
      return { ok: true, checked: true, errors: 0, report };
    }
    this.showSummary(errors);
    return { ok: false, checked: true, errors: [...errors.values()].reduce((n, l) => n + l.length, 0), report };
  }

  /** The submit event (capture phase, before the host's own handlers). Returns true when it must be stopped. */
  onSubmit(event) {
    if (this.check().ok) return false;
    event.preventDefault();
    return true;
  }

  showSummary(errors) {
    const list = h('ul', `${PREFIX}-error-summary__list`);
    for (const [binding, entries] of errors) {
      for (const { d, rest } of entries) {
        const target = binding ? (rest[0] && binding.parts[rest[0]]) || binding.parts.day || binding.controls.find((c) => c.checked) || binding.controls[0] : null;
        const a = h('a', `${PREFIX}-error-summary__link`, curly(d.message));
        a.href = target?.id ? `#${target.id}` : '#';
        a.addEventListener('click', (e) => {
          e.preventDefault();
          const focus = target ?? this.form.querySelector('input, select, textarea');
          if (!focus) return;
          const label = focus.id ? this.form.querySelector(`label[for="${CSS.escape(focus.id)}"]`) : null;
          (binding?.containers[0] ?? label ?? focus).scrollIntoView({ block: 'center' });
          focus.focus({ preventScroll: true });
        });
        const li = h('li');
        li.append(a);
        list.append(li);
      }
    }
    const summary = h('div', `${PREFIX}-error-summary`);
    summary.tabIndex = -1;
    summary.setAttribute('role', 'alert');
    summary.setAttribute('aria-labelledby', `${this.formBox.id}-summary-title`);
    const title = h('h2', `${PREFIX}-error-summary__title`, 'There is a problem');
    title.id = `${this.formBox.id}-summary-title`;
    summary.append(title, list);
    this.form.prepend(summary);
    this.summary = summary;
    if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }
}

function messageNode(d) {
  const due = d.due ? formatDue(d.due) : '';
  const text = curly(due && !String(d.message).includes(due) ? `${d.message} (due ${due})` : d.message);
  const node = h(d.severity === 'info' ? 'div' : 'p', `${PREFIX}-message ${PREFIX}-message--${d.severity}`);
  node.id = nextId('message');
  node.dataset.code = d.code;
  node.dataset.severity = d.severity;
  if (d.severity !== 'info') node.append(h('span', `${PREFIX}-visually-hidden`, d.severity === 'error' ? 'Error: ' : 'Warning: '));
  node.append(document.createTextNode(text));
  return node;
}

/** Curly quotes and apostrophes, as GOV.UK writes them. */
const curly = (t) => String(t).replace(/(^|[\s(“])"/g, '$1“').replace(/"/g, '”').replace(/(^|[\s(“])'/g, '$1‘').replace(/'/g, '’');

function formatDue(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

function showUnavailable(form, detail, box) {
  const target = box ?? form.querySelector(`:scope > .${PREFIX}-notice`) ?? (() => {
    const b = h('div', `${PREFIX}-notice`);
    b.setAttribute('role', 'status');
    form.prepend(b);
    return b;
  })();
  const strong = h('strong', `${PREFIX}-notice__title`, 'Checks unavailable.');
  target.replaceChildren(strong, document.createTextNode(` ${detail ?? 'Your answers have not been checked. You can still submit the form.'}`));
  target.classList.add(`${PREFIX}-notice--unavailable`);
  target.hidden = false;
  form.dataset.sfChecks = 'unavailable';
}

// ---------------------------------------------------------------------------------------------------------------
// Start

const controllers = new Map(); // form -> Checked

// Capture phase on the window: runs before the host's own submit handlers, so a blocked submission never reaches them.
window.addEventListener('submit', (event) => {
  const form = event.target;
  const c = controllers.get(form);
  if (!c) return;
  if (c.onSubmit(event)) event.stopImmediatePropagation();
}, true);

let startedResolve;
const started = new Promise((resolve) => { startedResolve = resolve; });

/**
 * Check a marked form as it is now, for hosts that save by script. Resolves to { ok, checked, errors, report };
 * `ok` is true when there are no errors or when the checks could not run.
 */
export async function check(form) {
  await started;
  const c = controllers.get(form);
  if (!c) return { ok: true, checked: false, errors: 0, report: null };
  return c.check();
}

window.SafeguardingForms = Object.freeze({ check, ready: started });

async function start() {
  const forms = [...document.querySelectorAll('form[data-sf-form]')];
  if (!forms.length) {
    startedResolve();
    return;
  }
  loadStyles();
  for (const f of forms) f.dataset.sfChecks = 'loading';
  let checks;
  try {
    if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
    checks = await import(packageUrl);
    await checks.default();
  } catch (err) {
    console.warn(`safeguarding-forms: checks not loaded: ${err && err.name}: ${err && err.message}`);
    for (const f of forms) showUnavailable(f);
    startedResolve();
    return;
  }
  for (const f of forms) {
    try {
      const profile = await profileFor(f);
      if (profile !== undefined && typeof profile !== 'string') {
        const problems = checks.checkProfile(profile).problems;
        if (problems.length) throw new Error(`the profile is not valid: ${problems[0].path || '(document)'}: ${problems[0].message}`);
      }
      controllers.set(f, new Checked(f, checks, profile));
    } catch (err) {
      console.warn(`safeguarding-forms: form "${f.dataset.sfForm}" not checked: ${err && err.message}`);
      showUnavailable(f);
    }
  }
  startedResolve();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
