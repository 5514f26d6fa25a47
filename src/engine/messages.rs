//! GOV.UK-style wording helpers. Messages name fields by their labels and never contain what the user typed.

use chrono::NaiveDate;

use crate::calendar;

/// "Date of birth" → "date of birth" (for the middle of a sentence), keeping acronyms ("SEND", "PSP") as they are.
/// Labels are the models' own, and every one begins with an ASCII letter (`structure::tests::
/// bounds_are_whole_and_labels_begin_in_ascii` holds every model to it), so the first letter is lowered as ASCII: the
/// Unicode case tables stay out of a build whose forms lower nothing else. A label beginning with any other character
/// is left as it is. An acronym is two ASCII capitals: `char::is_uppercase` here linked Unicode's upper-case table into
/// every module (0.7 kB gzip) and differs only for an ASCII capital followed by a non-ASCII one, which no label has
/// (`lower_first_tests` checks every model's labels against the Unicode reading, and every pair of characters).
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_uppercase() => label.to_owned(),
        (Some(a), _) => {
            let mut out = label.to_owned();
            if a.is_ascii() {
                if let Some(first) = out.get_mut(..1) {
                    first.make_ascii_lowercase();
                }
            }
            out
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod lower_first_tests {
    use super::lower_first;

    /// `lower_first` as it was, with Unicode's `is_uppercase` for the acronym test.
    fn unicode_reading(label: &str) -> String {
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase() => label.to_owned(),
            (Some(a), _) => {
                let mut out = label.to_owned();
                if a.is_ascii() {
                    out[..1].make_ascii_lowercase();
                }
                out
            }
            _ => String::new(),
        }
    }

    use crate::engine::model::walk_fields as walk;

    #[test]
    fn every_label_lowers_as_the_unicode_reading_does() {
        let mut labels = 0;
        for form in crate::forms::ALL {
            walk(form.fields, &mut |f| {
                labels += 1;
                assert_eq!(lower_first(f.label), unicode_reading(f.label), "{}: {:?}", form.id, f.label);
            });
        }
        assert!(labels > 500, "{labels} labels");
    }

    /// The two readings differ exactly for an ASCII capital followed by a non-ASCII capital ("AÉ…"): every second
    /// character after four kinds of first one, and every ASCII first character (with a sample beyond) before a
    /// sample of second ones.
    #[test]
    fn the_readings_differ_only_after_an_ascii_capital_before_a_non_ascii_one() {
        let every: Vec<char> = (0..=0x10_FFFF).filter_map(char::from_u32).collect();
        let sample: Vec<char> = (0u32..0x80).chain((0x80..0x11_0000).step_by(541)).filter_map(char::from_u32).collect();
        let pairs = ['A', 'a', '\u{C9}', '0']
            .iter()
            .flat_map(|&a| every.iter().map(move |&b| (a, b)))
            .chain(sample.iter().flat_map(|&a| sample.iter().map(move |&b| (a, b))));
        let mut differ = 0;
        for (a, b) in pairs {
            let s: String = [a, b, 'b', 'c'].iter().collect();
            let expected_to_differ = a.is_ascii_uppercase() && !b.is_ascii() && b.is_uppercase();
            assert_eq!(lower_first(&s) != unicode_reading(&s), expected_to_differ, "{s:?}");
            differ += usize::from(expected_to_differ);
        }
        assert!(differ > 0);
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

/// `x` as `format!("{x}")` writes it ("90", "-0", "2.5", "0.001"), without the standard library's float formatting
/// (its Grisu and Dragon code and tables, about 14 kB of code before wasm-opt): a whole number below 9e15 is written as an integer,
/// any other number by serde_json's `Number` display (zmij), which the module links anyway. The two agree on every
/// whole number below 9e15 and on every number of up to 15 significant digits from 1e-5 to 9e15 (the test below);
/// beyond, zmij writes an exponent ("1e+16") and breaks an exact tie between two 17-digit strings to even where
/// `Display` rounds it up. It writes model bounds, which are whole (a test holds every model to it); a measured
/// quantity in a message (`Arg::from(f64)`) keeps `Display`.
pub fn decimal(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        let n = x as i64;
        return if n == 0 && x.is_sign_negative() { "-0".to_owned() } else { crate::text!(n) };
    }
    crate::engine::value::Number::from_f64(x)
        .map_or_else(|| if x.is_nan() { "NaN".to_owned() } else { "inf".to_owned() }, |n| crate::text!(n))
}

// ---------------------------------------------------------------------------------------------------------------
// Message templates: every message has a stable id, an English template and named parameters, so a host can
// replace the English per id (`options.messages`) and `messages()` can list them all.
// ---------------------------------------------------------------------------------------------------------------

use std::borrow::Cow;

use crate::engine::value::{Map, Value};
use serde::Serialize;

/// One message's English template, declared once as a `static` (see [`messages!`](crate::messages)): `{name}` is a
/// parameter; `{n, plural, one {# week} other {# weeks}}` picks a form by a number (`=N` matches exactly, `one` is
/// 1, `other` anything else; `#` is the number); `{kind, select, eha {…} other {…}}` picks by a keyword parameter
/// (ICU MessageFormat's syntax, its most used subset).
///
/// Held as one string, the id, a NUL and the text (`messages!` joins them at compile time): one reference a template
/// where an id and a text were two, 8 bytes of the module's data for each of its templates (BENCHMARKS.md, "Size",
/// fourteenth session). An id never holds a NUL (ids are `<CODE>.<short-name>`; a test holds every template to it).
#[derive(Debug)]
pub struct Template {
    joined: &'static str,
}

impl Template {
    /// The template of `joined`, which is the id, a NUL and the text (what `messages!` writes).
    #[doc(hidden)]
    pub const fn joined(joined: &'static str) -> Template {
        Template { joined }
    }

    /// Stable: `<CODE>.<short-name>`.
    pub fn id(&self) -> &'static str {
        self.split().0
    }

    /// The English template.
    pub fn text(&self) -> &'static str {
        self.split().1
    }

    fn split(&self) -> (&'static str, &'static str) {
        let s: &'static str = self.joined;
        match s.bytes().position(|b| b == 0) {
            Some(i) => (s.get(..i).unwrap_or(""), s.get(i.saturating_add(1)..).unwrap_or("")),
            None => (s, ""),
        }
    }
}

