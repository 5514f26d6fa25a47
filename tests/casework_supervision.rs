//! The casework supervision record (forms.md §20): every rule firing and not firing, and the outcome on hand-worked
//! dates (month ends, leap years).

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "casework-supervision";

/// A complete record of a child in need case, supervised on 28 May 2025, the previous supervision in March.
fn complete() -> Value {
    json!({
        "date": "2025-05-28",
        "teamManager": "A Manager",
        "practitioner": "A Practitioner",
        "caseStatus": "cin",
        "child": { "name": "C", "lcsNumber": "1234567" },
        "previousSupervisionDate": "2025-03-10",
        "purposeOfInvolvement": "Support with routines and school attendance",
        "reviewOfPreviousActions": [
            { "action": "Book the Family Circle", "status": "done" },
            { "action": "Contact school", "status": "not-done", "comment": "School closed for half term" }
        ],
        "lastAssessmentDate": "2025-01-15",
        "childLastSeenDate": "2025-05-20",
        "sinceLastSupervision": "Family Circle held; attendance improving",
        "supportPlan": { "upToDate": true, "smart": true, "comment": "Reviewed at the Family Circle" },
        "childWishesAndFeelings": "Wants to stay at the same school",
        "positiveChange": "Attendance up from 80% to 92%",
        "riskAnalysis": "Low risk; parents engaging",
        "riskManaged": true,
        "strengths": "Grandparents support the family",
        "actions": [{ "action": "Review the plan with the family", "owner": "Practitioner", "dueDate": "2025-06-20" }],
        "nextSupervisionDate": "2025-08-20",
        "activeSafeguarding": false,
        "preparedBySuperviseeOn": "2025-05-27"
    })
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.clone().unwrap())
}

/// The complete record with a second action row.
fn second_action(row: Value) -> Value {
    let first = complete()["actions"][0].clone();
    with(complete(), "/actions", json!([first, row]))
}

fn at(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

#[test]
fn a_complete_record_is_valid_with_no_findings() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(r.valid);
    assert_eq!(
        outcome(&r),
        json!({
            "nextDue": "2025-08-28",
            "frequency": "three-monthly",
            "overdue": false,
            "daysSinceChildSeen": 8,
            "actionsCount": 1,
            "completeness": 1.0
        })
    );
}

#[test]
fn cws_001_every_section_required_info_in_draft_error_at_submit() {
    let draft = check(FORM, &json!({}), &opts());
    let paths = found(&draft, "CWS-001");
    for p in [
        "/date",
        "/teamManager",
        "/practitioner",
        "/caseStatus",
        "/child/name",
        "/child/lcsNumber",
        "/purposeOfInvolvement",
        "/lastAssessmentDate",
        "/childLastSeenDate",
        "/sinceLastSupervision",
        "/supportPlan/upToDate",
        "/supportPlan/smart",
        "/childWishesAndFeelings",
        "/positiveChange",
        "/riskAnalysis",
        "/riskManaged",
        "/strengths",
    ] {
        assert!(paths.contains(&(p.to_string(), Info)), "{p} missing from {paths:?}");
    }
    assert_eq!(paths.len(), 17);
    assert!(draft.valid);
    let sub = check(FORM, &json!({}), &submit());
    assert!(found(&sub, "CWS-001").iter().all(|(_, s)| *s == Error));
    assert!(!sub.valid);
    // A group that is there reports its own missing parts once.
    let d = with(complete(), "/child", json!({ "name": "C" }));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-001"), vec![("/child/lcsNumber".into(), Error)]);
    let d = with(complete(), "/supportPlan", json!({ "upToDate": true, "comment": "x" }));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-001"), vec![("/supportPlan/smart".into(), Error)]);
    let d = without(complete(), "/riskAnalysis");
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-001"), vec![("/riskAnalysis".into(), Error)]);
}

