//! What the conflict checks read: the roadmap with its ids resolved to positions and its
//! missions' links worked out once, what a date change touched, and the day numbers and words
//! the checks work with.

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Datelike, NaiveDate};

use crate::analysis::{Conflict, ConflictKind};
use crate::model::{Mission, Roadmap, id_positions};

/// What the date checks look at.
pub(super) enum Scope<'t> {
    /// Everything.
    All,
    /// Only what moved missions touch.
    Touching(&'t Touched),
}

impl Scope<'_> {
    pub(super) fn resource(&self, r: usize) -> bool {
        match self {
            Self::All => true,
            Self::Touching(t) => t.resources.contains(&r),
        }
    }

    pub(super) fn agency(&self, a: usize) -> bool {
        match self {
            Self::All => true,
            Self::Touching(t) => t.agencies.contains(&a),
        }
    }
}

/// The missions a date change moved (every mission sharing an id with one, since conflicts
/// name ids), and the resources and agencies they use or lead.
pub(super) struct Touched {
    /// Positions, in order.
    pub(super) missions: Vec<usize>,
    pub(super) ids: FxHashSet<String>,
    pub(super) resources: FxHashSet<usize>,
    pub(super) resource_ids: FxHashSet<String>,
    pub(super) agencies: FxHashSet<usize>,
    pub(super) agency_ids: FxHashSet<String>,
}

impl Touched {
    /// `None` when a moved mission's dates are backwards, or were (an `invalid-dates` conflict
    /// of `previous` names it): what takes part changed, so everything is checked again.
    pub(super) fn new(index: &Index, previous: &[Conflict], moved: &[usize]) -> Option<Self> {
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
pub(super) struct Ids<'r> {
    /// Position of the first mission with each id (later duplicates are reported, not used).
    pub(super) missions: FxHashMap<&'r str, usize>,
    /// Mission ids used more than once, with how often, in order of first use.
    pub(super) repeated_missions: Vec<(&'r str, usize)>,
    pub(super) destinations: FxHashMap<&'r str, usize>,
    pub(super) agencies: FxHashMap<&'r str, usize>,
    pub(super) resources: FxHashMap<&'r str, usize>,
}

impl<'r> Ids<'r> {
    pub(super) fn new(roadmap: &'r Roadmap) -> Self {
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
    pub(super) users: Vec<Vec<usize>>,
    /// For each agency, the missions taking part that it leads.
    pub(super) led: Vec<Vec<usize>>,
    /// For each mission whose id others share, all the missions with that id.
    twins: FxHashMap<usize, Vec<usize>>,
}

impl Links {
    /// The links of `roadmap`'s missions.
    pub(in crate::analysis) fn of(roadmap: &Roadmap) -> Self {
        Self::new(roadmap, &Ids::new(roadmap))
    }

    pub(super) fn new(roadmap: &Roadmap, ids: &Ids) -> Self {
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
pub(super) struct Index<'r> {
    pub(super) roadmap: &'r Roadmap,
    pub(super) links: &'r Links,
}

impl<'r> Index<'r> {
    /// The missions that take part in the checks, with their positions.
    pub(super) fn live_missions(&self) -> impl Iterator<Item = (usize, &'r Mission)> + '_ {
        self.roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.links.takes_part[*i])
    }

    /// The missions taking part that `scope` covers: every one, or the touched ones.
    pub(super) fn missions_in<'s>(
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

/// A cancelled or paused mission takes part in no check; one with invalid dates only in
/// `invalid-dates`.
pub(super) fn takes_part(mission: &Mission) -> bool {
    !mission.status.is_set_aside() && mission.end >= mission.start
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
