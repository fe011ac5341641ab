//! Thousands of seeded random actions over the whole window: clicks on any widget, drags of bars
//! and their edges, keys, typing, compare on and off, presentation in and out. After every step
//! nothing has panicked, every selected mission exists, the conflicts are those of the roadmap
//! shown, and "modified" is shown exactly when the roadmap differs from the file. At the end,
//! undoing everything gives the original file byte for byte, and redoing everything the final
//! roadmap.
//!
//! The keyboard-only runs press keys and type, and nothing else: no pointer event at all, as a
//! delegate who cannot use a mouse works.
//!
//! CI runs a few hundred steps with a fixed seed; `GER_RANDOM_STEPS` and `GER_RANDOM_SEED` set
//! others for long local runs, e.g.
//! `GER_RANDOM_STEPS=5000 GER_RANDOM_SEED=7 cargo test random_actions`; `GER_RANDOM_TRACE=1`
//! prints each step (with `-- --nocapture`).

use crate::common;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use ger_planner::analysis::find_conflicts_on;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::edit::MAX_UNDO_STEPS;
use ger_planner::format;
use ger_planner::model::{Dependency, Roadmap};
use ger_planner::ui::{Command, GerApp};

use common::date;
use common::ui::{drag, harness_on_file, harness_on_text, shows_modified};

/// Steps in CI: enough to reach every panel, well under a minute.
const DEFAULT_STEPS: usize = 300;
const DEFAULT_SEED: u64 = 20_261_201;

/// Widgets the random clicker leaves alone: those that replace the open roadmap (and with it the
/// history that the final undo-all checks) or close the app; and the date picker's "calendar"
/// button, whose pop-up (egui_extras') has year, month and day lists without accessible names,
/// which the harness refuses (the typed date fields beside it remain).
const NOT_CLICKED: [&str; 7] = [
    "New",
    "Open…",
    "Quit",
    "Discard",
    "Restore",
    "Open as a new roadmap",
    "calendar",
];

/// The keys pressed at random, with their modifiers. Ctrl+N, Ctrl+O and Ctrl+Q are left out for
/// the reason above.
const KEYS: [(Modifiers, Key); 32] = [
    (Modifiers::NONE, Key::Delete),
    (Modifiers::COMMAND, Key::Z),
    (Modifiers::COMMAND, Key::Y),
    (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    (Modifiers::NONE, Key::ArrowLeft),
    (Modifiers::NONE, Key::ArrowRight),
    (Modifiers::ALT, Key::ArrowLeft),
    (Modifiers::ALT, Key::ArrowRight),
    (Modifiers::NONE, Key::ArrowUp),
    (Modifiers::NONE, Key::Space),
    (Modifiers::NONE, Key::F6),
    (Modifiers::NONE, Key::F2),
    (Modifiers::NONE, Key::F),
    (Modifiers::COMMAND, Key::A),
    (Modifiers::NONE, Key::Escape),
    (Modifiers::NONE, Key::F5),
    (Modifiers::NONE, Key::PageDown),
    (Modifiers::NONE, Key::PageUp),
    (Modifiers::NONE, Key::C),
    (Modifiers::NONE, Key::Enter),
    (Modifiers::COMMAND, Key::S),
    (Modifiers::COMMAND, Key::E),
    (Modifiers::NONE, Key::O),
    (Modifiers::NONE, Key::Tab),
    (Modifiers::SHIFT, Key::Tab),
    (Modifiers::NONE, Key::ArrowDown),
    (Modifiers::NONE, Key::Home),
    (Modifiers::NONE, Key::End),
    (Modifiers::COMMAND, Key::F),
    (Modifiers::SHIFT, Key::F10),
    (Modifiers::ALT.plus(Modifiers::SHIFT), Key::ArrowRight),
    (Modifiers::COMMAND, Key::Space),
];

/// What is typed into a focused text field.
const TEXTS: [&str; 6] = ["2027-05-01", "Lunar", "x", "-5", "2031-13-40", "ESA"];

/// A small, seedable random stream (splitmix64): the same seed, the same run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }

    fn between(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * (self.next() % 10_000) as f32 / 10_000.0
    }
}

fn setting<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A widget on screen the clicker can aim at.
struct Target {
    role: Role,
    label: String,
    rect: Rect,
}

