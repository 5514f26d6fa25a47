//! Case file audit — `case-audit` (002, "Standard Operating Procedures – Case File Audits Strengthening Families",
//! "ATTACHMENT ONE – CASE AUDIT TOOL"). The headline scoring form: 39 graded questions in six sections, the
//! limiting judgements, the auditors' own overall score, evidence checks from the case's dates and remedial actions.

pub mod model;
pub mod rules;
pub mod scoring;

use crate::engine::value::{Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree};
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

/// The audit's sections ([`SECTIONS`]), each labelled with its title.
const SECTION_IDS: [Code; SECTIONS.len()] = crate::codes_of!(SECTIONS, |s| (s.id, s.title));
const SECTION: &[Out] = &[
    Out::new("id", "Section", T::choice(&SECTION_IDS)),
    Out::new("title", "Title", T::Text),
    Out::new("questions", "Questions", T::Integer),
    Out::new("answered", "Answered", T::Integer),
    Out::new("notApplicable", "Not applicable", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("mean", "Mean grade", T::Number).nullable(),
    Out::new("grade", "Grade", T::Integer).nullable(),
];
/// The graded questions ([`QUESTIONS`]), each labelled with the seed's wording (its field's help).
#[allow(clippy::indexing_slicing)] // Evaluated at compile time: an index out of bounds fails the build, never a check.
const QUESTION_IDS: [Code; QUESTIONS.len()] = {
    let mut out = [code("", ""); QUESTIONS.len()];
    let mut i = 0;
    while i < out.len() {
        #[cfg(feature = "catalogue")]
        let text = QUESTIONS[i].text;
        #[cfg(not(feature = "catalogue"))]
        let text = "";
        out[i] = code(QUESTIONS[i].id, text);
        i += 1;
    }
    out
};
/// The limiting judgements (`scoring`), worded as the derivation words them.
const LIMITING: &[Code] = &[
    code("child-not-safe", "The auditors are not satisfied the child is safe"),
    code("life-not-improved", "The work has not improved the family’s life"),
];
const SUGGESTION: &[Out] = &[
    Out::new("question", "Question", T::choice(&QUESTION_IDS)),
    Out::new("suggested", "Suggested grade", T::Integer),
    Out::new("reason", "Reason", T::Text),
];

/// The outcome this form computes (see `engine::outcome`).
/// How the recorded overall grade compares with the suggested one (`scoring::agreement`), worded as the case audit
/// page words it (www/case-audit.js `agreementText`).
const AGREEMENT: &[Code] = &[
    code("same", "The same as the suggested grade"),
    code("within-one", "Within one grade of the suggested grade"),
    code("differs", "More than one grade from the suggested grade"),
];
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
    Out::new("limitingJudgements", "Limiting judgements", T::List(&T::choice(LIMITING))),
    Out::new("derivation", "How the grade was reached", T::List(&T::Text)),
    Out::new("recordedOverall", "Recorded overall grade", T::Integer).nullable(),
    Out::new("agreement", "Agreement", T::choice(AGREEMENT))
        .nullable()
        .describe("How the recorded overall grade compares with the suggested one."),
    Out::new("evidenceSuggestions", "Evidence suggestions", T::List(&T::Object(SUGGESTION))),
    Out::new("followUpDue", "Follow-up due", T::Date).nullable(),
    Out::new("completeness", "Completeness", T::Number)
        .unit("fraction")
        .describe("The share of the audit answered, from 0 to 1."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
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

/// The outcome, typed by its declared model (`OUTCOME`, `SECTION`, `SUGGESTION`): the engine writes the report's
/// JSON text from it directly, with no key allocated or hashed (BENCHMARKS.md, "Typed outcomes").
fn outcome(ctx: &Ctx, f: &rules::Facts, scores: scoring::Scores, suggestions: Vec<rules::Suggestion>) -> Tree {
    let sections = scores
        .sections
        .iter()
        .map(|s| {
            Tree::Object(
                SECTION,
                vec![
                    Tree::Text(s.section.id),
                    Tree::Text(s.section.title),
                    Tree::from(s.questions),
                    Tree::from(s.graded),
                    Tree::from(s.not_applicable),
                    Tree::from(s.unanswered),
                    Tree::from(s.mean.map(scoring::hundredths_number)),
                    Tree::from(s.grade),
                ],
            )
        })
        .collect();
    let evidence = suggestions
        .into_iter()
        .map(|s| {
            Tree::Object(SUGGESTION, vec![Tree::Text(s.question), Tree::from(s.suggested), Tree::String(s.reason)])
        })
        .collect();
    // No headline grade while any question is neither graded nor N/A: a grade from part of the answers reads as the
    // audit's finding (issue 16).
    let complete = scores.unanswered == 0;
    let headline = scores.suggested.filter(|_| complete);
    let agreement = f.recorded_overall.zip(headline).map(|(r, s)| scoring::agreement(r, s));
    Tree::Object(
        OUTCOME,
        vec![
            Tree::List(sections),
            Tree::from(scores.overall_mean.map(scoring::hundredths_number)),
            Tree::Bool(complete),
            Tree::from(scores.unanswered),
            Tree::from(headline),
            Tree::from(headline.and_then(model::grade_label)),
            Tree::List(scores.limiting.into_iter().map(Tree::Text).collect()),
            Tree::List(scores.derivation.into_iter().map(Tree::String).collect()),
            Tree::from(f.recorded_overall),
            Tree::from(agreement),
            Tree::List(evidence),
            Tree::from(rules::follow_up_due(ctx, f).map(calendar::format_date)),
            Tree::Float(completeness(f)),
        ],
    )
}
