//! The early help assessment / support plan rules: one declaration each, and the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, EXTERNAL_EMPTY_SECTIONS, EXTERNAL_SECTIONS};
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

const INTERNAL: &str = "STRENGTHENING FAMILIES INTERNAL EARLY HELP ASSESSMENT/SUPPORT PLAN";
const EXTERNAL: &str = "STRENGTHENING FAMILIES EXTERNAL EARLY HELP ASSESSMENT/EARLY HELP SUPPORT PLAN";
const STANDARDS: &str = "STRENGTHENING FAMLIES STANDARDS OF PRACTICE";

pub static OPEN_WEEKS: Param = Param { key: "early-help-plan.openWeeks", default: 8, unit: "weeks" };
pub static AUTHORISATION_WEEKS: Param = Param { key: "early-help-plan.authorisationWeeks", default: 7, unit: "weeks" };
pub static ASSESSMENT_WEEKS: Param = Param { key: "early-help-plan.assessmentWeeks", default: 6, unit: "weeks" };
pub static SUPPORT_MEETING_FROM_WEEKS: Param =
    Param { key: "early-help-plan.supportMeetingFromWeeks", default: 6, unit: "weeks" };
pub static SUPPORT_MEETING_TO_WEEKS: Param =
    Param { key: "early-help-plan.supportMeetingToWeeks", default: 8, unit: "weeks" };

rule!(REQUIRED, "EHP-001", "missing-required-field", Error, Required,
    ["/kind", "/internal", "/openedOn", "/purpose", "/sentTo", "/practitionerScoresUploaded", "/originalAttached", "/outcome", "/sentForAuthorisationOn"],
    Cite::interpreted(SEED_002, EXTERNAL),
    "A field the plan needs is missing: whether it is an assessment or a support plan, internal or external, the date it opened; who it was sent to once sent for authorisation; for an external plan, why it was received, whether the scores are uploaded and the original attached, and the outcome (section 8).",
    "External EHA/EHSP as case status, complete consent and review if a referral or for information only.");

rule!(AUTHORISATION_LATE, "EHP-002", "plan-not-sent-for-authorisation-at-7-weeks", Warning, Check,
    ["/sentForAuthorisationOn", "/openedOn", "/internal"],
    Cite::same(SEED_002, INTERNAL),
    "An internal assessment or support plan was not sent for authorisation by the time it had been open 7 weeks.",
    "At 7 weeks, the initial assessment or support plan is to be sent to your Team Leader. All others to be sent to your Senior.",
    params = [AUTHORISATION_WEEKS]);

rule!(WRONG_AUTHORISER, "EHP-003", "plan-sent-to-wrong-authoriser", Error, Check, ["/sentTo", "/initial", "/internal"],
    Cite::same(SEED_002, INTERNAL),
    "An internal plan went to the wrong person for authorisation: the initial assessment or support plan goes to the team leader, all others to a senior.",
    "At 7 weeks, the initial assessment or support plan is to be sent to your Team Leader. All others to be sent to your Senior.");

rule!(
    NEXT_PLAN_TOO_SOON,
    "EHP-004",
    "plan-opened-before-previous-authorised",
    Error,
    Check,
    ["/openedOn", "/previousPlan/authorisedOn", "/previousPlan"],
    Cite::same(SEED_002, INTERNAL),
    "The plan was opened before the previous plan was authorised, so there was no data to carry forward; a previous plan recorded without a date of authorisation is a previous plan not yet authorised.",
    "DO NOT OPEN NEXT PLAN UNTIL CURRENT PLAN HAS BEEN AUTHORISED AS YOU WILL HAVE NO DATA TO CARRY FORWARD"
);

rule!(CLOSED_TOO_EARLY, "EHP-005", "plan-closed-before-8-weeks", Warning, Check,
    ["/authorisedOn", "/closedOn", "/openedOn", "/internal"],
    Cite::interpreted(SEED_002, INTERNAL),
    "An internal plan was authorised or closed before it had been open 8 weeks. External plans are not checked: business support records them as received.",
    "The Early Help Plan regardless of route, must remain open for 8 weeks to enable this to be a live working document.",
    params = [OPEN_WEEKS]);

