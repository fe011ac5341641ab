//! The Changes tab: every difference from the baseline compare mode loaded, each a click away
//! from its mission on the chart.

use egui::{RichText, Ui};

use super::long_list::long_list;
use crate::analysis::Difference;
use crate::model::MissionId;
use crate::ui::session::Baseline;

/// The Changes panel: every difference from the baseline; returns the mission clicked.
pub fn changes_panel(ui: &mut Ui, baseline: Option<&Baseline>) -> Option<MissionId> {
    let Some(baseline) = baseline else {
        ui.label(
            "File → Compare with… loads another version of this roadmap (an earlier edition, \
             say) and lists here what changed since: moves, renames, new leads and \
             contributors, new status, added and removed missions.",
        );
        return None;
    };
    let diff = baseline.diff();
    ui.label(format!("Since {}:", baseline.file_name()));
    ui.strong(diff.summary.describe());
    ui.add_space(4.0);
    if diff.is_empty() {
        ui.label("No differences.");
        return None;
    }
    let differences = &diff.differences;
    let clicked = long_list(ui, "changes", differences.len(), |ui, k, height| {
        let described = differences[k].describe();
        let button = egui::Button::selectable(false, RichText::new(&described));
        match height {
            // Shortened to one line: the tooltip has it whole.
            Some(height) => ui
                .add(button.truncate().min_size(egui::vec2(0.0, height)))
                .on_hover_text(format!("{described}\n\n{}", hint(&differences[k]))),
            None => ui.add(button.wrap()).on_hover_text(hint(&differences[k])),
        }
    });
    clicked.map(|k| differences[k].mission().clone())
}

fn hint(difference: &Difference) -> &'static str {
    match difference {
        Difference::Removed { .. } => "Only in the baseline: nothing to show on the chart",
        _ => "Click to select the mission and bring it into view",
    }
}
