//! The record of supervision sessions' rules: one declaration each, one check function per rule.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale;
use crate::msg;
use crate::rule;

const APPENDIX_C: &str = "Appendix C: Record of Supervision Sessions";
const APPENDIX_A: &str = "Appendix A: A Contract for Supervision";
const RECORDING: &str = "Recording of Supervision";
const SESSIONS: &str = "7. Supervision Sessions";

pub use crate::forms::shared::SUPERVISION_FREQUENCY_WEEKS as FREQUENCY_WEEKS;
pub static FREQUENT_MISSED: Param = Param { key: "supervision-log.frequentMissed", default: 3, unit: "sessions" };

rule!(REQUIRED, "SVL-001", "missing-required-field", Error, Required,
    ["/name", "/supervisor", "/sessions", "/sessions/*/at", "/sessions/*/initials"],
    Cite::same(SEED_002, APPENDIX_C),
    "A part of the record is missing: the member of staff, the supervisor, the sessions, a session's date and time, or the initials that show a session took place. Information while drafting, an error at submit.",
    "Managers will be expected to keep a record of dates and times of all supervision sessions, including any cancellations and reasons.");

rule!(MISSED_WITHOUT_REASON, "SVL-002", "missed-session-without-reason", Error, Required,
    ["/sessions/*/missed", "/sessions/*/reason"],
    Cite::same(SEED_002, RECORDING),
    "A missed session has no reason recorded. Information while drafting, an error at submit.",
    "Managers will be expected to keep a record of dates and times of all supervision sessions, including any cancellations and reasons.");

rule!(
    MISSED_NOT_REARRANGED,
    "SVL-003",
    "missed-session-not-rearranged",
    Error,
    Required,
    ["/sessions/*/missed", "/sessions/*/nextAt"],
    Cite::interpreted(SEED_002, APPENDIX_A),
    "A missed session has no date for the rearranged session. Information while drafting, an error at submit.",
    "If the meeting has to be cancelled another meeting must be arranged at the earliest opportunity by the supervisor"
);

rule!(
    NEXT_NOT_AFTER,
    "SVL-004",
    "next-session-not-after",
    Error,
    Check,
    ["/sessions/*/nextAt", "/sessions/*/at"],
    Cite::interpreted(SEED_002, APPENDIX_C),
    "A session's next session is on or before the session itself.",
    ""
);

rule!(GAP, "SVL-005", "gap-longer-than-frequency", Warning, Check,
    ["/sessions/*/at", "/sessions/*/missed", "/frequencyWeeks"],
    Cite::interpreted(SEED_002, SESSIONS),
    "Two sessions that took place are further apart than the frequency (the record's own, otherwise every 4 weeks, the policy's 'at least monthly'): one warning per gap, at the later session, with the day the session was due.",
    "The frequency of sessions for workers directly intervening with families should be at least monthly but may vary depending on the experience of worker and whether they are full-time or part-time.",
    params = [FREQUENCY_WEEKS]);

rule!(OVERDUE, "SVL-006", "supervision-overdue", Warning, Check,
    ["/sessions/*/at", "/sessions/*/missed", "/employmentStarted", "/frequencyWeeks"],
    Cite::interpreted(SEED_002, SESSIONS),
    "No session has taken place within the frequency up to today: since the last session that took place, or since employment started when none has.",
    "It is expected that all staff will receive regular and planned supervision.",
    params = [FREQUENCY_WEEKS]);

rule!(
    IN_FUTURE,
    "SVL-007",
    "session-in-future",
    Error,
    Check,
    ["/sessions/*/at"],
    Cite::interpreted(SEED_002, APPENDIX_C),
    "A session (held or missed) is dated after today; a planned session belongs in the previous session's next date.",
    ""
);

rule!(
    BEFORE_EMPLOYMENT,
    "SVL-008",
    "session-before-employment",
    Error,
    Check,
    ["/sessions/*/at", "/employmentStarted"],
    Cite::interpreted(SEED_002, APPENDIX_C),
    "A session is dated before the member of staff's employment commenced.",
    ""
);

rule!(FREQUENT_CANCELLATIONS, "SVL-009", "frequent-cancellations", Info, Check,
    ["/sessions/*/missed", "/sessions/*/at"],
    Cite::interpreted(SEED_002, SESSIONS),
    "Three or more sessions were missed in the 12 months up to today: the policy asks for frequent cancellations to be discussed and a written record kept. 'Frequent' is the product's reading.",
    "Frequent lateness, cancellations or interruptions caused by either party should be a matter for discussion from which written record should be kept.",
    params = [FREQUENT_MISSED]);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &MISSED_WITHOUT_REASON,
    &MISSED_NOT_REARRANGED,
    &NEXT_NOT_AFTER,
    &GAP,
    &OVERDUE,
    &IN_FUTURE,
    &BEFORE_EMPLOYMENT,
    &FREQUENT_CANCELLATIONS,
];

