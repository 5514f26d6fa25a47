//! The case file audit's rules: one declaration each, then the check functions.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use std::borrow::Cow;

use super::model::{self, field_place, place_in, FIELD_COUNT, NOT_APPLICABLE, QUESTIONS, QUESTION_COUNT};
use super::scoring::{self, Bands, Scores};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::{escape_key, IntText, Message, Template};
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::registry::field_label;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const TOOL: &str = "ATTACHMENT ONE – CASE AUDIT TOOL";
const SOP: &str = "Standard Operating Procedures – Case File Audits Strengthening Families";
const TIMETABLE: &str = "Locality Themed Audits Timetable";
const RECORDING_SUPERVISION: &str = "Recording Casework Supervision, Decisions and Agreed Actions (See Appendix 3)";
const QA: &str = "Quality Assurance 2020";

/// The timetable's cross-locality months and the theme it sets for each ("Locality Themed Audits Timetable"): the
/// months between are for audits in the locality bases.
pub const CROSS_LOCALITY_MONTHS: &[(u32, &str)] = &[
    (1, "cse-ce"),
    (3, "domestic-abuse"),
    (5, "neglect"),
    (7, "re-referrals-12-months"),
    (9, "open-12-months-plus"),
    (11, "cin"),
];

rule!(REQUIRED, "AUD-001", "missing-required-field", Error, Required,
    ["/auditType", "/theme", "/practitionerPresent", "/auditDate", "/caseWorker", "/llcsNumber", "/auditors", "/caseStatus", "/answers", "/answers/*", "/childSafe/answer", "/lifeImproved/answer", "/directObservation/answer", "/overallGrade", "/remedialActions/*/action", "/remedialActions/*/dueDate", "/remedialActions/*/lineManagerInitials", "/directObservation", "/remedialActions/*", "/lifeImproved"],
    Cite::same(SEED_002, SOP),
    "A field the audit needs is missing: the header, a grade for every question, the three yes/no questions, the auditors' overall score; a cross-locality audit's theme and whether the practitioner was present; each remedial action's text and date, and the line manager's initials once it is completed.",
    "Audit tool to be followed, completed and graded.");

rule!(
    UNKNOWN_QUESTION,
    "AUD-002",
    "unknown-question",
    Error,
    Check,
    ["/answers/*"],
    Cite::same(SEED_002, TOOL),
    "A grade is given for a question the case audit tool does not have; it is never silently ignored. (A grade outside 1 to 5 is reported by the shared number-range rule.)",
    "Indicate a score of 1 - 5 or, Yes/No where indicated for each relevant question"
);

rule!(QUESTION_NOT_APPLICABLE, "AUD-003", "question-not-applicable-to-case", Warning, Check,
    ["/answers/assessment.at-referral", "/caseStatus", "/answers/basic.referrer-notified", "/evidence/referredByFamilyConnect"],
    Cite::interpreted(SEED_002, TOOL),
    "A question the tool excludes for this case is graded 1 to 4 instead of N/A (5): an assessment at referral for a step-down case, notifying the referrer when the referral came from Family Connect. Reading the exclusions as N/A is interpreted.",
    "A EHA/EHSP/C&F/Other assessment was provided at point of referral (excluding step down)");

rule!(CHILD_NOT_SAFE_REASONS, "AUD-004", "child-not-safe-without-reasons", Error, Required,
    ["/childSafe/answer", "/childSafe/comments"],
    Cite::same(SEED_002, TOOL),
    "The auditors are not satisfied the child is safe but give no reasons. Reported as an error at submit, as information while drafting.",
    "If you answered \"No\" to … reasons/comments below");

pub static BAND_1_MAX: Param = Param { key: "case-audit.band1Max", default: 150, unit: "hundredths of a grade" };
pub static BAND_2_MAX: Param = Param { key: "case-audit.band2Max", default: 250, unit: "hundredths of a grade" };
pub static BAND_3_MAX: Param = Param { key: "case-audit.band3Max", default: 350, unit: "hundredths of a grade" };

rule!(OVERALL_DIFFERS, "AUD-005", "overall-score-far-from-suggested", Warning, Check,
    ["/overallGrade", "/generalComments", "/answers/*", "/childSafe/answer", "/lifeImproved/answer"],
    Cite::interpreted(SEED_002, TOOL),
    "The auditors' overall score is more than one grade from the grade the answers suggest (section and overall means banded at 1.5, 2.5 and 3.5, with the limiting judgements), and the general comments do not explain it. The arithmetic is interpreted: the seed gives the scale, not how to combine it.",
    "CHILDREN & FAMILY STRENGTHENING FAMILIES CASE RECORD AUDIT SUMMARY Auditors Overall Score",
    params = [BAND_1_MAX, BAND_2_MAX, BAND_3_MAX],
    presence = ["/generalComments"]);

pub static ALLOCATION_OUTSTANDING_WEEKS: Param =
    Param { key: "case-audit.allocationOutstandingWeeks", default: 2, unit: "weeks" };
pub static ALLOCATION_GOOD_WEEKS: Param = Param { key: "case-audit.allocationGoodWeeks", default: 6, unit: "weeks" };
pub static ALLOCATION_INADEQUATE_WEEKS: Param =
    Param { key: "case-audit.allocationInadequateWeeks", default: 12, unit: "weeks" };

rule!(ALLOCATION_NOT_TIMELY, "AUD-006", "allocation-grade-contradicted", Warning, Check,
    ["/answers/basic.allocation-timely", "/evidence/referralDate", "/evidence/allocationDate", "/dateAllocated"],
    Cite::interpreted(SEED_002, TOOL),
    "Timely allocation is graded 1 or 2 but the case was allocated more than 12 weeks after the referral. The outcome suggests a grade from the dates: within 2 weeks 1, up to 6 weeks 2, up to 12 weeks 3, beyond 4 (the 6-week step is interpreted).",
    "The allocation is timely (2 weeks outstanding / 12 weeks inadequate).",
    params = [ALLOCATION_OUTSTANDING_WEEKS, ALLOCATION_GOOD_WEEKS, ALLOCATION_INADEQUATE_WEEKS]);

pub static CONTACT_WORKING_DAYS: Param =
    Param { key: "case-audit.contactWorkingDays", default: 5, unit: "working days" };

rule!(CONTACT_LATE, "AUD-007", "contact-grade-contradicted", Warning, Check,
    ["/answers/basic.contact-5-days", "/evidence/firstContactDate", "/evidence/allocationDate", "/dateAllocated"],
    Cite::same(SEED_002, TOOL),
    "Contact within 5 working days is graded 1 or 2 but the first contact was later than the 5th working day after allocation (bank holidays and closure days are not working days).",
    "The allocated worker made contact with the family within 5 working days",
    params = [CONTACT_WORKING_DAYS]);

pub static ASSESSMENT_WEEKS: Param = Param { key: "case-audit.assessmentWeeks", default: 10, unit: "weeks" };

rule!(ASSESSMENT_LATE, "AUD-008", "assessment-grade-contradicted", Warning, Check,
    ["/answers/assessment.within-10-weeks", "/evidence/assessmentAtReferral", "/evidence/assessmentCompletedDate", "/evidence/allocationDate", "/dateAllocated", "/auditDate"],
    Cite::same(SEED_002, TOOL),
    "An assessment within 10 weeks is graded 1 or 2 but there was none at referral and none was completed within 10 weeks of allocation.",
    "If no assessment, was one completed within 10 weeks of Allocation?",
    params = [ASSESSMENT_WEEKS]);

pub static FIRST_CIRCLE_WEEKS_EHA: Param = Param { key: "case-audit.firstCircleWeeksEha", default: 6, unit: "weeks" };
pub static FIRST_CIRCLE_WEEKS_EHSP: Param = Param { key: "case-audit.firstCircleWeeksEhsp", default: 8, unit: "weeks" };

