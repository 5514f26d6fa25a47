//! The case file audit (forms.md §11): the question table, the scoring on hand-worked examples, every rule passing
//! and failing, and the outcome.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use safeguarding_forms::forms::case_audit::{model, QUESTIONS, SECTIONS};
use safeguarding_forms::Severity::{Error, Info, Warning};
use safeguarding_forms::{schema, Options, Report};
use serde_json::{json, Map, Value};

const FORM: &str = "case-audit";

/// The full worked example. Grades per section (5 = N/A, left out of the mean):
///
/// - basic: 1, 2, 2, 1, 2, N/A, 2 → 6 graded, sum 10, mean 10/6 = 1.666… = 1.67 → above 1.5, at most 2.5: grade 2
/// - assessment: 2, N/A, N/A, 3, 2, 2, 3, 2, 3, 2, 4, 2, 2, 3 → 12 graded, sum 30, mean 30/12 = 2.50 exactly →
///   at most 2.5: grade 2 (a band edge)
/// - plans: 3, 3, 4, 3, 3, 4 → 6 graded, sum 20, mean 20/6 = 3.333… = 3.33 → grade 3
/// - recording: 2, 2, 1, 2, N/A, N/A, 2, 1, 2 → 7 graded, sum 12, mean 12/7 = 1.714… = 1.71 → grade 2
/// - oversight: 4, 4 → 2 graded, sum 8, mean 4.00 → grade 4
/// - diversity: N/A → no grade
/// - overall: sum 10 + 30 + 20 + 12 + 8 = 80 over 6 + 12 + 6 + 7 + 2 = 33 graded, mean 80/33 = 2.4242… = 2.42 →
///   grade 2 (Good); no limiting judgement; the auditors' 3 is within one.
fn worked_answers() -> Value {
    json!({
        "basic.demographics": 1, "basic.referral-route": 2, "basic.allocation-date-clear": 2,
        "basic.allocation-timely": 1, "basic.allocation-discussion": 2, "basic.referrer-notified": 5,
        "basic.contact-5-days": 2,
        "assessment.at-referral": 2, "assessment.within-10-weeks": 5, "assessment.reviewed-12-months": 5,
        "assessment.all-members": 3, "assessment.additional-support": 2, "assessment.first-circle": 2,
        "assessment.circle-8-weekly": 3, "assessment.circle-representative": 2, "assessment.child-views": 3,
        "assessment.parent-views": 2, "assessment.absent-parent": 4, "assessment.risks": 2,
        "assessment.strengths": 2, "assessment.multi-agency": 3,
        "plans.reflects-referral": 3, "plans.up-to-date": 3, "plans.children-involved": 4,
        "plans.parents-involved": 3, "plans.multi-agency": 3, "plans.planned-exit": 4,
        "recording.childs-journey": 2, "recording.notes-quality": 2, "recording.home-visits": 1,
        "recording.visit-timing": 2, "recording.early-visits": 5, "recording.weekend-visits": 5,
        "recording.child-wishes": 2, "recording.parent-wishes": 1, "recording.whole-family": 2,
        "oversight.supervision": 4, "oversight.decisions": 4,
        "diversity.needs-considered": 5
    })
}

/// A complete audit of the worked example.
fn complete() -> Value {
    json!({
        "auditType": "practitioner",
        "locality": "hadley-castle",
        "auditDate": "2025-01-31",
        "caseWorker": "A Practitioner",
        "llcsNumber": "123456",
        "dateAllocated": "2024-09-02",
        "lineManager": "A Manager",
        "auditors": ["An Auditor"],
        "caseStatus": "strengthening-families",
        "child": { "name": "C", "familyNames": "F", "dateOfBirth": "2015-03-01" },
        "answers": worked_answers(),
        "mostRecentAssessment": { "type": "EHA", "date": "2024-09-20" },
        "mostRecentSupportPlan": { "type": "EHSP", "date": "2024-12-01" },
        "mostRecentSupervision": "2025-01-10",
        "childSafe": { "answer": "yes" },
        "lifeImproved": { "answer": "yes" },
        "directObservation": { "answer": "no" },
        "overallGrade": 3,
        "generalComments": "Private remark about the Smith household",
        "remedialActions": [{ "action": "Update the support plan", "dueDate": "2025-03-31" }],
        "lessonsLearnt": "None"
    })
}

fn outcome(r: &Report) -> Value {
    serde_json::Value::from(r.outcome.as_ref().unwrap())
}

fn section(r: &Report, id: &str) -> Value {
    outcome(r)["sections"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap().clone()
}

/// Every question graded by `grade`, for scoring examples.
fn answers_by(grade: impl Fn(usize, &str) -> u8) -> Value {
    let mut m = Map::new();
    for (i, q) in QUESTIONS.iter().enumerate() {
        m.insert(q.id.to_owned(), json!(grade(i, q.id)));
    }
    Value::Object(m)
}

/// Every question N/A except those listed.
fn only(grades: &[(&str, u8)]) -> Value {
    answers_by(|_, id| grades.iter().find(|(q, _)| *q == id).map_or(5, |(_, g)| *g))
}

fn scored(answers: Value) -> Report {
    check(FORM, &with(complete(), "/answers", answers), &opts())
}

#[test]
fn the_question_table_has_39_questions_in_six_sections_with_the_seed_wording() {
    assert_eq!(QUESTIONS.len(), 39);
    let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 39, "ids are unique");
    let per: Vec<usize> = SECTIONS.iter().map(|s| QUESTIONS.iter().filter(|q| q.section == s.id).count()).collect();
    assert_eq!(per, vec![7, 14, 6, 9, 2, 1]);
    assert!(QUESTIONS.iter().all(|q| q.id.starts_with(&format!("{}.", q.section))));
    let q = model::question("basic.allocation-timely").unwrap();
    assert_eq!(q.text, "The allocation is timely (2 weeks outstanding / 12 weeks inadequate).");
    assert_eq!(
        model::question("assessment.reviewed-12-months").unwrap().text,
        "If assessment is older than 12 months it been reviewed"
    );
    // The schema shows the seed's wording as each answer's description.
    let s = schema(FORM).unwrap();
    let answers = &s["properties"]["answers"]["properties"];
    for q in QUESTIONS {
        assert_eq!(answers[q.id]["description"].as_str().unwrap().split(" Required").next().unwrap(), q.text);
        assert_eq!(answers[q.id]["anyOf"][0]["minimum"], 1.0);
        assert_eq!(answers[q.id]["anyOf"][0]["maximum"], 5.0);
    }
}

