//! What a check returns: a flat list of findings, each at a JSON Pointer, and the form's computed outcome.

use serde::Serialize;
use serde_json::Value;

/// How much a finding matters. `Error` makes the report invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// One finding at one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the field; `""` for the whole form.
    pub path: String,
    /// GOV.UK-style message. Never contains what the user typed.
    pub message: String,
    /// The stable id of the message's template (a host's table replaces the English by id).
    #[serde(rename = "messageId")]
    pub message_id: String,
    /// What the template fills in: labels, engine-formatted dates, numbers — never what the user typed.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub params: serde_json::Map<String, Value>,
    /// Other fields a cross-field rule read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// For timescale rules: the deadline (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

impl Diagnostic {
    /// Adds the fields a cross-field rule read.
    pub fn with_related<I, S>(mut self, related: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.related.extend(related.into_iter().map(Into::into));
        self
    }
}

/// The result of checking one form as it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub form: String,
    /// True when no diagnostic has severity `error`.
    pub valid: bool,
    /// Ordered by the form's field order, then severity.
    pub diagnostics: Vec<Diagnostic>,
    /// The form's computed result (eligibility, scores, deadlines, completeness), or null.
    pub outcome: Option<Value>,
}

impl Report {
    /// The report as JSON text (the shape JavaScript sees).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("null"))
    }

    /// The diagnostics with this code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// Whether any diagnostic has this code.
    pub fn has(&self, code: &str) -> bool {
        self.diagnostics.iter().any(|d| d.code == code)
    }
}