rule!(FIRST_CIRCLE_LATE, "AUD-009", "first-circle-grade-contradicted", Warning, Check,
    ["/answers/assessment.first-circle", "/evidence/familyCircleDates", "/evidence/assessmentKind", "/evidence/allocationDate", "/dateAllocated", "/auditDate"],
    Cite::same(SEED_002, TOOL),
    "The first Family Circle is graded 1 or 2 but it came later than 6 weeks (EHA) or 8 weeks (EHSP) after allocation, or had not happened by then.",
    "The first Family Circle has been completed within 6 weeks of allocation if EHA or 8 weeks if EHSP",
    params = [FIRST_CIRCLE_WEEKS_EHA, FIRST_CIRCLE_WEEKS_EHSP]);

pub static CIRCLE_WEEKS: Param = Param { key: "case-audit.circleWeeks", default: 8, unit: "weeks" };

rule!(CIRCLE_GAP, "AUD-010", "circle-review-grade-contradicted", Warning, Check,
    ["/answers/assessment.circle-8-weekly", "/evidence/familyCircleDates", "/auditDate"],
    Cite::interpreted(SEED_002, TOOL),
    "Reviewing the Family Circle every 8 weeks is graded 1 or 2 but two circles are more than 8 weeks apart, or the last was more than 8 weeks before the audit (counting that last gap is interpreted).",
    "The Family circle is reviewed every 8 weeks",
    params = [CIRCLE_WEEKS]);

rule!(
    ACTION_DUE_NOT_AFTER_AUDIT,
    "AUD-011",
    "remedial-action-due-not-after-audit",
    Error,
    Check,
    ["/remedialActions/*/dueDate", "/auditDate"],
    Cite::interpreted(SEED_002, TOOL),
    "A remedial action's date to be completed by is on or before the date of the audit.",
    "Remedial actions identified by Auditors (which are achievable)"
);

rule!(
    ACTION_COMPLETED_BEFORE_AUDIT,
    "AUD-012",
    "remedial-action-completed-before-audit",
    Error,
    Check,
    ["/remedialActions/*/completedOn", "/auditDate"],
    Cite::interpreted(SEED_002, TOOL),
    "A remedial action is recorded as completed before the audit that identified it.",
    ""
);

rule!(
    ACTION_OVERDUE,
    "AUD-013",
    "remedial-action-overdue",
    Warning,
    Check,
    ["/remedialActions/*/dueDate", "/remedialActions/*/completedOn"],
    Cite::same(SEED_002, SOP),
    "A remedial action is past its date to be completed by and is not recorded as completed.",
    "Progress of actions to be monitored through supervision."
);

pub static FOLLOW_UP_MONTHS: Param = Param { key: "case-audit.followUpMonths", default: 3, unit: "months" };

rule!(ACTION_AFTER_FOLLOW_UP, "AUD-014", "remedial-action-due-after-follow-up", Info, Check,
    ["/remedialActions/*/dueDate", "/auditDate"],
    Cite::interpreted(SEED_002, SOP),
    "A remedial action is due after the auditor's follow-up check 3 months after the audit, so the check will find it open (reading the follow-up as the actions' deadline is interpreted).",
    "Auditor to check actions have been completed 3 months later.",
    params = [FOLLOW_UP_MONTHS]);

rule!(
    CROSS_LOCALITY_ABSENT,
    "AUD-015",
    "cross-locality-audit-without-practitioner",
    Warning,
    Check,
    ["/practitionerPresent", "/auditType"],
    Cite::same(SEED_002, "Bi Monthly cross locality audit"),
    "A cross-locality audit is recorded as held without the practitioner present.",
    "Audit takes place in practitioners locality with practitioner present"
);

rule!(
    AUDIT_IN_FUTURE,
    "AUD-016",
    "audit-date-in-future",
    Error,
    Check,
    ["/auditDate"],
    Cite::interpreted(SEED_002, TOOL),
    "The date of the audit is after today.",
    ""
);

rule!(EVIDENCE_ORDER, "AUD-017", "evidence-dates-out-of-order", Error, Check,
    ["/evidence/referralDate", "/evidence/allocationDate", "/dateAllocated", "/evidence/firstContactDate", "/evidence/assessmentCompletedDate", "/evidence/familyCircleDates/*", "/auditDate", "/previousAuditOn", "/auditType"],
    Cite::interpreted(SEED_002, TOOL),
    "The evidence dates contradict each other: allocation before the referral, first contact before allocation, an event after the date of the audit, or the practitioner's previous audit on or after this one.",
    "");

rule!(CROSS_LOCALITY_MONTH, "AUD-018", "cross-locality-audit-outside-timetable", Warning, Check,
    ["/auditDate", "/auditType"],
    Cite::same(SEED_002, TIMETABLE),
    "A cross-locality audit is dated in a month the timetable gives to audits in the locality bases (February, April, June, August, October, December); cross-locality audits are held in January, March, May, July, September and November.",
    "Jan Feb Mar April May June July August Sept Oct Nov Dec Cross locality audit / Audit In Locality bases");

rule!(THEME_NOT_TIMETABLED, "AUD-019", "theme-not-the-months-theme", Warning, Check,
    ["/theme", "/auditDate", "/auditType"],
    Cite::same(SEED_002, TIMETABLE),
    "A cross-locality audit in a cross-locality month has a theme other than the one the timetable sets for that month: January CSE/CE, March domestic abuse, May neglect, July re-referrals within 12 months, September 12 month plus open cases, November CIN.",
    "Cross locality audit: CSE/CE (Jan), Domestic Abuse (Mar), Neglect (May), Re-referrals within 12 months (July), 12 month plus open cases (Sept), CIN (Nov)");

/// How recent the case supervision must be at the audit: monthly for a child protection case, three-monthly for
/// any other open case.
pub static SUPERVISION_MONTHS_CP: Param = Param { key: "case-audit.supervisionMonthsCp", default: 1, unit: "months" };
pub static SUPERVISION_MONTHS: Param = Param { key: "case-audit.supervisionMonths", default: 3, unit: "months" };

rule!(SUPERVISION_NOT_IN_POLICY, "AUD-020", "supervision-grade-contradicted", Warning, Check,
    ["/answers/oversight.supervision", "/mostRecentSupervision", "/caseStatus", "/auditDate"],
    Cite::interpreted(SEED_002, RECORDING_SUPERVISION),
    "Case supervision in line with current policy is graded 1 or 2 but the most recent supervision is more than a month before the audit on a child protection case, or more than three months on any other case. Reading the case status CP as the policy's \"very active cases where there are safeguarding issues\" is interpreted.",
    "there should be evidence of supervision on every open case at least three monthly and for any very active cases where there are safeguarding issues, e.g. CP cases at a monthly interval",
    params = [SUPERVISION_MONTHS_CP, SUPERVISION_MONTHS]);

pub static ASSESSMENT_REVIEW_MONTHS: Param =
    Param { key: "case-audit.assessmentReviewMonths", default: 12, unit: "months" };

rule!(ASSESSMENT_NOT_REVIEWED, "AUD-021", "assessment-review-grade-contradicted", Warning, Check,
    ["/answers/assessment.reviewed-12-months", "/mostRecentAssessment/date", "/auditDate"],
    Cite::interpreted(SEED_002, TOOL),
    "Reviewing an assessment older than 12 months is graded 1 or 2 but the most recent assessment is dated more than 12 months before the audit, so no review is recorded since (reading the most recent assessment as the review is interpreted).",
    "If assessment is older than 12 months it been reviewed",
    params = [ASSESSMENT_REVIEW_MONTHS]);

/// How often a practitioner's cases are audited ("Case File Audit – Practitioner … Bi Monthly").
pub static PRACTITIONER_AUDIT_MONTHS: Param =
    Param { key: "case-audit.practitionerAuditMonths", default: 2, unit: "months" };

