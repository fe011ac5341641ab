//! The anatomy of what the chart draws for a mission: every decision of how a bar, a ghost or a
//! dependency arrow looks (fill, outline and its dashes, hatching, rings for selection and
//! conflicts, the strike of a cancelled mission, a paused one's pause sign, the badge of a
//! flown mission's outcome, the crew figure, the label's ink, the outlook's tail), made here once as a list of [`Mark`]s. The window's painter and the SVG
//! writer (and so PNG and PDF) only translate each mark into their own shapes, so a snapshot
//! cannot disagree with the screen.

use egui::Color32;

use super::colors::{
    DRIVING_COLOR, Palette, SLIP_COLOR, blend, ink_on, muted, outcome_color, severity_color,
};
use crate::analysis::Severity;
use crate::layout::{Arrow, Bar, BarShape, Ghost, Label, Point, Rect};
use crate::model::{MissionStatus, Outcome};

/// Distance between the lines of a contribution's hatching.
pub const HATCH_SPACING: f32 = 6.0;
/// Width of the lines of a contribution's hatching.
pub const HATCH_WIDTH: f32 = 1.5;
/// Bars narrower than this (in pixels) are drawn without an outline: it would cover the fill.
const SLIVER_WIDTH: f32 = 6.0;

/// A line drawn around a rectangle, inside it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Line width.
    pub width: f32,
    /// Line colour.
    pub color: Color32,
    /// Dash and gap lengths, for a dashed line.
    pub dashes: Option<(f32, f32)>,
}

impl Frame {
    fn solid(width: f32, color: Color32) -> Self {
        Self {
            width,
            color,
            dashes: None,
        }
    }
}

/// Where a mark goes among the chart's shapes: a lane's tails under all its bars, the crew
/// figures and labels over them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// Under every bar of the lane (the outlook's tails).
    Under,
    /// The bar itself, its rings and outline.
    Body,
    /// Over the bars: crew figures.
    Icon,
    /// Over everything of the lane: labels.
    Text,
}

/// One shape of a bar, a ghost or an arrow, in the chart's coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark<'a> {
    /// `color` fading out towards the rectangle's right edge (the outlook's tail).
    Fade {
        /// Where.
        rect: Rect,
        /// The colour at the left edge.
        color: Color32,
    },
    /// A filled rectangle.
    Fill {
        /// Where.
        rect: Rect,
        /// Its colour.
        color: Color32,
    },
    /// Diagonal lines across a rectangle, [`HATCH_SPACING`] apart.
    Hatch {
        /// Where.
        rect: Rect,
        /// The lines' colour.
        color: Color32,
    },
    /// A line around the inside of a rectangle.
    Frame {
        /// The rectangle.
        rect: Rect,
        /// The line.
        frame: Frame,
    },
    /// A diamond in a rectangle (a one-day mission, or a ring around one).
    Diamond {
        /// Its bounding box.
        rect: Rect,
        /// Its fill (transparent for a ring).
        fill: Color32,
        /// Its outline's width and colour.
        stroke: (f32, Color32),
    },
    /// A straight line.
    Line {
        /// One end.
        from: Point,
        /// The other end.
        to: Point,
        /// Width.
        width: f32,
        /// Colour.
        color: Color32,
    },
    /// Connected straight lines.
    Polyline {
        /// The points.
        points: Vec<Point>,
        /// Width.
        width: f32,
        /// Colour.
        color: Color32,
    },
    /// A filled triangle (an arrow's head).
    Triangle {
        /// Its corners.
        corners: [Point; 3],
        /// Its colour.
        color: Color32,
    },
    /// The crew figure (head and shoulders) centred on a point.
    Crew {
        /// Its centre.
        centre: Point,
        /// Its colour.
        color: Color32,
    },
    /// A label's text.
    Text {
        /// The label.
        label: &'a Label,
        /// Its colour.
        color: Color32,
    },
}

impl Mark<'_> {
    /// Where the mark goes among the chart's shapes.
    pub fn layer(&self) -> Layer {
        match self {
            Self::Fade { .. } => Layer::Under,
            Self::Crew { .. } => Layer::Icon,
            Self::Text { .. } => Layer::Text,
            _ => Layer::Body,
        }
    }
}

