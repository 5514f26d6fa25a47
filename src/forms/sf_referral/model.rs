//! The referral as submitted: every field optional, read leniently.

use crate::engine::model::{Field, Kind, LONG_TEXT_MAX};

pub const ROUTES: &[&str] = &[
    "early-help-assessment",
    "early-help-support-plan",
    "social-work-assessment",
    "section-47",
    "ccs",
    "child-in-need-plan",
    "child-protection-plan",
    "health",
    "education",
    "family-connect-triage",
    "targeted-group",
    "locality-transfer",
    "self-referral",
];

/// Routes that are early help (non-statutory): consent must be recorded (interpreted from the consent boxes of the
/// targeted group and external EHA procedures).
pub const EARLY_HELP_ROUTES: &[&str] =
    &["early-help-assessment", "early-help-support-plan", "targeted-group", "self-referral"];

pub const SERVICES: &[&str] =
    &["whole-family-working", "short-term-intervention", "targeted-intervention", "service-specific"];
pub const ASSESSMENT_TYPES: &[&str] =
    &["early-help-assessment", "early-help-support-plan", "social-work-assessment", "partner-assessment"];
pub const PLAN_TYPES: &[&str] =
    &["early-help-support-plan", "child-in-need-plan", "child-protection-plan", "partner-plan"];

/// The referral criteria table (002, "Referral Criteria"): six domain areas and their sub-categories. The seed's
/// table is flattened; the grouping is read from its order, and "Children CP, Children CIN" is one sub-category.
pub struct Domain {
    pub id: &'static str,
    pub title: &'static str,
    pub subcategories: &'static [(&'static str, &'static str)],
}

pub const DOMAINS: &[Domain] = &[
    Domain {
        id: "need-help",
        title: "Children and families who need help",
        subcategories: &[(
            "supported-by-assessment",
            "Any child supported by the Early help assessment, a Social work assessment or other partner assessment",
        )],
    },
    Domain {
        id: "youth-crime",
        title: "Youth crime, antisocial behaviour and criminal exploitation",
        subcategories: &[
            ("asb-level-2", "At least level 2 ASB letter"),
            ("youth-offending", "Open to youth offending"),
        ],
    },
    Domain {
        id: "adult-crime",
        title: "Adult crime",
        subcategories: &[
            (
                "adult-offending",
                "An adult living in the family home is known to have committed and investigated for a crime in the last 12 months",
            ),
            ("parent-prison", "A parent is in or about to be released from prison"),
        ],
    },
    Domain {
        id: "school-attendance",
        title: "School attendance",
        subcategories: &[
            ("attendance-below-90", "A child with absences from school where overall attendance is below 90%"),
            ("vulnerable-learner", "Children who are identified as a vulnerable learner"),
            ("repeated-exclusions", "Children who have repeated fixed term or permanent exclusions"),
            ("not-registered", "A child who is not registered with a school"),
        ],
    },
    Domain {
        id: "ensuring-safety",
        title: "Ensuring safety",
        subcategories: &[
            (
                "missing-3-in-90",
                "Children who go missing three times or more in the last 90 days and is eligible for a return home interview",
            ),
            ("cse-risk", "A child who is at risk of sexual exploitation"),
            ("radicalisation-risk", "A child who is at risk of radicalisation"),
            ("fgm-risk", "A child who is at risk of FGM"),
            ("trafficking-risk", "A child who is at risk of trafficking"),
            ("cp-or-cin", "Children CP, Children CIN"),
        ],
    },
    Domain {
        id: "parenting",
        title: "Parenting",
        subcategories: &[
            ("complex-needs", "Children with additional complex needs"),
            ("parental-substance-misuse", "Evidence of parental drug and alcohol use"),
            ("domestic-abuse", "Evidence of domestic abuse"),
            ("parental-mental-health", "Diagnosed parental mental health issues"),
            ("physical-chastisement", "Where there is physical chastisement"),
            ("left-unattended", "Children have been repeatedly left unattended"),
            ("missing-not-reported", "Children who repeatedly go missing and/or not reported"),
            (
                "home-conditions",
                "Current home conditions around hoarding safety and hygiene are impacting on the welfare of the child",
            ),
            ("homelessness-risk", "There is imminent risk of the family becoming homeless"),
            ("no-recourse-public-funds", "No recourse to public funds"),
        ],
    },
];

