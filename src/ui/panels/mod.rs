//! The panels around the chart: menus, toolbar, status bar and the side panel's tabs. Each
//! reads the session and returns what the user asked for.

mod agencies;
mod changes;
mod choices;
mod conflicts;
mod inspector;
mod long_list;
mod memo;
mod menus;
mod merge;
mod setup;
mod side_panel;
mod statistics;
mod status_bar;
mod toolbar;
mod updates;

pub use agencies::{AgenciesAction, references};
pub use conflicts::ConflictsAction;
pub use inspector::InspectorAction;
pub use menus::menu_bar;
pub use side_panel::SidePanel;
pub use status_bar::{StatusInput, status_bar};
pub use toolbar::toolbar;
