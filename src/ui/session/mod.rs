//! The session: the open roadmap (its document: roadmap, history, selection) and everything
//! derived from it — conflicts and the chart's arrangement, the planning tools' proposals, the
//! outlook, compare mode's baseline and a merge being resolved.
//!
//! It is brought up to date in one place, [`Session::refresh`], with one notion of what
//! changed: the roadmap (by document generation), what is shown, the baseline or merge ghosts
//! and the day are its *basis*; the selection, highlighted agency, proposals previewed, driving
//! path and outlook shown are its *marks*. Whenever either changes, [`Session::revision`]
//! does; whatever is derived from the session (a panel's counts, the chart's picture) is kept
//! for one revision, so nothing derived can be forgotten when something new is added here.
//!
//! Panels and the chart read the session and return actions; the app applies them through
//! the session's methods. Inside the window a mission is named by its [`MissionKey`]; positions
//! in the roadmap's list are a detail of the lookups here, and of what layout is given.

mod compare;
mod derived;
mod edits;
mod found;
mod integrate;
mod merge;
mod outlook;
mod planning;

use std::collections::BTreeSet;

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use crate::analysis::{Conflict, Counts, Float, MissionOutlook, Outlook, Review, count};
use crate::edit::{Document, MissionKey};
use crate::layout::{Arrangement, Bar, LayoutInput, Scene, Showing, TimeView, day_number};
use crate::model::{AgencyId, Mission, MissionId, Roadmap};
use crate::ui::runner::{Job, Spawn};
pub use compare::Baseline;
use derived::Derived;
use found::{Basis, OutlookKey};
pub use found::{Finished, Proposal};
pub use integrate::{IntegrateAction, Integrating, OPEN_ROADMAP, UNSAVED_EDITS};
pub use merge::{ResolveAction, Resolving};
use outlook::OutlookState;
use planning::Planning;
pub use planning::{Previewed, Worked};

/// What is drawn over the roadmap: by position, as layout takes it.
#[derive(Default)]
struct Marks {
    selected: BTreeSet<usize>,
    /// The missions that drive the one selected mission's date.
    driving: Vec<usize>,
    highlight: Option<AgencyId>,
    proposals: u64,
    outlook: Option<u64>,
}

/// The open roadmap and everything derived from it.
pub struct Session {
    document: Document,
    today: NaiveDate,
    /// The agency whose missions stand out on the chart.
    highlight: Option<AgencyId>,
    derived: Derived,
    planning: Planning,
    outlook: OutlookState,
    /// Whether the outlook is shown (drawn, and worked out).
    show_outlook: bool,
    /// In compare mode, the version compared with.
    baseline: Option<Baseline>,
    /// A merge being resolved (the file opened had merge markers).
    merge: Option<Resolving>,
    /// Updates being integrated, and the document generation they were read against.
    integrating: Option<(Integrating, u64)>,
    /// What the Statistics and Agencies tabs show, counted in the background.
    counts: Counted,
    /// The step a continuous widget (a colour being picked) is editing while the pointer is
    /// held: its further changes join that step.
    continuing: Option<String>,
    /// What everything derived was made from, and the revisions that say when it changed.
    made: Made,
}

/// What the session's derived parts were last made from.
struct Made {
    basis: Option<Basis>,
    marks: Marks,
    /// The document generation and selection version the marks' positions are of.
    marks_of: Option<(u64, u64)>,
    revision: u64,
    /// The revision at which the marks last changed.
    marks_revision: u64,
}

impl Session {
    /// A session on `roadmap`, saved when it is what a file holds, on `today`.
    pub fn new(roadmap: Roadmap, saved: bool, today: NaiveDate) -> Self {
        Self {
            document: Document::new(roadmap, saved),
            today,
            highlight: None,
            derived: Derived::default(),
            planning: Planning::default(),
            outlook: OutlookState::default(),
            show_outlook: false,
            baseline: None,
            merge: None,
            integrating: None,
            counts: Counted::default(),
            continuing: None,
            made: Made {
                basis: None,
                marks: Marks::default(),
                marks_of: None,
                revision: next_revision(),
                marks_revision: 0,
            },
        }
    }

