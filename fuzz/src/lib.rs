//! Shared by the fuzz targets: the options a run uses, the no-echo check, and the JSON Pointers of each form.
//!
//! The no-echo property: no diagnostic message contains a run of 6 or more characters of a string the input holds
//! (a value or a key, as given, cleaned or lowercased). A message can share text with the input by coincidence (an
//! input that *is* "must be a real date"), so a shared run is only a candidate. It is an echo when the message
//! follows the input: the same input with every letter and digit of every string changed (a -> b, 0 -> 1, é -> ê)
//! is checked again, and a message then holds the changed run. Static message text stays put under the change, and
//! a message the change makes disappear (a month name that is no longer one) proves nothing either way.

use std::collections::HashSet;

use safeguarding_forms::engine::read;
use safeguarding_forms::{Options, Report};
use serde_json::{Map, Value};

/// The shortest run of characters that counts as an echo.
pub const RUN: usize = 6;

/// The options of a run, chosen by one byte: stage, profile, and one of a few "today"s (one near a clock change).
pub fn options(byte: u8) -> Options {
    let todays = ["2025-06-02", "2026-03-29", "1900-01-01", "2199-12-31"];
    let today = todays.get(usize::from(byte >> 1) % todays.len()).copied().unwrap_or("2025-06-02");
    let mut o = Options::new().today(today).unwrap_or_default();
    if byte & 1 == 1 {
        o = o.submit();
    }
    let profiles = safeguarding_forms::profiles();
    if let Some(p) = profiles.get(usize::from(byte >> 3) % profiles.len().max(1)) {
        o = o.profile(&p.id);
    }
    o
}

/// Splits `form-id '\n' rest` and picks the form: the named one, or (when the fuzzer has changed the name) one
/// chosen by the bytes before the newline, so that every input checks exactly one form.
pub fn split_form(bytes: &[u8]) -> (String, &[u8]) {
    let forms = safeguarding_forms::forms();
    let (name, rest) = match bytes.iter().position(|&b| b == b'\n') {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (&bytes[..0], bytes),
    };
    if let Some(f) = forms.iter().find(|f| f.id.as_bytes() == name) {
        return (f.id.clone(), rest);
    }
    let pick = name.iter().fold(0usize, |a, &b| a.wrapping_mul(31).wrapping_add(usize::from(b)));
    (forms[pick % forms.len()].id.clone(), rest)
}

/// Every string of a value: its string values and its object keys.
pub fn strings_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|x| strings_of(x, out)),
        Value::Object(map) => {
            for (k, x) in map {
                out.push(k.clone());
                strings_of(x, out);
            }
        }
        _ => {}
    }
}

/// The strings as given, cleaned the way the engine cleans them, and lowercased.
fn variants(strings: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(strings.len() * 3);
    for s in strings {
        out.push(s.clone());
        let c = read::clean(s);
        if c != s.as_str() {
            out.push(c.into_owned());
        }
        let l = s.to_lowercase();
        if l != *s {
            out.push(l);
        }
    }
    out
}

/// Every run of exactly `RUN` characters of `s`.
fn runs(s: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
    (0..starts.len().saturating_sub(RUN)).filter_map(move |i| s.get(starts[i]..starts[i + RUN]))
}

/// A letter or digit becomes another of its kind; everything else stays. Bijective on ASCII letters and digits.
pub fn shift_char(c: char) -> char {
    match c {
        'a'..='y' | 'A'..='Y' | '0'..='8' => char::from(c as u8 + 1),
        'z' => 'a',
        'Z' => 'A',
        '9' => '0',
        c if c.is_alphanumeric() => char::from_u32(c as u32 + 1).filter(|n| n.is_alphanumeric()).unwrap_or(c),
        c => c,
    }
}

pub fn shift(s: &str) -> String {
    s.chars().map(shift_char).collect()
}

/// The value with every string and key shifted.
pub fn shift_value(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(shift(s)),
        Value::Array(items) => Value::Array(items.iter().map(shift_value).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, x)| (shift(k), shift_value(x))).collect::<Map<_, _>>()),
        other => other.clone(),
    }
}

