//! A worker's Workbook Summary as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

/// The members of a Family Safeguarding team who keep a Workbook Summary (001, "The Family Safeguarding
/// Multi-Disciplinary Team"; 000, "Workbook Summaries and Supervision").
pub const ROLES: &[&str] = &[
    "social-worker",
    "child-and-family-worker",
    "domestic-abuse-practitioner",
    "domestic-abuse-worker",
    "mental-health-practitioner",
    "psychologist",
    "recovery-worker",
    "team-manager",
];

/// The adult specialist workers among [`ROLES`].
pub const ADULT_WORKER_ROLES: &[&str] = &[
    "domestic-abuse-practitioner",
    "domestic-abuse-worker",
    "mental-health-practitioner",
    "psychologist",
    "recovery-worker",
];

/// The Family Programme's modules (000, "Modules within the Family Programme"), in order. Module 4a is named in the
/// seed ("Modules 4, 4a, 5 and 6") without a title of its own.
pub const MODULE_IDS: &[&str] = &["1", "2", "3", "4", "4a", "5", "6", "7", "8"];

pub const ACTIVITY_KINDS: &[&str] = &["visit", "phone-call", "email", "meeting", "direct-work", "group-session"];

const WORKER: &[Field] = &[
    Field::text("name", "Worker’s name").required_with("Enter the "),
    Field::choice("role", "Worker’s role", ROLES).required_with("Select the "),
];

const ACTIVITY: &[Field] = &[
    Field::date("date", "Date of the activity"),
    Field::choice("kind", "Kind of activity", ACTIVITY_KINDS),
    Field::long_text("summary", "Summary of the activity"),
    Field::list("modules", "Module of the Family Programme", &Kind::Enum(MODULE_IDS), 9)
        .help("The sections of the Family Programme the activity cross-references: 1 to 8, or 4a."),
];

pub const FIELDS: &[Field] = &[
    Field::object("worker", "Worker", WORKER).required("Enter the worker’s name and role"),
    Field::date("periodStart", "Start of the period"),
    Field::date("periodEnd", "End of the period"),
    Field::date("groupSupervisionDate", "Date of the group supervision").required_with("Enter the "),
    Field::date("submittedOn", "Date the summary was sent to the team manager"),
    Field::list("activities", "Activities", &Kind::Object(ACTIVITY), 200)
        .help("Visits, notable telephone calls, emails, meetings and direct work with the family in the period."),
    Field::long_text("analysis", "Analysis").required_with("Enter your "),
    Field::list("hypotheses", "Hypothesis", &Kind::Text { max: 2000 }, 20),
    Field::long_text("impact", "Impact of the interventions"),
];
