//! The Family Ambassador volunteer record's rules: one declaration each, and the check functions.
//!
//! The process has no heading of its own in the seed: it follows "MULTI-AGENCY INFORMATION SHARING MEETING SOPS",
//! and the seed's contents list it as "Family Ambassador", which is the section cited.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::lower_first;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::registry::field_label;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::{self, Status, DUE_SOON_DAYS};
use crate::msg;
use crate::rule;

const SECTION: &str = "Family Ambassador";

pub static REFERENCE_WEEKS: Param = Param { key: "family-ambassador.referenceWeeks", default: 2, unit: "weeks" };
pub static REFERENCES: Param = Param { key: "family-ambassador.references", default: 2, unit: "references" };
pub static ID_DOCUMENTS: Param = Param { key: "family-ambassador.idDocuments", default: 3, unit: "documents" };
pub static MIN_WEEKLY_HOURS: Param = Param { key: "family-ambassador.minWeeklyHours", default: 2, unit: "hours" };
pub static MAX_WEEKLY_HOURS: Param = Param { key: "family-ambassador.maxWeeklyHours", default: 4, unit: "hours" };
pub static SUPERVISION_WEEKS: Param = Param { key: "family-ambassador.supervisionWeeks", default: 6, unit: "weeks" };

rule!(REQUIRED, "AMB-001", "missing-required-field", Error, Required,
    ["/appliedOn", "/locality", "/idDocumentsSeen", "/inductionVisitOn", "/introductoryVisitOn", "/matchedOn"],
    Cite::same(SEED_002, SECTION),
    "A field the volunteer record needs is missing: the date of the application and the locality; after the introductory visit, the number of identity documents seen; once matched, the induction visit with the allocated practitioner.",
    "Family Ambassador is matched with a family in the community and completes an induction visit with the Allocated Practitioner to discuss role.");

rule!(REFERENCES_OVERDUE, "AMB-002", "references-not-returned-in-2-weeks", Warning, Check,
    ["/referencesReceived", "/referencesRequestedOn"],
    Cite::interpreted(SEED_002, SECTION),
    "The references have not come back within 2 weeks of the request: the volunteer is told to chase them. The seed does not say how many references: 2 is interpreted (a profile may change it).",
    "Volunteer Lead sends out reference request forms and letter, this must be returned within 2 weeks, if not received volunteer notified to chase.",
    params = [REFERENCE_WEEKS, REFERENCES]);

rule!(
    ID_DOCUMENTS_FEW,
    "AMB-003",
    "fewer-than-three-id-documents",
    Warning,
    Check,
    ["/idDocumentsSeen", "/introductoryVisitOn"],
    Cite::same(SEED_002, SECTION),
    "Fewer than three identity documents were seen, so the ID verification is not complete.",
    "Volunteer to bring 3 identity documentations to introductory visit to Complete ID verification.",
    params = [ID_DOCUMENTS]
);

rule!(
    DBS_BEFORE_MATCHING,
    "AMB-004",
    "dbs-certificate-not-seen-before-matching",
    Error,
    Check,
    ["/dbs/certificateSeenOn", "/matchedOn"],
    Cite::interpreted(SEED_002, SECTION),
    "The volunteer is matched with a family but the DBS certificate was not seen on or before the date of matching (the order of the process read as a precondition: interpreted).",
    "Volunteer to bring in certificate once received."
);

rule!(
    TRAINING_BEFORE_MATCHING,
    "AMB-005",
    "training-not-complete-before-matching",
    Error,
    Check,
    ["/training/onlineOn", "/training/faceToFaceOn", "/matchedOn"],
    Cite::interpreted(SEED_002, SECTION),
    "The volunteer is matched with a family but the online or the face-to-face training was not completed on or before the date of matching.",
    "Successful volunteer completes online Ollie training as well as face-to-face training (see separate Training programme)."
);

