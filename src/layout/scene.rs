//! What the chart shows, positioned: the output of layout and the input of every painter (the
//! window and the exports). Coordinates are pixels from the chart's top-left corner.

use std::sync::Arc;

use super::metrics::{
    CREW_ICON_WIDTH, HEADER_HEIGHT, MIN_CREW_ICON_BAR, OUTCOME_BADGE, PAUSE_SIGN_WIDTH,
};

use super::text::{LINE_HEIGHT, text_width};
use crate::analysis::Severity;
use crate::model::{AgencyId, DestinationId, MissionKind, MissionStatus, Outcome};

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
    /// Whether the point is inside (edges included).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }

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

/// What a lane stands for: where a new mission drawn in it goes, or who leads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneKey {
    /// A destination's lane.
    Destination(DestinationId),
    /// An agency's lane.
    Agency(AgencyId),
    /// Missions whose destination or lead names nothing.
    Unknown,
}

/// A mark on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixels from the chart's left edge.
    pub x: f32,
    /// The label of a major tick, right of its line in the upper half of the header; minor
    /// ticks are grid lines only.
    pub label: Option<Label>,
}

/// A swimlane: one destination, or one agency.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Shown at the lane's left.
    pub name: String,
    /// What it stands for.
    pub key: LaneKey,
    /// Top and bottom of the lane; spans the chart's width.
    pub top: f32,
    /// Bottom of the lane.
    pub bottom: f32,
    /// Its bars, in the scene's `bars`.
    pub bars: std::ops::Range<usize>,
    /// Its ghosts, in the scene's `ghosts`.
    pub ghosts: std::ops::Range<usize>,
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
    /// A phase's name, where there is room for it; launch windows are not labelled.
    pub label: Option<Label>,
}

/// How a mission is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarShape {
    /// A bar from start to end.
    Bar,
    /// A diamond: a one-day mission.
    Milestone,
}

/// A name where it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The name, or its start and "…" where the whole does not fit.
    pub text: Arc<str>,
    /// The box the text takes: it is drawn from the left edge, centred vertically.
    pub rect: Rect,
    /// Within the shape it names (drawn in a colour that reads on it), or beside it.
    pub inside: bool,
}

impl Label {
    /// A label of `text` at `size` starting at `left`, centred on `centre_y`.
    pub fn at(
        text: impl Into<Arc<str>>,
        size: f32,
        left: f32,
        centre_y: f32,
        inside: bool,
    ) -> Self {
        let text = text.into();
        let width = text_width(&text, size);
        Self {
            rect: text_box(left, width, size, centre_y),
            text,
            inside,
        }
    }
}

/// The box of a line of text `width` wide at `size`, from `left`, centred on `centre_y`.
pub fn text_box(left: f32, width: f32, size: f32, centre_y: f32) -> Rect {
    let half_height = size * LINE_HEIGHT / 2.0;
    Rect {
        left,
        top: centre_y - half_height,
        right: left + width,
        bottom: centre_y + half_height,
    }
}

/// A mission on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Position of the mission in the roadmap's list.
    pub mission: usize,
    /// The mission's name (the bar's accessible label); for a contribution, with its role.
    pub name: Arc<str>,
    /// A contribution to the mission (drawn hatched), not the mission itself.
    pub contribution: bool,
    /// Where the bar (or the diamond's bounding box) is drawn.
    pub rect: Rect,
    /// Bar or diamond.
    pub shape: BarShape,
    /// The lead agency's colour.
    pub color: Rgb,
    /// Crewed or not, drawn without colour too.
    pub kind: MissionKind,
    /// Drawn with its style: concept dashed, confirmed bold, flown muted, paused faint with a
    /// pause sign, cancelled faint and struck through.
    pub status: MissionStatus,
    /// How a flown mission went, drawn as a badge on its end.
    pub outcome: Option<Outcome>,
    /// For a flown mission still operating (ending after today): where the part still
    /// operating begins (today's line, within the bar), drawn in full colour from there.
    pub operating_from: Option<f32>,
    /// The worst conflict the mission is part of.
    pub conflict: Option<Severity>,
    /// Whether the mission is selected.
    pub selected: bool,
    /// Whether the mission is on the driving path of the selected one: it sets its date.
    pub driving: bool,
    /// With the outlook shown: where the tail fading out to its P80 end stops, when that is
    /// after the bar's end.
    pub tail_to: Option<f32>,
    /// Drawn faint: another agency's missions are highlighted.
    pub dimmed: bool,
    /// Its name, where there is room for it (else the name shows on hover).
    pub label: Option<Label>,
}

