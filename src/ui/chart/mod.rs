//! The chart: lays the session's roadmap out, paints it, and turns the pointer and keys into
//! actions for the app to apply. Zoom and pan change the view directly; changes to the roadmap
//! are returned.

mod access;
mod drag;
mod input;
mod keyboard;
pub mod picture;
mod timeline;
mod tooltip;

pub use input::{ChartInput, TimelineAction};
pub use timeline::Timeline;
