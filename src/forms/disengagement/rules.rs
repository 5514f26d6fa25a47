//! The disengagement record's rules: one declaration each, and the check functions.

use crate::engine::value::{Map, Value};

use super::model;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::rule;

const SOP: &str = "STRENGTHENING FAMILIES STANDARD OPERATING PROCEDURE FOR DISENGAGEMENT";

rule!(REQUIRED, "DIS-001", "missing-required-field", Error, Required,
    ["/faceToFaceContacts", "/discussedInSupervisionOn", "/risksIdentified", "/outcome", "/letterSentOn", "/referrerNotified", "/childAtRiskOfHarm", "/closedOn", "/referredByFamilyConnect"],
    Cite::same(SEED_002, SOP),
    "A field the disengagement record needs is missing: the face to face contacts, the supervision discussion and its risk decision, the outcome; with no risks, the letter to the family and the copy to the referrer; before closing with risks, whether the child is left at risk of harm; the closure date.",
    "All cases where there is disengagement to be discussed in case supervision and risk assessed by the team leader/senior to assess what further action is required");

rule!(
    NO_CONTACT,
    "DIS-002",
    "no-face-to-face-contact",
    Error,
    Check,
    ["/faceToFaceContacts"],
    Cite::same(SEED_002, SOP),
    "No face to face contact from a practitioner is recorded, so the case is not a disengagement.",
    "Disengagement is classified as a minimum of 1 face to face contact from a Practitioner"
);

rule!(
    REFERRER_NOT_COPIED,
    "DIS-003",
    "referrer-not-sent-copy-of-letter",
    Warning,
    Check,
    ["/referrerNotified", "/risksIdentified", "/referredByFamilyConnect"],
    Cite::same(SEED_002, SOP),
    "With no risks identified, the referrer (unless it is Family Connect) is recorded as not sent a copy of the letter.",
    "Letter sent to family and copy sent to … referrer (if not family connect) with … details of the duty practitioner service."
);

rule!(
    LETTER_WITHOUT_DUTY_DETAILS,
    "DIS-004",
    "letter-without-duty-practitioner-details",
    Warning,
    Check,
    ["/letterIncludesDutyDetails", "/risksIdentified"],
    Cite::same(SEED_002, SOP),
    "The letter to the family is recorded as not giving the details of the duty practitioner service.",
    "Letter sent to family and copy sent to … referrer (if not family connect) with … details of the duty practitioner service."
);

rule!(CLOSED_WITHOUT_RE_ENGAGEMENT, "DIS-005", "closed-without-re-engagement-attempt", Error, Check,
    ["/outcome", "/risksIdentified", "/reEngagementAttempts"],
    Cite::interpreted(SEED_002, SOP),
    "With risks identified, the case is closed but no attempt to re-engage the family is recorded. The seed's flow chart is flattened; reading the attempts as coming before closure is interpreted.",
    "Attempt to re-engage family: … Contact referring agency to arrange joint visit. Contact multi agency partners, Look at other access routes Use creative approaches to re-engage the family. If disengagement continues re-assess the … risk of disengagement");

rule!(
    CLOSED_CHILD_AT_RISK,
    "DIS-006",
    "closed-with-child-at-risk",
    Error,
    Check,
    ["/outcome", "/childAtRiskOfHarm", "/risksIdentified"],
    Cite::same(SEED_002, SOP),
    "The case is closed although the risks of disengagement leave the child at risk of harm: it must be referred to Family Connect.",
    "Refer to Family Connect if risks of disengagement leave the child at risk of harm."
);

rule!(STEP_BEFORE_DISCUSSION, "DIS-007", "step-before-supervision-discussion", Warning, Check,
    ["/letterSentOn", "/closedOn", "/discussedInSupervisionOn"],
    Cite::interpreted(SEED_002, SOP),
    "The letter or the closure is dated before the disengagement was discussed in case supervision (the discussion decides what further action is required, so it comes first: interpreted).",
    "All cases where there is disengagement to be discussed in case supervision and risk assessed by the team leader/senior to assess what further action is required");

rule!(
    DATE_IN_FUTURE,
    "DIS-008",
    "date-in-future",
    Error,
    Check,
    ["/discussedInSupervisionOn", "/letterSentOn", "/closedOn"],
    Cite::interpreted(SEED_002, SOP),
    "A date of something already done (the supervision discussion, the letter, the closure) is after today.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &NO_CONTACT,
    &REFERRER_NOT_COPIED,
    &LETTER_WITHOUT_DUTY_DETAILS,
    &CLOSED_WITHOUT_RE_ENGAGEMENT,
    &CLOSED_CHILD_AT_RISK,
    &STEP_BEFORE_DISCUSSION,
    &DATE_IN_FUTURE,
];

/// What the rules and the outcome both need.
pub struct Facts {
    pub contacts: Option<f64>,
    pub risks: Option<bool>,
    pub by_family_connect: bool,
    pub attempts: usize,
    pub child_at_risk: Option<bool>,
    pub outcome: Option<String>,
}

