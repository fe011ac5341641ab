//! The visible stretch of time as a value: which day is at the left edge and how many days the
//! chart spans. Kept in days (f64) so a resize keeps the view; converted to pixels only to draw.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Narrowest view: two weeks across the chart.
pub const MIN_SPAN_DAYS: f64 = 14.0;
/// Widest view: sixty years across the chart.
pub const MAX_SPAN_DAYS: f64 = 60.0 * 365.25;

/// The visible time range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// Day number (days from 0001-01-01 counted as day 1) at the left edge.
    pub min: f64,
    /// Days from the left edge to the right edge.
    pub span: f64,
}

impl Default for TimeView {
    /// 2015 to 2045: the GER's horizon.
    fn default() -> Self {
        Self::between(day_number(ymd(2015, 1, 1)), day_number(ymd(2045, 1, 1)))
    }
}

impl TimeView {
    /// A view from `first` to `last` (day numbers), widened or narrowed to the allowed spans.
    pub fn between(first: f64, last: f64) -> Self {
        let span = (last - first).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let centre = (first + last) / 2.0;
        Self {
            min: centre - span / 2.0,
            span,
        }
    }

    /// A view of the days from `first` to `last`, both whole.
    pub fn of_days(first: NaiveDate, last: NaiveDate) -> Self {
        Self::between(day_number(first), day_number(last) + 1.0)
    }

    /// The first and the last day in view (the last one that starts in it).
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        let first = date_from_day(self.min);
        let last = date_from_day((self.min + self.span).ceil() - 1.0);
        (first, last.max(first))
    }

    /// Horizontal position (pixels from the chart's left edge) of a day number.
    pub fn x_from_time(&self, day: f64, width: f32) -> f32 {
        ((day - self.min) / self.span * f64::from(width)) as f32
    }

    /// Day number at a horizontal position (pixels from the chart's left edge).
    pub fn time_from_x(&self, x: f32, width: f32) -> f64 {
        self.min + f64::from(x) / f64::from(width.max(1.0)) * self.span
    }

    /// Days per pixel at this width.
    pub fn days_per_pixel(&self, width: f32) -> f64 {
        self.span / f64::from(width.max(1.0))
    }

    /// Zooms by `factor` (> 1 zooms in) keeping `anchor` (a day number) where it is on screen.
    pub fn zoom_at(&mut self, anchor: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let span = (self.span / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let anchor_fraction = (anchor - self.min) / self.span;
        self.min = anchor - anchor_fraction * span;
        self.span = span;
    }

    /// Moves the view by `dx` pixels (positive: content moves right, so earlier days come in).
    pub fn pan(&mut self, dx: f32, width: f32) {
        self.min -= f64::from(dx) * self.days_per_pixel(width);
    }
}

/// Day number of a date, as used by [`TimeView`]: 0001-01-01 is day 1.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a (possibly fractional) day number, rounded down; clamped to chrono's range.
pub fn date_from_day(day: f64) -> NaiveDate {
    let whole = day.floor().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
    NaiveDate::from_num_days_from_ce_opt(whole).unwrap_or(if whole > 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// The last date a roadmap file can hold (years have four digits).
pub fn last_writable_date() -> NaiveDate {
    ymd(9999, 12, 31)
}

/// A date that exists (the callers pass real calendar dates).
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_of_whole_days_gives_those_days_back() {
        let (first, last) = (ymd(2024, 1, 1), ymd(2032, 12, 31));
        assert_eq!(TimeView::of_days(first, last).days(), (first, last));
        let mut panned = TimeView::of_days(first, last);
        panned.min += 0.4;
        assert_eq!(
            panned.days(),
            (first, ymd(2033, 1, 1)),
            "a day partly in view counts"
        );
    }

    #[test]
    fn x_and_time_convert_both_ways() {
        let view = TimeView {
            min: 1000.0,
            span: 100.0,
        };
        assert_eq!(view.x_from_time(1050.0, 800.0), 400.0);
        assert_eq!(view.time_from_x(400.0, 800.0), 1050.0);
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place_and_stays_within_limits() {
        let mut view = TimeView {
            min: 0.0,
            span: 1000.0,
        };
        let anchor_x = view.x_from_time(250.0, 1000.0);
        view.zoom_at(250.0, 2.0);
        assert_eq!(view.span, 500.0);
        assert!((view.x_from_time(250.0, 1000.0) - anchor_x).abs() < 1e-3);
        view.zoom_at(250.0, 1e9);
        assert_eq!(view.span, MIN_SPAN_DAYS, "no narrower than two weeks");
        view.zoom_at(250.0, 1e-9);
        assert_eq!(view.span, MAX_SPAN_DAYS, "no wider than sixty years");
    }

    #[test]
    fn panning_right_brings_earlier_days_in() {
        let mut view = TimeView {
            min: 100.0,
            span: 100.0,
        };
        view.pan(50.0, 100.0);
        assert_eq!(view.min, 50.0);
    }

    #[test]
    fn dates_and_day_numbers_convert_both_ways() {
        let date = ymd(2027, 6, 1);
        assert_eq!(date_from_day(day_number(date) + 0.9), date);
    }
}
