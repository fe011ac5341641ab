//! Grouping and filtering the chart through the real app.

use crate::common;

use common::ui::{app_harness, assert_selected};
use egui_kittest::kittest::Queryable as _;
use ger_planner::layout::Filter;
use ger_planner::model::MissionStatus;

const ARTEMIS_III: &str = "Artemis III — crewed docking test in Earth orbit";

#[test]
fn grouping_by_agency_shows_contributions_and_keeps_selection_and_time_view() {
    let mut harness = app_harness();
    harness.get_by_label(ARTEMIS_III).click();
    harness.run();
    let time = harness.state().time_view();

    harness.get_by_label("By agency").click();
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Artemis III — crewed docking test in Earth orbit — European Service Module; pilot Luca Parmitano"
            )
            .is_some(),
        "ESA's lane has its contribution"
    );
    assert!(
        harness.query_by_label("Low-Earth orbit").is_none(),
        "no destination lanes"
    );
    assert_selected(&harness, &["artemis-3"]);
    assert_eq!(harness.state().time_view(), time);

    harness.get_by_label("By destination").click();
    harness.run();
    assert!(harness.query_by_label("Low-Earth orbit").is_some());
    assert_selected(&harness, &["artemis-3"]);
}

#[test]
fn the_search_hides_the_other_missions_and_says_how_many() {
    let mut harness = app_harness();
    harness.get_by_label("Search:").click();
    harness.run();
    harness.get_by_label("Search:").type_text("artemis");
    harness.run();
    assert!(harness.query_by_label(ARTEMIS_III).is_some());
    assert!(harness.query_by_label("Hera").is_none(), "filtered out");
    let missions = &harness.state().roadmap().missions;
    let search = Filter {
        text: "artemis".to_owned(),
        ..Filter::default()
    };
    let shown = missions
        .iter()
        .filter(|m| m.status != MissionStatus::Cancelled && search.admits(m))
        .count();
    assert!(
        shown >= 5,
        "the Artemis missions, and those whose notes name Artemis"
    );
    let status = format!(
        "{} missions, {} hidden",
        missions.len(),
        missions.len() - shown
    );
    assert!(
        harness.query_by_label(&status).is_some(),
        "status bar: {status}"
    );

    harness.get_by_label("Clear filters").click();
    harness.run();
    assert!(harness.query_by_label("Hera").is_some());
}

#[test]
fn on_request_each_bar_says_its_lead_agency_in_words() {
    let mut harness = app_harness();
    assert!(
        harness
            .query_by_label(&format!("{ARTEMIS_III} (NASA)"))
            .is_none()
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Lead agency in mission names").click();
    harness.run();
    assert!(
        harness
            .query_by_label(&format!("{ARTEMIS_III} (NASA)"))
            .is_some(),
        "the agency is told by text, not by colour alone"
    );
}