/// One session with a readable date, in the order of the list.
pub struct Session {
    pub index: usize,
    pub on: NaiveDate,
    pub missed: bool,
}

/// A gap between two sessions that took place (or, when supervision is overdue, from the last one to today).
pub struct Gap {
    pub days: i64,
    pub within: bool,
}

/// What the rules and the outcome share, read once.
pub struct Facts {
    /// The sessions with a readable date, sorted by date (stable, so the list order breaks ties).
    pub sessions: Vec<Session>,
    pub weeks: i64,
    pub last_held: Option<NaiveDate>,
    /// The day the next session is due by: the last held session plus the frequency (or employment start plus the
    /// frequency when none was held).
    pub next_due: Option<NaiveDate>,
    pub overdue: bool,
    pub gaps: Vec<Gap>,
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let mut sessions: Vec<Session> = read::list(data, "sessions")
        .iter()
        .enumerate()
        .filter_map(|(index, v)| {
            let s = v.as_object()?;
            let on = read::datetime(s, "at")?.date();
            Some(Session { index, on, missed: read::boolean(s, "missed") == Some(true) })
        })
        .collect();
    crate::engine::sort::stable_by_key(&mut sessions, |s| s.on);
    let weeks = read::number(data, "frequencyWeeks")
        .filter(|w| w.fract() == 0.0 && (1.0..=52.0).contains(w))
        .map_or_else(|| ctx.value(&FREQUENCY_WEEKS), |w| w as i64);
    let held: Vec<NaiveDate> = sessions.iter().filter(|s| !s.missed && s.on <= ctx.today).map(|s| s.on).collect();
    let last_held = held.last().copied();
    let from = last_held.or_else(|| read::date(data, "employmentStarted"));
    let next_due = from.and_then(|d| calendar::add_weeks(d, weeks));
    let overdue = next_due.is_some_and(|due| {
        timescale::status(due, None, ctx.today, timescale::DUE_SOON_DAYS) == timescale::Status::Overdue
    });
    let mut gaps: Vec<Gap> = held
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(gap(*a, *b, weeks)),
            _ => None,
        })
        .collect();
    if let (Some(last), true) = (last_held, overdue) {
        gaps.push(gap(last, ctx.today, weeks));
    }
    Facts { sessions, weeks, last_held, next_due, overdue, gaps }
}

fn gap(a: NaiveDate, b: NaiveDate, weeks: i64) -> Gap {
    Gap { days: calendar::days_between(a, b), within: calendar::add_weeks(a, weeks).is_some_and(|due| b <= due) }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    rows(data, ctx);
    gaps(ctx, f);
    overdue(ctx, f);
    dates(data, ctx, f);
    cancellations(ctx, f);
}

fn rows(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::is_blank(data.get("sessions")) {
        return; // the structural pass reports the missing list
    }
    for (i, v) in read::list(data, "sessions").iter().enumerate() {
        let Some(s) = v.as_object() else { continue };
        if read::is_blank(Some(v)) {
            continue;
        }
        let missed = read::boolean(s, "missed");
        let held = missed == Some(false) || read::is_blank(s.get("missed"));
        if held && read::is_blank(s.get("initials")) {
            ctx.emit(&REQUIRED, crate::text!("/sessions/", i, "/initials"), &SVL001_ENTER_INITIALS_PERSON_SUPERVISED)
                .related([crate::text!("/sessions/", i, "/missed")]);
        }
        if missed == Some(true) {
            if read::is_blank(s.get("reason")) {
                ctx.emit(
                    &MISSED_WITHOUT_REASON,
                    crate::text!("/sessions/", i, "/reason"),
                    &SVL002_ENTER_WHY_SESSION_MISSED,
                )
                .related([crate::text!("/sessions/", i, "/missed")]);
            }
            if read::is_blank(s.get("nextAt")) {
                ctx.emit(
                    &MISSED_NOT_REARRANGED,
                    crate::text!("/sessions/", i, "/nextAt"),
                    &SVL003_ENTER_DATE_TIME_REARRANGED,
                )
                .related([crate::text!("/sessions/", i, "/missed")]);
            }
        }
        if let (Some(at), Some(next)) = (read::datetime(s, "at"), read::datetime(s, "nextAt")) {
            if next <= at {
                ctx.emit(&NEXT_NOT_AFTER, crate::text!("/sessions/", i, "/nextAt"), &SVL004_DATE_TIME_NEXT_SESSION)
                    .related([crate::text!("/sessions/", i, "/at")]);
            }
        }
    }
}

fn gaps(ctx: &mut Ctx, f: &Facts) {
    let held: Vec<&Session> = f.sessions.iter().filter(|s| !s.missed && s.on <= ctx.today).collect();
    for pair in held.windows(2) {
        let [a, b] = pair else { continue };
        let Some(due) = calendar::add_weeks(a.on, f.weeks) else { continue };
        if b.on > due {
            let message =
                msg!(SVL005_SESSION_COUNT_AFTER_PREVIOUS, count = calendar::days_between(a.on, b.on), weeks = f.weeks);
            ctx.emit(&GAP, crate::text!("/sessions/", b.index, "/at"), message)
                .related([crate::text!("/sessions/", a.index, "/at")])
                .due(calendar::format_date(due));
        }
    }
}

