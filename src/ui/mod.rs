//! The window: the timeline chart, the conflict panel, menus, files and dialogs (eframe).

mod app;
pub mod commands;
mod files;
mod fonts;
mod timeline;

pub use app::{GerApp, Settings};
pub use commands::Command;
pub use fonts::install_fonts;
pub use timeline::{GUTTER_WIDTH, TimelineAction};
