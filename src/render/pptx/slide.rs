//! A snapshot's Scene as one slide of native shapes: lane bands and names, the year axis,
//! phases and launch windows, the today line, and each bar from the one anatomy of a bar
//! ([`bar_marks`]): the bar itself one shape named `mission:<id>` with its alt text, its
//! marks (rings, badges, crew, hatching) shapes beside it, its label a text box named
//! `label:<id>`; dependencies are connectors glued to the two bars' shapes.

use std::collections::HashMap;

use egui::Color32;

use super::package::{NAMESPACES, SLIDE_SIZE};
use super::xml::{Fill, Line, Place, connector, escape, path, preset, text_box};
use crate::layout::{
    Band, BandKind, Bar, HEADER_HEIGHT, Label, Point, Rect, Scene, TEXT_SIZE, text_width,
};
use crate::model::Roadmap;
use crate::render::anatomy::{Mark, arrow_line, bar_marks};
use crate::render::colors::{PHASE_COLOR, Palette, WINDOW_COLOR, today_color};
use crate::render::legend::{LegendItem, legend};
use crate::render::svg::Heading;

/// Space around the slide's content, the lane names' column and the heading, in pixels of the
/// snapshot page the slide is scaled from.
const MARGIN: f32 = 24.0;
const GUTTER: f32 = 190.0;
const HEADING: f32 = 62.0;
/// How much smaller text is set in Arial than measured in the window's typeface, so that it
/// takes the room layout gave it.
const ARIAL_FIT: f32 = 0.92;
/// Space between the chart and the legend below it.
const LEGEND_GAP: f32 = 14.0;

/// Where the chart is on the slide: what a deck must know to read dates back from positions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideScale {
    /// EMU per pixel of the snapshot page.
    pub emu_per_pixel: f64,
    /// The chart's left and top edges on the slide, in EMU.
    pub origin: (i64, i64),
}

impl SlideScale {
    /// The scale that fits the page of `scene` (heading, chart and legend, as a snapshot's)
    /// on the slide.
    pub fn fitting(scene: &Scene) -> Self {
        let width = scene.width + 2.0 * MARGIN + GUTTER;
        let (_, legend_height) = legend(scene, width, MARGIN);
        let height = MARGIN + HEADING + scene.content_height + LEGEND_GAP + legend_height;
        let (cx, cy) = SLIDE_SIZE;
        let emu_per_pixel = (cx as f64 / f64::from(width)).min(cy as f64 / f64::from(height));
        let origin_px = (MARGIN + GUTTER, MARGIN + HEADING);
        Self {
            emu_per_pixel,
            origin: (
                (f64::from(origin_px.0) * emu_per_pixel).round() as i64,
                (f64::from(origin_px.1) * emu_per_pixel).round() as i64,
            ),
        }
    }

    fn emu(&self, pixels: f32) -> i64 {
        (f64::from(pixels) * self.emu_per_pixel).round() as i64
    }

    /// A point of the chart on the slide.
    fn at(&self, [x, y]: Point) -> (i64, i64) {
        (self.origin.0 + self.emu(x), self.origin.1 + self.emu(y))
    }

    /// A rectangle of the chart on the slide.
    pub fn place(&self, r: &Rect) -> Place {
        let (x, y) = self.at([r.left, r.top]);
        Place {
            x,
            y,
            cx: self.emu(r.right - r.left),
            cy: self.emu(r.bottom - r.top),
        }
    }

    /// Points of text `pixels` high, set a little smaller: labels were measured in the
    /// window's typeface and are set in Arial, which runs about 8 % wider.
    fn points(&self, pixels: f32) -> f32 {
        (f64::from(pixels) * self.emu_per_pixel / 12_700.0) as f32 * ARIAL_FIT
    }
}

/// The slide being written: its shapes, the next free id, and the id of each mission's shape.
struct Slide<'a> {
    out: String,
    next_id: u32,
    palette: Palette,
    scale: SlideScale,
    roadmap: &'a Roadmap,
    shape_of: HashMap<usize, u32>,
}

/// A slide's XML, and the places of its missions' shapes by position in the roadmap.
pub type SlideXml = (String, Vec<(usize, Place)>);

