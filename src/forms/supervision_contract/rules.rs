//! The supervision contract's rules: one declaration each, one check function per rule.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::engine::timescale::{self, Status};
use crate::msg;
use crate::rule;

const FRAMEWORK: &str = "6. Supervision Framework, Frequency & Recording Guide";
const APPENDIX_A: &str = "Appendix A: A Contract for Supervision";

pub use crate::forms::shared::SUPERVISION_FREQUENCY_WEEKS as MAX_FREQUENCY_WEEKS;
pub static REVIEW_MONTHS: Param = Param { key: "supervision-contract.reviewMonths", default: 12, unit: "months" };

rule!(REQUIRED, "SVC-001", "missing-required-field", Error, Required,
    ["/supervisor", "/supervisee", "/frequencyWeeks", "/signedBySupervisee", "/signedBySupervisor", "/reviewFrequencyMonths", "/uploadedOn"],
    Cite::same(SEED_002, FRAMEWORK),
    "A part of the contract is missing: the supervisor, the supervisee, the frequency of sessions, either signature, how often it is reviewed, or the date it was uploaded to the supervisee's record. Information while drafting, an error at submit.",
    "A supervision contract must be signed by both supervisor and supervisee and uploaded to the supervisee record through.");

rule!(LESS_FREQUENT, "SVC-002", "less-frequent-without-reason", Error, Required,
    ["/frequencyWeeks", "/reasonForLessFrequent"],
    Cite::interpreted(SEED_002, APPENDIX_A),
    "The sessions are less frequent than every 4 weeks (the policy's 'at least monthly' for staff working directly with families) and no reason is recorded. The telford-wrekin profile will use 6 weeks, Appendix A's '6 weekly' and the outer bound of the policy's 'four to six weekly'. Information while drafting, an error at submit.",
    "Where supervision takes place less frequently the reasons for this will be recorded. (eg. Part time workers).",
    params = [MAX_FREQUENCY_WEEKS]);

rule!(
    REVIEW_INTERVAL,
    "SVC-003",
    "review-interval-over-12-months",
    Error,
    Check,
    ["/reviewFrequencyMonths"],
    Cite::same(SEED_002, FRAMEWORK),
    "The contract is to be reviewed less often than every 12 months.",
    "The contract should be jointly reviewed every 12 months.",
    params = [REVIEW_MONTHS]
);

rule!(REVIEW_OVERDUE, "SVC-004", "review-overdue", Warning, Check,
    ["/lastReviewedOn", "/signedBySupervisee", "/signedBySupervisor", "/reviewFrequencyMonths"],
    Cite::same(SEED_002, FRAMEWORK),
    "The joint review of the contract is overdue: the last review (or, before any review, the later signature) was longer ago than the review frequency, which is at most 12 months.",
    "The contract should be jointly reviewed every 12 months.",
    params = [REVIEW_MONTHS]);

rule!(
    DATES_OUT_OF_ORDER,
    "SVC-005",
    "dates-out-of-order",
    Error,
    Check,
    ["/uploadedOn", "/lastReviewedOn", "/signedBySupervisee", "/signedBySupervisor"],
    Cite::interpreted(SEED_002, FRAMEWORK),
    "The contract was uploaded before both parties signed it, or reviewed before it was signed.",
    ""
);

rule!(
    DATE_IN_FUTURE,
    "SVC-006",
    "date-in-future",
    Error,
    Check,
    ["/signedBySupervisee", "/signedBySupervisor", "/lastReviewedOn", "/uploadedOn"],
    Cite::interpreted(SEED_002, APPENDIX_A),
    "A signature, review or upload date is after today.",
    ""
);

pub static RULES: &[&Rule] =
    &[&REQUIRED, &LESS_FREQUENT, &REVIEW_INTERVAL, &REVIEW_OVERDUE, &DATES_OUT_OF_ORDER, &DATE_IN_FUTURE];

/// What the rules and the outcome share, read once.
pub struct Facts {
    pub signed_supervisee: Option<NaiveDate>,
    pub signed_supervisor: Option<NaiveDate>,
    pub uploaded: Option<NaiveDate>,
    pub frequency_weeks: Option<i64>,
    /// The review interval in months: the contract's own, never more than the policy's.
    pub review_months: i64,
    /// When the next joint review is due.
    pub review_due: Option<NaiveDate>,
    pub review_status: Status,
}

fn whole(data: &Map<String, Value>, key: &str) -> Option<i64> {
    read::number(data, key).filter(|x| x.fract() == 0.0 && x.abs() < 1e9).map(|x| x as i64)
}

