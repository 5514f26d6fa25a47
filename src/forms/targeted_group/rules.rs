//! The targeted group's rules: one declaration each, and the check functions.
//!
//! Incredible Years weeks are counted from the course start: week 1 is the start day and the six days after it,
//! week N runs from `start + 7(N-1)` to `start + 7N - 1` days. A step "at week N" or "in weeks A-B" is due by the
//! last day of its last week; recorded before its first week, it is early.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::Template;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::{self, Status, DUE_SOON_DAYS};
use crate::msg;
use crate::rule;

const GROUP_WORK: &str = "Group Work - Targeted Intervention";
const BSO: &str = "BSO TO COMPLETE THIS SESSION WHEN COURSE COMMENCES Support & Costs";
const DA_GROUPS: &str = "STRENGTHENING FAMILIES STANDARD OPERATING PROCEDURES FOR DOMESTIC ABUSE SUPPORT GROUPS";
const IY: &str = "STRENGTHENING FAMILIES INCREDIBLE YEARS REFERRAL";

pub static MAX_SESSIONS: Param = Param { key: "targeted-group.maxSessions", default: 12, unit: "sessions" };
pub static NO_ATTENDANCE_SESSIONS: Param =
    Param { key: "targeted-group.noAttendanceSessions", default: 3, unit: "sessions" };
pub static COURSE_WEEKS: Param = Param { key: "targeted-group.courseWeeks", default: 12, unit: "weeks" };
pub static VENUE_WEEKS: Param = Param { key: "targeted-group.venueWeeks", default: 6, unit: "weeks" };
pub static BOOKS_WEEK: Param = Param { key: "targeted-group.booksWeek", default: 4, unit: "weeks" };
pub static PEER_SUPPORT_FROM: Param = Param { key: "targeted-group.peerSupportFromWeek", default: 6, unit: "weeks" };
pub static PEER_SUPPORT_TO: Param = Param { key: "targeted-group.peerSupportToWeek", default: 8, unit: "weeks" };
pub static QA_FROM: Param = Param { key: "targeted-group.qaFromWeek", default: 8, unit: "weeks" };
pub static QA_TO: Param = Param { key: "targeted-group.qaToWeek", default: 9, unit: "weeks" };
pub static POST_MEASURES_WEEK: Param = Param { key: "targeted-group.postMeasuresWeek", default: 12, unit: "weeks" };
pub static LEAD_CHECK_INS: Param = Param { key: "targeted-group.leadCheckIns", default: 3, unit: "check-ins" };

rule!(REQUIRED, "TGP-001", "missing-required-field", Error, Required,
    ["/programme", "/consent", "/supportNeed", "/identifiedSupportArea", "/whatNeedsToBeAchieved", "/howAndByWhom", "/expectedOutcomes", "/dateGoalSet", "/goalTargetDate", "/sessions/*/date", "/sessions/*/hours", "/caseStatus", "/sessions/*"],
    Cite::same(SEED_002, BSO),
    "A field the record needs is missing: the programme and consent; once the course commences (the case is attending or ended, or a session is recorded), the support plan and its dates; each session's date and length.",
    "BSO TO COMPLETE THIS SESSION WHEN COURSE COMMENCES");

rule!(
    CONSENT_NOT_GIVEN,
    "TGP-002",
    "consent-not-given",
    Error,
    Check,
    ["/consent"],
    Cite::same(SEED_002, GROUP_WORK),
    "The record says consent was not given.",
    "CONSENT BOX – to be completed"
);

rule!(
    GOAL_DATES_ORDER,
    "TGP-003",
    "goal-dates-out-of-order",
    Error,
    Check,
    ["/dateGoalSet", "/goalTargetDate", "/dateGoalCompleted"],
    Cite::interpreted(SEED_002, BSO),
    "The support plan's dates are not in order: the referral is agreed, then the course commences, then it finishes.",
    "Date Goal Set: Input date of when the referral was agreed - Goal complete target date: input date of when the course commences - Date goal completed: input date of when the course finishes"
);

