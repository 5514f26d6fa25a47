//! Standards of practice (timescales) — `practice-standards` (002, "ATTACHMENT TWO – SF STANDARDS OF PRACTICE").
//! A case's key event dates checked against every timescale at once; used by data-quality reports.

pub mod model;
pub mod rules;

use serde_json::{json, Map, Value};

use crate::engine::context::Ctx;
use crate::engine::registry::FormDef;
use crate::engine::timescale::Status;

pub static FORM: FormDef = FormDef {
    id: "practice-standards",
    title: "Standards of practice (timescales)",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    check,
    carry_forward: None,
};

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Value> {
    let rows = rules::check(data, ctx);
    Some(outcome(&rows))
}

/// One row per standard (one per contact for the 48-hour standard, one per Family Circle for the ongoing circles),
/// and how many rows stand where.
fn outcome(rows: &[rules::Row]) -> Value {
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
    json!({
        "standards": rows.iter().map(rules::Row::to_json).collect::<Vec<_>>(),
        "counts": {
            "met": count(Status::Met),
            "metLate": count(Status::MetLate),
            "due": count(Status::Due),
            "dueSoon": count(Status::DueSoon),
            "overdue": count(Status::Overdue),
            "notApplicable": count(Status::NotApplicable),
        },
    })
}
