//! Early help assessment / support plan — `early-help-plan` (002, "STRENGTHENING FAMILIES INTERNAL EARLY HELP
//! ASSESSMENT/SUPPORT PLAN", "STRENGTHENING FAMILIES EXTERNAL EARLY HELP ASSESSMENT/EARLY HELP SUPPORT PLAN",
//! Attachment Two "STRENGTHENING FAMLIES STANDARDS OF PRACTICE").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar::format_date;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "early-help-plan",
    title: "Early help assessment or support plan",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The plan's standards (`rules::timescales`), as the timescales' description names them.
const STANDARDS: &[Code] = &[
    code("sent-for-authorisation", "Sending for authorisation"),
    code("assessment-completed", "Completing the assessment"),
    code("support-meeting", "Support meeting"),
];
/// Who the plan goes to for authorisation (`model::AUTHORISERS`; rule EHP-003: "the team leader, all others to a
/// senior").
const AUTHORISERS: &[Code] = &[code("team-leader", "Team leader"), code("senior", "Senior")];
const ROW: &[Out] = &[
    Out::new("standard", "Standard", T::choice(STANDARDS)),
    Out::new("due", "Due", T::Date).nullable(),
    Out::new("metOn", "Met on", T::Date).nullable(),
    Out::new("status", "Status", T::choice(STATUSES)),
    Out::new("from", "From", T::Date)
        .nullable()
        .optional()
        .describe("The support meeting's row only: the day its timescale starts."),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("sendForAuthorisationBy", "Send for authorisation by", T::Date)
        .nullable()
        .describe("The deadline to send the plan for authorisation."),
    Out::new("sendTo", "Send to", T::choice(AUTHORISERS))
        .nullable()
        .describe("Who the plan is sent to for authorisation."),
    Out::new("openUntil", "Open until", T::Date).nullable().describe("The day the plan stays open until."),
    Out::new("timescales", "Timescales", T::List(&T::Object(ROW)))
        .describe("Sending for authorisation, completing the assessment and the support meeting."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(&facts))
}

/// When to send the plan for authorisation and to whom, how long it stays open, and where each timescale stands.
fn outcome(f: &rules::Facts) -> Tree {
    let mut meeting = f.support_meeting.to_json();
    meeting.set("from", json!(f.support_meeting_from.map(format_date)));
    json!({
        "sendForAuthorisationBy": f.sent_for_authorisation.due.map(format_date),
        "sendTo": f.send_to,
        "openUntil": f.open_until.map(format_date),
        "timescales": [f.sent_for_authorisation.to_json(), f.assessment_completed.to_json(), meeting],
    })
}