rule!(EXTERNAL_SECTIONS_INCOMPLETE, "EHP-006", "external-plan-sections-incomplete", Error, Required,
    ["/sections", "/sections/*/complete", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan does not have sections 1, 2, 4 and 8 completed. Reported as an error at submit, as information while drafting. (The seed says nothing of section 3.)",
    "Sections 1 and 2 to be completed using the information provided. ... Section 4 to be completed. ... Section 8 \"What is the outcome?\" to be completed.");

rule!(
    EXTERNAL_SECTIONS_FILLED,
    "EHP-007",
    "external-plan-sections-5-to-7-completed",
    Warning,
    Check,
    ["/sections/*/complete", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan has section 5, 6 or 7 completed; business support leaves them empty.",
    "Section 5, 6 and 7 not to be completed."
);

rule!(SCORES_MISSING, "EHP-008", "practitioner-scores-not-chased", Warning, Check,
    ["/practitionerScoresUploaded", "/leadProfessionalContactedOn", "/teamLeaderChasedOn", "/sentForAuthorisationOn", "/internal"],
    Cite::interpreted(SEED_002, EXTERNAL),
    "An external plan's practitioner scores are missing and the lead professional has not been asked for them, or, once the plan is with the team leader for authorisation, the team leader has not chased them.",
    "Practitioner scores to be uploaded, any scores missing from Practitioner, BSO to contact Lead Professional completing EHA/EHSP. If not returned, Team Leader to chase.");

rule!(
    ORIGINAL_NOT_ATTACHED,
    "EHP-009",
    "external-plan-not-attached",
    Warning,
    Check,
    ["/originalAttached", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "The external EHA/EHSP is not uploaded as an attachment.",
    "Upload external EHA/EHSP as an attachment."
);

rule!(
    NOT_COMPLETED_BY_BSO,
    "EHP-010",
    "external-plan-not-completed-by-business-support",
    Warning,
    Check,
    ["/completedBy", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan was completed by someone other than business support.",
    "External Early Help Assessment to be completed by BSO"
);

rule!(REFERRAL_AUDIT_MISSING, "EHP-011", "referral-audit-not-completed", Warning, Check,
    ["/auditCompleted", "/purpose", "/authorisedOn", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan received as a referral is authorised, but the team leader's EHA/EHSP audit is not recorded as completed.",
    "Team Leader to complete EHA/EHSP audit for referrals only.");

rule!(
    EXTERNAL_NOT_TO_TEAM_LEADER,
    "EHP-012",
    "external-plan-not-sent-to-team-leader",
    Error,
    Check,
    ["/sentTo", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan was sent to someone other than the team leader to authorise.",
    "All external EHA/EHSP send to Team Leader to authorise."
);

rule!(ASSESSMENT_LATE, "EHP-013", "assessment-not-completed-in-time", Warning, Check,
    ["/completedOn", "/allocationDate", "/completedByReferrer", "/kind", "/internal"],
    Cite::interpreted(SEED_002, STANDARDS),
    "An internal early help assessment was not completed within 6 weeks of allocation (not needed when the referrer completed it). Counted from the date of allocation; the audit tool's 10 weeks is another reading a profile may choose.",
    "Early Help Assessment to be completed (unless completed by referrer) 6 Weeks",
    params = [ASSESSMENT_WEEKS]);

rule!(SUPPORT_MEETING_WINDOW, "EHP-014", "support-meeting-outside-6-to-8-weeks", Warning, Check,
    ["/supportMeetingOn", "/completedOn", "/initial", "/kind", "/internal"],
    Cite::interpreted(SEED_002, STANDARDS),
    "The early help support meeting was held less than 6 or more than 8 weeks after the initial assessment was completed, or is overdue. Checked on the internal assessment, not on a later one.",
    "Early Help Support Meeting 6 – 8 Weeks after initial Early Help Assessment",
    params = [SUPPORT_MEETING_FROM_WEEKS, SUPPORT_MEETING_TO_WEEKS]);

rule!(
    DATES_OUT_OF_ORDER,
    "EHP-015",
    "plan-dates-out-of-order",
    Error,
    Check,
    ["/completedOn", "/sentForAuthorisationOn", "/authorisedOn", "/closedOn", "/openedOn"],
    Cite::interpreted(SEED_002, INTERNAL),
    "The plan was completed, sent, authorised or closed before it was opened, or authorised before it was sent.",
    ""
);

rule!(
    DATE_IN_FUTURE,
    "EHP-016",
    "date-in-future",
    Error,
    Check,
    [
        "/allocationDate",
        "/openedOn",
        "/completedOn",
        "/supportMeetingOn",
        "/sentForAuthorisationOn",
        "/authorisedOn",
        "/closedOn",
        "/previousPlan/authorisedOn",
        "/leadProfessionalContactedOn",
        "/teamLeaderChasedOn"
    ],
    Cite::interpreted(SEED_002, INTERNAL),
    "A date of something that has happened is after today.",
    ""
);

rule!(EXTERNAL_CONSENT, "EHP-017", "external-plan-consent-not-completed", Error, Required,
    ["/consentCompleted", "/internal"],
    Cite::same(SEED_002, EXTERNAL),
    "An external plan does not record the consent as completed (not answered, or answered no). Reported as an error at submit, as information while drafting.",
    "On receipt of EHA/EHSP, complete FST overview. External EHA/EHSP as case status, complete consent and review if a referral or for information only.");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &AUTHORISATION_LATE,
    &WRONG_AUTHORISER,
    &NEXT_PLAN_TOO_SOON,
    &CLOSED_TOO_EARLY,
    &EXTERNAL_SECTIONS_INCOMPLETE,
    &EXTERNAL_SECTIONS_FILLED,
    &SCORES_MISSING,
    &ORIGINAL_NOT_ATTACHED,
    &NOT_COMPLETED_BY_BSO,
    &REFERRAL_AUDIT_MISSING,
    &EXTERNAL_NOT_TO_TEAM_LEADER,
    &ASSESSMENT_LATE,
    &SUPPORT_MEETING_WINDOW,
    &DATES_OUT_OF_ORDER,
    &DATE_IN_FUTURE,
    &EXTERNAL_CONSENT,
];

/// What the rules and the outcome share, read once.
pub struct Facts {
    /// `Some(true)` internal, `Some(false)` external.
    pub internal: Option<bool>,
    pub opened: Option<NaiveDate>,
    /// The day an internal plan may be authorised or closed (8 weeks open).
    pub open_until: Option<NaiveDate>,
    /// Who the plan goes to for authorisation, when known.
    pub send_to: Option<&'static str>,
    pub sent_for_authorisation: Deadline,
    pub assessment_completed: Deadline,
    /// The support meeting's window: its first day, and the deadline.
    pub support_meeting_from: Option<NaiveDate>,
    pub support_meeting: Deadline,
}

fn weeks(from: Option<NaiveDate>, n: i64) -> Option<NaiveDate> {
    from.and_then(|d| calendar::add_weeks(d, n))
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let today = ctx.today;
    let internal = read::boolean(data, "internal");
    let initial = read::boolean(data, "initial");
    let assessment = read::choice(data, "kind", model::KINDS).as_deref() == Some("assessment");
    let opened = read::date(data, "openedOn");
    let is_internal = internal == Some(true);
    let open_until = if is_internal { weeks(opened, ctx.value(&OPEN_WEEKS)) } else { None };
    let send_to = match (internal, initial) {
        (Some(false), _) => Some("team-leader"),
        (Some(true), Some(true)) => Some("team-leader"),
        (Some(true), Some(false)) => Some("senior"),
        _ => None,
    };
    let sent = read::date(data, "sentForAuthorisationOn");
    let sent_for_authorisation = if is_internal {
        Deadline::new("sent-for-authorisation", weeks(opened, ctx.value(&AUTHORISATION_WEEKS)), sent, today)
    } else {
        Deadline::not_applicable("sent-for-authorisation", sent)
    };
    let completed = read::date(data, "completedOn");
    let by_referrer = read::boolean(data, "completedByReferrer") == Some(true);
    let assessment_completed = if is_internal && assessment && !by_referrer {
        let due = weeks(read::date(data, "allocationDate"), ctx.value(&ASSESSMENT_WEEKS));
        Deadline::new("assessment-completed", due, completed, today)
    } else {
        Deadline::not_applicable("assessment-completed", completed)
    };
    let meeting = read::date(data, "supportMeetingOn");
    let (support_meeting_from, support_meeting) = if is_internal && assessment && initial != Some(false) {
        let from = weeks(completed, ctx.value(&SUPPORT_MEETING_FROM_WEEKS));
        let due = weeks(completed, ctx.value(&SUPPORT_MEETING_TO_WEEKS));
        (from, Deadline::new("support-meeting", due, meeting, today))
    } else {
        (None, Deadline::not_applicable("support-meeting", meeting))
    };
    Facts {
        internal,
        opened,
        open_until,
        send_to,
        sent_for_authorisation,
        assessment_completed,
        support_meeting_from,
        support_meeting,
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    required(data, ctx, f);
    dates(data, ctx, f);
    previous_plan(data, ctx, f);
    authorisation(data, ctx, f);
    if f.internal == Some(false) {
        external(data, ctx);
    }
    open_eight_weeks(data, ctx, f);
    timescales(ctx, f);
}

fn open_eight_weeks(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(until) = f.open_until else { return };
    let w = ctx.value(&OPEN_WEEKS);
    for key in ["authorisedOn", "closedOn"] {
        let early = read::date(data, key).is_some_and(|d| d < until && f.opened.is_none_or(|o| d >= o));
        if early {
            let message = msg!(EHP005_PLAN_STAYS_OPEN_W, weeks = w, step = key, until = until);
            ctx.emit(&CLOSED_TOO_EARLY, crate::text!("/", key), message)
                .related(["/openedOn"])
                .due(calendar::format_date(until));
        }
    }
}

fn required(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if !read::is_blank(data.get("sentForAuthorisationOn")) && read::is_blank(data.get("sentTo")) {
        ctx.emit(&REQUIRED, "/sentTo", &EHP001_SELECT_WHO_PLAN_SENT);
    }
    if f.internal != Some(false) {
        return;
    }
    for (key, message) in [
        ("purpose", &EHP001_SELECT_WHETHER_EXTERNAL_PLAN),
        ("practitionerScoresUploaded", &EHP001_SELECT_WHETHER_PRACTITIONER_SCORES),
        ("originalAttached", &EHP001_SELECT_WHETHER_EXTERNAL_PLAN_2),
        ("outcome", &EHP001_ENTER_OUTCOME_SECTION_8),
    ] {
        if read::is_blank(data.get(key)) {
            ctx.emit(&REQUIRED, crate::text!("/", key), message);
        }
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    let after_opening = ["/completedOn", "/sentForAuthorisationOn", "/authorisedOn", "/closedOn"];
    checks::dates_not_before(model::FIELDS, data, ctx, &DATES_OUT_OF_ORDER, "/openedOn", &after_opening);
    if let (Some(sent), Some(authorised)) =
        (read::date(data, "sentForAuthorisationOn"), read::date(data, "authorisedOn"))
    {
        if authorised < sent && f.opened.is_none_or(|o| authorised >= o) {
            ctx.emit(&DATES_OUT_OF_ORDER, "/authorisedOn", &EHP015_DATE_PLAN_AUTHORISED_SAME)
                .related(["/sentForAuthorisationOn"]);
        }
    }
}

fn previous_plan(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(plan) = read::object(data, "previousPlan") else { return };
    if read::is_blank(plan.get("authorisedOn")) {
        ctx.emit(&NEXT_PLAN_TOO_SOON, "/previousPlan/authorisedOn", &EHP004_DO_OPEN_NEXT_PLAN_2).related(["/openedOn"]);
        return;
    }
    let previous = read::date(plan, "authorisedOn");
    if let (Some(opened), Some(authorised)) = (f.opened, previous) {
        if opened < authorised {
            ctx.emit(&NEXT_PLAN_TOO_SOON, "/openedOn", &EHP004_DO_OPEN_NEXT_PLAN)
                .related(["/previousPlan/authorisedOn"]);
        }
    }
}

fn authorisation(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(sent_to) = read::choice(data, "sentTo", model::AUTHORISERS) else { return };
    let Some(expected) = f.send_to else { return };
    if sent_to.as_ref() == expected {
        return;
    }
    if f.internal == Some(false) {
        ctx.emit(&EXTERNAL_NOT_TO_TEAM_LEADER, "/sentTo", &EHP012_SEND_EXTERNAL_PLAN_TEAM).related(["/internal"]);
    } else if expected == "team-leader" {
        ctx.emit(&WRONG_AUTHORISER, "/sentTo", &EHP003_SEND_INITIAL_ASSESSMENT_SUPPORT).related(["/initial"]);
    } else {
        ctx.emit(&WRONG_AUTHORISER, "/sentTo", &EHP003_SEND_ASSESSMENT_SUPPORT_PLAN).related(["/initial"]);
    }
}

/// Whether each section is recorded as complete (`None` when not answered), section 1 first.
fn sections(data: &Map<String, Value>) -> Vec<Option<bool>> {
    let rows = read::list(data, "sections");
    (0..model::SECTION_COUNT)
        .map(|i| rows.get(i).and_then(Value::as_object).and_then(|o| read::boolean(o, "complete")))
        .collect()
}

fn external(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::boolean(data, "consentCompleted") != Some(true) && !ctx.has_finding_at("/consentCompleted") {
        ctx.emit(&EXTERNAL_CONSENT, "/consentCompleted", &EHP017_COMPLETE_CONSENT_EXTERNAL_PLAN).related(["/internal"]);
    }
    let done = sections(data);
    let is_done = |n: usize| n.checked_sub(1).and_then(|i| done.get(i)).copied().flatten();
    if read::is_blank(data.get("sections")) {
        ctx.emit(&EXTERNAL_SECTIONS_INCOMPLETE, "/sections", &EHP006_COMPLETE_SECTIONS_1_2);
    } else {
        for n in EXTERNAL_SECTIONS.iter().copied() {
            let i = n.saturating_sub(1);
            if is_done(n) != Some(true) && !ctx.has_finding_at(&crate::text!("/sections/", i)) {
                ctx.emit(
                    &EXTERNAL_SECTIONS_INCOMPLETE,
                    crate::text!("/sections/", i, "/complete"),
                    msg!(EHP006_COMPLETE_SECTION_N, n = n),
                );
            }
        }
    }
    for n in EXTERNAL_EMPTY_SECTIONS.iter().copied() {
        if is_done(n) == Some(true) {
            let i = n.saturating_sub(1);
            ctx.emit(
                &EXTERNAL_SECTIONS_FILLED,
                crate::text!("/sections/", i, "/complete"),
                msg!(EHP007_LEAVE_SECTION_N_EMPTY, n = n),
            );
        }
    }
    if read::boolean(data, "practitionerScoresUploaded") == Some(false) {
        if read::is_blank(data.get("leadProfessionalContactedOn")) {
            ctx.emit(&SCORES_MISSING, "/leadProfessionalContactedOn", &EHP008_ASK_LEAD_PROFESSIONAL_WHO)
                .related(["/practitionerScoresUploaded"]);
        } else if !read::is_blank(data.get("sentForAuthorisationOn")) && read::is_blank(data.get("teamLeaderChasedOn"))
        {
            ctx.emit(&SCORES_MISSING, "/teamLeaderChasedOn", &EHP008_PRACTITIONER_SCORES_BEEN_RETURNED)
                .related(["/practitionerScoresUploaded", "/leadProfessionalContactedOn"]);
        }
    }
    if read::boolean(data, "originalAttached") == Some(false) {
        ctx.emit(&ORIGINAL_NOT_ATTACHED, "/originalAttached", &EHP009_UPLOAD_EXTERNAL_PLAN_ATTACHMENT);
    }
    if read::choice(data, "completedBy", model::COMPLETERS).is_some_and(|c| c != "business-support") {
        ctx.emit(&NOT_COMPLETED_BY_BSO, "/completedBy", &EHP010_BUSINESS_SUPPORT_COMPLETES_EXTERNAL);
    }
    let referral = read::choice(data, "purpose", model::PURPOSES).as_deref() == Some("referral");
    let audited = read::boolean(data, "auditCompleted") == Some(true) || ctx.has_finding_at("/auditCompleted");
    if referral && read::date(data, "authorisedOn").is_some() && !audited {
        ctx.emit(&REFERRAL_AUDIT_MISSING, "/auditCompleted", &EHP011_TEAM_LEADER_COMPLETES_EHA)
            .related(["/purpose", "/authorisedOn"]);
    }
}

fn timescales(ctx: &mut Ctx, f: &Facts) {
    let d = &f.sent_for_authorisation;
    if d.breached() {
        let w = ctx.value(&AUTHORISATION_WEEKS);
        let due = d.due.map(long_date).unwrap_or_default();
        let message = if d.status == Status::MetLate {
            msg!(EHP002_SEND_PLAN_AUTHORISATION_WHEN, weeks = w, due = due)
        } else {
            msg!(EHP002_SEND_PLAN_AUTHORISATION_WHEN_2, weeks = w, due = due)
        };
        ctx.emit(&AUTHORISATION_LATE, "/sentForAuthorisationOn", message).related(["/openedOn"]).due(d.due_text());
    }
    let d = &f.assessment_completed;
    if d.breached() {
        let w = ctx.value(&ASSESSMENT_WEEKS);
        let due = d.due.map(long_date).unwrap_or_default();
        let message = if d.status == Status::MetLate {
            msg!(EHP013_EARLY_HELP_ASSESSMENT_COMPLETED, weeks = w, due = due)
        } else {
            msg!(EHP013_EARLY_HELP_ASSESSMENT_COMPLETED_2, weeks = w, due = due)
        };
        ctx.emit(&ASSESSMENT_LATE, "/completedOn", message).related(["/allocationDate"]).due(d.due_text());
    }
    let d = &f.support_meeting;
    let (from_w, to_w) = (ctx.value(&SUPPORT_MEETING_FROM_WEEKS), ctx.value(&SUPPORT_MEETING_TO_WEEKS));
    let early = match (d.met_on, f.support_meeting_from) {
        (Some(m), Some(from)) => m < from,
        _ => false,
    };
    if early {
        let from = f.support_meeting_from.map(long_date).unwrap_or_default();
        ctx.emit(
            &SUPPORT_MEETING_WINDOW,
            "/supportMeetingOn",
            msg!(EHP014_WINDOW_ONE_BEFORE, fromWeeks = from_w, toWeeks = to_w, from = from),
        )
        .related(["/completedOn"])
        .due(d.due_text());
    } else if d.breached() {
        let due = d.due.map(long_date).unwrap_or_default();
        let message = if d.status == Status::MetLate {
            msg!(EHP014_WINDOW_ONE_AFTER_DUE, fromWeeks = from_w, toWeeks = to_w, due = due)
        } else {
            msg!(EHP014_WINDOW_DUE_DUE, fromWeeks = from_w, toWeeks = to_w, due = due)
        };
        ctx.emit(&SUPPORT_MEETING_WINDOW, "/supportMeetingOn", message).related(["/completedOn"]).due(d.due_text());
    }
}

crate::messages! {
    EHP005_PLAN_STAYS_OPEN_W = "EHP-005.closed-or-authorised-early": "The plan stays open {weeks, plural, one {# week} other {# weeks}} as a live working document: it may be {step, select, authorisedOn {authorised} other {closed}} on or after {until}";
    EHP001_SELECT_WHO_PLAN_SENT = "EHP-001.select-who-plan-sent": "Select who the plan was sent to for authorisation";
    EHP015_DATE_PLAN_AUTHORISED_SAME = "EHP-015.date-plan-authorised-same": "Date the plan was authorised must be the same as or after the date it was sent for authorisation";
    EHP004_DO_OPEN_NEXT_PLAN = "EHP-004.do-open-next-plan": "Do not open the next plan until the previous plan has been authorised: there is no data to carry forward";
    EHP012_SEND_EXTERNAL_PLAN_TEAM = "EHP-012.send-external-plan-team": "Send an external plan to the team leader to authorise";
    EHP003_SEND_INITIAL_ASSESSMENT_SUPPORT = "EHP-003.send-initial-assessment-support": "Send the initial assessment or support plan to the team leader";
    EHP003_SEND_ASSESSMENT_SUPPORT_PLAN = "EHP-003.send-assessment-support-plan": "Send an assessment or support plan after the initial one to a senior";
    EHP006_COMPLETE_SECTIONS_1_2 = "EHP-006.complete-sections-1-2": "Complete sections 1, 2, 4 and 8 of the external plan";
    EHP006_COMPLETE_SECTION_N = "EHP-006.complete-section-n": "Complete section {n}";
    EHP007_LEAVE_SECTION_N_EMPTY = "EHP-007.leave-section-n-empty": "Leave section {n} empty on an external plan";
    EHP008_ASK_LEAD_PROFESSIONAL_WHO = "EHP-008.ask-lead-professional-who": "Ask the lead professional who completed the plan for the missing practitioner scores";
    EHP008_PRACTITIONER_SCORES_BEEN_RETURNED = "EHP-008.practitioner-scores-been-returned": "The practitioner scores have not been returned: the team leader chases them";
    EHP009_UPLOAD_EXTERNAL_PLAN_ATTACHMENT = "EHP-009.upload-external-plan-attachment": "Upload the external plan as an attachment";
    EHP010_BUSINESS_SUPPORT_COMPLETES_EXTERNAL = "EHP-010.business-support-completes-external": "Business support completes an external plan";
    EHP011_TEAM_LEADER_COMPLETES_EHA = "EHP-011.team-leader-completes-eha": "The team leader completes the EHA/EHSP audit for an external plan received as a referral";
    EHP002_SEND_PLAN_AUTHORISATION_WHEN = "EHP-002.sent-late": "Send the plan for authorisation when it has been open {weeks, plural, one {# week} other {# weeks}}: it was sent after {due}";
    EHP002_SEND_PLAN_AUTHORISATION_WHEN_2 = "EHP-002.overdue": "Send the plan for authorisation when it has been open {weeks, plural, one {# week} other {# weeks}}: it was due by {due}";
    EHP013_EARLY_HELP_ASSESSMENT_COMPLETED = "EHP-013.completed-late": "The early help assessment must be completed within {weeks, plural, one {# week} other {# weeks}} of allocation: it was completed after {due}";
    EHP013_EARLY_HELP_ASSESSMENT_COMPLETED_2 = "EHP-013.overdue": "The early help assessment must be completed within {weeks, plural, one {# week} other {# weeks}} of allocation: it was due by {due}";
    EHP014_WINDOW_ONE_BEFORE = "EHP-014.held-early": "The early help support meeting is held {fromWeeks} to {toWeeks, plural, one {# week} other {# weeks}} after the initial assessment: this one was before {from}";
    EHP014_WINDOW_ONE_AFTER_DUE = "EHP-014.held-late": "The early help support meeting is held {fromWeeks} to {toWeeks, plural, one {# week} other {# weeks}} after the initial assessment: this one was after {due}";
    EHP014_WINDOW_DUE_DUE = "EHP-014.overdue": "The early help support meeting is held {fromWeeks} to {toWeeks, plural, one {# week} other {# weeks}} after the initial assessment: it was due by {due}";
    EHP001_SELECT_WHETHER_EXTERNAL_PLAN = "EHP-001.select-whether-external-plan": "Select whether the external plan is a referral or for information only";
    EHP001_SELECT_WHETHER_PRACTITIONER_SCORES = "EHP-001.select-whether-practitioner-scores": "Select whether the practitioner scores are uploaded";
    EHP001_SELECT_WHETHER_EXTERNAL_PLAN_2 = "EHP-001.select-whether-external-plan-attached": "Select whether the external plan is attached";
    EHP001_ENTER_OUTCOME_SECTION_8 = "EHP-001.enter-outcome-section-8": "Enter the outcome (section 8)";
    EHP004_DO_OPEN_NEXT_PLAN_2 = "EHP-004.previous-plan-not-dated": "Do not open the next plan until the previous plan has been authorised: the previous plan has no date of authorisation, so there is no data to carry forward";
    EHP017_COMPLETE_CONSENT_EXTERNAL_PLAN = "EHP-017.complete-consent-external-plan": "Complete the consent for the external plan";
}
