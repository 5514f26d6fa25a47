//! What a check returns: a flat list of findings, each at a JSON Pointer, and the form's computed outcome.

use crate::engine::value::Value;
use serde::Serialize;

use super::outcome::Tree;

/// How much a finding matters. `Error` makes the report invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// One finding at one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the field; `""` for the whole form.
    pub path: String,
    /// GOV.UK-style message. Never contains what the user typed.
    pub message: String,
    /// The stable id of the message's template (a host's table replaces the English by id).
    #[serde(rename = "messageId")]
    pub message_id: String,
    /// What the template fills in: labels, engine-formatted dates, numbers — never what the user typed.
    #[serde(skip_serializing_if = "crate::engine::value::Map::is_empty")]
    pub params: crate::engine::value::Map<String, Value>,
    /// Other fields a cross-field rule read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// For timescale rules: the deadline (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

impl Diagnostic {
    /// The diagnostic as `serde_json` writes it (its fields in order, the empty ones left out).
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"code\":");
        json::string(out, &self.code);
        out.push_str(",\"severity\":\"");
        out.push_str(self.severity.as_str());
        out.push_str("\",\"path\":");
        json::string(out, &self.path);
        out.push_str(",\"message\":");
        json::string(out, &self.message);
        out.push_str(",\"messageId\":");
        json::string(out, &self.message_id);
        if !self.params.is_empty() {
            out.push_str(",\"params\":");
            json::object(out, &self.params);
        }
        if !self.related.is_empty() {
            out.push_str(",\"related\":[");
            for (i, r) in self.related.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::string(out, r);
            }
            out.push(']');
        }
        if let Some(due) = &self.due {
            out.push_str(",\"due\":");
            json::string(out, due);
        }
        out.push('}');
    }

    /// Adds the fields a cross-field rule read.
    pub fn with_related<I, S>(mut self, related: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.related.extend(related.into_iter().map(Into::into));
        self
    }
}

/// The result of checking one form as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub form: String,
    /// True when no diagnostic has severity `error`.
    pub valid: bool,
    /// Ordered by the form's field order, then severity.
    pub diagnostics: Vec<Diagnostic>,
    /// The form's computed result (eligibility, scores, deadlines, completeness), or null. The engine's value
    /// (`safeguarding_forms::value::Value`): `serde_json::Value::from` it for `serde_json`'s.
    pub outcome: Option<Value>,
}

impl Report {
    /// The report as JSON text (the shape JavaScript sees): the text `serde_json::to_string` writes, byte for byte,
    /// written straight into one string (serde's writer took a sixth of a `validate` of a blank form in the
    /// WebAssembly module, BENCHMARKS.md "Cold validate").
    pub fn to_json(&self) -> String {
        report_json(&self.form, self.valid, &self.diagnostics, self.outcome.as_ref().map(OutcomeRef::Value))
    }

    /// The diagnostics with this code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// Whether any diagnostic has this code.
    pub fn has(&self, code: &str) -> bool {
        self.diagnostics.iter().any(|d| d.code == code)
    }
}

/// An outcome to write: a `Value`, or a typed outcome as a form built it.
#[derive(Clone, Copy)]
pub(crate) enum OutcomeRef<'a> {
    Value(&'a Value),
    Tree(&'a Tree),
}

/// A report's JSON text ([`Report::to_json`]) from its parts, the outcome written as it is held.
pub(crate) fn report_json(
    form: &str,
    valid: bool,
    diagnostics: &[Diagnostic],
    outcome: Option<OutcomeRef<'_>>,
) -> String {
    let room = if outcome.is_some() { 1024 } else { 0 };
    let mut out = String::with_capacity(diagnostics.len().saturating_mul(192).saturating_add(256).saturating_add(room));
    out.push_str("{\"form\":");
    json::string(&mut out, form);
    out.push_str(if valid { ",\"valid\":true,\"diagnostics\":[" } else { ",\"valid\":false,\"diagnostics\":[" });
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        d.write_json(&mut out);
    }
    out.push_str("],\"outcome\":");
    match outcome {
        Some(OutcomeRef::Value(v)) => json::value(&mut out, v),
        Some(OutcomeRef::Tree(t)) => json::tree(&mut out, t),
        None => out.push_str("null"),
    }
    out.push('}');
    out
}

