//! Every form, random edit sequences at the form's own fields (taken from its `schema()`): after each edit the
//! session's report is identical to `validate` on the session's data, and a client that only applies the deltas the
//! session sends (`take_delta`, what crosses the WebAssembly boundary) holds exactly the same report.
//! `SF_EDIT_SEQUENCES=n` runs more sequences per form (default 12 of 40 edits).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use safeguarding_forms::engine::rule::Kept;
use safeguarding_forms::engine::session::rules_read;
use safeguarding_forms::{forms, profiles, schema, validate, FormSession, Options};
use serde_json::{json, Value};

use common::{assert_session_is_validate, fixture_session, Rng};

/// A place an edit can touch, and the values worth putting there.
struct Target {
    pointer: String,
    values: Vec<Value>,
}

const DATES: &[&str] =
    &["2025-06-02", "2025-05-20", "2025-05-01", "2025-06-30", "2024-01-15", "2012-03-04", "2026-02-30", "2099-01-01"];

fn date_values() -> Vec<Value> {
    let mut v: Vec<Value> = DATES.iter().map(|d| json!(d)).collect();
    v.extend([
        json!({ "day": "20", "month": "5", "year": "2025" }),
        json!({ "day": "3", "month": "Sept", "year": "2015" }),
        json!({ "day": "31", "month": "2", "year": "2025" }),
        json!({ "day": "1", "month": "", "year": "" }),
        json!({ "day": "1", "month": "1", "year": "25" }),
        json!("20/05/2025"),
        json!(12),
    ]);
    v
}

/// The values a leaf of this schema takes: good ones of its kind, and the mistakes people make.
fn leaf_values(s: &Value) -> Vec<Value> {
    let mut v = vec![Value::Null, json!(""), json!(["x"]), json!({}), json!("\u{FFFD}"), json!(" \u{200B}text ")];
    if let Some(options) = s.get("enum").and_then(Value::as_array) {
        v.extend(options.iter().cloned());
        v.push(json!("not-an-option"));
    } else if s.get("$ref").is_some() {
        v.extend(date_values());
    } else if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        let first = &any[0];
        if let (Some(min), Some(max)) =
            (first.get("minimum").and_then(Value::as_f64), first.get("maximum").and_then(Value::as_f64))
        {
            v.extend([
                json!(min),
                json!(max),
                json!(((min + max) / 2.0).floor()),
                json!(max + 1.0),
                json!("3"),
                json!("x"),
                json!(2.5),
            ]);
        } else {
            v.extend([json!(true), json!(false), json!("yes"), json!("no"), json!("maybe")]);
        }
    } else if s.get("pattern").is_some() {
        v.extend([json!("2025-05-20T14:30"), json!("2025-03-30T01:30"), json!("2025-06-02T09:00"), json!("soon")]);
    } else {
        v.extend([
            json!("Some words"),
            json!("name@example.com"),
            json!("01632 960 001"),
            json!("SW1A 1AA"),
            json!("not valid"),
            json!(42),
            json!(true),
        ]);
        if s.get("maxLength").and_then(Value::as_u64).is_some_and(|m| m <= 64) {
            v.push(json!("x".repeat(70)));
        }
    }
    v
}

/// Walks a schema node at `pointer`, collecting the edit targets under it.
fn collect(s: &Value, pointer: &str, out: &mut Vec<Target>, depth: usize) {
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        out.push(Target { pointer: pointer.to_owned(), values: vec![Value::Null, json!({}), json!("x"), json!([])] });
        for (k, child) in props {
            collect(child, &format!("{pointer}/{k}"), out, depth + 1);
        }
        out.push(Target { pointer: format!("{pointer}/notInTheForm"), values: vec![json!("x"), json!({ "a": 1 })] });
    } else if let Some(items) = s.get("items") {
        out.push(Target { pointer: pointer.to_owned(), values: vec![Value::Null, json!([]), json!("x"), json!([{}])] });
        if depth < 6 {
            for i in ["0", "1", "-"] {
                collect(items, &format!("{pointer}/{i}"), out, depth + 1);
            }
        }
    } else {
        out.push(Target { pointer: pointer.to_owned(), values: leaf_values(s) });
    }
}

