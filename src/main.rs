//! `ger-planner`: parses the command line, then runs a headless command or opens the window.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ger_planner::cli;

/// Plan the Global Exploration Roadmap: missions, agencies, dependencies, and what a change breaks.
#[derive(Parser)]
#[command(name = "ger-planner", version, args_conflicts_with_subcommands = true)]
struct Args {
    /// Roadmap to open (else the bundled GER 2026 status roadmap).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a roadmap and list its conflicts. Exit status: 0 none, 1 conflicts, 2 unreadable.
    Check {
        /// The roadmap file (JSON, format version 1).
        file: PathBuf,
        /// Print the conflicts as JSON: {"conflicts":[…]}.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let outcome = match args.command {
        Some(Command::Check { file, json }) => cli::check(&file, json),
        None => cli::summary(args.file.as_deref()),
    };
    // A closed pipe (`| head`) is not an error worth a panic: the reader has what it wanted.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.status)
}
