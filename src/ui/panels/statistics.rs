//! The Statistics panel: missions per year by destination, each agency's missions led and
//! contributed to, and, in compare mode, how far missions slipped. Counting is pure and tested
//! on its own; the panel draws the counts with egui_plot.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Plot, VLine};

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::memo::Memo;
use crate::analysis::{Difference, MissionOutlook, RoadmapDiff, months};
use crate::layout::Showing;
use crate::model::{AgencyId, Roadmap};
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

/// Width of a bin of the slip histogram, in months.
pub const SLIP_BIN_MONTHS: i64 = 6;

/// Missions starting in each year, by destination.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerYear {
    /// The first year counted.
    pub first_year: i32,
    /// Per destination (in lane order): its name and its count for each year from `first_year`.
    pub lanes: Vec<(String, Vec<u32>)>,
}

/// Counts the missions `showing` shows by start year and destination; missions to an unknown
/// destination are left out. One pass over the missions, lanes found by id through an index.
pub fn missions_per_year(roadmap: &Roadmap, showing: &Showing) -> PerYear {
    let lane_of = first_positions(roadmap.destinations.iter().map(|d| d.id.as_str()));
    let shown: Vec<(usize, i32)> = (roadmap.missions.iter())
        .filter(|m| showing.shows(m))
        .filter_map(|m| Some((*lane_of.get(m.destination.as_str())?, m.start.year())))
        .collect();
    let first_year = shown.iter().map(|&(_, year)| year).min().unwrap_or(0);
    let last_year = shown.iter().map(|&(_, year)| year).max().unwrap_or(-1);
    let years = usize::try_from(last_year - first_year + 1).unwrap_or(0);
    let mut counts = vec![vec![0; years]; roadmap.destinations.len()];
    for (lane, year) in shown {
        if let Ok(k) = usize::try_from(year - first_year) {
            counts[lane][k] += 1;
        }
    }
    let lanes = (roadmap.destinations.iter())
        .zip(counts)
        .map(|(destination, counts)| (destination.name.clone(), counts))
        .collect();
    PerYear { first_year, lanes }
}

/// The position of the first entry of each id.
fn first_positions<'r>(ids: impl Iterator<Item = &'r str>) -> FxHashMap<&'r str, usize> {
    let mut positions = FxHashMap::default();
    for (k, id) in ids.enumerate() {
        positions.entry(id).or_insert(k);
    }
    positions
}

/// How many missions each agency of the roadmap (by id) leads and contributes to, in one pass
/// over them.
pub fn missions_by_agency(roadmap: &Roadmap) -> HashMap<AgencyId, (u32, u32)> {
    let agency_of = first_positions(roadmap.agencies.iter().map(|a| a.id.as_str()));
    let mut counts = vec![(0, 0); roadmap.agencies.len()];
    let mut helped: Vec<usize> = Vec::new();
    for mission in &roadmap.missions {
        if let Some(&k) = agency_of.get(mission.lead.as_str()) {
            counts[k].0 += 1;
        }
        helped.clear();
        helped.extend(
            (mission.contributors.iter()).filter_map(|c| agency_of.get(c.agency.as_str()).copied()),
        );
        // An agency with two roles on one mission contributes to one mission.
        helped.sort_unstable();
        helped.dedup();
        for &k in &helped {
            counts[k].1 += 1;
        }
    }
    let mut by_id = HashMap::new();
    for (agency, count) in roadmap.agencies.iter().zip(counts) {
        by_id.entry(agency.id.clone()).or_insert(count);
    }
    by_id
}

/// For each agency of the roadmap (in its order): id, missions led, missions contributed to.
pub fn agency_counts(roadmap: &Roadmap) -> Vec<(String, u32, u32)> {
    let counts = missions_by_agency(roadmap);
    roadmap
        .agencies
        .iter()
        .map(|agency| {
            let (led, helped) = counts.get(&agency.id).copied().unwrap_or_default();
            (agency.id.to_string(), led, helped)
        })
        .collect()
}

