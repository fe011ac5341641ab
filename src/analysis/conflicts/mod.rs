//! The conflict engine: every rule of DESIGN §3, each in the module named after what it checks.
//!
//! Everything works on day numbers (`i32`) and list indices, looked up once in an [`Index`], and
//! uses sorting and sweeps rather than day-by-day loops or all-pairs scans, so that a roadmap of
//! ten thousand missions is analysed within a frame.

mod dependencies;
mod occupancy;
mod overtaken;
mod references;
mod windows;

use rustc_hash::FxHashMap;

use chrono::{Datelike, NaiveDate};

use super::Conflict;
use crate::model::{Mission, MissionStatus, Roadmap, id_positions};

/// Every conflict of the roadmap on `today`, sorted by kind, then missions (DESIGN §3, §4):
/// what [`find_conflicts`] finds, and the dates that `today` has overtaken. `today` is an
/// input, never the clock, so that a check gives the same answer on any day it is asked to.
pub fn find_conflicts_on(roadmap: &Roadmap, today: NaiveDate) -> Vec<Conflict> {
    analyse(roadmap, Some(today))
}

/// The conflicts that the roadmap has whatever the day: every rule but `date-overtaken`, sorted
/// by kind, then missions.
pub fn find_conflicts(roadmap: &Roadmap) -> Vec<Conflict> {
    analyse(roadmap, None)
}

fn analyse(roadmap: &Roadmap, today: Option<NaiveDate>) -> Vec<Conflict> {
    let index = Index::new(roadmap);
    let mut conflicts = Vec::new();
    references::check(&index, &mut conflicts);
    dependencies::check(&index, &mut conflicts);
    occupancy::check(&index, &mut conflicts);
    windows::check(&index, &mut conflicts);
    if let Some(today) = today {
        overtaken::check(&index, today, &mut conflicts);
    }
    conflicts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    conflicts
}

/// Lookups shared by the checks: ids to list positions, which missions take part, and each
/// mission's destination and lead resolved once.
struct Index<'r> {
    roadmap: &'r Roadmap,
    /// Position of the first mission with each id (later duplicates are reported, not used).
    missions: FxHashMap<&'r str, usize>,
    /// Mission ids used more than once, with how often, in order of first use.
    repeated_missions: Vec<(&'r str, usize)>,
    agencies: FxHashMap<&'r str, usize>,
    resources: FxHashMap<&'r str, usize>,
    /// Missions that take part in the checks: not cancelled, and not ending before they start.
    takes_part: Vec<bool>,
    /// Each mission's destination and lead agency, where they exist.
    destination_of: Vec<Option<usize>>,
    lead_of: Vec<Option<usize>>,
}

impl<'r> Index<'r> {
    fn new(roadmap: &'r Roadmap) -> Self {
        let (missions, repeated_missions) =
            id_positions(roadmap.missions.iter().map(|m| m.id.as_str()));
        let destinations = id_positions(roadmap.destinations.iter().map(|d| d.id.as_str())).0;
        let agencies = id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).0;
        Self {
            roadmap,
            missions,
            repeated_missions,
            resources: id_positions(roadmap.resources.iter().map(|r| r.id.as_str())).0,
            takes_part: roadmap.missions.iter().map(takes_part).collect(),
            destination_of: roadmap
                .missions
                .iter()
                .map(|m| destinations.get(m.destination.as_str()).copied())
                .collect(),
            lead_of: roadmap
                .missions
                .iter()
                .map(|m| agencies.get(m.lead.as_str()).copied())
                .collect(),
            agencies,
        }
    }

    /// The missions that take part in the checks, with their positions.
    fn live_missions(&self) -> impl Iterator<Item = (usize, &'r Mission)> + '_ {
        self.roadmap
            .missions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.takes_part[*i])
    }
}

/// A cancelled mission takes part in no check; one with invalid dates only in `invalid-dates`.
fn takes_part(mission: &Mission) -> bool {
    mission.status != MissionStatus::Cancelled && mission.end >= mission.start
}

/// A date as a day number, for arithmetic and sweeps.
fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A day number back as a date. Day numbers here come from the file's four-digit-year dates and
/// move by at most one day, so they are always in chrono's range.
fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// "A", "A and B", "A, B and C": names in a sentence.
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 day", "3 days".
fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}
