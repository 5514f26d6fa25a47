//! The referral's rules: one declaration and one check function each.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, EARLY_HELP_ROUTES};
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::long_date;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::report::{Diagnostic, Severity};
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

rule!(REQUIRED, "REF-001", "missing-required-field", Error, Required,
    ["/referralDate", "/route", "/children", "/referrer/name", "/referrer/agency", "/assessment", "/assessment/open", "/plan", "/plan/open", "/consent/given", "/children/*/dateOfBirth", "/children/*/expectedDate", "/children/*/unborn"],
    Cite::same(SEED_002, "Referral Criteria"),
    "A field the referral needs is missing: the date, the route, at least one child, the referrer (unless a self-referral), the assessment and plan, consent on an early help route, a date of birth or an unborn child's expected date.",
    "For professionals referring in for family support there must be an open and current assessment and plan in place and meet the following referral criteria.",
    presence = ["/referrer/name", "/referrer/agency"],
    rows = ["/children"]);

pub static DOMAINS_NEEDED: Param = Param { key: "sf-referral.domains", default: 3, unit: "domains" };
pub static SUBCATEGORIES_NEEDED: Param = Param { key: "sf-referral.subcategories", default: 5, unit: "sub-categories" };

rule!(CRITERIA_NOT_MET, "REF-002", "referral-criteria-not-met", Error, Required, ["/criteria/*/id", "/service"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "A referral for whole family working (the service chosen, or no service chosen yet) meets fewer than three domains or fewer than five sub-categories (\"at least\" is interpreted). The seed sets this test for whole family working one to one support only: a referral for short-term intervention, targeted intervention (group work, by direct referral) or a service-specific offer is not held to it, and needs the open and current assessment and plan every professional referral needs (REF-001, REF-003). Reported as an error at submit, as information while drafting.",
    "In order to meet the referral criteria for whole family working one to one support you must ensure that the unmet needs meet three domain areas and five sub categories within this guidance",
    params = [DOMAINS_NEEDED, SUBCATEGORIES_NEEDED]);

rule!(
    NOT_OPEN,
    "REF-003",
    "assessment-or-plan-not-open",
    Error,
    Check,
    ["/assessment/open", "/plan/open"],
    Cite::same(SEED_002, "Referral Criteria"),
    "The assessment or the plan is recorded as not open.",
    "there must be an open and current assessment and plan in place"
);

rule!(
    ASSESSMENT_OLD,
    "REF-004",
    "assessment-older-than-12-months",
    Warning,
    Check,
    ["/assessment/date", "/referralDate"],
    Cite::interpreted(SEED_002, "ATTACHMENT ONE – CASE AUDIT TOOL"),
    "The assessment is more than 12 months old at the referral date, so it may not be current.",
    "If assessment is older than 12 months it been reviewed"
);

rule!(
    SELF_REFERRAL,
    "REF-005",
    "self-referral-to-whole-family-working",
    Error,
    Check,
    ["/route", "/service"],
    Cite::same(SEED_002, "Whole Family Working"),
    "A family has referred itself to whole family working, which families cannot do: a self-referral that names no service is judged as one for whole family working (the referral criteria's service) until another service is chosen.",
    "FAMILIES ARE UNABLE TO SELF REFER TO WHOLE FAMILY WORKING"
);

pub static MAX_AGE: Param = Param { key: "sf-referral.maxAge", default: 18, unit: "years" };
pub static MAX_AGE_SEND: Param = Param { key: "sf-referral.maxAgeSend", default: 25, unit: "years" };

rule!(CHILD_AGE, "REF-006", "child-outside-age-range", Warning, Check, ["/children/*/dateOfBirth", "/children/*/send", "/referralDate", "/children/*/unborn"],
    Cite::interpreted(SEED_002, "Strengthening Families"),
    "A child is older than 18 at the referral date (older than 25 with a special educational need or disability), named by its row. The bounds \"0-18\" and \"up to 25\" are read as under 19 and under 26. A warning: the service is for the family's children within the range; a referral with none is refused by REF-017.",
    "Strengthening Families offer services for families and with children and young people aged 0-18 and up to 25 if they have a special educational need or disability.",
    params = [MAX_AGE, MAX_AGE_SEND]);

rule!(
    UNBORN_DATE,
    "REF-007",
    "unborn-expected-date-not-after-referral",
    Error,
    Check,
    ["/children/*/expectedDate", "/referralDate", "/children/*/unborn"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "An unborn child's expected date of birth is on or before the referral date.",
    ""
);

rule!(BIRTH_IN_FUTURE, "REF-008", "date-of-birth-in-future", Error, Check, ["/children/*/dateOfBirth", "/adults/*/dateOfBirth"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "A date of birth, a child's or an adult's, is after today (an unborn child is recorded with an expected date instead). Dates before 1900 are caught by the shared date-range rule.",
    "");

rule!(CONTRADICTED, "REF-009", "criterion-contradicted-by-facts", Warning, Check, ["/criteria/*/id", "/children/*/attendancePercent", "/children/*/missingEpisodes", "/assessment/open", "/referralDate"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "A ticked sub-category is contradicted by the facts recorded: attendance below 90% ticked while every recorded attendance is 90% or more; missing three times in 90 days ticked while the recorded episodes are fewer; supported by an assessment ticked while the assessment is closed.",
    "A child with absences from school where overall attendance is below 90%. ... Children who go missing three times or more in the last 90 days");

rule!(SUGGESTED, "REF-010", "criterion-suggested-by-facts", Info, Check, ["/criteria/*/id", "/children/*/attendancePercent", "/children/*/missingEpisodes", "/assessment", "/plan", "/referralDate"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "The facts recorded support a sub-category that is not ticked: attendance below 90%, three or more missing episodes in the 90 days before the referral, an open assessment, an open child protection or child in need plan.",
    "");

rule!(
    UNKNOWN_CRITERION,
    "REF-011",
    "unknown-criterion",
    Error,
    Check,
    ["/criteria/*/id"],
    Cite::same(SEED_002, "Referral Criteria"),
    "A criterion is not one of the sub-categories of the referral criteria table; it is never silently ignored.",
    ""
);

rule!(
    DUPLICATE_CRITERION,
    "REF-012",
    "duplicate-criterion",
    Warning,
    Check,
    ["/criteria/*/id"],
    Cite::interpreted(SEED_002, "Referral Criteria"),
    "The same sub-category is ticked twice; it counts once.",
    ""
);

rule!(
    REFERRAL_IN_FUTURE,
    "REF-013",
    "referral-date-in-future",
    Error,
    Check,
    ["/referralDate"],
    Cite::interpreted(SEED_002, "STRENGTHENING FAMILIES WORK FLOW"),
    "The referral date is after today.",
    ""
);

rule!(
    RECEIVED_BEFORE,
    "REF-014",
    "received-before-referral",
    Error,
    Check,
    ["/receivedOn", "/referralDate"],
    Cite::interpreted(SEED_002, "STRENGTHENING FAMILIES WORK FLOW"),
    "The referral was received before the date it was made.",
    "Referral received by Senior Business Support Officer based on child/young person's address"
);

rule!(CONSENT_NOT_GIVEN, "REF-015", "consent-not-given-early-help", Error, Check, ["/consent/given", "/route"],
    Cite::interpreted(SEED_002, "STRENGTHENING FAMILIES EXTERNAL EARLY HELP ASSESSMENT/EARLY HELP SUPPORT PLAN"),
    "An early help (non-statutory) referral records that consent was not given. A missing consent answer is reported by the required-field rule.",
    "CONSENT BOX – to be completed");

rule!(HOUSEHOLD, "REF-016", "household-members-incomplete", Error, Required, ["/route", "/children/*/name", "/adults", "/adults/*/name", "/adults/*/relationship", "/children/*/unborn"],
    Cite::interpreted(SEED_002, "FAMILY CONNECT"),
    "A Family Connect referral does not give every household member's details: each child's name, and at least one adult with name and relationship. Reported as an error at submit, as information while drafting.",
    "Ensure all information is completed on all household members.",
    presence = ["/children/*/name", "/adults/*/name", "/adults/*/relationship"]);

rule!(NO_CHILD_IN_RANGE, "REF-017", "no-child-in-age-range", Error, Check, ["/children", "/children/*/dateOfBirth", "/children/*/send", "/children/*/unborn", "/referralDate"],
    Cite::interpreted(SEED_002, "Strengthening Families"),
    "Every child on the referral is outside the age range at the referral date (older than 18, or than 25 with a special educational need or disability), so the family has no child the service is for. An unborn child counts as inside the range (interpreted).",
    "Strengthening Families offer services for families and with children and young people aged 0-18 and up to 25 if they have a special educational need or disability.",
    params = [MAX_AGE, MAX_AGE_SEND],
    rows = ["/children"]);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &CRITERIA_NOT_MET,
    &NOT_OPEN,
    &ASSESSMENT_OLD,
    &SELF_REFERRAL,
    &CHILD_AGE,
    &UNBORN_DATE,
    &BIRTH_IN_FUTURE,
    &CONTRADICTED,
    &SUGGESTED,
    &UNKNOWN_CRITERION,
    &DUPLICATE_CRITERION,
    &REFERRAL_IN_FUTURE,
    &RECEIVED_BEFORE,
    &CONSENT_NOT_GIVEN,
    &HOUSEHOLD,
    &NO_CHILD_IN_RANGE,
];

/// What the rules and the outcome share, read once.
pub struct Facts<'a> {
    pub referral_date: Option<NaiveDate>,
    pub route: Option<std::borrow::Cow<'a, str>>,
    pub children: &'a [Value],
    /// Valid, distinct sub-category ids ticked, in the order ticked.
    pub ticked: Vec<&'static str>,
    /// The domains the ticked sub-categories cover, in table order ([`domains_met`], worked out once).
    pub domains: Vec<&'static str>,
    pub assessment_open: Option<bool>,
    pub plan_open: Option<bool>,
    /// Sub-categories the recorded facts support.
    pub supported: Vec<&'static str>,
    /// The service chosen (a valid one), if any.
    pub service: Option<std::borrow::Cow<'a, str>>,
    /// Whether the referral is judged as one for whole family working: that service, or none chosen yet (the
    /// referral criteria are the whole family working criteria, so an unnamed service is never judged more leniently).
    pub whole_family: bool,
    /// A self-referral judged as one for whole family working (not allowed).
    pub self_referral_to_whole_family: bool,
    /// Each child's place in the age range, by row.
    pub ages: Vec<(usize, Age)>,
}

/// Where a child stands against the age range at the referral date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    Inside,
    Outside,
    /// Not known yet: no date of birth (or expected date), a date of birth after today, or no referral date.
    Unknown,
}

pub fn facts<'a>(data: &'a Map<String, Value>, ctx: &Ctx) -> Facts<'a> {
    let (today, limits) = (ctx.today, (ctx.value(&MAX_AGE), ctx.value(&MAX_AGE_SEND)));
    let referral_date = read::date(data, "referralDate");
    let children = read::list(data, "children");
    let mut ticked: Vec<&'static str> = Vec::new();
    for c in read::list(data, "criteria") {
        let Some(id) = c.as_object().and_then(|o| read::text(o, "id")) else { continue };
        if let Some(known) = model::subcategory(&id) {
            if !ticked.contains(&known) {
                ticked.push(known);
            }
        }
    }
    let open = |key: &str| read::object(data, key).and_then(|o| read::boolean(o, "open"));
    let (assessment_open, plan_open) = (open("assessment"), open("plan"));
    let mut supported = Vec::new();
    if assessment_open == Some(true) {
        supported.push("supported-by-assessment");
    }
    if children_objects(children).any(|c| read::number(c, "attendancePercent").is_some_and(|p| p < 90.0)) {
        supported.push("attendance-below-90");
    }
    if let Some(rd) = referral_date {
        if children_objects(children).any(|c| episodes_in_90_days(c, rd) >= 3) {
            supported.push("missing-3-in-90");
        }
    }
    let plan = read::object(data, "plan");
    let statutory_plan =
        plan.and_then(|p| read::choice(p, "type", &["child-protection-plan", "child-in-need-plan"])).is_some();
    if statutory_plan && plan_open == Some(true) {
        supported.push("cp-or-cin");
    }
    let route = read::choice(data, "route", model::ROUTES);
    let service = read::choice(data, "service", model::SERVICES);
    let whole_family = service.as_deref().is_none_or(|s| s == "whole-family-working");
    let self_referral_to_whole_family = whole_family && route.as_deref() == Some("self-referral");
    let ages = children
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_object()?)))
        .map(|(i, c)| (i, age(c, referral_date, today, limits)))
        .collect();
    let domains = domains_met(&ticked);
    Facts {
        referral_date,
        route,
        children,
        ticked,
        domains,
        assessment_open,
        plan_open,
        supported,
        service,
        whole_family,
        self_referral_to_whole_family,
        ages,
    }
}

