// Privacy: over a run of every public function (every form, good and bad input, caller mistakes, a trap and its
// recovery), the package makes no network request, touches no storage, writes nothing to the console, sets no
// timer, and reads the clock only for the default "today". Every such API is replaced by a stub that counts and
// throws, installed after init (loading the .wasm is the one fetch, in a browser, and only from next to the module).
// The same run happens in Chromium (tests/browser/bad-input.test.mjs): `exerciseEverything` and `installTraps` are
// plain JavaScript, sent into the page as source.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Replaces the network, storage, console and timer APIs of `g` (globalThis) with stubs that count and throw, and
 * counts clock reads. Returns { counts, restore() }.
 */
export function installTraps(g) {
  const counts = {};
  const saved = [];
  const hit = (name) => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const replace = (owner, key, name, make) => {
    const had = Object.getOwnPropertyDescriptor(owner, key);
    saved.push(() => (had ? Object.defineProperty(owner, key, had) : delete owner[key]));
    Object.defineProperty(owner, key, { configurable: true, writable: true, value: make(name) });
  };
  const thrower = (name) => function stub() {
    hit(name);
    throw new Error(`privacy: ${name} was used`);
  };
  const throwingClass = (name) => new Proxy(function Stub() {}, {
    construct() {
      hit(name);
      throw new Error(`privacy: new ${name}`);
    },
    apply() {
      hit(name);
      throw new Error(`privacy: ${name}()`);
    },
    get(target, key) {
      if (key === 'prototype' || key === Symbol.hasInstance) return Reflect.get(target, key);
      hit(`${name}.${String(key)}`);
      throw new Error(`privacy: ${name}.${String(key)}`);
    },
  });
  const throwingObject = (name) => new Proxy({}, {
    get(_t, key) {
      hit(`${name}.${String(key)}`);
      throw new Error(`privacy: ${name}.${String(key)}`);
    },
    set(_t, key) {
      hit(`${name}.${String(key)}=`);
      throw new Error(`privacy: ${name}.${String(key)} set`);
    },
    has(_t, key) {
      hit(`${name} has ${String(key)}`);
      return false;
    },
  });
  for (const name of ['fetch']) replace(g, name, name, thrower);
  for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel']) {
    replace(g, name, name, throwingClass);
  }
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches', 'cookieStore']) replace(g, name, name, throwingObject);
  if (g.navigator) {
    for (const key of ['sendBeacon']) {
      try {
        replace(g.navigator, key, `navigator.${key}`, thrower);
      } catch {
        // Not configurable here: covered by the page's request log in the browser.
      }
    }
  }
  if (g.document) {
    try {
      replace(g.document, 'cookie', 'document.cookie', throwingObject);
    } catch {
      // document.cookie is an accessor on Document.prototype; shadowing it on the instance is enough where allowed.
    }
  }
  for (const key of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'assert']) {
    replace(g.console, key, `console.${key}`, (name) => function spy() {
      hit(name);
    });
  }
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback']) {
    if (name in g) replace(g, name, name, thrower);
  }
  // The clock: counted, not refused (the default "today" reads it).
  const RealDate = g.Date;
  class CountingDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) hit('clock');
      super(...args);
    }

    static now() {
      hit('clock');
      return RealDate.now();
    }
  }
  replace(g, 'Date', 'Date', () => CountingDate);
  return {
    counts,
    restore() {
      while (saved.length) saved.pop()();
    },
  };
}

/**
 * Calls every public function of the package, on every form, with good input, bad input and caller mistakes, and
 * through a trap and its recovery. `vectors` is [{ form, data, options }]. Returns a summary (for the test's eyes).
 * Every call passes `today` except those marked, so the clock may be read only there.
 */
