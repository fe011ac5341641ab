//! Scene → SVG: the chart as a snapshot page, with a title, the lane names, the time axis and a
//! legend below. It draws what the window's painter draws, from the same [`Scene`] and the same
//! colours, so a snapshot looks like the window.

use std::collections::BTreeSet;
use std::fmt::Write;

use egui::Color32;

use super::anatomy::{
    Frame, HATCH_SPACING, HATCH_WIDTH, Layer, Mark, arrow_marks, bar_marks, ghost_marks,
};
use super::colors::{ERROR_COLOR, PHASE_COLOR, Palette, WINDOW_COLOR, today_color};
use super::legend::{LegendItem, legend};
use crate::layout::{
    self, Band, BandKind, Bar, HEADER_HEIGHT, Label, Point, Rect, SMALL_TEXT_SIZE, Scene,
    TEXT_SIZE, in_main_font, shortened, text_width,
};

/// Space around the page's content.
pub const MARGIN: f32 = 24.0;
/// Width of the column of lane names left of the chart.
pub const GUTTER: f32 = 190.0;
/// Height of the title and subtitle above the chart.
const HEADING_HEIGHT: f32 = 62.0;
/// Size of the title.
const TITLE_SIZE: f32 = 22.0;
/// Families the text asks for: egui's typeface, then the fallback for the characters it lacks.
pub const FONT_FAMILIES: &str = "Ubuntu, 'DejaVu Sans'";

/// What a snapshot says above the chart.
#[derive(Clone, Debug, Default)]
pub struct Heading {
    /// The roadmap's (or the view's) title.
    pub title: String,
    /// The date of the snapshot, the range and what is shown.
    pub subtitle: String,
}

/// Width of the chart on a page `page_width` wide.
pub fn chart_width(page_width: f32) -> f32 {
    (page_width - 2.0 * MARGIN - GUTTER).max(100.0)
}

/// The page as SVG text: heading, lanes, phases, launch windows, axis, arrows, baseline ghosts,
/// bars, milestones, labels, the today mark, and a legend of the agencies shown.
pub fn scene_to_svg(scene: &Scene, heading: &Heading, palette: &Palette) -> String {
    let page = SvgPage {
        heading: Some(heading),
        mission_ids: None,
    };
    svg_page(scene, &page, palette)
}

/// What an SVG page holds besides the chart and its legend.
pub struct SvgPage<'a> {
    /// The title and subtitle above the chart; none leaves their room out, for a page that
    /// shows them itself.
    pub heading: Option<&'a Heading>,
    /// Each mission's id, by its position in the roadmap. With them, each bar and arrow names
    /// its missions (`data-mission`, `data-from`, `data-to`) and each bar takes the keyboard
    /// focus, for a page whose script makes them interactive.
    pub mission_ids: Option<&'a [&'a str]>,
}

/// The page as SVG text (see [`scene_to_svg`]), with what `page` asks for.
pub fn svg_page(scene: &Scene, page: &SvgPage, palette: &Palette) -> String {
    let mut svg = Svg {
        out: String::with_capacity(64 * 1024 + scene.bars.len() * 600),
        palette: *palette,
        hatches: BTreeSet::new(),
        fades: BTreeSet::new(),
        mission_ids: page.mission_ids,
    };
    let width = scene.width + 2.0 * MARGIN + GUTTER;
    let (legend_items, legend_height) = legend(scene, width, MARGIN);
    let heading_height = if page.heading.is_some() {
        HEADING_HEIGHT
    } else {
        0.0
    };
    let chart_top = MARGIN + heading_height;
    let height = chart_top + scene.content_height + legend_height + MARGIN;

    svg.rect(0.0, 0.0, width, height, palette.background, "");
    if let Some(heading) = page.heading {
        svg.heading(heading, width);
    }

    let _ = write!(
        svg.out,
        "<g transform=\"translate({:.1},{chart_top:.1})\">",
        MARGIN + GUTTER
    );
    svg.chart(scene);
    svg.out.push_str("</g>");
    let _ = write!(
        svg.out,
        "<g id=\"legend\" transform=\"translate({MARGIN:.1},{:.1})\">",
        chart_top + scene.content_height + 14.0
    );
    svg.legend(&legend_items);
    svg.out.push_str("</g></svg>\n");

    let defs = svg.defs();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT_FAMILIES}\" \
         shape-rendering=\"crispEdges\">\n{defs}{}",
        svg.out
    )
}

