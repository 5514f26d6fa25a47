//! The closure rules: one declaration each, and the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, ROUTE_1_REASONS};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::long_date;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::Status;
use crate::forms::deadline::Deadline;
use crate::forms::family_circle::rules::{closure_route, read_circles, Circle};
use crate::msg;
use crate::rule;

const STANDARDS: &str = "STRENGTHENING FAMLIES STANDARDS OF PRACTICE";
const CLOSURES: &str = "CLOSURES";
const ROUTE_1: &str = "Closure Route 1";
const ROUTE_2: &str = "Closure Route 2";

pub static SUMMARY_DAYS: Param = Param { key: "case-closure.summaryDays", default: 7, unit: "days" };
pub static MONITORING_MONTHS: Param = Param { key: "case-closure.monitoringMonths", default: 1, unit: "months" };

rule!(REQUIRED, "CLO-001", "missing-required-field", Error, Required,
    ["/reason", "/directedOn", "/caseMonitoringFrom", "/caseMonitoringUntil", "/familyCircles/*/date", "/familyCircles/*/outcome", "/approvals/*/role", "/approvals/*/date", "/approvals/*/decision", "/approvals/*/missingInformation", "/approvals/*", "/familyCircles/*", "/route"],
    Cite::interpreted(SEED_002, CLOSURES),
    "A field the closure needs is missing: the reason, the date it was directed, each approval's role, date and decision, the information missing when the coordinator returns it, and on route 2 the case monitoring dates once the team leader has approved.",
    "Strengthening Families co-ordinator checks, if appropriate will finalise, if criteria not met, send back to Team Leader to add incomplete information.");

rule!(CLOSURE_LATE, "CLO-002", "closure-not-completed-in-time", Warning, Check,
    ["/closureSummaryOn", "/endOfInvolvementOn", "/directedOn"],
    Cite::same(SEED_002, STANDARDS),
    "The closure summary or the end of involvement was not completed within 1 week of being directed to close the case.",
    "When directed close a case. Closure summary and end of involvement to be completed. 1 week",
    params = [SUMMARY_DAYS]);

rule!(ROUTE_1_NOT_SUPPORTED, "CLO-003", "closure-route-1-not-supported", Error, Check,
    ["/route", "/reason", "/familyCircles/*/outcome"],
    Cite::same(SEED_002, ROUTE_1),
    "Route 1 is chosen, but the closure is neither a social worker's decision nor disengagement, and the last two Family Circles do not both show significant and sustained (or partial significant and sustained) progress.",
    "Social Worker Decision, Disengagement/Non Engagement and the last 2 Family Circles show significant and sustained/partial significant and sustained = these can go straight to Strengthening Families.");

rule!(ROUTE_2_NOT_SUPPORTED, "CLO-004", "closure-route-2-not-supported", Error, Check,
    ["/route", "/familyCircles/*/outcome", "/familyCircles/*/date", "/caseMonitoringFrom"],
    Cite::interpreted(SEED_002, ROUTE_2),
    "Route 2 is chosen, but there is not exactly one Family Circle showing significant and sustained progress before case monitoring started (the final circle agreed at the end of monitoring is not counted).",
    "If there is only 1 Family Circle but shows significant and sustained then send to the Team Leader, who will close the case to the Practitioner.");

rule!(APPROVALS_OUT_OF_ORDER, "CLO-005", "closure-approvals-out-of-order", Error, Check,
    ["/approvals/*/role", "/approvals/*/date", "/approvals/*/decision", "/route", "/caseMonitoringFrom"],
    Cite::interpreted(SEED_002, CLOSURES),
    "An approval skips a step: without a route the closure goes senior practitioner, then team leader, then the Strengthening Families coordinator; route 1 goes straight to the coordinator; route 2 goes to the team leader, then, after the month of case monitoring, to the coordinator.",
    "End of involvement completed on forms by practitioner reassigned to Senior Practitioner. Senior checks in line with Strengthening Families Procedures reassigns for Team Leader. Team Leader approves and sends to Strengthening Families Coordinator",
    params = [MONITORING_MONTHS]);

