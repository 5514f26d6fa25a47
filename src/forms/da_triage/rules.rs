//! The domestic abuse triage's rules: one declaration each, and the check functions.
//!
//! The window is the 12 months ending on the triage date (today when blank), rolling: an incident counts when it is
//! after the same day 12 months earlier (month ends clamped) and on or before the triage date.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::{self, DUE_SOON_DAYS};
use crate::msg;
use crate::rule;

const WORKFLOW: &str = "Domestic Abuse Workflow";

pub static STANDARD_INCIDENTS: Param = Param { key: "da-triage.standardIncidents", default: 5, unit: "incidents" };
pub static MEDIUM_INCIDENTS: Param = Param { key: "da-triage.mediumIncidents", default: 3, unit: "incidents" };
pub static WINDOW_MONTHS: Param = Param { key: "da-triage.windowMonths", default: 12, unit: "months" };
pub static PHONE_DAYS: Param = Param { key: "da-triage.phoneDays", default: 3, unit: "days" };

rule!(REQUIRED, "DAT-001", "missing-required-field", Error, Required,
    ["/incidents", "/incidents/*/date", "/incidents/*/risk", "/allocatedWorker", "/knownToServices", "/historyOfConcerns", "/decision", "/victimAgreesToContact", "/triageDate"],
    Cite::same(SEED_002, WORKFLOW),
    "A field the triage needs is missing: the incidents with their dates and risk levels, whether there is an allocated worker, the decision; with a medium incident in the window, whether the family is known to services and has a history of concerns; with a telephone call decided, whether the victim agrees to contact.",
    "Triage Rep will review the nature of the incidents, against known information on family member.");

