//! The Standards of Practice rules: one declaration each, then the check, which also builds the outcome's rows.
//!
//! Days here are calendar days (the standards say "2 days", "7 Days"; only the audit tool says "working days").

use crate::engine::outcome::Tree;
use crate::engine::value::{Map, Value};
use crate::outcome_json as json;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::{Message, Template};
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::{self, Status, DUE_SOON_DAYS};
use crate::msg;
use crate::rule;

const STANDARDS: &str = "STRENGTHENING FAMLIES STANDARDS OF PRACTICE";

rule!(REQUIRED, "PRS-001", "missing-required-field", Error, Required,
    ["/allocationDate", "/pspCaseNoteAdded", "/contacts/*/at", "/visits/*/at", "/contacts/*", "/pspCheckedOn", "/visits/*"],
    Cite::same(SEED_002, STANDARDS),
    "A date the standards count from is missing: the date of allocation, the date and time of each contact and visit; and, once the PSP is checked, whether the case note was added.",
    "Expectation of Strengthening Family Practitioner/Assistant");

pub static CONTACT_DAYS: Param = Param { key: "practice-standards.contactDays", default: 2, unit: "days" };
pub static REFERRER_DAYS: Param = Param { key: "practice-standards.referrerDays", default: 2, unit: "days" };
pub static FIRST_VISIT_DAYS: Param = Param { key: "practice-standards.firstVisitDays", default: 7, unit: "days" };
pub static RECORD_HOURS: Param = Param { key: "practice-standards.recordHours", default: 48, unit: "hours" };
pub static FIRST_CIRCLE_WEEKS: Param = Param { key: "practice-standards.firstCircleWeeks", default: 8, unit: "weeks" };
pub static EHA_WEEKS: Param = Param { key: "practice-standards.ehaWeeks", default: 6, unit: "weeks" };
pub static MEETING_FROM_WEEKS: Param =
    Param { key: "practice-standards.supportMeetingFromWeeks", default: 6, unit: "weeks" };
pub static MEETING_TO_WEEKS: Param =
    Param { key: "practice-standards.supportMeetingToWeeks", default: 8, unit: "weeks" };
pub static CIRCLE_WEEKS: Param = Param { key: "practice-standards.circleWeeks", default: 8, unit: "weeks" };
pub static CLOSURE_DAYS: Param = Param { key: "practice-standards.closureDays", default: 7, unit: "days" };
pub static VISIT_FROM_HOUR: Param = Param { key: "practice-standards.visitFromHour", default: 7, unit: "hour" };
pub static VISIT_TO_HOUR: Param = Param { key: "practice-standards.visitToHour", default: 20, unit: "hour" };

rule!(
    CONTACT_LATE,
    "PRS-002",
    "family-contact-late",
    Warning,
    Check,
    ["/familyContactOn", "/allocationDate"],
    Cite::same(SEED_002, STANDARDS),
    "Contact with the family was made, or is still to be made, later than 2 days after allocation (calendar days).",
    "Following Allocation, contact to be made with families\t2 days",
    params = [CONTACT_DAYS]
);

rule!(
    REFERRER_LATE,
    "PRS-003",
    "referrer-notification-late",
    Warning,
    Check,
    ["/referrerNotifiedOn", "/allocationDate"],
    Cite::same(SEED_002, STANDARDS),
    "The referrer was notified of the allocation, or is still to be, later than 2 days after allocation.",
    "Referrer notified following allocation\t2 days",
    params = [REFERRER_DAYS]
);

