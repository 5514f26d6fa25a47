//! The Family Programme (forms.md §22): every rule failing and passing, the outcome on hand-worked dates, and the
//! carry forward to the next workbook step.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{carry_forward, Options, Report};
use serde_json::{json, Value};

const FORM: &str = "family-programme";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn sw(date: &str) -> Value {
    json!({ "date": date, "author": { "name": "S", "role": "social-worker" }, "text": "Entry" })
}

/// A child protection programme begun on 1 April 2025 (six weeks: 13 May 2025), on track on 2 June 2025: modules
/// 1–3 complete in time, the social worker's direct work in module 4, modules 5 and 6 summarising the recovery
/// worker's interventions, the planner, genogram, ecomap and network meeting recorded, the second review conference
/// on 1 December 2025.
fn on_track() -> Value {
    json!({
        "child": "C",
        "planType": "child-protection",
        "startedOn": "2025-04-01",
        "caseWorkerSummary": "Summary",
        "keyInformation": "Key information",
        "modules": {
            "1": { "entries": [sw("2025-04-03")], "complete": true, "completedOn": "2025-04-20" },
            "2": { "entries": [sw("2025-04-10"), sw("2025-04-17")], "complete": true, "completedOn": "2025-05-13" },
            "3": { "entries": [sw("2025-04-24")], "complete": true },
            "4": { "entries": [sw("2025-04-10")] },
            "5": { "entries": [{ "date": "2025-05-20", "author": { "name": "S", "role": "social-worker" }, "text": "Summary", "summarises": ["recovery-worker"] }] },
            "6": { "entries": [{ "date": "2025-05-21", "author": { "name": "R", "role": "recovery-worker" }, "text": "Input" }] }
        },
        "supportAndAssessmentPlannerOn": "2025-04-03",
        "culturalGenogram": true,
        "ecomap": true,
        "familyNetworkMeetingOn": "2025-05-01",
        "adultWorkersInvolved": ["recovery-worker"],
        "milestones": { "secondRcpcOn": "2025-12-01" }
    })
}

fn today() -> Options {
    on("2025-06-02")
}

fn module(r: &Report, id: &str) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap()
        .clone()
}

/// Every module complete, modules 7 and 8 written, sign-off requested and completed with management oversight.
fn signed_off() -> Value {
    let mut d = on_track();
    for id in ["4", "4a", "5", "6", "7", "8"] {
        d = with(d, &format!("/modules/{id}/complete"), json!(true));
    }
    let d = with(d, "/modules/4a/entries", json!([sw("2025-05-02")]));
    let d = with(d, "/modules/7/entries", json!([sw("2025-05-28")]));
    let d = with(d, "/modules/8/entries", json!([sw("2025-05-29")]));
    with(
        d,
        "/signOff",
        json!({ "requested": true, "reason": "second-rcpc", "managementOversightOn": "2025-05-30", "completedOn": "2025-05-30" }),
    )
}

#[test]
fn a_programme_on_track_is_clean_and_its_outcome_worked_by_hand() {
    let r = check(FORM, &on_track(), &today().submit());
    assert!(r.valid, "{:?}", r.diagnostics);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    assert_eq!(
        module(&r, "1"),
        json!({ "id": "1", "complete": true, "entries": 1, "due": "2025-05-13", "status": "met" })
    );
    assert_eq!(module(&r, "2")["status"], "met", "completed on the last day");
    assert_eq!(module(&r, "3")["status"], "met", "complete without a date");
    assert_eq!(
        module(&r, "4"),
        json!({ "id": "4", "complete": false, "entries": 1, "due": "2025-05-13", "status": "met" })
    );
    // Modules 4a to 8 are due with the completed programme: before the second review conference.
    assert_eq!(
        module(&r, "5"),
        json!({ "id": "5", "complete": false, "entries": 1, "due": "2025-12-01", "status": "due" })
    );
    assert_eq!(module(&r, "8")["entries"], 0);
    assert_eq!(o["completeness"], 0.33);
    assert_eq!(o["assessmentDue"], "2025-12-01");
    assert_eq!(o["assessmentDueReason"], "second-rcpc");
    assert_eq!(o["assessmentOverdue"], false);
    assert_eq!(o["readyForSignOff"], false);
    assert_eq!(
        o["modules"].as_array().unwrap().iter().map(|m| m["id"].clone()).collect::<Vec<_>>(),
        json!(["1", "2", "3", "4", "4a", "5", "6", "7", "8"]).as_array().unwrap().clone()
    );
}