/// A parameter's value: a label, an engine-formatted date or a number — never text the user typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Int(i64),
    Text(Cow<'static, str>),
}

impl Arg {
    fn to_value(&self) -> Value {
        match self {
            Arg::Int(n) => Value::from(*n),
            Arg::Text(s) => Value::String(String::from(s.as_ref())),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(Cow::Owned(s.to_owned()))
    }
}
/// What `msg!` passes: a reference to any value that converts (so a value can serve two messages).
impl<T: Into<Arg> + Clone> From<&T> for Arg {
    fn from(v: &T) -> Arg {
        v.clone().into()
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(Cow::Owned(s.into_owned()))
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Int(i64::from(n))
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(Cow::Owned(s))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Int(n)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Int(i64::from(n))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Int(i64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
/// A measured quantity (a percentage, a score): as `format!("{}")` writes it ("90", "2.5").
impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            Arg::Int(x as i64)
        } else {
            Arg::Text(Cow::Owned(x.to_string()))
        }
    }
}
/// A date, written as messages write dates ("2 June 2025").
impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Text(Cow::Owned(long_date(d)))
    }
}

/// A message about to be emitted: its template and the values of its parameters. `Ctx::emit` takes only this (a
/// `&'static Template` converts when the message has no parameters), so no message can be plain English text.
#[derive(Debug, Clone)]
pub struct Message {
    id: Cow<'static, str>,
    text: Cow<'static, str>,
    params: Vec<(&'static str, Arg)>,
}

impl Message {
    #[inline(never)]
    pub fn new(template: &'static Template) -> Message {
        let (id, text) = template.split();
        Message { id: Cow::Borrowed(id), text: Cow::Borrowed(text), params: Vec::new() }
    }

