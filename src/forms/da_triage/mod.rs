//! Domestic abuse triage — `da-triage` (002, "Domestic Abuse Workflow").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "da-triage",
    title: "Domestic abuse triage",
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
    Out::new("escalate", "Escalate", T::Bool)
        .describe("Standard-risk incidents with no allocated worker reach the threshold."),
    Out::new("triage", "Triage", T::Bool).describe("The family needs a triage."),
    Out::new(
        "reasons",
        "Reasons",
        // Worded as rules DAT-002, DAT-003 and DAT-004 (`rules::Facts::reasons`).
        T::List(&T::choice(&[
            code(
                "standard-incidents-no-worker",
                "5 or more standard-risk incidents in 12 months and no allocated worker",
            ),
            code("medium-incidents-no-worker", "3 or more medium-risk incidents in 12 months and no allocated worker"),
            code(
                "medium-incident-not-known",
                "A medium-risk incident and the family not known to services, with no history of concerns",
            ),
        ])),
    ),
    Out::new("standardIncidents", "Standard-risk incidents", T::Integer),
    Out::new("mediumIncidents", "Medium-risk incidents", T::Integer),
    Out::new("highIncidents", "High-risk incidents", T::Integer),
    Out::new("windowFrom", "Window from", T::Date)
        .nullable()
        .describe("The first day of the window incidents are counted in."),
    Out::new("windowTo", "Window to", T::Date).nullable().describe("The triage date."),
    Out::new("allocatedWorker", "Allocated worker", T::Bool)
        .nullable()
        .describe("Whether the family has an allocated worker; null when not recorded."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

/// Whether SF Triage sees the family (`triage`: any of the workflow's three criteria) and whether the standard
/// incidents escalate to medium risk (`escalate`), with the counts in the window and the window itself.
fn outcome(f: &rules::Facts) -> Tree {
    json!({
        "escalate": f.escalate,
        "triage": f.triage(),
        "reasons": f.reasons(),
        "standardIncidents": f.standard,
        "mediumIncidents": f.medium,
        "highIncidents": f.high,
        "windowFrom": f.window_from.map(calendar::format_date),
        "windowTo": f.triage_date.map(calendar::format_date),
        "allocatedWorker": f.allocated,
    })
}
