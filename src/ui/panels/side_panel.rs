//! The side panel: the selected mission, the agencies, the roadmap's setup, its conflicts, the
//! changes since a baseline, statistics, and a merge being resolved, one tab at a time. Each
//! tab reads the session and returns what the user asked for.

use egui::{RichText, Ui};

use super::agencies::AgenciesPanel;
use super::changes::{ChangesAction, changes_panel};
use super::conflicts::{ConflictsOutput, ConflictsPanel};
use super::inspector::Inspector;
use super::merge::merge_tab;
use super::setup::SetupPanel;
use super::statistics::Statistics;
use super::updates::UpdatesPanel;
use crate::ui::action::Action;
use crate::ui::session::{Previewed, Session};
use crate::ui::settings::SideTab;

/// The state of every tab between frames.
#[derive(Default)]
pub struct SidePanel {
    /// Give the current tab the keyboard when next drawn (F6).
    focus_tabs: bool,
    inspector: Inspector,
    agencies: AgenciesPanel,
    setup: SetupPanel,
    conflicts: ConflictsPanel,
    statistics: Statistics,
    updates: UpdatesPanel,
}

/// What the side panel saw and asks for this frame.
#[derive(Default)]
pub struct SideOutput {
    /// What the user did.
    pub actions: Vec<Action>,
    /// The proposal the pointer is on in the Conflicts tab, to preview on the chart.
    pub hovered: Option<Previewed>,
    /// Conflicts in view whose quick fix is not worked out yet.
    pub wanted_fixes: Vec<usize>,
    /// Whether a tab shows the roadmap's counts (to be counted when they are not yet).
    pub wants_counts: bool,
}

impl SidePanel {
    /// The tabs, and the one `tab` names (which a click on another tab changes).
    /// Gives the current tab's button the keyboard when the panel is next drawn.
    pub fn focus_tabs(&mut self) {
        self.focus_tabs = true;
    }

    /// Gives the Mission tab's first field (the name) the keyboard when next drawn.
    pub fn focus_first_field(&mut self) {
        self.inspector.focus_name();
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, tab: &mut SideTab) -> SideOutput {
        // The Merge tab is there only while a merge is resolved (a tab kept in the settings
        // from one is not).
        if *tab == SideTab::Merge && session.merge().is_none()
            || *tab == SideTab::Updates && session.integrating().is_none()
        {
            *tab = SideTab::Conflicts;
        }
        ui.add_space(4.0);
        tabs(ui, session, tab, std::mem::take(&mut self.focus_tabs));
        ui.separator();
        let mut out = SideOutput {
            wants_counts: matches!(tab, SideTab::Statistics | SideTab::Agencies),
            ..SideOutput::default()
        };
        let actions = &mut out.actions;
        match tab {
            SideTab::Mission => {
                actions.extend(self.inspector.ui(ui, session).map(Action::Inspector))
            }
            SideTab::Agencies => {
                actions.extend(self.agencies.ui(ui, session).map(Action::Agencies))
            }
            SideTab::Roadmap => {
                if let Some((setup, label)) = self.setup.ui(ui, session) {
                    let setup = Box::new(setup);
                    actions.push(Action::SetSetup { setup, label });
                }
            }
            SideTab::Conflicts => {
                let ConflictsOutput {
                    actions: done,
                    hovered,
                    wanted,
                    focus,
                } = self.conflicts.ui(ui, session);
                actions.extend(done.into_iter().map(Action::Conflicts));
                actions.extend(focus.map(|ids| Action::Focus(session.keys_of(&ids))));
                out.hovered = hovered;
                out.wanted_fixes = wanted;
            }
            SideTab::Changes => match changes_panel(ui, session.baseline()) {
                Some(ChangesAction::Show(id)) => {
                    let keys = session.keys_of(std::slice::from_ref(&id));
                    actions.push(Action::Focus(keys));
                }
                Some(ChangesAction::Take(ids)) => actions.push(Action::TakeProposed(ids)),
                None => {}
            },
            SideTab::Merge => {
                if let Some(resolving) = session.merge() {
                    let (picked, focus) = merge_tab(ui, resolving);
                    actions.extend(picked.map(Action::Resolve));
                    if let Some(id) = focus {
                        let id = crate::model::MissionId::from(id.as_str());
                        actions.push(Action::Focus(session.keys_of(&[id])));
                    }
                }
            }
            SideTab::Updates => {
                if let Some(integrating) = session.integrating() {
                    let (done, focus) = self.updates.ui(ui, integrating, session.roadmap());
                    actions.extend(done.map(Action::Integrate));
                    if let Some(id) = focus {
                        actions.push(Action::Focus(session.keys_of(&[id])));
                    }
                }
            }
            SideTab::Statistics => self.statistics.ui(ui, session),
        }
        out
    }
}

/// The row of tabs, wrapped rather than widening the panel; each says how many it lists.
fn tabs(ui: &mut Ui, session: &Session, current: &mut SideTab, focus: bool) {
    ui.horizontal_wrapped(|ui| {
        for tab in SideTab::ALL {
            let label = match tab {
                SideTab::Merge => match session.merge() {
                    Some(resolving) => {
                        let (picked, total) = resolving.progress();
                        format!("{} ({} left)", tab.label(), total - picked)
                    }
                    None => continue,
                },
                SideTab::Updates => match session.integrating() {
                    Some(integrating) => {
                        let (accepted, total) = integrating.progress();
                        format!("{} ({accepted}/{total})", tab.label())
                    }
                    None => continue,
                },
                // Accepted conflicts are listed but not counted.
                SideTab::Conflicts => {
                    format!("{} ({})", tab.label(), session.review().open_count())
                }
                SideTab::Changes => match session.baseline() {
                    Some(b) => format!("{} ({})", tab.label(), b.diff().differences.len()),
                    None => tab.label().to_owned(),
                },
                SideTab::Statistics | SideTab::Mission | SideTab::Agencies | SideTab::Roadmap => {
                    tab.label().to_owned()
                }
            };
            let tab_label = RichText::new(label).size(15.0);
            let button = ui.selectable_label(*current == tab, tab_label);
            if focus && *current == tab {
                button.request_focus();
            }
            if button.clicked() {
                *current = tab;
            }
        }
    });
}
