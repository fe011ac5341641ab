//! Version 2 of the file: version 1 plus a mission's `fixed` flag and `start_estimate`, and the
//! roadmap's `accepted` conflicts. Every roadmap is written through this module, with the lowest version
//! that holds it, so a roadmap that uses nothing of version 2 is written exactly as version 1.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::entries::{
    AcceptedEntry, AgencyEntry, DestinationEntry, MissionEntry, PhaseEntry, ResourceEntry,
    ViewEntry, borrowed, owned,
};
use super::{FormatTag, Version};
use crate::model::{Mission, Roadmap};

/// The top-level object, in canonical field order. It borrows the roadmap to write and owns what
/// it reads, so one struct serves both ways.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File<'a> {
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
    missions: Vec<MissionEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    views: Vec<ViewEntry<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    accepted: Vec<AcceptedEntry<'a>>,
}

pub(super) fn from_json(text: &str) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(serde_json::from_str(text)?))
}

pub(super) fn from_value(value: &serde_json::Value) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(File::deserialize(value)?))
}

fn into_roadmap(file: File<'_>) -> Roadmap {
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
    serde_json::to_value(MissionEntry::from(mission)).expect("a mission always serialises")
}

pub(super) fn mission_from_value(value: &serde_json::Value) -> Result<Mission, serde_json::Error> {
    MissionEntry::deserialize(value).map(Mission::from)
}

fn file(roadmap: &Roadmap) -> File<'_> {
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

/// The lowest version that holds the roadmap: 2 when it uses a field of version 2, else 1, so
/// that files which do not use them never change and older programs still open them.
pub(super) fn lowest_version(roadmap: &Roadmap) -> u32 {
    let uses_version_2 = |m: &Mission| m.fixed || m.start_estimate.is_some();
    if roadmap.accepted.is_empty() && !roadmap.missions.iter().any(uses_version_2) {
        1
    } else {
        2
    }
}
