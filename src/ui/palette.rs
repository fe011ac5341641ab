//! The command palette (Ctrl+Shift+P): every command of the one command list with its
//! shortcut, narrowed as you type; ↑ and ↓ choose, Enter runs the chosen one, Esc closes.

use egui::{Key, RichText, TextEdit, Ui};

use super::commands::Command;

/// What the palette holds between frames: the text typed and the command chosen in the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    /// Words typed, matched against the commands' names.
    pub filter: String,
    /// Which of the matching commands is chosen.
    pub chosen: usize,
}

/// The commands whose name holds every word of `filter`, in the command list's order.
pub fn matching(filter: &str) -> Vec<Command> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    (Command::ALL.into_iter())
        .filter(|&c| c != Command::CommandPalette)
        .filter(|c| {
            let name = c.label().to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}

/// Shows the palette; the command to run once one is chosen, or `Some(None)` to close.
pub fn palette_ui(ui: &mut Ui, palette: &mut Palette) -> Option<Option<Command>> {
    let label = ui.heading("Commands").id;
    let field = ui
        .add(
            TextEdit::singleline(&mut palette.filter)
                .hint_text("type to narrow the list")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    if !field.has_focus() {
        field.request_focus();
    }
    let commands = matching(&palette.filter);
    let (down, up, enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    if down {
        palette.chosen += 1;
    }
    if up {
        palette.chosen = palette.chosen.saturating_sub(1);
    }
    palette.chosen = palette.chosen.min(commands.len().saturating_sub(1));
    let mut run = None;
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for (k, &command) in commands.iter().enumerate() {
                let keys: Vec<String> = (command.shortcuts().iter())
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                let text = match keys.as_slice() {
                    [] => command.label().to_owned(),
                    _ => format!("{}    {}", command.label(), keys.join(", ")),
                };
                let row = ui.selectable_label(k == palette.chosen, text);
                if k == palette.chosen {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    run = Some(command);
                }
            }
            if commands.is_empty() {
                ui.label(RichText::new("No command has those words").weak());
            }
        });
    if enter {
        run = run.or_else(|| commands.get(palette.chosen).copied());
    }
    if let Some(command) = run {
        return Some(Some(command));
    }
    (escape || ui.button("Close").clicked()).then_some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_narrows_the_list_to_the_commands_holding_every_word() {
        assert_eq!(matching("zoom in"), [Command::ZoomIn]);
        assert_eq!(
            matching("SAVE"),
            [
                Command::SaveAs,
                Command::Save,
                Command::ExportDeckViews,
                Command::SaveView
            ]
        );
        assert!(matching("").len() >= 25, "empty: every command");
        assert!(matching("nothing like this").is_empty());
    }
}
