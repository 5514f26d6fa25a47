//! The safety / wellbeing plan's rules: one declaration each, and one check function per rule or group of closely
//! related rules.

use crate::engine::case;
use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model::{self, FIELDS};
use super::placeholder::has_placeholder;
use crate::calendar;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::messages::Template;
use crate::engine::model::{Field, Kind, LIST_MAX};
use crate::engine::profile::Param;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_003};
use crate::engine::timescale::{self, Status, DUE_SOON_DAYS};
use crate::msg;
use crate::rule;

const STEPS: &str = "4 Step Safety/ Wellbeing planning";
const ROADMAP: &str = "SIGNS OF SAFETY [®] SAFETY PLANNING ROADMAP";
const TIMELINE: &str = "Timeline- explanation for practitioners";

rule!(REQUIRED, "SP-001", "missing-required-field", Error, Required,
    ["/planType", "/dangerStatements", "/timeline", "/networkTarget", "/hsbRag", "/hsbReferralMade", "/network/*/name", "/reviewMeetings/*/on", "/dashAssessments/*/on", "/serviceManagerApprovals/*/kind", "/dashAssessments/*", "/network/*", "/reviewMeetings/*", "/serviceManagerApprovals/*", "/topics"],
    Cite::interpreted(SEED_003, STEPS),
    "A field the plan needs is missing: the type of plan, a danger statement, a timeline task, the number of people the network needs; the RAG rating when harmful sexual behaviour is a topic, and whether the HSB referral was made when it is rated amber or red; a network member's name, a review meeting's date, a DASH assessment's date, what a service manager approval is for.",
    "This guides through the process of \"working with\" the family and their wider network to use the 4 Step Safety/Wellbeing Planning process to support them to develop a safety/wellbeing plan for their child.");

rule!(UNPAIRED, "SP-002", "danger-statement-not-paired", Error, Required,
    ["/dangerStatements/*/statement", "/dangerStatements/*/safetyGoal", "/dangerStatements/*/safetyScale", "/dangerStatements/*"],
    Cite::same(SEED_003, ROADMAP),
    "A danger statement without its safety goal or its safety scale, or a safety goal without its danger statement. Reported as an error at submit, as information while drafting.",
    "Develop paired Danger Statements & Safety Goals with matched Safety Scale");

pub static MAX_SCALE: Param = Param { key: "safety-plan.maxScale", default: 10, unit: "points" };

rule!(SCALE_RANGE, "SP-003", "safety-scale-out-of-range", Error, Check, ["/dangerStatements/*/safetyScale"],
    Cite::interpreted(SEED_003, ROADMAP),
    "A safety scale is outside 0 to 10. The seed names a matched safety scale without its range; 0 to 10 is the Signs of Safety scale (interpreted).",
    "Develop paired Danger Statements & Safety Goals with matched Safety Scale",
    params = [MAX_SCALE]);

rule!(
    NO_BOTTOM_LINE,
    "SP-004",
    "no-bottom-line",
    Error,
    Required,
    ["/bottomLines"],
    Cite::same(SEED_003, ROADMAP),
    "The plan has no professional bottom line. Reported as an error at submit, as information while drafting.",
    "Develop professional bottom-line requirements"
);

rule!(TASK_INCOMPLETE, "SP-005", "timeline-task-incomplete", Error, Required,
    ["/timeline/*/week", "/timeline/*/task/what", "/timeline/*/task/who", "/timeline/*/task/why", "/timeline/*"],
    Cite::same(SEED_003, TIMELINE),
    "A timeline task does not say what will be done, who will do it and why, or the week it will take place. Reported as an error at submit, as information while drafting.",
    "Smart actions WHAT, WHO AND WHY? Think of outcome of task");

rule!(WEEK_UNREADABLE, "SP-006", "timeline-week-unreadable", Error, Check, ["/timeline/*/week"],
    Cite::interpreted(SEED_003, TIMELINE),
    "A timeline week is not a week number (4) or a range of weeks (\"4-8\", \"Week 4-8\"), or a range ends before it starts.",
    "This is the week anticipated the task will take place");

rule!(WEEKS_ORDER, "SP-007", "timeline-weeks-out-of-order", Warning, Check, ["/timeline/*/week"],
    Cite::interpreted(SEED_003, "What is a Timeline?"),
    "A timeline task's week (the start of a range) is earlier than a task above it: the timeline reads in order of weeks (non-decreasing weeks are interpreted).",
    "A clear, agreed timeline planned in advance that professionals and the family understand about what needs to be done and in what timeframe to complete work with this family.");

rule!(NETWORK_BELOW_TARGET, "SP-008", "network-below-target", Warning, Check,
    ["/network", "/networkTarget", "/familyNetworkMeetingOn"],
    Cite::interpreted(SEED_003, TIMELINE),
    "The network has fewer people than the number the parents or carers are to find, and the family network meeting is within a week or has passed (the order of the timeline's first two tasks is read as \"before the meeting\").",
    "(PARENT/CARER'S NAMES) to find at least (ADD NUMBER) people to be part of the child and family's support network.");

rule!(PLAN_RULES_INCOMPLETE, "SP-009", "plan-rules-incomplete", Error, Required,
    ["/planRules/worries", "/planRules/workingWell", "/planRules/stressorsTriggers", "/planRules/firstSigns", "/planRules/redFlags", "/planRules/whoDoesWhat", "/planRules/whoDoesWhat/*/who", "/planRules/whoDoesWhat/*/action", "/familyNetworkMeetingOn"],
    Cite::interpreted(SEED_003, TIMELINE),
    "The plan rules do not cover what everyone is worried about, what is working well, stressors and triggers, first signs, red flags and who does what. Not reported while the family network meeting that builds them is still to come (interpreted). Reported as an error at submit, as information while drafting.",
    "This meeting is to build the safety plan (Plan Rules) with the family and their network, this will include: What everyone is most worried about What is working well in relation to the (HARM/WORRY) Stressors and triggers First signs that the (HARM/WORRY) is beginning to happen and red flags; it is happening. Who will do what when the (HARM/WORRY) is happening/about to happen to keep the children safe.");

