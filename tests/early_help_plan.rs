//! Early help assessment / support plan (forms.md §3): every rule firing and not firing, the 7-week, 8-week and
//! 6-week timescales across month ends and leap years, the support meeting window, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "early-help-plan";

/// The initial internal assessment, every timescale met.
fn internal() -> Value {
    json!({
        "kind": "assessment",
        "internal": true,
        "initial": true,
        "allocationDate": "2025-01-06",
        "openedOn": "2025-01-06",
        "completedOn": "2025-02-14",
        "supportMeetingOn": "2025-03-31",
        "sentForAuthorisationOn": "2025-02-24",
        "sentTo": "team-leader",
        "authorisedOn": "2025-03-03",
        "closedOn": "2025-03-03"
    })
}

/// An external support plan received as a referral, recorded by business support.
fn external() -> Value {
    json!({
        "kind": "support-plan",
        "internal": false,
        "purpose": "referral",
        "openedOn": "2025-05-01",
        "completedBy": "business-support",
        "sections": [
            { "complete": true }, { "complete": true }, { "complete": false }, { "complete": true },
            { "complete": false }, { "complete": false }, { "complete": false }, { "complete": true }
        ],
        "practitionerScoresUploaded": true,
        "originalAttached": true,
        "consentCompleted": true,
        "outcome": "Step down to universal services",
        "sentForAuthorisationOn": "2025-05-02",
        "sentTo": "team-leader",
        "authorisedOn": "2025-05-05",
        "auditCompleted": true
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
fn an_internal_assessment_in_time_has_no_findings() {
    let r = check(FORM, &internal(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["sendForAuthorisationBy"], "2025-02-24");
    assert_eq!(o["sendTo"], "team-leader");
    assert_eq!(o["openUntil"], "2025-03-03");
    assert_eq!(
        o["timescales"],
        json!([
            { "standard": "sent-for-authorisation", "due": "2025-02-24", "metOn": "2025-02-24", "status": "met" },
            { "standard": "assessment-completed", "due": "2025-02-17", "metOn": "2025-02-14", "status": "met" },
            { "standard": "support-meeting", "from": "2025-03-28", "due": "2025-04-11", "metOn": "2025-03-31", "status": "met" }
        ])
    );
}

#[test]
fn an_external_referral_recorded_by_business_support_has_no_findings() {
    let r = check(FORM, &external(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["sendTo"], "team-leader");
    assert_eq!(o["openUntil"], Value::Null);
    assert!(o["timescales"].as_array().unwrap().iter().all(|t| t["status"] == "not-applicable"));
}

#[test]
fn ehp_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&r, "EHP-001"),
        vec![("/kind".into(), Info), ("/internal".into(), Info), ("/openedOn".into(), Info)]
    );
    let d = json!({ "kind": "assessment", "internal": "no", "openedOn": "2025-05-01", "sentForAuthorisationOn": "2025-05-02",
        "sections": [{ "complete": true }, { "complete": true }, {}, { "complete": true }, {}, {}, {}, { "complete": true }] });
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "EHP-001"),
        vec![
            ("/purpose".into(), Error),
            ("/sentTo".into(), Error),
            ("/practitionerScoresUploaded".into(), Error),
            ("/originalAttached".into(), Error),
            ("/outcome".into(), Error)
        ]
    );
    assert!(!check(FORM, &external(), &submit()).has("EHP-001"));
}

