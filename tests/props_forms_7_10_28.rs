//! Property tests of the disengagement, return home interview, targeted group, domestic abuse triage and Family
//! Ambassador forms: any value at any path is a diagnostic, never a panic or an echo of the input; the interview's
//! deadline is 72 elapsed hours after the child was found, whatever the clock does.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use proptest::prelude::*;
use safeguarding_forms::calendar::{add_hours_local, bst_bounds_utc, format_local_datetime, utc_to_local};
use safeguarding_forms::{rules, validate, Options};
use serde_json::{json, Value};

const MARK: &str = "ZQX";

/// Complete records of each form (the tests' fixtures), whose every path the fuzzer replaces.
fn fixtures() -> Vec<(&'static str, Value)> {
    vec![
        (
            "disengagement",
            json!({ "faceToFaceContacts": 2, "discussedInSupervisionOn": "2025-05-20", "risksIdentified": true,
                "reEngagementAttempts": { "jointVisit": true, "creative": false }, "childAtRiskOfHarm": false,
                "referredByFamilyConnect": false, "letterSentOn": "2025-05-21", "letterIncludesDutyDetails": true,
                "referrerNotified": true, "outcome": "closed", "closedOn": "2025-05-30" }),
        ),
        (
            "return-home-interview",
            json!({ "socialWorkerNotified": false,
                "episodes": [{ "reportedMissingAt": "2025-05-27T22:15", "foundAt": "2025-05-28T09:00", "crmNumber": "C" }],
                "earlierEpisodes": ["2025-04-01"], "formStartedAt": "2025-05-28T10:00", "interviewAt": "2025-05-30T15:00",
                "conductedBy": "D", "sections": { "missingAndFound": true, "interview": true, "signatures": true },
                "sentForAuthorisationOn": "2025-05-30", "returnedToCaseWorker": [{ "on": "2025-05-30", "caseNote": "N" }],
                "authorisedBy": "team-leader", "authorisedOn": "2025-05-31", "finalisedOn": "2025-06-02",
                "sharedWithPolice": true, "sentToFamilyConnect": true }),
        ),
        (
            "targeted-group",
            json!({ "programme": "incredible-years", "consent": true, "caseStatus": "attending", "supportNeed": "s",
                "identifiedSupportArea": "a", "whatNeedsToBeAchieved": "w", "howAndByWhom": "h", "expectedOutcomes": "e",
                "dateGoalSet": "2025-03-01", "goalTargetDate": "2025-04-07", "dateGoalCompleted": "2025-06-29",
                "sessions": [{ "date": "2025-04-07", "hours": 2, "activity": "g", "attended": false }],
                "outcomeAchieved": "2025-06-29", "actualOutcome": "o", "practitionerStillWorking": false,
                "episodeClosedOn": "2025-06-30", "courseStartOn": "2025-04-07", "venueAndCrecheSecuredOn": "2025-02-20",
                "preMeasuresOn": "2025-04-01", "booksGivenOn": "2025-05-01", "peerSupportOn": "2025-05-20",
                "qaOn": "2025-05-28", "postMeasuresOn": "2025-06-25", "weeklyCalls": ["2025-04-08"],
                "leadCheckIns": ["2025-04-10"] }),
        ),
        (
            "da-triage",
            json!({ "triageDate": "2025-06-02", "incidents": [{ "date": "2025-05-01", "risk": "medium" }],
                "allocatedWorker": false, "knownToServices": false, "historyOfConcerns": false,
                "barnardosRiskAssessment": true, "decision": "phone-call", "victimAgreesToContact": true,
                "contactAttempts": ["2025-05-27", "2025-05-28", "2025-05-29"], "contactMade": false,
                "letterSentOn": "2025-05-30", "recordedOnCrm": true }),
        ),
        (
            "family-ambassador",
            json!({ "appliedOn": "2025-01-06", "locality": "the-wrekin", "informalDiscussionOn": "2025-01-08",
                "packSentOn": "2025-01-08", "applicationReturnedOn": "2025-01-20", "introductoryVisitOn": "2025-01-27",
                "referencesRequestedOn": "2025-01-27", "referencesReceived": ["2025-02-03"],
                "dbs": { "appliedOn": "2025-01-27", "certificateSeenOn": "2025-02-24" }, "idDocumentsSeen": 3,
                "training": { "onlineOn": "2025-02-10", "faceToFaceOn": "2025-02-17" },
                "signed": { "riskAssessment": true, "policies": true, "volunteerAgreement": true },
                "idBadgeOn": "2025-02-24", "matchedOn": "2025-03-03", "inductionVisitOn": "2025-03-05",
                "weeklyHours": 3, "supervisions": ["2025-04-14"] }),
        ),
    ]
}

