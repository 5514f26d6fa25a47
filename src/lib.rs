//! # safeguarding-forms
//!
//! The domain model and validation rules of the case-recording forms used by UK children's social care services
//! that work the Family Safeguarding and Strengthening Families way. The same rules run natively (a server, a batch
//! job, the command line) and in the browser (the WebAssembly package built from this crate).
//!
//! ```
//! use safeguarding_forms::{validate, Options};
//! use serde_json::json;
//!
//! let options = Options::new().today("2025-06-02").unwrap().submit();
//! let report = validate("sf-referral", &json!({ "referralDate": "2025-05-30" }), &options).unwrap();
//! assert!(!report.valid);
//! assert!(report.diagnostics.iter().any(|d| d.path == "/route"));
//! // The outcome is the engine's own JSON value (`safeguarding_forms::value`): index it, compare it with a
//! // `json!` value, or convert it to serde_json's.
//! let outcome = report.outcome.clone().unwrap_or_default();
//! assert_eq!(outcome["eligible"], json!(false));
//! assert!(serde_json::Value::from(outcome).is_object());
//! ```
//!
//! The engine and every form are plain Rust; `wasm.rs` is the only module that knows about JavaScript.

pub mod api;
pub mod calendar;
pub mod catalogue;
pub mod engine;
pub mod forms;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use api::{add_working_days, carry_forward, check_profile, profiles, validate, validate_json, working_days};
/// The catalogue (the `catalogue` feature, on by default): what the WebAssembly package's JavaScript reads from its
/// catalogue.json instead.
#[cfg(feature = "catalogue")]
pub use api::{
    forms, messages, outcome_schema, profile_schema, rules, schema, schema_for, schema_in, schema_with, ui_schema,
};
pub use engine::error::Error;
pub use engine::messages::MessageInfo;
pub use engine::options::{Options, Stage};
pub use engine::profile::ProfileInfo;
pub use engine::profile_doc::{CheckResult, Problem};
pub use engine::registry::FormInfo;
pub use engine::report::{Diagnostic, Report, Severity};
pub use engine::rule::{Citation, Fidelity, RuleInfo};
#[cfg(feature = "catalogue")]
pub use engine::schema::{Dialect, Library};
pub use engine::session::FormSession;
/// The engine's JSON value: what a report's `outcome` and `params` and a session's `data()` are (convertible to and
/// from `serde_json::Value`, and equal to one that is the same tree).
pub use engine::value;