rule!(PSP_LATE, "PRS-004", "psp-not-checked-before-first-visit", Warning, Check,
    ["/pspCheckedOn", "/firstVisitOn", "/allocationDate"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The PSP was checked after the first visit, or is not recorded as checked by it (a check on the day of the visit counts as before it: the record has dates, not times).",
    "PSP to be checked – case note added to Protocol.\tPrior to first visit.",
    params = [FIRST_VISIT_DAYS]);

rule!(
    PSP_NOTE,
    "PRS-005",
    "psp-case-note-not-added",
    Warning,
    Check,
    ["/pspCaseNoteAdded", "/pspCheckedOn"],
    Cite::same(SEED_002, STANDARDS),
    "The PSP was checked but no case note of the check was added to Protocol.",
    "PSP to be checked – case note added to Protocol."
);

rule!(RECORD_LATE, "PRS-006", "record-not-updated-within-48-hours", Warning, Check,
    ["/contacts/*/recordedAt", "/contacts/*/at"],
    Cite::same(SEED_002, STANDARDS),
    "The case record was updated, or is still to be, more than 48 hours after a contact regarding the family, measured in elapsed hours of UK time (across clock changes).",
    "Following any contact regarding the family – case records to be updated.\t48 hours",
    params = [RECORD_HOURS]);

rule!(
    FIRST_VISIT_LATE,
    "PRS-007",
    "first-visit-late",
    Warning,
    Check,
    ["/firstVisitOn", "/allocationDate"],
    Cite::same(SEED_002, STANDARDS),
    "The first visit with the family was made, or is still to be, later than 7 days after allocation.",
    "First Visit with the family to be made\t7 Days",
    params = [FIRST_VISIT_DAYS]
);

rule!(FIRST_CIRCLE_LATE, "PRS-008", "first-family-circle-late", Warning, Check,
    ["/firstFamilyCircleOn", "/familyCircleDates", "/allocationDate"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The first Family Circle was completed, or is still to be, later than 8 weeks after allocation (the end of the seed's \"6 - 8 Weeks\"; counting from allocation is interpreted).",
    "First Family Circle to be completed.\t6 - 8 Weeks",
    params = [FIRST_CIRCLE_WEEKS]);

rule!(EHA_LATE, "PRS-009", "early-help-assessment-late", Warning, Check,
    ["/earlyHelpAssessmentOn", "/assessmentByReferrer", "/allocationDate"],
    Cite::same(SEED_002, STANDARDS),
    "The early help assessment was completed, or is still to be, later than 6 weeks after allocation, unless the referrer completed it.",
    "Early Help Assessment to be completed (unless completed by referrer)\t6 Weeks",
    params = [EHA_WEEKS]);

rule!(MEETING_WINDOW, "PRS-010", "support-meeting-outside-window", Warning, Check,
    ["/earlyHelpSupportMeetingOn", "/earlyHelpAssessmentOn"],
    Cite::same(SEED_002, STANDARDS),
    "The early help support meeting is outside its window of 6 to 8 weeks after the early help assessment: earlier, later, or still to be held after the window closed.",
    "Early Help Support Meeting\t6 – 8 Weeks after initial Early Help Assessment",
    params = [MEETING_FROM_WEEKS, MEETING_TO_WEEKS]);

rule!(CIRCLE_LATE, "PRS-011", "family-circle-review-late", Warning, Check,
    ["/familyCircleDates", "/familyCircleDates/*", "/firstFamilyCircleOn", "/closureDirectedOn"],
    Cite::same(SEED_002, STANDARDS),
    "A Family Circle came, or the next is still to come, more than 8 weeks after the one before (not counted once the case is directed to close).",
    "Ongoing Family Circles\t8 Weeks",
    params = [CIRCLE_WEEKS]);

rule!(CLOSURE_LATE, "PRS-012", "closure-summary-late", Warning, Check, ["/closureSummaryOn", "/closureDirectedOn"],
    Cite::same(SEED_002, STANDARDS),
    "The closure summary and end of involvement were completed, or are still to be, more than 1 week after the case was directed to close.",
    "When directed close a case. Closure summary and end of involvement to be completed.\t1 week",
    params = [CLOSURE_DAYS]);

rule!(
    DUE_SOON,
    "PRS-013",
    "standard-due-soon",
    Info,
    Check,
    [
        "/familyContactOn",
        "/referrerNotifiedOn",
        "/pspCheckedOn",
        "/contacts/*/recordedAt",
        "/firstVisitOn",
        "/firstFamilyCircleOn",
        "/earlyHelpAssessmentOn",
        "/earlyHelpSupportMeetingOn",
        "/familyCircleDates",
        "/closureSummaryOn",
        "/allocationDate",
        "/assessmentByReferrer",
        "/closureDirectedOn",
        "/contacts/*/at"
    ],
    Cite::interpreted(SEED_002, STANDARDS),
    "A standard not yet met falls due within 7 days (for the 48-hour standard, within the day).",
    ""
);

rule!(
    VISIT_HOURS,
    "PRS-014",
    "visit-outside-support-hours",
    Info,
    Check,
    ["/visits/*/at"],
    Cite::same(SEED_002, "The role of the Strengthening Families Practitioner"),
    "A visit is outside the hours of planned support in the home, 7am to 8pm.",
    "Planned Practitioner support in the home will be provided across a 7 day week from 7am to 8pm.",
    params = [VISIT_FROM_HOUR, VISIT_TO_HOUR]
);

rule!(ORDER, "PRS-015", "dates-out-of-order", Error, Check,
    ["/allocationDate", "/familyContactOn", "/referrerNotifiedOn", "/firstVisitOn", "/firstFamilyCircleOn", "/familyCircleDates/*", "/closureDirectedOn", "/closureSummaryOn", "/contacts/*/recordedAt", "/contacts/*/at"],
    Cite::interpreted(SEED_002, STANDARDS),
    "Dates contradict each other: an event that follows allocation dated before it, a closure summary before the direction to close, a case record updated before the contact.",
    "");

rule!(
    IN_FUTURE,
    "PRS-016",
    "date-in-future",
    Error,
    Check,
    [
        "/allocationDate",
        "/familyContactOn",
        "/referrerNotifiedOn",
        "/pspCheckedOn",
        "/firstVisitOn",
        "/firstFamilyCircleOn",
        "/familyCircleDates/*",
        "/earlyHelpAssessmentOn",
        "/earlyHelpSupportMeetingOn",
        "/closureDirectedOn",
        "/closureSummaryOn",
        "/contacts/*/at",
        "/contacts/*/recordedAt"
    ],
    Cite::interpreted(SEED_002, STANDARDS),
    "A date of something done (not a planned visit) is after today.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &CONTACT_LATE,
    &REFERRER_LATE,
    &PSP_LATE,
    &PSP_NOTE,
    &RECORD_LATE,
    &FIRST_VISIT_LATE,
    &FIRST_CIRCLE_LATE,
    &EHA_LATE,
    &MEETING_WINDOW,
    &CIRCLE_LATE,
    &CLOSURE_LATE,
    &DUE_SOON,
    &VISIT_HOURS,
    &ORDER,
    &IN_FUTURE,
];

/// One row of the outcome: a standard (or one contact's record, or one Family Circle interval) and where it stands.
pub struct Row {
    pub standard: &'static str,
    /// The seed's wording of the expectation.
    pub title: &'static str,
    /// `YYYY-MM-DD` or, for the 48-hour standard, `YYYY-MM-DDTHH:MM`.
    pub due: Option<String>,
    pub met_on: Option<String>,
    pub status: Status,
    /// Extra keys for rows that repeat (`contact`, `after`) or have a window (`from`).
    pub extra: Vec<(&'static str, Tree)>,
}

impl Row {
    pub fn to_json(&self) -> Tree {
        let mut row = json!({
            "standard": self.standard,
            "title": self.title,
            "due": self.due.clone(),
            "metOn": self.met_on.clone(),
            "status": self.status.as_str(),
        });
        for (k, v) in &self.extra {
            row.set(k, v.clone());
        }
        row
    }
}

/// A standard measured in days, and how to word its findings.
struct DateStandard {
    id: &'static str,
    title: &'static str,
    rule: &'static Rule,
    /// The field that records it being met.
    path: &'static str,
    related: &'static [&'static str],
    /// Its messages when met late, overdue and due soon ("Contact with the family was not within 5 days of allocation").
    texts: [&'static Template; 3],
}

/// Where a date standard stands; reports it late, overdue or due soon.
fn date_standard(
    ctx: &mut Ctx,
    s: &DateStandard,
    due: Option<NaiveDate>,
    met: Option<NaiveDate>,
    limit: &[(&'static str, i64)],
) -> Row {
    let status = due.map_or(Status::NotApplicable, |d| timescale::status(d, met, ctx.today, DUE_SOON_DAYS));
    if let Some(d) = due {
        emit_status(ctx, s.rule, s.path, s.related, &s.texts, limit, status, d);
    }
    Row {
        standard: s.id,
        title: s.title,
        due: due.map(calendar::format_date),
        met_on: met.map(calendar::format_date),
        status,
        extra: Vec::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn emit_status(
    ctx: &mut Ctx,
    rule: &'static Rule,
    path: &str,
    related: &[&str],
    texts: &[&'static Template; 3],
    limit: &[(&'static str, i64)],
    status: Status,
    due: NaiveDate,
) {
    let [late, overdue, soon] = *texts;
    let (rule, message) = match status {
        Status::MetLate => (rule, limit.iter().fold(Message::new(late), |m, (k, v)| m.arg(k, *v))),
        Status::Overdue => (rule, limit.iter().fold(Message::new(overdue), |m, (k, v)| m.arg(k, *v))),
        Status::DueSoon => (&DUE_SOON, msg!(*soon, due = due)),
        _ => return,
    };
    ctx.emit(rule, path, message).related(related.iter().copied()).due(calendar::format_date(due));
}

fn plus_days(ctx: &Ctx, from: Option<NaiveDate>, param: &Param) -> Option<NaiveDate> {
    calendar::add_days(from?, ctx.value(param))
}

fn plus_weeks(ctx: &Ctx, from: Option<NaiveDate>, param: &Param) -> Option<NaiveDate> {
    calendar::add_weeks(from?, ctx.value(param))
}

/// A Family Circle date and the field it came from.
struct Circle {
    date: NaiveDate,
    path: String,
}

fn circles(data: &Map<String, Value>) -> Vec<Circle> {
    let mut out: Vec<Circle> = Vec::new();
    if let Some(first) = read::date(data, "firstFamilyCircleOn") {
        out.push(Circle { date: first, path: "/firstFamilyCircleOn".to_owned() });
    }
    for (i, v) in read::list(data, "familyCircleDates").iter().enumerate() {
        if let Some(d) = read::parse_date(v).ok().flatten() {
            if !out.iter().any(|c| c.date == d) {
                out.push(Circle { date: d, path: crate::text!("/familyCircleDates/", i) });
            }
        }
    }
    crate::engine::sort::stable_by_key(&mut out, |c| c.date);
    out
}

/// Runs every rule; returns the outcome's rows in the order of the standards table.
pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Vec<Row> {
    let allocation = read::date(data, "allocationDate");
    let mut rows = Vec::new();
    let days = |ctx: &Ctx, p: &Param| [("n", ctx.value(p))];

    let limit = days(ctx, &CONTACT_DAYS);
    let due = plus_days(ctx, allocation, &CONTACT_DAYS);
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "family-contact",
            title: "Following Allocation, contact to be made with families",
            rule: &CONTACT_LATE,
            path: "/familyContactOn",
            related: &["/allocationDate"],
            texts: [&PRS002_LATE, &PRS002_OVERDUE, &PRS002_DUE_SOON],
        },
        due,
        read::date(data, "familyContactOn"),
        &limit,
    ));

    let limit = days(ctx, &REFERRER_DAYS);
    let due = plus_days(ctx, allocation, &REFERRER_DAYS);
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "referrer-notified",
            title: "Referrer notified following allocation",
            rule: &REFERRER_LATE,
            path: "/referrerNotifiedOn",
            related: &["/allocationDate"],
            texts: [&PRS003_LATE, &PRS003_OVERDUE, &PRS003_DUE_SOON],
        },
        due,
        read::date(data, "referrerNotifiedOn"),
        &limit,
    ));

    // PSP: before the first visit, or by the day the first visit is due when there has been none.
    let first_visit = read::date(data, "firstVisitOn");
    let first_visit_due = plus_days(ctx, allocation, &FIRST_VISIT_DAYS);
    let psp = read::date(data, "pspCheckedOn");
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "psp-checked",
            title: "PSP to be checked – case note added to Protocol.",
            rule: &PSP_LATE,
            path: "/pspCheckedOn",
            related: &["/firstVisitOn"],
            texts: [&PRS004_LATE, &PRS004_OVERDUE, &PRS004_DUE_SOON],
        },
        first_visit.or(first_visit_due),
        psp,
        &[],
    ));
    if !read::is_blank(data.get("pspCheckedOn")) {
        match read::boolean(data, "pspCaseNoteAdded") {
            Some(false) => {
                ctx.emit(&PSP_NOTE, "/pspCaseNoteAdded", &PRS005_ADD_CASE_NOTE_PSP).related(["/pspCheckedOn"]);
            }
            None if read::is_blank(data.get("pspCaseNoteAdded")) => {
                ctx.emit(&REQUIRED, "/pspCaseNoteAdded", &PRS001_SELECT_WHETHER_CASE_NOTE);
            }
            _ => {}
        }
    }

    records(data, ctx, &mut rows);

    let limit = days(ctx, &FIRST_VISIT_DAYS);
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "first-visit",
            title: "First Visit with the family to be made",
            rule: &FIRST_VISIT_LATE,
            path: "/firstVisitOn",
            related: &["/allocationDate"],
            texts: [&PRS007_LATE, &PRS007_OVERDUE, &PRS007_DUE_SOON],
        },
        first_visit_due,
        first_visit,
        &limit,
    ));

    let all_circles = circles(data);
    let limit = [("n", ctx.value(&FIRST_CIRCLE_WEEKS))];
    let due = plus_weeks(ctx, allocation, &FIRST_CIRCLE_WEEKS);
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "first-family-circle",
            title: "First Family Circle to be completed.",
            rule: &FIRST_CIRCLE_LATE,
            path: "/firstFamilyCircleOn",
            related: &["/allocationDate", "/familyCircleDates"],
            texts: [&PRS008_LATE, &PRS008_OVERDUE, &PRS008_DUE_SOON],
        },
        due,
        all_circles.first().map(|c| c.date),
        &limit,
    ));

    let eha = read::date(data, "earlyHelpAssessmentOn");
    let by_referrer = read::boolean(data, "assessmentByReferrer") == Some(true);
    let limit = [("n", ctx.value(&EHA_WEEKS))];
    let due = if by_referrer { None } else { plus_weeks(ctx, allocation, &EHA_WEEKS) };
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "early-help-assessment",
            title: "Early Help Assessment to be completed (unless completed by referrer)",
            rule: &EHA_LATE,
            path: "/earlyHelpAssessmentOn",
            related: &["/allocationDate", "/assessmentByReferrer"],
            texts: [&PRS009_LATE, &PRS009_OVERDUE, &PRS009_DUE_SOON],
        },
        due,
        eha,
        &limit,
    ));

    support_meeting(data, ctx, eha, &mut rows);
    ongoing_circles(data, ctx, &all_circles, &mut rows);

    let directed = read::date(data, "closureDirectedOn");
    let closure_days = ctx.value(&CLOSURE_DAYS);
    let limit = [("n", closure_days)];
    let due = plus_days(ctx, directed, &CLOSURE_DAYS);
    rows.push(date_standard(
        ctx,
        &DateStandard {
            id: "closure-summary",
            title: "When directed close a case. Closure summary and end of involvement to be completed.",
            rule: &CLOSURE_LATE,
            path: "/closureSummaryOn",
            related: &["/closureDirectedOn"],
            texts: [&PRS012_LATE, &PRS012_OVERDUE, &PRS012_DUE_SOON],
        },
        due,
        read::date(data, "closureSummaryOn"),
        &limit,
    ));

    visits(data, ctx);
    order(data, ctx);
    future(data, ctx);
    rows
}

