//! Incredible Years parent group leader checklist (forms.md §15): every rule passing and failing, and fidelity.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use safeguarding_forms::forms::incredible_years_checklist::model::ITEMS;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Map, Value};

const FORM: &str = "incredible-years-checklist";

/// Item `n` (1–28) answered by `answer(n)`.
fn items(answer: impl Fn(u8) -> &'static str) -> Value {
    let mut m = Map::new();
    for i in ITEMS {
        m.insert(i.id.to_owned(), json!(answer(i.number)));
    }
    Value::Object(m)
}

/// A peer review in week 7: items 3, 13 and 26 no, item 27 N/A, the rest yes.
fn complete() -> Value {
    json!({
        "evaluationType": "peer-review",
        "session": "Session 7",
        "leaders": ["Leader A", "Leader B"],
        "date": "2025-05-21",
        "courseWeek": 7,
        "items": items(|n| match n { 3 | 13 | 26 => "no", 27 => "n-a", _ => "yes" }),
        "goals": "Keep the homework review shorter"
    })
}

#[test]
fn the_checklist_has_28_items_in_five_parts() {
    assert_eq!(ITEMS.len(), 28);
    let per: Vec<usize> = ["set-up", "home-activities", "topic", "vignettes", "role-plays"]
        .iter()
        .map(|p| ITEMS.iter().filter(|i| i.part == *p).count())
        .collect();
    assert_eq!(per, vec![4, 9, 2, 8, 5]);
    assert!(ITEMS.iter().zip(1u8..).all(|(i, n)| i.number == n));
}

#[test]
fn fidelity_per_part_and_overall() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    // Set up: 3 yes, 1 no → 0.75. Home activities: 8 yes, 1 no → 8/9 = 0.888… = 0.89. Topic 2/2 = 1.
    // Vignettes 8/8 = 1. Role plays: 3 yes, 1 no, 1 N/A → 0.75. Overall 24 yes, 3 no → 24/27 = 0.888… = 0.89.
    let fidelity: Vec<Value> = o["parts"].as_array().unwrap().iter().map(|p| p["fidelity"].clone()).collect();
    assert_eq!(fidelity, vec![json!(0.75), json!(0.89), json!(1.0), json!(1.0), json!(0.75)]);
    assert_eq!(o["parts"][4]["notApplicable"], 1);
    assert_eq!((o["yes"].clone(), o["no"].clone(), o["notApplicable"].clone()), (json!(24), json!(3), json!(1)));
    assert_eq!(o["fidelity"], json!(0.89));
    // Everything N/A: no fidelity.
    let d = with(complete(), "/items", items(|_| "n-a"));
    assert_eq!(check(FORM, &d, &opts()).outcome.unwrap()["fidelity"], Value::Null);
}

#[test]
fn iyc_001_required_at_submit() {
    let r = check(FORM, &json!({}), &submit());
    assert_eq!(
        found(&r, "IYC-001"),
        vec![
            ("/evaluationType".into(), Error),
            ("/session".into(), Error),
            ("/leaders".into(), Error),
            ("/date".into(), Error),
            ("/items".into(), Error)
        ]
    );
    let d = without(without(complete(), "/items/topic.paraphrase"), "/courseWeek");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "IYC-001"), vec![("/courseWeek".into(), Error), ("/items/topic.paraphrase".into(), Error)]);
    assert!(found(&check(FORM, &d, &opts()), "IYC-001").iter().all(|(_, s)| *s == Info));
    // A self-evaluation does not need the week.
    let d = with(without(complete(), "/courseWeek"), "/evaluationType", json!("self-evaluation"));
    assert!(!check(FORM, &d, &submit()).has("IYC-001"));
}

#[test]
fn iyc_002_peer_review_in_weeks_6_to_8() {
    for (week, fires) in [(5, true), (6, false), (8, false), (9, true)] {
        let d = with(complete(), "/courseWeek", json!(week));
        let r = check(FORM, &d, &opts());
        if fires {
            assert_eq!(found(&r, "IYC-002"), vec![("/courseWeek".into(), Warning)], "week {week}");
        } else {
            assert!(!r.has("IYC-002"), "week {week}");
        }
    }
}

#[test]
fn iyc_003_quality_assurance_around_weeks_8_to_9() {
    let d = with(complete(), "/evaluationType", json!("certified-trainer-mentor"));
    for (week, fires) in [(7, true), (8, false), (9, false), (10, true)] {
        let r = check(FORM, &with(d.clone(), "/courseWeek", json!(week)), &opts());
        assert_eq!(r.has("IYC-003"), fires, "week {week}");
        assert!(!r.has("IYC-002"));
    }
    // Self-evaluation: any week.
    let d = with(with(complete(), "/evaluationType", json!("self-evaluation")), "/courseWeek", json!(2));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("IYC-002") && !r.has("IYC-003"));
}

#[test]
fn iyc_004_session_date_after_today() {
    let d = with(complete(), "/date", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "IYC-004"), vec![("/date".into(), Error)]);
    assert!(!check(FORM, &complete(), &opts()).has("IYC-004"));
}

#[test]
fn iyc_005_unknown_item() {
    let d = with(complete(), "/items/set-up.snacks", json!("yes"));
    assert_eq!(found(&check(FORM, &d, &opts()), "IYC-005"), vec![("/items".into(), Error)]);
    assert!(!check(FORM, &complete(), &opts()).has("IYC-005"));
    // An answer that is not yes, no or N/A is the shared option rule.
    let d = with(complete(), "/items/set-up.agenda", json!("maybe"));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-006"), vec![("/items/set-up.agenda".into(), Error)]);
}
