//! The session's figures in words, as tooltips and the Mission tab say them.

use crate::analysis::{Float, MissionOutlook};
use crate::model::plural;

/// A float in words: "Float: 45 days before it delays Artemis V".
pub fn float_text(float: &Float) -> String {
    match float.days {
        None => format!("Float: unlimited ({})", float.limit),
        Some(days) if days < 0 => format!("Float: {} days late ({})", -days, float.limit),
        Some(days) => format!(
            "Float: {} {}",
            plural(days.unsigned_abs() as usize, "day"),
            float.limit
        ),
    }
}

/// One mission's outlook in words, a line each: for tooltips and the Mission tab.
pub fn outlook_lines(outlook: &MissionOutlook, runs: usize) -> Vec<String> {
    let percent = |share: f64| format!("{:.0} %", share * 100.0);
    let mut lines = if outlook.p80_start == outlook.planned_start && outlook.on_time >= 1.0 {
        vec!["Outlook: starts as planned in every run".to_owned()]
    } else {
        vec![
            format!(
                "Outlook: starts by {} (P50), {} (P80)",
                outlook.p50_start, outlook.p80_start
            ),
            format!(
                "ends by {} (P50), {} (P80)",
                outlook.p50_end, outlook.p80_end
            ),
            format!(
                "starts on time (by {}) in {} of runs",
                outlook.planned_start,
                percent(outlook.on_time)
            ),
        ]
    };
    if let Some(share) = outlook.criticality.filter(|&s| s > 0.0) {
        lines.push(format!(
            "sets the selected mission's start in {} of runs",
            percent(share)
        ));
    }
    if outlook.stranded_runs > 0 {
        lines.push(format!(
            "finds no launch window after its start in {} of runs",
            percent(outlook.stranded_runs as f64 / runs.max(1) as f64)
        ));
    }
    lines
}
