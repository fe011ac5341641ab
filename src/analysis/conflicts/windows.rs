//! `launch-window`: a mission to a destination with launch windows must start inside one.

use super::index::{Index, Scope, date, day};
use crate::analysis::{Conflict, ConflictKind};
use crate::model::Destination;

pub(super) fn check(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    let windows: Vec<Vec<(i32, i32)>> = index
        .roadmap
        .destinations
        .iter()
        .map(merged_windows)
        .collect();
    for (i, mission) in index.missions_in(scope) {
        let Some(d) = index.links.destination_of[i] else {
            continue;
        };
        let destination = &index.roadmap.destinations[d];
        if destination.launch_windows.is_empty() {
            continue;
        }
        let windows = &windows[d];
        let start = day(mission.start);
        // The last window that opens on or before the start is the only one that can hold it.
        let after = windows.partition_point(|&(first, _)| first <= start);
        if after > 0 && windows[after - 1].1 >= start {
            continue;
        }
        let nearest = match nearest_window(windows, after, start) {
            Some((first, last)) => format!(" (nearest: {} to {})", date(first), date(last)),
            None => String::new(),
        };
        let message = format!(
            "{} starts {}, outside every launch window to {}{nearest}",
            mission.name, mission.start, destination.name,
        );
        conflicts.push(Conflict::new(
            ConflictKind::LaunchWindow,
            vec![mission.id.clone()],
            message,
        ));
    }
}

/// The destination's windows as sorted, disjoint day ranges (overlapping ones joined; a window
/// that ends before it starts holds no day and is left out).
pub(in crate::analysis) fn merged_windows(destination: &Destination) -> Vec<(i32, i32)> {
    let mut windows: Vec<(i32, i32)> = destination
        .launch_windows
        .iter()
        .map(|w| (day(w.start), day(w.end)))
        .filter(|(first, last)| first <= last)
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<(i32, i32)> = Vec::with_capacity(windows.len());
    for (first, last) in windows {
        match merged.last_mut() {
            Some(previous) if first <= previous.1 + 1 => previous.1 = previous.1.max(last),
            _ => merged.push((first, last)),
        }
    }
    merged
}

/// Of the windows just before and just after `start` (`after` is the first that opens later),
/// the one closer to it.
fn nearest_window(windows: &[(i32, i32)], after: usize, start: i32) -> Option<(i32, i32)> {
    let before = after.checked_sub(1).map(|i| windows[i]);
    let next = windows.get(after).copied();
    match (before, next) {
        (Some(b), Some(n)) if n.0 - start < start - b.1 => Some(n),
        (Some(b), _) => Some(b),
        (None, next) => next,
    }
}
