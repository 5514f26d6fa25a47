//! The Strengthening Families referral (forms.md §1): every rule passing and failing, and the outcome.

mod common;

use common::*;
use safeguarding_forms::Severity::{Error, Info, Warning};
use serde_json::{json, Value};

const FORM: &str = "sf-referral";

/// A complete, eligible referral: three domains, five sub-categories, open assessment and plan.
fn eligible() -> Value {
    json!({
        "referralDate": "2025-05-20",
        "receivedOn": "2025-05-21",
        "route": "social-work-assessment",
        "service": "whole-family-working",
        "referrer": { "name": "A Referrer", "agency": "social-care", "email": "a.referrer@example.gov.uk", "phone": "01952 387183" },
        "address": { "line1": "1 Pool Farm Avenue", "town": "Telford", "postcode": "tf1 6fr" },
        "assessment": { "type": "social-work-assessment", "date": "2025-05-01", "open": true },
        "plan": { "type": "child-in-need-plan", "date": "2025-05-10", "open": true },
        "consent": { "given": true, "date": "2025-05-01", "by": "Parent" },
        "locality": "hadley-castle",
        "children": [{ "name": "C", "dateOfBirth": "2012-01-15" }],
        "adults": [{ "name": "P", "relationship": "mother" }],
        "criteria": [
            { "id": "youth-offending" }, { "id": "asb-level-2" }, { "id": "adult-offending" },
            { "id": "homelessness-risk" }, { "id": "physical-chastisement" }
        ]
    })
}

fn codes(r: &safeguarding_forms::Report) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_complete_eligible_referral_is_valid_and_eligible() {
    let r = check(FORM, &eligible(), &submit());
    let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == Error).collect();
    assert!(r.valid, "{errors:?}");
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["eligible"], true);
    assert_eq!(o["domainsMet"], json!(["youth-crime", "adult-crime", "parenting"]));
    assert_eq!(o["subcategoriesMet"].as_array().unwrap().len(), 5);
    assert_eq!(o["domainsNeeded"], 0);
    assert_eq!(o["subcategoriesNeeded"], 0);
    assert_eq!(o["assessmentAndPlanOpen"], true);
    // The open CIN plan and the open assessment support two unticked sub-categories.
    assert_eq!(o["suggested"], json!(["supported-by-assessment", "cp-or-cin"]));
}

#[test]
fn ref_001_required_fields_are_info_in_draft_and_errors_at_submit() {
    let empty = json!({});
    let draft = check(FORM, &empty, &opts());
    let paths: Vec<_> = found(&draft, "REF-001");
    for p in ["/referralDate", "/route", "/assessment", "/plan", "/children"] {
        assert!(paths.contains(&(p.to_string(), Info)), "{p} missing from {paths:?}");
    }
    assert!(draft.valid, "draft with only missing fields is valid");
    let sub = check(FORM, &empty, &submit());
    assert!(found(&sub, "REF-001").iter().all(|(_, s)| *s == Error));
    assert!(!sub.valid);
    // Filled in: no REF-001.
    assert!(found(&check(FORM, &eligible(), &submit()), "REF-001").is_empty());
}

#[test]
fn ref_001_referrer_needed_unless_self_referral() {
    let d = without(eligible(), "/referrer");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "REF-001"), vec![("/referrer/name".into(), Error), ("/referrer/agency".into(), Error)]);
    let d = with(with(d, "/route", json!("self-referral")), "/service", json!("short-term-intervention"));
    let d = with(d, "/consent", json!({ "given": true }));
    assert!(found(&check(FORM, &d, &submit()), "REF-001").is_empty());
}

#[test]
fn ref_001_unborn_child_needs_expected_date_and_born_child_a_date_of_birth() {
    let d = with(eligible(), "/children", json!([{ "name": "Baby", "unborn": true }, { "name": "B" }]));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "REF-001"),
        vec![("/children/0/expectedDate".into(), Error), ("/children/1/dateOfBirth".into(), Error)]
    );
}

#[test]
fn ref_001_open_flag_must_be_answered() {
    let d = with(eligible(), "/assessment/open", Value::Null);
    assert_eq!(found(&check(FORM, &d, &submit()), "REF-001"), vec![("/assessment/open".into(), Error)]);
}

