//! The chart: lays the roadmap out, paints it, and turns the pointer and keys into actions for
//! the app to apply. Zoom and pan change the view directly; changes to the roadmap are returned.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};
use egui::{
    Color32, CursorIcon, Id, Key, PopupAnchor, Rect, Response, Sense, Tooltip, Ui, WidgetInfo, pos2,
};

use super::picture;
use crate::analysis::Conflict;
use crate::edit::{MissionKey, MissionKeys};
use crate::layout::{
    self, Arrangement, BarPart, CalendarUnit, LaneKey, LayoutInput, Scene, Showing, TimeView,
    day_number, snap_unit,
};
use crate::model::{AgencyId, Mission, Roadmap};
use crate::render::{Palette, SceneStyle, screen_rect, severity_color};

/// Width of the column of lane names left of the chart.
pub const GUTTER_WIDTH: f32 = 170.0;

/// New dates for missions: `(key, start, end)`.
pub type Dates = Vec<(MissionKey, NaiveDate, NaiveDate)>;

/// What the user did on the chart.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineAction {
    /// Select these missions (`add`: keep the rest of the selection, toggling these).
    Select {
        /// The missions clicked.
        missions: Vec<MissionKey>,
        /// Ctrl or Shift was held.
        add: bool,
    },
    /// Select nothing.
    ClearSelection,
    /// Show this mission's fields (a double-click on its bar).
    Inspect(MissionKey),
    /// Add a mission starting on this day, on this lane.
    NewMission {
        /// The day clicked.
        start: NaiveDate,
        /// The lane clicked, if any.
        lane: Option<LaneKey>,
    },
    /// Missions' dates while a drag is under way.
    Preview(Dates),
    /// The drag ended: record it as one step with this label.
    EndGesture(String),
    /// The drag was abandoned (Esc): put the missions back.
    CancelGesture,
    /// Arrow keys moved the selection by one snap unit.
    Nudge(Dates),
}

/// What the chart shows.
pub struct TimelineInput<'a> {
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// The keys of its missions.
    pub keys: &'a MissionKeys,
    /// Its conflicts.
    pub conflicts: &'a [Conflict],
    /// Its lanes and rows (see [`layout::arrange`]).
    pub arrangement: &'a Arrangement,
    /// Selected missions, by key.
    pub selection: &'a BTreeSet<MissionKey>,
    /// The same, by position, as layout takes them.
    pub selected_positions: &'a BTreeSet<usize>,
    /// How missions are grouped and filtered.
    pub showing: &'a Showing,
    /// The agency whose missions stand out, if any.
    pub highlight: Option<&'a AgencyId>,
    /// Whether the legend is drawn.
    pub show_legend: bool,
    /// The day of the today line.
    pub today: NaiveDate,
    /// Missions stay where they are: no dragging, nudging or adding (a locked view presented).
    pub locked: bool,
    /// Dates previewed as ghosts (a fix hovered, Resolve all, successors pushed), by position.
    pub proposed: &'a BTreeMap<usize, (i32, i32)>,
    /// The missions that drive the selected one's date, by position.
    pub driving: &'a [usize],
    /// A mission's float in words, by position (for its tooltip).
    pub float_text: &'a dyn Fn(usize) -> Option<String>,
    /// The outlook, when it is shown: tails on the bars, percentiles in their tooltips.
    pub outlook: Option<&'a crate::analysis::Outlook>,
    /// Which version of all the above the chart shows.
    pub version: ChartVersion,
}

/// Which roadmap, conflicts, arrangement and outlook the chart shows: it changes whenever any
/// of them does, so that while it does not (and neither do the view, the selection and the
/// rest of the input), the picture painted last can be painted again as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartVersion {
    /// The version of the conflicts and arrangement, made from the roadmap.
    pub derived: u64,
    /// The number of the outlook shown, if one is.
    pub outlook: Option<u64>,
}

