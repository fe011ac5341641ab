//! Scene → egui shapes.

use egui::epaint::{TessellationOptions, Tessellator};
use egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use super::anatomy::{
    Frame, HATCH_SPACING, Mark, arrow_marks, bar_marks, conflict_marks, ghost_marks,
};
use super::batch::RectBatch;
use super::colors::{
    ERROR_COLOR, LEGEND_CONFLICTS, LEGEND_OUTCOMES, LEGEND_STATUSES, PHASE_COLOR, Palette,
    TAIL_LABEL, WINDOW_COLOR, legend_label, legend_sample, tail_sample, today_color,
};
use crate::analysis::Severity;
use crate::layout::{self, Band, BandKind, Bar, Ghost, Label, SMALL_TEXT_SIZE, Scene, TEXT_SIZE};

/// Where a scene rectangle is on screen, for a chart at `chart`.
pub fn screen_rect(chart: Rect, r: &layout::Rect) -> Rect {
    Rect::from_min_max(
        chart.min + vec2(r.left, r.top),
        chart.min + vec2(r.right, r.bottom),
    )
}

/// Colours and sizes that depend on the theme and on where the chart is.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneStyle {
    /// Screen rectangle of the chart (where x = 0, y = 0 of the scene is `chart.min`).
    pub chart: Rect,
    /// Screen rectangle left of the chart where lane names go.
    pub gutter: Rect,
    /// The theme's colours.
    pub colors: Palette,
    /// Whether to draw the legend.
    pub legend: bool,
}

impl SceneStyle {
    fn at(&self, x: f32, y: f32) -> Pos2 {
        self.chart.min + vec2(x, y)
    }

    fn rect(&self, r: &layout::Rect) -> Rect {
        screen_rect(self.chart, r)
    }
}

/// Paints the scene; `painter` should be clipped to the chart and gutter.
pub fn paint_scene(painter: &Painter, scene: &Scene, style: &SceneStyle) {
    paint_under_lanes(painter, scene, style);
    for lane in &scene.lanes {
        paint_lane(
            painter,
            &scene.bars[lane.bars.clone()],
            &scene.ghosts[lane.ghosts.clone()],
            style,
        );
    }
    paint_over_lanes(painter, scene, style);
}

/// What lies under the lanes' bars: the page, the lanes' stripes and names, phases, launch
/// windows, the axis and the dependency arrows.
pub fn paint_under_lanes(painter: &Painter, scene: &Scene, style: &SceneStyle) {
    let chart = painter.with_clip_rect(style.chart);
    // The page under the chart: in any theme, not whatever the window was cleared to.
    painter.rect_filled(
        style.chart.union(style.gutter),
        0.0,
        style.colors.background,
    );
    lanes(painter, &chart, scene, style);
    for band in &scene.bands {
        paint_band(&chart, band, style);
    }
    axis(&chart, scene, style);
    // Rectangles go into one mesh each, in drawing order: arrows under bars, bars under the
    // shapes that need anti-aliasing (diamonds, crew icons) and the labels. Room for the
    // rectangles each shape usually takes: an elbow arrow three segments and a head, a bar
    // its fill, outline and rings.
    let mut arrows = Canvas::new(painter, scene.arrows.len() * 4);
    let mut marks = Vec::new();
    for arrow in &scene.arrows {
        arrow_marks(arrow, &style.colors, &mut marks);
        arrows.add_all(&mut marks, style);
    }
    arrows.paint(&lanes_area(painter, style), style);
}

/// The part of the chart below the axis, where lanes are.
fn lanes_area(painter: &Painter, style: &SceneStyle) -> Painter {
    painter.with_clip_rect(Rect::from_min_max(
        style.at(0.0, layout::HEADER_HEIGHT),
        style.chart.max,
    ))
}

