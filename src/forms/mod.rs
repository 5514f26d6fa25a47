//! Every form: one module per form, named by its id. Each has its model (fields), its rules (one declaration and
//! one check function per rule) and its outcome.

pub mod case_audit;
pub mod case_closure;
pub mod case_transfer;
pub mod casework_supervision;
pub mod child_file;
pub mod core_group;
pub mod da_triage;
mod deadline;
pub mod direct_observation;
pub mod disengagement;
pub mod early_help_plan;
pub mod family_ambassador;
pub mod family_circle;
pub mod family_programme;
pub mod group_qa_visit;
pub mod group_supervision;
pub mod incredible_years_checklist;
pub mod practice_standards;
pub mod return_home_interview;
pub mod safety_plan;
pub mod sf_allocation;
pub mod sf_referral;
pub mod shared;
pub mod supervision_audit;
pub mod supervision_contract;
pub mod supervision_log;
pub mod supervision_record;
pub mod targeted_group;
pub mod workbook_eligibility;
pub mod workbook_summary;

use crate::engine::registry::FormDef;

/// Every form, in the order of the specification. Add a form here once.
pub static ALL: &[&FormDef] = &[
    &sf_referral::FORM,
    &sf_allocation::FORM,
    &early_help_plan::FORM,
    &family_circle::FORM,
    &case_closure::FORM,
    &case_transfer::FORM,
    &disengagement::FORM,
    &return_home_interview::FORM,
    &targeted_group::FORM,
    &da_triage::FORM,
    &case_audit::FORM,
    &practice_standards::FORM,
    &direct_observation::FORM,
    &group_qa_visit::FORM,
    &incredible_years_checklist::FORM,
    &supervision_contract::FORM,
    &supervision_record::FORM,
    &supervision_log::FORM,
    &supervision_audit::FORM,
    &casework_supervision::FORM,
    &workbook_summary::FORM,
    &family_programme::FORM,
    &group_supervision::FORM,
    &core_group::FORM,
    &child_file::FORM,
    &workbook_eligibility::FORM,
    &safety_plan::FORM,
    &family_ambassador::FORM,
];
