//! The part of a layout that depends on the roadmap and on what is shown, not on the view:
//! which lane and row each mission goes on, how it is flagged, which missions are linked.
//! Computed once per change of the roadmap and reused by every frame of zooming, panning and
//! scrolling, which then only has to place what is in view.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::metrics::{HEADER_HEIGHT, LANE_PADDING, ROW_HEIGHT};
use super::packing::pack_rows;
use super::scene::{LaneKey, Rgb};
use super::showing::{GroupBy, Showing};
use super::time_view::day_number;
use crate::analysis::{Conflict, ConflictChanges, ConflictKind, Severity};
use crate::model::{Mission, MissionId, Roadmap, id_positions};

/// Grey for missions whose lead agency has no colour.
const NO_COLOR: Rgb = [150, 150, 150];

/// A mission's place in a lane: as itself, or (grouped by agency) as one contribution to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Position of the mission in the roadmap.
    pub mission: usize,
    /// In an agency's lane, the position of its contribution in the mission's contributors
    /// (`None`: the agency leads the mission).
    pub contribution: Option<usize>,
}

impl Entry {
    fn lead(mission: usize) -> Self {
        Self {
            mission,
            contribution: None,
        }
    }
}

/// A lane and its rows of missions.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrangedLane {
    /// Shown at the lane's left.
    pub name: String,
    /// What it stands for.
    pub key: LaneKey,
    /// Rows top to bottom, each with its entries by start. A lane has at least one row, empty
    /// or not.
    pub rows: Vec<Vec<Entry>>,
    /// A number no other lane has had: a new one whenever anything drawn in the lane may have
    /// changed (its missions' dates, rows, conflicts, ghosts), so that the chart can keep the
    /// lanes that a frame of a drag did not touch.
    pub version: u64,
}

/// A lane version no lane has had.
fn next_lane_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl ArrangedLane {
    /// Its height on the chart: its rows and the padding above and below them.
    pub fn height(&self) -> f32 {
        self.rows.len() as f32 * ROW_HEIGHT + 2.0 * LANE_PADDING
    }
}

/// A dependency between two shown missions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Position of the mission depended on.
    pub from: usize,
    /// Position of the dependent mission.
    pub to: usize,
    /// Whether the analysis found this dependency violated.
    pub violated: bool,
}

/// Lanes, rows, flags and links of a roadmap, ready to be laid out in any view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrangement {
    /// Lanes top to bottom.
    pub lanes: Vec<ArrangedLane>,
    /// How many missions are not shown (cancelled, or filtered out).
    pub hidden: usize,
    /// Each mission's first and last day (see [`interval`]), by position.
    pub days: Vec<(i32, i32)>,
    /// The worst conflict each mission takes part in, by position.
    pub severity: Vec<Option<Severity>>,
    /// Each mission's lead agency colour, by position.
    pub color: Vec<Rgb>,
    /// Each mission's lead agency (the first with its id), by position, where it is known.
    pub lead: Vec<Option<usize>>,
    /// Dependencies between shown missions.
    pub links: Vec<Link>,
    /// In compare mode, the days each mission had in the baseline where they differ, by
    /// position: drawn as a ghost behind its bar.
    pub ghost_days: Vec<Option<(i32, i32)>>,
    /// Each mission's name, shared with the bars and labels of every frame rather than copied
    /// into each.
    pub names: Vec<Arc<str>>,
    /// The positions of the missions with each id (conflicts name ids), so that a frame of a
    /// drag flags missions without looking up every id again.
    positions_of: HashMap<MissionId, Vec<usize>>,
    /// How many errors and warnings each mission takes part in, by position: a frame of a
    /// drag adds and takes away only the conflicts that changed.
    conflict_counts: Vec<[u32; 2]>,
}

impl Arrangement {
    /// Height of every lane together, with the time axis above them.
    pub fn content_height(&self) -> f32 {
        HEADER_HEIGHT + self.lanes.iter().map(ArrangedLane::height).sum::<f32>()
    }
}

