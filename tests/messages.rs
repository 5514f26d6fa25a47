//! Translatable messages: every diagnostic carries a `messageId` from `messages()` and the `params` its template
//! fills in, and a host's table replaces the English by id. The test renders every message through a generated
//! pseudo-locale (each template's text accented and wrapped in ⟦…⟧) and fails on any English left over; it drives every
//! form with the conformance vectors and with random inputs so that every message id is produced at least once.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use safeguarding_forms::engine::messages::{render_params, template_params};
use safeguarding_forms::{forms, messages, schema, validate, validate_json, FormSession, Options, Report};
use serde_json::{json, Map, Value};

/// The pseudo-locale of one template: the text outside placeholders accented and marked; names, selectors and `#`
/// kept; plural and select branches translated likewise.
fn pseudo(template: &str) -> String {
    let mut out = String::from("⟦");
    pseudo_into(template, &mut out);
    out.push('⟧');
    out
}

fn accent(c: char) -> char {
    match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        'u' => 'ú',
        'A' => 'Á',
        'E' => 'É',
        'I' => 'Í',
        'O' => 'Ó',
        'U' => 'Ú',
        'c' => 'ç',
        'n' => 'ñ',
        'y' => 'ý',
        's' => 'š',
        'z' => 'ž',
        'C' => 'Ç',
        'N' => 'Ñ',
        'S' => 'Š',
        _ => c,
    }
}

fn pseudo_into(t: &str, out: &mut String) {
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '{' {
            out.push(accent(c));
            i += 1;
            continue;
        }
        let end = close(&chars, i);
        let inner: String = chars[i + 1..end].iter().collect();
        let mut parts = inner.splitn(3, ',');
        let name = parts.next().unwrap().trim();
        match (parts.next().map(str::trim), parts.next()) {
            (Some(kind), Some(body)) => {
                out.push_str(&format!("{{{name}, {kind}, "));
                let b: Vec<char> = body.trim().chars().collect();
                let mut j = 0;
                while j < b.len() {
                    let open = j + b[j..].iter().position(|c| *c == '{').unwrap();
                    let selector: String = b[j..open].iter().collect();
                    let e = close(&b, open);
                    let branch: String = b[open + 1..e].iter().collect();
                    out.push_str(selector.trim());
                    out.push_str(" {");
                    pseudo_into(&branch, out);
                    out.push_str("} ");
                    j = e + 1;
                    while j < b.len() && b[j] == ' ' {
                        j += 1;
                    }
                }
                out.push('}');
            }
            _ => out.push_str(&format!("{{{name}}}")),
        }
        i = end + 1;
    }
}

fn close(chars: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (k, c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced template")
}

fn catalogue() -> BTreeMap<String, (String, Vec<String>)> {
    messages().into_iter().map(|m| (m.id, (m.template, m.params))).collect()
}

fn pseudo_table() -> Map<String, Value> {
    messages().into_iter().map(|m| (m.id, Value::String(pseudo(&m.template)))).collect()
}

/// Every input the test drives: the conformance vectors (with their own options, and in both stages) and random
/// forms made from each form's schema.
fn inputs() -> Vec<(String, Value, Map<String, Value>)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    for dir in fs::read_dir(&root).unwrap().flatten().map(|d| d.path()).filter(|p| p.is_dir()) {
        let form = dir.file_name().unwrap().to_string_lossy().to_string();
        for f in fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
            if f.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let v: Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            let options = v.get("options").and_then(Value::as_object).cloned().unwrap_or_default();
            for stage in ["draft", "submit"] {
                let mut o = options.clone();
                o.insert("stage".into(), json!(stage));
                out.push((form.clone(), v["data"].clone(), o));
            }
            // Mutants of the vector: a few of its answers removed, moved in time or flipped (seeded by its name, so
            // adding a vector does not change another's mutants).
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            let mut rng = Rng(name
                .bytes()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
                | 1);
            for _ in 0..MUTANTS {
                let mut o = options.clone();
                o.insert("stage".into(), json!("submit"));
                out.push((form.clone(), mutate(&v["data"], &mut rng), o));
            }
        }
    }
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for f in forms() {
        let s = schema(&f.id).unwrap();
        for _ in 0..15 {
            let data = random_value(&s, &s, &mut rng, 0);
            for stage in ["draft", "submit"] {
                let o = json!({ "today": "2025-06-02", "stage": stage }).as_object().unwrap().clone();
                out.push((f.id.clone(), data.clone(), o));
            }
        }
    }
    out
}