    /// A message whose id is made at run time (a model's own "Enter the …" message for a required field).
    pub fn with_id(id: String, text: Cow<'static, str>) -> Message {
        Message { id: Cow::Owned(id), text, params: Vec::new() }
    }

    pub fn arg(self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.push(name, value.into())
    }

    /// The body of [`Message::arg`], compiled once (450 call sites would otherwise each inline it).
    #[inline(never)]
    fn push(mut self, name: &'static str, value: Arg) -> Message {
        self.params.push((name, value));
        self
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The English text.
    pub fn english(&self) -> String {
        render(&self.text, &self.params).unwrap_or_else(|_| self.text.clone().into_owned())
    }

    /// The text from a host's template for this id (checked beforehand against the catalogue), else the English.
    pub fn text_with(&self, table: Option<&MessageTable>) -> String {
        match table.and_then(|t| t.get(self.id.as_ref())) {
            Some(template) => render(template, &self.params).unwrap_or_else(|_| self.english()),
            None => self.english(),
        }
    }

    /// The parameters its English template names (a message may be given more, for templates that select).
    pub fn params_json(&self) -> Map<String, Value> {
        self.params
            .iter()
            .filter(|(k, _)| names_param(&self.text, k))
            .map(|(k, v)| ((*k).to_owned(), v.to_value()))
            .collect()
    }
}

impl From<&'static Template> for Message {
    fn from(t: &'static Template) -> Message {
        Message::new(t)
    }
}

/// Whether a template names a parameter (`{name}` or `{name, …}`), without parsing it (this runs for every finding).
fn names_param(template: &str, name: &str) -> bool {
    template.match_indices('{').any(|(i, _)| {
        let rest = template.get(i.saturating_add(1)..).unwrap_or("");
        rest.strip_prefix(name).is_some_and(|after| after.starts_with(['}', ',']))
    })
}

/// `msg!(TEMPLATE, name = value, …)`: a [`Message`] with its parameters.
#[macro_export]
macro_rules! msg {
    ($template:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::engine::messages::Message::new(&$template)$(.arg(stringify!($name), &$value))*
    };
}

/// Declares a module's message templates and lists them in `MESSAGES`:
/// `messages! { NAME = "CODE.short-name": "English template {param}"; … }`.
#[macro_export]
macro_rules! messages {
    ($($name:ident = $id:literal : $text:literal;)*) => {
        $(pub static $name: $crate::engine::messages::Template =
            $crate::engine::messages::Template::joined(concat!($id, "\0", $text));)*
        /// Every message template this module emits.
        pub static MESSAGES: &[&$crate::engine::messages::Template] = &[$(&$name),*];
    };
}

/// A host's replacement templates by message id, checked against the catalogue when the options are resolved.
///
/// Held as a list sorted by id, each id once, found by binary search: a `BTreeMap` here was the only one in the
/// WebAssembly module, and its node code about 0.5 kB gzip of every module (BENCHMARKS.md, "Size").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageTable {
    templates: Vec<(String, String)>,
}

impl MessageTable {
    /// The table of these `(id, template)` pairs; where an id comes more than once, its last template is kept (as a
    /// map's insert, and as JSON's last duplicate key).
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> MessageTable {
        let mut templates: Vec<(String, String)> = pairs.into_iter().collect();
        // Stable: equal ids stay in the order given, so the last of each run is the last given.
        super::sort::stable_by(&mut templates, |a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(String, String)> = Vec::with_capacity(templates.len());
        for pair in templates {
            match kept.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => kept.push(pair),
            }
        }
        MessageTable { templates: kept }
    }

    /// The host's template for a message id.
    pub fn get(&self, id: &str) -> Option<&str> {
        super::sort::value_of(&self.templates, id).map(String::as_str)
    }

    /// Every `(id, template)`, in order of id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.templates.iter().map(|(k, t)| (k.as_str(), t.as_str()))
    }

    /// How many ids the table holds.
    pub fn len(&self) -> usize {
        self.templates.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
    }
}

/// One entry of the catalogue `messages()` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageInfo {
    pub id: String,
    pub template: String,
    pub params: Vec<String>,
}

