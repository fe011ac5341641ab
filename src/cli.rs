//! The headless commands of the command line (DESIGN §4), as functions that return their output
//! and exit status, so that tests can run them without a process.

mod deck;
mod integrate;
mod merge;
mod outcome;
mod outlook;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{
    self, Conflict, Review, RoadmapDiff, Schedule, Severity, count_by_severity, diff,
    find_conflicts_on,
};
use crate::format;
use crate::layout::{GroupBy, Showing, TimeView, arrange, day_number, fit_all, saved_view};
use crate::model::{Mission, MissionStatus, Roadmap, plural};
use crate::render::{
    DEFAULT_WIDTH, SnapshotFormat, SnapshotView, snapshot, snapshot_deck, snapshot_page,
};

pub use deck::import;
pub use integrate::{IntegrateOptions, integrate};
pub use merge::{
    DEFAULT_PATTERN, DRIVER_NAME, MergeOptions, attributes_line, driver_command, git_setup, merge,
};
use outcome::to_json;
pub use outcome::{EXIT_CLEAN, EXIT_FOUND, EXIT_INVALID, Outcome};
pub use outlook::{OutlookRequest, calibrate, outlook};

/// `ger-planner check FILE [--json] [--today DATE] [--strict]`: validate a roadmap and list its
/// conflicts on `today` (which decides what dates time has overtaken). Conflicts the roadmap
/// accepts are left out and do not count, unless `strict`; accepted entries that match no
/// conflict any more are reported on standard error as stale. Paused missions take part in no
/// conflict; they are listed on their own so that nobody forgets them, and do not count.
pub fn check(path: &Path, json: bool, today: NaiveDate, strict: bool) -> Outcome {
    let roadmap = match format::read_file(path) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let conflicts = find_conflicts_on(&roadmap, today);
    let review = Review::new(&conflicts, &roadmap.accepted);
    let listed: Vec<Listed> = conflicts
        .iter()
        .zip(&review.accepted_by)
        .map(|(conflict, by)| Listed {
            conflict,
            accepted: by.map(|k| roadmap.accepted[k].reason.as_str()),
        })
        .filter(|l| strict || l.accepted.is_none())
        .collect();
    let file = path.display().to_string();
    let paused: Vec<&Mission> = (roadmap.missions.iter())
        .filter(|m| m.status == MissionStatus::Paused)
        .collect();
    let stdout = if json {
        to_json(&CheckReport {
            conflicts: &listed,
            paused: paused.iter().map(|m| m.id.as_str()).collect(),
        })
    } else {
        let hidden = conflicts.len() - listed.len();
        let mut text = conflicts_text(&file, roadmap.missions.len(), &listed, hidden);
        text.push_str(&paused_text(&paused));
        text
    };
    let stderr: String = review
        .stale
        .iter()
        .map(|&k| {
            let stale = &roadmap.accepted[k];
            format!(
                "{file}: warning: the accepted {} conflict of {} matches no conflict any more \
                 (stale): remove it\n",
                stale.kind.name(),
                stale
                    .missions
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
        .collect();
    Outcome {
        stdout,
        stderr,
        status: if listed.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_FOUND
        },
    }
}

/// A conflict as `check` lists it: with the reason it is accepted for, where it is.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    conflict: &'a Conflict,
    /// Present only for an accepted conflict (listed with `--strict`).
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<&'a str>,
}

/// `{"conflicts":[…],"paused":[ids]}`: conflicts as DESIGN §4 gives them, absent fields as
/// `null`, and the ids of the paused missions in roadmap order.
#[derive(Serialize)]
struct CheckReport<'a> {
    conflicts: &'a [Listed<'a>],
    paused: Vec<&'a str>,
}

