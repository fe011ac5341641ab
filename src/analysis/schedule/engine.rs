//! The scheduler's engine: it places missions one at a time, each after those it depends on,
//! at the earliest start that meets every rule, and says why it moved each one.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;

use super::moves::{Move, Schedule, Unfixable};
use super::pool::Pool;
use super::reason::Reason;
use crate::analysis::ConflictKind;
use crate::analysis::conflicts::{Links, cyclic_groups, date, day, merged_windows, name_list};
use crate::model::{Mission, MissionId, MissionStatus, Roadmap, id_positions};

/// A mission the scheduler may move: not flown, cancelled or paused, not fixed.
pub(super) fn may_move(mission: &Mission) -> bool {
    mission.status != MissionStatus::Flown && !mission.status.is_set_aside() && !mission.fixed
}

/// The scheduler's state while it places missions. The outlook clones one prepared engine per
/// run, so it holds nothing costly to clone beyond a roadmap's worth of numbers.
#[derive(Clone)]
pub(super) struct Engine<'r> {
    pub(super) roadmap: &'r Roadmap,
    pub(super) links: Cow<'r, Links>,
    pub(super) today: Option<i32>,
    pub(super) movable: Vec<bool>,
    /// Current (new, once placed) start and end of every mission, as day numbers.
    pub(super) start: Vec<i32>,
    pub(super) end: Vec<i32>,
    /// Each destination's launch windows, sorted and joined.
    pub(super) windows: Vec<Vec<(i32, i32)>>,
    pub(super) resources: Vec<Pool>,
    pub(super) agencies: Vec<Option<Pool>>,
    pub(super) accepted: Exemptions,
    /// Missions held where they are because they are in a dependency cycle or after one.
    pub(super) held: Vec<bool>,
    /// Whether reasons and reports are kept (the scheduler) or not (the outlook's runs).
    pub(super) explain: bool,
    pub(super) reasons: Vec<Vec<Reason>>,
    pub(super) unfixable: Vec<Unfixable>,
    /// For each mission placed, the dependency that set its earliest start, if one did.
    pub(super) driver: Vec<Option<usize>>,
    /// Missions that found no launch window on or after their earliest start.
    pub(super) stranded: Vec<usize>,
}

/// What accepted conflicts exempt from the rules.
#[derive(Clone, Default)]
pub(super) struct Exemptions {
    /// Dependency edges (dependent, depended on) not enforced.
    pub(super) edges: FxHashSet<(usize, usize)>,
    /// Missions whose launch window is not enforced.
    pub(super) windows: FxHashSet<usize>,
    /// (resource, mission, mission): the pair may share the resource beyond its capacity.
    pub(super) resources: FxHashSet<(usize, usize, usize)>,
    /// (resource, mission, mission): the pair's gap is not enforced.
    pub(super) gaps: FxHashSet<(usize, usize, usize)>,
    /// (agency, mission, mission): the pair may both count against the agency's limit.
    pub(super) agencies: FxHashSet<(usize, usize, usize)>,
}

impl Exemptions {
    pub(super) fn new(roadmap: &Roadmap) -> Self {
        let resources = id_positions(roadmap.resources.iter().map(|r| r.id.as_str())).0;
        let agencies = id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0;
        let mut exempt = Self::default();
        for accepted in &roadmap.accepted {
            // Every mission with a named id: conflicts name ids, and ids may repeat.
            let named: Vec<usize> = (roadmap.missions.iter().enumerate())
                .filter(|(_, m)| accepted.missions.contains(&m.id))
                .map(|(i, _)| i)
                .collect();
            let resource = accepted
                .resource
                .as_ref()
                .and_then(|r| resources.get(r.as_str()).copied());
            let agency = accepted
                .agency
                .as_ref()
                .and_then(|a| agencies.get(a.as_str()).copied());
            match accepted.kind {
                ConflictKind::Dependency => {
                    exempt
                        .edges
                        .extend(pairs(0, &named).map(|(_, a, b)| (a, b)));
                }
                ConflictKind::LaunchWindow => exempt.windows.extend(named),
                ConflictKind::ResourceGap => {
                    if let Some(r) = resource {
                        exempt.gaps.extend(pairs(r, &named));
                    }
                }
                ConflictKind::ResourceOverbooked => {
                    if let Some(r) = resource {
                        exempt.resources.extend(pairs(r, &named));
                    }
                }
                ConflictKind::AgencyOvercommitted => {
                    if let Some(a) = agency {
                        exempt.agencies.extend(pairs(a, &named));
                    }
                }
                _ => {}
            }
        }
        exempt
    }
}

