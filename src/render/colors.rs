//! The chart's colours, shared by the window and the exports: the palette of the theme it is
//! drawn on, the colours of conflicts, phases and windows, and the legend's samples. How a bar
//! looks in each status is decided from these in `anatomy`.

use egui::Color32;

use crate::analysis::Severity;
use crate::layout::Bar;
use crate::model::{MissionStatus, Outcome};

/// Red of errors: bars in an error conflict and violated dependencies.
pub const ERROR_COLOR: Color32 = Color32::from_rgb(225, 45, 45);
/// Amber of warnings: dark enough for 3:1 on a white page, light enough for 3:1 on the dark
/// theme.
pub const WARNING_COLOR: Color32 = Color32::from_rgb(196, 118, 0);

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

/// Green of a successful mission's badge.
pub const SUCCESS_COLOR: Color32 = Color32::from_rgb(0, 135, 60);
/// Amber of a partly successful mission's badge, darker than warnings' to read on white.
pub const PARTIAL_COLOR: Color32 = Color32::from_rgb(200, 120, 0);

/// The colour of an outcome's badge (its shape tells it too).
pub const fn outcome_color(outcome: Outcome) -> Color32 {
    match outcome {
        Outcome::Success => SUCCESS_COLOR,
        Outcome::Partial => PARTIAL_COLOR,
        Outcome::Failed => ERROR_COLOR,
    }
}

/// One entry of the legend's key to how bars look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendEntry {
    /// A bar of this status.
    Status(MissionStatus),
    /// A flown mission still operating.
    Operating,
    /// A flown mission's outcome badge.
    Outcome(Outcome),
    /// A mission in a conflict of this severity: its ring and badge.
    Conflict(Severity),
}

/// The legend's statuses, in order: each status, and after "flown" a flown mission still
/// operating.
pub const LEGEND_STATUSES: [LegendEntry; 7] = [
    LegendEntry::Status(MissionStatus::Concept),
    LegendEntry::Status(MissionStatus::Planned),
    LegendEntry::Status(MissionStatus::Confirmed),
    LegendEntry::Status(MissionStatus::Flown),
    LegendEntry::Operating,
    LegendEntry::Status(MissionStatus::Paused),
    LegendEntry::Status(MissionStatus::Cancelled),
];

/// The legend's outcomes of flown missions, in order.
pub const LEGEND_OUTCOMES: [LegendEntry; 3] = [
    LegendEntry::Outcome(Outcome::Success),
    LegendEntry::Outcome(Outcome::Partial),
    LegendEntry::Outcome(Outcome::Failed),
];

/// The legend's conflict marks, in order.
pub const LEGEND_CONFLICTS: [LegendEntry; 2] = [
    LegendEntry::Conflict(Severity::Error),
    LegendEntry::Conflict(Severity::Warning),
];

/// The legend's words for an entry.
pub fn legend_label(entry: LegendEntry) -> &'static str {
    match entry {
        LegendEntry::Status(status) => status.name(),
        LegendEntry::Operating => "operating",
        LegendEntry::Outcome(Outcome::Success) => "success",
        LegendEntry::Outcome(Outcome::Partial) => "partial success",
        LegendEntry::Outcome(Outcome::Failed) => "failed",
        LegendEntry::Conflict(Severity::Error) => "error",
        LegendEntry::Conflict(Severity::Warning) => "warning",
    }
}

/// The legend's sample of an entry at `rect`: a bar of its status, operating from its middle,
/// or a flown bar low in `rect` with its outcome's badge on its top edge.
pub fn legend_sample(entry: LegendEntry, rect: crate::layout::Rect) -> Bar {
    match entry {
        LegendEntry::Status(status) => status_sample(status, rect),
        LegendEntry::Operating => Bar {
            operating_from: Some((rect.left + rect.right) / 2.0),
            ..status_sample(MissionStatus::Flown, rect)
        },
        LegendEntry::Outcome(outcome) => {
            let low = crate::layout::Rect {
                top: rect.top + 4.0,
                ..rect
            };
            Bar {
                outcome: Some(outcome),
                ..status_sample(MissionStatus::Flown, low)
            }
        }
        LegendEntry::Conflict(severity) => {
            // Inset so that the ring around it stays on its legend row.
            let inset = crate::layout::Rect {
                left: rect.left + 5.0,
                top: rect.top + 4.0,
                right: rect.right - 3.0,
                bottom: rect.bottom - 1.0,
            };
            Bar {
                conflict: Some(severity),
                ..status_sample(MissionStatus::Planned, inset)
            }
        }
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
        outcome: None,
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

    /// The keyboard's focus ring around a bar: the theme's text colour, which contrasts most
    /// with the chart's background.
    pub fn focus(&self) -> Color32 {
        self.text
    }

    /// Phase names.
    pub fn phase_text(&self) -> Color32 {
        self.text.gamma_multiply(0.7)
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

/// Black or white, whichever contrasts more with `fill` as seen on the theme's background: at
/// least 4.58:1 whatever the colour, so a label reads on every agency's bar.
pub fn ink_on(fill: Color32, palette: &Palette) -> Color32 {
    let fill = over(fill, palette.background);
    if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `color` as seen drawn over `background`: a translucent colour mixed in by its alpha.
pub fn over(color: Color32, background: Color32) -> Color32 {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mix = |c: u8, under: u8| {
        ((u16::from(c) * u16::from(a) + u16::from(under) * (255 - u16::from(a))) / 255) as u8
    };
    Color32::from_rgb(
        mix(r, background.r()),
        mix(g, background.g()),
        mix(b, background.b()),
    )
}

/// The WCAG contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}
