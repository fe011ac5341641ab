//! DrawingML shapes as XML text: rectangles, diamonds, paths, lines, text boxes and
//! connectors, placed in EMU, each with an id unique on its slide.

use egui::Color32;

pub(crate) use crate::render::svg::escape;

/// A shape's place on the slide, in EMU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub x: i64,
    pub y: i64,
    pub cx: i64,
    pub cy: i64,
}

/// How a shape is filled.
pub enum Fill {
    None,
    Solid(Color32),
    /// Diagonal hatching in the colour, over nothing.
    Hatch(Color32),
    /// The colour fading out to the right.
    Fade(Color32),
}

/// How a shape is outlined: none, or a width (EMU), a colour and whether it is dashed.
pub type Line = Option<(i64, Color32, bool)>;

/// `<a:srgbClr>` of a colour, with its transparency (egui's colours are premultiplied).
pub fn colour(color: Color32) -> String {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    if a == 255 {
        format!("<a:srgbClr val=\"{r:02X}{g:02X}{b:02X}\"/>")
    } else {
        let alpha = u32::from(a) * 100_000 / 255;
        format!("<a:srgbClr val=\"{r:02X}{g:02X}{b:02X}\"><a:alpha val=\"{alpha}\"/></a:srgbClr>")
    }
}

fn fill_xml(fill: &Fill) -> String {
    match fill {
        Fill::None => "<a:noFill/>".to_owned(),
        Fill::Solid(color) => format!("<a:solidFill>{}</a:solidFill>", colour(*color)),
        Fill::Hatch(color) => format!(
            "<a:pattFill prst=\"wdUpDiag\"><a:fgClr>{}</a:fgClr><a:bgClr>{}</a:bgClr></a:pattFill>",
            colour(*color),
            colour(Color32::TRANSPARENT)
        ),
        Fill::Fade(color) => format!(
            "<a:gradFill rotWithShape=\"1\"><a:gsLst><a:gs pos=\"0\">{}</a:gs><a:gs pos=\"100000\">{}</a:gs>\
             </a:gsLst><a:lin ang=\"0\" scaled=\"0\"/></a:gradFill>",
            colour(*color),
            colour(Color32::TRANSPARENT)
        ),
    }
}

fn line_xml(line: Line, arrow: bool) -> String {
    match line {
        None => "<a:ln><a:noFill/></a:ln>".to_owned(),
        Some((width, color, dashed)) => format!(
            "<a:ln w=\"{width}\"><a:solidFill>{}</a:solidFill>{}{}</a:ln>",
            colour(color),
            if dashed {
                "<a:prstDash val=\"dash\"/>"
            } else {
                ""
            },
            if arrow {
                "<a:tailEnd type=\"triangle\" w=\"med\" len=\"med\"/>"
            } else {
                ""
            }
        ),
    }
}

fn xfrm(place: Place, flip: (bool, bool)) -> String {
    let flips = match flip {
        (false, false) => "",
        (true, false) => " flipH=\"1\"",
        (false, true) => " flipV=\"1\"",
        (true, true) => " flipH=\"1\" flipV=\"1\"",
    };
    format!(
        "<a:xfrm{flips}><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
        place.x,
        place.y,
        place.cx.max(1),
        place.cy.max(1)
    )
}

/// The shape's non-visual part: id, name and alternative text.
fn names(id: u32, name: &str, alt: &str) -> String {
    let descr = if alt.is_empty() {
        String::new()
    } else {
        format!(" descr=\"{}\"", escape(alt))
    };
    format!("<p:cNvPr id=\"{id}\" name=\"{}\"{descr}/>", escape(name))
}

/// A preset shape (`rect`, `diamond`, `ellipse`, `roundRect`).
pub fn preset(
    (id, name, alt): (u32, &str, &str),
    geometry: &str,
    place: Place,
    fill: &Fill,
    line: Line,
) -> String {
    format!(
        "<p:sp><p:nvSpPr>{}<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"{geometry}\">\
         <a:avLst/></a:prstGeom>{}{}</p:spPr></p:sp>",
        names(id, name, alt),
        xfrm(place, (false, false)),
        fill_xml(fill),
        line_xml(line, false)
    )
}

