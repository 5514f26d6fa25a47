//! The group supervision record's rules: one declaration and one check function each.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{NOT_INVOLVED, STAFF_ROLES};
use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_000, SEED_001, SEED_004};
use crate::engine::timescale::{self, Status};
use crate::forms::workbook_summary::rules::DAYS_BEFORE;
use crate::msg;
use crate::rule;

const SUPERVISION: &str = "Family Safeguarding Case Supervision";
const JOURNEY: &str = "How will the journey change for staff?";

rule!(REQUIRED, "GS-001", "missing-required-field", Error, Required,
    ["/date", "/chair", "/attendees", "/attendees/*/role", "/rag", "/ragReason", "/finalisedBy", "/finalisedBy/role", "/finalisedBy/date"],
    Cite::same(SEED_001, SUPERVISION),
    "A field the record needs is missing: the date, the chair, the people involved and their roles, the RAG rating and its reason, or who finalised the record and when.",
    "FS case supervision rates the case either red, amber or green depending on the assessment of the risk to outcomes for the children. All FS case supervision records will be finalised by the team manager.");

rule!(TRADITIONAL, "GS-002", "traditional-supervision-applies", Info, Check, ["/attendees", "/attendees/*/role"],
    Cite::same(SEED_001, SUPERVISION),
    "Fewer than two professionals are involved with the family, so traditional case supervision applies rather than Family Safeguarding case supervision.",
    "If there is only a social worker involved with a family, then traditional case supervision will apply. Where there are two or more professionals involved, a FS case supervision arrangement will need to be applied.");

rule!(
    CHAIR_NOT_TM,
    "GS-003",
    "chair-not-team-manager",
    Error,
    Check,
    ["/chair/role"],
    Cite::same(SEED_001, SUPERVISION),
    "The supervision is chaired by someone other than the team manager.",
    "The team manager is responsible for chairing case supervision, management oversight and decision making"
);

rule!(
    NOT_FINALISED_BY_TM,
    "GS-004",
    "not-finalised-by-team-manager",
    Error,
    Check,
    ["/finalisedBy/role"],
    Cite::same(SEED_001, SUPERVISION),
    "The record is finalised by someone other than the team manager.",
    "All FS case supervision records will be finalised by the team manager."
);

rule!(SUMMARY_NOT_PROVIDED, "GS-005", "summary-not-provided-before-session", Error, Check,
    ["/attendees/*/summarySubmittedOn", "/attendees/*/present", "/attendees/*/role", "/date"],
    Cite::same(SEED_001, SUPERVISION),
    "An involved professional's workbook summary was not finalised before the session (after its date, or not at all once the session has taken place); one who could not attend must have provided it in advance.",
    "All involved FS professionals will ensure that workbooks are updated and finalised prior to the supervision session. ... It is recognised that not everyone can be physically present in the room for the session, but finalised summaries must be provided in advance in order that all involved professionals contribute.");

rule!(SUMMARY_LATE, "GS-006", "summary-later-than-two-days-before", Warning, Check,
    ["/attendees/*/summarySubmittedOn", "/attendees/*/role", "/date"],
    Cite::interpreted(SEED_000, "Workbook Summaries and Supervision"),
    "An involved professional's workbook summary was finalised less than two days before the session (read as calendar days, as in the workbook summary), or is not yet in and that day has passed.",
    "Two days before supervision takes place, the Workbook Summary should be completed by the practitioner and sent to the team manager.",
    params = [DAYS_BEFORE]);

rule!(DECISION_WITHOUT_REASON, "GS-007", "decision-without-reason", Error, Required,
    ["/decisions/*/decision", "/decisions/*/reason"],
    Cite::same(SEED_001, SUPERVISION),
    "A decision is recorded without the reason for it. Reported as an error at submit, as information while drafting.",
    "It includes the most recent summaries of progress of work undertaken with families by all professionals, reflection on the cycle of change, views of the child and parents, impact of support delivered/ case, a plan for what will happen next, what decisions were made and why.");

