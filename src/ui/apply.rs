//! The one place where the app changes: each [`Action`] collected during a frame is applied
//! here, in order, after the frame is drawn and before the next one is laid out.

use chrono::NaiveDate;
use egui::ViewportCommand;

use super::action::Action;
use super::agencies::{self, AgenciesAction};
use super::app::GerApp;
use super::commands::Command;
use super::dialogs::{Dialog, Then};
use super::inspector::InspectorAction;
use super::planning::PlanAction;
use super::presentation::{Presentation, PresentationKey};
use super::resolve::ResolveAction;
use super::settings::SideTab;
use super::timeline::TimelineAction;
use crate::edit::{
    Change, MissionKey, MissionPlace, Setup, duplicate, insert_mission, new_mission, remove_agency,
    remove_missions, remove_view, replace_mission, replace_roadmap, set_dates, set_setup,
};
use crate::layout::{self, LaneKey};
use crate::model::MissionId;

impl GerApp {
    /// Applies one action.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => self.run(ctx, command),
            Action::Timeline(action) => self.apply_timeline_action(ctx, action),
            Action::Inspector(action) => self.apply_inspector_action(ctx, action),
            Action::Agencies(action) => self.apply_agencies_action(ctx, action),
            Action::SetSetup { setup, label } => {
                let changes = set_setup(self.open.document.roadmap(), *setup);
                self.edit(ctx, label, changes);
            }
            Action::Focus(missions) => self.select_and_show(missions),
            Action::ShowView(index) => self.show_view(index),
            Action::DeleteView(index) => {
                let roadmap = self.open.document.roadmap();
                if let Some(view) = roadmap.views.get(index) {
                    let label = format!("Delete view “{}”", view.name);
                    let changes = remove_view(roadmap, index);
                    self.open.document.apply(label, changes);
                }
            }
            Action::OpenFile(path) => self.after_unsaved_changes(ctx, Then::Open(Some(path))),
            Action::Presentation(key) => self.presentation_key(ctx, key),
            Action::Answer(choice, dialog) => self.answer(ctx, choice, dialog),
            Action::Resolve(action) => self.resolve(action),
            Action::Plan(action) => self.apply_plan_action(ctx, action),
            Action::Done(done) => self.finish(ctx, done),
            Action::CancelOutlook => self.outlook.cancel(),
            Action::RunOutlookAgain => self.outlook.run_again(),
        }
    }

    /// Applies `changes` as one undo step called `label`; while the pointer is held on a
    /// continuous widget (a colour being picked), its further changes join that step.
    fn edit(&mut self, ctx: &egui::Context, label: String, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        let held = ctx.input(|i| i.pointer.any_down());
        let document = &mut self.open.document;
        if held && self.continuing.as_deref() == Some(label.as_str()) {
            document.amend(&label, changes);
        } else {
            document.apply(label.clone(), changes);
        }
        self.continuing = held.then_some(label);
    }

    /// Runs a command, from a menu, a key or a test.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.after_unsaved_changes(ctx, Then::New),
            Command::Open => self.after_unsaved_changes(ctx, Then::Open(None)),
            Command::Save => self.save(self.open.path.clone(), None),
            Command::SaveAs => self.save(None, None),
            Command::CompareWith => self.ask_for_file(super::files::FilePurpose::Compare),
            Command::StopComparing => self.baseline = None,
            Command::ImportTable => self.ask_for_file(super::files::FilePurpose::ImportTable),
            Command::ExportTable => self.ask_for_file(super::files::FilePurpose::ExportTable),
            Command::ExportSnapshot => self.ask_for_file(super::files::FilePurpose::ExportSnapshot),
            Command::CopySnapshot => self.copy_snapshot(),
            Command::Present => self.start_presenting(ctx),
            Command::SaveView => {
                self.dialog = Some(Dialog::SaveView {
                    name: String::new(),
                    locked: false,
                })
            }
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => {
                self.open.document.undo();
            }
            Command::Redo => {
                self.open.document.redo();
            }
            Command::Delete => {
                self.delete(self.open.document.selection().iter().copied().collect())
            }
            Command::SelectAll => {
                let document = &self.open.document;
                let showing = &self.settings.showing;
                let shown: Vec<MissionKey> = document
                    .roadmap()
                    .missions
                    .iter()
                    .zip(document.keys().all())
                    .filter(|(m, _)| showing.shows(m))
                    .map(|(_, &k)| k)
                    .collect();
                self.open.document.select(shown);
            }
            Command::FitAll => {
                if let Some(fitted) =
                    layout::fit_all(self.open.document.roadmap(), &self.settings.showing)
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
            Command::ToggleOutlook => self.settings.show_outlook = !self.settings.show_outlook,
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

    /// Removes these missions (and the dependencies on them) as one step.
    fn delete(&mut self, missions: Vec<MissionKey>) {
        let document = &self.open.document;
        let label = match missions.as_slice() {
            [] => return,
            [key] => format!("Delete {}", self.mission_name(*key)),
            _ => format!("Delete {} missions", missions.len()),
        };
        let changes = remove_missions(document, &missions);
        self.open.document.apply(label, changes);
    }

    /// Takes the side picked in the Merge tab: the roadmap as now picked, as one step.
    fn resolve(&mut self, action: ResolveAction) {
        let Some(resolving) = &mut self.resolving else {
            return;
        };
        let label = match action {
            ResolveAction::Pick(index, side) => match resolving.merge().conflicts().get(index) {
                Some(conflict) => format!(
                    "Keep {} for {} {}",
                    side.name(),
                    conflict.entry(),
                    conflict.field()
                ),
                None => return,
            },
            ResolveAction::PickAll(side) => format!("Keep all {}", side.name()),
        };
        resolving.pick(action);
        match resolving.roadmap() {
            Ok(roadmap) => {
                let changes = replace_roadmap(&self.open.document, &roadmap);
                self.open.document.apply(label.trim_end(), changes);
                resolving.made(self.open.document.generation());
            }
            Err(err) => self.show_error("Could not keep that side", &err),
        }
    }

    fn mission_name(&self, key: MissionKey) -> String {
        self.open
            .document
            .mission(key)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    fn apply_plan_action(&mut self, ctx: &egui::Context, action: PlanAction) {
        let roadmap = self.open.document.roadmap();
        let mut setup = Setup::of(roadmap);
        let (label, changes) = match action {
            PlanAction::Apply { label, dates } => (label, set_dates(&self.open.document, &dates)),
            PlanAction::Accept(accepted) => {
                let label = format!("Accept {} conflict", accepted.kind.name());
                setup.accepted.push(*accepted);
                (label, set_setup(roadmap, setup))
            }
            PlanAction::RemoveAccepted(index) => {
                if index >= setup.accepted.len() {
                    return;
                }
                let removed = setup.accepted.remove(index);
                let label = format!("Reopen {} conflict", removed.kind.name());
                (label, set_setup(roadmap, setup))
            }
        };
        self.edit(ctx, label, changes);
    }

    /// Applies what the user did on the chart (also how benchmarks play a drag).
    pub fn apply_timeline_action(&mut self, ctx: &egui::Context, action: TimelineAction) {
        let document = &mut self.open.document;
        match action {
            TimelineAction::Select { missions, add } => {
                let mut selection = if add {
                    document.selection().clone()
                } else {
                    Default::default()
                };
                for mission in missions {
                    if !selection.insert(mission) && add {
                        selection.remove(&mission);
                    }
                }
                document.select(selection);
            }
            TimelineAction::ClearSelection => document.select([]),
            TimelineAction::NewMission { start, lane } => self.add_new_mission(start, lane),
            TimelineAction::Inspect(mission) => {
                document.select([mission]);
                self.settings.side_tab = SideTab::Mission;
                self.settings.hide_side_panel = false;
            }
            TimelineAction::Preview(dates) => {
                document.preview_dates(&dates);
                self.refresh_derived();
                if self.settings.push_successors {
                    let keys: Vec<MissionKey> = dates.iter().map(|d| d.0).collect();
                    let moved = self.open.document.keys().positions(&keys);
                    let roadmap = self.open.document.roadmap();
                    let pushed = self.derived.pushed_successors(roadmap, &moved);
                    self.planning.set_pushed(pushed);
                }
                ctx.request_repaint();
            }
            TimelineAction::EndGesture(label) => {
                // The successors pushed join the drag's step.
                let pushed = self.planning.take_pushed();
                let pushed: Vec<(MissionKey, NaiveDate, NaiveDate)> = pushed
                    .into_iter()
                    .filter_map(|(i, start, end)| Some((document.keys().at(i)?, start, end)))
                    .collect();
                if !pushed.is_empty() {
                    document.preview_dates(&pushed);
                }
                document.end_gesture(&label);
            }
            TimelineAction::CancelGesture => {
                self.planning.set_pushed(Vec::new());
                document.cancel_gesture();
            }
            TimelineAction::Nudge(dates) => {
                let label = match dates.as_slice() {
                    [(key, ..)] => format!("Nudge {}", self.mission_name(*key)),
                    _ => format!("Nudge {} missions", dates.len()),
                };
                let changes = set_dates(&self.open.document, &dates);
                self.open.document.apply(label, changes);
            }
        }
    }

    fn apply_inspector_action(&mut self, ctx: &egui::Context, action: InspectorAction) {
        match action {
            InspectorAction::Edit { key, after, label } => {
                let changes = replace_mission(&self.open.document, key, *after);
                self.edit(ctx, label, changes);
            }
            InspectorAction::New => {
                let time = self.settings.time;
                let middle = layout::date_from_day(time.min + time.span / 2.0);
                self.add_new_mission(middle, None);
            }
            InspectorAction::Duplicate(key) => {
                let document = &self.open.document;
                let (Some(original), Some(index)) =
                    (document.mission(key), document.keys().position(key))
                else {
                    return;
                };
                let roadmap = document.roadmap();
                let copy = duplicate(roadmap, original);
                let label = format!("Duplicate {}", original.name);
                let copy_key = MissionKey::fresh();
                let changes = insert_mission(roadmap, index + 1, copy_key, copy);
                self.open.document.apply(label, changes);
                self.select_and_show(vec![copy_key]);
            }
            InspectorAction::Delete(key) => self.delete(vec![key]),
        }
    }

    fn apply_agencies_action(&mut self, ctx: &egui::Context, action: AgenciesAction) {
        let roadmap = self.open.document.roadmap();
        match action {
            AgenciesAction::Edit { agencies, label } => {
                let mut setup = Setup::of(roadmap);
                setup.agencies = agencies;
                let changes = set_setup(roadmap, setup);
                self.edit(ctx, label, changes);
            }
            AgenciesAction::Highlight(agency) => self.highlight = agency,
            AgenciesAction::Remove { index, id } => {
                let (led, helped) = agencies::references(roadmap, &id);
                if led.is_empty() && helped.is_empty() {
                    self.remove_agency(index, &id);
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

    pub(super) fn remove_agency(&mut self, index: usize, id: &crate::model::AgencyId) {
        if self.highlight.as_ref() == Some(id) {
            self.highlight = None;
        }
        let changes = remove_agency(self.open.document.roadmap(), index, id);
        self.open
            .document
            .apply(format!("Remove agency {id}"), changes);
    }

    /// Adds a concept mission from `start` (one undo step) on `lane`, selects it and shows its
    /// fields.
    fn add_new_mission(&mut self, start: NaiveDate, lane: Option<LaneKey>) {
        let document = &self.open.document;
        let roadmap = document.roadmap();
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
        let like = document
            .selection()
            .first()
            .and_then(|&k| document.mission(k));
        let mission = new_mission(roadmap, start, place, like);
        let key = MissionKey::fresh();
        let changes = insert_mission(roadmap, roadmap.missions.len(), key, mission);
        self.open.document.apply("New mission", changes);
        self.select_and_show(vec![key]);
        self.settings.side_tab = SideTab::Mission;
        self.settings.hide_side_panel = false;
    }

    /// Selects the missions and brings them into view.
    pub(super) fn select_and_show(&mut self, missions: Vec<MissionKey>) {
        self.open.document.select(missions.iter().copied());
        self.timeline.focus_on(missions);
    }

    /// The keys of the missions with these ids (all of them, where an id repeats).
    pub(super) fn keys_of(&self, ids: &[MissionId]) -> Vec<MissionKey> {
        let document = &self.open.document;
        document
            .roadmap()
            .missions
            .iter()
            .zip(document.keys().all())
            .filter(|(m, _)| ids.contains(&m.id))
            .map(|(_, &k)| k)
            .collect()
    }

    fn presentation_key(&mut self, ctx: &egui::Context, key: PresentationKey) {
        let count = self.open.document.roadmap().views.len();
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
        if let Some(view) = self.open.document.roadmap().views.get(index) {
            (self.settings.time, self.settings.showing) = layout::saved_view(view);
            self.timeline.scroll_to_top();
        }
    }
}
