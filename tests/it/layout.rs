//! Layout without a window: which bars are laid out where, with which label, flag and arrows.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use ger_planner::analysis::{Severity, find_conflicts};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::layout::{
    Arrangement, BarShape, Filter, GroupBy, HEADER_HEIGHT, LayoutInput, Scene, Showing, TimeView,
    arrange, day_number, lay_out,
};
use ger_planner::model::{MissionKind, MissionStatus, Outcome, Roadmap};

fn scene(roadmap: &Roadmap, from: &str, to: &str, width: f32, show_cancelled: bool) -> Scene {
    let showing = Showing {
        show_cancelled,
        ..Showing::default()
    };
    scene_showing(roadmap, from, to, width, 900.0, &showing)
}

fn scene_showing(
    roadmap: &Roadmap,
    from: &str,
    to: &str,
    width: f32,
    height: f32,
    showing: &Showing,
) -> Scene {
    let conflicts = find_conflicts(roadmap);
    let arrangement = arrange(roadmap, &conflicts, showing, None);
    let time = TimeView::between(day_number(date(from)), day_number(date(to)));
    lay_out(&plain_input(roadmap, &arrangement, time, width, height))
}

/// `roadmap` laid out over `time` on `width` × `height` pixels, unscrolled, on 2026-11-25,
/// with nothing selected, highlighted, proposed or driving and no outlook: a test sets what it
/// is about.
fn plain_input<'a>(
    roadmap: &'a Roadmap,
    arrangement: &'a Arrangement,
    time: TimeView,
    width: f32,
    height: f32,
) -> LayoutInput<'a> {
    const NOTHING_SELECTED: &BTreeSet<usize> = &BTreeSet::new();
    const NOTHING_PROPOSED: &BTreeMap<usize, (i32, i32)> = &BTreeMap::new();
    LayoutInput {
        roadmap,
        arrangement,
        time,
        width,
        height,
        scroll_y: 0.0,
        selection: NOTHING_SELECTED,
        highlight: None,
        today: date("2026-11-25"),
        proposed: NOTHING_PROPOSED,
        driving: &[],
        outlook: None,
    }
}

/// December 2029 to August 2030: where the small test roadmaps' missions are.
fn early_2030() -> TimeView {
    TimeView::between(
        day_number(date("2029-12-01")),
        day_number(date("2030-08-01")),
    )
}

fn bar<'s>(scene: &'s Scene, name: &str) -> Option<&'s ger_planner::layout::Bar> {
    scene.bars.iter().find(|b| &*b.name == name)
}

#[test]
fn lanes_follow_the_destination_order_of_the_file() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let scene = scene(&roadmap, "2020-01-01", "2030-01-01", 1200.0, false);
    let names: Vec<&str> = scene.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Low-Earth orbit",
            "Cislunar space and Gateway",
            "Lunar surface",
            "Mars and its moons",
            "Asteroids and small bodies"
        ]
    );
    assert!(
        scene.lanes.windows(2).all(|w| w[0].bottom == w[1].top),
        "lanes stack without gaps"
    );
    assert_eq!(scene.lanes[0].top, HEADER_HEIGHT);
}

#[test]
fn overlapping_missions_of_a_lane_go_on_separate_rows() {
    let roadmap = roadmap(vec![
        mission("a", "2027-01-01", "2027-06-30"),
        mission("b", "2027-03-01", "2027-04-30"),
        mission("c", "2027-07-01", "2027-08-01"),
    ]);
    let scene = scene(&roadmap, "2026-01-01", "2028-12-31", 1200.0, false);
    let top = |name: &str| bar(&scene, name).map(|b| b.rect.top.to_bits());
    assert_ne!(top("Mission a"), top("Mission b"), "a and b overlap");
    let rows: BTreeSet<_> = ["Mission a", "Mission b", "Mission c"]
        .into_iter()
        .map(top)
        .collect();
    assert_eq!(
        rows.len(),
        2,
        "c reuses a free row: two rows, as few as two overlapping missions need"
    );
}

#[test]
fn bars_out_of_view_are_not_laid_out_and_short_ones_do_not_vanish() {
    let roadmap = roadmap(vec![
        mission("in-view", "2027-01-01", "2027-06-30"),
        mission("long-ago", "1990-01-01", "1990-06-30"),
        mission("tiny", "2027-08-01", "2027-08-02"),
    ]);
    let scene = scene(&roadmap, "2000-01-01", "2055-01-01", 1000.0, false);
    assert!(bar(&scene, "Mission in-view").is_some());
    assert!(bar(&scene, "Mission long-ago").is_none(), "off screen");
    let tiny = bar(&scene, "Mission tiny").map(|b| b.rect.width());
    assert_eq!(
        tiny,
        Some(ger_planner::layout::MIN_BAR_WIDTH),
        "two days over 55 years is a tenth of a pixel, drawn as a sliver"
    );
}

