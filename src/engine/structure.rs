//! The structural pass: walks the data against the form's model and reports, at each field, a wrong type, an
//! impossible date, an unknown option, text too long, a missing required field. Rules then read only well-formed
//! values.

use crate::engine::value::{same, same_here, Map, Value};

use super::catalogue::required_id;
use super::context::Ctx;
use super::messages::Template;
use super::messages::{escape_key, lower_first, Message};
use super::model::{Check, Field, Kind, LIST_MAX};
use super::read::{self, DateProblem, Part};
use super::report::Severity;
use super::rule::{Cite, Kind as RuleKind, Rule, CONVENTIONS};
use crate::msg;

const SECTION: &str = "Conventions for every form";

macro_rules! input_rule {
    ($id:ident, $code:literal, $name:literal, $sev:ident, $summary:literal) => {
        pub static $id: Rule = Rule {
            code: $code,
            #[cfg(feature = "catalogue")]
            name: $name,
            severity: Severity::$sev,
            kind: RuleKind::Check,
            paths: &["*"],
            #[cfg(feature = "catalogue")]
            summary: $summary,
            #[cfg(feature = "catalogue")]
            cite: Cite::same(CONVENTIONS, SECTION),
            #[cfg(feature = "catalogue")]
            quote: "A field of the wrong type (a number where a date belongs, \"2026-02-30\") is a diagnostic at that field's path, and the rest of the form is still checked.",
            params: &[],
            presence: &[],
            rows: &[],
        };
    };
}
#[cfg(not(feature = "catalogue"))]
const _: Cite = Cite::same(CONVENTIONS, SECTION);

input_rule!(
    WRONG_TYPE,
    "INP-001",
    "wrong-type",
    Error,
    "A field holds a value of the wrong kind (a list where text belongs, a number where a date belongs)."
);
input_rule!(DATE_INCOMPLETE, "INP-002", "date-incomplete", Error, "A date input has a day, month or year missing.");
input_rule!(
    DATE_NOT_REAL,
    "INP-003",
    "date-not-real",
    Error,
    "A date is not a real date (30 February, a month 13, text that is not a date)."
);
input_rule!(
    YEAR_DIGITS,
    "INP-004",
    "year-not-four-digits",
    Error,
    "A year is not written with 4 numbers; two-digit years are never guessed."
);
input_rule!(
    DATE_OUT_OF_RANGE,
    "INP-005",
    "date-out-of-range",
    Error,
    "A date is outside the years the calendar knows (1900 to 2199)."
);
input_rule!(
    UNKNOWN_OPTION,
    "INP-006",
    "unknown-option",
    Error,
    "A choice field holds a value that is not one of its options."
);
input_rule!(
    TEXT_TOO_LONG,
    "INP-007",
    "text-too-long",
    Error,
    "Text is longer than the field takes (counted in UTF-16 code units, as browsers count)."
);
input_rule!(
    NOT_A_NUMBER,
    "INP-008",
    "not-a-number",
    Error,
    "A number field holds something that is not a number, or not a whole number where one is needed."
);
input_rule!(NUMBER_OUT_OF_RANGE, "INP-009", "number-out-of-range", Error, "A number is outside the field's range.");
input_rule!(EMAIL_FORMAT, "INP-010", "email-format", Error, "An email address is not in the correct format.");
input_rule!(PHONE_FORMAT, "INP-011", "phone-format", Error, "A telephone number is not a UK telephone number.");
input_rule!(POSTCODE_FORMAT, "INP-012", "postcode-format", Error, "A postcode is not a real UK postcode.");
input_rule!(
    UNREADABLE,
    "INP-013",
    "unreadable-character",
    Error,
    "Text contains a character that cannot be read (a broken character from a paste, or nesting too deep to keep)."
);
input_rule!(
    TOO_MANY_ROWS,
    "INP-014",
    "too-many-rows",
    Error,
    "A list has more rows than the form takes; only the first rows are checked."
);
input_rule!(
    UNRECOGNISED_FIELDS,
    "INP-015",
    "unrecognised-fields",
    Info,
    "An object has fields that the form does not have; they are kept but not checked."
);
input_rule!(
    DATETIME_INVALID,
    "INP-016",
    "datetime-not-real",
    Error,
    "A date and time is not a real date and time written YYYY-MM-DDTHH:MM."
);
input_rule!(
    TOO_LARGE,
    "INP-017",
    "form-too-large",
    Error,
    "The form is larger than the engine reads (64 MB); nothing else was checked."
);

