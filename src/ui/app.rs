//! The application: the session (the open roadmap and all derived from it) and the window
//! around it — settings, panels, the chart, dialogs, presentation mode and the background
//! runner — and the frame that draws them and applies what the user asked for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::Ui;

use super::action::Action;
use super::announce::Before;
use super::chart::{ChartInput, Timeline, TimelineAction};
use super::commands::Command;
use super::done::Done;
use super::files::{AUTOSAVE_QUEUE, Autosave, Dialog, OpenFile, Then, read_to_open};
use super::panels::{SidePanel, StatusInput, menu_bar, status_bar, toolbar};
use super::presentation::{self, Presentation, presentation_keys};
use super::runner::Runner;
use super::session::Session;
use super::settings::Settings;
use crate::analysis::{Conflict, Outlook};
use crate::bundled::{BUNDLED_NAME, bundled_roadmap};
use crate::edit::MissionKey;
use crate::layout::TimeView;
use crate::model::{AgencyId, MissionId, Roadmap};

/// What the keyboard still does while presenting: undo a slip of the mouse, copy the view.
const PRESENTING_COMMANDS: [Command; 3] = [Command::Undo, Command::Redo, Command::CopySnapshot];

/// What the parts of the window need to know to take the keyboard.
pub struct Panes {
    /// The search field takes the keyboard when next drawn.
    pub focus_search: bool,
    /// Where the side panel was drawn: a widget in it with the keyboard is in that pane.
    pub side_rect: egui::Rect,
}

impl Default for Panes {
    fn default() -> Self {
        Self {
            focus_search: false,
            side_rect: egui::Rect::NOTHING,
        }
    }
}

/// The GER Planner window.
pub struct GerApp {
    pub(super) settings: Settings,
    pub(super) session: Session,
    /// Where the roadmap lives: its file, saves under way, the autosave.
    pub(super) file: OpenFile,
    pub(super) side: SidePanel,
    pub(super) chart: Timeline,
    pub(super) dialog: Option<Dialog>,
    pub(super) runner: Runner<Done>,
    /// Presentation mode, while presenting.
    pub(super) presenting: Option<Presentation>,
    /// The outcome of the last export or save, shown in the status bar.
    pub(super) notice: Option<String>,
    pub(super) close_confirmed: bool,
    /// What moving the keyboard around the window needs.
    pub(super) panes: Panes,
    /// What the last edit did, said in the status bar and to screen readers.
    pub(super) announcement: Option<String>,
    /// The theme and text size the window was last given (none before the first frame).
    look_applied: Option<super::look::Look>,
}

impl GerApp {
    /// The app on `file` (else the last file, else the bundled roadmap), with autosave in
    /// `autosave_dir`. A file that cannot be read leaves the bundled roadmap open and says why.
    pub fn new(settings: Settings, file: Option<PathBuf>, autosave_dir: Option<PathBuf>) -> Self {
        let mut app = Self::with_roadmap(bundled_roadmap().unwrap_or_default());
        app.runner = Runner::new(false, Done::lost);
        app.file = OpenFile::new(Autosave::new(autosave_dir));
        app.file.name_without_file = BUNDLED_NAME;
        app.settings = settings;
        // Taken before any file is opened: opening a file clears the autosave.
        let recovered = app.file.autosave.recover();
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
        let today = chrono::Local::now().date_naive();
        Self {
            settings: Settings {
                time,
                ..Settings::default()
            },
            session: Session::new(roadmap, true, today),
            file: OpenFile::new(Autosave::new(None)),
            side: SidePanel::default(),
            chart: Timeline::default(),
            dialog: None,
            runner: Runner::new(true, Done::lost),
            presenting: None,
            notice: None,
            close_confirmed: false,
            panes: Panes::default(),
            announcement: None,
            look_applied: None,
        }
    }

    /// The same app working in the background, on threads, as the window does (benchmarks of
    /// the frames that start background work).
    pub fn in_background(mut self) -> Self {
        self.runner = Runner::new(false, Done::lost);
        self
    }

    /// Whether background work is under way.
    pub fn is_working(&self) -> bool {
        self.runner.underway().next().is_some()
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        self.session.roadmap()
    }

    /// The roadmap as last saved (or as opened or made).
    pub fn saved_roadmap(&self) -> &Roadmap {
        self.session.document().saved()
    }

    /// Its conflicts, as of the last frame.
    pub fn conflicts(&self) -> &[Conflict] {
        self.session.conflicts()
    }

    /// Whether there are unsaved changes.
    pub fn is_modified(&self) -> bool {
        self.session.document().is_modified()
    }

    /// How many steps Undo can take back.
    pub fn undo_count(&self) -> usize {
        self.session.document().undo_count()
    }

    /// The agency whose missions are highlighted.
    pub fn highlight(&self) -> Option<&AgencyId> {
        self.session.highlight()
    }

