//! The declared outcome model: each form lists the keys of the outcome it computes (type, label, unit,
//! description). One declaration gives the outcome's JSON Schema (`outcomeSchema` in JavaScript, with a `title` and
//! an `x-unit` per key, for a host's labels), its TypeScript type (`js/forms.d.ts`) and its documentation
//! (`docs/forms/<id>.md`); a test holds every conformance vector's outcome to it.

#[cfg(feature = "catalogue")]
use serde_json::{Map, Value};

#[cfg(feature = "catalogue")]
use super::registry::FormDef;
#[cfg(feature = "catalogue")]
use super::schema::obj;

/// An outcome built in the shape of its declared model (issue 20, point 2: typed outcomes): an object is the model's
/// own keys (`&'static [Out]`, the form's `OUTCOME` or a nested object's) with its values in the same order, so
/// building one allocates no key and hashes nothing, and the report's JSON text is written from it directly
/// (`report::json::tree`). [`Tree::into_value`] gives the `crate::engine::value::Value` the native API reports, whose JSON text is
/// the same byte for byte (tests/typed_outcome.rs). Every form's `FormDef::check` returns one.
#[derive(Debug, Clone)]
pub enum Tree {
    Null,
    Bool(bool),
    /// A whole number (`Value::from` an integer).
    Int(i64),
    /// A number as `Value::from(f64)` holds it (not finite: null).
    Float(f64),
    Text(&'static str),
    String(String),
    List(Vec<Tree>),
    /// The keys of a declared object and a value for each, in order (a value missing at the end is left out, as a
    /// key not inserted).
    Object(&'static [Out], Vec<Tree>),
    /// An object with its keys as the form writes them (`outcome_json!`), in order.
    Map(Vec<(&'static str, Tree)>),
    /// A value the form has as a `crate::engine::value::Value` already (part of the record it read, a carried-over value).
    Value(crate::engine::value::Value),
}

impl Tree {
    /// The `crate::engine::value::Value` this outcome is.
    pub fn into_value(self) -> crate::engine::value::Value {
        use crate::engine::value::Value as V;
        match self {
            Tree::Null => V::Null,
            Tree::Bool(b) => V::Bool(b),
            Tree::Int(n) => V::from(n),
            Tree::Float(x) => V::from(x),
            Tree::Text(s) => V::from(s),
            Tree::String(s) => V::String(s),
            Tree::List(items) => V::Array(items.into_iter().map(Tree::into_value).collect()),
            Tree::Object(keys, values) => {
                V::Object(keys.iter().zip(values).map(|(k, v)| (k.name.to_owned(), v.into_value())).collect())
            }
            Tree::Map(entries) => V::Object(entries.into_iter().map(|(k, v)| (k.to_owned(), v.into_value())).collect()),
            Tree::Value(v) => v,
        }
    }

    /// Sets `key` in an object written by `outcome_json!` as `crate::engine::value::Map::insert` does: in its place when the
    /// key is there, else at the end. Nothing for any other tree.
    pub fn set(&mut self, key: &'static str, value: Tree) {
        if let Tree::Map(entries) = self {
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => *v = value,
                None => entries.push((key, value)),
            }
        }
    }

    /// An empty list of entries for `outcome_json!`, which pushes them one by one as it reads them.
    #[doc(hidden)]
    pub fn entries() -> Vec<(&'static str, Tree)> {
        Vec::new()
    }
}

impl From<crate::engine::value::Value> for Tree {
    fn from(v: crate::engine::value::Value) -> Tree {
        Tree::Value(v)
    }
}

impl<T: Into<Tree>> From<Option<T>> for Tree {
    fn from(v: Option<T>) -> Tree {
        v.map_or(Tree::Null, Into::into)
    }
}

impl<T: Into<Tree>> From<Vec<T>> for Tree {
    fn from(items: Vec<T>) -> Tree {
        Tree::List(items.into_iter().map(Into::into).collect())
    }
}

macro_rules! tree_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Tree {
            fn from(n: $t) -> Tree {
                // Beyond i64 (a u64 or usize that large): the value serde_json makes of it.
                i64::try_from(n).map_or_else(|_| Tree::Value(crate::engine::value::Value::from(n)), Tree::Int)
            }
        }
    )*};
}
tree_from_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl From<bool> for Tree {
    fn from(b: bool) -> Tree {
        Tree::Bool(b)
    }
}

