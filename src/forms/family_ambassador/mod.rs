//! Family Ambassador volunteer — `family-ambassador` (002, the Family Ambassador process after "MULTI-AGENCY
//! INFORMATION SHARING MEETING SOPS").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "family-ambassador",
    title: "Family Ambassador volunteer",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// What is still needed before matching (`rules::before_matching`), worded as the form's fields.
const BEFORE_MATCHING: &[Code] = &[
    code("dbs-certificate", "DBS certificate seen"),
    code("online-training", "Online training completed"),
    code("face-to-face-training", "Face-to-face training completed"),
    code("risk-assessment-signed", "Risk assessment signed"),
    code("policies-signed", "Policy documents signed"),
    code("volunteer-agreement-signed", "Volunteer agreement signed"),
];
const DEADLINE: &[Out] = &[Out::new("due", "Due", T::Date), Out::new("status", "Status", T::choice(STATUSES))];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("matched", "Matched", T::Bool),
    Out::new("readyToMatch", "Ready to match", T::Bool),
    Out::new("neededBeforeMatching", "Needed before matching", T::List(&T::choice(BEFORE_MATCHING))),
    Out::new("references", "References", T::Object(DEADLINE)).nullable(),
    Out::new("nextSupervision", "Next supervision", T::Object(DEADLINE)).nullable(),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

fn deadline(d: Option<&rules::Deadline>) -> Tree {
    d.map_or(Tree::Null, |d| json!({ "due": calendar::format_date(d.due), "status": d.status.as_str() }))
}

/// Whether the volunteer can be matched (and what is still needed before matching), the references' deadline and
/// the next supervision's.
fn outcome(f: &rules::Facts) -> Tree {
    json!({
        "matched": f.matched.is_some(),
        "readyToMatch": f.before_matching.is_empty(),
        "neededBeforeMatching": f.before_matching.clone(),
        "references": deadline(f.references.as_ref()),
        "nextSupervision": deadline(f.supervision.as_ref()),
    })
}
