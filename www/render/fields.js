// The schema renderer: a GOV.UK Design System form from a form's JSON Schema (and an optional layout), built with
// the live form's field components (www/live-form.js), which also keep the registry of fields by JSON Pointer.
//
// Schema → component:
//   string (maxLength ≤ 500)      text input (email / tel by format or title); width from maxLength
//   string (maxLength > 500)      textarea
//   $ref #/$defs/date             GOV.UK date input (day, month, year), sent as { day, month, year } as typed
//   $ref #/$defs/dateTime         date input plus hour and minute, sent as { day, month, year, hour, minute }
//   enum (≤ 8 values)             radios (inline when 2 short values); more than 8: a select
//   boolean                       Yes / No radios, sent as true / false
//   integer / number              text input with inputmode numeric / decimal, sent as typed
//   object                        fieldset (legend from title, hint from description), its fields inside
//   array of enums                checkboxes, sent as the list of ticked values
//   array of anything else        rows that can be added ("Add another …") and removed ("Remove")
// A layout (render/layouts.js) may give sections, labels, hints, choices and list item names.

import { el } from './dom.js';
import {
  parsePointer, toPointer, deref, kindOf, hintOf, orderedKeys, patternOf, enumLabel, humanize, itemName, upperFirst, choiceTitles,
  questionOf,
} from './schema.js';

