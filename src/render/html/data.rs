//! What the interactive page's script reads: a card for each mission shown (everything its
//! card says, in words) and the conflicts among them, as JSON inside the page.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{Conflict, Review, Severity};
use crate::model::{Mission, MissionId, Roadmap};

/// The page's data: the missions shown and the conflicts that concern them.
#[derive(Debug, Serialize)]
pub struct PageData {
    /// A card for each mission shown, in the chart's order.
    pub missions: Vec<Card>,
    /// Each conflict with a mission shown, errors first, as the window lists them.
    pub conflicts: Vec<ConflictItem>,
}

/// What a mission's card says, as a person reads it.
#[derive(Debug, Serialize)]
pub struct Card {
    /// Its id: the `data-mission` of its bars.
    pub id: String,
    /// Its name ("Unnamed mission" when blank).
    pub name: String,
    /// Its destination's name.
    pub destination: String,
    /// Its destination's id, for the destination filter.
    pub destination_id: String,
    /// First day, ISO.
    pub start: String,
    /// Last day, ISO.
    pub end: String,
    /// "planned", "flown, operating until 2028-12-31", with "crewed" where it is.
    pub status: String,
    /// How it went, once flown.
    pub outcome: Option<&'static str>,
    /// The lead agency: "NASA (National Aeronautics and Space Administration)".
    pub lead: String,
    /// Each contributor with its role: "ESA: European Service Module".
    pub contributors: Vec<String>,
    /// Each mission it waits for: "Artemis II, 30 days after it ends".
    pub depends_on: Vec<String>,
    /// Its conflicts, by their place in [`PageData::conflicts`].
    pub conflicts: Vec<usize>,
    /// Free text.
    pub notes: String,
    /// Where its facts come from.
    pub source: String,
    /// Its lead and contributors' ids, for the agency filter.
    pub agencies: Vec<String>,
}

/// A conflict as the page lists it.
#[derive(Debug, Serialize)]
pub struct ConflictItem {
    /// "Error", "Warning", with " (accepted)" when the working group accepted it.
    pub severity: String,
    /// What is wrong, in a line.
    pub message: String,
    /// The ids of the missions it concerns.
    pub missions: Vec<String>,
}

/// The page's data for the missions at `shown` (positions in `roadmap`), with `conflicts`
/// (the roadmap's, on the snapshot's day).
pub fn page_data(
    roadmap: &Roadmap,
    shown: &[usize],
    conflicts: &[Conflict],
    today: NaiveDate,
) -> PageData {
    let review = Review::new(conflicts, &roadmap.accepted);
    let shown_missions: Vec<&Mission> = (shown.iter())
        .filter_map(|&k| roadmap.missions.get(k))
        .collect();
    let shown_ids: HashSet<&MissionId> = shown_missions.iter().map(|m| &m.id).collect();
    let mut listed: Vec<(usize, &Conflict)> = (conflicts.iter().enumerate())
        .filter(|(_, c)| c.missions.iter().any(|id| shown_ids.contains(id)))
        .collect();
    listed.sort_by_key(|(_, c)| c.severity != Severity::Error);
    let listed: Vec<ConflictItem> = (listed.into_iter())
        .map(|(k, c)| ConflictItem {
            severity: severity_in_words(c.severity, review.is_accepted(k)),
            message: c.message.clone(),
            missions: c.missions.iter().map(ToString::to_string).collect(),
        })
        .collect();
    let mut conflicts_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, item) in listed.iter().enumerate() {
        for id in &item.missions {
            conflicts_of.entry(id.as_str()).or_default().push(k);
        }
    }
    let names: HashMap<&MissionId, &str> = (roadmap.missions.iter())
        .map(|m| (&m.id, m.name.as_str()))
        .collect();
    let missions = (shown_missions.iter())
        .map(|mission| {
            let mut card = card(roadmap, mission, &names, today);
            card.conflicts = (conflicts_of.remove(mission.id.as_str())).unwrap_or_default();
            card
        })
        .collect();
    PageData {
        missions,
        conflicts: listed,
    }
}

/// "Error", "Warning (accepted)".
fn severity_in_words(severity: Severity, accepted: bool) -> String {
    let word = match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
    };
    if accepted {
        format!("{word} (accepted)")
    } else {
        word.to_owned()
    }
}

/// `mission`'s card, without its conflicts; `names` are the roadmap's missions' names.
fn card(
    roadmap: &Roadmap,
    mission: &Mission,
    names: &HashMap<&MissionId, &str>,
    today: NaiveDate,
) -> Card {
    let agency = |id: &crate::model::AgencyId| match roadmap.agencies.iter().find(|a| &a.id == id) {
        Some(agency) if !agency.name.is_empty() => format!("{id} ({})", agency.name),
        _ => id.to_string(),
    };
    let destination = (roadmap.destinations.iter())
        .find(|d| d.id == mission.destination)
        .map_or_else(|| mission.destination.to_string(), |d| d.name.clone());
    let mut status = mission.status_on(today);
    if mission.kind == crate::model::MissionKind::Human {
        status.push_str(", crewed");
    }
    let name_of = |id: &MissionId| {
        names
            .get(id)
            .map_or_else(|| id.to_string(), |n| n.to_string())
    };
    Card {
        id: mission.id.to_string(),
        name: if mission.name.trim().is_empty() {
            format!("Unnamed mission {}", mission.id)
        } else {
            mission.name.clone()
        },
        destination,
        destination_id: mission.destination.to_string(),
        start: mission.start.to_string(),
        end: mission.end.to_string(),
        status,
        outcome: mission.outcome.map(|o| o.name()),
        lead: agency(&mission.lead),
        contributors: (mission.contributors.iter())
            .map(|c| match c.role.trim() {
                "" => agency(&c.agency),
                role => format!("{}: {role}", agency(&c.agency)),
            })
            .collect(),
        depends_on: (mission.depends_on.iter())
            .map(|d| match d.lag_days {
                0 => format!("{}, after it ends", name_of(&d.mission)),
                lag if lag < 0 => format!(
                    "{}, up to {} days before it ends",
                    name_of(&d.mission),
                    -lag
                ),
                lag => format!("{}, {lag} days after it ends", name_of(&d.mission)),
            })
            .collect(),
        conflicts: Vec::new(),
        notes: mission.notes.clone(),
        source: mission.source.clone(),
        agencies: std::iter::once(mission.lead.to_string())
            .chain(mission.contributors.iter().map(|c| c.agency.to_string()))
            .collect(),
    }
}
