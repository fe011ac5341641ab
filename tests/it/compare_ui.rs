//! Compare mode and the mission table in the window, driven through the real app: the ghost of a
//! moved mission, the Changes panel, and a CSV import whose report is seen before anything
//! changes.

use crate::common;

use std::path::Path;

use common::ui::{app_harness, assert_selected};
use common::with_dates;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::format;
use ger_planner::model::Roadmap;

const ARTEMIS_III: &str = "Artemis III — crewed docking test in Earth orbit";

/// Writes `roadmap` to `name` in a new temporary folder.
fn written(roadmap: &Roadmap, name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join(name);
    format::write_file(&path, roadmap).unwrap_or_else(|err| panic!("{err}"));
    (dir, path)
}

#[test]
fn compare_mode_shows_the_ghost_of_a_moved_mission_and_lists_the_change() {
    // The baseline had Artemis III a year earlier than the open roadmap.
    let baseline = with_dates(
        bundled_roadmap().unwrap_or_else(|err| panic!("{err}")),
        "artemis-3",
        "2026-06-01",
        "2026-07-01",
    );
    let (_dir, path) = written(&baseline, "last-edition.json");

    let mut harness = app_harness();
    let ghost = format!("{ARTEMIS_III} in the baseline");
    assert!(harness.query_by_label(&ghost).is_none());
    harness.state_mut().compare_with(&path);
    harness.run();

    let ghost_rect = harness.get_by_label(&ghost).rect();
    let bar_rect = harness.get_by_label(ARTEMIS_III).rect();
    assert!(
        ghost_rect.left() < bar_rect.left() - 50.0,
        "the ghost is a year to the left: {ghost_rect:?} vs {bar_rect:?}"
    );
    assert!(
        (ghost_rect.center().y - bar_rect.center().y).abs() < 1.0,
        "on the same row"
    );

    let change = harness.get_by_label_contains(
        "Artemis III — crewed docking test in Earth orbit moved from 2026-06-01 – 2026-07-01 to 2027-06-01",
    );
    change.click();
    harness.run();
    // Clicking the change selects the mission.
    assert_selected(&harness, &["artemis-3"]);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(
        harness.query_by_label(&ghost).is_none(),
        "leaving compare mode removes the ghost"
    );
}

#[test]
fn a_table_import_reports_bad_rows_first_then_merges_undoably() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut table = format::missions_to_csv(&roadmap.missions[..5]);
    // Row 7 (a new mission) has an impossible date; row 8 is a new mission that reads.
    table.push_str("new-1,New one,leo,robotic,planned,,2031-02-30,2031-03-01,ESA,,,,,\n");
    table.push_str("new-2,New two,leo,robotic,planned,,2031-01-01,2031-03-01,ESA,,,,,\n");
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("table.csv");
    std::fs::write(&path, table).unwrap_or_else(|err| panic!("{err}"));

    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    harness.state_mut().read_table(Path::new(&path));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("line 7, column start: \"2031-02-30\" is not a day")
            .is_some(),
        "the bad row is reported with its line and column"
    );
    assert_eq!(
        harness.state().roadmap(),
        &before,
        "nothing imported before the choice"
    );

    harness.get_by_label("Merge into this roadmap").click();
    harness.run();
    let ids: Vec<&str> = harness
        .state()
        .roadmap()
        .missions
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids.len(), before.missions.len() + 1);
    assert_eq!(ids.last(), Some(&"new-2"));
    assert!(!ids.contains(&"new-1"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &before,
        "one undo takes the import back"
    );
}

#[test]
fn a_table_opened_as_a_new_roadmap_keeps_what_its_missions_refer_to() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("missions.csv");
    std::fs::write(&path, format::missions_to_csv(&roadmap.missions))
        .unwrap_or_else(|err| panic!("{err}"));

    let mut harness = app_harness();
    let conflicts_before = harness.state().conflicts().to_vec();
    harness.state_mut().read_table(&path);
    harness.run();
    harness.get_by_label("Open as a new roadmap").click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.roadmap().missions, roadmap.missions);
    assert_eq!(state.roadmap().resources, roadmap.resources);
    assert_eq!(
        state.conflicts(),
        conflicts_before.as_slice(),
        "no reference is lost"
    );
    assert_eq!(
        state.file_name(),
        "Untitled",
        "a new roadmap, not the bundled file"
    );
    assert!(state.is_modified(), "not saved anywhere yet");
}
