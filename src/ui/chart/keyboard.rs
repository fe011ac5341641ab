//! The chart from the keyboard (DESIGN §4 "Keyboard"): while the chart has the keyboard's
//! focus, the arrow keys, Home, End, Page Up and Page Down move a focus ring from mission to
//! mission, Space or Enter selects the one in it (Ctrl adds), and Shift+F10 opens its context
//! menu. The ring is drawn over the picture, where the keyboard user looks.

use egui::{Key, Modifiers, Rect, Stroke, StrokeKind, Ui};

use crate::layout::Step;

/// What a key pressed on the focused chart asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKey {
    /// Move the focus ring.
    Move(Step),
    /// Select the mission in the ring (`add`: Ctrl held, toggle it in the selection).
    Select {
        /// Ctrl was held.
        add: bool,
    },
    /// Open the context menu of the mission in the ring.
    ContextMenu,
}

/// The keys pressed this frame that the focused chart acts on, taken from the input so that
/// nothing else acts on them too.
pub fn chart_keys(ui: &Ui) -> Vec<ChartKey> {
    const MOVES: [(Key, Step); 8] = [
        (Key::ArrowLeft, Step::Previous),
        (Key::ArrowRight, Step::Next),
        (Key::ArrowUp, Step::Up),
        (Key::ArrowDown, Step::Down),
        (Key::Home, Step::RowStart),
        (Key::End, Step::RowEnd),
        (Key::PageUp, Step::LaneBefore),
        (Key::PageDown, Step::LaneAfter),
    ];
    ui.input_mut(|input| {
        let mut keys = Vec::new();
        if input.modifiers.alt {
            // Alt+arrows move the selection (see `nudge`): egui would match them to the plain
            // keys, which ignore Alt.
            return keys;
        }
        for (key, step) in MOVES {
            while input.consume_key(Modifiers::NONE, key) {
                keys.push(ChartKey::Move(step));
            }
        }
        for key in [Key::Space, Key::Enter] {
            if input.consume_key(Modifiers::NONE, key) {
                keys.push(ChartKey::Select { add: false });
            }
            if input.consume_key(Modifiers::COMMAND, key) {
                keys.push(ChartKey::Select { add: true });
            }
        }
        if input.consume_key(Modifiers::SHIFT, Key::F10) {
            keys.push(ChartKey::ContextMenu);
        }
        keys
    })
}

/// The arrow keys belong to the chart while it has the keyboard: egui would otherwise move
/// the focus to the next widget with them.
pub fn keep_arrow_keys(ui: &Ui, canvas: egui::Id) {
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            canvas,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                tab: false,
                escape: false,
            },
        );
    });
}

/// The focus ring around a bar at `rect` on screen: the theme's text colour, which contrasts
/// most with the chart (at least 3:1, a test checks), outside the selection's ring.
pub fn paint_focus_ring(ui: &Ui, rect: Rect, color: egui::Color32) {
    ui.painter().rect_stroke(
        rect.expand(9.0),
        3.0,
        Stroke::new(2.0, color),
        StrokeKind::Outside,
    );
}