rule!(CHILD_VERSION, "SP-010", "child-version-missing", Warning, Check,
    ["/childVersion/createdOn", "/childVersion/sharedWithChild", "/planRules"],
    Cite::interpreted(SEED_003, TIMELINE),
    "The plan rules are complete but no child's version of the plan has been created, or it has not been shared with the child (\"once we have the plan rules clear\" is read as when every part of the plan rules is written).",
    "Once we have the plan rules clear, the (PRACTITIONER NAME) will create a child-centred Safety Plan.");

rule!(NO_REVIEW_TIMESCALE, "SP-011", "no-review-timescale", Error, Required, ["/reviewEvery"],
    Cite::same(SEED_003, TIMELINE),
    "The plan does not say how often it is reviewed. Reported as an error at submit, as information while drafting.",
    "(PRACTITIONER NAME) will review the safety plan with the family network and professionals involved every (INSERT TIMESCALE).");

rule!(REVIEW_OVERDUE, "SP-012", "review-overdue", Warning, Check,
    ["/reviewEvery", "/planDate", "/reviewMeetings/*/on", "/reviewMeetings/*/planReviewed"],
    Cite::interpreted(SEED_003, TIMELINE),
    "The plan's review is overdue: more than the review timescale has passed since the plan was agreed or last reviewed at a meeting (the review timescale counted from the last review is interpreted).",
    "(PRACTITIONER NAME) will review the safety plan with the family network and professionals involved every (INSERT TIMESCALE).");

rule!(HSB_REFERRAL, "SP-013", "hsb-referral-not-made", Error, Check, ["/hsbRag", "/hsbReferralMade"],
    Cite::same(SEED_003, "Harmful sexual behaviour"),
    "Harmful sexual behaviour is rated amber or red and no referral has been made to the HSB service.",
    "RAG rate the level of HSB when completing assessment- IF RAG rating is Amber or Red, referral to be made to HSB service.");

rule!(HSB_REVIEW, "SP-014", "hsb-plan-not-reviewed-at-meeting", Warning, Check,
    ["/topics", "/reviewMeetings/*/kind", "/reviewMeetings/*/planReviewed", "/reviewMeetings/*/on"],
    Cite::same(SEED_003, "Harmful sexual behaviour"),
    "Harmful sexual behaviour is a topic of the plan and a child in need review or core group meeting held did not record a review of the safety plan.",
    "Safety Plan to be completed with multi agency group, including HSB service. This will be reviewed at every CIN/CG meeting.");

pub static EIT_REVIEW_MONTHS: Param = Param { key: "safety-plan.eitReviewMonths", default: 3, unit: "months" };

rule!(EIT_REVIEW, "SP-015", "eit-review-overdue", Warning, Check, ["/topics", "/eitReviewedOn"],
    Cite::same(SEED_003, "Exploitation"),
    "Exploitation is a topic of the plan and the exploitation identification tool (EIT) has no review recorded, or its last review is more than three months ago.",
    "Use of tool kits on TRI-X e.g., National referral mechanism (NRM), EIT to be reviewed every three months.",
    params = [EIT_REVIEW_MONTHS]);

rule!(DASH_AFTER_INCIDENT, "SP-016", "dash-not-repeated-after-incident", Warning, Check,
    ["/incidents/*", "/dashAssessments/*/on"],
    Cite::interpreted(SEED_003, "Domestic Abuse"),
    "A domestic abuse incident has no DASH risk assessment after it: on or after the incident's date and before the next incident (the window up to the next incident is interpreted).",
    "DASH risk assessment to be repeated to show risk reduction/increase after every incident.");

rule!(
    ADULT_DASH,
    "SP-017",
    "adult-dash-for-young-person",
    Warning,
    Check,
    ["/dashAssessments/*/teen", "/dashAssessments/*/youngPerson"],
    Cite::same(SEED_003, "Domestic Abuse"),
    "A DASH risk assessment of a young person used the adult DASH instead of the teen DASH.",
    "Teen DASH this should be used for all teens; the adult dash is not appropriate for them."
);

rule!(SM_APPROVAL, "SP-018", "service-manager-approval-missing", Warning, Check,
    ["/serviceManagerApprovals/*/kind", "/serviceManagerApprovals/*/on"],
    Cite::same(SEED_003, "Drugs and alcohol misuse"),
    "An external assessment, a capacity to change assessment, a hair strand test or a commissioned specialist service in the plan has no service manager approval recorded (003's prompts under Drugs and alcohol misuse, Mental health, Sexual Abuse and Harmful sexual behaviour).",
    "Capacity to change assessment- can this be internal/external sourced? SM approval needed. Will hair strand tests tell us anything that we don't already know? SM approval will be needed.");

rule!(HARM_MEETING, "SP-019", "harm-without-network-meeting", Warning, Check,
    ["/dangerStatements/*/networkMeetingOn", "/familyNetworkMeetingOn", "/dangerStatements/*/statement"],
    Cite::interpreted(SEED_003, TIMELINE),
    "Once the family network meetings have started, a harm (a danger statement) has no family network meeting of its own: none recorded, or the same meeting as another harm (each danger statement read as one harm).",
    "1 x family network meeting to explore each harm");

