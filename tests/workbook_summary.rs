//! The Workbook Summary (forms.md §21): every rule failing and passing, and the outcome.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "workbook-summary";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

/// A complete summary, sent exactly two days before the group supervision on 10 June 2025.
fn sent() -> Value {
    json!({
        "worker": { "name": "A Worker", "role": "recovery-worker" },
        "periodStart": "2025-05-12",
        "periodEnd": "2025-06-06",
        "groupSupervisionDate": "2025-06-10",
        "submittedOn": "2025-06-08",
        "activities": [
            { "date": "2025-05-14", "kind": "visit", "summary": "Home visit", "modules": ["3", "5"] },
            { "date": "2025-06-02", "kind": "phone-call", "summary": "Call", "modules": ["4a"] }
        ],
        "analysis": "Analysis of the period",
        "hypotheses": ["One", "Two"],
        "impact": "Impact"
    })
}

fn today() -> Options {
    on("2025-06-09")
}

fn clean(r: &Report) {
    assert!(r.valid, "{:?}", r.diagnostics);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn a_complete_summary_sent_two_days_before_is_clean() {
    let r = check(FORM, &sent(), &today().submit());
    clean(&r);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["due"], "2025-06-08");
    assert_eq!(o["status"], "met");
    assert_eq!(o["activities"], 2);
    assert_eq!(o["modulesReferenced"], json!(["3", "4a", "5"]));
}

#[test]
fn wbs_001_required_fields_info_in_draft_error_at_submit() {
    let draft = check(FORM, &json!({}), &today());
    assert_eq!(
        found(&draft, "WBS-001"),
        vec![("/worker".into(), Info), ("/groupSupervisionDate".into(), Info), ("/analysis".into(), Info)]
    );
    assert!(draft.valid);
    let d = with(without(sent(), "/analysis"), "/worker", json!({ "name": "A Worker" }));
    let r = check(FORM, &d, &today().submit());
    assert_eq!(found(&r, "WBS-001"), vec![("/worker/role".into(), Error), ("/analysis".into(), Error)]);
    assert!(!r.valid);
    assert!(!check(FORM, &sent(), &today().submit()).has("WBS-001"));
}

#[test]
fn wbs_002_sent_later_than_two_days_before_supervision() {
    // Sent the day before: late, with the deadline.
    let d = with(sent(), "/submittedOn", json!("2025-06-09"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "WBS-002"), vec![("/submittedOn".into(), Warning)]);
    let diag = r.with_code("WBS-002").next().unwrap();
    assert_eq!(diag.due.as_deref(), Some("2025-06-08"));
    assert_eq!(diag.related, vec!["/groupSupervisionDate".to_string()]);
    assert_eq!(r.outcome.unwrap()["status"], "met-late");
    // Not sent, and the day has passed: overdue.
    let d = without(sent(), "/submittedOn");
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "WBS-002"), vec![("/submittedOn".into(), Warning)]);
    assert_eq!(r.outcome.unwrap()["status"], "overdue");
    // Not sent, due today: due soon, no finding yet.
    let r = check(FORM, &d, &on("2025-06-08"));
    assert!(!r.has("WBS-002"));
    assert_eq!(r.outcome.unwrap()["status"], "due-soon");
    // Sent on the deadline: met.
    assert!(!check(FORM, &sent(), &today()).has("WBS-002"));
}

#[test]
fn wbs_002_two_calendar_days_across_month_ends_and_leap_years() {
    let due = |gs: &str| {
        let d = with(sent(), "/groupSupervisionDate", json!(gs));
        check(FORM, &d, &on("2024-01-01")).outcome.unwrap()["due"].clone()
    };
    assert_eq!(due("2025-03-01"), "2025-02-27");
    assert_eq!(due("2024-03-01"), "2024-02-28");
    assert_eq!(due("2024-03-02"), "2024-02-29");
    // Calendar days, not working days: a Monday supervision is due on the Saturday before.
    assert_eq!(due("2025-06-09"), "2025-06-07");
}

#[test]
fn wbs_003_period_dates_out_of_order() {
    let d = with(sent(), "/periodEnd", json!("2025-05-11"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "WBS-003"), vec![("/periodEnd".into(), Error)]);
    // The activities are not also reported as outside a period that makes no sense.
    assert!(!r.has("WBS-004"));
    let d = with(sent(), "/periodEnd", json!("2025-06-11"));
    assert_eq!(found(&check(FORM, &d, &today()), "WBS-003"), vec![("/periodEnd".into(), Error)]);
    let d = with(sent(), "/periodEnd", json!("2025-06-10"));
    assert!(!check(FORM, &d, &today()).has("WBS-003"));
}

#[test]
fn wbs_004_activity_outside_the_period() {
    let d = with(sent(), "/activities/0/date", json!("2025-05-11"));
    assert_eq!(found(&check(FORM, &d, &today()), "WBS-004"), vec![("/activities/0/date".into(), Warning)]);
    let d = with(sent(), "/activities/1/date", json!("2025-06-07"));
    assert_eq!(found(&check(FORM, &d, &today()), "WBS-004"), vec![("/activities/1/date".into(), Warning)]);
    // On the boundaries: inside.
    let d = with(with(sent(), "/activities/0/date", json!("2025-05-12")), "/activities/1/date", json!("2025-06-06"));
    assert!(!check(FORM, &d, &today()).has("WBS-004"));
}

#[test]
fn wbs_005_dates_after_today() {
    let d = with(sent(), "/activities/1/date", json!("2025-06-10"));
    let r = check(FORM, &d, &on("2025-06-09"));
    assert_eq!(found(&r, "WBS-005"), vec![("/activities/1/date".into(), Error)]);
    let r = check(FORM, &sent(), &on("2025-06-07"));
    assert_eq!(found(&r, "WBS-005"), vec![("/submittedOn".into(), Error)]);
    assert!(!check(FORM, &sent(), &on("2025-06-08")).has("WBS-005"));
}

#[test]
fn wbs_006_activity_must_cross_reference_a_module() {
    let d = with(sent(), "/activities/0/modules", json!([]));
    assert_eq!(found(&check(FORM, &d, &today()), "WBS-006"), vec![("/activities/0/modules".into(), Warning)]);
    let d = without(sent(), "/activities/1/modules");
    assert_eq!(found(&check(FORM, &d, &today()), "WBS-006"), vec![("/activities/1/modules".into(), Warning)]);
    // An unknown module id is an input error at the id, not a missing cross-reference.
    let d = with(sent(), "/activities/0/modules", json!(["9"]));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "INP-006"), vec![("/activities/0/modules/0".into(), Error)]);
    assert!(!r.has("WBS-006"));
    assert!(r.diagnostics.iter().all(|d| !d.message.contains('9')));
}

#[test]
fn messages_never_repeat_what_was_typed() {
    let d = with(sent(), "/worker/name", json!("Zebedee Quux"));
    let d = with(d, "/submittedOn", json!("2025-06-09"));
    let r = check(FORM, &without(d, "/analysis"), &today().submit());
    assert!(!r.diagnostics.is_empty());
    assert!(r.diagnostics.iter().all(|d| !d.message.contains("Zebedee")));
}

#[test]
fn an_unreadable_sending_date_is_not_also_late() {
    let d = with(sent(), "/submittedOn", json!("2025-02-30"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "INP-003"), vec![("/submittedOn".into(), Error)]);
    assert!(!r.has("WBS-002"));
}