/// Where a bar's label went: "inside", "shortened", "right", "left" or "hidden".
fn placement(scene: &Scene, name: &str) -> &'static str {
    let Some(bar) = bar(scene, name) else {
        return "not laid out";
    };
    match &bar.label {
        None => "hidden",
        Some(label) if label.inside && label.text == bar.name => "inside",
        Some(label) if label.inside => "shortened",
        Some(label) if label.rect.left >= bar.rect.right => "right",
        Some(_) => "left",
    }
}

#[test]
fn labels_go_inside_when_they_fit_beside_when_free_shortened_inside_when_roomy_else_hidden() {
    let roadmap = roadmap(vec![
        mission("wide", "2027-01-01", "2027-12-31"),
        mission("narrow", "2028-01-10", "2028-01-20"),
        mission("crowded", "2028-06-01", "2028-06-05"),
        mission("neighbour", "2028-06-08", "2028-08-31"),
        mission("blocker", "2028-09-03", "2028-12-31"),
        mission("at the edge", "2029-05-20", "2029-05-25"),
    ]);
    let scene = scene(&roadmap, "2026-06-01", "2029-06-01", 1200.0, false);
    assert_eq!(placement(&scene, "Mission wide"), "inside");
    assert_eq!(placement(&scene, "Mission narrow"), "right");
    assert_eq!(
        placement(&scene, "Mission crowded"),
        "hidden",
        "the next bar is too close on the right, the narrow one's label on the left"
    );
    assert_eq!(
        placement(&scene, "Mission neighbour"),
        "shortened",
        "no room either side, but the bar has room for some of it"
    );
    assert_eq!(
        placement(&scene, "Mission at the edge"),
        "left",
        "no room right of it before the chart ends"
    );
}

#[test]
fn confirmed_and_crewed_missions_win_the_room_for_their_labels() {
    // One row: a wide bar, a planned and a confirmed short one, and a wide bar right after.
    // The only free room for a label is between the two short ones.
    let before = mission("before", "2027-01-01", "2028-01-05");
    let planned = mission("planned", "2028-01-10", "2028-01-20");
    let mut confirmed = mission("confirmed", "2028-06-01", "2028-06-10");
    confirmed.status = MissionStatus::Confirmed;
    let after = mission("after", "2028-06-15", "2028-12-31");
    let roadmap = roadmap(vec![before, planned, confirmed, after]);
    let scene = scene(&roadmap, "2026-06-01", "2029-06-01", 1200.0, false);
    assert_eq!(
        placement(&scene, "Mission confirmed"),
        "left",
        "the space between the two is the confirmed mission's"
    );
    assert_eq!(placement(&scene, "Mission planned"), "hidden");
}

#[test]
fn a_mission_starting_before_its_dependency_ends_is_flagged_with_a_red_arrow() {
    let roadmap = roadmap(vec![
        mission("before", "2027-01-01", "2027-06-30"),
        depends(mission("after", "2027-03-01", "2027-09-30"), "before", 0),
        depends(mission("fine", "2027-08-01", "2027-09-30"), "before", 0),
    ]);
    let scene = scene(&roadmap, "2026-06-01", "2028-06-01", 1200.0, false);
    assert_eq!(
        bar(&scene, "Mission after").and_then(|b| b.conflict),
        Some(Severity::Error)
    );
    assert_eq!(bar(&scene, "Mission fine").and_then(|b| b.conflict), None);
    let violated: Vec<bool> = scene.arrows.iter().map(|a| a.violated).collect();
    assert_eq!(violated.iter().filter(|v| **v).count(), 1, "{violated:?}");
    assert_eq!(scene.arrows.len(), 2);
}

#[test]
fn cancelled_missions_show_only_when_asked_and_one_day_missions_are_diamonds() {
    let roadmap = roadmap(vec![
        with_status(
            mission("dropped", "2027-01-01", "2027-06-30"),
            MissionStatus::Cancelled,
        ),
        mission("milestone", "2027-09-01", "2027-09-01"),
    ]);
    assert!(
        bar(
            &scene(&roadmap, "2026-06-01", "2028-06-01", 1200.0, false),
            "Mission dropped"
        )
        .is_none()
    );
    let shown = scene(&roadmap, "2026-06-01", "2028-06-01", 1200.0, true);
    assert_eq!(
        bar(&shown, "Mission dropped").map(|b| b.status),
        Some(MissionStatus::Cancelled)
    );
    assert_eq!(
        bar(&shown, "Mission milestone").map(|b| b.shape),
        Some(BarShape::Milestone)
    );
}