rule!(PRACTITIONER_AUDIT_GAP, "AUD-022", "practitioner-audits-more-than-bi-monthly-apart", Warning, Check,
    ["/previousAuditOn", "/auditDate", "/auditType"],
    Cite::interpreted(SEED_002, QA),
    "A practitioner case file audit is more than two months after the practitioner's previous case file audit (\"Bi Monthly\" read as every two months, per practitioner: interpreted). The previous audit's date is recorded on the form when known; its date after this audit's is an error of the evidence-order rule.",
    "Case File Audit – Practitioner | Team Leaders | Bi Monthly | Practitioner and service area learning",
    params = [PRACTITIONER_AUDIT_MONTHS]);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &UNKNOWN_QUESTION,
    &QUESTION_NOT_APPLICABLE,
    &CHILD_NOT_SAFE_REASONS,
    &OVERALL_DIFFERS,
    &ALLOCATION_NOT_TIMELY,
    &CONTACT_LATE,
    &ASSESSMENT_LATE,
    &FIRST_CIRCLE_LATE,
    &CIRCLE_GAP,
    &ACTION_DUE_NOT_AFTER_AUDIT,
    &ACTION_COMPLETED_BEFORE_AUDIT,
    &ACTION_OVERDUE,
    &ACTION_AFTER_FOLLOW_UP,
    &CROSS_LOCALITY_ABSENT,
    &AUDIT_IN_FUTURE,
    &EVIDENCE_ORDER,
    &CROSS_LOCALITY_MONTH,
    &THEME_NOT_TIMETABLED,
    &SUPERVISION_NOT_IN_POLICY,
    &ASSESSMENT_NOT_REVIEWED,
    &PRACTITIONER_AUDIT_GAP,
];

/// A grade the recorded dates suggest for one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub question: &'static str,
    /// The question's place in [`QUESTIONS`] (found once: the suggestions are sorted, matched to their grades and
    /// described by it, and a search of the tool's questions for each was 2.5% of a case audit's check).
    pub place: usize,
    pub suggested: u8,
    pub reason: String,
}

impl Suggestion {
    /// One function, not the search written out at each place a suggestion is made (1.5 kB of the module).
    #[inline(never)]
    fn new(question: &'static str, suggested: u8, reason: String) -> Suggestion {
        Suggestion { question, place: model::question_place(question), suggested, reason }
    }
}

/// The places in [`model::FIELDS`] of the top-level fields the rules and the outcome read.
pub const AUDIT_TYPE: usize = field_place("auditType");
pub const THEME: usize = field_place("theme");
pub const PRACTITIONER_PRESENT: usize = field_place("practitionerPresent");
pub const AUDIT_DATE: usize = field_place("auditDate");
pub const PREVIOUS_AUDIT_ON: usize = field_place("previousAuditOn");
pub const CASE_WORKER: usize = field_place("caseWorker");
pub const LLCS_NUMBER: usize = field_place("llcsNumber");
pub const DATE_ALLOCATED: usize = field_place("dateAllocated");
pub const AUDITORS: usize = field_place("auditors");
pub const CASE_STATUS: usize = field_place("caseStatus");
pub const ANSWERS: usize = field_place("answers");
pub const MOST_RECENT_ASSESSMENT: usize = field_place("mostRecentAssessment");
pub const MOST_RECENT_SUPERVISION: usize = field_place("mostRecentSupervision");
pub const CHILD_SAFE: usize = field_place("childSafe");
pub const LIFE_IMPROVED: usize = field_place("lifeImproved");
pub const DIRECT_OBSERVATION: usize = field_place("directObservation");
pub const OVERALL_GRADE: usize = field_place("overallGrade");
pub const GENERAL_COMMENTS: usize = field_place("generalComments");
pub const REMEDIAL_ACTIONS: usize = field_place("remedialActions");
pub const EVIDENCE: usize = field_place("evidence");

// Every name above is a field of the model: a misspelt one stops the build.
const _: () = {
    let places = [
        AUDIT_TYPE,
        THEME,
        PRACTITIONER_PRESENT,
        AUDIT_DATE,
        PREVIOUS_AUDIT_ON,
        CASE_WORKER,
        LLCS_NUMBER,
        DATE_ALLOCATED,
        AUDITORS,
        CASE_STATUS,
        ANSWERS,
        MOST_RECENT_ASSESSMENT,
        MOST_RECENT_SUPERVISION,
        CHILD_SAFE,
        LIFE_IMPROVED,
        DIRECT_OBSERVATION,
        OVERALL_GRADE,
        GENERAL_COMMENTS,
        REMEDIAL_ACTIONS,
        EVIDENCE,
    ];
    let mut rest: &[usize] = &places;
    while let [place, tail @ ..] = rest {
        assert!(*place < FIELD_COUNT, "a case audit rule reads a field the model does not have");
        rest = tail;
    }
};

/// The places in [`model::EVIDENCE`] of the evidence's fields.
const EVIDENCE_REFERRAL: usize = place_in(model::EVIDENCE, "referralDate");
const EVIDENCE_ALLOCATION: usize = place_in(model::EVIDENCE, "allocationDate");
const EVIDENCE_FIRST_CONTACT: usize = place_in(model::EVIDENCE, "firstContactDate");
const EVIDENCE_AT_REFERRAL: usize = place_in(model::EVIDENCE, "assessmentAtReferral");
const EVIDENCE_COMPLETED: usize = place_in(model::EVIDENCE, "assessmentCompletedDate");
const EVIDENCE_KIND: usize = place_in(model::EVIDENCE, "assessmentKind");
const EVIDENCE_CIRCLES: usize = place_in(model::EVIDENCE, "familyCircleDates");
const EVIDENCE_FAMILY_CONNECT: usize = place_in(model::EVIDENCE, "referredByFamilyConnect");
const EVIDENCE_COUNT: usize = model::EVIDENCE.len();

// Every name above is a field of the evidence: a misspelt one stops the build.
const _: () = {
    let places = [
        EVIDENCE_REFERRAL,
        EVIDENCE_ALLOCATION,
        EVIDENCE_FIRST_CONTACT,
        EVIDENCE_AT_REFERRAL,
        EVIDENCE_COMPLETED,
        EVIDENCE_KIND,
        EVIDENCE_CIRCLES,
        EVIDENCE_FAMILY_CONNECT,
    ];
    let mut rest: &[usize] = &places;
    while let [place, tail @ ..] = rest {
        assert!(*place < EVIDENCE_COUNT, "a case audit rule reads an evidence field the model does not have");
        rest = tail;
    }
};

/// The evidence object's fields, read once (all blank when there is no evidence object).
#[derive(Default)]
pub struct Evidence<'a> {
    pub referral: Option<NaiveDate>,
    pub allocation: Option<NaiveDate>,
    pub first_contact: Option<NaiveDate>,
    pub assessment_at_referral: Option<bool>,
    pub assessment_completed: Option<NaiveDate>,
    pub assessment_kind: Option<Cow<'a, str>>,
    /// The Family Circle dates as given (a list's items, cut at the model's limit).
    pub circles: &'a [Value],
    pub family_connect: Option<bool>,
}

fn evidence(e: &Map<String, Value>) -> Evidence<'_> {
    let v: [Option<&Value>; EVIDENCE_COUNT] = slots(e, model::EVIDENCE, |f| f.name, |_| {});
    let at = |place: usize| v.get(place).copied().flatten();
    Evidence {
        referral: date(at(EVIDENCE_REFERRAL)),
        allocation: date(at(EVIDENCE_ALLOCATION)),
        first_contact: date(at(EVIDENCE_FIRST_CONTACT)),
        assessment_at_referral: boolean(at(EVIDENCE_AT_REFERRAL)),
        assessment_completed: date(at(EVIDENCE_COMPLETED)),
        assessment_kind: choice(at(EVIDENCE_KIND), model::ASSESSMENT_KINDS),
        circles: list(at(EVIDENCE_CIRCLES)),
        family_connect: boolean(at(EVIDENCE_FAMILY_CONNECT)),
    }
}

