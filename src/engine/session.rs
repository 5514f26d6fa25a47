//! A live form: the data as it stands after each edit, and its report. After any sequence of edits the report is
//! identical to `validate` on the session's data.
//!
//! Incremental. An edit re-checks only what it can change, and re-sends only what changed:
//! - the structural pass (types, dates, options, sizes, required fields) is kept per top-level field, and an edit
//!   checks again only the field its pointer is under (and the form's unrecognised keys, when the edit can change
//!   them) — or, for a field of a nested object whose holders stay as blank or filled in, that field alone
//!   ([`Structural::redo_leaf`]);
//! - the form's own rules (`FormDef::check`, one function per form that reads its facts once) run whole: they are
//!   cross-field by nature, and running them whole keeps every rule's reading of the form exactly as `validate` has
//!   it (rules see the kept structural findings through `Ctx::has_finding_at`) — or not at all: an edit that touches
//!   no path a rule declares (`Rule::paths`) nor one the outcome reads beyond them (`Out::reads`), and leaves the
//!   structural findings as they were, cannot change the rules' findings or the outcome, so they are kept (a
//!   keystroke in a narrative no rule reads costs its field's structural check). tests/declared_reads.rs holds every
//!   rule and outcome to its declaration;
//! - the ordered diagnostics are compared with the report's: what changed is one splice (from the first to the last
//!   diagnostic that differs), applied to the kept report. [`FormSession::take_delta`] gives the splices since the
//!   last call as one (JSON text, or "" when nothing changed), which is what crosses the WebAssembly boundary.
//!
//! `validate` goes through the same code ([`check_once`]), so the order of findings is the same by construction.

use crate::engine::value::{Map, Value};

use super::context::Ctx;
use super::error::Error;
use super::input;
use super::messages::Message;
use super::model::{Field, Kind};
use super::options::{Options, Resolved};
use super::outcome::{Out, OutType, Tree};
use super::pointer;
use super::read;
use super::registry::{FormDef, Registry};
use super::report::{self, Diagnostic, Report, Severity};
use super::rule::{self, Kept};
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
    /// The length of the data as compact JSON text, less the braces: each top-level entry and its comma.
    entries_len: usize,
    /// The kept structural pass is out of date (it is not kept while the form is too large to check).
    stale: bool,
    /// How many times the form's rules have run (edits that no rule reads leave them as they were).
    rule_runs: u64,
    /// The last edit's pointer, what it kept, and whether the rules read it ([`rules_read`], a pure function of
    /// these): a person typing sends the same pointer keystroke after keystroke.
    last_read: Option<(Vec<String>, Kept, bool)>,
}

impl FormSession {
    /// A session of one form (the crate's entry gives `FormSession::new` by form id).
    pub fn start(registry: &'static Registry, form: &'static FormDef, options: &Options) -> Result<FormSession, Error> {
        let resolved = options.resolve_in(registry)?;
        let data = Map::new();
        let structural = Structural::new(form, &data, &resolved);
        let report = Report { form: form.id.to_owned(), valid: true, diagnostics: Vec::new(), outcome: None };
        let mut session = FormSession {
            form,
            resolved,
            data,
            structural,
            report,
            pending: None,
            entries_len: 0,
            stale: false,
            rule_runs: 0,
            last_read: None,
        };
        session.refresh(Scope::All, None);
        session.pending = None;
        Ok(session)
    }

    /// Replaces the whole form.
    /// (The engine's value or, natively, `serde_json`'s.)
    pub fn load(&mut self, data: impl Into<Value>) -> Result<&Report, Error> {
        let Value::Object(map) = data.into() else { return Err(Error::NotAnObject) };
        self.data = map;
        self.entries_len = self.data.iter().map(|(k, v)| entry_len(k, v)).sum();
        self.refresh(Scope::All, None);
        Ok(&self.report)
    }

