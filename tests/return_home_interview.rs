//! Missing episode and return home interview (forms.md §8): every rule failing and passing, the 72 hours across the
//! clock changes of 2025 and 2026, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "return-home-interview";

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

/// One episode, found at `found`; nothing else recorded.
fn found_at(found: &str) -> Value {
    json!({ "episodes": [{ "reportedMissingAt": "2025-03-27T20:00", "foundAt": found, "crmNumber": "CRM-1" }] })
}

/// An episode found 2025-05-28 09:00, interviewed within the 72 hours, authorised, finalised and shared.
fn finalised() -> Value {
    json!({
        "episodes": [{ "reportedMissingAt": "2025-05-27T22:15", "foundAt": "2025-05-28T09:00", "crmNumber": "CRM-7" }],
        "formStartedAt": "2025-05-28T10:00",
        "interviewAt": "2025-05-30T15:00",
        "conductedBy": "Duty practitioner",
        "sections": { "missingAndFound": true, "interview": true, "signatures": true },
        "sentForAuthorisationOn": "2025-05-30",
        "authorisedBy": "team-leader",
        "authorisedOn": "2025-05-31",
        "finalisedOn": "2025-06-02",
        "sharedWithPolice": true,
        "sentToFamilyConnect": true
    })
}

fn due_of(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())["interviewDue"].clone()
}

fn status_of(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())["status"].clone()
}

/// (code, path, severity, due) of the timescale findings.
fn timescale(r: &Report) -> Vec<(String, String, safeguarding_forms::Severity, Option<String>)> {
    r.diagnostics
        .iter()
        .filter(|d| ["RHI-003", "RHI-004", "RHI-005"].contains(&d.code.as_str()))
        .map(|d| (d.code.clone(), d.path.clone(), d.severity, d.due.clone()))
        .collect()
}

