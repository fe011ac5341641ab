//! Integrating the agencies' updates (`integrate`): many returned copies applied to their base
//! by the merge's rules, on random roadmaps and edits (the merge's generators), named cases,
//! and the command.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ger_planner::format;
use ger_planner::merge::{Integration, Reason, unrelated_update};
use ger_planner::model::{AcceptedConflict, ConflictKind, MissionStatus, Outcome, Roadmap};
use proptest::prelude::*;

use super::common::{destination, mission};
use super::merge::{Version, arb_version, base, by_id, made};

/// The result of integrating `updates` into `base`.
fn integrated(base: &Roadmap, updates: &[Roadmap]) -> Roadmap {
    let integration = Integration::new(base, updates);
    integration
        .integrated()
        .cloned()
        .unwrap_or_else(|err| panic!("{err}"))
}

/// The conflicts of an integration as words, with each update's value named by `names`, in a
/// set: the same report whatever the order of the updates.
fn report(integration: &Integration, names: &[&str]) -> BTreeSet<String> {
    (integration.conflicts().iter())
        .map(|c| {
            let mut values: Vec<String> = (names.iter().enumerate())
                .map(|(k, name)| format!("{name}={:?}", c.value_of(k + 1)))
                .collect();
            values.sort();
            format!(
                "{} {} {:?} {:?} {values:?}",
                c.entry(),
                c.field(),
                c.reason,
                c.base
            )
        })
        .collect()
}

/// Versions that edit different missions: the `k`-th of `n` only the missions at positions
/// `k`, `k + n`, …, and only the first may retitle the roadmap.
fn disjoint(mut versions: Vec<Version>) -> Vec<Version> {
    let n = versions.len();
    for (k, version) in versions.iter_mut().enumerate() {
        version.edits.retain(|(index, _)| index % n == k);
        if k > 0 {
            version.title = None;
        }
    }
    versions
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn one_update_gives_that_update(x in arb_version()) {
        let base = base();
        let update = made(&base, &x, "x");
        let integration = Integration::new(&base, std::slice::from_ref(&update));
        prop_assert!(integration.is_clean());
        prop_assert_eq!(integration.integrated().cloned().map(by_id), Ok(by_id(update)));
    }

    #[test]
    fn disjoint_updates_give_every_change_whatever_their_order(
        versions in prop::collection::vec(arb_version(), 2..5)
    ) {
        let base = base();
        let versions = disjoint(versions);
        let n = versions.len();
        let updates: Vec<Roadmap> = (versions.iter().enumerate())
            .map(|(k, v)| made(&base, v, &format!("u{k}")))
            .collect();
        // Each base mission as the update that may edit it left it; every mission added.
        let mut expected = updates[0].clone();
        expected.missions = (base.missions.iter().enumerate())
            .filter_map(|(i, m)| updates[i % n].missions.iter().find(|u| u.id == m.id).cloned())
            .collect();
        for update in &updates {
            let added = update.missions.iter().filter(|m| base.mission(&m.id).is_none());
            expected.missions.extend(added.cloned());
        }
        let integration = Integration::new(&base, &updates);
        prop_assert!(integration.is_clean(), "{:?}", integration.conflicts());
        let forward = integration.integrated().cloned().map(by_id);
        prop_assert_eq!(&forward, &Ok(by_id(expected)));
        let mut backward = updates.clone();
        backward.reverse();
        prop_assert_eq!(&Ok(by_id(integrated(&base, &backward))), &forward);
    }

    #[test]
    fn rejecting_every_change_keeps_the_base_and_accepting_one_updates_gives_it(
        versions in prop::collection::vec(arb_version(), 2..4)
    ) {
        let base = base();
        let versions = disjoint(versions);
        let updates: Vec<Roadmap> = (versions.iter().enumerate())
            .map(|(k, v)| made(&base, v, &format!("u{k}")))
            .collect();
        let integration = Integration::new(&base, &updates);
        let none = integration.resolved(|_| false, |_| 0).map(by_id);
        prop_assert_eq!(none, Ok(by_id(base.clone())));
        let changes = integration.changes();
        for (k, update) in updates.iter().enumerate() {
            let only = integration.resolved(|c| changes[c].sides.contains(&k), |_| 0);
            prop_assert_eq!(only.map(by_id), Ok(by_id(update.clone())), "update {}", k);
        }
    }

    #[test]
    fn the_same_change_in_two_updates_is_no_conflict(x in arb_version()) {
        let base = base();
        let update = made(&base, &x, "x");
        let integration = Integration::new(&base, &[update.clone(), update.clone()]);
        prop_assert!(integration.is_clean());
        prop_assert_eq!(integration.integrated().cloned().map(by_id), Ok(by_id(update)));
    }

    #[test]
    fn swapping_two_updates_only_swaps_them_in_the_report(
        x in arb_version(), y in arb_version()
    ) {
        let base = base();
        let (x, y) = (made(&base, &x, "x"), made(&base, &y, "y"));
        let forward = Integration::new(&base, &[x.clone(), y.clone()]);
        let backward = Integration::new(&base, &[y, x]);
        prop_assert_eq!(report(&forward, &["x", "y"]), report(&backward, &["y", "x"]));
        prop_assert_eq!(forward.counts(), &[backward.counts()[1], backward.counts()[0]][..]);
        let (forward, backward) = (forward.integrated(), backward.integrated());
        prop_assert_eq!(forward.cloned().map(by_id), backward.cloned().map(by_id));
    }

    #[test]
    fn integrating_the_same_updates_again_changes_nothing(
        x in arb_version(), y in arb_version()
    ) {
        let base = base();
        let updates = [made(&base, &x, "x"), made(&base, &y, "y")];
        let once = Integration::new(&base, &updates);
        let Ok(result) = once.integrated().cloned() else {
            return Ok(());
        };
        // The result sent back as one more copy, and every copy sent twice.
        let mut again = updates.to_vec();
        again.push(result.clone());
        again.extend(updates.iter().cloned());
        let twice = Integration::new(&base, &again);
        prop_assert_eq!(twice.integrated().cloned().map(by_id), Ok(by_id(result)));
        let entries = |i: &Integration| -> BTreeSet<String> {
            i.conflicts().iter().map(|c| format!("{} {}", c.entry(), c.field())).collect()
        };
        prop_assert_eq!(entries(&twice), entries(&once));
    }
}