#[test]
fn the_worked_example_scores_as_computed_by_hand() {
    let r = check(FORM, &complete(), &submit());
    let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == Error).collect();
    assert!(r.valid, "{errors:?}");
    let o = outcome(&r);
    let expect = [
        ("basic", 6, 1, 1.67, json!(2)),
        ("assessment", 12, 2, 2.5, json!(2)),
        ("plans", 6, 0, 3.33, json!(3)),
        ("recording", 7, 2, 1.71, json!(2)),
        ("oversight", 2, 0, 4.0, json!(4)),
    ];
    for (id, answered, na, mean, grade) in expect {
        let s = section(&r, id);
        assert_eq!(s["answered"], answered, "{id}");
        assert_eq!(s["notApplicable"], na, "{id}");
        assert_eq!(s["mean"], json!(mean), "{id}");
        assert_eq!(s["grade"], grade, "{id}");
        assert_eq!(s["unanswered"], 0, "{id}");
    }
    let d = section(&r, "diversity");
    assert_eq!((d["answered"].clone(), d["notApplicable"].clone()), (json!(0), json!(1)));
    assert_eq!(d["mean"], Value::Null);
    assert_eq!(d["grade"], Value::Null);
    assert_eq!(o["overallMean"], json!(2.42));
    assert_eq!(o["suggestedOverall"], 2);
    assert_eq!(o["suggestedOverallLabel"], "Good");
    assert_eq!(o["limitingJudgements"], json!([]));
    assert_eq!(o["recordedOverall"], 3);
    assert_eq!(o["agreement"], "within-one");
    assert_eq!(o["followUpDue"], "2025-04-30", "31 January + 3 months is the end of April");
    assert_eq!(o["completeness"], json!(1.0));
    // Supervision on 10 January is within the three months the policy asks of an open case.
    assert_eq!(
        o["evidenceSuggestions"],
        json!([{ "question": "oversight.supervision", "suggested": 2, "reason": "The most recent supervision is within 3 months of the audit, as the policy asks for an open case" }])
    );
    let derivation: Vec<&str> = o["derivation"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(
        derivation,
        vec![
            "Basic required information: grades 1, 2, 2, 1, 2, 2 (6 graded, 1 N/A), mean 1.67, above 1.5 and at most 2.5: grade 2 (Good).",
            "Assessment: grades 2, 3, 2, 2, 3, 2, 3, 2, 4, 2, 2, 3 (12 graded, 2 N/A), mean 2.50, above 1.5 and at most 2.5: grade 2 (Good).",
            "Support plans: grades 3, 3, 4, 3, 3, 4 (6 graded, 0 N/A), mean 3.33, above 2.5 and at most 3.5: grade 3 (Requires improvement).",
            "Recording: grades 2, 2, 1, 2, 2, 1, 2 (7 graded, 2 N/A), mean 1.71, above 1.5 and at most 2.5: grade 2 (Good).",
            "Management oversight: grades 4, 4 (2 graded, 0 N/A), mean 4.00, above 3.5: grade 4 (Inadequate).",
            "Diversity: every answer given is N/A (1), so the section has no grade.",
            "Overall: 33 graded answers, mean 2.42, above 1.5 and at most 2.5: grade 2 (Good).",
            "Suggested overall grade: 2 (Good).",
        ]
    );
    // No user text in the derivation.
    assert!(derivation.iter().all(|s| !s.contains("Smith") && !s.contains("Practitioner")));
}

#[test]
fn section_band_edges_exactly_and_just_above() {
    // Basic: 1, 2 → 1.50 exactly → 1. Assessment: 2, 3 → 2.50 → 2. Plans: 3, 4 → 3.50 → 3.
    let r = scored(only(&[
        ("basic.demographics", 1),
        ("basic.referral-route", 2),
        ("assessment.risks", 2),
        ("assessment.strengths", 3),
        ("plans.up-to-date", 3),
        ("plans.planned-exit", 4),
    ]));
    assert_eq!((section(&r, "basic")["mean"].clone(), section(&r, "basic")["grade"].clone()), (json!(1.5), json!(1)));
    assert_eq!(section(&r, "assessment")["mean"], json!(2.5));
    assert_eq!(section(&r, "assessment")["grade"], 2);
    assert_eq!(section(&r, "plans")["mean"], json!(3.5));
    assert_eq!(section(&r, "plans")["grade"], 3);
    // Just above: basic 1, 2, 2, 1, 2, 1, 2 → 11/7 = 1.571… = 1.57 → 2; assessment 6 × 2 + 8 × 3 → 36/14 =
    // 2.571… = 2.57 → 3; plans 3, 4, 4 → 11/3 = 3.666… = 3.67 → 4.
    let mut grades: Vec<(&str, u8)> = vec![
        ("basic.demographics", 1),
        ("basic.referral-route", 2),
        ("basic.allocation-date-clear", 2),
        ("basic.allocation-timely", 1),
        ("basic.allocation-discussion", 2),
        ("basic.referrer-notified", 1),
        ("basic.contact-5-days", 2),
        ("plans.up-to-date", 3),
        ("plans.planned-exit", 4),
        ("plans.multi-agency", 4),
    ];
    let assessment: Vec<&str> = QUESTIONS.iter().filter(|q| q.section == "assessment").map(|q| q.id).collect();
    grades.extend(assessment.iter().enumerate().map(|(i, id)| (*id, if i < 6 { 2 } else { 3 })));
    let r = scored(only(&grades));
    assert_eq!(section(&r, "basic")["mean"], json!(1.57));
    assert_eq!(section(&r, "basic")["grade"], 2);
    assert_eq!(section(&r, "assessment")["mean"], json!(2.57));
    assert_eq!(section(&r, "assessment")["grade"], 3);
    assert_eq!(section(&r, "plans")["mean"], json!(3.67));
    assert_eq!(section(&r, "plans")["grade"], 4);
}

