//! The roadmap's conflicts, how the Conflicts tab orders them, and the chart's arrangement:
//! made again by the session whenever the roadmap, what is shown, the baseline or the day
//! changes, not once per frame.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::compare::Baseline;
use chrono::NaiveDate;

use crate::analysis::{Conflict, Float, LiveConflicts, Review, Severity};
use crate::edit::Document;
use crate::layout::{self, Arrangement, Showing};
use crate::model::MissionId;

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
    /// Positions in `conflicts` of each mission's conflicts: made when first asked for (a
    /// screen reader describing every bar in view, a tooltip), not on every frame of a drag.
    by_mission: OnceLock<HashMap<MissionId, Vec<usize>>>,
}

impl Derived {
    /// The roadmap's conflicts, sorted by kind, then missions.
    pub fn conflicts(&self) -> &[Conflict] {
        self.live.as_ref().map_or(&[], LiveConflicts::conflicts)
    }

    /// The conflicts of mission `id`.
    pub fn conflicts_of(&self, id: &MissionId) -> impl Iterator<Item = &Conflict> {
        let by_mission = self.by_mission.get_or_init(|| {
            let mut by_mission: HashMap<MissionId, Vec<usize>> = HashMap::new();
            for (k, conflict) in self.conflicts().iter().enumerate() {
                for mission in &conflict.missions {
                    let positions = by_mission.entry(mission.clone()).or_default();
                    // A mission named twice in one conflict has it once.
                    if positions.last() != Some(&k) {
                        positions.push(k);
                    }
                }
            }
            by_mission
        });
        let positions = by_mission.get(id).map_or(&[][..], Vec::as_slice);
        positions.iter().filter_map(|&k| self.conflicts().get(k))
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

    /// Makes everything again for `document` as `showing` shows it on `today`, beside the
    /// `baseline`'s ghosts. `moved`: the roadmap differs from the one this was made for only by
    /// the dates of the missions at these positions (a frame of a drag), and nothing else
    /// changed: only what they touch is checked again, and the rows stay as they were.
    pub fn remake(
        &mut self,
        document: &Document,
        showing: &Showing,
        baseline: Option<&Baseline>,
        today: NaiveDate,
        moved: Option<&[usize]>,
    ) {
        let roadmap = document.roadmap();
        let moved = match (&mut self.live, moved) {
            (Some(live), Some(moved)) => Some((moved, live.dates_changed(roadmap, moved))),
            _ => {
                self.live = Some(LiveConflicts::new(roadmap, Some(today)));
                None
            }
        };
        self.by_mission = OnceLock::new();
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
    }
}