rule!(
    TOO_MANY_SESSIONS,
    "TGP-004",
    "too-many-sessions",
    Error,
    Check,
    ["/sessions"],
    Cite::interpreted(SEED_002, GROUP_WORK),
    "More sessions are recorded than a 12 week programme has (one session a week: interpreted).",
    "Incredible Years Parenting 12 week programme - Domestic abuse programmes, Freedom, Me, My Child 12 week programme",
    params = [MAX_SESSIONS]
);

rule!(
    SESSION_HOURS,
    "TGP-005",
    "session-hours-not-positive",
    Error,
    Check,
    ["/sessions/*/hours"],
    Cite::same(SEED_002, BSO),
    "A session's length is zero.",
    "Hours: type in the length of each session"
);

rule!(NO_ATTENDANCE, "TGP-006", "no-attendance-first-three-sessions", Warning, Check,
    ["/programme", "/sessions/*/attended", "/sessions/*/date"],
    Cite::interpreted(SEED_002, DA_GROUPS),
    "On a domestic abuse programme, the parent attended none of the first three sessions (by date): remove them from the waiting list. \"None attendance after session 3\" is read as no attendance at any of the first three sessions.",
    "None attendance after session 3, Practitioner to case note and alert BSO to remove from waiting list",
    params = [NO_ATTENDANCE_SESSIONS]);

rule!(OUTCOME_NOT_RECORDED, "TGP-007", "outcome-not-recorded-after-course", Error, Required,
    ["/outcomeAchieved", "/actualOutcome", "/dateGoalCompleted", "/caseStatus"],
    Cite::same(SEED_002, BSO),
    "The course has finished (its end date is today or past, or the case has ended) but the outcome is not recorded. Information while drafting, an error at submit.",
    "Outcome Achieved: this needs to be completed at the end of the course");

rule!(
    CLOSED_WHILE_WORKING,
    "TGP-008",
    "episode-closed-while-practitioner-working",
    Error,
    Check,
    ["/episodeClosedOn", "/practitionerStillWorking"],
    Cite::same(SEED_002, BSO),
    "The episode is closed although a practitioner is still working with the child.",
    "DO NOT END THE EPISODE IF A PRACTITIONER IS STILL WORKING WITH THE CHILD"
);

rule!(ATTENDANCE_NOT_RECORDED, "TGP-009", "session-attendance-not-recorded", Error, Required,
    ["/sessions/*/attended", "/sessions/*/date"],
    Cite::interpreted(SEED_002, BSO),
    "A session dated today or earlier has no attendance recorded. Attendance belongs in the sessions (time spent), not in the case notes. Information while drafting, an error at submit.",
    "ATTENDANCE SHOULD ONLY BE RECORDED IN THE TIME SPENT TAB");

