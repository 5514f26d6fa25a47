//! Every form: one module per form, named by its id. Each has its model (fields), its rules (one declaration and
//! one check function per rule) and its outcome.

pub mod case_audit;
pub mod direct_observation;
pub mod group_qa_visit;
pub mod incredible_years_checklist;
pub mod practice_standards;
pub mod sf_referral;

use crate::engine::registry::FormDef;

/// Every form, in the order of the specification. Add a form here once.
pub static ALL: &[&FormDef] = &[
    &sf_referral::FORM,
    &case_audit::FORM,
    &practice_standards::FORM,
    &direct_observation::FORM,
    &group_qa_visit::FORM,
    &incredible_years_checklist::FORM,
];
