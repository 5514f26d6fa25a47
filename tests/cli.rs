//! The command line: exit codes, report output, rule catalogue, schema and batch.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_safeguarding-forms"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        // A usage error exits before reading its input: a closed pipe is then expected, not a failure.
        let written = child.stdin.take().unwrap().write_all(text.as_bytes());
        assert!(written.is_ok() || written.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe));
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

const VALID: &str = r#"{"referralDate":"2025-05-20","route":"social-work-assessment","service":"whole-family-working",
 "referrer":{"name":"A","agency":"social-care"},"assessment":{"type":"social-work-assessment","date":"2025-05-01","open":true},
 "plan":{"type":"child-in-need-plan","date":"2025-05-10","open":true},"children":[{"name":"C","dateOfBirth":"2012-01-15"}],
 "criteria":[{"id":"youth-offending"},{"id":"asb-level-2"},{"id":"adult-offending"},{"id":"homelessness-risk"},{"id":"physical-chastisement"}]}"#;

#[test]
fn validate_exit_codes_are_0_valid_1_invalid_2_usage() {
    let ok = cli(&["validate", "sf-referral", "-", "--today", "2025-06-02", "--stage", "submit"], Some(VALID));
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("sf-referral: valid"));
    let bad = cli(&["validate", "sf-referral", "-", "--today", "2025-06-02", "--stage", "submit"], Some("{}"));
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("REF-001 /referralDate: Enter the date of the referral"));
    assert!(String::from_utf8_lossy(&bad.stdout).starts_with("sf-referral: invalid (6 errors, 0 warnings)"));
    let json = cli(&["validate", "sf-referral", "-", "--today", "2025-06-02", "--json"], Some("{}"));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["form"], "sf-referral");
    assert_eq!(cli(&["validate", "nope", "-"], Some("{}")).status.code(), Some(2));
    assert_eq!(cli(&["validate", "sf-referral", "-"], Some("{not json")).status.code(), Some(2));
    assert_eq!(cli(&["validate", "sf-referral", "-", "--today", "2025-02-30"], Some("{}")).status.code(), Some(2));
    assert_eq!(cli(&["validate", "sf-referral", "/no/such/file.json"], None).status.code(), Some(2));
    assert_eq!(cli(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn rules_and_schema() {
    let out = cli(&["rules", "sf-referral", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rules.iter().any(|r| r["code"] == "REF-002" && r["citation"]["fidelity"] == "interpreted"));
    let md = String::from_utf8(cli(&["rules", "sf-referral", "--markdown"], None).stdout).unwrap();
    assert!(md.starts_with("| code |") && md.contains("| REF-005 |"));
    let forms = cli(&["forms", "--json"], None);
    assert_eq!(forms.status.code(), Some(0));
    let forms: Vec<serde_json::Value> = serde_json::from_slice(&forms.stdout).unwrap();
    assert_eq!(forms.len(), 28);
    assert!(forms.iter().any(|f| f["id"] == "sf-referral" && f["rules"].as_u64() > Some(10)));
    let listing = String::from_utf8(cli(&["forms"], None).stdout).unwrap();
    assert!(listing.lines().any(|l| l.starts_with("sf-referral") && l.contains(" rules  ")), "{listing}");
    let table = String::from_utf8(cli(&["rules"], None).stdout).unwrap();
    assert!(table.contains("REF-001") && table.contains("INP-003"));
    let schema: serde_json::Value = serde_json::from_slice(&cli(&["schema", "sf-referral"], None).stdout).unwrap();
    assert_eq!(schema["properties"]["route"]["enum"].as_array().unwrap().len(), 15, "13 routes, blank and null");
}

#[test]
fn batch_reports_every_record_and_malformed_lines_by_number() {
    let one_line = VALID.replace('\n', "");
    let input = format!("{one_line}\n{{}}\n\n[1]\n{{broken\n{one_line}\n");
    let out = cli(&["batch", "sf-referral", "-", "--today", "2025-06-02"], Some(&input));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.starts_with("sf-referral: 3 records, 2 valid, 1 invalid, 2 malformed lines"), "{text}");
    assert!(text.contains("line 4: not a JSON object"), "{text}");
    assert!(text.contains("line 5: not JSON text (syntax error)"), "{text}");
    assert!(text.contains("REF-001   error            5         1  missing-required-field"), "{text}");
    let json = cli(&["batch", "sf-referral", "-", "--today", "2025-06-02", "--json"], Some(&input));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(json.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["line"], 4);
    assert!(lines[2]["error"].is_string());
    assert!(String::from_utf8(json.stderr).unwrap().contains("3 records"));
}

#[test]
fn generated_types_are_current() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/js/forms.d.ts");
    let out = cli(&["types", file, "--check"], None);
    assert_eq!(out.status.code(), Some(0), "regenerate with: cargo run -- types js/forms.d.ts");
}

#[test]
fn generated_docs_are_current() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs");
    let out = cli(&["docs", dir, "--check"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\nregenerate with: cargo run -- docs docs",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn catalogue_writes_the_document_of_every_form_or_of_one() {
    let out = cli(&["catalogue"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, safeguarding_forms::catalogue::document(None).unwrap());
    // Deterministic, one line of JSON text.
    assert_eq!(out.stdout, cli(&["catalogue"], None).stdout);
    assert_eq!(out.stdout.iter().filter(|b| **b == b'\n').count(), 1);
    let file = std::env::temp_dir().join(format!("sf-catalogue-{}.json", std::process::id()));
    let one = cli(&["catalogue", "--form", "sf-referral", "-o", file.to_str().unwrap()], None);
    assert_eq!(one.status.code(), Some(0));
    assert!(one.stdout.is_empty());
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(written, safeguarding_forms::catalogue::document(Some("sf-referral")).unwrap());
    let unknown = cli(&["catalogue", "--form", "nope"], None);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown form: \"nope\""));
}

#[test]
fn schema_under_a_profile() {
    let out = cli(&["schema", "sf-referral", "--dialect", "draft-07", "--profile", "telford-wrekin"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let options = safeguarding_forms::Options::new().profile("telford-wrekin");
    let native =
        safeguarding_forms::schema_for("sf-referral", &options, safeguarding_forms::Dialect::Renderer).unwrap();
    assert_eq!(printed, native);
    assert_ne!(printed, safeguarding_forms::schema_in("sf-referral", safeguarding_forms::Dialect::Renderer).unwrap());
}