/// A free shape through `points` (EMU, on the slide): closed and filled, or open and stroked.
pub fn path(id: u32, points: &[(i64, i64)], closed: bool, fill: &Fill, line: Line) -> String {
    let (left, top) = (
        points.iter().map(|p| p.0).min().unwrap_or(0),
        points.iter().map(|p| p.1).min().unwrap_or(0),
    );
    let (right, bottom) = (
        points.iter().map(|p| p.0).max().unwrap_or(0),
        points.iter().map(|p| p.1).max().unwrap_or(0),
    );
    let (w, h) = ((right - left).max(1), (bottom - top).max(1));
    let mut commands = String::new();
    for (k, (x, y)) in points.iter().enumerate() {
        let verb = if k == 0 { "moveTo" } else { "lnTo" };
        commands.push_str(&format!(
            "<a:{verb}><a:pt x=\"{}\" y=\"{}\"/></a:{verb}>",
            x - left,
            y - top
        ));
    }
    if closed {
        commands.push_str("<a:close/>");
    }
    let place = Place {
        x: left,
        y: top,
        cx: w,
        cy: h,
    };
    format!(
        "<p:sp><p:nvSpPr>{}<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:custGeom><a:avLst/><a:gdLst/>\
         <a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/><a:pathLst><a:path w=\"{w}\" h=\"{h}\">\
         {commands}</a:path></a:pathLst></a:custGeom>{}{}</p:spPr></p:sp>",
        names(id, "mark", ""),
        xfrm(place, (false, false)),
        fill_xml(fill),
        line_xml(line, false)
    )
}

/// A text box at `place` with one line of `text`, `size` points high, in `color`; `bold` for
/// titles.
pub fn text_box(
    (id, name): (u32, &str),
    place: Place,
    text: &str,
    (size, color, bold): (f32, Color32, bool),
) -> String {
    let size = (size * 100.0).round().max(100.0) as i64;
    let bold = if bold { " b=\"1\"" } else { "" };
    format!(
        "<p:sp><p:nvSpPr>{}<p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\">\
         <a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" \
         rIns=\"0\" bIns=\"0\" anchor=\"ctr\"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r>\
         <a:rPr lang=\"en-GB\" sz=\"{size}\"{bold} dirty=\"0\"><a:solidFill>{}</a:solidFill>\
         <a:latin typeface=\"Arial\"/><a:cs typeface=\"Arial\"/></a:rPr><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
        names(id, name, ""),
        xfrm(place, (false, false)),
        colour(color),
        escape(text)
    )
}

/// A connector from shape `from` (its right side) to shape `to` (its left side), between the
/// points `start` and `end`: it follows both shapes when they are moved in PowerPoint.
pub fn connector(
    (id, name): (u32, &str),
    (from, to): (u32, u32),
    (start, end): ((i64, i64), (i64, i64)),
    (width, color): (i64, Color32),
) -> String {
    let place = Place {
        x: start.0.min(end.0),
        y: start.1.min(end.1),
        cx: (end.0 - start.0).abs(),
        cy: (end.1 - start.1).abs(),
    };
    let flip = (end.0 < start.0, end.1 < start.1);
    format!(
        "<p:cxnSp><p:nvCxnSpPr>{}<p:cNvCxnSpPr><a:stCxn id=\"{from}\" idx=\"3\"/><a:endCxn id=\"{to}\" idx=\"1\"/>\
         </p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>{}<a:prstGeom prst=\"bentConnector3\"><a:avLst/>\
         </a:prstGeom>{}</p:spPr></p:cxnSp>",
        names(id, name, ""),
        xfrm(place, flip),
        line_xml(Some((width, color, false)), true)
    )
}
