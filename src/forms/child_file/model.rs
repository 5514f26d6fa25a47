//! The documents of a child's electronic file as listed for checking: every field optional, read leniently.

use crate::engine::model::{Field, Kind};
use crate::forms::workbook_summary::model::ROLES;

/// The documents the Family Safeguarding Service expects in a child's file (000, "MOSAIC Documents of each child's
/// electronic file:").
pub const DOCUMENT_KINDS: &[&str] = &[
    "child-and-family-assessment",
    "child-in-need-plan",
    "child-protection-plan",
    "children-we-care-for-care-plan",
    "workbook-summary",
    "family-programme",
    "group-supervision",
    "chronology",
    "case-summary",
    "child-in-need-review",
    "child-protection-conference-report",
    "core-group-minutes",
    "statutory-review",
];

pub const EPISODE_KINDS: &[&str] =
    &["child-in-need-visit", "child-protection-visit", "children-we-care-for-visit", "case-note"];

/// Who records a visit episode or case note: the team's workers and the managers who record management oversight.
pub const RECORDER_ROLES: &[&str] = &[
    "social-worker",
    "child-and-family-worker",
    "domestic-abuse-practitioner",
    "domestic-abuse-worker",
    "mental-health-practitioner",
    "psychologist",
    "recovery-worker",
    "team-manager",
    "service-manager",
    "head-of-service",
];

const DOCUMENT: &[Field] = &[
    Field::choice("kind", "Kind of document", DOCUMENT_KINDS).required_with("Select the "),
    Field::date("date", "Date of the document"),
    Field::text("worker", "Worker whose workbook summary it is")
        .help("For a workbook summary: the name of the involved worker, as in the list of involved workers."),
];

const WORKER: &[Field] = &[Field::text("name", "Worker’s name"), Field::choice("role", "Worker’s role", ROLES)];

const EPISODE: &[Field] = &[
    Field::choice("kind", "Kind of visit episode or case note", EPISODE_KINDS),
    Field::date("date", "Date of the visit episode or case note"),
    Field::choice("recordedBy", "Role of the person who recorded it", RECORDER_ROLES),
];

pub const FIELDS: &[Field] = &[
    Field::date("openedOn", "Date the case was opened to the service").required("Enter the date the case was opened"),
    Field::list("documents", "Documents", &Kind::Object(DOCUMENT), 200),
    Field::list("supervisionDates", "Date of a group supervision", &Kind::Date, 200),
    Field::list("involvedWorkers", "Involved workers", &Kind::Object(WORKER), 20)
        .help("Each involved worker keeps their own workbook summary for each period between supervisions."),
    Field::list("visitEpisodes", "Visit episodes and case notes", &Kind::Object(EPISODE), 200)
        .help("Child in need, child protection or children we care for visit episodes, and general case notes: social workers in the service use neither."),
];
