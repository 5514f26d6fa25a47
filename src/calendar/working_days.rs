//! Working days: Monday to Friday, less bank holidays in England and Wales and a local authority's own closures.

use chrono::{Datelike, NaiveDate, Weekday};

use super::bank_holidays::{all_bank_holidays, is_bank_holiday, is_weekend};
use super::dates::{add_days, days_between};
use super::in_range;

/// The largest `|n|` that [`Calendar::add_working_days`] accepts (about 385 years of working days, more than the
/// calendar spans), so no caller can make it loop for long.
pub const MAX_WORKING_DAYS_STEP: i64 = 100_000;

/// A working-day calendar: England and Wales bank holidays plus extra closure days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Closures that remove a working day: in range, Monday to Friday, not a bank holiday; sorted, no repeats.
    closures: Vec<NaiveDate>,
    /// Bank holidays that were moved away (a council's profile says so): working days after all; sorted.
    restored: Vec<NaiveDate>,
}

impl Calendar {
    /// A calendar with extra non-working days (e.g. a local authority's closure days between Christmas and New
    /// Year). Closures at weekends, on bank holidays or outside the calendar's years change nothing and are dropped.
    pub fn new(closures: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut v: Vec<NaiveDate> =
            closures.into_iter().filter(|d| in_range(*d) && !is_weekend(*d) && !is_bank_holiday(*d)).collect();
        crate::engine::sort::distinct(&mut v);
        Calendar { closures: v, restored: Vec::new() }
    }

    /// The same calendar with bank holidays moved away from these dates: each is a working day again (unless it is
    /// a weekend or a closure). Dates that are not bank holidays change nothing and are dropped.
    pub fn restoring(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut v: Vec<NaiveDate> = days.into_iter().filter(|d| in_range(*d) && is_bank_holiday(*d)).collect();
        crate::engine::sort::distinct(&mut v);
        self.restored = v;
        self
    }

    fn is_holiday(&self, d: NaiveDate) -> bool {
        is_bank_holiday(d) && (self.restored.is_empty() || self.restored.binary_search(&d).is_err())
    }

    /// England and Wales bank holidays only.
    pub fn england_and_wales() -> Self {
        Calendar::default()
    }

    /// The closures that take away a working day (weekend, bank-holiday and out-of-range ones are dropped), sorted.
    pub fn closures(&self) -> &[NaiveDate] {
        &self.closures
    }

    /// Monday to Friday, not a bank holiday, not a closure. `false` outside the calendar's years, whose bank
    /// holidays are unknown.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        in_range(d) && !is_weekend(d) && !self.is_holiday(d) && self.closures.binary_search(&d).is_err()
    }

    /// The `n`-th working day after `from` (`n > 0`), before it (`n < 0`), or `from` itself (`n == 0`, even if
    /// `from` is not a working day). `from` itself is never counted: the first working day after Christmas Eve
    /// 2025 is 29 December. `None` when `from` or the answer is outside the calendar's years, or
    /// `|n| > MAX_WORKING_DAYS_STEP`.
    pub fn add_working_days(&self, from: NaiveDate, n: i64) -> Option<NaiveDate> {
        if !in_range(from) || n.unsigned_abs() > MAX_WORKING_DAYS_STEP.unsigned_abs() {
            return None;
        }
        let forward = n > 0;
        let step: i64 = if forward { 1 } else { -1 };
        let mut remaining = n.checked_abs()?;
        let mut d = from;
        // Jump whole weeks while more than a week's worth remains: k weeks hold at most 5k working days, so a jump
        // of `(remaining - 1) / 5` weeks leaves at least one to find day by day (a jump may land on a weekend).
        while remaining > 5 {
            let weeks = remaining.checked_sub(1)?.checked_div(5)?;
            let next = add_days(d, weeks.checked_mul(7)?.checked_mul(step)?)?;
            let passed = if forward {
                self.count_after_upto(d, next)?
            } else {
                // Going back, the days passed are next..d with `next` counted and `d` not.
                self.count_after_upto(next.pred_opt()?, d.pred_opt()?)?
            };
            remaining = remaining.checked_sub(passed)?;
            d = next;
        }
        while remaining > 0 {
            d = add_days(d, step)?;
            if self.is_working_day(d) {
                remaining = remaining.checked_sub(1)?;
            }
        }
        Some(d)
    }

    /// Working days after `from` up to and including `to`. When `to < from` the mirror: minus the working days
    /// before `from` down to and including `to`. So `working_days(d, add_working_days(d, n)?) == Some(n)`.
    /// `None` when either date is outside the calendar's years.
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> Option<i64> {
        if !in_range(from) || !in_range(to) {
            return None;
        }
        if to >= from {
            self.count_after_upto(from, to)
        } else {
            self.count_after_upto(to.pred_opt()?, from.pred_opt()?)?.checked_neg()
        }
    }

    /// Working days in `(a, b]`, for `a <= b`, without walking the days: weekdays by arithmetic, less bank
    /// holidays and closures found by binary search (both lists hold weekdays only).
    fn count_after_upto(&self, a: NaiveDate, b: NaiveDate) -> Option<i64> {
        let span = days_between(a, b);
        if span < 0 {
            return None;
        }
        let mut weekdays = span.checked_div(7)?.checked_mul(5)?;
        let mut wd = a.weekday();
        for _ in 0..span.checked_rem(7)? {
            wd = wd.succ();
            if !matches!(wd, Weekday::Sat | Weekday::Sun) {
                weekdays = weekdays.checked_add(1)?;
            }
        }
        weekdays
            .checked_sub(count_in(all_bank_holidays(), a, b)?)?
            .checked_add(count_in(&self.restored, a, b)?)?
            .checked_sub(count_in(&self.closures, a, b)?)
    }
}

/// How many of the sorted `dates` lie in `(a, b]`.
fn count_in(dates: &[NaiveDate], a: NaiveDate, b: NaiveDate) -> Option<i64> {
    let upto_b = dates.partition_point(|d| *d <= b);
    let upto_a = dates.partition_point(|d| *d <= a);
    i64::try_from(upto_b.checked_sub(upto_a)?).ok()
}
