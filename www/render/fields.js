// Builds a GOV.UK Design System form from a form's JSON Schema (and an optional layout), and keeps a registry of
// the rendered fields by JSON Pointer so that diagnostics can be shown by the nearest field.
//
// Schema → component:
//   string (maxLength ≤ 500)      text input (email / tel by format or title); width from maxLength
//   string (maxLength > 500)      textarea
//   $ref #/$defs/date             GOV.UK date input (day, month, year), sent as { day, month, year } as typed
//   string with a date-time pattern  date input plus hour and minute, sent as "YYYY-MM-DDTHH:MM"
//   enum (≤ 8 values)             radios (inline when 2 short values); more than 8: a select
//   boolean                       Yes / No radios, sent as true / false
//   integer / number              text input with inputmode numeric / decimal, sent as typed
//   object                        fieldset (legend from title, hint from description), its fields inside
//   array of enums                checkboxes, sent as the list of ticked values
//   array of anything else        rows that can be added ("Add another …") and removed ("Remove")
// A layout (render/layouts.js) may give sections, labels, hints, choices and list item names.

import { el } from './dom.js';
import {
  parsePointer, toPointer, getAt, deref, kindOf, hintOf, orderedKeys, patternOf, enumLabel, humanize, itemName,
  upperFirst, pointerIsWithin, questionOf, ISO_DATE, ISO_DATETIME,
} from './schema.js';