/// Each contact's case record: updated within 48 hours, in elapsed UK time.
fn records(data: &Map<String, Value>, ctx: &mut Ctx, rows: &mut Vec<Row>) {
    let hours = ctx.value(&RECORD_HOURS);
    let now = ctx.today.and_time(NaiveTime::MIN);
    for (i, c) in read::list(data, "contacts").iter().enumerate() {
        let Some(contact) = c.as_object() else { continue };
        // A missing time is reported by the model's required field, a malformed one by the shared input rule.
        let Some(at) = read::datetime(contact, "at") else { continue };
        let recorded = read::datetime(contact, "recordedAt");
        let due = calendar::add_hours_local(at, hours);
        let status = due.map_or(Status::NotApplicable, |d| timescale::status_at(d, recorded, now, 24));
        let path = crate::text!("/contacts/", i, "/recordedAt");
        let related = [crate::text!("/contacts/", i, "/at")];
        let due_text = due.map(calendar::format_local_datetime);
        match (status, &due_text) {
            (Status::MetLate, Some(d)) => {
                let message = msg!(PRS006_CASE_RECORD_UPDATED_WITHIN, hours = hours);
                ctx.emit(&RECORD_LATE, path, message).related(related).due(d.clone());
            }
            (Status::Overdue, Some(d)) => {
                let message = msg!(PRS006_UPDATING_CASE_RECORD_OVERDUE, hours = hours);
                ctx.emit(&RECORD_LATE, path, message).related(related).due(d.clone());
            }
            (Status::DueSoon, Some(d)) => {
                let message = msg!(PRS013_UPDATE_CASE_RECORD_WITHIN, hours = hours);
                ctx.emit(&DUE_SOON, path, message).related(related).due(d.clone());
            }
            _ => {}
        }
        rows.push(Row {
            standard: "records-updated",
            title: "Following any contact regarding the family – case records to be updated.",
            due: due_text,
            met_on: recorded.map(calendar::format_local_datetime),
            status,
            extra: vec![("contact", json!(i))],
        });
    }
}

