//! The Family Programme's rules: one declaration and one check function each (or per closely related pair).

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{ADULT_WORKER_ROLES, MODULE_IDS, PLAN_TYPES, ROLES};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::long_date;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_000};
use crate::engine::timescale::{self, Status};
use crate::msg;
use crate::rule;

const MODULES_SECTION: &str = "Modules within the Family Programme:";
const PROGRAMME_SECTION: &str = "Family Programme";
const KEY_POINTS_SECTION: &str = "Expected Key Points for the Family Programme to be used to provide an assessment.";

rule!(REQUIRED, "FP-001", "missing-required-field", Error, Required,
    ["/child", "/planType", "/startedOn"],
    Cite::interpreted(SEED_000, PROGRAMME_SECTION),
    "A field the programme needs is missing: the child, the type of plan, or the date the introduction and intervention began (the module timescales run from it).",
    "These three initial modules should be completed within the first two to six weeks of introduction and intervention.");

/// The first weeks of introduction and intervention, by the end of which modules 1–3 are complete and module 4 holds
/// the social worker's direct work.
pub static MODULES_WEEKS: Param = Param { key: "family-programme.modulesWeeks", default: 6, unit: "weeks" };
/// How long after a significant change in the family the completed Family Programme is due.
pub static SIGNIFICANT_CHANGE_WEEKS: Param =
    Param { key: "family-programme.significantChangeWeeks", default: 4, unit: "weeks" };
/// The longest interval between completed Family Programmes.
pub static ASSESSMENT_MONTHS: Param = Param { key: "family-programme.assessmentMonths", default: 12, unit: "months" };

rule!(INITIAL_OVERDUE, "FP-002", "initial-modules-overdue", Error, Check,
    ["/modules/1/complete", "/modules/2/complete", "/modules/3/complete", "/startedOn", "/modules"],
    Cite::interpreted(SEED_000, MODULES_SECTION),
    "Module 1, 2 or 3 is not complete and six weeks have passed since the introduction and intervention began (\"two to six weeks\": six is read as the outer bound).",
    "These three initial modules should be completed within the first two to six weeks of introduction and intervention.",
    params = [MODULES_WEEKS]);

rule!(INITIAL_DUE_SOON, "FP-003", "initial-modules-due-soon", Warning, Check,
    ["/modules/1/complete", "/modules/2/complete", "/modules/3/complete", "/startedOn", "/modules/*"],
    Cite::interpreted(SEED_000, MODULES_SECTION),
    "Module 1, 2 or 3 is not complete and the end of the first six weeks is at most 7 days away.",
    "These three initial modules should be completed within the first two to six weeks of introduction and intervention.",
    params = [MODULES_WEEKS]);

rule!(DIRECT_WORK_OVERDUE, "FP-004", "direct-work-overdue", Error, Check,
    ["/modules/4/entries", "/modules/4/entries/*/author/role", "/modules/4/entries/*/date", "/startedOn", "/modules"],
    Cite::same(SEED_000, MODULES_SECTION),
    "Module 4 holds no record of direct work with the child by the social worker and the first six weeks have passed.",
    "There should be a record of our work with the child(ren) recorded within module 4 by the end of our first six weeks of introduction and intervention",
    params = [MODULES_WEEKS]);

rule!(DIRECT_WORK_DUE_SOON, "FP-005", "direct-work-due-soon", Warning, Check,
    ["/modules/4/entries", "/modules/4/entries/*/author/role", "/modules/4/entries/*/date", "/startedOn"],
    Cite::same(SEED_000, MODULES_SECTION),
    "Module 4 holds no record of direct work with the child by the social worker and the end of the first six weeks is at most 7 days away.",
    "Module 4 should have direct work completed by the social worker and may start to build from the initial visit.",
    params = [MODULES_WEEKS]);

rule!(ADULT_INPUT_MISSING, "FP-006", "adult-worker-input-missing", Warning, Check,
    ["/adultWorkersInvolved", "/modules/5/entries", "/modules/6/entries", "/modules/5/entries/*/summarises", "/modules/6/entries/*/summarises", "/modules"],
    Cite::interpreted(SEED_000, MODULES_SECTION),
    "An adult specialist worker is involved but module 5 or 6 has no entry by them or summarising their interventions (an entry's \"summarises\" list, or its author's role, says whose work it covers).",
    "Modules 5 and 6 should include input from the adult worker interventions, summarised by the social worker.");