rule!(
    SIGNED_BEFORE_MATCHING,
    "AMB-006",
    "documents-not-signed-before-matching",
    Error,
    Check,
    ["/signed/riskAssessment", "/signed/policies", "/signed/volunteerAgreement", "/matchedOn"],
    Cite::interpreted(SEED_002, SECTION),
    "The volunteer is matched with a family but has not signed the risk assessment, the policy documents or the volunteer agreement.",
    "Volunteer signs risk assessment, policy documents and volunteer agreement."
);

rule!(
    WEEKLY_HOURS,
    "AMB-007",
    "weekly-hours-outside-2-to-4",
    Warning,
    Check,
    ["/weeklyHours"],
    Cite::interpreted(SEED_002, SECTION),
    "The hours a week with the family are outside 2 to 4 (\"around\" makes this a warning, not an error).",
    "Family Ambassador supports family weekly for around 2- 4 hours per week recording all contact.",
    params = [MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS]
);

rule!(SUPERVISION_GAP, "AMB-008", "supervision-gap-over-6-weeks", Warning, Check,
    ["/supervisions", "/supervisions/*", "/matchedOn"],
    Cite::same(SEED_002, SECTION),
    "More than 6 weeks passed between the match (or a supervision) and the next supervision, or the next supervision is overdue today.",
    "Family Ambassador meets with locality Volunteer Lead for supervision on a 6 weekly basis.",
    params = [SUPERVISION_WEEKS]);

rule!(
    STEPS_OUT_OF_ORDER,
    "AMB-009",
    "steps-out-of-order",
    Error,
    Check,
    [
        "/appliedOn",
        "/informalDiscussionOn",
        "/packSentOn",
        "/applicationReturnedOn",
        "/introductoryVisitOn",
        "/referencesRequestedOn",
        "/referencesReceived/*",
        "/dbs/appliedOn",
        "/dbs/certificateSeenOn",
        "/matchedOn",
        "/inductionVisitOn"
    ],
    Cite::interpreted(SEED_002, SECTION),
    "A step is dated before the step it follows: anything before the application, the pack returned before it was sent, a reference before the request, the DBS certificate before the application, the induction visit before the match.",
    ""
);

rule!(
    IN_FUTURE,
    "AMB-010",
    "date-in-future",
    Error,
    Check,
    [
        "/appliedOn",
        "/informalDiscussionOn",
        "/packSentOn",
        "/applicationReturnedOn",
        "/introductoryVisitOn",
        "/referencesRequestedOn",
        "/referencesReceived/*",
        "/dbs/appliedOn",
        "/dbs/certificateSeenOn",
        "/training/onlineOn",
        "/training/faceToFaceOn",
        "/idBadgeOn",
        "/matchedOn",
        "/inductionVisitOn",
        "/supervisions/*"
    ],
    Cite::interpreted(SEED_002, SECTION),
    "A date of something already done is after today.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &REFERENCES_OVERDUE,
    &ID_DOCUMENTS_FEW,
    &DBS_BEFORE_MATCHING,
    &TRAINING_BEFORE_MATCHING,
    &SIGNED_BEFORE_MATCHING,
    &WEEKLY_HOURS,
    &SUPERVISION_GAP,
    &STEPS_OUT_OF_ORDER,
    &IN_FUTURE,
];

/// A deadline and where it stands.
pub struct Deadline {
    pub due: NaiveDate,
    pub status: Status,
}

/// What the rules and the outcome both need.
pub struct Facts {
    pub matched: Option<NaiveDate>,
    pub references: Option<Deadline>,
    pub supervision: Option<Deadline>,
    /// What is still needed before matching, as ids.
    pub before_matching: Vec<&'static str>,
}

fn sorted_dates(data: &Map<String, Value>, key: &str) -> Vec<(usize, NaiveDate)> {
    let mut out: Vec<(usize, NaiveDate)> = read::list(data, key)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, read::parse_date(v).ok().flatten()?)))
        .collect();
    crate::engine::sort::stable_by_key(&mut out, |(i, d)| (*d, *i));
    out
}

fn nested_date(data: &Map<String, Value>, object: &str, key: &str) -> Option<NaiveDate> {
    read::object(data, object).and_then(|o| read::date(o, key))
}

