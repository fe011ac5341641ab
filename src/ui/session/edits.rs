//! How the session changes: every edit of the roadmap (each one undo step), the selection,
//! gestures, what is previewed, and what the session is compared with or merging. The app
//! calls these while it applies a frame's actions; the session is refreshed after.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{
    Baseline, Finished, IntegrateAction, Integrating, OPEN_ROADMAP, Previewed, ResolveAction,
    Resolving, Session, UNSAVED_EDITS,
};
use crate::edit::{
    Change, Document, MissionKey, MissionPlace, Setup, add_view, duplicate, insert_mission,
    merge_missions, new_mission, remove_agency, remove_missions, remove_view, replace_mission,
    replace_roadmap, set_dates, set_setup,
};
use crate::layout::Showing;
use crate::model::{AcceptedConflict, AgencyId, Mission, Roadmap, SavedView, plural};
use crate::ui::runner::Spawn;

/// Missions' new dates, by key.
pub type NewDates = Vec<(MissionKey, NaiveDate, NaiveDate)>;

impl Session {
    /// Applies `changes` as one undo step called `label`; while the pointer is `held` on a
    /// continuous widget (a colour being picked), its further changes join that step.
    pub fn edit(&mut self, label: String, changes: Vec<Change>, held: bool) {
        if changes.is_empty() {
            return;
        }
        if held && self.continuing.as_deref() == Some(label.as_str()) {
            self.document.amend(&label, changes);
        } else {
            self.document.apply(label.clone(), changes);
        }
        self.continuing = held.then_some(label);
    }

    /// Forgets the step being continued: the pointer was released.
    pub fn released(&mut self) {
        self.continuing = None;
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        self.document.undo();
    }

    /// Redoes the last step undone.
    pub fn redo(&mut self) {
        self.document.redo();
    }

    /// Selects these missions.
    pub fn select(&mut self, keys: impl IntoIterator<Item = MissionKey>) {
        self.document.select(keys);
    }

    /// Adds these missions to the selection, or takes those already in it out.
    pub fn toggle_selected(&mut self, keys: Vec<MissionKey>) {
        let mut selection = self.document.selection().clone();
        for key in keys {
            if !selection.insert(key) {
                selection.remove(&key);
            }
        }
        self.document.select(selection);
    }

    /// Selects every mission `showing` shows.
    pub fn select_shown(&mut self, showing: &Showing) {
        let shown: Vec<MissionKey> = (self.missions())
            .filter(|(_, m)| showing.shows(m))
            .map(|(key, _)| key)
            .collect();
        self.document.select(shown);
    }

    /// Removes these missions (and the dependencies on them) as one step.
    pub fn delete(&mut self, missions: &[MissionKey]) {
        let label = match missions {
            [] => return,
            [key] => format!("Delete {}", self.name(*key)),
            _ => format!("Delete {}", plural(missions.len(), "mission")),
        };
        let changes = remove_missions(&self.document, missions);
        self.document.apply(label, changes);
    }

