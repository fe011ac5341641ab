//! Merging roadmaps by meaning: the merge's rules on random roadmaps and edits, the markers it
//! writes, the `merge` and `git-setup` commands, and a real `git merge` through the driver.

use std::path::Path;
use std::process::{Command, Output};

use ger_planner::format;
use ger_planner::merge::{Merge, Side};
use ger_planner::model::{
    AcceptedConflict, ConflictKind, Contribution, Filter, GroupBy, Mission, MissionStatus, Outcome,
    Roadmap, SavedView,
};
use proptest::prelude::*;

use super::common::{date, depends, destination, mission, resource, roadmap, uses};

/// The base of the random merges: six missions with unique ids and a shared resource.
pub(crate) fn base() -> Roadmap {
    let mut plan = roadmap(
        (0..6)
            .map(|i| mission(&format!("m{i}"), "2030-01-01", "2030-06-01"))
            .collect(),
    );
    plan.resources = vec![resource("sls", 2, 0), resource("hls", 1, 0)];
    plan
}

/// One change to one field of a mission.
#[derive(Clone, Debug)]
pub(crate) enum FieldEdit {
    Shift(i64),
    Notes(&'static str),
    Lead(&'static str),
    Resource(&'static str),
    Contributor(&'static str),
}

impl FieldEdit {
    fn apply(&self, mission: &mut Mission) {
        match self {
            Self::Shift(days) => {
                let days = chrono::Duration::days(*days);
                (mission.start, mission.end) = (mission.start + days, mission.end + days);
            }
            Self::Notes(text) => (*text).clone_into(&mut mission.notes),
            Self::Lead(agency) => mission.lead = (*agency).into(),
            Self::Resource(id) => {
                if !mission.resources.iter().any(|r| r.as_str() == *id) {
                    mission.resources.push((*id).into());
                }
            }
            Self::Contributor(agency) => {
                if !mission
                    .contributors
                    .iter()
                    .any(|c| c.agency.as_str() == *agency)
                {
                    mission.contributors.push(Contribution {
                        agency: (*agency).into(),
                        role: String::new(),
                    });
                }
            }
        }
    }

    /// Which field it changes: edits of different fields never conflict.
    fn field(&self) -> usize {
        match self {
            Self::Shift(_) => 0,
            Self::Notes(_) => 1,
            Self::Lead(_) => 2,
            Self::Resource(_) => 3,
            Self::Contributor(_) => 4,
        }
    }
}

pub(crate) fn arb_field_edit() -> impl Strategy<Value = FieldEdit> {
    prop_oneof![
        (-40..40i64).prop_map(FieldEdit::Shift),
        prop::sample::select(vec!["", "a", "b"]).prop_map(FieldEdit::Notes),
        prop::sample::select(vec!["NASA", "ESA"]).prop_map(FieldEdit::Lead),
        prop::sample::select(vec!["sls", "hls"]).prop_map(FieldEdit::Resource),
        prop::sample::select(vec!["ESA", "NASA"]).prop_map(FieldEdit::Contributor),
    ]
}

/// A version of a roadmap: field edits (or a deletion, `None`) of missions by position,
/// missions added after a position, and maybe a new title.
#[derive(Clone, Debug)]
pub(crate) struct Version {
    pub(crate) edits: Vec<(usize, Option<FieldEdit>)>,
    pub(crate) added: Vec<usize>,
    pub(crate) title: Option<&'static str>,
}

pub(crate) fn arb_version() -> impl Strategy<Value = Version> {
    (
        prop::collection::vec(
            (0..6usize, prop::option::weighted(0.85, arb_field_edit())),
            0..6,
        ),
        prop::collection::vec(0..7usize, 0..3),
        prop::option::of(prop::sample::select(vec!["Plan A", "Plan B"])),
    )
        .prop_map(|(edits, added, title)| Version {
            edits,
            added,
            title,
        })
}

/// `base` with `version` made by side `name` (which names the missions it adds).
pub(crate) fn made(base: &Roadmap, version: &Version, name: &str) -> Roadmap {
    let mut plan = base.clone();
    let ids: Vec<String> = plan.missions.iter().map(|m| m.id.to_string()).collect();
    for (index, edit) in &version.edits {
        let Some(position) = plan
            .missions
            .iter()
            .position(|m| m.id.as_str() == ids[*index])
        else {
            continue;
        };
        match edit {
            Some(edit) => edit.apply(&mut plan.missions[position]),
            None => {
                plan.missions.remove(position);
            }
        }
    }
    for (k, after) in version.added.iter().enumerate() {
        let new = mission(&format!("{name}-new-{k}"), "2031-01-01", "2031-02-01");
        let at = ids
            .get(*after)
            .and_then(|id| plan.missions.iter().position(|m| m.id.as_str() == id))
            .map_or(0, |p| p + 1);
        plan.missions.insert(at, new);
    }
    if let Some(title) = version.title {
        title.clone_into(&mut plan.title);
    }
    plan
}

fn merged(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Roadmap {
    let merge = Merge::new(base, ours, theirs);
    assert!(merge.is_clean(), "conflicts: {:?}", merge.conflicts());
    merge
        .resolved(|_| Side::Ours)
        .unwrap_or_else(|err| panic!("{err}"))
}

/// Missions sorted by id, and their sets (resources, contributors) sorted: the same roadmap
/// whatever order the additions of two sides took (a list follows ours' order).
pub(crate) fn by_id(mut plan: Roadmap) -> Roadmap {
    plan.missions.sort_by(|a, b| a.id.cmp(&b.id));
    for mission in &mut plan.missions {
        mission.resources.sort();
        mission.contributors.sort_by(|a, b| a.agency.cmp(&b.agency));
    }
    plan
}

/// Versions where ours and theirs edit different missions or different fields: per mission
/// and field, an edit by ours, by theirs or by neither; a deletion by one side of a mission
/// the other leaves alone; additions by both.
fn arb_disjoint_versions() -> impl Strategy<Value = (Version, Version)> {
    let per_mission = prop_oneof![
        4 => prop::collection::vec((prop::option::of(any::<bool>()), arb_field_edit()), 0..4)
            .prop_map(Some),
        1 => Just(None),
    ];
    (
        prop::collection::vec((per_mission, any::<bool>()), 6),
        prop::collection::vec(0..7usize, 0..3),
        prop::collection::vec(0..7usize, 0..3),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(missions, ours_added, theirs_added, title_by_ours)| {
            let mut ours = Version {
                edits: Vec::new(),
                added: ours_added,
                title: None,
            };
            let mut theirs = Version {
                edits: Vec::new(),
                added: theirs_added,
                title: None,
            };
            for (index, (edits, deleted_by_ours)) in missions.into_iter().enumerate() {
                let Some(edits) = edits else {
                    let side = if deleted_by_ours {
                        &mut ours
                    } else {
                        &mut theirs
                    };
                    side.edits.push((index, None));
                    continue;
                };
                let mut owner: [Option<bool>; 5] = [None; 5];
                for (by_ours, edit) in edits {
                    let Some(by_ours) = by_ours else { continue };
                    let owned = owner[edit.field()].get_or_insert(by_ours);
                    let side = if *owned { &mut ours } else { &mut theirs };
                    side.edits.push((index, Some(edit)));
                }
            }
            match title_by_ours {
                Some(true) => ours.title = Some("Plan A"),
                Some(false) => theirs.title = Some("Plan B"),
                None => {}
            }
            (ours, theirs)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_side_merged_with_an_unchanged_one_is_that_side(version in arb_version()) {
        let base = base();
        let changed = made(&base, &version, "x");
        prop_assert_eq!(&merged(&base, &changed, &base), &changed);
        prop_assert_eq!(&merged(&base, &base, &changed), &changed);
        prop_assert_eq!(&merged(&base, &changed, &changed), &changed);
    }

    #[test]
    fn edits_to_different_missions_or_fields_merge_cleanly((ours, theirs) in arb_disjoint_versions()) {
        let base = base();
        let (ours_plan, theirs_plan) = (made(&base, &ours, "ours"), made(&base, &theirs, "theirs"));
        // Both sides' edits applied one after the other.
        let both = Version {
            edits: ours.edits.iter().chain(&theirs.edits).cloned().collect(),
            added: Vec::new(),
            title: ours.title.or(theirs.title),
        };
        let mut expected = made(&base, &both, "none");
        let added = ours_plan.missions.iter().chain(&theirs_plan.missions)
            .filter(|m| m.id.as_str().contains("-new-"));
        expected.missions.extend(added.cloned());
        let result = merged(&base, &ours_plan, &theirs_plan);
        prop_assert_eq!(by_id(result.clone()), by_id(expected));
        // The base's missions keep their order.
        let order = |plan: &Roadmap| plan.missions.iter().map(|m| m.id.to_string())
            .filter(|id| id.starts_with('m')).collect::<Vec<_>>();
        let mut sorted = order(&result);
        sorted.sort();
        prop_assert_eq!(order(&result), sorted);
    }

    #[test]
    fn swapping_the_sides_changes_only_which_is_ours(x in arb_version(), y in arb_version()) {
        let base = base();
        let (x, y) = (made(&base, &x, "x"), made(&base, &y, "y"));
        let forward = Merge::new(&base, &x, &y);
        let backward = Merge::new(&base, &y, &x);
        let described = |merge: &Merge, swap: bool| {
            let mut all: Vec<String> = merge.conflicts().iter().map(|c| {
                let (ours, theirs) = (c.value(Side::Ours), c.value(Side::Theirs));
                let (ours, theirs) = if swap { (theirs, ours) } else { (ours, theirs) };
                format!("{} {} {:?} {:?} {:?} {:?}", c.entry(), c.field(), c.reason, c.base, ours, theirs)
            }).collect();
            all.sort();
            all
        };
        prop_assert_eq!(described(&forward, false), described(&backward, true));
        let take = |merge: &Merge, side| merge.resolved(|_| side).map(by_id);
        prop_assert_eq!(take(&forward, Side::Ours), take(&backward, Side::Theirs));
        prop_assert_eq!(take(&forward, Side::Theirs), take(&backward, Side::Ours));
    }

    #[test]
    fn either_side_of_the_markers_reads_back_as_that_resolution(x in arb_version(), y in arb_version()) {
        let base = base();
        let (x, y) = (made(&base, &x, "x"), made(&base, &y, "y"));
        let merge = Merge::new(&base, &x, &y);
        let text = merge.text_with_markers(7).unwrap_or_else(|err| panic!("{err}"));
        match format::split_markers(&text) {
            None => prop_assert!(merge.is_clean()),
            Some(split) => {
                let split = split.unwrap_or_else(|p| panic!("{p:?}"));
                prop_assert!(!merge.is_clean() && !split.lines.is_empty());
                for (side, text) in [(Side::Ours, &split.ours), (Side::Theirs, &split.theirs)] {
                    let read = format::read_str(text, "side").unwrap_or_else(|err| panic!("{err}"));
                    prop_assert_eq!(Ok(read), merge.resolved(|_| side));
                }
                let base_text = split.base.unwrap_or_else(|| panic!("no base section"));
                let read = format::read_str(&base_text, "base").unwrap_or_else(|err| panic!("{err}"));
                prop_assert_eq!(Ok(read), merge.resolved(|_| Side::Base));
            }
        }
    }
}

/// Each side needs a newer format version for what it added (an outcome and a view of paused
/// missions: 3; an accepted conflict: 2); the versions they name are no conflict, and the
/// result holds both.
#[test]
fn an_outcome_on_one_side_and_an_accepted_conflict_on_the_other_merge_cleanly() {
    let base = base();
    let mut ours = base.clone();
    ours.missions[1].status = MissionStatus::Flown;
    ours.missions[1].outcome = Some(Outcome::Failed);
    ours.views.push(SavedView {
        id: "paused".into(),
        name: "On hold".to_owned(),
        from: date("2029-01-01"),
        to: date("2031-01-01"),
        group_by: GroupBy::Destination,
        filters: Filter {
            statuses: vec![MissionStatus::Paused],
            ..Filter::default()
        },
        show_cancelled: false,
        locked: false,
    });
    let mut theirs = base.clone();
    theirs.missions[4].status = MissionStatus::Paused;
    theirs.accepted.push(AcceptedConflict {
        kind: ConflictKind::ResourceGap,
        missions: vec!["m0".into(), "m3".into()],
        agency: None,
        resource: Some("sls".into()),
        reason: "agreed at the workshop".to_owned(),
    });
    assert_eq!(
        (
            format::version_needed(&ours),
            format::version_needed(&theirs)
        ),
        (3, 3)
    );
    let mut theirs_v2 = theirs.clone();
    theirs_v2.missions[4].status = MissionStatus::Planned;
    assert_eq!(format::version_needed(&theirs_v2), 2);
    for theirs in [theirs, theirs_v2] {
        let result = merged(&base, &ours, &theirs);
        assert_eq!(result.missions[1].outcome, Some(Outcome::Failed));
        assert_eq!(result.missions[4].status, theirs.missions[4].status);
        assert_eq!(result.accepted, theirs.accepted);
        assert_eq!(result.views, ours.views);
        assert_eq!(format::version_needed(&result), 3);
    }
}

#[test]
fn a_mission_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.missions.remove(2);
    let mut theirs = base.clone();
    "moved".clone_into(&mut theirs.missions[2].notes);
    let merge = Merge::new(&base, &ours, &theirs);
    let [conflict] = merge.conflicts() else {
        panic!("{:?}", merge.conflicts())
    };
    assert_eq!(
        (conflict.entry().as_str(), conflict.field().as_str()),
        ("missions/m2", "")
    );
    assert_eq!(conflict.value(Side::Ours), None);
    let kept = merge
        .resolved(|_| Side::Theirs)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.missions[2].notes, "moved");
}

#[test]
fn a_repeated_id_is_a_conflict_not_a_guess() {
    let base = base();
    let mut ours = base.clone();
    let mut twin = ours.missions[1].clone();
    "twin".clone_into(&mut twin.name);
    ours.missions.insert(2, twin);
    let mut theirs = base.clone();
    "changed".clone_into(&mut theirs.missions[1].notes);
    let merge = Merge::new(&base, &ours, &theirs);
    let [conflict] = merge.conflicts() else {
        panic!("{:?}", merge.conflicts())
    };
    assert_eq!(conflict.entry(), "missions/m1");
    assert_eq!(conflict.reason.name(), "repeated-id");
    let ours_kept = merge
        .resolved(|_| Side::Ours)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ours_kept.missions.len(), 7, "both twins kept");
}

#[test]
fn lanes_reordered_on_one_side_take_that_order_and_on_both_sides_conflict() {
    let mut base = base();
    base.destinations.push(destination("venus", &[]));
    let ids = |plan: &Roadmap| -> Vec<String> {
        plan.destinations.iter().map(|d| d.id.to_string()).collect()
    };
    let mut ours = base.clone();
    ours.destinations.swap(0, 1);
    assert_eq!(ids(&merged(&base, &ours, &base)), ["mars", "moon", "venus"]);
    assert_eq!(ids(&merged(&base, &base, &ours)), ["mars", "moon", "venus"]);
    let mut theirs = base.clone();
    theirs.destinations.swap(1, 2);
    let merge = Merge::new(&base, &ours, &theirs);
    let [conflict] = merge.conflicts() else {
        panic!("{:?}", merge.conflicts())
    };
    assert_eq!(
        (conflict.entry().as_str(), conflict.field().as_str()),
        ("destinations", "order")
    );
    let theirs_kept = merge
        .resolved(|_| Side::Theirs)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&theirs_kept), ["moon", "venus", "mars"]);
}

#[test]
fn launch_windows_merge_as_a_set() {
    let base = base();
    let with_window = |plan: &Roadmap, start: &str, end: &str| {
        let mut plan = plan.clone();
        plan.destinations[1] = destination("mars", &[(start, end)]);
        plan
    };
    let ours = with_window(&base, "2031-01-01", "2031-03-01");
    let theirs = with_window(&base, "2033-03-01", "2033-05-31");
    let result = merged(&base, &ours, &theirs);
    let mut windows: Vec<String> = result.destinations[1]
        .launch_windows
        .iter()
        .map(|w| w.start.to_string())
        .collect();
    windows.sort();
    assert_eq!(windows, ["2031-01-01", "2033-03-01"], "both windows added");
}

#[test]
fn an_empty_base_merges_what_both_sides_added_and_conflicts_where_they_differ() {
    let ours = roadmap(vec![mission("a", "2030-01-01", "2030-02-01")]);
    let mut theirs = ours.clone();
    theirs.missions[0].start = date("2030-01-15");
    theirs
        .missions
        .push(mission("b", "2031-01-01", "2031-02-01"));
    let merge = Merge::without_base(&ours, &theirs);
    let [conflict] = merge.conflicts() else {
        panic!("{:?}", merge.conflicts())
    };
    assert_eq!(conflict.field(), "start");
    let kept = merge
        .resolved(|_| Side::Ours)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.missions.len(), 2);
}

// The command line.

/// `merge` of the three versions written in a folder, into `out.json`.
const MERGE_FILES: [&str; 6] = [
    "merge",
    "base.json",
    "ours.json",
    "theirs.json",
    "-o",
    "out.json",
];

fn ger_planner(args: &[&str], directory: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ger-planner"))
        .args(args)
        .current_dir(directory)
        .output()
        .unwrap_or_else(|err| panic!("cannot run ger-planner: {err}"))
}

fn write(path: &Path, plan: &Roadmap) {
    format::write_file(path, plan).unwrap_or_else(|err| panic!("{err}"));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A base with Artemis III and IV, and two sides: ours moves Artemis III, theirs moves it
/// elsewhere, or (with `clash` false) theirs adds a mission that depends on it.
fn artemis_versions(clash: bool) -> (Roadmap, Roadmap, Roadmap) {
    let base = roadmap(vec![
        mission("artemis-3", "2027-06-01", "2027-07-01"),
        mission("artemis-4", "2029-01-01", "2029-02-01"),
    ]);
    let mut ours = base.clone();
    ours.missions[0].start = date("2028-06-01");
    ours.missions[0].end = date("2028-07-01");
    let mut theirs = base.clone();
    if clash {
        theirs.missions[0].start = date("2027-09-01");
    } else {
        // Fine against theirs' Artemis III (ends 2027-07-01), not against ours'.
        theirs.missions.push(depends(
            mission("lunar-base", "2028-01-01", "2028-03-01"),
            "artemis-3",
            30,
        ));
    }
    (base, ours, theirs)
}

fn write_versions(dir: &Path, (base, ours, theirs): &(Roadmap, Roadmap, Roadmap)) {
    write(&dir.join("base.json"), base);
    write(&dir.join("ours.json"), ours);
    write(&dir.join("theirs.json"), theirs);
}

/// `merge base.json ours.json theirs.json -o out.json --json` on the Artemis versions in a new
/// folder: the folder, the command's output and its JSON report.
fn merge_artemis(clash: bool) -> (tempfile::TempDir, Output, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    write_versions(dir.path(), &artemis_versions(clash));
    let output = ger_planner(&[&MERGE_FILES[..], &["--json"]].concat(), dir.path());
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("{err}"));
    (dir, output, report)
}

#[test]
fn merge_reports_the_roadmap_conflicts_only_the_merge_made() {
    let (dir, output, report) = merge_artemis(false);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(report["clean"], true);
    let made = report["new_conflicts"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    assert_eq!(made.len(), 1, "{report}");
    assert_eq!(made[0]["kind"], "dependency");
    assert_eq!(
        made[0]["missions"],
        serde_json::json!(["artemis-3", "lunar-base"])
    );
    assert!(text(&output.stderr).contains("new roadmap conflict"));
    let result = format::read_file(&dir.path().join("out.json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result.missions.len(), 3);
    assert_eq!(result.missions[0].start, date("2028-06-01"));
}

#[test]
fn merge_writes_markers_that_check_reports_and_json_lists() {
    let (dir, output, report) = merge_artemis(true);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(
        report["conflicts"],
        serde_json::json!([{
            "entry": "missions/artemis-3", "field": "start", "reason": "both-changed",
            "base": "2027-06-01", "ours": "2028-06-01", "theirs": "2027-09-01"
        }])
    );
    let marked = read(&dir.path().join("out.json"));
    let conflict = "<<<<<<< ours\n      \"start\": \"2028-06-01\",\n||||||| base\n      \
                    \"start\": \"2027-06-01\",\n=======\n      \"start\": \"2027-09-01\",\n\
                    >>>>>>> theirs\n";
    assert!(marked.contains(conflict), "{marked}");
    assert_eq!(
        marked.matches("<<<<<<<").count(),
        1,
        "only the conflicting line is marked"
    );
    let check = ger_planner(&["check", "out.json"], dir.path());
    assert_eq!(check.status.code(), Some(2));
    let line = marked
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .map(|i| i + 1);
    let said = text(&check.stderr);
    assert!(said.contains("1 unresolved merge conflict"), "{said}");
    assert!(
        said.contains(&format!("out.json:{}:1:", line.unwrap_or_default())),
        "{said}"
    );
}

#[test]
fn merge_leaves_the_output_alone_when_an_input_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    write_versions(dir.path(), &artemis_versions(false));
    std::fs::write(
        dir.path().join("theirs.json"),
        "{\n  \"format\": \"ger-roadmap\",\n  \"version\": 1,\n  \"title\": 5\n}\n",
    )
    .unwrap_or_else(|err| panic!("{err}"));
    std::fs::write(dir.path().join("out.json"), "before").unwrap_or_else(|err| panic!("{err}"));
    let output = ger_planner(&MERGE_FILES, dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("theirs.json:4:"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(read(&dir.path().join("out.json")), "before");
}

// git.

fn git(args: &[&str], directory: &Path, path_with_binary: &str) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(directory)
        .env("PATH", path_with_binary)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", directory)
        .output()
        .unwrap_or_else(|err| panic!("cannot run git (it must be installed): {err}"))
}

/// A repository with `base` committed as `plan.json`, set up by `git-setup`, and two branches
/// `ours` (checked out) and `theirs` committing their versions. Returns the folder and the
/// PATH that finds the driver.
fn repository(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let repo = dir.path();
    let binary = Path::new(env!("CARGO_BIN_EXE_ger-planner"));
    let path = format!(
        "{}:{}",
        binary
            .parent()
            .map(Path::display)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |args: &[&str]| {
        let output = git(args, repo, &path);
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            text(&output.stderr)
        );
    };
    run(&["init", "-q", "-b", "main"]);
    let setup = ger_planner(&["git-setup"], repo);
    assert_eq!(setup.status.code(), Some(0), "{}", text(&setup.stderr));
    let attributes = read(&repo.join(".gitattributes"));
    // Running it again changes nothing.
    let again = ger_planner(&["git-setup"], repo);
    assert!(text(&again.stdout).contains("already in"));
    assert_eq!(read(&repo.join(".gitattributes")), attributes);
    write(&repo.join("plan.json"), base);
    run(&["add", "."]);
    run(&["commit", "-q", "-m", "base"]);
    for (branch, plan) in [("theirs", theirs), ("ours", ours)] {
        run(&["checkout", "-q", "-b", branch, "main"]);
        write(&repo.join("plan.json"), plan);
        run(&["commit", "-q", "-am", branch]);
    }
    (dir, path)
}

#[test]
fn git_merges_edits_of_different_missions_and_additions_at_the_end() {
    let base = roadmap(vec![
        mission("a", "2030-01-01", "2030-02-01"),
        mission("b", "2030-03-01", "2030-04-01"),
    ]);
    let mut ours = base.clone();
    ours.missions[0].start = date("2030-01-10");
    ours.missions
        .push(mission("ours-new", "2032-01-01", "2032-02-01"));
    let mut theirs = base.clone();
    theirs.missions[1] = uses(theirs.missions[1].clone(), "sls");
    theirs
        .missions
        .push(mission("theirs-new", "2033-01-01", "2033-02-01"));
    let (dir, path) = repository(&base, &ours, &theirs);
    let merged = git(&["merge", "-q", "--no-edit", "theirs"], dir.path(), &path);
    assert!(
        merged.status.success(),
        "{}{}",
        text(&merged.stdout),
        text(&merged.stderr)
    );
    let mut expected = ours.clone();
    expected.missions[1] = theirs.missions[1].clone();
    expected.missions.insert(2, theirs.missions[2].clone());
    assert_eq!(
        read(&dir.path().join("plan.json")),
        format::to_json(&expected)
    );
}

#[test]
fn git_stops_on_the_same_start_changed_twice_and_check_reports_the_markers() {
    let (base, ours, theirs) = artemis_versions(true);
    let (dir, path) = repository(&base, &ours, &theirs);
    let merged = git(&["merge", "-q", "--no-edit", "theirs"], dir.path(), &path);
    assert!(!merged.status.success(), "the merge must stop");
    let marked = read(&dir.path().join("plan.json"));
    assert_eq!(marked.matches("<<<<<<< ours").count(), 1, "{marked}");
    let check = ger_planner(&["check", "plan.json"], dir.path());
    assert_eq!(check.status.code(), Some(2));
    assert!(text(&check.stderr).contains("1 unresolved merge conflict"));
    // The window resolves it: see merge_ui.
    let resolved = super::merge_ui::resolve_in_window(&dir.path().join("plan.json"), Side::Theirs);
    assert_eq!(resolved.missions[0].start, date("2027-09-01"));
    assert_eq!(
        resolved.missions[0].end,
        date("2028-07-01"),
        "ours' end is kept"
    );
}

#[test]
fn json_files_that_are_not_roadmaps_are_merged_as_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    for (name, text) in [
        (
            "base.json",
            "{\n  \"a\": 1,\n  \"x\": 0,\n  \"y\": 0,\n  \"b\": 2\n}\n",
        ),
        (
            "ours.json",
            "{\n  \"a\": 5,\n  \"x\": 0,\n  \"y\": 0,\n  \"b\": 2\n}\n",
        ),
        (
            "theirs.json",
            "{\n  \"a\": 1,\n  \"x\": 0,\n  \"y\": 0,\n  \"b\": 7\n}\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|err| panic!("{err}"));
    }
    let output = ger_planner(&MERGE_FILES, dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        read(&dir.path().join("out.json")),
        "{\n  \"a\": 5,\n  \"x\": 0,\n  \"y\": 0,\n  \"b\": 7\n}\n"
    );
}

#[test]
fn git_setup_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let output = Command::new(env!("CARGO_BIN_EXE_ger-planner"))
        .arg("git-setup")
        .current_dir(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(dir.path()),
        )
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("not in a git repository"),
        "{}",
        text(&output.stderr)
    );
    assert!(!dir.path().join(".gitattributes").exists());
}