rule!(
    CLOSING_MODULES_EARLY,
    "FP-007",
    "modules-7-8-before-sign-off",
    Warning,
    Check,
    ["/modules/7/entries", "/modules/8/entries", "/signOff/requested", "/signOff/completedOn"],
    Cite::same(SEED_000, MODULES_SECTION),
    "Module 7 or 8 has entries but sign-off as a completed assessment has not been requested.",
    "Module 7 and 8 will only be completed once the workbook is ready to be signed off as a completed assessment."
);

rule!(
    CLOSING_MODULES_EMPTY,
    "FP-008",
    "sign-off-modules-7-8-empty",
    Error,
    Check,
    ["/signOff/requested", "/signOff/completedOn", "/modules/7/entries", "/modules/8/entries"],
    Cite::same(SEED_000, MODULES_SECTION),
    "Sign-off as a completed assessment is requested (or recorded) but module 7 or 8 has no entries.",
    "Module 7 and 8 will only be completed once the workbook is ready to be signed off as a completed assessment."
);

rule!(NO_OVERSIGHT, "FP-009", "sign-off-without-management-oversight", Error, Check,
    ["/signOff/completedOn", "/signOff/managementOversightOn"],
    Cite::same(SEED_000, MODULES_SECTION),
    "The sign-off is completed without the date of the team manager's management oversight case note.",
    "There should be a corresponding Management Oversight case note from the team manager to confirm the date this has been read and outcomes agreed.");

rule!(EARLY_TOOLS_MISSING, "FP-010", "planner-genogram-network-missing", Info, Check,
    ["/supportAndAssessmentPlannerOn", "/culturalGenogram", "/ecomap", "/familyNetworkMeetingOn", "/startedOn"],
    Cite::interpreted(SEED_000, MODULES_SECTION),
    "Six weeks after the start, module 1's Support and Assessment Planner, or module 2's cultural genogram, ecomap or family and friends network meeting, is not recorded. The seed expects them without a timescale: the six weeks are read from the initial modules.",
    "we would expect the social worker to engage with the parents to complete the family's Cultural Genogram and their Ecomap. We would also expect a Family and Friend's Network Meetings be held",
    params = [MODULES_WEEKS]);

rule!(ASSESSMENT_OVERDUE, "FP-011", "assessment-overdue", Error, Check,
    ["/planType", "/startedOn", "/milestones/secondRcpcOn", "/milestones/nineMonthCinReviewOn", "/milestones/significantChangeOn", "/milestones/lastCompletedOn", "/signOff/completedOn"],
    Cite::interpreted(SEED_000, KEY_POINTS_SECTION),
    "The completed Family Programme (an assessment) is overdue: the first one of the current programme before the second review child protection conference (child protection plans) or the 9-month child in need review (child in need plans) — a completion dated before the current programme began does not count for them (interpreted: the occasions are the current plan's); one within four weeks of a significant change since the last (the seed gives no timescale: four weeks is read from monthly group supervision); and at least every year — from the last completion, or from the start until the first.",
    "The expectation is that there will be a completed Family Programme: Prior to the 2nd Child Protection Review Conference, Prior to the 9-month Child in Need Review, Following any significant change within the family, A minimum of yearly intervals thereafter.",
    params = [SIGNIFICANT_CHANGE_WEEKS, ASSESSMENT_MONTHS]);

rule!(
    ENTRY_DATE,
    "FP-012",
    "entry-date-outside-programme",
    Error,
    Check,
    ["/modules/*/entries/*/date", "/startedOn"],
    Cite::interpreted(SEED_000, PROGRAMME_SECTION),
    "An entry is dated after today, or before the introduction and intervention began.",
    ""
);

rule!(ENTRY_AUTHOR, "FP-013", "entry-author-role-missing", Error, Required,
    ["/modules/*/entries/*/author/role", "/modules/*/entries/*"],
    Cite::interpreted(SEED_000, PROGRAMME_SECTION),
    "An entry does not say its author's role (who recorded it decides whose work it is: the social worker's own, or a summary of the other workers'). Reported as an error at submit, as information while drafting.",
    "The social worker will record their own interventions within the Family Programme. The social worker will also summarise the interventions undertaken by the Child and Family Worker and any relevant Family Safeguarding Adult Specialist Worker and their impact within the Family Programme.");

