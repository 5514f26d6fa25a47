//! Allocation outcome — `sf-allocation` (002, "STRENGTHENING FAMILIES WORK FLOW", "STRENGTHENING FAMILIES STANDARD
//! OPERATING PROCEDURES MANAGEMENT OF UNALLOCATED CASES", Attachment Two "STRENGTHENING FAMLIES STANDARDS OF
//! PRACTICE", the audit tool's "exception Family Connect").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, deadline_row, Code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "sf-allocation",
    title: "Allocation outcome",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The outcome this form computes (see `engine::outcome`).
/// The allocation's standards (`rules`), as the timescales' description names them.
const STANDARDS: &[Code] = &[
    code("referrer-notified", "Telling the referrer"),
    code("family-contact", "Contact with the family"),
    code("psp-checked", "PSP check"),
    code("first-visit", "First visit"),
    code("unallocated-review", "Review of an unallocated case"),
];
const ROW: &[Out] = &deadline_row(STANDARDS);
/// Where the case goes after the decision (`outcome`), as the work flow names the statuses.
const CASE_STATUSES: &[Code] = &[
    code("family-support-work-referral-allocated", "Family support work: referral allocated"),
    code("family-support-work-to-be-allocated", "Family support work: to be allocated"),
    code("targeted-group-work", "Targeted group work"),
    code("whole-family-work-duty", "Whole family work: duty"),
    code("closed", "Closed"),
];
pub static OUTCOME: &[Out] = &[
    Out::new("caseStatus", "Case status", T::choice(CASE_STATUSES)).nullable().describe("Where the case goes after the meeting's decision; null before a decision."),
    Out::new("allocated", "Allocated", T::Bool).describe("A worker and an allocation date are recorded."),
    Out::new("referrerNotificationRequired", "Referrer must be told", T::Bool).describe("False for a referral from Family Connect, which needs no notification."),
    Out::new("timescales", "Timescales", T::List(&T::Object(ROW))).describe("One row per standard: telling the referrer, contact with the family, the PSP check, the first visit and the review of an unallocated case."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

/// The case status the work flow sets for the decision, and where each standard of practice stands.
fn outcome(f: &rules::Facts) -> Tree {
    let case_status = match f.decision.as_deref() {
        Some("practitioner" | "assistant") if f.allocated => Some("family-support-work-referral-allocated"),
        Some("practitioner" | "assistant") => Some("family-support-work-to-be-allocated"),
        Some("targeted-group") => Some("targeted-group-work"),
        Some("early-help-support-plan-meeting" | "duty-visit") => Some("whole-family-work-duty"),
        Some("universal-advice-closed") => Some("closed"),
        _ => None,
    };
    json!({
        "caseStatus": case_status,
        "allocated": f.allocated,
        "referrerNotificationRequired": !f.from_family_connect,
        "timescales": [
            f.referrer_notified.to_json(),
            f.family_contact.to_json(),
            f.psp_checked.to_json(),
            f.first_visit.to_json(),
            f.unallocated_review.to_json(),
        ],
    })
}
