//! The targeted group support plan and attendance record as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};

pub const PROGRAMMES: &[&str] = &["incredible-years", "freedom", "me-my-child-domestic-abuse"];
/// The domestic abuse programmes (002, "STRENGTHENING FAMILIES STANDARD OPERATING PROCEDURES FOR DOMESTIC ABUSE
/// SUPPORT GROUPS").
pub const DOMESTIC_ABUSE_PROGRAMMES: &[&str] = &["freedom", "me-my-child-domestic-abuse"];
/// "Freedom Programme and Me My Child and Domestic Abuse".
const PROGRAMME_TITLES: &[(&str, &str)] = &[("me-my-child-domestic-abuse", "Me, My Child and Domestic Abuse")];
pub const CASE_STATUSES: &[&str] = &["waiting", "attending", "ended"];

const SESSION: &[Field] = &[
    Field::date("date", "Date of the session").required_with("Enter the "),
    Field::number("hours", "Length of the session", 0, 24)
        .required("Enter the length of the session in hours")
        .help("In hours."),
    Field::text("activity", "Activity"),
    Field::boolean("attended", "Whether the parent attended the session"),
];

pub const FIELDS: &[Field] = &[
    Field::choice("programme", "Programme", PROGRAMMES).titles(PROGRAMME_TITLES).required_with("Select the "),
    Field::boolean("consent", "Whether consent was given").required_with("Select "),
    Field::choice("caseStatus", "Case status", CASE_STATUSES),
    Field::text("supportNeed", "Support need"),
    Field::text("identifiedSupportArea", "Identified support area").help("Only one can be selected."),
    Field::long_text("whatNeedsToBeAchieved", "What needs to be achieved"),
    Field::long_text("howAndByWhom", "How this will be achieved and by whom"),
    Field::long_text("expectedOutcomes", "Expected outcomes"),
    Field::date("dateGoalSet", "Date goal set").help("The date the referral was agreed."),
    Field::date("goalTargetDate", "Goal complete target date").help("The date the course commences."),
    Field::date("dateGoalCompleted", "Date goal completed").help("The date the course finishes."),
    Field::list("sessions", "Sessions", &Kind::Object(SESSION), 60)
        .help("Each session’s time spent; attendance is recorded here, not in the case notes."),
    Field::date("outcomeAchieved", "Date the outcome was achieved").help("Completed at the end of the course."),
    Field::text("actualOutcome", "Actual outcome"),
    Field::boolean("practitionerStillWorking", "Whether a practitioner is still working with the child"),
    Field::date("episodeClosedOn", "Date the episode was closed"),
    // Incredible Years (002, "STRENGTHENING FAMILIES INCREDIBLE YEARS REFERRAL").
    Field::date("courseStartOn", "Date the course starts")
        .help("Incredible Years: the first session. When blank, the goal complete target date is used."),
    Field::date("venueAndCrecheSecuredOn", "Date the venue and crèche workers were secured"),
    Field::date("preMeasuresOn", "Date the pre-measures were given"),
    Field::date("booksGivenOn", "Date the books were given"),
    Field::date("peerSupportOn", "Date of the facilitators’ peer support"),
    Field::date("qaOn", "Date of the quality assurance visit"),
    Field::date("postMeasuresOn", "Date the post-measures and evaluation were completed"),
    Field::list("weeklyCalls", "Date of a weekly telephone call to attendees", &Kind::Date, 60),
    Field::list("leadCheckIns", "Date a lead checked in with the facilitators", &Kind::Date, 60),
];
