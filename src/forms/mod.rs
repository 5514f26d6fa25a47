//! Every form: one module per form, named by its id. Each has its model (fields), its rules (one declaration and
//! one check function per rule) and its outcome.

pub mod case_audit;
pub mod case_closure;
pub mod case_transfer;
pub mod casework_supervision;
pub mod child_file;
pub mod core_group;
pub mod da_triage;
mod deadline;
pub mod direct_observation;
pub mod disengagement;
pub mod early_help_plan;
pub mod family_ambassador;
pub mod family_circle;
pub mod family_programme;
pub mod group_qa_visit;
pub mod group_supervision;
pub mod incredible_years_checklist;
pub mod practice_standards;
pub mod return_home_interview;
pub mod safety_plan;
pub mod sf_allocation;
pub mod sf_referral;
pub mod shared;
pub mod supervision_audit;
pub mod supervision_contract;
pub mod supervision_log;
pub mod supervision_record;
pub mod targeted_group;
pub mod workbook_eligibility;
pub mod workbook_summary;

use crate::engine::profile::Param;
use crate::engine::registry::{Cache, FormDef, Known, Registry};

/// The forms this build holds (each is a cargo feature named by its id; `all-forms` selects every one), in the order
/// of the specification. Add a form here, and to [`PRODUCT`].
pub static ALL: &[&FormDef] = &[
    #[cfg(feature = "sf-referral")]
    &sf_referral::FORM,
    #[cfg(feature = "sf-allocation")]
    &sf_allocation::FORM,
    #[cfg(feature = "early-help-plan")]
    &early_help_plan::FORM,
    #[cfg(feature = "family-circle")]
    &family_circle::FORM,
    #[cfg(feature = "case-closure")]
    &case_closure::FORM,
    #[cfg(feature = "case-transfer")]
    &case_transfer::FORM,
    #[cfg(feature = "disengagement")]
    &disengagement::FORM,
    #[cfg(feature = "return-home-interview")]
    &return_home_interview::FORM,
    #[cfg(feature = "targeted-group")]
    &targeted_group::FORM,
    #[cfg(feature = "da-triage")]
    &da_triage::FORM,
    #[cfg(feature = "case-audit")]
    &case_audit::FORM,
    #[cfg(feature = "practice-standards")]
    &practice_standards::FORM,
    #[cfg(feature = "direct-observation")]
    &direct_observation::FORM,
    #[cfg(feature = "group-qa-visit")]
    &group_qa_visit::FORM,
    #[cfg(feature = "incredible-years-checklist")]
    &incredible_years_checklist::FORM,
    #[cfg(feature = "supervision-contract")]
    &supervision_contract::FORM,
    #[cfg(feature = "supervision-record")]
    &supervision_record::FORM,
    #[cfg(feature = "supervision-log")]
    &supervision_log::FORM,
    #[cfg(feature = "supervision-audit")]
    &supervision_audit::FORM,
    #[cfg(feature = "casework-supervision")]
    &casework_supervision::FORM,
    #[cfg(feature = "workbook-summary")]
    &workbook_summary::FORM,
    #[cfg(feature = "family-programme")]
    &family_programme::FORM,
    #[cfg(feature = "group-supervision")]
    &group_supervision::FORM,
    #[cfg(feature = "core-group")]
    &core_group::FORM,
    #[cfg(feature = "child-file")]
    &child_file::FORM,
    #[cfg(feature = "workbook-eligibility")]
    &workbook_eligibility::FORM,
    #[cfg(feature = "safety-plan")]
    &safety_plan::FORM,
    #[cfg(feature = "family-ambassador")]
    &family_ambassador::FORM,
];

/// The forms this build holds and every form of the product: what the entry (`crate::api`, the command line) hands
/// the engine.
pub static REGISTRY: Registry = Registry { forms: ALL, product: PRODUCT, cache: Cache::new() };

