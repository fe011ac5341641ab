//! Roadmap + view → [`Scene`]: where every lane, band, bar, label and arrow goes. Pure geometry,
//! no egui, so the window and the exports draw the same picture and tests check it headless.

mod arrangement;
mod calendar;
mod packing;
mod scene;
mod showing;
mod text;
mod time_view;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::model::{AgencyId, MissionKind, MissionStatus, Roadmap};

pub use arrangement::{ArrangedLane, Arrangement, Entry, LaneKey, Link, arrange, interval};
pub use calendar::{CalendarUnit, Tick, snap_unit, ticks};
pub use scene::{
    Arrow, Band, BandKind, Bar, BarPart, BarShape, EDGE_GRIP, Ghost, Label, Lane,
    MIN_RESIZABLE_WIDTH, Point, Rect, Rgb, Scene, TODAY,
};
pub use showing::{Filter, GroupBy, Showing};
pub use text::{
    ELLIPSIS, FALLBACK_FONT, LINE_HEIGHT, MAIN_FONT, SMALL_TEXT_SIZE, TEXT_SIZE, in_main_font,
    shortened, text_width,
};
pub use time_view::{
    MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeView, date_from_day, day_number, last_writable_date,
};

/// Height of the time axis above the lanes, holding tick labels and phase names.
pub const HEADER_HEIGHT: f32 = 44.0;
/// Height of one row of bars.
pub const ROW_HEIGHT: f32 = 24.0;
/// Height of a bar within its row.
pub const BAR_HEIGHT: f32 = 18.0;
/// Space above the first and below the last row of a lane.
pub const LANE_PADDING: f32 = 6.0;
/// Narrowest bar drawn: shorter missions are widened to it.
pub const MIN_BAR_WIDTH: f32 = 2.0;
/// Space between a label and its bar's edges.
pub const LABEL_PADDING: f32 = 5.0;
/// Room taken by the crew icon at the start of a crewed mission's bar.
pub const CREW_ICON_WIDTH: f32 = 10.0;
/// Narrowest bar that shows the crew icon.
pub const MIN_CREW_ICON_BAR: f32 = 14.0;
/// Fewest pixels a shortened label is given: a few characters and the "…".
pub const MIN_SHORTENED_LABEL: f32 = 4.0 * TEXT_SIZE;

/// What part of the roadmap is shown, and how.
#[derive(Clone, Debug)]
pub struct LayoutInput<'a> {
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// Its lanes, rows, flags and links (see [`arrange`]).
    pub arrangement: &'a Arrangement,
    /// The visible time range.
    pub time: TimeView,
    /// Chart width in pixels (lanes' names are drawn outside it).
    pub width: f32,
    /// Visible chart height in pixels, header included.
    pub height: f32,
    /// Pixels the lanes are scrolled up by.
    pub scroll_y: f32,
    /// Selected missions, by position in the roadmap.
    pub selection: &'a BTreeSet<usize>,
    /// An agency whose missions (led or contributed to) stand out; the others are dimmed.
    pub highlight: Option<&'a AgencyId>,
    /// The day the today line marks.
    pub today: NaiveDate,
}

