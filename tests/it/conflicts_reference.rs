//! The conflict engine agrees with a deliberately naive reference — day-by-day counts and
//! all-pairs scans written straight from DESIGN §3 — on random small roadmaps, and on random
//! days taken as today.

use crate::common;

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};
use common::*;
use ger_planner::analysis::{
    Conflict, ConflictKind, LiveConflicts, find_conflicts, find_conflicts_on,
};
use ger_planner::model::{Contribution, Mission, MissionStatus, Roadmap};
use proptest::prelude::*;

/// What a conflict is, without its message.
type Signature = (
    ConflictKind,
    Vec<String>,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

fn base() -> NaiveDate {
    date("2027-01-01")
}

fn on(day: u64) -> NaiveDate {
    base() + Days::new(day)
}

fn engine(roadmap: &Roadmap) -> Vec<Signature> {
    signatures(find_conflicts(roadmap))
}

fn engine_on(roadmap: &Roadmap, today: NaiveDate) -> Vec<Signature> {
    signatures(find_conflicts_on(roadmap, today))
}

fn signatures(conflicts: Vec<Conflict>) -> Vec<Signature> {
    let mut found: Vec<Signature> = conflicts
        .into_iter()
        .map(|c| {
            let missions = c.missions.iter().map(|m| m.to_string()).collect();
            (
                c.kind,
                missions,
                c.agency.map(|a| a.to_string()),
                c.resource.map(|r| r.to_string()),
                c.start,
                c.end,
            )
        })
        .collect();
    found.sort();
    found
}

fn signature(kind: ConflictKind, missions: &[&Mission]) -> Signature {
    let mut ids: Vec<String> = missions.iter().map(|m| m.id.to_string()).collect();
    ids.sort();
    (kind, ids, None, None, None, None)
}

fn live(m: &Mission) -> bool {
    m.status != MissionStatus::Cancelled && m.end >= m.start
}

fn first_mission<'r>(roadmap: &'r Roadmap, id: &str) -> Option<&'r Mission> {
    roadmap.missions.iter().find(|m| m.id.as_str() == id)
}

/// Maximal runs of days on which more than `capacity` of `users` are active, checked day by day.
fn naive_runs<'m>(
    users: &[&'m Mission],
    capacity: usize,
) -> Vec<(NaiveDate, NaiveDate, Vec<&'m Mission>)> {
    let mut runs: Vec<(NaiveDate, NaiveDate, Vec<&Mission>)> = Vec::new();
    let mut previous_over = false;
    for day in (0..120).map(on) {
        let active: Vec<&Mission> = users
            .iter()
            .copied()
            .filter(|m| m.start <= day && day <= m.end)
            .collect();
        let over = active.len() > capacity;
        if over && previous_over {
            let run = runs.last_mut().unwrap_or_else(|| unreachable!());
            run.1 = day;
            run.2.extend(active);
        } else if over {
            runs.push((day, day, active));
        }
        previous_over = over;
    }
    for run in &mut runs {
        run.2.sort_by_key(|m| *m as *const Mission);
        run.2.dedup_by_key(|m| *m as *const Mission);
    }
    runs
}

