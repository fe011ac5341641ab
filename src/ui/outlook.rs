//! The outlook in the window: worked out off the UI thread whenever it is shown and the
//! roadmap, today or the selected mission changed; its progress in the status bar, where it
//! can be cancelled. While a pointer is held (a drag), the last outlook stays on screen and a
//! new one waits for the release.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use chrono::NaiveDate;

use super::statistics::StartOutlook;

use crate::analysis::{
    DEFAULT_RUNS, DEFAULT_SEED, MissionOutlook, Outlook, OutlookOptions, Progress, outlook,
};
use crate::model::{Roadmap, SlipModel};

/// Most starts the window's outlook keeps (runs × missions, 40 MB): a large roadmap gets
/// fewer runs, so that it takes seconds and memory stays small (1,000 runs at 10,000 missions).
const STARTS_KEPT: usize = 10_000_000;
/// Fewest runs, however large the roadmap.
const FEWEST_RUNS: usize = 100;

/// What an outlook is of: the document's generation, the day taken as today, and the mission
/// whose start the criticality and histogram are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlookKey {
    /// The document generation.
    pub generation: u64,
    /// The day taken as today.
    pub today: NaiveDate,
    /// The one selected mission, by position.
    pub focus: Option<usize>,
}

struct Running {
    key: OutlookKey,
    runs: usize,
    progress: Arc<Progress>,
    receiver: Receiver<Option<Outlook>>,
}

/// The outlook shown, and the one being worked out.
#[derive(Default)]
pub struct OutlookRunner {
    shown: Option<(OutlookKey, Arc<Outlook>)>,
    running: Option<Running>,
    /// The key the user cancelled a run for: not started again until something changes.
    cancelled: Option<OutlookKey>,
    /// The slips drawn from (read once).
    slips: Option<Arc<SlipModel>>,
    /// How many outlooks have been shown: the number of the one shown now.
    shown_number: u64,
    /// Runs per outlook instead of [`runs_for`]'s (tests that only need an outlook, fast).
    pub runs: Option<usize>,
}

impl OutlookRunner {
    /// Called once a frame while the outlook is shown: starts working one out for `key` unless
    /// it is shown, under way, cancelled, or a pointer is `held`; takes in a finished one. Work
    /// runs `inline` in tests.
    pub fn follow(
        &mut self,
        roadmap: &Roadmap,
        key: OutlookKey,
        held: bool,
        inline: bool,
        ctx: &egui::Context,
    ) {
        self.take_finished();
        let wanted = |k: Option<OutlookKey>| k != Some(key);
        if !wanted(self.shown.as_ref().map(|(k, _)| *k)) || !wanted(self.cancelled) {
            return;
        }
        if self.running.as_ref().is_some_and(|r| r.key == key) {
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        }
        if held {
            return;
        }
        self.cancel();
        self.cancelled = None;
        self.start(roadmap, key, inline, ctx);
    }

    fn start(&mut self, roadmap: &Roadmap, key: OutlookKey, inline: bool, ctx: &egui::Context) {
        let slips = Arc::clone(
            self.slips
                .get_or_insert_with(|| Arc::new(crate::bundled::bundled_slips())),
        );
        let options = OutlookOptions {
            runs: self
                .runs
                .unwrap_or_else(|| runs_for(roadmap.missions.len())),
            seed: DEFAULT_SEED,
            today: Some(key.today),
            focus: key.focus,
        };
        let progress = Arc::new(Progress::default());
        if inline {
            if let Some(result) = outlook(roadmap, &slips, &options, &progress) {
                self.show(key, result);
            }
            return;
        }
        let runs = options.runs;
        let (sender, receiver) = channel();
        let roadmap = roadmap.clone();
        let ctx = ctx.clone();
        let shared = Arc::clone(&progress);
        std::thread::spawn(move || {
            let _ = sender.send(outlook(&roadmap, &slips, &options, &shared));
            ctx.request_repaint();
        });
        self.running = Some(Running {
            key,
            runs,
            progress,
            receiver,
        });
    }

    fn show(&mut self, key: OutlookKey, result: Outlook) {
        self.shown = Some((key, Arc::new(result)));
        self.shown_number += 1;
    }

    fn take_finished(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        match running.receiver.try_recv() {
            Ok(Some(result)) => {
                let key = running.key;
                self.running = None;
                self.show(key, result);
            }
            // Cancelled, or the work stopped without an answer: not started again for the
            // same roadmap, so that a failure does not repeat every frame.
            Ok(None) | Err(TryRecvError::Disconnected) => {
                self.cancelled = Some(running.key);
                self.running = None;
            }
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Called once a frame while the outlook is hidden: stops the one under way, if any, and
    /// forgets a cancel.
    pub fn stop(&mut self) {
        self.cancel();
        self.cancelled = None;
    }

    /// Stops the outlook under way, if any; it is not started again until something changes.
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.progress.cancel();
            self.cancelled = Some(running.key);
        }
    }

