//! Workbook summary — `workbook-summary` (000, "Workbook Summaries and Supervision"; 001, "The Family Safeguarding
//! Workbook"; 004). One per involved worker per period between group supervisions.

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "workbook-summary",
    title: "Workbook summary",
    source: "000_b4000cb9eeed17ad.txt, 001_6e3698e2bd36f0f1.txt, 004_d68b5cc90fdfabb1.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The outcome this form computes (see `engine::outcome`).
/// The Family Programme's modules ([`model::MODULE_IDS`]) with their labels, as the Family Programme's form labels
/// them (`family_programme::model`, from seed 000's "Modules within the Family Programme"). Also the Family
/// Programme's outcome's module ids.
pub const MODULES: &[Code] = &[
    code("1", "Module 1: why are we involved?"),
    code("2", "Module 2: parent and family history"),
    code("3", "Module 3: parent’s understanding of the impact of behaviour"),
    code("4", "Module 4: direct work with children"),
    code("4a", "Module 4a"),
    code("5", "Module 5: parenting capacity (part 1)"),
    code("6", "Module 6: parenting capacity (part 2)"),
    code("7", "Module 7: analysis and recommendations"),
    code("8", "Module 8: parent’s comments and views"),
];
pub static OUTCOME: &[Out] = &[
    Out::new("due", "Due", T::Date).nullable().describe("The day the summary must be sent by."),
    Out::new("status", "Sending", T::choice(STATUSES)).nullable(),
    Out::new("activities", "Activities", T::Integer),
    Out::new("modulesReferenced", "Modules referenced", T::List(&T::choice(MODULES))),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// When the summary is due with the team manager and where that stands, how many activities it records and which
/// modules of the Family Programme they cross-reference.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let sending = rules::sending(data, ctx);
    let activities: Vec<&Map<String, Value>> = read::list(data, "activities")
        .iter()
        .filter(|v| !read::is_blank(Some(v)))
        .filter_map(Value::as_object)
        .collect();
    let referenced: Vec<&str> = activities.iter().flat_map(|a| rules::modules_of(a)).collect();
    let modules: Vec<&str> = model::MODULE_IDS.iter().copied().filter(|m| referenced.contains(m)).collect();
    json!({
        "due": sending.map(|(d, _)| calendar::format_date(d)),
        "status": sending.map(|(_, s)| s.as_str()),
        "activities": activities.len(),
        "modulesReferenced": modules,
    })
}
