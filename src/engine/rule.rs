//! The rule catalogue: every rule is declared once, with its code, name, severity, the paths it reads, a summary and
//! the policy text it comes from.

use serde::Serialize;

use super::profile::{Effective, Origin, Param};
use super::report::Severity;

/// Declares a rule: `rule!(NAME, "CODE", "kebab-name", Severity, Kind, ["/paths"], cite, "summary", "quote")`,
/// optionally followed by `params = [PARAM, ...]` for the thresholds it reads.
#[macro_export]
macro_rules! rule {
    ($id:ident, $code:literal, $name:literal, $sev:ident, $kind:ident, [$($path:literal),* $(,)?], $cite:expr,
     $summary:literal, $quote:literal $(, params = [$($param:expr),* $(,)?])? $(,)?) => {
        pub static $id: $crate::engine::rule::Rule = $crate::engine::rule::Rule {
            code: $code,
            name: $name,
            severity: $crate::engine::report::Severity::$sev,
            kind: $crate::engine::rule::Kind::$kind,
            paths: &[$($path),*],
            summary: $summary,
            cite: $cite,
            quote: $quote,
            params: &[$($(&$param),*)?],
        };
    };
}

/// Whether a rule restates its source (`same`) or reads something into it (`interpreted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    Same,
    Interpreted,
}

/// One of the source documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub document: &'static str,
    pub title: &'static str,
}

/// West Sussex, Family Safeguarding Guidance for Social Workers and Team Managers (2024).
pub const SEED_000: Source = Source {
    document: "000_b4000cb9eeed17ad.txt",
    title: "Family Safeguarding Guidance for Social Workers and Team Managers",
};
/// Walsall, Strengthening Families, Protecting Children — Family Safeguarding Model.
pub const SEED_001: Source = Source {
    document: "001_6e3698e2bd36f0f1.txt",
    title: "Strengthening Families, Protecting Children - Family Safeguarding Model",
};
/// Telford & Wrekin, Strengthening Families Reference Manual (2020).
pub const SEED_002: Source =
    Source { document: "002_01d3e803f2e17a39.txt", title: "Strengthening Families Reference Manual" };
/// South Gloucestershire, CIN and CP Plan guide (2023).
pub const SEED_003: Source = Source { document: "003_983e3a730935a86c.txt", title: "CIN and CP Plan guide" };
/// Walsall, Family Safeguarding Overview (2020).
pub const SEED_004: Source = Source { document: "004_d68b5cc90fdfabb1.txt", title: "Family Safeguarding Overview" };
/// The product's own conventions for reading any form (dates, types, sizes), from the specification.
pub const CONVENTIONS: Source = Source { document: "spec/forms.md", title: "safeguarding-forms specification" };

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cite {
    pub source: Source,
    /// The heading in the source, spelled as the source spells it.
    pub section: &'static str,
    pub fidelity: Fidelity,
}

impl Cite {
    pub const fn same(source: Source, section: &'static str) -> Cite {
        Cite { source, section, fidelity: Fidelity::Same }
    }
    pub const fn interpreted(source: Source, section: &'static str) -> Cite {
        Cite { source, section, fidelity: Fidelity::Interpreted }
    }
}

/// How a rule's severity behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A finding with the rule's severity in every stage.
    Check,
    /// A missing required field: `info` in draft, `error` at submit.
    Required,
}

/// A rule's declaration. Every rule of every form is one `static` of this type.
#[derive(Debug)]
pub struct Rule {
    /// Stable code (`REF-001`): never reused.
    pub code: &'static str,
    /// Kebab-case; says what it flags.
    pub name: &'static str,
    pub severity: Severity,
    pub kind: Kind,
    /// JSON Pointers (with `*` for any list index) of the fields the rule reads.
    pub paths: &'static [&'static str],
    pub summary: &'static str,
    pub cite: Cite,
    /// The policy sentence the rule enforces, quoted once, here.
    pub quote: &'static str,
    /// The thresholds it reads, which a profile may change.
    pub params: &'static [&'static Param],
}

/// A rule as the catalogue shows it (the shape `rules()` returns).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub code: String,
    pub form: String,
    pub name: String,
    pub severity: Severity,
    /// True when the severity is `info` in draft and `error` at submit (a missing required field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stage_dependent: bool,
    /// False when the selected profile switches the rule off.
    pub enabled: bool,
    pub paths: Vec<String>,
    pub summary: String,
    pub citation: Citation,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// The thresholds the rule reads, as the selected profile sets them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterInfo>,
    /// The severity the rule has without a profile, when the profile changes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_severity: Option<Severity>,
    /// Where the profile's change to this rule (its severity, or switching it off) comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_by: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParameterInfo {
    pub key: String,
    pub value: i64,
    pub default: i64,
    pub unit: String,
    /// The smallest and largest values a profile may set.
    pub min: i64,
    pub max: i64,
    /// Where the value in force comes from, when a profile set it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_by: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub document: String,
    pub title: String,
    pub section: String,
    pub fidelity: Fidelity,
}

impl Rule {
    /// The rule as the catalogue shows it under a profile.
    pub fn info(&self, form: &str, profile: &Effective) -> RuleInfo {
        let severity = profile.severity(self.code, self.severity);
        let enabled = profile.enabled(self.code);
        let set_by =
            profile.off_origin(self.code).map(|(o, _)| o).or_else(|| profile.severity_origin(self.code)).cloned();
        RuleInfo {
            code: self.code.to_owned(),
            form: form.to_owned(),
            name: self.name.to_owned(),
            severity,
            stage_dependent: self.kind == Kind::Required,
            enabled,
            paths: self.paths.iter().map(|p| (*p).to_owned()).collect(),
            summary: self.summary.to_owned(),
            citation: Citation {
                document: self.cite.source.document.to_owned(),
                title: self.cite.source.title.to_owned(),
                section: self.cite.section.to_owned(),
                fidelity: self.cite.fidelity,
            },
            quote: self.quote.to_owned(),
            parameters: self
                .params
                .iter()
                .map(|p| {
                    let (min, max) = p.range();
                    ParameterInfo {
                        key: p.key.to_owned(),
                        value: profile.value(p),
                        default: p.default,
                        unit: p.unit.to_owned(),
                        min,
                        max,
                        set_by: profile.value_origin(p.key).cloned(),
                    }
                })
                .collect(),
            default_severity: (severity != self.severity).then_some(self.severity),
            set_by,
        }
    }
}