/// What the rules and the outcome share, read once: the record's top-level fields found in one pass over its keys,
/// and each question's grade in one pass over `answers`, so no rule looks a key up in a map (a record's maps hash
/// their keys; `answers` has 39).
pub struct Facts<'a> {
    /// The record's top-level values, by their place in [`model::FIELDS`].
    top: [Option<&'a Value>; FIELD_COUNT],
    /// Each question's grade 1–5 as recorded (a well-formed whole number in range), in the order of [`QUESTIONS`].
    pub grades: [Option<u8>; QUESTION_COUNT],
    /// The keys of `answers` that are no question of the tool, in the record's order.
    pub unknown_questions: Vec<&'a str>,
    pub audit_date: Option<NaiveDate>,
    pub case_status: Option<Cow<'a, str>>,
    pub child_safe: Option<bool>,
    pub life_improved: Option<bool>,
    pub recorded_overall: Option<u8>,
    pub evidence: Option<&'a Map<String, Value>>,
    /// Its fields (all blank without it).
    pub ev: Evidence<'a>,
    /// The evidence's allocation date, or the header's date allocated.
    pub allocation: Option<NaiveDate>,
    /// Where the allocation date was read from.
    pub allocation_path: &'static str,
    pub most_recent_supervision: Option<NaiveDate>,
    pub most_recent_assessment: Option<NaiveDate>,
}

/// The values of `obj` at the keys of `table` (`key_of` gives an entry's key), by the entry's place, found in one
/// pass over `obj` without hashing a key: a record that gives its keys in the model's order (as pages send them)
/// finds each at the first place looked at, any other order by a scan. `unknown` receives each key that is none of
/// them, in the record's order. The same values as a look-up of each key, keys being unique.
fn slots<'a, T, const N: usize>(
    obj: &'a Map<String, Value>,
    table: &[T],
    key_of: impl Fn(&T) -> &str,
    mut unknown: impl FnMut(&'a str),
) -> [Option<&'a Value>; N] {
    let mut out = [None; N];
    let mut next = 0usize;
    for (key, value) in obj {
        let is_key = |t: &T| crate::engine::value::same(key_of(t), key.as_str());
        let ahead = table.get(next..).and_then(|rest| rest.iter().position(is_key)).map(|p| p.saturating_add(next));
        let place = ahead.or_else(|| table.get(..next).and_then(|before| before.iter().position(is_key)));
        match place.and_then(|i| out.get_mut(i).map(|slot| (i, slot))) {
            Some((i, slot)) => {
                *slot = Some(value);
                next = i.saturating_add(1);
            }
            None => unknown(key),
        }
    }
    out
}

// The readers of one value, as `engine::read`'s accessors read a map's key (a value only when present and well
// formed).

/// A nested object.
pub fn object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

/// A well-formed date.
pub fn date(v: Option<&Value>) -> Option<NaiveDate> {
    v.and_then(|v| read::parse_date(v).ok().flatten())
}

/// Non-blank text, cleaned.
pub fn text(v: Option<&Value>) -> Option<Cow<'_, str>> {
    match v {
        Some(Value::String(s)) => Some(read::clean(s)).filter(|c| !c.is_empty()),
        _ => None,
    }
}

/// One of the allowed values.
pub fn choice<'a>(v: Option<&'a Value>, allowed: &[&str]) -> Option<Cow<'a, str>> {
    text(v).filter(|t| allowed.contains(&t.as_ref()))
}

/// A yes/no answer.
pub fn boolean(v: Option<&Value>) -> Option<bool> {
    v.and_then(|v| read::parse_bool(v).ok().flatten())
}

/// A list's items (empty when absent or not a list), cut at the model's limit.
pub fn list(v: Option<&Value>) -> &[Value] {
    let items = v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let max = usize::try_from(crate::engine::model::LIST_MAX).unwrap_or(usize::MAX);
    items.get(..max).unwrap_or(items)
}

/// A grade 1–5 as recorded (a well-formed whole number in range), else nothing.
pub fn grade(v: Option<&Value>) -> Option<u8> {
    let x = read::parse_number(v?).ok().flatten()?;
    (1u8..=5).find(|g| f64::from(*g) == x)
}

/// The answer of one of the three yes/no questions (`childSafe`, `lifeImproved`, `directObservation`).
fn yes_no(v: Option<&Value>) -> Option<bool> {
    let answer = object(v).and_then(|o| read::choice(o, "answer", model::YES_NO))?;
    Some(answer == "yes")
}

pub fn facts(data: &Map<String, Value>) -> Facts<'_> {
    let top: [Option<&Value>; FIELD_COUNT] = slots(data, model::FIELDS, |f| f.name, |_| {});
    let at = |place: usize| top.get(place).copied().flatten();
    let mut unknown_questions = Vec::new();
    let grades = match object(at(ANSWERS)) {
        Some(answers) => {
            let values: [Option<&Value>; QUESTION_COUNT] =
                slots(answers, QUESTIONS, |q| q.id, |key| unknown_questions.push(key));
            values.map(grade)
        }
        None => [None; QUESTION_COUNT],
    };
    let evidence = object(at(EVIDENCE));
    let ev = evidence.map(self::evidence).unwrap_or_default();
    let from_evidence = ev.allocation;
    let allocation = from_evidence.or_else(|| date(at(DATE_ALLOCATED)));
    let allocation_path = if from_evidence.is_some() { "/evidence/allocationDate" } else { "/dateAllocated" };
    Facts {
        audit_date: date(at(AUDIT_DATE)),
        case_status: choice(at(CASE_STATUS), model::CASE_STATUSES),
        child_safe: yes_no(at(CHILD_SAFE)),
        life_improved: yes_no(at(LIFE_IMPROVED)),
        recorded_overall: grade(at(OVERALL_GRADE)),
        evidence,
        ev,
        allocation,
        allocation_path,
        most_recent_supervision: date(at(MOST_RECENT_SUPERVISION)),
        most_recent_assessment: object(at(MOST_RECENT_ASSESSMENT)).and_then(|a| read::date(a, "date")),
        top,
        grades,
        unknown_questions,
    }
}

impl<'a> Facts<'a> {
    /// The record's top-level value at a place in [`model::FIELDS`] (one of the constants above).
    pub fn field(&self, place: usize) -> Option<&'a Value> {
        self.top.get(place).copied().flatten()
    }

    /// The grade recorded for a question.
    #[inline(never)]
    pub fn answer(&self, question: &str) -> Option<u8> {
        self.answer_at(model::question_place(question))
    }

    /// The grade recorded for the question at a place in [`QUESTIONS`].
    pub fn answer_at(&self, place: usize) -> Option<u8> {
        self.grades.get(place).copied().flatten()
    }
}

/// The bands as the profile sets them.
pub fn bands(ctx: &Ctx) -> Bands {
    Bands { max: [ctx.value(&BAND_1_MAX), ctx.value(&BAND_2_MAX), ctx.value(&BAND_3_MAX)] }
}

/// Runs every rule; returns the evidence suggestions (for the outcome).
pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts, scores: &Scores) -> Vec<Suggestion> {
    header(data, ctx, f);
    answers(ctx, f);
    yes_no_questions(ctx, f);
    overall(ctx, f, scores);
    evidence_order(ctx, f);
    let suggestions = evidence_suggestions(ctx, f);
    contradicted_grades(ctx, f, &suggestions);
    remedial_actions(ctx, f);
    suggestions
}

fn header(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &AUDIT_IN_FUTURE);
    let audit_type = choice(f.field(AUDIT_TYPE), model::AUDIT_TYPES);
    if audit_type.as_deref() == Some("practitioner") {
        practitioner_audit_gap(ctx, f);
    }
    if audit_type.as_deref() != Some("cross-locality") {
        return;
    }
    timetable(ctx, f);
    if read::is_blank(f.field(THEME)) {
        ctx.emit(&REQUIRED, "/theme", &AUD001_SELECT_THEME_CROSS_LOCALITY);
    }
    match boolean(f.field(PRACTITIONER_PRESENT)) {
        Some(false) => {
            ctx.emit(&CROSS_LOCALITY_ABSENT, "/practitionerPresent", &AUD015_CROSS_LOCALITY_AUDIT_TAKES)
                .related(["/auditType"]);
        }
        None if read::is_blank(f.field(PRACTITIONER_PRESENT)) => {
            ctx.emit(&REQUIRED, "/practitionerPresent", &AUD001_SELECT_WHETHER_PRACTITIONER_PRESENT);
        }
        _ => {}
    }
}