/// The runs of the input's strings that some message holds.
pub fn candidates<'m>(strings: &[String], messages: impl Iterator<Item = &'m str>) -> Vec<String> {
    let in_messages: HashSet<&str> = messages.flat_map(runs).collect();
    if in_messages.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<String> = Vec::new();
    for s in variants(strings) {
        for r in runs(&s) {
            if in_messages.contains(r) && !found.iter().any(|f| f == r) {
                found.push(r.to_owned());
            }
        }
    }
    found
}

/// The candidate runs that the second messages hold shifted: true echoes.
pub fn echoes<'m>(candidates: &[String], shifted_messages: impl Iterator<Item = &'m str>) -> Vec<(String, String)> {
    let messages: Vec<&str> = shifted_messages.collect();
    let mut out = Vec::new();
    for c in candidates {
        let moved = shift(c);
        if moved == *c {
            continue; // punctuation and spaces only: cannot tell an echo from the message's own text
        }
        if let Some(m) = messages.iter().find(|m| m.contains(moved.as_str())) {
            out.push((c.clone(), (*m).to_owned()));
        }
    }
    out
}

pub fn messages(r: &Report) -> impl Iterator<Item = &str> {
    r.diagnostics.iter().map(|d| d.message.as_str())
}

/// Panics (a fuzz finding) when a report of `data` echoes one of its strings.
pub fn assert_no_echo(form: &str, data: &Value, options: &Options, report: &Report) {
    let mut strings = Vec::new();
    strings_of(data, &mut strings);
    let found = candidates(&strings, messages(report));
    if found.is_empty() {
        return;
    }
    let shifted = shift_value(data);
    let Ok(again) = safeguarding_forms::validate(form, &shifted, options) else { return };
    let echoed = echoes(&found, messages(&again));
    assert!(echoed.is_empty(), "{form}: a message repeats the input: {echoed:?}");
}

/// The JSON Pointers of a form's fields, from its JSON Schema. `{i}` stands for a list index.
pub fn pointers(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(schema, schema, "", &mut out, 0);
    out
}

fn walk(root: &Value, node: &Value, at: &str, out: &mut Vec<String>, depth: usize) {
    if depth > 12 {
        return;
    }
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        if let Some(target) = r.strip_prefix("#/").and_then(|p| root.pointer(&format!("/{p}"))) {
            walk(root, target, at, out, depth + 1);
        }
        return;
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = node.get(key).and_then(Value::as_array) {
            for o in options {
                walk(root, o, at, out, depth + 1);
            }
        }
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let p = format!("{at}/{}", name.replace('~', "~0").replace('/', "~1"));
            if !out.contains(&p) {
                out.push(p.clone());
            }
            walk(root, sub, &p, out, depth + 1);
        }
    }
    if let Some(items) = node.get("items") {
        for p in [format!("{at}/-"), format!("{at}/{{i}}")] {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        walk(root, items, &format!("{at}/{{i}}"), out, depth + 1);
    }
}

/// The enum values and titles a form's schema names: words the engine knows, good material for edits.
pub fn words(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(values)) = map.get("enum") {
                out.extend(values.iter().filter_map(Value::as_str).map(str::to_owned));
            }
            map.values().for_each(|v| words(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| words(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_six_characters() {
        assert_eq!(runs("abcdefg").collect::<Vec<_>>(), vec!["abcdef", "bcdefg"]);
        assert_eq!(runs("abcde").count(), 0);
        assert_eq!(runs("éééééé").collect::<Vec<_>>(), vec!["éééééé"]);
    }

    #[test]
    fn a_static_message_is_not_an_echo_but_a_repeated_value_is() {
        let found = candidates(&["must be a real date".into()], ["Date must be a real date"].into_iter());
        assert!(!found.is_empty());
        assert!(echoes(&found, ["Date must be a real date"].into_iter()).is_empty());
        let found = candidates(&["Qwerty123".into()], ["Name Qwerty123 is wrong"].into_iter());
        assert_eq!(echoes(&found, ["Name Rxfsuz234 is wrong"].into_iter()).len(), found.len());
    }
}
