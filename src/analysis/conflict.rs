//! A conflict: something in the plan that cannot happen as written, or that deserves a look.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{AgencyId, MissionId, ResourceId};
pub use crate::model::{ConflictKind, Severity};

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
pub fn count_by_severity<'c>(conflicts: impl IntoIterator<Item = &'c Conflict>) -> (usize, usize) {
    conflicts
        .into_iter()
        .fold((0, 0), |(errors, warnings), c| match c.severity {
            Severity::Error => (errors + 1, warnings),
            Severity::Warning => (errors, warnings + 1),
        })
}

fn optional_date<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&crate::model::date::to_text(*date)),
        None => serializer.serialize_none(),
    }
}
