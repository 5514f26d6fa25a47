// Server-side validation in Node with the same package the browser uses: a vendor's back end re-checks what the page
// sent, with identical rules and messages. Run (after `npm run build`): node examples/node-server.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sf = await import(pathToFileURL(path.join(root, 'pkg', 'index.js')).href);
sf.initSync({ module: fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms_bg.wasm')) });

/** What a request handler does with a submitted form: validate at submit, answer 422 with the findings if invalid. */
export function handleSubmission(formId, body, today) {
  const report = sf.validate(formId, body, { stage: 'submit', today });
  if (report.valid) return { status: 201, body: { accepted: true, outcome: report.outcome } };
  const errors = report.diagnostics.filter((d) => d.severity === 'error').map(({ code, path, message }) => ({ code, path, message }));
  return { status: 422, body: { accepted: false, errors } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const answer = handleSubmission('sf-referral', { referralDate: '2025-05-20', route: 'health' }, '2025-06-02');
  console.log(answer.status, JSON.stringify(answer.body, null, 2));
}
