//! The colours of the chart, shared by the window and the exports: what a bar looks like in each
//! status, and the palette of the theme it is drawn on.

use egui::Color32;

use crate::analysis::Severity;
use crate::layout::Bar;
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

/// Fill of phase bands.
pub const PHASE_COLOR: Color32 = Color32::from_rgba_unmultiplied_const(120, 140, 200, 14);
/// Fill of launch windows.
pub const WINDOW_COLOR: Color32 = Color32::from_rgba_unmultiplied_const(60, 170, 110, 40);
/// Blue of the status samples in the legend.
pub const SAMPLE_COLOR: [u8; 3] = [0, 114, 178];

/// A bar of `status` at `rect` in the legend's sample colour: what each status looks like.
pub fn status_sample(status: MissionStatus, rect: crate::layout::Rect) -> Bar {
    Bar {
        mission: 0,
        name: String::new(),
        contribution: false,
        rect,
        shape: crate::layout::BarShape::Bar,
        color: SAMPLE_COLOR,
        kind: crate::model::MissionKind::Robotic,
        status,
        conflict: None,
        selected: false,
        dimmed: false,
        label: None,
    }
}

/// The theme's colours the chart uses.
#[derive(Clone, Copy, Debug)]
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

/// The outline of a bar: bold for confirmed missions.
pub fn outline(bar: &Bar, palette: &Palette) -> (f32, Color32) {
    match bar.status {
        MissionStatus::Confirmed => (2.0, palette.text),
        _ => (1.0, agency_color(bar, palette)),
    }
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
