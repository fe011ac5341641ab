//! Moving missions with the pointer and the keys: a drag of a bar's body or edges, snapped to
//! the zoom's calendar unit, and the arrow keys' nudge of the selection.

use chrono::{Months, NaiveDate};
use egui::{CursorIcon, Id, Key, PopupAnchor, Rect, Tooltip, Ui};

use super::input::{ChartInput, Dates, TimelineAction};
use super::tooltip::dates_tooltip;
use crate::edit::MissionKey;
use crate::layout::{self, BarPart, CalendarUnit, TimeView, day_number, snap_unit};

/// A drag under way: the missions as they were, so each frame computes from the origin and
/// snapping never drifts.
#[derive(Clone, Debug)]
pub struct Drag {
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

impl Drag {
    /// Grabs `mission` by `grip` on the chart at `chart`: it, or every selected mission when
    /// its body is grabbed while selected, moves with the pointer from now on. A mission
    /// grabbed that is not selected is selected (an action to apply).
    pub fn begin(
        ui: &Ui,
        grip: BarPart,
        mission: MissionKey,
        view: &TimeView,
        chart: Rect,
        input: &ChartInput,
        actions: &mut Vec<TimelineAction>,
    ) -> Option<Self> {
        let session = input.session;
        let grabbed = session.mission(mission)?;
        let selection = session.selection();
        let moves_selection = grip == BarPart::Body && selection.contains(&mission);
        let mut movers = vec![mission];
        if moves_selection {
            movers.extend(selection.iter().copied().filter(|&k| k != mission));
        } else if !selection.contains(&mission) {
            actions.push(TimelineAction::Select {
                missions: vec![mission],
                add: false,
            });
        }
        let originals: Dates = (movers.iter())
            .filter_map(|&k| session.mission(k).map(|m| (k, m.start, m.end)))
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
        Some(Self {
            grip,
            originals,
            origin_day: view.time_from_x(press_x, chart.width()),
            chart_left: chart.left(),
            chart_width: chart.width(),
            label,
        })
    }

    /// A frame of the drag: new dates, a tooltip with them, and its end. Returns whether it
    /// goes on.
    pub fn frame(
        &self,
        ui: &Ui,
        view: &TimeView,
        input: &ChartInput,
        actions: &mut Vec<TimelineAction>,
    ) -> bool {
        let drag = self;
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
            return false;
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
            .show(|ui| dates_tooltip(ui, input.session, &dates));
            let changed = dates.iter().any(|&(k, start, end)| {
                (input.session.mission(k)).is_some_and(|m| (m.start, m.end) != (start, end))
            });
            if changed {
                actions.push(TimelineAction::Preview(dates));
            }
        }
        if !down {
            actions.push(TimelineAction::EndGesture(drag.label.clone()));
            return false;
        }
        true
    }
}

/// Alt+← and Alt+→ move the selection by one snap unit, Alt+Shift+← and Alt+Shift+→ its end
/// (not while `dragging` or typing).
pub fn nudge(
    ui: &Ui,
    view: &TimeView,
    input: &ChartInput,
    dragging: bool,
) -> Option<TimelineAction> {
    let selection = input.session.selection();
    if input.locked || selection.is_empty() || dragging || crate::ui::typing::typing(ui.ctx()) {
        return None;
    }
    // Alt+←/→ moves the selection, Alt+Shift+←/→ its end: one snap unit, one undo step.
    let (step, end_only) = ui.input_mut(|i| {
        let alt = egui::Modifiers::ALT;
        let alt_shift = egui::Modifiers::ALT.plus(egui::Modifiers::SHIFT);
        for (modifiers, end_only) in [(alt_shift, true), (alt, false)] {
            if i.consume_key(modifiers, Key::ArrowLeft) {
                return (-1, end_only);
            }
            if i.consume_key(modifiers, Key::ArrowRight) {
                return (1, end_only);
            }
        }
        (0, false)
    });
    if step == 0 {
        return None;
    }
    let unit = snap_unit(view);
    let dates = (selection.iter())
        .filter_map(|&k| {
            let m = input.session.mission(k)?;
            if end_only {
                let end = step_by(m.end, unit, step)?.max(m.start);
                return Some((k, m.start, end));
            }
            let start = step_by(m.start, unit, step)?;
            Some((k, start, shifted(m.end, start - m.start)))
        })
        .collect();
    Some(TimelineAction::Nudge(dates))
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
