//! A council profile as a JSON document: read and checked like data, never trusted. [`check`] lists every problem
//! of any value (never panics, never stops at the first); [`parse`] gives the documents when there is none, and the
//! first problem otherwise (a configuration mistake: `validate` and `FormSession` refuse to run under it).
//!
//! The document's shape is published as a JSON Schema ([`schema`], `profileSchema()`, `safeguarding-forms
//! profile-schema`); the checks here go further than a schema can (known rule codes and parameter keys, the bounds a
//! threshold can mean, pointers that name a choice field of the form, a list of versions of one council).

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;
use serde::Serialize;

use super::messages::IntText;
use super::model::{Field, Kind};
use super::profile::{self, canonical_key, ORDERED};
use super::registry::{FormDef, Registry};
use super::report::Severity;
use super::structure::INPUT_RULES;
use crate::calendar;

/// One problem with a profile: where (a JSON Pointer into the document) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// What `checkProfile` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    pub valid: bool,
    pub problems: Vec<Problem>,
}

impl CheckResult {
    /// The result as the engine's value, which writes the JSON text serde writes of it (the module's
    /// `checkProfileJson`, without serde's writer).
    pub fn to_value(&self) -> Value {
        let problems = self.problems.iter().map(|p| {
            let mut m = Map::new();
            m.insert("path".to_owned(), Value::from(p.path.as_str()));
            m.insert("message".to_owned(), Value::from(p.message.as_str()));
            Value::Object(m)
        });
        let mut m = Map::new();
        m.insert("valid".to_owned(), Value::Bool(self.valid));
        m.insert("problems".to_owned(), Value::Array(problems.collect()));
        Value::Object(m)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValueSet {
    pub key: String,
    pub value: i64,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub code: String,
    pub severity: Option<Severity>,
    pub enabled: Option<bool>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OptionSet {
    pub form: String,
    pub pointer: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Holiday {
    pub date: NaiveDate,
    /// The date the holiday was moved from, which is a working day again.
    pub replaces: Option<NaiveDate>,
}

/// One version of a council's profile, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileDoc {
    pub id: String,
    pub title: String,
    pub extends: String,
    pub effective_from: Option<NaiveDate>,
    pub source: Option<String>,
    pub notes: Vec<String>,
    pub values: Vec<ValueSet>,
    pub rules: Vec<RuleSet>,
    pub options: Vec<OptionSet>,
    pub closures: Vec<NaiveDate>,
    pub bank_holidays: Vec<Holiday>,
}

/// The longest id, title, note, source or option value a profile may hold.
const MAX_ID: usize = 64;
const MAX_TEXT: usize = 2_000;
const MAX_OPTION: usize = 200;
/// The most entries of any list or map (options per field, closures, versions): generous for real councils, and a
/// bound on the work a hostile document can ask for.
const MAX_ENTRIES: usize = 1_000;

const KEYS: &[&str] = &[
    "$schema",
    "id",
    "title",
    "extends",
    "effectiveFrom",
    "source",
    "notes",
    "values",
    "options",
    "rules",
    "closures",
    "bankHolidays",
];

/// Checks any value as a profile option: a built-in id, one profile document, or a list of versions of one.
pub fn check(registry: &'static Registry, v: &Value) -> CheckResult {
    let mut p = Checker { registry: Some(registry), ..Checker::default() };
    match v {
        Value::String(id) => {
            if profile::find(id).is_err() {
                let ids = profile::built_in_ids_text();
                p.add("", crate::text!("is not a built-in profile id (expected ", ids, ", or a profile document)"));
            }
        }
        _ => {
            p.versions(v);
        }
    }
    CheckResult { valid: p.problems.is_empty(), problems: p.problems }
}

/// Reads a profile option's documents (one, or the versions of one council's profile). `Err` is the first problem.
pub fn parse(registry: &'static Registry, v: &Value) -> Result<Vec<ProfileDoc>, Problem> {
    let mut p = Checker { registry: Some(registry), ..Checker::default() };
    let docs = p.versions(v);
    match p.problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(docs),
    }
}

/// Reads one document (a built-in file, which may only extend `default`). With no registry, what only the forms can
/// tell (rule codes, parameter keys and their bounds, choice fields) is taken as written: the built-in files are read
/// so, and `tests/profiles.rs` checks each against every form.
pub fn parse_one(registry: Option<&'static Registry>, v: &Value, built_in: bool) -> Result<ProfileDoc, Problem> {
    let mut p = Checker { built_in, registry, ..Checker::default() };
    let doc = p.doc(v, "");
    match (p.problems.into_iter().next(), doc) {
        (Some(first), _) => Err(first),
        (None, Some(doc)) => Ok(doc),
        (None, None) => Err(Problem { path: String::new(), message: "is not a profile".into() }),
    }
}

/// Whether a profile may set this rule code: every form's of the product, and the shared input rules'.
fn is_rule_code(registry: &Registry, code: &str) -> bool {
    registry.has_code(code) || INPUT_RULES.iter().any(|r| r.code == code)
}

/// The rule codes, sorted, for the schema.
///
/// Inserted one by one rather than collected: `BTreeSet`'s `FromIterator` sorts its input with the standard library's
/// stable sort first, about 5 kB of WebAssembly for this one call (issue 20, BENCHMARKS.md "Size"). The set is the same.
#[cfg(feature = "catalogue")]
fn sorted_rule_codes(registry: &Registry) -> std::collections::BTreeSet<String> {
    let mut codes = std::collections::BTreeSet::new();
    for code in registry.codes().chain(INPUT_RULES.iter().map(|r| r.code.to_owned())) {
        codes.insert(code);
    }
    codes
}

/// The field a model pointer (`/a/b`, `*` for a list index) names, if any.
pub fn field_at(form: &FormDef, pointer: &str) -> Option<&'static Field> {
    let rest = pointer.strip_prefix('/')?;
    let mut fields: &'static [Field] = form.fields;
    let mut segs = rest.split('/').peekable();
    while let Some(seg) = segs.next() {
        let field = super::model::find(fields, seg).map(|(_, f)| f)?;
        if segs.peek().is_none() {
            return Some(field);
        }
        let mut kind = field.kind;
        loop {
            match kind {
                Kind::List { item, .. } => {
                    if segs.next()? != "*" {
                        return None;
                    }
                    kind = *item;
                    // A list of choices (`/criteria/*`) is not a field of its own here.
                    segs.peek()?;
                }
                Kind::Object(inner) => {
                    fields = inner;
                    break;
                }
                _ => return None,
            }
        }
    }
    None
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    built_in: bool,
    /// The forms, for what only they can tell; `None` reads a built-in file as written.
    registry: Option<&'static Registry>,
}

/// `base/tail` (`tail` written with its slash: `"/id"`). This and the two below make every path of a problem: one
/// small function each, where `format!` inlined its machinery at each of some forty places (issue 20).
#[inline(never)]
fn join(base: &str, tail: &str) -> String {
    [base, tail].concat()
}

/// `base/key`, the key escaped as a JSON Pointer segment (`~` as `~0`, `/` as `~1`).
#[inline(never)]
fn key_path(base: &str, key: &str) -> String {
    [base, "/", &key.replace('~', "~0").replace('/', "~1")].concat()
}

/// `base/i`: a list's item.
#[inline(never)]
fn index_path(base: &str, i: usize) -> String {
    [base, "/", &int(i)].concat()
}

/// A count's digits, for a path or a message.
fn int(n: usize) -> String {
    IntText::default().digits(false, u64::try_from(n).unwrap_or(u64::MAX)).to_owned()
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(MAX_ID).collect();
    super::report::json_string(&cut)
}

impl Checker {
    fn add(&mut self, path: &str, message: impl Into<String>) {
        if self.problems.len() < 200 {
            self.problems.push(Problem { path: path.to_owned(), message: message.into() });
        }
    }

