//! Council profiles: data that changes a rule's severity, switches it off, changes a threshold, lists the allowed
//! values of a local choice field (localities, teams), or adds closure days and bank holidays, on top of `default`
//! (the values written in the specification).
//!
//! A profile is a JSON document (`profiles/*.json` for the built-in ones; any council's own, passed at run time),
//! checked by [`super::profile_doc`] before anything reads it. What a call runs under is an [`Effective`] profile:
//! the chain `default` → the built-in it extends → the council's version in force on `today`, merged once.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::Serialize;

use super::error::Error;
use super::messages::IntText;
use super::profile_doc::{self, ProfileDoc};
use super::report::Severity;

/// A threshold a rule reads (a count, a number of days or weeks), which a profile may change.
#[derive(Debug, PartialEq, Eq)]
pub struct Param {
    /// `form-id.name`, e.g. `sf-referral.domains`; a policy several forms apply has one key of its own
    /// (`supervision.frequencyWeeks`).
    pub key: &'static str,
    pub default: i64,
    /// What the number counts: "domains", "days", "weeks", "months", "hours", "percent".
    pub unit: &'static str,
}

/// Keys whose meaning bounds them more tightly than their unit does (`sf-referral.domains`: the criteria table has
/// six domain areas).
const LIMITS: &[(&str, i64, i64)] = &[
    ("sf-referral.domains", 1, 6),
    ("sf-referral.subcategories", 1, 15),
    ("sf-referral.maxAge", 1, 25),
    ("sf-referral.maxAgeSend", 1, 25),
    ("case-audit.band1Max", 100, 400),
    ("case-audit.band2Max", 100, 400),
    ("case-audit.band3Max", 100, 400),
    ("safety-plan.maxScale", 1, 100),
    ("supervision-record.caseNumberDigits", 1, 20),
    ("family-ambassador.minWeeklyHours", 0, 40),
    ("family-ambassador.maxWeeklyHours", 1, 40),
];

/// Pairs of keys whose values must keep their order (the first at most the second), once a profile is merged.
pub const ORDERED: &[(&str, &str)] = &[
    ("case-audit.band1Max", "case-audit.band2Max"),
    ("case-audit.band2Max", "case-audit.band3Max"),
    ("case-audit.allocationOutstandingWeeks", "case-audit.allocationGoodWeeks"),
    ("case-audit.allocationGoodWeeks", "case-audit.allocationInadequateWeeks"),
    ("family-ambassador.minWeeklyHours", "family-ambassador.maxWeeklyHours"),
    ("supervision-audit.minFiles", "supervision-audit.maxFiles"),
    ("early-help-plan.supportMeetingFromWeeks", "early-help-plan.supportMeetingToWeeks"),
    ("practice-standards.supportMeetingFromWeeks", "practice-standards.supportMeetingToWeeks"),
    ("practice-standards.visitFromHour", "practice-standards.visitToHour"),
    ("targeted-group.peerSupportFromWeek", "targeted-group.peerSupportToWeek"),
    ("targeted-group.qaFromWeek", "targeted-group.qaToWeek"),
    ("incredible-years-checklist.peerReviewFromWeek", "incredible-years-checklist.peerReviewToWeek"),
    ("incredible-years-checklist.qaFromWeek", "incredible-years-checklist.qaToWeek"),
    ("sf-referral.maxAge", "sf-referral.maxAgeSend"),
    ("return-home-interview.dueSoonHours", "return-home-interview.hours"),
];

/// Keys that were per form before one shared key replaced them; a profile may still use them.
pub const ALIASES: &[(&str, &str)] = &[
    ("supervision-contract.maxFrequencyWeeks", "supervision.frequencyWeeks"),
    ("supervision-record.frequencyWeeks", "supervision.frequencyWeeks"),
    ("supervision-log.frequencyWeeks", "supervision.frequencyWeeks"),
];

/// The canonical key of a key a profile names (an old per-form key becomes the shared one).
pub fn canonical_key(key: &str) -> &str {
    ALIASES.iter().find(|(old, _)| *old == key).map_or(key, |(_, new)| new)
}

impl Param {
    /// The values the rule can mean: a profile outside them is refused by [`profile_doc::check`].
    pub fn range(&self) -> (i64, i64) {
        if let Some((_, lo, hi)) = LIMITS.iter().find(|(k, _, _)| *k == self.key) {
            return (*lo, *hi);
        }
        match self.unit {
            "days" => (0, 366),
            "working days" => (0, 60),
            "weeks" | "week" => (0, 104),
            "months" => (1, 60),
            "years" => (1, 30),
            "hours" => (1, 720),
            "hour" => (0, 24),
            "percent" => (0, 100),
            _ => (0, 1000),
        }
    }
}