/// Width of the grip at each end of a bar, by which it is resized.
pub const EDGE_GRIP: f32 = 8.0;
/// Narrowest bar with grips: narrower ones are moved, or resized after zooming in.
pub const MIN_RESIZABLE_WIDTH: f32 = 4.0;

/// Which part of a bar a point is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarPart {
    /// The middle: dragging it moves the mission.
    Body,
    /// The grip at the start: dragging it changes the start.
    Start,
    /// The grip at the end: dragging it changes the end.
    End,
}

impl Bar {
    /// Where the crew icon of a crewed mission goes: at the start of a bar wide enough for it,
    /// in the middle of a diamond.
    pub fn crew_icon_centre(&self) -> Option<Point> {
        if self.kind != MissionKind::Human {
            return None;
        }
        let r = &self.rect;
        match self.shape {
            BarShape::Bar if r.width() >= MIN_CREW_ICON_BAR => Some([r.left + 8.0, r.centre_y()]),
            BarShape::Bar => None,
            BarShape::Milestone => Some([(r.left + r.right) / 2.0, r.centre_y()]),
        }
    }

    /// Where a paused mission's pause sign (two upright strokes) goes: at the start of the
    /// bar, after the crew figure, when the bar has room for it.
    pub fn pause_sign(&self) -> Option<Rect> {
        let r = &self.rect;
        if self.status != MissionStatus::Paused || self.shape != BarShape::Bar {
            return None;
        }
        let crew = if self.crew_icon_centre().is_some() {
            CREW_ICON_WIDTH
        } else {
            0.0
        };
        let left = r.left + 4.0 + crew;
        let sign = Rect {
            left,
            top: r.top + 4.0,
            right: left + PAUSE_SIGN_WIDTH,
            bottom: r.bottom - 4.0,
        };
        (sign.right + 2.0 <= r.right).then_some(sign)
    }

    /// Where the badge of a flown mission's outcome goes: a square on the top edge at the
    /// bar's end (on the diamond's top-right corner), so it stays clear of the label.
    pub fn outcome_badge(&self) -> Option<Rect> {
        self.outcome?;
        let r = &self.rect;
        let half = OUTCOME_BADGE / 2.0;
        let x = if self.shape == BarShape::Bar && r.width() >= 2.0 * OUTCOME_BADGE {
            r.right - half - 1.0
        } else {
            r.right
        };
        Some(Rect {
            left: x - half,
            top: r.top - half,
            right: x + half,
            bottom: r.top + half,
        })
    }

    /// Where the badge of the bar's worst conflict goes: a square on the top edge at the bar's
    /// start (on the diamond's top-left corner), so a conflict reads by its shape too.
    pub fn conflict_badge(&self) -> Option<Rect> {
        self.conflict?;
        let r = &self.rect;
        let half = OUTCOME_BADGE / 2.0;
        let x = if self.shape == BarShape::Bar && r.width() >= 2.0 * OUTCOME_BADGE {
            r.left + half + 1.0
        } else {
            r.left
        };
        Some(Rect {
            left: x - half,
            top: r.top - half,
            right: x + half,
            bottom: r.top + half,
        })
    }

    /// The grips at the start and end of a bar wide enough to have them. They straddle the
    /// edges of a wide bar; a narrow one keeps its middle for moving and has them just outside.
    pub fn grips(&self) -> Option<(Rect, Rect)> {
        let width = self.rect.width();
        if self.shape != BarShape::Bar || width < MIN_RESIZABLE_WIDTH {
            return None;
        }
        let inward = if width >= 3.0 * EDGE_GRIP {
            EDGE_GRIP / 2.0
        } else {
            0.0
        };
        let (left, right) = (self.rect.left, self.rect.right);
        Some((
            Rect {
                left: left - EDGE_GRIP + inward,
                right: left + inward,
                ..self.rect
            },
            Rect {
                left: right - inward,
                right: right + EDGE_GRIP - inward,
                ..self.rect
            },
        ))
    }
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
    /// Positions in the roadmap of the mission depended on and of the dependent one (a deck
    /// glues its connector to their shapes).
    pub missions: (usize, usize),
}

/// A point of the chart: `[x, y]`.
pub type Point = [f32; 2];

