//! The supervision contract as submitted (002, "Appendix A: A Contract for Supervision"): every field optional,
//! read leniently.

use crate::engine::model::Field;

pub const FIELDS: &[Field] = &[
    Field::text("supervisor", "Supervisor").required("Enter the supervisor’s name"),
    Field::text("supervisee", "Supervisee").required("Enter the supervisee’s name"),
    Field::text("superviseeRole", "Supervisee’s role"),
    Field::integer("frequencyWeeks", "Frequency of supervision sessions, in weeks", 1, 52)
        .required("Enter how often the supervision sessions will be, in weeks"),
    Field::long_text("reasonForLessFrequent", "Reason supervision takes place less frequently")
        .help("Needed when the sessions are less frequent than the policy asks, for example for part-time workers."),
    Field::date("signedBySupervisee", "Date the supervisee signed the contract").required_with("Enter the "),
    Field::date("signedBySupervisor", "Date the supervisor signed the contract").required_with("Enter the "),
    Field::integer("reviewFrequencyMonths", "How often the contract is reviewed, in months", 1, 60)
        .required("Enter how often the contract will be reviewed, in months"),
    Field::date("lastReviewedOn", "Date the contract was last reviewed"),
    Field::date("uploadedOn", "Date the contract was uploaded to the supervisee’s record").required_with("Enter the "),
];