    /// Brings everything derived up to date with the roadmap, `showing` and the day; starts the
    /// outlook when it is shown and out of date (unless a pointer is `held`).
    pub fn refresh(&mut self, showing: &Showing, held: bool, runner: &mut impl Spawn<Finished>) {
        self.follow_basis(showing);
        let focus = self.single_selected();
        let key = OutlookKey {
            generation: self.document.generation(),
            today: self.today,
            focus: focus.and_then(|k| self.position(k)),
        };
        let held = held || self.document.in_gesture();
        (self.outlook).follow(self.show_outlook, (&self.document, key), held, runner);
        self.refresh_marks();
    }

    /// Makes everything derived from the roadmap again when what it is made from moved (the
    /// roadmap, `showing`, the ghosts or the day): the one place where it is made. Compared in
    /// place, so that a frame in which nothing moved copies nothing.
    fn follow_basis(&mut self, showing: &Showing) {
        let generation = self.document.generation();
        let ghosts = self.ghosts().map(Baseline::id);
        let today = self.today;
        let current = (self.made.basis.as_ref()).is_some_and(|b| {
            b.generation == generation
                && b.ghosts == ghosts
                && b.today == today
                && b.showing == *showing
        });
        if current {
            return;
        }
        let basis = Basis {
            generation,
            showing: showing.clone(),
            ghosts,
            today,
        };
        self.remake(&basis);
        self.made.basis = Some(basis);
        self.made.revision = next_revision();
    }

    /// Makes everything derived from the roadmap again for `basis`.
    fn remake(&mut self, basis: &Basis) {
        let roadmap = self.document.roadmap();
        if (self.made.basis.as_ref()).is_none_or(|b| b.generation != basis.generation)
            && let Some(merge) = &mut self.merge
        {
            merge.follow(roadmap);
        }
        // A frame of a drag changed only dates: check again only what the moved missions
        // touch (the same conflicts as a full analysis, in a fraction of the time).
        let moved = (self.made.basis.as_ref())
            .filter(|b| b.showing == basis.showing && b.ghosts == basis.ghosts)
            .filter(|b| b.today == basis.today)
            .and_then(|b| self.document.dates_changed_since(b.generation));
        let (merge, integrating) = (&mut self.merge, &mut self.integrating);
        if let Some(ghosts) = ghosts_mut(merge, integrating, &mut self.baseline) {
            ghosts.compare_with(roadmap);
        }
        let ghosts = ghosts(&self.merge, &self.integrating, &self.baseline);
        let (showing, today) = (&basis.showing, basis.today);
        (self.derived).remake(&self.document, showing, ghosts, today, moved);
        self.planning.follow((basis.generation, basis.today));
    }

    /// Works out again what is drawn over the roadmap, when any of it changed.
    fn refresh_marks(&mut self) {
        let document = &self.document;
        let of = (document.generation(), document.selection_version());
        let marks = &mut self.made.marks;
        let mut changed = false;
        // Positions are looked up again only when the roadmap or the selection changed.
        if self.made.marks_of != Some(of) {
            self.made.marks_of = Some(of);
            let selected: BTreeSet<usize> = (document.keys().positions(document.selection()))
                .into_iter()
                .collect();
            let driving = match (selected.len(), selected.first()) {
                (1, Some(&i)) => self.derived.driving_path(document.roadmap(), i),
                _ => Vec::new(),
            };
            changed |= replace(&mut marks.selected, selected);
            changed |= replace(&mut marks.driving, driving);
        }
        changed |= replace(&mut marks.highlight, self.highlight.clone());
        changed |= replace(&mut marks.proposals, self.planning.revision());
        let outlook = (self.outlook.shown(self.show_outlook, document.roadmap()))
            .map(|_| self.outlook.number());
        changed |= replace(&mut marks.outlook, outlook);
        if changed {
            self.made.revision = next_revision();
            self.made.marks_revision = self.made.revision;
        }
    }

    /// A number that changes whenever anything the session holds or derives does: what is
    /// made from the session is made again when it moves.
    pub fn revision(&self) -> u64 {
        self.made.revision
    }

