//! Transfer summary — `case-transfer` (002, "TRANSFER").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "case-transfer",
    title: "Transfer summary",
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
    Out::new(
        "stage",
        "Stage",
        T::choice(&[
            code("awaiting-authorisation", "Awaiting authorisation"),
            code("awaiting-reassignment", "Awaiting reassignment"),
            code("awaiting-allocation", "Awaiting allocation"),
            code("awaiting-finalisation", "Awaiting finalisation"),
            code("finalised", "Finalised"),
        ]),
    ),
    Out::new("practitionerResponsible", "Practitioner still responsible", T::Bool)
        .describe("The current practitioner keeps the case until it is allocated in the new team."),
    Out::new("canFinalise", "Can be finalised", T::Bool),
    Out::new("outstandingTasks", "Outstanding tasks", T::Integer),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data);
    rules::check(data, ctx, &facts);
    Some(outcome(data, &facts))
}

/// Where the transfer stands, who works with the family meanwhile, and whether the form can be finalised.
fn outcome(data: &Map<String, Value>, f: &rules::Facts) -> Tree {
    let stage = if f.finalised.is_some() {
        "finalised"
    } else if f.allocated.is_some() {
        "awaiting-finalisation"
    } else if f.reassigned.is_some() {
        "awaiting-allocation"
    } else if f.authorised.is_some() {
        "awaiting-reassignment"
    } else {
        "awaiting-authorisation"
    };
    let forms_up_to_date = read::boolean(data, "formsUpToDate") == Some(true);
    json!({
        "stage": stage,
        "practitionerResponsible": f.allocated.is_none(),
        "canFinalise": f.allocated.is_some() && f.finalised.is_none() && forms_up_to_date,
        "outstandingTasks": read::list(data, "outstandingTasks").iter().filter(|t| !read::is_blank(Some(t))).count(),
    })
}