/// One lane's ghosts and bars, with their rings, crew icons and labels.
pub fn paint_lane(painter: &Painter, bars: &[Bar], ghosts: &[Ghost], style: &SceneStyle) {
    let lanes_area = lanes_area(painter, style);
    let mut marks = Vec::new();
    let mut under = Canvas::new(painter, ghosts.len() * 6);
    for ghost in ghosts {
        ghost_marks(ghost, &style.colors, &mut marks);
        under.add_all(&mut marks, style);
    }
    under.paint(&lanes_area, style);
    let mut canvas = Canvas::new(painter, bars.len() * 6);
    for bar in bars {
        bar_marks(bar, &style.colors, &mut marks);
        canvas.add_all(&mut marks, style);
    }
    canvas.paint(&lanes_area, style);
}

/// Marks on their way to the screen, each layer's rectangles in one mesh (tails under every
/// bar, the bars, the crew figures over them); diamonds, whose sides are slanted, as
/// anti-aliased shapes over the bars, and labels over everything.
struct Canvas<'a> {
    under: RectBatch,
    body: RectBatch,
    diamonds: Vec<Shape>,
    icons: RectBatch,
    /// The crew figure, tessellated once and stamped on every crewed bar.
    crew: Option<Mesh>,
    pixels_per_point: f32,
    texts: Vec<(&'a Label, Color32)>,
}

impl<'a> Canvas<'a> {
    /// An empty canvas for `painter`, with room for about `rects` rectangles.
    fn new(painter: &Painter, rects: usize) -> Self {
        let pixels_per_point = painter.pixels_per_point();
        Self {
            under: RectBatch::new(pixels_per_point),
            body: RectBatch::with_room(pixels_per_point, rects),
            diamonds: Vec::new(),
            icons: RectBatch::new(pixels_per_point),
            crew: None,
            pixels_per_point,
            texts: Vec::new(),
        }
    }

    /// Takes in every mark of `marks`, leaving it empty.
    fn add_all(&mut self, marks: &mut Vec<Mark<'a>>, style: &SceneStyle) {
        for mark in marks.drain(..) {
            self.add(mark, style);
        }
    }

    /// Translates one mark into egui's shapes.
    fn add(&mut self, mark: Mark<'a>, style: &SceneStyle) {
        let at = |[x, y]: layout::Point| style.at(x, y);
        match mark {
            Mark::Fade { rect, color } => self.under.fade_right(style.rect(&rect), color),
            Mark::Fill { rect, color } => self.body.fill(style.rect(&rect), color),
            Mark::Hatch { rect, color } => self.body.hatch(style.rect(&rect), color, HATCH_SPACING),
            Mark::Frame { rect, frame } => paint_frame(&mut self.body, style.rect(&rect), frame),
            Mark::Diamond { rect, fill, stroke } => self.diamonds.push(Shape::convex_polygon(
                diamond(style.rect(&rect)),
                fill,
                Stroke::new(stroke.0, stroke.1),
            )),
            Mark::Line {
                from,
                to,
                width,
                color,
            } => self.body.line(at(from), at(to), width, color),
            Mark::Polyline {
                points,
                width,
                color,
            } => {
                let points: Vec<Pos2> = points.into_iter().map(at).collect();
                self.body.polyline(&points, width, color);
            }
            Mark::Triangle { corners, color } => self.body.triangle(corners.map(at), color),
            Mark::Crew { centre, color } => {
                let pixels_per_point = self.pixels_per_point;
                let mesh = (self.crew).get_or_insert_with(|| crew_icon_mesh(pixels_per_point));
                self.icons.stamp(mesh, at(centre).to_vec2(), color);
            }
            Mark::Text { label, color } => self.texts.push((label, color)),
        }
    }

    /// Adds everything to `painter`, layer by layer.
    fn paint(self, painter: &Painter, style: &SceneStyle) {
        self.under.paint(painter);
        self.body.paint(painter);
        painter.extend(self.diamonds);
        self.icons.paint(painter);
        for (label, color) in self.texts {
            paint_label(painter, label, TEXT_SIZE, color, style);
        }
    }
}

