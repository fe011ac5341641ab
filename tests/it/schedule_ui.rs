//! Resolving conflicts in the window: a quick fix from the Conflicts tab, Resolve all, undo,
//! accepting a conflict with its reason, and the timing of the selected mission.

use crate::common::date;
use crate::common::ui::app_harness;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ger_planner::bundled::bundled_roadmap;

fn start_of(
    harness: &egui_kittest::Harness<'_, ger_planner::ui::GerApp>,
    id: &str,
) -> chrono::NaiveDate {
    let roadmap = harness.state().roadmap();
    roadmap
        .missions
        .iter()
        .find(|m| m.id.as_str() == id)
        .map(|m| m.start)
        .unwrap_or_else(|| panic!("no mission {id}"))
}

#[test]
fn a_quick_fix_moves_the_mission_as_one_step_and_undo_puts_it_back() {
    let mut harness = app_harness();
    let original = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(start_of(&harness, "artemis-5"), date("2028-11-01"));
    let fix = "Fix: Move Artemis V — second crewed landing to 2029-01-26";
    // The resource-gap warning is listed last, below the date-overtaken ones.
    harness.get_by_label_contains(fix).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(fix).hover();
    harness.run();
    harness.get_by_label("Artemis V — second crewed landing where the preview moves it");
    assert_eq!(
        start_of(&harness, "artemis-5"),
        date("2028-11-01"),
        "hovering only previews"
    );
    harness.get_by_label_contains(fix).click();
    harness.run();
    assert_eq!(start_of(&harness, "artemis-5"), date("2029-01-26"));
    assert_eq!(
        harness.state().roadmap().missions.len(),
        original.missions.len()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &original,
        "one undo takes the fix back"
    );
}

#[test]
fn resolve_all_lists_the_moves_applies_them_as_one_step_and_undo_restores_everything() {
    let mut harness = app_harness();
    let original = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    harness.get_by_label("Resolve all…").click();
    harness.run();
    harness.get_by_label_contains(
        "Artemis V — second crewed landing: 2028-11-01 → 2029-01-26, because",
    );
    harness.get_by_label("Apply all").click();
    harness.run();
    let ids = ["artemis-5", "blue-moon-mk1", "change-7", "griffin-1", "mmx"];
    let moved: Vec<(&str, chrono::NaiveDate)> = (ids.into_iter())
        .map(|id| (id, start_of(&harness, id)))
        .collect();
    assert_eq!(
        moved,
        [
            ("artemis-5", date("2029-01-26")),
            ("blue-moon-mk1", date("2027-01-01")),
            ("change-7", date("2026-12-01")),
            ("griffin-1", date("2026-12-01")),
            ("mmx", date("2026-12-01")),
        ],
        "what today overtook moves to today; what is later stays"
    );
    let conflicts =
        ger_planner::analysis::find_conflicts_on(harness.state().roadmap(), date("2026-12-01"));
    let review =
        ger_planner::analysis::Review::new(&conflicts, &harness.state().roadmap().accepted);
    assert_eq!(review.open_count(), 0, "{conflicts:#?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &original,
        "one undo restores everything"
    );
}

#[test]
fn a_conflict_accepted_with_a_reason_is_stored_muted_and_reopened_by_undo() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().accepted.len();
    // The resource-gap warning is the last open one listed; its Accept… is the last of them.
    let accept_buttons = harness.query_all_by_label("Accept…").count();
    assert_eq!(
        accept_buttons, 7,
        "one per open conflict (the accepted one has Reopen)"
    );
    let last = harness.query_all_by_label("Accept…").last();
    last.unwrap_or_else(|| panic!("no Accept… button"))
        .scroll_to_me();
    harness.run();
    let last = harness.query_all_by_label("Accept…").last();
    last.unwrap_or_else(|| panic!("no Accept… button")).click();
    harness.run();
    harness
        .get_by_label("Reason:")
        .type_text("NASA plans two SLS flights in 2028");
    harness.run();
    harness.get_by_label("Accept").click();
    harness.run();
    let accepted = &harness.state().roadmap().accepted;
    assert_eq!(accepted.len(), before + 1);
    assert_eq!(accepted[before].kind.name(), "resource-gap");
    assert_eq!(
        accepted[before].reason,
        "NASA plans two SLS flights in 2028"
    );
    assert_eq!(harness.query_all_by_label("Reopen").count(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap().accepted.len(), before);
}

