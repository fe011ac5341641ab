//! Whether the keys pressed are the window's or a text field's.

/// Whether a text field has the keyboard: its keys (Ctrl+A, Ctrl+Z, Delete, the arrows) are
/// then the text's. Any other widget with the focus (the chart, a button) leaves the window's
/// shortcuts working.
pub fn typing(ctx: &egui::Context) -> bool {
    let focused = ctx.memory(|m| m.focused());
    focused.is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some())
}