/// A child's place in the age range: "0-18 and up to 25 if they have a special educational need or disability",
/// read as under 19 and under 26 at the referral date; an unborn child with an expected date is inside it.
fn age(c: &Map<String, Value>, referral: Option<NaiveDate>, today: NaiveDate, (max, max_send): (i64, i64)) -> Age {
    if read::boolean(c, "unborn") == Some(true) {
        return if read::date(c, "expectedDate").is_some() { Age::Inside } else { Age::Unknown };
    }
    let (Some(dob), Some(rd)) = (read::date(c, "dateOfBirth"), referral) else { return Age::Unknown };
    if dob > today {
        return Age::Unknown;
    }
    let limit = if read::boolean(c, "send") == Some(true) { max_send } else { max };
    let years = i32::try_from(limit.saturating_add(1)).unwrap_or(i32::MAX);
    match calendar::add_years(dob, years) {
        Some(too_old) if too_old <= rd => Age::Outside,
        _ => Age::Inside,
    }
}

fn children_objects(children: &[Value]) -> impl Iterator<Item = &Map<String, Value>> {
    children.iter().filter_map(Value::as_object)
}

/// Missing episodes in the 90 days up to and including the referral date.
pub fn episodes_in_90_days(child: &Map<String, Value>, referral: NaiveDate) -> usize {
    let start = calendar::add_days(referral, -90);
    read::list(child, "missingEpisodes")
        .iter()
        .filter_map(|v| read::parse_date(v).ok().flatten())
        .filter(|d| *d <= referral && start.is_some_and(|s| *d > s))
        .count()
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    referral_dates(data, ctx);
    referrer_and_route(data, ctx, f);
    assessment_and_plan(data, ctx, f);
    consent(data, ctx, f);
    children(ctx, f);
    household(data, ctx, f);
    criteria(data, ctx, f);
}

