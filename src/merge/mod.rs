//! Three-way merge of roadmaps by meaning: entries matched by id, fields merged one by one.
//!
//! The merge works on the JSON values of the canonical file, not on the model, so a field added
//! to the format later merges by the same rules with no code of its own. (Missions, most of a
//! roadmap, are compared as they are and made JSON values only where the sides differ.)
//!
//! - A value one side changed is taken; one both sides changed alike is taken; one they changed
//!   differently is a conflict, unless both are objects (merged field by field) or lists
//!   (merged entry by entry).
//! - Lists of objects with a key (`id`; `agency` for contributors, `mission` for `depends_on`)
//!   are matched by key. An entry deleted on one side and changed on the other is a conflict,
//!   and so is a key repeated in one input whose entries differ between the sides: repeated
//!   entries are never paired up by guesswork.
//! - Other lists (launch windows, a mission's resources, a view's filters) are sets: what one
//!   side added is added, what one side removed is removed.
//! - A list follows ours' order; theirs' additions go after the entry before them in theirs.
//!   Destinations are lanes, so their order is itself a value: a reorder on one side is taken,
//!   different reorders on both sides are a conflict.
//!
//! A field that is absent is the same as an empty list or object, as in the file.
//!
//! The same walk (`walk`) integrates the agencies' updates of one base ([`Integration`]):
//! the sides are then every update, a value is taken where the updates that changed it agree,
//! the base's value is kept where they disagree, lists follow the base's order, and an entry
//! the base lacks that updates add differently is one conflict. Reviewed, each change the
//! updates agree on is recorded, to be accepted or rejected one by one.

mod conflict;
mod integrate;
mod order;
mod walk;

use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{Conflict, find_conflicts};
use crate::format;
use crate::model::Roadmap;
use walk::{Merger, Version};

pub use conflict::{Change, MergeConflict, Reason, Side, Step, value_in_words};
pub use integrate::{Integration, unrelated_update};

/// Three versions of a roadmap and the conflicts between them.
#[derive(Clone, Debug)]
pub struct Merge {
    /// Base, ours, theirs.
    versions: Vec<Version>,
    conflicts: Vec<MergeConflict>,
    /// The resolution with ours everywhere.
    merged: Result<Roadmap, String>,
}

impl Merge {
    /// Merges `ours` and `theirs`, both made from `base`.
    pub fn new(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_versions([base, ours, theirs].map(Version::of).into())
    }

    /// Merges when nothing says what both sides started from (git's both-added case, or
    /// markers without a base section): every difference between them is a conflict.
    pub fn without_base(ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_versions(vec![
            Version::none(),
            Version::of(ours),
            Version::of(theirs),
        ])
    }

    fn of_versions(versions: Vec<Version>) -> Self {
        let mut merger = Merger::new(&|_| Side::Ours.version(), Side::Ours.version());
        let (rest, missions) = merger.roadmap(&versions);
        let merged = merger.finish(rest, missions);
        Self {
            versions,
            conflicts: merger.conflicts,
            merged,
        }
    }

    /// The merged roadmap with ours wherever the sides conflict: the merge itself when it is
    /// clean. Made with the merge, so asking costs nothing.
    pub fn merged(&self) -> Result<&Roadmap, &str> {
        self.merged.as_ref().map_err(String::as_str)
    }

    /// The merge conflicts, in the order of the roadmap.
    pub fn conflicts(&self) -> &[MergeConflict] {
        &self.conflicts
    }

    /// Whether the sides merged with no conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merged roadmap, each conflict (by position in [`Self::conflicts`]) settled with the
    /// side `choose` gives. It can fail only where sides merged field by field make an entry
    /// that reading refuses (a saved view ending before it starts).
    pub fn resolved(&self, choose: impl Fn(usize) -> Side) -> Result<Roadmap, String> {
        let choose = |k| choose(k).version();
        let mut merger = Merger::new(&choose, Side::Ours.version());
        let (rest, missions) = merger.roadmap(&self.versions);
        merger.finish(rest, missions)
    }

    /// The canonical text of the merge, with conflict markers (of `marker_size` characters)
    /// around the lines where the sides conflict.
    pub fn text_with_markers(&self, marker_size: usize) -> Result<String, String> {
        let text = |side| self.resolved(|_| side).map(|r| format::to_json(&r));
        Ok(format::with_markers(
            &text(Side::Ours)?,
            &text(Side::Base)?,
            &text(Side::Theirs)?,
            marker_size,
        ))
    }
}

/// The roadmap conflicts the merge made: in `merged` but in neither side. Conflicts are told
/// apart by kind and the missions, agency and resource they name, not by their wording (which
/// quotes dates that may differ).
pub fn conflicts_made_by_merge(
    merged: &Roadmap,
    ours: &Roadmap,
    theirs: &Roadmap,
) -> Vec<Conflict> {
    conflicts_in_none_of(merged, &[ours, theirs])
}

/// The roadmap conflicts of `made` that none of `inputs` has, told apart as
/// [`conflicts_made_by_merge`] does.
pub fn conflicts_in_none_of(made: &Roadmap, inputs: &[&Roadmap]) -> Vec<Conflict> {
    type Identity = (
        crate::analysis::ConflictKind,
        Vec<crate::model::MissionId>,
        Option<crate::model::AgencyId>,
        Option<crate::model::ResourceId>,
    );
    let identity = |c: &Conflict| -> Identity {
        (
            c.kind,
            c.missions.clone(),
            c.agency.clone(),
            c.resource.clone(),
        )
    };
    let before: HashSet<Identity> = (inputs.iter())
        .flat_map(|input| find_conflicts(input))
        .map(|c| identity(&c))
        .collect();
    find_conflicts(made)
        .into_iter()
        .filter(|c| !before.contains(&identity(c)))
        .collect()
}
