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

use crate::model::{AcceptedConflict, Agency, Destination, Phase, Resource, Roadmap, SavedView};

pub use changes::{
    Change, insert_mission, merge_missions, remove_missions, replace_mission, replace_roadmap,
    set_dates, set_setup,
};
pub use document::{Document, MAX_UNDO_STEPS};
pub use domain::{MissionPlace, add_view, duplicate, new_mission, remove_agency, remove_view};
pub use keys::{MissionKey, MissionKeys};

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
    /// The conflicts it accepts.
    pub accepted: Vec<AcceptedConflict>,
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
            accepted,
            missions: _,
        } = roadmap.without_missions();
        Self {
            title,
            description,
            agencies,
            destinations,
            phases,
            resources,
            views,
            accepted,
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
            && self.accepted == roadmap.accepted
    }

    fn put(&self, roadmap: &mut Roadmap) {
        roadmap.title.clone_from(&self.title);
        roadmap.description.clone_from(&self.description);
        roadmap.agencies.clone_from(&self.agencies);
        roadmap.destinations.clone_from(&self.destinations);
        roadmap.phases.clone_from(&self.phases);
        roadmap.resources.clone_from(&self.resources);
        roadmap.views.clone_from(&self.views);
        roadmap.accepted.clone_from(&self.accepted);
    }
}