/// The widgets on screen: those the clicker may aim at, and the areas of those it leaves
/// alone (which can lie over another widget, as an open menu does).
fn targets(harness: &Harness<'_, GerApp>) -> (Vec<Target>, Vec<Rect>) {
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 900.0));
    let mut aimed = Vec::new();
    let mut avoided = Vec::new();
    let widgets = harness.query_all(by().predicate(|node| {
        matches!(
            node.role(),
            Role::Button
                | Role::CheckBox
                | Role::RadioButton
                | Role::ComboBox
                | Role::Tab
                | Role::MenuItem
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::SpinButton
                | Role::Slider
                | Role::Link
                | Role::RowHeader
        ) && !node.is_disabled()
    }));
    for node in widgets {
        let label = node.accesskit_node().label().unwrap_or_default();
        let rect = node.rect().intersect(screen);
        if !rect.is_positive() {
            continue;
        }
        if left_alone(&label) {
            avoided.push(rect);
        } else {
            aimed.push(Target {
                role: node.accesskit_node().role(),
                label,
                rect,
            });
        }
    }
    (aimed, avoided)
}

/// Whether the widget named `label` is one the random actions leave alone. A menu entry's name
/// ends with its shortcut: "New Ctrl+N". Recent files are listed by path: opening one replaces
/// the roadmap too.
fn left_alone(label: &str) -> bool {
    label.contains('/')
        || NOT_CLICKED
            .iter()
            .any(|name| label == *name || label.starts_with(&format!("{name} ")))
}

/// Whether the widget with the keyboard is one left alone (Space or Enter would press it).
fn focus_left_alone(harness: &Harness<'_, GerApp>) -> bool {
    harness
        .query_all(by().predicate(|node| node.is_focused()))
        .any(|node| left_alone(&node.accesskit_node().label().unwrap_or_default()))
}