/** A unique, stable element id for a pointer: /children/0/dateOfBirth → f-children-0-dateOfBirth. */
export function idFor(pointer) {
  if (pointer === '') return 'f-form';
  return 'f' + parsePointer(pointer)
    .map((s) => '-' + String(s).replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`))
    .join('');
}

const escapeKey = (k) => k.replace(/~/g, '~0').replace(/\//g, '~1');
/** How the engine's schema describes a local list (src/engine/schema.rs): open text unless a council lists the values. */
const LOCAL_LIST = 'A local list:';

/**
 * @param {object} o
 * @param {object} o.schema     the form's JSON Schema
 * @param {object} o.live       the page's live form (createLiveForm with `idFor` from here)
 * @param {object} [o.layout]   the form's layout, if any
 * @param {Map} [o.order]       field order (schema.js fieldOrder)
 * @param {object} [o.titled]   the form's schema in the renderer dialect (`schema(id, { dialect: 'draft-07' })`),
 *                              whose `oneOf` titles label the choices (schema.js choiceTitles)
 */
export function createRenderer({ schema, live, layout = {}, order, titled }) {
  const fieldLayout = (pointer) => (layout.fields ?? {})[patternOf(pointer, schema)] ?? {};
  const enumLabels = layout.enumLabels ?? {};

  function labelFor(pointer, node, fallback) {
    const l = fieldLayout(pointer);
    if (l.label) return l.label;
    if (node?.title) return questionOf(node.title);
    return fallback ?? humanize(parsePointer(pointer).at(-1) ?? '');
  }

  function hintFor(pointer, node, extra) {
    const l = fieldLayout(pointer);
    if (l.hint !== undefined) return l.hint;
    return [hintOf(node), extra].filter(Boolean).join(' ') || undefined;
  }

  function choicesFor(pointer, node) {
    const l = fieldLayout(pointer);
    if (Array.isArray(l.choices)) return l.choices.map((c) => (Array.isArray(c) ? c : [c, enumLabel(c, enumLabels)]));
    const values = Array.isArray(node?.enum) ? node.enum : [];
    const labels = { ...(titled ? choiceTitles(titled, pointer) : null), ...enumLabels, ...(l.enumLabels ?? {}) };
    return values.map((v) => [String(v), enumLabel(v, labels)]);
  }

  function textField(pointer, node, kind, label) {
    const l = fieldLayout(pointer);
    const numeric = kind === 'number';
    const range = numeric && Number.isFinite(node?.minimum) && Number.isFinite(node?.maximum) ? `From ${node.minimum} to ${node.maximum}.` : '';
    const max = node?.maxLength ?? 0;
    let width = l.width;
    if (!width && numeric) width = 5;
    else if (!width && kind === 'tel') width = 20;
    else if (!width && max > 0 && max <= 16) width = 10;
    else if (!width && max > 16 && max <= 64) width = 20;
    const textarea = kind === 'textarea' || l.widget === 'textarea';
    // A local list (the engine's schema says so in its description): the council's values when its profile lists them.
    if (kind === 'text' && !textarea && String(node?.description ?? '').startsWith(LOCAL_LIST) && live.localList) {
      return live.localList(pointer, label ?? labelFor(pointer, node), { hintText: hintFor(pointer, node), width: width ?? 20 });
    }
    return live.text(pointer, label ?? labelFor(pointer, node), {
      hintText: hintFor(pointer, node, range),
      textarea,
      rows: max > 2000 ? 5 : 3,
      width: textarea ? undefined : width,
      type: kind === 'email' ? 'email' : kind === 'tel' ? 'tel' : 'text',
      inputmode: numeric ? (node?.type === 'integer' ? 'numeric' : 'decimal') : undefined,
      spellcheck: kind === 'email' || kind === 'tel' || numeric ? false : undefined,
    });
  }

  function choiceField(pointer, node, choices, label, inlineDefault) {
    const l = fieldLayout(pointer);
    const widget = l.widget ?? (choices.length > 8 ? 'select' : 'radios');
    if (widget === 'select') return live.select(pointer, label ?? labelFor(pointer, node), choices, { hintText: hintFor(pointer, node) });
    const decode = node?.type === 'integer' ? (v) => (/^-?\d+$/.test(v) ? Number(v) : v) : (v) => v;
    return live.radios(pointer, label ?? labelFor(pointer, node), choices, {
      hintText: hintFor(pointer, node), small: true, inline: l.inline ?? inlineDefault, decode,
    });
  }

  function objectField(pointer, node, depth, { legend, legendSize } = {}) {
    const n = deref(node, schema);
    const keys = orderedKeys(n, patternOf(pointer, schema), order);
    const children = keys.map((k) => field(`${pointer}/${escapeKey(k)}`, n.properties[k], depth + 1));
    return live.fieldset(pointer, legend ?? labelFor(pointer, n), children, {
      legendClass: `govuk-fieldset__legend--${legendSize ?? (depth <= 1 ? 'm' : 's')}`,
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
      return live.checkboxes(pointer, labelFor(pointer, n), choices, { hintText: hintFor(pointer, n, 'Select all that apply.') });
    }
    const name = l.item ?? itemName(n.title ?? humanize(parsePointer(pointer).at(-1)));
    return live.list(pointer, {
      legend: labelFor(pointer, n),
      hintText: hintFor(pointer, n),
      itemName: name,
      addText: (rows) => `${rows === 0 ? `Add ${/^[aeiou]/i.test(name) ? 'an' : 'a'}` : 'Add another'} ${name}`,
      initialRows: l.rows ?? (depth <= 1 ? 1 : 0),
      max: Number.isFinite(n.maxItems) ? n.maxItems : Infinity,
      legendClass: `govuk-fieldset__legend--${depth <= 1 ? 'm' : 's'}`,
      className: depth > 1 ? 'app-composite--nested' : '',
      rowClass: itemKind === 'object' ? '' : 'app-list__row--small',
      renderRow: (i) => {
        const label = `${upperFirst(name)} ${i + 1}`;
        const rowPointer = `${pointer}/${i}`;
        return itemKind === 'object'
          ? objectField(rowPointer, n.items, depth + 1, { legend: label, legendSize: 's' })
          : field(rowPointer, n.items, depth + 1, { label });
      },
    });
  }

  /** The group for one schema node at `pointer`. */
  function field(pointer, node, depth = 1, { label } = {}) {
    const n = deref(node, schema);
    const l = fieldLayout(pointer);
    const kind = kindOf(node, schema);
    if (Array.isArray(l.choices) && kind !== 'list') return choiceField(pointer, n, choicesFor(pointer, n), label, l.inline);
    switch (kind) {
      case 'date': return live.date(pointer, label ?? labelFor(pointer, n), { hintText: l.hint !== undefined ? l.hint : [hintOf(n), 'For example, 27 3 2026'].filter(Boolean).join(' ') });
      case 'datetime': return live.date(pointer, label ?? labelFor(pointer, n), { time: true, hintText: l.hint !== undefined ? l.hint : [hintOf(n), 'For example, 27 3 2026 and 14 30 (24-hour clock)'].filter(Boolean).join(' ') });
      case 'boolean': return live.radios(pointer, label ?? labelFor(pointer, n), [['true', l.yes ?? 'Yes'], ['false', l.no ?? 'No']], { hintText: hintFor(pointer, n), inline: true, small: true });
      case 'enum': {
        const choices = choicesFor(pointer, n);
        return choiceField(pointer, n, choices, label, choices.length <= 3 && choices.every(([, t]) => t.length <= 12));
      }
      case 'object': return objectField(pointer, n, depth, { legend: label });
      case 'list': return listField(pointer, n, depth);
      case 'number': case 'textarea': case 'email': case 'tel': case 'text': return textField(pointer, n, kind, label);
      default: return textField(pointer, n, 'text', label);
    }
  }

  /** Build the whole form: the layout's sections (unlisted fields after them), or every field in page order. */
  function build() {
    const root = deref(schema, schema);
    const keys = orderedKeys(root, '', order);
    const top = (k) => field(toPointer([k]), root.properties[k], 1);
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

  return { build, field };
}
