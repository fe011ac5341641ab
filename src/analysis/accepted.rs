//! Which conflicts the working group has accepted, and which accepted conflicts are stale.

use super::Conflict;
use crate::model::AcceptedConflict;

impl Conflict {
    /// Whether `accepted` covers this conflict: the same kind, agency and resource, and
    /// missions that the accepted one names (all of them, or some: a run of an overbooked
    /// resource that loses a mission when another moves away is still the run accepted).
    /// Dates are not compared, so moving a mission does not undo an acceptance.
    pub fn is_accepted_by(&self, accepted: &AcceptedConflict) -> bool {
        self.kind == accepted.kind
            && self.agency == accepted.agency
            && self.resource == accepted.resource
            && self.missions.iter().all(|m| accepted.missions.contains(m))
    }

    /// The entry that accepts this conflict, for `reason`.
    pub fn accepted_for(&self, reason: &str) -> AcceptedConflict {
        AcceptedConflict {
            kind: self.kind,
            missions: self.missions.clone(),
            agency: self.agency.clone(),
            resource: self.resource.clone(),
            reason: reason.trim().to_owned(),
        }
    }
}

/// The conflicts of a roadmap sorted into those still open and those accepted, and the
/// accepted entries that no conflict matches any more.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// For each conflict (by position), the position of the accepted entry that accepts it.
    pub accepted_by: Vec<Option<usize>>,
    /// Positions of the accepted entries that match no conflict: stale, to be removed.
    pub stale: Vec<usize>,
}

impl Review {
    /// Matches `conflicts` against `accepted` (the roadmap's list).
    pub fn new(conflicts: &[Conflict], accepted: &[AcceptedConflict]) -> Self {
        let mut used = vec![false; accepted.len()];
        let accepted_by = conflicts
            .iter()
            .map(|conflict| {
                let found = accepted.iter().position(|a| conflict.is_accepted_by(a));
                if let Some(k) = found {
                    used[k] = true;
                }
                found
            })
            .collect();
        let stale = (0..accepted.len()).filter(|&k| !used[k]).collect();
        Self { accepted_by, stale }
    }

    /// How many conflicts are open (not accepted).
    pub fn open_count(&self) -> usize {
        self.accepted_by.iter().filter(|a| a.is_none()).count()
    }

    /// Whether the conflict at `position` is accepted.
    pub fn is_accepted(&self, position: usize) -> bool {
        self.accepted_by.get(position).is_some_and(Option::is_some)
    }
}