    /// Changes one field. A pointer that cannot be applied (see [`pointer`]) is refused with the form unchanged.
    pub fn set(&mut self, pointer: &str, value: impl Into<Value>) -> Result<&Report, Error> {
        let value = value.into();
        let segments = pointer::parse(pointer)?;
        let Some(first) = segments.first() else { return self.load(value) };
        // The same value again (a page often sends a field's `change` after its last `input`): nothing changes.
        let old = pointer::get(&self.data, &segments);
        if old == Some(&value) {
            return Ok(&self.report);
        }
        let scope = match (self.scope(first, false), leaf_field(self.form.fields, &self.data, &segments)) {
            (Scope::Field(i), Some(field)) => Scope::Leaf(i, field),
            (scope, _) => scope,
        };
        let shapes = Kept::shapes(&self.data, &segments);
        // The size of the data, kept as it changes: only the value changes when one was there, else the top-level
        // entry is measured again.
        let (before, new_len) = match old {
            Some(old) => (json_len(old), Some(json_len(&value))),
            None => (read::get(&self.data, first).map_or(0, |v| entry_len(first, v)), None),
        };
        pointer::set(&mut self.data, self.form.fields, &segments, value)?;
        let after = match new_len {
            Some(n) => n,
            None => read::get(&self.data, first).map_or(0, |v| entry_len(first, v)),
        };
        self.entries_len = self.entries_len.saturating_sub(before).saturating_add(after);
        let kept = Kept::between(&shapes, &Kept::shapes(&self.data, &segments));
        self.refresh(scope, Some((&segments, kept)));
        Ok(&self.report)
    }

    /// Deletes a field or a list row.
    pub fn remove(&mut self, pointer: &str) -> Result<&Report, Error> {
        let segments = pointer::parse(pointer)?;
        let Some(first) = segments.first() else {
            self.data = Map::new();
            self.entries_len = 0;
            self.refresh(Scope::All, None);
            return Ok(&self.report);
        };
        // Removing a key moves the last key into its place (the map keeps insertion order that way), which can
        // reorder the unrecognised keys a finding lists: check those again too.
        let scope = self.scope(first, true);
        let shapes = Kept::shapes(&self.data, &segments);
        let before = read::get(&self.data, first).map_or(0, |v| entry_len(first, v));
        pointer::remove(&mut self.data, &segments)?;
        let after = read::get(&self.data, first).map_or(0, |v| entry_len(first, v));
        self.entries_len = self.entries_len.saturating_sub(before).saturating_add(after);
        let kept = Kept::between(&shapes, &Kept::shapes(&self.data, &segments));
        self.refresh(scope, Some((&segments, kept)));
        Ok(&self.report)
    }

