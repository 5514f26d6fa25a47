//! The Family Ambassador volunteer record as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

const DBS: &[Field] = &[
    Field::date("appliedOn", "Date the DBS application was completed"),
    Field::date("certificateSeenOn", "Date the DBS certificate was seen"),
];

pub const TRAINING: &[Field] = &[
    Field::date("onlineOn", "Date the online training was completed"),
    Field::date("faceToFaceOn", "Date the face-to-face training was completed"),
];

pub const SIGNED: &[Field] = &[
    Field::boolean("riskAssessment", "Whether the volunteer signed the risk assessment"),
    Field::boolean("policies", "Whether the volunteer signed the policy documents"),
    Field::boolean("volunteerAgreement", "Whether the volunteer signed the volunteer agreement"),
];

pub const FIELDS: &[Field] = &[
    Field::date("appliedOn", "Date of the application").required_with("Enter the "),
    Field::local("locality", "Locality").required_with("Select the "),
    Field::date("informalDiscussionOn", "Date of the informal discussion"),
    Field::date("packSentOn", "Date the application pack was sent"),
    Field::date("applicationReturnedOn", "Date the application pack was returned"),
    Field::date("introductoryVisitOn", "Date of the introductory visit"),
    Field::date("referencesRequestedOn", "Date the references were requested"),
    Field::list("referencesReceived", "Date a reference was received", &Kind::Date, 10),
    Field::object("dbs", "Disclosure and Barring Service (DBS) check", DBS),
    Field::integer("idDocumentsSeen", "Number of identity documents seen", 0, 20),
    Field::object("training", "Training", TRAINING),
    Field::object("signed", "Documents signed", SIGNED),
    Field::date("idBadgeOn", "Date the ID badge was issued"),
    Field::date("matchedOn", "Date the volunteer was matched with a family"),
    Field::date("inductionVisitOn", "Date of the induction visit with the allocated practitioner"),
    Field::number("weeklyHours", "Hours a week with the family", 0, 168),
    Field::list("supervisions", "Date of a supervision with the locality volunteer lead", &Kind::Date, 200),
];
