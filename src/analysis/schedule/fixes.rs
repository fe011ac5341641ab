//! Quick fixes: for one conflict, the scheduler run with only the missions that should move to
//! fix it (and those after them) free to move.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::engine::{Engine, downstream};
use super::moves::Schedule;
use crate::analysis::conflicts::Links;
use crate::analysis::{Conflict, ConflictKind, LiveConflicts};
use crate::model::{MissionId, Roadmap};

impl LiveConflicts {
    /// The fix for one of the conflicts of `roadmap` (the roadmap these conflicts are of), with
    /// the links between missions already worked out for the conflicts (see [`quick_fixes`]).
    pub fn quick_fix(&self, roadmap: &Roadmap, conflict: &Conflict) -> Option<Schedule> {
        quick_fix(roadmap, &self.links, self.today, conflict)
    }
}

/// The fix for each of `conflicts` of `roadmap` on `today`: the scheduler run with only the
/// conflict's missions that should move free to move (the dependent of a dependency, every
/// mission of a shared resource or agency, the mission outside its window or overtaken by
/// today), and the missions after them, so that a fix never breaks what follows. `None` for a
/// conflict that moving missions later does not fix (a cycle, an unknown reference, a repeated
/// id, backwards dates). The links between missions are worked out once for all of them.
pub fn quick_fixes(
    roadmap: &Roadmap,
    today: Option<NaiveDate>,
    conflicts: &[Conflict],
) -> Vec<Option<Schedule>> {
    let links = Links::of(roadmap);
    (conflicts.iter())
        .map(|conflict| quick_fix(roadmap, &links, today, conflict))
        .collect()
}

fn quick_fix(
    roadmap: &Roadmap,
    links: &Links,
    today: Option<NaiveDate>,
    conflict: &Conflict,
) -> Option<Schedule> {
    let named = |i: usize| conflict.missions.contains(&roadmap.missions[i].id);
    let depends_on_named = |i: usize| {
        let mission = &roadmap.missions[i];
        (mission.depends_on.iter())
            .any(|d| d.mission != mission.id && conflict.missions.contains(&d.mission))
    };
    let to_move: Vec<usize> = match conflict.kind {
        // Of the two missions, the one that depends on the other.
        ConflictKind::Dependency => (0..roadmap.missions.len())
            .filter(|&i| named(i) && depends_on_named(i))
            .collect(),
        ConflictKind::ResourceOverbooked
        | ConflictKind::ResourceGap
        | ConflictKind::LaunchWindow
        | ConflictKind::AgencyOvercommitted
        | ConflictKind::DateOvertaken => {
            (0..roadmap.missions.len()).filter(|&i| named(i)).collect()
        }
        ConflictKind::DependencyCycle
        | ConflictKind::UnknownReference
        | ConflictKind::DuplicateId
        | ConflictKind::InvalidDates => return None,
    };
    let free = downstream(links, to_move);
    let schedule = Engine::new(roadmap, Cow::Borrowed(links), today, |i| free[i]).run();
    let concerned = |ids: &[MissionId]| ids.iter().any(|id| conflict.missions.contains(id));
    Some(Schedule {
        unfixable: (schedule.unfixable.into_iter())
            .filter(|u| concerned(&u.missions))
            .collect(),
        ..schedule
    })
}
