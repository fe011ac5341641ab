//! The windows the app opens over the chart: errors, the unsaved-changes guard, the offer to
//! restore autosaved work, the file prompt, the import report, agency removal, the shortcuts.

use std::path::PathBuf;

use egui::{Button, Key, RichText, Ui};

use super::autosave::Recovered;
use super::pickers::FilePurpose;
use crate::format;
use crate::model::plural;
use crate::model::{AgencyId, Roadmap};
use crate::render::ERROR_COLOR;
use crate::ui::commands::Command;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New,
    Open(Option<PathBuf>),
    /// Open imported missions as a new roadmap.
    NewFromTable(Box<Roadmap>),
    Quit,
}

/// What the app asks or tells in a window of its own.
pub enum Dialog {
    /// Something went wrong; the roadmap is as it was.
    Error { title: String, message: String },
    /// Save, discard or keep editing before `then`.
    UnsavedChanges { then: Then },
    /// Work left unsaved by an earlier run.
    Restore(Box<Recovered>),
    /// Our own file prompt where native dialogs cannot be shown.
    Path { purpose: FilePurpose, text: String },
    /// The list of keyboard shortcuts.
    Shortcuts,
    /// Every command, narrowed as the user types.
    Palette(crate::ui::palette::Palette),
    /// Removing an agency that missions still name.
    RemoveAgency {
        index: usize,
        id: AgencyId,
        led: Vec<String>,
        helped: Vec<String>,
    },
    /// What a CSV table holds, before anything is imported.
    ImportTable {
        file: String,
        table: Box<format::MissionTable>,
    },
    /// The name of a view to save, and whether presenting it keeps missions in place.
    SaveView { name: String, locked: bool },
}

/// What the user answered in a dialog.
pub enum DialogChoice {
    Close,
    Save(Then),
    Discard(Then),
    Restore,
    DiscardRecovered,
    File(FilePurpose, PathBuf),
    Import { merge: bool },
    RemoveAgency { index: usize, id: AgencyId },
    SaveView { name: String, locked: bool },
    Run(crate::ui::commands::Command),
}

/// Draws a dialog; returns the user's answer once given.
pub fn dialog_contents(ui: &mut Ui, dialog: &mut Dialog) -> Option<DialogChoice> {
    let mut choice = None;
    match dialog {
        Dialog::Error { title, message } => {
            ui.heading(title.as_str());
            ui.label(RichText::new(message.as_str()).color(ERROR_COLOR));
            ui.label("The roadmap that was open is unchanged.");
            if ui.button("OK").clicked() {
                choice = Some(DialogChoice::Close);
            }
        }
        Dialog::UnsavedChanges { then } => {
            ui.heading("Save changes?");
            ui.label("The roadmap has changes that are not saved.");
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(DialogChoice::Save(then.clone()));
                }
                if ui.button("Discard").clicked() {
                    choice = Some(DialogChoice::Discard(then.clone()));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(DialogChoice::Close);
                }
            });
        }
        Dialog::Restore(recovered) => {
            ui.heading("Restore unsaved work?");
            let origin = recovered
                .origin
                .as_ref()
                .map_or("a new roadmap".to_owned(), |p| p.display().to_string());
            ui.label(format!(
                "GER Planner did not close normally last time. Unsaved changes to {origin} ({}) were kept.",
                plural(recovered.roadmap.missions.len(), "mission")
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(DialogChoice::Restore);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(DialogChoice::DiscardRecovered);
                }
            });
        }
        Dialog::SaveView { name, locked } => {
            ui.heading("Save view");
            ui.label("The time range, lanes and filters shown, saved in the roadmap under a name; presenting (F5) steps through the saved views.");
            let field = ui.add(
                egui::TextEdit::singleline(name)
                    .hint_text("e.g. Lunar 2024–2032")
                    .desired_width(400.0),
            );
            if ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            ui.checkbox(
                locked,
                "Locked: missions cannot be dragged while presenting it",
            );
            let entered = (field.has_focus() || field.lost_focus())
                && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                let named = !name.trim().is_empty();
                if ui.add_enabled(named, Button::new("Save")).clicked() || (entered && named) {
                    choice = Some(DialogChoice::SaveView {
                        name: name.trim().to_owned(),
                        locked: *locked,
                    });
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(DialogChoice::Close);
                }
            });
        }
        Dialog::Path { purpose, text } => {
            ui.heading(purpose.title());
            let label = ui.label("Path of the file:").id;
            let field = ui
                .add(egui::TextEdit::singleline(text).desired_width(480.0))
                .labelled_by(label);
            if ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            let entered = (field.has_focus() || field.lost_focus())
                && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(purpose.action()).clicked() || entered {
                    choice = Some(DialogChoice::File(*purpose, PathBuf::from(text.trim())));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(DialogChoice::Close);
                }
            });
        }
        Dialog::ImportTable { file, table } => choice = import_report(ui, file, table),
        Dialog::RemoveAgency {
            index,
            id,
            led,
            helped,
        } => {
            ui.heading(format!("Remove {id}?"));
            ui.label("Missions still name this agency:");
            for (what, names) in [("Leads", &*led), ("Contributes to", &*helped)] {
                if !names.is_empty() {
                    ui.label(format!("{what}: {}", names.join(", ")));
                }
            }
            ui.label("Removed, these become unknown-reference conflicts until fixed.");
            ui.horizontal(|ui| {
                if ui.button("Remove anyway").clicked() {
                    choice = Some(DialogChoice::RemoveAgency {
                        index: *index,
                        id: id.clone(),
                    });
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(DialogChoice::Close);
                }
            });
        }
        Dialog::Palette(palette) => {
            choice = crate::ui::palette::palette_ui(ui, palette).map(|run| match run {
                Some(command) => DialogChoice::Run(command),
                None => DialogChoice::Close,
            });
        }
        Dialog::Shortcuts => {
            shortcuts_help(ui);
            if ui.button("Close").clicked() {
                choice = Some(DialogChoice::Close);
            }
        }
    }
    choice
}

