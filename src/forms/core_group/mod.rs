//! Core group record / report to review conference — `core-group` (000, "Core Group Records and Social Worker
//! report to Review Child Protection Conference (RCPC)").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "core-group",
    title: "Core group record / report to review conference",
    source: "000_b4000cb9eeed17ad.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("daysBeforeConference", "Days before the conference", T::Integer).nullable().unit("days"),
    Out::new("earliestDate", "Earliest date", T::Date).nullable().describe("The earliest day the core group may meet."),
    Out::new("withinWindow", "Within the window", T::Bool).nullable(),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// How many days before the conference the core group was held (negative when after it), the earliest day it may
/// be held, and whether it falls in the window.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let (date, conference) = (read::date(data, "date"), read::date(data, "conferenceDate"));
    let days = match (date, conference) {
        (Some(d), Some(c)) => Some(calendar::days_between(d, c)),
        _ => None,
    };
    let earliest = rules::earliest(data, ctx);
    let within = match (date, conference, earliest) {
        (Some(d), Some(c), Some(e)) => Some(d >= e && d <= c),
        _ => None,
    };
    json!({
        "daysBeforeConference": days,
        "earliestDate": earliest.map(calendar::format_date),
        "withinWindow": within,
    })
}
