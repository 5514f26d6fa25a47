//! Template placeholders left in a plan's text: "(PARENT/CARER'S NAMES)", "(PRACTITIONER NAME)", "(ADD NUMBER)" —
//! a bracketed token in capitals. A small hand-written scanner: the shape is fixed and simple, so no regex.
//!
//! Acronyms in brackets are common in plans ("National referral mechanism (NRM)", "(EIT)", "(MARAC)"), so a single
//! capitalised word of five letters or fewer counts as an acronym unless the template uses it as a placeholder
//! ("(CHILD)"); several words, a longer word, or a question mark ("(WEEKLY?)") count as a placeholder.

/// Single words of five letters or fewer that the template puts in brackets as placeholders.
const SHORT_PLACEHOLDER_WORDS: &[&str] =
    &["CHILD", "NAME", "NAMES", "HARM", "WORRY", "SAFE", "WELL", "DATE", "MUM", "DAD"];

/// Acronyms of six letters or more that may stand in brackets in a plan.
const LONG_ACRONYMS: &[&str] = &["CAFCASS", "SENDIASS"];

/// Longest bracketed text the scanner considers (the template's longest is "(CIN REVIEW/ COREGROUP/ CP CONFERENCE)").
const MAX_TOKEN: usize = 60;

/// Whether `text` holds a template placeholder.
pub fn has_placeholder(text: &str) -> bool {
    let mut token: Option<String> = None;
    for c in text.chars() {
        match c {
            '(' => token = Some(String::new()),
            ')' => {
                if token.take().is_some_and(|t| is_placeholder(&t)) {
                    return true;
                }
            }
            _ => {
                if let Some(t) = token.as_mut() {
                    if t.len() >= MAX_TOKEN {
                        token = None;
                    } else {
                        t.push(c);
                    }
                }
            }
        }
    }
    false
}

/// Characters a placeholder holds besides capital letters.
fn allowed_mark(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '/' | '\'' | '\u{2019}' | '-' | '?' | '&' | ',' | '.' | ':')
}

/// Whether the text between a pair of brackets is a placeholder.
fn is_placeholder(token: &str) -> bool {
    let t = token.trim();
    let has_letter = t.chars().any(char::is_alphabetic);
    let shaped = t.chars().all(|c| (c.is_alphabetic() && c.is_uppercase()) || allowed_mark(c));
    if !has_letter || !shaped {
        return false;
    }
    if t.contains('?') || t.contains(' ') {
        return true;
    }
    t.split('/').any(is_placeholder_word)
}

fn is_placeholder_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphabetic());
    let w = w.strip_suffix("'S").or_else(|| w.strip_suffix("\u{2019}S")).unwrap_or(w);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    SHORT_PLACEHOLDER_WORDS.contains(&w) || (letters >= 6 && !LONG_ACRONYMS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::has_placeholder;

    #[test]
    fn the_templates_placeholders_are_found() {
        for t in [
            "(PARENT/CARER'S NAMES) to find at least (ADD NUMBER) people",
            "(PRACTITIONER NAME) will complete the tool",
            "(PRACTITIONER'S NAME) to complete a tool",
            "keep the children (SAFE/WELL)",
            "in relation to the (HARM/WORRY)",
            "(PRACTITONER) will finalise the plan",
            "with (CHILDREN) to help",
            "for the (CHILD).",
            "leave a copy for (CHILD/FAMILY)",
            "1 x (CIN REVIEW/ COREGROUP/ CP CONFERENCE)",
            "every (INSERT TIMESCALE).",
            "Network meetings (WEEKLY?) but",
            "support from (CIN/CP PLAN) is ending",
            "support (FAMILY NETWORK LEAD) to take over",
            "(PARENT\u{2019}S NAME)",
        ] {
            assert!(has_placeholder(t), "{t}");
        }
    }

    #[test]
    fn ordinary_brackets_and_acronyms_are_not_placeholders() {
        for t in [
            "National referral mechanism (NRM) and the EIT",
            "a referral to MARAC (MARAC) and (CAMHS)",
            "(EIT) reviewed",
            "(CIN/CP) plan",
            "(Possible action) introduce a Safety Journal",
            "(CIN review/ Core group/CP conference)",
            "(Safety/Wellbeing) Plan",
            "(only to be added if family are struggling with this)",
            "Nan (maternal grandmother) visits",
            "(2)",
            "(CAFCASS)",
            "no brackets at all",
            "an unclosed (PRACTITIONER NAME",
            "",
        ] {
            assert!(!has_placeholder(t), "{t}");
        }
    }

    #[test]
    fn a_long_bracket_is_not_a_placeholder_and_scanning_continues_after_it() {
        let long = format!("({})", "A".repeat(100));
        assert!(!has_placeholder(&long));
        assert!(has_placeholder(&format!("{long} then (ADD NUMBER)")));
        // A bracket opened again restarts the token.
        assert!(has_placeholder("((PRACTITIONER NAME)"));
    }
}