fn overdue(ctx: &mut Ctx, f: &Facts) {
    let (true, Some(due)) = (f.overdue, f.next_due) else { return };
    let message = if f.last_held.is_some() {
        msg!(SVL006_SUPERVISION_OVERDUE_NEXT_SESSION, due = due, weeks = f.weeks)
    } else {
        msg!(SVL006_SUPERVISION_OVERDUE_SESSION_TAKEN, due = due, weeks = f.weeks)
    };
    ctx.emit(&OVERDUE, "/sessions", message).related(["/frequencyWeeks"]).due(calendar::format_date(due));
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &IN_FUTURE);
    let started = read::date(data, "employmentStarted");
    let mut by_index: Vec<&Session> = f.sessions.iter().collect();
    crate::engine::sort::stable_by_key(&mut by_index, |s| s.index);
    for s in by_index {
        if s.on <= ctx.today && started.is_some_and(|d| s.on < d) {
            ctx.emit(&BEFORE_EMPLOYMENT, crate::text!("/sessions/", s.index, "/at"), &SVL008_DATE_TIME_SESSION_SAME)
                .related(["/employmentStarted"]);
        }
    }
}

fn cancellations(ctx: &mut Ctx, f: &Facts) {
    let Some(from) = calendar::add_months(ctx.today, -12) else { return };
    let today = ctx.today;
    let missed = f.sessions.iter().filter(|s| s.missed && s.on > from && s.on <= today).count();
    let threshold = ctx.value(&FREQUENT_MISSED);
    let missed = i64::try_from(missed).unwrap_or(i64::MAX);
    if threshold > 0 && missed >= threshold {
        let message = msg!(SVL009_MISSED_MISSED_LAST_12, missed = missed);
        ctx.emit(&FREQUENT_CANCELLATIONS, "/sessions", message);
    }
}

/// Sessions held and missed (up to today), the longest gap in days, and the share of gaps within the frequency as
/// a whole percentage (`None` when there is no gap yet).
pub fn summary(f: &Facts, today: NaiveDate) -> (usize, usize, Option<i64>, Option<i64>) {
    let held = f.sessions.iter().filter(|s| !s.missed && s.on <= today).count();
    let missed = f.sessions.iter().filter(|s| s.missed && s.on <= today).count();
    let longest = f.gaps.iter().map(|g| g.days).max();
    let total = i64::try_from(f.gaps.len()).unwrap_or(i64::MAX);
    let within = i64::try_from(f.gaps.iter().filter(|g| g.within).count()).unwrap_or(0);
    let percent =
        (total > 0).then(|| within.saturating_mul(100).saturating_add(total / 2).checked_div(total).unwrap_or(0));
    (held, missed, longest, percent)
}

crate::messages! {
    SVL001_ENTER_INITIALS_PERSON_SUPERVISED = "SVL-001.enter-initials-person-supervised": "Enter the initials of the person supervised";
    SVL002_ENTER_WHY_SESSION_MISSED = "SVL-002.enter-why-session-missed": "Enter why the session was missed";
    SVL003_ENTER_DATE_TIME_REARRANGED = "SVL-003.enter-date-time-rearranged": "Enter the date and time of the rearranged session: it is arranged at the earliest opportunity";
    SVL004_DATE_TIME_NEXT_SESSION = "SVL-004.date-time-next-session": "Date and time of the next session must be after the date and time of the session";
    SVL005_SESSION_COUNT_AFTER_PREVIOUS = "SVL-005.session-count-after-previous": "This session was {count, plural, one {# day} other {# days}} after the previous one that took place, longer than the frequency of every {weeks, plural, one {# week} other {# weeks}}";
    SVL006_SUPERVISION_OVERDUE_NEXT_SESSION = "SVL-006.supervision-overdue-next-session": "Supervision is overdue: the next session was due by {due}, {weeks, plural, one {# week} other {# weeks}} after the last session that took place";
    SVL006_SUPERVISION_OVERDUE_SESSION_TAKEN = "SVL-006.supervision-overdue-session-taken": "Supervision is overdue: no session has taken place, and the first was due by {due}, {weeks, plural, one {# week} other {# weeks}} after employment commenced";
    SVL008_DATE_TIME_SESSION_SAME = "SVL-008.date-time-session-same": "Date and time of the session must be the same as or after the date employment commenced";
    SVL009_MISSED_MISSED_LAST_12 = "SVL-009.missed-missed-last-12": "{missed, plural, one {# session} other {# sessions}} were missed in the last 12 months: discuss the cancellations and keep a written record";
}
