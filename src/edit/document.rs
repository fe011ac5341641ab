//! A roadmap being edited: its missions' keys, the selection, the bounded undo history, and
//! what was last saved.

use std::cell::Cell;
use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use super::change::Change;
use super::keys::{MissionKey, MissionKeys};
use crate::model::{Mission, Roadmap};

/// Undo keeps at most this many steps; the oldest are forgotten first. A step holds only what
/// it changed (one mission, or the roadmap minus its missions), so even the full history of a
/// long meeting stays a few megabytes.
pub const MAX_UNDO_STEPS: usize = 10_000;

/// A generation no document has had: unique across documents, so that a cache keyed by it
/// never takes a roadmap just opened for the one before.
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A recorded edit: what the Edit menu calls it, its changes in the order applied, and the
/// selection on either side of it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    changes: Vec<Change>,
    selection_before: BTreeSet<MissionKey>,
    /// Taken when the step is undone, given back when it is redone.
    selection_after: BTreeSet<MissionKey>,
}

/// A roadmap being edited, with its history.
#[derive(Clone, Debug)]
pub struct Document {
    /// Shared with background work that reads it (saving, the outlook, Resolve all); an edit
    /// while it is shared changes a copy.
    roadmap: Arc<Roadmap>,
    keys: MissionKeys,
    selection: BTreeSet<MissionKey>,
    /// New whenever the selection may have changed.
    selection_version: u64,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// The roadmap as last saved, or as opened or made.
    saved: Arc<Roadmap>,
    /// Whether `saved` is what is on disk (a roadmap just made is on no disk: it is modified).
    on_disk: bool,
    /// New after every change, gestures included: whoever caches results of the roadmap
    /// (conflicts, layout, whether it is modified) recomputes when it moves.
    generation: u64,
    /// Whether the roadmap differs from `saved`, as of a generation.
    modified: Cell<Option<(u64, bool)>>,
    /// Missions (by position) as they were when the gesture under way began.
    gesture: Option<Vec<(usize, Mission)>>,
    /// During a gesture: whether the roadmap differs from `saved` outside the gesture's
    /// missions, as of how many missions the gesture held.
    rest_modified: Cell<Option<(usize, bool)>>,
    /// Tells this document from every other one, the same roadmap reopened included.
    id: u64,
    /// When the last change was only new dates (a frame of a drag): the generation before it,
    /// and the positions of the missions whose dates changed.
    dates_only: Option<(u64, Vec<usize>)>,
}

impl Document {
    /// A document for a roadmap just opened (or made): no history, nothing selected, and not
    /// modified when `saved` (it is what is on disk).
    pub fn new(roadmap: Roadmap, saved: bool) -> Self {
        Self::of_shared(Arc::new(roadmap), saved)
    }

    fn of_shared(roadmap: Arc<Roadmap>, saved: bool) -> Self {
        let keys = MissionKeys::fresh(roadmap.missions.len());
        Self {
            saved: Arc::clone(&roadmap),
            on_disk: saved,
            roadmap,
            keys,
            selection: BTreeSet::new(),
            selection_version: 0,
            undo: VecDeque::new(),
            redo: Vec::new(),
            generation: next_generation(),
            modified: Cell::new(None),
            gesture: None,
            rest_modified: Cell::new(None),
            id: next_generation(),
            dates_only: None,
        }
    }

    /// Tells this document from every other one: work started for one (a save) is not taken
    /// for another opened, discarded or restored since.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The roadmap as last saved (or as made, for one never saved), with no history: what
    /// Discard leaves.
    pub fn discarded(&self) -> Self {
        Self::of_shared(Arc::clone(&self.saved), self.on_disk)
    }

