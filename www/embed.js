// safeguarding-forms drop-in checks for a host page's own form. One tag:
//
//   <script type="module" src="/www/embed.js" data-sf-package="/pkg/index.js"></script>
//
// The host marks its form and fields, and changes nothing else:
//   <form data-sf-form="sf-referral" data-sf-today="2026-03-16" data-sf-profile="telford-wrekin"> (today, profile optional)
//   <input data-sf-path="/referrer/name">                         text, email, tel, number, textarea, select
//   <span data-sf-path="/referralDate">                            a group of
//     <input data-sf-part="day"> <input data-sf-part="month"> <input data-sf-part="year">   (hour, minute for a date-time)
//   <input type="radio" data-sf-path="/service" value="…">         radios (or a container with data-sf-path around them)
//   <input type="checkbox" data-sf-path="/criteria" value="…">     ticked values → a list (objects { id } when the
//                                                                   schema's rows have an id), or a boolean
//
// What it does: one FormSession per form; every input / change is sent with `set(pointer, value)`; GOV.UK-style
// messages go right after the host's field (linked with aria-describedby); on submit, the form is checked with
// stage "submit" and, if there are errors, the submission is stopped and an error summary is shown at the top of the
// form with links that focus the fields. Styles are in embed.css (class prefix `sf-`), loaded with a <link>.
// If the checks cannot load (no 'wasm-unsafe-eval' in the page's CSP, a 404, an old browser) every marked form says
// "Checks unavailable" — never that there are no problems — and submitting is not blocked.

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

const pad2 = (s) => (/^\d$/.test(String(s).trim()) ? `0${String(s).trim()}` : String(s).trim());

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
    if ('hour' in b.parts || (node && kindOf(node, root) === 'datetime')) {
      return `${String(v.year ?? '').trim()}-${pad2(v.month ?? '')}-${pad2(v.day ?? '')}T${pad2(v.hour ?? '')}:${pad2(v.minute ?? '')}`;
    }
    return { day: v.day ?? '', month: v.month ?? '', year: v.year ?? '' };
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

class Checked {
  constructor(form, checks) {
    this.form = form;
    this.checks = checks;
    this.formId = form.dataset.sfForm;
    const today = form.dataset.sfToday;
    const profile = form.dataset.sfProfile;
    this.options = (stage) => ({ stage, ...(today ? { today } : {}), ...(profile ? { profile } : {}) });
    this.schema = checks.schema(this.formId); // throws for an unknown form id
    this.session = new checks.FormSession(this.formId, this.options('draft'));
    this.model = {};
    this.touched = new Set();
    this.submitted = false;
    this.state = 'ready';
    this.bindings = collectBindings(form);
    this.originalDescribedBy = new Map();
    this.originalTitle = document.title;
    for (const b of this.bindings) this.prepare(b);
    this.formBox = h('div', `${PREFIX}-form-messages`);
    this.formBox.id = nextId('form-messages');
    this.notice = h('div', `${PREFIX}-notice`);
    this.notice.setAttribute('role', 'status');
    this.notice.hidden = true;
    this.summary = null;
    form.prepend(this.notice, this.formBox);
    form.dataset.sfChecks = 'ready';

    // What the host filled in before the script ran.
    for (const b of this.bindings) {
      const v = readBinding(b, this.schema);
      // An unticked single checkbox says nothing until someone touches it.
      if (v === undefined || (v === false && b.controls.every((c) => c.type === 'checkbox'))) continue;
      for (const p of ensureParents(this.model, parsePointer(b.path), this.schema)) void p;
      setAt(this.model, parsePointer(b.path), clone(v));
      this.touched.add(b.path);
    }
    this.show(this.guard(() => this.session.load(clone(this.model))));

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
    for (const c of b.controls) this.originalDescribedBy.set(c, c.getAttribute('aria-describedby'));
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
    const complete = hasParts && Object.values(b.parts).every((c) => c.value.trim() !== '');
    if ((event.type === 'change' && !hasParts) || choice || complete) this.touched.add(b.path);
    const value = readBinding(b, this.schema);
    const before = getAt(this.model, parsePointer(b.path));
    const draft = JSON.stringify(before) === JSON.stringify(value)
      ? (event.type === 'change' ? this.guard(() => this.session.report()) : undefined)
      : this.change(b.path, value);
    if (draft === undefined) return;
    this.show(this.submitted && draft ? this.guard(() => this.checks.validate(this.formId, this.session.data(), this.options('submit'))) : draft);
  }

