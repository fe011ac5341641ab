//! What the chart shows, positioned: the output of layout and the input of every painter (the
//! window and the exports). Coordinates are pixels from the chart's top-left corner.

use crate::analysis::Severity;
use crate::model::{MissionKind, MissionStatus};

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Rect {
    /// Width.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Vertical centre.
    pub fn centre_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// A swimlane: one destination.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Shown at the lane's left.
    pub name: String,
    /// Top and bottom of the lane; spans the chart's width.
    pub top: f32,
    /// Bottom of the lane.
    pub bottom: f32,
}

/// What a shaded band stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandKind {
    /// A phase of the roadmap: spans every lane.
    Phase,
    /// A launch window: spans its destination's lane.
    LaunchWindow,
}

/// A shaded stretch of time.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Where it is drawn.
    pub rect: Rect,
    /// Phase or launch window.
    pub kind: BandKind,
    /// A phase's name; launch windows are not labelled.
    pub label: Option<String>,
}

/// How a mission is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarShape {
    /// A bar from start to end.
    Bar,
    /// A diamond: a one-day mission.
    Milestone,
}

/// Where a bar's label goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelPlacement {
    /// Inside the bar, shortened with "…" where it does not fit.
    Inside,
    /// Right of the bar: the space there is free.
    Beside,
    /// Not drawn; shown on hover.
    Hidden,
}

/// A mission on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Position of the mission in the roadmap's list.
    pub mission: usize,
    /// The mission's name (the bar's accessible label).
    pub name: String,
    /// Where the bar (or the diamond's bounding box) is drawn.
    pub rect: Rect,
    /// Bar or diamond.
    pub shape: BarShape,
    /// The lead agency's colour.
    pub color: Rgb,
    /// Crewed or not, drawn without colour too.
    pub kind: MissionKind,
    /// Drawn with its style: concept dashed, confirmed bold, flown muted, cancelled faint.
    pub status: MissionStatus,
    /// The worst conflict the mission is part of.
    pub conflict: Option<Severity>,
    /// Whether the mission is selected.
    pub selected: bool,
    /// Where its label goes.
    pub label: LabelPlacement,
}

/// A dependency: from the end of one mission to the start of another.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// End of the mission depended on.
    pub from: [f32; 2],
    /// Start of the dependent mission.
    pub to: [f32; 2],
    /// Drawn red when the dependency is violated.
    pub violated: bool,
}

/// Everything the chart draws, in drawing order (bands, then arrows, then bars).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    /// Chart width.
    pub width: f32,
    /// Height of all lanes together, which may exceed the visible height.
    pub content_height: f32,
    /// Swimlanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Phases and launch windows.
    pub bands: Vec<Band>,
    /// Time axis marks.
    pub ticks: Vec<super::Tick>,
    /// The line at today, when in view.
    pub today: Option<f32>,
    /// Dependency arrows.
    pub arrows: Vec<Arrow>,
    /// Missions in view.
    pub bars: Vec<Bar>,
    /// Vertical centre of every shown mission's row (in view or not), by position in the
    /// roadmap: where to scroll to bring a mission into view.
    pub centre_y: Vec<Option<f32>>,
}
