//! JSON Pointers (RFC 6901): reading, setting and removing one field of a form as a person edits it.

use serde_json::{Map, Value};

use super::error::Error;

/// The largest list index a pointer may name (a form never has more rows; stops a pointer allocating gigabytes).
const MAX_INDEX: usize = 10_000;
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
    if rest.split('/').nth(MAX_SEGMENTS).is_some() {
        return Err(Error::InvalidPointer(format!("a pointer has at most {MAX_SEGMENTS} segments")));
    }
    rest.split('/').map(unescape).collect()
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

fn index(seg: &str, len: usize, allow_end: bool) -> Result<usize, Error> {
    if allow_end && seg == "-" {
        return Ok(len);
    }
    let ok = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) && (seg == "0" || !seg.starts_with('0'));
    let i: usize = if ok { seg.parse().map_err(|_| bad_index())? } else { return Err(bad_index()) };
    if i > MAX_INDEX || i > len || (!allow_end && i == len) {
        return Err(Error::InvalidPointer("the list index is beyond the end of the list".into()));
    }
    Ok(i)
}

fn bad_index() -> Error {
    Error::InvalidPointer("a list index is a number without leading zeros, or \"-\"".into())
}

/// Sets the value at `pointer`, creating the objects and lists on the way (a list when the next segment is a
/// number or `-`). A plain value on the way is replaced by the container the pointer asks for.
pub fn set(root: &mut Map<String, Value>, segments: &[String], value: Value) -> Result<(), Error> {
    let Some((first, rest)) = segments.split_first() else {
        return Err(Error::InvalidPointer("use load() to replace the whole form".into()));
    };
    let slot = root.entry(first.clone()).or_insert(Value::Null);
    set_in(slot, rest, value)
}

fn container_for(next: &str) -> Value {
    if next == "-" || (!next.is_empty() && next.bytes().all(|b| b.is_ascii_digit())) {
        Value::Array(Vec::new())
    } else {
        Value::Object(Map::new())
    }
}

fn set_in(slot: &mut Value, segments: &[String], value: Value) -> Result<(), Error> {
    let Some((seg, rest)) = segments.split_first() else {
        *slot = value;
        return Ok(());
    };
    let fits = match slot {
        Value::Array(_) => seg == "-" || seg.bytes().all(|b| b.is_ascii_digit()),
        Value::Object(_) => true,
        _ => false,
    };
    if !fits {
        *slot = container_for(seg);
    }
    match slot {
        Value::Object(map) => {
            let child = map.entry(seg.clone()).or_insert(Value::Null);
            set_in(child, rest, value)
        }
        Value::Array(items) => {
            let i = index(seg, items.len(), true)?;
            if i == items.len() {
                items.push(Value::Null);
            }
            let child = items.get_mut(i).ok_or_else(bad_index)?;
            set_in(child, rest, value)
        }
        _ => Err(Error::InvalidPointer("cannot descend into a plain value".into())),
    }
}

/// Removes the field or list row at `pointer`; a pointer to nothing is not an error (the field is already gone).
pub fn remove(root: &mut Map<String, Value>, segments: &[String]) -> Result<(), Error> {
    let Some((last, parents)) = segments.split_last() else {
        return Err(Error::InvalidPointer("use load({}) to clear the whole form".into()));
    };
    let Some((first, rest)) = parents.split_first() else {
        root.remove(last.as_str());
        return Ok(());
    };
    let mut cur = match root.get_mut(first.as_str()) {
        Some(v) => v,
        None => return Ok(()),
    };
    for seg in rest {
        cur = match cur {
            Value::Object(map) => match map.get_mut(seg.as_str()) {
                Some(v) => v,
                None => return Ok(()),
            },
            Value::Array(items) => {
                let i = index(seg, items.len(), false)?;
                match items.get_mut(i) {
                    Some(v) => v,
                    None => return Ok(()),
                }
            }
            _ => return Ok(()),
        };
    }
    match cur {
        Value::Object(map) => {
            map.remove(last.as_str());
        }
        Value::Array(items) => {
            if let Ok(i) = index(last, items.len(), false) {
                items.remove(i);
            }
        }
        _ => {}
    }
    Ok(())
}
