//! Closure / end of involvement — `case-closure` (002, "Closure Route 1", "Closure Route 2", "CLOSURES",
//! Attachment Two "STRENGTHENING FAMLIES STANDARDS OF PRACTICE": "Closure summary ... 1 week").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar::format_date;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, deadline_row, Code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "case-closure",
    title: "Closure and end of involvement",
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
/// The closure's standards (`rules::timescales`), as the timescales' description names them.
const STANDARDS: &[Code] =
    &[code("closure-summary", "Closure summary"), code("end-of-involvement", "End of involvement")];
const ROW: &[Out] = &deadline_row(STANDARDS);
/// Who approves a closure, in the order rule CC-003 gives (`model::APPROVER_ROLES`).
const APPROVERS: &[Code] = &[
    code("senior-practitioner", "Senior practitioner"),
    code("team-leader", "Team leader"),
    code("coordinator", "Strengthening Families coordinator"),
];
pub static OUTCOME: &[Out] = &[
    Out::new("route", "Closure route", T::Integer).nullable().describe("The route chosen (1, 2 or 3)."),
    Out::new("routesAllowed", "Routes allowed", T::List(&T::Integer)).describe("The closure routes the case may take."),
    Out::new("nextApprover", "Next approver", T::choice(APPROVERS))
        .nullable()
        .describe("Who approves next; null when no approval is outstanding."),
    Out::new("finalised", "Finalised", T::Bool),
    Out::new("finalisedOn", "Finalised on", T::Date).nullable(),
    Out::new("caseMonitoringEarliestEnd", "Case monitoring ends at the earliest", T::Date).nullable(),
    Out::new("timescales", "Timescales", T::List(&T::Object(ROW)))
        .describe("The closure summary and the end of involvement."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

/// The route chosen and the routes allowed, who approves next, whether the closure is finalised, the earliest end
/// of route 2 case monitoring, and where the closure timescales stand.
fn outcome(f: &rules::Facts) -> Tree {
    json!({
        "route": f.route,
        "routesAllowed": f.routes_allowed.clone(),
        "nextApprover": f.next_approver,
        "finalised": f.finalised_on.is_some(),
        "finalisedOn": f.finalised_on.map(format_date),
        "caseMonitoringEarliestEnd": f.monitoring_earliest_end.map(format_date),
        "timescales": [f.closure_summary.to_json(), f.end_of_involvement.to_json()],
    })
}
