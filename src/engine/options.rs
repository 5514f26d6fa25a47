//! The caller's options: today, stage, profile, closure days.

use std::sync::Arc;

use crate::engine::value::Value;
use chrono::NaiveDate;

use super::error::Error;
use super::messages::MessageTable;
use super::profile::{self, Effective};
use super::profile_doc::{self, ProfileDoc};
use super::registry::Registry;
use crate::calendar::{self, Calendar};

/// The profile a call runs under: a built-in one by id, or a council's own document(s), already checked.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileChoice {
    BuiltIn(String),
    /// One council's profile: one version, or several with the dates they take effect.
    Versions(Arc<Vec<ProfileDoc>>),
}

/// `draft` (default) reports a missing required field as `info`; `submit` as `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Draft,
    Submit,
}

/// What a call is checked against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// Today's date; `None` means the current date in Europe/London.
    pub today: Option<NaiveDate>,
    pub stage: Stage,
    /// The council's profile; `None` means `default`.
    pub profile: Option<ProfileChoice>,
    /// Extra non-working days (local authority closure days).
    pub closures: Vec<NaiveDate>,
    /// A host's message templates by message id, replacing the English (checked against `messages()`).
    pub messages: Option<Arc<MessageTable>>,
}

impl Options {
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets today from `YYYY-MM-DD`.
    pub fn today(mut self, iso: &str) -> Result<Options, Error> {
        self.today = Some(parse_option_date("today", iso)?);
        Ok(self)
    }

    pub fn with_today(mut self, today: NaiveDate) -> Options {
        self.today = Some(today);
        self
    }

    pub fn submit(mut self) -> Options {
        self.stage = Stage::Submit;
        self
    }

    pub fn stage(mut self, stage: Stage) -> Options {
        self.stage = stage;
        self
    }

    /// A built-in profile by id (checked when the options are used: an unknown id is an error then).
    pub fn profile(mut self, id: &str) -> Options {
        self.profile = Some(ProfileChoice::BuiltIn(id.to_owned()));
        self
    }

    /// A profile given as data: a built-in id, one profile document, or a list of versions of one council's
    /// profile, checked against the registry's forms. An invalid one is the caller's configuration mistake: the error
    /// names its first problem. (The crate's entry gives `Options::profile_value` with its own forms.)
    pub fn profile_value_in(mut self, registry: &'static Registry, v: &Value) -> Result<Options, Error> {
        self.profile = Some(profile_choice(registry, v)?);
        Ok(self)
    }

    /// Replaces the English of these message ids (`{param}` placeholders, as `messages()` lists them).
    pub fn messages(mut self, table: impl IntoIterator<Item = (String, String)>) -> Options {
        self.messages = Some(Arc::new(MessageTable::new(table)));
        self
    }

    pub fn closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Options {
        self.closures = days.into_iter().collect();
        self
    }

    /// Reads options as JavaScript passes them: `undefined`/`null` or an object with `today`, `stage`, `profile`,
    /// `closures`. Anything else is the caller's mistake.
    pub fn from_json_in(registry: &'static Registry, v: &Value) -> Result<Options, Error> {
        let mut options = Options::default();
        let obj = match v {
            Value::Null => return Ok(options),
            Value::Object(o) => o,
            _ => return Err(Error::InvalidOption("options must be an object".into())),
        };
        for (key, value) in obj {
            match (key.as_str(), value) {
                (_, Value::Null) => {}
                ("today", Value::String(s)) => options.today = Some(parse_option_date("today", s)?),
                ("today", _) => return Err(Error::InvalidOption("today must be a string YYYY-MM-DD".into())),
                ("stage", Value::String(s)) if s == "draft" => options.stage = Stage::Draft,
                ("stage", Value::String(s)) if s == "submit" => options.stage = Stage::Submit,
                ("stage", _) => return Err(Error::InvalidOption("stage must be \"draft\" or \"submit\"".into())),
                ("profile", v) => options.profile = Some(profile_choice(registry, v)?),
                ("closures", Value::Array(days)) => {
                    // A loop, not `collect::<Result<..>>()`, whose adapter compiled to about 1 kB in every module.
                    let mut closures = Vec::with_capacity(days.len());
                    for d in days {
                        let Value::String(s) = d else {
                            return Err(Error::InvalidOption("closures must be dates YYYY-MM-DD".into()));
                        };
                        closures.push(parse_option_date("closures", s)?);
                    }
                    options.closures = closures;
                }
                ("closures", _) => return Err(Error::InvalidOption("closures must be a list of dates".into())),
                ("messages", v) => options.messages = Some(Arc::new(super::catalogue::table_from_json(v)?)),
                _ => {
                    return Err(Error::InvalidOption(
                        "unknown option (expected today, stage, profile, closures, messages)".into(),
                    ))
                }
            }
        }
        Ok(options)
    }

