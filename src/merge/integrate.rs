//! Integrating the agencies' updates: the copies of one roadmap sent out and returned, each
//! edited by its agency, applied to the roadmap they were made from by the merge's own walk
//! ([`super::Merger`]) over the base and every update. A value one or more updates changed
//! alike is taken; where updates changed it differently (or one removed what another
//! changed) the base's value is kept and the conflict lists each update's value.

use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

use super::conflict::{Change, MergeConflict};
use super::walk::{Merger, Version};
use crate::model::{Mission, Roadmap};

/// A base, the updates made from it, and the conflicts between the updates.
#[derive(Clone, Debug)]
pub struct Integration {
    /// The base, then each update.
    versions: Vec<Version>,
    conflicts: Vec<MergeConflict>,
    /// Every change the updates make where they do not conflict.
    changes: Vec<Change>,
    /// The base with every update applied, the base's value kept at each conflict.
    integrated: Result<Roadmap, String>,
    /// For each update, how many entries it added, removed or changed.
    counts: Vec<usize>,
}

impl Integration {
    /// Applies `updates`, each made from `base`, to it.
    pub fn new(base: &Roadmap, updates: &[Roadmap]) -> Self {
        let mut versions = Vec::with_capacity(updates.len() + 1);
        versions.push(Version::of(base));
        versions.extend(updates.iter().map(Version::of));
        let mut merger = Merger::new(&|_| 0, 0).reviewing(&|_| true);
        let (rest, missions) = merger.roadmap(&versions);
        let integrated = merger.finish(rest, missions);
        let counts = (versions[1..].iter())
            .map(|update| changed_entries(&versions[0], update))
            .collect();
        let changes = merger
            .review
            .map(|review| review.changes)
            .unwrap_or_default();
        Self {
            versions,
            conflicts: merger.conflicts,
            changes,
            integrated,
            counts,
        }
    }

    /// The base with every update applied, the base's value wherever updates conflict.
    pub fn integrated(&self) -> Result<&Roadmap, &str> {
        self.integrated.as_ref().map_err(String::as_str)
    }

    /// The conflicts between updates, in the order of the roadmap; a conflict's `sides` are
    /// the updates' values, in the order the updates were given.
    pub fn conflicts(&self) -> &[MergeConflict] {
        &self.conflicts
    }

    /// Whether every change of every update was applied.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// Every change the updates make where they do not conflict, field by field (an entry
    /// added or removed is one change), in the order of the roadmap; a change's `sides` are
    /// the updates that made it.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// How many entries (missions, agencies, lanes, …, and the roadmap's own fields) each
    /// update added, removed or changed, in the order the updates were given.
    pub fn counts(&self) -> &[usize] {
        &self.counts
    }

    /// The base with the changes `accept` accepts (by position in [`Self::changes`]), and
    /// each conflict (by position in [`Self::conflicts`]) settled by the version `choose`
    /// gives: 0 the base, `k` the `k`-th update.
    pub fn resolved(
        &self,
        accept: impl Fn(usize) -> bool,
        choose: impl Fn(usize) -> usize,
    ) -> Result<Roadmap, String> {
        let mut merger = Merger::new(&choose, 0).reviewing(&accept);
        let (rest, missions) = merger.roadmap(&self.versions);
        merger.finish(rest, missions)
    }
}

/// Why `update` does not look made from `base`, if it does not: a different title, or most
/// of its missions unknown to the base. Its changes would then be a flood of additions and
/// removals rather than an agency's edits.
pub fn unrelated_update(base: &Roadmap, update: &Roadmap) -> Option<String> {
    if update.title.trim() != base.title.trim() {
        return Some(format!(
            "its title is “{}”, not the base's “{}”",
            update.title.trim(),
            base.title.trim()
        ));
    }
    let known: std::collections::HashSet<&str> =
        base.missions.iter().map(|m| m.id.as_str()).collect();
    let unknown = (update.missions.iter())
        .filter(|m| !known.contains(m.id.as_str()))
        .count();
    (unknown * 2 > update.missions.len()).then(|| {
        format!(
            "{unknown} of its {} missions are not in the base",
            update.missions.len()
        )
    })
}

/// How many entries `update` added, removed or changed relative to `base`: in each list of
/// entries with an id (missions, agencies, lanes, …) each one, and a list's order; each other
/// field of the roadmap that differs (its title, …) counts one.
fn changed_entries(base: &Version, update: &Version) -> usize {
    let missions = keyed_changes(&base.missions, &update.missions, mission_id);
    let empty = serde_json::Map::new();
    let [base, update] = [base, update].map(|v| v.rest.as_object().unwrap_or(&empty));
    let mut names: Vec<&String> = base.keys().collect();
    names.extend(update.keys().filter(|name| !base.contains_key(*name)));
    let rest: usize = (names.into_iter())
        .map(|name| match (base.get(name), update.get(name)) {
            (Some(Value::Array(b)), Some(Value::Array(u)))
                if b.iter().chain(u).all(|v| value_id(v).is_some()) =>
            {
                keyed_changes(b, u, value_id)
            }
            (b, u) => usize::from(b != u),
        })
        .sum();
    missions + rest
}

fn mission_id(mission: &Mission) -> Option<&str> {
    Some(mission.id.as_str())
}

fn value_id(value: &Value) -> Option<&str> {
    value.get("id").and_then(Value::as_str)
}

/// The entries of `update` added or changed relative to `base`, those removed, and one more
/// when the entries both have are in another order; entries matched by `key`.
fn keyed_changes<T: PartialEq>(base: &[T], update: &[T], key: fn(&T) -> Option<&str>) -> usize {
    let in_base = positions(base, key);
    let in_update = positions(update, key);
    let changed = (update.iter())
        .filter(|entry| {
            let found = key(entry).and_then(|id| in_base.get(id));
            found.is_none_or(|&k| &base[k] != *entry)
        })
        .count();
    let removed = (base.iter())
        .filter(|entry| key(entry).is_none_or(|id| !in_update.contains_key(id)))
        .count();
    let reordered = shared_order(base, key, &in_update) != shared_order(update, key, &in_base);
    changed + removed + usize::from(reordered)
}

/// Each entry's position, by its key.
fn positions<T>(list: &[T], key: fn(&T) -> Option<&str>) -> HashMap<&str, usize> {
    (list.iter().enumerate())
        .filter_map(|(k, entry)| key(entry).map(|id| (id, k)))
        .collect()
}

/// The keys of `list` that `other` has too, in `list`'s order.
fn shared_order<'a, T>(
    list: &'a [T],
    key: fn(&T) -> Option<&str>,
    other: &HashMap<&str, usize>,
) -> Vec<&'a str> {
    (list.iter().filter_map(key))
        .filter(|id| other.contains_key(id))
        .collect()
}
