//! What a command gives back: what it prints and the status it exits with.

use serde::Serialize;

use std::path::Path;

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
    /// This outcome with a roadmap's `text` written to `output` (atomically), or printed when
    /// there is none; `json`, when asked for, is printed in its place. A file that cannot be
    /// written makes it exit with 2 and say why.
    pub(super) fn deliver(
        mut self,
        output: Option<&Path>,
        text: &str,
        json: Option<String>,
    ) -> Self {
        match output {
            Some(out) => {
                if let Err(err) = format::write_atomically(out, text.as_bytes()) {
                    self.stderr = format!("error: cannot write {}: {err}\n", out.display());
                    self.status = EXIT_INVALID;
                    return self;
                }
            }
            None => self.stdout = text.to_owned(),
        }
        if let Some(json) = json {
            self.stdout = json;
        }
        self
    }

    /// A file that could not be read: its message on standard error, exit status 2.
    pub(super) fn unreadable(err: &ReadError) -> Self {
        Self {
            stdout: String::new(),
            stderr: format!("error: {err}\n"),
            status: EXIT_INVALID,
        }
    }
}

/// A value as pretty JSON and a newline.
pub(super) fn to_json(value: &impl Serialize) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => text + "\n",
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}
