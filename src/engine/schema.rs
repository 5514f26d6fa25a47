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
        m.insert("$id".into(), json!(crate::text!("urn:safeguarding-forms:", form.id)));
        m.insert("title".into(), json!(form.title));
        m.insert("$defs".into(), json!({ "date": date_def(), "dateTime": date_time_def() }));
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

fn date_time_def() -> Value {
    let part = json!({ "type": ["string", "integer", "null"] });
    json!({
        "description": "A UK local date and time: \"YYYY-MM-DDTHH:MM\", or the parts of a GOV.UK date input with hour and minute, as typed.",
        "anyOf": [
            { "type": "string", "pattern": "^\\s*(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?\\s*$" },
            { "type": "object", "properties": {
                "day": part, "month": part, "year": part, "hour": part, "minute": part } },
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
            let mut description = f.help_text().to_owned();
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
        Kind::DateTime => json!({ "$ref": "#/$defs/dateTime" }),
        Kind::Bool => json!({ "anyOf": [{ "type": ["boolean", "null"] }, { "type": "string", "pattern": BOOL_TEXT }] }),
        Kind::Number { min, max, integer } => json!({ "anyOf": [
            { "type": [if *integer { "integer" } else { "number" }, "null"], "minimum": f64::from(*min), "maximum": f64::from(*max) },
            { "type": "string", "pattern": NUMBER_TEXT }
        ] }),
        Kind::Enum(values) => {
            let mut options: Vec<Value> = values.iter().map(|v| json!(v)).collect();
            options.push(json!(""));
            options.push(Value::Null);
            json!({ "type": ["string", "null"], "enum": options })
        }
        Kind::Email(_) => {
            json!({ "type": ["string", "null"], "maxLength": 254, "description": "An email address, like name@example.com." })
        }
        Kind::Phone(_) => {
            json!({ "type": ["string", "null"], "maxLength": 40, "description": "A UK telephone number." })
        }
        Kind::Postcode(_) => json!({ "type": ["string", "null"], "maxLength": 16, "description": "A UK postcode." }),
        Kind::Object(fields) => object_schema(fields),
        Kind::List { item, max } => json!({ "type": ["array", "null"], "items": kind_schema(item), "maxItems": max }),
    }
}

/// The schema of the field at a model pointer (`*` for list rows), if the schema has it.
fn field_schema<'a>(schema: &'a mut Value, pointer: &str) -> Option<&'a mut Value> {
    let mut at = schema;
    for seg in pointer.split('/').skip(1) {
        at = if seg == "*" { at.get_mut("items")? } else { at.get_mut("properties")?.get_mut(seg)? };
    }
    Some(at)
}

/// Narrows the field at a model pointer (`*` for list rows) to the values a council's profile lists.
pub fn restrict(schema: &mut Value, pointer: &str, values: &[String]) {
    if let Some(Value::Object(m)) = field_schema(schema, pointer) {
        let mut options: Vec<Value> = values.iter().map(|v| json!(v)).collect();
        options.push(json!(""));
        options.push(Value::Null);
        m.insert("type".into(), json!(["string", "null"]));
        m.insert("enum".into(), Value::Array(options));
        m.remove("maxLength");
    }
}

/// The same for the renderer dialect: the field becomes a choice of the listed values with their display titles.
pub fn restrict_choices(schema: &mut Value, pointer: &str, values: &[String]) {
    if let Some(Value::Object(m)) = field_schema(schema, pointer) {
        let options = values
            .iter()
            .map(|v| obj(vec![("const", Value::from(v.as_str())), ("title", Value::from(place_title(v)))]));
        m.insert("type".into(), Value::from("string"));
        m.insert("oneOf".into(), Value::Array(options.collect()));
        m.remove("maxLength");
    }
}

/// Which JSON Schema a caller wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// 2020-12, lenient: every form of a value the engine reads without an input finding (the default).
    Lenient,
    /// draft-07, for form renderers (react-jsonschema-form, JSON Forms) with their default validators: one type per
    /// field (no `anyOf` type pickers, no `null`), dates as `format: "date"`, choices as `oneOf: [{ const, title }]`.
    /// It describes what a renderer should produce, not everything the engine accepts.
    Renderer,
}

impl Dialect {
    pub fn parse(name: &str) -> Option<Dialect> {
        match name {
            "2020-12" | "lenient" => Some(Dialect::Lenient),
            "draft-07" | "renderer" => Some(Dialect::Renderer),
            _ => None,
        }
    }
}

/// The form library a UI schema is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Library {
    /// react-jsonschema-form (`uiSchema`).
    Rjsf,
    /// JSON Forms (`uischema`).
    JsonForms,
}

