//! The closure / end of involvement as recorded: every field optional, read leniently.

use crate::engine::model::{Field, Kind};
use crate::forms::family_circle::model::CIRCLE;

/// Why the case closes.
pub const REASONS: &[&str] = &["social-worker-decision", "disengagement", "outcomes-achieved", "transfer", "other"];

/// The reasons that go by closure route 1 whatever the Family Circles show (002, "Closure Route 1").
pub const ROUTE_1_REASONS: &[&str] = &["social-worker-decision", "disengagement"];

/// Who approves a closure (002, "CLOSURES").
pub const APPROVER_ROLES: &[&str] = &["senior-practitioner", "team-leader", "coordinator"];

pub const DECISIONS: &[&str] = &["approved", "returned"];

const APPROVAL: &[Field] = &[
    Field::choice("role", "Role of the approver", APPROVER_ROLES).required_with("Select the "),
    Field::date("date", "Date of the decision").required_with("Enter the "),
    Field::choice("decision", "Decision on the closure", DECISIONS)
        .required("Select whether the closure was approved or returned"),
    Field::long_text("missingInformation", "Information missing")
        .help("When the closure is returned: the information that is incomplete."),
];

pub const FIELDS: &[Field] = &[
    Field::choice("reason", "Reason for closure", REASONS).required_with("Select the "),
    Field::date("directedOn", "Date the closure was directed").required_with("Enter the "),
    Field::date("closureSummaryOn", "Date the closure summary was completed"),
    Field::date("endOfInvolvementOn", "Date the end of involvement was completed"),
    Field::integer("route", "Closure route", 1, 2)
        .help("1: social worker decision, disengagement, or the last two Family Circles closing; 2: only one Family Circle, showing significant and sustained progress, then a month of case monitoring. Blank when neither applies."),
    Field::list("familyCircles", "Family Circle", &Kind::Object(CIRCLE), 60),
    Field::date("caseMonitoringFrom", "Date case monitoring started"),
    Field::date("caseMonitoringUntil", "Date case monitoring ends"),
    Field::list("approvals", "Approval", &Kind::Object(APPROVAL), 30),
    Field::boolean("levelOfNeedUpdated", "Whether the level of need has been updated"),
    Field::boolean("businessSupportNotified", "Whether the senior business support officer has been told"),
    Field::date("episodeClosedOn", "Date the episode was closed"),
];
