//! A live form: the data as it stands after each edit, and its report. After any sequence of edits the report is
//! identical to `validate` on the session's data.
//!
//! Incremental. An edit re-checks only what it can change, and re-sends only what changed:
//! - the structural pass (types, dates, options, sizes, required fields) is kept per top-level field, and an edit
//!   checks again only the field its pointer is under (and the form's unrecognised keys, when the edit can change
//!   them);
//! - the form's own rules (`FormDef::check`, one function per form that reads its facts once) run whole: they are
//!   cross-field by nature, cheap next to the boundary, and running them whole keeps every rule's reading of the
//!   form exactly as `validate` has it (rules see the kept structural findings through `Ctx::has_finding_at`);
//! - the ordered diagnostics are compared with the report's: what changed is one splice (from the first to the last
//!   diagnostic that differs), applied to the kept report. [`FormSession::take_delta`] gives the splices since the
//!   last call as one (JSON text, or "" when nothing changed), which is what crosses the WebAssembly boundary.
//!
//! `validate` goes through the same code ([`check_once`]), so the order of findings is the same by construction.

use serde::Serialize;
use serde_json::{Map, Value};

use super::context::Ctx;
use super::error::Error;
use super::model::{Field, Kind};
use super::options::{Options, Resolved};
use super::pointer;
use super::registry::{self, FormDef};
use super::report::{Diagnostic, Report, Severity};
use super::sort;
use super::structure;

pub struct FormSession {
    form: &'static FormDef,
    resolved: Resolved,
    data: Map<String, Value>,
    structural: Structural,
    report: Report,
    /// What changed in the report since the last [`FormSession::take_delta`].
    pending: Option<Splice>,
}

impl FormSession {
    pub fn new(form_id: &str, options: &Options) -> Result<FormSession, Error> {
        let form = registry::find(form_id)?;
        let resolved = options.resolve()?;
        let data = Map::new();
        let structural = Structural::new(form, &data, &resolved);
        let report = Report { form: form.id.to_owned(), valid: true, diagnostics: Vec::new(), outcome: None };
        let mut session = FormSession { form, resolved, data, structural, report, pending: None };
        session.refresh(Scope::All);
        session.pending = None;
        Ok(session)
    }

    /// Replaces the whole form.
    pub fn load(&mut self, data: Value) -> Result<&Report, Error> {
        let Value::Object(map) = data else { return Err(Error::NotAnObject) };
        self.data = map;
        self.refresh(Scope::All);
        Ok(&self.report)
    }

