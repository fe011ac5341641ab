//! Axis-aligned rectangles batched into one mesh.
//!
//! A chart of thousands of missions is mostly rectangles: bars, their outlines, the segments of
//! elbow arrows. Handed to egui one shape each, they cost more to tessellate than everything
//! else in the frame; pushed straight into one mesh they cost four vertices each. Their edges are
//! snapped to physical pixels, so they are crisp without anti-aliasing.

use std::sync::Arc;

use egui::emath::GuiRounding as _;
use egui::epaint::Vertex;
use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, Vec2, vec2};

/// Rectangles to be painted as one mesh, in the order they were added.
pub struct RectBatch {
    mesh: Mesh,
    pixels_per_point: f32,
}

impl RectBatch {
    /// An empty batch for a painter with this many physical pixels per point.
    pub fn new(pixels_per_point: f32) -> Self {
        Self::with_room(pixels_per_point, 0)
    }

    /// An empty batch with room for about `rects` rectangles, so that filling it does not grow
    /// its buffers again and again (on a chart of thousands of bars that was a tenth of a frame).
    pub fn with_room(pixels_per_point: f32, rects: usize) -> Self {
        let mut mesh = Mesh::default();
        mesh.reserve_triangles(rects * 2);
        mesh.reserve_vertices(rects * 4);
        Self {
            mesh,
            pixels_per_point,
        }
    }

    /// A filled rectangle, its edges on pixel boundaries; nothing when it covers no pixel.
    pub fn fill(&mut self, rect: Rect, color: Color32) {
        let snapped = rect.round_to_pixels(self.pixels_per_point);
        if snapped.is_positive() && color != Color32::TRANSPARENT {
            self.mesh.add_colored_rect(snapped, color);
        }
    }

    /// A frame `width` thick, inside `rect`.
    pub fn frame(&mut self, rect: Rect, width: f32, color: Color32) {
        let width = width.min(rect.width() / 2.0).min(rect.height() / 2.0);
        let (top, bottom) = (rect.top() + width, rect.bottom() - width);
        self.fill(
            Rect::from_x_y_ranges(rect.x_range(), rect.top()..=top),
            color,
        );
        self.fill(
            Rect::from_x_y_ranges(rect.x_range(), bottom..=rect.bottom()),
            color,
        );
        self.fill(
            Rect::from_x_y_ranges(rect.left()..=rect.left() + width, top..=bottom),
            color,
        );
        self.fill(
            Rect::from_x_y_ranges(rect.right() - width..=rect.right(), top..=bottom),
            color,
        );
    }

    /// A frame `width` thick inside `rect`, in dashes `dash` long with `gap` between them.
    pub fn dashed_frame(&mut self, rect: Rect, width: f32, color: Color32, dash: f32, gap: f32) {
        let inner = rect.shrink(width / 2.0);
        let corners = [
            inner.left_top(),
            inner.right_top(),
            inner.right_bottom(),
            inner.left_bottom(),
            inner.left_top(),
        ];
        // The pattern runs on around corners, as a dashed line along the outline would.
        let mut phase = 0.0;
        for side in corners.windows(2) {
            phase = self.dashed_segment(side[0], side[1], width, color, (dash, gap), phase);
        }
    }

    /// Dashes from `a` to `b` (horizontal or vertical), the pattern `phase` along at `a`;
    /// returns the pattern's phase at `b`.
    fn dashed_segment(
        &mut self,
        a: Pos2,
        b: Pos2,
        width: f32,
        color: Color32,
        (dash, gap): (f32, f32),
        phase: f32,
    ) -> f32 {
        let length = a.distance(b);
        let period = dash + gap;
        let mut start = -phase;
        while start < length {
            let (from, to) = (start.max(0.0), (start + dash).min(length));
            if to > from {
                self.line(
                    a.lerp(b, from / length),
                    a.lerp(b, to / length),
                    width,
                    color,
                );
            }
            start += period;
        }
        (phase + length) % period
    }

    /// A horizontal or vertical line `width` thick from `a` to `b`, ending square at both.
    pub fn line(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) {
        let half = width / 2.0;
        let across = if a.y == b.y {
            vec2(0.0, half)
        } else {
            vec2(half, 0.0)
        };
        self.fill(Rect::from_two_pos(a - across, b + across), color);
    }

    /// Horizontal and vertical lines through `points`, joined without notches at the corners.
    pub fn polyline(&mut self, points: &[Pos2], width: f32, color: Color32) {
        let half = width / 2.0;
        for pair in points.windows(2) {
            // Each segment reaches half a width past its ends, which fills the corner square.
            let along = (pair[1] - pair[0]).normalized() * half;
            self.line(pair[0] - along, pair[1] + along, width, color);
        }
    }

    /// Vertical stripes one pixel wide, `spacing` apart, across `rect`.
    pub fn hatch(&mut self, rect: Rect, color: Color32, spacing: f32) {
        let mut x = rect.left() + spacing / 2.0;
        while x < rect.right() {
            self.fill(Rect::from_x_y_ranges(x..=x + 1.0, rect.y_range()), color);
            x += spacing;
        }
    }

