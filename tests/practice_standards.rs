//! Standards of practice (forms.md §12): every timescale met, late, overdue, due soon and not applicable; the
//! 48-hour standard in elapsed hours across clock changes; visits outside 7am to 8pm.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use safeguarding_forms::Report;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "practice-standards";

/// A case allocated on Monday 3 March 2025 with every standard met.
fn on_time() -> Value {
    json!({
        "allocationDate": "2025-03-03",
        "familyContactOn": "2025-03-05",
        "referrerNotifiedOn": "2025-03-04",
        "pspCheckedOn": "2025-03-06",
        "pspCaseNoteAdded": true,
        "firstVisitOn": "2025-03-06",
        "contacts": [{ "at": "2025-03-04T10:00", "recordedAt": "2025-03-06T10:00" }],
        "visits": [{ "at": "2025-03-06T07:00" }, { "at": "2025-03-08T20:00" }],
        "firstFamilyCircleOn": "2025-04-28",
        "familyCircleDates": ["2025-06-01"],
        "earlyHelpAssessmentOn": "2025-04-14",
        "earlyHelpSupportMeetingOn": "2025-05-26"
    })
}

fn row(r: &Report, standard: &str) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())["standards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["standard"] == standard)
        .unwrap()
        .clone()
}

fn status(r: &Report, standard: &str) -> String {
    row(r, standard)["status"].as_str().unwrap().to_owned()
}

#[test]
fn a_case_on_time_meets_every_standard() {
    let r = check(FORM, &on_time(), &submit());
    assert!(r.valid, "{:?}", r.diagnostics);
    let warnings: Vec<_> = r.diagnostics.iter().filter(|d| d.severity != Info).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    let ids: Vec<&str> = o["standards"].as_array().unwrap().iter().map(|s| s["standard"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        vec![
            "family-contact",
            "referrer-notified",
            "psp-checked",
            "records-updated",
            "first-visit",
            "first-family-circle",
            "early-help-assessment",
            "early-help-support-meeting",
            "ongoing-family-circle",
            "ongoing-family-circle",
            "closure-summary",
        ]
    );
    assert_eq!(
        row(&r, "family-contact"),
        json!({ "standard": "family-contact", "title": "Following Allocation, contact to be made with families",
                "due": "2025-03-05", "metOn": "2025-03-05", "status": "met" })
    );
    assert_eq!(row(&r, "first-visit")["due"], "2025-03-10");
    assert_eq!(row(&r, "psp-checked")["due"], "2025-03-06", "due by the first visit");
    assert_eq!(row(&r, "first-family-circle")["due"], "2025-04-28", "8 weeks after allocation");
    assert_eq!(row(&r, "early-help-assessment")["due"], "2025-04-14", "6 weeks after allocation");
    let meeting = row(&r, "early-help-support-meeting");
    assert_eq!((meeting["from"].clone(), meeting["due"].clone()), (json!("2025-05-26"), json!("2025-06-09")));
    assert_eq!(status(&r, "closure-summary"), "not-applicable");
    // The last circle's next review (27 July) is more than a week away.
    let circles: Vec<&Value> =
        o["standards"].as_array().unwrap().iter().filter(|s| s["standard"] == "ongoing-family-circle").collect();
    assert_eq!(circles[0]["after"], "2025-04-28");
    assert_eq!(circles[0]["due"], "2025-06-23");
    assert_eq!(circles[0]["status"], "met");
    assert_eq!(circles[1]["due"], "2025-07-27");
    assert_eq!(circles[1]["status"], "due");
    assert_eq!(o["counts"]["met"], 9);
    assert_eq!(o["counts"]["due"], 1);
}

#[test]
fn prs_001_allocation_date_and_contact_times_are_required() {
    let r = check(FORM, &json!({ "contacts": [{}], "visits": [{}] }), &submit());
    assert_eq!(
        found(&r, "PRS-001"),
        vec![("/allocationDate".into(), Error), ("/contacts/0/at".into(), Error), ("/visits/0/at".into(), Error)]
    );
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "PRS-001"), vec![("/allocationDate".into(), Info)]);
    // Without an allocation date every allocation-based standard is not applicable.
    assert!(r.outcome.unwrap()["standards"].as_array().unwrap().iter().all(|s| s["status"] == "not-applicable"));
    // The PSP case note question, once the PSP is checked.
    let d = without(on_time(), "/pspCaseNoteAdded");
    assert_eq!(found(&check(FORM, &d, &submit()), "PRS-001"), vec![("/pspCaseNoteAdded".into(), Error)]);
}