/// A cross-locality audit in a cross-locality month, on that month's theme ("Locality Themed Audits Timetable").
fn timetable(ctx: &mut Ctx, f: &Facts) {
    use chrono::Datelike;
    let Some(date) = f.audit_date else { return };
    let month = date.month();
    match CROSS_LOCALITY_MONTHS.iter().find(|(m, _)| *m == month) {
        None => {
            ctx.emit(&CROSS_LOCALITY_MONTH, "/auditDate", msg!(AUD018_CROSS_LOCALITY_AUDITS_HELD, month = month))
                .related(["/auditType"]);
        }
        Some((_, expected)) => {
            let theme = choice(f.field(THEME), model::THEMES);
            if theme.as_deref().is_some_and(|t| t != *expected) {
                ctx.emit(
                    &THEME_NOT_TIMETABLED,
                    "/theme",
                    msg!(AUD019_TIMETABLE_SETS_VALUE_THEME, theme = *expected, month = month),
                )
                .related(["/auditDate"]);
            }
        }
    }
}

/// A practitioner's case file audits every two months ("Bi Monthly").
fn practitioner_audit_gap(ctx: &mut Ctx, f: &Facts) {
    let (Some(previous), Some(audit)) = (date(f.field(PREVIOUS_AUDIT_ON)), f.audit_date) else { return };
    let months = ctx.value(&PRACTITIONER_AUDIT_MONTHS);
    let Some(due) = i32::try_from(months).ok().and_then(|m| calendar::add_months(previous, m)) else { return };
    if previous >= audit {
        ctx.emit(&EVIDENCE_ORDER, "/previousAuditOn", &AUD017_DATE_PRACTITIONERS_PREVIOUS_CASE).related(["/auditDate"]);
    } else if audit > due {
        ctx.emit(
            &PRACTITIONER_AUDIT_GAP,
            "/previousAuditOn",
            msg!(AUD022_PRACTITIONERS_CASES_AUDITED_MONTHS, months = months),
        )
        .related(["/auditDate"])
        .due(calendar::format_date(due));
    }
}

fn answers(ctx: &mut Ctx, f: &Facts) {
    for key in &f.unknown_questions {
        ctx.emit(&UNKNOWN_QUESTION, "/answers", &AUD002_GRADE_QUESTION_CASE_AUDIT)
            .related([crate::text!("/answers/", escape_key(key))]);
    }
    let graded = |q: &str| f.answer(q).is_some_and(|g| g != NOT_APPLICABLE);
    if f.case_status.as_deref() == Some("step-down") && graded("assessment.at-referral") {
        ctx.emit(&QUESTION_NOT_APPLICABLE, "/answers/assessment.at-referral", &AUD003_ASSESSMENT_REFERRAL_DOES_APPLY)
            .related(["/caseStatus"]);
    }
    let family_connect = f.ev.family_connect == Some(true);
    if family_connect && graded("basic.referrer-notified") {
        ctx.emit(&QUESTION_NOT_APPLICABLE, "/answers/basic.referrer-notified", &AUD003_NOTIFYING_REFERRER_DOES_APPLY)
            .related(["/evidence/referredByFamilyConnect"]);
    }
}

fn yes_no_questions(ctx: &mut Ctx, f: &Facts) {
    for (place, path, message) in [
        (CHILD_SAFE, "/childSafe/answer", &AUD001_SELECT_WHETHER_AUDITORS_SATISFIED),
        (LIFE_IMPROVED, "/lifeImproved/answer", &AUD001_SELECT_WHETHER_WORK_IMPROVED),
        (DIRECT_OBSERVATION, "/directObservation/answer", &AUD001_SELECT_WHETHER_DIRECT_OBSERVATION),
    ] {
        let part = f.field(place);
        let blank = match object(part) {
            Some(o) => read::is_blank(read::get(o, "answer")),
            None => read::is_blank(part),
        };
        if blank {
            ctx.emit(&REQUIRED, path, message);
        }
    }
    if f.child_safe == Some(false) {
        let comments = object(f.field(CHILD_SAFE)).and_then(|o| read::text(o, "comments"));
        if comments.is_none() {
            ctx.emit(&CHILD_NOT_SAFE_REASONS, "/childSafe/comments", &AUD004_ENTER_REASONS_AUDITORS_SATISFIED)
                .related(["/childSafe/answer"]);
        }
    }
}

fn overall(ctx: &mut Ctx, f: &Facts, scores: &Scores) {
    let (Some(recorded), Some(suggested)) = (f.recorded_overall, scores.suggested) else { return };
    if scoring::agreement(recorded, suggested) != "differs" || text(f.field(GENERAL_COMMENTS)).is_some() {
        return;
    }
    let label = model::grade_label(suggested).unwrap_or_default();
    let message = msg!(AUD005_AUDITORS_OVERALL_SCORE_MORE, suggested = suggested, label = label);
    ctx.emit(&OVERALL_DIFFERS, "/overallGrade", message).related(["/generalComments", "/answers"]);
}

/// A count and its noun ("1 day", "20 days"), a piece of a [`reason!`].
struct Count(i64, &'static str, &'static str);

/// A piece of an evidence suggestion's reason, written at the end of it.
trait Piece {
    fn push(&self, out: &mut String);
}

impl Piece for &str {
    fn push(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for i64 {
    fn push(&self, out: &mut String) {
        IntText::default().push(out, *self < 0, self.unsigned_abs());
    }
}

impl Piece for Count {
    fn push(&self, out: &mut String) {
        let Count(n, one, many) = *self;
        n.push(out);
        out.push(' ');
        out.push_str(if n == 1 { one } else { many });
    }
}

/// An evidence suggestion's reason, its pieces (text, whole numbers, [`Count`]s) written one after another: what
/// `format!` wrote, without `core::fmt` (`format!` and `plural` were 3% of the case audit's check).
macro_rules! reason {
    ($($piece:expr),+ $(,)?) => {
        reason_text(&[$(&$piece as &dyn Piece),+])
    };
}

/// The body of [`reason!`], one function for every reason (the module stays small).
fn reason_text(pieces: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(96);
    for piece in pieces {
        piece.push(&mut out);
    }
    out
}

fn weeks_after(ctx: &Ctx, from: NaiveDate, param: &Param) -> Option<NaiveDate> {
    calendar::add_weeks(from, ctx.value(param))
}

fn evidence_order(ctx: &mut Ctx, f: &Facts) {
    if f.evidence.is_none() {
        return;
    }
    let e = &f.ev;
    let referral = e.referral;
    let allocation_path = f.allocation_path;
    if let (Some(r), Some(a)) = (referral, f.allocation) {
        if a < r {
            let label = field_label(model::FIELDS, allocation_path).unwrap_or_default();
            ctx.emit(&EVIDENCE_ORDER, allocation_path, msg!(AUD017_DATE_ALLOCATION_SAME_AFTER, label = label))
                .related(["/evidence/referralDate"]);
        }
    }
    let first_contact = e.first_contact;
    if let (Some(a), Some(c)) = (f.allocation, first_contact) {
        if c < a {
            ctx.emit(&EVIDENCE_ORDER, "/evidence/firstContactDate", &AUD017_DATE_FIRST_CONTACT_SAME)
                .related([allocation_path]);
        }
    }
    let Some(audit) = f.audit_date else { return };
    let mut after_audit: Vec<String> = Vec::new();
    for (date, path) in [
        (e.referral, "/evidence/referralDate"),
        (e.allocation, "/evidence/allocationDate"),
        (e.first_contact, "/evidence/firstContactDate"),
        (e.assessment_completed, "/evidence/assessmentCompletedDate"),
    ] {
        if date.is_some_and(|d| d > audit) {
            after_audit.push(path.to_owned());
        }
    }
    for (i, v) in e.circles.iter().enumerate() {
        if read::parse_date(v).ok().flatten().is_some_and(|d| d > audit) {
            after_audit.push(crate::text!("/evidence/familyCircleDates/", i));
        }
    }
    for path in after_audit {
        let label = field_label(model::FIELDS, &path).unwrap_or_default();
        ctx.emit(&EVIDENCE_ORDER, path, msg!(AUD017_DATE_SAME_BEFORE_DATE, label = label)).related(["/auditDate"]);
    }
}

/// The Family Circle dates, sorted, each once.
fn circle_dates(e: &Evidence) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = e.circles.iter().filter_map(|v| read::parse_date(v).ok().flatten()).collect();
    crate::engine::sort::distinct(&mut dates);
    dates
}

/// The grades the evidence dates suggest, in question order.
pub fn evidence_suggestions(ctx: &Ctx, f: &Facts) -> Vec<Suggestion> {
    let mut out = evidence_object_suggestions(ctx, f);
    out.extend(header_suggestions(ctx, f));
    crate::engine::sort::stable_by_key(&mut out, |s| s.place);
    out
}

/// The grades the header's own dates suggest: case supervision in line with the policy for the case's status, and
/// an assessment older than 12 months that has been reviewed.
fn header_suggestions(ctx: &Ctx, f: &Facts) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let Some(audit) = f.audit_date else { return out };
    if let Some(previous) = f.most_recent_assessment.filter(|d| *d <= audit) {
        let months = ctx.value(&ASSESSMENT_REVIEW_MONTHS);
        let limit = i32::try_from(months).ok().and_then(|m| calendar::add_months(previous, m));
        if limit.is_some_and(|l| audit > l) {
            out.push(Suggestion::new(
                "assessment.reviewed-12-months",
                4,
                reason!(
                    "The most recent assessment is more than ",
                    months,
                    " months before the audit: no review is recorded since"
                ),
            ));
        }
    }
    if let (Some(last), Some(status)) = (f.most_recent_supervision.filter(|d| *d <= audit), f.case_status.as_deref()) {
        let (param, which) = if status == "cp" {
            (&SUPERVISION_MONTHS_CP, "a child protection case")
        } else {
            (&SUPERVISION_MONTHS, "an open case")
        };
        let months = ctx.value(param);
        let every = Count(months, "month", "months");
        let within = i32::try_from(months).ok().and_then(|m| calendar::add_months(last, m)).is_some_and(|l| audit <= l);
        let (suggested, reason) = if within {
            (
                2,
                reason!(
                    "The most recent supervision is within ",
                    every,
                    " of the audit, as the policy asks for ",
                    which
                ),
            )
        } else {
            let policy = "; the policy asks for supervision every ";
            (
                3,
                reason!(
                    "The most recent supervision is more than ",
                    every,
                    " before the audit",
                    policy,
                    every,
                    " on ",
                    which
                ),
            )
        };
        out.push(Suggestion::new("oversight.supervision", suggested, reason));
    }
    out
}

