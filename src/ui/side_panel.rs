//! The side panel: the selected mission, the agencies, the roadmap's setup, its conflicts,
//! the changes since a baseline, and statistics, one tab at a time.

use egui::{RichText, Ui};

use super::action::Action;
use super::app::GerApp;
use super::compare;
use super::long_list::long_list;
use super::planning::PlanAction;
use super::settings::SideTab;
use crate::model::plural;
use crate::render::severity_color;

impl GerApp {
    /// The side panel: conflicts, changes since the baseline, or statistics.
    pub(super) fn side_panel(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        // The Merge tab is there only while a merge is resolved (a tab kept in the settings
        // from one is not).
        if self.settings.side_tab == SideTab::Merge && self.resolving.is_none() {
            self.settings.side_tab = SideTab::Conflicts;
        }
        ui.add_space(4.0);
        // Tabs wrap rather than widen the panel.
        ui.horizontal_wrapped(|ui| {
            for tab in SideTab::ALL {
                let label = match tab {
                    SideTab::Merge => match &self.resolving {
                        Some(resolving) => {
                            let (picked, total) = resolving.progress();
                            format!("{} ({} left)", tab.label(), total - picked)
                        }
                        None => continue,
                    },
                    SideTab::Conflicts => {
                        // Accepted conflicts are listed but not counted.
                        format!("{} ({})", tab.label(), self.derived.review.open_count())
                    }
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
                let document = &self.open.document;
                let selected = self
                    .inspected()
                    .and_then(|key| Some((key, document.mission(key)?)));
                let timing = self.timing();
                let outlook = self.selected_outlook_lines();
                let done = self.inspector.ui(
                    ui,
                    document.roadmap(),
                    selected,
                    self.today,
                    timing.as_ref(),
                    &outlook,
                );
                actions.extend(done.map(Action::Inspector));
            }
            SideTab::Agencies => {
                let roadmap = self.open.document.roadmap();
                let highlight = self.highlight.as_ref();
                let generation = self.open.document.generation();
                let done = self.agencies_panel.ui(ui, roadmap, generation, highlight);
                actions.extend(done.map(Action::Agencies));
            }
            SideTab::Roadmap => {
                let document = &self.open.document;
                let edited = self
                    .setup_panel
                    .ui(ui, document.roadmap(), document.generation());
                if let Some((setup, label)) = edited {
                    actions.push(Action::SetSetup {
                        setup: Box::new(setup),
                        label,
                    });
                }
            }
            SideTab::Conflicts => actions.extend(self.conflict_panel(ui)),
            SideTab::Changes => {
                if let Some(id) = compare::changes_panel(ui, self.baseline.as_ref()) {
                    actions.push(Action::Focus(self.keys_of(std::slice::from_ref(&id))));
                }
            }
            SideTab::Merge => {
                if let Some(resolving) = &self.resolving {
                    let (picked, focus) = resolving.ui(ui);
                    actions.extend(picked.map(Action::Resolve));
                    if let Some(id) = focus {
                        let id = crate::model::MissionId::from(id.as_str());
                        actions.push(Action::Focus(self.keys_of(std::slice::from_ref(&id))));
                    }
                }
            }
            SideTab::Statistics => {
                let roadmap = self.open.document.roadmap();
                let selected = self.selected_positions();
                let outlook =
                    (self.outlook).start_of(self.settings.show_outlook, roadmap, &selected);
                self.statistics.ui(
                    ui,
                    roadmap,
                    self.open.document.generation(),
                    &self.settings.showing,
                    self.baseline.as_ref().map(|b| (b.id(), b.diff())),
                    outlook,
                );
            }
        }
    }

    /// The Conflicts tab, errors first, accepted ones last; a click on one selects its
    /// missions and shows them. Each offers its quick fix and Accept…; Resolve all is on top.
    fn conflict_panel(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let hidden = self.derived.arrangement.hidden;
        if hidden > 0 {
            ui.weak(format!(
                "{} not on the chart (filtered out or cancelled); their conflicts are listed too.",
                plural(hidden, "mission")
            ));
        }
        // Taken out while the list is drawn: its rows read the rest of the app.
        let mut planning = std::mem::take(&mut self.planning);
        let document = &self.open.document;
        actions.extend(
            planning
                .resolve_all_ui(ui, document, self.today)
                .map(Action::Plan),
        );
        actions.extend(self.stale_accepted(ui));
        if self.derived.conflicts().is_empty() {
            ui.label(
                "No conflicts: every dependency, resource, launch window and agency limit is met.",
            );
            self.planning = planning;
            return actions;
        }
        let ordered = &self.derived.conflict_order;
        let mut planned = None;
        let clicked = long_list(ui, "conflicts", ordered.len(), |ui, row, height| {
            let k = ordered[row];
            let response = self.conflict_row(ui, k, height);
            if height.is_none() {
                let conflict = &self.derived.conflicts()[k];
                let accepted_as = self.derived.review.accepted_by.get(k).copied().flatten();
                let tools = planning.conflict_tools(
                    ui,
                    document,
                    &self.derived,
                    (k, conflict),
                    accepted_as,
                );
                if planned.is_none() {
                    planned = tools;
                }
                ui.add_space(4.0);
            }
            response
        });
        self.planning = planning;
        actions.extend(planned.map(Action::Plan));
        if let Some(clicked) = clicked {
            let conflict = &self.derived.conflicts()[ordered[clicked]];
            actions.push(Action::Focus(self.keys_of(&conflict.missions)));
        }
        actions
    }

    /// Accepted conflicts that match no conflict any more, each with Remove.
    fn stale_accepted(&self, ui: &mut Ui) -> Option<Action> {
        let stale = &self.derived.review.stale;
        if stale.is_empty() {
            return None;
        }
        let accepted = &self.open.document.roadmap().accepted;
        let mut removed = None;
        ui.group(|ui| {
            ui.label(format!(
                "{} no longer {} any conflict:",
                plural(stale.len(), "accepted conflict"),
                if stale.len() == 1 { "matches" } else { "match" }
            ));
            for &a in stale {
                let Some(entry) = accepted.get(a) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    let names: Vec<String> =
                        entry.missions.iter().map(ToString::to_string).collect();
                    ui.weak(format!(
                        "{} of {}: {}",
                        entry.kind.name(),
                        names.join(", "),
                        entry.reason
                    ));
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove this stale acceptance")
                        .clicked()
                    {
                        removed = Some(Action::Plan(PlanAction::RemoveAccepted(a)));
                    }
                });
            }
        });
        removed
    }

