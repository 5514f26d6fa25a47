//! The rule catalogue: every rule is declared once, with its code, name, severity, the paths it reads, a summary and
//! the policy text it comes from.

use serde::Serialize;

use super::profile::{Effective, Origin, Param};
use super::report::Severity;

/// Declares a rule: `rule!(NAME, "CODE", "kebab-name", Severity, Kind, ["/paths"], cite, "summary", "quote")`,
/// optionally followed by `params = [PARAM, ...]` for the thresholds it reads, `presence = ["/paths"]` for those
/// of its paths it reads only for whether they are filled in, and `rows = ["/lists"]` for the lists it reads only for
/// which rows they have (what it reads inside a row is declared as a path of its own).
#[macro_export]
macro_rules! rule {
    ($id:ident, $code:literal, $name:literal, $sev:ident, $kind:ident, [$($path:literal),* $(,)?], $cite:expr,
     $summary:literal, $quote:literal $(, params = [$($param:expr),* $(,)?])?
     $(, presence = [$($presence:literal),* $(,)?])?
     $(, rows = [$($rows:literal),* $(,)?])? $(,)?) => {
        pub static $id: $crate::engine::rule::Rule = $crate::engine::rule::Rule {
            code: $code,
            #[cfg(feature = "catalogue")]
            name: $name,
            severity: $crate::engine::report::Severity::$sev,
            kind: $crate::engine::rule::Kind::$kind,
            paths: &[$($path),*],
            #[cfg(feature = "catalogue")]
            summary: $summary,
            #[cfg(feature = "catalogue")]
            cite: $cite,
            #[cfg(feature = "catalogue")]
            quote: $quote,
            params: &[$($(&$param),*)?],
            presence: &[$($($presence),*)?],
            rows: &[$($($rows),*)?],
        };
        // Without the catalogue the citation is not kept (nor the name, summary and quote: the package reads them
        // from catalogue.json), but it is still checked: evaluated here, at compile time, into nothing.
        #[cfg(not(feature = "catalogue"))]
        const _: $crate::engine::rule::Cite = $cite;
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
    #[cfg(feature = "catalogue")]
    pub name: &'static str,
    pub severity: Severity,
    pub kind: Kind,
    /// JSON Pointers (with `*` for any list index) of the fields the rule reads.
    pub paths: &'static [&'static str],
    #[cfg(feature = "catalogue")]
    pub summary: &'static str,
    #[cfg(feature = "catalogue")]
    pub cite: Cite,
    /// The policy sentence the rule enforces, quoted once, here.
    #[cfg(feature = "catalogue")]
    pub quote: &'static str,
    /// The thresholds it reads, which a profile may change.
    pub params: &'static [&'static Param],
    /// Those of `paths` the rule reads only for whether they are filled in (blank or not, as `read::is_blank` has
    /// it; a value of the wrong kind is the structural pass's finding): an edit there that leaves the field filled
    /// in, or blank, cannot change the rule's findings (a live session relies on it; tests/declared_reads.rs holds
    /// every rule to it).
    pub presence: &'static [&'static str],
    /// Those of `paths` that are lists the rule reads only for their rows ("at least one child": which rows there
    /// are, each blank or filled in, an object or not): an edit inside a row that leaves the row so cannot change
    /// them (what the rule reads inside a row is declared as a path of its own; tests/declared_reads.rs holds it).
    pub rows: &'static [&'static str],
}

/// What an edit kept, prefix by prefix of its pointer: bit `n - 1` is set when the value at the pointer's first `n`
/// segments is, after the edit, as blank or filled in ([`read::is_blank`](super::read::is_blank)) and as much an
/// object as it was before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept(pub u64);

impl Kept {
    /// Every prefix kept (what a caller assumes of an edit that keeps its field filled in or blank).
    pub const ALL: Kept = Kept(u64::MAX);

    /// Whether the value at the first `n` segments was kept.
    pub fn at(self, n: usize) -> bool {
        n.checked_sub(1)
            .and_then(|bit| u32::try_from(bit).ok())
            .and_then(|bit| 1u64.checked_shl(bit))
            .is_some_and(|b| self.0 & b != 0)
    }

