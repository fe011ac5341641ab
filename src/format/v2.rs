//! Version 2 of the file: version 1 plus a mission's `fixed` flag and `start_estimate`, and the
//! roadmap's `accepted` conflicts. Every roadmap is written through this module, with the lowest version
//! that holds it, so a roadmap that uses nothing of version 2 is written exactly as version 1.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{FormatTag, Version};
use crate::model::{
    AcceptedConflict, Agency, Destination, Mission, Phase, Resource, Roadmap, SavedView,
};

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
    agencies: Cow<'a, [Agency]>,
    destinations: Cow<'a, [Destination]>,
    #[serde(default, skip_serializing_if = "<[Phase]>::is_empty")]
    phases: Cow<'a, [Phase]>,
    #[serde(default, skip_serializing_if = "<[Resource]>::is_empty")]
    resources: Cow<'a, [Resource]>,
    missions: Cow<'a, [Mission]>,
    #[serde(default, skip_serializing_if = "<[SavedView]>::is_empty")]
    views: Cow<'a, [SavedView]>,
    #[serde(default, skip_serializing_if = "<[AcceptedConflict]>::is_empty")]
    accepted: Cow<'a, [AcceptedConflict]>,
}

pub(super) fn from_json(text: &str) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(serde_json::from_str(text)?))
}

pub(super) fn from_value(value: &serde_json::Value) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(File::deserialize(value)?))
}

fn into_roadmap(file: File<'static>) -> Roadmap {
    Roadmap {
        title: file.title.into_owned(),
        description: file.description.into_owned(),
        agencies: file.agencies.into_owned(),
        destinations: file.destinations.into_owned(),
        phases: file.phases.into_owned(),
        resources: file.resources.into_owned(),
        missions: file.missions.into_owned(),
        views: file.views.into_owned(),
        accepted: file.accepted.into_owned(),
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
    serde_json::to_value(mission).expect("a mission always serialises")
}

pub(super) fn mission_from_value(value: &serde_json::Value) -> Result<Mission, serde_json::Error> {
    Mission::deserialize(value)
}

fn file(roadmap: &Roadmap) -> File<'_> {
    File {
        format: FormatTag,
        version: Version(lowest_version(roadmap)),
        title: Cow::Borrowed(&roadmap.title),
        description: Cow::Borrowed(&roadmap.description),
        agencies: Cow::Borrowed(&roadmap.agencies),
        destinations: Cow::Borrowed(&roadmap.destinations),
        phases: Cow::Borrowed(&roadmap.phases),
        resources: Cow::Borrowed(&roadmap.resources),
        missions: Cow::Borrowed(&roadmap.missions),
        views: Cow::Borrowed(&roadmap.views),
        accepted: Cow::Borrowed(&roadmap.accepted),
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