fn referral_dates(data: &Map<String, Value>, ctx: &mut Ctx) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &REFERRAL_IN_FUTURE);
    checks::dates_not_after_today(model::FIELDS, data, ctx, &BIRTH_IN_FUTURE);
    checks::dates_not_before(model::FIELDS, data, ctx, &RECEIVED_BEFORE, "/referralDate", &["/receivedOn"]);
}

fn is_self_referral(f: &Facts) -> bool {
    f.route.as_deref() == Some("self-referral")
}

fn referrer_and_route(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.route.is_some() && !is_self_referral(f) {
        let referrer = read::object(data, "referrer");
        let has = |k: &str| referrer.is_some_and(|r| !read::is_blank(r.get(k)));
        if !has("name") {
            ctx.emit(&REQUIRED, "/referrer/name", &REF001_ENTER_REFERRERS_NAME);
        }
        if !has("agency") {
            ctx.emit(&REQUIRED, "/referrer/agency", &REF001_ENTER_REFERRERS_AGENCY);
        }
    }
    if f.self_referral_to_whole_family && f.service.is_some() {
        ctx.emit(&SELF_REFERRAL, "/route", &REF005_FAMILIES_CANNOT_REFER_THEMSELVES).related(["/service"]);
    } else if f.self_referral_to_whole_family && !ctx.has_finding_at("/service") {
        ctx.emit(&SELF_REFERRAL, "/service", &REF005_SELECT_SERVICE_OTHER_WHOLE).related(["/route"]);
    }
}