rule!(MONITORING_TOO_SHORT, "CLO-006", "case-monitoring-shorter-than-a-month", Warning, Check,
    ["/caseMonitoringUntil", "/caseMonitoringFrom", "/route"],
    Cite::same(SEED_002, ROUTE_2),
    "On route 2 the team leader monitors the family for less than a month.",
    "The Team Leader will then allocate the family to themselves as \"Case Monitoring\" Team Leader to monitor the family for 1 month.",
    params = [MONITORING_MONTHS]);

rule!(
    EPISODE_CLOSED_EARLY,
    "CLO-007",
    "episode-closed-before-approval",
    Error,
    Check,
    ["/episodeClosedOn", "/approvals/*/role", "/approvals/*/date", "/approvals/*/decision"],
    Cite::same(SEED_002, ROUTE_1),
    "The episode is closed before Strengthening Families (the coordinator) approved the closure.",
    "Once approved by Strengthening Families, Episode will be closed by Team Leader."
);

rule!(FINAL_STEPS, "CLO-008", "closure-final-steps-incomplete", Warning, Check,
    ["/levelOfNeedUpdated", "/businessSupportNotified", "/approvals/*/role", "/approvals/*/decision", "/approvals/*/date"],
    Cite::same(SEED_002, CLOSURES),
    "The coordinator has finalised the closure, but the level of need is not recorded as updated or the senior business support officer as told.",
    "Team Leader to close case status, complete level of need, close involvement, send to Senior BSO via case note to update allocation spreadsheet");

rule!(FINAL_CIRCLE_MISSING, "CLO-009", "final-family-circle-not-recorded", Warning, Check,
    ["/familyCircles/*/date", "/caseMonitoringFrom", "/route", "/approvals/*/role", "/approvals/*/date", "/approvals/*/decision"],
    Cite::same(SEED_002, ROUTE_2),
    "A route 2 closure went to Strengthening Families without a final Family Circle agreed after case monitoring started.",
    "The final answers will be agreed as the last Family Circle and then sent to Strengthening Families.");

rule!(BEFORE_DIRECTED, "CLO-010", "closure-dates-out-of-order", Error, Check,
    ["/closureSummaryOn", "/endOfInvolvementOn", "/approvals/*/date", "/directedOn", "/caseMonitoringUntil", "/caseMonitoringFrom"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The closure summary, the end of involvement or an approval is dated before the closure was directed, or case monitoring ends before it starts.",
    "");

rule!(
    DATE_IN_FUTURE,
    "CLO-011",
    "date-in-future",
    Error,
    Check,
    [
        "/directedOn",
        "/closureSummaryOn",
        "/endOfInvolvementOn",
        "/familyCircles/*/date",
        "/caseMonitoringFrom",
        "/approvals/*/date",
        "/episodeClosedOn"
    ],
    Cite::interpreted(SEED_002, CLOSURES),
    "A date of something that has happened is after today (the end of case monitoring may be in the future).",
    ""
);

rule!(
    ROUTE_AVAILABLE,
    "CLO-012",
    "closure-route-available",
    Info,
    Check,
    ["/route", "/reason", "/familyCircles/*/outcome", "/caseMonitoringFrom", "/familyCircles/*/date"],
    Cite::interpreted(SEED_002, ROUTE_1),
    "No route is chosen, but the reason or the Family Circles allow route 1 or route 2.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &CLOSURE_LATE,
    &ROUTE_1_NOT_SUPPORTED,
    &ROUTE_2_NOT_SUPPORTED,
    &APPROVALS_OUT_OF_ORDER,
    &MONITORING_TOO_SHORT,
    &EPISODE_CLOSED_EARLY,
    &FINAL_STEPS,
    &FINAL_CIRCLE_MISSING,
    &BEFORE_DIRECTED,
    &DATE_IN_FUTURE,
    &ROUTE_AVAILABLE,
];

/// One approval with a readable role, date and decision.
#[derive(Debug, Clone, Copy)]
struct Approval {
    index: usize,
    role: &'static str,
    date: NaiveDate,
    approved: bool,
}

/// What the rules and the outcome share, read once.
pub struct Facts {
    pub route: Option<u8>,
    /// The routes the reason and the Family Circles allow.
    pub routes_allowed: Vec<u8>,
    pub circles: Vec<Circle>,
    pub monitoring_from: Option<NaiveDate>,
    /// The earliest day route 2 case monitoring may end.
    pub monitoring_earliest_end: Option<NaiveDate>,
    pub closure_summary: Deadline,
    pub end_of_involvement: Deadline,
    /// Who approves next (`None` once finalised, or when nothing is known).
    pub next_approver: Option<&'static str>,
    /// The coordinator's approval that finalised the closure.
    pub finalised_on: Option<NaiveDate>,
    approvals: Vec<Approval>,
}

/// The approvers in order, for the route.
fn chain(route: Option<u8>) -> &'static [&'static str] {
    match route {
        Some(1) => &["coordinator"],
        Some(2) => &["team-leader", "coordinator"],
        _ => &["senior-practitioner", "team-leader", "coordinator"],
    }
}

