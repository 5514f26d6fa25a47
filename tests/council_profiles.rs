//! Any council, configured as data (issue 14): a fictional council's profile (`examples/profiles/brightwell.json`,
//! two versions) changes exactly the findings it declares — its localities, a 48-hour return home interview, a rule
//! switched off, a severity raised, closure days, a moved bank holiday — and the version in force is the one whose
//! `effectiveFrom` has come. Invalid profiles are a configuration mistake named by their first problem; `checkProfile`
//! lists every problem at its place; nothing panics.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use safeguarding_forms::{
    add_working_days, check_profile, profile_schema, rules, schema, schema_with, validate, working_days, Error,
    FormSession, Options, Report, Severity,
};
use serde_json::{json, Value};

fn brightwell() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/profiles/brightwell.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn under(today: &str) -> Options {
    on(today).profile_value(&brightwell()).unwrap()
}

fn codes(r: &Report, code: &str) -> Vec<(String, Severity)> {
    r.with_code(code).map(|d| (d.path.clone(), d.severity)).collect()
}

// ---- localities: open text by default, the council's list under its profile ----

#[test]
fn any_locality_is_open_text_by_default_and_the_councils_list_under_its_profile() {
    let r = |loc: &str, o: &Options| validate("sf-referral", &json!({ "locality": loc }), o).unwrap();
    // Default: no council's list is compiled in.
    for loc in ["central-brighton", "north", "hadley-castle"] {
        assert!(codes(&r(loc, &on("2025-06-02")), "INP-006").is_empty(), "{loc}");
    }
    // Brightwell 2025: north, south, east.
    assert!(codes(&r("north", &under("2025-06-02")), "INP-006").is_empty());
    assert_eq!(
        codes(&r("central-brighton", &under("2025-06-02")), "INP-006"),
        vec![("/locality".into(), Severity::Error)]
    );
    assert_eq!(codes(&r("central", &under("2025-06-02")), "INP-006"), vec![("/locality".into(), Severity::Error)]);
    // Brightwell 2026 adds Central.
    assert!(codes(&r("central", &under("2026-05-01")), "INP-006").is_empty());
    // Telford & Wrekin's three localities are its profile's data.
    let tw = on("2025-06-02").profile("telford-wrekin");
    assert!(codes(&r("hadley-castle", &tw), "INP-006").is_empty());
    assert_eq!(codes(&r("north", &tw), "INP-006"), vec![("/locality".into(), Severity::Error)]);
    // The message names the field, never the typed value.
    let bad = r("central-brighton", &under("2025-06-02"));
    let d = bad.with_code("INP-006").next().unwrap();
    assert_eq!(d.message, "Select a locality from the list");
    assert!(!d.message.contains("brighton"));
}

#[test]
fn the_other_forms_with_localities_follow_the_same_list() {
    let o = under("2025-06-02");
    let transfer = validate("case-transfer", &json!({ "fromLocality": "north", "toLocality": "west" }), &o).unwrap();
    assert_eq!(codes(&transfer, "INP-006"), vec![("/toLocality".into(), Severity::Error)]);
    let audit = validate("case-audit", &json!({ "locality": "west" }), &o).unwrap();
    assert_eq!(codes(&audit, "INP-006"), vec![("/locality".into(), Severity::Error)]);
    let fa = validate("family-ambassador", &json!({ "locality": "west" }), &o).unwrap();
    assert_eq!(codes(&fa, "INP-006"), vec![("/locality".into(), Severity::Error)]);
    // A transfer to the same locality is caught whatever the case or spacing of open text.
    let same = validate(
        "case-transfer",
        &json!({ "fromLocality": "North  Hub", "toLocality": "north hub" }),
        &on("2025-06-02"),
    )
    .unwrap();
    assert!(same.has("CTR-002") || same.diagnostics.iter().any(|d| d.path == "/toLocality"), "{:?}", same.diagnostics);
}

#[test]
fn the_schema_under_a_profile_lists_the_councils_localities() {
    let plain = schema("sf-referral").unwrap();
    assert!(plain["properties"]["locality"].get("enum").is_none());
    let mine = schema_with("sf-referral", &under("2025-06-02")).unwrap();
    assert_eq!(mine["properties"]["locality"]["enum"], json!(["north", "south", "east", "", null]));
    let later = schema_with("sf-referral", &under("2026-05-01")).unwrap();
    assert_eq!(later["properties"]["locality"]["enum"], json!(["north", "south", "east", "central", "", null]));
}