/// One update removes a mission that another changes: the base's mission is kept, and the
/// conflict says which update did what.
#[test]
fn a_removal_against_a_change_keeps_the_base() {
    let base = base();
    let mut removed = base.clone();
    removed.missions.remove(2);
    let mut changed = base.clone();
    "moved to 2031".clone_into(&mut changed.missions[2].notes);
    let integration = Integration::new(&base, &[removed, changed.clone()]);
    let [conflict] = integration.conflicts() else {
        panic!("{:?}", integration.conflicts());
    };
    assert_eq!(
        (conflict.entry().as_str(), conflict.reason),
        ("missions/m2", Reason::DeletedAndChanged)
    );
    assert_eq!(conflict.value_of(1), None, "the first update removed it");
    assert!(conflict.value_of(2).is_some());
    assert_eq!(
        integrated(&base, &[changed.clone()]).missions[2],
        changed.missions[2]
    );
    let result = integration
        .integrated()
        .cloned()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        result.missions[2], base.missions[2],
        "the base's mission is kept"
    );
    let theirs = integration
        .resolved(|_| true, |_| 2)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        theirs.missions[2], changed.missions[2],
        "or the change chosen"
    );
}

/// Two updates add a mission with the same id, differently: it is one conflict, and keeping
/// the base leaves it out; the same addition in both is taken.
#[test]
fn two_additions_with_the_same_id() {
    let base = base();
    let mut a = base.clone();
    a.missions.push(mission("new", "2032-01-01", "2032-02-01"));
    let mut b = base.clone();
    b.missions.push(mission("new", "2033-01-01", "2033-03-01"));
    let integration = Integration::new(&base, &[a.clone(), b.clone()]);
    let [conflict] = integration.conflicts() else {
        panic!("{:?}", integration.conflicts());
    };
    assert_eq!(
        (conflict.entry().as_str(), conflict.field().as_str()),
        ("missions/new", "")
    );
    let result = integration
        .integrated()
        .cloned()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        result.missions, base.missions,
        "not added while updates disagree"
    );
    let chosen = integration
        .resolved(|_| true, |_| 2)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chosen.missions.last(), b.missions.last());
    assert_eq!(
        integrated(&base, &[a.clone(), a.clone()]).missions,
        a.missions
    );
}

