//! The window: the session (the open roadmap and all derived from it) and, around it, the
//! chart, the panels, files and dialogs, and the background runner (eframe).
//!
//! Each frame draws everything from one unchanged session and collects what the user asked
//! for as [`action::Action`]s; `apply` applies them at the frame's end. Slow work (dialogs,
//! files, snapshots, the outlook, quick fixes, Resolve all) runs in the `runner` and comes back
//! the same way.

mod action;
mod announce;
mod app;
mod apply;
mod chart;
pub mod commands;
mod done;
mod file_flow;
mod files;
mod fonts;
mod look;
mod palette;
mod panels;
mod panes;
mod presentation;
mod runner;
mod session;
mod settings;
mod typing;
mod words;

pub use app::GerApp;

pub use chart::TimelineAction;
pub use commands::Command;
pub use fonts::install_fonts;
pub use look::{Look, TextSize, Theme};
pub use settings::{Settings, SideTab};
