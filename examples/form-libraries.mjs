// Hooking the package into form libraries a vendor may already use:
// - react-jsonschema-form: `extraErrors` is an ErrorSchema, nested like the data, with `__errors: string[]` at each
//   field (https://rjsf-team.github.io/react-jsonschema-form/docs/usage/validation#extra-errors);
// - JSON Forms: `additionalErrors` is a list of AJV ErrorObjects (`instancePath`, `message`, `keyword`, `params`,
//   `schemaPath`) (https://jsonforms.io/docs/validation#external-validation-errors).
// Both take the package's Report as it is. The schema to give either library is `schema(formId)`.

const unescape = (seg) => seg.replaceAll('~1', '/').replaceAll('~0', '~');

/** Report → react-jsonschema-form `extraErrors` (errors and warnings; info is left to hints). */
export function toRjsfExtraErrors(report, { severities = ['error', 'warning'] } = {}) {
  const root = {};
  for (const d of report.diagnostics) {
    if (!severities.includes(d.severity)) continue;
    let node = root;
    for (const seg of d.path.split('/').slice(1).map(unescape)) {
      node[seg] ??= {};
      node = node[seg];
    }
    (node.__errors ??= []).push(d.message);
  }
  return root;
}

/** Report → JSON Forms `additionalErrors`. */
export function toJsonFormsAdditionalErrors(report, { severities = ['error', 'warning'] } = {}) {
  return report.diagnostics
    .filter((d) => severities.includes(d.severity))
    .map((d) => ({
      instancePath: d.path,
      message: d.message,
      keyword: d.code,
      params: { code: d.code, severity: d.severity, ...(d.due ? { due: d.due } : {}) },
      schemaPath: '',
    }));
}
