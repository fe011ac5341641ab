//! Where roadmaps come from and go: file dialogs (native, or our own prompt where no desktop
//! portal answers), the recent-files list, and the autosave of unsaved work.

use std::path::{Path, PathBuf};

use crate::format;
use crate::model::Roadmap;

/// Most files kept in File → Open recent.
const MAX_RECENT: usize = 8;
/// Seconds between autosaves of unsaved work.
pub const AUTOSAVE_SECONDS: f64 = 60.0;

const AUTOSAVE_FILE: &str = "autosave.json";
const AUTOSAVE_ORIGIN_FILE: &str = "autosave-origin.txt";

/// Native dialogs need a desktop portal on Linux, reached over the session bus; with no session
/// bus (a bare X server, a remote session) they would do nothing, so the app asks for a path
/// itself.
pub fn native_dialogs_available() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// What a file is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// A roadmap to open.
    Open,
    /// Where to save the roadmap.
    SaveAs,
    /// A roadmap to compare the open one with.
    Compare,
    /// A mission table (CSV) to import.
    ImportTable,
    /// Where to write the mission table (CSV).
    ExportTable,
    /// Where to write a snapshot of the chart (SVG, PNG or PDF).
    ExportSnapshot,
}

impl FilePurpose {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open roadmap",
            Self::SaveAs => "Save roadmap as",
            Self::Compare => "Compare with roadmap",
            Self::ImportTable => "Import mission table (CSV)",
            Self::ExportTable => "Export mission table (CSV)",
            Self::ExportSnapshot => "Export snapshot (SVG, PNG or PDF)",
        }
    }

    /// The button that confirms it.
    pub fn action(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::Compare => "Compare",
            Self::ImportTable => "Import",
            Self::ExportTable | Self::ExportSnapshot => "Export",
        }
    }

    /// Whether a file is written (rather than read).
    fn writes(self) -> bool {
        matches!(
            self,
            Self::SaveAs | Self::ExportTable | Self::ExportSnapshot
        )
    }

    /// The kind of file, as the dialog's filter.
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::ImportTable | Self::ExportTable => ("Mission table", &["csv"]),
            Self::ExportSnapshot => ("Snapshot", &["png", "svg", "pdf"]),
            _ => ("GER roadmap", &["json"]),
        }
    }
}

/// Asks for a file with the native dialog; `suggested` names a file to write.
pub fn pick_file(purpose: FilePurpose, suggested: &str, folder: Option<&Path>) -> Option<PathBuf> {
    let (kind, extensions) = purpose.filter();
    let mut dialog = rfd::FileDialog::new()
        .add_filter(kind, extensions)
        .set_title(purpose.title());
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    if purpose.writes() {
        dialog.set_file_name(suggested).save_file()
    } else {
        dialog.pick_file()
    }
}

/// Puts `path` first in the recent list.
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(MAX_RECENT);
}

/// Unsaved work found from an earlier run.
pub struct Recovered {
    /// The roadmap as it was autosaved.
    pub roadmap: Roadmap,
    /// The file it had been opened from, if any.
    pub origin: Option<PathBuf>,
}

/// The autosave of unsaved work, in the app's data folder.
pub struct Autosave {
    dir: Option<PathBuf>,
    last_write: f64,
    written_generation: Option<u64>,
}

impl Autosave {
    /// Autosaves into `dir`; `None` turns autosave off (tests, or no data folder).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            last_write: 0.0,
            written_generation: None,
        }
    }

    /// Writes the roadmap when it has unsaved changes and a minute has passed since the last
    /// write. `now` is in seconds; `generation` identifies the roadmap's content.
    pub fn tick(
        &mut self,
        now: f64,
        roadmap: &Roadmap,
        generation: u64,
        origin: Option<&Path>,
    ) -> std::io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        if now - self.last_write < AUTOSAVE_SECONDS || self.written_generation == Some(generation) {
            return Ok(());
        }
        self.last_write = now;
        self.written_generation = Some(generation);
        std::fs::create_dir_all(dir)?;
        format::write_file(&dir.join(AUTOSAVE_FILE), roadmap)?;
        let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
        std::fs::write(dir.join(AUTOSAVE_ORIGIN_FILE), origin)
    }

    /// Forgets the autosave: the work was saved or deliberately discarded.
    pub fn clear(&mut self) {
        self.written_generation = None;
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_file(dir.join(AUTOSAVE_FILE));
            let _ = std::fs::remove_file(dir.join(AUTOSAVE_ORIGIN_FILE));
        }
    }

    /// Unsaved work left by a run that did not close normally.
    pub fn recover(&self) -> Option<Recovered> {
        let dir = self.dir.as_ref()?;
        let roadmap = format::read_file(&dir.join(AUTOSAVE_FILE)).ok()?;
        let origin = std::fs::read_to_string(dir.join(AUTOSAVE_ORIGIN_FILE))
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovered { roadmap, origin })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled_roadmap;

    #[test]
    fn unsaved_work_is_written_once_a_minute_recovered_and_cleared() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let origin = Path::new("/plans/ger.json");
        autosave
            .tick(30.0, &roadmap, 1, Some(origin))
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(
            autosave.recover().is_none(),
            "not before a minute has passed"
        );
        autosave
            .tick(61.0, &roadmap, 1, Some(origin))
            .unwrap_or_else(|err| panic!("{err}"));
        let recovered = autosave
            .recover()
            .unwrap_or_else(|| panic!("written after a minute"));
        assert_eq!(recovered.roadmap, roadmap);
        assert_eq!(recovered.origin.as_deref(), Some(origin));
        autosave.clear();
        assert!(autosave.recover().is_none(), "cleared after a save");
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut recent = Vec::new();
        for name in ["a", "b", "a", "c"] {
            remember_recent(&mut recent, Path::new(name));
        }
        assert_eq!(recent, ["c", "a", "b"].map(PathBuf::from));
    }
}