/// How the shapes a deck draws are named (a mission's, `mission:<id>`, starts with the first):
/// a shape named otherwise was added in PowerPoint. Tools that rewrite a deck keep names but
/// may number shapes again.
pub const SHAPE_NAMES: [&str; 18] = [
    "mission:",
    "contribution:",
    "label",
    "dependency:",
    "lane",
    "title",
    "subtitle",
    "phase",
    "launch window",
    "year",
    "today",
    "ring",
    "mark",
    "crew",
    "hatching",
    "outlook",
    "bar",
    "legend",
];

/// The slide of `scene` (a snapshot of `roadmap` headed `heading`) at `scale`.
pub fn slide_xml(
    scene: &Scene,
    roadmap: &Roadmap,
    heading: &Heading,
    scale: SlideScale,
) -> SlideXml {
    let mut slide = Slide {
        out: String::with_capacity(4096 + scene.bars.len() * 2048),
        next_id: 2,
        palette: Palette::light(),
        scale,
        roadmap,
        shape_of: HashMap::new(),
    };
    slide.heading(heading);
    slide.lane_stripes(scene, 0.0, scene.width);
    for band in &scene.bands {
        slide.band(band);
    }
    slide.axis(scene);
    let mut places = Vec::new();
    let mut marks = Vec::new();
    for bar in &scene.bars {
        places.extend(slide.bar(bar, &mut marks));
    }
    for arrow in &scene.arrows {
        let (Some(&from), Some(&to)) = (
            slide.shape_of.get(&arrow.missions.0),
            slide.shape_of.get(&arrow.missions.1),
        ) else {
            continue;
        };
        let (width, color) = arrow_line(arrow, &slide.palette);
        let id = slide.id();
        let ids = |k: usize| roadmap.missions.get(k).map_or("", |m| m.id.as_str());
        let name = format!(
            "dependency:{}>{}",
            ids(arrow.missions.0),
            ids(arrow.missions.1)
        );
        let ends = (scale.at(arrow.from), scale.at(arrow.to));
        slide.out.push_str(&connector(
            (id, &name),
            (from, to),
            ends,
            (scale.emu(width), color),
        ));
    }
    if let Some(x) = scene.today {
        slide.line(
            [x, HEADER_HEIGHT / 2.0],
            [x, scene.content_height],
            1.5,
            today_color(),
        );
    }
    if let Some(label) = &scene.today_label {
        slide.label(label, "today", crate::render::colors::ERROR_COLOR);
    }
    slide.lane_names(scene);
    slide.legend(scene);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld {NAMESPACES}><p:cSld>\
         <p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
         <p:grpSpPr/>{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        slide.out
    );
    (xml, places)
}