fn reference(roadmap: &Roadmap) -> Vec<Signature> {
    let mut found = Vec::new();
    let missions: Vec<&Mission> = roadmap.missions.iter().filter(|m| live(m)).collect();

    let mut counts: HashMap<&str, usize> = HashMap::new();
    roadmap
        .missions
        .iter()
        .for_each(|m| *counts.entry(m.id.as_str()).or_default() += 1);
    for (id, _) in counts.iter().filter(|(_, n)| **n > 1) {
        found.push((
            ConflictKind::DuplicateId,
            vec![id.to_string()],
            None,
            None,
            None,
            None,
        ));
    }
    for m in roadmap
        .missions
        .iter()
        .filter(|m| m.status != MissionStatus::Cancelled && m.end < m.start)
    {
        found.push(signature(ConflictKind::InvalidDates, &[m]));
    }

    let agency_known = |id: &str| roadmap.agencies.iter().any(|a| a.id.as_str() == id);
    for m in &missions {
        let unknown = |agency: Option<String>, resource: Option<String>| {
            (
                ConflictKind::UnknownReference,
                vec![m.id.to_string()],
                agency,
                resource,
                None,
                None,
            )
        };
        if !roadmap.destinations.iter().any(|d| d.id == m.destination) {
            found.push(unknown(None, None));
        }
        for agency in std::iter::once(&m.lead).chain(m.contributors.iter().map(|c| &c.agency)) {
            if !agency_known(agency.as_str()) {
                found.push(unknown(Some(agency.to_string()), None));
            }
        }
        for d in &m.depends_on {
            if first_mission(roadmap, d.mission.as_str()).is_none() {
                found.push(unknown(None, None));
            }
        }
        for r in &m.resources {
            if !roadmap.resources.iter().any(|x| &x.id == r) {
                found.push(unknown(None, Some(r.to_string())));
            }
        }
    }

    // Dependencies, and cycles as groups of missions that reach each other.
    let position = |m: &Mission| roadmap.missions.iter().position(|x| std::ptr::eq(x, m));
    let n = roadmap.missions.len();
    let mut reach = vec![vec![false; n]; n];
    for m in &missions {
        for d in &m.depends_on {
            let Some(before) = first_mission(roadmap, d.mission.as_str()).filter(|b| live(b))
            else {
                continue;
            };
            if m.start < before.end + chrono::Duration::days(d.lag_days.into()) {
                found.push(signature(ConflictKind::Dependency, &[m, before]));
            }
            if let (Some(i), Some(j)) = (position(m), position(before)) {
                reach[i][j] = true;
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
            }
        }
    }
    let mut groups = BTreeSet::new();
    for i in (0..n).filter(|&i| reach[i][i]) {
        let group: Vec<usize> = (0..n).filter(|&j| reach[i][j] && reach[j][i]).collect();
        groups.insert(group);
    }
    for group in groups {
        let members: Vec<&Mission> = group.iter().map(|&i| &roadmap.missions[i]).collect();
        found.push(signature(ConflictKind::DependencyCycle, &members));
    }

    for (k, resource) in roadmap.resources.iter().enumerate() {
        if roadmap.resources[..k].iter().any(|r| r.id == resource.id) {
            continue;
        }
        let users: Vec<&Mission> = missions
            .iter()
            .copied()
            .filter(|m| m.resources.contains(&resource.id))
            .collect();
        for (first, last, members) in naive_runs(&users, resource.capacity as usize) {
            let mut s = signature(ConflictKind::ResourceOverbooked, &members);
            (s.3, s.4, s.5) = (Some(resource.id.to_string()), Some(first), Some(last));
            found.push(s);
        }
        for (i, a) in users.iter().enumerate() {
            for b in &users[i + 1..] {
                if (a.start - b.start).num_days().abs() < i64::from(resource.min_gap_days) {
                    let mut s = signature(ConflictKind::ResourceGap, &[a, b]);
                    (s.3, s.4, s.5) = (
                        Some(resource.id.to_string()),
                        Some(a.start.min(b.start)),
                        Some(a.start.max(b.start)),
                    );
                    found.push(s);
                }
            }
        }
    }

    for m in &missions {
        let Some(d) = roadmap.destinations.iter().find(|d| d.id == m.destination) else {
            continue;
        };
        if !d.launch_windows.is_empty()
            && !d
                .launch_windows
                .iter()
                .any(|w| w.start <= m.start && m.start <= w.end)
        {
            found.push(signature(ConflictKind::LaunchWindow, &[m]));
        }
    }

    for agency in &roadmap.agencies {
        let Some(max) = agency.max_concurrent else {
            continue;
        };
        let led: Vec<&Mission> = missions
            .iter()
            .copied()
            .filter(|m| m.lead == agency.id)
            .collect();
        for (first, last, members) in naive_runs(&led, max as usize) {
            let mut s = signature(ConflictKind::AgencyOvercommitted, &members);
            (s.2, s.4, s.5) = (Some(agency.id.to_string()), Some(first), Some(last));
            found.push(s);
        }
    }
    found.sort();
    found
}

/// The reference on `today`: the same, and the dates that today has overtaken, straight from
/// the rule: a mission neither flown nor cancelled that starts before today, a flown one that
/// starts after it.
fn reference_on(roadmap: &Roadmap, today: NaiveDate) -> Vec<Signature> {
    let mut found = reference(roadmap);
    for m in roadmap.missions.iter().filter(|m| live(m)) {
        let overtaken = match m.status {
            MissionStatus::Flown => m.start > today,
            MissionStatus::Cancelled => false,
            _ => m.start < today,
        };
        if overtaken {
            found.push(signature(ConflictKind::DateOvertaken, &[m]));
        }
    }
    found.sort();
    found
}

