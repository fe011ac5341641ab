//! The conflict engine: every rule of DESIGN §3, each in the module named after what it checks.
//!
//! Everything works on day numbers (`i32`) and list indices, looked up once in an [`Index`], and
//! uses sorting and sweeps rather than day-by-day loops or all-pairs scans, so that a roadmap of
//! ten thousand missions is analysed within a frame.

mod dependencies;
mod index;
mod occupancy;
mod overtaken;
mod references;
mod windows;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{Conflict, ConflictKind};
use crate::model::Roadmap;
pub(in crate::analysis) use dependencies::cyclic_groups;
use index::{Ids, Index, Scope, Touched};
pub(in crate::analysis) use index::{Links, date, day, days, name_list};
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
