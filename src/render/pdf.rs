//! A snapshot as an accessible PDF: the chart as vector graphics with alt text, then every
//! mission shown as a table of real text; titled, in English, and tagged so that a screen reader
//! reads the alt text and the table in order.
//!
//! svg2pdf turns each page (the chart, and the table's pages written as SVG) into a PDF form;
//! pdf-writer puts the forms on pages and adds what svg2pdf alone does not write: the title,
//! the language and the structure tree that carries the alt text.

use std::collections::HashMap;

use pdf_writer::types::StructRole;
use pdf_writer::writers::StructTreeRoot;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::shown::{COLUMNS, shown_missions, table_row};
use super::svg::escape;
use crate::layout::Scene;
use crate::model::Roadmap;

/// What a PDF says in words besides its picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfText {
    /// The document's title, shown by viewers in place of the file name.
    pub title: String,
    /// The chart's alternative text, read in place of the picture.
    pub alt: String,
    /// One row per mission shown, in the chart's order.
    pub rows: Vec<[String; 6]>,
}

/// Where each of the table's columns starts on the page (pixels).
const COLUMN_X: [f32; 6] = [0.0, 520.0, 700.0, 800.0, 900.0, 1000.0];
/// The table's pages: width and height in pixels (at 96 an inch), margin and row height.
const TABLE_PAGE: (f32, f32) = (1240.0, 877.0);
const MARGIN: f32 = 40.0;
const ROW: f32 = 18.0;

/// The words of a snapshot of `roadmap` whose chart is `scene`, titled `title` and read as
/// `subtitle`: the missions of its bars (each once, where a mission shows in several lanes).
pub fn pdf_text(roadmap: &Roadmap, scene: &Scene, title: &str, subtitle: &str) -> PdfText {
    let rows: Vec<[String; 6]> = (shown_missions(scene).into_iter())
        .filter_map(|k| roadmap.missions.get(k))
        .map(|m| table_row(roadmap, m))
        .collect();
    let conflicted = (scene.bars.iter())
        .filter(|bar| !bar.contribution && bar.conflict.is_some())
        .count();
    let alt = format!(
        "Timeline chart of {title}: {} missions in {} lanes ({subtitle}); {} of them marked \
         with a conflict. Every mission shown is listed in the table after the chart.",
        rows.len(),
        scene.lanes.len(),
        conflicted
    );
    PdfText {
        title: title.to_owned(),
        alt,
        rows,
    }
}

/// The table's pages as SVG, as many as its rows need.
fn table_pages(text: &PdfText) -> Vec<String> {
    let per_page = ((TABLE_PAGE.1 - 2.0 * MARGIN) / ROW) as usize - 2;
    let chunks: Vec<&[[String; 6]]> = text.rows.chunks(per_page.max(1)).collect();
    let count = chunks.len();
    (chunks.into_iter().enumerate())
        .map(|(k, rows)| {
            let heading = format!("Missions shown (page {} of {count})", k + 1);
            table_page(&heading, rows)
        })
        .collect()
}

