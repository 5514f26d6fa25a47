//! The transfer summary as recorded: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

/// Who authorised the transfer summary.
pub const AUTHORISER_ROLES: &[&str] = &["senior-practitioner", "team-leader", "practitioner", "assistant"];

pub const FIELDS: &[Field] = &[
    Field::local("fromLocality", "Locality the family is leaving").required_with("Select the "),
    Field::local("toLocality", "Receiving locality").required_with("Select the "),
    Field::list("outstandingTasks", "Outstanding task", &Kind::Text { max: 2000 }, 50)
        .help("Every task still to do; an empty list says there are none, but the question must be answered."),
    Field::boolean("formsUpToDate", "Whether all forms on Protocol are up to date").required_with("Select "),
    Field::boolean(
        "practitionerContinuesUntilAllocated",
        "Whether the practitioner continues with the family until the receiving hub allocates",
    )
    .required_with("Select "),
    Field::choice("authorisedBy", "Role of the person who authorised the transfer", AUTHORISER_ROLES),
    Field::date("authorisedOn", "Date the transfer was authorised"),
    Field::date(
        "receivingSeniorBsoOn",
        "Date the form was reassigned to the receiving hub’s senior business support officer",
    ),
    Field::date("takenToApmOn", "Date the transfer was taken to the APM"),
    Field::date("allocatedOn", "Date the receiving hub allocated the family"),
    Field::date("finalisedOn", "Date the transfer was finalised"),
];
