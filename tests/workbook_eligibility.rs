//! Family Safeguarding workbook eligibility (forms.md §26): every rule failing and passing, and the outcome.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info};
use serde_json::{json, Value};

const FORM: &str = "workbook-eligibility";

fn family() -> Value {
    json!({
        "issues": ["domestic-abuse", "other"],
        "children": [
            { "name": "A", "disability": "none" },
            { "name": "Baby", "unborn": true },
            { "name": "C", "contextualIssuesOnly": true },
            { "name": "D", "disability": "complex-specialist" },
            { "name": "E", "disability": "fs-team" }
        ]
    })
}

#[test]
fn a_workbook_with_included_and_excluded_children() {
    let r = check(FORM, &family(), &submit());
    assert!(r.valid, "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "workbookRequired": true,
            "includedChildren": [0, 1, 4],
            "excludedChildren": [
                { "child": 2, "reason": "contextual-issues-only" },
                { "child": 3, "reason": "complex-specialist-disability" }
            ]
        })
    );
}

#[test]
fn wbe_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "WBE-001"), vec![("/issues".into(), Info), ("/children".into(), Info)]);
    let r = check(FORM, &json!({ "issues": [], "children": [] }), &submit());
    assert_eq!(found(&r, "WBE-001"), vec![("/issues".into(), Error), ("/children".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["workbookRequired"], false);
    assert!(!check(FORM, &family(), &submit()).has("WBE-001"));
}

#[test]
fn wbe_002_no_substance_misuse_mental_health_or_domestic_abuse() {
    let d = with(family(), "/issues", json!(["other"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "WBE-002"), vec![("/issues".into(), Info)]);
    assert_eq!(r.outcome.unwrap()["workbookRequired"], false);
    for issue in ["substance-misuse", "mental-health", "domestic-abuse"] {
        let r = check(FORM, &with(family(), "/issues", json!([issue])), &opts());
        assert!(!r.has("WBE-002"));
        assert_eq!(r.outcome.unwrap()["workbookRequired"], true, "{issue}");
    }
}

#[test]
fn wbe_003_child_with_only_contextual_issues_is_not_included() {
    let r = check(FORM, &family(), &opts());
    assert_eq!(found(&r, "WBE-003"), vec![("/children/2/contextualIssuesOnly".into(), Info)]);
    let d = with(family(), "/children/2/contextualIssuesOnly", json!("no"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("WBE-003"));
    assert_eq!(r.outcome.unwrap()["includedChildren"], json!([0, 1, 2, 4]));
}

#[test]
fn wbe_004_child_with_complex_specialist_disability_is_not_included() {
    let r = check(FORM, &family(), &opts());
    assert_eq!(found(&r, "WBE-004"), vec![("/children/3/disability".into(), Info)]);
    let d = with(family(), "/children/3/disability", json!("fs-team"));
    assert!(!check(FORM, &d, &opts()).has("WBE-004"));
}

#[test]
fn an_unknown_issue_is_an_input_error_and_decides_nothing() {
    let d = with(family(), "/issues", json!(["domestic abuse"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-006"), vec![("/issues/0".into(), Error)]);
    assert!(!r.has("WBE-002"));
    assert_eq!(r.outcome.unwrap()["workbookRequired"], false);
}