    /// Changes one field.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<&Report, Error> {
        let segments = pointer::parse(pointer)?;
        let Some(first) = segments.first() else { return self.load(value) };
        // The same value again (a page often sends a field's `change` after its last `input`): nothing changes.
        if lookup(&self.data, &segments) == Some(&value) {
            return Ok(&self.report);
        }
        let scope = self.scope(first, false);
        // A refused edit leaves the form as it was: check the whole pointer before changing anything.
        check_edit(&self.data, self.form.fields, &segments)?;
        objects_on_the_way(&mut self.data, self.form.fields, &segments);
        let result = pointer::set(&mut self.data, &segments, value);
        // Never refused after the check; were it, the report would still follow the data.
        self.refresh(scope);
        result.map(|()| &self.report)
    }

    /// Deletes a field or a list row.
    pub fn remove(&mut self, pointer: &str) -> Result<&Report, Error> {
        let segments = pointer::parse(pointer)?;
        let Some(first) = segments.first() else {
            self.data = Map::new();
            self.refresh(Scope::All);
            return Ok(&self.report);
        };
        // Removing a key moves the last key into its place (the map keeps insertion order that way), which can
        // reorder the unrecognised keys a finding lists: check those again too.
        let scope = self.scope(first, true);
        let result = pointer::remove(&mut self.data, &segments);
        self.refresh(scope);
        result.map(|()| &self.report)
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn data(&self) -> &Map<String, Value> {
        &self.data
    }

    pub fn form_id(&self) -> &'static str {
        self.form.id
    }

    /// What changed in the report since the last call, as JSON text: `""` when nothing did, else
    /// `{"at":i,"del":n,"ins":[diagnostics],"valid":b}` — replace `del` diagnostics from index `at` with `ins` —
    /// with `"outcome"` added only when the outcome changed.
    pub fn take_delta(&mut self) -> String {
        let Some(p) = self.pending.take() else { return String::new() };
        if p.del == 0 && p.ins == 0 && !p.outcome {
            return String::new();
        }
        let ins = self.report.diagnostics.get(p.at..p.at.saturating_add(p.ins)).unwrap_or(&[]);
        let delta = Delta {
            at: p.at,
            del: p.del,
            ins,
            valid: self.report.valid,
            outcome: p.outcome.then_some(&self.report.outcome),
        };
        serde_json::to_string(&delta).unwrap_or_default()
    }

    /// The whole report as JSON text; the next [`FormSession::take_delta`] is relative to it.
    pub fn take_report(&mut self) -> String {
        self.pending = None;
        self.report.to_json()
    }

    /// Sets one field and returns [`FormSession::take_delta`] (what a keystroke costs, without the boundary).
    pub fn set_delta(&mut self, pointer: &str, value: Value) -> Result<String, Error> {
        self.set(pointer, value)?;
        Ok(self.take_delta())
    }

    /// Which part of the structural pass an edit under the top-level key `key` can change.
    fn scope(&self, key: &str, removal: bool) -> Scope {
        match self.form.fields.iter().position(|f| f.name == key) {
            Some(i) if removal => Scope::FieldAndUnknown(i),
            Some(i) => Scope::Field(i),
            None => Scope::Unknown,
        }
    }

    fn refresh(&mut self, scope: Scope) {
        let (form, data, resolved) = (self.form, &self.data, &self.resolved);
        let unknown = form.fields.len();
        match scope {
            Scope::All => self.structural = Structural::new(form, data, resolved),
            Scope::Field(i) => self.structural.redo(form, data, resolved, i),
            Scope::Unknown => self.structural.redo(form, data, resolved, unknown),
            Scope::FieldAndUnknown(i) => {
                self.structural.redo(form, data, resolved, i);
                self.structural.redo(form, data, resolved, unknown);
            }
        }
        let (checks, outcome) = evaluate(form, data, resolved, &self.structural.diags);
        let check_keys: Vec<Key> = checks.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        let ordered = ordered(&self.structural, &checks, &check_keys);

        let old = &mut self.report.diagnostics;
        let prefix = ordered.iter().zip(old.iter()).take_while(|((_, new), old)| *new == *old).count();
        let room = ordered.len().min(old.len()).saturating_sub(prefix);
        let suffix =
            ordered.iter().rev().zip(old.iter().rev()).take(room).take_while(|((_, new), old)| *new == *old).count();
        let del = old.len().saturating_sub(prefix).saturating_sub(suffix);
        let middle = ordered.get(prefix..ordered.len().saturating_sub(suffix)).unwrap_or(&[]);
        let ins = middle.len();
        if del > 0 || ins > 0 {
            let replacement: Vec<Diagnostic> = middle.iter().map(|(_, d)| (*d).clone()).collect();
            old.splice(prefix..prefix.saturating_add(del), replacement);
        }
        let outcome_changed = self.report.outcome != outcome;
        if outcome_changed {
            self.report.outcome = outcome;
        }
        self.report.valid = !self.report.diagnostics.iter().any(|d| d.severity == Severity::Error);
        let splice = Splice { at: prefix, del, ins, outcome: outcome_changed };
        self.pending = Some(match self.pending {
            Some(before) => before.then(splice),
            None => splice,
        });
    }
}

