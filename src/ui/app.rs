//! The application: the document being edited, the panels around the chart, files, dialogs,
//! and the commands that tie them together.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Button, RichText, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

use super::agencies::{self, AgenciesAction, AgenciesPanel};
use super::commands::Command;
use super::compare::{self, Baseline};
use super::dialogs::{Dialog, DialogChoice, Then, dialog_contents};
use super::files::{self, Autosave, FilePurpose};
use super::filters;
use super::inspector::{Inspector, InspectorAction};
use super::presentation::{self, Presentation, PresentationKey, presentation_keys};
use super::setup_panel::SetupPanel;
use super::statistics;
use super::timeline::{Timeline, TimelineAction, TimelineInput};
use crate::analysis::{Conflict, count_by_severity, find_conflicts};
use crate::bundled::{BUNDLED_NAME, bundled_roadmap};
use crate::cli::plural;
use crate::edit::{
    Document, Setup, insert_mission, merge_missions, remove_missions, replace_mission, set_dates,
    set_setup,
};
use crate::format;
use crate::layout::{self, Arrangement, Showing, TimeView};
use crate::model::{AgencyId, Mission, MissionId, Roadmap, SavedView, id_from_name, unused_id};
use crate::render::{
    DEFAULT_WIDTH, ERROR_COLOR, SLIP_COLOR, SnapshotFormat, SnapshotView, WARNING_COLOR, heading,
    severity_color, snapshot, snapshot_pixels,
};

/// The name of a roadmap that has no file yet.
const UNTITLED: &str = "Untitled";

/// Up to this many conflicts, the panel shows each message whole; beyond, one line each.
const WRAPPED_CONFLICTS: usize = 200;

/// What outlives a run: the view, the panels, the files.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The visible time range.
    pub time: TimeView,
    /// How the chart groups and filters the missions.
    pub showing: Showing,
    /// Whether the side panel (conflicts, changes, statistics) is hidden.
    #[serde(alias = "hide_conflicts")]
    pub hide_side_panel: bool,
    /// What the side panel shows.
    pub side_tab: SideTab,
    /// Whether the chart's legend is hidden.
    pub hide_legend: bool,
    /// Most recently opened files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// Whether presentation mode uses the high-contrast light theme.
    pub high_contrast_presentation: bool,
}

/// What the side panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// Every field of the selected mission.
    Mission,
    /// The agencies, to edit and to highlight.
    Agencies,
    /// Title, lanes, phases and resources.
    Roadmap,
    /// The conflicts of the roadmap.
    #[default]
    Conflicts,
    /// What changed since the baseline, in compare mode.
    Changes,
    /// Charts of the roadmap.
    Statistics,
}

impl SideTab {
    const ALL: [Self; 6] = [
        Self::Mission,
        Self::Agencies,
        Self::Roadmap,
        Self::Conflicts,
        Self::Changes,
        Self::Statistics,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Mission => "Mission",
            Self::Agencies => "Agencies",
            Self::Roadmap => "Roadmap",
            Self::Conflicts => "Conflicts",
            Self::Changes => "Changes",
            Self::Statistics => "Statistics",
        }
    }
}

/// What the keyboard still does while presenting: undo a slip of the mouse, copy the view.
const PRESENTING_COMMANDS: [Command; 3] = [Command::Undo, Command::Redo, Command::CopySnapshot];

/// The GER Planner window.
pub struct GerApp {
    settings: Settings,
    document: Document,
    /// The file the roadmap comes from and is saved to (`None`: the bundled or a new roadmap).
    path: Option<PathBuf>,
    /// Conflicts and arrangement of the roadmap as it is now, for `derived_for`.
    conflicts: Vec<Conflict>,
    arrangement: Arrangement,
    /// The document generation, what is shown and the baseline the conflicts and arrangement
    /// are of.
    derived_for: Option<(u64, Showing, Option<u64>)>,
    /// In compare mode, the version compared with.
    baseline: Option<Baseline>,
    /// What the roadmap is called while it has no file: the bundled roadmap, or "Untitled".
    name_without_file: &'static str,
    /// The outcome of the last export, shown in the status bar.
    notice: Option<String>,
    inspector: Inspector,
    agencies_panel: AgenciesPanel,
    setup_panel: SetupPanel,
    /// The agency whose missions stand out on the chart.
    highlight: Option<AgencyId>,
    selection: BTreeSet<usize>,
    timeline: Timeline,
    dialog: Option<Dialog>,
    autosave: Autosave,
    close_confirmed: bool,
    shown_title: String,
    today: NaiveDate,
    /// Presentation mode, while presenting.
    presenting: Option<Presentation>,
}

impl GerApp {
    /// The app on `file` (else the last file, else the bundled roadmap), with autosave in
    /// `autosave_dir`. A file that cannot be read leaves the bundled roadmap open and says why.
    pub fn new(settings: Settings, file: Option<PathBuf>, autosave_dir: Option<PathBuf>) -> Self {
        let mut app = Self::with_roadmap(bundled_roadmap().unwrap_or_default());
        app.name_without_file = BUNDLED_NAME;
        app.settings = settings;
        app.autosave = Autosave::new(autosave_dir);
        // Taken before any file is opened: opening a file clears the autosave.
        let recovered = app.autosave.recover();
        let explicit = file.is_some();
        if let Some(path) = file.or_else(|| app.settings.last_file.clone()) {
            match format::read_file(&path) {
                Ok(roadmap) => app.replace_document(roadmap, Some(path)),
                Err(err) if explicit => {
                    app.show_error("Could not open the roadmap", &err.to_string())
                }
                Err(_) => app.settings.last_file = None,
            }
        }
        if let Some(recovered) = recovered {
            app.dialog = Some(Dialog::Restore(Box::new(recovered)));
        }
        app
    }

