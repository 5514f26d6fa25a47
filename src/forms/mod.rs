//! Every form: one module per form, named by its id. Each has its model (fields), its rules (one declaration and
//! one check function per rule) and its outcome.

pub mod da_triage;
pub mod disengagement;
pub mod family_ambassador;
pub mod return_home_interview;
pub mod sf_referral;
pub mod targeted_group;

use crate::engine::registry::FormDef;

/// Every form, in the order of the specification. Add a form here once.
pub static ALL: &[&FormDef] = &[
    &sf_referral::FORM,
    &disengagement::FORM,
    &return_home_interview::FORM,
    &targeted_group::FORM,
    &da_triage::FORM,
    &family_ambassador::FORM,
];