/// The support meeting: 6 to 8 weeks after the early help assessment; earlier is outside the window too.
fn support_meeting(data: &Map<String, Value>, ctx: &mut Ctx, eha: Option<NaiveDate>, rows: &mut Vec<Row>) {
    let (from_weeks, to_weeks) = (ctx.value(&MEETING_FROM_WEEKS), ctx.value(&MEETING_TO_WEEKS));
    let from = plus_weeks(ctx, eha, &MEETING_FROM_WEEKS);
    let to = plus_weeks(ctx, eha, &MEETING_TO_WEEKS);
    let meeting = read::date(data, "earlyHelpSupportMeetingOn");
    let limit = [("from", from_weeks), ("to", to_weeks)];
    let mut row = date_standard(
        ctx,
        &DateStandard {
            id: "early-help-support-meeting",
            title: "Early Help Support Meeting",
            rule: &MEETING_WINDOW,
            path: "/earlyHelpSupportMeetingOn",
            related: &["/earlyHelpAssessmentOn"],
            texts: [&PRS010_LATE, &PRS010_OVERDUE, &PRS010_DUE_SOON],
        },
        to,
        meeting,
        &limit,
    );
    if let (Some(m), Some(f)) = (meeting, from) {
        if m < f {
            ctx.emit(
                &MEETING_WINDOW,
                "/earlyHelpSupportMeetingOn",
                msg!(PRS010_EARLY_HELP_SUPPORT_MEETING, fromWeeks = from_weeks),
            )
            .related(["/earlyHelpAssessmentOn"])
            .due(calendar::format_date(f));
            row.extra.push(("early", json!(true)));
        }
    }
    row.extra.push(("from", json!(from.map(calendar::format_date))));
    rows.push(row);
}

