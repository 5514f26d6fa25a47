//! The return home interview's rules: one declaration each, and the check functions.
//!
//! Date-times are UK local wall-clock times; every comparison and every deadline is worked out on the instants they
//! stand for (`calendar::local_to_utc`), so 72 hours are 72 elapsed hours across the clock changes. "Now" for the
//! interview's deadline is the end of `ctx.today` (the engine knows the date, not the time): a deadline that falls on
//! today is reported as overdue, and "due soon" means the deadline falls within the 24 hours after today ends. When
//! the form records `interviewAt`, the deadline is judged on it instead (met or met late).

use crate::engine::value::{Map, Value};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::model;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::Status;
use crate::msg;
use crate::rule;

const PROCESS: &str = "MISSING PERSON EPISODES PROCESS FOR BUSINESS SUPPORT OFFICERS";
const DUTY: &str = "ROLE OF STRENGTHENING FAMILIES DUTY PRACTITIONER";
const FORM_BSO: &str = "RETURN HOME INTERVIEW FORM - BSO";
const FORM_PRACTITIONER: &str = "RETURN HOME INTERVIEW FORM - Practitioner";
const AUTHORISATION: &str = "RETURN HOME INTERVIEW FORM AUTHORISATION - TEAM LEADER";

pub static HOURS: Param = Param { key: "return-home-interview.hours", default: 72, unit: "hours" };
pub static DUE_SOON_HOURS: Param = Param { key: "return-home-interview.dueSoonHours", default: 24, unit: "hours" };
pub static START_HOURS: Param = Param { key: "return-home-interview.startHours", default: 24, unit: "hours" };
pub static WINDOW_DAYS: Param = Param { key: "return-home-interview.windowDays", default: 90, unit: "days" };
pub static EPISODES: Param = Param { key: "return-home-interview.episodes", default: 3, unit: "episodes" };

rule!(REQUIRED, "RHI-001", "missing-required-field", Error, Required,
    ["/episodes", "/episodes/*/reportedMissingAt", "/episodes/*/foundAt", "/interviewAt", "/conductedBy", "/returnedToCaseWorker/*/caseNote", "/authorisedBy", "/authorisedOn", "/finalisedOn", "/returnedToCaseWorker/*", "/sentForAuthorisationOn"],
    Cite::same(SEED_002, PROCESS),
    "A field the return home interview needs is missing: at least one episode with its reported missing and found date-times; once sent for authorisation, the interview and who conducted it; a case note with each return to the case worker; who authorised it once authorised.",
    "Complete relevant tabs of RHI where you have information i.e. Missing and Found dates/times and CRM number.");

rule!(
    FOUND_NOT_AFTER_MISSING,
    "RHI-002",
    "found-not-after-reported-missing",
    Error,
    Check,
    ["/episodes/*/foundAt", "/episodes/*/reportedMissingAt"],
    Cite::interpreted(SEED_002, PROCESS),
    "An episode's found date and time is not after the date and time the police reported the child missing (the episode's start).",
    "Please note that the episode start date and time must be the Police reported date and time on the report."
);

rule!(INTERVIEW_OVERDUE, "RHI-003", "interview-overdue", Error, Check,
    ["/interviewAt", "/episodes/*/foundAt", "/socialWorkerNotified"],
    Cite::interpreted(SEED_002, DUTY),
    "No interview is recorded and the 72 hours have run out by the end of today. The seed says \"Within 72 hours\" without its start: counting from the child's return is interpreted, as national guidance does. When one record covers several episodes, each return's 72 hours are judged, so the earliest return's run out first; hours are elapsed hours across the clock changes.",
    "Return home interviews (See Missing SOPS) Within 72 hours Complete form Reassign to team leader",
    params = [HOURS]);

rule!(
    INTERVIEW_DUE_SOON,
    "RHI-004",
    "interview-due-soon",
    Warning,
    Check,
    ["/interviewAt", "/episodes/*/foundAt", "/socialWorkerNotified"],
    Cite::interpreted(SEED_002, DUTY),
    "No interview is recorded and the 72 hours run out within 24 hours of the end of today.",
    "Return home interviews (See Missing SOPS) Within 72 hours Complete form Reassign to team leader",
    params = [HOURS, DUE_SOON_HOURS]
);

