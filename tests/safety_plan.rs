//! The safety / wellbeing plan (forms.md §27, seed 003): every rule firing and not firing, and the outcome.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::*;
use safeguarding_forms::Severity::{self, Error, Info, Warning};
use safeguarding_forms::{rules, Options, Report};
use serde_json::{json, Value};

const FORM: &str = "safety-plan";

/// A complete plan, checked on 2 June 2025: every part written, the network found, reviewed on 29 May.
fn complete() -> Value {
    json!({
        "planType": "cin",
        "planDate": "2025-05-01",
        "topics": ["domestic-abuse"],
        "dangerStatements": [{
            "statement": "Social workers are worried that Sam could be hurt when the adults argue",
            "safetyGoal": "Sam will be cared for by adults who keep arguments away from him",
            "safetyScale": 4,
            "networkMeetingOn": "2025-05-20"
        }],
        "bottomLines": ["No physical violence in the home"],
        "timeline": [
            { "week": 1, "task": { "what": "Find three people for the network", "who": "Mum and Dad", "why": "So there is help around the family" }, "meetingsMonitoring": "Phone calls", "completed": true },
            { "week": "2-3", "task": { "what": "Family network meeting", "who": "Social worker", "why": "To build the plan rules" }, "completed": true },
            { "week": "Week 4-8", "task": { "what": "Weekly unannounced visits", "who": "Social worker", "why": "To see the home is safe" } }
        ],
        "network": [
            { "name": "Nan", "relationship": "grandmother", "role": "weekend support" },
            { "name": "Aunt", "relationship": "aunt", "role": "check-ins" },
            { "name": "Neighbour", "relationship": "friend", "role": "school run" }
        ],
        "networkTarget": 3,
        "familyNetworkMeetingOn": "2025-05-20",
        "planRules": {
            "worries": "Arguments turning physical",
            "workingWell": "Sam goes to school every day",
            "stressorsTriggers": "Money worries, alcohol",
            "firstSigns": "Raised voices",
            "redFlags": "Doors slammed, shouting",
            "whoDoesWhat": [{ "who": "Nan", "action": "Takes Sam to hers" }]
        },
        "childVersion": { "createdOn": "2025-05-25", "sharedWithChild": true },
        "wordsAndPicturesOn": "2025-05-27",
        "reviewEvery": 6,
        "reviewMeetings": [{ "on": "2025-05-29", "kind": "cin-review", "planReviewed": true }],
        "incidents": ["2025-04-10"],
        "dashAssessments": [{ "on": "2025-04-11", "teen": false, "youngPerson": false }],
        "serviceManagerApprovals": [{ "kind": "capacity-to-change-assessment", "on": "2025-05-02" }],
        "handover": { "networkLead": "Nan", "on": "2025-09-01" }
    })
}

fn codes(r: &Report) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn on(day: &str) -> Options {
    Options::new().today(day).unwrap()
}

fn only(r: &Report, code: &str) -> Vec<(String, Severity)> {
    found(r, code)
}

#[test]
fn a_complete_plan_has_no_findings_and_is_complete() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(r.valid);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["completeness"], 1.0);
    assert_eq!(o["missing"], json!([]));
    assert_eq!(o["networkCount"], 3);
    assert_eq!(o["networkTarget"], 3);
    assert_eq!(o["networkNeeded"], 0);
    // Reviewed on 29 May 2025, every 6 weeks: 10 July 2025.
    assert_eq!(o["nextReviewDue"], "2025-07-10");
    assert_eq!(o["reviewStatus"], "due");
    assert_eq!(o["tasksTotal"], 3);
    assert_eq!(o["tasksCompleted"], 2);
    assert_eq!(o["eitReviewDue"], Value::Null);
}

#[test]
fn the_catalogue_lists_22_rules_with_their_parameters() {
    let all = rules(Some(FORM), &Options::new()).unwrap();
    let own: Vec<_> = all.iter().filter(|r| r.form == FORM).collect();
    assert_eq!(own.len(), 22);
    let params: Vec<(String, i64)> =
        own.iter().flat_map(|r| r.parameters.iter().map(|p| (p.key.clone(), p.value))).collect();
    assert_eq!(params, vec![("safety-plan.maxScale".into(), 10), ("safety-plan.eitReviewMonths".into(), 3)]);
}

