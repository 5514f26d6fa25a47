//! The child file's rules: one declaration per expected document, and the checks.

use std::borrow::Cow;

use crate::engine::case;
use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{DOCUMENT_KINDS, EPISODE_KINDS, RECORDER_ROLES};
use crate::calendar;
use crate::engine::context::Ctx;
use crate::engine::messages::Template;
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_000};
use crate::msg;
use crate::rule;

const SECTION: &str = "MOSAIC Documents of each child's electronic file:";

rule!(REQUIRED, "CFD-001", "missing-required-field", Error, Required, ["/openedOn", "/documents/*/kind", "/documents/*"],
    Cite::interpreted(SEED_000, SECTION),
    "A field the check needs is missing: the date the case was opened (the case summary timescale runs from it), or a document's kind.",
    "Case summary every three months");

rule!(
    CFA_MISSING,
    "CFD-002",
    "child-and-family-assessment-missing",
    Warning,
    Check,
    ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has no Child and Family Assessment.",
    "Child and Family Assessment completed by Assessment and Intervention Service"
);

rule!(PLAN_MISSING, "CFD-003", "plan-missing", Warning, Check, ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has none of the plans: a child in need plan, a child protection plan, or a children we care for care plan.",
    "At least one of these plans: 1. Child in Need Plan 2. Child Protection Plan 3. Children We Care For Care Plan.");

rule!(REVIEW_MISSING, "CFD-004", "review-missing", Warning, Check, ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has none of the reviews: a child in need review, a children we care for statutory review, or a child protection conference report together with core group minutes.",
    "At least one of these reviews: 1. Child in Need Review 2. Child Protection Conference Report and Core Group Minutes 3. Children We Care For Care Statutory Review");

rule!(
    CHRONOLOGY_MISSING,
    "CFD-005",
    "chronology-missing",
    Warning,
    Check,
    ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has no chronology.",
    "Chronology"
);

rule!(
    PROGRAMME_MISSING,
    "CFD-006",
    "family-programme-missing",
    Warning,
    Check,
    ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has no Family Programme.",
    "Family Programme"
);

rule!(
    SUPERVISION_MISSING,
    "CFD-007",
    "group-supervision-missing",
    Warning,
    Check,
    ["/documents/*/kind"],
    Cite::same(SEED_000, SECTION),
    "The file has no group supervision record.",
    "Group Supervision"
);

rule!(SUMMARY_MISSING, "CFD-008", "workbook-summary-missing", Warning, Check,
    ["/documents/*/kind", "/documents/*/date", "/documents/*/worker", "/supervisionDates", "/involvedWorkers/*/name", "/openedOn"],
    Cite::interpreted(SEED_000, SECTION),
    "An involved worker has no workbook summary dated in a period between group supervisions (after the previous supervision, or the opening, and on or before the supervision). Summaries are matched to workers by name; with no involved workers listed, any summary counts.",
    "Workbook Summary (One for each period between supervisions, aligned with our Supervision Policy)");

/// How often a case summary is written.
pub static CASE_SUMMARY_MONTHS: Param = Param { key: "child-file.caseSummaryMonths", default: 3, unit: "months" };

rule!(CASE_SUMMARY_OVERDUE, "CFD-009", "case-summary-overdue", Warning, Check,
    ["/documents/*/kind", "/documents/*/date", "/openedOn"],
    Cite::interpreted(SEED_000, SECTION),
    "More than three months passed without a case summary: since the case was opened, between two summaries, or up to today. \"Every three months\" is read as by the same day three months on (the month's last day when shorter).",
    "Case summary every three months",
    params = [CASE_SUMMARY_MONTHS]);

