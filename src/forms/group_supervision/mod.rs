//! Family Safeguarding group (case) supervision — `group-supervision` (001, "Family Safeguarding Case
//! Supervision"; 000, "Workbook Summaries and Supervision"; 004, "How will the journey change for staff?").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "group-supervision",
    title: "Family Safeguarding group (case) supervision",
    source: "001_6e3698e2bd36f0f1.txt, 000_b4000cb9eeed17ad.txt, 004_d68b5cc90fdfabb1.txt",
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
    Out::new(
        "supervisionType",
        "Type of supervision",
        T::choice(&[
            code("family-safeguarding", "Family Safeguarding case supervision"),
            code("traditional", "Traditional case supervision"),
        ]),
    ),
    Out::new("involvedProfessionals", "Professionals involved", T::Integer),
    Out::new("summariesInAdvance", "Summaries sent in advance", T::Integer),
    Out::new("summariesMissing", "Summaries missing", T::List(&T::Integer))
        .describe("The rows of the professionals whose summary was not sent in advance."),
    Out::new("absentWorkers", "Absent workers", T::Integer),
    Out::new("absentSummariesInAdvance", "Absent workers sent summaries", T::Bool),
    Out::new("nextDue", "Next supervision due", T::Date).nullable(),
    Out::new("overdue", "Overdue", T::Bool),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// Which supervision applies, whose workbook summaries were in before the session (attendee indexes), whether
/// those who could not attend provided theirs in advance, and when the family's next group supervision is due.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let involved = rules::involved(data);
    let session = read::date(data, "date");
    let in_advance = |p: &rules::Involved| session.is_some_and(|s| rules::provided_in_advance(p, s));
    let missing: Vec<usize> = involved.iter().filter(|p| !in_advance(p)).map(|p| p.index).collect();
    let absent: Vec<&rules::Involved> = involved.iter().filter(|p| p.absent).collect();
    let next_due = rules::next_due(data, ctx);
    json!({
        "supervisionType": if involved.len() >= 2 { "family-safeguarding" } else { "traditional" },
        "involvedProfessionals": involved.len(),
        "summariesInAdvance": involved.len().saturating_sub(missing.len()),
        "summariesMissing": missing,
        "absentWorkers": absent.len(),
        "absentSummariesInAdvance": absent.iter().all(|p| in_advance(p)),
        "nextDue": next_due.map(calendar::format_date),
        "overdue": next_due.is_some_and(|d| ctx.today > d),
    })
}
