//! A form's typed outcome (`FormDef::check_typed`, `engine::outcome::Tree`) gives the same report as its `Value`: the
//! JSON text the WebAssembly module returns (`validate_json_text`, written from the tree) is `Report::to_json` of the
//! native report (`validate`, the tree made into a `Value`), byte for byte, on every conformance vector of every form
//! and on case audits with random grades, N/A and blanks (their means are fractions, their suggestions and derivation
//! text vary).

mod common;

use std::fs;
use std::path::Path;

use common::Rng;
use safeguarding_forms::{forms, validate, validate_json, Options};
use serde_json::{json, Value};

fn vectors() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir(&root).unwrap().flatten().map(|d| d.path()).collect();
    dirs.sort();
    for dir in dirs.into_iter().filter(|p| p.is_dir()) {
        let form = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            out.push((form.clone(), serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap()));
        }
    }
    out
}

/// The three ways to a report's text agree.
fn same_text(form: &str, data: &Value, options: &Options) -> String {
    let text = serde_json::to_string(data).unwrap();
    let written = safeguarding_forms::api::validate_json_text(form, &text, options).unwrap();
    assert_eq!(written, validate_json(form, &text, options).unwrap().to_json(), "{form}: {text}");
    assert_eq!(written, validate(form, data, options).unwrap().to_json(), "{form}: {text}");
    assert_eq!(written, serde_json::to_string(&validate(form, data, options).unwrap()).unwrap(), "{form}");
    written
}

#[test]
fn every_vector_gives_the_same_text_typed_or_not() {
    let mut typed = 0;
    for (form, v) in vectors() {
        let options = Options::from_json(v.get("options").unwrap_or(&Value::Null)).unwrap();
        same_text(&form, &v["data"], &options);
        typed += usize::from(form == "case-audit");
    }
    assert!(typed >= 20, "{typed} case audit vectors");
    assert!(forms().iter().any(|f| f.id == "case-audit"));
}

#[test]
fn random_case_audits_give_the_same_text_typed_or_not() {
    let base = vectors().into_iter().find(|(f, v)| f == "case-audit" && v["data"]["answers"].is_object()).unwrap().1;
    let questions: Vec<String> = base["data"]["answers"].as_object().unwrap().keys().cloned().collect();
    let grades = [json!(1), json!(2), json!(3), json!(4), json!("n/a"), json!(""), json!(null), json!(5), json!("2")];
    let mut rng = Rng(0x0a0d_17ed);
    let mut fractions = 0;
    for i in 0..1_500 {
        let mut data = base["data"].clone();
        for q in &questions {
            if rng.below(3) == 0 {
                data["answers"][q.as_str()] = rng.pick(&grades).clone();
            }
        }
        if rng.below(4) == 0 {
            data["overallGrade"] = json!(1 + rng.below(4));
        }
        let stage = if i % 2 == 0 { "submit" } else { "draft" };
        let options = Options::from_json(&json!({ "today": "2025-06-02", "stage": stage })).unwrap();
        let text = same_text("case-audit", &data, &options);
        fractions += usize::from(text.contains(".33") || text.contains(".67") || text.contains(".5"));
    }
    assert!(fractions > 100, "{fractions} reports with a fractional mean");
}

/// Records of a form crossed with each other (each top-level field from one of the form's vectors, or left out), in
/// both stages.
fn crossed(form: &str, n: usize, seed: u64) -> Vec<String> {
    let records: Vec<Value> =
        vectors().into_iter().filter(|(f, _)| f == form).map(|(_, v)| v["data"].clone()).collect();
    assert!(records.len() >= 5, "{form}: {} vectors", records.len());
    let mut keys: Vec<String> = records.iter().filter_map(Value::as_object).flat_map(|r| r.keys().cloned()).collect();
    keys.sort();
    keys.dedup();
    let mut rng = Rng(seed);
    let mut texts = Vec::new();
    for i in 0..n {
        let mut data = serde_json::Map::new();
        for k in &keys {
            let from = rng.pick(&records);
            if let Some(v) = from.get(k.as_str()).filter(|_| rng.below(6) > 0) {
                data.insert(k.clone(), v.clone());
            }
        }
        let stage = if i % 2 == 0 { "submit" } else { "draft" };
        let options = Options::from_json(&json!({ "today": "2025-06-02", "stage": stage })).unwrap();
        texts.push(same_text(form, &Value::Object(data), &options));
    }
    texts
}

/// Referrals crossed: routes, services, criteria, children in and out of the age range, and the reasons that stop a
/// referral, in every mix.
#[test]
fn crossed_referrals_give_the_same_text_typed_or_not() {
    let texts = crossed("sf-referral", 1_500, 0x0005_eed0_f2ef);
    let not_eligible = texts.iter().filter(|t| t.contains("\"eligible\":false")).count();
    assert!(not_eligible > 300 && not_eligible < 1_500, "{not_eligible} not eligible");
}

/// Every form's records crossed, typed outcome or not (a form moved to `check_typed` later is held to the same).
#[test]
fn crossed_records_of_every_form_give_the_same_text() {
    for (i, f) in forms().iter().enumerate() {
        let texts = crossed(&f.id, 200, 0x00c0_55ed ^ i as u64);
        assert!(texts.iter().any(|t| t.contains("\"outcome\":{")), "{}: no outcome", f.id);
    }
}
