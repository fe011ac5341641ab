//! Drawing a [`crate::layout::Scene`]: on screen through egui's painter (and, later, to SVG for
//! exports), so every picture of the roadmap comes from the same layout.

mod batch;
mod painter;

pub use painter::{
    ERROR_COLOR, SLIP_COLOR, SceneStyle, WARNING_COLOR, paint_scene, screen_rect, severity_color,
};
