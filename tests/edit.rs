//! Every kind of edit undoes and redoes exactly (DESIGN §5).

use ger_planner::bundled::bundled_roadmap;
use ger_planner::edit::{
    Document, Setup, insert_mission, merge_missions, remove_missions, replace_mission, set_dates,
    set_setup,
};
use ger_planner::model::Roadmap;

fn undo_and_redo_exactly(label: &str, edit: impl Fn(&Roadmap) -> Vec<ger_planner::edit::Change>) {
    let original = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(original.clone(), true);
    let changes = edit(document.roadmap());
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

#[test]
fn every_kind_of_edit_undoes_and_redoes_exactly() {
    undo_and_redo_exactly("dates", |r| {
        let m = &r.missions[3];
        set_dates(
            r,
            &[(
                3,
                m.start + chrono::Days::new(40),
                m.end + chrono::Days::new(40),
            )],
        )
    });
    undo_and_redo_exactly("replace", |r| {
        let mut m = r.missions[5].clone();
        m.name.push_str(" (renamed)");
        m.contributors.clear();
        replace_mission(r, 5, m)
    });
    undo_and_redo_exactly("insert", |r| {
        let mut m = r.missions[0].clone();
        m.id = "copy".into();
        insert_mission(r, 2, m)
    });
    undo_and_redo_exactly("remove", |r| remove_missions(r, &[0, 7, 20]));
    undo_and_redo_exactly("merge", |r| {
        let mut changed = r.missions[1].clone();
        changed.notes = "merged".to_owned();
        let mut new = r.missions[2].clone();
        new.id = "merged-new".into();
        merge_missions(r, &[changed, new])
    });
    undo_and_redo_exactly("setup", |r| {
        let mut setup = Setup::of(r);
        setup.title = "Renamed".to_owned();
        setup.agencies.remove(0);
        setup.destinations.swap(0, 1);
        setup.resources.clear();
        set_setup(r, setup)
    });
}
