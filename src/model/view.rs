//! Saved views: named ways of looking at the roadmap (a time range, the lanes, the filters), kept
//! in the roadmap file so that a working group shares them and steps through them when
//! presenting. What the lanes are and which missions pass the filters live here too, as they are
//! what a view saves.

use chrono::NaiveDate;

use super::{AgencyId, DestinationId, Mission, MissionKind, MissionStatus, ViewId};

/// What the lanes are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// One lane per destination, in the file's order.
    #[default]
    Destination,
    /// One lane per agency: a mission in its lead's lane, and hatched in each contributor's.
    Agency,
}

/// Which missions are shown. An empty list lets every value through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Missions led by, or with a contribution from, one of these agencies.
    pub agencies: Vec<AgencyId>,
    /// Missions to one of these destinations.
    pub destinations: Vec<DestinationId>,
    /// Missions of these kinds.
    pub kinds: Vec<MissionKind>,
    /// Missions of these statuses (cancelled ones also need "show cancelled").
    pub statuses: Vec<MissionStatus>,
    /// Missions whose name or notes contain this text, in any case.
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedView {
    /// Short id: `lunar`.
    pub id: ViewId,
    /// Its name, the title shown when presenting it.
    pub name: String,
    /// First day shown.
    pub from: NaiveDate,
    /// Last day shown; after `from`.
    pub to: NaiveDate,
    /// What the lanes are.
    pub group_by: GroupBy,
    /// Which missions are shown.
    pub filters: Filter,
    /// Whether cancelled missions are shown.
    pub show_cancelled: bool,
    /// Whether missions stay where they are while the view is presented (no dragging).
    pub locked: bool,
}
