//! Local authority profiles: data that changes a rule's severity, switches it off, or changes a threshold, on top
//! of `default` (the values written in the specification).

use serde::Serialize;

use super::error::Error;
use super::report::Severity;

/// A threshold a rule reads (a count, a number of days or weeks), which a profile may change.
#[derive(Debug)]
pub struct Param {
    /// `form-id.name`, e.g. `sf-referral.domains`.
    pub key: &'static str,
    pub default: i64,
    /// What the number counts: "domains", "days", "weeks", "months", "hours", "percent".
    pub unit: &'static str,
}

/// A council's way of working.
#[derive(Debug)]
pub struct Profile {
    pub id: &'static str,
    pub title: &'static str,
    /// What the profile changes and why, in words (one line per change).
    pub changes: &'static [&'static str],
    /// Rule code → the severity this profile gives it.
    pub severities: &'static [(&'static str, Severity)],
    /// Rule codes this profile switches off.
    pub off: &'static [&'static str],
    /// Threshold key → value.
    pub thresholds: &'static [(&'static str, i64)],
}

impl Profile {
    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        self.severities.iter().find(|(c, _)| *c == code).map_or(default, |(_, s)| *s)
    }

    pub fn enabled(&self, code: &str) -> bool {
        !self.off.contains(&code)
    }

    pub fn value(&self, param: &Param) -> i64 {
        self.thresholds.iter().find(|(k, _)| *k == param.key).map_or(param.default, |(_, v)| *v)
    }
}

pub static DEFAULT: Profile = Profile {
    id: "default",
    title: "Default (the values written in the specification)",
    changes: &[],
    severities: &[],
    off: &[],
    thresholds: &[],
};

/// Every profile, listed once.
pub static PROFILES: &[&Profile] = &[&DEFAULT];

pub fn find(id: &str) -> Result<&'static Profile, Error> {
    PROFILES.iter().copied().find(|p| p.id == id).ok_or_else(|| Error::UnknownProfile(id.to_owned()))
}

/// A profile as `profiles()` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileInfo {
    pub id: String,
    pub title: String,
    pub changes: Vec<String>,
}

impl Profile {
    pub fn info(&self) -> ProfileInfo {
        ProfileInfo {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            changes: self.changes.iter().map(|c| (*c).to_owned()).collect(),
        }
    }
}