// ---- SP-001 ----

#[test]
fn sp_001_required_fields_are_info_in_draft_and_errors_at_submit() {
    let draft = check(FORM, &json!({}), &opts());
    let paths = only(&draft, "SP-001");
    for p in ["/planType", "/dangerStatements", "/timeline", "/networkTarget"] {
        assert!(paths.contains(&(p.to_string(), Info)), "{p} missing from {paths:?}");
    }
    assert!(draft.valid);
    let sub = check(FORM, &json!({}), &submit());
    assert!(only(&sub, "SP-001").iter().all(|(_, s)| *s == Error));
    assert!(!sub.valid);
    assert!(only(&check(FORM, &complete(), &submit()), "SP-001").is_empty());
}

#[test]
fn sp_001_hsb_needs_its_rating_and_amber_or_red_the_referral_answer() {
    let d = with(complete(), "/topics", json!(["harmful-sexual-behaviour"]));
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-001"), vec![("/hsbRag".into(), Error)]);
    let d = with(d, "/hsbRag", json!("amber"));
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-001"), vec![("/hsbReferralMade".into(), Error)]);
    let d = with(d, "/hsbRag", json!("green"));
    assert!(only(&check(FORM, &d, &submit()), "SP-001").is_empty());
}

#[test]
fn sp_001_rows_need_their_key_field() {
    let d = with(complete(), "/network/1", json!({ "relationship": "uncle" }));
    let d = with(d, "/reviewMeetings/0", json!({ "kind": "core-group" }));
    let d = with(d, "/dashAssessments/0", json!({ "teen": false }));
    let d = with(d, "/serviceManagerApprovals/0", json!({ "on": "2025-05-02" }));
    assert_eq!(
        only(&check(FORM, &d, &submit()), "SP-001"),
        vec![
            ("/network/1/name".into(), Error),
            ("/reviewMeetings/0/on".into(), Error),
            ("/dashAssessments/0/on".into(), Error),
            ("/serviceManagerApprovals/0/kind".into(), Error),
        ]
    );
}

// ---- SP-002, SP-003 ----

#[test]
fn sp_002_danger_statements_pair_with_a_goal_and_a_scale() {
    let d = with(
        complete(),
        "/dangerStatements",
        json!([
            { "statement": "Worry", "safetyScale": 3, "networkMeetingOn": "2025-05-20" },
            { "safetyGoal": "Goal", "safetyScale": 3 },
            { "statement": "Worry", "safetyGoal": "Goal", "networkMeetingOn": "2025-05-21" }
        ]),
    );
    let expected: Vec<(String, Severity)> = vec![
        ("/dangerStatements/0/safetyGoal".into(), Error),
        ("/dangerStatements/1/statement".into(), Error),
        ("/dangerStatements/2/safetyScale".into(), Error),
    ];
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-002"), expected);
    let draft: Vec<Severity> = only(&check(FORM, &d, &opts()), "SP-002").into_iter().map(|(_, s)| s).collect();
    assert_eq!(draft, vec![Info, Info, Info]);
    assert!(only(&check(FORM, &complete(), &submit()), "SP-002").is_empty());
}

#[test]
fn sp_003_the_scale_runs_from_0_to_10() {
    let r = check(FORM, &with(complete(), "/dangerStatements/0/safetyScale", json!(11)), &opts());
    assert_eq!(only(&r, "SP-003"), vec![("/dangerStatements/0/safetyScale".into(), Error)]);
    assert!(r.diagnostics[0].message.contains("between 0 and 10"));
    for ok in [json!(0), json!(10), json!("7"), json!(5.5)] {
        let r = check(FORM, &with(complete(), "/dangerStatements/0/safetyScale", ok.clone()), &opts());
        assert!(only(&r, "SP-003").is_empty(), "{ok}");
    }
    // Beyond what the model reads: the structural finding only.
    let r = check(FORM, &with(complete(), "/dangerStatements/0/safetyScale", json!(150)), &opts());
    assert_eq!(codes(&r), vec!["INP-009"]);
}

// ---- SP-004 ----

