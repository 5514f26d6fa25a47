// Rendering any form with a form library a vendor may already use, with the engine's findings on its fields:
// - react-jsonschema-form (@rjsf/core with @rjsf/validator-ajv8): `rjsfProps(sf, formId)` gives `schema`, `uiSchema`
//   and the one setting it needs; `toRjsfExtraErrors(report, { schema })` gives `extraErrors`, an ErrorSchema nested
//   like the data with `__errors: string[]` at each field
//   (https://rjsf-team.github.io/react-jsonschema-form/docs/usage/validation#extra-errors);
// - JSON Forms (@jsonforms/react with the vanilla or material renderers): `jsonFormsProps(sf, formId)` gives
//   `schema` and `uischema`; `toJsonFormsAdditionalErrors(report, { schema })` gives `additionalErrors`, AJV
//   ErrorObjects (`instancePath`, `message`, `keyword`, `params`, `schemaPath`)
//   (https://jsonforms.io/docs/validation#external-validation-errors).
// Both libraries keep their default validators: the schema is `sf.schema(formId, { dialect: 'draft-07' })`, one type
// per field, dates as `format: "date"`, choices as `oneOf: [{ const, title }]`. `sf` is the package's module
// (`import * as sf from 'safeguarding-forms'`), passed in so this file imports nothing.
// tests/node/renderers.test.mjs renders every form with both real libraries through these functions.

const unescape = (seg) => seg.replaceAll('~1', '/').replaceAll('~0', '~');
const escape = (seg) => seg.replaceAll('~', '~0').replaceAll('/', '~1');

/** react-jsonschema-form's props for a form: `<Form {...rjsfProps(sf, id)} validator={validator} />`. */
export function rjsfProps(sf, formId) {
  return {
    schema: sf.schema(formId, { dialect: 'draft-07' }),
    uiSchema: sf.uiSchema(formId, { library: 'rjsf' }),
    // Without it, rjsf fills every choice (`oneOf` of `const`s) with its first value before anyone has chosen.
    experimental_defaultFormStateBehavior: { constAsDefaults: 'skipOneOf' },
  };
}

/** JSON Forms' props for a form: `<JsonForms {...jsonFormsProps(sf, id)} renderers={…} cells={…} />`. */
export function jsonFormsProps(sf, formId) {
  return {
    schema: sf.schema(formId, { dialect: 'draft-07' }),
    uischema: sf.uiSchema(formId, { library: 'jsonforms' }),
  };
}

/**
 * The segments of the rendered field a diagnostic's path belongs to: the path cut where the renderer schema stops
 * (a GOV.UK date part `/referralDate/day` is the date field `/referralDate` in a renderer's date widget).
 */
export function fieldSegments(schema, path) {
  const segments = path.split('/').slice(1).map(unescape);
  if (!schema) return segments;
  const out = [];
  let node = schema;
  for (const seg of segments) {
    if (node?.type === 'object' && node.properties && Object.hasOwn(node.properties, seg)) node = node.properties[seg];
    else if (node?.type === 'array' && /^\d+$/.test(seg)) node = node.items;
    else break;
    out.push(seg);
  }
  return out;
}

/** Report → react-jsonschema-form `extraErrors` (errors and warnings; info is left to hints). */
export function toRjsfExtraErrors(report, { schema, severities = ['error', 'warning'] } = {}) {
  const root = {};
  for (const d of report.diagnostics) {
    if (!severities.includes(d.severity)) continue;
    let node = root;
    for (const seg of fieldSegments(schema, d.path)) {
      node[seg] ??= {};
      node = node[seg];
    }
    (node.__errors ??= []).push(d.message);
  }
  return root;
}

/** Report → JSON Forms `additionalErrors`. */
export function toJsonFormsAdditionalErrors(report, { schema, severities = ['error', 'warning'] } = {}) {
  return report.diagnostics
    .filter((d) => severities.includes(d.severity))
    .map((d) => {
      const segments = fieldSegments(schema, d.path);
      return {
        instancePath: segments.map((s) => `/${escape(s)}`).join(''),
        message: d.message,
        keyword: d.code,
        params: { code: d.code, severity: d.severity, ...(d.due ? { due: d.due } : {}) },
        schemaPath: '',
      };
    });
}