rule!(WORDS_AND_PICTURES, "SP-020", "words-and-pictures-missing", Warning, Check, ["/wordsAndPicturesOn"],
    Cite::interpreted(SEED_003, ROADMAP),
    "A plan submitted as final has no Words and Pictures explanation for the child (checked at submit: the explanation is written during the plan, interpreted).",
    "Create explanation for children (and everyone else)");

rule!(PLACEHOLDER, "SP-021", "template-placeholder-left", Error, Check, ["*"],
    Cite::interpreted(SEED_003, TIMELINE),
    "Text still holds a placeholder from the guide's template: a bracketed token in capitals such as the parents' or practitioner's name or the number to add. A single capitalised word of five letters or fewer in brackets is read as an acronym (\"(NRM)\"), except the template's own (\"(CHILD)\") (interpreted).",
    "(PRACTITIONER NAME) will review the safety plan with the family network and professionals involved every (INSERT TIMESCALE).");

rule!(DATE_IN_FUTURE, "SP-022", "recorded-date-in-future", Error, Check,
    ["/planDate", "/childVersion/createdOn", "/wordsAndPicturesOn", "/eitReviewedOn", "/incidents/*", "/dashAssessments/*/on", "/serviceManagerApprovals/*/on", "/reviewMeetings/*/on"],
    Cite::interpreted(SEED_003, TIMELINE),
    "A date of something already done is after today: the plan agreed, the child's version created, the Words and Pictures explanation shared, the EIT reviewed, an incident, a DASH assessment, an approval, a meeting that reviewed the plan.",
    "");

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &UNPAIRED,
    &SCALE_RANGE,
    &NO_BOTTOM_LINE,
    &TASK_INCOMPLETE,
    &WEEK_UNREADABLE,
    &WEEKS_ORDER,
    &NETWORK_BELOW_TARGET,
    &PLAN_RULES_INCOMPLETE,
    &CHILD_VERSION,
    &NO_REVIEW_TIMESCALE,
    &REVIEW_OVERDUE,
    &HSB_REFERRAL,
    &HSB_REVIEW,
    &EIT_REVIEW,
    &DASH_AFTER_INCIDENT,
    &ADULT_DASH,
    &SM_APPROVAL,
    &HARM_MEETING,
    &WORDS_AND_PICTURES,
    &PLACEHOLDER,
    &DATE_IN_FUTURE,
];

/// The parts of the plan rules, with the message for each when it is missing.
const PLAN_RULE_PARTS: &[(&str, &Template)] = &[
    ("worries", &SP009_ENTER_WHAT_EVERYONE_MOST),
    ("workingWell", &SP009_ENTER_WHAT_WORKING_WELL),
    ("stressorsTriggers", &SP009_ENTER_STRESSORS_TRIGGERS),
    ("firstSigns", &SP009_ENTER_FIRST_SIGNS_HARM),
    ("redFlags", &SP009_ENTER_RED_FLAGS_SHOW),
];

/// What the rules and the outcome share, read once.
pub struct Facts<'a> {
    pub plan_date: Option<NaiveDate>,
    pub topics: Vec<&'static str>,
    pub danger_statements: &'a [Value],
    pub timeline: &'a [Value],
    /// People in the network (rows with a name).
    pub network_count: i64,
    pub network_target: Option<i64>,
    pub family_meeting: Option<NaiveDate>,
    pub plan_rules: Option<&'a Map<String, Value>>,
    pub review_every: Option<i64>,
}

pub fn facts(data: &Map<String, Value>) -> Facts<'_> {
    let topics = model::TOPICS
        .iter()
        .copied()
        .filter(|t| read::list(data, "topics").iter().any(|v| v.as_str().map(read::clean).as_deref() == Some(*t)))
        .collect();
    let network_count = read::list(data, "network")
        .iter()
        .filter(|m| m.as_object().is_some_and(|m| read::text(m, "name").is_some()))
        .count();
    Facts {
        plan_date: read::date(data, "planDate"),
        topics,
        danger_statements: read::list(data, "dangerStatements"),
        timeline: read::list(data, "timeline"),
        network_count: i64::try_from(network_count).unwrap_or(i64::MAX),
        network_target: whole(data, "networkTarget"),
        family_meeting: read::date(data, "familyNetworkMeetingOn"),
        plan_rules: read::object(data, "planRules"),
        review_every: whole(data, "reviewEvery").filter(|w| *w > 0),
    }
}

/// A whole number field (the structural pass reports anything else).
fn whole(obj: &Map<String, Value>, key: &str) -> Option<i64> {
    read::number(obj, key).filter(|x| x.fract() == 0.0 && x.abs() < 1e15).map(|x| x as i64)
}

impl Facts<'_> {
    pub fn has_topic(&self, topic: &str) -> bool {
        self.topics.contains(&topic)
    }

    /// The family network meeting that builds the plan rules is still to come.
    fn meeting_to_come(&self, today: NaiveDate) -> bool {
        self.family_meeting.is_some_and(|m| m > today)
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    // First, so that a placeholder is the one finding at its field (a "(ADD NUMBER)" week is not also unreadable).
    template_placeholders(data, ctx);
    conditionally_required(data, ctx, f);
    danger_statements(ctx, f);
    bottom_lines(data, ctx);
    timeline_tasks(ctx, f);
    timeline_weeks(ctx, f);
    network_target(ctx, f);
    plan_rules(ctx, f);
    child_version(data, ctx, f);
    review(data, ctx, f);
    harmful_sexual_behaviour(data, ctx, f);
    exploitation_tool(data, ctx, f);
    dash_after_incidents(data, ctx);
    teen_dash(data, ctx);
    service_manager_approvals(data, ctx);
    harms_and_meetings(ctx, f);
    words_and_pictures(data, ctx);
    dates_in_future(data, ctx);
}