/// How many missions' starts moved by how much: `(first month of the bin, count)`, bins of
/// [`SLIP_BIN_MONTHS`], in order, empty bins included between the first and the last.
pub fn slip_histogram(diff: &RoadmapDiff) -> Vec<(i64, u32)> {
    let bins: Vec<i64> = diff
        .differences
        .iter()
        .filter_map(|d| match d {
            Difference::Moved { start_days, .. } if *start_days != 0 => {
                Some(months(*start_days).div_euclid(SLIP_BIN_MONTHS))
            }
            _ => None,
        })
        .collect();
    let (Some(&low), Some(&high)) = (bins.iter().min(), bins.iter().max()) else {
        return Vec::new();
    };
    (low..=high)
        .map(|bin| {
            let count = bins.iter().filter(|&&b| b == bin).count() as u32;
            (bin * SLIP_BIN_MONTHS, count)
        })
        .collect()
}

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

/// What the charts show.
#[derive(Default)]
struct Counts {
    per_year: PerYear,
    agencies: Vec<(String, u32, u32)>,
    slips: Option<Vec<(i64, u32)>>,
}

/// The panel, with its counts kept between frames: they are counted again only when the
/// roadmap, what is shown or the baseline changes, not on every frame the tab is open.
#[derive(Default)]
pub struct Statistics {
    counts: Memo<Counts>,
    /// The selected mission's starts per quarter, in the outlook shown.
    start_bins: Memo<Vec<(NaiveDate, u32)>>,
}

impl Statistics {
    /// Shows the charts of the session's roadmap as `showing` shows it, compared with the
    /// baseline when there is one.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session, showing: &Showing) {
        let roadmap = session.roadmap();
        let outlook = session.focus_starts();
        let start_bins = (outlook.as_ref())
            .map(|&(_, _, starts)| self.start_bins.get(session, || start_histogram(starts)));
        let counts = self.counts.get(session, || Counts {
            per_year: missions_per_year(roadmap, showing),
            agencies: agency_counts(roadmap),
            slips: session.baseline().map(|b| slip_histogram(b.diff())),
        });
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
                per_year_plot(ui, &counts.per_year);
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

fn per_year_plot(ui: &mut Ui, counts: &PerYear) {
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, (name, years)) in counts.lanes.iter().enumerate() {
        let bars = years
            .iter()
            .enumerate()
            .map(|(y, &n)| {
                Bar::new(f64::from(counts.first_year) + y as f64, f64::from(n))
                    .name(format!("{name}, {}", counts.first_year + y as i32))
                    .fill(LANE_COLORS[k % LANE_COLORS.len()])
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name.clone(), bars)
            .color(LANE_COLORS[k % LANE_COLORS.len()])
            .width(0.8)
            .element_formatter(Box::new(|bar, _| format!("{}: {}", bar.name, bar.value)))
            .stack_on(&below);
        charts.push(chart);
    }
    plot("missions per year", 200.0).show(ui, |plot_ui| {
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
    use crate::analysis::diff;
    use crate::bundled::bundled_roadmap;
    use crate::model::{MissionStatus, date};

    #[test]
    fn every_shown_mission_is_counted_once_in_its_launch_year() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let counts = missions_per_year(&roadmap, &Showing::default());
        let total: u32 = counts.lanes.iter().flat_map(|(_, c)| c).sum();
        let shown = roadmap
            .missions
            .iter()
            .filter(|m| m.status != MissionStatus::Cancelled)
            .count();
        assert_eq!(total as usize, shown);
        let everything = Showing {
            show_cancelled: true,
            ..Showing::default()
        };
        let with_cancelled: u32 = missions_per_year(&roadmap, &everything)
            .lanes
            .iter()
            .flat_map(|(_, c)| c)
            .sum();
        assert_eq!(with_cancelled as usize, roadmap.missions.len());
    }

    #[test]
    fn agencies_count_missions_led_and_contributed_to() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let counts = agency_counts(&roadmap);
        let led: u32 = counts.iter().map(|c| c.1).sum();
        assert_eq!(
            led as usize,
            roadmap.missions.len(),
            "each mission has one lead"
        );
        let esa = counts.iter().find(|c| c.0 == "ESA");
        assert!(
            esa.is_some_and(|c| c.2 > c.1),
            "ESA contributes more than it leads: {esa:?}"
        );
    }

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

    #[test]
    fn slips_fall_into_six_month_bins_with_empty_bins_between() {
        let Ok(old) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let mut new = old.clone();
        new.missions[0].start -= chrono::TimeDelta::days(40); // about -1 month: bin -6..0
        new.missions[1].start += chrono::TimeDelta::days(400); // about 13 months: bin 12..18
        assert_eq!(
            slip_histogram(&diff(&old, &new)),
            [(-6, 1), (0, 0), (6, 0), (12, 1)]
        );
    }
}
