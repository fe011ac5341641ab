//! The roadmap as plain data: what a GER roadmap file holds, with no drawing and no file handling.
//!
//! The types derive serde so that `format` can read and write them, and their field order is the
//! canonical order of the file (DESIGN §2). Values that can be checked on their own (dates, colours,
//! capacities, ids) are checked while they are read, so a bad value is reported at its line and
//! column.

mod accepted;
mod color;
pub mod date;
mod ids;
mod roadmap;
mod view;

pub use accepted::{AcceptedConflict, ConflictKind, Severity};
pub use color::Color;
pub use ids::{
    AgencyId, DestinationId, MissionId, PhaseId, ResourceId, ViewId, id_from_name, id_positions,
    unused_id,
};
pub use roadmap::{
    Agency, Contribution, Dependency, Destination, LaunchWindow, Mission, MissionKind,
    MissionStatus, Phase, Resource, Roadmap, StartEstimate,
};
pub use view::{Filter, GroupBy, SavedView};

/// "1 mission", "3 missions": a count with its noun, for messages at every level.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
