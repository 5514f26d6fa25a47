//! Bank holidays in England and Wales, computed from the rules rather than read from a downloaded list, so that
//! they work offline, in the browser, and for every year the calendar knows.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{in_range, MAX_YEAR, MIN_YEAR};

/// Easter Sunday of `year` (Gregorian; the Anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher).
/// `None` outside `MIN_YEAR..=MAX_YEAR`.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    // Every intermediate value is small and non-negative for years in range; checked ops only satisfy the lints.
    let y = year;
    let a = y.checked_rem(19)?;
    let b = y.checked_div(100)?;
    let c = y.checked_rem(100)?;
    let d = b.checked_div(4)?;
    let e = b.checked_rem(4)?;
    let f = b.checked_add(8)?.checked_div(25)?;
    let g = b.checked_sub(f)?.checked_add(1)?.checked_div(3)?;
    let h = a.checked_mul(19)?.checked_add(b)?.checked_sub(d)?.checked_sub(g)?.checked_add(15)?.checked_rem(30)?;
    let i = c.checked_div(4)?;
    let k = c.checked_rem(4)?;
    let l = e
        .checked_mul(2)?
        .checked_add(i.checked_mul(2)?)?
        .checked_add(32)?
        .checked_sub(h)?
        .checked_sub(k)?
        .checked_rem(7)?;
    let m = a.checked_add(h.checked_mul(11)?)?.checked_add(l.checked_mul(22)?)?.checked_div(451)?;
    let n = h.checked_add(l)?.checked_sub(m.checked_mul(7)?)?.checked_add(114)?;
    let month = u32::try_from(n.checked_div(31)?).ok()?;
    let day = u32::try_from(n.checked_rem(31)?.checked_add(1)?).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The bank holidays of England and Wales in `year`, sorted by date, with their names. Empty outside
/// `MIN_YEAR..=MAX_YEAR`.
///
/// The current rules (in force since 1978) are applied to every year, plus the one-off changes since 1995
/// (1995 and 2020 VE Day moves, the millennium, the jubilees, the 2011 royal wedding, the 2022 state funeral,
/// the 2023 coronation). Years before 1978 therefore do not match history (no early May holiday then; Whit
/// Monday and the first Monday of August before 1971); future one-off holidays must be added here when announced.
/// Substitute days: New Year's Day at a weekend moves to the Monday; Christmas Day on a Saturday moves to
/// Monday 27 with Boxing Day on Tuesday 28; Christmas on a Sunday gives Boxing Day on Monday 26 and the Christmas
/// substitute on Tuesday 27; Boxing Day on a Saturday moves to Monday 28.
pub fn bank_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    holidays_of(year).unwrap_or_default()
}

fn holidays_of(year: i32) -> Option<Vec<(NaiveDate, &'static str)>> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let first_monday = |m: u32| NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Mon, 1);
    let last_monday = |m: u32| {
        NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Mon, 5)
            .or_else(|| NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Mon, 4))
    };
    let mut v: Vec<(NaiveDate, &'static str)> = Vec::with_capacity(11);

    let new_year = ymd(1, 1)?;
    match new_year.weekday() {
        Weekday::Sat => v.push((ymd(1, 3)?, "New Year's Day (substitute day)")),
        Weekday::Sun => v.push((ymd(1, 2)?, "New Year's Day (substitute day)")),
        _ => v.push((new_year, "New Year's Day")),
    }

    let easter = easter_sunday(year)?;
    v.push((easter.pred_opt()?.pred_opt()?, "Good Friday"));
    v.push((easter.succ_opt()?, "Easter Monday"));

    match year {
        1995 => v.push((ymd(5, 8)?, "Early May bank holiday (VE Day)")),
        2020 => v.push((ymd(5, 8)?, "Early May bank holiday (VE day)")),
        _ => v.push((first_monday(5)?, "Early May bank holiday")),
    }

    match year {
        2002 => {
            v.push((ymd(6, 3)?, "Golden Jubilee bank holiday"));
            v.push((ymd(6, 4)?, "Spring bank holiday"));
        }
        2012 => {
            v.push((ymd(6, 4)?, "Spring bank holiday"));
            v.push((ymd(6, 5)?, "Queen's Diamond Jubilee"));
        }
        2022 => {
            v.push((ymd(6, 2)?, "Spring bank holiday"));
            v.push((ymd(6, 3)?, "Platinum Jubilee bank holiday"));
        }
        _ => v.push((last_monday(5)?, "Spring bank holiday")),
    }

    v.push((last_monday(8)?, "Summer bank holiday"));

    match ymd(12, 25)?.weekday() {
        Weekday::Fri => {
            v.push((ymd(12, 25)?, "Christmas Day"));
            v.push((ymd(12, 28)?, "Boxing Day (substitute day)"));
        }
        Weekday::Sat => {
            v.push((ymd(12, 27)?, "Christmas Day (substitute day)"));
            v.push((ymd(12, 28)?, "Boxing Day (substitute day)"));
        }
        Weekday::Sun => {
            v.push((ymd(12, 26)?, "Boxing Day"));
            v.push((ymd(12, 27)?, "Christmas Day (substitute day)"));
        }
        _ => {
            v.push((ymd(12, 25)?, "Christmas Day"));
            v.push((ymd(12, 26)?, "Boxing Day"));
        }
    }

    match year {
        1999 => v.push((ymd(12, 31)?, "Millennium celebrations")),
        2011 => v.push((ymd(4, 29)?, "Wedding of Prince William and Catherine Middleton")),
        2022 => v.push((ymd(9, 19)?, "Bank holiday for the State Funeral of Queen Elizabeth II")),
        2023 => v.push((ymd(5, 8)?, "Bank holiday for the coronation of King Charles III")),
        _ => {}
    }

    crate::engine::sort::stable_by_key(&mut v, |(d, _)| *d);
    v.dedup_by_key(|(d, _)| *d);
    Some(v)
}

/// Every bank holiday from `MIN_YEAR` to `MAX_YEAR`, sorted, built once (about 2,700 dates). All are weekdays.
pub(crate) fn all_bank_holidays() -> &'static [NaiveDate] {
    static ALL: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    // A loop, not `flat_map(..).collect()`: the flattening iterator compiled to about 3 kB of WebAssembly in every
    // module for this one list.
    ALL.get_or_init(|| {
        let mut all = Vec::new();
        for y in MIN_YEAR..=MAX_YEAR {
            all.extend(bank_holidays(y).into_iter().map(|(d, _)| d));
        }
        all
    })
}

/// Whether `d` is a bank holiday in England and Wales. `false` outside the calendar's years. A binary search of
/// a table built on first use, so cheap enough to call once per day in a loop.
pub fn is_bank_holiday(d: NaiveDate) -> bool {
    if !in_range(d) || is_weekend(d) {
        return false;
    }
    all_bank_holidays().binary_search(&d).is_ok()
}

pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}