rule!(VISIT_EPISODES, "CFD-010", "visit-episodes-used", Warning, Check,
    ["/visitEpisodes/*/kind", "/visitEpisodes/*/recordedBy"],
    Cite::same(SEED_000, "Introduction"),
    "The social worker recorded a visit episode or a general case note, which the service does not use: recordings are in the Family Programme and workbook summaries (managers record management oversight in case notes).",
    "Within the Family Safeguarding Service, social workers use neither the Child in Need Visit, Child Protection Visit or Children We Care Visit Episodes, nor general case notes, because all recordings are captured within the Family Programme and Workbook Summaries.");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &CFA_MISSING,
    &PLAN_MISSING,
    &REVIEW_MISSING,
    &CHRONOLOGY_MISSING,
    &PROGRAMME_MISSING,
    &SUPERVISION_MISSING,
    &SUMMARY_MISSING,
    &CASE_SUMMARY_OVERDUE,
    &VISIT_EPISODES,
];

/// A document as listed: its index, kind, date and worker.
pub struct Document<'a> {
    pub index: usize,
    pub kind: &'static str,
    pub date: Option<NaiveDate>,
    pub worker: Option<Cow<'a, str>>,
}

pub fn documents(data: &Map<String, Value>) -> Vec<Document<'_>> {
    read::list(data, "documents")
        .iter()
        .enumerate()
        .filter_map(|(index, v)| v.as_object().map(|d| (index, d)))
        .filter_map(|(index, d)| {
            let kind = read::text(d, "kind")?;
            let kind = DOCUMENT_KINDS.iter().copied().find(|k| *k == kind.as_ref())?;
            Some(Document { index, kind, date: read::date(d, "date"), worker: read::text(d, "worker") })
        })
        .collect()
}

fn has(docs: &[Document], kind: &str) -> bool {
    docs.iter().any(|d| d.kind == kind)
}

/// One line of the checklist: an item, and whether it is present.
pub struct Item {
    pub id: &'static str,
    pub present: bool,
    pub rule: &'static Rule,
    pub message: &'static Template,
}

/// The documents expected once each, and whether the file has them.
pub fn expected(docs: &[Document]) -> Vec<Item> {
    let review = has(docs, "child-in-need-review")
        || has(docs, "statutory-review")
        || (has(docs, "child-protection-conference-report") && has(docs, "core-group-minutes"));
    let plan =
        ["child-in-need-plan", "child-protection-plan", "children-we-care-for-care-plan"].iter().any(|k| has(docs, k));
    vec![
        Item {
            id: "child-and-family-assessment",
            present: has(docs, "child-and-family-assessment"),
            rule: &CFA_MISSING,
            message: &CFD002_ADD_CHILD_FAMILY_ASSESSMENT,
        },
        Item { id: "plan", present: plan, rule: &PLAN_MISSING, message: &CFD003_ADD_CHILDS_PLAN_DOCUMENTS },
        Item { id: "review", present: review, rule: &REVIEW_MISSING, message: &CFD004_ADD_REVIEW_DOCUMENTS_CHILD },
        Item {
            id: "chronology",
            present: has(docs, "chronology"),
            rule: &CHRONOLOGY_MISSING,
            message: &CFD005_ADD_CHRONOLOGY_CHILDS_DOCUMENTS,
        },
        Item {
            id: "family-programme",
            present: has(docs, "family-programme"),
            rule: &PROGRAMME_MISSING,
            message: &CFD006_ADD_FAMILY_PROGRAMME_CHILDS,
        },
        Item {
            id: "group-supervision",
            present: has(docs, "group-supervision"),
            rule: &SUPERVISION_MISSING,
            message: &CFD007_ADD_GROUP_SUPERVISION_RECORD,
        },
    ]
}

/// A workbook summary expected and not found: the worker (index into `involvedWorkers`, or none when no workers are
/// listed) and the supervision (index into `supervisionDates`) that ends the period.
pub struct MissingSummary {
    pub worker: Option<usize>,
    pub supervision: usize,
    pub ends: NaiveDate,
}

fn same_name(a: &str, b: &str) -> bool {
    case::same_ignoring_case(a, b)
}

