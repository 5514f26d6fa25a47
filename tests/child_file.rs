//! Child's file documents (forms.md §25): every rule failing and passing, and the checklist.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "child-file";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn doc(kind: &str, date: &str) -> Value {
    json!({ "kind": kind, "date": date })
}

fn summary(worker: &str, date: &str) -> Value {
    json!({ "kind": "workbook-summary", "date": date, "worker": worker })
}

/// A file opened on 31 January 2025 with every document, three group supervisions and both workers' summaries for
/// each period, and a case summary on 30 April 2025 (three months on, at the month end).
fn file() -> Value {
    json!({
        "openedOn": "2025-01-31",
        "documents": [
            doc("child-and-family-assessment", "2025-01-20"),
            doc("child-protection-plan", "2025-01-31"),
            doc("chronology", "2025-02-03"),
            doc("family-programme", "2025-02-03"),
            summary("Sam Social", "2025-03-07"),
            summary("Rae Recovery", "2025-03-08"),
            doc("group-supervision", "2025-03-10"),
            summary("sam social", "2025-04-08"),
            summary("Rae Recovery", "2025-04-07"),
            doc("core-group-minutes", "2025-04-10"),
            doc("child-protection-conference-report", "2025-04-20"),
            doc("case-summary", "2025-04-30"),
            summary("Sam Social", "2025-05-09"),
            summary("Rae Recovery", "2025-05-10")
        ],
        "supervisionDates": ["2025-03-10", "2025-04-10", "2025-05-12", "2025-06-10"],
        "involvedWorkers": [{ "name": "Sam Social", "role": "social-worker" }, { "name": "Rae Recovery", "role": "recovery-worker" }],
        "visitEpisodes": [{ "kind": "case-note", "date": "2025-03-11", "recordedBy": "team-manager" }]
    })
}

fn today() -> Options {
    on("2025-06-02")
}

fn item(r: &Report, id: &str) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == id)
        .unwrap()
        .clone()
}

#[test]
fn a_complete_file_is_clean_and_its_checklist() {
    let r = check(FORM, &file(), &today().submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["complete"], true);
    assert_eq!(
        o["checklist"],
        json!([
            { "item": "child-and-family-assessment", "status": "present" },
            { "item": "plan", "status": "present" },
            { "item": "review", "status": "present" },
            { "item": "chronology", "status": "present" },
            { "item": "family-programme", "status": "present" },
            { "item": "group-supervision", "status": "present" },
            { "item": "workbook-summaries", "status": "present", "missing": 0 },
            { "item": "case-summary", "status": "present", "due": "2025-07-30" }
        ])
    );
}

#[test]
fn cfd_001_required_fields() {
    let r = check(FORM, &json!({ "documents": [{ "date": "2025-01-01" }] }), &today());
    assert_eq!(found(&r, "CFD-001"), vec![("/openedOn".into(), Info), ("/documents/0/kind".into(), Info)]);
    assert!(!check(FORM, &file(), &today().submit()).has("CFD-001"));
}

#[test]
fn cfd_002_to_007_each_expected_document() {
    let r = check(FORM, &json!({ "openedOn": "2025-05-30", "documents": [] }), &today());
    for code in ["CFD-002", "CFD-003", "CFD-004", "CFD-005", "CFD-006", "CFD-007"] {
        assert_eq!(found(&r, code), vec![("/documents".into(), Warning)], "{code}");
    }
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    assert_eq!(o["complete"], false);
    assert_eq!(item(&r, "plan")["status"], "missing");
    // Not yet three months open: no case summary yet, and none due.
    assert_eq!(item(&r, "case-summary"), json!({ "item": "case-summary", "status": "missing", "due": "2025-08-30" }));
    assert!(!r.has("CFD-009"));
    // Each document on its own clears its rule.
    for (code, kind) in [
        ("CFD-002", "child-and-family-assessment"),
        ("CFD-003", "children-we-care-for-care-plan"),
        ("CFD-004", "statutory-review"),
        ("CFD-005", "chronology"),
        ("CFD-006", "family-programme"),
        ("CFD-007", "group-supervision"),
    ] {
        let d = json!({ "openedOn": "2025-05-30", "documents": [doc(kind, "2025-05-30")] });
        assert!(!check(FORM, &d, &today()).has(code), "{code}");
    }
}

#[test]
fn cfd_004_a_conference_report_needs_the_core_group_minutes() {
    let docs = file()["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] != "core-group-minutes")
        .cloned()
        .collect::<Vec<_>>();
    let d = with(file(), "/documents", json!(docs));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "CFD-004"), vec![("/documents".into(), Warning)]);
    assert_eq!(item(&r, "review")["status"], "missing");
    let d = with(file(), "/documents/9", doc("child-in-need-review", "2025-04-10"));
    let docs = d["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] != "child-protection-conference-report")
        .cloned()
        .collect::<Vec<_>>();
    assert!(!check(FORM, &with(d, "/documents", json!(docs)), &today()).has("CFD-004"));
}

