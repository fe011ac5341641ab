//! What went wrong reading a file, said the way a compiler says it: `file:line:column: message`.

use std::fmt;

/// A file that could not be read as a roadmap.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ReadError {
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file, 1-based; `None` when the problem is the file as a whole.
    pub position: Option<Position>,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// A place in a text file, both numbers 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column (in characters), from 1.
    pub column: usize,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(Position { line, column }) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl ReadError {
    pub(super) fn from_json(file: &str, err: &serde_json::Error) -> Self {
        let full = err.to_string();
        // serde_json appends " at line L column C"; we show the position our own way.
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full);
        let message = match err.classify() {
            serde_json::error::Category::Eof => format!("the file ends too early ({message})"),
            _ => message.to_owned(),
        };
        let position = (err.line() > 0).then(|| Position {
            line: err.line(),
            // serde_json's column is the 1-based column of the last character it read; a column
            // of 0 means the start of the line.
            column: err.column().max(1),
        });
        Self {
            file: file.to_owned(),
            position,
            message,
        }
    }

    /// A file with merge markers in it is a merge left to resolve: said as such, at its first
    /// conflict, rather than as the JSON error the first marker would give.
    pub(super) fn merge_markers(file: &str, text: &str) -> Option<Self> {
        let (line, message) = match super::markers::split_markers(text)? {
            Ok(marked) => {
                let count = marked.lines.len();
                let lines: Vec<String> = marked.lines.iter().map(ToString::to_string).collect();
                (
                    marked.lines[0],
                    format!(
                        "{} (at {} {}): open the file in GER Planner to resolve {}, or keep \
                         one side of each by hand",
                        crate::model::plural(count, "unresolved merge conflict"),
                        if count == 1 { "line" } else { "lines" },
                        lines.join(", "),
                        if count == 1 { "it" } else { "them" },
                    ),
                )
            }
            Err(problem) => (
                problem.line,
                format!("broken merge markers: {}", problem.message),
            ),
        };
        Some(Self {
            file: file.to_owned(),
            position: Some(Position { line, column: 1 }),
            message,
        })
    }

    /// A roadmap is a JSON object; anything else (an array, a number) is refused at its first
    /// character rather than with whatever serde would make of it.
    pub(super) fn not_an_object(file: &str, text: &str) -> Option<Self> {
        let (offset, first) = text.char_indices().find(|(_, c)| !c.is_whitespace())?;
        if first == '{' {
            return None;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some(Self {
            file: file.to_owned(),
            position: Some(Position { line, column }),
            message: format!("expected a roadmap object starting with `{{`, found `{first}`"),
        })
    }

    /// A problem with the file as a whole.
    pub fn whole_file(file: &str, message: &str) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            message: message.to_owned(),
        }
    }

    pub(super) fn io(file: &str, err: &std::io::Error) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            message: format!("cannot read the file: {err}"),
        }
    }

    /// A file of `size` bytes, over the `limit` read.
    pub(super) fn too_large(file: &str, size: u64, limit: u64) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            message: format!(
                "the file is {} MiB; roadmap files are at most {} MiB",
                size / (1024 * 1024),
                limit / (1024 * 1024)
            ),
        }
    }

    pub(super) fn not_utf8(file: &str, err: &std::string::FromUtf8Error) -> Self {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Self {
            file: file.to_owned(),
            position: Some(Position { line, column }),
            message: "expected UTF-8 text, found a byte that is not UTF-8".to_owned(),
        }
    }
}
