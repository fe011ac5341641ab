//! Everything the user (or background work) asks of the window during a frame, collected and
//! applied at one point before the next layout: no panel changes the document while the frame
//! that shows it is being drawn.

use std::path::PathBuf;

use super::agencies::AgenciesAction;
use super::commands::Command;
use super::dialogs::{Dialog, DialogChoice};
use super::inspector::InspectorAction;
use super::planning::PlanAction;
use super::presentation::PresentationKey;
use super::resolve::ResolveAction;
use super::tasks::Done;
use super::timeline::TimelineAction;
use crate::edit::{MissionKey, Setup};

/// One thing to do to the app.
#[must_use = "an action does nothing until the app applies it"]
pub enum Action {
    /// A command from a menu or a key.
    Command(Command),
    /// Something done on the chart.
    Timeline(TimelineAction),
    /// Something done in the Mission tab.
    Inspector(InspectorAction),
    /// Something done in the Agencies tab.
    Agencies(AgenciesAction),
    /// Everything but the missions edited in the Roadmap tab, as one step called `label`.
    SetSetup {
        /// The setup after the edit.
        setup: Box<Setup>,
        /// What the Edit menu calls the step.
        label: String,
    },
    /// Select these missions and bring them into view (a conflict or a change clicked).
    Focus(Vec<MissionKey>),
    /// Show saved view `index`.
    ShowView(usize),
    /// Remove saved view `index`.
    DeleteView(usize),
    /// Open this file (recent files, a file dropped on the window), asking first about unsaved
    /// changes.
    OpenFile(PathBuf),
    /// A key of presentation mode.
    Presentation(PresentationKey),
    /// The answer to a dialog, and the dialog it answers.
    Answer(DialogChoice, Option<Dialog>),
    /// A side picked in the Merge tab.
    Resolve(ResolveAction),
    /// A fix applied, a conflict accepted or reopened.
    Plan(PlanAction),
    /// Background work finished.
    Done(Done),
    /// Stop working out the outlook (the status bar's Cancel).
    CancelOutlook,
    /// Work the cancelled outlook out after all (the status bar's Run again).
    RunOutlookAgain,
}
