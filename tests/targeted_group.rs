//! Targeted group support plan and attendance (forms.md §9): every rule failing and passing, the Incredible Years
//! timescales and the outcome.

mod common;

use common::*;
use safeguarding_forms::Options;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "targeted-group";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn weekly_sessions(dates: &[&str], attended: bool) -> Value {
    Value::Array(
        dates.iter().map(|d| json!({ "date": d, "hours": 2, "activity": "group", "attended": attended })).collect(),
    )
}

/// An Incredible Years course that started on Monday 7 April 2025, on track on Monday 2 June 2025 (week 9).
fn incredible_years() -> Value {
    json!({
        "programme": "incredible-years",
        "consent": true,
        "caseStatus": "attending",
        "supportNeed": "parenting",
        "identifiedSupportArea": "parenting-skills",
        "whatNeedsToBeAchieved": "Positive routines",
        "howAndByWhom": "Group facilitators, weekly",
        "expectedOutcomes": "Calmer mornings",
        "dateGoalSet": "2025-03-01",
        "goalTargetDate": "2025-04-07",
        "dateGoalCompleted": "2025-06-29",
        "courseStartOn": "2025-04-07",
        "venueAndCrecheSecuredOn": "2025-02-20",
        "preMeasuresOn": "2025-04-01",
        "booksGivenOn": "2025-05-01",
        "peerSupportOn": "2025-05-20",
        "qaOn": "2025-05-28",
        "weeklyCalls": ["2025-04-08", "2025-04-15", "2025-04-22", "2025-04-29", "2025-05-06", "2025-05-13", "2025-05-20", "2025-05-27"],
        "leadCheckIns": ["2025-04-10", "2025-05-15"],
        "sessions": weekly_sessions(&["2025-04-07", "2025-04-14", "2025-04-21", "2025-04-28", "2025-05-05", "2025-05-12", "2025-05-19", "2025-05-26", "2025-06-02"], true)
    })
}

/// A domestic abuse group (Freedom) on the waiting list.
fn freedom() -> Value {
    json!({ "programme": "freedom", "consent": true, "caseStatus": "waiting" })
}

/// Adds a session at the end of the list.
fn add_session(mut data: Value, session: Value) -> Value {
    data["sessions"].as_array_mut().unwrap().push(session);
    data
}

fn iy_findings(r: &safeguarding_forms::Report) -> Vec<(String, String, Option<String>)> {
    r.diagnostics
        .iter()
        .filter(|d| d.code.as_str() >= "TGP-010" && d.code.as_str() <= "TGP-017")
        .map(|d| (d.code.clone(), d.path.clone(), d.due.clone()))
        .collect()
}

#[test]
fn an_incredible_years_course_on_track_is_clean() {
    let r = check(FORM, &incredible_years(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["sessionsRecorded"], 9);
    assert_eq!(o["sessionsAttended"], 9);
    assert_eq!(o["removeFromWaitingList"], false);
    assert_eq!(o["courseFinished"], false);
    assert_eq!(
        o["incredibleYears"],
        json!({
            "courseStart": "2025-04-07",
            "steps": [
                { "step": "venue-and-creche", "due": "2025-02-24", "status": "met" },
                { "step": "pre-measures", "due": "2025-04-06", "status": "met" },
                { "step": "books", "due": "2025-05-04", "status": "met" },
                { "step": "peer-support", "due": "2025-06-01", "status": "met" },
                { "step": "qa", "due": "2025-06-08", "status": "met" },
                { "step": "post-measures", "due": "2025-06-29", "status": "due" },
                { "step": "weekly-calls", "due": "2025-06-08", "status": "due" },
                { "step": "lead-check-ins", "due": "2025-06-29", "status": "due" }
            ]
        })
    );
}

#[test]
fn outcome_for_a_domestic_abuse_group_has_no_incredible_years_steps() {
    let o = serde_json::Value::from(check(FORM, &freedom(), &opts()).outcome.unwrap());
    assert_eq!(
        o,
        json!({ "sessionsRecorded": 0, "sessionsAttended": 0, "removeFromWaitingList": false, "courseFinished": false, "incredibleYears": null })
    );
}

#[test]
fn tgp_001_programme_and_consent_then_the_support_plan_once_the_course_commences() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "TGP-001"), vec![("/programme".into(), Info), ("/consent".into(), Info)]);
    // Waiting: the support plan is not needed yet.
    assert!(found(&check(FORM, &freedom(), &submit()), "TGP-001").is_empty());
    // Attending: it is.
    let r = check(FORM, &with(freedom(), "/caseStatus", json!("attending")), &submit());
    let paths: Vec<String> = found(&r, "TGP-001").into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "/supportNeed",
            "/identifiedSupportArea",
            "/whatNeedsToBeAchieved",
            "/howAndByWhom",
            "/expectedOutcomes",
            "/dateGoalSet",
            "/goalTargetDate"
        ]
    );
    // Each session needs its date and length.
    let d = with(incredible_years(), "/sessions", json!([{ "attended": true }]));
    assert_eq!(
        found(&check(FORM, &d, &submit()), "TGP-001"),
        vec![("/sessions/0/date".into(), Error), ("/sessions/0/hours".into(), Error)]
    );
}