#[test]
fn sp_004_at_least_one_bottom_line() {
    for none in [json!([]), json!(["  "]), Value::Null] {
        let r = check(FORM, &with(complete(), "/bottomLines", none.clone()), &submit());
        assert_eq!(only(&r, "SP-004"), vec![("/bottomLines".into(), Error)], "{none}");
    }
    let r = check(FORM, &with(complete(), "/bottomLines", json!([])), &opts());
    assert_eq!(only(&r, "SP-004"), vec![("/bottomLines".into(), Info)]);
    assert!(only(&check(FORM, &complete(), &submit()), "SP-004").is_empty());
}

// ---- SP-005, SP-006, SP-007 ----

#[test]
fn sp_005_tasks_say_what_who_why_and_the_week() {
    let d = with(complete(), "/timeline/1", json!({ "task": { "what": "Meeting" } }));
    assert_eq!(
        only(&check(FORM, &d, &submit()), "SP-005"),
        vec![
            ("/timeline/1/week".into(), Error),
            ("/timeline/1/task/who".into(), Error),
            ("/timeline/1/task/why".into(), Error),
        ]
    );
    assert!(only(&check(FORM, &complete(), &submit()), "SP-005").is_empty());
}

#[test]
fn sp_006_a_week_is_a_number_or_a_range() {
    for bad in [json!("soon"), json!("8-4"), json!(4.5), json!(-1), json!("4-"), json!("1234"), json!(true)] {
        let r = check(FORM, &with(complete(), "/timeline/2/week", bad.clone()), &opts());
        assert_eq!(only(&r, "SP-006"), vec![("/timeline/2/week".into(), Error)], "{bad}");
    }
    for good in [
        json!(4),
        json!("4"),
        json!("4-8"),
        json!("4 - 8"),
        json!("Week 4\u{2013}8"),
        json!("weeks 4 to 8"),
        json!("wk 6"),
    ] {
        let r = check(FORM, &with(complete(), "/timeline/2/week", good.clone()), &opts());
        assert!(only(&r, "SP-006").is_empty() && only(&r, "SP-007").is_empty(), "{good}: {:?}", r.diagnostics);
    }
    // A template placeholder is reported as one, not also as an unreadable week.
    let r = check(FORM, &with(complete(), "/timeline/2/week", json!("(ADD NUMBER)")), &opts());
    assert_eq!(codes(&r), vec!["SP-021"]);
}

#[test]
fn sp_007_weeks_do_not_go_back() {
    let d = with(complete(), "/timeline/1/week", json!(6));
    let r = check(FORM, &d, &opts());
    assert_eq!(only(&r, "SP-007"), vec![("/timeline/2/week".into(), Warning)]);
    let diag = r.diagnostics.iter().find(|d| d.code == "SP-007").unwrap();
    assert_eq!(diag.related, vec!["/timeline/1/week"]);
    // A range is ordered by its start; equal starts are in order.
    let d = with(complete(), "/timeline/1/week", json!("4-8"));
    assert!(only(&check(FORM, &d, &opts()), "SP-007").is_empty());
    // An unreadable week is skipped, not compared.
    let d = with(complete(), "/timeline/1/week", json!("later"));
    assert!(only(&check(FORM, &d, &opts()), "SP-007").is_empty());
}

// ---- SP-008 ----

#[test]
fn sp_008_the_network_reaches_its_target_before_the_meeting() {
    let short = with(complete(), "/network/2", json!({ "relationship": "friend" }));
    // The meeting has passed with two named people of three.
    let r = check(FORM, &short, &opts());
    assert_eq!(only(&r, "SP-008"), vec![("/network".into(), Warning)]);
    let diag = r.diagnostics.iter().find(|d| d.code == "SP-008").unwrap();
    assert_eq!(diag.due.as_deref(), Some("2025-05-20"));
    assert!(diag.message.contains("1 more person"));
    assert_eq!(r.outcome.unwrap()["networkNeeded"], 1);
    // Due soon: the meeting is in three days.
    let soon = with(
        with(short.clone(), "/familyNetworkMeetingOn", json!("2025-06-05")),
        "/dangerStatements/0/networkMeetingOn",
        json!("2025-06-05"),
    );
    let r = check(FORM, &soon, &opts());
    assert_eq!(only(&r, "SP-008"), vec![("/network".into(), Warning)]);
    // A month away: not yet a concern.
    let later = with(soon, "/familyNetworkMeetingOn", json!("2025-07-01"));
    assert!(only(&check(FORM, &later, &opts()), "SP-008").is_empty());
    // Target met: nothing.
    assert!(only(&check(FORM, &complete(), &opts()), "SP-008").is_empty());
}

