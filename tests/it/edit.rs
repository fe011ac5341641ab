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
    assert_eq!(
        document.keys().position(first),
        Some(0),
        "undo gives the key back"
    );
    assert!(
        !document.keys().contains(inserted),
        "the undone insert's key is gone"
    );
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
    assert_eq!(
        document.selection().iter().copied().collect::<Vec<_>>(),
        [hera]
    );
    document.redo();
    assert_eq!(
        document.selection().iter().copied().collect::<Vec<_>>(),
        [copy_key]
    );
}

#[test]
fn modified_means_different_from_the_saved_roadmap() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let mut document = Document::new(roadmap, true);
    let moved = key(&document, 4);
    let m = document.roadmap().missions[4].clone();
    let later = (
        moved,
        m.start + chrono::Days::new(30),
        m.end + chrono::Days::new(30),
    );
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
        let dates = (
            moved,
            m.start + chrono::Days::new(day),
            m.end + chrono::Days::new(day),
        );
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

mod random_histories {
    //! Random sequences of every kind of change, with undo and redo mixed in: every undo and
    //! redo gives back exactly the roadmap of that point of the history, and the keys always
    //! match the mission list.

    use super::*;
    use chrono::Days;
    use ger_planner::model::{Color, Roadmap};
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Op {
        Shift {
            at: usize,
            days: u64,
        },
        Rename {
            at: usize,
        },
        Insert {
            at: usize,
        },
        Remove {
            at: Vec<usize>,
        },
        Merge {
            at: usize,
        },
        Title,
        Colour {
            shade: u8,
        },
        Drag {
            at: usize,
            days: Vec<u64>,
            cancel: bool,
        },
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..12_usize, 1..400_u64).prop_map(|(at, days)| Op::Shift { at, days }),
            (0..12_usize).prop_map(|at| Op::Rename { at }),
            (0..12_usize).prop_map(|at| Op::Insert { at }),
            prop::collection::vec(0..12_usize, 1..4).prop_map(|at| Op::Remove { at }),
            (0..12_usize).prop_map(|at| Op::Merge { at }),
            Just(Op::Title),
            any::<u8>().prop_map(|shade| Op::Colour { shade }),
            (
                0..12_usize,
                prop::collection::vec(0..90_u64, 1..4),
                any::<bool>()
            )
                .prop_map(|(at, days, cancel)| Op::Drag { at, days, cancel }),
            Just(Op::Undo),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    /// The history as the user sees it: the roadmap at each point, and where we are.
    struct Model {
        states: Vec<Roadmap>,
        at: usize,
    }

    impl Model {
        fn record(&mut self, roadmap: &Roadmap) {
            self.states.truncate(self.at + 1);
            self.states.push(roadmap.clone());
            self.at += 1;
        }
    }

    fn small_roadmap() -> Roadmap {
        let mut roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
        roadmap.missions.truncate(10);
        roadmap
    }

