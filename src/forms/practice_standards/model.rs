//! A case's key event dates, checked against the Standards of Practice (002, "ATTACHMENT TWO – SF STANDARDS OF
//! PRACTICE"): every field optional, read leniently.

use crate::engine::model::{Field, Kind};

const CONTACT: &[Field] = &[
    Field::datetime("at", "Date and time of the contact").required_with("Enter the "),
    Field::datetime("recordedAt", "Date and time the case record was updated"),
];

const VISIT: &[Field] = &[Field::datetime("at", "Date and time of the visit").required_with("Enter the ")];

pub const FIELDS: &[Field] = &[
    Field::date("allocationDate", "Date of allocation").required_with("Enter the "),
    Field::date("familyContactOn", "Date contact was made with the family"),
    Field::date("referrerNotifiedOn", "Date the referrer was notified of the allocation"),
    Field::date("pspCheckedOn", "Date the PSP was checked"),
    Field::boolean("pspCaseNoteAdded", "Whether a case note of the PSP check was added to Protocol"),
    Field::date("firstVisitOn", "Date of the first visit with the family"),
    Field::list("contacts", "Contacts regarding the family", &Kind::Object(CONTACT), 200)
        .help("Each contact regarding the family, with when the case record was updated: within 48 hours."),
    Field::list("visits", "Visits to the family", &Kind::Object(VISIT), 200)
        .help("Planned support in the home runs 7 days a week from 7am to 8pm."),
    Field::date("firstFamilyCircleOn", "Date of the first Family Circle"),
    Field::list("familyCircleDates", "Date of a later Family Circle", &Kind::Date, 60),
    Field::date("earlyHelpAssessmentOn", "Date the early help assessment was completed"),
    Field::boolean("assessmentByReferrer", "Whether the referrer completed the early help assessment"),
    Field::date("earlyHelpSupportMeetingOn", "Date of the early help support meeting"),
    Field::date("closureDirectedOn", "Date the case was directed to close"),
    Field::date("closureSummaryOn", "Date the closure summary and end of involvement were completed"),
];
