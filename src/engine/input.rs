//! Reading JSON text safely. Data from JavaScript crosses the boundary as JSON text (the wrapper's
//! `JSON.stringify` rejects cycles, BigInt and Symbols before wasm is entered). The engine's reader
//! (`engine::json_text`) reads the text as it is, and stops at what the scan below would change (nesting at
//! [`MAX_DEPTH`], a lone surrogate, a number from 1e300 up); then the text is read again after one linear,
//! non-recursive scan that:
//! - cuts nesting deeper than [`MAX_DEPTH`], replacing the too-deep value with `"\u{FFFD}"`, so no input can
//!   overflow the stack (the field then reports a value it cannot read);
//! - replaces a lone UTF-16 surrogate escape (`"\uD800"`), which a JSON reader would reject for the whole payload,
//!   with U+FFFD, so the one field that holds it is reported and the rest of the form is still checked;
//! - quotes a number beyond what a 64-bit float holds (`1e400`), which would also fail the whole payload
//!   ("number out of range"), so it reaches its field as text and is reported there (a number field says it
//!   must be a number) instead of losing the record. Text from JavaScript never has one (`JSON.stringify` writes
//!   `null` for an infinite number); a council's export can.

use super::error::Error;
use super::json_text::{self, Stop};
use super::value::Value;

/// Deeper nesting than any form has.
pub const MAX_DEPTH: usize = 64;
/// The largest JSON text the engine reads.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The text that stands for a value that could not be kept.
pub const UNREADABLE: &str = "\"\\ufffd\"";

/// Parses JSON text into a value, cutting what cannot be read safely (see the module's documentation).
pub fn parse(text: &str) -> Result<Value, Error> {
    parse_over(text, Value::Null)
}

/// The text's value, read over `place` (`null` for a fresh read). Almost every text needs nothing cut: it is read as
/// it is, and the value kept when it holds nothing the scan would have changed. Any other text takes the guarded read,
/// which gives exactly what it always gave.
fn parse_over(text: &str, mut place: Value) -> Result<Value, Error> {
    if json_text::read_over(text, &mut place, true).is_ok() {
        return Ok(place);
    }
    parse_guarded(text)
}

/// [`parse`], reusing the value a caller gave back with [`recycle`] on this thread: where the text has the same shape
/// as that value (the same keys in the same order, which every record of one form mostly has), its objects, lists,
/// keys and strings are written over in place instead of allocated and hashed again; an object whose keys differ
/// from some point on (a field left out or added) is built again from there with the old entries taken by key. The
/// value is exactly what [`parse`] gives (tests/input_reuse.rs holds them equal over every conformance record read
/// after every other, and over random texts): building a `serde_json::Value` was about a third of a cold check in the
/// WebAssembly module, where reading the same text without keeping it took a sixth of that (BENCHMARKS.md, "Reading into a reused
/// value"). For calls that drop the value when done (`validate_json`, the command line's `batch`); a live session
/// keeps its value and reads with [`parse`].
pub fn parse_reusing(text: &str) -> Result<Value, Error> {
    parse_over(text, SPARE.with(|s| s.take()).unwrap_or(Value::Null))
}

/// Gives a value read by [`parse_reusing`] back, to be written over by the next read on this thread. A value read
/// from text longer than [`RECYCLE_MAX_BYTES`] is dropped instead, so a large paste is not held between calls.
pub fn recycle(value: Value, text_len: usize) {
    if text_len <= RECYCLE_MAX_BYTES {
        SPARE.with(|s| s.set(Some(value)));
    }
}

/// The largest text whose value [`recycle`] keeps (forms are a few kilobytes).
pub const RECYCLE_MAX_BYTES: usize = 256 * 1024;

std::thread_local! {
    /// The value given back by [`recycle`]: only its allocations are reused, never its content.
    static SPARE: core::cell::Cell<Option<Value>> = const { core::cell::Cell::new(None) };
}

