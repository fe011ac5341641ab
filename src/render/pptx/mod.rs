//! Scene → PowerPoint: a 16:9 deck of native, editable shapes drawn from the same Scene (and
//! the same anatomy of a bar) as the window and the SVG, with speaker notes naming the sources,
//! and the roadmap itself carried in the deck, so that the deck alone is enough to come back
//! ([`read_deck`]).
//!
//! The roadmap travels in a custom XML part related from the presentation, which PowerPoint
//! and other tools that rewrite a package keep. Beside the roadmap it records where each
//! mission's shape was put and the slide's scale, so that a shape moved or resized in
//! PowerPoint reads back as new dates.

mod package;
mod read;
mod slide;
mod xml;

pub use read::{DateChange, DeckError, DeckRead, read_deck};

use crate::format;
use crate::layout::Scene;
use crate::model::Roadmap;
use crate::render::svg::Heading;
use package::{notes_slide, package};
use slide::{SlideScale, notes_paragraphs, slide_xml};

/// Whether `path` names a PowerPoint deck (by its extension).
pub fn is_deck_path(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("pptx"))
}

/// One slide of a deck: a snapshot's scene, laid out `days_per_pixel` days to a pixel, and
/// its heading.
pub struct DeckSlide {
    pub scene: Scene,
    pub heading: Heading,
    pub days_per_pixel: f64,
}

/// The deck of `slides`, snapshots of `roadmap`.
pub fn deck(slides: &[DeckSlide], roadmap: &Roadmap) -> Result<Vec<u8>, String> {
    let mut part = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<deck xmlns=\"{}\">",
        read::DECK_NAMESPACE
    );
    let mut pages = Vec::with_capacity(slides.len());
    for slide in slides {
        let scale = SlideScale::fitting(&slide.scene);
        let (xml, places) = slide_xml(&slide.scene, roadmap, &slide.heading, scale);
        let shown: Vec<usize> = places.iter().map(|(k, _)| *k).collect();
        pages.push((xml, notes_slide(&notes_paragraphs(roadmap, &shown))));
        part.push_str(&format!(
            "<slide emuPerPixel=\"{}\" daysPerPixel=\"{}\">",
            scale.emu_per_pixel, slide.days_per_pixel
        ));
        for (k, place) in &places {
            if let Some(mission) = roadmap.missions.get(*k) {
                part.push_str(&format!(
                    "<shape mission=\"{}\" x=\"{}\" cx=\"{}\"/>",
                    xml::escape(mission.id.as_str()),
                    place.x,
                    place.cx
                ));
            }
        }
        part.push_str("</slide>");
    }
    // The roadmap's file as the window saves it; "]]>" cannot stand inside CDATA.
    let json = format::to_json(roadmap).replace("]]>", "]]]]><![CDATA[>");
    part.push_str(&format!("<roadmap><![CDATA[{json}]]></roadmap></deck>"));
    let title = slides.first().map_or("", |s| s.heading.title.as_str());
    package(&pages, &part, title)
}