rule!(SECOND_PROGRAMME, "FP-014", "second-programme-without-reason", Warning, Check,
    ["/otherProgrammeOpen", "/separateProgrammeReason"],
    Cite::same(SEED_000, PROGRAMME_SECTION),
    "Another Family Programme is open for the family and no reason is given for a separate one.",
    "Although the expectation is that there is only one Family Programme open, there may be occasions where two Family Programmes are required, such as separated parents who do not give consent for their information to be shared with the other parent.");

rule!(DATE_IN_FUTURE, "FP-015", "date-in-future", Error, Check,
    ["/startedOn", "/modules/*/completedOn", "/supportAndAssessmentPlannerOn", "/familyNetworkMeetingOn", "/signOff/managementOversightOn", "/signOff/completedOn", "/milestones/significantChangeOn", "/milestones/lastCompletedOn"],
    Cite::interpreted(SEED_000, PROGRAMME_SECTION),
    "A date of something already done is after today: the start of the introduction and intervention, a module's completion, the Support and Assessment Planner, the family and friends network meeting, the management oversight case note, the sign-off, a significant change, the last completion. A completion dated after today does not count as one, so it does not put off the next completed Family Programme (FP-011).",
    "");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &INITIAL_OVERDUE,
    &INITIAL_DUE_SOON,
    &DIRECT_WORK_OVERDUE,
    &DIRECT_WORK_DUE_SOON,
    &ADULT_INPUT_MISSING,
    &CLOSING_MODULES_EARLY,
    &CLOSING_MODULES_EMPTY,
    &NO_OVERSIGHT,
    &EARLY_TOOLS_MISSING,
    &ASSESSMENT_OVERDUE,
    &ENTRY_DATE,
    &ENTRY_AUTHOR,
    &SECOND_PROGRAMME,
    &DATE_IN_FUTURE,
];

// ---- Reading the programme ----

/// A module's object, when present.
pub fn module<'a>(data: &'a Map<String, Value>, id: &str) -> Option<&'a Map<String, Value>> {
    read::object(data, "modules").and_then(|m| read::object(m, id))
}

/// A module's entries that are filled in, with their index in the list.
pub fn entries<'a>(data: &'a Map<String, Value>, id: &str) -> Vec<(usize, &'a Map<String, Value>)> {
    let Some(m) = module(data, id) else { return Vec::new() };
    read::list(m, "entries")
        .iter()
        .enumerate()
        .filter(|(_, v)| !read::is_blank(Some(v)))
        .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
        .collect()
}

/// Whether a module can be read: `modules`, the module and its entries are each absent or of the right shape. A
/// module that cannot be read is reported by the structural pass, and no rule guesses at it.
pub fn readable(data: &Map<String, Value>, id: &str) -> bool {
    let shaped = |v: Option<&Value>, ok: fn(&Value) -> bool| v.is_none_or(|v| v.is_null() || ok(v));
    let modules = data.get("modules");
    let module = modules.and_then(|m| m.get(id));
    let entries = module.and_then(|m| m.get("entries"));
    shaped(modules, Value::is_object) && shaped(module, Value::is_object) && shaped(entries, Value::is_array)
}

/// Whether a module is marked complete (or, with no answer to "complete", has a completion date).
pub fn is_complete(data: &Map<String, Value>, id: &str) -> bool {
    module(data, id).is_some_and(|m| match read::boolean(m, "complete") {
        Some(c) => c,
        None => read::is_blank(m.get("complete")) && read::date(m, "completedOn").is_some(),
    })
}

fn author_role<'a>(entry: &'a Map<String, Value>) -> Option<std::borrow::Cow<'a, str>> {
    read::object(entry, "author").and_then(|a| read::choice(a, "role", ROLES))
}

/// The end of the first weeks of introduction and intervention.
pub fn initial_due(data: &Map<String, Value>, ctx: &Ctx) -> Option<NaiveDate> {
    calendar::add_weeks(read::date(data, "startedOn")?, ctx.value(&MODULES_WEEKS))
}

