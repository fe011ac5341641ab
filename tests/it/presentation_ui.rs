//! Presenting at a workshop, driven as a user would: F5, stepping through the saved views with a
//! clicker's keys, a locked view, leaving; and saving a view of one's own.

use crate::common;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ger_planner::layout::{GroupBy, TimeView, day_number};
use ger_planner::ui::GerApp;

use common::date;
use common::ui::app_harness;

fn range(from: &str, to_inclusive: &str) -> TimeView {
    TimeView::between(day_number(date(from)), day_number(date(to_inclusive)) + 1.0)
}

fn press(harness: &mut Harness<'_, GerApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn f5_presents_the_saved_views_in_turn_and_esc_goes_back_to_editing() {
    let mut harness = app_harness();
    let editing = harness.state().time_view();
    press(&mut harness, Key::F5);
    assert_eq!(harness.state().presented_view(), Some(0));
    assert_eq!(
        harness.state().time_view(),
        range("2024-01-01", "2032-12-31")
    );
    assert!(
        harness.query_by_label("Lunar 2024–2032").is_some(),
        "the view's name is its title"
    );
    assert!(
        harness.query_by_label("File").is_none(),
        "no menus while presenting"
    );
    assert!(
        harness.query_by_label("Mars and its moons").is_none(),
        "only the view's lanes"
    );

    press(&mut harness, Key::PageDown);
    assert_eq!(harness.state().presented_view(), Some(1));
    assert!(harness.query_by_label("Mars windows").is_some());
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        harness.state().presented_view(),
        Some(2),
        "the last view stays"
    );
    assert_eq!(harness.state().settings().showing.group_by, GroupBy::Agency);
    press(&mut harness, Key::PageUp);
    assert_eq!(harness.state().presented_view(), Some(1));

    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().presented_view(), None);
    assert_eq!(
        harness.state().time_view(),
        editing,
        "back to the view one was editing"
    );
    assert_eq!(harness.state().settings().showing, Default::default());
    assert!(harness.query_by_label("File").is_some());
}

/// Drags the middle of the bar named `name` 150 pixels right.
fn drag_bar(harness: &mut Harness<'_, GerApp>, name: &str) {
    let from = harness.get_by_label(name).rect().center();
    let to = from + egui::vec2(150.0, 0.0);
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(Pos2::lerp(&from, to, k as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn missions_move_while_presenting_unless_the_view_is_locked() {
    let start_of = |harness: &Harness<'_, GerApp>| {
        let roadmap = harness.state().roadmap();
        roadmap
            .missions
            .iter()
            .find(|m| m.id.as_str() == "queqiao-2")
            .map(|m| m.start)
    };
    let mut harness = app_harness();
    press(&mut harness, Key::F5);
    let before = start_of(&harness);
    drag_bar(&mut harness, "Queqiao-2 (lunar relay)");
    assert_ne!(start_of(&harness), before, "an unlocked view can be edited");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(start_of(&harness), before, "undo works while presenting");

    let mut roadmap = harness.state().roadmap().clone();
    roadmap.views[0].locked = true;
    let mut harness = common::ui::harness_for(GerApp::with_roadmap(roadmap));
    press(&mut harness, Key::F5);
    drag_bar(&mut harness, "Queqiao-2 (lunar relay)");
    assert_eq!(
        start_of(&harness),
        before,
        "a locked view keeps missions in place"
    );
    assert!(
        harness.query_by_label_contains("locked").is_some(),
        "the header says so"
    );
}

#[test]
fn the_view_shown_can_be_saved_under_a_name_and_undone() {
    let mut harness = app_harness();
    let count = harness.state().roadmap().views.len();
    harness.get_by_label("Present").click();
    harness.run();
    harness.get_by_label("Save view…").click();
    harness.run();
    harness.run();
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|field| field.is_focused())
        .unwrap_or_else(|| panic!("the name field has the keyboard"))
        .type_text("Decade ahead");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let roadmap = harness.state().roadmap();
    assert_eq!(roadmap.views.len(), count + 1);
    let view = &roadmap.views[count];
    assert_eq!(
        (view.id.as_str(), view.name.as_str()),
        ("decade-ahead", "Decade ahead")
    );
    assert_eq!(
        (view.from, view.to),
        (date("2020-01-01"), date("2029-12-31"))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap().views.len(), count);
}