/// The SVG being written, the hatch patterns and fades its bars use, and the ids its bars
/// name (see [`SvgPage::mission_ids`]).
struct Svg<'a> {
    out: String,
    palette: Palette,
    hatches: BTreeSet<[u8; 4]>,
    fades: BTreeSet<[u8; 4]>,
    mission_ids: Option<&'a [&'a str]>,
}

/// `rgba(…)` of a colour (egui's colours are premultiplied; SVG's are not).
fn css(color: Color32) -> String {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    if a == 255 {
        format!("#{r:02X}{g:02X}{b:02X}")
    } else {
        format!("rgba({r},{g},{b},{:.3})", f32::from(a) / 255.0)
    }
}

/// Text made safe for XML: markup escaped, control characters (not allowed in XML) dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The points of a polygon or polyline.
fn points(points: &[Point]) -> String {
    let mut out = String::new();
    for [x, y] in points {
        let _ = write!(out, "{x:.1},{y:.1} ");
    }
    out.pop();
    out
}

impl Svg<'_> {
    /// The title and subtitle, shortened to the page's width.
    fn heading(&mut self, heading: &Heading, width: f32) {
        let room = width - 2.0 * MARGIN;
        let title = fitted(&heading.title, TITLE_SIZE, room);
        let subtitle = fitted(&heading.subtitle, TEXT_SIZE, room);
        let (text, grey) = (self.palette.text, self.palette.text.gamma_multiply(0.75));
        let title_class = "class=\"title\" font-weight=\"bold\"";
        let title_y = MARGIN + 0.8 * TITLE_SIZE;
        self.text(MARGIN, title_y, TITLE_SIZE, text, &title, title_class);
        let subtitle_y = MARGIN + TITLE_SIZE + 22.0;
        let subtitle_class = "class=\"subtitle\"";
        self.text(
            MARGIN,
            subtitle_y,
            TEXT_SIZE,
            grey,
            &subtitle,
            subtitle_class,
        );
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Color32, extra: &str) {
        self.rect_filled_with(x, y, w, h, &css(fill), extra);
    }

    /// A rectangle filled with `paint`: a colour, or a pattern or gradient as `url(#id)`.
    fn rect_filled_with(&mut self, x: f32, y: f32, w: f32, h: f32, paint: &str, extra: &str) {
        let _ = write!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{paint}\" {extra}/>",
            w.max(0.0),
            h.max(0.0),
        );
    }

    /// A rectangle's outline, drawn inside it like the window's frames.
    fn frame(&mut self, r: &Rect, frame: Frame) {
        let Frame {
            width,
            color,
            dashes,
        } = frame;
        let inset = width / 2.0;
        let dash = dashes.map_or(String::new(), |(on, off)| {
            format!(" stroke-dasharray=\"{on} {off}\"")
        });
        let _ = write!(
            self.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" \
             stroke=\"{}\" stroke-width=\"{width}\"{dash}/>",
            r.left + inset,
            r.top + inset,
            (r.width() - width).max(0.0),
            (r.bottom - r.top - width).max(0.0),
            css(color)
        );
    }

    fn line(&mut self, from: Point, to: Point, width: f32, color: Color32) {
        let _ = write!(
            self.out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{width}\"/>",
            from[0],
            from[1],
            to[0],
            to[1],
            css(color)
        );
    }

    fn polygon(&mut self, corners: &[Point], fill: Color32, stroke: Option<(f32, Color32)>) {
        let stroke = stroke.map_or(String::new(), |(width, color)| {
            format!(" stroke=\"{}\" stroke-width=\"{width}\"", css(color))
        });
        let fill = if fill.a() == 0 {
            "none".to_owned()
        } else {
            css(fill)
        };
        let _ = write!(
            self.out,
            "<polygon points=\"{}\" fill=\"{fill}\"{stroke} shape-rendering=\"geometricPrecision\"/>",
            points(corners)
        );
    }

    /// Text starting at `x` with its baseline at `y`. Characters egui's typeface lacks are put
    /// in the fallback font explicitly, as the window draws them, so the text is as wide as
    /// layout measured it.
    fn text(&mut self, x: f32, y: f32, size: f32, color: Color32, text: &str, extra: &str) {
        let _ = write!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" fill=\"{}\" {extra}>",
            css(color)
        );
        let mut rest = text;
        while let Some(start) = rest.find(|c| !in_main_font(c)) {
            let run = rest[start..]
                .find(in_main_font)
                .map_or(rest.len(), |end| start + end);
            let _ = write!(
                self.out,
                "{}<tspan font-family=\"'DejaVu Sans'\">{}</tspan>",
                escape(&rest[..start]),
                escape(&rest[start..run])
            );
            rest = &rest[run..];
        }
        self.out.push_str(&escape(rest));
        self.out.push_str("</text>");
    }

    /// A label where layout put it: its box's left, and its baseline where egui puts it for a
    /// line centred on the box.
    fn label(&mut self, label: &Label, size: f32, color: Color32) {
        let baseline = label.rect.centre_y() + 0.36 * size;
        self.text(label.rect.left, baseline, size, color, &label.text, "");
    }

    fn defs(&self) -> String {
        let mut defs = String::from("<defs>");
        for rgba in &self.hatches {
            let color = Color32::from_rgba_premultiplied(rgba[0], rgba[1], rgba[2], rgba[3]);
            let _ = write!(
                defs,
                "<pattern id=\"{}\" width=\"{HATCH_SPACING}\" height=\"{HATCH_SPACING}\" \
                 patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" \
                 y1=\"0\" x2=\"0\" y2=\"{HATCH_SPACING}\" stroke=\"{}\" stroke-width=\"{HATCH_WIDTH}\"/>\
                 </pattern>",
                hatch_id(*rgba),
                css(color)
            );
        }
        for rgba in &self.fades {
            let color = Color32::from_rgba_premultiplied(rgba[0], rgba[1], rgba[2], rgba[3]);
            let [r, g, b, a] = color.to_srgba_unmultiplied();
            let _ = write!(
                defs,
                "<linearGradient id=\"{}\"><stop offset=\"0\" stop-color=\"#{r:02X}{g:02X}{b:02X}\" \
                 stop-opacity=\"{:.3}\"/><stop offset=\"1\" stop-color=\"#{r:02X}{g:02X}{b:02X}\" \
                 stop-opacity=\"0\"/></linearGradient>",
                fade_id(*rgba),
                f32::from(a) / 255.0
            );
        }
        defs.push_str("</defs>\n");
        defs
    }

    /// The chart, drawn without clip paths (they make resvg mask the whole page, several times
    /// slower): what reaches past the chart's sides is covered by the margins drawn last.
    fn chart(&mut self, scene: &Scene) {
        self.lane_stripes(scene, 0.0);
        for band in &scene.bands {
            self.band(band);
        }
        self.axis(scene);
        let mut marks = Vec::new();
        for arrow in &scene.arrows {
            let ids = self.mission_ids;
            let named = ids.map(|ids| (ids.get(arrow.missions.0), ids.get(arrow.missions.1)));
            let grouped = matches!(named, Some((Some(_), Some(_))));
            if let Some((Some(from), Some(to))) = named {
                let (from, to) = (escape(from), escape(to));
                let _ = write!(
                    self.out,
                    "<g class=\"arrow\" data-from=\"{from}\" data-to=\"{to}\">"
                );
            }
            arrow_marks(arrow, &self.palette, &mut marks);
            self.marks(&mut marks);
            if grouped {
                self.out.push_str("</g>");
            }
        }
        for ghost in &scene.ghosts {
            ghost_marks(ghost, &self.palette, &mut marks);
            self.marks(&mut marks);
        }
        // The outlook's tails under every bar, then each bar as a group named after it.
        for bar in &scene.bars {
            bar_marks(bar, &self.palette, &mut marks);
            marks.retain(|mark| mark.layer() == Layer::Under);
            self.marks(&mut marks);
        }
        for bar in &scene.bars {
            self.bar(bar, &mut marks);
        }
        if let Some(x) = scene.today {
            let top = HEADER_HEIGHT / 2.0;
            self.line([x, top], [x, scene.content_height], 1.5, today_color());
        }
        if let Some(label) = &scene.today_label {
            self.label(label, SMALL_TEXT_SIZE, ERROR_COLOR);
        }
        let background = self.palette.background;
        let height = scene.content_height + 1.0;
        self.rect(scene.width, 0.0, MARGIN, height, background, "");
        self.rect(
            -GUTTER - MARGIN,
            0.0,
            GUTTER + MARGIN,
            height,
            background,
            "",
        );
        self.lane_stripes(scene, -GUTTER);
        self.lane_names(scene);
    }

    /// Alternate lanes shaded and a line under each, from `left` to the chart's right edge
    /// (or, from the gutter's left, to the chart's left edge).
    fn lane_stripes(&mut self, scene: &Scene, left: f32) {
        let stripe = self.palette.stripe();
        let faint = self.palette.faint;
        let right = if left < 0.0 { 0.0 } else { scene.width };
        for (k, lane) in scene.lanes.iter().enumerate() {
            let height = lane.bottom - lane.top;
            if k % 2 == 1 {
                self.rect(left, lane.top, right - left, height, stripe, "");
            }
            self.line([left, lane.bottom], [right, lane.bottom], 1.0, faint);
        }
    }

    /// Each lane's name, in as many lines as the lane has room for.
    fn lane_names(&mut self, scene: &Scene) {
        self.out.push_str("<g class=\"lane-names\">");
        let size = TEXT_SIZE + 1.0;
        let line_height = size * layout::LINE_HEIGHT;
        for lane in &scene.lanes {
            let room = ((lane.bottom - lane.top - 8.0) / line_height)
                .floor()
                .max(1.0) as usize;
            let lines = wrap(&lane.name, size, GUTTER - 12.0, room);
            for (k, line) in lines.iter().enumerate() {
                let baseline = lane.top + 4.0 + (k as f32 + 0.8) * line_height;
                self.text(-GUTTER + 8.0, baseline, size, self.palette.text, line, "");
            }
        }
        self.out.push_str("</g>");
    }

    fn band(&mut self, band: &Band) {
        let r = &band.rect;
        let (w, h) = (r.width(), r.bottom - r.top);
        match band.kind {
            BandKind::Phase => {
                self.rect(r.left, r.top, w, h, PHASE_COLOR, "class=\"phase\"");
                self.line([r.left, r.top], [r.left, r.bottom], 1.0, self.palette.faint);
                if let Some(label) = &band.label {
                    self.label(label, SMALL_TEXT_SIZE, self.palette.phase_text());
                }
            }
            BandKind::LaunchWindow => {
                self.rect(r.left, r.top, w, h, WINDOW_COLOR, "class=\"launch-window\"");
            }
        }
    }

    fn axis(&mut self, scene: &Scene) {
        let half = HEADER_HEIGHT / 2.0;
        self.rect(0.0, 0.0, scene.width, half, self.palette.background, "");
        let (faint, strong) = (self.palette.faint, self.palette.strong_line());
        for tick in &scene.ticks {
            let color = if tick.label.is_some() { strong } else { faint };
            let top = if tick.label.is_some() { 0.0 } else { half };
            self.line([tick.x, top], [tick.x, scene.content_height], 1.0, color);
            if let Some(label) = &tick.label {
                self.label(label, TEXT_SIZE, self.palette.text);
            }
        }
        self.line(
            [0.0, HEADER_HEIGHT],
            [scene.width, HEADER_HEIGHT],
            1.0,
            strong,
        );
    }

    /// A bar as a group named after its mission: every mark but its tail. With the missions'
    /// ids, the group names its mission and is a button the keyboard reaches.
    fn bar<'m>(&mut self, bar: &'m Bar, marks: &mut Vec<Mark<'m>>) {
        let id = self.mission_ids.and_then(|ids| ids.get(bar.mission));
        match id {
            Some(id) => {
                let class = if bar.contribution {
                    "bar contribution"
                } else {
                    "bar"
                };
                let name = if bar.name.trim().is_empty() {
                    format!("Unnamed mission {id}")
                } else {
                    bar.name.to_string()
                };
                let _ = write!(
                    self.out,
                    "<g class=\"{class}\" data-mission=\"{}\" tabindex=\"0\" role=\"button\" \
                     aria-label=\"{}\">",
                    escape(id),
                    escape(&name)
                );
            }
            None => {
                let _ = write!(
                    self.out,
                    "<g class=\"bar\"><title>{}</title>",
                    escape(&bar.name)
                );
            }
        }
        bar_marks(bar, &self.palette, marks);
        marks.retain(|mark| mark.layer() != Layer::Under);
        self.marks(marks);
        self.out.push_str("</g>");
    }

    /// A bar of the legend, drawn as the chart's bars are.
    fn sample(&mut self, bar: &Bar) {
        let mut marks = Vec::new();
        bar_marks(bar, &self.palette, &mut marks);
        self.marks(&mut marks);
    }

    /// Writes every mark of `marks`, leaving it empty.
    fn marks(&mut self, marks: &mut Vec<Mark<'_>>) {
        for mark in marks.drain(..) {
            self.mark(&mark);
        }
    }

    /// One mark as SVG.
    fn mark(&mut self, mark: &Mark) {
        match mark {
            Mark::Fade { rect: r, color } => {
                let rgba = color.to_array();
                self.fades.insert(rgba);
                let paint = format!("url(#{})", fade_id(rgba));
                self.rect_filled_with(r.left, r.top, r.width(), r.bottom - r.top, &paint, "");
            }
            Mark::Fill { rect: r, color } => {
                self.rect(r.left, r.top, r.width(), r.bottom - r.top, *color, "");
            }
            Mark::Hatch { rect: r, color } => {
                let rgba = color.to_array();
                self.hatches.insert(rgba);
                let paint = format!("url(#{})", hatch_id(rgba));
                self.rect_filled_with(r.left, r.top, r.width(), r.bottom - r.top, &paint, "");
            }
            Mark::Frame { rect, frame } => self.frame(rect, *frame),
            Mark::Diamond { rect, fill, stroke } => {
                self.polygon(&diamond(rect), *fill, Some(*stroke));
            }
            Mark::Line {
                from,
                to,
                width,
                color,
            } => self.line(*from, *to, *width, *color),
            Mark::Polyline {
                points: line,
                width,
                color,
            } => {
                let _ = write!(
                    self.out,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\" shape-rendering=\"geometricPrecision\"/>",
                    points(line),
                    css(*color)
                );
            }
            Mark::Triangle { corners, color } => self.polygon(corners, *color, None),
            Mark::Crew { centre, color } => self.crew_icon(*centre, *color),
            Mark::Text { label, color } => self.label(label, TEXT_SIZE, *color),
        }
    }

    /// Head and shoulders, as the window draws them.
    fn crew_icon(&mut self, [x, y]: Point, ink: Color32) {
        let _ = write!(
            self.out,
            "<g shape-rendering=\"geometricPrecision\"><circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"{c}\"/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"4.5\" rx=\"2\" fill=\"{c}\"/></g>",
            y - 3.0,
            x - 4.0,
            y + 0.95,
            c = css(ink)
        );
    }

    /// The key below the chart (see [`legend`]).
    fn legend(&mut self, items: &[LegendItem]) {
        let text = self.palette.text;
        for item in items {
            match item {
                LegendItem::Swatch { rect, color } => {
                    let (w, h) = (rect.width(), rect.bottom - rect.top);
                    self.rect(rect.left, rect.top, w, h, *color, "rx=\"2\"");
                }
                LegendItem::Text {
                    x,
                    y,
                    text: words,
                    agency,
                } => {
                    let class = if *agency { "class=\"agency\"" } else { "" };
                    self.text(*x, *y, TEXT_SIZE, text, words, class);
                }
                LegendItem::Crew { centre } => self.mark(&Mark::Crew {
                    centre: *centre,
                    color: text,
                }),
                LegendItem::Sample(bar) => self.sample(bar),
            }
        }
    }
}

fn hatch_id(rgba: [u8; 4]) -> String {
    format!(
        "hatch-{:02x}{:02x}{:02x}{:02x}",
        rgba[0], rgba[1], rgba[2], rgba[3]
    )
}

fn fade_id(rgba: [u8; 4]) -> String {
    format!(
        "fade-{:02x}{:02x}{:02x}{:02x}",
        rgba[0], rgba[1], rgba[2], rgba[3]
    )
}

fn diamond(r: &Rect) -> [Point; 4] {
    let (cx, cy) = ((r.left + r.right) / 2.0, r.centre_y());
    [[cx, r.top], [r.right, cy], [cx, r.bottom], [r.left, cy]]
}

/// `text`, shortened with "…" where it is wider than `room` pixels at `size`.
fn fitted(text: &str, size: f32, room: f32) -> String {
    if text_width(text, size) <= room {
        text.to_owned()
    } else {
        shortened(text, size, room).unwrap_or_default()
    }
}

/// `text` in lines of at most `width` pixels, broken between words, at most `max_lines` of
/// them; the last one shortened with "…" when the text does not fit.
fn wrap(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || text_width(&candidate, size) <= width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    for line in &mut lines {
        *line = fitted(line, size, width);
    }
    lines
}
