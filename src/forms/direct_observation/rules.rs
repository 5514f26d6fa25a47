//! The direct observation's rules: one declaration each, then the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const TEMPLATE: &str = "ATTACHMENT THREE";
const POLICY: &str = "5. Observation of Practice";

rule!(REQUIRED, "OBS-001", "missing-required-field", Error, Required,
    ["/date", "/practitioner", "/observer", "/consent/given", "/consent/from", "/consent/to", "/consent/date", "/agreedObjectives", "/planningAndPreparation", "/communication", "/communication/*", "/capturingViews", "/professionalism", "/professionalism/*", "/strengthsBased", "/responseToRisk", "/practitionerReflection", "/summary", "/grading"],
    Cite::same(SEED_002, TEMPLATE),
    "A part of the observation is missing: the date, the practitioner and observer, consent (who from, who to, date), the agreed objectives, a grading, or any narrative section of the template.",
    "Consent gained for observation, who from and who to, date");

rule!(
    NO_CONSENT,
    "OBS-002",
    "observation-without-consent",
    Error,
    Check,
    ["/consent/given"],
    Cite::same(SEED_002, POLICY),
    "The record says consent for the observation was not gained.",
    "Wherever possible the service user(s) involved should be asked if they are willing to be part of the process."
);

rule!(
    CONSENT_AFTER,
    "OBS-003",
    "consent-after-observation",
    Error,
    Check,
    ["/consent/date", "/date"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "Consent is dated after the observation.",
    ""
);

rule!(OBJECTIVES_AFTER, "OBS-004", "objectives-agreed-after-observation", Error, Check,
    ["/objectivesAgreedOn", "/date"],
    Cite::same(SEED_002, "Preparation for the Direct Observation of Practice"),
    "The objectives were agreed after the observation; they are agreed when planning it (on the day counts as before).",
    "The supervisee and the observer should plan the direct observation and agree objectives and learning criteria for the observation");

rule!(RECOMMENDATIONS, "OBS-005", "recommendations-missing-for-grade", Error, Required,
    ["/recommendations", "/grading"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "A grading of 3 (requires improvement) or 4 (inadequate) has no recommendations. The template has a bare \"Grading:\"; reading it on the audit tool's 1 to 4 scale is interpreted. Reported as an error at submit, as information while drafting.",
    "Grading:");

rule!(
    NO_SUPERVISEE_COMMENTS,
    "OBS-006",
    "supervisee-comments-missing",
    Info,
    Check,
    ["/superviseeComments"],
    Cite::same(SEED_002, "Preparation for the Direct Observation of Practice"),
    "The report is submitted without the supervisee's comments: check they had the opportunity to reflect and comment.",
    "The supervisee should have the opportunity to reflect and comment on the observer's report."
);

rule!(ON_CASE_FILE, "OBS-007", "observation-on-case-file", Warning, Check, ["/recordedOnCaseFile"],
    Cite::interpreted(SEED_002, POLICY),
    "The observation is recorded on the child's electronic case file. The supervision policy keeps it off (it is about the worker); the case file audit SOP says \"recorded on case file\" — the policy's reading is used.",
    "The record/feedback from practice observations will not be recorded on the electronic case file as it pertains to the worker and their performance, not the family in question, and therefore should be treated as confidential.");

pub static FREQUENCY_MONTHS: Param = Param { key: "direct-observation.frequencyMonths", default: 12, unit: "months" };

rule!(OVERDUE, "OBS-008", "previous-observation-over-a-year-before", Warning, Check,
    ["/previousObservationDate", "/date"],
    Cite::same(SEED_002, POLICY),
    "The previous observation was more than a year before this one: practitioners are observed at least once a year.",
    "For frontline practitioners, and those directly involved with families, there is an expectation that there will be one formal observations a year.",
    params = [FREQUENCY_MONTHS]);

rule!(
    IN_FUTURE,
    "OBS-009",
    "observation-date-in-future",
    Error,
    Check,
    ["/date"],
    Cite::interpreted(SEED_002, TEMPLATE),
    "The date of the observation is after today.",
    ""
);

rule!(
    PREVIOUS_NOT_BEFORE,
    "OBS-010",
    "previous-observation-not-before",
    Error,
    Check,
    ["/previousObservationDate", "/date"],
    Cite::interpreted(SEED_002, POLICY),
    "The previous observation is dated on or after this one.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &NO_CONSENT,
    &CONSENT_AFTER,
    &OBJECTIVES_AFTER,
    &RECOMMENDATIONS,
    &NO_SUPERVISEE_COMMENTS,
    &ON_CASE_FILE,
    &OVERDUE,
    &IN_FUTURE,
    &PREVIOUS_NOT_BEFORE,
];

/// A year (by default) after `from`, clamped at month ends.
pub fn next_due(ctx: &Ctx, from: NaiveDate) -> Option<NaiveDate> {
    calendar::add_months(from, i32::try_from(ctx.value(&FREQUENCY_MONTHS)).ok()?)
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    let date = read::date(data, "date");
    consent(data, ctx, date);
    if let (Some(agreed), Some(d)) = (read::date(data, "objectivesAgreedOn"), date) {
        if agreed > d {
            ctx.emit(&OBJECTIVES_AFTER, "/objectivesAgreedOn", &OBS004_DATE_OBJECTIVES_AGREED_SAME).related(["/date"]);
        }
    }
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &IN_FUTURE);
    let grading = read::number(data, "grading");
    // A grading the structural pass refused (outside 1 to 4, not whole) is reported there, and asks nothing more.
    let graded = grading.is_some_and(|g| g >= 3.0) && !ctx.has_finding_at("/grading");
    if graded && read::is_blank(data.get("recommendations")) {
        ctx.emit(&RECOMMENDATIONS, "/recommendations", &OBS005_ENTER_RECOMMENDATIONS_GRADING_3).related(["/grading"]);
    }
    if ctx.submit() && read::is_blank(data.get("superviseeComments")) {
        ctx.emit(&NO_SUPERVISEE_COMMENTS, "/superviseeComments", &OBS006_CHECK_SUPERVISEE_HAD_OPPORTUNITY);
    }
    if read::boolean(data, "recordedOnCaseFile") == Some(true) {
        ctx.emit(&ON_CASE_FILE, "/recordedOnCaseFile", &OBS007_KEEP_OBSERVATION_OFF_CHILDS);
    }
    previous(data, ctx, date);
}

fn consent(data: &Map<String, Value>, ctx: &mut Ctx, date: Option<NaiveDate>) {
    let consent = read::object(data, "consent");
    let blank = |key: &str| consent.is_none_or(|c| read::is_blank(c.get(key)));
    match consent.and_then(|c| read::boolean(c, "given")) {
        Some(false) => {
            ctx.emit(&NO_CONSENT, "/consent/given", &OBS002_OBSERVATION_NEEDS_CONSENT_PEOPLE);
        }
        Some(true) => {
            for (key, message) in [
                ("from", &OBS001_ENTER_WHO_CONSENT_GAINED),
                ("to", &OBS001_ENTER_WHO_CONSENT_GIVEN),
                ("date", &OBS001_ENTER_DATE_CONSENT_GAINED),
            ] {
                if blank(key) {
                    ctx.emit(&REQUIRED, crate::text!("/consent/", key), message);
                }
            }
        }
        None => {
            if blank("given") {
                ctx.emit(&REQUIRED, "/consent/given", &OBS001_SELECT_WHETHER_CONSENT_GAINED);
            }
        }
    }
    let consent_date = consent.and_then(|c| read::date(c, "date"));
    if let (Some(c), Some(d)) = (consent_date, date) {
        if c > d {
            ctx.emit(&CONSENT_AFTER, "/consent/date", &OBS003_DATE_CONSENT_GAINED_SAME).related(["/date"]);
        }
    }
}

fn previous(data: &Map<String, Value>, ctx: &mut Ctx, date: Option<NaiveDate>) {
    let (Some(previous), Some(d)) = (read::date(data, "previousObservationDate"), date) else { return };
    if previous >= d {
        ctx.emit(&PREVIOUS_NOT_BEFORE, "/previousObservationDate", &OBS010_DATE_PREVIOUS_OBSERVATION_BEFORE)
            .related(["/date"]);
        return;
    }
    if let Some(due) = next_due(ctx, previous).filter(|due| d > *due) {
        let months = ctx.value(&FREQUENCY_MONTHS);
        ctx.emit(&OVERDUE, "/previousObservationDate", msg!(OBS008_PREVIOUS_OBSERVATION_MORE_MONTHS, months = months))
            .related(["/date"])
            .due(calendar::format_date(due));
    }
}

crate::messages! {
    OBS004_DATE_OBJECTIVES_AGREED_SAME = "OBS-004.date-objectives-agreed-same": "Date the objectives were agreed must be the same as or before the date of the observation";
    OBS005_ENTER_RECOMMENDATIONS_GRADING_3 = "OBS-005.enter-recommendations-grading-3-or-4": "Enter recommendations for a grading of 3 or 4";
    OBS006_CHECK_SUPERVISEE_HAD_OPPORTUNITY = "OBS-006.check-supervisee-had-opportunity": "Check the supervisee has had the opportunity to reflect and comment on the report";
    OBS007_KEEP_OBSERVATION_OFF_CHILDS = "OBS-007.keep-observation-off-childs": "Keep the observation off the child’s electronic case file: it is about the worker, not the family";
    OBS002_OBSERVATION_NEEDS_CONSENT_PEOPLE = "OBS-002.observation-needs-consent-people": "The observation needs the consent of the people observed";
    OBS001_SELECT_WHETHER_CONSENT_GAINED = "OBS-001.select-whether-consent-gained": "Select whether consent was gained for the observation";
    OBS003_DATE_CONSENT_GAINED_SAME = "OBS-003.date-consent-gained-same": "Date consent was gained must be the same as or before the date of the observation";
    OBS010_DATE_PREVIOUS_OBSERVATION_BEFORE = "OBS-010.date-previous-observation-before": "Date of the previous observation must be before the date of this observation";
    OBS008_PREVIOUS_OBSERVATION_MORE_MONTHS = "OBS-008.previous-observation-more-months": "The previous observation was more than {months} months before this one: observations are at least yearly";
    OBS001_ENTER_WHO_CONSENT_GAINED = "OBS-001.enter-who-consent-gained": "Enter who consent was gained from";
    OBS001_ENTER_WHO_CONSENT_GIVEN = "OBS-001.enter-who-consent-given": "Enter who consent was given to";
    OBS001_ENTER_DATE_CONSENT_GAINED = "OBS-001.enter-date-consent-gained": "Enter the date consent was gained";
}
