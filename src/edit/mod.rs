//! Every change to a roadmap, and the undo/redo history (DESIGN §5).
//!
//! The roadmap is only changed through a [`Document`]: a change is a list of invertible
//! [`Change`]s, recorded as one undo step. A gesture (a drag) changes the roadmap live on every
//! frame, so conflicts follow the pointer, and becomes one step when it ends. Missions are named
//! by [`MissionKey`], never by position, outside this module.

mod change;
mod changes;
mod document;
mod domain;
mod keys;
mod setup;

pub use change::Change;
pub use changes::{
    insert_mission, merge_missions, remove_missions, replace_mission, replace_roadmap, set_dates,
    set_setup,
};
pub use document::{Document, MAX_UNDO_STEPS};
pub use domain::{MissionPlace, add_view, duplicate, new_mission, remove_agency, remove_view};
pub use keys::{MissionKey, MissionKeys};
pub use setup::Setup;
