//! `types FILE [--check]`: TypeScript types of every form's data and outcome, generated from the forms' JSON Schemas
//! and declared outcome models, so a vendor's editor completes field names and `tsc` rejects a misspelt field, a
//! wrong choice or an outcome key a form does not have (`js/forms.d.ts`, shipped in the package and re-exported by
//! index.d.ts).

use std::fmt::Write as _;
use std::process::ExitCode;

use safeguarding_forms as sf;
use serde_json::Value;

/// The canonical form of a lenient schema: the first branch of an `anyOf`, the first type of a type list, an
/// enumeration without its blank and null.
fn canonical(s: &Value) -> Value {
    let mut s = match s.get("anyOf").and_then(Value::as_array).and_then(|a| a.first()) {
        Some(first) => first.clone(),
        None => s.clone(),
    };
    if let Some(m) = s.as_object_mut() {
        if let Some(first) = m.get("type").and_then(Value::as_array).and_then(|t| t.first()).cloned() {
            m.insert("type".into(), first);
        }
        if let Some(Value::Array(e)) = m.get_mut("enum") {
            e.retain(|v| v.as_str().is_some_and(|t| !t.is_empty()));
        }
    }
    s
}

/// An outcome key's schema with `null` taken out of its type (nullability is written by the caller) and out of its
/// enumeration.
fn single_type(p: &Value) -> Value {
    let mut p = p.clone();
    if let Some(m) = p.as_object_mut() {
        if let Some(Value::Array(t)) = m.get("type") {
            if let Some(first) = t.iter().find(|x| *x != "null").cloned() {
                m.insert("type".into(), first);
            }
        }
        if let Some(Value::Array(e)) = m.get_mut("enum") {
            e.retain(|v| !v.is_null());
        }
    }
    p
}

fn type_name(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn ts(s: &Value, indent: usize, output: bool) -> String {
    let s = &if output { s.clone() } else { canonical(s) };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return if r.ends_with("/date") {
            "DateInput".into()
        } else if r.ends_with("/dateTime") {
            "DateTimeInput".into()
        } else {
            "unknown".into()
        };
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return e.iter().filter_map(Value::as_str).map(|v| format!("'{v}'")).collect::<Vec<_>>().join(" | ");
    }
    // An outcome's choice: `oneOf` its values with their titles (and `{ const: null }` when nullable, written by the
    // caller): the union of the values.
    if let Some(o) = s.get("oneOf").and_then(Value::as_array) {
        let values: Vec<String> =
            o.iter().filter_map(|c| c.get("const").and_then(Value::as_str)).map(|v| format!("'{v}'")).collect();
        if !values.is_empty() {
            return values.join(" | ");
        }
    }
    match s.get("type").and_then(Value::as_str) {
        Some("string") => "string".into(),
        Some("number") | Some("integer") if !output => "number | string".into(),
        Some("number") | Some("integer") => "number".into(),
        Some("boolean") => "boolean".into(),
        Some("array") => {
            let item = s.get("items").map(|i| ts(i, indent, output)).unwrap_or_else(|| "unknown".into());
            if item.contains(' ') && !item.starts_with('{') {
                format!("Array<{item}>")
            } else {
                format!("{item}[]")
            }
        }
        Some("object") => object(s, indent, output),
        _ => "unknown".into(),
    }
}