/// The marks of `bar` on `palette`, added to `marks` in drawing order: its outlook tail, rings
/// (selection or driving path, then conflict), its own shape (fill, what still operates,
/// hatching, outline, strike or pause sign), its outcome's badge, the crew figure and the
/// label.
pub fn bar_marks<'a>(bar: &'a Bar, palette: &Palette, marks: &mut Vec<Mark<'a>>) {
    let rect = bar.rect;
    if let Some(right) = bar.tail_to {
        let inset = (rect.bottom - rect.top) * 0.2;
        let tail = Rect {
            left: rect.right,
            top: rect.top + inset,
            right,
            bottom: rect.bottom - inset,
        };
        let color = agency_color(bar, palette).gamma_multiply(0.75);
        marks.push(Mark::Fade { rect: tail, color });
    }
    let milestone = bar.shape == BarShape::Milestone;
    let ring = |gap: f32, width: f32, color: Color32| {
        let rect = grow(&rect, gap);
        if milestone {
            Mark::Diamond {
                rect,
                fill: Color32::TRANSPARENT,
                stroke: (width, color),
            }
        } else {
            Mark::Frame {
                rect,
                frame: Frame::solid(width, color),
            }
        }
    };
    let around = if milestone { 4.5 } else { 6.5 };
    if bar.selected {
        marks.push(ring(around, 2.0, palette.selection));
    } else if bar.driving {
        marks.push(ring(around, 2.0, DRIVING_COLOR));
    }
    if let Some(severity) = bar.conflict {
        let gap = if milestone { 2.0 } else { 4.5 };
        marks.push(ring(gap, 2.5, severity_color(severity)));
    }
    if milestone {
        marks.push(Mark::Diamond {
            rect,
            fill: fill_color(bar, palette),
            stroke: outline(bar, palette),
        });
    } else {
        body_marks(bar, palette, marks);
    }
    if let (Some(outcome), Some(badge)) = (bar.outcome, bar.outcome_badge()) {
        outcome_marks(outcome, badge, palette, marks);
    }
    if let (Some(severity), Some(badge)) = (bar.conflict, bar.conflict_badge()) {
        conflict_marks(severity, badge, palette, marks);
    }
    if let Some(centre) = bar.crew_icon_centre() {
        let color = ink(bar, true, palette);
        marks.push(Mark::Crew { centre, color });
    }
    if let Some(label) = &bar.label {
        let color = ink(bar, label.inside, palette);
        marks.push(Mark::Text { label, color });
    }
}

/// The marks of a bar's own rectangle: fill, the part still operating, hatching, outline in
/// its status's style, and the strike through a cancelled mission. (The legend's samples are
/// these alone.)
fn body_marks(bar: &Bar, palette: &Palette, marks: &mut Vec<Mark<'_>>) {
    let rect = bar.rect;
    let fill = fill_color(bar, palette);
    marks.push(Mark::Fill { rect, color: fill });
    if let Some(x) = bar.operating_from.filter(|_| !bar.contribution) {
        let operating = Rect { left: x, ..rect };
        let color = agency_color(bar, palette);
        marks.push(Mark::Fill {
            rect: operating,
            color,
        });
    }
    if bar.contribution {
        // A contribution to another agency's mission: hatched in the lead's colour.
        let color = agency_color(bar, palette).gamma_multiply(0.7);
        marks.push(Mark::Hatch { rect, color });
    }
    // A solid outline the colour of an opaque fill (a planned mission's) would not show: on a
    // chart of thousands of bars, leaving it out is four rectangles fewer each.
    let frame = bar_frame(bar, palette)
        .filter(|frame| frame.dashes.is_some() || frame.color != fill || !fill.is_opaque());
    if let Some(frame) = frame {
        marks.push(Mark::Frame { rect, frame });
    }
    if bar.status == MissionStatus::Cancelled {
        let y = rect.centre_y();
        marks.push(Mark::Line {
            from: [rect.left, y],
            to: [rect.right, y],
            width: 1.5,
            color: palette.text,
        });
    }
    if let Some(sign) = bar.pause_sign() {
        // Two upright strokes, as on a media player's pause button.
        let color = ink(bar, true, palette);
        let stroke = sign.width() * 0.35;
        for left in [sign.left, sign.right - stroke] {
            let rect = Rect {
                left,
                right: left + stroke,
                ..sign
            };
            marks.push(Mark::Fill { rect, color });
        }
    }
}