/// Where a setting comes from: the profile that made it and, when it says, the council's own document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub profile: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// The allowed values of one choice field, as a profile lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldOptions {
    /// JSON Pointer of the field in the form's model (`*` for any list index).
    pub pointer: String,
    pub values: Setting<Vec<String>>,
}

/// What a merged profile sets for one key: a rule code's severity or its switching off (with why), a parameter key's
/// value, a form id's allowed values of its choice fields. A key has only the parts of its kind.
#[derive(Debug, Clone, PartialEq, Default)]
struct Entry {
    severity: Option<Setting<Severity>>,
    /// The rule is switched off, with why.
    off: Option<Setting<Option<String>>>,
    value: Option<Setting<i64>>,
    options: Vec<FieldOptions>,
}

/// A merged profile's place words, made when first asked for ([`Effective::place_words`]). They follow from the rest
/// of the profile, so they never make two profiles differ: asked for or not, equal.
#[derive(Debug, Clone, Default)]
struct PlaceWords(OnceLock<Vec<String>>);

impl PartialEq for PlaceWords {
    fn eq(&self, _: &PlaceWords) -> bool {
        true
    }
}

/// A profile merged down its chain: what a call runs under.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Effective {
    pub id: String,
    pub title: String,
    pub effective_from: Option<NaiveDate>,
    /// The profile's own document, when it names one.
    pub source: Option<String>,
    /// This profile, what it extends, …, `default`.
    pub lineage: Vec<String>,
    /// Rule code, parameter key or form id → what the profile sets for it, sorted by key and searched by binary
    /// search. One list of one entry type: four hash maps of four value types compiled four hash tables into each
    /// module (issue 20, BENCHMARKS.md "Size").
    settings: Vec<(String, Entry)>,
    /// Closure days and extra bank holidays (both non-working days).
    pub closures: Vec<NaiveDate>,
    /// Bank holidays moved away from these dates: working days again.
    pub restored: Vec<NaiveDate>,
    /// Words for `profiles()`: the notes of each profile in the chain, then one line per setting (written with the
    /// `catalogue` feature only: see [`note`]).
    pub changes: Vec<String>,
    /// The council's own place words, sorted: the words of its ids, of its name and of the values of its lists
    /// (localities, teams). A scan for a person's name does not take them for one (SVR-007). Made the first time
    /// that scan asks, so that only the module with that form carries the code (and Unicode's alphanumeric tables)
    /// that splits them; each merged profile has its own.
    place_words: PlaceWords,
}

impl Effective {
    /// What the profile sets for a key (none under `default`).
    fn entry(&self, key: &str) -> Option<&Entry> {
        super::sort::value_of(&self.settings, key)
    }

