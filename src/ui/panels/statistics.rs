//! The Statistics panel: missions per year by destination, missions flown per year by
//! outcome, each agency's missions led and
//! contributed to, and, in compare mode, how far missions slipped (counted by the session, in
//! `analysis::count`), and the selected mission's start in the outlook; drawn with egui_plot.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Plot, VLine};

use super::memo::Memo;
use crate::analysis::{MissionOutlook, PerYear, SLIP_BIN_MONTHS};
use crate::model::Outcome;
use crate::render::outcome_color;
use crate::ui::session::Session;

/// Colours of the destinations' bars, in lane order (Okabe–Ito, readable by the colour-blind).
const LANE_COLORS: [Color32; 6] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
];

/// How many runs start a mission in each quarter: `(first day of the quarter, count)`, in
/// order, empty quarters included between the first and the last. `starts` need not be sorted.
pub fn start_histogram(starts: &[NaiveDate]) -> Vec<(NaiveDate, u32)> {
    let quarter = |d: &NaiveDate| d.year() * 4 + d.month0() as i32 / 3;
    let (Some(low), Some(high)) = (
        starts.iter().map(quarter).min(),
        starts.iter().map(quarter).max(),
    ) else {
        return Vec::new();
    };
    let mut counts = vec![0u32; (high - low + 1) as usize];
    for start in starts {
        counts[(quarter(start) - low) as usize] += 1;
    }
    (low..=high)
        .zip(counts)
        .filter_map(|(q, n)| {
            let first =
                NaiveDate::from_ymd_opt(q.div_euclid(4), q.rem_euclid(4) as u32 * 3 + 1, 1)?;
            Some((first, n))
        })
        .collect()
}

/// A date as a year with a fraction, for a plot's axis: 2028-07-01 is about 2028.5.
fn fractional_year(date: NaiveDate) -> f64 {
    f64::from(date.year()) + f64::from(date.ordinal0()) / 365.25
}

/// The panel. The session counts the roadmap in the background (again only when the roadmap,
/// what is shown or the baseline changes); the panel keeps the selected mission's starts per
/// quarter between frames.
#[derive(Default)]
pub struct Statistics {
    /// The selected mission's starts per quarter, in the outlook shown.
    start_bins: Memo<Vec<(NaiveDate, u32)>>,
}

impl Statistics {
    /// Shows the charts of the session's roadmap as it is shown, compared with the baseline
    /// when there is one.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session) {
        let outlook = session.focus_starts();
        let start_bins = (outlook.as_ref())
            .map(|&(_, _, starts)| self.start_bins.get(session, || start_histogram(starts)));
        let Some(counts) = session.counts() else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Counting…");
            });
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("statistics")
            .auto_shrink(false)
            .show(ui, |ui| {
                if let (Some((mission, o, _)), Some(bins)) = (outlook, start_bins) {
                    ui.strong("Outlook of the selected mission's start (runs per quarter)");
                    start_plot(ui, &mission.name, o, bins);
                    ui.add_space(8.0);
                }
                ui.strong("Missions per year, by destination (by launch year)");
                per_year_plot(ui, "missions per year", &counts.per_year, &LANE_COLORS);
                ui.add_space(8.0);
                ui.strong("Missions flown per year, by outcome (by launch year)");
                per_year_plot(
                    ui,
                    "flown per year",
                    &counts.flown_per_year,
                    &OUTCOME_COLORS,
                );
                ui.add_space(8.0);
                ui.strong("Missions led and contributed to, by agency");
                agencies_plot(ui, &counts.agencies);
                ui.add_space(8.0);
                if outlook.is_none() {
                    ui.strong("Outlook of a mission's start");
                    ui.label(
                        "Turn the Outlook on (toolbar, or O) and select one mission to see how \
                         likely each start date is.",
                    );
                    ui.add_space(8.0);
                }
                ui.strong("Slips since the baseline (start moved, months)");
                match &counts.slips {
                    Some(slips) => slips_plot(ui, slips),
                    None => {
                        ui.label(
                            "File → Compare with… another version shows how far missions slipped.",
                        );
                    }
                }
            });
    }
}

fn plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        // Most bars are recent: the top left is usually free.
        .legend(Legend::default().position(Corner::LeftTop))
}

/// Colours of the outcomes' bars: the badges' colours, then grey for flown missions whose
/// outcome is not recorded.
const OUTCOME_COLORS: [Color32; 4] = [
    outcome_color(Outcome::Success),
    outcome_color(Outcome::Partial),
    outcome_color(Outcome::Failed),
    Color32::from_rgb(150, 150, 150),
];

/// Bars per year stacked by group, each group in its colour of `colors`.
fn per_year_plot(ui: &mut Ui, id: &str, counts: &PerYear, colors: &[Color32]) {
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, (name, years)) in counts.lanes.iter().enumerate() {
        let color = colors[k % colors.len()];
        let bars = years
            .iter()
            .enumerate()
            .map(|(y, &n)| {
                Bar::new(f64::from(counts.first_year) + y as f64, f64::from(n))
                    .name(format!("{name}, {}", counts.first_year + y as i32))
                    .fill(color)
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name.clone(), bars)
            .color(color)
            .width(0.8)
            .element_formatter(Box::new(|bar, _| format!("{}: {}", bar.name, bar.value)))
            .stack_on(&below);
        charts.push(chart);
    }
    plot(id, 200.0).show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
}