fn assessment_and_plan(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    for key in ["assessment", "plan"] {
        let part = read::object(data, key);
        match part {
            None if read::is_blank(data.get(key)) => {
                ctx.emit(&REQUIRED, crate::text!("/", key), msg!(REF001_ENTER_OPEN_CURRENT_NAME, part = key));
            }
            None => {}
            Some(obj) => match read::boolean(obj, "open") {
                None if read::is_blank(obj.get("open")) => {
                    ctx.emit(
                        &REQUIRED,
                        crate::text!("/", key, "/open"),
                        msg!(REF001_SELECT_WHETHER_NAME_OPEN, part = key),
                    );
                }
                Some(false) => {
                    ctx.emit(
                        &NOT_OPEN,
                        crate::text!("/", key, "/open"),
                        msg!(REF003_NAME_OPEN_CURRENT_REFERRAL, part = key),
                    );
                }
                _ => {}
            },
        }
    }
    let assessment_date = read::object(data, "assessment").and_then(|a| read::date(a, "date"));
    if let (Some(ad), Some(rd)) = (assessment_date, f.referral_date) {
        if calendar::add_months(ad, 12).is_some_and(|limit| limit < rd) {
            ctx.emit(&ASSESSMENT_OLD, "/assessment/date", &REF004_ASSESSMENT_MORE_12_MONTHS).related(["/referralDate"]);
        }
    }
}

