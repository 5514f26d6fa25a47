//! The allocation outcome's rules: one declaration each, and the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, ALLOCATING, FAMILY_CONNECT};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::{long_date, Template};
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::Status;
use crate::forms::deadline::Deadline;
use crate::msg;
use crate::rule;

const WORK_FLOW: &str = "STRENGTHENING FAMILIES WORK FLOW";
const STANDARDS: &str = "STRENGTHENING FAMLIES STANDARDS OF PRACTICE";

pub static REFERRER_NOTIFIED_DAYS: Param =
    Param { key: "sf-allocation.referrerNotifiedDays", default: 2, unit: "days" };
pub static CONTACT_DAYS: Param = Param { key: "sf-allocation.contactDays", default: 2, unit: "days" };
pub static FIRST_VISIT_DAYS: Param = Param { key: "sf-allocation.firstVisitDays", default: 7, unit: "days" };
pub static UNALLOCATED_REVIEW_DAYS: Param =
    Param { key: "sf-allocation.unallocatedReviewDays", default: 7, unit: "days" };

rule!(REQUIRED, "ALC-001", "missing-required-field", Error, Required,
    ["/meetingDate", "/attendees", "/levelOfNeed", "/decision", "/allocatedWorker", "/allocationDate"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "A field the allocation outcome needs is missing: the meeting date, who attended, the level of need, the decision; once a worker or an allocation date is recorded, the other too.",
    "Actions agreed by Partnership and completed on Allocation Outcome Form");

rule!(ASSISTANT_LEVEL, "ALC-002", "assistant-outside-vulnerable-level", Warning, Check, ["/decision", "/levelOfNeed"],
    Cite::interpreted(SEED_002, "Whole Family Working"),
    "An assistant is allocated to a family whose level of need is not vulnerable. The seed says \"primarily\", so this is a warning, not an error.",
    "The assistant is required to carry a caseload of families primarily cases that are within the vulnerable threshold, with support from their Senior Practitioner.");

rule!(REFERRER_NOT_NOTIFIED, "ALC-003", "referrer-not-notified-in-time", Warning, Check,
    ["/referrerNotifiedOn", "/allocationDate", "/meetingDate", "/referralRoute", "/decision"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The referrer was not told the outcome within 2 days of allocation (of the meeting, when no worker is allocated, since the referrer is told the outcome whatever the decision). Not needed when the referral came from Family Connect (audit tool: \"exception Family Connect\"). Days are calendar days.",
    "Referrer notified following allocation 2 days",
    params = [REFERRER_NOTIFIED_DAYS]);

rule!(CONTACT_LATE, "ALC-004", "family-contact-not-in-time", Warning, Check, ["/firstContactOn", "/allocationDate", "/decision"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The allocated worker did not contact the family within 2 days of allocation. Days are calendar days (the audit tool's \"5 working days\" is another reading a profile may choose).",
    "Following Allocation, contact to be made with families 2 days",
    params = [CONTACT_DAYS]);

rule!(
    PSP_NOT_CHECKED,
    "ALC-005",
    "psp-not-checked-before-first-visit",
    Warning,
    Check,
    ["/pspCheckedOn", "/firstVisitOn", "/allocationDate", "/decision"],
    Cite::same(SEED_002, STANDARDS),
    "The first visit was made before the PSP was checked (or with no PSP check recorded).",
    "PSP to be checked – case note added to Protocol. Prior to first visit."
);

rule!(
    FIRST_VISIT_LATE,
    "ALC-006",
    "first-visit-not-in-time",
    Warning,
    Check,
    ["/firstVisitOn", "/allocationDate", "/decision"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The first visit to the family was not made within 7 days of allocation. Days are calendar days.",
    "First Visit with the family to be made 7 Days",
    params = [FIRST_VISIT_DAYS]
);

rule!(WORKER_ON_CLOSED_CASE, "ALC-007", "worker-allocated-to-closed-case", Warning, Check,
    ["/decision", "/allocatedWorker", "/allocationDate"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "A case closed with universal information, advice, guidance and signposting has a worker or an allocation date recorded; it needs none.",
    "UNIVERSAL INFORMATION ADVICE GUIDANCE & SIGNPOSTING Case Status closed");

rule!(MEETING_ATTENDANCE, "ALC-008", "allocation-meeting-without-leads", Warning, Check, ["/attendees"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "The team leader or a senior practitioner is not recorded at the allocation meeting (the senior practitioner presents each referral). The senior business support officer and the Healthy Child Programme lead are not checked.",
    "Allocation Meeting attended by:- Team Leader Senior Practitioners Senior Business Support Officer Healthy Child Programme Lead");

rule!(UNALLOCATED_NOT_REVIEWED, "ALC-009", "unallocated-case-not-reviewed", Warning, Check,
    ["/unallocatedSince", "/reviewedOn", "/allocationDate", "/meetingDate", "/decision"],
    Cite::interpreted(SEED_002, "STRENGTHENING FAMILIES STANDARD OPERATING PROCEDURES MANAGEMENT OF UNALLOCATED CASES"),
    "A case waiting for a worker has not been reviewed in the last 7 days (the review is weekly, from the day the case became unallocated or, when that is blank, the meeting).",
    "Management team meet weekly to review unallocated cases if required. Ensuring cases are allocated by priority. Not by chronological order",
    params = [UNALLOCATED_REVIEW_DAYS]);

rule!(
    ALLOCATION_BEFORE_MEETING,
    "ALC-010",
    "allocation-before-meeting",
    Error,
    Check,
    ["/allocationDate", "/meetingDate"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "The case was allocated before the allocation meeting that decided it.",
    "Actions agreed by Partnership and completed on Allocation Outcome Form"
);

rule!(BEFORE_ALLOCATION, "ALC-011", "recorded-before-allocation", Error, Check,
    ["/referrerNotifiedOn", "/firstContactOn", "/firstVisitOn", "/allocationDate", "/meetingDate"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "The referrer was told the outcome before the meeting, or the first contact or first visit is dated before the allocation.",
    "REFERRER NOTIFIED OF OUTCOME OF REFERRAL");

rule!(DATE_IN_FUTURE, "ALC-012", "date-in-future", Error, Check,
    ["/meetingDate", "/allocationDate", "/referrerNotifiedOn", "/firstContactOn", "/firstVisitOn", "/pspCheckedOn", "/unallocatedSince", "/reviewedOn"],
    Cite::interpreted(SEED_002, WORK_FLOW),
    "A date of something that has happened (the meeting, the allocation, a contact, a visit, a check, a review) is after today.",
    "");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &ASSISTANT_LEVEL,
    &REFERRER_NOT_NOTIFIED,
    &CONTACT_LATE,
    &PSP_NOT_CHECKED,
    &FIRST_VISIT_LATE,
    &WORKER_ON_CLOSED_CASE,
    &MEETING_ATTENDANCE,
    &UNALLOCATED_NOT_REVIEWED,
    &ALLOCATION_BEFORE_MEETING,
    &BEFORE_ALLOCATION,
    &DATE_IN_FUTURE,
];

/// What the rules and the outcome share, read once.
pub struct Facts<'a> {
    pub decision: Option<std::borrow::Cow<'a, str>>,
    pub meeting: Option<NaiveDate>,
    pub allocation: Option<NaiveDate>,
    /// The referral came from Family Connect: the referrer need not be notified.
    pub from_family_connect: bool,
    /// A worker is allocated for whole family working (a date of allocation, and a decision that allocates or none).
    pub allocated: bool,
    pub referrer_notified: Deadline,
    pub family_contact: Deadline,
    pub psp_checked: Deadline,
    pub first_visit: Deadline,
    pub unallocated_review: Deadline,
}

fn days(from: Option<NaiveDate>, n: i64) -> Option<NaiveDate> {
    from.and_then(|d| calendar::add_days(d, n))
}

pub fn facts<'a>(data: &'a Map<String, Value>, ctx: &Ctx) -> Facts<'a> {
    let today = ctx.today;
    let decision = read::choice(data, "decision", model::DECISIONS);
    let meeting = read::date(data, "meetingDate");
    let allocation = read::date(data, "allocationDate");
    let from_family_connect = read::text(data, "referralRoute").as_deref() == Some(FAMILY_CONNECT);
    let allocating = decision.as_deref().is_none_or(|d| ALLOCATING.contains(&d));
    let allocated = allocation.is_some() && allocating;

    let notified_on = read::date(data, "referrerNotifiedOn");
    let referrer_notified = if from_family_connect {
        Deadline::not_applicable("referrer-notified", notified_on)
    } else {
        let start = if allocated { allocation } else { meeting };
        Deadline::new("referrer-notified", days(start, ctx.value(&REFERRER_NOTIFIED_DAYS)), notified_on, today)
    };

    let contact_on = read::date(data, "firstContactOn");
    let visit_on = read::date(data, "firstVisitOn");
    let psp_on = read::date(data, "pspCheckedOn");
    let start = if allocated { allocation } else { None };
    let family_contact = Deadline::new("family-contact", days(start, ctx.value(&CONTACT_DAYS)), contact_on, today);
    let first_visit = Deadline::new("first-visit", days(start, ctx.value(&FIRST_VISIT_DAYS)), visit_on, today);
    let psp_checked = psp_deadline(allocated, visit_on, psp_on, first_visit.due, today);

    let waiting = !allocated && decision.as_deref().is_some_and(|d| ALLOCATING.contains(&d));
    let waiting_since = if waiting { read::date(data, "unallocatedSince").or(meeting) } else { None };
    let reviewed = read::date(data, "reviewedOn").filter(|r| waiting_since.is_some_and(|s| *r >= s));
    let unallocated_review = match waiting_since {
        Some(since) => {
            let last = reviewed.unwrap_or(since);
            Deadline::new("unallocated-review", days(Some(last), ctx.value(&UNALLOCATED_REVIEW_DAYS)), None, today)
        }
        None => Deadline::not_applicable("unallocated-review", None),
    };

    Facts {
        decision,
        meeting,
        allocation,
        from_family_connect,
        allocated,
        referrer_notified,
        family_contact,
        psp_checked,
        first_visit,
        unallocated_review,
    }
}

/// The PSP is checked before the first visit: once the visit is made, by the visit's date; before it, by the first
/// visit's deadline.
fn psp_deadline(
    allocated: bool,
    visit_on: Option<NaiveDate>,
    psp_on: Option<NaiveDate>,
    visit_due: Option<NaiveDate>,
    today: NaiveDate,
) -> Deadline {
    if !allocated {
        return Deadline::not_applicable("psp-checked", psp_on);
    }
    match visit_on {
        Some(visit) => {
            let status = match psp_on {
                Some(p) if p <= visit => Status::Met,
                Some(_) => Status::MetLate,
                None => Status::Overdue,
            };
            Deadline { standard: "psp-checked", due: Some(visit), met_on: psp_on, status }
        }
        None if psp_on.is_some() => {
            Deadline { standard: "psp-checked", due: visit_due, met_on: psp_on, status: Status::Met }
        }
        None => Deadline::new("psp-checked", visit_due, None, today),
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    required(data, ctx, f);
    dates(data, ctx);
    meeting(data, ctx);
    decision(data, ctx, f);
    timescales(ctx, f);
}

fn required(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let has_worker = !read::is_blank(data.get("allocatedWorker"));
    let has_date = !read::is_blank(data.get("allocationDate"));
    let closed = f.decision.as_deref() == Some("universal-advice-closed");
    if closed {
        return;
    }
    if has_date && !has_worker {
        ctx.emit(&REQUIRED, "/allocatedWorker", &ALC001_ENTER_ALLOCATED_WORKER);
    }
    if has_worker && !has_date {
        ctx.emit(&REQUIRED, "/allocationDate", &ALC001_ENTER_DATE_ALLOCATION);
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    let fields = model::FIELDS;
    checks::dates_not_before(fields, data, ctx, &ALLOCATION_BEFORE_MEETING, "/meetingDate", &["/allocationDate"]);
    checks::dates_not_before(fields, data, ctx, &BEFORE_ALLOCATION, "/meetingDate", &["/referrerNotifiedOn"]);
    let after_allocation = ["/firstContactOn", "/firstVisitOn"];
    checks::dates_not_before(fields, data, ctx, &BEFORE_ALLOCATION, "/allocationDate", &after_allocation);
}

fn meeting(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::is_blank(data.get("attendees")) {
        return;
    }
    let roles: Vec<String> =
        read::list(data, "attendees").iter().filter_map(|v| v.as_str()).map(|s| read::clean(s).into_owned()).collect();
    let has = |role: &str| roles.iter().any(|r| r == role);
    let missing = match (has("team-leader"), has("senior-practitioner")) {
        (true, true) => None,
        (false, true) => Some("team-leader"),
        (true, false) => Some("senior-practitioner"),
        (false, false) => Some("both"),
    };
    if let Some(missing) = missing {
        let message = msg!(ALC008_ALLOCATION_MEETING_SHOULD_ATTENDED, missing = missing);
        ctx.emit(&MEETING_ATTENDANCE, "/attendees", message);
    }
}

fn decision(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let level = read::choice(data, "levelOfNeed", model::LEVELS);
    if f.decision.as_deref() == Some("assistant") && level.as_deref().is_some_and(|l| l != "vulnerable") {
        ctx.emit(&ASSISTANT_LEVEL, "/decision", &ALC002_ASSISTANT_CARRIES_MAINLY_FAMILIES).related(["/levelOfNeed"]);
    }
    if f.decision.as_deref() == Some("universal-advice-closed") {
        for key in ["allocatedWorker", "allocationDate"] {
            if !read::is_blank(data.get(key)) {
                ctx.emit(
                    &WORKER_ON_CLOSED_CASE,
                    crate::text!("/", key),
                    msg!(ALC007_CASE_CLOSED_UNIVERSAL_ADVICE, field = key),
                )
                .related(["/decision"]);
            }
        }
    }
}

fn timescales(ctx: &mut Ctx, f: &Facts) {
    let d = &f.referrer_notified;
    if d.breached() {
        let n = ctx.value(&REFERRER_NOTIFIED_DAYS);
        let from = if f.allocated { "allocation" } else { "meeting" };
        let message = msg!(
            *pick(d, &ALC003_REFERRER_TOLD_OUTCOME_WITHIN_LATE, &ALC003_REFERRER_TOLD_OUTCOME_WITHIN_OVERDUE),
            n = n,
            from = from,
            due = due_date(d)
        );
        ctx.emit(&REFERRER_NOT_NOTIFIED, "/referrerNotifiedOn", message)
            .related([if f.allocated { "/allocationDate" } else { "/meetingDate" }])
            .due(d.due_text());
    }
    let d = &f.family_contact;
    if d.breached() {
        let n = ctx.value(&CONTACT_DAYS);
        let message = msg!(
            *pick(d, &ALC004_FAMILY_CONTACTED_WITHIN_N_LATE, &ALC004_FAMILY_CONTACTED_WITHIN_N_OVERDUE),
            n = n,
            due = due_date(d)
        );
        ctx.emit(&CONTACT_LATE, "/firstContactOn", message).related(["/allocationDate"]).due(d.due_text());
    }
    let d = &f.psp_checked;
    if d.breached() && f.first_visit.met_on.is_some() {
        let message = if d.met_on.is_some() {
            msg!(ALC005_PSP_CHECKED_BEFORE_FIRST)
        } else {
            msg!(ALC005_PSP_CHECKED_BEFORE_FIRST_2)
        };
        ctx.emit(&PSP_NOT_CHECKED, "/pspCheckedOn", message).related(["/firstVisitOn"]).due(d.due_text());
    }
    let d = &f.first_visit;
    if d.breached() {
        let n = ctx.value(&FIRST_VISIT_DAYS);
        let message = msg!(
            *pick(d, &ALC006_FIRST_VISIT_MADE_WITHIN_LATE, &ALC006_FIRST_VISIT_MADE_WITHIN_OVERDUE),
            n = n,
            due = due_date(d)
        );
        ctx.emit(&FIRST_VISIT_LATE, "/firstVisitOn", message).related(["/allocationDate"]).due(d.due_text());
    }
    let d = &f.unallocated_review;
    if d.breached() {
        let n = ctx.value(&UNALLOCATED_REVIEW_DAYS);
        let due = d.due.map(long_date).unwrap_or_default();
        let message = msg!(ALC009_CASE_WAITING_WORKER_REVIEWED, n = n, due = due);
        ctx.emit(&UNALLOCATED_NOT_REVIEWED, "/reviewedOn", message)
            .related(["/unallocatedSince", "/decision"])
            .due(d.due_text());
    }
}

/// The late form of a timescale's message, or the overdue one.
fn pick(d: &Deadline, late: &'static Template, overdue: &'static Template) -> &'static Template {
    if d.status == Status::MetLate {
        late
    } else {
        overdue
    }
}

/// The deadline as messages write it ("2 June 2025").
fn due_date(d: &Deadline) -> String {
    d.due.map(long_date).unwrap_or_default()
}

crate::messages! {
    ALC001_ENTER_ALLOCATED_WORKER = "ALC-001.enter-allocated-worker": "Enter the allocated worker";
    ALC001_ENTER_DATE_ALLOCATION = "ALC-001.enter-date-allocation": "Enter the date of allocation";
    ALC008_ALLOCATION_MEETING_SHOULD_ATTENDED = "ALC-008.allocation-meeting-should-attended": "The allocation meeting should be attended by {missing, select, team-leader {the team leader} senior-practitioner {a senior practitioner} other {the team leader and a senior practitioner}}";
    ALC002_ASSISTANT_CARRIES_MAINLY_FAMILIES = "ALC-002.assistant-carries-mainly-families": "An assistant carries mainly families at the vulnerable level of need: check the allocation";
    ALC007_CASE_CLOSED_UNIVERSAL_ADVICE = "ALC-007.case-closed-universal-advice": "A case closed with universal advice and signposting needs no worker: remove {field, select, allocatedWorker {the allocated worker} other {the date of allocation}}";
    ALC003_REFERRER_TOLD_OUTCOME_WITHIN_LATE = "ALC-003.done-late": "The referrer must be told the outcome within {n, plural, one {# day} other {# days}} of {from, select, allocation {allocation} other {the allocation meeting}}: it was done after the deadline of {due}";
    ALC003_REFERRER_TOLD_OUTCOME_WITHIN_OVERDUE = "ALC-003.overdue": "The referrer must be told the outcome within {n, plural, one {# day} other {# days}} of {from, select, allocation {allocation} other {the allocation meeting}}: it was due by {due}";
    ALC004_FAMILY_CONTACTED_WITHIN_N_LATE = "ALC-004.done-late": "The family must be contacted within {n, plural, one {# day} other {# days}} of allocation: it was done after the deadline of {due}";
    ALC004_FAMILY_CONTACTED_WITHIN_N_OVERDUE = "ALC-004.overdue": "The family must be contacted within {n, plural, one {# day} other {# days}} of allocation: it was due by {due}";
    ALC005_PSP_CHECKED_BEFORE_FIRST = "ALC-005.psp-checked-after-first-visit": "The PSP must be checked before the first visit: it was checked after it";
    ALC005_PSP_CHECKED_BEFORE_FIRST_2 = "ALC-005.psp-date-missing": "The PSP must be checked before the first visit: enter the date it was checked";
    ALC006_FIRST_VISIT_MADE_WITHIN_LATE = "ALC-006.done-late": "The first visit must be made within {n, plural, one {# day} other {# days}} of allocation: it was done after the deadline of {due}";
    ALC006_FIRST_VISIT_MADE_WITHIN_OVERDUE = "ALC-006.overdue": "The first visit must be made within {n, plural, one {# day} other {# days}} of allocation: it was due by {due}";
    ALC009_CASE_WAITING_WORKER_REVIEWED = "ALC-009.case-waiting-worker-reviewed": "A case waiting for a worker must be reviewed every {n, plural, one {# day} other {# days}}: the review was due by {due}";
}
