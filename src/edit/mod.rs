//! Every change to a roadmap, and the undo/redo history (DESIGN §5).
//!
//! The roadmap is only changed through a [`Document`]: a change is a list of invertible
//! [`Change`]s, recorded as one undo step. A gesture (a drag) changes the roadmap live on every
//! frame, so conflicts follow the pointer, and becomes one step when it ends.

mod changes;

use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Agency, Destination, Mission, Phase, Resource, Roadmap, SavedView};

pub use changes::{
    insert_mission, merge_missions, remove_missions, replace_mission, set_dates, set_setup,
};

/// A generation no document has had: unique across documents, so that a cache keyed by it
/// never takes a roadmap just opened for the one before.
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Everything of a roadmap but its missions: what the Agencies and Roadmap panels edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The roadmap's title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// Its agencies.
    pub agencies: Vec<Agency>,
    /// Its destinations (lanes), in order.
    pub destinations: Vec<Destination>,
    /// Its phases.
    pub phases: Vec<Phase>,
    /// Its shared resources.
    pub resources: Vec<Resource>,
    /// Its saved views.
    pub views: Vec<SavedView>,
}

impl Setup {
    /// The setup of `roadmap`. Every field of the roadmap is named here, so a field added to
    /// it is either part of the setup (and of `is_of` and `put` below) or said not to be.
    pub fn of(roadmap: &Roadmap) -> Self {
        let Roadmap {
            title,
            description,
            agencies,
            destinations,
            phases,
            resources,
            views,
            missions: _,
        } = roadmap;
        Self {
            title: title.clone(),
            description: description.clone(),
            agencies: agencies.clone(),
            destinations: destinations.clone(),
            phases: phases.clone(),
            resources: resources.clone(),
            views: views.clone(),
        }
    }

    /// Whether `roadmap` has this setup (without copying it).
    pub fn is_of(&self, roadmap: &Roadmap) -> bool {
        self.title == roadmap.title
            && self.description == roadmap.description
            && self.agencies == roadmap.agencies
            && self.destinations == roadmap.destinations
            && self.phases == roadmap.phases
            && self.resources == roadmap.resources
            && self.views == roadmap.views
    }

    fn put(&self, roadmap: &mut Roadmap) {
        roadmap.title.clone_from(&self.title);
        roadmap.description.clone_from(&self.description);
        roadmap.agencies.clone_from(&self.agencies);
        roadmap.destinations.clone_from(&self.destinations);
        roadmap.phases.clone_from(&self.phases);
        roadmap.resources.clone_from(&self.resources);
        roadmap.views.clone_from(&self.views);
    }
}

/// One invertible change.
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
    /// `mission` is put into the list at `index`.
    Insert {
        /// Position in the mission list.
        index: usize,
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
    /// `mission` is taken out of the list at `index`.
    Remove {
        /// Position in the mission list.
        index: usize,
        /// The mission removed.
        mission: Box<Mission>,
    },
}

impl Change {
    fn apply(&self, roadmap: &mut Roadmap) {
        match self {
            Self::Mission { index, after, .. } => {
                if let Some(slot) = roadmap.missions.get_mut(*index) {
                    *slot = (**after).clone();
                }
            }
            Self::Insert { index, mission } => insert(roadmap, *index, mission),
            Self::Setup { after, .. } => after.put(roadmap),
            Self::Remove { index, .. } => remove(roadmap, *index),
        }
    }

    fn revert(&self, roadmap: &mut Roadmap) {
        match self {
            Self::Mission { index, before, .. } => {
                if let Some(slot) = roadmap.missions.get_mut(*index) {
                    *slot = (**before).clone();
                }
            }
            Self::Insert { index, .. } => remove(roadmap, *index),
            Self::Setup { before, .. } => before.put(roadmap),
            Self::Remove { index, mission } => insert(roadmap, *index, mission),
        }
    }
}

fn insert(roadmap: &mut Roadmap, index: usize, mission: &Mission) {
    let index = index.min(roadmap.missions.len());
    roadmap.missions.insert(index, mission.clone());
}

fn remove(roadmap: &mut Roadmap, index: usize) {
    if index < roadmap.missions.len() {
        roadmap.missions.remove(index);
    }
}

/// A recorded edit: what the Edit menu calls it, and its changes in the order applied.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    changes: Vec<Change>,
    /// The document's revision before and after the step.
    revisions: (u64, u64),
}

/// A roadmap being edited, with its history.
#[derive(Clone, Debug)]
pub struct Document {
    roadmap: Roadmap,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Identifies the roadmap's content as of the last step; saved files remember it.
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    /// New after every change, gestures included: whoever caches results of the roadmap
    /// (conflicts, layout) recomputes when it moves.
    generation: u64,
    /// Missions as they were when the gesture under way began.
    gesture: Option<Vec<(usize, Mission)>>,
}

impl Document {
    /// A document for a roadmap just opened (or made): no history, and not modified when
    /// `saved` (it is what is on disk).
    pub fn new(roadmap: Roadmap, saved: bool) -> Self {
        Self {
            roadmap,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
            saved_revision: saved.then_some(0),
            generation: next_generation(),
            gesture: None,
        }
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    /// Changes whenever the roadmap does, and differs between documents.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether the roadmap differs from what was last saved.
    pub fn is_modified(&self) -> bool {
        self.saved_revision != Some(self.revision) || self.gesture.is_some()
    }

    /// Records that the roadmap as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    /// Applies `changes` as one undoable step called `label`. An empty list does nothing.
    pub fn apply(&mut self, label: impl Into<String>, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        self.end_gesture("Edit");
        for change in &changes {
            change.apply(&mut self.roadmap);
        }
        self.record(label.into(), changes);
    }

    fn record(&mut self, label: String, changes: Vec<Change>) {
        let before = self.revision;
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.generation = next_generation();
        self.undo.push(Step {
            label,
            changes,
            revisions: (before, self.revision),
        });
        self.redo.clear();
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        self.end_gesture("Edit");
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for change in step.changes.iter().rev() {
            change.revert(&mut self.roadmap);
        }
        self.revision = step.revisions.0;
        self.generation = next_generation();
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        self.end_gesture("Edit");
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for change in &step.changes {
            change.apply(&mut self.roadmap);
        }
        self.revision = step.revisions.1;
        self.generation = next_generation();
        self.undo.push(step);
        true
    }

    /// What Undo would undo, for the Edit menu.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What Redo would redo, for the Edit menu.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Sets missions' dates live during a gesture: the first call begins the gesture, and
    /// [`Document::end_gesture`] records everything since as one step. Only date changes can be
    /// previewed, so a gesture never changes the list's length.
    pub fn preview_dates(&mut self, dates: &[(usize, chrono::NaiveDate, chrono::NaiveDate)]) {
        let gesture = self.gesture.get_or_insert_with(Vec::new);
        for &(index, start, end) in dates {
            let Some(mission) = self.roadmap.missions.get_mut(index) else {
                continue;
            };
            if !gesture.iter().any(|(i, _)| *i == index) {
                gesture.push((index, mission.clone()));
            }
            mission.start = start;
            mission.end = end;
        }
        self.generation = next_generation();
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
            return;
        }
        self.record(label.to_owned(), changes);
    }

    /// Abandons the gesture under way, putting the missions back as they were.
    pub fn cancel_gesture(&mut self) {
        let Some(originals) = self.gesture.take() else {
            return;
        };
        for (index, before) in originals {
            if let Some(slot) = self.roadmap.missions.get_mut(index) {
                *slot = before;
            }
        }
        self.generation = next_generation();
    }
}
