//! The Updates tab: the agencies' updates being integrated, each with its changes grouped by
//! mission (base value → new value, Accept or Reject), Accept all and Reject all per update,
//! each conflict between updates with a choice of the value kept, the conflicts applying would
//! create, and Apply (one undo step) or Cancel.

use egui::{RichText, Ui};
use serde_json::Value;

use crate::merge::Change;
use crate::model::{MissionId, Roadmap, at_most, plural};
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

/// The most characters a change's row shows of each value; the tooltip has them whole.
const LONGEST_VALUE: usize = 70;

/// One change: where, from what to what, and Accept or Reject.
fn change_row(ui: &mut Ui, k: usize, change: &Change, accepted: bool) -> Option<IntegrateAction> {
    let mut action = None;
    let short = change_in_words(change, LONGEST_VALUE);
    let whole = change_in_words(change, usize::MAX);
    ui.horizontal_wrapped(|ui| {
        for (text, accept) in [("Accept", true), ("Reject", false)] {
            let button = ui.selectable_label(accepted == accept, text);
            // A screen reader hears which change the button is for, not just "Accept".
            let spoken = format!("{text} {}: {short}", mission_or_entry(change));
            button.widget_info(|| {
                let kind = egui::accesskit::Role::Button;
                egui::WidgetInfo::selected(kind, true, accepted == accept, &spoken)
            });
            if button.clicked() && accepted != accept {
                action = Some(IntegrateAction::Accept {
                    change: k,
                    accepted: accept,
                });
            }
        }
        if short == whole {
            ui.label(whole);
        } else {
            ui.label(short).on_hover_text(whole);
        }
    });
    action
}

/// The entry a change is in, for its buttons' spoken names: the mission's id, or the entry.
fn mission_or_entry(change: &Change) -> String {
    change
        .mission()
        .map_or_else(|| change.entry(), str::to_owned)
}

/// A change as a person reads it, each value shortened to `longest` characters: `start:
/// 2028-04-01 → 2028-09-01`, `added: Artemis X (2031-01-01 to 2031-02-01)`, `removed`.
fn change_in_words(change: &Change, longest: usize) -> String {
    let field = change.field().replace('/', " · ");
    let value = |value: Option<&Value>| at_most(in_words(value), longest);
    match (&change.base, &change.value, field.is_empty()) {
        (None, Some(added), true) => format!("added: {}", value(Some(added))),
        (Some(_), None, true) => "removed".to_owned(),
        _ => {
            let field = if field.is_empty() {
                "whole entry".to_owned()
            } else {
                field
            };
            let (base, new) = (change.base.as_ref(), change.value.as_ref());
            format!("{field}: {} → {}", value(base), value(new))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::Step;

    fn change(field: &str, base: Option<Value>, value: Option<Value>) -> Change {
        let mut path = vec![
            Step::Field("missions".to_owned()),
            Step::Entry {
                key: "id".to_owned(),
                value: "hera".to_owned(),
            },
        ];
        path.extend((!field.is_empty()).then(|| Step::Field(field.to_owned())));
        Change {
            path,
            base,
            value,
            sides: vec![0],
        }
    }

    #[test]
    fn a_change_shows_both_values_each_shortened() {
        let long = |word: &str| Value::from(format!("{word} {}", "x".repeat(200)));
        let notes = change("notes", Some(long("old")), Some(long("new")));
        let short = change_in_words(&notes, 20);
        assert!(short.starts_with("notes: old x"), "{short}");
        assert!(
            short.contains("… → new x") && short.ends_with('…'),
            "{short}"
        );
        assert_eq!(
            short.chars().count(),
            "notes: ".len() + 20 + " → ".chars().count() + 20
        );
        let dates = change(
            "start",
            Some("2028-04-01".into()),
            Some("2028-09-01".into()),
        );
        assert_eq!(
            change_in_words(&dates, 20),
            "start: 2028-04-01 → 2028-09-01"
        );
        let mission =
            serde_json::json!({"name": "Hera", "start": "2024-10-07", "end": "2027-01-01"});
        assert_eq!(
            change_in_words(&change("", None, Some(mission)), 70),
            "added: Hera (2024-10-07 to 2027-01-01)"
        );
        assert_eq!(
            change_in_words(&change("", Some(Value::Null), None), 70),
            "removed"
        );
    }
}
