//! The caller's options: today, stage, profile, closure days.

use chrono::NaiveDate;
use serde_json::Value;

use super::error::Error;
use super::profile::{self, Profile};
use crate::calendar::{self, Calendar};

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
    /// A profile id; `None` means `default`.
    pub profile: Option<String>,
    /// Extra non-working days (local authority closure days).
    pub closures: Vec<NaiveDate>,
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

    pub fn profile(mut self, id: &str) -> Options {
        self.profile = Some(id.to_owned());
        self
    }

    pub fn closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Options {
        self.closures = days.into_iter().collect();
        self
    }

    /// Reads options as JavaScript passes them: `undefined`/`null` or an object with `today`, `stage`, `profile`,
    /// `closures`. Anything else is the caller's mistake.
    pub fn from_json(v: &Value) -> Result<Options, Error> {
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
                ("profile", Value::String(s)) => {
                    profile::find(s)?;
                    options.profile = Some(s.clone());
                }
                ("profile", _) => return Err(Error::InvalidOption("profile must be a string".into())),
                ("closures", Value::Array(days)) => {
                    options.closures = days
                        .iter()
                        .map(|d| match d {
                            Value::String(s) => parse_option_date("closures", s),
                            _ => Err(Error::InvalidOption("closures must be dates YYYY-MM-DD".into())),
                        })
                        .collect::<Result<_, _>>()?;
                }
                ("closures", _) => return Err(Error::InvalidOption("closures must be a list of dates".into())),
                _ => {
                    return Err(Error::InvalidOption(
                        "unknown option (expected today, stage, profile, closures)".into(),
                    ))
                }
            }
        }
        Ok(options)
    }

    /// Resolves defaults: today's London date, the profile, the working-day calendar.
    pub fn resolve(&self) -> Result<Resolved, Error> {
        let profile = profile::find(self.profile.as_deref().unwrap_or("default"))?;
        let today = match self.today {
            Some(t) => t,
            None => default_today(),
        };
        Ok(Resolved { today, stage: self.stage, profile, calendar: Calendar::new(self.closures.iter().copied()) })
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

fn parse_option_date(name: &str, s: &str) -> Result<NaiveDate, Error> {
    calendar::parse_iso_date(s)
        .ok_or_else(|| Error::InvalidOption(format!("{name} must be a real date written YYYY-MM-DD")))
}

/// Options with every default filled in.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub today: NaiveDate,
    pub stage: Stage,
    pub profile: &'static Profile,
    pub calendar: Calendar,
}
