//! The application: the open roadmap, the panels around the chart, and the one place where
//! what the user asked for during a frame is applied.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::Ui;

use super::action::Action;
use super::agencies::AgenciesPanel;
use super::commands::Command;
use super::compare::Baseline;
use super::derived::Derived;
use super::dialogs::{Dialog, Then};
use super::file_flow::read_to_open;
use super::files::Autosave;
use super::inspector::{Inspector, Timing};
use super::open_document::OpenDocument;
use super::outlook::{OutlookKey, OutlookRunner};
use super::planning::Planning;
use super::presentation::{self, Presentation, presentation_keys};
use super::resolve::Resolving;
use super::settings::Settings;
use super::setup_panel::SetupPanel;
use super::statistics::Statistics;
use super::tasks::Done;
use super::tasks::Tasks;
use super::timeline::{ChartVersion, Timeline, TimelineInput};
use crate::analysis::{Conflict, Outlook};
use crate::bundled::{BUNDLED_NAME, bundled_roadmap};
use crate::edit::MissionKey;
use crate::layout::TimeView;
use crate::model::{AgencyId, Roadmap};

/// What the keyboard still does while presenting: undo a slip of the mouse, copy the view.
const PRESENTING_COMMANDS: [Command; 3] = [Command::Undo, Command::Redo, Command::CopySnapshot];

/// The GER Planner window.
pub struct GerApp {
    pub(super) settings: Settings,
    pub(super) open: OpenDocument,
    pub(super) derived: Derived,
    /// In compare mode, the version compared with.
    pub(super) baseline: Option<Baseline>,
    /// A merge being resolved (the file opened had merge markers).
    pub(super) resolving: Option<Resolving>,
    /// The outcome of the last export or save, shown in the status bar.
    pub(super) notice: Option<String>,
    pub(super) inspector: Inspector,
    pub(super) agencies_panel: AgenciesPanel,
    pub(super) setup_panel: SetupPanel,
    pub(super) statistics: Statistics,
    /// The agency whose missions stand out on the chart.
    pub(super) highlight: Option<AgencyId>,
    pub(super) timeline: Timeline,
    pub(super) dialog: Option<Dialog>,
    pub(super) tasks: Tasks,
    pub(super) close_confirmed: bool,
    pub(super) today: NaiveDate,
    /// Presentation mode, while presenting.
    pub(super) presenting: Option<Presentation>,
    /// The step a continuous widget (a colour being picked) is editing while the pointer is
    /// held: its further changes join that step.
    pub(super) continuing: Option<String>,
    /// Quick fixes, Resolve all, accepting conflicts, pushed successors.
    pub(super) planning: Planning,
    /// The outlook shown, and the one being worked out.
    pub(super) outlook: OutlookRunner,
}

impl GerApp {
    /// The app on `file` (else the last file, else the bundled roadmap), with autosave in
    /// `autosave_dir`. A file that cannot be read leaves the bundled roadmap open and says why.
    pub fn new(settings: Settings, file: Option<PathBuf>, autosave_dir: Option<PathBuf>) -> Self {
        let mut app = Self::with_roadmap(bundled_roadmap().unwrap_or_default());
        app.tasks = Tasks::new(false);
        app.open.name_without_file = BUNDLED_NAME;
        app.settings = settings;
        app.open.autosave = Autosave::new(autosave_dir);
        // Taken before any file is opened: opening a file clears the autosave.
        let recovered = app.open.autosave.recover();
        let explicit = file.is_some();
        if let Some(path) = file.or_else(|| app.settings.last_file.clone()) {
            // Read before the first frame: there is nothing on screen to keep responsive yet.
            match read_to_open(path) {
                Done::Opened { result: Err(_), .. } if !explicit => app.settings.last_file = None,
                done => app.opened(done),
            }
        }
        if let Some(recovered) = recovered {
            app.dialog = Some(Dialog::Restore(Box::new(recovered)));
        }
        app
    }

