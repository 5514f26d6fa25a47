// The labels and units of the generic outcome panel's keys, and the labels of their coded values, from the
// package's declared outcome model (`outcomeSchema(formId)`: a JSON Schema with a `title` and an `x-unit` per key, and
// a choice as `oneOf: [{ const, title }]`), never guessed from a field name ("SEND for authorisation by", "Frequency
// weeks") or a code ("Lead check ins"). Keys of rows (a list's `items`) are labelled too, a key named at the top
// first; a list of choices gives its values' labels to the list's key. A package without `outcomeSchema` (or without
// the values' titles) gives an empty model: the panel then shows keys and codes made readable, each marked
// data-label="guessed".

const UNITS = { days: 'day', weeks: 'week', months: 'month', hours: 'hour', percent: '%', fraction: 'fraction' };

/** { key: { title, unit?, values? } } for a form, from its declared outcome model; `values`: { code: label }. */
export function outcomeModel(formId, checks) {
  let schema = null;
  try {
    schema = typeof checks?.outcomeSchema === 'function' ? checks.outcomeSchema(formId) : null;
  } catch {
    schema = null;
  }
  const model = {};
  const queue = [schema];
  while (queue.length) {
    const node = queue.shift();
    if (!node || typeof node !== 'object') continue;
    for (const [key, s] of Object.entries(node.properties ?? {})) {
      if (!model[key] && typeof s?.title === 'string') {
        const unit = UNITS[s['x-unit']] ?? s['x-unit'];
        model[key] = unit ? { title: s.title, unit } : { title: s.title };
      }
      const values = choiceLabels(s?.oneOf ?? s?.items?.oneOf);
      // A key that holds codes in more than one place (`status`) has the labels of each; a code keeps its first.
      if (model[key] && values) model[key].values = { ...values, ...model[key].values };
      queue.push(s, s?.items);
    }
  }
  return model;
}

/** { code: label } of a choice's `oneOf` (its `{ const, title }` entries), or null when it labels nothing. */
function choiceLabels(oneOf) {
  if (!Array.isArray(oneOf)) return null;
  const labels = {};
  for (const c of oneOf) {
    if (typeof c?.const === 'string' && typeof c.title === 'string' && c.title) labels[c.const] = c.title;
  }
  return Object.keys(labels).length ? labels : null;
}
