//! The roadmap that ships inside the program: the GER 2026 status, opened when no file is given.

use crate::format::{self, ReadError};
use crate::model::Roadmap;

/// How the bundled roadmap is named in messages and window titles.
pub const BUNDLED_NAME: &str = "ger-2026-status.json (bundled)";

const BUNDLED_TEXT: &str = include_str!("../roadmaps/ger-2026-status.json");

/// The bundled GER 2026 status roadmap. A test reads it, so an error here means a broken build.
pub fn bundled_roadmap() -> Result<Roadmap, ReadError> {
    format::read_str(BUNDLED_TEXT, BUNDLED_NAME)
}
