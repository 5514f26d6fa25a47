//! The first report's one-time work (issue 20, "first report ≤ 10 ms"): a call that names no profile, or names one
//! built-in, reads no other built-in profile's document. Reading and checking all four documents on the first call
//! was most of the engine's one-time work there (BENCHMARKS.md, "First report").
//!
//! One test in its own binary, so that no other test of the process has read a built-in profile before it looks.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use safeguarding_forms::engine::profile::built_in_read;
use safeguarding_forms::{profiles, validate, validate_json, Options};
use serde_json::json;

const BUILT_INS: [&str; 4] = ["telford-wrekin", "west-sussex", "walsall", "south-glos"];

fn read() -> Vec<&'static str> {
    BUILT_INS.into_iter().filter(|id| built_in_read(id)).collect()
}

#[test]
fn built_in_profiles_are_read_only_when_named() {
    let data = json!({
        "referralDate": "2025-05-20",
        "route": "social-work-assessment",
        "children": [{ "name": "Child One", "dateOfBirth": "2012-01-15" }],
        "locality": "somewhere"
    });
    let today = Options::new().today("2025-06-02").unwrap();
    assert_eq!(read(), Vec::<&str>::new(), "nothing has run yet");

    // No profile, and `default` by name: no document is read, and the report is the same.
    let first = validate("sf-referral", &data, &today.clone().submit()).unwrap();
    let named = validate("sf-referral", &data, &today.clone().submit().profile("default")).unwrap();
    let text = validate_json("sf-referral", &data.to_string(), &today.clone().submit()).unwrap();
    assert_eq!(first, named);
    assert_eq!(first, text);
    assert!(!first.diagnostics.is_empty(), "the record is checked (it is incomplete)");
    assert_eq!(read(), Vec::<&str>::new(), "a call naming no built-in profile read one");

    // One built-in by name: that one only, and it still changes what it declares (its localities).
    let wrekin = validate("sf-referral", &data, &today.clone().submit().profile("telford-wrekin")).unwrap();
    assert_eq!(read(), vec!["telford-wrekin"]);
    let locality = |r: &safeguarding_forms::Report| r.diagnostics.iter().filter(|d| d.path == "/locality").count();
    assert_eq!(locality(&first), 0, "without a profile any locality is taken");
    assert!(locality(&wrekin) > 0, "telford-wrekin lists its localities, and `somewhere` is not one");

    // `profiles()` lists them all, so it reads them all.
    let ids: Vec<String> = profiles().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["default", "telford-wrekin", "west-sussex", "walsall", "south-glos"]);
    assert_eq!(read(), BUILT_INS.to_vec());
}
