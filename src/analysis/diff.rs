//! What changed between two versions of a roadmap, mission by mission, matched by id.
//!
//! Pure: two roadmaps in, a list of differences and a summary out, for `ger-planner diff`, the
//! window's compare mode and its statistics.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{AgencyId, DestinationId, Mission, MissionId, MissionStatus, Outcome, Roadmap};

/// Average days in a month, for slips in months.
const DAYS_PER_MONTH: f64 = 365.2425 / 12.0;

/// One difference between the old and the new version of a mission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Difference {
    /// In the new roadmap only.
    Added {
        /// Its id.
        mission: MissionId,
        /// Its name.
        name: String,
    },
    /// In the old roadmap only.
    Removed {
        /// Its id.
        mission: MissionId,
        /// Its name in the old roadmap.
        name: String,
    },
    /// Its start or end moved.
    Moved {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// Dates in the old roadmap.
        #[serde(serialize_with = "day")]
        old_start: NaiveDate,
        /// End in the old roadmap.
        #[serde(serialize_with = "day")]
        old_end: NaiveDate,
        /// Start in the new roadmap.
        #[serde(serialize_with = "day")]
        new_start: NaiveDate,
        /// End in the new roadmap.
        #[serde(serialize_with = "day")]
        new_end: NaiveDate,
        /// Days the start moved (positive: later).
        start_days: i64,
        /// Days the end moved (positive: later).
        end_days: i64,
    },
    /// Its name changed.
    Renamed {
        /// Its id.
        mission: MissionId,
        /// Name in the old roadmap.
        old_name: String,
        /// Name in the new roadmap.
        new_name: String,
    },
    /// Another agency leads it.
    LeadChanged {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// Lead in the old roadmap.
        old_lead: AgencyId,
        /// Lead in the new roadmap.
        new_lead: AgencyId,
    },
    /// An agency now contributes to it.
    ContributorAdded {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// The contributing agency.
        agency: AgencyId,
        /// What it contributes.
        role: String,
    },
    /// An agency no longer contributes to it.
    ContributorRemoved {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// The agency that contributed.
        agency: AgencyId,
        /// What it contributed.
        role: String,
    },
    /// A contributing agency's role changed.
    RoleChanged {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// The contributing agency.
        agency: AgencyId,
        /// Role in the old roadmap.
        old_role: String,
        /// Role in the new roadmap.
        new_role: String,
    },
    /// Its status changed (planned → flown, → cancelled, …).
    StatusChanged {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// Status in the old roadmap.
        old_status: MissionStatus,
        /// Status in the new roadmap.
        new_status: MissionStatus,
    },
    /// How it went changed, or was recorded (none: not recorded).
    OutcomeChanged {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// Outcome in the old roadmap.
        old_outcome: Option<Outcome>,
        /// Outcome in the new roadmap.
        new_outcome: Option<Outcome>,
    },
    /// It goes somewhere else.
    DestinationChanged {
        /// Its id.
        mission: MissionId,
        /// Its name in the new roadmap.
        name: String,
        /// Destination in the old roadmap.
        old_destination: DestinationId,
        /// Destination in the new roadmap.
        new_destination: DestinationId,
    },
}

impl Difference {
    /// The mission this difference is about.
    pub fn mission(&self) -> &MissionId {
        match self {
            Self::Added { mission, .. }
            | Self::Removed { mission, .. }
            | Self::Moved { mission, .. }
            | Self::Renamed { mission, .. }
            | Self::LeadChanged { mission, .. }
            | Self::ContributorAdded { mission, .. }
            | Self::ContributorRemoved { mission, .. }
            | Self::RoleChanged { mission, .. }
            | Self::StatusChanged { mission, .. }
            | Self::OutcomeChanged { mission, .. }
            | Self::DestinationChanged { mission, .. } => mission,
        }
    }

