//! The public functions, the same natively and (through `wasm.rs`) in JavaScript.

use std::borrow::Cow;

use crate::calendar;
use crate::engine::error::Error;
use crate::engine::input;
#[cfg(feature = "catalogue")]
use crate::engine::messages::MessageInfo;
use crate::engine::options::{Options, Resolved};
use crate::engine::profile::{self, ProfileInfo};
use crate::engine::profile_doc::{self, CheckResult};
#[cfg(feature = "catalogue")]
use crate::engine::registry::FormInfo;
use crate::engine::registry::{FormDef, Registry};
use crate::engine::report::Report;
#[cfg(feature = "catalogue")]
use crate::engine::rule::RuleInfo;
#[cfg(feature = "catalogue")]
use crate::engine::schema::{self, form_schema, renderer_schema, ui_schema as form_ui_schema, Dialect, Library};
use crate::engine::session::{self, FormSession};
#[cfg(feature = "catalogue")]
use crate::engine::structure::INPUT_RULES;
use crate::engine::value::{Map, Value};

/// The forms this build holds, as its cargo features pick them (`crate::forms`): the entry hands them to the engine,
/// which knows no form of its own.
const REGISTRY: &Registry = &crate::forms::REGISTRY;

/// Every form this build holds, in the order of the specification.
#[cfg(feature = "catalogue")]
pub fn forms() -> Vec<FormInfo> {
    REGISTRY.forms.iter().map(|f| f.info()).collect()
}

/// The crate's own forms for the engine's options and sessions.
impl Options {
    /// Reads options as JavaScript passes them: `undefined`/`null` or an object with `today`, `stage`, `profile`,
    /// `closures` and `messages`. Anything else is the caller's mistake.
    pub fn from_json(v: &serde_json::Value) -> Result<Options, Error> {
        Options::from_value(&Value::from(v))
    }

    /// [`Options::from_json`] of the engine's own value (what the WebAssembly module reads).
    pub(crate) fn from_value(v: &Value) -> Result<Options, Error> {
        Options::from_json_in(REGISTRY, v)
    }

    /// A profile given as data: a built-in id, one profile document, or a list of versions of one council's
    /// profile. An invalid one is the caller's configuration mistake: the error names its first problem.
    pub fn profile_value(self, v: &serde_json::Value) -> Result<Options, Error> {
        self.profile_value_in(REGISTRY, &Value::from(v))
    }

    /// Resolves defaults: today's London date, the profile in force on it, the working-day calendar.
    pub fn resolve(&self) -> Result<Resolved, Error> {
        self.resolve_in(REGISTRY)
    }
}

impl FormSession {
    /// A live session of one form: load, set and remove fields, each answered with the report.
    pub fn new(form_id: &str, options: &Options) -> Result<FormSession, Error> {
        FormSession::start(REGISTRY, REGISTRY.find(form_id)?, options)
    }
}

/// The rule catalogue of one form (its own rules, then the input rules every form shares), or of every form;
/// severities and switches as the options' profile sets them.
#[cfg(feature = "catalogue")]
pub fn rules(form_id: Option<&str>, options: &Options) -> Result<Vec<RuleInfo>, Error> {
    let profile = options.resolve()?.profile;
    let forms: Vec<&FormDef> = match form_id {
        Some(id) => vec![REGISTRY.find(id)?],
        None => REGISTRY.forms.to_vec(),
    };
    let mut out = Vec::new();
    for form in &forms {
        for rule in form.rules {
            out.push(rule.info(form.id, &profile));
        }
    }
    for rule in INPUT_RULES {
        out.push(rule.info("*", &profile));
    }
    Ok(out)
}

/// Every built-in profile, `default` first.
pub fn profiles() -> Vec<ProfileInfo> {
    profile::all().iter().map(|p| p.info()).collect()
}

/// Checks any value as a profile (a built-in id, one profile document, or a list of versions of one council's
/// profile): every problem, each at its place in the document. Never fails.
pub fn check_profile(profile: &serde_json::Value) -> CheckResult {
    check_profile_value(&Value::from(profile))
}

