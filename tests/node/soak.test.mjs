// Soak: one process, one package instance, a long day of typing. 100,000 keystrokes (`FormSession.set`, as a person
// types, corrects and clears fields, adds and removes rows) and 20,000 caller mistakes that throw (bad pointers, an
// unknown form, a malformed option, cyclic data, a BigInt), interleaved. After a warm-up, memory must stay flat:
//   - wasm linear memory (memory.buffer.byteLength) grows by at most WASM_SLACK after the warm-up (it never
//     shrinks, so any leak inside wasm shows as growth);
//   - the JavaScript heap, after a full garbage collection, stays within HEAP_SLACK of its size after the warm-up.
// Must finish in well under a minute on this project's machines (2 cores).

import test from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sf, opts, eligibleReferral } from './load.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const KEYSTROKES = 100_000;
const MISTAKES = 20_000;
const WARM_UP = 0.1; // the first 10% of the run
const WASM_SLACK = 1024 * 1024; // 16 pages
const HEAP_SLACK = 8 * 1024 * 1024;
const MIB = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

/** What a person does at keystroke i: type a name letter by letter, a date part by part, a number, tick and untick. */
function keystroke(s, i) {
  const step = i % 40;
  const name = 'Siobhán Nguyễn-O’Brien 😀'.slice(0, (i % 25) + 1);
  switch (step % 8) {
    case 0: return s.set('/referrer/name', name);
    case 1: return s.set('/children/0/name', name);
    case 2: return s.set('/referralDate', { day: String((i % 31) + 1), month: String(((i >> 5) % 12) + 1), year: '2025'.slice(0, (i % 4) + 1) });
    case 3: return s.set('/children/0/attendancePercent', String(i % 120));
    case 4: return s.set('/criteria/-', { id: ['youth-offending', 'domestic-abuse', 'asb-level-2'][i % 3] });
    case 5: return s.remove('/criteria/0');
    case 6: return s.set('/address/postcode', 'TF1 6FR'.slice(0, (i % 7) + 1));
    default: return step === 7 ? s.remove('/referrer/name') : s.set('/route', i % 2 ? 'health' : 'self-referral');
  }
}

const cyclic = { referralDate: '2025-05-20' };
cyclic.self = cyclic;

/** A caller's mistake at i: every one must throw a named Error. */
function mistake(s, i) {
  switch (i % 6) {
    case 0: return () => s.set('/a~2b', 'x');
    case 1: return () => s.set('/children/99/name', 'x');
    case 2: return () => sf.validate('no-such-form', {}, opts);
    case 3: return () => sf.validate('sf-referral', {}, { today: '2025-02-30' });
    case 4: return () => sf.validate('sf-referral', cyclic, opts);
    default: return () => s.set('/route', 10n);
  }
}

function measure() {
  gc();
  gc();
  return { wasm: sf.__testing.memoryBytes(), heap: process.memoryUsage().heapUsed };
}

test(`${KEYSTROKES} keystrokes and ${MISTAKES} caller mistakes: memory flat after warm-up, under a minute`, () => {
  const t0 = Date.now();
  const s = new sf.FormSession('sf-referral', opts);
  s.load(eligibleReferral());
  const every = Math.round(KEYSTROKES / MISTAKES);
  const samples = [];
  let warm;
  let thrown = 0;
  let last;
  for (let i = 0; i < KEYSTROKES; i += 1) {
    last = keystroke(s, i);
    if (i % every === 0) {
      try {
        mistake(s, i / every)();
      } catch (e) {
        assert.ok(e instanceof Error && e.message.length > 0, String(e));
        thrown += 1;
      }
    }
    if (i + 1 === Math.round(KEYSTROKES * WARM_UP)) warm = measure();
    if (warm && (i + 1) % 10_000 === 0) samples.push({ at: i + 1, ...measure() });
  }
  const took = Date.now() - t0;
  assert.equal(thrown, MISTAKES, 'every mistake threw');
  assert.equal(last.form, 'sf-referral');
  assert.deepEqual(s.report(), sf.validate('sf-referral', s.data(), opts), 'the session still agrees with validate');
  assert.equal(sf.__testing.heals, 0, 'no trap in the whole run');
  s.free();

  const table = samples.map((x) => `${x.at}: wasm ${MIB(x.wasm)}, heap ${MIB(x.heap)}`).join('\n');
  const diag = `after warm-up: wasm ${MIB(warm.wasm)}, heap ${MIB(warm.heap)}\n${table}\n${took} ms`;
  for (const x of samples) {
    assert.ok(x.wasm - warm.wasm <= WASM_SLACK, `wasm memory grew by ${MIB(x.wasm - warm.wasm)}\n${diag}`);
    assert.ok(x.heap - warm.heap <= HEAP_SLACK, `JS heap grew by ${MIB(x.heap - warm.heap)}\n${diag}`);
  }
  assert.ok(took < 60_000, `took ${took} ms\n${diag}`);
  console.log(diag);
});
