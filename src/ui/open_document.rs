//! The roadmap open in the window: its document (roadmap, history, selection), the file it
//! comes from, its autosave and the window title that names it.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::files::{self, Autosave};
use super::tasks::{Done, Tasks};
use crate::edit::Document;
use crate::model::Roadmap;

/// The name of a roadmap that has no file yet.
pub const UNTITLED: &str = "Untitled";

/// The roadmap being edited and where it lives.
pub struct OpenDocument {
    /// The roadmap, its history and selection.
    pub document: Document,
    /// The file the roadmap comes from and is saved to (`None`: the bundled or a new roadmap).
    pub path: Option<PathBuf>,
    /// What the roadmap is called while it has no file: the bundled roadmap, or "Untitled".
    pub name_without_file: &'static str,
    /// Unsaved work, kept in the app's data folder.
    pub autosave: Autosave,
    /// While a save runs: the save asked for meanwhile, to run when it is done.
    pub saving: Option<Option<(PathBuf, Option<super::dialogs::Then>)>>,
    shown_title: String,
}

impl OpenDocument {
    /// `roadmap`, saved when it comes from a file (or is the bundled one), with autosave in
    /// `autosave`.
    pub fn new(roadmap: Roadmap, saved: bool, autosave: Autosave) -> Self {
        Self {
            document: Document::new(roadmap, saved),
            path: None,
            name_without_file: UNTITLED,
            autosave,
            saving: None,
            shown_title: String::new(),
        }
    }

    /// Puts `roadmap` in place of the one open, from `path` (`None`: a new roadmap), with no
    /// history; `on_disk` when it is what the file holds (else it starts modified). The
    /// autosave of the one before is forgotten.
    pub fn replace(&mut self, roadmap: Roadmap, path: Option<PathBuf>, on_disk: bool) {
        self.document = Document::new(roadmap, on_disk);
        self.name_without_file = UNTITLED;
        self.autosave.clear();
        self.path = path;
    }

    /// Goes back to the roadmap as last saved, dropping every unsaved change and its history.
    pub fn discard(&mut self) {
        self.document = self.document.discarded();
        self.autosave.clear();
    }

    /// The name shown in the title and status bar.
    pub fn file_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => self.name_without_file.to_owned(),
        }
    }

    /// A file name to offer when asking where to write.
    pub fn suggested_file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "roadmap.json".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The folder of the file being edited, else the home folder.
    pub fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(std::env::home_dir)
    }

    /// Names the file in the window title, with a star while it is modified.
    pub fn update_title(&mut self, ctx: &egui::Context) {
        let modified = if self.document.is_modified() { "*" } else { "" };
        let title = format!("{}{modified} — GER Planner", self.file_name());
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Writes unsaved work off the UI thread a moment after editing pauses.
    pub fn autosave(&mut self, ctx: &egui::Context, tasks: &mut Tasks) {
        if !self.document.is_modified() || self.document.in_gesture() {
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.autosave.due(now, self.document.generation()) {
            Ok(true) => {
                let write = self
                    .autosave
                    .writer(self.document.to_save(), self.path.clone());
                tasks.spawn("Autosaving", move || {
                    Done::Autosaved(write().map_err(|err| err.to_string()))
                });
            }
            Ok(false) => {}
            Err(wait) => ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait)),
        }
    }
}

/// The path from the root, so that the recent list and the autosave still find the file when
/// the app is started from another folder.
pub fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// Remembers `path` as the file last open and first of the recent files.
pub fn remember(settings: &mut super::Settings, path: &Path) {
    files::remember_recent(&mut settings.recent_files, path);
    settings.last_file = Some(path.to_path_buf());
}
