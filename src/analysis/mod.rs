//! What the roadmap says beyond its data: the conflicts a plan contains (DESIGN §3).
//!
//! Pure functions of a `Roadmap`, fast enough to run on every frame of a drag.

mod conflict;
mod conflicts;

pub use conflict::{Conflict, ConflictKind, Severity, count_by_severity};
pub use conflicts::find_conflicts;