fn table_page(heading: &str, rows: &[[String; 6]]) -> String {
    let (width, height) = TABLE_PAGE;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         font-family=\"Ubuntu\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         <text x=\"{MARGIN}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
        MARGIN,
        escape(heading)
    );
    let header = COLUMNS.map(str::to_owned);
    for (k, cells) in std::iter::once(&header).chain(rows).enumerate() {
        let y = MARGIN + ROW * (k as f32 + 2.0);
        let weight = if k == 0 { " font-weight=\"bold\"" } else { "" };
        for (x, cell) in COLUMN_X.iter().zip(cells) {
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{y}\"{weight}>{}</text>\n",
                MARGIN + x,
                escape(cell)
            ));
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// The PDF of a chart already read as `chart`, with the words of `text`; `parse` reads an SVG
/// page with the snapshot's fonts.
pub fn write_pdf(
    chart: &usvg::Tree,
    text: &PdfText,
    parse: impl Fn(&str) -> Result<usvg::Tree, String>,
) -> Result<Vec<u8>, String> {
    let tables = table_pages(text)
        .iter()
        .map(|svg| parse(svg))
        .collect::<Result<Vec<_>, _>>()?;
    let pages: Vec<&usvg::Tree> = std::iter::once(chart).chain(&tables).collect();

    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let (catalog, page_tree, info, root, document) = (alloc(), alloc(), alloc(), alloc(), alloc());
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut elements = Vec::new();
    for (index, tree) in pages.iter().enumerate() {
        let (chunk, form) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
            .map_err(|err| err.to_string())?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(&mut alloc));
        let form = renumbered
            .get(&form)
            .copied()
            .ok_or("the page was not drawn")?;
        let (page, content, element, parents) = (alloc(), alloc(), alloc(), alloc());
        let key = i32::try_from(index).map_err(|err| err.to_string())?;
        // The chart is a figure with its alt text; a table page a section of text.
        let (role, tag) = if index == 0 {
            (StructRole::Figure, Name(b"Figure"))
        } else {
            (StructRole::Sect, Name(b"Sect"))
        };
        write_page(&mut pdf, tree, (page, page_tree, content, form), (tag, key));
        pdf.extend(&chunk);
        let mut tag = pdf.struct_element(element);
        tag.kind(role).parent(document).page(page);
        if index == 0 {
            tag.alt(TextStr(&text.alt));
        }
        tag.children().marked_content_id(0);
        tag.finish();
        pdf.indirect(parents).array().item(element);
        page_refs.push(page);
        elements.push((element, parents));
    }

    let count = i32::try_from(pages.len()).map_err(|err| err.to_string())?;
    pdf.pages(page_tree)
        .kids(page_refs.iter().copied())
        .count(count);
    let mut tree_root = pdf.indirect(root).start::<StructTreeRoot>();
    tree_root.child(document);
    let mut parent_tree = tree_root.parent_tree();
    let mut numbers = parent_tree.nums();
    for (key, (_, parents)) in (0..).zip(&elements) {
        numbers.insert(key, *parents);
    }
    numbers.finish();
    parent_tree.finish();
    tree_root.parent_tree_next_key(count);
    tree_root.finish();
    let mut whole = pdf.struct_element(document);
    whole.kind(StructRole::Document).parent(root);
    whole
        .children()
        .items(elements.iter().map(|(element, _)| *element));
    whole.finish();

    let mut catalog_dict = pdf.catalog(catalog);
    catalog_dict.pages(page_tree);
    catalog_dict.pair(Name(b"StructTreeRoot"), root);
    catalog_dict.lang(TextStr("en"));
    catalog_dict.mark_info().marked(true);
    catalog_dict.viewer_preferences().display_doc_title(true);
    catalog_dict.finish();
    pdf.document_info(info)
        .title(TextStr(&text.title))
        .producer(TextStr("GER Planner"));
    Ok(pdf.finish())
}

/// A page the size of `tree` (at 96 pixels an inch) showing `form`, tagged `tag` as marked
/// content 0 of the structure parents `key`.
fn write_page(
    pdf: &mut Pdf,
    tree: &usvg::Tree,
    (page, parent, content, form): (Ref, Ref, Ref, Ref),
    (tag, key): (Name<'static>, i32),
) {
    let scale = 72.0 / 96.0;
    let (width, height) = (tree.size().width() * scale, tree.size().height() * scale);
    let name = Name(b"Page");
    let mut stream = Content::new();
    stream
        .begin_marked_content_with_properties(tag)
        .properties()
        .identify(0);
    // The form is one point square: scaled to the page.
    stream.save_state();
    stream.transform([width, 0.0, 0.0, height, 0.0, 0.0]);
    stream.x_object(name);
    stream.restore_state();
    stream.end_marked_content();
    pdf.stream(content, &stream.finish());
    let mut writer = pdf.page(page);
    writer
        .parent(parent)
        .media_box(Rect::new(0.0, 0.0, width, height))
        .contents(content)
        .struct_parents(key);
    writer.resources().x_objects().pair(name, form);
    writer.finish();
}
