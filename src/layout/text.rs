//! Widths of text in the chart's typeface, so labels go where they really fit, in the window
//! and in every export alike. The typeface is egui's own (Ubuntu Light), with DejaVu Sans for
//! the characters it lacks: the fonts the window installs and the exports embed.

use std::sync::LazyLock;

/// Size of bar labels, tick labels and lane names, in pixels.
pub const TEXT_SIZE: f32 = 12.5;
/// Size of phase names and of the today mark.
pub const SMALL_TEXT_SIZE: f32 = 11.0;
/// Height of the box a line of text takes, as a multiple of its size.
pub const LINE_HEIGHT: f32 = 1.2;
/// What a shortened label ends with.
pub const ELLIPSIS: char = '…';

/// egui's proportional typeface.
pub const MAIN_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// For the characters the main typeface lacks (names such as Kamoʻoalewa, the ⚠ of uncertain
/// facts).
pub const FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Advance widths of both typefaces, in em, for the characters of Latin scripts (looked up once)
/// and, for the others, from the fonts themselves.
struct Metrics {
    main: Option<ttf_parser::Face<'static>>,
    fallback: Option<ttf_parser::Face<'static>>,
    common: Vec<f32>,
}

/// Characters below this have their advance kept in a table.
const COMMON_CHARS: u32 = 0x250;
/// Advance of a character neither font has (egui draws a box about this wide).
const MISSING_ADVANCE: f32 = 0.6;

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    // The fonts are compiled in: they parse, and a font that did not would only make
    // every width the estimate for missing characters.
    let main = ttf_parser::Face::parse(MAIN_FONT, 0).ok();
    let fallback = ttf_parser::Face::parse(FALLBACK_FONT, 0).ok();
    let mut metrics = Metrics {
        main,
        fallback,
        common: Vec::new(),
    };
    metrics.common = (0..COMMON_CHARS)
        .map(|c| char::from_u32(c).map_or(MISSING_ADVANCE, |c| metrics.lookup(c)))
        .collect();
    metrics
});

impl Metrics {
    fn lookup(&self, c: char) -> f32 {
        let advance = |face: &ttf_parser::Face| {
            let glyph = face.glyph_index(c)?;
            let units = face.glyph_hor_advance(glyph)?;
            Some(f32::from(units) / f32::from(face.units_per_em()))
        };
        self.main
            .as_ref()
            .and_then(advance)
            .or_else(|| self.fallback.as_ref().and_then(advance))
            .unwrap_or(MISSING_ADVANCE)
    }

    fn advance(&self, c: char) -> f32 {
        self.common
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| self.lookup(c))
    }
}

/// Whether the main typeface draws `c` (else the fallback does).
pub fn in_main_font(c: char) -> bool {
    METRICS
        .main
        .as_ref()
        .is_some_and(|face| face.glyph_index(c).is_some())
}

/// Width of `text` at `size` pixels.
pub fn text_width(text: &str, size: f32) -> f32 {
    let metrics = &*METRICS;
    text.chars().map(|c| metrics.advance(c)).sum::<f32>() * size
}

/// The longest start of `text` that, followed by "…", fits in `room` pixels at `size`; `None`
/// when not even one character does.
pub fn shortened(text: &str, size: f32, room: f32) -> Option<String> {
    let metrics = &*METRICS;
    let mut width = metrics.advance(ELLIPSIS) * size;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        width += metrics.advance(c) * size;
        if width > room {
            break;
        }
        end = at + c.len_utf8();
    }
    let kept = text[..end].trim_end();
    (!kept.is_empty()).then(|| format!("{kept}{ELLIPSIS}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_typeface() {
        let narrow = text_width("iiiiiiiiii", TEXT_SIZE);
        let wide = text_width("WWWWWWWWWW", TEXT_SIZE);
        assert!(narrow > 10.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert_eq!(text_width("", TEXT_SIZE), 0.0);
        // Characters from the fallback font have a width too.
        assert!(text_width("⚠", TEXT_SIZE) > 5.0);
    }

    #[test]
    fn shortened_text_fits_and_ends_with_an_ellipsis() {
        let name = "Mars Sample Return — Earth Return Orbiter";
        let room = 80.0;
        let short = shortened(name, TEXT_SIZE, room);
        let short = short.as_deref().unwrap_or_default();
        assert!(
            short.ends_with(ELLIPSIS) && short.starts_with("Mars"),
            "{short}"
        );
        assert!(text_width(short, TEXT_SIZE) <= room);
        assert_eq!(shortened(name, TEXT_SIZE, 5.0), None);
    }
}