/// Lays the chart out: the arranged lanes and rows, placed in the view.
pub fn lay_out(input: &LayoutInput) -> Scene {
    let roadmap = input.roadmap;
    let mut scene = Scene {
        width: input.width,
        ticks: labelled_ticks(&input.time, input.width),
        ..Scene::default()
    };
    let mut centre_y: Vec<Option<f32>> = vec![None; roadmap.missions.len()];
    let mut top = HEADER_HEIGHT - input.scroll_y;
    for lane in &input.arrangement.lanes {
        let bottom = top + lane.rows.len() as f32 * ROW_HEIGHT + 2.0 * LANE_PADDING;
        for (row, members) in lane.rows.iter().enumerate() {
            let y = top + LANE_PADDING + row as f32 * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            let in_view = y + BAR_HEIGHT >= HEADER_HEIGHT && y <= input.height;
            let first_bar = scene.bars.len();
            for &entry in members {
                let i = entry.mission;
                // A mission on several lanes (grouped by agency) is found where it first is.
                centre_y[i].get_or_insert(y + BAR_HEIGHT / 2.0);
                if in_view {
                    scene.bars.extend(bar(input, entry, y));
                    scene.ghosts.extend(ghost(input, i, y));
                }
            }
            place_labels(&mut scene.bars[first_bar..], input.width);
        }
        scene.lanes.push(Lane {
            name: lane.name.clone(),
            key: lane.key.clone(),
            top,
            bottom,
        });
        top = bottom;
    }
    scene.content_height = top + input.scroll_y;
    let today_x = input
        .time
        .x_from_time(day_number(input.today) + 0.5, input.width);
    scene.today = (0.0..=input.width).contains(&today_x).then_some(today_x);
    let today_label = scene.today_label().map(|label| label.rect);
    scene.bands = bands(input, &scene.lanes, today_label);
    scene.arrows = arrows(input, &centre_y);
    scene.centre_y = centre_y;
    scene.agencies = agencies_in_view(input, &scene.bars);
    scene
}

/// The lead agencies of `bars` (known ones, in the roadmap's order) with their colours.
fn agencies_in_view(input: &LayoutInput, bars: &[Bar]) -> Vec<(String, Rgb)> {
    let missions = &input.roadmap.missions;
    let leads: rustc_hash::FxHashSet<&str> = bars
        .iter()
        .map(|b| missions[b.mission].lead.as_str())
        .collect();
    input
        .roadmap
        .agencies
        .iter()
        .filter(|agency| leads.contains(agency.id.as_str()))
        .map(|agency| {
            let color = agency.color.map_or([150, 150, 150], |c| [c.r, c.g, c.b]);
            (agency.id.to_string(), color)
        })
        .collect()
}

/// A view that shows every mission `showing` shows, with a margin.
pub fn fit_all(roadmap: &Roadmap, showing: &Showing) -> Option<TimeView> {
    let shown = roadmap.missions.iter().filter(|m| showing.shows(m));
    let (first, last) = shown
        .map(interval)
        .fold(None, |range: Option<(i32, i32)>, (a, b)| {
            Some(range.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))))
        })?;
    let margin = f64::from(last - first + 1) * 0.04 + 7.0;
    Some(TimeView::between(
        f64::from(first) - margin,
        f64::from(last + 1) + margin,
    ))
}

/// The bar of an entry on a row in view with its top at `y`, or `None` when it is left or
/// right of the view or narrower than a pixel. A contribution's bar is named with its role.
fn bar(input: &LayoutInput, entry: Entry, y: f32) -> Option<Bar> {
    let i = entry.mission;
    let mission = &input.roadmap.missions[i];
    let (first, last) = input.arrangement.days[i];
    let x = |day: i32| input.time.x_from_time(f64::from(day), input.width);
    let shape = if first == last {
        BarShape::Milestone
    } else {
        BarShape::Bar
    };
    let (left, right) = match shape {
        BarShape::Bar => (x(first), x(last + 1)),
        BarShape::Milestone => {
            let centre = input.time.x_from_time(f64::from(first) + 0.5, input.width);
            (centre - BAR_HEIGHT / 2.0, centre + BAR_HEIGHT / 2.0)
        }
    };
    // However far out the view is zoomed, no mission vanishes: a short one is a sliver.
    let right = right.max(left + MIN_BAR_WIDTH);
    if right < 0.0 || left > input.width {
        return None;
    }
    let role = entry
        .contribution
        .and_then(|k| mission.contributors.get(k))
        .map(|c| c.role.as_str());
    Some(Bar {
        mission: i,
        name: match role {
            Some(role) => format!("{} — {role}", mission.name),
            None => mission.name.clone(),
        },
        contribution: role.is_some(),
        rect: Rect {
            left,
            top: y,
            right,
            bottom: y + BAR_HEIGHT,
        },
        shape,
        color: input.arrangement.color[i],
        kind: mission.kind,
        status: mission.status,
        conflict: input.arrangement.severity[i],
        dimmed: input.highlight.is_some_and(|agency| {
            mission.lead != *agency && !mission.contributors.iter().any(|c| c.agency == *agency)
        }),
        selected: input.selection.contains(&i),
        label: None,
    })
}

