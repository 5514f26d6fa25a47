//! Quality assurance visit to a group — `group-qa-visit` (002, "ATTACHMENT FOUR", and the QA table's "Annually per
//! group"): 17 yes/no checks in three parts, two things that went well, what could be improved.

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::read;
use crate::engine::registry::FormDef;
use crate::engine::timescale::{self, DUE_SOON_DAYS};

pub static FORM: FormDef = FormDef {
    id: "group-qa-visit",
    title: "Quality assurance visit to a group",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The visit's parts ([`model::PARTS`]), each labelled with its title.
const PARTS: [Code; model::PARTS.len()] = crate::codes_of!(model::PARTS, |p| (p.id, p.title));
const PART: &[Out] = &[
    Out::new("id", "Part", T::choice(&PARTS)),
    Out::new("title", "Title", T::Text),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("no", "No answers", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("percentage", "Yes", T::Integer).nullable().unit("percent"),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("parts", "Parts", T::List(&T::Object(PART))),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("no", "No answers", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("percentage", "Yes", T::Integer)
        .nullable()
        .unit("percent")
        .describe("Yes answers out of those answered; null when none is."),
    Out::new("nextVisitDue", "Next visit due", T::Date).nullable(),
    Out::new("nextVisitStatus", "Next visit", T::choice(STATUSES)).nullable(),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// Yes ÷ (yes + no) as a whole percentage, rounded half up; none when nothing is answered.
fn percentage(yes: usize, no: usize) -> Option<i64> {
    let (yes, answered) = (i64::try_from(yes).ok()?, i64::try_from(yes.checked_add(no)?).ok()?);
    if answered == 0 {
        return None;
    }
    yes.checked_mul(200)?.checked_add(answered)?.checked_div(answered.checked_mul(2)?)
}

/// Counts per part and overall, the percentage of yes answers, and when the group's next visit is due.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let checks = read::object(data, "checks");
    let count = |part: Option<&str>, want: Option<bool>| {
        model::CHECKS
            .iter()
            .filter(|c| part.is_none_or(|p| c.part == p))
            .filter(|c| rules::answer(checks, c.id) == want)
            .count()
    };
    let parts: Vec<Tree> = model::PARTS
        .iter()
        .map(|p| {
            let (yes, no) = (count(Some(p.id), Some(true)), count(Some(p.id), Some(false)));
            json!({
                "id": p.id,
                "title": p.title,
                "yes": yes,
                "no": no,
                "unanswered": count(Some(p.id), None),
                "percentage": percentage(yes, no),
            })
        })
        .collect();
    let (yes, no) = (count(None, Some(true)), count(None, Some(false)));
    let next = read::date(data, "date").and_then(|d| rules::next_due(ctx, d));
    json!({
        "parts": parts,
        "yes": yes,
        "no": no,
        "unanswered": count(None, None),
        "percentage": percentage(yes, no),
        "nextVisitDue": next.map(calendar::format_date),
        "nextVisitStatus": next.map(|due| timescale::status(due, None, ctx.today, DUE_SOON_DAYS).as_str()),
    })
}
