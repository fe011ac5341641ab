//! The chart widget: lays the session's roadmap out and paints it, keeping what it painted,
//! and turns the pointer into actions for the app to apply (hovering, clicking and grabbing
//! bars, the context menu). Zoom and pan change the view directly.

use chrono::NaiveDate;
use egui::accesskit::Action;
use egui::{CursorIcon, Rect, Response, Sense, Ui, WidgetInfo, pos2};

use super::access::{Descriptions, accessible_requests, describe_bars};
use super::drag::{Drag, nudge};
use super::input::{ChartInput, TimelineAction, gutter_width};
use super::keyboard::{ChartKey, chart_keys, keep_arrow_keys, paint_focus_ring};
use super::picture;
use super::tooltip::mission_tooltip;
use crate::edit::MissionKey;
use crate::layout::{self, BarPart, LaneKey, TimeView};
use crate::render::{Palette, SceneStyle};
use crate::ui::session::Session;

/// The picture on screen, where it is and what it was made from. Bars are found in it by
/// position rather than each being a widget, which keeps frames of thousands of bars fast.
struct Shown {
    /// The scene and the shapes painted for it.
    picture: picture::Painting,
    chart: Rect,
    /// The keys of the scene's bars, in the order of its bars: the roadmap may have changed
    /// since it was drawn.
    keys: Vec<MissionKey>,
    made_from: PictureInput,
}

/// What a picture is made from, besides the fonts: the session as of a revision, and the view.
#[derive(PartialEq)]
struct PictureInput {
    /// The session's revision: anything the chart draws from it.
    revision: u64,
    /// What every lane is drawn with.
    lanes: LanesInput,
}

/// What every lane of a picture is drawn with: a lane whose own version is the same, drawn with
/// the same, is kept.
#[derive(PartialEq)]
struct LanesInput {
    /// When the session's marks (selection, previews, outlook…) last changed.
    marks: u64,
    time: TimeView,
    scroll_y: f32,
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
    /// Missions to bring into view on the next frame, and whether the zoom must stay.
    focus: Option<(Vec<MissionKey>, KeepZoom)>,
    /// Where the context menu was opened: the day, the lane there, and the mission there.
    context_at: Option<ContextAt>,
    /// Where a context menu opened from the keyboard stands (none: at the pointer).
    menu_at: Option<egui::Pos2>,
    /// The mission in the keyboard's focus ring.
    focused: Option<MissionKey>,
    /// Give the chart the keyboard's focus on the next frame.
    wants_focus: bool,
    /// Whether the chart had the keyboard's focus this frame.
    has_focus: bool,
    /// What screen readers hear of the missions, kept while the session stays the same.
    descriptions: Descriptions,
}

/// Whether bringing missions into view may zoom out to fit them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeepZoom {
    Yes,
    No,
}

/// Where a context menu was opened.
#[derive(Clone, Debug)]
struct ContextAt {
    day: NaiveDate,
    lane: Option<LaneKey>,
    mission: Option<MissionKey>,
}

impl Timeline {
    /// Shows the first lanes: another view's lanes start at the top.
    pub fn scroll_to_top(&mut self) {
        self.scroll_y = 0.0;
    }

    /// Brings these missions into view on the next frame.
    pub fn focus_on(&mut self, missions: Vec<MissionKey>) {
        self.focus = Some((missions, KeepZoom::No));
    }

    /// Gives the chart the keyboard with `mission` in the focus ring, scrolled into view
    /// without changing the zoom.
    pub fn focus_ring_on(&mut self, mission: MissionKey) {
        self.focused = Some(mission);
        self.wants_focus = true;
        self.focus = Some((vec![mission], KeepZoom::Yes));
    }

    /// Gives the chart the keyboard on the next frame.
    pub fn take_focus(&mut self) {
        self.wants_focus = true;
    }

    /// Whether the chart had the keyboard this frame.
    pub fn has_focus(&self) -> bool {
        self.has_focus
    }

    /// The mission in the keyboard's focus ring.
    pub fn focused(&self) -> Option<MissionKey> {
        self.focused
    }

