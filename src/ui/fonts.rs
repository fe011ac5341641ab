//! Fonts: egui's own typeface first, then DejaVu Sans for the characters it lacks (names such as
//! Kamoʻoalewa, the ⚠ of uncertain facts), so no mission name is drawn as empty boxes.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// Adds the fallback font to a context; call once, before the first frame.
pub fn install_fonts(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .to_vec();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(crate::layout::FALLBACK_FONT),
        families,
    ));
}