/// The guarded read: the scan, then the read.
fn parse_guarded(text: &str) -> Result<Value, Error> {
    let cleaned = guard(text);
    let source = cleaned.as_deref().unwrap_or(text);
    read(source).map_err(|e| {
        Error::InvalidInput(crate::text!(
            "not JSON text (",
            if e == Stop::Eof { "unexpected end" } else { "syntax error" },
            ")"
        ))
    })
}

/// The read of a text the guard wrote (or would leave as it is) into a new value.
fn read(text: &str) -> Result<Value, Stop> {
    let mut value = Value::Null;
    json_text::read_over(text, &mut value, false)?;
    Ok(value)
}

/// Numbers this large take the guarded read: the guard quotes a number that Rust's exact reading makes infinite, so
/// a number the one-pass read finds this large is left for the guard to decide.
pub(crate) const NEAR_F64_LIMIT: f64 = 1e300;

/// Whether a value holds nothing the scan would have changed: no object or array inside [`MAX_DEPTH`] others, no
/// number of at least [`NEAR_F64_LIMIT`]. What the one-pass read refuses as it reads, written as a walk for the
/// tests to hold it to.
#[cfg(test)]
fn unguarded(value: &Value, depth: usize) -> bool {
    match value {
        Value::Array(items) => depth < MAX_DEPTH && items.iter().all(|v| unguarded(v, depth.saturating_add(1))),
        Value::Object(map) => depth < MAX_DEPTH && map.values().all(|v| unguarded(v, depth.saturating_add(1))),
        Value::Number(n) => n.as_f64().is_none_or(|x| x.abs() < NEAR_F64_LIMIT),
        _ => true,
    }
}

/// Returns a rewritten text when something had to be cut or replaced, `None` when the text is fine as it is.
fn guard(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `text` already copied into `out`
    let mut depth = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(fixed) = fix_surrogates(text.get(i..end).unwrap_or("")) {
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(text.get(copied..i).unwrap_or(""));
                    o.push_str(&fixed);
                    copied = end;
                }
                i = end;
            }
            b'{' | b'[' => {
                if depth >= MAX_DEPTH {
                    let end = container_end(bytes, i);
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(text.get(copied..i).unwrap_or(""));
                    o.push_str(UNREADABLE);
                    copied = end;
                    i = end;
                } else {
                    depth = depth.saturating_add(1);
                    i = i.saturating_add(1);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                i = i.saturating_add(1);
            }
            b'-' | b'0'..=b'9' => {
                let end = number_end(bytes, i);
                let token = text.get(i..end).unwrap_or("");
                if beyond_f64(token) {
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(text.get(copied..i).unwrap_or(""));
                    o.push('"');
                    o.push_str(token);
                    o.push('"');
                    copied = end;
                }
                i = end;
            }
            _ => i = i.saturating_add(1),
        }
    }
    out.map(|mut o| {
        o.push_str(text.get(copied..).unwrap_or(""));
        o
    })
}

/// The index just past the string that opens at `start` (or the end of the text when unterminated).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start.saturating_add(1);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i = i.saturating_add(2),
            b'"' => return i.saturating_add(1),
            _ => i = i.saturating_add(1),
        }
    }
    bytes.len()
}

/// The index just past the number token that starts at `start` (its characters, whether or not well formed).
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while bytes.get(i).is_some_and(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
        i = i.saturating_add(1);
    }
    i
}

/// Whether a well-formed number token is too large for a 64-bit float (only an exponent or more than 300 digits can
/// be; a malformed token is left for the parser to report).
fn beyond_f64(token: &str) -> bool {
    let may_overflow = token.len() > 300 || token.bytes().any(|b| b == b'e' || b == b'E');
    may_overflow && crate::engine::parse_float::parse_f64(token).is_some_and(f64::is_infinite)
}

