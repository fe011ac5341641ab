//! What the window asks of the schedule while the user works, answered from the links the live
//! conflicts keep, so that a drag frame costs only what the moved missions touch: the successors
//! a drag pushes, the chain of missions that drives a mission's date, and how far it can slip.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use super::engine::{may_move, next_window_start};
use crate::analysis::LiveConflicts;
use crate::analysis::conflicts::{date, day, merged_windows};
use crate::model::Roadmap;

/// How far a mission can slip before it delays a mission that depends on it or leaves its
/// launch window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Float {
    /// Days it can slip; `None`: nothing limits it.
    pub days: Option<i32>,
    /// What limits it, in words: "before it delays Artemis V".
    pub limit: String,
}

impl LiveConflicts {
    /// The missions that depend, directly or not, on the `moved` ones, pushed later as far as
    /// their dependencies (with lags) and launch windows require: what a drag with "push
    /// successors" on moves along. Never earlier; fixed, flown and cancelled missions stay.
    /// Resources and agency limits are left to the conflicts (and to Resolve all). Positions
    /// with their new dates.
    pub fn pushed_successors(
        &self,
        roadmap: &Roadmap,
        moved: &[usize],
    ) -> Vec<(usize, NaiveDate, NaiveDate)> {
        let links = &self.links;
        let missions = &roadmap.missions;
        // The missions reached, in an order where each comes after what it depends on
        // (Kahn's algorithm over the reached part; a cycle is left where it is).
        let mut reached: FxHashSet<usize> = FxHashSet::default();
        let mut stack: Vec<usize> = moved.to_vec();
        while let Some(i) = stack.pop() {
            for &(k, _) in links.dependents.get(i).map_or(&[][..], Vec::as_slice) {
                if reached.insert(k) {
                    stack.push(k);
                }
            }
        }
        for i in moved {
            reached.remove(i);
        }
        let mut waiting: FxHashMap<usize, usize> = reached
            .iter()
            .map(|&k| {
                let on_reached = links.depends_on[k]
                    .iter()
                    .filter(|(j, _)| reached.contains(j))
                    .count();
                (k, on_reached)
            })
            .collect();
        let mut ready: Vec<usize> = waiting
            .iter()
            .filter(|(_, n)| **n == 0)
            .map(|(&k, _)| k)
            .collect();
        ready.sort_unstable();
        let mut dates: FxHashMap<usize, (i32, i32)> = FxHashMap::default();
        let day_of = |i: usize, dates: &FxHashMap<usize, (i32, i32)>| {
            dates
                .get(&i)
                .copied()
                .unwrap_or_else(|| (day(missions[i].start), day(missions[i].end)))
        };
        let mut pushed = Vec::new();
        while let Some(k) = ready.pop() {
            let mission = &missions[k];
            let (start, end) = day_of(k, &dates);
            let mut earliest = links.depends_on[k]
                .iter()
                .map(|&(j, lag)| day_of(j, &dates).1 + lag)
                .fold(start, i32::max);
            if earliest > start && may_move(mission) {
                if let Some(d) = links.destination_of[k] {
                    let windows = merged_windows(&roadmap.destinations[d]);
                    if !windows.is_empty() {
                        earliest = next_window_start(&windows, earliest).unwrap_or(earliest);
                    }
                }
                let new = (earliest, earliest + (end - start));
                dates.insert(k, new);
                pushed.push((k, date(new.0), date(new.1)));
            }
            for &(n, _) in &links.dependents[k] {
                if let Some(count) = waiting.get_mut(&n) {
                    *count -= 1;
                    if *count == 0 {
                        ready.push(n);
                    }
                }
            }
        }
        pushed.sort_unstable_by_key(|p| p.0);
        pushed
    }

    /// The chain of missions that sets mission `i`'s earliest start: the mission it depends on
    /// that ends last (with its lag), then the one that sets that one's, and so on. Positions,
    /// nearest first.
    pub fn driving_path(&self, roadmap: &Roadmap, i: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = i;
        while let Some(&(j, _)) = self.links.depends_on.get(at).and_then(|edges| {
            edges
                .iter()
                .max_by_key(|&&(j, lag)| day(roadmap.missions[j].end) + lag)
        }) {
            if j == i || path.contains(&j) {
                break;
            }
            path.push(j);
            at = j;
        }
        path
    }

    /// How many days mission `i` can slip before it delays a mission that depends on it, or
    /// before its start leaves its launch window.
    pub fn float(&self, roadmap: &Roadmap, i: usize) -> Float {
        let missions = &roadmap.missions;
        let Some(mission) = missions.get(i) else {
            return Float {
                days: None,
                limit: String::new(),
            };
        };
        let mut float = Float {
            days: None,
            limit: "no mission waits for it and no launch window limits it".to_owned(),
        };
        let mut limit = |days: i32, limit: String| {
            if float.days.is_none_or(|d| days < d) {
                float = Float {
                    days: Some(days),
                    limit,
                };
            }
        };
        for &(k, lag) in self.links.dependents.get(i).map_or(&[][..], Vec::as_slice) {
            let slack = day(missions[k].start) - (day(mission.end) + lag);
            limit(slack, format!("before it delays {}", missions[k].name));
        }
        if let Some(d) = self.links.destination_of.get(i).copied().flatten() {
            let destination = &roadmap.destinations[d];
            let windows = merged_windows(destination);
            let start = day(mission.start);
            let inside = windows
                .iter()
                .find(|&&(first, last)| first <= start && start <= last);
            match inside {
                Some(&(_, last)) => limit(
                    last - start,
                    format!(
                        "before it leaves the launch window to {} ({})",
                        destination.name,
                        date(last)
                    ),
                ),
                None if !windows.is_empty() => {
                    limit(
                        0,
                        format!(
                            "it is already outside every launch window to {}",
                            destination.name
                        ),
                    );
                }
                None => {}
            }
        }
        float
    }
}
