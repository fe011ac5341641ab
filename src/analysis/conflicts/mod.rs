//! The conflict engine: every rule of DESIGN §3, each in the module named after what it checks.
//!
//! Everything works on day numbers (`i32`) and list indices, looked up once in an [`Index`], and
//! uses sorting and sweeps rather than day-by-day loops or all-pairs scans, so that a roadmap of
//! ten thousand missions is analysed within a frame.

mod dependencies;
mod occupancy;
mod overtaken;
mod references;
mod windows;

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Datelike, NaiveDate};

use super::{Conflict, ConflictKind};
use crate::model::{Mission, MissionStatus, Roadmap, id_positions};

/// Every conflict of the roadmap on `today`, sorted by kind, then missions (DESIGN §3, §4):
/// what [`find_conflicts`] finds, and the dates that `today` has overtaken. `today` is an
/// input, never the clock, so that a check gives the same answer on any day it is asked to.
pub fn find_conflicts_on(roadmap: &Roadmap, today: NaiveDate) -> Vec<Conflict> {
    analyse(roadmap, Some(today))
}

/// The conflicts that the roadmap has whatever the day: every rule but `date-overtaken`, sorted
/// by kind, then missions.
pub fn find_conflicts(roadmap: &Roadmap) -> Vec<Conflict> {
    analyse(roadmap, None)
}

fn analyse(roadmap: &Roadmap, today: Option<NaiveDate>) -> Vec<Conflict> {
    let index = Index::new(roadmap);
    let mut conflicts = Vec::new();
    references::check(&index, &mut conflicts);
    run_date_checks(&index, today, &Scope::All, &mut conflicts);
    conflicts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    conflicts
}

/// The checks whose outcome depends on dates, over `scope`.
fn run_date_checks(
    index: &Index,
    today: Option<NaiveDate>,
    scope: &Scope,
    conflicts: &mut Vec<Conflict>,
) {
    dependencies::check(index, scope, conflicts);
    occupancy::check(index, scope, conflicts);
    windows::check(index, scope, conflicts);
    if let Some(today) = today {
        overtaken::check(index, today, scope, conflicts);
    }
}

/// The conflicts after only the dates of the missions at positions `moved` changed (a drag, a
/// nudge, a typed date), from `previous`, the conflicts before the change on the same `today`
/// (`None`: as [`find_conflicts`]). Only what the moved missions touch is checked again: their
/// dependency edges, the resources they use, their lead agencies, their launch windows and
/// dates; the rest of `previous` stands. The result is the same as the full analysis; where a
/// moved mission's dates are or were backwards, which changes what takes part, it is the full
/// analysis.
pub fn find_conflicts_after_date_change(
    roadmap: &Roadmap,
    today: Option<NaiveDate>,
    mut previous: Vec<Conflict>,
    moved: &[usize],
) -> Vec<Conflict> {
    let index = Index::new(roadmap);
    let Some(touched) = Touched::new(&index, &previous, moved) else {
        return analyse(roadmap, today);
    };
    let named =
        |ids: &[crate::model::MissionId]| ids.iter().any(|id| touched.ids.contains(id.as_str()));
    // What the change cannot have touched stays, still in order.
    previous.retain(|c| match c.kind {
        ConflictKind::Dependency | ConflictKind::LaunchWindow | ConflictKind::DateOvertaken => {
            !named(&c.missions)
        }
        ConflictKind::ResourceOverbooked | ConflictKind::ResourceGap => c
            .resource
            .as_ref()
            .is_none_or(|r| !touched.resource_ids.contains(r.as_str())),
        ConflictKind::AgencyOvercommitted => c
            .agency
            .as_ref()
            .is_none_or(|a| !touched.agency_ids.contains(a.as_str())),
        ConflictKind::DependencyCycle
        | ConflictKind::UnknownReference
        | ConflictKind::DuplicateId
        | ConflictKind::InvalidDates => true,
    });
    let mut found = Vec::new();
    run_date_checks(&index, today, &Scope::Touching(&touched), &mut found);
    found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    merge_sorted(previous, found)
}

/// Two lists sorted by [`Conflict::sort_key`] as one, in linear time.
fn merge_sorted(kept: Vec<Conflict>, found: Vec<Conflict>) -> Vec<Conflict> {
    let mut merged = Vec::with_capacity(kept.len() + found.len());
    let mut found = found.into_iter().peekable();
    for conflict in kept {
        while let Some(next) = found.next_if(|f| f.sort_key() < conflict.sort_key()) {
            merged.push(next);
        }
        merged.push(conflict);
    }
    merged.extend(found);
    merged
}

/// What the date checks look at.
enum Scope<'t> {
    /// Everything.
    All,
    /// Only what moved missions touch.
    Touching(&'t Touched),
}

