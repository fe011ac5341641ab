//! `ger-planner`: parses the command line, then runs a headless command or opens the window.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use ger_planner::cli;
use ger_planner::layout::GroupBy;
use ger_planner::ui::GerApp;

/// Plan the Global Exploration Roadmap: missions, agencies, dependencies, and what a change breaks.
#[derive(Parser)]
#[command(name = "ger-planner", version, args_conflicts_with_subcommands = true)]
struct Args {
    /// Roadmap to open (else the last one opened, else the bundled GER 2026 status roadmap).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a roadmap and list its conflicts. Exit status: 0 none (accepted ones aside), 1
    /// conflicts, 2 unreadable.
    Check {
        /// The roadmap file (JSON, format version 1 or 2).
        file: PathBuf,
        /// Print the conflicts as JSON: {"conflicts":[…]}.
        #[arg(long)]
        json: bool,
        /// The day taken as today, YYYY-MM-DD [default: the system date]: a mission not flown
        /// that starts before it, or a flown one that starts after it, is a date-overtaken
        /// warning. Fix it to make a check reproducible.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// List the conflicts the roadmap accepts too, and count them for the exit status.
        #[arg(long)]
        strict: bool,
    },
    /// Write a snapshot of the roadmap (.svg, .png, .pdf), an editable PowerPoint deck of
    /// native shapes that carries the roadmap (.pptx), a self-contained interactive page
    /// (.html), or its mission table (.csv), by OUT's extension. Exit status: 0 written, 2
    /// unreadable file or bad option.
    Export {
        /// The roadmap file.
        file: PathBuf,
        /// Where to write; never left half-written.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// First year shown (default: the first mission shown, or the view's range).
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9998))]
        from: Option<i32>,
        /// Last year shown, whole.
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9998))]
        to: Option<i32>,
        /// Width in pixels of a PNG, or of the page an SVG, PDF, deck or HTML page is laid out
        /// for [default: 1920].
        #[arg(long, value_name = "PX")]
        width: Option<u32>,
        /// What the lanes are [default: destination].
        #[arg(long, value_name = "LANES")]
        group_by: Option<Lanes>,
        /// Start from a saved view of the roadmap, by id (its range, lanes and filters).
        #[arg(long, value_name = "ID")]
        view: Option<String>,
        /// The day the snapshot is of, YYYY-MM-DD [default: the system date].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Draw the outlook: each bar fades out to the date by which 80 % of the outlook's
        /// runs have ended it.
        #[arg(long)]
        outlook: bool,
        /// With a .pptx: after the chart, a slide for each saved view, titled with its name.
        #[arg(long)]
        views: bool,
    },
    /// The roadmap a deck exported by GER Planner carries, with each mission whose bar was
    /// moved or resized in PowerPoint given the dates its bar now shows. Shapes deleted from
    /// the slide are reported (the missions stay); shapes added are counted and left out. Exit
    /// status: 0 read, 2 not a GER Planner deck or unreadable (OUT left alone).
    Import {
        /// The deck (.pptx).
        deck: PathBuf,
        /// Where to write the roadmap; never left half-written.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Print {"changes":[{"mission","from_start","to_start","from_end","to_end"}],
        /// "missing":[ids],"added_shapes":N}.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two versions of a roadmap, matched by mission id. Exit status: 0
    /// identical, 1 different, 2 unreadable.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// Print the differences and the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The earliest feasible dates: every mission that may move (not flown, cancelled or
    /// fixed) placed after its dependencies, in its launch windows, within its resources' and
    /// agency's limits; each move with its reasons. Exit status: 0 ran, 2 unreadable file or
    /// OUT not written.
    Schedule {
        /// The roadmap file.
        file: PathBuf,
        /// Write the rescheduled roadmap here (may be FILE itself).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the moves and what cannot be fixed as JSON.
        #[arg(long)]
        json: bool,
        /// The day taken as today, YYYY-MM-DD [default: the system date]: no mission that may
        /// move is placed before it.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// How likely each date is: many runs, each delaying every mission by a slip drawn from
    /// its start estimate (else from the slips measured for its status and kind) and spreading
    /// it through dependencies, launch windows and resources. Prints the P50 and P80 starts
    /// and ends and the chance of starting on time. Exit status: 0 ran, 2 unreadable file.
    Outlook {
        /// The roadmap file.
        file: PathBuf,
        /// How many runs.
        #[arg(long, value_name = "N", default_value_t = ger_planner::analysis::DEFAULT_RUNS as u32,
              value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
        runs: u32,
        /// The seed of the runs' random streams: the same seed gives the same outlook.
        #[arg(long, value_name = "S", default_value_t = ger_planner::analysis::DEFAULT_SEED)]
        seed: u64,
        /// Print the outlook as JSON.
        #[arg(long)]
        json: bool,
        /// The day taken as today, YYYY-MM-DD [default: the system date]: no mission that may
        /// move starts before it.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Slips to draw from, as written by `calibrate` [default: the GER 2020 plan against
        /// the 2026 status, shipped with the program].
        #[arg(long, value_name = "FILE")]
        slips: Option<PathBuf>,
        /// A mission, by id: each other mission's share of runs in which it sets this one's
        /// start (its criticality).
        #[arg(long, value_name = "ID")]
        focus: Option<String>,
    },
    /// Measure how late missions start in a later version of a roadmap than in an earlier one:
    /// the slips `outlook` draws from. Exit status: 0 written, 2 unreadable file or OUT not
    /// written.
    Calibrate {
        /// The earlier roadmap.
        old: PathBuf,
        /// The later roadmap.
        new: PathBuf,
        /// Where to write the slips [default: standard output]; never half-written.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Merge two versions of a roadmap made from a common one, by id and field (git's merge
    /// driver for roadmaps). Exit status: 0 merged, 1 merge conflicts left (written with
    /// markers), 2 unreadable input.
    Merge {
        /// The version both sides started from (empty: both added the file).
        base: PathBuf,
        /// Our version (git's %A).
        ours: PathBuf,
        /// Their version, merged in.
        theirs: PathBuf,
        /// Where to write the merged roadmap [default: standard output]; never half-written.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the merge conflicts and the roadmap conflicts the merge made as JSON (the
        /// roadmap then needs -o).
        #[arg(long, requires = "output")]
        json: bool,
        /// Characters in a conflict marker (git's %L).
        #[arg(long, value_name = "N", default_value_t = 7,
              value_parser = clap::value_parser!(u16).range(7..=100))]
        marker_size: u16,
    },
    /// Apply the agencies' updates (copies of BASE each agency edited) to BASE, change by
    /// change. Where updates change the same value differently, BASE's value is kept and the
    /// conflict is listed. Exit status: 0 all applied, 1 conflicts left, 2 unreadable file.
    Integrate {
        /// The roadmap the copies were made from.
        base: PathBuf,
        /// The returned copies.
        #[arg(required = true, num_args = 1..)]
        updates: Vec<PathBuf>,
        /// Where to write the result [default: standard output]; never half-written.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print each update's changes, the conflicts left and the roadmap conflicts the
        /// result has that no input had, as JSON (the roadmap then needs -o).
        #[arg(long, requires = "output")]
        json: bool,
    },
    /// Set up the repository around the current folder to merge roadmaps by meaning: the
    /// .gitattributes line and the merge driver. Running it again changes nothing.
    GitSetup {
        /// The files merged as roadmaps (others among them are merged as text).
        #[arg(default_value = cli::DEFAULT_PATTERN)]
        pattern: String,
    },
}

