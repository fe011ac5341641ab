//! The Updates tab: the agencies' updates being integrated, each with its changes grouped by
//! mission (base value → new value, Accept or Reject), Accept all and Reject all per update,
//! each conflict between updates with a choice of the value kept, the conflicts applying would
//! create, and Apply (one undo step) or Cancel.

use egui::{RichText, Ui};
use serde_json::Value;

use crate::merge::Change;
use crate::model::{MissionId, Roadmap, plural};
use crate::render::WARNING_COLOR;
use crate::ui::session::{IntegrateAction, Integrating};

/// The Updates tab. Returns what the user did, and the mission clicked to be shown.
pub fn updates_tab(
    ui: &mut Ui,
    integrating: &Integrating,
    roadmap: &Roadmap,
) -> (Option<IntegrateAction>, Option<MissionId>) {
    let mut action = None;
    let mut focus = None;
    let integration = integrating.integration();
    let (accepted, total) = integrating.progress();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} into {}",
            plural(integrating.files().len(), "update"),
            integrating.base_name()
        ));
        let another = ui.small_button("Use another base…").on_hover_text(
            "The roadmap the copies were made from, when it is not the one open as last saved",
        );
        if another.clicked() {
            action = Some(IntegrateAction::ChooseBase);
        }
    });
    ui.label(format!(
        "{accepted} of {} accepted · {} between updates",
        plural(total, "change"),
        plural(integration.conflicts().len(), "conflict")
    ));
    summary(ui, integrating);
    ui.horizontal(|ui| {
        let apply = ui
            .add_enabled(integrating.preview().is_ok(), egui::Button::new("Apply"))
            .on_hover_text(
                "Give the roadmap the accepted changes and chosen values: one undo step",
            );
        if apply.clicked() {
            action = Some(IntegrateAction::Apply);
        }
        if ui.button("Cancel").on_hover_text("Apply nothing").clicked() {
            action = Some(IntegrateAction::Cancel);
        }
    });
    ui.separator();
    let name_of = |id: &str| mission_name(roadmap, integrating, id);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !integration.conflicts().is_empty() {
                ui.heading("Conflicts between updates");
                for (k, conflict) in integration.conflicts().iter().enumerate() {
                    let place = place(
                        &conflict.entry(),
                        &conflict.field(),
                        conflict.mission().map(name_of),
                    );
                    if entry_button(ui, &place, conflict.mission().is_some()) {
                        focus = conflict.mission().map(MissionId::from);
                    }
                    ui.label(RichText::new(conflict.why_among_updates()).weak());
                    let chosen = integrating.chosen(k);
                    let mut versions = vec![(
                        0,
                        format!("keep the base: {}", in_words(conflict.value_of(0))),
                    )];
                    for (u, file) in integrating.files().iter().enumerate() {
                        let value = conflict.value_of(u + 1);
                        if value != conflict.value_of(0) {
                            versions.push((u + 1, format!("{file}: {}", in_words(value))));
                        }
                    }
                    for (version, text) in versions {
                        if ui.radio(chosen == version, text).clicked() {
                            action = Some(IntegrateAction::Choose {
                                conflict: k,
                                version,
                            });
                        }
                    }
                    ui.separator();
                }
            }
            for (u, file) in integrating.files().iter().enumerate() {
                let groups = integrating.changes_of(u);
                let count = groups
                    .iter()
                    .map(|(_, changes)| changes.len())
                    .sum::<usize>();
                let in_conflict = (integration.conflicts().iter())
                    .filter(|c| c.value_of(u + 1) != c.value_of(0))
                    .count();
                let header = match in_conflict {
                    0 => format!("{file} — {}", plural(count, "change")),
                    n => format!("{file} — {}, {n} in conflict", plural(count, "change")),
                };
                egui::CollapsingHeader::new(RichText::new(header).strong())
                    .id_salt(("update", u))
                    .default_open(true)
                    .show(ui, |ui| {
                        if let Some(warning) = integrating.warning(u) {
                            ui.colored_label(
                                WARNING_COLOR,
                                format!("⚠ {warning}: is it a copy of this roadmap?"),
                            );
                        }
                        ui.horizontal(|ui| {
                            for (text, accepted) in [("Accept all", true), ("Reject all", false)] {
                                if ui.button(text).clicked() {
                                    action = Some(IntegrateAction::AcceptAll {
                                        update: u,
                                        accepted,
                                    });
                                }
                            }
                        });
                        for (entry, changes) in groups {
                            let changed = &integration.changes()[changes[0]];
                            let mission = changed.mission();
                            let title = place(&entry, "", mission.map(name_of));
                            if entry_button(ui, &title, mission.is_some()) {
                                focus = mission.map(MissionId::from);
                            }
                            for k in changes {
                                let change = &integration.changes()[k];
                                action = change_row(ui, k, change, integrating.is_accepted(k))
                                    .or(action);
                            }
                        }
                    });
            }
        });
    (action, focus)
}

