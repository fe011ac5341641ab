//! The app in a headless window, for the UI tests.

use egui_kittest::Harness;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::layout::{TimeView, day_number};
use ger_planner::ui::GerApp;

use super::date;

/// The day the window's tests take as today: what they show does not depend on the clock.
pub const TODAY: &str = "2026-12-01";

/// A 1600×900 window on `app`, with the app's fonts, on [`TODAY`]. An app made by
/// `GerApp::new` works in the background, as the window does: what it finds arrives a few
/// frames later, so a run may take more frames to settle.
pub fn harness_for(mut app: GerApp) -> Harness<'static, GerApp> {
    app.set_today(date(TODAY));
    let mut harness = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(ger_planner::ui::install_fonts)
        .build_ui_state(|ui, app: &mut GerApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app on the bundled roadmap, showing 2020–2030 (so drags snap to months).
pub fn app_harness() -> Harness<'static, GerApp> {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut app = GerApp::with_roadmap(roadmap);
    app.set_time_view(TimeView::between(
        day_number(date("2020-01-01")),
        day_number(date("2030-01-01")),
    ));
    harness_for(app)
}

/// Asserts that exactly the missions with these ids are selected.
pub fn assert_selected(harness: &Harness<'_, GerApp>, ids: &[&str]) {
    let selected: Vec<String> = (harness.state().selected_ids().iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(selected, ids);
}

/// The app on a copy of `roadmap` saved as `plan.json` in a new folder (kept alive by the
/// returned guard), opened as a user opens a file.
pub fn harness_on_file(
    roadmap: &ger_planner::model::Roadmap,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, GerApp>,
) {
    let opened = harness_on_text(&ger_planner::format::to_json(roadmap));
    assert_eq!(opened.2.state().roadmap(), roadmap, "the file is open");
    opened
}

/// The app on `text` saved as `plan.json` in a new folder (kept alive by the returned guard),
/// opened as a user opens a file.
pub fn harness_on_text(
    text: &str,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, GerApp>,
) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("plan.json");
    std::fs::write(&path, text).unwrap_or_else(|err| panic!("{err}"));
    let mut app = GerApp::with_roadmap(ger_planner::model::Roadmap::default());
    app.open(&path);
    app.set_time_view(TimeView::between(
        day_number(date("2020-01-01")),
        day_number(date("2030-01-01")),
    ));
    (dir, path, harness_for(app))
}

/// Whether the status bar says the roadmap has unsaved changes.
pub fn shows_modified(harness: &Harness<'_, GerApp>) -> bool {
    use egui_kittest::kittest::Queryable as _;
    harness.query_by_label_contains("(modified)").is_some()
}

/// Presses at `from`, moves to `to` in a few steps, releases there.
pub fn drag(harness: &mut Harness<'_, GerApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// Pixels per day of the chart, measured on the bar labelled `label` of mission `id`: its width
/// over the days it lasts in the open roadmap.
pub fn pixels_per_day(harness: &Harness<'_, GerApp>, label: &str, id: &str) -> f32 {
    use egui_kittest::kittest::Queryable as _;
    let mission = (harness.state().roadmap().missions.iter())
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id}"));
    let days = (mission.end - mission.start).num_days() + 1;
    harness.get_by_label(label).rect().width() / days as f32
}

/// Runs the command palette's first command matching `command`, then answers the path
/// prompt it opens (there is no file dialog in tests) with `path`.
pub fn run_with_path(harness: &mut Harness<'_, GerApp>, command: &str, path: &str) {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_label("Commands").type_text(command);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    answer_path_prompt(harness, path);
}

/// Replaces the path prompt's text with `path` and presses Enter; then lets the work it
/// starts finish (tests run it inline).
pub fn answer_path_prompt(harness: &mut Harness<'_, GerApp>, path: &str) {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    harness.get_by_label("Path of the file:").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Path of the file:").type_text(path);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
}

/// File → Integrate updates… as the keyboard does it, with `paths` separated by `;`.
pub fn integrate_updates(harness: &mut Harness<'_, GerApp>, paths: &[String]) {
    run_with_path(harness, "integrate", &paths.join(";"));
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}
