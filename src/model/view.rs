//! Saved views: named ways of looking at the roadmap (a time range, the lanes, the filters), kept
//! in the roadmap file so that a working group shares them and steps through them when
//! presenting. What the lanes are and which missions pass the filters live here too, as they are
//! what a view saves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AgencyId, DestinationId, Mission, MissionKind, MissionStatus, ViewId};

/// What the lanes are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// One lane per destination, in the file's order.
    #[default]
    #[serde(alias = "Destination")]
    Destination,
    /// One lane per agency: a mission in its lead's lane, and hatched in each contributor's.
    #[serde(alias = "Agency")]
    Agency,
}

/// Which missions are shown. An empty list lets every value through.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// Missions led by, or with a contribution from, one of these agencies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<AgencyId>,
    /// Missions to one of these destinations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<DestinationId>,
    /// Missions of these kinds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<MissionKind>,
    /// Missions of these statuses (cancelled ones also need "show cancelled").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<MissionStatus>,
    /// Missions whose name or notes contain this text, in any case.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Filter {
    /// Whether the filter lets `mission` through.
    pub fn admits(&self, mission: &Mission) -> bool {
        let any_or = |empty: bool, found: bool| empty || found;
        any_or(
            self.agencies.is_empty(),
            self.agencies.contains(&mission.lead)
                || mission
                    .contributors
                    .iter()
                    .any(|c| self.agencies.contains(&c.agency)),
        ) && any_or(
            self.destinations.is_empty(),
            self.destinations.contains(&mission.destination),
        ) && any_or(self.kinds.is_empty(), self.kinds.contains(&mission.kind))
            && any_or(
                self.statuses.is_empty(),
                self.statuses.contains(&mission.status),
            )
            && self.matches_text(mission)
    }

    fn matches_text(&self, mission: &Mission) -> bool {
        let needle = self.text.trim();
        if needle.is_empty() {
            return true;
        }
        let needle = needle.to_lowercase();
        mission.name.to_lowercase().contains(&needle)
            || mission.notes.to_lowercase().contains(&needle)
    }

    /// Whether the filter hides anything at all.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

/// A named view of the roadmap: "Lunar 2024–2032", "Mars windows", "ESA contributions".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "ViewFields")]
pub struct SavedView {
    /// Short id: `lunar`.
    pub id: ViewId,
    /// Its name, the title shown when presenting it.
    pub name: String,
    /// First day shown.
    #[serde(with = "super::date")]
    pub from: NaiveDate,
    /// Last day shown; after `from`.
    #[serde(with = "super::date")]
    pub to: NaiveDate,
    /// What the lanes are.
    #[serde(default, skip_serializing_if = "is_default")]
    pub group_by: GroupBy,
    /// Which missions are shown.
    #[serde(default, skip_serializing_if = "is_default")]
    pub filters: Filter,
    /// Whether cancelled missions are shown.
    #[serde(default, skip_serializing_if = "is_default")]
    pub show_cancelled: bool,
    /// Whether missions stay where they are while the view is presented (no dragging).
    #[serde(default, skip_serializing_if = "is_default")]
    pub locked: bool,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A view as read, before its range is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFields {
    id: ViewId,
    name: String,
    #[serde(with = "super::date")]
    from: NaiveDate,
    #[serde(with = "super::date")]
    to: NaiveDate,
    #[serde(default)]
    group_by: GroupBy,
    #[serde(default)]
    filters: Filter,
    #[serde(default)]
    show_cancelled: bool,
    #[serde(default)]
    locked: bool,
}

impl TryFrom<ViewFields> for SavedView {
    type Error = String;

    fn try_from(v: ViewFields) -> Result<Self, String> {
        if v.to <= v.from {
            return Err(format!(
                "view {:?}: expected \"to\" ({}) after \"from\" ({})",
                v.id.as_str(),
                v.to,
                v.from
            ));
        }
        Ok(Self {
            id: v.id,
            name: v.name,
            from: v.from,
            to: v.to,
            group_by: v.group_by,
            filters: v.filters,
            show_cancelled: v.show_cancelled,
            locked: v.locked,
        })
    }
}