/// A live session's change to its report as JSON text (`FormSession::take_delta`):
/// `{"at":i,"del":n,"ins":[diagnostics],"valid":b}`, with `"outcome"` when it changed.
pub(crate) fn delta_json(
    at: usize,
    del: usize,
    ins: &[Diagnostic],
    valid: bool,
    outcome: Option<&Option<Value>>,
) -> String {
    use crate::engine::text::Piece as _;
    let mut out = String::with_capacity(ins.len().saturating_mul(192).saturating_add(64));
    out.push_str("{\"at\":");
    at.push_to(&mut out);
    out.push_str(",\"del\":");
    del.push_to(&mut out);
    out.push_str(",\"ins\":[");
    for (i, d) in ins.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        d.write_json(&mut out);
    }
    out.push_str(if valid { "],\"valid\":true" } else { "],\"valid\":false" });
    if let Some(outcome) = outcome {
        out.push_str(",\"outcome\":");
        match outcome {
            Some(v) => json::value(&mut out, v),
            None => out.push_str("null"),
        }
    }
    out.push('}');
    out
}

/// JSON text as `serde_json` writes it (compact): strings with `"`, `\\` and control characters escaped (the
/// short escapes where JSON has one, else `\u00XX` in lower case), nothing else; numbers as `Number` displays them
/// (the digits serde_json writes); objects in their map's order.
/// Whether any of eight bytes (little-endian in a `u64`) is one JSON strings escape: a control character, `"` or `\\`.
/// The engine's reader finds the end of a string's plain run with it too.
pub(crate) use json::{has_escape, needs_escape};

/// A string as a JSON string literal, as `serde_json::to_string` writes it (quotes in messages name a caller's id so).
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::new();
    json::string(&mut out, s);
    out
}

/// A value as compact JSON text, as `serde_json::to_string` writes it.
pub(crate) fn write_value(out: &mut String, v: &Value) {
    json::value(out, v);
}

/// An object as compact JSON text, as `serde_json::to_string` writes it.
pub(crate) fn write_object(out: &mut String, map: &crate::engine::value::Map<String, Value>) {
    json::object(out, map);
}

mod json {
    use crate::engine::value::{Map, Value};

    use crate::engine::outcome::Tree;

