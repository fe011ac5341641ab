//! Integrating the agencies' updates in the window: the returned copies read, each change of
//! each update listed in the Updates tab to accept or reject, each conflict between updates to
//! settle with any update's value or the base's. The chart shows the roadmap the accepted
//! changes make as ghosts, and the roadmap conflicts they would create are worked out live;
//! applying is one undo step. This is the integration's state; the tab is `panels::updates`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use super::compare::Baseline;
use crate::analysis::Conflict;
use crate::merge::{Change, Integration, conflicts_in_none_of, unrelated_update};
use crate::model::{MissionId, Roadmap};

/// The name the window's own unsaved edits go by among the updates.
pub const UNSAVED_EDITS: &str = "this window's unsaved edits";
/// The name the open roadmap goes by among the updates of another base.
pub const OPEN_ROADMAP: &str = "the open roadmap";

/// What the user did in the Updates tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrateAction {
    /// Accept (or reject) change `change`.
    Accept {
        /// The change, by position.
        change: usize,
        /// Accept it, or reject it.
        accepted: bool,
    },
    /// Accept (or reject) every change update `update` made.
    AcceptAll {
        /// The update, by position.
        update: usize,
        /// Accept them, or reject them.
        accepted: bool,
    },
    /// Settle conflict `conflict` with the value of `version` (0 the base, `k` update `k`).
    Choose {
        /// The conflict, by position.
        conflict: usize,
        /// The version whose value is kept.
        version: usize,
    },
    /// Apply the accepted changes and chosen values to the open roadmap, as one step.
    Apply,
    /// Pick another roadmap as the base the updates were made from.
    ChooseBase,
    /// Stop integrating, applying nothing.
    Cancel,
}

/// Updates being integrated: the integration, and what is accepted and chosen so far.
pub struct Integrating {
    /// Tells these updates from any integrated before (what the tab lists follows it).
    id: u64,
    integration: Integration,
    /// The base's name ("plan.json as last saved").
    base_name: String,
    /// The base itself, which the Changes tab compares with once the updates are applied.
    base: Roadmap,
    /// Each update's name, in order.
    files: Vec<String>,
    /// The updates read from files (not the window's own), to integrate again into another
    /// base.
    received: Vec<(String, Roadmap)>,
    /// For each update, why it may not be a copy of this roadmap.
    warnings: Vec<Option<String>>,
    accepted: Vec<bool>,
    chosen: Vec<usize>,
    /// The roadmap the accepted changes and chosen values make, or why it cannot be made.
    preview: Result<Roadmap, String>,
    /// The roadmap conflicts the preview has and the open roadmap has not.
    made: Vec<Conflict>,
    /// The preview, drawn as ghosts over the open roadmap.
    ghosts: Option<Baseline>,
}