/// Ongoing Family Circles: each within 8 weeks of the one before; the next one due after the last, unless the case
/// was directed to close by then.
fn ongoing_circles(data: &Map<String, Value>, ctx: &mut Ctx, circles: &[Circle], rows: &mut Vec<Row>) {
    let weeks = ctx.value(&CIRCLE_WEEKS);
    let directed = read::date(data, "closureDirectedOn");
    for (k, circle) in circles.iter().enumerate() {
        let next = circles.get(k.saturating_add(1));
        let Some(due) = calendar::add_weeks(circle.date, weeks) else { continue };
        let closing = next.is_none() && directed.is_some_and(|d| d <= due);
        let status = if closing {
            Status::NotApplicable
        } else {
            timescale::status(due, next.map(|c| c.date), ctx.today, DUE_SOON_DAYS)
        };
        let path = next.map_or("/familyCircleDates", |c| c.path.as_str());
        let limit = [("n", weeks)];
        emit_status(
            ctx,
            &CIRCLE_LATE,
            path,
            &[circle.path.as_str()],
            &[&PRS011_LATE, &PRS011_OVERDUE, &PRS011_DUE_SOON],
            &limit,
            status,
            due,
        );
        rows.push(Row {
            standard: "ongoing-family-circle",
            title: "Ongoing Family Circles",
            due: Some(calendar::format_date(due)),
            met_on: next.map(|c| calendar::format_date(c.date)),
            status,
            extra: vec![("after", json!(calendar::format_date(circle.date)))],
        });
    }
}