fn references(data: &Map<String, Value>, ctx: &Ctx) -> Option<Deadline> {
    let requested = read::date(data, "referencesRequestedOn")?;
    let due = calendar::add_weeks(requested, ctx.value(&REFERENCE_WEEKS))?;
    let needed = usize::try_from(ctx.value(&REFERENCES)).unwrap_or(0);
    let received = sorted_dates(data, "referencesReceived");
    let met = match needed.checked_sub(1) {
        None => Some(requested),
        Some(i) => received.get(i).map(|(_, d)| *d),
    };
    Some(Deadline { due, status: timescale::status(due, met, ctx.today, DUE_SOON_DAYS) })
}

/// The supervisions since the match, in date order, each with the deadline it was judged against; then the next
/// deadline and where it stands today.
fn supervision_chain(data: &Map<String, Value>, ctx: &Ctx) -> (Vec<(usize, NaiveDate)>, Option<Deadline>) {
    let Some(matched) = read::date(data, "matchedOn") else { return (Vec::new(), None) };
    let weeks = ctx.value(&SUPERVISION_WEEKS);
    let mut gaps = Vec::new();
    let mut last = matched;
    for (i, d) in sorted_dates(data, "supervisions") {
        if d < matched || d > ctx.today {
            continue;
        }
        if let Some(due) = calendar::add_weeks(last, weeks) {
            if d > due {
                gaps.push((i, due));
            }
        }
        last = d;
    }
    let next = calendar::add_weeks(last, weeks)
        .map(|due| Deadline { due, status: timescale::status(due, None, ctx.today, DUE_SOON_DAYS) });
    (gaps, next)
}

fn before_matching(data: &Map<String, Value>) -> Vec<&'static str> {
    let signed = read::object(data, "signed");
    let is_signed = |k: &str| signed.and_then(|s| read::boolean(s, k)) == Some(true);
    [
        (nested_date(data, "dbs", "certificateSeenOn").is_some(), "dbs-certificate"),
        (nested_date(data, "training", "onlineOn").is_some(), "online-training"),
        (nested_date(data, "training", "faceToFaceOn").is_some(), "face-to-face-training"),
        (is_signed("riskAssessment"), "risk-assessment-signed"),
        (is_signed("policies"), "policies-signed"),
        (is_signed("volunteerAgreement"), "volunteer-agreement-signed"),
    ]
    .into_iter()
    .filter_map(|(done, id)| (!done).then_some(id))
    .collect()
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    Facts {
        matched: read::date(data, "matchedOn"),
        references: references(data, ctx),
        supervision: supervision_chain(data, ctx).1,
        before_matching: before_matching(data),
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    references_and_id(data, ctx, f);
    matching(data, ctx, f);
    hours_and_supervision(data, ctx);
    order(data, ctx);
    future(data, ctx);
}

fn references_and_id(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if let Some(r) = &f.references {
        if r.status == Status::Overdue {
            let weeks = ctx.value(&REFERENCE_WEEKS);
            ctx.emit(
                &REFERENCES_OVERDUE,
                "/referencesReceived",
                msg!(AMB002_REFERENCES_BEEN_RETURNED_WITHIN, weeks = weeks),
            )
            .related(["/referencesRequestedOn"])
            .due(calendar::format_date(r.due));
        }
    }
    let needed = ctx.value(&ID_DOCUMENTS);
    match read::number(data, "idDocumentsSeen") {
        Some(n) if n < needed as f64 => {
            ctx.emit(&ID_DOCUMENTS_FEW, "/idDocumentsSeen", msg!(AMB003_ID_VERIFICATION_NEEDS_NEEDED, needed = needed))
                .related(["/introductoryVisitOn"]);
        }
        None if read::date(data, "introductoryVisitOn").is_some() && read::is_blank(data.get("idDocumentsSeen")) => {
            ctx.emit(&REQUIRED, "/idDocumentsSeen", &AMB001_ENTER_NUMBER_IDENTITY_DOCUMENTS);
        }
        _ => {}
    }
}