    /// The shape (blank, object) of the value at each prefix of `segments`, read before and again after an edit.
    pub fn shapes<S: AsRef<str>>(
        data: &crate::engine::value::Map<String, crate::engine::value::Value>,
        segments: &[S],
    ) -> Vec<(bool, bool)> {
        let mut out = Vec::with_capacity(segments.len());
        let mut cur: Option<&crate::engine::value::Value> = None;
        for (i, seg) in segments.iter().enumerate() {
            let seg = seg.as_ref();
            // `-` adds a row: nothing from there on is kept (the shapes stop, so `between` keeps no bit for it).
            if seg == "-" {
                break;
            }
            cur = if i == 0 {
                super::read::get(data, seg)
            } else {
                match cur {
                    Some(crate::engine::value::Value::Object(o)) => super::read::get(o, seg),
                    Some(crate::engine::value::Value::Array(a)) => seg.parse::<usize>().ok().and_then(|k| a.get(k)),
                    _ => None,
                }
            };
            out.push((super::read::is_blank(cur), cur.is_some_and(crate::engine::value::Value::is_object)));
        }
        out
    }

    /// What an edit kept, from the shapes before and after it.
    pub fn between(before: &[(bool, bool)], after: &[(bool, bool)]) -> Kept {
        let mut bits = 0u64;
        for (n, (b, a)) in before.iter().zip(after).enumerate().take(64) {
            if b == a {
                bits |= u32::try_from(n).ok().and_then(|n| 1u64.checked_shl(n)).unwrap_or(0);
            }
        }
        Kept(bits)
    }
}

/// Whether an edit at the pointer `segments` can change what a rule that declares `paths` reads: the pointer is
/// under a declared path or above one (it replaces a whole object or list the path is in), `*` matching any list
/// row. A live session skips a form's rules for an edit that touches none of them (tests/declared_reads.rs holds
/// every rule to its declaration).
pub fn touches<S: AsRef<str>>(paths: &[&str], segments: &[S]) -> bool {
    paths.iter().any(|path| path_touches(path, segments))
}

/// [`touches`] for one declared path, segment by segment without splitting it (a live session asks this of every
/// rule's every path on each keystroke, and most differ at the first segment).
fn path_touches<S: AsRef<str>>(path: &str, segments: &[S]) -> bool {
    // Declared paths start with '/': skip it.
    let mut rest = path.strip_prefix('/').unwrap_or(path);
    for edited in segments {
        let (declared, tail) = match rest.find('/') {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i.saturating_add(1)..)),
            None => (rest, None),
        };
        if declared != "*" && declared != edited.as_ref() {
            return false;
        }
        match tail {
            Some(t) => rest = t,
            // The path ends here: the edit is at it or under it.
            None => return true,
        }
    }
    // The edit is above the path (it replaces what holds it).
    true
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

/// What a profile makes of a rule: the part of [`RuleInfo`] that depends on the options (the rest is the catalogue's,
/// the same under every profile). The WebAssembly module returns only this (`rulesState`); its JavaScript merges it
/// with the catalogue's text.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleState<'a> {
    pub severity: Severity,
    pub enabled: bool,
    /// Where the profile's change to the rule (its severity, or switching it off) comes from.
    pub set_by: Option<&'a Origin>,
    /// Each threshold's value in force and where it comes from, in the order of the rule's `params`.
    pub values: Vec<(i64, Option<&'a Origin>)>,
}

