//! Properties that hold for every form: no message echoes what was typed, nothing panics on any value at any field,
//! the session equals `validate` after random edits. Fields are taken from each form's schema.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use proptest::prelude::*;
use safeguarding_forms::{forms, schema, validate, FormSession, Options};
use serde_json::{json, Map, Value};

/// Every pointer of a form's schema (list items at index 0), with the schema at it.
fn pointers(s: &Value, prefix: &str, out: &mut Vec<(String, Value)>) {
    let s = match s.get("anyOf").and_then(Value::as_array).and_then(|a| a.first()) {
        Some(first) if s.get("$ref").is_none() => first.clone(),
        _ => s.clone(),
    };
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (k, p) in props {
            let path = format!("{prefix}/{k}");
            out.push((path.clone(), p.clone()));
            pointers(p, &path, out);
        }
    }
    if let Some(items) = s.get("items") {
        let path = format!("{prefix}/0");
        out.push((path.clone(), items.clone()));
        pointers(items, &path, out);
    }
}

/// A form id and its pointers.
type FormPointers = (String, Vec<(String, Value)>);

fn all_pointers() -> &'static [FormPointers] {
    static ALL: std::sync::OnceLock<Vec<FormPointers>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        forms()
            .into_iter()
            .map(|f| {
                let mut out = Vec::new();
                pointers(&schema(&f.id).unwrap(), "", &mut out);
                (f.id, out)
            })
            .collect()
    })
}

/// Builds an object with `value` at every leaf pointer (list items as one-row lists).
fn fill(pointers: &[(String, Value)], value: &Value) -> Value {
    let mut root = Value::Object(Map::new());
    for (path, s) in pointers {
        let is_container = s.get("properties").is_some() || s.get("items").is_some();
        if is_container {
            continue;
        }
        let mut cur = &mut root;
        let segs: Vec<&str> = path.split('/').skip(1).collect();
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            let next_is_index = segs.get(i + 1).is_some_and(|n| *n == "0");
            if *seg == "0" {
                let arr = cur.as_array_mut().unwrap();
                if arr.is_empty() {
                    arr.push(if last { Value::Null } else { Value::Object(Map::new()) });
                }
                if last {
                    arr[0] = value.clone();
                    break;
                }
                cur = &mut arr[0];
                continue;
            }
            let obj = cur.as_object_mut().unwrap();
            if last {
                obj.insert((*seg).to_owned(), value.clone());
                break;
            }
            cur = obj.entry((*seg).to_owned()).or_insert_with(|| if next_is_index { json!([]) } else { json!({}) });
            if next_is_index && !cur.is_array() {
                *cur = json!([]);
            }
            if !next_is_index && !cur.is_object() {
                *cur = json!({});
            }
        }
    }
    root
}

#[test]
fn no_message_of_any_form_echoes_a_canary_in_every_field() {
    let canaries = [
        json!("canary-7731"),
        json!("<script>alert('canary-7731')</script>"),
        json!({ "day": "canary-7731", "month": "canary-7731", "year": "canary-7731" }),
        json!(["canary-7731"]),
        json!({ "canary-7731": "canary-7731" }),
    ];
    let options = [Options::new().today("2025-06-02").unwrap(), Options::new().today("2025-06-02").unwrap().submit()];
    let mut checked = 0;
    for (form, ptrs) in all_pointers() {
        for canary in &canaries {
            let data = fill(ptrs, canary);
            for o in &options {
                let report = validate(form, &data, o).unwrap();
                assert!(!report.diagnostics.is_empty(), "{form}: a form full of canaries has no findings");
                for d in &report.diagnostics {
                    assert!(!d.message.contains("canary"), "{form} {} {}: {}", d.code, d.path, d.message);
                    assert!(!d.message.contains('<'), "{form} {}: markup in a message", d.code);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 28 * 5 * 2);
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| json!(x)),
        "\\PC{0,16}".prop_map(Value::String),
        "(19|20|21)[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::String),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]".prop_map(Value::String),
        (0u32..40, 0u32..14, 1890u32..2210)
            .prop_map(|(d, m, y)| json!({ "day": d.to_string(), "month": m.to_string(), "year": y.to_string() })),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_value_at_any_field_of_any_form_never_panics_and_session_equals_validate(
        form_index in 0usize..28,
        edits in prop::collection::vec((any::<prop::sample::Index>(), arb_value(), any::<bool>()), 1..12),
        submit in any::<bool>(),
    ) {
        let all = all_pointers();
        let (form, ptrs) = &all[form_index % all.len()];
        let mut o = Options::new().today("2025-06-02").unwrap();
        if submit { o = o.submit(); }
        let mut s = FormSession::new(form, &o).unwrap();
        for (idx, value, remove) in edits {
            let (path, _) = &ptrs[idx.index(ptrs.len())];
            let _ = if remove { s.remove(path) } else { s.set(path, value) };
            let expected = validate(form, &serde_json::Value::from(s.data()), &o).unwrap();
            prop_assert_eq!(s.report(), &expected);
        }
    }
}