pub fn facts(data: &Map<String, Value>) -> Facts {
    let attempts = read::object(data, "reEngagementAttempts")
        .map_or(0, |a| model::attempt_keys().filter(|k| read::boolean(a, k) == Some(true)).count());
    Facts {
        contacts: read::number(data, "faceToFaceContacts"),
        risks: read::boolean(data, "risksIdentified"),
        by_family_connect: read::boolean(data, "referredByFamilyConnect") == Some(true),
        attempts,
        child_at_risk: read::boolean(data, "childAtRiskOfHarm"),
        outcome: read::choice(data, "outcome", model::OUTCOMES).map(|o| o.into_owned()),
    }
}

impl Facts {
    pub fn closed(&self) -> bool {
        self.outcome.as_deref() == Some("closed")
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    face_to_face(ctx, f);
    no_risks_letter(data, ctx, f);
    risks_re_engagement(data, ctx, f);
    dates(data, ctx);
}

fn face_to_face(ctx: &mut Ctx, f: &Facts) {
    if f.contacts.is_some_and(|n| n < 1.0) {
        ctx.emit(&NO_CONTACT, "/faceToFaceContacts", &DIS002_DISENGAGEMENT_NEEDS_LEAST_1);
    }
}

/// No risks identified: a letter to the family (with the duty practitioner's details) and a copy to the referrer.
fn no_risks_letter(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.risks != Some(false) {
        return;
    }
    if read::is_blank(data.get("letterSentOn")) {
        ctx.emit(&REQUIRED, "/letterSentOn", &DIS001_ENTER_DATE_LETTER_SENT);
    }
    if read::boolean(data, "letterIncludesDutyDetails") == Some(false) {
        ctx.emit(&LETTER_WITHOUT_DUTY_DETAILS, "/letterIncludesDutyDetails", &DIS004_LETTER_FAMILY_GIVE_DETAILS)
            .related(["/risksIdentified"]);
    }
    if f.by_family_connect {
        return;
    }
    match read::boolean(data, "referrerNotified") {
        Some(false) => {
            ctx.emit(&REFERRER_NOT_COPIED, "/referrerNotified", &DIS003_SEND_COPY_LETTER_REFERRER)
                .related(["/risksIdentified", "/referredByFamilyConnect"]);
        }
        None if read::is_blank(data.get("referrerNotified")) => {
            ctx.emit(&REQUIRED, "/referrerNotified", &DIS001_SELECT_WHETHER_COPY_LETTER);
        }
        _ => {}
    }
}

/// Risks identified: attempts to re-engage, then (if disengagement continues) a re-assessment; a child left at risk
/// of harm is referred to Family Connect, never closed.
fn risks_re_engagement(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.closed() && read::is_blank(data.get("closedOn")) {
        ctx.emit(&REQUIRED, "/closedOn", &DIS001_ENTER_DATE_CASE_CLOSED);
    }
    if f.risks != Some(true) || !f.closed() {
        return;
    }
    if f.attempts == 0 {
        ctx.emit(&CLOSED_WITHOUT_RE_ENGAGEMENT, "/reEngagementAttempts", &DIS005_RECORD_ATTEMPTS_RE_ENGAGE)
            .related(["/outcome", "/risksIdentified"]);
    }
    match f.child_at_risk {
        Some(true) => {
            ctx.emit(&CLOSED_CHILD_AT_RISK, "/outcome", &DIS006_REFER_FAMILY_FAMILY_CONNECT)
                .related(["/childAtRiskOfHarm"]);
        }
        None if read::is_blank(data.get("childAtRiskOfHarm")) => {
            ctx.emit(&REQUIRED, "/childAtRiskOfHarm", &DIS001_SELECT_WHETHER_RISKS_DISENGAGEMENT);
        }
        _ => {}
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    let after = ["/letterSentOn", "/closedOn"];
    checks::dates_not_before(model::FIELDS, data, ctx, &STEP_BEFORE_DISCUSSION, "/discussedInSupervisionOn", &after);
}

crate::messages! {
    DIS002_DISENGAGEMENT_NEEDS_LEAST_1 = "DIS-002.disengagement-needs-least-1": "A disengagement needs at least 1 face to face contact from a practitioner";
    DIS001_ENTER_DATE_LETTER_SENT = "DIS-001.enter-date-letter-sent": "Enter the date the letter was sent to the family";
    DIS004_LETTER_FAMILY_GIVE_DETAILS = "DIS-004.letter-family-give-details": "The letter to the family must give the details of the duty practitioner service";
    DIS003_SEND_COPY_LETTER_REFERRER = "DIS-003.send-copy-letter-referrer": "Send a copy of the letter to the referrer, unless the referrer is Family Connect";
    DIS001_SELECT_WHETHER_COPY_LETTER = "DIS-001.select-whether-copy-letter": "Select whether a copy of the letter was sent to the referrer";
    DIS001_ENTER_DATE_CASE_CLOSED = "DIS-001.enter-date-case-closed": "Enter the date the case was closed";
    DIS005_RECORD_ATTEMPTS_RE_ENGAGE = "DIS-005.record-attempts-re-engage": "Record the attempts to re-engage the family before closing a case where risks were identified";
    DIS006_REFER_FAMILY_FAMILY_CONNECT = "DIS-006.refer-family-family-connect": "Refer the family to Family Connect instead of closing: the risks of disengagement leave the child at risk of harm";
    DIS001_SELECT_WHETHER_RISKS_DISENGAGEMENT = "DIS-001.select-whether-risks-disengagement": "Select whether the risks of disengagement leave the child at risk of harm";
}