/// A drag under way: the missions as they were, so each frame computes from the origin and
/// snapping never drifts.
#[derive(Clone, Debug)]
struct Drag {
    /// The part of the bar grabbed.
    grip: BarPart,
    /// The grabbed mission first.
    originals: Dates,
    origin_day: f64,
    /// The chart's left edge and width when the drag began: the pointer is measured against
    /// them for the whole drag. Panels beside the chart show the dragged mission and may grow
    /// or shrink a little as its dates change; measured against the chart of each frame, the
    /// dates would then move the chart, which would move the dates, for several frames.
    chart_left: f32,
    chart_width: f32,
    label: String,
}

/// The picture on screen, where it is and what it was made from. Bars are found in it by
/// position rather than each being a widget, which keeps frames of thousands of bars fast.
struct Shown {
    /// The scene and the shapes painted for it.
    picture: picture::Painting,
    chart: Rect,
    /// The keys of the scene's bars, in the order of its bars: the roadmap may have changed
    /// since it was drawn, so its positions cannot be looked up again.
    keys: Vec<MissionKey>,
    made_from: PictureInput,
}

/// What a picture is made from, besides the fonts.
#[derive(PartialEq)]
struct PictureInput {
    /// The version of the conflicts and arrangement (lanes have versions of their own).
    derived: u64,
    /// What every lane is drawn with.
    lanes: LanesInput,
}

/// What every lane of a picture is drawn with.
#[derive(PartialEq)]
struct LanesInput {
    outlook: Option<u64>,
    time: TimeView,
    scroll_y: f32,
    selection: BTreeSet<usize>,
    highlight: Option<AgencyId>,
    today: NaiveDate,
    proposed: BTreeMap<usize, (i32, i32)>,
    driving: Vec<usize>,
    style: SceneStyle,
    pixels_per_point: f32,
    /// What the painter does to every shape added (a faded or hidden UI), baked into them.
    opacity: f32,
    visible: bool,
}

/// The chart's own state between frames.
#[derive(Default)]
pub struct Timeline {
    /// Pixels the lanes are scrolled up by.
    pub scroll_y: f32,
    /// The picture on screen: what the pointer points at.
    shown: Option<Shown>,
    drag: Option<Drag>,
    focus: Option<Vec<MissionKey>>,
    /// Where the context menu was opened: the day and the lane there.
    context_at: Option<(NaiveDate, Option<LaneKey>)>,
}

impl Timeline {
    /// Shows the first lanes: another view's lanes start at the top.
    pub fn scroll_to_top(&mut self) {
        self.scroll_y = 0.0;
    }

    /// Brings these missions into view on the next frame.
    pub fn focus_on(&mut self, missions: Vec<MissionKey>) {
        self.focus = Some(missions);
    }

