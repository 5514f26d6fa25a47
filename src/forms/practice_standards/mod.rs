//! Standards of practice (timescales) — `practice-standards` (002, "ATTACHMENT TWO – SF STANDARDS OF PRACTICE").
//! A case's key event dates checked against every timescale at once; used by data-quality reports.

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;
use crate::engine::timescale::Status;

pub static FORM: FormDef = FormDef {
    id: "practice-standards",
    title: "Standards of practice (timescales)",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The standards of practice (`rules`), each labelled with the seed's wording its rows carry as `title`.
const STANDARDS: &[Code] = &[
    code("family-contact", "Following Allocation, contact to be made with families"),
    code("referrer-notified", "Referrer notified following allocation"),
    code("psp-checked", "PSP to be checked – case note added to Protocol."),
    code("first-visit", "First Visit with the family to be made"),
    code("first-family-circle", "First Family Circle to be completed."),
    code("early-help-assessment", "Early Help Assessment to be completed (unless completed by referrer)"),
    code("closure-summary", "When directed close a case. Closure summary and end of involvement to be completed."),
    code("records-updated", "Following any contact regarding the family – case records to be updated."),
    code("early-help-support-meeting", "Early Help Support Meeting"),
    code("ongoing-family-circle", "Ongoing Family Circles"),
];
const ROW: &[Out] = &[
    Out::new("standard", "Standard", T::choice(STANDARDS)),
    Out::new("title", "Title", T::Text),
    Out::new("due", "Due", T::When).nullable().describe("A date, or a date and time for a standard measured in hours."),
    Out::new("metOn", "Met on", T::When).nullable(),
    Out::new("status", "Status", T::choice(STATUSES)),
    Out::new("contact", "Contact", T::Integer)
        .optional()
        .describe("Contact rows only: which contact (1 for the first)."),
    Out::new("early", "Early", T::Bool)
        .optional()
        .describe("Present (true) when the standard was met before it was due."),
    Out::new("from", "From", T::Date)
        .nullable()
        .optional()
        .describe("The day the timescale starts, where it is not the referral."),
    Out::new("after", "After", T::Date)
        .optional()
        .describe("Family Circle rows only: the circle the standard follows."),
];
const COUNTS: &[Out] = &[
    Out::new("met", "Met", T::Integer),
    Out::new("metLate", "Met late", T::Integer),
    Out::new("due", "Due", T::Integer),
    Out::new("dueSoon", "Due soon", T::Integer),
    Out::new("overdue", "Overdue", T::Integer),
    Out::new("notApplicable", "Not applicable", T::Integer),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("standards", "Standards", T::List(&T::Object(ROW))),
    Out::new("counts", "Counts", T::Object(COUNTS)).describe("How many standards stand at each status."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let rows = rules::check(data, ctx);
    Some(outcome(&rows))
}

/// One row per standard (one per contact for the 48-hour standard, one per Family Circle for the ongoing circles),
/// and how many rows stand where.
fn outcome(rows: &[rules::Row]) -> Tree {
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
    json!({
        "standards": rows.iter().map(rules::Row::to_json).collect::<Vec<_>>(),
        "counts": {
            "met": count(Status::Met),
            "metLate": count(Status::MetLate),
            "due": count(Status::Due),
            "dueSoon": count(Status::DueSoon),
            "overdue": count(Status::Overdue),
            "notApplicable": count(Status::NotApplicable),
        },
    })
}