/// The domain a sub-category belongs to.
pub fn domain_of(subcategory: &str) -> Option<&'static Domain> {
    DOMAINS.iter().find(|d| d.subcategories.iter().any(|(id, _)| *id == subcategory))
}

/// Every sub-category id, in table order.
pub fn subcategory_ids() -> impl Iterator<Item = &'static str> {
    DOMAINS.iter().flat_map(|d| d.subcategories.iter().map(|(id, _)| *id))
}

/// The sub-category with this id, as the table holds it. Loops, not [`subcategory_ids`]: its flattening iterator,
/// compiled at each place the rules look an id up, was about 1 kB of the referral's module.
pub fn subcategory(id: &str) -> Option<&'static str> {
    for d in DOMAINS {
        for (s, _) in d.subcategories {
            if *s == id {
                return Some(s);
            }
        }
    }
    None
}

const REFERRER: &[Field] = &[
    Field::text("name", "Referrer’s name"),
    Field::text("agency", "Referrer’s agency"),
    Field::text("role", "Referrer’s role"),
    Field::new("email", "Referrer’s email address", Kind::EMAIL),
    Field::new("phone", "Referrer’s telephone number", Kind::PHONE),
];

const ADDRESS: &[Field] = &[
    Field::text("line1", "Address line 1"),
    Field::text("line2", "Address line 2"),
    Field::text("town", "Town or city"),
    Field::new("postcode", "Postcode", Kind::POSTCODE),
];

const ASSESSMENT: &[Field] = &[
    Field::choice("type", "Type of assessment", ASSESSMENT_TYPES),
    Field::date("date", "Date of the assessment"),
    Field::boolean("open", "Whether the assessment is open"),
];

const PLAN: &[Field] = &[
    Field::choice("type", "Type of plan", PLAN_TYPES),
    Field::date("date", "Date of the plan"),
    Field::boolean("open", "Whether the plan is open"),
];

const CONSENT: &[Field] = &[
    Field::boolean("given", "Whether consent was given"),
    Field::date("date", "Date consent was given"),
    Field::text("by", "Who gave consent"),
];

const CHILD: &[Field] = &[
    Field::text("name", "Child’s name"),
    Field::date("dateOfBirth", "Date of birth"),
    Field::boolean("unborn", "Whether the child is unborn"),
    Field::date("expectedDate", "Expected date of birth"),
    Field::boolean("send", "Whether the child has a special educational need or disability"),
    Field::number("attendancePercent", "School attendance", 0, 100).help("Overall school attendance, in percent."),
    Field::list("missingEpisodes", "Date the child went missing", &Kind::Date, 200),
    Field::text("school", "School"),
];

const ADULT: &[Field] = &[
    Field::text("name", "Adult’s name"),
    Field::text("relationship", "Relationship to the child"),
    Field::date("dateOfBirth", "Adult’s date of birth"),
];

const CRITERION: &[Field] = &[
    Field::new("id", "Referral criterion", Kind::Text { max: 64 }),
    Field::new("evidence", "Evidence for the criterion", Kind::Text { max: LONG_TEXT_MAX }),
];

pub const FIELDS: &[Field] = &[
    Field::date("referralDate", "Date of the referral").required_with("Enter the "),
    Field::date("receivedOn", "Date the referral was received"),
    Field::choice("route", "Referral route", ROUTES).required_with("Select the "),
    Field::choice("service", "Service", SERVICES),
    Field::object("referrer", "Referrer", REFERRER),
    Field::object("address", "Family address", ADDRESS),
    Field::object("assessment", "Assessment", ASSESSMENT)
        .help("The open and current assessment: there must be one for the referral to be accepted."),
    Field::object("plan", "Plan", PLAN)
        .help("The open and current plan: there must be one for the referral to be accepted."),
    Field::object("consent", "Consent", CONSENT),
    Field::local("locality", "Locality"),
    Field::list("children", "Children", &Kind::Object(CHILD), 30).required("Add at least one child"),
    Field::list("adults", "Adults in the household", &Kind::Object(ADULT), 30),
    Field::list("criteria", "Referral criteria", &Kind::Object(CRITERION), 60).help(
        "The sub-categories of the referral criteria that the referrer says are met, each with optional evidence.",
    ),
];
