//! The roadmap's own coherence: `duplicate-id`, `unknown-reference`, `invalid-dates`.

use super::index::{Ids, Index, takes_part};
use crate::analysis::{Conflict, ConflictKind};
use crate::model::{AgencyId, ResourceId, id_positions};

pub(super) fn check(index: &Index, ids: &Ids, conflicts: &mut Vec<Conflict>) {
    duplicate_ids(index, ids, conflicts);
    invalid_dates(index, conflicts);
    unknown_references(index, ids, conflicts);
}

/// One conflict per id that more than one entry of a list uses. Ids are checked for every
/// entry, cancelled or not: a repeated id makes every reference to it ambiguous.
fn duplicate_ids(index: &Index, ids: &Ids, conflicts: &mut Vec<Conflict>) {
    let roadmap = index.roadmap;
    for &(id, count) in &ids.repeated_missions {
        let message = format!("{count} missions share the id \"{id}\"");
        conflicts.push(Conflict::new(
            ConflictKind::DuplicateId,
            vec![id.into()],
            message,
        ));
    }
    for (id, count) in id_positions(roadmap.agencies.iter().map(|a| a.id.as_str())).1 {
        let message = format!("{count} agencies share the id \"{id}\"");
        let agency = AgencyId::from(id);
        conflicts
            .push(Conflict::new(ConflictKind::DuplicateId, vec![], message).with_agency(&agency));
    }
    for (id, count) in id_positions(roadmap.resources.iter().map(|r| r.id.as_str())).1 {
        let message = format!("{count} resources share the id \"{id}\"");
        let resource = ResourceId::from(id);
        conflicts.push(
            Conflict::new(ConflictKind::DuplicateId, vec![], message).with_resource(&resource),
        );
    }
    for (id, count) in id_positions(roadmap.destinations.iter().map(|d| d.id.as_str())).1 {
        let message = format!("{count} destinations share the id \"{id}\"");
        conflicts.push(Conflict::new(ConflictKind::DuplicateId, vec![], message));
    }
    for (id, count) in id_positions(roadmap.phases.iter().map(|p| p.id.as_str())).1 {
        let message = format!("{count} phases share the id \"{id}\"");
        conflicts.push(Conflict::new(ConflictKind::DuplicateId, vec![], message));
    }
}

fn invalid_dates(index: &Index, conflicts: &mut Vec<Conflict>) {
    let not_set_aside = index
        .roadmap
        .missions
        .iter()
        .filter(|m| !m.status.is_set_aside());
    for mission in not_set_aside.filter(|m| !takes_part(m)) {
        let message = format!(
            "{} ends {}, before it starts {}",
            mission.name, mission.end, mission.start
        );
        conflicts.push(Conflict::new(
            ConflictKind::InvalidDates,
            vec![mission.id.clone()],
            message,
        ));
    }
}

/// One conflict per id in a mission that names nothing in the roadmap.
fn unknown_references(index: &Index, ids: &Ids, conflicts: &mut Vec<Conflict>) {
    for (i, mission) in index.live_missions() {
        let unknown = |reference: String| {
            Conflict::new(
                ConflictKind::UnknownReference,
                vec![mission.id.clone()],
                format!("{} {reference}, which is not in the roadmap", mission.name),
            )
        };
        let destination = &mission.destination;
        if index.links.destination_of[i].is_none() {
            conflicts.push(unknown(format!("goes to destination \"{destination}\"")));
        }
        let lead = &mission.lead;
        if index.links.lead_of[i].is_none() {
            conflicts.push(unknown(format!("is led by agency \"{lead}\"")).with_agency(lead));
        }
        for contribution in &mission.contributors {
            let agency = &contribution.agency;
            if !ids.agencies.contains_key(agency.as_str()) {
                let reference = format!("has contributing agency \"{agency}\"");
                conflicts.push(unknown(reference).with_agency(agency));
            }
        }
        for dependency in &mission.depends_on {
            let other = &dependency.mission;
            if !ids.missions.contains_key(other.as_str()) {
                conflicts.push(unknown(format!("depends on mission \"{other}\"")));
            }
        }
        for resource in &mission.resources {
            if !ids.resources.contains_key(resource.as_str()) {
                conflicts
                    .push(unknown(format!("uses resource \"{resource}\"")).with_resource(resource));
            }
        }
    }
}