    /// The length of the session's data as compact JSON text (what `validate` would be given).
    pub fn json_len(&self) -> usize {
        self.entries_len.saturating_add(if self.data.is_empty() { 2 } else { 1 })
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

    /// How many times the session has run the form's rules (once per change, less the edits no rule or outcome
    /// reads): what shows that such an edit costs only its field's structural check.
    pub fn rule_runs(&self) -> u64 {
        self.rule_runs
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
        let outcome = p.outcome.then_some(&self.report.outcome);
        super::report::delta_json(p.at, p.del, ins, self.report.valid, outcome)
    }

    /// The whole report as JSON text; the next [`FormSession::take_delta`] is relative to it.
    pub fn take_report(&mut self) -> String {
        self.pending = None;
        self.report.to_json()
    }

    /// Sets one field and returns [`FormSession::take_delta`] (what a keystroke costs, without the boundary).
    pub fn set_delta(&mut self, pointer: &str, value: impl Into<Value>) -> Result<String, Error> {
        self.set(pointer, value)?;
        Ok(self.take_delta())
    }

    /// Which part of the structural pass an edit under the top-level key `key` can change.
    fn scope(&self, key: &str, removal: bool) -> Scope {
        match super::model::find(self.form.fields, key).map(|(i, _)| i) {
            Some(i) if removal => Scope::FieldAndUnknown(i),
            Some(i) => Scope::Field(i),
            None => Scope::Unknown,
        }
    }

    /// Brings the report up to date after a change within `scope`; `edited` is the pointer of a one-field edit and
    /// whether it left the field filled in, or blank, as it was (`None` when the whole form changed).
    fn refresh(&mut self, scope: Scope, edited: Option<(&[String], Kept)>) {
        let (form, data, resolved) = (self.form, &self.data, &self.resolved);
        // Data larger than `validate` reads as JSON text gets `validate`'s answer, the one "too large" finding; the
        // data is kept as it is, and checked again when it is small enough.
        if self.json_len() > input::MAX_BYTES {
            self.stale = true;
            let too_large = too_large(form, resolved);
            let ordered: Vec<&Diagnostic> = too_large.diagnostics.iter().collect();
            apply(&mut self.report, &mut self.pending, &ordered, too_large.outcome);
            return;
        }
        let scope = if std::mem::take(&mut self.stale) { Scope::All } else { scope };
        let unknown = form.fields.len();
        let structural_changed = match scope {
            Scope::All => {
                self.structural = Structural::new(form, data, resolved);
                true
            }
            Scope::Field(i) => self.structural.redo(form, data, resolved, i),
            // Only while every object holding the field stayed as blank or filled in as it was: a blank object's
            // fields are not checked, and a required one is reported missing as a whole.
            Scope::Leaf(i, field) => match edited.and_then(|(segments, kept)| {
                (1..segments.len())
                    .all(|n| kept.at(n))
                    .then(|| self.structural.redo_leaf(form, data, resolved, i, field, segments))
                    .flatten()
            }) {
                Some(changed) => changed,
                None => self.structural.redo(form, data, resolved, i),
            },
            Scope::Unknown => self.structural.redo(form, data, resolved, unknown),
            Scope::FieldAndUnknown(i) => {
                let field = self.structural.redo(form, data, resolved, i);
                self.structural.redo(form, data, resolved, unknown) || field
            }
        };
        // Nothing the rules or the outcome read has changed: the report stands as it is.
        if !structural_changed {
            if let Some((segments, kept)) = edited {
                let read = match &self.last_read {
                    Some((s, k, read)) if *k == kept && s.as_slice() == segments => *read,
                    _ => {
                        let read = rules_read(form, segments, kept);
                        self.last_read = Some((segments.to_vec(), kept, read));
                        read
                    }
                };
                if !read {
                    return;
                }
            }
        }
        self.rule_runs = self.rule_runs.saturating_add(1);
        let (checks, outcome) = evaluate(form, data, resolved, &self.structural.diags);
        let outcome = outcome.map(Tree::into_value);
        let check_keys: Vec<Key> = checks.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        let ordered: Vec<&Diagnostic> =
            ordered(&self.structural, &checks, &check_keys).into_iter().map(|(_, d)| d).collect();
        apply(&mut self.report, &mut self.pending, &ordered, outcome);
    }
}

/// Makes `report` the ordered findings and the outcome given, by one splice of its diagnostics (from the first to
/// the last that differs), and records the splice in `pending`.
fn apply(report: &mut Report, pending: &mut Option<Splice>, ordered: &[&Diagnostic], outcome: Option<Value>) {
    let old = &mut report.diagnostics;
    let prefix = ordered.iter().zip(old.iter()).take_while(|(new, old)| **new == *old).count();
    let room = ordered.len().min(old.len()).saturating_sub(prefix);
    let suffix = ordered.iter().rev().zip(old.iter().rev()).take(room).take_while(|(new, old)| **new == *old).count();
    let del = old.len().saturating_sub(prefix).saturating_sub(suffix);
    let middle = ordered.get(prefix..ordered.len().saturating_sub(suffix)).unwrap_or(&[]);
    let ins = middle.len();
    if del > 0 || ins > 0 {
        let replacement: Vec<Diagnostic> = middle.iter().map(|d| (*d).clone()).collect();
        replace_range(old, prefix, prefix.saturating_add(del), replacement);
    }
    let outcome_changed = report.outcome != outcome;
    if outcome_changed {
        report.outcome = outcome;
    }
    report.valid = !report.diagnostics.iter().any(|d| d.severity == Severity::Error);
    let splice = Splice { at: prefix, del, ins, outcome: outcome_changed };
    *pending = Some(match *pending {
        Some(before) => before.then(splice),
        None => splice,
    });
}

/// `v.splice(start..end, with)`, without `Vec::splice`: its drop guard compiled to about 0.7 kB of WebAssembly for
/// each element type, in every module.
fn replace_range<T>(v: &mut Vec<T>, start: usize, end: usize, with: Vec<T>) {
    let tail = v.split_off(end.min(v.len()));
    v.truncate(start);
    v.extend(with);
    v.extend(tail);
}

/// The length of `value` as compact JSON text (as `serde_json` writes it), without writing it: a walk with its
/// own stack, so that no value is too deep for it.
fn json_len(value: &Value) -> usize {
    let mut total = 0usize;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        let len = match v {
            Value::Null => 4,
            Value::Bool(b) => {
                if *b {
                    4
                } else {
                    5
                }
            }
            Value::Number(n) => {
                let mut text = String::new();
                n.write(&mut text);
                text.len()
            }
            Value::String(s) => str_len(s),
            Value::Array(items) => {
                stack.extend(items.iter());
                // Brackets and commas.
                items.len().saturating_sub(1).saturating_add(2)
            }
            Value::Object(map) => {
                stack.extend(map.values());
                let keys: usize = map.keys().map(|k| str_len(k).saturating_add(1)).fold(0, usize::saturating_add);
                keys.saturating_add(map.len().saturating_sub(1)).saturating_add(2)
            }
        };
        total = total.saturating_add(len);
    }
    total
}