    /// The selected missions, by key.
    pub fn selection(&self) -> &BTreeSet<MissionKey> {
        self.session.selection()
    }

    /// The ids of the selected missions, in the roadmap's order.
    pub fn selected_ids(&self) -> Vec<MissionId> {
        let selection = self.session.selection();
        (self.session.missions())
            .filter(|(key, _)| selection.contains(key))
            .map(|(_, m)| m.id.clone())
            .collect()
    }

    /// What the window last said about an edit.
    pub fn announcement(&self) -> Option<&str> {
        self.announcement.as_deref()
    }

    /// Whether the chart has the keyboard.
    pub fn chart_has_focus(&self) -> bool {
        self.chart.has_focus()
    }

    /// The id of the mission in the chart's focus ring.
    pub fn ringed_mission(&self) -> Option<MissionId> {
        let key = self.chart.focused()?;
        Some(self.session.mission(key)?.id.clone())
    }

    /// The key of the (first) mission with `id` in the roadmap.
    pub fn key_of(&self, id: &str) -> Option<MissionKey> {
        (self.session.missions()).find_map(|(key, m)| (m.id.as_str() == id).then_some(key))
    }

    /// The mission the inspector shows, if any: the one selected mission.
    pub fn inspected(&self) -> Option<MissionKey> {
        self.session.single_selected()
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
        self.session.set_today(today);
    }

    /// Turns the outlook on or off (the toolbar's toggle).
    pub fn set_outlook(&mut self, on: bool) {
        self.settings.show_outlook = on;
    }

    /// Makes each outlook of `runs` runs instead of as many as the roadmap's size calls for
    /// (tests that need an outlook but not its precision).
    pub fn set_outlook_runs(&mut self, runs: usize) {
        self.session.set_outlook_runs(runs);
    }

    /// The outlook shown on the chart: when it is on, the last one worked out for the
    /// roadmap's missions.
    pub fn outlook(&self) -> Option<&Outlook> {
        self.session.outlook()
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
        self.file.path.as_deref()
    }

    /// The name shown in the title and status bar.
    pub fn file_name(&self) -> String {
        self.file.file_name()
    }

    /// Whether presentation mode is on, and the position of the saved view shown.
    pub fn presented_view(&self) -> Option<usize> {
        self.presenting.as_ref().map(|p| p.slide)
    }

    /// While a merge is being resolved: how many of its conflicts have a side picked, of how
    /// many.
    pub fn merge_progress(&self) -> Option<(usize, usize)> {
        self.session.merge().map(|m| m.progress())
    }

    /// Whether updates are being integrated (the Updates tab is there).
    pub fn is_integrating(&self) -> bool {
        self.session.integrating().is_some()
    }

