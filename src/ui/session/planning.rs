//! What the planning tools propose for the roadmap as it is: the quick fix of each conflict
//! and Resolve all's whole schedule, each worked out in the background when first wanted and
//! kept until the roadmap or the day changes; which of them is previewed on the chart; and the
//! successors a drag pushes.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::found::{Finished, MadeFor, PositionDates, Proposal, day_numbers};
use crate::analysis::{Conflict, quick_fixes, schedule};
use crate::model::{Roadmap, plural};
use crate::ui::runner::{Job, Spawn};

/// Where a proposal stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Worked<T> {
    /// Being worked out in the background.
    Working,
    /// Worked out.
    Ready(T),
}

/// Which proposal is previewed on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Previewed {
    /// The quick fix of the conflict at this position of the conflicts.
    Fix(usize),
    /// Resolve all.
    Whole,
}

/// The planning tools' state.
#[derive(Default)]
pub struct Planning {
    made_for: Option<MadeFor>,
    /// The quick fix of each conflict asked for (`None`: moving missions later does not fix
    /// that kind).
    fixes: FxHashMap<usize, Worked<Option<Proposal>>>,
    whole: Option<Worked<Proposal>>,
    /// Whether Resolve all's moves are listed, and drawn while they are.
    pub(super) resolving_all: bool,
    /// What the pointer is on.
    hovered: Option<Previewed>,
    /// The successors the drag under way pushes, by position, and as day numbers.
    pushed: PositionDates,
    pushed_days: BTreeMap<usize, (i32, i32)>,
    /// A new number whenever what is previewed may have changed.
    revision: u64,
}

impl Planning {
    /// Forgets every proposal made for another roadmap or day.
    pub fn follow(&mut self, made_for: MadeFor) {
        if self.made_for == Some(made_for) {
            return;
        }
        self.made_for = Some(made_for);
        // Only what was previewed changes what is drawn: a frame of a drag, with nothing
        // worked out, keeps the revision (and the chart its lanes).
        if !self.fixes.is_empty() || self.whole.is_some() {
            self.fixes.clear();
            self.whole = None;
            self.revision += 1;
        }
    }

    /// A number that changes whenever the dates previewed may have.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The quick fix of conflict `k`, when it was asked for.
    pub fn fix(&self, k: usize) -> Option<&Worked<Option<Proposal>>> {
        self.fixes.get(&k)
    }

    /// Resolve all's schedule, when it was asked for.
    pub fn whole(&self) -> Option<&Worked<Proposal>> {
        self.whole.as_ref()
    }

    /// Starts working out the quick fixes of `wanted` conflicts (of `conflicts`) that are not
    /// yet, for the roadmap `snapshot` on `today`.
    pub fn want_fixes(
        &mut self,
        wanted: &[usize],
        conflicts: &[Conflict],
        (snapshot, today): (&Arc<Roadmap>, NaiveDate),
        runner: &mut impl Spawn<Finished>,
    ) {
        let Some(made_for) = self.made_for else {
            return;
        };
        let asked: Vec<(usize, Conflict)> = (wanted.iter())
            .filter(|k| !self.fixes.contains_key(k))
            .filter_map(|&k| Some((k, conflicts.get(k)?.clone())))
            .collect();
        if asked.is_empty() {
            return;
        }
        for (k, _) in &asked {
            self.fixes.insert(*k, Worked::Working);
        }
        let roadmap = Arc::clone(snapshot);
        let what = format!("Working out {}", plural(asked.len(), "quick fix"));
        runner.start(Job::new(what, move || {
            let (positions, conflicts): (Vec<usize>, Vec<Conflict>) = asked.into_iter().unzip();
            let fixes = quick_fixes(&roadmap, Some(today), &conflicts);
            let proposals = (positions.into_iter().zip(fixes))
                .map(|(k, fix)| (k, fix.map(|fix| Proposal::fix(&roadmap, &fix))))
                .collect();
            Finished::Fixes(made_for, proposals)
        }));
    }

    /// Starts working out Resolve all's schedule for `snapshot` on `today`, unless it is.
    pub fn want_whole(
        &mut self,
        (snapshot, today): (&Arc<Roadmap>, NaiveDate),
        runner: &mut impl Spawn<Finished>,
    ) {
        let Some(made_for) = self.made_for.filter(|_| self.whole.is_none()) else {
            return;
        };
        self.whole = Some(Worked::Working);
        let roadmap = Arc::clone(snapshot);
        runner.start(Job::new("Working out Resolve all", move || {
            let whole = Proposal::whole(&roadmap, &schedule(&roadmap, Some(today)));
            Finished::Whole(made_for, whole)
        }));
    }

    /// Takes in quick fixes worked out for `made_for`.
    pub fn fixes_found(&mut self, made_for: MadeFor, fixes: Vec<(usize, Option<Proposal>)>) {
        if self.made_for == Some(made_for) {
            for (k, fix) in fixes {
                self.fixes.insert(k, Worked::Ready(fix));
            }
            self.revision += 1;
        }
    }

    /// Takes in Resolve all's schedule worked out for `made_for`.
    pub fn whole_found(&mut self, made_for: MadeFor, whole: Proposal) {
        if self.made_for == Some(made_for) {
            self.whole = Some(Worked::Ready(whole));
            self.revision += 1;
        }
    }

    /// What the pointer is on this frame.
    pub fn set_hovered(&mut self, hovered: Option<Previewed>) {
        if self.hovered != hovered {
            self.hovered = hovered;
            self.revision += 1;
        }
    }

    /// Opens or closes Resolve all's list of moves.
    pub fn set_resolving_all(&mut self, open: bool) {
        if self.resolving_all != open {
            self.resolving_all = open;
            self.revision += 1;
        }
    }

    /// Takes in the successors the drag under way pushes.
    pub fn set_pushed(&mut self, pushed: PositionDates) {
        if pushed != self.pushed {
            self.pushed_days = day_numbers(&pushed);
            self.pushed = pushed;
            self.revision += 1;
        }
    }

    /// The successors the drag pushed, now that it ends (or is abandoned).
    pub fn take_pushed(&mut self) -> PositionDates {
        let pushed = std::mem::take(&mut self.pushed);
        if !pushed.is_empty() {
            self.pushed_days.clear();
            self.revision += 1;
        }
        pushed
    }

    /// The proposal a preview or an Apply is about, when it is worked out.
    pub fn proposal(&self, which: Previewed) -> Option<&Proposal> {
        match which {
            Previewed::Fix(k) => match self.fixes.get(&k) {
                Some(Worked::Ready(Some(fix))) => Some(fix),
                _ => None,
            },
            Previewed::Whole => match &self.whole {
                Some(Worked::Ready(whole)) => Some(whole),
                _ => None,
            },
        }
    }

    /// The dates previewed on the chart: a hovered fix, else Resolve all's while it is hovered
    /// or open, else the successors a drag pushes; as day numbers by position.
    pub fn proposed(&self) -> &BTreeMap<usize, (i32, i32)> {
        let shown = match self.hovered {
            Some(Previewed::Fix(k)) => self.proposal(Previewed::Fix(k)),
            Some(Previewed::Whole) => self.proposal(Previewed::Whole),
            None if self.resolving_all => self.proposal(Previewed::Whole),
            None => None,
        };
        shown.map_or(&self.pushed_days, |p| &p.days)
    }
}
