// Every conformance vector of tests/conformance/<form>/*.json gives, in wasm, exactly the report recorded natively.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sf, root } from './load.mjs';

const dir = path.join(root, 'tests', 'conformance');
const forms = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory()).sort();

for (const form of forms) {
  for (const file of fs.readdirSync(path.join(dir, form)).filter((f) => f.endsWith('.json')).sort()) {
    test(`${form}/${file}`, () => {
      const v = JSON.parse(fs.readFileSync(path.join(dir, form, file), 'utf8'));
      const report = sf.validate(form, v.data, v.options);
      assert.deepEqual(report, v.report);
      // And a session fed the same data field by field ends with the same report.
      const s = new sf.FormSession(form, v.options);
      for (const [k, val] of Object.entries(v.data)) s.set(`/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`, val);
      assert.deepEqual(s.report(), report);
      s.free();
    });
  }
}