    /// The difference in a sentence, e.g. "Artemis III moved from 2024-10-01 – 2024-10-31 to
    /// 2027-06-01 – 2027-07-01 (starts 973 days later, about 32 months)".
    pub fn describe(&self) -> String {
        match self {
            Self::Added { name, .. } => format!("{name} added"),
            Self::Removed { name, .. } => format!("{name} removed"),
            Self::Moved {
                name,
                old_start,
                old_end,
                new_start,
                new_end,
                start_days,
                end_days,
                ..
            } => {
                let by = if *start_days != 0 {
                    format!("starts {}", shift_text(*start_days))
                } else {
                    format!("ends {}", shift_text(*end_days))
                };
                format!(
                    "{name} moved from {old_start} – {old_end} to {new_start} – {new_end} ({by})"
                )
            }
            Self::Renamed {
                old_name, new_name, ..
            } => format!("{old_name} renamed {new_name}"),
            Self::LeadChanged {
                name,
                old_lead,
                new_lead,
                ..
            } => format!("{name}: led by {new_lead} instead of {old_lead}"),
            Self::ContributorAdded {
                name, agency, role, ..
            } => format!("{name}: {agency} contributes {role}"),
            Self::ContributorRemoved {
                name, agency, role, ..
            } => format!("{name}: {agency} no longer contributes {role}"),
            Self::RoleChanged {
                name,
                agency,
                old_role,
                new_role,
                ..
            } => format!("{name}: {agency} contributes {new_role} instead of {old_role}"),
            Self::StatusChanged {
                name,
                old_status,
                new_status,
                ..
            } => format!("{name}: {} → {}", old_status.name(), new_status.name()),
            Self::OutcomeChanged {
                name,
                old_outcome,
                new_outcome,
                ..
            } => match (old_outcome, new_outcome) {
                (None, Some(new)) => format!("{name}: outcome recorded as {}", new.name()),
                (Some(old), None) => format!("{name}: outcome {} no longer recorded", old.name()),
                (old, new) => format!(
                    "{name}: outcome {} → {}",
                    old.map_or("none", Outcome::name),
                    new.map_or("none", Outcome::name)
                ),
            },
            Self::DestinationChanged {
                name,
                old_destination,
                new_destination,
                ..
            } => format!("{name}: goes to {new_destination} instead of {old_destination}"),
        }
    }
}

/// "973 days later, about 32 months", "12 days earlier".
fn shift_text(days: i64) -> String {
    let direction = if days > 0 { "later" } else { "earlier" };
    let magnitude = days.unsigned_abs();
    let months = months(days).unsigned_abs();
    let day_word = if magnitude == 1 { "day" } else { "days" };
    if months >= 2 {
        format!("{magnitude} {day_word} {direction}, about {months} months")
    } else {
        format!("{magnitude} {day_word} {direction}")
    }
}

/// Days as whole months, rounded.
pub fn months(days: i64) -> i64 {
    (days as f64 / DAYS_PER_MONTH).round() as i64
}

/// The differences in numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Missions in both roadmaps whose start or end moved.
    pub moved: usize,
    /// Median of how far starts moved, among missions whose start moved, in days (positive:
    /// later).
    pub median_slip_days: Option<i64>,
    /// The same in months, rounded.
    pub median_slip_months: Option<i64>,
    /// Missions that became cancelled.
    pub cancelled: usize,
    /// Missions that became paused.
    pub paused: usize,
    /// Missions in the new roadmap only.
    pub added: usize,
    /// Missions in the old roadmap only.
    pub removed: usize,
}

impl Summary {
    /// "38 missions moved, median slip 26 months, 4 cancelled, 6 added, 2 removed" (with "3
    /// paused" after the cancelled when missions were paused).
    pub fn describe(&self) -> String {
        let mut parts = vec![format!(
            "{} moved",
            crate::model::plural(self.moved, "mission")
        )];
        if let Some(months) = self.median_slip_months {
            parts.push(format!("median slip {months} months"));
        }
        parts.push(format!("{} cancelled", self.cancelled));
        if self.paused > 0 {
            parts.push(format!("{} paused", self.paused));
        }
        parts.push(format!("{} added", self.added));
        parts.push(format!("{} removed", self.removed));
        parts.join(", ")
    }
}

/// All differences between two roadmaps.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoadmapDiff {
    /// Differences in the new roadmap's mission order, then removed missions in the old one's.
    pub differences: Vec<Difference>,
    /// The same in numbers.
    pub summary: Summary,
}

impl RoadmapDiff {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.differences.is_empty()
    }
}

/// What changed from `old` to `new`. Missions are matched by id (the first of a repeated id).
pub fn diff(old: &Roadmap, new: &Roadmap) -> RoadmapDiff {
    let old_by_id = first_by_id(old);
    let new_by_id = first_by_id(new);
    let mut differences = Vec::new();
    for mission in &new.missions {
        if new_by_id.get(mission.id.as_str()) != Some(&mission) {
            continue; // a repeated id: its first mission speaks for it
        }
        match old_by_id.get(mission.id.as_str()) {
            Some(before) => compare(before, mission, &mut differences),
            None => differences.push(Difference::Added {
                mission: mission.id.clone(),
                name: mission.name.clone(),
            }),
        }
    }
    for mission in &old.missions {
        if old_by_id.get(mission.id.as_str()) == Some(&mission)
            && !new_by_id.contains_key(mission.id.as_str())
        {
            differences.push(Difference::Removed {
                mission: mission.id.clone(),
                name: mission.name.clone(),
            });
        }
    }
    let summary = summarize(&differences);
    RoadmapDiff {
        differences,
        summary,
    }
}