#[test]
fn overall_band_edges_over_all_39_answers() {
    // 20 × 1 and 19 × 2: 58/39 = 1.487… = 1.49 → 1. 19 × 1 and 20 × 2: 59/39 = 1.512… = 1.51 → 2.
    let r = scored(answers_by(|i, _| if i < 20 { 1 } else { 2 }));
    assert_eq!(outcome(&r)["overallMean"], json!(1.49));
    assert_eq!(outcome(&r)["suggestedOverall"], 1);
    let r = scored(answers_by(|i, _| if i < 19 { 1 } else { 2 }));
    assert_eq!(outcome(&r)["overallMean"], json!(1.51));
    assert_eq!(outcome(&r)["suggestedOverall"], 2);
    // 1.5 exactly overall: 1 and 2 with everything else N/A.
    let r = scored(only(&[("basic.demographics", 1), ("oversight.decisions", 2)]));
    assert_eq!(outcome(&r)["overallMean"], json!(1.5));
    assert_eq!(outcome(&r)["suggestedOverall"], 1);
    assert_eq!(outcome(&r)["suggestedOverallLabel"], "Exceeds good");
    // 3.5 exactly → 3; 3, 4, 4 → 3.67 → 4 (Inadequate).
    let r = scored(only(&[("basic.demographics", 3), ("oversight.decisions", 4)]));
    assert_eq!(outcome(&r)["suggestedOverall"], 3);
    let r = scored(only(&[("basic.demographics", 3), ("oversight.decisions", 4), ("plans.up-to-date", 4)]));
    assert_eq!(outcome(&r)["suggestedOverall"], 4);
    assert_eq!(outcome(&r)["suggestedOverallLabel"], "Inadequate");
}

#[test]
fn an_all_na_section_has_no_grade_and_no_answers_at_all_no_suggestion() {
    let r = scored(answers_by(|_, _| 5));
    for s in outcome(&r)["sections"].as_array().unwrap() {
        assert_eq!(s["grade"], Value::Null);
        assert_eq!(s["mean"], Value::Null);
        assert_eq!(s["answered"], 0);
    }
    assert_eq!(outcome(&r)["suggestedOverall"], Value::Null);
    assert_eq!(outcome(&r)["suggestedOverallLabel"], Value::Null);
    assert_eq!(outcome(&r)["agreement"], Value::Null);
    assert!(!r.has("AUD-005"));
    let o = outcome(&r);
    let derivation = o["derivation"].as_array().unwrap();
    assert_eq!(derivation[1], "Assessment: every answer given is N/A (14), so the section has no grade.");
    assert_eq!(derivation[7], "No suggested overall grade yet.");
}

#[test]
fn limiting_judgement_child_not_safe_makes_it_inadequate() {
    let d = with(
        with(complete(), "/answers", answers_by(|_, _| 1)),
        "/childSafe",
        json!({ "answer": "no", "comments": "Reasons" }),
    );
    let r = check(FORM, &d, &opts());
    let o = outcome(&r);
    assert_eq!(o["overallMean"], json!(1.0));
    assert_eq!(o["suggestedOverall"], 4);
    assert_eq!(o["suggestedOverallLabel"], "Inadequate");
    assert_eq!(o["limitingJudgements"], json!(["child-not-safe"]));
    assert!(o["derivation"]
        .as_array()
        .unwrap()
        .contains(&json!("Limiting judgement: the auditors are not satisfied the child is safe, so the suggested grade is 4 (Inadequate).")));
    // The recorded 3 is within one of 4.
    assert_eq!(o["agreement"], "within-one");
    // A yes answer is not limiting.
    let r = check(FORM, &with(complete(), "/answers", answers_by(|_, _| 1)), &opts());
    assert_eq!(outcome(&r)["suggestedOverall"], 1);
}

