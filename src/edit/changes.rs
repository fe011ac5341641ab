//! The builders for the edits the user can make: each gives the changes that make the edit.
//!
//! Builders take missions by key and turn them into positions against the document as it is
//! when the edit is applied, so an edit asked for earlier in a frame never lands on a neighbour.

use chrono::NaiveDate;

use super::change::Change;
use super::document::Document;
use super::keys::MissionKey;
use super::setup::Setup;
use crate::model::{Mission, Roadmap};

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