#[test]
fn ref_002_fewer_than_three_domains_or_five_subcategories() {
    // Five sub-categories in two domains: one more domain needed.
    let d = with(
        eligible(),
        "/criteria",
        json!([
            { "id": "domestic-abuse" }, { "id": "parental-mental-health" }, { "id": "home-conditions" },
            { "id": "left-unattended" }, { "id": "attendance-below-90" }
        ]),
    );
    let d = with(d, "/children/0/attendancePercent", json!(80));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "REF-002"), vec![("/criteria".into(), Error)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["domainsNeeded"], 1);
    assert_eq!(o["subcategoriesNeeded"], 0);
    assert_eq!(o["eligible"], false);
    assert!(r.diagnostics.iter().any(|d| d.code == "REF-002" && d.message.contains("1 more domain")));
    // Three domains but four sub-categories.
    let d = with(
        eligible(),
        "/criteria",
        json!([{ "id": "youth-offending" }, { "id": "adult-offending" }, { "id": "domestic-abuse" }, { "id": "asb-level-2" }]),
    );
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-002"), vec![("/criteria".into(), Info)], "info while drafting");
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["subcategoriesNeeded"], 1);
    assert!(found(&check(FORM, &eligible(), &submit()), "REF-002").is_empty());
}

#[test]
fn ref_002_counts_a_duplicate_once_and_ignores_unknown_ids() {
    let d = with(
        eligible(),
        "/criteria",
        json!([
            { "id": "youth-offending" }, { "id": "youth-offending" }, { "id": "adult-offending" },
            { "id": "homelessness-risk" }, { "id": "physical-chastisement" }, { "id": "made-up" }
        ]),
    );
    let r = check(FORM, &d, &submit());
    assert!(r.has("REF-002"));
    assert_eq!(r.outcome.unwrap()["subcategoriesNeeded"], 1);
}

#[test]
fn ref_003_assessment_or_plan_not_open() {
    let d = with(eligible(), "/plan/open", json!(false));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-003"), vec![("/plan/open".into(), Error)]);
    assert_eq!(r.outcome.unwrap()["eligible"], false);
    let d = with(eligible(), "/assessment/open", json!("no"));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-003"), vec![("/assessment/open".into(), Error)]);
    assert!(!check(FORM, &eligible(), &opts()).has("REF-003"));
}

