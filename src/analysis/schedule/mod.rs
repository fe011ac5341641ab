//! The scheduling engine: for every mission that may move, the earliest start that satisfies
//! its dependencies, its destination's launch windows, its resources' capacity and gaps and its
//! lead agency's limit, with the reasons for every move.
//!
//! Rules: a mission is never moved earlier and keeps its duration; it never starts before
//! today; flown, cancelled and fixed missions stay where they are; conflicts the roadmap
//! accepts are left alone. Missions are placed one at a time, each after the missions it
//! depends on, the earliest start first (then file order), so that where missions compete for
//! a resource or an agency the earlier start keeps its place. What cannot be fixed (a cycle, an
//! unknown reference, a fixed mission after a moved one, no later launch window) is reported.

mod fixes;
mod live;
mod moves;
mod pool;
mod propagation;
mod reason;

mod engine;

use std::borrow::Cow;

use chrono::NaiveDate;

use super::conflicts::Links;
use crate::model::Roadmap;
use engine::Engine;
pub use fixes::quick_fixes;
pub use live::Float;
pub use moves::{Move, Schedule, Unfixable};
pub(super) use propagation::{Propagated, Propagation};
pub use reason::Reason;

/// The earliest feasible dates for every mission that may move, on `today` (`None`: no day
/// is taken as today).
pub fn schedule(roadmap: &Roadmap, today: Option<NaiveDate>) -> Schedule {
    Engine::new(roadmap, Cow::Owned(Links::of(roadmap)), today, |_| true).run()
}
