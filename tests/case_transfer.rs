//! Transfer summary (forms.md §6): every rule firing and not firing, and where the transfer stands.

mod common;

use common::*;
use safeguarding_forms::Report;
use safeguarding_forms::Severity::{Error, Info};
use serde_json::{json, Value};

const FORM: &str = "case-transfer";

/// A transfer from Hadley Castle to The Wrekin, authorised, reassigned, allocated and finalised.
fn finalised() -> Value {
    json!({
        "fromLocality": "hadley-castle",
        "toLocality": "the-wrekin",
        "outstandingTasks": ["Book the next Family Circle", "Chase the school attendance figures"],
        "formsUpToDate": true,
        "practitionerContinuesUntilAllocated": true,
        "authorisedBy": "senior-practitioner",
        "authorisedOn": "2025-05-01",
        "receivingSeniorBsoOn": "2025-05-02",
        "takenToApmOn": "2025-05-06",
        "allocatedOn": "2025-05-07",
        "finalisedOn": "2025-05-08"
    })
}

/// Just completed by the practitioner: nothing authorised yet.
fn new_summary() -> Value {
    json!({
        "fromLocality": "lakeside-south",
        "toLocality": "hadley-castle",
        "outstandingTasks": [],
        "formsUpToDate": true,
        "practitionerContinuesUntilAllocated": true
    })
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())
}

#[test]
fn a_finalised_transfer_has_no_findings() {
    let r = check(FORM, &finalised(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(
        r.outcome.unwrap(),
        json!({ "stage": "finalised", "practitionerResponsible": false, "canFinalise": false, "outstandingTasks": 2 })
    );
}

#[test]
fn a_new_summary_with_no_outstanding_tasks_is_valid() {
    let r = check(FORM, &new_summary(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["stage"], "awaiting-authorisation");
    assert_eq!(o["practitionerResponsible"], true);
    assert_eq!(o["outstandingTasks"], 0);
}

#[test]
fn stages_follow_the_transfer_procedure() {
    let mut d = finalised();
    let mut stages = vec![];
    for key in ["finalisedOn", "allocatedOn", "takenToApmOn", "receivingSeniorBsoOn", "authorisedOn"] {
        stages.push(outcome(&check(FORM, &d, &opts()))["stage"].as_str().unwrap().to_owned());
        d = without(d, &format!("/{key}"));
    }
    assert_eq!(
        stages,
        ["finalised", "awaiting-finalisation", "awaiting-allocation", "awaiting-allocation", "awaiting-reassignment"]
    );
    let d = without(finalised(), "/finalisedOn");
    assert_eq!(outcome(&check(FORM, &d, &opts()))["canFinalise"], true);
}

#[test]
fn trf_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&r, "TRF-001"),
        vec![
            ("/fromLocality".into(), Info),
            ("/toLocality".into(), Info),
            ("/outstandingTasks".into(), Info),
            ("/formsUpToDate".into(), Info),
            ("/practitionerContinuesUntilAllocated".into(), Info)
        ]
    );
    // Reassigned to the receiving hub: the authorisation must be recorded.
    let d = without(without(finalised(), "/authorisedBy"), "/authorisedOn");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "TRF-001"), vec![("/authorisedBy".into(), Error), ("/authorisedOn".into(), Error)]);
    let d = without(finalised(), "/authorisedOn");
    assert_eq!(found(&check(FORM, &d, &submit()), "TRF-001"), vec![("/authorisedOn".into(), Error)]);
    // An empty list of outstanding tasks is an answer.
    assert!(!check(FORM, &new_summary(), &submit()).has("TRF-001"));
    let d = with(new_summary(), "/outstandingTasks", Value::Null);
    assert_eq!(found(&check(FORM, &d, &submit()), "TRF-001"), vec![("/outstandingTasks".into(), Error)]);
}

#[test]
fn trf_002_receiving_locality_differs() {
    let d = with(finalised(), "/toLocality", json!("hadley-castle"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "TRF-002"), vec![("/toLocality".into(), Error)]);
    assert!(!check(FORM, &finalised(), &opts()).has("TRF-002"));
}

