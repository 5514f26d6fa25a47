//! GOV.UK-style wording helpers. Messages name fields by their labels and never contain what the user typed.

use chrono::NaiveDate;

use crate::calendar;

/// "Date of birth" → "date of birth" (for the middle of a sentence), keeping acronyms ("SEND", "PSP") as they are.
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase() => label.to_owned(),
        (Some(a), _) => {
            let mut out: String = a.to_lowercase().collect();
            out.push_str(label.get(a.len_utf8()..).unwrap_or(""));
            out
        }
        _ => String::new(),
    }
}

/// "2 June 2025".
pub fn long_date(d: NaiveDate) -> String {
    calendar::format_long(d)
}

/// "1 domain" / "2 domains".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Escapes one key for a JSON Pointer (RFC 6901).
pub fn escape_key(key: &str) -> String {
    if key.contains(['~', '/']) {
        key.replace('~', "~0").replace('/', "~1")
    } else {
        key.to_owned()
    }
}