/// The index just past the object or array that opens at `start`.
fn container_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i = string_end(bytes, i);
                continue;
            }
            b'{' | b'[' => depth = depth.saturating_add(1),
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i.saturating_add(1);
                }
            }
            _ => {}
        }
        i = i.saturating_add(1);
    }
    bytes.len()
}

fn hex4(s: &str, at: usize) -> Option<u16> {
    let h = s.get(at..at.checked_add(4)?)?;
    u16::from_str_radix(h, 16).ok()
}

/// Replaces `\uD800`-`\uDFFF` escapes that are not a proper high-low pair with `\ufffd`. `None` when there are none.
fn fix_surrogates(s: &str) -> Option<String> {
    // Most strings have no escape at all: one byte search decides.
    if !s.as_bytes().contains(&b'\\') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b != b'\\' {
            i = i.saturating_add(1);
            continue;
        }
        let next = bytes.get(i.saturating_add(1)).copied();
        if next != Some(b'u') {
            i = i.saturating_add(2);
            continue;
        }
        let Some(unit) = hex4(s, i.saturating_add(2)) else {
            i = i.saturating_add(2);
            continue;
        };
        let after = i.saturating_add(6);
        match unit {
            0xD800..=0xDBFF => {
                let paired = s.get(after..after.saturating_add(2)) == Some("\\u")
                    && hex4(s, after.saturating_add(2)).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo));
                if paired {
                    i = after.saturating_add(6);
                } else {
                    out.push_str(s.get(copied..i).unwrap_or(""));
                    out.push_str("\\ufffd");
                    copied = after;
                    changed = true;
                    i = after;
                }
            }
            0xDC00..=0xDFFF => {
                out.push_str(s.get(copied..i).unwrap_or(""));
                out.push_str("\\ufffd");
                copied = after;
                changed = true;
                i = after;
            }
            _ => i = after,
        }
    }
    changed.then(|| {
        out.push_str(s.get(copied..).unwrap_or(""));
        out
    })
}

