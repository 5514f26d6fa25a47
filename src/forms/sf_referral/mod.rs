//! Strengthening Families referral — `sf-referral` (002, "Referral Criteria", "STRENGTHENING FAMILIES REFERRAL
//! PATHWAY", "Whole Family Working", "STRENGTHENING FAMILIES WORK FLOW").

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};

use crate::engine::context::Ctx;
use crate::engine::outcome::{code, Code, Out, OutType as T, Tree};
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "sf-referral",
    title: "Strengthening Families referral",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// One reason in `reasons`: a finding of the report.
/// [`model::SERVICES`] with their labels, as the referral page names them (www/referral.js `SERVICES`).
const SERVICES: &[Code] = &[
    code("whole-family-working", "Whole family working"),
    code("short-term-intervention", "Short term intervention"),
    code("targeted-intervention", "Targeted intervention"),
    code("service-specific", "Service specific"),
];
/// The referral criteria's domains ([`model::DOMAINS`]), each labelled with its title (seed 002's table).
const DOMAINS: [Code; model::DOMAINS.len()] = crate::codes_of!(model::DOMAINS, |d| (d.id, d.title));
#[allow(clippy::indexing_slicing)] // Evaluated at compile time: an index out of bounds fails the build, never a check.
const SUBCATEGORY_COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < model::DOMAINS.len() {
        n += model::DOMAINS[i].subcategories.len();
        i += 1;
    }
    n
};
/// Every domain's sub-categories, in order, each labelled with the seed's wording ([`model::DOMAINS`]).
#[allow(clippy::indexing_slicing)] // Evaluated at compile time: an index out of bounds fails the build, never a check.
const SUBCATEGORIES: [Code; SUBCATEGORY_COUNT] = {
    let mut out = [code("", ""); SUBCATEGORY_COUNT];
    let (mut i, mut k) = (0, 0);
    while i < model::DOMAINS.len() {
        let subcategories = model::DOMAINS[i].subcategories;
        let mut j = 0;
        while j < subcategories.len() {
            out[k] = code(subcategories[j].0, subcategories[j].1);
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
};
const REASON: &[Out] = &[
    Out::new("code", "Rule", T::Text),
    Out::new("path", "Field", T::Text).describe("JSON Pointer of the field."),
    Out::new("message", "Message", T::Text),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("eligible", "Eligible", T::Bool).describe("Nothing stops the referral: no reason is listed in `reasons`."),
    Out::new("domainsMet", "Domains met", T::List(&T::choice(&DOMAINS)))
        .describe("The ids of the referral criteria's domains with at least one sub-category ticked."),
    Out::new("subcategoriesMet", "Sub-categories met", T::List(&T::choice(&SUBCATEGORIES)))
        .describe("The ids of the ticked sub-categories."),
    Out::new("domainsNeeded", "Domains still needed", T::Integer)
        .describe("How many more domains must be met (0 when enough are)."),
    Out::new("subcategoriesNeeded", "Sub-categories still needed", T::Integer)
        .describe("How many more sub-categories must be met (0 when enough are)."),
    Out::new("suggested", "Suggested sub-categories", T::List(&T::choice(&SUBCATEGORIES)))
        .describe("Sub-categories the other answers support that are not ticked."),
    Out::new("assessmentAndPlanOpen", "Assessment and plan open", T::Bool)
        .describe("Both the assessment and the plan are open and current."),
    Out::new("routeAllowed", "Route allowed", T::Bool).describe(
        "A route is given and it allows the service asked for (a self-referral cannot be to whole family working).",
    ),
    Out::new("service", "Service", T::choice(SERVICES))
        .describe("The service asked for; whole family working when none is given."),
    Out::new("criteriaApply", "Referral criteria apply", T::Bool)
        .describe("The domain and sub-category thresholds apply (whole family working)."),
    Out::new("childrenInAgeRange", "Children in the age range", T::Integer),
    Out::new("childrenOutsideAgeRange", "Children outside the age range", T::List(&T::Text))
        .describe("JSON Pointers of the children outside the service's age range."),
    Out::new("reasons", "Reasons the referral cannot be accepted", T::List(&T::Object(REASON)))
        .describe("Each error, and each missing required answer, that stops the referral, as the report gives it."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    let facts = rules::facts(data, ctx);
    rules::check(data, ctx, &facts);
    Some(outcome(ctx, &facts))
}

/// Domains and sub-categories met, how many more are needed, suggestions from the recorded facts, whether the
/// assessment and plan are open, and whether the referral is eligible with every reason it is not. `eligible` never
/// overstates: it is false while any reason stands, and every error the report holds is a reason. Typed by the
/// declared model (`OUTCOME`, `REASON`), so the report is written from it directly.
fn outcome(ctx: &Ctx, f: &rules::Facts) -> Tree {
    let texts = |xs: Vec<&'static str>| Tree::List(xs.into_iter().map(Tree::Text).collect());
    // In table order.
    let mut subcategories: Vec<&'static str> = Vec::new();
    for d in model::DOMAINS {
        subcategories.extend(d.subcategories.iter().map(|(id, _)| *id).filter(|id| f.ticked.contains(id)));
    }
    let (domains_needed, subcategories_needed) = rules::needed(ctx, f);
    let suggested: Vec<&'static str> = f.supported.iter().copied().filter(|id| !f.ticked.contains(id)).collect();
    let open = f.assessment_open == Some(true) && f.plan_open == Some(true);
    let route_allowed = f.route.is_some() && !f.self_referral_to_whole_family;
    let reasons = rules::reasons(ctx);
    let inside = f.ages.iter().filter(|(_, a)| *a == rules::Age::Inside).count();
    let outside = f
        .ages
        .iter()
        .filter(|(_, a)| *a == rules::Age::Outside)
        .map(|(i, _)| Tree::String(crate::text!("/children/", i)))
        .collect();
    let service = match f.service.as_deref() {
        Some(s) => Tree::String(s.to_owned()),
        None => Tree::Text("whole-family-working"),
    };
    Tree::Object(
        OUTCOME,
        vec![
            Tree::Bool(reasons.is_empty()),
            texts(f.domains.clone()),
            texts(subcategories),
            Tree::Int(domains_needed),
            Tree::Int(subcategories_needed),
            texts(suggested),
            Tree::Bool(open),
            Tree::Bool(route_allowed),
            service,
            Tree::Bool(f.whole_family),
            Tree::from(inside),
            Tree::List(outside),
            Tree::List(
                reasons
                    .into_iter()
                    .map(|(code, path, message)| {
                        Tree::Object(REASON, vec![Tree::String(code), Tree::String(path), Tree::String(message)])
                    })
                    .collect(),
            ),
        ],
    )
}