    fn versions(&mut self, v: &Value) -> Vec<ProfileDoc> {
        match v {
            Value::Object(_) => self.doc(v, "").into_iter().collect(),
            Value::Array(items) => {
                if items.is_empty() {
                    self.add("", "a list of profile versions must have at least one version");
                    return Vec::new();
                }
                if items.len() > MAX_ENTRIES {
                    self.add(
                        "",
                        ["a list of profile versions may have at most ", &int(MAX_ENTRIES), " versions"].concat(),
                    );
                    return Vec::new();
                }
                let docs: Vec<(usize, ProfileDoc)> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| self.doc(d, &index_path("", i)).map(|d| (i, d)))
                    .collect();
                if let Some((_, first)) = docs.first() {
                    let id = first.id.clone();
                    for (i, d) in &docs {
                        if d.id != id {
                            self.add(
                                &join(&index_path("", *i), "/id"),
                                "every version in a list must have the same id (one council's profile)",
                            );
                        }
                    }
                }
                if items.len() > 1 {
                    // A list, not a `BTreeSet` (whose insert was compiled for dates here alone): at most
                    // `MAX_ENTRIES` versions.
                    let mut seen: Vec<NaiveDate> = Vec::new();
                    for (i, d) in &docs {
                        match d.effective_from {
                            None => self.add(
                                &index_path("", *i),
                                "each version in a list of several must have effectiveFrom (the date it takes effect)",
                            ),
                            Some(date) => {
                                if seen.contains(&date) {
                                    self.add(
                                        &join(&index_path("", *i), "/effectiveFrom"),
                                        "two versions take effect on the same date",
                                    );
                                } else {
                                    seen.push(date);
                                }
                            }
                        }
                    }
                }
                docs.into_iter().map(|(_, d)| d).collect()
            }
            Value::Null => {
                self.add("", "a profile must be a built-in id, a profile object or a list of versions, not null");
                Vec::new()
            }
            _ => {
                self.add("", "a profile must be a built-in id, a profile object or a list of versions");
                Vec::new()
            }
        }
    }