    /// The outlook to draw on `roadmap` when it is `on`: the last one finished, while it has
    /// a result for each of its missions (during a drag it is of the roadmap before the drag).
    pub fn shown(&self, on: bool, roadmap: &Roadmap) -> Option<&Outlook> {
        let (_, outlook) = self.shown.as_ref().filter(|_| on)?;
        (outlook.missions.len() == roadmap.missions.len()).then_some(outlook)
    }

    /// The number of the outlook [`Self::shown`] gives: a new one with each outlook shown.
    pub fn shown_number(&self) -> u64 {
        self.shown_number
    }

    /// The outlook of the one mission `selected` (by position), for the Statistics tab's
    /// histogram, when the outlook is `on` and was worked out for it.
    pub fn start_of<'a>(
        &'a self,
        on: bool,
        roadmap: &'a Roadmap,
        selected: &BTreeSet<usize>,
    ) -> Option<StartOutlook<'a>> {
        let outlook = self.shown(on, roadmap)?;
        let focus = outlook.focus.as_ref()?;
        (selected.len() == 1 && selected.first() == Some(&focus.mission)).then_some(())?;
        Some(StartOutlook {
            outlook: self.shown_number,
            name: &roadmap.missions.get(focus.mission)?.name,
            mission: outlook.missions.get(focus.mission)?,
            starts: &focus.starts,
        })
    }

    /// Whether the user cancelled the outlook of the roadmap as it is (it is not shown).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }

    /// Works the outlook out again after it was cancelled.
    pub fn run_again(&mut self) {
        self.cancelled = None;
    }

    /// Runs made and runs in all, while one is under way.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let running = self.running.as_ref()?;
        Some((running.progress.runs_done(), running.runs))
    }
}

/// One mission's outlook in words, a line each: for tooltips and the Mission tab.
pub fn outlook_lines(outlook: &MissionOutlook, runs: usize) -> Vec<String> {
    let percent = |share: f64| format!("{:.0} %", share * 100.0);
    let mut lines = if outlook.p80_start == outlook.planned_start && outlook.on_time >= 1.0 {
        vec!["Outlook: starts as planned in every run".to_owned()]
    } else {
        vec![
            format!(
                "Outlook: starts by {} (P50), {} (P80)",
                outlook.p50_start, outlook.p80_start
            ),
            format!(
                "ends by {} (P50), {} (P80)",
                outlook.p50_end, outlook.p80_end
            ),
            format!(
                "starts on time (by {}) in {} of runs",
                outlook.planned_start,
                percent(outlook.on_time)
            ),
        ]
    };
    if let Some(share) = outlook.criticality.filter(|&s| s > 0.0) {
        lines.push(format!(
            "sets the selected mission's start in {} of runs",
            percent(share)
        ));
    }
    if outlook.stranded_runs > 0 {
        lines.push(format!(
            "finds no launch window after its start in {} of runs",
            percent(outlook.stranded_runs as f64 / runs.max(1) as f64)
        ));
    }
    lines
}

/// How many runs the window makes for a roadmap of `missions` missions.
pub fn runs_for(missions: usize) -> usize {
    (STARTS_KEPT / missions.max(1)).clamp(FEWEST_RUNS, DEFAULT_RUNS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled_roadmap;

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
        let ctx = egui::Context::default();
        let mut runner = OutlookRunner::default();
        runner.follow(&roadmap, key(1), false, false, &ctx);
        assert_eq!(runner.progress().map(|(_, runs)| runs), Some(DEFAULT_RUNS));
        runner.cancel();
        assert_eq!(runner.progress(), None);
        runner.follow(&roadmap, key(1), false, false, &ctx);
        assert_eq!(
            runner.progress(),
            None,
            "not started again for the same roadmap"
        );
        runner.follow(&roadmap, key(2), true, false, &ctx);
        assert_eq!(runner.progress(), None, "nor while the pointer is held");
        runner.follow(&roadmap, key(2), false, false, &ctx);
        assert!(
            runner.progress().is_some(),
            "a changed roadmap starts it again"
        );
        let waited = std::time::Instant::now();
        while runner.shown(true, &roadmap).is_none() {
            assert!(waited.elapsed().as_secs() < 120, "the outlook finishes");
            std::thread::sleep(Duration::from_millis(20));
            runner.follow(&roadmap, key(2), false, false, &ctx);
        }
        assert_eq!(runner.progress(), None);
        assert!(
            runner.shown(false, &roadmap).is_none(),
            "not shown when off"
        );
    }
}
