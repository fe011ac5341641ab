//! `ger-planner merge` (git's merge driver for roadmaps) and `ger-planner git-setup`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;
use serde_json::Value;

use super::outcome::{EXIT_CLEAN, EXIT_FOUND, EXIT_INVALID, Outcome, to_json};
use crate::analysis::Conflict;
use crate::format;
use crate::merge::{Merge, MergeConflict, Side, conflicts_made_by_merge};
use crate::model::plural;

/// The name of the merge driver in git's configuration and in `.gitattributes`.
pub const DRIVER_NAME: &str = "ger-roadmap";

/// The files `git-setup` hands to the driver unless told otherwise. Files among them that are
/// not roadmaps are merged as text, as git would have.
pub const DEFAULT_PATTERN: &str = "*.json";

/// What `merge` writes, besides the three files it reads.
#[derive(Clone, Debug)]
pub struct MergeOptions {
    /// Where the merged roadmap goes; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Print the merge conflicts and the new roadmap conflicts as JSON.
    pub json: bool,
    /// How many characters a conflict marker has (git's `%L`).
    pub marker_size: usize,
}

/// `ger-planner merge BASE OURS THEIRS [-o OUT] [--json]`: a three-way merge by id and field.
/// Exit status 0 when no merge conflict is left (whatever roadmap conflicts the result has),
/// 1 when conflicts are left (written with markers), 2 when an input cannot be read or the
/// result cannot be written (OUT untouched).
pub fn merge(base: &Path, ours: &Path, theirs: &Path, options: &MergeOptions) -> Outcome {
    let texts = match [base, ours, theirs].map(format::read_text) {
        [Ok(b), Ok(o), Ok(t)] => [b, o, t],
        [Err(err), ..] | [_, Err(err), _] | [.., Err(err)] => return Outcome::unreadable(&err),
    };
    if !texts.iter().all(|text| looks_like_roadmap(text)) {
        return merge_as_text(base, ours, theirs, options);
    }
    let read = |text: &str, path: &Path| format::read_str(text, &path.display().to_string());
    let (ours_roadmap, theirs_roadmap) = match (read(&texts[1], ours), read(&texts[2], theirs)) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(err), _) | (_, Err(err)) => return Outcome::unreadable(&err),
    };
    // Git gives an empty base when both branches added the file.
    let merge = if texts[0].trim().is_empty() {
        Merge::without_base(&ours_roadmap, &theirs_roadmap)
    } else {
        match read(&texts[0], base) {
            Ok(base_roadmap) => Merge::new(&base_roadmap, &ours_roadmap, &theirs_roadmap),
            Err(err) => return Outcome::unreadable(&err),
        }
    };
    let written = if merge.is_clean() {
        merge.merged().map_err(str::to_owned).map(|merged| {
            let made = conflicts_made_by_merge(merged, &ours_roadmap, &theirs_roadmap);
            (format::to_json(merged), made)
        })
    } else {
        merge
            .text_with_markers(options.marker_size)
            .map(|text| (text, Vec::new()))
    };
    let (text, made) = match written {
        Ok(written) => written,
        Err(message) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("error: {message}\n"),
                status: EXIT_FOUND,
            };
        }
    };
    let outcome = Outcome {
        stdout: String::new(),
        stderr: report_text(merge.conflicts(), &made, options.output.as_deref()),
        status: if merge.is_clean() {
            EXIT_CLEAN
        } else {
            EXIT_FOUND
        },
    };
    let json = options.json.then(|| report_json(merge.conflicts(), &made));
    outcome.deliver(options.output.as_deref(), &text, json)
}

/// Whether a text is meant as a roadmap (whether or not it is a valid one): the driver is
/// given every file the attribute pattern matches, and merges the others as plain text.
fn looks_like_roadmap(text: &str) -> bool {
    text.trim().is_empty() || text.contains(&format!("\"{}\"", format::FORMAT_TAG))
}