#[test]
fn missions_with_an_unknown_destination_get_a_lane_of_their_own() {
    let roadmap = roadmap(vec![to(
        mission("lost", "2027-01-01", "2027-06-30"),
        "venus",
    )]);
    let scene = scene(&roadmap, "2026-06-01", "2028-06-01", 1200.0, false);
    assert_eq!(
        scene.lanes.last().map(|l| l.name.as_str()),
        Some("Unknown destination")
    );
    assert!(bar(&scene, "Mission lost").is_some());
}

/// The name of the lane a bar is drawn in.
fn lane_of<'s>(scene: &'s Scene, bar: &ger_planner::layout::Bar) -> &'s str {
    scene
        .lanes
        .iter()
        .find(|l| l.top <= bar.rect.top && bar.rect.bottom <= l.bottom)
        .map_or("", |l| l.name.as_str())
}

#[test]
fn grouped_by_agency_a_mission_is_solid_in_its_leads_lane_and_hatched_in_its_contributors() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let showing = Showing {
        group_by: GroupBy::Agency,
        ..Showing::default()
    };
    let scene = scene_showing(
        &roadmap,
        "2020-01-01",
        "2035-01-01",
        1200.0,
        9000.0,
        &showing,
    );
    let mmx = "MMX (Martian Moons eXploration)";
    let places: Vec<(&str, &str, bool)> = scene
        .bars
        .iter()
        .filter(|b| b.name.starts_with(mmx))
        .map(|b| (lane_of(&scene, b), &*b.name, b.contribution))
        .collect();
    assert_eq!(
        places,
        [
            (
                "CNES — Centre National d'Études Spatiales",
                "MMX (Martian Moons eXploration) — IDEFIX rover",
                true
            ),
            (
                "DLR — Deutsches Zentrum für Luft- und Raumfahrt (German Aerospace Center)",
                "MMX (Martian Moons eXploration) — IDEFIX rover",
                true
            ),
            (
                "ESA — European Space Agency",
                "MMX (Martian Moons eXploration) — Communication components and tracking",
                true
            ),
            ("JAXA — Japan Aerospace Exploration Agency", mmx, false),
            (
                "NASA — National Aeronautics and Space Administration",
                "MMX (Martian Moons eXploration) — MEGANE gamma-ray and neutron spectrometer",
                true
            ),
        ],
        "lanes in the file's order of agencies"
    );
}

#[test]
fn filters_show_only_the_missions_they_let_through_and_count_the_rest() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let filters = [
        Filter {
            agencies: vec!["ESA".into()],
            ..Filter::default()
        },
        Filter {
            destinations: vec!["lunar-surface".into()],
            kinds: vec![MissionKind::Human],
            statuses: vec![MissionStatus::Planned, MissionStatus::Confirmed],
            ..Filter::default()
        },
        Filter {
            text: "ARTEMIS".to_owned(),
            ..Filter::default()
        },
        Filter {
            statuses: vec![MissionStatus::Paused],
            ..Filter::default()
        },
    ];
    for filter in filters {
        let expected: Vec<&str> = roadmap
            .missions
            .iter()
            .filter(|m| m.status != MissionStatus::Cancelled && filter.admits(m))
            .map(|m| m.name.as_str())
            .collect();
        assert!(
            !expected.is_empty() && expected.len() < 40,
            "{filter:?} picks a few: {expected:?}"
        );
        let showing = Showing {
            filter: filter.clone(),
            ..Showing::default()
        };
        let scene = scene_showing(
            &roadmap,
            "1990-01-01",
            "2045-01-01",
            4000.0,
            9000.0,
            &showing,
        );
        let mut shown: Vec<&str> = scene.bars.iter().map(|b| &*b.name).collect();
        shown.sort_unstable();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort_unstable();
        assert_eq!(shown, expected_sorted, "{filter:?}");
        let conflicts = find_conflicts(&roadmap);
        let arrangement = arrange(&roadmap, &conflicts, &showing, None);
        assert_eq!(arrangement.hidden, roadmap.missions.len() - expected.len());
    }
}

