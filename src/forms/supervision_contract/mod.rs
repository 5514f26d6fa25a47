//! Supervision contract — `supervision-contract` (002, supervision policy §6 "Supervision Framework, Frequency &
//! Recording Guide" and "Appendix A: A Contract for Supervision").

pub mod model;
pub mod rules;

use serde_json::{json, Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "supervision-contract",
    title: "Supervision contract",
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
    Some(outcome(ctx, &facts))
}

/// Whether both parties signed and the contract is uploaded, whether the agreed frequency needs a reason, and when
/// the next joint review is due.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Value {
    json!({
        "signed": f.signed_supervisee.is_some() && f.signed_supervisor.is_some(),
        "uploaded": f.uploaded.is_some(),
        "frequencyWeeks": f.frequency_weeks,
        "maxFrequencyWeeks": ctx.value(&rules::MAX_FREQUENCY_WEEKS),
        "reasonNeeded": rules::less_frequent(ctx, f),
        "reviewMonths": f.review_months,
        "reviewDue": f.review_due.map(calendar::format_date),
        "reviewStatus": f.review_status.as_str(),
    })
}
