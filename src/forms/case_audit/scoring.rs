//! Scoring the audit: section means and grades, the suggested overall grade, the limiting judgements and the
//! derivation that explains them. Integer arithmetic throughout, so a band edge is exact.
//!
//! A mean of `sum / count` is at most a band edge `e` (in hundredths) exactly when `100 × sum <= e × count`. With at
//! most 39 answers a mean above a half-grade edge is above it by at least 1/78, so banding the exact mean and banding
//! the mean rounded to two decimals always agree.

use super::model::{self, Section, NOT_APPLICABLE, QUESTIONS, SECTIONS};
use crate::engine::messages::IntText;

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
        let mut out = String::new();
        self.push_description(&mut out, grade);
        out
    }

    /// [`Bands::describe`] written at the end of `out`.
    pub fn push_description(&self, out: &mut String, grade: u8) {
        let [one, two, three] = self.max;
        let (above, at_most) = match grade {
            1 => (None, Some(one)),
            2 => (Some(one), Some(two)),
            3 => (Some(two), Some(three)),
            _ => (Some(three), None),
        };
        if let Some(edge) = above {
            out.push_str("above ");
            push_hundredths_short(out, edge);
        }
        if let Some(edge) = at_most {
            out.push_str(if above.is_some() { " and at most " } else { "at most " });
            push_hundredths_short(out, edge);
        }
    }
}

/// `sum / count` in hundredths, rounded half up (`count > 0`).
pub fn mean_hundredths(sum: i64, count: i64) -> Option<i64> {
    let twice = count.checked_mul(2)?;
    sum.checked_mul(200)?.checked_add(count)?.checked_div(twice)
}

/// Writes a whole number in decimal (what `{n}` writes), without the formatting machinery: the engine's one integer
/// writer (`IntText`, as the report and the messages write theirs).
pub fn push_int(out: &mut String, n: i64) {
    IntText::default().push(out, n < 0, n.unsigned_abs());
}

/// 186 → "1.86", 150 → "1.50", written at the end of `out`; `short` leaves out trailing zeros and a bare point
/// (150 → "1.5", 200 → "2", 175 → "1.75").
fn push_hundredths(out: &mut String, h: i64, short: bool) {
    let (whole, frac) = (h.div_euclid(100), h.rem_euclid(100));
    push_int(out, whole);
    if short && frac == 0 {
        return;
    }
    out.push('.');
    push_int(out, frac / 10);
    if !(short && frac % 10 == 0) {
        push_int(out, frac % 10);
    }
}

/// [`hundredths_short`] written at the end of `out`.
pub fn push_hundredths_short(out: &mut String, h: i64) {
    push_hundredths(out, h, true);
}

/// 186 → "1.86", 150 → "1.50".
pub fn hundredths_fixed(h: i64) -> String {
    let mut out = String::new();
    push_hundredths(&mut out, h, false);
    out
}

/// 150 → "1.5", 200 → "2", 175 → "1.75".
pub fn hundredths_short(h: i64) -> String {
    let mut out = String::new();
    push_hundredths(&mut out, h, true);
    out
}

/// Hundredths as a JSON number with two decimals (186 → 1.86): the double nearest `h / 100`, which is what reading
/// the decimal text "1.86" gives (both round the same exact value correctly).
pub fn hundredths_number(h: i64) -> f64 {
    // Exact in a double below 2^53; hundredths of a grade or of a fraction are far smaller.
    if (0..=1 << 52).contains(&h) {
        h as f64 / 100.0
    } else {
        crate::engine::parse_float::parse_f64(&hundredths_fixed(h)).unwrap_or(0.0)
    }
}

/// One section's score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    pub section: Section,
    pub questions: usize,
    /// How many of its questions are graded 1–4.
    pub graded: usize,
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

fn count_of(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn label(grade: u8) -> &'static str {
    model::grade_label(grade).unwrap_or_default()
}

/// "mean 1.86, above 1.5 and at most 2.5: grade 2 (Good)." at the end of `out`.
fn push_mean_and_grade(out: &mut String, mean: i64, grade: u8, bands: &Bands) {
    out.push_str("mean ");
    push_hundredths(out, mean, false);
    out.push_str(", ");
    bands.push_description(out, grade);
    out.push_str(": grade ");
    push_int(out, i64::from(grade));
    out.push_str(" (");
    out.push_str(label(grade));
    out.push_str(").");
}