#[test]
fn fp_001_required_fields() {
    let r = check(FORM, &json!({}), &today());
    assert_eq!(
        found(&r, "FP-001"),
        vec![("/child".into(), Info), ("/planType".into(), Info), ("/startedOn".into(), Info)]
    );
    let r = check(FORM, &without(on_track(), "/startedOn"), &today().submit());
    assert_eq!(found(&r, "FP-001"), vec![("/startedOn".into(), Error)]);
    assert!(!check(FORM, &on_track(), &today().submit()).has("FP-001"));
}

#[test]
fn fp_002_fp_003_initial_modules_due_soon_then_overdue() {
    let d = with(on_track(), "/modules/2", json!({ "entries": [sw("2025-04-10")], "complete": false }));
    // The day after the six weeks: overdue, an error with the deadline.
    let r = check(FORM, &d, &on("2025-05-14"));
    assert_eq!(found(&r, "FP-002"), vec![("/modules/2/complete".into(), Error)]);
    assert_eq!(r.with_code("FP-002").next().unwrap().due.as_deref(), Some("2025-05-13"));
    assert!(!r.has("FP-003"));
    assert_eq!(module(&r, "2")["status"], "overdue");
    // The last day, and seven days before it: due soon, a warning.
    for day in ["2025-05-13", "2025-05-06"] {
        let r = check(FORM, &d, &on(day));
        assert_eq!(found(&r, "FP-003"), vec![("/modules/2/complete".into(), Warning)], "{day}");
        assert!(!r.has("FP-002"));
        assert_eq!(module(&r, "2")["status"], "due-soon");
    }
    // Eight days before: due, nothing to say.
    let r = check(FORM, &d, &on("2025-05-05"));
    assert!(!r.has("FP-002") && !r.has("FP-003"));
    assert_eq!(module(&r, "2")["status"], "due");
    // Completed a week late: no finding now, and the outcome says so.
    let d = with(with(d, "/modules/2/complete", json!(true)), "/modules/2/completedOn", json!("2025-05-20"));
    let r = check(FORM, &d, &today());
    assert!(!r.has("FP-002") && !r.has("FP-003"));
    assert_eq!(module(&r, "2")["status"], "met-late");
}

#[test]
fn fp_002_six_weeks_across_a_leap_february() {
    let due = |start: &str| {
        let d = with(on_track(), "/startedOn", json!(start));
        check(FORM, &d, &on("2025-06-02")).outcome.unwrap()["modules"][0]["due"].clone()
    };
    assert_eq!(due("2024-01-20"), "2024-03-02");
    assert_eq!(due("2025-01-20"), "2025-03-03");
    assert_eq!(due("2024-01-31"), "2024-03-13");
}

#[test]
fn fp_004_fp_005_direct_work_by_the_social_worker_in_module_4() {
    // Only the child and family worker has written in module 4.
    let cfw =
        json!({ "date": "2025-04-10", "author": { "name": "W", "role": "child-and-family-worker" }, "text": "x" });
    let d = with(on_track(), "/modules/4/entries", json!([cfw]));
    let r = check(FORM, &d, &on("2025-05-14"));
    assert_eq!(found(&r, "FP-004"), vec![("/modules/4/entries".into(), Error)]);
    assert_eq!(r.with_code("FP-004").next().unwrap().due.as_deref(), Some("2025-05-13"));
    let r = check(FORM, &d, &on("2025-05-10"));
    assert_eq!(found(&r, "FP-005"), vec![("/modules/4/entries".into(), Warning)]);
    assert!(!r.has("FP-004"));
    // The social worker's first direct work after the six weeks: late, but recorded.
    let d = with(on_track(), "/modules/4/entries", json!([cfw, sw("2025-05-20")]));
    let r = check(FORM, &d, &today());
    assert!(!r.has("FP-004") && !r.has("FP-005"));
    assert_eq!(module(&r, "4")["status"], "met-late");
    assert!(!check(FORM, &on_track(), &on("2025-05-14")).has("FP-004"));
}

