//! The Family Safeguarding workbook eligibility check as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

pub const ISSUES: &[&str] = &["substance-misuse", "mental-health", "domestic-abuse", "other"];

/// The issues that start a team workbook (004, "How will the journey change for staff?").
pub const WORKBOOK_ISSUES: &[&str] = &["substance-misuse", "mental-health", "domestic-abuse"];

pub const DISABILITY: &[&str] = &["none", "fs-team", "complex-specialist"];
/// "Children with a disability where they are in a FS team are included, those with complex and specialist disability
/// issues (in the specialist team) are not".
const DISABILITY_TITLES: &[(&str, &str)] = &[
    ("fs-team", "Needs met by the Family Safeguarding team"),
    ("complex-specialist", "Complex and specialist needs (the specialist team)"),
];

const CHILD: &[Field] = &[
    Field::text("name", "Child’s name"),
    Field::boolean("unborn", "Whether the child is unborn"),
    Field::boolean("contextualIssuesOnly", "Whether the child’s issues are only contextual"),
    Field::choice("disability", "Child’s disability needs", DISABILITY)
        .titles(DISABILITY_TITLES)
        .help("none; a disability whose needs the Family Safeguarding team meets; complex and specialist disability needs met by the specialist team."),
];

pub const FIELDS: &[Field] = &[
    Field::list("issues", "Type of issue in the family", &Kind::Enum(ISSUES), 4)
        .required("Select the issues in the family"),
    Field::list("children", "Children", &Kind::Object(CHILD), 30).required("Add at least one child"),
];