/// Checks a form once (what `validate` does): the same passes and the same order as a session.
pub(crate) fn check_once(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Report {
    let structural = Structural::new(form, data, resolved);
    let (checks, outcome) = evaluate(form, data, resolved, &structural.diags);
    let mut all: Vec<(Key, Diagnostic)> = structural
        .keys
        .into_iter()
        .zip(structural.diags)
        .chain(checks.into_iter().map(|d| (Key::of(form.fields, &d.path), d)))
        .collect();
    sort::stable_by(&mut all, |(ka, a), (kb, b)| ka.as_slice().cmp(kb.as_slice()).then(a.severity.cmp(&b.severity)));
    let diagnostics: Vec<Diagnostic> = all.into_iter().map(|(_, d)| d).collect();
    Report {
        form: form.id.to_owned(),
        valid: !diagnostics.iter().any(|d| d.severity == Severity::Error),
        diagnostics,
        outcome,
    }
}

/// Runs the form's rules after the structural pass; their findings and the outcome.
fn evaluate(
    form: &'static FormDef,
    data: &Map<String, Value>,
    resolved: &Resolved,
    prior: &[Diagnostic],
) -> (Vec<Diagnostic>, Option<Value>) {
    let mut ctx = Ctx::after(resolved, prior).for_form(form.id);
    let outcome = (form.check)(data, &mut ctx);
    (ctx.finish(), outcome)
}

/// Every finding in report order: the form's field order, then severity; ties keep the order they were made in
/// (the structural pass in field order, then the form's rules).
fn ordered<'a>(
    structural: &'a Structural,
    checks: &'a [Diagnostic],
    check_keys: &'a [Key],
) -> Vec<(&'a Key, &'a Diagnostic)> {
    let mut all: Vec<(&Key, &Diagnostic)> =
        structural.keys.iter().zip(&structural.diags).chain(check_keys.iter().zip(checks)).collect();
    sort::stable_by(&mut all, |(ka, a), (kb, b)| ka.as_slice().cmp(kb.as_slice()).then(a.severity.cmp(&b.severity)));
    all
}

/// Which part of the structural pass to check again.
#[derive(Debug, Clone, Copy)]
enum Scope {
    All,
    /// One top-level field (by its place in the model).
    Field(usize),
    /// The form's unrecognised top-level keys.
    Unknown,
    FieldAndUnknown(usize),
}

/// The structural findings, kept per top-level field: field `i`'s are `diags[starts[i]..starts[i + 1]]`; after the
/// fields, the finding about unrecognised top-level keys. `keys` are their places in the field order.
struct Structural {
    diags: Vec<Diagnostic>,
    keys: Vec<Key>,
    starts: Vec<usize>,
}

impl Structural {
    fn new(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Structural {
        let parts = form.fields.len().saturating_add(1);
        let mut s =
            Structural { diags: Vec::new(), keys: Vec::new(), starts: Vec::with_capacity(parts.saturating_add(1)) };
        for i in 0..parts {
            s.starts.push(s.diags.len());
            let found = part(form, data, resolved, i);
            s.keys.extend(found.iter().map(|d| Key::of(form.fields, &d.path)));
            s.diags.extend(found);
        }
        s.starts.push(s.diags.len());
        s
    }

    /// Checks part `i` again (a top-level field, or the unrecognised keys when `i` is the number of fields).
    fn redo(&mut self, form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved, i: usize) {
        let (Some(&start), Some(&end)) = (self.starts.get(i), self.starts.get(i.saturating_add(1))) else { return };
        let found = part(form, data, resolved, i);
        if self.diags.get(start..end) == Some(found.as_slice()) {
            return;
        }
        let (old_len, new_len) = (end.saturating_sub(start), found.len());
        let keys: Vec<Key> = found.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        self.keys.splice(start..end, keys);
        self.diags.splice(start..end, found);
        for s in self.starts.iter_mut().skip(i.saturating_add(1)) {
            *s = s.saturating_sub(old_len).saturating_add(new_len);
        }
    }
}

/// The structural findings of one part of the form.
fn part(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved, i: usize) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(resolved).for_form(form.id);
    let mut path = String::new();
    match form.fields.get(i) {
        Some(field) => structure::check_field(field, data, form.required, &mut path, &mut ctx),
        None => structure::check_unknown(form.fields, data, "", &mut ctx),
    }
    ctx.finish()
}

/// A change to the report's diagnostics: `del` removed at `at`, `ins` put in their place; whether the outcome
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Splice {
    at: usize,
    del: usize,
    ins: usize,
    outcome: bool,
}

