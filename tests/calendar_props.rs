//! Property tests of `safeguarding_forms::calendar`.

use chrono::{Datelike, TimeDelta, Timelike};
use proptest::prelude::*;
use safeguarding_forms::calendar::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Any date the calendar knows, uniformly.
fn date() -> impl Strategy<Value = NaiveDate> {
    let span = ymd(1900, 1, 1).signed_duration_since(ymd(2200, 1, 1)).num_days().abs();
    (0..span).prop_map(|k| ymd(1900, 1, 1) + TimeDelta::days(k))
}

/// Dates from 1700 to 2400, so a good share fall outside the calendar.
fn wide_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..700 * 366).prop_map(|k| ymd(1700, 1, 1) + TimeDelta::days(k))
}

/// Dates near now, where most case records are, with clock changes and bank holidays nearby.
fn recent_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..20 * 366).prop_map(|k| ymd(2015, 1, 1) + TimeDelta::days(k))
}

fn datetime(dates: impl Strategy<Value = NaiveDate>) -> impl Strategy<Value = NaiveDateTime> {
    (dates, 0i64..86_400).prop_map(|(d, s)| d.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::seconds(s))
}

/// Local times near the clock changes: the last weekend of March or October of some year.
fn near_change() -> impl Strategy<Value = NaiveDateTime> {
    (1901i32..2199, prop::bool::ANY, -48i64 * 60..48 * 60).prop_map(|(y, spring, mins)| {
        let (start, end) = bst_bounds_utc(y).unwrap();
        (if spring { start } else { end }) + TimeDelta::minutes(mins)
    })
}

/// The n-th working day by walking one day at a time: the reference for the week-jumping implementation.
fn naive_add(cal: &Calendar, from: NaiveDate, n: i64) -> Option<NaiveDate> {
    let step = if n > 0 { 1 } else { -1 };
    let mut left = n.abs();
    let mut d = from;
    while left > 0 {
        d = add_days(d, step)?;
        if cal.is_working_day(d) {
            left -= 1;
        }
    }
    Some(d)
}

fn naive_count(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let (mut d, end, sign) =
        if to >= from { (from + TimeDelta::days(1), to, 1) } else { (to, from - TimeDelta::days(1), -1) };
    let mut n = 0;
    while d <= end {
        if cal.is_working_day(d) {
            n += 1;
        }
        d += TimeDelta::days(1);
    }
    sign * n
}