/// A random mission: its id may repeat, its references may name nothing, its dates may be
/// backwards, and it may be cancelled.
fn arb_mission() -> impl Strategy<Value = Mission> {
    (
        0..8usize,
        0..60u64,
        -3..25i64,
        prop::sample::select(vec!["NASA", "ESA", "NOBODY"]),
        prop::sample::select(vec!["moon", "mars", "venus"]),
        prop::collection::vec(prop::sample::select(vec!["pad", "port", "ghost"]), 0..3),
        prop::collection::vec((0..9usize, -5..20i32), 0..3),
        prop::sample::select(vec![
            MissionStatus::Planned,
            MissionStatus::Confirmed,
            MissionStatus::Flown,
            MissionStatus::Cancelled,
        ]),
        prop::option::of(prop::sample::select(vec!["ESA", "NOBODY"])),
    )
        .prop_map(
            |(id, start, length, lead, destination, resources, deps, status, contributor)| {
                let end = if length >= 0 {
                    on(start + length as u64)
                } else {
                    on(start) - Days::new(length.unsigned_abs())
                };
                let mut m = mission(&format!("m{id}"), "2027-01-01", "2027-01-01");
                (m.start, m.end, m.lead, m.destination, m.status) =
                    (on(start), end, lead.into(), destination.into(), status);
                m.resources = resources.into_iter().map(Into::into).collect();
                m.depends_on = deps
                    .into_iter()
                    .map(|(on, lag_days)| ger_planner::model::Dependency {
                        mission: format!("m{on}").as_str().into(),
                        lag_days,
                    })
                    .collect();
                m.contributors = contributor
                    .into_iter()
                    .map(|a| Contribution {
                        agency: a.into(),
                        role: String::new(),
                    })
                    .collect();
                m
            },
        )
}

pub fn arb_roadmap() -> impl Strategy<Value = Roadmap> {
    (
        prop::collection::vec(arb_mission(), 0..12),
        (1..4u32, 0..15u32, 1..3u32, 0..15u32),
        prop::option::of(1..3u32),
        prop::collection::vec((0..70u64, 0..15u64), 0..3),
    )
        .prop_map(
            |(missions, (pad_capacity, pad_gap, port_capacity, port_gap), esa_max, windows)| {
                let mut plan = roadmap(missions);
                plan.resources = vec![
                    resource("pad", pad_capacity, pad_gap),
                    resource("port", port_capacity, port_gap),
                ];
                plan.agencies[1].max_concurrent = esa_max;
                plan.agencies[0].max_concurrent = Some(2);
                let windows: Vec<(String, String)> = windows
                    .iter()
                    .map(|&(s, l)| (on(s).to_string(), on(s + l).to_string()))
                    .collect();
                let windows: Vec<(&str, &str)> = windows
                    .iter()
                    .map(|(s, e)| (s.as_str(), e.as_str()))
                    .collect();
                plan.destinations[1] = destination("mars", &windows);
                plan
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_engine_agrees_with_the_day_by_day_reference(plan in arb_roadmap()) {
        prop_assert_eq!(engine(&plan), reference(&plan));
    }

    #[test]
    fn the_engine_agrees_with_the_reference_on_any_day(plan in arb_roadmap(), today in 0..90u64) {
        prop_assert_eq!(engine_on(&plan, on(today)), reference_on(&plan, on(today)));
    }
}

/// A change of dates: which mission (by position, wrapped), how far its start moves and how
/// long it then lasts (negative: backwards dates).
fn arb_date_change() -> impl Strategy<Value = (usize, i64, i64)> {
    (0..12usize, -40..40i64, -3..30i64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn analysing_only_what_a_date_change_touches_gives_the_full_analysis(
        mut plan in arb_roadmap(),
        changes in prop::collection::vec(prop::collection::vec(arb_date_change(), 1..3), 1..6),
        today in prop::option::of(0..90u64),
    ) {
        let today = today.map(on);
        let full = |plan: &Roadmap| match today {
            Some(today) => find_conflicts_on(plan, today),
            None => find_conflicts(plan),
        };
        // Kept across the steps as the window keeps it across the frames of a drag.
        let mut live = LiveConflicts::new(&plan, today);
        prop_assert_eq!(live.conflicts().to_vec(), full(&plan));
        for step in changes {
            if plan.missions.is_empty() {
                break;
            }
            let mut moved = Vec::new();
            for (at, shift, length) in step {
                let i = at % plan.missions.len();
                let m = &mut plan.missions[i];
                let start = m.start.checked_add_signed(chrono::TimeDelta::days(shift)).unwrap_or(m.start);
                m.start = start;
                m.end = start.checked_add_signed(chrono::TimeDelta::days(length)).unwrap_or(start);
                moved.push(i);
            }
            live.dates_changed(&plan, &moved);
            prop_assert_eq!(live.conflicts().to_vec(), full(&plan));
        }
    }
}