#[test]
fn tgp_002_consent_given() {
    let r = check(FORM, &with(freedom(), "/consent", json!(false)), &opts());
    assert_eq!(found(&r, "TGP-002"), vec![("/consent".into(), Error)]);
    assert!(!check(FORM, &freedom(), &opts()).has("TGP-002"));
}

#[test]
fn tgp_003_goal_dates_in_order() {
    let d = with(incredible_years(), "/goalTargetDate", json!("2025-02-28"));
    let d = with(d, "/courseStartOn", json!("2025-04-07"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-003"), vec![("/goalTargetDate".into(), Error)]);
    let d = with(incredible_years(), "/dateGoalCompleted", json!("2025-04-06"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-003"), vec![("/dateGoalCompleted".into(), Error)]);
    // The same day is fine.
    let d = with(incredible_years(), "/dateGoalSet", json!("2025-04-07"));
    assert!(!check(FORM, &d, &opts()).has("TGP-003"));
}

#[test]
fn tgp_004_at_most_12_sessions() {
    let dates: Vec<String> = (0..13).map(|i| format!("2025-01-{:02}", i + 1)).collect();
    let refs: Vec<&str> = dates.iter().map(String::as_str).collect();
    let d = with(freedom(), "/sessions", weekly_sessions(&refs, true));
    let d = with(d, "/caseStatus", json!("waiting"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-004"), vec![("/sessions".into(), Error)]);
    let d = with(d, "/sessions", weekly_sessions(&refs[..12], true));
    assert!(!check(FORM, &d, &opts()).has("TGP-004"));
}

#[test]
fn tgp_005_session_length_more_than_zero() {
    let d = with(incredible_years(), "/sessions/2/hours", json!(0));
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-005"), vec![("/sessions/2/hours".into(), Error)]);
    let d = with(incredible_years(), "/sessions/2/hours", json!(0.5));
    assert!(!check(FORM, &d, &opts()).has("TGP-005"));
}

#[test]
fn tgp_006_no_attendance_at_the_first_three_sessions_of_a_domestic_abuse_group() {
    // Listed out of order: the first three by date are 5, 12 and 19 May, none attended.
    let sessions = json!([
        { "date": "2025-05-19", "hours": 2, "attended": false },
        { "date": "2025-05-05", "hours": 2, "attended": false },
        { "date": "2025-05-26", "hours": 2, "attended": true },
        { "date": "2025-05-12", "hours": 2, "attended": false }
    ]);
    let d = with(freedom(), "/sessions", sessions.clone());
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "TGP-006"), vec![("/sessions".into(), Warning)]);
    let diag = r.with_code("TGP-006").next().unwrap();
    assert!(diag.message.contains("remove them from the waiting list"));
    assert_eq!(diag.related, vec!["/sessions/1/attended", "/sessions/3/attended", "/sessions/0/attended"]);
    assert_eq!(r.outcome.unwrap()["removeFromWaitingList"], true);
    // Attended one of the first three: stays.
    let d = with(d, "/sessions/0/attended", json!(true));
    assert!(!check(FORM, &d, &opts()).has("TGP-006"));
    // Only two sessions so far: too early to say.
    let d = with(freedom(), "/sessions", weekly_sessions(&["2025-05-05", "2025-05-12"], false));
    assert!(!check(FORM, &d, &opts()).has("TGP-006"));
    // Incredible Years is not a domestic abuse group.
    let d = with(with(freedom(), "/sessions", sessions), "/programme", json!("incredible-years"));
    assert!(!check(FORM, &d, &opts()).has("TGP-006"));
}

#[test]
fn tgp_007_outcome_recorded_once_the_course_has_finished() {
    let d = with(incredible_years(), "/dateGoalCompleted", json!("2025-06-02"));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "TGP-007"), vec![("/outcomeAchieved".into(), Error), ("/actualOutcome".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["courseFinished"], true);
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-007")[0].1, Info);
    let d = with(with(d, "/outcomeAchieved", json!("2025-06-02")), "/actualOutcome", json!("achieved"));
    assert!(!check(FORM, &d, &submit()).has("TGP-007"));
    // Ended status counts as finished.
    let d = with(freedom(), "/caseStatus", json!("ended"));
    assert!(check(FORM, &d, &submit()).has("TGP-007"));
}

#[test]
fn tgp_008_episode_not_closed_while_a_practitioner_works_with_the_child() {
    let d = with(with(freedom(), "/episodeClosedOn", json!("2025-05-30")), "/practitionerStillWorking", json!(true));
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-008"), vec![("/episodeClosedOn".into(), Error)]);
    let d = with(d, "/practitionerStillWorking", json!(false));
    assert!(!check(FORM, &d, &opts()).has("TGP-008"));
}

#[test]
fn tgp_009_attendance_recorded_for_each_past_session() {
    let d = with(incredible_years(), "/sessions/8", json!({ "date": "2025-06-02", "hours": 2 }));
    let d = add_session(d, json!({ "date": "2025-06-09", "hours": 2 }));
    let r = check(FORM, &d, &submit());
    // Today's session needs it; next week's does not yet.
    assert_eq!(found(&r, "TGP-009"), vec![("/sessions/8/attended".into(), Error)]);
    assert_eq!(found(&check(FORM, &d, &opts()), "TGP-009"), vec![("/sessions/8/attended".into(), Info)]);
}

#[test]
fn tgp_010_venue_and_creche_six_weeks_before() {
    let d = with(incredible_years(), "/venueAndCrecheSecuredOn", json!("2025-02-25"));
    let r = check(FORM, &d, &opts());
    assert_eq!(iy_findings(&r), vec![("TGP-010".into(), "/venueAndCrecheSecuredOn".into(), Some("2025-02-24".into()))]);
    assert_eq!(r.with_code("TGP-010").next().unwrap().severity, Warning);
    // Across 29 February: a course starting 29 March 2024 needs them by 16 February 2024.
    let d = json!({ "programme": "incredible-years", "consent": true, "courseStartOn": "2024-03-29" });
    let r = check(FORM, &d, &on("2024-02-17"));
    assert_eq!(iy_findings(&r)[0], ("TGP-010".into(), "/venueAndCrecheSecuredOn".into(), Some("2024-02-16".into())));
    assert!(r.with_code("TGP-010").next().unwrap().message.contains("overdue"));
    // Due within a week: a warning that it is due soon.
    let r = check(FORM, &d, &on("2024-02-09"));
    assert!(r.with_code("TGP-010").next().unwrap().message.contains("due soon"));
    // More than a week ahead: nothing yet.
    assert!(!check(FORM, &d, &on("2024-02-08")).has("TGP-010"));
}

#[test]
fn tgp_011_pre_measures_before_the_start() {
    let d = with(incredible_years(), "/preMeasuresOn", json!("2025-04-07"));
    assert_eq!(
        iy_findings(&check(FORM, &d, &opts())),
        vec![("TGP-011".into(), "/preMeasuresOn".into(), Some("2025-04-06".into()))]
    );
    let d = with(incredible_years(), "/preMeasuresOn", json!("2025-04-06"));
    assert!(!check(FORM, &d, &opts()).has("TGP-011"));
}

#[test]
fn tgp_012_books_at_week_4() {
    // Week 4 of a course starting 7 April is 28 April to 4 May.
    for (given, fires) in [("2025-04-27", true), ("2025-04-28", false), ("2025-05-04", false), ("2025-05-05", true)] {
        let d = with(incredible_years(), "/booksGivenOn", json!(given));
        let r = check(FORM, &d, &opts());
        assert_eq!(r.has("TGP-012"), fires, "{given}");
    }
    let d = without(incredible_years(), "/booksGivenOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(iy_findings(&r), vec![("TGP-012".into(), "/booksGivenOn".into(), Some("2025-05-04".into()))]);
    // The goal complete target date stands in for the start when the course start is blank.
    let d = without(without(incredible_years(), "/courseStartOn"), "/booksGivenOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(r.with_code("TGP-012").next().unwrap().related, vec!["/goalTargetDate"]);
}

#[test]
fn tgp_013_peer_support_in_weeks_6_to_8() {
    // Weeks 6 to 8: 12 May to 1 June.
    for (on_day, fires) in [("2025-05-11", true), ("2025-05-12", false), ("2025-06-01", false), ("2025-06-02", true)] {
        let d = with(incredible_years(), "/peerSupportOn", json!(on_day));
        assert_eq!(check(FORM, &d, &opts()).has("TGP-013"), fires, "{on_day}");
    }
    let r = check(FORM, &without(incredible_years(), "/peerSupportOn"), &opts());
    assert_eq!(iy_findings(&r), vec![("TGP-013".into(), "/peerSupportOn".into(), Some("2025-06-01".into()))]);
}

#[test]
fn tgp_014_qa_in_weeks_8_to_9() {
    // Weeks 8 to 9: 26 May to 8 June; on 2 June it is due soon.
    let r = check(FORM, &without(incredible_years(), "/qaOn"), &opts());
    assert_eq!(iy_findings(&r), vec![("TGP-014".into(), "/qaOn".into(), Some("2025-06-08".into()))]);
    let r = check(FORM, &without(incredible_years(), "/qaOn"), &on("2025-05-31"));
    assert!(!r.has("TGP-014"));
    let d = with(incredible_years(), "/qaOn", json!("2025-05-25"));
    assert!(check(FORM, &d, &opts()).has("TGP-014"));
}

#[test]
fn tgp_015_post_measures_at_week_12() {
    // Week 12: 23 to 29 June.
    let d = json!({ "programme": "incredible-years", "consent": true, "courseStartOn": "2025-04-07" });
    let r = check(FORM, &d, &on("2025-06-30"));
    let post: Vec<_> = iy_findings(&r).into_iter().filter(|f| f.0 == "TGP-015").collect();
    assert_eq!(post, vec![("TGP-015".into(), "/postMeasuresOn".into(), Some("2025-06-29".into()))]);
    let d = with(d, "/postMeasuresOn", json!("2025-06-27"));
    assert!(!check(FORM, &d, &on("2025-06-30")).has("TGP-015"));
    let d = with(d, "/postMeasuresOn", json!("2025-06-20"));
    assert!(check(FORM, &d, &on("2025-06-30")).has("TGP-015"));
}

#[test]
fn tgp_016_a_call_every_week() {
    // Week 3 (21 to 27 April) has no call.
    let d = with(incredible_years(), "/weeklyCalls", json!(["2025-04-08", "2025-04-15", "2025-04-29", "2025-05-06"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(iy_findings(&r), vec![("TGP-016".into(), "/weeklyCalls".into(), Some("2025-04-27".into()))]);
    // The current week (9) is not yet missed.
    let d = with(
        incredible_years(),
        "/weeklyCalls",
        json!([
            "2025-04-08",
            "2025-04-15",
            "2025-04-22",
            "2025-04-29",
            "2025-05-06",
            "2025-05-13",
            "2025-05-20",
            "2025-05-27"
        ]),
    );
    assert!(!check(FORM, &d, &opts()).has("TGP-016"));
}

#[test]
fn tgp_017_leads_check_in_three_times() {
    // The course ends 29 June; two check-ins on 23 June: due soon; on 30 June: overdue.
    let r = check(FORM, &incredible_years(), &on("2025-06-23"));
    let lead: Vec<_> = iy_findings(&r).into_iter().filter(|f| f.0 == "TGP-017").collect();
    assert_eq!(lead, vec![("TGP-017".into(), "/leadCheckIns".into(), Some("2025-06-29".into()))]);
    let d = with(incredible_years(), "/leadCheckIns", json!(["2025-04-10", "2025-05-15", "2025-06-02"]));
    assert!(!check(FORM, &d, &on("2025-06-30")).has("TGP-017"));
    // A check-in before the course does not count.
    let d = with(incredible_years(), "/leadCheckIns", json!(["2025-03-10", "2025-05-15", "2025-06-02"]));
    assert!(check(FORM, &d, &on("2025-06-30")).has("TGP-017"));
}

#[test]
fn tgp_018_dates_of_things_done_not_after_today() {
    let d = with(incredible_years(), "/qaOn", json!("2025-06-03"));
    let d = with(d, "/weeklyCalls/7", json!("2025-06-05"));
    let d = with(d, "/sessions/8/date", json!("2025-06-09"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "TGP-018"),
        vec![("/sessions/8/date".into(), Error), ("/qaOn".into(), Error), ("/weeklyCalls/7".into(), Error)]
    );
    // A planned session with no attendance yet is fine.
    let d = add_session(incredible_years(), json!({ "date": "2025-06-09", "hours": 2 }));
    assert!(!check(FORM, &d, &opts()).has("TGP-018"));
}

#[test]
fn incredible_years_parameters_are_in_the_catalogue() {
    let rules = safeguarding_forms::rules(Some(FORM), &Options::new()).unwrap();
    let max = rules.iter().find(|r| r.code == "TGP-004").unwrap();
    assert_eq!((max.parameters[0].key.as_str(), max.parameters[0].default), ("targeted-group.maxSessions", 12));
}