// ---- thresholds, switches, severities ----

/// An episode found 2025-05-28 09:00 and interviewed 54 hours later, authorised, finalised and shared.
fn interviewed_after_54_hours() -> Value {
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

#[test]
fn a_48_hour_return_home_interview_with_the_late_interview_raised_to_an_error() {
    let data = interviewed_after_54_hours();
    let default = validate("return-home-interview", &data, &on("2025-06-02").submit()).unwrap();
    assert!(default.diagnostics.is_empty(), "{:?}", default.diagnostics);
    assert_eq!(serde_json::Value::from(default.outcome.as_ref().unwrap())["interviewDue"], "2025-05-31T09:00");
    let mine = validate("return-home-interview", &data, &under("2025-06-02").submit()).unwrap();
    // 54 hours is beyond 48: RHI-005, which Brightwell makes an error.
    assert_eq!(codes(&mine, "RHI-005"), vec![("/interviewAt".into(), Severity::Error)]);
    assert_eq!(mine.with_code("RHI-005").next().unwrap().due.as_deref(), Some("2025-05-30T09:00"));
    assert!(!mine.valid);
    assert_eq!(serde_json::Value::from(mine.outcome.as_ref().unwrap())["interviewDue"], "2025-05-30T09:00");
}

#[test]
fn a_rule_switched_off_makes_no_finding() {
    let data = json!({
        "episodes": [{ "reportedMissingAt": "2025-03-27T20:00", "foundAt": "2025-03-28T12:00", "crmNumber": "CRM-1" }],
        "socialWorkerNotified": true
    });
    let default = validate("return-home-interview", &data, &on("2025-04-10")).unwrap();
    assert_eq!(codes(&default, "RHI-014"), vec![("/socialWorkerNotified".into(), Severity::Info)]);
    let mine = validate("return-home-interview", &data, &under("2025-04-10")).unwrap();
    assert!(codes(&mine, "RHI-014").is_empty());
    // Everything else is the same.
    let rest = |r: &Report| r.diagnostics.iter().filter(|d| d.code != "RHI-014").cloned().collect::<Vec<_>>();
    assert_eq!(rest(&default), rest(&mine));
}

#[test]
fn rules_show_the_values_severities_and_switches_in_force_and_where_they_come_from() {
    let catalogue = rules(Some("return-home-interview"), &under("2025-06-02")).unwrap();
    let rhi5 = catalogue.iter().find(|r| r.code == "RHI-005").unwrap();
    assert_eq!(rhi5.severity, Severity::Error);
    assert_eq!(rhi5.default_severity, Some(Severity::Warning));
    let by = rhi5.set_by.as_ref().unwrap();
    assert_eq!(by.profile, "brightwell");
    assert!(by.source.as_deref().unwrap().contains("standard 4.2"));
    let rhi14 = catalogue.iter().find(|r| r.code == "RHI-014").unwrap();
    assert!(!rhi14.enabled);
    let hours = catalogue.iter().flat_map(|r| &r.parameters).find(|p| p.key == "return-home-interview.hours").unwrap();
    assert_eq!((hours.value, hours.default), (48, 72));
    assert!(hours.set_by.as_ref().unwrap().source.as_deref().unwrap().contains("4.2"));
    // Under default nothing is set by a profile.
    let plain = rules(Some("return-home-interview"), &on("2025-06-02")).unwrap();
    assert!(plain.iter().all(|r| r.set_by.is_none() && r.enabled && r.parameters.iter().all(|p| p.set_by.is_none())));
}

// ---- versions ----

#[test]
fn the_version_in_force_is_the_latest_that_has_taken_effect() {
    let weeks = |today: &str| {
        rules(Some("supervision-log"), &under(today))
            .unwrap()
            .iter()
            .flat_map(|r| r.parameters.clone())
            .find(|p| p.key == "supervision.frequencyWeeks")
            .unwrap()
            .value
    };
    assert_eq!(weeks("2026-03-31"), 4, "the 2025 version leaves supervision monthly");
    assert_eq!(weeks("2026-04-01"), 6, "the 2026 version takes effect on its date");
    // Before the first version the council's profile is not in force: what it extends applies.
    let before = rules(Some("return-home-interview"), &under("2025-03-31")).unwrap();
    assert!(before.iter().find(|r| r.code == "RHI-014").unwrap().enabled);
    // The order of the list does not matter.
    let mut reversed = brightwell();
    reversed.as_array_mut().unwrap().reverse();
    let o = on("2026-05-01").profile_value(&reversed).unwrap();
    let r = validate("sf-referral", &json!({ "locality": "central" }), &o).unwrap();
    assert!(codes(&r, "INP-006").is_empty());
}

#[test]
fn one_value_one_meaning_supervision_frequency_is_set_once_for_every_form() {
    for profile in [on("2026-05-01").profile_value(&brightwell()).unwrap(), on("2025-06-02").profile("telford-wrekin")]
    {
        for form in ["supervision-contract", "supervision-record", "supervision-log"] {
            let p = rules(Some(form), &profile)
                .unwrap()
                .iter()
                .flat_map(|r| r.parameters.clone())
                .find(|p| p.key == "supervision.frequencyWeeks")
                .unwrap_or_else(|| panic!("{form} reads the shared key"));
            assert_eq!((p.value, p.default), (6, 4), "{form}");
        }
    }
    // The supervision log warns after 6 weeks under such a profile, not 4: a 5-week gap.
    let log = json!({ "sessions": [{ "at": "2025-04-01T10:00" }, { "at": "2025-05-06T10:00" }, { "at": "2025-05-20T10:00" }] });
    let gaps = |o: &Options| validate("supervision-log", &log, o).unwrap().diagnostics.len();
    assert!(gaps(&on("2025-06-02")) > gaps(&on("2025-06-02").profile("telford-wrekin")), "the log follows the profile");
    // An old per-form key still sets the shared one.
    let old = json!({ "id": "old-keys", "title": "Old keys", "values": { "supervision-log.frequencyWeeks": 5 } });
    let o = on("2025-06-02").profile_value(&old).unwrap();
    let p = rules(Some("supervision-contract"), &o)
        .unwrap()
        .iter()
        .flat_map(|r| r.parameters.clone())
        .find(|p| p.key == "supervision.frequencyWeeks")
        .unwrap();
    assert_eq!(p.value, 5);
}

// ---- calendar: closures and moved bank holidays ----

#[test]
fn closure_days_and_a_moved_bank_holiday_change_working_days() {
    // 24 Dec 2025 → 2 Jan 2026: 25, 26 Dec and 1 Jan are bank holidays; Brightwell closes 29–31 Dec.
    assert_eq!(working_days("2025-12-24", "2026-01-02", &on("2025-06-02")).unwrap(), 4);
    assert_eq!(working_days("2025-12-24", "2026-01-02", &under("2025-06-02")).unwrap(), 1);
    assert_eq!(add_working_days("2025-12-24", 1, &under("2025-06-02")).unwrap(), "2026-01-02");
    // 2026: the spring bank holiday moved from 25 May to 5 June.
    let o = under("2026-05-01");
    assert_eq!(working_days("2026-05-22", "2026-05-26", &on("2026-05-01")).unwrap(), 1);
    assert_eq!(working_days("2026-05-22", "2026-05-26", &o).unwrap(), 2, "25 May is a working day again");
    assert_eq!(working_days("2026-06-04", "2026-06-08", &o).unwrap(), 1, "5 June is the holiday");
    assert_eq!(add_working_days("2026-05-22", 1, &o).unwrap(), "2026-05-25");
}

// ---- sessions use the same profile ----

#[test]
fn a_live_session_runs_under_the_profile_too() {
    let mut s = FormSession::new("sf-referral", &under("2025-06-02")).unwrap();
    let r = s.set("/locality", json!("central")).unwrap().clone();
    assert_eq!(codes(&r, "INP-006"), vec![("/locality".into(), Severity::Error)]);
    let r = s.set("/locality", json!("east")).unwrap().clone();
    assert!(codes(&r, "INP-006").is_empty());
}

// ---- checked like data, never trusted ----

#[test]
fn an_invalid_profile_is_a_configuration_mistake_named_by_its_first_problem() {
    let bad = json!({ "id": "x", "title": "X", "values": { "return-home-interview.hours": 0 } });
    let e = on("2025-06-02").profile_value(&bad).unwrap_err();
    assert!(
        matches!(&e, Error::InvalidProfile(m) if m.starts_with("/values/return-home-interview.hours: must be between")),
        "{e}"
    );
    let e = Options::from_json(&json!({ "profile": { "id": "x" } })).unwrap_err();
    assert_eq!(e.to_string(), "invalid profile: a profile must have a title");
    // And the library works on after it.
    assert!(validate("sf-referral", &json!({}), &under("2025-06-02")).is_ok());
}

#[test]
fn check_profile_lists_every_problem_at_its_place() {
    let cases: Vec<(Value, &str)> = vec![
        (json!({ "id": "a", "title": "A", "colour": "red" }), "/colour"),
        (json!({ "id": "a", "title": "A", "values": { "nope.key": 1 } }), "/values/nope.key"),
        (json!({ "id": "a", "title": "A", "values": { "sf-referral.domains": 9 } }), "/values/sf-referral.domains"),
        (
            json!({ "id": "a", "title": "A", "values": { "case-audit.band1Max": 300, "case-audit.band2Max": 200 } }),
            "/values/case-audit.band1Max",
        ),
        (json!({ "id": "a", "title": "A", "rules": { "ZZZ-999": { "enabled": false } } }), "/rules/ZZZ-999"),
        (
            json!({ "id": "a", "title": "A", "rules": { "REF-001": { "severity": "fatal" } } }),
            "/rules/REF-001/severity",
        ),
        (json!({ "id": "a", "title": "A", "options": { "nope": {} } }), "/options/nope"),
        (
            json!({ "id": "a", "title": "A", "options": { "sf-referral": { "/nope": ["x"] } } }),
            "/options/sf-referral/~1nope",
        ),
        (
            json!({ "id": "a", "title": "A", "options": { "sf-referral": { "/referralDate": ["x"] } } }),
            "/options/sf-referral/~1referralDate",
        ),
        (
            json!({ "id": "a", "title": "A", "options": { "sf-referral": { "/locality": [] } } }),
            "/options/sf-referral/~1locality",
        ),
        (
            json!({ "id": "a", "title": "A", "options": { "sf-referral": { "/route": ["nonsense"] } } }),
            "/options/sf-referral/~1route/0",
        ),
        (json!({ "id": "a", "title": "A", "closures": ["2025-02-30"] }), "/closures/0"),
        (json!({ "id": "a", "title": "A", "effectiveFrom": "soon" }), "/effectiveFrom"),
        (json!({ "id": "a", "title": "A", "extends": "a" }), "/extends"),
        (json!({ "id": "a", "title": "A", "extends": "nowhere" }), "/extends"),
        (json!({ "id": "Not Kebab", "title": "A" }), "/id"),
        (json!({ "id": "a", "title": 7 }), "/title"),
        (
            json!([{ "id": "a", "title": "A", "effectiveFrom": "2025-01-01" }, { "id": "b", "title": "B", "effectiveFrom": "2026-01-01" }]),
            "/1/id",
        ),
        (json!([{ "id": "a", "title": "A" }, { "id": "a", "title": "A", "effectiveFrom": "2026-01-01" }]), "/0"),
        (json!([]), ""),
        (json!(42), ""),
        (json!("nowhere"), ""),
    ];
    for (doc, path) in cases {
        let r = check_profile(&doc);
        assert!(!r.valid, "{doc}");
        assert!(
            r.problems.iter().any(|p| p.path == path),
            "{doc}: expected a problem at {path:?}, got {:?}",
            r.problems
        );
        // The loader refuses it with the first problem (an unknown built-in id is an unknown profile).
        let e = on("2025-06-02").profile_value(&doc).unwrap_err();
        if doc.is_string() {
            assert!(matches!(e, Error::UnknownProfile(_)));
            continue;
        }
        let first = &r.problems[0];
        let want =
            if first.path.is_empty() { first.message.clone() } else { format!("{}: {}", first.path, first.message) };
        assert!(e.to_string().ends_with(&want), "{e} vs {want}");
    }
    assert!(check_profile(&brightwell()).valid);
    assert!(check_profile(&json!("telford-wrekin")).valid);
}

/// The messages that list the built-in ids list them from the built-in profiles' table, never by hand: each names
/// every profile `profiles()` lists, in its order, and `profile_doc.rs` writes no built-in council's id.
#[test]
fn the_messages_naming_the_built_in_ids_follow_the_built_in_profiles() {
    let ids: Vec<String> = safeguarding_forms::profiles().into_iter().map(|p| p.id).collect();
    assert!(ids.len() >= 5 && ids[0] == "default", "{ids:?}");
    let (last, rest) = ids.split_last().unwrap();
    let listed = format!("{} or {last}", rest.join(", "));
    let unknown = check_profile(&json!("nowhere"));
    assert_eq!(
        unknown.problems[0].message,
        format!("is not a built-in profile id (expected {listed}, or a profile document)")
    );
    let extends = check_profile(&json!({ "id": "a", "title": "A", "extends": "nowhere" }));
    let p = extends.problems.iter().find(|p| p.path == "/extends").unwrap();
    assert_eq!(p.message, format!("extends \"nowhere\" which is not a built-in profile (expected {listed})"));
    let source = include_str!("../src/engine/profile_doc.rs");
    for id in ids.iter().filter(|id| *id != "default") {
        assert!(!source.contains(id.as_str()), "profile_doc.rs writes the built-in id {id} by hand");
    }
}

#[test]
fn the_built_in_profiles_are_data_files_checked_by_the_same_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let doc: Value = serde_json::from_str(&fs::read_to_string(entry.path()).unwrap()).unwrap();
        let r = check_profile(&doc);
        assert!(r.valid, "{}: {:?}", entry.path().display(), r.problems);
        n += 1;
    }
    assert_eq!(n, 4);
    // And the profile schema names every key the checks know.
    let s = profile_schema();
    let values = &s["$defs"]["profile"]["properties"]["values"]["properties"];
    assert!(values.get("return-home-interview.hours").is_some());
    assert!(values.get("supervision.frequencyWeeks").is_some());
    assert!(s["$defs"]["profile"]["properties"]["options"]["properties"]["sf-referral"]["properties"]
        .get("/locality")
        .is_some());
}

