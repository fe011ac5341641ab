//! The invertible changes a step is made of, and the builders for the edits the user can make.
//!
//! Builders take missions by key and turn them into positions against the document as it is
//! when the edit is applied, so an edit asked for earlier in a frame never lands on a neighbour.

use chrono::NaiveDate;

use super::keys::{MissionKey, MissionKeys};
use super::{Document, Setup};
use crate::model::{Mission, Roadmap};

/// One invertible change. Positions are those of the list as the step replays: a step's changes
/// are always applied in order (and reverted in reverse) to the same roadmap.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The mission at `index` goes from `before` to `after`.
    Mission {
        /// Position in the mission list.
        index: usize,
        /// The mission before the change.
        before: Box<Mission>,
        /// The mission after the change.
        after: Box<Mission>,
    },
    /// `mission` is put into the list at `index`, under `key`.
    Insert {
        /// Position in the mission list.
        index: usize,
        /// The key it has while it is in the list.
        key: MissionKey,
        /// The mission inserted.
        mission: Box<Mission>,
    },
    /// Everything but the missions goes from `before` to `after`.
    Setup {
        /// The setup before the change.
        before: Box<Setup>,
        /// The setup after the change.
        after: Box<Setup>,
    },
    /// `mission`, under `key`, is taken out of the list at `index`.
    Remove {
        /// Position in the mission list.
        index: usize,
        /// The key it had, and has again when the removal is undone.
        key: MissionKey,
        /// The mission removed.
        mission: Box<Mission>,
    },
}

impl Change {
    pub(super) fn apply(&self, roadmap: &mut Roadmap, keys: &mut MissionKeys) {
        match self {
            Self::Mission { index, after, .. } => set(roadmap, *index, after),
            Self::Insert {
                index,
                key,
                mission,
            } => insert(roadmap, keys, *index, *key, mission),
            Self::Setup { after, .. } => after.put(roadmap),
            Self::Remove { index, .. } => remove(roadmap, keys, *index),
        }
    }

    pub(super) fn revert(&self, roadmap: &mut Roadmap, keys: &mut MissionKeys) {
        match self {
            Self::Mission { index, before, .. } => set(roadmap, *index, before),
            Self::Insert { index, .. } => remove(roadmap, keys, *index),
            Self::Setup { before, .. } => before.put(roadmap),
            Self::Remove {
                index,
                key,
                mission,
            } => insert(roadmap, keys, *index, *key, mission),
        }
    }

    /// Whether the change moves missions in the list (rather than changing one in place).
    pub(super) fn reorders(&self) -> bool {
        matches!(self, Self::Insert { .. } | Self::Remove { .. })
    }

    /// Folds `next` into this change when both change the same thing in place, so a colour
    /// dragged for a second is one change from the first colour to the last, not sixty.
    pub(super) fn absorb(&mut self, next: &Self) -> bool {
        match (self, next) {
            (Self::Setup { after, .. }, Self::Setup { after: next, .. }) => {
                after.clone_from(next);
                true
            }
            (
                Self::Mission { index, after, .. },
                Self::Mission {
                    index: next_index,
                    after: next,
                    ..
                },
            ) if index == next_index => {
                after.clone_from(next);
                true
            }
            _ => false,
        }
    }
}

fn set(roadmap: &mut Roadmap, index: usize, mission: &Mission) {
    if let Some(slot) = roadmap.missions.get_mut(index) {
        slot.clone_from(mission);
    }
}

fn insert(
    roadmap: &mut Roadmap,
    keys: &mut MissionKeys,
    index: usize,
    key: MissionKey,
    mission: &Mission,
) {
    let index = index.min(roadmap.missions.len());
    roadmap.missions.insert(index, mission.clone());
    keys.insert(index, key);
}

fn remove(roadmap: &mut Roadmap, keys: &mut MissionKeys, index: usize) {
    if index < roadmap.missions.len() {
        roadmap.missions.remove(index);
        keys.remove(index);
    }
}

/// New dates for missions, given as `(key, start, end)`; missions no longer there are skipped.
pub fn set_dates(document: &Document, dates: &[(MissionKey, NaiveDate, NaiveDate)]) -> Vec<Change> {
    let roadmap = document.roadmap();
    dates
        .iter()
        .filter_map(|&(key, start, end)| {
            let index = document.keys().position(key)?;
            let before = roadmap.missions.get(index)?;
            let mut after = before.clone();
            (after.start, after.end) = (start, end);
            (after != *before).then(|| Change::Mission {
                index,
                before: Box::new(before.clone()),
                after: Box::new(after),
            })
        })
        .collect()
}

