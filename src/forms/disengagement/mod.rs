//! Disengagement — `disengagement` (002, "STRENGTHENING FAMILIES STANDARD OPERATING PROCEDURE FOR DISENGAGEMENT").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "disengagement",
    title: "Disengagement",
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
pub static OUTCOME: &[Out] = &[
    Out::new("applies", "Disengagement applies", T::Bool).describe("At least one contact attempt is recorded."),
    Out::new("pathway", "Pathway", T::choice(&[code("letter", "Closure letter"), code("re-engage", "Re-engagement")])).nullable().describe(
        "A closure letter when there are no risks, re-engagement when there are; null until the risks are recorded.",
    ),
    Out::new("reEngagementAttempts", "Re-engagement attempts", T::Integer),
    Out::new("referToFamilyConnect", "Refer to Family Connect", T::Bool).describe("The child is at risk."),
    Out::new("readyToClose", "Ready to close", T::Bool),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data);
    rules::check(data, ctx, &facts);
    Some(outcome(data, &facts))
}

/// Whether the procedure applies, which path it takes (a letter when no risks were identified, re-engagement when
/// risks were), whether the family must be referred to Family Connect, and whether the case is ready to close.
fn outcome(data: &Map<String, Value>, f: &rules::Facts) -> Tree {
    let applies = f.contacts.is_some_and(|n| n >= 1.0);
    let pathway = match f.risks {
        Some(false) => Value::from("letter"),
        Some(true) => Value::from("re-engage"),
        None => Value::Null,
    };
    let discussed = read::date(data, "discussedInSupervisionOn").is_some();
    let letter_done = read::date(data, "letterSentOn").is_some()
        && (f.by_family_connect || read::boolean(data, "referrerNotified") == Some(true));
    let ready_to_close = applies
        && discussed
        && match f.risks {
            Some(false) => letter_done,
            Some(true) => f.attempts > 0 && f.child_at_risk == Some(false),
            None => false,
        };
    json!({
        "applies": applies,
        "pathway": pathway,
        "reEngagementAttempts": f.attempts,
        "referToFamilyConnect": f.child_at_risk == Some(true),
        "readyToClose": ready_to_close,
    })
}
