//! Domestic abuse triage (forms.md §10): every rule failing and passing, the rolling 12 month window and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "da-triage";

fn incidents(risk: &str, dates: &[&str]) -> Vec<Value> {
    dates.iter().map(|d| json!({ "date": d, "risk": risk })).collect()
}

/// A triage on 2 June 2025 with `list` as its incidents, no allocated worker, known to services, decided by letter.
fn triage(list: Vec<Value>) -> Value {
    json!({
        "triageDate": "2025-06-02",
        "incidents": list,
        "allocatedWorker": false,
        "knownToServices": true,
        "historyOfConcerns": true,
        "barnardosRiskAssessment": true,
        "decision": "letter",
        "letterSentOn": "2025-06-02",
        "recordedOnCrm": true
    })
}

fn five_standard() -> Value {
    triage(incidents("standard", &["2024-06-03", "2024-09-10", "2024-12-24", "2025-02-28", "2025-05-30"]))
}

#[test]
fn five_standard_incidents_with_no_worker_escalate() {
    let r = check(FORM, &five_standard(), &submit());
    assert!(r.valid);
    assert_eq!(found(&r, "DAT-002"), vec![("/incidents".into(), Info)]);
    assert_eq!(
        r.outcome.unwrap(),
        json!({
            "escalate": true,
            "triage": true,
            "reasons": ["standard-incidents-no-worker"],
            "standardIncidents": 5,
            "mediumIncidents": 0,
            "highIncidents": 0,
            "windowFrom": "2024-06-03",
            "windowTo": "2025-06-02",
            "allocatedWorker": false
        })
    );
}

#[test]
fn dat_002_needs_five_in_the_rolling_window_and_no_worker() {
    // 2 June 2024 is the same day 12 months earlier: outside the window.
    let d = with(five_standard(), "/incidents/0/date", json!("2024-06-02"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("DAT-002"));
    assert_eq!(r.outcome.unwrap()["escalate"], false);
    let d = with(five_standard(), "/allocatedWorker", json!(true));
    assert!(!check(FORM, &d, &opts()).has("DAT-002"));
    // Six is "5 or more".
    let mut list = incidents("standard", &["2024-06-03", "2024-09-10", "2024-12-24", "2025-02-28", "2025-05-30"]);
    list.push(json!({ "date": "2025-06-01", "risk": "standard" }));
    assert!(check(FORM, &triage(list), &opts()).has("DAT-002"));
}

#[test]
fn the_window_at_month_ends_and_29_february() {
    // Triage on 28 February 2025: the window starts on 29 February 2024 (the day after 28 February 2024).
    let mut d = five_standard();
    d["triageDate"] = json!("2025-02-28");
    d["incidents"] =
        Value::Array(incidents("standard", &["2024-02-29", "2024-05-01", "2024-08-01", "2024-11-01", "2025-02-28"]));
    d["letterSentOn"] = json!("2025-02-28");
    let r = check(FORM, &d, &opts());
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["windowFrom"], "2024-02-29");
    assert!(r.has("DAT-002"));
    d["incidents"][0]["date"] = json!("2024-02-28");
    assert!(!check(FORM, &d, &opts()).has("DAT-002"));
    // Triage on 29 February 2024: 12 months back is 28 February 2023, so the window starts on 1 March 2023.
    d["triageDate"] = json!("2024-02-29");
    d["incidents"] = Value::Array(incidents("medium", &["2023-03-01", "2023-10-01", "2024-02-29"]));
    d["letterSentOn"] = json!("2024-02-29");
    let r = check(FORM, &d, &opts());
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["windowFrom"], "2023-03-01");
    assert!(r.has("DAT-003"));
    d["incidents"][0]["date"] = json!("2023-02-28");
    assert!(!check(FORM, &d, &opts()).has("DAT-003"));
}

#[test]
fn dat_003_three_medium_incidents_with_no_worker() {
    let d = triage(incidents("medium", &["2024-07-01", "2025-01-31", "2025-05-31"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DAT-003"), vec![("/incidents".into(), Info)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!((o["escalate"].clone(), o["triage"].clone()), (json!(false), json!(true)));
    assert_eq!(o["reasons"], json!(["medium-incidents-no-worker"]));
    let d = triage(incidents("medium", &["2025-01-31", "2025-05-31"]));
    assert!(!check(FORM, &d, &opts()).has("DAT-003"));
    let d =
        with(triage(incidents("medium", &["2024-07-01", "2025-01-31", "2025-05-31"])), "/allocatedWorker", json!(true));
    assert!(!check(FORM, &d, &opts()).has("DAT-003"));
}

#[test]
fn dat_004_a_medium_incident_in_a_family_not_known_with_no_history() {
    let d = triage(incidents("medium", &["2025-05-31"]));
    let d = with(with(d, "/knownToServices", json!(false)), "/historyOfConcerns", json!(false));
    let d = with(d, "/allocatedWorker", json!(true));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DAT-004"), vec![("/incidents".into(), Info)]);
    assert_eq!(r.outcome.unwrap()["triage"], true);
    // A history of concerns: not this criterion.
    let d2 = with(d.clone(), "/historyOfConcerns", json!(true));
    let r = check(FORM, &d2, &opts());
    assert!(!r.has("DAT-004"));
    assert_eq!(r.outcome.unwrap()["triage"], false);
    // A standard incident: not this criterion.
    let d3 = with(d, "/incidents/0/risk", json!("standard"));
    assert!(!check(FORM, &d3, &opts()).has("DAT-004"));
}

#[test]
fn high_risk_incidents_are_counted_but_are_not_sf_triage_criteria() {
    let d = triage(incidents("high", &["2024-07-01", "2025-01-31", "2025-05-31"]));
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!((o["highIncidents"].clone(), o["triage"].clone()), (json!(3), json!(false)));
}

#[test]
fn dat_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(
        found(&r, "DAT-001"),
        vec![("/incidents".into(), Info), ("/allocatedWorker".into(), Info), ("/decision".into(), Info)]
    );
    // The triage date defaults to today.
    assert_eq!(r.outcome.unwrap()["windowTo"], TODAY);
    // A medium incident needs the known-to-services and history answers; a telephone call needs the victim's answer.
    let list = vec![json!({ "date": "2025-05-31", "risk": "medium" }), json!({})];
    let d = without(without(triage(list), "/knownToServices"), "/historyOfConcerns");
    let d = with(d, "/decision", json!("phone-call"));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "DAT-001"),
        vec![
            ("/incidents/1/date".into(), Error),
            ("/incidents/1/risk".into(), Error),
            ("/knownToServices".into(), Error),
            ("/historyOfConcerns".into(), Error),
            ("/victimAgreesToContact".into(), Error)
        ]
    );
    assert!(found(&check(FORM, &five_standard(), &submit()), "DAT-001").is_empty());
}

