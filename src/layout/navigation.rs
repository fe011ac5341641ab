//! Where the keyboard's focus goes on the chart: from one mission to the next along its row in
//! time order, to the nearest mission of the row above or below, to the ends of a row, or to
//! the first mission of the lane before or after. Pure: the arrangement in, a position out.

use super::arrangement::Arrangement;

/// A move of the keyboard's focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The mission before on the same row (←).
    Previous,
    /// The mission after on the same row (→).
    Next,
    /// The nearest mission of the row above (↑).
    Up,
    /// The nearest mission of the row below (↓).
    Down,
    /// The first mission of the row (Home).
    RowStart,
    /// The last mission of the row (End).
    RowEnd,
    /// The first mission of the lane before (Page Up).
    LaneBefore,
    /// The first mission of the lane after (Page Down).
    LaneAfter,
}

/// A row of the chart: its lane, and its missions by start.
struct Row {
    lane: usize,
    missions: Vec<usize>,
}

/// The rows with missions, top to bottom.
fn rows(arrangement: &Arrangement) -> Vec<Row> {
    let mut rows = Vec::new();
    for (lane, arranged) in arrangement.lanes.iter().enumerate() {
        for row in &arranged.rows {
            if !row.is_empty() {
                rows.push(Row {
                    lane,
                    missions: row.iter().map(|entry| entry.mission).collect(),
                });
            }
        }
    }
    rows
}

/// Where the focus goes from the mission at position `from` (none: from nothing, to the first
/// mission of the chart). A mission drawn in several lanes (grouped by agency) moves from its
/// first row. At the end of a row or of the chart the focus stays.
pub fn step(arrangement: &Arrangement, from: Option<usize>, step: Step) -> Option<usize> {
    let rows = rows(arrangement);
    let first = || rows.first()?.missions.first().copied();
    let Some(from) = from else {
        return first();
    };
    let Some((r, k)) = (rows.iter().enumerate())
        .find_map(|(r, row)| Some((r, row.missions.iter().position(|&m| m == from)?)))
    else {
        return first();
    };
    let row = &rows[r];
    let start = |m: usize| arrangement.days.get(m).map_or(0, |d| d.0);
    let nearest = |other: &Row| {
        (other.missions.iter().copied()).min_by_key(|&m| (start(m) - start(from)).abs())
    };
    match step {
        Step::Previous => Some(row.missions[k.saturating_sub(1)]),
        Step::Next => Some(row.missions[(k + 1).min(row.missions.len() - 1)]),
        Step::RowStart => row.missions.first().copied(),
        Step::RowEnd => row.missions.last().copied(),
        Step::Up => r
            .checked_sub(1)
            .map_or(Some(from), |above| nearest(&rows[above])),
        Step::Down => rows.get(r + 1).map_or(Some(from), nearest),
        Step::LaneBefore => (rows[..r].iter().rev())
            .find(|other| other.lane < row.lane)
            .map(|other| other.lane)
            .and_then(|lane| rows.iter().find(|other| other.lane == lane))
            .map_or(Some(from), |other| other.missions.first().copied()),
        Step::LaneAfter => (rows[r..].iter())
            .find(|other| other.lane > row.lane)
            .map_or(Some(from), |other| other.missions.first().copied()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::find_conflicts;
    use crate::bundled::bundled_roadmap;
    use crate::layout::{Showing, arrange};

    #[test]
    fn the_focus_walks_rows_in_time_order_and_jumps_rows_and_lanes_to_the_nearest() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let arrangement = arrange(
            &roadmap,
            &find_conflicts(&roadmap),
            &Showing::default(),
            None,
        );
        let at = |id: &str| roadmap.missions.iter().position(|m| m.id.as_str() == id);
        let name = |m: Option<usize>| m.map(|m| roadmap.missions[m].id.to_string());
        let first = step(&arrangement, None, Step::Next);
        assert_eq!(
            name(first),
            Some("iss".to_owned()),
            "from nothing to the first mission"
        );
        let iss = at("iss");
        assert_eq!(
            step(&arrangement, iss, Step::Previous),
            iss,
            "a row's first stays"
        );
        let row_end = step(&arrangement, iss, Step::RowEnd);
        assert_eq!(
            step(&arrangement, row_end, Step::Next),
            row_end,
            "a row's last stays"
        );
        let next_lane = step(&arrangement, iss, Step::LaneAfter);
        let lane_of = |m: Option<usize>| {
            let m = m.unwrap_or(usize::MAX);
            (arrangement.lanes.iter()).position(|l| l.rows.iter().flatten().any(|e| e.mission == m))
        };
        assert_eq!(lane_of(next_lane), Some(1), "Page Down: the next lane");
        assert_eq!(
            step(&arrangement, next_lane, Step::LaneBefore),
            iss,
            "and back"
        );
        let down = step(&arrangement, iss, Step::Down);
        assert_ne!(down, iss);
        let days = |m: Option<usize>| arrangement.days[m.unwrap_or(0)].0;
        let below = &arrangement.lanes[0].rows[1];
        let closest = (below.iter())
            .map(|e| (days(Some(e.mission)) - days(iss)).abs())
            .min();
        assert_eq!(
            Some((days(down) - days(iss)).abs()),
            closest,
            "the nearest below"
        );
    }
}
