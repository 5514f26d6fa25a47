//! Lenient reading of what a person typed: dates (ISO text or GOV.UK date-input parts), numbers, yes/no answers,
//! email addresses, UK telephone numbers and postcodes. Each reader says what is wrong without repeating the input.
//!
//! The accessors at the end (`text`, `date`, `boolean`, ...) are what rules use: they return a value only when it is
//! present and well formed; the structural pass has already reported anything malformed.

use std::borrow::Cow;

use crate::engine::value::{same, Map, Value};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::calendar;
use crate::calendar::dates::iso_parts;
use crate::engine::parse_float::parse_f64;

/// Characters that a paste brings along and nobody means: zero-width spaces and joiners, word joiner, byte-order
/// mark, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Spaces other than U+0020 that a paste brings along (no-break, narrow no-break, figure space).
fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\t' | '\r' | '\n')
}

/// Whether text holds U+FFFD, the character a broken paste or a cut leaves (`s.contains('\u{FFFD}')`): its three
/// bytes EF BF BD looked for byte by byte. The standard library's search for a string pattern sets up a two-way
/// searcher on every call, which was 4% of a referral's check in the WebAssembly module (every text field is asked).
pub fn has_unreadable_char(s: &str) -> bool {
    // Plain ASCII text (most of what a form holds) has none: `is_ascii` reads it a word at a time.
    if s.is_ascii() {
        return false;
    }
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| rest.iter().position(|&b| b == 0xEF)) {
        let at = from.saturating_add(at);
        if bytes.get(at.saturating_add(1)..at.saturating_add(3)) == Some(&[0xBF, 0xBD][..]) {
            return true;
        }
        from = at.saturating_add(1);
    }
    false
}

/// Trims the text and removes invisible characters; odd spaces become plain spaces.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Fast path: plain ASCII text with no tabs or line breaks needs only trimming.
    if s.is_ascii() {
        let t = s.trim_ascii();
        if !t.bytes().any(|b| matches!(b, b'\t' | b'\r' | b'\n')) {
            return Cow::Borrowed(t);
        }
    }
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.chars().any(|c| is_invisible(c) || is_odd_space(c)) {
        let mut out = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            if is_invisible(c) {
                continue;
            }
            out.push(if is_odd_space(c) { ' ' } else { c });
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// Whether a value counts as not filled in: absent, null, blank text, a list with nothing in it but null or blank
/// text (`[]`, `[""]`: a list of names with one left empty names nobody), an object with every value blank, or a
/// date input with every part blank. A list holding a row (an object, even an empty one) is filled in: the row's
/// own fields say what it is missing.
pub fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => is_blank_text(s),
        Some(Value::Array(a)) => {
            a.iter().all(|x| !matches!(x, Value::Array(_) | Value::Object(_)) && is_blank(Some(x)))
        }
        Some(Value::Object(o)) => o.values().all(|x| is_blank(Some(x))),
        Some(_) => false,
    }
}

/// `clean(s).is_empty()`, without cleaning text that starts with a visible character (most filled-in text: `clean`
/// keeps such a first character in every case, so the answer is known from it).
fn is_blank_text(s: &str) -> bool {
    // A first byte that is a visible ASCII character (most text) is kept by `clean`, without decoding it.
    if s.as_bytes().first().is_some_and(|b| b.is_ascii_graphic()) {
        return false;
    }
    match s.chars().next() {
        None => true,
        Some(c) if !(c.is_whitespace() || is_invisible(c)) => false,
        Some(_) => clean(s).is_empty(),
    }
}

/// The parts of a date-and-time input, in the order of its boxes (a diagnostic's path may end in one).
pub const DATE_TIME_PARTS: [&str; 5] = ["day", "month", "year", "hour", "minute"];

/// The part of a GOV.UK date input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Day,
    Month,
    Year,
    Hour,
    Minute,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Day => "day",
            Part::Month => "month",
            Part::Year => "year",
            Part::Hour => "hour",
            Part::Minute => "minute",
        }
    }
}

/// What is wrong with a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// A date input with some parts missing (in day, month, year order).
    Incomplete(Vec<Part>),
    /// Not a real date; the part to highlight when one part is clearly at fault.
    NotReal(Option<Part>),
    /// The year is not four digits (two-digit years are never guessed).
    YearDigits,
    /// A real date outside the years the calendar knows.
    OutOfRange,
    /// Not text and not date-input parts.
    WrongType,
}