impl Slide<'_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn heading(&mut self, heading: &Heading) {
        let s = self.scale;
        let (cx, _) = SLIDE_SIZE;
        let margin = s.emu(MARGIN);
        let rows = [
            ("title", &heading.title, 22.0, MARGIN, true),
            (
                "subtitle",
                &heading.subtitle,
                TEXT_SIZE,
                MARGIN + 34.0,
                false,
            ),
        ];
        for (name, text, size, top, bold) in rows {
            let id = self.id();
            let place = Place {
                x: margin,
                y: s.emu(top),
                cx: cx - 2 * margin,
                cy: s.emu(size * 1.4),
            };
            let color = self.palette.text;
            self.out.push_str(&text_box(
                (id, name),
                place,
                text,
                (s.points(size), color, bold),
            ));
        }
    }

    /// Every other lane shaded and a line under each, from `left` to `right` of the chart.
    fn lane_stripes(&mut self, scene: &Scene, left: f32, right: f32) {
        let stripe = self.palette.stripe();
        let faint = self.palette.faint;
        for (k, lane) in scene.lanes.iter().enumerate() {
            let band = Rect {
                left,
                top: lane.top,
                right,
                bottom: lane.bottom,
            };
            if k % 2 == 1 {
                self.rect(&band, &Fill::Solid(stripe), None, "lane");
            }
            self.line([left, lane.bottom], [right, lane.bottom], 1.0, faint);
        }
    }

    /// The column of lane names, over whatever of the bars reaches into it (a bar that began
    /// before the range shown), as the snapshot covers it; and the margin right of the chart.
    fn lane_names(&mut self, scene: &Scene) {
        let background = self.palette.background;
        let height = scene.content_height + 1.0;
        for (left, right) in [(-GUTTER - MARGIN, 0.0), (scene.width, scene.width + MARGIN)] {
            let cover = Rect {
                left,
                top: 0.0,
                right,
                bottom: height,
            };
            self.rect(&cover, &Fill::Solid(background), None, "lane");
        }
        self.lane_stripes(scene, -GUTTER, 0.0);
        for lane in &scene.lanes {
            let id = self.id();
            let place = self.scale.place(&Rect {
                left: -GUTTER + 8.0,
                top: lane.top + 4.0,
                right: -8.0,
                bottom: lane.top + 4.0 + TEXT_SIZE * 1.6,
            });
            let size = self.scale.points(TEXT_SIZE + 1.0);
            let color = self.palette.text;
            let name = format!("lane:{}", lane.name);
            self.out.push_str(&text_box(
                (id, &name),
                place,
                &lane.name,
                (size, color, false),
            ));
        }
    }

    fn band(&mut self, band: &Band) {
        match band.kind {
            BandKind::Phase => {
                self.rect(&band.rect, &Fill::Solid(PHASE_COLOR), None, "phase");
                let r = &band.rect;
                self.line([r.left, r.top], [r.left, r.bottom], 1.0, self.palette.faint);
                if let Some(label) = &band.label {
                    self.label(label, "phase", self.palette.phase_text());
                }
            }
            BandKind::LaunchWindow => {
                self.rect(
                    &band.rect,
                    &Fill::Solid(WINDOW_COLOR),
                    None,
                    "launch window",
                );
            }
        }
    }

    fn axis(&mut self, scene: &Scene) {
        let half = HEADER_HEIGHT / 2.0;
        let (faint, strong) = (self.palette.faint, self.palette.strong_line());
        for tick in &scene.ticks {
            let color = if tick.label.is_some() { strong } else { faint };
            let top = if tick.label.is_some() { 0.0 } else { half };
            self.line([tick.x, top], [tick.x, scene.content_height], 1.0, color);
            if let Some(label) = &tick.label {
                self.label(label, "year", self.palette.text);
            }
        }
        self.line(
            [0.0, HEADER_HEIGHT],
            [scene.width, HEADER_HEIGHT],
            1.0,
            strong,
        );
    }

    /// A bar: its marks in drawing order, the bar's own shape named after its mission (with
    /// its outline and alt text), its label a text box. Returns the mission's shape's place.
    fn bar<'a>(&mut self, bar: &'a Bar, marks: &mut Vec<Mark<'a>>) -> Option<(usize, Place)> {
        bar_marks(bar, &self.palette, marks);
        let own = |mark: &Mark<'_>| match mark {
            Mark::Fill { rect, .. } => *rect == bar.rect,
            Mark::Diamond { rect, fill, .. } => *rect == bar.rect && *fill != Color32::TRANSPARENT,
            _ => false,
        };
        let body = marks.iter().position(own);
        let outline = marks
            .iter()
            .position(|m| matches!(m, Mark::Frame { rect, .. } if *rect == bar.rect));
        // The bar's own outline goes on its shape: a frame, or a milestone's stroke.
        let line = match (
            body.and_then(|k| marks.get(k)),
            outline.and_then(|k| marks.get(k)),
        ) {
            (Some(_), Some(Mark::Frame { frame, .. })) => Some((
                self.scale.emu(frame.width),
                frame.color,
                frame.dashes.is_some(),
            )),
            (Some(Mark::Diamond { stroke, .. }), _) => {
                Some((self.scale.emu(stroke.0), stroke.1, false))
            }
            _ => None,
        };
        let mission = self.roadmap.missions.get(bar.mission);
        let mut placed = None;
        for (k, mark) in marks.drain(..).enumerate() {
            if Some(k) == outline && body.is_some() {
                continue;
            }
            if Some(k) != body {
                self.mark(&mark, bar);
                continue;
            }
            let (name, alt) = match (mission, bar.contribution) {
                (Some(m), false) => (format!("mission:{}", m.id), alt_text(m)),
                (Some(m), true) => (format!("contribution:{}", m.id), alt_text(m)),
                (None, _) => ("bar".to_owned(), String::new()),
            };
            let id = self.id();
            let place = self.scale.place(&bar.rect);
            let (geometry, fill) = match mark {
                Mark::Diamond { fill, .. } => ("diamond", fill),
                Mark::Fill { color, .. } => ("rect", color),
                _ => ("rect", Color32::TRANSPARENT),
            };
            self.out.push_str(&preset(
                (id, &name, &alt),
                geometry,
                place,
                &Fill::Solid(fill),
                line,
            ));
            if !bar.contribution {
                self.shape_of.insert(bar.mission, id);
                placed = Some((bar.mission, place));
            }
        }
        placed
    }

    /// One of a bar's marks as a shape beside it.
    fn mark(&mut self, mark: &Mark<'_>, bar: &Bar) {
        let s = self.scale;
        match mark {
            Mark::Fade { rect, color } => self.rect(rect, &Fill::Fade(*color), None, "outlook"),
            Mark::Fill { rect, color } => self.rect(rect, &Fill::Solid(*color), None, "mark"),
            Mark::Hatch { rect, color } => self.rect(rect, &Fill::Hatch(*color), None, "hatching"),
            Mark::Frame { rect, frame } => {
                let line = Some((s.emu(frame.width), frame.color, frame.dashes.is_some()));
                self.rect(rect, &Fill::None, line, "ring");
            }
            Mark::Diamond { rect, fill, stroke } => {
                let id = self.id();
                let line = (stroke.0 > 0.0).then(|| (s.emu(stroke.0), stroke.1, false));
                let fill = if *fill == Color32::TRANSPARENT {
                    Fill::None
                } else {
                    Fill::Solid(*fill)
                };
                self.out.push_str(&preset(
                    (id, "ring", ""),
                    "diamond",
                    s.place(rect),
                    &fill,
                    line,
                ));
            }
            Mark::Line {
                from,
                to,
                width,
                color,
            } => self.line(*from, *to, *width, *color),
            Mark::Polyline {
                points,
                width,
                color,
            } => {
                let id = self.id();
                let points: Vec<(i64, i64)> = points.iter().map(|p| s.at(*p)).collect();
                let line = Some((s.emu(*width), *color, false));
                self.out
                    .push_str(&path(id, &points, false, &Fill::None, line));
            }
            Mark::Triangle { corners, color } => {
                let id = self.id();
                let points: Vec<(i64, i64)> = corners.iter().map(|p| s.at(*p)).collect();
                self.out
                    .push_str(&path(id, &points, true, &Fill::Solid(*color), None));
            }
            Mark::Crew { centre, color } => self.crew(*centre, *color),
            Mark::Text { label, color } => {
                let name = self
                    .roadmap
                    .missions
                    .get(bar.mission)
                    .map_or_else(|| "label".to_owned(), |m| format!("label:{}", m.id));
                self.label(label, &name, *color);
            }
        }
    }

    /// The key below the chart, as the SVG's: its items are laid out in the legend's own
    /// coordinates, drawn here with the scale's origin at the legend's top left.
    fn legend(&mut self, scene: &Scene) {
        let width = scene.width + 2.0 * MARGIN + GUTTER;
        let (items, _) = legend(scene, width, MARGIN);
        let chart = self.scale;
        let (x, y) = chart.at([-GUTTER, scene.content_height + LEGEND_GAP]);
        self.scale = SlideScale {
            origin: (x, y),
            ..chart
        };
        let mut marks = Vec::new();
        for item in &items {
            match item {
                LegendItem::Swatch { rect, color } => {
                    let id = self.id();
                    let place = self.scale.place(rect);
                    self.out.push_str(&preset(
                        (id, "legend", ""),
                        "rect",
                        place,
                        &Fill::Solid(*color),
                        None,
                    ));
                }
                LegendItem::Text { x, y, text, .. } => {
                    let rect = Rect {
                        left: *x,
                        top: y - 0.8 * TEXT_SIZE - 2.0,
                        right: x + text_width(text, TEXT_SIZE) + 8.0,
                        bottom: y + 0.4 * TEXT_SIZE,
                    };
                    let id = self.id();
                    let place = self.scale.place(&rect);
                    let size = self.scale.points(TEXT_SIZE);
                    let color = self.palette.text;
                    self.out
                        .push_str(&text_box((id, "legend"), place, text, (size, color, false)));
                }
                LegendItem::Crew { centre } => self.crew(*centre, self.palette.text),
                LegendItem::Sample(bar) => {
                    bar_marks(bar, &self.palette, &mut marks);
                    for mark in marks.drain(..) {
                        self.mark(&mark, bar);
                    }
                }
            }
        }
        self.scale = chart;
    }

    /// The crew figure as the snapshot draws it: a head over shoulders.
    fn crew(&mut self, [x, y]: Point, color: Color32) {
        let head = Rect {
            left: x - 2.6,
            top: y - 5.6,
            right: x + 2.6,
            bottom: y - 0.4,
        };
        let shoulders = Rect {
            left: x - 4.0,
            top: y + 0.95,
            right: x + 4.0,
            bottom: y + 5.45,
        };
        for (rect, geometry) in [(head, "ellipse"), (shoulders, "roundRect")] {
            let id = self.id();
            let place = self.scale.place(&rect);
            self.out.push_str(&preset(
                (id, "crew", ""),
                geometry,
                place,
                &Fill::Solid(color),
                None,
            ));
        }
    }

    fn rect(&mut self, rect: &Rect, fill: &Fill, line: Line, name: &str) {
        let id = self.id();
        let place = self.scale.place(rect);
        self.out
            .push_str(&preset((id, name, ""), "rect", place, fill, line));
    }

    fn line(&mut self, from: Point, to: Point, width: f32, color: Color32) {
        let id = self.id();
        let points = [self.scale.at(from), self.scale.at(to)];
        let line = Some((self.scale.emu(width), color, false));
        self.out
            .push_str(&path(id, &points, false, &Fill::None, line));
    }

    fn label(&mut self, label: &Label, name: &str, color: Color32) {
        let id = self.id();
        let place = self.scale.place(&label.rect);
        let size = self.scale.points(TEXT_SIZE);
        self.out.push_str(&text_box(
            (id, name),
            place,
            &label.text,
            (size, color, false),
        ));
    }
}

