//! Small scanners for a child's details in text that should name no child: a name-like pair of words and a case
//! number. No regular expressions: both patterns are small and fixed, and the scanners never allocate more than one
//! lower-cased word at a time.

/// Capitalised words that are common in supervision notes and are not names: roles, services, systems, kinds of
/// place, months and days, and words that start a sentence. A pair of capitalised words is name-like only when
/// neither is one of these nor one of the council's own place words, which are its profile's data (its name, its
/// localities and teams: [`crate::engine::profile::Effective::place_words`]), never written here.
use crate::engine::case;

const NOT_NAMES: &[&str] = &[
    // Roles, teams and services.
    "team",
    "teams",
    "leader",
    "leaders",
    "senior",
    "seniors",
    "practitioner",
    "practitioners",
    "assistant",
    "assistants",
    "manager",
    "managers",
    "management",
    "service",
    "services",
    "delivery",
    "worker",
    "workers",
    "social",
    "work",
    "family",
    "families",
    "connect",
    "strengthening",
    "early",
    "help",
    "safeguarding",
    "hub",
    "locality",
    "localities",
    "business",
    "support",
    "officer",
    "ambassador",
    "ambassadors",
    "volunteer",
    "specialist",
    "sdm",
    "duty",
    // Plans, meetings and processes.
    "child",
    "children",
    "protection",
    "plan",
    "plans",
    "need",
    "needs",
    "in",
    "care",
    "case",
    "cases",
    "caseload",
    "review",
    "reviews",
    "conference",
    "core",
    "group",
    "groups",
    "meeting",
    "meetings",
    "circle",
    "circles",
    "assessment",
    "assessments",
    "supervision",
    "audit",
    "audits",
    "workbook",
    "programme",
    "step",
    "up",
    "down",
    "pods",
    "pod",
    "systemic",
    "consultation",
    "incredible",
    "years",
    "training",
    "health",
    "safety",
    "holidays",
    "holiday",
    "toil",
    "flexi",
    "agenda",
    "roles",
    "responsibilities",
    "return",
    "home",
    "interview",
    // Systems, places and organisations.
    "protocol",
    "liquid",
    "logic",
    "lcs",
    "sharepoint",
    "council",
    "court",
    "police",
    "school",
    "schools",
    "college",
    "nursery",
    "gp",
    "hospital",
    "nhs",
    "camhs",
    "local",
    "authority",
    "office",
    // Months and days.
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    // Words that start a sentence or a note.
    "the",
    "a",
    "an",
    "all",
    "any",
    "no",
    "yes",
    "see",
    "please",
    "discussed",
    "recorded",
    "agreed",
    "reviewed",
    "updated",
    "update",
    "action",
    "actions",
    "decision",
    "decisions",
    "new",
    "next",
    "notes",
    "note",
    "on",
    "for",
    "with",
    "and",
    "to",
    "of",
    "by",
    "at",
    "as",
    "from",
    "i",
    "we",
    "it",
    "this",
    "each",
    "every",
    "none",
    "nothing",
    "refer",
    "referred",
    "referral",
    "complete",
    "completed",
    "ongoing",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// A word as it stands between spaces, with surrounding punctuation noted.
struct Token<'a> {
    word: &'a str,
    /// Punctuation (other than a possessive) ends the phrase after this word: "Smith, Jones" is not one name.
    ends_phrase: bool,
}

fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_whitespace().map(|raw| {
        let ends_phrase = raw.ends_with(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '-');
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        Token { word, ends_phrase }
    })
}

/// The word without a possessive ending ("Smith's" → "Smith").
fn stem(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's')), Some((i, c))) if is_apostrophe(c) => word.get(..i).unwrap_or(word),
        _ => word,
    }
}

/// Whether a lower-case word is a common word of the service or one of the council's place words; a hyphenated
/// word is when each of its parts is ("Brightwell-Priory", "Step-Down").
fn is_common(lower: &str, place: &impl Fn(&str) -> bool) -> bool {
    let one = |w: &str| NOT_NAMES.contains(&w) || place(w);
    one(lower) || (lower.contains('-') && lower.split('-').all(|part| !part.is_empty() && one(part)))
}

