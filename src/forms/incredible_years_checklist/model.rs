//! The Incredible Years parent group leader checklist as submitted (002, "ATTACHMENT FIVE - Incredible Years Peer
//! Review", "Incredible Years PARENT GROUP LEADER CHECKLIST 8/05"): every field optional, read leniently.

use crate::engine::model::{Field, Kind};

pub const EVALUATION_TYPES: &[&str] = &["peer-review", "self-evaluation", "certified-trainer-mentor"];
pub const ANSWERS: &[&str] = &["yes", "no", "n-a"];

/// A part of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub id: &'static str,
    /// The seed's heading, in sentence case.
    pub title: &'static str,
}

pub const PARTS: &[Part] = &[
    Part { id: "set-up", title: "Set up" },
    Part { id: "home-activities", title: "Review parents’ home activities" },
    Part { id: "topic", title: "When beginning the topic for the day" },
    Part { id: "vignettes", title: "When showing the vignettes" },
    Part { id: "role-plays", title: "Practice and role plays" },
];

/// One item of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// `<part>.<name>`: the key in `items`.
    pub id: &'static str,
    /// The seed's number (1–28).
    pub number: u8,
    pub part: &'static str,
    /// The seed's wording of the question (its worked examples in brackets left out).
    pub text: &'static str,
}

/// Declares the items once and makes both the table and the `items` fields from it.
macro_rules! items {
    ($( $number:literal, $id:literal, $part:literal, $text:literal; )*) => {
        /// The 28 items, in the checklist's order, with the seed's wording.
        pub const ITEMS: &[Item] = &[ $( Item { id: $id, number: $number, part: $part, text: $text } ),* ];
        /// The fields of `items`: yes, no or n-a per item, labelled by number, the seed's wording as help.
        pub const ITEM_FIELDS: &[Field] = &[ $(
            Field::choice($id, concat!("Response to item ", $number), ANSWERS)
                .required(concat!("Select yes, no or N/A for item ", $number))
                .help($text)
        ),* ];
    };
}

items! {
    1, "set-up.semicircle", "set-up", "Set up the chairs in a semicircle that allows everyone to see the TV?";
    2, "set-up.separate-places", "set-up", "Sit at separate places in the circle, rather than both at the front?";
    3, "set-up.agenda", "set-up", "Write the agenda on the board and present verbally?";
    4, "set-up.home-activities-ready", "set-up", "Have last week’s home activities ready for the parents to pick up, complete with praise and encouragement written on them?";
    5, "home-activities.ask-how-it-went", "home-activities", "Begin the discussion by asking how homework went this week?";
    6, "home-activities.every-parent", "home-activities", "Give every parent the chance to talk about their week and experiences with homework?";
    7, "home-activities.praise-efforts", "home-activities", "Praise whatever efforts parents made this week?";
    8, "home-activities.key-principles", "home-activities", "Highlight and write down key principles that their examples illustrate?";
    9, "home-activities.prior-learning", "home-activities", "Help parents integrate prior learning by asking them to use \"principles\" from prior sessions to solve new child problems that occur?";
    10, "home-activities.explore-difficulties", "home-activities", "Explore with individuals who didn’t complete the home activities what made it difficult, and learn how they might adapt it to fit their needs and goals?";
    11, "home-activities.accept-responsibility", "home-activities", "If a parent’s description of how they applied the skills makes it clear that he/she misunderstood, did the leaders accept responsibility for the misunderstanding rather than leave the parent feeling responsible for the failure?";
    12, "home-activities.praise-steps", "home-activities", "Praise and encourage parents for what they did well and recognize their beginning steps at change, rather than correct their process?";
    13, "home-activities.limit-discussion", "home-activities", "Limit the homework discussion (approximately 30-40 minutes) to give adequate time for new learning?";
    14, "topic.open-ended-questions", "topic", "Begin the discussion of the topic with open-ended questions to get parents to think about the importance of the topic?";
    15, "topic.paraphrase", "topic", "Paraphrase and highlight the points made by parents—writing key points on the board?";
    16, "vignettes.focus", "vignettes", "Focus parents on what they are about to see on the vignettes and what to look for?";
    17, "vignettes.open-ended-question", "vignettes", "Begin by asking an open-ended question to parents about what they thought was happening in the vignette?";
    18, "vignettes.acknowledge-responses", "vignettes", "Acknowledge responses one or more parents have to a vignette?";
    19, "vignettes.paraphrase", "vignettes", "Paraphrase and highlight the points made by parents - writing key points on the board?";
    20, "vignettes.move-on", "vignettes", "Move on to the next vignettes after key points have been discussed, rather than let discussion go on at length?";
    21, "vignettes.discussion", "vignettes", "Allow for discussion following each vignette?";
    22, "vignettes.redirect", "vignettes", "Redirect group to the relevance of the interaction on the videotape for their own lives(if parents become distracted by some aspect of the vignette, such as clothing or responses that seem phony).";
    23, "vignettes.own-goals", "vignettes", "Help parents understand how the concepts they are learning are related to their own goals for themselves and their children?";
    24, "role-plays.skill-covered", "role-plays", "Ensure that the skill to be practiced has been covered in the vignettes or discussion prior to asking someone to role play it.";
    25, "role-plays.spontaneous", "role-plays", "Do several spontaneous role plays that are derived from parents’ descriptions of what happened at home?";
    26, "role-plays.planned", "role-plays", "Do several planned role plays over the course of the session?";
    27, "role-plays.pairs-or-groups", "role-plays", "Do one or more role plays in pairs or small groups that allow multiple people to practice simultaneously?";
    28, "role-plays.directing-skills", "role-plays", "Use all of the following skills when directing role plays? Select parents and give them appropriate roles Skillfully get parents engaged in role plays Provide each person with a description of his/her role (age of child, level of misbehavior) Provide enough \"scaffolding\" so that parents are successful in their role as \"parent\" Invite other workshop members to be \"coaches,\" to call out ideas if the actor is stuck. Praise role play periodically to redirect, give clarification, or reinforce participants.";
}

pub const FIELDS: &[Field] = &[
    Field::choice("evaluationType", "Type of evaluation", EVALUATION_TYPES).required_with("Select the "),
    Field::text("session", "Session").required_with("Enter the "),
    Field::list("leaders", "Group leader", &Kind::Text { max: 200 }, 6).required("Add the group leaders"),
    Field::date("date", "Date of the session").required_with("Enter the "),
    Field::integer("courseWeek", "Week of the course", 1, 52)
        .help("Peer review falls in weeks 6 to 8 of the course, quality assurance around weeks 8 to 9."),
    Field::object("items", "Checklist items", ITEM_FIELDS)
        .required_with("Answer the ")
        .help("Yes, no or N/A for each of the 28 items."),
    Field::long_text("goals", "Goals for progress"),
];
