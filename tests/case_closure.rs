//! Closure and end of involvement (forms.md §5): every rule firing and not firing, the 1-week timescale across
//! month ends, leap years and bank holidays (calendar days), case monitoring across month ends, approvals by route.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{Options, Report};
use serde_json::{json, Value};

const FORM: &str = "case-closure";

fn circle(date: &str, outcome: &str) -> Value {
    json!({ "date": date, "outcome": outcome, "childViews": "x", "parentViews": "y" })
}

/// A social worker's decision, route 1, approved by Strengthening Families and closed by the team leader.
fn route_1() -> Value {
    json!({
        "reason": "social-worker-decision",
        "directedOn": "2025-05-01",
        "closureSummaryOn": "2025-05-06",
        "endOfInvolvementOn": "2025-05-08",
        "route": 1,
        "approvals": [{ "role": "coordinator", "date": "2025-05-12", "decision": "approved" }],
        "levelOfNeedUpdated": true,
        "businessSupportNotified": true,
        "episodeClosedOn": "2025-05-13"
    })
}

/// Only one Family Circle, significant and sustained: the team leader closes it to the practitioner, monitors the
/// family for a month, records the final circle, then sends it to Strengthening Families.
fn route_2() -> Value {
    json!({
        "reason": "outcomes-achieved",
        "directedOn": "2025-03-03",
        "closureSummaryOn": "2025-03-05",
        "endOfInvolvementOn": "2025-03-07",
        "route": "2",
        "familyCircles": [circle("2025-02-24", "significant-sustained"), circle("2025-04-07", "significant-sustained")],
        "caseMonitoringFrom": "2025-03-07",
        "caseMonitoringUntil": "2025-04-07",
        "approvals": [
            { "role": "team-leader", "date": "2025-03-06", "decision": "approved" },
            { "role": "coordinator", "date": "2025-04-10", "decision": "approved" }
        ],
        "levelOfNeedUpdated": "yes",
        "businessSupportNotified": true,
        "episodeClosedOn": "2025-04-11"
    })
}

/// Neither route: senior practitioner, team leader, then the coordinator.
fn by_closures() -> Value {
    json!({
        "reason": "transfer",
        "directedOn": "2025-05-01",
        "closureSummaryOn": "2025-05-02",
        "endOfInvolvementOn": "2025-05-02",
        "approvals": [
            { "role": "senior-practitioner", "date": "2025-05-05", "decision": "approved" },
            { "role": "team-leader", "date": "2025-05-06", "decision": "approved" },
            { "role": "coordinator", "date": "2025-05-07", "decision": "returned", "missingInformation": "The final circle" },
            { "role": "team-leader", "date": "2025-05-08", "decision": "approved" },
            { "role": "coordinator", "date": "2025-05-09", "decision": "approved" }
        ],
        "levelOfNeedUpdated": true,
        "businessSupportNotified": true,
        "episodeClosedOn": "2025-05-09"
    })
}

fn on(today: &str) -> Options {
    Options::new().today(today).unwrap()
}

fn due(r: &Report, code: &str) -> Vec<Option<String>> {
    r.with_code(code).map(|d| d.due.clone()).collect()
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())
}

