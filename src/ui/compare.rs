//! Compare mode: another version of the roadmap loaded as a baseline, what changed since listed
//! in the Changes panel, and the baseline's dates drawn as ghosts on the chart.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use egui::{RichText, Ui};

use super::long_list::long_list;

use crate::analysis::{Difference, RoadmapDiff, diff};
use crate::format::{self, ReadError};
use crate::model::{MissionId, Roadmap};

/// The version of the roadmap the open one is compared with.
pub struct Baseline {
    path: PathBuf,
    roadmap: Roadmap,
    /// Differs between baselines, so that whatever is derived from one is redone for another.
    id: u64,
    diff: RoadmapDiff,
    /// The generation of the open roadmap `diff` is of.
    diff_for: Option<u64>,
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
            diff_for: None,
        }
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

    /// What changed from the baseline to `current`, recomputed when its `generation` moved.
    pub fn refresh(&mut self, current: &Roadmap, generation: u64) {
        if self.diff_for != Some(generation) {
            self.diff = diff(&self.roadmap, current);
            self.diff_for = Some(generation);
        }
    }

    /// The differences as of the last [`Baseline::refresh`].
    pub fn diff(&self) -> &RoadmapDiff {
        &self.diff
    }
}

/// The Changes panel: every difference from the baseline; returns the mission clicked.
pub fn changes_panel(ui: &mut Ui, baseline: Option<&Baseline>) -> Option<MissionId> {
    let Some(baseline) = baseline else {
        ui.label(
            "File → Compare with… loads another version of this roadmap (an earlier edition, \
             say) and lists here what changed since: moves, renames, new leads and \
             contributors, new status, added and removed missions.",
        );
        return None;
    };
    let diff = baseline.diff();
    ui.label(format!("Since {}:", baseline.file_name()));
    ui.strong(diff.summary.describe());
    ui.add_space(4.0);
    if diff.is_empty() {
        ui.label("No differences.");
        return None;
    }
    let differences = &diff.differences;
    let clicked = long_list(ui, "changes", differences.len(), |ui, k, height| {
        let described = differences[k].describe();
        let button = egui::Button::selectable(false, RichText::new(&described));
        match height {
            // Shortened to one line: the tooltip has it whole.
            Some(height) => ui
                .add(button.truncate().min_size(egui::vec2(0.0, height)))
                .on_hover_text(format!("{described}\n\n{}", hint(&differences[k]))),
            None => ui.add(button.wrap()).on_hover_text(hint(&differences[k])),
        }
    });
    clicked.map(|k| differences[k].mission().clone())
}

fn hint(difference: &Difference) -> &'static str {
    match difference {
        Difference::Removed { .. } => "Only in the baseline: nothing to show on the chart",
        _ => "Click to select the mission and bring it into view",
    }
}