impl Library {
    pub fn parse(name: &str) -> Option<Library> {
        match name {
            "rjsf" | "react-jsonschema-form" => Some(Library::Rjsf),
            "jsonforms" | "json-forms" => Some(Library::JsonForms),
            _ => None,
        }
    }
}

/// An object from key-value pairs: in wasm much smaller code than `json!`, which instantiates the serializer for
/// each value's type.
pub(crate) fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn string_of(extra: Vec<(&str, Value)>) -> Value {
    let mut pairs = vec![("type", Value::from("string"))];
    pairs.extend(extra);
    obj(pairs)
}

/// The draft-07 schema a form renderer draws the form from (see [`Dialect::Renderer`]).
pub fn renderer_schema(form: &FormDef) -> Value {
    let mut root = renderer_object(form.fields);
    if let Value::Object(m) = &mut root {
        m.insert("$schema".into(), Value::from("http://json-schema.org/draft-07/schema#"));
        m.insert("$id".into(), Value::from(crate::text!("urn:safeguarding-forms:", form.id, ":draft-07")));
        m.insert("title".into(), Value::from(form.title));
    }
    root
}

fn field_description(f: &Field) -> String {
    let mut description = f.help_text().to_owned();
    if f.required.is_some() {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str("Required when the form is submitted.");
    }
    description
}

fn renderer_object(fields: &[Field]) -> Value {
    let mut props = Map::new();
    for f in fields {
        let mut s = renderer_kind(&f.kind, f.declared_titles());
        if let Value::Object(m) = &mut s {
            m.insert("title".into(), Value::from(f.label));
            let description = field_description(f);
            if !description.is_empty() {
                m.insert("description".into(), Value::from(description));
            }
        }
        props.insert(f.name.to_owned(), s);
    }
    obj(vec![
        ("type", Value::from("object")),
        ("properties", Value::Object(props)),
        ("additionalProperties", Value::Bool(false)),
    ])
}

/// A field's kind in the renderer dialect; `titles` are the field's declared choice titles ([`Field::titles`]).
fn renderer_kind(kind: &Kind, titles: &[(&str, &str)]) -> Value {
    match kind {
        Kind::Text { max } => string_of(vec![("maxLength", Value::from(*max))]),
        Kind::Date => string_of(vec![("format", Value::from("date"))]),
        Kind::DateTime => string_of(vec![("pattern", Value::from("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$"))]),
        Kind::Bool => obj(vec![("type", Value::from("boolean"))]),
        Kind::Number { min, max, integer } => obj(vec![
            ("type", Value::from(if *integer { "integer" } else { "number" })),
            ("minimum", Value::from(f64::from(*min))),
            ("maximum", Value::from(f64::from(*max))),
        ]),
        Kind::Enum(values) => string_of(vec![("oneOf", Value::Array(choices(values, titles)))]),
        Kind::Email(_) => string_of(vec![("maxLength", Value::from(254))]),
        Kind::Phone(_) => string_of(vec![("maxLength", Value::from(40))]),
        Kind::Postcode(_) => string_of(vec![("maxLength", Value::from(16))]),
        Kind::Object(fields) => renderer_object(fields),
        Kind::List { item, max } => {
            let mut pairs = vec![
                ("type", Value::from("array")),
                ("items", renderer_kind(item, titles)),
                ("maxItems", Value::from(*max)),
            ];
            // A list of choices is a set of ticked boxes (react-jsonschema-form draws checkboxes for it).
            if matches!(item, Kind::Enum(_)) {
                pairs.push(("uniqueItems", Value::Bool(true)));
            }
            obj(pairs)
        }
    }
}

fn choices(values: &[&str], titles: &[(&str, &str)]) -> Vec<Value> {
    values
        .iter()
        .map(|v| {
            let title =
                titles.iter().find(|(value, _)| value == v).map_or_else(|| choice_title(v), |(_, t)| (*t).to_owned());
            obj(vec![("const", Value::from(*v)), ("title", Value::from(title))])
        })
        .collect()
}

/// Words written in capitals when a choice value is shown ("eha" → "EHA").
const ACRONYMS: &[&str] = &[
    "eha", "ehsp", "cin", "cp", "dbs", "rag", "psp", "hsb", "send", "ccs", "fgm", "asb", "cse", "llcs", "lcs", "crm",
    "dash", "eit", "toil", "apm", "bso", "sen", "yp", "sw", "rhi", "marac", "mash", "id", "uk", "nhs", "gp", "dv",
    "da", "cap", "qa", "lado", "mi", "rcpc", "icpc", "ssw", "iro", "cpp", "cinp", "sfp", "ltp", "cic", "nfa", "fs",
];
/// Words of the product's own names ("family-connect-triage" → "Family Connect triage"). A council's own names
/// (its localities, teams) come from its profile and are titled by [`place_title`].
const PROPER: &[&str] = &["incredible", "years", "connect"];
/// Prefixes English writes with a hyphen ("self-referral" → "Self-referral", "re-engaged" → "Re-engaged").
const HYPHENATED: &[&str] = &["re", "pre", "self", "cross"];

