//! The Agencies tab through the real app: highlight, edit, and removing an agency that missions
//! still name.

use crate::common;

use common::ui::app_harness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::analysis::ConflictKind;
use ger_planner::ui::GerApp;

fn open_agencies(harness: &mut Harness<'_, GerApp>) {
    harness.get_by_label("Agencies").click();
    harness.run();
}

/// Clicks the Remove button of the agency at `index`.
fn remove_button(harness: &mut Harness<'_, GerApp>, index: usize) {
    let button = || harness.get_all_by_label("Remove").nth(index);
    button()
        .unwrap_or_else(|| panic!("no agency {index}"))
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label("Remove")
        .nth(index)
        .unwrap_or_else(|| panic!("no agency {index}"))
        .click();
    harness.run();
}

#[test]
fn clicking_an_agency_highlights_it_and_clicking_again_clears() {
    let mut harness = app_harness();
    open_agencies(&mut harness);
    harness.get_by_label("ESA").scroll_to_me();
    harness.run();
    harness.get_by_label("ESA").click();
    harness.run();
    assert_eq!(harness.state().highlight().map(|a| a.as_str()), Some("ESA"));
    harness.get_by_label("ESA").click();
    harness.run();
    assert_eq!(harness.state().highlight(), None);
}

#[test]
fn removing_an_agency_still_named_asks_and_shows_where_then_undoes() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    open_agencies(&mut harness);
    let csa = before
        .agencies
        .iter()
        .position(|a| a.id.as_str() == "CSA")
        .unwrap_or_else(|| panic!("no CSA"));
    remove_button(&mut harness, csa);
    assert!(
        harness.query_by_label("Remove CSA?").is_some(),
        "asks first"
    );
    assert!(
        harness
            .query_by_label("Leads: Canadarm3 (Gateway robotics)")
            .is_some(),
        "shows the missions that name it"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().roadmap(), &before, "cancel keeps it");

    remove_button(&mut harness, csa);
    harness.get_by_label("Remove anyway").click();
    harness.run();
    assert!(
        !harness
            .state()
            .roadmap()
            .agencies
            .iter()
            .any(|a| a.id.as_str() == "CSA")
    );
    assert!(
        harness
            .state()
            .conflicts()
            .iter()
            .any(|c| c.kind == ConflictKind::UnknownReference),
        "its missions now name an unknown agency"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &before,
        "one undo brings it back"
    );
}

#[test]
fn the_counts_of_missions_led_follow_an_edit() {
    let mut harness = app_harness();
    let roadmap = harness.state().roadmap().clone();
    let count = |agency: &str| {
        (
            roadmap
                .missions
                .iter()
                .filter(|m| m.lead.as_str() == agency)
                .count(),
            roadmap
                .missions
                .iter()
                .filter(|m| m.contributors.iter().any(|c| c.agency.as_str() == agency))
                .count(),
        )
    };
    let (led, helped) = count("NASA");
    open_agencies(&mut harness);
    let shown = format!("leads {led}, helps {helped}");
    assert!(harness.query_by_label(&shown).is_some(), "NASA: {shown}");
    // Delete a NASA mission: the tab counts again.
    harness.get_by_label("Artemis I").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let after = format!("leads {}, helps {helped}", led - 1);
    assert!(
        harness.query_by_label(&after).is_some(),
        "NASA after the delete: {after}"
    );
}
