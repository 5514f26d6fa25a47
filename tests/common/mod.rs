//! Helpers shared by the integration tests.
#![allow(dead_code)]

use safeguarding_forms::{validate, FormSession, Options, Report, Severity};
use serde_json::Value;

pub const TODAY: &str = "2025-06-02";

pub fn opts() -> Options {
    Options::new().today(TODAY).unwrap()
}

pub fn submit() -> Options {
    opts().submit()
}

pub fn check(form: &str, data: &Value, options: &Options) -> Report {
    validate(form, data, options).unwrap()
}

/// The diagnostics with `code` as (path, severity).
pub fn found(report: &Report, code: &str) -> Vec<(String, Severity)> {
    report.with_code(code).map(|d| (d.path.clone(), d.severity)).collect()
}

/// Sets a value at a JSON Pointer, creating objects on the way (test fixtures only).
pub fn with(mut base: Value, pointer: &str, value: Value) -> Value {
    let mut cur = &mut base;
    let segs: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        cur = match cur {
            Value::Array(a) => {
                let idx: usize = seg.parse().unwrap();
                if last {
                    a[idx] = value;
                    return base;
                }
                &mut a[idx]
            }
            other => {
                if !other.is_object() {
                    *other = Value::Object(Default::default());
                }
                let m = other.as_object_mut().unwrap();
                if last {
                    m.insert((*seg).to_string(), value);
                    return base;
                }
                m.entry(seg.to_string()).or_insert(Value::Object(Default::default()))
            }
        };
    }
    base
}

/// Removes a field at a JSON Pointer (test fixtures only).
pub fn without(mut base: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    if let Some(p) = base.pointer_mut(parent) {
        match p {
            Value::Object(m) => {
                m.remove(key);
            }
            Value::Array(a) => {
                a.remove(key.parse().unwrap());
            }
            _ => {}
        }
    }
    base
}

/// A small deterministic generator (xorshift64*), so a failure names its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A session of `form` loaded with its benchmark record (`bench/fixtures/<form>.json`), and the fixture's options.
pub fn fixture_session(form: &str) -> (FormSession, Options) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("bench/fixtures").join(format!("{form}.json"))).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let options = Options::from_json(&fixture["options"]).unwrap();
    let mut s = FormSession::new(form, &options).unwrap();
    s.load(fixture["data"].clone()).unwrap();
    (s, options)
}

/// The session's report is `validate`'s on the session's data.
pub fn assert_session_is_validate(s: &FormSession, options: &Options) {
    let expected = validate(s.form_id(), &serde_json::Value::from(s.data()), options).unwrap();
    assert_eq!(s.report(), &expected, "{}: the session differs from validate", s.form_id());
}
