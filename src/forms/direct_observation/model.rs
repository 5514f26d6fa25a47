//! A direct observation of practice as submitted (002, "ATTACHMENT THREE", and the supervision policy's
//! "5. Observation of Practice"): every field optional, read leniently.

use crate::engine::model::{Field, Kind, LONG_TEXT_MAX};

const NARRATIVE: Kind = Kind::Text { max: LONG_TEXT_MAX };

const CONSENT: &[Field] = &[
    Field::boolean("given", "Whether consent was gained for the observation"),
    Field::text("from", "Who consent was gained from"),
    Field::text("to", "Who consent was given to"),
    Field::date("date", "Date consent was gained"),
];

const COMMUNICATION: &[Field] = &[
    Field::new("activeListening", "Active listening", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Were active listening skills applied?"),
    Field::new("questioning", "Use of questioning", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Use of appropriate questioning."),
    Field::new("nonVerbal", "Non-verbal communication", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Appropriate use of non-verbal communication, give examples."),
    Field::new("clarifyingAndSummarising", "Clarifying and summarising", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Clarifying and summarising."),
];

const PROFESSIONALISM: &[Field] = &[
    Field::new("documentation", "Use of service documentation", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Use of service documentation i.e. Work Plan, Family Circle, Registration Form, EHA, etc."),
    Field::new("planningAndNextSteps", "Use of planning and next steps", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Use of planning and next steps."),
    Field::new("overall", "Overall professionalism", NARRATIVE)
        .required_with("Write about the practitioner’s ")
        .help("Overall professionalism."),
];

/// The narrative sections, as (JSON Pointer, label): every one is written before the report is submitted.
pub const SECTIONS: &[(&str, &str)] = &[
    ("/planningAndPreparation", "Planning and preparation"),
    ("/communication/activeListening", "Active listening"),
    ("/communication/questioning", "Use of questioning"),
    ("/communication/nonVerbal", "Non-verbal communication"),
    ("/communication/clarifyingAndSummarising", "Clarifying and summarising"),
    ("/capturingViews", "Capturing views of child and parent"),
    ("/professionalism/documentation", "Use of service documentation"),
    ("/professionalism/planningAndNextSteps", "Use of planning and next steps"),
    ("/professionalism/overall", "Overall professionalism"),
    ("/strengthsBased", "Use of a strength based approach"),
    ("/responseToRisk", "Response to risks and unpredictable situations"),
    ("/practitionerReflection", "Practitioner’s reflection"),
    ("/summary", "Overall summary of the observation"),
];

/// The grading scale of the case audit tool, which the observation's bare "Grading:" is read as.
pub const GRADE_LABELS: &[(u8, &str)] =
    &[(1, "Exceeds good"), (2, "Good"), (3, "Requires improvement"), (4, "Inadequate")];

pub const FIELDS: &[Field] = &[
    Field::date("date", "Date of the observation").required_with("Enter the "),
    Field::text("practitioner", "Name of the practitioner").required_with("Enter the "),
    Field::text("observer", "Name of the observing manager").required_with("Enter the "),
    Field::new("childId", "Child ID", Kind::Text { max: 32 }),
    Field::text("setting", "Setting where the observation took place"),
    Field::object("consent", "Consent for the observation", CONSENT)
        .help("Consent gained for observation, who from and who to, date."),
    Field::date("objectivesAgreedOn", "Date the objectives were agreed"),
    Field::long_text("agreedObjectives", "Objectives agreed for the observation")
        .required_with("Enter the ")
        .help("The supervisee and the observer plan the observation and agree objectives and learning criteria beforehand."),
    Field::new("planningAndPreparation", "Planning and preparation", NARRATIVE)
        .required_with("Write about the ")
        .help("What preparation took place, was the case file read prior to the visit? Did the Practitioner have a plan of the intervention to be carried out? Was it part of the Work Plan? What resources were prepared if any?"),
    Field::object("communication", "Communication skills", COMMUNICATION)
        .required_with("Write about the practitioner’s "),
    Field::new("capturingViews", "Capturing views of child and parent", NARRATIVE)
        .required("Write about capturing the views of the child and parent"),
    Field::object("professionalism", "Professionalism and accountability", PROFESSIONALISM)
        .required_with("Write about the practitioner’s "),
    Field::new("strengthsBased", "Use of a strength based approach", NARRATIVE)
        .required_with("Write about the practitioner’s "),
    Field::new("responseToRisk", "Response to risks and unpredictable situations", NARRATIVE)
        .required("Write about the response to risks identified and unpredictable situations")
        .help("Appropriate response to risks identified and unpredictable situations."),
    Field::new("practitionerReflection", "Practitioner’s reflection", NARRATIVE)
        .required("Write the practitioner’s reflection on the intervention")
        .help("Reflection of intervention from Practitioner following the visit."),
    Field::new("summary", "Overall summary of the observation", NARRATIVE)
        .required_with("Write the ")
        .help("Any other comments and overall summary of the observation."),
    Field::integer("grading", "Grading", 1, 4)
        .required_with("Select a ")
        .help("1 Exceeds good, 2 Good, 3 Requires improvement, 4 Inadequate (the case audit tool’s scale)."),
    Field::long_text("recommendations", "Recommendations"),
    Field::date("previousObservationDate", "Date of the previous observation"),
    Field::long_text("superviseeComments", "Supervisee’s comments on the report"),
    Field::boolean("recordedOnCaseFile", "Whether the record is on the child’s electronic case file")
        .help("The record pertains to the worker, not the family: it is kept off the electronic case file."),
];
