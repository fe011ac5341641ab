//! The editor can be trusted: the three everyday actions that once crashed it, kept a
//! discarded edit or deleted the wrong mission, and saves that fail or find a crash's leftovers.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::format;
use ger_planner::model::Roadmap;
use ger_planner::ui::GerApp;

use common::ui::{app_harness, drag, harness_on_file, shows_modified};

fn bundled() -> Roadmap {
    bundled_roadmap().unwrap_or_else(|err| panic!("{err}"))
}

fn ids(roadmap: &Roadmap) -> Vec<&str> {
    roadmap.missions.iter().map(|m| m.id.as_str()).collect()
}

fn click(harness: &mut Harness<'_, GerApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn deleting_the_last_mission_from_the_mission_tab_removes_it_and_nothing_else() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    let last = before
        .missions
        .last()
        .unwrap_or_else(|| panic!("no missions"));
    assert_eq!(
        last.name, "MBR Explorer (Emirates Mission to the Asteroid Belt)",
        "the case reported: the last mission"
    );
    click(
        &mut harness,
        "MBR Explorer (Emirates Mission to the Asteroid Belt)",
    );
    click(&mut harness, "Mission");
    click(&mut harness, "Delete");

    let after = harness.state().roadmap();
    let mut expected = ids(&before);
    expected.pop();
    assert_eq!(
        ids(after),
        expected,
        "MBR Explorer is gone, every other mission stays"
    );
    assert!(
        harness
            .query_by_label("MBR Explorer (Emirates Mission to the Asteroid Belt)")
            .is_none(),
        "and off the chart"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &before, "and it undoes");
}

#[test]
fn discard_then_cancel_leaves_the_saved_roadmap_and_saving_writes_nothing_discarded() {
    let (_dir, path, mut harness) = harness_on_file(&bundled());
    let on_disk = std::fs::read(&path).unwrap_or_else(|err| panic!("{err}"));
    let ramses = harness
        .get_by_label("MBR Explorer (Emirates Mission to the Asteroid Belt)")
        .rect();
    drag(
        &mut harness,
        ramses.center(),
        ramses.center() + egui::vec2(150.0, 0.0),
    );
    assert_ne!(harness.state().roadmap(), &bundled(), "RAMSES moved");
    assert!(shows_modified(&harness));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    click(&mut harness, "Discard");
    assert!(
        harness.query_by_label("Open roadmap").is_some(),
        "the path prompt asks which file to open"
    );
    click(&mut harness, "Cancel");

    assert_eq!(
        harness.state().roadmap(),
        &bundled(),
        "RAMSES is back where it was saved"
    );
    assert!(!harness.state().is_modified());
    assert!(
        !shows_modified(&harness),
        "the status bar says it is saved, and it is"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(saved, on_disk, "Ctrl+S writes nothing that was discarded");
}

#[test]
fn undoing_a_duplicate_never_leaves_a_neighbour_selected() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    let hera = before
        .missions
        .iter()
        .position(|m| m.name == "Hera")
        .unwrap_or_else(|| panic!("no Hera"));
    assert_eq!(
        before.missions[hera + 1].id.as_str(),
        "tianwen-2",
        "the case reported: Tianwen-2 follows Hera"
    );
    click(&mut harness, "Hera");
    click(&mut harness, "Mission");
    click(&mut harness, "Duplicate");
    assert_eq!(
        harness.state().roadmap().missions.len(),
        before.missions.len() + 1
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &before, "the copy is undone");
    common::ui::assert_selected(&harness, &["hera"]);
    harness.key_press(Key::Delete);
    harness.run();

    let after = harness.state().roadmap();
    assert!(
        ids(after).contains(&"tianwen-2"),
        "Tianwen-2 is never deleted"
    );
    let mut expected = ids(&before);
    expected.retain(|id| *id != "hera");
    assert_eq!(
        ids(after),
        expected,
        "Hera, the mission selected, is the one deleted"
    );
}