impl Scope<'_> {
    fn mission(&self, i: usize) -> bool {
        match self {
            Self::All => true,
            Self::Touching(t) => t.missions.contains(&i),
        }
    }

    fn resource(&self, r: usize) -> bool {
        match self {
            Self::All => true,
            Self::Touching(t) => t.resources.contains(&r),
        }
    }

    fn agency(&self, a: usize) -> bool {
        match self {
            Self::All => true,
            Self::Touching(t) => t.agencies.contains(&a),
        }
    }

    /// Whether cycles are to be found again (never for a date change: cycles do not depend
    /// on dates while what takes part stays the same).
    fn cycles(&self) -> bool {
        matches!(self, Self::All)
    }
}

/// The missions a date change moved (every mission sharing an id with one, since conflicts
/// name ids), and the resources and agencies they use or lead.
struct Touched {
    missions: FxHashSet<usize>,
    ids: FxHashSet<String>,
    resources: FxHashSet<usize>,
    resource_ids: FxHashSet<String>,
    agencies: FxHashSet<usize>,
    agency_ids: FxHashSet<String>,
}

impl Touched {
    /// `None` when a moved mission's dates are backwards, or were (an `invalid-dates` conflict
    /// of `previous` names it): what takes part changed, so everything is checked again.
    fn new(index: &Index, previous: &[Conflict], moved: &[usize]) -> Option<Self> {
        let roadmap = index.roadmap;
        let ids: FxHashSet<String> = moved
            .iter()
            .filter_map(|&i| roadmap.missions.get(i))
            .map(|m| m.id.to_string())
            .collect();
        let missions: FxHashSet<usize> = roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(_, m)| ids.contains(m.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        let backwards = missions.iter().any(|&i| {
            let m = &roadmap.missions[i];
            m.end < m.start
        });
        let were_backwards = previous.iter().any(|c| {
            c.kind == ConflictKind::InvalidDates
                && c.missions.iter().any(|id| ids.contains(id.as_str()))
        });
        if backwards || were_backwards {
            return None;
        }
        let mut resources = FxHashSet::default();
        let mut agencies = FxHashSet::default();
        for &i in &missions {
            let mission = &roadmap.missions[i];
            resources.extend(
                mission
                    .resources
                    .iter()
                    .filter_map(|r| index.resources.get(r.as_str()).copied()),
            );
            agencies.extend(index.lead_of[i]);
        }
        let resource_ids = resources
            .iter()
            .map(|&r| roadmap.resources[r].id.to_string())
            .collect();
        let agency_ids = agencies
            .iter()
            .map(|&a| roadmap.agencies[a].id.to_string())
            .collect();
        Some(Self {
            missions,
            ids,
            resources,
            resource_ids,
            agencies,
            agency_ids,
        })
    }
}

/// Lookups shared by the checks: ids to list positions, which missions take part, and each
/// mission's destination and lead resolved once.
struct Index<'r> {
    roadmap: &'r Roadmap,
    /// Position of the first mission with each id (later duplicates are reported, not used).
    missions: FxHashMap<&'r str, usize>,
    /// Mission ids used more than once, with how often, in order of first use.
    repeated_missions: Vec<(&'r str, usize)>,
    agencies: FxHashMap<&'r str, usize>,
    resources: FxHashMap<&'r str, usize>,
    /// Missions that take part in the checks: not cancelled, and not ending before they start.
    takes_part: Vec<bool>,
    /// Each mission's destination and lead agency, where they exist.
    destination_of: Vec<Option<usize>>,
    lead_of: Vec<Option<usize>>,
}

impl<'r> Index<'r> {
    fn new(roadmap: &'r Roadmap) -> Self {
        let (missions, repeated_missions) =
            id_positions(roadmap.missions.iter().map(|m| m.id.as_str()));
        let destinations = id_positions(roadmap.destinations.iter().map(|d| d.id.as_str())).0;
        let agencies = id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0;
        Self {
            roadmap,
            missions,
            repeated_missions,
            resources: id_positions(roadmap.resources.iter().map(|r| r.id.as_str())).0,
            takes_part: roadmap.missions.iter().map(takes_part).collect(),
            destination_of: roadmap
                .missions
                .iter()
                .map(|m| destinations.get(m.destination.as_str()).copied())
                .collect(),
            lead_of: roadmap
                .missions
                .iter()
                .map(|m| agencies.get(m.lead.as_str()).copied())
                .collect(),
            agencies,
        }
    }

    /// The missions that take part in the checks, with their positions.
    fn live_missions(&self) -> impl Iterator<Item = (usize, &'r Mission)> + '_ {
        self.roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.takes_part[*i])
    }
}

/// A cancelled mission takes part in no check; one with invalid dates only in `invalid-dates`.
fn takes_part(mission: &Mission) -> bool {
    mission.status != MissionStatus::Cancelled && mission.end >= mission.start
}

/// A date as a day number, for arithmetic and sweeps.
fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A day number back as a date. Day numbers here come from the file's four-digit-year dates and
/// move by at most one day, so they are always in chrono's range.
fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// "A", "A and B", "A, B and C": names in a sentence.
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 day", "3 days".
fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}
