//! The side panel: the selected mission, the agencies, the roadmap's setup, its conflicts,
//! the changes since a baseline, and statistics, one tab at a time.

use egui::{RichText, Ui};

use super::action::Action;
use super::app::GerApp;
use super::compare;
use super::long_list::long_list;
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
                        format!("{} ({})", tab.label(), self.derived.conflicts().len())
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
                let done = self
                    .inspector
                    .ui(ui, document.roadmap(), selected, self.today);
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
            SideTab::Statistics => self.statistics.ui(
                ui,
                self.open.document.roadmap(),
                self.open.document.generation(),
                &self.settings.showing,
                self.baseline.as_ref().map(|b| (b.id(), b.diff())),
            ),
        }
    }

    /// The Conflicts tab, errors first; a click on one selects its missions and shows them.
    fn conflict_panel(&self, ui: &mut Ui) -> Option<Action> {
        let hidden = self.derived.arrangement.hidden;
        if hidden > 0 {
            ui.weak(format!(
                "{} not on the chart (filtered out or cancelled); their conflicts are listed too.",
                plural(hidden, "mission")
            ));
        }
        if self.derived.conflicts().is_empty() {
            ui.label(
                "No conflicts: every dependency, resource, launch window and agency limit is met.",
            );
            return None;
        }
        let ordered = &self.derived.conflict_order;
        let clicked = long_list(ui, "conflicts", ordered.len(), |ui, row, height| {
            self.conflict_row(ui, ordered[row], height)
        });
        let conflict = &self.derived.conflicts()[ordered[clicked?]];
        Some(Action::Focus(self.keys_of(&conflict.missions)))
    }

    /// A conflict in the panel: a dot of its severity and its message, wrapped, or shortened to
    /// one line of `height` (the whole message is in the tooltip either way).
    fn conflict_row(&self, ui: &mut Ui, k: usize, height: Option<f32>) -> egui::Response {
        let conflict = &self.derived.conflicts()[k];
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
}