    /// The revision at which what is drawn over the roadmap (selection, highlight, previewed
    /// dates, driving path, outlook) last changed: while it stays, a lane of the chart whose
    /// own version stays can be kept.
    pub fn marks_revision(&self) -> u64 {
        self.made.marks_revision
    }

    /// Takes in what background work found.
    pub fn finished(&mut self, finished: Finished) {
        match finished {
            Finished::Outlook(key, outlook) => self.outlook.found(key, outlook),
            Finished::Fixes(made_for, fixes) => self.planning.fixes_found(made_for, fixes),
            Finished::Whole(made_for, whole) => self.planning.whole_found(made_for, whole),
            Finished::Counts(basis, counts) => {
                self.counts = Counted {
                    shown: Some((basis, counts)),
                    running: false,
                };
                // What the tabs show changed.
                self.made.revision = next_revision();
            }
        }
    }

    /// What the Statistics and Agencies tabs show: the last counts made, which may be of an
    /// earlier version of the roadmap while the new ones are counted.
    pub fn counts(&self) -> Option<&Counts> {
        self.counts.shown.as_ref().map(|(_, counts)| counts)
    }

    /// Starts counting the roadmap as it is shown, unless that is counted or being counted.
    pub fn want_counts(&mut self, runner: &mut impl Spawn<Finished>) {
        let Some(basis) = &self.made.basis else {
            return;
        };
        let counted = self.counts.shown.as_ref().is_some_and(|(b, _)| b == basis);
        if counted || self.counts.running {
            return;
        }
        let basis = basis.clone();
        self.counts.running = true;
        let roadmap = self.document.snapshot();
        let diff = self.baseline.as_ref().map(|b| b.diff().clone());
        runner.start(Job::new("Counting", move || {
            let counts = count(&roadmap, |m| basis.showing.shows(m), diff.as_ref());
            Finished::Counts(basis, counts)
        }));
    }

    /// The document: roadmap, history, selection.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The roadmap as it is now.
    pub fn roadmap(&self) -> &Roadmap {
        self.document.roadmap()
    }

    /// The day taken as today.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The selected missions.
    pub fn selection(&self) -> &BTreeSet<MissionKey> {
        self.document.selection()
    }

    /// The mission with `key`, while it is there.
    pub fn mission(&self, key: MissionKey) -> Option<&Mission> {
        self.document.mission(key)
    }

    /// The one mission selected, when exactly one is.
    pub fn single_selected(&self) -> Option<MissionKey> {
        let selection = self.document.selection();
        (selection.len() == 1).then(|| selection.first().copied())?
    }

    /// Every mission with its key, in the roadmap's order.
    pub fn missions(&self) -> impl Iterator<Item = (MissionKey, &Mission)> {
        let keys = self.document.keys().all().iter().copied();
        keys.zip(&self.document.roadmap().missions)
    }

    /// The keys of the missions with these ids (all of them, where an id repeats).
    pub fn keys_of(&self, ids: &[MissionId]) -> Vec<MissionKey> {
        (self.missions())
            .filter(|(_, m)| ids.contains(&m.id))
            .map(|(key, _)| key)
            .collect()
    }

