//! The window without a pointer (DESIGN §4 "Keyboard"): every step of these tests is a key
//! press, as a delegate who cannot use a mouse would work.

use crate::common;

use common::date;
use common::ui::{app_harness, assert_selected};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ger_planner::ui::GerApp;

fn press(harness: &mut Harness<'_, GerApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn start_of(harness: &Harness<'_, GerApp>, id: &str) -> chrono::NaiveDate {
    (harness.state().roadmap().missions.iter())
        .find(|m| m.id.as_str() == id)
        .map(|m| m.start)
        .unwrap_or_else(|| panic!("no mission {id}"))
}

#[test]
fn a_mission_is_found_moved_and_put_back_with_the_keyboard_alone() {
    let mut harness = app_harness();
    let before = harness.state().roadmap().clone();
    let time = harness.state().time_view();
    // Ctrl+F, the name, Enter: the best match is selected and in the chart's focus ring.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Search:").type_text("artemis iii");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_selected(&harness, &["artemis-3"]);
    assert!(
        harness.state().chart_has_focus(),
        "the chart has the keyboard"
    );
    assert_eq!(
        harness
            .state()
            .ringed_mission()
            .map(|id| id.to_string())
            .as_deref(),
        Some("artemis-3")
    );
    assert_eq!(
        harness.state().time_view().span,
        time.span,
        "brought into view without changing the zoom"
    );
    // Alt+→ moves it one snap unit, one undo step; Alt+Shift+→ only its end.
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(start_of(&harness, "artemis-3"), date("2027-07-01"));
    let said = harness
        .state()
        .announcement()
        .unwrap_or_default()
        .to_owned();
    assert!(
        said.starts_with(
            "Nudge Artemis III — crewed docking test in Earth orbit: 1 July 2027 to 14 July 2027; "
        ),
        "{said}"
    );
    let live = harness.get_by_label(&said).accesskit_node().live();
    assert_eq!(
        live,
        egui::accesskit::Live::Polite,
        "read out by screen readers"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().roadmap(), &before, "one step");
    let end = |h: &Harness<'_, GerApp>| {
        (h.state().roadmap().missions.iter())
            .find(|m| m.id.as_str() == "artemis-3")
            .map(|m| (m.start, m.end))
    };
    let (start, old_end) = end(&harness).unwrap_or_default();
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    let (new_start, new_end) = end(&harness).unwrap_or_default();
    assert_eq!(new_start, start, "the start stays");
    assert!(new_end > old_end, "the end moved later: {new_end}");
}

#[test]
fn arrows_walk_the_focus_ring_and_space_selects_what_it_holds() {
    let mut harness = app_harness();
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert!(
        harness.state().chart_has_focus(),
        "F6 from nothing: the chart"
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    let first = harness.state().ringed_mission();
    assert_eq!(
        first.as_ref().map(ToString::to_string).as_deref(),
        Some("iss"),
        "the first mission of the first row"
    );
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    let lane_below = harness.state().ringed_mission();
    assert_ne!(lane_below, first, "Page Down: the next lane");
    press(&mut harness, Modifiers::NONE, Key::Space);
    let selected = harness.state().selected_ids();
    assert_eq!(
        selected.first().map(|id| id.to_string()),
        lane_below.map(|id| id.to_string())
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::COMMAND, Key::Space);
    assert_eq!(harness.state().selected_ids().len(), 2, "Ctrl+Space adds");
    // F2: the Mission tab, its name field with the keyboard.
    press(&mut harness, Modifiers::NONE, Key::F2);
    harness.run();
    let ringed = harness.state().ringed_mission();
    let name = (harness.state().roadmap().missions.iter())
        .find(|m| Some(&m.id) == ringed.as_ref())
        .map(|m| m.name.clone())
        .unwrap_or_default();
    assert!(
        harness
            .get_all_by_value(&name)
            .any(|node| node.is_focused()),
        "the name field has it"
    );
    // Escape leaves the field for the chart; F6 goes on to the side panel.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run();
    assert!(
        harness.state().chart_has_focus(),
        "Escape: back to the chart"
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    harness.run();
    assert!(
        !harness.state().chart_has_focus(),
        "F6: on to the side panel"
    );
    assert!(
        harness.get_by_label("Mission").is_focused(),
        "its current tab"
    );
}

#[test]
fn the_command_palette_finds_a_command_by_its_words_and_runs_it() {
    let mut harness = app_harness();
    assert!(!harness.state().settings().show_outlook);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(harness.state().has_dialog(), "the palette is open");
    harness.get_by_label("Commands").type_text("show out");
    harness.run();
    assert!(harness.query_by_label_contains("Show outlook").is_some());
    assert!(
        harness.query_by_label_contains("Save As").is_none(),
        "narrowed"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!harness.state().has_dialog(), "closed once run");
    assert!(harness.state().settings().show_outlook, "and it ran");
}

#[test]
fn a_screen_reader_hears_a_bar_s_status_dates_agencies_and_conflicts() {
    let harness = app_harness();
    let node = harness.get_by_label("Artemis IV — first crewed landing attempt");
    let description = node.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("planned, 1 April 2028 to 1 May 2028, led by NASA with ESA"),
        "{description}"
    );
    let escapade = harness.get_by_label("ESCAPADE (twin Mars orbiters)");
    let description = escapade.accesskit_node().description().unwrap_or_default();
    assert!(description.contains("1 warning: ESCAPADE"), "{description}");
}

#[test]
fn what_a_screen_reader_hears_of_a_bar_follows_an_edit() {
    let mut harness = app_harness();
    let name = "Artemis IV — first crewed landing attempt";
    let description = |h: &Harness<'_, GerApp>| {
        (h.get_by_label(name).accesskit_node().description()).unwrap_or_default()
    };
    let before = description(&harness);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Search:").type_text("artemis iv");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    let after = description(&harness);
    assert!(before.starts_with("planned, 1 April 2028"), "{before}");
    assert!(after.starts_with("planned, 1 May 2028"), "{after}");
}

