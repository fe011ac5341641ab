//! Files and dialogs: opening, saving, discarding, importing and exporting, each asked for in a
//! dialog, run off the UI thread, and finished when its [`Done`] comes back.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Action;
use super::app::GerApp;
use super::compare::Baseline;
use super::dialogs::{Dialog, DialogChoice, Then, dialog_contents};
use super::files::{self, FilePurpose};
use super::open_document::{UNTITLED, absolute, remember};
use super::resolve::Resolving;
use super::settings::SideTab;
use super::tasks::Done;
use crate::bundled::bundled_roadmap;
use crate::edit::{Document, add_view, merge_missions};
use crate::format;
use crate::layout;
use crate::model::{Mission, Roadmap, plural};
use crate::render::{
    DEFAULT_WIDTH, SnapshotFormat, SnapshotView, encode_snapshot, heading, snapshot_svg, svg_pixels,
};

impl GerApp {
    /// Draws the dialog open, if any; returns the user's answer once given.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        let dialog = self.dialog.as_mut()?;
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            choice = dialog_contents(ui, dialog);
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(DialogChoice::Close);
        }
        let choice = choice?;
        Some(Action::Answer(choice, self.dialog.take()))
    }

    /// Does what the user answered in `dialog`.
    pub(super) fn answer(
        &mut self,
        ctx: &egui::Context,
        choice: DialogChoice,
        dialog: Option<Dialog>,
    ) {
        match choice {
            DialogChoice::Close => {}
            DialogChoice::Save(then) => self.save(self.open.path.clone(), Some(then)),
            DialogChoice::Discard(then) => {
                // Back to what is on disk first: whatever follows (a cancelled prompt, a file
                // that cannot be read) leaves the saved roadmap, not the discarded edits.
                self.open.discard();
                if let Some(resolving) = &mut self.resolving {
                    resolving.forget_picks();
                }
                self.proceed(ctx, then);
            }
            DialogChoice::Restore => {
                if let Some(Dialog::Restore(recovered)) = dialog {
                    self.open.document = Document::new(recovered.roadmap, false);
                    self.open.name_without_file = UNTITLED;
                    self.open.path = recovered.origin;
                }
            }
            DialogChoice::DiscardRecovered => self.open.autosave.clear(),
            DialogChoice::File(purpose, path) => self.use_file(purpose, path),
            DialogChoice::RemoveAgency { index, id } => self.remove_agency(index, &id),
            DialogChoice::SaveView { name, locked } => self.save_view(name, locked),
            DialogChoice::Import { merge } => {
                if let Some(Dialog::ImportTable { table, .. }) = dialog {
                    self.import_table(ctx, *table, merge);
                }
            }
        }
    }

    /// Goes on with what the user asked for once unsaved changes are dealt with.
    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::New => {
                let roadmap = Roadmap {
                    title: "Untitled roadmap".to_owned(),
                    ..bundled_roadmap().map(empty_like).unwrap_or_default()
                };
                self.replace_document(roadmap, None);
            }
            Then::Open(Some(path)) => self.open(&path),
            Then::Open(None) => self.ask_for_file(FilePurpose::Open),
            Then::NewFromTable(roadmap) => self.replace_document(*roadmap, None),
            Then::Quit => {
                self.close_confirmed = true;
                self.open.autosave.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Asks for a file for `purpose` (natively off the UI thread, else with our own prompt).
    pub(super) fn ask_for_file(&mut self, purpose: FilePurpose) {
        let suggested = match purpose {
            FilePurpose::ExportTable => self.open.suggested_file_name().replace(".json", ".csv"),
            FilePurpose::ExportSnapshot => self.open.suggested_file_name().replace(".json", ".png"),
            _ => self.open.suggested_file_name(),
        };
        let folder = self.open.folder();
        if files::native_dialogs_available() && !self.tasks.is_inline() {
            self.tasks.spawn(purpose.title(), move || {
                let path = files::pick_file(purpose, &suggested, folder.as_deref());
                Done::FileChosen { purpose, path }
            });
        } else {
            let folder = folder.unwrap_or_default();
            let text = if purpose.writes() {
                folder.join(suggested)
            } else {
                folder.join("")
            };
            self.dialog = Some(Dialog::Path {
                purpose,
                text: text.display().to_string(),
            });
        }
    }

    /// Does what the file was asked for.
    fn use_file(&mut self, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::Open => self.open(&path),
            FilePurpose::SaveAs => self.save(Some(path), None),
            FilePurpose::Compare => self.compare_with(&path),
            FilePurpose::ImportTable => self.read_table(&path),
            FilePurpose::ExportTable => self.export_table(&path),
            FilePurpose::ExportSnapshot => self.export_snapshot(&path),
        }
    }

    /// Opens a roadmap file (read off the UI thread); one that cannot be read leaves the open
    /// roadmap as it was.
    pub fn open(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.tasks
            .spawn(format!("Opening {}", path.display()), move || {
                read_to_open(path)
            });
    }

    pub(super) fn replace_document(&mut self, roadmap: Roadmap, path: Option<PathBuf>) {
        let on_disk = path.is_some();
        self.replace_document_from(roadmap, path, on_disk);
    }

    /// [`Self::replace_document`], saying whether `roadmap` is what the file holds (a merge
    /// being resolved is not, until it is saved).
    fn replace_document_from(&mut self, roadmap: Roadmap, path: Option<PathBuf>, on_disk: bool) {
        self.resolving = None;
        let path = path.map(absolute);
        if let Some(path) = &path {
            remember(&mut self.settings, path);
        } else {
            self.settings.last_file = None;
        }
        self.open.replace(roadmap, path, on_disk);
    }

    /// Saves to `path` off the UI thread (or asks where when `None`), then does `then`.
    pub(super) fn save(&mut self, path: Option<PathBuf>, then: Option<Then>) {
        let Some(path) = path else {
            // Save As has no `then`: the unsaved-changes dialog saves to the file open, and
            // an untitled roadmap asks first.
            self.ask_for_file(FilePurpose::SaveAs);
            return;
        };
        let path = absolute(path);
        if self.open.saving.is_some() {
            // One save at a time, so that the file ends with the last roadmap asked for and
            // "modified" is decided against what is really on disk.
            self.open.saving = Some(Some((path, then)));
            return;
        }
        self.open.saving = Some(None);
        let written = self.open.document.to_save();
        let document = self.open.document.id();
        self.tasks
            .spawn(format!("Saving {}", path.display()), move || {
                let result = format::write_file(&path, &written).map_err(|err| err.to_string());
                Done::Saved {
                    path,
                    written,
                    document,
                    result,
                    then,
                }
            });
    }

    /// Loads the roadmap at `path` as the baseline to compare with (off the UI thread), and
    /// shows the changes.
    pub fn compare_with(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.tasks
            .spawn(format!("Reading {}", path.display()), move || {
                let result = Baseline::load(&path)
                    .map(Box::new)
                    .map_err(|err| err.to_string());
                Done::BaselineLoaded(result)
            });
    }

    /// Reads a mission table (off the UI thread) and shows what it holds; nothing is
    /// imported yet.
    pub fn read_table(&mut self, path: &Path) {
        let file = path.display().to_string();
        let path = path.to_path_buf();
        self.tasks.spawn(format!("Reading {file}"), move || {
            let result = std::fs::read_to_string(&path)
                .map(|text| Box::new(format::read_missions_csv(&text)))
                .map_err(|err| format!("{file}: {err}"));
            Done::TableRead { file, result }
        });
    }

    /// Writes the missions as a CSV table, off the UI thread.
    fn export_table(&mut self, path: &Path) {
        let roadmap = self.open.document.to_save();
        let path = path.to_path_buf();
        self.tasks
            .spawn(format!("Exporting {}", path.display()), move || {
                let text = format::missions_to_csv(&roadmap.missions);
                let result = format::write_atomically(&path, text.as_bytes())
                    .map(|()| {
                        format!(
                            "{} exported to {}",
                            plural(roadmap.missions.len(), "mission"),
                            path.display()
                        )
                    })
                    .map_err(|err| format!("{}: {err}", path.display()));
                Done::Exported {
                    what: "Could not export the table",
                    result,
                }
            });
    }

    /// Imports the missions of a table that was read: merged into the roadmap by id as one
    /// undoable step, or as a new roadmap with everything of this one but its missions.
    fn import_table(&mut self, ctx: &egui::Context, table: format::MissionTable, merge: bool) {
        let missions: Vec<Mission> = table.missions.into_iter().map(|(_, m)| m).collect();
        if merge {
            let count = missions.len();
            let changes = merge_missions(self.open.document.roadmap(), &missions);
            self.open
                .document
                .apply(format!("Import {}", plural(count, "mission")), changes);
        } else {
            // The agencies, lanes, phases and resources the missions refer to come along.
            let roadmap = Roadmap {
                title: "Imported roadmap".to_owned(),
                description: String::new(),
                missions,
                ..self.open.document.roadmap().clone()
            };
            self.after_unsaved_changes(ctx, Then::NewFromTable(Box::new(roadmap)));
        }
    }

    /// What a snapshot of the chart as shown draws.
    fn snapshot_view(&self) -> SnapshotView<'_> {
        let roadmap = self.open.document.roadmap();
        let slide = self
            .presenting
            .as_ref()
            .and_then(|p| roadmap.views.get(p.slide));
        let title = slide.map_or(roadmap.title.as_str(), |v| v.name.as_str());
        let time = self.settings.time;
        SnapshotView {
            roadmap,
            arrangement: &self.derived.arrangement,
            time,
            heading: heading(title, self.today, &time, &self.settings.showing),
            today: self.today,
            outlook: self.outlook(),
        }
    }

    /// Writes a snapshot of the chart as shown, in the format `path`'s extension names: laid
    /// out in the frame, drawn and written off the UI thread.
    fn export_snapshot(&mut self, path: &Path) {
        let Some(format) = SnapshotFormat::of_path(path) else {
            self.show_error(
                "Could not export the snapshot",
                &format!(
                    "{}: expected a file name ending in .svg, .png or .pdf",
                    path.display()
                ),
            );
            return;
        };
        let svg = snapshot_svg(&self.snapshot_view(), DEFAULT_WIDTH);
        let path = path.to_path_buf();
        self.tasks
            .spawn(format!("Exporting {}", path.display()), move || {
                let result = encode_snapshot(&svg, format, DEFAULT_WIDTH)
                    .map_err(|err| err.to_string())
                    .and_then(|bytes| {
                        format::write_atomically(&path, &bytes).map_err(|err| err.to_string())
                    })
                    .map(|()| format!("Snapshot written to {}", path.display()))
                    .map_err(|err| format!("{}: {err}", path.display()));
                Done::Exported {
                    what: "Could not export the snapshot",
                    result,
                }
            });
    }

    /// Puts a PNG of the chart as shown on the clipboard, for pasting into slides; drawn off
    /// the UI thread.
    pub(super) fn copy_snapshot(&mut self) {
        let svg = snapshot_svg(&self.snapshot_view(), DEFAULT_WIDTH);
        self.tasks.spawn("Drawing the snapshot", move || {
            Done::SnapshotRendered(svg_pixels(&svg, DEFAULT_WIDTH).map_err(|err| err.to_string()))
        });
    }

    /// Saves the view shown under `name`, as one undoable step.
    fn save_view(&mut self, name: String, locked: bool) {
        let view = layout::view_to_save(
            name.clone(),
            self.settings.time,
            &self.settings.showing,
            locked,
        );
        let changes = add_view(self.open.document.roadmap(), view);
        self.open
            .document
            .apply(format!("Save view “{name}”"), changes);
        self.notice = Some(format!("View “{name}” saved: F5 presents the saved views"));
    }

    /// Takes in what background work found.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::FileChosen { purpose, path } => {
                if let Some(path) = path {
                    self.use_file(purpose, path);
                }
            }
            done @ (Done::Opened { .. } | Done::OpenedMerge { .. }) => self.opened(done),
            Done::Saved {
                path,
                written,
                document,
                result,
                then,
            } => {
                let waiting = self.open.saving.take().flatten();
                match result {
                    // The roadmap open now is another one: its own state is untouched.
                    Ok(()) if document != self.open.document.id() => {
                        self.notice = Some(format!("Saved {}", path.display()));
                    }
                    Ok(()) => {
                        self.saved(path, written);
                        if let Some(then) = then
                            && !self.open.document.is_modified()
                        {
                            self.proceed(ctx, then);
                        }
                    }
                Err(err) => self.show_error(
                    "Could not save the roadmap",
                    &format!(
                        "{}: {err}\n\nThe file on disk is as it was, and your changes are still open: save them elsewhere with Save As.",
                            path.display()
                        ),
                    ),
                }
                if let Some((path, then)) = waiting {
                    self.save(Some(path), then);
                }
            }
            Done::BaselineLoaded(result) => match result {
                Ok(baseline) => {
                    self.baseline = Some(*baseline);
                    self.settings.side_tab = SideTab::Changes;
                    self.settings.hide_side_panel = false;
                }
                Err(err) => self.show_error("Could not open the roadmap to compare with", &err),
            },
            Done::TableRead { file, result } => match result {
                Ok(table) => self.dialog = Some(Dialog::ImportTable { file, table }),
                Err(err) => self.show_error("Could not read the table", &err),
            },
            Done::Exported { what, result } => match result {
                Ok(notice) => self.notice = Some(notice),
                Err(err) => self.show_error(what, &err),
            },
            Done::SnapshotRendered(result) => match result {
                Ok((width, height, rgba)) => {
                    let size = [width as usize, height as usize];
                    ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &rgba));
                    self.notice = Some(format!(
                        "Snapshot copied to the clipboard ({width} × {height} pixels)"
                    ));
                }
                Err(err) => self.show_error("Could not copy the snapshot", &err),
            },
            Done::Autosaved(result) => {
                if let Err(err) = result {
                    self.notice = Some(format!("Autosave failed: {err}"));
                }
            }
            Done::Lost { what } => {
                // A save that was lost no longer holds up the next one.
                self.open.saving = None;
                self.show_error(
                    "Something went wrong",
                    &format!("{what} stopped unexpectedly; the roadmap open is unchanged."),
                );
            }
        }
    }

    /// Records that `written` is now in the file at `path`.
    /// What reading `path` gave, as [`read_to_open`] says it.
    pub(super) fn opened(&mut self, done: Done) {
        match done {
            Done::Opened { path, result } => match result {
                Ok(roadmap) => self.replace_document(roadmap, Some(path)),
                Err(err) => self.show_error("Could not open the roadmap", &err),
            },
            Done::OpenedMerge { path, resolving } => self.start_resolving(path, *resolving),
            _ => {}
        }
    }

    /// Opens the merge a file with markers stands for: the roadmap as ours has it, not yet
    /// saved (the file on disk is not a roadmap until the merge is saved), and the Merge tab.
    fn start_resolving(&mut self, path: PathBuf, resolving: Resolving) {
        match resolving.roadmap() {
            Ok(roadmap) => {
                self.replace_document_from(roadmap, Some(path), false);
                self.resolving = Some(resolving);
                self.settings.side_tab = SideTab::Merge;
                self.settings.hide_side_panel = false;
            }
            Err(err) => self.show_error("Could not open the merge", &err),
        }
    }

    fn saved(&mut self, path: PathBuf, written: Arc<Roadmap>) {
        // Saving a merge being resolved finishes it.
        self.resolving = None;
        if self.settings.side_tab == SideTab::Merge {
            self.settings.side_tab = SideTab::Conflicts;
        }
        self.open.document.mark_saved(written);
        if !self.open.document.is_modified() {
            self.open.autosave.clear();
        }
        remember(&mut self.settings, &path);
        self.notice = Some(format!("Saved {}", path.display()));
        self.open.path = Some(path);
    }
}

/// A new roadmap keeps the agencies and destinations (with their launch windows) of `template`
/// and nothing else.
fn empty_like(template: Roadmap) -> Roadmap {
    Roadmap {
        agencies: template.agencies,
        destinations: template.destinations,
        ..Roadmap::default()
    }
}

/// Reads a file to open: a roadmap, or (when a merge left conflict markers in it) the merge
/// to resolve.
pub(super) fn read_to_open(path: PathBuf) -> Done {
    let file = path.display().to_string();
    let text = match format::read_text(&path) {
        Ok(text) => text,
        Err(err) => {
            return Done::Opened {
                path,
                result: Err(err.to_string()),
            };
        }
    };
    if format::has_markers(&text) {
        return match Resolving::from_text(&text, &file) {
            Ok(resolving) => Done::OpenedMerge {
                path,
                resolving: Box::new(resolving),
            },
            Err(err) => Done::Opened {
                path,
                result: Err(err.to_string()),
            },
        };
    }
    let result = format::read_str(&text, &file).map_err(|err| err.to_string());
    Done::Opened { path, result }
}