/// The rules every form shares, listed after each form's own.
pub static INPUT_RULES: &[&Rule] = &[
    &WRONG_TYPE,
    &DATE_INCOMPLETE,
    &DATE_NOT_REAL,
    &YEAR_DIGITS,
    &DATE_OUT_OF_RANGE,
    &UNKNOWN_OPTION,
    &TEXT_TOO_LONG,
    &NOT_A_NUMBER,
    &NUMBER_OUT_OF_RANGE,
    &EMAIL_FORMAT,
    &PHONE_FORMAT,
    &POSTCODE_FORMAT,
    &UNREADABLE,
    &TOO_MANY_ROWS,
    &UNRECOGNISED_FIELDS,
    &DATETIME_INVALID,
    &TOO_LARGE,
];

/// Checks the whole form against its model. `required` is the form's rule for missing required fields.
pub fn check(fields: &'static [Field], data: &Map<String, Value>, required: &Rule, ctx: &mut Ctx) {
    let mut path = String::new();
    check_object(fields, data, required, &mut path, ctx);
}

/// Checks one field of an object (what [`check`] does for each field in turn, so a live session can check again
/// only the field an edit changed). `path` is the object's path; it is left as it was.
pub fn check_field(field: &Field, obj: &Map<String, Value>, required: &Rule, path: &mut String, ctx: &mut Ctx) {
    check_field_value(field, read::get(obj, field.name), required, path, ctx);
}

/// [`check_field`] given the field's value (`None`: absent), found by the caller ([`field_values`]).
pub fn check_field_value(field: &Field, value: Option<&Value>, required: &Rule, path: &mut String, ctx: &mut Ctx) {
    let len = path.len();
    path.push('/');
    path.push_str(field.name);
    if read::is_blank(value) {
        if let Some(text) = field.required_message() {
            ctx.emit(required, path.as_str(), Message::with_id(required_id(required.code, path), text));
        }
    } else if let Some(v) = value {
        check_value(field.label, &field.kind, v, required, path, ctx);
        if field.local || matches!(field.kind, Kind::Enum(_)) {
            check_listed(field.label, v, path, ctx);
        }
    }
    path.truncate(len);
}

/// A choice field or local list for which the council's profile lists the values: the value must be one of them.
fn check_listed(label: &str, v: &Value, path: &str, ctx: &mut Ctx) {
    let Some(allowed) = ctx.allowed(path) else { return };
    let Value::String(s) = v else { return };
    let c = read::clean(s);
    if c.is_empty() || allowed.iter().any(|a| a.as_str() == c.as_ref()) || ctx.has_finding_at(path) {
        return;
    }
    ctx.emit(&UNKNOWN_OPTION, path, msg!(INP006_SELECT_FROM_LIST, label = lower_first(label)));
}

/// Each of `fields` with its value in `obj` (`None`: absent). The object's entries are read alongside the fields:
/// where the keys come in the model's order each field's value is the next entry, and only a field out of that order
/// is looked up (a hashed lookup in a large object, such as the case audit's 39 answers or its 24 top-level fields).
pub fn field_values<'f, 'v>(fields: &'f [Field], obj: &'v Map<String, Value>) -> FieldValues<'f, 'v> {
    FieldValues { all: fields, fields: fields.iter(), entries: obj.iter().peekable(), obj, in_order: 0 }
}

/// The iterator of [`field_values`], which also counts the entries it took in the model's order.
pub struct FieldValues<'f, 'v> {
    all: &'f [Field],
    fields: core::slice::Iter<'f, Field>,
    entries: core::iter::Peekable<crate::engine::value::Iter<'v, String, Value>>,
    obj: &'v Map<String, Value>,
    in_order: usize,
}

impl<'f, 'v> Iterator for FieldValues<'f, 'v> {
    type Item = (&'f Field, Option<&'v Value>);