#[test]
fn cws_002_dates_out_of_order() {
    let d = with(complete(), "/previousSupervisionDate", json!("2025-05-28"));
    let d = with(d, "/childLastSeenDate", json!("2025-05-29"));
    let d = with(d, "/lastAssessmentDate", json!("2025-05-30"));
    let d = with(d, "/nextSupervisionDate", json!("2025-05-28"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "CWS-002"),
        vec![
            ("/previousSupervisionDate".into(), Error),
            ("/lastAssessmentDate".into(), Error),
            ("/childLastSeenDate".into(), Error),
            ("/nextSupervisionDate".into(), Error),
        ]
    );
    assert_eq!(outcome(&r)["daysSinceChildSeen"], Value::Null);
    // The same day is fine for the child seen and the assessment; the next supervision the day after is fine.
    let d = with(complete(), "/childLastSeenDate", json!("2025-05-28"));
    let d = with(d, "/lastAssessmentDate", json!("2025-05-28"));
    let d = with(d, "/nextSupervisionDate", json!("2025-05-29"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("CWS-002"));
    assert_eq!(outcome(&r)["daysSinceChildSeen"], 0);
}

#[test]
fn cws_003_dates_in_future_and_the_planned_session_date_in_draft() {
    // Prepared before a session planned for 10 June: the planned date is fine in draft, not at submit.
    let d = with(complete(), "/date", json!("2025-06-10"));
    let d = with(d, "/childLastSeenDate", json!("2025-06-05"));
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-003"), vec![("/childLastSeenDate".into(), Error)]);
    assert_eq!(
        found(&check(FORM, &d, &submit()), "CWS-003"),
        vec![("/date".into(), Error), ("/childLastSeenDate".into(), Error)]
    );
    let d = with(complete(), "/preparedBySuperviseeOn", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-003"), vec![("/preparedBySuperviseeOn".into(), Error)]);
    // Today is not the future.
    let d = with(complete(), "/date", json!("2025-06-02"));
    assert!(!check(FORM, &d, &submit()).has("CWS-003"));
}

#[test]
fn cws_004_three_monthly_for_an_open_case() {
    // 27 February + 3 months = 27 May: the supervision on 28 May is a day late.
    let d = with(complete(), "/previousSupervisionDate", json!("2025-02-27"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CWS-004"), vec![("/previousSupervisionDate".into(), Warning)]);
    let diag = r.with_code("CWS-004").next().unwrap();
    assert_eq!(diag.due.as_deref(), Some("2025-05-27"));
    assert!(diag.message.contains("more than 3 months"), "{}", diag.message);
    // 28 February + 3 months = 28 May: on time.
    let d = with(complete(), "/previousSupervisionDate", json!("2025-02-28"));
    assert!(!check(FORM, &d, &opts()).has("CWS-004"));
}

#[test]
fn cws_004_monthly_for_a_cp_case_across_month_ends_and_leap_years() {
    let cp = |previous: &str, date: &str| {
        let d = with(complete(), "/caseStatus", json!("cp"));
        let d = with(d, "/previousSupervisionDate", json!(previous));
        let d = with(d, "/date", json!(date));
        let d = with(d, "/nextSupervisionDate", Value::Null);
        let d = with(d, "/actions/0/dueDate", json!("2025-06-30"));
        check(FORM, &d, &opts())
    };
    // 2024 is a leap year: 31 January + 1 month = 29 February.
    assert!(!cp("2024-01-31", "2024-02-29").has("CWS-004"));
    let r = cp("2024-01-31", "2024-03-01");
    assert_eq!(found(&r, "CWS-004"), vec![("/previousSupervisionDate".into(), Warning)]);
    assert_eq!(r.with_code("CWS-004").next().unwrap().due.as_deref(), Some("2024-02-29"));
    // 2025 is not: 31 January + 1 month = 28 February.
    assert!(!cp("2025-01-31", "2025-02-28").has("CWS-004"));
    let r = cp("2025-01-31", "2025-03-01");
    assert_eq!(r.with_code("CWS-004").next().unwrap().due.as_deref(), Some("2025-02-28"));
    // A month from 30 April is 30 May.
    assert!(!cp("2025-04-30", "2025-05-30").has("CWS-004"));
    assert!(cp("2025-04-30", "2025-05-31").has("CWS-004"));
}

#[test]
fn cws_004_a_very_active_case_is_monthly_too() {
    let d = with(complete(), "/previousSupervisionDate", json!("2025-04-20"));
    assert!(!check(FORM, &d, &opts()).has("CWS-004"));
    let d = with(d, "/activeSafeguarding", json!(true));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CWS-004"), vec![("/previousSupervisionDate".into(), Warning)]);
    assert_eq!(outcome(&r)["frequency"], "monthly");
    assert!(r.with_code("CWS-004").next().unwrap().message.contains("more than 1 month"));
}

#[test]
fn cws_005_next_supervision_planned_after_it_is_due() {
    let d = with(complete(), "/nextSupervisionDate", json!("2025-08-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CWS-005"), vec![("/nextSupervisionDate".into(), Warning)]);
    assert_eq!(r.with_code("CWS-005").next().unwrap().due.as_deref(), Some("2025-08-28"));
    let d = with(complete(), "/nextSupervisionDate", json!("2025-08-28"));
    assert!(!check(FORM, &d, &opts()).has("CWS-005"));
    // A CP case: due a month after.
    let d = with(with(complete(), "/caseStatus", json!("cp")), "/previousSupervisionDate", json!("2025-05-01"));
    let d = with(d, "/nextSupervisionDate", json!("2025-06-29"));
    assert!(check(FORM, &d, &opts()).has("CWS-005"));
}

#[test]
fn cws_006_assessment_older_than_twelve_months() {
    let d = with(complete(), "/lastAssessmentDate", json!("2024-05-27"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CWS-006"), vec![("/lastAssessmentDate".into(), Warning)]);
    assert_eq!(r.with_code("CWS-006").next().unwrap().due.as_deref(), Some("2025-05-27"));
    // 29 February 2024 + 12 months = 28 February 2025.
    let d = with(with(complete(), "/lastAssessmentDate", json!("2024-02-29")), "/date", json!("2025-03-01"));
    let d = with(d, "/previousSupervisionDate", json!("2025-01-10"));
    let r = check(FORM, &d, &opts());
    assert_eq!(r.with_code("CWS-006").next().unwrap().due.as_deref(), Some("2025-02-28"));
    let d = with(d, "/date", json!("2025-02-28"));
    assert!(!check(FORM, &d, &opts()).has("CWS-006"));
    let d = with(complete(), "/lastAssessmentDate", json!("2024-05-28"));
    assert!(!check(FORM, &d, &opts()).has("CWS-006"));
}

#[test]
fn cws_007_form_updated_before_the_session() {
    let d = without(complete(), "/preparedBySuperviseeOn");
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-007"), vec![("/preparedBySuperviseeOn".into(), Info)]);
    let d = with(complete(), "/preparedBySuperviseeOn", json!("2025-05-29"));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-007"), vec![("/preparedBySuperviseeOn".into(), Info)]);
    let d = with(complete(), "/preparedBySuperviseeOn", json!("2025-05-28"));
    assert!(!check(FORM, &d, &submit()).has("CWS-007"));
}

#[test]
fn cws_008_previous_actions_reviewed_after_a_previous_supervision() {
    let d = with(complete(), "/reviewOfPreviousActions", json!([]));
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-008"), vec![("/reviewOfPreviousActions".into(), Info)]);
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-008"), vec![("/reviewOfPreviousActions".into(), Error)]);
    let d = with(complete(), "/reviewOfPreviousActions", json!([{}]));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-008"), vec![("/reviewOfPreviousActions".into(), Error)]);
    let d = with(complete(), "/reviewOfPreviousActions/0/status", Value::Null);
    assert_eq!(
        found(&check(FORM, &d, &submit()), "CWS-008"),
        vec![("/reviewOfPreviousActions/0/status".into(), Error)]
    );
    // The first supervision of the case has nothing to review.
    let d = with(without(complete(), "/previousSupervisionDate"), "/reviewOfPreviousActions", json!([]));
    let r = check(FORM, &d, &submit());
    assert!(!r.has("CWS-008"));
    assert_eq!(outcome(&r)["completeness"], 1.0);
}

#[test]
fn cws_009_not_done_action_needs_a_comment() {
    let d = with(complete(), "/reviewOfPreviousActions/1/comment", json!(" "));
    assert_eq!(
        found(&check(FORM, &d, &submit()), "CWS-009"),
        vec![("/reviewOfPreviousActions/1/comment".into(), Error)]
    );
    let d =
        with(complete(), "/reviewOfPreviousActions/1", json!({ "action": "Contact school", "status": "in-progress" }));
    assert!(!check(FORM, &d, &submit()).has("CWS-009"));
}

#[test]
fn cws_010_action_with_no_owner_or_date() {
    let d = second_action(json!({ "action": "Refer to the health visitor" }));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "CWS-010"), vec![("/actions/1/owner".into(), Error), ("/actions/1/dueDate".into(), Error)]);
    assert_eq!(outcome(&r)["actionsCount"], 2);
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-010").len(), 2);
    assert!(check(FORM, &d, &opts()).valid, "information only while drafting");
    let d = second_action(json!({ "owner": "Practitioner", "dueDate": "2025-06-30" }));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-010"), vec![("/actions/1/action".into(), Error)]);
    // A blank row is ignored.
    let d = second_action(json!({ "action": "", "owner": null }));
    let r = check(FORM, &d, &submit());
    assert!(!r.has("CWS-010"));
    assert_eq!(outcome(&r)["actionsCount"], 1);
}

#[test]
fn cws_011_action_due_after_the_supervision() {
    let d = with(complete(), "/actions/0/dueDate", json!("2025-05-28"));
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-011"), vec![("/actions/0/dueDate".into(), Error)]);
    let d = with(complete(), "/actions/0/dueDate", json!("2025-05-29"));
    assert!(!check(FORM, &d, &opts()).has("CWS-011"));
}

#[test]
fn cws_012_risk_not_managed_needs_an_action() {
    let d = with(with(complete(), "/riskManaged", json!(false)), "/actions", json!([]));
    assert_eq!(found(&check(FORM, &d, &submit()), "CWS-012"), vec![("/actions".into(), Error)]);
    let d = with(complete(), "/riskManaged", json!("no"));
    assert!(!check(FORM, &d, &submit()).has("CWS-012"));
}

#[test]
fn cws_013_and_014_support_plan() {
    let d = with(complete(), "/supportPlan/smart", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "CWS-013"), vec![("/supportPlan/smart".into(), Warning)]);
    let d = with(complete(), "/supportPlan/upToDate", json!("no"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CWS-014"), vec![("/supportPlan/upToDate".into(), Warning)]);
    assert!(!r.has("CWS-013"));
}

#[test]
fn outcome_next_due_across_month_ends_and_leap_years() {
    let due = |status: &str, date: &str| {
        let d = json!({ "date": date, "caseStatus": status });
        outcome(&check(FORM, &d, &at("2023-01-01")))["nextDue"].clone()
    };
    // Monthly: 31 January + 1 month is 29 February in a leap year, 28 February otherwise.
    assert_eq!(due("cp", "2024-01-31"), "2024-02-29");
    assert_eq!(due("cp", "2025-01-31"), "2025-02-28");
    assert_eq!(due("cp", "2100-01-31"), "2100-02-28", "2100 is not a leap year");
    assert_eq!(due("cp", "2000-01-31"), "2000-02-29", "2000 is");
    assert_eq!(due("cp", "2024-12-31"), "2025-01-31");
    // Three-monthly: 30 November + 3 months is 29 February in a leap year, 28 February otherwise.
    assert_eq!(due("cin", "2023-11-30"), "2024-02-29");
    assert_eq!(due("cin", "2024-11-30"), "2025-02-28");
    assert_eq!(due("step-down", "2024-05-31"), "2024-08-31");
    assert_eq!(due("cic", "2024-03-31"), "2024-06-30");
}

#[test]
fn outcome_overdue_and_frequency() {
    let d = json!({ "date": "2025-01-31", "caseStatus": "cp" });
    let o = outcome(&check(FORM, &d, &at("2025-02-28")));
    assert_eq!(o["frequency"], "monthly");
    assert_eq!(o["overdue"], false, "due on the day is not overdue");
    let o = outcome(&check(FORM, &d, &at("2025-03-01")));
    assert_eq!(o["overdue"], true);
    // No date: nothing is due, nothing is overdue.
    let o = outcome(&check(FORM, &json!({ "activeSafeguarding": true }), &opts()));
    assert_eq!(o["nextDue"], Value::Null);
    assert_eq!(o["overdue"], false);
    assert_eq!(o["frequency"], "monthly");
    assert_eq!(o["completeness"], 0.0);
    assert_eq!(o["actionsCount"], 0);
}

#[test]
fn outcome_completeness_counts_the_forms_sections() {
    // 18 sections with a previous supervision; two empty: 16 / 18 = 0.89.
    let d = without(without(complete(), "/strengths"), "/positiveChange");
    assert_eq!(outcome(&check(FORM, &d, &opts()))["completeness"], 0.89);
    // Without a previous supervision 17 sections count: 16 / 17 = 0.94.
    let d = without(without(complete(), "/previousSupervisionDate"), "/strengths");
    assert_eq!(outcome(&check(FORM, &d, &opts()))["completeness"], 0.94);
}

#[test]
fn messages_never_repeat_what_was_typed() {
    let d = with(complete(), "/actions/0", json!({ "action": "Secret-Text-XYZ", "dueDate": "2025-05-01" }));
    let d = with(d, "/child/lcsNumber", json!("LCS-SECRET-999"));
    let r = check(FORM, &d, &submit());
    assert!(!r.diagnostics.is_empty());
    for diag in &r.diagnostics {
        assert!(!diag.message.contains("Secret") && !diag.message.contains("SECRET"), "{}", diag.message);
    }
}