/// Arranges the missions of `roadmap` that `showing` shows in lanes and rows, flagged with
/// their `conflicts`, with ghosts where a `baseline` had other dates.
pub fn arrange(
    roadmap: &Roadmap,
    conflicts: &[Conflict],
    showing: &Showing,
    baseline: Option<&Roadmap>,
) -> Arrangement {
    let shown: Vec<bool> = roadmap.missions.iter().map(|m| showing.shows(m)).collect();
    let days: Vec<(i32, i32)> = roadmap.missions.iter().map(interval).collect();
    let members = match showing.group_by {
        GroupBy::Destination => destination_lanes(roadmap, &shown),
        GroupBy::Agency => agency_lanes(roadmap, &shown),
    };
    // While filters are on, lanes with nothing to show are left out: a view of two
    // destinations shows two lanes. Without filters every lane stays, to add missions to.
    let filtered = showing.filter.is_active();
    let lanes = members
        .into_iter()
        .filter(|(_, _, members)| !(filtered && members.is_empty()))
        .map(|(name, key, members)| ArrangedLane {
            name,
            key,
            rows: rows(&days, &members),
            version: next_lane_version(),
        })
        .collect();
    let ghost_days = baseline.map_or_else(
        || vec![None; roadmap.missions.len()],
        |baseline| ghost_days(roadmap, &days, baseline),
    );
    let mut positions_of: HashMap<MissionId, Vec<usize>> = HashMap::default();
    for (i, mission) in roadmap.missions.iter().enumerate() {
        positions_of.entry(mission.id.clone()).or_default().push(i);
    }
    let mut conflict_counts = vec![[0, 0]; roadmap.missions.len()];
    count_conflicts(&mut conflict_counts, &positions_of, conflicts, 1);
    Arrangement {
        lanes,
        hidden: shown.iter().filter(|&&s| !s).count(),
        days,
        severity: conflict_counts.iter().map(worst_severity).collect(),
        positions_of,
        conflict_counts,
        color: lead_colors(roadmap),
        lead: leads(roadmap),
        links: links(roadmap, conflicts, &shown),
        ghost_days,
        names: (roadmap.missions.iter())
            .map(|m| match showing.agency_in_names {
                true => Arc::from(format!("{} ({})", m.name, m.lead)),
                false => Arc::from(m.name.as_str()),
            })
            .collect(),
    }
}

/// Takes in that only the dates of the missions at positions `moved` changed since
/// `arrangement` was made (a frame of a drag), with the roadmap's `conflicts` now. The other
/// missions keep their rows, so the chart does not reshuffle under the pointer: a moved
/// mission stays on its row if it still fits there, else takes the first row of its lane
/// where it fits, else a new row at the bottom. Lanes keep their rows until the next full
/// [`arrange`].
/// `changes` are what the date change did to `conflicts` (`None`: not known, all of them are
/// counted again).
pub fn rearrange_after_date_change(
    arrangement: &mut Arrangement,
    roadmap: &Roadmap,
    conflicts: &[Conflict],
    changes: Option<&ConflictChanges>,
    baseline: Option<&Roadmap>,
    moved: &[usize],
) {
    let moved: Vec<usize> = moved
        .iter()
        .copied()
        .filter(|&i| i < roadmap.missions.len() && i < arrangement.days.len())
        .collect();
    // Looked up for every entry and link: a drag of the whole selection moves thousands.
    let mut is_moved = vec![false; arrangement.days.len()];
    for &i in &moved {
        is_moved[i] = true;
    }
    for &i in &moved {
        let days = interval(&roadmap.missions[i]);
        arrangement.days[i] = days;
        if let Some(baseline) = baseline {
            let id = &roadmap.missions[i].id;
            let before = baseline.missions.iter().find(|m| &m.id == id).map(interval);
            arrangement.ghost_days[i] = before.filter(|&b| b != days);
        }
    }
    let days = &arrangement.days;
    for lane in &mut arrangement.lanes {
        let mut taken_out = Vec::new();
        for (r, row) in lane.rows.iter_mut().enumerate() {
            row.retain(|entry| {
                let stays = !is_moved[entry.mission];
                if !stays {
                    taken_out.push((r, *entry));
                }
                stays
            });
        }
        for (row, entry) in taken_out {
            put_back(&mut lane.rows, days, row, entry);
        }
    }
    // What a lane draws changes where a mission moved or its worst conflict changed.
    let mut touched = is_moved.clone();
    let counts = &mut arrangement.conflict_counts;
    let mut flag = |i: usize, severity: Option<Severity>| {
        if arrangement.severity[i] != severity {
            arrangement.severity[i] = severity;
            touched[i] = true;
        }
    };
    match changes {
        Some(changes) => {
            count_conflicts(counts, &arrangement.positions_of, &changes.gone, -1);
            count_conflicts(counts, &arrangement.positions_of, &changes.new, 1);
            let named = changes
                .gone
                .iter()
                .chain(&changes.new)
                .flat_map(|c| &c.missions);
            for &i in named
                .filter_map(|id| arrangement.positions_of.get(id))
                .flatten()
            {
                flag(i, worst_severity(&counts[i]));
            }
        }
        None => {
            counts.iter_mut().for_each(|c| *c = [0, 0]);
            count_conflicts(counts, &arrangement.positions_of, conflicts, 1);
            for (i, count) in counts.iter().enumerate() {
                flag(i, worst_severity(count));
            }
        }
    }
    for lane in &mut arrangement.lanes {
        if lane
            .rows
            .iter()
            .flatten()
            .any(|entry| touched[entry.mission])
        {
            lane.version = next_lane_version();
        }
    }
    // Whether a dependency is kept depends only on the dates of its two missions.
    let violated = violated_dependencies(conflicts);
    let touched = |link: &&mut Link| is_moved[link.from] || is_moved[link.to];
    for link in arrangement.links.iter_mut().filter(touched) {
        let pair = ordered_pair(
            &roadmap.missions[link.to].id,
            &roadmap.missions[link.from].id,
        );
        link.violated = violated.contains(&pair);
    }
}

