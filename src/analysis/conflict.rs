//! A conflict: something in the plan that cannot happen as written, or that deserves a look.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{AgencyId, MissionId, ResourceId};

/// Whether a conflict makes the plan impossible or only questionable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
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

/// One conflict, as listed in the conflict panel and by `check --json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Conflict {
    /// The rule broken.
    pub kind: ConflictKind,
    /// Error or warning; always `kind.severity()`.
    pub severity: Severity,
    /// The missions involved, sorted by id.
    pub missions: Vec<MissionId>,
    /// The agency concerned, where one is.
    pub agency: Option<crate::model::AgencyId>,
    /// The resource concerned, where one is.
    pub resource: Option<ResourceId>,
    /// First day concerned, where the conflict spans days.
    #[serde(serialize_with = "optional_date")]
    pub start: Option<NaiveDate>,
    /// Last day concerned, where the conflict spans days.
    #[serde(serialize_with = "optional_date")]
    pub end: Option<NaiveDate>,
    /// One line a person can act on, naming missions by name and giving dates.
    pub message: String,
}

impl Conflict {
    /// A conflict of `kind` about `missions` (sorted here), with nothing else set yet.
    pub fn new(kind: ConflictKind, mut missions: Vec<MissionId>, message: String) -> Self {
        missions.sort();
        Self {
            kind,
            severity: kind.severity(),
            missions,
            agency: None,
            resource: None,
            start: None,
            end: None,
            message,
        }
    }

    /// Names the agency concerned.
    pub fn with_agency(mut self, agency: &AgencyId) -> Self {
        self.agency = Some(agency.clone());
        self
    }

    /// Names the resource concerned.
    pub fn with_resource(mut self, resource: &ResourceId) -> Self {
        self.resource = Some(resource.clone());
        self
    }

    /// Gives the first and last day concerned.
    pub fn with_days(mut self, start: NaiveDate, end: NaiveDate) -> Self {
        self.start = Some(start);
        self.end = Some(end);
        self
    }

    /// The order of DESIGN §4: by kind name, then missions; the rest only makes it total.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.kind.name(),
            &self.missions,
            &self.resource,
            &self.agency,
            self.start,
            self.end,
            &self.message,
        )
    }
}

/// How many of the conflicts are errors and how many warnings.
pub fn count_by_severity(conflicts: &[Conflict]) -> (usize, usize) {
    let errors = conflicts
        .iter()
        .filter(|c| c.severity == Severity::Error)
        .count();
    (errors, conflicts.len() - errors)
}

fn optional_date<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => crate::model::date::serialize(date, serializer),
        None => serializer.serialize_none(),
    }
}
