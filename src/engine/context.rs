//! What a rule sees while it runs: today, the stage, the profile, the calendar, and where findings go.

use chrono::NaiveDate;

use super::messages::Message;
use super::options::{Resolved, Stage};
use super::profile::{FieldOptions, Param};
use super::report::{Diagnostic, Severity};
use super::rule::{Kind, Rule};
use crate::calendar::Calendar;

pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub stage: Stage,
    pub calendar: &'a Calendar,
    resolved: &'a Resolved,
    diagnostics: Vec<Diagnostic>,
    /// Findings made before this context (the structural pass, kept by a live session between edits): rules see
    /// them through [`Ctx::has_finding_at`] as if they had been made here.
    prior: &'a [Diagnostic],
    /// The allowed values the profile lists for this form's choice fields and local lists.
    options: &'a [FieldOptions],
}

/// A finding just made; add what a cross-field or timescale rule knows. Does nothing when the rule is off, or when
/// the report keeps codes only (`Resolved::codes_only`).
pub struct Emitted<'d>(Option<&'d mut Diagnostic>);

impl Emitted<'_> {
    pub fn related<I, S>(self, paths: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let Emitted(d) = self;
        Emitted(d.map(|d| {
            d.related.extend(paths.into_iter().map(Into::into));
            &mut *d
        }))
    }

    pub fn due(self, due: impl Into<String>) -> Self {
        let Emitted(d) = self;
        Emitted(d.map(|d| {
            d.due = Some(due.into());
            &mut *d
        }))
    }
}

impl<'a> Ctx<'a> {
    pub fn new(resolved: &'a Resolved) -> Ctx<'a> {
        Ctx::after(resolved, &[])
    }

    /// A context whose rules also see the findings `prior` already made.
    pub fn after(resolved: &'a Resolved, prior: &'a [Diagnostic]) -> Ctx<'a> {
        Ctx {
            today: resolved.today,
            stage: resolved.stage,
            calendar: &resolved.calendar,
            resolved,
            diagnostics: Vec::new(),
            prior,
            options: &[],
        }
    }

    /// The same context for one form: its fields' lists, as the profile gives them, apply.
    pub fn for_form(mut self, form: &str) -> Ctx<'a> {
        self.options = self.resolved.profile.options_for(form);
        self
    }

    /// The values the profile allows at a field's path (list rows as `*`), when it lists any.
    pub fn allowed(&self, path: &str) -> Option<&'a [String]> {
        if self.options.is_empty() {
            return None;
        }
        let pointer = super::profile_doc::model_pointer(path);
        self.options.iter().find(|o| o.pointer == pointer).map(|o| o.values.value.as_slice())
    }

    /// The council profile's own place words, as written (its name, its localities and teams): see
    /// [`super::profile::Effective::place_words`].
    pub fn place_words(&self) -> &[String] {
        self.resolved.profile.place_words()
    }

    pub fn submit(&self) -> bool {
        self.stage == Stage::Submit
    }

    /// Whether the profile leaves this rule on (skip costly work for rules that are off).
    pub fn enabled(&self, rule: &Rule) -> bool {
        self.resolved.profile.enabled(rule.code)
    }

    /// A threshold, as the profile sets it.
    pub fn value(&self, param: &Param) -> i64 {
        self.resolved.profile.value(param)
    }

    /// Records a finding of `rule` at `path`.
    pub fn emit(&mut self, rule: &Rule, path: impl Into<String>, message: impl Into<Message>) -> Emitted<'_> {
        self.emit_message(rule, path.into(), message.into())
    }

    /// The body of [`Ctx::emit`], not generic, so it is compiled once and not for every kind of path and message.
    fn emit_message(&mut self, rule: &Rule, path: String, message: Message) -> Emitted<'_> {
        if !self.enabled(rule) {
            return Emitted(None);
        }
        let severity = match rule.kind {
            Kind::Required if self.stage == Stage::Draft => Severity::Info,
            Kind::Required => self.resolved.profile.severity(rule.code, Severity::Error),
            Kind::Check => self.resolved.profile.severity(rule.code, rule.severity),
        };
        if self.resolved.codes_only {
            self.diagnostics.push(Diagnostic {
                code: rule.code.to_owned(),
                severity,
                path,
                message: String::new(),
                message_id: String::new(),
                params: crate::engine::value::Map::new(),
                related: Vec::new(),
                due: None,
            });
            return Emitted(None);
        }
        self.diagnostics.push(Diagnostic {
            code: rule.code.to_owned(),
            severity,
            path,
            message: message.text_with(self.resolved.messages.as_deref()),
            message_id: message.id().to_owned(),
            params: message.params_json(),
            related: Vec::new(),
            due: None,
        });
        Emitted(self.diagnostics.last_mut())
    }

    /// Whether a finding was already made at this path (so a rule does not pile a second message on a field that
    /// is already wrong).
    pub fn has_finding_at(&self, path: &str) -> bool {
        self.prior
            .iter()
            .chain(&self.diagnostics)
            .any(|d| d.path.strip_prefix(path).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
    }

    /// Every finding made so far (the structural pass's, then the rules'), for an outcome that must not overstate
    /// what they block.
    pub fn findings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.prior.iter().chain(&self.diagnostics)
    }

    /// How many findings it has made.
    pub fn found(&self) -> usize {
        self.diagnostics.len()
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