// ---- SP-021: template placeholders ----

/// Walks every text field of the model; one finding per field, naming it by its label and never quoting the text.
fn template_placeholders(data: &Map<String, Value>, ctx: &mut Ctx) {
    let mut path = String::new();
    scan_object(FIELDS, data, &mut path, ctx);
}

fn scan_object(fields: &[Field], obj: &Map<String, Value>, path: &mut String, ctx: &mut Ctx) {
    for field in fields {
        let Some(value) = obj.get(field.name) else { continue };
        let len = path.len();
        path.push('/');
        path.push_str(field.name);
        scan_value(field.label, &field.kind, value, path, ctx);
        path.truncate(len);
    }
}

fn scan_value(label: &str, kind: &Kind, value: &Value, path: &mut String, ctx: &mut Ctx) {
    match (kind, value) {
        (Kind::Text { .. }, Value::String(s)) if has_placeholder(s) => {
            let message = msg!(SP021_LABEL_STILL_PLACEHOLDER_TEMPLATE, label = label);
            ctx.emit(&PLACEHOLDER, path.as_str(), message);
        }
        (Kind::Object(fields), Value::Object(obj)) => scan_object(fields, obj, path, ctx),
        (Kind::List { item, .. }, Value::Array(items)) => {
            let cap = usize::try_from(LIST_MAX).unwrap_or(usize::MAX);
            for (i, v) in items.iter().take(cap).enumerate() {
                let len = path.len();
                path.push('/');
                crate::engine::text::Piece::push_to(&i, path);
                scan_value(label, item, v, path, ctx);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

// ---- SP-001: fields required by what else the plan says ----

fn conditionally_required(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if f.has_topic("harmful-sexual-behaviour") && read::is_blank(data.get("hsbRag")) {
        ctx.emit(&REQUIRED, "/hsbRag", &SP001_SELECT_RAG_RATING_HARMFUL).related(["/topics"]);
    }
    let amber_or_red = read::choice(data, "hsbRag", &["amber", "red"]).is_some();
    if amber_or_red && read::is_blank(data.get("hsbReferralMade")) {
        ctx.emit(&REQUIRED, "/hsbReferralMade", &SP001_SELECT_WHETHER_REFERRAL_BEEN).related(["/hsbRag"]);
    }
    let rows: [(&str, &str, &Template); 4] = [
        ("network", "name", &SP001_ENTER_NAME_NETWORK_MEMBER),
        ("reviewMeetings", "on", &SP001_ENTER_DATE_MEETING),
        ("dashAssessments", "on", &SP001_ENTER_DATE_DASH_RISK),
        ("serviceManagerApprovals", "kind", &SP001_SELECT_WHAT_NEEDS_SERVICE),
    ];
    for (list, key, message) in rows {
        for (i, row) in read::list(data, list).iter().enumerate() {
            let Some(obj) = row.as_object() else { continue };
            if read::is_blank(obj.get(key)) {
                ctx.emit(&REQUIRED, crate::text!("/", list, "/", i, "/", key), message);
            }
        }
    }
}

// ---- SP-002, SP-003: danger statements, safety goals and scales ----

fn danger_statements(ctx: &mut Ctx, f: &Facts) {
    let max = ctx.value(&MAX_SCALE);
    for (i, row) in f.danger_statements.iter().enumerate() {
        let Some(d) = row.as_object() else { continue };
        let statement = !read::is_blank(d.get("statement"));
        let goal = !read::is_blank(d.get("safetyGoal"));
        let scale_blank = read::is_blank(d.get("safetyScale"));
        let at = |key: &str| crate::text!("/dangerStatements/", i, "/", key);
        if !statement {
            let message = if goal {
                msg!(SP002_ENTER_DANGER_STATEMENT_SAFETY)
            } else {
                msg!(SP002_ENTER_DANGER_STATEMENT_SAFETY_2)
            };
            ctx.emit(&UNPAIRED, at("statement"), message);
        } else if !goal {
            ctx.emit(&UNPAIRED, at("safetyGoal"), &SP002_ENTER_SAFETY_GOAL_PAIRS).related([at("statement")]);
        }
        if scale_blank && (statement || goal) {
            ctx.emit(&UNPAIRED, at("safetyScale"), msg!(SP002_ENTER_SAFETY_SCALE_0, max = max))
                .related([at("statement")]);
        }
        if let Some(scale) = read::number(d, "safetyScale") {
            let path = at("safetyScale");
            if !ctx.has_finding_at(&path) && !(0.0..=max as f64).contains(&scale) {
                ctx.emit(&SCALE_RANGE, path, msg!(SP003_SAFETY_SCALE_BETWEEN_0, max = max));
            }
        }
    }
}

// ---- SP-004: bottom lines ----

fn bottom_lines(data: &Map<String, Value>, ctx: &mut Ctx) {
    if read::list(data, "bottomLines").iter().all(|v| read::is_blank(Some(v))) {
        ctx.emit(&NO_BOTTOM_LINE, "/bottomLines", &SP004_ADD_LEAST_ONE_PROFESSIONAL);
    }
}

// ---- SP-005, SP-006, SP-007: the timeline ----

fn timeline_tasks(ctx: &mut Ctx, f: &Facts) {
    for (i, row) in f.timeline.iter().enumerate() {
        let Some(r) = row.as_object() else { continue };
        if read::is_blank(r.get("week")) {
            ctx.emit(&TASK_INCOMPLETE, crate::text!("/timeline/", i, "/week"), &SP005_ENTER_WEEK_TASK_WILL);
        }
        let task = read::object(r, "task");
        for (key, message) in
            [("what", &SP005_ENTER_WHAT_TASK), ("who", &SP005_ENTER_WHO_WILL_DO), ("why", &SP005_ENTER_WHY_TASK_NEEDED)]
        {
            if task.is_none_or(|t| read::is_blank(t.get(key))) {
                ctx.emit(&TASK_INCOMPLETE, crate::text!("/timeline/", i, "/task/", key), message);
            }
        }
    }
}

/// A timeline week that is not a week number or a range of weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAWeek;

/// A week as the timeline writes it: `4`, `"4"`, `"4-8"`, `"4 - 8"`, `"4–8"`, `"4 to 8"`, `"Week 4-8"`. The first
/// and last week; `Err` when it is not a week.
pub fn parse_week(v: &Value) -> Result<Option<(u32, u32)>, NotAWeek> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => {
            let x = n.as_f64().ok_or(NotAWeek)?;
            if x.fract() != 0.0 || !(0.0..=999.0).contains(&x) {
                return Err(NotAWeek);
            }
            let w = x as u32;
            Ok(Some((w, w)))
        }
        Value::String(s) => {
            let cleaned = case::lower_key(&read::clean(s));
            if cleaned.is_empty() {
                return Ok(None);
            }
            let body = cleaned.strip_prefix("weeks").or_else(|| cleaned.strip_prefix("week")).unwrap_or(&cleaned);
            let body = body.strip_prefix("wk").unwrap_or(body).trim();
            let (first, last) = match body.split_once(['-', '\u{2013}', '\u{2014}']) {
                Some((a, b)) => (a, b),
                None => body.split_once(" to ").unwrap_or((body, body)),
            };
            let (first, last) = (week_number(first.trim())?, week_number(last.trim())?);
            if last < first {
                return Err(NotAWeek);
            }
            Ok(Some((first, last)))
        }
        _ => Err(NotAWeek),
    }
}

fn week_number(s: &str) -> Result<u32, NotAWeek> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NotAWeek);
    }
    s.parse().map_err(|_| NotAWeek)
}

