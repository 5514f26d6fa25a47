// A string's way into wasm, made quicker (issue 20: the cold path). wasm-bindgen 0.2.130's glue copies a string into
// the module's memory character by character while the characters are ASCII (`passStringToWasm0`), and hands the rest
// to `TextEncoder.encodeInto`. Every call of `validate` passes the form's data as JSON text (1–2 kB for the benchmark
// records), and that loop cost about 2.4 µs of a referral's cold `validate`; `encodeInto` does the same copy natively
// (about 0.2 µs). This replaces the loop with one `encodeInto` into the same allocation: the bytes written, the
// allocations (`malloc(len)`, then `realloc` to `offset + rest * 3` and down to the bytes written when the text is not
// all ASCII) and the handling of lone surrogates (U+FFFD, by `encodeInto` as before) are the glue's own.
//
// scripts/build.mjs calls it on each module's glue; it throws when the glue's text is not the one it was written for.

const LOOP = `    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
`;

const ENCODE_INTO = `    // Patched by scripts/glue-strings.mjs: one native encodeInto instead of a copy loop.
    const head = cachedTextEncoder.encodeInto(arg, mem.subarray(ptr, ptr + len));
    let offset = head.written;
    if (head.read !== len) {
        arg = arg.slice(head.read);
`;

/** The glue's text with `passStringToWasm0`'s ASCII loop replaced; throws if the loop is not found exactly once. */
export function passStringsByEncodeInto(text) {
  const at = text.indexOf(LOOP);
  if (at < 0 || text.indexOf(LOOP, at + 1) >= 0 || !/function passStringToWasm0\(arg, malloc, realloc\)/.test(text)) {
    throw new Error('scripts/glue-strings.mjs: passStringToWasm0 is not the one this patch was written for (wasm-bindgen 0.2.130); read the new glue and update it');
  }
  return text.slice(0, at) + ENCODE_INTO + text.slice(at + LOOP.length);
}