#[test]
fn every_mission_that_failed_or_partly_succeeded_is_drawn_with_its_outcome_badge() {
    for name in ["ger-2024-edition.json", "ger-2026-status.json"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("roadmaps")
            .join(name);
        let roadmap = ger_planner::format::read_file(&path).unwrap_or_else(|err| panic!("{err}"));
        let scene = scene(&roadmap, "2010-01-01", "2045-01-01", 1920.0, true);
        let marked: Vec<_> = (roadmap.missions.iter())
            .filter(|m| matches!(m.outcome, Some(Outcome::Failed | Outcome::Partial)))
            .collect();
        assert!(marked.len() >= 5, "{name}: {} marked", marked.len());
        for mission in marked {
            let drawn = bar(&scene, &mission.name)
                .unwrap_or_else(|| panic!("{name}: {} has a bar", mission.name));
            assert_eq!(drawn.outcome, mission.outcome, "{name}: {}", mission.name);
            let badge = drawn
                .outcome_badge()
                .unwrap_or_else(|| panic!("{name}: {} has no badge", mission.name));
            assert!(
                badge.left <= drawn.rect.right && badge.right >= drawn.rect.right - 14.0,
                "{name}: {}'s badge is on its end",
                mission.name
            );
        }
        let paused: Vec<_> = (scene.bars.iter())
            .filter(|b| b.status == MissionStatus::Paused)
            .collect();
        assert!(
            name.contains("2024") || paused.len() == 5,
            "{name}: the Gateway elements are drawn paused"
        );
    }
}

#[test]
fn the_agency_filter_lets_through_missions_led_or_contributed_to() {
    let roadmap = roadmap(vec![
        led_by(mission("esa-led", "2030-01-01", "2030-02-01"), "ESA"),
        mission("nasa-only", "2030-01-01", "2030-02-01"),
    ]);
    let mut helped = mission("esa-helps", "2030-01-01", "2030-02-01");
    helped.contributors.push(ger_planner::model::Contribution {
        agency: "ESA".into(),
        role: "Arm".to_owned(),
    });
    let filter = Filter {
        agencies: vec!["ESA".into()],
        ..Filter::default()
    };
    assert!(filter.admits(&roadmap.missions[0]));
    assert!(!filter.admits(&roadmap.missions[1]));
    assert!(filter.admits(&helped));
}

#[test]
fn highlighting_an_agency_dims_the_missions_it_neither_leads_nor_helps() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let conflicts = find_conflicts(&roadmap);
    let esa = "ESA".into();
    let arrangement = arrange(&roadmap, &conflicts, &Showing::default(), None);
    let time = TimeView::between(
        day_number(date("2020-01-01")),
        day_number(date("2035-01-01")),
    );
    let scene = lay_out(&LayoutInput {
        highlight: Some(&esa),
        ..plain_input(&roadmap, &arrangement, time, 1200.0, 2000.0)
    });
    let dimmed = |name: &str| bar(&scene, name).map(|b| b.dimmed);
    assert_eq!(dimmed("Hera"), Some(false), "led by ESA");
    assert_eq!(
        dimmed("MMX (Martian Moons eXploration)"),
        Some(false),
        "ESA tracks it"
    );
    assert_eq!(dimmed("Tiangong (China Space Station)"), Some(true));
}

#[test]
fn the_legend_lists_exactly_the_lead_agencies_of_the_bars_in_view() {
    let roadmap = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    let scene = scene(&roadmap, "2024-01-01", "2026-01-01", 1200.0, false);
    let leads: BTreeSet<&str> = scene
        .bars
        .iter()
        .map(|b| roadmap.missions[b.mission].lead.as_str())
        .collect();
    let listed: Vec<&str> = scene.agencies.iter().map(|(id, _)| id.as_str()).collect();
    let in_file_order: Vec<&str> = roadmap
        .agencies
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| leads.contains(id))
        .collect();
    assert_eq!(listed, in_file_order);
    assert!(listed.len() < roadmap.agencies.len(), "only those in view");
}