/** A unique, stable element id for a pointer: /children/0/dateOfBirth → f-children-0-dateOfBirth. */
export function idFor(pointer) {
  if (pointer === '') return 'f-form';
  return 'f' + parsePointer(pointer)
    .map((s) => '-' + String(s).replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`))
    .join('');
}

const pad2 = (s) => {
  const t = String(s ?? '').trim();
  return /^\d$/.test(t) ? `0${t}` : t;
};

/**
 * @param {object} o
 * @param {object} o.schema     the form's JSON Schema
 * @param {object} [o.layout]   the form's layout, if any
 * @param {Map} [o.order]       field order (schema.js fieldOrder)
 * @param {() => object} o.getModel   the page's copy of the data (to fill rows after a list changes)
 */
export function createRenderer({ schema, layout = {}, order, getModel }) {
  const registry = new Map(); // pointer -> group
  const lists = new Map(); // list pointer -> list state
  const fieldLayout = (pointer) => (layout.fields ?? {})[patternOf(pointer, schema)] ?? {};
  const enumLabels = layout.enumLabels ?? {};

  function register(group) {
    registry.set(group.pointer, group);
    if (group.root) group.root.dataset.field = group.pointer;
    return group;
  }

  function unregisterUnder(pointer) {
    for (const key of [...registry.keys()]) if (key !== pointer && pointerIsWithin(key, pointer)) registry.delete(key);
    for (const key of [...lists.keys()]) if (key !== pointer && pointerIsWithin(key, pointer)) lists.delete(key);
  }

  const hintEl = (id, text) => (text ? el('div', { className: 'govuk-hint', text, attrs: { id } }) : null);
  const slot = () => el('div', { className: 'app-messages' });

  function labelFor(pointer, node, fallback) {
    const l = fieldLayout(pointer);
    if (l.label) return l.label;
    if (node?.title) return questionOf(node.title);
    const segs = parsePointer(pointer);
    return fallback ?? humanize(segs[segs.length - 1] ?? '');
  }

  function hintFor(pointer, node, extra) {
    const l = fieldLayout(pointer);
    if (l.hint !== undefined) return l.hint;
    return [hintOf(node), extra].filter(Boolean).join(' ');
  }

  function choicesFor(pointer, node) {
    const l = fieldLayout(pointer);
    if (Array.isArray(l.choices)) return l.choices.map((c) => (Array.isArray(c) ? c : [c, enumLabel(c, enumLabels)]));
    const values = Array.isArray(node?.enum) ? node.enum : [];
    return values.map((v) => [String(v), enumLabel(v, { ...enumLabels, ...(l.enumLabels ?? {}) })]);
  }

  // --- leaves ----------------------------------------------------------------------------------------------------

  function textField(pointer, node, { kind = 'text', label, legendless } = {}) {
    const id = idFor(pointer);
    const l = fieldLayout(pointer);
    const numeric = kind === 'number';
    let extra = '';
    if (numeric && Number.isFinite(node?.minimum) && Number.isFinite(node?.maximum)) extra = `From ${node.minimum} to ${node.maximum}.`;
    const hint = hintEl(`${id}-hint`, hintFor(pointer, node, extra));
    const max = node?.maxLength ?? 0;
    const textarea = kind === 'textarea' || l.widget === 'textarea';
    let width = l.width;
    if (!width && numeric) width = 5;
    else if (!width && kind === 'tel') width = 20;
    else if (!width && max > 0 && max <= 16) width = 10;
    else if (!width && max > 16 && max <= 64) width = 20;
    const input = textarea
      ? el('textarea', {
        className: 'govuk-textarea',
        attrs: { id, name: id, rows: max > 2000 ? 5 : 3, 'aria-describedby': hint?.id, spellcheck: 'true' },
      })
      : el('input', {
        className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
        attrs: {
          id, name: id,
          type: kind === 'email' ? 'email' : kind === 'tel' ? 'tel' : 'text',
          inputmode: numeric ? (node?.type === 'integer' ? 'numeric' : 'decimal') : undefined,
          spellcheck: kind === 'email' || kind === 'tel' || numeric ? 'false' : undefined,
          autocomplete: 'off',
          'aria-describedby': hint?.id,
        },
      });
    input.dataset.group = pointer;
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      legendless ? null : el('label', { className: 'govuk-label', text: label ?? labelFor(pointer, node), attrs: { for: id } }),
      hint,
      messages,
      input,
    ]);
    return register({
      pointer, kind: textarea ? 'textarea' : 'text', id, root, slot: messages, inputs: { '': input },
      describedBase: hint ? [hint.id] : [], describe: input,
      focusId: () => id,
      read: () => (input.value.trim() === '' ? undefined : input.value),
      fill: (v) => { input.value = v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v); },
    });
  }

  function dateField(pointer, node, { label, time = false } = {}) {
    const id = idFor(pointer);
    const l = fieldLayout(pointer);
    const example = time ? 'For example, 27 3 2026 and 14 30 (24-hour clock)' : 'For example, 27 3 2026';
    const hintText = l.hint !== undefined ? l.hint : [hintOf(node), example].filter(Boolean).join(' ');
    const hint = hintEl(`${id}-hint`, hintText);
    const partNames = time ? ['day', 'month', 'year', 'hour', 'minute'] : ['day', 'month', 'year'];
    const parts = {};
    const items = partNames.map((part) => {
      const input = el('input', {
        className: `govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}`,
        attrs: { id: `${id}-${part}`, name: `${id}-${part}`, type: 'text', inputmode: 'numeric', autocomplete: 'off' },
      });
      input.dataset.group = pointer;
      input.dataset.part = part;
      parts[part] = input;
      return el('div', { className: `govuk-date-input__item${part === 'hour' ? ' app-date-input__item--time' : ''}` }, [
        el('div', { className: 'govuk-form-group' }, [
          el('label', { className: 'govuk-label govuk-date-input__label', text: upperFirst(part), attrs: { for: `${id}-${part}` } }),
          input,
        ]),
      ]);
    });
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { role: 'group', 'aria-describedby': hint?.id } }, [
      el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: label ?? labelFor(pointer, node) }),
      hint,
      messages,
      el('div', { className: 'govuk-date-input', attrs: { id } }, items),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    const raw = () => Object.fromEntries(partNames.map((p) => [p, parts[p].value]));
    const blank = () => partNames.every((p) => parts[p].value.trim() === '');
    return register({
      pointer, kind: time ? 'datetime' : 'date', id, root, slot: messages, inputs: parts,
      describedBase: hint ? [hint.id] : [], describe: fieldset,
      focusId: (rest) => (rest && parts[rest[0]] ? parts[rest[0]].id : parts.day.id),
      complete: () => partNames.every((p) => parts[p].value.trim() !== ''),
      read: () => {
        if (blank()) return undefined;
        const v = raw();
        if (!time) return { day: v.day, month: v.month, year: v.year };
        return `${String(v.year).trim()}-${pad2(v.month)}-${pad2(v.day)}T${pad2(v.hour)}:${pad2(v.minute)}`;
      },
      fill: (v) => {
        const d = Object.fromEntries(partNames.map((p) => [p, '']));
        if (typeof v === 'string') {
          const m = (time ? ISO_DATETIME : ISO_DATE).exec(v);
          if (m) {
            Object.assign(d, { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] });
            if (time) Object.assign(d, { hour: m[4], minute: m[5] });
          } else if (time) {
            // A date-time as typed, possibly incomplete: YYYY-MM-DDTHH:MM with empty parts.
            const loose = /^([^-]*)-([^-]*)-([^T]*)T([^:]*):(.*)$/.exec(v);
            if (loose) Object.assign(d, { year: loose[1], month: loose[2], day: loose[3], hour: loose[4], minute: loose[5] });
          }
        } else if (v && typeof v === 'object' && !time) {
          for (const p of partNames) d[p] = v[p] ?? '';
        }
        for (const p of partNames) parts[p].value = String(d[p]);
      },
    });
  }

  function selectField(pointer, node, choices, { label } = {}) {
    const id = idFor(pointer);
    const hint = hintEl(`${id}-hint`, hintFor(pointer, node));
    const select = el('select', {
      className: 'govuk-select',
      attrs: { id, name: id, 'aria-describedby': hint?.id },
    }, [el('option', { text: 'Choose an option', attrs: { value: '' } }), ...choices.map(([v, t]) => el('option', { text: t, attrs: { value: v } }))]);
    select.dataset.group = pointer;
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      el('label', { className: 'govuk-label', text: label ?? labelFor(pointer, node), attrs: { for: id } }),
      hint,
      messages,
      select,
    ]);
    return register({
      pointer, kind: 'select', id, root, slot: messages, inputs: { '': select },
      describedBase: hint ? [hint.id] : [], describe: select,
      focusId: () => id,
      read: () => (select.value === '' ? undefined : select.value),
      fill: (v) => { select.value = typeof v === 'string' && choices.some(([c]) => c === v) ? v : ''; },
    });
  }

  function radiosField(pointer, node, choices, { label, inline, boolean = false } = {}) {
    const id = idFor(pointer);
    const hint = hintEl(`${id}-hint`, hintFor(pointer, node));
    const radios = choices.map(([value], i) => {
      const r = el('input', {
        className: 'govuk-radios__input',
        attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value },
      });
      r.dataset.group = pointer;
      return r;
    });
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hint?.id } }, [
      el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: label ?? labelFor(pointer, node) }),
      hint,
      messages,
      el('div', { className: `govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`, attrs: { 'data-module': 'govuk-radios' } },
        choices.map(([, text], i) => el('div', { className: 'govuk-radios__item' }, [
          radios[i],
          el('label', { className: 'govuk-label govuk-radios__label', text, attrs: { for: radios[i].id } }),
        ]))),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    const decode = (v) => (boolean ? v === 'true' : node?.type === 'integer' && /^-?\d+$/.test(v) ? Number(v) : v);
    return register({
      pointer, kind: 'radios', id, root, slot: messages, inputs: { '': radios[0] },
      describedBase: hint ? [hint.id] : [], describe: fieldset,
      focusId: () => (radios.find((r) => r.checked) ?? radios[0]).id,
      read: () => {
        const chosen = radios.find((r) => r.checked);
        return chosen ? decode(chosen.value) : undefined;
      },
      fill: (v) => { for (const r of radios) r.checked = v !== undefined && v !== null && decode(r.value) === v; },
    });
  }

  function checkboxesField(pointer, node, choices, { label } = {}) {
    const id = idFor(pointer);
    const hint = hintEl(`${id}-hint`, hintFor(pointer, node, 'Select all that apply.'));
    const boxes = choices.map(([value], i) => {
      const b = el('input', {
        className: 'govuk-checkboxes__input',
        attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'checkbox', value },
      });
      b.dataset.group = pointer;
      return b;
    });
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hint?.id } }, [
      el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: label ?? labelFor(pointer, node) }),
      hint,
      messages,
      el('div', { className: 'govuk-checkboxes govuk-checkboxes--small', attrs: { 'data-module': 'govuk-checkboxes' } },
        choices.map(([, text], i) => el('div', { className: 'govuk-checkboxes__item' }, [
          boxes[i],
          el('label', { className: 'govuk-label govuk-checkboxes__label', text, attrs: { for: boxes[i].id } }),
        ]))),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    return register({
      pointer, kind: 'checkboxes', id, root, slot: messages, inputs: {},
      describedBase: hint ? [hint.id] : [], describe: fieldset,
      focusId: (rest) => (rest && /^\d+$/.test(rest[0] ?? '') ? boxes.filter((b) => b.checked)[Number(rest[0])]?.id : null) ?? boxes[0].id,
      read: () => {
        const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
        return ticked.length ? ticked : undefined;
      },
      fill: (v) => {
        const set = new Set(Array.isArray(v) ? v.map(String) : []);
        for (const b of boxes) b.checked = set.has(b.value);
      },
    });
  }

  // --- containers ------------------------------------------------------------------------------------------------

  function fieldsetGroup(pointer, legend, children, { legendSize = 'm', hintText, extra = [], className = '' } = {}) {
    const id = idFor(pointer);
    const hint = hintEl(`${id}-hint`, hintText);
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hint?.id, id: `${id}-fieldset` } }, [
      el('legend', { className: `govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`, text: legend }),
      hint,
      messages,
      ...children.map((c) => c.root ?? c),
      ...extra,
    ]);
    const root = el('div', { className: `govuk-form-group app-composite ${className}`.trim() }, [fieldset]);
    return register({
      pointer, kind: 'fieldset', id, root, slot: messages, inputs: {},
      describedBase: hint ? [hint.id] : [], describe: fieldset,
      focusId: () => fieldset.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`,
    });
  }

  function objectField(pointer, node, depth, { legend, legendSize } = {}) {
    const n = deref(node, schema);
    const pattern = patternOf(pointer, schema);
    const keys = orderedKeys(n, pattern, order);
    const children = keys.map((k) => field(`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, n.properties[k], depth + 1));
    return fieldsetGroup(pointer, legend ?? labelFor(pointer, n), children, {
      legendSize: legendSize ?? (depth <= 1 ? 'm' : 's'),
      hintText: hintFor(pointer, n),
      className: depth > 1 ? 'app-composite--nested' : '',
    });
  }

  function listField(pointer, node, depth) {
    const n = deref(node, schema);
    const l = fieldLayout(pointer);
    const items = deref(n.items ?? {}, schema);
    const itemKind = kindOf(n.items ?? {}, schema);
    const itemLayout = (layout.fields ?? {})[`${patternOf(pointer, schema)}/*`] ?? {};
    // A list of enum values (or of strings the layout gives choices for): checkboxes.
    if (itemKind === 'enum' || Array.isArray(itemLayout.choices) || Array.isArray(l.choices)) {
      const choices = Array.isArray(l.choices) ? choicesFor(pointer, n) : choicesFor(`${pointer}/0`, items);
      return checkboxesField(pointer, n, choices);
    }
    const name = l.item ?? itemName(n.title ?? humanize(parsePointer(pointer).at(-1)));
    const rowsContainer = el('div', { className: 'app-list__rows' });
    const addButton = el('button', {
      className: 'govuk-button govuk-button--secondary app-list__add',
      text: `Add another ${name}`,
      attrs: { type: 'button', 'data-add': pointer, id: `${idFor(pointer)}-add` },
    });
    const group = fieldsetGroup(pointer, labelFor(pointer, n), [rowsContainer], {
      legendSize: depth <= 1 ? 'm' : 's',
      hintText: hintFor(pointer, n),
      extra: [addButton],
      className: `app-list${depth > 1 ? ' app-composite--nested' : ''}`,
    });
    group.kind = 'list';
    group.focusId = () => rowsContainer.querySelector('input, select, textarea')?.id || addButton.id;
    const initial = l.rows ?? (depth <= 1 ? 1 : 0);
    lists.set(pointer, {
      pointer, node: n, itemKind, items: n.items, name, rowsContainer, addButton, depth,
      minRows: 0, shown: initial, max: Number.isFinite(n.maxItems) ? n.maxItems : Infinity,
    });
    return group;
  }

  function renderRow(list, i, rows) {
    const rowPointer = `${list.pointer}/${i}`;
    const label = `${upperFirst(list.name)} ${i + 1}`;
    let content;
    if (list.itemKind === 'object') {
      content = objectField(rowPointer, list.items, list.depth + 1, { legend: label, legendSize: 's' });
    } else {
      content = field(rowPointer, list.items, list.depth + 1, { label });
    }
    const remove = el('button', {
      className: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-list__remove',
      attrs: { type: 'button', 'data-remove': list.pointer, 'data-index': String(i) },
    }, [
      document.createTextNode('Remove'),
      el('span', { className: 'govuk-visually-hidden', text: ` ${list.name} ${i + 1}` }),
    ]);
    void rows;
    return el('div', { className: `app-list__row${list.itemKind === 'object' ? '' : ' app-list__row--small'}`, attrs: { 'data-row': rowPointer } }, [
      content.root,
      remove,
    ]);
  }

  /** (Re-)render the rows of a list: as many as the data has, or as are shown, whichever is more. */
  function renderList(pointer) {
    const list = lists.get(pointer);
    if (!list) return;
    unregisterUnder(pointer);
    lists.set(pointer, list); // unregisterUnder spares the list itself
    const value = getAt(getModel(), parsePointer(pointer));
    const length = Array.isArray(value) ? value.length : 0;
    const rows = Math.min(list.max, Math.max(list.minRows, length, list.shown));
    list.shown = rows;
    const nodes = [];
    for (let i = 0; i < rows; i += 1) nodes.push(renderRow(list, i, rows));
    list.rowsContainer.replaceChildren(...nodes);
    list.addButton.hidden = rows >= list.max;
    list.addButton.textContent = `${rows === 0 ? `Add ${/^[aeiou]/i.test(list.name) ? 'an' : 'a'}` : 'Add another'} ${list.name}`;
    // Lists nested in the new rows render their own rows.
    for (const key of [...lists.keys()]) if (enclosingList(key) === pointer) renderList(key);
    fillFrom(pointer);
  }

  /** The nearest list that contains the list at `pointer`, or null. */
  function enclosingList(pointer) {
    let best = null;
    for (const key of lists.keys()) {
      if (key !== pointer && pointerIsWithin(pointer, key) && (best === null || key.length > best.length)) best = key;
    }
    return best;
  }

  function fillFrom(under) {
    const model = getModel();
    for (const [pointer, group] of registry) {
      if (!group.fill || !pointerIsWithin(pointer, under)) continue;
      group.fill(getAt(model, parsePointer(pointer)));
    }
  }

  // --- dispatch --------------------------------------------------------------------------------------------------

  /** The group for one schema node at `pointer`. */
  function field(pointer, node, depth = 1, { label } = {}) {
    const n = deref(node, schema);
    const l = fieldLayout(pointer);
    const kind = kindOf(node, schema);
    if (Array.isArray(l.choices) && kind !== 'list') {
      const choices = choicesFor(pointer, n);
      return (l.widget ?? (choices.length > 8 ? 'select' : 'radios')) === 'select'
        ? selectField(pointer, n, choices, { label })
        : radiosField(pointer, n, choices, { label, inline: l.inline });
    }
    switch (kind) {
      case 'date': return dateField(pointer, n, { label });
      case 'datetime': return dateField(pointer, n, { label, time: true });
      case 'boolean': return radiosField(pointer, n, [['true', l.yes ?? 'Yes'], ['false', l.no ?? 'No']], { label, inline: true, boolean: true });
      case 'enum': {
        const choices = choicesFor(pointer, n);
        const widget = l.widget ?? (choices.length > 8 ? 'select' : 'radios');
        if (widget === 'select') return selectField(pointer, n, choices, { label });
        const inline = l.inline ?? (choices.length <= 3 && choices.every(([, t]) => t.length <= 12));
        return radiosField(pointer, n, choices, { label, inline });
      }
      case 'number': return textField(pointer, n, { kind: 'number', label });
      case 'object': return objectField(pointer, n, depth, { legend: label });
      case 'list': return listField(pointer, n, depth);
      case 'textarea': case 'email': case 'tel': case 'text': return textField(pointer, n, { kind, label });
      default: return textField(pointer, n, { kind: 'text', label });
    }
  }

  /** Build the whole form: the layout's sections (unlisted fields after them), or every field in page order. */
  function build() {
    const root = deref(schema, schema);
    const keys = orderedKeys(root, '', order);
    const top = (k) => field(`/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, root.properties[k], 1);
    const nodes = [];
    const used = new Set();
    for (const section of layout.sections ?? []) {
      const names = (section.fields ?? []).map((p) => parsePointer(p)[0]).filter((k) => keys.includes(k) && !used.has(k));
      if (!names.length) continue;
      names.forEach((k) => used.add(k));
      const groups = names.map(top);
      // A section holding one fieldset of the same name: the fieldset's legend is the section's heading.
      const legend = groups.length === 1 ? groups[0].root.querySelector(':scope > fieldset > legend') : null;
      const same = legend && legend.textContent.trim().toLowerCase() === String(section.heading).trim().toLowerCase();
      if (same) {
        legend.className = 'govuk-fieldset__legend govuk-fieldset__legend--l';
        legend.replaceChildren(el('h2', { className: 'govuk-fieldset__heading', text: section.heading }));
      }
      nodes.push(el('div', { className: 'app-section' }, [
        same ? null : el('h2', { className: 'govuk-heading-l', text: section.heading }),
        section.hint ? el('p', { className: 'govuk-body', text: section.hint }) : null,
        ...groups.map((g) => g.root),
      ]));
    }
    const rest = keys.filter((k) => !used.has(k));
    if (rest.length) {
      const groups = rest.map((k) => top(k).root);
      nodes.push(layout.sections?.length
        ? el('div', { className: 'app-section' }, [el('h2', { className: 'govuk-heading-l', text: layout.otherHeading ?? 'Other details' }), ...groups])
        : el('div', { className: 'app-section' }, groups));
    }
    return nodes;
  }

  return {
    registry, lists, build, renderList, fillFrom, idFor,
    /** Render every list's first rows (call once the built nodes are in the document). */
    renderAllLists() {
      for (const key of [...lists.keys()]) if (enclosingList(key) === null) renderList(key);
    },
    addRow(pointer) {
      const list = lists.get(pointer);
      const value = getAt(getModel(), parsePointer(pointer));
      const length = Array.isArray(value) ? value.length : 0;
      const rows = Math.max(list.minRows, length, list.shown);
      if (rows >= list.max) return null;
      list.shown = rows + 1;
      renderList(pointer);
      return list.rowsContainer.querySelector(`[data-row="${CSS.escape(`${pointer}/${rows}`)}"]`);
    },
    /** After the data lost row `index`: one row fewer on show. */
    rowRemoved(pointer) {
      const list = lists.get(pointer);
      list.shown = Math.max(0, list.shown - 1);
      renderList(pointer);
      return list.addButton;
    },
    toPointer,
  };
}
