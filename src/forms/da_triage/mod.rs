//! Domestic abuse triage — `da-triage` (002, "Domestic Abuse Workflow").

pub mod model;
pub mod rules;

use serde_json::{json, Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "da-triage",
    title: "Domestic abuse triage",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    check,
    carry_forward: None,
};

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Value> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

/// Whether SF Triage sees the family (`triage`: any of the workflow's three criteria) and whether the standard
/// incidents escalate to medium risk (`escalate`), with the counts in the window and the window itself.
fn outcome(f: &rules::Facts) -> Value {
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