fn consent(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let Some(route) = f.route.as_deref() else { return };
    if !EARLY_HELP_ROUTES.contains(&route) {
        return;
    }
    let consent = read::object(data, "consent");
    match consent.and_then(|c| read::boolean(c, "given")) {
        Some(true) => {}
        Some(false) => {
            ctx.emit(&CONSENT_NOT_GIVEN, "/consent/given", &REF015_EARLY_HELP_REFERRAL_NEEDS).related(["/route"]);
        }
        None => {
            if consent.is_none_or(|c| read::is_blank(c.get("given"))) {
                ctx.emit(&REQUIRED, "/consent/given", &REF001_SELECT_WHETHER_FAMILY_GIVEN);
            }
        }
    }
}

fn children(ctx: &mut Ctx, f: &Facts) {
    let (max_age, max_age_send) = (ctx.value(&MAX_AGE), ctx.value(&MAX_AGE_SEND));
    for (i, child) in f.children.iter().enumerate() {
        let Some(c) = child.as_object() else { continue };
        let unborn = read::boolean(c, "unborn") == Some(true);
        let dob = read::date(c, "dateOfBirth");
        if unborn {
            match read::date(c, "expectedDate") {
                None if read::is_blank(c.get("expectedDate")) => {
                    ctx.emit(
                        &REQUIRED,
                        crate::text!("/children/", i, "/expectedDate"),
                        &REF001_ENTER_EXPECTED_DATE_BIRTH,
                    );
                }
                Some(expected) if f.referral_date.is_some_and(|rd| expected <= rd) => {
                    ctx.emit(
                        &UNBORN_DATE,
                        crate::text!("/children/", i, "/expectedDate"),
                        &REF007_EXPECTED_DATE_BIRTH_AFTER,
                    )
                    .related(["/referralDate"]);
                }
                _ => {}
            }
            continue;
        }
        let Some(dob) = dob else {
            if read::is_blank(c.get("dateOfBirth")) {
                ctx.emit(&REQUIRED, crate::text!("/children/", i, "/dateOfBirth"), &REF001_ENTER_CHILDS_DATE_BIRTH);
            }
            continue;
        };
        if dob > ctx.today {
            continue;
        }
        if f.ages.contains(&(i, Age::Outside)) {
            let message = if read::boolean(c, "send") == Some(true) {
                msg!(REF006_CHILD_VALUE_MAXAGESEND_YOUNGER, child = i.saturating_add(1), maxAgeSend = max_age_send)
            } else {
                msg!(
                    REF006_CHILD_VALUE_MAXAGE_YOUNGER,
                    child = i.saturating_add(1),
                    maxAge = max_age,
                    maxAgeSend = max_age_send
                )
            };
            ctx.emit(&CHILD_AGE, crate::text!("/children/", i, "/dateOfBirth"), message)
                .related(["/referralDate", "/children/*/send"]);
        }
    }
    if !f.ages.is_empty() && f.ages.iter().all(|(_, a)| *a == Age::Outside) {
        let outside: Vec<String> = f.ages.iter().map(|(i, _)| crate::text!("/children/", i, "/dateOfBirth")).collect();
        ctx.emit(
            &NO_CHILD_IN_RANGE,
            "/children",
            msg!(REF017_CHILD_MAXAGE_YOUNGER_DATE, maxAge = max_age, maxAgeSend = max_age_send),
        )
        .related(outside.into_iter().chain(["/referralDate".to_owned()]));
    }
}

