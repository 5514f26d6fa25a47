//! The Family Circles of a case: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

/// What the work started from: an early help assessment or an early help support plan.
pub const ASSESSMENT_KINDS: &[&str] = &["eha", "ehsp"];

/// What a Family Circle shows. The seed names the two closing outcomes; `other` is the product's.
pub const OUTCOMES: &[&str] = &["significant-sustained", "partial-significant-sustained", "other"];

/// The outcomes that count towards closure route 1.
pub const CLOSING: &[&str] = &["significant-sustained", "partial-significant-sustained"];

/// One Family Circle (shared with the closure form).
pub const CIRCLE: &[Field] = &[
    Field::date("date", "Date of the Family Circle").required_with("Enter the "),
    Field::choice("outcome", "Result of the Family Circle", OUTCOMES).required("Select what the Family Circle shows"),
    Field::long_text("childViews", "Child’s views"),
    Field::long_text("parentViews", "Parents’ or carers’ views"),
];

pub const FIELDS: &[Field] = &[
    Field::date("allocationDate", "Date of allocation").required_with("Enter the "),
    Field::choice("assessmentKind", "Type of assessment", ASSESSMENT_KINDS)
        .required("Select whether the work started from an early help assessment or an early help support plan"),
    Field::list("circles", "Family Circle", &Kind::Object(CIRCLE), 60),
];
