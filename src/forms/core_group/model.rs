//! A core group record, which is also the social worker's report to the review child protection conference, as
//! submitted. The seed links to its checklist and pro-forma without reproducing them: the content fields are
//! interpreted.

use crate::engine::model::{Field, Kind};

const ATTENDEE: &[Field] = &[
    Field::text("name", "Name of the person at the core group"),
    Field::text("role", "Role of the person at the core group"),
    Field::text("agency", "Agency of the person at the core group"),
    Field::boolean("present", "Whether the person was present"),
];

const CHECKLIST_ITEM: &[Field] =
    &[Field::text("item", "Checklist item"), Field::boolean("answer", "Whether the checklist item is met")];

pub const FIELDS: &[Field] = &[
    Field::date("date", "Date of the core group").required_with("Enter the "),
    Field::date("conferenceDate", "Date of the review child protection conference").required_with("Enter the "),
    Field::list("attendees", "People at the core group", &Kind::Object(ATTENDEE), 40),
    Field::long_text("planProgress", "Progress of the child protection plan").required_with("Enter the "),
    Field::long_text("childViews", "Views of the child").required_with("Enter the "),
    Field::long_text("parentViews", "Views of the parents").required_with("Enter the "),
    Field::long_text("analysis", "Analysis").required_with("Enter the social worker’s "),
    Field::list("checklist", "Core group checklist", &Kind::Object(CHECKLIST_ITEM), 40)
        .help("The items of the council’s core group checklist, each answered yes or no."),
];
