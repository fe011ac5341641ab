//! Snapshots: a view of the roadmap laid out for a page and written as SVG, rendered on the CPU
//! to PNG (resvg) or to a vector PDF (svg2pdf). The window and the command line both come here,
//! so the same view gives the same picture.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use resvg::{tiny_skia, usvg};

use super::colors::Palette;
use super::html::interactive_page;
use super::pdf::{PdfText, pdf_text, write_pdf};
use super::pptx;
use super::svg::{Heading, chart_width, scene_to_svg};
use crate::analysis::Outlook;
use crate::layout::{self, Arrangement, GroupBy, LayoutInput, Scene, Showing, TimeView};
use crate::model::Roadmap;

/// Width of a snapshot when none is asked for, in pixels.
pub const DEFAULT_WIDTH: u32 = 1920;
/// Widest page laid out: wider PNGs draw the same page at a higher resolution (a 3840-pixel PNG
/// is the 1920 page at twice the pixels), so text stays readable.
const WIDEST_PAGE: f32 = 1920.0;
/// Narrowest and widest snapshots accepted.
pub const WIDTHS: std::ops::RangeInclusive<u32> = 480..=16_000;

/// The file formats of a snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotFormat {
    /// Vector, for the web and for editing.
    Svg,
    /// Pixels, for slides.
    Png,
    /// Vector, one landscape page, for reports.
    Pdf,
}

impl SnapshotFormat {
    /// Every format, as offered in the window.
    pub const ALL: [Self; 3] = [Self::Svg, Self::Png, Self::Pdf];

    /// The format a file name's extension names, in any case.
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }

    /// Its file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }
}

/// Why a snapshot could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The width asked for is outside [`WIDTHS`].
    #[error("a snapshot is {min} to {max} pixels wide, not {0}", min = WIDTHS.start(), max = WIDTHS.end())]
    Width(u32),
    /// The SVG written could not be read back (a bug, not bad input).
    #[error("the snapshot could not be drawn: {0}")]
    Draw(String),
    /// The PDF could not be made.
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    /// The PowerPoint deck could not be made.
    #[error("the deck could not be made: {0}")]
    Deck(String),
}

/// What a snapshot shows: a roadmap, arranged for a view, over a time range.
pub struct SnapshotView<'a> {
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// Its lanes and rows for the view (see [`layout::arrange`]).
    pub arrangement: &'a Arrangement,
    /// The time range shown.
    pub time: TimeView,
    /// Title and subtitle.
    pub heading: Heading,
    /// The day the today line marks and the snapshot is dated.
    pub today: NaiveDate,
    /// The outlook, when it is drawn: tails to each mission's P80 end.
    pub outlook: Option<&'a Outlook>,
}

impl<'a> SnapshotView<'a> {
    /// A view of `roadmap` as `arrangement` lays it out for `showing`, over `time`, headed by
    /// `title` and the day `today`, without the outlook.
    pub fn new(
        roadmap: &'a Roadmap,
        arrangement: &'a Arrangement,
        time: TimeView,
        title: &str,
        showing: &Showing,
        today: NaiveDate,
    ) -> Self {
        Self {
            roadmap,
            arrangement,
            time,
            heading: heading(title, today, &time, showing),
            today,
            outlook: None,
        }
    }

    /// The same view with `outlook`'s tails, when there is one.
    pub fn with_outlook(self, outlook: Option<&'a Outlook>) -> Self {
        Self { outlook, ..self }
    }
}