impl Arrow {
    /// The elbow connector Gantt charts draw for finish-to-start links: out of the bar's end,
    /// down to the dependent row, into its start; around the back when it starts too early.
    /// The line's points (it stops where the head begins, so the tip stays sharp) and the
    /// corners of the head.
    pub fn path(&self) -> (Vec<Point>, [Point; 3]) {
        let (elbow, head) = (8.0, 7.0);
        let ([from_x, from_y], [to_x, to_y]) = (self.from, self.to);
        let mut line = if to_x - elbow >= from_x + elbow {
            let x = from_x + elbow;
            vec![self.from, [x, from_y], [x, to_y], self.to]
        } else {
            let middle = (from_y + to_y) / 2.0;
            let (out, back) = (from_x + elbow, to_x - elbow);
            vec![
                self.from,
                [out, from_y],
                [out, middle],
                [back, middle],
                [back, to_y],
                self.to,
            ]
        };
        if let Some(last) = line.last_mut() {
            last[0] -= head;
        }
        let tip = self.to;
        (
            line,
            [tip, [to_x - head, to_y - 4.0], [to_x - head, to_y + 4.0]],
        )
    }
}

/// Where a mission was in the baseline it is compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// Position of the mission in the roadmap's list.
    pub mission: usize,
    /// The mission's name.
    pub name: Arc<str>,
    /// Where its bar was, on its current row.
    pub rect: Rect,
    /// Where its bar starts now: the slip arrow runs from the ghost's start to here.
    pub now_left: f32,
    /// A proposed position (a fix previewed, successors pushed) rather than a baseline one:
    /// the arrow runs from the bar to the ghost.
    pub proposed: bool,
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
    pub ticks: Vec<Tick>,
    /// The line at today, when in view.
    pub today: Option<f32>,
    /// The today mark's text, beside the line.
    pub today_label: Option<Label>,
    /// The lead agencies of the bars in view, in the roadmap's order: `(id, colour)`, for the
    /// legend.
    pub agencies: Vec<(String, Rgb)>,
    /// Whether the bars have the outlook's tails (the legend then explains them).
    pub outlook: bool,
    /// Dependency arrows.
    pub arrows: Vec<Arrow>,
    /// Baseline positions of missions that moved, in compare mode; drawn under the bars.
    pub ghosts: Vec<Ghost>,
    /// Missions in view.
    pub bars: Vec<Bar>,
    /// Vertical centre of every shown mission's row (in view or not), by position in the
    /// roadmap: where to scroll to bring a mission into view.
    pub centre_y: Vec<Option<f32>>,
}

/// Text of the today mark.
pub const TODAY: &str = "Today";

impl Ghost {
    /// The slip arrow along the bottom of the row (under the labels that share it), from the
    /// baseline start to the current one, when they are far enough apart to draw one: the
    /// line's ends and the corners of its head.
    pub fn slip_arrow(&self) -> Option<([Point; 2], [Point; 3])> {
        let (from, now) = if self.proposed {
            (self.now_left, self.rect.left)
        } else {
            (self.rect.left, self.now_left)
        };
        let y = self.rect.bottom - 1.0;
        let head = 6.0;
        if (now - from).abs() <= head + 2.0 {
            return None;
        }
        let back = -(now - from).signum() * head;
        Some((
            [[from, y], [now + back, y]],
            [[now, y], [now + back, y - 3.5], [now + back, y + 3.5]],
        ))
    }
}