#[test]
fn prs_002_contact_within_2_calendar_days() {
    let d = with(on_time(), "/familyContactOn", json!("2025-03-06"));
    let r = check(FORM, &d, &opts());
    let late: Vec<_> = r.with_code("PRS-002").collect();
    assert_eq!(late.len(), 1);
    assert_eq!(
        (late[0].path.as_str(), late[0].severity, late[0].due.as_deref()),
        ("/familyContactOn", Warning, Some("2025-03-05"))
    );
    assert_eq!(late[0].message, "Contact with the family was not within 2 days of allocation");
    assert_eq!(status(&r, "family-contact"), "met-late");
    // Not made at all, 2 June: overdue.
    let r = check(FORM, &without(on_time(), "/familyContactOn"), &opts());
    assert_eq!(found(&r, "PRS-002"), vec![("/familyContactOn".into(), Warning)]);
    assert_eq!(status(&r, "family-contact"), "overdue");
    assert!(!check(FORM, &on_time(), &opts()).has("PRS-002"));
}

#[test]
fn prs_003_referrer_notified_within_2_days() {
    let d = with(on_time(), "/referrerNotifiedOn", json!("2025-03-07"));
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-003"), vec![("/referrerNotifiedOn".into(), Warning)]);
    let d = with(on_time(), "/referrerNotifiedOn", json!("2025-03-05"));
    assert!(!check(FORM, &d, &opts()).has("PRS-003"));
}

#[test]
fn prs_004_psp_checked_before_the_first_visit() {
    let d = with(on_time(), "/pspCheckedOn", json!("2025-03-07"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "PRS-004"), vec![("/pspCheckedOn".into(), Warning)]);
    assert_eq!(status(&r, "psp-checked"), "met-late");
    // A first visit without a PSP check.
    let d = without(without(on_time(), "/pspCheckedOn"), "/pspCaseNoteAdded");
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-004"), vec![("/pspCheckedOn".into(), Warning)]);
    // No first visit yet: the PSP check is due by the day the first visit is due.
    let d = json!({ "allocationDate": "2025-05-30" });
    let r = check(FORM, &d, &opts());
    assert_eq!(row(&r, "psp-checked")["due"], "2025-06-06");
    assert_eq!(status(&r, "psp-checked"), "due-soon");
    assert!(!r.has("PRS-004"));
}

#[test]
fn prs_005_psp_case_note_added() {
    let d = with(on_time(), "/pspCaseNoteAdded", json!("no"));
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-005"), vec![("/pspCaseNoteAdded".into(), Warning)]);
    assert!(!check(FORM, &on_time(), &opts()).has("PRS-005"));
}

#[test]
fn prs_006_records_within_48_hours_in_elapsed_uk_time() {
    // Saturday 29 March 2025 12:00 GMT; the clocks go forward on Sunday 30 March, so 48 hours later is Monday 31
    // March 13:00 BST.
    let contact =
        |at: &str, recorded: &str| with(on_time(), "/contacts", json!([{ "at": at, "recordedAt": recorded }]));
    let r = check(FORM, &contact("2025-03-29T12:00", "2025-03-31T13:00"), &opts());
    assert!(!r.has("PRS-006"));
    assert_eq!(row(&r, "records-updated")["due"], "2025-03-31T13:00");
    assert_eq!(row(&r, "records-updated")["metOn"], "2025-03-31T13:00");
    assert_eq!(row(&r, "records-updated")["contact"], 0);
    let r = check(FORM, &contact("2025-03-29T12:00", "2025-03-31T13:01"), &opts());
    let late: Vec<_> = r.with_code("PRS-006").collect();
    assert_eq!((late[0].path.as_str(), late[0].severity), ("/contacts/0/recordedAt", Warning));
    assert_eq!(late[0].due.as_deref(), Some("2025-03-31T13:00"));
    // Autumn: Saturday 25 October 2025 12:00 BST + 48 hours is Monday 27 October 11:00 GMT.
    let r = check(FORM, &contact("2025-10-25T12:00", "2025-10-27T11:30"), &opts().with_today(chrono_date(2025, 11, 1)));
    assert!(r.has("PRS-006"));
    assert_eq!(row(&r, "records-updated")["due"], "2025-10-27T11:00");
    // Not recorded: overdue once the day is past, due soon on the day it falls due.
    let d = with(on_time(), "/contacts", json!([{ "at": "2025-05-30T09:00" }]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "PRS-006"), vec![("/contacts/0/recordedAt".into(), Warning)]);
    assert_eq!(status(&r, "records-updated"), "overdue");
    let d = with(on_time(), "/contacts", json!([{ "at": "2025-05-31T09:00" }]));
    let r = check(FORM, &d, &opts());
    assert_eq!(status(&r, "records-updated"), "due-soon");
    assert_eq!(found(&r, "PRS-013"), vec![("/contacts/0/recordedAt".into(), Info)]);
}