/// The grades the evidence object's dates suggest.
fn evidence_object_suggestions(ctx: &Ctx, f: &Facts) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if f.evidence.is_none() {
        return out;
    }
    let e = &f.ev;
    let mut suggest = |question: &'static str, suggested: u8, reason: String| {
        out.push(Suggestion::new(question, suggested, reason));
    };

    // Allocation: 2 weeks outstanding, 12 weeks inadequate; 6 weeks splits good from requires improvement.
    if let (Some(referral), Some(allocation)) = (e.referral, f.allocation) {
        if allocation >= referral {
            let within = |p: &Param| weeks_after(ctx, referral, p).is_some_and(|limit| allocation <= limit);
            let after = Count(calendar::days_between(referral, allocation), "day", "days");
            let (grade, limit, relation) = if within(&ALLOCATION_OUTSTANDING_WEEKS) {
                (1, ctx.value(&ALLOCATION_OUTSTANDING_WEEKS), ", within ")
            } else if within(&ALLOCATION_GOOD_WEEKS) {
                (2, ctx.value(&ALLOCATION_GOOD_WEEKS), ", within ")
            } else if within(&ALLOCATION_INADEQUATE_WEEKS) {
                (3, ctx.value(&ALLOCATION_INADEQUATE_WEEKS), ", within ")
            } else {
                (4, ctx.value(&ALLOCATION_INADEQUATE_WEEKS), ", more than ")
            };
            let reason = reason!("Allocated ", after, " after the referral", relation, limit, " weeks");
            suggest("basic.allocation-timely", grade, reason);
        }
    }

    // First contact within 5 working days of allocation.
    if let (Some(allocation), Some(contact)) = (f.allocation, e.first_contact) {
        let n = ctx.value(&CONTACT_WORKING_DAYS);
        if let (true, Some(deadline)) = (contact >= allocation, ctx.calendar.add_working_days(allocation, n)) {
            let taken = ctx.calendar.working_days(allocation, contact).unwrap_or(0);
            let taken = Count(taken, "working day", "working days");
            if contact <= deadline {
                suggest("basic.contact-5-days", 2, reason!("First contact ", taken, " after allocation, within ", n));
            } else {
                let reason = reason!("First contact ", taken, " after allocation, later than ", n);
                suggest("basic.contact-5-days", 3, reason);
            }
        }
    }

    // An assessment at referral, or one within 10 weeks of allocation.
    match e.assessment_at_referral {
        Some(true) => suggest(
            "assessment.within-10-weeks",
            NOT_APPLICABLE,
            "An assessment was provided at referral, so this question does not apply".to_owned(),
        ),
        Some(false) => {
            if let Some(deadline) = f.allocation.and_then(|a| weeks_after(ctx, a, &ASSESSMENT_WEEKS)) {
                let w = ctx.value(&ASSESSMENT_WEEKS);
                match e.assessment_completed {
                    Some(done) if done <= deadline => suggest(
                        "assessment.within-10-weeks",
                        2,
                        reason!("No assessment at referral; one was completed within ", w, " weeks of allocation"),
                    ),
                    Some(_) => suggest(
                        "assessment.within-10-weeks",
                        3,
                        reason!(
                            "No assessment at referral; one was completed more than ",
                            w,
                            " weeks after allocation"
                        ),
                    ),
                    None if f.audit_date.is_some_and(|a| a > deadline) => suggest(
                        "assessment.within-10-weeks",
                        4,
                        reason!("No assessment at referral and none completed ", w, " weeks after allocation"),
                    ),
                    None => {}
                }
            }
        }
        None => {}
    }

    // The first Family Circle: 6 weeks after allocation (EHA) or 8 weeks (EHSP).
    let circles = circle_dates(e);
    let kind = e.assessment_kind.as_deref();
    let weeks = match kind {
        Some("eha") => Some((&FIRST_CIRCLE_WEEKS_EHA, "EHA")),
        Some("ehsp") => Some((&FIRST_CIRCLE_WEEKS_EHSP, "EHSP")),
        _ => None,
    };
    if let (Some((param, name)), Some(allocation)) = (weeks, f.allocation) {
        if let Some(deadline) = weeks_after(ctx, allocation, param) {
            let w = ctx.value(param);
            match circles.iter().find(|d| **d >= allocation) {
                Some(first) if *first <= deadline => suggest(
                    "assessment.first-circle",
                    2,
                    reason!("First Family Circle within ", w, " weeks of allocation (", name, ")"),
                ),
                Some(_) => suggest(
                    "assessment.first-circle",
                    3,
                    reason!("First Family Circle more than ", w, " weeks after allocation (", name, ")"),
                ),
                None if f.audit_date.is_some_and(|a| a > deadline) => suggest(
                    "assessment.first-circle",
                    4,
                    reason!("No Family Circle recorded ", w, " weeks after allocation (", name, ")"),
                ),
                None => {}
            }
        }
    }

    // Family Circles reviewed every 8 weeks: each gap, and the last circle to the audit.
    if let Some(last) = circles.last() {
        let limit = ctx.value(&CIRCLE_WEEKS);
        let too_far = |a: NaiveDate, b: NaiveDate| calendar::add_weeks(a, limit).is_some_and(|due| b > due);
        let gaps = circles.windows(2).filter(|w| matches!(w, [a, b] if too_far(*a, *b))).count();
        let judged_last = f.audit_date.filter(|audit| too_far(*last, *audit));
        if gaps > 0 || judged_last.is_some() {
            let n = i64::try_from(gaps).unwrap_or(i64::MAX);
            let gaps = Count(n, "gap between circles is", "gaps between circles are");
            let reason = match (n > 0, judged_last.is_some()) {
                (true, true) => reason!(
                    gaps,
                    " more than ",
                    limit,
                    " weeks, and the last circle was more than ",
                    limit,
                    " weeks before the audit"
                ),
                (true, false) => reason!(gaps, " more than ", limit, " weeks"),
                _ => reason!("The last Family Circle was more than ", limit, " weeks before the audit"),
            };
            suggest("assessment.circle-8-weekly", 3, reason);
        } else if circles.len() >= 2 || f.audit_date.is_some() {
            let reason = if f.audit_date.is_some() {
                reason!(
                    "No gap of more than ",
                    limit,
                    " weeks between Family Circles or from the last circle to the audit"
                )
            } else {
                reason!("No gap of more than ", limit, " weeks between Family Circles")
            };
            suggest("assessment.circle-8-weekly", 2, reason);
        }
    }
    out
}

