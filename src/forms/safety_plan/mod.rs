//! Safety / wellbeing plan — `safety-plan` (003, all of it: "4 Step Safety/ Wellbeing planning", the timeline and its
//! template, the "SIGNS OF SAFETY [®] SAFETY PLANNING ROADMAP", and the topic prompts).

pub mod model;
pub mod placeholder;
pub mod rules;

use serde_json::{json, Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::read;
use crate::engine::registry::FormDef;
use crate::engine::timescale::{self, DUE_SOON_DAYS};

pub static FORM: FormDef = FormDef {
    id: "safety-plan",
    title: "Safety / wellbeing plan",
    source: "003_983e3a730935a86c.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    check,
    carry_forward: None,
};

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Value> {
    let facts = rules::facts(data);
    rules::check(data, ctx, &facts);
    Some(outcome(data, ctx, &facts))
}

/// The parts a complete plan has, in the order of the guide: the danger statements and safety goals, the four steps
/// (bottom lines, timeline, who is involved, plan rules), the explanations for the child and the review timescale.
pub const PARTS: &[&str] = &[
    "danger-statements",
    "bottom-lines",
    "timeline",
    "network",
    "plan-rules",
    "child-version",
    "words-and-pictures",
    "review-timescale",
];

/// Completeness and what is missing, the network against its target, the next review, the timeline's progress.
fn outcome(data: &Map<String, Value>, ctx: &Ctx, f: &rules::Facts) -> Value {
    let filled = |v: &Value, key: &str| v.as_object().is_some_and(|o| !read::is_blank(o.get(key)));
    let statements: Vec<&Value> = f.danger_statements.iter().filter(|v| !read::is_blank(Some(v))).collect();
    let danger_statements_done = !statements.is_empty()
        && statements.iter().all(|v| filled(v, "statement") && filled(v, "safetyGoal") && filled(v, "safetyScale"));
    let task_done = |v: &Value| {
        filled(v, "week")
            && v.as_object()
                .and_then(|r| read::object(r, "task"))
                .is_some_and(|t| ["what", "who", "why"].iter().all(|k| !read::is_blank(t.get(*k))))
    };
    let timeline_done = !f.timeline.is_empty() && f.timeline.iter().all(task_done);
    let network_done = f.network_target.is_some_and(|t| f.network_count >= t);
    let child_version = read::object(data, "childVersion").and_then(|v| read::date(v, "createdOn")).is_some();
    let done = [
        danger_statements_done,
        !read::list(data, "bottomLines").iter().all(|v| read::is_blank(Some(v))),
        timeline_done,
        network_done,
        rules::plan_rules_missing(f).is_empty(),
        child_version,
        read::date(data, "wordsAndPicturesOn").is_some(),
        f.review_every.is_some(),
    ];
    let missing: Vec<&str> = PARTS.iter().zip(done).filter(|(_, d)| !d).map(|(p, _)| *p).collect();
    let parts_done = PARTS.len().saturating_sub(missing.len());
    let completeness = ratio(parts_done, PARTS.len());

    let next_review = rules::next_review(data, f, ctx.today);
    let review_status = next_review
        .map_or(timescale::Status::NotApplicable, |due| timescale::status(due, None, ctx.today, DUE_SOON_DAYS));
    let eit_due = if f.has_topic("exploitation") { rules::eit_due(data, ctx) } else { None };
    let tasks_completed =
        f.timeline.iter().filter(|v| v.as_object().and_then(|r| read::boolean(r, "completed")) == Some(true)).count();
    json!({
        "completeness": completeness,
        "missing": missing,
        "networkCount": f.network_count,
        "networkTarget": f.network_target,
        "networkNeeded": f.network_target.map(|t| t.saturating_sub(f.network_count).max(0)),
        "nextReviewDue": next_review.map(calendar::format_date),
        "reviewStatus": review_status.as_str(),
        "eitReviewDue": eit_due.map(calendar::format_date),
        "tasksTotal": f.timeline.len(),
        "tasksCompleted": tasks_completed,
    })
}

/// `n / of`, to two decimals.
fn ratio(n: usize, of: usize) -> f64 {
    if of == 0 {
        return 0.0;
    }
    let r = n as f64 / of as f64;
    (r * 100.0).round() / 100.0
}
