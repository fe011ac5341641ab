//! Fonts: egui's own typeface first, then DejaVu Sans for the characters it lacks (names such as
//! Kamoʻoalewa, the ⚠ of uncertain facts), so no mission name is drawn as empty boxes. (egui's
//! monochrome emoji fonts, a feature of the crate, draw the pictographs its own widgets use, such
//! as the 📋 copy buttons of the colour picker.)

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