rule!(ACTION_INCOMPLETE, "GS-008", "action-without-owner-or-date", Error, Required,
    ["/actions/*/action", "/actions/*/owner", "/actions/*/dueDate", "/actions/*"],
    Cite::interpreted(SEED_000, "Workbook Summaries and Supervision"),
    "An action has no owner or no due date, so it is not SMART. Reported as an error at submit, as information while drafting.",
    "Each practitioner will bring their analysis to the Group to consider different hypotheses and impact of interventions and to agree SMART actions following supervision for the next period of work with the family.");

rule!(
    ACTION_DUE_NOT_AFTER,
    "GS-009",
    "action-due-not-after-supervision",
    Error,
    Check,
    ["/actions/*/dueDate", "/date"],
    Cite::interpreted(SEED_000, "Workbook Summaries and Supervision"),
    "An action is due on or before the date of the supervision that agreed it.",
    "to agree SMART actions following supervision for the next period of work with the family"
);

/// How often each family is reviewed in group supervision.
pub static FREQUENCY_MONTHS: Param = Param { key: "group-supervision.frequencyMonths", default: 1, unit: "months" };

rule!(INTERVAL, "GS-010", "supervision-interval-over-a-month", Warning, Check,
    ["/previousSupervisionDate", "/date"],
    Cite::interpreted(SEED_004, JOURNEY),
    "More than a month passed between the previous group supervision and this one (\"monthly\" is read as the same day of the next month, or its last day when the month is shorter).",
    "This is reviewed monthly for each family in group supervisions (notes taken by administrative staff)",
    params = [FREQUENCY_MONTHS]);

rule!(
    MINUTE_TAKER,
    "GS-011",
    "minute-taker-not-business-support",
    Warning,
    Check,
    ["/minuteTaker/role"],
    Cite::same(SEED_001, SUPERVISION),
    "The session is recorded by someone other than a business support officer.",
    "a business support officer who is responsible for recording the session"
);

rule!(
    PREVIOUS_NOT_BEFORE,
    "GS-012",
    "previous-supervision-not-before",
    Error,
    Check,
    ["/previousSupervisionDate", "/date"],
    Cite::interpreted(SEED_004, JOURNEY),
    "The previous supervision is dated on or after this one.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &TRADITIONAL,
    &CHAIR_NOT_TM,
    &NOT_FINALISED_BY_TM,
    &SUMMARY_NOT_PROVIDED,
    &SUMMARY_LATE,
    &DECISION_WITHOUT_REASON,
    &ACTION_INCOMPLETE,
    &ACTION_DUE_NOT_AFTER,
    &INTERVAL,
    &MINUTE_TAKER,
    &PREVIOUS_NOT_BEFORE,
];

/// An involved professional: an attendee whose role is neither the chair's nor the minute taker's.
pub struct Involved<'a> {
    pub index: usize,
    pub attendee: &'a Map<String, Value>,
    /// `present: false`.
    pub absent: bool,
    pub summary_on: Option<NaiveDate>,
}

pub fn involved(data: &Map<String, Value>) -> Vec<Involved<'_>> {
    read::list(data, "attendees")
        .iter()
        .enumerate()
        .filter_map(|(index, v)| v.as_object().map(|a| (index, a)))
        .filter(|(_, a)| read::choice(a, "role", STAFF_ROLES).is_some_and(|r| !NOT_INVOLVED.contains(&r.as_ref())))
        .map(|(index, attendee)| Involved {
            index,
            attendee,
            absent: read::boolean(attendee, "present") == Some(false),
            summary_on: read::date(attendee, "summarySubmittedOn"),
        })
        .collect()
}

/// Whether the summary was provided before the session: finalised on or before its date.
pub fn provided_in_advance(p: &Involved, session: NaiveDate) -> bool {
    p.summary_on.is_some_and(|s| s <= session)
}

/// The next group supervision: a month (as the profile sets it) after this one.
pub fn next_due(data: &Map<String, Value>, ctx: &Ctx) -> Option<NaiveDate> {
    let months = i32::try_from(ctx.value(&FREQUENCY_MONTHS)).unwrap_or(1);
    calendar::add_months(read::date(data, "date")?, months)
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    supervision_type(data, ctx);
    roles(data, ctx);
    summaries(data, ctx);
    decisions(data, ctx);
    actions(data, ctx);
    interval(data, ctx);
}

