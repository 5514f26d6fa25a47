//! Incredible Years parent group leader checklist — `incredible-years-checklist` (002, "ATTACHMENT FIVE -
//! Incredible Years Peer Review"): 28 items in five parts, each yes, no or N/A; fidelity per part and overall.

pub mod model;
pub mod rules;

use crate::engine::value::{Map, Value};
use crate::outcome_json as json;

use crate::engine::context::Ctx;
use crate::engine::outcome::{Code, Out, OutType as T, Tree};
use crate::engine::read;
use crate::engine::registry::FormDef;

pub static FORM: FormDef = FormDef {
    id: "incredible-years-checklist",
    title: "Incredible Years parent group leader checklist",
    source: "002_01d3e803f2e17a39.txt",
    fields: model::FIELDS,
    rules: rules::RULES,
    required: &rules::REQUIRED,
    messages: rules::MESSAGES,
    check,
    carry_forward: None,
    outcome: OUTCOME,
};

/// The checklist's parts ([`model::PARTS`]), each labelled with its title.
const PARTS: [Code; model::PARTS.len()] = crate::codes_of!(model::PARTS, |p| (p.id, p.title));
const PART: &[Out] = &[
    Out::new("id", "Part", T::choice(&PARTS)),
    Out::new("title", "Title", T::Text),
    Out::new("items", "Items", T::Integer),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("no", "No answers", T::Integer),
    Out::new("notApplicable", "Not applicable", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("fidelity", "Fidelity", T::Number).nullable().unit("fraction"),
];

/// The outcome this form computes (see `engine::outcome`).
pub static OUTCOME: &[Out] = &[
    Out::new("parts", "Parts", T::List(&T::Object(PART))),
    Out::new("yes", "Yes answers", T::Integer),
    Out::new("no", "No answers", T::Integer),
    Out::new("notApplicable", "Not applicable", T::Integer),
    Out::new("unanswered", "Unanswered", T::Integer),
    Out::new("fidelity", "Fidelity", T::Number)
        .nullable()
        .unit("fraction")
        .describe("Yes answers out of yes and no, from 0 to 1; null when none is answered."),
];

fn check(data: &Map<String, Value>, ctx: &mut Ctx) -> Option<Tree> {
    rules::check(data, ctx);
    Some(outcome(data))
}

/// Yes ÷ (yes + no) to two decimals, rounded half up; none when no item is answered yes or no.
fn fidelity(yes: usize, no: usize) -> Option<f64> {
    let (yes, answered) = (i64::try_from(yes).ok()?, i64::try_from(yes.checked_add(no)?).ok()?);
    if answered == 0 {
        return None;
    }
    let hundredths = yes.checked_mul(200)?.checked_add(answered)?.checked_div(answered.checked_mul(2)?)?;
    let (whole, cents) = (hundredths.div_euclid(100), hundredths.rem_euclid(100));
    crate::engine::parse_float::parse_f64(&crate::text!(whole, ".", if cents < 10 { "0" } else { "" }, cents))
}

/// Counts and fidelity per part and overall.
fn outcome(data: &Map<String, Value>) -> Tree {
    let items = read::object(data, "items");
    let answer = |id: &str| items.and_then(|i| read::choice(i, id, model::ANSWERS));
    let count = |part: Option<&str>, want: Option<&str>| {
        model::ITEMS
            .iter()
            .filter(|i| part.is_none_or(|p| i.part == p))
            .filter(|i| answer(i.id).as_deref() == want)
            .count()
    };
    let parts: Vec<Tree> = model::PARTS
        .iter()
        .map(|p| {
            let (yes, no) = (count(Some(p.id), Some("yes")), count(Some(p.id), Some("no")));
            json!({
                "id": p.id,
                "title": p.title,
                "items": model::ITEMS.iter().filter(|i| i.part == p.id).count(),
                "yes": yes,
                "no": no,
                "notApplicable": count(Some(p.id), Some("n-a")),
                "unanswered": count(Some(p.id), None),
                "fidelity": fidelity(yes, no),
            })
        })
        .collect();
    let (yes, no) = (count(None, Some("yes")), count(None, Some("no")));
    json!({
        "parts": parts,
        "yes": yes,
        "no": no,
        "notApplicable": count(None, Some("n-a")),
        "unanswered": count(None, None),
        "fidelity": fidelity(yes, no),
    })
}
