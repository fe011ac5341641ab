//! Why the scheduler moved a mission, kept as data (positions and days) while it schedules and
//! put in words only when shown: a chain of ten thousand moves costs no ten thousand sentences
//! until someone reads them.

use chrono::NaiveDate;

use crate::analysis::conflicts::{days, name_list};
use crate::model::Roadmap;

/// One push of a mission later, by one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// It depends on `on`, which ends `ends` (`moved`: since the scheduler moved it), and must
    /// wait `lag` days after that.
    After {
        /// Position of the mission depended on.
        on: usize,
        /// The day it ends.
        ends: NaiveDate,
        /// Whether the scheduler moved it.
        moved: bool,
        /// The lag of the dependency.
        lag: i32,
    },
    /// It has not flown and cannot start before today.
    Today(NaiveDate),
    /// Its destination's next launch window opens then.
    Window {
        /// Position of the destination.
        destination: usize,
        /// The day it opens.
        opens: NaiveDate,
    },
    /// The resource is full until a day, taken by these missions.
    Taken {
        /// Position of the resource.
        resource: usize,
        /// The missions that fill it.
        by: Vec<usize>,
        /// Its last full day.
        until: NaiveDate,
    },
    /// The resource needs a gap between starts, and another mission starts too close.
    Gap {
        /// Position of the resource.
        resource: usize,
        /// The mission that starts too close.
        other: usize,
        /// The day it starts.
        starts: NaiveDate,
    },
    /// The lead agency leads as many missions as it can until a day.
    AgencyFull {
        /// Position of the agency.
        agency: usize,
        /// How many it leads then.
        leading: usize,
        /// The last day it is full.
        until: NaiveDate,
    },
}

impl Reason {
    /// Whether `other` is a push by the same rule (the same resource, agency, …): repeated
    /// pushes by one rule read as one reason, the last.
    pub(super) fn same_rule(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Taken { resource: a, .. }, Self::Taken { resource: b, .. })
            | (Self::Gap { resource: a, .. }, Self::Gap { resource: b, .. })
            | (Self::AgencyFull { agency: a, .. }, Self::AgencyFull { agency: b, .. }) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }

    /// The reason in words, as a clause after "because", for mission `mission` of `roadmap`
    /// (the roadmap the schedule was made from): "Artemis III now ends 2027-12-17 and
    /// Artemis IV waits 180 days after it".
    pub fn describe(&self, roadmap: &Roadmap, mission: usize) -> String {
        let name = |i: usize| roadmap.missions.get(i).map_or("", |m| m.name.as_str());
        match self {
            Self::After {
                on,
                ends,
                moved,
                lag,
            } => {
                let ends_word = if *moved { "now ends" } else { "ends" };
                let wait = match *lag {
                    0 => "may start that day".to_owned(),
                    lag if lag > 0 => format!("waits {} after it", days(lag.into())),
                    lag => format!("may start {} before it ends", days((-lag).into())),
                };
                format!(
                    "{} {ends_word} {ends} and {} {wait}",
                    name(*on),
                    name(mission)
                )
            }
            Self::Today(today) => format!(
                "{} has not flown and cannot start before today ({today})",
                name(mission)
            ),
            Self::Window { destination, opens } => format!(
                "the next launch window to {} opens {opens}",
                roadmap
                    .destinations
                    .get(*destination)
                    .map_or("", |d| d.name.as_str())
            ),
            Self::Taken {
                resource,
                by,
                until,
            } => {
                let resource = roadmap.resources.get(*resource);
                format!(
                    "{} is taken by {} until {until} (capacity {})",
                    resource.map_or("", |r| r.name.as_str()),
                    name_list(by.iter().map(|&i| name(i))),
                    resource.map_or(1, |r| r.capacity),
                )
            }
            Self::Gap {
                resource,
                other,
                starts,
            } => {
                let resource = roadmap.resources.get(*resource);
                format!(
                    "{} needs {} between launches and {} starts {starts}",
                    resource.map_or("", |r| r.name.as_str()),
                    days(resource.map_or(0, |r| r.min_gap_days).into()),
                    name(*other),
                )
            }
            Self::AgencyFull {
                agency,
                leading,
                until,
            } => {
                let agency = roadmap.agencies.get(*agency);
                format!(
                    "{} already leads {leading} missions at once until {until} (at most {})",
                    agency.map_or("", |a| a.name.as_str()),
                    agency.and_then(|a| a.max_concurrent).unwrap_or(0),
                )
            }
        }
    }
}
