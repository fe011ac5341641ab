//! The bar above the chart: group by destination or agency, search, filters by agency,
//! destination, kind and status, and the Push successors and Outlook toggles.

use egui::{TextEdit, Ui};

use crate::layout::{Filter, GroupBy, Showing};
use crate::model::{MissionKind, MissionStatus, Roadmap};
use crate::ui::session::Session;
use crate::ui::settings::Settings;

/// Shows the bar; changes the settings as the user asks. `focus_search`: the search field
/// takes the keyboard (Ctrl+F). Returns whether Enter was pressed in the search field: the best
/// match is then wanted.
pub fn toolbar(
    ui: &mut Ui,
    session: &Session,
    settings: &mut Settings,
    focus_search: &mut bool,
) -> bool {
    let mut picked = false;
    // Wrapped: at large text sizes the filters go on a second line rather than off the window.
    ui.horizontal_wrapped(|ui| {
        picked = filters(
            ui,
            session.roadmap(),
            &mut settings.showing,
            session.hidden(),
            std::mem::take(focus_search),
        );
        ui.separator();
        ui.toggle_value(&mut settings.push_successors, "Push successors")
            .on_hover_text(
                "Dragging a mission later pushes the missions that depend on it (shown as \
                 ghosts while dragging, moved on release, one undo step)",
            );
        ui.toggle_value(&mut settings.show_outlook, "Outlook")
            .on_hover_text(
                "How likely each date is (O): each bar fades out to the date by which 80 % of \
                 simulated futures have ended it, from slips measured on the GER 2020 plan or \
                 the mission's own start estimate",
            );
    });
    picked
}

/// Lanes, search and filters; changes `showing` as the user asks. `hidden` missions are not
/// drawn. Returns whether Enter was pressed in the search field.
fn filters(
    ui: &mut Ui,
    roadmap: &Roadmap,
    showing: &mut Showing,
    hidden: usize,
    focus_search: bool,
) -> bool {
    // In the toolbar's wrapped row: each control wraps on its own.
    ui.label("Lanes:");
    ui.selectable_value(
        &mut showing.group_by,
        GroupBy::Destination,
        "By destination",
    )
    .on_hover_text("One lane per destination");
    ui.selectable_value(&mut showing.group_by, GroupBy::Agency, "By agency")
        .on_hover_text(
            "One lane per agency: its missions solid, its contributions hatched with the role",
        );
    ui.separator();
    let search = ui.label("Search:").id;
    let field = ui
        .add(
            TextEdit::singleline(&mut showing.filter.text)
                .hint_text("name or notes (Ctrl+F)")
                .desired_width(160.0),
        )
        .labelled_by(search)
        .on_hover_text("Enter selects the best match and puts the chart's focus on it");
    if focus_search {
        field.request_focus();
    }
    let picked = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let filter = &mut showing.filter;
    ui.menu_button(choice_text("Agencies", filter.agencies.len()), |ui| {
        let all = roadmap
            .agencies
            .iter()
            .map(|a| (a.id.clone(), format!("{} — {}", a.id, a.name)));
        toggles(ui, &mut filter.agencies, all);
    });
    ui.menu_button(
        choice_text("Destinations", filter.destinations.len()),
        |ui| {
            let all = roadmap
                .destinations
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()));
            toggles(ui, &mut filter.destinations, all);
        },
    );
    ui.menu_button(choice_text("Kinds", filter.kinds.len()), |ui| {
        let all = [MissionKind::Human, MissionKind::Robotic].map(|k| (k, k.name().to_owned()));
        toggles(ui, &mut filter.kinds, all.into_iter());
    });
    ui.menu_button(choice_text("Statuses", filter.statuses.len()), |ui| {
        let all = MissionStatus::ALL.map(|s| (s, s.name().to_owned()));
        toggles(ui, &mut filter.statuses, all.into_iter());
        if !showing.show_cancelled {
            ui.weak("Cancelled missions also need View → Show cancelled missions.");
        }
    });
    if filter.is_active() && ui.button("Clear filters").clicked() {
        *filter = Filter::default();
    }
    if hidden > 0 {
        ui.separator();
        ui.weak(format!("{hidden} hidden"));
    }
    picked
}

/// "Agencies" when none is chosen (all pass), "Agencies (2)" when two are.
fn choice_text(what: &str, chosen: usize) -> String {
    if chosen == 0 {
        format!("{what} ▾")
    } else {
        format!("{what} ({chosen}) ▾")
    }
}

/// A check box per value: checked values are the ones let through (none checked: all pass).
fn toggles<T: Clone + PartialEq>(
    ui: &mut Ui,
    chosen: &mut Vec<T>,
    all: impl Iterator<Item = (T, String)>,
) {
    ui.weak("None checked: all shown");
    for (value, label) in all {
        let mut on = chosen.contains(&value);
        if ui.checkbox(&mut on, label).changed() {
            if on {
                chosen.push(value);
            } else {
                chosen.retain(|v| *v != value);
            }
        }
    }
}
