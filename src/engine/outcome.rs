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
    /// One of a fixed list of kebab-case values.
    Choice(&'static [&'static str]),
    /// A list of values of one type.
    List(&'static OutType),
    /// A nested object.
    Object(&'static [Out]),
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

/// Where a timescale stands (`engine::timescale::Status`).
pub const STATUSES: &[&str] = &["met", "met-late", "due", "due-soon", "overdue", "not-applicable"];

/// One row of a deadline table (`forms::deadline::Deadline::to_json`).
pub const DEADLINE_ROW: &[Out] = &[
    Out::new("standard", "Standard", OutType::Text).describe("The standard's id."),
    Out::new("due", "Due", OutType::Date).nullable().describe("The deadline; null when it does not apply."),
    Out::new("metOn", "Met on", OutType::Date).nullable().describe("The day it was met, if it was."),
    Out::new("status", "Status", OutType::Choice(STATUSES)),
];

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
        OutType::Choice(values) => {
            let mut e: Vec<Value> = values.iter().map(|v| Value::from(*v)).collect();
            if nullable {
                e.push(Value::Null);
            }
            obj(vec![("type", t("string")), ("enum", Value::Array(e))])
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