fn closures() -> impl Strategy<Value = Vec<NaiveDate>> {
    prop::collection::vec(recent_date(), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn add_working_days_lands_on_a_working_day_and_counts_back(d in date(), n in -3000i64..3000, cl in closures()) {
        let cal = Calendar::new(cl);
        if let Some(r) = cal.add_working_days(d, n) {
            if n != 0 {
                prop_assert!(cal.is_working_day(r), "{} + {} = {}", d, n, r);
            }
            prop_assert_eq!(cal.working_days(d, r), Some(n));
            prop_assert_eq!(r.cmp(&d), n.cmp(&0));
        } else {
            // Only the edges of the calendar give None for |n| within the limit.
            prop_assert!(d.year() <= MIN_YEAR + 12 || d.year() >= MAX_YEAR - 12, "{} + {}", d, n);
        }
    }

    #[test]
    fn add_working_days_matches_walking(d in recent_date(), n in -800i64..800, cl in closures()) {
        let cal = Calendar::new(cl);
        prop_assert_eq!(cal.add_working_days(d, n), naive_add(&cal, d, n));
    }

    #[test]
    fn working_days_matches_walking(a in recent_date(), b in recent_date(), cl in closures()) {
        let cal = Calendar::new(cl);
        prop_assert_eq!(cal.working_days(a, b), Some(naive_count(&cal, a, b)));
    }

    #[test]
    fn add_working_days_is_monotone(d in date(), n1 in -2000i64..2000, n2 in -2000i64..2000) {
        let cal = Calendar::england_and_wales();
        let (lo, hi) = (n1.min(n2), n1.max(n2));
        if let (Some(a), Some(b)) = (cal.add_working_days(d, lo), cal.add_working_days(d, hi)) {
            if lo < hi { prop_assert!(a < b, "{} {} {} {}", d, lo, hi, a); } else { prop_assert_eq!(a, b); }
        }
    }

    #[test]
    fn is_bank_holiday_matches_the_yearly_list(d in wide_date()) {
        let listed = bank_holidays(d.year()).iter().any(|(h, _)| *h == d);
        prop_assert_eq!(is_bank_holiday(d), listed);
    }

    #[test]
    fn add_months_round_trips_and_clamps(d in date(), n in -1200i32..1200) {
        if let Some(r) = add_months(d, n) {
            prop_assert!(r.day() <= d.day());
            let moved = (r.year() * 12 + r.month0() as i32) - (d.year() * 12 + d.month0() as i32);
            prop_assert_eq!(moved, n);
            prop_assert_eq!((r.month0() as i32 - d.month0() as i32 - n).rem_euclid(12), 0);
            if d.day() <= 28 {
                prop_assert_eq!(r.day(), d.day());
                prop_assert_eq!(add_months(r, -n), Some(d));
            } else {
                // Clamped only when the target month is shorter: then it is that month's last day.
                let last_of_month = r.succ_opt().unwrap().month() != r.month();
                prop_assert!(r.day() == d.day() || last_of_month);
            }
        } else {
            let target = d.year() * 12 + d.month0() as i32 + n;
            prop_assert!(!(MIN_YEAR * 12..MAX_YEAR * 12 + 12).contains(&target));
        }
    }

    #[test]
    fn add_days_and_days_between_agree(d in date(), n in -200_000i64..200_000) {
        match add_days(d, n) {
            Some(r) => { prop_assert_eq!(days_between(d, r), n); prop_assert!(in_range(r)); }
            None => prop_assert!(!in_range(d + TimeDelta::days(n))),
        }
    }

    #[test]
    fn iso_round_trip(d in date()) {
        prop_assert_eq!(parse_iso_date(&format_date(d)), Some(d));
        let long = format_long(d);
        prop_assert!(long.ends_with(&d.year().to_string()) && !long.starts_with('0'));
    }

    #[test]
    fn local_datetime_round_trip(t in datetime(date())) {
        let minute = t.with_second(0).unwrap();
        prop_assert_eq!(parse_local_datetime(&format_local_datetime(t)), Some(minute));
        let with_secs = format!("{}T{}", format_date(t.date()), t.format("%H:%M:%S"));
        prop_assert_eq!(parse_local_datetime(&with_secs), Some(t));
    }

    #[test]
    fn add_hours_then_hours_between(t in prop_oneof![datetime(date()), near_change()], h in -2000i64..2000) {
        prop_assume!(local_kind(t) == LocalKind::Normal);
        if let Some(r) = add_hours_local(t, h) {
            let back = hours_between_local(t, r).unwrap();
            if local_kind(r) == LocalKind::Ambiguous {
                // The second run of the repeated hour reads back as the first, an hour earlier.
                prop_assert!(back == h || back == h - 1, "{} + {}h = {} -> {}", t, h, r, back);
            } else {
                prop_assert_eq!(back, h, "{} + {}h = {}", t, h, r);
            }
            prop_assert_eq!(local_kind(r) == LocalKind::Skipped, false, "never lands in the gap");
        }
    }

    #[test]
    fn utc_local_round_trip(u in prop_oneof![datetime(date()), near_change()]) {
        if let Some(l) = utc_to_local(u) {
            prop_assert_ne!(local_kind(l), LocalKind::Skipped);
            let back = local_to_utc(l).unwrap();
            if back != u {
                prop_assert_eq!(local_kind(l), LocalKind::Ambiguous);
                prop_assert_eq!(back, u - TimeDelta::hours(1));
            }
            prop_assert!(l == u || l == u + TimeDelta::hours(1));
        }
    }

    #[test]
    fn london_date_is_the_local_date(u in datetime(date())) {
        let secs = u.and_utc().timestamp();
        prop_assert_eq!(london_date_from_unix(secs), utc_to_local(u).map(|l| l.date()));
    }

    #[test]
    fn nothing_panics_and_out_of_range_is_none(d in wide_date(), t in datetime(wide_date()), n in any::<i64>(), m in any::<i32>(), cl in prop::collection::vec(wide_date(), 0..5)) {
        let cal = Calendar::new(cl);
        let inside = in_range(d);
        let results = [
            add_days(d, n).is_some(), add_weeks(d, n).is_some(), add_months(d, m).is_some(), add_years(d, m).is_some(),
            add_days(d, n % 1000).is_some(), add_months(d, m % 100).is_some(),
            cal.add_working_days(d, n).is_some(), cal.add_working_days(d, n % 100).is_some(),
            cal.working_days(d, ymd(2025, 6, 2)).is_some(),
        ];
        if !inside {
            prop_assert!(results.iter().all(|r| !r), "{}: {:?}", d, results);
            prop_assert!(!cal.is_working_day(d) && !is_bank_holiday(d));
        }
        let _ = (format_date(d), format_long(d), days_between(d, ymd(2025, 1, 1)), easter_sunday(d.year()), bank_holidays(d.year()));
        let t_inside = in_range(t.date());
        let tr = [
            local_to_utc(t).is_some(), utc_to_local(t).is_some(), add_hours_local(t, n).is_some(),
            add_minutes_local(t, n).is_some(), hours_between_local(t, t).is_some(),
        ];
        if !t_inside {
            prop_assert!(tr.iter().all(|r| !r), "{}: {:?}", t, tr);
        }
        let _ = (local_kind(t), format_local_datetime(t), london_date_from_unix(n), add_hours_local(t, n % 100_000));
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,24}", t in "[0-9T:\\- ]{8,21}") {
        for input in [&s, &t] {
            if let Some(d) = parse_iso_date(input) {
                prop_assert_eq!(&format_date(d), input);
            }
            if let Some(dt) = parse_local_datetime(input) {
                prop_assert!(input.starts_with(&format_local_datetime(dt)));
            }
        }
    }
}