    /// A filled triangle, for arrowheads (not snapped: its sides are slanted anyway).
    pub fn triangle(&mut self, corners: [Pos2; 3], color: Color32) {
        let first = self.mesh.vertices.len() as u32;
        for corner in corners {
            self.mesh.colored_vertex(corner, color);
        }
        self.mesh.add_triangle(first, first + 1, first + 2);
    }

    /// A rectangle in `color` at its left edge, fading to nothing at its right edge.
    pub fn fade_right(&mut self, rect: Rect, color: Color32) {
        let snapped = rect.round_to_pixels(self.pixels_per_point);
        if !snapped.is_positive() {
            return;
        }
        let first = self.mesh.vertices.len() as u32;
        let clear = Color32::TRANSPARENT;
        for (corner, color) in [
            (snapped.left_top(), color),
            (snapped.right_top(), clear),
            (snapped.right_bottom(), clear),
            (snapped.left_bottom(), color),
        ] {
            self.mesh.colored_vertex(corner, color);
        }
        self.mesh.add_triangle(first, first + 1, first + 2);
        self.mesh.add_triangle(first, first + 2, first + 3);
    }

    /// A copy of `mesh`, drawn in white, moved by `offset` and in `color`: a small
    /// anti-aliased shape tessellated once, then stamped wherever it goes.
    pub fn stamp(&mut self, mesh: &Mesh, offset: Vec2, color: Color32) {
        let first = self.mesh.vertices.len() as u32;
        self.mesh
            .vertices
            .extend(mesh.vertices.iter().map(|vertex| Vertex {
                pos: vertex.pos + offset,
                uv: vertex.uv,
                // White at some coverage (premultiplied): the colour at that coverage.
                color: color.gamma_multiply_u8(vertex.color.a()),
            }));
        self.mesh
            .indices
            .extend(mesh.indices.iter().map(|index| index + first));
    }

    /// Adds the batch to `painter` as one shape.
    pub fn paint(self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.add(Shape::mesh(Arc::new(self.mesh)));
        }
    }
}

#[cfg(test)]
mod tests {
    use egui::{Color32, Rect, pos2};

    use super::RectBatch;

    /// The area the batch's triangles cover (they never overlap here).
    fn area(batch: &RectBatch) -> f32 {
        let v = &batch.mesh.vertices;
        batch
            .mesh
            .indices
            .chunks(3)
            .map(|t| {
                let (a, b, c) = (
                    v[t[0] as usize].pos,
                    v[t[1] as usize].pos,
                    v[t[2] as usize].pos,
                );
                ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn rectangles_snap_to_physical_pixels() {
        let mut batch = RectBatch::new(2.0);
        batch.fill(
            Rect::from_min_max(pos2(0.3, 0.3), pos2(10.2, 5.6)),
            Color32::RED,
        );
        assert!(
            batch
                .mesh
                .vertices
                .iter()
                .all(|v| (v.pos.x * 2.0).fract() == 0.0 && (v.pos.y * 2.0).fract() == 0.0),
            "{:?}",
            batch.mesh.vertices
        );
    }

    #[test]
    fn a_stamp_is_the_white_mesh_moved_and_in_the_colour_at_its_coverage() {
        let mut white = egui::Mesh::default();
        white.colored_vertex(pos2(0.0, 0.0), Color32::WHITE);
        white.colored_vertex(pos2(1.0, 0.0), Color32::WHITE.gamma_multiply_u8(128));
        white.colored_vertex(pos2(0.0, 1.0), Color32::TRANSPARENT);
        white.add_triangle(0, 1, 2);
        let mut batch = RectBatch::new(1.0);
        batch.fill(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            Color32::RED,
        );
        batch.stamp(&white, egui::vec2(10.0, 20.0), Color32::BLUE);
        let stamped = &batch.mesh.vertices[4..];
        let positions: Vec<_> = stamped.iter().map(|v| v.pos).collect();
        assert_eq!(
            positions,
            [pos2(10.0, 20.0), pos2(11.0, 20.0), pos2(10.0, 21.0)]
        );
        let colors: Vec<_> = stamped.iter().map(|v| v.color).collect();
        assert_eq!(
            colors,
            [
                Color32::BLUE,
                Color32::BLUE.gamma_multiply_u8(128),
                Color32::TRANSPARENT
            ]
        );
        assert_eq!(batch.mesh.indices[6..], [4, 5, 6]);
    }

    #[test]
    fn a_frame_covers_its_border_and_leaves_the_inside_empty() {
        let mut batch = RectBatch::new(1.0);
        batch.frame(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(20.0, 10.0)),
            2.0,
            Color32::RED,
        );
        assert_eq!(area(&batch), 20.0 * 10.0 - 16.0 * 6.0);
    }

    #[test]
    fn a_dashed_frame_covers_the_dashes_share_of_the_border() {
        let mut batch = RectBatch::new(1.0);
        // A perimeter of 80 points (at the middle of the 2-point line): ten periods of 5 + 3.
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(26.0, 18.0));
        batch.dashed_frame(rect, 2.0, Color32::RED, 5.0, 3.0);
        let dashes = area(&batch);
        let solid = 80.0 * 2.0;
        assert!(
            (dashes - solid * 5.0 / 8.0).abs() <= 8.0,
            "dashes cover {dashes} of a {solid} border"
        );
    }
}