/// The date of the social worker's first dated entry in module 4.
pub fn first_direct_work(data: &Map<String, Value>) -> Option<NaiveDate> {
    entries(data, "4")
        .into_iter()
        .filter(|(_, e)| author_role(e).as_deref() == Some("social-worker"))
        .filter_map(|(_, e)| read::date(e, "date"))
        .min()
}

/// Where a module with the initial timescale stands.
pub fn initial_status(data: &Map<String, Value>, id: &str, due: NaiveDate, today: NaiveDate) -> Status {
    let soon = timescale::DUE_SOON_DAYS;
    if id == "4" {
        return timescale::status(due, first_direct_work(data), today, soon);
    }
    if is_complete(data, id) {
        let completed = module(data, id).and_then(|m| read::date(m, "completedOn"));
        return completed.map_or(Status::Met, |c| timescale::status(due, Some(c), today, soon));
    }
    timescale::status(due, None, today, soon)
}

/// Whether sign-off as a completed assessment is requested (or already completed).
pub fn sign_off_requested(data: &Map<String, Value>) -> bool {
    read::object(data, "signOff")
        .is_some_and(|s| read::boolean(s, "requested") == Some(true) || read::date(s, "completedOn").is_some())
}

/// When the completed Family Programme is next due, and why.
pub struct AssessmentDue {
    /// The date the outcome shows: the conference or review itself, or the last day of a timescale.
    pub due: NaiveDate,
    /// Overdue once today is after this day (the day before a conference or review: "prior to" it).
    pub last_day: NaiveDate,
    pub reason: &'static str,
    /// The field the timescale runs from.
    pub path: &'static str,
}

/// The latest completion of the programme as an assessment, and the field it comes from. A completion dated after
/// `today` has not happened (FP-015 reports it) and does not count.
fn last_completed(data: &Map<String, Value>, today: NaiveDate) -> Option<(NaiveDate, &'static str)> {
    let done = |d: &NaiveDate| *d <= today;
    let milestone = read::object(data, "milestones").and_then(|m| read::date(m, "lastCompletedOn")).filter(done);
    let sign_off = read::object(data, "signOff").and_then(|s| read::date(s, "completedOn")).filter(done);
    match (milestone, sign_off) {
        (Some(m), Some(s)) if s > m => Some((s, "/signOff/completedOn")),
        (Some(m), _) => Some((m, "/milestones/lastCompletedOn")),
        (None, Some(s)) => Some((s, "/signOff/completedOn")),
        (None, None) => None,
    }
}

/// The earliest occasion that applies (000, "Expected Key Points ..."): before the first completion of the current
/// programme (one on or after `startedOn`), the second review conference (child protection) or the 9-month review
/// (child in need), and a year from the start; after it,
/// a year from the last completion; and four weeks after a significant change later than the last completion.
pub fn assessment_due(data: &Map<String, Value>, ctx: &Ctx) -> Option<AssessmentDue> {
    let milestones = read::object(data, "milestones");
    let milestone = |k: &str| milestones.and_then(|m| read::date(m, k));
    let plan = read::choice(data, "planType", PLAN_TYPES);
    let last = last_completed(data, ctx.today);
    // The occasions are the current plan's: a completion before the current programme began (an earlier plan's)
    // does not satisfy the second review conference or the 9-month review that falls after it.
    let started = read::date(data, "startedOn");
    let current = last.filter(|(done, _)| started.is_none_or(|s| *done >= s));
    let months = i32::try_from(ctx.value(&ASSESSMENT_MONTHS)).unwrap_or(12);
    let mut candidates: Vec<AssessmentDue> = Vec::new();
    let prior_to = |on: NaiveDate, reason, path| {
        calendar::add_days(on, -1).map(|last_day| AssessmentDue { due: on, last_day, reason, path })
    };
    let by = |due: NaiveDate, reason, path| AssessmentDue { due, last_day: due, reason, path };
    if current.is_none() {
        match plan.as_deref() {
            Some("child-protection") => {
                candidates.extend(
                    milestone("secondRcpcOn").and_then(|d| prior_to(d, "second-rcpc", "/milestones/secondRcpcOn")),
                );
            }
            Some("child-in-need") => {
                candidates.extend(
                    milestone("nineMonthCinReviewOn")
                        .and_then(|d| prior_to(d, "nine-month-cin-review", "/milestones/nineMonthCinReviewOn")),
                );
            }
            _ => {}
        }
    }
    if let Some(change) = milestone("significantChangeOn") {
        if last.is_none_or(|(l, _)| change > l) {
            let weeks = ctx.value(&SIGNIFICANT_CHANGE_WEEKS);
            candidates.extend(
                calendar::add_weeks(change, weeks)
                    .map(|d| by(d, "significant-change", "/milestones/significantChangeOn")),
            );
        }
    }
    let annual_from = last.or_else(|| read::date(data, "startedOn").map(|s| (s, "/startedOn")));
    if let Some((from, path)) = annual_from {
        candidates.extend(calendar::add_months(from, months).map(|d| by(d, "annual", path)));
    }
    candidates.into_iter().min_by_key(|c| c.due)
}