fn targets(form: &str) -> Vec<Target> {
    let s = schema(form).unwrap();
    let mut out = Vec::new();
    collect(&s, "", &mut out, 0);
    out.retain(|t| !t.pointer.is_empty());
    out
}

/// What a JavaScript client does with a delta: splice the diagnostics, take `valid`, and the outcome when sent.
fn apply(client: &mut Value, delta: &str) {
    if delta.is_empty() {
        return;
    }
    let d: Value = serde_json::from_str(delta).unwrap();
    let at = d["at"].as_u64().unwrap() as usize;
    let del = d["del"].as_u64().unwrap() as usize;
    let ins = d["ins"].as_array().unwrap().clone();
    let diags = client["diagnostics"].as_array_mut().unwrap();
    diags.splice(at..at + del, ins);
    client["valid"] = d["valid"].clone();
    if let Some(o) = d.get("outcome") {
        client["outcome"] = o.clone();
    }
}

/// Whether no rule of the form and no part of its outcome reads the target, or reads it only for whether it is
/// filled in (a live session then keeps the rules' findings and the outcome for an edit that keeps the field's
/// structural findings, and its being filled in or blank, as they were).
fn unread(form: &str, t: &Target) -> bool {
    let def = safeguarding_forms::forms::REGISTRY.find(form).unwrap();
    let segments: Vec<&str> = t.pointer.split('/').skip(1).collect();
    !rules_read(def, &segments, Kept::ALL)
}

/// Runs `edits` random edits; half the edits go to targets no rule reads (when the form has any), so that the
/// session's skipping of the rules is exercised between edits that run them. Returns how many edits changed the data and
/// skipped them.
fn run_sequence(form: &str, targets: &[Target], options: &Options, seed: u64, edits: usize) -> u64 {
    let unread_targets: Vec<&Target> = targets.iter().filter(|t| unread(form, t)).collect();
    let mut rng = Rng(seed | 1);
    let mut s = FormSession::new(form, options).unwrap();
    let mut client: Value = serde_json::from_str(&s.take_report()).unwrap();
    let mut log: Vec<String> = Vec::new();
    let mut skipped = 0;
    for step in 0..edits {
        let (runs_before, data_before) = (s.rule_runs(), s.data().clone());
        let roll = rng.below(100);
        if roll < 3 {
            // Replace the whole form with what it holds plus a change, as a page restoring a draft does.
            let mut data = serde_json::Value::from(s.data());
            if let Some(obj) = data.as_object_mut() {
                obj.insert("notInTheForm".into(), json!(step));
            }
            log.push("load".into());
            s.load(data).unwrap();
        } else if roll < 18 {
            let t = rng.pick(targets);
            log.push(format!("remove {}", t.pointer));
            let _ = s.remove(&t.pointer);
        } else {
            let t = if !unread_targets.is_empty() && rng.below(2) == 0 {
                *rng.pick(&unread_targets)
            } else {
                rng.pick(targets)
            };
            let v = rng.pick(&t.values).clone();
            log.push(format!("set {} {}", t.pointer, v));
            let _ = s.set(&t.pointer, v);
        }
        // A change to the data that left the rules as they were.
        if s.rule_runs() == runs_before && *s.data() != data_before {
            skipped += 1;
        }
        apply(&mut client, &s.take_delta());
        let data = serde_json::Value::from(s.data());
        let expected = validate(form, &data, options).unwrap();
        if s.report() != &expected || client != serde_json::to_value(&expected).unwrap() {
            panic!(
                "{form} (seed {seed}) after {} edits the session differs from validate\nedits:\n  {}\ndata: {data}\nsession: {:?}\nvalidate: {:?}\nclient: {client}",
                step + 1,
                log.join("\n  "),
                s.report().diagnostics,
                expected.diagnostics
            );
        }
    }
    skipped
}