// ---- SP-009, SP-010 ----

#[test]
fn sp_009_plan_rules_cover_every_part() {
    let d = without(complete(), "/planRules/redFlags");
    let d = with(d, "/planRules/whoDoesWhat", json!([{ "who": "Nan" }]));
    let expected: Vec<(String, Severity)> =
        vec![("/planRules/redFlags".into(), Error), ("/planRules/whoDoesWhat/0/action".into(), Error)];
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-009"), expected);
    let draft: Vec<Severity> = only(&check(FORM, &d, &opts()), "SP-009").into_iter().map(|(_, s)| s).collect();
    assert_eq!(draft, vec![Info, Info]);
    let d = with(complete(), "/planRules/whoDoesWhat", json!([]));
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-009"), vec![("/planRules/whoDoesWhat".into(), Error)]);
    // The meeting that builds them is still to come: not yet.
    let d = with(without(complete(), "/planRules"), "/familyNetworkMeetingOn", json!("2025-06-20"));
    let d = with(d, "/dangerStatements/0/networkMeetingOn", json!("2025-06-20"));
    assert!(only(&check(FORM, &d, &submit()), "SP-009").is_empty());
    assert!(only(&check(FORM, &complete(), &submit()), "SP-009").is_empty());
}

#[test]
fn sp_010_a_child_version_once_the_plan_rules_are_clear() {
    let r = check(FORM, &without(complete(), "/childVersion"), &opts());
    assert_eq!(only(&r, "SP-010"), vec![("/childVersion/createdOn".into(), Warning)]);
    let r = check(FORM, &with(complete(), "/childVersion/sharedWithChild", json!(false)), &opts());
    assert_eq!(only(&r, "SP-010"), vec![("/childVersion/sharedWithChild".into(), Warning)]);
    // Plan rules not clear yet: no child's version expected.
    let d = without(without(complete(), "/childVersion"), "/planRules/worries");
    assert!(only(&check(FORM, &d, &opts()), "SP-010").is_empty());
}

// ---- SP-011, SP-012 ----

#[test]
fn sp_011_the_plan_has_a_review_timescale() {
    let d = without(complete(), "/reviewEvery");
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-011"), vec![("/reviewEvery".into(), Error)]);
    assert_eq!(only(&check(FORM, &d, &opts()), "SP-011"), vec![("/reviewEvery".into(), Info)]);
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!(o["nextReviewDue"], Value::Null);
    assert_eq!(o["reviewStatus"], "not-applicable");
    assert!(o["missing"].as_array().unwrap().contains(&json!("review-timescale")));
}

#[test]
fn sp_012_a_review_overdue_from_the_plan_date_or_the_last_review() {
    // Agreed 1 March 2025, never reviewed, every 6 weeks: due 12 April 2025.
    let d = with(without(complete(), "/reviewMeetings"), "/planDate", json!("2025-03-01"));
    let r = check(FORM, &d, &opts());
    assert_eq!(only(&r, "SP-012"), vec![("/reviewEvery".into(), Warning)]);
    assert_eq!(r.diagnostics.iter().find(|d| d.code == "SP-012").unwrap().due.as_deref(), Some("2025-04-12"));
    assert_eq!(r.outcome.unwrap()["reviewStatus"], "overdue");
    // A meeting that did not review the plan does not count; one that did, does.
    let d = with(d, "/reviewMeetings", json!([{ "on": "2025-05-01", "kind": "core-group", "planReviewed": false }]));
    assert_eq!(only(&check(FORM, &d, &opts()), "SP-012").len(), 1);
    let d = with(d, "/reviewMeetings/0/planReviewed", json!(true));
    let r = check(FORM, &d, &opts());
    assert!(only(&r, "SP-012").is_empty());
    // 1 May + 6 weeks = 12 June, ten days away.
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["nextReviewDue"], "2025-06-12");
    assert_eq!(o["reviewStatus"], "due");
    assert_eq!(check(FORM, &d, &on("2025-06-06")).outcome.unwrap()["reviewStatus"], "due-soon");
    // Due today is not overdue.
    assert!(only(&check(FORM, &d, &on("2025-06-12")), "SP-012").is_empty());
    assert_eq!(only(&check(FORM, &d, &on("2025-06-13")), "SP-012").len(), 1);
}