// ---- The checks ----

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    initial_modules(data, ctx);
    adult_worker_input(data, ctx);
    sign_off(data, ctx);
    early_tools(data, ctx);
    assessment(data, ctx);
    entries_dates_and_authors(data, ctx);
    second_programme(data, ctx);
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE);
}

fn initial_modules(data: &Map<String, Value>, ctx: &mut Ctx) {
    let Some(due) = initial_due(data, ctx) else { return };
    let weeks = ctx.value(&MODULES_WEEKS);
    let when = long_date(due);
    for id in ["1", "2", "3"] {
        let path = crate::text!("/modules/", id, "/complete");
        let unreadable =
            ctx.has_finding_at(&path) || ctx.has_finding_at(&crate::text!("/modules/", id, "/completedOn"));
        if !readable(data, id) || unreadable {
            continue;
        }
        match initial_status(data, id, due, ctx.today) {
            Status::Overdue => {
                let message = msg!(FP002_COMPLETE_MODULE_ID_DUE, id = id, weeks = weeks, when = when);
                ctx.emit(&INITIAL_OVERDUE, path, message).related(["/startedOn"]).due(calendar::format_date(due));
            }
            Status::DueSoon => {
                let message = msg!(FP003_MODULE_ID_COMPLETE_WITHIN, id = id, weeks = weeks, when = when);
                ctx.emit(&INITIAL_DUE_SOON, path, message).related(["/startedOn"]).due(calendar::format_date(due));
            }
            _ => {}
        }
    }
    if !readable(data, "4") || ctx.has_finding_at("/modules/4/entries") {
        return;
    }
    match initial_status(data, "4", due, ctx.today) {
        Status::Overdue => {
            let message = msg!(FP004_RECORD_SOCIAL_WORKERS_DIRECT, weeks = weeks, when = when);
            ctx.emit(&DIRECT_WORK_OVERDUE, "/modules/4/entries", message)
                .related(["/startedOn"])
                .due(calendar::format_date(due));
        }
        Status::DueSoon => {
            let message = msg!(FP005_MODULE_4_RECORD_SOCIAL, weeks = weeks, when = when);
            ctx.emit(&DIRECT_WORK_DUE_SOON, "/modules/4/entries", message)
                .related(["/startedOn"])
                .due(calendar::format_date(due));
        }
        _ => {}
    }
}

fn adult_worker_input(data: &Map<String, Value>, ctx: &mut Ctx) {
    let involved: Vec<(usize, &str)> = read::list(data, "adultWorkersInvolved")
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_str().map(|s| (i, s.trim())))
        .filter_map(|(i, s)| ADULT_WORKER_ROLES.iter().find(|r| **r == s).map(|r| (i, *r)))
        .collect();
    for id in ["5", "6"] {
        if !readable(data, id) || ctx.has_finding_at(&crate::text!("/modules/", id, "/entries")) {
            continue;
        }
        let covered: Vec<String> = entries(data, id)
            .into_iter()
            .flat_map(|(_, e)| {
                let mut roles: Vec<String> =
                    read::list(e, "summarises").iter().filter_map(Value::as_str).map(|s| s.trim().to_owned()).collect();
                roles.extend(author_role(e).map(|r| r.into_owned()));
                roles
            })
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        for (i, role) in &involved {
            if covered.iter().any(|c| c == role) || reported.contains(role) {
                continue;
            }
            reported.push(role);
            let message = msg!(FP006_MODULE_ID_INCLUDE_SUMMARY, id = id);
            ctx.emit(&ADULT_INPUT_MISSING, crate::text!("/modules/", id, "/entries"), message)
                .related([crate::text!("/adultWorkersInvolved/", i)]);
        }
    }
}

