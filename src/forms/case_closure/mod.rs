//! Closure / end of involvement — `case-closure` (002, "Closure Route 1", "Closure Route 2", "CLOSURES",
//! Attachment Two "STRENGTHENING FAMLIES STANDARDS OF PRACTICE": "Closure summary ... 1 week").

pub mod model;
pub mod rules;

use serde_json::{json, Map, Value};

use crate::calendar::format_date;
use crate::engine::context::Ctx;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "case-closure",
    title: "Closure and end of involvement",
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

/// The route chosen and the routes allowed, who approves next, whether the closure is finalised, the earliest end
/// of route 2 case monitoring, and where the closure timescales stand.
fn outcome(f: &rules::Facts) -> Value {
    json!({
        "route": f.route,
        "routesAllowed": f.routes_allowed,
        "nextApprover": f.next_approver,
        "finalised": f.finalised_on.is_some(),
        "finalisedOn": f.finalised_on.map(format_date),
        "caseMonitoringEarliestEnd": f.monitoring_earliest_end.map(format_date),
        "timescales": [f.closure_summary.to_json(), f.end_of_involvement.to_json()],
    })
}
