//! From seeing conflicts to resolving them in the window: a quick fix offered for each conflict
//! (previewed as ghosts while hovered), Resolve all with its moves and reasons, accepting a
//! conflict with a reason, and the successors a drag pushes.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use rustc_hash::FxHashMap;

use crate::analysis::{Conflict, Schedule, fix_for, schedule};
use crate::edit::{Document, MissionKey};
use crate::model::{AcceptedConflict, plural};

/// Missions' new dates, by key: what a fix applies.
pub type NewDates = Vec<(MissionKey, NaiveDate, NaiveDate)>;

/// What the user asked of the planning tools.
pub enum PlanAction {
    /// Move missions to these dates as one step called `label` (a fix, or Resolve all).
    Apply {
        /// What the Edit menu calls the step.
        label: String,
        /// The new dates.
        dates: NewDates,
    },
    /// Accept a conflict with its reason.
    Accept(Box<AcceptedConflict>),
    /// Remove the roadmap's accepted conflict at this position (reopened, or stale).
    RemoveAccepted(usize),
}

/// The planning tools' state between frames.
#[derive(Default)]
pub struct Planning {
    /// The quick fix of each conflict asked for so far (by position), and the whole schedule,
    /// made for one document generation and day.
    fixes: FxHashMap<usize, Option<Schedule>>,
    whole: Option<Schedule>,
    made_for: Option<(u64, NaiveDate)>,
    /// Whether Resolve all's moves are listed and drawn.
    pub resolving_all: bool,
    /// What is previewed on the chart this frame: positions and their proposed dates.
    hovered: Option<Vec<(usize, NaiveDate, NaiveDate)>>,
    /// The successors the drag under way pushes.
    pub pushed: Vec<(usize, NaiveDate, NaiveDate)>,
    /// The conflict being accepted (by position) and the reason typed so far.
    accepting: Option<(usize, String)>,
}

impl Planning {
    /// Forgets what was made for another generation or day. Called once per frame before the
    /// panels, which also clears last frame's hover.
    pub fn begin_frame(&mut self, generation: u64, today: NaiveDate) {
        self.hovered = None;
        if self.made_for != Some((generation, today)) {
            self.fixes.clear();
            self.whole = None;
            self.made_for = Some((generation, today));
        }
    }

    /// The quick fix for conflict `k`: `None` when there is none (or none yet during a drag,
    /// when nothing is worked out for the panel).
    fn fix(
        &mut self,
        document: &Document,
        today: NaiveDate,
        k: usize,
        conflict: &Conflict,
    ) -> Option<&Schedule> {
        if document.in_gesture() && !self.fixes.contains_key(&k) {
            return None;
        }
        self.fixes
            .entry(k)
            .or_insert_with(|| fix_for(document.roadmap(), Some(today), conflict))
            .as_ref()
    }

    /// The whole schedule: what Resolve all proposes.
    fn whole(&mut self, document: &Document, today: NaiveDate) -> &Schedule {
        self.whole
            .get_or_insert_with(|| schedule(document.roadmap(), Some(today)))
    }

    /// The dates previewed on the chart: a hovered fix, else Resolve all's while it is open,
    /// else the successors a drag pushes; as day numbers by position.
    pub fn proposed(&self) -> BTreeMap<usize, (i32, i32)> {
        let dates: &[(usize, NaiveDate, NaiveDate)] = match (&self.hovered, &self.whole) {
            (Some(hovered), _) => hovered,
            (None, Some(whole)) if self.resolving_all => return day_numbers(&whole.dates()),
            _ => &self.pushed,
        };
        day_numbers(dates)
    }

