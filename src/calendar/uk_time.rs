//! UK civil time (Europe/London): GMT in winter, BST (GMT+1) from 01:00 UTC on the last Sunday of March to 01:00
//! UTC on the last Sunday of October. That rule (in force since 1996) is applied to every year in range, so
//! times before 1996 (and wartime double summer time) do not match history.
//!
//! "Local" times are naive wall-clock times as a social worker would write them ("2025-03-28T12:00"). Two
//! kinds of wall-clock time are not a single instant:
//! - skipped (01:00–01:59 on the last Sunday of March, which never appear on a clock): read with the GMT offset,
//!   so 01:30 means 01:30 UTC, the instant the clock shows as 02:30 BST;
//! - ambiguous (01:00–01:59 on the last Sunday of October, which happen twice): read as the earlier, BST
//!   instant.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};

use super::dates::{digits, parse_date_bytes};
use super::{format_date, in_range, MAX_YEAR, MIN_YEAR};

/// What a wall-clock time is on the UK clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LocalKind {
    /// Happens exactly once (also returned for times outside the calendar's years).
    Normal,
    /// In the spring-forward gap (e.g. 01:30 on the last Sunday of March): never shown on a UK clock.
    Skipped,
    /// In the hour repeated when the clocks go back (e.g. 01:30 on the last Sunday of October).
    Ambiguous,
}

// Evaluated at compile time, so it cannot panic at run time.
const ONE_HOUR: TimeDelta = TimeDelta::hours(1);

/// When BST starts and ends in `year`, as UTC instants: (last Sunday of March 01:00, last Sunday of October 01:00).
/// `None` outside the calendar's years.
pub fn bst_bounds_utc(year: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let one_am = NaiveTime::from_hms_opt(1, 0, 0)?;
    let last_sunday = |m: u32| {
        NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Sun, 5)
            .or_else(|| NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Sun, 4))
    };
    Some((last_sunday(3)?.and_time(one_am), last_sunday(10)?.and_time(one_am)))
}

/// The UK wall-clock time at the UTC instant `t`. `None` outside the calendar's years.
pub fn utc_to_local(t: NaiveDateTime) -> Option<NaiveDateTime> {
    if !in_range(t.date()) {
        return None;
    }
    let (start, end) = bst_bounds_utc(t.year())?;
    let local = if start <= t && t < end { t.checked_add_signed(ONE_HOUR)? } else { t };
    Some(local).filter(|l| in_range(l.date()))
}

/// Whether the wall-clock time `t` is normal, skipped or ambiguous (see the module notes).
pub fn local_kind(t: NaiveDateTime) -> LocalKind {
    let Some((start, end)) = bst_bounds_utc(t.year()) else {
        return LocalKind::Normal;
    };
    // The transitions happen at 01:00 UTC, which is 01:00 on the wall clock in March (then jumps to 02:00) and
    // 02:00 BST in October (then falls back to 01:00), so both odd hours are [01:00, 02:00) local.
    let within_hour_after = |edge: NaiveDateTime| edge <= t && edge.checked_add_signed(ONE_HOUR).is_some_and(|e| t < e);
    if within_hour_after(start) {
        LocalKind::Skipped
    } else if within_hour_after(end) {
        LocalKind::Ambiguous
    } else {
        LocalKind::Normal
    }
}

/// The UTC instant of the UK wall-clock time `t`. Ambiguous times give the earlier (BST) instant; skipped times
/// are read with the GMT offset (01:30 -> 01:30 UTC, i.e. 02:30 BST). `None` outside the calendar's years.
pub fn local_to_utc(t: NaiveDateTime) -> Option<NaiveDateTime> {
    if !in_range(t.date()) {
        return None;
    }
    let (start, end) = bst_bounds_utc(t.year())?;
    // Wall-clock BST runs from 02:00 in March to the end of the first 01:xx in October; the ambiguous hour is
    // [end, end + 1h) in wall-clock terms and is read as BST, the skipped one [start, start + 1h) as GMT.
    let bst = start.checked_add_signed(ONE_HOUR)? <= t && t < end.checked_add_signed(ONE_HOUR)?;
    let utc = if bst { t.checked_sub_signed(ONE_HOUR)? } else { t };
    Some(utc).filter(|u| in_range(u.date()))
}