    /// The app on a roadmap, with default settings, no autosave, and background work run
    /// inline so that a test replays the same way every time (for tests and benchmarks).
    pub fn with_roadmap(roadmap: Roadmap) -> Self {
        let time = crate::layout::fit_all(&roadmap, &Default::default()).unwrap_or_default();
        Self {
            settings: Settings {
                time,
                ..Settings::default()
            },
            open: OpenDocument::new(roadmap, true, Autosave::new(None)),
            derived: Derived::default(),
            baseline: None,
            resolving: None,
            notice: None,
            inspector: Inspector::default(),
            agencies_panel: AgenciesPanel::default(),
            setup_panel: SetupPanel::default(),
            statistics: Statistics::default(),
            highlight: None,
            timeline: Timeline::default(),
            dialog: None,
            tasks: Tasks::new(true),
            close_confirmed: false,
            today: chrono::Local::now().date_naive(),
            presenting: None,
            continuing: None,
            planning: Planning::default(),
            outlook: OutlookRunner::default(),
        }
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        self.open.document.roadmap()
    }

    /// The roadmap as last saved (or as opened or made).
    pub fn saved_roadmap(&self) -> &Roadmap {
        self.open.document.saved()
    }

    /// Its conflicts, as of the last frame.
    pub fn conflicts(&self) -> &[Conflict] {
        self.derived.conflicts()
    }

    /// Whether there are unsaved changes.
    pub fn is_modified(&self) -> bool {
        self.open.document.is_modified()
    }

    /// How many steps Undo can take back.
    pub fn undo_count(&self) -> usize {
        self.open.document.undo_count()
    }

    /// The agency whose missions are highlighted.
    pub fn highlight(&self) -> Option<&AgencyId> {
        self.highlight.as_ref()
    }

    /// The selected missions, by key.
    pub fn selection(&self) -> &BTreeSet<MissionKey> {
        self.open.document.selection()
    }

    /// The positions in the roadmap of the selected missions, in list order.
    pub fn selected_positions(&self) -> BTreeSet<usize> {
        let document = &self.open.document;
        document
            .keys()
            .positions(document.selection())
            .into_iter()
            .collect()
    }

    /// The key of the mission at `position` in the roadmap.
    pub fn key_at(&self, position: usize) -> Option<MissionKey> {
        self.open.document.keys().at(position)
    }

    /// The mission the inspector shows, if any: the one selected mission.
    pub fn inspected(&self) -> Option<MissionKey> {
        let selection = self.open.document.selection();
        (selection.len() == 1)
            .then(|| selection.first().copied())
            .flatten()
    }

    /// The visible time range.
    pub fn time_view(&self) -> TimeView {
        self.settings.time
    }

    /// Sets the visible time range.
    pub fn set_time_view(&mut self, time: TimeView) {
        self.settings.time = time;
    }

    /// Fixes the day the app takes for today (tests: the today line and snapshots).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// Turns the outlook on or off (the toolbar's toggle).
    pub fn set_outlook(&mut self, on: bool) {
        self.settings.show_outlook = on;
    }

    /// Makes each outlook of `runs` runs instead of as many as the roadmap's size calls for
    /// (tests that need an outlook but not its precision).
    pub fn set_outlook_runs(&mut self, runs: usize) {
        self.outlook.runs = Some(runs);
    }

    /// The outlook shown on the chart: when it is on, the last one worked out for the
    /// roadmap's missions.
    pub fn outlook(&self) -> Option<&Outlook> {
        (self.outlook).shown(self.settings.show_outlook, self.open.document.roadmap())
    }

    /// Turns Push successors on or off (the toolbar's toggle).
    pub fn set_push_successors(&mut self, on: bool) {
        self.settings.push_successors = on;
    }

    /// The settings to keep for the next run.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The file being edited.
    pub fn path(&self) -> Option<&Path> {
        self.open.path.as_deref()
    }

    /// The name shown in the title and status bar.
    pub fn file_name(&self) -> String {
        self.open.file_name()
    }

    /// Whether presentation mode is on, and the position of the saved view shown.
    pub fn presented_view(&self) -> Option<usize> {
        self.presenting.as_ref().map(|p| p.slide)
    }