rule!(IY_VENUE, "TGP-010", "iy-venue-and-creche-not-secured", Warning, Check,
    ["/venueAndCrecheSecuredOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: the venue and crèche workers are not secured 6 weeks before the course starts (late, overdue or due within 7 days).",
    "6 weeks prior facilitators secure venue and Creche workers.",
    params = [VENUE_WEEKS]);

rule!(IY_PRE_MEASURES, "TGP-011", "iy-pre-measures-not-before-start", Warning, Check,
    ["/preMeasuresOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::interpreted(SEED_002, IY),
    "Incredible Years: the pre-measures are not given before the course begins (due the day before the start: interpreted from the order of the steps).",
    "Facilitators make contact with attendees and arrange pre measure visits. … Pre measures are given to locality Admin … Course begins.");

rule!(
    IY_BOOKS,
    "TGP-012",
    "iy-books-not-at-week-4",
    Warning,
    Check,
    ["/booksGivenOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: the books are not given in week 4 (early, late, overdue or due within 7 days).",
    "Books to be given at week 4",
    params = [BOOKS_WEEK]
);

rule!(IY_PEER_SUPPORT, "TGP-013", "iy-peer-support-not-in-weeks-6-to-8", Warning, Check,
    ["/peerSupportOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: the facilitators' peer support is not in weeks 6 to 8 (early, late, overdue or due within 7 days).",
    "All facilitators attend peer support between weeks 6 - 8",
    params = [PEER_SUPPORT_FROM, PEER_SUPPORT_TO]);

rule!(IY_QA, "TGP-014", "iy-qa-not-in-weeks-8-to-9", Warning, Check,
    ["/qaOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::interpreted(SEED_002, IY),
    "Incredible Years: the quality assurance visit is not in weeks 8 to 9 (\"around\" read as within those weeks: interpreted).",
    "QA takes place around weeks 8 - 9",
    params = [QA_FROM, QA_TO]);

rule!(IY_POST_MEASURES, "TGP-015", "iy-post-measures-not-at-week-12", Warning, Check,
    ["/postMeasuresOn", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: the post-measures and evaluation are not completed in week 12 (early, late, overdue or due within 7 days).",
    "At week 12 post measures completed and evaluation",
    params = [POST_MEASURES_WEEK]);

rule!(IY_WEEKLY_CALLS, "TGP-016", "iy-weekly-call-missed", Warning, Check,
    ["/weeklyCalls", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: a week of the course that has ended has no telephone call to attendees recorded in it; the first such week's last day is the due date.",
    "Telephone call to be made to attendees each week to check progress and homework",
    params = [COURSE_WEEKS]);

rule!(IY_LEAD_CHECK_INS, "TGP-017", "iy-lead-check-ins-too-few", Warning, Check,
    ["/leadCheckIns", "/courseStartOn", "/goalTargetDate", "/programme"],
    Cite::same(SEED_002, IY),
    "Incredible Years: the leads have checked in with the facilitators fewer than three times during the course (overdue once the course ends, due within 7 days of its end, or the third check-in after the course).",
    "Leads to ensure that they are checking in with facilitators at least three times throughout the duration of the course",
    params = [LEAD_CHECK_INS, COURSE_WEEKS]);

rule!(
    IN_FUTURE,
    "TGP-018",
    "date-in-future",
    Error,
    Check,
    [
        "/dateGoalSet",
        "/sessions/*/date",
        "/outcomeAchieved",
        "/episodeClosedOn",
        "/venueAndCrecheSecuredOn",
        "/preMeasuresOn",
        "/booksGivenOn",
        "/peerSupportOn",
        "/qaOn",
        "/postMeasuresOn",
        "/weeklyCalls/*",
        "/leadCheckIns/*", "/sessions/*/attended"],
    Cite::interpreted(SEED_002, BSO),
    "A date of something already done is after today (a session with its attendance recorded, an Incredible Years step, the outcome, the closure).",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &CONSENT_NOT_GIVEN,
    &GOAL_DATES_ORDER,
    &TOO_MANY_SESSIONS,
    &SESSION_HOURS,
    &NO_ATTENDANCE,
    &OUTCOME_NOT_RECORDED,
    &CLOSED_WHILE_WORKING,
    &ATTENDANCE_NOT_RECORDED,
    &IY_VENUE,
    &IY_PRE_MEASURES,
    &IY_BOOKS,
    &IY_PEER_SUPPORT,
    &IY_QA,
    &IY_POST_MEASURES,
    &IY_WEEKLY_CALLS,
    &IY_LEAD_CHECK_INS,
    &IN_FUTURE,
];

/// One session as the rules see it.
pub struct Session {
    pub index: usize,
    pub date: Option<NaiveDate>,
    pub attended: Option<bool>,
}

/// What the rules and the outcome both need.
pub struct Facts {
    pub programme: Option<String>,
    pub sessions: Vec<Session>,
    pub commenced: bool,
    pub finished: bool,
    pub remove_from_waiting_list: bool,
    pub steps: Vec<Step>,
    /// Where the course start was read from.
    pub start_path: &'static str,
}

/// An Incredible Years step and where it stands.
pub struct Step {
    pub rule: &'static Rule,
    pub id: &'static str,
    pub path: &'static str,
    pub due: NaiveDate,
    pub status: Status,
    /// Recorded before the first day it belongs in.
    pub early: bool,
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let programme = read::choice(data, "programme", model::PROGRAMMES).map(|p| p.into_owned());
    let sessions: Vec<Session> = read::list(data, "sessions")
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            let s = s.as_object()?;
            Some(Session { index, date: read::date(s, "date"), attended: read::boolean(s, "attended") })
        })
        .collect();
    let status = read::choice(data, "caseStatus", model::CASE_STATUSES);
    let commenced = !sessions.is_empty() || matches!(status.as_deref(), Some("attending" | "ended"));
    let finished =
        status.as_deref() == Some("ended") || read::date(data, "dateGoalCompleted").is_some_and(|end| end <= ctx.today);
    let domestic_abuse = programme.as_deref().is_some_and(|p| model::DOMESTIC_ABUSE_PROGRAMMES.contains(&p));
    let remove_from_waiting_list = domestic_abuse && first_sessions_unattended(&sessions, ctx).is_some();
    let steps = if programme.as_deref() == Some("incredible-years") { iy_steps(data, ctx) } else { Vec::new() };
    let start_path = if read::date(data, "courseStartOn").is_some() { "/courseStartOn" } else { "/goalTargetDate" };
    Facts { programme, sessions, commenced, finished, remove_from_waiting_list, steps, start_path }
}

/// The first N sessions by date, when there are N of them and the parent attended none.
fn first_sessions_unattended<'s>(sessions: &'s [Session], ctx: &Ctx) -> Option<Vec<&'s Session>> {
    let n = usize::try_from(ctx.value(&NO_ATTENDANCE_SESSIONS)).unwrap_or(0);
    let mut dated: Vec<&Session> = sessions.iter().filter(|s| s.date.is_some()).collect();
    crate::engine::sort::stable_by_key(&mut dated, |s| (s.date, s.index));
    let first: Vec<&Session> = dated.into_iter().take(n).collect();
    (n > 0 && first.len() == n && first.iter().all(|s| s.attended == Some(false))).then_some(first)
}

/// The course start: the Incredible Years start date, or else the goal complete target date (the date the course
/// commences).
pub fn course_start(data: &Map<String, Value>) -> Option<NaiveDate> {
    read::date(data, "courseStartOn").or_else(|| read::date(data, "goalTargetDate"))
}

/// The first and last day of week `n` of a course starting on `start`.
fn week(start: NaiveDate, n: i64) -> Option<(NaiveDate, NaiveDate)> {
    let first = calendar::add_weeks(start, n.checked_sub(1)?)?;
    Some((first, calendar::add_days(first, 6)?))
}

/// An Incredible Years step's rule, id, field, first allowed day and due day.
type Window = (&'static Rule, &'static str, &'static str, Option<NaiveDate>, Option<NaiveDate>);

fn iy_steps(data: &Map<String, Value>, ctx: &Ctx) -> Vec<Step> {
    let Some(start) = course_start(data) else { return Vec::new() };
    let v = |p: &Param| ctx.value(p);
    // (rule, id, field, first allowed day, due day)
    let windows: [Window; 6] = [
        (
            &IY_VENUE,
            "venue-and-creche",
            "venueAndCrecheSecuredOn",
            None,
            calendar::add_weeks(start, v(&VENUE_WEEKS).saturating_neg()),
        ),
        (&IY_PRE_MEASURES, "pre-measures", "preMeasuresOn", None, calendar::add_days(start, -1)),
        (
            &IY_BOOKS,
            "books",
            "booksGivenOn",
            week(start, v(&BOOKS_WEEK)).map(|w| w.0),
            week(start, v(&BOOKS_WEEK)).map(|w| w.1),
        ),
        (
            &IY_PEER_SUPPORT,
            "peer-support",
            "peerSupportOn",
            week(start, v(&PEER_SUPPORT_FROM)).map(|w| w.0),
            week(start, v(&PEER_SUPPORT_TO)).map(|w| w.1),
        ),
        (&IY_QA, "qa", "qaOn", week(start, v(&QA_FROM)).map(|w| w.0), week(start, v(&QA_TO)).map(|w| w.1)),
        (
            &IY_POST_MEASURES,
            "post-measures",
            "postMeasuresOn",
            week(start, v(&POST_MEASURES_WEEK)).map(|w| w.0),
            week(start, v(&POST_MEASURES_WEEK)).map(|w| w.1),
        ),
    ];
    let mut steps = Vec::new();
    for (rule, id, key, from, due) in windows {
        let Some(due) = due else { continue };
        let done = read::date(data, key);
        let early = matches!((done, from), (Some(d), Some(f)) if d < f);
        let path = match key {
            "venueAndCrecheSecuredOn" => "/venueAndCrecheSecuredOn",
            "preMeasuresOn" => "/preMeasuresOn",
            "booksGivenOn" => "/booksGivenOn",
            "peerSupportOn" => "/peerSupportOn",
            "qaOn" => "/qaOn",
            _ => "/postMeasuresOn",
        };
        let status = timescale::status(due, done, ctx.today, DUE_SOON_DAYS);
        steps.push(Step { rule, id, path, due, status, early });
    }
    if let Some(step) = weekly_calls(data, ctx, start) {
        steps.push(step);
    }
    if let Some(step) = lead_check_ins(data, ctx, start) {
        steps.push(step);
    }
    steps
}

/// The last day of the course (the end of its last week).
fn course_end(start: NaiveDate, ctx: &Ctx) -> Option<NaiveDate> {
    week(start, ctx.value(&COURSE_WEEKS)).map(|w| w.1)
}

fn dates(data: &Map<String, Value>, key: &str) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> =
        read::list(data, key).iter().filter_map(|v| read::parse_date(v).ok().flatten()).collect();
    crate::engine::sort::stable_by(&mut out, Ord::cmp);
    out
}

/// The first week of the course, ended by today, with no call in it (overdue, due its last day); otherwise met when
/// the course is over, or due at the end of the current week.
fn weekly_calls(data: &Map<String, Value>, ctx: &Ctx, start: NaiveDate) -> Option<Step> {
    let calls = dates(data, "weeklyCalls");
    let weeks = ctx.value(&COURSE_WEEKS).clamp(0, 104);
    let mut current_week_end = None;
    for n in 1..=weeks {
        let (first, last) = week(start, n)?;
        if last >= ctx.today {
            current_week_end = Some(last);
            break;
        }
        if !calls.iter().any(|d| *d >= first && *d <= last) {
            return Some(Step {
                rule: &IY_WEEKLY_CALLS,
                id: "weekly-calls",
                path: "/weeklyCalls",
                due: last,
                status: Status::Overdue,
                early: false,
            });
        }
    }
    let (due, status) = match current_week_end {
        Some(last) => (last, Status::Due),
        None => (course_end(start, ctx)?, Status::Met),
    };
    Some(Step { rule: &IY_WEEKLY_CALLS, id: "weekly-calls", path: "/weeklyCalls", due, status, early: false })
}

/// At least three check-ins from the course start; due by the course end.
fn lead_check_ins(data: &Map<String, Value>, ctx: &Ctx, start: NaiveDate) -> Option<Step> {
    let end = course_end(start, ctx)?;
    let needed = usize::try_from(ctx.value(&LEAD_CHECK_INS)).unwrap_or(0);
    let check_ins: Vec<NaiveDate> = dates(data, "leadCheckIns").into_iter().filter(|d| *d >= start).collect();
    let met_on = needed.checked_sub(1).and_then(|i| check_ins.get(i).copied());
    let status = if needed == 0 { Status::Met } else { timescale::status(end, met_on, ctx.today, DUE_SOON_DAYS) };
    Some(Step { rule: &IY_LEAD_CHECK_INS, id: "lead-check-ins", path: "/leadCheckIns", due: end, status, early: false })
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    consent(data, ctx);
    support_plan(data, ctx, f);
    sessions(data, ctx, f);
    outcome_and_closure(data, ctx, f);
    incredible_years(ctx, f);
    future(data, ctx, f);
}

fn consent(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::boolean(data, "consent") == Some(false) {
        ctx.emit(&CONSENT_NOT_GIVEN, "/consent", &TGP002_TARGETED_GROUP_PLACE_NEEDS);
    }
}

/// The support plan fields the business support officer completes when the course commences.
const SUPPORT_PLAN: &[(&str, &Template)] = &[
    ("supportNeed", &TGP001_SUPPORT_NEED),
    ("identifiedSupportArea", &TGP001_IDENTIFIED_SUPPORT_AREA),
    ("whatNeedsToBeAchieved", &TGP001_WHAT_NEEDS_TO_BE_ACHIEVED),
    ("howAndByWhom", &TGP001_HOW_AND_BY_WHOM),
    ("expectedOutcomes", &TGP001_EXPECTED_OUTCOMES),
    ("dateGoalSet", &TGP001_DATE_GOAL_SET),
    ("goalTargetDate", &TGP001_GOAL_TARGET_DATE),
];

fn support_plan(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.commenced {
        for (key, message) in SUPPORT_PLAN {
            if read::is_blank(data.get(key)) {
                ctx.emit(&REQUIRED, crate::text!("/", key), *message);
            }
        }
    }
    let set = read::date(data, "dateGoalSet");
    let target = read::date(data, "goalTargetDate");
    let completed = read::date(data, "dateGoalCompleted");
    if let (Some(set), Some(target)) = (set, target) {
        if target < set {
            ctx.emit(&GOAL_DATES_ORDER, "/goalTargetDate", &TGP003_GOAL_COMPLETE_TARGET_DATE).related(["/dateGoalSet"]);
        }
    }
    if let Some(completed) = completed {
        if let Some((path, label)) = target
            .map(|t| (t, "/goalTargetDate", "goal complete target date"))
            .or_else(|| set.map(|s| (s, "/dateGoalSet", "date goal set")))
            .filter(|(d, _, _)| completed < *d)
            .map(|(_, p, l)| (p, l))
        {
            ctx.emit(&GOAL_DATES_ORDER, "/dateGoalCompleted", msg!(TGP003_DATE_GOAL_COMPLETED_SAME, label = label))
                .related([path]);
        }
    }
}

fn sessions(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let max = ctx.value(&MAX_SESSIONS);
    let count = i64::try_from(f.sessions.len()).unwrap_or(i64::MAX);
    if count > max {
        ctx.emit(&TOO_MANY_SESSIONS, "/sessions", msg!(TGP004_MAX_WEEK_PROGRAMME_MOST, max = max));
    }
    for (i, s) in read::list(data, "sessions").iter().enumerate() {
        let Some(s) = s.as_object() else { continue };
        if read::number(s, "hours").is_some_and(|h| h <= 0.0) {
            ctx.emit(&SESSION_HOURS, crate::text!("/sessions/", i, "/hours"), &TGP005_LENGTH_SESSION_MORE_0);
        }
    }
    for s in &f.sessions {
        let due = s.date.is_some_and(|d| d <= ctx.today);
        let raw = read::list(data, "sessions").get(s.index).and_then(Value::as_object);
        if due && raw.is_some_and(|r| read::is_blank(r.get("attended"))) {
            ctx.emit(
                &ATTENDANCE_NOT_RECORDED,
                crate::text!("/sessions/", s.index, "/attended"),
                &TGP009_SELECT_WHETHER_PARENT_ATTENDED,
            );
        }
    }
    if f.remove_from_waiting_list {
        let n = ctx.value(&NO_ATTENDANCE_SESSIONS);
        let related: Vec<String> = first_sessions_unattended(&f.sessions, ctx)
            .unwrap_or_default()
            .iter()
            .map(|s| crate::text!("/sessions/", s.index, "/attended"))
            .collect();
        ctx.emit(&NO_ATTENDANCE, "/sessions", msg!(TGP006_PARENT_ATTENDED_NONE_FIRST, n = n)).related(related);
    }
}

fn outcome_and_closure(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.finished {
        if read::is_blank(data.get("outcomeAchieved")) {
            ctx.emit(&OUTCOME_NOT_RECORDED, "/outcomeAchieved", &TGP007_ENTER_DATE_OUTCOME_ACHIEVED)
                .related(["/dateGoalCompleted", "/caseStatus"]);
        }
        if read::is_blank(data.get("actualOutcome")) {
            ctx.emit(&OUTCOME_NOT_RECORDED, "/actualOutcome", &TGP007_SELECT_ACTUAL_OUTCOME_COURSE)
                .related(["/dateGoalCompleted", "/caseStatus"]);
        }
    }
    if read::date(data, "episodeClosedOn").is_some() && read::boolean(data, "practitionerStillWorking") == Some(true) {
        ctx.emit(&CLOSED_WHILE_WORKING, "/episodeClosedOn", &TGP008_DO_CLOSE_EPISODE_WHILE)
            .related(["/practitionerStillWorking"]);
    }
}

fn incredible_years(ctx: &mut Ctx, f: &Facts) {
    for step in &f.steps {
        let due = calendar::format_date(step.due);
        if !step.early && !step.status.is_concern() {
            continue;
        }
        let template = if step.id == "weekly-calls" {
            &TGP_IY_WEEKLY_CALL
        } else if step.early {
            &TGP_IY_EARLY
        } else {
            match step.status {
                Status::MetLate => &TGP_IY_LATE,
                Status::Overdue => &TGP_IY_OVERDUE,
                Status::DueSoon => &TGP_IY_DUE_SOON,
                _ => continue,
            }
        };
        let message = msg!(*template, step = step.id)
            .arg("weeks", ctx.value(&VENUE_WEEKS))
            .arg("week", if step.id == "books" { ctx.value(&BOOKS_WEEK) } else { ctx.value(&POST_MEASURES_WEEK) })
            .arg("from", if step.id == "qa" { ctx.value(&QA_FROM) } else { ctx.value(&PEER_SUPPORT_FROM) })
            .arg("to", if step.id == "qa" { ctx.value(&QA_TO) } else { ctx.value(&PEER_SUPPORT_TO) })
            .arg("times", ctx.value(&LEAD_CHECK_INS));
        ctx.emit(step.rule, step.path, message).related([f.start_path]).due(due);
    }
}

fn future(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    // A session's date is of something done only once its attendance is recorded; a planned session may be ahead.
    let done: Vec<&str> = IN_FUTURE.paths.iter().copied().filter(|p| *p != "/sessions/*/date").collect();
    checks::dates_not_after_today_at(super::model::FIELDS, data, ctx, &IN_FUTURE, &done);
    for s in &f.sessions {
        if s.attended.is_some() && s.date.is_some_and(|d| d > ctx.today) {
            ctx.emit(
                &IN_FUTURE,
                crate::text!("/sessions/", s.index, "/date"),
                &TGP018_DATE_SESSION_ATTENDANCE_RECORDED,
            );
        }
    }
}

crate::messages! {
    TGP002_TARGETED_GROUP_PLACE_NEEDS = "TGP-002.targeted-group-place-needs": "A targeted group place needs the parent’s consent";
    TGP003_GOAL_COMPLETE_TARGET_DATE = "TGP-003.goal-complete-target-date": "Goal complete target date must be the same as or after the date goal set";
    TGP003_DATE_GOAL_COMPLETED_SAME = "TGP-003.date-goal-completed-same": "Date goal completed must be the same as or after the {label}";
    TGP004_MAX_WEEK_PROGRAMME_MOST = "TGP-004.max-week-programme-most": "A {max} week programme has at most {max, plural, one {# session} other {# sessions}}: remove the extra sessions";
    TGP005_LENGTH_SESSION_MORE_0 = "TGP-005.length-session-more-0": "Length of the session must be more than 0 hours";
    TGP009_SELECT_WHETHER_PARENT_ATTENDED = "TGP-009.select-whether-parent-attended": "Select whether the parent attended the session";
    TGP006_PARENT_ATTENDED_NONE_FIRST = "TGP-006.parent-attended-none-first": "The parent attended none of the first {n, plural, one {# session} other {# sessions}}: add a case note and ask business support to remove them from the waiting list";
    TGP007_ENTER_DATE_OUTCOME_ACHIEVED = "TGP-007.enter-date-outcome-achieved": "Enter the date the outcome was achieved: the course has finished";
    TGP007_SELECT_ACTUAL_OUTCOME_COURSE = "TGP-007.select-actual-outcome-course": "Select the actual outcome: the course has finished";
    TGP008_DO_CLOSE_EPISODE_WHILE = "TGP-008.do-close-episode-while": "Do not close the episode while a practitioner is still working with the child: end the targeted group status instead";
    TGP_IY_WEEKLY_CALL = "TGP-016.weekly-call-missed": "Call the attendees every week of the course: a week that has ended has no telephone call recorded";
    TGP_IY_EARLY = "TGP-IY.step-too-early": "{step, select, venue-and-creche {Secure the venue and crèche workers {weeks, plural, one {# week} other {# weeks}} before the course starts} pre-measures {Give the pre-measures before the course starts} books {Give the books in week {week}} peer-support {Hold the facilitators’ peer support in weeks {from} to {to}} qa {Hold the quality assurance visit in weeks {from} to {to}} post-measures {Complete the post-measures and evaluation in week {week}} weekly-calls {Call the attendees every week of the course} other {Check in with the facilitators at least {times, plural, one {# time} other {# times}} during the course}}: the date recorded is too early";
    TGP_IY_LATE = "TGP-IY.step-late": "{step, select, venue-and-creche {Secure the venue and crèche workers {weeks, plural, one {# week} other {# weeks}} before the course starts} pre-measures {Give the pre-measures before the course starts} books {Give the books in week {week}} peer-support {Hold the facilitators’ peer support in weeks {from} to {to}} qa {Hold the quality assurance visit in weeks {from} to {to}} post-measures {Complete the post-measures and evaluation in week {week}} weekly-calls {Call the attendees every week of the course} other {Check in with the facilitators at least {times, plural, one {# time} other {# times}} during the course}}: it was done late";
    TGP_IY_OVERDUE = "TGP-IY.step-overdue": "{step, select, venue-and-creche {Secure the venue and crèche workers {weeks, plural, one {# week} other {# weeks}} before the course starts} pre-measures {Give the pre-measures before the course starts} books {Give the books in week {week}} peer-support {Hold the facilitators’ peer support in weeks {from} to {to}} qa {Hold the quality assurance visit in weeks {from} to {to}} post-measures {Complete the post-measures and evaluation in week {week}} weekly-calls {Call the attendees every week of the course} other {Check in with the facilitators at least {times, plural, one {# time} other {# times}} during the course}}: it is overdue";
    TGP_IY_DUE_SOON = "TGP-IY.step-due-soon": "{step, select, venue-and-creche {Secure the venue and crèche workers {weeks, plural, one {# week} other {# weeks}} before the course starts} pre-measures {Give the pre-measures before the course starts} books {Give the books in week {week}} peer-support {Hold the facilitators’ peer support in weeks {from} to {to}} qa {Hold the quality assurance visit in weeks {from} to {to}} post-measures {Complete the post-measures and evaluation in week {week}} weekly-calls {Call the attendees every week of the course} other {Check in with the facilitators at least {times, plural, one {# time} other {# times}} during the course}}: it is due soon";
    TGP001_SUPPORT_NEED = "TGP-001.support-need": "Select the support need";
    TGP001_IDENTIFIED_SUPPORT_AREA = "TGP-001.identified-support-area": "Select the identified support area";
    TGP001_WHAT_NEEDS_TO_BE_ACHIEVED = "TGP-001.what-needs-to-be-achieved": "Enter what needs to be achieved";
    TGP001_HOW_AND_BY_WHOM = "TGP-001.how-and-by-whom": "Enter how this will be achieved and by whom";
    TGP001_EXPECTED_OUTCOMES = "TGP-001.expected-outcomes": "Enter the expected outcomes";
    TGP001_DATE_GOAL_SET = "TGP-001.date-goal-set": "Enter the date the referral was agreed";
    TGP001_GOAL_TARGET_DATE = "TGP-001.goal-target-date": "Enter the date the course commences";
    TGP018_DATE_SESSION_ATTENDANCE_RECORDED = "TGP-018.date-session-attendance-recorded": "Date of the session must be today or in the past";
}
