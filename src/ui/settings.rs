//! What outlives a run of the window: the view, the panels, the recent files.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::look::Look;
use crate::layout::{Showing, TimeView};

/// What outlives a run: the view, the panels, the files.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The visible time range.
    pub time: TimeView,
    /// How the chart groups and filters the missions.
    pub showing: Showing,
    /// Whether the side panel (conflicts, changes, statistics) is hidden.
    #[serde(alias = "hide_conflicts")]
    pub hide_side_panel: bool,
    /// What the side panel shows.
    pub side_tab: SideTab,
    /// Whether the chart's legend is hidden.
    pub hide_legend: bool,
    /// Most recently opened files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// The window's theme and text size.
    pub look: Look,
    /// Whether presentation mode uses the high-contrast light theme.
    pub high_contrast_presentation: bool,
    /// Whether dragging a mission later pushes the missions that depend on it.
    #[serde(default)]
    pub push_successors: bool,
    /// Whether the outlook is shown: tails to each mission's P80 end, percentiles in the
    /// tooltips, the Mission tab and the Statistics tab.
    #[serde(default)]
    pub show_outlook: bool,
}

/// What the side panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// Every field of the selected mission.
    Mission,
    /// The agencies, to edit and to highlight.
    Agencies,
    /// Title, lanes, phases and resources.
    Roadmap,
    /// The conflicts of the roadmap.
    #[default]
    Conflicts,
    /// What changed since the baseline, in compare mode.
    Changes,
    /// Charts of the roadmap.
    Statistics,
    /// The conflicts of a merge being resolved.
    Merge,
    /// The changes of the updates being integrated.
    Updates,
}

impl SideTab {
    pub(super) const ALL: [Self; 8] = [
        Self::Merge,
        Self::Updates,
        Self::Mission,
        Self::Agencies,
        Self::Roadmap,
        Self::Conflicts,
        Self::Changes,
        Self::Statistics,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Mission => "Mission",
            Self::Agencies => "Agencies",
            Self::Roadmap => "Roadmap",
            Self::Conflicts => "Conflicts",
            Self::Changes => "Changes",
            Self::Statistics => "Statistics",
            Self::Merge => "Merge",
            Self::Updates => "Updates",
        }
    }
}
