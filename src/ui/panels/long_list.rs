//! A list of clickable rows that stays fast however long it grows: up to a few hundred rows
//! each is shown whole; beyond, each is one line and only the lines in view are built (a roadmap
//! of thousands of missions can have a thousand conflicts or changes).

use egui::{Response, Ui};

/// Up to this many rows, each is shown whole (wrapped); beyond, one line each.
const WRAPPED_ROWS: usize = 200;

/// Shows `count` rows in a scroll area of their own (`salt`), drawn by `row(ui, k, height)`:
/// `height` is `None` for a whole row, else the height of its one line. Returns the row clicked.
pub fn long_list(
    ui: &mut Ui,
    salt: &str,
    count: usize,
    mut row: impl FnMut(&mut Ui, usize, Option<f32>) -> Response,
) -> Option<usize> {
    let mut clicked = None;
    let scroll = egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink(false);
    if count <= WRAPPED_ROWS {
        scroll.show(ui, |ui| {
            for k in 0..count {
                if row(ui, k, None).clicked() {
                    clicked = Some(k);
                }
            }
        });
    } else {
        let height = ui.text_style_height(&egui::TextStyle::Button) + 2.0 * 2.0;
        scroll.show_rows(ui, height, count, |ui, rows| {
            for k in rows {
                if row(ui, k, Some(height)).clicked() {
                    clicked = Some(k);
                }
            }
        });
    }
    clicked
}