/// The display title of a value a council's profile lists (a locality, a team: a name): every word capitalised,
/// "north-east" → "North East", "central" → "Central".
pub fn place_title(value: &str) -> String {
    value.split(['-', '_']).filter(|w| !w.is_empty()).map(upper_first).collect::<Vec<_>>().join(" ")
}

/// The display title of a kebab-case choice value: "early-help-assessment" → "Early help assessment",
/// "family-connect-triage" → "Family Connect triage", "self-referral" → "Self-referral", "n-a" → "N/A". The same
/// reading as the pages' `humanize` (www/render/schema.js). A field declares the title of a value this reading does
/// not give well ([`Field::titles`](super::model::Field::titles)).
pub fn choice_title(value: &str) -> String {
    if value.eq_ignore_ascii_case("n-a") || value.eq_ignore_ascii_case("na") {
        return "N/A".into();
    }
    let words: Vec<String> = value.split(['-', '_']).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect();
    let mut out = String::with_capacity(value.len());
    let mut prev: Option<&str> = None;
    for w in &words {
        if let Some(p) = prev {
            out.push(if HYPHENATED.contains(&p) { '-' } else { ' ' });
        }
        if ACRONYMS.contains(&w.as_str()) {
            out.push_str(&w.to_ascii_uppercase());
        } else if prev.is_some_and(|p| PROPER.contains(&p) || p == "the" || p == "family")
            && PROPER.contains(&w.as_str())
        {
            out.push_str(&upper_first(w));
        } else {
            out.push_str(w);
        }
        prev = Some(w.as_str());
    }
    upper_first(&out)
}

