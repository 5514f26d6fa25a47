//! The safety / wellbeing plan as recorded: every field optional, read leniently.

use crate::engine::model::{Field, Kind, LONG_TEXT_MAX};

pub const PLAN_TYPES: &[&str] = &["cin", "cp"];

/// The topics of 003's prompts ("Below is a list of Topics that can often come up for the families we work with").
pub const TOPICS: &[&str] = &[
    "neglect",
    "emotional-abuse",
    "physical-abuse",
    "sexual-abuse",
    "mental-health",
    "domestic-abuse",
    "substance-misuse",
    "exploitation",
    "harmful-sexual-behaviour",
    "disability",
];

pub const RAG: &[&str] = &["red", "amber", "green"];

/// The meetings at which the plan is reviewed (003: "At a (CIN review/ Core group/CP conference) ... will review the
/// safety plan"; later the family network runs its own meetings).
pub const REVIEW_MEETINGS: &[&str] = &["cin-review", "core-group", "cp-conference", "network-meeting"];

/// What needs a service manager's approval (003's topic prompts: an external risk assessment or assessment of
/// capacity, a capacity to change assessment, hair strand tests, a commissioned specialist service).
pub const APPROVAL_KINDS: &[&str] =
    &["external-assessment", "capacity-to-change-assessment", "hair-strand-test", "specialist-service"];

/// The longest week text ("Week 4-8").
const WEEK_MAX: u32 = 32;
/// The largest safety scale the model reads; the plan's own scale (0 to `safety-plan.maxScale`) is a rule.
pub const SCALE_READ_MAX: i32 = 100;

const DANGER_STATEMENT: &[Field] = &[
    Field::long_text("statement", "Danger statement")
        .help("What Children’s Services is worried will happen to the child if nothing changes."),
    Field::long_text("safetyGoal", "Safety goal")
        .help("What Children’s Services needs to see to know the child is safe, paired with the danger statement."),
    Field::number("safetyScale", "Safety scale", 0, SCALE_READ_MAX)
        .help("The matched safety scale: 0 to 10 unless the profile says otherwise."),
    Field::date("networkMeetingOn", "Date of the family network meeting that explored this harm")
        .help("1 x family network meeting to explore each harm."),
];

const TASK: &[Field] = &[
    Field::long_text("what", "What the task is"),
    Field::text("who", "Who will do the task"),
    Field::long_text("why", "Why the task is needed"),
];

const TIMELINE_ROW: &[Field] = &[
    Field::new("week", "Week of the task", Kind::Text { max: WEEK_MAX })
        .help("The week the task is expected to take place: a number (4) or a range (\"4-8\")."),
    Field::object("task", "Task", TASK),
    Field::long_text("meetingsMonitoring", "Meetings and monitoring"),
    Field::long_text("changesToArrangements", "Changes to arrangements"),
    Field::boolean("completed", "Whether the task is completed"),
];

const NETWORK_MEMBER: &[Field] = &[
    Field::text("name", "Name of the network member"),
    Field::text("relationship", "Relationship to the child"),
    Field::text("role", "Role in the plan"),
];

const WHO_DOES_WHAT: &[Field] =
    &[Field::text("who", "Who acts"), Field::long_text("action", "What they will do when the harm is happening")];

const PLAN_RULES: &[Field] = &[
    Field::long_text("worries", "What everyone is most worried about"),
    Field::long_text("workingWell", "What is working well"),
    Field::long_text("stressorsTriggers", "Stressors and triggers"),
    Field::long_text("firstSigns", "First signs that the harm is beginning to happen"),
    Field::long_text("redFlags", "Red flags that the harm is happening"),
    Field::list("whoDoesWhat", "Who does what", &Kind::Object(WHO_DOES_WHAT), 50),
];

const CHILD_VERSION: &[Field] = &[
    Field::date("createdOn", "Date the child’s version of the plan was created"),
    Field::boolean("sharedWithChild", "Whether the child’s version has been shared with the child"),
];

const REVIEW_MEETING: &[Field] = &[
    Field::date("on", "Date of the meeting"),
    Field::choice("kind", "Kind of meeting", REVIEW_MEETINGS),
    Field::boolean("planReviewed", "Whether the safety plan was reviewed at the meeting"),
];

const DASH: &[Field] = &[
    Field::date("on", "Date of the DASH risk assessment"),
    Field::boolean("teen", "Whether the teen DASH was used"),
    Field::boolean("youngPerson", "Whether the person assessed is a young person"),
];

const APPROVAL: &[Field] = &[
    Field::choice("kind", "What needs the service manager’s approval", APPROVAL_KINDS),
    Field::date("on", "Date the service manager approved it"),
];

const HANDOVER: &[Field] = &[
    Field::text("networkLead", "Family network lead"),
    Field::date("on", "Date the plan is handed over to the network"),
];

pub const FIELDS: &[Field] = &[
    Field::choice("planType", "Type of plan", PLAN_TYPES)
        .required("Select whether this is a child in need or a child protection plan"),
    Field::date("planDate", "Date the plan was agreed").help("The start of the timeline and of the review timescale."),
    Field::list("topics", "Topic", &Kind::Enum(TOPICS), 10)
        .help("The harms and worries the plan covers, from the guide’s list of topics."),
    Field::list("dangerStatements", "Danger statements", &Kind::Object(DANGER_STATEMENT), 20)
        .required("Add at least one danger statement with its safety goal"),
    Field::list("bottomLines", "Bottom line", &Kind::Text { max: LONG_TEXT_MAX }, 30)
        .help("The professional bottom-line requirements."),
    Field::list("timeline", "Timeline", &Kind::Object(TIMELINE_ROW), 100)
        .required_with("Add at least one task to the "),
    Field::list("network", "Network", &Kind::Object(NETWORK_MEMBER), 100),
    Field::integer("networkTarget", "Number of people the parents or carers will find for the network", 1, 100)
        .required_with("Enter the "),
    Field::date("familyNetworkMeetingOn", "Date of the family network meeting")
        .help("The first family network meeting, where the plan rules are built."),
    Field::object("planRules", "Plan rules", PLAN_RULES),
    Field::object("childVersion", "Child’s version of the plan", CHILD_VERSION),
    Field::date("wordsAndPicturesOn", "Date the Words and Pictures explanation was shared"),
    Field::integer("reviewEvery", "Review timescale", 1, 104).help("How often the plan is reviewed, in weeks."),
    Field::list("reviewMeetings", "Review meetings", &Kind::Object(REVIEW_MEETING), 100),
    Field::choice("hsbRag", "RAG rating of the harmful sexual behaviour", RAG),
    Field::boolean("hsbReferralMade", "Whether a referral has been made to the HSB service"),
    Field::date("eitReviewedOn", "Date the exploitation identification tool was last reviewed"),
    Field::list("incidents", "Date of a domestic abuse incident", &Kind::Date, 100),
    Field::list("dashAssessments", "DASH risk assessments", &Kind::Object(DASH), 100),
    Field::list("serviceManagerApprovals", "Service manager approvals", &Kind::Object(APPROVAL), 20),
    Field::object("handover", "Handover to the network", HANDOVER),
];
