//! Helpers shared by the integration tests.
#![allow(dead_code)]

use safeguarding_forms::{validate, Options, Report, Severity};
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
