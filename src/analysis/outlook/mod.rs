//! The outlook: how likely each date is. Many runs, each drawing every mission's start slip
//! (from its own estimate, else from the slips measured for its status and kind) and
//! spreading it by the scheduling engine's rules: dependencies with their lags, launch windows
//! (a Mars mission that misses one waits for the next), resources, agency limits and today.
//! Flown, cancelled and fixed missions keep their dates; durations are kept; nothing starts
//! earlier than planned.
//!
//! Every run has its own random stream, derived from the seed and the run's number, so the
//! result depends on the seed alone, however many threads share the runs.

mod slips;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::conflicts::{Links, date, day};
use super::schedule::{Propagated, Propagation};
use crate::model::{Roadmap, SlipModel};
use slips::Draws;
pub use slips::{MIN_GROUP, calibrate, slip_group};

/// Runs when none are asked for: enough for percentiles steady to a day or two.
pub const DEFAULT_RUNS: usize = 10_000;
/// The seed when none is asked for: the command line's default and the window's, so that
/// both give the same figures.
pub const DEFAULT_SEED: u64 = 1;

/// What to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlookOptions {
    /// How many runs (at least one is made).
    pub runs: usize,
    /// The seed every run's random stream is derived from.
    pub seed: u64,
    /// The day taken as today: no mission that may move starts before it.
    pub today: Option<NaiveDate>,
    /// The mission whose start the criticality of the others is about, and whose starts are
    /// kept for a histogram, by position.
    pub focus: Option<usize>,
}

/// How far a running outlook is, and a way to stop it, shared with the thread that runs it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Runs made so far.
    pub fn runs_done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Counts one more step done (a run, a file read).
    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Asks the outlook to stop; it then returns nothing.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the work was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What the runs say about one mission.
#[derive(Clone, Debug, PartialEq)]
pub struct MissionOutlook {
    /// The start in the roadmap.
    pub planned_start: NaiveDate,
    /// The start half the runs reach (nearest rank).
    pub p50_start: NaiveDate,
    /// The start 80 % of the runs reach (nearest rank).
    pub p80_start: NaiveDate,
    /// The end of a run starting at `p50_start` (durations are kept).
    pub p50_end: NaiveDate,
    /// The end of a run starting at `p80_start`.
    pub p80_end: NaiveDate,
    /// The share of runs in which it starts on or before its planned start, in [0, 1].
    pub on_time: f64,
    /// The share of runs in which it drives the focus mission's start (is on the chain of
    /// dependencies that set it); `None` without a focus, and for the focus itself.
    pub criticality: Option<f64>,
    /// Runs in which it found no launch window on or after its earliest start: the roadmap
    /// has no later window to its destination, and the run left it where it was pushed.
    pub stranded_runs: usize,
}

/// The focus mission's start in every run, as dates, sorted: what its histogram shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusStarts {
    /// The mission, by position.
    pub mission: usize,
    /// One start per run, earliest first.
    pub starts: Vec<NaiveDate>,
}

/// The outlook of a roadmap: per mission, in the roadmap's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    /// Runs made.
    pub runs: usize,
    /// The seed they were drawn from.
    pub seed: u64,
    /// One per mission of the roadmap.
    pub missions: Vec<MissionOutlook>,
    /// The focus mission's starts, when there is a focus.
    pub focus: Option<FocusStarts>,
}

/// What one run leaves for the tally.
struct RunResult {
    start: Vec<i32>,
    /// The missions that drove the focus's start, in this run.
    drivers_of_focus: Vec<usize>,
    stranded: Vec<usize>,
}

/// Runs the outlook of `roadmap`, drawing slips from `model` where a mission has no estimate.
/// Uses every core; returns `None` when `progress` is cancelled before it ends.
pub fn outlook(
    roadmap: &Roadmap,
    model: &SlipModel,
    options: &OutlookOptions,
    progress: &Progress,
) -> Option<Outlook> {
    let links = Links::of(roadmap);
    let propagation = Propagation::new(roadmap, &links, options.today);
    let draws = Draws::new(&roadmap.missions, model);
    let runs = options.runs.max(1);
    let results: Option<Vec<RunResult>> = (0..runs)
        .into_par_iter()
        .map(|run| {
            if progress.is_cancelled() {
                return None;
            }
            let mut rng = run_stream(options.seed, run);
            let placed = propagation.run(|i| draws.draw(i, &mut rng));
            progress.step();
            Some(RunResult {
                drivers_of_focus: options
                    .focus
                    .map_or_else(Vec::new, |f| drivers_of(&placed, f)),
                start: placed.start,
                stranded: placed.stranded,
            })
        })
        .collect();
    let results = results?;
    Some(tally(roadmap, &propagation, options, &results))
}

/// The random stream of run `run`: a function of the seed and the run alone.
fn run_stream(seed: u64, run: usize) -> Pcg64Mcg {
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    Pcg64Mcg::seed_from_u64(seed ^ (run as u64 + 1).wrapping_mul(GOLDEN))
}

/// The chain of missions that set `focus`'s start in one run, nearest first.
fn drivers_of(placed: &Propagated, focus: usize) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut at = focus;
    while let Some(j) = placed.driver.get(at).copied().flatten() {
        if chain.contains(&j) || j == focus {
            break;
        }
        chain.push(j);
        at = j;
    }
    chain
}

/// Percentiles, shares and counts per mission, from every run.
fn tally(
    roadmap: &Roadmap,
    propagation: &Propagation,
    options: &OutlookOptions,
    results: &[RunResult],
) -> Outlook {
    let runs = results.len();
    let mut drove = vec![0usize; roadmap.missions.len()];
    let mut stranded = vec![0usize; roadmap.missions.len()];
    for result in results {
        for &j in &result.drivers_of_focus {
            drove[j] += 1;
        }
        for &i in &result.stranded {
            stranded[i] += 1;
        }
    }
    let missions = (0..roadmap.missions.len())
        .into_par_iter()
        .map(|i| {
            let mission = &roadmap.missions[i];
            let planned = day(mission.start);
            let length = day(mission.end) - planned;
            let mut starts: Vec<i32> = if propagation.may_move(i) {
                results.iter().map(|r| r.start[i]).collect()
            } else {
                vec![planned]
            };
            let on_time =
                starts.iter().filter(|&&s| s <= planned).count() as f64 / starts.len() as f64;
            let p50 = nearest_rank(&mut starts, 50);
            let p80 = nearest_rank(&mut starts, 80);
            MissionOutlook {
                planned_start: mission.start,
                p50_start: date(p50),
                p80_start: date(p80),
                p50_end: date(p50 + length),
                p80_end: date(p80 + length),
                on_time,
                criticality: options
                    .focus
                    .filter(|&f| f != i)
                    .map(|_| drove[i] as f64 / runs as f64),
                stranded_runs: stranded[i],
            }
        })
        .collect();
    let focus = options
        .focus
        .filter(|&f| f < roadmap.missions.len())
        .map(|f| {
            let mut starts: Vec<i32> = results.iter().map(|r| r.start[f]).collect();
            starts.sort_unstable();
            FocusStarts {
                mission: f,
                starts: starts.into_iter().map(date).collect(),
            }
        });
    Outlook {
        runs,
        seed: options.seed,
        missions,
        focus,
    }
}

/// The `percent`th percentile of `values` by nearest rank: the value at rank ⌈p·n/100⌉ in
/// sorted order, so always a value some run produced. `values` must not be empty.
pub fn nearest_rank(values: &mut [i32], percent: usize) -> i32 {
    let rank = (percent * values.len()).div_ceil(100).max(1);
    *values.select_nth_unstable(rank - 1).1
}
