//! Everything the user asks of the window during a frame, collected and applied at one point
//! before the next layout: no panel changes the session while the frame that shows it is
//! being drawn.

use std::path::PathBuf;

use super::chart::TimelineAction;
use super::commands::Command;
use super::done::Done;
use super::files::{Dialog, DialogChoice};
use super::panels::{AgenciesAction, ConflictsAction, InspectorAction};
use super::presentation::PresentationKey;
use super::runner::JobId;
use super::session::{IntegrateAction, ResolveAction};
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
    /// A fix applied, Resolve all opened or closed, a conflict accepted or reopened.
    Conflicts(ConflictsAction),
    /// Everything but the missions edited in the Roadmap tab, as one step called `label`.
    SetSetup {
        /// The setup after the edit.
        setup: Box<Setup>,
        /// What the Edit menu calls the step.
        label: String,
    },
    /// Give these missions the dates the deck being compared with proposes (one step).
    TakeProposed(Vec<crate::model::MissionId>),
    /// Select these missions and bring them into view (a conflict or a change clicked).
    Focus(Vec<MissionKey>),
    /// Show saved view `index`.
    ShowView(usize),
    /// Remove saved view `index`.
    DeleteView(usize),
    /// Open this file (recent files, a file dropped on the window), asking first about unsaved
    /// changes.
    OpenFile(PathBuf),
    /// Integrate these files (dropped on the window together) as the agencies' updates.
    IntegrateFiles(Vec<PathBuf>),
    /// A key of presentation mode.
    Presentation(PresentationKey),
    /// The answer to a dialog, and the dialog it answers.
    Answer(DialogChoice, Option<Dialog>),
    /// A side picked in the Merge tab.
    Resolve(ResolveAction),
    /// Something done in the Updates tab.
    Integrate(IntegrateAction),
    /// Background work finished.
    Done(Done),
    /// Stop this background work (the status bar's Cancel).
    CancelJob(JobId),
    /// Work the cancelled outlook out after all (the status bar's Run again).
    RunOutlookAgain,
    /// Enter in the search field: select the best match and put the chart's focus on it.
    PickBestMatch,
}
