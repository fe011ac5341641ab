//! The entries of a roadmap file as the file spells them (every version shares them), in
//! canonical field order, and how each becomes a part of the model and back. An entry that
//! holds fields or values newer than version 1 is read for the `VERSION` of its file, so a
//! field a file's version does not have is refused at its own line and column, with the
//! version to set. Writing borrows the model; reading owns what it read and moves it into the
//! model. Checks that need more than one field (a start estimate's order, a view's range) are
//! made while reading, so a bad entry is reported at its line and column.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::values::date;
use crate::model::{
    AcceptedConflict, Agency, AgencyId, Color, ConflictKind, Contribution, Dependency, Destination,
    DestinationId, Filter, GroupBy, LaunchWindow, Mission, MissionId, MissionKind, MissionStatus,
    Outcome, Phase, PhaseId, Resource, ResourceId, SavedView, StartEstimate, ViewId,
};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AgencyEntry<'a> {
    id: Cow<'a, AgencyId>,
    name: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    country: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    color: Option<Color>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some_positive"
    )]
    max_concurrent: Option<u32>,
}

impl<'a> From<&'a Agency> for AgencyEntry<'a> {
    fn from(agency: &'a Agency) -> Self {
        Self {
            id: Cow::Borrowed(&agency.id),
            name: Cow::Borrowed(&agency.name),
            country: Cow::Borrowed(&agency.country),
            color: agency.color,
            max_concurrent: agency.max_concurrent,
        }
    }
}

impl From<AgencyEntry<'_>> for Agency {
    fn from(entry: AgencyEntry<'_>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            country: entry.country.into_owned(),
            color: entry.color,
            max_concurrent: entry.max_concurrent,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DestinationEntry<'a> {
    id: Cow<'a, DestinationId>,
    name: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    launch_windows: Vec<WindowEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowEntry {
    #[serde(with = "date")]
    start: NaiveDate,
    #[serde(with = "date")]
    end: NaiveDate,
}

impl<'a> From<&'a Destination> for DestinationEntry<'a> {
    fn from(destination: &'a Destination) -> Self {
        Self {
            id: Cow::Borrowed(&destination.id),
            name: Cow::Borrowed(&destination.name),
            launch_windows: (destination.launch_windows.iter())
                .map(|w| WindowEntry {
                    start: w.start,
                    end: w.end,
                })
                .collect(),
        }
    }
}

impl From<DestinationEntry<'_>> for Destination {
    fn from(entry: DestinationEntry<'_>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            launch_windows: (entry.launch_windows.into_iter())
                .map(|w| LaunchWindow {
                    start: w.start,
                    end: w.end,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhaseEntry<'a> {
    id: Cow<'a, PhaseId>,
    name: Cow<'a, str>,
    #[serde(with = "date")]
    start: NaiveDate,
    #[serde(with = "date")]
    end: NaiveDate,
}

impl<'a> From<&'a Phase> for PhaseEntry<'a> {
    fn from(phase: &'a Phase) -> Self {
        Self {
            id: Cow::Borrowed(&phase.id),
            name: Cow::Borrowed(&phase.name),
            start: phase.start,
            end: phase.end,
        }
    }
}

impl From<PhaseEntry<'_>> for Phase {
    fn from(entry: PhaseEntry<'_>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            start: entry.start,
            end: entry.end,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResourceEntry<'a> {
    id: Cow<'a, ResourceId>,
    name: Cow<'a, str>,
    #[serde(
        default = "one",
        skip_serializing_if = "is_one",
        deserialize_with = "positive"
    )]
    capacity: u32,
    #[serde(default, skip_serializing_if = "is_default")]
    min_gap_days: u32,
}

impl<'a> From<&'a Resource> for ResourceEntry<'a> {
    fn from(resource: &'a Resource) -> Self {
        Self {
            id: Cow::Borrowed(&resource.id),
            name: Cow::Borrowed(&resource.name),
            capacity: resource.capacity,
            min_gap_days: resource.min_gap_days,
        }
    }
}

impl From<ResourceEntry<'_>> for Resource {
    fn from(entry: ResourceEntry<'_>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            capacity: entry.capacity,
            min_gap_days: entry.min_gap_days,
        }
    }
}