fn matching(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(matched) = f.matched else { return };
    if read::is_blank(data.get("inductionVisitOn")) {
        ctx.emit(&REQUIRED, "/inductionVisitOn", &AMB001_ENTER_DATE_INDUCTION_VISIT);
    }
    let seen = nested_date(data, "dbs", "certificateSeenOn");
    if seen.is_none_or(|d| d > matched) {
        ctx.emit(&DBS_BEFORE_MATCHING, "/dbs/certificateSeenOn", &AMB004_DBS_CERTIFICATE_SEEN_BEFORE)
            .related(["/matchedOn"]);
    }
    for (key, label) in [("onlineOn", "online"), ("faceToFaceOn", "face-to-face")] {
        if nested_date(data, "training", key).is_none_or(|d| d > matched) {
            ctx.emit(
                &TRAINING_BEFORE_MATCHING,
                crate::text!("/training/", key),
                msg!(AMB005_VOLUNTEER_COMPLETE_LABEL_TRAINING, label = label),
            )
            .related(["/matchedOn"]);
        }
    }
    let signed = read::object(data, "signed");
    for field in model::SIGNED {
        if signed.and_then(|s| read::boolean(s, field.name)) != Some(true) {
            ctx.emit(
                &SIGNED_BEFORE_MATCHING,
                crate::text!("/signed/", field.name),
                msg!(AMB006_VOLUNTEER_SIGN_WHAT_BEFORE, document = field.name),
            )
            .related(["/matchedOn"]);
        }
    }
}

fn hours_and_supervision(data: &Map<String, Value>, ctx: &mut Ctx) {
    if let Some(h) = read::number(data, "weeklyHours") {
        let (min, max) = (ctx.value(&MIN_WEEKLY_HOURS), ctx.value(&MAX_WEEKLY_HOURS));
        if h < min as f64 || h > max as f64 {
            ctx.emit(
                &WEEKLY_HOURS,
                "/weeklyHours",
                msg!(AMB007_FAMILY_AMBASSADOR_SUPPORTS_FAMILY, min = min, max = max),
            );
        }
    }
    let weeks = ctx.value(&SUPERVISION_WEEKS);
    let (gaps, next) = supervision_chain(data, ctx);
    for (i, due) in gaps {
        ctx.emit(
            &SUPERVISION_GAP,
            crate::text!("/supervisions/", i),
            msg!(AMB008_SUPERVISION_CAME_MORE_WEEKS, weeks = weeks),
        )
        .related(["/matchedOn"])
        .due(calendar::format_date(due));
    }
    if let Some(next) = next.filter(|n| n.status == Status::Overdue) {
        ctx.emit(&SUPERVISION_GAP, "/supervisions", msg!(AMB008_SUPERVISION_LOCALITY_VOLUNTEER_LEAD, weeks = weeks))
            .related(["/matchedOn"])
            .due(calendar::format_date(next.due));
    }
}

/// A step (path, date, label) and the step it follows (date, path, label in mid-sentence).
type Pair<'a> = (String, Option<NaiveDate>, &'a str, Option<NaiveDate>, &'a str, &'a str);

