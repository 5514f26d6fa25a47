//! The Workbook Summary's rules: one declaration and one check function each.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::MODULE_IDS;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_000};
use crate::engine::timescale::{self, Status};
use crate::msg;
use crate::rule;

const SECTION: &str = "Workbook Summaries and Supervision";

rule!(REQUIRED, "WBS-001", "missing-required-field", Error, Required,
    ["/worker", "/worker/name", "/worker/role", "/groupSupervisionDate", "/analysis"],
    Cite::same(SEED_000, SECTION),
    "A field the summary needs is missing: the worker's name and role, the date of the group supervision it is for, or the worker's analysis.",
    "Each practitioner will bring their analysis to the Group to consider different hypotheses and impact of interventions and to agree SMART actions following supervision for the next period of work with the family.");

/// How many days before the group supervision the summary is sent to the team manager.
pub static DAYS_BEFORE: Param = Param { key: "workbook-summary.daysBefore", default: 2, unit: "days" };

rule!(SENT_LATE, "WBS-002", "summary-not-sent-before-supervision", Warning, Check,
    ["/submittedOn", "/groupSupervisionDate"],
    Cite::interpreted(SEED_000, SECTION),
    "The summary was sent to the team manager later than two days before the group supervision, or has not been sent and that day has passed. \"Two days\" is read as calendar days: sent on or before the supervision date minus two days.",
    "Two days before supervision takes place, the Workbook Summary should be completed by the practitioner and sent to the team manager.",
    params = [DAYS_BEFORE]);

rule!(PERIOD_ORDER, "WBS-003", "period-dates-out-of-order", Error, Check,
    ["/periodStart", "/periodEnd", "/groupSupervisionDate"],
    Cite::interpreted(SEED_000, SECTION),
    "The period ends before it starts, or ends after the group supervision the summary is for (the period runs between supervisions).",
    "Each involved worker, including the social worker, uses their own Workbook Summary to record their activity with the child between supervisions.");

rule!(
    ACTIVITY_OUTSIDE_PERIOD,
    "WBS-004",
    "activity-outside-period",
    Warning,
    Check,
    ["/activities/*/date", "/periodStart", "/periodEnd"],
    Cite::interpreted(SEED_000, SECTION),
    "An activity is dated before the start or after the end of the summary's period: it belongs in another summary.",
    ""
);

rule!(
    DATE_IN_FUTURE,
    "WBS-005",
    "date-in-future",
    Error,
    Check,
    ["/activities/*/date", "/submittedOn"],
    Cite::interpreted(SEED_000, SECTION),
    "An activity, or the day the summary was sent, is dated after today.",
    ""
);

rule!(NOT_CROSS_REFERENCED, "WBS-006", "activity-not-cross-referenced", Warning, Check,
    ["/activities/*/modules", "/activities/*"],
    Cite::same(SEED_000, SECTION),
    "An activity does not cross-reference any module of the Family Programme.",
    "This will include records of relevant emails, notable telephone calls, dates of visits and will also cross reference to the relevant sections of the Family Programme and the work undertaken by the practitioner.");

pub static RULES: &[&Rule] =
    &[&REQUIRED, &SENT_LATE, &PERIOD_ORDER, &ACTIVITY_OUTSIDE_PERIOD, &DATE_IN_FUTURE, &NOT_CROSS_REFERENCED];

/// The day the summary is due with the team manager: the group supervision date less the configured days.
pub fn due_date(ctx: &Ctx, supervision: NaiveDate) -> Option<NaiveDate> {
    calendar::add_days(supervision, ctx.value(&DAYS_BEFORE).saturating_neg())
}

/// Where sending the summary stands: its deadline and status, when the group supervision date is known.
pub fn sending(data: &Map<String, Value>, ctx: &Ctx) -> Option<(NaiveDate, Status)> {
    let due = due_date(ctx, read::date(data, "groupSupervisionDate")?)?;
    let sent = read::date(data, "submittedOn");
    Some((due, timescale::status(due, sent, ctx.today, timescale::DUE_SOON_DAYS)))
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    sent_before_supervision(data, ctx);
    period_order(data, ctx);
    activities(data, ctx);
}

