//! Disengagement (forms.md §7): every rule failing and passing, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "disengagement";

/// No risks identified: the letter went to the family (with the duty details) and a copy to the referrer.
fn no_risks() -> Value {
    json!({
        "faceToFaceContacts": 2,
        "discussedInSupervisionOn": "2025-05-20",
        "risksIdentified": false,
        "riskFactorsAndStrengths": "Strengths noted",
        "referredByFamilyConnect": false,
        "letterSentOn": "2025-05-21",
        "letterIncludesDutyDetails": true,
        "referrerNotified": true,
        "outcome": "closed",
        "closedOn": "2025-05-30"
    })
}

/// Risks identified: attempts to re-engage made, the child not left at risk of harm.
fn risks() -> Value {
    json!({
        "faceToFaceContacts": 1,
        "discussedInSupervisionOn": "2025-05-20",
        "risksIdentified": true,
        "reEngagementAttempts": { "jointVisit": true, "partnersContacted": false },
        "childAtRiskOfHarm": false,
        "outcome": "closed",
        "closedOn": "2025-05-30"
    })
}

#[test]
fn complete_records_are_valid_and_ready_to_close() {
    for data in [no_risks(), risks()] {
        let r = check(FORM, &data, &submit());
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert!(r.valid);
        assert_eq!(r.outcome.unwrap()["readyToClose"], true);
    }
}

#[test]
fn outcome_reports_the_pathway() {
    let o = serde_json::Value::from(check(FORM, &no_risks(), &opts()).outcome.unwrap());
    assert_eq!(
        o,
        json!({ "applies": true, "pathway": "letter", "reEngagementAttempts": 0, "referToFamilyConnect": false, "readyToClose": true })
    );
    let o = serde_json::Value::from(check(FORM, &risks(), &opts()).outcome.unwrap());
    assert_eq!(o["pathway"], "re-engage");
    assert_eq!(o["reEngagementAttempts"], 1);
    let o = serde_json::Value::from(check(FORM, &json!({}), &opts()).outcome.unwrap());
    assert_eq!(
        o,
        json!({ "applies": false, "pathway": null, "reEngagementAttempts": 0, "referToFamilyConnect": false, "readyToClose": false })
    );
    // Risks identified but the child is left at risk: refer, not ready to close.
    let o = serde_json::Value::from(
        check(FORM, &with(risks(), "/childAtRiskOfHarm", json!(true)), &opts()).outcome.unwrap(),
    );
    assert_eq!(o["referToFamilyConnect"], true);
    assert_eq!(o["readyToClose"], false);
}

#[test]
fn dis_001_required_fields_info_in_draft_error_at_submit() {
    let draft = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&draft, "DIS-001"),
        vec![
            ("/faceToFaceContacts".into(), Info),
            ("/discussedInSupervisionOn".into(), Info),
            ("/risksIdentified".into(), Info),
            ("/outcome".into(), Info),
        ]
    );
    assert!(draft.valid);
    let sub = check(FORM, &json!({}), &submit());
    assert!(found(&sub, "DIS-001").iter().all(|(_, s)| *s == Error));
    assert!(!sub.valid);
}

#[test]
fn dis_001_no_risks_needs_the_letter_and_the_referrer_copy() {
    let d = without(without(no_risks(), "/letterSentOn"), "/referrerNotified");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "DIS-001"), vec![("/letterSentOn".into(), Error), ("/referrerNotified".into(), Error)]);
    // Family Connect referred: no copy to the referrer is needed.
    let d = with(d, "/referredByFamilyConnect", json!(true));
    assert_eq!(found(&check(FORM, &d, &submit()), "DIS-001"), vec![("/letterSentOn".into(), Error)]);
    // With risks identified, the letter is not required.
    assert!(found(&check(FORM, &risks(), &submit()), "DIS-001").is_empty());
}