fn supervision_type(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::list(data, "attendees").is_empty() {
        return;
    }
    if involved(data).len() < 2 {
        ctx.emit(&TRADITIONAL, "/attendees", &GS002_FEWER_TWO_PROFESSIONALS_INVOLVED);
    }
}

fn roles(data: &Map<String, Value>, ctx: &mut Ctx) {
    let role = |key: &str| read::object(data, key).and_then(|o| read::choice(o, "role", STAFF_ROLES));
    if role("chair").is_some_and(|r| r != "team-manager") {
        ctx.emit(&CHAIR_NOT_TM, "/chair/role", &GS003_TEAM_MANAGER_CHAIR_FAMILY);
    }
    if role("finalisedBy").is_some_and(|r| r != "team-manager") {
        ctx.emit(&NOT_FINALISED_BY_TM, "/finalisedBy/role", &GS004_TEAM_MANAGER_FINALISE_SUPERVISION);
    }
    if role("minuteTaker").is_some_and(|r| r != "business-support") {
        ctx.emit(&MINUTE_TAKER, "/minuteTaker/role", &GS011_BUSINESS_SUPPORT_OFFICER_RECORDS);
    }
}

fn summaries(data: &Map<String, Value>, ctx: &mut Ctx) {
    let Some(session) = read::date(data, "date") else { return };
    let Some(due) = calendar::add_days(session, ctx.value(&DAYS_BEFORE).saturating_neg()) else { return };
    let days = ctx.value(&DAYS_BEFORE);
    for p in involved(data) {
        let path = crate::text!("/attendees/", p.index, "/summarySubmittedOn");
        if ctx.has_finding_at(&path) {
            continue;
        }
        let late = p.summary_on.is_some_and(|s| s > session);
        let missing_after_session = p.summary_on.is_none() && ctx.today >= session;
        if late || missing_after_session {
            let message = if p.absent {
                msg!(GS005_WORKER_WHO_CANNOT_ATTEND)
            } else {
                msg!(GS005_EACH_INVOLVED_WORKERS_WORKBOOK)
            };
            ctx.emit(&SUMMARY_NOT_PROVIDED, path, message)
                .related(["/date", crate::text!("/attendees/", p.index, "/present").as_str()]);
            continue;
        }
        match timescale::status(due, p.summary_on, ctx.today, timescale::DUE_SOON_DAYS) {
            Status::MetLate => {
                let message = msg!(GS006_WORKBOOK_SUMMARIES_DUE_TEAM, days = days, due = due);
                ctx.emit(&SUMMARY_LATE, path, message).related(["/date"]).due(calendar::format_date(due));
            }
            Status::Overdue => {
                let message = msg!(GS006_WORKERS_WORKBOOK_SUMMARY_DUE, days = days, due = due);
                ctx.emit(&SUMMARY_LATE, path, message).related(["/date"]).due(calendar::format_date(due));
            }
            _ => {}
        }
    }
}

fn decisions(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, row) in read::list(data, "decisions").iter().enumerate() {
        let Some(d) = row.as_object() else { continue };
        if read::text(d, "decision").is_some() && read::is_blank(d.get("reason")) {
            ctx.emit(&DECISION_WITHOUT_REASON, crate::text!("/decisions/", i, "/reason"), &GS007_ENTER_REASON_DECISION);
        }
    }
}

