//! The date and time readers and the calendar arithmetic: strict parsing (only the canonical text is accepted),
//! round trips, month arithmetic clamped at month ends, working days that agree with a day-by-day walk, UK local
//! time across clock changes, and errors that never repeat the input.
//!
//! Input: 8 bytes of n (days), 4 of m (months), 8 of h (hours), then text split at '|': a date, a date-time, then
//! closure dates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_forms::calendar::{
    self, add_days, add_hours_local, add_months, add_years, days_between, format_date, format_local_datetime,
    local_kind, local_to_utc, parse_iso_date, parse_local_datetime, utc_to_local, Calendar, LocalKind, NaiveDate,
};
use safeguarding_forms::engine::read;
use safeguarding_forms::Options;
use safeguarding_forms_fuzz::{candidates, echoes, shift};
use serde_json::json;

fn take<const N: usize>(data: &mut &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let n = N.min(data.len());
    out[..n].copy_from_slice(&data[..n]);
    *data = &data[n..];
    out
}

fn last_day(y: i32, m: u32) -> u32 {
    (28..=31).rev().find(|d| NaiveDate::from_ymd_opt(y, m, *d).is_some()).unwrap_or(28)
}

fn months_index(d: NaiveDate) -> i64 {
    i64::from(year(d)) * 12 + i64::from(month(d)) - 1
}

mod chrono_like {
    use safeguarding_forms::calendar::{format_date, NaiveDate};
    // The fuzz crate does not depend on chrono: read the parts back from the canonical text.
    pub fn year(d: NaiveDate) -> i32 {
        format_date(d).get(0..4).and_then(|s| s.parse().ok()).unwrap_or(0)
    }
    pub fn month(d: NaiveDate) -> u32 {
        format_date(d).get(5..7).and_then(|s| s.parse().ok()).unwrap_or(0)
    }
    pub fn day(d: NaiveDate) -> u32 {
        format_date(d).get(8..10).and_then(|s| s.parse().ok()).unwrap_or(0)
    }
}
use chrono_like::{day, month, year};

fn no_echo_in_error(input: &[&str], run: impl Fn(&[String]) -> Option<String>) {
    let owned: Vec<String> = input.iter().map(|s| s.to_string()).collect();
    let Some(message) = run(&owned) else { return };
    let found = candidates(&owned, std::iter::once(message.as_str()));
    if found.is_empty() {
        return;
    }
    let moved: Vec<String> = owned.iter().map(|s| shift(s)).collect();
    if let Some(m2) = run(&moved) {
        let echoed = echoes(&found, std::iter::once(m2.as_str()));
        assert!(echoed.is_empty(), "an error repeats the input: {echoed:?}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let mut data = bytes;
    let n = i64::from_le_bytes(take::<8>(&mut data));
    let m = i32::from_le_bytes(take::<4>(&mut data));
    let h = i64::from_le_bytes(take::<8>(&mut data));
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('|');
    let a = parts.next().unwrap_or("");
    let b = parts.next().unwrap_or("");
    let closures: Vec<NaiveDate> = parts.filter_map(parse_iso_date).collect();
    let cal = Calendar::new(closures.iter().copied());

    // Strict ISO dates: accepted only in canonical form, within the calendar's years.
    if let Some(d) = parse_iso_date(a) {
        assert_eq!(format_date(d), a);
        assert!(calendar::in_range(d));
        // Month arithmetic: the month moves by exactly m, the day is clamped to the month's end.
        if let Some(r) = add_months(d, m) {
            assert_eq!(months_index(r) - months_index(d), i64::from(m));
            assert_eq!(day(r), day(d).min(last_day(year(r), month(r))));
        }
        if let Some(r) = add_years(d, m % 400) {
            assert_eq!(month(r), month(d));
        }
        let small = n % 150_000;
        if let Some(r) = add_days(d, small) {
            assert_eq!(days_between(d, r), small);
        }
        // Working days: the step lands on a working day, counts back to itself, and agrees with a walk.
        let step = n % 120_000;
        if let Some(r) = cal.add_working_days(d, step) {
            if step == 0 {
                assert_eq!(r, d);
            } else {
                assert!(cal.is_working_day(r), "{a} + {step} working days = {} is not a working day", format_date(r));
                assert_eq!(cal.working_days(d, r), Some(step), "{a} + {step}");
            }
            if step.abs() <= 40 {
                let mut walk = d;
                let mut left = step.abs();
                while left > 0 {
                    walk = add_days(walk, step.signum()).expect("within range, as the answer is");
                    if cal.is_working_day(walk) {
                        left -= 1;
                    }
                }
                assert_eq!(walk, r, "{a} + {step} working days");
            }
        }
        if let Some(other) = parse_iso_date(b.get(..10).unwrap_or(b)) {
            // Counting and stepping agree: the count-th working day after d is on or before `other`, the next after.
            if let Some(k) = cal.working_days(d, other) {
                if k > 0 {
                    let at = cal.add_working_days(d, k).expect("in range");
                    assert!(at <= other, "{a} .. {b}: {k}");
                    if let Some(next) = cal.add_working_days(d, k + 1) {
                        assert!(next > other, "{a} .. {b}: {k}");
                    }
                }
            }
        }
    }

    // UK local date-times.
    if let Some(t) = parse_local_datetime(b) {
        assert!(b.starts_with(&format_local_datetime(t)));
        if let Some(u) = local_to_utc(t) {
            if local_kind(t) != LocalKind::Skipped {
                if let Some(back) = utc_to_local(u) {
                    assert_eq!(back, t, "{b}");
                }
            }
        }
        let _ = add_hours_local(t, h);
        let _ = add_hours_local(t, h % 100_000);
    }
    let _ = read::parse_month(a);

    // The engine's lenient date reader, as ISO text and as date-input parts.
    let iso = read::parse_date(&json!(a).into());
    if let Ok(Some(d)) = iso {
        assert_eq!(Some(d), parse_iso_date(&read::clean(a)));
    }
    let mut p = a.splitn(3, ' ');
    let parts = json!({ "day": p.next(), "month": p.next(), "year": p.next() });
    if let Ok(Some(d)) = read::parse_date(&parts.into()) {
        assert!(calendar::in_range(d));
    }

    // The public functions: errors never repeat what was passed in.
    let options = Options::new().today("2025-06-02").unwrap_or_default();
    no_echo_in_error(&[a, b], |s| {
        safeguarding_forms::working_days(&s[0], &s[1], &options).err().map(|e| e.to_string())
    });
    no_echo_in_error(&[a], |s| {
        safeguarding_forms::add_working_days(&s[0], n % 200_000, &options).err().map(|e| e.to_string())
    });
    no_echo_in_error(&[a], |s| Options::new().today(&s[0]).err().map(|e| e.to_string()));
    let _ = safeguarding_forms::working_days(a, b, &options);
});