/// A template that cannot be rendered (a configuration mistake in a host's table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    /// A `{` or `}` out of place, or a plural without `other`.
    Syntax,
    /// It names a parameter the message does not have.
    UnknownParam(String),
}

/// The parameters a template names, in order of first use.
pub fn template_params(template: &str) -> Result<Vec<String>, TemplateProblem> {
    let mut names = Vec::new();
    collect_params(template, &mut names)?;
    Ok(names)
}

fn collect_params(template: &str, names: &mut Vec<String>) -> Result<(), TemplateProblem> {
    for piece in pieces(template) {
        match piece? {
            Piece::Text(_) | Piece::Hash => {}
            Piece::Param(name) => push_unique(names, name),
            Piece::Plural(name, body) | Piece::Select(name, body) => {
                push_unique(names, name);
                let mut other = false;
                for branch in branches(body) {
                    let (selector, body) = branch?;
                    other |= selector == "other";
                    collect_params(body, names)?;
                }
                if !other {
                    return Err(TemplateProblem::Syntax);
                }
            }
        }
    }
    Ok(())
}

fn push_unique(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| n == name) {
        names.push(name.to_owned());
    }
}

/// Fills a template in. Every parameter it names must be given.
pub fn render(template: &str, params: &[(&str, Arg)]) -> Result<String, TemplateProblem> {
    let mut out = String::with_capacity(template.len().saturating_add(16));
    render_into(&mut out, template, params, None)?;
    Ok(out)
}

/// Renders one level of a template in one pass, allocating nothing but the text written (this runs for every
/// finding). A mistake anywhere in the level is an error, even after what rendered well; a branch's body is checked
/// when it is picked.
fn render_into(
    out: &mut String,
    template: &str,
    params: &[(&str, Arg)],
    number: Option<i64>,
) -> Result<(), TemplateProblem> {
    for piece in pieces(template) {
        match piece? {
            Piece::Text(t) => out.push_str(t),
            Piece::Hash => match number {
                Some(n) => push_int(out, n),
                None => out.push('#'),
            },
            Piece::Param(name) => match lookup(params, name)? {
                Arg::Int(n) => push_int(out, *n),
                Arg::Text(s) => out.push_str(s),
            },
            Piece::Plural(name, body) => {
                let n = match lookup(params, name)? {
                    Arg::Int(n) => *n,
                    Arg::Text(_) => return Err(TemplateProblem::Syntax),
                };
                let mut digits = IntText::default();
                let body = pick(body, digits.of(n), true, n == 1)?;
                render_into(out, body, params, Some(n))?;
            }
            Piece::Select(name, body) => {
                let mut digits = IntText::default();
                let key = match lookup(params, name)? {
                    Arg::Int(n) => digits.of(*n),
                    Arg::Text(s) => s.as_ref(),
                };
                let body = pick(body, key, false, false)?;
                render_into(out, body, params, number)?;
            }
        }
    }
    Ok(())
}

/// The body of the branch a plural (`exact`: `=N` for the number, then `one` when it is 1) or a select (its key)
/// picks, else `other`'s; every branch is read, so a malformed one or a missing `other` is an error.
fn pick<'t>(body: &'t str, key: &str, plural: bool, one: bool) -> Result<&'t str, TemplateProblem> {
    let (mut keyed, mut singular, mut other) = (None, None, None);
    for branch in branches(body) {
        let (selector, text) = branch?;
        let matches = if plural { selector.strip_prefix('=') == Some(key) } else { selector == key };
        if matches && keyed.is_none() {
            keyed = Some(text);
        } else if one && selector == "one" && singular.is_none() {
            singular = Some(text);
        } else if selector == "other" && other.is_none() {
            other = Some(text);
        }
    }
    let other = other.ok_or(TemplateProblem::Syntax)?;
    Ok(keyed.or(singular).unwrap_or(other))
}

/// A whole number as text, written without `core::fmt` (messages, and the report's JSON text).
#[derive(Default)]
pub(crate) struct IntText([u8; 20]);