/// What lies over the lanes' bars: the legend and the today line.
pub fn paint_over_lanes(painter: &Painter, scene: &Scene, style: &SceneStyle) {
    let chart = painter.with_clip_rect(style.chart);
    let lanes_area = lanes_area(painter, style);
    if style.legend {
        paint_legend(&lanes_area, scene, style);
    }
    if let Some(x) = scene.today {
        let top = style.at(x, layout::HEADER_HEIGHT / 2.0);
        chart.line_segment(
            [top, pos2(top.x, style.chart.bottom())],
            Stroke::new(1.5, today_color()),
        );
    }
    if let Some(label) = &scene.today_label {
        paint_label(&chart, label, SMALL_TEXT_SIZE, ERROR_COLOR, style);
    }
}

/// A label's text at its place.
fn paint_label(painter: &Painter, label: &Label, size: f32, color: Color32, style: &SceneStyle) {
    painter.text(
        style.at(label.rect.left, label.rect.centre_y()),
        Align2::LEFT_CENTER,
        &label.text,
        FontId::proportional(size),
        color,
    );
}

fn lanes(painter: &Painter, chart: &Painter, scene: &Scene, style: &SceneStyle) {
    let names = painter.with_clip_rect(Rect::from_min_max(
        pos2(
            style.gutter.left(),
            style.chart.top() + layout::HEADER_HEIGHT,
        ),
        style.gutter.max,
    ));
    for (k, lane) in scene.lanes.iter().enumerate() {
        let band = style.rect(&layout::Rect {
            left: 0.0,
            top: lane.top,
            right: scene.width,
            bottom: lane.bottom,
        });
        if k % 2 == 1 {
            chart.rect_filled(band, 0.0, style.colors.stripe());
        }
        chart.hline(
            band.x_range(),
            band.bottom(),
            Stroke::new(1.0, style.colors.faint),
        );
        let gutter_row = Rect::from_x_y_ranges(style.gutter.x_range(), band.y_range());
        names.rect_filled(
            gutter_row,
            0.0,
            if k % 2 == 1 {
                style.colors.stripe()
            } else {
                style.colors.background
            },
        );
        names.hline(
            gutter_row.x_range(),
            gutter_row.bottom(),
            Stroke::new(1.0, style.colors.faint),
        );
        // As many lines as the lane has room for, the last one shortened with "…".
        let font = FontId::proportional(TEXT_SIZE + 1.0);
        let line = painter.fonts_mut(|f| f.row_height(&font));
        let rows = ((band.height() - 8.0) / line).floor().max(1.0) as usize;
        let mut job = egui::text::LayoutJob::simple(
            lane.name.clone(),
            font,
            style.colors.text,
            style.gutter.width() - 12.0,
        );
        job.wrap.max_rows = rows;
        let galley = names.layout_job(job);
        names.galley(gutter_row.min + vec2(8.0, 4.0), galley, style.colors.text);
    }
}

fn paint_band(chart: &Painter, band: &Band, style: &SceneStyle) {
    let rect = style.rect(&band.rect);
    match band.kind {
        BandKind::Phase => {
            chart.rect_filled(rect, 0.0, PHASE_COLOR);
            chart.vline(
                rect.left(),
                rect.y_range(),
                Stroke::new(1.0, style.colors.faint),
            );
            if let Some(label) = &band.label {
                paint_label(
                    chart,
                    label,
                    SMALL_TEXT_SIZE,
                    style.colors.phase_text(),
                    style,
                );
            }
        }
        BandKind::LaunchWindow => {
            chart.rect_filled(rect, 0.0, WINDOW_COLOR);
        }
    }
}

