//! The catalogue document (`safeguarding-forms catalogue`, the npm package's catalogue.json) is what the native API
//! returns, and the options' part the WebAssembly module gives (`rule_states`, `schema_lists`), merged with it as
//! js/index.js merges them, is `rules()` and `schema_for()` under every profile.

use safeguarding_forms::catalogue::{document, rule_states, schema_lists};
use safeguarding_forms::engine::schema::{place_title, restrict, restrict_choices};
use safeguarding_forms::{
    forms, messages, outcome_schema, profile_schema, profiles, rules, schema_for, schema_in, ui_schema, Dialect,
    Library, Options,
};
use serde_json::{json, Value};

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// Every built-in profile, and a council's own document with versions (examples/profiles/brightwell.json).
fn all_options() -> Vec<(String, Options)> {
    let mut out: Vec<(String, Options)> = vec![("none".into(), Options::new())];
    for p in profiles() {
        out.push((p.id.clone(), Options::new().profile(&p.id)));
    }
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/profiles/brightwell.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    out.push(("brightwell.json".into(), Options::new().profile_value(&doc).unwrap()));
    out
}

#[test]
fn the_document_is_what_the_native_api_returns() {
    let doc = document(None).unwrap();
    assert_eq!(doc["forms"], to_value(&forms()));
    assert_eq!(doc["profileSchema"], profile_schema());
    assert_eq!(doc["messages"], to_value(&messages()));
    // The built-in profiles with their change lines (written with the `catalogue` feature), whichever form a module
    // holds.
    assert_eq!(doc["profiles"], to_value(&safeguarding_forms::profiles()));
    assert_eq!(document(Some("sf-referral")).unwrap()["profiles"], doc["profiles"]);
    assert!(doc["profiles"][1]["changes"].as_array().is_some_and(|c| !c.is_empty()));
    let keys: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["forms", "rules", "schemas", "uiSchemas", "outcomeSchemas", "profileSchema", "messages", "profiles"]
    );
    let mut all_rules = Vec::new();
    for f in forms() {
        let id = f.id.as_str();
        assert_eq!(doc["schemas"]["2020-12"][id], schema_in(id, Dialect::Lenient).unwrap(), "{id}");
        assert_eq!(doc["schemas"]["draft-07"][id], schema_in(id, Dialect::Renderer).unwrap(), "{id}");
        assert_eq!(doc["uiSchemas"]["rjsf"][id], ui_schema(id, Library::Rjsf).unwrap(), "{id}");
        assert_eq!(doc["uiSchemas"]["jsonforms"][id], ui_schema(id, Library::JsonForms).unwrap(), "{id}");
        assert_eq!(doc["outcomeSchemas"][id], outcome_schema(id).unwrap(), "{id}");
        // Without a profile, the document's rules are rules() itself (the form's, then the shared input rules).
        let mut own = doc["rules"][id].as_array().unwrap().clone();
        all_rules.extend(own.clone());
        own.extend(doc["rules"]["*"].as_array().unwrap().iter().cloned());
        assert_eq!(Value::Array(own), to_value(&rules(Some(id), &Options::new()).unwrap()), "{id}");
    }
    all_rules.extend(doc["rules"]["*"].as_array().unwrap().iter().cloned());
    assert_eq!(Value::Array(all_rules), to_value(&rules(None, &Options::new()).unwrap()));
    // The rules' text is there (the `catalogue` feature keeps it).
    let referral = &doc["rules"]["sf-referral"][0];
    assert!(
        !referral["summary"].as_str().unwrap().is_empty()
            && !referral["citation"]["title"].as_str().unwrap().is_empty()
    );
}

