//! Family Ambassador volunteer (forms.md §28): every rule failing and passing, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Options;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "family-ambassador";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

/// A volunteer matched on 3 March 2025 after every check, supervised every 6 weeks since.
fn matched() -> Value {
    json!({
        "appliedOn": "2025-01-06",
        "locality": "the-wrekin",
        "informalDiscussionOn": "2025-01-08",
        "packSentOn": "2025-01-08",
        "applicationReturnedOn": "2025-01-20",
        "introductoryVisitOn": "2025-01-27",
        "referencesRequestedOn": "2025-01-27",
        "referencesReceived": ["2025-02-03", "2025-02-10"],
        "dbs": { "appliedOn": "2025-01-27", "certificateSeenOn": "2025-02-24" },
        "idDocumentsSeen": 3,
        "training": { "onlineOn": "2025-02-10", "faceToFaceOn": "2025-02-17" },
        "signed": { "riskAssessment": true, "policies": true, "volunteerAgreement": true },
        "idBadgeOn": "2025-02-24",
        "matchedOn": "2025-03-03",
        "inductionVisitOn": "2025-03-05",
        "weeklyHours": 3,
        "supervisions": ["2025-04-14", "2025-05-26"]
    })
}

#[test]
fn a_matched_volunteer_with_every_check_is_clean() {
    let r = check(FORM, &matched(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "matched": true,
            "readyToMatch": true,
            "neededBeforeMatching": [],
            "references": { "due": "2025-02-10", "status": "met" },
            "nextSupervision": { "due": "2025-07-07", "status": "due" }
        })
    );
}

#[test]
fn outcome_lists_what_is_needed_before_matching() {
    let d = json!({ "appliedOn": "2025-05-01", "locality": "hadley-castle", "training": { "onlineOn": "2025-05-20" } });
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!(o["readyToMatch"], false);
    assert_eq!(
        o["neededBeforeMatching"],
        json!([
            "dbs-certificate",
            "face-to-face-training",
            "risk-assessment-signed",
            "policies-signed",
            "volunteer-agreement-signed"
        ])
    );
    assert_eq!((o["references"].clone(), o["nextSupervision"].clone()), (Value::Null, Value::Null));
}

#[test]
fn amb_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "AMB-001"), vec![("/appliedOn".into(), Info), ("/locality".into(), Info)]);
    let d = without(without(matched(), "/idDocumentsSeen"), "/inductionVisitOn");
    assert_eq!(
        found(&check(FORM, &d, &submit()), "AMB-001"),
        vec![("/idDocumentsSeen".into(), Error), ("/inductionVisitOn".into(), Error)]
    );
}

#[test]
fn amb_002_references_back_within_two_weeks() {
    let d = json!({ "appliedOn": "2025-05-01", "locality": "the-wrekin", "referencesRequestedOn": "2025-05-12", "referencesReceived": ["2025-05-20"] });
    let r = check(FORM, &d, &opts());
    let f: Vec<_> = r.with_code("AMB-002").map(|d| (d.path.clone(), d.severity, d.due.clone())).collect();
    assert_eq!(f, vec![("/referencesReceived".into(), Warning, Some("2025-05-26".into()))]);
    assert!(f.len() == 1 && r.with_code("AMB-002").next().unwrap().message.contains("chase"));
    assert_eq!(r.outcome.unwrap()["references"], json!({ "due": "2025-05-26", "status": "overdue" }));
    // Both back by the deadline.
    let d2 = with(d.clone(), "/referencesReceived", json!(["2025-05-26", "2025-05-20"]));
    assert!(!check(FORM, &d2, &opts()).has("AMB-002"));
    // Not yet two weeks.
    assert!(!check(FORM, &d, &on("2025-05-26")).has("AMB-002"));
    // Across 29 February: requested 20 February 2024, due 5 March 2024.
    let d3 = with(d, "/referencesRequestedOn", json!("2024-02-20"));
    let d3 = with(d3, "/referencesReceived", json!([]));
    let d3 = with(d3, "/appliedOn", json!("2024-02-01"));
    let r = check(FORM, &d3, &on("2024-03-06"));
    assert_eq!(r.with_code("AMB-002").next().unwrap().due.as_deref(), Some("2024-03-05"));
}

#[test]
fn amb_003_three_identity_documents() {
    let d = with(matched(), "/idDocumentsSeen", json!(2));
    assert_eq!(found(&check(FORM, &d, &opts()), "AMB-003"), vec![("/idDocumentsSeen".into(), Warning)]);
    assert!(!check(FORM, &matched(), &opts()).has("AMB-003"));
}

#[test]
fn amb_004_dbs_certificate_seen_before_matching() {
    let d = with(matched(), "/dbs/certificateSeenOn", json!("2025-03-04"));
    assert_eq!(found(&check(FORM, &d, &opts()), "AMB-004"), vec![("/dbs/certificateSeenOn".into(), Error)]);
    let d = without(matched(), "/dbs/certificateSeenOn");
    assert!(check(FORM, &d, &opts()).has("AMB-004"));
    let d = with(matched(), "/dbs/certificateSeenOn", json!("2025-03-03"));
    assert!(!check(FORM, &d, &opts()).has("AMB-004"));
    // Not matched: nothing to flag yet.
    let d = without(without(without(matched(), "/dbs/certificateSeenOn"), "/matchedOn"), "/supervisions");
    assert!(!check(FORM, &d, &opts()).has("AMB-004"));
}