rule!(INTERVIEW_LATE, "RHI-005", "interview-later-than-72-hours", Warning, Check,
    ["/interviewAt", "/episodes/*/foundAt", "/socialWorkerNotified"],
    Cite::interpreted(SEED_002, DUTY),
    "The interview was held more than 72 hours after the child was found: one finding for each return (episode) whose 72 hours it missed, when one record covers several. A warning, not an error: the record of a late interview is still a true record.",
    "Return home interviews (See Missing SOPS) Within 72 hours Complete form Reassign to team leader",
    params = [HOURS]);

rule!(
    INTERVIEW_BEFORE_FOUND,
    "RHI-006",
    "interview-before-found",
    Error,
    Check,
    ["/interviewAt", "/episodes/*/foundAt"],
    Cite::interpreted(SEED_002, DUTY),
    "The interview is dated before the child was found (the latest found date and time of the episodes it covers).",
    ""
);

rule!(
    IN_FUTURE,
    "RHI-007",
    "date-in-future",
    Error,
    Check,
    [
        "/episodes/*/reportedMissingAt",
        "/episodes/*/foundAt",
        "/earlierEpisodes/*",
        "/formStartedAt",
        "/interviewAt",
        "/sentForAuthorisationOn",
        "/returnedToCaseWorker/*/on",
        "/authorisedOn",
        "/finalisedOn"
    ],
    Cite::interpreted(SEED_002, PROCESS),
    "A date or date and time of something already done is after today.",
    ""
);

rule!(FORM_STARTED_LATE, "RHI-008", "form-not-started-promptly", Warning, Check,
    ["/formStartedAt", "/episodes/*/foundAt"],
    Cite::interpreted(SEED_002, FORM_BSO),
    "The form was started more than 24 hours after the child was found (\"as soon as possible\" read as within 24 hours: interpreted, and a profile may change it).",
    "Start a Return Home Interview from FORMS as soon as possible from receiving Found notification.",
    params = [START_HOURS]);

rule!(
    FORM_STARTED_BEFORE_FOUND,
    "RHI-009",
    "form-started-before-found",
    Error,
    Check,
    ["/formStartedAt", "/episodes/*/foundAt"],
    Cite::interpreted(SEED_002, FORM_BSO),
    "The form is dated as started before the child was first found: it is started from the found notification.",
    "Start a Return Home Interview from FORMS as soon as possible from receiving Found notification."
);

rule!(
    SECTIONS_INCOMPLETE,
    "RHI-010",
    "sent-for-authorisation-incomplete",
    Error,
    Check,
    ["/sentForAuthorisationOn", "/sections/*"],
    Cite::same(SEED_002, FORM_PRACTITIONER),
    "The form was sent for authorisation with a section not complete.",
    "Complete all tabs on the form and once completed, the form will need to be sent for authorisation."
);

rule!(FINALISED_WITHOUT_AUTHORISATION, "RHI-011", "finalised-without-authorisation", Error, Check,
    ["/finalisedOn", "/authorisedOn"],
    Cite::same(SEED_002, AUTHORISATION),
    "The episode is finalised but the form's authorisation by the team leader or senior is not recorded.",
    "On receipt of RHI (and checked), the Team Leader will need to authorise the form and send to Senior BSO to complete and finalise the Missing Person Episode process");

rule!(
    STEPS_OUT_OF_ORDER,
    "RHI-012",
    "steps-out-of-order",
    Error,
    Check,
    ["/interviewAt", "/sentForAuthorisationOn", "/returnedToCaseWorker/*/on", "/authorisedOn", "/finalisedOn"],
    Cite::interpreted(SEED_002, PROCESS),
    "A step is dated before the step it follows: interview, sent for authorisation, any return to the case worker, authorised, finalised.",
    ""
);

rule!(
    NOT_SHARED,
    "RHI-013",
    "finalised-form-not-shared",
    Warning,
    Check,
    ["/finalisedOn", "/sharedWithPolice", "/sentToFamilyConnect"],
    Cite::same(SEED_002, AUTHORISATION),
    "The episode is finalised but the form is not recorded as sent to the police and to Family Connect.",
    "Send the saved RHI Form securely to HAUTelford@westmercia.pnn.police.uk AND FamilyConnect@telford.gov.uk"
);

rule!(
    SOCIAL_WORKER_PROCESSES,
    "RHI-014",
    "social-worker-notified",
    Info,
    Check,
    ["/socialWorkerNotified"],
    Cite::same(SEED_002, PROCESS),
    "The social worker was notified in Family Connect's email, so Strengthening Families does not process the episode; the interview's timescale is not checked here.",
    "If the Social Worker has been notified within the email from Family Connect there is no need for Strengthening Families to process on Protocol"
);

