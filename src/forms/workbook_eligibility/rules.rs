//! The workbook eligibility rules: one declaration and one check function each.

use crate::engine::value::{Map, Value};

use super::model::{DISABILITY, ISSUES, WORKBOOK_ISSUES};
use crate::engine::context::Ctx;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_004};
use crate::rule;

const SECTION: &str = "How will the journey change for staff?";

rule!(
    REQUIRED,
    "WBE-001",
    "missing-required-field",
    Error,
    Required,
    ["/issues", "/children"],
    Cite::same(SEED_004, SECTION),
    "A field the check needs is missing: the issues in the family, or at least one child.",
    "A team workbook is initiated when a family is referred-in where there are issues of substance abuse, mental health or domestic abuse"
);

rule!(NOT_REQUIRED, "WBE-002", "workbook-not-required", Info, Check, ["/issues"],
    Cite::same(SEED_004, SECTION),
    "None of substance misuse, mental health or domestic abuse is among the family's issues, so no team workbook is started.",
    "A team workbook is initiated when a family is referred-in where there are issues of substance abuse, mental health or domestic abuse");

rule!(
    CONTEXTUAL,
    "WBE-003",
    "child-excluded-contextual-issues",
    Info,
    Check,
    ["/children/*/contextualIssuesOnly"],
    Cite::same(SEED_004, SECTION),
    "A child whose issues are only contextual is not included in the workbook.",
    "The unborn/child/children are included unless have contextual issues"
);

rule!(SPECIALIST, "WBE-004", "child-excluded-specialist-disability", Info, Check, ["/children/*/disability", "/children/*/contextualIssuesOnly"],
    Cite::same(SEED_004, SECTION),
    "A child with complex and specialist disability needs (the specialist team's) is not included in the workbook; a child with a disability in a Family Safeguarding team is.",
    "Children with a disability where they are in a FS team are included, those with complex and specialist disability issues (in the specialist team) are not");

pub static RULES: &[&Rule] = &[&REQUIRED, &NOT_REQUIRED, &CONTEXTUAL, &SPECIALIST];

/// Whether the family's issues start a team workbook; `None` when no issue is recorded, or one is not on the list
/// (it may be a workbook issue mistyped).
pub fn workbook_required(data: &Map<String, Value>) -> Option<bool> {
    let issues: Vec<&str> = read::list(data, "issues").iter().filter_map(Value::as_str).map(str::trim).collect();
    if issues.iter().any(|i| WORKBOOK_ISSUES.contains(i)) {
        return Some(true);
    }
    let all_known = issues.iter().all(|i| ISSUES.contains(i));
    (!issues.is_empty() && all_known).then_some(false)
}

/// Why a child is not included, if they are not.
pub fn exclusion(child: &Map<String, Value>) -> Option<&'static str> {
    if read::boolean(child, "contextualIssuesOnly") == Some(true) {
        Some("contextual-issues-only")
    } else if read::choice(child, "disability", DISABILITY).as_deref() == Some("complex-specialist") {
        Some("complex-specialist-disability")
    } else {
        None
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    if workbook_required(data) == Some(false) {
        ctx.emit(&NOT_REQUIRED, "/issues", &WBE002_TEAM_WORKBOOK_STARTED_THERE);
    }
    for (i, row) in read::list(data, "children").iter().enumerate() {
        let Some(c) = row.as_object() else { continue };
        match exclusion(c) {
            Some("contextual-issues-only") => {
                ctx.emit(
                    &CONTEXTUAL,
                    crate::text!("/children/", i, "/contextualIssuesOnly"),
                    &WBE003_CHILD_INCLUDED_WORKBOOK_THEIR,
                );
            }
            Some(_) => {
                ctx.emit(
                    &SPECIALIST,
                    crate::text!("/children/", i, "/disability"),
                    &WBE004_CHILD_INCLUDED_WORKBOOK_THEIR,
                );
            }
            None => {}
        }
    }
}

crate::messages! {
    WBE002_TEAM_WORKBOOK_STARTED_THERE = "WBE-002.team-workbook-started-there": "A team workbook is not started: there are no issues of substance misuse, mental health or domestic abuse";
    WBE003_CHILD_INCLUDED_WORKBOOK_THEIR = "WBE-003.child-included-workbook-their": "This child is not included in the workbook: their issues are only contextual";
    WBE004_CHILD_INCLUDED_WORKBOOK_THEIR = "WBE-004.child-included-workbook-their": "This child is not included in the workbook: their complex and specialist disability needs are met by the specialist team";
}
