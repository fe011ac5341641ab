//! What the Statistics and Agencies tabs show: missions per year by destination, missions
//! flown per year by outcome, the missions each agency leads and contributes to, and how far missions slipped since a baseline. Pure
//! counting, in one pass over the missions each, so that the window can do it off its frame.

use std::collections::HashMap;

use chrono::Datelike;
use rustc_hash::FxHashMap;

use super::{Difference, RoadmapDiff, months};
use crate::model::{AgencyId, Mission, MissionStatus, Outcome, Roadmap};

/// Everything the Statistics and Agencies tabs show of a roadmap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// Missions shown per start year, by destination.
    pub per_year: PerYear,
    /// Flown missions shown per launch year, by outcome.
    pub flown_per_year: PerYear,
    /// Missions each agency (by id) leads and contributes to.
    pub by_agency: HashMap<AgencyId, (u32, u32)>,
    /// The same for each agency of the roadmap, in its order: id, led, contributed to.
    pub agencies: Vec<(String, u32, u32)>,
    /// In compare mode, how many missions slipped by how much (see [`slip_histogram`]).
    pub slips: Option<Vec<(i64, u32)>>,
}

/// The counts of `roadmap`, with the missions `shows` lets through per year, and the slips
/// since a baseline when `diff` is of one.
pub fn count(
    roadmap: &Roadmap,
    shows: impl Fn(&Mission) -> bool,
    diff: Option<&RoadmapDiff>,
) -> Counts {
    let by_agency = missions_by_agency(roadmap);
    Counts {
        per_year: missions_per_year(roadmap, &shows),
        flown_per_year: flown_per_year(roadmap, &shows),
        agencies: agency_counts(roadmap, &by_agency),
        by_agency,
        slips: diff.map(slip_histogram),
    }
}

/// Width of a bin of the slip histogram, in months.
pub const SLIP_BIN_MONTHS: i64 = 6;

/// Missions starting in each year, by a grouping of them (destinations, outcomes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerYear {
    /// The first year counted.
    pub first_year: i32,
    /// Per group (in order): its name and its count for each year from `first_year`.
    pub lanes: Vec<(String, Vec<u32>)>,
}

/// Counts the missions that `shows` lets through by start year and destination; missions to an unknown
/// destination are left out. One pass over the missions, lanes found by id through an index.
pub fn missions_per_year(roadmap: &Roadmap, shows: impl Fn(&Mission) -> bool) -> PerYear {
    let lane_of = first_positions(roadmap.destinations.iter().map(|d| d.id.as_str()));
    let names = roadmap.destinations.iter().map(|d| d.name.clone());
    per_year(roadmap, names.collect(), |m| {
        shows(m).then(|| lane_of.get(m.destination.as_str()).copied())?
    })
}

/// The name of the last group of [`flown_per_year`]: flown missions whose outcome is not written.
const OUTCOME_NOT_RECORDED: &str = "outcome not recorded";

/// Counts the flown missions that `shows` lets through by launch year and outcome: success,
/// partial, failed, then those with no outcome recorded.
pub fn flown_per_year(roadmap: &Roadmap, shows: impl Fn(&Mission) -> bool) -> PerYear {
    let names = (Outcome::ALL.iter().map(|o| o.name().to_owned()))
        .chain([OUTCOME_NOT_RECORDED.to_owned()])
        .collect();
    per_year(roadmap, names, |m| {
        (m.status == MissionStatus::Flown && shows(m)).then(|| match m.outcome {
            Some(outcome) => Outcome::ALL.iter().position(|&o| o == outcome),
            None => Some(Outcome::ALL.len()),
        })?
    })
}

/// Counts the missions by start year and the group `group_of` puts each in (none: not counted).
fn per_year(
    roadmap: &Roadmap,
    names: Vec<String>,
    group_of: impl Fn(&Mission) -> Option<usize>,
) -> PerYear {
    let counted: Vec<(usize, i32)> = (roadmap.missions.iter())
        .filter_map(|m| Some((group_of(m)?, m.start.year())))
        .collect();
    let first_year = counted.iter().map(|&(_, year)| year).min().unwrap_or(0);
    let last_year = counted.iter().map(|&(_, year)| year).max().unwrap_or(-1);
    let years = usize::try_from(last_year - first_year + 1).unwrap_or(0);
    let mut counts = vec![vec![0; years]; names.len()];
    for (group, year) in counted {
        if let (Some(row), Ok(k)) = (counts.get_mut(group), usize::try_from(year - first_year)) {
            row[k] += 1;
        }
    }
    let lanes = names.into_iter().zip(counts).collect();
    PerYear { first_year, lanes }
}

/// The position of the first entry of each id.
fn first_positions<'r>(ids: impl Iterator<Item = &'r str>) -> FxHashMap<&'r str, usize> {
    let mut positions = FxHashMap::default();
    for (k, id) in ids.enumerate() {
        positions.entry(id).or_insert(k);
    }
    positions
}