    fn run(ops: Vec<Op>) {
        let mut document = Document::new(small_roadmap(), true);
        let mut model = Model {
            states: vec![document.roadmap().clone()],
            at: 0,
        };
        for op in ops {
            let before = document.roadmap().clone();
            let count = before.missions.len();
            let key_at = |d: &Document, at: usize| d.keys().at(at % count.max(1));
            match op {
                Op::Undo => {
                    assert_eq!(document.undo(), model.at > 0);
                    model.at = model.at.saturating_sub(1);
                }
                Op::Redo => {
                    let can = model.at + 1 < model.states.len();
                    assert_eq!(document.redo(), can);
                    if can {
                        model.at += 1;
                    }
                }
                Op::Colour { shade } => {
                    let amends = document.undo_label() == Some("colour")
                        && model.at + 1 == model.states.len();
                    let mut setup = Setup::of(&before);
                    if let Some(agency) = setup.agencies.first_mut() {
                        agency.color = Some(Color {
                            r: shade,
                            g: 1,
                            b: 2,
                        });
                    }
                    let changes = set_setup(&before, setup);
                    let changed = !changes.is_empty();
                    document.amend("colour", changes);
                    if amends && changed {
                        model.states[model.at] = document.roadmap().clone();
                    } else if changed {
                        model.record(document.roadmap());
                    }
                }
                Op::Drag { at, days, cancel } => {
                    let Some(key) = key_at(&document, at) else {
                        continue;
                    };
                    let m = document
                        .mission(key)
                        .cloned()
                        .unwrap_or_else(|| panic!("key"));
                    for d in days {
                        document.preview_dates(&[(
                            key,
                            m.start + Days::new(d),
                            m.end + Days::new(d),
                        )]);
                    }
                    if cancel {
                        document.cancel_gesture();
                        assert_eq!(
                            document.roadmap(),
                            &before,
                            "a cancelled drag changes nothing"
                        );
                    } else {
                        document.end_gesture("drag");
                        if document.roadmap() != &before {
                            model.record(document.roadmap());
                        }
                    }
                }
                op => {
                    let changes = match op {
                        Op::Shift { at, days } => key_at(&document, at).map_or(Vec::new(), |key| {
                            let m = document
                                .mission(key)
                                .cloned()
                                .unwrap_or_else(|| panic!("key"));
                            set_dates(
                                &document,
                                &[(key, m.start + Days::new(days), m.end + Days::new(days))],
                            )
                        }),
                        Op::Rename { at } => key_at(&document, at).map_or(Vec::new(), |key| {
                            let mut m = document
                                .mission(key)
                                .cloned()
                                .unwrap_or_else(|| panic!("key"));
                            m.name.push('!');
                            replace_mission(&document, key, m)
                        }),
                        Op::Insert { at } => {
                            let mut m = before
                                .missions
                                .first()
                                .cloned()
                                .unwrap_or_else(|| small_roadmap().missions[0].clone());
                            m.id = format!("new-{}", before.missions.len()).as_str().into();
                            insert_mission(&before, at, MissionKey::fresh(), m)
                        }
                        Op::Remove { at } => {
                            let keys: Vec<MissionKey> =
                                at.iter().filter_map(|&a| key_at(&document, a)).collect();
                            remove_missions(&document, &keys)
                        }
                        Op::Merge { at } => {
                            let mut changed = before
                                .missions
                                .get(at % count.max(1))
                                .cloned()
                                .unwrap_or_else(|| small_roadmap().missions[0].clone());
                            changed.notes.push('+');
                            let mut new = changed.clone();
                            new.id = format!("merged-{}", before.missions.len()).as_str().into();
                            merge_missions(&before, &[changed, new])
                        }
                        Op::Title => {
                            let mut setup = Setup::of(&before);
                            setup.title.push('*');
                            set_setup(&before, setup)
                        }
                        Op::Undo | Op::Redo | Op::Colour { .. } | Op::Drag { .. } => unreachable!(),
                    };
                    let changed = !changes.is_empty();
                    document.apply("edit", changes);
                    if changed {
                        model.record(document.roadmap());
                    }
                }
            }
            assert_eq!(
                document.roadmap(),
                &model.states[model.at],
                "the roadmap of this point of the history"
            );
            assert_eq!(
                document.keys().all().len(),
                document.roadmap().missions.len(),
                "one key per mission"
            );
            for (position, &key) in document.keys().all().iter().enumerate() {
                assert_eq!(document.keys().position(key), Some(position));
            }
            assert_eq!(
                document.is_modified(),
                document.roadmap() != &model.states[0]
            );
        }
        while document.undo() {}
        assert_eq!(document.roadmap(), &model.states[0], "undo all: the start");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn undo_and_redo_give_back_every_point_of_a_random_history(ops in prop::collection::vec(op(), 1..40)) {
            run(ops);
        }
    }
}