fn household(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.route.as_deref() != Some("family-connect-triage") {
        return;
    }
    for (i, child) in f.children.iter().enumerate() {
        let Some(c) = child.as_object() else { continue };
        if read::boolean(c, "unborn") != Some(true) && read::is_blank(c.get("name")) {
            ctx.emit(&HOUSEHOLD, crate::text!("/children/", i, "/name"), &REF016_ENTER_CHILDS_NAME_FAMILY)
                .related(["/route"]);
        }
    }
    let adults = read::list(data, "adults");
    if adults.is_empty() {
        ctx.emit(&HOUSEHOLD, "/adults", &REF016_ADD_ADULTS_HOUSEHOLD_FAMILY).related(["/route"]);
    }
    for (i, adult) in adults.iter().enumerate() {
        let Some(a) = adult.as_object() else { continue };
        if read::is_blank(a.get("name")) {
            ctx.emit(&HOUSEHOLD, crate::text!("/adults/", i, "/name"), &REF016_ENTER_ADULTS_NAME).related(["/route"]);
        }
        if read::is_blank(a.get("relationship")) {
            ctx.emit(&HOUSEHOLD, crate::text!("/adults/", i, "/relationship"), &REF016_ENTER_ADULTS_RELATIONSHIP_CHILD)
                .related(["/route"]);
        }
    }
}

fn criteria(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, c) in read::list(data, "criteria").iter().enumerate() {
        let Some(obj) = c.as_object() else { continue };
        let Some(id) = read::text(obj, "id") else { continue };
        match model::subcategory(&id) {
            None => {
                if !ctx.has_finding_at(&crate::text!("/criteria/", i, "/id")) {
                    ctx.emit(
                        &UNKNOWN_CRITERION,
                        crate::text!("/criteria/", i, "/id"),
                        &REF011_SELECT_CRITERION_REFERRAL_CRITERIA,
                    );
                }
            }
            Some(known) if seen.contains(&known) => {
                ctx.emit(
                    &DUPLICATE_CRITERION,
                    crate::text!("/criteria/", i, "/id"),
                    &REF012_CRITERION_ALREADY_TICKED_COUNTS,
                );
            }
            Some(known) => seen.push(known),
        }
    }

    // Eligibility counts.
    let domains = f.domains.len();
    let (need_domains, need_subs) = needed(ctx, f);
    if f.whole_family && (need_domains > 0 || need_subs > 0) {
        let want_d = ctx.value(&DOMAINS_NEEDED);
        let want_s = ctx.value(&SUBCATEGORIES_NEEDED);
        let template = match (need_domains > 0, need_subs > 0) {
            (true, true) => &REF002_NOT_MET,
            (true, false) => &REF002_DOMAINS_SHORT,
            _ => &REF002_SUBCATEGORIES_SHORT,
        };
        let message = msg!(
            *template,
            domainsNeeded = want_d,
            subcategoriesNeeded = want_s,
            moreDomains = need_domains,
            moreSubcategories = need_subs,
            domainsMet = domains,
            subcategoriesMet = f.ticked.len()
        );
        ctx.emit(&CRITERIA_NOT_MET, "/criteria", message);
    }

    // Facts that contradict a ticked sub-category.
    let objects: Vec<&Map<String, Value>> = children_objects(f.children).collect();
    if f.ticked.contains(&"attendance-below-90") {
        let recorded: Vec<f64> = objects.iter().filter_map(|c| read::number(c, "attendancePercent")).collect();
        if !recorded.is_empty() && recorded.iter().all(|p| *p >= 90.0) {
            ctx.emit(&CONTRADICTED, "/criteria", &REF009_ATTENDANCE_BELOW_90_TICKED)
                .related(["/children/*/attendancePercent"]);
        }
    }
    if let (true, Some(rd)) = (f.ticked.contains(&"missing-3-in-90"), f.referral_date) {
        let any_recorded = objects.iter().any(|c| c.get("missingEpisodes").is_some_and(Value::is_array));
        if any_recorded && !objects.iter().any(|c| episodes_in_90_days(c, rd) >= 3) {
            let from = calendar::add_days(rd, -89).map(long_date).unwrap_or_default();
            ctx.emit(&CONTRADICTED, "/criteria", msg!(REF009_MISSING_THREE_MORE_TIMES, from = from))
                .related(["/children/*/missingEpisodes", "/referralDate"]);
        }
    }
    if f.ticked.contains(&"supported-by-assessment") && f.assessment_open == Some(false) {
        ctx.emit(&CONTRADICTED, "/criteria", &REF009_SUPPORTED_ASSESSMENT_TICKED_BUT).related(["/assessment/open"]);
    }

    // Facts that support an unticked sub-category.
    for id in &f.supported {
        if f.ticked.contains(id) {
            continue;
        }
        let message = match *id {
            "supported-by-assessment" => msg!(REF010_OPEN_ASSESSMENT_SUPPORTS_CRITERION),
            "attendance-below-90" => msg!(REF010_CHILDS_RECORDED_ATTENDANCE_BELOW),
            "missing-3-in-90" => msg!(REF010_CHILD_THREE_MORE_MISSING),
            _ => msg!(REF010_OPEN_CHILD_PROTECTION_CHILD),
        };
        ctx.emit(&SUGGESTED, "/criteria", message);
    }
}