/// Reads a date: `"YYYY-MM-DD"` or `{ day, month, year }` (numbers or text; month names allowed). `Ok(None)` when
/// blank.
pub fn parse_date(v: &Value) -> Result<Option<NaiveDate>, DateProblem> {
    match v {
        Value::Null => Ok(None),
        // Text shaped `YYYY-MM-DD` (as a date picker or a host sends a date) is what `clean` leaves it, digits and
        // dashes only: read as it is. Cleaning first took half of each read, and a form reads its dates several
        // times (24 reads in a casework supervision check). The shape is checked and the digits read in one pass
        // (`iso_parts`): checking the shape, then parsing each part as text, was three times the instructions.
        Value::String(s) => match iso_parts(s.as_bytes()) {
            Some((y, m, d)) => make_date(y, m, d),
            None => {
                let s = clean(s);
                if s.is_empty() {
                    return Ok(None);
                }
                parse_iso(&s)
            }
        },
        Value::Object(parts) => parse_parts(parts),
        _ => Err(DateProblem::WrongType),
    }
}

fn parse_iso(s: &str) -> Result<Option<NaiveDate>, DateProblem> {
    let (y, m, d) = iso_parts(s.as_bytes()).ok_or(DateProblem::NotReal(None))?;
    make_date(y, m, d)
}

fn make_date(y: u32, m: u32, d: u32) -> Result<Option<NaiveDate>, DateProblem> {
    if !(1..=12).contains(&m) {
        return Err(DateProblem::NotReal(Some(Part::Month)));
    }
    if !(1..=31).contains(&d) {
        return Err(DateProblem::NotReal(Some(Part::Day)));
    }
    let year = i32::try_from(y).map_err(|_| DateProblem::YearDigits)?;
    let date = NaiveDate::from_ymd_opt(year, m, d).ok_or(DateProblem::NotReal(Some(Part::Day)))?;
    if !calendar::in_range(date) {
        return Err(DateProblem::OutOfRange);
    }
    Ok(Some(date))
}

/// A date part's text, cleaned: borrowed from the value unless cleaning changed it or it is a number (a date's parts
/// were copied into strings on every read, 1.3% of a referral's check in the WebAssembly module).
fn part_text<'a>(parts: &'a Map<String, Value>, key: &str) -> Result<Option<Cow<'a, str>>, ()> {
    match get(parts, key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let c = clean(s);
            Ok(if c.is_empty() { None } else { Some(c) })
        }
        Some(Value::Number(n)) => Ok(Some(Cow::Owned(crate::text!(n)))),
        Some(_) => Err(()),
    }
}

const MONTHS: [&str; 12] = [
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
];

/// A month as typed: 1–12 (leading zeros allowed), a full name or its first three letters ("Sept" too).
pub fn parse_month(s: &str) -> Option<u32> {
    if s.bytes().all(|c| c.is_ascii_digit()) {
        return if s.len() <= 2 { s.parse().ok().filter(|m| (1..=12).contains(m)) } else { None };
    }
    // ASCII lower-casing finds exactly what full lower-casing finds here: the month names are ASCII without a "k",
    // and the only non-ASCII character whose lower case is all ASCII is the Kelvin sign, "k"
    // (`tests::only_the_kelvin_sign_lowers_to_ascii`). It keeps the Unicode case tables out of the module.
    let lower = s.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    if lower == "sept" {
        return Some(9);
    }
    MONTHS.iter().zip(1u32..).find_map(|(name, n)| {
        let abbreviation = name.get(..3) == Some(lower);
        (*name == lower || abbreviation).then_some(n)
    })
}