impl IntText {
    fn of(&mut self, n: i64) -> &str {
        self.digits(n < 0, n.unsigned_abs())
    }

    /// `n`'s digits, after a minus sign when `negative`.
    pub(crate) fn digits(&mut self, negative: bool, n: u64) -> &str {
        let at = self.fill(negative, n);
        core::str::from_utf8(self.0.get(at..).unwrap_or(&[])).unwrap_or("")
    }

    /// [`IntText::digits`] pushed at the end of `out` a character at a time: the digits are never read back as UTF-8
    /// (`core::str::from_utf8`, then a copy, were half the cost of writing a small number into a report).
    pub(crate) fn push(mut self, out: &mut String, negative: bool, n: u64) {
        // One or two digits, most of the numbers a report or a message writes (grades, counts, days), are pushed
        // without the buffer: the case audit writes about 150 numbers a check, and this took 3% of it natively.
        // As a `u8`: in the module, dividing a `u64` by ten calls a 128-bit multiplication (`__multi3`).
        if let (false, Ok(n @ 0..100)) = (negative, u8::try_from(n)) {
            let digit = |d: u8| char::from(b'0'.saturating_add(d % 10));
            if n >= 10 {
                out.push(digit(n / 10));
            }
            out.push(digit(n));
            return;
        }
        let at = self.fill(negative, n);
        out.extend(self.0.get(at..).unwrap_or(&[]).iter().copied().map(char::from));
    }

    /// Writes the digits (and the sign) at the end of the buffer; where they start.
    fn fill(&mut self, negative: bool, mut n: u64) -> usize {
        let mut at = self.0.len();
        // The digits from the right: as a `u64` while the number needs one, then as a `u32` (in the module, dividing
        // a `u64` by ten calls a 128-bit multiplication; a `u32` is multiplied and shifted in place).
        loop {
            if let Ok(mut small) = u32::try_from(n) {
                loop {
                    at = at.saturating_sub(1);
                    if let Some(d) = self.0.get_mut(at) {
                        // A digit: `small % 10` is below 10.
                        *d = b'0'.saturating_add(u8::try_from(small % 10).unwrap_or(0));
                    }
                    small /= 10;
                    if small == 0 || at == 0 {
                        break;
                    }
                }
                break;
            }
            at = at.saturating_sub(1);
            if let Some(d) = self.0.get_mut(at) {
                *d = b'0'.saturating_add(u8::try_from(n % 10).unwrap_or(0));
            }
            n /= 10;
            if at == 0 {
                break;
            }
        }
        if negative && at > 0 {
            at = at.saturating_sub(1);
            if let Some(d) = self.0.get_mut(at) {
                *d = b'-';
            }
        }
        at
    }
}

fn push_int(out: &mut String, n: i64) {
    IntText::default().push(out, n < 0, n.unsigned_abs());
}

fn lookup<'p>(params: &'p [(&str, Arg)], name: &str) -> Result<&'p Arg, TemplateProblem> {
    params
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .ok_or_else(|| TemplateProblem::UnknownParam(name.to_owned()))
}

enum Piece<'t> {
    Text(&'t str),
    /// `#` inside a plural branch: the number.
    Hash,
    Param(&'t str),
    /// The parameter's name and its branches (`sel {body} …`), read when one is picked: see [`pick`].
    Plural(&'t str, &'t str),
    Select(&'t str, &'t str),
}

/// Splits a template into text, `{name}` and `{name, plural, sel {body} …}`, lazily; an error ends it.
fn pieces(template: &str) -> impl Iterator<Item = Result<Piece<'_>, TemplateProblem>> {
    let mut rest = template;
    let mut failed = false;
    core::iter::from_fn(move || {
        if rest.is_empty() || failed {
            return None;
        }
        // The three marks are ASCII, so a byte position is a character boundary.
        let next = rest.bytes().position(|b| matches!(b, b'{' | b'}' | b'#')).unwrap_or(rest.len());
        if next > 0 {
            let (text, tail) = rest.split_at(next);
            rest = tail;
            return Some(Ok(Piece::Text(text)));
        }
        let piece = match rest.as_bytes().first() {
            Some(b'#') => {
                rest = rest.get(1..).unwrap_or("");
                Ok(Piece::Hash)
            }
            Some(b'{') => match matching_brace(rest) {
                Some(end) => {
                    let inner = rest.get(1..end).unwrap_or("");
                    rest = rest.get(end.saturating_add(1)..).unwrap_or("");
                    placeholder(inner)
                }
                None => Err(TemplateProblem::Syntax),
            },
            _ => Err(TemplateProblem::Syntax),
        };
        failed = piece.is_err();
        Some(piece)
    })
}

