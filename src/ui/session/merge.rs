//! Resolving a merge in the window: a roadmap file with merge markers opens as the merge it
//! stands for. The Merge tab lists each conflict with its base, ours and theirs values; the
//! chart shows the roadmap as picked so far (ours where nothing is picked yet) with the other
//! side's dates as ghosts; saving writes the resolved roadmap and finishes the merge. This is
//! the merge's state; the tab is `panels::merge`.

use std::path::PathBuf;

use super::compare::Baseline;
use crate::format::{self, ReadError};
use crate::merge::{Merge, Side};
use crate::model::Roadmap;

/// What the user did in the Merge tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolveAction {
    /// Keep `side` for conflict `index`.
    Pick(usize, Side),
    /// Keep `side` for every conflict.
    PickAll(Side),
}

/// A merge being resolved: its conflicts and what has been picked for each.
pub struct Resolving {
    merge: Merge,
    picked: Vec<Option<Side>>,
    /// The other side of every conflict, drawn as ghosts.
    ghosts: Option<Baseline>,
}

impl Resolving {
    /// The merge a text with merge markers stands for (`file` names it in messages).
    pub fn from_text(text: &str, file: &str) -> Result<Self, ReadError> {
        let marked = match format::split_markers(text) {
            Some(Ok(marked)) => marked,
            // Broken markers (or none): reading says where and what, as `check` does.
            Some(Err(_)) | None => {
                return Err(match format::read_str(text, file) {
                    Err(err) => err,
                    Ok(_) => ReadError::whole_file(file, "expected merge markers"),
                });
            }
        };
        let side = |text: &str, name: &str| format::read_str(text, &format!("{file} ({name})"));
        let ours = side(&marked.ours, "ours")?;
        let theirs = side(&marked.theirs, "theirs")?;
        let merge = match &marked.base {
            Some(base) => Merge::new(&side(base, "base")?, &ours, &theirs),
            None => Merge::without_base(&ours, &theirs),
        };
        Ok(Self::new(merge))
    }

    /// A merge to resolve, nothing picked yet.
    pub fn new(merge: Merge) -> Self {
        let picked = vec![None; merge.conflicts().len()];
        let mut resolving = Self {
            merge,
            picked,
            ghosts: None,
        };
        resolving.redraw_ghosts();
        resolving
    }

    /// The ghosts: the other side of every conflict, as a baseline to compare with.
    pub fn ghosts(&self) -> Option<&Baseline> {
        self.ghosts.as_ref()
    }

    /// The same, to bring its differences up to date.
    pub fn ghosts_mut(&mut self) -> Option<&mut Baseline> {
        self.ghosts.as_mut()
    }

    fn redraw_ghosts(&mut self) {
        let name = PathBuf::from("the other side of the merge");
        self.ghosts = self.other_sides().ok().map(|r| Baseline::new(name, r));
    }

    /// Forgets every pick (the roadmap went back to ours everywhere).
    pub fn forget_picks(&mut self) {
        self.picked.fill(None);
        self.redraw_ghosts();
    }

    /// The merge.
    pub fn merge(&self) -> &Merge {
        &self.merge
    }

    /// How many conflicts have a side picked, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let picked = self.picked.iter().filter(|p| p.is_some()).count();
        (picked, self.picked.len())
    }

    /// The side picked for conflict `index`.
    pub fn picked(&self, index: usize) -> Option<Side> {
        self.picked.get(index).copied().flatten()
    }

    /// Takes in what the user picked.
    pub fn pick(&mut self, action: ResolveAction) {
        match action {
            ResolveAction::Pick(index, side) => {
                if let Some(slot) = self.picked.get_mut(index) {
                    *slot = Some(side);
                }
            }
            ResolveAction::PickAll(side) => self.picked.fill(Some(side)),
        }
        self.redraw_ghosts();
    }

    /// The roadmap as picked so far: ours where nothing is picked.
    pub fn roadmap(&self) -> Result<Roadmap, String> {
        self.merge
            .resolved(|i| self.picked(i).unwrap_or(Side::Ours))
    }

    /// The roadmap with the other side of every conflict: where ours is shown, theirs; where
    /// theirs, ours. Drawn as ghosts, so both sides of a conflict are on the chart.
    pub fn other_sides(&self) -> Result<Roadmap, String> {
        self.merge.resolved(|i| match self.picked(i) {
            Some(Side::Theirs) => Side::Ours,
            _ => Side::Theirs,
        })
    }

    /// After the roadmap changed other than by a pick (undo, redo, an edit): a pick whose
    /// value is no longer there is dropped, so the tab never claims what the roadmap lacks.
    pub fn follow(&mut self, roadmap: &Roadmap) {
        if self.picked.iter().all(Option::is_none) {
            return;
        }
        // Only the missions picks are about, not the whole roadmap: this runs on every frame
        // of a drag while a merge is resolved.
        let about: std::collections::HashSet<&str> = (self.merge.conflicts().iter())
            .zip(&self.picked)
            .filter(|(_, picked)| picked.is_some())
            .filter_map(|(conflict, _)| conflict.mission())
            .collect();
        let concerned = Roadmap {
            missions: (roadmap.missions.iter())
                .filter(|m| about.contains(m.id.as_str()))
                .cloned()
                .collect(),
            ..roadmap.without_missions()
        };
        let value = format::to_value(&concerned);
        let mut dropped = false;
        for (conflict, picked) in self.merge.conflicts().iter().zip(&mut self.picked) {
            if picked.is_some() && conflict.side_of(&value) != *picked {
                *picked = None;
                dropped = true;
            }
        }
        if dropped {
            self.redraw_ghosts();
        }
    }
}