#[test]
fn ref_004_assessment_older_than_twelve_months() {
    let d = with(eligible(), "/assessment/date", json!("2024-05-19"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-004"), vec![("/assessment/date".into(), Warning)]);
    // Exactly 12 months before the referral is still current.
    let d = with(eligible(), "/assessment/date", json!("2024-05-20"));
    assert!(!check(FORM, &d, &opts()).has("REF-004"));
}

#[test]
fn ref_005_self_referral_to_whole_family_working() {
    let d = with(eligible(), "/route", json!("self-referral"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-005"), vec![("/route".into(), Error)]);
    assert_eq!(serde_json::Value::from(r.outcome.as_ref().unwrap())["routeAllowed"], false);
    assert_eq!(r.outcome.unwrap()["eligible"], false);
    let d = with(d, "/service", json!("targeted-intervention"));
    assert!(!check(FORM, &d, &opts()).has("REF-005"));
}

#[test]
fn ref_006_child_age_bounds_with_and_without_send() {
    // 19th birthday on the referral date: too old.
    let d = with(eligible(), "/children/0/dateOfBirth", json!("2006-05-20"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-006"), vec![("/children/0/dateOfBirth".into(), Warning)]);
    // Named by its row, never by its name.
    let m = &r.with_code("REF-006").next().unwrap().message;
    assert!(m.starts_with("Child 1 must be 18 or younger"), "{m}");
    assert!(!m.contains('C') || !m.contains(" C "), "{m}");
    // The day before the 19th birthday: still 18.
    let d = with(eligible(), "/children/0/dateOfBirth", json!("2006-05-21"));
    assert!(!check(FORM, &d, &opts()).has("REF-006"));
    // 22 with SEND: fine; 26 with SEND: too old.
    let d = with(with(eligible(), "/children/0/dateOfBirth", json!("2003-01-01")), "/children/0/send", json!(true));
    assert!(!check(FORM, &d, &opts()).has("REF-006"));
    let d = with(d, "/children/0/dateOfBirth", json!("1999-05-20"));
    assert!(check(FORM, &d, &opts()).has("REF-006"));
}

#[test]
fn ref_017_no_child_in_the_age_range_is_not_eligible_and_the_child_outside_is_named() {
    // The only child is 19 at the referral date: not eligible, whatever else the referral meets.
    let d = with(eligible(), "/children/0/dateOfBirth", json!("2006-05-20"));
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "REF-017"), vec![("/children".into(), Error)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["eligible"], false);
    assert_eq!(o["childrenInAgeRange"], 0);
    assert_eq!(o["childrenOutsideAgeRange"], json!(["/children/0"]));
    assert!(o["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "REF-017"), "{o}");
    // A younger sibling inside the range: eligible; the older one is still named (a warning).
    let d = with(
        d,
        "/children",
        json!([{ "name": "C", "dateOfBirth": "2006-05-20" }, { "name": "D", "dateOfBirth": "2015-03-01" }]),
    );
    let r = check(FORM, &d, &submit());
    assert!(!r.has("REF-017"));
    assert_eq!(found(&r, "REF-006"), vec![("/children/0/dateOfBirth".into(), Warning)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["eligible"], true, "{o}");
    assert_eq!(o["childrenOutsideAgeRange"], json!(["/children/0"]));
    // An unborn child is inside the range.
    let d = with(
        eligible(),
        "/children",
        json!([{ "name": "C", "dateOfBirth": "2006-05-20" }, { "unborn": true, "expectedDate": "2025-09-01" }]),
    );
    assert!(!check(FORM, &d, &submit()).has("REF-017"));
    // No date of birth yet: no child is known to be in range, so not eligible even while drafting.
    let d = without(eligible(), "/children/0/dateOfBirth");
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert_eq!(o["eligible"], false);
    assert_eq!(o["childrenInAgeRange"], 0);
}

#[test]
fn eligibility_never_overstates_and_lists_every_reason() {
    // A self-referral that leaves the service blank is judged as one for whole family working.
    let d = without(with(eligible(), "/route", json!("self-referral")), "/service");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "REF-005"), vec![("/service".into(), Error)]);
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["eligible"], false);
    assert_eq!(o["routeAllowed"], false);
    assert_eq!(o["service"], "whole-family-working");
    // The same while drafting.
    assert_eq!(check(FORM, &d, &opts()).outcome.unwrap()["eligible"], false);
    // A self-referral to targeted intervention (group work by direct referral) is allowed, and the whole family
    // working criteria do not apply to it.
    let d = with(with(d, "/service", json!("targeted-intervention")), "/criteria", json!([{ "id": "domestic-abuse" }]));
    let r = check(FORM, &d, &submit());
    assert!(!r.has("REF-005") && !r.has("REF-002"), "{:?}", codes(&r));
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["criteriaApply"], false);
    assert_eq!(o["eligible"], true, "{o}");
    // Whole family working with too few criteria, a closed plan and a future referral date: every reason is listed.
    let d = with(
        with(with(eligible(), "/criteria", json!([{ "id": "domestic-abuse" }])), "/plan/open", json!(false)),
        "/referralDate",
        json!("2025-06-03"),
    );
    let r = check(FORM, &d, &submit());
    let o = serde_json::Value::from(r.outcome.unwrap());
    assert_eq!(o["eligible"], false);
    let reason_codes: Vec<&str> =
        o["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    for code in ["REF-002", "REF-003", "REF-013"] {
        assert!(reason_codes.contains(&code), "{code} missing from {reason_codes:?}");
    }
    // Any error blocks: an unknown criterion on an otherwise eligible referral.
    let mut d = eligible();
    d["criteria"].as_array_mut().unwrap().push(json!({ "id": "not-a-criterion" }));
    let o = serde_json::Value::from(check(FORM, &d, &submit()).outcome.unwrap());
    assert_eq!(o["eligible"], false);
    assert_eq!(o["reasons"][0]["code"], "REF-011");
    // And an eligible referral has no reasons.
    let o = serde_json::Value::from(check(FORM, &eligible(), &submit()).outcome.unwrap());
    assert_eq!(o["reasons"], json!([]));
}

#[test]
fn ref_007_unborn_expected_date_after_referral() {
    let d = with(eligible(), "/children/0", json!({ "unborn": true, "expectedDate": "2025-05-20" }));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-007"), vec![("/children/0/expectedDate".into(), Error)]);
    let d = with(eligible(), "/children/0", json!({ "unborn": true, "expectedDate": "2025-09-01" }));
    assert!(!check(FORM, &d, &opts()).has("REF-007"));
}

#[test]
fn ref_008_date_of_birth_in_future() {
    let d = with(eligible(), "/children/0/dateOfBirth", json!({ "day": "3", "month": "6", "year": "2025" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-008"), vec![("/children/0/dateOfBirth".into(), Error)]);
    assert!(r.diagnostics.iter().any(|d| d.message == "Date of birth must be today or in the past"));
    let d = with(eligible(), "/children/0/dateOfBirth", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("REF-008"));
    // An adult's date of birth is read too, as the rule's declaration says.
    let d = with(eligible(), "/adults/0/dateOfBirth", json!("2025-06-03"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-008"), vec![("/adults/0/dateOfBirth".into(), Error)]);
    assert!(r.diagnostics.iter().any(|d| d.message == "Adult’s date of birth must be today or in the past"));
}

#[test]
fn ref_009_ticked_criteria_contradicted_by_facts() {
    let d = with(eligible(), "/criteria/0", json!({ "id": "attendance-below-90" }));
    let d = with(d, "/children/0/attendancePercent", json!("95"));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-009"), vec![("/criteria".into(), Warning)]);
    // No attendance recorded: nothing to contradict.
    let d = without(d, "/children/0/attendancePercent");
    assert!(!check(FORM, &d, &opts()).has("REF-009"));
    // Missing episodes: two within 90 days, one before.
    let d = with(eligible(), "/criteria/0", json!({ "id": "missing-3-in-90" }));
    let d = with(d, "/children/0/missingEpisodes", json!(["2025-05-01", "2025-04-01", "2025-01-01"]));
    assert!(check(FORM, &d, &opts()).has("REF-009"));
    let d = with(d, "/children/0/missingEpisodes", json!(["2025-05-01", "2025-04-01", "2025-03-01"]));
    assert!(!check(FORM, &d, &opts()).has("REF-009"));
    // Supported by an assessment ticked, assessment closed.
    let d = with(
        with(eligible(), "/criteria/0", json!({ "id": "supported-by-assessment" })),
        "/assessment/open",
        json!(false),
    );
    assert!(check(FORM, &d, &opts()).has("REF-009"));
}

#[test]
fn ref_010_facts_suggest_unticked_criteria() {
    let d = with(eligible(), "/children/0/attendancePercent", json!(85.5));
    let d = with(d, "/children/0/missingEpisodes", json!(["2025-05-19", "2025-04-02", "2025-02-20"]));
    let r = check(FORM, &d, &opts());
    let o = serde_json::Value::from(r.outcome.as_ref().unwrap());
    assert!(o["suggested"].as_array().unwrap().contains(&json!("attendance-below-90")));
    assert!(o["suggested"].as_array().unwrap().contains(&json!("missing-3-in-90")));
    assert!(found(&r, "REF-010").iter().all(|(p, s)| p == "/criteria" && *s == Info));
    assert_eq!(found(&r, "REF-010").len(), 4);
    // 2025-02-19 is the 90th day before the referral: outside the window.
    let d = with(d, "/children/0/missingEpisodes", json!(["2025-05-19", "2025-04-02", "2025-02-19"]));
    let o = serde_json::Value::from(check(FORM, &d, &opts()).outcome.unwrap());
    assert!(!o["suggested"].as_array().unwrap().contains(&json!("missing-3-in-90")));
}

#[test]
fn ref_011_unknown_criterion_is_an_error_never_ignored() {
    let d = with(eligible(), "/criteria/2", json!({ "id": "adult-crime" }));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-011"), vec![("/criteria/2/id".into(), Error)]);
    assert!(!check(FORM, &eligible(), &opts()).has("REF-011"));
}

#[test]
fn ref_012_duplicate_criterion() {
    let d = with(eligible(), "/criteria/4", json!({ "id": "youth-offending" }));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-012"), vec![("/criteria/4/id".into(), Warning)]);
}

#[test]
fn ref_013_referral_date_after_today() {
    let d = with(eligible(), "/referralDate", json!("2025-06-03"));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-013"), vec![("/referralDate".into(), Error)]);
    let d = with(eligible(), "/referralDate", json!("2025-06-02"));
    assert!(!check(FORM, &d, &opts()).has("REF-013"));
}

#[test]
fn ref_014_received_before_referral() {
    let d = with(eligible(), "/receivedOn", json!("2025-05-19"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "REF-014"), vec![("/receivedOn".into(), Error)]);
    assert_eq!(r.with_code("REF-014").next().unwrap().related, vec!["/referralDate".to_string()]);
    let d = with(eligible(), "/receivedOn", json!("2025-05-20"));
    assert!(!check(FORM, &d, &opts()).has("REF-014"));
}

#[test]
fn ref_015_consent_on_early_help_routes() {
    let eh = with(eligible(), "/route", json!("early-help-assessment"));
    let d = with(eh.clone(), "/consent/given", json!(false));
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-015"), vec![("/consent/given".into(), Error)]);
    let d = without(eh.clone(), "/consent");
    let r = check(FORM, &d, &submit());
    assert_eq!(found(&r, "REF-001"), vec![("/consent/given".into(), Error)]);
    assert!(!check(FORM, &eh, &opts()).has("REF-015"));
    // A statutory route does not need it.
    let d = with(eligible(), "/consent/given", json!(false));
    assert!(!check(FORM, &d, &opts()).has("REF-015"));
}

#[test]
fn ref_016_family_connect_household_members() {
    let fc = with(eligible(), "/route", json!("family-connect-triage"));
    assert!(!check(FORM, &fc, &submit()).has("REF-016"));
    let d = with(with(fc.clone(), "/adults", json!([{ "name": "P" }])), "/children/0/name", json!(""));
    let r = check(FORM, &d, &submit());
    assert_eq!(
        found(&r, "REF-016"),
        vec![("/children/0/name".into(), Error), ("/adults/0/relationship".into(), Error)]
    );
    let d = without(fc, "/adults");
    assert_eq!(found(&check(FORM, &d, &opts()), "REF-016"), vec![("/adults".into(), Info)]);
}

#[test]
fn contact_details_are_checked() {
    let d = with(eligible(), "/referrer/email", json!("not an email"));
    let d = with(d, "/referrer/phone", json!("12345"));
    let d = with(d, "/address/postcode", json!("TF1"));
    let r = check(FORM, &d, &opts());
    assert_eq!(found(&r, "INP-010"), vec![("/referrer/email".into(), Error)]);
    assert_eq!(found(&r, "INP-011"), vec![("/referrer/phone".into(), Error)]);
    assert_eq!(found(&r, "INP-012"), vec![("/address/postcode".into(), Error)]);
    for (email, phone, postcode) in [
        ("name@example.com", "+44 808 157 0192", "SW1A 1AA"),
        ("o'brien@council.gov.uk", "07700 900982", "  sw1a1aa "),
        ("a.b-c@x.co", "(01632) 960 001", "M1 1AE"),
    ] {
        let d = with(
            with(with(eligible(), "/referrer/email", json!(email)), "/referrer/phone", json!(phone)),
            "/address/postcode",
            json!(postcode),
        );
        let r = check(FORM, &d, &opts());
        assert!(
            !r.has("INP-010") && !r.has("INP-011") && !r.has("INP-012"),
            "{email} {phone} {postcode}: {:?}",
            codes(&r)
        );
    }
}

#[test]
fn diagnostics_follow_the_form_order_then_severity() {
    let d = json!({
        "criteria": [{ "id": "nope" }],
        "children": [{ "dateOfBirth": "2031-01-01" }],
        "referralDate": "2030-01-01",
        "receivedOn": "2020-01-01"
    });
    let r = check(FORM, &d, &submit());
    let paths: Vec<&str> = r.diagnostics.iter().map(|d| d.path.as_str()).collect();
    let pos = |p: &str| paths.iter().position(|x| *x == p).unwrap();
    assert!(pos("/referralDate") < pos("/receivedOn"));
    assert!(pos("/receivedOn") < pos("/route"));
    assert!(pos("/route") < pos("/children/0/dateOfBirth"));
    assert!(pos("/children/0/dateOfBirth") < pos("/criteria"));
    assert!(pos("/criteria") < pos("/criteria/0/id"));
}