#[test]
fn no_two_texts_overlap_in_either_sample_at_1280_or_1920_px() {
    for path in [
        "roadmaps/ger-2020-plan.json",
        "roadmaps/ger-2026-status.json",
    ] {
        let roadmap = ger_planner::format::read_file(std::path::Path::new(path))
            .unwrap_or_else(|err| panic!("{err}"));
        for group_by in [GroupBy::Destination, GroupBy::Agency] {
            let showing = Showing {
                group_by,
                ..Showing::default()
            };
            let view = ger_planner::layout::fit_all(&roadmap, &showing)
                .unwrap_or_else(|| panic!("{path}: nothing to show"));
            for width in [1280.0, 1920.0] {
                let conflicts = find_conflicts(&roadmap);
                let arrangement = arrange(&roadmap, &conflicts, &showing, None);
                let scene = lay_out(&plain_input(&roadmap, &arrangement, view, width, 10_000.0));
                let labels: Vec<_> = scene.labels().collect();
                let named = scene.bars.iter().filter(|b| b.label.is_some()).count();
                assert!(
                    named * 2 > scene.bars.len(),
                    "{path} {group_by:?} {width}: most bars are named ({named} of {})",
                    scene.bars.len()
                );
                for (k, a) in labels.iter().enumerate() {
                    assert!(
                        a.rect.left >= 0.0 && a.rect.right <= width,
                        "{path} {group_by:?} {width}: {:?} leaves the chart",
                        a.text
                    );
                    for b in &labels[k + 1..] {
                        let (r, s) = (&a.rect, &b.rect);
                        let apart = r.right <= s.left
                            || s.right <= r.left
                            || r.bottom <= s.top
                            || s.bottom <= r.top;
                        assert!(
                            apart,
                            "{path} {group_by:?} {width}: {:?} overlaps {:?}",
                            a.text, b.text
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_proposed_date_is_a_ghost_with_its_arrow_from_the_bar_and_driving_missions_are_marked() {
    let roadmap = roadmap(vec![
        mission("first", "2030-01-01", "2030-01-31"),
        mission("second", "2030-03-01", "2030-03-31"),
    ]);
    let conflicts = find_conflicts(&roadmap);
    let later = (
        day_number(date("2030-06-01")) as i32,
        day_number(date("2030-06-30")) as i32,
    );
    let arrangement = arrange(&roadmap, &conflicts, &Showing::default(), None);
    let scene = lay_out(&LayoutInput {
        selection: &BTreeSet::from([1]),
        proposed: &[(1, later)].into(),
        driving: &[0],
        ..plain_input(&roadmap, &arrangement, early_2030(), 1200.0, 900.0)
    });
    assert_eq!(bar(&scene, "Mission first").map(|b| b.driving), Some(true));
    assert_eq!(
        bar(&scene, "Mission second").map(|b| b.driving),
        Some(false)
    );
    let [ghost] = scene.ghosts.as_slice() else {
        panic!("one ghost: {:?}", scene.ghosts);
    };
    assert!(ghost.proposed);
    assert!(
        ghost.rect.left > ghost.now_left,
        "the ghost is where the bar would go, later"
    );
    let ([from, to], _) = ghost.slip_arrow().unwrap_or_else(|| panic!("an arrow"));
    assert!(
        from[0] < to[0],
        "the arrow runs from the bar to the proposed place"
    );
}

#[test]
fn with_the_outlook_a_bar_has_a_tail_to_its_p80_end_and_a_certain_one_has_none() {
    let mut uncertain = mission("uncertain", "2030-01-01", "2030-01-31");
    uncertain.start_estimate = Some(ger_planner::model::StartEstimate {
        likely: date("2030-03-01"),
        pessimistic: date("2030-06-01"),
    });
    let certain = with_status(
        mission("certain", "2030-01-01", "2030-01-31"),
        MissionStatus::Flown,
    );
    let roadmap = roadmap(vec![uncertain, certain]);
    let options = ger_planner::analysis::OutlookOptions {
        runs: 200,
        seed: 1,
        today: None,
        focus: None,
    };
    let outlook = ger_planner::analysis::outlook(
        &roadmap,
        &ger_planner::model::SlipModel::none(),
        &options,
        &Default::default(),
    )
    .unwrap_or_else(|| panic!("not cancelled"));
    let time = early_2030();
    let conflicts = find_conflicts(&roadmap);
    let arrangement = arrange(&roadmap, &conflicts, &Showing::default(), None);
    let scene = lay_out(&LayoutInput {
        outlook: Some(&outlook),
        ..plain_input(&roadmap, &arrangement, time, 1200.0, 900.0)
    });
    let uncertain = bar(&scene, "Mission uncertain").unwrap_or_else(|| panic!("laid out"));
    let p80_end = outlook.missions[0].p80_end;
    assert!(p80_end > date("2030-03-01"), "{p80_end}");
    let expected = time.x_from_time(day_number(p80_end) + 1.0, 1200.0);
    assert_eq!(uncertain.tail_to, Some(expected));
    assert!(expected > uncertain.rect.right);
    assert_eq!(
        bar(&scene, "Mission certain").map(|b| b.tail_to),
        Some(None),
        "a flown mission's dates are certain"
    );
}
