//! The Mission tab of the side panel: every field of the selected mission, edited in place.
//!
//! The inspector edits a draft of the mission. Choices (lists, check boxes, buttons) take effect
//! at once; typed text when its field loses focus or Enter is pressed, so that a word typed is
//! one undo step, not one per letter. Dates are checked as typed: an end before the start is
//! refused at the field and nothing changes.

use egui::{Id, RichText, TextEdit, Ui};

use crate::analysis::Float;
use crate::edit::MissionKey;
use crate::model::{
    Contribution, Dependency, Mission, MissionKind, MissionStatus, Roadmap, StartEstimate, date,
};
use crate::render::ERROR_COLOR;
use crate::ui::session::Session;
use crate::ui::words::{float_text, outlook_lines};

use super::choices::{agency_choice, destination_choice, outcome_choice, status_choice};

/// Most missions offered at once when picking a dependency.
const MAX_MATCHES: usize = 8;

/// What the user did in the inspector.
#[derive(Clone, Debug, PartialEq)]
pub enum InspectorAction {
    /// The mission with `key` becomes `after`, as one step called `label`.
    Edit {
        /// The mission edited.
        key: MissionKey,
        /// The mission as edited.
        after: Box<Mission>,
        /// What the Edit menu calls the step.
        label: String,
    },
    /// Add a new mission.
    New,
    /// Add a copy of this mission.
    Duplicate(MissionKey),
    /// Delete this mission.
    Delete(MissionKey),
}

/// The inspector's state between frames: the draft and what is being typed.
#[derive(Default)]
pub struct Inspector {
    /// The mission being edited, and the roadmap's version the draft started from.
    editing: Option<(MissionKey, Mission)>,
    draft: Option<Mission>,
    start_text: String,
    end_text: String,
    /// Why the dates typed were refused.
    date_error: Option<String>,
    /// The start estimate as typed.
    estimate: EstimateFields,
    /// Text typed to find a mission to depend on.
    dependency_search: String,
    /// A contributor was just added: its role field takes the keyboard.
    focus_new_role: bool,
    /// F2 was pressed: the name field takes the keyboard when next drawn.
    focus_name: bool,
}

/// When the selected mission can happen: how far it can slip, and what drives its date.
struct Timing {
    /// Its float.
    float: Float,
    /// The names of the missions that drive its earliest date, nearest first.
    driven_by: Vec<String>,
}

impl Timing {
    /// "Float: 45 days, before it delays Artemis V" and "Driven by: Artemis III ← Artemis II".
    fn ui(&self, ui: &mut Ui) {
        ui.label(self.float_text()).on_hover_text(
            "How many days it can slip before it delays a mission that depends on it, or \
             before its start leaves its launch window",
        );
        if !self.driven_by.is_empty() {
            ui.label(format!("Driven by: {}", self.driven_by.join(" ← ")))
                .on_hover_text(
                    "The missions that set its earliest date (ringed on the chart): each ends \
                     last, with its lag, among the missions the one before depends on",
                );
        }
    }

    fn float_text(&self) -> String {
        float_text(&self.float)
    }
}

impl Inspector {
    /// Gives the name field the keyboard when the tab is next drawn.
    pub fn focus_name(&mut self) {
        self.focus_name = true;
    }