#[test]
fn a_finalised_interview_within_72_hours_is_clean() {
    let r = check(FORM, &finalised(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({ "episodesIn90Days": 1, "meetsMissing3In90": false, "interviewDue": "2025-05-31T09:00", "status": "met" })
    );
}

// ---- 72 elapsed hours across the clock changes ----

#[test]
fn spring_2025_72_hours_end_an_hour_later_on_the_clock() {
    // BST starts 01:00 GMT on Sunday 30 March 2025.
    let r = check(FORM, &found_at("2025-03-28T12:00"), &on("2025-03-29"));
    assert_eq!(due_of(&r), "2025-03-31T13:00");
    assert_eq!(status_of(&r), "due");
    // An interview at 12:30 on the Monday is within 72 hours (a wall-clock count would have called it late).
    let d = with(found_at("2025-03-28T12:00"), "/interviewAt", json!("2025-03-31T12:30"));
    let d = with(d, "/conductedBy", json!("Duty practitioner"));
    let r = check(FORM, &d, &on("2025-04-01"));
    assert_eq!(status_of(&r), "met");
    assert!(timescale(&r).is_empty());
    // At 13:00 exactly it is still met; at 13:01 it is late.
    let d = with(d, "/interviewAt", json!("2025-03-31T13:00"));
    assert_eq!(status_of(&check(FORM, &d, &on("2025-04-01"))), "met");
    let d = with(d, "/interviewAt", json!("2025-03-31T13:01"));
    let r = check(FORM, &d, &on("2025-04-01"));
    assert_eq!(status_of(&r), "met-late");
    assert_eq!(
        timescale(&r),
        vec![("RHI-005".into(), "/interviewAt".into(), Warning, Some("2025-03-31T13:00".into()))]
    );
}

#[test]
fn autumn_2025_72_hours_end_an_hour_earlier_on_the_clock() {
    // BST ends 01:00 GMT (02:00 BST) on Sunday 26 October 2025.
    let r = check(FORM, &found_at("2025-10-24T12:00"), &on("2025-10-25"));
    assert_eq!(due_of(&r), "2025-10-27T11:00");
    // An interview at 11:30 on the Monday is late (a wall-clock count would have called it in time).
    let d = with(found_at("2025-10-24T12:00"), "/interviewAt", json!("2025-10-27T11:30"));
    let d = with(d, "/conductedBy", json!("Duty practitioner"));
    let r = check(FORM, &d, &on("2025-10-28"));
    assert_eq!(
        timescale(&r),
        vec![("RHI-005".into(), "/interviewAt".into(), Warning, Some("2025-10-27T11:00".into()))]
    );
    let d = with(d, "/interviewAt", json!("2025-10-27T11:00"));
    assert_eq!(status_of(&check(FORM, &d, &on("2025-10-28"))), "met");
}

#[test]
fn spring_2026_and_autumn_2026() {
    // BST starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
    assert_eq!(due_of(&check(FORM, &found_at("2026-03-27T12:00"), &on("2026-03-27"))), "2026-03-30T13:00");
    assert_eq!(due_of(&check(FORM, &found_at("2026-10-23T12:00"), &on("2026-10-23"))), "2026-10-26T11:00");
    // Found half an hour before the change: 72 hours later is 01:30 BST.
    assert_eq!(due_of(&check(FORM, &found_at("2026-03-29T00:30"), &on("2026-03-29"))), "2026-04-01T01:30");
    // Found on the Thursday before: the deadline is on the Sunday itself, after the change.
    assert_eq!(due_of(&check(FORM, &found_at("2026-10-22T12:00"), &on("2026-10-22"))), "2026-10-25T11:00");
    // Within the same season no shift: 2026-06-01 12:00 + 72 hours.
    assert_eq!(due_of(&check(FORM, &found_at("2026-06-01T12:00"), &on("2026-06-01"))), "2026-06-04T12:00");
}

#[test]
fn found_in_the_skipped_or_repeated_hour() {
    // 01:30 on 30 March 2025 never shows on a UK clock: read as 01:30 GMT (02:30 BST).
    assert_eq!(due_of(&check(FORM, &found_at("2025-03-30T01:30"), &on("2025-03-30"))), "2025-04-02T02:30");
    // 01:30 on 26 October 2025 happens twice: read as the first (BST) one.
    assert_eq!(due_of(&check(FORM, &found_at("2025-10-26T01:30"), &on("2025-10-26"))), "2025-10-29T00:30");
}

#[test]
fn rhi_003_004_overdue_due_soon_and_due_on_the_clock_change_weekend() {
    let data = found_at("2025-03-28T12:00"); // due 2025-03-31T13:00
                                             // The end of Saturday 29 March is 36 hours before the deadline: due.
    assert!(timescale(&check(FORM, &data, &on("2025-03-29"))).is_empty());
    // The end of Sunday 30 March (00:00 BST on the Monday) is 13 hours before: due soon.
    let r = check(FORM, &data, &on("2025-03-30"));
    assert_eq!(status_of(&r), "due-soon");
    assert_eq!(
        timescale(&r),
        vec![("RHI-004".into(), "/interviewAt".into(), Warning, Some("2025-03-31T13:00".into()))]
    );
    // On the Monday the deadline falls within the day: overdue by its end, and said to be due today.
    let r = check(FORM, &data, &on("2025-03-31"));
    assert_eq!(timescale(&r), vec![("RHI-003".into(), "/interviewAt".into(), Error, Some("2025-03-31T13:00".into()))]);
    assert!(r.diagnostics[0].message.contains("due today"), "{}", r.diagnostics[0].message);
    assert!(!r.valid);
    let r = check(FORM, &data, &on("2025-04-01"));
    assert_eq!(status_of(&r), "overdue");
    assert!(r.with_code("RHI-003").next().unwrap().message.contains("overdue"));
}

#[test]
fn rhi_004_due_soon_is_24_hours_to_the_minute() {
    // Due 2025-06-04T00:00: the end of 2 June is exactly 24 hours before.
    let r = check(FORM, &found_at("2025-06-01T00:00"), &on("2025-06-02"));
    assert_eq!(status_of(&r), "due-soon");
    assert!(r.has("RHI-004"));
    // Due 2025-06-04T00:01: 24 hours and 1 minute: not yet due soon.
    let r = check(FORM, &found_at("2025-06-01T00:01"), &on("2025-06-02"));
    assert_eq!(status_of(&r), "due");
    assert!(!r.has("RHI-004"));
}

#[test]
fn each_return_in_one_record_has_its_own_72_hours() {
    // Two episodes: found on 21 May and on 31 May. The earlier return's 72 hours ran out on 24 May, so with no
    // interview recorded the interview is overdue, not merely due soon for the later return.
    let d = json!({ "episodes": [
        { "reportedMissingAt": "2025-05-30T08:00", "foundAt": "2025-05-31T18:00" },
        { "reportedMissingAt": "2025-05-20T08:00", "foundAt": "2025-05-21T10:00" }
    ] });
    let r = check(FORM, &d, &opts());
    assert_eq!(due_of(&r), "2025-05-24T10:00");
    assert_eq!(status_of(&r), "overdue");
    assert!(!r.has("RHI-004"));
    let overdue = r.with_code("RHI-003").next().unwrap();
    assert_eq!(overdue.related, vec!["/episodes/1/foundAt".to_string()]);
    assert!(overdue.message.ends_with("(missing episode 2)"), "{}", overdue.message);
    // An interview within the later return's 72 hours is late for the earlier return: one finding, about it.
    let held = with(d.clone(), "/interviewAt", json!("2025-06-01T10:00"));
    let held = with(held, "/conductedBy", json!("Duty practitioner"));
    let r = check(FORM, &held, &opts());
    assert_eq!(status_of(&r), "met-late");
    let late: Vec<_> = r.with_code("RHI-005").collect();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].related, vec!["/episodes/1/foundAt".to_string()]);
    assert_eq!(late[0].due.as_deref(), Some("2025-05-24T10:00"));
    // Held within the earlier return's 72 hours (and after both returns would be impossible here): met for both
    // when the returns are close together.
    let close = json!({ "episodes": [
        { "reportedMissingAt": "2025-05-30T08:00", "foundAt": "2025-05-31T18:00" },
        { "reportedMissingAt": "2025-05-29T08:00", "foundAt": "2025-05-29T20:00" }
    ], "interviewAt": "2025-06-01T09:00", "conductedBy": "Duty practitioner" });
    let r = check(FORM, &close, &opts());
    assert_eq!(status_of(&r), "met");
    assert!(!r.has("RHI-005") && !r.has("RHI-003"));
}