/// Every form of the product, held by this build or not: its id, its rule codes and its thresholds, so that a
/// single-form module still reads a council's profile written for every form. Whole, it costs a few kB; the forms'
/// code is not linked. `product_lists_every_form` holds it to the forms' own declarations.
#[rustfmt::skip]
pub static PRODUCT: &[Known] = &[
    Known {
        id: "sf-referral",
        prefix: "REF", rules: 17,
        params: &[Param { key: "sf-referral.domains", default: 3, unit: "domains" }, Param { key: "sf-referral.subcategories", default: 5, unit: "sub-categories" }, Param { key: "sf-referral.maxAge", default: 18, unit: "years" }, Param { key: "sf-referral.maxAgeSend", default: 25, unit: "years" }],
    },
    Known {
        id: "sf-allocation",
        prefix: "ALC", rules: 12,
        params: &[Param { key: "sf-allocation.referrerNotifiedDays", default: 2, unit: "days" }, Param { key: "sf-allocation.contactDays", default: 2, unit: "days" }, Param { key: "sf-allocation.firstVisitDays", default: 7, unit: "days" }, Param { key: "sf-allocation.unallocatedReviewDays", default: 7, unit: "days" }],
    },
    Known {
        id: "early-help-plan",
        prefix: "EHP", rules: 17,
        params: &[Param { key: "early-help-plan.authorisationWeeks", default: 7, unit: "weeks" }, Param { key: "early-help-plan.openWeeks", default: 8, unit: "weeks" }, Param { key: "early-help-plan.assessmentWeeks", default: 6, unit: "weeks" }, Param { key: "early-help-plan.supportMeetingFromWeeks", default: 6, unit: "weeks" }, Param { key: "early-help-plan.supportMeetingToWeeks", default: 8, unit: "weeks" }],
    },
    Known {
        id: "family-circle",
        prefix: "FCI", rules: 6,
        params: &[Param { key: "family-circle.firstAfterEhaWeeks", default: 6, unit: "weeks" }, Param { key: "family-circle.firstAfterEhspWeeks", default: 8, unit: "weeks" }, Param { key: "family-circle.intervalWeeks", default: 8, unit: "weeks" }],
    },
    Known {
        id: "case-closure",
        prefix: "CLO", rules: 12,
        params: &[Param { key: "case-closure.summaryDays", default: 7, unit: "days" }, Param { key: "case-closure.monitoringMonths", default: 1, unit: "months" }],
    },
    Known {
        id: "case-transfer",
        prefix: "TRF", rules: 8,
        params: &[],
    },
    Known {
        id: "disengagement",
        prefix: "DIS", rules: 8,
        params: &[],
    },
    Known {
        id: "return-home-interview",
        prefix: "RHI", rules: 16,
        params: &[Param { key: "return-home-interview.hours", default: 72, unit: "hours" }, Param { key: "return-home-interview.dueSoonHours", default: 24, unit: "hours" }, Param { key: "return-home-interview.startHours", default: 24, unit: "hours" }, Param { key: "return-home-interview.windowDays", default: 90, unit: "days" }, Param { key: "return-home-interview.episodes", default: 3, unit: "episodes" }],
    },
    Known {
        id: "targeted-group",
        prefix: "TGP", rules: 18,
        params: &[Param { key: "targeted-group.maxSessions", default: 12, unit: "sessions" }, Param { key: "targeted-group.noAttendanceSessions", default: 3, unit: "sessions" }, Param { key: "targeted-group.venueWeeks", default: 6, unit: "weeks" }, Param { key: "targeted-group.booksWeek", default: 4, unit: "weeks" }, Param { key: "targeted-group.peerSupportFromWeek", default: 6, unit: "weeks" }, Param { key: "targeted-group.peerSupportToWeek", default: 8, unit: "weeks" }, Param { key: "targeted-group.qaFromWeek", default: 8, unit: "weeks" }, Param { key: "targeted-group.qaToWeek", default: 9, unit: "weeks" }, Param { key: "targeted-group.postMeasuresWeek", default: 12, unit: "weeks" }, Param { key: "targeted-group.courseWeeks", default: 12, unit: "weeks" }, Param { key: "targeted-group.leadCheckIns", default: 3, unit: "check-ins" }],
    },
    Known {
        id: "da-triage",
        prefix: "DAT", rules: 10,
        params: &[Param { key: "da-triage.standardIncidents", default: 5, unit: "incidents" }, Param { key: "da-triage.windowMonths", default: 12, unit: "months" }, Param { key: "da-triage.mediumIncidents", default: 3, unit: "incidents" }, Param { key: "da-triage.phoneDays", default: 3, unit: "days" }],
    },
    Known {
        id: "case-audit",
        prefix: "AUD", rules: 22,
        params: &[Param { key: "case-audit.band1Max", default: 150, unit: "hundredths of a grade" }, Param { key: "case-audit.band2Max", default: 250, unit: "hundredths of a grade" }, Param { key: "case-audit.band3Max", default: 350, unit: "hundredths of a grade" }, Param { key: "case-audit.allocationOutstandingWeeks", default: 2, unit: "weeks" }, Param { key: "case-audit.allocationGoodWeeks", default: 6, unit: "weeks" }, Param { key: "case-audit.allocationInadequateWeeks", default: 12, unit: "weeks" }, Param { key: "case-audit.contactWorkingDays", default: 5, unit: "working days" }, Param { key: "case-audit.assessmentWeeks", default: 10, unit: "weeks" }, Param { key: "case-audit.firstCircleWeeksEha", default: 6, unit: "weeks" }, Param { key: "case-audit.firstCircleWeeksEhsp", default: 8, unit: "weeks" }, Param { key: "case-audit.circleWeeks", default: 8, unit: "weeks" }, Param { key: "case-audit.followUpMonths", default: 3, unit: "months" }, Param { key: "case-audit.supervisionMonthsCp", default: 1, unit: "months" }, Param { key: "case-audit.supervisionMonths", default: 3, unit: "months" }, Param { key: "case-audit.assessmentReviewMonths", default: 12, unit: "months" }, Param { key: "case-audit.practitionerAuditMonths", default: 2, unit: "months" }],
    },
    Known {
        id: "practice-standards",
        prefix: "PRS", rules: 16,
        params: &[Param { key: "practice-standards.contactDays", default: 2, unit: "days" }, Param { key: "practice-standards.referrerDays", default: 2, unit: "days" }, Param { key: "practice-standards.firstVisitDays", default: 7, unit: "days" }, Param { key: "practice-standards.recordHours", default: 48, unit: "hours" }, Param { key: "practice-standards.firstCircleWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.ehaWeeks", default: 6, unit: "weeks" }, Param { key: "practice-standards.supportMeetingFromWeeks", default: 6, unit: "weeks" }, Param { key: "practice-standards.supportMeetingToWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.circleWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.closureDays", default: 7, unit: "days" }, Param { key: "practice-standards.visitFromHour", default: 7, unit: "hour" }, Param { key: "practice-standards.visitToHour", default: 20, unit: "hour" }],
    },
    Known {
        id: "direct-observation",
        prefix: "OBS", rules: 10,
        params: &[Param { key: "direct-observation.frequencyMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "group-qa-visit",
        prefix: "GQA", rules: 7,
        params: &[Param { key: "group-qa-visit.frequencyMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "incredible-years-checklist",
        prefix: "IYC", rules: 5,
        params: &[Param { key: "incredible-years-checklist.peerReviewFromWeek", default: 6, unit: "week" }, Param { key: "incredible-years-checklist.peerReviewToWeek", default: 8, unit: "week" }, Param { key: "incredible-years-checklist.qaFromWeek", default: 8, unit: "week" }, Param { key: "incredible-years-checklist.qaToWeek", default: 9, unit: "week" }],
    },
    Known {
        id: "supervision-contract",
        prefix: "SVC", rules: 6,
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-contract.reviewMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "supervision-record",
        prefix: "SVR", rules: 9,
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-record.caseNumberDigits", default: 6, unit: "digits" }],
    },
    Known {
        id: "supervision-log",
        prefix: "SVL", rules: 9,
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-log.frequentMissed", default: 3, unit: "sessions" }],
    },
    Known {
        id: "supervision-audit",
        prefix: "SVA", rules: 5,
        params: &[Param { key: "supervision-audit.minFiles", default: 4, unit: "files" }, Param { key: "supervision-audit.maxFiles", default: 8, unit: "files" }, Param { key: "supervision-audit.frequencyMonths", default: 6, unit: "months" }],
    },
    Known {
        id: "casework-supervision",
        prefix: "CWS", rules: 14,
        params: &[Param { key: "casework-supervision.cpFrequencyMonths", default: 1, unit: "months" }, Param { key: "casework-supervision.frequencyMonths", default: 3, unit: "months" }, Param { key: "casework-supervision.assessmentMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "workbook-summary",
        prefix: "WBS", rules: 6,
        params: &[Param { key: "workbook-summary.daysBefore", default: 2, unit: "days" }],
    },
    Known {
        id: "family-programme",
        prefix: "FP", rules: 15,
        params: &[Param { key: "family-programme.modulesWeeks", default: 6, unit: "weeks" }, Param { key: "family-programme.significantChangeWeeks", default: 4, unit: "weeks" }, Param { key: "family-programme.assessmentMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "group-supervision",
        prefix: "GS", rules: 12,
        params: &[Param { key: "workbook-summary.daysBefore", default: 2, unit: "days" }, Param { key: "group-supervision.frequencyMonths", default: 1, unit: "months" }],
    },
    Known {
        id: "core-group",
        prefix: "CG", rules: 3,
        params: &[Param { key: "core-group.maxWeeksBefore", default: 3, unit: "weeks" }],
    },
    Known {
        id: "child-file",
        prefix: "CFD", rules: 10,
        params: &[Param { key: "child-file.caseSummaryMonths", default: 3, unit: "months" }],
    },
    Known {
        id: "workbook-eligibility",
        prefix: "WBE", rules: 4,
        params: &[],
    },
    Known {
        id: "safety-plan",
        prefix: "SP", rules: 22,
        params: &[Param { key: "safety-plan.maxScale", default: 10, unit: "points" }, Param { key: "safety-plan.eitReviewMonths", default: 3, unit: "months" }],
    },
    Known {
        id: "family-ambassador",
        prefix: "AMB", rules: 10,
        params: &[Param { key: "family-ambassador.referenceWeeks", default: 2, unit: "weeks" }, Param { key: "family-ambassador.references", default: 2, unit: "references" }, Param { key: "family-ambassador.idDocuments", default: 3, unit: "documents" }, Param { key: "family-ambassador.minWeeklyHours", default: 2, unit: "hours" }, Param { key: "family-ambassador.maxWeeklyHours", default: 4, unit: "hours" }, Param { key: "family-ambassador.supervisionWeeks", default: 6, unit: "weeks" }],
    },
];

#[cfg(all(test, feature = "all-forms"))]
mod tests {
    use super::*;

    /// PRODUCT is written out (so that a single-form build does not link every form): it must say exactly what the
    /// forms declare. On a change, write the form's codes and thresholds here as the message shows them.
    #[test]
    fn product_lists_every_form() {
        assert_eq!(PRODUCT.len(), ALL.len());
        for (known, form) in PRODUCT.iter().zip(ALL) {
            assert_eq!(known.id, form.id);
            let codes: Vec<&str> = form.rules.iter().map(|r| r.code).collect();
            assert_eq!(known.codes().collect::<Vec<_>>(), codes, "{}: the rule codes", form.id);
            for code in &codes {
                assert!(known.has_code(code), "{code}");
            }
            let mut params: Vec<&Param> = Vec::new();
            for p in form.rules.iter().flat_map(|r| r.params.iter().copied()) {
                if !params.iter().any(|q| q.key == p.key) {
                    params.push(p);
                }
            }
            let known_params: Vec<&Param> = known.params.iter().collect();
            assert_eq!(known_params, params, "{}: the thresholds", form.id);
        }
    }
}