#[test]
fn dis_001_closing_with_risks_needs_the_risk_of_harm_answer_and_the_closure_date() {
    let d = without(without(risks(), "/childAtRiskOfHarm"), "/closedOn");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "DIS-001"), vec![("/childAtRiskOfHarm".into(), Error), ("/closedOn".into(), Error)]);
    // Re-engaged: neither is needed.
    let d = with(d, "/outcome", json!("re-engaged"));
    assert!(found(&check(FORM, &d, &submit()), "DIS-001").is_empty());
}

#[test]
fn dis_002_needs_at_least_one_face_to_face_contact() {
    let r = check(FORM, &with(no_risks(), "/faceToFaceContacts", json!(0)), &opts());
    assert_eq!(found(&r, "DIS-002"), vec![("/faceToFaceContacts".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["applies"], false);
    assert!(!check(FORM, &with(no_risks(), "/faceToFaceContacts", json!(1)), &opts()).has("DIS-002"));
}

#[test]
fn dis_003_referrer_copy_unless_family_connect() {
    let d = with(no_risks(), "/referrerNotified", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DIS-003"), vec![("/referrerNotified".into(), Warning)]);
    assert_eq!(r.outcome.unwrap()["readyToClose"], false);
    let d = with(d, "/referredByFamilyConnect", json!(true));
    assert!(!check(FORM, &d, &opts()).has("DIS-003"));
    // With risks identified the letter pathway does not apply.
    let d = with(risks(), "/referrerNotified", json!(false));
    assert!(!check(FORM, &d, &opts()).has("DIS-003"));
}

#[test]
fn dis_004_letter_gives_the_duty_practitioner_details() {
    let d = with(no_risks(), "/letterIncludesDutyDetails", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "DIS-004"), vec![("/letterIncludesDutyDetails".into(), Warning)]);
    assert!(!check(FORM, &no_risks(), &opts()).has("DIS-004"));
}

#[test]
fn dis_005_closing_with_risks_needs_a_re_engagement_attempt() {
    let d = with(risks(), "/reEngagementAttempts", json!({ "jointVisit": false }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DIS-005"), vec![("/reEngagementAttempts".into(), Error)]);
    // Not closed yet: nothing to flag.
    let d = with(d, "/outcome", json!("re-engaged"));
    assert!(!check(FORM, &d, &opts()).has("DIS-005"));
    // Any one attempt is enough.
    let d = with(risks(), "/reEngagementAttempts", json!({ "creative": "yes" }));
    assert!(!check(FORM, &d, &opts()).has("DIS-005"));
}

#[test]
fn dis_006_never_close_while_the_child_is_at_risk_of_harm() {
    let d = with(risks(), "/childAtRiskOfHarm", json!(true));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DIS-006"), vec![("/outcome".into(), Error)]);
    assert!(!r.valid);
    let d = with(d, "/outcome", json!("referred-family-connect"));
    assert!(!check(FORM, &d, &opts()).has("DIS-006"));
}

#[test]
fn dis_007_letter_and_closure_follow_the_supervision_discussion() {
    let d = with(with(no_risks(), "/letterSentOn", json!("2025-05-19")), "/closedOn", json!("2025-05-01"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DIS-007"), vec![("/letterSentOn".into(), Warning), ("/closedOn".into(), Warning)]);
    // The same day is fine.
    let d = with(no_risks(), "/letterSentOn", json!("2025-05-20"));
    assert!(!check(FORM, &d, &opts()).has("DIS-007"));
}

#[test]
fn dis_008_dates_not_after_today() {
    let d = with(no_risks(), "/closedOn", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "DIS-008"), vec![("/closedOn".into(), Error)]);
    let d = with(no_risks(), "/closedOn", json!(TODAY));
    assert!(!check(FORM, &d, &opts()).has("DIS-008"));
}

#[test]
fn messages_never_repeat_the_input() {
    let d = with(no_risks(), "/riskFactorsAndStrengths", json!("SECRET-NAME"));
    let d = with(d, "/referrerNotified", json!(false));
    let r = check(FORM, &d, &submit());
    assert!(r.diagnostics.iter().all(|d| !d.message.contains("SECRET")));
}
