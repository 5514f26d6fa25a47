//! Deadlines of the case-lifecycle forms (allocation, early help plan, Family Circle, closure): one row per standard,
//! as the outcomes show it, with the status from `engine::timescale::status`.

use crate::engine::outcome::Tree;
use crate::outcome_json as json;
use chrono::NaiveDate;

use crate::calendar::format_date;
use crate::engine::timescale::{self, Status, DUE_SOON_DAYS};

/// Where one standard stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub standard: &'static str,
    pub due: Option<NaiveDate>,
    pub met_on: Option<NaiveDate>,
    pub status: Status,
}

impl Deadline {
    /// A deadline `due` (when known) met on `met_on` (if it was), as it stands on `today`.
    pub fn new(standard: &'static str, due: Option<NaiveDate>, met_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        let status = due.map_or(Status::NotApplicable, |d| timescale::status(d, met_on, today, DUE_SOON_DAYS));
        Deadline { standard, due, met_on, status }
    }

    /// A standard that does not apply (its start is unknown, or the case is excused from it).
    pub fn not_applicable(standard: &'static str, met_on: Option<NaiveDate>) -> Self {
        Deadline { standard, due: None, met_on, status: Status::NotApplicable }
    }

    /// Done late, or not done and the deadline has passed: what a timescale rule reports.
    pub fn breached(&self) -> bool {
        matches!(self.status, Status::MetLate | Status::Overdue)
    }

    /// The deadline as `YYYY-MM-DD`, for a diagnostic's `due`.
    pub fn due_text(&self) -> String {
        self.due.map(format_date).unwrap_or_default()
    }

    /// `{ standard, due, metOn, status }`.
    pub fn to_json(self) -> Tree {
        json!({
            "standard": self.standard,
            "due": self.due.map(format_date),
            "metOn": self.met_on.map(format_date),
            "status": self.status.as_str(),
        })
    }
}