    /// Shows the chart in all the space left, and returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &mut TimeView,
        input: &ChartInput,
    ) -> Vec<TimelineAction> {
        let mut actions = Vec::new();
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
        if std::mem::take(&mut self.wants_focus) {
            background.request_focus();
        }
        self.has_focus = background.has_focus();
        let gutter_right = rect.left() + gutter_width(rect.width());
        let gutter = Rect::from_min_max(rect.min, pos2(gutter_right, rect.bottom()));
        let chart = Rect::from_min_max(pos2(gutter.right(), rect.top()), rect.max);

        // The pointer acts on the picture the user sees: the one drawn last frame.
        self.pointer_on_bars(ui, &background, view, input, &mut actions);
        if !input.locked {
            self.context_menu(&background, view, &mut actions);
        }
        self.navigate(ui, view, &background, chart, input, &mut actions);
        let focus = self.focus.take();
        if let Some((missions, keep_zoom)) = &focus {
            let days = input.session.days_of(missions);
            match keep_zoom {
                KeepZoom::No => bring_into_time_view(view, days),
                KeepZoom::Yes => pan_into_time_view(view, days),
            }
        }
        let made_from = PictureInput {
            revision: input.session.revision(),
            lanes: LanesInput {
                marks: input.session.marks_revision(),
                time: *view,
                scroll_y: self.scroll_y,
                style: scene_style(ui, chart, gutter, input.show_legend),
                pixels_per_point: ui.pixels_per_point(),
                opacity: ui.painter().opacity(),
                visible: ui.painter().is_visible(),
            },
        };
        let shown = match self.shown.take() {
            Some(shown) if shown.made_from == made_from => {
                shown.picture.replay(ui.painter());
                shown
            }
            before => Self::paint(ui, input.session, made_from, before),
        };
        if let Some((missions, _)) = focus {
            let centre = input.session.row_centre(&shown.picture.scene, &missions);
            self.scroll_to(centre, shown.picture.scene.content_height, chart.height());
            ui.ctx().request_repaint();
        }
        let ring = self.focused.filter(|_| self.has_focus);
        let ringed = ring.and_then(|key| bar_rect_of(&shown, key));
        if let Some(rect) = ringed {
            paint_focus_ring(ui, rect, Palette::of(ui.visuals()).focus());
        }
        describe_bars(
            ui,
            background.id,
            (&shown.picture.scene, background.rect, chart),
            &shown.keys,
            (input.session, ring),
            &mut self.descriptions,
        );
        self.shown = Some(shown);
        if self.has_focus {
            keep_arrow_keys(ui, background.id);
            for key in chart_keys(ui) {
                self.on_key(ui, background.id, key, input, &mut actions);
            }
        }
        if let Some(drag) = &self.drag
            && !drag.frame(ui, view, input, &mut actions)
        {
            self.drag = None;
        }
        actions.extend(nudge(ui, view, input, self.drag.is_some()));
        actions
    }

    /// Lays out and paints the picture `made_from` describes, keeping the lanes of the picture
    /// `before` that nothing changed in.
    fn paint(ui: &Ui, session: &Session, made_from: PictureInput, before: Option<Shown>) -> Shown {
        let given = &made_from.lanes;
        let chart = given.style.chart;
        let size = (chart.width(), chart.height());
        let layout_input = session.layout_input(given.time, size, given.scroll_y);
        let kept = before
            .filter(|before| before.made_from.lanes == *given)
            .map_or_else(Vec::new, |before| before.picture.into_lanes());
        let picture = picture::paint_chart(ui.painter(), &layout_input, &given.style, kept);
        let keys = session.keys_of_bars(&picture.scene.bars);
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

    fn pointer_on_bars(
        &mut self,
        ui: &Ui,
        background: &Response,
        view: &TimeView,
        input: &ChartInput,
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
                .on_hover_ui_at_pointer(|ui| mission_tooltip(ui, input.session, mission));
        }
        if let Some(shown) = &self.shown {
            let clicks = accessible_requests(ui, background.id, &shown.keys, Action::Click);
            for key in clicks {
                actions.push(TimelineAction::Select {
                    missions: vec![key],
                    add: false,
                });
            }
            // A screen reader moved its focus to a bar: the ring follows it.
            let focused = accessible_requests(ui, background.id, &shown.keys, Action::Focus);
            if let Some(&key) = focused.last() {
                self.focused = Some(key);
                self.wants_focus = true;
            }
        }
        if background.clicked() {
            let clicked = background
                .interact_pointer_pos()
                .and_then(|p| self.bar_at(p));
            if let Some((key, _)) = clicked {
                self.focused = Some(key);
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
                self.drag = Drag::begin(ui, part, mission, view, chart, input, actions);
            }
        }
    }

    /// A right click (or Shift+F10 on the focus ring): the mission there in the Mission tab,
    /// and "New mission here", on the day and lane clicked.
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
            self.menu_at = None;
            self.context_at = Some(ContextAt {
                day: layout::date_from_day(day.floor()),
                lane,
                mission: self.bar_at(pos).map(|(key, _)| key),
            });
        }
        let mut popup = egui::Popup::context_menu(background);
        if let Some(at) = self.menu_at {
            popup = popup.at_position(at);
        }
        let shown = popup.show(|ui| {
            let Some(at) = self.context_at.clone() else {
                return;
            };
            if let Some(key) = at.mission
                && ui.button("Edit in the Mission tab (F2)").clicked()
            {
                actions.push(TimelineAction::Inspect(key));
                ui.close();
            }
            if ui
                .button(format!("New mission here ({})", at.day))
                .clicked()
            {
                actions.push(TimelineAction::NewMission {
                    start: at.day,
                    lane: at.lane,
                });
                ui.close();
            }
        });
        if shown.is_none() {
            self.menu_at = None;
        }
    }

    /// Acts on a key pressed while the chart has the keyboard.
    fn on_key(
        &mut self,
        ui: &Ui,
        canvas: egui::Id,
        key: ChartKey,
        input: &ChartInput,
        actions: &mut Vec<TimelineAction>,
    ) {
        let session = input.session;
        let current = self.focused.filter(|&k| session.position(k).is_some());
        match key {
            ChartKey::Move(step) => {
                let from = current.and_then(|k| session.position(k));
                let to = layout::step(session.arrangement(), from, step);
                if let Some(key) = to.and_then(|p| session.key_at(p)) {
                    self.focused = Some(key);
                    self.focus = Some((vec![key], KeepZoom::Yes));
                }
            }
            ChartKey::Select { add } => {
                if let Some(key) = current {
                    actions.push(TimelineAction::Select {
                        missions: vec![key],
                        add,
                    });
                }
            }
            ChartKey::ContextMenu => {
                let Some(key) = current else { return };
                let (Some(shown), Some(mission)) = (self.shown.as_ref(), session.mission(key))
                else {
                    return;
                };
                let Some(rect) = bar_rect_of(shown, key) else {
                    return;
                };
                let lane = (shown.picture.scene)
                    .lane_at(rect.center().y - shown.chart.top())
                    .map(|l| l.key.clone());
                self.context_at = Some(ContextAt {
                    day: mission.start,
                    lane,
                    mission: Some(key),
                });
                self.menu_at = Some(rect.left_bottom());
                // The id egui gives the chart's context menu (`Popup::default_response_id`).
                egui::Popup::open_id(ui.ctx(), canvas.with("popup"));
            }
        }
    }

    /// Zoom, pan, scroll, fit, and clicks on empty space.
    fn navigate(
        &mut self,
        ui: &Ui,
        view: &mut TimeView,
        background: &Response,
        chart: Rect,
        input: &ChartInput,
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
            if let Some(fitted) = layout::fit_all(input.session.roadmap(), input.showing) {
                *view = fitted;
            }
        } else if background.clicked()
            && !on_bar
            && background.interact_pointer_pos().is_some()
            && !ui.input(|i| i.modifiers.command || i.modifiers.shift)
        {
            actions.push(TimelineAction::ClearSelection);
        }
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);
    }

    /// Scrolls so that a row centred at `y` on the chart is in the middle of the lanes, unless
    /// it is in view already.
    fn scroll_to(&mut self, y: Option<f32>, content_height: f32, height: f32) {
        let Some(y) = y else {
            return;
        };
        if y < layout::HEADER_HEIGHT + layout::ROW_HEIGHT || y > height - layout::ROW_HEIGHT {
            let content_y = y + self.scroll_y;
            let max_scroll = (content_height - height).max(0.0);
            self.scroll_y =
                (content_y - (layout::HEADER_HEIGHT + height) / 2.0).clamp(0.0, max_scroll);
        }
    }
}