    /// The entry of a key, made empty in its place when the profile has none yet (always `Some`).
    fn entry_mut(&mut self, key: &str) -> Option<&mut Entry> {
        let at = match self.settings.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(at) => at,
            Err(at) => {
                self.settings.insert(at, (key.to_owned(), Entry::default()));
                at
            }
        };
        self.settings.get_mut(at).map(|(_, e)| e)
    }

    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        self.severity_setting(code).map_or(default, |s| s.value)
    }

    fn severity_setting(&self, code: &str) -> Option<&Setting<Severity>> {
        self.entry(code)?.severity.as_ref()
    }

    pub fn enabled(&self, code: &str) -> bool {
        self.entry(code).is_none_or(|e| e.off.is_none())
    }

    pub fn value(&self, param: &Param) -> i64 {
        self.value_setting(param.key).map_or(param.default, |s| s.value)
    }

    fn value_setting(&self, key: &str) -> Option<&Setting<i64>> {
        self.entry(key)?.value.as_ref()
    }

    /// Where the severity in force comes from, when a profile set it.
    pub fn severity_origin(&self, code: &str) -> Option<&Origin> {
        self.severity_setting(code).map(|s| &s.origin)
    }

    /// Why a rule is off, when a profile switched it off.
    pub fn off_origin(&self, code: &str) -> Option<(&Origin, Option<&str>)> {
        let off = self.entry(code)?.off.as_ref()?;
        Some((&off.origin, off.value.as_deref()))
    }

    pub fn value_origin(&self, key: &str) -> Option<&Origin> {
        self.value_setting(key).map(|s| &s.origin)
    }

    /// The allowed values of the form's choice fields, as this profile lists them (empty when it lists none).
    pub fn options_for(&self, form: &str) -> &[FieldOptions] {
        self.entry(form).map_or(&[], |e| e.options.as_slice())
    }

    /// The council's own place words, as written (the words of its name, see [`council_name`], of the ids of its
    /// chain and of the values of its lists): "priory" under a profile listing the locality "brightwell-priory",
    /// none under `default`. Not lower-cased here: Unicode's case tables would then be in every module, where only
    /// the form that compares them (SVR-007's scan) needs them.
    pub fn place_words(&self) -> &[String] {
        self.place_words.0.get_or_init(|| place_words(self))
    }

    /// A copy with one document applied on top (the document is already checked).
    pub(crate) fn apply(&self, doc: &ProfileDoc) -> Effective {
        let mut out = self.clone();
        out.id.clone_from(&doc.id);
        out.title.clone_from(&doc.title);
        out.effective_from = doc.effective_from;
        out.source.clone_from(&doc.source);
        out.lineage.insert(0, doc.id.clone());
        for n in &doc.notes {
            note(&mut out.changes, || n.clone());
        }
        let mut digits = IntText::default();
        for v in &doc.values {
            if let Some(e) = out.entry_mut(&v.key) {
                e.value = Some(Setting { value: v.value, origin: origin(doc, v.source.as_ref()) });
            }
            note(&mut out.changes, || {
                let value = digits.digits(v.value < 0, v.value.unsigned_abs());
                let (colon, why) = why(v.source.as_deref(), ": ");
                [v.key.as_str(), " = ", value, colon, why].concat()
            });
        }
        for r in &doc.rules {
            let (colon, why) = why(r.reason.as_deref(), ": ");
            let Some(e) = out.entry_mut(&r.code) else { continue };
            if let Some(severity) = r.severity {
                e.severity = Some(Setting { value: severity, origin: origin(doc, r.reason.as_ref()) });
            }
            match r.enabled {
                Some(false) => {
                    e.off = Some(Setting { value: r.reason.clone(), origin: origin(doc, r.reason.as_ref()) })
                }
                Some(true) => e.off = None,
                None => {}
            }
            if let Some(severity) = r.severity {
                note(&mut out.changes, || [r.code.as_str(), " severity ", severity.as_str(), colon, why].concat());
            }
            if r.enabled == Some(false) {
                note(&mut out.changes, || [r.code.as_str(), " switched off", colon, why].concat());
            }
        }
        for o in &doc.options {
            if let Some(e) = out.entry_mut(&o.form) {
                let setting = Setting { value: o.values.clone(), origin: origin(doc, None) };
                match e.options.iter_mut().find(|f| f.pointer == o.pointer) {
                    Some(f) => f.values = setting,
                    None => e.options.push(FieldOptions { pointer: o.pointer.clone(), values: setting }),
                }
            }
            note(&mut out.changes, || {
                let (open, from) = why(doc.source.as_deref(), " (");
                let close = if from.is_empty() { "" } else { ")" };
                let values = o.values.join(", ");
                [o.form.as_str(), " ", &o.pointer, ": the values listed are ", &values, open, from, close].concat()
            });
        }
        if !doc.closures.is_empty() {
            note(&mut out.changes, || {
                let n = digits.digits(false, u64::try_from(doc.closures.len()).unwrap_or(u64::MAX));
                [n, " closure days"].concat()
            });
            out.closures.extend(doc.closures.iter().copied());
        }
        for h in &doc.bank_holidays {
            out.closures.push(h.date);
            if let Some(old) = h.replaces {
                out.restored.push(old);
            }
        }
        if !doc.bank_holidays.is_empty() {
            note(&mut out.changes, || {
                let n = digits.digits(false, u64::try_from(doc.bank_holidays.len()).unwrap_or(u64::MAX));
                [n, " extra or moved bank holidays"].concat()
            });
        }
        // Not the words of the profile it was copied from: made from this one when first asked for.
        out.place_words = PlaceWords::default();
        out
    }

    pub fn info(&self) -> ProfileInfo {
        ProfileInfo { id: self.id.clone(), title: self.title.clone(), changes: self.changes.clone() }
    }
}

/// Adds a line to a profile's changes (`profiles()`), in a build with the catalogue only: the command line and native
/// users. The WebAssembly module is built without it; its package reads the built-in profiles' lines from its
/// catalogue (`safeguarding-forms catalogue`, `profiles`), and nothing reads the lines of a council's own document,
/// so the module neither carries the code that writes them nor writes them on every document it merges.
#[inline]
fn note(changes: &mut Vec<String>, line: impl FnOnce() -> String) {
    #[cfg(feature = "catalogue")]
    changes.push(line());
    #[cfg(not(feature = "catalogue"))]
    let _ = (changes, line);
}

