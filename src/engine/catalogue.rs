//! Every message the engine can emit, by id: each form's templates, the messages its model gives for missing
//! required fields, and the shared ones. `messages()` lists them; a host's table is checked against them.

use crate::engine::value::Value;

use super::error::Error;
use super::messages::{template_params, MessageInfo, MessageTable, Template, TemplateProblem};
use super::model::{Field, Kind};
use super::registry::{FormDef, Registry};
use super::{checks, structure};

/// The id of the message a model gives for a missing required field: the form's required rule's code and the
/// field's path without list indexes (`REF-001.children.dateOfBirth`).
pub fn required_id(code: &str, path: &str) -> String {
    let mut id = String::from(code);
    for seg in path.split('/').skip(1) {
        if !seg.is_empty() && !seg.bytes().all(|b| b.is_ascii_digit()) {
            id.push('.');
            id.push_str(seg);
        }
    }
    id
}

fn info(id: String, template: &str) -> MessageInfo {
    let params = template_params(template).unwrap_or_default();
    MessageInfo { id, template: template.to_owned(), params }
}

fn model_messages(form: &FormDef, fields: &[Field], path: &str, out: &mut Vec<MessageInfo>) {
    for f in fields {
        let here = crate::text!(path, "/", f.name);
        if let Some(text) = f.required_message() {
            out.push(info(required_id(form.required.code, &here), &text));
        }
        let mut kind = &f.kind;
        while let Kind::List { item, .. } = kind {
            kind = item;
        }
        if let Kind::Object(inner) = kind {
            model_messages(form, inner, &here, out);
        }
    }
}

fn templates(list: &[&'static Template], out: &mut Vec<MessageInfo>) {
    out.extend(list.iter().map(|t| info(t.id().to_owned(), t.text())));
}

/// Every message, by form in the registry's order, then the shared ones; each id once.
pub fn all(registry: &'static Registry) -> &'static [MessageInfo] {
    registry.cache.messages.get_or_init(|| {
        let mut out = Vec::new();
        for form in registry.forms {
            model_messages(form, form.fields, "", &mut out);
            templates(form.messages, &mut out);
        }
        templates(structure::MESSAGES, &mut out);
        templates(checks::MESSAGES, &mut out);
        // Each id once, the first kept: the ids seen so far in a sorted list (a `HashSet<String>` here was one more
        // hash-table instantiation in every module; this runs once a process).
        let mut seen: Vec<String> = Vec::new();
        out.retain(|m| match seen.binary_search(&m.id) {
            Ok(_) => false,
            Err(at) => {
                seen.insert(at, m.id.clone());
                true
            }
        });
        out
    })
}

/// Every message's parameters by its id, sorted by id for a binary search: a list and the engine's sort, not a
/// `BTreeMap` (its node code was about 0.8 kB gzip of every module for this one table; ids are unique).
fn params_by_id(registry: &'static Registry) -> &'static [(&'static str, &'static [String])] {
    registry.cache.message_params.get_or_init(|| {
        let mut params: Vec<(&'static str, &'static [String])> =
            all(registry).iter().map(|m| (m.id.as_str(), m.params.as_slice())).collect();
        super::sort::stable_by_key(&mut params, |(id, _)| *id);
        params
    })
}

/// The parameters of the message `id`, if the product has it.
fn params_of(registry: &'static Registry, id: &str) -> Option<&'static [String]> {
    super::sort::value_of(params_by_id(registry), id).copied()
}

/// Whether a message id belongs to a rule of a form the product has but this build (a single-form module) does
/// not hold: a host's table written for every form is not wrong for leaving them in.
fn of_form_not_held(registry: &Registry, id: &str) -> bool {
    let code = id.split('.').next().unwrap_or(id);
    registry.product.iter().filter(|k| !registry.forms.iter().any(|f| f.id == k.id)).any(|k| k.has_code(code))
}

/// Reads `options.messages`: an object of message id → template text.
pub fn table_from_json(v: &Value) -> Result<MessageTable, Error> {
    let Value::Object(obj) = v else {
        return Err(Error::InvalidOption("messages must be an object of message id → template".into()));
    };
    let mut templates = Vec::with_capacity(obj.len());
    for (id, t) in obj {
        let Value::String(t) = t else {
            return Err(Error::InvalidOption(crate::text!("messages: the template of ", quoted(id), " must be text")));
        };
        templates.push((id.clone(), t.clone()));
    }
    Ok(MessageTable::new(templates))
}

/// A host's table is a configuration: an unknown id, a template naming a parameter its message does not have, or
/// a malformed template is the caller's mistake.
pub fn check_table(registry: &'static Registry, table: &MessageTable) -> Result<(), Error> {
    for (id, template) in table.iter() {
        let Some(params) = params_of(registry, id) else {
            if of_form_not_held(registry, id) {
                continue;
            }
            return Err(Error::InvalidOption(crate::text!("messages: unknown message id ", quoted(id))));
        };
        match template_params(template) {
            Err(TemplateProblem::Syntax) | Err(TemplateProblem::UnknownParam(_)) => {
                return Err(Error::InvalidOption(crate::text!(
                    "messages: the template of ",
                    quoted(id),
                    " has a brace out of place or a plural without `other`"
                )))
            }
            Ok(names) => {
                if let Some(bad) = names.iter().find(|n| !params.contains(n)) {
                    return Err(Error::InvalidOption(crate::text!(
                        "messages: the template of ",
                        quoted(id),
                        " names {",
                        bad,
                        "}, which that message does not have (it has: ",
                        if params.is_empty() { "none".to_owned() } else { params.join(", ") },
                        ")"
                    )));
                }
            }
        }
    }
    Ok(())
}

fn quoted(id: &str) -> String {
    let short: String = id.chars().take(80).collect();
    crate::engine::report::json_string(&short)
}
