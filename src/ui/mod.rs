//! The window: the timeline chart, the side panel, menus, files and dialogs (eframe).
//!
//! Each frame draws everything from one unchanged roadmap and collects what the user asked for
//! as [`action::Action`]s; `apply` applies them at the frame's end. Slow work (dialogs, files,
//! snapshots) runs in `tasks` and comes back the same way.

mod action;
mod agencies;
mod app;
mod apply;
pub mod commands;
mod compare;
mod derived;
mod dialogs;
mod file_flow;
mod files;
mod filters;
mod fonts;
mod inspector;
mod long_list;
mod memo;
mod menus;
mod open_document;
mod outlook;
mod picture;
mod planning;
mod presentation;
mod resolve;
mod settings;
mod setup_panel;
mod side_panel;
mod statistics;
mod status_bar;
mod tasks;
mod timeline;

pub use app::GerApp;
pub use commands::Command;
pub use fonts::install_fonts;
pub use settings::{Settings, SideTab};
pub use timeline::{GUTTER_WIDTH, TimelineAction};
