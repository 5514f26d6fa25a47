//! The rule engine every form uses: the report, the rule catalogue, the model of a form's fields, lenient reading,
//! options and profiles, the registry and the live session.

pub mod case;
pub mod catalogue;
pub mod checks;
pub mod context;
pub mod error;
pub mod input;
pub mod json_text;
pub mod messages;
pub mod model;
pub mod options;
pub mod outcome;
pub mod outcome_json;
pub mod parse_float;
pub mod pointer;
pub mod profile;
pub mod profile_doc;
pub mod read;
pub mod registry;
pub mod report;
pub mod rule;
#[cfg(feature = "catalogue")]
pub mod schema;
pub mod session;
pub mod sort;
pub mod structure;
#[cfg(test)]
pub(crate) mod test_rng;
pub mod text;
pub mod timescale;
pub mod value;
