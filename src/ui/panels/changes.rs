//! The Changes tab: every difference from the baseline compare mode loaded, each a click away
//! from its mission on the chart.

use egui::{RichText, Ui};

use super::long_list::long_list;
use crate::analysis::Difference;
use crate::model::MissionId;
use crate::ui::session::Baseline;

/// What was asked for in the Changes tab.
pub enum ChangesAction {
    /// Select the mission and bring it into view.
    Show(MissionId),
    /// Give the open roadmap the dates a deck proposes for these missions.
    Take(Vec<MissionId>),
}

/// The Changes panel: every difference from the baseline (or, from a deck, every change it
/// proposes, each with Take).
pub fn changes_panel(ui: &mut Ui, baseline: Option<&Baseline>) -> Option<ChangesAction> {
    let Some(baseline) = baseline else {
        ui.label(
            "File → Compare with… loads another version of this roadmap (an earlier edition, \
             say) and lists here what changed since: moves, renames, new leads and \
             contributors, new status, added and removed missions. Opening a deck exported \
             by GER Planner lists here the bars moved in PowerPoint, to be taken in.",
        );
        return None;
    };
    let diff = baseline.diff();
    let proposes = baseline.proposes();
    let moved: Vec<MissionId> = (diff.differences.iter())
        .filter(|d| matches!(d, Difference::Moved { .. }))
        .map(|d| d.mission().clone())
        .collect();
    let mut action = None;
    if proposes {
        ui.label(format!(
            "Moved in {}, not yet in this roadmap:",
            baseline.file_name()
        ));
        if !moved.is_empty()
            && ui
                .button(format!("Take all {}", moved.len()))
                .on_hover_text("Give every moved mission its dates from the deck: one undo step")
                .clicked()
        {
            action = Some(ChangesAction::Take(moved.clone()));
        }
    } else {
        ui.label(format!("Since {}:", baseline.file_name()));
        ui.strong(diff.summary.describe());
    }
    ui.add_space(4.0);
    if diff.is_empty() {
        ui.label("No differences.");
        return action;
    }
    let differences = &diff.differences;
    let clicked = long_list(ui, "changes", differences.len(), |ui, k, height| {
        let difference = &differences[k];
        if proposes && moved.contains(difference.mission()) {
            ui.horizontal(|ui| {
                let take = ui
                    .small_button("Take")
                    .on_hover_text("Give the open roadmap these dates: one undo step");
                if take.clicked() {
                    action = Some(ChangesAction::Take(vec![difference.mission().clone()]));
                }
                row(ui, baseline, difference, height)
            })
            .inner
        } else {
            row(ui, baseline, difference, height)
        }
    });
    action.or(clicked.map(|k| ChangesAction::Show(differences[k].mission().clone())))
}

/// A difference in words (with the updates it came from, after updates were integrated), as
/// a button that shows its mission.
fn row(
    ui: &mut Ui,
    baseline: &Baseline,
    difference: &Difference,
    height: Option<f32>,
) -> egui::Response {
    let described = match baseline.sources_of(difference.mission()) {
        [] => difference.describe(),
        files => format!("{} — from {}", difference.describe(), files.join(", ")),
    };
    let button = egui::Button::selectable(false, RichText::new(&described));
    match height {
        // Shortened to one line: the tooltip has it whole.
        Some(height) => ui
            .add(button.truncate().min_size(egui::vec2(0.0, height)))
            .on_hover_text(format!("{described}\n\n{}", hint(difference))),
        None => ui.add(button.wrap()).on_hover_text(hint(difference)),
    }
}

fn hint(difference: &Difference) -> &'static str {
    match difference {
        Difference::Removed { .. } => "Only in the baseline: nothing to show on the chart",
        _ => "Click to select the mission and bring it into view",
    }
}
