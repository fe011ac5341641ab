//! How the chart looks, shared by the window and the exports: what a bar looks like in each
//! status, the rings, arrows and ghosts, and the palette of the theme it is drawn on. Each
//! backend only turns these into its own shapes.

use egui::Color32;

use crate::analysis::Severity;
use crate::layout::{Bar, BarShape};
use crate::model::MissionStatus;

/// Red of errors: bars in an error conflict and violated dependencies.
pub const ERROR_COLOR: Color32 = Color32::from_rgb(225, 45, 45);
/// Amber of warnings.
pub const WARNING_COLOR: Color32 = Color32::from_rgb(240, 165, 0);

/// Red for errors, amber for warnings.
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ERROR_COLOR,
        Severity::Warning => WARNING_COLOR,
    }
}

/// Violet of slip arrows in compare mode: apart from the reds and ambers of conflicts.
pub const SLIP_COLOR: Color32 = Color32::from_rgb(150, 110, 230);
/// The ring around the missions that drive the selected one's date.
pub const DRIVING_COLOR: Color32 = Color32::from_rgb(40, 170, 200);

/// Fill of phase bands.
pub const PHASE_COLOR: Color32 = Color32::from_rgba_unmultiplied_const(120, 140, 200, 14);
/// Fill of launch windows.
pub const WINDOW_COLOR: Color32 = Color32::from_rgba_unmultiplied_const(60, 170, 110, 40);
/// Blue of the status samples in the legend.
pub const SAMPLE_COLOR: [u8; 3] = [0, 114, 178];

/// What the legend shows, in order: each status, and after "flown" a flown mission still
/// operating (`true`).
pub const LEGEND_STYLES: [(MissionStatus, bool); 6] = [
    (MissionStatus::Concept, false),
    (MissionStatus::Planned, false),
    (MissionStatus::Confirmed, false),
    (MissionStatus::Flown, false),
    (MissionStatus::Flown, true),
    (MissionStatus::Cancelled, false),
];

/// The legend's words for a style of [`LEGEND_STYLES`].
pub fn legend_label((status, operating): (MissionStatus, bool)) -> &'static str {
    if operating {
        "operating"
    } else {
        status.name()
    }
}

/// The legend's sample of a style of [`LEGEND_STYLES`] at `rect`: operating from its middle.
pub fn legend_sample((status, operating): (MissionStatus, bool), rect: crate::layout::Rect) -> Bar {
    let middle = (rect.left + rect.right) / 2.0;
    Bar {
        operating_from: operating.then_some(middle),
        ..status_sample(status, rect)
    }
}

/// The legend's words for the outlook's tail.
pub const TAIL_LABEL: &str = "fades out to its P80 end (outlook)";

/// The legend's sample of the outlook's tail at `rect`: a planned bar on its left third,
/// fading out to its right edge.
pub fn tail_sample(rect: crate::layout::Rect) -> Bar {
    let bar_end = rect.left + (rect.right - rect.left) / 3.0;
    Bar {
        tail_to: Some(rect.right),
        ..status_sample(
            MissionStatus::Planned,
            crate::layout::Rect {
                right: bar_end,
                ..rect
            },
        )
    }
}

/// A bar of `status` at `rect` in the legend's sample colour: what each status looks like.
pub fn status_sample(status: MissionStatus, rect: crate::layout::Rect) -> Bar {
    Bar {
        mission: 0,
        name: "".into(),
        contribution: false,
        rect,
        shape: crate::layout::BarShape::Bar,
        color: SAMPLE_COLOR,
        kind: crate::model::MissionKind::Robotic,
        status,
        operating_from: None,
        conflict: None,
        selected: false,
        driving: false,
        tail_to: None,
        dimmed: false,
        label: None,
    }
}

/// The theme's colours the chart uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Text colour.
    pub text: Color32,
    /// Faint colour for grid lines and stripes.
    pub faint: Color32,
    /// Chart background.
    pub background: Color32,
    /// Outline of selected missions.
    pub selection: Color32,
}

impl Palette {
    /// The theme's colours.
    pub fn of(visuals: &egui::Visuals) -> Self {
        Self {
            text: visuals.text_color(),
            faint: visuals.widgets.noninteractive.bg_stroke.color,
            background: visuals.panel_fill,
            selection: visuals.selection.stroke.color,
        }
    }

    /// Shading of every other lane.
    pub fn stripe(&self) -> Color32 {
        self.faint.gamma_multiply(0.35)
    }

    /// Grid lines of labelled ticks and the line under the axis.
    pub fn strong_line(&self) -> Color32 {
        self.faint.gamma_multiply(2.0)
    }

    /// Phase names.
    pub fn phase_text(&self) -> Color32 {
        self.text.gamma_multiply(0.7)
    }

    /// Width and colour of a dependency arrow: red and bold when the dependency is violated.
    pub fn arrow(&self, violated: bool) -> (f32, Color32) {
        if violated {
            (2.0, ERROR_COLOR)
        } else {
            (1.0, self.text.gamma_multiply(0.45))
        }
    }

