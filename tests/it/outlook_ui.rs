//! The outlook in the window: the toggle, the selected mission's percentiles in the Mission
//! tab and its start histogram in the Statistics tab, and a start estimate edited in the
//! Mission tab as one undo step.

use crate::common::date;
use crate::common::ui::app_harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::model::StartEstimate;
use ger_planner::ui::GerApp;

const MMX: &str = "MMX (Martian Moons eXploration)";

fn mmx_estimate(harness: &Harness<'_, GerApp>) -> Option<StartEstimate> {
    let roadmap = harness.state().roadmap();
    roadmap
        .missions
        .iter()
        .find(|m| m.id.as_str() == "mmx")
        .and_then(|m| m.start_estimate)
}

/// Types `date` over the date field `label` and presses Enter.
fn type_date(harness: &mut Harness<'_, GerApp>, label: &str, date: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(date);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn the_outlook_toggle_shows_each_missions_percentiles_and_the_selected_ones_histogram() {
    let mut harness = app_harness();
    assert!(harness.state().outlook().is_none(), "off at first");
    harness.get_by_label("Outlook").click();
    harness.run();
    let outlook = harness
        .state()
        .outlook()
        .unwrap_or_else(|| panic!("the outlook is worked out when it is turned on"))
        .clone();
    let roadmap = harness.state().roadmap().clone();
    assert_eq!(outlook.missions.len(), roadmap.missions.len());
    let mmx = roadmap.missions.iter().position(|m| m.id.as_str() == "mmx");
    let mmx = mmx.and_then(|i| outlook.missions.get(i)).cloned();
    let mmx = mmx.unwrap_or_else(|| panic!("MMX has an outlook"));
    assert!(
        (date("2028-11-01")..=date("2029-02-15")).contains(&mmx.p50_start),
        "MMX missed its 2026 window (today is 2026-12-01): half the runs take the next one, \
         the 2028 window, not {}",
        mmx.p50_start
    );

    harness.get_by_label(MMX).click();
    harness.run();
    harness.get_by_label("Mission").click();
    harness.run();
    harness.get_by_label(&format!(
        "Outlook: starts by {} (P50), {} (P80)",
        mmx.p50_start, mmx.p80_start
    ));
    harness.get_by_label_contains("starts on time (by 2026-10-31) in 0 % of runs");
    harness.get_by_label("Statistics").click();
    harness.run();
    harness.get_by_label("Outlook of the selected mission's start (runs per quarter)");

    harness.key_press(Key::O);
    harness.run();
    assert!(harness.state().outlook().is_none(), "O turns it off");
    assert!(
        harness
            .query_by_label_contains("Outlook of the selected")
            .is_none(),
        "and the histogram goes with it"
    );
}

#[test]
fn an_uncertain_start_is_edited_in_the_mission_tab_each_change_one_undo_step() {
    let mut harness = app_harness();
    harness.get_by_label(MMX).click();
    harness.run();
    harness.get_by_label("Mission").click();
    harness.run();
    harness.get_by_label("Uncertain start").click();
    harness.run();
    assert_eq!(
        mmx_estimate(&harness),
        Some(StartEstimate {
            likely: date("2027-05-02"),
            pessimistic: date("2028-10-30"),
        }),
        "a start first marked uncertain is likely half a year late, at worst two years"
    );

    type_date(&mut harness, "Pessimistic start", "2027-01-01");
    assert_eq!(
        mmx_estimate(&harness).map(|e| e.pessimistic),
        Some(date("2028-10-30")),
        "a pessimistic start before the likely one is refused"
    );
    harness.get_by_label_contains("The pessimistic start (2027-01-01) is before the likely start");

    type_date(&mut harness, "Pessimistic start", "2029-06-30");
    assert_eq!(
        mmx_estimate(&harness).map(|e| e.pessimistic),
        Some(date("2029-06-30"))
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        mmx_estimate(&harness).map(|e| e.pessimistic),
        Some(date("2028-10-30"))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(mmx_estimate(&harness), None, "two undos: no estimate");
}
