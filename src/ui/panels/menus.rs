//! The menu bar: File, Edit, View, Present and Help, made from the one list of commands.

use egui::{Button, Ui};

use crate::ui::action::Action;
use crate::ui::commands::Command;
use crate::ui::look::{Look, TextSize, Theme};
use crate::ui::session::Session;
use crate::ui::settings::Settings;

/// The menu bar; returns what was chosen in it.
pub fn menu_bar(ui: &mut Ui, session: &Session, settings: &mut Settings) -> Vec<Action> {
    let mut chosen = Vec::new();
    let actions = &mut chosen;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in [Command::New, Command::Open] {
                command_button(ui, command, None, true, actions);
            }
            ui.menu_button("Open recent", |ui| {
                if settings.recent_files.is_empty() {
                    ui.weak("No recent files");
                }
                for path in settings.recent_files.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenFile(path));
                    }
                }
            });
            ui.separator();
            for command in [Command::Save, Command::SaveAs] {
                command_button(ui, command, None, true, actions);
            }
            ui.separator();
            command_button(ui, Command::CompareWith, None, true, actions);
            let comparing = session.baseline().is_some();
            command_button(ui, Command::StopComparing, None, comparing, actions);
            command_button(ui, Command::IntegrateUpdates, None, true, actions);
            ui.separator();
            for command in [Command::ImportTable, Command::ExportTable] {
                command_button(ui, command, None, true, actions);
            }
            ui.separator();
            for command in [
                Command::ExportSnapshot,
                Command::ExportDeck,
                Command::ExportDeckViews,
                Command::ExportPage,
                Command::CopySnapshot,
            ] {
                command_button(ui, command, None, true, actions);
            }
            ui.separator();
            command_button(ui, Command::Quit, None, true, actions);
        });
        ui.menu_button("Edit", |ui| {
            let document = session.document();
            let undo = document.undo_label().map(|l| format!("Undo {l}"));
            let redo = document.redo_label().map(|l| format!("Redo {l}"));
            command_button(ui, Command::Undo, undo.as_deref(), undo.is_some(), actions);
            command_button(ui, Command::Redo, redo.as_deref(), redo.is_some(), actions);
            ui.separator();
            command_button(ui, Command::SelectAll, None, true, actions);
            command_button(
                ui,
                Command::Delete,
                None,
                !session.selection().is_empty(),
                actions,
            );
        });
        ui.menu_button("View", |ui| {
            for command in [Command::FitAll, Command::ZoomIn, Command::ZoomOut] {
                command_button(ui, command, None, true, actions);
            }
            ui.separator();
            let toggles = [
                (Command::ToggleCancelled, settings.showing.show_cancelled),
                (Command::ToggleAgencyNames, settings.showing.agency_in_names),
                (Command::ToggleLegend, !settings.hide_legend),
                (Command::ToggleOutlook, settings.show_outlook),
                (Command::ToggleSidePanel, !settings.hide_side_panel),
            ];
            for (command, mut on) in toggles {
                if ui.checkbox(&mut on, command.label()).changed() {
                    actions.push(Action::Command(command));
                }
            }
            ui.separator();
            look_menus(ui, &mut settings.look);
        });
        ui.menu_button("Present", |ui| present_menu(ui, session, settings, actions));
        ui.menu_button("Help", |ui| {
            command_button(ui, Command::Shortcuts, None, true, actions)
        });
    });
    chosen
}

/// The theme and the text size, each a choice of a few.
fn look_menus(ui: &mut Ui, look: &mut Look) {
    ui.menu_button("Theme", |ui| {
        for theme in Theme::ALL {
            ui.radio_value(&mut look.theme, theme, theme.label());
        }
    });
    ui.menu_button("Text size", |ui| {
        for percent in TextSize::STEPS {
            ui.radio_value(
                &mut look.text_size,
                TextSize::of(percent),
                format!("{percent} %"),
            );
        }
        ui.weak("Ctrl+Shift+= larger, Ctrl+Shift+- smaller");
    });
}

/// Presenting, and the saved views it steps through.
fn present_menu(
    ui: &mut Ui,
    session: &Session,
    settings: &mut Settings,
    actions: &mut Vec<Action>,
) {
    command_button(ui, Command::Present, None, true, actions);
    ui.checkbox(
        &mut settings.high_contrast_presentation,
        "High-contrast light theme",
    )
    .on_hover_text("Black on white while presenting, for projectors (C toggles it there)");
    ui.separator();
    command_button(ui, Command::SaveView, None, true, actions);
    let names: Vec<String> = session
        .roadmap()
        .views
        .iter()
        .map(|v| v.name.clone())
        .collect();
    if names.is_empty() {
        ui.weak("No saved views yet");
    }
    let mut shown = None;
    for (index, name) in names.iter().enumerate() {
        if ui
            .button(format!("Show “{name}”"))
            .on_hover_text("Its time range, lanes and filters")
            .clicked()
        {
            shown = Some(index);
        }
    }
    actions.extend(shown.map(Action::ShowView));
    if !names.is_empty() {
        ui.menu_button("Delete view", |ui| {
            for (index, name) in names.iter().enumerate() {
                if ui.button(name).clicked() {
                    actions.push(Action::DeleteView(index));
                }
            }
        });
    }
}

fn command_button(
    ui: &mut Ui,
    command: Command,
    label: Option<&str>,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    let mut button = Button::new(label.unwrap_or(command.label()));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(Action::Command(command));
    }
}
