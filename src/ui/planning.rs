//! From seeing conflicts to resolving them in the window: a quick fix offered for each conflict
//! (previewed as ghosts while hovered), Resolve all with its moves and reasons, accepting a
//! conflict with a reason, and the successors a drag pushes.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use rustc_hash::FxHashMap;

use super::derived::Derived;
use crate::analysis::{Conflict, Schedule, schedule};
use crate::edit::{Document, MissionKey, MissionKeys};
use crate::model::{AcceptedConflict, Roadmap, plural};

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

/// Moves ready to draw and apply: put in words and in day numbers once per change of the
/// roadmap, not once per frame.
struct Proposal {
    /// What a button offering it says ("Fix: Move … to …: reason").
    offer: String,
    /// What the Edit menu calls the step.
    step: String,
    /// Each move with its reasons, then what cannot be fixed.
    lines: Vec<String>,
    unfixable: Vec<String>,
    /// The new dates by position: for the edit, and as day numbers for the ghosts.
    dates: Vec<(usize, NaiveDate, NaiveDate)>,
    days: BTreeMap<usize, (i32, i32)>,
}

impl Proposal {
    fn new(roadmap: &Roadmap, schedule: &Schedule, offer: String, step: String) -> Self {
        let dates = schedule.dates();
        Self {
            offer,
            step,
            lines: (schedule.moves.iter())
                .map(|m| m.describe(roadmap))
                .collect(),
            unfixable: (schedule.unfixable.iter())
                .map(|u| u.reason.clone())
                .collect(),
            days: day_numbers(&dates),
            dates,
        }
    }

    /// The quick fix a schedule made for one conflict offers.
    fn fix(roadmap: &Roadmap, schedule: &Schedule) -> Self {
        let (offer, step) = match schedule.moves.as_slice() {
            [] => (String::new(), String::new()),
            [first, rest @ ..] => {
                let more = match rest.len() {
                    0 => String::new(),
                    n => format!(" (and {} after it)", plural(n, "mission")),
                };
                let name = first.mission(roadmap).map_or("", |m| m.name.as_str());
                (
                    format!("Fix: {}{more}", first.as_fix(roadmap)),
                    format!("Fix: move {name}"),
                )
            }
        };
        Self::new(roadmap, schedule, offer, step)
    }

    /// Resolve all's schedule.
    fn whole(roadmap: &Roadmap, schedule: &Schedule) -> Self {
        let moves = plural(schedule.moves.len(), "move");
        Self::new(
            roadmap,
            schedule,
            String::new(),
            format!("Resolve all ({moves})"),
        )
    }

    /// The edit that makes the moves.
    fn apply(&self, keys: &MissionKeys) -> PlanAction {
        PlanAction::Apply {
            label: self.step.clone(),
            dates: with_keys(keys, &self.dates),
        }
    }
}

/// Which proposal the pointer is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hovered {
    /// The quick fix of the conflict at this position.
    Fix(usize),
    /// Resolve all.
    Whole,
}

/// The planning tools' state between frames.
#[derive(Default)]
pub struct Planning {
    /// The quick fix of each conflict asked for so far (by position; `None`: moving missions
    /// later does not fix that kind), and the whole schedule, made for one document generation
    /// and day.
    fixes: FxHashMap<usize, Option<Proposal>>,
    whole: Option<Proposal>,
    made_for: Option<(u64, NaiveDate)>,
    /// Whether Resolve all's moves are listed and drawn.
    pub resolving_all: bool,
    /// What the pointer is on this frame.
    hovered: Option<Hovered>,
    /// The successors the drag under way pushes, by position, and as day numbers.
    pushed: Vec<(usize, NaiveDate, NaiveDate)>,
    pushed_days: BTreeMap<usize, (i32, i32)>,
    /// The conflict being accepted (by position) and the reason typed so far.
    accepting: Option<(usize, String)>,
    /// How many more missions the quick fixes worked out this frame may visit.
    fix_work_left: usize,
}

/// Missions the quick fixes of one frame may visit: each fix runs the scheduler over the whole
/// roadmap, so on a small roadmap every row in view gets its fix at once, and on one of ten
/// thousand missions a couple per frame, spreading the work over a few frames after an edit.
const FIX_WORK_PER_FRAME: usize = 20_000;

impl Planning {
    /// Forgets what was made for another generation or day. Called once per frame before the
    /// panels, which also clears last frame's hover.
    pub fn begin_frame(&mut self, generation: u64, today: NaiveDate) {
        self.hovered = None;
        self.fix_work_left = FIX_WORK_PER_FRAME;
        if self.made_for != Some((generation, today)) {
            self.fixes.clear();
            self.whole = None;
            self.made_for = Some((generation, today));
        }
    }

    /// Takes in the successors the drag under way pushes.
    pub fn set_pushed(&mut self, pushed: Vec<(usize, NaiveDate, NaiveDate)>) {
        self.pushed_days = day_numbers(&pushed);
        self.pushed = pushed;
    }

