//! Checks many forms share, driven by a rule's declaration so a form states them once.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::context::Ctx;
use super::model::{Field, Kind, LIST_MAX};
use super::read;
use super::rule::Rule;

/// Reports every date the rule reads (its declared `paths`, `*` standing for each list row) that is after today,
/// with the field's label: "{label} must be today or in the past". A date-time counts by its date. For the dates of
/// things already done (a visit, a signature, a meeting held), which cannot be in the future.
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
    let mut found: Vec<(String, &'static str)> = Vec::new();
    for path in paths {
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        walk_object(fields, data, &segments, "", ctx.today, &mut found);
    }
    let mut seen: Vec<String> = Vec::new();
    for (path, label) in found {
        if !seen.contains(&path) {
            ctx.emit(rule, path.as_str(), format!("{label} must be today or in the past"));
            seen.push(path);
        }
    }
}

fn walk_object(
    fields: &'static [Field],
    obj: &Map<String, Value>,
    segments: &[&str],
    prefix: &str,
    today: NaiveDate,
    found: &mut Vec<(String, &'static str)>,
) {
    let Some((first, rest)) = segments.split_first() else { return };
    let Some(field) = fields.iter().find(|f| f.name == *first) else { return };
    let Some(value) = obj.get(field.name) else { return };
    let path = format!("{prefix}/{}", field.name);
    walk_value(&field.kind, field.label, value, rest, path, today, found);
}

fn walk_value(
    kind: &Kind,
    label: &'static str,
    value: &Value,
    segments: &[&str],
    path: String,
    today: NaiveDate,
    found: &mut Vec<(String, &'static str)>,
) {
    match (kind, segments.split_first()) {
        (Kind::Date, None) if read::parse_date(value).ok().flatten().is_some_and(|d| d > today) => {
            found.push((path, label));
        }
        (Kind::DateTime, None) if read::parse_datetime(value).ok().flatten().is_some_and(|t| t.date() > today) => {
            found.push((path, label));
        }
        (Kind::Object(fields), Some(_)) => {
            if let Value::Object(o) = value {
                walk_object(fields, o, segments, &path, today, found);
            }
        }
        (Kind::List { item, .. }, Some((&"*", rest))) => {
            if let Value::Array(items) = value {
                let max = usize::try_from(LIST_MAX).unwrap_or(usize::MAX);
                for (i, v) in items.iter().enumerate().take(max) {
                    walk_value(item, label, v, rest, format!("{path}/{i}"), today, found);
                }
            }
        }
        _ => {}
    }
}
