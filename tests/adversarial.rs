//! Hostile input, natively, for every form (issue 18). The same properties are checked in wasm through the package
//! by `tests/node/adversarial-*.test.mjs`.
//! - A JSON Pointer is applied exactly or refused with the data unchanged (never a list turned into an object), and
//!   `remove` of what is not there is a no-op at any depth.
//! - A canary: a marker string typed into every field and used as every unknown key, at every nesting level, of all
//!   28 forms (from each form's `schema()`, and added to every conformance vector) never appears in a diagnostic's
//!   `path` or `message` — only in `related`, which may name keys.
//! - Hostile values at every field of every form: the session's report is `validate`'s, and every path is a place
//!   the form's schema declares.
//! - Data larger than the engine reads gets the same "too large" finding from `validate_json`, a session's `load`
//!   and its `set`, and the session keeps the data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

use safeguarding_forms::{forms, schema, validate, validate_json, FormSession, Options, Report};
use serde_json::{json, Map, Value};

const MARKER: &str = "Zq7canaryQ";

fn opts(stage_submit: bool) -> Options {
    let o = Options::new().today("2025-06-02").unwrap();
    if stage_submit {
        o.submit()
    } else {
        o
    }
}

// ---- The schema as a tree of places ----

/// A place in a form: its pointer, and what the schema has there.
#[derive(Clone, Debug)]
enum Shape {
    Object(Vec<(String, Shape)>),
    List(Box<Shape>),
    Date,
    /// A date and time: its parts as a date's, with hour and minute.
    DateTime,
    Leaf,
}

fn shape(node: &Value) -> Shape {
    if node.get("$ref").and_then(Value::as_str) == Some("#/$defs/date") {
        return Shape::Date;
    }
    if node.get("$ref").and_then(Value::as_str) == Some("#/$defs/dateTime") {
        return Shape::DateTime;
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        return Shape::Object(props.iter().map(|(k, v)| (k.clone(), shape(v))).collect());
    }
    if let Some(items) = node.get("items") {
        return Shape::List(Box::new(shape(items)));
    }
    Shape::Leaf
}

fn form_shape(form: &str) -> Shape {
    shape(&schema(form).unwrap())
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every pointer the schema declares (list rows as row 0), with its shape.
fn places(s: &Shape, at: &str, out: &mut Vec<(String, Shape)>) {
    match s {
        Shape::Object(fields) => {
            for (k, f) in fields {
                let p = format!("{at}/{}", escape(k));
                out.push((p.clone(), f.clone()));
                places(f, &p, out);
            }
        }
        Shape::List(item) => {
            let p = format!("{at}/0");
            out.push((p.clone(), (**item).clone()));
            places(item, &p, out);
        }
        Shape::Date => {
            for part in ["day", "month", "year"] {
                out.push((format!("{at}/{part}"), Shape::Leaf));
            }
        }
        Shape::DateTime => {
            for part in ["day", "month", "year", "hour", "minute"] {
                out.push((format!("{at}/{part}"), Shape::Leaf));
            }
        }
        Shape::Leaf => {}
    }
}

/// Whether every segment of `path` is declared by the schema: a field name, a list index, a date's part.
fn declared(s: &Shape, path: &str) -> bool {
    let mut cur = s.clone();
    for seg in path.split('/').skip(1) {
        cur = match cur {
            Shape::Object(fields) => match fields.into_iter().find(|(k, _)| escape(k) == seg) {
                Some((_, f)) => f,
                None => return false,
            },
            Shape::List(item) => {
                if seg.is_empty() || !seg.bytes().all(|b| b.is_ascii_digit()) || (seg.len() > 1 && seg.starts_with('0'))
                {
                    return false;
                }
                *item
            }
            Shape::Date if ["day", "month", "year"].contains(&seg) => Shape::Leaf,
            Shape::DateTime if ["day", "month", "year", "hour", "minute"].contains(&seg) => Shape::Leaf,
            _ => return false,
        };
    }
    true
}

// ---- The canary ----

/// Data with the marker in every field, and an unknown key holding the marker (and a nested object with more of
/// them) in every object: the form's, each nested object's, each list row's, each date's parts.
fn canary(s: &Shape, n: &mut usize) -> Value {
    *n += 1;
    let unknown = |n: usize| format!("{MARKER}-key-{n}");
    match s {
        Shape::Object(fields) => {
            let mut m = Map::new();
            for (k, f) in fields {
                m.insert(k.clone(), canary(f, n));
            }
            m.insert(unknown(*n), json!({ format!("{MARKER}-inner"): MARKER }));
            m.insert(format!("{MARKER}/with~slash"), json!(MARKER));
            Value::Object(m)
        }
        Shape::List(item) => Value::Array(vec![canary(item, n), json!(MARKER), canary(item, n)]),
        Shape::Date => {
            json!({ "day": MARKER, "month": format!("{MARKER} March"), "year": MARKER, unknown(*n): MARKER })
        }
        Shape::DateTime => json!({
            "day": MARKER, "month": format!("{MARKER} March"), "year": MARKER, "hour": MARKER, "minute": MARKER,
            unknown(*n): MARKER
        }),
        Shape::Leaf => json!(format!("{MARKER} typed <b>text</b>")),
    }
}

/// Adds an unknown key holding the marker to every object in `v` (and in the objects nested in it).
fn with_marker_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out: Map<String, Value> = m.iter().map(|(k, v)| (k.clone(), with_marker_keys(v))).collect();
            out.insert(format!("{MARKER}.unknown"), json!({ MARKER: MARKER }));
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(with_marker_keys).collect()),
        other => other.clone(),
    }
}

