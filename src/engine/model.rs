//! A form's model: its fields, in page order, with their kinds and labels. One declaration drives lenient reading,
//! the order of diagnostics, the JSON Schema and the TypeScript types.

use crate::engine::value::same;
use std::borrow::Cow;

/// What a field holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Free text, at most `max` characters (counted in UTF-16 code units, as a browser's `maxlength` and
    /// govuk-frontend's character count do).
    Text { max: u32 },
    /// A civil date: `"YYYY-MM-DD"`, or GOV.UK date-input parts `{ day, month, year }`.
    Date,
    /// A UK local date and time: `"YYYY-MM-DDTHH:MM"`.
    DateTime,
    /// `true` / `false` (also `"yes"` / `"no"` / `"true"` / `"false"`, as radios send them).
    Bool,
    /// A number (also a numeric string, as text inputs send it), within whole-number bounds (32 bits each: as
    /// `f64`s they made every field of every model 16 bytes larger, about 1.4 kB gzip of the all-forms module).
    Number { min: i32, max: i32, integer: bool },
    /// One of a fixed list of kebab-case values.
    Enum(&'static [&'static str]),
    /// An email address ([`Kind::EMAIL`]).
    Email(Check),
    /// A UK telephone number ([`Kind::PHONE`]).
    Phone(Check),
    /// A UK postcode, case and spaces ignored ([`Kind::POSTCODE`]).
    Postcode(Check),
    /// A nested object.
    Object(&'static [Field]),
    /// A list of items, at most `max`.
    List { item: &'static Kind, max: u32 },
}

/// The check of a formatted text field, carried by the field's kind: a module links the email, telephone and postcode
/// readers only when one of its forms has such a field (only the referral does; with the Unicode tables the email
/// reader needs, about 2.5 kB gzip of every other module). Made only here, by the three kinds' constants.
#[derive(Clone, Copy)]
pub struct Check(fn(&str) -> bool);

impl Check {
    /// Whether the text (already cleaned) has the format.
    pub fn ok(&self, text: &str) -> bool {
        (self.0)(text)
    }
}

impl core::fmt::Debug for Check {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Check")
    }
}

impl Kind {
    /// An email address field.
    pub const EMAIL: Kind = Kind::Email(Check(super::read::is_email));
    /// A UK telephone number field.
    pub const PHONE: Kind = Kind::Phone(Check(super::read::is_uk_phone));
    /// A UK postcode field.
    pub const POSTCODE: Kind = Kind::Postcode(Check(super::read::is_uk_postcode));
}

/// One field of a form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// camelCase key.
    pub name: &'static str,
    /// What the page calls it, capitalised for the start of a sentence ("Date of referral").
    pub label: &'static str,
    pub kind: Kind,
    /// When required whatever else the form says: the GOV.UK message for its absence ("Enter the date of referral"),
    /// or its first words when `required_label` (read it with [`Field::required_message`]).
    pub required: Option<&'static str>,
    /// Whether the message for its absence is `required` followed by the label, lower-cased first ("Enter the " and
    /// "Date of referral"): most are, and each module then holds the label's words once.
    pub required_label: bool,
    /// A short description for the schema and the documentation: with the `catalogue` feature only (the package
    /// reads the schemas from catalogue.json), read with [`Field::help_text`].
    #[cfg(feature = "catalogue")]
    pub help: &'static str,
    /// The display titles of choice values whose words do not read as a title by the general rule
    /// ([`schema::choice_title`](super::schema::choice_title)): the policy documents' own wording ("cse-ce" is
    /// "CSE/CE"). With the `catalogue` feature only (the package reads the schemas from catalogue.json).
    #[cfg(feature = "catalogue")]
    pub titles: &'static [(&'static str, &'static str)],
    /// A local list (localities, teams, hubs): open text in `default`, a choice where a council's profile lists
    /// the values (`options` in the profile).
    pub local: bool,
}