/// The lanes `--group-by` can ask for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Lanes {
    /// One lane per destination.
    Destination,
    /// One lane per agency.
    Agency,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let outcome = match args.command {
        Some(Command::Check {
            file,
            json,
            today,
            strict,
        }) => cli::check(&file, json, or_today(today), strict),
        Some(Command::Diff { old, new, json }) => cli::diff_files(&old, &new, json),
        Some(Command::Schedule {
            file,
            output,
            json,
            today,
        }) => cli::schedule(&file, output.as_deref(), json, or_today(today)),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            output,
            json,
            marker_size,
        }) => cli::merge(
            &base,
            &ours,
            &theirs,
            &cli::MergeOptions {
                output,
                json,
                marker_size: usize::from(marker_size),
            },
        ),
        Some(Command::Integrate {
            base,
            updates,
            output,
            json,
        }) => cli::integrate(&base, &updates, &cli::IntegrateOptions { output, json }),
        Some(Command::Outlook {
            file,
            runs,
            seed,
            json,
            today,
            slips,
            focus,
        }) => cli::outlook(
            &file,
            &cli::OutlookRequest {
                runs: runs as usize,
                seed,
                today: or_today(today),
                slips,
                focus,
                json,
            },
        ),
        Some(Command::Calibrate { old, new, output }) => {
            cli::calibrate(&old, &new, output.as_deref())
        }
        Some(Command::GitSetup { pattern }) => cli::git_setup(Path::new("."), &pattern),
        Some(Command::Export {
            file,
            output,
            from,
            to,
            width,
            group_by,
            view,
            today,
            outlook,
            views,
        }) => {
            let options = cli::ExportOptions {
                from,
                to,
                width,
                group_by: group_by.map(|lanes| match lanes {
                    Lanes::Destination => GroupBy::Destination,
                    Lanes::Agency => GroupBy::Agency,
                }),
                view,
                today: or_today(today),
                outlook,
                views,
            };
            cli::export(&file, &output, &options)
        }
        Some(Command::Import { deck, output, json }) => cli::import(&deck, &output, json),
        None => return open_window(args.file),
    };
    // A closed pipe (`| head`) is not an error worth a panic: the reader has what it wanted.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.status)
}

/// A date given on the command line.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    ger_planner::model::date::parse(text).map_err(|err| err.to_string())
}

/// The day given, else the system's date.
fn or_today(day: Option<NaiveDate>) -> NaiveDate {
    day.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The app's id: names its settings and its data folder (where unsaved work is autosaved).
const APP_ID: &str = "ger-planner";

fn open_window(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("GER Planner")
            .with_app_id(APP_ID)
            .with_inner_size([1500.0, 860.0])
            .with_min_inner_size([720.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let autosave_dir = eframe::storage_dir(APP_ID);
    let started = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |creation| {
            ger_planner::ui::install_fonts(&creation.egui_ctx);
            let settings = creation
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(GerApp::new(settings, file, autosave_dir)))
        }),
    );
    match started {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "error: cannot open the window: {err}");
            ExitCode::from(cli::EXIT_INVALID)
        }
    }
}
