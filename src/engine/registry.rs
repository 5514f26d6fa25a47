//! What a form is (`FormDef`), and the registry of the forms a build holds. The engine knows no form: the crate's
//! entry picks them (`crate::forms::REGISTRY`, by cargo feature) and hands the registry to what needs every form.

use std::sync::OnceLock;

use crate::engine::value::{Map, Value};
use serde::Serialize;

use super::context::Ctx;
use super::error::Error;
use super::messages::{MessageInfo, Template};
use super::model::{Field, Kind};
use super::outcome::Out;
use super::profile::Param;
use super::read::DATE_TIME_PARTS;
use super::rule::Rule;

/// Makes the next step of a form from this one.
pub type CarryForward = fn(&Map<String, Value>) -> Value;

/// A form's declaration: its model, its rules, its checks and its outcome.
pub struct FormDef {
    pub id: &'static str,
    pub title: &'static str,
    /// The seed documents it comes from.
    pub source: &'static str,
    /// The fields, in page order.
    pub fields: &'static [Field],
    /// The form's own rules, in catalogue order (the shared input rules are added by the engine).
    pub rules: &'static [&'static Rule],
    /// The rule that reports a missing required field.
    pub required: &'static Rule,
    /// The templates of the messages its rules emit (the model's own required-field messages are listed by
    /// `engine::catalogue`).
    pub messages: &'static [&'static Template],
    /// Runs the form's rules; returns the outcome, typed by its declared model ([`Tree`](super::outcome::Tree)):
    /// the engine writes the report's JSON text from it, and gives the native report its `Value`.
    pub check: fn(&Map<String, Value>, &mut Ctx) -> Option<super::outcome::Tree>,
    /// The next step of a form that carries forward (the Family Programme).
    pub carry_forward: Option<CarryForward>,
    /// The keys of the outcome `check` returns (the declared outcome model, `engine::outcome`).
    pub outcome: &'static [Out],
}

/// A form of the product as every build knows it, whether it holds the form or not: its id, its rule codes and the
/// thresholds its rules read. A council's profile is written for every form; a build that holds one form accepts,
/// without checking their fields, the options it sets for the others.
pub struct Known {
    pub id: &'static str,
    /// Its rule codes are `prefix-001` to `prefix-NNN`, `rules` of them: every form numbers its rules from 1 (held to
    /// the forms' own codes by `product_lists_every_form`). Written out, the 330 codes were about 1.5 kB gzip of
    /// every module.
    pub prefix: &'static str,
    pub rules: u16,
    pub params: &'static [Param],
}

impl Known {
    /// Whether `code` is one of its rules': its prefix, a hyphen and three digits from 001 to its count.
    pub fn has_code(&self, code: &str) -> bool {
        let Some(digits) = code.strip_prefix(self.prefix).and_then(|rest| rest.strip_prefix('-')) else { return false };
        digits.len() == 3
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.parse::<u16>().is_ok_and(|n| (1..=self.rules).contains(&n))
    }

    /// Its rule codes, in order.
    pub fn codes(&self) -> impl Iterator<Item = String> + '_ {
        (1..=self.rules).map(move |n| {
            let mut code = String::with_capacity(self.prefix.len().saturating_add(4));
            code.push_str(self.prefix);
            code.push('-');
            super::text::push_padded(&mut code, u32::from(n), 3);
            code
        })
    }
}

/// The forms a build holds, and every form of the product.
pub struct Registry {
    /// The forms this build holds, in the order of the specification.
    pub forms: &'static [&'static FormDef],
    /// Every form of the product (held or not), in the order of the specification.
    pub product: &'static [Known],
    /// What the engine makes once from the forms (the message list), kept with the registry it was made from.
    pub cache: Cache,
}

/// The registry's lists made on first use (`Cache::new()` in the registry's declaration).
pub struct Cache {
    pub(crate) messages: OnceLock<Vec<MessageInfo>>,
    pub(crate) message_params: OnceLock<Vec<(&'static str, &'static [String])>>,
}

impl Cache {
    pub const fn new() -> Cache {
        Cache { messages: OnceLock::new(), message_params: OnceLock::new() }
    }
}

impl Default for Cache {
    fn default() -> Cache {
        Cache::new()
    }
}

impl Registry {
    /// A form this build holds. A form of the product that this build does not hold (a single-form module) is
    /// refused with what the module holds.
    pub fn find(&self, id: &str) -> Result<&'static FormDef, Error> {
        if let Some(form) = self.forms.iter().copied().find(|f| f.id == id) {
            return Ok(form);
        }
        if self.product.iter().any(|k| k.id == id) {
            let held = self.forms.iter().map(|f| f.id).collect::<Vec<_>>().join(", ");
            return Err(Error::FormNotInModule { id: id.to_owned(), held });
        }
        Err(Error::UnknownForm(id.to_owned()))
    }

    /// Whether the product has a form with this id (held by this build or not).
    pub fn knows(&self, id: &str) -> bool {
        self.product.iter().any(|k| k.id == id)
    }

    /// Every threshold some rule of the product reads, once, by key.
    pub fn params(&self) -> Vec<&'static Param> {
        let mut out: Vec<&'static Param> = Vec::new();
        for p in self.product.iter().flat_map(|k| k.params.iter()) {
            if !out.iter().any(|q| q.key == p.key) {
                out.push(p);
            }
        }
        out
    }

    /// Whether `code` is a rule code of the product (held by this build or not; the shared input rules' are the
    /// engine's own).
    pub fn has_code(&self, code: &str) -> bool {
        self.product.iter().any(|k| k.has_code(code))
    }

    /// Every rule code of the product (the shared input rules' are the engine's own).
    pub fn codes(&self) -> impl Iterator<Item = String> + '_ {
        self.product.iter().flat_map(Known::codes)
    }
}

