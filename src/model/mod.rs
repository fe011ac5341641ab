//! The roadmap as plain data: what a GER roadmap file holds, with no drawing and no file handling.
//!
//! The model is not the file: `format` has the file's own types for each format version and
//! converts them to and from these (DESIGN §2), so nothing here knows how a roadmap is spelled.

mod accepted;
mod color;
pub mod date;
mod ids;
mod mission;
mod roadmap;
mod slips;
mod view;

pub use accepted::{AcceptedConflict, ConflictKind, Severity};
pub use color::Color;
pub use ids::{
    AgencyId, DestinationId, MissionId, PhaseId, ResourceId, ViewId, id_from_name, id_positions,
    unused_id,
};
pub use mission::{
    Contribution, Dependency, Mission, MissionKind, MissionStatus, Outcome, StartEstimate,
};
pub use roadmap::{Agency, Destination, LaunchWindow, Phase, Resource, Roadmap};
pub use slips::{Slip, SlipModel};
pub use view::{Filter, GroupBy, SavedView};

/// `text` cut to at most `longest` characters, ending in "…" where it was cut: a long value
/// in a message of a line.
pub fn at_most(text: String, longest: usize) -> String {
    if text.chars().count() <= longest {
        return text;
    }
    let mut short: String = text.chars().take(longest.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// "1 mission", "3 missions": a count with its noun, for messages at every level.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
