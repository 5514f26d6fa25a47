//! Conformance vectors: `tests/conformance/<form>/*.json`, each `{ description, options, data, expect, report }`.
//! Every vector must hold natively (here) and against the wasm package (tests/node/conformance.test.mjs), giving the
//! identical `report`. The catalogue test walks the registry: codes unique, every rule cited, and every rule of every
//! form has at least one vector that makes it fire.
//!
//! `UPDATE_CONFORMANCE=1 cargo test --test conformance` rewrites each vector's `report` from the engine (review the
//! diff: the `expect` block is the hand-written assertion and is never rewritten).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use safeguarding_forms::{forms, rules, validate, Fidelity, Options};
use serde_json::Value;

fn vectors() -> Vec<(String, PathBuf, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    let Ok(dirs) = fs::read_dir(&root) else { return out };
    let mut dirs: Vec<_> = dirs.flatten().map(|d| d.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        let form = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let v: Value = serde_json::from_str(&fs::read_to_string(&f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            out.push((form.clone(), f, v));
        }
    }
    out
}

fn run_vector(form: &str, v: &Value) -> safeguarding_forms::Report {
    let options = Options::from_json(v.get("options").unwrap_or(&Value::Null)).unwrap();
    validate(form, &v["data"], &options).unwrap()
}

/// Checks one vector's hand-written expectations; returns the problems.
fn expectation_problems(report: &safeguarding_forms::Report, expect: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(valid) = expect.get("valid").and_then(Value::as_bool) {
        if report.valid != valid {
            problems.push(format!("valid is {}, expected {valid}", report.valid));
        }
    }
    for inc in expect.get("includes").and_then(Value::as_array).into_iter().flatten() {
        let hit = report.diagnostics.iter().any(|d| {
            inc.get("code").and_then(Value::as_str).is_none_or(|c| c == d.code)
                && inc.get("path").and_then(Value::as_str).is_none_or(|p| p == d.path)
                && inc.get("severity").and_then(Value::as_str).is_none_or(|s| s == d.severity.as_str())
                && inc.get("due").and_then(Value::as_str).is_none_or(|s| Some(s) == d.due.as_deref())
        });
        if !hit {
            problems.push(format!("no diagnostic matching {inc}"));
        }
    }
    for code in expect.get("excludes").and_then(Value::as_array).into_iter().flatten() {
        let code = code.as_str().unwrap_or_default();
        if report.has(code) {
            problems.push(format!("unexpected {code}"));
        }
    }
    if let Some(Value::Object(want)) = expect.get("outcome") {
        let got = report.outcome.as_ref().map_or(Value::Null, Value::from);
        for (k, w) in want {
            if got.get(k) != Some(w) {
                problems.push(format!("outcome.{k} is {:?}, expected {w}", got.get(k)));
            }
        }
    }
    problems
}

#[test]
fn every_vector_holds_and_matches_its_recorded_report() {
    let update = std::env::var_os("UPDATE_CONFORMANCE").is_some();
    let mut failures = Vec::new();
    for (form, path, mut v) in vectors() {
        let report = run_vector(&form, &v);
        for p in expectation_problems(&report, &v["expect"]) {
            failures.push(format!("{}: {p}", path.display()));
        }
        let actual = serde_json::to_value(&report).unwrap();
        if update {
            if v.get("report") != Some(&actual) {
                v["report"] = actual;
                fs::write(&path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
            }
        } else if v.get("report") != Some(&actual) {
            failures.push(format!(
                "{}: report differs from the recorded one (UPDATE_CONFORMANCE=1 to re-record after review)",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn catalogue_codes_are_unique_cited_and_each_fires_in_a_vector() {
    let all = rules(None, &Options::new()).unwrap();
    let mut seen = BTreeSet::new();
    for r in &all {
        assert!(seen.insert(r.code.clone()), "duplicate rule code {}", r.code);
        assert!(!r.summary.is_empty(), "{} has no summary", r.code);
        assert!(!r.citation.document.is_empty() && !r.citation.section.is_empty(), "{} not cited", r.code);
        assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{} name", r.code);
        assert!(!r.paths.is_empty(), "{} reads no paths", r.code);
        let doc = &r.citation.document;
        let known = doc == "spec/forms.md"
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds").join(doc).exists()
            || doc.len() == 24;
        assert!(known, "{} cites an unknown document {doc}", r.code);
        let _ = matches!(r.citation.fidelity, Fidelity::Same | Fidelity::Interpreted);
    }
    // Which codes fire in some vector (checked, not just listed: the vector must hold).
    let mut fired: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (form, path, v) in vectors() {
        let report = run_vector(&form, &v);
        if !expectation_problems(&report, &v["expect"]).is_empty() {
            continue;
        }
        for inc in v["expect"]["includes"].as_array().into_iter().flatten() {
            if let Some(code) = inc.get("code").and_then(Value::as_str) {
                fired.entry(code.to_owned()).or_default().push(path.display().to_string());
            }
        }
    }
    // INP-017 (input over 64 MB) is reached only through JSON text: tests/engine.rs checks it.
    let elsewhere = ["INP-017"];
    let missing: Vec<&str> =
        all.iter().map(|r| r.code.as_str()).filter(|c| !fired.contains_key(*c) && !elsewhere.contains(c)).collect();
    assert!(missing.is_empty(), "rules with no failing vector: {missing:?}");
    // Every form has vectors, at least five.
    for f in forms() {
        let n = vectors().iter().filter(|(form, _, _)| *form == f.id).count();
        assert!(n >= 5, "{} has {n} conformance vectors, fewer than five", f.id);
    }
}
