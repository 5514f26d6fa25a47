//! The case file audit as submitted (002, "ATTACHMENT ONE – CASE AUDIT TOOL"): every field optional, read leniently.
//!
//! The 39 graded questions are declared once, in [`QUESTIONS`], with the seed's own wording; the model's `answers`
//! fields are made from the same table (their help text is the seed's wording), so a page can show either.

use crate::engine::model::{Field, Kind, LONG_TEXT_MAX};

pub const AUDIT_TYPES: &[&str] = &["practitioner", "cross-locality"];
/// The themes of the cross-locality audits ("Locality Themed Audits Timetable").
pub const THEMES: &[&str] =
    &["cse-ce", "domestic-abuse", "neglect", "re-referrals-12-months", "open-12-months-plus", "cin"];
/// The themes in the timetable's words ("CSE/CE", "Re-referrals within 12 months", "12 month plus open cases"), as
/// AUD-019's message names them.
pub const THEME_TITLES: &[(&str, &str)] = &[
    ("cse-ce", "CSE/CE"),
    ("re-referrals-12-months", "Re-referrals within 12 months"),
    ("open-12-months-plus", "Cases open 12 months or more"),
];
/// "Case status (CP/Step Down/CIN/Strengthening Families/CIC)".
pub const CASE_STATUSES: &[&str] = &["cp", "step-down", "cin", "strengthening-families", "cic"];
pub const YES_NO: &[&str] = &["yes", "no"];
/// Which early help document the Family Circle timescale counts from.
pub const ASSESSMENT_KINDS: &[&str] = &["eha", "ehsp"];

/// The grade for "not applicable": left out of every mean.
pub const NOT_APPLICABLE: u8 = 5;

/// "Quality of Case File Measure": the label of each grade.
pub const GRADE_LABELS: &[(u8, &str)] =
    &[(1, "Exceeds good"), (2, "Good"), (3, "Requires improvement"), (4, "Inadequate"), (5, "N/A")];

/// The label of a grade 1–5.
pub fn grade_label(grade: u8) -> Option<&'static str> {
    GRADE_LABELS.iter().find(|(g, _)| *g == grade).map(|(_, l)| *l)
}

/// A section of the audit tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    /// Sentence case; the seed writes the headings in capitals ("BASIC REQUIRED INFORMATION").
    pub title: &'static str,
}

pub const SECTIONS: &[Section] = &[
    Section { id: "basic", title: "Basic required information" },
    Section { id: "assessment", title: "Assessment" },
    Section { id: "plans", title: "Support plans" },
    Section { id: "recording", title: "Recording" },
    Section { id: "oversight", title: "Management oversight" },
    Section { id: "diversity", title: "Diversity" },
];

/// One graded question of the audit tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// The product's id, `<section>.<name>`: the key in `answers`.
    pub id: &'static str,
    /// The id of its section in [`SECTIONS`].
    pub section: &'static str,
    /// What it asks about, for the middle of a sentence ("timely allocation").
    pub topic: &'static str,
    /// The seed's wording, the help of the question's field (with the `catalogue` feature only, like every
    /// catalogue text: the package reads it from catalogue.json).
    #[cfg(feature = "catalogue")]
    pub text: &'static str,
}