/// The badge of a conflict, in its severity's colour and shape: a diamond for an error, a
/// triangle for a warning, each edged with the page's background to stand out on any bar.
pub fn conflict_marks(
    severity: Severity,
    badge: Rect,
    palette: &Palette,
    marks: &mut Vec<Mark<'_>>,
) {
    let color = severity_color(severity);
    match severity {
        Severity::Error => marks.push(Mark::Diamond {
            rect: badge,
            fill: color,
            stroke: (1.0, palette.background),
        }),
        Severity::Warning => {
            let outline = grow(&badge, 1.0);
            let triangle = |r: &Rect| {
                [
                    [(r.left + r.right) / 2.0, r.top],
                    [r.right, r.bottom],
                    [r.left, r.bottom],
                ]
            };
            marks.push(Mark::Triangle {
                corners: triangle(&outline),
                color: palette.background,
            });
            marks.push(Mark::Triangle {
                corners: triangle(&badge),
                color,
            });
        }
    }
}

/// The badge of a flown mission's outcome: a framed square on the page's background holding a
/// tick (success), a half-filled square (partial) or a cross (failed), so that the outcome
/// reads by its shape as well as its colour.
pub fn outcome_marks(outcome: Outcome, badge: Rect, palette: &Palette, marks: &mut Vec<Mark<'_>>) {
    let color = outcome_color(outcome);
    marks.push(Mark::Fill {
        rect: badge,
        color: palette.background,
    });
    marks.push(Mark::Frame {
        rect: badge,
        frame: Frame::solid(1.0, color),
    });
    let inner = grow(&badge, -2.5);
    let (w, h) = (inner.width(), inner.bottom - inner.top);
    match outcome {
        Outcome::Success => marks.push(Mark::Polyline {
            points: vec![
                [inner.left, inner.top + h * 0.55],
                [inner.left + w * 0.38, inner.bottom],
                [inner.right, inner.top],
            ],
            width: 1.6,
            color,
        }),
        Outcome::Partial => marks.push(Mark::Fill {
            rect: Rect {
                right: inner.left + w / 2.0,
                ..inner
            },
            color,
        }),
        Outcome::Failed => {
            for (from, to) in [
                ([inner.left, inner.top], [inner.right, inner.bottom]),
                ([inner.left, inner.bottom], [inner.right, inner.top]),
            ] {
                marks.push(Mark::Line {
                    from,
                    to,
                    width: 1.6,
                    color,
                });
            }
        }
    }
}

/// The marks of a ghost: where a mission was in the baseline (or where a preview moves it), a
/// faint dashed box, and the slip arrow between it and the bar.
pub fn ghost_marks(ghost: &Ghost, palette: &Palette, marks: &mut Vec<Mark<'_>>) {
    let frame = Frame {
        width: 1.0,
        color: palette.text.gamma_multiply(0.6),
        dashes: Some((4.0, 3.0)),
    };
    let color = palette.text.gamma_multiply(0.08);
    marks.push(Mark::Fill {
        rect: ghost.rect,
        color,
    });
    marks.push(Mark::Frame {
        rect: ghost.rect,
        frame,
    });
    if let Some(([from, to], corners)) = ghost.slip_arrow() {
        marks.push(Mark::Line {
            from,
            to,
            width: 1.5,
            color: SLIP_COLOR,
        });
        marks.push(Mark::Triangle {
            corners,
            color: SLIP_COLOR,
        });
    }
}

/// The marks of a dependency arrow: the elbow line and its head, red and bold when the
/// dependency is violated.
pub fn arrow_marks(arrow: &Arrow, palette: &Palette, marks: &mut Vec<Mark<'_>>) {
    let (width, color) = arrow_line(arrow, palette);
    let (points, corners) = arrow.path();
    marks.push(Mark::Polyline {
        points,
        width,
        color,
    });
    marks.push(Mark::Triangle { corners, color });
}

/// The width and colour of a dependency's line: red and thicker when it is violated.
pub fn arrow_line(arrow: &Arrow, palette: &Palette) -> (f32, Color32) {
    if arrow.violated {
        (2.0, super::colors::ERROR_COLOR)
    } else {
        (1.0, palette.text.gamma_multiply(0.45))
    }
}

