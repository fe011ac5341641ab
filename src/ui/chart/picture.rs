//! The shapes the chart painted, kept so that a frame in which nothing the chart is made from
//! changed (the pointer moved, a tooltip opened, a panel redrew) paints them again instead of
//! laying out and painting thousands of bars once more. On a roadmap of 10,000 missions that
//! is about half of a still frame.

use egui::{Painter, Rect, Shape};

use crate::layout::{self, LaneScene, LayoutInput, Scene};
use crate::render::{SceneStyle, paint_lane, paint_over_lanes, paint_under_lanes};

/// Shapes painted, each with the rectangle it is clipped to.
pub type Painted = Vec<(Rect, Shape)>;

/// Paints with `paint` on `painter` and returns the shapes it added to `painter`'s layer.
pub fn record(painter: &Painter, paint: impl FnOnce(&Painter)) -> Painted {
    let layer = painter.layer_id();
    let first = painter.ctx().graphics_mut(|g| g.entry(layer).next_idx());
    paint(painter);
    painter.ctx().graphics(|g| {
        g.get(layer).map_or_else(Vec::new, |list| {
            list.all_entries()
                .skip(first.0)
                .map(|clipped| (clipped.clip_rect, clipped.shape.clone()))
                .collect()
        })
    })
}

/// Adds `shapes` recorded earlier to `painter`'s layer, as they were painted. Their text is
/// laid out again (a lookup in egui's cache): when the font atlas fills up egui starts a new
/// one, and glyphs laid out before would then point into the old one.
pub fn replay(painter: &Painter, shapes: &Painted) {
    let shapes: Painted = shapes
        .iter()
        .map(|(clip_rect, shape)| {
            let shape = match shape {
                Shape::Text(text) => {
                    let mut text = text.clone();
                    text.galley = painter.layout_job((*text.galley.job).clone());
                    Shape::Text(text)
                }
                shape => shape.clone(),
            };
            (*clip_rect, shape)
        })
        .collect();
    painter.ctx().graphics_mut(|g| {
        let list = g.entry(painter.layer_id());
        for (clip_rect, shape) in shapes {
            list.add(clip_rect, shape);
        }
    });
}

/// A lane as the chart last laid it out and painted.
pub struct LanePicture {
    version: u64,
    scene: LaneScene,
    shapes: Painted,
}

/// The chart, laid out and painted: its scene, and the shapes painted under the lanes, for
/// each lane and over them, to paint again or keep lanes of.
pub struct Painting {
    pub scene: Scene,
    under: Painted,
    lanes: Vec<LanePicture>,
    over: Painted,
}

impl Painting {
    /// Paints it again as it was.
    pub fn replay(&self, painter: &Painter) {
        replay(painter, &self.under);
        for lane in &self.lanes {
            replay(painter, &lane.shapes);
        }
        replay(painter, &self.over);
    }

    /// Its lanes, to keep for the next picture.
    pub fn into_lanes(self) -> Vec<LanePicture> {
        self.lanes
    }
}

