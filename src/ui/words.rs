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

/// A day as a person says it: "1 April 2028".
pub fn day_in_words(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// A mission as a screen reader says it after its name: its status and dates, who leads and
/// contributes, and its conflicts: "planned, 1 April 2028 to 1 May 2028, led by NASA with ESA
/// (European Service Module), 1 error: Artemis IV starts …".
pub fn mission_description(
    session: &crate::ui::session::Session,
    key: crate::edit::MissionKey,
) -> String {
    let Some(mission) = session.mission(key) else {
        return String::new();
    };
    let mut parts = vec![if mission.is_milestone() {
        format!(
            "{}, on {}",
            mission.status_on(session.today()),
            day_in_words(mission.start)
        )
    } else {
        format!(
            "{}, {} to {}",
            mission.status_on(session.today()),
            day_in_words(mission.start),
            day_in_words(mission.end)
        )
    }];
    let helpers: Vec<String> = (mission.contributors.iter())
        .map(|c| match c.role.as_str() {
            "" => c.agency.to_string(),
            role => format!("{} ({role})", c.agency),
        })
        .collect();
    parts.push(match helpers.as_slice() {
        [] => format!("led by {}", mission.lead),
        _ => format!("led by {} with {}", mission.lead, helpers.join(", ")),
    });
    let conflicts: Vec<_> = session.conflicts_of(key).collect();
    for severity in [
        crate::analysis::Severity::Error,
        crate::analysis::Severity::Warning,
    ] {
        let of: Vec<&str> = (conflicts.iter())
            .filter(|c| c.severity == severity)
            .map(|c| c.message.as_str())
            .collect();
        if !of.is_empty() {
            let what = match severity {
                crate::analysis::Severity::Error => "error",
                crate::analysis::Severity::Warning => "warning",
            };
            parts.push(format!("{}: {}", plural(of.len(), what), of.join("; ")));
        }
    }
    parts.join(", ")
}
