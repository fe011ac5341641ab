//! Where text goes on the chart so that no two texts overlap: bar labels by priority within
//! their row, tick labels along the axis, phase names beside the today mark.

use super::metrics::{CREW_ICON_WIDTH, HEADER_HEIGHT, LABEL_PADDING, MIN_SHORTENED_LABEL};
use super::scene::{Bar, BarShape, Label, Rect, Tick, text_box};
use std::sync::Arc;

use super::text::{SMALL_TEXT_SIZE, TEXT_SIZE, shortened, text_width};
use crate::model::{MissionKind, MissionStatus};

/// The ticks without the labels that would run into the one before or off the chart.
pub(super) fn drop_crowded_tick_labels(ticks: &mut [Tick], width: f32) {
    let mut last_right = 0.0;
    for tick in ticks {
        let Some(label) = &tick.label else { continue };
        if label.rect.left < last_right + LABEL_PADDING || label.rect.right > width {
            tick.label = None;
        } else {
            last_right = label.rect.right;
        }
    }
}

/// Which labels win the room when there is not enough for all: confirmed and crewed missions
/// first, then planned, flown, concept and cancelled ones.
fn label_priority(bar: &Bar) -> u8 {
    match (bar.status, bar.kind) {
        (MissionStatus::Confirmed, _) | (_, MissionKind::Human) => 0,
        (MissionStatus::Planned, _) => 1,
        (MissionStatus::Flown, _) => 2,
        (MissionStatus::Concept | MissionStatus::Paused, _) => 3,
        (MissionStatus::Cancelled, _) => 4,
    }
}

/// What is taken on one row, along it: the bars, and the labels placed so far. All texts of a
/// row share its height, so spans along x are all that can overlap.
struct RowSpace {
    /// The bars' left edges, in order.
    bar_lefts: Vec<f32>,
    /// For each bar in that order, the furthest right any bar up to it reaches.
    bar_reach: Vec<f32>,
    /// Labels placed, by left edge; they never overlap, so their right edges are in order too.
    labels: Vec<(f32, f32)>,
}

impl RowSpace {
    fn new(bars: &[Bar]) -> Self {
        let mut spans: Vec<(f32, f32)> = bars.iter().map(|b| (b.rect.left, b.rect.right)).collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut reach = f32::NEG_INFINITY;
        let bar_reach = spans
            .iter()
            .map(|&(_, right)| {
                reach = reach.max(right);
                reach
            })
            .collect();
        Self {
            bar_lefts: spans.into_iter().map(|(left, _)| left).collect(),
            bar_reach,
            labels: Vec::with_capacity(bars.len()),
        }
    }

    /// Whether no bar overlaps `left..right`: of the bars starting before `right`, none
    /// reaches past `left`.
    fn clear_of_bars(&self, left: f32, right: f32) -> bool {
        let starting_before = self.bar_lefts.partition_point(|&l| l < right);
        starting_before == 0 || self.bar_reach[starting_before - 1] <= left
    }

    /// Whether no label placed overlaps `left..right`: the last one starting before `right`
    /// ends by `left`.
    fn clear_of_labels(&self, left: f32, right: f32) -> bool {
        let starting_before = self.labels.partition_point(|&(l, _)| l < right);
        starting_before == 0 || self.labels[starting_before - 1].1 <= left
    }

    fn take(&mut self, left: f32, right: f32) {
        let at = self.labels.partition_point(|&(l, _)| l < left);
        self.labels.insert(at, (left, right));
    }
}

/// Places the labels of one row of bars so that no label overlaps another label or another
/// bar, and every label stays on the chart: by priority, each label goes inside its bar when
/// it fits in the bar's visible part, else right of the bar, else left of it, else inside
/// shortened with "…", else nowhere (the name shows on hover).
pub(super) fn place_labels(bars: &mut [Bar], width: f32) {
    if bars.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..bars.len()).collect();
    order.sort_by_key(|&k| label_priority(&bars[k]));
    let mut space = RowSpace::new(bars);
    for k in order {
        let label = best_label(&bars[k], width, &space);
        if let Some(label) = &label {
            space.take(label.rect.left, label.rect.right);
        }
        bars[k].label = label;
    }
}

/// The first place for a bar's label that is free in `space`. The name is measured once, and
/// copied only for the place chosen.
fn best_label(bar: &Bar, width: f32, space: &RowSpace) -> Option<Label> {
    let centre_y = bar.rect.centre_y();
    let name_width = text_width(&bar.name, TEXT_SIZE);
    let free = |left: f32, text_width: f32, inside: bool| {
        let right = left + text_width;
        left >= 0.0
            && right <= width
            && space.clear_of_labels(left, right)
            && (inside || space.clear_of_bars(left, right))
    };
    let label = |text: Arc<str>, left: f32, text_width: f32, inside: bool| Label {
        text,
        rect: text_box(left, text_width, TEXT_SIZE, centre_y),
        inside,
    };
    // The part of a bar in view, less its padding, crew figure and pause sign, holds an
    // inside label.
    let icon = match (bar.crew_icon_centre(), bar.pause_sign()) {
        (_, Some(sign)) => sign.right + 2.0 - bar.rect.left - LABEL_PADDING,
        (Some(_), None) => CREW_ICON_WIDTH,
        (None, None) => 0.0,
    };
    let inside_left = (bar.rect.left + LABEL_PADDING + icon).max(LABEL_PADDING);
    let inside_room = bar.rect.right.min(width) - LABEL_PADDING - inside_left;
    let is_bar = bar.shape == BarShape::Bar;
    if is_bar && name_width <= inside_room && free(inside_left, name_width, true) {
        return Some(label(bar.name.clone(), inside_left, name_width, true));
    }
    let right_of = bar.rect.right + LABEL_PADDING;
    let left_of = bar.rect.left - LABEL_PADDING - name_width;
    if let Some(left) = [right_of, left_of]
        .into_iter()
        .find(|&l| free(l, name_width, false))
    {
        return Some(label(bar.name.clone(), left, name_width, false));
    }
    if is_bar && inside_room >= MIN_SHORTENED_LABEL {
        let text = shortened(&bar.name, TEXT_SIZE, inside_room)?;
        let text_width = text_width(&text, TEXT_SIZE);
        if free(inside_left, text_width, true) {
            return Some(label(text.into(), inside_left, text_width, true));
        }
    }
    None
}

/// Whether two rectangles share more than an edge.
fn overlap(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/// A phase's name at the start of its band's part in view, in the lower half of the header,
/// shortened to the band's width; moved past a name already `taken` (the today mark, an earlier
/// phase's) that is in the way, or left out where there is then no room.
pub(super) fn phase_label(name: &str, band: &Rect, width: f32, taken: &[Rect]) -> Option<Label> {
    let gap = 2.0 * LABEL_PADDING;
    let right = band.right.min(width) - 4.0;
    let mut left = band.left.max(0.0) + 4.0;
    for _ in 0..=taken.len() {
        let room = right - left;
        let text = if text_width(name, SMALL_TEXT_SIZE) <= room {
            name.to_owned()
        } else {
            shortened(name, SMALL_TEXT_SIZE, room)?
        };
        let label = Label::at(text, SMALL_TEXT_SIZE, left, HEADER_HEIGHT * 0.75, true);
        // Kept a little apart from the others, so two names never read as one.
        let spaced = Rect {
            left: label.rect.left - gap,
            right: label.rect.right + gap,
            ..label.rect
        };
        match taken.iter().find(|t| overlap(t, &spaced)) {
            None => return Some(label),
            Some(in_the_way) => left = in_the_way.right + gap,
        }
    }
    None
}