    /// Whether a dialog is open over the chart.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// The whole window's contents. Everything the frame collects, and what background work
    /// found meanwhile, is applied at its end, after everything is drawn from one unchanged
    /// session.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.runner.wake(&ctx);
        let held = ctx.input(|i| i.pointer.any_down());
        if !held {
            self.session.released();
        }
        // What background work found is applied with what the user asks for this frame.
        let mut actions: Vec<Action> = (self.runner.finished().into_iter())
            .map(Action::Done)
            .collect();
        if self.presenting.is_some() {
            actions.extend(presentation_keys(ui).into_iter().map(Action::Presentation));
        }
        let mut commands = self.shortcut_commands(&ctx);
        if self.presenting.is_some() {
            commands.retain(|c| PRESENTING_COMMANDS.contains(c));
        } else {
            actions.extend(dropped(&ctx));
        }
        // Settings changed since the last frame (by a test, or a filter) show at once.
        self.refresh(&ctx);
        self.apply_look(&ctx);
        let locked = match &self.presenting {
            Some(presentation) => {
                // Nothing of the Conflicts tab is previewed while it is not shown.
                self.session.set_hovered(None);
                let roadmap = self.session.roadmap();
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
        let before = (!actions.is_empty()).then(|| Before::of(&self.session));
        if !actions.is_empty() {
            // What was drawn is of the session before these: draw it again as it is now.
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        if self.presenting.is_none() {
            self.escape_to_chart(&ctx);
        }
        self.refresh(&ctx);
        if let Some(said) = before.and_then(|before| before.announcement(&self.session)) {
            self.announcement = Some(said);
        }
        self.file.update_title(&ctx, self.session.document());
        (self.file).autosave(&ctx, self.session.document(), &mut self.runner);
    }

    /// Brings the session up to date with the roadmap and the settings; draws again when
    /// that changed anything (background work found something, a preview was hovered).
    fn refresh(&mut self, ctx: &egui::Context) {
        let before = self.session.revision();
        let held = ctx.input(|i| i.pointer.any_down());
        self.session.set_show_outlook(self.settings.show_outlook);
        (self.session).refresh(&self.settings.showing, held, &mut self.runner);
        if self.session.revision() != before {
            ctx.request_repaint();
        }
    }

    /// Gives the window the theme and text size of the settings when they change; presentation
    /// mode has its own, and puts these back when it ends.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = self.settings.look;
        if self.presenting.is_none() && self.look_applied != Some(look) {
            // The text size is ours to keep: egui's own Ctrl+Plus would change it unseen.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            look.apply(ctx);
            self.look_applied = Some(look);
        }
    }

    /// Menus, toolbar, status bar and side panel around the chart.
    fn editing_panels(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let session = &self.session;
        egui::Panel::top("menu").show(ui, |ui| {
            actions.extend(menu_bar(ui, session, &mut self.settings));
        });
        let focus_search = &mut self.panes.focus_search;
        let picked = egui::Panel::top("toolbar")
            .show(ui, |ui| {
                toolbar(ui, session, &mut self.settings, focus_search)
            })
            .inner;
        if picked {
            actions.push(Action::PickBestMatch);
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            let input = StatusInput {
                file_name: self.file.file_name(),
                underway: self.runner.underway(),
                notice: self.notice.as_deref(),
                announcement: self.announcement.as_deref(),
                time: self.settings.time,
            };
            actions.extend(status_bar(ui, session, input));
        });
        if self.settings.hide_side_panel {
            self.session.set_hovered(None);
            return;
        }
        let settings = &mut self.settings;
        // At large text sizes the chart keeps at least three fifths of the window.
        let widest = (ui.available_width() * 0.4).max(200.0);
        let side = egui::Panel::right("side panel")
            .resizable(true)
            .default_size(380.0_f32.min(widest))
            .max_size(widest)
            .show(ui, |ui| (self.side).ui(ui, session, &mut settings.side_tab));
        self.panes.side_rect = side.response.rect;
        let side = side.inner;
        actions.extend(side.actions);
        // What the Conflicts tab previews and wants worked out: asked for now, so that the
        // chart below shows the preview in this frame when it is ready.
        self.session.set_hovered(side.hovered);
        if side.hovered == Some(super::session::Previewed::Whole) {
            self.session.want_whole(&mut self.runner);
        }
        self.session
            .want_fixes(&side.wanted_fixes, &mut self.runner);
        if side.wants_counts {
            self.session.want_counts(&mut self.runner);
        }
        self.refresh(ui.ctx());
    }

    /// The chart, filling what the panels leave; `locked`: missions cannot be moved.
    fn chart(&mut self, ui: &mut Ui, locked: bool, actions: &mut Vec<Action>) {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let input = ChartInput {
                    session: &self.session,
                    showing: &self.settings.showing,
                    show_legend: !self.settings.hide_legend,
                    locked,
                };
                let done = self.chart.ui(ui, &mut self.settings.time, &input);
                actions.extend(done.into_iter().map(Action::Timeline));
            });
    }

    /// The commands whose shortcuts were pressed this frame. None fire while a dialog is open or
    /// a text field has the keyboard: there Ctrl+A, Ctrl+Z and Delete belong to the text.
    fn shortcut_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.dialog.is_some() {
            return Vec::new();
        }
        let in_text = super::typing::typing(ctx);
        ctx.input_mut(|input| {
            (Command::ALL.into_iter())
                .filter(|command| !in_text || command.works_in_text_fields())
                .filter(|command| {
                    (command.shortcuts().iter()).any(|shortcut| input.consume_shortcut(shortcut))
                })
                .collect()
        })
    }

    /// Runs `then` now if there is nothing unsaved, else asks first.
    pub(super) fn after_unsaved_changes(&mut self, ctx: &egui::Context, then: Then) {
        if self.session.document().is_modified() {
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
        if self.session.document().is_modified() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges { then: Then::Quit });
        }
    }

    /// Applies what the user did on the chart (also how benchmarks play a drag).
    pub fn apply_timeline_action(&mut self, ctx: &egui::Context, action: TimelineAction) {
        self.apply(ctx, Action::Timeline(action));
    }
}

/// What files dropped on the window this frame ask for: one is opened, several are the
/// agencies' updates to integrate.
fn dropped(ctx: &egui::Context) -> Option<Action> {
    let mut paths: Vec<PathBuf> = ctx.input(|i| {
        (i.raw.dropped_files.iter())
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    match paths.len() {
        0 => None,
        1 => paths.pop().map(Action::OpenFile),
        _ => Some(Action::IntegrateFiles(paths)),
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

    /// The process ends with the window: the autosave's writes and clears asked for are made
    /// first (a save just made must not be offered back as unsaved work at the next start).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.runner.wait_for_queue(AUTOSAVE_QUEUE);
    }
}
