//! The WebAssembly boundary: the only module that knows about JavaScript. Data crosses as JSON text both ways
//! (the wrapper in `js/index.js` stringifies and parses), which keeps cycles, BigInt and deep nesting out of wasm and
//! is faster than walking JS objects from Rust. Errors are a caller's mistakes and become JavaScript `Error`s.

use wasm_bindgen::prelude::*;

/// The module's allocator: talc instead of the standard library's dlmalloc (BENCHMARKS.md, "The module's
/// allocator": a check allocates and frees a few hundred small values).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use crate::engine::input;
use crate::engine::options::Resolved;
use crate::{api, catalogue, Error, FormSession, Options};

fn js_error(e: Error) -> JsValue {
    js_sys::Error::new(&e.message()).into()
}

fn options(json: &str) -> Result<Options, JsValue> {
    if json.is_empty() {
        return Ok(Options::default());
    }
    let v = input::parse(json).map_err(|_| js_error(Error::InvalidOption("options must be an object".into())))?;
    Options::from_value(&v).map_err(js_error)
}

// The catalogue (`forms()`, the rules' text, every schema, `messages()`) is not in the module: js/index.js reads it
// from the package's catalogue.json and asks the module only for what the options change (`src/catalogue.rs`).

/// Each rule's severity, switch and thresholds under the options' profile (`catalogue::rule_states`).
#[wasm_bindgen(js_name = rulesState)]
pub fn rules_state(form: Option<String>, options_json: &str) -> Result<String, JsValue> {
    let options = options(options_json)?;
    catalogue::rule_states(form.as_deref(), &options).map(|r| r.to_json()).map_err(js_error)
}

/// The values the options' profile lists for a form's choice fields (`catalogue::schema_lists`); `options_json`
/// empty: no options (the form is still checked).
#[wasm_bindgen(js_name = schemaLists)]
pub fn schema_lists(form: &str, options_json: &str) -> Result<String, JsValue> {
    if options_json.is_empty() {
        return catalogue::schema_lists(form, None).map(|s| s.to_json()).map_err(js_error);
    }
    let options = options(options_json)?;
    catalogue::schema_lists(form, Some(&options)).map(|s| s.to_json()).map_err(js_error)
}

/// The engine's error for a form id it does not have.
#[wasm_bindgen(js_name = checkForm)]
pub fn check_form(form: &str) -> Result<(), JsValue> {
    crate::forms::REGISTRY.find(form).map(|_| ()).map_err(js_error)
}

/// Checks any value as a profile; never an error (text that is not JSON is one problem).
#[wasm_bindgen(js_name = checkProfileJson)]
pub fn check_profile_json(profile_json: &str) -> String {
    let result = match input::parse(profile_json) {
        Ok(v) => api::check_profile_value(&v),
        Err(_) => crate::CheckResult {
            valid: false,
            problems: vec![crate::Problem { path: String::new(), message: "is not JSON".into() }],
        },
    };
    result.to_value().to_json()
}

std::thread_local! {
    /// The last options text `validate` resolved (`validatePacked`), and what it resolved to. A host checks record after record
    /// under the same options, a council's profile document often among them: read, checked and resolved once, not
    /// on every call (about 3% of a referral's `validate` without a profile; a profile document is read and checked
    /// again on each call otherwise). Kept only for options that give `today`: without it today is the clock's.
    static LAST_OPTIONS: core::cell::RefCell<Option<(String, Resolved)>> = const { core::cell::RefCell::new(None) };
}

/// The check of `validatePacked` when it is sent the options' text (the module's one `validate`).
fn validate_json(form: &str, data_json: &str, options_json: &str) -> Result<String, JsValue> {
    LAST_OPTIONS.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((text, resolved)) = last.as_ref() {
            if text == options_json {
                return api::validate_json_text_resolved(form, data_json, resolved).map_err(js_error);
            }
        }
        // As without the cache: the options read first, then the form looked up, then the options resolved.
        let options = options(options_json)?;
        check_form(form)?;
        let resolved = options.resolve().map_err(js_error)?;
        let out = api::validate_json_text_resolved(form, data_json, &resolved).map_err(js_error);
        *last = options.today.is_some().then(|| (options_json.to_owned(), resolved));
        out
    })
}

