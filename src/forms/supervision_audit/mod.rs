//! Supervision audit — `supervision-audit` (002, "Appendix D: Supervision Audit Tool", supervision policy §10
//! "Monitoring", and the Supervision Audits row of the quality assurance table).

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "supervision-audit",
    title: "Supervision audit",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

const QUESTION: &[Out] = &[
    Out::new("number", "Question", T::Integer),
    Out::new("text", "Text", T::Text),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("answered", "Answers", T::Integer),
];
const FILE_TOTAL: &[Out] = &[
    Out::new("file", "File", T::Integer).describe("1 for the first file audited."),
    Out::new("index", "Row", T::Integer).describe("The file's row in the form's list."),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("answered", "Answers", T::Integer),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("files", "Files audited", T::Integer),
    Out::new("questions", "Questions", T::List(&T::Object(QUESTION))),
    Out::new("fileTotals", "Totals per file", T::List(&T::Object(FILE_TOTAL))),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("answered", "Answers", T::Integer),
    Out::new("overallPercent", "Yes overall", T::Integer).nullable().unit("percent"),
    Out::new("nextDue", "Next audit due", T::Date).nullable(),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data, ctx))
}

/// Whole percent, rounded half up; `None` when nothing is answered.
fn percent(yes: u32, answered: u32) -> Option<u32> {
    yes.checked_mul(100)?.checked_add(answered / 2)?.checked_div(answered)
}

/// Per question the yes count across files (by the seed's numbers), per file the yes total, the overall
/// percentage of yes among the answers given, and when the next audit is due.
fn outcome(data: &Map<String, Value>, ctx: &Ctx) -> Tree {
    let files = rules::files(data);
    let answer =
        |file: &Map<String, Value>, key: &str| read::object(file, "answers").and_then(|a| read::boolean(a, key));
    let mut questions = Vec::new();
    let (mut yes_all, mut answered_all) = (0u32, 0u32);
    for q in model::QUESTIONS {
        let answers: Vec<bool> = files.iter().filter_map(|(_, f)| answer(f, q.key)).collect();
        let yes = u32::try_from(answers.iter().filter(|a| **a).count()).unwrap_or(u32::MAX);
        let answered = u32::try_from(answers.len()).unwrap_or(u32::MAX);
        yes_all = yes_all.saturating_add(yes);
        answered_all = answered_all.saturating_add(answered);
        questions.push(json!({ "number": q.number, "text": q.text, "yes": yes, "answered": answered }));
    }
    let file_totals: Vec<Tree> = files
        .iter()
        .enumerate()
        .map(|(n, (i, f))| {
            let answers: Vec<bool> = model::QUESTIONS.iter().filter_map(|q| answer(f, q.key)).collect();
            let yes = u32::try_from(answers.iter().filter(|a| **a).count()).unwrap_or(u32::MAX);
            let answered = u32::try_from(answers.len()).unwrap_or(u32::MAX);
            json!({ "file": n.saturating_add(1), "index": *i, "yes": yes, "answered": answered })
        })
        .collect();
    let next_due = rules::next_due(read::date(data, "date"), ctx);
    json!({
        "files": files.len(),
        "questions": questions,
        "fileTotals": file_totals,
        "yes": yes_all,
        "answered": answered_all,
        "overallPercent": percent(yes_all, answered_all),
        "nextDue": next_due.map(calendar::format_date),
    })
}