#[test]
fn limiting_judgement_life_not_improved_caps_at_requires_improvement() {
    // From the worked example's 2: becomes 3.
    let d = with(complete(), "/lifeImproved/answer", json!("no"));
    let r = check(FORM, &d, &opts());
    assert_eq!(outcome(&r)["suggestedOverall"], 3);
    assert_eq!(outcome(&r)["limitingJudgements"], json!(["life-not-improved"]));
    assert_eq!(outcome(&r)["agreement"], "same");
    assert!(outcome(&r)["derivation"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().ends_with("2 becomes 3.")));
    // A 4 from the answers stays 4.
    let d = with(d, "/answers", answers_by(|_, _| 4));
    let r = check(FORM, &d, &opts());
    assert_eq!(outcome(&r)["suggestedOverall"], 4);
    assert!(outcome(&r)["derivation"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().ends_with("4 already is.")));
    // Both: child not safe wins.
    let d = with(
        with(complete(), "/lifeImproved/answer", json!("no")),
        "/childSafe",
        json!({ "answer": "no", "comments": "x" }),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(outcome(&r)["suggestedOverall"], 4);
    assert_eq!(outcome(&r)["limitingJudgements"], json!(["child-not-safe", "life-not-improved"]));
}

#[test]
fn aud_001_required_fields_info_in_draft_error_at_submit() {
    let r = check(FORM, &json!({}), &submit());
    let paths: Vec<String> = found(&r, "AUD-001")
        .into_iter()
        .map(|(p, s)| {
            assert_eq!(s, Error);
            p
        })
        .collect();
    for p in [
        "/auditType",
        "/auditDate",
        "/caseWorker",
        "/llcsNumber",
        "/auditors",
        "/caseStatus",
        "/answers",
        "/childSafe/answer",
        "/lifeImproved/answer",
        "/directObservation/answer",
        "/overallGrade",
    ] {
        assert!(paths.contains(&p.to_string()), "{p} missing from {paths:?}");
    }
    let r = check(FORM, &json!({}), &opts());
    assert!(r.valid);
    assert!(found(&r, "AUD-001").iter().all(|(_, s)| *s == Info));
    // A question left blank is reported at its own path.
    let d = without(complete(), "/answers/plans.planned-exit");
    assert_eq!(found(&check(FORM, &d, &submit()), "AUD-001"), vec![("/answers/plans.planned-exit".into(), Error)]);
    assert!(found(&check(FORM, &complete(), &submit()), "AUD-001").is_empty());
}

#[test]
fn aud_001_a_list_of_auditors_with_every_name_blank_names_nobody() {
    for blank in [json!([]), json!([""]), json!(["  ", null])] {
        let d = with(complete(), "/auditors", blank.clone());
        assert_eq!(found(&check(FORM, &d, &submit()), "AUD-001"), vec![("/auditors".into(), Error)], "{blank}");
        assert_eq!(found(&check(FORM, &d, &opts()), "AUD-001"), vec![("/auditors".into(), Info)], "{blank}");
    }
    // One name is enough, beside a row left empty.
    let d = with(complete(), "/auditors", json!(["An Auditor", ""]));
    assert!(found(&check(FORM, &d, &submit()), "AUD-001").is_empty());
}

#[test]
fn aud_001_cross_locality_needs_theme_and_practitioner_presence() {
    let d = with(complete(), "/auditType", json!("cross-locality"));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "AUD-001"), vec![("/theme".into(), Error), ("/practitionerPresent".into(), Error)]);
    let d = with(with(d, "/theme", json!("neglect")), "/practitionerPresent", json!(true));
    assert!(found(&check(FORM, &d, &submit()), "AUD-001").is_empty());
}

#[test]
fn aud_001_remedial_action_needs_action_date_and_initials_when_completed() {
    let d = with(complete(), "/remedialActions", json!([{ "completedOn": "2025-02-10" }]));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "AUD-001"),
        vec![
            ("/remedialActions/0/action".into(), Error),
            ("/remedialActions/0/dueDate".into(), Error),
            ("/remedialActions/0/lineManagerInitials".into(), Error)
        ]
    );
    let d = with(
        complete(),
        "/remedialActions",
        json!([{ "action": "x", "dueDate": "2025-03-01", "completedOn": "2025-02-10", "lineManagerInitials": "AM" }]),
    );
    assert!(found(&check(FORM, &d, &submit()), "AUD-001").is_empty());
}

#[test]
fn grades_outside_one_to_five_are_the_shared_range_rule() {
    let d = with(complete(), "/answers/basic.demographics", json!(6));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-009"), vec![("/answers/basic.demographics".into(), Error)]);
    assert_eq!(section(&r, "basic")["unanswered"], 1, "an out-of-range grade is not scored");
    let d = with(complete(), "/answers/basic.demographics", json!(2.5));
    assert_eq!(found(&check(FORM, &d, &opts()), "INP-008"), vec![("/answers/basic.demographics".into(), Error)]);
    // A grade typed as text is read.
    let d = with(complete(), "/answers/basic.demographics", json!("1"));
    assert_eq!(section(&check(FORM, &d, &opts()), "basic")["mean"], json!(1.67));
}

#[test]
fn aud_002_unknown_question_is_an_error() {
    let d = with(complete(), "/answers/basic.made-up", json!(2));
    let r = check(FORM, &d, &opts());
    // The key typed is named only in `related`, never in a path or a message.
    assert_eq!(found(&r, "AUD-002"), vec![("/answers".into(), Error)]);
    let d = r.diagnostics.iter().find(|d| d.code == "AUD-002").unwrap();
    assert_eq!(d.related, vec!["/answers/basic.made-up".to_owned()]);
    assert!(!r.diagnostics.iter().any(|d| d.message.contains("made-up") || d.path.contains("made-up")));
    assert!(!check(FORM, &complete(), &opts()).has("AUD-002"));
}

#[test]
fn aud_003_questions_excluded_for_the_case() {
    let d = with(complete(), "/caseStatus", json!("step-down"));
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-003"), vec![("/answers/assessment.at-referral".into(), Warning)]);
    let d = with(d, "/answers/assessment.at-referral", json!(5));
    assert!(!check(FORM, &d, &opts()).has("AUD-003"));
    let d = with(
        with(complete(), "/evidence/referredByFamilyConnect", json!(true)),
        "/answers/basic.referrer-notified",
        json!(2),
    );
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-003"), vec![("/answers/basic.referrer-notified".into(), Warning)]);
    let d = with(d, "/evidence/referredByFamilyConnect", json!(false));
    assert!(!check(FORM, &d, &opts()).has("AUD-003"));
}

#[test]
fn aud_004_child_not_safe_needs_reasons() {
    let d = with(complete(), "/childSafe", json!({ "answer": "no" }));
    assert_eq!(found(&check(FORM, &d, &submit()), "AUD-004"), vec![("/childSafe/comments".into(), Error)]);
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-004"), vec![("/childSafe/comments".into(), Info)]);
    let d = with(d, "/childSafe/comments", json!("Concerns about supervision at night"));
    assert!(!check(FORM, &d, &submit()).has("AUD-004"));
}

