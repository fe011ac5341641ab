//! The chart in the accessibility tree: a node for every bar in view, named after its mission,
//! where screen readers (and tests) find it and can click it; one for each lane and ghost.

use std::collections::HashMap;

use egui::{Id, Rect, Ui};

use crate::edit::MissionKey;
use crate::layout::Scene;
use crate::render::screen_rect;
use crate::ui::session::Session;
use crate::ui::words::mission_description;

/// What a screen reader hears of each mission described so far, kept while the session's
/// revision stays: the ring moving or the view scrolling says nothing new of a mission, and
/// writing its dates and conflicts in words for thousands of bars in view would take most of a
/// frame.
#[derive(Default)]
pub struct Descriptions {
    revision: u64,
    of: HashMap<MissionKey, String>,
}

impl Descriptions {
    /// `key`'s description in `session`.
    fn of(&mut self, session: &Session, key: MissionKey) -> String {
        if self.revision != session.revision() {
            self.of.clear();
            self.revision = session.revision();
        }
        (self.of.entry(key))
            .or_insert_with(|| mission_description(session, key))
            .clone()
    }
}

/// The id of a mission's node in the accessibility tree.
fn bar_id(canvas: Id, mission: MissionKey) -> Id {
    canvas.with(("mission", mission))
}

/// The missions on which assistive technology asked for `action` (a click, the focus) this
/// frame; `keys` are those of the scene's bars.
pub fn accessible_requests(
    ui: &Ui,
    canvas: Id,
    keys: &[MissionKey],
    action: egui::accesskit::Action,
) -> Vec<MissionKey> {
    ui.input(|i| {
        let targets: Vec<egui::accesskit::NodeId> = (i.events.iter())
            .filter_map(|event| match event {
                egui::Event::AccessKitActionRequest(request) if request.action == action => {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect();
        if targets.is_empty() {
            return Vec::new();
        }
        (keys.iter().copied())
            .filter(|&key| targets.contains(&bar_id(canvas, key).accesskit_id()))
            .collect()
    })
}

/// Gives every bar in view a node in the accessibility tree, named after its mission and
/// described as a person reads it (status and dates, lead and contributors, conflicts), where
/// screen readers (and tests) find it; a click on it from assistive technology selects it, and
/// its focus moves the chart's focus ring there. Each lane is a group, named, holding its bars.
/// The mission in the ring (`focused`) is the chart's active descendant. The ghosts of compare
/// mode get a node too. `lanes` is the chart with the lane names left of it.
pub fn describe_bars(
    ui: &mut Ui,
    canvas: Id,
    (scene, lanes, chart): (&Scene, Rect, Rect),
    keys: &[MissionKey],
    (session, focused): (&Session, Option<MissionKey>),
    descriptions: &mut Descriptions,
) {
    let ctx = ui.ctx().clone();
    if ctx.accesskit_node_builder(canvas, |_| ()).is_none() {
        // Accessibility is off: nothing needs a node.
        return;
    }
    let mut lane_ids = Vec::with_capacity(scene.lanes.len());
    for (k, lane) in scene.lanes.iter().enumerate() {
        let rect = Rect::from_x_y_ranges(
            lanes.left()..=chart.right(),
            chart.top() + lane.top..=chart.top() + lane.bottom,
        )
        .intersect(lanes);
        let id = canvas.with(("lane", k));
        node_in(ui, id, canvas, rect);
        describe(&ctx, id, rect, |node| {
            node.set_role(egui::accesskit::Role::Group);
            node.set_label(lane.name.as_str());
        });
        lane_ids.push((lane.top, lane.bottom, id));
    }
    for (bar, &key) in scene.bars.iter().zip(keys) {
        let rect = screen_rect(chart, &bar.rect).intersect(chart);
        let centre = bar.rect.centre_y();
        let lane = (lane_ids.iter())
            .find(|(top, bottom, _)| (*top..*bottom).contains(&centre))
            .map_or(canvas, |&(_, _, id)| id);
        let id = bar_id(canvas, key);
        node_in(ui, id, lane, rect);
        let name = spoken_name(&bar.name, session, key);
        describe(&ctx, id, rect, |node| {
            node.set_role(egui::accesskit::Role::Button);
            node.set_label(name);
            node.set_description(descriptions.of(session, key));
            node.add_action(egui::accesskit::Action::Click);
            node.add_action(egui::accesskit::Action::Focus);
        });
    }
    if let Some(key) = focused {
        ctx.accesskit_node_builder(canvas, |node| {
            node.set_active_descendant(bar_id(canvas, key).accesskit_id());
        });
    }
    let ghosts_are = session.ghosts_in_words();
    for ghost in &scene.ghosts {
        let rect = screen_rect(chart, &ghost.rect).intersect(chart);
        describe(&ctx, canvas.with(("ghost", ghost.mission)), rect, |node| {
            node.set_role(egui::accesskit::Role::Image);
            if ghost.proposed {
                node.set_label(format!("{} where the preview moves it", ghost.name));
            } else {
                node.set_label(format!("{} {ghosts_are}", ghost.name));
            }
        });
    }
}

/// A bar's name as a screen reader says it: a mission whose name was left blank is still
/// named, by its id.
fn spoken_name(name: &str, session: &Session, key: MissionKey) -> String {
    if !name.trim().is_empty() {
        return name.to_owned();
    }
    let id = session.mission(key).map(|m| m.id.to_string());
    format!("Unnamed mission {}", id.unwrap_or_default())
}

/// Registers `id` in the accessibility tree under `parent` (a lane under the chart, a bar under
/// its lane), as egui does for the widgets of a `Ui`: through an empty child `Ui` of that id.
fn node_in(ui: &mut Ui, id: Id, parent: Id, rect: Rect) {
    let builder = egui::UiBuilder::new()
        .scope_id(id)
        .accessibility_parent(parent)
        .max_rect(rect);
    let _ = ui.new_child(builder);
}

/// A node at `rect` in the accessibility tree, filled in by `fill`; `None` when accessibility
/// is off.
fn describe(
    ctx: &egui::Context,
    id: Id,
    rect: Rect,
    fill: impl FnOnce(&mut egui::accesskit::Node),
) -> Option<()> {
    ctx.accesskit_node_builder(id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        fill(node);
    })
}
