//! Where roadmaps come from and go: file dialogs (native, or our own prompt where no desktop
//! portal answers), and the recent-files list.

use std::path::{Path, PathBuf};

/// Most files kept in File → Open recent.
const MAX_RECENT: usize = 8;

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
    /// Where to write the chart as a PowerPoint deck.
    ExportDeck,
    /// Where to write the chart and every saved view as a PowerPoint deck.
    ExportDeckViews,
    /// Where to write the chart as an interactive page.
    ExportPage,
    /// The agencies' returned copies to integrate (several files).
    IntegrateUpdates,
    /// The roadmap the copies being integrated were made from.
    IntegrationBase,
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
            Self::ExportDeck => "Export PowerPoint deck",
            Self::ExportDeckViews => "Export PowerPoint deck with every saved view",
            Self::ExportPage => "Export interactive page (HTML)",
            Self::IntegrateUpdates => "Integrate updates (several files: separate them with ;)",
            Self::IntegrationBase => "The roadmap the updates were made from",
        }
    }

    /// The button that confirms it.
    pub fn action(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::Compare => "Compare",
            Self::IntegrateUpdates => "Integrate",
            Self::IntegrationBase => "Use as base",
            Self::ImportTable => "Import",
            Self::ExportTable
            | Self::ExportSnapshot
            | Self::ExportDeck
            | Self::ExportDeckViews
            | Self::ExportPage => "Export",
        }
    }

    /// Whether a file is written (rather than read).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Self::SaveAs
                | Self::ExportTable
                | Self::ExportSnapshot
                | Self::ExportDeck
                | Self::ExportDeckViews
                | Self::ExportPage
        )
    }

    /// The kind of file, as the dialog's filter.
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::ImportTable | Self::ExportTable => ("Mission table", &["csv"]),
            Self::ExportSnapshot => ("Snapshot", &["png", "svg", "pdf"]),
            Self::ExportDeck | Self::ExportDeckViews => ("PowerPoint deck", &["pptx"]),
            Self::ExportPage => ("Interactive page", &["html", "htm"]),
            Self::Open => ("GER roadmap, or a deck exported from it", &["json", "pptx"]),
            _ => ("GER roadmap", &["json"]),
        }
    }
}

/// Asks for a file with the native dialog; `suggested` names a file to write.
pub fn pick_file(purpose: FilePurpose, suggested: &str, folder: Option<&Path>) -> Option<PathBuf> {
    let dialog = native_dialog(purpose, folder);
    if purpose.writes() {
        dialog.set_file_name(suggested).save_file()
    } else {
        dialog.pick_file()
    }
}

/// Asks for several roadmap files with the native dialog (none: it was cancelled).
pub fn pick_files(purpose: FilePurpose, folder: Option<&Path>) -> Vec<PathBuf> {
    native_dialog(purpose, folder)
        .pick_files()
        .unwrap_or_default()
}

/// The native dialog for `purpose`, titled and filtered for it, opening in `folder`.
fn native_dialog(purpose: FilePurpose, folder: Option<&Path>) -> rfd::FileDialog {
    let (kind, extensions) = purpose.filter();
    let dialog = rfd::FileDialog::new()
        .add_filter(kind, extensions)
        .set_title(purpose.title());
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// Puts `path` first in the recent list.
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut recent = Vec::new();
        for name in ["a", "b", "a", "c"] {
            remember_recent(&mut recent, Path::new(name));
        }
        assert_eq!(recent, ["c", "a", "b"].map(PathBuf::from));
    }
}
