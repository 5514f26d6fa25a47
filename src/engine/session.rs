//! A live form: the data as it stands after each edit, and its report. After any sequence of edits the report is
//! identical to `validate` on the session's data.

use serde_json::{Map, Value};

use super::error::Error;
use super::model::{Field, Kind};
use super::options::{Options, Resolved};
use super::pointer;
use super::registry::{self, FormDef};
use super::report::Report;
use crate::api;

pub struct FormSession {
    form: &'static FormDef,
    resolved: Resolved,
    data: Map<String, Value>,
    report: Report,
}

impl FormSession {
    pub fn new(form_id: &str, options: &Options) -> Result<FormSession, Error> {
        let form = registry::find(form_id)?;
        let resolved = options.resolve()?;
        let data = Map::new();
        let report = api::run(form, &data, &resolved);
        Ok(FormSession { form, resolved, data, report })
    }

    /// Replaces the whole form.
    pub fn load(&mut self, data: Value) -> Result<&Report, Error> {
        let Value::Object(map) = data else { return Err(Error::NotAnObject) };
        self.data = map;
        Ok(self.refresh())
    }

    /// Changes one field.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<&Report, Error> {
        let segments = pointer::parse(pointer)?;
        if segments.is_empty() {
            return self.load(value);
        }
        objects_on_the_way(&mut self.data, self.form.fields, &segments);
        pointer::set(&mut self.data, &segments, value)?;
        Ok(self.refresh())
    }

    /// Deletes a field or a list row.
    pub fn remove(&mut self, pointer: &str) -> Result<&Report, Error> {
        let segments = pointer::parse(pointer)?;
        if segments.is_empty() {
            self.data = Map::new();
        } else {
            pointer::remove(&mut self.data, &segments)?;
        }
        Ok(self.refresh())
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

    fn refresh(&mut self) -> &Report {
        self.report = api::run(self.form, &self.data, &self.resolved);
        &self.report
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
