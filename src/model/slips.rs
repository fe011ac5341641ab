//! How late missions started compared with an earlier plan: the slips `ger-planner calibrate`
//! measures between two versions of a roadmap, and the outlook draws from.

use super::{MissionId, MissionKind, MissionStatus};

/// Slips measured from one roadmap to a later one.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipModel {
    /// The earlier roadmap's title.
    pub old: String,
    /// The later roadmap's title.
    pub new: String,
    /// One slip per mission planned in the earlier roadmap and not cancelled in the later one,
    /// in the earlier roadmap's order.
    pub slips: Vec<Slip>,
}

/// How much later one mission started (or is now planned to start) than first planned.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    /// The mission, by id.
    pub mission: MissionId,
    /// Its status in the earlier roadmap.
    pub status: MissionStatus,
    /// Crewed or not.
    pub kind: MissionKind,
    /// Days from the earlier roadmap's start to the later one's; 0 when it moved earlier.
    pub days: u32,
}

impl SlipModel {
    /// No slips measured: every mission without an estimate keeps its date.
    pub fn none() -> Self {
        Self {
            old: String::new(),
            new: String::new(),
            slips: Vec::new(),
        }
    }

    /// The same model without one mission's slip: the back-test does not learn from the
    /// mission it predicts.
    pub fn without(&self, mission: &MissionId) -> Self {
        Self {
            slips: (self.slips.iter())
                .filter(|s| &s.mission != mission)
                .cloned()
                .collect(),
            ..self.clone()
        }
    }
}
