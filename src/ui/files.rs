//! Where roadmaps come from and go: file dialogs (native, or our own prompt where no desktop
//! portal answers), the recent-files list, and the autosave of unsaved work.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::format;
use crate::model::Roadmap;

/// Most files kept in File → Open recent.
const MAX_RECENT: usize = 8;
/// Seconds after the last edit before unsaved work is autosaved: a crash costs no more.
pub const AUTOSAVE_PAUSE: f64 = 2.0;
/// Longest wait for an autosave while editing goes on without a pause.
pub const AUTOSAVE_LONGEST_WAIT: f64 = 10.0;

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
    pub fn writes(self) -> bool {
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

/// The autosave of unsaved work, in the app's data folder: written a moment after editing
/// pauses (or every few seconds of continuous editing), off the UI thread.
pub struct Autosave {
    dir: Option<PathBuf>,
    /// Counts clears: a write that began before a clear is not made after it.
    epoch: Arc<Mutex<u64>>,
    written_generation: Option<u64>,
    /// The generation last seen, when it was first seen, and since when changes wait.
    seen: Option<(u64, f64)>,
    waiting_since: Option<f64>,
}

impl Autosave {
    /// Autosaves into `dir`; `None` turns autosave off (tests, or no data folder).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            epoch: Arc::new(Mutex::new(0)),
            written_generation: None,
            seen: None,
            waiting_since: None,
        }
    }

    /// Whether the roadmap of `generation` (unsaved) is to be written now, `now` in seconds:
    /// once it has stayed as it is for [`AUTOSAVE_PAUSE`] seconds, or changes have waited
    /// [`AUTOSAVE_LONGEST_WAIT`] seconds. `Err(seconds)`: not yet, ask again after that long.
    pub fn due(&mut self, now: f64, generation: u64) -> Result<bool, f64> {
        if self.dir.is_none() || self.written_generation == Some(generation) {
            return Ok(false);
        }
        if self.seen.is_none_or(|(g, _)| g != generation) {
            self.seen = Some((generation, now));
        }
        let waiting_since = *self.waiting_since.get_or_insert(now);
        let changed_at = self.seen.map_or(now, |(_, at)| at);
        let wait =
            (changed_at + AUTOSAVE_PAUSE - now).min(waiting_since + AUTOSAVE_LONGEST_WAIT - now);
        if wait > 0.0 {
            return Err(wait);
        }
        self.written_generation = Some(generation);
        self.waiting_since = None;
        Ok(true)
    }

    /// The write of `roadmap` (opened from `origin`), to run off the UI thread.
    pub fn writer(
        &self,
        roadmap: Arc<Roadmap>,
        origin: Option<PathBuf>,
    ) -> impl FnOnce() -> std::io::Result<()> + Send + 'static {
        let dir = self.dir.clone();
        let epoch = Arc::clone(&self.epoch);
        let began = self.current_epoch();
        move || {
            let Some(dir) = dir else { return Ok(()) };
            let epoch = epoch.lock().unwrap_or_else(PoisonError::into_inner);
            if *epoch != began {
                return Ok(()); // cleared since: the work was saved or discarded
            }
            std::fs::create_dir_all(&dir)?;
            format::write_file(&dir.join(AUTOSAVE_FILE), &roadmap)?;
            let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
            std::fs::write(dir.join(AUTOSAVE_ORIGIN_FILE), origin)
        }
    }

    fn current_epoch(&self) -> u64 {
        *self.epoch.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets the autosave: the work was saved or deliberately discarded.
    pub fn clear(&mut self) {
        self.written_generation = None;
        self.seen = None;
        self.waiting_since = None;
        let mut epoch = self.epoch.lock().unwrap_or_else(PoisonError::into_inner);
        *epoch += 1;
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
    fn unsaved_work_is_written_after_a_pause_recovered_and_cleared() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let roadmap = Arc::new(bundled_roadmap().unwrap_or_else(|err| panic!("{err}")));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let origin = PathBuf::from("/plans/ger.json");
        assert_eq!(autosave.due(10.0, 1), Err(AUTOSAVE_PAUSE), "not at once");
        assert!(autosave.due(11.0, 2).is_err(), "an edit restarts the pause");
        assert_eq!(
            autosave.due(13.0, 2),
            Ok(true),
            "written once editing pauses"
        );
        autosave.writer(Arc::clone(&roadmap), Some(origin.clone()))()
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(autosave.due(20.0, 2), Ok(false), "the same roadmap once");
        let recovered = autosave
            .recover()
            .unwrap_or_else(|| panic!("written after the pause"));
        assert_eq!(recovered.roadmap, *roadmap);
        assert_eq!(recovered.origin, Some(origin));
        autosave.clear();
        assert!(autosave.recover().is_none(), "cleared after a save");
    }

    #[test]
    fn continuous_editing_is_autosaved_within_the_longest_wait() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let mut written = None;
        for tick in 0..40_u32 {
            let now = f64::from(tick) * 0.5;
            if autosave.due(now, u64::from(tick)) == Ok(true) {
                written = Some(now);
                break;
            }
        }
        assert_eq!(written, Some(AUTOSAVE_LONGEST_WAIT));
    }

    #[test]
    fn a_write_that_began_before_a_clear_is_not_made() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let roadmap = Arc::new(bundled_roadmap().unwrap_or_else(|err| panic!("{err}")));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let write = autosave.writer(roadmap, None);
        autosave.clear();
        write().unwrap_or_else(|err| panic!("{err}"));
        assert!(
            autosave.recover().is_none(),
            "the saved work is not offered back"
        );
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
