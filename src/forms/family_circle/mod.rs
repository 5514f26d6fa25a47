//! Family Circle — `family-circle` (002, the audit tool "STRENGTHENING FAMILIES - CASE AUDIT TOOL", the QA
//! framework's "Family Circle Measurements ... 8 weekly", Attachment Two, "Closure Route 1", "Closure Route 2").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar::format_date;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;
use crate::forms::case_closure::rules::MONITORING_MONTHS;

pub static FORM: FormDef = FormDef {
    id: "family-circle",
    title: "Family Circle",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

const ROW: &[Out] = &[
    Out::new(
        "standard",
        "Standard",
        T::choice(&[
            code("first-family-circle", "First Family Circle"),
            code("ongoing-family-circle", "Ongoing Family Circle"),
        ]),
    ),
    Out::new("due", "Due", T::Date).nullable(),
    Out::new("metOn", "Met on", T::Date).nullable(),
    Out::new("status", "Status", T::choice(STATUSES)),
    Out::new("circle", "Family Circle", T::Integer).describe("1 for the first."),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("circlesRecorded", "Family Circles recorded", T::Integer),
    Out::new("nextDue", "Next Family Circle due", T::Date).nullable(),
    Out::new("nextDueStatus", "Next Family Circle", T::choice(STATUSES)),
    Out::new("closureRoute", "Closure route", T::Integer)
        .nullable()
        .describe("The closure route the circles lead to (1, 2 or 3), once known."),
    Out::new("caseMonitoringMonths", "Case monitoring", T::Integer)
        .nullable()
        .unit("months")
        .describe("How long the case is monitored after closure on route 2."),
    Out::new("timescales", "Timescales", T::List(&T::Object(ROW)))
        .describe("One row per Family Circle: the first, each ongoing one, and the next."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(ctx, &facts))
}

/// When the next circle is due, the closure route the circles allow, and where each circle's timescale stands.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Tree {
    let route = rules::closure_route(&f.circles);
    let mut rows = vec![with_circle(f.first.to_json(), 1)];
    for (n, (_, d)) in (2..).zip(&f.ongoing) {
        rows.push(with_circle(d.to_json(), n));
    }
    if !f.circles.is_empty() {
        rows.push(with_circle(f.next.to_json(), f.circles.len().saturating_add(1)));
    }
    json!({
        "circlesRecorded": f.circles.len(),
        "nextDue": f.next.due.map(format_date),
        "nextDueStatus": f.next.status.as_str(),
        "closureRoute": route,
        "caseMonitoringMonths": (route == Some(2)).then(|| ctx.value(&MONITORING_MONTHS)),
        "timescales": rows,
    })
}

/// Adds the circle's number (1 for the first) to its timescale row.
fn with_circle(mut row: Tree, n: usize) -> Tree {
    row.set("circle", json!(n));
    row
}
