//! Every kind of edit undoes and redoes exactly, keys name the same mission through any history,
//! and the history stays bounded (DESIGN §5).

use ger_planner::bundled::bundled_roadmap;
use ger_planner::edit::{
    Change, Document, MissionKey, Setup, insert_mission, merge_missions, remove_missions,
    replace_mission, set_dates, set_setup,
};

fn undo_and_redo_exactly(label: &str, edit: impl Fn(&Document) -> Vec<Change>) {
    let original = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(original.clone(), true);
    let changes = edit(&document);
    assert!(!changes.is_empty(), "{label}: the edit changes something");
    document.apply(label, changes);
    let edited = document.roadmap().clone();
    assert_ne!(edited, original, "{label}");
    assert!(document.undo());
    assert_eq!(document.roadmap(), &original, "{label}: undo");
    assert!(!document.is_modified(), "{label}: back to what was saved");
    assert!(document.redo());
    assert_eq!(document.roadmap(), &edited, "{label}: redo");
}

fn key(document: &Document, position: usize) -> MissionKey {
    document
        .keys()
        .at(position)
        .unwrap_or_else(|| panic!("no mission at {position}"))
}

#[test]
fn every_kind_of_edit_undoes_and_redoes_exactly() {
    undo_and_redo_exactly("dates", |d| {
        let m = &d.roadmap().missions[3];
        let shifted = (
            key(d, 3),
            m.start + chrono::Days::new(40),
            m.end + chrono::Days::new(40),
        );
        set_dates(d, &[shifted])
    });
    undo_and_redo_exactly("replace", |d| {
        let mut m = d.roadmap().missions[5].clone();
        m.name.push_str(" (renamed)");
        m.contributors.clear();
        replace_mission(d, key(d, 5), m)
    });
    undo_and_redo_exactly("insert", |d| {
        let mut m = d.roadmap().missions[0].clone();
        m.id = "copy".into();
        insert_mission(d.roadmap(), 2, MissionKey::fresh(), m)
    });
    undo_and_redo_exactly("remove", |d| {
        remove_missions(d, &[key(d, 0), key(d, 7), key(d, 20)])
    });
    undo_and_redo_exactly("merge", |d| {
        let r = d.roadmap();
        let mut changed = r.missions[1].clone();
        changed.notes = "merged".to_owned();
        let mut new = r.missions[2].clone();
        new.id = "merged-new".into();
        merge_missions(r, &[changed, new])
    });
    undo_and_redo_exactly("setup", |d| {
        let r = d.roadmap();
        let mut setup = Setup::of(r);
        setup.title = "Renamed".to_owned();
        setup.agencies.remove(0);
        setup.destinations.swap(0, 1);
        setup.resources.clear();
        set_setup(r, setup)
    });
}

#[test]
fn a_key_names_the_same_mission_after_inserts_removals_undo_and_redo() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(roadmap, true);
    let third = key(&document, 3);
    let name = document.roadmap().missions[3].name.clone();
    let first = key(&document, 0);
    document.apply("remove first", remove_missions(&document, &[first]));
    assert_eq!(document.keys().position(third), Some(2));
    let copy = document.roadmap().missions[0].clone();
    let inserted = MissionKey::fresh();
    let changes = insert_mission(document.roadmap(), 0, inserted, copy);
    document.apply("insert", changes);
    document.undo();
    document.undo();
    assert_eq!(document.keys().position(first), Some(0), "undo gives the key back");
    assert!(!document.keys().contains(inserted), "the undone insert's key is gone");
    document.redo();
    assert!(!document.keys().contains(first));
    assert_eq!(
        document.mission(third).map(|m| m.name.as_str()),
        Some(name.as_str())
    );
}

#[test]
fn undo_after_a_duplicate_selects_the_original_not_a_neighbour() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(roadmap, true);
    let hera = key(&document, 10);
    document.select([hera]);
    let copy = document.roadmap().missions[10].clone();
    let copy_key = MissionKey::fresh();
    let changes = insert_mission(document.roadmap(), 11, copy_key, copy);
    document.apply("Duplicate", changes);
    document.select([copy_key]);
    document.undo();
    assert_eq!(document.selection().iter().copied().collect::<Vec<_>>(), [hera]);
    document.redo();
    assert_eq!(document.selection().iter().copied().collect::<Vec<_>>(), [copy_key]);
}

#[test]
fn modified_means_different_from_the_saved_roadmap() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(roadmap, true);
    let moved = key(&document, 4);
    let m = document.roadmap().missions[4].clone();
    let later = (moved, m.start + chrono::Days::new(30), m.end + chrono::Days::new(30));
    document.apply("right", set_dates(&document, &[later]));
    assert!(document.is_modified());
    document.apply("left", set_dates(&document, &[(moved, m.start, m.end)]));
    assert!(!document.is_modified(), "back where it was saved");
    assert_eq!(document.undo_count(), 2, "both nudges stay undoable");
}

#[test]
fn the_history_keeps_at_most_its_limit_of_steps() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(roadmap, true);
    let moved = key(&document, 0);
    let m = document.roadmap().missions[0].clone();
    for day in 1..=(ger_planner::edit::MAX_UNDO_STEPS as u64 + 5) {
        let dates = (moved, m.start + chrono::Days::new(day), m.end + chrono::Days::new(day));
        document.apply("nudge", set_dates(&document, &[dates]));
    }
    assert_eq!(document.undo_count(), ger_planner::edit::MAX_UNDO_STEPS);
}

#[test]
fn a_continuous_edit_amends_one_step() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let original = roadmap.clone();
    let mut document = Document::new(roadmap, true);
    for shade in 0..30_u8 {
        let mut setup = Setup::of(document.roadmap());
        setup.agencies[0].color = Some(ger_planner::model::Color {
            r: shade,
            g: 0,
            b: 0,
        });
        let changes = set_setup(document.roadmap(), setup);
        document.amend("Change colour of NASA", changes);
    }
    assert_eq!(document.undo_count(), 1, "one step for the whole gesture");
    document.undo();
    assert_eq!(document.roadmap(), &original);
}
