//! Local authority profiles: each changes exactly what it declares, in the catalogue (`rules`) and in the findings
//! (`validate`), and says so in words that cite its own seed.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use safeguarding_forms::{forms, profiles, rules, validate, Error, Options, Report, RuleInfo, Severity, Stage};
use serde_json::{json, Value};

/// Threshold keys that profiles declare for forms built on other branches. Until those forms are merged no rule
/// reads them, so the catalogue cannot show them; once merged, the key must be on some rule and this list emptied
/// (`awaiting_merge_is_current` fails, naming the key, until it is).
const AWAITING_MERGE: &[&str] = &[];

/// The seed each profile comes from (its `changes` lines cite it).
const SEEDS: &[(&str, &[&str])] =
    &[("telford-wrekin", &["002"]), ("west-sussex", &["000"]), ("walsall", &["001", "004"]), ("south-glos", &["003"])];

fn catalogue(profile: &str) -> Vec<RuleInfo> {
    rules(None, &Options::new().profile(profile)).unwrap()
}

/// Every parameter key some rule reads.
fn known_keys() -> BTreeSet<String> {
    catalogue("default").iter().flat_map(|r| r.parameters.iter().map(|p| p.key.clone())).collect()
}

fn known_codes() -> BTreeSet<String> {
    catalogue("default").iter().map(|r| r.code.clone()).collect()
}

/// How a profile's catalogue differs from the default one.
#[derive(Debug, Default, PartialEq)]
struct Changes {
    severities: BTreeSet<(String, Severity)>,
    off: BTreeSet<String>,
    thresholds: BTreeSet<(String, i64)>,
}

fn observed(profile: &str) -> Changes {
    let (base, mine) = (catalogue("default"), catalogue(profile));
    assert_eq!(base.len(), mine.len());
    let mut c = Changes::default();
    for (b, m) in base.iter().zip(&mine) {
        assert_eq!(b.code, m.code, "the catalogue's order does not depend on the profile");
        if b.severity != m.severity {
            c.severities.insert((m.code.clone(), m.severity));
        }
        if !m.enabled {
            c.off.insert(m.code.clone());
        }
        for (bp, mp) in b.parameters.iter().zip(&m.parameters) {
            assert_eq!((&bp.key, bp.default), (&mp.key, mp.default));
            if bp.value != mp.value {
                c.thresholds.insert((mp.key.clone(), mp.value));
            }
        }
    }
    c
}

/// The built-in profiles other than `default`, as their data files say.
const BUILT_IN: &[&str] = &["telford-wrekin", "west-sussex", "walsall", "south-glos"];

/// A built-in profile's data file (`profiles/<id>.json`), read as any council's would be.
fn file(id: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles").join(format!("{id}.json"));
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// What a profile file declares: (rule code, severity), codes switched off, (key, value).
struct Declared {
    severities: Vec<(String, Severity)>,
    off: Vec<String>,
    thresholds: Vec<(String, i64)>,
}

fn declarations(id: &str) -> Declared {
    let f = file(id);
    let mut d = Declared { severities: Vec::new(), off: Vec::new(), thresholds: Vec::new() };
    for (code, r) in f["rules"].as_object().into_iter().flatten() {
        if let Some(s) = r["severity"].as_str() {
            d.severities.push((code.clone(), Severity::parse(s).unwrap()));
        }
        if r["enabled"] == json!(false) {
            d.off.push(code.clone());
        }
    }
    for (key, v) in f["values"].as_object().into_iter().flatten() {
        let value = v.as_i64().or_else(|| v["value"].as_i64()).unwrap();
        d.thresholds.push((key.clone(), value));
    }
    d
}

/// What the profile declares, limited to the codes and keys of the forms in this build.
fn declared(id: &str) -> Changes {
    let (codes, keys) = (known_codes(), known_keys());
    let d = declarations(id);
    Changes {
        severities: d.severities.into_iter().filter(|(c, _)| codes.contains(c)).collect(),
        off: d.off.into_iter().filter(|c| codes.contains(c)).collect(),
        thresholds: d.thresholds.into_iter().filter(|(k, _)| keys.contains(k)).collect(),
    }
}

#[test]
fn the_four_councils_are_listed_after_default() {
    let ids: Vec<String> = profiles().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["default", "telford-wrekin", "west-sussex", "walsall", "south-glos"]);
    for p in profiles().into_iter().skip(1) {
        assert!(!p.title.is_empty() && !p.changes.is_empty(), "{}", p.id);
        let seeds = SEEDS.iter().find(|(id, _)| *id == p.id).unwrap().1;
        for line in &p.changes {
            assert!(
                seeds.iter().any(|s| line.contains(&format!("({s}"))),
                "{}: a line does not cite its seed: {line}",
                p.id
            );
        }
    }
}

