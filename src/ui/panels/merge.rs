//! The Merge tab: each conflict of a merge being resolved, with its base, ours and theirs values
//! and a choice between the sides; a click on one shows its mission.

use egui::{RichText, Ui};

use crate::merge::{MergeConflict, Side};
use crate::model::plural;
use crate::ui::session::{ResolveAction, Resolving};

/// The Merge tab. Returns what the user picked, and the mission clicked to be shown.
pub fn merge_tab(ui: &mut Ui, resolving: &Resolving) -> (Option<ResolveAction>, Option<String>) {
    let mut action = None;
    let mut focus = None;
    let (picked, total) = resolving.progress();
    ui.strong(format!(
        "{} — {picked} picked",
        plural(total, "merge conflict")
    ));
    ui.label(
        "Pick the side to keep for each. Where nothing is picked, the chart shows ours; \
         the ghost bars are the other side. Saving writes the roadmap as picked and \
         finishes the merge.",
    );
    ui.horizontal(|ui| {
        if ui
            .button("Keep all ours")
            .on_hover_text("Our version wherever the sides conflict")
            .clicked()
        {
            action = Some(ResolveAction::PickAll(Side::Ours));
        }
        if ui
            .button("Keep all theirs")
            .on_hover_text("Their version wherever the sides conflict")
            .clicked()
        {
            action = Some(ResolveAction::PickAll(Side::Theirs));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, conflict) in resolving.merge().conflicts().iter().enumerate() {
                let (pick, clicked) = conflict_ui(ui, index, conflict, resolving.picked(index));
                action = action.or(pick);
                if clicked {
                    focus = conflict.mission().map(str::to_owned);
                }
                ui.separator();
            }
        });
    (action, focus)
}

/// One conflict: where, why, the three values, and a choice between ours and theirs.
fn conflict_ui(
    ui: &mut Ui,
    index: usize,
    conflict: &MergeConflict,
    picked: Option<Side>,
) -> (Option<ResolveAction>, bool) {
    let field = conflict.field();
    let place = if field.is_empty() {
        conflict.entry()
    } else {
        format!("{} · {field}", conflict.entry())
    };
    let title = ui
        .add(egui::Button::selectable(
            false,
            RichText::new(place).strong(),
        ))
        .on_hover_text(match conflict.mission() {
            Some(_) => "Click to select the mission and bring it into view",
            None => "Not a mission: nothing to show on the chart",
        });
    ui.label(RichText::new(conflict.why()).weak());
    ui.label(format!("base: {}", conflict.show(Side::Base)));
    let mut action = None;
    for side in [Side::Ours, Side::Theirs] {
        let text = format!("{}: {}", side.name(), conflict.show(side));
        if ui.radio(picked == Some(side), text).clicked() {
            action = Some(ResolveAction::Pick(index, side));
        }
    }
    (action, title.clicked())
}
