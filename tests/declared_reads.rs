//! Every rule's declared `paths` are what it reads. A live session skips the form's rules when an edit touches no
//! path a rule declares (see `engine::session`), so a rule that reads an undeclared field would go stale there.
//!
//! Method: perturbation, through the engine's one public path (`validate`). serde_json's `Map` cannot be
//! instrumented, and the forms read it directly as well as through `engine::read`; instead, for every form, every
//! record of a corpus (the form's conformance vectors, with their options, and states reached from each by random
//! edits as a person makes them) is edited at every place of the form's model — each field, each list row and one
//! past the end, each nested field, an unknown key in every object — with a range of values of the field's kind,
//! mistakes of other kinds, null, and removal, exactly as `FormSession::set` / `remove` apply them. After each edit:
//! - every rule whose declared paths the edit does not touch (the edited pointer is neither under a declared path,
//!   `*` matching any row, nor above one) must report exactly what it reported before — its findings by its code,
//!   the required-field findings of the structural pass included under the form's required rule. Reading another
//!   finding (`Ctx::has_finding_at`) counts: a rule that consults a finding whose cause it does not declare fails;
//! - a rule's `presence` paths (read only for whether they are filled in): an edit there that keeps the field filled
//!   in, or blank, and the structural findings as they were, must leave the rule's findings as they were;
//! - when the edit touches no rule's paths nor any an outcome key declares it reads (`Out::reads`), and the
//!   structural pass's findings are unchanged, the outcome must be unchanged (outcomes read the findings, and the
//!   facts the rules read) — what a live session relies on when it skips the rules (`engine::session::rules_read`).
//!
//! A failure names the form, the rule and the undeclared path (rows as `*`). `SF_READS_WALK=n` sets the random
//! edits per corpus walk (default 6); `SF_READS_FORM=<id>` checks one form.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use safeguarding_forms::engine::model::{Field, Kind};
use safeguarding_forms::engine::pointer;
use safeguarding_forms::engine::registry::FormDef;
use safeguarding_forms::engine::rule::{touches, Kept};
use safeguarding_forms::engine::session::rules_read;
use safeguarding_forms::engine::value::{Map, Value};
use safeguarding_forms::{validate, Diagnostic, FormSession, Options, Report};

/// `serde_json::json!` as the engine's value, which its pointer and session functions take.
macro_rules! json {
    ($($t:tt)+) => {
        Value::from(serde_json::json!($($t)+))
    };
}

use common::Rng;

/// The values an edit puts at a place of kind `kind`: good ones, boundary ones, and the mistakes people make.
fn values(kind: &Kind, existing: Option<&Value>) -> Vec<Value> {
    let mut v = vec![Value::Null];
    match kind {
        Kind::Text { .. } => v.extend([json!(""), json!("Some words"), json!(42)]),
        Kind::Date => v.extend([
            json!("2025-06-02"),
            json!("2025-05-20"),
            json!("2024-01-15"),
            json!("2012-03-04"),
            json!("2099-01-01"),
            json!("2026-02-30"),
            json!({ "day": "1", "month": "", "year": "" }),
            json!(12),
        ]),
        Kind::DateTime => {
            v.extend([json!("2025-05-20T14:30"), json!("2025-06-02T09:00"), json!("2099-01-01T00:00"), json!("soon")])
        }
        Kind::Bool => v.extend([json!(true), json!(false), json!("maybe")]),
        Kind::Number { min, max, .. } => {
            let (min, max) = (f64::from(*min), f64::from(*max));
            v.extend([json!(min), json!(max), json!(((min + max) / 2.0).floor()), json!(max + 1.0), json!("x")]);
            for n in [1.0, 2.0, 3.0, 50.0, 89.0, 90.0] {
                if n > min && n < max {
                    v.push(json!(n));
                }
            }
        }
        Kind::Enum(options) => {
            v.extend(options.iter().map(|o| json!(o)));
            v.push(json!("not-an-option"));
        }
        Kind::Email(_) => v.extend([json!("name@example.com"), json!("not valid")]),
        Kind::Phone(_) => v.extend([json!("01632 960 001"), json!("123")]),
        Kind::Postcode(_) => v.extend([json!("SW1A 1AA"), json!("nowhere")]),
        Kind::Object(_) => v.extend([json!({}), json!("x")]),
        Kind::List { item, .. } => {
            v.extend([json!([]), json!("x")]);
            let rows: Vec<Value> = match item {
                Kind::Object(_) => vec![json!({})],
                other => values(other, None).into_iter().filter(|x| !x.is_null()).take(3).collect(),
            };
            v.push(Value::Array(rows));
            if let Kind::Date = item {
                v.push(json!(["2025-05-20", "2025-05-10", "2025-04-01"]));
            }
        }
    }
    if let Some(Value::Array(rows)) = existing {
        // The list's own rows again, doubled: duplicates, and more rows than before.
        let mut doubled = rows.clone();
        doubled.extend(rows.iter().cloned());
        v.push(Value::Array(doubled));
    }
    v
}

