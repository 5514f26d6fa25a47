//! Direct observation of practice (forms.md §13): every rule passing and failing, and the outcome.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "direct-observation";

fn complete() -> Value {
    json!({
        "date": "2025-05-20",
        "practitioner": "A Practitioner",
        "observer": "A Senior",
        "childId": "C123",
        "setting": "Family home",
        "consent": { "given": true, "from": "Parent", "to": "Observer", "date": "2025-05-13" },
        "objectivesAgreedOn": "2025-05-13",
        "agreedObjectives": "Observe use of the Family Circle with the children",
        "planningAndPreparation": "Read the case file; plan agreed",
        "communication": {
            "activeListening": "Good", "questioning": "Open questions", "nonVerbal": "Calm",
            "clarifyingAndSummarising": "Summarised at the end"
        },
        "capturingViews": "Child's views captured",
        "professionalism": { "documentation": "Used the Work Plan", "planningAndNextSteps": "Clear", "overall": "Good" },
        "strengthsBased": "Yes",
        "responseToRisk": "Appropriate",
        "practitionerReflection": "Would prepare resources next time",
        "summary": "A good visit",
        "grading": 2,
        "previousObservationDate": "2024-06-01",
        "superviseeComments": "Agree",
        "recordedOnCaseFile": false
    })
}

#[test]
fn a_complete_observation_is_valid_and_the_next_one_is_due_a_year_later() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["nextObservationDue"], "2026-05-20");
    assert_eq!(o["nextObservationStatus"], "due");
    assert_eq!(o["grading"], 2);
    assert_eq!(o["gradingLabel"], "Good");
    assert_eq!((o["sectionsWritten"].clone(), o["sectionsTotal"].clone()), (json!(13), json!(13)));
}

#[test]
fn next_observation_on_29_february_lands_on_28_february() {
    let d = with(with(complete(), "/date", json!("2024-02-29")), "/previousObservationDate", json!("2023-03-01"));
    let d = with(d, "/consent/date", json!("2024-02-28"));
    let d = with(d, "/objectivesAgreedOn", json!("2024-02-28"));
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!(o["nextObservationDue"], "2025-02-28");
    assert_eq!(o["nextObservationStatus"], "overdue");
}

#[test]
fn obs_001_every_section_and_consent_are_required_at_submit() {
    let d = without(without(complete(), "/communication/nonVerbal"), "/summary");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "OBS-001"), vec![("/communication/nonVerbal".into(), Error), ("/summary".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["sectionsWritten"], 11);
    let r = check(FORM, &d, &opts());
    assert!(found(&r, "OBS-001").iter().all(|(_, s)| *s == Info));
    let d = with(complete(), "/consent", json!({ "given": true }));
    assert_eq!(
        found(&check(FORM, &d, &submit()), "OBS-001"),
        vec![("/consent/from".into(), Error), ("/consent/to".into(), Error), ("/consent/date".into(), Error)]
    );
    let r = check(FORM, &without(complete(), "/consent"), &submit());
    assert_eq!(found(&r, "OBS-001"), vec![("/consent/given".into(), Error)]);
    let r = check(FORM, &json!({}), &submit());
    let paths: Vec<String> = found(&r, "OBS-001").into_iter().map(|(p, _)| p).collect();
    for p in
        ["/date", "/practitioner", "/observer", "/consent/given", "/agreedObjectives", "/communication", "/grading"]
    {
        assert!(paths.contains(&p.to_string()), "{p}: {paths:?}");
    }
}

#[test]
fn obs_002_consent_not_gained() {
    let d = with(complete(), "/consent/given", json!("no"));
    assert_eq!(found(&check(FORM, &d, &opts()), "OBS-002"), vec![("/consent/given".into(), Error)]);
    assert!(!check(FORM, &complete(), &opts()).has("OBS-002"));
}

#[test]
fn obs_003_consent_after_the_observation() {
    let d = with(complete(), "/consent/date", json!("2025-05-21"));
    assert_eq!(found(&check(FORM, &d, &opts()), "OBS-003"), vec![("/consent/date".into(), Error)]);
    let d = with(complete(), "/consent/date", json!("2025-05-20"));
    assert!(!check(FORM, &d, &opts()).has("OBS-003"));
}

