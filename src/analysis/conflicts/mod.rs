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
pub(in crate::analysis) use dependencies::cyclic_groups;
pub(in crate::analysis) use windows::merged_windows;

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
    LiveConflicts::new(roadmap, today).conflicts
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

/// The conflicts of a roadmap on a day, kept up to date while only dates change (the frames of
/// a drag, a nudge, a typed date): then only what the moved missions touch is checked again,
/// with the links between missions worked out for the last full analysis.
#[derive(Clone, Debug)]
pub struct LiveConflicts {
    pub(in crate::analysis) today: Option<NaiveDate>,
    pub(in crate::analysis) links: Links,
    conflicts: Vec<Conflict>,
}

impl LiveConflicts {
    /// Every conflict of `roadmap` on `today` (`None`: as [`find_conflicts`]).
    pub fn new(roadmap: &Roadmap, today: Option<NaiveDate>) -> Self {
        let ids = Ids::new(roadmap);
        let links = Links::new(roadmap, &ids);
        let index = Index {
            roadmap,
            links: &links,
        };
        let mut conflicts = Vec::new();
        references::check(&index, &ids, &mut conflicts);
        run_date_checks(&index, today, &Scope::All, &mut conflicts);
        conflicts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Self {
            today,
            links,
            conflicts,
        }
    }

    /// The conflicts, sorted by kind, then missions.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Takes in that `roadmap` differs from the one analysed only by the dates of the
    /// missions at positions `moved`. Only what they touch is checked again: their dependency
    /// edges, the resources they use, their lead agencies, their launch windows and dates; the
    /// rest stands. The result is the same as the full analysis; where a moved mission's dates
    /// are or were backwards, which changes what takes part, it is the full analysis.
    ///
    /// Returns what changed: `None` when everything was checked again, else the conflicts
    /// gone and the new ones.
    pub fn dates_changed(&mut self, roadmap: &Roadmap, moved: &[usize]) -> Option<ConflictChanges> {
        let index = Index {
            roadmap,
            links: &self.links,
        };
        let Some(touched) = Touched::new(&index, &self.conflicts, moved) else {
            *self = Self::new(roadmap, self.today);
            return None;
        };
        let named = |ids: &[crate::model::MissionId]| {
            ids.iter().any(|id| touched.ids.contains(id.as_str()))
        };
        // What the change may have touched is checked again; the rest stays where it is, in
        // order.
        let checked_again: Vec<Conflict> = self
            .conflicts
            .extract_if(.., |c| match c.kind {
                ConflictKind::Dependency
                | ConflictKind::LaunchWindow
                | ConflictKind::DateOvertaken => named(&c.missions),
                ConflictKind::ResourceOverbooked | ConflictKind::ResourceGap => c
                    .resource
                    .as_ref()
                    .is_some_and(|r| touched.resource_ids.contains(r.as_str())),
                ConflictKind::AgencyOvercommitted => c
                    .agency
                    .as_ref()
                    .is_some_and(|a| touched.agency_ids.contains(a.as_str())),
                ConflictKind::DependencyCycle
                | ConflictKind::UnknownReference
                | ConflictKind::DuplicateId
                | ConflictKind::InvalidDates => false,
            })
            .collect();
        let mut found = Vec::new();
        run_date_checks(&index, self.today, &Scope::Touching(&touched), &mut found);
        found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let changes = ConflictChanges::between(checked_again, &found);
        insert_sorted(&mut self.conflicts, found);
        Some(changes)
    }
}

/// What a date change did to the conflicts: those gone, and the new ones (those found again
/// as they were are in neither).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConflictChanges {
    /// Conflicts no longer there.
    pub gone: Vec<Conflict>,
    /// Conflicts there now that were not before.
    pub new: Vec<Conflict>,
}

impl ConflictChanges {
    fn between(before: Vec<Conflict>, after: &[Conflict]) -> Self {
        let mut unmatched: FxHashMap<&Conflict, usize> = FxHashMap::default();
        for conflict in after {
            *unmatched.entry(conflict).or_default() += 1;
        }
        let mut gone = Vec::new();
        for conflict in before {
            match unmatched.get_mut(&conflict) {
                Some(count) if *count > 0 => *count -= 1,
                _ => gone.push(conflict),
            }
        }
        let mut new = Vec::new();
        for conflict in after {
            if let Some(count) = unmatched.get_mut(conflict)
                && *count > 0
            {
                *count -= 1;
                new.push(conflict.clone());
            }
        }
        Self { gone, new }
    }
}