fn no_echo(form: &str, what: &str, r: &Report) {
    for d in &r.diagnostics {
        assert!(!d.path.contains(MARKER), "{form} {what}: {} path {:?}", d.code, d.path);
        assert!(!d.message.contains(MARKER), "{form} {what}: {} message {:?}", d.code, d.message);
        assert!(!d.path.contains("canary"), "{form} {what}: {} path {:?}", d.code, d.path);
    }
}

/// `validate`, a session's `load`, and a session filled field by field (each report on the way).
fn every_way(form: &str, data: &Value, what: &str, stages: &[bool]) {
    for &submit in stages {
        let o = opts(submit);
        no_echo(form, what, &validate(form, data, &o).unwrap());
        let mut s = FormSession::new(form, &o).unwrap();
        no_echo(form, what, s.load(data.clone()).unwrap());
        let mut s2 = FormSession::new(form, &o).unwrap();
        for (k, v) in data.as_object().unwrap() {
            let r = s2.set(&format!("/{}", escape(k)), v.clone()).unwrap();
            no_echo(form, what, r);
        }
        assert_eq!(s2.report(), &validate(form, &serde_json::Value::from(s2.data()), &o).unwrap());
        drop(s);
    }
}

#[test]
fn canary_in_every_field_and_every_key_of_every_form_never_reaches_a_path_or_message() {
    let all = forms();
    assert_eq!(all.len(), 28);
    let mut unknown_keys = 0;
    for f in &all {
        let sh = form_shape(&f.id);
        let mut n = 0;
        let data = canary(&sh, &mut n);
        unknown_keys += n;
        every_way(&f.id, &data, "schema canary", &[false, true]);
        // The marker typed into one field at a time (a rule that reads that field sees only it wrong).
        let mut ps = Vec::new();
        places(&sh, "", &mut ps);
        let mut s = FormSession::new(&f.id, &opts(true)).unwrap();
        for (p, _) in &ps {
            no_echo(&f.id, p, s.set(p, json!(MARKER)).unwrap());
            let key = format!("{p}/{}", escape(&format!("{MARKER}.{p}")));
            if let Ok(r) = s.set(&key, json!(1)) {
                no_echo(&f.id, &key, r);
            }
        }
        // Every conformance vector with unknown marker keys in each of its objects: rules that fire only on an
        // otherwise well-formed form see them too.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance").join(&f.id);
        let mut vectors = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(data) = v.get("data").filter(|d| d.is_object()) else { continue };
            every_way(&f.id, &with_marker_keys(data), &path.display().to_string(), &[true]);
            vectors += 1;
        }
        assert!(vectors >= 5, "{}: {vectors} vectors", f.id);
    }
    assert!(unknown_keys > 28 * 5);
}

