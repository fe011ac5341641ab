//! What the session's background work finds, and what it was worked out for: an outlook of
//! one roadmap and day, and the planning tools' proposals (quick fixes, Resolve all), put in
//! words and in day numbers once, in the background.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::analysis::{Counts, Outlook, Schedule};
use crate::layout::Showing;
use crate::model::{Roadmap, plural};

/// What everything derived from the roadmap is made from.
#[derive(Clone, PartialEq)]
pub struct Basis {
    pub(super) generation: u64,
    pub(super) showing: Showing,
    /// The baseline (or the merge's other sides) drawn as ghosts.
    pub(super) ghosts: Option<u64>,
    pub(super) today: NaiveDate,
}

/// What background work the session asked for found.
pub enum Finished {
    /// An outlook (`None`: it stopped without one).
    Outlook(OutlookKey, Option<Outlook>),
    /// Quick fixes of conflicts, by the conflicts' positions (`None`: moving missions later
    /// does not fix it).
    Fixes(MadeFor, Vec<(usize, Option<Proposal>)>),
    /// Resolve all's schedule.
    Whole(MadeFor, Proposal),
    /// What the Statistics and Agencies tabs show, of the roadmap as `Basis` says.
    Counts(Basis, Counts),
}

/// What an outlook is of: the document's generation, the day taken as today, and the mission
/// whose start the criticality and histogram are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlookKey {
    /// The document generation.
    pub generation: u64,
    /// The day taken as today.
    pub today: NaiveDate,
    /// The one selected mission, by position.
    pub focus: Option<usize>,
}

/// The roadmap (by document generation) and day that proposals are worked out for.
pub type MadeFor = (u64, NaiveDate);

/// New dates by position, for the roadmap a proposal was made for.
pub type PositionDates = Vec<(usize, NaiveDate, NaiveDate)>;

/// Moves ready to show and apply, put in words and in day numbers once, in the background.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// What a button offering it says ("Fix: Move … to …: reason").
    pub offer: String,
    /// What the Edit menu calls the step.
    pub step: String,
    /// Each move with its reasons.
    pub lines: Vec<String>,
    /// What cannot be fixed, and why.
    pub unfixable: Vec<String>,
    /// The new dates by position: for the edit, and as day numbers for the ghosts.
    pub(super) dates: PositionDates,
    pub(super) days: BTreeMap<usize, (i32, i32)>,
}

impl Proposal {
    fn new(roadmap: &Roadmap, schedule: &Schedule, offer: String, step: String) -> Self {
        let dates = schedule.dates();
        Self {
            offer,
            step,
            lines: (schedule.moves.iter())
                .map(|m| m.describe(roadmap))
                .collect(),
            unfixable: (schedule.unfixable.iter())
                .map(|u| u.reason.clone())
                .collect(),
            days: day_numbers(&dates),
            dates,
        }
    }

    /// The quick fix a schedule made for one conflict offers.
    pub(super) fn fix(roadmap: &Roadmap, schedule: &Schedule) -> Self {
        let (offer, step) = match schedule.moves.as_slice() {
            [] => (String::new(), String::new()),
            [first, rest @ ..] => {
                let more = match rest.len() {
                    0 => String::new(),
                    n => format!(" (and {} after it)", plural(n, "mission")),
                };
                let name = first.mission(roadmap).map_or("", |m| m.name.as_str());
                (
                    format!("Fix: {}{more}", first.as_fix(roadmap)),
                    format!("Fix: move {name}"),
                )
            }
        };
        Self::new(roadmap, schedule, offer, step)
    }

    /// Resolve all's schedule.
    pub(super) fn whole(roadmap: &Roadmap, schedule: &Schedule) -> Self {
        let moves = plural(schedule.moves.len(), "move");
        let step = format!("Resolve all ({moves})");
        Self::new(roadmap, schedule, String::new(), step)
    }

    /// Whether it moves anything.
    pub fn moves_anything(&self) -> bool {
        !self.lines.is_empty()
    }
}

/// Dates by position as day numbers, as layout draws ghosts of them.
pub(super) fn day_numbers(dates: &[(usize, NaiveDate, NaiveDate)]) -> BTreeMap<usize, (i32, i32)> {
    dates
        .iter()
        .map(|&(i, start, end)| (i, (start.num_days_from_ce(), end.num_days_from_ce())))
        .collect()
}
