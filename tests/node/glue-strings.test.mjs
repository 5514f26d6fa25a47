// Strings into wasm by one native encodeInto (scripts/glue-strings.mjs, issue 20): the package's glue has no
// character-by-character copy left, and every string arrives whole — ASCII, two-, three- and four-byte characters
// anywhere (at the start, at the end, across the point where an all-ASCII copy would have stopped), and long text — as
// a session's data read back shows. Lone surrogates are reported at their field as before (adversarial-edges).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sf, opts, root, eligibleReferral } from './load.mjs';
import { passStringsByEncodeInto } from '../../scripts/glue-strings.mjs';

const glue = fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms.js'), 'utf8');

test('the glue passes strings with one encodeInto, not a loop over characters', () => {
  const body = glue.slice(glue.indexOf('function passStringToWasm0'), glue.indexOf('\n}\n', glue.indexOf('function passStringToWasm0')));
  assert.match(body, /cachedTextEncoder\.encodeInto\(arg, mem\.subarray\(ptr, ptr \+ len\)\)/);
  assert.doesNotMatch(body, /charCodeAt/);
  assert.throws(() => passStringsByEncodeInto(glue), /not the one this patch was written for/);
});

test('every string arrives whole, whatever its characters and wherever they are', () => {
  const pieces = ['a', 'Z', ' ', '~', 'é', 'ß', 'Ω', '€', '中', '\u{FFFD}', '😀', '𝔸', '\u0301'];
  let seed = 20;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const strings = ['', 'a', 'é', '😀', 'ab😀', '😀ab', 'a'.repeat(63) + '😀', '€'.repeat(40), 'x'.repeat(3000) + 'é'];
  for (let i = 0; i < 300; i += 1) {
    let s = '';
    for (let k = next(40); k > 0; k -= 1) s += next(3) === 0 ? pieces[next(pieces.length)] : 'abc'[next(3)];
    strings.push(s);
  }
  const session = new sf.FormSession('sf-referral', opts);
  for (const s of strings) {
    const data = eligibleReferral();
    data.referrer.name = s;
    data.children[0].name = `${s}${s}`;
    session.load(data);
    const back = session.data();
    assert.equal(back.referrer.name, s);
    assert.equal(back.children[0].name, `${s}${s}`);
    // And the report is the one `validate` gives for the same data (the text reached the engine unchanged).
    assert.deepEqual(session.report(), sf.validate('sf-referral', data, opts));
  }
  session.free();
});
