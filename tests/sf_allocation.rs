//! The allocation outcome (forms.md §2): every rule firing and not firing, the timescales' due dates across month
//! ends, leap years and bank holidays (calendar days), and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "sf-allocation";

/// A case allocated to a practitioner the day after the meeting, every standard met.
fn allocated() -> Value {
    json!({
        "referralRoute": "health",
        "meetingDate": "2025-05-20",
        "attendees": ["team-leader", "senior-practitioner", "senior-business-support", "healthy-child-programme-lead"],
        "levelOfNeed": "vulnerable",
        "decision": "practitioner",
        "allocatedWorker": "A Practitioner",
        "allocationDate": "2025-05-21",
        "referrerNotifiedOn": "2025-05-22",
        "firstContactOn": "2025-05-23",
        "pspCheckedOn": "2025-05-24",
        "firstVisitOn": "2025-05-27"
    })
}

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn due(r: &Report, code: &str) -> Vec<Option<String>> {
    r.with_code(code).map(|d| d.due.clone()).collect()
}

fn row(r: &Report, standard: &str) -> Value {
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    o["timescales"].as_array().unwrap().iter().find(|x| x["standard"] == standard).unwrap().clone()
}

#[test]
fn a_case_allocated_with_every_standard_met_has_no_findings() {
    let r = check(FORM, &allocated(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["caseStatus"], "family-support-work-referral-allocated");
    assert_eq!(o["allocated"], true);
    assert_eq!(o["referrerNotificationRequired"], true);
    assert_eq!(
        o["timescales"],
        json!([
            { "standard": "referrer-notified", "due": "2025-05-23", "metOn": "2025-05-22", "status": "met" },
            { "standard": "family-contact", "due": "2025-05-23", "metOn": "2025-05-23", "status": "met" },
            { "standard": "psp-checked", "due": "2025-05-27", "metOn": "2025-05-24", "status": "met" },
            { "standard": "first-visit", "due": "2025-05-28", "metOn": "2025-05-27", "status": "met" },
            { "standard": "unallocated-review", "due": null, "metOn": null, "status": "not-applicable" }
        ])
    );
}

#[test]
fn alc_001_required_fields_info_in_draft_error_at_submit() {
    let draft = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&draft, "ALC-001"),
        vec![
            ("/meetingDate".into(), Info),
            ("/attendees".into(), Info),
            ("/levelOfNeed".into(), Info),
            ("/decision".into(), Info)
        ]
    );
    assert!(draft.valid);
    let sub = check(FORM, &json!({}), &submit());
    assert!(found(&sub, "ALC-001").iter().all(|(_, s)| *s == Error));
    assert!(!sub.valid);
    assert!(found(&check(FORM, &allocated(), &submit()), "ALC-001").is_empty());
}

#[test]
fn alc_001_worker_and_allocation_date_go_together() {
    let d = without(allocated(), "/allocatedWorker");
    assert_eq!(found(&check(FORM, &d, &submit()), "ALC-001"), vec![("/allocatedWorker".into(), Error)]);
    let d = without(allocated(), "/allocationDate");
    assert_eq!(found(&check(FORM, &d, &submit()), "ALC-001"), vec![("/allocationDate".into(), Error)]);
    // Neither: the case is waiting for a worker, which is allowed.
    let d = without(without(allocated(), "/allocationDate"), "/allocatedWorker");
    assert!(found(&check(FORM, &d, &submit()), "ALC-001").is_empty());
}