fn timeline_weeks(ctx: &mut Ctx, f: &Facts) {
    let mut latest: Option<(usize, u32)> = None;
    for (i, row) in f.timeline.iter().enumerate() {
        let Some(week) = row.as_object().and_then(|r| r.get("week")) else { continue };
        let path = crate::text!("/timeline/", i, "/week");
        match parse_week(week) {
            Ok(None) => {}
            Err(NotAWeek) => {
                if !ctx.has_finding_at(&path) {
                    ctx.emit(&WEEK_UNREADABLE, path, &SP006_WEEK_TASK_WEEK_NUMBER);
                }
            }
            Ok(Some((start, _))) => match latest {
                Some((j, before)) if start < before => {
                    ctx.emit(&WEEKS_ORDER, path, &SP007_WEEK_TASK_SAME_AFTER).related([crate::text!(
                        "/timeline/",
                        j,
                        "/week"
                    )]);
                }
                _ => latest = Some((i, start)),
            },
        }
    }
}

// ---- SP-008: the network against its target ----

fn network_target(ctx: &mut Ctx, f: &Facts) {
    let (Some(target), Some(meeting)) = (f.network_target, f.family_meeting) else { return };
    if f.network_count >= target {
        return;
    }
    let status = timescale::status(meeting, None, ctx.today, DUE_SOON_DAYS);
    if !status.is_concern() {
        return;
    }
    let more = target.saturating_sub(f.network_count);
    let message = if status == Status::Overdue {
        msg!(SP008_NETWORK_HAD_FEWER_PEOPLE, more = more)
    } else {
        msg!(SP008_NETWORK_NEEDS_MORE_BEFORE, more = more)
    };
    ctx.emit(&NETWORK_BELOW_TARGET, "/network", message)
        .related(["/networkTarget", "/familyNetworkMeetingOn"])
        .due(calendar::format_date(meeting));
}

// ---- SP-009: the plan rules ----

/// The parts of the plan rules that are missing, as (path, message).
pub fn plan_rules_missing(f: &Facts) -> Vec<(String, &'static Template)> {
    let mut missing = Vec::new();
    let rules = f.plan_rules;
    for (key, message) in PLAN_RULE_PARTS {
        if rules.is_none_or(|r| read::is_blank(r.get(key))) {
            missing.push((crate::text!("/planRules/", key), *message));
        }
    }
    let who_does_what = rules.map(|r| read::list(r, "whoDoesWhat")).unwrap_or(&[]);
    if who_does_what.iter().all(|v| read::is_blank(Some(v))) {
        missing.push(("/planRules/whoDoesWhat".to_owned(), &SP009_ADD_WHO_DOES_WHAT));
    } else {
        for (i, row) in who_does_what.iter().enumerate() {
            let Some(r) = row.as_object() else { continue };
            if read::is_blank(r.get("who")) {
                missing.push((crate::text!("/planRules/whoDoesWhat/", i, "/who"), &SP009_ENTER_WHO_ACTS));
            }
            if read::is_blank(r.get("action")) {
                missing.push((crate::text!("/planRules/whoDoesWhat/", i, "/action"), &SP009_ENTER_WHAT_THEY_WILL));
            }
        }
    }
    missing
}

fn plan_rules(ctx: &mut Ctx, f: &Facts) {
    if f.meeting_to_come(ctx.today) {
        return;
    }
    for (path, message) in plan_rules_missing(f) {
        ctx.emit(&PLAN_RULES_INCOMPLETE, path, message);
    }
}

// ---- SP-010: the child's version ----