impl Integrating {
    /// The integration of `updates` (each named) into `base` (named `base_name`); every
    /// change accepted, the base kept wherever updates conflict. `received` are the updates
    /// read from files among them.
    pub fn new(
        base_name: String,
        base: Roadmap,
        updates: Vec<(String, Roadmap)>,
        received: Vec<(String, Roadmap)>,
    ) -> Self {
        let warnings = (updates.iter())
            .map(|(_, update)| unrelated_update(&base, update))
            .collect();
        let (files, updates): (Vec<String>, Vec<Roadmap>) = updates.into_iter().unzip();
        let integration = Integration::new(&base, &updates);
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            accepted: vec![true; integration.changes().len()],
            chosen: vec![0; integration.conflicts().len()],
            preview: Err(String::new()),
            made: Vec::new(),
            ghosts: None,
            integration,
            base_name,
            base,
            files,
            received,
            warnings,
        }
    }

    /// The updates read from files, each named.
    pub fn received(&self) -> &[(String, Roadmap)] {
        &self.received
    }

    /// Works out the roadmap the choices make, the conflicts it would create against
    /// `current`, and its ghosts.
    pub fn redo_preview(&mut self, current: &Roadmap) {
        let (accepted, chosen) = (&self.accepted, &self.chosen);
        self.preview = (self.integration).resolved(|k| accepted[k], |k| chosen[k]);
        self.made = match &self.preview {
            Ok(preview) => conflicts_in_none_of(preview, &[current]),
            Err(_) => Vec::new(),
        };
        let name = PathBuf::from("the accepted updates");
        self.ghosts =
            (self.preview.as_ref().ok()).map(|preview| Baseline::proposed(name, preview.clone()));
    }

    /// Takes in what the user did (not Apply or Cancel, which the session does).
    pub fn act(&mut self, action: IntegrateAction) {
        match action {
            IntegrateAction::Accept { change, accepted } => {
                if let Some(slot) = self.accepted.get_mut(change) {
                    *slot = accepted;
                }
            }
            IntegrateAction::AcceptAll { update, accepted } => {
                let changes = self.integration.changes();
                for (slot, change) in self.accepted.iter_mut().zip(changes) {
                    if change.sides.contains(&update) {
                        *slot = accepted;
                    }
                }
            }
            IntegrateAction::Choose { conflict, version } => {
                if let Some(slot) = self.chosen.get_mut(conflict) {
                    *slot = version;
                }
            }
            IntegrateAction::Apply | IntegrateAction::Cancel | IntegrateAction::ChooseBase => {}
        }
    }

    /// Tells these updates from any integrated before.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The integration.
    pub fn integration(&self) -> &Integration {
        &self.integration
    }

    /// The base's name.
    pub fn base_name(&self) -> &str {
        &self.base_name
    }

    /// Each update's name.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Why update `k` may not be a copy of the base.
    pub fn warning(&self, k: usize) -> Option<&str> {
        self.warnings.get(k)?.as_deref()
    }

    /// Whether change `k` is accepted.
    pub fn is_accepted(&self, k: usize) -> bool {
        self.accepted.get(k).copied().unwrap_or(false)
    }

    /// The version whose value settles conflict `k`.
    pub fn chosen(&self, k: usize) -> usize {
        self.chosen.get(k).copied().unwrap_or(0)
    }

    /// How many changes are accepted, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let accepted = self.accepted.iter().filter(|&&a| a).count();
        (accepted, self.accepted.len())
    }

    /// The changes of update `update`, by position, grouped by the entry they change (a
    /// mission, an agency, the roadmap's own fields), in the roadmap's order.
    pub fn changes_of(&self, update: usize) -> Vec<(String, Vec<usize>)> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let changes = self.integration.changes();
        for (k, change) in changes.iter().enumerate() {
            if !change.sides.contains(&update) {
                continue;
            }
            let entry = change.entry();
            match groups.last_mut() {
                Some((last, members)) if *last == entry => members.push(k),
                _ => groups.push((entry, vec![k])),
            }
        }
        groups
    }

    /// The roadmap the choices make, or why it cannot be made.
    pub fn preview(&self) -> Result<&Roadmap, &str> {
        self.preview.as_ref().map_err(String::as_str)
    }

    /// The roadmap conflicts applying would create.
    pub fn made(&self) -> &[Conflict] {
        &self.made
    }

    /// The ghosts: the roadmap the choices make.
    pub fn ghosts(&self) -> Option<&Baseline> {
        self.ghosts.as_ref()
    }

    /// The same, to bring its differences up to date.
    pub fn ghosts_mut(&mut self) -> Option<&mut Baseline> {
        self.ghosts.as_mut()
    }

    /// The base, compared with once applied, its missions' changes credited to the updates
    /// that made them (the accepted changes, and the values chosen in conflicts).
    pub fn applied_baseline(self) -> Baseline {
        let mut sources: HashMap<MissionId, Vec<String>> = HashMap::new();
        let mut credit = |mission: Option<&str>, update: usize| {
            if let (Some(id), Some(file)) = (mission, self.files.get(update)) {
                let files = sources.entry(id.into()).or_default();
                if !files.contains(file) {
                    files.push(file.clone());
                }
            }
        };
        let changes: &[Change] = self.integration.changes();
        for (change, _) in changes.iter().zip(&self.accepted).filter(|(_, a)| **a) {
            for &update in &change.sides {
                credit(change.mission(), update);
            }
        }
        for (conflict, &version) in self.integration.conflicts().iter().zip(&self.chosen) {
            if version > 0 {
                credit(conflict.mission(), version - 1);
            }
        }
        Baseline::new(PathBuf::from(self.base_name), self.base).with_sources(sources)
    }
}