impl Scene {
    /// Every text drawn over the chart, where it is: bar labels, phase names, tick labels and
    /// the today mark. Layout keeps them from overlapping.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        let bars = self.bars.iter().filter_map(|b| b.label.as_ref());
        let bands = self.bands.iter().filter_map(|b| b.label.as_ref());
        let ticks = self.ticks.iter().filter_map(|t| t.label.as_ref());
        bars.chain(bands).chain(ticks).chain(&self.today_label)
    }

    /// The lane at height `y` of the chart.
    pub fn lane_at(&self, y: f32) -> Option<&Lane> {
        self.lanes.iter().find(|l| (l.top..l.bottom).contains(&y))
    }

    /// The bar at a point of the chart, by its index in `bars`, and the part of it there. The
    /// grips at a bar's edges win over any bar's body; where two grips meet, the one on its
    /// own bar wins; otherwise a bar drawn later wins over one drawn earlier. Nothing is hit
    /// above the lanes or beside the chart.
    pub fn hit(&self, x: f32, y: f32) -> Option<(usize, BarPart)> {
        if y < HEADER_HEIGHT || !(0.0..=self.width).contains(&x) {
            return None;
        }
        let grip_at = |k: usize, bar: &Bar| {
            let (start, end) = bar.grips()?;
            if start.contains(x, y) {
                Some((k, BarPart::Start))
            } else if end.contains(x, y) {
                Some((k, BarPart::End))
            } else {
                None
            }
        };
        let mut grips = self
            .bars
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(k, bar)| grip_at(k, bar));
        let first_grip = grips.next();
        let own_grip = first_grip
            .into_iter()
            .chain(grips)
            .find(|&(k, _)| self.bars[k].rect.contains(x, y));
        own_grip.or(first_grip).or_else(|| {
            self.bars
                .iter()
                .rposition(|bar| bar.rect.contains(x, y))
                .map(|k| (k, BarPart::Body))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(mission: usize, left: f32, right: f32) -> Bar {
        Bar {
            mission,
            name: format!("m{mission}").into(),
            contribution: false,
            rect: Rect {
                left,
                top: 100.0,
                right,
                bottom: 118.0,
            },
            shape: BarShape::Bar,
            color: [0, 0, 0],
            kind: MissionKind::Robotic,
            status: MissionStatus::Planned,
            outcome: None,
            operating_from: None,
            conflict: None,
            tail_to: None,
            selected: false,
            driving: false,
            dimmed: false,
            label: None,
        }
    }

    fn scene(bars: Vec<Bar>) -> Scene {
        Scene {
            width: 1000.0,
            bars,
            ..Scene::default()
        }
    }

    #[test]
    fn edges_of_a_wide_bar_are_grips_and_its_middle_is_the_body() {
        let scene = scene(vec![bar(7, 100.0, 200.0)]);
        assert_eq!(scene.hit(150.0, 110.0), Some((0, BarPart::Body)));
        assert_eq!(scene.hit(101.0, 110.0), Some((0, BarPart::Start)));
        assert_eq!(scene.hit(97.0, 110.0), Some((0, BarPart::Start)));
        assert_eq!(scene.hit(199.0, 110.0), Some((0, BarPart::End)));
        assert_eq!(scene.hit(250.0, 110.0), None);
        assert_eq!(scene.hit(150.0, 130.0), None);
    }

    #[test]
    fn a_narrow_bar_keeps_its_middle_and_has_grips_outside() {
        let scene = scene(vec![bar(0, 100.0, 110.0)]);
        assert_eq!(scene.hit(105.0, 110.0), Some((0, BarPart::Body)));
        assert_eq!(scene.hit(95.0, 110.0), Some((0, BarPart::Start)));
        assert_eq!(scene.hit(115.0, 110.0), Some((0, BarPart::End)));
        let sliver = scene_of_sliver();
        assert_eq!(sliver.hit(101.0, 110.0), Some((0, BarPart::Body)));
        assert_eq!(sliver.hit(97.0, 110.0), None, "too narrow to have grips");
    }

    fn scene_of_sliver() -> Scene {
        scene(vec![bar(0, 100.0, 102.0)])
    }

    #[test]
    fn an_edge_wins_over_the_body_of_the_next_bar() {
        // The second bar starts where the first ends: their grips meet, and each bar's own
        // grip wins on its side.
        let scene = scene(vec![bar(0, 100.0, 200.0), bar(1, 200.0, 300.0)]);
        assert_eq!(scene.hit(203.0, 110.0), Some((1, BarPart::Start)));
        assert_eq!(scene.hit(197.0, 110.0), Some((0, BarPart::End)));
        assert_eq!(scene.hit(250.0, 110.0), Some((1, BarPart::Body)));
        // A grip reaching past a narrow bar wins over the body of the wide one next to it.
        let scene = Scene {
            bars: vec![bar(0, 100.0, 200.0), bar(1, 200.0, 210.0)],
            ..scene
        };
        assert_eq!(scene.hit(197.0, 110.0), Some((0, BarPart::End)));
        assert_eq!(scene.hit(213.0, 110.0), Some((1, BarPart::End)));
    }

    #[test]
    fn nothing_is_hit_over_the_axis_or_beside_the_chart() {
        let mut high = bar(0, 100.0, 200.0);
        high.rect.top = 10.0;
        high.rect.bottom = 60.0;
        let scene = scene(vec![high]);
        assert_eq!(scene.hit(150.0, 20.0), None);
        assert_eq!(scene.hit(150.0, 50.0), Some((0, BarPart::Body)));
        assert_eq!(scene.hit(-1.0, 50.0), None);
    }
}