const MUTANTS: usize = 5;

fn mutate(v: &Value, rng: &mut Rng) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, x) in m {
                if rng.below(8) > 0 {
                    out.insert(k.clone(), mutate(x, rng));
                }
            }
            Value::Object(out)
        }
        Value::Array(xs) => Value::Array(xs.iter().map(|x| mutate(x, rng)).collect()),
        Value::String(s) if rng.below(5) == 0 && s.len() >= 10 && s.as_bytes()[4] == b'-' => {
            let shift = rng.below(400) as i64 - 200;
            match chrono::NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
                Ok(d) => json!(format!("{}{}", (d + chrono::Duration::days(shift)).format("%Y-%m-%d"), &s[10..])),
                Err(_) => v.clone(),
            }
        }
        Value::Bool(b) if rng.below(4) == 0 => json!(!b),
        Value::Number(n) if rng.below(4) == 0 => json!(n.as_f64().unwrap_or(0.0) as i64 + rng.below(7) as i64 - 3),
        _ => v.clone(),
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => root.pointer(r.trim_start_matches('#')).unwrap_or(s),
        None => s,
    }
}

/// A random value for a schema: sometimes missing, sometimes wrong, mostly plausible.
fn random_value(root: &Value, s: &Value, rng: &mut Rng, depth: usize) -> Value {
    let s = resolve(root, s);
    if let Some(any) = s.get("anyOf").or_else(|| s.get("oneOf")).and_then(Value::as_array) {
        let pick = &any[rng.below(any.len())];
        return random_value(root, pick, rng, depth);
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return values[rng.below(values.len())].clone();
    }
    let ty = match s.get("type") {
        Some(Value::Array(ts)) => ts[rng.below(ts.len())].as_str().unwrap_or("null").to_owned(),
        Some(Value::String(t)) => t.clone(),
        _ => "null".to_owned(),
    };
    match ty.as_str() {
        "object" if depth < 6 => {
            let mut m = Map::new();
            for (k, v) in s.get("properties").and_then(Value::as_object).into_iter().flatten() {
                if rng.below(4) > 0 {
                    m.insert(k.clone(), random_value(root, v, rng, depth + 1));
                }
            }
            Value::Object(m)
        }
        "array" if depth < 6 => {
            let n = rng.below(5);
            let item = s.get("items").cloned().unwrap_or(Value::Null);
            Value::Array((0..n).map(|_| random_value(root, &item, rng, depth + 1)).collect())
        }
        "string" => {
            let format = s.get("format").and_then(Value::as_str).unwrap_or("");
            let pattern = s.get("pattern").and_then(Value::as_str).unwrap_or("");
            if format == "date" || pattern.contains("\\d{4}-") && !pattern.contains('T') {
                let day = 1 + rng.below(1200) as i64;
                let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap() + chrono::Duration::days(day);
                json!(d.format("%Y-%m-%d").to_string())
            } else if format == "date-time" || pattern.contains('T') {
                let day = 1 + rng.below(1200) as i64;
                let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap() + chrono::Duration::days(day);
                json!(format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), rng.below(24), rng.below(60)))
            } else {
                json!(["x", "A name", "", "yes", "no"][rng.below(5)])
            }
        }
        "integer" | "number" => {
            let min = s.get("minimum").and_then(Value::as_f64).unwrap_or(0.0);
            let max = s.get("maximum").and_then(Value::as_f64).unwrap_or(100.0).min(min + 200.0);
            json!((min as i64) + rng.below((max - min) as usize + 2) as i64)
        }
        "boolean" => json!(rng.below(2) == 0),
        _ => Value::Null,
    }
}

