//! Roadmap + view → [`Scene`]: where every lane, band, bar, label and arrow goes. Pure geometry,
//! no egui, so the window and the exports draw the same picture and tests check it headless.

mod arrangement;
mod calendar;
mod labels;
mod metrics;
mod navigation;
mod packing;
mod scene;
mod showing;
mod text;
mod time_view;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use crate::analysis::Outlook;
use crate::model::{AgencyId, Roadmap, SavedView};

pub use arrangement::{
    ArrangedLane, Arrangement, Entry, Link, arrange, interval, rearrange_after_date_change,
};
pub use calendar::{CalendarUnit, snap_unit, ticks};
pub use metrics::{
    BAR_HEIGHT, CREW_ICON_WIDTH, HEADER_HEIGHT, LABEL_PADDING, LANE_PADDING, MIN_BAR_WIDTH,
    MIN_CREW_ICON_BAR, MIN_SHORTENED_LABEL, ROW_HEIGHT,
};
pub use navigation::{Step, step};
pub use scene::{
    Arrow, Band, BandKind, Bar, BarPart, BarShape, EDGE_GRIP, Ghost, Label, Lane, LaneKey,
    MIN_RESIZABLE_WIDTH, Point, Rect, Rgb, Scene, TODAY, Tick,
};
pub use showing::{Filter, GroupBy, Showing};
pub use text::{
    ELLIPSIS, FALLBACK_FONT, LINE_HEIGHT, MAIN_FONT, SMALL_TEXT_SIZE, TEXT_SIZE, in_main_font,
    shortened, text_width,
};
pub use time_view::{
    MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeView, date_from_day, day_number, last_writable_date,
};

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
    /// Dates proposed for missions (a fix or a schedule previewed, successors a drag pushes),
    /// by position, as day numbers: drawn as ghosts where the bars would go.
    pub proposed: &'a BTreeMap<usize, (i32, i32)>,
    /// The missions that drive the selected one's date, by position: drawn with a ring.
    pub driving: &'a [usize],
    /// The outlook, when it is shown: each bar gets a tail to its P80 end.
    pub outlook: Option<&'a Outlook>,
}

/// Lays the chart out: the arranged lanes and rows, placed in the view.
pub fn lay_out(input: &LayoutInput) -> Scene {
    let lanes: Vec<LaneScene> = input
        .arrangement
        .lanes
        .iter()
        .zip(lane_tops(input))
        .map(|(lane, top)| lay_out_lane(input, lane, top))
        .collect();
    let lanes: Vec<&LaneScene> = lanes.iter().collect();
    assemble(input, &lanes)
}

/// What one lane shows with its top at some height: its bars and ghosts in view, and the
/// vertical centre of each of its missions' rows. Lanes are laid out one by one, so that a
/// lane nothing changed in can be kept from one frame to the next.
#[derive(Clone, Debug, Default)]
pub struct LaneScene {
    /// Where its top is.
    pub top: f32,
    /// Its bars in view.
    pub bars: Vec<Bar>,
    /// Its ghosts in view.
    pub ghosts: Vec<Ghost>,
    /// The centre of the row of each of its missions, in view or not: `(position, y)`.
    pub centre_y: Vec<(usize, f32)>,
}

/// The top of each arranged lane on the chart.
pub fn lane_tops(input: &LayoutInput) -> Vec<f32> {
    let mut top = HEADER_HEIGHT - input.scroll_y;
    input
        .arrangement
        .lanes
        .iter()
        .map(|lane| {
            let this = top;
            top += lane.height();
            this
        })
        .collect()
}

/// Lays out `lane` with its top at `top`.
pub fn lay_out_lane(input: &LayoutInput, lane: &ArrangedLane, top: f32) -> LaneScene {
    let mut scene = LaneScene {
        top,
        ..LaneScene::default()
    };
    for (row, members) in lane.rows.iter().enumerate() {
        let y = top + LANE_PADDING + row as f32 * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
        let in_view = y + BAR_HEIGHT >= HEADER_HEIGHT && y <= input.height;
        let first_bar = scene.bars.len();
        for &entry in members {
            scene.centre_y.push((entry.mission, y + BAR_HEIGHT / 2.0));
            if in_view {
                scene.bars.extend(bar(input, entry, y));
                scene.ghosts.extend(ghost(input, entry.mission, y));
            }
        }
        labels::place_labels(&mut scene.bars[first_bar..], input.width);
    }
    scene
}

