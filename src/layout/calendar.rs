//! Calendar steps for the time axis and for snapping: ticks that adapt to the zoom, and the
//! day, month or year a drag snaps to.

use chrono::{Datelike, Months, NaiveDate};

use super::metrics::HEADER_HEIGHT;
use super::scene::{Label, Tick};
use super::text::TEXT_SIZE;
use super::time_view::{TimeView, date_from_day, day_number, ymd};

/// Fewest pixels between two labelled ticks.
const LABEL_SPACING: f64 = 70.0;
/// Fewest pixels between two unlabelled grid lines.
const GRID_SPACING: f64 = 12.0;
/// Most ticks laid out, whatever the zoom.
const MAX_TICKS: usize = 600;

/// A step of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarUnit {
    /// One day.
    Day,
    /// A week, starting on Monday.
    Week,
    /// A calendar month.
    Month,
    /// A quarter: January, April, July, October.
    Quarter,
    /// A calendar year.
    Year,
    /// Five years, starting on years divisible by five.
    FiveYears,
    /// Ten years, starting on years divisible by ten.
    Decade,
}

const UNITS: [CalendarUnit; 7] = [
    CalendarUnit::Day,
    CalendarUnit::Week,
    CalendarUnit::Month,
    CalendarUnit::Quarter,
    CalendarUnit::Year,
    CalendarUnit::FiveYears,
    CalendarUnit::Decade,
];

impl CalendarUnit {
    /// About how many days the unit lasts.
    pub fn days(self) -> f64 {
        match self {
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 30.44,
            Self::Quarter => 91.3,
            Self::Year => 365.25,
            Self::FiveYears => 5.0 * 365.25,
            Self::Decade => 10.0 * 365.25,
        }
    }

    /// The first day of the unit that holds `date`.
    pub fn floor(self, date: NaiveDate) -> NaiveDate {
        let years_of = |n: i32| ymd(date.year().div_euclid(n) * n, 1, 1);
        match self {
            Self::Day => date,
            Self::Week => {
                date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
            }
            Self::Month => ymd(date.year(), date.month(), 1),
            Self::Quarter => ymd(date.year(), (date.month0() / 3) * 3 + 1, 1),
            Self::Year => years_of(1),
            Self::FiveYears => years_of(5),
            Self::Decade => years_of(10),
        }
    }

    /// The first day of the next unit after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let months = |n: u32| {
            start
                .checked_add_months(Months::new(n))
                .unwrap_or(NaiveDate::MAX)
        };
        match self {
            Self::Day => start.succ_opt().unwrap_or(NaiveDate::MAX),
            Self::Week => start
                .checked_add_days(chrono::Days::new(7))
                .unwrap_or(NaiveDate::MAX),
            Self::Month => months(1),
            Self::Quarter => months(3),
            Self::Year => months(12),
            Self::FiveYears => months(60),
            Self::Decade => months(120),
        }
    }

    /// The label of the unit starting on `start`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Self::Day | Self::Week => start.format("%-d %b %Y").to_string(),
            Self::Month => start.format("%b %Y").to_string(),
            Self::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
            Self::Year | Self::FiveYears | Self::Decade => start.year().to_string(),
        }
    }

    /// The start of the unit nearest to `day` (a day number).
    pub fn round(self, day: f64) -> NaiveDate {
        let floor = self.floor(date_from_day(day));
        let next = self.next(floor);
        if day - day_number(floor) <= day_number(next) - day {
            floor
        } else {
            next
        }
    }
}

