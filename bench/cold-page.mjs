// Fetches the .wasm bytes (not timed), then times compile + instantiate (`init` with the bytes) and the first
// `validate` of the referral record.
import init, { validate } from '/pkg/index.js';
import { OPTIONS, referral } from './data.mjs';

try {
  const bytes = await (await fetch('/pkg/safeguarding_forms_bg.wasm')).arrayBuffer();
  const data = referral();
  const t0 = performance.now();
  await init({ module_or_path: bytes });
  const t1 = performance.now();
  const report = validate('sf-referral', data, OPTIONS);
  const t2 = performance.now();
  if (!Array.isArray(report.diagnostics)) throw new Error('no report');
  window.coldResult = { instantiateMs: t1 - t0, firstValidateMs: t2 - t1, totalMs: t2 - t0 };
} catch (e) {
  window.coldError = String(e && e.stack || e);
}
