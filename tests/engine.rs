//! The engine's promises on bad input: never a panic, a diagnostic at the field, bounded time, nothing echoed.

mod common;

use std::time::Instant;

use common::*;
use proptest::prelude::*;
use safeguarding_forms::{validate, validate_json, Error, FormSession, Options};
use serde_json::{json, Value};

const FORM: &str = "sf-referral";

#[test]
fn inp_017_input_over_the_limit_is_one_diagnostic() {
    let huge = format!("{{\"referrer\":{{\"name\":\"{}\"}}}}", "x".repeat(65 * 1024 * 1024));
    let r = validate_json(FORM, &huge, &submit()).unwrap();
    assert!(!r.valid);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "INP-017");
    assert_eq!(r.diagnostics[0].path, "");
}

#[test]
fn a_ten_megabyte_string_is_a_field_diagnostic_in_bounded_time() {
    let text = json!({ "referrer": { "name": "é".repeat(5 * 1024 * 1024) }, "referralDate": "2025-05-20" }).to_string();
    let start = Instant::now();
    let r = validate_json(FORM, &text, &opts()).unwrap();
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    assert_eq!(found(&r, "INP-007"), vec![("/referrer/name".into(), safeguarding_forms::Severity::Error)]);
    assert!(r.diagnostics.iter().all(|d| d.message.len() < 300));
}

#[test]
fn a_hundred_thousand_fields_make_one_diagnostic_per_object() {
    let mut m = serde_json::Map::new();
    for i in 0..100_000 {
        m.insert(format!("field{i}"), json!(i));
    }
    m.insert("referralDate".into(), json!("2025-05-20"));
    let start = Instant::now();
    let r = validate(FORM, &Value::Object(m), &opts()).unwrap();
    assert!(start.elapsed().as_secs() < 5);
    let unknown: Vec<_> = r.with_code("INP-015").collect();
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].message.contains("100000 fields"));
    assert_eq!(unknown[0].related.len(), 10);
}