/// The wall-clock time `minutes` of elapsed time after `t` (across clock changes). `None` out of range.
pub fn add_minutes_local(t: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
    let utc = local_to_utc(t)?.checked_add_signed(TimeDelta::try_minutes(minutes)?)?;
    utc_to_local(utc)
}

/// The wall-clock time `hours` of elapsed time after `t`: 72 hours after 2025-03-28T12:00 is 2025-03-31T13:00.
/// Note: a result in the second (GMT) run of the repeated October hour is written the same as the first, so
/// reading it back with [`local_to_utc`] gives the BST instant, an hour earlier.
pub fn add_hours_local(t: NaiveDateTime, hours: i64) -> Option<NaiveDateTime> {
    add_minutes_local(t, hours.checked_mul(60)?)
}

/// Elapsed minutes from wall-clock `a` to wall-clock `b` (negative if `b` is earlier). `None` out of range.
pub fn minutes_between_local(a: NaiveDateTime, b: NaiveDateTime) -> Option<i64> {
    Some(local_to_utc(b)?.signed_duration_since(local_to_utc(a)?).num_minutes())
}

/// Elapsed whole hours from `a` to `b`, rounded down (towards earlier): 90 minutes is 1, -30 minutes is -1.
pub fn hours_between_local(a: NaiveDateTime, b: NaiveDateTime) -> Option<i64> {
    minutes_between_local(a, b)?.checked_div_euclid(60)
}

/// The Europe/London calendar date at `secs` seconds since 1970-01-01T00:00Z. `None` outside the calendar's years.
pub fn london_date_from_unix(secs: i64) -> Option<NaiveDate> {
    let utc = DateTime::from_timestamp(secs, 0)?.naive_utc();
    Some(utc_to_local(utc)?.date())
}

/// Today's date in London from the system clock. Native only: on `wasm32-unknown-unknown` `SystemTime::now`
/// panics, so the browser must pass today in. Falls back to 1970-01-01 if the clock is unusable.
#[cfg(not(target_arch = "wasm32"))]
pub fn today_london() -> NaiveDate {
    use std::time::{SystemTime, UNIX_EPOCH};
    let now = SystemTime::now();
    let secs = match now.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok(),
        Err(before) => i64::try_from(before.duration().as_secs()).ok().and_then(i64::checked_neg),
    };
    secs.and_then(london_date_from_unix).unwrap_or_default()
}

/// Parses a wall-clock time `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`: ASCII digits, a capital `T`, no zone, no
/// fraction, no spaces; a real date in range, hours 00–23. Skipped or ambiguous times parse; see [`local_kind`].
pub fn parse_local_datetime(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.as_bytes().split_at_checked(10)?;
    let date = parse_date_bytes(date)?;
    let (h, m, sec) = match *time {
        [b'T', h1, h2, b':', m1, m2] => (digits(&[h1, h2])?, digits(&[m1, m2])?, 0),
        [b'T', h1, h2, b':', m1, m2, b':', s1, s2] => (digits(&[h1, h2])?, digits(&[m1, m2])?, digits(&[s1, s2])?),
        _ => return None,
    };
    // from_hms_opt rejects 24:00 and second 60.
    Some(date.and_time(NaiveTime::from_hms_opt(h, m, sec)?))
}

/// `YYYY-MM-DDTHH:MM` (seconds dropped).
pub fn format_local_datetime(t: NaiveDateTime) -> String {
    let mut out = format_date(t.date());
    out.push('T');
    crate::engine::text::push_padded(&mut out, t.hour(), 2);
    out.push(':');
    crate::engine::text::push_padded(&mut out, t.minute(), 2);
    out
}