rule!(MISSING_THREE_IN_NINETY, "RHI-015", "missing-three-times-in-90-days", Info, Check,
    ["/episodes/*/reportedMissingAt", "/earlierEpisodes/*", "/interviewAt"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "The child has gone missing three times or more in the 90 days up to the interview (or today, when no interview is recorded): the Strengthening Families referral criterion \"missing-3-in-90\" is met. An episode counts on the date the police reported the child missing.",
    "Children who go missing three times or more in the last 90 days and is … eligible for a return home interview",
    params = [WINDOW_DAYS, EPISODES]);

rule!(NOT_SENT_IN_72_HOURS, "RHI-016", "form-not-sent-within-72-hours", Warning, Check,
    ["/sentForAuthorisationOn", "/interviewAt", "/episodes/*/foundAt", "/socialWorkerNotified"],
    Cite::interpreted(SEED_002, DUTY),
    "The form was not completed and reassigned to the team leader (sent for authorisation) by the day the 72 hours after the child was found run out: recorded as sent later, or, with the interview held, not recorded as sent once that day has passed. The seed lists the interview, completing the form and reassigning it to the team leader under \"Within 72 hours\"; reading the 72 hours as covering all three is interpreted, and a date (not a time) of sending is judged by its day.",
    "Return home interviews (See Missing SOPS) Within 72 hours Complete form Reassign to team leader",
    params = [HOURS]);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &FOUND_NOT_AFTER_MISSING,
    &INTERVIEW_OVERDUE,
    &INTERVIEW_DUE_SOON,
    &INTERVIEW_LATE,
    &INTERVIEW_BEFORE_FOUND,
    &IN_FUTURE,
    &FORM_STARTED_LATE,
    &FORM_STARTED_BEFORE_FOUND,
    &SECTIONS_INCOMPLETE,
    &FINALISED_WITHOUT_AUTHORISATION,
    &STEPS_OUT_OF_ORDER,
    &NOT_SHARED,
    &SOCIAL_WORKER_PROCESSES,
    &MISSING_THREE_IN_NINETY,
    &NOT_SENT_IN_72_HOURS,
];

/// A wall-clock time and the instant (UTC) it stands for.
#[derive(Debug, Clone, Copy)]
pub struct At {
    pub local: NaiveDateTime,
    pub utc: NaiveDateTime,
}

fn at(obj: &Map<String, Value>, key: &str) -> Option<At> {
    let local = read::datetime(obj, key)?;
    Some(At { local, utc: calendar::local_to_utc(local)? })
}

/// What the rules and the outcome both need.
pub struct Facts<'a> {
    pub episodes: &'a [Value],
    /// Each episode's found time, with its episode's index, in the order recorded.
    pub found: Vec<(usize, At)>,
    /// The latest found time of the episodes, with its episode's index.
    pub latest_found: Option<(usize, At)>,
    /// The earliest found time: its 72 hours run out first, so it decides the interview's deadline.
    pub earliest_found: Option<(usize, At)>,
    pub interview: Option<At>,
    pub social_worker: bool,
    /// The interview's deadline, as an instant: 72 hours after the earliest return, because each return's 72 hours
    /// are judged and that one's run out first.
    pub due: Option<NaiveDateTime>,
    pub status: Status,
    pub episodes_in_window: i64,
}

/// The end of `today` (midnight that starts the next day), as an instant: "now" for date-time deadlines.
pub fn end_of_day_utc(today: NaiveDate) -> Option<NaiveDateTime> {
    calendar::local_to_utc(calendar::add_days(today, 1)?.and_time(NaiveTime::MIN))
}

/// Where a deadline in hours stands, to the minute (the shared `status_at` rounds the gap down to whole hours).
pub fn status_at(due: NaiveDateTime, met: Option<NaiveDateTime>, now: NaiveDateTime, soon_hours: i64) -> Status {
    match met {
        Some(m) if m <= due => Status::Met,
        Some(_) => Status::MetLate,
        None if now > due => Status::Overdue,
        None if due.signed_duration_since(now).num_minutes() <= soon_hours.saturating_mul(60) => Status::DueSoon,
        None => Status::Due,
    }
}