/// What a mission's shape says to a screen reader and in PowerPoint's Alt Text pane: name,
/// dates, status, lead and contributors.
pub fn alt_text(mission: &crate::model::Mission) -> String {
    let helpers: Vec<String> = (mission.contributors.iter())
        .map(|c| match c.role.as_str() {
            "" => c.agency.to_string(),
            role => format!("{} ({role})", c.agency),
        })
        .collect();
    let led = if helpers.is_empty() {
        format!("led by {}", mission.lead)
    } else {
        format!("led by {} with {}", mission.lead, helpers.join(", "))
    };
    let status = match mission.outcome {
        Some(outcome) => format!("{} ({})", mission.status.name(), outcome.name()),
        None => mission.status.name().to_owned(),
    };
    format!(
        "{}: {status}, {} to {}, {led}",
        mission.name, mission.start, mission.end
    )
}

/// The speaker notes: the sources of the missions on the slide, one paragraph each.
pub fn notes_paragraphs(roadmap: &Roadmap, shown: &[usize]) -> String {
    let paragraph = |text: &str| {
        format!(
            "<a:p><a:r><a:rPr lang=\"en-GB\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
            escape(text)
        )
    };
    let mut out = paragraph("Sources of the missions on this slide:");
    for mission in shown.iter().filter_map(|&k| roadmap.missions.get(k)) {
        let source = if mission.source.trim().is_empty() {
            "no source given"
        } else {
            mission.source.as_str()
        };
        out.push_str(&paragraph(&format!("{}: {source}", mission.name)));
    }
    out
}
