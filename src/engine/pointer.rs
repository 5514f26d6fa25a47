//! JSON Pointers (RFC 6901) into a form's data: reading, setting and removing one field as a person edits it.
//!
//! One parser of list indexes ([`list_index`]) and one decision per segment ([`step`]) serve [`get`], [`set`] and
//! [`remove`], so they read a pointer the same way:
//! - into a list, a segment is a list index: `0`, or a number without leading zeros, or `-` (one past the end).
//!   Anything else (`-1`, `abc`, `1.5`, `01`, `+1`, an empty segment) is the caller's mistake, refused with the data
//!   unchanged — never a reason to turn the list into an object;
//! - `set` writes at an index within the list, or at its end (`-` or the length) to add a row; beyond that is refused;
//! - `remove` of something that is not there (a key that is absent, an index at or past the end, `-`) changes nothing
//!   and is not an error, however deep the pointer goes: `remove("/children/5")` and `remove("/children/5/name")` on
//!   a two-row list both leave the form as it is;
//! - `set` creates what is missing on the way: what the form's model has there (an object, a list, a date's parts),
//!   else a list when the next segment is a number or `-` and an object otherwise. A plain value on the way (text
//!   where the pointer goes deeper) is replaced by that container, as a GOV.UK date input replaces a date written
//!   as text by its parts. `set` checks the whole pointer before it changes anything.

use crate::engine::value::{Map, Value};

use super::error::Error;
use super::model::{Field, Kind};
use super::read;

/// The largest list index a pointer may name (a form never has more rows; stops a pointer allocating gigabytes).
pub const MAX_INDEX: usize = 10_000;
/// The deepest pointer accepted (no form is nested anywhere near this; stops a pointer recursing without bound).
const MAX_SEGMENTS: usize = 64;

/// Splits a pointer into its unescaped segments. `""` is the whole document.
pub fn parse(pointer: &str) -> Result<Vec<String>, Error> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(Error::InvalidPointer("a pointer starts with \"/\"".into()));
    };
    if rest.bytes().filter(|b| *b == b'/').count() >= MAX_SEGMENTS {
        return Err(Error::InvalidPointer(crate::text!("a pointer has at most ", MAX_SEGMENTS, " segments")));
    }
    let mut segments = Vec::new();
    for seg in rest.split('/') {
        segments.push(unescape(seg)?);
    }
    Ok(segments)
}

fn unescape(seg: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(seg.len());
    let mut chars = seg.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return Err(Error::InvalidPointer("\"~\" must be followed by 0 or 1".into())),
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Appends `/i`, a list row's segment, to a path (without `core::fmt`: the structural pass and the shared date checks
/// write one for every row they walk).
pub fn push_index(path: &mut String, i: usize) {
    path.push('/');
    super::messages::IntText::default().push(path, false, u64::try_from(i).unwrap_or(u64::MAX));
}

/// A segment read as a list index: `Some(n)` for a number without leading zeros (a number too large for `usize` is
/// `usize::MAX`, beyond any list), `None` for `-` (one past the end), an error for anything else.
pub fn list_index(seg: &str) -> Result<Option<usize>, Error> {
    if seg == "-" {
        return Ok(None);
    }
    let digits = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit());
    if !digits || (seg.len() > 1 && seg.starts_with('0')) {
        return Err(Error::InvalidPointer(
            "a list index is 0, a number without leading zeros, or \"-\" for the end of the list".into(),
        ));
    }
    Ok(Some(seg.parse().unwrap_or(usize::MAX)))
}

fn beyond_the_end() -> Error {
    Error::InvalidPointer("the list index is beyond the end of the list".into())
}

/// What a segment names, given the value it is looked up in (`None`: nothing there yet) and what the form's model
/// has there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A key of the object there.
    Key,
    /// A row of the list there.
    Row(usize),
    /// A new row at the end of the list there.
    Push,
    /// Nothing usable there: a new object, then the key.
    NewObject,
    /// Nothing usable there: a new list with one row (the segment is `0` or `-`).
    NewList,
}