#[test]
fn dat_005_incidents_not_after_the_triage_date() {
    let d = with(with(five_standard(), "/triageDate", json!("2025-05-29")), "/letterSentOn", json!("2025-05-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DAT-005"), vec![("/incidents/4/date".into(), Error)]);
    // It is not counted either.
    assert_eq!(r.outcome.unwrap()["standardIncidents"], 4);
    assert!(!check(FORM, &five_standard(), &opts()).has("DAT-005"));
    // Without a triage date, today is the limit.
    let d = with(without(five_standard(), "/triageDate"), "/incidents/4/date", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "DAT-005"), vec![("/incidents/4/date".into(), Error)]);
}

#[test]
fn dat_006_dates_not_after_today() {
    let d = with(five_standard(), "/triageDate", json!("2025-06-03"));
    let d = with(d, "/contactAttempts", json!(["2025-06-01", "2025-06-04"]));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "DAT-006"), vec![("/triageDate".into(), Error), ("/contactAttempts/1".into(), Error)]);
    assert!(!check(FORM, &five_standard(), &opts()).has("DAT-006"));
}

#[test]
fn dat_007_assessed_against_the_barnardos_tool() {
    let d = with(five_standard(), "/barnardosRiskAssessment", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "DAT-007"), vec![("/barnardosRiskAssessment".into(), Warning)]);
    // No decision yet: nothing to flag.
    let d = without(d, "/decision");
    assert!(!check(FORM, &d, &opts()).has("DAT-007"));
}

/// The victim agrees; a telephone call is decided; attempts on `days`.
fn calls(days: Value) -> Value {
    let d = with(five_standard(), "/decision", json!("phone-call"));
    let d = with(d, "/victimAgreesToContact", json!(true));
    let d = without(d, "/letterSentOn");
    with(d, "/contactAttempts", days)
}

#[test]
fn dat_008_a_letter_after_three_days_of_calls() {
    // Attempts on 27, 28 (twice) and 29 May: the letter is due on 30 May.
    let d = calls(json!(["2025-05-27", "2025-05-28", "2025-05-28", "2025-05-29"]));
    let r = check(FORM, &d, &opts());
    let f: Vec<_> = r.with_code("DAT-008").map(|d| (d.path.clone(), d.severity, d.due.clone())).collect();
    assert_eq!(f, vec![("/letterSentOn".into(), Warning, Some("2025-05-30".into()))]);
    // Sent on time.
    let d2 = with(d.clone(), "/letterSentOn", json!("2025-05-30"));
    assert!(!check(FORM, &d2, &opts()).has("DAT-008"));
    // Sent late.
    let d2 = with(d.clone(), "/letterSentOn", json!("2025-05-31"));
    assert!(check(FORM, &d2, &opts()).with_code("DAT-008").next().unwrap().message.contains("late"));
    // Contact made: no letter needed.
    let d2 = with(d, "/contactMade", json!(true));
    assert!(!check(FORM, &d2, &opts()).has("DAT-008"));
    // Only two days of attempts so far.
    let d = calls(json!(["2025-05-28", "2025-05-28", "2025-05-29"]));
    assert!(!check(FORM, &d, &opts()).has("DAT-008"));
}

#[test]
fn dat_009_a_call_needs_the_victims_agreement() {
    let d = with(calls(json!([])), "/victimAgreesToContact", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "DAT-009"), vec![("/decision".into(), Warning)]);
    assert!(!check(FORM, &calls(json!([])), &opts()).has("DAT-009"));
}

#[test]
fn dat_010_recorded_on_crm() {
    let d = with(five_standard(), "/recordedOnCrm", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "DAT-010"), vec![("/recordedOnCrm".into(), Warning)]);
    assert!(!check(FORM, &five_standard(), &opts()).has("DAT-010"));
}

#[test]
fn thresholds_are_parameters() {
    let rules = safeguarding_forms::rules(Some(FORM), &safeguarding_forms::Options::new()).unwrap();
    let keys: Vec<(String, i64)> =
        rules.iter().flat_map(|r| r.parameters.iter().map(|p| (p.key.clone(), p.default))).collect();
    for want in [("da-triage.standardIncidents", 5), ("da-triage.mediumIncidents", 3), ("da-triage.windowMonths", 12)] {
        assert!(keys.contains(&(want.0.to_string(), want.1)), "{want:?}");
    }
}
