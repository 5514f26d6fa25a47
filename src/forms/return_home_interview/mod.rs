//! Missing episode and return home interview — `return-home-interview` (002, "MISSING PERSON EPISODES PROCESS FOR
//! BUSINESS SUPPORT OFFICERS", "ROLE OF STRENGTHENING FAMILIES DUTY PRACTITIONER", the referral criterion "missing
//! three times or more in the last 90 days").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "return-home-interview",
    title: "Missing episode and return home interview",
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
    Out::new("episodesIn90Days", "Missing episodes in 90 days", T::Integer),
    Out::new("meetsMissing3In90", "Meets the missing 3 times in 90 days criterion", T::Bool),
    Out::new("interviewDue", "Interview due", T::DateTime).nullable().describe(
        "The deadline for the interview in UK local time; null when a social worker does it or no episode is recorded.",
    ),
    Out::new("status", "Interview", T::choice(STATUSES)),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(ctx, &facts))
}

/// Episodes in the 90 days up to the interview (or today), whether that meets the referral criterion
/// `missing-3-in-90`, the interview's deadline (UK local time) and where it stands.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Tree {
    json!({
        "episodesIn90Days": f.episodes_in_window,
        "meetsMissing3In90": f.episodes_in_window >= ctx.value(&rules::EPISODES),
        // Not Strengthening Families' deadline when the social worker processes the episode.
        "interviewDue": if f.social_worker { None } else { rules::due_local(f) },
        "status": f.status.as_str(),
    })
}