#[test]
fn fp_006_adult_worker_input_in_modules_5_and_6() {
    // A second adult worker involved whose work neither module covers.
    let d = with(on_track(), "/adultWorkersInvolved", json!(["recovery-worker", "mental-health-practitioner"]));
    let r = check(FORM, &d, &today());
    assert_eq!(
        found(&r, "FP-006"),
        vec![("/modules/5/entries".into(), Warning), ("/modules/6/entries".into(), Warning)]
    );
    assert!(r.with_code("FP-006").all(|d| d.related == vec!["/adultWorkersInvolved/1".to_string()]));
    // No adult workers: nothing expected.
    let d = with(on_track(), "/adultWorkersInvolved", json!([]));
    let d = with(d, "/modules/5/entries", json!([]));
    assert!(!check(FORM, &d, &today()).has("FP-006"));
    assert!(!check(FORM, &on_track(), &today()).has("FP-006"));
}

#[test]
fn fp_007_modules_7_and_8_written_before_sign_off() {
    let d = with(on_track(), "/modules/7/entries", json!([sw("2025-05-28")]));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "FP-007"), vec![("/modules/7/entries".into(), Warning)]);
    let d = with(d, "/signOff/requested", json!(true));
    assert!(!check(FORM, &d, &today()).has("FP-007"));
}

#[test]
fn fp_008_sign_off_requested_with_modules_7_or_8_empty() {
    let d = with(on_track(), "/signOff/requested", json!(true));
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "FP-008"), vec![("/modules/7/entries".into(), Error), ("/modules/8/entries".into(), Error)]);
    let d = with(d, "/modules/7/entries", json!([sw("2025-05-28")]));
    assert_eq!(found(&check(FORM, &d, &today()), "FP-008"), vec![("/modules/8/entries".into(), Error)]);
    assert!(!check(FORM, &signed_off(), &today()).has("FP-008"));
}

#[test]
fn fp_009_completed_sign_off_needs_management_oversight() {
    let d = without(signed_off(), "/signOff/managementOversightOn");
    let r = check(FORM, &d, &today());
    assert_eq!(found(&r, "FP-009"), vec![("/signOff/managementOversightOn".into(), Error)]);
    // Requested but not yet completed: the case note comes with the completion.
    let d = without(d, "/signOff/completedOn");
    assert!(!check(FORM, &d, &today()).has("FP-009"));
    assert!(!check(FORM, &signed_off(), &today()).has("FP-009"));
}

#[test]
fn fp_010_planner_genogram_ecomap_network_meeting_after_six_weeks() {
    let d = without(without(on_track(), "/supportAndAssessmentPlannerOn"), "/familyNetworkMeetingOn");
    let d = with(without(d, "/culturalGenogram"), "/ecomap", json!(false));
    let r = check(FORM, &d, &on("2025-05-14"));
    assert_eq!(
        found(&r, "FP-010"),
        vec![
            ("/supportAndAssessmentPlannerOn".into(), Info),
            ("/culturalGenogram".into(), Info),
            ("/ecomap".into(), Info),
            ("/familyNetworkMeetingOn".into(), Info)
        ]
    );
    // Within the six weeks: not yet.
    assert!(!check(FORM, &d, &on("2025-05-13")).has("FP-010"));
    assert!(!check(FORM, &on_track(), &on("2025-05-14")).has("FP-010"));
}