#[test]
fn a_route_1_closure_done_in_time_has_no_findings() {
    let r = check(FORM, &route_1(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["route"], 1);
    assert_eq!(o["routesAllowed"], json!([1]));
    assert_eq!(o["nextApprover"], Value::Null);
    assert_eq!(o["finalised"], true);
    assert_eq!(o["finalisedOn"], "2025-05-12");
    assert_eq!(
        o["timescales"],
        json!([
            { "standard": "closure-summary", "due": "2025-05-08", "metOn": "2025-05-06", "status": "met" },
            { "standard": "end-of-involvement", "due": "2025-05-08", "metOn": "2025-05-08", "status": "met" }
        ])
    );
}

#[test]
fn a_route_2_closure_with_a_month_of_monitoring_has_no_findings() {
    let r = check(FORM, &route_2(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["route"], 2);
    // Before monitoring there was one circle (route 2); with the final circle the last two close (route 1).
    assert_eq!(o["routesAllowed"], json!([1, 2]));
    assert_eq!(o["caseMonitoringEarliestEnd"], "2025-04-07");
    assert_eq!(o["finalised"], true);
}

#[test]
fn a_closure_by_the_closures_procedure_has_no_findings() {
    let r = check(FORM, &by_closures(), &submit());
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let o = outcome(&r);
    assert_eq!(o["route"], Value::Null);
    assert_eq!(o["routesAllowed"], json!([]));
    assert_eq!(o["finalisedOn"], "2025-05-09");
}

#[test]
fn next_approver_follows_the_route() {
    let d = without(without(by_closures(), "/approvals/4"), "/episodeClosedOn");
    assert_eq!(outcome(&check(FORM, &d, &opts()))["nextApprover"], "coordinator");
    let d = without(without(d, "/approvals/3"), "/approvals/2");
    let d = without(d, "/approvals/1");
    assert_eq!(outcome(&check(FORM, &d, &opts()))["nextApprover"], "team-leader");
    let d = with(d, "/approvals", json!([]));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["nextApprover"], "senior-practitioner");
    let d = with(without(route_2(), "/episodeClosedOn"), "/approvals", json!([]));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["nextApprover"], "team-leader");
    let d = with(without(route_1(), "/episodeClosedOn"), "/approvals", json!([]));
    let r = check(FORM, &d, &opts());
    assert_eq!(outcome(&r)["nextApprover"], "coordinator");
    assert_eq!(outcome(&r)["finalised"], false);
}

#[test]
fn clo_001_required_fields() {
    let r = check(FORM, &json!({}), &opts());
    assert_eq!(found(&r, "CLO-001"), vec![("/reason".into(), Info), ("/directedOn".into(), Info)]);
    let d = with(by_closures(), "/approvals/2/missingInformation", json!(""));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "CLO-001"), vec![("/approvals/2/missingInformation".into(), Error)]);
    // Route 2 once the team leader has approved: the monitoring dates.
    let d = without(without(route_2(), "/caseMonitoringFrom"), "/caseMonitoringUntil");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "CLO-001"), vec![("/caseMonitoringFrom".into(), Error)]);
    let d = without(route_2(), "/caseMonitoringUntil");
    assert_eq!(found(&check(FORM, &d, &submit()), "CLO-001"), vec![("/caseMonitoringUntil".into(), Error)]);
    let d = with(route_1(), "/approvals/0", json!({ "role": "coordinator" }));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "CLO-001"),
        vec![("/approvals/0/date".into(), Error), ("/approvals/0/decision".into(), Error)]
    );
}

#[test]
fn clo_002_summary_and_end_of_involvement_within_a_week() {
    let d = with(without(route_1(), "/endOfInvolvementOn"), "/closureSummaryOn", json!("2025-05-09"));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "CLO-002"),
        vec![("/closureSummaryOn".into(), Warning), ("/endOfInvolvementOn".into(), Warning)]
    );
    assert_eq!(due(&r, "CLO-002"), vec![Some("2025-05-08".into()), Some("2025-05-08".into())]);
    let rows = &outcome(&r)["timescales"];
    assert_eq!(rows[0]["status"], "met-late");
    assert_eq!(rows[1]["status"], "overdue");
    assert!(!check(FORM, &route_1(), &opts()).has("CLO-002"));
}

#[test]
fn a_week_from_direction_across_month_ends_leap_years_and_bank_holidays() {
    for (directed, expected) in [
        ("2025-02-24", "2025-03-03"),
        ("2024-02-24", "2024-03-02"),
        ("2024-02-29", "2024-03-07"),
        ("2025-12-29", "2026-01-05"),
        // Directed the Friday before Christmas: a week is 7 calendar days, Boxing Day included.
        ("2025-12-19", "2025-12-26"),
    ] {
        let r = check(FORM, &json!({ "reason": "other", "directedOn": directed }), &on("2026-06-01"));
        assert_eq!(due(&r, "CLO-002"), vec![Some(expected.to_string()), Some(expected.to_string())], "{directed}");
    }
}

