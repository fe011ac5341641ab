//! Scene → egui shapes.

use egui::epaint::{TessellationOptions, Tessellator};
use egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2,
};

use super::batch::RectBatch;
use super::colors::{
    DRIVING_COLOR, ERROR_COLOR, Frame, LEGEND_STYLES, PHASE_COLOR, Palette, SLIP_COLOR, TAIL_LABEL,
    WINDOW_COLOR, bar_frame, conflict_ring, fill_color, hatch_color, ink, legend_label,
    legend_sample, operating_color, outline, tail, tail_sample, today_color,
};
use crate::layout::{
    self, Arrow, Band, BandKind, Bar, BarShape, Ghost, Label, SMALL_TEXT_SIZE, Scene, TEXT_SIZE,
};
use crate::model::MissionStatus;

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
    let mut arrows = RectBatch::with_room(painter.pixels_per_point(), scene.arrows.len() * 4);
    for arrow in &scene.arrows {
        paint_arrow(&mut arrows, arrow, style);
    }
    arrows.paint(&lanes_area(painter, style));
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
    let mut ghost_batch = RectBatch::with_room(painter.pixels_per_point(), ghosts.len() * 6);
    for ghost in ghosts {
        paint_ghost(&mut ghost_batch, ghost, style);
    }
    ghost_batch.paint(&lanes_area);
    let mut bar_batch = RectBatch::with_room(painter.pixels_per_point(), bars.len() * 6);
    for bar in bars {
        paint_tail(&mut bar_batch, bar, style);
    }
    for bar in bars {
        paint_bar_body(&mut bar_batch, &lanes_area, bar, style);
    }
    bar_batch.paint(&lanes_area);
    let crew_icon = crew_icon_mesh(painter.pixels_per_point());
    let mut icons = RectBatch::new(painter.pixels_per_point());
    for bar in bars {
        if let Some([x, y]) = bar.crew_icon_centre() {
            let ink = ink(bar, true, &style.colors);
            icons.stamp(&crew_icon, style.at(x, y).to_vec2(), ink);
        }
    }
    icons.paint(&lanes_area);
    for bar in bars {
        if let Some(label) = &bar.label {
            let color = ink(bar, label.inside, &style.colors);
            paint_label(&lanes_area, label, TEXT_SIZE, color, style);
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

fn paint_arrow(batch: &mut RectBatch, arrow: &Arrow, style: &SceneStyle) {
    let (width, color) = style.colors.arrow(arrow.violated);
    let (line, head) = arrow.path();
    let line: Vec<Pos2> = line.iter().map(|&[x, y]| style.at(x, y)).collect();
    batch.polyline(&line, width, color);
    batch.triangle(head.map(|[x, y]| style.at(x, y)), color);
}

/// Where a mission was in the baseline: a faint dashed box, and an arrow to where it starts now.
fn paint_ghost(batch: &mut RectBatch, ghost: &Ghost, style: &SceneStyle) {
    let rect = style.rect(&ghost.rect);
    let (fill, frame) = style.colors.ghost();
    batch.fill(rect, fill);
    paint_frame(batch, rect, frame);
    if let Some((line, head)) = ghost.slip_arrow() {
        let [from, to] = line.map(|[x, y]| style.at(x, y));
        batch.line(from, to, 1.5, SLIP_COLOR);
        batch.triangle(head.map(|[x, y]| style.at(x, y)), SLIP_COLOR);
    }
}

/// The outlook's tail of a bar: its colour fading out from its end to its P80 end.
fn paint_tail(batch: &mut RectBatch, bar: &Bar, style: &SceneStyle) {
    if let Some((rect, color)) = tail(bar, &style.colors) {
        batch.fade_right(style.rect(&rect), color);
    }
}

/// The rectangles of a bar: rings for selection and conflicts, the fill, the outline.
fn paint_bar_body(batch: &mut RectBatch, painter: &Painter, bar: &Bar, style: &SceneStyle) {
    let rect = style.rect(&bar.rect);
    if bar.shape == BarShape::Milestone {
        // A diamond's sides are slanted: egui draws it anti-aliased.
        let outer = |grow: f32, stroke: Stroke| {
            Shape::convex_polygon(diamond(rect.expand(grow)), Color32::TRANSPARENT, stroke)
        };
        if bar.selected {
            painter.add(outer(4.5, Stroke::new(2.0, style.colors.selection)));
        } else if bar.driving {
            painter.add(outer(4.5, Stroke::new(2.0, DRIVING_COLOR)));
        }
        if let Some((gap, width, color)) = conflict_ring(bar) {
            painter.add(outer(gap, Stroke::new(width, color)));
        }
        painter.add(Shape::convex_polygon(
            diamond(rect),
            fill_color(bar, &style.colors),
            Stroke::from(outline(bar, &style.colors)),
        ));
        return;
    }
    if bar.selected {
        batch.frame(rect.expand(6.5), 2.0, style.colors.selection);
    } else if bar.driving {
        batch.frame(rect.expand(6.5), 2.0, DRIVING_COLOR);
    }
    if let Some((gap, width, color)) = conflict_ring(bar) {
        batch.frame(rect.expand(gap), width, color);
    }
    paint_bar_rects(batch, rect, bar, style);
}

/// A bar's own rectangles at `rect`: fill, hatching, outline in its status's style.
fn paint_bar_rects(batch: &mut RectBatch, rect: Rect, bar: &Bar, style: &SceneStyle) {
    let fill = fill_color(bar, &style.colors);
    batch.fill(rect, fill);
    if let Some(x) = bar.operating_from.filter(|_| !bar.contribution) {
        let operating = Rect::from_x_y_ranges(style.at(x, 0.0).x..=rect.right(), rect.y_range());
        batch.fill(operating, operating_color(bar, &style.colors));
    }
    if bar.contribution {
        // A contribution to another agency's mission: hatched in the lead's colour.
        batch.hatch(rect, hatch_color(bar, &style.colors), 6.0);
    }
    // A solid outline the colour of an opaque fill (a planned mission's) would not show: on a
    // chart of thousands of bars, leaving it out is four rectangles fewer each.
    let frame = bar_frame(bar, rect.width(), &style.colors)
        .filter(|frame| frame.dashes.is_some() || frame.color != fill || !fill.is_opaque());
    if let Some(frame) = frame {
        paint_frame(batch, rect, frame);
    }
    if bar.status == MissionStatus::Cancelled {
        batch.line(
            pos2(rect.left(), rect.center().y),
            pos2(rect.right(), rect.center().y),
            1.5,
            style.colors.text,
        );
    }
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
    let statuses = LEGEND_STYLES;
    let agency_rows = scene.agencies.len().div_ceil(3);
    let rows = agency_rows + statuses.len() + 1 + usize::from(scene.outlook);
    let height = row * rows as f32 + 12.0;
    let width = 250.0;
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
    painter.extend(crew_icon(at + vec2(11.0, 8.0), style.colors.text));
    painter.text(
        at + vec2(30.0, 0.0),
        Align2::LEFT_TOP,
        "crewed mission",
        font.clone(),
        style.colors.text,
    );
    at.y += row;
    for entry in statuses {
        let rect = Rect::from_min_size(at + vec2(0.0, 2.0), swatch);
        let bar = legend_sample(entry, chart_relative(rect, style));
        let mut batch = RectBatch::new(painter.pixels_per_point());
        paint_bar_rects(&mut batch, rect, &bar, style);
        batch.paint(painter);
        painter.text(
            at + vec2(30.0, 0.0),
            Align2::LEFT_TOP,
            legend_label(entry),
            font.clone(),
            style.colors.text,
        );
        at.y += row;
    }
    if scene.outlook {
        let rect = Rect::from_min_size(at + vec2(0.0, 2.0), swatch);
        let bar = tail_sample(chart_relative(rect, style));
        let mut batch = RectBatch::new(painter.pixels_per_point());
        paint_tail(&mut batch, &bar, style);
        paint_bar_rects(&mut batch, style.rect(&bar.rect), &bar, style);
        batch.paint(painter);
        painter.text(
            at + vec2(30.0, 0.0),
            Align2::LEFT_TOP,
            TAIL_LABEL,
            font,
            style.colors.text,
        );
    }
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
