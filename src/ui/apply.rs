//! The one place where the app changes: each [`Action`] collected during a frame is applied
//! here, in order, after the frame is drawn and before the next one is laid out. Changes to the
//! roadmap go through the session's methods; the window's own state (settings, dialogs,
//! presentation) changes here.

use chrono::NaiveDate;
use egui::ViewportCommand;

use super::action::Action;
use super::app::GerApp;
use super::chart::TimelineAction;
use super::commands::Command;
use super::files::{Dialog, FilePurpose, Then};
use super::panels::{AgenciesAction, ConflictsAction, InspectorAction, references};
use super::presentation::{Presentation, PresentationKey};
use super::session::IntegrateAction;
use super::settings::SideTab;
use crate::edit::{MissionKey, MissionPlace};
use crate::layout::{self, LaneKey};
use crate::model::plural;

impl GerApp {
    /// Applies one action.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let held = ctx.input(|i| i.pointer.any_down());
        match action {
            Action::Command(command) => self.run(ctx, command),
            Action::Timeline(action) => self.apply_timeline(action),
            Action::Inspector(action) => self.apply_inspector(action, held),
            Action::Agencies(action) => self.apply_agencies(action, held),
            Action::Conflicts(action) => self.apply_conflicts(action),
            Action::SetSetup { setup, label } => self.session.set_setup(*setup, label, held),
            Action::Focus(missions) => self.select_and_show(missions),
            Action::TakeProposed(ids) => self.session.take_proposed(&ids),
            Action::ShowView(index) => self.show_view(index),
            Action::DeleteView(index) => self.session.remove_view(index),
            Action::OpenFile(path) => self.after_unsaved_changes(ctx, Then::Open(Some(path))),
            Action::IntegrateFiles(paths) => self.integrate_files(paths),
            Action::Presentation(key) => self.presentation_key(ctx, key),
            Action::Answer(choice, dialog) => self.answer(ctx, choice, dialog),
            Action::Resolve(action) => {
                if let Err(err) = self.session.pick(action) {
                    self.show_error("Could not keep that side", &err);
                }
            }
            Action::Integrate(IntegrateAction::ChooseBase) => {
                self.ask_for_file(FilePurpose::IntegrationBase);
            }
            Action::Integrate(action) => match self.session.integrate(action) {
                Ok(()) if action == IntegrateAction::Apply => {
                    self.settings.side_tab = SideTab::Changes;
                }
                Ok(()) => {}
                Err(err) => self.show_error("Could not apply the updates", &err),
            },
            Action::Done(done) => self.finish(ctx, done),
            Action::CancelJob(id) => {
                if self.session.outlook_job() == Some(id) {
                    self.session.cancel_outlook(&mut self.runner);
                } else {
                    self.runner.cancel(id);
                }
            }
            Action::RunOutlookAgain => self.session.run_outlook_again(),
            Action::PickBestMatch => self.pick_best_match(),
        }
    }

    /// Runs a command, from a menu, a key or a test.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        let settings = &mut self.settings;
        match command {
            Command::New => self.after_unsaved_changes(ctx, Then::New),
            Command::Open => self.after_unsaved_changes(ctx, Then::Open(None)),
            Command::Save => self.save(self.file.path.clone(), None),
            Command::SaveAs => self.save(None, None),
            Command::CompareWith => self.ask_for_file(FilePurpose::Compare),
            Command::StopComparing => self.session.compare_with(None),
            Command::ImportTable => self.ask_for_file(FilePurpose::ImportTable),
            Command::ExportTable => self.ask_for_file(FilePurpose::ExportTable),
            Command::ExportSnapshot => self.ask_for_file(FilePurpose::ExportSnapshot),
            Command::ExportDeck => self.ask_for_file(FilePurpose::ExportDeck),
            Command::ExportPage => self.ask_for_file(FilePurpose::ExportPage),
            Command::IntegrateUpdates => self.ask_for_file(FilePurpose::IntegrateUpdates),
            Command::ExportDeckViews => self.ask_for_file(FilePurpose::ExportDeckViews),
            Command::CopySnapshot => self.copy_snapshot(),
            Command::Present => self.start_presenting(ctx),
            Command::SaveView => {
                self.dialog = Some(Dialog::SaveView {
                    name: String::new(),
                    locked: false,
                })
            }
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => self.session.undo(),
            Command::Redo => self.session.redo(),
            Command::Delete => {
                let selected: Vec<MissionKey> = self.session.selection().iter().copied().collect();
                self.session.delete(&selected);
            }
            Command::SelectAll => self.session.select_shown(&settings.showing),
            Command::FitAll => {
                if let Some(fitted) = layout::fit_all(self.session.roadmap(), &settings.showing) {
                    settings.time = fitted;
                }
            }
            Command::ZoomIn => zoom(&mut settings.time, 1.5),
            Command::ZoomOut => zoom(&mut settings.time, 1.0 / 1.5),
            Command::ToggleCancelled => {
                settings.showing.show_cancelled = !settings.showing.show_cancelled;
            }
            Command::ToggleAgencyNames => {
                settings.showing.agency_in_names = !settings.showing.agency_in_names;
            }
            Command::ToggleLegend => settings.hide_legend = !settings.hide_legend,
            Command::ToggleOutlook => settings.show_outlook = !settings.show_outlook,
            Command::ToggleSidePanel => settings.hide_side_panel = !settings.hide_side_panel,
            Command::Theme(theme) => settings.look.theme = theme,
            Command::LargerText => settings.look.text_size = settings.look.text_size.larger(),
            Command::SmallerText => settings.look.text_size = settings.look.text_size.smaller(),
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::CommandPalette => {
                self.dialog = Some(Dialog::Palette(crate::ui::palette::Palette::default()));
            }
            Command::FocusSearch => self.panes.focus_search = true,
            Command::EditMission => self.edit_mission(),
            Command::NextPane => self.next_pane(ctx),
        }
    }

    /// Applies what the user did on the chart.
    fn apply_timeline(&mut self, action: TimelineAction) {
        let session = &mut self.session;
        match action {
            TimelineAction::Select { missions, add } => {
                if add {
                    session.toggle_selected(missions);
                } else {
                    session.select(missions);
                }
            }
            TimelineAction::ClearSelection => session.select([]),
            TimelineAction::NewMission { start, lane } => self.add_new_mission(start, lane),
            TimelineAction::Inspect(mission) => {
                session.select([mission]);
                self.show_tab(SideTab::Mission);
            }
            TimelineAction::Preview(dates) => {
                session.preview_dates(&dates, self.settings.push_successors);
            }
            TimelineAction::EndGesture(label) => session.end_gesture(&label),
            TimelineAction::CancelGesture => session.cancel_gesture(),
            TimelineAction::Nudge(dates) => {
                let label = match dates.as_slice() {
                    [(key, ..)] => {
                        let name = session.mission(*key).map_or("", |m| m.name.as_str());
                        format!("Nudge {name}")
                    }
                    _ => format!("Nudge {}", plural(dates.len(), "mission")),
                };
                session.set_dates(label, &dates);
            }
        }
    }

    fn apply_inspector(&mut self, action: InspectorAction, held: bool) {
        match action {
            InspectorAction::Edit { key, after, label } => {
                self.session.replace_mission(key, *after, label, held);
            }
            InspectorAction::New => {
                let time = self.settings.time;
                let middle = layout::date_from_day(time.min + time.span / 2.0);
                self.add_new_mission(middle, None);
            }
            InspectorAction::Duplicate(key) => {
                if let Some(copy) = self.session.duplicate(key) {
                    self.select_and_show(vec![copy]);
                }
            }
            InspectorAction::Delete(key) => self.session.delete(&[key]),
        }
    }

    fn apply_agencies(&mut self, action: AgenciesAction, held: bool) {
        match action {
            AgenciesAction::Edit { agencies, label } => {
                let mut setup = crate::edit::Setup::of(self.session.roadmap());
                setup.agencies = agencies;
                self.session.set_setup(setup, label, held);
            }
            AgenciesAction::Highlight(agency) => self.session.set_highlight(agency),
            AgenciesAction::Remove { index, id } => {
                let (led, helped) = references(self.session.roadmap(), &id);
                if led.is_empty() && helped.is_empty() {
                    self.session.remove_agency(index, &id);
                } else {
                    self.dialog = Some(Dialog::RemoveAgency {
                        index,
                        id,
                        led,
                        helped,
                    });
                }
            }
        }
    }

    fn apply_conflicts(&mut self, action: ConflictsAction) {
        match action {
            ConflictsAction::Apply(which) => self.session.apply_proposal(which),
            ConflictsAction::ResolveAll(open) => self.session.set_resolving_all(open),
            ConflictsAction::Accept(accepted) => self.session.accept(*accepted),
            ConflictsAction::Reopen(index) => self.session.reopen(index),
        }
    }

    /// Adds a concept mission from `start` (one undo step) on `lane`, selects it and shows its
    /// fields.
    fn add_new_mission(&mut self, start: NaiveDate, lane: Option<LaneKey>) {
        let place = match lane {
            Some(LaneKey::Destination(id)) => MissionPlace {
                destination: Some(id),
                lead: None,
            },
            Some(LaneKey::Agency(id)) => MissionPlace {
                destination: None,
                lead: Some(id),
            },
            Some(LaneKey::Unknown) | None => MissionPlace::default(),
        };
        let key = self.session.add_mission(start, place);
        self.select_and_show(vec![key]);
        self.show_tab(SideTab::Mission);
    }

    /// Opens the side panel on `tab`.
    pub(super) fn show_tab(&mut self, tab: SideTab) {
        self.settings.side_tab = tab;
        self.settings.hide_side_panel = false;
    }

    /// Selects the missions and brings them into view.
    fn select_and_show(&mut self, missions: Vec<MissionKey>) {
        self.session.select(missions.iter().copied());
        self.chart.focus_on(missions);
    }

    fn presentation_key(&mut self, ctx: &egui::Context, key: PresentationKey) {
        let count = self.session.roadmap().views.len();
        match key {
            PresentationKey::Leave => self.stop_presenting(ctx),
            PresentationKey::Contrast => {
                let on = !self.settings.high_contrast_presentation;
                self.settings.high_contrast_presentation = on;
                if let Some(presentation) = &self.presenting {
                    presentation.set_contrast(ctx, on);
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
        if let Some(view) = self.session.roadmap().views.get(index) {
            (self.settings.time, self.settings.showing) = layout::saved_view(view);
            self.chart.scroll_to_top();
        }
    }
}

fn zoom(time: &mut layout::TimeView, factor: f64) {
    time.zoom_at(time.min + time.span / 2.0, factor);
}
