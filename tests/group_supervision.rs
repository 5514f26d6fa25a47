//! Family Safeguarding group (case) supervision (forms.md §23): every rule failing and passing, and the outcome.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Options;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "group-supervision";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn today() -> Options {
    on("2025-06-12")
}

/// A Family Safeguarding case supervision on 10 June 2025: the social worker present and the recovery worker absent,
/// both with their summaries in two days before; chaired and finalised by the team manager, minuted by business
/// support.
fn session() -> Value {
    json!({
        "date": "2025-06-10",
        "family": "F",
        "chair": { "name": "T", "role": "team-manager" },
        "minuteTaker": { "name": "B", "role": "business-support" },
        "attendees": [
            { "name": "T", "role": "team-manager", "present": true },
            { "name": "S", "role": "social-worker", "present": true, "summarySubmittedOn": "2025-06-08" },
            { "name": "R", "role": "recovery-worker", "present": false, "summarySubmittedOn": "2025-06-07" }
        ],
        "rag": "amber",
        "ragReason": "Reason",
        "progressSummaries": [{ "role": "social-worker", "summary": "Progress" }, { "role": "recovery-worker", "summary": "Progress" }],
        "cycleOfChange": [{ "person": "Parent", "stage": "contemplation" }],
        "childViews": "Views", "parentViews": "Views", "impact": "Impact", "hypotheses": "Hypotheses",
        "decisions": [{ "decision": "Continue the plan", "reason": "Progress is steady" }],
        "actions": [{ "action": "Visit", "owner": "S", "dueDate": "2025-06-20" }],
        "finalisedBy": { "role": "team-manager", "date": "2025-06-11" },
        "previousSupervisionDate": "2025-05-12"
    })
}

#[test]
fn a_complete_session_is_clean_and_its_outcome() {
    let r = check(FORM, &session(), &today().submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "supervisionType": "family-safeguarding",
            "involvedProfessionals": 2,
            "summariesInAdvance": 2,
            "summariesMissing": [],
            "absentWorkers": 1,
            "absentSummariesInAdvance": true,
            "nextDue": "2025-07-10",
            "overdue": false
        })
    );
}

#[test]
fn gs_001_required_fields() {
    let r = check(FORM, &json!({}), &today());
    let paths: Vec<String> = found(&r, "GS-001")
        .into_iter()
        .map(|(p, s)| {
            assert_eq!(s, Info);
            p
        })
        .collect();
    assert_eq!(paths, ["/date", "/chair", "/attendees", "/rag", "/ragReason", "/finalisedBy"]);
    let d = with(with(session(), "/finalisedBy", json!({ "role": "team-manager" })), "/attendees/1/role", Value::Null);
    let r = check(FORM, &d, &today().submit());
    assert_eq!(found(&r, "GS-001"), vec![("/attendees/1/role".into(), Error), ("/finalisedBy/date".into(), Error)]);
    assert!(!check(FORM, &session(), &today().submit()).has("GS-001"));
}

#[test]
fn gs_002_only_a_social_worker_means_traditional_supervision() {
    let d = with(
        session(),
        "/attendees",
        json!([
            { "name": "T", "role": "team-manager", "present": true },
            { "name": "S", "role": "social-worker", "present": true, "summarySubmittedOn": "2025-06-08" },
            { "name": "B", "role": "business-support", "present": true }
        ]),
    );
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-002"), vec![("/attendees".into(), Info)]);
    assert!(r.valid);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["supervisionType"], "traditional");
    assert_eq!(o["involvedProfessionals"], 1);
    assert!(!check(FORM, &session(), &today()).has("GS-002"));
}

#[test]
fn gs_003_chair_is_the_team_manager() {
    let d = with(session(), "/chair/role", json!("social-worker"));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-003"), vec![("/chair/role".into(), Error)]);
    assert!(!check(FORM, &session(), &today()).has("GS-003"));
}

#[test]
fn gs_004_finalised_by_the_team_manager() {
    let d = with(session(), "/finalisedBy/role", json!("business-support"));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-004"), vec![("/finalisedBy/role".into(), Error)]);
    assert!(!check(FORM, &session(), &today()).has("GS-004"));
}