    /// While a merge is being resolved: how many of its conflicts have a side picked, of how
    /// many.
    pub fn merge_progress(&self) -> Option<(usize, usize)> {
        self.resolving.as_ref().map(Resolving::progress)
    }

    /// Whether a dialog is open over the chart.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// The whole window's contents. Everything the frame collects is applied at its end,
    /// after everything is drawn from one unchanged roadmap.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.tasks.wake(&ctx);
        if !ctx.input(|i| i.pointer.any_down()) {
            self.continuing = None;
        }
        let mut actions: Vec<Action> = self
            .tasks
            .finished()
            .into_iter()
            .map(Action::Done)
            .collect();
        if self.presenting.is_some() {
            actions.extend(presentation_keys(ui).into_iter().map(Action::Presentation));
        }
        let mut commands = self.shortcut_commands(&ctx);
        if self.presenting.is_some() {
            commands.retain(|c| PRESENTING_COMMANDS.contains(c));
        } else {
            actions.extend(dropped_file(&ctx).map(Action::OpenFile));
        }
        // Settings changed since the last frame (by a test, or a filter) show at once.
        self.refresh_derived();
        self.planning
            .begin_frame(self.open.document.generation(), self.today);
        self.follow_outlook(&ctx);
        let locked = match &self.presenting {
            Some(presentation) => {
                let roadmap = self.open.document.roadmap();
                let slide = presentation.slide;
                let locked = roadmap.views.get(slide).is_some_and(|v| v.locked);
                egui::Panel::top("presentation")
                    .show(ui, |ui| presentation::header(ui, roadmap, slide, locked));
                locked
            }
            None => {
                self.editing_panels(ui, &mut actions);
                false
            }
        };
        self.chart(ui, locked, &mut actions);
        actions.extend(self.dialog_ui(&ctx));
        actions.extend(commands.into_iter().map(Action::Command));
        if !actions.is_empty() {
            // What was drawn is of the roadmap before these: draw it again as it is now.
            ctx.request_repaint();
        }
        self.apply_all(&ctx, actions);
        self.refresh_derived();
        self.open.update_title(&ctx);
        self.open.autosave(&ctx, &mut self.tasks);
    }

    /// Applies the actions of a frame, in the order they were asked for.
    pub(super) fn apply_all(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            self.apply(ctx, action);
        }
    }

    /// Menus, toolbar, status bar and side panel around the chart.
    fn editing_panels(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, actions));
        egui::Panel::top("toolbar").show(ui, |ui| {
            let roadmap = self.open.document.roadmap();
            let hidden = self.derived.arrangement.hidden;
            ui.horizontal(|ui| {
                super::filters::toolbar(ui, roadmap, &mut self.settings.showing, hidden);
                ui.separator();
                ui.toggle_value(&mut self.settings.push_successors, "Push successors")
                    .on_hover_text(
                        "Dragging a mission later pushes the missions that depend on it (shown \
                         as ghosts while dragging, moved on release, one undo step)",
                    );
                ui.toggle_value(&mut self.settings.show_outlook, "Outlook")
                    .on_hover_text(
                        "How likely each date is (O): each bar fades out to the date by which \
                         80 % of simulated futures have ended it, from slips measured on the GER \
                         2020 plan or the mission's own start estimate",
                    );
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, actions));
        if !self.settings.hide_side_panel {
            egui::Panel::right("side panel")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.side_panel(ui, actions));
        }
    }

    /// The chart, filling what the panels leave; `locked`: missions cannot be moved.
    fn chart(&mut self, ui: &mut Ui, locked: bool, actions: &mut Vec<Action>) {
        let selected_positions = self.selected_positions();
        let proposed = self.planning.proposed();
        let driving = self.driving_path();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let document = &self.open.document;
                let outlook = self
                    .outlook
                    .shown(self.settings.show_outlook, document.roadmap());
                let input = TimelineInput {
                    roadmap: document.roadmap(),
                    keys: document.keys(),
                    conflicts: self.derived.conflicts(),
                    arrangement: &self.derived.arrangement,
                    selection: document.selection(),
                    selected_positions: &selected_positions,
                    showing: &self.settings.showing,
                    highlight: self.highlight.as_ref(),
                    show_legend: !self.settings.hide_legend,
                    today: self.today,
                    locked,
                    proposed,
                    driving: &driving,
                    float_text: &|i| {
                        let float = self.derived.float(document.roadmap(), i)?;
                        Some(super::inspector::float_text(&float))
                    },
                    outlook,
                    version: ChartVersion {
                        derived: self.derived.version(),
                        outlook: outlook.map(|_| self.outlook.shown_number()),
                    },
                };
                let done = self.timeline.ui(ui, &mut self.settings.time, &input);
                actions.extend(done.into_iter().map(Action::Timeline));
            });
    }

    /// The float and driving path of the one mission selected.
    pub(super) fn timing(&self) -> Option<Timing> {
        let selected = self.selected_positions();
        let (1, Some(&i)) = (selected.len(), selected.first()) else {
            return None;
        };
        let roadmap = self.open.document.roadmap();
        Some(Timing {
            float: self.derived.float(roadmap, i)?,
            driven_by: (self.driving_path().into_iter())
                .map(|j| roadmap.missions[j].name.clone())
                .collect(),
        })
    }

    /// The outlook of the one mission selected, in words (none when the outlook is off).
    pub(super) fn selected_outlook_lines(&self) -> Vec<String> {
        let selected = self.selected_positions();
        let (1, Some(&i), Some(outlook)) = (selected.len(), selected.first(), self.outlook())
        else {
            return Vec::new();
        };
        (outlook.missions.get(i))
            .map(|mission| super::outlook::outlook_lines(mission, outlook.runs))
            .unwrap_or_default()
    }

    /// The missions that drive the date of the one selected (when one is), by position.
    pub(super) fn driving_path(&self) -> Vec<usize> {
        let selected = self.selected_positions();
        match (selected.len(), selected.first()) {
            (1, Some(&i)) => self.derived.driving_path(self.open.document.roadmap(), i),
            _ => Vec::new(),
        }
    }

    /// Starts working out the outlook when it is on and what it is of changed.
    fn follow_outlook(&mut self, ctx: &egui::Context) {
        if !self.settings.show_outlook {
            // Nothing to work out: stop what is under way, without looking at the selection.
            self.outlook.stop();
            return;
        }
        let selected = self.selected_positions();
        let key = OutlookKey {
            generation: self.open.document.generation(),
            today: self.today,
            focus: (selected.len() == 1)
                .then(|| selected.first().copied())
                .flatten(),
        };
        // A drag (a gesture) or a colour being picked changes the roadmap every frame: the
        // outlook waits for the release.
        let held = ctx.input(|i| i.pointer.any_down()) || self.open.document.in_gesture();
        self.outlook.follow(
            self.open.document.roadmap(),
            key,
            held,
            self.tasks.is_inline(),
            ctx,
        );
    }

    /// Recomputes what is derived from the roadmap when it or what is shown changed.
    pub(super) fn refresh_derived(&mut self) {
        let document = &self.open.document;
        // While a merge is resolved, its ghosts stand in for compare mode's.
        let ghosts = match &mut self.resolving {
            Some(resolving) => {
                resolving.follow(document.roadmap(), document.generation());
                resolving.ghosts()
            }
            None => self.baseline.as_mut(),
        };
        self.derived
            .refresh(document, &self.settings.showing, ghosts, self.today);
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

    /// Runs `then` now if there is nothing unsaved, else asks first.
    pub(super) fn after_unsaved_changes(&mut self, ctx: &egui::Context, then: Then) {
        if self.open.document.is_modified() {
            self.dialog = Some(Dialog::UnsavedChanges { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    pub(super) fn show_error(&mut self, title: &str, message: &str) {
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message: message.to_owned(),
        });
    }

    /// Called when the window is asked to close: with unsaved changes, asks first.
    pub fn on_close_requested(&mut self, ctx: &egui::Context) {
        if self.open.document.is_modified() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges { then: Then::Quit });
        }
    }
}

/// The first file dropped on the window this frame, if any.
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .next()
    })
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
