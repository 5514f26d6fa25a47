//! An early help assessment or support plan, internal or external, as recorded: every field optional, read
//! leniently.

use crate::engine::model::{Field, Kind};

pub const KINDS: &[&str] = &["assessment", "support-plan"];

/// Why an external EHA/EHSP was received.
pub const PURPOSES: &[&str] = &["referral", "information-only"];

/// Who the plan is sent to for authorisation.
pub const AUTHORISERS: &[&str] = &["team-leader", "senior"];

/// Who completed the record.
pub const COMPLETERS: &[&str] = &["business-support", "practitioner", "senior", "team-leader"];

/// The plan's eight sections; the row at index `n - 1` is section `n`.
pub const SECTION_COUNT: usize = 8;

/// The sections business support completes on an external EHA/EHSP (002: "Sections 1 and 2", "Section 4",
/// "Section 8").
pub const EXTERNAL_SECTIONS: &[usize] = &[1, 2, 4, 8];

/// The sections left empty on an external EHA/EHSP (002: "Section 5, 6 and 7 not to be completed").
pub const EXTERNAL_EMPTY_SECTIONS: &[usize] = &[5, 6, 7];

const SECTION: &[Field] = &[Field::boolean("complete", "Whether the section is complete")];

const PREVIOUS_PLAN: &[Field] = &[Field::date("authorisedOn", "Date the previous plan was authorised")];

pub const FIELDS: &[Field] = &[
    Field::choice("kind", "Type of early help record", KINDS)
        .required("Select whether this is an early help assessment or a support plan"),
    Field::boolean("internal", "Whether the plan is Strengthening Families’ own")
        .required("Select whether the plan is internal or external"),
    Field::choice("purpose", "Reason an external plan was received", PURPOSES)
        .help("External plans only: a referral, or for information only."),
    Field::boolean("initial", "Whether this is the initial assessment or support plan"),
    Field::date("allocationDate", "Date of allocation"),
    Field::boolean("completedByReferrer", "Whether the referrer completed the assessment"),
    Field::date("openedOn", "Date the plan was opened").required_with("Enter the "),
    Field::date("completedOn", "Date the assessment was completed"),
    Field::date("supportMeetingOn", "Date of the early help support meeting"),
    Field::date("sentForAuthorisationOn", "Date the plan was sent for authorisation"),
    Field::choice("sentTo", "Person the plan was sent to for authorisation", AUTHORISERS),
    Field::date("authorisedOn", "Date the plan was authorised"),
    Field::date("closedOn", "Date the plan was closed"),
    Field::object("previousPlan", "Previous plan", PREVIOUS_PLAN)
        .help("The plan before this one, when there was one: it must be authorised before this one opens."),
    Field::choice("completedBy", "Role of the person who completed the record", COMPLETERS),
    Field::list("sections", "Section", &Kind::Object(SECTION), 8)
        .help("Eight rows, section 1 first: whether each section is complete."),
    Field::boolean("practitionerScoresUploaded", "Whether the practitioner scores are uploaded"),
    Field::date("leadProfessionalContactedOn", "Date the lead professional was asked for missing scores"),
    Field::date("teamLeaderChasedOn", "Date the team leader chased the missing scores"),
    Field::boolean("originalAttached", "Whether the external plan is attached"),
    Field::boolean("consentCompleted", "Whether the consent box is completed")
        .help("External plans: business support completes the consent on receipt."),
    Field::boolean("auditCompleted", "Whether the team leader has completed the EHA/EHSP audit"),
    Field::long_text("outcome", "What is the outcome? (section 8)"),
];