    /// Fill and dashed outline of a mission's place in the baseline.
    pub fn ghost(&self) -> (Color32, Frame) {
        let frame = Frame {
            width: 1.0,
            color: self.text.gamma_multiply(0.6),
            dashes: Some((4.0, 3.0)),
        };
        (self.text.gamma_multiply(0.08), frame)
    }

    /// Near-black ink on a light page: for snapshots in reports, and for projectors.
    pub fn light() -> Self {
        Self {
            text: Color32::from_gray(20),
            background: Color32::WHITE,
            ..Self::of(&egui::Visuals::light())
        }
    }
}

/// The bar's agency colour, washed out when the bar is dimmed.
pub fn agency_color(bar: &Bar, palette: &Palette) -> Color32 {
    let color = Color32::from_rgb(bar.color[0], bar.color[1], bar.color[2]);
    if bar.dimmed {
        blend(color, palette.background, 25)
    } else {
        color
    }
}

/// The fill of a bar: its agency's colour, in the style of its status (faint under the hatching
/// of a contribution).
pub fn fill_color(bar: &Bar, palette: &Palette) -> Color32 {
    let agency = agency_color(bar, palette);
    if bar.contribution {
        return agency.gamma_multiply(0.2);
    }
    match bar.status {
        MissionStatus::Concept => agency.gamma_multiply(0.35),
        MissionStatus::Planned | MissionStatus::Confirmed => agency,
        MissionStatus::Flown => muted(agency, palette.background),
        MissionStatus::Cancelled => agency.gamma_multiply(0.15),
    }
}

/// The fill of the part of a flown mission still operating: its agency's full colour.
pub fn operating_color(bar: &Bar, palette: &Palette) -> Color32 {
    agency_color(bar, palette)
}

/// The outlook's tail of a bar, when it has one: a band narrower than the bar from its end to
/// its P80 end, and the colour it fades out from (the bar's agency colour, lighter).
pub fn tail(bar: &Bar, palette: &Palette) -> Option<(crate::layout::Rect, Color32)> {
    let right = bar.tail_to?;
    let inset = (bar.rect.bottom - bar.rect.top) * 0.2;
    let rect = crate::layout::Rect {
        left: bar.rect.right,
        top: bar.rect.top + inset,
        right,
        bottom: bar.rect.bottom - inset,
    };
    Some((rect, agency_color(bar, palette).gamma_multiply(0.75)))
}

/// The outline of a bar or diamond: bold for confirmed missions.
pub fn outline(bar: &Bar, palette: &Palette) -> (f32, Color32) {
    match bar.status {
        MissionStatus::Confirmed => (2.0, palette.text),
        _ => (1.0, agency_color(bar, palette)),
    }
}

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

/// The outline of a bar `width` pixels wide in its status's style: dashed for concepts, bold
/// for confirmed missions; none on a sliver.
pub fn bar_frame(bar: &Bar, width: f32, palette: &Palette) -> Option<Frame> {
    if width < SLIVER_WIDTH {
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
        Frame {
            width,
            color,
            dashes: None,
        }
    })
}

/// The ring around a mission in a conflict: how far out from the bar (or diamond) it is, its
/// width and colour.
pub fn conflict_ring(bar: &Bar) -> Option<(f32, f32, Color32)> {
    let gap = match bar.shape {
        BarShape::Bar => 4.5,
        BarShape::Milestone => 2.0,
    };
    bar.conflict
        .map(|severity| (gap, 2.5, severity_color(severity)))
}

/// Colour of the hatching of a contribution: its lead agency's.
pub fn hatch_color(bar: &Bar, palette: &Palette) -> Color32 {
    agency_color(bar, palette).gamma_multiply(0.7)
}

/// Colour of a bar's text: on the bar (and of its crew icon), whatever reads on its fill;
/// beside it, the theme's text. Faint on a dimmed bar.
pub fn ink(bar: &Bar, on_bar: bool, palette: &Palette) -> Color32 {
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

/// Red of the today line.
pub fn today_color() -> Color32 {
    ERROR_COLOR.gamma_multiply(0.8)
}

/// A flown mission's colour: the agency's, washed towards the background.
pub fn muted(color: Color32, background: Color32) -> Color32 {
    blend(color, background, 45)
}

/// `percent` of `color`, the rest `background`.
pub fn blend(color: Color32, background: Color32, percent: u16) -> Color32 {
    let mix =
        |a: u8, b: u8| ((u16::from(a) * percent + u16::from(b) * (100 - percent)) / 100) as u8;
    Color32::from_rgb(
        mix(color.r(), background.r()),
        mix(color.g(), background.g()),
        mix(color.b(), background.b()),
    )
}

/// Black or white, whichever reads better on `fill` (for translucent fills, the theme's text).
pub fn ink_on(fill: Color32, palette: &Palette) -> Color32 {
    if fill.a() < 200 {
        return palette.text;
    }
    let luminance =
        0.2126 * f32::from(fill.r()) + 0.7152 * f32::from(fill.g()) + 0.0722 * f32::from(fill.b());
    if luminance > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}