/// [`check_profile`] of the engine's own value (what the WebAssembly module reads).
pub(crate) fn check_profile_value(profile: &Value) -> CheckResult {
    profile_doc::check(REGISTRY, profile)
}

/// The JSON Schema of a profile document.
#[cfg(feature = "catalogue")]
pub fn profile_schema() -> serde_json::Value {
    profile_doc::schema(REGISTRY)
}

/// The JSON Schema of a form's data.
#[cfg(feature = "catalogue")]
pub fn schema(form_id: &str) -> Result<serde_json::Value, Error> {
    Ok(form_schema(REGISTRY.find(form_id)?))
}

/// The JSON Schema of a form's data under a council's profile: its local lists (localities, teams) and narrowed
/// choices become the values the profile lists.
#[cfg(feature = "catalogue")]
pub fn schema_with(form_id: &str, options: &Options) -> Result<serde_json::Value, Error> {
    schema_for(form_id, options, Dialect::Lenient)
}

/// The JSON Schema of a form's data in a dialect: `Dialect::Lenient` (2020-12, what [`schema`] gives) or
/// `Dialect::Renderer` (draft-07, for react-jsonschema-form and JSON Forms).
#[cfg(feature = "catalogue")]
pub fn schema_in(form_id: &str, dialect: Dialect) -> Result<serde_json::Value, Error> {
    let form = REGISTRY.find(form_id)?;
    Ok(match dialect {
        Dialect::Lenient => form_schema(form),
        Dialect::Renderer => renderer_schema(form),
    })
}

/// The JSON Schema of a form's data in a dialect, under the options' council profile (its local lists and narrowed
/// choices become the values it lists).
#[cfg(feature = "catalogue")]
pub fn schema_for(form_id: &str, options: &Options, dialect: Dialect) -> Result<serde_json::Value, Error> {
    let mut schema = schema_in(form_id, dialect)?;
    let resolved = options.resolve()?;
    for o in resolved.profile.options_for(form_id) {
        match dialect {
            Dialect::Lenient => schema::restrict(&mut schema, &o.pointer, &o.values.value),
            Dialect::Renderer => schema::restrict_choices(&mut schema, &o.pointer, &o.values.value),
        }
    }
    Ok(schema)
}

/// The JSON Schema of a form's outcome, from its declared outcome model: a `title` per key (a label for a page) and
/// an `x-unit` where a number has a unit.
#[cfg(feature = "catalogue")]
pub fn outcome_schema(form_id: &str) -> Result<serde_json::Value, Error> {
    Ok(crate::engine::outcome::outcome_schema(REGISTRY.find(form_id)?))
}

/// The UI schema that goes with the renderer dialect of [`schema_in`] for a form library.
#[cfg(feature = "catalogue")]
pub fn ui_schema(form_id: &str, library: Library) -> Result<serde_json::Value, Error> {
    Ok(form_ui_schema(REGISTRY.find(form_id)?, library))
}

/// Checks a form as it stands.
pub fn validate(form_id: &str, data: &serde_json::Value, options: &Options) -> Result<Report, Error> {
    let form = REGISTRY.find(form_id)?;
    let Value::Object(obj) = Value::from(data) else { return Err(Error::NotAnObject) };
    let resolved = options.resolve()?;
    Ok(run(form, &obj, &resolved))
}