    /// Resolves defaults: today's London date, the profile in force on it, the working-day calendar.
    /// (The crate's entry gives `Options::resolve` with its own forms.)
    pub fn resolve_in(&self, registry: &'static Registry) -> Result<Resolved, Error> {
        let today = match self.today {
            Some(t) => t,
            None => default_today(),
        };
        let profile = self.effective_profile(today)?;
        let calendar = Calendar::new(self.closures.iter().chain(&profile.closures).copied())
            .restoring(profile.restored.iter().copied());
        if let Some(table) = &self.messages {
            super::catalogue::check_table(registry, table)?;
        }
        Ok(Resolved { today, stage: self.stage, profile, calendar, messages: self.messages.clone(), codes_only: false })
    }

    /// The profile in force on `today`: a built-in one, or the council's latest version that has taken effect
    /// (before its first version takes effect, what that version extends).
    pub fn effective_profile(&self, today: NaiveDate) -> Result<Arc<Effective>, Error> {
        match &self.profile {
            None => Ok(profile::default()),
            Some(ProfileChoice::BuiltIn(id)) => profile::find(id),
            Some(ProfileChoice::Versions(docs)) => {
                let doc = match profile_doc::in_force(docs, today) {
                    Some(doc) => doc,
                    None => {
                        let first = docs.iter().min_by_key(|d| d.effective_from);
                        return profile::find(first.map_or("default", |d| d.extends.as_str()));
                    }
                };
                Ok(Arc::new(profile::find(&doc.extends)?.apply(doc)))
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_today() -> NaiveDate {
    calendar::today_london()
}

/// In the browser the JavaScript wrapper always passes today (the Europe/London date from `Intl`); this is a
/// fallback that keeps the engine clock-free.
#[cfg(target_arch = "wasm32")]
fn default_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// Reads `options.profile`: a built-in id, or a profile document (or versions), checked.
fn profile_choice(registry: &'static Registry, v: &Value) -> Result<ProfileChoice, Error> {
    match v {
        Value::String(id) => {
            profile::find(id)?;
            Ok(ProfileChoice::BuiltIn(id.clone()))
        }
        _ => profile_doc::parse(registry, v).map(|docs| ProfileChoice::Versions(Arc::new(docs))).map_err(|p| {
            Error::InvalidProfile(if p.path.is_empty() { p.message } else { crate::text!(p.path, ": ", p.message) })
        }),
    }
}

fn parse_option_date(name: &str, s: &str) -> Result<NaiveDate, Error> {
    calendar::parse_iso_date(s)
        .ok_or_else(|| Error::InvalidOption(crate::text!(name, " must be a real date written YYYY-MM-DD")))
}

/// Options with every default filled in.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub today: NaiveDate,
    pub stage: Stage,
    pub profile: Arc<Effective>,
    pub calendar: Calendar,
    /// A host's message templates (already checked), or the English.
    pub messages: Option<Arc<MessageTable>>,
    /// Findings without their wording: code, severity and path only (message, message id and parameters empty, no
    /// related fields or due date), and an outcome that may differ from the full report's where it quotes messages.
    /// Never set by [`Options::resolve`]; the command line sets it for a `batch` that writes only its summary (counts
    /// by rule and severity), which then renders no message.
    pub codes_only: bool,
}