fn axis(chart: &Painter, scene: &Scene, style: &SceneStyle) {
    let header = Rect::from_min_size(
        style.chart.min,
        vec2(scene.width, layout::HEADER_HEIGHT / 2.0),
    );
    chart.rect_filled(header, 0.0, style.colors.background);
    for tick in &scene.ticks {
        let top = style.at(tick.x, 0.0);
        let stroke = if tick.label.is_some() {
            Stroke::new(1.0, style.colors.strong_line())
        } else {
            Stroke::new(1.0, style.colors.faint)
        };
        chart.vline(
            top.x,
            (top.y + layout::HEADER_HEIGHT / 2.0)..=style.chart.bottom(),
            stroke,
        );
        if tick.label.is_some() {
            chart.vline(top.x, top.y..=top.y + layout::HEADER_HEIGHT / 2.0, stroke);
        }
        if let Some(label) = &tick.label {
            paint_label(chart, label, TEXT_SIZE, style.colors.text, style);
        }
    }
    chart.hline(
        style.chart.x_range(),
        style.chart.top() + layout::HEADER_HEIGHT,
        Stroke::new(1.0, style.colors.strong_line()),
    );
}

/// A frame, dashed or not.
fn paint_frame(batch: &mut RectBatch, rect: Rect, frame: Frame) {
    match frame.dashes {
        Some((on, off)) => batch.dashed_frame(rect, frame.width, frame.color, on, off),
        None => batch.frame(rect, frame.width, frame.color),
    }
}

/// The key to the chart, in the bottom right corner: the agencies in view, crewed missions, and
/// what each status looks like.
fn paint_legend(painter: &Painter, scene: &Scene, style: &SceneStyle) {
    let font = FontId::proportional(TEXT_SIZE - 1.0);
    let (row, swatch) = (17.0, vec2(22.0, 11.0));
    let statuses = (LEGEND_STATUSES.into_iter())
        .chain(LEGEND_OUTCOMES)
        .chain(LEGEND_CONFLICTS);
    let agency_rows = scene.agencies.len().div_ceil(3);
    let rows = agency_rows
        + LEGEND_STATUSES.len()
        + LEGEND_OUTCOMES.len()
        + LEGEND_CONFLICTS.len()
        + 1
        + usize::from(scene.outlook);
    let height = row * rows as f32 + 12.0;
    let width = 250.0;
    // Where the legend would hide most of the missions (a small window, large text), it is
    // left out; the snapshots and View → Show legend on a larger window still have it.
    let visible = painter.clip_rect().intersect(style.chart);
    if width * height > 0.4 * visible.area() {
        return;
    }
    let frame = Rect::from_min_size(
        style.chart.right_bottom() - vec2(width + 10.0, height + 10.0),
        vec2(width, height),
    );
    painter.rect_filled(frame, 4.0, style.colors.background.gamma_multiply(0.92));
    painter.rect_stroke(
        frame,
        4.0,
        Stroke::new(1.0, style.colors.faint),
        StrokeKind::Inside,
    );
    let mut at = frame.min + vec2(8.0, 6.0);
    for line in scene.agencies.chunks(3) {
        for (k, (id, color)) in line.iter().enumerate() {
            let x = at.x + k as f32 * 78.0;
            let dot = Rect::from_min_size(pos2(x, at.y + 3.0), vec2(10.0, 10.0));
            painter.rect_filled(dot, 2.0, Color32::from_rgb(color[0], color[1], color[2]));
            painter.text(
                pos2(x + 14.0, at.y),
                Align2::LEFT_TOP,
                id,
                font.clone(),
                style.colors.text,
            );
        }
        at.y += row;
    }
    // The samples are drawn as the bars are, from the same marks.
    let mut samples = Canvas::new(painter, 0);
    let mut marks = Vec::new();
    let label = |painter: &Painter, at: Pos2, text: &str| {
        let font = font.clone();
        painter.text(
            at + vec2(30.0, 0.0),
            Align2::LEFT_TOP,
            text,
            font,
            style.colors.text,
        );
    };
    let crew = chart_relative(
        Rect::from_center_size(at + vec2(11.0, 8.0), Vec2::ZERO),
        style,
    );
    marks.push(Mark::Crew {
        centre: [crew.left, crew.top],
        color: style.colors.text,
    });
    label(painter, at, "crewed mission");
    at.y += row;
    let sample_at = |at: Pos2, width: f32| {
        chart_relative(
            Rect::from_min_size(at + vec2(0.0, 2.0), vec2(width, swatch.y)),
            style,
        )
    };
    let mut bars: Vec<Bar> = Vec::new();
    for entry in statuses {
        bars.push(legend_sample(entry, sample_at(at, swatch.x)));
        label(painter, at, legend_label(entry));
        at.y += row;
    }
    if scene.outlook {
        bars.push(tail_sample(sample_at(at, swatch.x)));
        label(painter, at, TAIL_LABEL);
    }
    samples.add_all(&mut marks, style);
    for bar in &bars {
        bar_marks(bar, &style.colors, &mut marks);
        samples.add_all(&mut marks, style);
    }
    samples.paint(painter, style);
}

