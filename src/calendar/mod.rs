//! Dates, England and Wales bank holidays, working days and UK civil time.
//!
//! Nothing here reads a clock (chrono is built without one): "today" is passed in by the caller, except for the
//! native-only [`today_london`]. Every function is total: out-of-range or overflowing input gives `None` (or
//! `false`/an empty list), never a panic, so it is safe to call from WebAssembly where a panic kills the instance.

pub use chrono::{NaiveDate, NaiveDateTime};

pub mod bank_holidays;
pub mod dates;
pub mod uk_time;
pub mod working_days;

pub use bank_holidays::{bank_holidays, easter_sunday, is_bank_holiday};
pub use dates::{add_days, add_months, add_weeks, add_years, days_between, format_date, format_long, parse_iso_date};
#[cfg(not(target_arch = "wasm32"))]
pub use uk_time::today_london;
pub use uk_time::{
    add_hours_local, add_minutes_local, bst_bounds_utc, format_local_datetime, hours_between_local, local_kind,
    local_to_utc, london_date_from_unix, minutes_between_local, parse_local_datetime, utc_to_local, LocalKind,
};
pub use working_days::{Calendar, MAX_WORKING_DAYS_STEP};

use chrono::Datelike;

/// First year the calendar knows. Bank holidays are computed for every year from here on (see
/// [`bank_holidays()`] for what that means before 1978).
pub const MIN_YEAR: i32 = 1900;
/// Last year the calendar knows. Dates beyond it are treated as mistakes in a case record, not as real deadlines.
pub const MAX_YEAR: i32 = 2199;

/// Whether `d` lies within `MIN_YEAR..=MAX_YEAR`.
pub fn in_range(d: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

/// Whether the date part of `t` lies within `MIN_YEAR..=MAX_YEAR`.
pub fn in_range_datetime(t: NaiveDateTime) -> bool {
    in_range(t.date())
}
