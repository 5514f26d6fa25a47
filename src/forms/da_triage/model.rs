//! The domestic abuse triage as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

pub const RISKS: &[&str] = &["standard", "medium", "high"];
pub const DECISIONS: &[&str] = &["letter", "phone-call", "nfa"];

const INCIDENT: &[Field] = &[
    Field::date("date", "Date of the incident").required_with("Enter the "),
    Field::choice("risk", "Risk level of the incident", RISKS).required_with("Select the "),
];

pub const FIELDS: &[Field] = &[
    Field::date("triageDate", "Date of the triage").help("When blank, today."),
    Field::list("incidents", "Incidents", &Kind::Object(INCIDENT), 200).required_with("Add the "),
    Field::boolean("allocatedWorker", "Whether the family has an allocated worker").required_with("Select "),
    Field::boolean("knownToServices", "Whether the family is known to services"),
    Field::boolean("historyOfConcerns", "Whether there is a history of issues or concerns"),
    Field::boolean(
        "barnardosRiskAssessment",
        "Whether the incidents were assessed with the Barnardo’s Risk Assessment Tool",
    ),
    Field::choice("decision", "Decision", DECISIONS).required_with("Select the "),
    Field::boolean("victimAgreesToContact", "Whether the victim agrees to contact"),
    Field::list("contactAttempts", "Date of a telephone contact attempt", &Kind::Date, 60),
    Field::boolean("contactMade", "Whether telephone contact was made with the victim"),
    Field::date("letterSentOn", "Date Family Connect sent the letter offering support"),
    Field::boolean("recordedOnCrm", "Whether the contact and decisions are recorded on CRM"),
];