    /// The app on a roadmap, with default settings and no autosave (for tests and benchmarks).
    pub fn with_roadmap(roadmap: Roadmap) -> Self {
        let time = layout::fit_all(&roadmap, &Showing::default()).unwrap_or_default();
        Self {
            settings: Settings {
                time,
                ..Settings::default()
            },
            document: Document::new(roadmap, true),
            path: None,
            conflicts: Vec::new(),
            arrangement: Arrangement::default(),
            derived_for: None,
            baseline: None,
            name_without_file: UNTITLED,
            notice: None,
            inspector: Inspector::default(),
            agencies_panel: AgenciesPanel::default(),
            setup_panel: SetupPanel::default(),
            highlight: None,
            selection: BTreeSet::new(),
            timeline: Timeline::default(),
            dialog: None,
            autosave: Autosave::new(None),
            close_confirmed: false,
            shown_title: String::new(),
            today: chrono::Local::now().date_naive(),
            presenting: None,
        }
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        self.document.roadmap()
    }

    /// Its conflicts, as of the last frame.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Whether there are unsaved changes.
    pub fn is_modified(&self) -> bool {
        self.document.is_modified()
    }

    /// The agency whose missions are highlighted.
    pub fn highlight(&self) -> Option<&AgencyId> {
        self.highlight.as_ref()
    }

    /// The selected missions.
    pub fn selection(&self) -> &BTreeSet<usize> {
        &self.selection
    }

    /// The visible time range.
    pub fn time_view(&self) -> TimeView {
        self.settings.time
    }

    /// Sets the visible time range.
    pub fn set_time_view(&mut self, time: TimeView) {
        self.settings.time = time;
    }

    /// The settings to keep for the next run.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The file being edited.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether presentation mode is on, and the position of the saved view shown.
    pub fn presented_view(&self) -> Option<usize> {
        self.presenting.as_ref().map(|p| p.slide)
    }

