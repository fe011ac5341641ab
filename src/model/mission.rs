//! A mission and its parts: what it is (crewed or not), where it stands, when it flies, who
//! leads it and who contributes, what it waits for and what it uses.

use chrono::NaiveDate;

use super::{AgencyId, DestinationId, MissionId, ResourceId};

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
    /// On hold with its dates kept (format version 3): drawn, and listed by `check`, but like a
    /// cancelled mission left out of conflicts, counts, the scheduler and the outlook.
    Paused,
    /// Will not fly; takes part in no conflict.
    Cancelled,
}

/// How a flown mission went (format version 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Did what it set out to do.
    Success,
    /// Reached its destination but not all its goals (a lander on its side, a lost instrument).
    Partial,
    /// Lost before its goals (a crash, a launch failure, contact lost on the way).
    Failed,
}

impl Outcome {
    /// Every outcome, from best to worst.
    pub const ALL: [Self; 3] = [Self::Success, Self::Partial, Self::Failed];

    /// The word the file uses, e.g. "partial".
    pub fn name(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Partial => "partial",
            Self::Failed => "failed",
        }
    }
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
    pub const ALL: [Self; 6] = [
        Self::Concept,
        Self::Planned,
        Self::Confirmed,
        Self::Flown,
        Self::Paused,
        Self::Cancelled,
    ];

    /// The word the file uses, e.g. "planned".
    pub fn name(self) -> &'static str {
        match self {
            Self::Concept => "concept",
            Self::Planned => "planned",
            Self::Confirmed => "confirmed",
            Self::Flown => "flown",
            Self::Paused => "paused",
            Self::Cancelled => "cancelled",
        }
    }

    /// Cancelled or paused: kept in the roadmap, but taking part in no conflict, count,
    /// schedule or outlook.
    pub fn is_set_aside(self) -> bool {
        matches!(self, Self::Paused | Self::Cancelled)
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
    /// How it went, once flown (format version 3); none while not known or not flown.
    pub outcome: Option<Outcome>,
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
        let status = if self.is_operating_on(today) {
            format!("flown, operating until {}", self.end)
        } else {
            self.status.name().to_owned()
        };
        match self.outcome {
            Some(outcome) => format!("{status} ({})", outcome.name()),
            None => status,
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