/// A lane order changed by one update is taken; two updates reordering the lanes differently
/// keep the base's order.
#[test]
fn lane_reorders() {
    let mut base = base();
    base.destinations = ["leo", "moon", "mars"]
        .map(|id| destination(id, &[]))
        .to_vec();
    let mut reordered = base.clone();
    reordered.destinations.rotate_left(1);
    let mut other = base.clone();
    other.destinations.swap(0, 2);
    let ids = |roadmap: &Roadmap| -> Vec<String> {
        roadmap
            .destinations
            .iter()
            .map(|d| d.id.to_string())
            .collect()
    };
    assert_eq!(
        ids(&integrated(&base, &[reordered.clone(), base.clone()])),
        ids(&reordered)
    );
    let integration = Integration::new(&base, &[reordered, other]);
    let [conflict] = integration.conflicts() else {
        panic!("{:?}", integration.conflicts());
    };
    assert_eq!(conflict.reason, Reason::BothReordered);
    let result = integration
        .integrated()
        .cloned()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&result), ids(&base));
}

/// Accepted conflicts added by two agencies are both kept; an outcome (format version 3) from
/// one and a fixed date (version 2) from another give a roadmap that needs version 3, with no
/// conflict over the version field.
#[test]
fn accepted_conflicts_and_format_versions() {
    let base = base();
    let accepted = |reason: &str, missions: [&str; 2]| AcceptedConflict {
        kind: ConflictKind::ResourceGap,
        missions: missions.map(Into::into).to_vec(),
        agency: None,
        resource: Some("sls".into()),
        reason: reason.to_owned(),
    };
    let mut nasa = base.clone();
    nasa.accepted
        .push(accepted("agreed at the workshop", ["m0", "m3"]));
    nasa.missions[1].status = MissionStatus::Flown;
    nasa.missions[1].outcome = Some(Outcome::Success);
    let mut esa = base.clone();
    esa.accepted
        .push(accepted("ESA accepts the gap", ["m1", "m4"]));
    esa.missions[2].fixed = true;
    assert_eq!(
        (format::version_needed(&nasa), format::version_needed(&esa)),
        (3, 2)
    );
    let integration = Integration::new(&base, &[nasa.clone(), esa.clone()]);
    assert!(integration.is_clean(), "{:?}", integration.conflicts());
    assert_eq!(integration.counts(), [2, 2]);
    let result = integration
        .integrated()
        .cloned()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result.accepted.len(), 2);
    assert_eq!(result.missions[1].outcome, Some(Outcome::Success));
    assert!(result.missions[2].fixed);
    assert_eq!(format::version_needed(&result), 3);
}

/// A copy of another roadmap is named as such, rather than read as a flood of changes.
#[test]
fn an_update_of_another_roadmap_is_named() {
    let base = base();
    assert_eq!(unrelated_update(&base, &base), None);
    let mut retitled = base.clone();
    "Another plan".clone_into(&mut retitled.title);
    assert!(unrelated_update(&base, &retitled).is_some_and(|w| w.contains("Another plan")));
    let mut foreign = base.clone();
    for (k, mission) in foreign.missions.iter_mut().enumerate().take(4) {
        mission.id = format!("other-{k}").as_str().into();
    }
    let warning = unrelated_update(&base, &foreign).unwrap_or_default();
    assert!(warning.contains("4 of its 6 missions"), "{warning}");
}

fn ger_planner(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ger-planner"))
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{err}"))
}

fn written(dir: &Path, name: &str, roadmap: &Roadmap) -> PathBuf {
    let path = dir.join(name);
    format::write_file(&path, roadmap).unwrap_or_else(|err| panic!("{err}"));
    path
}