#[test]
fn obs_004_objectives_agreed_after_the_observation() {
    let d = with(complete(), "/objectivesAgreedOn", json!("2025-05-21"));
    assert_eq!(found(&check(FORM, &d, &opts()), "OBS-004"), vec![("/objectivesAgreedOn".into(), Error)]);
    let d = with(complete(), "/objectivesAgreedOn", json!("2025-05-20"));
    assert!(!check(FORM, &d, &opts()).has("OBS-004"));
}

#[test]
fn obs_005_recommendations_for_a_grading_of_3_or_4() {
    for g in [3, 4] {
        let d = with(complete(), "/grading", json!(g));
        assert_eq!(found(&check(FORM, &d, &submit()), "OBS-005"), vec![("/recommendations".into(), Error)]);
        assert_eq!(found(&check(FORM, &d, &opts()), "OBS-005"), vec![("/recommendations".into(), Info)]);
        let d = with(d, "/recommendations", json!("Use a visual plan"));
        assert!(!check(FORM, &d, &submit()).has("OBS-005"));
    }
    assert!(!check(FORM, &complete(), &submit()).has("OBS-005"));
    // A grading of 5 is out of the scale.
    let d = with(complete(), "/grading", json!(5));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-009"), vec![("/grading".into(), Error)]);
    // A grading refused at its field (out of the scale, not whole) is reported there alone: it does not also ask for
    // recommendations.
    for (g, code) in [(json!(5), "INP-009"), (json!(7), "INP-009"), (json!(3.5), "INP-008")] {
        let d = without(with(complete(), "/grading", g.clone()), "/recommendations");
        let r = check(FORM, &d, &submit());
        assert_eq!(found(&r, code), vec![("/grading".into(), Error)], "{g}");
        assert!(!r.has("OBS-005"), "{g}");
    }
}

#[test]
fn obs_006_supervisee_comments_at_submit() {
    let d = without(complete(), "/superviseeComments");
    assert_eq!(found(&check(FORM, &d, &submit()), "OBS-006"), vec![("/superviseeComments".into(), Info)]);
    assert!(!check(FORM, &d, &opts()).has("OBS-006"), "not while drafting");
    assert!(!check(FORM, &complete(), &submit()).has("OBS-006"));
}

#[test]
fn obs_007_kept_off_the_case_file() {
    let d = with(complete(), "/recordedOnCaseFile", json!(true));
    assert_eq!(found(&check(FORM, &d, &opts()), "OBS-007"), vec![("/recordedOnCaseFile".into(), Warning)]);
    assert!(!check(FORM, &complete(), &opts()).has("OBS-007"));
}

#[test]
fn obs_008_previous_observation_more_than_a_year_before() {
    // 20 May 2025: a year before is 20 May 2024.
    let d = with(complete(), "/previousObservationDate", json!("2024-05-19"));
    let r = check(FORM, &d, &opts());
    let overdue: Vec<_> = r.with_code("OBS-008").collect();
    assert_eq!((overdue[0].path.as_str(), overdue[0].severity), ("/previousObservationDate", Warning));
    assert_eq!(overdue[0].due.as_deref(), Some("2025-05-19"));
    let d = with(complete(), "/previousObservationDate", json!("2024-05-20"));
    assert!(!check(FORM, &d, &opts()).has("OBS-008"));
}

#[test]
fn obs_009_date_after_today() {
    let d = with(complete(), "/date", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "OBS-009"), vec![("/date".into(), Error)]);
    let d = with(complete(), "/date", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("OBS-009"));
}

#[test]
fn obs_010_previous_observation_not_before_this_one() {
    let d = with(complete(), "/previousObservationDate", json!("2025-05-20"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "OBS-010"), vec![("/previousObservationDate".into(), Error)]);
    assert!(!r.has("OBS-008"));
    assert!(!check(FORM, &complete(), &opts()).has("OBS-010"));
}