    /// The roadmap as last saved, or as opened or made.
    pub fn saved(&self) -> &Roadmap {
        &self.saved
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    /// The roadmap as it is now, to hand to work off the UI thread: shared, not copied.
    pub fn snapshot(&self) -> Arc<Roadmap> {
        Arc::clone(&self.roadmap)
    }

    /// The keys of its missions.
    pub fn keys(&self) -> &MissionKeys {
        &self.keys
    }

    /// The mission with `key`, while it is there.
    pub fn mission(&self, key: MissionKey) -> Option<&Mission> {
        self.roadmap.missions.get(self.keys.position(key)?)
    }

    /// Changes whenever the roadmap does, and differs between documents.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// When the roadmap differs from what it was at `generation` only by the dates of some
    /// missions (the last change was a frame of a drag): their positions, so that conflicts
    /// can be updated for just those.
    pub fn dates_changed_since(&self, generation: u64) -> Option<&[usize]> {
        match &self.dates_only {
            Some((from, moved)) if *from == generation => Some(moved),
            _ => None,
        }
    }

    /// A new generation after any change but new dates in a gesture.
    fn changed(&mut self) {
        self.generation = next_generation();
        self.dates_only = None;
    }

    /// The selected missions: always missions that are there.
    pub fn selection(&self) -> &BTreeSet<MissionKey> {
        &self.selection
    }

    /// A number that changes whenever the selection may have (with the generation, it says
    /// when what is drawn of the selection must be worked out again).
    pub fn selection_version(&self) -> u64 {
        self.selection_version
    }

    /// Selects these missions (those no longer there are left out). Not an edit: it is not
    /// undone, but each step remembers the selection it was made with.
    pub fn select(&mut self, keys: impl IntoIterator<Item = MissionKey>) {
        self.selection_version += 1;
        self.selection = keys
            .into_iter()
            .filter(|&k| self.keys.contains(k))
            .collect();
    }

    /// Whether the roadmap differs, by value, from what was last saved: an edit and its
    /// opposite leave it unmodified.
    pub fn is_modified(&self) -> bool {
        if let Some((generation, modified)) = self.modified.get()
            && generation == self.generation
        {
            return modified;
        }
        let modified = !self.on_disk
            || match &self.gesture {
                Some(gesture) => self.modified_in_gesture(gesture),
                None => !Arc::ptr_eq(&self.saved, &self.roadmap) && self.saved != self.roadmap,
            };
        self.modified.set(Some((self.generation, modified)));
        modified
    }

    /// [`Document::is_modified`] on a frame of a gesture, which changes only the missions it
    /// holds: the rest of the roadmap is compared once per gesture, not on every frame.
    fn modified_in_gesture(&self, gesture: &[(usize, Mission)]) -> bool {
        let (saved, now) = (&self.saved.missions, &self.roadmap.missions);
        if saved.len() != now.len() {
            return true;
        }
        let rest = match self.rest_modified.get() {
            Some((missions, rest)) if missions == gesture.len() => rest,
            _ => {
                let mut in_gesture = vec![false; now.len()];
                for &(i, _) in gesture {
                    if let Some(slot) = in_gesture.get_mut(i) {
                        *slot = true;
                    }
                }
                let rest = self.saved.differs_besides_missions(&self.roadmap)
                    || (0..now.len()).any(|i| !in_gesture[i] && saved[i] != now[i]);
                self.rest_modified.set(Some((gesture.len(), rest)));
                rest
            }
        };
        rest || gesture.iter().any(|&(i, _)| saved.get(i) != now.get(i))
    }

    /// The roadmap as it is now, to save; hand it back to [`Document::mark_saved`] once it is
    /// on disk.
    pub fn to_save(&self) -> Arc<Roadmap> {
        self.snapshot()
    }

    /// Records that `written` is what is on disk now (the roadmap may have changed since it was
    /// taken to be saved: then it stays modified).
    pub fn mark_saved(&mut self, written: Arc<Roadmap>) {
        self.saved = written;
        self.on_disk = true;
        self.modified.set(None);
    }

    /// Applies `changes` as one undoable step called `label`. An empty list does nothing.
    pub fn apply(&mut self, label: impl Into<String>, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        self.end_gesture("Edit");
        self.replay(&changes);
        self.record(label.into(), changes);
    }

    /// Applies `changes` as part of the last step, when it is called `label` and nothing was
    /// undone since: one step for a whole gesture of a continuous widget (a colour being
    /// picked). Otherwise the same as [`Document::apply`].
    pub fn amend(&mut self, label: &str, changes: Vec<Change>) {
        let amendable = self.gesture.is_none()
            && self.redo.is_empty()
            && self.undo.back().is_some_and(|s| s.label == label);
        if !amendable {
            self.apply(label, changes);
            return;
        }
        if changes.is_empty() {
            return;
        }
        self.replay(&changes);
        self.changed();
        if let Some(step) = self.undo.back_mut() {
            for change in changes {
                let folded = step.changes.last_mut().is_some_and(|c| c.absorb(&change));
                if !folded {
                    step.changes.push(change);
                }
            }
        }
    }

    fn replay(&mut self, changes: &[Change]) {
        let roadmap = Arc::make_mut(&mut self.roadmap);
        for change in changes {
            change.apply(roadmap, &mut self.keys);
        }
        if changes.iter().any(Change::reorders) {
            self.keys.reindex();
        }
    }

    fn record(&mut self, label: String, changes: Vec<Change>) {
        self.changed();
        self.undo.push_back(Step {
            label,
            changes,
            selection_before: self.selection.clone(),
            selection_after: BTreeSet::new(),
        });
        if self.undo.len() > MAX_UNDO_STEPS {
            self.undo.pop_front();
        }
        self.redo.clear();
        self.keep_selection_present();
    }

    /// Undoes the last step; returns whether there was one. The selection goes back to what it
    /// was when the step was made.
    pub fn undo(&mut self) -> bool {
        self.end_gesture("Edit");
        let Some(mut step) = self.undo.pop_back() else {
            return false;
        };
        let roadmap = Arc::make_mut(&mut self.roadmap);
        for change in step.changes.iter().rev() {
            change.revert(roadmap, &mut self.keys);
        }
        if step.changes.iter().any(Change::reorders) {
            self.keys.reindex();
        }
        self.changed();
        step.selection_after = std::mem::take(&mut self.selection);
        self.selection = step.selection_before.clone();
        self.keep_selection_present();
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; returns whether there was one. The selection goes back to
    /// what it was when the step was undone.
    pub fn redo(&mut self) -> bool {
        self.end_gesture("Edit");
        let Some(step) = self.redo.pop() else {
            return false;
        };
        self.replay(&step.changes);
        self.changed();
        self.selection = step.selection_after.clone();
        self.keep_selection_present();
        self.undo.push_back(step);
        true
    }

    fn keep_selection_present(&mut self) {
        self.selection_version += 1;
        let keys = &self.keys;
        self.selection.retain(|&k| keys.contains(k));
    }

    /// How many steps can be undone.
    pub fn undo_count(&self) -> usize {
        self.undo.len()
    }

    /// What Undo would undo, for the Edit menu.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// What Redo would redo, for the Edit menu.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Sets missions' dates live during a gesture: the first call begins the gesture, and
    /// [`Document::end_gesture`] records everything since as one step. Only date changes can be
    /// previewed, so a gesture never changes the list's length.
    pub fn preview_dates(&mut self, dates: &[(MissionKey, NaiveDate, NaiveDate)]) {
        if self.gesture.is_none() {
            self.rest_modified.set(None);
        }
        let gesture = self.gesture.get_or_insert_with(Vec::new);
        let roadmap = Arc::make_mut(&mut self.roadmap);
        let mut moved = Vec::with_capacity(dates.len());
        for &(key, start, end) in dates {
            let Some(index) = self.keys.position(key) else {
                continue;
            };
            let Some(mission) = roadmap.missions.get_mut(index) else {
                continue;
            };
            if !gesture.iter().any(|(i, _)| *i == index) {
                gesture.push((index, mission.clone()));
            }
            mission.start = start;
            mission.end = end;
            moved.push(index);
        }
        let before = self.generation;
        self.generation = next_generation();
        self.dates_only = Some((before, moved));
    }

    /// Whether a gesture is under way.
    pub fn in_gesture(&self) -> bool {
        self.gesture.is_some()
    }

    /// Ends the gesture under way, recording its net change as one step called `label`.
    pub fn end_gesture(&mut self, label: &str) {
        let Some(originals) = self.gesture.take() else {
            return;
        };
        let changes: Vec<Change> = originals
            .into_iter()
            .filter_map(|(index, before)| {
                let after = self.roadmap.missions.get(index)?;
                (after != &before).then(|| Change::Mission {
                    index,
                    before: Box::new(before),
                    after: Box::new(after.clone()),
                })
            })
            .collect();
        if changes.is_empty() {
            // Nothing to record, but what was derived from the gesture's frames (rows kept
            // still under the pointer) is made again for the roadmap as it is.
            self.changed();
            return;
        }
        self.record(label.to_owned(), changes);
    }

    /// Abandons the gesture under way, putting the missions back as they were.
    pub fn cancel_gesture(&mut self) {
        let Some(originals) = self.gesture.take() else {
            return;
        };
        let roadmap = Arc::make_mut(&mut self.roadmap);
        for (index, before) in originals {
            if let Some(slot) = roadmap.missions.get_mut(index) {
                *slot = before;
            }
        }
        self.changed();
    }
}