#[test]
fn aud_005_overall_score_far_from_suggested_without_comment() {
    let d = without(with(complete(), "/overallGrade", json!(4)), "/generalComments");
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "AUD-005"), vec![("/overallGrade".into(), Warning)]);
    assert_eq!(outcome(&r)["agreement"], "differs");
    // With a comment explaining it: no warning, still "differs".
    let d = with(d, "/generalComments", json!("The oversight failings outweigh the rest"));
    let r = check(FORM, &d, &opts());
    assert!(!r.has("AUD-005"));
    assert_eq!(outcome(&r)["agreement"], "differs");
    // Within one: no warning.
    let d = without(with(complete(), "/overallGrade", json!(3)), "/generalComments");
    assert!(!check(FORM, &d, &opts()).has("AUD-005"));
    let d = with(d, "/overallGrade", json!(2));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["agreement"], "same");
    // An overall N/A is not a judgement.
    let d = with(d, "/overallGrade", json!(5));
    assert_eq!(outcome(&check(FORM, &d, &opts()))["agreement"], "differs");
}

fn with_evidence(evidence: Value) -> Value {
    with(complete(), "/evidence", evidence)
}

fn suggestion(r: &Report, question: &str) -> Option<Value> {
    outcome(r)["evidenceSuggestions"].as_array().unwrap().iter().find(|s| s["question"] == question).cloned()
}

#[test]
fn aud_006_allocation_timeliness_from_the_dates() {
    // Referral 2 September 2024. Allocated 16 September: exactly 2 weeks → 1.
    let e = |alloc: &str| with_evidence(json!({ "referralDate": "2024-09-02", "allocationDate": alloc }));
    let r = check(FORM, &e("2024-09-16"), &opts());
    assert_eq!(suggestion(&r, "basic.allocation-timely").unwrap()["suggested"], 1);
    // 17 September → 2; 14 October (6 weeks) → 2; 15 October → 3; 25 November (12 weeks) → 3; 26 November → 4.
    for (alloc, grade) in
        [("2024-09-17", 2), ("2024-10-14", 2), ("2024-10-15", 3), ("2024-11-25", 3), ("2024-11-26", 4)]
    {
        let r = check(FORM, &e(alloc), &opts());
        assert_eq!(suggestion(&r, "basic.allocation-timely").unwrap()["suggested"], grade, "{alloc}");
        // The worked example grades it 1: a warning only at 4.
        let warned = found(&r, "AUD-006");
        if grade == 4 {
            assert_eq!(warned, vec![("/answers/basic.allocation-timely".into(), Warning)]);
            let s = suggestion(&r, "basic.allocation-timely").unwrap();
            assert_eq!(s["reason"], "Allocated 85 days after the referral, more than 12 weeks");
        } else {
            assert!(warned.is_empty(), "{alloc}");
        }
    }
    // Graded 3 already: no warning.
    let d = with(e("2024-11-26"), "/answers/basic.allocation-timely", json!(3));
    assert!(!check(FORM, &d, &opts()).has("AUD-006"));
    // The header's date allocated is used when the evidence has none.
    let d = with(with_evidence(json!({ "referralDate": "2024-06-01" })), "/dateAllocated", json!("2024-09-02"));
    assert!(check(FORM, &d, &opts()).has("AUD-006"));
}

#[test]
fn aud_007_first_contact_within_5_working_days_with_bank_holidays() {
    // Allocated Friday 20 December 2024. Working days after: 23, 24, 27 (25 and 26 are bank holidays), 30, 31:
    // the 5th is Tuesday 31 December. 2 January 2025 (after the New Year bank holiday) is late.
    let e = |contact: &str| {
        with_evidence(
            json!({ "referralDate": "2024-12-10", "allocationDate": "2024-12-20", "firstContactDate": contact }),
        )
    };
    let r = check(FORM, &e("2024-12-31"), &opts());
    assert_eq!(suggestion(&r, "basic.contact-5-days").unwrap()["suggested"], 2);
    assert!(!r.has("AUD-007"));
    let r = check(FORM, &e("2025-01-02"), &opts());
    let s = suggestion(&r, "basic.contact-5-days").unwrap();
    assert_eq!(s["suggested"], 3);
    assert_eq!(s["reason"], "First contact 6 working days after allocation, later than 5");
    assert_eq!(found(&r, "AUD-007"), vec![("/answers/basic.contact-5-days".into(), Warning)]);
    // A closure day on 31 December moves the deadline to 2 January.
    let closure = opts().closures([safeguarding_forms::calendar::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()]);
    assert!(!check(FORM, &e("2025-01-02"), &closure).has("AUD-007"));
    // Graded 3: no warning.
    let d = with(e("2025-01-02"), "/answers/basic.contact-5-days", json!(3));
    assert!(!check(FORM, &d, &opts()).has("AUD-007"));
}

#[test]
fn aud_008_assessment_within_10_weeks() {
    // Allocated 2 September 2024: 10 weeks is 11 November.
    let base = json!({ "allocationDate": "2024-09-02", "assessmentAtReferral": false });
    let graded = |d: Value| with(d, "/answers/assessment.within-10-weeks", json!(2));
    let d = graded(with_evidence(with(base.clone(), "/assessmentCompletedDate", json!("2024-11-11"))));
    let r = check(FORM, &d, &opts());
    assert_eq!(suggestion(&r, "assessment.within-10-weeks").unwrap()["suggested"], 2);
    assert!(!r.has("AUD-008"));
    let d = graded(with_evidence(with(base.clone(), "/assessmentCompletedDate", json!("2024-11-12"))));
    let r = check(FORM, &d, &opts());
    assert_eq!(suggestion(&r, "assessment.within-10-weeks").unwrap()["suggested"], 3);
    assert_eq!(found(&r, "AUD-008"), vec![("/answers/assessment.within-10-weeks".into(), Warning)]);
    // None completed by the audit (31 January 2025): 4.
    let d = graded(with_evidence(base.clone()));
    let r = check(FORM, &d, &opts());
    assert_eq!(suggestion(&r, "assessment.within-10-weeks").unwrap()["suggested"], 4);
    assert!(r.has("AUD-008"));
    // An audit before the deadline: nothing to judge yet.
    let d = with(d, "/auditDate", json!("2024-11-01"));
    let d = with(d, "/remedialActions", json!([]));
    let r = check(FORM, &d, &opts());
    assert!(suggestion(&r, "assessment.within-10-weeks").is_none());
    // An assessment at referral: the question does not apply.
    let d = with_evidence(json!({ "allocationDate": "2024-09-02", "assessmentAtReferral": true }));
    let r = check(FORM, &d, &opts());
    assert_eq!(suggestion(&r, "assessment.within-10-weeks").unwrap()["suggested"], 5);
    assert!(!r.has("AUD-008"));
}