    fn text(&mut self, path: &str, v: &Value, max: usize) -> Option<String> {
        match v {
            Value::String(s) if s.trim().is_empty() => {
                self.add(path, "must not be empty");
                None
            }
            Value::String(s) if s.chars().count() > max => {
                self.add(path, ["must be at most ", &int(max), " characters"].concat());
                None
            }
            Value::String(s) => Some(s.clone()),
            _ => {
                self.add(path, "must be a string");
                None
            }
        }
    }

    fn date(&mut self, path: &str, v: &Value) -> Option<NaiveDate> {
        match v.as_str().and_then(calendar::parse_iso_date) {
            Some(d) if calendar::in_range(d) => Some(d),
            Some(_) => {
                self.add(path, "must be a date within the years the calendar knows (1900 to 2199)");
                None
            }
            None => {
                self.add(path, "must be a real date written YYYY-MM-DD");
                None
            }
        }
    }

    fn object<'v>(&mut self, path: &str, v: &'v Value, what: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(o) if o.len() > MAX_ENTRIES => {
                self.add(path, ["may have at most ", &int(MAX_ENTRIES), " entries"].concat());
                None
            }
            Value::Object(o) => Some(o),
            _ => {
                self.add(path, ["must be an object (", what, ")"].concat());
                None
            }
        }
    }

    fn array<'v>(&mut self, path: &str, v: &'v Value, what: &str) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(a) if a.len() > MAX_ENTRIES => {
                self.add(path, ["may have at most ", &int(MAX_ENTRIES), " entries"].concat());
                None
            }
            Value::Array(a) => Some(a),
            _ => {
                self.add(path, ["must be a list (", what, ")"].concat());
                None
            }
        }
    }

    fn doc(&mut self, v: &Value, at: &str) -> Option<ProfileDoc> {
        let before = self.problems.len();
        let Value::Object(o) = v else {
            self.add(at, "a profile must be an object");
            return None;
        };
        for key in o.keys() {
            if !KEYS.contains(&key.as_str()) {
                self.add(
                    &key_path(at, key),
                    "unknown key (expected id, title, extends, effectiveFrom, source, notes, values, options, rules, closures, bankHolidays)",
                );
            }
        }
        if let Some(s) = o.get("$schema") {
            if !s.is_string() {
                self.add(&join(at, "/$schema"), "must be a string");
            }
        }
        let id = match o.get("id") {
            None => {
                self.add(at, "a profile must have an id");
                None
            }
            Some(v) => {
                let id = self.text(&join(at, "/id"), v, MAX_ID);
                if let Some(s) = &id {
                    let ok = s
                        .split('-')
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
                    if !ok {
                        self.add(
                            &join(at, "/id"),
                            "must be kebab-case: lowercase letters and digits joined by hyphens",
                        );
                    }
                    if s == "default" {
                        self.add(
                            &join(at, "/id"),
                            "default is the built-in base profile; give the council's profile its own id",
                        );
                    }
                }
                id
            }
        };
        let title = match o.get("title") {
            None => {
                self.add(at, "a profile must have a title");
                None
            }
            Some(v) => self.text(&join(at, "/title"), v, MAX_TEXT),
        };
        let extends = match o.get("extends") {
            None => "default".to_owned(),
            Some(v) => {
                let path = join(at, "/extends");
                let e = self.text(&path, v, MAX_ID).unwrap_or_else(|| "default".to_owned());
                if id.as_deref() == Some(e.as_str()) {
                    self.add(&path, "a profile cannot extend itself (a cycle in extends)");
                } else if self.built_in && e != "default" {
                    self.add(&path, "a built-in profile extends default");
                } else if !profile::built_in_ids().any(|b| b == e) {
                    self.add(
                        &path,
                        crate::text!(
                            "extends ",
                            short(&e),
                            " which is not a built-in profile (expected ",
                            profile::built_in_ids_text(),
                            ")"
                        ),
                    );
                }
                e
            }
        };
        let effective_from = o.get("effectiveFrom").and_then(|v| self.date(&join(at, "/effectiveFrom"), v));
        let source = o.get("source").and_then(|v| self.text(&join(at, "/source"), v, MAX_TEXT));
        let mut notes = Vec::new();
        if let Some(v) = o.get("notes") {
            let path = join(at, "/notes");
            if let Some(items) = self.array(&path, v, "of sentences") {
                for (i, n) in items.iter().enumerate() {
                    if let Some(t) = self.text(&index_path(&path, i), n, MAX_TEXT) {
                        notes.push(t);
                    }
                }
            }
        }
        let values = o.get("values").map(|v| self.values(v, &join(at, "/values"))).unwrap_or_default();
        let rules = o.get("rules").map(|v| self.rules(v, &join(at, "/rules"))).unwrap_or_default();
        let options = o.get("options").map(|v| self.options(v, &join(at, "/options"))).unwrap_or_default();
        let mut closures = Vec::new();
        if let Some(v) = o.get("closures") {
            let path = join(at, "/closures");
            if let Some(items) = self.array(&path, v, "of dates YYYY-MM-DD") {
                closures = items.iter().enumerate().filter_map(|(i, d)| self.date(&index_path(&path, i), d)).collect();
            }
        }
        let mut bank_holidays = Vec::new();
        if let Some(v) = o.get("bankHolidays") {
            let path = join(at, "/bankHolidays");
            if let Some(items) = self.array(&path, v, "of dates, or of { date, replaces } for a moved holiday") {
                for (i, h) in items.iter().enumerate() {
                    let p = index_path(&path, i);
                    match h {
                        Value::Object(ho) => {
                            for key in ho.keys() {
                                if key != "date" && key != "replaces" {
                                    self.add(&key_path(&p, key), "unknown key (expected date, replaces)");
                                }
                            }
                            let date = match ho.get("date") {
                                Some(d) => self.date(&join(&p, "/date"), d),
                                None => {
                                    self.add(&p, "a moved bank holiday must have its date");
                                    None
                                }
                            };
                            let replaces = ho.get("replaces").and_then(|d| self.date(&join(&p, "/replaces"), d));
                            if let Some(date) = date {
                                bank_holidays.push(Holiday { date, replaces });
                            }
                        }
                        _ => {
                            if let Some(date) = self.date(&p, h) {
                                bank_holidays.push(Holiday { date, replaces: None });
                            }
                        }
                    }
                }
            }
        }
        let doc = ProfileDoc {
            id: id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            extends,
            effective_from,
            source,
            notes,
            values,
            rules,
            options,
            closures,
            bank_holidays,
        };
        if self.problems.len() == before {
            self.ordered(&doc, at);
        }
        (self.problems.len() == before).then_some(doc)
    }

    fn values(&mut self, v: &Value, path: &str) -> Vec<ValueSet> {
        let Some(o) = self.object(path, v, "parameter key → number") else { return Vec::new() };
        let params = self.registry.map(Registry::params);
        let mut out: Vec<ValueSet> = Vec::new();
        for (key, val) in o {
            let p = key_path(path, key);
            let canonical = canonical_key(key);
            let param = params.as_ref().map(|ps| ps.iter().copied().find(|q| q.key == canonical));
            if let Some(None) = param {
                self.add(&p, "unknown parameter key (rules() lists every parameter with its key)");
                continue;
            }
            let (number, source) = match val {
                Value::Object(vo) => {
                    for k in vo.keys() {
                        if k != "value" && k != "source" {
                            self.add(&key_path(&p, k), "unknown key (expected value, source)");
                        }
                    }
                    let source = vo.get("source").and_then(|s| self.text(&join(&p, "/source"), s, MAX_TEXT));
                    match vo.get("value") {
                        Some(n) => (self.whole(&join(&p, "/value"), n), source),
                        None => {
                            self.add(&p, "must have a value");
                            (None, source)
                        }
                    }
                }
                _ => (self.whole(&p, val), None),
            };
            let Some(number) = number else { continue };
            if let Some(Some(param)) = param {
                let (lo, hi) = param.range();
                if number < lo || number > hi {
                    self.add(
                        &p,
                        crate::text!(
                            "must be between ",
                            lo,
                            " and ",
                            hi,
                            " ",
                            param.unit,
                            " for this rule to mean anything"
                        ),
                    );
                    continue;
                }
            }
            if out.iter().any(|x| x.key == canonical) {
                self.add(&p, crate::text!("sets ", canonical, " a second time (through an old key)"));
                continue;
            }
            out.push(ValueSet { key: canonical.to_owned(), value: number, source });
        }
        out
    }

    fn whole(&mut self, path: &str, v: &Value) -> Option<i64> {
        match v.as_i64() {
            Some(n) => Some(n),
            None if v.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15) => v.as_f64().map(|f| f as i64),
            None => {
                self.add(path, "must be a whole number");
                None
            }
        }
    }

    fn rules(&mut self, v: &Value, path: &str) -> Vec<RuleSet> {
        let Some(o) = self.object(path, v, "rule code → { severity, enabled, reason }") else { return Vec::new() };
        let mut out = Vec::new();
        for (code, val) in o {
            let p = key_path(path, code);
            // Searched in the product's forms (each its prefix and count of rules; at most `MAX_ENTRIES` rules).
            if self.registry.is_some_and(|r| !is_rule_code(r, code)) {
                self.add(&p, "unknown rule code (rules() lists every code)");
                continue;
            }
            let Some(ro) = self.object(&p, val, "{ severity, enabled, reason }") else { continue };
            for k in ro.keys() {
                if !matches!(k.as_str(), "severity" | "enabled" | "reason") {
                    self.add(&key_path(&p, k), "unknown key (expected severity, enabled, reason)");
                }
            }
            let severity = ro.get("severity").and_then(|s| match s.as_str().and_then(Severity::parse) {
                Some(sev) => Some(sev),
                None => {
                    self.add(&join(&p, "/severity"), "must be \"error\", \"warning\" or \"info\"");
                    None
                }
            });
            let enabled = ro.get("enabled").and_then(|e| match e {
                Value::Bool(b) => Some(*b),
                _ => {
                    self.add(&join(&p, "/enabled"), "must be true or false");
                    None
                }
            });
            let reason = ro.get("reason").and_then(|r| self.text(&join(&p, "/reason"), r, MAX_TEXT));
            if !ro.contains_key("severity") && !ro.contains_key("enabled") {
                self.add(&p, "must set severity or enabled");
            }
            out.push(RuleSet { code: code.clone(), severity, enabled, reason });
        }
        out
    }

    fn options(&mut self, v: &Value, path: &str) -> Vec<OptionSet> {
        let Some(o) = self.object(path, v, "form id → { JSON Pointer → allowed values }") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (form_id, fields) in o {
            let fp = key_path(path, form_id);
            // A form this build holds is checked field by field; a form of the product it does not hold (a
            // single-form module), and any form when a built-in file is read, is taken as written.
            let form = match self.registry {
                Some(r) if !r.knows(form_id) => {
                    self.add(&fp, "unknown form id (forms() lists every form)");
                    continue;
                }
                Some(r) => r.forms.iter().copied().find(|f| f.id == form_id.as_str()),
                None => None,
            };
            let Some(fo) = self.object(&fp, fields, "JSON Pointer → allowed values") else { continue };
            for (pointer, list) in fo {
                let pp = key_path(&fp, pointer);
                let field = form.map(|form| field_at(form, pointer));
                if let Some(None) = field {
                    self.add(
                        &pp,
                        "is not a field of this form (a JSON Pointer like /locality; * for any row of a list)",
                    );
                    continue;
                }
                let declared: Option<&[&str]> = match field.flatten().map(|f| (f.kind, f.local)) {
                    Some((Kind::Enum(values), _)) => Some(values),
                    Some((Kind::Text { .. }, true)) | None => None,
                    Some(_) => {
                        self.add(
                            &pp,
                            "is not a choice field (only choice fields and local lists such as localities take a list)",
                        );
                        continue;
                    }
                };
                let Some(items) = self.array(&pp, list, "of allowed values") else { continue };
                if items.is_empty() {
                    self.add(&pp, "must list at least one value");
                    continue;
                }
                let mut values: Vec<String> = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let ip = index_path(&pp, i);
                    let Some(s) = self.text(&ip, item, MAX_OPTION) else { continue };
                    if values.contains(&s) {
                        self.add(&ip, "is listed twice");
                        continue;
                    }
                    if let Some(declared) = declared {
                        if !declared.contains(&s.as_str()) {
                            self.add(
                                &ip,
                                "is not one of this field's values (a profile may narrow a choice, not add to it)",
                            );
                            continue;
                        }
                    }
                    values.push(s);
                }
                out.push(OptionSet { form: form_id.clone(), pointer: pointer.clone(), values });
            }
        }
        out
    }

    /// Thresholds that must keep their order, with what the profile extends.
    fn ordered(&mut self, doc: &ProfileDoc, at: &str) {
        let params = self.registry.map(Registry::params).unwrap_or_default();
        // A built-in extends `default`, and is read while the built-ins are being made: never look them up then.
        let base = if self.built_in { None } else { profile::find(&doc.extends).ok() };
        let value = |key: &str| -> Option<i64> {
            if let Some(v) = doc.values.iter().find(|v| v.key == key) {
                return Some(v.value);
            }
            let param = params.iter().find(|p| p.key == key)?;
            Some(base.as_ref().map_or(param.default, |b| b.value(param)))
        };
        for (lo, hi) in ORDERED {
            if let (Some(a), Some(b)) = (value(lo), value(hi)) {
                if a > b && doc.values.iter().any(|v| v.key == *lo || v.key == *hi) {
                    let culprit = if doc.values.iter().any(|v| v.key == *lo) { lo } else { hi };
                    self.add(
                        &key_path(&join(at, "/values"), culprit),
                        crate::text!(lo, " (", a, ") must not be more than ", hi, " (", b, ")"),
                    );
                }
            }
        }
    }
}

