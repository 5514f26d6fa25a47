//! The record of supervision's rules: one declaration each, one check function per rule.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::{model, scan};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const APPENDIX_B: &str = "APPENDIX B - RECORD OF SUPERVISION";
const RECORDING: &str = "Recording of Supervision";
const FRAMEWORK: &str = "6. Supervision Framework, Frequency & Recording Guide";

pub use crate::forms::shared::SUPERVISION_FREQUENCY_WEEKS as FREQUENCY_WEEKS;
pub static CASE_NUMBER_DIGITS: Param = Param { key: "supervision-record.caseNumberDigits", default: 6, unit: "digits" };

rule!(REQUIRED, "SVR-001", "missing-required-field", Error, Required,
    ["/supervisee", "/supervisor", "/date", "/nextAt", "/signedSupervisee", "/signedSupervisor"],
    Cite::same(SEED_002, RECORDING),
    "A part of the record is missing: the supervisee, the supervisor, the date of the session, the date and time of the next one, or either signature. Information while drafting, an error at submit.",
    "The supervisor and the worker will read and agree as an accurate record of supervision and each will keep a copy or electronic copy.");

rule!(
    NEXT_NOT_AFTER,
    "SVR-002",
    "next-session-not-after-this-one",
    Error,
    Check,
    ["/nextAt", "/date"],
    Cite::interpreted(SEED_002, APPENDIX_B),
    "The next supervision is on or before the day of this one.",
    "Date & Time of Next Supervision:"
);

rule!(NEXT_BEYOND_FREQUENCY, "SVR-003", "next-session-beyond-frequency", Warning, Check,
    ["/nextAt", "/date", "/frequencyWeeks"],
    Cite::interpreted(SEED_002, FRAMEWORK),
    "The next supervision is later than the frequency allows: the contract's frequency when the record gives it, otherwise every 4 weeks (the policy's 'at least monthly').",
    "One to One supervision for workers will be held at least monthly and must be recorded on the supervision record template found.",
    params = [FREQUENCY_WEEKS]);

rule!(ACTION_INCOMPLETE, "SVR-004", "action-without-owner-or-timescale", Error, Required,
    ["/items/*/decisions", "/items/*/byWhom", "/items/*/timescale"],
    Cite::interpreted(SEED_002, APPENDIX_B),
    "An item records a decision or action but not who will do it or by when (the caseload item is left out: its actions are recorded on Protocol). Information while drafting, an error at submit.",
    "Decisions Taken and Action Required | By Whom and Timescale");

rule!(
    TIMESCALE_BEFORE,
    "SVR-005",
    "timescale-before-session",
    Error,
    Check,
    ["/items/*/timescale", "/date"],
    Cite::interpreted(SEED_002, APPENDIX_B),
    "An action's timescale is before the date of the session that agreed it.",
    ""
);

rule!(DISAGREEMENT, "SVR-006", "disagreement-not-recorded", Error, Required,
    ["/disagreed", "/disagreementNotes"],
    Cite::same(SEED_002, RECORDING),
    "The supervisor and supervisee disagreed but the record has no notes of the disagreement. Information while drafting, an error at submit.",
    "These records should also include notes of any disagreements.");

rule!(CHILD_DETAILS, "SVR-007", "child-details-in-caseload-item", Warning, Check,
    ["/items/caseloadDecisions/decisions"],
    Cite::interpreted(SEED_002, FRAMEWORK),
    "The caseload item looks as if it records a child's details: two capitalised words in a row (a name) that are neither common words of the service nor the council profile's own place words (its name, localities and teams), or a run of 6 or more digits (a Liquid Logic number). Casework is recorded on Protocol; this item only points to it. A pattern match, so it can be wrong both ways.",
    "NB* no casework discussion should be recorded as part of personal supervision.",
    params = [CASE_NUMBER_DIGITS]);

rule!(
    DATE_IN_FUTURE,
    "SVR-008",
    "date-in-future",
    Error,
    Check,
    ["/date", "/signedSupervisee", "/signedSupervisor"],
    Cite::interpreted(SEED_002, RECORDING),
    "The session or a signature is dated after today.",
    ""
);

rule!(SIGNED_BEFORE, "SVR-009", "signed-before-session", Error, Check,
    ["/signedSupervisee", "/signedSupervisor", "/date"],
    Cite::interpreted(SEED_002, RECORDING),
    "A signature is dated before the session it records.",
    "Matters not directly related to a specific case which are discussed in supervision should be recorded in the session, by the supervisor, using the supervision template.");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &NEXT_NOT_AFTER,
    &NEXT_BEYOND_FREQUENCY,
    &ACTION_INCOMPLETE,
    &TIMESCALE_BEFORE,
    &DISAGREEMENT,
    &CHILD_DETAILS,
    &DATE_IN_FUTURE,
    &SIGNED_BEFORE,
];