fn check_pseudo(
    form: &str,
    english: &Report,
    translated: &Report,
    cat: &BTreeMap<String, (String, Vec<String>)>,
    problems: &mut Vec<String>,
) {
    assert_eq!(english.diagnostics.len(), translated.diagnostics.len(), "{form}: a table changed what was found");
    for (e, p) in english.diagnostics.iter().zip(&translated.diagnostics) {
        assert_eq!((&e.code, &e.path, &e.message_id, &e.params), (&p.code, &p.path, &p.message_id, &p.params));
        let shared = ["shared.", "TGP-IY."].iter().any(|p| e.message_id.starts_with(p));
        if !shared && !e.message_id.starts_with(&format!("{}.", e.code)) {
            problems.push(format!("{form} {}: emitted by {}", e.message_id, e.code));
        }
        let Some((template, names)) = cat.get(&e.message_id) else {
            problems.push(format!("{form} {}: id not in messages()", e.message_id));
            continue;
        };
        for k in e.params.keys() {
            if !names.contains(k) {
                problems.push(format!("{form} {}: param {k} not in the template's params", e.message_id));
            }
        }
        // Wording (issue 16): curly quotes only, no date twice, a date field named by its own label.
        if e.message.contains(['\'', '"']) {
            problems.push(format!("{form} {}: straight quote in {:?}", e.message_id, e.message));
        }
        let dates: Vec<&str> = e.params.values().filter_map(|v| v.as_str()).filter(|v| is_long_date(v)).collect();
        for d in &dates {
            if e.message.matches(*d).count() > 1 {
                problems.push(format!("{form} {}: {d} twice in {:?}", e.message_id, e.message));
            }
        }
        if let (Some((subject, _)), Some(label)) = (e.message.split_once(" must "), field_label(form, &e.path)) {
            if subject.starts_with("Date") && subject != label {
                problems.push(format!("{form} {}: says {subject:?} of the field labelled {label:?}", e.message_id));
            }
        }
        match render_params(template, &e.params) {
            Ok(m) if m == e.message => {}
            other => problems.push(format!(
                "{form} {}: English {:?} is not its template rendered ({other:?})",
                e.message_id, e.message
            )),
        }
        let want = render_params(&pseudo(template), &e.params).unwrap();
        if p.message != want {
            problems.push(format!("{form} {}: pseudo-locale {:?} != {:?}", e.message_id, p.message, want));
        }
    }
}

fn is_long_date(v: &str) -> bool {
    let parts: Vec<&str> = v.split(' ').collect();
    parts.len() == 3 && parts[0].parse::<u32>().is_ok() && parts[2].len() == 4 && parts[2].parse::<u32>().is_ok()
}

fn field_label(form: &str, path: &str) -> Option<&'static str> {
    let def = safeguarding_forms::forms::REGISTRY.find(form).ok()?;
    safeguarding_forms::engine::registry::field_label(def.fields, path)
}