/// Each id's first mission.
fn first_by_id(roadmap: &Roadmap) -> FxHashMap<&str, &Mission> {
    let mut by_id = FxHashMap::default();
    for mission in &roadmap.missions {
        by_id.entry(mission.id.as_str()).or_insert(mission);
    }
    by_id
}

/// The differences between two versions of one mission.
fn compare(old: &Mission, new: &Mission, differences: &mut Vec<Difference>) {
    let mission = || new.id.clone();
    let name = || new.name.clone();
    if old.name != new.name {
        differences.push(Difference::Renamed {
            mission: mission(),
            old_name: old.name.clone(),
            new_name: new.name.clone(),
        });
    }
    if (old.start, old.end) != (new.start, new.end) {
        differences.push(Difference::Moved {
            mission: mission(),
            name: name(),
            old_start: old.start,
            old_end: old.end,
            new_start: new.start,
            new_end: new.end,
            start_days: (new.start - old.start).num_days(),
            end_days: (new.end - old.end).num_days(),
        });
    }
    if old.status != new.status {
        differences.push(Difference::StatusChanged {
            mission: mission(),
            name: name(),
            old_status: old.status,
            new_status: new.status,
        });
    }
    if old.outcome != new.outcome {
        differences.push(Difference::OutcomeChanged {
            mission: mission(),
            name: name(),
            old_outcome: old.outcome,
            new_outcome: new.outcome,
        });
    }
    if old.destination != new.destination {
        differences.push(Difference::DestinationChanged {
            mission: mission(),
            name: name(),
            old_destination: old.destination.clone(),
            new_destination: new.destination.clone(),
        });
    }
    if old.lead != new.lead {
        differences.push(Difference::LeadChanged {
            mission: mission(),
            name: name(),
            old_lead: old.lead.clone(),
            new_lead: new.lead.clone(),
        });
    }
    compare_contributors(old, new, differences);
}

/// Contributors matched by agency (an agency listed twice counts with its roles joined).
fn compare_contributors(old: &Mission, new: &Mission, differences: &mut Vec<Difference>) {
    let roles = |mission: &Mission| {
        let mut roles: BTreeMap<AgencyId, Vec<String>> = BTreeMap::new();
        for contribution in &mission.contributors {
            roles
                .entry(contribution.agency.clone())
                .or_default()
                .push(contribution.role.clone());
        }
        roles
            .into_iter()
            .map(|(agency, roles)| (agency, roles.join("; ")))
            .collect::<BTreeMap<_, _>>()
    };
    let (before, after) = (roles(old), roles(new));
    let mission = || new.id.clone();
    let name = || new.name.clone();
    for (agency, role) in &after {
        match before.get(agency) {
            None => differences.push(Difference::ContributorAdded {
                mission: mission(),
                name: name(),
                agency: agency.clone(),
                role: role.clone(),
            }),
            Some(old_role) if old_role != role => differences.push(Difference::RoleChanged {
                mission: mission(),
                name: name(),
                agency: agency.clone(),
                old_role: old_role.clone(),
                new_role: role.clone(),
            }),
            Some(_) => {}
        }
    }
    for (agency, role) in &before {
        if !after.contains_key(agency) {
            differences.push(Difference::ContributorRemoved {
                mission: mission(),
                name: name(),
                agency: agency.clone(),
                role: role.clone(),
            });
        }
    }
}

fn summarize(differences: &[Difference]) -> Summary {
    let mut summary = Summary::default();
    let mut slips = Vec::new();
    for difference in differences {
        match difference {
            Difference::Moved { start_days, .. } => {
                summary.moved += 1;
                // A mission extended or shortened at its end has not slipped.
                if *start_days != 0 {
                    slips.push(*start_days);
                }
            }
            Difference::StatusChanged {
                new_status: MissionStatus::Cancelled,
                ..
            } => summary.cancelled += 1,
            Difference::StatusChanged {
                new_status: MissionStatus::Paused,
                ..
            } => summary.paused += 1,
            Difference::Added { .. } => summary.added += 1,
            Difference::Removed { .. } => summary.removed += 1,
            _ => {}
        }
    }
    summary.median_slip_days = median(&mut slips);
    summary.median_slip_months = summary.median_slip_days.map(months);
    summary
}

/// The median, rounded to a whole day (the mean of the middle two for an even count).
fn median(values: &mut [i64]) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]).div_euclid(2)),
    }
}

/// A date as `YYYY-MM-DD` in `diff --json`.
fn day<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::model::date::to_text(*date))
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5, -3, 10]), Some(5));
        assert_eq!(median(&mut [4, 1, 10, 2]), Some(3));
    }
}
