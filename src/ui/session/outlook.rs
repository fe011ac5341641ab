//! The outlook in the window: worked out in the background whenever it is shown and the
//! roadmap, today or the selected mission changed; its progress in the status bar, where it
//! can be cancelled. While a pointer is held (a drag), the last outlook stays on screen and a
//! new one waits for the release.

use std::sync::Arc;

use super::found::{Finished, OutlookKey};
use crate::analysis::{DEFAULT_RUNS, DEFAULT_SEED, Outlook, OutlookOptions, outlook};
use crate::bundled::bundled_slips;
use crate::edit::Document;
use crate::model::{Roadmap, SlipModel};
use crate::ui::runner::{Job, JobId, Spawn};

/// Most starts the window's outlook keeps (runs × missions, 40 MB): a large roadmap gets
/// fewer runs, so that it takes seconds and memory stays small (1,000 runs at 10,000 missions).
const STARTS_KEPT: usize = 10_000_000;
/// Fewest runs, however large the roadmap.
const FEWEST_RUNS: usize = 100;

/// The outlook shown, and the one being worked out.
#[derive(Default)]
pub struct OutlookState {
    shown: Option<(OutlookKey, Arc<Outlook>)>,
    running: Option<(OutlookKey, JobId)>,
    /// The key the user cancelled a run for (or whose run stopped without an answer): not
    /// started again until something changes.
    cancelled: Option<OutlookKey>,
    /// The slips drawn from (read once).
    slips: Option<Arc<SlipModel>>,
    /// How many outlooks have been shown: the number of the one shown now.
    number: u64,
    /// Runs per outlook instead of [`runs_for`]'s (tests that only need an outlook, fast).
    pub runs: Option<usize>,
}

impl OutlookState {
    /// Called whenever the session is refreshed: while the outlook is `on`, starts working one
    /// out for `key` on `document`'s roadmap unless it is shown, under way, cancelled, or a pointer is
    /// `held`; while it is off, stops the one under way.
    pub fn follow(
        &mut self,
        on: bool,
        (document, key): (&Document, OutlookKey),
        held: bool,
        runner: &mut impl Spawn<Finished>,
    ) {
        if !on {
            self.cancel(runner);
            self.cancelled = None;
            return;
        }
        let wanted = |k: Option<OutlookKey>| k != Some(key);
        let running = self.running.map(|(k, _)| k);
        let shown = self.shown.as_ref().map(|(k, _)| *k);
        if !wanted(shown) || !wanted(self.cancelled) || !wanted(running) || held {
            return;
        }
        if let Some((_, id)) = self.running.take() {
            runner.cancel(id);
        }
        self.cancelled = None;
        let slips = Arc::clone((self.slips).get_or_insert_with(|| Arc::new(bundled_slips())));
        // Shared with the job, not copied: taken only when an outlook starts.
        let roadmap = document.snapshot();
        let options = OutlookOptions {
            runs: self
                .runs
                .unwrap_or_else(|| runs_for(roadmap.missions.len())),
            seed: DEFAULT_SEED,
            today: Some(key.today),
            focus: key.focus,
        };
        let job = Job {
            what: "Outlook".to_owned(),
            steps: Some(options.runs),
            queue: None,
            work: Box::new(move |progress| {
                Finished::Outlook(key, outlook(&roadmap, &slips, &options, progress))
            }),
        };
        self.running = Some((key, runner.start(job)));
    }

    /// Takes in the outlook worked out for `key` (`None`: it stopped without one).
    pub fn found(&mut self, key: OutlookKey, outlook: Option<Outlook>) {
        if self.running.is_some_and(|(k, _)| k == key) {
            self.running = None;
        }
        match outlook {
            Some(outlook) => {
                self.shown = Some((key, Arc::new(outlook)));
                self.number += 1;
            }
            None => self.cancelled = Some(key),
        }
    }

    /// Stops the outlook under way, if any; it is not started again until something changes.
    pub fn cancel(&mut self, runner: &mut impl Spawn<Finished>) {
        if let Some((key, id)) = self.running.take() {
            runner.cancel(id);
            self.cancelled = Some(key);
        }
    }

    /// Works the cancelled outlook out after all.
    pub fn run_again(&mut self) {
        self.cancelled = None;
    }

    /// The outlook to draw on `roadmap` when it is `on`: the last one finished, while it has
    /// a result for each of its missions (during a drag it is of the roadmap before the drag).
    pub fn shown(&self, on: bool, roadmap: &Roadmap) -> Option<&Outlook> {
        let (_, outlook) = self.shown.as_ref().filter(|_| on)?;
        (outlook.missions.len() == roadmap.missions.len()).then_some(outlook)
    }

    /// The number of the outlook [`Self::shown`] gives: a new one with each outlook shown.
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Whether the user cancelled the outlook of the roadmap as it is (it is not shown).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }

    /// The job working the outlook out, while one is.
    pub fn job(&self) -> Option<JobId> {
        self.running.map(|(_, id)| id)
    }
}

/// How many runs the window makes for a roadmap of `missions` missions.
pub fn runs_for(missions: usize) -> usize {
    (STARTS_KEPT / missions.max(1)).clamp(FEWEST_RUNS, DEFAULT_RUNS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled_roadmap;
    use crate::ui::runner::Runner;
    use chrono::NaiveDate;

    fn key(generation: u64) -> OutlookKey {
        OutlookKey {
            generation,
            today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
            focus: None,
        }
    }

    #[test]
    fn a_cancelled_outlook_is_not_started_again_until_the_roadmap_changes() {
        let Ok(roadmap) = bundled_roadmap() else {
            panic!("the bundled roadmap reads");
        };
        let document = Document::new(roadmap.clone(), true);
        let mut runner: Runner<Option<Finished>> = Runner::new(false, |_| None);
        let mut state = OutlookState::default();
        let follow = |state: &mut OutlookState, runner: &mut Runner<Option<Finished>>, k, held| {
            state.follow(true, (&document, key(k)), held, runner);
            for finished in runner.finished() {
                if let Some(Finished::Outlook(key, outlook)) = finished {
                    state.found(key, outlook);
                }
            }
        };
        follow(&mut state, &mut runner, 1, false);
        let steps = |runner: &Runner<Option<Finished>>| runner.underway().find_map(|job| job.steps);
        assert_eq!(steps(&runner).map(|(_, runs)| runs), Some(DEFAULT_RUNS));
        state.cancel(&mut runner);
        follow(&mut state, &mut runner, 1, false);
        assert!(
            state.job().is_none(),
            "not started again for the same roadmap"
        );
        assert!(state.is_cancelled());
        follow(&mut state, &mut runner, 2, true);
        assert!(state.job().is_none(), "nor while the pointer is held");
        follow(&mut state, &mut runner, 2, false);
        assert!(state.job().is_some(), "a changed roadmap starts it again");
        let waited = std::time::Instant::now();
        while state.shown(true, &roadmap).is_none() {
            assert!(waited.elapsed().as_secs() < 120, "the outlook finishes");
            std::thread::sleep(std::time::Duration::from_millis(20));
            follow(&mut state, &mut runner, 2, false);
        }
        assert!(state.job().is_none());
        assert!(state.shown(false, &roadmap).is_none(), "not shown when off");
    }
}