#[test]
fn every_message_renders_through_a_pseudo_locale_and_every_id_is_produced() {
    let cat = catalogue();
    let table = Value::Object(pseudo_table());
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    for (form, data, options) in inputs() {
        let english = validate(&form, &data, &Options::from_json(&Value::Object(options.clone())).unwrap()).unwrap();
        let mut o = options.clone();
        o.insert("messages".into(), table.clone());
        let translated = validate(&form, &data, &Options::from_json(&Value::Object(o)).unwrap()).unwrap();
        check_pseudo(&form, &english, &translated, &cat, &mut problems);
        seen.extend(english.diagnostics.iter().map(|d| d.message_id.clone()));
    }
    // Text larger than the engine reads is one finding (validate_json, what the boundary and the command line use).
    let big = " ".repeat(safeguarding_forms::engine::input::MAX_BYTES + 1);
    let english = validate_json("sf-referral", &big, &Options::new()).unwrap();
    let o = Options::from_json(&json!({ "messages": table })).unwrap();
    let translated = validate_json("sf-referral", &big, &o).unwrap();
    check_pseudo("sf-referral", &english, &translated, &cat, &mut problems);
    seen.extend(english.diagnostics.iter().map(|d| d.message_id.clone()));
    problems.sort();
    problems.dedup();
    let missing: Vec<&String> = cat.keys().filter(|id| !seen.contains(*id)).collect();
    eprintln!("{} of {} message ids produced", cat.len() - missing.len(), cat.len());
    if std::env::var_os("LIST_MISSING").is_some() {
        eprintln!("MISSING {}", missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "));
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(
        missing.is_empty(),
        "{} message ids never produced (add a conformance vector that does):\n{}",
        missing.len(),
        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn a_session_renders_with_the_table_too() {
    let table = json!({ "INP-003.not-real": "Rhaid i {label} fod yn ddyddiad go iawn" });
    let options = Options::from_json(&json!({ "today": "2025-06-02", "messages": table })).unwrap();
    let mut s = FormSession::new("sf-referral", &options).unwrap();
    let r = s.set("/referralDate", json!("2025-02-30")).unwrap();
    let d = r.diagnostics.iter().find(|d| d.path == "/referralDate").unwrap();
    assert_eq!(d.message_id, "INP-003.not-real");
    assert_eq!(
        d.message,
        "Rhaid i Date of the referral fod yn ddyddiad go iawn"
            .replace("Date of the referral", d.params["label"].as_str().unwrap())
    );
    assert!(!d.message.contains("must be"));
}

#[test]
fn catalogue_ids_are_unique_and_templates_parse() {
    let all = messages();
    let ids: BTreeSet<&str> = all.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), all.len());
    for m in &all {
        assert_eq!(template_params(&m.template).as_ref(), Ok(&m.params), "{}", m.id);
        assert!(m.id.contains('.'), "{}", m.id);
    }
    assert!(all.len() > 400, "{}", all.len());
}

#[test]
fn a_table_with_an_unknown_id_or_param_is_a_configuration_mistake() {
    let bad_id = Options::from_json(&json!({ "messages": { "NOPE-001.x": "x" } })).unwrap();
    let e = validate("sf-referral", &json!({}), &bad_id).unwrap_err().to_string();
    assert!(e.contains("unknown message id \"NOPE-001.x\""), "{e}");
    let bad_param = Options::from_json(&json!({ "messages": { "INP-003.not-real": "{date} yn anghywir" } })).unwrap();
    let e = validate("sf-referral", &json!({}), &bad_param).unwrap_err().to_string();
    assert!(e.contains("{date}") && e.contains("INP-003.not-real"), "{e}");
    assert!(FormSession::new("sf-referral", &bad_param).is_err());
    let bad_syntax = Options::from_json(&json!({ "messages": { "INP-003.not-real": "{label" } })).unwrap();
    assert!(validate("sf-referral", &json!({}), &bad_syntax).is_err());
    assert!(Options::from_json(&json!({ "messages": { "INP-003.not-real": 3 } })).is_err());
    assert!(Options::from_json(&json!({ "messages": "cy" })).is_err());
}

#[test]
fn params_never_hold_what_was_typed() {
    let secret = "Zebedee-Secret-Typed";
    let data = json!({ "referralDate": secret, "route": secret, "children": [{ "name": secret, "dateOfBirth": secret }],
        "criteria": [{ "id": secret }], "referrer": { "name": secret, "agency": secret } });
    let r = validate("sf-referral", &data, &Options::new().today("2025-06-02").unwrap().submit()).unwrap();
    assert!(!r.diagnostics.is_empty());
    for d in &r.diagnostics {
        assert!(!serde_json::to_string(&d.params).unwrap().contains("Zebedee"), "{d:?}");
    }
}