fn sign_off(data: &Map<String, Value>, ctx: &mut Ctx) {
    let requested = sign_off_requested(data);
    for id in ["7", "8"] {
        if !readable(data, id) {
            continue;
        }
        let has_entries = !entries(data, id).is_empty();
        if has_entries && !requested {
            let message = msg!(FP007_MODULE_ID_COMPLETED_ONLY, id = id);
            ctx.emit(&CLOSING_MODULES_EARLY, crate::text!("/modules/", id, "/entries"), message)
                .related(["/signOff/requested"]);
        }
        if requested && !has_entries {
            let message = msg!(FP008_COMPLETE_MODULE_ID_BEFORE, id = id);
            ctx.emit(&CLOSING_MODULES_EMPTY, crate::text!("/modules/", id, "/entries"), message)
                .related(["/signOff/requested"]);
        }
    }
    let Some(s) = read::object(data, "signOff") else { return };
    if read::date(s, "completedOn").is_some() && read::is_blank(s.get("managementOversightOn")) {
        ctx.emit(&NO_OVERSIGHT, "/signOff/managementOversightOn", &FP009_ENTER_DATE_TEAM_MANAGERS)
            .related(["/signOff/completedOn"]);
    }
}

fn early_tools(data: &Map<String, Value>, ctx: &mut Ctx) {
    let Some(due) = initial_due(data, ctx) else { return };
    if ctx.today <= due {
        return;
    }
    let when = long_date(due);
    if read::is_blank(data.get("supportAndAssessmentPlannerOn")) {
        let message = msg!(FP010_MODULE_1_RECORD_WHEN, when = when);
        ctx.emit(&EARLY_TOOLS_MISSING, "/supportAndAssessmentPlannerOn", message).related(["/startedOn"]);
    }
    for key in ["culturalGenogram", "ecomap"] {
        let answered_no = read::boolean(data, key) == Some(false);
        if answered_no || read::is_blank(data.get(key)) {
            let message = msg!(FP010_MODULE_2_COMPLETE_WHAT, tool = key, when = when);
            ctx.emit(&EARLY_TOOLS_MISSING, crate::text!("/", key), message).related(["/startedOn"]);
        }
    }
    if read::is_blank(data.get("familyNetworkMeetingOn")) {
        let message = msg!(FP010_MODULE_2_RECORD_DATE, when = when);
        ctx.emit(&EARLY_TOOLS_MISSING, "/familyNetworkMeetingOn", message).related(["/startedOn"]);
    }
}

fn assessment(data: &Map<String, Value>, ctx: &mut Ctx) {
    let Some(a) = assessment_due(data, ctx) else { return };
    if ctx.today <= a.last_day {
        return;
    }
    let when = long_date(a.due);
    let message = match a.reason {
        "second-rcpc" => msg!(FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT, when = when),
        "nine-month-cin-review" => msg!(FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_2, when = when),
        "significant-change" => msg!(
            FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_3,
            significantChangeWeeks = ctx.value(&SIGNIFICANT_CHANGE_WEEKS),
            when = when
        ),
        _ => msg!(FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_4, when = when),
    };
    ctx.emit(&ASSESSMENT_OVERDUE, a.path, message).due(calendar::format_date(a.due));
}

fn entries_dates_and_authors(data: &Map<String, Value>, ctx: &mut Ctx) {
    let started = read::date(data, "startedOn");
    checks::dates_not_after_today_at(super::model::FIELDS, data, ctx, &ENTRY_DATE, &["/modules/*/entries/*/date"]);
    for id in MODULE_IDS {
        for (i, e) in entries(data, id) {
            let at = crate::text!("/modules/", id, "/entries/", i);
            if let Some(d) = read::date(e, "date") {
                if d <= ctx.today && started.is_some_and(|s| d < s) {
                    ctx.emit(&ENTRY_DATE, crate::text!(at, "/date"), &FP012_DATE_ENTRY_SAME_AFTER)
                        .related(["/startedOn"]);
                }
            }
            let role_blank = read::object(e, "author").is_none_or(|a| read::is_blank(a.get("role")));
            let author_malformed = !read::is_blank(e.get("author")) && read::object(e, "author").is_none();
            if role_blank && !author_malformed {
                ctx.emit(&ENTRY_AUTHOR, crate::text!(at, "/author/role"), &FP013_SELECT_ROLE_ENTRYS_AUTHOR);
            }
        }
    }
}