/// Files that are not roadmaps, merged line by line by git itself, as without the driver.
fn merge_as_text(base: &Path, ours: &Path, theirs: &Path, options: &MergeOptions) -> Outcome {
    let merged = Command::new("git")
        .args(["merge-file", "-p", "--diff3"])
        .arg(format!("--marker-size={}", options.marker_size))
        .args(["-L", "ours", "-L", "base", "-L", "theirs"])
        .args([ours, base, theirs])
        .output();
    let output = match merged {
        Ok(output) if output.status.code().is_some_and(|c| (0..128).contains(&c)) => output,
        Ok(output) => {
            return failed(format!(
                "git merge-file failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Err(err) => return failed(format!("not roadmaps, and git cannot merge them: {err}")),
    };
    let status = if output.status.success() {
        EXIT_CLEAN
    } else {
        EXIT_FOUND
    };
    let mut outcome = Outcome {
        stdout: String::new(),
        stderr: String::new(),
        status,
    };
    match &options.output {
        Some(out) => {
            if let Err(err) = format::write_atomically(out, &output.stdout) {
                return failed(format!("cannot write {}: {err}", out.display()));
            }
        }
        None => outcome.stdout = String::from_utf8_lossy(&output.stdout).into_owned(),
    }
    outcome
}

fn failed(message: String) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr: format!("error: {message}\n"),
        status: EXIT_INVALID,
    }
}

/// What the merge did, for a person (standard error, so that the roadmap can go to standard
/// output).
fn report_text(conflicts: &[MergeConflict], made: &[Conflict], out: Option<&Path>) -> String {
    let mut text = String::new();
    if !conflicts.is_empty() {
        let place = out.map_or("the output".to_owned(), |p| p.display().to_string());
        text.push_str(&format!(
            "{} left, marked in {place}:\n",
            plural(conflicts.len(), "merge conflict")
        ));
        for conflict in conflicts {
            text.push_str(&format!("  {}\n", conflict.describe()));
        }
    }
    text.push_str(&new_conflicts_text(
        made,
        "merged cleanly, but the merge made",
        "that neither side had",
    ));
    text
}

/// The roadmap conflicts a merge or an integration `made`, a line each, after `before` and
/// their count and `after`; nothing when there are none.
pub(super) fn new_conflicts_text(made: &[Conflict], before: &str, after: &str) -> String {
    if made.is_empty() {
        return String::new();
    }
    let count = plural(made.len(), "new roadmap conflict");
    let mut text = format!("{before} {count} {after}:\n");
    for conflict in made {
        text.push_str(&format!(
            "  {}  {}\n",
            conflict.kind.name(),
            conflict.message
        ));
    }
    text
}

/// `{"clean": …, "conflicts": [{entry, field, reason, base, ours, theirs}], "new_conflicts":
/// [as check --json]}`, absent values as `null`.
fn report_json(conflicts: &[MergeConflict], made: &[Conflict]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        clean: bool,
        conflicts: Vec<ConflictJson<'a>>,
        new_conflicts: &'a [Conflict],
    }
    #[derive(Serialize)]
    struct ConflictJson<'a> {
        entry: String,
        field: String,
        reason: &'static str,
        base: Option<&'a Value>,
        ours: Option<&'a Value>,
        theirs: Option<&'a Value>,
    }
    to_json(&Report {
        clean: conflicts.is_empty(),
        conflicts: conflicts
            .iter()
            .map(|c| ConflictJson {
                entry: c.entry(),
                field: c.field(),
                reason: c.reason.name(),
                base: c.value(Side::Base),
                ours: c.value(Side::Ours),
                theirs: c.value(Side::Theirs),
            })
            .collect(),
        new_conflicts: made,
    })
}

/// `ger-planner git-setup [PATTERN]`, run inside a repository: the `.gitattributes` line that
/// sends roadmap files to the driver, and the driver in the repository's configuration. Running
/// it again changes nothing.
pub fn git_setup(directory: &Path, pattern: &str) -> Outcome {
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(directory)
            .args(args)
            .output()
    };
    let top = match git(&["rev-parse", "--show-toplevel"]) {
        Ok(output) if output.status.success() => {
            PathBuf::from(String::from_utf8_lossy(&output.stdout).trim())
        }
        Ok(_) => {
            return failed(format!(
                "{} is not in a git repository",
                directory.display()
            ));
        }
        Err(err) => return failed(format!("cannot run git: {err}")),
    };
    let driver = driver_command();
    for (key, value) in [
        (
            format!("merge.{DRIVER_NAME}.name"),
            "GER roadmap merge by meaning",
        ),
        (format!("merge.{DRIVER_NAME}.driver"), driver.as_str()),
    ] {
        match git(&["config", "--local", &key, value]) {
            Ok(output) if output.status.success() => {}
            Ok(output) => {
                return failed(format!(
                    "git config {key} failed: {}",
                    String::from_utf8_lossy(&output.stderr).trim()
                ));
            }
            Err(err) => return failed(format!("cannot run git: {err}")),
        }
    }
    let attributes = top.join(".gitattributes");
    let line = attributes_line(pattern);
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => return failed(format!("cannot read {}: {err}", attributes.display())),
    };
    let added = !existing.lines().any(|l| l.trim() == line);
    if added {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        if let Err(err) = format::write_atomically(&attributes, text.as_bytes()) {
            return failed(format!("cannot write {}: {err}", attributes.display()));
        }
    }
    Outcome {
        stdout: format!(
            "{} {}\ngit config merge.{DRIVER_NAME}.driver \"{driver}\"\n\
             The driver runs `ger-planner` from PATH (install it with `cargo install --path .`).\n",
            if added { "added to" } else { "already in" },
            attributes.display(),
        ),
        stderr: String::new(),
        status: EXIT_CLEAN,
    }
}

/// The merge driver as git runs it: base, ours (also where the result goes), theirs, and the
/// marker size git wants.
pub fn driver_command() -> String {
    "ger-planner merge %O %A %B -o %A --marker-size %L".to_owned()
}

/// The `.gitattributes` line for `pattern`.
pub fn attributes_line(pattern: &str) -> String {
    format!("{pattern} merge={DRIVER_NAME}")
}