impl Field {
    pub const fn new(name: &'static str, label: &'static str, kind: Kind) -> Field {
        Field {
            name,
            label,
            kind,
            required: None,
            required_label: false,
            #[cfg(feature = "catalogue")]
            help: "",
            #[cfg(feature = "catalogue")]
            titles: &[],
            local: false,
        }
    }
    pub const fn text(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Text { max: TEXT_MAX })
    }
    pub const fn long_text(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Text { max: LONG_TEXT_MAX })
    }
    pub const fn date(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Date)
    }
    pub const fn datetime(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::DateTime)
    }
    pub const fn boolean(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Bool)
    }
    pub const fn choice(name: &'static str, label: &'static str, values: &'static [&'static str]) -> Field {
        Field::new(name, label, Kind::Enum(values))
    }
    pub const fn object(name: &'static str, label: &'static str, fields: &'static [Field]) -> Field {
        Field::new(name, label, Kind::Object(fields))
    }
    pub const fn list(name: &'static str, label: &'static str, item: &'static Kind, max: u32) -> Field {
        Field::new(name, label, Kind::List { item, max })
    }
    pub const fn number(name: &'static str, label: &'static str, min: i32, max: i32) -> Field {
        Field::new(name, label, Kind::Number { min, max, integer: false })
    }
    pub const fn integer(name: &'static str, label: &'static str, min: i32, max: i32) -> Field {
        Field::new(name, label, Kind::Number { min, max, integer: true })
    }
    /// Marks the field as required, with the GOV.UK message for its absence.
    pub const fn required(mut self, message: &'static str) -> Field {
        self.required = Some(message);
        self.required_label = false;
        self
    }
    /// Marks the field as required, the message for its absence being `lead` followed by the label, lower-cased first
    /// (`lower_first`): `Field::date("referralDate", "Date of referral").required_with("Enter the ")` says "Enter the
    /// date of referral".
    pub const fn required_with(mut self, lead: &'static str) -> Field {
        self.required = Some(lead);
        self.required_label = true;
        self
    }
    /// The GOV.UK message for the field's absence, when it is required whatever else the form says.
    pub fn required_message(&self) -> Option<Cow<'static, str>> {
        let text = self.required?;
        Some(if self.required_label {
            let label = super::messages::lower_first(self.label);
            Cow::Owned([text, label.as_str()].concat())
        } else {
            Cow::Borrowed(text)
        })
    }
    /// A local list: open text unless a council's profile lists the values.
    pub const fn local(name: &'static str, label: &'static str) -> Field {
        let mut f = Field::new(name, label, Kind::Text { max: TEXT_MAX });
        f.local = true;
        f
    }
    /// Its description in the schema (kept with the `catalogue` feature only: the package reads the schemas from
    /// catalogue.json).
    #[cfg_attr(not(feature = "catalogue"), allow(unused_mut, unused_variables))]
    pub const fn help(mut self, help: &'static str) -> Field {
        #[cfg(feature = "catalogue")]
        {
            self.help = help;
        }
        self
    }
    /// The display titles of those of its choice values (or its list's) that the general rule does not title well,
    /// as `(value, title)` (kept with the `catalogue` feature only, as `help` is).
    #[cfg_attr(not(feature = "catalogue"), allow(unused_mut, unused_variables))]
    pub const fn titles(mut self, titles: &'static [(&'static str, &'static str)]) -> Field {
        #[cfg(feature = "catalogue")]
        {
            self.titles = titles;
        }
        self
    }
    /// Its declared choice titles (none without the `catalogue` feature).
    pub fn declared_titles(&self) -> &'static [(&'static str, &'static str)] {
        #[cfg(feature = "catalogue")]
        return self.titles;
        #[cfg(not(feature = "catalogue"))]
        &[]
    }
    /// Its description (empty without the `catalogue` feature).
    pub fn help_text(&self) -> &'static str {
        #[cfg(feature = "catalogue")]
        return self.help;
        #[cfg(not(feature = "catalogue"))]
        ""
    }
}

/// The longest one-line text a field takes.
pub const TEXT_MAX: u32 = 500;
/// The longest narrative a field takes (a long case note).
pub const LONG_TEXT_MAX: u32 = 20_000;
/// Lists longer than this are cut for checking (a form never has that many rows).
pub const LIST_MAX: u32 = 200;

/// Finds a field by name.
pub fn find<'a>(fields: &'a [Field], name: &str) -> Option<(usize, &'a Field)> {
    fields.iter().enumerate().find(|(_, f)| same(f.name, name))
}

/// Every field of a model, depth first in page order: a nested object's fields after it, a list's item fields (its
/// rows') after the list.
pub fn walk_fields(fields: &'static [Field], each: &mut dyn FnMut(&'static Field)) {
    for f in fields {
        each(f);
        let mut kind = &f.kind;
        while let Kind::List { item, .. } = kind {
            kind = item;
        }
        if let Kind::Object(inner) = kind {
            walk_fields(inner, each);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn a_message_made_with_the_label_reads_as_written_out() {
        let written = Field::date("referralDate", "Date of the referral").required("Enter the date of the referral");
        let with = Field::date("referralDate", "Date of the referral").required_with("Enter the ");
        assert_eq!(with.required_message(), written.required_message());
        assert_eq!(with.required_message().as_deref(), Some("Enter the date of the referral"));
        // An acronym keeps its capitals, as `lower_first` does in every message.
        let acronym = Field::text("llcsNumber", "LLCS number").required_with("Enter the ");
        assert_eq!(acronym.required_message().as_deref(), Some("Enter the LLCS number"));
        // The last call decides: a message written out after `required_with` is used as it is.
        let last = Field::text("a", "Name").required_with("Enter the ").required("Enter a name");
        assert_eq!(last.required_message().as_deref(), Some("Enter a name"));
        assert_eq!(Field::text("a", "Name").required_message(), None);
    }
}