/// The byte index of the `}` closing the `{` at the start of `s`.
fn matching_brace(s: &str) -> Option<usize> {
    // Braces are ASCII: no byte of another character's UTF-8 equals one.
    let mut depth = 0usize;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'{' => depth = depth.saturating_add(1),
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn placeholder(inner: &str) -> Result<Piece<'_>, TemplateProblem> {
    let mut parts = inner.splitn(3, ',');
    let name = parts.next().unwrap_or("").trim();
    if !is_name(name) {
        return Err(TemplateProblem::Syntax);
    }
    let Some(kind) = parts.next() else { return Ok(Piece::Param(name)) };
    let kind = kind.trim();
    if kind != "plural" && kind != "select" {
        return Err(TemplateProblem::Syntax);
    }
    let body = parts.next().unwrap_or("").trim_start();
    Ok(if kind == "plural" { Piece::Plural(name, body) } else { Piece::Select(name, body) })
}

/// The branches of a plural or select, `(selector, body)`, lazily; an error ends them.
fn branches(body: &str) -> impl Iterator<Item = Result<(&str, &str), TemplateProblem>> {
    let mut rest = body;
    let mut failed = false;
    core::iter::from_fn(move || {
        if rest.is_empty() || failed {
            return None;
        }
        let branch = (|| {
            let open = rest.find('{').ok_or(TemplateProblem::Syntax)?;
            let selector = rest.get(..open).unwrap_or("").trim();
            let tail = rest.get(open..).unwrap_or("");
            let end = matching_brace(tail).ok_or(TemplateProblem::Syntax)?;
            if selector.is_empty() {
                return Err(TemplateProblem::Syntax);
            }
            rest = tail.get(end.saturating_add(1)..).unwrap_or("").trim_start();
            Ok((selector, tail.get(1..end).unwrap_or("")))
        })();
        failed = branch.is_err();
        Some(branch)
    })
}

