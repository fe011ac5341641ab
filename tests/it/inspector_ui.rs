//! The Mission tab: editing a mission's fields through the real app, each edit one undo step,
//! and dates checked as typed.

use crate::common;

use common::ui::app_harness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::format;
use ger_planner::model::{Contribution, Outcome};
use ger_planner::ui::GerApp;

const ARTEMIS_III: &str = "Artemis III — crewed docking test in Earth orbit";

/// Selects the bar of `name` and opens the Mission tab of the side panel.
fn inspect(harness: &mut Harness<'_, GerApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
    harness.get_by_label("Mission").click();
    harness.run();
    assert!(
        harness.query_by_label("Add contributor").is_some(),
        "the fields of {name} are shown"
    );
}

#[test]
fn a_contributor_added_in_the_inspector_is_in_the_roadmap_and_its_file_and_undoes() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    inspect(&mut harness, ARTEMIS_III);

    harness.get_by_label("Add contributor").click();
    harness.run();
    harness.run();
    // The new row's role field has the keyboard.
    harness
        .get_all_by_label("role")
        .find(|node| node.is_focused())
        .unwrap_or_else(|| panic!("the new role field has the keyboard"))
        .type_text("Lunar communications");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // The new row's agency list shows the first agency not yet on the mission; pick ASI.
    harness.get_by_value("AEB").click();
    harness.run();
    harness.get_by_label_contains("ASI — ").click();
    harness.run();

    let artemis_3 = |h: &Harness<'_, GerApp>| {
        h.state()
            .roadmap()
            .missions
            .iter()
            .find(|m| m.id.as_str() == "artemis-3")
            .cloned()
            .unwrap_or_else(|| panic!("no Artemis III"))
    };
    let added = Contribution {
        agency: "ASI".into(),
        role: "Lunar communications".to_owned(),
    };
    assert_eq!(artemis_3(&harness).contributors.last(), Some(&added));
    let json = format::to_json(harness.state().roadmap());
    assert!(
        json.contains("\"agency\": \"ASI\",\n          \"role\": \"Lunar communications\""),
        "the saved file has it"
    );

    // Three steps: the row, its role, its agency.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().roadmap(), &before, "undone exactly");
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
    }
    assert_eq!(
        artemis_3(&harness).contributors.last(),
        Some(&added),
        "redone exactly"
    );
}

#[test]
fn an_end_typed_before_the_start_is_refused_at_the_field() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    inspect(&mut harness, ARTEMIS_III);

    harness.get_by_label("End").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("End").type_text("2027-05-01");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    assert_eq!(harness.state().roadmap(), &before, "nothing changed");
    assert!(
        harness
            .query_by_label("The end (2027-05-01) is before the start (2027-06-01): not saved")
            .is_some(),
        "the message is at the field"
    );
}

#[test]
fn a_right_click_on_a_lane_adds_a_mission_to_it_on_the_day_clicked() {
    let mut harness = app_harness();
    let count = harness.state().roadmap().missions.len();
    // Artemis III gives the scale of the chart.
    let artemis = harness.get_by_label(ARTEMIS_III).rect();
    let per_day = common::ui::pixels_per_day(&harness, ARTEMIS_III, "artemis-3");
    let lane = harness.get_by_label("Asteroids and small bodies").rect();
    // Empty space at the bottom edge of the lane, 200 days after Artemis III starts.
    let at = egui::pos2(artemis.left() + 200.5 * per_day, lane.bottom() - 3.0);
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.get_by_label_contains("New mission here").click();
    harness.run();

    let roadmap = harness.state().roadmap();
    assert_eq!(roadmap.missions.len(), count + 1);
    let added = &roadmap.missions[count];
    assert_eq!(added.destination.as_str(), "small-bodies");
    let expected = chrono::NaiveDate::from_ymd_opt(2027, 12, 18).unwrap_or_default();
    assert!(
        (added.start - expected).num_days().abs() <= 1,
        "starts on the day clicked: {} (expected {expected})",
        added.start
    );
    assert!(
        harness.query_by_label("Add contributor").is_some(),
        "its fields are shown"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap().missions.len(), count, "undoable");
}

#[test]
fn a_flown_mission_s_outcome_is_chosen_in_the_mission_tab_in_one_undo_step() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    inspect(&mut harness, "Artemis II");
    let outcome = |h: &Harness<'_, GerApp>| {
        (h.state().roadmap().missions.iter())
            .find(|m| m.id.as_str() == "artemis-2")
            .and_then(|m| m.outcome)
    };
    assert_eq!(outcome(&harness), Some(Outcome::Success));
    harness.get_by_value("success").click();
    harness.run();
    harness.get_by_label("partial").click();
    harness.run();
    assert_eq!(outcome(&harness), Some(Outcome::Partial));
    let json = format::to_json(harness.state().roadmap());
    assert!(
        json.contains("\"outcome\": \"partial\""),
        "the saved file has it"
    );
    harness.get_by_value("partial").click();
    harness.run();
    harness.get_by_label("not recorded").click();
    harness.run();
    assert_eq!(outcome(&harness), None, "an outcome can be taken back");
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(
        harness.state().roadmap(),
        &before,
        "each choice is one step"
    );
}
