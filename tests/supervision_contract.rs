//! The supervision contract (forms.md §16): every rule firing and not firing, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "supervision-contract";

/// A signed, uploaded contract for monthly (4-weekly) supervision, reviewed yearly.
fn complete() -> Value {
    json!({
        "supervisor": "A Senior",
        "supervisee": "A Practitioner",
        "superviseeRole": "Strengthening Families practitioner",
        "frequencyWeeks": 4,
        "signedBySupervisee": "2025-01-30",
        "signedBySupervisor": "2025-01-31",
        "reviewFrequencyMonths": 12,
        "uploadedOn": "2025-02-03"
    })
}

#[test]
fn a_complete_contract_is_valid_with_no_findings() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "signed": true,
            "uploaded": true,
            "frequencyWeeks": 4,
            "maxFrequencyWeeks": 4,
            "reasonNeeded": false,
            "reviewMonths": 12,
            "reviewDue": "2026-01-31",
            "reviewStatus": "due"
        })
    );
}

#[test]
fn svc_001_both_signatures_and_the_upload_are_required() {
    let d = json!({ "supervisor": "A Senior", "supervisee": "A Practitioner" });
    let draft = check(FORM, &d, &opts());
    assert_eq!(
        found(&draft, "SVC-001"),
        vec![
            ("/frequencyWeeks".into(), Info),
            ("/signedBySupervisee".into(), Info),
            ("/signedBySupervisor".into(), Info),
            ("/reviewFrequencyMonths".into(), Info),
            ("/uploadedOn".into(), Info),
        ]
    );
    assert!(draft.valid);
    let sub = check(FORM, &without(complete(), "/signedBySupervisor"), &submit());
    assert_eq!(found(&sub, "SVC-001"), vec![("/signedBySupervisor".into(), Error)]);
    assert!(!sub.valid);
    let o = serde_json::Value::from(sub.outcome.unwrap());
    assert_eq!(o["signed"], false);
}

#[test]
fn svc_002_less_often_than_monthly_needs_a_reason() {
    let d = with(complete(), "/frequencyWeeks", json!(6));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "SVC-002"), vec![("/reasonForLessFrequent".into(), Error)]);
    assert!(r.with_code("SVC-002").next().unwrap().message.contains("every 4 weeks"));
    assert_eq!(r.outcome.unwrap()["reasonNeeded"], true);
    assert_eq!(found(&check(FORM, &d, &opts()), "SVC-002"), vec![("/reasonForLessFrequent".into(), Info)]);
    let d = with(d, "/reasonForLessFrequent", json!("Part-time worker, three days a week"));
    assert!(!check(FORM, &d, &submit()).has("SVC-002"));
    // Every 4 weeks is the policy's frequency: no reason needed.
    assert!(!check(FORM, &complete(), &submit()).has("SVC-002"));
}

#[test]
fn svc_003_review_at_least_every_twelve_months() {
    let d = with(complete(), "/reviewFrequencyMonths", json!(18));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVC-003"), vec![("/reviewFrequencyMonths".into(), Error)]);
    // The review falls due at the policy's 12 months, whatever the contract says.
    assert_eq!(r.outcome.unwrap()["reviewDue"], "2026-01-31");
    let d = with(complete(), "/reviewFrequencyMonths", json!(6));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("SVC-003"));
    assert_eq!(r.outcome.unwrap()["reviewDue"], "2025-07-31");
}

#[test]
fn svc_004_review_overdue() {
    // Signed 31 January 2024 (both), never reviewed: due 31 January 2025, overdue on 2 June 2025.
    let d = with(complete(), "/signedBySupervisee", json!("2024-01-31"));
    let d = with(d, "/signedBySupervisor", json!("2024-01-31"));
    let d = with(d, "/uploadedOn", json!("2024-02-01"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVC-004"), vec![("/lastReviewedOn".into(), Warning)]);
    assert_eq!(r.with_code("SVC-004").next().unwrap().due.as_deref(), Some("2025-01-31"));
    assert_eq!(r.outcome.unwrap()["reviewStatus"], "overdue");
    // Reviewed since: due a year after the review.
    let d = with(d, "/lastReviewedOn", json!("2025-01-15"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("SVC-004"));
    assert_eq!(r.outcome.unwrap()["reviewDue"], "2026-01-15");
}

#[test]
fn svc_004_review_due_on_29_february_in_a_leap_year() {
    // Reviewed 29 February 2024, reviewed yearly: due 28 February 2025 (no 29 February in 2025).
    let d = with(complete(), "/signedBySupervisee", json!("2023-02-01"));
    let d = with(d, "/signedBySupervisor", json!("2023-02-01"));
    let d = with(d, "/uploadedOn", json!("2023-02-01"));
    let d = with(d, "/lastReviewedOn", json!("2024-02-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(r.with_code("SVC-004").next().unwrap().due.as_deref(), Some("2025-02-28"));
    let r = check(FORM, &d, &safeguarding_forms::Options::new().today("2025-02-28").unwrap());
    assert!(!r.has("SVC-004"));
    assert_eq!(r.outcome.unwrap()["reviewStatus"], "due-soon");
}

#[test]
fn svc_005_uploaded_or_reviewed_before_signing() {
    let d = with(complete(), "/uploadedOn", json!("2025-01-30"));
    let d = with(d, "/lastReviewedOn", json!("2025-01-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVC-005"), vec![("/lastReviewedOn".into(), Error), ("/uploadedOn".into(), Error)]);
    let d = with(complete(), "/uploadedOn", json!("2025-01-31"));
    assert!(!check(FORM, &d, &opts()).has("SVC-005"));
}

#[test]
fn svc_006_dates_after_today() {
    let d = with(complete(), "/signedBySupervisor", json!("2025-06-03"));
    let d = with(d, "/uploadedOn", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVC-006"), vec![("/signedBySupervisor".into(), Error), ("/uploadedOn".into(), Error)]);
    let d = with(complete(), "/uploadedOn", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("SVC-006"));
}

#[test]
fn frequency_and_review_interval_are_whole_numbers_in_range() {
    let d = with(complete(), "/frequencyWeeks", json!(4.5));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-008"), vec![("/frequencyWeeks".into(), Error)]);
    assert!(!r.has("SVC-002"));
    let d = with(complete(), "/reviewFrequencyMonths", json!(0));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-009"), vec![("/reviewFrequencyMonths".into(), Error)]);
}