/// Where a setting of `doc` comes from: the document, and the setting's own source or else the document's.
fn origin(doc: &ProfileDoc, source: Option<&String>) -> Origin {
    Origin { profile: doc.id.clone(), source: source.or(doc.source.as_ref()).cloned() }
}

/// A change line's tail: `(lead, text)` when there is a text (a source, a reason), `("", "")` when not. The lines are
/// put together from their pieces (`concat`), not by `format!`, whose machinery was inlined at each line.
fn why<'a>(text: Option<&'a str>, lead: &'static str) -> (&'static str, &'a str) {
    text.map_or(("", ""), |t| (lead, t))
}

/// A profile title's council name: up to its first parenthesis or colon, trimmed ("Brightwell Borough Council
/// (fictional): Practice Standards" → "Brightwell Borough Council"). The demo pages read a title the same way
/// (`www/profile-loader.js` `councilName`).
pub fn council_name(title: &str) -> &str {
    title.split(['(', ':']).next().unwrap_or_default().trim()
}

/// The place words of a merged profile (see [`Effective::place_words`]): made once, when first asked for.
fn place_words(e: &Effective) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                words.push(w.to_owned());
            }
        }
    };
    // Plain loops, not one chain of iterator adapters (1.6 kB of WebAssembly): the list is sorted below, so the order
    // the words are found in does not matter.
    for id in e.lineage.iter().filter(|id| *id != "default") {
        add(id);
    }
    add(council_name(&e.title));
    for (_, entry) in &e.settings {
        for list in &entry.options {
            for value in &list.values.value {
                add(value);
            }
        }
    }
    // The engine's small sort, not `sort_unstable` (about 4 kB of WebAssembly for this one call).
    super::sort::distinct(&mut words);
    words
}

/// `default`: the values written in the specification.
fn default_profile() -> Effective {
    Effective {
        id: "default".to_owned(),
        title: "Default (the values written in the specification)".to_owned(),
        lineage: vec!["default".to_owned()],
        ..Effective::default()
    }
}

/// The built-in profiles' documents, in the order `profiles()` lists them, from one list of their file names: as
/// written with the `catalogue` feature (their notes are the lines `profiles()` lists), and else as build.rs writes
/// them, without notes, `$schema` or whitespace (a module reads neither; about 0.5 kB gzip of every module).
/// `LEAN` is build.rs's copies in every build, for the test that holds each to its document.
macro_rules! built_in_docs {
    ($($name:literal),* $(,)?) => {
        #[cfg(feature = "catalogue")]
        const BUILT_IN: &[(&str, &str)] = &[$(($name, include_str!(concat!("../../profiles/", $name, ".json")))),*];
        #[cfg(not(feature = "catalogue"))]
        const BUILT_IN: &[(&str, &str)] = LEAN;
        #[cfg(any(test, not(feature = "catalogue")))]
        const LEAN: &[(&str, &str)] =
            &[$(($name, include_str!(concat!(env!("OUT_DIR"), "/profiles/", $name, ".json")))),*];
    };
}

built_in_docs!("telford-wrekin", "west-sussex", "walsall", "south-glos");

/// The ids of the built-in profiles (with `default`).
pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
    std::iter::once("default").chain(BUILT_IN.iter().map(|(id, _)| *id))
}

/// The built-in ids as a message lists them, from the built-in table (`BUILT_IN`): "default, a, b or c".
pub fn built_in_ids_text() -> String {
    let ids: Vec<&str> = built_in_ids().collect();
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => crate::text!(rest.join(", "), " or ", last),
        _ => ids.join(""),
    }
}

/// `default`, made once. A call that names no profile runs under it and never reads a built-in profile's document
/// (parsing and checking the four documents was most of a first report's one-time work: BENCHMARKS.md, "First
/// report").
pub fn default() -> Arc<Effective> {
    static CELL: OnceLock<Arc<Effective>> = OnceLock::new();
    Arc::clone(CELL.get_or_init(|| Arc::new(default_profile())))
}

/// The built-in profiles as [`built_in`] makes them, in `BUILT_IN`'s order.
static BUILT_INS: [OnceLock<Result<Arc<Effective>, String>>; BUILT_IN.len()] =
    [const { OnceLock::new() }; BUILT_IN.len()];