/// A mission as a file of `VERSION` holds it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MissionEntry<'a, const VERSION: u32> {
    id: Cow<'a, MissionId>,
    name: Cow<'a, str>,
    destination: Cow<'a, DestinationId>,
    kind: MissionKind,
    /// `paused` is format version 3.
    #[serde(deserialize_with = "status_in::<_, VERSION>")]
    status: MissionStatus,
    /// Format version 3.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "outcome_in::<_, VERSION>"
    )]
    outcome: Option<Outcome>,
    #[serde(with = "date")]
    start: NaiveDate,
    #[serde(with = "date")]
    end: NaiveDate,
    /// Format version 2.
    #[serde(
        default,
        skip_serializing_if = "is_default",
        deserialize_with = "fixed_in::<_, VERSION>"
    )]
    fixed: bool,
    /// Format version 2.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "estimate_in::<_, VERSION>"
    )]
    start_estimate: Option<EstimateEntry>,
    lead: Cow<'a, AgencyId>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    contributors: Vec<ContributionEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    depends_on: Vec<DependencyEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    resources: Cow<'a, [ResourceId]>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    notes: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    source: Cow<'a, str>,
}

/// Refuses what a file of `version` cannot hold, saying which version does.
fn needs<E: serde::de::Error>(version: u32, since: u32, what: &str) -> Result<(), E> {
    if version < since {
        return Err(E::custom(format!(
            "{what} needs format version {since}: set \"version\": {since}"
        )));
    }
    Ok(())
}

fn status_in<'de, D: Deserializer<'de>, const VERSION: u32>(
    deserializer: D,
) -> Result<MissionStatus, D::Error> {
    let status = MissionStatus::deserialize(deserializer)?;
    if status == MissionStatus::Paused {
        needs(VERSION, 3, "the status \"paused\"")?;
    }
    Ok(status)
}

fn outcome_in<'de, D: Deserializer<'de>, const VERSION: u32>(
    deserializer: D,
) -> Result<Option<Outcome>, D::Error> {
    let outcome = Outcome::deserialize(deserializer)?;
    needs(VERSION, 3, "a mission's `outcome`")?;
    Ok(Some(outcome))
}

fn fixed_in<'de, D: Deserializer<'de>, const VERSION: u32>(
    deserializer: D,
) -> Result<bool, D::Error> {
    let fixed = bool::deserialize(deserializer)?;
    if fixed {
        needs(VERSION, 2, "a `fixed` mission")?;
    }
    Ok(fixed)
}

fn estimate_in<'de, D: Deserializer<'de>, const VERSION: u32>(
    deserializer: D,
) -> Result<Option<EstimateEntry>, D::Error> {
    let estimate = EstimateEntry::deserialize(deserializer)?;
    needs(VERSION, 2, "a `start_estimate`")?;
    Ok(Some(estimate))
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributionEntry<'a> {
    agency: Cow<'a, AgencyId>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    role: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DependencyEntry<'a> {
    mission: Cow<'a, MissionId>,
    #[serde(default, skip_serializing_if = "is_default")]
    lag_days: i32,
}

/// A three-point estimate's likely and pessimistic starts, read in that order or refused.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "EstimateFields")]
pub(super) struct EstimateEntry {
    #[serde(with = "date")]
    likely: NaiveDate,
    #[serde(with = "date")]
    pessimistic: NaiveDate,
}

/// A start estimate as read, before its order is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EstimateFields {
    #[serde(with = "date")]
    likely: NaiveDate,
    #[serde(with = "date")]
    pessimistic: NaiveDate,
}

impl TryFrom<EstimateFields> for EstimateEntry {
    type Error = String;

    fn try_from(read: EstimateFields) -> Result<Self, String> {
        if read.pessimistic < read.likely {
            return Err(format!(
                "the pessimistic start {} is before the likely start {}",
                read.pessimistic, read.likely
            ));
        }
        Ok(Self {
            likely: read.likely,
            pessimistic: read.pessimistic,
        })
    }
}

impl<'a, const VERSION: u32> From<&'a Mission> for MissionEntry<'a, VERSION> {
    fn from(mission: &'a Mission) -> Self {
        Self {
            id: Cow::Borrowed(&mission.id),
            name: Cow::Borrowed(&mission.name),
            destination: Cow::Borrowed(&mission.destination),
            kind: mission.kind,
            status: mission.status,
            outcome: mission.outcome,
            start: mission.start,
            end: mission.end,
            fixed: mission.fixed,
            start_estimate: mission.start_estimate.map(|e| EstimateEntry {
                likely: e.likely,
                pessimistic: e.pessimistic,
            }),
            lead: Cow::Borrowed(&mission.lead),
            contributors: (mission.contributors.iter())
                .map(|c| ContributionEntry {
                    agency: Cow::Borrowed(&c.agency),
                    role: Cow::Borrowed(&c.role),
                })
                .collect(),
            depends_on: (mission.depends_on.iter())
                .map(|d| DependencyEntry {
                    mission: Cow::Borrowed(&d.mission),
                    lag_days: d.lag_days,
                })
                .collect(),
            resources: Cow::Borrowed(&mission.resources),
            notes: Cow::Borrowed(&mission.notes),
            source: Cow::Borrowed(&mission.source),
        }
    }
}

