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
    #[cfg(feature = "sf-referral")]
    &sf_referral::FORM,
    #[cfg(feature = "sf-allocation")]
    &sf_allocation::FORM,
    #[cfg(feature = "early-help-plan")]
    &early_help_plan::FORM,
    #[cfg(feature = "family-circle")]
    &family_circle::FORM,
    #[cfg(feature = "case-closure")]
    &case_closure::FORM,
    #[cfg(feature = "case-transfer")]
    &case_transfer::FORM,
    #[cfg(feature = "disengagement")]
    &disengagement::FORM,
    #[cfg(feature = "return-home-interview")]
    &return_home_interview::FORM,
    #[cfg(feature = "targeted-group")]
    &targeted_group::FORM,
    #[cfg(feature = "da-triage")]
    &da_triage::FORM,
    #[cfg(feature = "case-audit")]
    &case_audit::FORM,
    #[cfg(feature = "practice-standards")]
    &practice_standards::FORM,
    #[cfg(feature = "direct-observation")]
    &direct_observation::FORM,
    #[cfg(feature = "group-qa-visit")]
    &group_qa_visit::FORM,
    #[cfg(feature = "incredible-years-checklist")]
    &incredible_years_checklist::FORM,
    #[cfg(feature = "supervision-contract")]
    &supervision_contract::FORM,
    #[cfg(feature = "supervision-record")]
    &supervision_record::FORM,
    #[cfg(feature = "supervision-log")]
    &supervision_log::FORM,
    #[cfg(feature = "supervision-audit")]
    &supervision_audit::FORM,
    #[cfg(feature = "casework-supervision")]
    &casework_supervision::FORM,
    #[cfg(feature = "workbook-summary")]
    &workbook_summary::FORM,
    #[cfg(feature = "family-programme")]
    &family_programme::FORM,
    #[cfg(feature = "group-supervision")]
    &group_supervision::FORM,
    #[cfg(feature = "core-group")]
    &core_group::FORM,
    #[cfg(feature = "child-file")]
    &child_file::FORM,
    #[cfg(feature = "workbook-eligibility")]
    &workbook_eligibility::FORM,
    #[cfg(feature = "safety-plan")]
    &safety_plan::FORM,
    #[cfg(feature = "family-ambassador")]
    &family_ambassador::FORM,
];
