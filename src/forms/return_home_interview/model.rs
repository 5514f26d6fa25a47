//! The return home interview (and the missing episodes it covers) as submitted: every field optional, read leniently.
//! Date-times are UK local wall-clock times, `YYYY-MM-DDTHH:MM`.

use crate::engine::model::{Field, Kind};

pub const AUTHORISERS: &[&str] = &["team-leader", "senior"];

const EPISODE: &[Field] = &[
    Field::datetime("reportedMissingAt", "Date and time reported missing")
        .required("Enter the date and time the police reported the child missing")
        .help("The police reported date and time: the start of the episode."),
    Field::datetime("foundAt", "Date and time found").required("Enter the date and time the child was found"),
    Field::new("crmNumber", "CRM number", Kind::Text { max: 64 }),
];

/// The tabs of the form that are completed before it is sent for authorisation.
pub const SECTIONS: &[Field] = &[
    Field::boolean("missingAndFound", "Whether the missing and found details are complete"),
    Field::boolean("interview", "Whether the interview section is complete"),
    Field::boolean("signatures", "Whether the signatures section is complete"),
];

const RETURN: &[Field] = &[
    Field::date("on", "Date the form was sent back to the case worker"),
    Field::long_text("caseNote", "Case note explaining the actions required"),
];

pub const FIELDS: &[Field] = &[
    Field::boolean("socialWorkerNotified", "Whether the social worker was notified in the email from Family Connect")
        .help("When the social worker was notified, Strengthening Families does not process the episode."),
    Field::list("episodes", "Missing episodes", &Kind::Object(EPISODE), 50)
        .required("Add the missing episode the interview covers")
        .help("One return home interview can cover several missing episodes."),
    Field::list("earlierEpisodes", "Date of an earlier missing episode", &Kind::Date, 200)
        .help("Missing episodes this interview does not cover, for the count of episodes in the last 90 days."),
    Field::datetime("formStartedAt", "Date and time the form was started"),
    Field::datetime("interviewAt", "Date and time of the interview"),
    Field::text("conductedBy", "Who conducted the interview"),
    Field::object("sections", "Sections of the form", SECTIONS),
    Field::date("sentForAuthorisationOn", "Date the form was sent for authorisation"),
    Field::list("returnedToCaseWorker", "Returns to the case worker", &Kind::Object(RETURN), 20),
    Field::choice("authorisedBy", "Who authorised the form", AUTHORISERS),
    Field::date("authorisedOn", "Date the form was authorised"),
    Field::date("finalisedOn", "Date the senior business support officer finalised the episode"),
    Field::boolean("sharedWithPolice", "Whether the finalised form was sent to the police"),
    Field::boolean("sentToFamilyConnect", "Whether the finalised form was sent to Family Connect"),
];
