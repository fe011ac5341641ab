//! What background work hands back: the app takes each in through its action queue, at the
//! start of the next frame.

use std::path::PathBuf;
use std::sync::Arc;

use super::files::{FilePurpose, Then};
use super::session::Baseline;
use super::session::{Finished, Resolving};
use crate::format::MissionTable;
use crate::model::Roadmap;

/// What a piece of background work found.
pub enum Done {
    /// A file was chosen in the native dialog (`None`: the dialog was cancelled).
    FileChosen {
        /// What it was asked for.
        purpose: FilePurpose,
        /// The file chosen.
        path: Option<PathBuf>,
    },
    /// Several files were chosen in the native dialog, to integrate as updates.
    UpdatesChosen(Vec<PathBuf>),
    /// The updates to integrate were read: each named, or why one cannot be read.
    UpdatesRead(Result<Vec<(String, Roadmap)>, String>),
    /// The base of the updates being integrated was read: its name, or why it cannot be read.
    IntegrationBaseRead(Result<(String, Roadmap), String>),
    /// A roadmap file was read.
    Opened {
        /// The file.
        path: PathBuf,
        /// The roadmap, or why it cannot be read.
        result: Result<Roadmap, String>,
    },
    /// A roadmap file with merge markers was read: the merge to resolve.
    OpenedMerge {
        /// The file.
        path: PathBuf,
        /// The merge.
        resolving: Box<Resolving>,
    },
    /// A PowerPoint deck was read: the roadmap it carries and the dates its shapes show.
    OpenedDeck {
        /// The deck.
        path: PathBuf,
        /// What it holds, or why it cannot be read.
        result: Result<Box<crate::render::pptx::DeckRead>, String>,
    },
    /// The roadmap was written.
    Saved {
        /// Where.
        path: PathBuf,
        /// What was written.
        written: Arc<Roadmap>,
        /// The document it was written from (see [`crate::edit::Document::id`]).
        document: u64,
        /// Why it could not be written, if it could not.
        result: Result<(), String>,
        /// What the user asked to do once it is saved.
        then: Option<Then>,
    },
    /// A roadmap to compare with was read.
    BaselineLoaded(Result<Box<Baseline>, String>),
    /// A mission table was read.
    TableRead {
        /// The file, as shown to the user.
        file: String,
        /// What it holds, or why it cannot be read.
        result: Result<Box<MissionTable>, String>,
    },
    /// A file was exported (a snapshot, a table): what to tell the user, or why it failed.
    Exported {
        /// What failed, as the error's title.
        what: &'static str,
        /// The notice for the status bar, or the error.
        result: Result<String, String>,
    },
    /// A snapshot was rendered for the clipboard: width, height and RGBA pixels.
    SnapshotRendered(Result<(u32, u32, Vec<u8>), String>),
    /// The autosave was written or cleared (or not).
    Autosaved(std::io::Result<()>),
    /// What work the session asked for found.
    Session(Finished),
    /// The work stopped without an answer (a bug: it panicked).
    Lost {
        /// What it was doing.
        what: String,
    },
}

impl From<Finished> for Done {
    fn from(finished: Finished) -> Self {
        Self::Session(finished)
    }
}

impl Done {
    /// What a job that stopped without an answer (a bug: it panicked) became.
    pub fn lost(what: String) -> Self {
        Self::Lost { what }
    }
}