pub fn facts<'a>(data: &'a Map<String, Value>, ctx: &Ctx) -> Facts<'a> {
    let episodes = read::list(data, "episodes");
    let found: Vec<(usize, At)> =
        episodes.iter().enumerate().filter_map(|(i, e)| Some((i, at(e.as_object()?, "foundAt")?))).collect();
    let latest_found = found.iter().copied().max_by_key(|(_, a)| a.utc);
    let earliest_found = found.iter().copied().min_by_key(|(_, a)| a.utc);
    let interview = at(data, "interviewAt");
    let social_worker = read::boolean(data, "socialWorkerNotified") == Some(true);
    let hours = ctx.value(&HOURS);
    let due = earliest_found.and_then(|(_, f)| deadline(f, hours));
    let now = end_of_day_utc(ctx.today);
    let status = match (due, now) {
        _ if social_worker => Status::NotApplicable,
        (Some(due), Some(now)) => status_at(due, interview.map(|i| i.utc), now, ctx.value(&DUE_SOON_HOURS)),
        _ => Status::NotApplicable,
    };
    let count_until = interview.map_or(ctx.today, |i| i.local.date());
    let episodes_in_window = episodes_in_window(data, count_until, ctx.value(&WINDOW_DAYS));
    Facts { episodes, found, latest_found, earliest_found, interview, social_worker, due, status, episodes_in_window }
}

/// The end of a return's `hours`, as an instant.
fn deadline(found: At, hours: i64) -> Option<NaiveDateTime> {
    found.utc.checked_add_signed(chrono::TimeDelta::try_hours(hours)?)
}

/// The dates of every episode: those the interview covers (the day the police reported the child missing) and the
/// earlier ones.
fn episode_dates(data: &Map<String, Value>) -> impl Iterator<Item = NaiveDate> + '_ {
    let covered = read::list(data, "episodes")
        .iter()
        .filter_map(|e| read::datetime(e.as_object()?, "reportedMissingAt").map(|t| t.date()));
    let earlier = read::list(data, "earlierEpisodes").iter().filter_map(|v| read::parse_date(v).ok().flatten());
    covered.chain(earlier)
}