    /// Shows the one mission selected in `session` (if any); returns what the user did.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Option<InspectorAction> {
        let selected =
            (session.single_selected()).and_then(|key| Some((key, session.mission(key)?)));
        let timing = selected.and_then(|(key, _)| {
            Some(Timing {
                float: session.float_of(key)?,
                driven_by: session.driving_names(),
            })
        });
        let outlook = (selected.and_then(|(key, _)| session.outlook_of(key)))
            .map_or_else(Vec::new, |(outlook, runs)| outlook_lines(outlook, runs));
        let (roadmap, today) = (session.roadmap(), session.today());
        let timing = timing.as_ref();
        let mut action = None;
        ui.horizontal(|ui| {
            if ui
                .button("New mission")
                .on_hover_text("Add a mission (also: double-click empty space on the chart)")
                .clicked()
            {
                action = Some(InspectorAction::New);
            }
            if let Some((key, _)) = selected {
                if ui.button("Duplicate").clicked() {
                    action = Some(InspectorAction::Duplicate(key));
                }
                if ui.button("Delete").clicked() {
                    action = Some(InspectorAction::Delete(key));
                }
            }
        });
        ui.separator();
        let Some((key, mission)) = selected else {
            self.editing = None;
            ui.label("Select one mission on the chart to see and edit all of its fields.");
            return action;
        };
        self.follow(key, mission);
        if let Some(timing) = timing {
            timing.ui(ui);
        }
        for line in &outlook {
            ui.label(line);
        }
        if timing.is_some() || !outlook.is_empty() {
            ui.separator();
        }
        let edited = egui::ScrollArea::vertical()
            .id_salt("mission fields")
            .auto_shrink(false)
            .show(ui, |ui| self.fields(ui, roadmap, today))
            .inner;
        if edited {
            action = self.commit(key, mission).or(action);
        }
        action
    }

    /// Starts over from the roadmap's version of the mission when another one is shown or it
    /// changed elsewhere (a drag, an undo).
    fn follow(&mut self, key: MissionKey, mission: &Mission) {
        if matches!(&self.editing, Some((k, m)) if *k == key && m == mission) {
            return;
        }
        self.editing = Some((key, mission.clone()));
        self.draft = Some(mission.clone());
        self.start_text = date::to_text(mission.start);
        self.end_text = date::to_text(mission.end);
        self.date_error = None;
        self.estimate = EstimateFields::of(mission);
    }

    /// The edit that makes the mission the draft, when they differ.
    fn commit(&mut self, key: MissionKey, mission: &Mission) -> Option<InspectorAction> {
        let draft = self.draft.clone()?;
        if draft == *mission {
            return None;
        }
        let label = edit_label(mission, &draft);
        Some(InspectorAction::Edit {
            key,
            after: Box::new(draft),
            label,
        })
    }

    /// Every field; returns whether an edit is complete (to be applied now).
    fn fields(&mut self, ui: &mut Ui, roadmap: &Roadmap, today: chrono::NaiveDate) -> bool {
        let Some(draft) = self.draft.as_mut() else {
            return false;
        };
        let mut done = false;
        egui::Grid::new("mission fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label("Id");
                ui.monospace(draft.id.as_str());
                ui.end_row();
                let label = ui.label("Name").id;
                let name = ui.add(TextEdit::singleline(&mut draft.name));
                if std::mem::take(&mut self.focus_name) {
                    name.request_focus();
                }
                done |= committed(&name.labelled_by(label), ui);
                ui.end_row();
                let label = ui.label("Destination").id;
                done |= destination_choice(ui, roadmap, draft, label);
                ui.end_row();
                ui.label("Kind");
                ui.horizontal(|ui| {
                    for kind in [MissionKind::Human, MissionKind::Robotic] {
                        done |= ui.radio_value(&mut draft.kind, kind, kind.name()).changed();
                    }
                });
                ui.end_row();
                let label = ui.label("Status").id;
                done |= status_choice(ui, draft, label);
                ui.end_row();
                if draft.status == MissionStatus::Flown || draft.outcome.is_some() {
                    let label = ui.label("Outcome").id;
                    done |= outcome_choice(ui, draft, label);
                    ui.end_row();
                }
                if draft.is_operating_on(today) {
                    ui.label("");
                    ui.weak(format!("Operating until {} (its end is after today)", draft.end))
                        .on_hover_text("A flown mission still operating occupies its agency on those days; the chart draws the rest of its bar in full colour from the today line.");
                    ui.end_row();
                }
                let start = date_row(ui, "Start", &mut self.start_text);
                let end = date_row(ui, "End", &mut self.end_text);
                if start | end {
                    match dates(&self.start_text, &self.end_text) {
                        Ok((s, e)) => {
                            (draft.start, draft.end) = (s, e);
                            self.date_error = None;
                            done = true;
                        }
                        Err(message) => self.date_error = Some(message),
                    }
                }
                if let Some(message) = &self.date_error {
                    ui.label("");
                    ui.label(RichText::new(message).color(ERROR_COLOR));
                    ui.end_row();
                }
                ui.label("");
                done |= ui
                    .checkbox(&mut draft.fixed, "Fixed date")
                    .on_hover_text(
                        "A launch date the agency has committed to: Resolve all and quick fixes \
                         never move it",
                    )
                    .changed();
                ui.end_row();
                let label = ui.label("Lead").id;
                done |= agency_choice(ui, roadmap, "lead", &mut draft.lead, label);
                ui.end_row();
            });
        ui.add_space(6.0);
        done |= contributors(ui, roadmap, draft, &mut self.focus_new_role);
        ui.add_space(6.0);
        done |= dependencies(ui, roadmap, draft, &mut self.dependency_search);
        ui.add_space(6.0);
        done |= self.estimate.ui(ui, draft);
        ui.add_space(6.0);
        done |= resources(ui, roadmap, draft);
        ui.add_space(6.0);
        let label = ui.strong("Notes").id;
        let notes = ui.add(TextEdit::multiline(&mut draft.notes).desired_rows(3));
        done |= committed(&notes.labelled_by(label), ui);
        let label = ui.strong("Source").id;
        let source = ui.add(TextEdit::singleline(&mut draft.source));
        done |= committed(&source.labelled_by(label), ui);
        done
    }
}