#[test]
fn clo_003_route_1_needs_a_decision_disengagement_or_two_closing_circles() {
    let d = with(route_1(), "/reason", json!("outcomes-achieved"));
    let d = with(
        d,
        "/familyCircles",
        json!([circle("2025-02-01", "other"), circle("2025-04-01", "significant-sustained")]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-003"), vec![("/route".into(), Error)]);
    let d = with(d, "/familyCircles/0/outcome", json!("partial-significant-sustained"));
    assert!(!check(FORM, &d, &opts()).has("CLO-003"));
    let d = with(route_1(), "/reason", json!("disengagement"));
    assert!(!check(FORM, &d, &opts()).has("CLO-003"));
}

#[test]
fn clo_004_route_2_needs_one_significant_and_sustained_circle() {
    let d = with(route_2(), "/familyCircles/0/outcome", json!("partial-significant-sustained"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-004"), vec![("/route".into(), Error)]);
    // Two circles before monitoring: not route 2.
    let d = with(route_2(), "/familyCircles/1/date", json!("2025-03-01"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-004"), vec![("/route".into(), Error)]);
    assert!(!check(FORM, &route_2(), &opts()).has("CLO-004"));
}

#[test]
fn clo_005_approvals_follow_the_closures_order() {
    // The coordinator approves straight after the senior practitioner.
    let d = with(
        by_closures(),
        "/approvals",
        json!([
            { "role": "senior-practitioner", "date": "2025-05-05", "decision": "approved" },
            { "role": "coordinator", "date": "2025-05-07", "decision": "approved" }
        ]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-005"), vec![("/approvals/1/role".into(), Error)]);
    assert_eq!(
        r.with_code("CLO-005").next().unwrap().message,
        "The closure must be approved by the team leader before the Strengthening Families coordinator"
    );
    // Route 1 goes straight to the coordinator: the same approvals are fine.
    let d = with(with(d, "/route", json!(1)), "/reason", json!("disengagement"));
    assert!(!check(FORM, &d, &opts()).has("CLO-005"));
    // Listed out of date order: the dates decide.
    let mut d = by_closures();
    d["approvals"].as_array_mut().unwrap().reverse();
    assert!(!check(FORM, &d, &opts()).has("CLO-005"));
}

#[test]
fn clo_005_route_2_goes_to_strengthening_families_after_the_month_of_monitoring() {
    let d = with(route_2(), "/approvals/1/date", json!("2025-04-06"));
    let d = with(d, "/episodeClosedOn", json!("2025-04-07"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-005"), vec![("/approvals/1/role".into(), Error)]);
    assert_eq!(due(&r, "CLO-005"), vec![Some("2025-04-07".into())]);
    // Without the team leader's approval first.
    let d = without(route_2(), "/approvals/0");
    assert_eq!(found(&check(FORM, &d, &opts()), "CLO-005"), vec![("/approvals/0/role".into(), Error)]);
}

#[test]
fn clo_006_case_monitoring_lasts_a_month_across_month_ends() {
    let d = with(route_2(), "/caseMonitoringUntil", json!("2025-04-06"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-006"), vec![("/caseMonitoringUntil".into(), Warning)]);
    assert_eq!(due(&r, "CLO-006"), vec![Some("2025-04-07".into())]);
    for (from, earliest) in [("2025-01-31", "2025-02-28"), ("2024-01-31", "2024-02-29"), ("2025-12-31", "2026-01-31")] {
        let d = json!({ "reason": "outcomes-achieved", "route": 2, "caseMonitoringFrom": from, "caseMonitoringUntil": from });
        let r = check(FORM, &d, &on("2026-06-01"));
        assert_eq!(outcome(&r)["caseMonitoringEarliestEnd"], earliest, "{from}");
        assert_eq!(due(&r, "CLO-006"), vec![Some(earliest.to_string())], "{from}");
        let d = with(d, "/caseMonitoringUntil", json!(earliest));
        assert!(!check(FORM, &d, &on("2026-06-01")).has("CLO-006"), "{from}");
    }
}

#[test]
fn clo_007_episode_closed_only_after_strengthening_families_approves() {
    let d = with(route_1(), "/episodeClosedOn", json!("2025-05-11"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-007"), vec![("/episodeClosedOn".into(), Error)]);
    let d = with(route_1(), "/approvals", json!([]));
    assert_eq!(found(&check(FORM, &d, &opts()), "CLO-007"), vec![("/episodeClosedOn".into(), Error)]);
    let d = with(route_1(), "/episodeClosedOn", json!("2025-05-12"));
    assert!(!check(FORM, &d, &opts()).has("CLO-007"));
}

#[test]
fn clo_008_team_leader_updates_the_level_of_need_and_tells_business_support() {
    let d = with(without(route_1(), "/levelOfNeedUpdated"), "/businessSupportNotified", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "CLO-008"),
        vec![("/levelOfNeedUpdated".into(), Warning), ("/businessSupportNotified".into(), Warning)]
    );
    // A malformed answer is reported once, by the structural pass.
    let d2 = with(route_1(), "/levelOfNeedUpdated", json!("maybe"));
    let r = check(FORM, &d2, &opts());
    assert_eq!(found(&r, "INP-001"), vec![("/levelOfNeedUpdated".into(), Error)]);
    assert!(!r.has("CLO-008"));
    // Not yet finalised: not yet expected.
    let d = without(with(d, "/approvals", json!([])), "/episodeClosedOn");
    assert!(!check(FORM, &d, &opts()).has("CLO-008"));
}

#[test]
fn clo_009_route_2_final_circle_after_monitoring() {
    let d = without(route_2(), "/familyCircles/1");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-009"), vec![("/familyCircles".into(), Warning)]);
    assert!(!check(FORM, &route_2(), &opts()).has("CLO-009"));
}

#[test]
fn clo_010_dates_before_the_direction_to_close() {
    let d = with(route_1(), "/closureSummaryOn", json!("2025-04-30"));
    let d = with(d, "/approvals/0/date", json!("2025-04-29"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-010"), vec![("/closureSummaryOn".into(), Error), ("/approvals/0/date".into(), Error)]);
    let d = with(route_2(), "/caseMonitoringUntil", json!("2025-03-06"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-010"), vec![("/caseMonitoringUntil".into(), Error)]);
    assert!(!r.has("CLO-006"), "one finding for an end before the start");
    assert!(!check(FORM, &route_1(), &opts()).has("CLO-010"));
}

#[test]
fn clo_011_dates_in_the_future() {
    let d = with(route_1(), "/episodeClosedOn", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-011"), vec![("/episodeClosedOn".into(), Error)]);
    // The end of case monitoring may be planned ahead.
    let d = with(route_2(), "/caseMonitoringUntil", json!("2025-09-01"));
    assert!(!check(FORM, &d, &opts()).has("CLO-011"));
}

#[test]
fn clo_012_a_route_is_available() {
    let d = without(with(route_1(), "/reason", json!("disengagement")), "/route");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "CLO-012"), vec![("/route".into(), Info)]);
    assert_eq!(r.with_code("CLO-012").next().unwrap().message, "This closure can go by route 1: select it if it does");
    assert!(!check(FORM, &by_closures(), &opts()).has("CLO-012"));
    let d = json!({ "reason": "outcomes-achieved", "familyCircles": [circle("2025-02-24", "significant-sustained")] });
    let r = check(FORM, &d, &opts());
    assert_eq!(r.with_code("CLO-012").next().unwrap().message, "This closure can go by route 2: select it if it does");
    assert_eq!(outcome(&r)["routesAllowed"], json!([2]));
}

#[test]
fn a_route_other_than_1_or_2_is_out_of_range() {
    let d = with(route_1(), "/route", json!(3));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-009"), vec![("/route".into(), Error)]);
}