/// The baseline position of mission `i` on its row at `y`, when it moved and the ghost or its
/// slip arrow is in view.
fn ghost(input: &LayoutInput, i: usize, y: f32) -> Option<Ghost> {
    let (first, last) = input.arrangement.ghost_days[i]?;
    let x = |day: i32| input.time.x_from_time(f64::from(day), input.width);
    let (left, right) = (x(first), x(last + 1).max(x(first) + 2.0));
    let now_left = x(input.arrangement.days[i].0);
    let (low, high) = (left.min(now_left), right.max(now_left));
    if high < 0.0 || low > input.width {
        return None;
    }
    Some(Ghost {
        mission: i,
        name: input.roadmap.missions[i].name.clone(),
        rect: Rect {
            left,
            top: y,
            right,
            bottom: y + BAR_HEIGHT,
        },
        now_left,
    })
}

/// The calendar's ticks, without the labels that would run into the one before or off the chart.
fn labelled_ticks(time: &TimeView, width: f32) -> Vec<calendar::Tick> {
    let mut ticks = ticks(time, width);
    let mut last_right = 0.0;
    for tick in &mut ticks {
        let Some(label) = tick.text() else { continue };
        if label.rect.left < last_right + LABEL_PADDING || label.rect.right > width {
            tick.label = None;
        } else {
            last_right = label.rect.right;
        }
    }
    ticks
}

/// Which labels win the room when there is not enough for all: confirmed and crewed missions
/// first, then planned, flown, concept and cancelled ones.
fn label_priority(bar: &Bar) -> u8 {
    if bar.status == MissionStatus::Confirmed || bar.kind == MissionKind::Human {
        return 0;
    }
    match bar.status {
        MissionStatus::Confirmed | MissionStatus::Planned => 1,
        MissionStatus::Flown => 2,
        MissionStatus::Concept => 3,
        MissionStatus::Cancelled => 4,
    }
}

/// Places the labels of one row of bars (`bars`, by left) so that no label overlaps another
/// label or another bar, and every label stays on the chart. By priority, each label goes
/// inside its bar when it fits in the bar's visible part, else right of the bar, else left of
/// it, else inside shortened with "…", else nowhere (the name shows on hover).
fn place_labels(bars: &mut [Bar], width: f32) {
    let mut order: Vec<usize> = (0..bars.len()).collect();
    order.sort_by_key(|&k| label_priority(&bars[k]));
    let mut taken: Vec<Rect> = Vec::new();
    for k in order {
        let free = |label: &Label| {
            let r = &label.rect;
            r.left >= 0.0
                && r.right <= width
                && !taken.iter().any(|t| overlap(t, r))
                && (label.inside
                    || !bars
                        .iter()
                        .enumerate()
                        .any(|(j, b)| j != k && overlap(&b.rect, r)))
        };
        let label = label_choices(&bars[k], width).find(|label| free(label));
        if let Some(label) = &label {
            taken.push(label.rect);
        }
        bars[k].label = label;
    }
}

/// Where a bar's label could go, best first.
fn label_choices(bar: &Bar, width: f32) -> impl Iterator<Item = Label> + '_ {
    let centre_y = bar.rect.centre_y();
    let name = &bar.name;
    let name_width = text_width(name, TEXT_SIZE);
    let has_icon = bar.kind == MissionKind::Human
        && (bar.shape == BarShape::Milestone || bar.rect.width() >= MIN_CREW_ICON_BAR);
    let icon = if has_icon { CREW_ICON_WIDTH } else { 0.0 };
    // The part of a bar in view, less its padding and icon, holds an inside label.
    let inside_left = (bar.rect.left + LABEL_PADDING + icon).max(LABEL_PADDING);
    let inside_room = bar.rect.right.min(width) - LABEL_PADDING - inside_left;
    let is_bar = bar.shape == BarShape::Bar;
    let inside = (is_bar && name_width <= inside_room)
        .then(|| Label::at(name.clone(), TEXT_SIZE, inside_left, centre_y, true));
    let right = Label::at(
        name.clone(),
        TEXT_SIZE,
        bar.rect.right + LABEL_PADDING,
        centre_y,
        false,
    );
    let left = Label::at(
        name.clone(),
        TEXT_SIZE,
        bar.rect.left - LABEL_PADDING - name_width,
        centre_y,
        false,
    );
    let short = (is_bar && inside_room >= MIN_SHORTENED_LABEL)
        .then(|| shortened(name, TEXT_SIZE, inside_room))
        .flatten()
        .map(|text| Label::at(text, TEXT_SIZE, inside_left, centre_y, true));
    inside.into_iter().chain([right, left]).chain(short)
}

