//! The scheduling engine as the outlook uses it: prepared once for a roadmap, then run many
//! times, each run with every movable mission's start delayed by a drawn slip. The same rules
//! as the scheduler (dependencies and their lags, launch windows, resources, agency limits,
//! today, accepted conflicts), without the reasons.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::engine::Engine;
use super::pool::Pool;
use crate::analysis::conflicts::Links;
use crate::model::Roadmap;

/// The longest slip a run applies: a century. Longer is a cancellation, not a slip, and it keeps
/// day numbers far inside the calendar whatever a slips file says.
const MAX_SLIP_DAYS: i32 = 36_525;

/// An engine prepared for a roadmap, to be run once per draw of slips.
pub(in crate::analysis) struct Propagation<'r> {
    prepared: Engine<'r>,
}

/// Where one run put the missions.
pub(in crate::analysis) struct Propagated {
    /// Each mission's start, as a day number.
    pub start: Vec<i32>,
    /// For each mission, the dependency that set its start, when one did.
    pub driver: Vec<Option<usize>>,
    /// Missions that found no launch window on or after their earliest start.
    pub stranded: Vec<usize>,
}

impl<'r> Propagation<'r> {
    pub(in crate::analysis) fn new(
        roadmap: &'r Roadmap,
        links: &'r Links,
        today: Option<NaiveDate>,
    ) -> Self {
        let mut prepared = Engine::new(roadmap, Cow::Borrowed(links), today, |_| true);
        prepared.explain = false;
        prepared.reasons = Vec::new();
        // Without reasons, pools are asked only whether a start fits, unless an accepted
        // conflict exempts some of their missions from each other.
        if prepared.accepted.resources.is_empty() {
            prepared.resources.iter_mut().for_each(Pool::counting_only);
        }
        if prepared.accepted.agencies.is_empty() {
            prepared
                .agencies
                .iter_mut()
                .flatten()
                .for_each(Pool::counting_only);
        }
        prepared.prepare();
        // What cannot be fixed is the scheduler's to report; a run does not copy it.
        prepared.unfixable.clear();
        Self { prepared }
    }

    /// Whether mission `i` may move: the others keep their dates in every run.
    pub(in crate::analysis) fn may_move(&self, i: usize) -> bool {
        self.prepared.movable[i]
    }

    /// One run: every mission that may move starts `slip(i)` days late (never early, at most
    /// a century), then is placed by the rules; durations are kept.
    pub(in crate::analysis) fn run(&self, mut slip: impl FnMut(usize) -> i32) -> Propagated {
        let mut engine = self.prepared.clone();
        for i in 0..engine.start.len() {
            if engine.movable[i] {
                let days = slip(i).clamp(0, MAX_SLIP_DAYS);
                engine.start[i] += days;
                engine.end[i] += days;
            }
        }
        engine.place_all();
        Propagated {
            start: engine.start,
            driver: engine.driver,
            stranded: engine.stranded,
        }
    }
}