impl From<f64> for Tree {
    fn from(x: f64) -> Tree {
        Tree::Float(x)
    }
}

impl From<&'static str> for Tree {
    fn from(s: &'static str) -> Tree {
        Tree::Text(s)
    }
}

impl From<String> for Tree {
    fn from(s: String) -> Tree {
        Tree::String(s)
    }
}

/// The type of one outcome key.
#[derive(Debug, Clone, Copy)]
pub enum OutType {
    Bool,
    /// A whole number.
    Integer,
    /// A number, possibly with a fraction (a mean, a ratio).
    Number,
    /// Free text (a title the engine supplies, a reason written out).
    Text,
    /// A civil date, `"YYYY-MM-DD"`.
    Date,
    /// A UK local date and time, `"YYYY-MM-DDTHH:MM"`.
    DateTime,
    /// A date or a UK local date and time (a standard measured in days or in hours).
    When,
    /// One of a fixed list of codes (kebab-case, a key of the form's data in camelCase, a dotted question id), each
    /// with its label ([`Code`]). Declared with [`OutType::choice`]; the list serves the catalogue only, so without
    /// the `catalogue` feature a choice is [`OutType::Text`] (the module holds neither the list nor a type of its own
    /// for it: a key that held a code as text keeps the bytes it had).
    #[cfg(feature = "catalogue")]
    Choice(&'static [Code]),
    /// A list of values of one type.
    List(&'static OutType),
    /// A nested object.
    Object(&'static [Out]),
}

impl OutType {
    /// One of `codes` (see [`OutType::Choice`]); text without the `catalogue` feature.
    pub const fn choice(codes: &'static [Code]) -> OutType {
        #[cfg(feature = "catalogue")]
        return OutType::Choice(codes);
        #[cfg(not(feature = "catalogue"))]
        {
            let _ = codes;
            OutType::Text
        }
    }
}

/// One value of an `OutType::Choice`: the code the outcome holds ("due-soon", "lead-check-ins") and what a page calls
/// it ("Due soon"). Both serve the outcome schema (`oneOf: [{ const, title }]`), the types and the documentation only,
/// so both exist with the `catalogue` feature only: without it a `Code` is empty and a choice list is no data in the
/// module (`Out::new` keeps the label the same way). The code an outcome holds is written by the form's own code.
#[derive(Debug, Clone, Copy)]
pub struct Code {
    /// The value, kebab-case.
    #[cfg(feature = "catalogue")]
    pub value: &'static str,
    /// What a page shows for it.
    #[cfg(feature = "catalogue")]
    pub label: &'static str,
}

/// A choice value and its label (see [`Code`]).
pub const fn code(value: &'static str, label: &'static str) -> Code {
    #[cfg(not(feature = "catalogue"))]
    let _ = (value, label);
    Code {
        #[cfg(feature = "catalogue")]
        value,
        #[cfg(feature = "catalogue")]
        label,
    }
}

/// A choice list made from a model's own table when the crate is compiled, each entry's code and label taken by
/// `|entry| (code, label)`: `const PARTS: [Code; model::PARTS.len()] = codes_of!(model::PARTS, |p| (p.id, p.title));`.
/// The form's table stays the one place its codes are written.
#[macro_export]
macro_rules! codes_of {
    ($table:expr, |$entry:ident| ($value:expr, $label:expr)) => {{
        let table = $table;
        let mut out = [$crate::engine::outcome::code("", ""); $table.len()];
        let mut i = 0;
        while i < out.len() {
            // Evaluated at compile time: an index out of bounds fails the build, never a check.
            #[allow(clippy::indexing_slicing)]
            let $entry = &table[i];
            #[allow(clippy::indexing_slicing)]
            {
                out[i] = $crate::engine::outcome::code($value, $label);
            }
            i = i.saturating_add(1);
        }
        out
    }};
}

/// One key of an outcome.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    /// camelCase key.
    pub name: &'static str,
    /// What a page calls it ("Eligible for whole family working").
    #[cfg(feature = "catalogue")]
    pub label: &'static str,
    pub ty: OutType,
    /// The unit of a number ("days", "weeks", "months", "percent", "fraction"), or "".
    #[cfg(feature = "catalogue")]
    pub unit: &'static str,
    #[cfg(feature = "catalogue")]
    pub description: &'static str,
    /// The value may be `null` (not known yet, or not applicable).
    pub nullable: bool,
    /// The key may be absent (rows of a table where only some rows carry it).
    pub optional: bool,
    /// The fields the key's value reads that no rule of the form declares (JSON Pointers, `*` for any list row).
    /// An outcome is otherwise computed from what the rules read and from the findings; a live session skips the
    /// form's rules and outcome for an edit that touches neither (tests/declared_reads.rs holds them to it).
    pub reads: &'static [&'static str],
}

impl Out {
    /// The label, the unit and the description exist with the `catalogue` feature only (they serve the outcome
    /// schema, the types and the documentation, which the package reads from catalogue.json).
    pub const fn new(name: &'static str, label: &'static str, ty: OutType) -> Out {
        #[cfg(not(feature = "catalogue"))]
        let _ = label;
        Out {
            name,
            #[cfg(feature = "catalogue")]
            label,
            ty,
            #[cfg(feature = "catalogue")]
            unit: "",
            #[cfg(feature = "catalogue")]
            description: "",
            nullable: false,
            optional: false,
            reads: &[],
        }
    }
    pub const fn nullable(mut self) -> Out {
        self.nullable = true;
        self
    }
    pub const fn optional(mut self) -> Out {
        self.optional = true;
        self
    }
    /// Kept with the `catalogue` feature only, as the label and the description.
    #[cfg_attr(not(feature = "catalogue"), allow(unused_mut, unused_variables))]
    pub const fn unit(mut self, unit: &'static str) -> Out {
        #[cfg(feature = "catalogue")]
        {
            self.unit = unit;
        }
        self
    }
    /// Kept with the `catalogue` feature only.
    #[cfg_attr(not(feature = "catalogue"), allow(unused_mut, unused_variables))]
    pub const fn describe(mut self, description: &'static str) -> Out {
        #[cfg(feature = "catalogue")]
        {
            self.description = description;
        }
        self
    }
    /// The fields the value reads beyond those the form's rules declare.
    pub const fn reads(mut self, paths: &'static [&'static str]) -> Out {
        self.reads = paths;
        self
    }
}

