//! The chart widget: lays the session's roadmap out and paints it, keeping what it painted,
//! and turns the pointer into actions for the app to apply (hovering, clicking and grabbing
//! bars, the context menu). Zoom and pan change the view directly.

use chrono::NaiveDate;
use egui::{CursorIcon, Rect, Response, Sense, Ui, WidgetInfo, pos2};

use super::access::{accessible_clicks, describe_bars};
use super::drag::{Drag, nudge};
use super::input::{ChartInput, GUTTER_WIDTH, TimelineAction};
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
        input: &ChartInput,
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
        let focus = self.focus.take();
        if let Some(missions) = &focus {
            bring_into_time_view(view, input.session.days_of(missions));
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
        if let Some(missions) = focus {
            let centre = input.session.row_centre(&shown.picture.scene, &missions);
            self.scroll_to(centre, shown.picture.scene.content_height, chart.height());
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
            for key in accessible_clicks(ui, background.id, &shown.keys) {
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
                self.drag = Drag::begin(ui, part, mission, view, chart, input, actions);
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