/// Types `path` into the app's own file prompt and confirms with `button`.
fn answer_prompt(harness: &mut Harness<'_, GerApp>, path: &std::path::Path, button: &str) {
    // The prompt's field has the keyboard; Ctrl+A there selects the path suggested.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("Path of the file:")
        .type_text(&path.display().to_string());
    harness.run();
    click(harness, button);
}

#[test]
fn a_save_that_fails_says_why_keeps_the_work_and_leaves_the_file_intact() {
    let (dir, path, mut harness) = harness_on_file(&bundled());
    let on_disk = std::fs::read(&path).unwrap_or_else(|err| panic!("{err}"));
    click(&mut harness, "Artemis II");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let edited = harness.state().roadmap().clone();

    // A folder that is a file: the save cannot even begin (as root, a read-only folder would
    // not fail).
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "not a folder").unwrap_or_else(|err| panic!("{err}"));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    answer_prompt(&mut harness, &not_a_folder.join("plan.json"), "Save");
    assert!(
        harness
            .query_by_label("Could not save the roadmap")
            .is_some(),
        "the window says the save failed"
    );
    assert!(
        harness
            .query_by_label_contains("notes.txt/plan.json")
            .is_some(),
        "and where"
    );
    click(&mut harness, "OK");
    assert_eq!(harness.state().roadmap(), &edited, "no work is lost");
    assert!(harness.state().is_modified() && shows_modified(&harness));
    assert_eq!(
        harness.state().path(),
        Some(path.as_path()),
        "still the same file"
    );
    assert_eq!(
        std::fs::read(&path).ok(),
        Some(on_disk),
        "the old file is intact"
    );
}

#[test]
fn saving_into_a_folder_removed_meanwhile_fails_and_keeps_the_work() {
    let (dir, path, mut harness) = harness_on_file(&bundled());
    click(&mut harness, "Artemis II");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let edited = harness.state().roadmap().clone();
    std::fs::remove_dir_all(dir.path()).unwrap_or_else(|err| panic!("{err}"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness
            .query_by_label("Could not save the roadmap")
            .is_some()
    );
    click(&mut harness, "OK");
    assert_eq!(harness.state().roadmap(), &edited);
    assert!(shows_modified(&harness), "still unsaved, as it is");
    assert!(!path.exists());
}

#[test]
fn a_temporary_file_left_by_a_crash_does_not_stop_a_save_or_change_the_roadmap() {
    let (dir, path, mut harness) = harness_on_file(&bundled());
    // What a save interrupted by a crash leaves: half a roadmap in a temporary file.
    let leftover = dir.path().join(".plan.json.4242.tmp");
    std::fs::write(&leftover, "{\n  \"format\": \"ger-roa").unwrap_or_else(|err| panic!("{err}"));
    click(&mut harness, "Artemis II");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let edited = harness.state().roadmap().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!shows_modified(&harness), "saved");
    let written = format::read_file(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(written, edited, "the file holds the whole roadmap");
    let own_temporaries = std::fs::read_dir(dir.path())
        .unwrap_or_else(|err| panic!("{err}"))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(
        own_temporaries, 1,
        "only the crash's leftover, none of this save's"
    );
}

#[test]
fn nudging_right_then_left_leaves_the_roadmap_unmodified() {
    let (_dir, _path, mut harness) = harness_on_file(&bundled());
    click(&mut harness, "Artemis II");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert!(shows_modified(&harness));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert!(!shows_modified(&harness), "the same roadmap as saved");
    assert!(!harness.state().is_modified());
}

#[test]
fn ctrl_z_in_a_text_field_undoes_the_text_not_the_roadmap() {
    let mut harness = app_harness();
    click(&mut harness, "Artemis II");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let nudged = harness.state().roadmap().clone();
    click(&mut harness, "Mission");
    let notes = harness.get_by_label("Notes");
    notes.focus();
    harness.run();
    harness.get_by_label("Notes").type_text(" typed");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &nudged,
        "the nudge is not undone"
    );
}