/// The "Paused" section of `check`'s text: each paused mission with its kept dates; nothing
/// when none is paused.
fn paused_text(paused: &[&Mission]) -> String {
    if paused.is_empty() {
        return String::new();
    }
    let width = paused
        .iter()
        .map(|m| m.id.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text = format!(
        "\nPaused ({}, in no conflict while paused):\n",
        plural(paused.len(), "mission")
    );
    for m in paused {
        text.push_str(&format!(
            "  {:width$}  {} ({} – {})\n",
            m.id.as_str(),
            m.name,
            m.start,
            m.end
        ));
    }
    text
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

/// `ger-planner schedule FILE [-o OUT] [--json] [--today DATE]`: the moves that make the
/// roadmap feasible, with their reasons, and what cannot be fixed; with `OUT`, the rescheduled
/// roadmap written there. Exit status 0 when it ran, 2 when the file cannot be read or OUT
/// cannot be written (then it is left as it was).
pub fn schedule(path: &Path, output: Option<&Path>, json: bool, today: NaiveDate) -> Outcome {
    let roadmap = match format::read_file(path) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let proposed = analysis::schedule(&roadmap, Some(today));
    let mut stderr = String::new();
    if let Some(output) = output {
        if let Err(err) = format::write_file(output, &proposed.applied_to(&roadmap)) {
            return Outcome {
                stdout: String::new(),
                stderr: format!("error: cannot write {}: {err}\n", output.display()),
                status: EXIT_INVALID,
            };
        }
        stderr = format!("wrote {}\n", output.display());
    }
    let stdout = if json {
        schedule_json(&roadmap, &proposed)
    } else {
        schedule_text(&path.display().to_string(), &roadmap, &proposed)
    };
    Outcome {
        stdout,
        stderr,
        status: EXIT_CLEAN,
    }
}

/// `{"moves":[{"mission","from_start","to_start","from_end","to_end","reasons":[…]}],
/// "unfixable":[{"missions":[…],"reason"}]}`, dates as `YYYY-MM-DD`.
fn schedule_json(roadmap: &Roadmap, proposed: &Schedule) -> String {
    #[derive(Serialize)]
    struct MoveJson<'a> {
        mission: &'a str,
        from_start: String,
        to_start: String,
        from_end: String,
        to_end: String,
        reasons: Vec<String>,
    }
    #[derive(Serialize)]
    struct Report<'a> {
        moves: Vec<MoveJson<'a>>,
        unfixable: &'a [analysis::Unfixable],
    }
    let moves = (proposed.moves.iter())
        .map(|m| MoveJson {
            mission: m.mission(roadmap).map_or("", |m| m.id.as_str()),
            from_start: m.from_start.to_string(),
            to_start: m.to_start.to_string(),
            from_end: m.from_end.to_string(),
            to_end: m.to_end.to_string(),
            reasons: m.reason_texts(roadmap),
        })
        .collect();
    to_json(&Report {
        moves,
        unfixable: &proposed.unfixable,
    })
}

/// The moves, one per line with its reasons, then what cannot be fixed.
fn schedule_text(file: &str, roadmap: &Roadmap, proposed: &Schedule) -> String {
    let mut text = match proposed.moves.len() {
        0 => format!("{file}: nothing to move\n"),
        n => format!("{file}: {} to move\n", plural(n, "mission")),
    };
    for m in &proposed.moves {
        text.push_str(&format!("  {}\n", m.describe(roadmap)));
    }
    if !proposed.unfixable.is_empty() {
        text.push_str("\nCannot be fixed by moving missions later:\n");
        for u in &proposed.unfixable {
            text.push_str(&format!("  {}\n", u.reason));
        }
    }
    text
}

/// What `export` draws: DESIGN §4's options, and a saved view to start from.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// First year shown (from its first day).
    pub from: Option<i32>,
    /// Last year shown (to its last day).
    pub to: Option<i32>,
    /// Width in pixels (PNG), or of the page laid out (SVG, PDF).
    pub width: Option<u32>,
    /// What the lanes are.
    pub group_by: Option<GroupBy>,
    /// A saved view of the roadmap (by id): its range, lanes and filters, unless the options
    /// above say otherwise.
    pub view: Option<String>,
    /// The day the snapshot is of: its date, its today line, the dates it has overtaken.
    pub today: NaiveDate,
    /// Draw the outlook: each bar fades out to its P80 end (the outlook's default runs and
    /// seed).
    pub outlook: bool,
    /// A deck gets a slide more for each saved view, titled with the view's name.
    pub views: bool,
}