/// Checks one record of a form with options resolved beforehand ([`Options::resolve`]), for a caller that checks
/// many records under the same options (the command line's `batch` resolves them once, not per record). The same
/// report as [`validate`] with those options.
pub fn validate_resolved(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Report {
    run(form, data, resolved)
}

/// Checks a form given as JSON text (what crosses the WebAssembly boundary, and what the command line reads).
/// Text larger than the engine reads is one diagnostic, not an error.
pub fn validate_json(form_id: &str, text: &str, options: &Options) -> Result<Report, Error> {
    check_text(form_id, text, || options.resolve().map(Cow::Owned), |r| r, run)
}

/// [`validate_json`]'s report as JSON text (`Report::to_json` of it, byte for byte), written without the `Report`: the
/// form's typed outcome goes straight from its tree into the text. What the WebAssembly module returns.
pub fn validate_json_text(form_id: &str, text: &str, options: &Options) -> Result<String, Error> {
    check_text(form_id, text, || options.resolve().map(Cow::Owned), |r| r.to_json(), session::check_once_json)
}

/// [`validate_json_text`] with options resolved beforehand ([`Options::resolve`]), for a caller that checks many
/// texts under the same options (the WebAssembly module keeps the last options it resolved): the same text as
/// [`validate_json_text`] with those options, and the same error for an unknown form.
pub fn validate_json_text_resolved(form_id: &str, text: &str, resolved: &Resolved) -> Result<String, Error> {
    check_text(form_id, text, || Ok(Cow::Borrowed(resolved)), |r| r.to_json(), session::check_once_json)
}

/// Finds the form, then reads its JSON text (over the last check's value, [`input::parse_reusing`]) and checks it
/// with `check` under the options `resolve` gives, and gives the value back; text larger than the engine
/// reads is the one diagnostic of `too_large`. The form is looked up before the options are resolved, so an unknown
/// form is the error whatever the options hold.
fn check_text<'r, T>(
    form_id: &str,
    text: &str,
    resolve: impl FnOnce() -> Result<Cow<'r, Resolved>, Error>,
    too_large: fn(Report) -> T,
    check: fn(&'static FormDef, &Map<String, Value>, &Resolved) -> T,
) -> Result<T, Error> {
    let form = REGISTRY.find(form_id)?;
    let resolved = resolve()?;
    if text.len() > input::MAX_BYTES {
        return Ok(too_large(session::too_large(form, &resolved)));
    }
    let value = input::parse_reusing(text)?;
    let Value::Object(obj) = &value else { return Err(Error::NotAnObject) };
    let out = check(form, obj, &resolved);
    input::recycle(value, text.len());
    Ok(out)
}

/// The engine's one path: the structural pass, the form's rules, then the diagnostics in field order (shared with
/// the live session, which keeps the structural pass per field between edits).
pub(crate) fn run(form: &'static FormDef, data: &Map<String, Value>, resolved: &Resolved) -> Report {
    session::check_once(form, data, resolved)
}

/// The next step of a form that carries forward (the Family Programme's next workbook step).
pub fn carry_forward(form_id: &str, data: &serde_json::Value) -> Result<serde_json::Value, Error> {
    carry_forward_value(form_id, &Value::from(data)).map(serde_json::Value::from)
}

/// [`carry_forward`] of the engine's own value (what the WebAssembly module reads).
pub(crate) fn carry_forward_value(form_id: &str, data: &Value) -> Result<Value, Error> {
    let form = REGISTRY.find(form_id)?;
    let Value::Object(obj) = data else { return Err(Error::NotAnObject) };
    let f = form.carry_forward.ok_or_else(|| Error::Unsupported(crate::text!(form.id, " does not carry forward")))?;
    Ok(f(obj))
}

fn option_date(name: &str, s: &str) -> Result<calendar::NaiveDate, Error> {
    calendar::parse_iso_date(s)
        .ok_or_else(|| Error::InvalidOption(crate::text!(name, " must be a real date written YYYY-MM-DD")))
}

/// Working days after `from`, up to and including `to` (England and Wales, with the options' closure days).
pub fn working_days(from: &str, to: &str, options: &Options) -> Result<i64, Error> {
    let (from, to) = (option_date("from", from)?, option_date("to", to)?);
    let resolved = options.resolve()?;
    resolved
        .calendar
        .working_days(from, to)
        .ok_or_else(|| Error::InvalidOption("the dates are beyond the years the calendar knows".into()))
}

/// The `days`-th working day after `from`.
pub fn add_working_days(from: &str, days: i64, options: &Options) -> Result<String, Error> {
    let from = option_date("from", from)?;
    let resolved = options.resolve()?;
    resolved
        .calendar
        .add_working_days(from, days)
        .map(calendar::format_date)
        .ok_or_else(|| Error::InvalidOption("the result is beyond the years the calendar knows".into()))
}

/// Every message the engine can emit: its stable id, its English template and the parameters the template may use.
/// `options.messages` replaces the English by id.
#[cfg(feature = "catalogue")]
pub fn messages() -> Vec<MessageInfo> {
    crate::engine::catalogue::all(REGISTRY).to_vec()
}
