//! The timeline window driven as a user would (egui_kittest, no display): dragging bars and
//! their edges, the conflicts that follow, undo, opening a broken file, the unsaved-changes guard.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::analysis::ConflictKind;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::layout::{TimeView, day_number};
use ger_planner::model::{Mission, Roadmap, date};
use ger_planner::ui::GerApp;

use common::ui::{app_harness, assert_selected, drag, harness_for};

const ARTEMIS_III: &str = "Artemis III — crewed docking test in Earth orbit";

fn day(text: &str) -> NaiveDate {
    date::parse(text).unwrap_or_else(|err| panic!("{err}"))
}

fn mission<'a>(roadmap: &'a Roadmap, id: &str) -> &'a Mission {
    roadmap
        .missions
        .iter()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id}"))
}

fn bar_rect(harness: &Harness<'_, GerApp>, name: &str) -> Rect {
    harness.get_by_label(name).rect()
}

/// Pixels per day of the chart, measured on the Artemis III bar.
fn pixels_per_day(harness: &Harness<'_, GerApp>) -> f32 {
    common::ui::pixels_per_day(harness, ARTEMIS_III, "artemis-3")
}

#[test]
fn every_mission_in_view_has_an_accessible_bar() {
    let harness = app_harness();
    for name in [
        ARTEMIS_III,
        "Artemis II",
        "VIPER (polar volatiles rover)",
        "MMX (Martian Moons eXploration)",
    ] {
        assert!(harness.query_by_label(name).is_some(), "{name} has a bar");
    }
}

#[test]
fn dragging_artemis_iii_a_year_earlier_keeps_its_duration_snaps_and_reports_the_dependency() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    let rect = bar_rect(&harness, ARTEMIS_III);
    let year = 365.0 * pixels_per_day(&harness);
    drag(
        &mut harness,
        rect.center(),
        rect.center() - egui::vec2(year, 0.0),
    );

    let roadmap = harness.state().roadmap();
    let artemis_3 = mission(roadmap, "artemis-3");
    assert_eq!(
        (artemis_3.start, artemis_3.end),
        (day("2026-06-01"), day("2026-06-14")),
        "a year earlier, on a month start"
    );
    assert_eq!(roadmap.missions.len(), before.missions.len());
    let dependency = harness
        .state()
        .conflicts()
        .iter()
        .find(|c| c.kind == ConflictKind::Dependency)
        .unwrap_or_else(|| {
            panic!(
                "a dependency conflict is listed: {:#?}",
                harness.state().conflicts()
            )
        });
    assert_eq!(
        dependency
            .missions
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
        ["artemis-2", "artemis-3"]
    );
    assert!(
        harness
            .query_by_label_contains(
                "Artemis III — crewed docking test in Earth orbit starts 2026-06-01"
            )
            .is_some(),
        "shown in the conflict panel"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &before,
        "Ctrl+Z restores the exact roadmap"
    );
    assert!(!harness.state().is_modified());
}

#[test]
fn dragging_the_right_edge_changes_only_the_end() {
    let mut harness = app_harness();
    // Three years in view: the two-week bar is wide enough to have grips.
    harness.state_mut().set_time_view(TimeView::between(
        day_number(day("2026-01-01")),
        day_number(day("2029-01-01")),
    ));
    harness.run();
    let rect = bar_rect(&harness, ARTEMIS_III);
    let ninety_days = 90.0 * pixels_per_day(&harness);
    let edge = pos2(rect.right() + 2.0, rect.center().y);
    drag(&mut harness, edge, edge + egui::vec2(ninety_days, 0.0));
    let artemis_3 = mission(harness.state().roadmap(), "artemis-3");
    assert_eq!(artemis_3.start, day("2027-06-01"), "start unchanged");
    assert_eq!(
        artemis_3.end,
        day("2027-08-31"),
        "end on the last day of the month nearest 90 days later (2027-09-12)"
    );
}

#[test]
fn a_drag_is_one_undo_step_and_redo_brings_it_back() {
    let mut harness = app_harness();
    let rect = bar_rect(&harness, ARTEMIS_III);
    let month = 61.0 * pixels_per_day(&harness);
    drag(
        &mut harness,
        rect.center(),
        rect.center() + egui::vec2(month, 0.0),
    );
    let moved = harness.state().roadmap().clone();
    assert_eq!(mission(&moved, "artemis-3").start, day("2027-08-01"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        mission(harness.state().roadmap(), "artemis-3").start,
        day("2027-06-01"),
        "one step undoes the whole drag"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().roadmap(), &moved);
}

#[test]
fn clicking_selects_and_delete_removes_undoably() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    assert_eq!(harness.state().selection().len(), 1);
    harness.key_press(Key::Delete);
    harness.run();
    let roadmap = harness.state().roadmap();
    assert_eq!(roadmap.missions.len(), before.missions.len() - 1);
    assert!(
        roadmap.missions.iter().all(|m| m
            .depends_on
            .iter()
            .all(|d| d.mission.as_str() != "artemis-3")),
        "dependencies on it are gone too"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &before);
}

