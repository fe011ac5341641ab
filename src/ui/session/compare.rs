//! Compare mode: another version of the roadmap loaded as a baseline, what changed since (listed
//! in the Changes tab), and the baseline's dates drawn as ghosts on the chart.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analysis::{RoadmapDiff, diff};
use crate::format::{self, ReadError};
use crate::model::{MissionId, Roadmap};

/// The version of the roadmap the open one is compared with.
pub struct Baseline {
    path: PathBuf,
    roadmap: Roadmap,
    /// Differs between baselines, so that whatever is derived from one is redone for another.
    id: u64,
    diff: RoadmapDiff,
    /// Whether its changes are proposed to the open roadmap (a deck edited in PowerPoint):
    /// the differences then go from the open roadmap to it, to be taken in one by one.
    proposes: bool,
    /// After updates were integrated: the updates each mission's changes came from.
    sources: HashMap<MissionId, Vec<String>>,
}

impl Baseline {
    /// Reads the baseline from a roadmap file.
    pub fn load(path: &Path) -> Result<Self, ReadError> {
        Ok(Self::new(path.to_path_buf(), format::read_file(path)?))
    }

    /// A baseline from a roadmap already read.
    pub fn new(path: PathBuf, roadmap: Roadmap) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Self {
            path,
            roadmap,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            diff: RoadmapDiff::default(),
            proposes: false,
            sources: HashMap::new(),
        }
    }

    /// The same baseline, crediting each mission's changes since to `sources` (the updates
    /// integrated).
    pub fn with_sources(self, sources: HashMap<MissionId, Vec<String>>) -> Self {
        Self { sources, ..self }
    }

    /// The updates the changes of `mission` since the baseline came from, if they came from
    /// integrated updates.
    pub fn sources_of(&self, mission: &MissionId) -> &[String] {
        self.sources.get(mission).map_or(&[], Vec::as_slice)
    }

    /// The roadmap a deck at `path` shows, whose changes are proposed to the open one.
    pub fn proposed(path: PathBuf, roadmap: Roadmap) -> Self {
        Self {
            proposes: true,
            ..Self::new(path, roadmap)
        }
    }

    /// Whether its changes are proposed to the open roadmap, to be taken in.
    pub fn proposes(&self) -> bool {
        self.proposes
    }

    /// The baseline roadmap.
    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    /// Identifies this baseline among all loaded.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Its file's name.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Works out again what changed from the baseline to `current`.
    pub fn compare_with(&mut self, current: &Roadmap) {
        self.diff = if self.proposes {
            diff(current, &self.roadmap)
        } else {
            diff(&self.roadmap, current)
        };
    }

    /// The differences as of the last [`Baseline::compare_with`].
    pub fn diff(&self) -> &RoadmapDiff {
        &self.diff
    }
}