    /// The successors the drag pushed, now that it ends (or is abandoned).
    pub fn take_pushed(&mut self) -> Vec<(usize, NaiveDate, NaiveDate)> {
        self.pushed_days.clear();
        std::mem::take(&mut self.pushed)
    }

    /// The dates previewed on the chart: a hovered fix, else Resolve all's while it is hovered
    /// or open, else the successors a drag pushes; as day numbers by position.
    pub fn proposed(&self) -> &BTreeMap<usize, (i32, i32)> {
        let fix = |k| self.fixes.get(&k).and_then(Option::as_ref);
        let whole = self
            .whole
            .as_ref()
            .filter(|_| self.resolving_all || self.hovered == Some(Hovered::Whole));
        match self.hovered {
            Some(Hovered::Fix(k)) => fix(k).map_or(&self.pushed_days, |p| &p.days),
            _ => whole.map_or(&self.pushed_days, |p| &p.days),
        }
    }

    /// Resolve all at the top of the Conflicts tab: a button that previews the whole schedule
    /// while hovered and lists its moves with their reasons when clicked, to apply as one step.
    pub fn resolve_all_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        today: NaiveDate,
    ) -> Option<PlanAction> {
        if !self.resolving_all {
            let button = ui.button("Resolve all…").on_hover_text(
                "Move every mission that may move (not flown, cancelled or fixed) to its \
                 earliest date that meets its dependencies, launch windows, resources and \
                 agency limits. Hover to preview; click to see each move and why.",
            );
            if button.hovered() && !document.in_gesture() {
                self.whole_proposal(document, today);
                self.hovered = Some(Hovered::Whole);
            }
            self.resolving_all = button.clicked();
            return None;
        }
        let whole = self.whole_proposal(document, today);
        let mut action = None;
        let mut open = true;
        ui.group(|ui| {
            ui.strong(match whole.lines.len() {
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
                    for line in &whole.lines {
                        ui.label(line);
                    }
                    for reason in &whole.unfixable {
                        ui.label(RichText::new(format!("Cannot fix: {reason}")).weak());
                    }
                });
            ui.horizontal(|ui| {
                let apply = ui.add_enabled(!whole.lines.is_empty(), egui::Button::new("Apply all"));
                if apply
                    .on_hover_text("Make every move above, as one step that Undo takes back")
                    .clicked()
                {
                    action = Some(whole.apply(document.keys()));
                    open = false;
                }
                if ui.button("Close").clicked() {
                    open = false;
                }
            });
        });
        self.resolving_all = open;
        action
    }

    /// Resolve all's proposal, made once per change.
    fn whole_proposal(&mut self, document: &Document, today: NaiveDate) -> &Proposal {
        self.whole.get_or_insert_with(|| {
            let roadmap = document.roadmap();
            Proposal::whole(roadmap, &schedule(roadmap, Some(today)))
        })
    }

    /// Under conflict `k`'s message: its quick fix (previewed while hovered), or why there is
    /// none, and Accept…; for an accepted conflict, its reason and Reopen.
    pub fn conflict_tools(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        derived: &Derived,
        (k, conflict): (usize, &Conflict),
        accepted_as: Option<usize>,
    ) -> Option<PlanAction> {
        if let Some(a) = accepted_as {
            return accepted_tools(ui, document.roadmap(), a);
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
        // Worked out once per change, for rows in view, a few per frame, and not during a
        // drag, when nothing is for the panel.
        let in_view = ui.is_rect_visible(egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
        ));
        if !self.fixes.contains_key(&k) && in_view && !document.in_gesture() {
            let roadmap = document.roadmap();
            // One fix a frame at least, however large the roadmap.
            let work = roadmap.missions.len().min(FIX_WORK_PER_FRAME);
            if self.fix_work_left >= work {
                self.fix_work_left -= work;
                let fix = derived.quick_fix(roadmap, conflict);
                self.fixes
                    .insert(k, fix.map(|fix| Proposal::fix(roadmap, &fix)));
            } else {
                ui.ctx().request_repaint();
            }
        }
        let fix = self.fixes.get(&k).and_then(Option::as_ref);
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            match fix {
                Some(fix) if !fix.lines.is_empty() => {
                    let button = ui
                        .small_button(&fix.offer)
                        .on_hover_text(fix.lines.join("\n"));
                    if button.hovered() {
                        self.hovered = Some(Hovered::Fix(k));
                    }
                    if button.clicked() {
                        action = Some(fix.apply(document.keys()));
                    }
                }
                Some(fix) => {
                    if let Some(reason) = fix.unfixable.first() {
                        ui.weak(format!("No fix by moving missions later: {reason}"));
                    }
                }
                None => {}
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

/// Under an accepted conflict: its reason, and Reopen.
fn accepted_tools(ui: &mut Ui, roadmap: &Roadmap, a: usize) -> Option<PlanAction> {
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
    action
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
fn with_keys(keys: &MissionKeys, dates: &[(usize, NaiveDate, NaiveDate)]) -> NewDates {
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
