//! Behaviour of `safeguarding_forms::calendar`: dates, bank holidays, working days and UK civil time.

use safeguarding_forms::calendar::*;

fn d(s: &str) -> NaiveDate {
    parse_iso_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

fn t(s: &str) -> NaiveDateTime {
    parse_local_datetime(s).unwrap_or_else(|| panic!("bad test time {s}"))
}

fn dates_of(year: i32) -> Vec<String> {
    bank_holidays(year).into_iter().map(|(d, _)| format_date(d)).collect()
}

// ---- bank holidays: the published GOV.UK lists for England and Wales ----

#[rustfmt::skip]
const GOV_UK: &[(i32, &[&str])] = &[
    (2019, &["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"]),
    (2020, &["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]),
    (2021, &["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"]),
    (2022, &["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
             "2022-12-26", "2022-12-27"]),
    (2023, &["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
             "2023-12-26"]),
    (2024, &["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"]),
    (2025, &["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"]),
    (2026, &["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]),
    (2027, &["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]),
];

#[test]
fn bank_holidays_2019_to_2027_match_gov_uk() {
    for (year, expected) in GOV_UK {
        assert_eq!(dates_of(*year), expected.to_vec(), "year {year}");
    }
}

#[test]
fn is_bank_holiday_agrees_with_the_list_for_every_day_2019_to_2027() {
    let mut day = d("2019-01-01");
    while day <= d("2027-12-31") {
        let listed = GOV_UK.iter().any(|(_, list)| list.contains(&format_date(day).as_str()));
        assert_eq!(is_bank_holiday(day), listed, "{day}");
        day = add_days(day, 1).unwrap();
    }
}

#[test]
fn one_off_bank_holidays() {
    assert!(dates_of(1995).contains(&"1995-05-08".to_string()));
    assert!(!dates_of(1995).contains(&"1995-05-01".to_string()));
    assert!(dates_of(1999).contains(&"1999-12-31".to_string()));
    assert_eq!(
        dates_of(2002).iter().filter(|s| s.starts_with("2002-05") || s.starts_with("2002-06")).collect::<Vec<_>>(),
        ["2002-05-06", "2002-06-03", "2002-06-04"]
    );
    assert!(dates_of(2011).contains(&"2011-04-29".to_string()));
    assert_eq!(
        dates_of(2012).iter().filter(|s| s.starts_with("2012-05") || s.starts_with("2012-06")).collect::<Vec<_>>(),
        ["2012-05-07", "2012-06-04", "2012-06-05"]
    );
    assert!(!is_bank_holiday(d("2020-05-04")), "2020 early May moved to VE day");
    assert!(!is_bank_holiday(d("2022-05-30")), "2022 spring moved to 2 June");
    // Millennium year: Christmas 1999 on a Saturday, New Year 2000 on a Saturday.
    assert_eq!(&dates_of(1999)[dates_of(1999).len() - 3..], ["1999-12-27", "1999-12-28", "1999-12-31"]);
    assert_eq!(dates_of(2000).first().map(String::as_str), Some("2000-01-03"));
}

#[test]
fn substitute_days_and_names() {
    let y2022 = bank_holidays(2022);
    assert!(y2022.contains(&(d("2022-01-03"), "New Year's Day (substitute day)")));
    assert!(y2022.contains(&(d("2022-12-26"), "Boxing Day")));
    assert!(y2022.contains(&(d("2022-12-27"), "Christmas Day (substitute day)")));
    let y2027 = bank_holidays(2027);
    assert!(y2027.contains(&(d("2027-12-27"), "Christmas Day (substitute day)")));
    assert!(y2027.contains(&(d("2027-12-28"), "Boxing Day (substitute day)")));
    assert!(bank_holidays(2026).contains(&(d("2026-12-28"), "Boxing Day (substitute day)")));
    // New Year on a Sunday (2023) moves to Monday 2 January.
    assert_eq!(bank_holidays(2023).first(), Some(&(d("2023-01-02"), "New Year's Day (substitute day)")));
}

#[test]
fn every_year_is_sorted_all_weekdays_and_has_eight_or_more() {
    for year in MIN_YEAR..=MAX_YEAR {
        let list = bank_holidays(year);
        assert!(list.len() >= 8, "{year}: {list:?}");
        assert!(list.windows(2).all(|w| w[0].0 < w[1].0), "{year} not sorted/unique");
        for (day, name) in &list {
            assert!(!matches!(day.format("%a").to_string().as_str(), "Sat" | "Sun"), "{day} {name}");
            assert!(is_bank_holiday(*day), "{day}");
        }
    }
}

#[test]
fn out_of_range_years_have_no_bank_holidays() {
    assert!(bank_holidays(MIN_YEAR - 1).is_empty());
    assert!(bank_holidays(MAX_YEAR + 1).is_empty());
    assert!(bank_holidays(i32::MIN).is_empty());
    assert!(bank_holidays(i32::MAX).is_empty());
    assert!(!is_bank_holiday(NaiveDate::from_ymd_opt(2285, 12, 25).unwrap()));
}

#[test]
fn easter() {
    for (year, date) in [
        (1900, "1900-04-15"),
        (1943, "1943-04-25"),
        (1961, "1961-04-02"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2038, "2038-04-25"),
        (2100, "2100-03-28"),
        (2160, "2160-03-23"),
    ] {
        assert_eq!(easter_sunday(year), Some(d(date)), "{year}");
    }
    // 2285 has the earliest possible Easter (22 March), but is beyond the calendar.
    assert_eq!(easter_sunday(2285), None);
    assert_eq!(easter_sunday(1899), None);
    assert_eq!(easter_sunday(i32::MIN), None);
}

// ---- date arithmetic ----

#[test]
fn month_end_arithmetic() {
    assert_eq!(add_months(d("2025-01-31"), 1), Some(d("2025-02-28")));
    assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29")));
    assert_eq!(add_months(d("2025-03-31"), -1), Some(d("2025-02-28")));
    assert_eq!(add_months(d("2025-05-31"), 1), Some(d("2025-06-30")));
    assert_eq!(add_months(d("2025-01-15"), 12), Some(d("2026-01-15")));
    assert_eq!(add_months(d("2025-01-15"), -13), Some(d("2023-12-15")));
    assert_eq!(add_months(d("2025-08-31"), 6), Some(d("2026-02-28")));
    assert_eq!(add_months(d("2025-06-02"), 0), Some(d("2025-06-02")));
    assert_eq!(add_years(d("2024-02-29"), 1), Some(d("2025-02-28")));
    assert_eq!(add_years(d("2024-02-29"), 4), Some(d("2028-02-29")));
    assert_eq!(add_years(d("2024-02-29"), -1), Some(d("2023-02-28")));
    assert_eq!(add_years(d("1900-03-01"), -1), None);
    assert_eq!(add_months(d("2199-12-01"), 1), None);
    assert_eq!(add_months(d("2025-01-01"), i32::MAX), None);
    assert_eq!(add_months(d("2025-01-01"), i32::MIN), None);
    assert_eq!(add_years(d("2025-01-01"), i32::MAX), None);
}

#[test]
fn day_and_week_arithmetic() {
    assert_eq!(add_days(d("2024-02-28"), 1), Some(d("2024-02-29")));
    assert_eq!(add_days(d("2025-01-01"), -1), Some(d("2024-12-31")));
    assert_eq!(add_weeks(d("2025-06-02"), 6), Some(d("2025-07-14")));
    assert_eq!(add_weeks(d("2025-06-02"), -1), Some(d("2025-05-26")));
    assert_eq!(add_days(d("2199-12-31"), 1), None);
    assert_eq!(add_days(d("1900-01-01"), -1), None);
    assert_eq!(add_days(d("2025-01-01"), i64::MAX), None);
    assert_eq!(add_days(d("2025-01-01"), i64::MIN), None);
    assert_eq!(add_weeks(d("2025-01-01"), i64::MAX), None);
    let outside = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    assert_eq!(add_days(outside, 0), None);
    assert_eq!(days_between(d("2025-06-02"), d("2025-06-09")), 7);
    assert_eq!(days_between(d("2025-06-09"), d("2025-06-02")), -7);
    assert_eq!(days_between(d("2024-01-01"), d("2025-01-01")), 366);
}

#[test]
fn formatting() {
    assert_eq!(format_date(d("2025-06-02")), "2025-06-02");
    assert_eq!(format_long(d("2025-06-02")), "2 June 2025");
    assert_eq!(format_long(d("2025-12-25")), "25 December 2025");
    assert_eq!(format_long(d("1999-01-01")), "1 January 1999");
    // Written without `core::fmt`, as `format!` writes a date, for any year a date can have.
    for year in [-262_143, -10_000, -1000, -999, -5, 0, 5, 999, 1000, 2025, 9999, 10_000, 262_142] {
        for (m, day) in [(1, 1), (2, 28), (12, 31)] {
            let date = chrono::NaiveDate::from_ymd_opt(year, m, day).unwrap();
            assert_eq!(format_date(date), format!("{year:04}-{m:02}-{day:02}"));
        }
    }
}

#[test]
fn strict_iso_parsing() {
    assert_eq!(parse_iso_date("2025-06-02"), NaiveDate::from_ymd_opt(2025, 6, 2));
    assert_eq!(parse_iso_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
    for bad in [
        "",
        "2025-6-2",
        "25-06-02",
        "0025-06-02",
        "2025-02-29",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        " 2025-06-02",
        "2025-06-02 ",
        "+2025-06-02",
        "2025/06/02",
        "2025-06-0a",
        "2025-06-02T00:00",
        "20250602",
        "2025-06-32",
        "1899-12-31",
        "2200-01-01",
        "٢٠٢٥-06-02",
        "2025-06-0２",
        "+025-06-02",
        "-025-06-02",
        "2025--6-02",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad:?}");
    }
    assert_eq!(parse_iso_date("1900-01-01"), NaiveDate::from_ymd_opt(1900, 1, 1));
    assert_eq!(parse_iso_date("2199-12-31"), NaiveDate::from_ymd_opt(2199, 12, 31));
}

#[test]
fn in_range_bounds() {
    assert!(in_range(d("1900-01-01")));
    assert!(in_range(d("2199-12-31")));
    assert!(!in_range(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()));
    assert!(!in_range(NaiveDate::from_ymd_opt(2200, 1, 1).unwrap()));
}

// ---- working days ----

#[test]
fn working_days_over_christmas_2025() {
    let cal = Calendar::england_and_wales();
    assert_eq!(cal.add_working_days(d("2025-12-24"), 1), Some(d("2025-12-29")));
    assert_eq!(cal.add_working_days(d("2025-12-29"), -1), Some(d("2025-12-24")));
    assert_eq!(cal.working_days(d("2025-12-24"), d("2025-12-29")), Some(1));
    assert_eq!(cal.working_days(d("2025-12-29"), d("2025-12-24")), Some(-1));
    assert_eq!(cal.working_days(d("2025-12-24"), d("2025-12-28")), Some(0));
    assert_eq!(cal.add_working_days(d("2025-12-25"), 0), Some(d("2025-12-25")));
}

#[test]
fn working_days_basics() {
    let cal = Calendar::england_and_wales();
    assert!(cal.is_working_day(d("2025-06-02")));
    assert!(!cal.is_working_day(d("2025-06-07")), "Saturday");
    assert!(!cal.is_working_day(d("2025-05-26")), "spring bank holiday");
    // Friday + 1 -> Monday; Friday before a bank holiday Monday -> Tuesday.
    assert_eq!(cal.add_working_days(d("2025-06-06"), 1), Some(d("2025-06-09")));
    assert_eq!(cal.add_working_days(d("2025-05-23"), 1), Some(d("2025-05-27")));
    // Easter 2025: Thursday 17 April + 1 -> Tuesday 22 April.
    assert_eq!(cal.add_working_days(d("2025-04-17"), 1), Some(d("2025-04-22")));
    // 15 working days (a strategy discussion to assessment-style deadline) from Monday 2 June 2025.
    assert_eq!(cal.add_working_days(d("2025-06-02"), 15), Some(d("2025-06-23")));
    // 45 working days from 1 December 2025 crosses Christmas and New Year: 8 weekdays lost to... counted below.
    let end = cal.add_working_days(d("2025-12-01"), 45).unwrap();
    assert_eq!(end, d("2026-02-05"));
    assert_eq!(cal.working_days(d("2025-12-01"), end), Some(45));
    // 2025 has 261 weekdays and 8 bank holidays, all on weekdays.
    assert_eq!(cal.working_days(d("2024-12-31"), d("2025-12-31")), Some(253));
    assert_eq!(cal.working_days(d("2025-12-31"), d("2024-12-31")), Some(-253));
}

#[test]
fn closures_remove_working_days() {
    let cal = Calendar::new([d("2025-12-29"), d("2025-12-30"), d("2025-12-31"), d("2025-12-27"), d("2025-12-25")]);
    // Weekend and bank-holiday closures are dropped as they change nothing.
    assert_eq!(cal.closures(), &[d("2025-12-29"), d("2025-12-30"), d("2025-12-31")]);
    assert!(!cal.is_working_day(d("2025-12-30")));
    assert_eq!(cal.add_working_days(d("2025-12-24"), 1), Some(d("2026-01-02")));
    assert_eq!(cal.working_days(d("2025-12-24"), d("2026-01-02")), Some(1));
    assert_eq!(cal.add_working_days(d("2026-01-02"), -1), Some(d("2025-12-24")));
    assert_eq!(Calendar::new([]), Calendar::england_and_wales());
}

#[test]
fn working_days_limits() {
    let cal = Calendar::england_and_wales();
    assert_eq!(cal.add_working_days(d("2025-01-01"), 100_001), None);
    assert_eq!(cal.add_working_days(d("2025-01-01"), -100_001), None);
    assert_eq!(cal.add_working_days(d("2025-01-01"), i64::MIN), None);
    assert_eq!(cal.add_working_days(d("2025-01-01"), i64::MAX), None);
    assert_eq!(cal.add_working_days(d("2025-01-01"), 100_000), None, "beyond 2199");
    assert_eq!(cal.add_working_days(d("2199-12-30"), 1), Some(d("2199-12-31")));
    assert_eq!(cal.add_working_days(d("2199-12-31"), 1), None);
    assert_eq!(cal.add_working_days(d("1900-01-02"), -1), None, "1 January 1900 is a bank holiday");
    let outside = NaiveDate::from_ymd_opt(2200, 1, 1).unwrap();
    assert_eq!(cal.add_working_days(outside, 0), None);
    assert_eq!(cal.working_days(d("2025-01-01"), outside), None);
    assert!(!cal.is_working_day(outside));
    // Whole span of the calendar, both ways.
    let all = cal.working_days(d("1900-01-01"), d("2199-12-31")).unwrap();
    assert!(all > 75_000 && all < 78_500, "{all}");
    // Backwards counts [1900-01-01, 2199-12-31): the end (a Tuesday) drops out, the start is a bank holiday.
    assert_eq!(cal.working_days(d("2199-12-31"), d("1900-01-01")), Some(-(all - 1)));
    assert_eq!(cal.add_working_days(d("1900-01-01"), all), Some(d("2199-12-31")));
}

// ---- UK civil time ----

#[test]
fn seventy_two_hours_across_spring_forward() {
    // 2025: clocks go forward 30 March; 2026: 29 March.
    assert_eq!(add_hours_local(t("2025-03-28T12:00"), 72), Some(t("2025-03-31T13:00")));
    assert_eq!(add_hours_local(t("2026-03-27T12:00"), 72), Some(t("2026-03-30T13:00")));
    assert_eq!(hours_between_local(t("2025-03-28T12:00"), t("2025-03-31T13:00")), Some(72));
    assert_eq!(hours_between_local(t("2025-03-28T12:00"), t("2025-03-31T12:00")), Some(71));
    assert_eq!(add_hours_local(t("2025-03-31T13:00"), -72), Some(t("2025-03-28T12:00")));
}

#[test]
fn seventy_two_hours_across_fall_back() {
    // 2025: clocks go back 26 October; 2026: 25 October.
    assert_eq!(add_hours_local(t("2025-10-24T12:00"), 72), Some(t("2025-10-27T11:00")));
    assert_eq!(add_hours_local(t("2026-10-23T12:00"), 72), Some(t("2026-10-26T11:00")));
    assert_eq!(hours_between_local(t("2025-10-24T12:00"), t("2025-10-27T12:00")), Some(73));
    assert_eq!(minutes_between_local(t("2026-10-23T12:00"), t("2026-10-26T11:00")), Some(72 * 60));
}

#[test]
fn skipped_hour() {
    assert_eq!(local_kind(t("2025-03-30T01:00")), LocalKind::Skipped);
    assert_eq!(local_kind(t("2025-03-30T01:30")), LocalKind::Skipped);
    assert_eq!(local_kind(t("2025-03-30T01:59:59")), LocalKind::Skipped);
    assert_eq!(local_kind(t("2025-03-30T00:59")), LocalKind::Normal);
    assert_eq!(local_kind(t("2025-03-30T02:00")), LocalKind::Normal);
    assert_eq!(local_kind(t("2026-03-29T01:15")), LocalKind::Skipped);
    assert_eq!(local_kind(t("2025-03-29T01:30")), LocalKind::Normal, "the day before");
    // Read with the GMT offset: 01:30 is the instant shown as 02:30 BST.
    assert_eq!(local_to_utc(t("2025-03-30T01:30")), Some(t("2025-03-30T01:30")));
    assert_eq!(add_hours_local(t("2025-03-30T01:30"), 0), Some(t("2025-03-30T02:30")));
    assert_eq!(local_to_utc(t("2025-03-30T00:30")), Some(t("2025-03-30T00:30")));
    assert_eq!(local_to_utc(t("2025-03-30T02:30")), Some(t("2025-03-30T01:30")));
    assert_eq!(add_hours_local(t("2025-03-30T00:30"), 1), Some(t("2025-03-30T02:30")));
    assert_eq!(hours_between_local(t("2025-03-30T00:00"), t("2025-03-30T03:00")), Some(2));
}

#[test]
fn ambiguous_hour() {
    assert_eq!(local_kind(t("2025-10-26T01:00")), LocalKind::Ambiguous);
    assert_eq!(local_kind(t("2025-10-26T01:59")), LocalKind::Ambiguous);
    assert_eq!(local_kind(t("2025-10-26T00:59")), LocalKind::Normal);
    assert_eq!(local_kind(t("2025-10-26T02:00")), LocalKind::Normal);
    assert_eq!(local_kind(t("2026-10-25T01:30")), LocalKind::Ambiguous);
    // The earlier (BST) instant.
    assert_eq!(local_to_utc(t("2025-10-26T01:30")), Some(t("2025-10-26T00:30")));
    assert_eq!(local_to_utc(t("2025-10-26T02:00")), Some(t("2025-10-26T02:00")));
    // Both runs of 01:30 come back from UTC as 01:30.
    assert_eq!(utc_to_local(t("2025-10-26T00:30")), Some(t("2025-10-26T01:30")));
    assert_eq!(utc_to_local(t("2025-10-26T01:30")), Some(t("2025-10-26T01:30")));
    assert_eq!(hours_between_local(t("2025-10-26T00:00"), t("2025-10-26T03:00")), Some(4));
}

#[test]
fn utc_and_local_round_trip_away_from_the_changes() {
    assert_eq!(utc_to_local(t("2025-07-01T12:00")), Some(t("2025-07-01T13:00")));
    assert_eq!(utc_to_local(t("2025-01-01T12:00")), Some(t("2025-01-01T12:00")));
    assert_eq!(utc_to_local(t("2025-03-30T00:59")), Some(t("2025-03-30T00:59")));
    assert_eq!(utc_to_local(t("2025-03-30T01:00")), Some(t("2025-03-30T02:00")));
    assert_eq!(utc_to_local(t("2025-10-26T00:59")), Some(t("2025-10-26T01:59")));
    assert_eq!(utc_to_local(t("2025-10-26T01:00")), Some(t("2025-10-26T01:00")));
    assert_eq!(local_to_utc(t("2025-07-01T13:00")), Some(t("2025-07-01T12:00")));
    assert_eq!(bst_bounds_utc(2025), Some((t("2025-03-30T01:00"), t("2025-10-26T01:00"))));
    assert_eq!(bst_bounds_utc(2200), None);
}

#[test]
fn london_date_near_midnight() {
    // 2025-07-01T23:30Z is 00:30 BST on 2 July.
    let secs = 1_751_412_600;
    assert_eq!(london_date_from_unix(secs), Some(d("2025-07-02")));
    assert_eq!(london_date_from_unix(secs - 3600), Some(d("2025-07-01")), "22:30Z is 23:30 BST");
    // In winter London is UTC: 2025-01-15T23:30Z is still 15 January.
    assert_eq!(london_date_from_unix(1_736_983_800), Some(d("2025-01-15")));
    assert_eq!(london_date_from_unix(0), Some(d("1970-01-01")));
    assert_eq!(london_date_from_unix(i64::MAX), None);
    assert_eq!(london_date_from_unix(i64::MIN), None);
    assert_eq!(london_date_from_unix(-2_208_988_801), None, "1899-12-31T23:59:59Z");
    assert_eq!(london_date_from_unix(-2_208_988_800), Some(d("1900-01-01")));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn today_london_is_plausible() {
    let today = today_london();
    assert!(today >= d("2025-01-01") && in_range(today), "{today}");
}

#[test]
fn local_datetime_parsing_and_formatting() {
    assert_eq!(format_local_datetime(t("2025-06-02T09:05")), "2025-06-02T09:05");
    assert_eq!(format_local_datetime(t("2025-06-02T09:05:59")), "2025-06-02T09:05");
    assert_eq!(
        parse_local_datetime("2025-06-02T23:59:59").map(format_local_datetime).as_deref(),
        Some("2025-06-02T23:59")
    );
    for bad in [
        "2025-06-02",
        "2025-06-02T24:00",
        "2025-06-02T12:60",
        "2025-06-02T12:00:60",
        "2025-06-02 12:00",
        "2025-06-02t12:00",
        "2025-06-02T12:00Z",
        "2025-06-02T12:00+01:00",
        "2025-06-02T12:00:00.5",
        "2025-06-02T1:00",
        "2025-06-02T12:0",
        " 2025-06-02T12:00",
        "2025-02-30T12:00",
        "2200-01-01T00:00",
        "2025-06-02T12:00:",
        "2025-06-02T１2:00",
        "",
    ] {
        assert_eq!(parse_local_datetime(bad), None, "{bad:?}");
    }
}

#[test]
fn time_functions_out_of_range() {
    let late = NaiveDate::from_ymd_opt(2200, 6, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(local_to_utc(late), None);
    assert_eq!(utc_to_local(late), None);
    assert_eq!(local_kind(late), LocalKind::Normal);
    assert_eq!(add_hours_local(t("2199-12-31T23:00"), 1), None);
    assert_eq!(add_hours_local(t("2199-12-31T22:00"), 1), Some(t("2199-12-31T23:00")));
    assert_eq!(add_hours_local(t("2025-06-02T12:00"), i64::MAX), None);
    assert_eq!(add_hours_local(t("2025-06-02T12:00"), i64::MIN), None);
    assert_eq!(hours_between_local(t("2025-06-02T12:00"), late), None);
    assert_eq!(hours_between_local(t("2025-06-02T12:00"), t("2025-06-02T11:30")), Some(-1));
    assert_eq!(hours_between_local(t("2025-06-02T12:00"), t("2025-06-02T13:30")), Some(1));
}
