//! The Roadmap tab: title and description, the lanes (destinations: name, order, launch
//! windows), the phases, and the shared resources. Every change is one undo step; dates are
//! checked as typed, and a window or phase that would end before it starts is refused.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{DragValue, RichText, TextEdit, Ui};

use super::inspector::committed;
use super::memo::Memo;
use crate::edit::Setup;
use crate::model::{Destination, DestinationId, LaunchWindow, Phase, Resource, date, unused_id};
use crate::render::ERROR_COLOR;
use crate::ui::session::Session;

/// The panel's state between frames.
#[derive(Default)]
pub struct SetupPanel {
    /// The setup as edited, and the roadmap's version it started from.
    draft: Option<(Setup, Setup)>,
    /// How many missions go to each lane, counted once per change.
    lane_use: Memo<HashMap<DestinationId, usize>>,
    /// Dates being typed, by field.
    dates: HashMap<String, String>,
    /// Why the last dates typed were refused.
    error: Option<String>,
}

impl SetupPanel {
    /// Shows the panel; returns the setup to apply and what to call the step.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Option<(Setup, String)> {
        let roadmap = session.roadmap();
        let lane_use = self.lane_use.get(session, || {
            let mut used: HashMap<DestinationId, usize> = HashMap::new();
            for mission in &roadmap.missions {
                *used.entry(mission.destination.clone()).or_default() += 1;
            }
            used
        });
        if self
            .draft
            .as_ref()
            .is_none_or(|(_, from)| !from.is_of(roadmap))
        {
            let current = Setup::of(roadmap);
            self.draft = Some((current.clone(), current));
            self.dates.clear();
        }
        let (draft, _) = self.draft.as_mut()?;
        let mut edit = None;
        let mut fields = Fields {
            dates: &mut self.dates,
            error: &mut self.error,
        };
        egui::ScrollArea::vertical()
            .id_salt("roadmap setup")
            .auto_shrink(false)
            .show(ui, |ui| {
                let title = ui.label("Title").id;
                let field =
                    ui.add(TextEdit::singleline(&mut draft.title).desired_width(f32::INFINITY));
                if committed(&field.labelled_by(title), ui) {
                    edit = Some("Change title");
                }
                let description = ui.label("Description").id;
                let field = ui.add(TextEdit::multiline(&mut draft.description).desired_rows(2));
                if committed(&field.labelled_by(description), ui) {
                    edit = Some("Change description");
                }
                if let Some(message) = fields.error.as_ref() {
                    ui.label(RichText::new(message).color(ERROR_COLOR));
                }
                ui.separator();
                ui.strong("Lanes (destinations), top to bottom");
                edit = lanes(ui, lane_use, &mut draft.destinations, &mut fields).or(edit);
                ui.separator();
                ui.strong("Phases");
                edit = phases(ui, &mut draft.phases, &mut fields).or(edit);
                ui.separator();
                ui.strong("Shared resources");
                edit = resources(ui, &mut draft.resources).or(edit);
            });
        edit.map(|label| (draft.clone(), label.to_owned()))
    }
}

/// What date fields need: the texts being typed and where to say what is wrong.
struct Fields<'a> {
    dates: &'a mut HashMap<String, String>,
    error: &'a mut Option<String>,
}

impl Fields<'_> {
    /// A typed date named `key`; returns whether a new valid date was entered.
    fn date(&mut self, ui: &mut Ui, key: String, label: &str, value: &mut NaiveDate) -> bool {
        let text = self
            .dates
            .entry(key.clone())
            .or_insert_with(|| date::to_text(*value));
        let name = ui.label(label).id;
        let field = ui
            .add(TextEdit::singleline(text).desired_width(84.0))
            .labelled_by(name);
        if !committed(&field, ui) {
            return false;
        }
        match date::parse(text.trim()) {
            Ok(day) if day != *value => {
                *value = day;
                *self.error = None;
                true
            }
            Ok(_) => false,
            Err(message) => {
                *self.error = Some(format!("{label}: {message}"));
                false
            }
        }
    }

    /// `start` and `end` of one period; refuses (and says so) an end before the start.
    fn period(
        &mut self,
        ui: &mut Ui,
        key: &str,
        (start, end): (&mut NaiveDate, &mut NaiveDate),
    ) -> bool {
        let (mut from, mut to) = (*start, *end);
        let changed = self.date(ui, format!("{key} start"), "from", &mut from)
            | self.date(ui, format!("{key} end"), "to", &mut to);
        if !changed {
            return false;
        }
        if to < from {
            *self.error = Some(format!("{to} is before {from}: not saved"));
            self.dates.remove(&format!("{key} start"));
            self.dates.remove(&format!("{key} end"));
            return false;
        }
        (*start, *end) = (from, to);
        true
    }
}