/// A grade of 1 or 2 that the evidence contradicts (it suggests 3 or 4; allocation only at 4, the seed's
/// "12 weeks inadequate").
fn contradicted_grades(ctx: &mut Ctx, f: &Facts, suggestions: &[Suggestion]) {
    for s in suggestions {
        let Some(given) = f.answer_at(s.place) else { continue };
        if !(1..=2).contains(&given) {
            continue;
        }
        let (rule, template, threshold, related): (&Rule, &'static Template, u8, &[&str]) = match s.question {
            "basic.allocation-timely" => (
                &ALLOCATION_NOT_TIMELY,
                &AUD006_GRADE_BETTER_THAN_DATES,
                4,
                &["/evidence/referralDate", "/evidence/allocationDate"],
            ),
            "basic.contact-5-days" => (
                &CONTACT_LATE,
                &AUD007_GRADE_BETTER_THAN_DATES,
                3,
                &["/evidence/firstContactDate", "/evidence/allocationDate"],
            ),
            "assessment.within-10-weeks" => (
                &ASSESSMENT_LATE,
                &AUD008_GRADE_BETTER_THAN_DATES,
                3,
                &["/evidence/assessmentAtReferral", "/evidence/assessmentCompletedDate"],
            ),
            "assessment.first-circle" => (
                &FIRST_CIRCLE_LATE,
                &AUD009_GRADE_BETTER_THAN_DATES,
                3,
                &["/evidence/familyCircleDates", "/evidence/assessmentKind"],
            ),
            "assessment.circle-8-weekly" => {
                (&CIRCLE_GAP, &AUD010_GRADE_BETTER_THAN_DATES, 3, &["/evidence/familyCircleDates"])
            }
            "assessment.reviewed-12-months" => {
                (&ASSESSMENT_NOT_REVIEWED, &AUD021_GRADE_BETTER_THAN_DATES, 3, &["/mostRecentAssessment/date"])
            }
            "oversight.supervision" => (
                &SUPERVISION_NOT_IN_POLICY,
                &AUD020_GRADE_BETTER_THAN_DATES,
                3,
                &["/mostRecentSupervision", "/caseStatus"],
            ),
            _ => continue,
        };
        if s.suggested < threshold || s.suggested == NOT_APPLICABLE {
            continue;
        }
        let topic = QUESTIONS.get(s.place).map(|q| q.topic).unwrap_or_default();
        let label = model::grade_label(s.suggested).unwrap_or_default();
        let message = Message::new(template).arg("topic", topic).arg("grade", s.suggested).arg("label", label);
        let related = related.iter().map(|p| if *p == "/evidence/allocationDate" { f.allocation_path } else { p });
        ctx.emit(rule, crate::text!("/answers/", s.question), message).related(related);
    }
}

fn remedial_actions(ctx: &mut Ctx, f: &Facts) {
    let months = i32::try_from(ctx.value(&FOLLOW_UP_MONTHS)).ok();
    let follow_up = f.audit_date.zip(months).and_then(|(a, m)| calendar::add_months(a, m));
    for (i, row) in list(f.field(REMEDIAL_ACTIONS)).iter().enumerate() {
        let Some(action) = row.as_object() else { continue };
        if read::is_blank(read::get(action, "action")) {
            ctx.emit(&REQUIRED, crate::text!("/remedialActions/", i, "/action"), &AUD001_ENTER_REMEDIAL_ACTION);
        }
        let due = read::date(action, "dueDate");
        if read::is_blank(read::get(action, "dueDate")) {
            ctx.emit(&REQUIRED, crate::text!("/remedialActions/", i, "/dueDate"), &AUD001_ENTER_DATE_ACTION_COMPLETED);
        }
        let completed = read::date(action, "completedOn");
        let completed_blank = read::is_blank(read::get(action, "completedOn"));
        if !completed_blank && read::is_blank(read::get(action, "lineManagerInitials")) {
            ctx.emit(
                &REQUIRED,
                crate::text!("/remedialActions/", i, "/lineManagerInitials"),
                &AUD001_ENTER_INITIALS_LINE_MANAGER,
            )
            .related([crate::text!("/remedialActions/", i, "/completedOn")]);
        }
        if let (Some(due), Some(audit)) = (due, f.audit_date) {
            if due <= audit {
                ctx.emit(
                    &ACTION_DUE_NOT_AFTER_AUDIT,
                    crate::text!("/remedialActions/", i, "/dueDate"),
                    &AUD011_DATE_ACTION_COMPLETED_AFTER,
                )
                .related(["/auditDate"]);
            } else if let Some(check) = follow_up.filter(|c| due > *c) {
                let m = ctx.value(&FOLLOW_UP_MONTHS);
                ctx.emit(
                    &ACTION_AFTER_FOLLOW_UP,
                    crate::text!("/remedialActions/", i, "/dueDate"),
                    msg!(AUD014_ACTION_DUE_AFTER_AUDITOR, m = m),
                )
                .related(["/auditDate"])
                .due(calendar::format_date(check));
            }
        }
        if let (Some(done), Some(audit)) = (completed, f.audit_date) {
            if done < audit {
                ctx.emit(
                    &ACTION_COMPLETED_BEFORE_AUDIT,
                    crate::text!("/remedialActions/", i, "/completedOn"),
                    &AUD012_DATE_ACTION_COMPLETED_SAME,
                )
                .related(["/auditDate"]);
            }
        }
        if let Some(due) = due {
            if completed.is_none() && completed_blank && due < ctx.today {
                ctx.emit(
                    &ACTION_OVERDUE,
                    crate::text!("/remedialActions/", i, "/dueDate"),
                    &AUD013_ACTION_PAST_DATE_COMPLETED,
                )
                .related([crate::text!("/remedialActions/", i, "/completedOn")])
                .due(calendar::format_date(due));
            }
        }
    }
}

/// The auditor's follow-up check: the audit date plus the follow-up months (clamped at month ends).
pub fn follow_up_due(ctx: &Ctx, f: &Facts) -> Option<NaiveDate> {
    let months = i32::try_from(ctx.value(&FOLLOW_UP_MONTHS)).ok()?;
    calendar::add_months(f.audit_date?, months)
}

/// How many of the 39 questions have a grade (any of 1–5).
pub fn graded_questions(f: &Facts) -> usize {
    f.grades.iter().flatten().count()
}