#[test]
fn a_screen_reader_can_select_a_bar() {
    let mut harness = app_harness();
    harness.get_by_label(ARTEMIS_III).click_accesskit();
    harness.run();
    assert_selected(&harness, &["artemis-3"]);
}

#[test]
fn arrow_keys_nudge_the_selection_by_one_snap_unit() {
    let mut harness = app_harness();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let artemis_3 = mission(harness.state().roadmap(), "artemis-3");
    assert_eq!(
        (artemis_3.start, artemis_3.end),
        (day("2027-07-01"), day("2027-07-14")),
        "one month later, same length"
    );
}

fn drop_file(harness: &mut Harness<'_, GerApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(common::ui::Dropped(path.to_path_buf())));
    harness.run();
}

#[test]
fn dropping_a_broken_file_shows_where_it_is_broken_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("broken.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"ger-roadmap\",\n  \"version\": 1,\n  \"title\": 42\n}\n",
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    drop_file(&mut harness, &path);
    assert_eq!(harness.state().roadmap(), &before);
    assert!(
        harness
            .query_by_label_contains(
                "broken.json:4:13: invalid type: integer `42`, expected a string"
            )
            .is_some(),
        "the error names file, line and column"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("broken.json:4:13")
            .is_none(),
        "the message closes"
    );
}

#[test]
fn opening_another_roadmap_shows_its_missions_and_its_conflicts() {
    let mut harness = app_harness();
    assert!(
        !harness.state().conflicts().is_empty(),
        "the bundled roadmap has a conflict"
    );
    assert!(harness.query_by_label("Queqiao-2 (lunar relay)").is_some());
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/ger-2020-plan.json");
    drop_file(&mut harness, &plan);
    harness.run();
    assert_eq!(harness.state().roadmap().missions.len(), 50);
    let read = ger_planner::format::read_file(&plan).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        harness.state().conflicts(),
        ger_planner::analysis::find_conflicts_on(&read, day(common::ui::TODAY)),
        "the 2020 plan's conflicts (six years on, its dates are overtaken), none of the last's"
    );
    assert!(
        harness.query_by_label("Queqiao-2 (lunar relay)").is_none(),
        "no bar of the last roadmap remains"
    );
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_the_work() {
    let mut harness = app_harness();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let edited = harness.state().roadmap().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(
        harness.query_by_label("Save changes?").is_some(),
        "the guard appears"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &edited,
        "Cancel keeps the edited roadmap"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(
        harness.state().roadmap().missions.is_empty(),
        "Discard starts the new roadmap"
    );
    assert_eq!(
        harness.state().roadmap().agencies.len(),
        27,
        "with the agencies"
    );
}

#[test]
fn saving_writes_the_file_and_clears_the_modified_mark() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("plan.json");
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    ger_planner::format::write_file(&path, &roadmap).unwrap_or_else(|err| panic!("{err}"));
    let mut harness = app_harness();
    drop_file(&mut harness, &path);
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert!(harness.state().is_modified());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().is_modified());
    let saved = ger_planner::format::read_file(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(&saved, harness.state().roadmap(), "the file holds the edit");
    assert_eq!(mission(&saved, "artemis-3").start, day("2027-05-01"));
}

#[test]
fn the_edges_of_a_wide_bar_resize_it_rather_than_pan_the_view() {
    let mut harness = app_harness();
    harness.state_mut().set_time_view(TimeView::between(
        day_number(day("2027-05-01")),
        day_number(day("2027-08-01")),
    ));
    harness.run();
    let view = harness.state().time_view();
    let rect = bar_rect(&harness, ARTEMIS_III);
    assert!(rect.width() > 100.0, "zoomed in, the bar is wide: {rect:?}");
    let edge = pos2(rect.right() - 2.0, rect.center().y);
    drag(&mut harness, edge, edge + egui::vec2(40.0, 0.0));
    assert_eq!(harness.state().time_view(), view, "the view did not pan");
    let artemis_3 = mission(harness.state().roadmap(), "artemis-3");
    assert_eq!(artemis_3.start, day("2027-06-01"));
    assert!(
        artemis_3.end > day("2027-06-14"),
        "the end moved: {}",
        artemis_3.end
    );
}

#[test]
fn shortcuts_do_not_reach_the_roadmap_while_a_dialog_is_open() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "not json").unwrap_or_else(|err| panic!("{err}"));
    let mut harness = app_harness();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    drop_file(&mut harness, &path);
    let before = harness.state().roadmap().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(
        harness.state().selection().len(),
        1,
        "Ctrl+A did not select all"
    );
    assert_eq!(harness.state().roadmap(), &before, "Delete did not delete");
}