  onFocusOut(event) {
    const b = this.bindingFor(event.target);
    if (!b || !Object.keys(b.parts).length || this.touched.has(b.path)) return;
    if (event.relatedTarget && b.controls.includes(event.relatedTarget)) return;
    if (readBinding(b, this.schema) === undefined) return;
    this.touched.add(b.path);
    this.show(this.guard(() => this.session.report()));
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
    const paths = [d.path, binding.path, ...(Array.isArray(d.related) ? d.related : [])];
    for (const t of this.touched) for (const p of paths) if (typeof p === 'string' && p !== '' && overlaps(p, t)) return true;
    return false;
  }

  clear() {
    this.formBox.replaceChildren();
    for (const b of this.bindings) {
      b.box.replaceChildren();
      b.box.classList.remove(`${PREFIX}-messages--error`, `${PREFIX}-messages--warning`);
      for (const c of b.controls) {
        c.classList.remove(`${PREFIX}-invalid`);
        c.removeAttribute('aria-invalid');
        const original = this.originalDescribedBy.get(c);
        if (original) c.setAttribute('aria-describedby', original);
        else c.removeAttribute('aria-describedby');
      }
    }
  }

  show(report) {
    if (this.pressing) {
      this.pending = { report };
      return;
    }
    this.pending = null;
    this.clear();
    if (!report) return;
    const seen = new Set();
    for (const d of report.diagnostics ?? []) {
      const { binding, rest } = this.resolve(typeof d.path === 'string' ? d.path : '');
      if (!this.visible(d, binding)) continue;
      const key = `${binding ? binding.path : ''}|${d.severity}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message = messageNode(d);
      (binding ? binding.box : this.formBox).append(message);
      if (!binding) continue;
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
    this.form.dataset.sfValid = String(report.valid === true);
  }

  /** The submit event (capture phase, before the host's own handlers). Returns true when it must be stopped. */
  onSubmit(event) {
    this.submitted = true;
    const report = this.guard(() => this.checks.validate(this.formId, this.session.data(), this.options('submit')));
    if (!report) return false; // not checked: never block, never say "no problems"
    this.pressing = false;
    this.show(report);
    const errors = (report.diagnostics ?? []).filter((d) => d.severity === 'error');
    this.summary?.remove();
    this.summary = null;
    if (errors.length === 0) {
      if (document.title.startsWith('Error: ')) document.title = document.title.slice('Error: '.length);
      return false;
    }
    const list = h('ul', `${PREFIX}-error-summary__list`);
    const seen = new Set();
    for (const d of errors) {
      const { binding, rest } = this.resolve(typeof d.path === 'string' ? d.path : '');
      const target = binding ? (rest[0] && binding.parts[rest[0]]) || binding.parts.day || binding.controls.find((c) => c.checked) || binding.controls[0] : null;
      const key = `${binding?.path}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = h('a', `${PREFIX}-error-summary__link`, d.message);
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
    summary.focus();
    event.preventDefault();
    return true;
  }
}

function messageNode(d) {
  const text = d.due ? `${d.message} (due ${formatDue(d.due)})` : d.message;
  const node = h(d.severity === 'info' ? 'div' : 'p', `${PREFIX}-message ${PREFIX}-message--${d.severity}`);
  node.id = nextId('message');
  node.dataset.code = d.code;
  node.dataset.severity = d.severity;
  if (d.severity !== 'info') node.append(h('span', `${PREFIX}-visually-hidden`, d.severity === 'error' ? 'Error: ' : 'Warning: '));
  node.append(document.createTextNode(text));
  return node;
}

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

async function start() {
  const forms = [...document.querySelectorAll('form[data-sf-form]')];
  if (!forms.length) return;
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
    return;
  }
  for (const f of forms) {
    try {
      controllers.set(f, new Checked(f, checks));
    } catch (err) {
      console.warn(`safeguarding-forms: form "${f.dataset.sfForm}" not checked: ${err && err.message}`);
      showUnavailable(f);
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