#[test]
fn an_unknown_profile_is_an_error() {
    let options = Options::new().profile("nowhere");
    assert_eq!(rules(None, &options).unwrap_err(), Error::UnknownProfile("nowhere".into()));
    assert_eq!(validate("safety-plan", &json!({}), &options).unwrap_err(), Error::UnknownProfile("nowhere".into()));
    assert!(Options::from_json(&json!({ "profile": "nowhere" })).is_err());
}

#[test]
fn each_profile_changes_exactly_what_it_declares() {
    let (codes, keys) = (known_codes(), known_keys());
    for id in BUILT_IN {
        let p = declarations(id);
        // Every declaration names something real (or a key of a form still to be merged) and is not a no-op.
        for (code, severity) in &p.severities {
            assert!(codes.contains(code), "{id}: unknown rule code {code}");
            let default = catalogue("default").into_iter().find(|r| r.code == *code).unwrap().severity;
            assert_ne!(default, *severity, "{id}: {code} already has that severity");
        }
        for code in &p.off {
            assert!(codes.contains(code), "{id}: unknown rule code {code}");
        }
        for (key, value) in &p.thresholds {
            assert!(keys.contains(key) || AWAITING_MERGE.contains(&key.as_str()), "{id}: no rule reads {key}");
            let default =
                catalogue("default").into_iter().flat_map(|r| r.parameters).find(|x| x.key == *key).map(|x| x.default);
            assert!(default != Some(*value), "{id}: {key} is already {value}");
        }
        // And the catalogue under the profile differs from the default in exactly those.
        assert_eq!(observed(id), declared(id), "{id}");
    }
}

#[test]
fn each_declared_change_is_named_in_the_profiles_words() {
    for p in profiles().into_iter().skip(1) {
        let words = p.changes.join("\n");
        let d = declarations(&p.id);
        let named = d
            .severities
            .iter()
            .map(|(c, _)| c.clone())
            .chain(d.off.iter().cloned())
            .chain(d.thresholds.iter().map(|(k, _)| k.clone()));
        for name in named {
            assert!(words.contains(&name), "{}: {name} is changed but not explained", p.id);
        }
    }
}

#[test]
fn awaiting_merge_is_current() {
    let keys = known_keys();
    let declared: BTreeSet<String> =
        BUILT_IN.iter().flat_map(|id| declarations(id).thresholds.into_iter().map(|(k, _)| k)).collect();
    for key in AWAITING_MERGE {
        assert!(declared.contains(*key), "{key} is awaited but no profile declares it");
        assert!(!keys.contains(*key), "{key} is now read by a rule: remove it from AWAITING_MERGE");
    }
}

// ---- validate under a profile ----

/// The report a profile should give, worked out from the default report and the profile's declarations alone: rules
/// switched off are gone, re-graded rules take their new severity (a missing required field stays `info` in draft).
fn expected_under(p: &Declared, default: &Report, stage: Stage, catalogue: &[RuleInfo]) -> Report {
    let mut r = default.clone();
    r.diagnostics.retain(|d| !p.off.contains(&d.code));
    for d in &mut r.diagnostics {
        let stage_dependent = catalogue.iter().any(|x| x.code == d.code && x.stage_dependent);
        if !(stage_dependent && stage == Stage::Draft) {
            if let Some((_, s)) = p.severities.iter().find(|(c, _)| *c == d.code) {
                d.severity = *s;
            }
        }
    }
    r.valid = !r.diagnostics.iter().any(|d| d.severity == Severity::Error);
    r
}

/// Forms with a rule that reads a threshold the profile changes: their findings may differ in ways only that
/// form's own tests can say.
fn forms_with_changed_thresholds(p: &Declared, catalogue: &[RuleInfo]) -> BTreeSet<String> {
    catalogue
        .iter()
        .filter(|r| r.parameters.iter().any(|x| p.thresholds.iter().any(|(k, _)| *k == x.key)))
        .map(|r| r.form.clone())
        .collect()
}

