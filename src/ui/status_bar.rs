//! The status bar: the file and whether it is modified, the missions and conflicts, the
//! selection, compare mode, work under way, the last notice, and the zoom.

use egui::Ui;

use super::action::Action;
use super::app::GerApp;
use crate::analysis::count_by_severity;
use crate::layout;
use crate::model::plural;
use crate::render::{ERROR_COLOR, SLIP_COLOR, WARNING_COLOR};

impl GerApp {
    pub(super) fn status_bar(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            // Accepted conflicts are known facts, not counted.
            let review = &self.derived.review;
            let (errors, warnings) = count_by_severity(
                (self.derived.conflicts().iter().enumerate())
                    .filter(|(k, _)| !review.is_accepted(*k))
                    .map(|(_, c)| c),
            );
            ui.label(format!(
                "{}{}",
                self.open.file_name(),
                if self.open.document.is_modified() {
                    " (modified)"
                } else {
                    ""
                }
            ));
            ui.separator();
            let count = plural(self.open.document.roadmap().missions.len(), "mission");
            match self.derived.arrangement.hidden {
                0 => ui.label(count),
                hidden => ui.label(format!("{count}, {hidden} hidden")),
            };
            ui.separator();
            count_label(ui, errors, "error", ERROR_COLOR);
            count_label(ui, warnings, "warning", WARNING_COLOR);
            let selected = self.open.document.selection().len();
            if selected > 0 {
                ui.separator();
                ui.label(format!("{selected} selected"));
            }
            if let Some((picked, total)) = self.merge_progress() {
                ui.separator();
                ui.colored_label(
                    SLIP_COLOR,
                    format!("resolving a merge: {picked} of {total} conflicts picked"),
                )
                .on_hover_text("The Merge tab lists them; saving finishes the merge");
            } else if let Some(baseline) = &self.baseline {
                ui.separator();
                ui.colored_label(
                    SLIP_COLOR,
                    format!("comparing with {}", baseline.file_name()),
                );
            }
            if let Some((done, runs)) = self.outlook.progress() {
                ui.separator();
                ui.add(
                    egui::ProgressBar::new(done as f32 / runs.max(1) as f32)
                        .desired_width(210.0)
                        .text(format!("Outlook: {done} of {runs} runs")),
                );
                if ui
                    .small_button("Cancel")
                    .on_hover_text("Stop working out the outlook")
                    .clicked()
                {
                    actions.push(Action::CancelOutlook);
                }
            }
            if self.settings.show_outlook && self.outlook.is_cancelled() {
                ui.separator();
                ui.weak("Outlook cancelled");
                if ui
                    .small_button("Run again")
                    .on_hover_text("Work the outlook out for the roadmap as it is")
                    .clicked()
                {
                    actions.push(Action::RunOutlookAgain);
                }
            }
            for work in self.tasks.in_progress() {
                ui.separator();
                ui.spinner();
                ui.label(format!("{work}…"));
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.weak(notice);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let time = self.settings.time;
                let years = time.span / 365.25;
                let span = if years >= 2.0 {
                    format!("{years:.0} years in view")
                } else {
                    format!("{:.0} days in view", time.span)
                };
                ui.weak(format!(
                    "{span} · snap to {}",
                    snap_name(layout::snap_unit(&time))
                ));
            });
        });
    }
}

/// "3 errors", in the severity's colour when there are any.
fn count_label(ui: &mut Ui, count: usize, noun: &str, color: egui::Color32) {
    let color = if count > 0 {
        color
    } else {
        ui.visuals().text_color()
    };
    ui.colored_label(color, plural(count, noun));
}

fn snap_name(unit: layout::CalendarUnit) -> &'static str {
    match unit {
        layout::CalendarUnit::Day | layout::CalendarUnit::Week => "days",
        layout::CalendarUnit::Month | layout::CalendarUnit::Quarter => "months",
        _ => "years",
    }
}