const ARTEMIS_III: &str = "Artemis III — crewed docking test in Earth orbit";
const ARTEMIS_IV: &str = "Artemis IV — first crewed landing attempt";

#[test]
fn with_push_successors_a_drag_pushes_the_dependents_as_ghosts_then_moves_them_in_one_step() {
    let mut harness = app_harness();
    let original = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    harness.get_by_label("Push successors").click();
    harness.run();
    let bar = harness.get_by_label(ARTEMIS_III).rect();
    let per_day = crate::common::ui::pixels_per_day(&harness, ARTEMIS_III, "artemis-3");
    let (from, to) = (
        bar.center(),
        bar.center() + egui::vec2(183.0 * per_day, 0.0),
    );
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
    }
    // Mid-drag: Artemis IV is drawn where it would go, and has not moved yet.
    harness.get_by_label(&format!("{ARTEMIS_IV} where the preview moves it"));
    assert_eq!(start_of(&harness, "artemis-4"), date("2028-04-01"));
    harness.drop_at(to);
    harness.run();
    assert_eq!(
        start_of(&harness, "artemis-3"),
        date("2027-12-01"),
        "half a year, on a month"
    );
    assert_eq!(
        start_of(&harness, "artemis-4"),
        date("2028-06-11"),
        "180 days after III ends"
    );
    assert_eq!(
        start_of(&harness, "artemis-5"),
        date("2029-01-07"),
        "180 days after IV ends"
    );
    let dependencies = harness
        .state()
        .conflicts()
        .iter()
        .filter(|c| c.kind == ger_planner::analysis::ConflictKind::Dependency)
        .count();
    assert_eq!(
        dependencies, 0,
        "the successors were pushed, not left in conflict"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &original,
        "the drag and its pushes are one step"
    );
}

#[test]
fn the_selected_mission_shows_what_drives_its_date_and_how_far_it_can_slip() {
    let mut harness = app_harness();
    harness.get_by_label("Mission").click();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    // Artemis IV (2028-04-01) waits 180 days after Artemis III ends (2027-06-14).
    harness.get_by_label(&format!("Float: 112 days before it delays {ARTEMIS_IV}"));
    harness.get_by_label(ARTEMIS_IV).click();
    harness.run();
    harness.get_by_label(&format!(
        "Driven by: {ARTEMIS_III} ← Artemis II ← Artemis I"
    ));
    // Artemis V (2028-11-01) waits 180 days after Artemis IV ends (2028-05-01): 4 days spare.
    harness.get_by_label("Float: 4 days before it delays Artemis V — second crewed landing");
}

/// Resolve all's list stays open through a drag: nothing is worked out while the roadmap
/// changes every frame (the window settles, no spinner turns for ever), and the moves of the
/// roadmap as dropped are listed once the drag ends.
#[test]
fn a_drag_with_resolve_all_open_settles_and_lists_the_moves_after_the_drop() {
    let mut harness = app_harness();
    harness.get_by_label("Resolve all…").click();
    harness.run();
    let bar = harness.get_by_label("Luna-26 (orbiter)").rect();
    let year = bar.width();
    crate::common::ui::drag(
        &mut harness,
        bar.center(),
        bar.center() + egui::vec2(year, 0.0),
    );
    assert_ne!(
        start_of(&harness, "luna-26"),
        date("2029-07-01"),
        "Luna-26 was dragged"
    );
    harness.get_by_label_contains("Artemis V — second crewed landing: 2028-11-01 → 2029-01-26");
}