/// Where a timescale stands (`engine::timescale::Status`, whose variants these are in kebab-case), with the labels the
/// pages have shown for them (www/family-programme.js `STATUS`, the practice standards' `counts` keys).
pub const STATUSES: &[Code] = &[
    code("met", "Met"),
    code("met-late", "Met late"),
    code("due", "Due"),
    code("due-soon", "Due soon"),
    code("overdue", "Overdue"),
    code("not-applicable", "Not applicable"),
];

/// One row of a deadline table (`forms::deadline::Deadline::to_json`), for a form whose standards are `standards`
/// (each form its own: `const ROW: &[Out] = &deadline_row(STANDARDS);`).
pub const fn deadline_row(standards: &'static [Code]) -> [Out; 4] {
    [
        Out::new("standard", "Standard", OutType::choice(standards)).describe("The standard the row is about."),
        Out::new("due", "Due", OutType::Date).nullable().describe("The deadline; null when it does not apply."),
        Out::new("metOn", "Met on", OutType::Date).nullable().describe("The day it was met, if it was."),
        Out::new("status", "Status", OutType::choice(STATUSES)),
    ]
}

/// The JSON Schema (2020-12) of a form's outcome.
#[cfg(feature = "catalogue")]
pub fn outcome_schema(form: &FormDef) -> Value {
    let mut root = object_schema(form.outcome);
    if let Value::Object(m) = &mut root {
        m.insert("$schema".into(), Value::from("https://json-schema.org/draft/2020-12/schema"));
        m.insert("$id".into(), Value::from(crate::text!("urn:safeguarding-forms:", form.id, ":outcome")));
        m.insert("title".into(), Value::from(crate::text!(form.title, ": outcome")));
    }
    root
}

