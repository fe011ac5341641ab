//! The parts every deck has besides its slides: content types, relationships, the slide master
//! and layout, the notes master, the theme, the document properties, and the custom XML part
//! that carries the roadmap; and the ZIP they are packed in.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::xml::escape;

/// The namespaces of PresentationML, DrawingML and relationships, as attributes of a root.
pub const NAMESPACES: &str = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
     xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
/// Relationship types.
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The part of the deck that carries the roadmap.
pub const ROADMAP_PART: &str = "customXml/item1.xml";
/// The relationship type that reaches it from the presentation.
pub const CUSTOM_XML_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
/// The id of the first slide; the others follow. PowerPoint keeps a slide's id when slides
/// are reordered, so it tells which slide of the export a slide is.
pub const FIRST_SLIDE_ID: usize = 256;
/// Slide size, 16:9 (13.333 × 7.5 inches), in EMU.
pub const SLIDE_SIZE: (i64, i64) = (12_192_000, 6_858_000);

/// A part: its path in the package and its text.
pub type Part = (String, String);

/// The deck's package: `slides` (slide XML, and its notes' XML), the roadmap part's text and
/// the deck's title, zipped.
pub fn package(
    slides: &[(String, String)],
    roadmap_part: &str,
    title: &str,
) -> Result<Vec<u8>, String> {
    let mut parts: Vec<Part> = vec![
        ("[Content_Types].xml".into(), content_types(slides.len())),
        ("_rels/.rels".into(), ROOT_RELS.into()),
        ("docProps/core.xml".into(), core(title)),
        ("docProps/app.xml".into(), APP.into()),
        ("ppt/presentation.xml".into(), presentation(slides.len())),
        (
            "ppt/_rels/presentation.xml.rels".into(),
            presentation_rels(slides.len()),
        ),
        ("ppt/slideMasters/slideMaster1.xml".into(), master()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(),
            rels(&[
                ("slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("theme", "../theme/theme1.xml"),
            ]),
        ),
        ("ppt/slideLayouts/slideLayout1.xml".into(), layout()),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".into(),
            rels(&[("slideMaster", "../slideMasters/slideMaster1.xml")]),
        ),
        ("ppt/notesMasters/notesMaster1.xml".into(), notes_master()),
        (
            "ppt/notesMasters/_rels/notesMaster1.xml.rels".into(),
            rels(&[("theme", "../theme/theme2.xml")]),
        ),
        ("ppt/theme/theme1.xml".into(), THEME.into()),
        ("ppt/theme/theme2.xml".into(), THEME.into()),
        (ROADMAP_PART.into(), roadmap_part.into()),
        (
            "customXml/_rels/item1.xml.rels".into(),
            format!(
                "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{REL}/customXmlProps\" Target=\"itemProps1.xml\"/>\
                 </Relationships>"
            ),
        ),
        ("customXml/itemProps1.xml".into(), ITEM_PROPS.into()),
    ];
    for (k, (slide, notes)) in slides.iter().enumerate() {
        let n = k + 1;
        parts.push((format!("ppt/slides/slide{n}.xml"), slide.clone()));
        parts.push((
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            rels(&[
                ("slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("notesSlide", &format!("../notesSlides/notesSlide{n}.xml")),
            ]),
        ));
        parts.push((format!("ppt/notesSlides/notesSlide{n}.xml"), notes.clone()));
        parts.push((
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            rels(&[
                ("notesMaster", "../notesMasters/notesMaster1.xml"),
                ("slide", &format!("../slides/slide{n}.xml")),
            ]),
        ));
    }
    zipped(&parts)
}

fn zipped(parts: &[Part]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (path, text) in parts {
        zip.start_file(path.as_str(), options)
            .map_err(|err| err.to_string())?;
        zip.write_all(text.as_bytes())
            .map_err(|err| err.to_string())?;
    }
    let cursor = zip.finish().map_err(|err| err.to_string())?;
    Ok(cursor.into_inner())
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

fn content_types(slides: usize) -> String {
    let override_of = |part: &str, kind: &str| {
        format!(
            "<Override PartName=\"/{part}\" ContentType=\"application/vnd.openxmlformats-{kind}+xml\"/>"
        )
    };
    let mut out = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    let presentation = "officedocument.presentationml";
    for (part, kind) in [
        (
            "ppt/presentation.xml",
            format!("{presentation}.presentation.main"),
        ),
        (
            "ppt/slideMasters/slideMaster1.xml",
            format!("{presentation}.slideMaster"),
        ),
        (
            "ppt/slideLayouts/slideLayout1.xml",
            format!("{presentation}.slideLayout"),
        ),
        (
            "ppt/notesMasters/notesMaster1.xml",
            format!("{presentation}.notesMaster"),
        ),
        ("ppt/theme/theme1.xml", "officedocument.theme".to_owned()),
        ("ppt/theme/theme2.xml", "officedocument.theme".to_owned()),
        (
            "customXml/itemProps1.xml",
            "officedocument.customXmlProperties".to_owned(),
        ),
        ("docProps/core.xml", "package.core-properties".to_owned()),
        (
            "docProps/app.xml",
            "officedocument.extended-properties".to_owned(),
        ),
    ] {
        out.push_str(&override_of(part, &kind));
    }
    for n in 1..=slides {
        out.push_str(&override_of(
            &format!("ppt/slides/slide{n}.xml"),
            &format!("{presentation}.slide"),
        ));
        out.push_str(&override_of(
            &format!("ppt/notesSlides/notesSlide{n}.xml"),
            &format!("{presentation}.notesSlide"),
        ));
    }
    out.push_str("</Types>");
    out
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"ppt/presentation.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

fn core(title: &str) -> String {
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>en</dc:language>\
         </cp:coreProperties>",
        escape(title)
    )
}

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>GER Planner</Application></Properties>";

const ITEM_PROPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
<ds:datastoreItem ds:itemID=\"{6E1C3A52-4D0B-4C57-9B7A-2F1E0C0D6E24}\" \
xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs/></ds:datastoreItem>";

/// Relationships `rId1`, `rId2`, … of the given types (named after the last part of their
/// type URI) to the given targets.
fn rels(targets: &[(&str, &str)]) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (k, (kind, target)) in targets.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"{REL}/{kind}\" Target=\"{target}\"/>",
            k + 1
        ));
    }
    out.push_str("</Relationships>");
    out
}