/// Agencies top to bottom, each with a bar of missions led and one of missions contributed to.
fn agencies_plot(ui: &mut Ui, counts: &[(String, u32, u32)]) {
    let active: Vec<&(String, u32, u32)> =
        counts.iter().filter(|(_, led, c)| led + c > 0).collect();
    let names: Vec<String> = active.iter().map(|(id, ..)| id.clone()).collect();
    // Agency k sits at y = -k, so the first is on top.
    let series = |pick: fn(&(String, u32, u32)) -> u32, offset: f64, color: Color32| {
        active
            .iter()
            .enumerate()
            .map(|(k, entry)| {
                Bar::new(offset - k as f64, f64::from(pick(entry)))
                    .name(entry.0.clone())
                    .fill(color)
            })
            .collect::<Vec<Bar>>()
    };
    let led = BarChart::new("led", series(|e| e.1, 0.2, LANE_COLORS[0]))
        .horizontal()
        .width(0.4)
        .color(LANE_COLORS[0])
        .element_formatter(Box::new(|bar, _| {
            format!("{} leads {}", bar.name, bar.value)
        }));
    let contributed = BarChart::new("contributed to", series(|e| e.2, -0.2, LANE_COLORS[1]))
        .horizontal()
        .width(0.4)
        .color(LANE_COLORS[1])
        .element_formatter(Box::new(|bar, _| {
            format!("{} contributes to {}", bar.name, bar.value)
        }));
    let rows = names.len();
    // Rows far enough apart for egui_plot to label each one.
    plot("agencies", 30.0 + 26.0 * rows as f32)
        .show_grid([true, false])
        .legend(Legend::default().position(Corner::RightBottom))
        .y_grid_spacer(move |_| {
            (0..rows)
                .map(|k| GridMark {
                    value: -(k as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let k = -mark.value.round();
            if k >= 0.0 {
                names.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_min_width(70.0)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(led);
            plot_ui.bar_chart(contributed);
        });
}

fn slips_plot(ui: &mut Ui, bins: &[(i64, u32)]) {
    if bins.is_empty() {
        ui.label("No mission's start moved.");
        return;
    }
    let bars = bins
        .iter()
        .map(|&(month, n)| {
            let centre = month as f64 + SLIP_BIN_MONTHS as f64 / 2.0;
            Bar::new(centre, f64::from(n))
                .name(format!("{month} to {} months", month + SLIP_BIN_MONTHS))
        })
        .collect();
    let chart = BarChart::new("missions", bars)
        .width(SLIP_BIN_MONTHS as f64 * 0.9)
        .color(LANE_COLORS[3])
        .element_formatter(Box::new(|bar, _| {
            format!("{}: {} missions", bar.name, bar.value)
        }));
    plot("slips", 180.0)
        .x_axis_label("months the start moved (later →)")
        // A mark every two years, far enough apart to be labelled.
        .x_grid_spacer(|input| {
            let (low, high) = input.bounds;
            let first = (low / 24.0).ceil() as i64;
            let last = (high / 24.0).floor() as i64;
            (first..=last)
                .map(|k| GridMark {
                    value: (k * 24) as f64,
                    step_size: 24.0,
                })
                .collect()
        })
        .show(ui, |plot_ui| plot_ui.bar_chart(chart));
}

/// The runs' starts of one mission per quarter, with its planned start, P50 and P80 marked.
fn start_plot(ui: &mut Ui, name: &str, mission: &MissionOutlook, bins: &[(NaiveDate, u32)]) {
    let bars = bins
        .iter()
        .map(|&(first, n)| {
            Bar::new(fractional_year(first) + 0.125, f64::from(n)).name(format!(
                "{} Q{}",
                first.year(),
                first.month0() / 3 + 1
            ))
        })
        .collect();
    let chart = BarChart::new("runs", bars)
        .width(0.25 * 0.9)
        .color(LANE_COLORS[0])
        .element_formatter(Box::new(|bar, _| {
            format!("{}: {} runs", bar.name, bar.value)
        }));
    let marks = [
        ("planned", mission.planned_start, LANE_COLORS[2]),
        ("P50", mission.p50_start, LANE_COLORS[1]),
        ("P80", mission.p80_start, LANE_COLORS[3]),
    ];
    ui.label(name);
    plot("start outlook", 180.0)
        .legend(Legend::default().position(Corner::RightTop))
        .x_axis_label("start (year)")
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(chart);
            for (name, date, color) in marks {
                plot_ui.vline(
                    VLine::new(format!("{name} {date}"), fractional_year(date))
                        .color(color)
                        .width(2.0),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date;

    #[test]
    fn starts_fall_into_quarters_with_empty_quarters_between() {
        let day = |text: &str| date::parse(text).unwrap_or_default();
        let starts = [day("2029-03-31"), day("2028-11-02"), day("2029-01-01")];
        assert_eq!(
            start_histogram(&starts),
            [(day("2028-10-01"), 1), (day("2029-01-01"), 2)]
        );
        let apart = [day("2028-01-15"), day("2028-10-01")];
        assert_eq!(
            start_histogram(&apart),
            [
                (day("2028-01-01"), 1),
                (day("2028-04-01"), 0),
                (day("2028-07-01"), 0),
                (day("2028-10-01"), 1)
            ]
        );
        assert!(start_histogram(&[]).is_empty());
    }
}
