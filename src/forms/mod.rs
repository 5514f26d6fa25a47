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
        codes: &["REF-001", "REF-002", "REF-003", "REF-004", "REF-005", "REF-006", "REF-007", "REF-008", "REF-009", "REF-010", "REF-011", "REF-012", "REF-013", "REF-014", "REF-015", "REF-016", "REF-017"],
        params: &[Param { key: "sf-referral.domains", default: 3, unit: "domains" }, Param { key: "sf-referral.subcategories", default: 5, unit: "sub-categories" }, Param { key: "sf-referral.maxAge", default: 18, unit: "years" }, Param { key: "sf-referral.maxAgeSend", default: 25, unit: "years" }],
    },
    Known {
        id: "sf-allocation",
        codes: &["ALC-001", "ALC-002", "ALC-003", "ALC-004", "ALC-005", "ALC-006", "ALC-007", "ALC-008", "ALC-009", "ALC-010", "ALC-011", "ALC-012"],
        params: &[Param { key: "sf-allocation.referrerNotifiedDays", default: 2, unit: "days" }, Param { key: "sf-allocation.contactDays", default: 2, unit: "days" }, Param { key: "sf-allocation.firstVisitDays", default: 7, unit: "days" }, Param { key: "sf-allocation.unallocatedReviewDays", default: 7, unit: "days" }],
    },
    Known {
        id: "early-help-plan",
        codes: &["EHP-001", "EHP-002", "EHP-003", "EHP-004", "EHP-005", "EHP-006", "EHP-007", "EHP-008", "EHP-009", "EHP-010", "EHP-011", "EHP-012", "EHP-013", "EHP-014", "EHP-015", "EHP-016", "EHP-017"],
        params: &[Param { key: "early-help-plan.authorisationWeeks", default: 7, unit: "weeks" }, Param { key: "early-help-plan.openWeeks", default: 8, unit: "weeks" }, Param { key: "early-help-plan.assessmentWeeks", default: 6, unit: "weeks" }, Param { key: "early-help-plan.supportMeetingFromWeeks", default: 6, unit: "weeks" }, Param { key: "early-help-plan.supportMeetingToWeeks", default: 8, unit: "weeks" }],
    },
    Known {
        id: "family-circle",
        codes: &["FCI-001", "FCI-002", "FCI-003", "FCI-004", "FCI-005", "FCI-006"],
        params: &[Param { key: "family-circle.firstAfterEhaWeeks", default: 6, unit: "weeks" }, Param { key: "family-circle.firstAfterEhspWeeks", default: 8, unit: "weeks" }, Param { key: "family-circle.intervalWeeks", default: 8, unit: "weeks" }],
    },
    Known {
        id: "case-closure",
        codes: &["CLO-001", "CLO-002", "CLO-003", "CLO-004", "CLO-005", "CLO-006", "CLO-007", "CLO-008", "CLO-009", "CLO-010", "CLO-011", "CLO-012"],
        params: &[Param { key: "case-closure.summaryDays", default: 7, unit: "days" }, Param { key: "case-closure.monitoringMonths", default: 1, unit: "months" }],
    },
    Known {
        id: "case-transfer",
        codes: &["TRF-001", "TRF-002", "TRF-003", "TRF-004", "TRF-005", "TRF-006", "TRF-007", "TRF-008"],
        params: &[],
    },
    Known {
        id: "disengagement",
        codes: &["DIS-001", "DIS-002", "DIS-003", "DIS-004", "DIS-005", "DIS-006", "DIS-007", "DIS-008"],
        params: &[],
    },
    Known {
        id: "return-home-interview",
        codes: &["RHI-001", "RHI-002", "RHI-003", "RHI-004", "RHI-005", "RHI-006", "RHI-007", "RHI-008", "RHI-009", "RHI-010", "RHI-011", "RHI-012", "RHI-013", "RHI-014", "RHI-015", "RHI-016"],
        params: &[Param { key: "return-home-interview.hours", default: 72, unit: "hours" }, Param { key: "return-home-interview.dueSoonHours", default: 24, unit: "hours" }, Param { key: "return-home-interview.startHours", default: 24, unit: "hours" }, Param { key: "return-home-interview.windowDays", default: 90, unit: "days" }, Param { key: "return-home-interview.episodes", default: 3, unit: "episodes" }],
    },
    Known {
        id: "targeted-group",
        codes: &["TGP-001", "TGP-002", "TGP-003", "TGP-004", "TGP-005", "TGP-006", "TGP-007", "TGP-008", "TGP-009", "TGP-010", "TGP-011", "TGP-012", "TGP-013", "TGP-014", "TGP-015", "TGP-016", "TGP-017", "TGP-018"],
        params: &[Param { key: "targeted-group.maxSessions", default: 12, unit: "sessions" }, Param { key: "targeted-group.noAttendanceSessions", default: 3, unit: "sessions" }, Param { key: "targeted-group.venueWeeks", default: 6, unit: "weeks" }, Param { key: "targeted-group.booksWeek", default: 4, unit: "weeks" }, Param { key: "targeted-group.peerSupportFromWeek", default: 6, unit: "weeks" }, Param { key: "targeted-group.peerSupportToWeek", default: 8, unit: "weeks" }, Param { key: "targeted-group.qaFromWeek", default: 8, unit: "weeks" }, Param { key: "targeted-group.qaToWeek", default: 9, unit: "weeks" }, Param { key: "targeted-group.postMeasuresWeek", default: 12, unit: "weeks" }, Param { key: "targeted-group.courseWeeks", default: 12, unit: "weeks" }, Param { key: "targeted-group.leadCheckIns", default: 3, unit: "check-ins" }],
    },
    Known {
        id: "da-triage",
        codes: &["DAT-001", "DAT-002", "DAT-003", "DAT-004", "DAT-005", "DAT-006", "DAT-007", "DAT-008", "DAT-009", "DAT-010"],
        params: &[Param { key: "da-triage.standardIncidents", default: 5, unit: "incidents" }, Param { key: "da-triage.windowMonths", default: 12, unit: "months" }, Param { key: "da-triage.mediumIncidents", default: 3, unit: "incidents" }, Param { key: "da-triage.phoneDays", default: 3, unit: "days" }],
    },
    Known {
        id: "case-audit",
        codes: &["AUD-001", "AUD-002", "AUD-003", "AUD-004", "AUD-005", "AUD-006", "AUD-007", "AUD-008", "AUD-009", "AUD-010", "AUD-011", "AUD-012", "AUD-013", "AUD-014", "AUD-015", "AUD-016", "AUD-017", "AUD-018", "AUD-019", "AUD-020", "AUD-021", "AUD-022"],
        params: &[Param { key: "case-audit.band1Max", default: 150, unit: "hundredths of a grade" }, Param { key: "case-audit.band2Max", default: 250, unit: "hundredths of a grade" }, Param { key: "case-audit.band3Max", default: 350, unit: "hundredths of a grade" }, Param { key: "case-audit.allocationOutstandingWeeks", default: 2, unit: "weeks" }, Param { key: "case-audit.allocationGoodWeeks", default: 6, unit: "weeks" }, Param { key: "case-audit.allocationInadequateWeeks", default: 12, unit: "weeks" }, Param { key: "case-audit.contactWorkingDays", default: 5, unit: "working days" }, Param { key: "case-audit.assessmentWeeks", default: 10, unit: "weeks" }, Param { key: "case-audit.firstCircleWeeksEha", default: 6, unit: "weeks" }, Param { key: "case-audit.firstCircleWeeksEhsp", default: 8, unit: "weeks" }, Param { key: "case-audit.circleWeeks", default: 8, unit: "weeks" }, Param { key: "case-audit.followUpMonths", default: 3, unit: "months" }, Param { key: "case-audit.supervisionMonthsCp", default: 1, unit: "months" }, Param { key: "case-audit.supervisionMonths", default: 3, unit: "months" }, Param { key: "case-audit.assessmentReviewMonths", default: 12, unit: "months" }, Param { key: "case-audit.practitionerAuditMonths", default: 2, unit: "months" }],
    },
    Known {
        id: "practice-standards",
        codes: &["PRS-001", "PRS-002", "PRS-003", "PRS-004", "PRS-005", "PRS-006", "PRS-007", "PRS-008", "PRS-009", "PRS-010", "PRS-011", "PRS-012", "PRS-013", "PRS-014", "PRS-015", "PRS-016"],
        params: &[Param { key: "practice-standards.contactDays", default: 2, unit: "days" }, Param { key: "practice-standards.referrerDays", default: 2, unit: "days" }, Param { key: "practice-standards.firstVisitDays", default: 7, unit: "days" }, Param { key: "practice-standards.recordHours", default: 48, unit: "hours" }, Param { key: "practice-standards.firstCircleWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.ehaWeeks", default: 6, unit: "weeks" }, Param { key: "practice-standards.supportMeetingFromWeeks", default: 6, unit: "weeks" }, Param { key: "practice-standards.supportMeetingToWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.circleWeeks", default: 8, unit: "weeks" }, Param { key: "practice-standards.closureDays", default: 7, unit: "days" }, Param { key: "practice-standards.visitFromHour", default: 7, unit: "hour" }, Param { key: "practice-standards.visitToHour", default: 20, unit: "hour" }],
    },
    Known {
        id: "direct-observation",
        codes: &["OBS-001", "OBS-002", "OBS-003", "OBS-004", "OBS-005", "OBS-006", "OBS-007", "OBS-008", "OBS-009", "OBS-010"],
        params: &[Param { key: "direct-observation.frequencyMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "group-qa-visit",
        codes: &["GQA-001", "GQA-002", "GQA-003", "GQA-004", "GQA-005", "GQA-006", "GQA-007"],
        params: &[Param { key: "group-qa-visit.frequencyMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "incredible-years-checklist",
        codes: &["IYC-001", "IYC-002", "IYC-003", "IYC-004", "IYC-005"],
        params: &[Param { key: "incredible-years-checklist.peerReviewFromWeek", default: 6, unit: "week" }, Param { key: "incredible-years-checklist.peerReviewToWeek", default: 8, unit: "week" }, Param { key: "incredible-years-checklist.qaFromWeek", default: 8, unit: "week" }, Param { key: "incredible-years-checklist.qaToWeek", default: 9, unit: "week" }],
    },
    Known {
        id: "supervision-contract",
        codes: &["SVC-001", "SVC-002", "SVC-003", "SVC-004", "SVC-005", "SVC-006"],
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-contract.reviewMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "supervision-record",
        codes: &["SVR-001", "SVR-002", "SVR-003", "SVR-004", "SVR-005", "SVR-006", "SVR-007", "SVR-008", "SVR-009"],
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-record.caseNumberDigits", default: 6, unit: "digits" }],
    },
    Known {
        id: "supervision-log",
        codes: &["SVL-001", "SVL-002", "SVL-003", "SVL-004", "SVL-005", "SVL-006", "SVL-007", "SVL-008", "SVL-009"],
        params: &[Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" }, Param { key: "supervision-log.frequentMissed", default: 3, unit: "sessions" }],
    },
    Known {
        id: "supervision-audit",
        codes: &["SVA-001", "SVA-002", "SVA-003", "SVA-004", "SVA-005"],
        params: &[Param { key: "supervision-audit.minFiles", default: 4, unit: "files" }, Param { key: "supervision-audit.maxFiles", default: 8, unit: "files" }, Param { key: "supervision-audit.frequencyMonths", default: 6, unit: "months" }],
    },
    Known {
        id: "casework-supervision",
        codes: &["CWS-001", "CWS-002", "CWS-003", "CWS-004", "CWS-005", "CWS-006", "CWS-007", "CWS-008", "CWS-009", "CWS-010", "CWS-011", "CWS-012", "CWS-013", "CWS-014"],
        params: &[Param { key: "casework-supervision.cpFrequencyMonths", default: 1, unit: "months" }, Param { key: "casework-supervision.frequencyMonths", default: 3, unit: "months" }, Param { key: "casework-supervision.assessmentMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "workbook-summary",
        codes: &["WBS-001", "WBS-002", "WBS-003", "WBS-004", "WBS-005", "WBS-006"],
        params: &[Param { key: "workbook-summary.daysBefore", default: 2, unit: "days" }],
    },
    Known {
        id: "family-programme",
        codes: &["FP-001", "FP-002", "FP-003", "FP-004", "FP-005", "FP-006", "FP-007", "FP-008", "FP-009", "FP-010", "FP-011", "FP-012", "FP-013", "FP-014"],
        params: &[Param { key: "family-programme.modulesWeeks", default: 6, unit: "weeks" }, Param { key: "family-programme.significantChangeWeeks", default: 4, unit: "weeks" }, Param { key: "family-programme.assessmentMonths", default: 12, unit: "months" }],
    },
    Known {
        id: "group-supervision",
        codes: &["GS-001", "GS-002", "GS-003", "GS-004", "GS-005", "GS-006", "GS-007", "GS-008", "GS-009", "GS-010", "GS-011", "GS-012"],
        params: &[Param { key: "workbook-summary.daysBefore", default: 2, unit: "days" }, Param { key: "group-supervision.frequencyMonths", default: 1, unit: "months" }],
    },
    Known {
        id: "core-group",
        codes: &["CG-001", "CG-002", "CG-003"],
        params: &[Param { key: "core-group.maxWeeksBefore", default: 3, unit: "weeks" }],
    },
    Known {
        id: "child-file",
        codes: &["CFD-001", "CFD-002", "CFD-003", "CFD-004", "CFD-005", "CFD-006", "CFD-007", "CFD-008", "CFD-009", "CFD-010"],
        params: &[Param { key: "child-file.caseSummaryMonths", default: 3, unit: "months" }],
    },
    Known {
        id: "workbook-eligibility",
        codes: &["WBE-001", "WBE-002", "WBE-003", "WBE-004"],
        params: &[],
    },
    Known {
        id: "safety-plan",
        codes: &["SP-001", "SP-002", "SP-003", "SP-004", "SP-005", "SP-006", "SP-007", "SP-008", "SP-009", "SP-010", "SP-011", "SP-012", "SP-013", "SP-014", "SP-015", "SP-016", "SP-017", "SP-018", "SP-019", "SP-020", "SP-021", "SP-022"],
        params: &[Param { key: "safety-plan.maxScale", default: 10, unit: "points" }, Param { key: "safety-plan.eitReviewMonths", default: 3, unit: "months" }],
    },
    Known {
        id: "family-ambassador",
        codes: &["AMB-001", "AMB-002", "AMB-003", "AMB-004", "AMB-005", "AMB-006", "AMB-007", "AMB-008", "AMB-009", "AMB-010"],
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
            assert_eq!(known.codes, codes.as_slice(), "{}: the rule codes", form.id);
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
