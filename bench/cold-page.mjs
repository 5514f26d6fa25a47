// One cold start in a fresh page (bench/run.mjs): the module's entry is imported and its .wasm fetched first (not
// timed: "after the bytes arrive"), then compile + instantiate (`init` with the bytes) and the first `validate` of
// the referral record are timed. The page's query names the module's folder (`dir`, e.g. pkg/forms/sf-referral)
// and its .wasm file; `today=default` leaves `today` out of the options, so the wrapper works out the date itself (as
// it does for a host that does not pass it).
import { OPTIONS, referral } from './data.mjs';

try {
  const query = new URLSearchParams(location.search);
  const dir = query.get('dir') ?? 'pkg';
  const { default: init, validate } = await import(`/${dir}/index.js`);
  const bytes = await (await fetch(`/${dir}/${query.get('wasm') ?? 'safeguarding_forms_bg.wasm'}`)).arrayBuffer();
  const data = referral();
  const t0 = performance.now();
  await init({ module_or_path: bytes });
  const t1 = performance.now();
  const report = validate('sf-referral', data, query.get('today') === 'default' ? { stage: OPTIONS.stage } : OPTIONS);
  const t2 = performance.now();
  if (!Array.isArray(report.diagnostics)) throw new Error('no report');
  window.coldResult = { instantiateMs: t1 - t0, firstValidateMs: t2 - t1, totalMs: t2 - t0 };
} catch (e) {
  window.coldError = String(e && e.stack || e);
}
