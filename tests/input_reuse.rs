//! `input::parse_reusing` (a value given back with `input::recycle` written over by the next read) gives exactly what
//! `input::parse` gives: the same value, its keys in the same order, the same error for text it cannot read, whatever
//! value was given back before.

mod common;

use std::fs;
use std::path::Path;

use common::Rng;
use safeguarding_forms::engine::input;
use serde_json::Value;

/// Reads `text` reusing what the last read on this thread gave back, checks it against a fresh read, and gives it
/// back in turn.
fn read_after_previous(text: &str) {
    let fresh = input::parse(text);
    let reused = input::parse_reusing(text);
    match (&fresh, &reused) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text}");
            // `Value`'s equality ignores the order of keys; the text does not.
            assert_eq!(serde_json::to_string(a).unwrap(), serde_json::to_string(b).unwrap(), "{text}");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
        _ => panic!("{text}: parse gave {fresh:?}, parse_reusing gave {reused:?}"),
    }
    if let Ok(v) = reused {
        input::recycle(v, text.len());
    }
}

fn conformance_records() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir(&root).unwrap().flatten().map(|d| d.path()).collect();
    dirs.sort();
    for dir in dirs.into_iter().filter(|p| p.is_dir()) {
        let mut files: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let v: Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            out.push(serde_json::to_string(&v["data"]).unwrap());
        }
    }
    out
}

#[test]
fn every_conformance_record_read_after_others_is_read_as_parse_reads_it() {
    let records = conformance_records();
    assert!(records.len() > 200, "{} records", records.len());
    // Each after itself (the same shape), after the next one (mostly another form), then random pairs.
    for r in &records {
        read_after_previous(r);
        read_after_previous(r);
    }
    for r in records.iter().rev() {
        read_after_previous(r);
    }
    let mut rng = Rng(0x1eaf_5eed);
    for _ in 0..5_000 {
        read_after_previous(rng.pick(records.as_slice()).as_str());
    }
}

/// JSON text with the shapes a reused value meets: keys from a small set (so objects often begin alike and then
/// differ), repeated keys, lists that grow and shrink, every kind of value in every place, escapes, and numbers of
/// every kind serde_json reads.
fn random_text(rng: &mut Rng, depth: usize, out: &mut String) {
    // Keys as written in the text: `\u0041` and `A` are one key, as are `a\"b` and `a\u0022b`; `a\\` is `a\`, whose
    // text holds a backslash where a quote could follow: the reader's in-order match by bytes must not take `a\":`
    // (the key `a":`) for it.
    const KEYS: &[&str] = &[
        "a",
        "b",
        "name",
        "dateOfBirth",
        "children",
        "é",
        "a\\\"b",
        "a\\u0022b",
        "\\u0041",
        "A",
        "a\\\\",
        "a\\\":",
        "",
    ];
    const COLONS: &[&str] = &[":", ":", ":", " : ", "\n:\t"];
    const SCALARS: &[&str] = &[
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1.5",
        "-0.0",
        "1e5",
        "2.5E-3",
        "18446744073709551615",
        "-9223372036854775808",
        "123456789012345678901234567890",
        "\"\"",
        "\"text\"",
        "\"line\\nbreak\"",
        "\"\\u00e9t\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"a much longer string than the one it may be written over\"",
    ];
    match if depth > 4 { 0 } else { rng.below(4) } {
        0 | 1 => out.push_str(SCALARS[rng.below(SCALARS.len())]),
        2 => {
            out.push('[');
            for i in 0..rng.below(5) {
                if i > 0 {
                    out.push(',');
                }
                random_text(rng, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(6) {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(KEYS[rng.below(KEYS.len())]);
                out.push('"');
                out.push_str(COLONS[rng.below(COLONS.len())]);
                random_text(rng, depth + 1, out);
            }
            out.push('}');
        }
    }
}

#[test]
fn random_texts_read_after_each_other_are_read_as_parse_reads_them() {
    let mut rng = Rng(0xdead_beef_cafe);
    let mut broken = 0;
    for _ in 0..40_000 {
        let mut text = String::new();
        random_text(&mut rng, 0, &mut text);
        // Now and then a text cut short or with a stray character: an error part-way through a reused value.
        match rng.below(20) {
            0 if text.len() > 2 => {
                let mut cut = text.len() / 2;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
                broken += 1;
            }
            1 => {
                text.push_str(" x");
                broken += 1;
            }
            _ => {}
        }
        read_after_previous(&text);
    }
    assert!(broken > 2_000, "{broken} broken texts");
}

#[test]
fn text_for_the_guarded_read_is_read_as_parse_reads_it() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let texts = [
        deep(10),
        deep(64),
        deep(65),
        deep(200),
        format!("{{\"a\":{}}}", deep(100)),
        r#"{"name":"\ud800","b":1}"#.to_owned(),
        r#"{"name":1e400,"b":[1,2]}"#.to_owned(),
        r#"{"name":1e300}"#.to_owned(),
        r#"{"name":"x","name":"y","b":{"c":1,"c":2}}"#.to_owned(),
    ];
    for t in &texts {
        for u in &texts {
            read_after_previous(t);
            read_after_previous(u);
        }
    }
}
