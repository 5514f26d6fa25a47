//! Record of supervision sessions — `supervision-log` (002, "Appendix C: Record of Supervision Sessions",
//! supervision policy §6 "Recording of Supervision" and §7 "Supervision Sessions").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "supervision-log",
    title: "Record of supervision sessions",
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
    Out::new("sessionsHeld", "Sessions held", T::Integer),
    Out::new("sessionsMissed", "Sessions missed", T::Integer),
    Out::new("longestGapDays", "Longest gap", T::Integer).nullable().unit("days"),
    Out::new("compliancePercent", "Compliance", T::Integer).nullable().unit("percent"),
    Out::new("frequencyWeeks", "Frequency", T::Integer).unit("weeks"),
    Out::new("lastHeld", "Last held", T::Date).nullable(),
    Out::new("nextDue", "Next due", T::Date).nullable(),
    Out::new("overdue", "Overdue", T::Bool),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(ctx, &facts))
}

/// Sessions held and missed, the longest gap between sessions that took place (days), the share of gaps within
/// the frequency (whole percent), and when the next session is due.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Tree {
    let (held, missed, longest, percent) = rules::summary(f, ctx.today);
    json!({
        "sessionsHeld": held,
        "sessionsMissed": missed,
        "longestGapDays": longest,
        "compliancePercent": percent,
        "frequencyWeeks": f.weeks,
        "lastHeld": f.last_held.map(calendar::format_date),
        "nextDue": f.next_due.map(calendar::format_date),
        "overdue": f.overdue,
    })
}