/// The likely and pessimistic starts as typed, when the start is uncertain.
#[derive(Default)]
struct EstimateFields {
    likely: String,
    pessimistic: String,
    /// Why the estimate typed was refused.
    error: Option<String>,
}

impl EstimateFields {
    /// The fields as `mission` has them.
    fn of(mission: &Mission) -> Self {
        let estimate = mission.start_estimate;
        Self {
            likely: estimate.map_or_else(String::new, |e| date::to_text(e.likely)),
            pessimistic: estimate.map_or_else(String::new, |e| date::to_text(e.pessimistic)),
            error: None,
        }
    }

    /// The "Uncertain start" check box and, when it is on, the likely and pessimistic starts
    /// of `draft`; returns whether an edit is complete. Outside the fields' grid, whose
    /// columns would otherwise be measured again when the rows come and go.
    fn ui(&mut self, ui: &mut Ui, draft: &mut Mission) -> bool {
        let mut uncertain = draft.start_estimate.is_some();
        let toggled = ui
            .checkbox(&mut uncertain, "Uncertain start")
            .on_hover_text(
                "Say how late it may really start, for the outlook: its likely and pessimistic \
                 starts (the planned start is the optimistic one). Without them, the outlook \
                 draws its slip from those measured on the GER 2020 plan for missions of its \
                 status and kind.",
            )
            .changed();
        if toggled {
            draft.start_estimate = uncertain.then(|| default_estimate(draft.start));
            *self = Self::of(draft);
            return true;
        }
        if !uncertain {
            return false;
        }
        let likely = ui
            .horizontal(|ui| date_field(ui, "Likely start", &mut self.likely))
            .inner;
        let pessimistic = ui
            .horizontal(|ui| date_field(ui, "Pessimistic start", &mut self.pessimistic))
            .inner;
        let mut done = false;
        if likely | pessimistic {
            match estimate(&self.likely, &self.pessimistic) {
                Ok(estimate) => {
                    draft.start_estimate = Some(estimate);
                    self.error = None;
                    done = true;
                }
                Err(message) => self.error = Some(message),
            }
        }
        if let Some(message) = &self.error {
            ui.label(RichText::new(message).color(ERROR_COLOR));
        }
        done
    }
}

/// The estimate a start gets when it is first marked uncertain: likely half a year late, at
/// worst two years (about the median and the P80 of the slips measured from 2020 to 2026).
fn default_estimate(start: chrono::NaiveDate) -> StartEstimate {
    let later = |days| {
        start
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(start)
    };
    StartEstimate {
        likely: later(183),
        pessimistic: later(730),
    }
}

/// The estimate typed, or why it is refused.
fn estimate(likely: &str, pessimistic: &str) -> Result<StartEstimate, String> {
    let likely = date::parse(likely.trim()).map_err(|e| format!("Likely start: {e}"))?;
    let pessimistic =
        date::parse(pessimistic.trim()).map_err(|e| format!("Pessimistic start: {e}"))?;
    if pessimistic < likely {
        return Err(format!(
            "The pessimistic start ({pessimistic}) is before the likely start ({likely}): not \
             saved"
        ));
    }
    Ok(StartEstimate {
        likely,
        pessimistic,
    })
}