/// Declares the questions once and makes both the table and the `answers` fields from it.
macro_rules! questions {
    ($( $id:literal, $section:literal, $topic:literal, $text:literal; )*) => {
        /// The 39 graded questions, in the order of the audit tool, with the seed's wording.
        pub const QUESTIONS: &[Question] = &[ $( Question { id: $id, section: $section, topic: $topic, #[cfg(feature = "catalogue")] text: $text } ),* ];
        /// The fields of `answers`: one grade 1–5 per question, labelled by its topic, its help the seed's wording.
        pub const ANSWER_FIELDS: &[Field] = &[ $(
            Field::integer($id, concat!("Grade for ", $topic), 1, 5)
                .required_with("Select a ")
                .help($text)
        ),* ];
    };
}

questions! {
    "basic.demographics", "basic", "demographic information",
        "All demographic information is recorded and up to date, including ethnicity, religion, disability, SEN, correct address, contact numbers, Family Members linked";
    "basic.referral-route", "basic", "the referral route",
        "Referral Route has followed SOPS";
    "basic.allocation-date-clear", "basic", "the date of allocation being clear",
        "The date of allocation is clear.";
    "basic.allocation-timely", "basic", "timely allocation",
        "The allocation is timely (2 weeks outstanding / 12 weeks inadequate).";
    "basic.allocation-discussion", "basic", "the allocation discussion",
        "The initial allocation discussion with Line Manager/relevant other is recorded with actions identified.";
    "basic.referrer-notified", "basic", "notifying the referrer",
        "There is evidence that the referrer has been notified of the case allocation (exception Family Connect).";
    "basic.contact-5-days", "basic", "contact within 5 working days",
        "The allocated worker made contact with the family within 5 working days";
    "assessment.at-referral", "assessment", "an assessment at referral",
        "A EHA/EHSP/C&F/Other assessment was provided at point of referral (excluding step down)";
    "assessment.within-10-weeks", "assessment", "an assessment within 10 weeks",
        "If no assessment, was one completed within 10 weeks of Allocation?";
    "assessment.reviewed-12-months", "assessment", "reviewing an assessment older than 12 months",
        "If assessment is older than 12 months it been reviewed";
    "assessment.all-members", "assessment", "including all family members",
        "Is there evidence that all family members living in the household have been included in the assessment and have their needs been considered?";
    "assessment.additional-support", "assessment", "recognising additional support",
        "Does the assessment recognise additional support needed?";
    "assessment.first-circle", "assessment", "the first Family Circle",
        "The first Family Circle has been completed within 6 weeks of allocation if EHA or 8 weeks if EHSP";
    "assessment.circle-8-weekly", "assessment", "reviewing the Family Circle every 8 weeks",
        "The Family circle is reviewed every 8 weeks";
    "assessment.circle-representative", "assessment", "the Family Circle representing the case",
        "The Family Circle gives a good representation of the case";
    "assessment.child-views", "assessment", "the child’s views",
        "There is evidence of child’s views in assessments and Family circles.";
    "assessment.parent-views", "assessment", "parents’ and carers’ views",
        "There is evidence of parents/carers views in assessments and Family circles.";
    "assessment.absent-parent", "assessment", "exploring an absent parent’s role",
        "There is evidence that the role and status of an absent parent has been explored.";
    "assessment.risks", "assessment", "identifying and addressing risks",
        "Risks are identified and addressed";
    "assessment.strengths", "assessment", "protective factors and strengths",
        "Protective factors/strengths are identified and recorded";
    "assessment.multi-agency", "assessment", "multi-agency working",
        "There is evidence of effective multi-agency working";
    "plans.reflects-referral", "plans", "the plan reflecting the referral and assessment",
        "The support plan reflects the referral and assessment findings";
    "plans.up-to-date", "plans", "the plan being up to date",
        "Support plan is up to date";
    "plans.children-involved", "plans", "involving the children in the plan",
        "There is evidence that all children/YP being supported are involved in Support Plans";
    "plans.parents-involved", "plans", "involving parents and carers in the plan",
        "There is evidence that parent/carers/significant others are involved in Support Plans";
    "plans.multi-agency", "plans", "multi-agency working in the plan",
        "There is evidence of multi-agency partnership working in Support Plans";
    "plans.planned-exit", "plans", "a planned exit",
        "A planned exit is evidenced on Support Plans";
    "recording.childs-journey", "recording", "case notes showing the child’s journey",
        "The case notes reflect the work undertaken and give a sense of the Childs journey.";
    "recording.notes-quality", "recording", "the quality of case notes",
        "Case notes are up to date and of good quality";
    "recording.home-visits", "recording", "home visits",
        "Visits to the home address occur as appropriate to meet needs of family";
    "recording.visit-timing", "recording", "the timing of visits",
        "Visits to the Family occur at times to address needs identified in Assessment";
    "recording.early-visits", "recording", "morning or early visits",
        "Where identified in the support plan there is evidence of morning/early visits";
    "recording.weekend-visits", "recording", "weekend visits",
        "Where identified in the support plan there is evidence of weekend visits";
    "recording.child-wishes", "recording", "direct work on each child’s wishes and feelings",
        "There is evidence that direct work has been undertaken to obtain each child/YP’s wishes and feelings";
    "recording.parent-wishes", "recording", "direct work on parents’ wishes and feelings",
        "There is evidence that direct work has been undertaken to obtain parent/carer’s wishes and feelings";
    "recording.whole-family", "recording", "whole family working",
        "There is evidence that whole family working where child and parent have been seen together, has been undertaken";
    "oversight.supervision", "oversight", "case supervision records",
        "There are records of Case supervision in line with current policy";
    "oversight.decisions", "oversight", "evidenced decision making",
        "Decision making is evidenced";
    // The seed's text of this row is cut off at the table's edge; the cut words are completed in brackets only where
    // the letters leave no doubt, and the lost words are marked "…".
    "diversity.needs-considered", "diversity", "diversity needs",
        "There is evidence that gend[er] … disability/SEN, communicati[on] … where there is clearly a nee[d] …";
}

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// Each question's section, by its place in [`SECTIONS`] (`u8::MAX` for none), worked out when the crate is
/// compiled: the scoring groups the grades by it, and comparing the 39 questions' section ids at run time was a
/// byte-by-byte `memcmp` each in the WebAssembly module.
// Evaluated at compile time: an index out of range here fails the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
pub const SECTION_OF: [u8; QUESTION_COUNT] = {
    let mut out = [u8::MAX; QUESTION_COUNT];
    let mut i = 0;
    while i < QUESTION_COUNT {
        let mut s = 0;
        while s < SECTIONS.len() {
            if same(SECTIONS[s].id, QUESTIONS[i].section) {
                out[i] = s as u8;
                break;
            }
            s += 1;
        }
        i += 1;
    }
    out
};

/// How many questions the tool has, and how many top-level fields the model has: the sizes of the rules' tables.
pub const QUESTION_COUNT: usize = QUESTIONS.len();
pub const FIELD_COUNT: usize = FIELDS.len();

/// Whether two texts are the same (for the compile-time look-ups below, and a suggestion's question at run time:
/// the lengths first, as most of the tool's question ids differ in length and share their first word).
const fn same(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a, b) {
            ([], []) => return true,
            ([x, rest_a @ ..], [y, rest_b @ ..]) if *x == *y => {
                a = rest_a;
                b = rest_b;
            }
            _ => return false,
        }
    }
}

/// The place of the top-level field `name` in [`FIELDS`], worked out when the crate is compiled; [`FIELD_COUNT`]
/// when there is none (the rules assert their places are below it, so a misspelt name stops the build).
pub const fn field_place(name: &str) -> usize {
    place_in(FIELDS, name)
}

/// The place of the field `name` in `fields`; `fields.len()` when there is none.
pub const fn place_in(fields: &[Field], name: &str) -> usize {
    let (mut rest, mut place) = (fields, 0usize);
    while let [field, tail @ ..] = rest {
        if same(field.name, name) {
            return place;
        }
        rest = tail;
        place = place.saturating_add(1);
    }
    place
}

/// The place of the question `id` in [`QUESTIONS`]; [`QUESTION_COUNT`] when there is none.
pub const fn question_place(id: &str) -> usize {
    let (mut rest, mut place) = (QUESTIONS, 0usize);
    while let [question, tail @ ..] = rest {
        if same(question.id, id) {
            return place;
        }
        rest = tail;
        place = place.saturating_add(1);
    }
    place
}

const CHILD: &[Field] = &[
    Field::text("name", "Name of the child or young person"),
    Field::text("familyNames", "Family name or names"),
    Field::date("dateOfBirth", "Child’s date of birth"),
];

const ASSESSMENT: &[Field] = &[
    Field::text("type", "Type of the most recent assessment"),
    Field::date("date", "Date of the most recent assessment"),
];

const SUPPORT_PLAN: &[Field] = &[
    Field::text("type", "Type of the most recent support plan"),
    Field::date("date", "Date of the most recent support plan"),
];

const YES_NO_ANSWER: &[Field] = &[
    Field::choice("answer", "Yes or no answer", YES_NO),
    Field::new("comments", "Reasons or comments", Kind::Text { max: LONG_TEXT_MAX }),
];

const REMEDIAL_ACTION: &[Field] = &[
    Field::long_text("action", "Remedial action"),
    Field::date("dueDate", "Date the action is to be completed by"),
    Field::long_text("lineManagerComment", "Line manager’s comment on how the action was addressed"),
    Field::date("completedOn", "Date the action was completed"),
    Field::new("lineManagerInitials", "Initials of the line manager", Kind::Text { max: 10 }),
];

pub const EVIDENCE: &[Field] = &[
    Field::date("referralDate", "Date of referral"),
    Field::date("allocationDate", "Date of allocation").help("When blank, the header’s date allocated is used."),
    Field::date("firstContactDate", "Date of the first contact with the family"),
    Field::boolean("assessmentAtReferral", "Whether an assessment was provided at referral"),
    Field::date("assessmentCompletedDate", "Date the assessment was completed"),
    Field::choice("assessmentKind", "Kind of early help document", ASSESSMENT_KINDS)
        .help("EHA: the first Family Circle is due 6 weeks after allocation; EHSP: 8 weeks."),
    Field::list("familyCircleDates", "Date of a Family Circle", &Kind::Date, 60),
    Field::boolean("referredByFamilyConnect", "Whether the referral came from Family Connect")
        .help("The referrer-notified question does not apply to a Family Connect referral."),
];

pub const FIELDS: &[Field] = &[
    Field::choice("auditType", "Type of audit", AUDIT_TYPES).required_with("Select the "),
    Field::choice("theme", "Theme of the audit", THEMES).titles(THEME_TITLES),
    Field::boolean("practitionerPresent", "Whether the practitioner was present")
        .help("A cross-locality audit takes place in the practitioner’s locality with the practitioner present."),
    Field::local("locality", "Locality area"),
    Field::date("auditDate", "Date of the audit").required_with("Enter the "),
    Field::date("previousAuditOn", "Date of the practitioner’s previous case file audit")
        .help("Practitioner audits: case file audits of a practitioner are bi-monthly."),
    Field::text("caseWorker", "Current case worker").required_with("Enter the "),
    Field::new("llcsNumber", "LLCS number", Kind::Text { max: 32 }).required_with("Enter the "),
    Field::date("dateAllocated", "Date allocated"),
    Field::text("previousCaseWorker", "Previous case worker"),
    Field::date("previousAllocated", "Date the previous case worker was allocated"),
    Field::date("previousClosed", "Date the previous case worker’s allocation closed"),
    Field::text("lineManager", "Current line manager as recorded"),
    Field::list("auditors", "Auditor", &Kind::Text { max: 200 }, 10).required_with("Add at least one "),
    Field::choice("caseStatus", "Case status", CASE_STATUSES).required_with("Select the "),
    Field::object("child", "Child or young person", CHILD),
    Field::object("answers", "Grades", ANSWER_FIELDS)
        .required("Grade the questions of the audit tool")
        .help("One grade per question: 1 Exceeds good, 2 Good, 3 Requires improvement, 4 Inadequate, 5 N/A."),
    Field::object("mostRecentAssessment", "Most recent assessment", ASSESSMENT),
    Field::object("mostRecentSupportPlan", "Most recent support plan", SUPPORT_PLAN),
    Field::date("mostRecentSupervision", "Date of the most recent supervision"),
    Field::object("childSafe", "Whether the auditors are satisfied the child is safe", YES_NO_ANSWER),
    Field::object("lifeImproved", "Whether the work has improved the family’s life", YES_NO_ANSWER),
    Field::object("directObservation", "Whether a direct observation of the case was undertaken", YES_NO_ANSWER),
    Field::integer("overallGrade", "Auditors’ overall score", 1, 5).required_with("Select the "),
    Field::long_text("generalComments", "General comments"),
    Field::list("remedialActions", "Remedial actions", &Kind::Object(REMEDIAL_ACTION), 30),
    Field::long_text("lessonsLearnt", "Lessons learnt"),
    Field::object("evidence", "Evidence from the case record", EVIDENCE).help(
        "Dates the audit can check its own grades against: referral, allocation, first contact, assessment, Family Circles.",
    ),
];
