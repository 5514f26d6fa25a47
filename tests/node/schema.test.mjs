// The generated JSON Schemas agree with the engine: every conformance record in which the engine finds no input
// problem (no INP-* diagnostic) is valid against its form's schema under ajv (draft 2020-12), and every schema
// compiles in strict mode.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sf, root } from './load.mjs';

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validators = new Map(sf.forms().map((f) => [f.id, ajv.compile(sf.schema(f.id))]));

test('every form has a schema that compiles', () => {
  assert.equal(validators.size, sf.forms().length);
  assert.equal(validators.size, 28);
});

const dir = path.join(root, 'tests', 'conformance');
for (const form of fs.readdirSync(dir).sort()) {
  test(`${form}: records with no input problem are valid against the schema`, () => {
    const validate = validators.get(form);
    let checked = 0;
    for (const file of fs.readdirSync(path.join(dir, form)).filter((f) => f.endsWith('.json'))) {
      const v = JSON.parse(fs.readFileSync(path.join(dir, form, file), 'utf8'));
      const report = sf.validate(form, v.data, v.options);
      if (report.diagnostics.some((d) => d.code.startsWith('INP-'))) continue;
      checked++;
      assert.ok(validate(v.data), `${form}/${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    assert.ok(checked >= 3, `${form}: only ${checked} well-typed records`);
  });
}