fn visits(data: &Map<String, Value>, ctx: &mut Ctx) {
    let (from, to) = (ctx.value(&VISIT_FROM_HOUR), ctx.value(&VISIT_TO_HOUR));
    for (i, v) in read::list(data, "visits").iter().enumerate() {
        let Some(visit) = v.as_object() else { continue };
        let Some(at) = read::datetime(visit, "at") else { continue };
        if outside_hours(at, from, to) {
            ctx.emit(
                &VISIT_HOURS,
                crate::text!("/visits/", i, "/at"),
                msg!(PRS014_VISIT_OUTSIDE_HOURS_PLANNED, from = clock(from), to = clock(to)),
            );
        }
    }
}

/// Before `from` o'clock or after `to` o'clock (exactly `to`:00 is inside).
pub fn outside_hours(at: NaiveDateTime, from: i64, to: i64) -> bool {
    let minutes = i64::from(at.hour()).saturating_mul(60).saturating_add(i64::from(at.minute()));
    minutes < from.saturating_mul(60) || minutes > to.saturating_mul(60)
}

/// 7 → "7am", 20 → "8pm", 12 → "midday".
fn clock(hour: i64) -> String {
    match hour {
        0 | 24 => "midnight".to_owned(),
        12 => "midday".to_owned(),
        h if h < 12 => crate::text!(h, "am"),
        h => crate::text!(h.saturating_sub(12), "pm"),
    }
}