impl<const VERSION: u32> From<MissionEntry<'_, VERSION>> for Mission {
    fn from(entry: MissionEntry<'_, VERSION>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            destination: entry.destination.into_owned(),
            kind: entry.kind,
            status: entry.status,
            outcome: entry.outcome,
            start: entry.start,
            end: entry.end,
            fixed: entry.fixed,
            start_estimate: entry.start_estimate.map(|e| StartEstimate {
                likely: e.likely,
                pessimistic: e.pessimistic,
            }),
            lead: entry.lead.into_owned(),
            contributors: (entry.contributors.into_iter())
                .map(|c| Contribution {
                    agency: c.agency.into_owned(),
                    role: c.role.into_owned(),
                })
                .collect(),
            depends_on: (entry.depends_on.into_iter())
                .map(|d| Dependency {
                    mission: d.mission.into_owned(),
                    lag_days: d.lag_days,
                })
                .collect(),
            resources: entry.resources.into_owned(),
            notes: entry.notes.into_owned(),
            source: entry.source.into_owned(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AcceptedEntry<'a> {
    kind: ConflictKind,
    missions: Cow<'a, [MissionId]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<Cow<'a, AgencyId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resource: Option<Cow<'a, ResourceId>>,
    /// Required: an accepted conflict nobody can explain is a conflict hidden.
    #[serde(deserialize_with = "reason")]
    reason: Cow<'a, str>,
}

/// A reason that says something. Refused inside the string's own reading, so that the message
/// points at the reason rather than at the end of the entry.
fn reason<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Cow<'static, str>, D::Error> {
    struct Reason;
    impl serde::de::Visitor<'_> for Reason {
        type Value = Cow<'static, str>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the reason the conflict is accepted")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            if text.trim().is_empty() {
                return Err(E::custom(
                    "an accepted conflict needs its reason: say in `reason` why it is accepted",
                ));
            }
            Ok(Cow::Owned(text.to_owned()))
        }
    }
    deserializer.deserialize_str(Reason)
}

impl<'a> From<&'a AcceptedConflict> for AcceptedEntry<'a> {
    fn from(accepted: &'a AcceptedConflict) -> Self {
        Self {
            kind: accepted.kind,
            missions: Cow::Borrowed(&accepted.missions),
            agency: accepted.agency.as_ref().map(Cow::Borrowed),
            resource: accepted.resource.as_ref().map(Cow::Borrowed),
            reason: Cow::Borrowed(&accepted.reason),
        }
    }
}

impl From<AcceptedEntry<'_>> for AcceptedConflict {
    fn from(entry: AcceptedEntry<'_>) -> Self {
        Self {
            kind: entry.kind,
            missions: entry.missions.into_owned(),
            agency: entry.agency.map(Cow::into_owned),
            resource: entry.resource.map(Cow::into_owned),
            reason: entry.reason.into_owned(),
        }
    }
}

/// A saved view as a file of `VERSION` holds it; its range is checked as it is read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "ViewFields<VERSION>")]
pub(super) struct ViewEntry<'a, const VERSION: u32> {
    id: Cow<'a, ViewId>,
    name: Cow<'a, str>,
    #[serde(with = "date")]
    from: NaiveDate,
    #[serde(with = "date")]
    to: NaiveDate,
    #[serde(default, skip_serializing_if = "is_default")]
    group_by: GroupBy,
    #[serde(default, skip_serializing_if = "FilterEntry::is_empty")]
    filters: FilterEntry<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    show_cancelled: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    locked: bool,
}

/// A view as read, before its range is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFields<const VERSION: u32> {
    id: ViewId,
    name: String,
    #[serde(with = "date")]
    from: NaiveDate,
    #[serde(with = "date")]
    to: NaiveDate,
    #[serde(default)]
    group_by: GroupBy,
    #[serde(default, deserialize_with = "filters_in::<_, VERSION>")]
    filters: FilterEntry<'static>,
    #[serde(default)]
    show_cancelled: bool,
    #[serde(default)]
    locked: bool,
}

