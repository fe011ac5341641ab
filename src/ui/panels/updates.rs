//! The Updates tab: the agencies' updates being integrated, each with its changes grouped by
//! mission (base value → new value, Accept or Reject), Accept all and Reject all per update,
//! each conflict between updates with a choice of the value kept, the conflicts applying would
//! create, and Apply (one undo step) or Cancel.

use std::collections::HashMap;

use egui::{RichText, Ui};
use serde_json::Value;

use crate::merge::Change;
use crate::model::{MissionId, Roadmap, at_most, plural};
use crate::render::WARNING_COLOR;
use crate::ui::session::{IntegrateAction, Integrating};

/// The Updates tab's state: what it lists, written once for the updates being integrated
/// (a large integration has thousands of changes; only which are accepted changes as you go).
#[derive(Default)]
pub struct UpdatesPanel {
    listing: Option<Listing>,
}

/// Every row the tab shows, in words, for the integration `id`.
struct Listing {
    id: u64,
    conflicts: Vec<ConflictRows>,
    updates: Vec<UpdateRows>,
}

/// A conflict between updates: its title, mission, why, and each value that can be kept.
struct ConflictRows {
    title: String,
    mission: Option<MissionId>,
    why: &'static str,
    /// The version (0 the base) and its value in words.
    versions: Vec<(usize, String)>,
}

/// An update: its header and its changes, grouped by the entry they change.
struct UpdateRows {
    header: String,
    groups: Vec<GroupRows>,
}

/// The changes of one entry (a mission, the roadmap's fields, …).
struct GroupRows {
    title: String,
    mission: Option<MissionId>,
    /// Each change's position, and its words shortened and whole.
    changes: Vec<(usize, String, String)>,
}

impl Listing {
    fn new(integrating: &Integrating, roadmap: &Roadmap) -> Self {
        let integration = integrating.integration();
        let mut names: HashMap<&str, &str> = (roadmap.missions.iter())
            .map(|m| (m.id.as_str(), m.name.as_str()))
            .collect();
        // Missions the updates add are named as they add them.
        for change in integration.changes() {
            let name = change.value.as_ref().and_then(|v| v.get("name")?.as_str());
            if let (Some(id), Some(name)) = (change.mission(), name) {
                names.entry(id).or_insert(name);
            }
        }
        let title = |entry: String, field: &str, mission: Option<&str>| {
            let entry = mission.map_or(entry, |id| names.get(id).unwrap_or(&id).to_string());
            match field {
                "" => entry,
                field => format!("{entry} · {}", field.replace('/', " · ")),
            }
        };
        let files = integrating.files();
        let conflicts = (integration.conflicts().iter())
            .map(|conflict| {
                let base = conflict.value_of(0);
                let mut versions = vec![(0, format!("keep the base: {}", in_words(base)))];
                for (u, file) in files.iter().enumerate() {
                    let value = conflict.value_of(u + 1);
                    if value != base {
                        versions.push((u + 1, format!("{file}: {}", in_words(value))));
                    }
                }
                ConflictRows {
                    title: title(conflict.entry(), &conflict.field(), conflict.mission()),
                    mission: conflict.mission().map(MissionId::from),
                    why: conflict.why_among_updates(),
                    versions,
                }
            })
            .collect();
        let updates = (files.iter().enumerate())
            .map(|(u, file)| {
                let groups: Vec<GroupRows> = (integrating.changes_of(u).into_iter())
                    .map(|(entry, changes)| {
                        let mission = integration.changes()[changes[0]].mission();
                        GroupRows {
                            title: title(entry, "", mission),
                            mission: mission.map(MissionId::from),
                            changes: (changes.into_iter())
                                .map(|k| {
                                    let change = &integration.changes()[k];
                                    let short = change_in_words(change, LONGEST_VALUE);
                                    (k, short, change_in_words(change, usize::MAX))
                                })
                                .collect(),
                        }
                    })
                    .collect();
                let count = plural(groups.iter().map(|g| g.changes.len()).sum(), "change");
                let in_conflict = (integration.conflicts().iter())
                    .filter(|c| c.value_of(u + 1) != c.value_of(0))
                    .count();
                let header = match in_conflict {
                    0 => format!("{file} — {count}"),
                    n => format!("{file} — {count}, {n} in conflict"),
                };
                UpdateRows { header, groups }
            })
            .collect();
        Self {
            id: integrating.id(),
            conflicts,
            updates,
        }
    }
}

