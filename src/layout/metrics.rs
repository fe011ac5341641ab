//! The chart's sizes, in pixels: the axis, rows and bars, and the room labels and icons take.

use super::text::TEXT_SIZE;

/// Height of the time axis above the lanes, holding tick labels and phase names.
pub const HEADER_HEIGHT: f32 = 44.0;
/// Height of one row of bars.
pub const ROW_HEIGHT: f32 = 24.0;
/// Height of a bar within its row.
pub const BAR_HEIGHT: f32 = 18.0;
/// Space above the first and below the last row of a lane.
pub const LANE_PADDING: f32 = 6.0;
/// Narrowest bar drawn: shorter missions are widened to it.
pub const MIN_BAR_WIDTH: f32 = 2.0;
/// Space between a label and its bar's edges.
pub const LABEL_PADDING: f32 = 5.0;
/// Room taken by the crew icon at the start of a crewed mission's bar.
pub const CREW_ICON_WIDTH: f32 = 10.0;
/// Narrowest bar that shows the crew icon.
pub const MIN_CREW_ICON_BAR: f32 = 14.0;
/// Width of a paused mission's pause sign at the start of its bar.
pub const PAUSE_SIGN_WIDTH: f32 = 7.0;
/// Side of the badge that shows a flown mission's outcome.
pub const OUTCOME_BADGE: f32 = 11.0;
/// Fewest pixels a shortened label is given: a few characters and the "…".
pub const MIN_SHORTENED_LABEL: f32 = 4.0 * TEXT_SIZE;
