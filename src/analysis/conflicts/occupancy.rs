//! Who uses what at the same time: `resource-overbooked`, `resource-gap` and
//! `agency-overcommitted`.
//!
//! A mission uses its resources, and occupies its lead agency, on every day from `start` to `end`,
//! both included.

use super::index::{Index, Scope, date, day, days, name_list};
use crate::analysis::{Conflict, ConflictKind};
use crate::model::Mission;

pub(super) fn check(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    resources(index, scope, conflicts);
    agencies(index, scope, conflicts);
}

fn resources(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    let missions = &index.roadmap.missions;
    let resources = index
        .roadmap
        .resources
        .iter()
        .zip(&index.links.users)
        .enumerate();
    for (_, (resource, users)) in resources.filter(|(r, _)| scope.resource(*r)) {
        for run in overfull_runs(missions, users, resource.capacity) {
            let message = format!(
                "{} is booked by {} missions at once from {} to {} (capacity {}): {}",
                resource.name,
                run.peak,
                date(run.first),
                date(run.last),
                resource.capacity,
                name_list(run.members.iter().map(|&i| missions[i].name.as_str())),
            );
            let ids = run
                .members
                .iter()
                .map(|&i| missions[i].id.clone())
                .collect();
            conflicts.push(
                Conflict::new(ConflictKind::ResourceOverbooked, ids, message)
                    .with_resource(&resource.id)
                    .with_days(date(run.first), date(run.last)),
            );
        }
        if resource.min_gap_days > 0 {
            for (a, b) in close_starts(missions, users, resource.min_gap_days) {
                let (a, b) = (&missions[a], &missions[b]);
                let message = format!(
                    "{} and {} both use {} and start {} apart (minimum {})",
                    a.name,
                    b.name,
                    resource.name,
                    days((day(b.start) - day(a.start)).into()),
                    days(resource.min_gap_days.into()),
                );
                conflicts.push(
                    Conflict::new(
                        ConflictKind::ResourceGap,
                        vec![a.id.clone(), b.id.clone()],
                        message,
                    )
                    .with_resource(&resource.id)
                    .with_days(a.start, b.start),
                );
            }
        }
    }
}

fn agencies(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    let missions = &index.roadmap.missions;
    let led = &index.links.led;
    let agencies = index.roadmap.agencies.iter().enumerate();
    for (a, agency) in agencies.filter(|(a, _)| scope.agency(*a)) {
        let Some(capacity) = agency.max_concurrent else {
            continue;
        };
        for run in overfull_runs(missions, &led[a], capacity) {
            let message = format!(
                "{} leads {} missions at once from {} to {} (at most {}): {}",
                agency.name,
                run.peak,
                date(run.first),
                date(run.last),
                capacity,
                name_list(run.members.iter().map(|&i| missions[i].name.as_str())),
            );
            let ids = run
                .members
                .iter()
                .map(|&i| missions[i].id.clone())
                .collect();
            conflicts.push(
                Conflict::new(ConflictKind::AgencyOvercommitted, ids, message)
                    .with_agency(&agency.id)
                    .with_days(date(run.first), date(run.last)),
            );
        }
    }
}

/// A maximal run of days on which more missions are active than allowed.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    first: i32,
    last: i32,
    /// The most missions active on one day of the run.
    peak: usize,
    /// Every mission active on at least one day of the run, in the order given.
    members: Vec<usize>,
}

/// The maximal runs of days on which more than `capacity` of the `users` are active: a sweep over
/// start and end events, then each user placed in the runs its days meet.
fn overfull_runs(missions: &[Mission], users: &[usize], capacity: u32) -> Vec<Run> {
    let capacity = capacity as usize;
    if users.len() <= capacity {
        return Vec::new();
    }
    // +1 on the first day, -1 on the day after the last.
    let mut events: Vec<(i32, i32)> = Vec::with_capacity(users.len() * 2);
    for &i in users {
        events.push((day(missions[i].start), 1));
        events.push((day(missions[i].end) + 1, -1));
    }
    events.sort_unstable();

    let mut runs: Vec<Run> = Vec::new();
    let mut active = 0usize;
    let mut open: Option<(i32, usize)> = None; // first day and peak of the run under way
    let mut k = 0;
    while k < events.len() {
        let today = events[k].0;
        while k < events.len() && events[k].0 == today {
            active = active.saturating_add_signed(events[k].1 as isize);
            k += 1;
        }
        open = match (open, active > capacity) {
            (None, true) => Some((today, active)),
            (Some((first, peak)), true) => Some((first, peak.max(active))),
            (Some((first, peak)), false) => {
                runs.push(Run {
                    first,
                    last: today - 1,
                    peak,
                    members: Vec::new(),
                });
                None
            }
            (None, false) => None,
        };
    }
    for &i in users {
        let (start, end) = (day(missions[i].start), day(missions[i].end));
        let from = runs.partition_point(|run| run.last < start);
        for run in runs[from..].iter_mut().take_while(|run| run.first <= end) {
            run.members.push(i);
        }
    }
    runs
}

/// Pairs of users (earlier start first) whose starts are fewer than `min_gap` days apart.
fn close_starts(missions: &[Mission], users: &[usize], min_gap: u32) -> Vec<(usize, usize)> {
    let mut by_start: Vec<(i32, usize)> =
        users.iter().map(|&i| (day(missions[i].start), i)).collect();
    by_start.sort_unstable();
    let mut pairs = Vec::new();
    for (k, &(start, a)) in by_start.iter().enumerate() {
        let close = by_start[k + 1..]
            .iter()
            .take_while(|&&(later, _)| i64::from(later - start) < i64::from(min_gap));
        pairs.extend(close.map(|&(_, b)| (a, b)));
    }
    pairs
}