/// Every ordered pair of the missions `named`, tagged with `pool`: an accepted run exempts its
/// missions from each other only, so a newcomer still counts them all.
fn pairs(pool: usize, named: &[usize]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    named
        .iter()
        .flat_map(move |&a| named.iter().map(move |&b| (pool, a, b)))
        .filter(|&(_, a, b)| a != b)
}

impl<'r> Engine<'r> {
    pub(super) fn new(
        roadmap: &'r Roadmap,
        links: Cow<'r, Links>,
        today: Option<NaiveDate>,
        free: impl Fn(usize) -> bool,
    ) -> Self {
        let missions = &roadmap.missions;
        let movable = (0..missions.len())
            .map(|i| links.takes_part[i] && may_move(&missions[i]) && free(i))
            .collect();
        let agencies = roadmap
            .agencies
            .iter()
            .map(|a| a.max_concurrent.map(|n| Pool::day_by_day(n as usize)))
            .collect();
        Self {
            roadmap,
            today: today.map(day),
            movable,
            start: missions.iter().map(|m| day(m.start)).collect(),
            end: missions.iter().map(|m| day(m.end)).collect(),
            windows: roadmap.destinations.iter().map(merged_windows).collect(),
            resources: roadmap
                .resources
                .iter()
                .map(|r| Pool::new(r.capacity as usize, r.min_gap_days as i32))
                .collect(),
            agencies,
            accepted: Exemptions::new(roadmap),
            held: vec![false; missions.len()],
            explain: true,
            reasons: vec![Vec::new(); missions.len()],
            unfixable: Vec::new(),
            driver: vec![None; missions.len()],
            stranded: Vec::new(),
            links,
        }
    }

