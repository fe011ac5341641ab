//! What the scheduler proposes: the missions it moves, each with its reasons, and what it cannot
//! fix.

use chrono::NaiveDate;
use serde::Serialize;

use super::Reason;
use crate::model::{Mission, MissionId, Roadmap};

/// One mission moved by the scheduler, and why. It belongs to the roadmap it was made from,
/// which names its mission and puts its reasons in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// Position of the mission in the roadmap's list.
    pub position: usize,
    /// Its start before.
    pub from_start: NaiveDate,
    /// The new start.
    pub to_start: NaiveDate,
    /// The end before.
    pub from_end: NaiveDate,
    /// The new end (the duration is kept).
    pub to_end: NaiveDate,
    /// What pushed it, in the order it was pushed.
    pub reasons: Vec<Reason>,
}

impl Move {
    /// The mission moved, in `roadmap`.
    pub fn mission<'r>(&self, roadmap: &'r Roadmap) -> Option<&'r Mission> {
        roadmap.missions.get(self.position)
    }

    /// Each reason in words, a clause for after "because".
    pub fn reason_texts(&self, roadmap: &Roadmap) -> Vec<String> {
        (self.reasons.iter())
            .map(|r| r.describe(roadmap, self.position))
            .collect()
    }

    /// "Artemis IV: 2028-02-01 → 2028-06-15, because Artemis III now ends 2027-12-17 and
    /// Artemis IV waits 180 days after it".
    pub fn describe(&self, roadmap: &Roadmap) -> String {
        format!(
            "{}: {} → {}, because {}",
            self.mission(roadmap).map_or("", |m| m.name.as_str()),
            self.from_start,
            self.to_start,
            self.reason_texts(roadmap).join("; then ")
        )
    }

    /// The move as a fix to offer: "Move Tianwen-3 to 2028-10-01: the next launch window to
    /// Mars opens 2028-10-01".
    pub fn as_fix(&self, roadmap: &Roadmap) -> String {
        let name = self.mission(roadmap).map_or("", |m| m.name.as_str());
        match self.reasons.last() {
            Some(reason) => format!(
                "Move {name} to {}: {}",
                self.to_start,
                reason.describe(roadmap, self.position)
            ),
            None => format!("Move {name} to {}", self.to_start),
        }
    }
}

/// Something the scheduler could not fix, and the missions concerned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unfixable {
    /// The missions concerned, sorted by id.
    pub missions: Vec<MissionId>,
    /// Why, in one line.
    pub reason: String,
}

/// What the scheduler proposes: the moves, in the roadmap's order, and what it cannot fix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Missions moved.
    pub moves: Vec<Move>,
    /// What cannot be fixed by moving missions later.
    pub unfixable: Vec<Unfixable>,
}

impl Schedule {
    /// The new dates, by position: what an edit applies.
    pub fn dates(&self) -> Vec<(usize, NaiveDate, NaiveDate)> {
        self.moves
            .iter()
            .map(|m| (m.position, m.to_start, m.to_end))
            .collect()
    }

    /// The roadmap with the moves made.
    pub fn applied_to(&self, roadmap: &Roadmap) -> Roadmap {
        let mut scheduled = roadmap.clone();
        for (position, start, end) in self.dates() {
            if let Some(mission) = scheduled.missions.get_mut(position) {
                mission.start = start;
                mission.end = end;
            }
        }
        scheduled
    }
}
