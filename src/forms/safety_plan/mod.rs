//! Safety / wellbeing plan — `safety-plan` (003, all of it: "4 Step Safety/ Wellbeing planning", the timeline and its
//! template, the "SIGNS OF SAFETY [®] SAFETY PLANNING ROADMAP", and the topic prompts).

pub mod model;
pub mod placeholder;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree, STATUSES};
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
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("completeness", "Completeness", T::Number)
        .unit("fraction")
        .describe("The share of the plan's parts done, from 0 to 1."),
    Out::new("missing", "Parts missing", T::List(&T::choice(PART_LABELS))),
    Out::new("networkCount", "Safety network", T::Integer),
    Out::new("networkTarget", "Safety network needed", T::Integer).nullable(),
    Out::new("networkNeeded", "More people needed", T::Integer).nullable(),
    Out::new("nextReviewDue", "Next review due", T::Date).nullable(),
    Out::new("reviewStatus", "Review", T::choice(STATUSES)),
    Out::new("eitReviewDue", "Exploitation review due", T::Date).nullable(),
    Out::new("tasksTotal", "Tasks", T::Integer),
    Out::new("tasksCompleted", "Tasks completed", T::Integer),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data);
    rules::check(data, ctx, &facts);
    Some(outcome(data, ctx, &facts))
}

/// The parts a complete plan has, in the order of the guide: the danger statements and safety goals, the four steps
/// (bottom lines, timeline, who is involved, plan rules), the explanations for the child and the review timescale.
/// [`PARTS`] with their labels, as the safety plan page's roadmap names them (www/safety-plan.js `STEPS`, `ALSO`).
const PART_LABELS: &[Code] = &[
    code("danger-statements", "Danger statements and safety goals"),
    code("bottom-lines", "Step 1: bottom lines"),
    code("timeline", "Step 2: timeline"),
    code("network", "Step 3: who is involved"),
    code("plan-rules", "Step 4: plan rules"),
    code("child-version", "Child’s version of the plan"),
    code("words-and-pictures", "Words and Pictures explanation"),
    code("review-timescale", "Review timescale"),
];
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
fn outcome(data: &Map<String, Value>, ctx: &Ctx, f: &rules::Facts) -> Tree {
    let filled = |v: &Value, key: &str| v.as_object().is_some_and(|o| !read::is_blank(o.get(key)));
    let statements: Vec<&Value> = f.danger_statements.iter().filter(|v| !read::is_blank(Some(v))).collect();
    let danger_statements_done = !statements.is_empty()
        && statements.iter().all(|v| filled(v, "statement") && filled(v, "safetyGoal") && filled(v, "safetyScale"));
    let task_done = |v: &Value| {
        filled(v, "week")
            && v.as_object()
                .and_then(|r| read::object(r, "task"))
                .is_some_and(|t| ["what", "who", "why"].iter().all(|k| !read::is_blank(t.get(k))))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use crate::engine::value::{json, Value};

    use super::FORM;
    use crate::engine::options::{Options, Stage};
    use crate::engine::profile::Effective;
    use crate::engine::report::Severity;

    /// No seed gives a council another safety scale or EIT review interval, so no shipped profile changes them; a
    /// profile made for the test (as data, like any council's) shows that the rules read them from the profile.
    fn five_point_monthly() -> Value {
        json!({
            "id": "test-five-point-monthly",
            "title": "Test only",
            "values": { "safety-plan.maxScale": 5, "safety-plan.eitReviewMonths": 1 },
            "rules": { "SP-015": { "severity": "error" }, "SP-020": { "enabled": false } }
        })
    }

    fn options(profile: Option<&Value>) -> Options {
        let o = Options::new().today("2025-06-02").unwrap().stage(Stage::Submit);
        match profile {
            Some(p) => o.profile_value(&serde_json::Value::from(p)).unwrap(),
            None => o,
        }
    }

    fn run(profile: Option<&Value>, data: &Value) -> crate::engine::report::Report {
        let resolved = options(profile).resolve().unwrap();
        crate::api::run(&FORM, data.as_object().unwrap(), &resolved)
    }

    fn effective(profile: Option<&Value>) -> std::sync::Arc<Effective> {
        options(profile).resolve().unwrap().profile
    }

    fn codes_at(r: &crate::engine::report::Report, code: &str) -> Vec<(String, Severity)> {
        r.with_code(code).map(|d| (d.path.clone(), d.severity)).collect()
    }

    #[test]
    fn the_scale_and_the_eit_interval_come_from_the_profile() {
        let data = json!({
            "topics": ["exploitation"],
            "eitReviewedOn": "2025-04-15",
            "dangerStatements": [{ "statement": "A", "safetyGoal": "B", "safetyScale": 6 }]
        });
        // Default: 6 is within 0 to 10; 15 April + 3 months = 15 July, not overdue; no Words and Pictures at submit.
        let base = run(None, &data);
        assert!(codes_at(&base, "SP-003").is_empty());
        assert!(codes_at(&base, "SP-015").is_empty());
        assert_eq!(codes_at(&base, "SP-020"), vec![("/wordsAndPicturesOn".into(), Severity::Warning)]);
        assert_eq!(base.outcome.as_ref().unwrap()["eitReviewDue"], "2025-07-15");
        // The test profile: 6 is beyond 0 to 5; 15 April + 1 month = 15 May, overdue and re-graded an error;
        // Words and Pictures switched off.
        let test = five_point_monthly();
        let mine = run(Some(&test), &data);
        assert_eq!(codes_at(&mine, "SP-003"), vec![("/dangerStatements/0/safetyScale".into(), Severity::Error)]);
        assert!(mine.with_code("SP-003").all(|d| d.message.contains("between 0 and 5")));
        assert_eq!(codes_at(&mine, "SP-015"), vec![("/eitReviewedOn".into(), Severity::Error)]);
        assert_eq!(mine.with_code("SP-015").next().unwrap().due.as_deref(), Some("2025-05-15"));
        assert!(mine.with_code("SP-015").all(|d| d.message.contains("every 1 month:")));
        assert!(codes_at(&mine, "SP-020").is_empty());
        assert_eq!(mine.outcome.as_ref().unwrap()["eitReviewDue"], "2025-05-15");
        // The catalogue shows the profile's values.
        let info = super::rules::SCALE_RANGE.info(FORM.id, &effective(Some(&test)));
        assert_eq!((info.parameters[0].value, info.parameters[0].default), (5, 10));
        assert!(!super::rules::WORDS_AND_PICTURES.info(FORM.id, &effective(Some(&test))).enabled);
    }
}