/// With no profile a locality is the council's own text: the same name however it is capitalised or spaced, in any
/// script, is the same locality ("ΟΔΟΣ" and "οδοσ" too, which `str::to_lowercase`, giving "οδος", told apart).
#[test]
fn trf_002_same_locality_regardless_of_case() {
    let same = [("Hadley  Castle", "hadley castle"), ("ΟΔΟΣ", "οδοσ"), ("Οδος", "ΟΔΟΣ"), ("İnce", "i\u{307}nce")];
    for (from, to) in same {
        let d = with(with(finalised(), "/fromLocality", json!(from)), "/toLocality", json!(to));
        assert_eq!(found(&check(FORM, &d, &opts()), "TRF-002"), vec![("/toLocality".into(), Error)], "{from} {to}");
    }
    for (from, to) in [("Hadley Castle", "Hadley"), ("ΟΔΟΣ", "ΟΔΟ"), ("Ince", "İnce")] {
        let d = with(with(finalised(), "/fromLocality", json!(from)), "/toLocality", json!(to));
        assert!(!check(FORM, &d, &opts()).has("TRF-002"), "{from} {to}");
    }
}

#[test]
fn trf_003_forms_up_to_date() {
    let d = with(new_summary(), "/formsUpToDate", json!("no"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "TRF-003"), vec![("/formsUpToDate".into(), Error)]);
    let d = with(without(finalised(), "/finalisedOn"), "/formsUpToDate", json!(false));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["canFinalise"], false);
}

#[test]
fn trf_004_authorised_by_a_senior_practitioner() {
    let d = with(finalised(), "/authorisedBy", json!("team-leader"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-004"), vec![("/authorisedBy".into(), Error)]);
    assert!(!check(FORM, &finalised(), &opts()).has("TRF-004"));
}

#[test]
fn trf_005_practitioner_continues_until_allocation() {
    let d = with(new_summary(), "/practitionerContinuesUntilAllocated", json!(false));
    assert_eq!(
        found(&check(FORM, &d, &opts()), "TRF-005"),
        vec![("/practitionerContinuesUntilAllocated".into(), Error)]
    );
    // Once allocated, the practitioner may stop.
    let d = with(finalised(), "/practitionerContinuesUntilAllocated", json!(false));
    assert!(!check(FORM, &d, &opts()).has("TRF-005"));
}

#[test]
fn trf_006_finalised_only_once_allocated() {
    let d = with(finalised(), "/finalisedOn", json!("2025-05-06"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-006"), vec![("/finalisedOn".into(), Error)]);
    let d = without(finalised(), "/allocatedOn");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "TRF-006"), vec![("/finalisedOn".into(), Error)]);
    assert_eq!(
        r.with_code("TRF-006").next().unwrap().message,
        "The transfer is finalised only once the receiving hub has allocated the family"
    );
    let d = with(finalised(), "/finalisedOn", json!("2025-05-07"));
    assert!(!check(FORM, &d, &opts()).has("TRF-006"));
}

#[test]
fn trf_007_authorised_then_reassigned_then_allocated() {
    let d = with(finalised(), "/receivingSeniorBsoOn", json!("2025-04-30"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-007"), vec![("/receivingSeniorBsoOn".into(), Error)]);
    let d = with(finalised(), "/takenToApmOn", json!("2025-05-01"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-007"), vec![("/takenToApmOn".into(), Error)]);
    let d = with(with(finalised(), "/allocatedOn", json!("2025-05-01")), "/takenToApmOn", json!("2025-05-02"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-007"), vec![("/allocatedOn".into(), Error)]);
    assert!(!check(FORM, &finalised(), &opts()).has("TRF-007"));
}

#[test]
fn trf_008_dates_in_the_future() {
    let d = with(finalised(), "/finalisedOn", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "TRF-008"), vec![("/finalisedOn".into(), Error)]);
    let d = with(finalised(), "/finalisedOn", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("TRF-008"));
}

#[test]
fn outstanding_tasks_are_text() {
    let d = with(new_summary(), "/outstandingTasks", json!("lots"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-001"), vec![("/outstandingTasks".into(), Error)]);
    assert!(!r.has("TRF-001"));
}