/// The chart of `lanes`, laid out (by [`lay_out_lane`]) at [`lane_tops`], one for each
/// arranged lane: the lanes' bars in order, and the axis, bands and arrows around them.
/// (`lay_out` for lanes some of which were laid out for an earlier frame.)
pub fn assemble(input: &LayoutInput, lanes: &[&LaneScene]) -> Scene {
    let mut scene = Scene {
        width: input.width,
        ticks: ticks(&input.time, input.width),
        ..Scene::default()
    };
    labels::drop_crowded_tick_labels(&mut scene.ticks, input.width);
    let mut centre_y: Vec<Option<f32>> = vec![None; input.roadmap.missions.len()];
    let mut bottom = HEADER_HEIGHT - input.scroll_y;
    for (lane, laid_out) in input.arrangement.lanes.iter().zip(lanes) {
        // A mission on several lanes (grouped by agency) is found where it first is.
        for &(i, y) in &laid_out.centre_y {
            centre_y[i].get_or_insert(y);
        }
        bottom = laid_out.top + lane.height();
        scene.lanes.push(Lane {
            name: lane.name.clone(),
            key: lane.key.clone(),
            top: laid_out.top,
            bottom,
            bars: scene.bars.len()..scene.bars.len() + laid_out.bars.len(),
            ghosts: scene.ghosts.len()..scene.ghosts.len() + laid_out.ghosts.len(),
        });
        scene.bars.extend_from_slice(&laid_out.bars);
        scene.ghosts.extend_from_slice(&laid_out.ghosts);
    }
    scene.content_height = bottom + input.scroll_y;
    let today_x = input
        .time
        .x_from_time(day_number(input.today) + 0.5, input.width);
    scene.today = (0.0..=input.width).contains(&today_x).then_some(today_x);
    scene.today_label = scene.today.map(|x| {
        let centre_y = HEADER_HEIGHT * 0.75;
        Label::at(TODAY, SMALL_TEXT_SIZE, x + 3.0, centre_y, false)
    });
    let today_label = scene.today_label.as_ref().map(|label| label.rect);
    scene.bands = bands(input, &scene.lanes, today_label);
    scene.arrows = arrows(input, &centre_y);
    scene.centre_y = centre_y;
    scene.agencies = agencies_in_view(input, &scene.bars);
    scene.outlook = input.outlook.is_some();
    scene
}

/// The lead agencies of `bars` (known ones, in the roadmap's order) with their colours.
fn agencies_in_view(input: &LayoutInput, bars: &[Bar]) -> Vec<(String, Rgb)> {
    let agencies = &input.roadmap.agencies;
    let mut leading = vec![false; agencies.len()];
    for bar in bars {
        if let Some(a) = input.arrangement.lead[bar.mission] {
            leading[a] = true;
        }
    }
    // An agency whose id repeats leads what the first of that id leads.
    let first_of = crate::model::id_positions(agencies.iter().map(|a| a.id.as_str())).0;
    agencies
        .iter()
        .filter(|agency| {
            first_of
                .get(agency.id.as_str())
                .is_some_and(|&a| leading[a])
        })
        .map(|agency| {
            let color = agency.color.map_or([150, 150, 150], |c| [c.r, c.g, c.b]);
            (agency.id.to_string(), color)
        })
        .collect()
}

/// What a saved view shows: its days, and its lanes and filters.
pub fn saved_view(view: &SavedView) -> (TimeView, Showing) {
    (
        TimeView::of_days(view.from, view.to),
        Showing::of_view(view),
    )
}

/// The view shown, to be saved under `name` (it gets its id when it is added to a roadmap).
pub fn view_to_save(name: String, time: TimeView, showing: &Showing, locked: bool) -> SavedView {
    let (from, last) = time.days();
    // A file's view ends after it starts.
    let to = last.max(from.succ_opt().unwrap_or(from));
    SavedView {
        id: "view".into(),
        name,
        from,
        to,
        group_by: showing.group_by,
        filters: showing.filter.clone(),
        show_cancelled: showing.show_cancelled,
        locked,
    }
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
            Some(role) => Arc::from(format!("{} — {role}", mission.name)),
            None => Arc::clone(&input.arrangement.names[i]),
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
        outcome: mission.outcome,
        operating_from: (shape == BarShape::Bar && mission.is_operating_on(input.today)).then(
            || {
                let today = input
                    .time
                    .x_from_time(day_number(input.today) + 1.0, input.width);
                today.clamp(left, right)
            },
        ),
        conflict: input.arrangement.severity[i],
        dimmed: input.highlight.is_some_and(|agency| {
            mission.lead != *agency && !mission.contributors.iter().any(|c| c.agency == *agency)
        }),
        selected: input.selection.contains(&i),
        driving: input.driving.contains(&i),
        tail_to: tail_to(input, i, right),
        label: None,
    })
}

/// Where the outlook's tail of mission `i` ends (the day after its P80 end), when that is
/// right of the bar's `right` edge; never far past the chart's right edge.
fn tail_to(input: &LayoutInput, i: usize, right: f32) -> Option<f32> {
    let p80_end = input.outlook?.missions.get(i)?.p80_end;
    let x = input
        .time
        .x_from_time(day_number(p80_end) + 1.0, input.width);
    (x > right + 1.0).then_some(x.min(input.width + 1.0))
}

/// The ghost of mission `i` on its row at `y`, when the ghost or its slip arrow is in view:
/// where a preview proposes to put it, else where the baseline had it.
fn ghost(input: &LayoutInput, i: usize, y: f32) -> Option<Ghost> {
    let proposed = input.proposed.get(&i).copied();
    let (first, last) = proposed.or(input.arrangement.ghost_days[i])?;
    let x = |day: i32| input.time.x_from_time(f64::from(day), input.width);
    let (left, right) = (x(first), x(last + 1).max(x(first) + 2.0));
    let now_left = x(input.arrangement.days[i].0);
    let (low, high) = (left.min(now_left), right.max(now_left));
    if high < 0.0 || low > input.width {
        return None;
    }
    Some(Ghost {
        mission: i,
        name: Arc::clone(&input.arrangement.names[i]),
        rect: Rect {
            left,
            top: y,
            right,
            bottom: y + BAR_HEIGHT,
        },
        now_left,
        proposed: proposed.is_some(),
    })
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
            let label = labels::phase_label(&phase.name, &rect, input.width, &taken);
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
            missions: (link.from, link.to),
        });
    }
    arrows
}