/// Whether typing in a field is finished: it lost focus, or Enter was pressed in it.
pub fn committed(response: &egui::Response, ui: &Ui) -> bool {
    response.lost_focus() || (response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
}

/// A grid row of a typed date with a calendar button; returns whether a date was entered.
fn date_row(ui: &mut Ui, name: &str, text: &mut String) -> bool {
    let label = ui.label(name).id;
    let entered = ui.horizontal(|ui| typed_date(ui, name, text, label)).inner;
    ui.end_row();
    entered
}

/// A named date field with a calendar button, on one line; returns whether a date was
/// entered.
fn date_field(ui: &mut Ui, name: &str, text: &mut String) -> bool {
    let label = ui.label(name).id;
    typed_date(ui, name, text, label)
}

/// A typed date labelled by `label`, with a calendar button; returns whether a date was
/// entered.
fn typed_date(ui: &mut Ui, name: &str, text: &mut String, label: Id) -> bool {
    let typed = ui
        .add(TextEdit::singleline(text).desired_width(96.0))
        .labelled_by(label);
    committed(&typed, ui) | pick_date(ui, name, text)
}

/// A calendar button beside a typed date: picking a day writes it into `text`; returns
/// whether one was picked.
fn pick_date(ui: &mut Ui, salt: &str, text: &mut String) -> bool {
    use chrono::Datelike;
    let typed = date::parse(text.trim()).unwrap_or_default();
    let as_jiff = |d: chrono::NaiveDate| {
        let (Ok(year), Ok(month), Ok(day)) = (
            i16::try_from(d.year()),
            i8::try_from(d.month()),
            i8::try_from(d.day()),
        ) else {
            return jiff::civil::Date::default();
        };
        jiff::civil::Date::new(year, month, day).unwrap_or_default()
    };
    let mut picked = as_jiff(typed);
    let button = egui_extras::DatePickerButton::new(&mut picked)
        .id_salt(salt)
        .calendar_week(false)
        // The button shows a word: the date is in the field beside it, and the calendar
        // glyph is not in the app's fonts.
        .show_icon(false)
        .format("calendar");
    if !ui.add(button).on_hover_text("Pick a day").changed() {
        return false;
    }
    let day = chrono::NaiveDate::from_ymd_opt(
        picked.year().into(),
        u32::try_from(picked.month()).unwrap_or(1),
        u32::try_from(picked.day()).unwrap_or(1),
    );
    match day {
        Some(day) => {
            *text = date::to_text(day);
            true
        }
        None => false,
    }
}

/// Start and end from their texts, refused when either is not a date or the end comes first.
fn dates(start: &str, end: &str) -> Result<(chrono::NaiveDate, chrono::NaiveDate), String> {
    let start = date::parse(start.trim()).map_err(|e| format!("Start: {e}"))?;
    let end = date::parse(end.trim()).map_err(|e| format!("End: {e}"))?;
    if end < start {
        return Err(format!(
            "The end ({end}) is before the start ({start}): not saved"
        ));
    }
    Ok((start, end))
}

/// "Change name of MMX": the first field that differs names the step.
fn edit_label(before: &Mission, after: &Mission) -> String {
    let field = if before.name != after.name {
        "name"
    } else if (before.start, before.end) != (after.start, after.end) {
        "dates"
    } else if before.destination != after.destination {
        "destination"
    } else if before.kind != after.kind {
        "kind"
    } else if before.status != after.status {
        "status"
    } else if before.outcome != after.outcome {
        "outcome"
    } else if before.fixed != after.fixed {
        "fixed date"
    } else if before.start_estimate != after.start_estimate {
        "start estimate"
    } else if before.lead != after.lead {
        "lead"
    } else if before.contributors != after.contributors {
        "contributors"
    } else if before.depends_on != after.depends_on {
        "dependencies"
    } else if before.resources != after.resources {
        "resources"
    } else if before.notes != after.notes {
        "notes"
    } else {
        "source"
    };
    format!("Change {field} of {}", after.name)
}

/// Contributing agencies with their roles: change, remove, add (the role of one just added
/// takes the keyboard when `focus_new_role`).
fn contributors(
    ui: &mut Ui,
    roadmap: &Roadmap,
    draft: &mut Mission,
    focus_new_role: &mut bool,
) -> bool {
    ui.strong("Contributing agencies");
    let mut done = false;
    let mut removed = None;
    let last = draft.contributors.len().saturating_sub(1);
    for (k, contribution) in draft.contributors.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let label = ui.label("Agency").id;
            let salt = format!("contributor {k}");
            done |= agency_choice(ui, roadmap, &salt, &mut contribution.agency, label);
            let label = ui.label("role").id;
            let role = ui
                .add(
                    TextEdit::singleline(&mut contribution.role)
                        .hint_text("e.g. Service module")
                        .desired_width(150.0),
                )
                .labelled_by(label);
            if k == last && std::mem::take(focus_new_role) {
                role.request_focus();
            }
            done |= committed(&role, ui);
            if ui.small_button("✕").on_hover_text("Remove").clicked() {
                removed = Some(k);
            }
        });
    }
    if let Some(k) = removed {
        draft.contributors.remove(k);
        done = true;
    }
    if ui.button("Add contributor").clicked() {
        *focus_new_role = true;
        let agency =
            roadmap.agencies.iter().map(|a| a.id.clone()).find(|id| {
                *id != draft.lead && !draft.contributors.iter().any(|c| c.agency == *id)
            });
        if let Some(agency) = agency {
            draft.contributors.push(Contribution {
                agency,
                role: String::new(),
            });
            done = true;
        }
    }
    done
}

