//! The Family Circle rules: one declaration each, the check functions, and the closure route the circles allow.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, CLOSING};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::long_date;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::Status;
use crate::forms::deadline::Deadline;
use crate::msg;
use crate::rule;

const AUDIT_TOOL: &str = "STRENGTHENING FAMILIES - CASE AUDIT TOOL";

pub static FIRST_AFTER_EHA_WEEKS: Param = Param { key: "family-circle.firstAfterEhaWeeks", default: 6, unit: "weeks" };
pub static FIRST_AFTER_EHSP_WEEKS: Param =
    Param { key: "family-circle.firstAfterEhspWeeks", default: 8, unit: "weeks" };
pub static INTERVAL_WEEKS: Param = Param { key: "family-circle.intervalWeeks", default: 8, unit: "weeks" };

rule!(REQUIRED, "FCI-001", "missing-required-field", Error, Required,
    ["/allocationDate", "/assessmentKind", "/circles/*/date", "/circles/*/outcome", "/circles/*"],
    Cite::same(SEED_002, AUDIT_TOOL),
    "A field the Family Circle record needs is missing: the date of allocation, whether the work started from an early help assessment or support plan, each circle's date and what it shows.",
    "The first Family Circle has been completed within 6 weeks of allocation if EHA or 8 weeks if EHSP");

rule!(FIRST_LATE, "FCI-002", "first-family-circle-not-in-time", Warning, Check,
    ["/circles/*/date", "/allocationDate", "/assessmentKind"],
    Cite::same(SEED_002, AUDIT_TOOL),
    "The first Family Circle was not completed within 6 weeks of allocation after an early help assessment, or 8 weeks after an early help support plan. (The Standards of Practice say \"6 - 8 Weeks\"; this form uses the audit tool's split.)",
    "The first Family Circle has been completed within 6 weeks of allocation if EHA or 8 weeks if EHSP",
    params = [FIRST_AFTER_EHA_WEEKS, FIRST_AFTER_EHSP_WEEKS]);

rule!(
    INTERVAL_EXCEEDED,
    "FCI-003",
    "family-circle-not-every-8-weeks",
    Warning,
    Check,
    ["/circles/*/date", "/circles"],
    Cite::same(SEED_002, AUDIT_TOOL),
    "A Family Circle came more than 8 weeks after the one before, or the next one is overdue.",
    "The Family circle is reviewed every 8 weeks",
    params = [INTERVAL_WEEKS]
);

rule!(VIEWS_MISSING, "FCI-004", "family-circle-views-not-recorded", Warning, Check,
    ["/circles/*/childViews", "/circles/*/parentViews", "/circles/*"],
    Cite::same(SEED_002, AUDIT_TOOL),
    "A Family Circle does not record the child's views or the parents' or carers' views.",
    "There is evidence of child's views in assessments and Family circles. There is evidence of parents/carers views in assessments and Family circles.");

rule!(
    BEFORE_ALLOCATION,
    "FCI-005",
    "family-circle-before-allocation",
    Error,
    Check,
    ["/circles/*/date", "/allocationDate"],
    Cite::interpreted(SEED_002, AUDIT_TOOL),
    "A Family Circle is dated before the case was allocated.",
    ""
);

rule!(
    IN_FUTURE,
    "FCI-006",
    "family-circle-in-future",
    Error,
    Check,
    ["/circles/*/date", "/allocationDate"],
    Cite::interpreted(SEED_002, AUDIT_TOOL),
    "A Family Circle, or the allocation, is dated after today.",
    ""
);

pub static RULES: &[&Rule] =
    &[&REQUIRED, &FIRST_LATE, &INTERVAL_EXCEEDED, &VIEWS_MISSING, &BEFORE_ALLOCATION, &IN_FUTURE];

/// One Family Circle with a readable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Circle {
    /// Its place in the list as entered.
    pub index: usize,
    pub date: NaiveDate,
    /// What it shows, when answered.
    pub outcome: Option<&'static str>,
}

/// The circles with a readable date, in date order (list order for the same date).
pub fn read_circles(items: &[Value]) -> Vec<Circle> {
    let mut circles: Vec<Circle> = items
        .iter()
        .enumerate()
        .filter_map(|(index, v)| {
            let obj = v.as_object()?;
            let date = read::date(obj, "date")?;
            let outcome =
                read::text(obj, "outcome").and_then(|t| model::OUTCOMES.iter().copied().find(|o| *o == t.as_ref()));
            Some(Circle { index, date, outcome })
        })
        .collect();
    crate::engine::sort::stable_by(&mut circles, |a, b| a.date.cmp(&b.date).then(a.index.cmp(&b.index)));
    circles
}

fn closing(c: &Circle) -> bool {
    c.outcome.is_some_and(|o| CLOSING.contains(&o))
}

/// The closure route the circles allow (002, "Closure Route 1", "Closure Route 2"): 1 when the last two circles
/// show significant and sustained or partial significant and sustained progress; 2 when there is only one circle
/// and it shows significant and sustained progress.
pub fn closure_route(circles: &[Circle]) -> Option<u8> {
    match circles {
        [only] if only.outcome == Some("significant-sustained") => Some(2),
        [.., before, last] if closing(before) && closing(last) => Some(1),
        _ => None,
    }
}