    pub fn value(out: &mut String, v: &Value) {
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => n.write(out),
            Value::String(s) => string(out, s),
            Value::Array(items) => joined(out, '[', ']', items, value),
            Value::Object(map) => object(out, map),
        }
    }

    /// `open`, each item as `each` writes it with commas between, `close`.
    fn joined<T>(
        out: &mut String,
        open: char,
        close: char,
        items: impl IntoIterator<Item = T>,
        each: impl Fn(&mut String, T),
    ) {
        out.push(open);
        for (i, x) in items.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            each(out, x);
        }
        out.push(close);
    }

    /// A key and its value in an object.
    fn entry<T: ?Sized>(out: &mut String, key: &str, v: &T, each: impl Fn(&mut String, &T)) {
        string(out, key);
        out.push(':');
        each(out, v);
    }

    /// A typed outcome, as [`value`] writes the `Value` it is (`Tree::into_value`).
    pub fn tree(out: &mut String, t: &Tree) {
        match t {
            Tree::Null => out.push_str("null"),
            Tree::Bool(true) => out.push_str("true"),
            Tree::Bool(false) => out.push_str("false"),
            Tree::Int(n) => integer(out, *n < 0, n.unsigned_abs()),
            // The float as `Value::from` holds it, written as `value` writes it (no allocation).
            Tree::Float(x) => value(out, &Value::from(*x)),
            Tree::Text(s) => string(out, s),
            Tree::String(s) => string(out, s),
            Tree::List(items) => joined(out, '[', ']', items, tree),
            Tree::Object(keys, values) => joined(out, '{', '}', keys.iter().zip(values), |out, (k, v)| {
                model_key(out, k.name);
                tree(out, v);
            }),
            Tree::Map(entries) => joined(out, '{', '}', entries, |out, (k, v)| entry(out, k, v, tree)),
            Tree::Value(v) => value(out, v),
        }
    }

    /// A key of a form's declared outcome model and its colon: a camelCase name that needs no escape
    /// (tests/outcome_model.rs holds every form's to it), written without looking (looking was 6% of a case audit's
    /// check natively).
    #[inline(never)]
    fn model_key(out: &mut String, key: &str) {
        out.reserve(key.len().saturating_add(3));
        out.push('"');
        out.push_str(key);
        out.push_str("\":");
    }

    pub fn object(out: &mut String, map: &Map<String, Value>) {
        joined(out, '{', '}', map, |out, (k, v)| entry(out, k, v, value));
    }

    /// What follows the backslash for each byte that JSON text escapes (`u`: `\\u00XX`); 0 for the rest.
    // Evaluated at compile time: an index out of range here fails the build, it cannot panic at run time.
    #[allow(clippy::indexing_slicing)]
    const ESCAPE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = b'u';
            i += 1;
        }
        t[0x08] = b'b';
        t[0x09] = b't';
        t[0x0a] = b'n';
        t[0x0c] = b'f';
        t[0x0d] = b'r';
        t[b'"' as usize] = b'"';
        t[b'\\' as usize] = b'\\';
        t
    };

    pub fn string(out: &mut String, s: &str) {
        out.reserve(s.len().saturating_add(2));
        out.push('"');
        // Most text needs no escape (every key, code, path and message the engine writes): found so eight bytes at a
        // time, the last eight padded, it is copied whole without the byte loop below, which took about 200
        // instructions a string in the case audit's report (120 strings, 12% of its check).
        if !has_escape(s.as_bytes()) {
            out.push_str(s);
            out.push('"');
            return;
        }
        // Runs of characters that need no escape are copied whole (an escaped byte is ASCII, so a boundary); eight
        // bytes at a time are passed over when none of them needs one.
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if let Some(chunk) = bytes.get(i..i.saturating_add(8)).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                if !needs_escape(u64::from_le_bytes(chunk)) {
                    i = i.saturating_add(8);
                    continue;
                }
            }
            let escape = ESCAPE.get(usize::from(b)).copied().unwrap_or(0);
            if escape == 0 {
                i = i.saturating_add(1);
                continue;
            }
            out.push_str(s.get(start..i).unwrap_or(""));
            out.push('\\');
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("u00");
                out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0')));
            } else {
                out.push(char::from(escape));
            }
            i = i.saturating_add(1);
            start = i;
        }
        out.push_str(s.get(start..).unwrap_or(""));
        out.push('"');
    }

    /// Whether any byte of `bytes` is one JSON text escapes (`"`, `\\`, a control character): eight bytes at a time,
    /// the last eight overlapping the ones before (few strings are a multiple of eight long), byte by byte under
    /// eight. The report's strings and the reader's keys (`json_text`, which asks it of every key a record is read
    /// over: byte by byte that was 5% of a casework supervision check natively) both ask it.
    pub(crate) fn has_escape(bytes: &[u8]) -> bool {
        let Some(last) = bytes.len().checked_sub(8) else {
            return bytes.iter().any(|&c| c == b'"' || c == b'\\' || c < 0x20);
        };
        let escaped = |i: usize| {
            bytes
                .get(i..i.saturating_add(8))
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
                .is_none_or(|c| needs_escape(u64::from_le_bytes(c)))
        };
        let mut i = 0;
        while i < last {
            if escaped(i) {
                return true;
            }
            i = i.saturating_add(8);
        }
        escaped(last)
    }

    /// Whether any of eight bytes is a control character, `"` or `\\` (the classic bit tricks: a byte below 0x20,
    /// or equal to one of the two, sets its high bit in the result).
    pub(crate) fn needs_escape(x: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let below = x.wrapping_sub(ONES.wrapping_mul(0x20)) & !x;
        let zero = |v: u64| v.wrapping_sub(ONES) & !v;
        (below | zero(x ^ ONES.wrapping_mul(u64::from(b'"'))) | zero(x ^ ONES.wrapping_mul(u64::from(b'\\')))) & HIGH
            != 0
    }

    /// A whole number's digits, without `core::fmt`.
    fn integer(out: &mut String, negative: bool, n: u64) {
        crate::engine::messages::IntText::default().push(out, negative, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::json;

    fn same_as_serde(report: &Report) {
        assert_eq!(report.to_json(), serde_json::to_string(report).unwrap());
    }

    #[test]
    fn the_report_text_is_serde_jsons_byte_for_byte() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        let text = format!("{every_control} \" \\ / é ✓ 😀 \u{7f} \u{2028} end");
        let mut params = crate::engine::value::Map::new();
        params.insert("label".into(), json!(text.clone()));
        params.insert("n".into(), json!(-3));
        params.insert(text.clone(), json!(2.5));
        let diagnostic =
            |params: crate::engine::value::Map<String, Value>, related: Vec<String>, due: Option<String>| Diagnostic {
                code: "REF-001".into(),
                severity: Severity::Warning,
                path: "/a~1b/0".into(),
                message: text.clone(),
                message_id: "REF-001.x".into(),
                params,
                related,
                due,
            };
        let outcome = json!({
            "eligible": false, "n": null, "big": u64::MAX, "neg": i64::MIN, "f": 0.1, "e": 1e300, "tiny": 5e-324,
            "list": [[], {}, [1, "two", {"three": text.clone()}]], text.clone(): "key escaped"
        });
        for valid in [true, false] {
            for outcome in [None, Some(outcome.clone()), Some(Value::Null)] {
                same_as_serde(&Report {
                    form: "sf-referral".into(),
                    valid,
                    diagnostics: vec![
                        diagnostic(params.clone(), vec!["/x".into(), text.clone()], Some("2025-06-02".into())),
                        diagnostic(crate::engine::value::Map::new(), Vec::new(), None),
                    ],
                    outcome,
                });
            }
        }
        same_as_serde(&Report { form: String::new(), valid: true, diagnostics: Vec::new(), outcome: None });
    }

    #[test]
    fn text_of_any_length_is_copied_whole_only_when_no_byte_needs_an_escape() {
        // Every length up to 40 (whole chunks, a remainder, none), every byte value at every place.
        for len in 0..40usize {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let written = {
                        let mut out = String::new();
                        json::string(&mut out, &text);
                        out
                    };
                    assert_eq!(written, serde_json::to_string(&text).unwrap(), "{len} {at} {b:#x}");
                }
            }
        }
    }

    #[test]
    fn eight_bytes_need_an_escape_exactly_when_one_of_them_does() {
        let one = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', 0xff, 0x7f, 0x80, b' ', b'!', b'#', b'[', b']'] {
                    let mut chunk = [fill; 8];
                    chunk[at] = b;
                    assert_eq!(json::needs_escape(u64::from_le_bytes(chunk)), one(b) || one(fill), "{b:#x} at {at}");
                }
            }
        }
        // Any eight bytes (a fixed pseudo-random sample).
        let mut rng = crate::engine::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200_000 {
            let x = rng.next();
            assert_eq!(json::needs_escape(x), x.to_le_bytes().iter().any(|&b| one(b)), "{x:#x}");
        }
    }

    #[test]
    fn the_delta_text_is_serde_jsons_byte_for_byte() {
        #[derive(Serialize)]
        struct Delta<'a> {
            at: usize,
            del: usize,
            ins: &'a [Diagnostic],
            valid: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            outcome: Option<&'a Option<Value>>,
        }
        let d = Diagnostic {
            code: "INP-001".into(),
            severity: Severity::Info,
            path: "/x".into(),
            message: "Enter \"x\"\n".into(),
            message_id: "INP-001.x".into(),
            params: crate::engine::value::Map::new(),
            related: vec!["/y".into()],
            due: None,
        };
        let outcomes = [None, Some(None), Some(Some(json!({"a": [1, 2.5, "b\u{1}"]})))];
        for ins in [&[][..], std::slice::from_ref(&d), &[d.clone(), d.clone()][..]] {
            for outcome in &outcomes {
                for valid in [true, false] {
                    let outcome = outcome.as_ref();
                    let theirs = serde_json::to_string(&Delta { at: 3, del: 12, ins, valid, outcome }).unwrap();
                    assert_eq!(delta_json(3, 12, ins, valid, outcome), theirs);
                }
            }
        }
    }

    #[test]
    fn every_conformance_vectors_report_text_is_serde_jsons() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
        let mut checked = 0;
        for form in std::fs::read_dir(&root).unwrap() {
            let form = form.unwrap().path();
            let id = form.file_name().unwrap().to_str().unwrap().to_owned();
            for file in std::fs::read_dir(&form).unwrap() {
                let v: Value = serde_json::from_str(&std::fs::read_to_string(file.unwrap().path()).unwrap()).unwrap();
                let options = crate::Options::from_json(&serde_json::Value::from(&v["options"])).unwrap();
                same_as_serde(&crate::api::validate(&id, &serde_json::Value::from(&v["data"]), &options).unwrap());
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }
}