    fn name(&self, key: MissionKey) -> String {
        self.mission(key)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    /// Sets missions' dates live, a frame of a drag; with `push`, the missions that depend on
    /// them are pushed later (shown as ghosts, moved when the drag ends).
    pub fn preview_dates(&mut self, dates: &NewDates, push: bool) {
        self.document.preview_dates(dates);
        if !push {
            return;
        }
        // The conflicts' links are brought up to date for the moved dates first.
        if let Some(showing) = self.made.basis.as_ref().map(|b| b.showing.clone()) {
            self.follow_basis(&showing);
        }
        let keys: Vec<MissionKey> = dates.iter().map(|d| d.0).collect();
        let moved = self.document.keys().positions(&keys);
        let pushed = self.derived.pushed_successors(self.roadmap(), &moved);
        self.planning.set_pushed(pushed);
    }

    /// Ends the drag under way as one step called `label`, the successors it pushed included.
    pub fn end_gesture(&mut self, label: &str) {
        let keys = self.document.keys();
        let pushed: NewDates = (self.planning.take_pushed().into_iter())
            .filter_map(|(i, start, end)| Some((keys.at(i)?, start, end)))
            .collect();
        if !pushed.is_empty() {
            self.document.preview_dates(&pushed);
        }
        self.document.end_gesture(label);
    }

    /// Abandons the drag under way: the missions go back.
    pub fn cancel_gesture(&mut self) {
        self.planning.set_pushed(Vec::new());
        self.document.cancel_gesture();
    }

    /// Moves missions to new dates as one step called `label`.
    pub fn set_dates(&mut self, label: String, dates: &NewDates) {
        let changes = set_dates(&self.document, dates);
        self.document.apply(label, changes);
    }

    /// Gives missions `ids` the dates the baseline proposes (a deck's), as one step.
    pub fn take_proposed(&mut self, ids: &[crate::model::MissionId]) {
        let Some(baseline) = self.baseline.as_ref().filter(|b| b.proposes()) else {
            return;
        };
        let proposed = baseline.roadmap();
        let dates: NewDates = (ids.iter())
            .filter_map(|id| {
                let mission = proposed.missions.iter().find(|m| &m.id == id)?;
                let key = self.keys_of(std::slice::from_ref(id)).into_iter().next()?;
                Some((key, mission.start, mission.end))
            })
            .collect();
        if dates.is_empty() {
            return;
        }
        let label = match ids {
            [id] => format!("Take the deck's dates of {id}"),
            _ => format!("Take the deck's dates of {} missions", dates.len()),
        };
        self.set_dates(label, &dates);
    }

    /// Adds a concept mission from `start` at `place` (one step), like the one selected, and
    /// selects it.
    pub fn add_mission(&mut self, start: NaiveDate, place: MissionPlace) -> MissionKey {
        let document = &self.document;
        let like = (document.selection().first()).and_then(|&k| document.mission(k));
        let roadmap = document.roadmap();
        let mission = new_mission(roadmap, start, place, like);
        let key = MissionKey::fresh();
        let changes = insert_mission(roadmap, roadmap.missions.len(), key, mission);
        self.document.apply("New mission", changes);
        key
    }

    /// Adds a copy of `key`'s mission after it (one step); the copy's key.
    pub fn duplicate(&mut self, key: MissionKey) -> Option<MissionKey> {
        let document = &self.document;
        let (original, index) = (document.mission(key)?, self.position(key)?);
        let roadmap = document.roadmap();
        let copy = duplicate(roadmap, original);
        let label = format!("Duplicate {}", original.name);
        let copy_key = MissionKey::fresh();
        let changes = insert_mission(roadmap, index + 1, copy_key, copy);
        self.document.apply(label, changes);
        Some(copy_key)
    }

    /// `key`'s mission becomes `after`, as a step called `label` (see [`Self::edit`]).
    pub fn replace_mission(&mut self, key: MissionKey, after: Mission, label: String, held: bool) {
        let changes = replace_mission(&self.document, key, after);
        self.edit(label, changes, held);
    }

    /// Everything but the missions becomes `setup`, as a step called `label`.
    pub fn set_setup(&mut self, setup: Setup, label: String, held: bool) {
        let changes = set_setup(self.roadmap(), setup);
        self.edit(label, changes, held);
    }

    /// Accepts a conflict with its reason (one step).
    pub fn accept(&mut self, accepted: AcceptedConflict) {
        let mut setup = Setup::of(self.roadmap());
        let label = format!("Accept {} conflict", accepted.kind.name());
        setup.accepted.push(accepted);
        self.set_setup(setup, label, false);
    }

    /// Stops accepting the roadmap's accepted conflict at `index` (one step).
    pub fn reopen(&mut self, index: usize) {
        let mut setup = Setup::of(self.roadmap());
        if index >= setup.accepted.len() {
            return;
        }
        let removed = setup.accepted.remove(index);
        let label = format!("Reopen {} conflict", removed.kind.name());
        self.set_setup(setup, label, false);
    }

    /// Makes the moves of a proposal (one step), while it is of the roadmap as it is.
    pub fn apply_proposal(&mut self, which: Previewed) {
        let Some(proposal) = self.planning.proposal(which) else {
            return;
        };
        let keys = self.document.keys();
        let dates: NewDates = (proposal.dates.iter())
            .filter_map(|&(i, start, end)| Some((keys.at(i)?, start, end)))
            .collect();
        let label = proposal.step.clone();
        self.set_dates(label, &dates);
        if which == Previewed::Whole {
            self.planning.set_resolving_all(false);
        }
    }

    /// Starts working out the quick fixes of the conflicts at these positions, where they are
    /// not yet.
    pub fn want_fixes(&mut self, wanted: &[usize], runner: &mut impl Spawn<Finished>) {
        if wanted.is_empty() || self.document.in_gesture() {
            return;
        }
        let snapshot = self.document.snapshot();
        let conflicts = self.derived.conflicts();
        (self.planning).want_fixes(wanted, conflicts, (&snapshot, self.today), runner);
    }

    /// Starts working out Resolve all's schedule, unless it is.
    pub fn want_whole(&mut self, runner: &mut impl Spawn<Finished>) {
        if self.document.in_gesture() {
            return;
        }
        let snapshot = self.document.snapshot();
        self.planning.want_whole((&snapshot, self.today), runner);
    }

    /// What the pointer is on in the Conflicts tab: previewed on the chart once worked out.
    pub fn set_hovered(&mut self, hovered: Option<Previewed>) {
        self.planning.set_hovered(hovered);
    }

    /// Opens or closes Resolve all's list of moves.
    pub fn set_resolving_all(&mut self, open: bool) {
        self.planning.set_resolving_all(open);
    }

    /// Makes `agency`'s missions stand out (`None`: none).
    pub fn set_highlight(&mut self, agency: Option<AgencyId>) {
        self.highlight = agency;
    }

    /// Removes the agency at `index`, which has `id` (one step).
    pub fn remove_agency(&mut self, index: usize, id: &AgencyId) {
        if self.highlight.as_ref() == Some(id) {
            self.highlight = None;
        }
        let changes = remove_agency(self.roadmap(), index, id);
        self.document.apply(format!("Remove agency {id}"), changes);
    }

    /// Keeps `view` in the roadmap (one step).
    pub fn add_view(&mut self, view: SavedView) {
        let label = format!("Save view “{}”", view.name);
        let changes = add_view(self.roadmap(), view);
        self.document.apply(label, changes);
    }

    /// Removes saved view `index` (one step).
    pub fn remove_view(&mut self, index: usize) {
        if let Some(view) = self.roadmap().views.get(index) {
            let label = format!("Delete view “{}”", view.name);
            let changes = remove_view(self.roadmap(), index);
            self.document.apply(label, changes);
        }
    }

    /// Merges missions into the roadmap by id (one step).
    pub fn import_missions(&mut self, missions: &[Mission]) {
        let changes = merge_missions(self.roadmap(), missions);
        let label = format!("Import {}", plural(missions.len(), "mission"));
        self.document.apply(label, changes);
    }

    /// Puts `roadmap` in place of the one open, with no history; `on_disk` when it is what its
    /// file holds (else it starts modified). A merge being resolved ends.
    pub fn replace(&mut self, roadmap: Roadmap, on_disk: bool) {
        self.document = Document::new(roadmap, on_disk);
        self.merge = None;
    }

    /// Goes back to the roadmap as last saved, dropping every unsaved change and its history;
    /// a merge being resolved forgets its picks.
    pub fn discard(&mut self) {
        self.document = self.document.discarded();
        if let Some(merge) = &mut self.merge {
            merge.forget_picks();
        }
    }

    /// Records that `written` is what is on disk now; a merge being resolved is finished.
    pub fn mark_saved(&mut self, written: Arc<Roadmap>) {
        self.document.mark_saved(written);
        self.merge = None;
    }

    /// Takes `today` as the day.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// Shows the outlook (and works it out) or not.
    pub fn set_show_outlook(&mut self, on: bool) {
        self.show_outlook = on;
    }

    /// Stops working out the outlook; it is not started again until something changes.
    pub fn cancel_outlook(&mut self, runner: &mut impl Spawn<Finished>) {
        self.outlook.cancel(runner);
    }

    /// Works the cancelled outlook out after all.
    pub fn run_outlook_again(&mut self) {
        self.outlook.run_again();
    }

    /// Makes each outlook of `runs` runs (tests that need an outlook but not its precision).
    pub fn set_outlook_runs(&mut self, runs: usize) {
        self.outlook.runs = Some(runs);
    }

    /// Compares the roadmap with `baseline` (`None`: leaves compare mode).
    pub fn compare_with(&mut self, baseline: Option<Baseline>) {
        self.baseline = baseline;
    }

    /// Starts integrating `received` (the updates read, each named) into `base` (named
    /// `base_name`), by default the open roadmap as last saved. Where the open roadmap differs
    /// from the base (unsaved edits, or a base from before them), it is one more update,
    /// first, so that nothing open is lost.
    pub fn start_integration(
        &mut self,
        base_name: String,
        base: Option<Roadmap>,
        received: Vec<(String, Roadmap)>,
    ) {
        let own_name = if base.is_some() {
            OPEN_ROADMAP
        } else {
            UNSAVED_EDITS
        };
        let base = base.unwrap_or_else(|| self.document.saved().clone());
        let mut all = Vec::with_capacity(received.len() + 1);
        if self.roadmap() != &base {
            all.push((own_name.to_owned(), self.roadmap().clone()));
        }
        all.extend(received.iter().cloned());
        let mut integrating = Integrating::new(base_name, base, all, received);
        integrating.redo_preview(self.roadmap());
        self.integrating = Some((integrating, self.document.generation()));
    }

    /// Integrates the same updates again into `base` (named `base_name`), the roadmap they
    /// were made from, nothing accepted or chosen carried over.
    pub fn rebase_integration(&mut self, base_name: String, base: Roadmap) {
        if let Some((integrating, _)) = self.integrating.take() {
            let received = integrating.received().to_vec();
            self.start_integration(base_name, Some(base), received);
        }
    }

    /// Takes in what the user did in the Updates tab. Applying gives the open roadmap the
    /// accepted changes as one step, then compares it with the base, each change credited to
    /// its update; it is refused (with why) when the roadmap changed since the updates were
    /// read.
    pub fn integrate(&mut self, action: IntegrateAction) -> Result<(), String> {
        let Some((integrating, generation)) = &mut self.integrating else {
            return Ok(());
        };
        match action {
            IntegrateAction::Cancel => self.integrating = None,
            IntegrateAction::ChooseBase => {}
            IntegrateAction::Apply => {
                if *generation != self.document.generation() {
                    return Err(
                        "The roadmap changed since the updates were read: integrate \
                                them again to review them against it."
                            .to_owned(),
                    );
                }
                let preview = integrating.preview().map_err(str::to_owned)?;
                let changes = replace_roadmap(&self.document, preview);
                let (accepted, _) = integrating.progress();
                let label = format!(
                    "Integrate {} ({})",
                    plural(integrating.files().len(), "update"),
                    plural(accepted, "change")
                );
                self.document.apply(label, changes);
                if let Some((integrating, _)) = self.integrating.take() {
                    self.baseline = Some(integrating.applied_baseline());
                }
            }
            action => {
                integrating.act(action);
                integrating.redo_preview(self.document.roadmap());
            }
        }
        Ok(())
    }

    /// Opens the merge `resolving` stands for: the roadmap as ours has it, not yet saved.
    pub fn start_merge(&mut self, resolving: Resolving) -> Result<(), String> {
        let roadmap = resolving.roadmap()?;
        self.replace(roadmap, false);
        self.merge = Some(resolving);
        Ok(())
    }

    /// Takes the side picked in the Merge tab: the roadmap as now picked, as one step.
    pub fn pick(&mut self, action: ResolveAction) -> Result<(), String> {
        let Some(merge) = &mut self.merge else {
            return Ok(());
        };
        let label = match action {
            ResolveAction::Pick(index, side) => match merge.merge().conflicts().get(index) {
                Some(conflict) => format!(
                    "Keep {} for {} {}",
                    side.name(),
                    conflict.entry(),
                    conflict.field()
                ),
                None => return Ok(()),
            },
            ResolveAction::PickAll(side) => format!("Keep all {}", side.name()),
        };
        merge.pick(action);
        let roadmap = merge.roadmap()?;
        let changes = replace_roadmap(&self.document, &roadmap);
        self.document.apply(label.trim_end(), changes);
        Ok(())
    }
}
