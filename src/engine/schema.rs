//! JSON Schema (2020-12) of a form's data, generated from its model. It describes well-typed data, not complete
//! data: a half-filled form is valid against it (what is required is a rule, reported by `validate`).

use serde_json::{json, Map, Value};

use super::model::{Field, Kind};
use super::registry::FormDef;

pub fn form_schema(form: &FormDef) -> Value {
    let mut root = object_schema(form.fields);
    if let Value::Object(m) = &mut root {
        m.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        m.insert("$id".into(), json!(format!("urn:safeguarding-forms:{}", form.id)));
        m.insert("title".into(), json!(form.title));
        m.insert("$defs".into(), json!({ "date": date_def() }));
    }
    root
}

fn date_def() -> Value {
    json!({
        "description": "A civil date: \"YYYY-MM-DD\", or the parts of a GOV.UK date input as typed.",
        "anyOf": [
            { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            { "type": "object", "properties": {
                "day": { "type": ["string", "integer", "null"] },
                "month": { "type": ["string", "integer", "null"] },
                "year": { "type": ["string", "integer", "null"] } },
              "additionalProperties": false }
        ]
    })
}

fn object_schema(fields: &[Field]) -> Value {
    let mut props = Map::new();
    for f in fields {
        let mut s = kind_schema(&f.kind);
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), json!(f.label));
            let mut description = f.help.to_owned();
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
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Text { max } => json!({ "type": "string", "maxLength": max }),
        Kind::Date => json!({ "$ref": "#/$defs/date" }),
        Kind::DateTime => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$" }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Number { min, max, integer } => {
            json!({ "type": if *integer { "integer" } else { "number" }, "minimum": min, "maximum": max })
        }
        Kind::Enum(values) => json!({ "type": "string", "enum": values }),
        Kind::Email => json!({ "type": "string", "format": "email", "maxLength": 254 }),
        Kind::Phone => json!({ "type": "string", "maxLength": 32 }),
        Kind::Postcode => json!({ "type": "string", "maxLength": 16 }),
        Kind::Object(fields) => object_schema(fields),
        Kind::List { item, max } => json!({ "type": "array", "items": kind_schema(item), "maxItems": max }),
    }
}