export function exerciseEverything(sf, vectors, clockRead) {
  const today = { today: '2025-06-02' };
  const calls = [];
  const safely = (name, fn) => {
    try {
      fn();
      calls.push(name);
    } catch (e) {
      calls.push(`${name}: ${e.message}`);
    }
  };
  const forms = sf.forms();
  safely('profiles', () => sf.profiles());
  safely('rules()', () => sf.rules(undefined, today));
  for (const p of sf.profiles()) safely(`rules(${p.id})`, () => sf.rules(forms[0].id, { ...today, profile: p.id }));
  for (const f of forms) {
    safely(`schema ${f.id}`, () => sf.schema(f.id));
    safely(`rules ${f.id}`, () => sf.rules(f.id, today));
    safely(`validate ${f.id} {}`, () => sf.validate(f.id, {}, { ...today, stage: 'submit' }));
    safely(`validate ${f.id} junk`, () => sf.validate(f.id, { x: '<script>', y: '\ud800', z: [[[[{}]]]], n: 1e308 }, today));
    safely(`carryForward ${f.id}`, () => sf.carryForward(f.id, {}));
    const s = new sf.FormSession(f.id, today);
    safely(`session ${f.id}`, () => {
      s.set('/anything', 'x');
      s.set('/anything/0', { day: '1', month: 'June', year: '2025' });
      s.remove('/anything');
      s.load({});
      s.report();
      s.data();
    });
    safely(`session mistake ${f.id}`, () => s.set('no-slash', 1));
    s.free();
  }
  for (const v of vectors) {
    safely(`vector ${v.form}`, () => {
      sf.validate(v.form, v.data, { ...v.options, today: v.options?.today ?? today.today });
      sf.carryForward(v.form, v.data);
    });
  }
  safely('workingDays', () => sf.workingDays('2025-12-24', '2026-01-05', { ...today, closures: ['2025-12-29'] }));
  safely('addWorkingDays', () => sf.addWorkingDays('2025-12-24', 3, today));
  safely('caller mistakes', () => {
    for (const fn of [() => sf.validate('nope', {}, today), () => sf.validate(forms[0].id, [], today),
      () => sf.validate(forms[0].id, {}, { today: '2025-02-30' }), () => sf.schema('nope'), () => sf.addWorkingDays('x', 1, today)]) {
      try {
        fn();
      } catch {
        // expected
      }
    }
  });
  // A trap and the recovery (re-instantiation) touch nothing either.
  safely('trap', () => {
    sf.__testing.trapNext();
    sf.validate(forms[0].id, {}, today);
    const s = new sf.FormSession(forms[0].id, today);
    s.set('/a', 1);
    sf.__testing.trapNext();
    s.set('/b', 2);
    s.set('/c', 3);
    s.free();
  });
  const before = clockRead();
  safely('today default', () => {
    sf.validate(forms[0].id, {});
    new sf.FormSession(forms[0].id).free();
  });
  return { calls, clockReadsForDefault: clockRead() - before };
}

const isMain = process.argv[1] && pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url;

if (isMain) {
  const { sf, root } = await import('./load-hooks.mjs');

  const vectors = [];
  const dir = path.join(root, 'tests', 'conformance');
  for (const form of fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory())) {
    for (const file of fs.readdirSync(path.join(dir, form)).filter((f) => f.endsWith('.json'))) {
      const v = JSON.parse(fs.readFileSync(path.join(dir, form, file), 'utf8'));
      vectors.push({ form, data: v.data, options: v.options });
    }
  }

  test('the stubs catch what they guard (a control for the test below)', () => {
    const fetchBefore = globalThis.fetch;
    const traps = installTraps(globalThis);
    try {
      assert.throws(() => fetch('http://127.0.0.1/'), /privacy/);
      assert.throws(() => new XMLHttpRequest(), /privacy/);
      assert.throws(() => new WebSocket('ws://127.0.0.1/'), /privacy/);
      assert.throws(() => localStorage.getItem('x'), /privacy/);
      assert.throws(() => indexedDB.open('x'), /privacy/);
      assert.throws(() => setTimeout(() => {}, 1), /privacy/);
      console.log('x');
      new Date();
    } finally {
      traps.restore();
    }
    assert.deepEqual(traps.counts, {
      fetch: 1, XMLHttpRequest: 1, WebSocket: 1, 'localStorage.getItem': 1, 'indexedDB.open': 1, setTimeout: 1, 'console.log': 1, clock: 1,
    });
    assert.equal(globalThis.fetch, fetchBefore, 'restored');
  });

  test('every public function: no network, no storage, no console, no timer; the clock only for the default today', () => {
    const traps = installTraps(globalThis);
    let summary;
    try {
      summary = exerciseEverything(sf, vectors, () => traps.counts.clock ?? 0);
    } finally {
      traps.restore();
    }
    const { clock = 0, ...others } = traps.counts;
    assert.deepEqual(others, {}, 'APIs the package must not use');
    assert.ok(summary.clockReadsForDefault >= 1, 'the default today reads the clock');
    assert.equal(clock, summary.clockReadsForDefault, 'no other clock read');
    assert.ok(summary.calls.length > vectors.length, `${summary.calls.length} calls`);
    assert.ok(vectors.length > 0);
  });

  test('the package source names no network, storage or console API outside wasm-bindgen\'s loader', () => {
    // The glue's loader fetches the .wasm (init() with no argument) and warns on a wrong MIME type or deprecated
    // init parameters; nothing else may mention these.
    const glue = fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms.js'), 'utf8');
    const wrapper = fs.readFileSync(path.join(root, 'pkg', 'index.js'), 'utf8');
    const banned = /\b(XMLHttpRequest|WebSocket|sendBeacon|localStorage|sessionStorage|indexedDB|document\.cookie|console\.(log|info|error|debug))\b/;
    assert.doesNotMatch(wrapper.replace(/\/\/.*$/gm, ''), banned);
    assert.doesNotMatch(wrapper.replace(/\/\/.*$/gm, ''), /\bfetch\(|console\./);
    assert.doesNotMatch(glue, banned);
    const glueFetches = glue.match(/\bfetch\(/g) ?? [];
    assert.equal(glueFetches.length, 1, 'one fetch: the loader of the .wasm');
    const warns = glue.match(/console\.warn\(/g) ?? [];
    assert.ok(warns.length <= 3, 'only the loader\'s warnings');
  });
}