#[cfg(feature = "catalogue")]
fn object_schema(keys: &[Out]) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for k in keys {
        let mut s = type_schema(&k.ty, k.nullable);
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), Value::from(k.label));
            if !k.description.is_empty() {
                m.insert("description".into(), Value::from(k.description));
            }
            if !k.unit.is_empty() {
                m.insert("x-unit".into(), Value::from(k.unit));
            }
        }
        props.insert(k.name.to_owned(), s);
        if !k.optional {
            required.push(Value::from(k.name));
        }
    }
    obj(vec![
        ("type", Value::from("object")),
        ("properties", Value::Object(props)),
        ("required", Value::Array(required)),
        ("additionalProperties", Value::Bool(false)),
    ])
}

#[cfg(feature = "catalogue")]
fn type_schema(ty: &OutType, nullable: bool) -> Value {
    let t = |name: &str| {
        if nullable {
            Value::Array(vec![Value::from(name), Value::from("null")])
        } else {
            Value::from(name)
        }
    };
    match ty {
        OutType::Bool => obj(vec![("type", t("boolean"))]),
        OutType::Integer => obj(vec![("type", t("integer"))]),
        OutType::Number => obj(vec![("type", t("number"))]),
        OutType::Text => obj(vec![("type", t("string"))]),
        OutType::Date => obj(vec![("type", t("string")), ("format", Value::from("date"))]),
        OutType::DateTime => {
            obj(vec![("type", t("string")), ("pattern", Value::from("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$"))])
        }
        OutType::When => {
            obj(vec![("type", t("string")), ("pattern", Value::from("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$"))])
        }
        // As the input schemas show a choice (`schema::renderer_schema`): each value with its label; a nullable one
        // also allows null.
        OutType::Choice(codes) => {
            let mut e: Vec<Value> = codes
                .iter()
                .map(|c| obj(vec![("const", Value::from(c.value)), ("title", Value::from(c.label))]))
                .collect();
            if nullable {
                e.push(obj(vec![("const", Value::Null)]));
            }
            obj(vec![("type", t("string")), ("oneOf", Value::Array(e))])
        }
        OutType::List(item) => obj(vec![("type", t("array")), ("items", type_schema(item, false))]),
        OutType::Object(keys) => {
            let mut s = object_schema(keys);
            if let (true, Value::Object(m)) = (nullable, &mut s) {
                m.insert("type".into(), t("object"));
            }
            s
        }
    }
}

#[cfg(all(test, feature = "catalogue"))]
mod tests {
    use super::*;

