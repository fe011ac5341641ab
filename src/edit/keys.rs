//! Mission keys: how everything outside the roadmap (selection, drags, the inspector, conflict
//! focus) names a mission. A position shifts when a mission before it is inserted or removed, and
//! an id can repeat in a broken file; a key does neither.

use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

/// Names one mission of an open document for as long as it is open: it survives inserts,
/// deletes, undo and redo, and no two missions ever share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MissionKey(u64);

impl MissionKey {
    /// A key no mission has had: unique across documents too, so a key kept by a panel never
    /// names a mission of a roadmap opened since.
    pub fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The keys of a roadmap's missions, in the order of its mission list.
#[derive(Clone, Debug, Default)]
pub struct MissionKeys {
    order: Vec<MissionKey>,
    positions: FxHashMap<MissionKey, usize>,
}

impl MissionKeys {
    /// Fresh keys for `count` missions.
    pub(super) fn fresh(count: usize) -> Self {
        let mut keys = Self {
            order: (0..count).map(|_| MissionKey::fresh()).collect(),
            positions: FxHashMap::default(),
        };
        keys.reindex();
        keys
    }

    /// The key of the mission at `position`.
    pub fn at(&self, position: usize) -> Option<MissionKey> {
        self.order.get(position).copied()
    }

    /// Where the mission with `key` is in the list, while it is there.
    pub fn position(&self, key: MissionKey) -> Option<usize> {
        self.positions.get(&key).copied()
    }

    /// Whether a mission with `key` is in the list.
    pub fn contains(&self, key: MissionKey) -> bool {
        self.positions.contains_key(&key)
    }

    /// Every key, in list order.
    pub fn all(&self) -> &[MissionKey] {
        &self.order
    }

    /// The positions of the missions with these keys that are in the list, in key order.
    pub fn positions<'a>(&self, keys: impl IntoIterator<Item = &'a MissionKey>) -> Vec<usize> {
        keys.into_iter().filter_map(|&k| self.position(k)).collect()
    }

    pub(super) fn insert(&mut self, position: usize, key: MissionKey) {
        let position = position.min(self.order.len());
        self.order.insert(position, key);
    }

    pub(super) fn remove(&mut self, position: usize) {
        if position < self.order.len() {
            self.order.remove(position);
        }
    }

    /// Brings the position lookup up to date after inserts and removes: once per step, not once
    /// per change, so deleting thousands of missions stays linear.
    pub(super) fn reindex(&mut self) {
        self.positions.clear();
        self.positions
            .extend(self.order.iter().enumerate().map(|(i, &k)| (k, i)));
    }
}
