//! The roadmap and its parts, with the names of the file format (DESIGN §2). An optional part
//! of the file is the empty value here (an empty string or list, `None`).

use chrono::NaiveDate;

use super::{AgencyId, Color, DestinationId, MissionId, PhaseId, ResourceId};

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
    pub views: Vec<super::SavedView>,
    /// Conflicts the working group accepts, with their reasons (format version 2).
    pub accepted: Vec<super::AcceptedConflict>,
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

/// Crewed or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MissionKind {
    /// Carries crew.
    Human,
    /// Uncrewed.
    Robotic,
}

/// Where a mission stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MissionStatus {
    /// An idea under study.
    Concept,
    /// In an agency's plan.
    Planned,
    /// Approved and funded.
    Confirmed,
    /// Launched.
    Flown,
    /// Will not fly; takes part in no conflict.
    Cancelled,
}

impl MissionKind {
    /// The word the file uses: "human" or "robotic".
    pub fn name(self) -> &'static str {
        match self {
            Self::Human => "human",
            Self::Robotic => "robotic",
        }
    }
}

impl MissionStatus {
    /// Every status, from idea to flown, then cancelled.
    pub const ALL: [Self; 5] = [
        Self::Concept,
        Self::Planned,
        Self::Confirmed,
        Self::Flown,
        Self::Cancelled,
    ];

    /// The word the file uses, e.g. "planned".
    pub fn name(self) -> &'static str {
        match self {
            Self::Concept => "concept",
            Self::Planned => "planned",
            Self::Confirmed => "confirmed",
            Self::Flown => "flown",
            Self::Cancelled => "cancelled",
        }
    }
}

/// A mission: a bar on the timeline (a diamond when it lasts one day).
#[derive(Clone, Debug, PartialEq)]
pub struct Mission {
    /// Short id: `artemis-3`.
    pub id: MissionId,
    /// Name: "Artemis III".
    pub name: String,
    /// The lane it is drawn in.
    pub destination: DestinationId,
    /// Crewed or not.
    pub kind: MissionKind,
    /// Where it stands.
    pub status: MissionStatus,
    /// First day (launch).
    pub start: NaiveDate,
    /// Last day; equal to `start` for a milestone.
    pub end: NaiveDate,
    /// A date an agency has committed to: the scheduler never moves it (format version 2).
    pub fixed: bool,
    /// How late it may really start, for the outlook (format version 2); none: the slips
    /// measured on past roadmaps for its status and kind.
    pub start_estimate: Option<StartEstimate>,
    /// The agency that leads it.
    pub lead: AgencyId,
    /// Other agencies and what they bring.
    pub contributors: Vec<Contribution>,
    /// Missions that must end (plus a lag) before this one starts.
    pub depends_on: Vec<Dependency>,
    /// Shared assets it uses from `start` to `end`.
    pub resources: Vec<ResourceId>,
    /// Free text.
    pub notes: String,
    /// Where the dates and facts come from.
    pub source: String,
}

impl Mission {
    /// Whether the mission flew and is still operating on `today`: flown, and ending after
    /// it. The file has no status of its own for this; it follows from the dates.
    pub fn is_operating_on(&self, today: chrono::NaiveDate) -> bool {
        self.status == MissionStatus::Flown && self.end > today
    }

    /// Its status in words as of `today`: "flown, operating until 2028-12-31" for a mission
    /// still operating, else the status's name.
    pub fn status_on(&self, today: chrono::NaiveDate) -> String {
        if self.is_operating_on(today) {
            format!("flown, operating until {}", self.end)
        } else {
            self.status.name().to_owned()
        }
    }

    /// A mission that lasts a single day is a milestone, drawn as a diamond.
    pub fn is_milestone(&self) -> bool {
        self.start == self.end
    }
}

/// A three-point estimate of a mission's start. The optimistic start is the planned `start`
/// itself (plans slip, they are not kept early), so only the likely and the pessimistic starts
/// are written. A likely start before the planned one counts as the planned one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StartEstimate {
    /// The start most expected.
    pub likely: NaiveDate,
    /// The start it will almost surely not be later than, on or after `likely`.
    pub pessimistic: NaiveDate,
}

/// An agency's part in a mission it does not lead.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// The contributing agency.
    pub agency: AgencyId,
    /// What it brings: "European Service Module".
    pub role: String,
}

/// "This mission starts no earlier than `lag_days` after `mission` ends."
#[derive(Clone, Debug, PartialEq)]
pub struct Dependency {
    /// The mission depended on.
    pub mission: MissionId,
    /// Days to wait after it ends; may be negative to allow an overlap.
    pub lag_days: i32,
}