    /// The dependency edges the scheduler enforces: those taking part and not accepted.
    pub(super) fn edges(&self, i: usize) -> impl Iterator<Item = (usize, i32)> + '_ {
        let exempt = &self.accepted.edges;
        self.links.depends_on[i]
            .iter()
            .copied()
            .filter(move |&(j, _)| exempt.is_empty() || !exempt.contains(&(i, j)))
    }

    pub(super) fn run(mut self) -> Schedule {
        self.prepare();
        self.place_all();
        self.report_broken_fixed();
        self.finish()
    }

    /// What does not depend on where the missions that may move go: unknown references,
    /// cycles, and the bookings of the missions that stay.
    pub(super) fn prepare(&mut self) {
        self.report_unknown_and_invalid();
        self.hold_back_cycles();
        // Whatever stays where it is books its resources first.
        for i in 0..self.roadmap.missions.len() {
            if self.links.takes_part[i] && !self.movable[i] {
                self.book(i);
            }
        }
    }

    /// Places every mission that may move, each after the missions it depends on, the
    /// earliest start first.
    pub(super) fn place_all(&mut self) {
        let n = self.roadmap.missions.len();
        let mut waiting_for: Vec<usize> = (0..n)
            .map(|i| {
                if self.movable[i] {
                    self.edges(i).filter(|&(j, _)| self.movable[j]).count()
                } else {
                    0
                }
            })
            .collect();
        // The missions ready from the outset, sorted once; those that become ready as their
        // dependencies are placed join a heap. Taking the earlier of the two heads gives the
        // same order as one heap of all, at a fraction of its cost.
        let mut first: Vec<(i32, usize)> = (0..n)
            .filter(|&i| self.movable[i] && waiting_for[i] == 0)
            .map(|i| (self.earliest(i).0, i))
            .collect();
        first.sort_unstable();
        let mut first = first.into_iter().peekable();
        let mut later: BinaryHeap<Reverse<(i32, usize)>> = BinaryHeap::new();
        loop {
            let next = match (first.peek(), later.peek()) {
                (Some(a), Some(Reverse(b))) if b < a => later.pop().map(|Reverse(b)| b),
                (Some(_), _) => first.next(),
                (None, _) => later.pop().map(|Reverse(b)| b),
            };
            let Some((_, i)) = next else {
                break;
            };
            self.place(i);
            let exempt = &self.accepted.edges;
            for k in 0..self.links.dependents[i].len() {
                let (k, _) = self.links.dependents[i][k];
                if self.movable[k] && (exempt.is_empty() || !exempt.contains(&(k, i))) {
                    waiting_for[k] -= 1;
                    if waiting_for[k] == 0 {
                        later.push(Reverse((self.earliest(k).0, k)));
                    }
                }
            }
        }
    }

    /// Unknown references and backwards dates: reported, and left to the checks. The links
    /// already resolved every id; only a mission with fewer links than names is looked at.
    pub(super) fn report_unknown_and_invalid(&mut self) {
        let roadmap = self.roadmap;
        let links = &self.links;
        // Built only when a mission has fewer links than names, which is rare.
        let missions = std::cell::OnceCell::new();
        let missions = || -> &FxHashSet<&str> {
            missions.get_or_init(|| roadmap.missions.iter().map(|m| m.id.as_str()).collect())
        };
        let resources: FxHashSet<&str> = roadmap.resources.iter().map(|r| r.id.as_str()).collect();
        let mut found = Vec::new();
        for (i, m) in roadmap.missions.iter().enumerate() {
            if m.status.is_set_aside() {
                continue;
            }
            if m.end < m.start {
                found.push((i, format!("{} ends before it starts", m.name)));
                continue;
            }
            let mut unknown: Vec<String> = Vec::new();
            if links.lead_of[i].is_none() {
                unknown.push(format!("lead agency \"{}\"", m.lead));
            }
            if links.destination_of[i].is_none() {
                unknown.push(format!("destination \"{}\"", m.destination));
            }
            if links.depends_on[i].len() < m.depends_on.len() {
                unknown.extend(
                    (m.depends_on.iter())
                        .filter(|d| !missions().contains(d.mission.as_str()))
                        .map(|d| format!("mission \"{}\"", d.mission)),
                );
            }
            if links.resources_of[i].len() < m.resources.len() {
                unknown.extend(
                    (m.resources.iter())
                        .filter(|r| !resources.contains(r.as_str()))
                        .map(|r| format!("resource \"{r}\"")),
                );
            }
            if !unknown.is_empty() {
                let list = name_list(unknown.iter().map(String::as_str));
                found.push((
                    i,
                    format!(
                        "{} names an unknown {list}: its rule cannot be checked",
                        m.name
                    ),
                ));
            }
        }
        for (i, reason) in found {
            self.report(&[i], reason);
        }
    }

    /// Missions in a dependency cycle, or after one, cannot be placed after what they depend
    /// on: they stay where they are, reported.
    pub(super) fn hold_back_cycles(&mut self) {
        let n = self.roadmap.missions.len();
        let groups = if self.accepted.edges.is_empty() {
            cyclic_groups(&self.links.depends_on)
        } else {
            cyclic_groups(
                &(0..n)
                    .map(|i| self.edges(i).collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
            )
        };
        if groups.is_empty() {
            return;
        }
        let held = downstream(&self.links, groups.iter().flatten().copied());
        let missions = &self.roadmap.missions;
        for group in &groups {
            let names = name_list(group.iter().map(|&i| missions[i].name.as_str()));
            self.report(
                group,
                format!("{names} depend on each other in a cycle: none of them can start first"),
            );
        }
        let in_group: FxHashSet<usize> = groups.iter().flatten().copied().collect();
        let after_cycles: Vec<usize> = (0..n)
            .filter(|&i| held[i] && !in_group.contains(&i) && self.movable[i])
            .collect();
        for i in after_cycles {
            self.report(
                &[i],
                format!(
                    "{} waits for missions in a dependency cycle",
                    missions[i].name
                ),
            );
        }
        for (movable, &held) in self.movable.iter_mut().zip(&held) {
            *movable &= !held;
        }
        self.held = held;
    }

    /// The earliest start mission `i` may have from its dependencies, its own start and today,
    /// with what sets it when that is later than its start: today (`None`), or the dependency
    /// `(j, lag)`. Reasons are put in words only for a mission placed, not for every look.
    pub(super) fn earliest(&self, i: usize) -> (i32, Option<Option<(usize, i32)>>) {
        let mut earliest = (self.start[i], None);
        if let Some(today) = self.today.filter(|&t| t > earliest.0) {
            earliest = (today, Some(None));
        }
        for (j, lag) in self.edges(i) {
            let after = self.end[j] + lag;
            if after > earliest.0 {
                earliest = (after, Some(Some((j, lag))));
            }
        }
        earliest
    }

    /// Why mission `i` cannot start before its earliest start: today, or a dependency.
    pub(super) fn earliest_reason(&self, set_by: Option<(usize, i32)>) -> Reason {
        match set_by {
            Some((j, lag)) => Reason::After {
                on: j,
                ends: date(self.end[j]),
                moved: self.end[j] != day(self.roadmap.missions[j].end),
                lag,
            },
            None => Reason::Today(self.today.map(date).unwrap_or_default()),
        }
    }

    /// Places mission `i` at the first start from its earliest that fits every rule.
    pub(super) fn place(&mut self, i: usize) {
        let (mut start, set_by) = self.earliest(i);
        if let Some(Some((j, _))) = set_by {
            self.driver[i] = Some(j);
        }
        if let Some(set_by) = set_by.filter(|_| self.explain) {
            let reason = self.earliest_reason(set_by);
            self.reasons[i].push(reason);
        }
        let length = self.end[i] - self.start[i];
        let mut windows = self.windows_of(i);
        loop {
            let before = start;
            if let Some(d) = windows {
                match next_window_start(&self.windows[d], start) {
                    Some(opens) if opens > start => {
                        let reason = Reason::Window {
                            destination: d,
                            opens: date(opens),
                        };
                        self.push(i, reason);
                        start = opens;
                    }
                    Some(_) => {}
                    None => {
                        self.stranded.push(i);
                        windows = None;
                        if self.explain {
                            let reason = format!(
                                "{} needs a launch window to {} on or after {}, and the roadmap \
                                 has none",
                                self.roadmap.missions[i].name,
                                self.roadmap.destinations[d].name,
                                date(start)
                            );
                            self.report(&[i], reason);
                        }
                    }
                }
            }
            start = self.fit_resources(i, start, length);
            start = self.fit_agency(i, start, length);
            if start == before {
                break;
            }
        }
        self.start[i] = start;
        self.end[i] = start + length;
        self.book(i);
    }

    /// The destination whose launch windows mission `i` must start in, if any.
    pub(super) fn windows_of(&self, i: usize) -> Option<usize> {
        let d = self.links.destination_of[i]?;
        (!self.windows[d].is_empty() && !self.accepted.windows.contains(&i)).then_some(d)
    }

    /// The first start from `start` at which mission `i`'s resources have room and keep their
    /// gaps (one pass: the caller repeats until nothing moves).
    pub(super) fn fit_resources(&mut self, i: usize, start: i32, length: i32) -> i32 {
        for k in 0..self.links.resources_of[i].len() {
            let r = self.links.resources_of[i][k];
            if let Some((reason, next)) = self.resource_block(i, r, start, length) {
                self.push(i, reason);
                return next;
            }
        }
        start
    }

    /// What keeps mission `i` from using resource `r` from `start`: the reason, and the first
    /// start past it.
    pub(super) fn resource_block(
        &self,
        i: usize,
        r: usize,
        start: i32,
        length: i32,
    ) -> Option<(Reason, i32)> {
        let pool = &self.resources[r];
        let shared = &self.accepted.resources;
        let exempt = |m| shared.contains(&(r, i, m));
        let exempt = (!shared.is_empty()).then_some(&exempt as &dyn Fn(usize) -> bool);
        if let Some(full) = pool.blocked(start, start + length, exempt, self.explain) {
            let reason = Reason::Taken {
                resource: r,
                by: full.by,
                until: date(full.free_from - 1),
            };
            return Some((reason, full.free_from));
        }
        let gaps = &self.accepted.gaps;
        let (other, starts, next) = pool.too_close(start, |m| gaps.contains(&(r, i, m)))?;
        let reason = Reason::Gap {
            resource: r,
            other,
            starts: date(starts),
        };
        Some((reason, next))
    }

    /// The first start from `start` at which mission `i`'s lead agency leads few enough
    /// missions.
    pub(super) fn fit_agency(&mut self, i: usize, start: i32, length: i32) -> i32 {
        let Some(a) = self.links.lead_of[i] else {
            return start;
        };
        let Some(pool) = &self.agencies[a] else {
            return start;
        };
        let shared = &self.accepted.agencies;
        let exempt = |m| shared.contains(&(a, i, m));
        let exempt = (!shared.is_empty()).then_some(&exempt as &dyn Fn(usize) -> bool);
        let Some(full) = pool.blocked(start, start + length, exempt, self.explain) else {
            return start;
        };
        let reason = Reason::AgencyFull {
            agency: a,
            leading: full.by.len(),
            until: date(full.free_from - 1),
        };
        self.push(i, reason);
        full.free_from
    }

    /// Books mission `i`'s days in its resources and its lead agency.
    pub(super) fn book(&mut self, i: usize) {
        let (start, end) = (self.start[i], self.end[i]);
        for &r in &self.links.resources_of[i] {
            self.resources[r].place(start, end, i);
        }
        if let Some(Some(pool)) = self.links.lead_of[i].map(|a| &mut self.agencies[a]) {
            pool.place(start, end, i);
        }
    }

    /// Notes why mission `i` was pushed; a push by the same rule as the last replaces it, so
    /// that a mission stepping through a crowded resource reads as one reason.
    pub(super) fn push(&mut self, i: usize, reason: Reason) {
        if !self.explain {
            return;
        }
        let reasons = &mut self.reasons[i];
        match reasons.last_mut() {
            Some(last) if last.same_rule(&reason) => *last = reason,
            _ => reasons.push(reason),
        }
    }

    pub(super) fn report(&mut self, positions: &[usize], reason: String) {
        let mut missions: Vec<MissionId> = positions
            .iter()
            .map(|&i| self.roadmap.missions[i].id.clone())
            .collect();
        missions.sort();
        self.unfixable.push(Unfixable { missions, reason });
    }

    /// A mission that stays where it is (fixed, flown, held back by a cycle, or not free to
    /// move in a fix) and now starts before a mission it depends on ends (plus the lag):
    /// reported, since moving it is not the scheduler's to do. Edges between missions held
    /// back by a cycle were reported with the cycle.
    pub(super) fn report_broken_fixed(&mut self) {
        let roadmap = self.roadmap;
        for i in 0..roadmap.missions.len() {
            if self.movable[i] || !self.links.takes_part[i] {
                continue;
            }
            let edges: Vec<(usize, i32)> = self.edges(i).collect();
            for (j, lag) in edges {
                if self.start[i] >= self.end[j] + lag || (self.held[i] && self.held[j]) {
                    continue;
                }
                let mission = &roadmap.missions[i];
                let what = if mission.status == MissionStatus::Flown {
                    "has flown"
                } else if mission.fixed {
                    "is fixed"
                } else {
                    "stays"
                };
                let after = self.earliest_reason(Some((j, lag))).describe(roadmap, i);
                let reason = format!("{} {what} at {}, but {after}", mission.name, mission.start);
                self.report(&[i, j], reason);
            }
        }
    }

    pub(super) fn finish(mut self) -> Schedule {
        let missions = &self.roadmap.missions;
        let moves = (0..missions.len())
            .filter(|&i| self.movable[i] && self.start[i] != day(missions[i].start))
            .map(|i| Move {
                position: i,
                from_start: missions[i].start,
                to_start: date(self.start[i]),
                from_end: missions[i].end,
                to_end: date(self.end[i]),
                reasons: std::mem::take(&mut self.reasons[i]),
            })
            .collect();
        Schedule {
            moves,
            unfixable: self.unfixable,
        }
    }
}

/// The first day from `start` inside one of the (sorted, joined) windows: `start` itself when
/// it is inside one, else the opening of the next; `None` when none opens later.
pub(super) fn next_window_start(windows: &[(i32, i32)], start: i32) -> Option<i32> {
    let after = windows.partition_point(|&(first, _)| first <= start);
    if after > 0 && windows[after - 1].1 >= start {
        return Some(start);
    }
    windows.get(after).map(|&(first, _)| first)
}

/// The missions `from` and every mission that depends on them, directly or not, by position.
pub(super) fn downstream(links: &Links, from: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut reached = vec![false; links.dependents.len()];
    let mut stack: Vec<usize> = from.into_iter().collect();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut reached[i], true) {
            stack.extend(links.dependents[i].iter().map(|&(k, _)| k));
        }
    }
    reached
}
