//! The Family Programme as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind};
pub use crate::forms::workbook_summary::model::{ADULT_WORKER_ROLES, MODULE_IDS, ROLES};

pub const PLAN_TYPES: &[&str] = &["child-in-need", "child-protection", "children-we-care-for"];

pub const SIGN_OFF_REASONS: &[&str] =
    &["second-rcpc", "nine-month-cin-review", "significant-change", "annual", "closure", "step-up-down", "court"];
/// "Step Up/Step Down decisions".
const SIGN_OFF_TITLES: &[(&str, &str)] = &[("step-up-down", "Step up or step down")];

const AUTHOR: &[Field] = &[Field::text("name", "Author’s name"), Field::choice("role", "Author’s role", ROLES)];

const ENTRY: &[Field] = &[
    Field::date("date", "Date of the entry"),
    Field::object("author", "Author", AUTHOR),
    Field::long_text("text", "Entry"),
    Field::list("summarises", "Role of the adult worker whose interventions the entry summarises", &Kind::Enum(ADULT_WORKER_ROLES), 5)
        .help("For a social worker’s entry in modules 5 and 6 that summarises the interventions of the adult specialist workers."),
];

const MODULE: &[Field] = &[
    Field::list("entries", "Entries", &Kind::Object(ENTRY), 200),
    Field::boolean("complete", "Whether the module is complete"),
    Field::date("completedOn", "Date the module was completed"),
];

const MODULES: &[Field] = &[
    Field::object("1", "Module 1: why are we involved?", MODULE),
    Field::object("2", "Module 2: parent and family history", MODULE),
    Field::object("3", "Module 3: parent’s understanding of the impact of behaviour", MODULE),
    Field::object("4", "Module 4: direct work with children", MODULE),
    Field::object("4a", "Module 4a", MODULE),
    Field::object("5", "Module 5: parenting capacity (part 1)", MODULE),
    Field::object("6", "Module 6: parenting capacity (part 2)", MODULE),
    Field::object("7", "Module 7: analysis and recommendations", MODULE),
    Field::object("8", "Module 8: parent’s comments and views", MODULE),
];

const SIGN_OFF: &[Field] = &[
    Field::boolean("requested", "Whether sign-off as a completed assessment is requested"),
    Field::choice("reason", "Reason for the sign-off", SIGN_OFF_REASONS).titles(SIGN_OFF_TITLES),
    Field::date("managementOversightOn", "Date of the management oversight case note"),
    Field::date("completedOn", "Date the sign-off was completed"),
];

const MILESTONES: &[Field] = &[
    Field::date("secondRcpcOn", "Date of the second review child protection conference"),
    Field::date("nineMonthCinReviewOn", "Date of the 9-month child in need review"),
    Field::date("significantChangeOn", "Date of the latest significant change in the family"),
    Field::date("lastCompletedOn", "Date the Family Programme was last completed as an assessment"),
];

pub const FIELDS: &[Field] = &[
    Field::text("child", "Child’s name").required_with("Enter the "),
    Field::choice("planType", "Type of plan", PLAN_TYPES).required_with("Select the "),
    Field::date("startedOn", "Date the introduction and intervention began")
        .required_with("Enter the "),
    Field::long_text("caseWorkerSummary", "Case worker summary"),
    Field::long_text("keyInformation", "Key information"),
    Field::object("modules", "Modules", MODULES),
    Field::date("supportAndAssessmentPlannerOn", "Date the Support and Assessment Planner was completed")
        .help("Module 1: completed with the parents at the first joint handover visit."),
    Field::boolean("culturalGenogram", "Whether the cultural genogram is complete").help("Module 2."),
    Field::boolean("ecomap", "Whether the ecomap is complete").help("Module 2."),
    Field::date("familyNetworkMeetingOn", "Date of the family and friends network meeting").help("Module 2."),
    Field::list("adultWorkersInvolved", "Role of an adult worker involved", &Kind::Enum(ADULT_WORKER_ROLES), 10),
    Field::object("signOff", "Sign-off", SIGN_OFF),
    Field::object("milestones", "Milestones", MILESTONES),
    Field::boolean("otherProgrammeOpen", "Whether another Family Programme is open for the family")
        .help("Two programmes are open only when needed, for example for separated parents who do not consent to share information."),
    Field::long_text("separateProgrammeReason", "Reason a separate Family Programme is open"),
];
