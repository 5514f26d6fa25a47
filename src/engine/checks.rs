//! Checks many forms share, driven by a rule's declaration so a form states them once.

use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::context::Ctx;
use super::messages::lower_first;
use super::model::{Field, Kind, LIST_MAX};
use super::read;
use super::rule::Rule;

/// Reports every date the rule reads (its declared `paths`, `*` standing for each list row or each field of an
/// object) that is after today, with the field's label: "{label} must be today or in the past". A date-time counts by
/// its date. For the dates of things already done (a visit, a signature, a meeting held), which cannot be in the
/// future.
pub fn dates_not_after_today(fields: &'static [Field], data: &Map<String, Value>, ctx: &mut Ctx, rule: &Rule) {
    dates_not_after_today_at(fields, data, ctx, rule, rule.paths);
}

/// The same check for the dates at `paths` only, for a rule that also reads other fields (a start date its dates
/// must follow, a row that decides whether a date is of something done yet).
pub fn dates_not_after_today_at(
    fields: &'static [Field],
    data: &Map<String, Value>,
    ctx: &mut Ctx,
    rule: &Rule,
    paths: &[&str],
) {
    let today = ctx.today;
    for (path, label, _) in dates_at(fields, data, paths, &|d| d > today) {
        ctx.emit(rule, path.as_str(), crate::msg!(DATE_NOT_AFTER_TODAY, label = label));
    }
}