#[test]
fn every_form_session_equals_validate_and_deltas_rebuild_the_report() {
    let sequences: u64 = std::env::var("SF_EDIT_SEQUENCES").ok().and_then(|s| s.parse().ok()).unwrap_or(12);
    let profile_ids: Vec<String> = profiles().into_iter().map(|p| p.id).collect();
    for (n, form) in forms().into_iter().enumerate() {
        let targets = targets(&form.id);
        assert!(targets.len() > 3, "{}: no targets from its schema", form.id);
        let mut skipped = 0;
        for i in 0..sequences {
            let seed = (n as u64 + 1) * 1_000_003 + i;
            let mut options = Options::new().today("2025-06-02").unwrap();
            if i % 2 == 1 {
                options = options.submit();
            }
            if i % 3 == 2 {
                options = options.profile(&profile_ids[(i as usize / 3) % profile_ids.len()]);
            }
            skipped += run_sequence(&form.id, &targets, &options, seed, 40);
        }
        // A form with fields no rule reads (notes, names, narratives): some edits there skip the rules.
        if targets.iter().any(|t| unread(&form.id, t) && !t.pointer.ends_with("/notInTheForm")) {
            assert!(skipped > 0, "{}: no edit skipped the rules", form.id);
        }
    }
}

/// The three benchmark forms: a keystroke in a narrative no rule reads keeps the rules' findings and outcome without
/// running the rules, a keystroke in a field a rule reads runs them, and both give `validate`'s report.
#[test]
fn an_edit_no_rule_reads_skips_the_rules_and_one_a_rule_reads_runs_them() {
    for (form, unread_field, read_field, read_value) in [
        ("sf-referral", "/criteria/0/evidence", "/referralDate", json!("2025-05-02")),
        ("case-audit", "/generalComments", "/auditDate", json!("2025-05-02")),
        ("casework-supervision", "/strengths", "/riskManaged", json!("no")),
    ] {
        let (mut s, options) = fixture_session(form);
        let def = safeguarding_forms::forms::REGISTRY.find(form).unwrap();
        let segments = |p: &str| p.split('/').skip(1).map(str::to_owned).collect::<Vec<_>>();
        assert!(!rules_read(def, &segments(unread_field), Kept::ALL), "{form}: a rule reads {unread_field}");
        assert!(rules_read(def, &segments(read_field), Kept::ALL), "{form}: no rule reads {read_field}");
        let runs = s.rule_runs();
        for text in ["A", "A fuller note", "Another note"] {
            s.set(unread_field, json!(text)).unwrap();
            assert_eq!(s.rule_runs(), runs, "{form}: an edit at {unread_field} ran the rules");
            assert_eq!(s.report(), &validate(form, &serde_json::Value::from(s.data()), &options).unwrap());
        }
        // Too long for the field: a structural finding, which the outcome may list, so the rules run.
        s.set(unread_field, json!("x".repeat(20_001))).unwrap();
        assert_eq!(s.rule_runs(), runs + 1, "{form}: a new structural finding at {unread_field} kept the rules");
        assert_eq!(s.report(), &validate(form, &serde_json::Value::from(s.data()), &options).unwrap());
        s.set(read_field, read_value).unwrap();
        assert_eq!(s.rule_runs(), runs + 2, "{form}: an edit at {read_field} did not run the rules");
        assert_eq!(s.report(), &validate(form, &serde_json::Value::from(s.data()), &options).unwrap());
    }
}

/// A list read only for its rows (`rows`: the referral's REF-001 and REF-017 read `/children` for which children
/// there are): typing a child's name into a row that is already filled in keeps the rules, as validate would give
/// them; a new row, a row removed, or a row that becomes filled in runs them.
#[test]
fn typing_inside_a_filled_row_keeps_the_rules_a_new_or_emptied_row_runs_them() {
    let (mut s, options) = fixture_session("sf-referral");
    let same = |s: &FormSession| assert_session_is_validate(s, &options);
    let runs = s.rule_runs();
    for name in ["A", "Al", "Alex"] {
        s.set("/children/0/name", json!(name)).unwrap();
        same(&s);
    }
    assert_eq!(s.rule_runs(), runs, "typing a name into a filled-in row ran the rules");
    s.set("/children/-", json!({})).unwrap();
    same(&s);
    assert_eq!(s.rule_runs(), runs + 1, "a new row did not run the rules");
    let n = s.data()["children"].as_array().map_or(0, Vec::len) - 1;
    s.set(&format!("/children/{n}/name"), json!("B")).unwrap();
    same(&s);
    assert_eq!(s.rule_runs(), runs + 2, "an empty row becoming filled in did not run the rules");
    s.set("/children/-/name", json!("C")).unwrap();
    same(&s);
    assert_eq!(s.rule_runs(), runs + 3, "a row added by `-` did not run the rules");
    s.remove(&format!("/children/{n}")).unwrap();
    same(&s);
    assert_eq!(s.rule_runs(), runs + 4, "a row removed did not run the rules");
}