/// The bar's agency colour, washed out when the bar is dimmed.
fn agency_color(bar: &Bar, palette: &Palette) -> Color32 {
    let color = Color32::from_rgb(bar.color[0], bar.color[1], bar.color[2]);
    if bar.dimmed {
        blend(color, palette.background, 25)
    } else {
        color
    }
}

/// The fill of a bar: its agency's colour, in the style of its status (faint under the hatching
/// of a contribution).
fn fill_color(bar: &Bar, palette: &Palette) -> Color32 {
    let agency = agency_color(bar, palette);
    if bar.contribution {
        return agency.gamma_multiply(0.2);
    }
    match bar.status {
        MissionStatus::Concept => agency.gamma_multiply(0.35),
        MissionStatus::Planned | MissionStatus::Confirmed => agency,
        MissionStatus::Flown => muted(agency, palette.background),
        MissionStatus::Paused => agency.gamma_multiply(0.3),
        MissionStatus::Cancelled => agency.gamma_multiply(0.15),
    }
}

/// The outline of a bar or diamond: bold for confirmed missions.
fn outline(bar: &Bar, palette: &Palette) -> (f32, Color32) {
    match bar.status {
        MissionStatus::Confirmed => (2.0, palette.text),
        _ => (1.0, agency_color(bar, palette)),
    }
}

/// The outline of a bar in its status's style: dashed for concepts, bold for confirmed
/// missions; none on a sliver.
fn bar_frame(bar: &Bar, palette: &Palette) -> Option<Frame> {
    if bar.rect.width() < SLIVER_WIDTH {
        return None;
    }
    Some(if bar.status == MissionStatus::Concept {
        Frame {
            width: 1.5,
            color: agency_color(bar, palette),
            dashes: Some((5.0, 3.0)),
        }
    } else {
        let (width, color) = outline(bar, palette);
        Frame::solid(width, color)
    })
}

/// Colour of a bar's text: on the bar (and of its crew icon), whatever reads on its fill;
/// beside it, the theme's text. Faint on a dimmed bar.
fn ink(bar: &Bar, on_bar: bool, palette: &Palette) -> Color32 {
    let color = if on_bar {
        ink_on(fill_color(bar, palette), palette)
    } else {
        palette.text
    };
    if bar.dimmed {
        blend(color, palette.background, 35)
    } else {
        color
    }
}