/// Ticks for the view: labelled ones at the finest unit whose labels do not crowd, and grid
/// lines at the finest unit that still leaves room between lines. The two units need not nest
/// (weeks and months), so each is stepped through on its own.
pub fn ticks(view: &TimeView, width: f32) -> Vec<Tick> {
    let pixels_per_day = 1.0 / view.days_per_pixel(width);
    let finest = |spacing: f64| {
        UNITS
            .into_iter()
            .find(|u| u.days() * pixels_per_day >= spacing)
            .unwrap_or(CalendarUnit::Decade)
    };
    let (label_unit, grid_unit) = (finest(LABEL_SPACING), finest(GRID_SPACING));
    let mut ticks: Vec<Tick> = unit_starts(label_unit, view)
        .map(|day| {
            let x = view.x_from_time(day_number(day), width);
            let centre_y = HEADER_HEIGHT / 4.0;
            let label = Label::at(label_unit.label(day), TEXT_SIZE, x + 4.0, centre_y, false);
            Tick {
                x,
                label: Some(label),
            }
        })
        .collect();
    let labelled: Vec<NaiveDate> = unit_starts(label_unit, view).collect();
    ticks.extend(
        unit_starts(grid_unit, view)
            .filter(|day| !labelled.contains(day))
            .map(|day| Tick {
                x: view.x_from_time(day_number(day), width),
                label: None,
            }),
    );
    ticks
}

/// The first days of the units that start within the view (at most `MAX_TICKS`).
fn unit_starts(unit: CalendarUnit, view: &TimeView) -> impl Iterator<Item = NaiveDate> {
    let last = view.min + view.span;
    let first = unit.floor(date_from_day(view.min));
    std::iter::successors(Some(first), move |&day| {
        Some(unit.next(day)).filter(|&next| next > day)
    })
    .take_while(move |&day| day_number(day) <= last)
    .take(MAX_TICKS)
}

/// The unit a drag snaps to at this zoom: days when a few months are in view, months up to about
/// fifteen years, years beyond.
pub fn snap_unit(view: &TimeView) -> CalendarUnit {
    if view.span <= 2.0 * 365.25 {
        CalendarUnit::Day
    } else if view.span <= 15.0 * 365.25 {
        CalendarUnit::Month
    } else {
        CalendarUnit::Year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_floor_and_step_through_the_calendar() {
        let d = ymd(2027, 8, 19); // a Thursday
        assert_eq!(CalendarUnit::Week.floor(d), ymd(2027, 8, 16));
        assert_eq!(CalendarUnit::Quarter.floor(d), ymd(2027, 7, 1));
        assert_eq!(CalendarUnit::Decade.floor(d), ymd(2020, 1, 1));
        assert_eq!(CalendarUnit::Month.next(ymd(2027, 1, 1)), ymd(2027, 2, 1));
        assert_eq!(CalendarUnit::Quarter.label(ymd(2027, 7, 1)), "Q3 2027");
    }

    #[test]
    fn rounding_goes_to_the_nearest_start() {
        assert_eq!(
            CalendarUnit::Month.round(day_number(ymd(2027, 6, 14))),
            ymd(2027, 6, 1)
        );
        assert_eq!(
            CalendarUnit::Month.round(day_number(ymd(2027, 6, 17))),
            ymd(2027, 7, 1)
        );
        assert_eq!(
            CalendarUnit::Year.round(day_number(ymd(2027, 8, 1))),
            ymd(2028, 1, 1)
        );
    }

    #[test]
    fn labels_never_crowd_and_adapt_to_the_zoom() {
        for (span_days, expected) in [
            (60.0 * 365.25, "2010"),
            (8.0 * 365.25, "2027"),
            (300.0, "Jun 2027"),
            (20.0, "14 Jun 2027"),
        ] {
            let view = TimeView {
                min: day_number(ymd(2027, 6, 10)) - span_days / 2.0,
                span: span_days,
            };
            let ticks = ticks(&view, 1400.0);
            let labelled: Vec<&Tick> = ticks.iter().filter(|t| t.label.is_some()).collect();
            assert!(
                labelled
                    .windows(2)
                    .all(|w| w[1].x - w[0].x >= LABEL_SPACING as f32 - 4.0),
                "{span_days}: crowded"
            );
            assert!(
                labelled
                    .iter()
                    .any(|t| t.label.as_ref().is_some_and(|l| *l.text == *expected)),
                "{span_days}: {labelled:?}"
            );
        }
    }
}
