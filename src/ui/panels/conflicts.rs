//! The Conflicts tab: every conflict, errors first, accepted ones last; a click on one selects
//! its missions and shows them. Each offers its quick fix (previewed on the chart while
//! hovered) and Accept… with a reason; Resolve all on top previews the whole schedule and
//! lists its moves with their reasons. Fixes and Resolve all are worked out in the background
//! when first wanted: a spinner shows meanwhile, and no frame waits for them.

use egui::{RichText, Ui};

use super::long_list::long_list;
use crate::analysis::{Conflict, Severity};
use crate::model::{AcceptedConflict, MissionId, Roadmap, plural};
use crate::render::{Palette, paint_conflict_badge};
use crate::ui::session::{Previewed, Proposal, Session, Worked};

/// What the user did in the Conflicts tab.
#[derive(Clone, Debug, PartialEq)]
pub enum ConflictsAction {
    /// Make the moves of a proposal, as one step.
    Apply(Previewed),
    /// Open or close Resolve all's list of moves.
    ResolveAll(bool),
    /// Accept a conflict with its reason.
    Accept(Box<AcceptedConflict>),
    /// Remove the roadmap's accepted conflict at this position (reopened, or stale).
    Reopen(usize),
}

/// What the tab saw and asks for this frame.
#[derive(Default)]
pub struct ConflictsOutput {
    /// What the user did.
    pub actions: Vec<ConflictsAction>,
    /// The proposal the pointer is on, to preview on the chart.
    pub hovered: Option<Previewed>,
    /// Conflicts (by position) in view whose quick fix is not worked out yet.
    pub wanted: Vec<usize>,
    /// The missions of the conflict clicked, to select and show.
    pub focus: Option<Vec<MissionId>>,
}

/// The tab's state between frames: the conflict being accepted and the reason typed so far.
#[derive(Default)]
pub struct ConflictsPanel {
    accepting: Option<(usize, String)>,
}

impl ConflictsPanel {
    /// Shows the conflicts of `session`.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> ConflictsOutput {
        let mut out = ConflictsOutput::default();
        let hidden = session.hidden();
        if hidden > 0 {
            ui.weak(format!(
                "{} not on the chart (filtered out or cancelled); their conflicts are listed too.",
                plural(hidden, "mission")
            ));
        }
        resolve_all_ui(ui, session, &mut out);
        stale_accepted(ui, session, &mut out);
        let conflicts = session.conflicts();
        if conflicts.is_empty() {
            ui.label(
                "No conflicts: every dependency, resource, launch window and agency limit is met.",
            );
            return out;
        }
        let ordered = session.conflict_order();
        let review = session.review();
        let clicked = long_list(ui, "conflicts", ordered.len(), |ui, row, height| {
            let k = ordered[row];
            let response = conflict_row(ui, &conflicts[k], review.is_accepted(k), height);
            if height.is_none() {
                let accepted_as = review.accepted_by.get(k).copied().flatten();
                self.tools(ui, session, (k, &conflicts[k]), accepted_as, &mut out);
                ui.add_space(4.0);
            }
            response
        });
        if let Some(clicked) = clicked {
            out.focus = Some(conflicts[ordered[clicked]].missions.clone());
        }
        out
    }

    /// Under conflict `k`'s message: its quick fix (previewed while hovered), or why there is
    /// none, and Accept…; for an accepted conflict, its reason and Reopen.
    fn tools(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        (k, conflict): (usize, &Conflict),
        accepted_as: Option<usize>,
        out: &mut ConflictsOutput,
    ) {
        if let Some(a) = accepted_as {
            out.actions.extend(accepted_tools(ui, session.roadmap(), a));
            return;
        }
        if let Some((accepting, reason)) = &mut self.accepting
            && *accepting == k
        {
            let accepted = accept_prompt(ui, conflict, reason);
            // Accepted, or given up with Esc: the row goes back to its tools.
            if accepted.is_some() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.accepting = None;
            }
            out.actions.extend(accepted);
            return;
        }
        let in_view = ui.is_rect_visible(egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
        ));
        ui.horizontal_wrapped(|ui| {
            match session.fix(k) {
                // Worked out for rows in view, and not during a drag (nothing is for the
                // panel then).
                None if in_view && !session.document().in_gesture() => {
                    out.wanted.push(k);
                    ui.spinner();
                }
                None => {}
                Some(Worked::Working) => {
                    ui.spinner().on_hover_text("Working out a fix…");
                }
                Some(Worked::Ready(Some(fix))) if fix.moves_anything() => {
                    let button = ui
                        .small_button(&fix.offer)
                        .on_hover_text(fix.lines.join("\n"));
                    if button.hovered() {
                        out.hovered = Some(Previewed::Fix(k));
                    }
                    if button.clicked() {
                        out.actions.push(ConflictsAction::Apply(Previewed::Fix(k)));
                    }
                }
                Some(Worked::Ready(Some(fix))) => {
                    if let Some(reason) = fix.unfixable.first() {
                        ui.weak(format!("No fix by moving missions later: {reason}"));
                    }
                }
                Some(Worked::Ready(None)) => {}
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
    }
}

/// Resolve all at the top of the tab: a button that previews the whole schedule while hovered
/// and lists its moves with their reasons when clicked, to apply as one step.
fn resolve_all_ui(ui: &mut Ui, session: &Session, out: &mut ConflictsOutput) {
    let whole = session.whole();
    if !session.resolving_all() {
        ui.horizontal(|ui| {
            let button = ui.button("Resolve all…").on_hover_text(
                "Move every mission that may move (not flown, cancelled or fixed) to its \
                 earliest date that meets its dependencies, launch windows, resources and \
                 agency limits. Hover to preview; click to see each move and why.",
            );
            if button.hovered() && !session.document().in_gesture() {
                out.hovered = Some(Previewed::Whole);
                if matches!(whole, None | Some(Worked::Working)) {
                    ui.spinner();
                }
            }
            if button.clicked() {
                out.actions.push(ConflictsAction::ResolveAll(true));
            }
        });
        return;
    }
    if out.hovered.is_none() {
        // The list is open: its moves are drawn, and worked out if they are not yet.
        out.hovered = Some(Previewed::Whole);
    }
    ui.group(|ui| match whole {
        Some(Worked::Ready(whole)) => whole_ui(ui, whole, out),
        _ => {
            ui.horizontal(|ui| {
                // Nothing is worked out while a drag goes on: the roadmap changes every frame.
                if session.document().in_gesture() {
                    ui.weak("Resolve all: worked out again when the drag ends");
                } else {
                    ui.spinner();
                    ui.label("Resolve all: working out the schedule…");
                }
            });
            if ui.button("Close").clicked() {
                out.actions.push(ConflictsAction::ResolveAll(false));
            }
        }
    });
}

/// Resolve all's moves with their reasons, what it cannot fix, Apply all and Close.
fn whole_ui(ui: &mut Ui, whole: &Proposal, out: &mut ConflictsOutput) {
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
        let apply = ui.add_enabled(whole.moves_anything(), egui::Button::new("Apply all"));
        if apply
            .on_hover_text("Make every move above, as one step that Undo takes back")
            .clicked()
        {
            out.actions.push(ConflictsAction::Apply(Previewed::Whole));
        }
        if ui.button("Close").clicked() {
            out.actions.push(ConflictsAction::ResolveAll(false));
        }
    });
}