fn second_programme(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::boolean(data, "otherProgrammeOpen") == Some(true) && read::is_blank(data.get("separateProgrammeReason")) {
        ctx.emit(&SECOND_PROGRAMME, "/separateProgrammeReason", &FP014_ENTER_WHY_SEPARATE_FAMILY)
            .related(["/otherProgrammeOpen"]);
    }
}

crate::messages! {
    FP002_COMPLETE_MODULE_ID_DUE = "FP-002.complete-module-id-due": "Complete module {id}: it was due within the first {weeks, plural, one {# week} other {# weeks}}, by {when}";
    FP003_MODULE_ID_COMPLETE_WITHIN = "FP-003.module-id-complete-within": "Module {id} must be complete within the first {weeks, plural, one {# week} other {# weeks}}, by {when}";
    FP004_RECORD_SOCIAL_WORKERS_DIRECT = "FP-004.record-social-workers-direct": "Record the social worker’s direct work with the child in module 4: it was due within the first {weeks, plural, one {# week} other {# weeks}}, by {when}";
    FP005_MODULE_4_RECORD_SOCIAL = "FP-005.module-4-record-social": "Module 4 must record the social worker’s direct work with the child within the first {weeks, plural, one {# week} other {# weeks}}, by {when}";
    FP006_MODULE_ID_INCLUDE_SUMMARY = "FP-006.module-id-include-summary": "Module {id} must include a summary of the interventions of each adult worker involved, summarised by the social worker";
    FP007_MODULE_ID_COMPLETED_ONLY = "FP-007.module-id-completed-only": "Module {id} is completed only when the Family Programme is ready to be signed off as a completed assessment: request sign-off, or move the entries";
    FP008_COMPLETE_MODULE_ID_BEFORE = "FP-008.complete-module-id-before": "Complete module {id} before the Family Programme is signed off as a completed assessment";
    FP009_ENTER_DATE_TEAM_MANAGERS = "FP-009.enter-date-team-managers": "Enter the date of the team manager’s management oversight case note for the completed sign-off";
    FP010_MODULE_1_RECORD_WHEN = "FP-010.module-1-record-when": "Module 1: record when the Support and Assessment Planner was completed with the parents (expected by {when})";
    FP010_MODULE_2_COMPLETE_WHAT = "FP-010.module-2-tool": "Module 2: complete {tool, select, culturalGenogram {the cultural genogram} other {the ecomap}} with the parents (expected by {when})";
    FP010_MODULE_2_RECORD_DATE = "FP-010.module-2-record-date": "Module 2: record the date of the family and friends network meeting (expected by {when})";
    FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT = "FP-011.second-rcpc": "Complete the Family Programme as an assessment: it was due before the second review child protection conference on {when}";
    FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_2 = "FP-011.nine-month-cin-review": "Complete the Family Programme as an assessment: it was due before the 9-month child in need review on {when}";
    FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_3 = "FP-011.significant-change": "Complete the Family Programme as an assessment: it was due within {significantChangeWeeks, plural, one {# week} other {# weeks}} of the significant change in the family, by {when}";
    FP011_COMPLETE_FAMILY_PROGRAMME_ASSESSMENT_4 = "FP-011.annual": "Complete the Family Programme as an assessment: it is completed at least every year and was due by {when}";
    FP012_DATE_ENTRY_SAME_AFTER = "FP-012.date-entry-same-after": "Date of the entry must be the same as or after the date the introduction and intervention began";
    FP013_SELECT_ROLE_ENTRYS_AUTHOR = "FP-013.select-role-entrys-author": "Select the role of the entry’s author";
    FP014_ENTER_WHY_SEPARATE_FAMILY = "FP-014.enter-why-separate-family": "Enter why a separate Family Programme is open: only one is open unless, for example, separated parents do not consent to share information";
}
