//! Family Safeguarding workbook eligibility — `workbook-eligibility` (004, "How will the journey change for staff?").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "workbook-eligibility",
    title: "Family Safeguarding workbook eligibility",
    source: "004_d68b5cc90fdfabb1.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

const EXCLUDED: &[Out] = &[
    Out::new("child", "Child", T::Integer).describe("The child's row in the form's list."),
    Out::new(
        "reason",
        "Reason",
        T::choice(&[
            code("contextual-issues-only", "The child’s issues are only contextual"),
            code("complex-specialist-disability", "Complex and specialist disability needs (the specialist team)"),
        ]),
    ),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("workbookRequired", "Workbook required", T::Bool),
    Out::new("includedChildren", "Children included", T::List(&T::Integer))
        .describe("The rows of the children the workbook covers."),
    Out::new("excludedChildren", "Children excluded", T::List(&T::Object(EXCLUDED))),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data))
}

/// Whether a team workbook is started, and which children (indexes into `children`) it includes and excludes, with
/// the reason. Children are sorted whatever the issues: `workbookRequired` says whether there is a workbook at all.
fn outcome(data: &Map<String, Value>) -> Tree {
    let mut included = Vec::new();
    let mut excluded = Vec::new();
    for (i, row) in read::list(data, "children").iter().enumerate() {
        let Some(c) = row.as_object().filter(|_| !read::is_blank(Some(row))) else { continue };
        match rules::exclusion(c) {
            Some(reason) => excluded.push(json!({ "child": i, "reason": reason })),
            None => included.push(i),
        }
    }
    json!({
        "workbookRequired": rules::workbook_required(data).unwrap_or(false),
        "includedChildren": included,
        "excludedChildren": excluded,
    })
}