/// Removes the missions with these keys, and every dependency on them from the missions that
/// stay.
pub fn remove_missions(document: &Document, removed: &[MissionKey]) -> Vec<Change> {
    let roadmap = document.roadmap();
    let mut indices = document.keys().positions(removed);
    indices.sort_unstable();
    indices.dedup();
    let removed_ids: Vec<&str> = indices
        .iter()
        .map(|&i| roadmap.missions[i].id.as_str())
        .collect();
    // Other missions named by id as removed ones stay, so only drop references to ids that no
    // remaining mission has.
    let remaining_ids: std::collections::HashSet<&str> = roadmap
        .missions
        .iter()
        .enumerate()
        .filter(|(i, _)| indices.binary_search(i).is_err())
        .map(|(_, m)| m.id.as_str())
        .collect();
    let gone = |id: &str| removed_ids.contains(&id) && !remaining_ids.contains(id);
    let mut changes = Vec::new();
    for (index, mission) in roadmap.missions.iter().enumerate() {
        if indices.binary_search(&index).is_ok()
            || !mission.depends_on.iter().any(|d| gone(d.mission.as_str()))
        {
            continue;
        }
        let mut after = mission.clone();
        after.depends_on.retain(|d| !gone(d.mission.as_str()));
        changes.push(Change::Mission {
            index,
            before: Box::new(mission.clone()),
            after: Box::new(after),
        });
    }
    // Highest index first, so earlier positions stay valid; undo reinserts lowest first.
    for &index in indices.iter().rev() {
        if let Some(key) = document.keys().at(index) {
            changes.push(Change::Remove {
                index,
                key,
                mission: Box::new(roadmap.missions[index].clone()),
            });
        }
    }
    changes
}

/// Merges missions read from a table into the roadmap by id: one with the id of a mission
/// already there replaces it (the first of a repeated id), the others are added at the end, in
/// their order. The table has no `fixed` or start-estimate column, so a replaced mission keeps them.
pub fn merge_missions(roadmap: &Roadmap, missions: &[Mission]) -> Vec<Change> {
    let position = crate::model::id_positions(roadmap.missions.iter().map(|m| m.id.as_str())).0;
    let mut changes = Vec::new();
    let mut next = roadmap.missions.len();
    for mission in missions {
        match position.get(mission.id.as_str()) {
            Some(&index) => {
                let before = &roadmap.missions[index];
                let after = Mission {
                    fixed: before.fixed,
                    start_estimate: before.start_estimate,
                    ..mission.clone()
                };
                if *before != after {
                    changes.push(Change::Mission {
                        index,
                        before: Box::new(before.clone()),
                        after: Box::new(after),
                    });
                }
            }
            None => {
                changes.push(Change::Insert {
                    index: next,
                    key: MissionKey::fresh(),
                    mission: Box::new(mission.clone()),
                });
                next += 1;
            }
        }
    }
    changes
}

/// The mission with `key` replaced by `after`; nothing when they are the same or it is gone.
pub fn replace_mission(document: &Document, key: MissionKey, after: Mission) -> Vec<Change> {
    let Some(index) = document.keys().position(key) else {
        return Vec::new();
    };
    match document.roadmap().missions.get(index) {
        Some(before) if *before != after => vec![Change::Mission {
            index,
            before: Box::new(before.clone()),
            after: Box::new(after),
        }],
        _ => Vec::new(),
    }
}

/// `mission` added at `index` (at the end when past it) under `key`.
pub fn insert_mission(
    roadmap: &Roadmap,
    index: usize,
    key: MissionKey,
    mission: Mission,
) -> Vec<Change> {
    vec![Change::Insert {
        index: index.min(roadmap.missions.len()),
        key,
        mission: Box::new(mission),
    }]
}

/// Everything but the missions replaced by `after`; nothing when it is the same.
pub fn set_setup(roadmap: &Roadmap, after: Setup) -> Vec<Change> {
    if after.is_of(roadmap) {
        return Vec::new();
    }
    vec![Change::Setup {
        before: Box::new(Setup::of(roadmap)),
        after: Box::new(after),
    }]
}

/// The roadmap made `after`: its setup, and its missions by position where the list keeps its
/// length (each mission keeps its key), else every mission replaced.
pub fn replace_roadmap(document: &Document, after: &Roadmap) -> Vec<Change> {
    let before = document.roadmap();
    let mut changes = set_setup(before, Setup::of(after));
    if before.missions.len() == after.missions.len() {
        changes.extend(
            before
                .missions
                .iter()
                .zip(&after.missions)
                .enumerate()
                .filter(|(_, (was, now))| was != now)
                .map(|(index, (was, now))| Change::Mission {
                    index,
                    before: Box::new(was.clone()),
                    after: Box::new(now.clone()),
                }),
        );
        return changes;
    }
    let keys = document.keys();
    changes.extend(
        before
            .missions
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(index, mission)| {
                Some(Change::Remove {
                    index,
                    key: keys.at(index)?,
                    mission: Box::new(mission.clone()),
                })
            }),
    );
    changes.extend(
        after
            .missions
            .iter()
            .enumerate()
            .map(|(index, mission)| Change::Insert {
                index,
                key: MissionKey::fresh(),
                mission: Box::new(mission.clone()),
            }),
    );
    changes
}