/// Clicks at `pos`, unless a widget left alone is there.
fn click_at(harness: &Harness<'_, GerApp>, avoided: &[Rect], pos: Pos2, button: PointerButton) {
    if avoided.iter().any(|rect| rect.contains(pos)) {
        return;
    }
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

/// One random action; returns what it was, for the message of a failed check.
fn act(
    harness: &mut Harness<'_, GerApp>,
    random: &mut Random,
    baseline: &std::path::Path,
    input: Input,
) -> String {
    let roll = match input {
        Input::Everything => random.below(100),
        // Keys (55..=79) and typing (80..=87) only.
        Input::KeyboardOnly => 55 + random.below(33),
    };
    let names: Vec<String> = harness
        .state()
        .roadmap()
        .missions
        .iter()
        .map(|m| m.name.clone())
        .collect();
    let (all, avoided) = targets(harness);
    let bars: Vec<&Target> = all
        .iter()
        .filter(|t| t.role == Role::Button && names.contains(&t.label))
        .collect();
    match roll {
        0..=34 => {
            // Bars outnumber the other widgets; aim at menus, tabs and fields as often.
            let widgets: Vec<&Target> = all
                .iter()
                .filter(|t| !(t.role == Role::Button && names.contains(&t.label)))
                .collect();
            let pool = if random.below(3) == 0 {
                &bars
            } else {
                &widgets
            };
            let Some(target) = random.pick(pool) else {
                return "nothing to click".to_owned();
            };
            let pos = target.rect.center();
            let secondary = random.below(10) == 0;
            let button = if secondary {
                PointerButton::Secondary
            } else {
                PointerButton::Primary
            };
            click_at(harness, &avoided, pos, button);
            format!(
                "click{} on {:?} “{}”",
                if secondary { " (right)" } else { "" },
                target.role,
                target.label
            )
        }
        35..=54 => {
            let Some(bar) = random.pick(&bars) else {
                return "no bar to drag".to_owned();
            };
            let rect = bar.rect;
            let from = match random.below(3) {
                0 => pos2(rect.left() + 1.0, rect.center().y),
                1 => pos2(rect.right() - 1.0, rect.center().y),
                _ => rect.center(),
            };
            let to = from + vec2(random.between(-300.0, 300.0), random.between(-20.0, 20.0));
            if avoided.iter().any(|r| r.contains(from) || r.contains(to)) {
                return "drag skipped: a widget left alone is there".to_owned();
            }
            drag(harness, from, to);
            format!("drag of “{}” from {from:?} to {to:?}", bar.label)
        }
        55..=79 => {
            let &(modifiers, key) = random.pick(&KEYS).unwrap_or(&KEYS[0]);
            if matches!(key, Key::Space | Key::Enter) && focus_left_alone(harness) {
                return "key skipped: the widget with the keyboard is left alone".to_owned();
            }
            harness.key_press_modifiers(modifiers, key);
            format!("key {modifiers:?} {key:?}")
        }
        80..=87 => {
            let text = *random.pick(&TEXTS).unwrap_or(&"x");
            harness.event(Event::Text(text.to_owned()));
            // Enter presses the widget with the keyboard: never one left alone.
            if random.below(2) == 0 && !focus_left_alone(harness) {
                harness.key_press(Key::Enter);
            }
            format!("typed “{text}”")
        }
        88..=91 => {
            let pos = pos2(random.between(180.0, 1200.0), random.between(60.0, 860.0));
            click_at(harness, &avoided, pos, PointerButton::Primary);
            format!("click at {pos:?}")
        }
        92..=95 => {
            harness.state_mut().compare_with(baseline);
            "compare with the 2020 plan".to_owned()
        }
        _ => {
            let ctx = harness.ctx.clone();
            harness.state_mut().run(&ctx, Command::StopComparing);
            "stop comparing".to_owned()
        }
    }
}

/// The checks made after every step.
fn check(harness: &Harness<'_, GerApp>, step: usize, what: &str) {
    let app = harness.state();
    let context = || format!("after step {step} ({what})");
    assert_eq!(
        app.selected_ids().len(),
        app.selection().len(),
        "every selected mission exists, {}",
        context()
    );
    assert_eq!(
        app.conflicts(),
        find_conflicts_on(app.roadmap(), date(common::ui::TODAY)).as_slice(),
        "the conflicts shown are the roadmap's, {}",
        context()
    );
    let path = app
        .path()
        .unwrap_or_else(|| panic!("the file stays open, {}", context()));
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{err}, {}", context()));
    // A merge being resolved is not on disk until it is saved.
    let resolving = format::has_markers(&text);
    assert_eq!(
        app.merge_progress().is_some(),
        resolving,
        "a merge is resolved while the file has markers, {}",
        context()
    );
    let modified = resolving
        || *app.roadmap()
            != format::read_str(&text, "plan.json")
                .unwrap_or_else(|err| panic!("{err}, {}", context()));
    assert_eq!(
        app.is_modified(),
        modified,
        "modified by value, {}",
        context()
    );
    if let Some(outlook) = app.outlook() {
        assert_eq!(
            outlook.missions.len(),
            app.roadmap().missions.len(),
            "the outlook shown is of the roadmap's missions, {}",
            context()
        );
        for (mission, o) in app.roadmap().missions.iter().zip(&outlook.missions) {
            assert_eq!(o.planned_start, mission.start, "{}", context());
            assert!(o.p50_start <= o.p80_start, "{}", context());
        }
    }
    if app.presented_view().is_none() && !app.has_dialog() {
        assert_eq!(
            shows_modified(harness),
            modified,
            "the status bar says so, {}",
            context()
        );
    }
}

/// What the random actions may use.
#[derive(Clone, Copy, Debug)]
enum Input {
    /// Pointer, keys and typing.
    Everything,
    /// Keys and typing alone.
    KeyboardOnly,
}

fn random_actions(roadmap: &Roadmap, input: Input) {
    let (_dir, _, harness) = harness_on_file(roadmap);
    random_actions_from(harness, &format::to_json(roadmap), input);
}

/// Random actions on the window, then every step undone (which gives the roadmap `original`
/// as a canonical file) and redone.
fn random_actions_from(mut harness: Harness<'static, GerApp>, original: &str, input: Input) {
    let steps: usize = setting("GER_RANDOM_STEPS", DEFAULT_STEPS);
    let seed: u64 = setting("GER_RANDOM_SEED", DEFAULT_SEED);
    assert!(steps < MAX_UNDO_STEPS, "undo-all must reach the start");
    // The outlook (O) is worked out again after every edit: enough runs to have one.
    harness.state_mut().set_outlook_runs(100);
    let baseline =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/ger-2020-plan.json");
    let mut random = Random(seed);
    for step in 0..steps {
        let what = act(&mut harness, &mut random, &baseline, input);
        harness.run();
        if std::env::var("GER_RANDOM_TRACE").is_ok() {
            eprintln!(
                "{step}: {what} | undo {} modified {} dialog {} presenting {:?}",
                harness.state().undo_count(),
                harness.state().is_modified(),
                harness.state().has_dialog(),
                harness.state().presented_view()
            );
        }
        check(&harness, step, &what);
    }

    let ctx = harness.ctx.clone();
    let last = harness.state().roadmap().clone();
    let app = harness.state_mut();
    let mut undone = 0;
    while app.undo_count() > 0 {
        app.run(&ctx, Command::Undo);
        undone += 1;
    }
    assert_eq!(
        format::to_json(app.roadmap()),
        *original,
        "undoing all {undone} steps gives the original file byte for byte (seed {seed})"
    );
    for _ in 0..undone {
        app.run(&ctx, Command::Redo);
    }
    assert!(
        app.roadmap() == &last,
        "redoing them all gives the final roadmap (seed {seed})"
    );
}

#[test]
fn random_actions_on_the_bundled_roadmap_keep_the_editor_consistent() {
    random_actions(
        &bundled_roadmap().unwrap_or_else(|err| panic!("{err}")),
        Input::Everything,
    );
}

#[test]
fn random_keys_alone_on_the_bundled_roadmap_keep_the_editor_consistent() {
    random_actions(
        &bundled_roadmap().unwrap_or_else(|err| panic!("{err}")),
        Input::KeyboardOnly,
    );
}

/// A roadmap as broken as a file can be and still open: a repeated id, references to nothing,
/// a cycle.
fn broken_roadmap() -> Roadmap {
    let mut roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    roadmap.missions.truncate(8);
    let mut twin = roadmap.missions[2].clone();
    twin.name = format!("{} (twin)", twin.name);
    roadmap.missions.push(twin);
    roadmap.missions[3].lead = "NOBODY".into();
    roadmap.missions[4].depends_on.push(Dependency {
        mission: "ghost".into(),
        lag_days: 0,
    });
    let (a, b) = (
        roadmap.missions[5].id.clone(),
        roadmap.missions[6].id.clone(),
    );
    roadmap.missions[5].depends_on = vec![Dependency {
        mission: b,
        lag_days: 10,
    }];
    roadmap.missions[6].depends_on = vec![Dependency {
        mission: a,
        lag_days: 10,
    }];
    roadmap
}

#[test]
fn random_actions_on_a_broken_roadmap_keep_the_editor_consistent() {
    random_actions(&broken_roadmap(), Input::Everything);
}

#[test]
fn random_keys_alone_on_a_broken_roadmap_keep_the_editor_consistent() {
    random_actions(&broken_roadmap(), Input::KeyboardOnly);
}

#[test]
fn random_actions_while_resolving_a_merge_keep_the_editor_consistent() {
    let base = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (k, mission) in ours.missions.iter_mut().enumerate().step_by(5) {
        mission.start = mission.start + chrono::Days::new(30 + k as u64);
        "ours".clone_into(&mut mission.notes);
    }
    for (k, mission) in theirs.missions.iter_mut().enumerate().step_by(3) {
        mission.start = mission.start + chrono::Days::new(60 + k as u64);
    }
    theirs.missions.remove(7);
    theirs.destinations.swap(0, 1);
    let merge = ger_planner::merge::Merge::new(&base, &ours, &theirs);
    let text = merge
        .text_with_markers(7)
        .unwrap_or_else(|err| panic!("{err}"));
    let start = merge.merged().unwrap_or_else(|err| panic!("{err}"));
    let (_dir, _, harness) = harness_on_text(&text);
    assert_eq!(
        harness.state().merge_progress().map(|(_, n)| n),
        Some(merge.conflicts().len())
    );
    random_actions_from(harness, &format::to_json(start), Input::Everything);
}

/// Random actions while three updates are being integrated: the Updates tab's Accept, Reject,
/// choices, Apply and Cancel among everything else.
#[test]
fn random_actions_while_integrating_updates_keep_the_editor_consistent() {
    let base = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let (dir, _, mut harness) = harness_on_file(&base);
    let shifted = |days: u64| {
        let mut update = base.clone();
        for mission in update.missions.iter_mut().step_by(4) {
            mission.start = mission.start + chrono::Days::new(days);
            mission.end = mission.end + chrono::Days::new(days);
        }
        update
    };
    let mut removing = base.clone();
    removing.missions.remove(9);
    let updates = [shifted(30), shifted(60), removing];
    let paths: Vec<String> = (updates.iter().enumerate())
        .map(|(k, roadmap)| {
            let path = dir.path().join(format!("update-{k}.json"));
            format::write_file(&path, roadmap).unwrap_or_else(|err| panic!("{err}"));
            path.display().to_string()
        })
        .collect();
    common::ui::integrate_updates(&mut harness, &paths);
    assert!(harness.state().is_integrating(), "the Updates tab is open");
    random_actions_from(harness, &format::to_json(&base), Input::Everything);
}