/// Every period between supervisions (up to today) for which a worker has no workbook summary.
pub fn missing_summaries(data: &Map<String, Value>, docs: &[Document], today: NaiveDate) -> Vec<MissingSummary> {
    let mut supervisions: Vec<(usize, NaiveDate)> = read::list(data, "supervisionDates")
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read::parse_date(v).ok().flatten().map(|d| (i, d)))
        .filter(|(_, d)| *d <= today)
        .collect();
    crate::engine::sort::stable_by_key(&mut supervisions, |(_, d)| *d);
    supervisions.dedup_by_key(|(_, d)| *d);
    let workers: Vec<(usize, Cow<'_, str>)> = read::list(data, "involvedWorkers")
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_object().and_then(|w| read::text(w, "name")).map(|n| (i, n)))
        .collect();
    let summaries: Vec<&Document> = docs.iter().filter(|d| d.kind == "workbook-summary").collect();
    let opened = read::date(data, "openedOn");
    let mut missing = Vec::new();
    let mut start = opened;
    for (k, ends) in supervisions {
        let in_period = |d: &Document| d.date.is_some_and(|x| x <= ends && start.is_none_or(|s| x > s));
        if workers.is_empty() {
            if !summaries.iter().any(|d| in_period(d)) {
                missing.push(MissingSummary { worker: None, supervision: k, ends });
            }
        } else {
            for (j, name) in &workers {
                let found =
                    summaries.iter().any(|d| in_period(d) && d.worker.as_deref().is_some_and(|w| same_name(w, name)));
                if !found {
                    missing.push(MissingSummary { worker: Some(*j), supervision: k, ends });
                }
            }
        }
        start = Some(ends);
    }
    missing
}

/// The case summaries' timescale: the gaps found (the late summary's index, and when it was due) and when the next
/// one is due.
pub struct CaseSummaries {
    pub late: Vec<(usize, NaiveDate)>,
    pub next_due: Option<NaiveDate>,
    pub any: bool,
}

pub fn case_summaries(data: &Map<String, Value>, docs: &[Document], ctx: &Ctx) -> CaseSummaries {
    let months = i32::try_from(ctx.value(&CASE_SUMMARY_MONTHS)).unwrap_or(3);
    let mut dated: Vec<(usize, NaiveDate)> =
        docs.iter().filter(|d| d.kind == "case-summary").filter_map(|d| d.date.map(|x| (d.index, x))).collect();
    let any = docs.iter().any(|d| d.kind == "case-summary");
    crate::engine::sort::stable_by_key(&mut dated, |(_, d)| *d);
    let mut late = Vec::new();
    let mut previous = read::date(data, "openedOn");
    for (i, d) in dated {
        match previous.and_then(|p| calendar::add_months(p, months)) {
            Some(due) if d > due => late.push((i, due)),
            _ => {}
        }
        previous = Some(previous.map_or(d, |p| p.max(d)));
    }
    let next_due = previous.and_then(|p| calendar::add_months(p, months));
    CaseSummaries { late, next_due, any }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx) {
    visit_episodes(data, ctx);
    // A documents field that is not a list is reported by the structural pass; nothing can be said of its contents.
    if data.get("documents").is_some_and(|d| !d.is_null() && !d.is_array()) {
        return;
    }
    let docs = documents(data);
    for item in expected(&docs) {
        if !item.present {
            ctx.emit(item.rule, "/documents", item.message);
        }
    }
    workbook_summaries(data, &docs, ctx);
    case_summary(data, &docs, ctx);
}

fn workbook_summaries(data: &Map<String, Value>, docs: &[Document], ctx: &mut Ctx) {
    for m in missing_summaries(data, docs, ctx.today) {
        let (path, message) = match m.worker {
            Some(j) => (crate::text!("/involvedWorkers/", j), msg!(CFD008_ADD_WORKERS_WORKBOOK_SUMMARY, ends = m.ends)),
            None => (
                crate::text!("/supervisionDates/", m.supervision),
                msg!(CFD008_ADD_WORKBOOK_SUMMARY_PERIOD, ends = m.ends),
            ),
        };
        ctx.emit(&SUMMARY_MISSING, path, message).related([crate::text!("/supervisionDates/", m.supervision)]);
    }
}

