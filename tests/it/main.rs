//! Every integration test, in one binary so that the test build links eframe, wgpu and resvg
//! once. One module per area.

mod agencies_ui;
mod architecture;
mod cli;
mod common;
mod compare_ui;
mod conflicts;
mod conflicts_reference;
mod deck;
mod diff;
mod edit;
mod export;
mod format;
mod inspector_ui;
mod integrate;
mod keyboard_ui;
mod layout;
mod merge;
mod merge_ui;
mod outlook;
mod outlook_ui;
mod page;
mod presentation_ui;
mod random_ui;
mod samples;
mod schedule;
mod schedule_ui;
mod setup_ui;
mod showing_ui;
mod table;
mod timeline_ui;
mod trust_ui;
