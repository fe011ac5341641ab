//! The status bar: the file and whether it is modified, the missions and conflicts, the
//! selection, compare mode, work under way, the last notice, and the zoom.

use egui::Ui;

use crate::analysis::count_by_severity;
use crate::layout::{self, TimeView};
use crate::model::plural;
use crate::render::{ERROR_COLOR, SLIP_COLOR, WARNING_COLOR};
use crate::ui::action::Action;
use crate::ui::runner::Running;
use crate::ui::session::Session;

/// What the status bar shows besides the session.
pub struct StatusInput<'a, R> {
    /// The name of the file open.
    pub file_name: String,
    /// The work under way in the background.
    pub underway: R,
    /// The outcome of the last export or save.
    pub notice: Option<&'a str>,
    /// What the last edit did: a polite live region, read out by screen readers.
    pub announcement: Option<&'a str>,
    /// The time range in view.
    pub time: TimeView,
}

/// The status bar; returns what was clicked in it.
pub fn status_bar<'a>(
    ui: &mut Ui,
    session: &Session,
    input: StatusInput<'_, impl Iterator<Item = Running<'a>>>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        // Accepted conflicts are known facts, not counted.
        let review = session.review();
        let (errors, warnings) = count_by_severity(
            (session.conflicts().iter().enumerate())
                .filter(|(k, _)| !review.is_accepted(*k))
                .map(|(_, c)| c),
        );
        let modified = session.document().is_modified();
        ui.label(format!(
            "{}{}",
            input.file_name,
            if modified { " (modified)" } else { "" }
        ));
        ui.separator();
        let count = plural(session.roadmap().missions.len(), "mission");
        match session.hidden() {
            0 => ui.label(count),
            hidden => ui.label(format!("{count}, {hidden} hidden")),
        };
        ui.separator();
        count_label(ui, errors, "error", ERROR_COLOR);
        count_label(ui, warnings, "warning", WARNING_COLOR);
        let selected = session.selection().len();
        if selected > 0 {
            ui.separator();
            ui.label(format!("{selected} selected"));
        }
        if let Some(said) = input.announcement {
            ui.separator();
            let label = ui.weak(said);
            ui.ctx().accesskit_node_builder(label.id, |node| {
                node.set_live(egui::accesskit::Live::Polite);
            });
        }
        if let Some((picked, total)) = session.merge().map(|m| m.progress()) {
            ui.separator();
            ui.colored_label(
                SLIP_COLOR,
                format!("resolving a merge: {picked} of {total} conflicts picked"),
            )
            .on_hover_text("The Merge tab lists them; saving finishes the merge");
        } else if let Some(baseline) = session.baseline() {
            ui.separator();
            ui.colored_label(
                SLIP_COLOR,
                format!("comparing with {}", baseline.file_name()),
            );
        }
        for job in input.underway {
            ui.separator();
            match job.steps {
                // Long work with steps: how far it got, and Cancel.
                Some((done, steps)) => {
                    let bar = egui::ProgressBar::new(done as f32 / steps.max(1) as f32)
                        .desired_width(210.0)
                        .text(format!("{}: {done} of {steps} runs", job.what));
                    ui.add(bar);
                    let cancel = ui.small_button("Cancel").on_hover_text("Stop this work");
                    if cancel.clicked() {
                        actions.push(Action::CancelJob(job.id));
                    }
                    // The bar moves while nothing else does.
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                }
                None => {
                    ui.spinner();
                    ui.label(format!("{}…", job.what));
                }
            }
        }
        if session.outlook_cancelled() {
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
        if let Some(notice) = input.notice {
            ui.separator();
            ui.weak(notice);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let time = input.time;
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
    actions
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
