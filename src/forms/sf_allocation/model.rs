//! The allocation outcome as recorded after the allocation meeting: every field optional, read leniently.

use crate::engine::model::{Field, Kind};
use crate::forms::sf_referral::model::ROUTES;

/// Who attends the allocation meeting (002, "STRENGTHENING FAMILIES WORK FLOW").
pub const ROLES: &[&str] =
    &["team-leader", "senior-practitioner", "senior-business-support", "healthy-child-programme-lead"];

/// The levels of need agreed at the meeting.
pub const LEVELS: &[&str] = &["universal", "vulnerable", "complex", "acute"];

/// What the meeting decides for the case.
pub const DECISIONS: &[&str] = &[
    "practitioner",
    "assistant",
    "targeted-group",
    "early-help-support-plan-meeting",
    "duty-visit",
    "universal-advice-closed",
];

/// Decisions that allocate the family to a worker for whole family working.
pub const ALLOCATING: &[&str] = &["practitioner", "assistant"];

/// The route of a referral from Family Connect: the referrer need not be notified (audit tool, "exception Family
/// Connect").
pub const FAMILY_CONNECT: &str = "family-connect-triage";

pub const FIELDS: &[Field] = &[
    Field::choice("referralRoute", "Referral route", ROUTES)
        .help("How the referral came in. A referral from Family Connect needs no notification to the referrer."),
    Field::date("meetingDate", "Date of the allocation meeting").required_with("Enter the "),
    Field::list("attendees", "Role at the allocation meeting", &Kind::Enum(ROLES), 10)
        .required("Select who attended the allocation meeting"),
    Field::choice("levelOfNeed", "Level of need", LEVELS).required_with("Select the "),
    Field::choice("decision", "Decision of the allocation meeting", DECISIONS).required_with("Select the "),
    Field::text("allocatedWorker", "Allocated worker"),
    Field::date("allocationDate", "Date of allocation"),
    Field::date("referrerNotifiedOn", "Date the referrer was told the outcome"),
    Field::date("firstContactOn", "Date of the first contact with the family"),
    Field::date("firstVisitOn", "Date of the first visit"),
    Field::date("pspCheckedOn", "Date the PSP was checked"),
    Field::date("unallocatedSince", "Date the case became unallocated")
        .help("For a case waiting for a worker; the meeting date is used when this is blank."),
    Field::date("reviewedOn", "Date the unallocated case was last reviewed"),
];