/// `integrate BASE UPDATE... -o OUT --json`: exit 1 with the conflict and every update's
/// value, OUT written with the rest; 0 when clean; 2 naming an unreadable update, OUT untouched.
#[test]
fn the_command_applies_updates_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let base = base();
    let mut nasa = base.clone();
    nasa.missions[0].notes = "NASA".to_owned();
    nasa.missions[5].notes = "only NASA".to_owned();
    let mut esa = base.clone();
    esa.missions[0].notes = "ESA".to_owned();
    let paths = [
        ("base.json", &base),
        ("nasa.json", &nasa),
        ("esa.json", &esa),
        ("same.json", &base),
    ]
    .map(|(name, roadmap)| written(dir.path(), name, roadmap));
    let out = dir.path().join("out.json");
    let arg = |p: &Path| p.to_str().unwrap_or_default().to_owned();
    let args = [
        arg(&paths[0]),
        arg(&paths[1]),
        arg(&paths[2]),
        arg(&paths[3]),
    ];
    let mut all: Vec<&str> = vec!["integrate"];
    all.extend(args.iter().map(String::as_str));
    let out_arg = arg(&out);
    all.extend(["-o", &out_arg, "--json"]);
    let done = ger_planner(&all);
    assert_eq!(
        done.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&done.stdout).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(report["clean"], false);
    assert_eq!(report["updates"][0]["changes"], 2);
    assert_eq!(report["updates"][2]["changes"], 0);
    let conflict = &report["conflicts"][0];
    assert_eq!(
        (&conflict["entry"], &conflict["field"]),
        (&"missions/m0".into(), &"notes".into())
    );
    let values: Vec<&str> = (conflict["values"].as_array().into_iter().flatten())
        .filter_map(|v| v["value"].as_str())
        .collect();
    assert_eq!(values, ["NASA", "ESA"]);
    let result = format::read_file(&out).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(result.missions[0].notes, "", "the base's value kept");
    assert_eq!(result.missions[5].notes, "only NASA", "the rest applied");
    // Clean: exit 0, and the text report names each update.
    let clean = ger_planner(&["integrate", &args[0], &args[1], &args[3], "-o", &out_arg]);
    assert_eq!(clean.status.code(), Some(0));
    let said = String::from_utf8_lossy(&clean.stderr);
    assert!(
        said.contains("nasa.json: 2 changes") && said.contains("same.json: no changes"),
        "{said}"
    );
    // An unreadable update: exit 2, named, and OUT untouched.
    let before = std::fs::read(&out).unwrap_or_default();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"ger-roadmap\",\n  \"version\": 1,\n  oops",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let failed = ger_planner(&[
        "integrate",
        &args[0],
        &args[1],
        &arg(&broken),
        "-o",
        &out_arg,
    ]);
    assert_eq!(failed.status.code(), Some(2));
    let said = String::from_utf8_lossy(&failed.stderr);
    assert!(
        said.contains("broken.json:3:"),
        "named, with line and column: {said}"
    );
    assert_eq!(std::fs::read(&out).unwrap_or_default(), before);
}

