//! Conflicts the working group has accepted (a known fact rather than a mistake), and the
//! kinds of conflict they name. The kinds live here, with the data, because an accepted
//! conflict is stored in the roadmap file; the rules that find conflicts are in `analysis`.

use super::{AgencyId, MissionId, ResourceId};

/// Whether a conflict makes the plan impossible or only questionable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The plan cannot happen as written.
    Error,
    /// The plan can happen but deserves a look.
    Warning,
}

impl Severity {
    /// "error" or "warning", as in `check --json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// The rule a conflict breaks; its name is the `kind` of DESIGN §3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictKind {
    /// A mission starts before a mission it depends on ends (plus the lag).
    Dependency,
    /// Missions depend on each other in a circle.
    DependencyCycle,
    /// More missions use a resource on some days than its capacity.
    ResourceOverbooked,
    /// Two missions using a resource start closer together than its minimum gap.
    ResourceGap,
    /// A mission starts outside every launch window of its destination.
    LaunchWindow,
    /// An agency leads more missions at once than it can.
    AgencyOvercommitted,
    /// An id that names nothing in the roadmap.
    UnknownReference,
    /// Two entries of one list share an id.
    DuplicateId,
    /// A mission ends before it starts.
    InvalidDates,
    /// Today has passed a mission's start without it being flown, or a flown mission starts
    /// after today.
    DateOvertaken,
}

impl ConflictKind {
    /// Every kind, in the order conflicts are sorted by.
    pub const ALL: [Self; 10] = [
        Self::Dependency,
        Self::DependencyCycle,
        Self::ResourceOverbooked,
        Self::ResourceGap,
        Self::LaunchWindow,
        Self::AgencyOvercommitted,
        Self::UnknownReference,
        Self::DuplicateId,
        Self::InvalidDates,
        Self::DateOvertaken,
    ];

    /// The name used in files and on the command line, e.g. `resource-overbooked`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dependency => "dependency",
            Self::DependencyCycle => "dependency-cycle",
            Self::ResourceOverbooked => "resource-overbooked",
            Self::ResourceGap => "resource-gap",
            Self::LaunchWindow => "launch-window",
            Self::AgencyOvercommitted => "agency-overcommitted",
            Self::UnknownReference => "unknown-reference",
            Self::DuplicateId => "duplicate-id",
            Self::InvalidDates => "invalid-dates",
            Self::DateOvertaken => "date-overtaken",
        }
    }

    /// How serious a conflict of this kind is.
    pub fn severity(self) -> Severity {
        match self {
            Self::ResourceGap
            | Self::LaunchWindow
            | Self::AgencyOvercommitted
            | Self::DateOvertaken => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A conflict the working group accepts, with its reason: "ESCAPADE launched outside the
/// classic window on purpose". It names what the conflict names (its kind, its missions, its
/// agency or resource), never dates, so that moving a mission does not make it stale; it is
/// stale only when no conflict of the roadmap matches it any more.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AcceptedConflict {
    /// The rule the accepted conflict breaks.
    pub kind: ConflictKind,
    /// The missions it names, sorted by id.
    pub missions: Vec<MissionId>,
    /// Its agency, for `agency-overcommitted`.
    pub agency: Option<AgencyId>,
    /// Its resource, for `resource-overbooked` and `resource-gap`.
    pub resource: Option<ResourceId>,
    /// Why the working group accepts it.
    pub reason: String,
}
