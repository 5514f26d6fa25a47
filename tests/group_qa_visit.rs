//! Quality assurance visit to a group (forms.md §14): every rule passing and failing, and the outcome.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use safeguarding_forms::forms::group_qa_visit::model::CHECKS;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Map, Value};

const FORM: &str = "group-qa-visit";

/// Every check answered yes, except those listed as no (with a comment).
fn checks(no: &[&str]) -> Value {
    let mut m = Map::new();
    for c in CHECKS {
        let v = if no.contains(&c.id) {
            json!({ "answer": "no", "comment": "Needs attention" })
        } else {
            json!({ "answer": "yes" })
        };
        m.insert(c.id.to_owned(), v);
    }
    Value::Object(m)
}

fn complete() -> Value {
    json!({
        "staff": "Two assistants",
        "date": "2025-05-14",
        "carriedOutBy": "A Senior",
        "groupName": "Playing Together",
        "checks": checks(&["overview.space", "file.risk-assessments"]),
        "wentWell": ["Welcoming", "Good range of play"],
        "improvements": "Weekly risk assessments",
        "previousVisitDate": "2024-06-01"
    })
}

#[test]
fn the_table_has_17_checks_10_4_3() {
    assert_eq!(CHECKS.len(), 17);
    let per: Vec<usize> =
        ["overview", "parents", "file"].iter().map(|p| CHECKS.iter().filter(|c| c.part == *p).count()).collect();
    assert_eq!(per, vec![10, 4, 3]);
    assert_eq!(CHECKS[0].text, "Is the atmosphere welcoming?");
}

#[test]
fn a_complete_visit_counts_yes_and_no_and_gives_the_next_visit() {
    let r = check(FORM, &complete(), &submit());
    assert!(r.valid && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = serde_json::Value::from(r.outcome.unwrap());
    // 15 yes of 17: 88.2% → 88.
    assert_eq!((o["yes"].clone(), o["no"].clone(), o["unanswered"].clone()), (json!(15), json!(2), json!(0)));
    assert_eq!(o["percentage"], 88);
    assert_eq!(
        o["parts"][0],
        json!({ "id": "overview", "title": "Group overview", "yes": 9, "no": 1, "unanswered": 0, "percentage": 90 })
    );
    assert_eq!(o["parts"][2]["percentage"], 67, "2 of 3 is 66.7%, rounded to 67");
    assert_eq!(o["nextVisitDue"], "2026-05-14");
    assert_eq!(o["nextVisitStatus"], "due");
    // Nothing answered: no percentage.
    let o = serde_json::Value::from(check(FORM, &json!({}), &opts()).outcome.unwrap());
    assert_eq!(o["percentage"], Value::Null);
    assert_eq!(o["unanswered"], 17);
}

#[test]
fn gqa_001_required_at_submit() {
    let r = check(FORM, &json!({}), &submit());
    assert_eq!(
        found(&r, "GQA-001"),
        vec![
            ("/date".into(), Error),
            ("/carriedOutBy".into(), Error),
            ("/groupName".into(), Error),
            ("/checks".into(), Error),
            ("/wentWell".into(), Error)
        ]
    );
    let d = without(complete(), "/checks/parents.safe");
    let d = with(d, "/checks/file.planning", json!({ "comment": "Not seen" }));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "GQA-001"),
        vec![("/checks/parents.safe".into(), Error), ("/checks/file.planning/answer".into(), Error)]
    );
    assert!(found(&check(FORM, &d, &opts()), "GQA-001").iter().all(|(_, s)| *s == Info));
}

#[test]
fn gqa_002_a_no_needs_a_comment() {
    let d = with(complete(), "/checks/overview.space", json!({ "answer": "no" }));
    assert_eq!(found(&check(FORM, &d, &submit()), "GQA-002"), vec![("/checks/overview.space/comment".into(), Error)]);
    assert_eq!(found(&check(FORM, &d, &opts()), "GQA-002"), vec![("/checks/overview.space/comment".into(), Info)]);
    assert!(!check(FORM, &complete(), &submit()).has("GQA-002"));
}

#[test]
fn gqa_003_two_things_went_well() {
    let d = with(complete(), "/wentWell", json!(["Welcoming"]));
    assert_eq!(found(&check(FORM, &d, &opts()), "GQA-003"), vec![("/wentWell".into(), Warning)]);
    let d = with(complete(), "/wentWell", json!(["A", "B", "C"]));
    assert!(check(FORM, &d, &opts()).has("GQA-003"));
    let d = with(complete(), "/wentWell", json!(["A", "", "B"]));
    assert!(!check(FORM, &d, &opts()).has("GQA-003"), "blank rows do not count");
}

#[test]
fn gqa_004_each_group_visited_annually() {
    // 14 May 2025: a year before is 14 May 2024.
    let d = with(complete(), "/previousVisitDate", json!("2024-05-13"));
    let r = check(FORM, &d, &opts());
    let w: Vec<_> = r.with_code("GQA-004").collect();
    assert_eq!(
        (w[0].path.as_str(), w[0].severity, w[0].due.as_deref()),
        ("/previousVisitDate", Warning, Some("2025-05-13"))
    );
    let d = with(complete(), "/previousVisitDate", json!("2024-05-14"));
    assert!(!check(FORM, &d, &opts()).has("GQA-004"));
}

#[test]
fn gqa_005_and_006_dates() {
    let d = with(complete(), "/date", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "GQA-005"), vec![("/date".into(), Error)]);
    assert!(!check(FORM, &complete(), &opts()).has("GQA-005"));
    let d = with(complete(), "/previousVisitDate", json!("2025-05-14"));
    assert_eq!(found(&check(FORM, &d, &opts()), "GQA-006"), vec![("/previousVisitDate".into(), Error)]);
    assert!(!check(FORM, &complete(), &opts()).has("GQA-006"));
}

#[test]
fn gqa_007_unknown_check() {
    let d = with(complete(), "/checks/overview.made-up", json!({ "answer": "yes" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "GQA-007"), vec![("/checks".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["yes"], 15, "not counted");
}
