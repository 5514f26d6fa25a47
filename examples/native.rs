//! The native library from Rust: the same rules the browser runs, for a server or a batch job.
//! Run: `cargo run --example native`

use safeguarding_forms::{forms, validate, Options, Severity};
use serde_json::json;

fn main() -> Result<(), safeguarding_forms::Error> {
    let options = Options::new().today("2025-06-02")?.submit();
    let referral = json!({
        "referralDate": "2025-05-20",
        "route": "social-work-assessment",
        "referrer": { "name": "A Referrer", "agency": "police" },
        "assessment": { "type": "social-work-assessment", "date": "2025-05-01", "open": true },
        "plan": { "type": "child-in-need-plan", "date": "2025-05-10", "open": true },
        "children": [{ "name": "C", "dateOfBirth": { "day": "15", "month": "January", "year": "2012" } }],
        "criteria": [{ "id": "youth-offending" }, { "id": "domestic-abuse" }, { "id": "adult-offending" }]
    });
    let report = validate("sf-referral", &referral, &options)?;
    println!("{} forms known; sf-referral is {}", forms().len(), if report.valid { "valid" } else { "invalid" });
    for d in report.diagnostics.iter().filter(|d| d.severity != Severity::Info) {
        println!("  {} {} {}: {}", d.severity.as_str(), d.code, d.path, d.message);
    }
    if let Some(outcome) = &report.outcome {
        println!(
            "  eligible: {}, sub-categories still needed: {}",
            outcome["eligible"], outcome["subcategoriesNeeded"]
        );
    }
    Ok(())
}