impl Splice {
    fn is_empty(self) -> bool {
        self.del == 0 && self.ins == 0
    }

    /// This splice, then `next` (made on the result): one splice that does both.
    fn then(self, next: Splice) -> Splice {
        let outcome = self.outcome || next.outcome;
        if next.is_empty() {
            return Splice { outcome, ..self };
        }
        if self.is_empty() {
            return Splice { outcome, ..next };
        }
        // In the coordinates between the two: the span from the first to the last place either touched.
        let from = self.at.min(next.at);
        let to = self.at.saturating_add(self.ins).max(next.at.saturating_add(next.del));
        Splice {
            at: from,
            del: to.saturating_sub(self.ins).saturating_add(self.del).saturating_sub(from),
            ins: to.saturating_sub(next.del).saturating_add(next.ins).saturating_sub(from),
            outcome,
        }
    }
}

#[derive(Serialize)]
struct Delta<'a> {
    at: usize,
    del: usize,
    ins: &'a [Diagnostic],
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a Option<Value>>,
}

/// A finding's place in the form's field order: one number per segment of its path (the field's place in its
/// object, the list index, the part of a date input), compared as a sequence. Short keys are kept inline.
#[derive(Debug, Clone)]
enum Key {
    Inline(u8, [u32; 7]),
    Heap(Vec<u32>),
}

impl Key {
    fn of(fields: &'static [Field], path: &str) -> Key {
        let mut inline = [0u32; 7];
        let mut len = 0usize;
        let mut heap: Option<Vec<u32>> = None;
        let mut kind: Option<Kind> = Some(Kind::Object(fields));
        for seg in path.split('/').skip(1) {
            let (pos, next) = match kind {
                Some(Kind::Object(fs)) => match fs.iter().position(|f| f.name == seg) {
                    Some(i) => (u32::try_from(i).unwrap_or(u32::MAX), fs.get(i).map(|f| f.kind)),
                    None => (u32::MAX, None),
                },
                Some(Kind::List { item, .. }) => (seg.parse().unwrap_or(u32::MAX), Some(*item)),
                Some(Kind::Date) => match seg {
                    "day" => (0, None),
                    "month" => (1, None),
                    "year" => (2, None),
                    _ => (3, None),
                },
                _ => (u32::MAX, None),
            };
            kind = next;
            if let Some(h) = heap.as_mut() {
                h.push(pos);
            } else if let Some(slot) = inline.get_mut(len) {
                *slot = pos;
                len = len.saturating_add(1);
            } else {
                let mut h = inline.to_vec();
                h.push(pos);
                heap = Some(h);
            }
        }
        match heap {
            Some(h) => Key::Heap(h),
            None => Key::Inline(u8::try_from(len).unwrap_or(u8::MAX), inline),
        }
    }

    fn as_slice(&self) -> &[u32] {
        match self {
            Key::Inline(len, k) => k.get(..usize::from(*len)).unwrap_or(k),
            Key::Heap(v) => v,
        }
    }
}

/// Whether setting a value at `segments` succeeds, without changing anything: the walk of [`objects_on_the_way`]
/// (a container the model has as an object becomes one, unless it is a list) and then of `pointer::set` (a list takes
/// an index up to its length, or "-"; a plain value or nothing on the way becomes a fresh container, a list when the
/// next segment is a number, in which only "0" or "-" fit).
fn check_edit(data: &Map<String, Value>, fields: &'static [Field], segments: &[String]) -> Result<(), Error> {
    let Some((first, rest)) = segments.split_first() else { return Ok(()) };
    let mut cur: Option<&Value> = data.get(first.as_str());
    let mut model = object_fields(fields, first);
    let last = rest.len().saturating_sub(1);
    for (i, seg) in rest.iter().enumerate() {
        let numeric = seg == "-" || (!seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()));
        // The container `seg` is in: made an object by `objects_on_the_way` when the model has one there.
        let made_object = model.is_some() && !matches!(cur, Some(Value::Array(_)));
        cur = match cur {
            _ if made_object => cur.and_then(Value::as_object).and_then(|m| m.get(seg.as_str())),
            Some(Value::Array(items)) if numeric => {
                let index = list_index(seg, items.len())?;
                items.get(index)
            }
            Some(Value::Object(map)) => map.get(seg.as_str()),
            _ => {
                if numeric {
                    list_index(seg, 0)?;
                }
                None
            }
        };
        model = if i < last { model.and_then(|fs| object_fields(fs, seg)) } else { None };
    }
    Ok(())
}