    /// Resolve all at the top of the Conflicts tab: a button that previews the whole schedule
    /// while hovered and lists its moves with their reasons when clicked, to apply as one step.
    pub fn resolve_all_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        today: NaiveDate,
    ) -> Option<PlanAction> {
        let mut action = None;
        if !self.resolving_all {
            let button = ui.button("Resolve all…").on_hover_text(
                "Move every mission that may move (not flown, cancelled or fixed) to its \
                     earliest date that meets its dependencies, launch windows, resources and \
                     agency limits. Hover to preview; click to see each move and why.",
            );
            if button.hovered() && !document.in_gesture() {
                self.hovered = Some(self.whole(document, today).dates());
            }
            if button.clicked() {
                self.resolving_all = true;
            }
            return None;
        }
        let keys = document.keys();
        let whole = self.whole(document, today).clone();
        ui.group(|ui| {
            ui.strong(match whole.moves.len() {
                0 => "Resolve all: nothing to move".to_owned(),
                n => format!(
                    "Resolve all: {} to move (ghosts on the chart)",
                    plural(n, "mission")
                ),
            });
            egui::ScrollArea::vertical()
                .id_salt("resolve all")
                .max_height(220.0)
                .show(ui, |ui| {
                    for m in &whole.moves {
                        ui.label(m.describe());
                    }
                    for u in &whole.unfixable {
                        ui.label(RichText::new(format!("Cannot fix: {}", u.reason)).weak());
                    }
                });
            ui.horizontal(|ui| {
                let apply = ui.add_enabled(!whole.moves.is_empty(), egui::Button::new("Apply all"));
                if apply
                    .on_hover_text("Make every move above, as one step that Undo takes back")
                    .clicked()
                {
                    action = Some(PlanAction::Apply {
                        label: format!("Resolve all ({})", plural(whole.moves.len(), "move")),
                        dates: with_keys(keys, &whole.dates()),
                    });
                    self.resolving_all = false;
                }
                if ui.button("Close").clicked() {
                    self.resolving_all = false;
                }
            });
        });
        action
    }

    /// Under conflict `k`'s message: its quick fix (previewed while hovered), or why there is
    /// none, and Accept…; for an accepted conflict, its reason and Reopen.
    pub fn conflict_tools(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        today: NaiveDate,
        (k, conflict): (usize, &Conflict),
        accepted_as: Option<usize>,
    ) -> Option<PlanAction> {
        let roadmap = document.roadmap();
        if let Some(a) = accepted_as {
            let reason = roadmap.accepted.get(a).map_or("", |a| a.reason.as_str());
            let mut action = None;
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("Accepted: {reason}"))
                        .weak()
                        .italics(),
                );
                if ui
                    .small_button("Reopen")
                    .on_hover_text("Stop accepting this conflict: it counts again")
                    .clicked()
                {
                    action = Some(PlanAction::RemoveAccepted(a));
                }
            });
            return action;
        }
        if let Some((accepting, reason)) = &mut self.accepting
            && *accepting == k
        {
            let accepted = accept_prompt(ui, conflict, reason);
            // Accepted, or given up with Esc: the row goes back to its tools.
            if accepted.is_some() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.accepting = None;
            }
            return accepted;
        }
        let keys = document.keys();
        let mut action = None;
        let fix = self.fix(document, today, k, conflict).cloned();
        ui.horizontal_wrapped(|ui| {
            match fix.as_ref().and_then(|f| Some((f, f.moves.first()?))) {
                Some((fix, first)) => {
                    let more = match fix.moves.len() {
                        1 => String::new(),
                        n => format!(" (and {} after it)", plural(n - 1, "mission")),
                    };
                    let button = ui
                        .small_button(format!("Fix: {}{more}", first.as_fix()))
                        .on_hover_text(
                            fix.moves
                                .iter()
                                .map(|m| m.describe())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        );
                    if button.hovered() {
                        self.hovered = Some(fix.dates());
                    }
                    if button.clicked() {
                        action = Some(PlanAction::Apply {
                            label: format!("Fix: move {}", first.name),
                            dates: with_keys(keys, &fix.dates()),
                        });
                    }
                }
                None => {
                    if let Some(reason) = fix.as_ref().and_then(|f| f.unfixable.first()) {
                        ui.label(
                            RichText::new(format!(
                                "No fix by moving missions later: {}",
                                reason.reason
                            ))
                            .weak(),
                        );
                    }
                }
            }
            if ui
                .small_button("Accept…")
                .on_hover_text(
                    "Accept this conflict with a reason: it is shown muted and no longer counted",
                )
                .clicked()
            {
                self.accepting = Some((k, String::new()));
            }
        });
        action
    }
}

/// The reason field of a conflict being accepted; the accepted conflict once confirmed.
fn accept_prompt(ui: &mut Ui, conflict: &Conflict, reason: &mut String) -> Option<PlanAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Reason:").id;
        let field = ui
            .add(
                egui::TextEdit::singleline(reason)
                    .hint_text("Why is it accepted?")
                    .desired_width(200.0),
            )
            .labelled_by(label);
        if !field.has_focus() && reason.is_empty() {
            field.request_focus();
        }
        let ready = !reason.trim().is_empty();
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let accept = ui.add_enabled(ready, egui::Button::new("Accept"));
        if ready && (accept.clicked() || enter) {
            action = Some(PlanAction::Accept(Box::new(conflict.accepted_for(reason))));
        }
    });
    action
}

/// Positions with dates as keys with dates (positions that have no key are left out).
fn with_keys(keys: &crate::edit::MissionKeys, dates: &[(usize, NaiveDate, NaiveDate)]) -> NewDates {
    dates
        .iter()
        .filter_map(|&(i, start, end)| Some((keys.at(i)?, start, end)))
        .collect()
}

fn day_numbers(dates: &[(usize, NaiveDate, NaiveDate)]) -> BTreeMap<usize, (i32, i32)> {
    dates
        .iter()
        .map(|&(i, start, end)| (i, (start.num_days_from_ce(), end.num_days_from_ce())))
        .collect()
}
