// The labels and units of the generic outcome panel's keys, from the package's declared outcome model
// (`outcomeSchema(formId)`: a JSON Schema with a `title` and an `x-unit` per key), never guessed from a field name
// ("SEND for authorisation by", "Frequency weeks"). Keys of rows (a list's `items`) are labelled too, a key named
// at the top first. A package without `outcomeSchema` gives an empty model: the panel then shows the keys made
// readable, each marked data-label="guessed".

const UNITS = { days: 'day', weeks: 'week', months: 'month', hours: 'hour', percent: '%', fraction: 'fraction' };

/** { key: { title, unit? } } for a form, from its declared outcome model. */
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
      queue.push(s, s?.items);
    }
  }
  return model;
}