    /// Shows the chart in all the space left, and returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &mut TimeView,
        input: &TimelineInput,
    ) -> Vec<TimelineAction> {
        let mut actions = Vec::new();
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
        let gutter = Rect::from_min_max(rect.min, pos2(rect.left() + GUTTER_WIDTH, rect.bottom()));
        let chart = Rect::from_min_max(pos2(gutter.right(), rect.top()), rect.max);

        // The pointer acts on the picture the user sees: the one drawn last frame.
        self.pointer_on_bars(ui, &background, view, input, &mut actions);
        if !input.locked {
            self.context_menu(&background, view, &mut actions);
        }
        self.navigate(ui, view, &background, chart, input, &mut actions);
        let focus: Option<Vec<usize>> = self.focus.take().map(|keys| input.keys.positions(&keys));
        if let Some(missions) = &focus {
            bring_into_time_view(view, input.roadmap, missions);
        }
        let lanes = LanesInput {
            outlook: input.version.outlook,
            time: *view,
            scroll_y: self.scroll_y,
            selection: input.selected_positions.clone(),
            highlight: input.highlight.cloned(),
            today: input.today,
            proposed: input.proposed.clone(),
            driving: input.driving.to_vec(),
            style: scene_style(ui, chart, gutter, input.show_legend),
            pixels_per_point: ui.pixels_per_point(),
            opacity: ui.painter().opacity(),
            visible: ui.painter().is_visible(),
        };
        let made_from = PictureInput {
            derived: input.version.derived,
            lanes,
        };
        let shown = match self.shown.take() {
            Some(shown) if shown.made_from == made_from => {
                shown.picture.replay(ui.painter());
                shown
            }
            before => Self::paint(ui, input, made_from, before),
        };
        if let Some(missions) = focus {
            self.scroll_to(&shown.picture.scene, &missions, chart.height());
            ui.ctx().request_repaint();
        }
        describe_bars(
            ui.ctx(),
            background.id,
            &shown.picture.scene,
            chart,
            &shown.keys,
        );
        self.shown = Some(shown);
        self.drag_ui(ui, view, input, &mut actions);
        self.nudge(ui, view, input, &mut actions);
        actions
    }

    /// Lays out and paints the picture `made_from` describes, keeping the lanes of the picture
    /// `before` that nothing changed in.
    fn paint(
        ui: &Ui,
        input: &TimelineInput,
        made_from: PictureInput,
        before: Option<Shown>,
    ) -> Shown {
        let given = &made_from.lanes;
        let chart = given.style.chart;
        let layout_input = LayoutInput {
            roadmap: input.roadmap,
            arrangement: input.arrangement,
            time: given.time,
            width: chart.width(),
            height: chart.height(),
            scroll_y: given.scroll_y,
            selection: &given.selection,
            highlight: given.highlight.as_ref(),
            today: given.today,
            proposed: &given.proposed,
            driving: &given.driving,
            outlook: input.outlook,
        };
        let kept = before
            .filter(|before| before.made_from.lanes == *given)
            .map_or_else(Vec::new, |before| before.picture.into_lanes());
        let picture = picture::paint_chart(ui.painter(), &layout_input, &given.style, kept);
        let keys = (picture.scene.bars.iter())
            .filter_map(|bar| input.keys.at(bar.mission))
            .collect();
        Shown {
            picture,
            chart,
            keys,
            made_from,
        }
    }

    /// The mission of the bar under `pos` on screen, and the part of the bar there.
    fn bar_at(&self, pos: egui::Pos2) -> Option<(MissionKey, BarPart)> {
        let shown = self.shown.as_ref()?;
        if !shown.chart.contains(pos) {
            return None;
        }
        let (k, part) =
            (shown.picture.scene).hit(pos.x - shown.chart.left(), pos.y - shown.chart.top())?;
        Some((*shown.keys.get(k)?, part))
    }

    /// Hovering, clicking and grabbing bars: cursor, tooltip, selection, the start of a drag.
    fn pointer_on_bars(
        &mut self,
        ui: &Ui,
        background: &Response,
        view: &TimeView,
        input: &TimelineInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        if self.drag.is_some() {
            return;
        }
        let hovered = background.hover_pos().and_then(|p| self.bar_at(p));
        if let Some((mission, part)) = hovered {
            ui.ctx().set_cursor_icon(if part == BarPart::Body {
                CursorIcon::Grab
            } else {
                CursorIcon::ResizeHorizontal
            });
            background
                .clone()
                .on_hover_ui_at_pointer(|ui| mission_tooltip(ui, input, mission));
        }
        if let Some(shown) = &self.shown {
            for key in accessible_clicks(ui, background.id, &shown.picture.scene, &shown.keys) {
                actions.push(TimelineAction::Select {
                    missions: vec![key],
                    add: false,
                });
            }
        }
        if background.clicked() {
            let clicked = background
                .interact_pointer_pos()
                .and_then(|p| self.bar_at(p));
            if let Some((key, _)) = clicked {
                let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
                actions.push(TimelineAction::Select {
                    missions: vec![key],
                    add,
                });
            }
        }
        if background.double_clicked() {
            let clicked = background
                .interact_pointer_pos()
                .and_then(|p| self.bar_at(p));
            if let Some((key, _)) = clicked {
                actions.push(TimelineAction::Inspect(key));
            }
        }
        if background.drag_started() {
            let pressed = ui.input(|i| i.pointer.press_origin());
            let grabbed = pressed.and_then(|p| self.bar_at(p));
            if let Some((mission, part)) = grabbed.filter(|_| !input.locked) {
                let chart = self
                    .shown
                    .as_ref()
                    .map_or(Rect::NOTHING, |shown| shown.chart);
                self.begin_drag(ui, part, mission, view, chart, input, actions);
            }
        }
    }

    /// A right click: "New mission here", on the day and lane clicked.
    fn context_menu(
        &mut self,
        background: &Response,
        view: &TimeView,
        actions: &mut Vec<TimelineAction>,
    ) {
        if background.secondary_clicked()
            && let (Some(pos), Some(shown)) =
                (background.interact_pointer_pos(), self.shown.as_ref())
        {
            let chart = shown.chart;
            let day = view.time_from_x(pos.x - chart.left(), chart.width());
            let lane = (shown.picture.scene)
                .lane_at(pos.y - chart.top())
                .map(|l| l.key.clone());
            self.context_at = Some((layout::date_from_day(day.floor()), lane));
        }
        background.context_menu(|ui| {
            let Some((start, lane)) = self.context_at.clone() else {
                return;
            };
            if ui.button(format!("New mission here ({start})")).clicked() {
                actions.push(TimelineAction::NewMission { start, lane });
                ui.close();
            }
        });
    }

    /// Zoom, pan, scroll, fit, and clicks on empty space.
    fn navigate(
        &mut self,
        ui: &Ui,
        view: &mut TimeView,
        background: &Response,
        chart: Rect,
        input: &TimelineInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        let width = chart.width();
        let content_height = self
            .shown
            .as_ref()
            .map_or(0.0, |s| s.picture.scene.content_height);
        let max_scroll = (content_height - chart.height()).max(0.0);
        if ui.rect_contains_pointer(background.rect) {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            if zoom != 1.0 {
                let anchor_x = pointer.map_or(width / 2.0, |p| p.x - chart.left());
                view.zoom_at(view.time_from_x(anchor_x, width), f64::from(zoom));
            }
            view.pan(scroll.x, width);
            if max_scroll > 0.0 {
                self.scroll_y -= scroll.y;
            } else {
                view.pan(scroll.y, width);
            }
        }
        if self.drag.is_none() && background.dragged() {
            let delta = background.drag_delta();
            view.pan(delta.x, width);
            self.scroll_y -= delta.y;
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        }
        let on_bar = background
            .interact_pointer_pos()
            .is_some_and(|p| self.bar_at(p).is_some());
        if background.double_clicked() && !on_bar {
            if let Some(fitted) = layout::fit_all(input.roadmap, input.showing) {
                *view = fitted;
            }
        } else if background.clicked()
            && !on_bar
            && !ui.input(|i| i.modifiers.command || i.modifiers.shift)
        {
            actions.push(TimelineAction::ClearSelection);
        }
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the parts of one frame a drag needs"
    )]
    fn begin_drag(
        &mut self,
        ui: &Ui,
        grip: BarPart,
        mission: MissionKey,
        view: &TimeView,
        chart: Rect,
        input: &TimelineInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        let Some(grabbed) = mission_of(input, mission) else {
            return;
        };
        let moves_selection = grip == BarPart::Body && input.selection.contains(&mission);
        let mut movers = vec![mission];
        if moves_selection {
            movers.extend(input.selection.iter().copied().filter(|&i| i != mission));
        } else if !input.selection.contains(&mission) {
            actions.push(TimelineAction::Select {
                missions: vec![mission],
                add: false,
            });
        }
        let originals: Dates = movers
            .iter()
            .filter_map(|&k| mission_of(input, k).map(|m| (k, m.start, m.end)))
            .collect();
        let label = match grip {
            BarPart::Body if originals.len() > 1 => format!("Move {} missions", originals.len()),
            BarPart::Body => format!("Move {}", grabbed.name),
            BarPart::Start => format!("Change start of {}", grabbed.name),
            BarPart::End => format!("Change end of {}", grabbed.name),
        };
        let press_x = ui
            .input(|i| i.pointer.press_origin())
            .map_or(0.0, |p| p.x - chart.left());
        self.drag = Some(Drag {
            grip,
            originals,
            origin_day: view.time_from_x(press_x, chart.width()),
            chart_left: chart.left(),
            chart_width: chart.width(),
            label,
        });
    }

    /// The drag under way: new dates every frame, a tooltip with them, and its end.
    fn drag_ui(
        &mut self,
        ui: &Ui,
        view: &TimeView,
        input: &TimelineInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        let Some(drag) = &self.drag else { return };
        let (pointer, down, alt, escape) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.primary_down(),
                i.modifiers.alt,
                i.key_pressed(Key::Escape),
            )
        });
        if escape {
            actions.push(TimelineAction::CancelGesture);
            self.drag = None;
            return;
        }
        if let Some(pointer) = pointer {
            let delta =
                view.time_from_x(pointer.x - drag.chart_left, drag.chart_width) - drag.origin_day;
            let unit = if alt {
                CalendarUnit::Day
            } else {
                snap_unit(view)
            };
            let dates = dragged_dates(drag, delta, unit);
            ui.ctx().set_cursor_icon(if drag.grip == BarPart::Body {
                CursorIcon::Grabbing
            } else {
                CursorIcon::ResizeHorizontal
            });
            Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                Id::unique("drag-dates"),
                PopupAnchor::Pointer,
            )
            .show(|ui| dates_tooltip(ui, input, &dates));
            let changed = dates.iter().any(|&(k, start, end)| {
                mission_of(input, k).is_some_and(|m| (m.start, m.end) != (start, end))
            });
            if changed {
                actions.push(TimelineAction::Preview(dates));
            }
        }
        if !down {
            actions.push(TimelineAction::EndGesture(drag.label.clone()));
            self.drag = None;
        }
    }

    /// Left and right arrows move the selection by one snap unit.
    fn nudge(
        &self,
        ui: &Ui,
        view: &TimeView,
        input: &TimelineInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        if input.locked
            || input.selection.is_empty()
            || self.drag.is_some()
            || ui.ctx().egui_wants_keyboard_input()
        {
            return;
        }
        let step = ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft) {
                -1
            } else if i.consume_key(egui::Modifiers::NONE, Key::ArrowRight) {
                1
            } else {
                0
            }
        });
        if step == 0 {
            return;
        }
        let unit = snap_unit(view);
        let dates = input
            .selection
            .iter()
            .filter_map(|&k| {
                let m = mission_of(input, k)?;
                let start = step_by(m.start, unit, step)?;
                Some((k, start, shifted(m.end, start - m.start)))
            })
            .collect();
        actions.push(TimelineAction::Nudge(dates));
    }

    /// Scrolls so that the first of `missions` is in the middle of the lanes, unless it is in
    /// view already.
    fn scroll_to(&mut self, scene: &layout::Scene, missions: &[usize], height: f32) {
        let Some(y) = missions
            .iter()
            .find_map(|&i| scene.centre_y.get(i).copied().flatten())
        else {
            return;
        };
        if y < layout::HEADER_HEIGHT + layout::ROW_HEIGHT || y > height - layout::ROW_HEIGHT {
            let content_y = y + self.scroll_y;
            let max_scroll = (scene.content_height - height).max(0.0);
            self.scroll_y =
                (content_y - (layout::HEADER_HEIGHT + height) / 2.0).clamp(0.0, max_scroll);
        }
    }
}