fn filters_in<'de, D: Deserializer<'de>, const VERSION: u32>(
    deserializer: D,
) -> Result<FilterEntry<'static>, D::Error> {
    let filters = FilterEntry::deserialize(deserializer)?;
    if filters.statuses.contains(&MissionStatus::Paused) {
        needs(VERSION, 3, "a filter on the status \"paused\"")?;
    }
    Ok(filters)
}

impl<const VERSION: u32> TryFrom<ViewFields<VERSION>> for ViewEntry<'static, VERSION> {
    type Error = String;

    fn try_from(v: ViewFields<VERSION>) -> Result<Self, String> {
        if v.to <= v.from {
            return Err(format!(
                "view {:?}: expected \"to\" ({}) after \"from\" ({})",
                v.id.as_str(),
                v.to,
                v.from
            ));
        }
        Ok(Self {
            id: Cow::Owned(v.id),
            name: Cow::Owned(v.name),
            from: v.from,
            to: v.to,
            group_by: v.group_by,
            filters: v.filters,
            show_cancelled: v.show_cancelled,
            locked: v.locked,
        })
    }
}

impl<'a, const VERSION: u32> From<&'a SavedView> for ViewEntry<'a, VERSION> {
    fn from(view: &'a SavedView) -> Self {
        Self {
            id: Cow::Borrowed(&view.id),
            name: Cow::Borrowed(&view.name),
            from: view.from,
            to: view.to,
            group_by: view.group_by,
            filters: FilterEntry::from(&view.filters),
            show_cancelled: view.show_cancelled,
            locked: view.locked,
        }
    }
}

impl<const VERSION: u32> From<ViewEntry<'_, VERSION>> for SavedView {
    fn from(entry: ViewEntry<'_, VERSION>) -> Self {
        Self {
            id: entry.id.into_owned(),
            name: entry.name.into_owned(),
            from: entry.from,
            to: entry.to,
            group_by: entry.group_by,
            filters: entry.filters.into(),
            show_cancelled: entry.show_cancelled,
            locked: entry.locked,
        }
    }
}

/// A view's filters. The window's settings keep what it shows in the same words.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FilterEntry<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    agencies: Cow<'a, [AgencyId]>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    destinations: Cow<'a, [DestinationId]>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    kinds: Cow<'a, [MissionKind]>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    statuses: Cow<'a, [MissionStatus]>,
    #[serde(skip_serializing_if = "str::is_empty")]
    text: Cow<'a, str>,
}

impl FilterEntry<'_> {
    fn is_empty(&self) -> bool {
        self.agencies.is_empty()
            && self.destinations.is_empty()
            && self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.text.is_empty()
    }
}

impl<'a> From<&'a Filter> for FilterEntry<'a> {
    fn from(filter: &'a Filter) -> Self {
        Self {
            agencies: Cow::Borrowed(&filter.agencies),
            destinations: Cow::Borrowed(&filter.destinations),
            kinds: Cow::Borrowed(&filter.kinds),
            statuses: Cow::Borrowed(&filter.statuses),
            text: Cow::Borrowed(&filter.text),
        }
    }
}

impl From<FilterEntry<'_>> for Filter {
    fn from(entry: FilterEntry<'_>) -> Self {
        Self {
            agencies: entry.agencies.into_owned(),
            destinations: entry.destinations.into_owned(),
            kinds: entry.kinds.into_owned(),
            statuses: entry.statuses.into_owned(),
            text: entry.text.into_owned(),
        }
    }
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        FilterEntry::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        FilterEntry::deserialize(deserializer).map(Self::from)
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A count of missions at once must be at least 1: 0 would make every mission a conflict.
fn positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let n = i64::deserialize(deserializer)?;
    u32::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
        serde::de::Error::custom(format!("expected a whole number of at least 1, found {n}"))
    })
}

fn some_positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    positive(deserializer).map(Some)
}

/// The entries of `items`, borrowing them: what is written.
pub(super) fn borrowed<'a, T, E: From<&'a T>>(items: &'a [T]) -> Vec<E> {
    items.iter().map(E::from).collect()
}

/// The model's parts of `entries` read: what is kept.
pub(super) fn owned<E, T: From<E>>(entries: Vec<E>) -> Vec<T> {
    entries.into_iter().map(T::from).collect()
}