    fn next(&mut self) -> Option<Self::Item> {
        let field = self.fields.next()?;
        let value = match self.entries.next_if(|(k, _)| same_here(k.as_bytes(), field.name.as_bytes())) {
            Some((_, v)) => {
                self.in_order = self.in_order.saturating_add(1);
                Some(v)
            }
            None => read::get(self.obj, field.name),
        };
        Some((field, value))
    }
}

impl FieldValues<'_, '_> {
    /// Once every field is read: the object's keys its model lacks ([`check_unknown`]), looked for only when a key
    /// was not the next field's in the model's order. When each was (as a form sends them), there is none, and looking
    /// again was 4% of a casework supervision check natively.
    pub fn check_unknown(&self, path: &str, ctx: &mut Ctx) {
        if self.in_order != self.obj.len() {
            check_unknown(self.all, self.obj, path, ctx);
        }
    }
}

fn check_object(fields: &[Field], obj: &Map<String, Value>, required: &Rule, path: &mut String, ctx: &mut Ctx) {
    let mut values = field_values(fields, obj);
    for (field, value) in values.by_ref() {
        check_field_value(field, value, required, path, ctx);
    }
    values.check_unknown(path, ctx);
}

/// Whether every key of `obj` is one of `fields`' names. Each key is looked for from the field after the last one
/// found, then from the start: keys in the model's order (as a form sends them, fields left out or not) are checked
/// in one pass over the fields, where looking for each from the start compared the case audit's 39 answers with
/// 780 names (6% of its check with broken records in the module).
fn all_known(fields: &[Field], obj: &Map<String, Value>) -> bool {
    let mut next = 0usize;
    obj.keys().all(|k| {
        let is = |f: &Field| same_here(f.name.as_bytes(), k.as_bytes());
        let found = fields
            .get(next..)
            .and_then(|rest| rest.iter().position(is))
            .map(|i| i.saturating_add(next))
            .or_else(|| fields.iter().position(is));
        found.inspect(|&i| next = i.saturating_add(1)).is_some()
    })
}

/// Reports the keys of an object that its model does not have (after its fields, as [`check`] does).
pub fn check_unknown(fields: &[Field], obj: &Map<String, Value>, path: &str, ctx: &mut Ctx) {
    if all_known(fields, obj) {
        return;
    }
    let unknown: Vec<&String> = obj.keys().filter(|k| !fields.iter().any(|f| f.name == k.as_str())).collect();
    if !unknown.is_empty() {
        let message = msg!(INP015_UNRECOGNISED, count = unknown.len());
        let related: Vec<String> = unknown.iter().take(10).map(|k| crate::text!(path, "/", escape_key(k))).collect();
        ctx.emit(&UNRECOGNISED_FIELDS, path, message).related(related);
    }
}