// ---- property: generated documents, valid and broken, never panic; check and loader agree ----

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..200).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "",
            "x",
            "north",
            "2025-04-01",
            "2025-02-30",
            "error",
            "warning",
            "info",
            "default",
            "telford-wrekin",
            "REF-001",
            "RHI-005",
            "/locality",
            "/route",
            "sf-referral",
            "return-home-interview.hours",
            "\u{FFFD}",
        ])
        .prop_map(|s| json!(s)),
    ]
}

fn doc() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "id",
        "title",
        "extends",
        "effectiveFrom",
        "source",
        "notes",
        "values",
        "options",
        "rules",
        "closures",
        "bankHolidays",
        "other",
    ]);
    let inner = leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "return-home-interview.hours",
                    "sf-referral.domains",
                    "REF-001",
                    "RHI-014",
                    "sf-referral",
                    "/locality",
                    "/route",
                    "severity",
                    "enabled",
                    "reason",
                    "value",
                    "source",
                    "date",
                    "replaces",
                    "zz",
                ]),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    });
    prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| {
        let mut o: serde_json::Map<String, Value> = m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        // Often a well-formed head, so the checks go deeper.
        o.entry("id").or_insert(json!("gen"));
        o.entry("title").or_insert(json!("Generated"));
        Value::Object(o)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_profiles_never_panic_and_check_agrees_with_the_loader(d in prop_oneof![
        doc(),
        prop::collection::vec(doc(), 0..3).prop_map(Value::Array),
    ]) {
        let checked = check_profile(&d);
        let loaded = on("2025-06-02").profile_value(&d);
        prop_assert_eq!(checked.valid, loaded.is_ok(), "{} {:?}", d, checked.problems);
        if let Ok(o) = loaded {
            // A profile that loads runs every form without a panic.
            let data = json!({ "locality": "north" });
            for form in ["sf-referral", "return-home-interview", "case-audit", "supervision-log"] {
                let ok = validate(form, &data, &o).is_ok();
                prop_assert!(ok, "{}", form);
            }
        }
    }
}