fn chrono_date(y: i32, m: u32, d: u32) -> safeguarding_forms::calendar::NaiveDate {
    safeguarding_forms::calendar::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn prs_007_first_visit_within_7_days() {
    let d = with(with(on_time(), "/firstVisitOn", json!("2025-03-11")), "/pspCheckedOn", json!("2025-03-11"));
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-007"), vec![("/firstVisitOn".into(), Warning)]);
    let d = with(with(on_time(), "/firstVisitOn", json!("2025-03-10")), "/pspCheckedOn", json!("2025-03-10"));
    assert!(!check(FORM, &d, &opts()).has("PRS-007"));
}

#[test]
fn prs_008_first_family_circle_within_8_weeks() {
    let d = with(on_time(), "/firstFamilyCircleOn", json!("2025-04-29"));
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-008"), vec![("/firstFamilyCircleOn".into(), Warning)]);
    // Only later circles recorded: the earliest counts as the first.
    let d = with(without(on_time(), "/firstFamilyCircleOn"), "/familyCircleDates", json!(["2025-06-01", "2025-04-20"]));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("PRS-008"));
    assert_eq!(row(&r, "first-family-circle")["metOn"], "2025-04-20");
}

#[test]
fn prs_009_early_help_assessment_within_6_weeks_unless_by_referrer() {
    let d = with(on_time(), "/earlyHelpAssessmentOn", json!("2025-04-15"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "PRS-009"), vec![("/earlyHelpAssessmentOn".into(), Warning)]);
    let d = with(d, "/assessmentByReferrer", json!(true));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("PRS-009"));
    assert_eq!(status(&r, "early-help-assessment"), "not-applicable");
}

#[test]
fn prs_010_support_meeting_window_6_to_8_weeks_after_the_eha() {
    // EHA 14 April: the window is 26 May to 9 June.
    let meeting = |d: &str| with(on_time(), "/earlyHelpSupportMeetingOn", json!(d));
    let r = check(FORM, &meeting("2025-05-25"), &opts());
    assert_eq!(found(&r, "PRS-010"), vec![("/earlyHelpSupportMeetingOn".into(), Warning)]);
    assert_eq!(row(&r, "early-help-support-meeting")["early"], true);
    for ok in ["2025-05-26", "2025-06-09"] {
        assert!(!check(FORM, &meeting(ok), &opts().with_today(chrono_date(2025, 6, 10))).has("PRS-010"), "{ok}");
    }
    let r = check(FORM, &meeting("2025-06-10"), &opts().with_today(chrono_date(2025, 6, 10)));
    assert!(r.has("PRS-010"));
    assert_eq!(status(&r, "early-help-support-meeting"), "met-late");
    // Not held, window closed.
    let r =
        check(FORM, &without(on_time(), "/earlyHelpSupportMeetingOn"), &opts().with_today(chrono_date(2025, 6, 10)));
    assert_eq!(status(&r, "early-help-support-meeting"), "overdue");
    assert!(r.has("PRS-010"));
}

#[test]
fn prs_011_ongoing_family_circles_every_8_weeks() {
    // 28 April + 8 weeks = 23 June; a circle on 24 June is late.
    let d = with(on_time(), "/familyCircleDates", json!(["2025-06-24"]));
    let r = check(FORM, &d, &opts().with_today(chrono_date(2025, 7, 1)));
    let late: Vec<_> = r.with_code("PRS-011").collect();
    assert_eq!(late.len(), 1);
    assert_eq!((late[0].path.as_str(), late[0].due.as_deref()), ("/familyCircleDates/0", Some("2025-06-23")));
    // Overdue: no circle since 28 April, today 24 June.
    let d = with(on_time(), "/familyCircleDates", json!([]));
    let r = check(FORM, &d, &opts().with_today(chrono_date(2025, 6, 24)));
    assert_eq!(found(&r, "PRS-011"), vec![("/familyCircleDates".into(), Warning)]);
    // Directed to close before the next was due: not applicable.
    let d = with(d, "/closureDirectedOn", json!("2025-06-20"));
    let d = with(d, "/closureSummaryOn", json!("2025-06-23"));
    let r = check(FORM, &d, &opts().with_today(chrono_date(2025, 6, 24)));
    assert!(!r.has("PRS-011"));
    assert!(!check(FORM, &on_time(), &opts()).has("PRS-011"));
}