/// Accepted conflicts that match no conflict any more, each with Remove.
fn stale_accepted(ui: &mut Ui, session: &Session, out: &mut ConflictsOutput) {
    let stale = &session.review().stale;
    if stale.is_empty() {
        return;
    }
    let accepted = &session.roadmap().accepted;
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
                let names: Vec<String> = entry.missions.iter().map(ToString::to_string).collect();
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
                    out.actions.push(ConflictsAction::Reopen(a));
                }
            });
        }
    });
}

/// A conflict in the tab: the badge of its severity (as on the bars) and its message, wrapped, or shortened to one
/// line of `height` (the whole message is in the tooltip either way). An accepted one is
/// muted.
fn conflict_row(
    ui: &mut Ui,
    conflict: &Conflict,
    accepted: bool,
    height: Option<f32>,
) -> egui::Response {
    ui.horizontal_top(|ui| {
        let line = height.unwrap_or_else(|| ui.text_style_height(&egui::TextStyle::Button));
        if let Some(height) = height {
            ui.set_height(height);
        }
        let (badge, _) = ui.allocate_exact_size(egui::vec2(12.0, line), egui::Sense::hover());
        let mut painter = ui.painter().clone();
        if accepted {
            painter.multiply_opacity(0.35);
        }
        let badge = egui::Rect::from_center_size(badge.center(), egui::vec2(10.0, 10.0));
        paint_conflict_badge(
            &painter,
            badge,
            conflict.severity,
            &Palette::of(ui.visuals()),
        );
        let text = RichText::new(&conflict.message);
        let text = if accepted { text.weak() } else { text };
        let button = egui::Button::selectable(false, text);
        let button = if height.is_some() {
            button.truncate()
        } else {
            button.wrap()
        };
        let response = ui.add(button);
        // Screen readers hear the severity the badge shows: "Warning: …".
        let severity = match conflict.severity {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
        };
        let accepted_word = if accepted { " (accepted)" } else { "" };
        let spoken = format!("{severity}{accepted_word}: {}", conflict.message);
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, spoken.as_str()));
        response.on_hover_text(format!(
            "{}\n\n{} ({}{}): click to select and show its missions",
            conflict.message,
            conflict.kind.name(),
            conflict.severity.name(),
            if accepted { ", accepted" } else { "" }
        ))
    })
    .inner
}

/// Under an accepted conflict: its reason, and Reopen.
fn accepted_tools(ui: &mut Ui, roadmap: &Roadmap, a: usize) -> Option<ConflictsAction> {
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
            action = Some(ConflictsAction::Reopen(a));
        }
    });
    action
}

/// The reason field of a conflict being accepted; the accepted conflict once confirmed.
fn accept_prompt(ui: &mut Ui, conflict: &Conflict, reason: &mut String) -> Option<ConflictsAction> {
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
            action = Some(ConflictsAction::Accept(Box::new(
                conflict.accepted_for(reason),
            )));
        }
    });
    action
}