fn step(slot: Option<&Value>, model: Option<&'static Kind>, seg: &str) -> Result<Step, Error> {
    match slot {
        Some(Value::Object(_)) => Ok(Step::Key),
        Some(Value::Array(items)) => match list_index(seg)? {
            None => Ok(Step::Push),
            Some(i) if i < items.len() => Ok(Step::Row(i)),
            Some(i) if i == items.len() && i <= MAX_INDEX => Ok(Step::Push),
            Some(_) => Err(beyond_the_end()),
        },
        _ => {
            let list = match model {
                Some(Kind::List { .. }) => true,
                Some(Kind::Object(_) | Kind::Date) => false,
                _ => seg == "-" || (!seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit())),
            };
            if !list {
                return Ok(Step::NewObject);
            }
            match list_index(seg)? {
                None | Some(0) => Ok(Step::NewList),
                Some(_) => Err(beyond_the_end()),
            }
        }
    }
}

/// What the model has under `seg` of a value it has as `kind`.
fn child(kind: Option<&'static Kind>, seg: &str) -> Option<&'static Kind> {
    match kind? {
        Kind::Object(fields) => super::model::find(fields, seg).map(|(_, f)| &f.kind),
        Kind::List { item, .. } => Some(*item),
        _ => None,
    }
}

/// The value at `segments`, when there is one (`-` names no value; a malformed index names none either).
pub fn get<'a>(root: &'a Map<String, Value>, segments: &[String]) -> Option<&'a Value> {
    let (first, rest) = segments.split_first()?;
    let mut cur = read::get(root, first)?;
    for seg in rest {
        cur = match cur {
            Value::Object(map) => read::get(map, seg)?,
            Value::Array(items) => items.get(list_index(seg).ok()??)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Sets the value at `segments` of a form whose model is `fields`, creating what is missing on the way (see the
/// module's documentation). Refused, with nothing changed, when a segment cannot be applied.
pub fn set(
    root: &mut Map<String, Value>,
    fields: &'static [Field],
    segments: &[String],
    value: Value,
) -> Result<(), Error> {
    let Some((first, rest)) = segments.split_first() else {
        return Err(Error::InvalidPointer("use load() to replace the whole form".into()));
    };
    let top = super::model::find(fields, first).map(|(_, f)| &f.kind);
    // The whole walk first, reading only: a refused pointer changes nothing.
    let (mut cur, mut kind) = (read::get(root, first), top);
    for seg in rest {
        cur = match step(cur, kind, seg)? {
            Step::Key => cur.and_then(Value::as_object).and_then(|m| read::get(m, seg)),
            Step::Row(i) => cur.and_then(Value::as_array).and_then(|items| items.get(i)),
            Step::Push | Step::NewObject | Step::NewList => None,
        };
        kind = child(kind, seg);
    }
    // Then the same walk, changing: every step was checked above.
    let mut slot = root.entry(first.clone()).or_insert(Value::Null);
    let mut kind = top;
    for seg in rest {
        let how = step(Some(&*slot), kind, seg)?;
        if how == Step::NewObject {
            *slot = Value::Object(Map::new());
        } else if how == Step::NewList {
            *slot = Value::Array(Vec::new());
        }
        slot = match slot {
            Value::Object(map) => map.entry(seg.clone()).or_insert(Value::Null),
            Value::Array(items) => {
                if matches!(how, Step::Push | Step::NewList) {
                    items.push(Value::Null);
                }
                let at = match how {
                    Step::Row(i) => i,
                    _ => items.len().saturating_sub(1),
                };
                items.get_mut(at).ok_or_else(beyond_the_end)?
            }
            _ => return Err(Error::InvalidPointer("cannot descend into a plain value".into())),
        };
        kind = child(kind, seg);
    }
    *slot = value;
    Ok(())
}

/// Removes the field or list row at `segments`. Removing what is not there changes nothing and is not an error; a
/// malformed list index is (the data is unchanged).
pub fn remove(root: &mut Map<String, Value>, segments: &[String]) -> Result<(), Error> {
    let Some((last, parents)) = segments.split_last() else {
        return Err(Error::InvalidPointer("use load({}) to clear the whole form".into()));
    };
    let Some((first, rest)) = parents.split_first() else {
        root.remove(last.as_str());
        return Ok(());
    };
    // Every segment into a list is checked, even past the point where nothing is there, so that a malformed index
    // is refused wherever it is.
    let mut cur = root.get_mut(first.as_str());
    for seg in rest {
        cur = match cur {
            Some(Value::Object(map)) => map.get_mut(seg.as_str()),
            Some(Value::Array(items)) => list_index(seg)?.and_then(|i| items.get_mut(i)),
            _ => None,
        };
    }
    match cur {
        Some(Value::Object(map)) => {
            map.remove(last.as_str());
        }
        Some(Value::Array(items)) => {
            if let Some(i) = list_index(last)?.filter(|i| *i < items.len()) {
                items.remove(i);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::json;

    static ITEM: Kind = Kind::Object(&[]);
    static FIELDS: &[Field] = &[Field::object("children", "Children", &[])];

    fn data(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    fn segs(p: &str) -> Vec<String> {
        parse(p).unwrap()
    }

    #[test]
    fn list_indexes_are_canonical_numbers_or_the_end() {
        assert_eq!(list_index("0").unwrap(), Some(0));
        assert_eq!(list_index("12").unwrap(), Some(12));
        assert_eq!(list_index("-").unwrap(), None);
        assert_eq!(list_index("99999999999999999999999").unwrap(), Some(usize::MAX));
        for bad in ["-1", "abc", "1.5", "01", "00", "+1", "", " 1", "1e3", "0x1", "１"] {
            assert!(list_index(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_malformed_index_into_a_list_is_refused_and_changes_nothing() {
        let before = data(json!({ "children": [{ "name": "A" }, { "name": "B" }] }));
        for p in ["/children/-1/name", "/children/abc/name", "/children/1.5", "/children/01/name", "/children/3"] {
            let mut d = before.clone();
            assert!(set(&mut d, &[], &segs(p), json!("x")).is_err(), "{p}");
            assert_eq!(d, before, "{p}");
            let mut d = before.clone();
            let removed = remove(&mut d, &segs(p));
            assert_eq!(d, before, "{p}");
            assert_eq!(removed.is_err(), p != "/children/3", "{p}");
        }
    }

    #[test]
    fn remove_of_what_is_not_there_is_a_no_op_at_any_depth() {
        let before = data(json!({ "children": [{ "name": "A" }, { "name": "B" }] }));
        for p in ["/children/5", "/children/5/name", "/children/2", "/children/-", "/children/0/age", "/x/y/z"] {
            let mut d = before.clone();
            remove(&mut d, &segs(p)).unwrap();
            assert_eq!(d, before, "{p}");
        }
        let mut d = before.clone();
        remove(&mut d, &segs("/children/0")).unwrap();
        assert_eq!(Value::Object(d), json!({ "children": [{ "name": "B" }] }));
    }

    #[test]
    fn set_adds_rows_at_the_end_and_makes_what_the_model_has() {
        let mut d = data(json!({ "children": [{ "name": "A" }] }));
        set(&mut d, &[], &segs("/children/1/name"), json!("B")).unwrap();
        set(&mut d, &[], &segs("/children/-/name"), json!("C")).unwrap();
        assert_eq!(Value::Object(d), json!({ "children": [{ "name": "A" }, { "name": "B" }, { "name": "C" }] }));
        // The model has an object whose keys are numbers: an object, not a list.
        let mut d = Map::new();
        set(&mut d, FIELDS, &segs("/children/1"), json!(true)).unwrap();
        assert_eq!(Value::Object(d), json!({ "children": { "1": true } }));
        // The model has a list: only a list index fits, even when nothing is there yet.
        static LIST: &[Field] = &[Field::list("rows", "Rows", &ITEM, 10)];
        let mut d = Map::new();
        assert!(set(&mut d, LIST, &segs("/rows/x"), json!(1)).is_err());
        assert!(d.is_empty());
        set(&mut d, LIST, &segs("/rows/0/x"), json!(1)).unwrap();
        assert_eq!(Value::Object(d), json!({ "rows": [{ "x": 1 }] }));
    }

    #[test]
    fn get_reads_an_index_as_set_does() {
        let d = data(json!({ "children": [{ "name": "A" }] }));
        assert_eq!(get(&d, &segs("/children/0/name")), Some(&json!("A")));
        for p in ["/children/00/name", "/children/-/name", "/children/-1", "/children/1"] {
            assert_eq!(get(&d, &segs(p)), None, "{p}");
        }
    }
}
