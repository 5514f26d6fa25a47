//! Supervision contract — `supervision-contract` (002, supervision policy §6 "Supervision Framework, Frequency &
//! Recording Guide" and "Appendix A: A Contract for Supervision").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "supervision-contract",
    title: "Supervision contract",
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
    Out::new("signed", "Signed", T::Bool).describe("Signed by the supervisee and the supervisor."),
    Out::new("uploaded", "Uploaded", T::Bool),
    Out::new("frequencyWeeks", "Frequency", T::Integer).nullable().unit("weeks"),
    Out::new("maxFrequencyWeeks", "Longest frequency", T::Integer).unit("weeks"),
    Out::new("reasonNeeded", "Reason needed", T::Bool)
        .describe("Supervision less often than the standard needs a reason."),
    Out::new("reviewMonths", "Review every", T::Integer).unit("months"),
    Out::new("reviewDue", "Review due", T::Date).nullable(),
    Out::new("reviewStatus", "Review", T::choice(STATUSES)),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(ctx, &facts))
}

/// Whether both parties signed and the contract is uploaded, whether the agreed frequency needs a reason, and when
/// the next joint review is due.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Tree {
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