fn check_value(label: &str, kind: &Kind, v: &Value, required: &Rule, path: &mut String, ctx: &mut Ctx) {
    match kind {
        Kind::Text { max } => match v {
            Value::String(s) => check_text(label, s, *max, path, ctx),
            Value::Number(_) | Value::Bool(_) => {}
            _ => wrong_type(label, &INP001_TEXT, path, ctx),
        },
        Kind::Date => check_date(label, v, path, ctx),
        Kind::DateTime => check_datetime(label, v, path, ctx),
        Kind::Bool => {
            if read::parse_bool(v).is_err() {
                let message = match label.strip_prefix("Whether ") {
                    Some(rest) => msg!(INP001_SELECT_WHETHER, question = rest),
                    None => msg!(INP001_SELECT_YES_NO, label = lower_first(label)),
                };
                ctx.emit(&WRONG_TYPE, path.as_str(), message);
            }
        }
        Kind::Number { min, max, integer } => match read::parse_number(v) {
            Err(read::Malformed) => {
                ctx.emit(&NOT_A_NUMBER, path.as_str(), msg!(INP008_NUMBER, label = label));
            }
            Ok(None) => {}
            Ok(Some(x)) => {
                if *integer && x.fract() != 0.0 {
                    ctx.emit(&NOT_A_NUMBER, path.as_str(), msg!(INP008_WHOLE_NUMBER, label = label));
                } else if x < f64::from(*min) || x > f64::from(*max) {
                    let message =
                        msg!(INP009_BETWEEN, label = label, min = crate::text!(*min), max = crate::text!(*max));
                    ctx.emit(&NUMBER_OUT_OF_RANGE, path.as_str(), message);
                }
            }
        },
        Kind::Enum(values) => match v {
            Value::String(s) => {
                let c = read::clean(s);
                if read::has_unreadable_char(&c) {
                    unreadable(label, path, ctx);
                } else if !values.iter().any(|v| same(v, &c)) {
                    let message = msg!(INP006_SELECT_FROM_LIST, label = lower_first(label));
                    ctx.emit(&UNKNOWN_OPTION, path.as_str(), message);
                }
            }
            _ => wrong_type(label, &INP001_OPTION, path, ctx),
        },
        Kind::Email(check) => text_format(label, v, check, &EMAIL_FORMAT, &INP010_EMAIL, path, ctx),
        Kind::Phone(check) => text_format(label, v, check, &PHONE_FORMAT, &INP011_PHONE, path, ctx),
        Kind::Postcode(check) => text_format(label, v, check, &POSTCODE_FORMAT, &INP012_POSTCODE, path, ctx),
        Kind::Object(fields) => match v {
            Value::Object(o) => check_object(fields, o, required, path, ctx),
            _ => wrong_type(label, &INP001_GROUP, path, ctx),
        },
        Kind::List { item, max } => match v {
            Value::Array(items) => {
                let limit = (*max).min(LIST_MAX);
                let cap = usize::try_from(limit).unwrap_or(usize::MAX);
                if items.len() > cap {
                    let message = msg!(INP014_TOO_MANY_ROWS, label = label, limit = limit);
                    ctx.emit(&TOO_MANY_ROWS, path.as_str(), message);
                }
                for (i, x) in items.iter().take(cap).enumerate() {
                    if x.is_null() {
                        continue;
                    }
                    let len = path.len();
                    super::pointer::push_index(path, i);
                    check_value(label, item, x, required, path, ctx);
                    path.truncate(len);
                }
            }
            _ => wrong_type(label, &INP001_LIST, path, ctx),
        },
    }
}

fn has_unreadable(v: &Value) -> bool {
    match v {
        Value::String(s) => read::has_unreadable_char(s),
        // A date input's parts.
        Value::Object(parts) => parts.values().any(|p| matches!(p, Value::String(s) if read::has_unreadable_char(s))),
        _ => false,
    }
}

fn unreadable(label: &str, path: &str, ctx: &mut Ctx) {
    ctx.emit(&UNREADABLE, path, msg!(INP013_UNREADABLE, label = label));
}

/// "{label} must be text" and the like: one template per expected kind, so a translation can say each its own way.
fn wrong_type(label: &str, expected: &'static Template, path: &str, ctx: &mut Ctx) {
    ctx.emit(&WRONG_TYPE, path, Message::new(expected).arg("label", label));
}

fn check_text(label: &str, s: &str, max: u32, path: &str, ctx: &mut Ctx) {
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    // A length check that stops counting once over the limit keeps a 10 MB paste cheap.
    if s.len() > limit && s.encode_utf16().nth(limit).is_some() {
        ctx.emit(&TEXT_TOO_LONG, path, msg!(INP007_TOO_LONG, label = label, max = max));
    } else if read::has_unreadable_char(s) {
        unreadable(label, path, ctx);
    }
}

fn text_format(
    label: &str,
    v: &Value,
    check: &Check,
    rule: &Rule,
    message: &'static Template,
    path: &str,
    ctx: &mut Ctx,
) {
    match v {
        Value::String(s) => {
            if read::has_unreadable_char(s) {
                unreadable(label, path, ctx);
                return;
            }
            let c = read::clean(s);
            if c.len() > 320 || !check.ok(&c) {
                ctx.emit(rule, path, message);
            }
        }
        Value::Number(_) if rule.code == PHONE_FORMAT.code => {
            ctx.emit(rule, path, message);
        }
        _ => wrong_type(label, &INP001_TEXT, path, ctx),
    }
}

