//! The invertible changes a step is made of, applied and reverted on a roadmap and its keys.

use super::keys::{MissionKey, MissionKeys};
use super::setup::Setup;
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
