//! Calendar-date arithmetic, formatting and strict ISO parsing.

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use super::in_range;

/// `d` plus `n` days (`n` may be negative). `None` when `d` or the result is outside the calendar's years.
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if !in_range(d) {
        return None;
    }
    d.checked_add_signed(TimeDelta::try_days(n)?).filter(|r| in_range(*r))
}

/// `d` plus `n` weeks (`n` may be negative).
pub fn add_weeks(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    add_days(d, n.checked_mul(7)?)
}

/// `d` plus `n` calendar months, clamped to the end of a shorter month: 31 January + 1 month is 28 (or 29)
/// February. Negative `n` goes back. This is the usual reading of "within N months" in statutory guidance.
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if !in_range(d) {
        return None;
    }
    let months = Months::new(n.unsigned_abs());
    let r = if n >= 0 { d.checked_add_months(months) } else { d.checked_sub_months(months) }?;
    Some(r).filter(|r| in_range(*r))
}

/// `d` plus `n` years; 29 February lands on 28 February in a common year.
pub fn add_years(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    add_months(d, n.checked_mul(12)?)
}

/// `b - a` in days: positive when `b` is later.
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    // Any two NaiveDates are at most ~190 million days apart, so this cannot overflow.
    b.signed_duration_since(a).num_days()
}

/// `YYYY-MM-DD`, written digit by digit: `format!` with its padding took about 650 instructions a date (every due
/// date and outcome date a report carries). A year outside 0–9999, which no date of the calendar's range has, as
/// `format!("{:04}")` writes it.
pub fn format_date(d: NaiveDate) -> String {
    let year = d.year();
    let mut out = String::with_capacity(10);
    if year < 0 {
        out.push('-');
    }
    // At least four characters with the sign, as `format!("{:04}")` writes a year; more digits when it has them.
    let (abs, width) = (year.unsigned_abs(), if year < 0 { 3 } else { 4 });
    if abs >= 10u32.pow(width) {
        crate::engine::text::Piece::push_to(&abs, &mut out);
    } else {
        crate::engine::text::push_padded(&mut out, abs, width as usize);
    }
    out.push('-');
    crate::engine::text::push_padded(&mut out, d.month(), 2);
    out.push('-');
    crate::engine::text::push_padded(&mut out, d.day(), 2);
    out
}

/// GOV.UK style: "2 June 2025" (no leading zero, no ordinal, full month name).
pub fn format_long(d: NaiveDate) -> String {
    crate::text!(d.day(), " ", month_name(d.month()), " ", d.year())
}

fn month_name(m: u32) -> &'static str {
    match m {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

/// Parses exactly `YYYY-MM-DD`: ASCII digits only, no sign, no spaces, a real date within the calendar's years.
/// (chrono's own `%Y` would accept "25-1-1" as the year 25 and leading spaces; this does not.)
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    parse_date_bytes(s.as_bytes())
}

pub(crate) fn parse_date_bytes(b: &[u8]) -> Option<NaiveDate> {
    let (y, m, d) = iso_parts(b)?;
    let d = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(d).filter(|d| in_range(*d))
}

/// The year, month and day of bytes shaped `YYYY-MM-DD` (ten: digits but for the two dashes), whether or not they
/// make a real date; `None` for any other shape.
pub(crate) fn iso_parts(b: &[u8]) -> Option<(u32, u32, u32)> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *b else {
        return None;
    };
    Some((four(y1, y2, y3, y4)?, two(m1, m2)?, two(d1, d2)?))
}

/// The value of a run of ASCII digits; `None` if any byte is not `0`-`9` (or the value is beyond `u32`).
pub(crate) fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    Some(n)
}

/// The value of an ASCII digit.
#[inline]
fn digit(c: u8) -> Option<u32> {
    let v = c.wrapping_sub(b'0');
    (v <= 9).then_some(u32::from(v))
}

/// The value of four ASCII digits (a year), or of two (a month, a day): no sum can overflow.
#[inline]
fn four(a: u8, b: u8, c: u8, d: u8) -> Option<u32> {
    Some(two(a, b)?.wrapping_mul(100).wrapping_add(two(c, d)?))
}

#[inline]
fn two(a: u8, b: u8) -> Option<u32> {
    Some(digit(a)?.wrapping_mul(10).wrapping_add(digit(b)?))
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn a_date_is_written_as_format_writes_it() {
        let mut d = NaiveDate::from_ymd_opt(1899, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2201, 1, 1).unwrap();
        while d < end {
            assert_eq!(format_date(d), format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
            d = d.succ_opt().unwrap();
        }
        for (y, m, day) in [(0, 1, 1), (9, 2, 3), (99, 12, 31), (999, 6, 7), (9999, 12, 31), (10000, 1, 1), (-1, 1, 1)]
        {
            let d = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(format_date(d), format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
        }
    }
}
