//! `calibrate` (slips measured between two versions of a roadmap) and `outlook` (how likely
//! each date is).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::outcome::{EXIT_CLEAN, EXIT_INVALID, Outcome, to_json};
use crate::analysis::{self, Outlook, OutlookOptions, Progress};
use crate::bundled::bundled_slips;
use crate::format;
use crate::model::{Roadmap, plural};

/// `ger-planner calibrate OLD NEW [-o OUT]`: the slips from OLD to NEW, as JSON on standard
/// output or written to OUT (never half-written). Exit status 0, or 2 for a file that cannot
/// be read or written.
pub fn calibrate(old: &Path, new: &Path, output: Option<&Path>) -> Outcome {
    let read = |path: &Path| format::read_file(path).map_err(|err| Outcome::unreadable(&err));
    let (old_roadmap, new_roadmap) = match (read(old), read(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(outcome), _) | (_, Err(outcome)) => return outcome,
    };
    let model = analysis::calibrate(&old_roadmap, &new_roadmap);
    let text = format::slips_to_json(&model);
    let Some(output) = output else {
        return Outcome {
            stdout: text,
            stderr: String::new(),
            status: EXIT_CLEAN,
        };
    };
    if let Err(err) = format::write_atomically(output, text.as_bytes()) {
        return Outcome {
            stdout: String::new(),
            stderr: format!("error: cannot write {}: {err}\n", output.display()),
            status: EXIT_INVALID,
        };
    }
    Outcome {
        stdout: String::new(),
        stderr: format!(
            "wrote {}: {} measured\n",
            output.display(),
            plural(model.slips.len(), "slip")
        ),
        status: EXIT_CLEAN,
    }
}

/// Most starts an outlook keeps at once (runs × missions, four bytes each): a gigabyte.
const MAX_STARTS_KEPT: usize = 250_000_000;

/// What `outlook` is asked for.
#[derive(Clone, Debug)]
pub struct OutlookRequest {
    /// Runs and seed (and today).
    pub runs: usize,
    /// The seed of every run's random stream.
    pub seed: u64,
    /// The day taken as today.
    pub today: NaiveDate,
    /// Slips to draw from instead of the bundled ones.
    pub slips: Option<PathBuf>,
    /// A mission (by id) whose drivers are counted: each mission's criticality.
    pub focus: Option<String>,
    /// Print JSON.
    pub json: bool,
}

/// `ger-planner outlook FILE [--runs N] [--seed S] [--json] [--today D] [--slips F]
/// [--focus ID]`: per mission, the planned start, the P50 and P80 starts and ends, and the
/// chance of starting on time. Exit status 0, or 2 for a file that cannot be read or an
/// unknown focus.
pub fn outlook(path: &Path, request: &OutlookRequest) -> Outcome {
    let roadmap = match format::read_file(path) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    let model = match &request.slips {
        Some(slips) => match format::read_slips_file(slips) {
            Ok(model) => model,
            Err(err) => return Outcome::unreadable(&err),
        },
        None => bundled_slips(),
    };
    let focus = match &request.focus {
        Some(id) => match roadmap.missions.iter().position(|m| m.id.as_str() == id) {
            Some(i) => Some(i),
            None => {
                return Outcome {
                    stdout: String::new(),
                    stderr: format!("error: {} has no mission `{id}`\n", path.display()),
                    status: EXIT_INVALID,
                };
            }
        },
        None => None,
    };
    let kept = request.runs.saturating_mul(roadmap.missions.len().max(1));
    if kept > MAX_STARTS_KEPT {
        return Outcome {
            stdout: String::new(),
            stderr: format!(
                "error: {} runs over {} would keep {kept} starts in memory (at most {MAX_STARTS_KEPT}): \
                 use --runs {} or fewer\n",
                request.runs,
                plural(roadmap.missions.len(), "mission"),
                MAX_STARTS_KEPT / roadmap.missions.len().max(1)
            ),
            status: EXIT_INVALID,
        };
    }
    let options = OutlookOptions {
        runs: request.runs,
        seed: request.seed,
        today: Some(request.today),
        focus,
    };
    // Nothing here cancels it, so it always ends with a result.
    let Some(result) = analysis::outlook(&roadmap, &model, &options, &Progress::default()) else {
        return Outcome {
            stdout: String::new(),
            stderr: "error: the outlook was cancelled\n".to_owned(),
            status: EXIT_INVALID,
        };
    };
    let stdout = if request.json {
        outlook_json(&roadmap, &result)
    } else {
        outlook_text(&path.display().to_string(), &roadmap, &result)
    };
    Outcome {
        stdout,
        stderr: stranded_text(&roadmap, &result),
        status: EXIT_CLEAN,
    }
}