/// What applying would do besides the changes: the conflicts it would create, or why the
/// roadmap cannot be made.
fn summary(ui: &mut Ui, integrating: &Integrating) {
    if let Err(why) = integrating.preview() {
        ui.colored_label(WARNING_COLOR, format!("Cannot apply: {why}"));
        return;
    }
    let made = integrating.made();
    if made.is_empty() {
        ui.label("Applying creates no new conflict.");
        return;
    }
    ui.colored_label(
        WARNING_COLOR,
        format!("Applying would create {}:", plural(made.len(), "conflict")),
    );
    for conflict in made.iter().take(5) {
        ui.label(format!("• {}", conflict.message));
    }
    if made.len() > 5 {
        ui.label(format!("… and {} more", made.len() - 5));
    }
}

/// The most characters a change's row shows; the tooltip has it whole.
const LONGEST_ROW: usize = 160;

/// One change: where, from what to what, and Accept or Reject.
fn change_row(ui: &mut Ui, k: usize, change: &Change, accepted: bool) -> Option<IntegrateAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (text, accept) in [("Accept", true), ("Reject", false)] {
            let button = ui.selectable_label(accepted == accept, text);
            if button.clicked() && accepted != accept {
                action = Some(IntegrateAction::Accept {
                    change: k,
                    accepted: accept,
                });
            }
        }
        let words = change_in_words(change);
        if words.chars().count() > LONGEST_ROW {
            let short: String = words.chars().take(LONGEST_ROW - 1).collect();
            ui.label(format!("{short}…")).on_hover_text(words);
        } else {
            ui.label(words);
        }
    });
    action
}

/// A change as a person reads it: `start: 2028-04-01 → 2028-09-01`, `added: Artemis X
/// (2031-01-01 to 2031-02-01)`, `removed`.
fn change_in_words(change: &Change) -> String {
    let field = change.field().replace('/', " · ");
    match (&change.base, &change.value, field.is_empty()) {
        (None, Some(value), true) => format!("added: {}", in_words(Some(value))),
        (Some(_), None, true) => "removed".to_owned(),
        _ => {
            let field = if field.is_empty() {
                "whole entry".to_owned()
            } else {
                field
            };
            format!(
                "{field}: {} → {}",
                in_words(change.base.as_ref()),
                in_words(change.value.as_ref())
            )
        }
    }
}

/// A value of the file in words: a text as it is, a mission by its name and dates, an agency's
/// contribution by the agency and its role, a list item by item.
fn in_words(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_owned(),
        Some(Value::String(text)) if text.is_empty() => "(empty)".to_owned(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Bool(yes)) => if *yes { "yes" } else { "no" }.to_owned(),
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::Array(items)) if items.is_empty() => "(none)".to_owned(),
        Some(Value::Array(items)) => (items.iter())
            .map(|item| in_words(Some(item)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(fields)) => {
            let text = |name: &str| fields.get(name).and_then(Value::as_str);
            match (
                text("name"),
                text("start"),
                text("end"),
                text("agency"),
                text("mission"),
            ) {
                (Some(name), Some(start), Some(end), ..) => format!("{name} ({start} to {end})"),
                (Some(name), ..) => name.to_owned(),
                (None, _, _, Some(agency), _) => match text("role") {
                    Some(role) if !role.is_empty() => format!("{agency} ({role})"),
                    _ => agency.to_owned(),
                },
                (None, _, _, None, Some(mission)) => format!("after {mission}"),
                _ => Value::Object(fields.clone()).to_string(),
            }
        }
    }
}

/// `Artemis IV · start`, or the entry and field when it is not a mission.
fn place(entry: &str, field: &str, mission_name: Option<String>) -> String {
    let entry = mission_name.unwrap_or_else(|| entry.to_owned());
    match field {
        "" => entry,
        field => format!("{entry} · {}", field.replace('/', " · ")),
    }
}

/// A mission's name: in the open roadmap, else as an update adds it, else its id.
fn mission_name(roadmap: &Roadmap, integrating: &Integrating, id: &str) -> String {
    let open = roadmap.missions.iter().find(|m| m.id.as_str() == id);
    let added = || {
        (integrating.integration().changes().iter())
            .filter(|c| c.mission() == Some(id))
            .find_map(|c| c.value.as_ref()?.get("name")?.as_str().map(str::to_owned))
    };
    open.map(|m| m.name.clone())
        .or_else(added)
        .unwrap_or_else(|| id.to_owned())
}

/// An entry's title, as a button that shows its mission when it is one.
fn entry_button(ui: &mut Ui, text: &str, mission: bool) -> bool {
    ui.add(egui::Button::selectable(
        false,
        RichText::new(text).strong(),
    ))
    .on_hover_text(if mission {
        "Click to select the mission and bring it into view"
    } else {
        "Not a mission: nothing to show on the chart"
    })
    .clicked()
}
