//! Versions 2 and 3 of the file. Version 2 is version 1 plus a mission's `fixed` flag and
//! `start_estimate`, and the roadmap's `accepted` conflicts; version 3 adds a flown mission's
//! `outcome` and the `paused` status. One top-level struct serves both, read for the version
//! the file names. Every roadmap is written through this module with the lowest version that
//! holds it, so a roadmap that uses nothing newer than version 1 is written exactly as version 1.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::entries::{
    AcceptedEntry, AgencyEntry, DestinationEntry, MissionEntry, PhaseEntry, ResourceEntry,
    ViewEntry, borrowed, owned,
};
use super::{FormatTag, Version};
use crate::model::{Mission, MissionStatus, Roadmap};

/// The version written, and read by [`mission_from_value`].
const NEWEST: u32 = super::CURRENT_VERSION;

/// The top-level object of a file of `VERSION`, in canonical field order. It borrows the
/// roadmap to write and owns what it reads, so one struct serves both ways.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File<'a, const VERSION: u32> {
    format: FormatTag,
    version: Version,
    title: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    description: Cow<'a, str>,
    agencies: Vec<AgencyEntry<'a>>,
    destinations: Vec<DestinationEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    phases: Vec<PhaseEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    resources: Vec<ResourceEntry<'a>>,
    missions: Vec<MissionEntry<'a, VERSION>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    views: Vec<ViewEntry<'a, VERSION>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    accepted: Vec<AcceptedEntry<'a>>,
}

/// A file of `version` 2 or 3 read.
pub(super) fn from_json(version: u32, text: &str) -> Result<Roadmap, serde_json::Error> {
    if version == 2 {
        Ok(into_roadmap(serde_json::from_str::<File<2>>(text)?))
    } else {
        Ok(into_roadmap(serde_json::from_str::<File<3>>(text)?))
    }
}

/// A roadmap of `version` 2 or 3 as a JSON value read.
pub(super) fn from_value(
    version: u32,
    value: &serde_json::Value,
) -> Result<Roadmap, serde_json::Error> {
    if version == 2 {
        Ok(into_roadmap(File::<2>::deserialize(value)?))
    } else {
        Ok(into_roadmap(File::<3>::deserialize(value)?))
    }
}

fn into_roadmap<const VERSION: u32>(file: File<'_, VERSION>) -> Roadmap {
    Roadmap {
        title: file.title.into_owned(),
        description: file.description.into_owned(),
        agencies: owned(file.agencies),
        destinations: owned(file.destinations),
        phases: owned(file.phases),
        resources: owned(file.resources),
        missions: owned(file.missions),
        views: owned(file.views),
        accepted: owned(file.accepted),
    }
}

#[expect(
    clippy::expect_used,
    reason = "plain structs with string keys always serialise; failure would be a bug here"
)]
pub(super) fn to_json(roadmap: &Roadmap) -> String {
    serde_json::to_string_pretty(&file(roadmap)).expect("a roadmap always serialises")
}

#[expect(
    clippy::expect_used,
    reason = "plain structs with string keys always serialise; failure would be a bug here"
)]
pub(super) fn to_value(roadmap: &Roadmap) -> serde_json::Value {
    serde_json::to_value(file(roadmap)).expect("a roadmap always serialises")
}

#[expect(
    clippy::expect_used,
    reason = "plain structs with string keys always serialise; failure would be a bug here"
)]
pub(super) fn mission_to_value(mission: &Mission) -> serde_json::Value {
    serde_json::to_value(MissionEntry::<NEWEST>::from(mission))
        .expect("a mission always serialises")
}

pub(super) fn mission_from_value(value: &serde_json::Value) -> Result<Mission, serde_json::Error> {
    MissionEntry::<NEWEST>::deserialize(value).map(Mission::from)
}

/// The roadmap to write: its fields are the newest version's, and the version it names is the
/// lowest that holds them.
fn file(roadmap: &Roadmap) -> File<'_, NEWEST> {
    File {
        format: FormatTag,
        version: Version(lowest_version(roadmap)),
        title: Cow::Borrowed(&roadmap.title),
        description: Cow::Borrowed(&roadmap.description),
        agencies: borrowed(&roadmap.agencies),
        destinations: borrowed(&roadmap.destinations),
        phases: borrowed(&roadmap.phases),
        resources: borrowed(&roadmap.resources),
        missions: borrowed(&roadmap.missions),
        views: borrowed(&roadmap.views),
        accepted: borrowed(&roadmap.accepted),
    }
}

/// The lowest version that holds the roadmap: 3 when it uses an outcome or the paused status,
/// 2 when it uses a field of version 2, else 1, so that files which do not use them never
/// change and older programs still open them.
pub(super) fn lowest_version(roadmap: &Roadmap) -> u32 {
    let paused = |status: &MissionStatus| *status == MissionStatus::Paused;
    let uses_version_3 = roadmap
        .missions
        .iter()
        .any(|m| m.outcome.is_some() || paused(&m.status))
        || (roadmap.views.iter()).any(|v| v.filters.statuses.iter().any(paused));
    let uses_version_2 = !roadmap.accepted.is_empty()
        || (roadmap.missions.iter()).any(|m| m.fixed || m.start_estimate.is_some());
    if uses_version_3 {
        3
    } else if uses_version_2 {
        2
    } else {
        1
    }
}
