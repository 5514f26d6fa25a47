//! JSON Schema (2020-12) of a form's data, generated from its model. It describes what the engine reads without an
//! input finding (`INP-*`): the canonical forms (ISO dates, booleans, numbers) and the lenient ones a form sends as
//! typed (GOV.UK date parts, "yes"/"no", numbers as text, blanks and nulls). It describes well-typed data, not
//! complete data: a half-filled form is valid against it (what is required is a rule, reported by `validate`).

use serde_json::{json, Map, Value};

use super::model::{Field, Kind};
use super::registry::FormDef;

pub fn form_schema(form: &FormDef) -> Value {
    let mut root = object_schema(form.fields);
    if let Value::Object(m) = &mut root {
        m.insert("type".into(), json!("object"));
        m.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        m.insert("$id".into(), json!(format!("urn:safeguarding-forms:{}", form.id)));
        m.insert("title".into(), json!(form.title));
        m.insert("$defs".into(), json!({ "date": date_def() }));
    }
    root
}

fn date_def() -> Value {
    json!({
        "description": "A civil date: \"YYYY-MM-DD\", or the parts of a GOV.UK date input as typed (month names allowed).",
        "anyOf": [
            { "type": "string", "pattern": "^\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*$" },
            { "type": "object", "properties": {
                "day": { "type": ["string", "integer", "null"] },
                "month": { "type": ["string", "integer", "null"] },
                "year": { "type": ["string", "integer", "null"] } } },
            { "type": "null" }
        ]
    })
}

const BOOL_TEXT: &str = "^\\s*([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?\\s*$";
const NUMBER_TEXT: &str = "^\\s*(-?\\d+(\\.\\d+)?)?\\s*$";

fn object_schema(fields: &[Field]) -> Value {
    let mut props = Map::new();
    for f in fields {
        let mut s = kind_schema(&f.kind);
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), json!(f.label));
            let mut description = f.help.to_owned();
            if f.local {
                if !description.is_empty() {
                    description.push(' ');
                }
                description.push_str("A local list: any text, unless the council's profile lists the values.");
            }
            if f.required.is_some() {
                if !description.is_empty() {
                    description.push(' ');
                }
                description.push_str("Required when the form is submitted.");
            }
            if !description.is_empty() {
                m.insert("description".into(), json!(description));
            }
        }
        props.insert(f.name.to_owned(), s);
    }
    json!({ "type": ["object", "null"], "properties": props, "additionalProperties": false })
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Text { max } => json!({ "type": ["string", "number", "boolean", "null"], "maxLength": max }),
        Kind::Date => json!({ "$ref": "#/$defs/date" }),
        Kind::DateTime => json!({
            "type": ["string", "null"],
            "pattern": "^\\s*(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?\\s*$"
        }),
        Kind::Bool => json!({ "anyOf": [{ "type": ["boolean", "null"] }, { "type": "string", "pattern": BOOL_TEXT }] }),
        Kind::Number { min, max, integer } => json!({ "anyOf": [
            { "type": [if *integer { "integer" } else { "number" }, "null"], "minimum": min, "maximum": max },
            { "type": "string", "pattern": NUMBER_TEXT }
        ] }),
        Kind::Enum(values) => {
            let mut options: Vec<Value> = values.iter().map(|v| json!(v)).collect();
            options.push(json!(""));
            options.push(Value::Null);
            json!({ "type": ["string", "null"], "enum": options })
        }
        Kind::Email => {
            json!({ "type": ["string", "null"], "maxLength": 254, "description": "An email address, like name@example.com." })
        }
        Kind::Phone => json!({ "type": ["string", "null"], "maxLength": 40, "description": "A UK telephone number." }),
        Kind::Postcode => json!({ "type": ["string", "null"], "maxLength": 16, "description": "A UK postcode." }),
        Kind::Object(fields) => object_schema(fields),
        Kind::List { item, max } => json!({ "type": ["array", "null"], "items": kind_schema(item), "maxItems": max }),
    }
}

/// Narrows the field at a model pointer (`*` for list rows) to the values a council's profile lists.
pub fn restrict(schema: &mut Value, pointer: &str, values: &[String]) {
    let mut at = schema;
    for seg in pointer.split('/').skip(1) {
        let next = if seg == "*" { at.get_mut("items") } else { at.get_mut("properties").and_then(|p| p.get_mut(seg)) };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    if let Value::Object(m) = at {
        let mut options: Vec<Value> = values.iter().map(|v| json!(v)).collect();
        options.push(json!(""));
        options.push(Value::Null);
        m.insert("type".into(), json!(["string", "null"]));
        m.insert("enum".into(), Value::Array(options));
        m.remove("maxLength");
    }
}
