//! What hovering a bar, or dragging one, says about its mission.

use egui::{Color32, Ui};

use super::input::Dates;
use crate::edit::MissionKey;
use crate::render::severity_color;
use crate::ui::session::Session;
use crate::ui::words::{float_text, outlook_lines};

/// The mission under the pointer: its dates and status, lead and contributors, conflicts,
/// float and outlook.
pub fn mission_tooltip(ui: &mut Ui, session: &Session, key: MissionKey) {
    let Some(mission) = session.mission(key) else {
        return;
    };
    ui.strong(&mission.name);
    let lead = (session.roadmap().agency(&mission.lead))
        .map_or(mission.lead.as_str(), |a| a.name.as_str());
    ui.label(format!(
        "{} → {} · {}",
        mission.start,
        mission.end,
        mission.status_on(session.today())
    ));
    ui.label(format!("Led by {lead}"));
    for contribution in &mission.contributors {
        ui.label(format!("+ {} — {}", contribution.agency, contribution.role));
    }
    for conflict in session.conflicts_of(key) {
        ui.colored_label(severity_color(conflict.severity), &conflict.message);
    }
    if let Some(float) = session.float_of(key) {
        ui.weak(float_text(&float));
    }
    if let Some((outlook, runs)) = session.outlook_of(key) {
        for line in outlook_lines(outlook, runs) {
            ui.weak(line);
        }
    }
}

/// The dates a drag is giving the grabbed mission, and how many more move with it.
pub fn dates_tooltip(ui: &mut Ui, session: &Session, dates: &Dates) {
    let Some(&(key, start, end)) = dates.first() else {
        return;
    };
    let name = session.mission(key).map_or("", |m| m.name.as_str());
    ui.strong(name);
    ui.label(format!(
        "{start} → {end} ({} days)",
        (end - start).num_days() + 1
    ));
    if dates.len() > 1 {
        ui.colored_label(
            Color32::GRAY,
            format!("and {} more missions", dates.len() - 1),
        );
    }
}