// ---- SP-013, SP-014 ----

#[test]
fn sp_013_amber_or_red_hsb_needs_the_referral() {
    let hsb = with(complete(), "/topics", json!(["harmful-sexual-behaviour"]));
    for rag in ["amber", "red"] {
        let d = with(with(hsb.clone(), "/hsbRag", json!(rag)), "/hsbReferralMade", json!(false));
        let r = check(FORM, &d, &opts());
        assert_eq!(only(&r, "SP-013"), vec![("/hsbReferralMade".into(), Error)], "{rag}");
        assert!(!r.valid);
    }
    let d = with(with(hsb.clone(), "/hsbRag", json!("green")), "/hsbReferralMade", json!(false));
    assert!(only(&check(FORM, &d, &opts()), "SP-013").is_empty());
    let d = with(with(hsb, "/hsbRag", json!("red")), "/hsbReferralMade", json!("yes"));
    assert!(only(&check(FORM, &d, &opts()), "SP-013").is_empty());
}

#[test]
fn sp_014_an_hsb_plan_is_reviewed_at_every_cin_and_core_group_meeting() {
    let d = with(complete(), "/topics", json!(["harmful-sexual-behaviour"]));
    let d = with(d, "/hsbRag", json!("green"));
    let d = with(
        d,
        "/reviewMeetings",
        json!([
            { "on": "2025-05-15", "kind": "core-group", "planReviewed": false },
            { "on": "2025-05-16", "kind": "cp-conference", "planReviewed": false },
            { "on": "2025-05-29", "kind": "cin-review" },
            { "on": "2025-06-20", "kind": "core-group" },
            { "on": "2025-05-30", "kind": "cin-review", "planReviewed": true }
        ]),
    );
    assert_eq!(
        only(&check(FORM, &d, &opts()), "SP-014"),
        vec![("/reviewMeetings/0/planReviewed".into(), Warning), ("/reviewMeetings/2/planReviewed".into(), Warning)]
    );
    // Without the HSB topic: nothing.
    let d = with(d, "/topics", json!(["neglect"]));
    assert!(only(&check(FORM, &d, &opts()), "SP-014").is_empty());
}

// ---- SP-015 ----

