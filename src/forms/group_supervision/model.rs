//! A Family Safeguarding group (case) supervision record as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

/// Everyone who takes part: the team's workers and the business support officer who records the session (001,
/// "The Family Safeguarding Multi-Disciplinary Team").
pub const STAFF_ROLES: &[&str] = &[
    "social-worker",
    "child-and-family-worker",
    "domestic-abuse-practitioner",
    "domestic-abuse-worker",
    "mental-health-practitioner",
    "psychologist",
    "recovery-worker",
    "team-manager",
    "business-support",
];

/// The roles that are not involved professionals of the family: the chair and the minute taker.
pub const NOT_INVOLVED: &[&str] = &["team-manager", "business-support"];

pub const RAG: &[&str] = &["red", "amber", "green"];

/// The stages of change (001, "MI stages of change").
pub const STAGES: &[&str] = &["pre-contemplation", "contemplation", "preparation", "action", "maintenance", "relapse"];

const CHAIR: &[Field] = &[Field::text("name", "Chair’s name"), Field::choice("role", "Chair’s role", STAFF_ROLES)];

const MINUTE_TAKER: &[Field] =
    &[Field::text("name", "Minute taker’s name"), Field::choice("role", "Minute taker’s role", STAFF_ROLES)];

const ATTENDEE: &[Field] = &[
    Field::text("name", "Name of the person involved"),
    Field::choice("role", "Role of the person involved", STAFF_ROLES).required_with("Select the "),
    Field::boolean("present", "Whether the person was present"),
    Field::date("summarySubmittedOn", "Date the workbook summary was finalised"),
];

const PROGRESS: &[Field] =
    &[Field::choice("role", "Role of the worker", STAFF_ROLES), Field::long_text("summary", "Summary of progress")];

const CYCLE: &[Field] = &[Field::text("person", "Person"), Field::choice("stage", "Stage of change", STAGES)];

const DECISION: &[Field] =
    &[Field::long_text("decision", "Decision"), Field::long_text("reason", "Reason for the decision")];

const ACTION: &[Field] = &[
    Field::long_text("action", "Action"),
    Field::text("owner", "Who will do the action"),
    Field::date("dueDate", "Date the action is due"),
];

const FINALISED: &[Field] = &[
    Field::choice("role", "Role of the person who finalised the record", STAFF_ROLES).required_with("Select the "),
    Field::date("date", "Date the record was finalised").required_with("Enter the "),
];

pub const FIELDS: &[Field] = &[
    Field::date("date", "Date of the supervision").required_with("Enter the "),
    Field::text("family", "Family"),
    Field::object("chair", "Chair", CHAIR).required("Enter who chaired the supervision"),
    Field::object("minuteTaker", "Minute taker", MINUTE_TAKER),
    Field::list("attendees", "People involved", &Kind::Object(ATTENDEE), 30)
        .required("Add the people involved with the family"),
    Field::choice("rag", "RAG rating", RAG).required_with("Select the "),
    Field::long_text("ragReason", "Reason for the RAG rating").required_with("Enter the "),
    Field::list("progressSummaries", "Summaries of progress", &Kind::Object(PROGRESS), 30),
    Field::list("cycleOfChange", "Cycle of change", &Kind::Object(CYCLE), 20),
    Field::long_text("childViews", "Views of the child"),
    Field::long_text("parentViews", "Views of the parents"),
    Field::long_text("impact", "Impact of the support delivered"),
    Field::long_text("hypotheses", "Hypotheses"),
    Field::list("decisions", "Decisions", &Kind::Object(DECISION), 50),
    Field::list("actions", "Actions", &Kind::Object(ACTION), 50),
    Field::object("finalisedBy", "Finalised by", FINALISED).required("Enter who finalised the record and when"),
    Field::date("previousSupervisionDate", "Date of the previous supervision"),
];