/// A form as `forms()` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormInfo {
    pub id: String,
    pub title: String,
    pub source: String,
    /// How many fields a person can fill (leaves of the model; a list's item fields counted once).
    pub fields: usize,
    /// How many rules the form has (its own, not the shared input rules).
    pub rules: usize,
}

impl FormDef {
    pub fn info(&self) -> FormInfo {
        FormInfo {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            source: self.source.to_owned(),
            fields: count_leaves(self.fields),
            rules: self.rules.len(),
        }
    }
}

fn count_leaves(fields: &[Field]) -> usize {
    fields.iter().map(|f| kind_leaves(&f.kind)).sum()
}

fn kind_leaves(kind: &Kind) -> usize {
    match kind {
        Kind::Object(fields) => count_leaves(fields),
        Kind::List { item, .. } => kind_leaves(item),
        _ => 1,
    }
}

/// The position of a path in the form's field order, for sorting diagnostics: one number per segment (the field's
/// place in its object, or the list index).
pub fn order_key(fields: &'static [Field], path: &str) -> Vec<u32> {
    let mut key = Vec::new();
    let mut kind: Option<Kind> = Some(Kind::Object(fields));
    for seg in path.split('/').skip(1) {
        let (pos, next) = match kind {
            Some(Kind::Object(fs)) => match super::model::find(fs, seg).map(|(i, _)| i) {
                Some(i) => (u32::try_from(i).unwrap_or(u32::MAX), fs.get(i).map(|f| f.kind)),
                None => (u32::MAX, None),
            },
            Some(Kind::List { item, .. }) => (seg.parse().unwrap_or(u32::MAX), Some(*item)),
            Some(Kind::Date) => (["day", "month", "year"].iter().position(|p| *p == seg).map_or(3, |i| i as u32), None),
            Some(Kind::DateTime) => (DATE_TIME_PARTS.iter().position(|p| *p == seg).map_or(5, |i| i as u32), None),
            _ => (u32::MAX, None),
        };
        key.push(pos);
        kind = next;
    }
    key
}

/// What the page calls the field at a JSON Pointer ("Date of referral" for `/referralDate`): a list's row and a date
/// input's parts take the label of their field. `None` for the whole form (`""`) or a path that is not a field of the
/// form.
pub fn field_label(fields: &'static [Field], path: &str) -> Option<&'static str> {
    let mut label = None;
    let mut kind = Some(Kind::Object(fields));
    for seg in path.split('/').skip(1) {
        kind = match kind? {
            Kind::Object(fs) => {
                let field = super::model::find(fs, seg).map(|(_, f)| f)?;
                label = Some(field.label);
                Some(field.kind)
            }
            Kind::List { item, .. } => {
                seg.parse::<u32>().ok()?;
                Some(*item)
            }
            Kind::Date if ["day", "month", "year"].contains(&seg) => None,
            Kind::DateTime if DATE_TIME_PARTS.contains(&seg) => None,
            _ => return None,
        };
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_labels_by_pointer() {
        let referral = crate::forms::REGISTRY.find("sf-referral").unwrap().fields;
        assert_eq!(field_label(referral, "/referralDate"), Some("Date of the referral"));
        assert_eq!(field_label(referral, "/referralDate/month"), Some("Date of the referral"));
        assert_eq!(field_label(referral, "/referrer/email"), Some("Referrer’s email address"));
        assert_eq!(field_label(referral, "/children/2/attendancePercent"), Some("School attendance"));
        assert_eq!(field_label(referral, "/children/0/missingEpisodes/3"), Some("Date the child went missing"));
        assert_eq!(field_label(referral, "/children/0"), Some("Children"));
        for not_a_field in ["", "/nope", "/children/x/name", "/referralDate/hour", "/referralDate/day/x", "/route/0"] {
            assert_eq!(field_label(referral, not_a_field), None, "{not_a_field}");
        }
    }

    /// A form's rule codes from its prefix and count: each one found, and nothing that only looks like one.
    #[test]
    fn a_known_form_has_exactly_its_codes() {
        let known = Known { id: "x", prefix: "SP", rules: 22, params: &[] };
        let codes: Vec<String> = known.codes().collect();
        assert_eq!(codes.len(), 22);
        assert_eq!(codes.first().map(String::as_str), Some("SP-001"));
        assert_eq!(codes.get(9).map(String::as_str), Some("SP-010"));
        assert_eq!(codes.last().map(String::as_str), Some("SP-022"));
        for code in &codes {
            assert!(known.has_code(code), "{code}");
        }
        for not in [
            "SP-000",
            "SP-023",
            "SP-22",
            "SP-0022",
            "SP-01a",
            "SP-\u{661}\u{662}\u{663}",
            "SP001",
            "sp-001",
            "SPX-001",
            "S-001",
            "",
            "SP-",
            "SP--01",
            "SP-+01",
        ] {
            assert!(!known.has_code(not), "{not}");
        }
        let wide = Known { id: "y", prefix: "AUD", rules: 120, params: &[] };
        assert_eq!(wide.codes().nth(99).as_deref(), Some("AUD-100"));
        assert!(wide.has_code("AUD-120") && !wide.has_code("AUD-121"));
    }
}
