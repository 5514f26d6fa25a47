//! The supervision audit's rules: one declaration each, one check function per rule.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const APPENDIX_D: &str = "Appendix D: Supervision Audit Tool";
const QA_TABLE: &str = "Quality Assurance 2020";

pub static FREQUENCY_MONTHS: Param = Param { key: "supervision-audit.frequencyMonths", default: 6, unit: "months" };
pub static MIN_FILES: Param = Param { key: "supervision-audit.minFiles", default: 4, unit: "files" };
pub static MAX_FILES: Param = Param { key: "supervision-audit.maxFiles", default: 8, unit: "files" };

rule!(REQUIRED, "SVA-001", "missing-required-field", Error, Required,
    ["/supervisor", "/auditor", "/date", "/files", "/files/*/answers", "/files/*/answers/*"],
    Cite::same(SEED_002, APPENDIX_D),
    "A part of the audit is missing: the supervisor, the auditor, the date, the files, or a yes or no for one of the ten questions (numbered 1, 2, 3, 4, 5, 8, 9, 10, 11 and 12 as in the seed) for a file. Information while drafting, an error at submit.",
    "Put a tick for Yes, and a cross for No");

rule!(FILE_COUNT, "SVA-002", "file-count-out-of-range", Error, Check,
    ["/files"],
    Cite::same(SEED_002, APPENDIX_D),
    "The audit covers fewer than 4 or more than 8 supervision files.",
    "Annually the SDM/Specialist Team will audit a minimum of 4 and a maximum of 8 supervision files from within the teams for which they have responsibility.",
    params = [MIN_FILES, MAX_FILES]);

rule!(
    DATE_IN_FUTURE,
    "SVA-003",
    "date-in-future",
    Error,
    Check,
    ["/date", "/previousAuditDate"],
    Cite::interpreted(SEED_002, APPENDIX_D),
    "The audit or the previous audit is dated after today.",
    ""
);

rule!(
    PREVIOUS_NOT_BEFORE,
    "SVA-004",
    "previous-audit-not-before",
    Error,
    Check,
    ["/previousAuditDate", "/date"],
    Cite::interpreted(SEED_002, APPENDIX_D),
    "The previous audit is dated on or after this one.",
    ""
);

rule!(INTERVAL, "SVA-005", "audit-interval-exceeded", Warning, Check,
    ["/previousAuditDate", "/date"],
    Cite::interpreted(SEED_002, QA_TABLE),
    "The previous audit was more than 6 months before this one (the QA table's '6 monthly'; the policy's 'at least annually' is the outer bound).",
    "Supervision Audits Team Leaders / SDM 6 monthly Select 4 random SF open cases within the Hub, complete audit and ensure the supervision Policy is being adhered to.",
    params = [FREQUENCY_MONTHS]);

pub static RULES: &[&Rule] = &[&REQUIRED, &FILE_COUNT, &DATE_IN_FUTURE, &PREVIOUS_NOT_BEFORE, &INTERVAL];

/// The files that are not blank, with their list index.
pub fn files(data: &Map<String, Value>) -> Vec<(usize, &Map<String, Value>)> {
    read::list(data, "files")
        .iter()
        .enumerate()
        .filter(|(_, v)| !read::is_blank(Some(v)))
        .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
        .collect()
}

/// The day the next audit is due: this one plus the frequency.
pub fn next_due(date: Option<NaiveDate>, ctx: &Ctx) -> Option<NaiveDate> {
    let months = i32::try_from(ctx.value(&FREQUENCY_MONTHS)).ok()?;
    date.and_then(|d| calendar::add_months(d, months))
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    answers_missing(data, ctx);
    file_count(data, ctx);
    dates(data, ctx);
}

/// A file with no answers at all gets one message (a file with some answers gets one per question from the
/// structural pass).
fn answers_missing(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, file) in files(data) {
        if read::is_blank(file.get("answers")) {
            ctx.emit(&REQUIRED, crate::text!("/files/", i, "/answers"), &SVA001_ANSWER_QUESTIONS_FILE);
        }
    }
}

fn file_count(data: &Map<String, Value>, ctx: &mut Ctx) {
    let n = i64::try_from(files(data).len()).unwrap_or(i64::MAX);
    if n == 0 {
        // Rows left blank are no files (an absent or empty list is reported by the structural pass).
        if !read::is_blank(data.get("files")) {
            ctx.emit(&REQUIRED, "/files", &SVA001_ADD_SUPERVISION_FILES_AUDITED);
        }
        return;
    }
    let (min, max) = (ctx.value(&MIN_FILES), ctx.value(&MAX_FILES));
    if n < min || n > max {
        let message = msg!(SVA002_AUDIT_BETWEEN_MIN_MAX, min = min, max = max, n = n);
        ctx.emit(&FILE_COUNT, "/files", message);
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    let date = read::date(data, "date");
    let previous = read::date(data, "previousAuditDate");
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    let (Some(date), Some(previous)) = (date, previous) else { return };
    if previous >= date {
        ctx.emit(&PREVIOUS_NOT_BEFORE, "/previousAuditDate", &SVA004_DATE_PREVIOUS_AUDIT_BEFORE).related(["/date"]);
        return;
    }
    let months = ctx.value(&FREQUENCY_MONTHS);
    let due = i32::try_from(months).ok().and_then(|m| calendar::add_months(previous, m));
    if let Some(due) = due.filter(|due| *due < date) {
        let message = msg!(SVA005_PREVIOUS_AUDIT_MORE_MONTHS, months = months);
        ctx.emit(&INTERVAL, "/previousAuditDate", message).related(["/date"]).due(calendar::format_date(due));
    }
}

crate::messages! {
    SVA001_ANSWER_QUESTIONS_FILE = "SVA-001.answer-questions-file": "Answer the questions for this file";
    SVA001_ADD_SUPERVISION_FILES_AUDITED = "SVA-001.add-supervision-files-audited": "Add the supervision files audited";
    SVA002_AUDIT_BETWEEN_MIN_MAX = "SVA-002.audit-between-min-max": "Audit between {min} and {max} supervision files: this audit has {n, plural, one {# file} other {# files}}";
    SVA004_DATE_PREVIOUS_AUDIT_BEFORE = "SVA-004.date-previous-audit-before": "Date of the previous audit must be before the date of the audit";
    SVA005_PREVIOUS_AUDIT_MORE_MONTHS = "SVA-005.previous-audit-more-months": "The previous audit was more than {months, plural, one {# month} other {# months}} before this one: supervision files are audited every {months, plural, one {# month} other {# months}}";
}