/// Puts `found` into `conflicts`, both sorted by [`Conflict::sort_key`], where each belongs.
/// A drag frame finds a handful of conflicts among thousands kept: each is placed by a binary
/// search, and the kept ones are moved in blocks, never compared one by one.
fn insert_sorted(conflicts: &mut Vec<Conflict>, found: Vec<Conflict>) {
    let places: Vec<usize> = found
        .iter()
        .map(|f| conflicts.partition_point(|c| c.sort_key() <= f.sort_key()))
        .collect();
    let mut placed_from = conflicts.len();
    conflicts.extend(found);
    // Back to front. Before each step the found conflicts not yet placed lie just before the
    // kept ones placed already, from `placed_from` on; swapping them with the kept ones that
    // belong after the last of them puts that one in its place.
    for (j, &place) in places.iter().enumerate().rev() {
        conflicts[place..placed_from + j + 1].rotate_left(placed_from - place);
        placed_from = place;
    }
}

/// What the date checks look at.
enum Scope<'t> {
    /// Everything.
    All,
    /// Only what moved missions touch.
    Touching(&'t Touched),
}

impl Scope<'_> {
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
}

/// The missions a date change moved (every mission sharing an id with one, since conflicts
/// name ids), and the resources and agencies they use or lead.
struct Touched {
    /// Positions, in order.
    missions: Vec<usize>,
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
        let links = index.links;
        let mut missions: Vec<usize> = moved
            .iter()
            .filter(|&&i| i < roadmap.missions.len())
            .flat_map(|&i| links.twins.get(&i).map_or(&[i][..], Vec::as_slice).to_vec())
            .collect();
        missions.sort_unstable();
        missions.dedup();
        let ids: FxHashSet<String> = missions
            .iter()
            .map(|&i| roadmap.missions[i].id.to_string())
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
            resources.extend(links.resources_of[i].iter().copied());
            agencies.extend(links.lead_of[i]);
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

/// Ids to list positions: what references resolve through.
struct Ids<'r> {
    /// Position of the first mission with each id (later duplicates are reported, not used).
    missions: FxHashMap<&'r str, usize>,
    /// Mission ids used more than once, with how often, in order of first use.
    repeated_missions: Vec<(&'r str, usize)>,
    destinations: FxHashMap<&'r str, usize>,
    agencies: FxHashMap<&'r str, usize>,
    resources: FxHashMap<&'r str, usize>,
}

impl<'r> Ids<'r> {
    fn new(roadmap: &'r Roadmap) -> Self {
        let (missions, repeated_missions) =
            id_positions(roadmap.missions.iter().map(|m| m.id.as_str()));
        Self {
            missions,
            repeated_missions,
            destinations: id_positions(roadmap.destinations.iter().map(|d| d.id.as_str())).0,
            agencies: id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0,
            resources: id_positions(roadmap.resources.iter().map(|r| r.id.as_str())).0,
        }
    }
}

/// How missions are linked, by position: what does not change while only dates do (as long
/// as no mission's dates turn backwards), so it is worked out once per full analysis.
#[derive(Clone, Debug, Default)]
pub(in crate::analysis) struct Links {
    /// Missions that take part in the checks: not cancelled, and not ending before they start.
    pub(in crate::analysis) takes_part: Vec<bool>,
    /// Each mission's destination and lead agency, where they exist.
    pub(in crate::analysis) destination_of: Vec<Option<usize>>,
    pub(in crate::analysis) lead_of: Vec<Option<usize>>,
    /// Each mission's resources that exist, each once.
    pub(in crate::analysis) resources_of: Vec<Vec<usize>>,
    /// For each mission, the missions taking part that it depends on, with the lag (empty for
    /// one that does not take part). A dependency on a cancelled mission is satisfied; one on
    /// an unknown id is an `unknown-reference`.
    pub(in crate::analysis) depends_on: Vec<Vec<(usize, i32)>>,
    /// The same edges the other way: for each mission, those that depend on it.
    pub(in crate::analysis) dependents: Vec<Vec<(usize, i32)>>,
    /// For each resource, the missions taking part that use it.
    users: Vec<Vec<usize>>,
    /// For each agency, the missions taking part that it leads.
    led: Vec<Vec<usize>>,
    /// For each mission whose id others share, all the missions with that id.
    twins: FxHashMap<usize, Vec<usize>>,
}

impl Links {
    /// The links of `roadmap`'s missions.
    pub(in crate::analysis) fn of(roadmap: &Roadmap) -> Self {
        Self::new(roadmap, &Ids::new(roadmap))
    }

