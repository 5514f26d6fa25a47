//! The record of (personal) supervision as submitted (002, "APPENDIX B - RECORD OF SUPERVISION"): every field
//! optional, read leniently.

use crate::engine::model::Field;

/// One row of the Appendix B table: the item, the decisions taken and action required, by whom and timescale.
const ITEM: &[Field] = &[
    Field::boolean("discussed", "Whether the item was discussed"),
    Field::long_text("decisions", "Decisions taken and action required"),
    Field::text("byWhom", "Who will do the action"),
    Field::date("timescale", "Date the action is due"),
];

/// The rows of the Appendix B table, in its order: (key, label).
pub const ITEMS: &[(&str, &str)] = &[
    ("agenda", "Agenda items"),
    ("training", "Training"),
    ("rolesAndResponsibilities", "Roles and responsibilities"),
    ("healthAndSafety", "Health and safety"),
    ("holidaysToilFlexi", "Holidays, TOIL or flexi"),
    ("caseloadDecisions", "Caseload decisions and actions recorded on Protocol"),
];

/// The key of the caseload row, which only points to Protocol.
pub const CASELOAD: &str = "caseloadDecisions";

const ITEM_FIELDS: &[Field] = &[
    Field::object("agenda", "Agenda items", ITEM),
    Field::object("training", "Training", ITEM),
    Field::object("rolesAndResponsibilities", "Roles and responsibilities", ITEM),
    Field::object("healthAndSafety", "Health and safety", ITEM),
    Field::object("holidaysToilFlexi", "Holidays, TOIL or flexi", ITEM),
    Field::object("caseloadDecisions", "Caseload decisions and actions recorded on Protocol", ITEM).help(
        "Casework decisions are recorded on Protocol, on the child’s file: this row points to them and names no child.",
    ),
];

pub const FIELDS: &[Field] = &[
    Field::text("supervisee", "Name of the supervisee").required_with("Enter the "),
    Field::text("supervisor", "Name of the supervisor").required_with("Enter the "),
    Field::date("date", "Date of the supervision session").required_with("Enter the "),
    Field::datetime("nextAt", "Date and time of the next supervision").required_with("Enter the "),
    Field::integer("frequencyWeeks", "Frequency agreed in the supervision contract, in weeks", 1, 52)
        .help("How often the supervision contract says sessions are held; when blank, the policy’s frequency is used."),
    Field::object("items", "Items discussed", ITEM_FIELDS),
    Field::long_text("wellbeing", "Wellbeing and support")
        .help("What has been most rewarding and what has caused the most difficulty or distress, and any actions."),
    Field::boolean("disagreed", "Whether the supervisor and supervisee disagreed about anything"),
    Field::long_text("disagreementNotes", "Notes of the disagreement"),
    Field::date("signedSupervisee", "Date the supervisee signed the record").required_with("Enter the "),
    Field::date("signedSupervisor", "Date the supervisor signed the record").required_with("Enter the "),
];