/// Choice values are ASCII kebab-case: ASCII case mapping keeps the Unicode case tables out of the module.
fn upper_first(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The UI schema that goes with [`renderer_schema`] for a form library: long text as a text area, yes/no questions
/// as radios (react-jsonschema-form), date-times as `datetime-local` inputs, email and phone inputs, a list of
/// choices as checkboxes; for JSON Forms, a vertical layout with a group per nested object and a detail layout per
/// list of rows, every control labelled.
pub fn ui_schema(form: &FormDef, library: Library) -> Value {
    match library {
        Library::Rjsf => rjsf_object(form.fields),
        Library::JsonForms => vertical(jsonforms_elements(form.fields, "#")),
    }
}

fn rjsf_object(fields: &[Field]) -> Value {
    let mut ui = Map::new();
    for f in fields {
        if let Some(u) = rjsf_kind(&f.kind) {
            ui.insert(f.name.to_owned(), u);
        }
    }
    Value::Object(ui)
}

fn rjsf_input(input_type: &str) -> Value {
    obj(vec![("ui:options", obj(vec![("inputType", Value::from(input_type))]))])
}

fn rjsf_kind(kind: &Kind) -> Option<Value> {
    let widget = |w: &str| Some(obj(vec![("ui:widget", Value::from(w))]));
    match kind {
        Kind::Text { max } if *max > super::model::TEXT_MAX => widget("textarea"),
        Kind::Bool => widget("radio"),
        Kind::DateTime => Some(rjsf_input("datetime-local")),
        Kind::Email(_) => Some(rjsf_input("email")),
        Kind::Phone(_) => Some(rjsf_input("tel")),
        Kind::Object(fields) => Some(rjsf_object(fields)).filter(|u| u.as_object().is_some_and(|m| !m.is_empty())),
        Kind::List { item: Kind::Enum(_), .. } => widget("checkboxes"),
        Kind::List { item, .. } => rjsf_kind(item).map(|u| obj(vec![("items", u)])),
        _ => None,
    }
}

fn vertical(elements: Vec<Value>) -> Value {
    obj(vec![("type", Value::from("VerticalLayout")), ("elements", Value::Array(elements))])
}

fn jsonforms_elements(fields: &[Field], base: &str) -> Vec<Value> {
    fields.iter().map(|f| jsonforms_field(f, &crate::text!(base, "/properties/", f.name))).collect()
}

fn jsonforms_field(f: &Field, scope: &str) -> Value {
    if let Kind::Object(fields) = &f.kind {
        return obj(vec![
            ("type", Value::from("Group")),
            ("label", Value::from(f.label)),
            ("elements", Value::Array(jsonforms_elements(fields, scope))),
        ]);
    }
    let mut pairs =
        vec![("type", Value::from("Control")), ("scope", Value::from(scope)), ("label", Value::from(f.label))];
    match &f.kind {
        Kind::List { item: Kind::Object(fields), .. } => {
            pairs.push(("options", obj(vec![("detail", vertical(jsonforms_elements(fields, "#")))])));
        }
        Kind::Text { max } if *max > super::model::TEXT_MAX => {
            pairs.push(("options", obj(vec![("multi", Value::Bool(true))])));
        }
        _ => {}
    }
    obj(pairs)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::forms::ALL as FORMS;

    #[test]
    fn choice_titles_read_as_words() {
        assert_eq!(choice_title("early-help-assessment"), "Early help assessment");
        assert_eq!(place_title("the-north-vale"), "The North Vale");
        assert_eq!(place_title("brightwell-castle"), "Brightwell Castle");
        assert_eq!(choice_title("family-connect-triage"), "Family Connect triage");
        assert_eq!(choice_title("cp-or-cin"), "CP or CIN");
        assert_eq!(choice_title("n-a"), "N/A");
        assert_eq!(choice_title("3"), "3");
        assert_eq!(choice_title("self-referral"), "Self-referral");
        assert_eq!(choice_title("re-engaged"), "Re-engaged");
        assert_eq!(choice_title("cross-locality"), "Cross-locality");
        assert_eq!(choice_title("cic"), "CIC");
        assert_eq!(choice_title("nfa"), "NFA");
    }

    #[test]
    fn every_declared_title_is_of_one_of_its_fields_values_and_differs_from_the_general_reading() {
        fn values(kind: &Kind) -> &[&str] {
            match kind {
                Kind::Enum(values) => values,
                Kind::List { item, .. } => values(item),
                _ => &[],
            }
        }
        fn walk(fields: &[Field], form: &str, seen: &mut usize) {
            for f in fields {
                for (value, title) in f.declared_titles() {
                    assert!(values(&f.kind).contains(value), "{form} {}: {value} is not one of its values", f.name);
                    assert_ne!(choice_title(value), *title, "{form} {}: {value} needs no declared title", f.name);
                    *seen += 1;
                }
                match &f.kind {
                    Kind::Object(inner) => walk(inner, form, seen),
                    Kind::List { item: Kind::Object(inner), .. } => walk(inner, form, seen),
                    _ => {}
                }
            }
        }
        let mut seen = 0;
        for form in FORMS {
            walk(form.fields, form.id, &mut seen);
        }
        assert!(seen >= 8, "{seen}");
    }

    #[test]
    fn a_field_declares_the_titles_the_general_reading_gets_wrong() {
        // The case audit's themes, in the timetable's words.
        let audit = FORMS.iter().find(|f| f.id == "case-audit").map(|f| renderer_schema(f)).unwrap_or_default();
        let themes = &audit["properties"]["theme"]["oneOf"];
        assert_eq!(themes[0], json!({ "const": "cse-ce", "title": "CSE/CE" }));
        assert_eq!(themes[3], json!({ "const": "re-referrals-12-months", "title": "Re-referrals within 12 months" }));
        // A value without a declared title is read by the general rule.
        assert_eq!(themes[1], json!({ "const": "domestic-abuse", "title": "Domestic abuse" }));
        // A list of choices takes its field's titles for its items.
        let kinds = [("a-b", "Declared")];
        let list = renderer_kind(&Kind::List { item: &Kind::Enum(&["a-b", "c-d"]), max: 2 }, &kinds);
        assert_eq!(
            list["items"]["oneOf"],
            json!([{ "const": "a-b", "title": "Declared" }, { "const": "c-d", "title": "C d" }])
        );
    }

    #[test]
    fn the_renderer_dialect_has_one_type_per_field_and_titled_choices() {
        for form in FORMS {
            let text = renderer_schema(form).to_string();
            assert!(!text.contains("anyOf") && !text.contains("\"null\"") && !text.contains("$ref"), "{}", form.id);
            assert!(!text.contains("\"enum\""), "{}: choices are oneOf with titles", form.id);
        }
        let referral = renderer_schema(FORMS[0]);
        assert_eq!(
            referral["properties"]["referralDate"],
            json!({ "type": "string", "format": "date", "title": "Date of the referral", "description": "Required when the form is submitted." })
        );
        assert_eq!(
            referral["properties"]["route"]["oneOf"][0],
            json!({ "const": "early-help-assessment", "title": "Early help assessment" })
        );
    }
}