/// The heading of a snapshot: the title, then the date, the range and what is shown.
fn heading(title: &str, today: NaiveDate, time: &TimeView, showing: &Showing) -> Heading {
    let (first, last) = time.days();
    let lanes = match showing.group_by {
        GroupBy::Destination => "by destination",
        GroupBy::Agency => "by agency",
    };
    let mut parts = vec![
        format!("Snapshot of {}", today.format("%-d %B %Y")),
        format!("{} to {}", first.format("%b %Y"), last.format("%b %Y")),
        lanes.to_owned(),
    ];
    let filter = &showing.filter;
    let listed = |what: &str, items: Vec<String>| {
        (!items.is_empty()).then(|| format!("{what}{}", items.join(", ")))
    };
    parts.extend(listed(
        "agencies ",
        filter.agencies.iter().map(|a| a.to_string()).collect(),
    ));
    parts.extend(listed(
        "destinations ",
        filter.destinations.iter().map(|d| d.to_string()).collect(),
    ));
    parts.extend(listed(
        "",
        filter.kinds.iter().map(|k| k.name().to_owned()).collect(),
    ));
    parts.extend(listed(
        "",
        filter
            .statuses
            .iter()
            .map(|s| s.name().to_owned())
            .collect(),
    ));
    let text = filter.text.trim();
    if !text.is_empty() {
        parts.push(format!("“{text}”"));
    }
    Heading {
        title: title.to_owned(),
        subtitle: parts.join(" · "),
    }
}

/// The width of the page a snapshot `width` pixels wide is laid out on, and the scale its
/// pixels are drawn at.
fn page(width: u32) -> (f32, f32) {
    let width = width as f32;
    let page = width.min(WIDEST_PAGE);
    (page, width / page)
}

/// `width`, when a snapshot can be that wide.
fn checked(width: u32) -> Result<u32, SnapshotError> {
    if WIDTHS.contains(&width) {
        Ok(width)
    } else {
        Err(SnapshotError::Width(width))
    }
}

/// The chart of a snapshot `width` pixels wide: every lane, none scrolled away.
pub fn snapshot_scene(view: &SnapshotView, width: u32) -> Scene {
    layout::lay_out(&LayoutInput {
        roadmap: view.roadmap,
        arrangement: view.arrangement,
        time: view.time,
        width: chart_width(page(width).0),
        height: view.arrangement.content_height(),
        scroll_y: 0.0,
        selection: &Default::default(),
        highlight: None,
        today: view.today,
        proposed: &Default::default(),
        driving: &[],
        outlook: view.outlook,
    })
}

/// The snapshot as SVG text.
pub fn snapshot_svg(view: &SnapshotView, width: u32) -> String {
    let scene = snapshot_scene(view, width);
    scene_to_svg(&scene, &snapshot_heading(view), &Palette::light())
}

/// The view's heading; with the outlook, the subtitle says what the tails are of.
pub fn snapshot_heading(view: &SnapshotView) -> Heading {
    let mut heading = view.heading.clone();
    if let Some(outlook) = view.outlook {
        heading.subtitle.push_str(&format!(
            " · outlook of {} runs (seed {}): bars fade out to their P80 end",
            outlook.runs, outlook.seed
        ));
    }
    heading
}

/// The snapshot as an interactive page (see [`super::html`]), laid out for a page `width`
/// pixels wide.
pub fn snapshot_page(view: &SnapshotView, width: u32) -> Result<String, SnapshotError> {
    let scene = snapshot_scene(view, checked(width)?);
    let heading = snapshot_heading(view);
    Ok(interactive_page(view.roadmap, &scene, &heading, view.today))
}

/// What a PDF of the snapshot says in words: its title, the chart's alt text, the table of
/// the missions shown.
pub fn snapshot_text(view: &SnapshotView, width: u32) -> PdfText {
    let scene = snapshot_scene(view, width);
    let heading = &view.heading;
    pdf_text(view.roadmap, &scene, &heading.title, &heading.subtitle)
}

/// The snapshot in `format`, `width` pixels wide (PNG) or laid out for that width (SVG, PDF).
pub fn snapshot(
    view: &SnapshotView,
    format: SnapshotFormat,
    width: u32,
) -> Result<Vec<u8>, SnapshotError> {
    let width = checked(width)?;
    let text = match format {
        SnapshotFormat::Pdf => snapshot_text(view, width),
        SnapshotFormat::Svg | SnapshotFormat::Png => PdfText::default(),
    };
    encode_snapshot(&snapshot_svg(view, width), &text, format, width)
}