rule!(ESCALATE, "DAT-002", "escalate-standard-incidents", Info, Check,
    ["/incidents/*/risk", "/incidents/*/date", "/allocatedWorker", "/triageDate"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "5 or more standard incidents in the 12 months ending on the triage date and no allocated worker: SF Triage escalates to medium risk. \"5\" is read as 5 or more, and \"within a 12 month period\" as the rolling 12 months ending on the triage date (interpreted).",
    "5 Standard incidents within a 12 month period no allocated worker, escalate to medium risk",
    params = [STANDARD_INCIDENTS, WINDOW_MONTHS]);

rule!(TRIAGE_MEDIUM_INCIDENTS, "DAT-003", "triage-medium-incidents", Info, Check,
    ["/incidents/*/risk", "/incidents/*/date", "/allocatedWorker", "/triageDate"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "3 or more medium incidents in the 12 months ending on the triage date and no allocated worker: SF Triage. \"3\" is read as 3 or more, the window as rolling (interpreted).",
    "3 Medium incidents within a 12 month period no allocated worker.",
    params = [MEDIUM_INCIDENTS, WINDOW_MONTHS]);

rule!(TRIAGE_MEDIUM_NOT_KNOWN, "DAT-004", "triage-medium-not-known", Info, Check,
    ["/incidents/*/risk", "/incidents/*/date", "/knownToServices", "/historyOfConcerns", "/triageDate"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "A medium incident in the 12 months ending on the triage date, and the family is not known to services with no history of issues or concerns: SF Triage. The window is read into this criterion to match the other two (interpreted).",
    "Medium incident not known to services and no history exists of any issues or concerns",
    params = [WINDOW_MONTHS]);

rule!(
    INCIDENT_AFTER_TRIAGE,
    "DAT-005",
    "incident-after-triage-date",
    Error,
    Check,
    ["/incidents/*/date", "/triageDate", "/incidents/*/risk"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "An incident is dated after the triage date (today, when the triage date is blank).",
    ""
);

rule!(
    IN_FUTURE,
    "DAT-006",
    "date-in-future",
    Error,
    Check,
    ["/triageDate", "/contactAttempts/*", "/letterSentOn"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "The triage date, a contact attempt or the letter is dated after today.",
    ""
);

rule!(
    NO_BARNARDOS,
    "DAT-007",
    "decision-without-barnardos-assessment",
    Warning,
    Check,
    ["/barnardosRiskAssessment", "/decision"],
    Cite::same(SEED_002, WORKFLOW),
    "A decision is recorded but the incidents are not recorded as assessed against the Barnardo's Risk Assessment Tool.",
    "The following will be assessed against the Barnardo's Risk Assessment Tool and the following outcomes may occur"
);

rule!(LETTER_AFTER_CALLS, "DAT-008", "letter-due-after-three-days-of-calls", Warning, Check,
    ["/letterSentOn", "/contactAttempts", "/contactMade", "/victimAgreesToContact", "/decision"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "The victim agreed to contact and telephone contact was attempted on 3 days without success, but no letter is recorded (or it was sent late). The letter is read as due the day after the third day of attempts (interpreted).",
    "If agreeing to contact Victim then this will be attempted for 3 days then go to 1.",
    params = [PHONE_DAYS]);

rule!(
    CALL_WITHOUT_AGREEMENT,
    "DAT-009",
    "phone-call-without-agreement",
    Warning,
    Check,
    ["/decision", "/victimAgreesToContact"],
    Cite::interpreted(SEED_002, WORKFLOW),
    "A telephone call is decided but the victim does not agree to contact (contact by telephone is read as needing the victim's agreement: interpreted).",
    "If agreeing to contact Victim then this will be attempted for 3 days then go to 1."
);

rule!(
    NOT_ON_CRM,
    "DAT-010",
    "not-recorded-on-crm",
    Warning,
    Check,
    ["/recordedOnCrm"],
    Cite::same(SEED_002, WORKFLOW),
    "The contact and decisions are recorded as not on CRM.",
    "ALL contact and decision making to be recorded on CRM only"
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &ESCALATE,
    &TRIAGE_MEDIUM_INCIDENTS,
    &TRIAGE_MEDIUM_NOT_KNOWN,
    &INCIDENT_AFTER_TRIAGE,
    &IN_FUTURE,
    &NO_BARNARDOS,
    &LETTER_AFTER_CALLS,
    &CALL_WITHOUT_AGREEMENT,
    &NOT_ON_CRM,
];

/// What the rules and the outcome both need.
pub struct Facts {
    /// The triage date (today when blank); `None` when it is malformed.
    pub triage_date: Option<NaiveDate>,
    /// The first day of the window.
    pub window_from: Option<NaiveDate>,
    pub standard: i64,
    pub medium: i64,
    pub high: i64,
    pub allocated: Option<bool>,
    pub escalate: bool,
    pub medium_three: bool,
    pub medium_not_known: bool,
}

impl Facts {
    pub fn triage(&self) -> bool {
        self.escalate || self.medium_three || self.medium_not_known
    }

    /// Why SF Triage sees the family, as ids.
    pub fn reasons(&self) -> Vec<&'static str> {
        [
            (self.escalate, "standard-incidents-no-worker"),
            (self.medium_three, "medium-incidents-no-worker"),
            (self.medium_not_known, "medium-incident-not-known"),
        ]
        .into_iter()
        .filter_map(|(on, id)| on.then_some(id))
        .collect()
    }
}

fn incidents(data: &Map<String, Value>) -> impl Iterator<Item = (usize, NaiveDate, String)> + '_ {
    read::list(data, "incidents").iter().enumerate().filter_map(|(i, v)| {
        let o = v.as_object()?;
        Some((i, read::date(o, "date")?, read::choice(o, "risk", model::RISKS)?.into_owned()))
    })
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let triage_date =
        if read::is_blank(data.get("triageDate")) { Some(ctx.today) } else { read::date(data, "triageDate") };
    let months = i32::try_from(ctx.value(&WINDOW_MONTHS)).unwrap_or(12);
    let before = triage_date.and_then(|t| calendar::add_months(t, months.saturating_neg()));
    let window_from = before.and_then(|b| calendar::add_days(b, 1));
    let (mut standard, mut medium, mut high) = (0i64, 0i64, 0i64);
    if let (Some(t), Some(b)) = (triage_date, before) {
        for (_, date, risk) in incidents(data) {
            if date > b && date <= t {
                let n = match risk.as_str() {
                    "standard" => &mut standard,
                    "medium" => &mut medium,
                    _ => &mut high,
                };
                *n = n.saturating_add(1);
            }
        }
    }
    let allocated = read::boolean(data, "allocatedWorker");
    let no_worker = allocated == Some(false);
    let not_known = read::boolean(data, "knownToServices") == Some(false)
        && read::boolean(data, "historyOfConcerns") == Some(false);
    Facts {
        triage_date,
        window_from,
        standard,
        medium,
        high,
        allocated,
        escalate: no_worker && standard >= ctx.value(&STANDARD_INCIDENTS),
        medium_three: no_worker && medium >= ctx.value(&MEDIUM_INCIDENTS),
        medium_not_known: not_known && medium >= 1,
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    dates(data, ctx, f);
    criteria(data, ctx, f);
    decision(data, ctx);
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &IN_FUTURE);
    if let Some(t) = f.triage_date {
        let explicit = read::date(data, "triageDate").is_some();
        for (i, date, _) in incidents(data) {
            if date > t {
                let message = if explicit {
                    msg!(DAT005_DATE_INCIDENT_SAME_BEFORE)
                } else {
                    msg!(DAT005_DATE_INCIDENT_TODAY_PAST)
                };
                ctx.emit(&INCIDENT_AFTER_TRIAGE, crate::text!("/incidents/", i, "/date"), message)
                    .related(["/triageDate"]);
            }
        }
    }
}

fn criteria(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let months = ctx.value(&WINDOW_MONTHS);
    let window = months;
    if f.medium >= 1 {
        for (key, message) in [
            ("knownToServices", &DAT001_SELECT_WHETHER_FAMILY_KNOWN),
            ("historyOfConcerns", &DAT001_SELECT_WHETHER_THERE_HISTORY),
        ] {
            if read::is_blank(data.get(key)) {
                ctx.emit(&REQUIRED, crate::text!("/", key), message);
            }
        }
    }
    if f.escalate {
        ctx.emit(
            &ESCALATE,
            "/incidents",
            msg!(DAT002_ESCALATE_MEDIUM_RISK_STANDARD, standard = f.standard, window = window),
        )
        .related(["/allocatedWorker", "/triageDate"]);
    }
    if f.medium_three {
        ctx.emit(
            &TRIAGE_MEDIUM_INCIDENTS,
            "/incidents",
            msg!(DAT003_SF_TRIAGE_MEDIUM_LAST, medium = f.medium, window = window),
        )
        .related(["/allocatedWorker", "/triageDate"]);
    }
    if f.medium_not_known {
        ctx.emit(&TRIAGE_MEDIUM_NOT_KNOWN, "/incidents", msg!(DAT004_SF_TRIAGE_MEDIUM_INCIDENT, window = window))
            .related(["/knownToServices", "/historyOfConcerns", "/triageDate"]);
    }
}

fn decision(data: &Map<String, Value>, ctx: &mut Ctx) {
    let decision = read::choice(data, "decision", model::DECISIONS);
    let agrees = read::boolean(data, "victimAgreesToContact");
    if decision.is_some() && read::boolean(data, "barnardosRiskAssessment") != Some(true) {
        ctx.emit(&NO_BARNARDOS, "/barnardosRiskAssessment", &DAT007_ASSESS_INCIDENTS_AGAINST_BARNARDOS)
            .related(["/decision"]);
    }
    if decision.as_deref() == Some("phone-call") {
        match agrees {
            Some(false) => {
                ctx.emit(&CALL_WITHOUT_AGREEMENT, "/decision", &DAT009_TELEPHONE_CALL_NEEDS_VICTIMS)
                    .related(["/victimAgreesToContact"]);
            }
            None if read::is_blank(data.get("victimAgreesToContact")) => {
                ctx.emit(&REQUIRED, "/victimAgreesToContact", &DAT001_SELECT_WHETHER_VICTIM_AGREES);
            }
            _ => {}
        }
    }
    if read::boolean(data, "recordedOnCrm") == Some(false) {
        ctx.emit(&NOT_ON_CRM, "/recordedOnCrm", &DAT010_RECORD_ALL_CONTACT_DECISIONS);
    }
    // Telephone contact attempted on 3 days without success: the letter follows.
    if agrees != Some(true) || read::boolean(data, "contactMade") == Some(true) {
        return;
    }
    // The distinct days, in order (not a `BTreeSet`: collecting one sorts with the standard library's sort).
    let mut days: Vec<NaiveDate> =
        read::list(data, "contactAttempts").iter().filter_map(|v| read::parse_date(v).ok().flatten()).collect();
    crate::engine::sort::distinct(&mut days);
    let needed = usize::try_from(ctx.value(&PHONE_DAYS)).unwrap_or(3);
    let Some(last_day) = needed.checked_sub(1).and_then(|i| days.get(i)) else { return };
    let Some(due) = calendar::add_days(*last_day, 1) else { return };
    let sent = read::date(data, "letterSentOn");
    let status = timescale::status(due, sent, ctx.today, DUE_SOON_DAYS);
    let phone_days = ctx.value(&PHONE_DAYS);
    let message = match status {
        timescale::Status::MetLate => {
            msg!(DAT008_LETTER_SENT_LATE_FOLLOWS, phoneDays = phone_days)
        }
        timescale::Status::Overdue | timescale::Status::DueSoon => {
            msg!(DAT008_SEND_LETTER_OFFERING_SUPPORT, phoneDays = phone_days)
        }
        _ => return,
    };
    ctx.emit(&LETTER_AFTER_CALLS, "/letterSentOn", message)
        .related(["/contactAttempts", "/contactMade", "/victimAgreesToContact"])
        .due(calendar::format_date(due));
}

crate::messages! {
    DAT005_DATE_INCIDENT_SAME_BEFORE = "DAT-005.date-incident-same-before": "Date of the incident must be the same as or before the date of the triage";
    DAT005_DATE_INCIDENT_TODAY_PAST = "DAT-005.date-incident-today-past": "Date of the incident must be today or in the past";
    DAT002_ESCALATE_MEDIUM_RISK_STANDARD = "DAT-002.escalate-medium-risk-standard": "Escalate to medium risk: {standard, plural, one {# standard incident} other {# standard incidents}} in the last {window, plural, one {# month} other {# months}} and no allocated worker";
    DAT003_SF_TRIAGE_MEDIUM_LAST = "DAT-003.sf-triage-medium-last": "For SF Triage: {medium, plural, one {# medium incident} other {# medium incidents}} in the last {window, plural, one {# month} other {# months}} and no allocated worker";
    DAT004_SF_TRIAGE_MEDIUM_INCIDENT = "DAT-004.sf-triage-medium-incident": "For SF Triage: a medium incident in the last {window, plural, one {# month} other {# months}}, and the family is not known to services with no history of issues or concerns";
    DAT007_ASSESS_INCIDENTS_AGAINST_BARNARDOS = "DAT-007.assess-incidents-against-barnardos": "Assess the incidents against the Barnardo’s Risk Assessment Tool before deciding";
    DAT009_TELEPHONE_CALL_NEEDS_VICTIMS = "DAT-009.telephone-call-needs-victims": "A telephone call needs the victim’s agreement to contact: offer support by letter instead";
    DAT001_SELECT_WHETHER_VICTIM_AGREES = "DAT-001.select-whether-victim-agrees": "Select whether the victim agrees to contact";
    DAT010_RECORD_ALL_CONTACT_DECISIONS = "DAT-010.record-all-contact-decisions": "Record all contact and decisions on CRM";
    DAT008_LETTER_SENT_LATE_FOLLOWS = "DAT-008.letter-sent-late-follows": "The letter was sent late: it follows {phoneDays, plural, one {# day} other {# days}} of telephone attempts without contact";
    DAT008_SEND_LETTER_OFFERING_SUPPORT = "DAT-008.send-letter-offering-support": "Send the letter offering support: telephone contact was attempted on {phoneDays, plural, one {# day} other {# days}} without success";
    DAT001_SELECT_WHETHER_FAMILY_KNOWN = "DAT-001.select-whether-family-known": "Select whether the family is known to services";
    DAT001_SELECT_WHETHER_THERE_HISTORY = "DAT-001.select-whether-there-history": "Select whether there is a history of issues or concerns";
}