pub fn facts(data: &Map<String, Value>, ctx: &Ctx) -> Facts {
    let signed_supervisee = read::date(data, "signedBySupervisee");
    let signed_supervisor = read::date(data, "signedBySupervisor");
    let policy = ctx.value(&REVIEW_MONTHS);
    let review_months = whole(data, "reviewFrequencyMonths").filter(|m| *m > 0).map_or(policy, |m| m.min(policy));
    let signed = match (signed_supervisee, signed_supervisor) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    let from = read::date(data, "lastReviewedOn").or(signed);
    let review_due = from.and_then(|d| calendar::add_months(d, i32::try_from(review_months).ok()?));
    let review_status = review_due
        .map_or(Status::NotApplicable, |due| timescale::status(due, None, ctx.today, timescale::DUE_SOON_DAYS));
    Facts {
        signed_supervisee,
        signed_supervisor,
        uploaded: read::date(data, "uploadedOn"),
        frequency_weeks: whole(data, "frequencyWeeks"),
        review_months,
        review_due,
        review_status,
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    less_frequent_without_reason(data, ctx, f);
    review_interval(data, ctx);
    review_overdue(ctx, f);
    dates_out_of_order(data, ctx, f);
    dates_in_future(data, ctx);
}

/// Whether the agreed frequency is less often than the policy's.
pub fn less_frequent(ctx: &Ctx, f: &Facts) -> bool {
    f.frequency_weeks.is_some_and(|w| w > ctx.value(&MAX_FREQUENCY_WEEKS))
}

fn less_frequent_without_reason(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if less_frequent(ctx, f) && read::is_blank(data.get("reasonForLessFrequent")) {
        let max = ctx.value(&MAX_FREQUENCY_WEEKS);
        let message = msg!(SVC002_ENTER_REASON_SUPERVISION_WILL, max = max);
        ctx.emit(&LESS_FREQUENT, "/reasonForLessFrequent", message).related(["/frequencyWeeks"]);
    }
}

fn review_interval(data: &Map<String, Value>, ctx: &mut Ctx) {
    let policy = ctx.value(&REVIEW_MONTHS);
    if whole(data, "reviewFrequencyMonths").is_some_and(|m| m > policy) {
        let message = msg!(SVC003_HOW_OFTEN_CONTRACT_REVIEWED, policy = policy);
        ctx.emit(&REVIEW_INTERVAL, "/reviewFrequencyMonths", message);
    }
}

fn review_overdue(ctx: &mut Ctx, f: &Facts) {
    let (Some(due), Status::Overdue) = (f.review_due, f.review_status) else { return };
    let message = msg!(SVC004_JOINT_REVIEW_CONTRACT_DUE, due = due);
    ctx.emit(&REVIEW_OVERDUE, "/lastReviewedOn", message)
        .related(["/signedBySupervisee", "/signedBySupervisor", "/reviewFrequencyMonths"])
        .due(calendar::format_date(due));
}

fn dates_out_of_order(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let signatures = [f.signed_supervisee, f.signed_supervisor];
    if let Some(uploaded) = f.uploaded {
        if signatures.iter().flatten().any(|s| uploaded < *s) {
            ctx.emit(&DATES_OUT_OF_ORDER, "/uploadedOn", &SVC005_DATE_CONTRACT_UPLOADED_SAME)
                .related(["/signedBySupervisee", "/signedBySupervisor"]);
        }
    }
    if let Some(reviewed) = read::date(data, "lastReviewedOn") {
        if signatures.iter().flatten().any(|s| reviewed < *s) {
            ctx.emit(&DATES_OUT_OF_ORDER, "/lastReviewedOn", &SVC005_DATE_CONTRACT_LAST_REVIEWED)
                .related(["/signedBySupervisee", "/signedBySupervisor"]);
        }
    }
}

fn dates_in_future(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE);
}

crate::messages! {
    SVC002_ENTER_REASON_SUPERVISION_WILL = "SVC-002.enter-reason-supervision-will": "Enter the reason supervision will be less often than every {max, plural, one {# week} other {# weeks}}, for example part-time working";
    SVC003_HOW_OFTEN_CONTRACT_REVIEWED = "SVC-003.how-often-contract-reviewed": "How often the contract is reviewed must be {policy, plural, one {# month} other {# months}} or fewer: it is reviewed jointly at least every {policy, plural, one {# month} other {# months}}";
    SVC004_JOINT_REVIEW_CONTRACT_DUE = "SVC-004.joint-review-contract-due": "The joint review of the contract was due by {due}: review it with the supervisee";
    SVC005_DATE_CONTRACT_UPLOADED_SAME = "SVC-005.date-contract-uploaded-same": "Date the contract was uploaded to the supervisee’s record must be the same as or after the dates both parties signed it";
    SVC005_DATE_CONTRACT_LAST_REVIEWED = "SVC-005.date-contract-last-reviewed": "Date the contract was last reviewed must be the same as or after the dates it was signed";
}