#[test]
fn nesting_a_hundred_thousand_deep_is_cut_and_reported_at_its_field() {
    let deep =
        format!("{{\"referrer\":{{\"name\":{}1{}}},\"route\":\"health\"}}", "[".repeat(100_000), "]".repeat(100_000));
    let r = validate_json(FORM, &deep, &opts()).unwrap();
    assert!(r.has("INP-001"), "{:?}", r.diagnostics);
    assert!(r.diagnostics.iter().any(|d| d.path == "/referrer/name"));
    let deep_unknown = format!("{{\"x\":{}{}}}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(validate_json(FORM, &deep_unknown, &opts()).is_ok());
}

#[test]
fn a_lone_surrogate_is_reported_at_its_field_and_the_rest_is_checked() {
    let text = r#"{"referrer":{"name":"O\ud800Brien"},"referralDate":"2026-02-30"}"#;
    let r = validate_json(FORM, text, &opts()).unwrap();
    assert_eq!(r.with_code("INP-013").next().map(|d| d.path.as_str()), Some("/referrer/name"));
    assert!(r.diagnostics.iter().any(|d| d.code == "INP-003" && d.path == "/referralDate"));
}

#[test]
fn legitimate_names_pass() {
    for name in ["O'Brien", "Zoë", "Nguyễn", "Siân Ní Bhriain", "José-María", "李小龍", "Ōkubo"] {
        let r = validate(FORM, &json!({ "referrer": { "name": name } }), &opts()).unwrap();
        assert!(r.diagnostics.iter().all(|d| !d.path.starts_with("/referrer")), "{name}: {:?}", r.diagnostics);
    }
}

#[test]
fn text_length_counts_utf16_code_units_like_a_browser() {
    // 250 emoji are 500 UTF-16 units: at the limit. One more is over.
    let ok = validate(FORM, &json!({ "referrer": { "name": "😀".repeat(250) } }), &opts()).unwrap();
    assert!(!ok.has("INP-007"));
    let over = validate(FORM, &json!({ "referrer": { "name": "😀".repeat(250) + "a" } }), &opts()).unwrap();
    assert!(over.has("INP-007"));
}

#[test]
fn number_oddities() {
    let check_attendance = |v: Value| {
        let r = validate(FORM, &json!({ "children": [{ "attendancePercent": v }] }), &opts()).unwrap();
        r.diagnostics
            .iter()
            .filter(|d| d.path == "/children/0/attendancePercent")
            .map(|d| d.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(check_attendance(json!("85")), Vec::<String>::new());
    assert_eq!(check_attendance(json!(" 85.5 ")), Vec::<String>::new());
    assert_eq!(check_attendance(json!("+1")), vec!["INP-008"]);
    assert_eq!(check_attendance(json!("1e1")), vec!["INP-008"]);
    assert_eq!(check_attendance(json!("١")), vec!["INP-008"]);
    assert_eq!(check_attendance(json!("4294967297")), vec!["INP-009"]);
    assert_eq!(check_attendance(json!(-1)), vec!["INP-009"]);
    assert_eq!(check_attendance(json!("NaN")), vec!["INP-008"]);
}

#[test]
fn proto_and_constructor_are_ordinary_unknown_keys() {
    let text = r#"{"__proto__":{"x":1},"constructor":"y","referralDate":"2025-05-20"}"#;
    let r = validate_json(FORM, text, &opts()).unwrap();
    let unknown: Vec<_> = r.with_code("INP-015").collect();
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].message.contains("2 fields"));
}

#[test]
fn malformed_json_text_is_an_input_error_not_a_panic() {
    for t in ["", "{", "[1,2]", "\"x\"", "{\"a\":}", "{\"a\":\"\\ud800\"", "nul"] {
        match validate_json(FORM, t, &opts()) {
            Err(Error::InvalidInput(_)) | Err(Error::NotAnObject) => {}
            other => panic!("{t:?}: {other:?}"),
        }
    }
}

#[test]
fn options_reject_caller_mistakes_with_named_errors() {
    assert_eq!(
        Options::new().today("2025-02-29").unwrap_err().to_string(),
        "invalid option: today must be a real date written YYYY-MM-DD"
    );
    assert!(matches!(Options::from_json(&json!({ "profile": "x" })), Err(Error::UnknownProfile(_))));
    assert!(matches!(Options::from_json(&json!({ "stage": "final" })), Err(Error::InvalidOption(_))));
    assert!(matches!(Options::from_json(&json!({ "closures": ["2025-13-01"] })), Err(Error::InvalidOption(_))));
    assert!(matches!(Options::from_json(&json!([])), Err(Error::InvalidOption(_))));
    assert_eq!(validate("x", &json!({}), &opts()).unwrap_err().to_string(), "unknown form: \"x\"");
}

#[test]
fn session_pointer_edits() {
    let mut s = FormSession::new(FORM, &opts()).unwrap();
    s.set("/children/0/name", json!("A")).unwrap();
    s.set("/children/1/name", json!("B")).unwrap();
    s.set("/children/-", json!({ "name": "C" })).unwrap();
    assert_eq!(s.data()["children"], json!([{ "name": "A" }, { "name": "B" }, { "name": "C" }]));
    s.remove("/children/1").unwrap();
    assert_eq!(s.data()["children"], json!([{ "name": "A" }, { "name": "C" }]));
    s.set("/a~1b/c~0d", json!(1)).unwrap();
    assert_eq!(s.data()["a/b"]["c~d"], json!(1));
    assert!(s.set("/children/7/name", json!("x")).is_err());
    assert!(s.set("/children/01/name", json!("x")).is_err());
    assert!(s.set("no-slash", json!("x")).is_err());
    assert!(s.remove("/nothing/here").is_ok());
    // A date typed part by part replaces the ISO text it had.
    s.set("/referralDate", json!("2025-05-20")).unwrap();
    s.set("/referralDate/day", json!("21")).unwrap();
    assert_eq!(s.data()["referralDate"], json!({ "day": "21" }));
}

/// Random edits: a session's report always equals `validate` of its data.
fn arb_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
        "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])".prop_map(Value::String),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "social-work-assessment",
            "self-referral",
            "early-help-assessment",
            "family-connect-triage",
            "whole-family-working",
            "youth-offending",
            "domestic-abuse",
            "attendance-below-90",
            "missing-3-in-90",
        ])
        .prop_map(|s| json!(s)),
        (1u32..32, 1u32..13, 1990u32..2030)
            .prop_map(|(d, m, y)| json!({ "day": d.to_string(), "month": m.to_string(), "year": y.to_string() })),
    ]
}

