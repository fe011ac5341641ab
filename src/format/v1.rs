//! Version 1 of the file, as read: version 2 without `accepted` conflicts, `fixed` missions and
//! start estimates. A version-1 file that uses any of them is refused with a message that says to set
//! `"version": 2`, so that an older program never meets a field it would misread.

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
    #[serde(deserialize_with = "missions_of_version_1")]
    missions: Vec<MissionEntry<'static>>,
    #[serde(default)]
    views: Vec<ViewEntry<'static>>,
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

/// The mission list, refused (at its end, where the reader stands) when a mission uses a field
/// of version 2.
fn missions_of_version_1<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<MissionEntry<'static>>, D::Error> {
    let missions = Vec::<MissionEntry>::deserialize(deserializer)?;
    let field_of_version_2 = |m: &MissionEntry| {
        if m.fixed {
            Some("is `fixed`")
        } else if m.start_estimate.is_some() {
            Some("has a `start_estimate`")
        } else {
            None
        }
    };
    match missions
        .iter()
        .find_map(|m| Some((m, field_of_version_2(m)?)))
    {
        Some((mission, what)) => Err(serde::de::Error::custom(format!(
            "mission `{}` {what}, which needs format version 2: set \"version\": 2",
            mission.id()
        ))),
        None => Ok(missions),
    }
}