/// A place an edit can touch: its pointer and what to put there (`None`: remove it).
struct Place {
    pointer: String,
    edits: Vec<Option<Value>>,
}

fn places_in(fields: &'static [Field], obj: Option<&Map<String, Value>>, prefix: &str, out: &mut Vec<Place>) {
    for f in fields {
        let pointer = format!("{prefix}/{}", f.name);
        places_of(&f.kind, obj.and_then(|o| o.get(f.name)), pointer, out);
    }
    out.push(Place { pointer: format!("{prefix}/notInTheForm"), edits: vec![Some(json!("x")), None] });
}

fn places_of(kind: &'static Kind, value: Option<&Value>, pointer: String, out: &mut Vec<Place>) {
    let mut edits: Vec<Option<Value>> = values(kind, value).into_iter().map(Some).collect();
    edits.push(None);
    out.push(Place { pointer: pointer.clone(), edits });
    match kind {
        Kind::Object(fs) => places_in(fs, value.and_then(Value::as_object), &pointer, out),
        Kind::List { item, .. } => {
            let rows = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
            for (i, row) in rows.iter().enumerate().take(3) {
                places_of(item, Some(row), format!("{pointer}/{i}"), out);
            }
            // A new row: an empty one, and a copy of each existing row.
            let mut added: Vec<Option<Value>> = values(item, None).into_iter().map(Some).collect();
            added.extend(rows.iter().take(2).cloned().map(Some));
            out.push(Place { pointer: format!("{pointer}/{}", rows.len()), edits: added });
        }
        _ => {}
    }
}

/// A form's findings by rule code (the structural pass's required-field findings under the form's required rule),
/// the other findings (the structural pass), and the outcome.
struct Seen {
    by_rule: BTreeMap<&'static str, Vec<Diagnostic>>,
    structural: Vec<Diagnostic>,
    outcome: Option<Value>,
}

fn seen(form: &FormDef, report: Report) -> Seen {
    let mut by_rule: BTreeMap<&'static str, Vec<Diagnostic>> = form.rules.iter().map(|r| (r.code, vec![])).collect();
    let mut structural = Vec::new();
    for d in report.diagnostics {
        match form.rules.iter().find(|r| r.code == d.code) {
            Some(r) => by_rule.entry(r.code).or_default().push(d),
            None => structural.push(d),
        }
    }
    Seen { by_rule, structural, outcome: report.outcome }
}

/// The pointer with every list index as `*`: the path a declaration would name.
fn pattern(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|s| if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) { "*" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

fn segments(pointer: &str) -> Vec<String> {
    pointer::parse(pointer).unwrap()
}

/// The form's conformance vectors: (file name, options, data).
fn vectors(form: &str) -> Vec<(String, Options, Map<String, Value>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance").join(form);
    let mut files: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| {
            let v: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            let options =
                Options::from_json(&serde_json::Value::from(v.get("options").unwrap_or(&Value::Null))).unwrap();
            let data = v.get("data")?.as_object()?.clone();
            Some((p.file_name().unwrap().to_string_lossy().into_owned(), options, data))
        })
        .collect()
}

