//! The roadmap and its parts, with the names of the file format (DESIGN §2). An optional part
//! of the file is the empty value here (an empty string or list, `None`).

use chrono::NaiveDate;

use super::{
    AcceptedConflict, AgencyId, Color, DestinationId, Mission, MissionId, PhaseId, ResourceId,
    SavedView,
};

/// A whole roadmap: what one file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roadmap {
    /// Shown above the chart, e.g. "Global Exploration Roadmap — 2026 status".
    pub title: String,
    /// Free text about the roadmap; may be empty.
    pub description: String,
    /// Agencies that lead or contribute to missions.
    pub agencies: Vec<Agency>,
    /// Destinations; their order is the order of the swimlanes.
    pub destinations: Vec<Destination>,
    /// Named periods of the roadmap, drawn as bands.
    pub phases: Vec<Phase>,
    /// Shared assets that missions book (a launcher, a docking port).
    pub resources: Vec<Resource>,
    /// The missions, in document order.
    pub missions: Vec<Mission>,
    /// Named views to present, in order.
    pub views: Vec<SavedView>,
    /// Conflicts the working group accepts, with their reasons (format version 2).
    pub accepted: Vec<AcceptedConflict>,
}

impl Roadmap {
    /// The first mission with this id, if any.
    pub fn mission(&self, id: &MissionId) -> Option<&Mission> {
        self.missions.iter().find(|m| &m.id == id)
    }

    /// The first agency with this id, if any.
    pub fn agency(&self, id: &AgencyId) -> Option<&Agency> {
        self.agencies.iter().find(|a| &a.id == id)
    }

    /// Whether the two roadmaps differ in anything but their missions.
    pub fn differs_besides_missions(&self, other: &Self) -> bool {
        // Every field named, so that a field added to the roadmap cannot be forgotten here.
        let Self {
            title,
            description,
            agencies,
            destinations,
            phases,
            resources,
            missions: _,
            views,
            accepted,
        } = self;
        *title != other.title
            || *description != other.description
            || *agencies != other.agencies
            || *destinations != other.destinations
            || *phases != other.phases
            || *resources != other.resources
            || *views != other.views
            || *accepted != other.accepted
    }

    /// Takes everything but the missions from `other`.
    pub fn set_besides_missions(&mut self, other: &Self) {
        let Self {
            title,
            description,
            agencies,
            destinations,
            phases,
            resources,
            missions: _,
            views,
            accepted,
        } = other;
        self.title.clone_from(title);
        self.description.clone_from(description);
        self.agencies.clone_from(agencies);
        self.destinations.clone_from(destinations);
        self.phases.clone_from(phases);
        self.resources.clone_from(resources);
        self.views.clone_from(views);
        self.accepted.clone_from(accepted);
    }

    /// A copy of everything but the missions (which are most of a roadmap).
    pub fn without_missions(&self) -> Self {
        let mut copy = Self::default();
        copy.set_besides_missions(self);
        copy
    }
}

/// A space agency.
#[derive(Clone, Debug, PartialEq)]
pub struct Agency {
    /// Short id, usually the acronym: `ESA`.
    pub id: AgencyId,
    /// Full name: "European Space Agency".
    pub name: String,
    /// Country or region; may be empty.
    pub country: String,
    /// Colour of the agency's bars.
    pub color: Option<Color>,
    /// How many missions the agency can lead at once; `None` is unlimited.
    pub max_concurrent: Option<u32>,
}

/// A destination of the roadmap, shown as a swimlane.
#[derive(Clone, Debug, PartialEq)]
pub struct Destination {
    /// Short id: `mars`.
    pub id: DestinationId,
    /// Name shown on the lane: "Mars".
    pub name: String,
    /// When missions to it can launch. Empty means any time.
    pub launch_windows: Vec<LaunchWindow>,
}

/// A period in which launches to a destination are possible; both ends included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaunchWindow {
    /// First day of the window.
    pub start: NaiveDate,
    /// Last day of the window.
    pub end: NaiveDate,
}

/// A named period of the roadmap, e.g. "Phase 1 — Boots on the Moon".
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// Short id: `phase-1`.
    pub id: PhaseId,
    /// Name shown on the band.
    pub name: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A shared asset that missions book: a launcher, a docking port, a relay.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Short id: `sls`.
    pub id: ResourceId,
    /// Name: "SLS / Orion stack".
    pub name: String,
    /// How many missions may use it on the same day (at least 1).
    pub capacity: u32,
    /// Fewest days between the starts of two missions that use it (0: no minimum).
    pub min_gap_days: u32,
}