fn order(data: &Map<String, Value>, ctx: &mut Ctx) {
    let fields = super::model::FIELDS;
    let after_allocation = [
        "/familyContactOn",
        "/referrerNotifiedOn",
        "/firstVisitOn",
        "/firstFamilyCircleOn",
        "/familyCircleDates/*",
        "/closureDirectedOn",
    ];
    checks::dates_not_before(fields, data, ctx, &ORDER, "/allocationDate", &after_allocation);
    checks::dates_not_before(fields, data, ctx, &ORDER, "/closureDirectedOn", &["/closureSummaryOn"]);
    for (i, c) in read::list(data, "contacts").iter().enumerate() {
        let Some(contact) = c.as_object() else { continue };
        if let (Some(at), Some(rec)) = (read::datetime(contact, "at"), read::datetime(contact, "recordedAt")) {
            if calendar::minutes_between_local(at, rec).is_some_and(|m| m < 0) {
                ctx.emit(&ORDER, crate::text!("/contacts/", i, "/recordedAt"), &PRS015_DATE_TIME_CASE_RECORD)
                    .related([crate::text!("/contacts/", i, "/at")]);
            }
        }
    }
}

fn future(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &IN_FUTURE);
}

crate::messages! {
    PRS005_ADD_CASE_NOTE_PSP = "PRS-005.add-case-note-psp": "Add a case note of the PSP check to Protocol";
    PRS001_SELECT_WHETHER_CASE_NOTE = "PRS-001.select-whether-case-note": "Select whether a case note of the PSP check was added";
    PRS006_CASE_RECORD_UPDATED_WITHIN = "PRS-006.case-record-updated-within": "The case record was not updated within {hours} hours of the contact";
    PRS006_UPDATING_CASE_RECORD_OVERDUE = "PRS-006.updating-case-record-overdue": "Updating the case record is overdue: it was due within {hours} hours of the contact";
    PRS013_UPDATE_CASE_RECORD_WITHIN = "PRS-013.update-case-record-within": "Update the case record within {hours} hours of the contact";
    PRS010_EARLY_HELP_SUPPORT_MEETING = "PRS-010.early-help-support-meeting": "The early help support meeting was earlier than {fromWeeks} weeks after the early help assessment";
    PRS014_VISIT_OUTSIDE_HOURS_PLANNED = "PRS-014.visit-outside-hours-planned": "The visit is outside the hours of planned support in the home, {from} to {to}";
    PRS015_DATE_TIME_CASE_RECORD = "PRS-015.date-time-case-record": "Date and time the case record was updated must be the same as or after the contact";
    PRS002_LATE = "PRS-002.late": "Contact with the family was not within {n, plural, one {# day} other {# days}} of allocation";
    PRS002_OVERDUE = "PRS-002.overdue": "Contact with the family is overdue: it was due within {n, plural, one {# day} other {# days}} of allocation";
    PRS002_DUE_SOON = "PRS-013.prs-002": "Contact with the family is due by {due}";
    PRS003_LATE = "PRS-003.late": "Notifying the referrer was not within {n, plural, one {# day} other {# days}} of allocation";
    PRS003_OVERDUE = "PRS-003.overdue": "Notifying the referrer is overdue: it was due within {n, plural, one {# day} other {# days}} of allocation";
    PRS003_DUE_SOON = "PRS-013.prs-003": "Notifying the referrer is due by {due}";
    PRS004_LATE = "PRS-004.late": "The PSP check was not before the first visit";
    PRS004_OVERDUE = "PRS-004.overdue": "The PSP check is overdue: it was due before the first visit";
    PRS004_DUE_SOON = "PRS-013.prs-004": "The PSP check is due by {due}";
    PRS007_LATE = "PRS-007.late": "The first visit was not within {n, plural, one {# day} other {# days}} of allocation";
    PRS007_OVERDUE = "PRS-007.overdue": "The first visit is overdue: it was due within {n, plural, one {# day} other {# days}} of allocation";
    PRS007_DUE_SOON = "PRS-013.prs-007": "The first visit is due by {due}";
    PRS008_LATE = "PRS-008.late": "The first Family Circle was not within {n, plural, one {# week} other {# weeks}} of allocation";
    PRS008_OVERDUE = "PRS-008.overdue": "The first Family Circle is overdue: it was due within {n, plural, one {# week} other {# weeks}} of allocation";
    PRS008_DUE_SOON = "PRS-013.prs-008": "The first Family Circle is due by {due}";
    PRS009_LATE = "PRS-009.late": "The early help assessment was not within {n, plural, one {# week} other {# weeks}} of allocation";
    PRS009_OVERDUE = "PRS-009.overdue": "The early help assessment is overdue: it was due within {n, plural, one {# week} other {# weeks}} of allocation";
    PRS009_DUE_SOON = "PRS-013.prs-009": "The early help assessment is due by {due}";
    PRS012_LATE = "PRS-012.late": "The closure summary and end of involvement was not within {n, plural, one {# day} other {# days}} of the direction to close";
    PRS012_OVERDUE = "PRS-012.overdue": "The closure summary and end of involvement is overdue: it was due within {n, plural, one {# day} other {# days}} of the direction to close";
    PRS012_DUE_SOON = "PRS-013.prs-012": "The closure summary and end of involvement is due by {due}";
    PRS010_LATE = "PRS-010.late": "The early help support meeting was not {from} to {to} weeks after the early help assessment";
    PRS010_OVERDUE = "PRS-010.overdue": "The early help support meeting is overdue: it was due {from} to {to} weeks after the early help assessment";
    PRS010_DUE_SOON = "PRS-013.prs-010": "The early help support meeting is due by {due}";
    PRS011_LATE = "PRS-011.late": "The next Family Circle was not within {n, plural, one {# week} other {# weeks}} of the one before";
    PRS011_OVERDUE = "PRS-011.overdue": "The next Family Circle is overdue: it was due within {n, plural, one {# week} other {# weeks}} of the one before";
    PRS011_DUE_SOON = "PRS-013.prs-011": "The next Family Circle is due by {due}";
}