/// The corpus: each vector, and the states a random walk of edits from it reaches after `walk` and after 14 edits
/// (the longer walk found reads the shorter one did not).
fn corpus(form: &'static FormDef, walk: usize) -> Vec<(String, Options, Map<String, Value>)> {
    let mut out = Vec::new();
    for (n, (name, options, data)) in vectors(form.id).into_iter().enumerate() {
        out.push((name.clone(), options.clone(), data.clone()));
        let mut rng = Rng((n as u64 + 7).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut s = FormSession::new(form.id, &options).unwrap();
        s.load(Value::Object(data)).unwrap();
        for step in 1..=walk.max(14) {
            let mut places = Vec::new();
            places_in(form.fields, Some(s.data()), "", &mut places);
            let place = &places[rng.below(places.len())];
            match &place.edits[rng.below(place.edits.len())] {
                Some(v) => {
                    let _ = s.set(&place.pointer, v.clone());
                }
                None => {
                    let _ = s.remove(&place.pointer);
                }
            }
            if step == walk || step == 14 {
                out.push((format!("{name} after {step} random edits"), options.clone(), s.data().clone()));
            }
        }
    }
    out
}

/// What the perturbations found: (form, rule code or "outcome", undeclared path) → one example.
type Found = BTreeMap<(String, String, String), String>;

fn check_form(form: &'static FormDef, walk: usize, found: &mut Found) -> usize {
    let mut runs = 0;
    for (name, options, data) in corpus(form, walk) {
        let base = seen(form, validate(form.id, &serde_json::Value::from(&data), &options).unwrap());
        let mut places = Vec::new();
        places_in(form.fields, Some(&data), "", &mut places);
        for place in &places {
            let segs = segments(&place.pointer);
            let seg_refs: Vec<&str> = segs.iter().map(String::as_str).collect();
            let shapes = Kept::shapes(&data, &segs);
            for edit in &place.edits {
                let mut changed = data.clone();
                let applied = match edit {
                    Some(v) => pointer::set(&mut changed, form.fields, &segs, v.clone()),
                    None => pointer::remove(&mut changed, &segs),
                };
                if applied.is_err() || changed == data {
                    continue;
                }
                runs += 1;
                let after = seen(form, validate(form.id, &serde_json::Value::from(&changed), &options).unwrap());
                let what = match edit {
                    Some(v) => format!("set {} {v}", place.pointer),
                    None => format!("remove {}", place.pointer),
                };
                let kept = Kept::between(&shapes, &Kept::shapes(&changed, &segs));
                let structural_kept = base.structural == after.structural;
                for rule in form.rules {
                    // Untouched; or touched only where it reads for being filled in, and the edit kept that (and the
                    // structural findings, which speak for a value of the wrong kind).
                    let unread = !touches(rule.paths, &seg_refs) || (structural_kept && !rule.reads(&seg_refs, kept));
                    if unread && base.by_rule.get(rule.code) != after.by_rule.get(rule.code) {
                        found
                            .entry((form.id.to_owned(), rule.code.to_owned(), pattern(&place.pointer)))
                            .or_insert_with(|| {
                                format!(
                                    "{name}: {what}\n      before: {:?}\n      after:  {:?}",
                                    base.by_rule
                                        .get(rule.code)
                                        .map(|ds| ds.iter().map(|d| &d.path).collect::<Vec<_>>()),
                                    after
                                        .by_rule
                                        .get(rule.code)
                                        .map(|ds| ds.iter().map(|d| &d.path).collect::<Vec<_>>())
                                )
                            });
                    }
                }
                // What the session's skip relies on: an edit the form's rules and outcome do not read, with the
                // structural findings unchanged, changes neither the rules' findings nor the outcome.
                if !rules_read(form, &seg_refs, kept) && structural_kept && base.outcome != after.outcome {
                    found
                        .entry((form.id.to_owned(), "outcome".into(), pattern(&place.pointer)))
                        .or_insert_with(|| format!("{name}: {what}"));
                }
            }
        }
    }
    runs
}

#[test]
fn every_rule_reads_only_the_paths_it_declares() {
    let walk: usize = std::env::var("SF_READS_WALK").ok().and_then(|s| s.parse().ok()).unwrap_or(6);
    // Two workers, each taking every other form.
    let results: Vec<(Found, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|w| {
                scope.spawn(move || {
                    let (mut found, mut total) = (Found::new(), 0);
                    let only = std::env::var("SF_READS_FORM").ok();
                    let forms = safeguarding_forms::forms::ALL.iter().copied();
                    for form in forms.filter(|f| only.as_deref().is_none_or(|o| o == f.id)).skip(w).step_by(2) {
                        let runs = check_form(form, walk, &mut found);
                        assert!(runs > 1000, "{}: only {runs} perturbations ran", form.id);
                        total += runs;
                    }
                    (found, total)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut found = Found::new();
    let mut total = 0;
    for (f, t) in results {
        found.extend(f);
        total += t;
    }
    eprintln!("{total} perturbed records checked");
    let report: Vec<String> = found
        .iter()
        .map(|((form, code, path), example)| format!("{form} {code} reads {path} undeclared\n    e.g. {example}"))
        .collect();
    assert!(report.is_empty(), "{} undeclared reads:\n{}", report.len(), report.join("\n"));
}

/// Every declared path names a place in the form's model (a typo would declare nothing).
#[test]
fn every_declared_path_is_in_the_model() {
    fn resolves(fields: &'static [Field], segs: &[&str]) -> bool {
        let Some((first, rest)) = segs.split_first() else { return true };
        // `*` in an object: any of its fields (an object of answers keyed by question).
        fields.iter().any(|f| (f.name == *first || *first == "*") && kind_resolves(&f.kind, rest))
    }
    fn kind_resolves(kind: &'static Kind, segs: &[&str]) -> bool {
        let Some((first, rest)) = segs.split_first() else { return true };
        match kind {
            Kind::Object(fs) => resolves(fs, segs),
            Kind::List { item, .. } => *first == "*" && kind_resolves(item, rest),
            Kind::Date => ["day", "month", "year"].contains(first) && rest.is_empty(),
            _ => false,
        }
    }
    let mut bad = BTreeSet::new();
    for form in safeguarding_forms::forms::ALL.iter().copied() {
        for rule in form.rules {
            for path in rule.paths {
                let segs: Vec<&str> = path.split('/').skip(1).collect();
                if !resolves(form.fields, &segs) {
                    bad.insert(format!("{} {} {path}", form.id, rule.code));
                }
            }
        }
    }
    assert!(bad.is_empty(), "declared paths not in the model: {bad:?}");
}

/// A path read only for being filled in is one of the paths the rule reads.
#[test]
fn presence_paths_are_declared_paths() {
    for form in safeguarding_forms::forms::ALL.iter().copied() {
        for rule in form.rules {
            for p in rule.presence.iter().chain(rule.rows) {
                assert!(rule.paths.contains(p), "{} {}: {p} is not among its paths", form.id, rule.code);
            }
            // A list read for its rows only: the path must be a list of the model.
            for p in rule.rows {
                let name = p.trim_start_matches('/');
                assert!(
                    form.fields.iter().any(|f| f.name == name && matches!(f.kind, Kind::List { .. })),
                    "{} {}: {p} (rows) is not a list of the form",
                    form.id,
                    rule.code
                );
            }
        }
    }
}