/// A date and time: ISO text gets one message for the whole value; GOV.UK parts (day, month, year, hour, minute)
/// get the message of the part at fault, at that part's path, as [`check_date`] does for a date.
fn check_datetime(label: &str, v: &Value, path: &mut String, ctx: &mut Ctx) {
    let Err(problem) = read::parse_datetime_detail(v) else { return };
    if has_unreadable(v) {
        let part = ["day", "month", "year", "hour", "minute"]
            .into_iter()
            .find(|p| matches!(v.get(p), Some(Value::String(s)) if read::has_unreadable_char(s)));
        let target = part.map_or_else(|| path.to_owned(), |p| crate::text!(path, "/", p));
        unreadable(label, &target, ctx);
        return;
    }
    if !v.is_object() {
        ctx.emit(&DATETIME_INVALID, path.as_str(), msg!(INP016_NOT_REAL, label = label));
        return;
    }
    match problem {
        DateProblem::Incomplete(missing) => {
            // The parts missing as one keyword ("day-hour"), which the template words (none missing: all five).
            let names: Vec<&str> = missing.iter().map(|p| p.key()).collect();
            let parts = if names.is_empty() { "day-month-year-hour-minute".to_owned() } else { names.join("-") };
            let target = missing.first().map_or_else(|| path.to_owned(), |p| crate::text!(path, "/", p.key()));
            ctx.emit(&DATE_INCOMPLETE, target, msg!(INP002_DATETIME_PARTS, label = label, parts = parts));
        }
        DateProblem::NotReal(Some(Part::Hour)) => {
            ctx.emit(&DATETIME_INVALID, crate::text!(path, "/hour"), msg!(INP016_HOUR, label = lower_first(label)));
        }
        DateProblem::NotReal(Some(Part::Minute)) => {
            ctx.emit(&DATETIME_INVALID, crate::text!(path, "/minute"), msg!(INP016_MINUTE, label = lower_first(label)));
        }
        DateProblem::WrongType => {
            ctx.emit(&WRONG_TYPE, path.as_str(), msg!(INP001_DATETIME, label = label));
        }
        _ => check_date(label, v, path, ctx),
    }
}

fn check_date(label: &str, v: &Value, path: &mut String, ctx: &mut Ctx) {
    let Err(problem) = read::parse_date(v) else { return };
    if has_unreadable(v) {
        // At the date input's part that holds the broken character, as for a text field.
        let part = ["day", "month", "year"]
            .into_iter()
            .find(|p| matches!(v.get(p), Some(Value::String(s)) if read::has_unreadable_char(s)));
        let target = part.map_or_else(|| path.to_owned(), |p| crate::text!(path, "/", p));
        unreadable(label, &target, ctx);
        return;
    }
    let at = |part: Option<Part>| match part {
        Some(p) if v.is_object() => crate::text!(path, "/", p.key()),
        _ => path.to_owned(),
    };
    match problem {
        DateProblem::Incomplete(missing) => {
            let names: Vec<&str> = missing.iter().map(|p| p.key()).collect();
            // Never all three (a date with no part is blank, not incomplete).
            let template = match names.as_slice() {
                [a, b] => incomplete_template_2(a, b),
                [a, ..] => incomplete_template(a),
                [] => &INP002_DAY,
            };
            let target = at(missing.first().copied());
            ctx.emit(&DATE_INCOMPLETE, target, Message::new(template).arg("label", label));
        }
        DateProblem::NotReal(part) => {
            let target = at(part);
            ctx.emit(&DATE_NOT_REAL, target, msg!(INP003_NOT_REAL, label = label));
        }
        DateProblem::YearDigits => {
            let target = at(Some(Part::Year));
            ctx.emit(&YEAR_DIGITS, target, msg!(INP004_YEAR_DIGITS, label = lower_first(label)));
        }
        DateProblem::OutOfRange => {
            let message = msg!(INP005_OUT_OF_RANGE, label = label);
            ctx.emit(&DATE_OUT_OF_RANGE, path.as_str(), message);
        }
        DateProblem::WrongType => {
            ctx.emit(&WRONG_TYPE, path.as_str(), msg!(INP001_DATE, label = label));
        }
    }
}

