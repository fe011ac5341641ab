//! What the chart is given and what it gives back: the session and how the window shows it,
//! and what the user did on the chart.

use chrono::NaiveDate;

use crate::edit::MissionKey;
use crate::layout::{LaneKey, Showing};
use crate::ui::session::Session;

/// New dates for missions: `(key, start, end)`.
pub type Dates = Vec<(MissionKey, NaiveDate, NaiveDate)>;

/// Width of the column of lane names left of the chart, where there is room.
const GUTTER_WIDTH: f32 = 170.0;

/// Width of the column of lane names left of a chart `total` wide with it: less in a narrow
/// window (or at a large text size), so that the missions keep most of the width.
pub fn gutter_width(total: f32) -> f32 {
    GUTTER_WIDTH.min(total * 0.2)
}

/// What the user did on the chart.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineAction {
    /// Select these missions (`add`: keep the rest of the selection, toggling these).
    Select {
        /// The missions clicked.
        missions: Vec<MissionKey>,
        /// Ctrl or Shift was held.
        add: bool,
    },
    /// Select nothing.
    ClearSelection,
    /// Show this mission's fields (a double-click on its bar).
    Inspect(MissionKey),
    /// Add a mission starting on this day, on this lane.
    NewMission {
        /// The day clicked.
        start: NaiveDate,
        /// The lane clicked, if any.
        lane: Option<LaneKey>,
    },
    /// Missions' dates while a drag is under way.
    Preview(Dates),
    /// The drag ended: record it as one step with this label.
    EndGesture(String),
    /// The drag was abandoned (Esc): put the missions back.
    CancelGesture,
    /// Arrow keys moved the selection by one snap unit.
    Nudge(Dates),
}

/// What the chart shows: the session, and how the window around it shows it.
pub struct ChartInput<'a> {
    /// The open roadmap and all derived from it.
    pub session: &'a Session,
    /// How missions are grouped and filtered (to fit the view to them).
    pub showing: &'a Showing,
    /// Whether the legend is drawn.
    pub show_legend: bool,
    /// Missions stay where they are: no dragging, nudging or adding (a locked view presented).
    pub locked: bool,
}
