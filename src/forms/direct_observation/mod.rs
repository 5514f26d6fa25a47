//! Direct observation of practice — `direct-observation` (002, "ATTACHMENT THREE", and the supervision policy's
//! "5. Observation of Practice": one formal observation a year, planned with agreed objectives, kept off the
//! child's case file).

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree, STATUSES};
use crate::engine::read;
use crate::engine::registry::FormDef;
use crate::engine::timescale::{self, DUE_SOON_DAYS};

pub static FORM: FormDef = FormDef {
    id: "direct-observation",
    title: "Direct observation of practice",
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
    Out::new("nextObservationDue", "Next observation due", T::Date).nullable(),
    Out::new("nextObservationStatus", "Next observation", T::choice(STATUSES)).nullable(),
    Out::new("grading", "Grading", T::Integer).nullable().describe("1 to 4."),
    Out::new("gradingLabel", "Grading", T::Text).nullable(),
    Out::new("sectionsWritten", "Sections written", T::Integer),
    Out::new("sectionsTotal", "Sections", T::Integer),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// The value at a pointer of plain keys ("/communication/nonVerbal").
fn at<'a>(data: &'a Map<String, Value>, pointer: &str) -> Option<&'a Value> {
    let mut segments = pointer.split('/').skip(1);
    let mut value = data.get(segments.next()?)?;
    for seg in segments {
        value = value.as_object()?.get(seg)?;
    }
    Some(value)
}

/// When the next observation is due and where it stands today, the grading, and how many sections are written.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let next = read::date(data, "date").and_then(|d| rules::next_due(ctx, d));
    let status = next.map(|due| timescale::status(due, None, ctx.today, DUE_SOON_DAYS).as_str());
    let grading = read::number(data, "grading").and_then(|x| (1u8..=4).find(|g| f64::from(*g) == x));
    let label = grading.and_then(|g| model::GRADE_LABELS.iter().find(|(n, _)| *n == g).map(|(_, l)| *l));
    let written: Vec<&str> = model::SECTIONS
        .iter()
        .filter(|(pointer, _)| !read::is_blank(at(data, pointer)))
        .map(|(pointer, _)| *pointer)
        .collect();
    json!({
        "nextObservationDue": next.map(calendar::format_date),
        "nextObservationStatus": status,
        "grading": grading,
        "gradingLabel": label,
        "sectionsWritten": written.len(),
        "sectionsTotal": model::SECTIONS.len(),
    })
}