fn sent_before_supervision(data: &Map<String, Value>, ctx: &mut Ctx) {
    if ctx.has_finding_at("/submittedOn") {
        return;
    }
    let Some((due, status)) = sending(data, ctx) else { return };
    let days = ctx.value(&DAYS_BEFORE);
    let message = match status {
        Status::MetLate => msg!(WBS002_SUMMARY_SENT_TEAM_MANAGER, days = days, due = due),
        Status::Overdue => msg!(WBS002_SEND_SUMMARY_TEAM_MANAGER, days = days, due = due),
        _ => return,
    };
    ctx.emit(&SENT_LATE, "/submittedOn", message).related(["/groupSupervisionDate"]).due(calendar::format_date(due));
}

fn period_order(data: &Map<String, Value>, ctx: &mut Ctx) {
    let (start, end) = (read::date(data, "periodStart"), read::date(data, "periodEnd"));
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            ctx.emit(&PERIOD_ORDER, "/periodEnd", &WBS003_END_PERIOD_SAME_AFTER).related(["/periodStart"]);
            return;
        }
    }
    if let (Some(e), Some(gs)) = (end, read::date(data, "groupSupervisionDate")) {
        if e > gs {
            ctx.emit(&PERIOD_ORDER, "/periodEnd", &WBS003_END_PERIOD_SAME_BEFORE).related(["/groupSupervisionDate"]);
        }
    }
}

fn activities(data: &Map<String, Value>, ctx: &mut Ctx) {
    let (start, end) = (read::date(data, "periodStart"), read::date(data, "periodEnd"));
    let period_ok = match (start, end) {
        (Some(s), Some(e)) => s <= e,
        _ => true,
    };
    for (i, row) in read::list(data, "activities").iter().enumerate() {
        let Some(a) = row.as_object() else { continue };
        if read::is_blank(Some(row)) {
            continue;
        }
        if let Some(d) = read::date(a, "date") {
            if d <= ctx.today && period_ok && (start.is_some_and(|s| d < s) || end.is_some_and(|e| d > e)) {
                ctx.emit(
                    &ACTIVITY_OUTSIDE_PERIOD,
                    crate::text!("/activities/", i, "/date"),
                    &WBS004_DATE_ACTIVITY_WITHIN_PERIOD,
                )
                .related(["/periodStart", "/periodEnd"]);
            }
        }
        if modules_of(a).is_empty() && read::is_blank(a.get("modules")) {
            ctx.emit(
                &NOT_CROSS_REFERENCED,
                crate::text!("/activities/", i, "/modules"),
                &WBS006_SELECT_MODULES_FAMILY_PROGRAMME,
            );
        }
    }
}

/// The valid module ids an activity cross-references.
pub fn modules_of(activity: &Map<String, Value>) -> Vec<&'static str> {
    let ids: Vec<&str> = read::list(activity, "modules").iter().filter_map(Value::as_str).map(str::trim).collect();
    MODULE_IDS.iter().copied().filter(|m| ids.contains(m)).collect()
}

crate::messages! {
    WBS002_SUMMARY_SENT_TEAM_MANAGER = "WBS-002.summary-sent-team-manager": "The summary must be sent to the team manager at least {days, plural, one {# day} other {# days}} before the group supervision, by {due}";
    WBS002_SEND_SUMMARY_TEAM_MANAGER = "WBS-002.send-summary-team-manager": "Send the summary to the team manager: it was due {days, plural, one {# day} other {# days}} before the group supervision, by {due}";
    WBS003_END_PERIOD_SAME_AFTER = "WBS-003.end-period-same-after": "End of the period must be the same as or after the start of the period";
    WBS003_END_PERIOD_SAME_BEFORE = "WBS-003.end-period-same-before": "End of the period must be the same as or before the date of the group supervision";
    WBS004_DATE_ACTIVITY_WITHIN_PERIOD = "WBS-004.date-activity-within-period": "Date of the activity must be within the period of the summary: record it in the summary for its own period";
    WBS006_SELECT_MODULES_FAMILY_PROGRAMME = "WBS-006.select-modules-family-programme": "Select the modules of the Family Programme that the activity relates to";
}