/// How many missions each agency of the roadmap (by id) leads and contributes to, in one pass
/// over them.
pub fn missions_by_agency(roadmap: &Roadmap) -> HashMap<AgencyId, (u32, u32)> {
    let agency_of = first_positions(roadmap.agencies.iter().map(|a| a.id.as_str()));
    let mut counts = vec![(0, 0); roadmap.agencies.len()];
    let mut helped: Vec<usize> = Vec::new();
    for mission in &roadmap.missions {
        if let Some(&k) = agency_of.get(mission.lead.as_str()) {
            counts[k].0 += 1;
        }
        helped.clear();
        helped.extend(
            (mission.contributors.iter()).filter_map(|c| agency_of.get(c.agency.as_str()).copied()),
        );
        // An agency with two roles on one mission contributes to one mission.
        helped.sort_unstable();
        helped.dedup();
        for &k in &helped {
            counts[k].1 += 1;
        }
    }
    let mut by_id = HashMap::new();
    for (agency, count) in roadmap.agencies.iter().zip(counts) {
        by_id.entry(agency.id.clone()).or_insert(count);
    }
    by_id
}

/// For each agency of the roadmap (in its order): id, missions led, missions contributed to.
pub fn agency_counts(
    roadmap: &Roadmap,
    counts: &HashMap<AgencyId, (u32, u32)>,
) -> Vec<(String, u32, u32)> {
    roadmap
        .agencies
        .iter()
        .map(|agency| {
            let (led, helped) = counts.get(&agency.id).copied().unwrap_or_default();
            (agency.id.to_string(), led, helped)
        })
        .collect()
}

/// How many missions' starts moved by how much: `(first month of the bin, count)`, bins of
/// [`SLIP_BIN_MONTHS`], in order, empty bins included between the first and the last.
pub fn slip_histogram(diff: &RoadmapDiff) -> Vec<(i64, u32)> {
    let bins: Vec<i64> = diff
        .differences
        .iter()
        .filter_map(|d| match d {
            Difference::Moved { start_days, .. } if *start_days != 0 => {
                Some(months(*start_days).div_euclid(SLIP_BIN_MONTHS))
            }
            _ => None,
        })
        .collect();
    let (Some(&low), Some(&high)) = (bins.iter().min(), bins.iter().max()) else {
        return Vec::new();
    };
    (low..=high)
        .map(|bin| {
            let count = bins.iter().filter(|&&b| b == bin).count() as u32;
            (bin * SLIP_BIN_MONTHS, count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff;
    use crate::bundled::bundled_roadmap;
    use crate::model::MissionStatus;

    #[test]
    fn flown_missions_are_counted_by_outcome_and_others_not_at_all() {
        let Ok(mut roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        roadmap.missions.truncate(4);
        let outcomes = [Some(Outcome::Failed), None, Some(Outcome::Failed), None];
        for (mission, outcome) in roadmap.missions.iter_mut().zip(outcomes) {
            mission.status = MissionStatus::Flown;
            mission.outcome = outcome;
            mission.start = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default();
        }
        roadmap.missions[3].status = MissionStatus::Planned;
        let counts = flown_per_year(&roadmap, |_| true);
        assert_eq!(counts.first_year, 2024);
        let rows: Vec<(&str, &[u32])> = (counts.lanes.iter())
            .map(|(name, years)| (name.as_str(), years.as_slice()))
            .collect();
        assert_eq!(
            rows,
            [
                ("success", &[0][..]),
                ("partial", &[0]),
                ("failed", &[2]),
                (OUTCOME_NOT_RECORDED, &[1])
            ]
        );
    }

    #[test]
    fn every_shown_mission_is_counted_once_in_its_launch_year() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let counts = missions_per_year(&roadmap, |m| m.status != MissionStatus::Cancelled);
        let total: u32 = counts.lanes.iter().flat_map(|(_, c)| c).sum();
        let shown = roadmap
            .missions
            .iter()
            .filter(|m| m.status != MissionStatus::Cancelled)
            .count();
        assert_eq!(total as usize, shown);
        let with_cancelled: u32 = missions_per_year(&roadmap, |_| true)
            .lanes
            .iter()
            .flat_map(|(_, c)| c)
            .sum();
        assert_eq!(with_cancelled as usize, roadmap.missions.len());
    }

    #[test]
    fn agencies_count_missions_led_and_contributed_to() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let counts = agency_counts(&roadmap, &missions_by_agency(&roadmap));
        let led: u32 = counts.iter().map(|c| c.1).sum();
        assert_eq!(
            led as usize,
            roadmap.missions.len(),
            "each mission has one lead"
        );
        let esa = counts.iter().find(|c| c.0 == "ESA");
        assert!(
            esa.is_some_and(|c| c.2 > c.1),
            "ESA contributes more than it leads: {esa:?}"
        );
    }

    #[test]
    fn slips_fall_into_six_month_bins_with_empty_bins_between() {
        let Ok(old) = bundled_roadmap() else {
            panic!("the bundled roadmap reads")
        };
        let mut new = old.clone();
        new.missions[0].start -= chrono::TimeDelta::days(40); // about -1 month: bin -6..0
        new.missions[1].start += chrono::TimeDelta::days(400); // about 13 months: bin 12..18
        assert_eq!(
            slip_histogram(&diff(&old, &new)),
            [(-6, 1), (0, 0), (6, 0), (12, 1)]
        );
    }
}