#[test]
fn ehp_002_sent_for_authorisation_at_7_weeks() {
    let d = with(internal(), "/sentForAuthorisationOn", json!("2025-02-25"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-002"), vec![("/sentForAuthorisationOn".into(), Warning)]);
    assert_eq!(due(&r, "EHP-002"), vec![Some("2025-02-24".into())]);
    // Opened 31 March and never sent: overdue since 19 May.
    let d = json!({ "kind": "support-plan", "internal": true, "initial": false, "openedOn": "2025-03-31" });
    let r = check(FORM, &d, &opts());
    assert_eq!(due(&r, "EHP-002"), vec![Some("2025-05-19".into())]);
    assert_eq!(outcome(&r)["timescales"][0]["status"], "overdue");
    // Opened 1 May: due 19 June, not yet.
    let d = with(d, "/openedOn", json!("2025-05-01"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("EHP-002"));
    assert_eq!(outcome(&r)["timescales"][0]["status"], "due");
    assert_eq!(outcome(&r)["sendTo"], "senior");
    // External plans are not on the 7-week clock.
    let d = with(without(external(), "/sentForAuthorisationOn"), "/openedOn", json!("2025-01-01"));
    assert!(!check(FORM, &d, &opts()).has("EHP-002"));
}

#[test]
fn seven_and_eight_week_dates_across_month_ends_and_leap_years() {
    for (opened, seven, eight) in [
        ("2024-01-31", "2024-03-20", "2024-03-27"),
        ("2025-01-31", "2025-03-21", "2025-03-28"),
        ("2024-02-01", "2024-03-21", "2024-03-28"),
        ("2025-02-01", "2025-03-22", "2025-03-29"),
        ("2025-11-14", "2026-01-02", "2026-01-09"),
    ] {
        let d = json!({ "kind": "support-plan", "internal": true, "initial": true, "openedOn": opened });
        let r = check(FORM, &d, &on("2026-06-01"));
        assert_eq!(due(&r, "EHP-002"), vec![Some(seven.to_string())], "{opened}");
        assert_eq!(outcome(&r)["openUntil"], eight, "{opened}");
    }
}

#[test]
fn ehp_003_initial_to_the_team_leader_others_to_a_senior() {
    let d = with(internal(), "/sentTo", json!("senior"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-003"), vec![("/sentTo".into(), Error)]);
    let d = with(internal(), "/initial", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-003"), vec![("/sentTo".into(), Error)]);
    let d = with(d, "/sentTo", json!("senior"));
    assert!(!check(FORM, &d, &opts()).has("EHP-003"));
}

#[test]
fn ehp_004_next_plan_not_opened_before_the_previous_is_authorised() {
    let d = with(internal(), "/previousPlan", json!({ "authorisedOn": "2025-01-07" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-004"), vec![("/openedOn".into(), Error)]);
    assert!(r.with_code("EHP-004").next().unwrap().message.contains("no data to carry forward"));
    let d = with(internal(), "/previousPlan", json!({ "authorisedOn": "2025-01-06" }));
    assert!(!check(FORM, &d, &opts()).has("EHP-004"));
}

#[test]
fn ehp_004_a_previous_plan_with_no_authorisation_date_is_not_yet_authorised() {
    for previous in [json!({}), json!({ "authorisedOn": "" }), json!({ "authorisedOn": null })] {
        let d = with(internal(), "/previousPlan", previous.clone());
        let r = check(FORM, &d, &opts());
        assert_eq!(found(&r, "EHP-004"), vec![("/previousPlan/authorisedOn".into(), Error)], "{previous}");
        assert!(r.with_code("EHP-004").next().unwrap().message.contains("no data to carry forward"));
    }
    // No previous plan at all: nothing to authorise first.
    assert!(!check(FORM, &internal(), &opts()).has("EHP-004"));
    // A malformed date is reported once, by the structural pass, not again here.
    let d = with(internal(), "/previousPlan", json!({ "authorisedOn": "2025-02-30" }));
    assert!(!check(FORM, &d, &opts()).has("EHP-004"));
}

#[test]
fn ehp_005_open_8_weeks_before_authorised_or_closed() {
    let d = with(with(internal(), "/authorisedOn", json!("2025-03-02")), "/closedOn", json!("2025-03-02"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-005"), vec![("/authorisedOn".into(), Warning), ("/closedOn".into(), Warning)]);
    assert_eq!(due(&r, "EHP-005"), vec![Some("2025-03-03".into()), Some("2025-03-03".into())]);
    assert!(!check(FORM, &internal(), &opts()).has("EHP-005"));
    // An external plan is authorised on receipt.
    assert!(!check(FORM, &external(), &opts()).has("EHP-005"));
}

#[test]
fn ehp_006_external_sections_1_2_4_and_8_completed() {
    let d = with(external(), "/sections/3/complete", json!(false));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "EHP-006"), vec![("/sections/3/complete".into(), Error)]);
    assert_eq!(found(&check(FORM, &d, &opts()), "EHP-006"), vec![("/sections/3/complete".into(), Info)]);
    let d = without(external(), "/sections");
    assert_eq!(found(&check(FORM, &d, &submit()), "EHP-006"), vec![("/sections".into(), Error)]);
    // Section 3 is not asked for.
    let d = with(external(), "/sections/2/complete", json!(true));
    assert!(!check(FORM, &d, &submit()).has("EHP-006"));
    // An internal plan's sections are not checked.
    assert!(!check(FORM, &with(internal(), "/sections", json!([])), &submit()).has("EHP-006"));
}

#[test]
fn ehp_007_external_sections_5_to_7_left_empty() {
    let d = with(external(), "/sections/5/complete", json!(true));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-007"), vec![("/sections/5/complete".into(), Warning)]);
    assert_eq!(r.with_code("EHP-007").next().unwrap().message, "Leave section 6 empty on an external plan");
    assert!(!check(FORM, &external(), &opts()).has("EHP-007"));
}

#[test]
fn ehp_008_missing_scores_chased() {
    let d = with(external(), "/practitionerScoresUploaded", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-008"), vec![("/leadProfessionalContactedOn".into(), Warning)]);
    let d = with(d, "/leadProfessionalContactedOn", json!("2025-05-01"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-008"), vec![("/teamLeaderChasedOn".into(), Warning)]);
    let d = with(d, "/teamLeaderChasedOn", json!("2025-05-03"));
    assert!(!check(FORM, &d, &opts()).has("EHP-008"));
}

#[test]
fn ehp_009_external_plan_attached() {
    let d = with(external(), "/originalAttached", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "EHP-009"), vec![("/originalAttached".into(), Warning)]);
    assert!(!check(FORM, &external(), &opts()).has("EHP-009"));
}

#[test]
fn ehp_010_external_plan_completed_by_business_support() {
    let d = with(external(), "/completedBy", json!("practitioner"));
    assert_eq!(found(&check(FORM, &d, &opts()), "EHP-010"), vec![("/completedBy".into(), Warning)]);
    assert!(!check(FORM, &external(), &opts()).has("EHP-010"));
}

#[test]
fn ehp_011_team_leader_audits_referrals_only() {
    let d = with(external(), "/auditCompleted", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "EHP-011"), vec![("/auditCompleted".into(), Warning)]);
    let d = with(d, "/purpose", json!("information-only"));
    assert!(!check(FORM, &d, &opts()).has("EHP-011"));
    // Not yet authorised: not yet expected.
    let d = without(with(external(), "/auditCompleted", json!(false)), "/authorisedOn");
    assert!(!check(FORM, &d, &opts()).has("EHP-011"));
}

#[test]
fn ehp_012_external_plans_go_to_the_team_leader() {
    let d = with(external(), "/sentTo", json!("senior"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-012"), vec![("/sentTo".into(), Error)]);
    assert!(!r.has("EHP-003"));
}

#[test]
fn ehp_013_assessment_within_6_weeks_unless_the_referrer_did_it() {
    let d = with(internal(), "/completedOn", json!("2025-02-18"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-013"), vec![("/completedOn".into(), Warning)]);
    assert_eq!(due(&r, "EHP-013"), vec![Some("2025-02-17".into())]);
    let d = with(d, "/completedByReferrer", json!(true));
    assert!(!check(FORM, &d, &opts()).has("EHP-013"));
    // A support plan is not an assessment.
    let d = with(with(internal(), "/completedOn", json!("2025-02-18")), "/kind", json!("support-plan"));
    assert!(!check(FORM, &d, &opts()).has("EHP-013"));
    // Leap year: allocated 20 January 2024, due 2 March.
    let d = json!({ "kind": "assessment", "internal": true, "allocationDate": "2024-01-20", "openedOn": "2024-01-20" });
    assert_eq!(due(&check(FORM, &d, &on("2024-06-01")), "EHP-013"), vec![Some("2024-03-02".into())]);
}

#[test]
fn ehp_014_support_meeting_6_to_8_weeks_after_the_assessment() {
    let d = with(internal(), "/supportMeetingOn", json!("2025-03-27"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-014"), vec![("/supportMeetingOn".into(), Warning)]);
    assert!(r.with_code("EHP-014").next().unwrap().message.ends_with("this one was before 28 March 2025"));
    let d = with(internal(), "/supportMeetingOn", json!("2025-04-12"));
    let r = check(FORM, &d, &opts());
    assert_eq!(due(&r, "EHP-014"), vec![Some("2025-04-11".into())]);
    for day in ["2025-03-28", "2025-04-11"] {
        let d = with(internal(), "/supportMeetingOn", json!(day));
        assert!(!check(FORM, &d, &opts()).has("EHP-014"), "{day}");
    }
    let d = without(internal(), "/supportMeetingOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-014"), vec![("/supportMeetingOn".into(), Warning)]);
    assert_eq!(outcome(&r)["timescales"][2]["status"], "overdue");
    // Not the initial assessment: no window.
    let d = with(with(d, "/initial", json!(false)), "/sentTo", json!("senior"));
    assert!(!check(FORM, &d, &opts()).has("EHP-014"));
}

#[test]
fn ehp_015_dates_out_of_order() {
    let d = with(internal(), "/sentForAuthorisationOn", json!("2025-01-05"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-015"), vec![("/sentForAuthorisationOn".into(), Error)]);
    let d = with(internal(), "/authorisedOn", json!("2025-02-23"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-015"), vec![("/authorisedOn".into(), Error)]);
    assert!(!check(FORM, &internal(), &opts()).has("EHP-015"));
}

#[test]
fn ehp_016_dates_in_the_future() {
    let d = with(internal(), "/closedOn", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-016"), vec![("/closedOn".into(), Error)]);
    let d = with(internal(), "/previousPlan", json!({ "authorisedOn": "2025-07-01" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "EHP-016"), vec![("/previousPlan/authorisedOn".into(), Error)]);
    assert!(!check(FORM, &internal(), &opts()).has("EHP-016"));
}

#[test]
fn malformed_sections_are_reported_at_their_fields() {
    let d = with(external(), "/sections/0/complete", json!("perhaps"));
    let mut rows = d["sections"].as_array().unwrap().clone();
    rows.push(json!({ "complete": false }));
    let d = with(d, "/sections", Value::Array(rows));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-001"), vec![("/sections/0/complete".into(), Error)]);
    assert_eq!(found(&r, "INP-014"), vec![("/sections".into(), Error)]);
    assert!(!r.has("EHP-006"), "a malformed answer is not reported again as missing");
}

#[test]
fn ehp_017_an_external_plan_records_the_consent_as_completed() {
    assert!(!check(FORM, &external(), &submit()).has("EHP-017"));
    for consent in [json!(false), Value::Null] {
        let d = with(external(), "/consentCompleted", consent.clone());
        assert_eq!(
            found(&check(FORM, &d, &submit()), "EHP-017"),
            vec![("/consentCompleted".into(), Error)],
            "{consent}"
        );
        assert_eq!(found(&check(FORM, &d, &opts()), "EHP-017"), vec![("/consentCompleted".into(), Info)], "{consent}");
    }
    // An internal plan's consent is not this step.
    let d = with(internal(), "/consentCompleted", json!(false));
    assert!(!check(FORM, &d, &submit()).has("EHP-017"));
}
