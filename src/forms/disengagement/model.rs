//! The disengagement record as submitted: every field optional, read leniently.

use crate::engine::model::Field;

pub const OUTCOMES: &[&str] = &["closed", "re-engaged", "referred-family-connect"];
/// "Refer to Family Connect if risks of disengagement leave the child at risk of harm."
const OUTCOME_TITLES: &[(&str, &str)] = &[("referred-family-connect", "Referred to Family Connect")];

/// What was done to re-engage the family when risks were identified (002, "STRENGTHENING FAMILIES STANDARD
/// OPERATING PROCEDURE FOR DISENGAGEMENT": joint visit, multi-agency partners, other access routes, creative
/// approaches).
pub const RE_ENGAGEMENT: &[Field] = &[
    Field::boolean("jointVisit", "Whether the referring agency was contacted to arrange a joint visit"),
    Field::boolean("partnersContacted", "Whether multi-agency partners were contacted"),
    Field::boolean("otherRoutes", "Whether other access routes were looked at"),
    Field::boolean("creative", "Whether creative approaches were used to re-engage the family"),
];

pub const FIELDS: &[Field] = &[
    Field::integer("faceToFaceContacts", "Number of face to face contacts from a practitioner", 0, 1000)
        .required_with("Enter the ")
        .help("Disengagement applies only after at least 1 face to face contact."),
    Field::date("discussedInSupervisionOn", "Date the disengagement was discussed in case supervision")
        .required_with("Enter the "),
    Field::boolean("risksIdentified", "Whether risks were identified")
        .required("Select whether the team leader or senior identified risks"),
    Field::long_text("riskFactorsAndStrengths", "Risk factors and strengths"),
    Field::boolean("referredByFamilyConnect", "Whether the referrer is Family Connect")
        .help("When the referrer is Family Connect, no copy of the letter is sent to the referrer."),
    Field::date("letterSentOn", "Date the letter was sent to the family"),
    Field::boolean(
        "letterIncludesDutyDetails",
        "Whether the letter gives the details of the duty practitioner service",
    ),
    Field::boolean("referrerNotified", "Whether a copy of the letter was sent to the referrer"),
    Field::object("reEngagementAttempts", "Attempts to re-engage the family", RE_ENGAGEMENT),
    Field::boolean("childAtRiskOfHarm", "Whether the risks of disengagement leave the child at risk of harm")
        .help("The re-assessment of the risk of disengagement, if disengagement continues."),
    Field::choice("outcome", "Outcome", OUTCOMES).titles(OUTCOME_TITLES).required_with("Select the "),
    Field::date("closedOn", "Date the case was closed"),
];

/// How many of the re-engagement attempts are recorded as made.
pub fn attempt_keys() -> impl Iterator<Item = &'static str> {
    RE_ENGAGEMENT.iter().map(|f| f.name)
}