/// What the rules and the outcome share, read once.
pub struct Facts {
    pub allocation: Option<NaiveDate>,
    pub circles: Vec<Circle>,
    /// The first circle's deadline.
    pub first: Deadline,
    /// Each later circle's deadline (8 weeks after the one before), then the next circle's, still to come.
    pub ongoing: Vec<(usize, Deadline)>,
    /// The next circle's deadline (the first's while there is none).
    pub next: Deadline,
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let today = ctx.today;
    let allocation = read::date(data, "allocationDate");
    let weeks = match read::choice(data, "assessmentKind", model::ASSESSMENT_KINDS).as_deref() {
        Some("eha") => Some(ctx.value(&FIRST_AFTER_EHA_WEEKS)),
        Some("ehsp") => Some(ctx.value(&FIRST_AFTER_EHSP_WEEKS)),
        _ => None,
    };
    let circles = read_circles(read::list(data, "circles"));
    let first_due = allocation.zip(weeks).and_then(|(a, w)| calendar::add_weeks(a, w));
    let first = Deadline::new("first-family-circle", first_due, circles.first().map(|c| c.date), today);
    let interval = ctx.value(&INTERVAL_WEEKS);
    let mut ongoing = Vec::new();
    for pair in circles.windows(2) {
        if let [before, after] = pair {
            let due = calendar::add_weeks(before.date, interval);
            ongoing.push((after.index, Deadline::new("ongoing-family-circle", due, Some(after.date), today)));
        }
    }
    let next = match circles.last() {
        Some(last) => Deadline::new("ongoing-family-circle", calendar::add_weeks(last.date, interval), None, today),
        None => first,
    };
    Facts { allocation, circles, first, ongoing, next }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    dates(data, ctx);
    views(data, ctx);
    timescales(data, ctx, f);
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    let fields = super::model::FIELDS;
    checks::dates_not_after_today(fields, data, ctx, &IN_FUTURE);
    checks::dates_not_before(fields, data, ctx, &BEFORE_ALLOCATION, "/allocationDate", &["/circles/*/date"]);
}

fn views(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, item) in read::list(data, "circles").iter().enumerate() {
        let Some(c) = item.as_object() else { continue };
        if read::is_blank(c.get("childViews")) {
            ctx.emit(&VIEWS_MISSING, crate::text!("/circles/", i, "/childViews"), &FCI004_RECORD_CHILDS_VIEWS_FAMILY);
        }
        if read::is_blank(c.get("parentViews")) {
            ctx.emit(&VIEWS_MISSING, crate::text!("/circles/", i, "/parentViews"), &FCI004_RECORD_PARENTS_CARERS_VIEWS);
        }
    }
}

fn timescales(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let kind = read::choice(data, "assessmentKind", model::ASSESSMENT_KINDS);
    let after = if kind.as_deref() == Some("eha") { "eha" } else { "ehsp" };
    let weeks = |ctx: &Ctx| {
        if kind.as_deref() == Some("eha") {
            ctx.value(&FIRST_AFTER_EHA_WEEKS)
        } else {
            ctx.value(&FIRST_AFTER_EHSP_WEEKS)
        }
    };
    if f.first.breached() {
        let template = if f.first.status == Status::MetLate { &FCI002_FIRST_HELD_LATE } else { &FCI002_FIRST_OVERDUE };
        let message = msg!(*template, weeks = weeks(ctx), after = after, due = due_date(&f.first));
        let path = match f.circles.first() {
            Some(c) if f.first.status == Status::MetLate => crate::text!("/circles/", c.index, "/date"),
            _ => "/circles".to_owned(),
        };
        ctx.emit(&FIRST_LATE, path, message).related(["/allocationDate", "/assessmentKind"]).due(f.first.due_text());
    }
    let interval = ctx.value(&INTERVAL_WEEKS);
    for (index, d) in &f.ongoing {
        if d.breached() {
            // A circle held after the one before is late, never overdue.
            let message = msg!(FCI003_HELD_LATE, interval = interval, due = due_date(d));
            ctx.emit(&INTERVAL_EXCEEDED, crate::text!("/circles/", index, "/date"), message).due(d.due_text());
        }
    }
    if !f.circles.is_empty() && f.next.breached() {
        let template = if f.next.status == Status::MetLate { &FCI003_HELD_LATE } else { &FCI003_NEXT_OVERDUE };
        let message = msg!(*template, interval = interval, due = due_date(&f.next));
        ctx.emit(&INTERVAL_EXCEEDED, "/circles", message).due(f.next.due_text());
    }
}

/// The deadline as messages write it ("2 June 2025").
fn due_date(d: &Deadline) -> String {
    d.due.map(long_date).unwrap_or_default()
}

crate::messages! {
    FCI004_RECORD_CHILDS_VIEWS_FAMILY = "FCI-004.record-childs-views-family": "Record the child’s views in the Family Circle";
    FCI004_RECORD_PARENTS_CARERS_VIEWS = "FCI-004.record-parents-carers-views": "Record the parents’ or carers’ views in the Family Circle";
    FCI002_FIRST_HELD_LATE = "FCI-002.first-held-late": "The first Family Circle must be completed within {weeks, plural, one {# week} other {# weeks}} of allocation after {after, select, eha {an early help assessment} other {an early help support plan}}: this one was held after the deadline of {due}";
    FCI002_FIRST_OVERDUE = "FCI-002.first-overdue": "The first Family Circle must be completed within {weeks, plural, one {# week} other {# weeks}} of allocation after {after, select, eha {an early help assessment} other {an early help support plan}}: it was due by {due}";
    FCI003_HELD_LATE = "FCI-003.held-late": "Family Circles must be held every {interval, plural, one {# week} other {# weeks}}: this one was held after the deadline of {due}";
    FCI003_NEXT_OVERDUE = "FCI-003.next-overdue": "Family Circles must be held every {interval, plural, one {# week} other {# weeks}}: the next one was due by {due}";
}