/// A snapshot as one slide of a deck, laid out for a page `width` pixels wide.
pub fn deck_slide(view: &SnapshotView, width: u32) -> Result<pptx::DeckSlide, SnapshotError> {
    let width = checked(width)?;
    let scene = snapshot_scene(view, width);
    let days_per_pixel = view.time.days_per_pixel(scene.width);
    Ok(pptx::DeckSlide {
        scene,
        heading: view.heading.clone(),
        days_per_pixel,
    })
}

/// Snapshots of one roadmap as a PowerPoint deck of native shapes, a slide each (see
/// [`super::pptx`]).
pub fn snapshot_deck(views: &[SnapshotView], width: u32) -> Result<Vec<u8>, SnapshotError> {
    let slides = (views.iter())
        .map(|view| deck_slide(view, width))
        .collect::<Result<Vec<_>, _>>()?;
    let roadmap = views.first().map(|view| view.roadmap);
    let roadmap = roadmap.ok_or_else(|| SnapshotError::Deck("no slide".to_owned()))?;
    pptx::deck(&slides, roadmap).map_err(SnapshotError::Deck)
}

/// A snapshot's SVG (see [`snapshot_svg`]) as a file in `format`, a PDF with the words of
/// `text`: the slow part of a snapshot, which the window runs off its UI thread.
pub fn encode_snapshot(
    svg: &str,
    text: &PdfText,
    format: SnapshotFormat,
    width: u32,
) -> Result<Vec<u8>, SnapshotError> {
    let width = checked(width)?;
    match format {
        SnapshotFormat::Svg => Ok(svg.as_bytes().to_vec()),
        SnapshotFormat::Png => rasterize(svg, page(width).1)?
            .encode_png()
            .map_err(|err| SnapshotError::Draw(err.to_string())),
        SnapshotFormat::Pdf => {
            let reading = |svg: &str| parse(svg).map_err(|err| err.to_string());
            write_pdf(&parse(svg)?, text, reading).map_err(SnapshotError::Pdf)
        }
    }
}

/// The snapshot's pixels, `width` wide: `(width, height, RGBA)`, for the clipboard.
pub fn snapshot_pixels(
    view: &SnapshotView,
    width: u32,
) -> Result<(u32, u32, Vec<u8>), SnapshotError> {
    let width = checked(width)?;
    svg_pixels(&snapshot_svg(view, width), width)
}

/// A snapshot's SVG drawn `width` pixels wide: `(width, height, RGBA)`.
pub fn svg_pixels(svg: &str, width: u32) -> Result<(u32, u32, Vec<u8>), SnapshotError> {
    let pixmap = rasterize(svg, page(checked(width)?).1)?;
    let (w, h) = (pixmap.width(), pixmap.height());
    // tiny-skia's pixels are premultiplied; the page's background is opaque, so they are
    // the same as straight RGBA.
    Ok((w, h, pixmap.take()))
}

/// The fonts snapshots draw with: the window's own typeface and its fallback, never the
/// system's, so every machine draws the same picture.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(layout::MAIN_FONT.to_vec());
    fonts.load_font_data(layout::FALLBACK_FONT.to_vec());
    Arc::new(fonts)
});

fn parse(svg: &str) -> Result<usvg::Tree, SnapshotError> {
    let options = usvg::Options {
        font_family: "Ubuntu".to_owned(),
        fontdb: Arc::clone(&FONTS),
        // The SVG writer already puts the characters egui's typeface lacks in the fallback
        // font. usvg's own fallback would redraw a whole text in the fallback font when that
        // has every character, making it wider than layout measured.
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: Box::new(|_, _, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|err| SnapshotError::Draw(err.to_string()))
}

/// SVG text drawn at `scale`.
fn rasterize(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap, SnapshotError> {
    let tree = parse(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| SnapshotError::Draw("the page has no size".to_owned()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| SnapshotError::Draw("the page is too large".to_owned()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
