// The size check's search for crates that must never ship (scripts/wasm-names.mjs, run by scripts/size-check.mjs):
// the linker writes each function's name as rustc mangled it, so the search must read mangled names. Until the
// ninth session it matched `regex::` against names that read `_ZN5regex…`, and could never fire.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { demangle, forbiddenCrates, functionNames } from '../../scripts/wasm-names.mjs';
import { unstrippedWasm } from '../../scripts/modules.mjs';

/** A legacy symbol of `path`'s elements, as rustc writes one (a hash element last). */
const legacy = (...parts) => `_ZN${[...parts, 'h0123456789abcdef'].map((p) => `${p.length}${p}`).join('')}E`;

test('legacy symbols read as their paths', () => {
  assert.equal(demangle(legacy('safeguarding_forms', 'engine', 'read', 'clean')), 'safeguarding_forms::engine::read::clean');
  assert.equal(demangle(`${legacy('core', 'fmt', 'write')}.llvm.123456`), 'core::fmt::write');
  assert.equal(
    demangle(legacy('_$LT$regex..exec..ExecNoSync$u20$as$u20$regex..re_trait..RegularExpression$GT$', 'is_match_at')),
    '<regex::exec::ExecNoSync as regex::re_trait::RegularExpression>::is_match_at',
  );
  assert.equal(demangle('session_set_ab0366abc81a6adf'), 'session_set_ab0366abc81a6adf', 'an export, as it is');
  assert.equal(demangle('_ZN5regexE9'), null, 'a legacy symbol cut short');
});

test('v0 symbols read as the crates they name', () => {
  assert.equal(demangle('_RNvCsfLfy6EI15iL_7___rustc14___rust_realloc'), '__rustc::');
  assert.equal(demangle('_RNvMs_NtNtCshyR0tnfJ8E1_18safeguarding_forms6engine11profile_docNtB4_7Checker3doc'), 'safeguarding_forms::');
  assert.match(demangle('_RNvXs0_NtCs1a2b3c_5regex4execNtB5_10ExecNoSyncNtNtCs9z_4core3fmt5Debug3fmt'), /\bregex:: core::/);
  assert.equal(demangle('_RNvXs0_garbage'), null);
});

test('every crate that must never ship is found, in either mangling, and nothing else is', () => {
  const names = [
    legacy('regex', 'exec', 'Exec', 'new'),
    legacy('_$LT$regex_automata..meta..Regex$u20$as$u20$core..clone..Clone$GT$', 'clone'),
    legacy('aho_corasick', 'ahocorasick', 'AhoCorasick', 'new'),
    legacy('url', 'parser', 'Parser', 'parse_url'),
    legacy('idna', 'punycode', 'decode'),
    legacy('icu_normalizer', 'DecomposingNormalizer', 'normalize'),
    legacy('unicode_normalization', 'tables', 'compose'),
    legacy('core', 'slice', 'sort', 'stable', 'drift', 'sort'),
    legacy('_$LT$T$u20$as$u20$core..slice..sort..stable..BufGuard$LT$T$GT$$GT$', 'with_capacity'),
    legacy('core', 'fmt', 'write'),
    legacy('alloc', 'fmt', 'format', 'format_inner'),
    legacy('_$LT$str$u20$as$u20$core..fmt..Display$GT$', 'fmt'),
    legacy('core', 'ptr', 'drop_in_place$LT$alloc..vec..splice..Splice$LT$alloc..vec..into_iter..IntoIter$LT$u8$GT$$GT$$GT$'),
    legacy('alloc', 'vec', 'splice', '_$LT$impl$u20$alloc..vec..drain..Drain$LT$T$C$A$GT$$GT$', 'fill'),
    '_RNvNtCs1a2b3c_5regex4exec3new',
    legacy('safeguarding_forms', 'engine', 'read', 'is_uk_postcode'),
    legacy('core', 'str', 'pattern', 'StrSearcher', 'new'),
    'memcpy',
  ];
  const { found, unreadable } = forbiddenCrates(names);
  assert.deepEqual(found.map(([crate, hits]) => [crate, hits.length]), [
    ['regex', 3],
    ['regex (aho-corasick)', 1],
    ['url', 1],
    ['idna', 1],
    ['ICU (icu_*)', 1],
    ['ICU-style normalisation tables (unicode-normalization)', 1],
    ["the standard library's sorts (core::slice::sort; use engine::sort)", 2],
    ["the standard library's formatting (core::fmt; use text!)", 3],
    ['Vec::splice (use session::replace_range)', 2],
  ]);
  assert.deepEqual(unreadable, []);
  assert.deepEqual(forbiddenCrates(['_RNvXs0_garbage', '_ZN5regexE9']).unreadable, ['_RNvXs0_garbage', '_ZN5regexE9']);
});

test("the referral's un-stripped build: every name read, its own functions found by path, no forbidden crate", (t) => {
  const file = unstrippedWasm('sf-referral');
  if (!fs.existsSync(file)) {
    t.skip('no un-stripped build: run `npm run build` first');
    return;
  }
  const names = functionNames(fs.readFileSync(file));
  assert.ok(names.length > 100, `${names.length} names`);
  const paths = names.map(demangle);
  assert.ok(paths.some((p) => p?.startsWith('safeguarding_forms::forms::sf_referral::')), 'the referral\'s functions, by path');
  // scripts/build.mjs asks for legacy names: all but the allocator's shims read as whole paths.
  const v0 = names.filter((n) => n.startsWith('_R'));
  assert.ok(v0.every((n) => demangle(n) === '__rustc::'), `v0 names beyond the allocator's shims: ${v0.slice(0, 3)}`);
  const { found, unreadable } = forbiddenCrates(names);
  assert.deepEqual(found, []);
  assert.deepEqual(unreadable, []);
});
