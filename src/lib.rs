//! GER Planner: the Global Exploration Roadmap as data, its conflicts, and the window to edit it.
//!
//! Data flows one way: file (`format`) → `model` → `analysis`.

pub mod analysis;
pub mod bundled;
pub mod cli;
pub mod edit;
pub mod format;
pub mod layout;
pub mod merge;
pub mod model;
pub mod render;
pub mod ui;