fn digits(s: &str, max_len: usize) -> Option<u32> {
    (!s.is_empty() && s.len() <= max_len && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn parse_parts(parts: &Map<String, Value>) -> Result<Option<NaiveDate>, DateProblem> {
    let read = |k| part_text(parts, k).map_err(|()| DateProblem::WrongType);
    let (day, month, year) = (read("day")?, read("month")?, read("year")?);
    if day.is_none() && month.is_none() && year.is_none() {
        return Ok(None);
    }
    let missing: Vec<Part> = [(Part::Day, &day), (Part::Month, &month), (Part::Year, &year)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| p)
        .collect();
    if !missing.is_empty() {
        return Err(DateProblem::Incomplete(missing));
    }
    let (Some(day), Some(month), Some(year)) = (day, month, year) else {
        return Err(DateProblem::Incomplete(vec![]));
    };
    let d = digits(&day, 2).ok_or(DateProblem::NotReal(Some(Part::Day)))?;
    let m = parse_month(&month).ok_or(DateProblem::NotReal(Some(Part::Month)))?;
    if !year.bytes().all(|c| c.is_ascii_digit()) {
        return Err(DateProblem::NotReal(Some(Part::Year)));
    }
    if year.len() != 4 {
        return Err(DateProblem::YearDigits);
    }
    let y = digits(&year, 4).ok_or(DateProblem::YearDigits)?;
    make_date(y, m, d)
}

/// A value that is present but not of the field's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Reads a UK local date-time, `"YYYY-MM-DDTHH:MM"` or the parts of a GOV.UK date input with hour and minute
/// (`{ day, month, year, hour, minute }`). `Ok(None)` when blank; `Err(Malformed)` when malformed.
pub fn parse_datetime(v: &Value) -> Result<Option<NaiveDateTime>, Malformed> {
    parse_datetime_detail(v).map_err(|_| Malformed)
}

/// [`parse_datetime`], saying what is wrong: for parts, which part ([`Part::Hour`], [`Part::Minute`] or a date
/// part); for text, `NotReal(None)`.
pub fn parse_datetime_detail(v: &Value) -> Result<Option<NaiveDateTime>, DateProblem> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Ok(None);
            }
            calendar::parse_local_datetime(&s).map(Some).ok_or(DateProblem::NotReal(None))
        }
        Value::Object(parts) => parse_datetime_parts(parts),
        _ => Err(DateProblem::WrongType),
    }
}

fn parse_datetime_parts(parts: &Map<String, Value>) -> Result<Option<NaiveDateTime>, DateProblem> {
    let read = |k| part_text(parts, k).map_err(|()| DateProblem::WrongType);
    let (hour, minute) = (read("hour")?, read("minute")?);
    let date_parts = ["day", "month", "year"].iter().any(|k| !matches!(part_text(parts, k), Ok(None)));
    if hour.is_none() && minute.is_none() && !date_parts {
        return Ok(None);
    }
    // The date first (its own messages name day, month or year); a missing date part and a missing time part are
    // reported together, in the order of the boxes.
    let date = match parse_parts(parts) {
        Ok(d) => d,
        Err(DateProblem::Incomplete(mut missing)) => {
            missing.extend(
                [(Part::Hour, &hour), (Part::Minute, &minute)].iter().filter(|(_, v)| v.is_none()).map(|(p, _)| *p),
            );
            return Err(DateProblem::Incomplete(missing));
        }
        Err(e) => return Err(e),
    };
    let missing: Vec<Part> =
        [(Part::Hour, &hour), (Part::Minute, &minute)].iter().filter(|(_, v)| v.is_none()).map(|(p, _)| *p).collect();
    if date.is_none() || !missing.is_empty() {
        let mut all = if date.is_none() { vec![Part::Day, Part::Month, Part::Year] } else { vec![] };
        all.extend(missing);
        return Err(DateProblem::Incomplete(all));
    }
    let (Some(date), Some(hour), Some(minute)) = (date, hour, minute) else {
        return Err(DateProblem::Incomplete(vec![]));
    };
    let h = digits(&hour, 2).filter(|h| *h <= 23).ok_or(DateProblem::NotReal(Some(Part::Hour)))?;
    let m = digits(&minute, 2).filter(|m| *m <= 59).ok_or(DateProblem::NotReal(Some(Part::Minute)))?;
    let time = chrono::NaiveTime::from_hms_opt(h, m, 0).ok_or(DateProblem::NotReal(Some(Part::Hour)))?;
    Ok(Some(date.and_time(time)))
}

/// Reads a number: a JSON number, or text of plain decimal digits (an optional minus and decimal point; no
/// exponent, no plus sign, no non-ASCII digits). `Ok(None)` when blank.
pub fn parse_number(v: &Value) -> Result<Option<f64>, Malformed> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_f64().filter(|x| x.is_finite()).map(Some).ok_or(Malformed),
        Value::String(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Ok(None);
            }
            let body = s.strip_prefix('-').unwrap_or(&s);
            let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
            let ok = !int.is_empty()
                && !frac.is_empty()
                && int.len() <= 15
                && int.bytes().all(|c| c.is_ascii_digit())
                && frac.bytes().all(|c| c.is_ascii_digit());
            if !ok {
                return Err(Malformed);
            }
            parse_f64(&s).filter(|x| x.is_finite()).map(Some).ok_or(Malformed)
        }
        _ => Err(Malformed),
    }
}

/// Reads a yes/no answer. `Ok(None)` when blank.
pub fn parse_bool(v: &Value) -> Result<Option<bool>, Malformed> {
    match v {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        Value::String(s) => match clean(s).to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "yes" => Ok(Some(true)),
            "false" | "no" => Ok(Some(false)),
            _ => Err(Malformed),
        },
        _ => Err(Malformed),
    }
}

