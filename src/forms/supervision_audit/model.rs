//! The supervision audit as submitted (002, "Appendix D: Supervision Audit Tool"): every field optional, read
//! leniently.

use crate::engine::model::{Field, Kind};

/// One question of Appendix D: the seed's number, the answer's key, the seed's wording. The seed numbers its ten
/// questions 1, 2, 3, 4, 5, 8, 9, 10, 11, 12 (there are no questions 6 and 7); the numbers are kept.
pub struct Question {
    pub number: u32,
    pub key: &'static str,
    pub text: &'static str,
}

pub const QUESTIONS: &[Question] = &[
    Question { number: 1, key: "q1", text: "Is there a supervision agreement?" },
    Question { number: 2, key: "q2", text: "Has supervision been held at required frequency?" },
    Question { number: 3, key: "q3", text: "Is the supervision clearly identified in case notes by the supervisor?" },
    Question { number: 4, key: "q4", text: "Is the supervision record being used to guide practice?" },
    Question { number: 5, key: "q5", text: "Are actions agreed checked at the subsequent supervision session?" },
    Question {
        number: 8,
        key: "q8",
        text: "Are cases discussed so that there is opportunity for the worker to critically reflect and for the supervisor to constructively challenge?",
    },
    Question { number: 9, key: "q9", text: "Are case work decisions recorded on the Case Record?" },
    Question { number: 10, key: "q10", text: "Is there evidence of management decision making?" },
    Question { number: 11, key: "q11", text: "Is good work recognised or poor performance addressed?" },
    Question { number: 12, key: "q12", text: "Where relevant are Protection Plans monitored via supervision?" },
];

const ANSWERS: &[Field] = &[
    Field::boolean("q1", "Question 1").required_with("Select yes or no for ").help("Is there a supervision agreement?"),
    Field::boolean("q2", "Question 2")
        .required_with("Select yes or no for ")
        .help("Has supervision been held at required frequency?"),
    Field::boolean("q3", "Question 3")
        .required_with("Select yes or no for ")
        .help("Is the supervision clearly identified in case notes by the supervisor?"),
    Field::boolean("q4", "Question 4")
        .required_with("Select yes or no for ")
        .help("Is the supervision record being used to guide practice?"),
    Field::boolean("q5", "Question 5")
        .required_with("Select yes or no for ")
        .help("Are actions agreed checked at the subsequent supervision session?"),
    Field::boolean("q8", "Question 8").required_with("Select yes or no for ").help(
        "Are cases discussed so that there is opportunity for the worker to critically reflect and for the supervisor to constructively challenge?",
    ),
    Field::boolean("q9", "Question 9")
        .required_with("Select yes or no for ")
        .help("Are case work decisions recorded on the Case Record?"),
    Field::boolean("q10", "Question 10")
        .required_with("Select yes or no for ")
        .help("Is there evidence of management decision making?"),
    Field::boolean("q11", "Question 11")
        .required_with("Select yes or no for ")
        .help("Is good work recognised or poor performance addressed?"),
    Field::boolean("q12", "Question 12")
        .required_with("Select yes or no for ")
        .help("Where relevant are Protection Plans monitored via supervision?"),
];

const FILE: &[Field] = &[
    Field::text("reference", "Supervision file")
        .help("Which supervision file this column is (a reference, not a child’s name)."),
    Field::object("answers", "Answers", ANSWERS).help("Yes (true) or no (false) for each question."),
    Field::long_text("comments", "Comments on the file"),
];

pub const FIELDS: &[Field] = &[
    Field::text("supervisor", "Name of the supervisor").required_with("Enter the "),
    Field::text("auditor", "Auditor").required("Enter the auditor’s name"),
    Field::date("date", "Date of the audit").required_with("Enter the "),
    Field::date("previousAuditDate", "Date of the previous audit"),
    Field::list("files", "Supervision files audited", &Kind::Object(FILE), 50).required_with("Add the "),
    Field::long_text("comments", "Any comments"),
];