impl Rule {
    /// What the profile makes of the rule.
    pub fn state<'a>(&self, profile: &'a Effective) -> RuleState<'a> {
        RuleState {
            severity: profile.severity(self.code, self.severity),
            enabled: profile.enabled(self.code),
            set_by: profile.off_origin(self.code).map(|(o, _)| o).or_else(|| profile.severity_origin(self.code)),
            values: self.params.iter().map(|p| (profile.value(p), profile.value_origin(p.key))).collect(),
        }
    }

    /// Whether an edit at the pointer `segments` can change what the rule reads ([`touches`]); `kept`: what the edit
    /// left as it was ([`Kept`]), so that a path the rule reads only for being filled in (`presence`, named by the
    /// pointer itself) or a list it reads only for its rows (`rows`, the edit inside a row that stayed as it was)
    /// does not count.
    pub fn reads<S: AsRef<str>>(&self, segments: &[S], kept: Kept) -> bool {
        self.paths.iter().any(|path| {
            if !path_touches(path, segments) {
                return false;
            }
            let depth = path.bytes().filter(|b| *b == b'/').count();
            let row = depth.saturating_add(1);
            let presence_only = kept.at(segments.len()) && depth == segments.len() && self.presence.contains(path);
            let rows_only = segments.len() > row && kept.at(row) && self.rows.contains(path);
            !(presence_only || rows_only)
        })
    }

    /// The rule as the catalogue shows it under a profile.
    #[cfg(feature = "catalogue")]
    pub fn info(&self, form: &str, profile: &Effective) -> RuleInfo {
        let state = self.state(profile);
        let severity = state.severity;
        let enabled = state.enabled;
        let set_by = state.set_by.cloned();
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
                .zip(&state.values)
                .map(|(p, (value, origin))| {
                    let (min, max) = p.range();
                    ParameterInfo {
                        key: p.key.to_owned(),
                        value: *value,
                        default: p.default,
                        unit: p.unit.to_owned(),
                        min,
                        max,
                        set_by: origin.cloned(),
                    }
                })
                .collect(),
            default_severity: (severity != self.severity).then_some(self.severity),
            set_by,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{touches, Cite, Kept, Kind, Rule, SEED_002};
    use crate::engine::report::Severity;

    fn segs(pointer: &str) -> Vec<&str> {
        pointer.split('/').skip(1).collect()
    }

    #[test]
    fn touches_at_under_above_and_rows() {
        let paths: &[&str] = &["/children/*/dateOfBirth", "/referralDate"];
        for (pointer, expected) in [
            ("/referralDate", true),                // at
            ("/referralDate/day", true),            // under (date parts)
            ("/children", true),                    // above: replaces the list
            ("/children/3", true),                  // above: replaces a row
            ("/children/0/dateOfBirth", true),      // at, any row
            ("/children/0/dateOfBirth/year", true), // under, any row
            ("/children/0/name", false),            // a sibling in the row
            ("/childrenX", false),                  // a longer name is another field
            ("/referral", false),                   // a shorter name is another field
            ("/route", false),
            ("", true), // the whole form
        ] {
            assert_eq!(touches(paths, &segs(pointer)), expected, "{pointer}");
        }
        assert!(!touches(&[], &segs("/referralDate")));
    }

    static R: Rule = Rule {
        code: "T-001",
        name: "t",
        severity: Severity::Error,
        kind: Kind::Check,
        paths: &["/a", "/list", "/list/*/x"],
        summary: "",
        cite: Cite::same(SEED_002, "s"),
        quote: "",
        params: &[],
        presence: &["/a"],
        rows: &["/list"],
    };

    #[test]
    fn presence_and_rows_count_only_when_the_edit_changes_them() {
        // A keystroke in a field read for presence that stays filled in: not a read; blank to filled: a read.
        assert!(!R.reads(&segs("/a"), Kept::ALL));
        assert!(R.reads(&segs("/a"), Kept(0)));
        // Inside a row that stays a filled-in object: not a read of the list; the row's own declared path is.
        assert!(!R.reads(&segs("/list/0/y"), Kept::ALL));
        assert!(R.reads(&segs("/list/0/y"), Kept(0b01)));
        assert!(R.reads(&segs("/list/0/x"), Kept::ALL));
        // Adding or replacing a row is a read of the list.
        assert!(R.reads(&segs("/list/0"), Kept::ALL));
        assert!(!R.reads(&segs("/other"), Kept(0)));
    }
}
