// The function names of a module's un-stripped build, read as Rust paths, and the crates that must never ship found
// among them (scripts/size-check.mjs). The linker writes each name as rustc mangled it: with the `legacy` scheme
// (`_ZN` + each path element as its length and text + `E`), which `demangle` reads as a path; a v0 name (`_R…`, the
// compiler's nightly default, which RUSTC_BOOTSTRAP=1 turns on unless scripts/build.mjs asks for `legacy`) is read
// only as far as the crates it names. A name that reads as neither is reported, so the search can never pass over a
// crate it cannot see. tests/node/size-check.test.mjs holds all three.

/** Rust paths (as `demangle` gives them) of crates that must never ship, and each one's name. */
export const FORBIDDEN_NAMES = [
  [/\bregex(_syntax|_automata|_lite)?(\[[0-9a-f]+\])?::/, 'regex'],
  [/\baho_corasick(\[[0-9a-f]+\])?::/, 'regex (aho-corasick)'],
  [/\burl(\[[0-9a-f]+\])?::/, 'url'],
  [/\bidna(\[[0-9a-f]+\])?::/, 'idna'],
  [/\bicu_[a-z_]+(\[[0-9a-f]+\])?::/, 'ICU (icu_*)'],
  [/\bunicode_normalization(\[[0-9a-f]+\])?::/, 'ICU-style normalisation tables (unicode-normalization)'],
  // Not a crate, but as costly: each call site of the standard library's sorts (`sort`, `sort_by_key`,
  // `sort_unstable`, a `BTreeSet` or `BTreeMap` collected from an iterator) compiles its own 3–6 kB of quicksort and
  // driftsort; the engine's sort (src/engine/sort.rs) gives the same order in one small merge sort for every module.
  [/\bcore(\[[0-9a-f]+\])?::slice::sort::/, "the standard library's sorts (core::slice::sort; use engine::sort)"],
  // Nor is the standard library's formatting: `format!`, `write!`, `to_string()` on a `Display` type or a derived
  // `Debug` in use bring `core::fmt::write`, padding and an integer `Display` each (about 4 kB, 1–1.5 kB gzip in every
  // module); `text!` (src/engine/text.rs) writes the same text.
  [/\b(core|alloc)(\[[0-9a-f]+\])?::fmt::/, "the standard library's formatting (core::fmt; use text!)"],
  // And `Vec::splice`: its drop guard was about 1.1 kB gzip of every module (the live session's replacements of a run
  // of findings; engine::session `replace_range` does the same with split_off and extend).
  [/\balloc(\[[0-9a-f]+\])?::vec::splice::/, 'Vec::splice (use session::replace_range)'],
];

/** The crates of FORBIDDEN_NAMES found among `names` (each with its functions' paths), and the names that could not
 * be read. */
export function forbiddenCrates(names) {
  const found = new Map();
  const unreadable = [];
  for (const raw of names) {
    const name = demangle(raw);
    if (name === null) {
      unreadable.push(raw);
      continue;
    }
    for (const [re, crate] of FORBIDDEN_NAMES) {
      if (re.test(name)) {
        if (!found.has(crate)) found.set(crate, []);
        found.get(crate).push(name);
      }
    }
  }
  return { found: [...found], unreadable };
}

/**
 * A legacy-mangled Rust symbol (`_ZN18safeguarding_forms6engine4read5clean17h0123456789abcdefE`, with or without a
 * `.llvm.NNN` suffix) as its path (`safeguarding_forms::engine::read::clean`): the hash element left out, the escapes
 * of generic and trait paths decoded (`_$LT$regex..Regex$u20$as$u20$…$GT$` is `<regex::Regex as …>`). A name that is
 * not a mangled symbol (an export, a C function) is returned as it is; a v0 symbol (`_R…`) as the crates it names
 * (`v0Crates`); null for one of either scheme that does not read as one.
 */
export function demangle(name) {
  if (name.startsWith('_R')) return v0Crates(name);
  if (!name.startsWith('_ZN')) return name;
  const symbol = name.replace(/E\.[\w.$]+$/, 'E');
  if (!symbol.endsWith('E')) return null;
  const parts = [];
  let p = 3;
  while (p < symbol.length - 1) {
    const digits = /^[0-9]+/.exec(symbol.slice(p));
    if (digits === null) return null;
    const n = Number(digits[0]);
    p += digits[0].length;
    if (n === 0 || p + n > symbol.length - 1) return null;
    parts.push(symbol.slice(p, p + n));
    p += n;
  }
  if (parts.length === 0) return null;
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.map(decodeElement).join('::');
}

/**
 * A v0 symbol (`_RNvCs1234_5regex…`) read only as far as the crates it names: each crate root (`C`, an optional
 * disambiguator `s<base-62>_`, then the name's length and the name) as `crate::`, joined with spaces
 * (`regex:: core::`), which is what FORBIDDEN_NAMES looks for; null when it names none. rustc gives the allocator's
 * shims (`__rustc::__rust_alloc`) v0 names whatever the scheme asked for.
 */
function v0Crates(name) {
  const crates = [];
  const root = /C(?:s[0-9A-Za-z]*_)?([0-9]+)_?/g;
  for (let m = root.exec(name); m !== null; m = root.exec(name)) {
    const n = Number(m[1]);
    const crate = name.slice(root.lastIndex, root.lastIndex + n);
    if (n > 0 && crate.length === n && /^[A-Za-z_][A-Za-z0-9_]*$/.test(crate)) crates.push(`${crate}::`);
  }
  return crates.length ? crates.join(' ') : null;
}

const ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

/** One element of a legacy symbol's path, its `$..$` escapes and `..` (for `::`) decoded. */
function decodeElement(element) {
  return element
    .replace(/^_\$/, '$')
    .replace(/\$(SP|BP|RF|LT|GT|LP|RP|C)\$/g, (_, e) => ESCAPES[e])
    .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\.\./g, '::');
}

/** The function names of a wasm module's "name" custom section (subsection 1), or [] when it has none. */
export function functionNames(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const str = () => {
    const n = u32();
    const s = bytes.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const end = p + size;
    if (id === 0) {
      const name = str();
      if (name === 'name') {
        const out = [];
        while (p < end) {
          const sub = bytes[p++];
          const subSize = u32();
          const subEnd = p + subSize;
          if (sub === 1) {
            const count = u32();
            for (let i = 0; i < count; i += 1) {
              u32();
              out.push(str());
            }
          }
          p = subEnd;
        }
        return out;
      }
    }
    p = end;
  }
  return [];
}
