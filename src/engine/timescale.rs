//! Deadlines: where a timescale stands on a given day. Shared by every form with a "within N days" rule.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// Where a timescale stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Done on or before the deadline.
    Met,
    /// Done, but after the deadline.
    MetLate,
    /// Not done; the deadline is more than the due-soon window away.
    Due,
    /// Not done; the deadline is within the due-soon window (today included).
    DueSoon,
    /// Not done and the deadline has passed.
    Overdue,
    /// The timescale does not apply (its start is unknown or the standard is excused).
    NotApplicable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::MetLate => "met-late",
            Status::Due => "due",
            Status::DueSoon => "due-soon",
            Status::Overdue => "overdue",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// A finding is worth reporting (late, overdue, or due soon).
    pub fn is_concern(self) -> bool {
        matches!(self, Status::MetLate | Status::Overdue | Status::DueSoon)
    }
}

/// How many days before a deadline it counts as due soon.
pub const DUE_SOON_DAYS: i64 = 7;

/// Where a deadline `due` stands on `today`, given the day it was met (if it was).
pub fn status(due: NaiveDate, met_on: Option<NaiveDate>, today: NaiveDate, soon_days: i64) -> Status {
    match met_on {
        Some(m) if m <= due => Status::Met,
        Some(_) => Status::MetLate,
        None if today > due => Status::Overdue,
        None if due.signed_duration_since(today).num_days() <= soon_days => Status::DueSoon,
        None => Status::Due,
    }
}

/// The same for a deadline in hours (date-times in UK local time); `soon_hours` is the due-soon window.
pub fn status_at(due: NaiveDateTime, met_at: Option<NaiveDateTime>, now: NaiveDateTime, soon_hours: i64) -> Status {
    match met_at {
        Some(m) if m <= due => Status::Met,
        Some(_) => Status::MetLate,
        None if now > due => Status::Overdue,
        None if due.signed_duration_since(now).num_hours() <= soon_hours => Status::DueSoon,
        None => Status::Due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn statuses() {
        let due = d("2025-06-10");
        assert_eq!(status(due, Some(d("2025-06-10")), d("2025-07-01"), 7), Status::Met);
        assert_eq!(status(due, Some(d("2025-06-11")), d("2025-07-01"), 7), Status::MetLate);
        assert_eq!(status(due, None, d("2025-06-11"), 7), Status::Overdue);
        assert_eq!(status(due, None, d("2025-06-10"), 7), Status::DueSoon);
        assert_eq!(status(due, None, d("2025-06-03"), 7), Status::DueSoon);
        assert_eq!(status(due, None, d("2025-06-02"), 7), Status::Due);
    }
}
