//! What the roadmap says beyond its data: the conflicts a plan contains (DESIGN §3), what
//! changed between two versions of it, the schedule that fixes it, and how likely its dates are.
//!
//! Pure functions of roadmaps (and, for dates that time has overtaken, of the day taken as
//! today, never read from the clock here); conflicts are fast enough to find on every frame of
//! a drag.

mod accepted;
mod conflict;
mod conflicts;
mod diff;
mod outlook;
mod schedule;
mod statistics;

pub use accepted::Review;
pub use conflict::{Conflict, ConflictKind, Severity, count_by_severity};
pub use conflicts::{ConflictChanges, LiveConflicts, find_conflicts, find_conflicts_on};
pub use diff::{Difference, RoadmapDiff, Summary, diff, months};
pub use outlook::{
    DEFAULT_RUNS, DEFAULT_SEED, FocusStarts, MIN_GROUP, MissionOutlook, Outlook, OutlookOptions,
    Progress, calibrate, nearest_rank, outlook, slip_group,
};
pub use schedule::{Float, Move, Schedule, Unfixable, quick_fixes, schedule};
pub use statistics::{
    Counts, PerYear, SLIP_BIN_MONTHS, agency_counts, count, flown_per_year, missions_by_agency,
    missions_per_year, slip_histogram,
};
