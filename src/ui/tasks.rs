//! Work that must not hold up a frame: file dialogs, reading and writing files, rendering
//! snapshots. Each runs on a thread of its own and hands back what it found as a [`Done`], which
//! the app applies through its action queue like anything the user does.
//!
//! Tests run the work inline instead, so that a seeded sequence of actions always replays the
//! same way.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::compare::Baseline;
use super::dialogs::Then;
use super::files::FilePurpose;
use super::resolve::Resolving;
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
    /// The autosave was written (or not).
    Autosaved(Result<(), String>),
    /// The work stopped without an answer (a bug: it panicked).
    Lost {
        /// What it was doing.
        what: String,
    },
}

struct Running {
    what: String,
    receiver: Receiver<Done>,
}

/// The background work under way.
pub struct Tasks {
    /// Run work at once, in the frame (tests).
    inline: bool,
    running: Vec<Running>,
    finished: Vec<Done>,
    /// The window's context, to wake it when work finishes.
    ctx: Option<egui::Context>,
}

impl Tasks {
    /// Background work on threads, or inline (`inline`) for tests.
    pub fn new(inline: bool) -> Self {
        Self {
            inline,
            running: Vec::new(),
            finished: Vec::new(),
            ctx: None,
        }
    }

    /// Whether work runs inline, in the frame.
    pub fn is_inline(&self) -> bool {
        self.inline
    }

    /// The window to wake when work finishes.
    pub fn wake(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
    }

    /// Runs `work`, described to the user as `what` while it runs.
    pub fn spawn(&mut self, what: impl Into<String>, work: impl FnOnce() -> Done + Send + 'static) {
        if self.inline {
            self.finished.push(work());
            return;
        }
        let (sender, receiver) = channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            // The app may have closed meanwhile: then nobody waits for the answer.
            let _ = sender.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.running.push(Running {
            what: what.into(),
            receiver,
        });
    }

    /// What finished since the last call.
    pub fn finished(&mut self) -> Vec<Done> {
        let mut done = std::mem::take(&mut self.finished);
        self.running.retain(|task| match task.receiver.try_recv() {
            Ok(result) => {
                done.push(result);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Done::Lost {
                    what: task.what.clone(),
                });
                false
            }
        });
        done
    }

    /// What is running, for the status bar.
    pub fn in_progress(&self) -> impl Iterator<Item = &str> {
        self.running.iter().map(|task| task.what.as_str())
    }
}