/// New dates for the drag's missions when the pointer has moved `delta` days: the grabbed
/// mission's moved edge snaps to `unit`, and every other mission shifts by as many days.
fn dragged_dates(drag: &Drag, delta: f64, unit: CalendarUnit) -> Dates {
    let Some(&(_, start, end)) = drag.originals.first() else {
        return Vec::new();
    };
    match drag.grip {
        BarPart::Body => {
            let shift = unit.round(day_number(start) + delta) - start;
            drag.originals
                .iter()
                .map(|&(i, s, e)| (i, shifted(s, shift), shifted(e, shift)))
                .collect()
        }
        BarPart::Start => vec![(
            drag.originals[0].0,
            unit.round(day_number(start) + delta).min(end),
            end,
        )],
        BarPart::End => {
            let after_end = unit.round(day_number(end) + 1.0 + delta);
            let last = after_end.pred_opt().unwrap_or(after_end).max(start);
            vec![(drag.originals[0].0, start, last)]
        }
    }
}

/// `date` moved by `delta`, kept within the years a roadmap file can hold (0001–9999).
fn shifted(date: NaiveDate, delta: chrono::TimeDelta) -> NaiveDate {
    let (first, last) = (layout::date_from_day(1.0), layout::last_writable_date());
    date.checked_add_signed(delta)
        .unwrap_or(date)
        .clamp(first, last)
}

