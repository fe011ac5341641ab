//! Where the open roadmap lives: the file it comes from and is saved to, the saves under way,
//! its autosave, and the window title that names it.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::autosave::Autosave;
use super::dialogs::Then;
use super::pickers;
use crate::edit::Document;
use crate::ui::done::Done;
use crate::ui::runner::Runner;

/// The name of a roadmap that has no file yet.
pub const UNTITLED: &str = "Untitled";

/// Where the roadmap being edited lives.
pub struct OpenFile {
    /// The file the roadmap comes from and is saved to (`None`: the bundled or a new roadmap).
    pub path: Option<PathBuf>,
    /// What the roadmap is called while it has no file: the bundled roadmap, or "Untitled".
    pub name_without_file: &'static str,
    /// Unsaved work, kept in the app's data folder.
    pub autosave: Autosave,
    /// While a save runs: the save asked for meanwhile, to run when it is done.
    pub saving: Option<Option<(PathBuf, Option<Then>)>>,
    shown_title: String,
}

impl OpenFile {
    /// No file yet, with autosave in `autosave`.
    pub fn new(autosave: Autosave) -> Self {
        Self {
            path: None,
            name_without_file: UNTITLED,
            autosave,
            saving: None,
            shown_title: String::new(),
        }
    }

    /// The roadmap now comes from `path` (`None`: a new roadmap); the autosave of the one
    /// before is forgotten (the job that clears it).
    pub fn replaced(&mut self, path: Option<PathBuf>) -> crate::ui::runner::Job<Done> {
        self.name_without_file = UNTITLED;
        self.path = path;
        self.autosave.clear().map(Done::Autosaved)
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

    /// Names the file in the window title, with a star while `document` is modified.
    pub fn update_title(&mut self, ctx: &egui::Context, document: &Document) {
        let modified = if document.is_modified() { "*" } else { "" };
        let title = format!("{}{modified} — GER Planner", self.file_name());
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Writes `document`'s unsaved work off the UI thread a moment after editing pauses.
    pub fn autosave(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        runner: &mut Runner<Done>,
    ) {
        if !document.is_modified() || document.in_gesture() {
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.autosave.due(now, document.generation()) {
            Ok(true) => {
                let write = self.autosave.write(document.to_save(), self.path.clone());
                runner.spawn(write.map(Done::Autosaved));
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
pub fn remember(settings: &mut crate::ui::settings::Settings, path: &Path) {
    pickers::remember_recent(&mut settings.recent_files, path);
    settings.last_file = Some(path.to_path_buf());
}