/// The JSON Schema (2020-12) of a profile document, with the known parameter keys, rule codes and forms.
#[cfg(feature = "catalogue")]
pub fn schema(registry: &'static Registry) -> serde_json::Value {
    use super::profile::ALIASES;
    use serde_json::{json, Map, Value};

    let params = registry.params();
    let mut value_props = Map::new();
    for p in &params {
        let (lo, hi) = p.range();
        let number = json!({ "type": "integer", "minimum": lo, "maximum": hi });
        value_props.insert(
            p.key.to_owned(),
            json!({
                "description": crate::text!(p.unit, " (default ", p.default, ")."),
                "oneOf": [number, {
                    "type": "object",
                    "properties": { "value": number, "source": { "type": "string", "minLength": 1 } },
                    "required": ["value"],
                    "additionalProperties": false
                }]
            }),
        );
    }
    for (old, new) in ALIASES {
        if let Some(Value::Object(mut same)) = value_props.get(*new).cloned() {
            same.insert("description".into(), json!(crate::text!("Old key, still accepted: use ", new, ".")));
            value_props.insert((*old).to_owned(), Value::Object(same));
        }
    }
    let mut rule_props = Map::new();
    for code in sorted_rule_codes(registry) {
        rule_props.insert(code, json!({ "$ref": "#/$defs/ruleSetting" }));
    }
    let mut option_props = Map::new();
    for form in registry.forms {
        let mut fields = Map::new();
        choice_pointers(form.fields, "", &mut |ptr, field| {
            let item = match field.kind {
                Kind::Enum(values) => json!({ "enum": values }),
                _ => json!({ "type": "string", "minLength": 1, "maxLength": MAX_OPTION }),
            };
            fields.insert(
                ptr.to_owned(),
                json!({ "type": "array", "items": item, "minItems": 1, "uniqueItems": true, "description": field.label }),
            );
        });
        if !fields.is_empty() {
            option_props.insert(
                form.id.to_owned(),
                json!({ "type": "object", "properties": fields, "additionalProperties": false }),
            );
        }
    }
    let date = json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" });
    let ids: Vec<&str> = profile::built_in_ids().collect();
    let one = json!({
        "type": "object",
        "properties": {
            "$schema": { "type": "string" },
            "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": MAX_ID, "not": { "const": "default" } },
            "title": { "type": "string", "minLength": 1, "maxLength": MAX_TEXT },
            "extends": { "enum": ids },
            "effectiveFrom": date,
            "source": { "type": "string", "minLength": 1, "maxLength": MAX_TEXT, "description": "The council's own policy document (title, date, heading)." },
            "notes": { "type": "array", "items": { "type": "string", "minLength": 1 } },
            "values": { "type": "object", "properties": value_props, "additionalProperties": false },
            "options": { "type": "object", "properties": option_props, "additionalProperties": false },
            "rules": { "type": "object", "properties": rule_props, "additionalProperties": false },
            "closures": { "type": "array", "items": date },
            "bankHolidays": { "type": "array", "items": { "oneOf": [date, {
                "type": "object",
                "properties": { "date": date, "replaces": date },
                "required": ["date"],
                "additionalProperties": false
            }] } }
        },
        "required": ["id", "title"],
        "additionalProperties": false
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:safeguarding-forms:profile",
        "title": "A council profile of safeguarding-forms",
        "description": "One version of a council's profile, or a list of versions of one council's profile (each with effectiveFrom). Checked further by checkProfile().",
        "oneOf": [
            { "$ref": "#/$defs/profile" },
            { "type": "array", "items": { "$ref": "#/$defs/profile" }, "minItems": 1 }
        ],
        "$defs": {
            "profile": one,
            "ruleSetting": {
                "type": "object",
                "properties": {
                    "severity": { "enum": ["error", "warning", "info"] },
                    "enabled": { "type": "boolean" },
                    "reason": { "type": "string", "minLength": 1 }
                },
                "anyOf": [{ "required": ["severity"] }, { "required": ["enabled"] }],
                "additionalProperties": false
            }
        }
    })
}