#[test]
fn gs_005_summaries_finalised_before_the_session_and_in_advance_when_absent() {
    // The absent recovery worker's summary came after the session.
    let d = with(session(), "/attendees/2/summarySubmittedOn", json!("2025-06-11"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-005"), vec![("/attendees/2/summarySubmittedOn".into(), Error)]);
    assert!(r.with_code("GS-005").next().unwrap().message.contains("cannot attend"));
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["summariesMissing"], json!([2]));
    assert_eq!(o["absentSummariesInAdvance"], false);
    // The social worker's summary never came, and the session has taken place.
    let d = without(session(), "/attendees/1/summarySubmittedOn");
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-005"), vec![("/attendees/1/summarySubmittedOn".into(), Error)]);
    assert!(!r.has("GS-006"), "one finding per summary");
    // Before the session, a summary not yet in is not this error.
    let r = check(FORM, &d, &on("2025-06-05"));
    assert!(!r.has("GS-005") && !r.has("GS-006"));
    assert!(!check(FORM, &session(), &today()).has("GS-005"));
}

#[test]
fn gs_006_summaries_due_two_days_before() {
    // In the day before: late, with the deadline.
    let d = with(session(), "/attendees/1/summarySubmittedOn", json!("2025-06-09"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-006"), vec![("/attendees/1/summarySubmittedOn".into(), Warning)]);
    assert_eq!(r.with_code("GS-006").next().unwrap().due.as_deref(), Some("2025-06-08"));
    assert!(!r.has("GS-005"));
    // On the day of the session: still before it, but late.
    let d = with(session(), "/attendees/2/summarySubmittedOn", json!("2025-06-10"));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-006"), vec![("/attendees/2/summarySubmittedOn".into(), Warning)]);
    // Not in the day before the session: overdue.
    let d = without(session(), "/attendees/2/summarySubmittedOn");
    let r = check(FORM, &d, &on("2025-06-09"));
    assert_eq!(found(&r, "GS-006"), vec![("/attendees/2/summarySubmittedOn".into(), Warning)]);
    assert!(!check(FORM, &session(), &today()).has("GS-006"));
}

#[test]
fn gs_007_each_decision_has_its_reason() {
    let d = with(session(), "/decisions/0/reason", json!(" "));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-007"), vec![("/decisions/0/reason".into(), Info)]);
    assert_eq!(found(&check(FORM, &d, &today().submit()), "GS-007"), vec![("/decisions/0/reason".into(), Error)]);
    assert!(!check(FORM, &session(), &today().submit()).has("GS-007"));
}

#[test]
fn gs_008_actions_have_an_owner_and_a_due_date() {
    let d = with(session(), "/actions", json!([{ "action": "Visit" }, {}]));
    let r = check(FORM, &d, &today().submit());
    assert_eq!(found(&r, "GS-008"), vec![("/actions/0/owner".into(), Error), ("/actions/0/dueDate".into(), Error)]);
    assert!(!check(FORM, &session(), &today().submit()).has("GS-008"));
}

#[test]
fn gs_009_actions_due_after_the_supervision() {
    let d = with(session(), "/actions/0/dueDate", json!("2025-06-10"));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-009"), vec![("/actions/0/dueDate".into(), Error)]);
    let d = with(session(), "/actions/0/dueDate", json!("2025-06-11"));
    assert!(!check(FORM, &d, &today()).has("GS-009"));
}

#[test]
fn gs_010_monthly_interval_defined_at_month_ends() {
    let d = with(session(), "/previousSupervisionDate", json!("2025-05-09"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-010"), vec![("/previousSupervisionDate".into(), Warning)]);
    assert_eq!(r.with_code("GS-010").next().unwrap().due.as_deref(), Some("2025-06-09"));
    assert!(!check(FORM, &with(session(), "/previousSupervisionDate", json!("2025-05-10")), &today()).has("GS-010"));
    // 31 January + 1 month is 28 February (29 in a leap year).
    let at = |prev: &str, date: &str| {
        let d = with(with(session(), "/previousSupervisionDate", json!(prev)), "/date", json!(date));
        let d = with(d, "/actions/0/dueDate", json!("2025-12-31"));
        check(FORM, &d, &on("2025-12-31")).has("GS-010")
    };
    assert!(!at("2025-01-31", "2025-02-28"));
    assert!(at("2025-01-31", "2025-03-01"));
    assert!(!at("2024-01-31", "2024-02-29"));
    assert!(at("2024-01-31", "2024-03-01"));
}

#[test]
fn gs_011_minutes_taken_by_business_support() {
    let d = with(session(), "/minuteTaker/role", json!("social-worker"));
    assert_eq!(found(&check(FORM, &d, &today()), "GS-011"), vec![("/minuteTaker/role".into(), Warning)]);
    assert!(!check(FORM, &session(), &today()).has("GS-011"));
}

#[test]
fn gs_012_previous_supervision_before_this_one() {
    let d = with(session(), "/previousSupervisionDate", json!("2025-06-10"));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "GS-012"), vec![("/previousSupervisionDate".into(), Error)]);
    assert!(!r.has("GS-010"));
    assert!(!check(FORM, &session(), &today()).has("GS-012"));
}

#[test]
fn next_due_a_month_on_at_month_ends_and_overdue() {
    let next = |date: &str, today: &str| {
        let d = with(with(session(), "/date", json!(date)), "/previousSupervisionDate", Value::Null);
        check(FORM, &d, &on(today)).outcome.unwrap()
    };
    assert_eq!(next("2025-01-31", "2025-02-01")["nextDue"], "2025-02-28");
    assert_eq!(next("2024-01-31", "2024-02-01")["nextDue"], "2024-02-29");
    assert_eq!(next("2025-12-15", "2025-12-16")["nextDue"], "2026-01-15");
    assert_eq!(next("2025-01-31", "2025-02-28")["overdue"], false);
    assert_eq!(next("2025-01-31", "2025-03-01")["overdue"], true);
}

#[test]
fn an_unreadable_summary_date_is_not_also_missing() {
    let d = with(session(), "/attendees/1/summarySubmittedOn", json!({ "day": "8", "month": "6" }));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "INP-002"), vec![("/attendees/1/summarySubmittedOn/year".into(), Error)]);
    assert!(!r.has("GS-005") && !r.has("GS-006"));
}
