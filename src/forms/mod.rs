//! Every form: one module per form, named by its id. Each has its model (fields), its rules (one declaration and
//! one check function per rule) and its outcome.

pub mod child_file;
pub mod core_group;
pub mod family_programme;
pub mod group_supervision;
pub mod sf_referral;
pub mod workbook_eligibility;
pub mod workbook_summary;

use crate::engine::registry::FormDef;

/// Every form, in the order of the specification. Add a form here once.
pub static ALL: &[&FormDef] = &[
    &sf_referral::FORM,
    &workbook_summary::FORM,
    &family_programme::FORM,
    &group_supervision::FORM,
    &core_group::FORM,
    &child_file::FORM,
    &workbook_eligibility::FORM,
];
