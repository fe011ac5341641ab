//! Reading a file to open, off the UI thread: a roadmap, or the merge a file with conflict
//! markers stands for.

use std::path::PathBuf;

use crate::format;
use crate::ui::done::Done;
use crate::ui::session::Resolving;

/// Reads a file to open: a roadmap, or (when a merge left conflict markers in it) the merge
/// to resolve.
pub fn read_to_open(path: PathBuf) -> Done {
    let file = path.display().to_string();
    if crate::render::pptx::is_deck_path(&path) {
        let result = std::fs::read(&path)
            .map_err(|err| err.to_string())
            .and_then(|bytes| crate::render::pptx::read_deck(&bytes).map_err(|e| e.to_string()))
            .map(Box::new)
            .map_err(|err| format!("{file}: {err}"));
        return Done::OpenedDeck { path, result };
    }
    let text = match format::read_text(&path) {
        Ok(text) => text,
        Err(err) => {
            return Done::Opened {
                path,
                result: Err(err.to_string()),
            };
        }
    };
    if format::has_markers(&text) {
        return match Resolving::from_text(&text, &file) {
            Ok(resolving) => Done::OpenedMerge {
                path,
                resolving: Box::new(resolving),
            },
            Err(err) => Done::Opened {
                path,
                result: Err(err.to_string()),
            },
        };
    }
    let result = format::read_str(&text, &file).map_err(|err| err.to_string());
    Done::Opened { path, result }
}