/// Every JSON Pointer in `v` (containers and leaves).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

/// What a person or a broken client might put in a field.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (1890i32..2210, 0u32..14, 0u32..33).prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
        (1890i32..2210, 0u32..14, 0u32..33, 0u32..26, 0u32..61)
            .prop_map(|(y, m, d, h, n)| json!(format!("{y:04}-{m:02}-{d:02}T{h:02}:{n:02}"))),
        "[a-z0-9 :T-]{0,12}".prop_map(|s| json!(format!("{MARK}{s}"))),
        prop::sample::select(vec!["yes", "no", "standard", "medium", "closed", "freedom", "", " "])
            .prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn today() -> impl Strategy<Value = NaiveDate> {
    (0i64..300 * 365).prop_map(|k| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + TimeDelta::days(k))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_value_anywhere_is_a_diagnostic_never_a_panic(
        form in 0usize..5, pick in any::<prop::sample::Index>(), replacement in value(), today in today(), submit in any::<bool>()
    ) {
        let (id, base) = fixtures().swap_remove(form);
        let mut paths = Vec::new();
        pointers(&base, String::new(), &mut paths);
        let path = pick.get(&paths).clone();
        let mut data = base;
        *data.pointer_mut(&path).unwrap() = replacement;
        let mut options = Options::new().with_today(today);
        if submit { options = options.submit(); }
        let report = validate(id, &data, &options).unwrap();
        let codes: Vec<String> = rules(Some(id), &Options::new()).unwrap().into_iter().map(|r| r.code).collect();
        for d in &report.diagnostics {
            prop_assert!(!d.message.contains(MARK), "{} echoes the input: {}", d.code, d.message);
            prop_assert!(codes.contains(&d.code), "{} is not in the catalogue of {id}", d.code);
        }
        prop_assert_eq!(report.valid, !report.diagnostics.iter().any(|d| d.severity == safeguarding_forms::Severity::Error));
        prop_assert!(report.outcome.is_some());
    }
}

/// Local times near the clock changes (the last weekends of March and October), a minute apart.
fn near_change() -> impl Strategy<Value = NaiveDateTime> {
    (1997i32..2190, any::<bool>(), -96i64 * 60..96 * 60).prop_map(|(y, spring, mins)| {
        let (start, end) = bst_bounds_utc(y).unwrap();
        utc_to_local((if spring { start } else { end }) + TimeDelta::minutes(mins)).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_interview_is_due_72_elapsed_hours_after_the_child_was_found(found in near_change()) {
        let found_text = format_local_datetime(found);
        let data = json!({ "episodes": [{ "reportedMissingAt": "1990-01-01T00:00", "foundAt": found_text }] });
        let r = validate("return-home-interview", &data, &Options::new().with_today(found.date())).unwrap();
        let due = add_hours_local(found, 72).map(format_local_datetime);
        prop_assert_eq!(r.outcome.unwrap()["interviewDue"].as_str().map(str::to_owned), due.clone());
        // An interview at the deadline's wall-clock time is on time (or, in the repeated October hour, earlier).
        let data = json!({ "episodes": [{ "reportedMissingAt": "1990-01-01T00:00", "foundAt": found_text }],
            "interviewAt": due, "conductedBy": "D" });
        let r = validate("return-home-interview", &data, &Options::new().with_today(found.date())).unwrap();
        let outcome = serde_json::Value::from(r.outcome.unwrap());
        prop_assert_eq!(outcome["status"].as_str(), Some("met"));
    }
}