/// Puts `entry` back in a lane: on `row` if it fits there, else on the first row where it
/// fits, else on a new row; each row stays ordered by start.
fn put_back(rows: &mut Vec<Vec<Entry>>, days: &[(i32, i32)], row: usize, entry: Entry) {
    let (first, last) = days[entry.mission];
    // Where in a row it would go, if nothing there overlaps it (intervals include both ends).
    let place = |row: &[Entry]| {
        let at = row.partition_point(|e| days[e.mission] < (first, last));
        let before_ok = at == 0 || days[row[at - 1].mission].1 < first;
        let after_ok = row.get(at).is_none_or(|e| days[e.mission].0 > last);
        (before_ok && after_ok).then_some(at)
    };
    let candidates = std::iter::once(row).chain(0..rows.len());
    for r in candidates.filter(|&r| r < rows.len()) {
        if let Some(at) = place(&rows[r]) {
            rows[r].insert(at, entry);
            return;
        }
    }
    rows.push(vec![entry]);
}

/// Each mission's days in the baseline (its first mission with that id), where they differ.
fn ghost_days(
    roadmap: &Roadmap,
    days: &[(i32, i32)],
    baseline: &Roadmap,
) -> Vec<Option<(i32, i32)>> {
    let earlier = id_positions(baseline.missions.iter().map(|m| m.id.as_str())).0;
    roadmap
        .missions
        .iter()
        .zip(days)
        .map(|(mission, &now)| {
            let before = interval(&baseline.missions[*earlier.get(mission.id.as_str())?]);
            (before != now).then_some(before)
        })
        .collect()
}

/// A mission's days as `(first, last)` day numbers, in order even when its dates are not.
pub fn interval(mission: &Mission) -> (i32, i32) {
    let (a, b) = (
        day_number(mission.start) as i32,
        day_number(mission.end) as i32,
    );
    (a.min(b), a.max(b))
}

/// One lane per destination, each with the missions it shows, then one for missions whose
/// destination is unknown (so that they stay visible and can be fixed).
fn destination_lanes(roadmap: &Roadmap, shown: &[bool]) -> Vec<(String, LaneKey, Vec<Entry>)> {
    let lane_of = id_positions(roadmap.destinations.iter().map(|d| d.id.as_str())).0;
    let mut lanes: Vec<(String, LaneKey, Vec<Entry>)> = roadmap
        .destinations
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                LaneKey::Destination(d.id.clone()),
                Vec::new(),
            )
        })
        .collect();
    let mut elsewhere = Vec::new();
    for (i, mission) in roadmap.missions.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        match lane_of.get(mission.destination.as_str()) {
            Some(&lane) => lanes[lane].2.push(Entry::lead(i)),
            None => elsewhere.push(Entry::lead(i)),
        }
    }
    if !elsewhere.is_empty() {
        lanes.push((
            "Unknown destination".to_owned(),
            LaneKey::Unknown,
            elsewhere,
        ));
    }
    lanes
}

/// One lane per agency that leads or contributes to a mission shown, in the file's order:
/// its missions led, and its contributions. Missions led by an unknown agency get a lane of
/// their own.
fn agency_lanes(roadmap: &Roadmap, shown: &[bool]) -> Vec<(String, LaneKey, Vec<Entry>)> {
    let lane_of = id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0;
    // Ids first: agencies are known by them (NASA, ESA, JAXA), and long names get shortened.
    let mut lanes: Vec<(String, LaneKey, Vec<Entry>)> = roadmap
        .agencies
        .iter()
        .map(|a| {
            let name = format!("{} — {}", a.id, a.name);
            (name, LaneKey::Agency(a.id.clone()), Vec::new())
        })
        .collect();
    let mut unknown = Vec::new();
    for (i, mission) in roadmap.missions.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        match lane_of.get(mission.lead.as_str()) {
            Some(&lane) => lanes[lane].2.push(Entry::lead(i)),
            None => unknown.push(Entry::lead(i)),
        }
        for (k, contribution) in mission.contributors.iter().enumerate() {
            if let Some(&lane) = lane_of.get(contribution.agency.as_str()) {
                lanes[lane].2.push(Entry {
                    mission: i,
                    contribution: Some(k),
                });
            }
        }
    }
    if !unknown.is_empty() {
        lanes.push(("Unknown agency".to_owned(), LaneKey::Unknown, unknown));
    }
    lanes.retain(|(_, _, entries)| !entries.is_empty());
    lanes
}