/// Every field a profile may list values for: choice fields and local lists, with `*` for list rows.
pub fn choice_pointers(fields: &'static [Field], at: &str, f: &mut dyn FnMut(&str, &'static Field)) {
    for field in fields {
        let ptr = crate::text!(at, "/", field.name);
        match field.kind {
            Kind::Enum(_) => f(&ptr, field),
            Kind::Text { .. } if field.local => f(&ptr, field),
            Kind::Object(inner) => choice_pointers(inner, &ptr, f),
            Kind::List { item: Kind::Object(inner), .. } => choice_pointers(inner, &crate::text!(ptr, "/*"), f),
            _ => {}
        }
    }
}

/// Picks the version in force on `today`: the latest whose `effectiveFrom` is on or before it (a version without
/// one is always in force). `None` when every version starts later: the council's profile is not in force yet.
pub fn in_force(docs: &[ProfileDoc], today: NaiveDate) -> Option<&ProfileDoc> {
    docs.iter()
        .filter(|d| d.effective_from.is_none_or(|f| f <= today))
        .max_by_key(|d| d.effective_from.unwrap_or(NaiveDate::MIN))
}

/// Canonical pointer of a concrete path for looking up a profile's options: list indices become `*`.
pub fn model_pointer(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for seg in path.split('/').skip(1) {
        out.push('/');
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push('*');
        } else {
            out.push_str(seg);
        }
    }
    out
}