/// `validate` with its form id and options in one text, `form` NUL `options`: two strings to write into the module
/// instead of three (a string written in costs the page a `TextEncoder.encodeInto` call, about 0.2 µs each in Chromium
/// before a byte is written: BENCHMARKS.md, "One text across the boundary"; the data stays a text of its own, as
/// joining it to the others made V8 copy it first). JSON text holds no NUL byte (JSON.stringify escapes it), and the
/// wrapper refuses a form id that holds one. An empty options text stands for the options this module resolved last,
/// which the wrapper sends when they are the text it sent last: `""` back (never a report) says the module has none,
/// and the wrapper sends the call again with the text.
#[wasm_bindgen(js_name = validatePacked)]
pub fn validate_packed(head: &str, data_json: &str) -> Result<String, JsValue> {
    let (form, options_json) = split_nul(head);
    if options_json.is_empty() {
        let last = LAST_OPTIONS.with(|last| {
            last.borrow().as_ref().map(|(_, resolved)| api::validate_json_text_resolved(form, data_json, resolved))
        });
        return match last {
            Some(out) => out.map_err(js_error),
            None => Ok(String::new()),
        };
    }
    validate_json(form, data_json, options_json)
}

/// `s` before its first NUL and after it (`s` and `""` without one).
fn split_nul(s: &str) -> (&str, &str) {
    match s.bytes().position(|b| b == 0) {
        Some(i) => (s.get(..i).unwrap_or(s), s.get(i.saturating_add(1)..).unwrap_or("")),
        None => (s, ""),
    }
}

#[wasm_bindgen(js_name = carryForwardJson)]
pub fn carry_forward_json(form: &str, data_json: &str) -> Result<String, JsValue> {
    let data = input::parse(data_json).map_err(js_error)?;
    api::carry_forward_value(form, &data).map(|v| v.to_json()).map_err(js_error)
}

#[wasm_bindgen(js_name = workingDays)]
pub fn working_days(from: &str, to: &str, options_json: &str) -> Result<f64, JsValue> {
    let options = options(options_json)?;
    // Counts stay far below 2^53, so the conversion is exact.
    api::working_days(from, to, &options).map(|n| n as f64).map_err(js_error)
}

#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(from: &str, days: f64, options_json: &str) -> Result<String, JsValue> {
    let options = options(options_json)?;
    if !days.is_finite() || days.fract() != 0.0 || days.abs() > 1e6 {
        return Err(js_error(Error::InvalidOption("days must be a whole number".into())));
    }
    api::add_working_days(from, days as i64, &options).map_err(js_error)
}

/// A live form held inside wasm; JavaScript's `FormSession` wraps it. `load`, `set` and `remove` return only what
/// changed in the report since the last of these calls (see `FormSession::take_delta`: `""` when nothing did);
/// `takeReport` returns the whole report and makes it the base of the next change; `report` returns the whole
/// report and changes nothing.
#[wasm_bindgen]
pub struct Session {
    inner: FormSession,
}

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new(form: &str, options_json: &str) -> Result<Session, JsValue> {
        let options = options(options_json)?;
        FormSession::new(form, &options).map(|inner| Session { inner }).map_err(js_error)
    }

    pub fn load(&mut self, data_json: &str) -> Result<String, JsValue> {
        let data = input::parse(data_json).map_err(js_error)?;
        self.inner.load(data).map_err(js_error)?;
        Ok(self.inner.take_delta())
    }

    pub fn set(&mut self, pointer: &str, value_json: &str) -> Result<String, JsValue> {
        // However large: the session keeps it, and reports the form too large to check as `validate` does.
        let value = input::parse(value_json).map_err(js_error)?;
        self.inner.set(pointer, value).map_err(js_error)?;
        Ok(self.inner.take_delta())
    }

    pub fn remove(&mut self, pointer: &str) -> Result<String, JsValue> {
        self.inner.remove(pointer).map_err(js_error)?;
        Ok(self.inner.take_delta())
    }

    pub fn report(&self) -> String {
        self.inner.report().to_json()
    }

    #[wasm_bindgen(js_name = takeReport)]
    pub fn take_report(&mut self) -> String {
        self.inner.take_report()
    }

    pub fn data(&self) -> String {
        self.inner.data().to_json()
    }
}
