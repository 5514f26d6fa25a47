//! Casework supervision record — `casework-supervision` (002, "Proposed Protocol Supervision Record as a Form",
//! supervision policy §3 "Casework" and §6 "Recording Casework Supervision, Decisions and Agreed Actions"). The
//! headline supervision form: one per child per session.

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;
use crate::engine::timescale::{status, Status, DUE_SOON_DAYS};

pub static FORM: FormDef = FormDef {
    id: "casework-supervision",
    title: "Casework supervision record",
    source: "002_01d3e803f2e17a39.txt",
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
    Out::new("nextDue", "Next supervision due", T::Date).nullable(),
    Out::new(
        "frequency",
        "Frequency",
        T::choice(&[code("monthly", "Monthly"), code("three-monthly", "Three-monthly")]),
    ),
    Out::new("overdue", "Overdue", T::Bool),
    Out::new("daysSinceChildSeen", "Days since the child was seen", T::Integer).nullable().unit("days"),
    Out::new("actionsCount", "Actions", T::Integer),
    Out::new("completeness", "Completeness", T::Number)
        .unit("fraction")
        .describe("The share of the record filled in, from 0 to 1."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(data, ctx, &facts))
}

/// When the child's case is next due for supervision, how often, whether that is past, how long since the child
/// was seen (at the date of supervision), how many actions were agreed, and how much of the form is filled in.
/// Typed by the declared model (`OUTCOME`).
fn outcome(data: &Map<String, Value>, ctx: &Ctx, f: &rules::Facts) -> Tree {
    let days_since_seen = match (f.child_seen, f.date) {
        (Some(s), Some(d)) if s <= d => Tree::Int(calendar::days_between(s, d)),
        _ => Tree::Null,
    };
    Tree::Object(
        OUTCOME,
        vec![
            Tree::from(f.next_due.map(calendar::format_date)),
            Tree::Text(f.frequency.as_str()),
            Tree::Bool(f.next_due.is_some_and(|due| status(due, None, ctx.today, DUE_SOON_DAYS) == Status::Overdue)),
            days_since_seen,
            Tree::from(rules::actions_count(data)),
            Tree::Float(rules::completeness(data, f)),
        ],
    )
}
