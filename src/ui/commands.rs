//! Everything the user can ask for from a menu or a key, in one list: menus, shortcuts and the
//! shortcut help are all made from it.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::look::Theme;

/// A user command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start an empty roadmap.
    New,
    /// Open a roadmap file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a file of the user's choice.
    SaveAs,
    /// Load another version of the roadmap to compare with.
    CompareWith,
    /// Leave compare mode.
    StopComparing,
    /// Read missions from a CSV table.
    ImportTable,
    /// Write the missions as a CSV table.
    ExportTable,
    /// Write the chart as it is shown to an SVG, PNG or PDF file.
    ExportSnapshot,
    /// Read the agencies' returned copies and review their changes in the Updates tab.
    IntegrateUpdates,
    /// Write the chart as it is shown to a PowerPoint deck of editable shapes.
    ExportDeck,
    /// The same, with a slide more for each saved view.
    ExportDeckViews,
    /// Write the chart as it is shown to one self-contained interactive HTML page.
    ExportPage,
    /// Put a PNG of the chart as it is shown on the clipboard.
    CopySnapshot,
    /// Full screen, no menus or panels, larger text; steps through the saved views.
    Present,
    /// Keep the time range, lanes and filters shown as a named view of the roadmap.
    SaveView,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Remove the selected missions.
    Delete,
    /// Select every mission shown.
    SelectAll,
    /// Show the whole roadmap.
    FitAll,
    /// Zoom in about the centre.
    ZoomIn,
    /// Zoom out about the centre.
    ZoomOut,
    /// Show or hide cancelled missions.
    ToggleCancelled,
    /// Say each mission's lead agency in its name on the chart, not by colour alone.
    ToggleAgencyNames,
    /// Show or hide the side panel (conflicts, changes, statistics).
    ToggleSidePanel,
    /// Show or hide the chart's legend.
    ToggleLegend,
    /// Show or hide the outlook.
    ToggleOutlook,
    /// List the keyboard shortcuts.
    Shortcuts,
    /// Every command by name, filtered as you type (Ctrl+Shift+P).
    CommandPalette,
    /// Put the keyboard in the search field.
    FocusSearch,
    /// Edit the mission in the focus ring (or the selected one) in the Mission tab.
    EditMission,
    /// Move the keyboard to the next part of the window: toolbar, chart, side panel.
    NextPane,
    /// Use this theme for the window.
    Theme(Theme),
    /// Make everything in the window larger (up to 200 %).
    LargerText,
    /// Make everything in the window smaller (down to 100 %).
    SmallerText,
}