/// Scores the answers. `answers` are the questions' grades 1–5 when recorded, in the order of [`QUESTIONS`];
/// `child_safe` and `life_improved` are the yes (true) / no (false) answers.
pub fn score(
    answers: &[Option<u8>; model::QUESTION_COUNT],
    child_safe: Option<bool>,
    life_improved: Option<bool>,
    bands: &Bands,
) -> Scores {
    let section_of = &model::SECTION_OF;

    let mut derivation = Vec::with_capacity(SECTIONS.len().saturating_add(4));
    let mut sections = Vec::with_capacity(SECTIONS.len());
    let (mut all_sum, mut all_count) = (0i64, 0usize);
    for (place, section) in SECTIONS.iter().enumerate() {
        let mut line = String::with_capacity(128);
        line.push_str(section.title);
        line.push_str(": grades ");
        let (mut questions, mut sum, mut graded, mut not_applicable, mut unanswered) =
            (0usize, 0i64, 0usize, 0usize, 0usize);
        for answer in answers.iter().zip(section_of).filter(|(_, s)| usize::from(**s) == place).map(|(a, _)| *a) {
            questions = questions.saturating_add(1);
            match answer {
                None => unanswered = unanswered.saturating_add(1),
                Some(NOT_APPLICABLE) => not_applicable = not_applicable.saturating_add(1),
                Some(g) => {
                    if graded > 0 {
                        line.push_str(", ");
                    }
                    push_int(&mut line, i64::from(g));
                    sum = sum.saturating_add(i64::from(g));
                    graded = graded.saturating_add(1);
                }
            }
        }
        let count = count_of(graded);
        let mean = if graded == 0 { None } else { mean_hundredths(sum, count) };
        let grade = (graded > 0).then(|| bands.grade(sum, count));
        match (grade, mean) {
            (Some(g), Some(m)) => {
                line.push_str(" (");
                push_int(&mut line, count);
                line.push_str(" graded, ");
                push_int(&mut line, count_of(not_applicable));
                line.push_str(" N/A), ");
                push_mean_and_grade(&mut line, m, g, bands);
            }
            _ => {
                line.truncate(section.title.len());
                if not_applicable > 0 {
                    line.push_str(": every answer given is N/A (");
                    push_int(&mut line, count_of(not_applicable));
                    line.push_str("), so the section has no grade.");
                } else {
                    line.push_str(": no grades yet.");
                }
            }
        }
        derivation.push(line);
        all_sum = all_sum.saturating_add(sum);
        all_count = all_count.saturating_add(graded);
        sections.push(SectionScore { section: *section, questions, graded, not_applicable, unanswered, mean, grade });
    }

    let count = count_of(all_count);
    let overall_mean = if all_count == 0 { None } else { mean_hundredths(all_sum, count) };
    let from_answers = (all_count > 0).then(|| bands.grade(all_sum, count));
    derivation.push(match (from_answers, overall_mean) {
        (Some(g), Some(m)) => {
            let mut line = String::with_capacity(96);
            line.push_str("Overall: ");
            push_int(&mut line, count);
            line.push_str(" graded answers, ");
            push_mean_and_grade(&mut line, m, g, bands);
            line
        }
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
            Some(g) if g < 3 => crate::text!("Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement): ", g, " becomes 3."),
            Some(g) => crate::text!("Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement); ", g, " already is."),
            None => "Limiting judgement: the work has not improved the family's life, so the suggested grade can be no better than 3 (Requires improvement) once questions are graded."
                .to_owned(),
        });
        suggested = suggested.map(|g| g.max(3));
    }
    let unanswered = sections.iter().fold(0usize, |acc, s| acc.saturating_add(s.unanswered));
    let total = QUESTIONS.len();
    derivation.push(match suggested {
        _ if unanswered > 0 => crate::text!(
            "Incomplete: ",
            unanswered,
            " of ",
            total,
            " questions ",
            if unanswered == 1 { "is" } else { "are" },
            " still to be graded or marked N/A, so there is no suggested overall grade yet."
        ),
        Some(g) => {
            let mut line = String::with_capacity(48);
            line.push_str("Suggested overall grade: ");
            push_int(&mut line, i64::from(g));
            line.push_str(" (");
            line.push_str(label(g));
            line.push_str(").");
            line
        }
        None => "No suggested overall grade yet.".to_owned(),
    });
    Scores { sections, graded: all_count, overall_mean, from_answers, suggested, unanswered, limiting, derivation }
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
    fn each_question_is_scored_in_its_own_section() {
        // SECTION_OF is worked out at compile time; each question's place names the section its id says.
        for (q, s) in QUESTIONS.iter().zip(model::SECTION_OF) {
            assert_eq!(SECTIONS.get(usize::from(s)).map(|s| s.id), Some(q.section), "{}", q.id);
        }
        assert_eq!(model::SECTION_OF.len(), QUESTIONS.len());
    }

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

    /// The hand-written number text is what the formatting machinery wrote before: `{n}`, `{whole}.{frac:02}`
    /// trimmed of trailing zeros, and the decimal text read back as a double.
    #[test]
    fn number_text_as_formatted() {
        let fixed = |h: i64| format!("{}.{:02}", h.div_euclid(100), h.rem_euclid(100));
        let short = |h: i64| fixed(h).trim_end_matches('0').trim_end_matches('.').to_owned();
        let edges = [i64::MIN, i64::MIN + 1, -1_000_001, 1_000_001, i64::MAX - 1, i64::MAX];
        for h in (-2_000..=200_000).chain(edges) {
            assert_eq!(hundredths_fixed(h), fixed(h), "{h}");
            assert_eq!(hundredths_short(h), short(h), "{h}");
            let mut n = String::new();
            push_int(&mut n, h);
            assert_eq!(n, h.to_string());
            if (-2_000..=200_000).contains(&h) {
                let read: f64 = fixed(h).parse().unwrap();
                assert_eq!(hundredths_number(h).to_bits(), read.to_bits(), "{h}");
            }
        }
        let b = Bands { max: [150, 250, 350] };
        assert_eq!(b.describe(1), "at most 1.5");
        assert_eq!(b.describe(2), "above 1.5 and at most 2.5");
        assert_eq!(b.describe(3), "above 2.5 and at most 3.5");
        assert_eq!(b.describe(4), "above 3.5");
    }

    #[test]
    fn agreement_words() {
        assert_eq!(agreement(2, 2), "same");
        assert_eq!(agreement(3, 2), "within-one");
        assert_eq!(agreement(1, 3), "differs");
        assert_eq!(agreement(5, 4), "differs");
    }
}
