//! The report mode that keeps codes only (`Resolved::codes_only`, which the command line's summary-only `batch` sets):
//! over every conformance vector, the same findings (code, severity, path, in the same order) and the same validity
//! as the full report, with no message rendered; and `validate_resolved` with the options resolved once gives the
//! same report as `validate`.

use std::fs;
use std::path::Path;

use safeguarding_forms::api::validate_resolved;
use safeguarding_forms::forms::REGISTRY;
use safeguarding_forms::{validate, Options};
use serde_json::Value;

fn vectors() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    for dir in fs::read_dir(root).unwrap().flatten().map(|d| d.path()).filter(|p| p.is_dir()) {
        let form = dir.file_name().unwrap().to_string_lossy().to_string();
        for f in fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
            if f.extension().is_some_and(|e| e == "json") {
                out.push((form.clone(), serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap()));
            }
        }
    }
    out
}

#[test]
fn codes_only_keeps_every_finding_and_renders_no_message() {
    let vectors = vectors();
    assert!(vectors.len() > 300, "{} vectors", vectors.len());
    let (mut findings, mut forms) = (0, std::collections::BTreeSet::new());
    for (form, v) in &vectors {
        let options = Options::from_json(v.get("options").unwrap_or(&Value::Null)).unwrap();
        let Value::Object(_) = &v["data"] else { continue };
        let safeguarding_forms::engine::value::Value::Object(data) =
            safeguarding_forms::engine::value::Value::from(&v["data"])
        else {
            continue;
        };
        let def = REGISTRY.find(form).unwrap();
        let mut resolved = options.resolve().unwrap();
        let full = validate_resolved(def, &data, &resolved);
        assert_eq!(full, validate(form, &v["data"], &options).unwrap(), "{form}: {}", v["description"]);
        resolved.codes_only = true;
        let codes = validate_resolved(def, &data, &resolved);
        let key = |r: &safeguarding_forms::Report| -> Vec<(String, &'static str, String)> {
            r.diagnostics.iter().map(|d| (d.code.clone(), d.severity.as_str(), d.path.clone())).collect()
        };
        assert_eq!(key(&codes), key(&full), "{form}: {}", v["description"]);
        assert_eq!(codes.valid, full.valid, "{form}: {}", v["description"]);
        for d in &codes.diagnostics {
            assert!(d.message.is_empty() && d.message_id.is_empty() && d.params.is_empty(), "{form}: {d:?}");
            assert!(d.related.is_empty() && d.due.is_none(), "{form}: {d:?}");
        }
        findings += codes.diagnostics.len();
        forms.insert(form.clone());
    }
    assert!(findings > 500 && forms.len() == REGISTRY.forms.len(), "{findings} findings, {} forms", forms.len());
}