/// The same check for dates the form has already read (its facts), `dates[i]` being the date at `paths[i]`, a
/// top-level field of `fields`: reported in that order with the field's label, as [`dates_not_after_today_at`]
/// reports them, without walking the model and reading each date again.
pub fn read_dates_not_after_today(
    fields: &'static [Field],
    ctx: &mut Ctx,
    rule: &Rule,
    paths: &[&'static str],
    dates: &[Option<NaiveDate>],
) {
    let today = ctx.today;
    for (path, date) in paths.iter().zip(dates) {
        if date.is_some_and(|d| d > today) {
            let label =
                path.strip_prefix('/').and_then(|name| super::model::find(fields, name)).map_or("", |(_, f)| f.label);
            ctx.emit(rule, *path, crate::msg!(DATE_NOT_AFTER_TODAY, label = label));
        }
    }
}

/// Reports every date at `paths` that is before the date at `anchor` (a declared path, read the same way), with
/// both fields' labels: "{label} must be the same as or after the {anchor's label}", related to the anchor. For the
/// steps that follow another (a summary after the closure was directed, a contact after allocation). Nothing is
/// reported while the anchor is missing or malformed.
pub fn dates_not_before(
    fields: &'static [Field],
    data: &Map<String, Value>,
    ctx: &mut Ctx,
    rule: &Rule,
    anchor: &str,
    paths: &[&str],
) {
    let Some((_, anchor_label, start)) = dates_at(fields, data, &[anchor], &|_| true).into_iter().next() else {
        return;
    };
    let after = lower_first(anchor_label);
    for (path, label, _) in dates_at(fields, data, paths, &|d| d < start) {
        ctx.emit(rule, path.as_str(), crate::msg!(DATE_NOT_BEFORE, label = label, after = after)).related([anchor]);
    }
}

/// A date found: its concrete path, its field's label and the date.
type Found = Vec<(String, &'static str, NaiveDate)>;

/// Every well-formed date (a date-time counts by its date) at `paths`, `*` standing for each list row or each field
/// of an object, that `keep` keeps, each once, with its concrete path and its field's label, in the order of `paths`.
/// A path is written out only for a date kept (the walk builds it in one buffer).
fn dates_at(
    fields: &'static [Field],
    data: &Map<String, Value>,
    paths: &[&str],
    keep: &dyn Fn(NaiveDate) -> bool,
) -> Found {
    let mut found = Found::new();
    let mut at = String::new();
    for path in paths {
        // The segments after the first `/` (as `split('/').skip(1)` gives them), none for an empty path.
        let segments = next_segment(path).1;
        walk_object(fields, data, segments, &mut at, keep, &mut found);
    }
    found
}

/// The first segment of `segments` and the rest (`None` after the last), as `split_once('/')` gives them. Found byte
/// by byte: `str::split_once`'s searcher is set up on every call, and took about a third of a date's walk (a check
/// walks each date path of a rule that reads dates after today).
fn next_segment(segments: &str) -> (&str, Option<&str>) {
    match segments.bytes().position(|b| b == b'/') {
        Some(i) => (segments.get(..i).unwrap_or(segments), segments.get(i.saturating_add(1)..)),
        None => (segments, None),
    }
}

fn walk_object(
    fields: &'static [Field],
    obj: &Map<String, Value>,
    segments: Option<&str>,
    at: &mut String,
    keep: &dyn Fn(NaiveDate) -> bool,
    found: &mut Found,
) {
    let Some((first, rest)) = segments.map(next_segment) else { return };
    // `*` over an object stands for each of its declared fields, in the model's order (the family programme's
    // modules, keyed by their ids).
    if first == "*" {
        for field in fields {
            walk_field(field, obj, rest, at, keep, found);
        }
    } else if let Some((_, field)) = super::model::find(fields, first) {
        walk_field(field, obj, rest, at, keep, found);
    }
}

fn walk_field(
    field: &'static Field,
    obj: &Map<String, Value>,
    rest: Option<&str>,
    at: &mut String,
    keep: &dyn Fn(NaiveDate) -> bool,
    found: &mut Found,
) {
    let Some(value) = obj.get(field.name) else { return };
    let len = at.len();
    at.push('/');
    at.push_str(field.name);
    walk_value(&field.kind, field.label, value, rest, at, keep, found);
    at.truncate(len);
}

fn walk_value(
    kind: &Kind,
    label: &'static str,
    value: &Value,
    segments: Option<&str>,
    at: &mut String,
    keep: &dyn Fn(NaiveDate) -> bool,
    found: &mut Found,
) {
    let date = match (kind, segments) {
        (Kind::Date, None) => read::parse_date(value).ok().flatten(),
        (Kind::DateTime, None) => read::parse_datetime(value).ok().flatten().map(|t| t.date()),
        (Kind::Object(fields), Some(_)) => {
            if let Value::Object(o) = value {
                walk_object(fields, o, segments, at, keep, found);
            }
            None
        }
        (Kind::List { item, .. }, Some(s)) => {
            if let (("*", rest), Value::Array(items)) = (next_segment(s), value) {
                let max = usize::try_from(LIST_MAX).unwrap_or(usize::MAX);
                for (i, v) in items.iter().enumerate().take(max) {
                    let len = at.len();
                    super::pointer::push_index(at, i);
                    walk_value(item, label, v, rest, at, keep, found);
                    at.truncate(len);
                }
            }
            None
        }
        _ => None,
    };
    // Each path once (two declared paths can reach the same field): the same path has the same date, so the first
    // time is the one kept.
    if let Some(d) = date.filter(|d| keep(*d)) {
        if !found.iter().any(|(p, _, _)| p == at) {
            found.push((at.clone(), label, d));
        }
    }
}

crate::messages! {
    DATE_NOT_AFTER_TODAY = "shared.date-today-or-past": "{label} must be today or in the past";
    DATE_NOT_BEFORE = "shared.date-not-before": "{label} must be the same as or after the {after}";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::options::Options;
    use crate::engine::report::Diagnostic;
    use crate::engine::rule::{Cite, CONVENTIONS};
    use crate::engine::value::json;
    use crate::rule;

    const ROW: &[Field] = &[Field::date("on", "Date of the visit"), Field::datetime("at", "Date and time of the call")];
    const FIELDS: &[Field] = &[
        Field::date("openedOn", "Date the plan was opened"),
        Field::date("closedOn", "Date the plan was closed"),
        Field::list("visits", "Visits", &Kind::Object(ROW), 10),
        Field::list("calls", "Date of a call", &Kind::Date, 10),
    ];
    rule!(
        FUTURE,
        "TST-001",
        "date-in-future",
        Error,
        Check,
        ["/openedOn", "/closedOn", "/visits/*/on", "/visits/*/at", "/calls/*"],
        Cite::interpreted(CONVENTIONS, "test"),
        "",
        ""
    );
    rule!(
        ORDER,
        "TST-002",
        "out-of-order",
        Error,
        Check,
        ["/closedOn", "/visits/*/on", "/openedOn"],
        Cite::interpreted(CONVENTIONS, "test"),
        "",
        ""
    );

    fn run(data: crate::engine::value::Value, f: impl Fn(&Map<String, Value>, &mut Ctx)) -> Vec<Diagnostic> {
        let resolved = Options::new().today("2025-06-02").unwrap().resolve().unwrap();
        let mut ctx = Ctx::new(&resolved);
        f(data.as_object().unwrap(), &mut ctx);
        ctx.finish()
    }

    fn found(d: &[Diagnostic]) -> Vec<(&str, &str)> {
        d.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect()
    }

    #[test]
    fn reports_each_date_after_today_at_its_row_with_its_label() {
        let data = json!({
            "openedOn": "2025-06-02", "closedOn": "2025-06-03",
            "visits": [{ "on": "2025-06-01" }, { "on": "2025-07-01", "at": "2025-06-03T00:30" }, "not a row"],
            "calls": ["2025-06-03", "not a date", { "day": "1", "month": "1", "year": "2026" }]
        });
        let d = run(data, |data, ctx| dates_not_after_today(FIELDS, data, ctx, &FUTURE));
        assert_eq!(
            found(&d),
            vec![
                ("/closedOn", "Date the plan was closed must be today or in the past"),
                ("/visits/1/on", "Date of the visit must be today or in the past"),
                ("/visits/1/at", "Date and time of the call must be today or in the past"),
                ("/calls/0", "Date of a call must be today or in the past"),
                ("/calls/2", "Date of a call must be today or in the past"),
            ]
        );
        // Only the paths asked for.
        let data = json!({ "openedOn": "2025-06-03", "closedOn": "2025-06-03" });
        let d = run(data, |data, ctx| dates_not_after_today_at(FIELDS, data, ctx, &FUTURE, &["/closedOn"]));
        assert_eq!(found(&d), vec![("/closedOn", "Date the plan was closed must be today or in the past")]);
    }

    #[test]
    fn a_star_over_an_object_is_each_of_its_declared_fields_in_the_models_order() {
        const PART: &[Field] = &[Field::date("doneOn", "Date the part was done")];
        const PARTS: &[Field] = &[
            Field::object("1", "Part 1", PART),
            Field::object("2a", "Part 2a", PART),
            Field::object("3", "Part 3", PART),
        ];
        const MODEL: &[Field] = &[Field::object("parts", "Parts", PARTS)];
        // Keys in another order than the model's, and one the model does not declare: the model's order, its fields only.
        let data = json!({ "parts": {
            "3": { "doneOn": "2025-06-03" }, "x": { "doneOn": "2025-06-03" }, "1": { "doneOn": "2025-06-04" },
            "2a": { "doneOn": "2025-06-02" }
        } });
        let d = run(data, |data, ctx| dates_not_after_today_at(MODEL, data, ctx, &FUTURE, &["/parts/*/doneOn"]));
        assert_eq!(
            found(&d),
            vec![
                ("/parts/1/doneOn", "Date the part was done must be today or in the past"),
                ("/parts/3/doneOn", "Date the part was done must be today or in the past"),
            ]
        );
    }

    #[test]
    fn dates_already_read_are_reported_as_the_walk_reports_them() {
        // Every combination of the two top-level dates, each in the past, today, after today, malformed or missing.
        let values = [json!("2025-06-01"), json!("2025-06-02"), json!("2025-06-03"), json!("2025-02-30"), json!(null)];
        let paths = ["/openedOn", "/closedOn"];
        for opened in &values {
            for closed in &values {
                let data = json!({ "openedOn": opened.clone(), "closedOn": closed.clone() });
                let walked =
                    run(data.clone(), |data, ctx| dates_not_after_today_at(FIELDS, data, ctx, &FUTURE, &paths));
                let read = run(data, |data, ctx| {
                    let dates = [read::date(data, "openedOn"), read::date(data, "closedOn")];
                    read_dates_not_after_today(FIELDS, ctx, &FUTURE, &paths, &dates);
                });
                assert_eq!(found(&read), found(&walked), "{opened} {closed}");
            }
        }
        let both = json!({ "openedOn": "2025-06-03", "closedOn": "2025-07-01" });
        let d = run(both, |data, ctx| {
            read_dates_not_after_today(FIELDS, ctx, &FUTURE, &paths, &[read::date(data, "openedOn"), None]);
        });
        assert_eq!(found(&d), vec![("/openedOn", "Date the plan was opened must be today or in the past")]);
    }

    #[test]
    fn reports_each_date_before_its_anchor_with_both_labels() {
        let data = json!({ "openedOn": "2025-05-10", "closedOn": "2025-05-09", "visits": [{ "on": "2025-05-10" }, { "on": "2025-05-01" }] });
        let d = run(data, |data, ctx| {
            dates_not_before(FIELDS, data, ctx, &ORDER, "/openedOn", &["/closedOn", "/visits/*/on"])
        });
        assert_eq!(
            found(&d),
            vec![
                ("/closedOn", "Date the plan was closed must be the same as or after the date the plan was opened"),
                ("/visits/1/on", "Date of the visit must be the same as or after the date the plan was opened"),
            ]
        );
        assert!(d.iter().all(|d| d.related == vec!["/openedOn".to_owned()]));
        // No anchor, or a malformed one: nothing to judge against.
        for anchor in [json!(null), json!("2025-02-30")] {
            let data = json!({ "openedOn": anchor, "closedOn": "2025-05-09" });
            assert!(run(data, |data, ctx| dates_not_before(FIELDS, data, ctx, &ORDER, "/openedOn", &["/closedOn"]))
                .is_empty());
        }
    }
}
