//! Comparing two versions of a roadmap: hand-made pairs for each kind of difference, and the
//! 2020 plan against the 2026 status.

use crate::common;

use common::*;
use ger_planner::analysis::{Difference, diff};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::format;
use ger_planner::model::{Contribution, MissionStatus, Roadmap};

fn sample(name: &str) -> Roadmap {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("roadmaps")
        .join(name);
    format::read_file(&path).unwrap_or_else(|err| panic!("{err}"))
}

fn contributes(
    mut mission: ger_planner::model::Mission,
    agency: &str,
    role: &str,
) -> ger_planner::model::Mission {
    mission.contributors.push(Contribution {
        agency: agency.into(),
        role: role.to_owned(),
    });
    mission
}

#[test]
fn a_roadmap_compared_with_itself_has_no_differences() {
    for name in ["ger-2020-plan.json", "ger-2026-status.json"] {
        let roadmap = sample(name);
        let result = diff(&roadmap, &roadmap);
        assert!(result.is_empty(), "{name}: {:#?}", result.differences);
        assert_eq!(result.summary.moved, 0);
        assert_eq!(result.summary.median_slip_months, None);
    }
}

#[test]
fn moving_one_mission_is_one_move_by_the_right_number_of_days() {
    let old = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let new = with_dates(old.clone(), "artemis-3", "2028-03-01", "2028-03-31");
    let result = diff(&old, &new);
    assert_eq!(
        result.differences,
        [Difference::Moved {
            mission: "artemis-3".into(),
            name: "Artemis III — crewed docking test in Earth orbit".to_owned(),
            old_start: date("2027-06-01"),
            old_end: date("2027-06-14"),
            new_start: date("2028-03-01"),
            new_end: date("2028-03-31"),
            start_days: 274,
            end_days: 291,
        }]
    );
    assert_eq!(result.summary.moved, 1);
    assert_eq!(result.summary.median_slip_days, Some(274));
    assert_eq!(result.summary.median_slip_months, Some(9));
    assert!(
        result.differences[0]
            .describe()
            .contains("starts 274 days later, about 9 months"),
        "{}",
        result.differences[0].describe()
    );
}

#[test]
fn added_removed_renamed_and_changed_missions_are_each_reported() {
    let old = roadmap(vec![
        mission("kept", "2030-01-01", "2030-02-01"),
        mission("gone", "2030-01-01", "2030-02-01"),
        contributes(
            contributes(
                mission("team", "2030-01-01", "2030-02-01"),
                "ESA",
                "Service module",
            ),
            "JAXA",
            "Rover",
        ),
    ]);
    let mut kept = with_status(
        to(
            led_by(mission("kept", "2030-01-01", "2030-02-01"), "ESA"),
            "mars",
        ),
        MissionStatus::Cancelled,
    );
    kept.name = "Kept, renamed".to_owned();
    let new = roadmap(vec![
        kept,
        contributes(
            contributes(
                mission("team", "2030-01-01", "2030-02-01"),
                "ESA",
                "Airlock",
            ),
            "CSA",
            "Robotic arm",
        ),
        mission("new", "2031-01-01", "2031-02-01"),
    ]);
    let result = diff(&old, &new);
    let described: Vec<String> = result.differences.iter().map(|d| d.describe()).collect();
    assert_eq!(
        described,
        [
            "Mission kept renamed Kept, renamed",
            "Kept, renamed: planned → cancelled",
            "Kept, renamed: goes to mars instead of moon",
            "Kept, renamed: led by ESA instead of NASA",
            "Mission team: CSA contributes Robotic arm",
            "Mission team: ESA contributes Airlock instead of Service module",
            "Mission team: JAXA no longer contributes Rover",
            "Mission new added",
            "Mission gone removed",
        ]
    );
    let summary = &result.summary;
    assert_eq!(
        (
            summary.moved,
            summary.cancelled,
            summary.added,
            summary.removed
        ),
        (0, 1, 1, 1)
    );
}

#[test]
fn a_mission_extended_at_its_end_moved_but_did_not_slip() {
    let old = roadmap(vec![
        mission("extended", "2030-01-01", "2030-02-01"),
        mission("late", "2030-01-01", "2030-02-01"),
    ]);
    let new = roadmap(vec![
        mission("extended", "2030-01-01", "2035-02-01"),
        mission("late", "2030-03-02", "2030-04-02"),
    ]);
    let summary = diff(&old, &new).summary;
    assert_eq!(summary.moved, 2);
    assert_eq!(
        summary.median_slip_days,
        Some(60),
        "only the start that moved"
    );
}

#[test]
fn from_the_2020_plan_to_the_2026_status_most_missions_slipped() {
    let result = diff(
        &sample("ger-2020-plan.json"),
        &sample("ger-2026-status.json"),
    );
    assert_eq!(
        result.summary.describe(),
        "43 missions moved, median slip 29 months, 3 cancelled, 4 paused, 29 added, 0 removed"
    );
    let became = |status: MissionStatus| -> Vec<&str> {
        (result.differences.iter())
            .filter_map(|d| match d {
                Difference::StatusChanged {
                    mission,
                    new_status,
                    ..
                } if *new_status == status => Some(mission.as_str()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        became(MissionStatus::Cancelled),
        ["heracles", "msr-srl", "msr-ero"],
        "HERACLES and Mars Sample Return (VIPER was revived)"
    );
    assert_eq!(
        became(MissionStatus::Paused),
        ["gateway-ppe-halo", "i-hab", "esprit", "canadarm3"],
        "the Gateway elements of the 2020 plan (its airlock came later)"
    );
}