/// What the rules and the outcome share, read once.
pub struct Facts {
    pub date: Option<NaiveDate>,
    /// The day of the next session.
    pub next: Option<NaiveDate>,
    /// The frequency in weeks: the contract's, or the policy's.
    pub weeks: i64,
    /// The latest day the next session may be.
    pub next_due: Option<NaiveDate>,
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let date = read::date(data, "date");
    let contract =
        read::number(data, "frequencyWeeks").filter(|w| w.fract() == 0.0 && (1.0..=52.0).contains(w)).map(|w| w as i64);
    let weeks = contract.unwrap_or_else(|| ctx.value(&FREQUENCY_WEEKS));
    Facts {
        date,
        next: read::datetime(data, "nextAt").map(|t| t.date()),
        weeks,
        next_due: date.and_then(|d| calendar::add_weeks(d, weeks)),
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    next_session(ctx, f);
    items(data, ctx, f);
    disagreement(data, ctx);
    caseload_item(data, ctx);
    signatures(data, ctx, f);
}

fn next_session(ctx: &mut Ctx, f: &Facts) {
    let (Some(date), Some(next)) = (f.date, f.next) else { return };
    if next <= date {
        ctx.emit(&NEXT_NOT_AFTER, "/nextAt", &SVR002_DATE_TIME_NEXT_SUPERVISION).related(["/date"]);
    } else if let Some(due) = f.next_due.filter(|due| next > *due) {
        let message = msg!(SVR003_NEXT_SUPERVISION_BEFORE_DUE, due = due, weeks = f.weeks);
        ctx.emit(&NEXT_BEYOND_FREQUENCY, "/nextAt", message)
            .related(["/date", "/frequencyWeeks"])
            .due(calendar::format_date(due));
    }
}

fn items(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(items) = read::object(data, "items") else { return };
    for (key, _) in model::ITEMS {
        let Some(item) = read::object(items, key) else { continue };
        // The caseload row points to Protocol, where casework actions are recorded with their owners.
        if *key != model::CASELOAD && !read::is_blank(item.get("decisions")) {
            if read::is_blank(item.get("byWhom")) {
                ctx.emit(&ACTION_INCOMPLETE, crate::text!("/items/", key, "/byWhom"), &SVR004_ENTER_WHO_WILL_DO)
                    .related([crate::text!("/items/", key, "/decisions")]);
            }
            if read::is_blank(item.get("timescale")) {
                ctx.emit(&ACTION_INCOMPLETE, crate::text!("/items/", key, "/timescale"), &SVR004_ENTER_DATE_ACTION_DUE)
                    .related([crate::text!("/items/", key, "/decisions")]);
            }
        }
        if let (Some(due), Some(date)) = (read::date(item, "timescale"), f.date) {
            if due < date {
                ctx.emit(&TIMESCALE_BEFORE, crate::text!("/items/", key, "/timescale"), &SVR005_DATE_ACTION_DUE_SAME)
                    .related(["/date"]);
            }
        }
    }
}

fn disagreement(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::boolean(data, "disagreed") == Some(true) && read::is_blank(data.get("disagreementNotes")) {
        ctx.emit(&DISAGREEMENT, "/disagreementNotes", &SVR006_ENTER_NOTES_DISAGREEMENT).related(["/disagreed"]);
    }
}

fn caseload_item(data: &Map<String, Value>, ctx: &mut Ctx) {
    let item = read::object(data, "items").and_then(|items| read::object(items, model::CASELOAD));
    let Some(text) = item.and_then(|i| read::text(i, "decisions")) else { return };
    let digits = usize::try_from(ctx.value(&CASE_NUMBER_DIGITS)).unwrap_or(usize::MAX);
    let places = ctx.place_words();
    let name = scan::has_name(&text, |lower| scan::is_one_of(lower, places));
    let number = scan::has_case_number(&text, digits);
    let what = match (name, number) {
        (true, true) => "name-and-number",
        (true, false) => "name",
        (false, true) => "number",
        (false, false) => return,
    };
    let message = msg!(SVR007_CASELOAD_ITEM_WHAT_RECORD, found = what);
    ctx.emit(&CHILD_DETAILS, crate::text!("/items/", model::CASELOAD, "/decisions"), message);
}

fn signatures(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let today = ctx.today;
    checks::dates_not_after_today(model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    for (key, who) in [("signedSupervisee", "supervisee"), ("signedSupervisor", "supervisor")] {
        let Some(signed) = read::date(data, key) else { continue };
        if signed <= today && f.date.is_some_and(|d| signed < d) {
            ctx.emit(&SIGNED_BEFORE, crate::text!("/", key), msg!(SVR009_DATE_WHO_SIGNED_RECORD_2, who = who))
                .related(["/date"]);
        }
    }
}

crate::messages! {
    SVR002_DATE_TIME_NEXT_SUPERVISION = "SVR-002.date-time-next-supervision": "Date and time of the next supervision must be after the date of the supervision session";
    SVR003_NEXT_SUPERVISION_BEFORE_DUE = "SVR-003.next-supervision-before-due": "The next supervision must be on or before {due}: sessions are held at least every {weeks, plural, one {# week} other {# weeks}}";
    SVR004_ENTER_WHO_WILL_DO = "SVR-004.enter-who-will-do": "Enter who will do the action";
    SVR004_ENTER_DATE_ACTION_DUE = "SVR-004.enter-date-action-due": "Enter the date the action is due";
    SVR005_DATE_ACTION_DUE_SAME = "SVR-005.date-action-due-same": "Date the action is due must be the same as or after the date of the supervision session";
    SVR006_ENTER_NOTES_DISAGREEMENT = "SVR-006.enter-notes-disagreement": "Enter notes of the disagreement";
    SVR007_CASELOAD_ITEM_WHAT_RECORD = "SVR-007.caseload-item-what-record": "The caseload item has {found, select, name-and-number {what looks like a child’s name and case number} name {what looks like a child’s name} other {what looks like a case number}}: record casework on Protocol, on the child’s file, and only refer to it here";
    SVR009_DATE_WHO_SIGNED_RECORD_2 = "SVR-009.signed-before-session": "Date the {who} signed the record must be the same as or after the date of the supervision session";
}
