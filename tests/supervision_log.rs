//! The record of supervision sessions (forms.md §18): every rule firing and not firing, and the outcome (gaps across
//! month ends and a leap day).

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "supervision-log";

/// Four-weekly sessions from 12 February 2025, one missed and rearranged two days later.
fn complete() -> Value {
    json!({
        "name": "A Practitioner",
        "employmentStarted": "2024-09-02",
        "supervisor": "A Senior",
        "frequencyWeeks": 4,
        "sessions": [
            { "at": "2025-02-12T10:00", "initials": "AP", "nextAt": "2025-03-10T10:00", "recordsKeptAt": "Supervision file" },
            { "at": "2025-03-10T10:00", "missed": true, "reason": "Supervisor off sick", "nextAt": "2025-03-12T10:00" },
            { "at": "2025-03-12T10:00", "initials": "AP", "missed": false, "nextAt": "2025-04-09T10:00" },
            { "at": "2025-04-09T10:00", "initials": "AP", "nextAt": "2025-05-07T10:00" },
            { "at": "2025-05-07T10:00", "initials": "AP", "nextAt": "2025-06-04T10:00" }
        ]
    })
}

fn at(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.clone().unwrap())
}

#[test]
fn a_complete_log_is_valid_with_no_findings() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        outcome(&r),
        json!({
            "sessionsHeld": 4,
            "sessionsMissed": 1,
            "longestGapDays": 28,
            "compliancePercent": 100,
            "frequencyWeeks": 4,
            "lastHeld": "2025-05-07",
            "nextDue": "2025-06-04",
            "overdue": false
        })
    );
}

#[test]
fn svl_001_required_fields_and_initials_of_a_held_session() {
    let draft = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&draft, "SVL-001"),
        vec![("/name".into(), Info), ("/supervisor".into(), Info), ("/sessions".into(), Info)]
    );
    let d = with(complete(), "/sessions/2/initials", Value::Null);
    let d = with(d, "/sessions/3/at", Value::Null);
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "SVL-001"), vec![("/sessions/2/initials".into(), Error), ("/sessions/3/at".into(), Error)]);
    // A missed session has no initials.
    assert!(!check(FORM, &complete(), &submit()).has("SVL-001"));
}

#[test]
fn svl_002_missed_session_needs_a_reason() {
    let d = with(complete(), "/sessions/1/reason", json!(""));
    assert_eq!(found(&check(FORM, &d, &submit()), "SVL-002"), vec![("/sessions/1/reason".into(), Error)]);
    assert_eq!(found(&check(FORM, &d, &opts()), "SVL-002"), vec![("/sessions/1/reason".into(), Info)]);
}

#[test]
fn svl_003_missed_session_needs_a_rearranged_date() {
    let d = without(complete(), "/sessions/1/nextAt");
    assert_eq!(found(&check(FORM, &d, &submit()), "SVL-003"), vec![("/sessions/1/nextAt".into(), Error)]);
    // A held session without a next date is not a missed one.
    let d = without(complete(), "/sessions/4/nextAt");
    assert!(!check(FORM, &d, &submit()).has("SVL-003"));
}