#[test]
fn one_forms_document_lists_that_form_only() {
    let doc = document(Some("case-audit")).unwrap();
    assert_eq!(doc["forms"].as_array().unwrap().len(), 1);
    assert_eq!(doc["schemas"]["draft-07"].as_object().unwrap().keys().collect::<Vec<_>>(), ["case-audit"]);
    assert_eq!(doc["rules"].as_object().unwrap().keys().collect::<Vec<_>>(), ["case-audit", "*"]);
    assert_eq!(doc["schemas"]["2020-12"]["case-audit"], schema_in("case-audit", Dialect::Lenient).unwrap());
    // The profile schema, as the form's own module gives it: every rule code and threshold of the product (a
    // council's profile is written for every form), the lists of this form only.
    let one = &doc["profileSchema"]["$defs"]["profile"]["properties"];
    let all = profile_schema();
    let every = &all["$defs"]["profile"]["properties"];
    assert_eq!(one["rules"], every["rules"]);
    assert_eq!(one["values"], every["values"]);
    let lists: Vec<&String> = one["options"]["properties"].as_object().unwrap().keys().collect();
    assert_eq!(lists, ["case-audit"]);
    assert!(every["options"]["properties"].as_object().unwrap().len() > 1);
    // Its messages are the form's own and the shared ones, in the order of the whole list.
    let ids: Vec<&str> = doc["messages"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert!(ids.iter().any(|id| id.starts_with("AUD-")) && ids.iter().any(|id| id.starts_with("INP-")));
    assert!(!ids.iter().any(|id| id.starts_with("REF-")));
    let every: Vec<Value> =
        messages().iter().map(to_value).filter(|m| ids.contains(&m["id"].as_str().unwrap())).collect();
    assert_eq!(doc["messages"], Value::Array(every));
    assert_eq!(document(Some("no-such-form")).unwrap_err().to_string(), "unknown form: \"no-such-form\"");
}

/// `rules()` made as js/index.js makes it: the document's rule with the module's state.
fn merged_rule(base: &Value, state: &Value) -> Value {
    let mut out = base.as_object().unwrap().clone();
    let [severity, enabled, set_by, values] = state.as_array().unwrap().as_slice() else { panic!("{state}") };
    out.insert("severity".into(), severity.clone());
    out.insert("enabled".into(), enabled.clone());
    if let Some(params) = out.get_mut("parameters") {
        for (p, v) in params.as_array_mut().unwrap().iter_mut().zip(values.as_array().unwrap()) {
            p["value"] = v[0].clone();
            if !v[1].is_null() {
                p.as_object_mut().unwrap().insert("setBy".into(), v[1].clone());
            }
        }
    }
    if severity != &base["severity"] {
        out.insert("defaultSeverity".into(), base["severity"].clone());
    }
    if !set_by.is_null() {
        out.insert("setBy".into(), set_by.clone());
    }
    Value::Object(out)
}

#[test]
fn the_modules_part_merged_with_the_document_is_rules_and_schema_under_every_profile() {
    let doc = document(None).unwrap();
    let mut changed = (0, 0);
    for (name, options) in all_options() {
        let ids: Vec<String> = forms().into_iter().map(|f| f.id).collect();
        let bases: Vec<Value> = ids
            .iter()
            .flat_map(|id| doc["rules"][id].as_array().unwrap().clone())
            .chain(doc["rules"]["*"].as_array().unwrap().iter().cloned())
            .collect();
        let states = Value::from(rule_states(None, &options).unwrap());
        let merged: Vec<Value> = bases.iter().zip(states.as_array().unwrap()).map(|(b, s)| merged_rule(b, s)).collect();
        let native = to_value(&rules(None, &options).unwrap());
        assert_eq!(Value::Array(merged.clone()), native, "{name}");
        changed.0 += merged.iter().zip(&bases).filter(|(r, b)| r != b).count();
        for id in &ids {
            let lists = schema_lists(id, Some(&options)).unwrap();
            for dialect in [Dialect::Lenient, Dialect::Renderer] {
                let mut s = schema_in(id, dialect).unwrap();
                for l in lists.as_array().unwrap() {
                    let values: Vec<String> =
                        l[1].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
                    match dialect {
                        Dialect::Lenient => restrict(&mut s, l[0].as_str().unwrap(), &values),
                        Dialect::Renderer => restrict_choices(&mut s, l[0].as_str().unwrap(), &values),
                    }
                }
                assert_eq!(s, schema_for(id, &options, dialect).unwrap(), "{name} {id}");
            }
            changed.1 += lists.as_array().unwrap().len();
        }
    }
    // The profiles do change rules and lists (else the comparison above would prove little).
    assert!(changed.0 > 10 && changed.1 > 3, "{changed:?}");
    assert_eq!(place_title("north-east_town"), "North East Town");
}

#[test]
fn the_modules_part_fails_as_the_native_api_does() {
    let bad = Options::new().profile("no-such-profile");
    assert_eq!(rule_states(Some("nope"), &bad).unwrap_err(), rules(Some("nope"), &bad).unwrap_err());
    assert_eq!(
        rule_states(Some("nope"), &Options::new()).unwrap_err(),
        rules(Some("nope"), &Options::new()).unwrap_err()
    );
    assert_eq!(schema_lists("nope", Some(&bad)).unwrap_err(), schema_for("nope", &bad, Dialect::Lenient).unwrap_err());
    assert_eq!(
        schema_lists("sf-referral", Some(&bad)).unwrap_err(),
        schema_for("sf-referral", &bad, Dialect::Lenient).unwrap_err()
    );
    assert_eq!(schema_lists("sf-referral", None).unwrap(), json!([]));
}
