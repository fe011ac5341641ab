//! What the roadmap says beyond its data: the conflicts a plan contains (DESIGN §3), and what
//! changed between two versions of it.
//!
//! Pure functions of roadmaps; conflicts are fast enough to find on every frame of a drag.

mod conflict;
mod conflicts;
mod diff;

pub use conflict::{Conflict, ConflictKind, Severity, count_by_severity};
pub use conflicts::find_conflicts;
pub use diff::{Difference, RoadmapDiff, Summary, diff, months};