/// The screen rectangle of the bar of `key` on the picture shown, when it is in view.
fn bar_rect_of(shown: &Shown, key: MissionKey) -> Option<Rect> {
    let k = shown.keys.iter().position(|&k| k == key)?;
    let bar = shown.picture.scene.bars.get(k)?;
    Some(crate::render::screen_rect(shown.chart, &bar.rect))
}

/// Pans the time view, keeping its zoom, so that the first of `days` is in it (not at its
/// very right edge) when it is not already.
fn pan_into_time_view(view: &mut TimeView, days: Option<(f64, f64)>) {
    let Some((first, _)) = days else {
        return;
    };
    if first >= view.min && first <= view.min + view.span * 0.9 {
        return;
    }
    view.min = first - view.span * 0.1;
}

/// Moves the time view to show the days `first` to `last` when none of them is in it (keeping
/// the zoom when they fit, widening it when they do not).
fn bring_into_time_view(view: &mut TimeView, days: Option<(f64, f64)>) {
    let Some((first, last)) = days else {
        return;
    };
    if first >= view.min && last <= view.min + view.span {
        return;
    }
    let span = view.span.max((last - first) * 1.3);
    *view = TimeView::between((first + last - span) / 2.0, (first + last + span) / 2.0);
}

fn scene_style(ui: &Ui, chart: Rect, gutter: Rect, legend: bool) -> SceneStyle {
    SceneStyle {
        chart,
        gutter,
        colors: Palette::of(ui.visuals()),
        legend,
    }
}