fn actions(data: &Map<String, Value>, ctx: &mut Ctx) {
    let session = read::date(data, "date");
    for (i, row) in read::list(data, "actions").iter().enumerate() {
        let Some(a) = row.as_object() else { continue };
        if read::is_blank(Some(row)) {
            continue;
        }
        if read::is_blank(a.get("owner")) {
            ctx.emit(&ACTION_INCOMPLETE, crate::text!("/actions/", i, "/owner"), &GS008_ENTER_WHO_WILL_DO);
        }
        match read::date(a, "dueDate") {
            None if read::is_blank(a.get("dueDate")) => {
                ctx.emit(&ACTION_INCOMPLETE, crate::text!("/actions/", i, "/dueDate"), &GS008_ENTER_DATE_ACTION_DUE);
            }
            Some(due) if session.is_some_and(|s| due <= s) => {
                ctx.emit(&ACTION_DUE_NOT_AFTER, crate::text!("/actions/", i, "/dueDate"), &GS009_DATE_ACTION_DUE_AFTER)
                    .related(["/date"]);
            }
            _ => {}
        }
    }
}

fn interval(data: &Map<String, Value>, ctx: &mut Ctx) {
    let (Some(previous), Some(session)) = (read::date(data, "previousSupervisionDate"), read::date(data, "date"))
    else {
        return;
    };
    if previous >= session {
        ctx.emit(&PREVIOUS_NOT_BEFORE, "/previousSupervisionDate", &GS012_DATE_PREVIOUS_SUPERVISION_BEFORE)
            .related(["/date"]);
        return;
    }
    let months = ctx.value(&FREQUENCY_MONTHS);
    let Some(limit) = calendar::add_months(previous, i32::try_from(months).unwrap_or(1)) else { return };
    if session > limit {
        let message = msg!(GS010_EACH_FAMILY_REVIEWED_GROUP, months = months, limit = limit);
        ctx.emit(&INTERVAL, "/previousSupervisionDate", message).related(["/date"]).due(calendar::format_date(limit));
    }
}

crate::messages! {
    GS002_FEWER_TWO_PROFESSIONALS_INVOLVED = "GS-002.fewer-two-professionals-involved": "Fewer than two professionals are involved with the family: traditional case supervision applies, not Family Safeguarding case supervision";
    GS003_TEAM_MANAGER_CHAIR_FAMILY = "GS-003.team-manager-chair-family": "The team manager must chair Family Safeguarding case supervision";
    GS004_TEAM_MANAGER_FINALISE_SUPERVISION = "GS-004.team-manager-finalise-supervision": "The team manager must finalise the supervision record";
    GS011_BUSINESS_SUPPORT_OFFICER_RECORDS = "GS-011.business-support-officer-records": "The business support officer records the session: check who took the minutes";
    GS005_WORKER_WHO_CANNOT_ATTEND = "GS-005.worker-who-cannot-attend": "A worker who cannot attend must provide their finalised workbook summary in advance of the supervision";
    GS005_EACH_INVOLVED_WORKERS_WORKBOOK = "GS-005.each-involved-workers-workbook": "Each involved worker’s workbook summary must be finalised before the supervision";
    GS006_WORKBOOK_SUMMARIES_DUE_TEAM = "GS-006.workbook-summaries-due-team": "Workbook summaries are due with the team manager {days, plural, one {# day} other {# days}} before the supervision, by {due}";
    GS006_WORKERS_WORKBOOK_SUMMARY_DUE = "GS-006.workers-workbook-summary-due": "This worker’s workbook summary is not in: it was due {days, plural, one {# day} other {# days}} before the supervision, by {due}";
    GS007_ENTER_REASON_DECISION = "GS-007.enter-reason-decision": "Enter the reason for the decision";
    GS008_ENTER_WHO_WILL_DO = "GS-008.enter-who-will-do": "Enter who will do the action";
    GS008_ENTER_DATE_ACTION_DUE = "GS-008.enter-date-action-due": "Enter the date the action is due";
    GS009_DATE_ACTION_DUE_AFTER = "GS-009.date-action-due-after": "Date the action is due must be after the date of the supervision";
    GS012_DATE_PREVIOUS_SUPERVISION_BEFORE = "GS-012.date-previous-supervision-before": "Date of the previous supervision must be before the date of the supervision";
    GS010_EACH_FAMILY_REVIEWED_GROUP = "GS-010.each-family-reviewed-group": "Each family is reviewed in group supervision every {months, plural, one {month} other {# months}}: the supervision after the previous one was due by {limit}";
}
