//! Errors are for a caller's programming mistakes only; anything a person could type is a diagnostic instead.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No form has this id.
    UnknownForm(String),
    /// A form of the product that this build (a single-form module) does not hold; `held` lists what it holds.
    FormNotInModule { id: String, held: String },
    /// The form's data is not a JSON object.
    NotAnObject,
    /// An option is malformed (the text says which and how).
    InvalidOption(String),
    /// No profile has this id.
    UnknownProfile(String),
    /// A profile given as data has a problem (the text says where and what: the first one `checkProfile` lists).
    InvalidProfile(String),
    /// A JSON Pointer is not valid for this form's data.
    InvalidPointer(String),
    /// The input could not be read at all (not JSON text).
    InvalidInput(String),
    /// The form has no such operation (e.g. carry forward).
    Unsupported(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownForm(id) => write!(f, "unknown form: {}", quoted(id)),
            Error::FormNotInModule { id, held } => write!(
                f,
                "form {} is not in this module (it holds {held}): import safeguarding-forms/forms/{id}, or safeguarding-forms for every form",
                quoted(id)
            ),
            Error::NotAnObject => write!(f, "data must be a plain object"),
            Error::InvalidOption(why) => write!(f, "invalid option: {why}"),
            Error::UnknownProfile(id) => write!(f, "unknown profile: {}", quoted(id)),
            Error::InvalidProfile(why) => write!(f, "invalid profile: {why}"),
            Error::InvalidPointer(why) => write!(f, "invalid JSON Pointer: {why}"),
            Error::InvalidInput(why) => write!(f, "invalid input: {why}"),
            Error::Unsupported(why) => write!(f, "unsupported: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// A caller-supplied identifier, quoted and cut short (ids are the caller's code, not a person's typing).
fn quoted(id: &str) -> String {
    let short: String = id.chars().take(64).collect();
    crate::engine::report::json_string(&short)
}
