//! Version 1 of the file, as read: without the roadmap's `accepted` conflicts. Its entries are
//! read as version 1 (no `fixed` missions, start estimates, outcomes or paused status); a
//! version-1 file that uses anything newer is refused with the version to set, so that an older
//! program never meets a field it would misread.

use serde::{Deserialize, Deserializer};

use super::entries::{
    AgencyEntry, DestinationEntry, MissionEntry, PhaseEntry, ResourceEntry, ViewEntry, owned,
};
use super::{FormatTag, Version};
use crate::model::Roadmap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "format")]
    _format: FormatTag,
    #[serde(rename = "version")]
    _version: Version,
    title: String,
    #[serde(default)]
    description: String,
    agencies: Vec<AgencyEntry<'static>>,
    destinations: Vec<DestinationEntry<'static>>,
    #[serde(default)]
    phases: Vec<PhaseEntry<'static>>,
    #[serde(default)]
    resources: Vec<ResourceEntry<'static>>,
    missions: Vec<MissionEntry<'static, 1>>,
    #[serde(default)]
    views: Vec<ViewEntry<'static, 1>>,
    #[serde(default, rename = "accepted", deserialize_with = "refuse_accepted")]
    _accepted: (),
}

pub(super) fn from_json(text: &str) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(serde_json::from_str(text)?))
}

pub(super) fn from_value(value: &serde_json::Value) -> Result<Roadmap, serde_json::Error> {
    Ok(into_roadmap(File::deserialize(value)?))
}

fn into_roadmap(file: File) -> Roadmap {
    Roadmap {
        title: file.title,
        description: file.description,
        agencies: owned(file.agencies),
        destinations: owned(file.destinations),
        phases: owned(file.phases),
        resources: owned(file.resources),
        missions: owned(file.missions),
        views: owned(file.views),
        accepted: Vec::new(),
    }
}

/// `accepted` belongs to version 2: said so rather than as an unknown field.
fn refuse_accepted<'de, D: Deserializer<'de>>(_: D) -> Result<(), D::Error> {
    Err(serde::de::Error::custom(
        "`accepted` conflicts need format version 2: set \"version\": 2",
    ))
}