/// The length of a JSON string as `serde_json` escapes it, quotes included.
fn str_len(s: &str) -> usize {
    let escapes: usize = s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
            0..=0x1f => 5,
            _ => 0,
        })
        .fold(0, usize::saturating_add);
    s.len().saturating_add(escapes).saturating_add(2)
}

/// The length of one top-level entry, `"key":value`, and its comma.
fn entry_len(key: &str, value: &Value) -> usize {
    str_len(key).saturating_add(json_len(value)).saturating_add(2)
}

/// Checks a form once (what `validate` does): the same passes and the same order as a session.
pub(crate) fn check_once(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Report {
    let (diagnostics, outcome) = check_once_parts(form, data, resolved);
    Report {
        form: form.id.to_owned(),
        valid: !diagnostics.iter().any(|d| d.severity == Severity::Error),
        diagnostics,
        outcome: outcome.map(Tree::into_value),
    }
}

/// [`check_once`]'s report as JSON text, the outcome written as the form built it (a typed outcome is never made
/// into a `Value`): what the WebAssembly module's `validateJson` returns.
pub(crate) fn check_once_json(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> String {
    let (diagnostics, outcome) = check_once_parts(form, data, resolved);
    let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    report::report_json(form.id, valid, &diagnostics, outcome.as_ref().map(report::OutcomeRef::Tree))
}

/// The diagnostics of a whole check in report order, and the outcome.
fn check_once_parts(
    form: &'static FormDef,
    data: &Map<String, Value>,
    resolved: &Resolved,
) -> (Vec<Diagnostic>, Option<Tree>) {
    let structural = structural_pass(form, data, resolved, None);
    let (checks, outcome) = evaluate(form, data, resolved, &structural);
    let mut all: Vec<(Key, Diagnostic)> =
        structural.into_iter().chain(checks).map(|d| (Key::of(form.fields, &d.path), d)).collect();
    sort::stable_by(&mut all, |(ka, a), (kb, b)| ka.as_slice().cmp(kb.as_slice()).then(a.severity.cmp(&b.severity)));
    (all.into_iter().map(|(_, d)| d).collect(), outcome)
}

/// The structural pass of a whole check: each top-level field in the model's order, then the form's unrecognised
/// keys, in one context. With `starts`, where each part's findings start (and, last, where they end), which a live
/// session keeps to check one part again ([`Structural::redo`], with [`part`], gives the same findings for it alone).
/// A field's checks read no finding of another field's (`Ctx::has_finding_at` looks at the field's own path and
/// below), so one context gives what a context per part gives; those, with a list and a confinement per part, were
/// about 3% of a cold check in the module.
fn structural_pass(
    form: &'static FormDef,
    data: &Map<String, Value>,
    resolved: &Resolved,
    mut starts: Option<&mut Vec<usize>>,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(resolved).for_form(form.id);
    // One path for every field (each leaves it as it found it), with room for most forms' deepest path. Each
    // field's value is found walking the entries alongside (`structure::field_values`), not looked up by key.
    let mut path = String::with_capacity(PATH_ROOM);
    let mut values = structure::field_values(form.fields, data);
    for (field, value) in values.by_ref() {
        if let Some(s) = starts.as_deref_mut() {
            s.push(ctx.found());
        }
        structure::check_field_value(field, value, form.required, &mut path, &mut ctx);
    }
    if let Some(s) = starts.as_deref_mut() {
        s.push(ctx.found());
    }
    values.check_unknown("", &mut ctx);
    if let Some(s) = starts {
        s.push(ctx.found());
    }
    // Each finding is confined where it stands, so the parts keep their places.
    confine(form.fields, ctx.finish())
}

/// Whether an edit at the pointer `segments` can change what the form's rules or its outcome read: a path a rule
/// declares ([`Rule::reads`](rule::Rule::reads): not one it reads only for being filled in, or a list only for its
/// rows, when the edit `kept` them as they were), or one an outcome key reads beyond them.
pub fn rules_read<S: AsRef<str>>(form: &FormDef, segments: &[S], kept: Kept) -> bool {
    form.rules.iter().chain([&form.required]).any(|r| r.reads(segments, kept)) || outcome_reads(form.outcome, segments)
}

fn outcome_reads<S: AsRef<str>>(keys: &[Out], segments: &[S]) -> bool {
    keys.iter().any(|k| {
        rule::touches(k.reads, segments)
            || match k.ty {
                OutType::Object(inner) => outcome_reads(inner, segments),
                OutType::List(OutType::Object(inner)) => outcome_reads(inner, segments),
                _ => false,
            }
    })
}

/// Runs the form's rules after the structural pass; their findings and the outcome.
fn evaluate(
    form: &'static FormDef,
    data: &Map<String, Value>,
    resolved: &Resolved,
    prior: &[Diagnostic],
) -> (Vec<Diagnostic>, Option<Tree>) {
    let mut ctx = Ctx::after(resolved, prior).for_form(form.id);
    let outcome = (form.check)(data, &mut ctx);
    (confine(form.fields, ctx.finish()), outcome)
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
    /// One field of a nested object (a row's name, a plan's date) under top-level field `.0`, which held an object
    /// there before the edit: see [`Structural::redo_leaf`].
    Leaf(usize, &'static Field),
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
        let mut starts = Vec::with_capacity(form.fields.len().saturating_add(2));
        let diags = structural_pass(form, data, resolved, Some(&mut starts));
        let keys = diags.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        Structural { diags, keys, starts }
    }

    /// Checks part `i` again (a top-level field, or the unrecognised keys when `i` is the number of fields); whether
    /// its findings changed.
    fn redo(&mut self, form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved, i: usize) -> bool {
        let (Some(&start), Some(&end)) = (self.starts.get(i), self.starts.get(i.saturating_add(1))) else {
            return true;
        };
        let found = part(form, data, resolved, i);
        if self.diags.get(start..end) == Some(found.as_slice()) {
            return false;
        }
        let (old_len, new_len) = (end.saturating_sub(start), found.len());
        let keys: Vec<Key> = found.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        replace_range(&mut self.keys, start, end, keys);
        replace_range(&mut self.diags, start, end, found);
        for s in self.starts.iter_mut().skip(i.saturating_add(1)) {
            *s = s.saturating_sub(old_len).saturating_add(new_len);
        }
        true
    }

    /// Checks again only the field of a nested object at `segments`, under top-level field `i` (a keystroke in a
    /// child's name: not every child). Its findings are all at its own path or under it, and no other finding of
    /// the structural pass depends on its value while every object holding it is there and as blank or filled in as
    /// before (the caller's condition; a known key added changes no list of unrecognised keys). They are made in one run, in the place the field holds in the
    /// walk, so the field's old findings are replaced where they stand; when it had none, that place is not known
    /// here and the whole top-level field is checked again (`None`), as it is when the findings found are not one run.
    fn redo_leaf(
        &mut self,
        form: &'static FormDef,
        data: &Map<String, Value>,
        resolved: &Resolved,
        i: usize,
        field: &'static Field,
        segments: &[String],
    ) -> Option<bool> {
        let (&start, &end) = (self.starts.get(i)?, self.starts.get(i.saturating_add(1))?);
        let found = leaf(form, data, resolved, field, segments)?;
        let within = |d: &Diagnostic| {
            let mut rest = d.path.as_str();
            for seg in segments {
                rest = rest.strip_prefix('/')?.strip_prefix(seg.as_str())?;
            }
            (rest.is_empty() || rest.starts_with('/')).then_some(())
        };
        let old = self.diags.get(start..end)?;
        let first = old.iter().position(|d| within(d).is_some());
        let Some(first) = first else {
            // No finding before: none now is nothing changed; some now need their place in the walk.
            return found.is_empty().then_some(false);
        };
        let run = old.get(first..)?.iter().take_while(|d| within(d).is_some()).count();
        if old.get(first.saturating_add(run)..)?.iter().any(|d| within(d).is_some()) {
            return None;
        }
        let (from, to) = (start.saturating_add(first), start.saturating_add(first).saturating_add(run));
        if self.diags.get(from..to) == Some(found.as_slice()) {
            return Some(false);
        }
        let new_len = found.len();
        let keys: Vec<Key> = found.iter().map(|d| Key::of(form.fields, &d.path)).collect();
        replace_range(&mut self.keys, from, to, keys);
        replace_range(&mut self.diags, from, to, found);
        for s in self.starts.iter_mut().skip(i.saturating_add(1)) {
            *s = s.saturating_sub(run).saturating_add(new_len);
        }
        Some(true)
    }
}

/// The model's field at `segments` when it is a field of a nested object that is there in `data` (every segment on
/// the way in the model, every list index one the structural pass checks, written as it writes them), and holds no
/// object or list of its own by the model: the edits a session can check again on their own
/// ([`Structural::redo_leaf`]).
fn leaf_field(fields: &'static [Field], data: &Map<String, Value>, segments: &[String]) -> Option<&'static Field> {
    let (last, parents) = segments.split_last()?;
    let (top, inner) = parents.split_first()?;
    let mut kind: &'static Kind = &super::model::find(fields, top).map(|(_, f)| f)?.kind;
    let mut cur: &Value = read::get(data, top)?;
    for seg in inner {
        match (kind, cur) {
            (Kind::Object(fs), Value::Object(o)) => {
                kind = &super::model::find(fs, seg).map(|(_, f)| f)?.kind;
                cur = read::get(o, seg)?;
            }
            (Kind::List { item, max }, Value::Array(rows)) => {
                let i: usize = seg.parse().ok()?;
                let cap = usize::try_from((*max).min(super::model::LIST_MAX)).ok()?;
                if i >= cap || crate::text!(i) != *seg {
                    return None;
                }
                kind = item;
                cur = rows.get(i)?;
            }
            _ => return None,
        }
    }
    let (Kind::Object(fs), Value::Object(_)) = (kind, cur) else { return None };
    let field = super::model::find(fs, last).map(|(_, f)| f)?;
    (!matches!(field.kind, Kind::Object(_) | Kind::List { .. })).then_some(field)
}

/// The structural findings of one field of a nested object (`segments`, found by [`leaf_field`] before the edit).
fn leaf(
    form: &'static FormDef,
    data: &Map<String, Value>,
    resolved: &Resolved,
    field: &'static Field,
    segments: &[String],
) -> Option<Vec<Diagnostic>> {
    let (_, parents) = segments.split_last()?;
    let Some(Value::Object(parent)) = pointer::get(data, parents) else { return None };
    let mut ctx = Ctx::new(resolved).for_form(form.id);
    let mut path = String::new();
    for seg in parents {
        path.push('/');
        path.push_str(seg);
    }
    structure::check_field(field, parent, form.required, &mut path, &mut ctx);
    Some(confine(form.fields, ctx.finish()))
}

/// The room a structural pass's path is made with: enough for most forms' deepest path
/// (`/answers/assessment.circle-representative` is 43 bytes), so it is not grown field after field.
const PATH_ROOM: usize = 64;

/// The structural findings of one part of the form: top-level field `i`, or the unrecognised keys when `i` is the
/// number of fields.
fn part(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved, i: usize) -> Vec<Diagnostic> {
    match form.fields.get(i) {
        Some(field) => {
            let mut path = String::with_capacity(PATH_ROOM);
            field_part(form, resolved, field, read::get(data, field.name), &mut path)
        }
        None => unknown_part(form, data, resolved),
    }
}

/// The structural findings of a top-level field given its value (`None`: absent); `path` is the empty path, and is
/// left so.
fn field_part(
    form: &'static FormDef,
    resolved: &Resolved,
    field: &Field,
    value: Option<&Value>,
    path: &mut String,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(resolved).for_form(form.id);
    structure::check_field_value(field, value, form.required, path, &mut ctx);
    confine(form.fields, ctx.finish())
}

/// The structural finding of the form's unrecognised top-level keys.
fn unknown_part(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(resolved).for_form(form.id);
    structure::check_unknown(form.fields, data, "", &mut ctx);
    confine(form.fields, ctx.finish())
}

/// What a finding's path may contain, decided here for every finding of every form (the structural pass and the
/// form's rules both come through): only what the form's model declares — its fields' names, list indexes, the
/// parts of a date. A key the form does not have is what someone typed (or a host sent): a path never repeats it.
/// A finding at such a key is moved to the nearest place the model has, the key's own path kept in `related`
/// (which may name keys, never values).
fn confine(fields: &'static [Field], mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for d in &mut diags {
        let declared = declared_prefix(fields, &d.path);
        if declared < d.path.len() {
            let full = std::mem::take(&mut d.path);
            d.path = full.get(..declared).unwrap_or("").to_owned();
            if !d.related.contains(&full) {
                d.related.insert(0, full);
            }
        }
    }
    diags
}

/// The length of the longest start of `path` whose every segment is declared by the model `fields`.
fn declared_prefix(fields: &'static [Field], path: &str) -> usize {
    let mut kind: Option<&'static Kind> = None;
    let mut end = 0usize;
    for (i, seg) in path.split('/').enumerate() {
        if i == 0 {
            if !seg.is_empty() {
                return 0;
            }
            continue;
        }
        let next = match kind {
            None if i == 1 => super::model::find(fields, seg).map(|(_, f)| Some(&f.kind)),
            Some(Kind::Object(fs)) => super::model::find(fs, seg).map(|(_, f)| Some(&f.kind)),
            Some(Kind::List { item, .. }) => matches!(pointer::list_index(seg), Ok(Some(_))).then_some(Some(*item)),
            Some(Kind::Date) => ["day", "month", "year"].contains(&seg).then_some(None),
            Some(Kind::DateTime) => super::read::DATE_TIME_PARTS.contains(&seg).then_some(None),
            _ => None,
        };
        let Some(next) = next else { return end };
        // `None` after a date's part: nothing is below it.
        kind = next;
        end = end.saturating_add(1).saturating_add(seg.len());
    }
    end
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
                Some(Kind::Object(fs)) => match super::model::find(fs, seg).map(|(i, _)| i) {
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
                Some(Kind::DateTime) => match seg {
                    "day" => (0, None),
                    "month" => (1, None),
                    "year" => (2, None),
                    "hour" => (3, None),
                    "minute" => (4, None),
                    _ => (5, None),
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

/// `validate`'s answer for data larger than it reads (a live session gives the same).
pub fn too_large(form: &FormDef, resolved: &Resolved) -> Report {
    Report {
        form: form.id.to_owned(),
        valid: false,
        diagnostics: vec![Diagnostic {
            code: structure::TOO_LARGE.code.to_owned(),
            severity: Severity::Error,
            path: String::new(),
            message: Message::new(&structure::INP017_TOO_LARGE).text_with(resolved.messages.as_deref()),
            message_id: structure::INP017_TOO_LARGE.id().to_owned(),
            params: Map::new(),
            related: Vec::new(),
            due: None,
        }],
        outcome: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_range_is_vec_splice() {
        for len in 0..5usize {
            for start in 0..=len {
                for end in start..=len {
                    for with in 0..3usize {
                        let (mut ours, mut std): (Vec<usize>, Vec<usize>) = ((0..len).collect(), (0..len).collect());
                        let new: Vec<usize> = (100..100 + with).collect();
                        replace_range(&mut ours, start, end, new.clone());
                        std.splice(start..end, new);
                        assert_eq!(ours, std, "{len} {start}..{end} +{with}");
                    }
                }
            }
        }
    }

    #[test]
    fn keys_order_as_the_registry_does() {
        let form = crate::forms::REGISTRY.find("sf-referral").unwrap();
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
                super::super::registry::order_key(form.fields, path).as_slice(),
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