/// The domains that the ticked sub-categories cover, in table order.
pub fn domains_met(ticked: &[&str]) -> Vec<&'static str> {
    model::DOMAINS.iter().filter(|d| d.subcategories.iter().any(|(id, _)| ticked.contains(id))).map(|d| d.id).collect()
}

/// How many more domains and sub-categories are needed.
pub fn needed(ctx: &Ctx, f: &Facts) -> (i64, i64) {
    let domains = i64::try_from(f.domains.len()).unwrap_or(i64::MAX);
    let subs = i64::try_from(f.ticked.len()).unwrap_or(i64::MAX);
    (
        ctx.value(&DOMAINS_NEEDED).saturating_sub(domains).max(0),
        ctx.value(&SUBCATEGORIES_NEEDED).saturating_sub(subs).max(0),
    )
}

/// Every reason the referral cannot be accepted, as `(code, path, message)`, in the order they were found: each
/// error, and each missing answer the referral needs (a required-field or criteria finding, which is information
/// while drafting and an error at submit). The outcome's `eligible` is true only when there is none.
pub fn reasons(ctx: &Ctx) -> Vec<(String, String, String)> {
    let blocks = |d: &Diagnostic| {
        d.severity == Severity::Error
            || RULES.iter().any(|r| r.code == d.code && r.kind == crate::engine::rule::Kind::Required)
    };
    let mut out: Vec<(String, String, String)> = Vec::new();
    for d in ctx.findings().filter(|d| blocks(d)) {
        if !out.iter().any(|(c, p, m)| *c == d.code && *p == d.path && *m == d.message) {
            out.push((d.code.clone(), d.path.clone(), d.message.clone()));
        }
    }
    out
}

