//! Native benches: `cargo bench --bench validate`.
//!
//! - `validate/<form>`: one `validate` of the benchmark record of each of the three benchmark forms
//!   (bench/fixtures/<form>.json, the same records the Node and browser benchmarks use), from a `serde_json::Value`
//!   and from JSON text; then every one of the 28 forms on its largest conformance vector.
//! - `session/<form>`: one keystroke in a live session (`FormSession::set` of one field, delta made): `set` at the
//!   fixture's field (the edit the Node and browser benchmarks make: a name or a narrative, which the form's rules
//!   read only for whether it is filled in, so the session keeps their findings); `read-field` at a date the rules
//!   read (they run); and for the referral `unread-field`, the evidence for a criterion, which no rule reads.
//! - `batch/sf-referral`: records per second validating JSON Lines referral records on every core (rayon), as the
//!   command line's `batch` does. Uses bench/out/referrals.jsonl when `node bench/gen-referrals.mjs` has made it,
//!   else 20,000 copies of the fixture.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use safeguarding_forms::{self as sf, FormSession, Options};
use serde_json::Value;

const BENCH_FORMS: [&str; 3] = ["sf-referral", "case-audit", "casework-supervision"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(form: &str) -> Value {
    let text = std::fs::read_to_string(root().join("bench/fixtures").join(format!("{form}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn options(v: &Value) -> Options {
    Options::from_json(&v["options"]).unwrap()
}

/// The data of the largest conformance vector of each form (the most filled-in record the tests have).
fn conformance_records() -> Vec<(String, Value, Options)> {
    let mut out = Vec::new();
    for form in sf::forms() {
        let dir = root().join("tests/conformance").join(&form.id);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut best: Option<(usize, Value)> = None;
        for e in entries.flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            let size = v["data"].to_string().len();
            if best.as_ref().is_none_or(|(s, _)| size > *s) {
                best = Some((size, v));
            }
        }
        if let Some((_, v)) = best {
            let options = Options::from_json(&v["options"]).unwrap_or_default();
            out.push((form.id.clone(), v["data"].clone(), options));
        }
    }
    out
}

fn bench_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("validate");
    for form in BENCH_FORMS {
        let f = fixture(form);
        let opts = options(&f);
        let data = f["data"].clone();
        let text = data.to_string();
        g.bench_function(format!("{form}/value"), |b| b.iter(|| sf::validate(form, black_box(&data), &opts).unwrap()));
        g.bench_function(format!("{form}/json"), |b| {
            b.iter(|| sf::validate_json(form, black_box(&text), &opts).unwrap())
        });
    }
    g.finish();
    let mut g = c.benchmark_group("validate-all-forms");
    for (form, data, opts) in conformance_records() {
        g.bench_function(form.as_str(), |b| b.iter(|| sf::validate(&form, black_box(&data), &opts).unwrap()));
    }
    g.finish();
}

fn bench_session(c: &mut Criterion) {
    let mut g = c.benchmark_group("session");
    for form in BENCH_FORMS {
        let f = fixture(form);
        let opts = options(&f);
        let pointer = f["edit"]["pointer"].as_str().unwrap().to_owned();
        let values: Vec<Value> = f["edit"]["values"].as_array().unwrap().clone();
        let read_field = match form {
            "sf-referral" => "/referralDate",
            "case-audit" => "/auditDate",
            _ => "/date",
        };
        let mut edits = vec![
            ("set", pointer, values),
            ("read-field", read_field.to_owned(), vec![Value::from("2025-05-27"), Value::from("2025-05-28")]),
        ];
        if form == "sf-referral" {
            edits.push((
                "unread-field",
                "/criteria/0/evidence".to_owned(),
                vec![Value::from("Recorded in the assessment"), Value::from("Recorded in the assessment.")],
            ));
        }
        for (name, pointer, values) in edits {
            let mut s = FormSession::new(form, &opts).unwrap();
            s.load(f["data"].clone()).unwrap();
            let mut i = 0usize;
            g.bench_function(format!("{form}/{name}"), |b| {
                b.iter(|| {
                    i = i.wrapping_add(1);
                    let v = values[i % values.len()].clone();
                    black_box(s.set_delta(&pointer, v).unwrap().len())
                })
            });
        }
    }
    g.finish();
}

fn referral_lines() -> Vec<String> {
    let file = root().join("bench/out/referrals.jsonl");
    if let Ok(text) = std::fs::read_to_string(&file) {
        return text.lines().map(str::to_owned).collect();
    }
    let one = fixture("sf-referral")["data"].to_string();
    vec![one; 20_000]
}

fn bench_batch(c: &mut Criterion) {
    let lines = referral_lines();
    let opts = Options::new().today("2025-06-02").unwrap().submit();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function(format!("sf-referral/{}-records/{}-threads", lines.len(), rayon::current_num_threads()), |b| {
        b.iter(|| {
            let valid = lines
                .par_iter()
                .filter(|l| sf::validate_json("sf-referral", l, &opts).map(|r| r.valid).unwrap_or(false))
                .count();
            black_box(valid)
        })
    });
    g.finish();
}

criterion_group!(benches, bench_validate, bench_session, bench_batch);
criterion_main!(benches);
