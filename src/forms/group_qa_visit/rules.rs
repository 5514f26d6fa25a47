//! The group visit's rules: one declaration each, then the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, CHECKS};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::escape_key;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const TEMPLATE: &str = "ATTACHMENT FOUR";

rule!(REQUIRED, "GQA-001", "missing-required-field", Error, Required,
    ["/date", "/carriedOutBy", "/groupName", "/checks", "/checks/*", "/checks/*/answer", "/wentWell"],
    Cite::same(SEED_002, TEMPLATE),
    "A part of the visit record is missing: the date, who carried it out, the group, a yes or no answer to any check, or what went well.",
    "Quality Assurance Visit to Groups");

rule!(NO_WITHOUT_COMMENT, "GQA-002", "no-answer-without-comment", Error, Required,
    ["/checks/*/answer", "/checks/*/comment"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "A check answered no has no comment. The template has a comment column; requiring it for a no is interpreted. Reported as an error at submit, as information while drafting.",
    "Group Overview:\tYes\tNo\tComment");

rule!(
    WENT_WELL_COUNT,
    "GQA-003",
    "went-well-not-two-things",
    Warning,
    Check,
    ["/wentWell"],
    Cite::same(SEED_002, TEMPLATE),
    "The visit records one thing, or more than two things, that went well; the template asks for two.",
    "What two things went well in the group?"
);

pub static FREQUENCY_MONTHS: Param = Param { key: "group-qa-visit.frequencyMonths", default: 12, unit: "months" };

rule!(OVERDUE, "GQA-004", "group-visit-over-a-year-after-previous", Warning, Check,
    ["/previousVisitDate", "/date"],
    Cite::same(SEED_002, "Quality Assurance 2020"),
    "The previous quality assurance visit to the group was more than a year before this one: groups are visited annually.",
    "Group Quality Assurance\tSeniors / Team Leaders\tAnnually per group",
    params = [FREQUENCY_MONTHS]);

rule!(
    IN_FUTURE,
    "GQA-005",
    "visit-date-in-future",
    Error,
    Check,
    ["/date"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "The date of the visit is after today.",
    ""
);

rule!(
    PREVIOUS_NOT_BEFORE,
    "GQA-006",
    "previous-visit-not-before",
    Error,
    Check,
    ["/previousVisitDate", "/date"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "The previous visit is dated on or after this one.",
    ""
);

rule!(
    UNKNOWN_CHECK,
    "GQA-007",
    "unknown-check",
    Error,
    Check,
    ["/checks/*"],
    Cite::same(SEED_002, TEMPLATE),
    "An answer is given for a check the template does not have; it is never silently ignored.",
    ""
);

pub static RULES: &[&Rule] =
    &[&REQUIRED, &NO_WITHOUT_COMMENT, &WENT_WELL_COUNT, &OVERDUE, &IN_FUTURE, &PREVIOUS_NOT_BEFORE, &UNKNOWN_CHECK];

/// The answer to a check: `Some(true)` yes, `Some(false)` no.
pub fn answer(checks: Option<&Map<String, Value>>, id: &str) -> Option<bool> {
    let check = read::object(checks?, id)?;
    Some(read::choice(check, "answer", model::YES_NO)? == "yes")
}

/// A year (by default) after `from`, clamped at month ends.
pub fn next_due(ctx: &Ctx, from: NaiveDate) -> Option<NaiveDate> {
    calendar::add_months(from, i32::try_from(ctx.value(&FREQUENCY_MONTHS)).ok()?)
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    let checks = read::object(data, "checks");
    if let Some(c) = checks {
        for key in c.keys() {
            if !CHECKS.iter().any(|k| k.id == key) {
                ctx.emit(&UNKNOWN_CHECK, "/checks", &GQA007_ANSWER_CHECK_VISIT_TEMPLATE)
                    .related([crate::text!("/checks/", escape_key(key))]);
            }
        }
    }
    for c in CHECKS {
        let comment = checks.and_then(|cs| read::object(cs, c.id)).and_then(|o| read::text(o, "comment"));
        if answer(checks, c.id) == Some(false) && comment.is_none() {
            ctx.emit(&NO_WITHOUT_COMMENT, crate::text!("/checks/", c.id, "/comment"), &GQA002_ENTER_COMMENT_ANSWER)
                .related([crate::text!("/checks/", c.id, "/answer")]);
        }
    }
    let things = read::list(data, "wentWell").iter().filter(|v| !read::is_blank(Some(v))).count();
    if things == 1 || things > 2 {
        ctx.emit(&WENT_WELL_COUNT, "/wentWell", &GQA003_ENTER_TWO_THINGS_WENT);
    }
    checks::dates_not_after_today(model::FIELDS, data, ctx, &IN_FUTURE);
    let date = read::date(data, "date");
    let (Some(previous), Some(d)) = (read::date(data, "previousVisitDate"), date) else { return };
    if previous >= d {
        ctx.emit(&PREVIOUS_NOT_BEFORE, "/previousVisitDate", &GQA006_DATE_PREVIOUS_VISIT_BEFORE).related(["/date"]);
    } else if let Some(due) = next_due(ctx, previous).filter(|due| d > *due) {
        let months = ctx.value(&FREQUENCY_MONTHS);
        ctx.emit(&OVERDUE, "/previousVisitDate", msg!(GQA004_PREVIOUS_VISIT_MORE_MONTHS, months = months))
            .related(["/date"])
            .due(calendar::format_date(due));
    }
}

crate::messages! {
    GQA007_ANSWER_CHECK_VISIT_TEMPLATE = "GQA-007.answer-check-visit-template": "This answer is for a check the visit template does not have: answer the template’s checks only";
    GQA002_ENTER_COMMENT_ANSWER = "GQA-002.enter-comment-answer": "Enter a comment on the answer no";
    GQA003_ENTER_TWO_THINGS_WENT = "GQA-003.enter-two-things-went": "Enter two things that went well in the group";
    GQA006_DATE_PREVIOUS_VISIT_BEFORE = "GQA-006.date-previous-visit-before": "Date of the previous visit to the group must be before the date of this visit";
    GQA004_PREVIOUS_VISIT_MORE_MONTHS = "GQA-004.previous-visit-more-months": "The previous visit was more than {months} months before this one: each group is visited annually";
}
