//! What the chart shows: how missions are grouped into lanes, and which missions pass the
//! filters. Part of the view, not of the roadmap: saved with the window's settings.

use serde::{Deserialize, Serialize};

pub use crate::model::{Filter, GroupBy};
use crate::model::{Mission, MissionStatus, SavedView};

/// How the chart shows the roadmap.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Showing {
    /// Whether cancelled missions are drawn.
    pub show_cancelled: bool,
    /// What the lanes are.
    pub group_by: GroupBy,
    /// Which missions pass.
    pub filter: Filter,
    /// Whether each mission's name says its lead agency ("Artemis III (NASA)"), so that the
    /// agencies are told apart by text as well as by colour.
    pub agency_in_names: bool,
}

impl Showing {
    /// How a saved view shows the roadmap.
    pub fn of_view(view: &SavedView) -> Self {
        Self {
            show_cancelled: view.show_cancelled,
            group_by: view.group_by,
            filter: view.filters.clone(),
            agency_in_names: false,
        }
    }

    /// Whether `mission` is drawn.
    pub fn shows(&self, mission: &Mission) -> bool {
        (self.show_cancelled || mission.status != MissionStatus::Cancelled)
            && self.filter.admits(mission)
    }
}