/// The value at `segments`, when there is one (a list index as `pointer::set` reads it; "-" names no value).
fn lookup<'a>(data: &'a Map<String, Value>, segments: &[String]) -> Option<&'a Value> {
    let (first, rest) = segments.split_first()?;
    let mut cur = data.get(first.as_str())?;
    for seg in rest {
        cur = match cur {
            Value::Object(map) => map.get(seg.as_str())?,
            Value::Array(items) if seg != "-" => items.get(list_index(seg, items.len()).ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// A list index as `pointer::set` reads it in a list of `len` items: a number without leading zeros up to `len`
/// (and the pointer module's limit), or "-" for the end; the same errors.
fn list_index(seg: &str, len: usize) -> Result<usize, Error> {
    if seg == "-" {
        return Ok(len);
    }
    let ok = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) && (seg == "0" || !seg.starts_with('0'));
    let bad = || Error::InvalidPointer("a list index is a number without leading zeros, or \"-\"".into());
    let i: usize = if ok { seg.parse().map_err(|_| bad())? } else { return Err(bad()) };
    if i > 10_000 || i > len {
        return Err(Error::InvalidPointer("the list index is beyond the end of the list".into()));
    }
    Ok(i)
}

/// The fields of `name` when the model has it as an object.
fn object_fields(fields: &'static [Field], name: &str) -> Option<&'static [Field]> {
    match fields.iter().find(|f| f.name == name).map(|f| f.kind) {
        Some(Kind::Object(inner)) => Some(inner),
        _ => None,
    }
}

/// Creates, on the way to a field, the objects the model has there (absent, null or a plain value before), so that
/// an object whose keys are numbers (the Family Programme's modules "1" to "8") is not made a list by the pointer.
fn objects_on_the_way(data: &mut Map<String, Value>, fields: &'static [Field], segments: &[String]) {
    let mut map = data;
    let mut fields = fields;
    for seg in segments.iter().take(segments.len().saturating_sub(1)) {
        let Some(Kind::Object(inner)) = fields.iter().find(|f| f.name == seg.as_str()).map(|f| f.kind) else {
            return;
        };
        let slot = map.entry(seg.clone()).or_insert(Value::Null);
        if !slot.is_object() && !slot.is_array() {
            *slot = Value::Object(Map::new());
        }
        let Value::Object(next) = slot else { return };
        map = next;
        fields = inner;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_as_the_registry_does() {
        let form = registry::find("sf-referral").unwrap();
        for path in [
            "",
            "/referralDate",
            "/referralDate/day",
            "/referralDate/year",
            "/referralDate/other",
            "/children/0/dateOfBirth/month",
            "/children/12/missingEpisodes/3/day",
            "/criteria",
            "/nope/x",
            "/children/x",
            "/a/b/c/d/e/f/g/h/i",
        ] {
            assert_eq!(
                Key::of(form.fields, path).as_slice(),
                registry::order_key(form.fields, path).as_slice(),
                "{path}"
            );
        }
    }

    #[test]
    fn splices_compose() {
        // [A B C D E] -(at 1, del 1, ins 2)-> [A X Y C D E] -(at 4, del 1, ins 0)-> [A X Y C E]
        let a = Splice { at: 1, del: 1, ins: 2, outcome: false };
        let b = Splice { at: 4, del: 1, ins: 0, outcome: true };
        assert_eq!(a.then(b), Splice { at: 1, del: 3, ins: 3, outcome: true });
        let none = Splice { at: 0, del: 0, ins: 0, outcome: false };
        assert_eq!(none.then(b), b);
        assert_eq!(a.then(none), a);
    }
}
