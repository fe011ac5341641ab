//! Files and dialogs: opening, saving, discarding, importing and exporting, each asked for in a
//! dialog, run off the UI thread, and finished when its [`Done`] comes back.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Action;
use super::app::GerApp;
use super::done::Done;
use super::files::{
    Dialog, DialogChoice, FilePurpose, Then, UNTITLED, absolute, dialog_contents,
    native_dialogs_available, pick_file, pick_files, read_to_open, remember,
};
use super::runner::Job;
use super::session::{Baseline, Resolving};
use super::settings::SideTab;
use crate::bundled::bundled_roadmap;
use crate::format;
use crate::layout;
use crate::model::{Mission, Roadmap, plural};
use crate::render::{
    DEFAULT_WIDTH, SnapshotFormat, SnapshotView, deck_slide, encode_snapshot, html, pptx,
    snapshot_heading, snapshot_scene, snapshot_svg, snapshot_text, svg_pixels,
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
            DialogChoice::Run(command) => self.run(ctx, command),
            DialogChoice::Save(then) => self.save(self.file.path.clone(), Some(then)),
            DialogChoice::Discard(then) => {
                // Back to what is on disk first: whatever follows (a cancelled prompt, a file
                // that cannot be read) leaves the saved roadmap, not the discarded edits.
                self.session.discard();
                self.clear_autosave();
                self.proceed(ctx, then);
            }
            DialogChoice::Restore => {
                if let Some(Dialog::Restore(recovered)) = dialog {
                    self.session.replace(recovered.roadmap, false);
                    self.file.name_without_file = UNTITLED;
                    self.file.path = recovered.origin;
                }
            }
            DialogChoice::DiscardRecovered => self.clear_autosave(),
            DialogChoice::File(purpose, path) => self.use_file(purpose, path),
            DialogChoice::RemoveAgency { index, id } => self.session.remove_agency(index, &id),
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
                self.clear_autosave();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Asks for a file for `purpose` (natively off the UI thread, else with our own prompt).
    pub(super) fn ask_for_file(&mut self, purpose: FilePurpose) {
        let suggested = match purpose {
            FilePurpose::ExportTable => self.file.suggested_file_name().replace(".json", ".csv"),
            FilePurpose::ExportSnapshot => self.file.suggested_file_name().replace(".json", ".png"),
            FilePurpose::ExportDeck | FilePurpose::ExportDeckViews => {
                self.file.suggested_file_name().replace(".json", ".pptx")
            }
            FilePurpose::ExportPage => self.file.suggested_file_name().replace(".json", ".html"),
            _ => self.file.suggested_file_name(),
        };
        let folder = self.file.folder();
        if native_dialogs_available() && !self.runner.is_inline() {
            if purpose == FilePurpose::IntegrateUpdates {
                self.runner.spawn(Job::new(purpose.title(), move || {
                    Done::UpdatesChosen(pick_files(purpose, folder.as_deref()))
                }));
                return;
            }
            self.runner.spawn(Job::new(purpose.title(), move || {
                let path = pick_file(purpose, &suggested, folder.as_deref());
                Done::FileChosen { purpose, path }
            }));
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
            FilePurpose::ExportDeck => self.export_deck(&path, false),
            FilePurpose::ExportDeckViews => self.export_deck(&path, true),
            FilePurpose::ExportPage => self.export_page(&path),
            FilePurpose::IntegrationBase => {
                let what = format!("Reading {}", path.display());
                self.runner.spawn(Job::new(what, move || {
                    let name = path.display().to_string();
                    let read = format::read_file(&path).map_err(|err| err.to_string());
                    Done::IntegrationBaseRead(read.map(|roadmap| (name, roadmap)))
                }));
            }
            FilePurpose::IntegrateUpdates => {
                // The prompt takes several paths, separated by semicolons.
                let text = path.to_string_lossy().into_owned();
                let paths = text.split(';').map(str::trim).filter(|p| !p.is_empty());
                self.integrate_files(paths.map(PathBuf::from).collect());
            }
        }
    }

    /// Opens a roadmap file (read off the UI thread); one that cannot be read leaves the open
    /// roadmap as it was.
    pub fn open(&mut self, path: &Path) {
        let path = path.to_path_buf();
        let what = format!("Opening {}", path.display());
        self.runner
            .spawn(Job::new(what, move || read_to_open(path)));
    }

    /// Puts `roadmap` in place of the one open, with no history: from the file at `path` (it
    /// is what the file holds), or a new roadmap (`None`).
    pub(super) fn replace_document(&mut self, roadmap: Roadmap, path: Option<PathBuf>) {
        let on_disk = path.is_some();
        let path = self.remember_file(path);
        self.session.replace(roadmap, on_disk);
        let clear = self.file.replaced(path);
        self.runner.spawn(clear);
    }

    /// `path` made absolute, remembered as the file last open and first of the recent ones.
    fn remember_file(&mut self, path: Option<PathBuf>) -> Option<PathBuf> {
        let path = path.map(absolute);
        match &path {
            Some(path) => remember(&mut self.settings, path),
            None => self.settings.last_file = None,
        }
        path
    }

    /// Forgets the autosave: the work was saved or deliberately discarded.
    fn clear_autosave(&mut self) {
        let clear = self.file.autosave.clear();
        self.runner.spawn(clear.map(Done::Autosaved));
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
        if self.file.saving.is_some() {
            // One save at a time, so that the file ends with the last roadmap asked for and
            // "modified" is decided against what is really on disk.
            self.file.saving = Some(Some((path, then)));
            return;
        }
        self.file.saving = Some(None);
        let written = self.session.document().to_save();
        let document = self.session.document().id();
        let what = format!("Saving {}", path.display());
        self.runner.spawn(Job::new(what, move || {
            let result = format::write_file(&path, &written).map_err(|err| err.to_string());
            Done::Saved {
                path,
                written,
                document,
                result,
                then,
            }
        }));
    }

    /// Loads the roadmap at `path` as the baseline to compare with (off the UI thread), and
    /// shows the changes.
    pub fn compare_with(&mut self, path: &Path) {
        let path = path.to_path_buf();
        let what = format!("Reading {}", path.display());
        self.runner.spawn(Job::new(what, move || {
            let result = (Baseline::load(&path).map(Box::new)).map_err(|err| err.to_string());
            Done::BaselineLoaded(result)
        }));
    }

    /// Reads a mission table (off the UI thread) and shows what it holds; nothing is
    /// imported yet.
    pub fn read_table(&mut self, path: &Path) {
        let file = path.display().to_string();
        let path = path.to_path_buf();
        self.runner
            .spawn(Job::new(format!("Reading {file}"), move || {
                let result = std::fs::read_to_string(&path)
                    .map(|text| Box::new(format::read_missions_csv(&text)))
                    .map_err(|err| format!("{file}: {err}"));
                Done::TableRead { file, result }
            }));
    }

    /// Writes the missions as a CSV table, off the UI thread.
    fn export_table(&mut self, path: &Path) {
        let roadmap = self.session.document().to_save();
        let written = format!("{} exported", plural(roadmap.missions.len(), "mission"));
        self.export(path, "Could not export the table", written, move || {
            Ok(format::missions_to_csv(&roadmap.missions).into_bytes())
        });
    }

    /// Makes a file with `make` and writes it to `path` off the UI thread; the status bar then
    /// says "`written` to PATH", or an error titled `what` says why not.
    fn export(
        &mut self,
        path: &Path,
        what: &'static str,
        written: String,
        make: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        let path = path.to_path_buf();
        self.runner.spawn(Job::new(
            format!("Exporting {}", path.display()),
            move || {
                let result = make()
                    .and_then(|bytes| {
                        format::write_atomically(&path, &bytes).map_err(|err| err.to_string())
                    })
                    .map(|()| format!("{written} to {}", path.display()))
                    .map_err(|err| format!("{}: {err}", path.display()));
                Done::Exported { what, result }
            },
        ));
    }

    /// Imports the missions of a table that was read: merged into the roadmap by id as one
    /// undoable step, or as a new roadmap with everything of this one but its missions.
    fn import_table(&mut self, ctx: &egui::Context, table: format::MissionTable, merge: bool) {
        let missions: Vec<Mission> = table.missions.into_iter().map(|(_, m)| m).collect();
        if merge {
            self.session.import_missions(&missions);
        } else {
            // The agencies, lanes, phases and resources the missions refer to come along.
            let roadmap = Roadmap {
                title: "Imported roadmap".to_owned(),
                description: String::new(),
                missions,
                ..self.session.roadmap().clone()
            };
            self.after_unsaved_changes(ctx, Then::NewFromTable(Box::new(roadmap)));
        }
    }

    /// What a snapshot of the chart as shown draws.
    fn snapshot_view(&self) -> SnapshotView<'_> {
        let roadmap = self.session.roadmap();
        let slide = self
            .presenting
            .as_ref()
            .and_then(|p| roadmap.views.get(p.slide));
        let title = slide.map_or(roadmap.title.as_str(), |v| v.name.as_str());
        let time = self.settings.time;
        SnapshotView::new(
            roadmap,
            self.session.arrangement(),
            time,
            title,
            &self.settings.showing,
            self.session.today(),
        )
        .with_outlook(self.session.outlook())
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
        let view = self.snapshot_view();
        let svg = snapshot_svg(&view, DEFAULT_WIDTH);
        let text = snapshot_text(&view, DEFAULT_WIDTH);
        self.export(
            path,
            "Could not export the snapshot",
            "Snapshot written".to_owned(),
            move || {
                encode_snapshot(&svg, &text, format, DEFAULT_WIDTH).map_err(|err| err.to_string())
            },
        );
    }

    /// Writes the chart as shown as a PowerPoint deck, with a slide for each saved view when
    /// `views`: laid out in the frame, its shapes and package written off the UI thread.
    fn export_deck(&mut self, path: &Path, views: bool) {
        let mut slides = vec![deck_slide(&self.snapshot_view(), DEFAULT_WIDTH)];
        if views {
            slides.extend(self.saved_view_slides());
        }
        let slides: Result<Vec<_>, _> = slides.into_iter().collect();
        let roadmap = self.session.document().snapshot();
        self.export(
            path,
            "Could not export the deck",
            "Deck written".to_owned(),
            move || {
                (slides.map_err(|err| err.to_string()))
                    .and_then(|slides| pptx::deck(&slides, &roadmap))
            },
        );
    }

    /// Reads the agencies' returned copies off the UI thread, side by side, counting the files
    /// read; then their changes are reviewed in the Updates tab.
    pub(super) fn integrate_files(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        let job = Job {
            what: format!("Reading {}", plural(paths.len(), "update")),
            steps: Some(paths.len()),
            queue: None,
            work: Box::new(move |progress| {
                use rayon::prelude::*;
                let read = (paths.par_iter())
                    .map(|path| {
                        let roadmap = format::read_file(path).map_err(|err| err.to_string());
                        progress.step();
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |name| name.to_string_lossy().into_owned(),
                        );
                        roadmap.map(|roadmap| (name, roadmap))
                    })
                    .collect();
                Done::UpdatesRead(read)
            }),
        };
        self.runner.spawn(job);
    }

    /// Writes the chart as shown as an interactive page: laid out in the frame, the page
    /// written off the UI thread.
    fn export_page(&mut self, path: &Path) {
        let view = self.snapshot_view();
        let scene = snapshot_scene(&view, DEFAULT_WIDTH);
        let heading = snapshot_heading(&view);
        let today = view.today;
        let roadmap = self.session.document().snapshot();
        let written = "Interactive page written".to_owned();
        self.export(
            path,
            "Could not export the interactive page",
            written,
            move || Ok(html::interactive_page(&roadmap, &scene, &heading, today).into_bytes()),
        );
    }

    /// A slide for each saved view of the roadmap: its range, lanes and filters, titled with
    /// its name.
    fn saved_view_slides(&self) -> Vec<Result<pptx::DeckSlide, crate::render::SnapshotError>> {
        let roadmap = self.session.roadmap();
        let today = self.session.today();
        (roadmap.views.iter())
            .map(|view| {
                let (time, showing) = layout::saved_view(view);
                let arrangement =
                    layout::arrange(roadmap, self.session.conflicts(), &showing, None);
                let snapshot =
                    SnapshotView::new(roadmap, &arrangement, time, &view.name, &showing, today)
                        .with_outlook(self.session.outlook());
                deck_slide(&snapshot, DEFAULT_WIDTH)
            })
            .collect()
    }

    /// Puts a PNG of the chart as shown on the clipboard, for pasting into slides; drawn off
    /// the UI thread.
    pub(super) fn copy_snapshot(&mut self) {
        let svg = snapshot_svg(&self.snapshot_view(), DEFAULT_WIDTH);
        self.runner.spawn(Job::new("Drawing the snapshot", move || {
            Done::SnapshotRendered(svg_pixels(&svg, DEFAULT_WIDTH).map_err(|err| err.to_string()))
        }));
    }

    /// Saves the view shown under `name`, as one undoable step.
    fn save_view(&mut self, name: String, locked: bool) {
        let view = layout::view_to_save(
            name.clone(),
            self.settings.time,
            &self.settings.showing,
            locked,
        );
        self.session.add_view(view);
        self.notice = Some(format!("View “{name}” saved: F5 presents the saved views"));
    }

    /// Takes in what background work found.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::UpdatesChosen(paths) => self.integrate_files(paths),
            Done::UpdatesRead(Ok(updates)) => {
                let base = format!("{} as last saved", self.file.file_name());
                self.session.start_integration(base, None, updates);
                self.settings.side_tab = SideTab::Updates;
            }
            Done::UpdatesRead(Err(err)) => self.show_error("Could not read the updates", &err),
            Done::IntegrationBaseRead(Ok((name, base))) => {
                self.session.rebase_integration(name, base);
            }
            Done::IntegrationBaseRead(Err(err)) => {
                self.show_error("Could not read the base of the updates", &err);
            }
            Done::FileChosen { purpose, path } => {
                if let Some(path) = path {
                    self.use_file(purpose, path);
                }
            }
            done @ (Done::Opened { .. } | Done::OpenedMerge { .. } | Done::OpenedDeck { .. }) => {
                self.opened(done);
            }
            Done::Saved {
                path,
                written,
                document,
                result,
                then,
            } => {
                let waiting = self.file.saving.take().flatten();
                match result {
                    // The roadmap open now is another one: its own state is untouched.
                    Ok(()) if document != self.session.document().id() => {
                        self.notice = Some(format!("Saved {}", path.display()));
                    }
                    Ok(()) => {
                        self.saved(path, written);
                        if let Some(then) = then
                            && !self.session.document().is_modified()
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
                    self.session.compare_with(Some(*baseline));
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
            Done::Session(finished) => self.session.finished(finished),
            Done::Lost { what } => {
                // A save that was lost no longer holds up the next one.
                self.file.saving = None;
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
            Done::OpenedDeck { path, result } => match result {
                Ok(read) => self.open_deck(path, *read),
                Err(err) => self.show_error("Could not open the deck", &err),
            },
            _ => {}
        }
    }

    /// Opens the roadmap a deck carries, as exported and not yet saved, compared with the
    /// dates the deck's shapes now show: the Changes tab lists what was moved in PowerPoint,
    /// each to be taken in.
    fn open_deck(&mut self, path: PathBuf, read: crate::render::pptx::DeckRead) {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut notice = format!(
            "{file}: {} moved in PowerPoint (Changes tab)",
            plural(read.changes.len(), "mission")
        );
        if !read.missing.is_empty() {
            notice.push_str(&format!(
                "; {} deleted from the slide (kept)",
                plural(read.missing.len(), "shape")
            ));
        }
        if read.added_shapes > 0 {
            notice.push_str(&format!(
                "; {} added in PowerPoint (left out)",
                plural(read.added_shapes, "shape")
            ));
        }
        self.replace_document(read.exported, None);
        self.session
            .compare_with(Some(Baseline::proposed(path, read.roadmap)));
        self.settings.side_tab = SideTab::Changes;
        self.settings.hide_side_panel = false;
        self.notice = Some(notice);
    }

    /// Opens the merge a file with markers stands for: the roadmap as ours has it, not yet
    /// saved (the file on disk is not a roadmap until the merge is saved), and the Merge tab.
    fn start_resolving(&mut self, path: PathBuf, resolving: Resolving) {
        match self.session.start_merge(resolving) {
            Ok(()) => {
                let path = self.remember_file(Some(path));
                let clear = self.file.replaced(path);
                self.runner.spawn(clear);
                self.settings.side_tab = SideTab::Merge;
                self.settings.hide_side_panel = false;
            }
            Err(err) => self.show_error("Could not open the merge", &err),
        }
    }

    fn saved(&mut self, path: PathBuf, written: Arc<Roadmap>) {
        // Saving a merge being resolved finishes it.
        if self.settings.side_tab == SideTab::Merge {
            self.settings.side_tab = SideTab::Conflicts;
        }
        self.session.mark_saved(written);
        if !self.session.document().is_modified() {
            self.clear_autosave();
        }
        remember(&mut self.settings, &path);
        self.notice = Some(format!("Saved {}", path.display()));
        self.file.path = Some(path);
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