    /// The whole window's contents.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.presenting.is_some() {
            self.presentation_keys(ui);
        }
        let mut commands = self.shortcut_commands(&ctx);
        if self.presenting.is_some() {
            commands.retain(|c| PRESENTING_COMMANDS.contains(c));
        } else {
            self.take_dropped_files(&ctx);
        }
        // After anything above that may have opened another roadmap or shown another view,
        // before anything below that shows it.
        self.refresh_derived();
        let locked = match &self.presenting {
            Some(presentation) => {
                let roadmap = self.document.roadmap();
                let slide = presentation.slide;
                let locked = roadmap.views.get(slide).is_some_and(|v| v.locked);
                egui::Panel::top("presentation")
                    .show(ui, |ui| presentation::header(ui, roadmap, slide, locked));
                locked
            }
            None => {
                self.editing_panels(ui, &mut commands);
                false
            }
        };
        self.chart(ui, locked);
        for command in commands {
            self.run(&ctx, command);
        }
        self.dialog_ui(&ctx);
        self.update_title(&ctx);
        self.tick_autosave(&ctx);
    }

    /// Menus, toolbar, status bar and side panel around the chart.
    fn editing_panels(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, commands));
        egui::Panel::top("toolbar").show(ui, |ui| {
            let roadmap = self.document.roadmap();
            let hidden = self.arrangement.hidden;
            filters::toolbar(ui, roadmap, &mut self.settings.showing, hidden);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if !self.settings.hide_side_panel {
            egui::Panel::right("side panel")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.side_panel(ui));
        }
    }

    /// The chart, filling what the panels leave; `locked`: missions cannot be moved.
    fn chart(&mut self, ui: &mut Ui, locked: bool) {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let roadmap = self.document.roadmap();
                let input = TimelineInput {
                    roadmap,
                    conflicts: &self.conflicts,
                    arrangement: &self.arrangement,
                    selection: &self.selection,
                    showing: &self.settings.showing,
                    highlight: self.highlight.as_ref(),
                    show_legend: !self.settings.hide_legend,
                    today: self.today,
                    locked,
                };
                let actions = self.timeline.ui(ui, &mut self.settings.time, &input);
                if !actions.is_empty() {
                    // The panels around the chart were drawn before it: show them as changed.
                    ui.ctx().request_repaint();
                }
                for action in actions {
                    self.apply_timeline_action(ui.ctx(), action);
                }
            });
    }

    /// The keys of presentation mode: step through the saved views, switch the contrast,
    /// leave.
    fn presentation_keys(&mut self, ui: &Ui) {
        let count = self.document.roadmap().views.len();
        for key in presentation_keys(ui) {
            match key {
                PresentationKey::Leave => self.stop_presenting(ui.ctx()),
                PresentationKey::Contrast => {
                    let on = !self.settings.high_contrast_presentation;
                    self.settings.high_contrast_presentation = on;
                    if let Some(presentation) = &self.presenting {
                        presentation.set_contrast(ui.ctx(), on);
                    }
                }
                step => {
                    if let Some(presentation) = &mut self.presenting {
                        presentation.step(step, count);
                    }
                    self.show_slide();
                }
            }
        }
    }

    fn start_presenting(&mut self, ctx: &egui::Context) {
        let contrast = self.settings.high_contrast_presentation;
        let showing = self.settings.showing.clone();
        self.presenting = Some(Presentation::start(
            ctx,
            self.settings.time,
            showing,
            contrast,
        ));
        self.show_slide();
    }

    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presentation) = self.presenting.take() {
            (self.settings.time, self.settings.showing) = presentation.end(ctx);
        }
    }

    /// Shows the saved view presentation mode is on (none saved: the view stays as it was).
    fn show_slide(&mut self) {
        if let Some(presentation) = &self.presenting {
            self.show_view(presentation.slide);
        }
    }

    /// Shows saved view `index`: its time range, lanes and filters.
    fn show_view(&mut self, index: usize) {
        if let Some(view) = self.document.roadmap().views.get(index) {
            (self.settings.time, self.settings.showing) = layout::saved_view(view);
            self.timeline.scroll_to_top();
        }
    }

    /// Saves the view shown under `name`, as one undoable step.
    fn save_view(&mut self, name: String, locked: bool) {
        let roadmap = self.document.roadmap();
        let time = self.settings.time;
        let showing = &self.settings.showing;
        let taken = roadmap.views.iter().map(|v| v.id.as_str());
        let id = unused_id(taken, &id_from_name(&name, "view"));
        let (from, last) = time.days();
        // A file's view ends after it starts.
        let to = last.max(from.succ_opt().unwrap_or(from));
        let view = SavedView {
            id: id.as_str().into(),
            name: name.clone(),
            from,
            to,
            group_by: showing.group_by,
            filters: showing.filter.clone(),
            show_cancelled: showing.show_cancelled,
            locked,
        };
        let mut setup = Setup::of(roadmap);
        setup.views.push(view);
        let changes = set_setup(roadmap, setup);
        self.document.apply(format!("save view “{name}”"), changes);
        self.notice = Some(format!("View “{name}” saved: F5 presents the saved views"));
    }

    /// Removes saved view `index`, as one undoable step.
    fn delete_view(&mut self, index: usize) {
        let roadmap = self.document.roadmap();
        let mut setup = Setup::of(roadmap);
        if index < setup.views.len() {
            let view = setup.views.remove(index);
            let changes = set_setup(roadmap, setup);
            self.document
                .apply(format!("delete view “{}”", view.name), changes);
        }
    }

    /// What a snapshot of the chart as shown draws.
    fn snapshot_view(&self) -> SnapshotView<'_> {
        let roadmap = self.document.roadmap();
        let slide = self
            .presenting
            .as_ref()
            .and_then(|p| roadmap.views.get(p.slide));
        let title = slide.map_or(roadmap.title.as_str(), |v| v.name.as_str());
        let time = self.settings.time;
        SnapshotView {
            roadmap,
            arrangement: &self.arrangement,
            time,
            heading: heading(title, self.today, &time, &self.settings.showing),
            today: self.today,
        }
    }

    /// Writes a snapshot of the chart as shown, in the format `path`'s extension names.
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
        let written = snapshot(&self.snapshot_view(), format, DEFAULT_WIDTH)
            .map_err(|err| err.to_string())
            .and_then(|bytes| {
                format::write_atomically(path, &bytes).map_err(|err| err.to_string())
            });
        match written {
            Ok(()) => self.notice = Some(format!("Snapshot written to {}", path.display())),
            Err(err) => self.show_error(
                "Could not export the snapshot",
                &format!("{}: {err}", path.display()),
            ),
        }
    }

    /// Puts a PNG of the chart as shown on the clipboard, for pasting into slides.
    fn copy_snapshot(&mut self, ctx: &egui::Context) {
        match snapshot_pixels(&self.snapshot_view(), DEFAULT_WIDTH) {
            Ok((width, height, rgba)) => {
                let size = [width as usize, height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &rgba));
                self.notice = Some(format!(
                    "Snapshot copied to the clipboard ({width} × {height} pixels)"
                ));
            }
            Err(err) => self.show_error("Could not copy the snapshot", &err.to_string()),
        }
    }

    /// Recomputes the conflicts and the arrangement of the chart when the roadmap or what is
    /// shown has changed since the last time: frames that only zoom, pan or hover reuse them.
    fn refresh_derived(&mut self) {
        let generation = self.document.generation();
        let baseline_id = self.baseline.as_ref().map(Baseline::id);
        let showing = &self.settings.showing;
        let current = self
            .derived_for
            .as_ref()
            .is_some_and(|(g, s, b)| *g == generation && s == showing && *b == baseline_id);
        if current {
            return;
        }
        let roadmap = self.document.roadmap();
        self.conflicts = find_conflicts(roadmap);
        if let Some(baseline) = &mut self.baseline {
            baseline.refresh(roadmap, generation);
        }
        let baseline = self.baseline.as_ref().map(Baseline::roadmap);
        self.arrangement = layout::arrange(roadmap, &self.conflicts, showing, baseline);
        self.derived_for = Some((generation, showing.clone(), baseline_id));
    }

    /// Applies what the user did on the chart (also how benchmarks play a drag).
    pub fn apply_timeline_action(&mut self, ctx: &egui::Context, action: TimelineAction) {
        match action {
            TimelineAction::Select { missions, add } => {
                if !add {
                    self.selection.clear();
                }
                for mission in missions {
                    if !self.selection.insert(mission) && add {
                        self.selection.remove(&mission);
                    }
                }
            }
            TimelineAction::ClearSelection => self.selection.clear(),
            TimelineAction::NewMission { start, lane } => {
                self.add_new_mission(start, lane.as_ref());
            }
            TimelineAction::Inspect(mission) => {
                self.selection = std::iter::once(mission).collect();
                self.settings.side_tab = SideTab::Mission;
                self.settings.hide_side_panel = false;
            }
            TimelineAction::Preview(dates) => {
                self.document.preview_dates(&dates);
                self.refresh_derived();
                ctx.request_repaint();
            }
            TimelineAction::EndGesture(label) => self.document.end_gesture(&label),
            TimelineAction::CancelGesture => self.document.cancel_gesture(),
            TimelineAction::Nudge(dates) => {
                let label = match dates.as_slice() {
                    [(i, ..)] => format!("Nudge {}", self.mission_name(*i)),
                    _ => format!("Nudge {} missions", dates.len()),
                };
                let changes = set_dates(self.document.roadmap(), &dates);
                self.document.apply(label, changes);
            }
        }
    }

    fn mission_name(&self, index: usize) -> String {
        self.document
            .roadmap()
            .missions
            .get(index)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    /// Runs a command, from a menu, a key or a test.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.after_unsaved_changes(ctx, Then::New),
            Command::Open => self.after_unsaved_changes(ctx, Then::Open(None)),
            Command::Save => self.save(ctx, self.path.clone()),
            Command::SaveAs => self.save(ctx, None),
            Command::CompareWith => self.ask_for_file(ctx, FilePurpose::Compare),
            Command::StopComparing => self.baseline = None,
            Command::ImportTable => self.ask_for_file(ctx, FilePurpose::ImportTable),
            Command::ExportTable => self.ask_for_file(ctx, FilePurpose::ExportTable),
            Command::ExportSnapshot => self.ask_for_file(ctx, FilePurpose::ExportSnapshot),
            Command::CopySnapshot => self.copy_snapshot(ctx),
            Command::Present => self.start_presenting(ctx),
            Command::SaveView => {
                self.dialog = Some(Dialog::SaveView {
                    name: String::new(),
                    locked: false,
                })
            }
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => {
                self.document.undo();
                self.forget_missing_selection();
            }
            Command::Redo => {
                self.document.redo();
                self.forget_missing_selection();
            }
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                let shown = self.document.roadmap().missions.iter().enumerate();
                let showing = &self.settings.showing;
                self.selection = shown
                    .filter(|(_, m)| showing.shows(m))
                    .map(|(i, _)| i)
                    .collect();
            }
            Command::FitAll => {
                if let Some(fitted) =
                    layout::fit_all(self.document.roadmap(), &self.settings.showing)
                {
                    self.settings.time = fitted;
                }
            }
            Command::ZoomIn => self.zoom(1.5),
            Command::ZoomOut => self.zoom(1.0 / 1.5),
            Command::ToggleCancelled => {
                let showing = &mut self.settings.showing;
                showing.show_cancelled = !showing.show_cancelled;
            }
            Command::ToggleLegend => self.settings.hide_legend = !self.settings.hide_legend,
            Command::ToggleSidePanel => {
                self.settings.hide_side_panel = !self.settings.hide_side_panel
            }
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
        }
    }

    fn zoom(&mut self, factor: f64) {
        let time = &mut self.settings.time;
        time.zoom_at(time.min + time.span / 2.0, factor);
    }

    fn forget_missing_selection(&mut self) {
        let count = self.document.roadmap().missions.len();
        self.selection.retain(|&i| i < count);
    }

    fn delete_selection(&mut self) {
        let indices: Vec<usize> = self.selection.iter().copied().collect();
        let label = match indices.as_slice() {
            [] => return,
            [i] => format!("Delete {}", self.mission_name(*i)),
            _ => format!("Delete {} missions", indices.len()),
        };
        let changes = remove_missions(self.document.roadmap(), &indices);
        self.document.apply(label, changes);
        self.selection.clear();
    }

    /// The commands whose shortcuts were pressed this frame. None fire while a dialog is open or
    /// a text field has the keyboard: there Ctrl+A, Ctrl+Z and Delete belong to the text.
    fn shortcut_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.dialog.is_some() || ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        ctx.input_mut(|input| {
            Command::ALL
                .into_iter()
                .filter(|command| {
                    command
                        .shortcuts()
                        .iter()
                        .any(|shortcut| input.consume_shortcut(shortcut))
                })
                .collect()
        })
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.after_unsaved_changes(ctx, Then::Open(Some(path)));
        }
    }

    /// Runs `then` now if there is nothing unsaved, else asks first.
    fn after_unsaved_changes(&mut self, ctx: &egui::Context, then: Then) {
        if self.document.is_modified() {
            self.dialog = Some(Dialog::UnsavedChanges { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::New => {
                let roadmap = Roadmap {
                    title: "Untitled roadmap".to_owned(),
                    ..bundled_roadmap().map(empty_like).unwrap_or_default()
                };
                self.replace_document(roadmap, None);
            }
            Then::Open(Some(path)) => self.open(&path),
            Then::Open(None) => self.ask_for_file(ctx, FilePurpose::Open),
            Then::NewFromTable(roadmap) => self.replace_document(*roadmap, None),
            Then::Quit => {
                self.close_confirmed = true;
                self.autosave.clear();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens a roadmap file; one that cannot be read leaves the open roadmap as it was.
    pub fn open(&mut self, path: &Path) {
        match format::read_file(path) {
            Ok(roadmap) => self.replace_document(roadmap, Some(path.to_path_buf())),
            Err(err) => self.show_error("Could not open the roadmap", &err.to_string()),
        }
    }

    fn replace_document(&mut self, roadmap: Roadmap, path: Option<PathBuf>) {
        let path = path.map(absolute);
        self.document = Document::new(roadmap, path.is_some());
        self.name_without_file = UNTITLED;
        self.selection.clear();
        self.autosave.clear();
        if let Some(path) = &path {
            files::remember_recent(&mut self.settings.recent_files, path);
        }
        self.settings.last_file.clone_from(&path);
        self.path = path;
    }

    /// Asks for a file for `purpose` (natively, else with our own prompt), then uses it.
    fn ask_for_file(&mut self, ctx: &egui::Context, purpose: FilePurpose) {
        let suggested = match purpose {
            FilePurpose::ExportTable => self.suggested_file_name().replace(".json", ".csv"),
            FilePurpose::ExportSnapshot => self.suggested_file_name().replace(".json", ".png"),
            _ => self.suggested_file_name(),
        };
        if files::native_dialogs_available() {
            if let Some(path) = files::pick_file(purpose, &suggested, self.folder().as_deref()) {
                self.use_file(ctx, purpose, path);
            }
        } else {
            let folder = self.folder().unwrap_or_default();
            let text = match purpose {
                FilePurpose::SaveAs | FilePurpose::ExportTable | FilePurpose::ExportSnapshot => {
                    folder.join(suggested)
                }
                _ => folder.join(""),
            };
            self.dialog = Some(Dialog::Path {
                purpose,
                text: text.display().to_string(),
            });
        }
    }

    /// Does what the file was asked for.
    fn use_file(&mut self, ctx: &egui::Context, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::Open => self.open(&path),
            FilePurpose::SaveAs => self.save(ctx, Some(path)),
            FilePurpose::Compare => self.compare_with(&path),
            FilePurpose::ImportTable => self.read_table(&path),
            FilePurpose::ExportTable => self.export_table(&path),
            FilePurpose::ExportSnapshot => self.export_snapshot(&path),
        }
    }

    /// Saves to `path`, or asks where when `None`.
    fn save(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let Some(path) = path else {
            self.ask_for_file(ctx, FilePurpose::SaveAs);
            return;
        };
        let path = absolute(path);
        match format::write_file(&path, self.document.roadmap()) {
            Ok(()) => {
                self.document.mark_saved();
                self.autosave.clear();
                files::remember_recent(&mut self.settings.recent_files, &path);
                self.settings.last_file = Some(path.clone());
                self.path = Some(path);
            }
            Err(err) => self.show_error(
                "Could not save the roadmap",
                &format!("{}: {err}", path.display()),
            ),
        }
    }

    fn suggested_file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "roadmap.json".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The folder of the file being edited, else the home folder.
    fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(std::env::home_dir)
    }

    fn show_error(&mut self, title: &str, message: &str) {
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message: message.to_owned(),
        });
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let modified = if self.document.is_modified() { "*" } else { "" };
        let title = format!("{}{modified} — GER Planner", self.file_name());
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn tick_autosave(&mut self, ctx: &egui::Context) {
        if !self.document.is_modified() || self.document.in_gesture() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let written = self.autosave.tick(
            now,
            self.document.roadmap(),
            self.document.generation(),
            self.path.as_deref(),
        );
        if let Err(err) = written {
            self.show_error("Could not autosave", &err.to_string());
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(files::AUTOSAVE_SECONDS));
    }

    /// Called when the window is asked to close: with unsaved changes, asks first.
    pub fn on_close_requested(&mut self, ctx: &egui::Context) {
        if self.document.is_modified() && !self.close_confirmed {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges { then: Then::Quit });
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for command in [Command::New, Command::Open] {
                    self.command_button(ui, command, None, true, commands);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in self.settings.recent_files.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.after_unsaved_changes(ui.ctx(), Then::Open(Some(path)));
                        }
                    }
                });
                ui.separator();
                for command in [Command::Save, Command::SaveAs] {
                    self.command_button(ui, command, None, true, commands);
                }
                ui.separator();
                self.command_button(ui, Command::CompareWith, None, true, commands);
                let comparing = self.baseline.is_some();
                self.command_button(ui, Command::StopComparing, None, comparing, commands);
                ui.separator();
                for command in [Command::ImportTable, Command::ExportTable] {
                    self.command_button(ui, command, None, true, commands);
                }
                ui.separator();
                for command in [Command::ExportSnapshot, Command::CopySnapshot] {
                    self.command_button(ui, command, None, true, commands);
                }
                ui.separator();
                self.command_button(ui, Command::Quit, None, true, commands);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.document.undo_label().map(|l| format!("Undo {l}"));
                let redo = self.document.redo_label().map(|l| format!("Redo {l}"));
                self.command_button(ui, Command::Undo, undo.as_deref(), undo.is_some(), commands);
                self.command_button(ui, Command::Redo, redo.as_deref(), redo.is_some(), commands);
                ui.separator();
                self.command_button(ui, Command::SelectAll, None, true, commands);
                self.command_button(
                    ui,
                    Command::Delete,
                    None,
                    !self.selection.is_empty(),
                    commands,
                );
            });
            ui.menu_button("View", |ui| {
                for command in [Command::FitAll, Command::ZoomIn, Command::ZoomOut] {
                    self.command_button(ui, command, None, true, commands);
                }
                ui.separator();
                let mut show_cancelled = self.settings.showing.show_cancelled;
                if ui
                    .checkbox(&mut show_cancelled, Command::ToggleCancelled.label())
                    .changed()
                {
                    commands.push(Command::ToggleCancelled);
                }
                let mut show_legend = !self.settings.hide_legend;
                if ui
                    .checkbox(&mut show_legend, Command::ToggleLegend.label())
                    .changed()
                {
                    commands.push(Command::ToggleLegend);
                }
                let mut show_side_panel = !self.settings.hide_side_panel;
                if ui
                    .checkbox(&mut show_side_panel, Command::ToggleSidePanel.label())
                    .changed()
                {
                    commands.push(Command::ToggleSidePanel);
                }
            });
            ui.menu_button("Present", |ui| self.present_menu(ui, commands));
            ui.menu_button("Help", |ui| {
                self.command_button(ui, Command::Shortcuts, None, true, commands)
            });
        });
    }

    /// Presenting, and the saved views it steps through.
    fn present_menu(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        self.command_button(ui, Command::Present, None, true, commands);
        ui.checkbox(
            &mut self.settings.high_contrast_presentation,
            "High-contrast light theme",
        )
        .on_hover_text("Black on white while presenting, for projectors (C toggles it there)");
        ui.separator();
        self.command_button(ui, Command::SaveView, None, true, commands);
        let names: Vec<String> = self
            .document
            .roadmap()
            .views
            .iter()
            .map(|v| v.name.clone())
            .collect();
        if names.is_empty() {
            ui.weak("No saved views yet");
        }
        let mut shown = None;
        for (index, name) in names.iter().enumerate() {
            if ui
                .button(format!("Show “{name}”"))
                .on_hover_text("Its time range, lanes and filters")
                .clicked()
            {
                shown = Some(index);
            }
        }
        if let Some(index) = shown {
            self.show_view(index);
        }
        if !names.is_empty() {
            ui.menu_button("Delete view", |ui| {
                for (index, name) in names.iter().enumerate() {
                    if ui.button(name).clicked() {
                        self.delete_view(index);
                    }
                }
            });
        }
    }

    fn command_button(
        &self,
        ui: &mut Ui,
        command: Command,
        label: Option<&str>,
        enabled: bool,
        commands: &mut Vec<Command>,
    ) {
        let mut button = Button::new(label.unwrap_or(command.label()));
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add_enabled(enabled, button).clicked() {
            commands.push(command);
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let (errors, warnings) = count_by_severity(&self.conflicts);
            ui.label(format!(
                "{}{}",
                self.file_name(),
                if self.document.is_modified() {
                    " (modified)"
                } else {
                    ""
                }
            ));
            ui.separator();
            let count = plural(self.document.roadmap().missions.len(), "mission");
            match self.arrangement.hidden {
                0 => ui.label(count),
                hidden => ui.label(format!("{count}, {hidden} hidden")),
            };
            ui.separator();
            count_label(ui, errors, "error", ERROR_COLOR);
            count_label(ui, warnings, "warning", WARNING_COLOR);
            if !self.selection.is_empty() {
                ui.separator();
                ui.label(format!("{} selected", self.selection.len()));
            }
            if let Some(baseline) = &self.baseline {
                ui.separator();
                ui.colored_label(
                    SLIP_COLOR,
                    format!("comparing with {}", baseline.file_name()),
                );
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.weak(notice);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let time = self.settings.time;
                let years = time.span / 365.25;
                let span = if years >= 2.0 {
                    format!("{years:.0} years in view")
                } else {
                    format!("{:.0} days in view", time.span)
                };
                ui.weak(format!(
                    "{span} · snap to {}",
                    snap_name(layout::snap_unit(&time))
                ));
            });
        });
    }

    /// The side panel: conflicts, changes since the baseline, or statistics.
    fn side_panel(&mut self, ui: &mut Ui) {
        ui.add_space(4.0);
        // Tabs wrap rather than widen the panel.
        ui.horizontal_wrapped(|ui| {
            for tab in SideTab::ALL {
                let label = match tab {
                    SideTab::Conflicts => format!("{} ({})", tab.label(), self.conflicts.len()),
                    SideTab::Changes => match &self.baseline {
                        Some(b) => format!("{} ({})", tab.label(), b.diff().differences.len()),
                        None => tab.label().to_owned(),
                    },
                    SideTab::Statistics
                    | SideTab::Mission
                    | SideTab::Agencies
                    | SideTab::Roadmap => tab.label().to_owned(),
                };
                let tab_label = RichText::new(label).size(15.0);
                if ui
                    .selectable_label(self.settings.side_tab == tab, tab_label)
                    .clicked()
                {
                    self.settings.side_tab = tab;
                }
            }
        });
        ui.separator();
        match self.settings.side_tab {
            SideTab::Mission => {
                let selected = match self.selection.len() {
                    1 => self.selection.first().copied(),
                    _ => None,
                };
                let roadmap = self.document.roadmap();
                if let Some(action) = self.inspector.ui(ui, roadmap, selected) {
                    self.apply_inspector_action(action);
                }
            }
            SideTab::Agencies => {
                let roadmap = self.document.roadmap();
                let highlight = self.highlight.as_ref();
                if let Some(action) = self.agencies_panel.ui(ui, roadmap, highlight) {
                    self.apply_agencies_action(action);
                }
            }
            SideTab::Roadmap => {
                if let Some((setup, label)) = self.setup_panel.ui(ui, self.document.roadmap()) {
                    let changes = set_setup(self.document.roadmap(), setup);
                    self.document.apply(label, changes);
                }
            }
            SideTab::Conflicts => self.conflict_panel(ui),
            SideTab::Changes => {
                if let Some(id) = compare::changes_panel(ui, self.baseline.as_ref()) {
                    let missions = self.positions_of(std::slice::from_ref(&id));
                    self.select_and_show(missions);
                }
            }
            SideTab::Statistics => statistics::panel(
                ui,
                self.document.roadmap(),
                &self.settings.showing,
                self.baseline.as_ref().map(Baseline::diff),
            ),
        }
    }

    fn apply_inspector_action(&mut self, action: InspectorAction) {
        let roadmap = self.document.roadmap();
        match action {
            InspectorAction::Edit {
                index,
                after,
                label,
            } => {
                let changes = replace_mission(roadmap, index, *after);
                self.document.apply(label, changes);
            }
            InspectorAction::New => {
                let time = self.settings.time;
                let middle = layout::date_from_day(time.min + time.span / 2.0);
                self.add_new_mission(middle, None);
            }
            InspectorAction::Duplicate(index) => {
                let Some(original) = roadmap.missions.get(index) else {
                    return;
                };
                let copy = Mission {
                    id: unused_id(mission_ids(roadmap), &format!("{}-copy", original.id))
                        .as_str()
                        .into(),
                    name: format!("{} (copy)", original.name),
                    ..original.clone()
                };
                let label = format!("Duplicate {}", original.name);
                let changes = insert_mission(roadmap, index + 1, copy);
                self.document.apply(label, changes);
                self.select_and_show(vec![index + 1]);
            }
            InspectorAction::Delete(index) => {
                self.selection = std::iter::once(index).collect();
                self.delete_selection();
            }
        }
    }

    fn apply_agencies_action(&mut self, action: AgenciesAction) {
        let roadmap = self.document.roadmap();
        match action {
            AgenciesAction::Edit { agencies, label } => {
                let setup = Setup {
                    agencies,
                    ..Setup::of(roadmap)
                };
                let changes = set_setup(roadmap, setup);
                self.document.apply(label, changes);
            }
            AgenciesAction::Highlight(agency) => self.highlight = agency,
            AgenciesAction::Remove(index) => {
                let Some(agency) = roadmap.agencies.get(index) else {
                    return;
                };
                let (led, helped) = agencies::references(roadmap, &agency.id);
                if led.is_empty() && helped.is_empty() {
                    self.remove_agency(index);
                } else {
                    self.dialog = Some(Dialog::RemoveAgency {
                        index,
                        id: agency.id.to_string(),
                        led,
                        helped,
                    });
                }
            }
        }
    }

    fn remove_agency(&mut self, index: usize) {
        let roadmap = self.document.roadmap();
        let mut agencies = roadmap.agencies.clone();
        if index < agencies.len() {
            let removed = agencies.remove(index);
            if self.highlight.as_ref() == Some(&removed.id) {
                self.highlight = None;
            }
            let setup = Setup {
                agencies,
                ..Setup::of(roadmap)
            };
            let changes = set_setup(roadmap, setup);
            self.document
                .apply(format!("Remove agency {}", removed.id), changes);
        }
    }

    /// Adds a concept mission of 90 days from `start` (one undo step), selects it and shows its
    /// fields. It goes to the lane's destination (or is led by the lane's agency); what the lane
    /// does not say comes from the selected mission, else from the first destination or agency.
    fn add_new_mission(&mut self, start: chrono::NaiveDate, lane: Option<&layout::LaneKey>) {
        let roadmap = self.document.roadmap();
        let like = self
            .selection
            .first()
            .and_then(|&i| roadmap.missions.get(i));
        let destination = match lane {
            Some(layout::LaneKey::Destination(id)) => Some(id.clone()),
            _ => like.map(|m| m.destination.clone()),
        }
        .or_else(|| roadmap.destinations.first().map(|d| d.id.clone()))
        .unwrap_or_else(|| "moon".into());
        let lead = match lane {
            Some(layout::LaneKey::Agency(id)) => Some(id.clone()),
            _ => like.map(|m| m.lead.clone()),
        }
        .or_else(|| roadmap.agencies.first().map(|a| a.id.clone()))
        .unwrap_or_else(|| "NASA".into());
        let mission = Mission {
            id: unused_id(mission_ids(roadmap), "new-mission")
                .as_str()
                .into(),
            name: "New mission".to_owned(),
            destination,
            kind: crate::model::MissionKind::Robotic,
            status: crate::model::MissionStatus::Concept,
            start,
            end: start
                .checked_add_days(chrono::Days::new(89))
                .unwrap_or(start),
            lead,
            contributors: Vec::new(),
            depends_on: Vec::new(),
            resources: Vec::new(),
            notes: String::new(),
            source: String::new(),
        };
        let index = roadmap.missions.len();
        let changes = insert_mission(roadmap, index, mission);
        self.document.apply("New mission", changes);
        self.select_and_show(vec![index]);
        self.settings.side_tab = SideTab::Mission;
        self.settings.hide_side_panel = false;
    }

    /// Selects the missions and brings them into view.
    fn select_and_show(&mut self, missions: Vec<usize>) {
        self.selection = missions.iter().copied().collect();
        self.timeline.focus_on(missions);
    }

    /// Loads the roadmap at `path` as the baseline to compare with, and shows the changes.
    pub fn compare_with(&mut self, path: &Path) {
        match Baseline::load(path) {
            Ok(baseline) => {
                self.baseline = Some(baseline);
                self.settings.side_tab = SideTab::Changes;
                self.settings.hide_side_panel = false;
            }
            Err(err) => self.show_error(
                "Could not open the roadmap to compare with",
                &err.to_string(),
            ),
        }
    }

    /// Reads a mission table and shows what it holds; nothing is imported yet.
    pub fn read_table(&mut self, path: &Path) {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                self.dialog = Some(Dialog::ImportTable {
                    file,
                    table: Box::new(format::read_missions_csv(&text)),
                })
            }
            Err(err) => self.show_error("Could not read the table", &format!("{file}: {err}")),
        }
    }

    /// Writes the missions as a CSV table.
    fn export_table(&mut self, path: &Path) {
        let missions = &self.document.roadmap().missions;
        let text = format::missions_to_csv(missions);
        match format::write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                self.notice = Some(format!(
                    "{} exported to {}",
                    plural(missions.len(), "mission"),
                    path.display()
                ))
            }
            Err(err) => self.show_error(
                "Could not export the table",
                &format!("{}: {err}", path.display()),
            ),
        }
    }

    /// Imports the missions of a table that was read: merged into the roadmap by id as one
    /// undoable step, or as a new roadmap with everything of this one but its missions.
    fn import_table(&mut self, ctx: &egui::Context, table: format::MissionTable, merge: bool) {
        let missions: Vec<Mission> = table.missions.into_iter().map(|(_, m)| m).collect();
        if merge {
            let count = missions.len();
            let changes = merge_missions(self.document.roadmap(), &missions);
            self.document
                .apply(format!("Import {}", plural(count, "mission")), changes);
        } else {
            // The agencies, lanes, phases and resources the missions refer to come along.
            let roadmap = Roadmap {
                title: "Imported roadmap".to_owned(),
                description: String::new(),
                missions,
                ..self.document.roadmap().clone()
            };
            self.after_unsaved_changes(ctx, Then::NewFromTable(Box::new(roadmap)));
        }
    }

    fn conflict_panel(&mut self, ui: &mut Ui) {
        if self.arrangement.hidden > 0 {
            ui.weak(format!(
                "{} not on the chart (filtered out or cancelled); their conflicts are listed too.",
                plural(self.arrangement.hidden, "mission")
            ));
        }
        if self.conflicts.is_empty() {
            ui.label(
                "No conflicts: every dependency, resource, launch window and agency limit is met.",
            );
            return;
        }
        let mut ordered: Vec<usize> = (0..self.conflicts.len()).collect();
        ordered.sort_by_key(|&k| self.conflicts[k].severity);
        let mut clicked = None;
        // Each tab scrolls on its own.
        let scroll = egui::ScrollArea::vertical()
            .id_salt("conflicts")
            .auto_shrink(false);
        if ordered.len() <= WRAPPED_CONFLICTS {
            scroll.show(ui, |ui| {
                for &k in &ordered {
                    if self.conflict_row(ui, k, None).clicked() {
                        clicked = Some(k);
                    }
                }
            });
        } else {
            // One line per conflict, and only the lines in view are built: a roadmap of
            // thousands of missions can have a thousand conflicts.
            let height = ui.text_style_height(&egui::TextStyle::Button) + 2.0 * 2.0;
            scroll.show_rows(ui, height, ordered.len(), |ui, rows| {
                for &k in &ordered[rows] {
                    if self.conflict_row(ui, k, Some(height)).clicked() {
                        clicked = Some(k);
                    }
                }
            });
        }
        if let Some(k) = clicked {
            let missions = self.positions_of(&self.conflicts[k].missions);
            self.select_and_show(missions);
        }
    }

    /// A conflict in the panel: a dot of its severity and its message, wrapped, or shortened to
    /// one line of `height` (the whole message is in the tooltip either way).
    fn conflict_row(&self, ui: &mut Ui, k: usize, height: Option<f32>) -> egui::Response {
        let conflict = &self.conflicts[k];
        ui.horizontal_top(|ui| {
            let line = height.unwrap_or_else(|| ui.text_style_height(&egui::TextStyle::Button));
            if let Some(height) = height {
                ui.set_height(height);
            }
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, line), egui::Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.0, severity_color(conflict.severity));
            let button = egui::Button::selectable(false, RichText::new(&conflict.message));
            let button = if height.is_some() {
                button.truncate()
            } else {
                button.wrap()
            };
            ui.add(button).on_hover_text(format!(
                "{}\n\n{} ({}): click to select and show its missions",
                conflict.message,
                conflict.kind.name(),
                conflict.severity.name()
            ))
        })
        .inner
    }

    /// Positions of the missions with these ids.
    fn positions_of(&self, ids: &[MissionId]) -> Vec<usize> {
        let roadmap = self.document.roadmap();
        roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(_, m)| ids.contains(&m.id))
            .map(|(i, _)| i)
            .collect()
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            choice = dialog_contents(ui, dialog);
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(DialogChoice::Close);
        }
        let Some(choice) = choice else { return };
        let dialog = self.dialog.take();
        match choice {
            DialogChoice::Close => {}
            DialogChoice::Save(then) => {
                self.save(ctx, self.path.clone());
                if !self.document.is_modified() {
                    self.proceed(ctx, then);
                }
            }
            DialogChoice::Discard(then) => {
                self.document = Document::new(self.document.roadmap().clone(), true);
                self.autosave.clear();
                self.proceed(ctx, then);
            }
            DialogChoice::Restore => {
                if let Some(Dialog::Restore(recovered)) = dialog {
                    self.document = Document::new(recovered.roadmap, false);
                    self.name_without_file = UNTITLED;
                    self.selection.clear();
                    self.path = recovered.origin;
                }
            }
            DialogChoice::DiscardRecovered => self.autosave.clear(),
            DialogChoice::File(purpose, path) => self.use_file(ctx, purpose, path),
            DialogChoice::RemoveAgency(index) => self.remove_agency(index),
            DialogChoice::SaveView { name, locked } => self.save_view(name, locked),
            DialogChoice::Import { merge } => {
                if let Some(Dialog::ImportTable { table, .. }) = dialog {
                    self.import_table(ctx, *table, merge);
                }
            }
        }
    }
}

/// The path from the root, so that the recent list and the autosave still find the file when
/// the app is started from another folder.
fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// The ids of the roadmap's missions.
fn mission_ids(roadmap: &Roadmap) -> impl Iterator<Item = &str> + Clone {
    roadmap.missions.iter().map(|m| m.id.as_str())
}

/// "3 errors", in the severity's colour when there are any.
fn count_label(ui: &mut Ui, count: usize, noun: &str, color: egui::Color32) {
    let color = if count > 0 {
        color
    } else {
        ui.visuals().text_color()
    };
    ui.colored_label(color, plural(count, noun));
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

fn snap_name(unit: layout::CalendarUnit) -> &'static str {
    match unit {
        layout::CalendarUnit::Day | layout::CalendarUnit::Week => "days",
        layout::CalendarUnit::Month | layout::CalendarUnit::Quarter => "months",
        _ => "years",
    }
}

impl eframe::App for GerApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) {
            self.on_close_requested(ctx);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
