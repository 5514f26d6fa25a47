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

/// Telford & Wrekin (002): the supervision contract's "6 weekly" instead of the policy's "at least monthly".
pub static TELFORD_WREKIN: Profile = Profile {
    id: "telford-wrekin",
    title: "Telford & Wrekin (Strengthening Families Reference Manual, 2020)",
    changes: &[
        "supervision-contract.maxFrequencyWeeks 4 \u{2192} 6: the manual's contract template sets \"Frequency of the supervision sessions will be 6 weekly\" and its policy asks for supervision \"at least four to six weekly\" (002, \"Appendix A: A Contract for Supervision\", \"1. Introduction\"); the default is the policy's \"at least monthly\" (002, \"6. Supervision Framework, Frequency & Recording Guide\").",
        "supervision-record.frequencyWeeks 4 \u{2192} 6: the next personal supervision is due within the contract's frequency, which the manual's contract template sets at 6 weekly (002, \"Appendix A: A Contract for Supervision\").",
        "Nothing else: the other defaults are this manual's own values. Where it gives two timescales for one thing (contact with the family in 2 days in the standards of practice, 5 working days in the audit tool; an early help assessment in 6 weeks, or 10 weeks in the audit tool; the first Family Circle in 6 weeks, or \"6 - 8 Weeks\"), each form keeps the one written in its own section (002).",
    ],
    severities: &[],
    off: &[],
    thresholds: &[("supervision-contract.maxFrequencyWeeks", 6), ("supervision-record.frequencyWeeks", 6)],
};

/// West Sussex (000): its forms' defaults are already its own values.
pub static WEST_SUSSEX: Profile = Profile {
    id: "west-sussex",
    title: "West Sussex (Family Safeguarding Guidance for Social Workers and Team Managers, 2024)",
    changes: &[
        "No change from default: the defaults of the forms drawn from this guidance are its own values (workbook summaries two days before group supervision, Family Programme modules 1 to 3 within six weeks, a core group at most three weeks before the review conference, a case summary every three months), and it sets no other threshold, severity or rule differently (000).",
    ],
    severities: &[],
    off: &[],
    thresholds: &[],
};

/// Walsall (001, 004): its forms' defaults are already its own values.
pub static WALSALL: Profile = Profile {
    id: "walsall",
    title: "Walsall (Strengthening Families, Protecting Children \u{2014} Family Safeguarding Model; Family Safeguarding Overview, 2020)",
    changes: &[
        "workbook-summary.daysBefore 2 \u{2192} 1: workbook summaries are \"updated and finalised prior to the supervision session\" and \"finalised summaries must be provided in advance\" (001), not two days before as West Sussex asks; read as by the day before the session (interpreted). Group supervision monthly is already the default, from this council's overview (004).",
    ],
    severities: &[],
    off: &[],
    thresholds: &[("workbook-summary.daysBefore", 1)],
};

/// South Gloucestershire (003): the safety / wellbeing plan's defaults are already its own values.
pub static SOUTH_GLOS: Profile = Profile {
    id: "south-glos",
    title: "South Gloucestershire (CIN and CP Plan guide, 2023)",
    changes: &[
        "No change from default: the safety / wellbeing plan's defaults are this guide's own values (safety-plan.eitReviewMonths 3: \"EIT to be reviewed every three months\"; safety-plan.maxScale 10: a matched safety scale, its 0 to 10 range interpreted), and it sets no threshold for the other forms (003).",
    ],
    severities: &[],
    off: &[],
    thresholds: &[],
};

/// Every profile, listed once.
pub static PROFILES: &[&Profile] = &[&DEFAULT, &TELFORD_WREKIN, &WEST_SUSSEX, &WALSALL, &SOUTH_GLOS];

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