/// Lays out and paints the chart of `input` in `style`, keeping from `kept` (the lanes of the
/// last picture, drawn in the same view with the same selection and style) each lane whose
/// version and top are the same. A frame of a drag so lays out and paints again only the
/// lanes that its moved missions and changed conflicts are in; the axis, bands, arrows and
/// legend around them are drawn anew.
pub fn paint_chart(
    painter: &Painter,
    input: &LayoutInput,
    style: &SceneStyle,
    kept: Vec<LanePicture>,
) -> Painting {
    let mut kept = kept.into_iter();
    // Each lane with its shapes when it is kept, laid out now (to be painted below) when not.
    let lanes: Vec<(u64, LaneScene, Option<Painted>)> = input
        .arrangement
        .lanes
        .iter()
        .zip(layout::lane_tops(input))
        .map(|(lane, top)| {
            let same = |p: &LanePicture| p.version == lane.version && p.scene.top == top;
            match kept.next().filter(same) {
                Some(picture) => (lane.version, picture.scene, Some(picture.shapes)),
                None => (lane.version, layout::lay_out_lane(input, lane, top), None),
            }
        })
        .collect();
    let scenes: Vec<&LaneScene> = lanes.iter().map(|(_, scene, _)| scene).collect();
    let scene = layout::assemble(input, &scenes);
    let under = record(painter, |painter| paint_under_lanes(painter, &scene, style));
    let lanes = lanes
        .into_iter()
        .zip(&scene.lanes)
        .map(|((version, lane_scene, shapes), placed)| {
            let shapes = match shapes {
                Some(shapes) => {
                    replay(painter, &shapes);
                    shapes
                }
                None => record(painter, |painter| {
                    let bars = &scene.bars[placed.bars.clone()];
                    paint_lane(painter, bars, &scene.ghosts[placed.ghosts.clone()], style);
                }),
            };
            LanePicture {
                version,
                scene: lane_scene,
                shapes,
            }
        })
        .collect();
    let over = record(painter, |painter| paint_over_lanes(painter, &scene, style));
    Painting {
        scene,
        under,
        lanes,
        over,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate};
    use egui::epaint::ClippedShape;
    use egui::{Context, RawInput, Rect, pos2, vec2};

    use crate::bundled::bundled_roadmap;
    use crate::edit::MissionKey;
    use crate::layout::{self, LaneKey, Showing, TimeView};
    use crate::model::Roadmap;
    use crate::ui::chart::{ChartInput, Timeline};
    use crate::ui::runner::Runner;
    use crate::ui::session::{Finished, Previewed, Session};

    use super::LanePicture;

    /// Background work run inline, as in the window's tests.
    type Inline = Runner<Option<Finished>>;

    fn inline() -> Inline {
        Runner::new(true, |_| None)
    }

    /// A session and what the window around it shows.
    struct Frame {
        session: Session,
        view: TimeView,
        legend: bool,
    }

    impl Frame {
        /// The bundled roadmap on 2 December 2026, the whole of it in view.
        fn new() -> Self {
            Self::of(bundled_roadmap().unwrap_or_default())
        }

        fn of(roadmap: Roadmap) -> Self {
            let view = layout::fit_all(&roadmap, &Showing::default()).unwrap_or_default();
            let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
            let mut frame = Self {
                session: Session::new(roadmap, true, today),
                view,
                legend: true,
            };
            frame.refresh(&mut inline());
            frame
        }

        fn refresh(&mut self, runner: &mut Inline) {
            self.session.refresh(&Showing::default(), false, runner);
            for finished in runner.finished().into_iter().flatten() {
                self.session.finished(finished);
            }
            self.session.refresh(&Showing::default(), false, runner);
        }

        fn key(&self, id: &str) -> MissionKey {
            (self.session.missions())
                .find_map(|(key, m)| (m.id.as_str() == id).then_some(key))
                .unwrap_or_else(|| panic!("the bundled roadmap has {id}"))
        }

        /// The same frame after `change`.
        fn changed(change: impl FnOnce(&mut Self, &mut Inline)) -> Self {
            let mut frame = Self::new();
            let mut runner = inline();
            change(&mut frame, &mut runner);
            frame.refresh(&mut runner);
            frame
        }
    }

    /// One frame of the chart alone, filling the screen; what it painted.
    fn paint(ctx: &Context, timeline: &mut Timeline, frame: &Frame) -> Vec<ClippedShape> {
        let showing = Showing::default();
        let input = ChartInput {
            session: &frame.session,
            showing: &showing,
            show_legend: frame.legend,
            locked: false,
        };
        let raw = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1200.0, 700.0))),
            ..RawInput::default()
        };
        let mut view = frame.view;
        let mut output = ctx.run_ui(raw, |ui| {
            timeline.ui(ui, &mut view, &input);
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        output.shapes
    }

    /// Paints `before` then `after` with one chart, and `after` with a chart that never
    /// painted: the two pictures of `after` must be the same, and not that of `before`.
    fn assert_painted_afresh(what: &str, before: &Frame, after: &Frame) {
        let ctx = Context::default();
        let mut kept = Timeline::default();
        let first = paint(&ctx, &mut kept, before);
        let then = paint(&ctx, &mut kept, after);
        let fresh = paint(&ctx, &mut Timeline::default(), after);
        // Compared whole, not printed: a picture's shapes print as megabytes.
        assert!(then != first, "{what} changes the chart");
        assert!(then == fresh, "{what}: the chart is painted again");
    }

    #[test]
    fn a_frame_in_which_nothing_changed_paints_what_the_last_one_painted() {
        let frame = Frame::new();
        let ctx = Context::default();
        let mut timeline = Timeline::default();
        let first = paint(&ctx, &mut timeline, &frame);
        let again = paint(&ctx, &mut timeline, &frame);
        assert!(first.len() > 100, "the bundled roadmap paints its bars");
        assert_eq!(again, first);
    }

    /// For each change to what the chart is given, the chart that painted the frame before
    /// paints what a chart that never painted anything paints: nothing is left over.
    #[test]
    fn a_frame_after_any_change_paints_the_chart_afresh() {
        let before = Frame::new();
        let changes: Vec<(&str, Frame)> = vec![
            (
                "a mission selected",
                Frame::changed(|f, _| f.session.select([f.key("mmx")])),
            ),
            (
                "Resolve all's moves previewed",
                Frame::changed(|f, runner| {
                    f.session.set_resolving_all(true);
                    f.session.set_hovered(Some(Previewed::Whole));
                    f.session.want_whole(runner);
                }),
            ),
            (
                "a driving path",
                Frame::changed(|f, _| f.session.select([f.key("artemis-4")])),
            ),
            (
                "another day",
                Frame::changed(|f, _| {
                    let today = f.session.today() + Days::new(400);
                    f.session.set_today(today);
                }),
            ),
            (
                "an agency highlighted",
                Frame::changed(|f, _| f.session.set_highlight(Some("ESA".into()))),
            ),
            (
                "zoomed",
                Frame::changed(|f, _| f.view.zoom_at(f.view.min, 2.0)),
            ),
            ("the legend hidden", Frame::changed(|f, _| f.legend = false)),
        ];
        for (what, after) in &changes {
            assert_painted_afresh(what, &before, after);
        }
    }

    #[test]
    fn a_new_version_of_the_roadmap_is_painted_afresh() {
        let before = Frame::new();
        let mut moved = before.session.roadmap().clone();
        let year = Days::new(365);
        for mission in &mut moved.missions {
            (mission.start, mission.end) = (mission.start + year, mission.end + year);
        }
        let after = Frame::changed(|f, _| f.session.replace(moved, true));
        assert_painted_afresh("every mission a year later", &before, &after);
    }

    /// A frame of a drag keeps the lanes that nothing changed in: what it paints is what a
    /// chart that never painted paints. Artemis III (low Earth orbit) moved a year later
    /// breaks Artemis IV's dependency on it, whose ring is drawn in another lane.
    #[test]
    fn a_frame_of_a_drag_keeps_only_the_lanes_nothing_changed_in() {
        let mut frame = Frame::new();
        let version = |f: &Frame, key: &str| {
            (f.session.arrangement().lanes.iter())
                .find(|lane| lane.key == LaneKey::Destination(key.into()))
                .map(|lane| lane.version)
        };
        let versions = |f: &Frame| ["leo", "lunar-surface", "mars"].map(|d| version(f, d));
        let ctx = Context::default();
        let mut kept = Timeline::default();
        let first = paint(&ctx, &mut kept, &frame);
        let before = versions(&frame);
        let key = frame.key("artemis-3");
        let year = Days::new(365);
        let dates = (frame.session.mission(key)).map(|m| (key, m.start + year, m.end + year));
        frame
            .session
            .preview_dates(&dates.into_iter().collect(), false);
        frame.refresh(&mut inline());
        let after = versions(&frame);
        let changed = [0, 1, 2].map(|k| before[k] != after[k]);
        assert_eq!(
            changed,
            [true, true, false],
            "leo, lunar surface and mars changed"
        );
        let then = paint(&ctx, &mut kept, &frame);
        let fresh = paint(&ctx, &mut Timeline::default(), &frame);
        assert!(then != first, "Artemis III a year later changes the chart");
        assert!(
            then == fresh,
            "Artemis III a year later: the chart is painted again"
        );
    }

    /// A lane that grows moves the lanes below it, which are then painted again lower down,
    /// though nothing in them changed.
    #[test]
    fn lanes_below_a_lane_that_grew_are_painted_where_they_now_are() {
        let frame = Frame::new();
        let mut grown = frame.session.arrangement().clone();
        let first = &mut grown.lanes[0];
        first.rows.push(Vec::new());
        first.version += 1_000_000;
        let ctx = Context::default();
        let style = |ui: &egui::Ui| crate::render::SceneStyle {
            chart: Rect::from_min_size(pos2(170.0, 0.0), vec2(1030.0, 700.0)),
            gutter: Rect::from_min_size(pos2(0.0, 0.0), vec2(170.0, 700.0)),
            colors: crate::render::Palette::of(ui.visuals()),
            legend: true,
        };
        let painted = |arrangement: &layout::Arrangement, kept: Vec<LanePicture>| {
            let mut lanes = Vec::new();
            let mut kept = Some(kept);
            let mut shapes = ctx.run_ui(RawInput::default(), |ui| {
                let input = layout::LayoutInput {
                    arrangement,
                    ..frame.session.layout_input(frame.view, (1030.0, 700.0), 0.0)
                };
                let kept = kept.take().unwrap_or_default();
                let painting = super::paint_chart(ui.painter(), &input, &style(ui), kept);
                lanes = painting.into_lanes();
            });
            shapes.textures_delta.clear();
            (shapes.shapes, lanes)
        };
        let (_, before) = painted(frame.session.arrangement(), Vec::new());
        let (kept, _) = painted(&grown, before);
        let (fresh, _) = painted(&grown, Vec::new());
        assert!(
            kept == fresh,
            "a row more in the first lane: the chart is painted again"
        );
    }
}