fn arb_pointer() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "/referralDate",
        "/receivedOn",
        "/route",
        "/service",
        "/referrer/name",
        "/referrer/email",
        "/referrer/agency",
        "/assessment/open",
        "/assessment/date",
        "/plan/open",
        "/plan/type",
        "/consent/given",
        "/children/-",
        "/children/0/dateOfBirth",
        "/children/0/unborn",
        "/children/0/attendancePercent",
        "/children/0/missingEpisodes/-",
        "/criteria/-",
        "/criteria/0/id",
        "/criteria/1/id",
        "/adults/-",
        "/unknown",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn session_report_equals_validate_after_random_edits(
        edits in prop::collection::vec((arb_pointer(), arb_value(), any::<bool>()), 1..30),
        submit_stage in any::<bool>(),
    ) {
        let options = if submit_stage { submit() } else { opts() };
        let mut s = FormSession::new(FORM, &options).unwrap();
        for (pointer, value, remove) in edits {
            let value = if pointer.ends_with("/criteria/-") { json!({ "id": value }) } else { value };
            let _ = if remove { s.remove(&pointer) } else { s.set(&pointer, value) };
            let data = serde_json::Value::from(s.data());
            let expected = validate(FORM, &data, &options).unwrap();
            prop_assert_eq!(s.report(), &expected);
        }
    }

    #[test]
    fn no_message_ever_contains_a_canary(canary in "[a-z]{6}[0-9]{4}", field in arb_pointer()) {
        let mut s = FormSession::new(FORM, &submit()).unwrap();
        let _ = s.set(&field, json!(canary));
        let _ = s.set("/referralDate", json!(format!("{canary}")));
        let _ = s.set("/children/0/dateOfBirth", json!({ "day": canary, "month": canary, "year": canary }));
        for d in &s.report().diagnostics {
            prop_assert!(!d.message.contains(&canary), "{}", d.message);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(text in "\\PC{0,200}") {
        let _ = validate_json(FORM, &text, &opts());
        let wrapped = format!("{{\"referrer\":{{\"name\":{text}}}}}");
        let _ = validate_json(FORM, &wrapped, &opts());
    }
}

#[test]
fn a_refused_edit_leaves_the_session_as_it_was() {
    let mut s = FormSession::new(FORM, &opts()).unwrap();
    s.set("/route", json!("health")).unwrap();
    s.set("/referrer/name", json!("A")).unwrap();
    let (data, report) = (s.data().clone(), s.report().clone());
    for pointer in
        ["/route/3", "/referrer/name/2", "/children/5/name", "/criteria/01/id", "/children/0/missingEpisodes/1"]
    {
        assert!(s.set(pointer, json!("x")).is_err(), "{pointer}");
        assert_eq!(s.data(), &data, "{pointer} changed the data");
        assert_eq!(s.report(), &report, "{pointer} changed the report");
    }
}

#[test]
fn a_pointer_deeper_than_any_form_is_a_named_error() {
    let mut s = FormSession::new(FORM, &opts()).unwrap();
    let deep = format!("/x{}", "/a".repeat(10_000));
    assert!(matches!(s.set(&deep, json!(1)), Err(Error::InvalidPointer(_))));
    assert!(s.data().is_empty());
}

#[test]
fn an_unreadable_character_in_a_date_part_is_reported_as_unreadable() {
    let text = r#"{"referralDate":{"day":"\ud800","month":"1","year":"2025"}}"#;
    let r = validate_json(FORM, text, &opts()).unwrap();
    assert_eq!(found(&r, "INP-013"), vec![("/referralDate/day".into(), safeguarding_forms::Severity::Error)]);
    assert!(!r.has("INP-003"));
}

/// Issue 16: a date and time typed in GOV.UK parts (day, month, year, hour, minute) is read like its ISO text, and a
/// part at fault is named in the message and the path, as a date's parts are.
#[test]
fn date_time_parts_are_read_and_the_part_at_fault_is_named() {
    let form = "return-home-interview";
    let base = json!({
        "episodes": [{ "reportedMissingAt": "2024-05-28T23:00" }],
        "interviewAt": "2024-05-29T10:00",
        "conductedBy": "Duty practitioner"
    });
    let parts = |d: &str, m: &str, y: &str, h: &str, min: &str| json!({ "day": d, "month": m, "year": y, "hour": h, "minute": min });
    let at = |v: Value| check(form, &with(base.clone(), "/episodes/0/foundAt", v), &opts());
    let input_findings = |r: &safeguarding_forms::Report| -> Vec<(String, String, String)> {
        r.diagnostics
            .iter()
            .filter(|d| d.code.starts_with("INP-") && d.path.starts_with("/episodes/0/foundAt"))
            .map(|d| (d.code.to_string(), d.path.to_string(), d.message.to_string()))
            .collect()
    };

    // As typed, "29 5 2024 1 05": the same as "2024-05-29T01:05".
    let typed = at(parts("29", "5", "2024", "1", "05"));
    let iso = at(json!("2024-05-29T01:05"));
    assert_eq!(input_findings(&typed), vec![]);
    assert_eq!(typed.outcome, iso.outcome);
    assert_eq!(typed.outcome.as_ref().map(|o| o["interviewDue"].is_null()), Some(false), "the time was read");

    let hour = at(parts("29", "5", "2024", "25", "00"));
    assert_eq!(
        input_findings(&hour),
        vec![(
            "INP-016".into(),
            "/episodes/0/foundAt/hour".into(),
            "Hour in date and time found must be a number from 0 to 23".into()
        )]
    );
    let minute = at(parts("29", "5", "2024", "10", "75"));
    assert_eq!(
        input_findings(&minute),
        vec![(
            "INP-016".into(),
            "/episodes/0/foundAt/minute".into(),
            "Minute in date and time found must be a number from 0 to 59".into()
        )]
    );
    // A date part at fault keeps the date's own message and path.
    let day = at(parts("31", "2", "2024", "10", "00"));
    assert_eq!(
        input_findings(&day),
        vec![("INP-003".into(), "/episodes/0/foundAt/day".into(), "Date and time found must be a real date".into())]
    );
    let year = at(parts("29", "5", "24", "10", "00"));
    assert_eq!(input_findings(&year)[0].1, "/episodes/0/foundAt/year");
    // Missing parts are listed in the order of the boxes, at the first one missing.
    let missing = at(parts("29", "5", "2024", "", ""));
    assert_eq!(
        input_findings(&missing),
        vec![(
            "INP-002".into(),
            "/episodes/0/foundAt/hour".into(),
            "Date and time found must include an hour and minute".into()
        )]
    );
    let missing = at(parts("29", "", "2024", "10", ""));
    assert_eq!(input_findings(&missing)[0].2, "Date and time found must include a month and minute");
    // All parts blank is blank; ISO text still gets its one message for the whole value.
    assert_eq!(input_findings(&at(parts("", "", "", "", ""))), vec![]);
    let text = at(json!("2024-05-29T25:00"));
    assert_eq!(input_findings(&text)[0].1, "/episodes/0/foundAt");
    // A part that is neither text nor a number.
    let wrong = at(json!({ "day": "29", "month": "5", "year": "2024", "hour": [1], "minute": "00" }));
    assert_eq!(input_findings(&wrong)[0].1, "/episodes/0/foundAt");
}
