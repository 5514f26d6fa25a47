//! The record of (personal) supervision (forms.md §17): every rule firing and not firing, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Options;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "supervision-record";

/// A complete record of a session on 28 May 2025, the next one four weeks later.
fn complete() -> Value {
    json!({
        "supervisee": "A Practitioner",
        "supervisor": "A Senior",
        "date": "2025-05-28",
        "nextAt": "2025-06-25T10:00",
        "items": {
            "agenda": { "discussed": true, "decisions": "Agenda set jointly", "byWhom": "Both", "timescale": "2025-05-28" },
            "training": { "discussed": true, "decisions": "Book the domestic abuse course", "byWhom": "Practitioner", "timescale": "2025-07-01" },
            "rolesAndResponsibilities": { "discussed": false },
            "healthAndSafety": { "discussed": true },
            "holidaysToilFlexi": { "discussed": true, "decisions": "Leave in August agreed", "byWhom": "Senior", "timescale": "2025-06-06" },
            "caseloadDecisions": { "discussed": true, "decisions": "All 12 cases discussed with the Team Leader; decisions recorded on Protocol" }
        },
        "wellbeing": "Rewarding week; a difficult visit talked through",
        "disagreed": false,
        "signedSupervisee": "2025-05-29",
        "signedSupervisor": "2025-05-28"
    })
}

#[test]
fn a_complete_record_is_valid_with_no_findings() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "nextDueBy": "2025-06-25",
            "frequencyWeeks": 4,
            "itemsDiscussed": ["agenda", "training", "healthAndSafety", "holidaysToilFlexi", "caseloadDecisions"],
            "actionsCount": 3,
            "signed": true
        })
    );
}

#[test]
fn svr_001_required_fields_and_both_signatures_at_submit() {
    let draft = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&draft, "SVR-001"),
        vec![
            ("/supervisee".into(), Info),
            ("/supervisor".into(), Info),
            ("/date".into(), Info),
            ("/nextAt".into(), Info),
            ("/signedSupervisee".into(), Info),
            ("/signedSupervisor".into(), Info),
        ]
    );
    assert!(draft.valid);
    let r = check(FORM, &without(complete(), "/signedSupervisee"), &submit());
    assert_eq!(found(&r, "SVR-001"), vec![("/signedSupervisee".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["signed"], false);
}

#[test]
fn svr_002_next_session_after_this_one() {
    let d = with(complete(), "/nextAt", json!("2025-05-28T16:00"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVR-002"), vec![("/nextAt".into(), Error)]);
    let d = with(complete(), "/nextAt", json!("2025-05-29T09:00"));
    assert!(!check(FORM, &d, &opts()).has("SVR-002"));
}

#[test]
fn svr_003_next_session_within_the_frequency() {
    // 28 May + 4 weeks = 25 June.
    let d = with(complete(), "/nextAt", json!("2025-06-26T09:00"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "SVR-003"), vec![("/nextAt".into(), Warning)]);
    assert_eq!(r.with_code("SVR-003").next().unwrap().due.as_deref(), Some("2025-06-25"));
    assert!(!r.has("SVR-002"));
    // The contract's own frequency (6 weeks, as Appendix A's template) moves the limit to 9 July.
    let d = with(d, "/frequencyWeeks", json!(6));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("SVR-003"));
    assert_eq!(r.outcome.unwrap()["nextDueBy"], "2025-07-09");
    let d = with(d, "/nextAt", json!("2025-07-10T09:00"));
    assert!(check(FORM, &d, &opts()).has("SVR-003"));
}

#[test]
fn svr_003_four_weeks_across_a_leap_day() {
    let d = with(with(complete(), "/date", json!("2024-02-10")), "/nextAt", json!("2024-03-10T09:00"));
    let d = with(d, "/signedSupervisee", json!("2024-02-10"));
    let d = with(d, "/signedSupervisor", json!("2024-02-10"));
    let d = with(d, "/items/agenda/timescale", json!("2024-02-10"));
    // 10 February 2024 + 28 days = 9 March (29 February counts).
    let r = check(FORM, &d, &opts());
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["nextDueBy"], "2024-03-09");
    assert_eq!(r.with_code("SVR-003").next().unwrap().due.as_deref(), Some("2024-03-09"));
}

#[test]
fn svr_004_actions_need_an_owner_and_a_timescale() {
    let d = with(complete(), "/items/training", json!({ "discussed": true, "decisions": "Book a course" }));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "SVR-004"),
        vec![("/items/training/byWhom".into(), Error), ("/items/training/timescale".into(), Error)]
    );
    assert_eq!(found(&check(FORM, &d, &opts()), "SVR-004").len(), 2);
    // No decision, nothing to own; the caseload item's actions are on Protocol.
    let d = with(complete(), "/items/training", json!({ "discussed": true }));
    assert!(!check(FORM, &d, &submit()).has("SVR-004"));
}