    /// The mission that search text best names among those `showing` shows: the first whose
    /// name starts with it, else whose name holds it, else whose notes hold it (ignoring case).
    pub fn best_match(&self, text: &str, showing: &Showing) -> Option<MissionKey> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return None;
        }
        let shown: Vec<(MissionKey, &Mission)> = (self.missions())
            .filter(|(_, m)| showing.shows(m))
            .collect();
        let name = |m: &Mission| m.name.to_lowercase();
        let tests: [&dyn Fn(&Mission) -> bool; 3] = [
            &|m| name(m).starts_with(&text),
            &|m| name(m).contains(&text),
            &|m| m.notes.to_lowercase().contains(&text),
        ];
        tests
            .iter()
            .find_map(|test| shown.iter().find(|(_, m)| test(m)).map(|(key, _)| *key))
    }

    /// The keys of `bars`' missions, in their order.
    pub fn keys_of_bars(&self, bars: &[Bar]) -> Vec<MissionKey> {
        let keys = self.document.keys();
        bars.iter().filter_map(|bar| keys.at(bar.mission)).collect()
    }

    /// Where the mission with `key` is in the roadmap's list, while it is there.
    pub fn position(&self, key: MissionKey) -> Option<usize> {
        self.document.keys().position(key)
    }

    /// The key of the mission at `position` in the roadmap's list.
    pub fn key_at(&self, position: usize) -> Option<MissionKey> {
        self.document.keys().at(position)
    }

    /// The roadmap's conflicts, sorted by kind, then missions.
    pub fn conflicts(&self) -> &[Conflict] {
        self.derived.conflicts()
    }

    /// Positions in [`Self::conflicts`] in the order the Conflicts tab lists them: errors
    /// first, accepted ones last.
    pub fn conflict_order(&self) -> &[usize] {
        &self.derived.conflict_order
    }

    /// Which conflicts the roadmap accepts, and which accepted entries are stale.
    pub fn review(&self) -> &Review {
        &self.derived.review
    }

    /// The conflicts `key`'s mission is part of.
    pub fn conflicts_of(&self, key: MissionKey) -> impl Iterator<Item = &Conflict> {
        let id = self.mission(key).map(|m| &m.id);
        id.into_iter().flat_map(|id| self.derived.conflicts_of(id))
    }

    /// The lanes and rows of the chart.
    pub fn arrangement(&self) -> &Arrangement {
        &self.derived.arrangement
    }

    /// How many missions the chart leaves out (filtered out, or cancelled).
    pub fn hidden(&self) -> usize {
        self.derived.arrangement.hidden
    }

    /// How far `key`'s mission can slip before it delays another or leaves its window.
    pub fn float_of(&self, key: MissionKey) -> Option<Float> {
        self.derived.float(self.roadmap(), self.position(key)?)
    }

    /// The names of the missions that drive the one selected mission's date, nearest first.
    pub fn driving_names(&self) -> Vec<String> {
        let missions = &self.roadmap().missions;
        (self.made.marks.driving.iter())
            .filter_map(|&i| Some(missions.get(i)?.name.clone()))
            .collect()
    }

    /// The agency whose missions stand out, if any.
    pub fn highlight(&self) -> Option<&AgencyId> {
        self.highlight.as_ref()
    }

    /// The outlook shown on the chart: when it is on, the last one worked out for the
    /// roadmap's missions.
    pub fn outlook(&self) -> Option<&Outlook> {
        self.outlook.shown(self.show_outlook, self.roadmap())
    }

    /// `key`'s mission in the outlook shown, and how many runs it has.
    pub fn outlook_of(&self, key: MissionKey) -> Option<(&MissionOutlook, usize)> {
        let outlook = self.outlook()?;
        Some((outlook.missions.get(self.position(key)?)?, outlook.runs))
    }

    /// The one selected mission's starts in every run of the outlook, sorted, when the outlook
    /// was worked out with it in focus.
    pub fn focus_starts(&self) -> Option<(&Mission, &MissionOutlook, &[NaiveDate])> {
        let outlook = self.outlook()?;
        let focus = outlook.focus.as_ref()?;
        let key = self.single_selected()?;
        (self.position(key) == Some(focus.mission)).then_some(())?;
        let mission = self.roadmap().missions.get(focus.mission)?;
        Some((mission, outlook.missions.get(focus.mission)?, &focus.starts))
    }

    /// Whether the outlook of the roadmap as it is was cancelled (it is not shown).
    pub fn outlook_cancelled(&self) -> bool {
        self.show_outlook && self.outlook.is_cancelled()
    }

    /// The job working the outlook out, while one is.
    pub fn outlook_job(&self) -> Option<crate::ui::runner::JobId> {
        self.outlook.job()
    }

    /// The version compared with, in compare mode.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    /// The merge being resolved, if any.
    pub fn merge(&self) -> Option<&Resolving> {
        self.merge.as_ref()
    }

    /// The updates being integrated, if any.
    pub fn integrating(&self) -> Option<&Integrating> {
        self.integrating
            .as_ref()
            .map(|(integrating, _)| integrating)
    }

    /// Where a ghost shows its mission, in words: "in the baseline", "where the accepted
    /// updates put it".
    pub fn ghosts_in_words(&self) -> &'static str {
        match (&self.merge, &self.integrating, &self.baseline) {
            (Some(_), _, _) => "on the other side of the merge",
            (None, Some(_), _) => "where the accepted updates put it",
            (None, None, Some(baseline)) if baseline.proposes() => "where the deck puts it",
            (None, None, _) => "in the baseline",
        }
    }

    /// What the chart draws as ghosts (see [`ghosts`]).
    fn ghosts(&self) -> Option<&Baseline> {
        ghosts(&self.merge, &self.integrating, &self.baseline)
    }

    /// The quick fix of conflict `k`, when it was asked for.
    pub fn fix(&self, k: usize) -> Option<&Worked<Option<Proposal>>> {
        self.planning.fix(k)
    }

    /// Resolve all's schedule, when it was asked for.
    pub fn whole(&self) -> Option<&Worked<Proposal>> {
        self.planning.whole()
    }

    /// Whether Resolve all's moves are listed (and drawn).
    pub fn resolving_all(&self) -> bool {
        self.planning.resolving_all
    }

    /// What the chart lays out, in the view `time` on a chart `width` × `height` pixels
    /// scrolled by `scroll_y`.
    pub fn layout_input(
        &self,
        time: TimeView,
        (width, height): (f32, f32),
        scroll_y: f32,
    ) -> LayoutInput<'_> {
        LayoutInput {
            roadmap: self.roadmap(),
            arrangement: self.arrangement(),
            time,
            width,
            height,
            scroll_y,
            selection: &self.made.marks.selected,
            highlight: self.highlight.as_ref(),
            today: self.today,
            proposed: self.planning.proposed(),
            driving: &self.made.marks.driving,
            outlook: self.outlook(),
        }
    }

    /// The first and last day (as day numbers, the last one whole) of these missions.
    pub fn days_of(&self, keys: &[MissionKey]) -> Option<(f64, f64)> {
        let days: Vec<(f64, f64)> = (keys.iter())
            .filter_map(|&k| self.mission(k))
            .map(|m| {
                (
                    day_number(m.start.min(m.end)),
                    day_number(m.start.max(m.end)) + 1.0,
                )
            })
            .collect();
        let first = days.iter().map(|d| d.0).reduce(f64::min)?;
        Some((first, days.iter().map(|d| d.1).fold(first, f64::max)))
    }

    /// Where the row of the first of these missions is on `scene` (its vertical centre).
    pub fn row_centre(&self, scene: &Scene, keys: &[MissionKey]) -> Option<f32> {
        (keys.iter()).find_map(|&k| scene.centre_y.get(self.position(k)?).copied().flatten())
    }
}

