// The browser side of bench/run.mjs: loads the package, ajv's compiled validators, zod and valibot, and exposes
// `runBench(runs)`, which runs bench/suite.mjs exactly as Node does.
import init, * as sf from '/pkg/index.js';
import * as z from 'zod';
import * as v from 'valibot';
import { FORMS } from './data.mjs';
import { runSuite } from './suite.mjs';

try {
  await init({ module_or_path: await (await fetch('/pkg/safeguarding_forms_bg.wasm')).arrayBuffer() });
  const ajvValidators = {};
  for (const form of Object.keys(FORMS)) ajvValidators[form] = (await import(`/bench/out/ajv-${form}.mjs`)).default;
  window.runBench = (runs) => runSuite({ sf, ajvValidators, z, v }, { runs });
  window.benchReady = true;
} catch (e) {
  window.benchError = String(e && e.stack || e);
}