/// Each step must be the same as or after the step it follows.
fn order(data: &Map<String, Value>, ctx: &mut Ctx) {
    let applied = read::date(data, "appliedOn");
    let mut pairs: Vec<Pair> = Vec::new();
    for (key, label) in [
        ("informalDiscussionOn", "Date of the informal discussion"),
        ("packSentOn", "Date the application pack was sent"),
        ("applicationReturnedOn", "Date the application pack was returned"),
        ("introductoryVisitOn", "Date of the introductory visit"),
        ("referencesRequestedOn", "Date the references were requested"),
        ("matchedOn", "Date the volunteer was matched with a family"),
    ] {
        pairs.push((
            crate::text!("/", key),
            read::date(data, key),
            label,
            applied,
            "/appliedOn",
            "date of the application",
        ));
    }
    pairs.push((
        "/applicationReturnedOn".into(),
        read::date(data, "applicationReturnedOn"),
        "Date the application pack was returned",
        read::date(data, "packSentOn"),
        "/packSentOn",
        "date the application pack was sent",
    ));
    let requested = read::date(data, "referencesRequestedOn");
    for (i, d) in sorted_dates(data, "referencesReceived") {
        pairs.push((
            crate::text!("/referencesReceived/", i),
            Some(d),
            "Date a reference was received",
            requested,
            "/referencesRequestedOn",
            "date the references were requested",
        ));
    }
    pairs.push((
        "/dbs/certificateSeenOn".into(),
        nested_date(data, "dbs", "certificateSeenOn"),
        "Date the DBS certificate was seen",
        nested_date(data, "dbs", "appliedOn"),
        "/dbs/appliedOn",
        "date the DBS application was completed",
    ));
    pairs.push((
        "/inductionVisitOn".into(),
        read::date(data, "inductionVisitOn"),
        "Date of the induction visit",
        read::date(data, "matchedOn"),
        "/matchedOn",
        "date the volunteer was matched with a family",
    ));
    for (path, date, label, after, after_path, after_label) in pairs {
        if let (Some(d), Some(a)) = (date, after) {
            if d < a {
                let message = msg!(
                    AMB009_LABEL_SAME_AFTER_AFTERLABEL,
                    label = field_label(model::FIELDS, &path).unwrap_or(label),
                    afterLabel =
                        field_label(model::FIELDS, after_path).map_or_else(|| after_label.to_owned(), lower_first)
                );
                ctx.emit(&STEPS_OUT_OF_ORDER, path, message).related([after_path]);
            }
        }
    }
}

fn future(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &IN_FUTURE);
}

crate::messages! {
    AMB002_REFERENCES_BEEN_RETURNED_WITHIN = "AMB-002.references-been-returned-within": "The references have not been returned within {weeks, plural, one {# week} other {# weeks}} of the request: ask the volunteer to chase them";
    AMB003_ID_VERIFICATION_NEEDS_NEEDED = "AMB-003.id-verification-needs-needed": "The ID verification needs {needed} identity documents";
    AMB001_ENTER_NUMBER_IDENTITY_DOCUMENTS = "AMB-001.enter-number-identity-documents": "Enter the number of identity documents seen at the introductory visit";
    AMB001_ENTER_DATE_INDUCTION_VISIT = "AMB-001.enter-date-induction-visit": "Enter the date of the induction visit with the allocated practitioner";
    AMB004_DBS_CERTIFICATE_SEEN_BEFORE = "AMB-004.dbs-certificate-seen-before": "The DBS certificate must be seen before the volunteer is matched with a family";
    AMB005_VOLUNTEER_COMPLETE_LABEL_TRAINING = "AMB-005.volunteer-complete-label-training": "The volunteer must complete the {label} training before being matched with a family";
    AMB006_VOLUNTEER_SIGN_WHAT_BEFORE = "AMB-006.signed-after-matching": "The volunteer must sign {document, select, riskAssessment {the risk assessment} policies {the policy documents} other {the volunteer agreement}} before being matched with a family";
    AMB007_FAMILY_AMBASSADOR_SUPPORTS_FAMILY = "AMB-007.family-ambassador-supports-family": "A Family Ambassador supports the family for around {min} to {max} hours a week";
    AMB008_SUPERVISION_CAME_MORE_WEEKS = "AMB-008.supervision-came-more-weeks": "This supervision came more than {weeks, plural, one {# week} other {# weeks}} after the previous one (or the match): supervision is every {weeks, plural, one {# week} other {# weeks}}";
    AMB008_SUPERVISION_LOCALITY_VOLUNTEER_LEAD = "AMB-008.supervision-locality-volunteer-lead": "Supervision with the locality volunteer lead is overdue: it is every {weeks, plural, one {# week} other {# weeks}}";
    AMB009_LABEL_SAME_AFTER_AFTERLABEL = "AMB-009.label-before-step": "{label} must be the same as or after the {afterLabel}";
}
