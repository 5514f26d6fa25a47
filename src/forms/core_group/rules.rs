//! The core group record's rules: one declaration and one check function each.

use crate::engine::value::{Map, Value};

use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_000};
use crate::msg;
use crate::rule;

const SECTION: &str = "Core Group Records and Social Worker report to Review Child Protection Conference (RCPC)";

rule!(REQUIRED, "CG-001", "missing-required-field", Error, Required,
    ["/date", "/conferenceDate", "/planProgress", "/childViews", "/parentViews", "/analysis"],
    Cite::interpreted(SEED_000, SECTION),
    "A field the record needs is missing: the dates of the core group and of the conference, or the report's content (progress of the plan, the child's and parents' views, the analysis — the seed's pro-forma is not reproduced, so these are interpreted).",
    "To support proportionate and analytical recording, the Core Group Record also is used as the Social Work report for RCPC.");

/// How long before the review conference the core group may be held, at most.
pub static MAX_WEEKS_BEFORE: Param = Param { key: "core-group.maxWeeksBefore", default: 3, unit: "weeks" };

rule!(TOO_EARLY, "CG-002", "core-group-too-early", Error, Check, ["/date", "/conferenceDate"],
    Cite::same(SEED_000, SECTION),
    "The core group is held more than three weeks before the review conference, so its record is not current enough to be the report for conference.",
    "The expectation is that a core group is held a maximum of three weeks prior to conference and the Core Group Document on MOSAIC is then the report for conference.",
    params = [MAX_WEEKS_BEFORE]);

rule!(
    AFTER_CONFERENCE,
    "CG-003",
    "core-group-after-conference",
    Error,
    Check,
    ["/date", "/conferenceDate"],
    Cite::same(SEED_000, SECTION),
    "The core group is dated after the review conference it reports to.",
    "a core group is held a maximum of three weeks prior to conference"
);

pub static RULES: &[&Rule] = &[&REQUIRED, &TOO_EARLY, &AFTER_CONFERENCE];

/// The earliest day the core group may be held.
pub fn earliest(data: &Map<String, Value>, ctx: &Ctx) -> Option<chrono::NaiveDate> {
    calendar::add_weeks(read::date(data, "conferenceDate")?, ctx.value(&MAX_WEEKS_BEFORE).saturating_neg())
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    let (Some(date), Some(conference)) = (read::date(data, "date"), read::date(data, "conferenceDate")) else {
        return;
    };
    if date > conference {
        ctx.emit(&AFTER_CONFERENCE, "/date", &CG003_DATE_CORE_GROUP_SAME).related(["/conferenceDate"]);
        return;
    }
    let Some(earliest) = earliest(data, ctx) else { return };
    if date < earliest {
        let weeks = ctx.value(&MAX_WEEKS_BEFORE);
        let message = msg!(CG002_CORE_GROUP_HELD_MOST, weeks = weeks, earliest = earliest);
        ctx.emit(&TOO_EARLY, "/date", message).related(["/conferenceDate"]);
    }
}

crate::messages! {
    CG003_DATE_CORE_GROUP_SAME = "CG-003.date-core-group-same": "Date of the core group must be the same as or before the date of the review child protection conference";
    CG002_CORE_GROUP_HELD_MOST = "CG-002.core-group-held-most": "The core group must be held at most {weeks, plural, one {# week} other {# weeks}} before the review child protection conference, on or after {earliest}";
}