/// `{"runs":N,"seed":S,"missions":[{"id","planned_start","p50_start","p80_start","p50_end",
/// "p80_end","on_time"}]}`, plus `criticality` per mission when a focus was given.
fn outlook_json(roadmap: &Roadmap, result: &Outlook) -> String {
    #[derive(Serialize)]
    struct MissionJson<'a> {
        id: &'a str,
        planned_start: String,
        p50_start: String,
        p80_start: String,
        p50_end: String,
        p80_end: String,
        on_time: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        criticality: Option<f64>,
    }
    #[derive(Serialize)]
    struct Report<'a> {
        runs: usize,
        seed: u64,
        missions: Vec<MissionJson<'a>>,
    }
    let missions = (roadmap.missions.iter().zip(&result.missions))
        .map(|(m, o)| MissionJson {
            id: m.id.as_str(),
            planned_start: o.planned_start.to_string(),
            p50_start: o.p50_start.to_string(),
            p80_start: o.p80_start.to_string(),
            p50_end: o.p50_end.to_string(),
            p80_end: o.p80_end.to_string(),
            on_time: o.on_time,
            criticality: o.criticality,
        })
        .collect();
    to_json(&Report {
        runs: result.runs,
        seed: result.seed,
        missions,
    })
}

/// A table, one mission per line: dates first (they line up), then the name.
fn outlook_text(file: &str, roadmap: &Roadmap, result: &Outlook) -> String {
    let criticality = result.focus.is_some();
    let mut text = format!(
        "{file}: outlook of {} over {} (seed {})\n",
        plural(roadmap.missions.len(), "mission"),
        plural(result.runs, "run"),
        result.seed
    );
    text.push_str("  planned     P50 start   P80 start   P80 end     on time");
    text.push_str(if criticality {
        "  drives  mission\n"
    } else {
        "  mission\n"
    });
    for (m, o) in roadmap.missions.iter().zip(&result.missions) {
        text.push_str(&format!(
            "  {}  {}  {}  {}  {:>6.0} %",
            o.planned_start,
            o.p50_start,
            o.p80_start,
            o.p80_end,
            o.on_time * 100.0
        ));
        if criticality {
            match o.criticality {
                Some(share) => text.push_str(&format!("  {:>4.0} %", share * 100.0)),
                None => text.push_str("  focus "),
            }
        }
        text.push_str(&format!("  {}\n", m.name));
    }
    text
}

/// One warning per mission that found no later launch window in some runs.
fn stranded_text(roadmap: &Roadmap, result: &Outlook) -> String {
    (roadmap.missions.iter().zip(&result.missions))
        .filter(|(_, o)| o.stranded_runs > 0)
        .map(|(m, o)| {
            format!(
                "warning: {} found no launch window on or after its start in {} of {}: the \
                 roadmap has no later window to {}\n",
                m.name,
                o.stranded_runs,
                plural(result.runs, "run"),
                (roadmap.destinations.iter())
                    .find(|d| d.id == m.destination)
                    .map_or(m.destination.as_str(), |d| d.name.as_str())
            )
        })
        .collect()
}
