//! The declared outcome model (`engine::outcome`, one `OUTCOME` per form) matches what each form's outcome really
//! holds: for every conformance vector (and every form's empty data), every key of the produced outcome is declared
//! with a matching JSON type, every required key is present, and every choice value is declared. And every declared
//! key is seen in some vector, so the declaration does not promise what a form never computes.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use safeguarding_forms::{forms, outcome_schema, validate, Options};
use serde_json::{json, Value};

fn vectors() -> Vec<(String, String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    for dir in fs::read_dir(&root).unwrap().flatten().map(|d| d.path()).filter(|p| p.is_dir()) {
        let form = dir.file_name().unwrap().to_string_lossy().to_string();
        for f in fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
            if f.extension().is_some_and(|e| e == "json") {
                let v: Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
                out.push((form.clone(), f.file_name().unwrap().to_string_lossy().to_string(), v));
            }
        }
    }
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        "number" => v.is_number(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

/// Checks `v` against the subset of JSON Schema the outcome schemas use; records the paths of declared keys seen.
fn check(schema: &Value, v: &Value, path: &str, seen: &mut BTreeSet<String>, problems: &mut Vec<String>) {
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !types.iter().any(|t| type_ok(t, v)) {
        problems.push(format!("{path}: {v} is not {types:?}"));
        return;
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            problems.push(format!("{path}: {v} is not one of the declared values"));
        }
    }
    // A choice: `oneOf` its values, each `{ const, title }` (and `{ const: null }` when nullable). A value outside
    // the declared set (a row id a form writes that its list lacks) fails here.
    if let Some(o) = schema.get("oneOf").and_then(Value::as_array) {
        if !o.iter().any(|c| c.get("const") == Some(v)) {
            problems.push(format!("{path}: {v} is not one of the declared values"));
        }
    }
    if schema.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(s) = v.as_str() {
            if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() {
                problems.push(format!("{path}: {s} is not a date"));
            }
        }
    }
    if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
        // The patterns are a local date-time's, or a date's or a local date-time's.
        assert!(p.contains("T\\d{2}:\\d{2}"));
        let date_allowed = p.contains("(T");
        if let Some(s) = v.as_str() {
            let date = date_allowed && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
            if !date && chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").is_err() {
                problems.push(format!("{path}: {s} is not a local date-time"));
            }
        }
    }
    match v {
        Value::Object(m) => {
            let props = schema["properties"].as_object().unwrap();
            for (k, x) in m {
                match props.get(k) {
                    Some(s) => {
                        let p = format!("{path}/{k}");
                        if !x.is_null() {
                            seen.insert(p.clone());
                        }
                        check(s, x, &p, seen, problems);
                    }
                    None => problems.push(format!("{path}/{k}: not declared")),
                }
            }
            for r in schema["required"].as_array().unwrap() {
                if !m.contains_key(r.as_str().unwrap()) {
                    problems.push(format!("{path}/{}: declared as always present but missing", r.as_str().unwrap()));
                }
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let _ = i;
                check(&schema["items"], x, &format!("{path}/*"), seen, problems);
            }
        }
        _ => {}
    }
}

fn declared(schema: &Value, path: &str, out: &mut BTreeSet<String>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, s) in props {
            let p = format!("{path}/{k}");
            out.insert(p.clone());
            declared(s, &p, out);
        }
    }
    if let Some(items) = schema.get("items") {
        declared(items, &format!("{path}/*"), out);
    }
}

#[test]
fn every_vectors_outcome_matches_its_forms_declared_outcome_model() {
    let mut problems = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut runs = Vec::new();
    for (form, name, v) in vectors() {
        let options = Options::from_json(v.get("options").unwrap_or(&Value::Null)).unwrap();
        runs.push((form, name, v["data"].clone(), options));
    }
    for f in forms() {
        let options = Options::new().today("2025-06-02").unwrap();
        runs.push((f.id.clone(), "(empty)".into(), json!({}), options.clone()));
        runs.push((f.id.clone(), "(empty, submit)".into(), json!({}), options.submit()));
    }
    let mut counted = 0;
    for (form, name, data, options) in runs {
        let schema = outcome_schema(&form).unwrap();
        let report = validate(&form, &data, &options).unwrap();
        let Some(outcome) = report.outcome.map(Value::from) else {
            problems.push(format!("{form} {name}: no outcome"));
            continue;
        };
        let mut paths = BTreeSet::new();
        let mut found = Vec::new();
        check(&schema, &outcome, "", &mut paths, &mut found);
        problems.extend(found.into_iter().map(|p| format!("{form} {name}: {p}")));
        seen.extend(paths.into_iter().map(|p| (form.clone(), p)));
        counted += 1;
    }
    assert!(counted > 400, "only {counted} outcomes checked");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));

    let mut never = Vec::new();
    for f in forms() {
        let mut keys = BTreeSet::new();
        declared(&outcome_schema(&f.id).unwrap(), "", &mut keys);
        for k in keys {
            if !seen.contains(&(f.id.clone(), k.clone())) {
                never.push(format!("{}: {k}", f.id));
            }
        }
    }
    assert!(never.is_empty(), "declared keys no vector's outcome has (with a value):\n{}", never.join("\n"));
}

#[test]
fn the_outcome_schema_labels_every_key_and_marks_units() {
    for f in forms() {
        let s = outcome_schema(&f.id).unwrap();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let props = s["properties"].as_object().unwrap();
        assert!(!props.is_empty(), "{}: no outcome keys declared", f.id);
        for (k, p) in props {
            assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()), "{}: {k} has no title", f.id);
        }
    }
    let log = outcome_schema("supervision-log").unwrap();
    assert_eq!(log["properties"]["longestGapDays"]["x-unit"], "days");
    assert_eq!(log["properties"]["longestGapDays"]["type"], json!(["integer", "null"]));
    let referral = outcome_schema("sf-referral").unwrap();
    assert_eq!(referral["properties"]["eligible"]["type"], "boolean");
    assert!(referral["required"].as_array().unwrap().contains(&json!("eligible")));
    assert!(outcome_schema("no-such-form").is_err());
}

/// Every key of every form's declared outcome model, at any depth, is written into a report without an escape
/// (src/engine/report.rs writes a model's keys as they are): no `"`, no `\\`, no control character.
#[test]
fn every_declared_outcome_key_needs_no_escape() {
    fn keys(schema: &Value, form: &str, seen: &mut usize) {
        if let Some(props) = schema["properties"].as_object() {
            for (k, p) in props {
                *seen += 1;
                assert!(!k.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20), "{form}: {k:?}");
                keys(p, form, seen);
            }
        }
        for sub in ["items", "additionalProperties"] {
            if schema[sub].is_object() {
                keys(&schema[sub], form, seen);
            }
        }
        for list in ["anyOf", "oneOf"] {
            for s in schema[list].as_array().into_iter().flatten() {
                keys(s, form, seen);
            }
        }
    }
    let mut seen = 0;
    for f in forms() {
        keys(&outcome_schema(&f.id).unwrap(), &f.id, &mut seen);
    }
    assert!(seen > 200, "{seen} keys");
}
