//! Case file audit — `case-audit` (002, "Standard Operating Procedures – Case File Audits Strengthening Families",
//! "ATTACHMENT ONE – CASE AUDIT TOOL"). The headline scoring form: 39 graded questions in six sections, the
//! limiting judgements, the auditors' own overall score, evidence checks from the case's dates and remedial actions.

pub mod model;
pub mod rules;
pub mod scoring;

use serde_json::{Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{Out, OutType as T};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub use model::{Question, QUESTIONS, SECTIONS};

pub static FORM: FormDef = FormDef {
    id: "case-audit",
    title: "Case file audit",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

const SECTION: &[Out] = &[
    Out::new("id", "Section", T::Text),
    Out::new("title", "Title", T::Text),
    Out::new("questions", "Questions", T::Integer),
    Out::new("answered", "Answered", T::Integer),
    Out::new("notApplicable", "Not applicable", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("mean", "Mean grade", T::Number).nullable(),
    Out::new("grade", "Grade", T::Integer).nullable(),
];
const SUGGESTION: &[Out] = &[
    Out::new("question", "Question", T::Text),
    Out::new("suggested", "Suggested grade", T::Integer),
    Out::new("reason", "Reason", T::Text),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("sections", "Sections", T::List(&T::Object(SECTION))),
    Out::new("overallMean", "Overall mean grade", T::Number).nullable(),
    Out::new("complete", "Every question answered", T::Bool)
        .describe("Every question is graded or marked N/A; until then there is no suggested overall grade."),
    Out::new("unansweredQuestions", "Questions still to answer", T::Integer)
        .describe("Questions neither graded nor marked N/A."),
    Out::new("suggestedOverall", "Suggested overall grade", T::Integer)
        .nullable()
        .describe("1 (outstanding) to 4 (inadequate); null until every question is graded or marked N/A."),
    Out::new("suggestedOverallLabel", "Suggested overall grade", T::Text).nullable(),
    Out::new("limitingJudgements", "Limiting judgements", T::List(&T::Text)),
    Out::new("derivation", "How the grade was reached", T::List(&T::Text)),
    Out::new("recordedOverall", "Recorded overall grade", T::Integer).nullable(),
    Out::new("agreement", "Agreement", T::Choice(&["same", "within-one", "differs"]))
        .nullable()
        .describe("How the recorded overall grade compares with the suggested one."),
    Out::new("evidenceSuggestions", "Evidence suggestions", T::List(&T::Object(SUGGESTION))),
    Out::new("followUpDue", "Follow-up due", T::Date).nullable(),
    Out::new("completeness", "Completeness", T::Number)
        .unit("fraction")
        .describe("The share of the audit answered, from 0 to 1."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Value> {
    let facts = rules::facts(data);
    let scores = scoring::score(&facts.grades, facts.child_safe, facts.life_improved, &rules::bands(ctx));
    let suggestions = rules::check(data, ctx, &facts, &scores);
    Some(outcome(ctx, &facts, scores, suggestions))
}

/// The things a submitted audit needs, counted for `completeness`: the six required header fields, the 39 grades,
/// the three yes/no answers and the auditors' overall score.
const HEADER_REQUIRED: [usize; 6] =
    [rules::AUDIT_TYPE, rules::AUDIT_DATE, rules::CASE_WORKER, rules::LLCS_NUMBER, rules::AUDITORS, rules::CASE_STATUS];
const YES_NO_QUESTIONS: [usize; 3] = [rules::CHILD_SAFE, rules::LIFE_IMPROVED, rules::DIRECT_OBSERVATION];

fn completeness(f: &rules::Facts) -> f64 {
    let header = HEADER_REQUIRED.iter().filter(|p| !read::is_blank(f.field(**p))).count();
    let yes_no = YES_NO_QUESTIONS
        .iter()
        .filter(|p| rules::object(f.field(**p)).and_then(|o| read::choice(o, "answer", model::YES_NO)).is_some())
        .count();
    let overall = usize::from(f.recorded_overall.is_some());
    let filled = header.saturating_add(rules::graded_questions(f)).saturating_add(yes_no).saturating_add(overall);
    let total =
        HEADER_REQUIRED.len().saturating_add(QUESTIONS.len()).saturating_add(YES_NO_QUESTIONS.len()).saturating_add(1);
    let (filled, total) = (i64::try_from(filled).unwrap_or(0), i64::try_from(total).unwrap_or(1));
    scoring::mean_hundredths(filled, total).map_or(0.0, scoring::hundredths_number)
}

/// A whole number as a JSON value.
fn count(n: usize) -> Value {
    Value::from(n)
}

/// A nullable value.
fn nullable<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

/// The outcome, built key by key in the declared order (`OUTCOME`): the same JSON as a `json!` object, without
/// copying the sections, the derivation and the suggestions through the serializer, which a keystroke in a live
/// session would pay for every time.
fn outcome(ctx: &Ctx, f: &rules::Facts, scores: scoring::Scores, suggestions: Vec<rules::Suggestion>) -> Value {
    let sections: Vec<Value> = scores
        .sections
        .iter()
        .map(|s| {
            let mut m = Map::with_capacity(SECTION.len());
            m.insert("id".to_owned(), Value::from(s.section.id));
            m.insert("title".to_owned(), Value::from(s.section.title));
            m.insert("questions".to_owned(), count(s.questions));
            m.insert("answered".to_owned(), count(s.graded));
            m.insert("notApplicable".to_owned(), count(s.not_applicable));
            m.insert("unanswered".to_owned(), count(s.unanswered));
            m.insert("mean".to_owned(), nullable(s.mean.map(scoring::hundredths_number)));
            m.insert("grade".to_owned(), nullable(s.grade));
            Value::Object(m)
        })
        .collect();
    let evidence: Vec<Value> = suggestions
        .into_iter()
        .map(|s| {
            let mut m = Map::with_capacity(SUGGESTION.len());
            m.insert("question".to_owned(), Value::from(s.question));
            m.insert("suggested".to_owned(), Value::from(s.suggested));
            m.insert("reason".to_owned(), Value::String(s.reason));
            Value::Object(m)
        })
        .collect();
    // No headline grade while any question is neither graded nor N/A: a grade from part of the answers reads as the
    // audit's finding (issue 16).
    let complete = scores.unanswered == 0;
    let headline = scores.suggested.filter(|_| complete);
    let agreement = f.recorded_overall.zip(headline).map(|(r, s)| scoring::agreement(r, s));
    let limiting = scores.limiting.iter().map(|l| Value::from(*l)).collect();
    let mut out = Map::with_capacity(OUTCOME.len());
    out.insert("sections".to_owned(), Value::Array(sections));
    out.insert("overallMean".to_owned(), nullable(scores.overall_mean.map(scoring::hundredths_number)));
    out.insert("complete".to_owned(), Value::Bool(complete));
    out.insert("unansweredQuestions".to_owned(), count(scores.unanswered));
    out.insert("suggestedOverall".to_owned(), nullable(headline));
    out.insert("suggestedOverallLabel".to_owned(), nullable(headline.and_then(model::grade_label)));
    out.insert("limitingJudgements".to_owned(), Value::Array(limiting));
    out.insert("derivation".to_owned(), Value::Array(scores.derivation.into_iter().map(Value::String).collect()));
    out.insert("recordedOverall".to_owned(), nullable(f.recorded_overall));
    out.insert("agreement".to_owned(), nullable(agreement));
    out.insert("evidenceSuggestions".to_owned(), Value::Array(evidence));
    out.insert("followUpDue".to_owned(), nullable(rules::follow_up_due(ctx, f).map(calendar::format_date)));
    out.insert("completeness".to_owned(), Value::from(completeness(f)));
    Value::Object(out)
}
