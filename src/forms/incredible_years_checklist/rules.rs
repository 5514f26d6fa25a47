//! The Incredible Years checklist's rules: one declaration each, then the check function.

use crate::engine::value::{Map, Value};

use super::model::{self, ITEMS};
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::escape_key;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const CHECKLIST: &str = "ATTACHMENT FIVE - Incredible Years Peer Review";
const PROCEDURE: &str = "STRENGTHENING FAMILIES INCREDIBLE YEARS REFERRAL";

rule!(REQUIRED, "IYC-001", "missing-required-field", Error, Required,
    ["/evaluationType", "/session", "/leaders", "/date", "/courseWeek", "/items", "/items/*"],
    Cite::same(SEED_002, CHECKLIST),
    "A part of the checklist is missing: the type of evaluation, the session, the leaders, the date, an answer to any item, or the week of the course for a peer review or a certified trainer or mentor's review.",
    "This checklist is designed for group leaders to complete together following a session");

pub static PEER_FROM_WEEK: Param =
    Param { key: "incredible-years-checklist.peerReviewFromWeek", default: 6, unit: "week" };
pub static PEER_TO_WEEK: Param = Param { key: "incredible-years-checklist.peerReviewToWeek", default: 8, unit: "week" };
pub static QA_FROM_WEEK: Param = Param { key: "incredible-years-checklist.qaFromWeek", default: 8, unit: "week" };
pub static QA_TO_WEEK: Param = Param { key: "incredible-years-checklist.qaToWeek", default: 9, unit: "week" };

rule!(PEER_REVIEW_WEEK, "IYC-002", "peer-review-outside-weeks-6-to-8", Warning, Check,
    ["/courseWeek", "/evaluationType"],
    Cite::interpreted(SEED_002, PROCEDURE),
    "A peer review is recorded outside weeks 6 to 8 of the course (reading the procedure's peer support as the checklist's peer review is interpreted).",
    "All facilitators attend peer support between weeks 6 - 8",
    params = [PEER_FROM_WEEK, PEER_TO_WEEK]);

rule!(QA_WEEK, "IYC-003", "quality-assurance-outside-weeks-8-to-9", Warning, Check,
    ["/courseWeek", "/evaluationType"],
    Cite::interpreted(SEED_002, PROCEDURE),
    "A certified trainer or mentor's review (the course's quality assurance, interpreted) is recorded outside weeks 8 to 9 of the course (\"around\" is read as 8 to 9 inclusive).",
    "QA takes place around weeks 8 - 9",
    params = [QA_FROM_WEEK, QA_TO_WEEK]);

rule!(
    IN_FUTURE,
    "IYC-004",
    "session-date-in-future",
    Error,
    Check,
    ["/date"],
    Cite::interpreted(SEED_002, CHECKLIST),
    "The date of the session is after today: the checklist is completed following a session.",
    "This checklist is designed for group leaders to complete together following a session"
);

rule!(
    UNKNOWN_ITEM,
    "IYC-005",
    "unknown-item",
    Error,
    Check,
    ["/items/*"],
    Cite::same(SEED_002, CHECKLIST),
    "An answer is given for an item the checklist does not have; it is never silently ignored.",
    ""
);

pub static RULES: &[&Rule] = &[&REQUIRED, &PEER_REVIEW_WEEK, &QA_WEEK, &IN_FUTURE, &UNKNOWN_ITEM];

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    if let Some(items) = read::object(data, "items") {
        for key in items.keys() {
            if !ITEMS.iter().any(|i| i.id == key) {
                ctx.emit(&UNKNOWN_ITEM, "/items", &IYC005_ANSWER_ITEM_CHECKLIST_DOES)
                    .related([crate::text!("/items/", escape_key(key))]);
            }
        }
    }
    checks::dates_not_after_today(model::FIELDS, data, ctx, &IN_FUTURE);
    let kind = read::choice(data, "evaluationType", model::EVALUATION_TYPES);
    let window = match kind.as_deref() {
        Some("peer-review") => Some((&PEER_REVIEW_WEEK, &PEER_FROM_WEEK, &PEER_TO_WEEK, &IYC002_WEEKS)),
        Some("certified-trainer-mentor") => Some((&QA_WEEK, &QA_FROM_WEEK, &QA_TO_WEEK, &IYC003_WEEKS)),
        _ => None,
    };
    let Some((rule, from, to, template)) = window else { return };
    match read::number(data, "courseWeek") {
        Some(week) => {
            let (from, to) = (ctx.value(from), ctx.value(to));
            let bound = |w: i64| i32::try_from(w).map(f64::from).unwrap_or(f64::NAN);
            let inside = (bound(from)..=bound(to)).contains(&week);
            if !inside {
                ctx.emit(rule, "/courseWeek", msg!(*template, from = from, to = to)).related(["/evaluationType"]);
            }
        }
        None if read::is_blank(data.get("courseWeek")) => {
            ctx.emit(&REQUIRED, "/courseWeek", &IYC001_ENTER_WEEK_COURSE);
        }
        None => {}
    }
}

crate::messages! {
    IYC002_WEEKS = "IYC-002.weeks": "A peer review takes place in weeks {from} to {to} of the course";
    IYC003_WEEKS = "IYC-003.weeks": "A certified trainer or mentor’s review takes place in weeks {from} to {to} of the course";
    IYC005_ANSWER_ITEM_CHECKLIST_DOES = "IYC-005.answer-item-checklist-does": "This answer is for an item the checklist does not have: answer the checklist’s items only";
    IYC001_ENTER_WEEK_COURSE = "IYC-001.enter-week-course": "Enter the week of the course";
}
