//! The missions a snapshot shows, as its table lists them: the PDF's table pages and the
//! interactive page's table read them here, so both list the same missions the same way.

use crate::layout::Scene;
use crate::model::{Mission, Roadmap};

/// The table's columns.
pub const COLUMNS: [&str; 6] = ["Mission", "Destination", "Lead", "Start", "End", "Status"];

/// The positions in the roadmap of the missions of `scene`'s bars, each once (a mission shows
/// in several lanes when grouped by agency), in the chart's order.
pub fn shown_missions(scene: &Scene) -> Vec<usize> {
    let mut seen = vec![false; scene.bars.iter().map(|b| b.mission + 1).max().unwrap_or(0)];
    let mut shown = Vec::new();
    for bar in &scene.bars {
        if !std::mem::replace(&mut seen[bar.mission], true) {
            shown.push(bar.mission);
        }
    }
    shown
}

/// A mission as the table shows it: name, destination, lead, start, end, status (with its
/// outcome, once flown).
pub fn table_row(roadmap: &Roadmap, mission: &Mission) -> [String; 6] {
    let destination = (roadmap.destinations.iter())
        .find(|d| d.id == mission.destination)
        .map_or_else(|| mission.destination.to_string(), |d| d.name.clone());
    let status = match mission.outcome {
        Some(outcome) => format!("{}, {}", mission.status.name(), outcome.name()),
        None => mission.status.name().to_owned(),
    };
    [
        mission.name.clone(),
        destination,
        mission.lead.to_string(),
        mission.start.to_string(),
        mission.end.to_string(),
        status,
    ]
}