crate::messages! {
    AUD001_SELECT_THEME_CROSS_LOCALITY = "AUD-001.select-theme-cross-locality": "Select the theme of the cross-locality audit";
    AUD015_CROSS_LOCALITY_AUDIT_TAKES = "AUD-015.cross-locality-audit-takes": "A cross-locality audit takes place with the practitioner present";
    AUD001_SELECT_WHETHER_PRACTITIONER_PRESENT = "AUD-001.select-whether-practitioner-present": "Select whether the practitioner was present";
    AUD002_GRADE_QUESTION_CASE_AUDIT = "AUD-002.grade-question-case-audit": "This grade is for a question the case audit tool does not have: grade the tool’s questions only";
    AUD003_ASSESSMENT_REFERRAL_DOES_APPLY = "AUD-003.assessment-referral-does-apply": "An assessment at referral does not apply to a step-down case: grade it N/A (5)";
    AUD003_NOTIFYING_REFERRER_DOES_APPLY = "AUD-003.notifying-referrer-does-apply": "Notifying the referrer does not apply to a Family Connect referral: grade it N/A (5)";
    AUD004_ENTER_REASONS_AUDITORS_SATISFIED = "AUD-004.enter-reasons-auditors-satisfied": "Enter the reasons the auditors are not satisfied the child is safe";
    AUD005_AUDITORS_OVERALL_SCORE_MORE = "AUD-005.auditors-overall-score-more": "The auditors’ overall score is more than one grade from the grade the answers suggest ({suggested}, {label}): explain why in the general comments";
    AUD017_DATE_ALLOCATION_SAME_AFTER = "AUD-017.date-allocation-same-after": "{label} must be the same as or after the date of referral";
    AUD017_DATE_FIRST_CONTACT_SAME = "AUD-017.date-first-contact-same": "Date of the first contact with the family must be the same as or after the date of allocation";
    AUD017_DATE_SAME_BEFORE_DATE = "AUD-017.date-same-before-date": "{label} must be the same as or before the date of the audit";
    AUD001_ENTER_REMEDIAL_ACTION = "AUD-001.enter-remedial-action": "Enter the remedial action";
    AUD001_ENTER_DATE_ACTION_COMPLETED = "AUD-001.enter-date-action-completed": "Enter the date the action is to be completed by";
    AUD001_ENTER_INITIALS_LINE_MANAGER = "AUD-001.enter-initials-line-manager": "Enter the initials of the line manager who recorded the action as completed";
    AUD011_DATE_ACTION_COMPLETED_AFTER = "AUD-011.date-action-completed-after": "Date the action is to be completed by must be after the date of the audit";
    AUD014_ACTION_DUE_AFTER_AUDITOR = "AUD-014.action-due-after-auditor": "The action is due after the auditor checks the actions, {m} months after the audit";
    AUD012_DATE_ACTION_COMPLETED_SAME = "AUD-012.date-action-completed-same": "Date the action was completed must be the same as or after the date of the audit";
    AUD013_ACTION_PAST_DATE_COMPLETED = "AUD-013.action-past-date-completed": "The action is past the date it was to be completed by and is not recorded as completed";
    AUD001_SELECT_WHETHER_AUDITORS_SATISFIED = "AUD-001.select-whether-auditors-satisfied": "Select whether the auditors are satisfied the child is safe";
    AUD001_SELECT_WHETHER_WORK_IMPROVED = "AUD-001.select-whether-work-improved": "Select whether the work has improved the family’s life";
    AUD001_SELECT_WHETHER_DIRECT_OBSERVATION = "AUD-001.select-whether-direct-observation": "Select whether a direct observation of the case was undertaken";
    AUD006_GRADE_BETTER_THAN_DATES = "AUD-006.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD007_GRADE_BETTER_THAN_DATES = "AUD-007.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD008_GRADE_BETTER_THAN_DATES = "AUD-008.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD009_GRADE_BETTER_THAN_DATES = "AUD-009.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD010_GRADE_BETTER_THAN_DATES = "AUD-010.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD018_CROSS_LOCALITY_AUDITS_HELD = "AUD-018.cross-locality-month": "Cross-locality audits are held in January, March, May, July, September and November: {month, plural, =1 {January} =2 {February} =3 {March} =4 {April} =5 {May} =6 {June} =7 {July} =8 {August} =9 {September} =10 {October} =11 {November} other {December}} is for audits in the locality bases";
    AUD019_TIMETABLE_SETS_VALUE_THEME = "AUD-019.month-theme": "The timetable sets {theme, select, cse-ce {CSE/CE} domestic-abuse {domestic abuse} neglect {neglect} re-referrals-12-months {re-referrals within 12 months} open-12-months-plus {cases open 12 months or more} other {CIN}} as the theme of the cross-locality audit in {month, plural, =1 {January} =2 {February} =3 {March} =4 {April} =5 {May} =6 {June} =7 {July} =8 {August} =9 {September} =10 {October} =11 {November} other {December}}";
    AUD017_DATE_PRACTITIONERS_PREVIOUS_CASE = "AUD-017.date-practitioners-previous-case": "Date of the practitioner’s previous case file audit must be before the date of this audit";
    AUD022_PRACTITIONERS_CASES_AUDITED_MONTHS = "AUD-022.practitioners-cases-audited-months": "A practitioner’s cases are audited every {months, plural, one {# month} other {# months}}: this audit is more than that after the previous one";
    AUD020_GRADE_BETTER_THAN_DATES = "AUD-020.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
    AUD021_GRADE_BETTER_THAN_DATES = "AUD-021.grade-better-than-dates": "The grade for {topic} is better than the dates suggest ({grade}, {label}): check the grade";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::json;

    /// `slots` finds each key's value whatever the order of the record's keys (in the table's order, reversed,
    /// mixed with keys the table does not have), as a look-up of each key does, and gives the keys that are none of
    /// the table's in the record's order.
    #[test]
    fn slots_are_lookups_in_any_order() {
        let table = ["a", "b", "c", "d", "e"];
        let orders: [&[&str]; 6] = [
            &["a", "b", "c", "d", "e"],
            &["e", "d", "c", "b", "a"],
            &["c", "x", "a", "e", "y"],
            &[],
            &["b", "d", "z"],
            &["x", "y"],
        ];
        for order in orders {
            let obj: Map<String, Value> = order.iter().zip(0..).map(|(k, i)| ((*k).to_owned(), json!(i))).collect();
            let mut unknown = Vec::new();
            let found: [Option<&Value>; 5] = slots(&obj, &table, |k| k, |k| unknown.push(k));
            for (k, v) in table.iter().zip(found) {
                assert_eq!(v, obj.get(k), "{order:?} {k}");
            }
            let expected: Vec<&str> = obj.keys().map(String::as_str).filter(|k| !table.contains(k)).collect();
            assert_eq!(unknown, expected, "{order:?}");
        }
    }

    /// The facts read from a record are the same whatever the order of its keys and of its grades' keys.
    #[test]
    fn facts_do_not_depend_on_key_order() {
        let mut answers: Vec<(String, Value)> =
            QUESTIONS.iter().zip(0u8..).map(|(q, i)| (q.id.to_owned(), json!(i % 6))).collect();
        answers.push(("not.a-question".to_owned(), json!(2)));
        let record = |answers: Vec<(String, Value)>, reverse: bool| -> Map<String, Value> {
            let mut top = vec![
                ("auditDate".to_owned(), json!("2025-05-28")),
                ("caseStatus".to_owned(), json!("cp")),
                ("answers".to_owned(), Value::Object(answers.into_iter().collect())),
                ("childSafe".to_owned(), json!({ "answer": "no" })),
                ("overallGrade".to_owned(), json!("3")),
                ("evidence".to_owned(), json!({ "familyCircleDates": ["2025-01-01"], "allocationDate": "2025-01-06" })),
                ("unknownTopLevel".to_owned(), json!(1)),
            ];
            if reverse {
                top.reverse();
            }
            top.into_iter().collect()
        };
        let in_order = record(answers.clone(), false);
        answers.reverse();
        let reversed = record(answers, true);
        let (a, b) = (facts(&in_order), facts(&reversed));
        assert_eq!(a.grades, b.grades);
        assert_eq!(a.grades.iter().flatten().count(), 32); // 0 and 6 are no grades
        assert_eq!(a.unknown_questions, ["not.a-question"]);
        assert_eq!(b.unknown_questions, ["not.a-question"]);
        for f in [&a, &b] {
            assert_eq!(f.audit_date, chrono::NaiveDate::from_ymd_opt(2025, 5, 28));
            assert_eq!(f.case_status.as_deref(), Some("cp"));
            assert_eq!(f.child_safe, Some(false));
            assert_eq!(f.recorded_overall, Some(3));
            assert_eq!(f.allocation_path, "/evidence/allocationDate");
            assert_eq!(f.ev.circles.len(), 1);
        }
    }
}