fn read_approvals(data: &Map<String, Value>) -> Vec<Approval> {
    let mut out: Vec<Approval> = read::list(data, "approvals")
        .iter()
        .enumerate()
        .filter_map(|(index, v)| {
            let obj = v.as_object()?;
            let role = read::text(obj, "role")
                .and_then(|r| model::APPROVER_ROLES.iter().copied().find(|x| *x == r.as_ref()))?;
            let date = read::date(obj, "date")?;
            let approved = read::choice(obj, "decision", model::DECISIONS)?.as_ref() == "approved";
            Some(Approval { index, role, date, approved })
        })
        .collect();
    crate::engine::sort::stable_by(&mut out, |a, b| a.date.cmp(&b.date).then(a.index.cmp(&b.index)));
    out
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let today = ctx.today;
    let route = read::number(data, "route").and_then(|n| {
        if n == 1.0 {
            Some(1)
        } else if n == 2.0 {
            Some(2)
        } else {
            None
        }
    });
    let reason = read::choice(data, "reason", model::REASONS);
    let circles = read_circles(read::list(data, "familyCircles"));
    let monitoring_from = read::date(data, "caseMonitoringFrom");
    let mut routes_allowed = Vec::new();
    if reason.as_deref().is_some_and(|r| ROUTE_1_REASONS.contains(&r)) || closure_route(&circles) == Some(1) {
        routes_allowed.push(1);
    }
    if closure_route(&circles_before_monitoring(&circles, monitoring_from)) == Some(2) {
        routes_allowed.push(2);
    }
    let months = i32::try_from(ctx.value(&MONITORING_MONTHS)).unwrap_or(i32::MAX);
    let monitoring_earliest_end =
        if route == Some(2) { monitoring_from.and_then(|f| calendar::add_months(f, months)) } else { None };
    let due = read::date(data, "directedOn").and_then(|d| calendar::add_days(d, ctx.value(&SUMMARY_DAYS)));
    let closure_summary = Deadline::new("closure-summary", due, read::date(data, "closureSummaryOn"), today);
    let end_of_involvement = Deadline::new("end-of-involvement", due, read::date(data, "endOfInvolvementOn"), today);
    let approvals = read_approvals(data);
    let steps = chain(route);
    let mut stage = 0usize;
    let mut finalised_on = None;
    for a in &approvals {
        let Some(k) = steps.iter().position(|r| *r == a.role) else { continue };
        if a.approved {
            stage = stage.max(k.saturating_add(1));
            if a.role == "coordinator" {
                finalised_on = Some(a.date);
            }
        } else {
            stage = k.saturating_sub(1);
            if a.role == "coordinator" {
                finalised_on = None;
            }
        }
    }
    let next_approver = steps.get(stage).copied();
    Facts {
        route,
        routes_allowed,
        circles,
        monitoring_from,
        monitoring_earliest_end,
        closure_summary,
        end_of_involvement,
        next_approver,
        finalised_on,
        approvals,
    }
}