fn case_summary(data: &Map<String, Value>, docs: &[Document], ctx: &mut Ctx) {
    let c = case_summaries(data, docs, ctx);
    let every = ctx.value(&CASE_SUMMARY_MONTHS);
    for (i, due) in c.late {
        let message = msg!(CFD009_CASE_SUMMARY_WRITTEN_ONE, every = every, due = due);
        ctx.emit(&CASE_SUMMARY_OVERDUE, crate::text!("/documents/", i, "/date"), message)
            .due(calendar::format_date(due));
    }
    if let Some(due) = c.next_due.filter(|d| ctx.today > *d) {
        let message = msg!(CFD009_ADD_CASE_SUMMARY_ONE, every = every, due = due);
        ctx.emit(&CASE_SUMMARY_OVERDUE, "/documents", message).related(["/openedOn"]).due(calendar::format_date(due));
    }
}

fn visit_episodes(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, row) in read::list(data, "visitEpisodes").iter().enumerate() {
        let Some(e) = row.as_object() else { continue };
        if read::choice(e, "recordedBy", RECORDER_ROLES).as_deref() != Some("social-worker") {
            continue;
        }
        let message = match read::choice(e, "kind", EPISODE_KINDS).as_deref() {
            Some("case-note") => msg!(CFD010_SOCIAL_WORKERS_SERVICE_DO),
            _ => msg!(CFD010_SOCIAL_WORKERS_SERVICE_DO_2),
        };
        ctx.emit(&VISIT_EPISODES, crate::text!("/visitEpisodes/", i), message);
    }
}

crate::messages! {
    CFD009_CASE_SUMMARY_WRITTEN_ONE = "CFD-009.case-summary-written-one": "A case summary is written every {every, plural, one {# month} other {# months}}: this one was due by {due}";
    CFD009_ADD_CASE_SUMMARY_ONE = "CFD-009.add-case-summary-one": "Add a case summary: one is written every {every, plural, one {# month} other {# months}}, and the next was due by {due}";
    CFD010_SOCIAL_WORKERS_SERVICE_DO = "CFD-010.case-note-by-social-worker": "Social workers in the service do not use general case notes: record the work in the Family Programme or the workbook summary";
    CFD010_SOCIAL_WORKERS_SERVICE_DO_2 = "CFD-010.visit-episode-by-social-worker": "Social workers in the service do not use visit episodes: record the visit in the Family Programme or the workbook summary";
    CFD002_ADD_CHILD_FAMILY_ASSESSMENT = "CFD-002.add-child-family-assessment": "Add the Child and Family Assessment to the child’s documents";
    CFD003_ADD_CHILDS_PLAN_DOCUMENTS = "CFD-003.add-childs-plan-documents": "Add the child’s plan to the documents: a child in need plan, a child protection plan or a children we care for care plan";
    CFD004_ADD_REVIEW_DOCUMENTS_CHILD = "CFD-004.add-review-documents-child": "Add a review to the documents: a child in need review, a statutory review, or a child protection conference report with the core group minutes";
    CFD005_ADD_CHRONOLOGY_CHILDS_DOCUMENTS = "CFD-005.add-chronology-childs-documents": "Add the chronology to the child’s documents";
    CFD006_ADD_FAMILY_PROGRAMME_CHILDS = "CFD-006.add-family-programme-childs": "Add the Family Programme to the child’s documents";
    CFD007_ADD_GROUP_SUPERVISION_RECORD = "CFD-007.add-group-supervision-record": "Add the group supervision record to the child’s documents";
    CFD008_ADD_WORKERS_WORKBOOK_SUMMARY = "CFD-008.add-workers-workbook-summary": "Add this worker’s workbook summary for the period ending with the group supervision on {ends}";
    CFD008_ADD_WORKBOOK_SUMMARY_PERIOD = "CFD-008.add-workbook-summary-period": "Add a workbook summary for the period ending with the group supervision on {ends}";
}