/// Forms whose local lists the profile gives: a value outside the list is a finding only under the profile.
fn forms_with_lists(id: &str) -> BTreeSet<String> {
    file(id)["options"].as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn validate_under_each_profile_changes_the_findings_of_every_vector_only_as_declared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let all = catalogue("default");
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    for form in forms() {
        let Ok(dir) = fs::read_dir(root.join(&form.id)) else { continue };
        for file in dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let v: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
            let options = Options::from_json(&v["options"]).unwrap();
            let default = validate(&form.id, &v["data"], &options).unwrap();
            for id in BUILT_IN {
                let p = declarations(id);
                if forms_with_changed_thresholds(&p, &all).contains(&form.id) || forms_with_lists(id).contains(&form.id)
                {
                    continue;
                }
                let mine = validate(&form.id, &v["data"], &options.clone().profile(id)).unwrap();
                let want = expected_under(&p, &default, options.stage, &all);
                assert_eq!(mine, want, "{} under {id}", file.display());
                *checked.entry(id).or_default() += 1;
            }
        }
    }
    // Every profile was held against the vectors of every form it leaves alone (at least the two forms here).
    for id in BUILT_IN {
        assert!(checked.get(id).copied().unwrap_or(0) >= 10, "{id} checked against too few vectors");
    }
}

/// Telford & Wrekin's 6-weekly supervision, once `supervision-contract` and `supervision-record` are merged: a
/// 6-week interval without a reason is a finding by default and none under the profile; 8 weeks is one under both.
#[test]
fn telford_wrekin_allows_six_weekly_supervision_once_the_supervision_forms_are_merged() {
    let ids: BTreeSet<String> = forms().into_iter().map(|f| f.id).collect();
    let about = |r: &Report, prefixes: &[&str]| -> usize {
        r.diagnostics.iter().filter(|d| prefixes.iter().any(|p| d.path.starts_with(p))).count()
    };
    let on = |profile: &str| Options::new().today("2025-06-02").unwrap().profile(profile);
    if ids.contains("supervision-contract") {
        let paths = ["/frequencyWeeks", "/reasonForLessFrequent"];
        let six = json!({ "frequencyWeeks": 6 });
        assert!(about(&validate("supervision-contract", &six, &on("default")).unwrap(), &paths) > 0);
        assert_eq!(about(&validate("supervision-contract", &six, &on("telford-wrekin")).unwrap(), &paths), 0);
        let eight = json!({ "frequencyWeeks": 8 });
        assert!(about(&validate("supervision-contract", &eight, &on("telford-wrekin")).unwrap(), &paths) > 0);
    }
    if ids.contains("supervision-record") {
        let paths = ["/nextAt"];
        let five_weeks = json!({ "date": "2025-06-02", "nextAt": "2025-07-07T10:00" });
        assert!(about(&validate("supervision-record", &five_weeks, &on("default")).unwrap(), &paths) > 0);
        assert_eq!(about(&validate("supervision-record", &five_weeks, &on("telford-wrekin")).unwrap(), &paths), 0);
        let eight_weeks = json!({ "date": "2025-06-02", "nextAt": "2025-07-28T10:00" });
        assert!(about(&validate("supervision-record", &eight_weeks, &on("telford-wrekin")).unwrap(), &paths) > 0);
    }
}

#[test]
fn walsall_accepts_a_workbook_summary_finalised_the_day_before_group_supervision() {
    let on = |profile: &str| Options::new().today("2025-06-20").unwrap().profile(profile);
    let summary = |submitted: &str| {
        json!({
            "worker": { "name": "W", "role": "social-worker" },
            "periodStart": "2025-05-10", "periodEnd": "2025-06-09",
            "groupSupervisionDate": "2025-06-10", "submittedOn": submitted, "analysis": "A"
        })
    };
    let late = |data: &serde_json::Value, profile: &str| {
        validate("workbook-summary", data, &on(profile)).unwrap().has("WBS-002")
    };
    assert!(late(&summary("2025-06-09"), "default"), "default: two days before");
    assert!(!late(&summary("2025-06-09"), "walsall"), "walsall: the day before is in time");
    assert!(late(&summary("2025-06-10"), "walsall"), "walsall: the day itself is late");
    assert!(!late(&summary("2025-06-08"), "default"));
}

/// What the module returns for `checkProfile` is the engine's own JSON text of it: the text serde writes, byte for
/// byte (the module carries no serde writer). `profiles()` comes from the package's catalogue, which serde writes.
#[test]
fn check_results_are_written_as_serde_writes_them() {
    let docs = [
        serde_json::json!("default"),
        serde_json::json!("nowhere"),
        serde_json::json!(null),
        serde_json::json!({ "id": "Bad Id", "values": { "nope.days": 3 }, "rules": { "ZZZ-001": { "enabled": "x" } } }),
        serde_json::json!({ "id": "brightwell", "extends": "default", "title": "Brightwell \"quoted\" \u{e9}\n" }),
    ];
    for doc in &docs {
        let r = safeguarding_forms::check_profile(doc);
        assert_eq!(r.to_value().to_json(), serde_json::to_string(&r).unwrap(), "{doc}");
    }
    assert!(
        docs.iter().any(|d| !safeguarding_forms::check_profile(d).problems.is_empty()),
        "some problems are written"
    );
}