#[test]
fn rhi_hours_follow_the_profile_parameters_in_the_catalogue() {
    let rules = safeguarding_forms::rules(Some(FORM), &Options::new()).unwrap();
    let overdue = rules.iter().find(|r| r.code == "RHI-003").unwrap();
    assert_eq!(overdue.parameters[0].key, "return-home-interview.hours");
    assert_eq!(overdue.parameters[0].default, 72);
    let soon = rules.iter().find(|r| r.code == "RHI-004").unwrap();
    assert!(soon.parameters.iter().any(|p| p.key == "return-home-interview.dueSoonHours" && p.default == 24));
}

// ---- The other rules ----

#[test]
fn rhi_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "RHI-001"), vec![("/episodes".into(), Info)]);
    let r = check(FORM, &json!({ "episodes": [{}] }), &submit());
    assert_eq!(
        found(&r, "RHI-001"),
        vec![("/episodes/0/reportedMissingAt".into(), Error), ("/episodes/0/foundAt".into(), Error)]
    );
    // Sent for authorisation without the interview; an interview without who conducted it.
    let d = without(without(finalised(), "/interviewAt"), "/conductedBy");
    assert_eq!(found(&check(FORM, &d, &submit()), "RHI-001"), vec![("/interviewAt".into(), Error)]);
    let d = without(finalised(), "/conductedBy");
    assert_eq!(found(&check(FORM, &d, &submit()), "RHI-001"), vec![("/conductedBy".into(), Error)]);
    // A return to the case worker carries a case note; an authorisation says who.
    let d = with(finalised(), "/returnedToCaseWorker", json!([{ "on": "2025-05-31" }]));
    let d = without(d, "/authorisedBy");
    assert_eq!(
        found(&check(FORM, &d, &submit()), "RHI-001"),
        vec![("/returnedToCaseWorker/0/caseNote".into(), Error), ("/authorisedBy".into(), Error)]
    );
    let d = with(finalised(), "/returnedToCaseWorker", json!([{ "on": "2025-05-31", "caseNote": "Add the actions" }]));
    assert!(found(&check(FORM, &d, &submit()), "RHI-001").is_empty());
}

#[test]
fn rhi_002_found_after_reported_missing() {
    let d = with(found_at("2025-03-27T20:00"), "/episodes/0/reportedMissingAt", json!("2025-03-27T20:00"));
    assert_eq!(found(&check(FORM, &d, &opts()), "RHI-002"), vec![("/episodes/0/foundAt".into(), Error)]);
    let d = with(d, "/episodes/0/foundAt", json!("2025-03-27T19:00"));
    assert!(check(FORM, &d, &opts()).has("RHI-002"));
    let d = with(d, "/episodes/0/foundAt", json!("2025-03-27T20:01"));
    assert!(!check(FORM, &d, &opts()).has("RHI-002"));
    // Across the October change, compared as instants: 01:10 after 01:50 the same night is not after.
    let d = json!({ "episodes": [{ "reportedMissingAt": "2025-10-26T01:50", "foundAt": "2025-10-26T01:10" }] });
    assert!(check(FORM, &d, &opts()).has("RHI-002"));
}