#[test]
fn svr_005_timescale_not_before_the_session() {
    let d = with(complete(), "/items/training/timescale", json!("2025-05-27"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVR-005"), vec![("/items/training/timescale".into(), Error)]);
}

#[test]
fn svr_006_disagreements_are_recorded() {
    let d = with(complete(), "/disagreed", json!(true));
    assert_eq!(found(&check(FORM, &d, &submit()), "SVR-006"), vec![("/disagreementNotes".into(), Error)]);
    let d = with(d, "/disagreementNotes", json!("Workload allocation: referred to the team leader"));
    assert!(!check(FORM, &d, &submit()).has("SVR-006"));
}

#[test]
fn svr_007_caseload_item_with_a_childs_name_or_number() {
    let caseload = |text: &str| {
        let d = with(complete(), "/items/caseloadDecisions/decisions", json!(text));
        check(FORM, &d, &opts())
    };
    let r = caseload("Discussed Jayden Smith: see Protocol");
    assert_eq!(found(&r, "SVR-007"), vec![("/items/caseloadDecisions/decisions".into(), Warning)]);
    let message = &r.with_code("SVR-007").next().unwrap().message;
    assert!(message.contains("child’s name") && !message.contains("Jayden"), "{message}");
    assert!(caseload("LCS 1234567 to be reviewed").has("SVR-007"));
    assert!(caseload("Mrs O'Neil's children: plan ending").has("SVR-007"));
    // Pointers to Protocol, roles and counts are not a child's details.
    assert!(!caseload("All 12 cases discussed with the Team Leader; decisions recorded on Protocol").has("SVR-007"));
    assert!(!caseload("CP and CIN cases reviewed in Family Connect").has("SVR-007"));
    assert!(!caseload("Case 12345 of the old system").has("SVR-007"), "five digits is not a case number");
    // Other items are not scanned: a colleague's name in training is fine.
    let d = with(complete(), "/items/training/decisions", json!("Shadow Jane Smith on a visit"));
    assert!(!check(FORM, &d, &opts()).has("SVR-007"));
}

/// A council's own place names (its name, its localities and teams) are its profile's data: under its profile they
/// are not taken for a child's name, under another council's (or `default`) they are capitalised words like any, and
/// a real name is found under every profile.
#[test]
fn svr_007_a_councils_place_names_come_from_its_profile() {
    // A fictional council whose list values are written as places are ("Brightwell Priory") or as ids.
    let brightwell = json!({
        "id": "brightwell",
        "title": "Brightwell Borough Council (fictional): Practice Standards",
        "options": {
            "sf-referral": { "/locality": ["brightwell-priory", "north-vale"] },
            "case-transfer": { "/toLocality": ["Kingsmere Hub", "Brightwell Priory"] }
        }
    });
    let under = |profile: &str| match profile {
        "brightwell" => opts().profile_value(&brightwell).unwrap(),
        id => opts().profile(id),
    };
    let flagged = |text: &str, profile: &str| {
        let d = with(complete(), "/items/caseloadDecisions/decisions", json!(text));
        check(FORM, &d, &under(profile)).has("SVR-007")
    };
    let telford = "Cases at Hadley Castle, Lakeside South and The Wrekin; the Telford Wrekin panel: see Protocol";
    let brightwells = "Cases at Brightwell Priory, North Vale and Kingsmere: see Protocol";
    let council = "Brightwell Borough Council cases: see Protocol";
    // Under its own profile, a council's place names are not names (Hadley-Castle as one word too).
    assert!(!flagged(telford, "telford-wrekin"));
    assert!(!flagged("Hadley-Castle cases: see Protocol", "telford-wrekin"));
    assert!(!flagged(brightwells, "brightwell"));
    assert!(!flagged(council, "brightwell"));
    // No council's places are compiled in: under `default` or another council's profile they are capitalised pairs.
    for profile in ["default", "brightwell", "west-sussex"] {
        assert!(flagged(telford, profile), "{profile}");
    }
    for profile in ["default", "telford-wrekin", "walsall"] {
        assert!(flagged(brightwells, profile), "{profile}");
        assert!(flagged(council, profile), "{profile}");
    }
    // A real name is found under every profile, next to the council's places.
    for profile in ["default", "telford-wrekin", "west-sussex", "walsall", "south-glos", "brightwell"] {
        assert!(flagged("Discussed Jayden Smith at Hadley Castle: see Protocol", profile), "{profile}");
        assert!(flagged("Brightwell Priory: Jayden Smith discussed", profile), "{profile}");
    }
}

/// A council's profile that extends a built-in one has its own place words, whether or not the built-in's were made
/// first (they are made when first asked for, for each merged profile).
#[test]
fn svr_007_an_extending_profile_has_its_own_place_words() {
    let flagged = |text: &str, options: &Options| {
        let d = with(complete(), "/items/caseloadDecisions/decisions", json!(text));
        check(FORM, &d, options).has("SVR-007")
    };
    let text = "Cases at Kingsmere Brightwell: see Protocol";
    // The built-in's words first: Kingsmere is not one of them.
    let telford = opts().profile("telford-wrekin");
    assert!(flagged(text, &telford));
    let council = json!({
        "id": "odos",
        "title": "Odos (fictional)",
        "extends": "telford-wrekin",
        "options": { "case-transfer": { "/toLocality": ["Kingsmere Hub", "Hadley Castle"] } }
    });
    assert!(!flagged(text, &opts().profile_value(&council).unwrap()));
    assert!(flagged(text, &telford), "the built-in's words are still its own");
}

/// A place word is the profile's however either is capitalised, in any script: the team "ΟΔΟΣ Hub" makes "Οδος"
/// a place word (the word's `str::to_lowercase`, "οδος", once missed the profile's "οδοσ").
#[test]
fn svr_007_a_place_word_in_any_case() {
    let council = json!({
        "id": "odos",
        "title": "Odos (fictional)",
        "options": { "case-transfer": { "/toLocality": ["ΟΔΟΣ Hub", "Kingsmere"] } }
    });
    let flagged = |text: &str, options: &Options| {
        let d = with(complete(), "/items/caseloadDecisions/decisions", json!(text));
        check(FORM, &d, options).has("SVR-007")
    };
    let under = opts().profile_value(&council).unwrap();
    for text in ["Cases at Οδος Brightwell: see Protocol", "Cases at Οδοσ Brightwell: see Protocol"] {
        assert!(!flagged(text, &under), "{text}");
        assert!(flagged(text, &opts()), "{text}: not a place word under another profile");
    }
    assert!(flagged("Cases at Οδος: Jayden Smith", &under), "a name beside a place word is still found");
}

#[test]
fn svr_008_dates_after_today() {
    let d = with(complete(), "/date", json!("2025-06-03"));
    let d = with(d, "/signedSupervisor", json!("2025-06-03"));
    let d = with(d, "/signedSupervisee", json!("2025-06-03"));
    let d = with(d, "/nextAt", json!("2025-06-30T10:00"));
    let d = with(d, "/items/agenda/timescale", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "SVR-008"),
        vec![("/date".into(), Error), ("/signedSupervisee".into(), Error), ("/signedSupervisor".into(), Error)]
    );
    assert!(!check(FORM, &complete(), &opts()).has("SVR-008"));
}

#[test]
fn svr_009_signed_before_the_session() {
    let d = with(complete(), "/signedSupervisor", json!("2025-05-27"));
    assert_eq!(found(&check(FORM, &d, &opts()), "SVR-009"), vec![("/signedSupervisor".into(), Error)]);
}

#[test]
fn next_at_must_be_a_real_date_and_time() {
    let d = with(complete(), "/nextAt", json!("2025-06-25 10am"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-016"), vec![("/nextAt".into(), Error)]);
    assert!(!r.has("SVR-002") && !r.has("SVR-003"));
}