#[test]
fn amb_005_training_before_matching() {
    let d = with(without(matched(), "/training/onlineOn"), "/training/faceToFaceOn", json!("2025-03-10"));
    assert_eq!(
        found(&check(FORM, &d, &opts()), "AMB-005"),
        vec![("/training/onlineOn".into(), Error), ("/training/faceToFaceOn".into(), Error)]
    );
    assert!(!check(FORM, &matched(), &opts()).has("AMB-005"));
}

#[test]
fn amb_006_documents_signed_before_matching() {
    let d = with(matched(), "/signed", json!({ "riskAssessment": true, "policies": false }));
    assert_eq!(
        found(&check(FORM, &d, &opts()), "AMB-006"),
        vec![("/signed/policies".into(), Error), ("/signed/volunteerAgreement".into(), Error)]
    );
    assert!(!check(FORM, &matched(), &opts()).has("AMB-006"));
}

#[test]
fn amb_007_around_two_to_four_hours_a_week() {
    for (hours, fires) in [(1.5, true), (2.0, false), (4.0, false), (4.5, true)] {
        let d = with(matched(), "/weeklyHours", json!(hours));
        let r = check(FORM, &d, &opts());
        assert_eq!(r.has("AMB-007"), fires, "{hours}");
        if fires {
            assert_eq!(found(&r, "AMB-007"), vec![("/weeklyHours".into(), Warning)]);
        }
    }
}

#[test]
fn amb_008_supervision_every_six_weeks() {
    // A gap: the first supervision came 6 weeks and 1 day after the match.
    let d = with(matched(), "/supervisions", json!(["2025-05-26", "2025-04-15"]));
    let r = check(FORM, &d, &opts());
    let f: Vec<_> = r.with_code("AMB-008").map(|d| (d.path.clone(), d.severity, d.due.clone())).collect();
    assert_eq!(f, vec![("/supervisions/1".into(), Warning, Some("2025-04-14".into()))]);
    // Overdue now: the last one was 14 April, so the next was due on 26 May.
    let d = with(matched(), "/supervisions", json!(["2025-04-14"]));
    let r = check(FORM, &d, &opts());
    let f: Vec<_> = r.with_code("AMB-008").map(|d| (d.path.clone(), d.due.clone())).collect();
    assert_eq!(f, vec![("/supervisions".into(), Some("2025-05-26".into()))]);
    assert_eq!(r.outcome.unwrap()["nextSupervision"], json!({ "due": "2025-05-26", "status": "overdue" }));
    // Across 29 February: matched 31 January 2024, first supervision due 13 March 2024.
    let d = json!({ "appliedOn": "2023-11-01", "locality": "the-wrekin", "matchedOn": "2024-01-31", "inductionVisitOn": "2024-02-01" });
    let r = check(FORM, &d, &on("2024-03-14"));
    assert_eq!(r.with_code("AMB-008").next().unwrap().due.as_deref(), Some("2024-03-13"));
    assert!(!check(FORM, &d, &on("2024-03-13")).has("AMB-008"));
}

#[test]
fn amb_009_steps_in_order() {
    let d = with(matched(), "/applicationReturnedOn", json!("2025-01-07"));
    let d = with(d, "/referencesReceived/0", json!("2025-01-26"));
    let d = with(d, "/inductionVisitOn", json!("2025-03-02"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "AMB-009"),
        vec![
            ("/applicationReturnedOn".into(), Error),
            ("/referencesReceived/0".into(), Error),
            ("/inductionVisitOn".into(), Error)
        ]
    );
    let d = with(matched(), "/introductoryVisitOn", json!("2025-01-05"));
    assert_eq!(found(&check(FORM, &d, &opts()), "AMB-009"), vec![("/introductoryVisitOn".into(), Error)]);
    assert!(!check(FORM, &matched(), &opts()).has("AMB-009"));
}

#[test]
fn amb_010_dates_not_after_today() {
    let d = with(matched(), "/idBadgeOn", json!("2025-06-03"));
    let d = with(d, "/training/faceToFaceOn", json!("2025-07-01"));
    let d = with(d, "/supervisions/1", json!("2025-06-30"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "AMB-010"),
        vec![("/training/faceToFaceOn".into(), Error), ("/idBadgeOn".into(), Error), ("/supervisions/1".into(), Error)]
    );
}

#[test]
fn parameters_are_in_the_catalogue() {
    let rules = safeguarding_forms::rules(Some(FORM), &Options::new()).unwrap();
    let keys: Vec<(String, i64)> =
        rules.iter().flat_map(|r| r.parameters.iter().map(|p| (p.key.clone(), p.default))).collect();
    for want in [("family-ambassador.referenceWeeks", 2), ("family-ambassador.supervisionWeeks", 6)] {
        assert!(keys.contains(&(want.0.to_string(), want.1)), "{want:?}");
    }
}