fn presentation(slides: usize) -> String {
    let ids: String = (1..=slides)
        .map(|n| {
            let id = FIRST_SLIDE_ID + n - 1;
            format!("<p:sldId id=\"{id}\" r:id=\"rId{}\"/>", 10 + n)
        })
        .collect();
    let (cx, cy) = SLIDE_SIZE;
    format!(
        "{DECLARATION}<p:presentation {NAMESPACES}>\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId3\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst>\
         <p:sldSz cx=\"{cx}\" cy=\"{cy}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         </p:presentation>"
    )
}

fn presentation_rels(slides: usize) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/slideMaster\" Target=\"slideMasters/slideMaster1.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{REL}/theme\" Target=\"theme/theme1.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/notesMaster\" Target=\"notesMasters/notesMaster1.xml\"/>\
         <Relationship Id=\"rId4\" Type=\"{CUSTOM_XML_REL}\" Target=\"../{ROADMAP_PART}\"/>"
    );
    for n in 1..=slides {
        out.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"{REL}/slide\" Target=\"slides/slide{n}.xml\"/>",
            10 + n
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// An empty shape tree, as the masters and the layout have.
const EMPTY_TREE: &str = "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/>\
     </p:nvGrpSpPr><p:grpSpPr/></p:spTree>";
const COLOUR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
     accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" \
     accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

fn master() -> String {
    format!(
        "{DECLARATION}<p:sldMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>\
         </p:bgRef></p:bg>{EMPTY_TREE}</p:cSld>{COLOUR_MAP}\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>"
    )
}

fn layout() -> String {
    format!(
        "{DECLARATION}<p:sldLayout {NAMESPACES} type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\">\
         {EMPTY_TREE}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

fn notes_master() -> String {
    format!(
        "{DECLARATION}<p:notesMaster {NAMESPACES}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/>\
         <p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{}</p:spTree></p:cSld>{COLOUR_MAP}</p:notesMaster>",
        notes_body(2, "")
    )
}

/// The notes page's text placeholder holding `paragraphs` (already XML).
pub fn notes_body(id: u32, paragraphs: &str) -> String {
    let paragraphs = if paragraphs.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>"
    } else {
        paragraphs
    };
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Notes Placeholder\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/>\
         </p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr>\
         <p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
    )
}

/// A notes page holding `paragraphs` (already XML).
pub fn notes_slide(paragraphs: &str) -> String {
    format!(
        "{DECLARATION}<p:notes {NAMESPACES}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/>\
         <p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>",
        notes_body(2, paragraphs)
    )
}

/// The Office theme, reduced to what a theme must hold; the deck's shapes set their own
/// colours and fonts, so it decides nothing they show.
const THEME: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"GER Planner\"><a:themeElements>\
<a:clrScheme name=\"GER Planner\"><a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>\
<a:dk2><a:srgbClr val=\"1F2937\"/></a:dk2><a:lt2><a:srgbClr val=\"F3F4F6\"/></a:lt2>\
<a:accent1><a:srgbClr val=\"1F77B4\"/></a:accent1><a:accent2><a:srgbClr val=\"FF7F0E\"/></a:accent2>\
<a:accent3><a:srgbClr val=\"2CA02C\"/></a:accent3><a:accent4><a:srgbClr val=\"D62728\"/></a:accent4>\
<a:accent5><a:srgbClr val=\"9467BD\"/></a:accent5><a:accent6><a:srgbClr val=\"8C564B\"/></a:accent6>\
<a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink></a:clrScheme>\
<a:fontScheme name=\"GER Planner\"><a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>\
<a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>\
<a:fmtScheme name=\"GER Planner\"><a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst>\
<a:lnStyleLst><a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>\
<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>\
<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln></a:lnStyleLst>\
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>\
<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>";
