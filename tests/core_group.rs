//! Core group record / report to review conference (forms.md §24): every rule failing and passing, and the outcome.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info};
use serde_json::{json, Value};

const FORM: &str = "core-group";

/// A core group on 12 May 2025, 21 days before the review conference on 2 June 2025: the earliest it may be.
fn report() -> Value {
    json!({
        "date": "2025-05-12",
        "conferenceDate": "2025-06-02",
        "attendees": [{ "name": "S", "role": "Social worker", "agency": "Children's services", "present": true }],
        "planProgress": "Progress", "childViews": "Views", "parentViews": "Views", "analysis": "Analysis",
        "checklist": [{ "item": "Plan reviewed", "answer": true }]
    })
}

#[test]
fn a_core_group_three_weeks_before_is_clean() {
    let r = check(FORM, &report(), &submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({ "daysBeforeConference": 21, "earliestDate": "2025-05-12", "withinWindow": true })
    );
}

#[test]
fn cg_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    let paths: Vec<String> = found(&r, "CG-001")
        .into_iter()
        .map(|(p, s)| {
            assert_eq!(s, Info);
            p
        })
        .collect();
    assert_eq!(paths, ["/date", "/conferenceDate", "/planProgress", "/childViews", "/parentViews", "/analysis"]);
    assert_eq!(r.outcome.unwrap(), json!({ "daysBeforeConference": null, "earliestDate": null, "withinWindow": null }));
    let r = check(FORM, &without(report(), "/analysis"), &submit());
    assert_eq!(found(&r, "CG-001"), vec![("/analysis".into(), Error)]);
}

#[test]
fn cg_002_held_more_than_three_weeks_before() {
    let d = with(report(), "/date", json!("2025-05-11"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CG-002"), vec![("/date".into(), Error)]);
    assert_eq!(r.with_code("CG-002").next().unwrap().related, vec!["/conferenceDate".to_string()]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["daysBeforeConference"], 22);
    assert_eq!(o["withinWindow"], false);
    // Across a leap February: a conference on 7 March 2024 allows a core group from 15 February.
    let d = with(with(report(), "/conferenceDate", json!("2024-03-07")), "/date", json!("2024-02-15"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("CG-002"));
    assert_eq!(r.outcome.unwrap()["daysBeforeConference"], 21);
    assert!(check(FORM, &with(d, "/date", json!("2024-02-14")), &opts()).has("CG-002"));
}

#[test]
fn cg_003_held_after_the_conference() {
    let d = with(report(), "/date", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CG-003"), vec![("/date".into(), Error)]);
    assert!(!r.has("CG-002"));
    assert_eq!(r.outcome.unwrap()["daysBeforeConference"], -1);
    // On the day of the conference: not after it.
    let d = with(report(), "/date", json!("2025-06-02"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("CG-003"));
    assert_eq!(r.outcome.unwrap()["daysBeforeConference"], 0);
}