#[test]
fn fp_011_second_review_conference_complete_before_that_day() {
    let d = on_track();
    let r = check(FORM, &d, &on("2025-11-30"));
    assert!(!r.has("FP-011"));
    let r = check(FORM, &d, &on("2025-12-01"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/secondRcpcOn".into(), Error)]);
    assert_eq!(r.with_code("FP-011").next().unwrap().due.as_deref(), Some("2025-12-01"));
    assert_eq!(r.outcome.unwrap()["assessmentOverdue"], true);
    // Completed before the conference: next due a year on.
    let d = with(d, "/milestones/lastCompletedOn", json!("2025-11-20"));
    let r = check(FORM, &d, &on("2025-12-01"));
    assert!(!r.has("FP-011"));
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["assessmentDue"], "2026-11-20");
    assert_eq!(o["assessmentDueReason"], "annual");
}

#[test]
fn fp_011_a_completion_before_the_current_programme_does_not_satisfy_its_review_occasions() {
    // on_track() began on 2025-04-01; a completion from an earlier plan (2025-03-10) does not count for the second
    // review conference that falls after it.
    let d = with(on_track(), "/milestones/lastCompletedOn", json!("2025-03-10"));
    let r = check(FORM, &d, &on("2025-12-01"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/secondRcpcOn".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["assessmentDueReason"], "second-rcpc");
    // The same for the 9-month child in need review.
    let d = with(with(d, "/planType", json!("child-in-need")), "/milestones/nineMonthCinReviewOn", json!("2025-12-31"));
    let r = check(FORM, &d, &on("2025-12-31"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/nineMonthCinReviewOn".into(), Error)]);
    // A completion on or after the start does satisfy it.
    let d = with(d, "/milestones/lastCompletedOn", json!("2025-04-01"));
    assert!(!check(FORM, &d, &on("2025-12-31")).has("FP-011"));
}

#[test]
fn fp_011_nine_month_child_in_need_review() {
    let d = with(on_track(), "/planType", json!("child-in-need"));
    let d = with(d, "/milestones", json!({ "secondRcpcOn": "2025-07-01", "nineMonthCinReviewOn": "2025-12-31" }));
    let r = check(FORM, &d, &today());
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    assert_eq!(o["assessmentDue"], "2025-12-31", "a conference date does not apply to a child in need plan");
    assert_eq!(o["assessmentDueReason"], "nine-month-cin-review");
    let r = check(FORM, &d, &on("2025-12-31"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/nineMonthCinReviewOn".into(), Error)]);
}

#[test]
fn fp_011_significant_change_four_weeks_and_annual_from_the_last_completion() {
    let d = with(
        on_track(),
        "/milestones",
        json!({ "lastCompletedOn": "2025-01-31", "significantChangeOn": "2025-05-20" }),
    );
    let r = check(FORM, &d, &today());
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    assert_eq!(o["assessmentDue"], "2025-06-17");
    assert_eq!(o["assessmentDueReason"], "significant-change");
    let r = check(FORM, &d, &on("2025-06-18"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/significantChangeOn".into(), Error)]);
    assert!(!check(FORM, &d, &on("2025-06-17")).has("FP-011"));
    // A change before the last completion has been assessed: the annual date applies.
    let d = with(d, "/milestones/significantChangeOn", json!("2025-01-10"));
    let o = serde_json::Value::from(check(FORM, &d, &today()).outcome.unwrap());
    assert_eq!(o["assessmentDue"], "2026-01-31");
    assert_eq!(o["assessmentDueReason"], "annual");
    // Leap day: a year after 29 February 2024 is 28 February 2025.
    let d = with(on_track(), "/milestones", json!({ "lastCompletedOn": "2024-02-29" }));
    let r = check(FORM, &d, &on("2025-03-01"));
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["assessmentDue"], "2025-02-28");
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/lastCompletedOn".into(), Error)]);
    assert!(!check(FORM, &d, &on("2025-02-28")).has("FP-011"));
}

#[test]
fn fp_011_first_completion_within_a_year_of_the_start_without_a_review_date() {
    let d = with(on_track(), "/planType", json!("children-we-care-for"));
    let d = with(d, "/startedOn", json!("2024-05-31"));
    let r = check(FORM, &d, &on("2025-06-01"));
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["assessmentDue"], "2025-05-31");
    assert_eq!(found(&r, "FP-011"), vec![("/startedOn".into(), Error)]);
    // A sign-off completed later than the recorded milestone counts as the last completion.
    let d = with(signed_off(), "/milestones/lastCompletedOn", json!("2025-01-01"));
    let o = serde_json::Value::from(check(FORM, &d, &today()).outcome.unwrap());
    assert_eq!(o["assessmentDue"], "2026-05-30");
}

#[test]
fn fp_012_entry_dates_after_today_or_before_the_start() {
    let d = with(on_track(), "/modules/4a/entries", json!([sw("2025-06-03"), sw("2025-03-31"), sw("2025-04-01")]));
    let r = check(FORM, &d, &today());
    assert_eq!(
        found(&r, "FP-012"),
        vec![("/modules/4a/entries/0/date".into(), Error), ("/modules/4a/entries/1/date".into(), Error)]
    );
    assert!(!check(FORM, &on_track(), &today()).has("FP-012"));
}

#[test]
fn fp_013_entry_without_author_role() {
    let d = with(on_track(), "/modules/3/entries/0/author", json!({ "name": "S" }));
    assert_eq!(found(&check(FORM, &d, &today()), "FP-013"), vec![("/modules/3/entries/0/author/role".into(), Info)]);
    let r = check(FORM, &d, &today().submit());
    assert_eq!(found(&r, "FP-013"), vec![("/modules/3/entries/0/author/role".into(), Error)]);
    assert!(!r.valid);
    // A blank row is not an entry.
    let d = with(on_track(), "/modules/3/entries", json!([sw("2025-04-24"), {}]));
    assert!(!check(FORM, &d, &today().submit()).has("FP-013"));
}

#[test]
fn fp_014_second_programme_needs_a_reason() {
    let d = with(on_track(), "/otherProgrammeOpen", json!(true));
    assert_eq!(found(&check(FORM, &d, &today()), "FP-014"), vec![("/separateProgrammeReason".into(), Warning)]);
    let d = with(d, "/separateProgrammeReason", json!("Separated parents; no consent to share"));
    assert!(!check(FORM, &d, &today()).has("FP-014"));
}

#[test]
fn completeness_rounds_down_to_two_decimals_and_sign_off_readiness() {
    let d = with(with(on_track(), "/modules/4/complete", json!(true)), "/modules/5/complete", json!(true));
    assert_eq!(check(FORM, &d, &today()).outcome.unwrap()["completeness"], 0.55, "5 of 9");
    let r = check(FORM, &signed_off(), &today().submit());
    assert!(r.valid, "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["completeness"], 1.0);
    assert_eq!(o["readyForSignOff"], true);
    // Every module ticked complete, but module 8 has nothing written: not ready.
    let d = with(signed_off(), "/modules/8/entries", json!([]));
    assert_eq!(check(FORM, &d, &today()).outcome.unwrap()["readyForSignOff"], false);
}

#[test]
fn carry_forward_pulls_through_modules_1_to_6_and_empties_7_and_8() {
    let before = signed_off();
    let next = carry_forward(FORM, &before).unwrap();
    for id in ["1", "2", "3", "4", "4a", "5", "6"] {
        assert_eq!(next["modules"][id], before["modules"][id], "module {id} pulls through");
    }
    assert_eq!(next["modules"]["7"], json!({ "entries": [], "complete": false }));
    assert_eq!(next["modules"]["8"], json!({ "entries": [], "complete": false }));
    assert!(next.get("signOff").is_none());
    // The completed sign-off becomes the last completion; everything else is kept.
    assert_eq!(next["milestones"], json!({ "secondRcpcOn": "2025-12-01", "lastCompletedOn": "2025-05-30" }));
    for key in ["child", "planType", "startedOn", "caseWorkerSummary", "adultWorkersInvolved", "ecomap"] {
        assert_eq!(next[key], before[key]);
    }
    // The next step is a clean programme with the next completion due a year on.
    let r = check(FORM, &next, &today().submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["assessmentDue"], "2026-05-30");
    assert_eq!(o["completeness"], 0.77, "7 of 9");
    // An earlier sign-off date never moves the last completion back.
    let d = with(before, "/milestones/lastCompletedOn", json!("2025-05-31"));
    assert_eq!(carry_forward(FORM, &d).unwrap()["milestones"]["lastCompletedOn"], "2025-05-31");
}

#[test]
fn carry_forward_of_a_programme_without_sign_off_or_modules() {
    let next = carry_forward(FORM, &json!({ "child": "C", "signOff": { "requested": true } })).unwrap();
    assert_eq!(next, json!({ "child": "C" }));
    let next = carry_forward(FORM, &json!({ "modules": { "7": { "entries": [sw("2025-05-01")] } } })).unwrap();
    assert_eq!(next["modules"]["7"]["entries"], json!([]));
    assert!(carry_forward("workbook-summary", &json!({})).is_err());
    assert!(carry_forward(FORM, &json!([])).is_err());
}

#[test]
fn a_module_that_cannot_be_read_is_reported_once_not_guessed_at() {
    let d = with(on_track(), "/modules/1/complete", json!("maybe"));
    let d = with(d, "/modules/7", json!("lots"));
    let d = with(d, "/modules/4/entries", json!("some"));
    let d = with(d, "/signOff/requested", json!(true));
    let r = check(FORM, &d, &on("2025-05-14"));
    assert_eq!(found(&r, "INP-001").len(), 3);
    assert!(!r.has("FP-002"), "module 1's answer is unreadable");
    assert!(!r.has("FP-004"), "module 4's entries are unreadable");
    assert_eq!(found(&r, "FP-008"), vec![("/modules/8/entries".into(), Error)], "module 7 is unreadable");
}

#[test]
fn a_live_session_keeps_numbered_modules_as_an_object() {
    let mut s = safeguarding_forms::FormSession::new(FORM, &today()).unwrap();
    s.set("/modules/1/complete", json!(true)).unwrap();
    s.set("/modules/4/entries/0", sw("2025-04-10")).unwrap();
    s.set("/modules/4a/complete", json!(false)).unwrap();
    assert_eq!(
        serde_json::Value::from(s.data()),
        json!({ "modules": { "1": { "complete": true }, "4": { "entries": [sw("2025-04-10")] }, "4a": { "complete": false } } })
    );
    assert!(!s.report().has("INP-001"), "{:?}", s.report().diagnostics);
    assert_eq!(s.report(), &check(FORM, &serde_json::Value::from(s.data()), &today()));
}

#[test]
fn fp_015_dates_of_things_done_after_today_and_a_future_completion_does_not_count() {
    // A conference held on 1 December 2025 with no completion before it: FP-011. A completion typed with a date after
    // today (a slip of the year, or a completion planned) is reported, and does not put the assessment off.
    let d = on_track();
    let r = check(FORM, &d, &on("2025-12-02"));
    assert_eq!(found(&r, "FP-011"), vec![("/milestones/secondRcpcOn".into(), Error)]);
    for (pointer, path) in [
        ("/milestones/lastCompletedOn", "/milestones/lastCompletedOn"),
        ("/signOff/completedOn", "/signOff/completedOn"),
    ] {
        let late = with(d.clone(), pointer, json!("2025-12-20"));
        let r = check(FORM, &late, &on("2025-12-02"));
        assert_eq!(found(&r, "FP-015"), vec![(path.into(), Error)], "{pointer}");
        assert_eq!(found(&r, "FP-011"), vec![("/milestones/secondRcpcOn".into(), Error)], "{pointer}");
        let o = serde_json::Value::from(r.outcome.unwrap());
        assert_eq!(o["assessmentDueReason"], "second-rcpc", "{pointer}");
        assert_eq!(o["assessmentOverdue"], true, "{pointer}");
        // Dated today, it is done: no FP-015, and the next one is due a year on.
        let r = check(FORM, &late, &on("2025-12-20"));
        assert!(!r.has("FP-015"), "{pointer}");
        assert!(!r.has("FP-011"), "{pointer}");
    }
    // Every other date of something done, one at a time, and each reported at its own field with its label.
    for pointer in [
        "/startedOn",
        "/modules/1/completedOn",
        "/modules/4a/completedOn",
        "/modules/8/completedOn",
        "/supportAndAssessmentPlannerOn",
        "/familyNetworkMeetingOn",
        "/signOff/managementOversightOn",
        "/milestones/significantChangeOn",
    ] {
        let r = check(FORM, &with(on_track(), pointer, json!("2025-06-03")), &today());
        assert_eq!(found(&r, "FP-015"), vec![(pointer.into(), Error)], "{pointer}");
        assert!(r.with_code("FP-015").next().unwrap().message.ends_with("must be today or in the past"), "{pointer}");
    }
    // Dates still to come are not things done: the conference and the review.
    let r = check(FORM, &with(on_track(), "/milestones/nineMonthCinReviewOn", json!("2026-01-10")), &today());
    assert!(!r.has("FP-015"));
    assert!(!check(FORM, &on_track(), &today()).has("FP-015"));
}
