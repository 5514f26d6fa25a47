// The browser side of bench/run.mjs: loads the all-forms package (and, for each form named in the page's `ours`
// query parameter, that form's single-form module, pkg/forms/<form-id>/), ajv's compiled validators, zod and
// valibot, and exposes `runBench(runs)`, which runs bench/suite.mjs exactly as Node does.
import init, * as sf from '/pkg/index.js';
import * as z from 'zod';
import * as v from 'valibot';
import { FORMS } from './data.mjs';
import { runSuite } from './suite.mjs';

const bytesOf = async (url) => (await fetch(url)).arrayBuffer();

try {
  await init({ module_or_path: await bytesOf('/pkg/safeguarding_forms_bg.wasm') });
  const ours = {};
  const query = new URLSearchParams(location.search);
  for (const [form, dir] of Object.entries(JSON.parse(query.get('ours') ?? '{}'))) {
    const mod = await import(`/${dir}/index.js`);
    await mod.default({ module_or_path: await bytesOf(`/${dir}/${query.get('wasm')}`) });
    ours[form] = mod;
  }
  const ajvValidators = {};
  for (const form of Object.keys(FORMS)) ajvValidators[form] = (await import(`/bench/out/ajv-${form}.mjs`)).default;
  const profile = await (await fetch('/examples/profiles/brightwell.json')).json();
  window.runBench = (runs) => runSuite({ sf, ours, ajvValidators, z, v, profile }, { runs });
  window.benchReady = true;
} catch (e) {
  window.benchError = String(e && e.stack || e);
}