/// A conflict's badge in `rect` on the screen, drawn as on a bar (a diamond for an error, a
/// triangle for a warning), for the lists that name conflicts: their severity then reads by
/// shape as well as colour.
pub fn paint_conflict_badge(painter: &Painter, rect: Rect, severity: Severity, colors: &Palette) {
    let style = SceneStyle {
        chart: Rect::from_min_size(Pos2::ZERO, Vec2::ZERO),
        gutter: Rect::NOTHING,
        colors: *colors,
        legend: false,
    };
    let mut marks = Vec::new();
    conflict_marks(severity, chart_relative(rect, &style), colors, &mut marks);
    let mut canvas = Canvas::new(painter, marks.len());
    canvas.add_all(&mut marks, &style);
    canvas.paint(painter, &style);
}

/// A rectangle on the screen in the chart's own coordinates, as the scene's shapes are.
fn chart_relative(rect: Rect, style: &SceneStyle) -> layout::Rect {
    layout::Rect {
        left: rect.left() - style.chart.left(),
        top: rect.top() - style.chart.top(),
        right: rect.right() - style.chart.left(),
        bottom: rect.bottom() - style.chart.top(),
    }
}

/// A small crew figure (head and shoulders) around `centre`, so crewed missions read without
/// colour.
fn crew_icon(centre: Pos2, ink: Color32) -> [Shape; 2] {
    let shoulders = Rect::from_center_size(centre + vec2(0.0, 3.2), Vec2::new(8.0, 4.5));
    let corners = egui::CornerRadius {
        nw: 4,
        ne: 4,
        sw: 1,
        se: 1,
    };
    [
        Shape::circle_filled(centre + vec2(0.0, -3.0), 2.6, ink),
        Shape::rect_filled(shoulders, corners, ink),
    ]
}

/// The crew icon in white around (0, 0), tessellated as egui would (anti-aliased), to be
/// stamped on every crewed mission's bar: tessellating its two shapes again for each bar was
/// a fifth of the tessellation of a chart of thousands of missions. Without egui's prepared
/// discs the mesh is pure geometry, not tied to the font atlas.
fn crew_icon_mesh(pixels_per_point: f32) -> Mesh {
    let mut tessellator = Tessellator::new(
        pixels_per_point,
        TessellationOptions::default(),
        [1, 1],
        Vec::new(),
    );
    let mut mesh = Mesh::default();
    for shape in crew_icon(Pos2::ZERO, Color32::WHITE) {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

fn diamond(rect: Rect) -> Vec<Pos2> {
    let c = rect.center();
    vec![
        pos2(c.x, rect.top()),
        pos2(rect.right(), c.y),
        pos2(c.x, rect.bottom()),
        pos2(rect.left(), c.y),
    ]
}