fn child_version(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if !plan_rules_missing(f).is_empty() {
        return;
    }
    let version = read::object(data, "childVersion");
    if version.is_none_or(|v| read::date(v, "createdOn").is_none()) {
        if !ctx.has_finding_at("/childVersion/createdOn") {
            ctx.emit(&CHILD_VERSION, "/childVersion/createdOn", &SP010_PLAN_RULES_CLEAR_CREATE).related(["/planRules"]);
        }
    } else if version.and_then(|v| read::boolean(v, "sharedWithChild")) == Some(false) {
        ctx.emit(&CHILD_VERSION, "/childVersion/sharedWithChild", &SP010_SHARE_CHILDS_VERSION_PLAN);
    }
}

// ---- SP-011, SP-012: the review timescale ----

/// The last time the plan was reviewed at a meeting, on or before today.
fn last_review(data: &Map<String, Value>, today: NaiveDate) -> Option<NaiveDate> {
    read::list(data, "reviewMeetings")
        .iter()
        .filter_map(Value::as_object)
        .filter(|m| read::boolean(m, "planReviewed") == Some(true))
        .filter_map(|m| read::date(m, "on"))
        .filter(|d| *d <= today)
        .max()
}

/// When the next review is due: the review timescale after the last review, or after the plan was agreed.
pub fn next_review(data: &Map<String, Value>, f: &Facts, today: NaiveDate) -> Option<NaiveDate> {
    let from = last_review(data, today).into_iter().chain(f.plan_date).max()?;
    calendar::add_weeks(from, f.review_every?)
}

fn review(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if read::is_blank(data.get("reviewEvery")) {
        ctx.emit(&NO_REVIEW_TIMESCALE, "/reviewEvery", &SP011_ENTER_HOW_OFTEN_PLAN);
        return;
    }
    let Some(due) = next_review(data, f, ctx.today) else { return };
    if timescale::status(due, None, ctx.today, DUE_SOON_DAYS) == Status::Overdue {
        ctx.emit(&REVIEW_OVERDUE, "/reviewEvery", &SP012_SAFETY_PLANS_REVIEW_OVERDUE)
            .related(["/planDate", "/reviewMeetings"])
            .due(calendar::format_date(due));
    }
}

// ---- SP-013, SP-014: harmful sexual behaviour ----

fn harmful_sexual_behaviour(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    let amber_or_red = read::choice(data, "hsbRag", &["amber", "red"]).is_some();
    if amber_or_red && read::boolean(data, "hsbReferralMade") == Some(false) {
        ctx.emit(&HSB_REFERRAL, "/hsbReferralMade", &SP013_HARMFUL_SEXUAL_BEHAVIOUR_RATED).related(["/hsbRag"]);
    }
    if !f.has_topic("harmful-sexual-behaviour") {
        return;
    }
    for (i, row) in read::list(data, "reviewMeetings").iter().enumerate() {
        let Some(m) = row.as_object() else { continue };
        let cin_or_cg = read::choice(m, "kind", &["cin-review", "core-group"]).is_some();
        let held = read::date(m, "on").is_some_and(|d| d <= ctx.today);
        if cin_or_cg && held && read::boolean(m, "planReviewed") != Some(true) {
            ctx.emit(
                &HSB_REVIEW,
                crate::text!("/reviewMeetings/", i, "/planReviewed"),
                &SP014_SAFETY_PLAN_HARMFUL_SEXUAL,
            )
            .related(["/topics"]);
        }
    }
}

// ---- SP-015: the exploitation identification tool ----

/// When the exploitation identification tool is next due for review.
pub fn eit_due(data: &Map<String, Value>, ctx: &Ctx) -> Option<NaiveDate> {
    let months = i32::try_from(ctx.value(&EIT_REVIEW_MONTHS)).ok()?;
    calendar::add_months(read::date(data, "eitReviewedOn")?, months)
}

fn exploitation_tool(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if !f.has_topic("exploitation") {
        return;
    }
    let months = ctx.value(&EIT_REVIEW_MONTHS);
    if read::is_blank(data.get("eitReviewedOn")) {
        let message = msg!(SP015_EXPLOITATION_TOPIC_PLAN_RECORD, months = months);
        ctx.emit(&EIT_REVIEW, "/eitReviewedOn", message).related(["/topics"]);
        return;
    }
    let Some(due) = eit_due(data, ctx) else { return };
    if timescale::status(due, None, ctx.today, DUE_SOON_DAYS) == Status::Overdue {
        let message = msg!(SP015_EXPLOITATION_IDENTIFICATION_TOOL_REVIEWED, months = months);
        ctx.emit(&EIT_REVIEW, "/eitReviewedOn", message).related(["/topics"]).due(calendar::format_date(due));
    }
}

// ---- SP-016, SP-017: DASH risk assessments ----

fn dash_after_incidents(data: &Map<String, Value>, ctx: &mut Ctx) {
    let dash: Vec<NaiveDate> = read::list(data, "dashAssessments")
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|d| read::date(d, "on"))
        .collect();
    // Each distinct incident date, with the index it was first recorded at, in date order.
    let mut incidents: Vec<(NaiveDate, usize)> = Vec::new();
    for (i, v) in read::list(data, "incidents").iter().enumerate() {
        let Ok(Some(d)) = read::parse_date(v) else { continue };
        if !incidents.iter().any(|(seen, _)| *seen == d) {
            incidents.push((d, i));
        }
    }
    crate::engine::sort::stable_by(&mut incidents, Ord::cmp);
    let mut next_dates = incidents.iter().map(|(d, _)| Some(*d)).skip(1).chain([None]);
    for (date, i) in &incidents {
        let next = next_dates.next().flatten();
        let repeated = dash.iter().any(|a| *a >= *date && next.is_none_or(|n| *a < n));
        if !repeated {
            let message = if next.is_some() {
                msg!(SP016_REPEAT_DASH_RISK_ASSESSMENT)
            } else {
                msg!(SP016_REPEAT_DASH_RISK_ASSESSMENT_2)
            };
            ctx.emit(&DASH_AFTER_INCIDENT, crate::text!("/incidents/", i), message).related(["/dashAssessments"]);
        }
    }
}

