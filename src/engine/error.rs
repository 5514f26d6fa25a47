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

impl Error {
    /// What went wrong, in words (what `Display` writes; put together without `core::fmt`, which the module does
    /// not carry: see `engine::text`).
    pub fn message(&self) -> String {
        match self {
            Error::UnknownForm(id) => crate::text!("unknown form: ", quoted(id)),
            Error::FormNotInModule { id, held } => crate::text!(
                "form ",
                quoted(id),
                " is not in this module (it holds ",
                held,
                "): import safeguarding-forms/forms/",
                id,
                ", or safeguarding-forms for every form"
            ),
            Error::NotAnObject => "data must be a plain object".to_owned(),
            Error::InvalidOption(why) => crate::text!("invalid option: ", why),
            Error::UnknownProfile(id) => crate::text!("unknown profile: ", quoted(id)),
            Error::InvalidProfile(why) => crate::text!("invalid profile: ", why),
            Error::InvalidPointer(why) => crate::text!("invalid JSON Pointer: ", why),
            Error::InvalidInput(why) => crate::text!("invalid input: ", why),
            Error::Unsupported(why) => crate::text!("unsupported: ", why),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// A caller-supplied identifier, quoted and cut short (ids are the caller's code, not a person's typing).
fn quoted(id: &str) -> String {
    let short: String = id.chars().take(64).collect();
    crate::engine::report::json_string(&short)
}
