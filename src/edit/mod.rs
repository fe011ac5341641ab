//! Every change to a roadmap, and the undo/redo history (DESIGN §5).
//!
//! The roadmap is only changed through a [`Document`]: a change is a list of invertible
//! [`Change`]s, recorded as one undo step. A gesture (a drag) changes the roadmap live on every
//! frame, so conflicts follow the pointer, and becomes one step when it ends. Missions are named
//! by [`MissionKey`], never by position, outside this module.

mod changes;
mod document;
mod domain;
mod keys;

use crate::model::Roadmap;

pub use changes::{
    Change, insert_mission, merge_missions, remove_missions, replace_mission, replace_roadmap,
    set_dates, set_setup,
};
pub use document::{Document, MAX_UNDO_STEPS};
pub use domain::{MissionPlace, add_view, duplicate, new_mission, remove_agency, remove_view};
pub use keys::{MissionKey, MissionKeys};

/// Everything of a roadmap but its missions: what the Agencies and Roadmap panels edit. It is
/// a roadmap whose mission list stays empty, so a field added to the roadmap is part of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup(Roadmap);

impl Setup {
    /// The setup of `roadmap`.
    pub fn of(roadmap: &Roadmap) -> Self {
        Self(roadmap.without_missions())
    }

    /// Whether `roadmap` has this setup (without copying it).
    pub fn is_of(&self, roadmap: &Roadmap) -> bool {
        !self.0.differs_besides_missions(roadmap)
    }

    fn put(&self, roadmap: &mut Roadmap) {
        roadmap.set_besides_missions(&self.0);
    }
}

impl std::ops::Deref for Setup {
    type Target = Roadmap;

    fn deref(&self) -> &Roadmap {
        &self.0
    }
}

/// The fields are open to edit; the missions are not part of a setup (`put` ignores them).
impl std::ops::DerefMut for Setup {
    fn deref_mut(&mut self) -> &mut Roadmap {
        &mut self.0
    }
}
