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
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::NaiveDate;
    use egui::epaint::ClippedShape;
    use egui::{Context, RawInput, Rect, pos2, vec2};

    use crate::analysis::{LiveConflicts, find_conflicts};
    use crate::bundled::bundled_roadmap;
    use crate::edit::Document;
    use crate::layout::{self, Arrangement, LaneKey, Showing, TimeView};
    use crate::model::Roadmap;
    use crate::ui::timeline::{ChartVersion, Timeline, TimelineInput};

    /// What the chart is given, in a form a test can change field by field.
    #[derive(Clone)]
    struct Given {
        selected: BTreeSet<usize>,
        proposed: BTreeMap<usize, (i32, i32)>,
        driving: Vec<usize>,
        today: NaiveDate,
        version: u64,
        view: TimeView,
        legend: bool,
    }

    impl Given {
        /// The same, of the next version of the roadmap.
        fn next_version(&self) -> Given {
            Given {
                version: self.version + 1,
                ..self.clone()
            }
        }
    }

    /// One frame of the chart alone, filling the screen; what it painted.
    fn paint(
        ctx: &Context,
        timeline: &mut Timeline,
        document: &Document,
        arrangement: &Arrangement,
        given: &Given,
    ) -> Vec<ClippedShape> {
        let roadmap = document.roadmap();
        let showing = Showing::default();
        let input = TimelineInput {
            roadmap,
            keys: document.keys(),
            conflicts: &[],
            arrangement,
            selection: &BTreeSet::new(),
            selected_positions: &given.selected,
            showing: &showing,
            highlight: None,
            show_legend: given.legend,
            today: given.today,
            locked: false,
            proposed: &given.proposed,
            driving: &given.driving,
            float_text: &|_| None,
            outlook: None,
            version: ChartVersion {
                derived: given.version,
                outlook: None,
            },
        };
        let raw = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1200.0, 700.0))),
            ..RawInput::default()
        };
        let mut view = given.view;
        let mut output = ctx.run_ui(raw, |ui| {
            timeline.ui(ui, &mut view, &input);
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        output.shapes
    }

    fn setup() -> (Document, Arrangement, Given) {
        let roadmap: Roadmap = bundled_roadmap().unwrap_or_default();
        let conflicts = find_conflicts(&roadmap);
        let showing = Showing::default();
        let arrangement = layout::arrange(&roadmap, &conflicts, &showing, None);
        let view = layout::fit_all(&roadmap, &showing).unwrap_or_default();
        let given = Given {
            selected: BTreeSet::new(),
            proposed: BTreeMap::new(),
            driving: Vec::new(),
            today: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default(),
            version: 1,
            view,
            legend: true,
        };
        (Document::new(roadmap, true), arrangement, given)
    }

    /// What the chart is drawn from in a frame.
    type Frame<'a> = (&'a Document, &'a Arrangement, &'a Given);

    /// Paints `before` then `after` with one chart, and `after` with a chart that never
    /// painted: the two pictures of `after` must be the same, and not that of `before`.
    fn assert_painted_afresh(what: &str, before: Frame, after: Frame) {
        let ctx = Context::default();
        let mut kept = Timeline::default();
        let first = paint(&ctx, &mut kept, before.0, before.1, before.2);
        let then = paint(&ctx, &mut kept, after.0, after.1, after.2);
        let fresh = paint(&ctx, &mut Timeline::default(), after.0, after.1, after.2);
        // Compared whole, not printed: a picture's shapes print as megabytes.
        assert!(then != first, "{what} changes the chart");
        assert!(then == fresh, "{what}: the chart is painted again");
    }

    #[test]
    fn a_frame_in_which_nothing_changed_paints_what_the_last_one_painted() {
        let (document, arrangement, given) = setup();
        let ctx = Context::default();
        let mut timeline = Timeline::default();
        let first = paint(&ctx, &mut timeline, &document, &arrangement, &given);
        let again = paint(&ctx, &mut timeline, &document, &arrangement, &given);
        assert!(first.len() > 100, "the bundled roadmap paints its bars");
        assert_eq!(again, first);
    }

    /// For each change to what the chart is given, the chart that painted the frame before
    /// paints what a chart that never painted anything paints: nothing is left over.
    #[test]
    fn a_frame_after_any_change_paints_the_chart_afresh() {
        let (document, arrangement, before) = setup();
        let mut changes: Vec<(&str, Given)> = Vec::new();
        let mut change = |what, f: &dyn Fn(&mut Given)| {
            let mut given = before.clone();
            f(&mut given);
            changes.push((what, given));
        };
        change("a mission selected", &|g| {
            g.selected.insert(3);
        });
        change("a ghost proposed", &|g| {
            g.proposed.insert(3, (20_000, 20_100));
        });
        change("a driving path", &|g| g.driving = vec![3, 4]);
        change("another day", &|g| {
            g.today = g.today + chrono::Days::new(400)
        });
        change("zoomed", &|g| g.view.zoom_at(g.view.min, 2.0));
        change("the legend hidden", &|g| g.legend = false);
        for (what, given) in &changes {
            assert_painted_afresh(
                what,
                (&document, &arrangement, &before),
                (&document, &arrangement, given),
            );
        }
    }

    #[test]
    fn a_new_version_of_the_roadmap_is_painted_afresh() {
        let (document, arrangement, given) = setup();
        let mut moved = document.roadmap().clone();
        let year = chrono::Days::new(365);
        for mission in &mut moved.missions {
            (mission.start, mission.end) = (mission.start + year, mission.end + year);
        }
        let moved_arrangement =
            layout::arrange(&moved, &find_conflicts(&moved), &Showing::default(), None);
        let moved = Document::new(moved, true);
        let newer = given.next_version();
        assert_painted_afresh(
            "every mission a year later",
            (&document, &arrangement, &given),
            (&moved, &moved_arrangement, &newer),
        );
    }

    /// A frame of a drag keeps the lanes that nothing changed in: what it paints is what a
    /// chart that never painted paints. Artemis III (low Earth orbit) moved a year later
    /// breaks Artemis IV's dependency on it, whose ring is drawn in another lane.
    #[test]
    fn a_frame_of_a_drag_keeps_only_the_lanes_nothing_changed_in() {
        let (document, arrangement, given) = setup();
        let mut moved = document.roadmap().clone();
        let Some(i) = moved
            .missions
            .iter()
            .position(|m| m.id.as_str() == "artemis-3")
        else {
            panic!("the bundled roadmap has Artemis III");
        };
        let year = chrono::Days::new(365);
        let mission = &mut moved.missions[i];
        (mission.start, mission.end) = (mission.start + year, mission.end + year);
        let mut live = LiveConflicts::new(document.roadmap(), None);
        let changes = live.dates_changed(&moved, &[i]);
        let mut rearranged = arrangement.clone();
        layout::rearrange_after_date_change(
            &mut rearranged,
            &moved,
            live.conflicts(),
            changes.as_ref(),
            None,
            &[i],
        );
        let version = |a: &Arrangement, key: &str| {
            a.lanes
                .iter()
                .find(|lane| lane.key == LaneKey::Destination(key.into()))
                .map(|lane| lane.version)
        };
        for (destination, changed) in [("leo", true), ("lunar-surface", true), ("mars", false)] {
            assert_eq!(
                version(&rearranged, destination) != version(&arrangement, destination),
                changed,
                "{destination}"
            );
        }
        let moved = Document::new(moved, true);
        let newer = given.next_version();
        assert_painted_afresh(
            "Artemis III a year later",
            (&document, &arrangement, &given),
            (&moved, &rearranged, &newer),
        );
    }

    /// A lane that grows moves the lanes below it, which are then painted again lower down,
    /// though nothing in them changed.
    #[test]
    fn lanes_below_a_lane_that_grew_are_painted_where_they_now_are() {
        let (document, arrangement, given) = setup();
        let mut grown = arrangement.clone();
        let first = &mut grown.lanes[0];
        first.rows.push(Vec::new());
        first.version += 1_000_000;
        let newer = given.next_version();
        assert_painted_afresh(
            "a row more in the first lane",
            (&document, &arrangement, &given),
            (&document, &grown, &newer),
        );
    }
}
