//! Targeted group support plan and attendance — `targeted-group` (002, "Group Work - Targeted Intervention", "BSO TO
//! COMPLETE THIS SESSION WHEN COURSE COMMENCES Support & Costs", "STRENGTHENING FAMILIES STANDARD OPERATING
//! PROCEDURES FOR DOMESTIC ABUSE SUPPORT GROUPS", "STRENGTHENING FAMILIES INCREDIBLE YEARS REFERRAL").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "targeted-group",
    title: "Targeted group support plan and attendance",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The Incredible Years steps (`rules::iy_steps`), worded as the message that says one is due soon (TGP-IY).
const STEPS: &[Code] = &[
    code("venue-and-creche", "Secure the venue and crèche workers"),
    code("pre-measures", "Give the pre-measures"),
    code("books", "Give the books"),
    code("peer-support", "Hold the facilitators’ peer support"),
    code("qa", "Hold the quality assurance visit"),
    code("post-measures", "Complete the post-measures and evaluation"),
    code("weekly-calls", "Call the attendees every week of the course"),
    code("lead-check-ins", "Check in with the facilitators"),
];
/// A step's status: a timescale's ([`STATUSES`]), or done before its window opens (rules TGP-013, TGP-015: "early").
#[allow(clippy::indexing_slicing)] // Evaluated at compile time: an index out of bounds fails the build, never a check.
const STEP_STATUSES: &[Code] =
    &[STATUSES[0], STATUSES[1], STATUSES[2], STATUSES[3], STATUSES[4], STATUSES[5], code("early", "Early")];
const STEP: &[Out] = &[
    Out::new("step", "Step", T::choice(STEPS)),
    Out::new("due", "Due", T::Date),
    Out::new("status", "Status", T::choice(STEP_STATUSES)),
];
const IY: &[Out] = &[
    Out::new("courseStart", "Course start", T::Date).nullable(),
    Out::new("steps", "Steps", T::List(&T::Object(STEP))),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("sessionsRecorded", "Sessions recorded", T::Integer),
    Out::new("sessionsAttended", "Sessions attended", T::Integer),
    Out::new("removeFromWaitingList", "Remove from the waiting list", T::Bool),
    Out::new("courseFinished", "Course finished", T::Bool),
    Out::new("incredibleYears", "Incredible Years", T::Object(IY))
        .nullable()
        .describe("The Incredible Years programme's steps; null for another programme."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(data, &facts))
}

/// Sessions recorded and attended, whether the parent should come off the waiting list (domestic abuse groups),
/// whether the course has finished, and for Incredible Years each step's due date and where it stands.
fn outcome(data: &Map<String, Value>, f: &rules::Facts) -> Tree {
    let attended = f.sessions.iter().filter(|s| s.attended == Some(true)).count();
    let incredible_years = if f.programme.as_deref() == Some("incredible-years") {
        let steps: Vec<Tree> = f
            .steps
            .iter()
            .map(|s| {
                let status = if s.early { "early" } else { s.status.as_str() };
                json!({ "step": s.id, "due": calendar::format_date(s.due), "status": status })
            })
            .collect();
        json!({
            "courseStart": rules::course_start(data).map(calendar::format_date),
            "steps": steps,
        })
    } else {
        Tree::Null
    };
    json!({
        "sessionsRecorded": f.sessions.len(),
        "sessionsAttended": attended,
        "removeFromWaitingList": f.remove_from_waiting_list,
        "courseFinished": f.finished,
        "incredibleYears": incredible_years,
    })
}
