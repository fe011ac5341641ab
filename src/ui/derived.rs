//! What the window derives from the roadmap: its conflicts and the chart's arrangement,
//! recomputed once per change of the roadmap or of what is shown, not once per frame.

use super::compare::Baseline;
use chrono::NaiveDate;

use crate::analysis::{Conflict, Float, LiveConflicts, Review, Severity};
use crate::edit::Document;
use crate::layout::{self, Arrangement, Showing};

/// The conflicts and arrangement of one version of the roadmap.
#[derive(Default)]
pub struct Derived {
    /// The roadmap's conflicts, kept up to date cheaply while a drag changes only dates.
    live: Option<LiveConflicts>,
    /// Positions in `conflicts` in the order the panel lists them: errors first, accepted
    /// ones last.
    pub conflict_order: Vec<usize>,
    /// Which conflicts the roadmap accepts, and which accepted entries are stale.
    pub review: Review,
    /// Lanes and rows of the chart.
    pub arrangement: Arrangement,
    /// The document generation, what is shown, the baseline and the day all this is of.
    made_for: Option<(u64, Showing, Option<u64>, NaiveDate)>,
    /// How many times all this was made: a new number with every change of what it is of.
    version: u64,
}

impl Derived {
    /// The roadmap's conflicts, sorted by kind, then missions.
    pub fn conflicts(&self) -> &[Conflict] {
        self.live.as_ref().map_or(&[], LiveConflicts::conflicts)
    }

    /// A number that changes whenever the conflicts or the arrangement are made again.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The chain of missions that sets mission `i`'s earliest date.
    pub fn driving_path(&self, roadmap: &crate::model::Roadmap, i: usize) -> Vec<usize> {
        self.live
            .as_ref()
            .map_or_else(Vec::new, |live| live.driving_path(roadmap, i))
    }

    /// How far mission `i` can slip before it delays another or leaves its launch window.
    pub fn float(&self, roadmap: &crate::model::Roadmap, i: usize) -> Option<Float> {
        Some(self.live.as_ref()?.float(roadmap, i))
    }

    /// The quick fix of one of the roadmap's conflicts (see [`LiveConflicts::quick_fix`]).
    pub fn quick_fix(
        &self,
        roadmap: &crate::model::Roadmap,
        conflict: &Conflict,
    ) -> Option<crate::analysis::Schedule> {
        self.live.as_ref()?.quick_fix(roadmap, conflict)
    }

    /// The successors that `moved` missions push (see [`LiveConflicts::pushed_successors`]).
    pub fn pushed_successors(
        &self,
        roadmap: &crate::model::Roadmap,
        moved: &[usize],
    ) -> Vec<(usize, NaiveDate, NaiveDate)> {
        self.live
            .as_ref()
            .map_or_else(Vec::new, |live| live.pushed_successors(roadmap, moved))
    }

    /// Recomputes everything when the roadmap, what is shown or the baseline changed since the
    /// last time: frames that only zoom, pan or hover reuse it.
    pub fn refresh(
        &mut self,
        document: &Document,
        showing: &Showing,
        baseline: Option<&mut Baseline>,
        today: NaiveDate,
    ) {
        let generation = document.generation();
        let baseline_id = baseline.as_ref().map(|b| b.id());
        let current = self.made_for.as_ref().is_some_and(|(g, s, b, t)| {
            *g == generation && s == showing && *b == baseline_id && *t == today
        });
        if current {
            return;
        }
        let roadmap = document.roadmap();
        // A frame of a drag changed only dates: check again only what the moved missions
        // touch (the same conflicts as a full analysis, in a fraction of the time).
        let moved = self
            .made_for
            .as_ref()
            .filter(|(_, s, b, t)| s == showing && *b == baseline_id && *t == today)
            .and_then(|(g, ..)| document.dates_changed_since(*g));
        let moved = match (&mut self.live, moved) {
            (Some(live), Some(moved)) => Some((moved, live.dates_changed(roadmap, moved))),
            _ => {
                self.live = Some(LiveConflicts::new(roadmap, Some(today)));
                None
            }
        };
        self.review = Review::new(self.conflicts(), &roadmap.accepted);
        // Errors first, then warnings, then accepted ones, each group in the engine's order:
        // three passes, no sort on a drag frame.
        let review = &self.review;
        let of = |severity: Option<Severity>| {
            let conflicts = self.conflicts();
            (0..conflicts.len()).filter(move |&k| match severity {
                Some(severity) => conflicts[k].severity == severity && !review.is_accepted(k),
                None => review.is_accepted(k),
            })
        };
        self.conflict_order = of(Some(Severity::Error))
            .chain(of(Some(Severity::Warning)))
            .chain(of(None))
            .collect();
        let baseline = baseline.map(|b| {
            b.refresh(roadmap, generation);
            &*b
        });
        let conflicts = self.live.as_ref().map_or(&[][..], LiveConflicts::conflicts);
        let baseline = baseline.map(Baseline::roadmap);
        match moved {
            // Rows stay as they were while a drag goes on: only the moved missions move.
            Some((moved, changes)) => layout::rearrange_after_date_change(
                &mut self.arrangement,
                roadmap,
                conflicts,
                changes.as_ref(),
                baseline,
                moved,
            ),
            None => self.arrangement = layout::arrange(roadmap, conflicts, showing, baseline),
        }
        self.made_for = Some((generation, showing.clone(), baseline_id, today));
        self.version += 1;
    }
}
