//! Scoring the audit: section means and grades, the suggested overall grade, the limiting judgements and the
//! derivation that explains them. Integer arithmetic throughout, so a band edge is exact.
//!
//! A mean of `sum / count` is at most a band edge `e` (in hundredths) exactly when `100 × sum <= e × count`. With at
//! most 39 answers a mean above a half-grade edge is above it by at least 1/78, so banding the exact mean and banding
//! the mean rounded to two decimals always agree.

use super::model::{self, Question, Section, NOT_APPLICABLE, QUESTIONS, SECTIONS};

/// The upper edges of grades 1, 2 and 3, in hundredths of a grade (default 150, 250, 350); above the last is 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub max: [i64; 3],
}

impl Default for Bands {
    fn default() -> Self {
        Bands { max: [150, 250, 350] }
    }
}

impl Bands {
    /// The grade of a mean `sum / count` (`count > 0`).
    pub fn grade(&self, sum: i64, count: i64) -> u8 {
        let at_most = |edge: i64| match (sum.checked_mul(100), edge.checked_mul(count)) {
            (Some(left), Some(right)) => left <= right,
            _ => false,
        };
        let [one, two, three] = self.max;
        if at_most(one) {
            1
        } else if at_most(two) {
            2
        } else if at_most(three) {
            3
        } else {
            4
        }
    }

    /// "at most 1.5", "above 1.5 and at most 2.5", "above 3.5".
    pub fn describe(&self, grade: u8) -> String {
        let [one, two, three] = self.max.map(hundredths_short);
        match grade {
            1 => format!("at most {one}"),
            2 => format!("above {one} and at most {two}"),
            3 => format!("above {two} and at most {three}"),
            _ => format!("above {three}"),
        }
    }
}

/// `sum / count` in hundredths, rounded half up (`count > 0`).
pub fn mean_hundredths(sum: i64, count: i64) -> Option<i64> {
    let twice = count.checked_mul(2)?;
    sum.checked_mul(200)?.checked_add(count)?.checked_div(twice)
}

/// 186 → "1.86", 150 → "1.50".
pub fn hundredths_fixed(h: i64) -> String {
    let (whole, frac) = (h.div_euclid(100), h.rem_euclid(100));
    format!("{whole}.{frac:02}")
}

/// 150 → "1.5", 200 → "2", 175 → "1.75".
pub fn hundredths_short(h: i64) -> String {
    let s = hundredths_fixed(h);
    let s = s.trim_end_matches('0');
    s.trim_end_matches('.').to_owned()
}

/// Hundredths as a JSON number with two decimals (186 → 1.86).
pub fn hundredths_number(h: i64) -> f64 {
    hundredths_fixed(h).parse().unwrap_or(0.0)
}

/// One section's score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    pub section: Section,
    pub questions: usize,
    /// The 1–4 grades, in question order.
    pub grades: Vec<u8>,
    pub not_applicable: usize,
    pub unanswered: usize,
    /// The mean of the 1–4 grades, in hundredths; none when nothing is graded 1–4.
    pub mean: Option<i64>,
    pub grade: Option<u8>,
}

/// Every score the outcome shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub sections: Vec<SectionScore>,
    /// All 1–4 grades together.
    pub graded: usize,
    pub overall_mean: Option<i64>,
    /// The grade of the overall mean, before the limiting judgements.
    pub from_answers: Option<u8>,
    /// The grade the answers and the limiting judgements suggest (what AUD-005 compares with), also while
    /// questions are unanswered.
    pub suggested: Option<u8>,
    /// Questions neither graded nor marked N/A: while any is left, the audit is incomplete and its outcome gives no
    /// headline grade.
    pub unanswered: usize,
    pub limiting: Vec<&'static str>,
    pub derivation: Vec<String>,
}

fn sum_of(grades: &[u8]) -> i64 {
    grades.iter().fold(0i64, |acc, g| acc.saturating_add(i64::from(*g)))
}

fn count_of(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn label(grade: u8) -> &'static str {
    model::grade_label(grade).unwrap_or_default()
}

fn list(grades: &[u8]) -> String {
    grades.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")
}