/// `date` moved by `steps` units.
fn step_by(date: NaiveDate, unit: CalendarUnit, steps: i32) -> Option<NaiveDate> {
    let months = |n: u32| {
        if steps > 0 {
            date.checked_add_months(Months::new(n))
        } else {
            date.checked_sub_months(Months::new(n))
        }
    };
    match unit {
        CalendarUnit::Month => months(1),
        CalendarUnit::Quarter => months(3),
        CalendarUnit::Year | CalendarUnit::FiveYears | CalendarUnit::Decade => months(12),
        CalendarUnit::Day | CalendarUnit::Week => {
            date.checked_add_signed(chrono::TimeDelta::days(steps.into()))
        }
    }
}

/// Moves the time view to show the missions when none of them is in it (keeping the zoom when
/// they fit, widening it when they do not).
fn bring_into_time_view(view: &mut TimeView, roadmap: &Roadmap, missions: &[usize]) {
    let days: Vec<(f64, f64)> = missions
        .iter()
        .filter_map(|&i| roadmap.missions.get(i))
        .map(|m| {
            (
                day_number(m.start.min(m.end)),
                day_number(m.start.max(m.end)) + 1.0,
            )
        })
        .collect();
    let Some(first) = days.iter().map(|d| d.0).reduce(f64::min) else {
        return;
    };
    let last = days.iter().map(|d| d.1).fold(first, f64::max);
    if first >= view.min && last <= view.min + view.span {
        return;
    }
    let span = view.span.max((last - first) * 1.3);
    *view = TimeView::between((first + last - span) / 2.0, (first + last + span) / 2.0);
}