#[test]
fn cfd_008_each_worker_a_workbook_summary_for_each_period() {
    // Rae's summary for the period ending 10 April is dated in the period before.
    let d = with(file(), "/documents/8/date", json!("2025-03-09"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "CFD-008"), vec![("/involvedWorkers/1".into(), Warning)]);
    let diag = r.with_code("CFD-008").next().unwrap();
    assert_eq!(diag.related, vec!["/supervisionDates/1".to_string()]);
    assert!(diag.message.contains("10 April 2025") && !diag.message.contains("Rae"));
    assert_eq!(item(&r, "workbook-summaries")["missing"], 1);
    // A summary dated on the supervision day belongs to the period it ends.
    let d = with(file(), "/documents/8/date", json!("2025-04-10"));
    assert!(!check(FORM, &d, &today()).has("CFD-008"));
    // The supervision on 10 June has not happened yet: nothing expected for it.
    assert!(!check(FORM, &file(), &today()).has("CFD-008"));
    let r = check(FORM, &file(), &on("2025-06-10"));
    assert_eq!(
        found(&r, "CFD-008"),
        vec![("/involvedWorkers/0".into(), Warning), ("/involvedWorkers/1".into(), Warning)]
    );
    // No workers listed: any summary counts, and a missing one is reported at the supervision.
    let d = without(file(), "/involvedWorkers");
    let d = with(d, "/supervisionDates", json!(["2025-03-10", "2025-04-10", "2025-05-12", "2025-06-01"]));
    assert_eq!(found(&check(FORM, &d, &today()), "CFD-008"), vec![("/supervisionDates/3".into(), Warning)]);
}

/// A worker's summary is theirs however their name is capitalised, in any script: "ΣΟΦΙΑ ΛΑΣ" and "Σοφια Λασ" are one
/// worker (`str::to_lowercase` gave "σοφια λας" for the first).
#[test]
fn cfd_008_a_workers_name_in_any_case() {
    let renamed = |name: &str, summaries: &str| {
        let mut d = with(file(), "/involvedWorkers/1/name", json!(name));
        for i in [5, 8, 13] {
            d = with(d, &format!("/documents/{i}/worker"), json!(summaries));
        }
        d
    };
    for (name, summaries) in [("ΣΟΦΙΑ ΛΑΣ", "Σοφια Λασ"), ("Σοφια Λας", "ΣΟΦΙΑ ΛΑΣ"), ("RAE RECOVERY", "rae recovery")]
    {
        assert!(!check(FORM, &renamed(name, summaries), &today()).has("CFD-008"), "{name} {summaries}");
    }
    let r = check(FORM, &renamed("Σοφια Λας", "Σοφια Λα"), &today());
    assert_eq!(found(&r, "CFD-008").len(), 3);
}

#[test]
fn cfd_009_case_summary_every_three_months_at_month_ends() {
    // Opened 31 January: the first summary is due by 30 April; 1 May is late.
    let d = with(file(), "/documents/11/date", json!("2025-05-01"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "CFD-009"), vec![("/documents/11/date".into(), Warning)]);
    assert_eq!(r.with_code("CFD-009").next().unwrap().due.as_deref(), Some("2025-04-30"));
    assert_eq!(item(&r, "case-summary")["due"], "2025-08-01");
    // The next one, due by 30 July, not written by 31 July: overdue.
    let r = check(FORM, &file(), &on("2025-07-31"));
    assert_eq!(found(&r, "CFD-009"), vec![("/documents".into(), Warning)]);
    assert_eq!(r.with_code("CFD-009").next().unwrap().due.as_deref(), Some("2025-07-30"));
    assert_eq!(item(&r, "case-summary")["status"], "overdue");
    assert!(!check(FORM, &file(), &on("2025-07-30")).has("CFD-009"));
    // Opened 30 November 2023: due by 29 February 2024.
    let d = json!({ "openedOn": "2023-11-30", "documents": [doc("case-summary", "2024-02-29")] });
    let r = check(FORM, &d, &on("2024-03-01"));
    assert!(!r.has("CFD-009"));
    assert_eq!(item(&r, "case-summary")["due"], "2024-05-29");
    let r = check(FORM, &json!({ "openedOn": "2023-11-30" }), &on("2024-03-01"));
    assert_eq!(found(&r, "CFD-009"), vec![("/documents".into(), Warning)]);
    assert_eq!(r.with_code("CFD-009").next().unwrap().due.as_deref(), Some("2024-02-29"));
}

#[test]
fn cfd_010_social_workers_use_no_visit_episodes_or_case_notes() {
    let d = with(
        file(),
        "/visitEpisodes",
        json!([
            { "kind": "child-protection-visit", "date": "2025-03-11", "recordedBy": "social-worker" },
            { "kind": "case-note", "date": "2025-03-11", "recordedBy": "team-manager" },
            { "kind": "case-note", "date": "2025-03-12", "recordedBy": "social-worker" }
        ]),
    );
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "CFD-010"), vec![("/visitEpisodes/0".into(), Warning), ("/visitEpisodes/2".into(), Warning)]);
    assert!(!check(FORM, &file(), &today()).has("CFD-010"));
}

#[test]
fn documents_that_are_not_a_list_are_reported_once() {
    let d = with(file(), "/documents", json!("see the file"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "INP-001"), vec![("/documents".into(), safeguarding_forms::Severity::Error)]);
    assert!(r.diagnostics.iter().all(|d| d.code == "INP-001"), "{:?}", r.diagnostics);
}