/// An email address in the usual form `name@example.com` (no regex: the check is small and fixed).
pub fn is_email(s: &str) -> bool {
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        // Two dots in a row, looked for byte by byte: `str::contains` with a text to find compiles its two-way
        // searcher (about 1.5 kB of WebAssembly in every module, for this one search).
        && !local.as_bytes().windows(2).any(|w| matches!(w, [b'.', b'.']))
        && local.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    '!' | '#' | '$' | '%' | '&' | '\'' | '*' | '+' | '/' | '=' | '?' | '^' | '_' | '`' | '{' | '|' | '}' | '~'
                        | '.' | '-'
                )
        });
    // The labels in one pass (no list of them is built): each well formed, at least two, the last alphabetic.
    let (mut labels, mut last) = (0usize, "");
    let domain_ok = domain.split('.').all(|l| {
        labels = labels.saturating_add(1);
        last = l;
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    }) && labels >= 2
        && last.chars().count() >= 2
        && last.chars().all(char::is_alphabetic);
    local_ok && domain_ok
}

/// A UK telephone number: 10 or 11 digits starting with 0, or +44 / 0044 followed by 9 or 10 digits (an optional
/// "(0)" after the country code). Spaces, hyphens, dots and brackets are ignored.
pub fn is_uk_phone(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
    let national = if let Some(rest) = compact.strip_prefix("+44").or_else(|| compact.strip_prefix("0044")) {
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        crate::text!("0", rest)
    } else {
        compact
    };
    national.starts_with('0')
        && (10..=11).contains(&national.len())
        && national.bytes().all(|c| c.is_ascii_digit())
        && !national.starts_with("00")
}

/// A UK postcode, case and spaces ignored: outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA);
/// also GIR 0AA.
pub fn is_uk_postcode(s: &str) -> bool {
    let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if c.iter().collect::<String>() == "GIR0AA" {
        return true;
    }
    if !(5..=7).contains(&c.len()) {
        return false;
    }
    let (outward, inward) = c.split_at(c.len().saturating_sub(3));
    let a = |x: &char| x.is_ascii_uppercase();
    let n = |x: &char| x.is_ascii_digit();
    let inward_ok = matches!(inward, [d, x, y] if n(d) && a(x) && a(y));
    let outward_ok = match outward {
        [x, d] => a(x) && n(d),
        [x, y, z] => a(x) && ((n(y) && n(z)) || (a(y) && n(z)) || (n(y) && a(z))),
        [w, x, y, z] => a(w) && a(x) && n(y) && (n(z) || a(z)),
        _ => false,
    };
    inward_ok && outward_ok
}

/// Counts text length as a browser does (UTF-16 code units), so `maxlength` and the server agree.
pub fn text_length(s: &str) -> usize {
    s.encode_utf16().count()
}

// ---- Accessors for rules: a value only when present and well formed. ----

/// The value at `key`. A form's objects are small: the engine's map compares the keys in turn, which is quicker than
/// hashing the key, and gives the same value, as keys are unique. Not inlined: the forms' rules call it at about 500
/// places, and the search inlined at each made every module larger.
#[inline(never)]
pub fn get<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key)
}

/// The field, unless absent or null.
pub fn field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    get(obj, key).filter(|v| !v.is_null())
}

/// A nested object field.
pub fn object<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    get(obj, key).and_then(Value::as_object)
}

/// Non-blank text, cleaned.
pub fn text<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<Cow<'a, str>> {
    match get(obj, key) {
        Some(Value::String(s)) => Some(clean(s)).filter(|c| !c.is_empty()),
        _ => None,
    }
}

/// A well-formed date.
pub fn date(obj: &Map<String, Value>, key: &str) -> Option<NaiveDate> {
    get(obj, key).and_then(|v| parse_date(v).ok().flatten())
}

/// A well-formed local date-time.
pub fn datetime(obj: &Map<String, Value>, key: &str) -> Option<NaiveDateTime> {
    get(obj, key).and_then(|v| parse_datetime(v).ok().flatten())
}

/// A yes/no answer.
pub fn boolean(obj: &Map<String, Value>, key: &str) -> Option<bool> {
    get(obj, key).and_then(|v| parse_bool(v).ok().flatten())
}

/// A number.
pub fn number(obj: &Map<String, Value>, key: &str) -> Option<f64> {
    get(obj, key).and_then(|v| parse_number(v).ok().flatten())
}

/// One of the allowed values.
pub fn choice<'a>(obj: &'a Map<String, Value>, key: &str, allowed: &[&str]) -> Option<Cow<'a, str>> {
    text(obj, key).filter(|t| allowed.iter().any(|a| same(a, t)))
}

