//! The record of supervision sessions as submitted (002, "Appendix C: Record of Supervision Sessions"): every field
//! optional, read leniently.

use crate::engine::model::{Field, Kind};

const SESSION: &[Field] = &[
    Field::datetime("at", "Date and time of the session").required_with("Enter the "),
    Field::new("initials", "Initials of the person supervised", Kind::Text { max: 10 })
        .help("Written when the supervision took place."),
    Field::boolean("missed", "Whether the session was missed"),
    Field::long_text("reason", "Why the session was missed"),
    Field::datetime("nextAt", "Date and time of the next session"),
    Field::text("recordsKeptAt", "Notes, for example where records are kept"),
];

pub const FIELDS: &[Field] = &[
    Field::text("name", "Name of the member of staff").required_with("Enter the "),
    Field::date("employmentStarted", "Date employment commenced"),
    Field::text("supervisor", "Supervisor").required("Enter the supervisor’s name"),
    Field::integer("frequencyWeeks", "Frequency of supervision, in weeks", 1, 52)
        .help("How often the supervision contract says sessions are held; when blank, the policy’s frequency is used."),
    Field::list("sessions", "Supervision sessions", &Kind::Object(SESSION), 200)
        .required("Add at least one supervision session"),
];