/// Scores the answers. `answer` gives a question's grade 1–5 when one is recorded; `child_safe` and
/// `life_improved` are the yes (true) / no (false) answers.
pub fn score(
    answer: impl Fn(&Question) -> Option<u8>,
    child_safe: Option<bool>,
    life_improved: Option<bool>,
    bands: &Bands,
) -> Scores {
    let mut derivation = Vec::new();
    let mut sections = Vec::new();
    let mut all: Vec<u8> = Vec::new();
    for section in SECTIONS {
        let questions: Vec<&Question> = QUESTIONS.iter().filter(|q| q.section == section.id).collect();
        let answers: Vec<Option<u8>> = questions.iter().map(|q| answer(q)).collect();
        let grades: Vec<u8> = answers.iter().flatten().copied().filter(|g| *g != NOT_APPLICABLE).collect();
        let not_applicable = answers.iter().filter(|a| **a == Some(NOT_APPLICABLE)).count();
        let unanswered = answers.iter().filter(|a| a.is_none()).count();
        let (sum, count) = (sum_of(&grades), count_of(grades.len()));
        let mean = if grades.is_empty() { None } else { mean_hundredths(sum, count) };
        let grade = (!grades.is_empty()).then(|| bands.grade(sum, count));
        let title = section.title;
        derivation.push(match (grade, mean) {
            (Some(g), Some(m)) => format!(
                "{title}: grades {} ({} graded, {} N/A), mean {}, {}: grade {g} ({}).",
                list(&grades),
                grades.len(),
                not_applicable,
                hundredths_fixed(m),
                bands.describe(g),
                label(g)
            ),
            _ if not_applicable > 0 => {
                format!("{title}: every answer given is N/A ({not_applicable}), so the section has no grade.")
            }
            _ => format!("{title}: no grades yet."),
        });
        all.extend(&grades);
        sections.push(SectionScore {
            section: *section,
            questions: questions.len(),
            grades,
            not_applicable,
            unanswered,
            mean,
            grade,
        });
    }

    let (sum, count) = (sum_of(&all), count_of(all.len()));
    let overall_mean = if all.is_empty() { None } else { mean_hundredths(sum, count) };
    let from_answers = (!all.is_empty()).then(|| bands.grade(sum, count));
    derivation.push(match (from_answers, overall_mean) {
        (Some(g), Some(m)) => format!(
            "Overall: {} graded answers, mean {}, {}: grade {g} ({}).",
            all.len(),
            hundredths_fixed(m),
            bands.describe(g),
            label(g)
        ),
        _ => "Overall: no question is graded 1 to 4, so the answers give no grade.".to_owned(),
    });

    let mut suggested = from_answers;
    let mut limiting = Vec::new();
    if child_safe == Some(false) {
        limiting.push("child-not-safe");
        derivation.push(
            "Limiting judgement: the auditors are not satisfied the child is safe, so the suggested grade is 4 (Inadequate)."
                .to_owned(),
        );
        suggested = Some(4);
    }
    if life_improved == Some(false) {
        limiting.push("life-not-improved");
        derivation.push(match suggested {
            Some(g) if g < 3 => format!(
                "Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement): {g} becomes 3."
            ),
            Some(g) => format!(
                "Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement); {g} already is."
            ),
            None => "Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement) once questions are graded."
                .to_owned(),
        });
        suggested = suggested.map(|g| g.max(3));
    }
    let unanswered = sections.iter().fold(0usize, |acc, s| acc.saturating_add(s.unanswered));
    let total = QUESTIONS.len();
    derivation.push(match suggested {
        _ if unanswered > 0 => format!(
            "Incomplete: {unanswered} of {total} questions {} still to be graded or marked N/A, so there is no suggested overall grade yet.",
            if unanswered == 1 { "is" } else { "are" }
        ),
        Some(g) => format!("Suggested overall grade: {g} ({}).", label(g)),
        None => "No suggested overall grade yet.".to_owned(),
    });
    Scores { sections, graded: all.len(), overall_mean, from_answers, suggested, unanswered, limiting, derivation }
}

/// How the auditors' overall score compares with the suggested grade: `same`, `within-one` or `differs` (an
/// overall score of N/A is not a judgement, so it differs).
pub fn agreement(recorded: u8, suggested: u8) -> &'static str {
    if recorded == NOT_APPLICABLE {
        return "differs";
    }
    match recorded.abs_diff(suggested) {
        0 => "same",
        1 => "within-one",
        _ => "differs",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_are_exact() {
        let b = Bands::default();
        // 3 / 2 = 1.5 exactly: grade 1; 31 / 20 = 1.55: grade 2.
        assert_eq!(b.grade(3, 2), 1);
        assert_eq!(b.grade(31, 20), 2);
        assert_eq!(b.grade(5, 2), 2);
        assert_eq!(b.grade(7, 2), 3);
        assert_eq!(b.grade(71, 20), 4);
        assert_eq!(mean_hundredths(13, 7), Some(186));
        assert_eq!(mean_hundredths(1, 8), Some(13)); // 0.125 rounds half up
        assert_eq!(hundredths_fixed(186), "1.86");
        assert_eq!(hundredths_fixed(300), "3.00");
        assert_eq!(hundredths_short(150), "1.5");
        assert_eq!(hundredths_short(200), "2");
        assert!((hundredths_number(186) - 1.86).abs() < f64::EPSILON);
    }

    #[test]
    fn agreement_words() {
        assert_eq!(agreement(2, 2), "same");
        assert_eq!(agreement(3, 2), "within-one");
        assert_eq!(agreement(1, 3), "differs");
        assert_eq!(agreement(5, 4), "differs");
    }
}