    /// Every choice list of an outcome model, with where it is (`form /key/*/key`).
    fn choices(keys: &'static [Out], at: &str, out: &mut Vec<(String, &'static [Code])>) {
        fn of(ty: &OutType, at: String, out: &mut Vec<(String, &'static [Code])>) {
            match ty {
                OutType::Choice(codes) => out.push((at, codes)),
                OutType::List(item) => of(item, format!("{at}/*"), out),
                OutType::Object(keys) => choices(keys, &at, out),
                _ => {}
            }
        }
        for k in keys {
            of(&k.ty, format!("{at}/{}", k.name), out);
        }
    }

    #[test]
    fn every_choice_value_has_a_label_and_no_list_repeats_a_value_or_a_label() {
        let mut lists = Vec::new();
        for form in crate::forms::ALL {
            choices(form.outcome, form.id, &mut lists);
        }
        assert!(lists.len() >= 27, "{} choice lists", lists.len());
        let mut problems = Vec::new();
        for (at, codes) in &lists {
            if codes.is_empty() {
                problems.push(format!("{at}: no values"));
            }
            for (i, c) in codes.iter().enumerate() {
                let code = !c.value.is_empty()
                    && c.value.split('-').all(|w| !w.is_empty())
                    && c.value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
                if !code {
                    problems.push(format!("{at}: {} is not a code (kebab-case, camelCase, dotted)", c.value));
                }
                if c.label.trim().is_empty() || c.label.trim() != c.label {
                    problems.push(format!("{at}: {} has no label (or one with spaces around it)", c.value));
                }
                if codes[..i].iter().any(|d| d.value == c.value) {
                    problems.push(format!("{at}: {} is listed twice", c.value));
                }
                if codes[..i].iter().any(|d| d.label == c.label) {
                    problems.push(format!("{at}: the label {} is given twice", c.label));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Outcome lists that hold a model's values (the form's own `&[&str]` list, which its code reads and writes) hold
    /// exactly those values, in the same order.
    #[test]
    fn choice_lists_that_repeat_a_model_s_values_hold_the_same_values() {
        let mut lists = Vec::new();
        for form in crate::forms::ALL {
            choices(form.outcome, form.id, &mut lists);
        }
        let at = |path: &str| -> Vec<&str> {
            lists.iter().find(|(a, _)| a == path).map(|(_, c)| c.iter().map(|c| c.value).collect()).unwrap_or_default()
        };
        #[cfg(feature = "safety-plan")]
        assert_eq!(at("safety-plan/missing/*"), crate::forms::safety_plan::PARTS);
        #[cfg(feature = "sf-referral")]
        assert_eq!(at("sf-referral/service"), crate::forms::sf_referral::model::SERVICES);
        #[cfg(feature = "workbook-summary")]
        assert_eq!(at("workbook-summary/modulesReferenced/*"), crate::forms::workbook_summary::model::MODULE_IDS);
        #[cfg(feature = "family-programme")]
        assert_eq!(at("family-programme/modules/*/id"), crate::forms::workbook_summary::model::MODULE_IDS);
        #[cfg(feature = "case-closure")]
        assert_eq!(at("case-closure/nextApprover"), crate::forms::case_closure::model::APPROVER_ROLES);
        #[cfg(feature = "early-help-plan")]
        assert_eq!(at("early-help-plan/sendTo"), crate::forms::early_help_plan::model::AUTHORISERS);
        let pairs = |path: &str| -> Vec<(&str, &str)> {
            lists
                .iter()
                .find(|(a, _)| a == path)
                .map(|(_, c)| c.iter().map(|c| (c.value, c.label)).collect())
                .unwrap_or_default()
        };
        #[cfg(feature = "supervision-record")]
        assert_eq!(pairs("supervision-record/itemsDiscussed/*"), crate::forms::supervision_record::model::ITEMS);
        #[cfg(feature = "group-qa-visit")]
        assert_eq!(
            pairs("group-qa-visit/parts/*/id"),
            crate::forms::group_qa_visit::model::PARTS.iter().map(|p| (p.id, p.title)).collect::<Vec<_>>()
        );
        #[cfg(feature = "incredible-years-checklist")]
        assert_eq!(
            pairs("incredible-years-checklist/parts/*/id"),
            crate::forms::incredible_years_checklist::model::PARTS.iter().map(|p| (p.id, p.title)).collect::<Vec<_>>()
        );
        #[cfg(feature = "case-audit")]
        assert_eq!(
            pairs("case-audit/sections/*/id"),
            crate::forms::case_audit::SECTIONS.iter().map(|s| (s.id, s.title)).collect::<Vec<_>>()
        );
        let _ = (at, pairs);
    }

    #[test]
    fn the_timescale_statuses_are_the_status_type_s_values_and_declared_once() {
        use crate::engine::timescale::Status;
        let all = [Status::Met, Status::MetLate, Status::Due, Status::DueSoon, Status::Overdue, Status::NotApplicable];
        let values: Vec<&str> = STATUSES.iter().map(|c| c.value).collect();
        assert_eq!(values, all.map(Status::as_str));
        // Every `status` list that has the six statuses takes them (labels too) from STATUSES.
        let mut lists = Vec::new();
        for form in crate::forms::ALL {
            choices(form.outcome, form.id, &mut lists);
        }
        for (at, codes) in lists {
            for c in codes {
                if let Some(s) = STATUSES.iter().find(|s| s.value == c.value && at.to_lowercase().ends_with("status")) {
                    assert_eq!(s.label, c.label, "{at}: {}", c.value);
                }
            }
        }
    }

    #[test]
    fn a_choice_schema_lists_each_value_with_its_title_and_allows_null_only_when_nullable() {
        const LIST: &[Code] = &[code("a-b", "A and B"), code("c", "C")];
        assert_eq!(
            type_schema(&OutType::Choice(LIST), false),
            serde_json::json!({ "type": "string", "oneOf": [{ "const": "a-b", "title": "A and B" }, { "const": "c", "title": "C" }] })
        );
        assert_eq!(
            type_schema(&OutType::Choice(LIST), true),
            serde_json::json!({ "type": ["string", "null"], "oneOf": [{ "const": "a-b", "title": "A and B" }, { "const": "c", "title": "C" }, { "const": null }] })
        );
    }
}