/// The reader's reference: what the engine read before it had its own reader (`serde_json` over the guard's text).
/// The tests and the differential fuzz target (fuzz/fuzz_targets/json_text.rs, the cargo feature `fuzzing`) hold
/// [`parse`] to it.
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod reference {
    use super::{guard, parse, Value};

    /// What `serde_json` says of a number it rounds past `f64::MAX`.
    pub const OUT_OF_RANGE: &str = "serde_json: number out of range";

    /// `serde_json` over the guard's text, as the engine's value; its error as the engine words it (the kind:
    /// "unexpected end" or "syntax error"), or [`OUT_OF_RANGE`].
    pub fn serde_reference(text: &str) -> Result<Value, String> {
        let cleaned = guard(text);
        let source = cleaned.as_deref().unwrap_or(text);
        serde_json::from_str::<serde_json::Value>(source).map(|v| Value::from(&v)).map_err(|e| {
            if e.to_string().starts_with("number out of range") {
                return OUT_OF_RANGE.to_owned();
            }
            let name = if e.classify() == serde_json::error::Category::Eof { "unexpected end" } else { "syntax error" };
            format!("invalid input: not JSON text ({name})")
        })
    }

    /// The same tree, floats allowed a few units in the last place apart: `serde_json` (without its `float_roundtrip`
    /// feature) reads some floats off the nearest (`9.99e299` as `9.990000000000001e299`, `7658124289089.5096e-115`
    /// two units off); the engine reads the nearest, as `str::parse` does (`numbers_are_read_as_serde_json_reads_them`
    /// holds it to that exactly).
    pub fn same_tree(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
                let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                x.to_bits().abs_diff(y.to_bits()) <= 4 && x.is_sign_negative() == y.is_sign_negative()
            }
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q)),
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|((k, p), (l, q))| k == l && same_tree(p, q))
            }
            _ => a == b,
        }
    }

    /// Whether [`parse`] gives what `serde_json` gave: the same tree (keys in the same order, numbers kept whole or as
    /// floats alike), or an error of the same kind. Where `serde_json` stopped at a number out of range, the engine
    /// said "syntax error" (`serde_json` classes that error so), and still may: the text `1e701e7088`, whose first
    /// number the guard leaves as it is because the token is not a number. The engine may also read the text where
    /// `serde_json` refused a number it rounded past `f64::MAX` (`1.7976931348623158e308`), which the guard (exact)
    /// had left as a number: it is the float it is, and the record is not lost. `Err` says how they differ.
    pub fn same_as_serde(text: &str) -> Result<(), String> {
        match (parse(text), serde_reference(text)) {
            (Ok(a), Ok(b)) if same_tree(&a, &b) => Ok(()),
            (Err(a), Err(b)) if a.to_string() == b => Ok(()),
            (Err(a), Err(b)) if b == OUT_OF_RANGE && a.to_string() == "invalid input: not JSON text (syntax error)" => {
                Ok(())
            }
            (Ok(_), Err(b)) if b == OUT_OF_RANGE => Ok(()),
            (a, b) => Err(format!("{text:?}: the engine read {a:?}, serde_json {b:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text as read in one pass, when the guard would change nothing in it.
    fn read_plain(text: &str) -> Option<Value> {
        let mut value = Value::Null;
        let plain = json_text::read_over(text, &mut value, true).is_ok().then_some(value);
        // What the read finds as it reads is what a walk over the value finds.
        assert_eq!(plain, read(text).ok().filter(|v| unguarded(v, 0)), "{text}");
        plain
    }

    /// `parse` gives what `serde_json` gave ([`reference::same_as_serde`]); the text in the message when not.
    fn same_as_serde(text: &str) {
        if let Err(why) = reference::same_as_serde(text) {
            panic!("{why}");
        }
    }

    fn same_as_guarded(text: &str) {
        same_as_serde(text);
        match (parse(text), parse_guarded(text)) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{text}");
                assert_eq!(a.to_string(), b.to_string(), "{text}");
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
            (a, b) => panic!("{text}: {a:?} / {b:?}"),
        }
    }

    fn nested(open: &str, close: &str, levels: usize, inner: &str) -> String {
        format!("{}{inner}{}", open.repeat(levels), close.repeat(levels))
    }

    #[test]
    fn the_one_pass_read_gives_the_guarded_reads_value() {
        let big = "9".repeat(400);
        let mut texts: Vec<String> = [
            r#"{"a":1,"b":[true,false,null],"c":{"d":"e\"\\\u00e9\ud83d\ude00","f":-0.0,"g":1.5e-7}}"#,
            r#"{"a":1,"a":2,"b":3,"a":{"x":1}}"#,
            r#"{}"#,
            r#"[]"#,
            r#"{"":[{},[],{"":""}]}"#,
            r#"  {"a" : [ 1 , 2 ] }  "#,
            r#"{"a":18446744073709551615,"b":-9223372036854775808,"c":18446744073709551616,"d":1e20}"#,
            r#"{"a":"x\ud800y"}"#,
            r#"{"a":"\udc00"}"#,
            r#"{"\ud800":1}"#,
            r#"{"a":1e400}"#,
            r#"{"a":-1E+999}"#,
            r#"{"a":1e-400,"b":0e999,"c":0.0}"#,
            r#"{"a":1e299,"b":9.99e299,"c":1e300,"d":1.5e300,"e":1e308}"#,
            r#"{"a":1.7976931348623157e308}"#,
            r#"{"a":1.7976931348623158e308}"#,
            r#"{"a":1.7976931348623159e308}"#,
            r#"{"a":-1.797693134862315807e308}"#,
            r#"{"a":1.797693134862315808e308}"#,
            // Infinite read exactly (the guard quotes it), f64::MAX as serde_json reads it.
            r#"{"a":1.79769313486231581e308}"#,
            r#"{"a":2e308}"#,
            r#"{"a":1e}"#,
            r#"{"a":1,}"#,
            r#"{"a":1} x"#,
            "",
            "{",
            "\"\\u12",
            "not json",
            "[1,2",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.push(format!(r#"{{"a":{big},"b":"{big}"}}"#));
        texts.push(format!(r#"{{"a":{}}}"#, "9".repeat(300)));
        // Objects larger than the pairwise search for repeated keys (which sorts them instead), with and without.
        let many: Vec<String> = (0..40).map(|i| format!(r#""k{}":{i}"#, (i * 7) % 40)).collect();
        texts.push(format!("{{{}}}", many.join(",")));
        let repeats: Vec<String> = (0..60).map(|i| format!(r#""k{}":{i}"#, (i * 7) % 23)).collect();
        texts.push(format!("{{{}}}", repeats.join(",")));
        texts.push(format!(r#"{{"x":[{{{}}}],"y":{{{}}}}}"#, repeats.join(","), many.join(",")));
        for levels in [1, 62, 63, 64, 65, 66, 100, 127, 128, 129, 130, 1000] {
            texts.push(nested("[", "]", levels, "1"));
            texts.push(nested("[", "]", levels, ""));
            texts.push(nested("{\"a\":", "}", levels, "{}"));
            texts.push(format!(r#"{{"x":{},"y":2}}"#, nested("[{\"k\":", "}]", levels / 2, "[]")));
        }
        for t in &texts {
            same_as_guarded(t);
        }
        // The one pass reads what needs no guard, and leaves the rest to the guarded read.
        assert!(read_plain(r#"{"a":[1,{"b":"c"}],"d":1e299}"#).is_some());
        assert!(read_plain(&nested("[", "]", 64, "")).is_some());
        assert!(read_plain(&nested("[", "]", 65, "")).is_none());
        assert!(read_plain(r#"{"a":"\ud800"}"#).is_none());
        assert!(read_plain(r#"{"a":1e300}"#).is_none());
        assert!(read_plain(r#"{"a":1e400}"#).is_none());
    }

    #[test]
    fn the_one_pass_read_gives_the_guarded_reads_value_for_every_conformance_vector() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
        let mut read = 0;
        for form in std::fs::read_dir(&root).unwrap() {
            for file in std::fs::read_dir(form.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                same_as_guarded(&text);
                let vector: Value = serde_json::from_str(&text).unwrap();
                same_as_guarded(&vector["data"].to_string());
                read += 1;
            }
        }
        assert!(read > 300, "{read} vectors");
    }

    /// JSON-like text: valid values, nested deep or not, with the numbers and escapes the guard rewrites, and
    /// sometimes a character too many or too few.
    fn json_like() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            prop::sample::select(vec![
                "0",
                "-0",
                "1",
                "-12",
                "1.5",
                "1e5",
                "1E+2",
                "2.5e-3",
                "1e299",
                "1e300",
                "-3e305",
                "1.7976931348623157e308",
                "1.7976931348623159e308",
                "1e309",
                "-1e400",
                "1e-400",
                "18446744073709551616",
                "true",
                "false",
                "null",
            ])
            .prop_map(str::to_owned),
            prop::sample::select(vec![
                "",
                "a",
                "\\ud800",
                "\\udfff",
                "\\ud83d\\ude00",
                "\\ud83dx",
                "\\\"[{",
                "\\u00e9",
                "\\\\",
                "x\\ud800\\ud800",
            ])
            .prop_map(|s| format!("\"{s}\"")),
        ];
        let value = leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(","))),
                prop::collection::vec((prop::sample::select(vec!["a", "b", "\\ud800", ""]), inner), 0..4).prop_map(
                    |entries| {
                        let entries: Vec<String> = entries.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                        format!("{{{}}}", entries.join(","))
                    }
                ),
            ]
        });
        (value, 0..140usize, prop::sample::select(vec!["", "}", ",", " ", "]"]), any::<bool>()).prop_map(
            |(v, levels, extra, objects)| {
                let text = if objects { nested("{\"n\":", "}", levels, &v) } else { nested("[", "]", levels, &v) };
                format!("{text}{extra}")
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_one_pass_read_gives_the_guarded_reads_value_for_json_like_text(text in json_like()) {
            same_as_guarded(&text);
        }

        /// Any short text of JSON's characters (most of them not JSON): read, or refused as at its end or not, as
        /// `serde_json` reads or refuses it.
        #[test]
        fn any_text_is_read_or_refused_as_serde_json_does(
            text in proptest::string::string_regex(r#"[ \t\n{}\[\]:,"\\/a-zA-Z0-9.eE+\-\u{e9}\u{1f600}\x01]{0,24}"#).unwrap()
        ) {
            same_as_serde(&text);
        }

        /// Text made mostly of escapes and hex digits (surrogate pairs, cut-short and malformed escapes): read, or
        /// refused as at its end or not, as `serde_json` reads or refuses it.
        #[test]
        fn escapes_are_read_or_refused_as_serde_json_does(
            text in proptest::string::string_regex(r#""([\\u0-9a-fdD8c"x ]{0,20})"#).unwrap()
        ) {
            same_as_serde(&text);
        }

        /// Numbers as people and exports write them: read to the same whole number or the same float as
        /// `serde_json` reads them.
        #[test]
        fn numbers_are_read_as_serde_json_reads_them(
            sign in prop::sample::select(vec!["", "-"]),
            int in "(0|[1-9][0-9]{0,19})",
            frac in prop::option::of("[0-9]{1,15}"),
            exp in prop::option::of((prop::sample::select(vec!["e", "E"]), prop::sample::select(vec!["", "+", "-"]), 0u32..330)),
        ) {
            let whole = frac.is_none() && exp.is_none();
            let mut text = format!("{sign}{int}");
            if let Some(f) = frac {
                text.push('.');
                text.push_str(&f);
            }
            if let Some((e, s, n)) = exp {
                text.push_str(&format!("{e}{s}{n}"));
            }
            let record = format!("{{\"n\":{text}}}");
            same_as_serde(&record);
            // And exactly: a whole number that fits as it is, anything else the nearest float (`str::parse`).
            let read = parse(&record).map(|v| v["n"].clone());
            match read {
                Ok(Value::Number(n)) if whole && n.as_u64().is_some() => assert_eq!(n.as_u64(), text.parse::<u64>().ok(), "{text}"),
                Ok(Value::Number(n)) if whole && n.as_i64().is_some() => assert_eq!(n.as_i64(), text.parse::<i64>().ok(), "{text}"),
                Ok(Value::Number(n)) => assert_eq!(n.as_f64().map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits), "{text}"),
                // Beyond f64: quoted by the guard, so its field reports it.
                Ok(Value::String(s)) => assert!(text.parse::<f64>().is_ok_and(f64::is_infinite) && s == text, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn whole_numbers_either_side_of_the_u64_and_i64_limits_are_read_as_serde_json_reads_them() {
        // The reader multiplies without a check below `u64::MAX / 10 - 1` and with one above: every number near
        // both bounds, as whole numbers that fit, and as floats where they do not.
        let max = u64::MAX.to_string();
        let mut texts =
            vec![max.clone(), format!("{max}0"), "18446744073709551616".to_owned(), "-9223372036854775808".to_owned()];
        for base in [u64::MAX / 10 - 2, u64::MAX / 10 - 1, u64::MAX / 10, u64::MAX / 10 + 1] {
            for d in 0..10 {
                texts.push(format!("{base}{d}"));
                texts.push(format!("-{base}{d}"));
            }
        }
        for n in [i64::MAX as u64 - 1, i64::MAX as u64, i64::MAX as u64 + 1, i64::MAX as u64 + 2] {
            texts.push(format!("-{n}"));
        }
        for text in texts {
            same_as_serde(&format!("{{\"n\":{text}}}"));
        }
    }

    #[test]
    fn deep_nesting_is_cut_not_overflowed() {
        let deep = format!("{{\"a\":{}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
        let v = parse(&deep).unwrap();
        let mut cur = &v["a"];
        let mut levels = 0;
        while let Some(a) = cur.as_array() {
            cur = &a[0];
            levels += 1;
        }
        assert_eq!(levels, MAX_DEPTH - 1);
        assert_eq!(cur, "\u{FFFD}");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let v = parse(r#"{"a":"x\ud800y","b":"\ud83d\ude00","c":"\udc00"}"#).unwrap();
        assert_eq!(v["a"], "x\u{FFFD}y");
        assert_eq!(v["b"], "😀");
        assert_eq!(v["c"], "\u{FFFD}");
    }

    #[test]
    fn numbers_beyond_f64_reach_their_field_as_text() {
        let big = "9".repeat(400);
        let text = format!(r#"{{"a":1e400,"b":[-1E+999],"c":1e-400,"d":12,"e":"1e400","f":{big},"g":1.5e300}}"#);
        let v = parse(&text).unwrap();
        assert_eq!(v["a"], "1e400");
        assert_eq!(v["b"][0], "-1E+999");
        assert_eq!(v["c"], 0.0);
        assert_eq!(v["d"], 12);
        assert_eq!(v["e"], "1e400");
        assert_eq!(v["f"], big.as_str());
        assert_eq!(v["g"], 1.5e300);
        // Malformed numbers stay malformed.
        assert!(parse(r#"{"a":1e}"#).is_err());
    }

    #[test]
    fn strings_with_brackets_do_not_count_as_nesting() {
        let text = format!("{{\"a\":\"{}\"}}", "[".repeat(1000));
        assert_eq!(parse(&text).unwrap()["a"].as_str().unwrap().len(), 1000);
    }

    /// A number out of range with more of a number's characters after it is a syntax error, as `serde_json` classed
    /// its "number out of range" (found by the fuzz target json_text). And an escape cut short by the end of the text
    /// is refused as at its end, as `serde_json` refuses it: fewer than
    /// four bytes after `\\u` are the end whatever they are (`"\\u ` was once called a syntax error), and so is a
    /// high surrogate's text ending before its `\\u`.
    #[test]
    fn an_escape_cut_short_is_the_end_as_serde_json_reads_it() {
        for t in [
            // Found by the fuzz target json_text: a number out of range followed by more of a number's characters.
            "1e701e7088",
            "{\"a\":1e701e7088}",
            "[1e999.5]",
            "\"\\u ",
            "\"\\u",
            "\"\\u1",
            "\"\\u12 ",
            "\"\\u12x",
            "\"\\u123",
            "\"\\u 12 ",
            "\"\\ug000\"",
            "\"\\ud800",
            "\"\\ud800\\",
            "\"\\ud800\\u",
            "\"\\ud800\\u dc",
            "\"\\ud800\\udc0",
            "\"\\ud800x\"",
            "\"\\ud800\\n\"",
            "\"\\ud800\\udc00",
            "\"\\ud800\\udc00\"",
            "\"\\udc00\"",
            "{\"\\u",
            "[\"a\",\"\\u00e",
            "\"\\",
            "\"\\x\"",
        ] {
            same_as_serde(t);
        }
        assert_eq!(
            parse("\"\\u ").map_err(|e| e.to_string()),
            Err("invalid input: not JSON text (unexpected end)".to_owned())
        );
        assert_eq!(
            parse("\"\\ud800\\").map_err(|e| e.to_string()),
            Err("invalid input: not JSON text (unexpected end)".to_owned())
        );
    }

    #[test]
    fn malformed_text_is_an_error_not_a_panic() {
        for t in ["", "{", "{\"a\":\"", "[[[[", "\"\\u12", "{\"a\":1,}"] {
            assert!(parse(t).is_err(), "{t}");
        }
    }
}