/// A single-form module (one form held, every form of the product known) reads a council's profile written for
/// every form: what it says of the forms the module does not hold is taken as written, its own form is checked field
/// by field, and what no form of the product has is still refused.
#[cfg(all(test, feature = "all-forms"))]
mod single_form_module {
    use crate::engine::value::json;

    use super::*;
    use crate::engine::error::Error;
    use crate::engine::messages::MessageTable;
    use crate::engine::registry::Cache;

    static REFERRAL_ONLY: Registry =
        Registry { forms: &[&crate::forms::sf_referral::FORM], product: crate::forms::PRODUCT, cache: Cache::new() };

    fn doc(extra: Value) -> Value {
        let mut d = json!({ "id": "x-council", "title": "X Council" });
        if let (Some(d), Value::Object(extra)) = (d.as_object_mut(), extra) {
            d.extend(extra);
        }
        d
    }

    fn problems(r: &'static Registry, v: &Value) -> Vec<String> {
        check(r, v).problems.into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_profile_for_every_form_is_read_by_a_single_form_module() {
        let brightwell: Value =
            serde_json::from_str(include_str!("../../examples/profiles/brightwell.json")).unwrap_or_default();
        assert!(brightwell.is_array());
        assert!(check(&REFERRAL_ONLY, &brightwell).valid);
        assert!(parse(&REFERRAL_ONLY, &brightwell).is_ok());
        // Another form's choice field, rule and threshold: taken as written (the module cannot check the field).
        let other = doc(json!({
            "options": { "case-audit": { "/locality": ["north"] } },
            "rules": { "AUD-003": { "severity": "warning" } },
            "values": { "supervision.frequencyWeeks": 6 }
        }));
        assert_eq!(problems(&REFERRAL_ONLY, &other), Vec::<String>::new());
    }

    #[test]
    fn what_no_form_has_is_still_refused_and_the_held_form_is_checked() {
        for (v, at) in [
            (doc(json!({ "options": { "not-a-form": { "/a": ["b"] } } })), "/options/not-a-form"),
            (doc(json!({ "rules": { "ZZZ-001": { "enabled": false } } })), "/rules/ZZZ-001"),
            (doc(json!({ "values": { "nope.days": 3 } })), "/values/nope.days"),
            // Another form's threshold is still held to what its rule can mean.
            (doc(json!({ "values": { "supervision.frequencyWeeks": 500 } })), "/values/supervision.frequencyWeeks"),
            // The held form, field by field.
            (doc(json!({ "options": { "sf-referral": { "/nope": ["b"] } } })), "/options/sf-referral/~1nope"),
            (
                doc(json!({ "options": { "sf-referral": { "/route": ["not-a-route"] } } })),
                "/options/sf-referral/~1route/0",
            ),
        ] {
            assert_eq!(problems(&REFERRAL_ONLY, &v), vec![at.to_owned()], "{v}");
        }
    }

    #[test]
    fn a_form_the_module_does_not_hold_is_named_as_such() {
        assert!(REFERRAL_ONLY.find("sf-referral").is_ok());
        let e = REFERRAL_ONLY.find("case-audit").err();
        assert_eq!(e, Some(Error::FormNotInModule { id: "case-audit".into(), held: "sf-referral".into() }));
        assert!(e.is_some_and(|e| e.to_string().contains("safeguarding-forms/forms/case-audit")));
        assert_eq!(REFERRAL_ONLY.find("nope").err(), Some(Error::UnknownForm("nope".into())));
    }

    #[test]
    fn a_message_table_for_every_form_is_read_by_a_single_form_module() {
        let every = crate::engine::catalogue::all(&crate::forms::REGISTRY);
        let audit = every.iter().find(|m| m.id.starts_with("AUD-")).map(|m| m.id.clone()).unwrap_or_default();
        let referral = every.iter().find(|m| m.id.starts_with("REF-")).map(|m| m.id.clone()).unwrap_or_default();
        let table = |id: &str| MessageTable::new([(id.to_owned(), "Neges".to_owned())]);
        assert!(crate::engine::catalogue::check_table(&REFERRAL_ONLY, &table(&audit)).is_ok());
        assert!(crate::engine::catalogue::check_table(&REFERRAL_ONLY, &table(&referral)).is_ok());
        assert!(crate::engine::catalogue::check_table(&REFERRAL_ONLY, &table("ZZZ-001.x")).is_err());
        // The module's own list holds its form's messages only.
        let own = crate::engine::catalogue::all(&REFERRAL_ONLY);
        assert!(own.iter().any(|m| m.id == referral) && !own.iter().any(|m| m.id == audit));
    }
}
