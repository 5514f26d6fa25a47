//! Family Programme (the workbook modules) — `family-programme` (000, "Family Programme", "Modules within the
//! Family Programme:", the completion paragraphs, "Expected Key Points for the Family Programme to be used to provide
//! an assessment."; 001, "The Family Safeguarding Intervention Modules").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::read;
use crate::engine::registry::FormDef;
use crate::engine::timescale::{self, Status};
use crate::forms::workbook_summary::MODULES;

pub static FORM: FormDef = FormDef {
    id: "family-programme",
    title: "Family Programme (the workbook modules)",
    source: "000_b4000cb9eeed17ad.txt, 001_6e3698e2bd36f0f1.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: Some(carry_forward),
    outcome: OUTCOME,
};

/// Why the Family Programme is due as an assessment (`rules::assessment_due`), worded as the Family Programme page
/// words them (www/family-programme.js, which showed them after the date) and the messages of rule FP-011.
const DUE_REASONS: &[Code] = &[
    code("second-rcpc", "Before the second review child protection conference"),
    code("nine-month-cin-review", "Before the 9-month child in need review"),
    code("significant-change", "After the significant change in the family"),
    code("annual", "At least every year"),
];
const MODULE: &[Out] = &[
    Out::new("id", "Module", T::choice(MODULES)),
    Out::new("complete", "Complete", T::Bool),
    Out::new("entries", "Entries", T::Integer),
    Out::new("due", "Due", T::Date).nullable(),
    Out::new("status", "Status", T::choice(STATUSES)),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("modules", "Modules", T::List(&T::Object(MODULE))),
    Out::new("completeness", "Completeness", T::Number)
        .unit("fraction")
        .describe("The share of modules complete, from 0 to 1."),
    Out::new("assessmentDue", "Assessment due", T::Date).nullable(),
    Out::new("assessmentDueReason", "Why the assessment is due", T::choice(DUE_REASONS)).nullable(),
    Out::new("assessmentOverdue", "Assessment overdue", T::Bool),
    Out::new("readyForSignOff", "Ready for sign-off", T::Bool),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// Per module: complete, how many entries, when due and where it stands; the share of modules complete; when the
/// completed programme (an assessment) is next due and why; whether it is ready to be signed off.
///
/// Modules 1–3 (complete) and module 4 (the social worker's direct work) are due at the end of the first six weeks;
/// modules 4a and 5–8 are due with the completed programme, by `assessmentDue`.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let initial = rules::initial_due(data, ctx);
    let assessment = rules::assessment_due(data, ctx);
    let mut modules = Vec::new();
    let mut complete_count: u32 = 0;
    for id in model::MODULE_IDS {
        let complete = rules::is_complete(data, id);
        if complete {
            complete_count = complete_count.saturating_add(1);
        }
        let (due, status) = if matches!(*id, "1" | "2" | "3" | "4") {
            (initial, initial.map(|d| rules::initial_status(data, id, d, ctx.today)))
        } else {
            let due = assessment.as_ref().map(|a| a.due);
            let completed = rules::module(data, id).and_then(|m| read::date(m, "completedOn"));
            let status = match (due, complete) {
                (Some(d), true) => Some(completed.map_or(Status::Met, |c| timescale::status(d, Some(c), ctx.today, 0))),
                (Some(d), false) => Some(timescale::status(d, None, ctx.today, timescale::DUE_SOON_DAYS)),
                (None, _) => None,
            };
            (due, status)
        };
        let status = status.unwrap_or(if complete { Status::Met } else { Status::Due });
        modules.push(json!({
            "id": *id,
            "complete": complete,
            "entries": rules::entries(data, id).len(),
            "due": due.map(calendar::format_date),
            "status": status.as_str(),
        }));
    }
    let total = u32::try_from(model::MODULE_IDS.len()).unwrap_or(1);
    // Two decimals, rounded down, so that the programme shows 1 only when every module is complete.
    let hundredths = complete_count.saturating_mul(100).checked_div(total).unwrap_or(0);
    let completeness = f64::from(hundredths) / 100.0;
    let closing_recorded = ["7", "8"].iter().all(|id| !rules::entries(data, id).is_empty());
    let ready = complete_count == total && closing_recorded;
    json!({
        "modules": modules,
        "completeness": completeness,
        "assessmentDue": assessment.as_ref().map(|a| calendar::format_date(a.due)),
        "assessmentDueReason": assessment.as_ref().map(|a| a.reason),
        "assessmentOverdue": assessment.as_ref().is_some_and(|a| ctx.today > a.last_day),
        "readyForSignOff": ready,
    })
}

/// The next workbook step (000): modules 1 to 6 (with 4a) pull through as they are; modules 7 and 8 do not ("the
/// analysis and parents views would be time specific for the completed Family Programme"), so they start empty; the
/// sign-off is cleared, and a completed sign-off becomes the programme's last completion.
pub fn carry_forward(data: &Map<String, Value>) -> Value {
    let mut next = data.clone();
    if let Some(Value::Object(modules)) = next.get_mut("modules") {
        for id in ["7", "8"] {
            let empty: Map<String, Value> =
                [("entries".to_owned(), Value::Array(Vec::new())), ("complete".to_owned(), Value::Bool(false))]
                    .into_iter()
                    .collect();
            modules.insert(id.to_owned(), Value::Object(empty));
        }
    }
    let completed = read::object(data, "signOff").and_then(|s| read::date(s, "completedOn"));
    next.remove("signOff");
    if let Some(done) = completed {
        let milestones = next.entry("milestones").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(m) = milestones {
            let earlier = read::date(m, "lastCompletedOn").is_none_or(|last| last < done);
            if earlier {
                m.insert("lastCompletedOn".to_owned(), Value::from(calendar::format_date(done)));
            }
        } else if milestones.is_null() {
            *milestones = Value::Object(
                [("lastCompletedOn".to_owned(), Value::from(calendar::format_date(done)))].into_iter().collect(),
            );
        }
    }
    Value::Object(next)
}