#[test]
fn sp_015_the_eit_is_reviewed_every_three_months() {
    let d = with(complete(), "/topics", json!(["exploitation"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(only(&r, "SP-015"), vec![("/eitReviewedOn".into(), Warning)]);
    // 28 February + 3 months = 28 May: overdue on 2 June.
    let r = check(FORM, &with(d.clone(), "/eitReviewedOn", json!("2025-02-28")), &opts());
    assert_eq!(only(&r, "SP-015"), vec![("/eitReviewedOn".into(), Warning)]);
    assert_eq!(r.diagnostics.iter().find(|d| d.code == "SP-015").unwrap().due.as_deref(), Some("2025-05-28"));
    assert_eq!(r.outcome.unwrap()["eitReviewDue"], "2025-05-28");
    // 2 March + 3 months = 2 June, today: not overdue.
    assert!(only(&check(FORM, &with(d.clone(), "/eitReviewedOn", json!("2025-03-02")), &opts()), "SP-015").is_empty());
    // Month ends: 30 November + 3 months is the end of February, 29 February in a leap year.
    let o = serde_json::Value::from(
        check(FORM, &with(d.clone(), "/eitReviewedOn", json!("2024-11-30")), &on("2025-01-01")).outcome.unwrap(),
    );
    assert_eq!(o["eitReviewDue"], "2025-02-28");
    let o = serde_json::Value::from(
        check(FORM, &with(d.clone(), "/eitReviewedOn", json!("2023-11-30")), &on("2024-01-01")).outcome.unwrap(),
    );
    assert_eq!(o["eitReviewDue"], "2024-02-29");
    // Exploitation not a topic: no EIT expected.
    assert!(only(&check(FORM, &complete(), &opts()), "SP-015").is_empty());
}

// ---- SP-016, SP-017 ----

#[test]
fn sp_016_dash_is_repeated_after_every_incident() {
    // One DASH after both incidents: the first incident had none before the second.
    let d = with(complete(), "/incidents", json!(["2025-05-01", "2025-04-10"]));
    let d = with(d, "/dashAssessments", json!([{ "on": "2025-05-02" }]));
    assert_eq!(only(&check(FORM, &d, &opts()), "SP-016"), vec![("/incidents/1".into(), Warning)]);
    // One after each (the same day counts); two incidents the same day are one.
    let d = with(d, "/dashAssessments", json!([{ "on": "2025-04-10" }, { "on": "2025-05-01" }]));
    let d = with(d, "/incidents", json!(["2025-04-10", "2025-05-01", "2025-05-01"]));
    assert!(only(&check(FORM, &d, &opts()), "SP-016").is_empty());
    // No DASH at all after the latest.
    let d = with(d, "/incidents", json!(["2025-04-10", "2025-05-01", "2025-05-20"]));
    assert_eq!(only(&check(FORM, &d, &opts()), "SP-016"), vec![("/incidents/2".into(), Warning)]);
    assert!(only(&check(FORM, &complete(), &opts()), "SP-016").is_empty());
}

#[test]
fn sp_017_the_teen_dash_for_a_young_person() {
    let d = with(complete(), "/dashAssessments/0", json!({ "on": "2025-04-11", "teen": false, "youngPerson": true }));
    assert_eq!(only(&check(FORM, &d, &opts()), "SP-017"), vec![("/dashAssessments/0/teen".into(), Warning)]);
    let d = with(d, "/dashAssessments/0/teen", json!(true));
    assert!(only(&check(FORM, &d, &opts()), "SP-017").is_empty());
    assert!(only(&check(FORM, &complete(), &opts()), "SP-017").is_empty());
}

// ---- SP-018 ----

#[test]
fn sp_018_specialist_work_needs_service_manager_approval() {
    let d = with(
        complete(),
        "/serviceManagerApprovals",
        json!([{ "kind": "hair-strand-test" }, { "kind": "external-assessment", "on": "2025-05-01" }]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(only(&r, "SP-018"), vec![("/serviceManagerApprovals/0/on".into(), Warning)]);
    assert!(r.diagnostics.iter().any(|d| d.code == "SP-018" && d.message.starts_with("A hair strand test")));
    assert!(only(&check(FORM, &complete(), &opts()), "SP-018").is_empty());
}

// ---- SP-019 ----

#[test]
fn sp_019_one_family_network_meeting_per_harm() {
    let d = with(
        complete(),
        "/dangerStatements",
        json!([
            { "statement": "A", "safetyGoal": "A", "safetyScale": 3, "networkMeetingOn": "2025-05-20" },
            { "statement": "B", "safetyGoal": "B", "safetyScale": 3 },
            { "statement": "C", "safetyGoal": "C", "safetyScale": 3, "networkMeetingOn": "2025-05-20" },
            { "statement": "D", "safetyGoal": "D", "safetyScale": 3, "networkMeetingOn": "2025-06-10" }
        ]),
    );
    assert_eq!(
        only(&check(FORM, &d, &opts()), "SP-019"),
        vec![
            ("/dangerStatements/1/networkMeetingOn".into(), Warning),
            ("/dangerStatements/2/networkMeetingOn".into(), Warning)
        ]
    );
    // Before the first family network meeting: nothing yet.
    let d = with(d, "/familyNetworkMeetingOn", json!("2025-06-10"));
    assert!(only(&check(FORM, &d, &opts()), "SP-019").is_empty());
    assert!(only(&check(FORM, &complete(), &opts()), "SP-019").is_empty());
}

// ---- SP-020 ----

#[test]
fn sp_020_words_and_pictures_at_submit() {
    let d = without(complete(), "/wordsAndPicturesOn");
    assert_eq!(only(&check(FORM, &d, &submit()), "SP-020"), vec![("/wordsAndPicturesOn".into(), Warning)]);
    assert!(only(&check(FORM, &d, &opts()), "SP-020").is_empty());
    assert!(check(FORM, &d, &submit()).valid, "a warning does not make the plan invalid");
}

// ---- SP-021 ----

#[test]
fn sp_021_template_placeholders_are_errors_named_by_field_never_quoted() {
    let d = with(complete(), "/timeline/0/task/who", json!("(PARENT/CARER'S NAMES)"));
    let d = with(d, "/bottomLines", json!(["No violence", "Keep the children (SAFE/WELL)"]));
    let d = with(d, "/planRules/whoDoesWhat/0/who", json!("(PRACTITIONER NAME) and Nan"));
    let d = with(d, "/handover/networkLead", json!("(FAMILY NETWORK LEAD)"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        only(&r, "SP-021"),
        vec![
            ("/bottomLines/1".into(), Error),
            ("/timeline/0/task/who".into(), Error),
            ("/planRules/whoDoesWhat/0/who".into(), Error),
            ("/handover/networkLead".into(), Error),
        ]
    );
    assert!(!r.valid);
    for diag in r.diagnostics.iter().filter(|d| d.code == "SP-021") {
        for typed in ["PARENT", "CARER", "SAFE", "PRACTITIONER", "LEAD", "NAMES"] {
            assert!(!diag.message.contains(typed), "{}", diag.message);
        }
    }
    let who = r.diagnostics.iter().find(|d| d.path == "/timeline/0/task/who").unwrap();
    assert!(who.message.starts_with("Who will do the task still has a placeholder"), "{}", who.message);
    // Acronyms and ordinary brackets are not placeholders.
    let d =
        with(complete(), "/bottomLines/0", json!("Referral under the National referral mechanism (NRM) (if needed)"));
    assert!(only(&check(FORM, &d, &opts()), "SP-021").is_empty());
}

// ---- SP-022 ----

#[test]
fn sp_022_dates_of_things_done_are_not_in_the_future() {
    let d = with(complete(), "/planDate", json!("2025-06-03"));
    let d = with(d, "/incidents", json!(["2025-06-10"]));
    let d = with(d, "/dashAssessments", json!([{ "on": "2025-06-11" }]));
    let d = with(
        d,
        "/reviewMeetings",
        json!([{ "on": "2025-06-20", "kind": "cin-review", "planReviewed": true }, { "on": "2025-06-21", "kind": "core-group" }]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(
        only(&r, "SP-022"),
        vec![
            ("/planDate".into(), Error),
            ("/reviewMeetings/0/on".into(), Error),
            ("/incidents/0".into(), Error),
            ("/dashAssessments/0/on".into(), Error),
        ]
    );
    // Today is not the future; a planned meeting that has not reviewed the plan may be ahead.
    let d = with(complete(), "/planDate", json!(TODAY));
    assert!(only(&check(FORM, &d, &opts()), "SP-022").is_empty());
}

// ---- Outcome ----

#[test]
fn outcome_of_an_empty_plan() {
    let o = serde_json::Value::from(check(FORM, &json!({}), &opts()).outcome.unwrap());
    assert_eq!(o["completeness"], 0.0);
    assert_eq!(
        o["missing"],
        json!([
            "danger-statements",
            "bottom-lines",
            "timeline",
            "network",
            "plan-rules",
            "child-version",
            "words-and-pictures",
            "review-timescale"
        ])
    );
    assert_eq!(o["networkCount"], 0);
    assert_eq!(o["networkTarget"], Value::Null);
    assert_eq!(o["networkNeeded"], Value::Null);
    assert_eq!(o["tasksTotal"], 0);
}

#[test]
fn outcome_of_a_half_written_plan() {
    // Network short by two, plan rules, child's version and Words and Pictures missing: 4 of 8 parts done.
    let d = without(without(without(complete(), "/planRules"), "/childVersion"), "/wordsAndPicturesOn");
    let d = with(d, "/networkTarget", json!(5));
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!(o["completeness"], 0.5);
    assert_eq!(o["missing"], json!(["network", "plan-rules", "child-version", "words-and-pictures"]));
    assert_eq!(o["networkNeeded"], 2);
}

#[test]
fn outcome_next_review_counts_weeks_across_a_year_end_and_a_leap_day() {
    let d = with(without(complete(), "/reviewMeetings"), "/planDate", json!("2023-12-28"));
    let d = with(d, "/reviewEvery", json!(9));
    // 28 December 2023 + 63 days = 29 February 2024.
    assert_eq!(check(FORM, &d, &on("2024-01-10")).outcome.unwrap()["nextReviewDue"], "2024-02-29");
}