/// The counts shown, and what they are of; whether new ones are being counted.
#[derive(Default)]
struct Counted {
    shown: Option<(Basis, Counts)>,
    running: bool,
}

/// Puts `value` in `slot`; whether that changed it.
/// What the chart draws as ghosts: the other side of a merge being resolved, else the roadmap
/// the updates being integrated would make, else the version compared with.
fn ghosts<'s>(
    merge: &'s Option<Resolving>,
    integrating: &'s Option<(Integrating, u64)>,
    baseline: &'s Option<Baseline>,
) -> Option<&'s Baseline> {
    match (merge, integrating) {
        (Some(merge), _) => merge.ghosts(),
        (None, Some((integrating, _))) => integrating.ghosts(),
        (None, None) => baseline.as_ref(),
    }
}

/// The same, to bring their differences up to date.
fn ghosts_mut<'s>(
    merge: &'s mut Option<Resolving>,
    integrating: &'s mut Option<(Integrating, u64)>,
    baseline: &'s mut Option<Baseline>,
) -> Option<&'s mut Baseline> {
    match (merge, integrating) {
        (Some(merge), _) => merge.ghosts_mut(),
        (None, Some((integrating, _))) => integrating.ghosts_mut(),
        (None, None) => baseline.as_mut(),
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    if changed {
        *slot = value;
    }
    changed
}

/// A revision no session has had: unique across sessions too, so that whatever is kept for one
/// revision is never taken for another session's.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
