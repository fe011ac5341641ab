//! Generated GER-like roadmaps of any size for the benchmarks: five destinations with Mars launch
//! windows, 27 agencies (some with a limit), shared resources, and dependencies on earlier
//! missions, spread over fifty years. Deterministic, so runs compare.
#![allow(dead_code, reason = "each benchmark uses only some helpers")]

use chrono::{Days, NaiveDate};
use ger_planner::model::{
    Agency, Contribution, Dependency, Destination, LaunchWindow, Mission, MissionKind,
    MissionStatus, Resource, Roadmap,
};

/// How a generated roadmap is made.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Like a real roadmap: missions in date order, dependencies on earlier missions, Mars
    /// launches mostly inside windows; a few per cent of missions in conflict.
    Typical,
    /// Dates at random: about half the dependencies violated and most Mars launches outside a
    /// window, so that thousands of conflicts are reported.
    ConflictHeavy,
}

/// A small linear congruential generator: enough spread for a benchmark, no dependency.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

const YEARS: u64 = 50;

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn mars_windows() -> Vec<LaunchWindow> {
    (0..YEARS * 365 / 780)
        .map(|k| {
            let start = first_day() + Days::new(k * 780 + 200);
            LaunchWindow {
                start,
                end: start + Days::new(90),
            }
        })
        .collect()
}

/// A roadmap of `missions` missions.
pub fn generated_roadmap(missions: usize, shape: Shape) -> Roadmap {
    let mut rng = Lcg(missions as u64);
    let agencies: Vec<Agency> = (0..27)
        .map(|i| Agency {
            id: format!("AG{i}").as_str().into(),
            name: format!("Agency {i}"),
            country: String::new(),
            color: None,
            max_concurrent: (i % 3 == 0).then_some(4 + missions as u32 / 200),
        })
        .collect();
    let windows = mars_windows();
    let destinations: Vec<Destination> =
        ["leo", "cislunar", "lunar-surface", "mars", "small-bodies"]
            .iter()
            .map(|&id| Destination {
                id: id.into(),
                name: id.to_owned(),
                launch_windows: if id == "mars" {
                    windows.clone()
                } else {
                    Vec::new()
                },
            })
            .collect();
    let resource_count = 10 + missions / 100;
    let resources: Vec<Resource> = (0..resource_count)
        .map(|i| Resource {
            id: format!("res{i}").as_str().into(),
            name: format!("Resource {i}"),
            capacity: 1 + (i % 3) as u32,
            min_gap_days: if i % 4 == 0 { 60 } else { 0 },
        })
        .collect();
    let days = YEARS * 365;
    let missions = (0..missions)
        .map(|i| {
            let destination = rng.below(5) as usize;
            let mut start = match shape {
                Shape::Typical => {
                    first_day() + Days::new(i as u64 * days / missions as u64 + rng.below(60))
                }
                Shape::ConflictHeavy => first_day() + Days::new(rng.below(days)),
            };
            if destination == 3 && shape == Shape::Typical && rng.below(10) > 0 {
                let window = &windows[rng.below(windows.len() as u64) as usize];
                start = window.start + Days::new(rng.below(90));
            }
            let length = if rng.below(10) == 0 {
                0
            } else {
                rng.below(700)
            };
            let mut depends_on = Vec::new();
            if i > 0 && rng.below(3) == 0 {
                let on = rng.below(i as u64);
                depends_on.push(Dependency {
                    mission: format!("m{on}").as_str().into(),
                    lag_days: rng.below(60) as i32,
                });
            }
            let resources = if rng.below(4) == 0 {
                vec![
                    format!("res{}", rng.below(resource_count as u64))
                        .as_str()
                        .into(),
                ]
            } else {
                Vec::new()
            };
            Mission {
                id: format!("m{i}").as_str().into(),
                name: format!("Mission {i}"),
                destination: destinations[destination].id.clone(),
                kind: if rng.below(5) == 0 {
                    MissionKind::Human
                } else {
                    MissionKind::Robotic
                },
                status: if rng.below(20) == 0 {
                    MissionStatus::Cancelled
                } else {
                    MissionStatus::Planned
                },
                outcome: None,
                start,
                end: start + Days::new(length),
                fixed: false,
                start_estimate: None,
                lead: agencies[rng.below(27) as usize].id.clone(),
                contributors: vec![Contribution {
                    agency: agencies[rng.below(27) as usize].id.clone(),
                    role: "Instrument".to_owned(),
                }],
                depends_on,
                resources,
                notes: String::new(),
                source: "generated".to_owned(),
            }
        })
        .collect();
    Roadmap {
        title: "Generated roadmap".to_owned(),
        description: String::new(),
        agencies,
        destinations,
        phases: Vec::new(),
        resources,
        missions,
        views: Vec::new(),
        accepted: Vec::new(),
    }
}

/// `roadmap` with conflicts left only among the missions at positions `kept`: no dependencies
/// or shared resources elsewhere, no launch windows or agency limits, and what starts before
/// today flown.
pub fn with_few_conflicts(mut roadmap: Roadmap, kept: std::ops::Range<usize>) -> Roadmap {
    for agency in &mut roadmap.agencies {
        agency.max_concurrent = None;
    }
    for destination in &mut roadmap.destinations {
        destination.launch_windows.clear();
    }
    for (i, mission) in roadmap.missions.iter_mut().enumerate() {
        if !kept.contains(&i) {
            mission.depends_on.clear();
            mission.resources.clear();
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    for mission in &mut roadmap.missions {
        if mission.start < today {
            mission.status = MissionStatus::Flown;
        }
    }
    roadmap
}