impl UpdatesPanel {
    /// The Updates tab. Returns what the user did, and the mission clicked to be shown.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        integrating: &Integrating,
        roadmap: &Roadmap,
    ) -> (Option<IntegrateAction>, Option<MissionId>) {
        if self
            .listing
            .as_ref()
            .is_none_or(|l| l.id != integrating.id())
        {
            self.listing = Some(Listing::new(integrating, roadmap));
        }
        let Some(listing) = &self.listing else {
            return (None, None);
        };
        let mut action = header(ui, integrating);
        let mut focus = None;
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !listing.conflicts.is_empty() {
                    ui.heading("Conflicts between updates");
                }
                for (k, conflict) in listing.conflicts.iter().enumerate() {
                    if entry_button(ui, &conflict.title, conflict.mission.is_some()) {
                        focus.clone_from(&conflict.mission);
                    }
                    ui.label(RichText::new(conflict.why).weak());
                    let chosen = integrating.chosen(k);
                    for (version, text) in &conflict.versions {
                        if ui.radio(chosen == *version, text).clicked() {
                            action = Some(IntegrateAction::Choose {
                                conflict: k,
                                version: *version,
                            });
                        }
                    }
                    ui.separator();
                }
                for (u, update) in listing.updates.iter().enumerate() {
                    egui::CollapsingHeader::new(RichText::new(&update.header).strong())
                        .id_salt(("update", u))
                        .default_open(true)
                        .show(ui, |ui| {
                            action = update_rows(ui, integrating, u, update, &mut focus).or(action);
                        });
                }
            });
        (action, focus)
    }
}

/// What is integrated into what, how much is accepted, what applying would do, Apply and
/// Cancel.
fn header(ui: &mut Ui, integrating: &Integrating) -> Option<IntegrateAction> {
    let mut action = None;
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
    let (accepted, total) = integrating.progress();
    ui.label(format!(
        "{accepted} of {} accepted · {} between updates",
        plural(total, "change"),
        plural(integrating.integration().conflicts().len(), "conflict")
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
    action
}

/// One update's section: its warning, Accept all and Reject all, and its changes by entry.
fn update_rows(
    ui: &mut Ui,
    integrating: &Integrating,
    u: usize,
    update: &UpdateRows,
    focus: &mut Option<MissionId>,
) -> Option<IntegrateAction> {
    let mut action = None;
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
    for group in &update.groups {
        if entry_button(ui, &group.title, group.mission.is_some()) {
            focus.clone_from(&group.mission);
        }
        let about = group
            .mission
            .as_ref()
            .map_or(group.title.as_str(), MissionId::as_str);
        for (k, short, whole) in &group.changes {
            let accepted = integrating.is_accepted(*k);
            action = change_row(ui, (*k, about), [short, whole], accepted).or(action);
        }
    }
    action
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

/// One change: Accept or Reject (each named for a screen reader after the change, `k` of
/// the entry `about`), and its words shortened (the tooltip has them whole).
fn change_row(
    ui: &mut Ui,
    (k, about): (usize, &str),
    [short, whole]: [&String; 2],
    accepted: bool,
) -> Option<IntegrateAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (text, accept) in [("Accept", true), ("Reject", false)] {
            let button = ui.selectable_label(accepted == accept, text);
            // A screen reader hears which change the button is for, not just "Accept".
            button.widget_info(|| {
                let kind = egui::accesskit::Role::Button;
                let spoken = format!("{text} {about}: {short}");
                egui::WidgetInfo::selected(kind, true, accepted == accept, spoken)
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