/// In the window: File → Integrate updates… (here through the command palette and the path
/// prompt) reads three agencies' copies; in the Updates tab one change is rejected and a value
/// picked in each conflict; Apply gives the roadmap the rest as one undo step, credited to the
/// updates in the Changes tab; undo takes it back, redo again, and saving writes it.
#[test]
fn the_window_integrates_three_updates_change_by_change() {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    let base = format::read_file(Path::new("roadmaps/ger-2026-status.json"))
        .unwrap_or_else(|err| panic!("{err}"));
    let (dir, plan, mut harness) = super::common::ui::harness_on_file(&base);
    let edited = |edit: &dyn Fn(&mut Roadmap)| {
        let mut update = base.clone();
        edit(&mut update);
        update
    };
    let position = |id: &str| {
        (base.missions.iter())
            .position(|m| m.id.as_str() == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let (artemis, hera, slim) = (position("artemis-4"), position("hera"), position("slim"));
    let date = super::common::date;
    let nasa = edited(&|r| {
        (r.missions[artemis].start, r.missions[artemis].end) =
            (date("2028-09-01"), date("2028-10-01"))
    });
    let esa = edited(&|r| {
        (r.missions[artemis].start, r.missions[artemis].end) =
            (date("2028-11-01"), date("2028-12-01"));
        "ESA update".clone_into(&mut r.missions[hera].notes);
    });
    let jaxa = edited(&|r| {
        r.missions.remove(slim);
    });
    let paths: Vec<String> = [
        ("nasa.json", &nasa),
        ("esa.json", &esa),
        ("jaxa.json", &jaxa),
    ]
    .map(|(name, update)| written(dir.path(), name, update).display().to_string())
    .to_vec();

    super::common::ui::integrate_updates(&mut harness, &paths);
    assert!(
        harness.query_by_label_contains("3 updates into").is_some(),
        "the Updates tab"
    );
    assert!(
        harness
            .query_by_label_contains("2 conflicts between updates")
            .is_some()
    );

    // Reject the removal of SLIM (JAXA's one change), keep NASA's dates for Artemis IV.
    // Each Accept and Reject says which change it is for: ESA's notes, JAXA's removal.
    assert!(
        harness
            .query_by_label_contains("Reject hera: notes: ")
            .is_some()
    );
    harness.get_by_label("Reject slim: removed").click();
    harness.run();
    harness.get_by_label("nasa.json: 2028-09-01").click();
    harness.run();
    harness.get_by_label("nasa.json: 2028-10-01").click();
    harness.run();
    assert_eq!(harness.state().roadmap(), &base, "nothing applied yet");
    assert!(
        (harness.query_by_label_contains("where the accepted updates put it")).is_some(),
        "the chart shows Artemis IV where the accepted updates put it, as a ghost"
    );
    harness.get_by_label("Apply").click();
    harness.run();

    let mut expected = nasa.clone();
    "ESA update".clone_into(&mut expected.missions[hera].notes);
    assert_eq!(harness.state().roadmap(), &expected);
    assert!(
        harness.query_by_label_contains("from nasa.json").is_some(),
        "the Changes tab credits each change to its update"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &base, "one undo step");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().roadmap(), &expected);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = format::read_file(&plan).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(saved, expected);
}

/// Copies made from an older version than the one open: with that version picked as the base
/// (Use another base…), the open roadmap's own changes since are one more update, so the
/// copies' changes join them rather than undoing them.
#[test]
fn the_window_integrates_updates_made_from_an_older_version() {
    use egui_kittest::kittest::Queryable as _;
    let sent = format::read_file(Path::new("roadmaps/ger-2026-status.json"))
        .unwrap_or_else(|err| panic!("{err}"));
    let position = |id: &str| {
        (sent.missions.iter())
            .position(|m| m.id.as_str() == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let (artemis, hera) = (position("artemis-4"), position("hera"));
    let mut open = sent.clone();
    "Edited since the copies went out".clone_into(&mut open.missions[hera].notes);
    let (dir, _, mut harness) = super::common::ui::harness_on_file(&open);
    let mut nasa = sent.clone();
    nasa.missions[artemis].start = super::common::date("2028-06-01");
    let sent_path = written(dir.path(), "sent.json", &sent)
        .display()
        .to_string();
    let nasa_path = written(dir.path(), "nasa.json", &nasa)
        .display()
        .to_string();
    super::common::ui::integrate_updates(&mut harness, &[nasa_path]);
    harness.get_by_label("Use another base…").click();
    harness.run();
    super::common::ui::answer_path_prompt(&mut harness, &sent_path);
    assert!(
        harness.query_by_label_contains("2 updates into").is_some(),
        "the open roadmap is one"
    );
    harness.get_by_label("Apply").click();
    harness.run();
    let mut expected = open.clone();
    expected.missions[artemis].start = nasa.missions[artemis].start;
    assert_eq!(
        harness.state().roadmap(),
        &expected,
        "both changes, nothing undone"
    );
}

/// Several roadmap files dropped on the window together are integrated as updates (one
/// dropped file still opens).
#[test]
fn dropping_several_copies_on_the_window_integrates_them() {
    use egui_kittest::kittest::Queryable as _;
    let base = super::merge::base();
    let (dir, _, mut harness) = super::common::ui::harness_on_file(&base);
    let mut nasa = base.clone();
    "NASA".clone_into(&mut nasa.missions[0].notes);
    let mut esa = base.clone();
    "ESA".clone_into(&mut esa.missions[1].notes);
    let dropped: Vec<egui::DroppedFileHandle> = [("nasa.json", &nasa), ("esa.json", &esa)]
        .into_iter()
        .map(|(name, update)| {
            let handle: egui::DroppedFileHandle = std::sync::Arc::new(super::common::ui::Dropped(
                written(dir.path(), name, update),
            ));
            handle
        })
        .collect();
    harness.input_mut().dropped_files = dropped;
    harness.run();
    harness.run();
    assert!(harness.state().is_integrating(), "the Updates tab opened");
    assert!(harness.query_by_label_contains("2 updates into").is_some());
    harness.get_by_label("Apply").click();
    harness.run();
    let result = harness.state().roadmap();
    assert_eq!(
        (
            result.missions[0].notes.as_str(),
            result.missions[1].notes.as_str()
        ),
        ("NASA", "ESA")
    );
}