#[test]
fn aud_009_first_family_circle_6_weeks_eha_8_weeks_ehsp() {
    // Allocated 2 September 2024: 6 weeks is 14 October, 8 weeks 28 October.
    let e = |kind: &str, circle: &str| {
        with(
            with_evidence(
                json!({ "allocationDate": "2024-09-02", "assessmentKind": kind, "familyCircleDates": [circle] }),
            ),
            "/answers/assessment.circle-8-weekly",
            json!(5),
        )
    };
    let r = check(FORM, &e("eha", "2024-10-14"), &opts());
    assert_eq!(suggestion(&r, "assessment.first-circle").unwrap()["suggested"], 2);
    assert!(!r.has("AUD-009"));
    let r = check(FORM, &e("eha", "2024-10-15"), &opts());
    assert_eq!(suggestion(&r, "assessment.first-circle").unwrap()["suggested"], 3);
    assert_eq!(found(&r, "AUD-009"), vec![("/answers/assessment.first-circle".into(), Warning)]);
    let r = check(FORM, &e("ehsp", "2024-10-15"), &opts());
    assert_eq!(suggestion(&r, "assessment.first-circle").unwrap()["suggested"], 2);
    assert!(!r.has("AUD-009"));
    let r = check(FORM, &e("ehsp", "2024-10-29"), &opts());
    assert!(r.has("AUD-009"));
    // No circle at all by the audit: 4.
    let d = with_evidence(json!({ "allocationDate": "2024-09-02", "assessmentKind": "ehsp" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(suggestion(&r, "assessment.first-circle").unwrap()["suggested"], 4);
}

#[test]
fn aud_010_family_circles_reviewed_every_8_weeks() {
    // The worked example grades it 3; grade it 2 here. Audit 31 January 2025.
    let e = |dates: Value| {
        with(with_evidence(json!({ "familyCircleDates": dates })), "/answers/assessment.circle-8-weekly", json!(2))
    };
    // 14 Oct → 9 Dec (8 weeks exactly) → 27 Jan: no gap over 8 weeks.
    let r = check(FORM, &e(json!(["2024-10-14", "2024-12-09", "2025-01-27"])), &opts());
    assert_eq!(suggestion(&r, "assessment.circle-8-weekly").unwrap()["suggested"], 2);
    assert!(!r.has("AUD-010"));
    // 14 Oct → 10 Dec: 8 weeks and a day.
    let r = check(FORM, &e(json!(["2024-10-14", "2024-12-10", "2025-01-27"])), &opts());
    let s = suggestion(&r, "assessment.circle-8-weekly").unwrap();
    assert_eq!(s["suggested"], 3);
    assert_eq!(s["reason"], "1 gap between circles is more than 8 weeks");
    assert_eq!(found(&r, "AUD-010"), vec![("/answers/assessment.circle-8-weekly".into(), Warning)]);
    // The last circle more than 8 weeks before the audit.
    let r = check(FORM, &e(json!(["2024-10-14", "2024-12-05"])), &opts());
    assert_eq!(
        suggestion(&r, "assessment.circle-8-weekly").unwrap()["reason"],
        "The last Family Circle was more than 8 weeks before the audit"
    );
    assert!(r.has("AUD-010"));
}

#[test]
fn aud_011_to_014_remedial_actions() {
    let action = |due: &str, done: Option<&str>| {
        let mut a = json!({ "action": "x", "dueDate": due, "lineManagerInitials": "AM" });
        if let Some(d) = done {
            a["completedOn"] = json!(d);
        }
        with(complete(), "/remedialActions", json!([a]))
    };
    // Due on the audit date: not after it.
    let r = check(FORM, &action("2025-01-31", None), &opts());
    assert_eq!(found(&r, "AUD-011"), vec![("/remedialActions/0/dueDate".into(), Error)]);
    assert!(!check(FORM, &action("2025-02-01", Some("2025-02-01")), &opts()).has("AUD-011"));
    // Completed before the audit.
    let r = check(FORM, &action("2025-03-01", Some("2025-01-30")), &opts());
    assert_eq!(found(&r, "AUD-012"), vec![("/remedialActions/0/completedOn".into(), Error)]);
    assert!(!check(FORM, &action("2025-03-01", Some("2025-01-31")), &opts()).has("AUD-012"));
    // Overdue: due 1 June 2025 (today is 2 June), not completed.
    let r = check(FORM, &action("2025-04-30", None), &opts());
    let overdue: Vec<_> = r.with_code("AUD-013").collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!((overdue[0].path.as_str(), overdue[0].severity), ("/remedialActions/0/dueDate", Warning));
    assert_eq!(overdue[0].due.as_deref(), Some("2025-04-30"));
    assert!(!check(FORM, &action("2025-04-30", Some("2025-04-29")), &opts()).has("AUD-013"));
    assert!(!check(FORM, &action("2025-06-02", None), &opts()).has("AUD-013"), "due today is not overdue");
    // Due after the follow-up check on 30 April 2025 (31 January + 3 months).
    let r = check(FORM, &action("2025-05-01", Some("2025-05-01")), &opts());
    let later: Vec<_> = r.with_code("AUD-014").collect();
    assert_eq!(later.len(), 1);
    assert_eq!((later[0].severity, later[0].due.as_deref()), (Info, Some("2025-04-30")));
    assert!(!check(FORM, &action("2025-04-30", Some("2025-04-30")), &opts()).has("AUD-014"));
}

#[test]
fn follow_up_due_is_three_months_later_at_month_ends_and_leap_years() {
    for (audit, due) in [
        ("2025-01-31", "2025-04-30"),
        ("2024-11-30", "2025-02-28"),
        ("2023-11-30", "2024-02-29"),
        ("2024-05-15", "2024-08-15"),
        ("2024-12-31", "2025-03-31"),
    ] {
        let d = with(complete(), "/auditDate", json!(audit));
        assert_eq!(outcome(&check(FORM, &d, &opts()))["followUpDue"], due, "{audit}");
    }
    assert_eq!(outcome(&check(FORM, &without(complete(), "/auditDate"), &opts()))["followUpDue"], Value::Null);
}

#[test]
fn aud_015_cross_locality_audit_without_the_practitioner() {
    let d = with(with(complete(), "/auditType", json!("cross-locality")), "/theme", json!("cin"));
    let d = with(d, "/practitionerPresent", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-015"), vec![("/practitionerPresent".into(), Warning)]);
    let d = with(d, "/practitionerPresent", json!(true));
    assert!(!check(FORM, &d, &opts()).has("AUD-015"));
    // A practitioner audit does not need it.
    let d = with(complete(), "/practitionerPresent", json!(false));
    assert!(!check(FORM, &d, &opts()).has("AUD-015"));
}

#[test]
fn aud_016_audit_date_after_today() {
    let d = with(complete(), "/auditDate", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-016"), vec![("/auditDate".into(), Error)]);
    let d = with(complete(), "/auditDate", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("AUD-016"));
}

#[test]
fn aud_017_evidence_dates_out_of_order() {
    let d = with_evidence(
        json!({ "referralDate": "2024-09-10", "allocationDate": "2024-09-09", "firstContactDate": "2024-09-08" }),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(
        found(&r, "AUD-017"),
        vec![("/evidence/allocationDate".into(), Error), ("/evidence/firstContactDate".into(), Error)]
    );
    assert!(suggestion(&r, "basic.allocation-timely").is_none(), "no suggestion from contradictory dates");
    let d = with_evidence(json!({ "referralDate": "2024-08-10", "familyCircleDates": ["2024-10-01", "2025-02-01"] }));
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-017"), vec![("/evidence/familyCircleDates/1".into(), Error)]);
    let d = with_evidence(
        json!({ "referralDate": "2024-09-10", "allocationDate": "2024-09-10", "firstContactDate": "2024-09-10" }),
    );
    assert!(!check(FORM, &d, &opts()).has("AUD-017"));
}

#[test]
fn completeness_counts_what_a_submitted_audit_needs() {
    // Nothing: 0. Only the six header fields: 6/49 = 0.122… = 0.12.
    assert_eq!(outcome(&check(FORM, &json!({}), &opts()))["completeness"], json!(0.0));
    let d = json!({ "auditType": "practitioner", "auditDate": "2025-01-31", "caseWorker": "W", "llcsNumber": "1",
                    "auditors": ["A"], "caseStatus": "cin" });
    assert_eq!(outcome(&check(FORM, &d, &opts()))["completeness"], json!(0.12));
    // Everything but three grades: 46/49 = 0.938… = 0.94.
    let d = without(
        without(without(complete(), "/answers/basic.demographics"), "/answers/plans.up-to-date"),
        "/overallGrade",
    );
    assert_eq!(outcome(&check(FORM, &d, &opts()))["completeness"], json!(0.94));
}

#[test]
fn messages_never_repeat_what_was_typed() {
    let d = with(complete(), "/childSafe", json!({ "answer": "no" }));
    let d = with(d, "/answers/zzz-secret", json!(1));
    let d = with(d, "/overallGrade", json!(1));
    let d = with(d, "/generalComments", json!(""));
    let r = check(FORM, &d, &submit());
    assert!(r.diagnostics.iter().all(|d| !d.message.contains("zzz") && !d.message.contains("Smith")));
}

#[test]
fn aud_018_019_cross_locality_audits_follow_the_timetable() {
    let cross = |date: &str, theme: &str| {
        let d = with(complete(), "/auditType", json!("cross-locality"));
        let d = with(d, "/practitionerPresent", json!(true));
        with(with(d, "/auditDate", json!(date)), "/theme", json!(theme))
    };
    let on = |t: &str| Options::new().today(t).unwrap();
    // January: cross-locality, CSE/CE.
    let r = check(FORM, &cross("2025-01-31", "cse-ce"), &on("2025-02-01"));
    assert!(!r.has("AUD-018") && !r.has("AUD-019"));
    // February is for audits in the locality bases.
    let r = check(FORM, &cross("2025-02-03", "cse-ce"), &on("2025-02-04"));
    assert_eq!(found(&r, "AUD-018"), vec![("/auditDate".into(), Warning)]);
    assert!(r.with_code("AUD-018").next().unwrap().message.contains("February"));
    assert!(!r.has("AUD-019"));
    // March is domestic abuse; November CIN.
    let r = check(FORM, &cross("2025-03-10", "neglect"), &on("2025-03-11"));
    assert_eq!(found(&r, "AUD-019"), vec![("/theme".into(), Warning)]);
    assert!(r.with_code("AUD-019").next().unwrap().message.contains("domestic abuse"));
    assert!(!check(FORM, &cross("2025-03-10", "domestic-abuse"), &on("2025-03-11")).has("AUD-019"));
    assert!(!check(FORM, &cross("2025-11-10", "cin"), &on("2025-11-11")).has("AUD-019"));
    assert!(check(FORM, &cross("2025-09-10", "cin"), &on("2025-09-11")).has("AUD-019"));
    // A practitioner audit is not held to the cross-locality months.
    let d = with(complete(), "/auditDate", json!("2025-02-03"));
    assert!(!check(FORM, &d, &on("2025-02-04")).has("AUD-018"));
}

#[test]
fn aud_020_supervision_in_line_with_the_policy_for_the_case_status() {
    let graded = with(complete(), "/answers/oversight.supervision", json!(1));
    // An open case: three-monthly. 10 January is within three months of 31 January.
    assert!(!check(FORM, &graded, &opts()).has("AUD-020"));
    // 30 October 2024 is more than three months before 31 January 2025 (three months on is 30 January).
    let d = with(graded.clone(), "/mostRecentSupervision", json!("2024-10-30"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "AUD-020"), vec![("/answers/oversight.supervision".into(), Warning)]);
    assert!(!check(FORM, &with(d.clone(), "/mostRecentSupervision", json!("2024-10-31")), &opts()).has("AUD-020"));
    // A child protection case: monthly. 30 December is more than a month before 31 January.
    let cp = with(graded.clone(), "/caseStatus", json!("cp"));
    assert!(!check(FORM, &cp, &opts()).has("AUD-020"));
    let r = check(FORM, &with(cp, "/mostRecentSupervision", json!("2024-12-30")), &opts());
    assert!(r.has("AUD-020"));
    let s = &outcome(&r)["evidenceSuggestions"];
    assert!(
        s.as_array().unwrap().iter().any(|x| x["question"] == "oversight.supervision" && x["suggested"] == 3),
        "{s}"
    );
    // Graded 3 already: nothing to contradict.
    let d = with(with(d, "/answers/oversight.supervision", json!(3)), "/caseStatus", json!("cin"));
    assert!(!check(FORM, &d, &opts()).has("AUD-020"));
}

#[test]
fn aud_021_an_assessment_older_than_12_months_has_been_reviewed() {
    let graded = with(complete(), "/answers/assessment.reviewed-12-months", json!(2));
    assert!(!check(FORM, &graded, &opts()).has("AUD-021"));
    // The most recent assessment on 30 January 2024: more than 12 months before 31 January 2025.
    let d = with(graded, "/mostRecentAssessment/date", json!("2024-01-30"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "AUD-021"), vec![("/answers/assessment.reviewed-12-months".into(), Warning)]);
    let s = &outcome(&r)["evidenceSuggestions"];
    assert_eq!(s[0]["question"], "assessment.reviewed-12-months", "suggestions stay in question order: {s}");
    assert_eq!(s[0]["suggested"], 4);
    // Exactly 12 months: not older.
    assert!(!check(FORM, &with(d, "/mostRecentAssessment/date", json!("2024-01-31")), &opts()).has("AUD-021"));
}

#[test]
fn aud_022_a_practitioners_case_file_audits_are_bi_monthly() {
    let d = with(complete(), "/previousAuditOn", json!("2024-12-01"));
    assert!(!check(FORM, &d, &opts()).has("AUD-022"));
    let d = with(complete(), "/previousAuditOn", json!("2024-11-30"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "AUD-022"), vec![("/previousAuditOn".into(), Warning)]);
    assert_eq!(r.with_code("AUD-022").next().unwrap().due.as_deref(), Some("2025-01-30"));
    // A cross-locality audit is not the practitioner's own cycle.
    let d = with(with(d, "/auditType", json!("cross-locality")), "/practitionerPresent", json!(true));
    assert!(!check(FORM, &d, &opts()).has("AUD-022"));
    // The previous audit on or after this one is an evidence-order error.
    let d = with(complete(), "/previousAuditOn", json!("2025-01-31"));
    assert_eq!(found(&check(FORM, &d, &opts()), "AUD-017"), vec![("/previousAuditOn".into(), Error)]);
}

/// Issue 16: with questions neither graded nor N/A the audit is incomplete: the outcome says so, how many are left,
/// and gives no headline grade (a grade from 1 answer of 39 read as the audit's finding); once every question is
/// answered or N/A the grade is back.
#[test]
fn an_incomplete_audit_has_no_headline_grade_until_every_question_is_answered_or_na() {
    let one = json!({ "basic.demographics": 4 });
    let d = with(with(complete(), "/answers", one), "/childSafe", json!({ "answer": "no", "comments": "Reasons" }));
    let r = check(FORM, &d, &opts());
    let o = outcome(&r);
    assert_eq!(o["complete"], false);
    assert_eq!(o["unansweredQuestions"], 38);
    assert_eq!(o["suggestedOverall"], Value::Null);
    assert_eq!(o["suggestedOverallLabel"], Value::Null);
    assert_eq!(o["agreement"], Value::Null);
    assert_eq!(
        o["derivation"].as_array().unwrap().last().unwrap(),
        "Incomplete: 38 of 39 questions are still to be graded or marked N/A, so there is no suggested overall grade yet."
    );
    // Every question N/A but one: complete, and graded.
    let r = scored(only(&[("basic.demographics", 4)]));
    assert_eq!(outcome(&r)["complete"], true);
    assert_eq!(outcome(&r)["unansweredQuestions"], 0);
    assert_eq!(outcome(&r)["suggestedOverall"], 4);
    // One question left blank: incomplete again.
    let mut answers = answers_by(|_, _| 2);
    answers.as_object_mut().unwrap().remove("plans.up-to-date");
    let r = scored(answers);
    assert_eq!(outcome(&r)["unansweredQuestions"], 1);
    assert_eq!(outcome(&r)["suggestedOverall"], Value::Null);
    assert!(outcome(&r)["derivation"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .as_str()
        .unwrap()
        .contains("1 of 39 questions is"));
}