    /// A conflict in the panel: a dot of its severity and its message, wrapped, or shortened to
    /// one line of `height` (the whole message is in the tooltip either way). An accepted one
    /// is muted.
    fn conflict_row(&self, ui: &mut Ui, k: usize, height: Option<f32>) -> egui::Response {
        let conflict = &self.derived.conflicts()[k];
        let accepted = self.derived.review.is_accepted(k);
        ui.horizontal_top(|ui| {
            let line = height.unwrap_or_else(|| ui.text_style_height(&egui::TextStyle::Button));
            if let Some(height) = height {
                ui.set_height(height);
            }
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, line), egui::Sense::hover());
            let color = severity_color(conflict.severity);
            let color = if accepted {
                color.gamma_multiply(0.35)
            } else {
                color
            };
            ui.painter().circle_filled(dot.center(), 4.0, color);
            let text = RichText::new(&conflict.message);
            let text = if accepted { text.weak() } else { text };
            let button = egui::Button::selectable(false, text);
            let button = if height.is_some() {
                button.truncate()
            } else {
                button.wrap()
            };
            ui.add(button).on_hover_text(format!(
                "{}\n\n{} ({}{}): click to select and show its missions",
                conflict.message,
                conflict.kind.name(),
                conflict.severity.name(),
                if accepted { ", accepted" } else { "" }
            ))
        })
        .inner
    }
}