/// Whether two rectangles share more than an edge.
fn overlap(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/// Phases across every lane, launch windows across their destination's lane.
fn bands(input: &LayoutInput, lanes: &[Lane], today_label: Option<Rect>) -> Vec<Band> {
    let x = |date: NaiveDate| input.time.x_from_time(day_number(date), input.width);
    let after = |date: NaiveDate| date.checked_add_days(Days::new(1)).unwrap_or(date);
    let lanes_bottom = lanes
        .last()
        .map_or(HEADER_HEIGHT, |l| l.bottom)
        .max(input.height);
    let in_view = |r: &Rect| r.right >= 0.0 && r.left <= input.width;
    let mut bands = Vec::new();
    let mut taken: Vec<Rect> = today_label.into_iter().collect();
    for phase in &input.roadmap.phases {
        let rect = Rect {
            left: x(phase.start),
            top: HEADER_HEIGHT / 2.0,
            right: x(after(phase.end)),
            bottom: lanes_bottom,
        };
        if in_view(&rect) {
            let label = phase_label(&phase.name, &rect, input.width, &taken);
            taken.extend(label.as_ref().map(|l| l.rect));
            bands.push(Band {
                rect,
                kind: BandKind::Phase,
                label,
            });
        }
    }
    for lane in lanes {
        let LaneKey::Destination(id) = &lane.key else {
            continue;
        };
        let Some(destination) = input.roadmap.destinations.iter().find(|d| &d.id == id) else {
            continue;
        };
        for window in &destination.launch_windows {
            let rect = Rect {
                left: x(window.start),
                top: lane.top,
                right: x(after(window.end)),
                bottom: lane.bottom,
            };
            if in_view(&rect) {
                bands.push(Band {
                    rect,
                    kind: BandKind::LaunchWindow,
                    label: None,
                });
            }
        }
    }
    bands
}

/// A phase's name at the start of its band's part in view, in the lower half of the header,
/// shortened to the band's width; moved past a name already `taken` (the today mark, an earlier
/// phase's) that is in the way, or left out where there is then no room.
fn phase_label(name: &str, band: &Rect, width: f32, taken: &[Rect]) -> Option<Label> {
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

/// Dependency arrows between missions laid out, from the end of the one depended on to the
/// start of the dependent one; red where the analysis found the dependency violated.
fn arrows(input: &LayoutInput, centre_y: &[Option<f32>]) -> Vec<Arrow> {
    let days = &input.arrangement.days;
    let x = |day: i32| input.time.x_from_time(f64::from(day), input.width);
    let off = |a: f32, b: f32, low: f32, high: f32| (a < low && b < low) || (a > high && b > high);
    let mut arrows = Vec::new();
    for link in &input.arrangement.links {
        let (Some(from_y), Some(to_y)) = (centre_y[link.from], centre_y[link.to]) else {
            continue;
        };
        let from = [x(days[link.from].1 + 1), from_y];
        let to = [x(days[link.to].0), to_y];
        if off(from[0], to[0], 0.0, input.width) || off(from[1], to[1], HEADER_HEIGHT, input.height)
        {
            continue;
        }
        arrows.push(Arrow {
            from,
            to,
            violated: link.violated,
        });
    }
    arrows
}