/// `members` of one lane packed into rows, each row by start.
fn rows(days: &[(i32, i32)], members: &[Entry]) -> Vec<Vec<Entry>> {
    let intervals: Vec<(i32, i32)> = members.iter().map(|e| days[e.mission]).collect();
    let row_of = pack_rows(&intervals);
    let mut rows = vec![Vec::new(); row_of.iter().map(|r| r + 1).max().unwrap_or(1)];
    for (k, &row) in row_of.iter().enumerate() {
        rows[row].push(k);
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by_key(|&k| intervals[k]);
            row.into_iter().map(|k| members[k]).collect()
        })
        .collect()
}

/// Adds `by` (1 or -1) to the counts of the missions each conflict names (every mission with
/// a repeated id).
fn count_conflicts(
    counts: &mut [[u32; 2]],
    positions_of: &HashMap<MissionId, Vec<usize>>,
    conflicts: &[Conflict],
    by: i32,
) {
    for conflict in conflicts {
        let which = usize::from(conflict.severity == Severity::Warning);
        let named = conflict
            .missions
            .iter()
            .filter_map(|id| positions_of.get(id));
        for &i in named.flatten() {
            if let Some(count) = counts.get_mut(i) {
                count[which] = count[which].saturating_add_signed(by);
            }
        }
    }
}

/// The worst severity among a mission's conflicts, from how many errors and warnings it has.
fn worst_severity(&[errors, warnings]: &[u32; 2]) -> Option<Severity> {
    if errors > 0 {
        Some(Severity::Error)
    } else if warnings > 0 {
        Some(Severity::Warning)
    } else {
        None
    }
}

/// Each mission's lead agency (the first of its id), by position.
fn leads(roadmap: &Roadmap) -> Vec<Option<usize>> {
    let first_of = id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0;
    roadmap
        .missions
        .iter()
        .map(|m| first_of.get(m.lead.as_str()).copied())
        .collect()
}

/// Each mission's lead agency colour (the first agency's, where ids repeat).
fn lead_colors(roadmap: &Roadmap) -> Vec<Rgb> {
    let mut colors: HashMap<&str, Rgb> = HashMap::default();
    for agency in &roadmap.agencies {
        if let Some(c) = agency.color {
            colors.entry(agency.id.as_str()).or_insert([c.r, c.g, c.b]);
        }
    }
    roadmap
        .missions
        .iter()
        .map(|m| colors.get(m.lead.as_str()).copied().unwrap_or(NO_COLOR))
        .collect()
}

/// Dependencies between shown missions (to the first mission of a repeated id), flagged where
/// the analysis found them violated.
fn links(roadmap: &Roadmap, conflicts: &[Conflict], shown: &[bool]) -> Vec<Link> {
    let violated = violated_dependencies(conflicts);
    let first_of = id_positions(roadmap.missions.iter().map(|m| m.id.as_str())).0;
    let mut links = Vec::new();
    for (to, mission) in roadmap.missions.iter().enumerate() {
        for dependency in &mission.depends_on {
            let Some(&from) = first_of.get(dependency.mission.as_str()) else {
                continue;
            };
            if !(shown[from] && shown[to]) {
                continue;
            }
            let pair = ordered_pair(&mission.id, &dependency.mission);
            links.push(Link {
                from,
                to,
                violated: violated.contains(&pair),
            });
        }
    }
    links
}

/// The two missions of each violated dependency, in id order.
fn violated_dependencies(conflicts: &[Conflict]) -> HashSet<(&str, &str)> {
    conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Dependency && c.missions.len() == 2)
        .map(|c| (c.missions[0].as_str(), c.missions[1].as_str()))
        .collect()
}

/// Two ids in order, as conflicts name the two missions of a dependency.
fn ordered_pair<'a>(a: &'a MissionId, b: &'a MissionId) -> (&'a str, &'a str) {
    if a <= b {
        (a.as_str(), b.as_str())
    } else {
        (b.as_str(), a.as_str())
    }
}
