//! The Roadmap tab through the real app: lane order, launch windows checked as typed, undo.

use crate::common;

use common::ui::app_harness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

#[test]
fn moving_a_lane_down_reorders_the_chart_and_undoes() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    harness.get_by_label("Roadmap").click();
    harness.run();
    // The first lane's "Move down" button.
    harness
        .get_all_by_label("↓")
        .next()
        .unwrap_or_else(|| panic!("no Move down button"))
        .click();
    harness.run();
    let order: Vec<&str> = harness
        .state()
        .roadmap()
        .destinations
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        &order[..2],
        [
            before.destinations[1].id.as_str(),
            before.destinations[0].id.as_str()
        ]
    );
    let leo = harness.get_by_label("Low-Earth orbit").rect();
    let cislunar = harness.get_by_label("Cislunar space and Gateway").rect();
    assert!(cislunar.top() < leo.top(), "the chart's lanes follow");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &before);
}

#[test]
fn a_launch_window_ending_before_it_starts_is_refused() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    harness.get_by_label("Roadmap").click();
    harness.run();
    let mars = before
        .destinations
        .iter()
        .find(|d| d.id.as_str() == "mars")
        .unwrap_or_else(|| panic!("no Mars lane"));
    let first = mars.launch_windows[0];
    let start = first.start.to_string();
    // The field comes first; its text run inside carries the same value.
    harness
        .get_all_by_value(&start)
        .next()
        .unwrap_or_else(|| panic!("no field with {start}"))
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_value(&start)
        .next()
        .unwrap_or_else(|| panic!("no field with {start}"))
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_value(&start)
        .next()
        .unwrap_or_else(|| panic!("no field with {start}"))
        .type_text("2099-01-01");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().roadmap(), &before, "nothing changed");
    let message = format!("{} is before 2099-01-01: not saved", first.end);
    assert!(harness.query_by_label(&message).is_some(), "{message}");
}

#[test]
fn a_lane_can_be_removed_once_no_mission_goes_there() {
    use egui_kittest::kittest::NodeT as _;
    let plan = common::roadmap(vec![
        common::mission("lander", "2030-01-01", "2030-02-01"),
        {
            let mut rover = common::mission("rover", "2031-01-01", "2031-02-01");
            rover.destination = "mars".into();
            rover
        },
    ]);
    let mut harness = common::ui::harness_for(ger_planner::ui::GerApp::with_roadmap(plan));
    harness.get_by_label("Roadmap").click();
    harness.run();
    let removable = |h: &egui_kittest::Harness<'_, ger_planner::ui::GerApp>| {
        h.get_all_by_label("Remove")
            .map(|b| !b.accesskit_node().is_disabled())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        removable(&harness),
        [false, false],
        "both lanes have a mission"
    );
    harness.get_by_label("Mission rover").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(
        removable(&harness),
        [false, true],
        "Mars has no mission left: it can go"
    );
}
