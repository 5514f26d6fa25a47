//! The catalogue, split in two so that the WebAssembly module carries neither its code nor its text:
//!
//! - [`document`] (the `catalogue` feature: the command line, native users) is everything about the forms that no
//!   option changes: `forms()`, each rule's text, the forms' JSON Schemas in both dialects, the UI schemas, the
//!   outcome schemas, the profile schema, `messages()` and the built-in profiles as `profiles()` lists them.
//!   `safeguarding-forms catalogue` writes it; the npm package ships it as catalogue.json / catalogue.js, which
//!   js/index.js imports.
//! - [`rule_states`] and [`schema_lists`] (always compiled) are what the options change: each rule's severity,
//!   switch and thresholds under a profile, and the values a council's profile lists for a form's choice fields.
//!   The module returns only these; js/index.js merges them with the document, exactly as [`crate::rules`] and
//!   [`crate::schema_for`] do natively (`tests/node/catalogue.test.mjs` holds the two to each other).

use crate::engine::error::Error;
use crate::engine::options::Options;
use crate::engine::registry::FormDef;
use crate::engine::structure::INPUT_RULES;
use crate::engine::value::Value;
use crate::forms::REGISTRY;

/// The rules of one form (then the input rules every form shares), or of every form, in the order `rules()` lists
/// them, each as `[severity, enabled, setBy | null, [[value, setBy | null] per threshold]]` under the options'
/// profile. Errors as `rules()`: the options first, then the form.
pub fn rule_states(form_id: Option<&str>, options: &Options) -> Result<Value, Error> {
    use crate::engine::value::Map;
    let profile = options.resolve()?.profile;
    let forms: Vec<&FormDef> = match form_id {
        Some(id) => vec![REGISTRY.find(id)?],
        None => REGISTRY.forms.to_vec(),
    };
    // `Origin` as serde writes it: `{ profile, source? }`.
    let origin = |o: Option<&crate::engine::profile::Origin>| {
        o.map_or(Value::Null, |o| {
            let mut m = Map::new();
            m.insert("profile".to_owned(), Value::from(o.profile.as_str()));
            if let Some(source) = &o.source {
                m.insert("source".to_owned(), Value::from(source.as_str()));
            }
            Value::Object(m)
        })
    };
    let state = |rule: &crate::engine::rule::Rule| {
        let s = rule.state(&profile);
        let values = s.values.iter().map(|(v, o)| Value::Array(vec![Value::from(*v), origin(*o)])).collect();
        Value::Array(vec![
            Value::from(s.severity.as_str()),
            Value::Bool(s.enabled),
            origin(s.set_by),
            Value::Array(values),
        ])
    };
    // Loops, not a chain of flattening iterators (about 1 kB in every module for this one list).
    let mut states = Vec::new();
    for f in &forms {
        for rule in f.rules {
            states.push(state(rule));
        }
    }
    for rule in INPUT_RULES {
        states.push(state(rule));
    }
    Ok(Value::Array(states))
}

/// The values a council's profile lists for the form's choice fields and local lists, as `[[pointer, [values]]]`
/// (a model pointer, `*` for list rows), in the order `schema_for` applies them; `[]` without options. Errors as
/// `schema_for`: the form first, then the profile.
pub fn schema_lists(form_id: &str, options: Option<&Options>) -> Result<Value, Error> {
    let form = REGISTRY.find(form_id)?;
    let Some(options) = options else { return Ok(Value::Array(Vec::new())) };
    let resolved = options.resolve()?;
    let lists = resolved.profile.options_for(form.id).iter().map(|o| {
        let values = o.values.value.iter().map(|v| Value::from(v.as_str())).collect();
        Value::Array(vec![Value::from(o.pointer.as_str()), Value::Array(values)])
    });
    Ok(Value::Array(lists.collect()))
}

/// The catalogue document of the forms compiled in (`only`: of that one form, as its own module would give it):
///
/// ```text
/// { "forms": [FormInfo],
///   "rules": { "<form id>": [RuleInfo], "*": [RuleInfo] },        // as rules() gives them without a profile
///   "schemas": { "2020-12": { "<form id>": schema }, "draft-07": { … } },
///   "uiSchemas": { "rjsf": { "<form id>": uiSchema }, "jsonforms": { … } },
///   "outcomeSchemas": { "<form id>": schema },
///   "profileSchema": schema,
///   "messages": [MessageInfo] }
/// ```
///
/// Deterministic: keys and lists in the registry's order. With `only`, the document is made from a registry
/// holding that form alone and knowing every form of the product, as the form's own module's (the few hundred
/// bytes of that registry are leaked: the command line makes one document).
#[cfg(feature = "catalogue")]
pub fn document(only: Option<&str>) -> Result<serde_json::Value, Error> {
    use crate::engine::profile::Effective;
    use crate::engine::registry::{Cache, Registry};
    use crate::engine::schema::{form_schema, renderer_schema, ui_schema, Library};
    use crate::engine::{catalogue, outcome, profile_doc};
    use serde_json::{Map, Value};
    fn to_value<T: serde::Serialize>(v: &T) -> Value {
        serde_json::to_value(v).unwrap_or(Value::Null)
    }

    let registry: &'static Registry = match only {
        Some(id) => {
            let forms: &'static [&'static FormDef] = Box::leak(vec![REGISTRY.find(id)?].into_boxed_slice());
            Box::leak(Box::new(Registry { forms, product: REGISTRY.product, cache: Cache::new() }))
        }
        None => &REGISTRY,
    };
    let forms = registry.forms;
    let by_form = |f: &dyn Fn(&FormDef) -> Value| -> Value {
        Value::Object(forms.iter().map(|form| (form.id.to_owned(), f(form))).collect::<Map<_, _>>())
    };
    // The rules' own text and declared defaults: an empty profile changes nothing.
    let none = Effective::default();
    let mut rules = Map::new();
    for form in forms {
        rules.insert(
            form.id.to_owned(),
            to_value(&form.rules.iter().map(|r| r.info(form.id, &none)).collect::<Vec<_>>()),
        );
    }
    rules.insert("*".to_owned(), to_value(&INPUT_RULES.iter().map(|r| r.info("*", &none)).collect::<Vec<_>>()));
    let mut doc = Map::new();
    doc.insert("forms".into(), to_value(&forms.iter().map(|f| f.info()).collect::<Vec<_>>()));
    doc.insert("rules".into(), Value::Object(rules));
    let mut schemas = Map::new();
    schemas.insert("2020-12".into(), by_form(&|f| form_schema(f)));
    schemas.insert("draft-07".into(), by_form(&|f| renderer_schema(f)));
    doc.insert("schemas".into(), Value::Object(schemas));
    let mut ui = Map::new();
    ui.insert("rjsf".into(), by_form(&|f| ui_schema(f, Library::Rjsf)));
    ui.insert("jsonforms".into(), by_form(&|f| ui_schema(f, Library::JsonForms)));
    doc.insert("uiSchemas".into(), Value::Object(ui));
    doc.insert("outcomeSchemas".into(), by_form(&|f| outcome::outcome_schema(f)));
    doc.insert("profileSchema".into(), profile_doc::schema(registry));
    doc.insert("messages".into(), to_value(&catalogue::all(registry)));
    // The built-in profiles as `profiles()` lists them: the same in every module (their lines name any form's keys).
    doc.insert("profiles".into(), to_value(&crate::api::profiles()));
    Ok(Value::Object(doc))
}
