//! The roadmap edits that need more than one field: a new mission with its defaults, a copy of
//! one, saved views, removing an agency.

use chrono::{Days, NaiveDate};

use super::change::Change;
use super::changes::set_setup;
use super::setup::Setup;
use crate::model::{
    AgencyId, DestinationId, Mission, MissionKind, MissionStatus, Roadmap, SavedView, id_from_name,
    unused_id,
};

/// How long a new mission lasts, first and last day included.
const NEW_MISSION_DAYS: u64 = 90;

/// Where a new mission goes, as far as the place it was asked for says (a destination lane, an
/// agency lane, or nothing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MissionPlace {
    /// The destination lane clicked.
    pub destination: Option<DestinationId>,
    /// The agency lane clicked: the new mission's lead.
    pub lead: Option<AgencyId>,
}

/// A concept mission of 90 days from `start`, with an id no mission has. What `place` does not
/// say comes from `like` (the selected mission), else from the first destination or agency.
pub fn new_mission(
    roadmap: &Roadmap,
    start: NaiveDate,
    place: MissionPlace,
    like: Option<&Mission>,
) -> Mission {
    let destination = place
        .destination
        .or_else(|| like.map(|m| m.destination.clone()))
        .or_else(|| roadmap.destinations.first().map(|d| d.id.clone()))
        .unwrap_or_else(|| "moon".into());
    let lead = place
        .lead
        .or_else(|| like.map(|m| m.lead.clone()))
        .or_else(|| roadmap.agencies.first().map(|a| a.id.clone()))
        .unwrap_or_else(|| "NASA".into());
    Mission {
        id: unused_id(mission_ids(roadmap), "new-mission")
            .as_str()
            .into(),
        name: "New mission".to_owned(),
        destination,
        kind: MissionKind::Robotic,
        status: MissionStatus::Concept,
        outcome: None,
        start,
        end: start
            .checked_add_days(Days::new(NEW_MISSION_DAYS - 1))
            .unwrap_or(start),
        fixed: false,
        start_estimate: None,
        lead,
        contributors: Vec::new(),
        depends_on: Vec::new(),
        resources: Vec::new(),
        notes: String::new(),
        source: String::new(),
    }
}

/// A copy of `original` under an id no mission has, named "… (copy)".
pub fn duplicate(roadmap: &Roadmap, original: &Mission) -> Mission {
    Mission {
        id: unused_id(mission_ids(roadmap), &format!("{}-copy", original.id))
            .as_str()
            .into(),
        name: format!("{} (copy)", original.name),
        ..original.clone()
    }
}

/// `view` added to the saved views, with an id made from its name that no view has.
pub fn add_view(roadmap: &Roadmap, view: SavedView) -> Vec<Change> {
    let taken = roadmap.views.iter().map(|v| v.id.as_str());
    let id = unused_id(taken, &id_from_name(&view.name, "view"));
    let mut setup = Setup::of(roadmap);
    setup.views.push(SavedView {
        id: id.as_str().into(),
        ..view
    });
    set_setup(roadmap, setup)
}

/// Saved view `index` removed.
pub fn remove_view(roadmap: &Roadmap, index: usize) -> Vec<Change> {
    let mut setup = Setup::of(roadmap);
    if index >= setup.views.len() {
        return Vec::new();
    }
    setup.views.remove(index);
    set_setup(roadmap, setup)
}

/// The agency at `index` removed, if it still has `id` there (missions that name it then refer
/// to an unknown agency). Asked for by position, because a broken file can repeat an id.
pub fn remove_agency(roadmap: &Roadmap, index: usize, id: &AgencyId) -> Vec<Change> {
    let mut setup = Setup::of(roadmap);
    if setup.agencies.get(index).is_none_or(|a| a.id != *id) {
        return Vec::new();
    }
    setup.agencies.remove(index);
    set_setup(roadmap, setup)
}

fn mission_ids(roadmap: &Roadmap) -> impl Iterator<Item = &str> + Clone {
    roadmap.missions.iter().map(|m| m.id.as_str())
}