/// A list's items (empty when absent or not a list), cut at the model's limit.
pub fn list<'a>(obj: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    let items = get(obj, key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let max = usize::try_from(super::model::LIST_MAX).unwrap_or(usize::MAX);
    items.get(..max).unwrap_or(items)
}

/// The day of the month, for messages.
pub fn day_of(d: NaiveDate) -> u32 {
    d.day()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_blank_when_it_holds_nothing_but_null_or_blank_text() {
        let v = |j: serde_json::Value| Value::from(j);
        for blank in [serde_json::json!([]), serde_json::json!([""]), serde_json::json!([" ", null, "\u{200b}"])] {
            assert!(is_blank(Some(&v(blank.clone()))), "{blank}");
        }
        for filled in [
            serde_json::json!(["A"]),
            serde_json::json!(["", "A"]),
            serde_json::json!([{}]),
            serde_json::json!([0]),
            serde_json::json!([false]),
            serde_json::json!([[]]),
        ] {
            assert!(!is_blank(Some(&v(filled.clone()))), "{filled}");
        }
    }

    #[test]
    fn email_addresses_in_the_usual_form() {
        for ok in ["name@example.com", "a.b@example.co.uk", "o'neil+cases@council.gov.uk", "x@a-b.org", "é@exemple.fr"]
        {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "name",
            "name@",
            "@example.com",
            "name@example",
            "name@example.c",
            "a..b@example.com",
            "..@example.com",
            ".a@example.com",
            "a.@example.com",
            "a b@example.com",
            "a@-example.com",
            "a@example-.com",
            "a@example..com",
            "a@example.c0m",
            "a\u{7}@example.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        // Two dots in a row anywhere in the name part, and only there.
        assert!(!is_email("ab..c@example.com") && is_email("a.b.c@example.com"));
    }

    /// The byte search answers as `str::contains` does, for texts built from pieces that hold the character, parts
    /// of its bytes (another character that starts with EF, or ends in BD), at every place and length.
    #[test]
    fn the_unreadable_character_is_found_as_contains_finds_it() {
        let pieces = [
            "", "a", "\u{FFFD}", "\u{FFFC}", "\u{FEFF}", "\u{F7FD}", "\u{7FD}", "\u{3FFD}", "é", "\u{FFFF}", "abcdefgh",
        ];
        let mut rng = crate::engine::test_rng::Rng(0x5eed_fffd);
        let mut checked = 0;
        for _ in 0..20_000 {
            let n = rng.below(6);
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(pieces.get(usize::try_from(rng.below(pieces.len() as u64)).unwrap()).unwrap());
            }
            assert_eq!(has_unreadable_char(&s), s.contains('\u{FFFD}'), "{s:?}");
            checked += usize::from(s.contains('\u{FFFD}'));
        }
        assert!(checked > 1_000, "the samples hold the character often enough ({checked})");
    }

    /// The shortcut gives `clean(s).is_empty()` for every text, the odd ones included (a vertical tab alone is not
    /// trimmed by the ASCII path; with a tab beside it, it is).
    #[test]
    fn blank_text_is_what_clean_leaves_empty() {
        let parts = ["", " ", "a", "\u{0B}", "\t", "\n", "\u{A0}", "\u{200B}", "\u{FEFF}", "é", "\u{2007}", "x y"];
        let mut texts = vec![String::new()];
        for a in parts {
            for b in parts {
                for c in parts {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for t in &texts {
            assert_eq!(is_blank_text(t), clean(t).is_empty(), "{t:?}");
        }
    }

    /// Why `parse_month` may lower-case as ASCII: of every character beyond ASCII, only the Kelvin sign has a lower
    /// case made of ASCII alone ("k", which no month name holds), so no other text can become a month name.
    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii() {
        let to_ascii: Vec<char> =
            (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.to_lowercase().all(|l| l.is_ascii())).collect();
        assert_eq!(to_ascii, vec!['\u{212A}']);
        assert!(MONTHS.iter().all(|m| m.is_ascii() && !m.contains('k')));
    }

    #[test]
    fn months_read_in_any_case() {
        for (text, month) in
            [("March", Some(3)), ("SEPT.", Some(9)), ("sEp", Some(9)), ("dec", Some(12)), ("07", Some(7))]
        {
            assert_eq!(parse_month(text), month, "{text}");
        }
        for text in ["Mär", "\u{212A}", "JUNE\u{130}", "Ma", "13", "001"] {
            assert_eq!(parse_month(text), None, "{text}");
        }
    }
}