/// `ger-planner export FILE -o OUT [--from YEAR] [--to YEAR] [--width PX] [--group-by …]`:
/// writes a snapshot (`.svg`, `.png`, `.pdf`) or the mission table (`.csv`), by OUT's
/// extension. A bad file, an unknown extension, a bad option or a path that cannot be written
/// exits with 2, and never leaves a partial file.
pub fn export(file: &Path, out: &Path, options: &ExportOptions) -> Outcome {
    let roadmap = match format::read_file(file) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let failure = |message: String| Outcome {
        stdout: String::new(),
        stderr: format!("error: {message}\n"),
        status: EXIT_INVALID,
    };
    let is_csv = out
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("csv"));
    let is_deck = out
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("pptx"));
    if options.views && !is_deck {
        return failure(format!(
            "{}: --views makes a slide per saved view, for a PowerPoint deck (.pptx) only",
            out.display()
        ));
    }
    let is_page = out.extension().is_some_and(|e| {
        let e = e.to_string_lossy();
        e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
    });
    let picture = if is_deck {
        Some(Picture::Deck)
    } else if is_page {
        Some(Picture::Page)
    } else {
        SnapshotFormat::of_path(out).map(Picture::Snapshot)
    };
    let (bytes, what) = if is_csv {
        let text = format::missions_to_csv(&roadmap.missions);
        (text.into_bytes(), plural(roadmap.missions.len(), "mission"))
    } else if let Some(picture) = picture {
        match export_snapshot(&roadmap, picture, options) {
            Ok(done) => done,
            Err(message) => return failure(message),
        }
    } else {
        return failure(format!(
            "{}: cannot tell the format from the extension (expected .svg, .png, .pdf, .pptx, \
             .html or .csv)",
            out.display()
        ));
    };
    match format::write_atomically(out, &bytes) {
        Ok(()) => Outcome {
            stdout: format!("{}: {what} written\n", out.display()),
            stderr: String::new(),
            status: EXIT_CLEAN,
        },
        Err(err) => failure(format!("cannot write {}: {err}", out.display())),
    }
}

/// What `export` draws the chart as.
#[derive(Clone, Copy)]
enum Picture {
    /// A snapshot in SVG, PNG or PDF.
    Snapshot(SnapshotFormat),
    /// A PowerPoint deck of native shapes.
    Deck,
    /// A self-contained interactive HTML page.
    Page,
}

/// A snapshot of `roadmap` as `options` ask, and what it shows in a few words.
fn export_snapshot(
    roadmap: &Roadmap,
    picture: Picture,
    options: &ExportOptions,
) -> Result<(Vec<u8>, String), String> {
    let view = match &options.view {
        Some(id) => Some(
            roadmap
                .views
                .iter()
                .find(|v| v.id.as_str() == id)
                .ok_or_else(|| {
                    let known: Vec<&str> = roadmap.views.iter().map(|v| v.id.as_str()).collect();
                    if known.is_empty() {
                        format!("no view {id:?}: the roadmap has no saved views")
                    } else {
                        format!("no view {id:?} (the roadmap has {})", known.join(", "))
                    }
                })?,
        ),
        None => None,
    };
    let (view_time, mut showing) = match view {
        Some(view) => {
            let (time, showing) = saved_view(view);
            (Some(time), showing)
        }
        None => (None, Showing::default()),
    };
    if let Some(group_by) = options.group_by {
        showing.group_by = group_by;
    }
    let time = export_range(roadmap, &showing, view_time, options)?;
    let width = options.width.unwrap_or(DEFAULT_WIDTH);
    let today = options.today;
    let conflicts = find_conflicts_on(roadmap, today);
    let arrangement = arrange(roadmap, &conflicts, &showing, None);
    let title = view.map_or(roadmap.title.as_str(), |v| v.name.as_str());
    let outlook = options.outlook.then(|| {
        let options = analysis::OutlookOptions {
            runs: analysis::DEFAULT_RUNS,
            seed: analysis::DEFAULT_SEED,
            today: Some(today),
            focus: None,
        };
        analysis::outlook(
            roadmap,
            &crate::bundled::bundled_slips(),
            &options,
            &Default::default(),
        )
    });
    let outlook = outlook.flatten();
    let snapshot_view = SnapshotView::new(roadmap, &arrangement, time, title, &showing, today)
        .with_outlook(outlook.as_ref());
    let bytes = match picture {
        Picture::Snapshot(format) => snapshot(&snapshot_view, format, width),
        Picture::Page => snapshot_page(&snapshot_view, width).map(String::into_bytes),
        Picture::Deck if options.views => {
            // Each saved view as the window shows it: its range, lanes and filters.
            let saved: Vec<_> = (roadmap.views.iter())
                .map(|v| {
                    let (time, showing) = saved_view(v);
                    let arrangement = arrange(roadmap, &conflicts, &showing, None);
                    (v, time, showing, arrangement)
                })
                .collect();
            let mut views = vec![snapshot_view];
            views.extend(saved.iter().map(|(v, time, showing, arrangement)| {
                SnapshotView::new(roadmap, arrangement, *time, &v.name, showing, today)
                    .with_outlook(outlook.as_ref())
            }));
            snapshot_deck(&views, width)
        }
        Picture::Deck => snapshot_deck(&[snapshot_view], width),
    }
    .map_err(|err| err.to_string())?;
    let shown = plural(
        roadmap.missions.iter().filter(|m| showing.shows(m)).count(),
        "mission",
    );
    let what = match picture {
        Picture::Deck if options.views => format!(
            "deck of {} ({shown} shown on the first)",
            plural(1 + roadmap.views.len(), "slide")
        ),
        Picture::Deck => format!("deck of {shown} shown"),
        Picture::Snapshot(_) => format!("snapshot of {shown} shown"),
        Picture::Page => format!("interactive page of {shown} shown"),
    };
    Ok((bytes, what))
}

