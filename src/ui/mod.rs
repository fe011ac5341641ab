//! The window: the timeline chart, the conflict panel, menus, files and dialogs (eframe).

mod agencies;
mod app;
pub mod commands;
mod compare;
mod dialogs;
mod files;
mod filters;
mod fonts;
mod inspector;
mod presentation;
mod setup_panel;
mod statistics;
mod timeline;

pub use app::{GerApp, Settings, SideTab};
pub use commands::Command;
pub use fonts::install_fonts;
pub use timeline::{GUTTER_WIDTH, TimelineAction};