crate::messages! {
    REF001_ENTER_REFERRERS_NAME = "REF-001.enter-referrers-name": "Enter the referrer’s name";
    REF001_ENTER_REFERRERS_AGENCY = "REF-001.enter-referrers-agency": "Enter the referrer’s agency";
    REF005_FAMILIES_CANNOT_REFER_THEMSELVES = "REF-005.families-cannot-refer-themselves": "Families cannot refer themselves to whole family working: choose another service or another route";
    REF001_ENTER_OPEN_CURRENT_NAME = "REF-001.assessment-or-plan": "Enter the open and current {part, select, assessment {assessment} other {plan}}";
    REF001_SELECT_WHETHER_NAME_OPEN = "REF-001.whether-open": "Select whether the {part, select, assessment {assessment} other {plan}} is open";
    REF003_NAME_OPEN_CURRENT_REFERRAL = "REF-003.not-open": "The {part, select, assessment {assessment} other {plan}} must be open and current for the referral to be accepted";
    REF004_ASSESSMENT_MORE_12_MONTHS = "REF-004.assessment-more-12-months": "The assessment is more than 12 months old at the date of the referral: check it has been reviewed";
    REF015_EARLY_HELP_REFERRAL_NEEDS = "REF-015.early-help-referral-needs": "An early help referral needs the family’s consent";
    REF001_SELECT_WHETHER_FAMILY_GIVEN = "REF-001.select-whether-family-given": "Select whether the family has given consent";
    REF001_ENTER_EXPECTED_DATE_BIRTH = "REF-001.enter-expected-date-birth": "Enter the expected date of birth";
    REF007_EXPECTED_DATE_BIRTH_AFTER = "REF-007.expected-date-birth-after": "Expected date of birth must be after the date of the referral";
    REF001_ENTER_CHILDS_DATE_BIRTH = "REF-001.enter-childs-date-birth": "Enter the child’s date of birth";
    REF016_ENTER_CHILDS_NAME_FAMILY = "REF-016.enter-childs-name-family": "Enter the child’s name: a Family Connect referral gives every household member’s details";
    REF016_ADD_ADULTS_HOUSEHOLD_FAMILY = "REF-016.add-adults-household-family": "Add the adults in the household: a Family Connect referral gives every household member’s details";
    REF016_ENTER_ADULTS_NAME = "REF-016.enter-adults-name": "Enter the adult’s name";
    REF016_ENTER_ADULTS_RELATIONSHIP_CHILD = "REF-016.enter-adults-relationship-child": "Enter the adult’s relationship to the child";
    REF011_SELECT_CRITERION_REFERRAL_CRITERIA = "REF-011.select-criterion-referral-criteria": "Select a criterion from the referral criteria";
    REF012_CRITERION_ALREADY_TICKED_COUNTS = "REF-012.criterion-already-ticked-counts": "This criterion is already ticked; it counts once";
    REF002_NOT_MET = "REF-002.not-met": "The needs must meet at least {domainsNeeded} domain areas and {subcategoriesNeeded} sub-categories: {moreDomains, plural, one {# more domain} other {# more domains}} and {moreSubcategories, plural, one {# more sub-category} other {# more sub-categories}} needed ({domainsMet, plural, one {# domain} other {# domains}} and {subcategoriesMet, plural, one {# sub-category} other {# sub-categories}} met so far)";
    REF002_DOMAINS_SHORT = "REF-002.domains-short": "The needs must meet at least {domainsNeeded} domain areas and {subcategoriesNeeded} sub-categories: {moreDomains, plural, one {# more domain} other {# more domains}} needed ({domainsMet, plural, one {# domain} other {# domains}} and {subcategoriesMet, plural, one {# sub-category} other {# sub-categories}} met so far)";
    REF002_SUBCATEGORIES_SHORT = "REF-002.subcategories-short": "The needs must meet at least {domainsNeeded} domain areas and {subcategoriesNeeded} sub-categories: {moreSubcategories, plural, one {# more sub-category} other {# more sub-categories}} needed ({domainsMet, plural, one {# domain} other {# domains}} and {subcategoriesMet, plural, one {# sub-category} other {# sub-categories}} met so far)";
    REF009_ATTENDANCE_BELOW_90_TICKED = "REF-009.attendance-below-90-ticked": "Attendance below 90% is ticked, but every child’s recorded attendance is 90% or more";
    REF009_MISSING_THREE_MORE_TIMES = "REF-009.missing-three-more-times": "Missing three or more times in 90 days is ticked, but no child has three recorded missing episodes between {from} and the date of the referral";
    REF009_SUPPORTED_ASSESSMENT_TICKED_BUT = "REF-009.supported-assessment-ticked-but": "Supported by an assessment is ticked, but the assessment is recorded as not open";
    REF010_OPEN_ASSESSMENT_SUPPORTS_CRITERION = "REF-010.open-assessment-supports-criterion": "The open assessment supports the criterion “supported by an assessment”: consider ticking it";
    REF010_CHILDS_RECORDED_ATTENDANCE_BELOW = "REF-010.childs-recorded-attendance-below": "A child’s recorded attendance is below 90%: consider ticking “attendance below 90%”";
    REF010_CHILD_THREE_MORE_MISSING = "REF-010.child-three-more-missing": "A child has three or more missing episodes in the 90 days before the referral: consider ticking “missing three times or more in 90 days”";
    REF010_OPEN_CHILD_PROTECTION_CHILD = "REF-010.open-child-protection-child": "The open child protection or child in need plan supports the criterion “Children CP, Children CIN”: consider ticking it";
    REF005_SELECT_SERVICE_OTHER_WHOLE = "REF-005.select-service-other-whole": "Select a service other than whole family working: families cannot refer themselves to whole family working";
    REF006_CHILD_VALUE_MAXAGESEND_YOUNGER = "REF-006.too-old-send": "Child {child} must be {maxAgeSend} or younger at the date of the referral (children with a special educational need or disability)";
    REF006_CHILD_VALUE_MAXAGE_YOUNGER = "REF-006.too-old": "Child {child} must be {maxAge} or younger at the date of the referral, or up to {maxAgeSend} with a special educational need or disability";
    REF017_CHILD_MAXAGE_YOUNGER_DATE = "REF-017.no-child-in-range": "No child is {maxAge} or younger at the date of the referral, or up to {maxAgeSend} with a special educational need or disability: the service is for families with a child in that range";
}
