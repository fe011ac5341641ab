//! `import`: the roadmap a PowerPoint deck made by GER Planner carries, with the bars moved or
//! resized in PowerPoint read back as dates.

use std::path::Path;

use serde::Serialize;

use super::outcome::{EXIT_CLEAN, EXIT_INVALID, Outcome, to_json};
use crate::format;
use crate::model::plural;
use crate::render::pptx::{DeckRead, read_deck};

/// `--json`'s shape.
#[derive(Serialize)]
struct ImportReport {
    changes: Vec<ChangeJson>,
    missing: Vec<String>,
    added_shapes: usize,
}

#[derive(Serialize)]
struct ChangeJson {
    mission: String,
    from_start: String,
    to_start: String,
    from_end: String,
    to_end: String,
}

/// `ger-planner import DECK.pptx -o OUT.json [--json]`: writes the deck's roadmap, with each
/// mission whose shape was moved or resized given the dates it now shows, and says what moved,
/// which shapes were deleted and how many were added. Exit status 0, or 2 for a file that is
/// not a GER Planner deck or cannot be read (OUT is then left alone).
pub fn import(deck: &Path, out: &Path, json: bool) -> Outcome {
    let failure = |message: String| Outcome {
        stdout: String::new(),
        stderr: format!("error: {}: {message}\n", deck.display()),
        status: EXIT_INVALID,
    };
    let bytes = match std::fs::read(deck) {
        Ok(bytes) => bytes,
        Err(err) => return failure(err.to_string()),
    };
    let read = match read_deck(&bytes) {
        Ok(read) => read,
        Err(err) => return failure(err.to_string()),
    };
    if let Err(err) = format::write_atomically(out, format::to_json(&read.roadmap).as_bytes()) {
        return Outcome {
            stdout: String::new(),
            stderr: format!("error: {}: {err}\n", out.display()),
            status: EXIT_INVALID,
        };
    }
    let stdout = if json {
        to_json(&report(&read))
    } else {
        in_words(&read, out)
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status: EXIT_CLEAN,
    }
}

fn report(read: &DeckRead) -> ImportReport {
    ImportReport {
        changes: (read.changes.iter())
            .map(|c| ChangeJson {
                mission: c.mission.to_string(),
                from_start: c.from_start.to_string(),
                to_start: c.to_start.to_string(),
                from_end: c.from_end.to_string(),
                to_end: c.to_end.to_string(),
            })
            .collect(),
        missing: read.missing.iter().map(ToString::to_string).collect(),
        added_shapes: read.added_shapes,
    }
}

fn in_words(read: &DeckRead, out: &Path) -> String {
    let name = |id: &crate::model::MissionId| {
        (read.roadmap.missions.iter())
            .find(|m| &m.id == id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let mut text = format!(
        "{} written: {} moved in the deck\n",
        out.display(),
        plural(read.changes.len(), "mission")
    );
    for change in &read.changes {
        text.push_str(&format!(
            "  {}: {} – {} → {} – {}\n",
            name(&change.mission),
            change.from_start,
            change.from_end,
            change.to_start,
            change.to_end
        ));
    }
    if !read.missing.is_empty() {
        let names: Vec<String> = read.missing.iter().map(name).collect();
        text.push_str(&format!(
            "Deleted from the slide, kept in the roadmap: {}\n",
            names.join(", ")
        ));
    }
    if read.added_shapes > 0 {
        text.push_str(&format!(
            "{} added in PowerPoint, left out\n",
            plural(read.added_shapes, "shape")
        ));
    }
    text
}
