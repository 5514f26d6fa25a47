//! A quality assurance visit to a group as submitted (002, "ATTACHMENT FOUR" — "Quality Assurance Visit to
//! Groups"): every field optional, read leniently.

use crate::engine::model::{Field, Kind, LONG_TEXT_MAX};

pub const YES_NO: &[&str] = &["yes", "no"];

/// A part of the visit's checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub id: &'static str,
    pub title: &'static str,
}

pub const PARTS: &[Part] = &[
    Part { id: "overview", title: "Group overview" },
    Part { id: "parents", title: "Parents" },
    Part { id: "file", title: "File" },
];

/// One yes/no check of the visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// `<part>.<name>`: the key in `checks`.
    pub id: &'static str,
    pub part: &'static str,
    /// The seed's wording.
    pub text: &'static str,
}

const ANSWER: &[Field] = &[
    Field::choice("answer", "Yes or no answer", YES_NO).required("Select yes or no"),
    Field::new("comment", "Comment", Kind::Text { max: LONG_TEXT_MAX }),
];

/// Declares the checks once and makes both the table and the `checks` fields from it.
macro_rules! checks {
    ($( $id:literal, $part:literal, $topic:literal, $text:literal; )*) => {
        /// The 17 checks, in the order of the template, with the seed's wording.
        pub const CHECKS: &[Check] = &[ $( Check { id: $id, part: $part, text: $text } ),* ];
        /// The fields of `checks`: a yes/no answer and a comment per check, the seed's wording as help.
        pub const CHECK_FIELDS: &[Field] = &[ $(
            Field::object($id, concat!("Whether ", $topic), ANSWER)
                .required_with("Select yes or no for ")
                .help($text)
        ),* ];
    };
}

checks! {
    "overview.welcoming", "overview", "the atmosphere is welcoming",
        "Is the atmosphere welcoming?";
    "overview.activities-range", "overview", "there is a good range of activities",
        "Is there a good range of activities?";
    "overview.needs-met", "overview", "all children’s needs are met",
        "Are all children’s needs met?";
    "overview.flexibility", "overview", "there is flexibility in the activities",
        "Is there flexibility in the activities?";
    "overview.resources-enjoyed", "overview", "children are using and enjoying the resources",
        "Are children using and enjoying the resources?";
    "overview.role-modelling", "overview", "good practice is role modelled by staff",
        "Is good practice role modelled by staff?";
    "overview.space", "overview", "space is used effectively",
        "Is space utilised effectively?";
    "overview.ground-rules", "overview", "ground rules are adhered to and challenged if not",
        "Are ground rules adhered to and challenged if not?";
    "overview.safeguarding", "overview", "safeguarding concerns are addressed by staff",
        "Are safeguarding concerns addressed by staff?";
    "overview.promotion-literature", "overview", "relevant promotion literature is available",
        "Are relevant promotion literature available e.g. breastfeeding, family connect and other public health messages?";
    "parents.understand-purpose", "parents", "parents and carers understand the purpose of activities",
        "Do parent/carers understand the purpose of activities?";
    "parents.safe", "parents", "it is safe for children and parents",
        "Is it safe for children and parents?";
    "parents.one-to-one", "parents", "1:1 conversation and advice are available",
        "Is there availability for 1:1 conversation/advice and are parents aware of how to contribute to group.";
    "parents.positive-parenting", "parents", "positive parenting is encouraged",
        "Is positive parenting encouraged?";
    "file.up-to-date", "file", "the file is up to date",
        "Is the file up-to –date?";
    "file.risk-assessments", "file", "risk assessments are completed weekly",
        "Are Risk Assessments completed weekly.";
    "file.planning", "file", "planning is in place that reflects the session",
        "Is planning in place that reflects the session?";
}

pub const FIELDS: &[Field] = &[
    Field::text("staff", "Staff in the group"),
    Field::date("date", "Date of the visit").required_with("Enter the "),
    Field::text("carriedOutBy", "Carried out by").required("Enter who carried out the visit"),
    Field::text("groupName", "Name of the group").required_with("Enter the "),
    Field::object("checks", "Checks", CHECK_FIELDS)
        .required("Answer the checks of the visit")
        .help("A yes or no answer, with a comment, for each check of the template."),
    Field::list("wentWell", "Thing that went well in the group", &Kind::Text { max: 2000 }, 10)
        .required("Enter two things that went well in the group")
        .help("What two things went well in the group?"),
    Field::long_text("improvements", "What could be improved"),
    Field::date("previousVisitDate", "Date of the previous visit to the group"),
];