/// `r` grown by `by` on every side.
fn grow(r: &Rect, by: f32) -> Rect {
    Rect {
        left: r.left - by,
        top: r.top - by,
        right: r.right + by,
        bottom: r.bottom + by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;
    use crate::render::colors::status_sample;

    fn marks_of(bar: &Bar) -> Vec<Mark<'_>> {
        let mut marks = Vec::new();
        bar_marks(bar, &Palette::light(), &mut marks);
        marks
    }

    #[test]
    fn a_concept_is_outlined_dashed_and_a_planned_bar_is_its_fill_alone() {
        let rect = Rect {
            left: 10.0,
            top: 10.0,
            right: 110.0,
            bottom: 28.0,
        };
        let concept = status_sample(MissionStatus::Concept, rect);
        let dashed = marks_of(&concept)
            .into_iter()
            .any(|m| matches!(m, Mark::Frame { frame, .. } if frame.dashes.is_some()));
        assert!(dashed, "a concept's outline is dashed");
        let planned = status_sample(MissionStatus::Planned, rect);
        assert_eq!(
            marks_of(&planned).len(),
            1,
            "an opaque fill needs no outline of its own colour"
        );
    }

    #[test]
    fn a_flown_mission_s_outcome_is_a_badge_of_its_own_shape_and_a_paused_one_a_pause_sign() {
        let rect = Rect {
            left: 10.0,
            top: 10.0,
            right: 110.0,
            bottom: 28.0,
        };
        let flown = |outcome| Bar {
            outcome,
            ..status_sample(MissionStatus::Flown, rect)
        };
        let polylines = |bar: &Bar| {
            let marks = marks_of(bar);
            let lines = marks
                .iter()
                .filter(|m| matches!(m, Mark::Line { .. }))
                .count();
            let ticks = marks
                .iter()
                .filter(|m| matches!(m, Mark::Polyline { .. }))
                .count();
            (marks.len(), lines, ticks)
        };
        let (plain, _, _) = polylines(&flown(None));
        assert_eq!(
            polylines(&flown(Some(Outcome::Success))),
            (plain + 3, 0, 1),
            "a tick"
        );
        assert_eq!(
            polylines(&flown(Some(Outcome::Failed))),
            (plain + 4, 2, 0),
            "a cross"
        );
        assert_eq!(
            polylines(&flown(Some(Outcome::Partial))),
            (plain + 3, 0, 0),
            "half a square"
        );
        let paused = status_sample(MissionStatus::Paused, rect);
        let fills = |bar: &Bar| {
            let marks = marks_of(bar);
            marks
                .iter()
                .filter(|m| matches!(m, Mark::Fill { .. }))
                .count()
        };
        assert_eq!(
            fills(&paused),
            fills(&status_sample(MissionStatus::Planned, rect)) + 2,
            "two upright strokes"
        );
    }

    /// WCAG 2.1 AA as the agencies must buy it: 4.5:1 for every label on every agency's bar
    /// in every status, and 3:1 for the marks that carry meaning, on both themes.
    #[test]
    fn every_label_and_mark_has_the_contrast_accessibility_rules_ask_for() {
        use crate::render::colors::{contrast, outcome_color, over};
        let Ok(roadmap) = crate::bundled::bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let rect = Rect {
            left: 10.0,
            top: 10.0,
            right: 110.0,
            bottom: 28.0,
        };
        for palette in [Palette::light(), Palette::of(&egui::Visuals::dark())] {
            for agency in &roadmap.agencies {
                let Some(color) = agency.color else { continue };
                for status in MissionStatus::ALL {
                    for contribution in [false, true] {
                        let bar = Bar {
                            color: [color.r, color.g, color.b],
                            contribution,
                            ..status_sample(status, rect)
                        };
                        let seen = over(fill_color(&bar, &palette), palette.background);
                        let ratio = contrast(ink(&bar, true, &palette), seen);
                        assert!(
                            ratio >= 4.5,
                            "{} {status:?} (contribution {contribution}): {ratio:.2}",
                            agency.id
                        );
                    }
                }
            }
            let marks = [
                ("error", severity_color(Severity::Error)),
                ("warning", severity_color(Severity::Warning)),
                ("success", outcome_color(Outcome::Success)),
                ("partial", outcome_color(Outcome::Partial)),
                ("failed", outcome_color(Outcome::Failed)),
                ("focus", palette.focus()),
            ];
            for (name, color) in marks {
                let ratio = contrast(color, palette.background);
                assert!(
                    ratio >= 3.0,
                    "{name} on {:?}: {ratio:.2}",
                    palette.background
                );
            }
        }
    }

    #[test]
    fn a_bar_in_conflict_has_a_ring_of_its_severity_outside_it() {
        let rect = Rect {
            left: 10.0,
            top: 10.0,
            right: 110.0,
            bottom: 28.0,
        };
        let bar = Bar {
            conflict: Some(Severity::Error),
            ..status_sample(MissionStatus::Planned, rect)
        };
        let ring = marks_of(&bar).into_iter().find_map(|m| match m {
            Mark::Frame { rect: ring, frame } if ring.left < rect.left => Some(frame.color),
            _ => None,
        });
        assert_eq!(ring, Some(severity_color(Severity::Error)));
        let shapes = |severity| {
            let bar = Bar {
                conflict: Some(severity),
                ..status_sample(MissionStatus::Planned, rect)
            };
            let marks = marks_of(&bar);
            let diamonds = marks
                .iter()
                .filter(|m| matches!(m, Mark::Diamond { .. }))
                .count();
            let triangles = marks
                .iter()
                .filter(|m| matches!(m, Mark::Triangle { .. }))
                .count();
            (diamonds, triangles)
        };
        assert_eq!(
            shapes(Severity::Error),
            (1, 0),
            "an error's badge is a diamond"
        );
        assert_eq!(
            shapes(Severity::Warning),
            (0, 2),
            "a warning's is a triangle, edged"
        );
    }
}