impl Command {
    /// Every command, in the order shortcuts are tried: a shortcut with Shift or Ctrl comes
    /// before the same key with fewer modifiers, which would otherwise take it.
    pub const ALL: [Self; 40] = [
        Self::CommandPalette,
        Self::FocusSearch,
        Self::New,
        Self::Open,
        Self::SaveAs,
        Self::Save,
        Self::CompareWith,
        Self::StopComparing,
        Self::ImportTable,
        Self::ExportTable,
        Self::ExportSnapshot,
        Self::IntegrateUpdates,
        Self::ExportDeck,
        Self::ExportDeckViews,
        Self::ExportPage,
        Self::CopySnapshot,
        Self::Present,
        Self::SaveView,
        Self::Quit,
        Self::Redo,
        Self::Undo,
        Self::Delete,
        Self::SelectAll,
        Self::FitAll,
        Self::LargerText,
        Self::SmallerText,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ToggleCancelled,
        Self::ToggleAgencyNames,
        Self::ToggleSidePanel,
        Self::ToggleLegend,
        Self::ToggleOutlook,
        Self::Theme(Theme::System),
        Self::Theme(Theme::Dark),
        Self::Theme(Theme::Light),
        Self::Theme(Theme::HighContrast),
        Self::Shortcuts,
        Self::EditMission,
        Self::NextPane,
    ];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::CompareWith => "Compare with…",
            Self::StopComparing => "Stop comparing",
            Self::ImportTable => "Import CSV…",
            Self::ExportTable => "Export CSV…",
            Self::ExportSnapshot => "Export snapshot…",
            Self::IntegrateUpdates => "Integrate updates…",
            Self::ExportDeck => "Export PowerPoint deck…",
            Self::ExportDeckViews => "Export PowerPoint deck with every saved view…",
            Self::ExportPage => "Export interactive page…",
            Self::CopySnapshot => "Copy snapshot",
            Self::Present => "Present",
            Self::SaveView => "Save view…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Delete => "Delete selected missions",
            Self::SelectAll => "Select all",
            Self::FitAll => "Fit whole roadmap",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ToggleCancelled => "Show cancelled missions",
            Self::ToggleAgencyNames => "Lead agency in mission names",
            Self::ToggleSidePanel => "Show side panel",
            Self::ToggleLegend => "Show legend",
            Self::ToggleOutlook => "Show outlook",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::CommandPalette => "Command palette…",
            Self::FocusSearch => "Search missions",
            Self::EditMission => "Edit mission",
            Self::NextPane => "Next part of the window",
            Self::Theme(Theme::System) => "Theme: as the system",
            Self::Theme(Theme::Dark) => "Theme: dark",
            Self::Theme(Theme::Light) => "Theme: light",
            Self::Theme(Theme::HighContrast) => "Theme: high contrast",
            Self::LargerText => "Larger text",
            Self::SmallerText => "Smaller text",
        }
    }

    /// Whether its keys work from a text field too: moving around and the palette must never
    /// be out of reach.
    pub fn works_in_text_fields(self) -> bool {
        matches!(self, Self::CommandPalette | Self::NextPane)
    }

    /// The main shortcut, shown in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every key that runs the command.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const fn cmd(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const fn cmd_shift(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
        }
        const fn plain(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::NONE, key)
        }
        match self {
            Self::New => vec![cmd(Key::N)],
            Self::Open => vec![cmd(Key::O)],
            Self::Save => vec![cmd(Key::S)],
            Self::SaveAs => vec![cmd_shift(Key::S)],
            Self::Quit => vec![cmd(Key::Q)],
            Self::ExportSnapshot => vec![cmd(Key::E)],
            Self::CopySnapshot => vec![cmd_shift(Key::C)],
            Self::Present => vec![plain(Key::F5)],
            Self::Undo => vec![cmd(Key::Z)],
            Self::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Self::Delete => vec![plain(Key::Delete), plain(Key::Backspace)],
            Self::SelectAll => vec![cmd(Key::A)],
            Self::FitAll => vec![plain(Key::F)],
            Self::ZoomIn => vec![cmd(Key::Plus), cmd(Key::Equals)],
            Self::ZoomOut => vec![cmd(Key::Minus)],
            Self::ToggleCancelled
            | Self::ToggleAgencyNames
            | Self::ToggleSidePanel
            | Self::ToggleLegend
            | Self::CompareWith
            | Self::StopComparing
            | Self::ImportTable
            | Self::ExportTable
            | Self::SaveView
            | Self::ExportDeck
            | Self::ExportDeckViews
            | Self::ExportPage
            | Self::IntegrateUpdates
            | Self::Theme(_) => vec![],
            Self::LargerText => vec![cmd_shift(Key::Equals), cmd_shift(Key::Plus)],
            Self::SmallerText => vec![cmd_shift(Key::Minus)],
            Self::ToggleOutlook => vec![plain(Key::O)],
            Self::Shortcuts => vec![plain(Key::F1)],
            Self::CommandPalette => vec![cmd_shift(Key::P)],
            Self::FocusSearch => vec![cmd(Key::F)],
            Self::EditMission => vec![plain(Key::F2)],
            Self::NextPane => vec![plain(Key::F6)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two commands on one key would leave one of them unreachable from the keyboard.
    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::ALL {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
        assert!(seen.len() > 20);
    }
}