#[test]
fn rhi_006_interview_after_the_child_was_found() {
    let d = with(finalised(), "/interviewAt", json!("2025-05-28T08:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "RHI-006"), vec![("/interviewAt".into(), Error)]);
    assert!(!check(FORM, &finalised(), &opts()).has("RHI-006"));
}

#[test]
fn rhi_007_nothing_done_after_today() {
    let d = with(finalised(), "/finalisedOn", json!("2025-06-03"));
    let d = with(d, "/episodes/0/foundAt", json!("2025-06-03T00:00"));
    let d = with(d, "/earlierEpisodes", json!(["2025-07-01"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "RHI-007"),
        vec![
            ("/episodes/0/foundAt".into(), Error),
            ("/earlierEpisodes/0".into(), Error),
            ("/finalisedOn".into(), Error)
        ]
    );
    // Any time today is not in the future (the engine knows only the date).
    let d = with(finalised(), "/finalisedOn", json!(TODAY));
    let d = with(d, "/sharedWithPolice", json!(true));
    let d = with(d, "/episodes/0/foundAt", json!("2025-06-02T23:59"));
    assert!(!check(FORM, &d, &opts()).has("RHI-007"));
}

#[test]
fn rhi_008_009_form_started_promptly_after_found() {
    let d = with(finalised(), "/formStartedAt", json!("2025-05-29T09:01"));
    let r = check(FORM, &d, &opts());
    let started: Vec<_> = r.with_code("RHI-008").map(|d| (d.path.clone(), d.severity, d.due.clone())).collect();
    assert_eq!(started, vec![("/formStartedAt".into(), Warning, Some("2025-05-29T09:00".into()))]);
    let d = with(finalised(), "/formStartedAt", json!("2025-05-29T09:00"));
    assert!(!check(FORM, &d, &opts()).has("RHI-008"));
    let d = with(finalised(), "/formStartedAt", json!("2025-05-28T08:59"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "RHI-009"), vec![("/formStartedAt".into(), Error)]);
    assert!(!r.has("RHI-008"));
}

#[test]
fn rhi_010_every_section_complete_before_authorisation() {
    let d = with(finalised(), "/sections", json!({ "missingAndFound": true, "interview": false }));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "RHI-010"),
        vec![("/sections/interview".into(), Error), ("/sections/signatures".into(), Error)]
    );
    // Not sent yet: incomplete sections are fine.
    let d = without(
        without(without(without(d, "/sentForAuthorisationOn"), "/authorisedOn"), "/finalisedOn"),
        "/authorisedBy",
    );
    assert!(!check(FORM, &d, &opts()).has("RHI-010"));
}

#[test]
fn rhi_011_finalised_only_after_authorisation() {
    let d = without(finalised(), "/authorisedOn");
    assert_eq!(found(&check(FORM, &d, &opts()), "RHI-011"), vec![("/finalisedOn".into(), Error)]);
    assert!(!check(FORM, &finalised(), &opts()).has("RHI-011"));
}

#[test]
fn rhi_012_steps_in_order() {
    let d = with(finalised(), "/authorisedOn", json!("2025-05-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "RHI-012"), vec![("/authorisedOn".into(), Error)]);
    let d = with(finalised(), "/sentForAuthorisationOn", json!("2025-05-29"));
    assert_eq!(found(&check(FORM, &d, &opts()), "RHI-012"), vec![("/sentForAuthorisationOn".into(), Error)]);
    let d = with(finalised(), "/returnedToCaseWorker", json!([{ "on": "2025-05-29", "caseNote": "Actions" }]));
    assert_eq!(found(&check(FORM, &d, &opts()), "RHI-012"), vec![("/returnedToCaseWorker/0/on".into(), Error)]);
}

#[test]
fn rhi_013_finalised_form_goes_to_the_police_and_family_connect() {
    let d = with(without(finalised(), "/sentToFamilyConnect"), "/sharedWithPolice", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "RHI-013"),
        vec![("/sharedWithPolice".into(), Warning), ("/sentToFamilyConnect".into(), Warning)]
    );
    assert!(!check(FORM, &finalised(), &opts()).has("RHI-013"));
}

#[test]
fn rhi_014_social_worker_notified_means_no_timescale_here() {
    let d = with(found_at("2025-03-28T12:00"), "/socialWorkerNotified", json!(true));
    let r = check(FORM, &d, &on("2025-04-10"));
    assert_eq!(found(&r, "RHI-014"), vec![("/socialWorkerNotified".into(), Info)]);
    assert!(!r.has("RHI-003"));
    assert_eq!(status_of(&r), "not-applicable");
    assert_eq!(due_of(&r), Value::Null);
    assert!(!check(FORM, &found_at("2025-03-28T12:00"), &on("2025-04-10")).has("RHI-014"));
}

#[test]
fn rhi_015_three_episodes_in_the_90_days_up_to_today() {
    // 2 June 2025: the 90 days start on 5 March.
    let d = with(finalised(), "/earlierEpisodes", json!(["2025-03-05", "2025-04-10"]));
    let d = without(d, "/interviewAt");
    let d = without(
        without(without(without(d, "/sentForAuthorisationOn"), "/authorisedOn"), "/finalisedOn"),
        "/conductedBy",
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "RHI-015"), vec![("/episodes".into(), Info)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["episodesIn90Days"], 3);
    assert_eq!(o["meetsMissing3In90"], true);
    // 4 March is the 91st day back: out.
    let d = with(d, "/earlierEpisodes/0", json!("2025-03-04"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("RHI-015"));
    assert_eq!(r.outcome.unwrap()["episodesIn90Days"], 2);
}

#[test]
fn rhi_015_counts_up_to_the_interview_when_one_is_recorded_and_across_29_february() {
    let d = json!({
        "episodes": [{ "reportedMissingAt": "2024-05-28T23:00", "foundAt": "2024-05-29T01:00" }],
        "earlierEpisodes": ["2024-03-01", "2024-02-29", "2024-04-15"],
        "interviewAt": "2024-05-29T10:00",
        "conductedBy": "Duty practitioner"
    });
    // Interview on 29 May 2024: the 90 days start on 1 March (29 February is the 90th day back).
    let r = check(FORM, &d, &opts());
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["episodesIn90Days"], 3);
    assert!(r.has("RHI-015"));
    let d = with(d, "/interviewAt", json!("2024-05-30T10:00"));
    assert_eq!(check(FORM, &d, &opts()).outcome.unwrap()["episodesIn90Days"], 2);
}

#[test]
fn inp_016_a_malformed_date_time_is_reported_at_its_field() {
    for bad in ["2025-03-28 12:00", "2025-02-30T12:00", "2025-03-28T24:00", "28/03/2025 12:00"] {
        let d = with(found_at("2025-03-28T12:00"), "/episodes/0/foundAt", json!(bad));
        let r = check(FORM, &d, &opts());
        assert_eq!(found(&r, "INP-016"), vec![("/episodes/0/foundAt".into(), Error)], "{bad}");
        assert!(!r.diagnostics.iter().any(|d| d.message.contains(bad)));
        // Nothing else is worked out from it.
        assert_eq!(r.outcome.unwrap()["interviewDue"], Value::Null);
    }
}

#[test]
fn rhi_016_the_form_is_reassigned_to_the_team_leader_within_the_72_hours() {
    // Found 24 October 12:00 (BST): the 72 hours run out on 27 October 11:00 (GMT, after the clocks go back).
    let held = json!({
        "episodes": [{ "reportedMissingAt": "2025-10-24T08:00", "foundAt": "2025-10-24T12:00" }],
        "interviewAt": "2025-10-25T11:30",
        "conductedBy": "Duty practitioner",
        "sections": { "missingAndFound": true, "interview": true, "signatures": true }
    });
    let on = |t: &str| Options::new().today(t).unwrap();
    // Sent on the last day: in time.
    let d = with(held.clone(), "/sentForAuthorisationOn", json!("2025-10-27"));
    assert!(!check(FORM, &d, &on("2025-10-30")).has("RHI-016"));
    // Sent the day after: late.
    let d = with(held.clone(), "/sentForAuthorisationOn", json!("2025-10-28"));
    let r = check(FORM, &d, &on("2025-10-30"));
    assert_eq!(found(&r, "RHI-016"), vec![("/sentForAuthorisationOn".into(), Warning)]);
    assert_eq!(r.with_code("RHI-016").next().unwrap().due.as_deref(), Some("2025-10-27"));
    // Not sent: nothing while the last day lasts, a warning once it has passed.
    assert!(!check(FORM, &held, &on("2025-10-27")).has("RHI-016"));
    assert!(check(FORM, &held, &on("2025-10-28")).has("RHI-016"));
    // When the social worker processes the episode, it is not Strengthening Families' timescale.
    let d = with(held, "/socialWorkerNotified", json!(true));
    assert!(!check(FORM, &d, &on("2025-10-28")).has("RHI-016"));
}