/// Destinations: name, order, launch windows; add and remove (only when no mission goes there).
/// The lanes, each with how many missions go there (`used`, by lane id).
fn lanes(
    ui: &mut Ui,
    used: &HashMap<DestinationId, usize>,
    destinations: &mut Vec<Destination>,
    fields: &mut Fields,
) -> Option<&'static str> {
    let mut edit = None;
    let mut moved = None;
    let mut removed = None;
    let count = destinations.len();
    for (k, destination) in destinations.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(k > 0, egui::Button::new("↑"))
                .on_hover_text("Move up")
                .clicked()
            {
                moved = Some((k, k - 1));
            }
            if ui
                .add_enabled(k + 1 < count, egui::Button::new("↓"))
                .on_hover_text("Move down")
                .clicked()
            {
                moved = Some((k, k + 1));
            }
            let name = ui.label(destination.id.as_str()).id;
            let field = ui.add(TextEdit::singleline(&mut destination.name).desired_width(170.0));
            if committed(&field.labelled_by(name), ui) {
                edit = Some("Rename lane");
            }
            let used = used.get(&destination.id).copied().unwrap_or_default();
            let remove = ui.add_enabled(used == 0, egui::Button::new("Remove"));
            if remove
                .on_disabled_hover_text(format!("{used} missions go there"))
                .clicked()
            {
                removed = Some(k);
            }
        });
        let mut gone = None;
        for (w, window) in destination.launch_windows.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                let key = format!("{} window {w}", destination.id);
                if fields.period(ui, &key, (&mut window.start, &mut window.end)) {
                    edit = Some("Change launch window");
                }
                if ui
                    .small_button("✕")
                    .on_hover_text("Remove this window")
                    .clicked()
                {
                    gone = Some(w);
                }
            });
        }
        if let Some(w) = gone {
            destination.launch_windows.remove(w);
            fields.dates.clear();
            edit = Some("Remove launch window");
        }
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            if ui.small_button("Add launch window").clicked() {
                let start = destination
                    .launch_windows
                    .last()
                    .map_or(NaiveDate::from_ymd_opt(2030, 1, 1), |w| {
                        w.end.checked_add_days(chrono::Days::new(700))
                    })
                    .unwrap_or_default();
                let end = start
                    .checked_add_days(chrono::Days::new(90))
                    .unwrap_or(start);
                destination.launch_windows.push(LaunchWindow { start, end });
                edit = Some("Add launch window");
            }
        });
    }
    if let Some((from, to)) = moved {
        destinations.swap(from, to);
        fields.dates.clear();
        edit = Some("Reorder lanes");
    }
    if let Some(k) = removed {
        destinations.remove(k);
        fields.dates.clear();
        edit = Some("Remove lane");
    }
    if ui.button("Add lane").clicked() {
        let id = unused_id(destinations.iter().map(|d| d.id.as_str()), "destination");
        destinations.push(Destination {
            id: id.as_str().into(),
            name: "New destination".to_owned(),
            launch_windows: Vec::new(),
        });
        edit = Some("Add lane");
    }
    edit
}

fn phases(ui: &mut Ui, phases: &mut Vec<Phase>, fields: &mut Fields) -> Option<&'static str> {
    let mut edit = None;
    let mut removed = None;
    for (k, phase) in phases.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = ui.label("Name").id;
            let field = ui.add(TextEdit::singleline(&mut phase.name).desired_width(170.0));
            if committed(&field.labelled_by(name), ui) {
                edit = Some("Rename phase");
            }
            if ui.small_button("Remove").clicked() {
                removed = Some(k);
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            let key = format!("phase {}", phase.id);
            if fields.period(ui, &key, (&mut phase.start, &mut phase.end)) {
                edit = Some("Change phase dates");
            }
        });
    }
    if let Some(k) = removed {
        phases.remove(k);
        fields.dates.clear();
        edit = Some("Remove phase");
    }
    if ui.button("Add phase").clicked() {
        let start = phases
            .last()
            .and_then(|p| p.end.checked_add_days(chrono::Days::new(1)))
            .or(NaiveDate::from_ymd_opt(2030, 1, 1))
            .unwrap_or_default();
        let id = unused_id(phases.iter().map(|p| p.id.as_str()), "phase");
        phases.push(Phase {
            id: id.as_str().into(),
            name: "New phase".to_owned(),
            start,
            end: start
                .checked_add_days(chrono::Days::new(1825))
                .unwrap_or(start),
        });
        edit = Some("Add phase");
    }
    edit
}

fn resources(ui: &mut Ui, resources: &mut Vec<Resource>) -> Option<&'static str> {
    let mut edit = None;
    let mut removed = None;
    for (k, resource) in resources.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = ui.label(resource.id.as_str()).id;
            let field = ui.add(TextEdit::singleline(&mut resource.name).desired_width(150.0));
            if committed(&field.labelled_by(name), ui) {
                edit = Some("Rename resource");
            }
            if ui.small_button("Remove").clicked() {
                removed = Some(k);
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            let label = ui.label("capacity").id;
            let capacity = ui
                .add(DragValue::new(&mut resource.capacity).range(1..=99))
                .labelled_by(label);
            let label = ui.label("minimum gap").id;
            let gap = ui
                .add(
                    DragValue::new(&mut resource.min_gap_days)
                        .range(0..=3650)
                        .suffix(" days"),
                )
                .labelled_by(label);
            if capacity.drag_stopped() || committed(&capacity, ui) {
                edit = Some("Change resource capacity");
            }
            if gap.drag_stopped() || committed(&gap, ui) {
                edit = Some("Change resource gap");
            }
        });
    }
    if let Some(k) = removed {
        resources.remove(k);
        edit = Some("Remove resource");
    }
    if ui.button("Add resource").clicked() {
        let id = unused_id(resources.iter().map(|r| r.id.as_str()), "resource");
        resources.push(Resource {
            id: id.as_str().into(),
            name: "New resource".to_owned(),
            capacity: 1,
            min_gap_days: 0,
        });
        edit = Some("Add resource");
    }
    edit
}
