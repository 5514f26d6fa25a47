//! Child's file documents — `child-file` (000, "MOSAIC Documents of each child's electronic file:").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "child-file",
    title: "Child's file documents",
    source: "000_b4000cb9eeed17ad.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The checklist's items (`rules::expected`, then the workbook summaries and the case summary), worded as the
/// messages that ask for each (CFD-002 to CFD-009).
const ITEMS: &[Code] = &[
    code("child-and-family-assessment", "Child and Family Assessment"),
    code("plan", "Child’s plan"),
    code("review", "Review"),
    code("chronology", "Chronology"),
    code("family-programme", "Family Programme"),
    code("group-supervision", "Group supervision record"),
    code("workbook-summaries", "Workbook summaries"),
    code("case-summary", "Case summary"),
];
const ITEM: &[Out] = &[
    Out::new("item", "Item", T::choice(ITEMS)),
    Out::new(
        "status",
        "Status",
        T::choice(&[code("present", "Present"), code("missing", "Missing"), code("overdue", "Overdue")]),
    ),
    Out::new("missing", "Summaries missing", T::Integer).optional().describe("The workbook summaries row only."),
    Out::new("due", "Due", T::Date)
        .nullable()
        .optional()
        .describe("The case summary row only: the next one's deadline."),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("checklist", "Checklist", T::List(&T::Object(ITEM))),
    Out::new("complete", "Complete", T::Bool).describe("Every item is present."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// The checklist of the documents the service expects, each `present`, `missing` or `overdue`, and whether the
/// file is complete.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let docs = rules::documents(data);
    let present = |p: bool| if p { "present" } else { "missing" };
    let expected = rules::expected(&docs);
    let missing = rules::missing_summaries(data, &docs, ctx.today).len();
    let c = rules::case_summaries(data, &docs, ctx);
    let overdue = c.next_due.is_some_and(|d| ctx.today > d);
    let status = match (overdue, c.any) {
        (true, _) => "overdue",
        (false, true) => "present",
        (false, false) => "missing",
    };
    let complete = expected.iter().all(|item| item.present) && missing == 0 && status == "present";
    let mut checklist: Vec<Tree> =
        expected.iter().map(|item| json!({ "item": item.id, "status": present(item.present) })).collect();
    checklist.push(json!({ "item": "workbook-summaries", "status": present(missing == 0), "missing": missing }));
    checklist.push(json!({ "item": "case-summary", "status": status, "due": c.next_due.map(calendar::format_date) }));
    json!({ "checklist": checklist, "complete": complete })
}