#[test]
fn prs_012_closure_summary_within_a_week() {
    let d = with(with(on_time(), "/closureDirectedOn", json!("2025-05-20")), "/closureSummaryOn", json!("2025-05-28"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "PRS-012"), vec![("/closureSummaryOn".into(), Warning)]);
    assert_eq!(row(&r, "closure-summary")["due"], "2025-05-27");
    let d = with(d, "/closureSummaryOn", json!("2025-05-27"));
    assert!(!check(FORM, &d, &opts()).has("PRS-012"));
}

#[test]
fn prs_013_due_soon_is_information() {
    // Allocated Friday 30 May: contact due Sunday 1 June (calendar days) is overdue on 2 June; the first visit
    // due 6 June is due soon.
    let r = check(FORM, &json!({ "allocationDate": "2025-05-30" }), &opts());
    assert_eq!(status(&r, "family-contact"), "overdue");
    assert_eq!(status(&r, "first-visit"), "due-soon");
    let soon: Vec<_> = r.with_code("PRS-013").filter(|d| d.path == "/firstVisitOn").collect();
    assert_eq!(soon.len(), 1);
    assert_eq!((soon[0].severity, soon[0].due.as_deref()), (Info, Some("2025-06-06")));
    assert_eq!(soon[0].message, "The first visit is due by 6 June 2025");
    // Eight days away: due, not due soon.
    let r = check(FORM, &json!({ "allocationDate": "2025-06-02", "familyContactOn": "2025-06-02" }), &opts());
    assert_eq!(status(&r, "first-family-circle"), "due");
}

#[test]
fn prs_014_visits_outside_7am_to_8pm() {
    let d = with(
        on_time(),
        "/visits",
        json!([{ "at": "2025-03-06T06:59" }, { "at": "2025-03-06T20:01" }, { "at": "2025-03-09T07:00" }]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "PRS-014"), vec![("/visits/0/at".into(), Info), ("/visits/1/at".into(), Info)]);
    assert!(r
        .with_code("PRS-014")
        .all(|d| d.message == "The visit is outside the hours of planned support in the home, 7am to 8pm"));
    assert!(!check(FORM, &on_time(), &opts()).has("PRS-014"));
}

#[test]
fn prs_015_dates_out_of_order() {
    let d = with(on_time(), "/familyContactOn", json!("2025-03-02"));
    let d = with(d, "/contacts", json!([{ "at": "2025-03-04T10:00", "recordedAt": "2025-03-04T09:59" }]));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "PRS-015"),
        vec![("/familyContactOn".into(), Error), ("/contacts/0/recordedAt".into(), Error)]
    );
    let d = with(with(on_time(), "/closureDirectedOn", json!("2025-05-20")), "/closureSummaryOn", json!("2025-05-19"));
    assert_eq!(found(&check(FORM, &d, &opts()), "PRS-015"), vec![("/closureSummaryOn".into(), Error)]);
    assert!(!check(FORM, &on_time(), &opts()).has("PRS-015"));
}

#[test]
fn prs_016_dates_in_the_future() {
    let d = with(on_time(), "/closureDirectedOn", json!("2025-06-03"));
    let d = with(d, "/contacts/0/at", json!("2025-06-03T09:00"));
    let d = with(d, "/contacts/0/recordedAt", json!("2025-06-03T10:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "PRS-016"),
        vec![
            ("/contacts/0/at".into(), Error),
            ("/contacts/0/recordedAt".into(), Error),
            ("/closureDirectedOn".into(), Error)
        ]
    );
    // A planned visit may be in the future.
    let d = with(on_time(), "/visits", json!([{ "at": "2025-06-10T10:00" }]));
    assert!(!check(FORM, &d, &opts()).has("PRS-016"));
}

#[test]
fn a_malformed_date_time_is_the_shared_rule() {
    let d = with(on_time(), "/contacts/0/at", json!("2025-03-04 10:00"));
    let d = with(d, "/visits/0/at", json!("2025-03-06T25:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-016"), vec![("/contacts/0/at".into(), Error), ("/visits/0/at".into(), Error)]);
    assert!(!r.has("PRS-001"), "a malformed value is not a missing one");
}
