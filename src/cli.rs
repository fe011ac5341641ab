//! The headless commands of the command line (DESIGN §4), as functions that return their output
//! and exit status, so that tests can run them without a process.

use std::path::Path;

use serde::Serialize;

use crate::analysis::{Conflict, RoadmapDiff, Severity, count_by_severity, diff, find_conflicts};
use crate::format::{self, ReadError};

/// Exit status: no conflicts.
pub const EXIT_CLEAN: u8 = 0;
/// Exit status: conflicts found (or, for `diff`, differences).
pub const EXIT_FOUND: u8 = 1;
/// Exit status: a file could not be read or is invalid.
pub const EXIT_INVALID: u8 = 2;

/// What a command prints and the status it exits with.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    /// For standard output.
    pub stdout: String,
    /// For standard error.
    pub stderr: String,
    /// The process exit status.
    pub status: u8,
}

impl Outcome {
    /// A file that could not be read: its message on standard error, exit status 2.
    fn unreadable(err: &ReadError) -> Self {
        Self {
            stdout: String::new(),
            stderr: format!("error: {err}\n"),
            status: EXIT_INVALID,
        }
    }
}

/// `ger-planner check FILE [--json]`: validate a roadmap and list its conflicts.
pub fn check(path: &Path, json: bool) -> Outcome {
    let roadmap = match format::read_file(path) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let conflicts = find_conflicts(&roadmap);
    let stdout = if json {
        conflicts_json(&conflicts)
    } else {
        conflicts_text(
            &path.display().to_string(),
            roadmap.missions.len(),
            &conflicts,
        )
    };
    let status = if conflicts.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FOUND
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status,
    }
}

/// `ger-planner diff OLD NEW [--json]`: what changed between two versions of a roadmap, mission
/// by mission. Exit status 0 when nothing did, 1 when something did, 2 when a file is unreadable.
pub fn diff_files(old: &Path, new: &Path, json: bool) -> Outcome {
    let read = |path: &Path| format::read_file(path);
    let (old_roadmap, new_roadmap) = match (read(old), read(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(err), _) | (_, Err(err)) => return Outcome::unreadable(&err),
    };
    let differences = diff(&old_roadmap, &new_roadmap);
    let stdout = if json {
        to_json(&differences)
    } else {
        diff_text(old, new, &differences)
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status: if differences.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_FOUND
        },
    }
}

/// `ger-planner export FILE -o OUT`: writes the roadmap in the format OUT's extension names.
/// So far the mission table as `.csv`; a bad file, an unknown extension or a path that cannot be
/// written exits with 2, and never leaves a partial file.
pub fn export(file: &Path, out: &Path) -> Outcome {
    let roadmap = match format::read_file(file) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let failure = |message: String| Outcome {
        stdout: String::new(),
        stderr: format!("error: {message}\n"),
        status: EXIT_INVALID,
    };
    let text = match extension.as_str() {
        "csv" => format::missions_to_csv(&roadmap.missions),
        "svg" | "png" | "pdf" => {
            return failure(format!(
                "{}: snapshots as .{extension} are not available yet; this version exports \
                 the mission table as .csv",
                out.display()
            ));
        }
        _ => {
            return failure(format!(
                "{}: cannot tell the format from the extension (expected .csv)",
                out.display()
            ));
        }
    };
    match format::write_atomically(out, text.as_bytes()) {
        Ok(()) => Outcome {
            stdout: format!(
                "{}: {} written\n",
                out.display(),
                plural(roadmap.missions.len(), "mission")
            ),
            stderr: String::new(),
            status: EXIT_CLEAN,
        },
        Err(err) => failure(format!("cannot write {}: {err}", out.display())),
    }
}

/// One line per difference, then the summary.
fn diff_text(old: &Path, new: &Path, differences: &RoadmapDiff) -> String {
    let (old, new) = (old.display(), new.display());
    if differences.is_empty() {
        return format!("{old} → {new}: no differences\n");
    }
    let mut text = format!("{old} → {new}:\n");
    for difference in &differences.differences {
        text.push_str(&format!("  {}\n", difference.describe()));
    }
    text.push_str(&format!("\n{}\n", differences.summary.describe()));
    text
}

/// A value as pretty JSON and a newline.
fn to_json(value: &impl Serialize) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => text + "\n",
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}

/// `{"conflicts":[…]}` as DESIGN §4 gives it, absent fields as `null`.
fn conflicts_json(conflicts: &[Conflict]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        conflicts: &'a [Conflict],
    }
    to_json(&Report { conflicts })
}

/// One line per conflict, errors first, for a person.
fn conflicts_text(file: &str, mission_count: usize, conflicts: &[Conflict]) -> String {
    if conflicts.is_empty() {
        return format!("{file}: no conflicts among {mission_count} missions\n");
    }
    let mut text = format!(
        "{file}: {} among {mission_count} missions\n",
        severity_counts(conflicts)
    );
    let width = conflicts
        .iter()
        .map(|c| c.kind.name().len())
        .max()
        .unwrap_or(0);
    for (severity, heading) in [(Severity::Error, "Errors"), (Severity::Warning, "Warnings")] {
        let listed: Vec<&Conflict> = conflicts
            .iter()
            .filter(|c| c.severity == severity)
            .collect();
        if listed.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{heading}:\n"));
        for conflict in listed {
            text.push_str(&format!(
                "  {:width$}  {}\n",
                conflict.kind.name(),
                conflict.message
            ));
        }
    }
    text
}

/// "2 errors and 1 warning".
fn severity_counts(conflicts: &[Conflict]) -> String {
    let (errors, warnings) = count_by_severity(conflicts);
    format!(
        "{} and {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// "1 mission", "3 missions".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