#[test]
fn the_conflicts_list_is_read_with_each_severity_in_words_in_the_tab_s_order() {
    let harness = app_harness();
    let spoken: Vec<String> = harness
        .query_all(egui_kittest::kittest::by().predicate(|node| {
            (node.label()).is_some_and(|l| l.starts_with("Error: ") || l.starts_with("Warning: "))
        }))
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect();
    // The rows in view (the list draws only those), each a conflict of the roadmap said with
    // its severity.
    assert!(spoken.len() >= 5, "{spoken:?}");
    for label in &spoken {
        assert!(
            harness.state().conflicts().iter().any(|c| {
                let severity = match c.severity {
                    ger_planner::analysis::Severity::Error => "Error",
                    ger_planner::analysis::Severity::Warning => "Warning",
                };
                *label == format!("{severity}: {}", c.message)
            }),
            "{label}"
        );
    }
    let first = spoken.first().cloned().unwrap_or_default();
    assert!(
        first.starts_with("Warning: Chang'e 7"),
        "in the tab's order: {first}"
    );
}

#[test]
fn each_lane_is_a_named_group_holding_its_bars() {
    let harness = app_harness();
    let iss = harness.get_by_label("International Space Station");
    let lane = iss.accesskit_node().parent();
    let lane = lane.unwrap_or_else(|| panic!("the bar has a parent"));
    assert_eq!(lane.role(), egui::accesskit::Role::Group);
    assert_eq!(lane.label().as_deref(), Some("Low-Earth orbit"));
}

#[test]
fn shift_f10_opens_the_context_menu_of_the_mission_in_the_ring() {
    let mut harness = app_harness();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Search:").type_text("Artemis III");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::SHIFT, Key::F10);
    harness.run();
    harness.get_by_label("Edit in the Mission tab (F2)").click();
    harness.run();
    assert_eq!(
        harness.state().settings().side_tab,
        ger_planner::ui::SideTab::Mission
    );
    assert_selected(&harness, &["artemis-3"]);
    assert!(
        harness
            .query_by_label_contains("New mission here (2027-06-01)")
            .is_none(),
        "the menu closed"
    );
}

#[test]
fn a_mission_is_found_renamed_through_f2_and_saved_without_a_pointer() {
    let roadmap = ger_planner::bundled::bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let (_dir, path, mut harness) = common::ui::harness_on_file(&roadmap);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.event(egui::Event::Text("artemis iii".to_owned()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::F2);
    // In a text field Ctrl+A selects its text, not every mission.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Artemis III (docking test)".to_owned()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().chart_has_focus(), "back on the chart");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = ger_planner::format::read_file(&path).unwrap_or_else(|err| panic!("{err}"));
    let names: Vec<&str> = (saved.missions.iter())
        .filter(|m| m.id.as_str() == "artemis-3")
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Artemis III (docking test)"]);
    assert_eq!(harness.state().selected_ids().len(), 1, "only the one");
}

#[test]
fn the_theme_and_text_size_are_chosen_from_the_keyboard_and_kept_in_the_settings() {
    let mut harness = app_harness();
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.get_by_label("Commands").type_text("high contrast");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    assert_eq!(
        harness.ctx.global_style().visuals.panel_fill,
        egui::Color32::WHITE,
        "black on white"
    );
    for _ in 0..5 {
        press(
            &mut harness,
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::Equals,
        );
    }
    assert_eq!(harness.ctx.zoom_factor(), 2.0, "200 % at most");
    let look = harness.state().settings().look;
    let kept: ger_planner::ui::Settings = serde_json::from_str(
        &serde_json::to_string(harness.state().settings()).unwrap_or_default(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(kept.look, look, "kept between runs");
    assert_eq!(look.text_size.percent(), 200);
    assert_eq!(look.theme, ger_planner::ui::Theme::HighContrast);
    // At 200 % the chart keeps most of the window, still holds its missions, and the ring still
    // walks them.
    let timeline = harness.get_by_label("Timeline").rect();
    let window = harness.ctx.content_rect();
    assert!(
        timeline.width() >= 0.55 * window.width(),
        "{timeline:?} in {window:?}"
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(harness.state().ringed_mission().is_some());
    assert!(
        harness
            .query_by_label("International Space Station")
            .is_some()
    );
}