/// A capitalised word that could be part of a name: an upper-case letter, then letters with at least one lower-case
/// one (so "CP" and "CIN" are not), apostrophes and hyphens allowed inside ("O'Neil", "Smith-Jones"), and not a
/// common capitalised word of the service or a place word of the council (`place`, given a lower-case word).
fn is_name_like(word: &str, place: &impl Fn(&str) -> bool) -> bool {
    let word = stem(word);
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let mut lower = false;
    for c in chars {
        if c.is_lowercase() {
            lower = true;
        } else if !(c.is_alphabetic() || c == '-' || is_apostrophe(c)) {
            return false;
        }
    }
    lower && !is_common(&case::lower_key(word), place)
}

/// Whether the lower-case word `lower` is one of `words` (written in any case), compared letter by letter without
/// making a lower-case copy of each.
pub fn is_one_of(lower: &str, words: &[String]) -> bool {
    words.iter().any(|w| case::same_ignoring_case(w, lower))
}

/// Whether the text has two name-like words in a row ("Jane Smith", "Mrs Smith"). `place` tells whether a lower-case
/// word is one of the council's own place words (its profile's name, localities and teams), which are not names.
pub fn has_name(text: &str, place: impl Fn(&str) -> bool) -> bool {
    let mut previous_name_like = false;
    for token in tokens(text) {
        let name_like = is_name_like(token.word, &place);
        if previous_name_like && name_like {
            return true;
        }
        previous_name_like = name_like && !token.ends_phrase;
    }
    false
}

/// Whether the text has a run of at least `digits` ASCII digits (a case number such as a Liquid Logic number).
pub fn has_case_number(text: &str, digits: usize) -> bool {
    let mut run = 0usize;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run = run.saturating_add(1);
            if run >= digits.max(1) {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Under a profile with no place words (`default`).
    fn has_name_here(text: &str) -> bool {
        has_name(text, |_| false)
    }

    #[test]
    fn names() {
        assert!(has_name_here("Discussed Jane Smith and the plan"));
        assert!(has_name_here("Mrs O'Neil to be seen"));
        assert!(has_name_here("see Amy Smith-Jones's plan"));
        assert!(has_name_here("Jayden Smith’s school"));
        assert!(!has_name_here("All cases discussed; decisions recorded on Protocol"));
        assert!(!has_name_here("Discussed with Team Leader in Family Connect"));
        assert!(!has_name_here("CP CIN reviewed"));
        assert!(!has_name_here("Smith, Jones"));
        assert!(!has_name_here("Recorded on Protocol. Next review"));
        assert!(!has_name_here(""));
    }

    #[test]
    fn place_words_compare_in_any_case() {
        let words = vec!["Brightwell".to_owned(), "MÔN".to_owned(), "priory".to_owned()];
        assert!(is_one_of("brightwell", &words));
        assert!(is_one_of("môn", &words));
        assert!(is_one_of("priory", &words));
        assert!(!is_one_of("bright", &words));
        assert!(!is_one_of("brightwells", &words));
        assert!(!is_one_of("smith", &[]));
    }

    #[test]
    fn a_councils_place_words_are_not_names() {
        // A fictional council's words (its name and localities).
        let places = ["brightwell", "priory", "north", "vale"];
        let place = |w: &str| places.contains(&w);
        // Not compiled in: without the profile's words, a place is a capitalised pair like any.
        assert!(has_name_here("Met at Brightwell Priory office"));
        assert!(has_name_here("North Vale cases"));
        assert!(!has_name("Met at Brightwell Priory office", place));
        assert!(!has_name("North Vale cases", place));
        assert!(!has_name("Brightwell-Priory's Panel", place));
        // A hyphenated word of common words is not a name either; one with a name in it is.
        assert!(!has_name_here("Step-Down Panel"));
        assert!(has_name_here("Smith-Jones Panel"));
        // A name next to a place, or hyphenated with one, is still a name.
        assert!(has_name("Jane Smith at Brightwell Priory", place));
        assert!(has_name("North Vale: Jane Smith-Priory", place));
        assert!(has_name("Jane Priory-Smith", place));
    }

    #[test]
    fn case_numbers() {
        assert!(has_case_number("LCS 1234567 discussed", 6));
        assert!(has_case_number("123456", 6));
        assert!(!has_case_number("12345 and 67890", 6));
        assert!(!has_case_number("3 cases, 12 actions", 6));
        assert!(!has_case_number("١٢٣٤٥٦٧", 6));
    }
}