/// The same pointer edited again and again (what typing sends): the session remembers whether the rules read the
/// last pointer, for what the edit kept; emptying a field read for presence, and filling it in again, must still
/// run them (casework supervision's CWS-001 reads `/strengths` for presence).
#[test]
fn emptying_and_refilling_a_field_read_for_presence_runs_the_rules_each_time() {
    let (mut s, options) = fixture_session("casework-supervision");
    let same = |s: &FormSession| assert_session_is_validate(s, &options);
    let mut runs = s.rule_runs();
    for (value, runs_rules) in
        [("A", false), ("An", false), ("", true), ("", false), ("A", true), ("An", false), ("  ", true), ("B", true)]
    {
        s.set("/strengths", json!(value)).unwrap();
        same(&s);
        if runs_rules {
            runs += 1;
        }
        assert_eq!(s.rule_runs(), runs, "/strengths set to {value:?}");
    }
    assert!(
        s.report().diagnostics.iter().all(|d| d.code != "CWS-001" || d.path != "/strengths"),
        "the refilled field is still reported missing"
    );
}

/// An edit to one field of a nested object (a child's name, one grade of the audit) checks that field alone in the
/// structural pass: its own findings are replaced where they stand in the report. Every step equals `validate`,
/// including the edits that make the object holding the field blank or filled in (then a required object is
/// reported missing as a whole, or its fields one by one), which check the whole top-level field again.
#[test]
fn a_field_inside_a_nested_object_is_checked_alone_and_its_findings_stay_in_place() {
    let options = Options::new().today("2025-06-02").unwrap().submit();
    let check = |form: &str, steps: &[(&str, Option<Value>)], start: Value| {
        let mut s = FormSession::new(form, &options).unwrap();
        s.load(start).unwrap();
        for (pointer, value) in steps {
            match value {
                Some(v) => s.set(pointer, v.clone()).map(|_| ()).unwrap(),
                None => s.remove(pointer).map(|_| ()).unwrap(),
            }
            let expected = validate(form, &serde_json::Value::from(s.data()), &options).unwrap();
            assert_eq!(s.report(), &expected, "{form}: after {pointer} = {value:?}");
        }
    };
    let long = json!("x".repeat(501));
    check(
        "sf-referral",
        &[
            ("/children/1/name", Some(long.clone())),               // a finding at the field
            ("/children/0/name", Some(long.clone())),               // another, before it in the report
            ("/children/1/name", Some(json!("Sam"))),               // the first one gone, the other kept in place
            ("/children/0/name", Some(json!(""))),                  // blank (the row stays filled in)
            ("/children/0/dateOfBirth", Some(json!("2025-02-30"))), // an impossible date at a field with siblings
            ("/children/0/dateOfBirth", Some(json!({"day": "1", "month": "", "year": ""}))), // its parts
            ("/children/0/dateOfBirth", Some(json!("2019-04-01"))),
            ("/children/1/send", Some(json!("perhaps"))),
            ("/children/1/send", Some(json!(true))),
            ("/children/0/name", None),
        ],
        json!({"referralDate": "2025-05-01", "route": "professional",
               "children": [{"name": "Alex", "dateOfBirth": "2015-03-02"}, {"name": "Bo", "dateOfBirth": "2017-01-09"}]}),
    );
    // The audit's grades: an object that is required as a whole, blank until a grade is given.
    check(
        "case-audit",
        &[
            ("/answers/recording.parent-wishes", Some(json!(""))),
            ("/answers/recording.parent-wishes", Some(json!(5.0))), // the object becomes filled in
            ("/answers/recording.parent-wishes", Some(json!(9))),
            ("/answers/recording.parent-wishes", Some(json!(2))),
            ("/answers/recording.parent-wishes", Some(json!(""))), // blank again
        ],
        json!({"answers": {"assessment.strengths": {}}}),
    );
}