/// Episodes in the `days` days up to and including `until`.
pub fn episodes_in_window(data: &Map<String, Value>, until: NaiveDate, days: i64) -> i64 {
    let Some(start) = calendar::add_days(until, days.saturating_neg()) else { return 0 };
    let n = episode_dates(data).filter(|d| *d > start && *d <= until).count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The interview's deadline as the wall clock shows it, `YYYY-MM-DDTHH:MM`.
pub fn due_local(f: &Facts) -> Option<String> {
    f.due.and_then(calendar::utc_to_local).map(calendar::format_local_datetime)
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    episodes(ctx, f);
    interview_timescale(ctx, f);
    form_started(data, ctx, f);
    authorisation(data, ctx, f);
    future(data, ctx);
    missing_count(ctx, f);
    sent_within_72_hours(data, ctx, f);
}

/// "Within 72 hours Complete form Reassign to team leader": the form sent for authorisation by the day the earliest
/// return's 72 hours run out.
fn sent_within_72_hours(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.social_worker {
        return;
    }
    let Some(last_day) = f.due.and_then(calendar::utc_to_local).map(|d| d.date()) else { return };
    let Some((first, _)) = f.earliest_found else { return };
    let hours = ctx.value(&HOURS);
    let due = calendar::format_date(last_day);
    match read::date(data, "sentForAuthorisationOn") {
        Some(sent) if sent > last_day => {
            ctx.emit(
                &NOT_SENT_IN_72_HOURS,
                "/sentForAuthorisationOn",
                msg!(RHI016_FORM_SENT_TEAM_LEADER, hours = hours),
            )
            .related([crate::text!("/episodes/", first, "/foundAt")])
            .due(due);
        }
        None if f.interview.is_some() && read::is_blank(data.get("sentForAuthorisationOn")) && ctx.today > last_day => {
            ctx.emit(
                &NOT_SENT_IN_72_HOURS,
                "/sentForAuthorisationOn",
                msg!(RHI016_COMPLETE_FORM_SEND_TEAM, hours = hours),
            )
            .related([crate::text!("/episodes/", first, "/foundAt")])
            .due(due);
        }
        _ => {}
    }
}

fn episodes(ctx: &mut Ctx, f: &Facts) {
    if f.social_worker {
        ctx.emit(&SOCIAL_WORKER_PROCESSES, "/socialWorkerNotified", &RHI014_SOCIAL_WORKER_NOTIFIED_STRENGTHENING);
    }
    for (i, e) in f.episodes.iter().enumerate() {
        let Some(e) = e.as_object() else { continue };
        if let (Some(missing), Some(found)) = (at(e, "reportedMissingAt"), at(e, "foundAt")) {
            if found.utc <= missing.utc {
                ctx.emit(
                    &FOUND_NOT_AFTER_MISSING,
                    crate::text!("/episodes/", i, "/foundAt"),
                    &RHI002_DATE_TIME_FOUND_AFTER,
                )
                .related([crate::text!("/episodes/", i, "/reportedMissingAt")]);
            }
        }
    }
}

fn interview_timescale(ctx: &mut Ctx, f: &Facts) {
    let Some((i, found)) = f.latest_found else { return };
    if let Some(interview) = f.interview {
        if interview.utc < found.utc {
            ctx.emit(&INTERVIEW_BEFORE_FOUND, "/interviewAt", &RHI006_DATE_TIME_INTERVIEW_AFTER)
                .related([crate::text!("/episodes/", i, "/foundAt")]);
        }
    }
    let Some(due) = due_local(f) else { return };
    let Some((first, _)) = f.earliest_found else { return };
    let hours = ctx.value(&HOURS);
    // Which return a message is about, when the record covers several.
    let several = f.found.len() > 1;
    // The episode's number for the message, 0 when there is one (a plural's `=0` says nothing then).
    let return_of = |i: usize| if several { i.saturating_add(1) } else { 0 };
    match f.status {
        Status::Overdue => {
            let which = return_of(first);
            let message = if f.due.and_then(calendar::utc_to_local).is_some_and(|d| d.date() == ctx.today) {
                msg!(RHI003_RETURN_HOME_INTERVIEW_DUE_2, hours = hours, episode = which)
            } else {
                msg!(RHI003_RETURN_HOME_INTERVIEW_OVERDUE_2, hours = hours, episode = which)
            };
            ctx.emit(&INTERVIEW_OVERDUE, "/interviewAt", message)
                .related([crate::text!("/episodes/", first, "/foundAt")])
                .due(due);
        }
        Status::DueSoon => {
            ctx.emit(
                &INTERVIEW_DUE_SOON,
                "/interviewAt",
                msg!(RHI004_RETURN_HOME_INTERVIEW_DUE_2, hours = hours, episode = return_of(first)),
            )
            .related([crate::text!("/episodes/", first, "/foundAt")])
            .due(due);
        }
        Status::MetLate => {
            // Each return's 72 hours, not only the latest's.
            let Some(interview) = f.interview else { return };
            for (i, found) in &f.found {
                let Some(end) = deadline(*found, hours) else { continue };
                if interview.utc <= end {
                    continue;
                }
                let emitted = ctx
                    .emit(
                        &INTERVIEW_LATE,
                        "/interviewAt",
                        msg!(RHI005_RETURN_HOME_INTERVIEW_HELD_2, hours = hours, episode = return_of(*i)),
                    )
                    .related([crate::text!("/episodes/", i, "/foundAt")]);
                if let Some(local) = calendar::utc_to_local(end).map(calendar::format_local_datetime) {
                    emitted.due(local);
                }
            }
        }
        _ => {}
    }
}

fn form_started(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(started) = at(data, "formStartedAt") else { return };
    if let Some((_, first)) = f.earliest_found {
        if started.utc < first.utc {
            ctx.emit(&FORM_STARTED_BEFORE_FOUND, "/formStartedAt", &RHI009_DATE_TIME_FORM_STARTED)
                .related(["/episodes/*/foundAt"]);
            return;
        }
    }
    let Some((i, latest)) = f.latest_found else { return };
    let hours = ctx.value(&START_HOURS);
    let limit = chrono::TimeDelta::try_hours(hours).and_then(|h| latest.utc.checked_add_signed(h));
    if let Some(limit) = limit {
        if started.utc > limit {
            let local = calendar::utc_to_local(limit).map(calendar::format_local_datetime);
            let emitted = ctx
                .emit(&FORM_STARTED_LATE, "/formStartedAt", msg!(RHI008_START_RETURN_HOME_INTERVIEW, hours = hours))
                .related([crate::text!("/episodes/", i, "/foundAt")]);
            if let Some(local) = local {
                emitted.due(local);
            }
        }
    }
}

fn authorisation(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let sent = read::date(data, "sentForAuthorisationOn");
    let authorised = read::date(data, "authorisedOn");
    let finalised = read::date(data, "finalisedOn");
    if sent.is_some() {
        if f.interview.is_none() && read::is_blank(data.get("interviewAt")) {
            ctx.emit(&REQUIRED, "/interviewAt", &RHI001_ENTER_DATE_TIME_INTERVIEW);
        }
        let sections = read::object(data, "sections");
        for section in model::SECTIONS {
            if sections.and_then(|s| read::boolean(s, section.name)) != Some(true) {
                ctx.emit(
                    &SECTIONS_INCOMPLETE,
                    crate::text!("/sections/", section.name),
                    &RHI010_COMPLETE_SECTION_FORM_BEFORE,
                )
                .related(["/sentForAuthorisationOn"]);
            }
        }
    }
    if f.interview.is_some() && read::is_blank(data.get("conductedBy")) {
        ctx.emit(&REQUIRED, "/conductedBy", &RHI001_ENTER_WHO_CONDUCTED_INTERVIEW);
    }
    for (i, r) in read::list(data, "returnedToCaseWorker").iter().enumerate() {
        let Some(r) = r.as_object() else { continue };
        if read::is_blank(r.get("caseNote")) {
            ctx.emit(
                &REQUIRED,
                crate::text!("/returnedToCaseWorker/", i, "/caseNote"),
                &RHI001_ENTER_CASE_NOTE_EXPLAINING,
            );
        }
        if let (Some(on), Some(sent)) = (read::date(r, "on"), sent) {
            if on < sent {
                ctx.emit(
                    &STEPS_OUT_OF_ORDER,
                    crate::text!("/returnedToCaseWorker/", i, "/on"),
                    &RHI012_DATE_FORM_SENT_BACK,
                )
                .related(["/sentForAuthorisationOn"]);
            }
        }
    }
    if (authorised.is_some() || finalised.is_some()) && read::is_blank(data.get("authorisedBy")) {
        ctx.emit(&REQUIRED, "/authorisedBy", &RHI001_SELECT_WHO_AUTHORISED_FORM);
    }
    if finalised.is_some() && authorised.is_none() && read::is_blank(data.get("authorisedOn")) {
        ctx.emit(&FINALISED_WITHOUT_AUTHORISATION, "/finalisedOn", &RHI011_TEAM_LEADER_SENIOR_AUTHORISE)
            .related(["/authorisedOn"]);
    }
    // The steps in order: interview, sent for authorisation, authorised, finalised.
    let steps = [
        ("/interviewAt", f.interview.map(|i| i.local.date()), "Date and time of the interview"),
        ("/sentForAuthorisationOn", sent, "Date the form was sent for authorisation"),
        ("/authorisedOn", authorised, "Date the form was authorised"),
        ("/finalisedOn", finalised, "Date the senior business support officer finalised the episode"),
    ];
    let mut before: Option<(&str, NaiveDate, &str)> = None;
    for (path, date, label) in steps {
        let Some(date) = date else { continue };
        if let Some((prev_path, prev, prev_label)) = before {
            if date < prev {
                ctx.emit(
                    &STEPS_OUT_OF_ORDER,
                    path,
                    msg!(RHI012_LABEL_SAME_AFTER_VALUE, label = label, after = prev_label.to_ascii_lowercase()),
                )
                .related([prev_path]);
                continue;
            }
        }
        before = Some((path, date, label));
    }
    if finalised.is_some() {
        for (key, message) in [
            ("sharedWithPolice", &RHI013_SEND_FINALISED_FORM_SECURELY),
            ("sentToFamilyConnect", &RHI013_SEND_FINALISED_FORM_SECURELY_2),
        ] {
            if read::boolean(data, key) != Some(true) {
                ctx.emit(&NOT_SHARED, crate::text!("/", key), message).related(["/finalisedOn"]);
            }
        }
    }
}

fn future(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &IN_FUTURE);
}

