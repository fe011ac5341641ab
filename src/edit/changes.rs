//! Building the changes for the edits the user can make.

use chrono::NaiveDate;

use super::{Change, Setup};
use crate::model::{Mission, Roadmap};

/// New dates for missions, given as `(index, start, end)`.
pub fn set_dates(roadmap: &Roadmap, dates: &[(usize, NaiveDate, NaiveDate)]) -> Vec<Change> {
    dates
        .iter()
        .filter_map(|&(index, start, end)| {
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

/// Removes the missions at `indices`, and every dependency on them from the missions that stay.
pub fn remove_missions(roadmap: &Roadmap, indices: &[usize]) -> Vec<Change> {
    let mut indices: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| i < roadmap.missions.len())
        .collect();
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
        changes.push(Change::Remove {
            index,
            mission: Box::new(roadmap.missions[index].clone()),
        });
    }
    changes
}

/// Merges `missions` into the roadmap by id: one with the id of a mission already there replaces
/// it (the first of a repeated id), the others are added at the end, in their order.
pub fn merge_missions(roadmap: &Roadmap, missions: &[Mission]) -> Vec<Change> {
    let position = crate::model::id_positions(roadmap.missions.iter().map(|m| m.id.as_str())).0;
    let mut changes = Vec::new();
    let mut next = roadmap.missions.len();
    for mission in missions {
        match position.get(mission.id.as_str()) {
            Some(&index) if roadmap.missions[index] != *mission => {
                changes.push(Change::Mission {
                    index,
                    before: Box::new(roadmap.missions[index].clone()),
                    after: Box::new(mission.clone()),
                });
            }
            Some(_) => {}
            None => {
                changes.push(Change::Insert {
                    index: next,
                    mission: Box::new(mission.clone()),
                });
                next += 1;
            }
        }
    }
    changes
}

/// The mission at `index` replaced by `after`; nothing when they are the same.
pub fn replace_mission(roadmap: &Roadmap, index: usize, after: Mission) -> Vec<Change> {
    match roadmap.missions.get(index) {
        Some(before) if *before != after => vec![Change::Mission {
            index,
            before: Box::new(before.clone()),
            after: Box::new(after),
        }],
        _ => Vec::new(),
    }
}

/// `mission` added at `index` (at the end when past it).
pub fn insert_mission(roadmap: &Roadmap, index: usize, mission: Mission) -> Vec<Change> {
    vec![Change::Insert {
        index: index.min(roadmap.missions.len()),
        mission: Box::new(mission),
    }]
}

/// Everything but the missions replaced by `after`; nothing when it is the same.
pub fn set_setup(roadmap: &Roadmap, after: Setup) -> Vec<Change> {
    let before = Setup::of(roadmap);
    if before == after {
        return Vec::new();
    }
    vec![Change::Setup {
        before: Box::new(before),
        after: Box::new(after),
    }]
}
