//! Record of supervision (personal) — `supervision-record` (002, "APPENDIX B - RECORD OF SUPERVISION", supervision
//! policy §2 "Professional Support" and §6 "Supervision Framework, Frequency & Recording Guide").

pub mod model;
pub mod rules;
pub mod scan;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "supervision-record",
    title: "Record of supervision",
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
/// The record's items ([`model::ITEMS`]: the keys of its `items`), with their labels.
const ITEMS: [Code; model::ITEMS.len()] = crate::codes_of!(model::ITEMS, |item| (item.0, item.1));
pub static OUTCOME: &[Out] = &[
    Out::new("nextDueBy", "Next supervision due by", T::Date).nullable(),
    Out::new("frequencyWeeks", "Frequency", T::Integer).unit("weeks"),
    Out::new("itemsDiscussed", "Items discussed", T::List(&T::choice(&ITEMS))).reads(&["/items/*/discussed"]),
    Out::new("actionsCount", "Items with decisions", T::Integer),
    Out::new("signed", "Signed", T::Bool).describe("Signed by the supervisee and the supervisor."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(data, &facts))
}

/// When the next session is due by, which items were discussed, how many actions were agreed, and whether both
/// parties signed.
fn outcome(data: &Map<String, Value>, f: &rules::Facts) -> Tree {
    let items = read::object(data, "items");
    let item = |key: &str| items.and_then(|i| read::object(i, key));
    let discussed: Vec<&str> = model::ITEMS
        .iter()
        .map(|(key, _)| *key)
        .filter(|key| item(key).and_then(|i| read::boolean(i, "discussed")) == Some(true))
        .collect();
    // Actions of the items other than caseload (caseload actions are recorded on Protocol).
    let actions = model::ITEMS
        .iter()
        .filter(|(key, _)| *key != model::CASELOAD && item(key).is_some_and(|i| !read::is_blank(i.get("decisions"))))
        .count();
    let signed = read::date(data, "signedSupervisee").is_some() && read::date(data, "signedSupervisor").is_some();
    json!({
        "nextDueBy": f.next_due.map(calendar::format_date),
        "frequencyWeeks": f.weeks,
        "itemsDiscussed": discussed,
        "actionsCount": actions,
        "signed": signed,
    })
}