    fn new(roadmap: &Roadmap, ids: &Ids) -> Self {
        let missions = &roadmap.missions;
        let takes_part: Vec<bool> = missions.iter().map(takes_part).collect();
        let resources_of: Vec<Vec<usize>> = missions
            .iter()
            .map(|m| {
                let mut used: Vec<usize> = m
                    .resources
                    .iter()
                    .filter_map(|r| ids.resources.get(r.as_str()).copied())
                    .collect();
                // A mission that names a resource twice still uses it once.
                used.sort_unstable();
                used.dedup();
                used
            })
            .collect();
        let lead_of: Vec<Option<usize>> = missions
            .iter()
            .map(|m| ids.agencies.get(m.lead.as_str()).copied())
            .collect();
        let mut depends_on = vec![Vec::new(); missions.len()];
        let mut dependents = vec![Vec::new(); missions.len()];
        let mut users = vec![Vec::new(); roadmap.resources.len()];
        let mut led = vec![Vec::new(); roadmap.agencies.len()];
        for (i, mission) in missions.iter().enumerate().filter(|(i, _)| takes_part[*i]) {
            depends_on[i] = mission
                .depends_on
                .iter()
                .filter_map(|d| Some((*ids.missions.get(d.mission.as_str())?, d.lag_days)))
                .filter(|&(j, _)| takes_part[j])
                .collect();
            for &(j, lag) in &depends_on[i] {
                dependents[j].push((i, lag));
            }
            for &r in &resources_of[i] {
                users[r].push(i);
            }
            if let Some(a) = lead_of[i] {
                led[a].push(i);
            }
        }
        let mut twins = FxHashMap::default();
        for &(id, _) in &ids.repeated_missions {
            let same: Vec<usize> = (0..missions.len())
                .filter(|&i| missions[i].id.as_str() == id)
                .collect();
            for &i in &same {
                twins.insert(i, same.clone());
            }
        }
        Self {
            destination_of: missions
                .iter()
                .map(|m| ids.destinations.get(m.destination.as_str()).copied())
                .collect(),
            takes_part,
            lead_of,
            resources_of,
            depends_on,
            dependents,
            users,
            led,
            twins,
        }
    }
}

/// What the checks read: the roadmap, and how its missions are linked.
struct Index<'r> {
    roadmap: &'r Roadmap,
    links: &'r Links,
}

impl<'r> Index<'r> {
    /// The missions that take part in the checks, with their positions.
    fn live_missions(&self) -> impl Iterator<Item = (usize, &'r Mission)> + '_ {
        self.roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.links.takes_part[*i])
    }

    /// The missions taking part that `scope` covers: every one, or the touched ones.
    fn missions_in<'s>(
        &'s self,
        scope: &'s Scope,
    ) -> Box<dyn Iterator<Item = (usize, &'r Mission)> + 's> {
        match scope {
            Scope::All => Box::new(self.live_missions()),
            Scope::Touching(touched) => Box::new(
                touched
                    .missions
                    .iter()
                    .filter(|&&i| self.links.takes_part[i])
                    .map(|&i| (i, &self.roadmap.missions[i])),
            ),
        }
    }
}

/// A cancelled mission takes part in no check; one with invalid dates only in `invalid-dates`.
fn takes_part(mission: &Mission) -> bool {
    mission.status != MissionStatus::Cancelled && mission.end >= mission.start
}

/// A date as a day number, for arithmetic and sweeps.
pub(in crate::analysis) fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A day number back as a date. Day numbers here come from the file's four-digit-year dates and
/// move by at most one day, so they are always in chrono's range.
pub(in crate::analysis) fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// "A", "A and B", "A, B and C": names in a sentence.
pub(in crate::analysis) fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 day", "3 days".
pub(in crate::analysis) fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}