/// What a table holds and what cannot be read, with the choice of how to import it.
fn import_report(ui: &mut Ui, file: &str, table: &format::MissionTable) -> Option<DialogChoice> {
    ui.heading("Import mission table");
    ui.label(format!(
        "{file}: {} can be imported.",
        plural(table.missions.len(), "mission")
    ));
    if !table.problems.is_empty() {
        ui.label(
            RichText::new(format!(
                "{} cannot be read and will be left out:",
                plural(table.problems.len(), "row")
            ))
            .color(ERROR_COLOR),
        );
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                for problem in &table.problems {
                    ui.label(problem.to_string());
                }
            });
    }
    let mut choice = None;
    let any = !table.missions.is_empty();
    ui.horizontal(|ui| {
        let merge = ui
            .add_enabled(any, Button::new("Merge into this roadmap"))
            .on_hover_text(
                "Missions with an id already here replace them; the others are added. Undoable.",
            );
        if merge.clicked() {
            choice = Some(DialogChoice::Import { merge: true });
        }
        let new = ui
            .add_enabled(any, Button::new("Open as a new roadmap"))
            .on_hover_text(
                "A new roadmap with these missions, and this roadmap's agencies, lanes, phases and resources.",
            );
        if new.clicked() {
            choice = Some(DialogChoice::Import { merge: false });
        }
        if ui.button("Cancel").clicked() {
            choice = Some(DialogChoice::Close);
        }
    });
    choice
}

fn shortcuts_help(ui: &mut Ui) {
    ui.heading("Keyboard shortcuts");
    // Scrolled within most of the window's height: the list is longer than a small window
    // (or a large text size) has room for.
    let room = ui.ctx().content_rect().height() * 0.7;
    egui::ScrollArea::vertical()
        .max_height(room)
        .show(ui, |ui| {
            // Nothing in the list takes the keyboard: the arrows and Page keys scroll it.
            let line = ui.text_style_height(&egui::TextStyle::Body) * 2.0;
            let delta = ui.input(|i| {
                let pressed = |key| f32::from(u8::from(i.key_pressed(key)));
                (pressed(Key::ArrowUp) - pressed(Key::ArrowDown)) * line
                    + (pressed(Key::PageUp) - pressed(Key::PageDown)) * room * 0.8
            });
            if delta != 0.0 {
                ui.scroll_with_delta(egui::vec2(0.0, delta));
            }
            shortcuts_grid(ui);
        });
}

fn shortcuts_grid(ui: &mut Ui) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for command in Command::ALL {
            let keys: Vec<String> = command
                .shortcuts()
                .iter()
                .map(|s| ui.ctx().format_shortcut(s))
                .collect();
            if !keys.is_empty() {
                ui.label(command.label());
                ui.label(keys.join(", "));
                ui.end_row();
            }
        }
        for (what, how) in [
            ("Zoom about the pointer", "Ctrl + wheel, or pinch"),
            ("Pan", "Wheel, or drag empty space"),
            ("Fit whole roadmap", "Double-click empty space"),
            ("Move a mission", "Drag its bar"),
            ("Change start or end", "Drag the bar's edge"),
            ("Drag without snapping", "Hold Alt"),
            ("Add to the selection", "Ctrl or Shift + click"),
            (
                "Move the focus ring between missions (chart focused)",
                "← → ↑ ↓, Home, End",
            ),
            (
                "Focus ring to the lane before or after",
                "Page Up, Page Down",
            ),
            (
                "Select the mission in the ring",
                "Space or Enter (Ctrl adds)",
            ),
            ("Context menu of the mission in the ring", "Shift+F10"),
            ("Move the selection one snap unit", "Alt + ← →"),
            ("Move the selection's end", "Alt + Shift + ← →"),
            ("Back to the chart", "Esc"),
            ("Abandon a drag", "Esc"),
        ] {
            ui.label(what);
            ui.label(how);
            ui.end_row();
        }
    });
}
