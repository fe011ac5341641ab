//! The roadmap that ships inside the program: the GER 2026 status, opened when no file is given.

use crate::format::{self, ReadError};
use crate::model::{Roadmap, SlipModel};

/// How the bundled roadmap is named in messages and window titles.
pub const BUNDLED_NAME: &str = "ger-2026-status.json (bundled)";

/// The slips the program ships with: the GER 2020 plan against the 2026 status.
const BUNDLED_SLIPS: &str = include_str!("../assets/slips.json");

const BUNDLED_TEXT: &str = include_str!("../roadmaps/ger-2026-status.json");

/// The bundled GER 2026 status roadmap. A test reads it, so an error here means a broken build.
pub fn bundled_roadmap() -> Result<Roadmap, ReadError> {
    format::read_str(BUNDLED_TEXT, BUNDLED_NAME)
}

/// The slips the outlook draws from when none are given: the GER 2020 plan against the 2026
/// status, as `ger-planner calibrate` measured them. None, should the file shipped be broken
/// (a test reads it).
pub fn bundled_slips() -> SlipModel {
    format::read_slips(BUNDLED_SLIPS, "slips.json (bundled)").unwrap_or_else(|_| SlipModel::none())
}