fn teen_dash(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, row) in read::list(data, "dashAssessments").iter().enumerate() {
        let Some(d) = row.as_object() else { continue };
        if read::boolean(d, "youngPerson") == Some(true) && read::boolean(d, "teen") == Some(false) {
            ctx.emit(&ADULT_DASH, crate::text!("/dashAssessments/", i, "/teen"), &SP017_USE_TEEN_DASH_YOUNG)
                .related([crate::text!("/dashAssessments/", i, "/youngPerson")]);
        }
    }
}

// ---- SP-018: service manager approvals ----

fn service_manager_approvals(data: &Map<String, Value>, ctx: &mut Ctx) {
    for (i, row) in read::list(data, "serviceManagerApprovals").iter().enumerate() {
        let Some(a) = row.as_object() else { continue };
        let Some(kind) = read::choice(a, "kind", model::APPROVAL_KINDS) else { continue };
        if read::is_blank(a.get("on")) {
            ctx.emit(
                &SM_APPROVAL,
                crate::text!("/serviceManagerApprovals/", i, "/on"),
                msg!(SP018_WHAT_NEEDS_SERVICE_MANAGERS, kind = kind.as_ref()),
            )
            .related([crate::text!("/serviceManagerApprovals/", i, "/kind")]);
        }
    }
}

// ---- SP-019: one family network meeting per harm ----

fn harms_and_meetings(ctx: &mut Ctx, f: &Facts) {
    if f.family_meeting.is_none_or(|m| m > ctx.today) {
        return;
    }
    let mut seen: Vec<NaiveDate> = Vec::new();
    for (i, row) in f.danger_statements.iter().enumerate() {
        let Some(d) = row.as_object() else { continue };
        if read::is_blank(d.get("statement")) {
            continue;
        }
        let path = crate::text!("/dangerStatements/", i, "/networkMeetingOn");
        match read::date(d, "networkMeetingOn") {
            None if read::is_blank(d.get("networkMeetingOn")) => {
                ctx.emit(&HARM_MEETING, path, &SP019_HOLD_FAMILY_NETWORK_MEETING).related(["/familyNetworkMeetingOn"]);
            }
            Some(on) if seen.contains(&on) => {
                ctx.emit(&HARM_MEETING, path, &SP019_EACH_HARM_EXPLORED_OWN);
            }
            Some(on) => seen.push(on),
            None => {}
        }
    }
}

// ---- SP-020: Words and Pictures ----

fn words_and_pictures(data: &Map<String, Value>, ctx: &mut Ctx) {
    if ctx.submit() && read::is_blank(data.get("wordsAndPicturesOn")) {
        ctx.emit(&WORDS_AND_PICTURES, "/wordsAndPicturesOn", &SP020_WRITE_WORDS_PICTURES_EXPLANATION);
    }
}

// ---- SP-022: dates of things done ----

fn dates_in_future(data: &Map<String, Value>, ctx: &mut Ctx) {
    // A meeting may be planned ahead, unless it is recorded as having reviewed the plan.
    let done: Vec<&str> = DATE_IN_FUTURE.paths.iter().copied().filter(|p| *p != "/reviewMeetings/*/on").collect();
    checks::dates_not_after_today_at(super::model::FIELDS, data, ctx, &DATE_IN_FUTURE, &done);
    for (i, row) in read::list(data, "reviewMeetings").iter().enumerate() {
        let Some(m) = row.as_object() else { continue };
        if read::boolean(m, "planReviewed") == Some(true) && read::date(m, "on").is_some_and(|d| d > ctx.today) {
            ctx.emit(&DATE_IN_FUTURE, crate::text!("/reviewMeetings/", i, "/on"), &SP022_MEETING_REVIEWED_PLAN_DATED);
        }
    }
}