#[test]
fn the_canary_key_is_kept_in_related_so_a_page_can_still_point_at_it() {
    // GQA-007, IYC-005, AUD-002: a grade or answer for something the template does not have.
    for (form, map, key) in [
        ("group-qa-visit", "checks", "overview.made-up"),
        ("incredible-years-checklist", "items", "set-up.made-up"),
        ("case-audit", "answers", "basic.made-up"),
    ] {
        let data = json!({ map: { key: { "answer": "yes" } } });
        let r = validate(form, &data, &opts(true)).unwrap();
        let own: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| !d.code.starts_with("INP-"))
            .filter(|d| d.path == format!("/{map}"))
            .collect();
        assert!(!own.is_empty(), "{form}: {:?}", r.diagnostics);
        for d in own {
            assert_eq!(d.related.first().map(String::as_str), Some(format!("/{map}/{key}").as_str()), "{form}");
        }
        no_echo(form, "related", &r);
    }
}

// ---- Hostile values at every field ----

fn hostile() -> Vec<Value> {
    let deep = (0..80).fold(json!(1), |v, _| json!([v]));
    let wide: Map<String, Value> = (0..60).map(|i| (format!("k{i}"), json!(i))).collect();
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1e308),
        json!(-1e-308),
        json!(18_446_744_073_709_551_615u64),
        json!(""),
        json!("   "),
        json!("\u{0}\u{1f}\u{7f}\u{200b}\u{feff}"),
        json!("\u{fffd}"),
        json!("2025-02-30"),
        json!("0000-00-00"),
        json!("<script>alert(1)</script>"),
        json!("x".repeat(20_000)),
        json!([]),
        json!({}),
        json!([null, {}, [], "x"]),
        json!({ "day": "31", "month": "Febtober", "year": "-1" }),
        deep,
        Value::Object(wide),
    ]
}

#[test]
fn hostile_values_at_every_field_of_every_form_keep_the_session_equal_to_validate() {
    let values = hostile();
    let mut edits = 0usize;
    for f in forms() {
        let sh = form_shape(&f.id);
        let mut ps = Vec::new();
        places(&sh, "", &mut ps);
        let o = opts(true);
        let mut s = FormSession::new(&f.id, &o).unwrap();
        for (i, (p, _)) in ps.iter().enumerate() {
            // Each value in turn at this place; the last one stays while the next places are tried.
            for v in (0..3).map(|j| &values[(i * 3 + j) % values.len()]) {
                let r = match s.set(p, v.clone()) {
                    Ok(r) => r.clone(),
                    // A pointer into a list the previous value made something else: refused, data unchanged.
                    Err(e) => {
                        assert!(e.to_string().starts_with("invalid JSON Pointer"), "{}: {p}: {e}", f.id);
                        continue;
                    }
                };
                edits += 1;
                for d in &r.diagnostics {
                    assert!(declared(&sh, &d.path), "{} {p}: {} at undeclared {:?}", f.id, d.code, d.path);
                }
                if edits % 10 == 0 {
                    let data = serde_json::Value::from(s.data());
                    assert_eq!(r, validate(&f.id, &data, &o).unwrap(), "{} after {p}", f.id);
                    assert_eq!(s.json_len(), serde_json::to_string(&data).unwrap().len(), "{} after {p}", f.id);
                }
            }
        }
        let data = serde_json::Value::from(s.data());
        assert_eq!(s.report(), &validate(&f.id, &data, &o).unwrap(), "{}", f.id);
    }
    assert!(edits > 3_000, "{edits}");
}

// ---- Pointers ----

fn two_children() -> (FormSession, Value) {
    let mut s = FormSession::new("sf-referral", &opts(false)).unwrap();
    let data = json!({ "children": [{ "name": "A" }, { "name": "B" }] });
    s.load(data.clone()).unwrap();
    s.take_delta();
    (s, data)
}

#[test]
fn a_list_index_that_is_not_one_is_refused_with_the_data_unchanged() {
    for p in [
        "/children/-1/name",
        "/children/abc/name",
        "/children/1.5/name",
        "/children/01/name",
        "/children/+1/name",
        "/children//name",
        "/children/ 1/name",
        "/children/1e0/name",
        "/children/3/name",
        "/children/10001",
        "/children/99999999999999999999999/name",
        "/children/-1",
        "/children/abc",
    ] {
        let (mut s, data) = two_children();
        let before = s.report().clone();
        let err = s.set(p, json!("x")).expect_err(p);
        assert!(err.to_string().starts_with("invalid JSON Pointer"), "{p}: {err}");
        assert_eq!(serde_json::Value::from(s.data()), data, "{p}");
        assert_eq!(s.report(), &before, "{p}");
        assert_eq!(s.take_delta(), "", "{p}: nothing changed");
    }
    // Into a list that is not there yet, where the form has a list: only a row number fits.
    let mut s = FormSession::new("sf-referral", &opts(false)).unwrap();
    for p in ["/children/-1/name", "/children/x", "/children/1/name"] {
        assert!(s.set(p, json!("x")).is_err(), "{p}");
        assert!(s.data().is_empty(), "{p}");
    }
    // What does fit: a row, the end (its length or "-").
    let (mut s, _) = two_children();
    s.set("/children/1/name", json!("B2")).unwrap();
    s.set("/children/2/name", json!("C")).unwrap();
    s.set("/children/-/name", json!("D")).unwrap();
    assert_eq!(
        serde_json::Value::from(s.data()),
        json!({ "children": [{ "name": "A" }, { "name": "B2" }, { "name": "C" }, { "name": "D" }] })
    );
}