/// Missions this one depends on, with their lag; a search to add another.
fn dependencies(ui: &mut Ui, roadmap: &Roadmap, draft: &mut Mission, search: &mut String) -> bool {
    ui.strong("Depends on (finish → start)");
    let mut done = false;
    let mut removed = None;
    for (k, dependency) in draft.depends_on.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = roadmap
                .missions
                .iter()
                .find(|m| m.id == dependency.mission)
                .map_or(dependency.mission.to_string(), |m| m.name.clone());
            let label = ui.label(name).id;
            let lag = ui
                .add(
                    egui::DragValue::new(&mut dependency.lag_days)
                        .range(-3650..=3650)
                        .suffix(" days lag"),
                )
                .labelled_by(label);
            done |= lag.drag_stopped() || committed(&lag, ui);
            if ui.small_button("✕").on_hover_text("Remove").clicked() {
                removed = Some(k);
            }
        });
    }
    if let Some(k) = removed {
        draft.depends_on.remove(k);
        done = true;
    }
    let label = ui.label("Add a dependency:").id;
    ui.add(
        TextEdit::singleline(search)
            .hint_text("type a mission's name")
            .desired_width(260.0),
    )
    .labelled_by(label);
    let needle = search.trim().to_lowercase();
    if !needle.is_empty() {
        let matches: Vec<&Mission> = roadmap
            .missions
            .iter()
            .filter(|m| m.id != draft.id && !draft.depends_on.iter().any(|d| d.mission == m.id))
            .filter(|m| m.name.to_lowercase().contains(&needle))
            .take(MAX_MATCHES)
            .collect();
        for candidate in matches {
            if ui.button(&candidate.name).clicked() {
                draft.depends_on.push(Dependency {
                    mission: candidate.id.clone(),
                    lag_days: 0,
                });
                search.clear();
                done = true;
            }
        }
    }
    done
}

/// The shared resources the mission books.
fn resources(ui: &mut Ui, roadmap: &Roadmap, draft: &mut Mission) -> bool {
    if roadmap.resources.is_empty() {
        return false;
    }
    ui.strong("Shared resources");
    let mut done = false;
    for resource in &roadmap.resources {
        let mut uses = draft.resources.contains(&resource.id);
        if ui.checkbox(&mut uses, &resource.name).changed() {
            if uses {
                draft.resources.push(resource.id.clone());
            } else {
                draft.resources.retain(|r| *r != resource.id);
            }
            done = true;
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::dates;

    #[test]
    fn an_end_before_the_start_is_refused_and_says_so() {
        assert!(dates("2030-01-01", "2030-01-01").is_ok(), "a milestone");
        assert_eq!(
            dates("2030-02-01", "2030-01-31"),
            Err("The end (2030-01-31) is before the start (2030-02-01): not saved".to_owned())
        );
        assert!(dates("2030-02-30", "2030-03-01").is_err_and(|e| e.starts_with("Start: ")));
    }
}