crate::messages! {
    SP021_LABEL_STILL_PLACEHOLDER_TEMPLATE = "SP-021.label-still-placeholder-template": "{label} still has a placeholder from the template, in capitals and brackets: replace it with the details for this family";
    SP001_SELECT_RAG_RATING_HARMFUL = "SP-001.select-rag-rating-harmful": "Select the RAG rating of the harmful sexual behaviour";
    SP001_SELECT_WHETHER_REFERRAL_BEEN = "SP-001.select-whether-referral-been": "Select whether a referral has been made to the HSB service";
    SP002_ENTER_DANGER_STATEMENT_SAFETY = "SP-002.enter-danger-statement-safety": "Enter the danger statement that this safety goal pairs with";
    SP002_ENTER_DANGER_STATEMENT_SAFETY_2 = "SP-002.enter-danger-statement-and-goal": "Enter the danger statement and its safety goal";
    SP002_ENTER_SAFETY_GOAL_PAIRS = "SP-002.enter-safety-goal-pairs": "Enter the safety goal that pairs with this danger statement";
    SP002_ENTER_SAFETY_SCALE_0 = "SP-002.enter-safety-scale-0": "Enter the safety scale, from 0 to {max}";
    SP003_SAFETY_SCALE_BETWEEN_0 = "SP-003.safety-scale-between-0": "Safety scale must be between 0 and {max}";
    SP004_ADD_LEAST_ONE_PROFESSIONAL = "SP-004.add-least-one-professional": "Add at least one professional bottom line";
    SP005_ENTER_WEEK_TASK_WILL = "SP-005.enter-week-task-will": "Enter the week the task will take place";
    SP006_WEEK_TASK_WEEK_NUMBER = "SP-006.week-task-week-number": "Week of the task must be a week number, like 4, or a range of weeks, like 4-8";
    SP007_WEEK_TASK_SAME_AFTER = "SP-007.week-task-same-after": "Week of the task must be the same as or after the week of the tasks above it";
    SP008_NETWORK_HAD_FEWER_PEOPLE = "SP-008.network-had-fewer-people": "The network had fewer people than the parents or carers were to find before the family network meeting: {more, plural, one {# more person} other {# more people}} needed";
    SP008_NETWORK_NEEDS_MORE_BEFORE = "SP-008.network-needs-more-before": "The network needs {more, plural, one {# more person} other {# more people}} before the family network meeting";
    SP010_PLAN_RULES_CLEAR_CREATE = "SP-010.plan-rules-clear-create": "The plan rules are clear: create a child-centred version of the plan for the child";
    SP010_SHARE_CHILDS_VERSION_PLAN = "SP-010.share-childs-version-plan": "Share the child’s version of the plan with the child";
    SP011_ENTER_HOW_OFTEN_PLAN = "SP-011.enter-how-often-plan": "Enter how often the plan is reviewed, in weeks";
    SP012_SAFETY_PLANS_REVIEW_OVERDUE = "SP-012.safety-plans-review-overdue": "The safety plan’s review is overdue: review it with the family network and professionals";
    SP013_HARMFUL_SEXUAL_BEHAVIOUR_RATED = "SP-013.harmful-sexual-behaviour-rated": "Harmful sexual behaviour rated amber or red needs a referral to the HSB service";
    SP014_SAFETY_PLAN_HARMFUL_SEXUAL = "SP-014.safety-plan-harmful-sexual": "A safety plan for harmful sexual behaviour is reviewed at every child in need review and core group meeting";
    SP015_EXPLOITATION_TOPIC_PLAN_RECORD = "SP-015.exploitation-topic-plan-record": "Exploitation is a topic of the plan: record when the exploitation identification tool was last reviewed (every {months, plural, one {# month} other {# months}})";
    SP015_EXPLOITATION_IDENTIFICATION_TOOL_REVIEWED = "SP-015.exploitation-identification-tool-reviewed": "The exploitation identification tool is reviewed every {months, plural, one {# month} other {# months}}: its review is overdue";
    SP016_REPEAT_DASH_RISK_ASSESSMENT = "SP-016.repeat-dash-risk-assessment": "Repeat the DASH risk assessment after this incident, before the next one";
    SP016_REPEAT_DASH_RISK_ASSESSMENT_2 = "SP-016.repeat-dash-after-incident": "Repeat the DASH risk assessment after this incident";
    SP017_USE_TEEN_DASH_YOUNG = "SP-017.use-teen-dash-young": "Use the teen DASH for a young person: the adult DASH is not appropriate for them";
    SP018_WHAT_NEEDS_SERVICE_MANAGERS = "SP-018.needs-approval": "{kind, select, external-assessment {An external assessment} capacity-to-change-assessment {A capacity to change assessment} hair-strand-test {A hair strand test} other {A commissioned specialist service}} needs the service manager’s approval";
    SP019_HOLD_FAMILY_NETWORK_MEETING = "SP-019.hold-family-network-meeting": "Hold a family network meeting to explore this harm, and enter its date";
    SP019_EACH_HARM_EXPLORED_OWN = "SP-019.each-harm-explored-own": "Each harm is explored at its own family network meeting: this one shares a meeting with a harm above it";
    SP020_WRITE_WORDS_PICTURES_EXPLANATION = "SP-020.write-words-pictures-explanation": "Write a Words and Pictures explanation with the family so the child understands why people are worried and what everyone will do";
    SP005_ENTER_WHAT_TASK = "SP-005.enter-what-task": "Enter what the task is";
    SP005_ENTER_WHO_WILL_DO = "SP-005.enter-who-will-do": "Enter who will do the task";
    SP005_ENTER_WHY_TASK_NEEDED = "SP-005.enter-why-task-needed": "Enter why the task is needed";
    SP001_ENTER_NAME_NETWORK_MEMBER = "SP-001.enter-name-network-member": "Enter the name of the network member";
    SP001_ENTER_DATE_MEETING = "SP-001.enter-date-meeting": "Enter the date of the meeting";
    SP001_ENTER_DATE_DASH_RISK = "SP-001.enter-date-dash-risk": "Enter the date of the DASH risk assessment";
    SP001_SELECT_WHAT_NEEDS_SERVICE = "SP-001.select-what-needs-service": "Select what needs the service manager’s approval";
    SP009_ENTER_WHAT_EVERYONE_MOST = "SP-009.enter-what-everyone-most": "Enter what everyone is most worried about";
    SP009_ENTER_WHAT_WORKING_WELL = "SP-009.enter-what-working-well": "Enter what is working well";
    SP009_ENTER_STRESSORS_TRIGGERS = "SP-009.enter-stressors-triggers": "Enter the stressors and triggers";
    SP009_ENTER_FIRST_SIGNS_HARM = "SP-009.enter-first-signs-harm": "Enter the first signs that the harm is beginning to happen";
    SP009_ENTER_RED_FLAGS_SHOW = "SP-009.enter-red-flags-show": "Enter the red flags that show the harm is happening";
    SP009_ADD_WHO_DOES_WHAT = "SP-009.add-who-does-what": "Add who does what when the harm is happening";
    SP009_ENTER_WHO_ACTS = "SP-009.enter-who-acts": "Enter who acts";
    SP009_ENTER_WHAT_THEY_WILL = "SP-009.enter-what-they-will": "Enter what they will do";
    SP022_MEETING_REVIEWED_PLAN_DATED = "SP-022.meeting-reviewed-plan-dated": "A meeting that reviewed the plan must be dated today or in the past";
}
