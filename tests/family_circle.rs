//! Family Circles (forms.md §4): every rule firing and not firing, due dates across month ends and leap years, the
//! next due date and the closure route the circles allow.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "family-circle";

fn circle(date: &str, outcome: &str) -> Value {
    json!({ "date": date, "outcome": outcome, "childViews": "What the child said", "parentViews": "What the parents said" })
}

/// Allocated after an EHA on 6 January 2025; circles on time, the last two closing.
fn on_time() -> Value {
    json!({
        "allocationDate": "2025-01-06",
        "assessmentKind": "eha",
        "circles": [
            circle("2025-02-10", "other"),
            circle("2025-04-07", "partial-significant-sustained"),
            circle("2025-05-26", "significant-sustained")
        ]
    })
}

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn due(r: &Report, code: &str) -> Vec<Option<String>> {
    r.with_code(code).map(|d| d.due.clone()).collect()
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())
}

#[test]
fn circles_on_time_have_no_findings_and_allow_route_1() {
    let r = check(FORM, &on_time(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["circlesRecorded"], 3);
    assert_eq!(o["nextDue"], "2025-07-21");
    assert_eq!(o["nextDueStatus"], "due");
    assert_eq!(o["closureRoute"], 1);
    assert_eq!(o["caseMonitoringMonths"], Value::Null);
    assert_eq!(
        o["timescales"],
        json!([
            { "circle": 1, "standard": "first-family-circle", "due": "2025-02-17", "metOn": "2025-02-10", "status": "met" },
            { "circle": 2, "standard": "ongoing-family-circle", "due": "2025-04-07", "metOn": "2025-04-07", "status": "met" },
            { "circle": 3, "standard": "ongoing-family-circle", "due": "2025-06-02", "metOn": "2025-05-26", "status": "met" },
            { "circle": 4, "standard": "ongoing-family-circle", "due": "2025-07-21", "metOn": null, "status": "due" }
        ])
    );
}

#[test]
fn fci_001_required_fields() {
    let r = check(FORM, &json!({ "circles": [{ "childViews": "x", "parentViews": "y" }] }), &opts());
    assert_eq!(
        found(&r, "FCI-001"),
        vec![
            ("/allocationDate".into(), Info),
            ("/assessmentKind".into(), Info),
            ("/circles/0/date".into(), Info),
            ("/circles/0/outcome".into(), Info)
        ]
    );
    let r = check(FORM, &json!({}), &submit());
    assert_eq!(found(&r, "FCI-001"), vec![("/allocationDate".into(), Error), ("/assessmentKind".into(), Error)]);
    assert!(!check(FORM, &on_time(), &submit()).has("FCI-001"));
}

#[test]
fn fci_002_first_circle_within_6_weeks_after_an_eha() {
    let d = with(on_time(), "/circles/0/date", json!("2025-02-18"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-002"), vec![("/circles/0/date".into(), Warning)]);
    assert_eq!(due(&r, "FCI-002"), vec![Some("2025-02-17".into())]);
    assert_eq!(outcome(&r)["timescales"][0]["status"], "met-late");
    // The same date after an EHSP is within 8 weeks (3 March).
    let d = with(d, "/assessmentKind", json!("ehsp"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("FCI-002"));
    assert_eq!(outcome(&r)["timescales"][0]["due"], "2025-03-03");
}

#[test]
fn fci_002_no_first_circle_yet() {
    let d = json!({ "allocationDate": "2025-03-31", "assessmentKind": "ehsp" });
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-002"), vec![("/circles".into(), Warning)]);
    assert_eq!(due(&r, "FCI-002"), vec![Some("2025-05-26".into())]);
    assert_eq!(outcome(&r)["nextDue"], "2025-05-26");
    assert_eq!(outcome(&r)["nextDueStatus"], "overdue");
    // Allocated 28 April: due 23 June, more than a week away.
    let d = with(d, "/allocationDate", json!("2025-04-28"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("FCI-002"));
    assert_eq!(outcome(&r)["nextDueStatus"], "due");
    // Allocated 14 April: due 9 June, within a week.
    let d = with(d, "/allocationDate", json!("2025-04-14"));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["nextDueStatus"], "due-soon");
}

#[test]
fn first_circle_due_dates_across_month_ends_and_leap_years() {
    for (allocation, kind, expected) in [
        ("2025-01-31", "eha", "2025-03-14"),
        ("2024-01-31", "ehsp", "2024-03-27"),
        ("2024-01-20", "eha", "2024-03-02"),
        ("2025-01-20", "eha", "2025-03-03"),
        ("2025-11-20", "ehsp", "2026-01-15"),
    ] {
        let d = json!({ "allocationDate": allocation, "assessmentKind": kind });
        let r = check(FORM, &d, &on("2026-06-01"));
        assert_eq!(due(&r, "FCI-002"), vec![Some(expected.to_string())], "{allocation} {kind}");
    }
}

#[test]
fn fci_003_circles_every_8_weeks() {
    let d = with(on_time(), "/circles/1/date", json!("2025-04-08"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-003"), vec![("/circles/1/date".into(), Warning)]);
    assert_eq!(due(&r, "FCI-003"), vec![Some("2025-04-07".into())]);
    // The next circle overdue.
    let d = json!({ "allocationDate": "2025-02-03", "assessmentKind": "eha", "circles": [circle("2025-03-10", "other"), circle("2025-04-01", "other")] });
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-003"), vec![("/circles".into(), Warning)]);
    assert_eq!(due(&r, "FCI-003"), vec![Some("2025-05-27".into())]);
    assert!(r.with_code("FCI-003").next().unwrap().message.ends_with("the next one was due by 27 May 2025"));
    // On the due day it is due soon, not yet a finding.
    let r = check(FORM, &d, &on("2025-05-27"));
    assert!(!r.has("FCI-003"));
    assert_eq!(outcome(&r)["nextDueStatus"], "due-soon");
}

#[test]
fn circles_are_taken_in_date_order_whatever_the_list_order() {
    let mut d = on_time();
    d["circles"].as_array_mut().unwrap().reverse();
    let d = with(d, "/circles/1/date", json!("2025-04-08"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-003"), vec![("/circles/1/date".into(), Warning)]);
    assert_eq!(outcome(&r)["closureRoute"], 1);
}

#[test]
fn fci_004_child_and_parent_views_recorded() {
    let d = with(on_time(), "/circles/1/childViews", json!(" "));
    let d = without(d, "/circles/2/parentViews");
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "FCI-004"),
        vec![("/circles/1/childViews".into(), Warning), ("/circles/2/parentViews".into(), Warning)]
    );
    assert!(!check(FORM, &on_time(), &opts()).has("FCI-004"));
}

#[test]
fn fci_005_circle_before_allocation() {
    let d = with(on_time(), "/circles/0/date", json!("2025-01-05"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-005"), vec![("/circles/0/date".into(), Error)]);
    let d = with(on_time(), "/circles/0/date", json!("2025-01-06"));
    assert!(!check(FORM, &d, &opts()).has("FCI-005"));
}

#[test]
fn fci_006_circle_in_the_future() {
    let d = with(on_time(), "/circles/2/date", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "FCI-006"), vec![("/circles/2/date".into(), Error)]);
    let d = with(on_time(), "/circles/2/date", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("FCI-006"));
}

#[test]
fn closure_route_the_circles_allow() {
    let route = |circles: Value| {
        let d = json!({ "allocationDate": "2025-01-06", "assessmentKind": "eha", "circles": circles });
        let r = check(FORM, &d, &opts());
        let o = outcome(&r);
        (o["closureRoute"].clone(), o["caseMonitoringMonths"].clone())
    };
    // Route 2: a single circle, significant and sustained; then a month of case monitoring.
    assert_eq!(route(json!([circle("2025-02-10", "significant-sustained")])), (json!(2), json!(1)));
    // A single partial circle allows neither.
    assert_eq!(route(json!([circle("2025-02-10", "partial-significant-sustained")])), (Value::Null, Value::Null));
    // Route 1: the last two closing, in any mix.
    assert_eq!(
        route(json!([
            circle("2025-02-10", "partial-significant-sustained"),
            circle("2025-04-01", "partial-significant-sustained")
        ])),
        (json!(1), Value::Null)
    );
    // Only the last one closing, with an earlier circle: neither.
    assert_eq!(
        route(json!([circle("2025-02-10", "other"), circle("2025-04-01", "significant-sustained")])),
        (Value::Null, Value::Null)
    );
    assert_eq!(
        route(json!([circle("2025-02-10", "significant-sustained"), circle("2025-04-01", "other")])),
        (Value::Null, Value::Null)
    );
    assert_eq!(route(json!([])), (Value::Null, Value::Null));
}