/// Fills a template in from a diagnostic's `params` (what a host or a test does with a report): numbers and text.
pub fn render_params(template: &str, params: &Map<String, Value>) -> Result<String, TemplateProblem> {
    let names = template_params(template)?;
    let args: Vec<(&str, Arg)> = names
        .iter()
        .filter_map(|name| {
            let value = match params.get(name)? {
                Value::Number(n) => Arg::Int(n.as_i64()?),
                Value::String(s) => Arg::Text(Cow::Owned(s.clone())),
                _ => return None,
            };
            Some((name.as_str(), value))
        })
        .collect();
    render(template, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template is one string: `messages!` joins the id and the text with a NUL, and `id()`/`text()` part them
    /// again, for every template of every form and of the engine (an id never holds a NUL, so the first NUL is the
    /// join), and a message made from it carries both.
    #[test]
    fn a_template_parts_into_its_id_and_text() {
        let t =
            Template::joined(concat!("REF-001.missing", "\0", "Enter {n, plural, one {# child} other {# children}}"));
        assert_eq!(t.id(), "REF-001.missing");
        assert_eq!(t.text(), "Enter {n, plural, one {# child} other {# children}}");
        let m = Message::new(&TWO_TEMPLATE).arg("n", 2);
        assert_eq!((m.id(), m.english().as_str()), ("TST-001.two", "Two: 2 and a NUL-free text"));
        // Without a NUL (never written by `messages!`): all id, no text.
        assert_eq!((Template::joined("X-001.y").id(), Template::joined("X-001.y").text()), ("X-001.y", ""));
        let registry = &crate::forms::REGISTRY;
        let lists = registry
            .forms
            .iter()
            .map(|f| f.messages)
            .chain([crate::engine::structure::MESSAGES, crate::engine::checks::MESSAGES]);
        let mut n = 0;
        for t in lists.flatten() {
            let (id, text) = (t.id(), t.text());
            // `<CODE>.<short-name>` (or `shared.<short-name>`): a dot, no space, no NUL.
            assert!(id.contains('.') && !id.bytes().any(|b| b == 0 || b.is_ascii_whitespace()), "{id}");
            assert!(!text.is_empty() && !text.contains('\0'), "{id}");
            n += 1;
        }
        assert!(n > 400, "{n}");
    }

    static TWO_TEMPLATE: Template = Template::joined(concat!("TST-001.two", "\0", "Two: {n} and a NUL-free text"));

    /// The table as a map would hold it: each id once, its last template kept, found by id, listed in id order;
    /// compared with a `BTreeMap` over random tables with repeated ids.
    #[test]
    fn message_table_holds_what_a_map_holds() {
        use std::collections::BTreeMap;
        let mut rng = crate::engine::test_rng::Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..500 {
            let n = rng.below(12);
            let pairs: Vec<(String, String)> =
                (0..n).map(|i| (crate::text!("ID-", rng.below(6)), crate::text!("t", i))).collect();
            let map: BTreeMap<String, String> = pairs.iter().cloned().collect();
            let table = MessageTable::new(pairs);
            assert_eq!(table.len(), map.len());
            assert_eq!(table.is_empty(), map.is_empty());
            let listed: Vec<(&str, &str)> = table.iter().collect();
            let expected: Vec<(&str, &str)> = map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(listed, expected);
            for id in 0..7 {
                let id = crate::text!("ID-", id);
                assert_eq!(table.get(&id), map.get(&id).map(String::as_str));
            }
        }
    }

    /// `decimal` is `format!("{x}")` for every whole number below 9e15 and every number of up to 15 significant
    /// digits from 1e-5 to 9e15 (a bound, a typed decimal).
    #[test]
    fn decimal_writes_what_display_writes() {
        let mut xs = vec![
            0.0,
            1.0,
            0.5,
            2.5,
            90.0,
            0.1,
            0.2,
            0.30000000000000004,
            1e-5,
            1.5e-5,
            123.456,
            1e15,
            8.9e15,
            66.66666666666667,
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        while xs.len() < 160_000 {
            let digits = next() % 1_000_000_000_000_000 / 10u64.pow((next() % 15) as u32);
            let x = digits as f64 / 10f64.powi((next() % 21) as i32);
            if (1e-5..9.0e15).contains(&x) {
                xs.push(x);
            }
            xs.push((next() % 9_000_000_000_000_000) as f64);
        }
        for x in xs {
            assert_eq!(decimal(x), format!("{x}"), "{:?}", x.to_bits());
            assert_eq!(decimal(-x), format!("{}", -x), "{:?}", x.to_bits());
        }
    }

    #[test]
    fn renders_params_and_plurals() {
        let p = [("label", Arg::from("Date of birth")), ("weeks", Arg::Int(1)), ("n", Arg::Int(3))];
        assert_eq!(
            render("{label} within {weeks, plural, one {# week} other {# weeks}}", &p).as_deref(),
            Ok("Date of birth within 1 week")
        );
        assert_eq!(render("{n, plural, =3 {three} other {# things}}", &p).as_deref(), Ok("three"));
        assert_eq!(render("{n, plural, one {# thing} other {# things}}", &p).as_deref(), Ok("3 things"));
        assert_eq!(render("{nope}", &p), Err(TemplateProblem::UnknownParam("nope".into())));
        assert_eq!(render("a { b", &p), Err(TemplateProblem::Syntax));
        assert_eq!(render("a } b", &p), Err(TemplateProblem::Syntax));
        assert_eq!(render("{n, plural, one {x}}", &p), Err(TemplateProblem::Syntax));
        let k = [("kind", Arg::from("eha")), ("w", Arg::Int(2))];
        assert_eq!(
            render(
                "{kind, select, eha {an assessment} other {a plan}} in {w, plural, one {# week} other {# weeks}}",
                &k
            )
            .as_deref(),
            Ok("an assessment in 2 weeks")
        );
        assert_eq!(render("{kind, select, ehsp {x} other {a plan}}", &k).as_deref(), Ok("a plan"));
        // Every number up to 1,000 and down to -1,000 pushed as `format!` writes it (the one- and two-digit path and
        // the buffer's on both sides of 100).
        for n in -1000i64..=1000 {
            let mut pushed = String::from("x");
            IntText::default().push(&mut pushed, n < 0, n.unsigned_abs());
            assert_eq!(pushed, format!("x{n}"));
        }
        // Either side of where the digits are worked out as a `u32` rather than a `u64`, and every power of ten.
        let u32_max = i64::from(u32::MAX);
        let powers = (0..19).flat_map(|e| [10i64.pow(e) - 1, 10i64.pow(e), 10i64.pow(e) + 1]);
        for n in powers.chain([u32_max - 1, u32_max, u32_max + 1, u32_max * 10 + 7]) {
            for n in [n, -n] {
                let mut pushed = String::from("x");
                IntText::default().push(&mut pushed, n < 0, n.unsigned_abs());
                assert_eq!(pushed, format!("x{n}"));
            }
        }
        assert_eq!(IntText::default().digits(false, u64::MAX), u64::MAX.to_string());
        // Numbers as `format!` writes them, with no `core::fmt`: both ends of i64, zero, a negative `#`.
        for n in [0, 1, -1, 9, 10, -10, 99, 100, -99, 1234567890, i64::MAX, i64::MIN, -7] {
            assert_eq!(IntText::default().of(n), n.to_string());
            assert_eq!(IntText::default().digits(false, n.unsigned_abs()), n.unsigned_abs().to_string());
            let mut pushed = String::from("x");
            IntText::default().push(&mut pushed, n < 0, n.unsigned_abs());
            assert_eq!(pushed, format!("x{n}"));
            let p = [("n", Arg::Int(n))];
            assert_eq!(
                render("{n}|{n, plural, =0 {none} one {# one} other {# many}}", &p),
                Ok(format!(
                    "{n}|{}",
                    match n {
                        0 => "none".to_owned(),
                        1 => "1 one".to_owned(),
                        _ => format!("{n} many"),
                    }
                ))
            );
        }
        // `=N` is compared as written ("=01" is not 1), a select by a number picks by its digits, and a mistake
        // anywhere in a level is an error even after what rendered well; an unpicked branch is not checked.
        let p = [("n", Arg::Int(1)), ("k", Arg::Int(2)), ("t", Arg::from("x"))];
        assert_eq!(render("{n, plural, =01 {a} other {b}}", &p).as_deref(), Ok("b"));
        assert_eq!(render("{k, select, 2 {two} other {#}}", &p).as_deref(), Ok("two"));
        assert_eq!(render("{t} {", &p), Err(TemplateProblem::Syntax));
        assert_eq!(render("{t} {n, plural, one {x} {y}}", &p), Err(TemplateProblem::Syntax));
        // Two mistakes: the first one met is the one named (a host's table is checked before it is used).
        assert_eq!(render("{nope} {", &p), Err(TemplateProblem::UnknownParam("nope".into())));
        assert_eq!(template_params("{nope} {"), Err(TemplateProblem::Syntax));
        assert_eq!(render("{n, plural, one {{nope}} other {{also {}}", &p), Err(TemplateProblem::Syntax));
        assert_eq!(render("{n, plural, one {ok} other {{nope} {}}}", &p).as_deref(), Ok("ok"));
        assert_eq!(render("{t, plural, one {a} other {b}}", &p), Err(TemplateProblem::Syntax));
        assert_eq!(
            template_params("{a} {b, plural, one {{c}} other {#}} {a}"),
            Ok(vec!["a".into(), "b".into(), "c".into()])
        );
    }
}