/// An object type: a form's data (`output` false: every key optional and nullable) or an outcome (`output` true:
/// keys as the declared outcome model says, `null` only where declared).
fn object(s: &Value, indent: usize, output: bool) -> String {
    let Some(props) = s.get("properties").and_then(Value::as_object) else { return "Record<string, unknown>".into() };
    let pad = "  ".repeat(indent.saturating_add(1));
    let mut out = String::from("{\n");
    for (name, p) in props {
        let mut doc = p.get("title").and_then(Value::as_str).unwrap_or("").to_owned();
        if let Some(u) = p.get("x-unit").and_then(Value::as_str) {
            doc = format!("{doc} ({u})");
        }
        if let Some(d) = p.get("description").and_then(Value::as_str) {
            doc = format!("{doc}. {d}");
        }
        if !doc.is_empty() {
            let _ = writeln!(out, "{pad}/** {} */", doc.replace("*/", "* /"));
        }
        let identifier = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        let key = if identifier { name.clone() } else { format!("'{name}'") };
        if output {
            let required = s.get("required").and_then(Value::as_array).is_some_and(|r| r.iter().any(|x| x == name));
            let nullable = match p.get("type") {
                Some(Value::Array(t)) => t.iter().any(|x| x == "null"),
                _ => false,
            };
            let mut t = ts(&single_type(p), indent.saturating_add(1), true);
            if nullable {
                t.push_str(" | null");
            }
            let _ = writeln!(out, "{pad}{key}{}: {t};", if required { "" } else { "?" });
        } else {
            let _ = writeln!(out, "{pad}{key}?: {} | null;", ts(p, indent.saturating_add(1), false));
        }
    }
    out.push_str(&"  ".repeat(indent));
    out.push('}');
    out
}

pub fn generate() -> Result<String, String> {
    let mut out = String::from(
        "// Generated by `safeguarding-forms types js/forms.d.ts` from the forms' models and declared outcome models; do\n\
         // not edit by hand.\n\n\
         /** A date as \"YYYY-MM-DD\" or the parts of a GOV.UK date input, as typed. */\n\
         export type DateInput = string | { day?: string | number | null; month?: string | number | null; year?: string | number | null };\n\n\
         /** A date and time as \"YYYY-MM-DDTHH:MM\" or the parts of a GOV.UK date input with hour and minute, as typed. */\n\
         export type DateTimeInput = string | { day?: string | number | null; month?: string | number | null; year?: string | number | null; hour?: string | number | null; minute?: string | number | null };\n\n",
    );
    let forms = sf::forms();
    let mut carries = Vec::new();
    for f in &forms {
        let schema = sf::schema(&f.id).map_err(|e| e.to_string())?;
        let name = type_name(&f.id);
        let _ = writeln!(out, "/** {} (`{}`): the form's data as a page sends it. */", f.title, f.id);
        let _ = writeln!(out, "export interface {name} {}\n", object(&schema, 0, false));
        let outcome = sf::outcome_schema(&f.id).map_err(|e| e.to_string())?;
        let _ = writeln!(out, "/** What `validate('{}', …)` computes from the form (`report.outcome`). */", f.id);
        let _ = writeln!(out, "export interface {name}Outcome {}\n", object(&outcome, 0, true));
        if sf::carry_forward(&f.id, &serde_json::json!({})).is_ok() {
            carries.push(f.id.clone());
        }
    }
    out.push_str("/** Each form's data type, by form id. */\nexport interface FormData {\n");
    for f in &forms {
        let _ = writeln!(out, "  '{}': {};", f.id, type_name(&f.id));
    }
    out.push_str("}\n\n/** Each form's outcome type, by form id. */\nexport interface FormOutcome {\n");
    for f in &forms {
        let _ = writeln!(out, "  '{}': {}Outcome;", f.id, type_name(&f.id));
    }
    out.push_str("}\n\n/** Every form id. */\nexport type FormId = keyof FormData;\n");
    let carry: Vec<String> = carries.iter().map(|id| format!("'{id}'")).collect();
    let _ = writeln!(
        out,
        "\n/** The forms that carry forward (`carryForward`). */\nexport type CarryForwardFormId = {};",
        if carry.is_empty() { "never".to_owned() } else { carry.join(" | ") }
    );
    Ok(out)
}

pub fn run(file: &str, check: bool) -> Result<ExitCode, String> {
    let text = generate()?;
    if check {
        if std::fs::read_to_string(file).ok().as_deref() == Some(text.as_str()) {
            println!("{file} is current");
            Ok(ExitCode::SUCCESS)
        } else {
            eprintln!("{file} is out of date (run `cargo run -- types {file}`)");
            Ok(ExitCode::from(1))
        }
    } else {
        std::fs::write(file, text).map_err(|e| format!("cannot write {file}: {e}"))?;
        println!("wrote {file}");
        Ok(ExitCode::SUCCESS)
    }
}
