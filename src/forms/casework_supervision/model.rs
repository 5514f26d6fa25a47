//! The casework supervision record as submitted (002, "Proposed Protocol Supervision Record as a Form"): one per
//! child per session, every field optional, read leniently.

use crate::engine::model::{Field, Kind};

/// Case status: child protection, child in need, step-down, Strengthening Families, child in care.
pub const CASE_STATUSES: &[&str] = &["cp", "cin", "step-down", "strengthening-families", "cic"];

/// Where an action agreed at the previous supervision stands.
pub const ACTION_STATUSES: &[&str] = &["done", "in-progress", "not-done"];

const CHILD: &[Field] = &[
    Field::text("name", "Child’s name").required_with("Enter the "),
    Field::new("lcsNumber", "Liquid Logic number", Kind::Text { max: 32 })
        .required("Enter the child’s Liquid Logic number"),
];

const PREVIOUS_ACTION: &[Field] = &[
    Field::long_text("action", "Action agreed at the previous supervision"),
    Field::choice("status", "Progress of the action", ACTION_STATUSES),
    Field::long_text("comment", "Comment on the action"),
];

const SUPPORT_PLAN: &[Field] = &[
    Field::boolean("upToDate", "Whether the support plan is up to date").required_with("Select "),
    Field::boolean("smart", "Whether the support plan’s actions are SMART").required_with("Select "),
    Field::long_text("comment", "Comment on the support plan"),
];

const ACTION: &[Field] = &[
    Field::long_text("action", "Action"),
    Field::text("owner", "Who will do the action"),
    Field::date("dueDate", "Date the action is due"),
];

pub const FIELDS: &[Field] = &[
    Field::date("date", "Date of supervision").required_with("Enter the "),
    Field::text("teamManager", "Team manager").required("Enter the team manager’s name"),
    Field::text("practitioner", "Practitioner")
        .required("Enter the practitioner’s name")
        .help("The Strengthening Families practitioner or assistant who holds the case."),
    Field::choice("caseStatus", "Case status", CASE_STATUSES).required_with("Select the "),
    Field::object("child", "Child", CHILD),
    Field::date("previousSupervisionDate", "Date of the previous supervision")
        .help("The previous casework supervision of this child, if there was one."),
    Field::long_text("purposeOfInvolvement", "Purpose of involvement").required_with("Enter the "),
    Field::list(
        "reviewOfPreviousActions",
        "Review of actions from the last supervision",
        &Kind::Object(PREVIOUS_ACTION),
        50,
    ),
    Field::date("lastAssessmentDate", "Date of the last assessment").required_with("Enter the "),
    Field::date("childLastSeenDate", "Date the child was last seen").required_with("Enter the "),
    Field::long_text("sinceLastSupervision", "What has happened since the last supervision").required_with("Enter "),
    Field::object("supportPlan", "Support plan", SUPPORT_PLAN)
        .help("Is the support plan up to date, with SMART actions?"),
    Field::long_text("childWishesAndFeelings", "Wishes and feelings of the child")
        .required_with("Enter the ")
        .help("Ascertained through direct work or assessments and plans."),
    Field::long_text("positiveChange", "How the involvement is making positive change for the children")
        .required_with("Enter "),
    Field::long_text("riskAnalysis", "Analysis of current risk").required_with("Enter the "),
    Field::boolean("riskManaged", "Whether the risk is being managed").required_with("Select "),
    Field::long_text("strengths", "Overview of strengths within the family").required_with("Enter an "),
    Field::list("actions", "Actions agreed", &Kind::Object(ACTION), 50),
    Field::date("nextSupervisionDate", "Date of the next supervision"),
    Field::boolean("activeSafeguarding", "Whether this is a very active case with safeguarding issues")
        .help("A very active case with safeguarding issues is supervised monthly, as a child protection case is."),
    Field::date("preparedBySuperviseeOn", "Date the practitioner updated the form").help(
        "The practitioner updates the form before the supervision and reassigns it to their senior or team leader.",
    ),
];

/// The sections the completeness score counts: the seed's form, in its order. (Required fields of the model plus
/// the support plan and, after a previous supervision, the review of previous actions.)
pub const SECTIONS: &[&str] = &[
    "/date",
    "/teamManager",
    "/practitioner",
    "/caseStatus",
    "/child/name",
    "/child/lcsNumber",
    "/purposeOfInvolvement",
    "/reviewOfPreviousActions",
    "/lastAssessmentDate",
    "/childLastSeenDate",
    "/sinceLastSupervision",
    "/supportPlan/upToDate",
    "/supportPlan/smart",
    "/childWishesAndFeelings",
    "/positiveChange",
    "/riskAnalysis",
    "/riskManaged",
    "/strengths",
];