/// "{label} must include a day" (one part missing).
fn incomplete_template(part: &str) -> &'static Template {
    match part {
        "day" => &INP002_DAY,
        "month" => &INP002_MONTH,
        _ => &INP002_YEAR,
    }
}

/// "{label} must include a day and month" (two parts missing, in date order).
fn incomplete_template_2(a: &str, b: &str) -> &'static Template {
    match (a, b) {
        ("day", "month") => &INP002_DAY_MONTH,
        ("day", _) => &INP002_DAY_YEAR,
        _ => &INP002_MONTH_YEAR,
    }
}

crate::messages! {
    INP001_TEXT = "INP-001.text": "{label} must be text";
    INP001_OPTION = "INP-001.option": "{label} must be one of the listed options";
    INP001_GROUP = "INP-001.group": "{label} must be a group of answers";
    INP001_LIST = "INP-001.list": "{label} must be a list";
    INP001_DATE = "INP-001.date": "{label} must be a date, like 27 3 2007";
    INP001_SELECT_WHETHER = "INP-001.select-whether": "Select whether {question}";
    INP001_SELECT_YES_NO = "INP-001.select-yes-no": "Select yes or no for {label}";
    INP002_DAY = "INP-002.day": "{label} must include a day";
    INP002_MONTH = "INP-002.month": "{label} must include a month";
    INP002_YEAR = "INP-002.year": "{label} must include a year";
    INP002_DAY_MONTH = "INP-002.day-month": "{label} must include a day and month";
    INP002_DAY_YEAR = "INP-002.day-year": "{label} must include a day and year";
    INP002_MONTH_YEAR = "INP-002.month-year": "{label} must include a month and year";
    INP003_NOT_REAL = "INP-003.not-real": "{label} must be a real date";
    INP004_YEAR_DIGITS = "INP-004.year-digits": "Year in {label} must include 4 numbers";
    INP005_OUT_OF_RANGE = "INP-005.out-of-range": "{label} must be between 1900 and 2199";
    INP006_SELECT_FROM_LIST = "INP-006.select-from-list": "Select a {label} from the list";
    INP007_TOO_LONG = "INP-007.too-long": "{label} must be {max} characters or fewer";
    INP008_NUMBER = "INP-008.number": "{label} must be a number";
    INP008_WHOLE_NUMBER = "INP-008.whole-number": "{label} must be a whole number";
    INP009_BETWEEN = "INP-009.between": "{label} must be between {min} and {max}";
    INP010_EMAIL = "INP-010.email": "Enter an email address in the correct format, like name@example.com";
    INP011_PHONE = "INP-011.phone": "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";
    INP012_POSTCODE = "INP-012.postcode": "Enter a real postcode, like SW1A 1AA";
    INP013_UNREADABLE = "INP-013.unreadable": "{label} contains a character that cannot be read; type it again";
    INP014_TOO_MANY_ROWS = "INP-014.too-many-rows": "{label} must have {limit} rows or fewer";
    INP015_UNRECOGNISED = "INP-015.unrecognised-fields": "This part of the form has {count, plural, one {1 field that the form does not have; it is} other {# fields that the form does not have; they are}} kept but not checked";
    INP016_NOT_REAL = "INP-016.not-real": "{label} must be a real date and time, like 2025-06-27T14:30";
    INP016_HOUR = "INP-016.hour": "Hour in {label} must be a number from 0 to 23";
    INP016_MINUTE = "INP-016.minute": "Minute in {label} must be a number from 0 to 59";
    INP001_DATETIME = "INP-001.date-time": "{label} must be a date and time, like 27 3 2007 14:30";
    INP002_DATETIME_PARTS = "INP-002.date-time-parts": "{label} must include {parts, select, day {a day} month {a month} year {a year} hour {an hour} minute {a minute} day-month {a day and month} day-year {a day and year} day-hour {a day and hour} day-minute {a day and minute} month-year {a month and year} month-hour {a month and hour} month-minute {a month and minute} year-hour {a year and hour} year-minute {a year and minute} hour-minute {an hour and minute} day-month-year {a day, month and year} day-month-hour {a day, month and hour} day-month-minute {a day, month and minute} day-year-hour {a day, year and hour} day-year-minute {a day, year and minute} day-hour-minute {a day, hour and minute} month-year-hour {a month, year and hour} month-year-minute {a month, year and minute} month-hour-minute {a month, hour and minute} year-hour-minute {a year, hour and minute} day-month-year-hour {a day, month, year and hour} day-month-year-minute {a day, month, year and minute} day-month-hour-minute {a day, month, hour and minute} day-year-hour-minute {a day, year, hour and minute} month-year-hour-minute {a month, year, hour and minute} other {a day, month, year, hour and minute}}";
    INP017_TOO_LARGE = "INP-017.too-large": "The form is too large to check; remove long pasted text and try again";
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::model::walk_fields as walk;

    /// The one-pass searches answer as looking for every key among all the fields does, for every form's top-level
    /// fields: keys in the model's order, shuffled, with fields left out and unknown keys among them (`all_known`, and
    /// `field_values` with its `check_unknown`).
    #[test]
    fn all_known_is_every_key_among_the_fields() {
        let mut rng = crate::engine::test_rng::Rng(0xa11_c0de);
        let mut unknown = 0;
        for form in crate::forms::ALL {
            let names: Vec<&str> = form.fields.iter().map(|f| f.name).collect();
            for _ in 0..400 {
                let mut keys: Vec<String> =
                    names.iter().filter(|_| rng.below(3) > 0).map(|n| (*n).to_owned()).collect();
                if rng.below(2) == 0 {
                    for i in (1..keys.len()).rev() {
                        keys.swap(i, usize::try_from(rng.below(i as u64 + 1)).unwrap());
                    }
                }
                if rng.below(4) == 0 {
                    keys.insert(usize::try_from(rng.below(keys.len() as u64 + 1)).unwrap(), "notAField".into());
                }
                let obj: Map<String, Value> = keys.iter().map(|k| (k.clone(), Value::String(k.clone()))).collect();
                let naive = obj.keys().all(|k| form.fields.iter().any(|f| f.name == k.as_str()));
                assert_eq!(all_known(form.fields, &obj), naive, "{}: {keys:?}", form.id);
                // Each field's value as looking it up by name gives it, and "every key in the model's order" only
                // when every key is a field's (then the structural pass looks for no unrecognised key).
                let mut values = field_values(form.fields, &obj);
                for (field, value) in values.by_ref() {
                    assert_eq!(value, obj.get(field.name), "{}: {} in {keys:?}", form.id, field.name);
                }
                let resolved = crate::engine::options::Options::new().resolve().unwrap();
                let mut ctx = Ctx::new(&resolved);
                values.check_unknown("", &mut ctx);
                assert!(ctx.finish().is_empty() || !naive, "{}: {keys:?}", form.id);
                assert!(values.in_order != obj.len() || naive, "{}: {keys:?}", form.id);
                unknown += usize::from(!naive);
            }
        }
        assert!(unknown > 1_000, "{unknown} objects with an unknown key");
    }

    /// Messages lower labels without Unicode's case tables (`messages::lower_first`): that is exact because every
    /// label begins with an ASCII character. Bounds are whole numbers (`i32`), written as integers: the same text as
    /// the float formatting (`messages::decimal`) wrote when they were `f64`s.
    #[test]
    fn bounds_are_whole_and_labels_begin_in_ascii() {
        let mut numbers = 0;
        for form in crate::forms::ALL {
            walk(form.fields, &mut |f| {
                assert!(f.label.chars().next().is_some_and(|c| c.is_ascii()), "{}: {:?}", form.id, f.label);
                if let Kind::Number { min, max, .. } = f.kind {
                    numbers += 1;
                    for x in [min, max] {
                        assert_eq!(crate::text!(x), x.to_string(), "{}: {}", form.id, f.name);
                        assert_eq!(crate::engine::messages::decimal(f64::from(x)), x.to_string());
                    }
                }
            });
        }
        assert!(numbers > 0 || crate::forms::ALL.len() < 28);
    }
}
