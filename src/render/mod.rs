//! Drawing a [`crate::layout::Scene`]: on screen through egui's painter, and to SVG (then PNG or
//! PDF) for snapshots, so every picture of the roadmap comes from the same layout.

mod anatomy;
mod batch;
mod colors;
pub mod html;
mod legend;
mod painter;
mod pdf;
pub mod pptx;
mod shown;
mod snapshot;
mod svg;

pub use colors::{ERROR_COLOR, Palette, SLIP_COLOR, WARNING_COLOR, outcome_color, severity_color};
pub use painter::{
    SceneStyle, paint_conflict_badge, paint_lane, paint_over_lanes, paint_scene, paint_under_lanes,
    screen_rect,
};
pub use pdf::PdfText;
pub use snapshot::{
    DEFAULT_WIDTH, SnapshotError, SnapshotFormat, SnapshotView, WIDTHS, deck_slide,
    encode_snapshot, snapshot, snapshot_deck, snapshot_heading, snapshot_page, snapshot_pixels,
    snapshot_scene, snapshot_svg, snapshot_text, svg_pixels,
};
pub use svg::{Heading, scene_to_svg};