/// The circles before case monitoring started (all of them when it has not).
fn circles_before_monitoring(circles: &[Circle], from: Option<NaiveDate>) -> Vec<Circle> {
    circles.iter().copied().filter(|c| from.is_none_or(|f| c.date < f)).collect()
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    required(data, ctx, f);
    dates(data, ctx);
    timescales(ctx, f);
    route(ctx, f);
    approvals(ctx, f);
    monitoring(data, ctx, f);
    final_steps(data, ctx, f);
}

fn required(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.route == Some(2) {
        let team_leader_approved = f.approvals.iter().any(|a| a.role == "team-leader" && a.approved);
        if team_leader_approved && read::is_blank(data.get("caseMonitoringFrom")) {
            ctx.emit(&REQUIRED, "/caseMonitoringFrom", &CLO001_ENTER_DATE_CASE_MONITORING);
        }
        if !read::is_blank(data.get("caseMonitoringFrom")) && read::is_blank(data.get("caseMonitoringUntil")) {
            ctx.emit(&REQUIRED, "/caseMonitoringUntil", &CLO001_ENTER_DATE_CASE_MONITORING_2);
        }
    }
    for (i, item) in read::list(data, "approvals").iter().enumerate() {
        let Some(a) = item.as_object() else { continue };
        let coordinator = read::text(a, "role").as_deref() == Some("coordinator");
        let returned = read::text(a, "decision").as_deref() == Some("returned");
        if coordinator && returned && read::is_blank(a.get("missingInformation")) {
            ctx.emit(
                &REQUIRED,
                crate::text!("/approvals/", i, "/missingInformation"),
                &CLO001_ENTER_INFORMATION_MISSING_CLOSURE,
            );
        }
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    let fields = super::model::FIELDS;
    let after_directed = ["/closureSummaryOn", "/endOfInvolvementOn", "/approvals/*/date"];
    checks::dates_not_before(fields, data, ctx, &BEFORE_DIRECTED, "/directedOn", &after_directed);
    checks::dates_not_before(fields, data, ctx, &BEFORE_DIRECTED, "/caseMonitoringFrom", &["/caseMonitoringUntil"]);
}

fn timescales(ctx: &mut Ctx, f: &Facts) {
    let days = ctx.value(&SUMMARY_DAYS);
    for (d, path, what) in [
        (&f.closure_summary, "/closureSummaryOn", "closureSummaryOn"),
        (&f.end_of_involvement, "/endOfInvolvementOn", "endOfInvolvementOn"),
    ] {
        if !d.breached() {
            continue;
        }
        let due = d.due.map(long_date).unwrap_or_default();
        let message = if d.status == Status::MetLate {
            msg!(CLO002_WHAT_COMPLETED_WITHIN_DAYS, step = what, days = days, due = due)
        } else {
            msg!(CLO002_WHAT_COMPLETED_WITHIN_DAYS_2, step = what, days = days, due = due)
        };
        ctx.emit(&CLOSURE_LATE, path, message).related(["/directedOn"]).due(d.due_text());
    }
}

fn route(ctx: &mut Ctx, f: &Facts) {
    match f.route {
        Some(1) if !f.routes_allowed.contains(&1) => {
            ctx.emit(&ROUTE_1_NOT_SUPPORTED, "/route", &CLO003_ROUTE_1_SOCIAL_WORKERS)
                .related(["/reason", "/familyCircles"]);
        }
        Some(2) if !f.routes_allowed.contains(&2) => {
            ctx.emit(&ROUTE_2_NOT_SUPPORTED, "/route", &CLO004_ROUTE_2_CASE_ONLY)
                .related(["/familyCircles", "/caseMonitoringFrom"]);
        }
        None if !f.routes_allowed.is_empty() => {
            let message = match f.routes_allowed.as_slice() {
                [route] => msg!(CLO012_CLOSURE_CAN_GO_ROUTE, route = *route),
                _ => msg!(CLO012_CLOSURE_CAN_GO_ROUTE_2),
            };
            ctx.emit(&ROUTE_AVAILABLE, "/route", message).related(["/reason", "/familyCircles"]);
        }
        _ => {}
    }
}

fn approvals(ctx: &mut Ctx, f: &Facts) {
    let steps = chain(f.route);
    let mut stage = 0usize;
    for a in &f.approvals {
        let Some(k) = steps.iter().position(|r| *r == a.role) else { continue };
        if !a.approved {
            stage = k.saturating_sub(1);
            continue;
        }
        let path = crate::text!("/approvals/", a.index, "/role");
        if k > stage {
            let expected = steps.get(stage).copied().unwrap_or_default();
            let message = msg!(CLO005_CLOSURE_APPROVED_VALUE_BEFORE, expected = expected, actual = a.role);
            ctx.emit(&APPROVALS_OUT_OF_ORDER, path.as_str(), message).related(["/route"]);
        } else if a.role == "coordinator" && f.route == Some(2) {
            if let Some(end) = f.monitoring_earliest_end.filter(|end| a.date < *end) {
                let months = ctx.value(&MONITORING_MONTHS);
                let message = msg!(CLO005_ROUTE_2_CLOSURE_GOES, months = months, end = end);
                ctx.emit(&APPROVALS_OUT_OF_ORDER, path.as_str(), message)
                    .related(["/caseMonitoringFrom", "/route"])
                    .due(calendar::format_date(end));
            }
        }
        stage = stage.max(k.saturating_add(1));
    }
}

fn monitoring(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.route != Some(2) {
        return;
    }
    if let (Some(end), Some(until)) = (f.monitoring_earliest_end, read::date(data, "caseMonitoringUntil")) {
        if until < end && f.monitoring_from.is_some_and(|from| until >= from) {
            let months = ctx.value(&MONITORING_MONTHS);
            ctx.emit(
                &MONITORING_TOO_SHORT,
                "/caseMonitoringUntil",
                msg!(CLO006_TEAM_LEADER_MONITORS_FAMILY, months = months, end = end),
            )
            .related(["/caseMonitoringFrom"])
            .due(calendar::format_date(end));
        }
    }
    let sent = f.approvals.iter().any(|a| a.role == "coordinator");
    if let (true, Some(from)) = (sent, f.monitoring_from) {
        if !f.circles.iter().any(|c| c.date >= from) {
            ctx.emit(&FINAL_CIRCLE_MISSING, "/familyCircles", &CLO009_ADD_FINAL_FAMILY_CIRCLE)
                .related(["/caseMonitoringFrom"]);
        }
    }
}

fn final_steps(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(finalised) = f.finalised_on else {
        if read::date(data, "episodeClosedOn").is_some() {
            ctx.emit(&EPISODE_CLOSED_EARLY, "/episodeClosedOn", &CLO007_EPISODE_CLOSED_ONLY_ONCE)
                .related(["/approvals"]);
        }
        return;
    };
    if read::date(data, "episodeClosedOn").is_some_and(|closed| closed < finalised) {
        ctx.emit(&EPISODE_CLOSED_EARLY, "/episodeClosedOn", &CLO007_DATE_EPISODE_CLOSED_SAME).related(["/approvals"]);
    }
    let answered =
        |ctx: &Ctx, key: &str| read::boolean(data, key) == Some(true) || ctx.has_finding_at(&crate::text!("/", key));
    if !answered(ctx, "levelOfNeedUpdated") {
        ctx.emit(&FINAL_STEPS, "/levelOfNeedUpdated", &CLO008_UPDATE_LEVEL_NEED_NOW);
    }
    if !answered(ctx, "businessSupportNotified") {
        ctx.emit(&FINAL_STEPS, "/businessSupportNotified", &CLO008_TELL_SENIOR_BUSINESS_SUPPORT);
    }
}

crate::messages! {
    CLO001_ENTER_DATE_CASE_MONITORING = "CLO-001.case-monitoring-start": "Enter the date case monitoring started";
    CLO001_ENTER_DATE_CASE_MONITORING_2 = "CLO-001.case-monitoring-end": "Enter the date case monitoring ends";
    CLO001_ENTER_INFORMATION_MISSING_CLOSURE = "CLO-001.enter-information-missing-closure": "Enter the information missing from the closure";
    CLO002_WHAT_COMPLETED_WITHIN_DAYS = "CLO-002.completed-late": "{step, select, closureSummaryOn {The closure summary} other {The end of involvement}} must be completed within {days, plural, one {# day} other {# days}} of being directed to close the case: it was completed after the deadline of {due}";
    CLO002_WHAT_COMPLETED_WITHIN_DAYS_2 = "CLO-002.overdue": "{step, select, closureSummaryOn {The closure summary} other {The end of involvement}} must be completed within {days, plural, one {# day} other {# days}} of being directed to close the case: it was due by {due}";
    CLO003_ROUTE_1_SOCIAL_WORKERS = "CLO-003.route-1-social-workers": "Route 1 is for a social worker’s decision, disengagement, or when the last 2 Family Circles show significant and sustained or partial significant and sustained progress";
    CLO004_ROUTE_2_CASE_ONLY = "CLO-004.route-2-case-only": "Route 2 is for a case with only 1 Family Circle, showing significant and sustained progress";
    CLO012_CLOSURE_CAN_GO_ROUTE = "CLO-012.one-route": "This closure can go by route {route}: select it if it does";
    CLO012_CLOSURE_CAN_GO_ROUTE_2 = "CLO-012.either-route": "This closure can go by route 1 or 2: select one if it does";
    CLO005_CLOSURE_APPROVED_VALUE_BEFORE = "CLO-005.approved-out-of-order": "The closure must be approved by {expected, select, senior-practitioner {a senior practitioner} team-leader {the team leader} other {the Strengthening Families coordinator}} before {actual, select, senior-practitioner {a senior practitioner} team-leader {the team leader} other {the Strengthening Families coordinator}}";
    CLO005_ROUTE_2_CLOSURE_GOES = "CLO-005.route-2-closure-goes": "A route 2 closure goes to Strengthening Families only after {months, plural, one {# month} other {# months}} of case monitoring, on or after {end}";
    CLO006_TEAM_LEADER_MONITORS_FAMILY = "CLO-006.team-leader-monitors-family": "The team leader monitors the family for {months, plural, one {# month} other {# months}}: case monitoring must end on or after {end}";
    CLO009_ADD_FINAL_FAMILY_CIRCLE = "CLO-009.add-final-family-circle": "Add the final Family Circle agreed at the end of case monitoring before sending the closure to Strengthening Families";
    CLO007_EPISODE_CLOSED_ONLY_ONCE = "CLO-007.episode-closed-only-once": "The episode is closed only once Strengthening Families has approved the closure";
    CLO007_DATE_EPISODE_CLOSED_SAME = "CLO-007.date-episode-closed-same": "Date the episode was closed must be the same as or after the date Strengthening Families approved the closure";
    CLO008_UPDATE_LEVEL_NEED_NOW = "CLO-008.update-level-need-now": "Update the level of need now that the closure is approved";
    CLO008_TELL_SENIOR_BUSINESS_SUPPORT = "CLO-008.tell-senior-business-support": "Tell the senior business support officer, by case note, so the allocation spreadsheet is updated";
}