#[test]
fn clicking_a_conflict_selects_its_missions_and_brings_them_into_view() {
    let mut harness = app_harness();
    harness.state_mut().set_time_view(TimeView::between(
        day_number(day("2040-01-01")),
        day_number(day("2045-01-01")),
    ));
    harness.run();
    assert!(
        harness
            .query_by_label("ESCAPADE (twin Mars orbiters)")
            .is_none(),
        "out of view at first"
    );
    // The accepted conflict is listed last, below the open ones: scrolled to, then clicked.
    let conflict = "ESCAPADE (twin Mars orbiters) starts 2025-11-13";
    harness.get_by_label_contains(conflict).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(conflict).click();
    harness.run();
    assert_selected(&harness, &["escapade"]);
    assert!(
        harness
            .query_by_label("ESCAPADE (twin Mars orbiters)")
            .is_some(),
        "the chart moved to show it"
    );
}

#[test]
fn work_left_unsaved_by_a_crash_is_offered_back_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let file = dir.path().join("plan.json");
    let mut roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    ger_planner::format::write_file(&file, &roadmap).unwrap_or_else(|err| panic!("{err}"));
    // What the crashed run had autosaved: the same file with one mission fewer.
    let autosave_dir = dir.path().join("data");
    std::fs::create_dir_all(&autosave_dir).unwrap_or_else(|err| panic!("{err}"));
    roadmap.missions.pop();
    ger_planner::format::write_file(&autosave_dir.join("autosave.json"), &roadmap)
        .unwrap_or_else(|err| panic!("{err}"));
    std::fs::write(
        autosave_dir.join("autosave-origin.txt"),
        file.display().to_string(),
    )
    .unwrap_or_else(|err| panic!("{err}"));

    let settings = ger_planner::ui::Settings {
        last_file: Some(file.clone()),
        ..Default::default()
    };
    let mut harness = harness_for(GerApp::new(settings, None, Some(autosave_dir)));
    assert!(
        harness.query_by_label("Restore unsaved work?").is_some(),
        "the offer is shown"
    );
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &roadmap,
        "the autosaved roadmap is back"
    );
    assert!(harness.state().is_modified(), "and still unsaved");
    assert_eq!(
        harness.state().path(),
        Some(file.as_path()),
        "to be saved to its own file"
    );
}

#[test]
fn the_conflicts_are_exact_on_every_frame_of_a_drag() {
    let mut harness = app_harness();
    let rect = bar_rect(&harness, ARTEMIS_III);
    let year = 365.0 * pixels_per_day(&harness);
    let (from, to) = (rect.center(), rect.center() - egui::vec2(year, 0.0));
    harness.drag_at(from);
    harness.run();
    let today = day(common::ui::TODAY);
    let mut saw_the_dependency = false;
    for k in 1..=6 {
        harness.hover_at(from + (to - from) * (k as f32 / 6.0));
        harness.run();
        let app = harness.state();
        assert_eq!(
            app.conflicts(),
            ger_planner::analysis::find_conflicts_on(app.roadmap(), today),
            "mid-drag, step {k}"
        );
        saw_the_dependency |= app
            .conflicts()
            .iter()
            .any(|c| c.kind == ConflictKind::Dependency);
    }
    assert!(
        saw_the_dependency,
        "the broken dependency shows while dragging"
    );
    harness.drop_at(to);
    harness.run();
}

/// Where each shown mission's bar (and whatever else has its name) is, by name.
fn bar_tops(harness: &Harness<'_, GerApp>) -> Vec<(String, Vec<f32>)> {
    harness
        .state()
        .roadmap()
        .missions
        .iter()
        .map(|m| {
            let tops = harness.query_all_by_label(&m.name).map(|n| n.rect().top());
            (m.name.clone(), tops.collect())
        })
        .collect()
}

#[test]
fn other_missions_keep_their_rows_while_a_mission_is_dragged() {
    // Packed by start: a and d share the first row, b takes the second. With a moved after d,
    // packing again would put b first and d second; while the drag goes on, they stay.
    let plan = common::roadmap(vec![
        common::mission("a", "2030-01-01", "2030-06-01"),
        common::mission("b", "2030-03-01", "2030-12-01"),
        common::mission("d", "2030-08-01", "2031-03-01"),
    ]);
    let view = || TimeView::between(day_number(day("2029-01-01")), day_number(day("2032-01-01")));
    let mut app = GerApp::with_roadmap(plan);
    app.set_time_view(view());
    let mut harness = harness_for(app);
    let before = bar_tops(&harness);
    let from = bar_rect(&harness, "Mission a").center();
    // d lasts 212 days; a moves 8 months later (the drag snaps to months at this zoom).
    let per_day = bar_rect(&harness, "Mission d").width() / 212.0;
    let to = from + egui::vec2(245.0 * per_day, 0.0);
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
        let during = bar_tops(&harness);
        assert_eq!(
            before[1..],
            during[1..],
            "b and d stay on their rows, step {k}"
        );
    }
    harness.drop_at(to);
    harness.run();
    assert_eq!(harness.state().undo_count(), 1, "the drag is one step");
    let after = bar_tops(&harness);
    assert_ne!(
        after[1..],
        before[1..],
        "once dropped, the rows are packed again"
    );
    // As a window opened on the result packs them.
    let mut fresh = GerApp::with_roadmap(harness.state().roadmap().clone());
    fresh.set_time_view(view());
    assert_eq!(after, bar_tops(&harness_for(fresh)));
}