#[test]
fn remove_of_what_is_not_there_is_a_no_op_at_any_depth_and_a_bad_index_is_refused() {
    for p in [
        "/children/5",
        "/children/5/name",
        "/children/2",
        "/children/2/name",
        "/children/-",
        "/children/0/x/y",
        "/nope/1/2",
    ] {
        let (mut s, data) = two_children();
        let before = s.report().clone();
        assert_eq!(s.remove(p).unwrap(), &before, "{p}");
        assert_eq!(serde_json::Value::from(s.data()), data, "{p}");
    }
    for p in ["/children/-1", "/children/-1/name", "/children/abc", "/children/01/name", "/children/1.5"] {
        let (mut s, data) = two_children();
        assert!(s.remove(p).is_err(), "{p}");
        assert_eq!(serde_json::Value::from(s.data()), data, "{p}");
    }
    let (mut s, _) = two_children();
    s.remove("/children/0").unwrap();
    assert_eq!(serde_json::Value::from(s.data()), json!({ "children": [{ "name": "B" }] }));
}

#[test]
fn an_object_whose_keys_are_numbers_stays_an_object() {
    // The Family Programme's modules are "1" to "8": a pointer through them makes objects, as the model has.
    let mut s = FormSession::new("family-programme", &opts(false)).unwrap();
    s.set("/modules/3/entries/0/date", json!("2025-05-01")).unwrap();
    assert!(s.data()["modules"].is_object());
    assert!(s.data()["modules"]["3"]["entries"].is_array());
    assert!(s.set("/modules/3/entries/x/date", json!("2025-05-01")).is_err());
}

// ---- Too large ----

#[test]
fn data_over_the_limit_gets_the_same_finding_from_validate_load_and_set_and_is_kept() {
    let form = "sf-referral";
    let o = opts(false);
    let big = "y".repeat(64 * 1024 * 1024 + 10);
    let data = json!({ "route": "health", "referrer": { "name": big } });
    let text = format!(r#"{{"route":"health","referrer":{{"name":"{big}"}}}}"#);
    let by_validate = validate_json(form, &text, &o).unwrap();
    assert_eq!(by_validate.diagnostics.len(), 1);
    assert_eq!(by_validate.diagnostics[0].code, "INP-017");

    let mut s = FormSession::new(form, &o).unwrap();
    assert_eq!(s.load(data.clone()).unwrap(), &by_validate);
    assert_eq!(s.data()["referrer"]["name"].as_str().map(str::len), Some(big.len()), "load keeps the data");

    let mut s = FormSession::new(form, &o).unwrap();
    s.set("/route", json!("health")).unwrap();
    assert_eq!(s.set("/referrer/name", json!(big)).unwrap(), &by_validate);
    assert_eq!(s.data()["referrer"]["name"].as_str().map(str::len), Some(big.len()), "set keeps the text");
    // Other edits while it is too large: still the one finding.
    assert_eq!(s.set("/route", json!("education")).unwrap(), &by_validate);
    // Small enough again: checked as usual, exactly as validate.
    let r = s.set("/referrer/name", json!("R")).unwrap().clone();
    let now = serde_json::Value::from(s.data());
    assert_eq!(r, validate(form, &now, &o).unwrap());
    assert_eq!(r, validate_json(form, &serde_json::to_string(&now).unwrap(), &o).unwrap());
    assert!(!r.has("INP-017"));
    // And by removing it.
    s.set("/referrer/name", json!(big)).unwrap();
    let r = s.remove("/referrer").unwrap().clone();
    assert!(!r.has("INP-017"));
    assert_eq!(r, validate(form, &serde_json::Value::from(s.data()), &o).unwrap());
}
