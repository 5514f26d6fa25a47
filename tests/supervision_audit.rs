//! The supervision audit (forms.md §19): every rule firing and not firing, and the outcome (per question, per file,
//! overall, next audit due six months on).

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{rules, Options, Report};
use serde_json::{json, Value};

const FORM: &str = "supervision-audit";

const KEYS: [&str; 10] = ["q1", "q2", "q3", "q4", "q5", "q8", "q9", "q10", "q11", "q12"];

/// Answers with "no" for the listed question keys, "yes" for the rest.
fn answers(no: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for k in KEYS {
        m.insert(k.to_string(), json!(!no.contains(&k)));
    }
    Value::Object(m)
}

/// Four files audited on 30 May 2025, six months after the previous audit.
fn complete() -> Value {
    json!({
        "supervisor": "A Team Leader",
        "auditor": "A Service Delivery Manager",
        "date": "2025-05-30",
        "previousAuditDate": "2024-11-30",
        "files": [
            { "reference": "File 1", "answers": answers(&[]) },
            { "reference": "File 2", "answers": answers(&["q12"]), "comments": "No CP cases held" },
            { "reference": "File 3", "answers": answers(&["q2", "q5"]) },
            { "reference": "File 4", "answers": answers(&["q2"]) }
        ],
        "comments": "Supervision is regular; actions are not always revisited"
    })
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.clone().unwrap())
}

#[test]
fn a_complete_audit_is_valid_with_the_counts() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["files"], 4);
    let yes: Vec<(u64, u64)> = o["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["number"].as_u64().unwrap(), q["yes"].as_u64().unwrap()))
        .collect();
    assert_eq!(yes, vec![(1, 4), (2, 2), (3, 4), (4, 4), (5, 3), (8, 4), (9, 4), (10, 4), (11, 4), (12, 3)]);
    assert_eq!(o["questions"][5]["text"], "Are cases discussed so that there is opportunity for the worker to critically reflect and for the supervisor to constructively challenge?");
    let totals: Vec<u64> = o["fileTotals"].as_array().unwrap().iter().map(|f| f["yes"].as_u64().unwrap()).collect();
    assert_eq!(totals, vec![10, 9, 8, 9]);
    assert_eq!(o["fileTotals"][2], json!({ "file": 3, "index": 2, "yes": 8, "answered": 10 }));
    assert_eq!(o["yes"], 36);
    assert_eq!(o["answered"], 40);
    assert_eq!(o["overallPercent"], 90);
    assert_eq!(o["nextDue"], "2025-11-30");
}

#[test]
fn the_catalogue_keeps_the_seeds_question_numbers() {
    let all = rules(Some(FORM), &Options::new()).unwrap();
    let required = all.iter().find(|r| r.code == "SVA-001").unwrap();
    assert!(required.summary.contains("1, 2, 3, 4, 5, 8, 9, 10, 11 and 12"));
    let schema = safeguarding_forms::schema(FORM).unwrap();
    let props = &schema["properties"]["files"]["items"]["properties"]["answers"]["properties"];
    let keys: Vec<&String> = props.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 10);
    assert!(props.get("q6").is_none() && props.get("q7").is_none());
    assert_eq!(
        props["q9"]["description"],
        "Are case work decisions recorded on the Case Record? Required when the form is submitted."
    );
}

#[test]
fn sva_001_required_fields_and_every_question_for_every_file() {
    let draft = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&draft, "SVA-001"),
        vec![("/supervisor".into(), Info), ("/auditor".into(), Info), ("/date".into(), Info), ("/files".into(), Info)]
    );
    assert!(!draft.has("SVA-002"), "no files: only the required-field finding");
    let d = with(complete(), "/files/1/answers/q8", Value::Null);
    let d = with(d, "/files/3/answers", json!({}));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "SVA-001"), vec![("/files/1/answers/q8".into(), Error), ("/files/3/answers".into(), Error)]);
    let o = outcome(&r);
    assert_eq!(o["answered"], 29);
    assert_eq!(o["fileTotals"][3], json!({ "file": 4, "index": 3, "yes": 0, "answered": 0 }));
    assert_eq!(o["overallPercent"], 90, "26 of 29, rounded");
}

#[test]
fn sva_002_between_four_and_eight_files() {
    let files = complete()["files"].as_array().unwrap().clone();
    let three = with(complete(), "/files", json!(files[..3]));
    let r = check(FORM, &three, &opts());
    assert_eq!(found(&r, "SVA-002"), vec![("/files".into(), Error)]);
    assert!(!r.valid, "an error in draft too");
    let mut nine = files.clone();
    nine.extend(files.clone());
    nine.push(files[0].clone());
    let r = check(FORM, &with(complete(), "/files", json!(nine)), &opts());
    assert_eq!(found(&r, "SVA-002"), vec![("/files".into(), Error)]);
    assert!(!r.has("INP-014"));
    let mut eight = files.clone();
    eight.extend(files);
    assert!(!check(FORM, &with(complete(), "/files", json!(eight)), &opts()).has("SVA-002"));
    // Blank rows do not count.
    let d = with(complete(), "/files", json!([{}, {}, {}, {}, {}]));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("SVA-002") && r.has("SVA-001"));
}

#[test]
fn sva_003_dates_after_today() {
    let d = with(complete(), "/date", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVA-003"), vec![("/date".into(), Error)]);
    let d = with(complete(), "/date", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("SVA-003"));
}

#[test]
fn sva_004_previous_audit_before_this_one() {
    let d = with(complete(), "/previousAuditDate", json!("2025-05-30"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVA-004"), vec![("/previousAuditDate".into(), Error)]);
    assert!(!r.has("SVA-005"));
}

#[test]
fn sva_005_previous_audit_more_than_six_months_before() {
    // 29 November + 6 months = 29 May: the audit on 30 May is a day late.
    let d = with(complete(), "/previousAuditDate", json!("2024-11-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVA-005"), vec![("/previousAuditDate".into(), Warning)]);
    assert_eq!(r.with_code("SVA-005").next().unwrap().due.as_deref(), Some("2025-05-29"));
    // 31 August 2023 + 6 months = 29 February 2024.
    let d = with(with(complete(), "/previousAuditDate", json!("2023-08-31")), "/date", json!("2024-02-29"));
    assert!(!check(FORM, &d, &opts()).has("SVA-005"));
    let d = with(d, "/date", json!("2024-03-01"));
    assert_eq!(check(FORM, &d, &opts()).with_code("SVA-005").next().unwrap().due.as_deref(), Some("2024-02-29"));
}

#[test]
fn next_audit_due_six_months_on_at_month_ends() {
    let due = |date: &str| outcome(&check(FORM, &with(complete(), "/date", json!(date)), &opts()))["nextDue"].clone();
    assert_eq!(due("2023-08-31"), "2024-02-29");
    assert_eq!(due("2024-08-31"), "2025-02-28");
    assert_eq!(due("2025-03-31"), "2025-09-30");
    assert_eq!(outcome(&check(FORM, &json!({}), &opts()))["nextDue"], Value::Null);
}

#[test]
fn answers_are_yes_or_no() {
    let d = with(complete(), "/files/0/answers/q3", json!("perhaps"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-001"), vec![("/files/0/answers/q3".into(), Error)]);
    assert!(r.diagnostics.iter().any(|x| x.message == "Select yes or no for question 3"));
    let d = with(complete(), "/files/0/answers/q6", json!(true));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-015"), vec![("/files/0/answers".into(), Info)]);
}