#[test]
fn alc_002_assistant_outside_vulnerable_level() {
    let d = with(with(allocated(), "/decision", json!("assistant")), "/levelOfNeed", json!("complex"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-002"), vec![("/decision".into(), Warning)]);
    assert_eq!(r.with_code("ALC-002").next().unwrap().related, vec!["/levelOfNeed".to_string()]);
    let d = with(d, "/levelOfNeed", json!("vulnerable"));
    assert!(!check(FORM, &d, &opts()).has("ALC-002"));
    // A practitioner at any level is fine.
    let d = with(allocated(), "/levelOfNeed", json!("acute"));
    assert!(!check(FORM, &d, &opts()).has("ALC-002"));
}

#[test]
fn alc_003_referrer_notified_within_two_days_of_allocation() {
    let d = with(allocated(), "/referrerNotifiedOn", json!("2025-05-24"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-003"), vec![("/referrerNotifiedOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-003"), vec![Some("2025-05-23".into())]);
    assert_eq!(row(&r, "referrer-notified")["status"], "met-late");
    // Not yet notified, deadline passed: overdue.
    let d = without(allocated(), "/referrerNotifiedOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-003"), vec![("/referrerNotifiedOn".into(), Warning)]);
    assert_eq!(row(&r, "referrer-notified")["status"], "overdue");
    // On the second day: met.
    let d = with(allocated(), "/referrerNotifiedOn", json!("2025-05-23"));
    assert!(!check(FORM, &d, &opts()).has("ALC-003"));
}

#[test]
fn alc_003_not_needed_when_the_referral_came_from_family_connect() {
    let d = with(without(allocated(), "/referrerNotifiedOn"), "/referralRoute", json!("family-connect-triage"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("ALC-003"));
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["referrerNotificationRequired"], false);
    assert_eq!(row(&r, "referrer-notified")["status"], "not-applicable");
}

#[test]
fn alc_003_referrer_told_the_outcome_whatever_the_decision() {
    // Closed with universal advice: counted from the meeting.
    let d = json!({
        "meetingDate": "2025-05-20", "attendees": ["team-leader", "senior-practitioner"],
        "levelOfNeed": "universal", "decision": "universal-advice-closed", "referrerNotifiedOn": "2025-05-23"
    });
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "ALC-003"), vec![("/referrerNotifiedOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-003"), vec![Some("2025-05-22".into())]);
    assert_eq!(r.with_code("ALC-003").next().unwrap().related, vec!["/meetingDate".to_string()]);
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["caseStatus"], "closed");
    let d = with(d, "/referrerNotifiedOn", json!("2025-05-22"));
    let r = check(FORM, &d, &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn two_day_deadlines_cross_month_ends_and_leap_days_in_calendar_days() {
    for (allocation, expected) in [
        ("2025-01-30", "2025-02-01"),
        ("2025-01-31", "2025-02-02"),
        ("2024-02-28", "2024-03-01"),
        ("2025-02-28", "2025-03-02"),
        ("2024-12-31", "2025-01-02"),
        // Good Friday 2025: bank holidays do not move a deadline counted in days.
        ("2025-04-18", "2025-04-20"),
        ("2025-12-24", "2025-12-26"),
    ] {
        let d = json!({ "meetingDate": allocation, "decision": "practitioner", "allocatedWorker": "W", "allocationDate": allocation });
        let r = check(FORM, &d, &on("2026-06-01"));
        assert_eq!(due(&r, "ALC-003"), vec![Some(expected.to_string())], "{allocation}");
        assert_eq!(due(&r, "ALC-004"), vec![Some(expected.to_string())], "{allocation}");
    }
}

#[test]
fn alc_004_family_contacted_within_two_days() {
    let d = without(allocated(), "/firstContactOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-004"), vec![("/firstContactOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-004"), vec![Some("2025-05-23".into())]);
    let message = &r.with_code("ALC-004").next().unwrap().message;
    assert_eq!(message, "The family must be contacted within 2 days of allocation: it was due by 23 May 2025");
    let d = with(allocated(), "/firstContactOn", json!("2025-05-24"));
    let r = check(FORM, &d, &opts());
    assert!(r.with_code("ALC-004").next().unwrap().message.contains("after the deadline of 23 May 2025"));
    assert!(!check(FORM, &allocated(), &opts()).has("ALC-004"));
    // Allocated today: due soon, not yet a finding.
    let d = json!({ "decision": "practitioner", "allocatedWorker": "W", "allocationDate": "2025-06-02" });
    let r = check(FORM, &d, &opts());
    assert!(!r.has("ALC-004"));
    assert_eq!(row(&r, "family-contact")["status"], "due-soon");
}

#[test]
fn alc_005_psp_checked_before_the_first_visit() {
    let d = with(allocated(), "/pspCheckedOn", json!("2025-05-28"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-005"), vec![("/pspCheckedOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-005"), vec![Some("2025-05-27".into())]);
    assert_eq!(row(&r, "psp-checked")["status"], "met-late");
    let d = without(allocated(), "/pspCheckedOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-005"), vec![("/pspCheckedOn".into(), Warning)]);
    assert_eq!(row(&r, "psp-checked")["status"], "overdue");
    // Checked on the day of the visit: met.
    let d = with(allocated(), "/pspCheckedOn", json!("2025-05-27"));
    assert!(!check(FORM, &d, &opts()).has("ALC-005"));
    // No visit yet: the first-visit rule speaks, not this one.
    let d = without(without(allocated(), "/pspCheckedOn"), "/firstVisitOn");
    let r = check(FORM, &d, &opts());
    assert!(!r.has("ALC-005"));
    assert!(r.has("ALC-006"));
    assert_eq!(row(&r, "psp-checked")["due"], "2025-05-28");
}

#[test]
fn alc_006_first_visit_within_seven_days() {
    let d = with(allocated(), "/firstVisitOn", json!("2025-05-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-006"), vec![("/firstVisitOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-006"), vec![Some("2025-05-28".into())]);
    let d = with(allocated(), "/firstVisitOn", json!("2025-05-28"));
    assert!(!check(FORM, &d, &opts()).has("ALC-006"));
    for (allocation, expected) in [
        ("2025-01-28", "2025-02-04"),
        ("2024-02-25", "2024-03-03"),
        ("2023-02-25", "2023-03-04"),
        // Allocated the Friday before the late May bank holiday: still 7 calendar days.
        ("2025-05-23", "2025-05-30"),
    ] {
        let d = json!({ "decision": "practitioner", "allocatedWorker": "W", "allocationDate": allocation });
        let r = check(FORM, &d, &on("2026-06-01"));
        assert_eq!(due(&r, "ALC-006"), vec![Some(expected.to_string())], "{allocation}");
    }
}

#[test]
fn timescales_do_not_apply_to_a_case_not_allocated_to_a_worker() {
    let d = json!({ "meetingDate": "2025-05-01", "decision": "duty-visit", "referrerNotifiedOn": "2025-05-02" });
    let r = check(FORM, &d, &opts());
    for code in ["ALC-004", "ALC-005", "ALC-006", "ALC-009"] {
        assert!(!r.has(code), "{code}");
    }
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["caseStatus"], "whole-family-work-duty");
    assert_eq!(o["allocated"], false);
}

#[test]
fn alc_007_no_worker_for_a_case_closed_with_universal_advice() {
    let d = with(allocated(), "/decision", json!("universal-advice-closed"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-007"), vec![("/allocatedWorker".into(), Warning), ("/allocationDate".into(), Warning)]);
    let d = without(without(d, "/allocatedWorker"), "/allocationDate");
    assert!(!check(FORM, &d, &opts()).has("ALC-007"));
}

#[test]
fn alc_008_team_leader_and_senior_practitioner_at_the_meeting() {
    let d = with(allocated(), "/attendees", json!(["senior-business-support"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-008"), vec![("/attendees".into(), Warning)]);
    assert_eq!(
        r.with_code("ALC-008").next().unwrap().message,
        "The allocation meeting should be attended by the team leader and a senior practitioner"
    );
    let d = with(allocated(), "/attendees", json!(["senior-practitioner", "team-leader"]));
    assert!(!check(FORM, &d, &opts()).has("ALC-008"));
}

#[test]
fn alc_009_unallocated_cases_reviewed_weekly() {
    let waiting = without(without(allocated(), "/allocationDate"), "/allocatedWorker");
    let waiting = without(without(without(waiting, "/firstContactOn"), "/firstVisitOn"), "/pspCheckedOn");
    let r = check(FORM, &waiting, &opts());
    assert_eq!(found(&r, "ALC-009"), vec![("/reviewedOn".into(), Warning)]);
    assert_eq!(due(&r, "ALC-009"), vec![Some("2025-05-27".into())]);
    assert_eq!(
        serde_json::Value::from(r.outcome.as_ref().unwrap())["caseStatus"],
        "family-support-work-to-be-allocated"
    );
    // Reviewed on Friday: next review due the Friday after.
    let d = with(waiting.clone(), "/reviewedOn", json!("2025-05-30"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("ALC-009"));
    assert_eq!(row(&r, "unallocated-review")["due"], "2025-06-06");
    assert_eq!(row(&r, "unallocated-review")["status"], "due-soon");
    // A review before the case became unallocated does not count.
    let d = with(with(waiting.clone(), "/unallocatedSince", json!("2025-05-26")), "/reviewedOn", json!("2025-05-23"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("ALC-009"), "due 2 June, today");
    assert_eq!(row(&r, "unallocated-review")["due"], "2025-06-02");
    let r = check(FORM, &d, &on("2025-06-03"));
    assert_eq!(due(&r, "ALC-009"), vec![Some("2025-06-02".into())]);
}

#[test]
fn alc_010_allocation_before_the_meeting() {
    let d = with(allocated(), "/allocationDate", json!("2025-05-19"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-010"), vec![("/allocationDate".into(), Error)]);
    let d = with(allocated(), "/allocationDate", json!("2025-05-20"));
    assert!(!check(FORM, &d, &opts()).has("ALC-010"));
}

#[test]
fn alc_011_contact_visit_or_notification_before_the_allocation() {
    let d = with(allocated(), "/firstContactOn", json!("2025-05-20"));
    let d = with(d, "/referrerNotifiedOn", json!("2025-05-19"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-011"), vec![("/referrerNotifiedOn".into(), Error), ("/firstContactOn".into(), Error)]);
    assert!(!check(FORM, &allocated(), &opts()).has("ALC-011"));
}

#[test]
fn alc_012_dates_in_the_future() {
    let d = with(allocated(), "/firstVisitOn", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "ALC-012"), vec![("/firstVisitOn".into(), Error)]);
    assert_eq!(r.with_code("ALC-012").next().unwrap().message, "Date of the first visit must be today or in the past");
    let d = with(allocated(), "/firstVisitOn", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("ALC-012"));
}

#[test]
fn case_statuses_follow_the_work_flow() {
    for (decision, status) in [
        ("targeted-group", "targeted-group-work"),
        ("early-help-support-plan-meeting", "whole-family-work-duty"),
        ("duty-visit", "whole-family-work-duty"),
        ("universal-advice-closed", "closed"),
    ] {
        let r = check(FORM, &json!({ "decision": decision }), &opts());
        assert_eq!(r.outcome.unwrap()["caseStatus"], status, "{decision}");
    }
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(r.outcome.unwrap()["caseStatus"], Value::Null);
}

#[test]
fn malformed_input_is_reported_at_its_field() {
    let d = json!({ "meetingDate": "2025-02-30", "attendees": ["team-leader", "the-cat"], "decision": 3 });
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-003"), vec![("/meetingDate".into(), Error)]);
    assert_eq!(found(&r, "INP-006"), vec![("/attendees/1".into(), Error)]);
    assert_eq!(found(&r, "INP-001"), vec![("/decision".into(), Error)]);
}