/// A built-in profile, read, checked and merged on its first use (each document by itself: naming one built-in
/// reads only that one), or why its file does not pass its own checks (a packaging mistake, caught by the tests):
/// named so that using it is an error, never a silent default.
fn built_in(index: usize) -> Option<&'static Result<Arc<Effective>, String>> {
    let (id, text) = BUILT_IN.get(index)?;
    Some(BUILT_INS.get(index)?.get_or_init(|| {
        let parsed = crate::engine::input::parse(text)
            .map_err(|_| "not JSON".to_owned())
            .and_then(|v| profile_doc::parse_one(None, &v, true).map_err(|p| crate::text!(p.path, ": ", p.message)))?;
        // Built-ins extend `default` only.
        if parsed.id == *id {
            Ok(Arc::new(default().apply(&parsed)))
        } else {
            Err("its id is not its file name".to_owned())
        }
    }))
}

/// A built-in profile by id.
pub fn find(id: &str) -> Result<Arc<Effective>, Error> {
    if id == "default" {
        return Ok(default());
    }
    let index = BUILT_IN.iter().position(|(b, _)| *b == id);
    match index.and_then(built_in) {
        Some(Ok(profile)) => Ok(Arc::clone(profile)),
        Some(Err(why)) => {
            Err(Error::InvalidProfile(crate::text!("the built-in profile ", id, " is broken (", why, ")")))
        }
        None => Err(Error::UnknownProfile(id.to_owned())),
    }
}

/// Every built-in profile, `default` first (one whose file is broken is left out).
pub fn all() -> Vec<Arc<Effective>> {
    let built_ins = (0..BUILT_IN.len()).filter_map(|i| built_in(i)?.as_ref().ok().cloned());
    std::iter::once(default()).chain(built_ins).collect()
}

/// Whether a built-in profile's document has been read in this process (`default` has none): for the test that a
/// call naming no profile reads none (tests/first_report.rs).
#[doc(hidden)]
pub fn built_in_read(id: &str) -> bool {
    let index = BUILT_IN.iter().position(|(b, _)| *b == id);
    index.and_then(|i| BUILT_INS.get(i)).is_some_and(|cell| cell.get().is_some())
}

/// A profile as `profiles()` shows it. `changes` is empty in a build without the `catalogue` feature (the
/// WebAssembly module, whose package lists the built-in profiles from its catalogue).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileInfo {
    pub id: String,
    pub title: String,
    pub changes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::{BUILT_IN, LEAN};
    use crate::engine::{input, profile_doc};

    /// build.rs's lean copy of each built-in document (what a WebAssembly module carries) is the same profile as the
    /// document as written, once its notes are set aside; and it is smaller, with no notes and no `$schema`.
    #[test]
    fn a_module_carries_each_built_in_document_without_its_notes() {
        assert_eq!(LEAN.len(), BUILT_IN.len());
        let read =
            |text: &str| profile_doc::parse_one(None, &input::parse(text).expect("JSON"), true).expect("a profile");
        for ((id, written), (lean_id, lean_text)) in BUILT_IN.iter().zip(LEAN) {
            assert_eq!(id, lean_id);
            let mut full = read(written);
            let small = read(lean_text);
            assert!(!full.notes.is_empty(), "{id}: the document as written has notes");
            assert!(small.notes.is_empty(), "{id}");
            full.notes.clear();
            assert_eq!(full, small, "{id}");
            assert!(!lean_text.contains("$schema") && !lean_text.contains('\n'), "{id}: {lean_text}");
            assert!(lean_text.len() < written.len(), "{id}");
            // Every key and string of the document as written is in the lean text, in order, but the notes and the
            // schema's address.
            let notes = read_notes(&input::parse(written).expect("JSON"));
            let mut before = Vec::new();
            collect_strings(&input::parse(written).expect("JSON"), &mut before);
            before.retain(|s| {
                !notes.contains(s) && !["notes", "$schema", "../docs/profile.schema.json"].contains(&s.as_str())
            });
            let mut after = Vec::new();
            collect_strings(&input::parse(lean_text).expect("JSON"), &mut after);
            assert_eq!(before, after, "{id}");
        }
    }

    fn read_notes(v: &crate::engine::value::Value) -> Vec<String> {
        let mut out = Vec::new();
        if let crate::engine::value::Value::Object(o) = v {
            if let Some(notes) = crate::engine::read::get(o, "notes") {
                collect_strings(notes, &mut out);
            }
        }
        out
    }

    fn collect_strings(v: &crate::engine::value::Value, out: &mut Vec<String>) {
        use crate::engine::value::Value;
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
            Value::Object(o) => o.iter().for_each(|(k, x)| {
                out.push(k.clone());
                collect_strings(x, out)
            }),
            _ => {}
        }
    }
}