fn missing_count(ctx: &mut Ctx, f: &Facts) {
    let needed = ctx.value(&EPISODES);
    if f.episodes_in_window >= needed {
        let days = ctx.value(&WINDOW_DAYS);
        ctx.emit(
            &MISSING_THREE_IN_NINETY,
            "/episodes",
            msg!(
                RHI015_CHILD_GONE_MISSING_EPISODESINWINDOW,
                episodesInWindow = f.episodes_in_window,
                days = days,
                needed = needed
            ),
        )
        .related(["/earlierEpisodes"]);
    }
}

crate::messages! {
    RHI014_SOCIAL_WORKER_NOTIFIED_STRENGTHENING = "RHI-014.social-worker-notified-strengthening": "The social worker was notified, so Strengthening Families does not need to process this episode";
    RHI002_DATE_TIME_FOUND_AFTER = "RHI-002.date-time-found-after": "Date and time found must be after the date and time reported missing";
    RHI006_DATE_TIME_INTERVIEW_AFTER = "RHI-006.date-time-interview-after": "Date and time of the interview must be after the date and time the child was found";
    RHI009_DATE_TIME_FORM_STARTED = "RHI-009.date-time-form-started": "Date and time the form was started must be after the date and time the child was found";
    RHI008_START_RETURN_HOME_INTERVIEW = "RHI-008.start-return-home-interview": "Start the return home interview form as soon as possible after the found notification, within {hours, plural, one {# hour} other {# hours}}";
    RHI001_ENTER_DATE_TIME_INTERVIEW = "RHI-001.enter-date-time-interview": "Enter the date and time of the interview";
    RHI010_COMPLETE_SECTION_FORM_BEFORE = "RHI-010.complete-section-form-before": "Complete every section of the form before sending it for authorisation";
    RHI001_ENTER_WHO_CONDUCTED_INTERVIEW = "RHI-001.enter-who-conducted-interview": "Enter who conducted the interview";
    RHI001_ENTER_CASE_NOTE_EXPLAINING = "RHI-001.enter-case-note-explaining": "Enter a case note explaining the actions the case worker needs to take";
    RHI012_DATE_FORM_SENT_BACK = "RHI-012.date-form-sent-back": "Date the form was sent back to the case worker must be the same as or after the date it was sent for authorisation";
    RHI001_SELECT_WHO_AUTHORISED_FORM = "RHI-001.select-who-authorised-form": "Select who authorised the form";
    RHI011_TEAM_LEADER_SENIOR_AUTHORISE = "RHI-011.team-leader-senior-authorise": "The team leader or senior must authorise the form before the episode is finalised";
    RHI012_LABEL_SAME_AFTER_VALUE = "RHI-012.label-before-step": "{label} must be the same as or after the {after}";
    RHI015_CHILD_GONE_MISSING_EPISODESINWINDOW = "RHI-015.child-gone-missing-episodesinwindow": "The child has gone missing {episodesInWindow, plural, one {# time} other {# times}} in the last {days} days: this meets the Strengthening Families referral criterion for children missing {needed} times or more";
    RHI013_SEND_FINALISED_FORM_SECURELY = "RHI-013.send-finalised-form-securely": "Send the finalised form securely to the police";
    RHI013_SEND_FINALISED_FORM_SECURELY_2 = "RHI-013.send-finalised-form-securely-family-connect": "Send the finalised form securely to Family Connect";
    RHI016_FORM_SENT_TEAM_LEADER = "RHI-016.form-sent-team-leader": "The form was sent to the team leader more than {hours} hours after the child was found: complete it and reassign it within {hours} hours";
    RHI016_COMPLETE_FORM_SEND_TEAM = "RHI-016.complete-form-send-team": "Complete the form and send it to the team leader: it was due within {hours} hours of the child being found";
    RHI003_RETURN_HOME_INTERVIEW_DUE_2 = "RHI-003.due-today": "The return home interview is due today: hold it within {hours} hours of the child being found{episode, plural, =0 {} other { (missing episode #)}}";
    RHI003_RETURN_HOME_INTERVIEW_OVERDUE_2 = "RHI-003.overdue": "The return home interview is overdue: it was due within {hours} hours of the child being found{episode, plural, =0 {} other { (missing episode #)}}";
    RHI004_RETURN_HOME_INTERVIEW_DUE_2 = "RHI-004.due-soon": "The return home interview is due soon: hold it within {hours} hours of the child being found{episode, plural, =0 {} other { (missing episode #)}}";
    RHI005_RETURN_HOME_INTERVIEW_HELD_2 = "RHI-005.held-late": "The return home interview was held more than {hours} hours after the child was found{episode, plural, =0 {} other { (missing episode #)}}";
}