#[test]
fn svl_004_next_session_after_the_session() {
    let d = with(complete(), "/sessions/1/nextAt", json!("2025-03-10T09:00"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVL-004"), vec![("/sessions/1/nextAt".into(), Error)]);
    let d = with(complete(), "/sessions/1/nextAt", json!("2025-03-10T15:00"));
    assert!(!check(FORM, &d, &opts()).has("SVL-004"));
}

#[test]
fn svl_005_one_warning_per_gap_longer_than_the_frequency() {
    // 12 March + 4 weeks = 9 April: the session on 10 April is a day late; 10 April to 7 May is within.
    let d = with(complete(), "/sessions/3/at", json!("2025-04-10T10:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVL-005"), vec![("/sessions/3/at".into(), Warning)]);
    let diag = r.with_code("SVL-005").next().unwrap();
    assert_eq!(diag.due.as_deref(), Some("2025-04-09"));
    assert_eq!(diag.related, vec!["/sessions/2/at".to_string()]);
    let o = outcome(&r);
    assert_eq!(o["longestGapDays"], 29);
    assert_eq!(o["compliancePercent"], 67);
    // Two gaps, two warnings.
    let two = with(d.clone(), "/sessions/4/at", json!("2025-05-09T10:00"));
    let r = check(FORM, &two, &opts());
    assert_eq!(found(&r, "SVL-005"), vec![("/sessions/3/at".into(), Warning), ("/sessions/4/at".into(), Warning)]);
    assert_eq!(outcome(&r)["compliancePercent"], 33);
    // A missed session does not close a gap: 12 February to 10 April is 57 days.
    let d = with(d, "/sessions/2/missed", json!(true));
    let d = with(d, "/sessions/2/reason", json!("Training"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVL-005"), vec![("/sessions/3/at".into(), Warning)]);
    assert_eq!(r.with_code("SVL-005").next().unwrap().related, vec!["/sessions/0/at".to_string()]);
    assert_eq!(outcome(&r)["longestGapDays"], 57);
    assert_eq!(outcome(&r)["compliancePercent"], 50);
    assert_eq!(outcome(&r)["sessionsMissed"], 2);
}

#[test]
fn svl_005_gaps_across_february_in_leap_and_common_years() {
    let log = |a: &str, b: &str| {
        json!({ "name": "P", "supervisor": "S", "sessions": [
            { "at": a, "initials": "P" }, { "at": b, "initials": "P" } ] })
    };
    // 2025: 1 February to 1 March is 28 days, within 4 weeks.
    let r = check(FORM, &log("2025-02-01T10:00", "2025-03-01T10:00"), &at("2025-03-02"));
    assert!(!r.has("SVL-005"));
    assert_eq!(outcome(&r)["longestGapDays"], 28);
    // 2024: 1 February to 1 March is 29 days (29 February), a gap; due 29 February.
    let r = check(FORM, &log("2024-02-01T10:00", "2024-03-01T10:00"), &at("2024-03-02"));
    assert_eq!(r.with_code("SVL-005").next().unwrap().due.as_deref(), Some("2024-02-29"));
    assert_eq!(outcome(&r)["longestGapDays"], 29);
    // Listed out of order: the dates decide.
    let r = check(FORM, &log("2024-03-01T10:00", "2024-02-01T10:00"), &at("2024-03-02"));
    assert_eq!(found(&r, "SVL-005"), vec![("/sessions/0/at".into(), Warning)]);
}

#[test]
fn svl_006_supervision_overdue() {
    // Last session 7 May: due by 4 June.
    let r = check(FORM, &complete(), &at("2025-06-04"));
    assert!(!r.has("SVL-006"));
    let r = check(FORM, &complete(), &at("2025-06-05"));
    assert_eq!(found(&r, "SVL-006"), vec![("/sessions".into(), Warning)]);
    assert_eq!(r.with_code("SVL-006").next().unwrap().due.as_deref(), Some("2025-06-04"));
    let o = outcome(&r);
    assert_eq!(o["overdue"], true);
    assert_eq!(o["longestGapDays"], 29, "the open gap counts once it is overdue");
    assert_eq!(o["compliancePercent"], 75);
    // Nobody supervised since employment commenced on 1 April: due by 29 April.
    let d = json!({ "name": "P", "supervisor": "S", "employmentStarted": "2025-04-01", "sessions": [] });
    let r = check(FORM, &d, &opts());
    assert_eq!(r.with_code("SVL-006").next().unwrap().due.as_deref(), Some("2025-04-29"));
    assert_eq!(outcome(&r)["compliancePercent"], Value::Null);
}

#[test]
fn svl_007_session_in_future() {
    let d = with(complete(), "/sessions/4/at", json!("2025-06-03T10:00"));
    let d = with(d, "/sessions/4/nextAt", json!("2025-07-01T10:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVL-007"), vec![("/sessions/4/at".into(), Error)]);
    // A future session is not counted as held.
    assert_eq!(outcome(&r)["sessionsHeld"], 3);
    let d = with(complete(), "/sessions/4/at", json!("2025-06-02T23:00"));
    assert!(!check(FORM, &d, &opts()).has("SVL-007"));
}

#[test]
fn svl_008_session_before_employment() {
    let d = with(complete(), "/employmentStarted", json!("2025-02-13"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVL-008"), vec![("/sessions/0/at".into(), Error)]);
}

#[test]
fn svl_009_frequent_cancellations() {
    let missed = |at: &str| json!({ "at": at, "missed": true, "reason": "Cancelled", "nextAt": "2025-05-30T10:00" });
    let mut sessions = complete()["sessions"].as_array().unwrap().clone();
    sessions.push(missed("2025-05-20T10:00"));
    let d = with(complete(), "/sessions", json!(sessions.clone()));
    assert!(!check(FORM, &d, &opts()).has("SVL-009"), "two missed");
    sessions.push(missed("2025-05-27T10:00"));
    let d = with(complete(), "/sessions", json!(sessions.clone()));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVL-009"), vec![("/sessions".into(), Info)]);
    // Older than 12 months: not counted.
    let d = with(d, "/sessions/1/at", json!("2024-06-02T10:00"));
    let d = with(d, "/employmentStarted", json!("2024-01-01"));
    assert!(!check(FORM, &d, &opts()).has("SVL-009"));
}

#[test]
fn session_times_must_be_real() {
    let d = with(complete(), "/sessions/0/at", json!("2025-02-30T10:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-016"), vec![("/sessions/0/at".into(), Error)]);
    assert_eq!(outcome(&r)["sessionsHeld"], 3);
}
