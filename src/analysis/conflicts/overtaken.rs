//! `date-overtaken`: a date that today has passed without the roadmap saying what happened. A
//! mission not flown (nor cancelled) whose start is before today has either launched or a new
//! date; a flown mission whose start is after today cannot have flown yet.

use chrono::NaiveDate;

use super::index::{Index, Scope};
use crate::analysis::{Conflict, ConflictKind};
use crate::model::MissionStatus;

pub(super) fn check(index: &Index, today: NaiveDate, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    for (_, mission) in index.missions_in(scope) {
        let message = match mission.status {
            MissionStatus::Flown if mission.start > today => format!(
                "{} is marked flown but starts {}, after today ({today}): give its launch date, \
                 or mark it as not flown yet",
                mission.name, mission.start
            ),
            MissionStatus::Concept | MissionStatus::Planned | MissionStatus::Confirmed
                if mission.start < today =>
            {
                format!(
                    "{} ({}) starts {}, before today ({today}): mark it flown if it launched, \
                     else give its new date",
                    mission.name,
                    mission.status.name(),
                    mission.start
                )
            }
            _ => continue,
        };
        conflicts.push(Conflict::new(
            ConflictKind::DateOvertaken,
            vec![mission.id.clone()],
            message,
        ));
    }
}
