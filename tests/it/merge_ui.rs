//! Resolving a merge in the window: a roadmap with merge markers opens as the merge, the
//! Merge tab picks sides, undo takes a pick back, and saving finishes the merge.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::format;
use ger_planner::merge::{Merge, Side};
use ger_planner::model::Roadmap;
use ger_planner::ui::GerApp;

use super::common::ui::harness_for;
use super::common::{date, mission, roadmap};

/// The window on the merge in `path`, as a user opens a file.
fn open(path: &Path) -> Harness<'static, GerApp> {
    let mut app = GerApp::with_roadmap(Roadmap::default());
    app.open(path);
    let mut harness = harness_for(app);
    harness.run();
    harness
}

/// Opens `path` (a file with merge markers), keeps `side` for its one conflict, saves, and
/// returns the roadmap the file then holds.
pub fn resolve_in_window(path: &Path, side: Side) -> Roadmap {
    let mut harness = open(path);
    assert_eq!(harness.state().merge_progress(), Some((0, 1)));
    harness
        .get_by_label_contains(&format!("{}: ", side.name()))
        .click();
    harness.run();
    assert_eq!(harness.state().merge_progress(), Some((1, 1)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        harness.state().merge_progress(),
        None,
        "saving finishes the merge"
    );
    assert!(!harness.state().is_modified());
    format::read_file(path).unwrap_or_else(|err| panic!("the saved file reads: {err}"))
}

/// Two conflicts: the start of `a` (both moved it) and the title.
fn conflicted() -> (tempfile::TempDir, std::path::PathBuf, Roadmap, Roadmap) {
    let base = roadmap(vec![
        mission("a", "2030-01-01", "2030-03-01"),
        mission("b", "2031-01-01", "2031-03-01"),
    ]);
    let mut ours = base.clone();
    ours.missions[0].start = date("2030-02-01");
    "Ours".clone_into(&mut ours.title);
    let mut theirs = base.clone();
    theirs.missions[0].start = date("2029-06-01");
    "Theirs".clone_into(&mut theirs.title);
    let text = Merge::new(&base, &ours, &theirs)
        .text_with_markers(7)
        .unwrap_or_else(|err| panic!("{err}"));
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("plan.json");
    std::fs::write(&path, text).unwrap_or_else(|err| panic!("{err}"));
    (dir, path, ours, theirs)
}

#[test]
fn a_file_with_merge_markers_opens_as_the_merge_with_both_sides_on_the_chart() {
    let (_dir, path, ours, _) = conflicted();
    let harness = open(&path);
    assert!(!harness.state().has_dialog(), "no parse error");
    assert_eq!(harness.state().merge_progress(), Some((0, 2)));
    assert_eq!(
        harness.state().roadmap(),
        &ours,
        "ours where nothing is picked"
    );
    assert!(
        harness.state().is_modified(),
        "the file on disk is not this roadmap yet"
    );
    // Each conflict with its three values.
    harness.get_by_label_contains("missions/a · start");
    harness.get_by_label("base: 2030-01-01");
    harness.get_by_label("ours: 2030-02-01");
    harness.get_by_label("theirs: 2029-06-01");
    harness.get_by_label("theirs: Theirs");
    // Ours is the bar, theirs its ghost.
    let ghost = harness
        .get_by_label_contains("Mission a on the other side of the merge")
        .rect();
    let bar = harness.get_by_label("Mission a").rect();
    assert!(
        ghost.left() < bar.left(),
        "theirs starts earlier: {ghost:?} {bar:?}"
    );
}

#[test]
fn keep_all_theirs_then_undo_takes_the_picks_back() {
    let (_dir, path, ours, theirs) = conflicted();
    let mut harness = open(&path);
    harness.get_by_label("Keep all theirs").click();
    harness.run();
    assert_eq!(harness.state().merge_progress(), Some((2, 2)));
    assert_eq!(harness.state().roadmap(), &theirs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &ours);
    assert_eq!(
        harness.state().merge_progress(),
        Some((0, 2)),
        "undo takes the picks back"
    );
    // One per conflict, then save: the file is the roadmap as picked.
    harness.get_by_label("theirs: 2029-06-01").click();
    harness.run();
    harness.get_by_label("ours: Ours").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let mut expected = ours.clone();
    expected.missions[0].start = date("2029-06-01");
    let saved = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(saved, format::to_json(&expected));
    assert_eq!(harness.state().merge_progress(), None);
}