/// The time range to export: the years asked for, else the saved view's (`view_time`), else
/// every mission shown.
fn export_range(
    roadmap: &Roadmap,
    showing: &Showing,
    view_time: Option<TimeView>,
    options: &ExportOptions,
) -> Result<TimeView, String> {
    let fitted = match view_time.or_else(|| fit_all(roadmap, showing)) {
        Some(time) => time,
        None => return Err("no mission to show: give --from and --to".to_owned()),
    };
    let year_start = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .map(day_number)
            .ok_or_else(|| format!("{year} is not a year that can be shown"))
    };
    let first = match options.from {
        Some(year) => year_start(year)?,
        None => fitted.min,
    };
    let last = match options.to {
        Some(year) => year_start(year.saturating_add(1))?,
        None => fitted.min + fitted.span,
    };
    if last <= first {
        return Err(format!(
            "the range ends before it starts (--from {} --to {})",
            options.from.map_or("…".to_owned(), |y| y.to_string()),
            options.to.map_or("…".to_owned(), |y| y.to_string())
        ));
    }
    Ok(TimeView::between(first, last))
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

/// One line per conflict, errors first, for a person; `hidden` accepted conflicts are counted
/// in a last line.
fn conflicts_text(file: &str, mission_count: usize, listed: &[Listed], hidden: usize) -> String {
    let accepted_note = match hidden {
        0 => String::new(),
        n => format!(
            "{} not listed (--strict lists {})\n",
            plural(n, "accepted conflict"),
            if n == 1 { "it" } else { "them" }
        ),
    };
    if listed.is_empty() {
        return format!("{file}: no conflicts among {mission_count} missions\n{accepted_note}");
    }
    let mut text = format!(
        "{file}: {} among {mission_count} missions\n",
        severity_counts(listed.iter().map(|l| l.conflict))
    );
    let width = listed
        .iter()
        .map(|l| l.conflict.kind.name().len())
        .max()
        .unwrap_or(0);
    for (severity, heading) in [(Severity::Error, "Errors"), (Severity::Warning, "Warnings")] {
        let of_severity: Vec<&Listed> = listed
            .iter()
            .filter(|l| l.conflict.severity == severity)
            .collect();
        if of_severity.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{heading}:\n"));
        for l in of_severity {
            let accepted = l
                .accepted
                .map(|reason| format!(" [accepted: {reason}]"))
                .unwrap_or_default();
            text.push_str(&format!(
                "  {:width$}  {}{accepted}\n",
                l.conflict.kind.name(),
                l.conflict.message
            ));
        }
    }
    text.push_str(&accepted_note);
    text
}

/// "2 errors and 1 warning".
fn severity_counts<'c>(conflicts: impl IntoIterator<Item = &'c Conflict>) -> String {
    let (errors, warnings) = count_by_severity(conflicts);
    format!(
        "{} and {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