/// The id of a mission's node in the accessibility tree.
fn bar_id(canvas: Id, mission: MissionKey) -> Id {
    canvas.with(("mission", mission))
}

/// The missions that assistive technology asked to click this frame; `keys` are those of the
/// scene's bars.
fn accessible_clicks(ui: &Ui, canvas: Id, scene: &Scene, keys: &[MissionKey]) -> Vec<MissionKey> {
    ui.input(|i| {
        let targets: Vec<egui::accesskit::NodeId> = i
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::AccessKitActionRequest(request)
                    if request.action == egui::accesskit::Action::Click =>
                {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect();
        if targets.is_empty() {
            return Vec::new();
        }
        scene
            .bars
            .iter()
            .zip(keys)
            .map(|(_, &key)| key)
            .filter(|&key| targets.contains(&bar_id(canvas, key).accesskit_id()))
            .collect()
    })
}

/// Gives every bar in view a node in the accessibility tree, named after its mission, where
/// screen readers (and tests) find it; a click on it from assistive technology selects it.
/// Lanes and the ghosts of compare mode get one too.
fn describe_bars(ctx: &egui::Context, canvas: Id, scene: &Scene, chart: Rect, keys: &[MissionKey]) {
    for (bar, &key) in scene.bars.iter().zip(keys) {
        let rect = screen_rect(chart, &bar.rect).intersect(chart);
        let described = describe(ctx, bar_id(canvas, key), rect, |node| {
            node.set_role(egui::accesskit::Role::Button);
            node.set_label(&*bar.name);
            node.add_action(egui::accesskit::Action::Click);
        });
        if described.is_none() {
            // Accessibility is off: nothing needs a node.
            return;
        }
    }
    for (k, lane) in scene.lanes.iter().enumerate() {
        let rect = Rect::from_x_y_ranges(
            chart.left() - GUTTER_WIDTH..=chart.left(),
            chart.top() + lane.top..=chart.top() + lane.bottom,
        )
        .intersect(chart.expand2(egui::vec2(GUTTER_WIDTH, 0.0)));
        describe(ctx, canvas.with(("lane", k)), rect, |node| {
            node.set_role(egui::accesskit::Role::RowHeader);
            node.set_label(lane.name.as_str());
        });
    }
    for ghost in &scene.ghosts {
        let rect = screen_rect(chart, &ghost.rect).intersect(chart);
        describe(ctx, canvas.with(("ghost", ghost.mission)), rect, |node| {
            node.set_role(egui::accesskit::Role::Image);
            if ghost.proposed {
                node.set_label(format!("{} where the preview moves it", ghost.name));
            } else {
                node.set_label(format!("{} in the baseline", ghost.name));
            }
        });
    }
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

fn scene_style(ui: &Ui, chart: Rect, gutter: Rect, legend: bool) -> SceneStyle {
    SceneStyle {
        chart,
        gutter,
        colors: Palette::of(ui.visuals()),
        legend,
    }
}

fn mission_tooltip(ui: &mut Ui, input: &TimelineInput, key: MissionKey) {
    let Some(mission) = mission_of(input, key) else {
        return;
    };
    ui.strong(&mission.name);
    let lead = input
        .roadmap
        .agency(&mission.lead)
        .map_or(mission.lead.as_str(), |a| a.name.as_str());
    ui.label(format!(
        "{} → {} · {}",
        mission.start,
        mission.end,
        mission.status_on(input.today)
    ));
    ui.label(format!("Led by {lead}"));
    for contribution in &mission.contributors {
        ui.label(format!("+ {} — {}", contribution.agency, contribution.role));
    }
    for conflict in input
        .conflicts
        .iter()
        .filter(|c| c.missions.contains(&mission.id))
    {
        ui.colored_label(severity_color(conflict.severity), &conflict.message);
    }
    let position = input.keys.position(key);
    if let Some(float) = position.and_then(|i| (input.float_text)(i)) {
        ui.weak(float);
    }
    if let Some(outlook) = input.outlook
        && let Some(mission) = position.and_then(|i| outlook.missions.get(i))
    {
        for line in super::outlook::outlook_lines(mission, outlook.runs) {
            ui.weak(line);
        }
    }
}

/// The mission with `key` in the roadmap shown.
fn mission_of<'a>(input: &TimelineInput<'a>, key: MissionKey) -> Option<&'a Mission> {
    input.roadmap.missions.get(input.keys.position(key)?)
}

fn dates_tooltip(ui: &mut Ui, input: &TimelineInput, dates: &Dates) {
    let Some(&(key, start, end)) = dates.first() else {
        return;
    };
    let name = mission_of(input, key).map_or("", |m| m.name.as_str());
    ui.strong(name);
    ui.label(format!(
        "{start} → {end} ({} days)",
        (end - start).num_days() + 1
    ));
    if dates.len() > 1 {
        ui.colored_label(
            Color32::GRAY,
            format!("and {} more missions", dates.len() - 1),
        );
    }
}
