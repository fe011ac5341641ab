//! The conflict rules of DESIGN §3, kind by kind, with their boundaries: inclusive days, touching
//! intervals, a start exactly on `end + lag`, a start on a window's last day, cancelled missions.

use crate::common;

use common::*;
use ger_planner::analysis::{Conflict, ConflictKind, Severity, find_conflicts};
use ger_planner::model::MissionStatus;

fn of_kind(conflicts: &[Conflict], kind: ConflictKind) -> Vec<&Conflict> {
    conflicts.iter().filter(|c| c.kind == kind).collect()
}

fn ids(conflict: &Conflict) -> Vec<&str> {
    conflict.missions.iter().map(|m| m.as_str()).collect()
}

#[test]
fn a_coherent_roadmap_has_no_conflicts() {
    let plan = roadmap(vec![
        mission("a", "2027-01-01", "2027-01-31"),
        depends(mission("b", "2027-02-01", "2027-02-10"), "a", 1),
    ]);
    assert_eq!(find_conflicts(&plan), vec![]);
}

#[test]
fn starting_before_the_dependency_ends_plus_lag_is_a_dependency_error() {
    let mut artemis_3 = depends(
        mission("artemis-3", "2027-06-01", "2027-07-01"),
        "artemis-2",
        180,
    );
    artemis_3.name = "Artemis III".to_owned();
    let mut artemis_2 = mission("artemis-2", "2026-09-01", "2026-09-01");
    artemis_2.name = "Artemis II".to_owned();
    // Artemis II ends 2026-09-01; + 180 days = 2027-02-28, so the start is fine …
    assert_eq!(
        find_conflicts(&roadmap(vec![artemis_2.clone(), artemis_3.clone()])),
        vec![]
    );
    // … until Artemis II ends later: 2027-03-03 + 180 = 2027-08-30, 90 days after 2027-06-01.
    artemis_2.end = date("2027-03-03");
    let conflicts = find_conflicts(&roadmap(vec![artemis_2, artemis_3]));
    let found = of_kind(&conflicts, ConflictKind::Dependency);
    assert_eq!(found.len(), 1, "{conflicts:#?}");
    assert_eq!(
        ids(found[0]),
        ["artemis-2", "artemis-3"],
        "both missions, sorted by id"
    );
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(
        found[0].message,
        "Artemis III starts 2027-06-01, 90 days before Artemis II ends + 180 days lag (earliest start 2027-08-30)"
    );
}

#[test]
fn starting_exactly_on_end_plus_lag_satisfies_the_dependency() {
    let on_the_day = roadmap(vec![
        mission("a", "2027-01-01", "2027-01-10"),
        depends(mission("b", "2027-01-15", "2027-02-01"), "a", 5),
    ]);
    assert_eq!(find_conflicts(&on_the_day), vec![]);
    let a_day_early = roadmap(vec![
        mission("a", "2027-01-01", "2027-01-10"),
        depends(mission("b", "2027-01-14", "2027-02-01"), "a", 5),
    ]);
    assert_eq!(
        of_kind(&find_conflicts(&a_day_early), ConflictKind::Dependency).len(),
        1
    );
}

#[test]
fn a_dependency_on_a_cancelled_mission_is_satisfied() {
    let plan = roadmap(vec![
        with_status(
            mission("a", "2028-01-01", "2028-12-31"),
            MissionStatus::Cancelled,
        ),
        depends(mission("b", "2027-01-01", "2027-02-01"), "a", 0),
    ]);
    assert_eq!(find_conflicts(&plan), vec![]);
}

#[test]
fn missions_depending_on_each_other_form_one_cycle_naming_every_member() {
    let plan = roadmap(vec![
        depends(mission("c", "2027-01-01", "2027-01-01"), "a", 0),
        depends(mission("a", "2027-01-01", "2027-01-01"), "b", 0),
        depends(mission("b", "2027-01-01", "2027-01-01"), "c", 0),
        depends(mission("outside", "2028-01-01", "2028-01-01"), "a", 0),
    ]);
    let conflicts = find_conflicts(&plan);
    let cycles = of_kind(&conflicts, ConflictKind::DependencyCycle);
    assert_eq!(cycles.len(), 1, "{conflicts:#?}");
    assert_eq!(ids(cycles[0]), ["a", "b", "c"]);
    assert_eq!(cycles[0].severity, Severity::Error);
}

#[test]
fn a_mission_depending_on_itself_is_a_cycle() {
    let plan = roadmap(vec![depends(
        mission("a", "2027-01-01", "2027-01-01"),
        "a",
        0,
    )]);
    let conflicts = find_conflicts(&plan);
    assert_eq!(
        of_kind(&conflicts, ConflictKind::DependencyCycle).len(),
        1,
        "{conflicts:#?}"
    );
}

#[test]
fn overbooking_is_one_conflict_per_maximal_run_with_every_mission_of_the_run() {
    // Capacity 1: a overlaps b on 01-10..01-15, b overlaps c on 01-20 (touching counts: both
    // ends included), then a gap, then d overlaps e.
    let mut plan = roadmap(vec![
        uses(mission("a", "2027-01-01", "2027-01-15"), "pad"),
        uses(mission("b", "2027-01-10", "2027-01-20"), "pad"),
        uses(mission("c", "2027-01-20", "2027-01-25"), "pad"),
        uses(mission("d", "2027-03-01", "2027-03-10"), "pad"),
        uses(mission("e", "2027-03-10", "2027-03-10"), "pad"),
    ]);
    plan.resources.push(resource("pad", 1, 0));
    let conflicts = find_conflicts(&plan);
    let runs = of_kind(&conflicts, ConflictKind::ResourceOverbooked);
    let summary: Vec<_> = runs
        .iter()
        .map(|c| {
            (
                ids(c),
                c.start,
                c.end,
                c.resource.as_ref().map(|r| r.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                vec!["a", "b"],
                Some(date("2027-01-10")),
                Some(date("2027-01-15")),
                Some("pad")
            ),
            (
                vec!["b", "c"],
                Some(date("2027-01-20")),
                Some(date("2027-01-20")),
                Some("pad")
            ),
            (
                vec!["d", "e"],
                Some(date("2027-03-10")),
                Some(date("2027-03-10")),
                Some("pad")
            ),
        ],
        "01-16..01-19 has one user, so the first run ends on 01-15"
    );
}

#[test]
fn a_run_names_missions_active_on_any_of_its_days() {
    // Capacity 2: over capacity on 01-05..01-12; d is there only on 01-12 and still named,
    // x never meets the run and is not.
    let mut plan = roadmap(vec![
        uses(mission("a", "2027-01-01", "2027-01-31"), "port"),
        uses(mission("b", "2027-01-01", "2027-01-31"), "port"),
        uses(mission("c", "2027-01-05", "2027-01-11"), "port"),
        uses(mission("d", "2027-01-12", "2027-01-12"), "port"),
        uses(mission("x", "2027-03-01", "2027-03-02"), "port"),
    ]);
    plan.resources.push(resource("port", 2, 0));
    let conflicts = find_conflicts(&plan);
    let runs = of_kind(&conflicts, ConflictKind::ResourceOverbooked);
    assert_eq!(
        runs.len(),
        1,
        "c then d keep the count at 3 without a break: {conflicts:#?}"
    );
    assert_eq!(ids(runs[0]), ["a", "b", "c", "d"]);
    assert_eq!(
        (runs[0].start, runs[0].end),
        (Some(date("2027-01-05")), Some(date("2027-01-12")))
    );
}

#[test]
fn a_mission_naming_a_resource_twice_uses_it_once() {
    let mut plan = roadmap(vec![uses(
        uses(mission("a", "2027-01-01", "2027-01-05"), "pad"),
        "pad",
    )]);
    plan.resources.push(resource("pad", 1, 0));
    assert_eq!(find_conflicts(&plan), vec![]);
}

#[test]
fn starts_closer_than_the_minimum_gap_are_a_warning_per_pair() {
    let mut plan = roadmap(vec![
        uses(mission("a", "2027-01-01", "2027-01-02"), "sls"),
        uses(mission("b", "2027-10-28", "2027-10-29"), "sls"), // 300 days after a: fine
        uses(mission("c", "2028-08-23", "2028-08-24"), "sls"), // 300 days after b: fine
        uses(mission("d", "2028-08-24", "2028-08-25"), "sls"), // 1 day after c, 301 after b
        uses(mission("e", "2028-08-24", "2028-08-24"), "sls"), // same day as d
    ]);
    plan.resources.push(resource("sls", 1, 300));
    let conflicts = find_conflicts(&plan);
    let gaps = of_kind(&conflicts, ConflictKind::ResourceGap);
    assert_eq!(
        gaps.iter().map(|c| ids(c)).collect::<Vec<_>>(),
        vec![vec!["c", "d"], vec!["c", "e"], vec!["d", "e"]],
        "{conflicts:#?}"
    );
    assert!(gaps.iter().all(|c| c.severity == Severity::Warning));
}

#[test]
fn a_start_on_a_window_edge_is_inside_and_a_day_past_is_outside() {
    let mut plan = roadmap(vec![
        to(mission("first-day", "2026-10-01", "2027-06-01"), "mars"),
        to(mission("last-day", "2027-01-15", "2027-06-01"), "mars"),
        to(mission("day-after", "2027-01-16", "2027-06-01"), "mars"),
        to(mission("no-windows", "2027-01-16", "2027-06-01"), "moon"),
    ]);
    plan.destinations[1] = destination(
        "mars",
        &[("2026-10-01", "2027-01-15"), ("2028-11-01", "2029-02-15")],
    );
    let conflicts = find_conflicts(&plan);
    let outside = of_kind(&conflicts, ConflictKind::LaunchWindow);
    assert_eq!(
        outside.iter().map(|c| ids(c)).collect::<Vec<_>>(),
        vec![vec!["day-after"]],
        "{conflicts:#?}"
    );
    assert_eq!(outside[0].severity, Severity::Warning);
    assert!(
        outside[0].message.contains("2026-10-01 to 2027-01-15"),
        "names the nearest window: {}",
        outside[0].message
    );
}

#[test]
fn an_agency_leading_more_missions_at_once_than_it_can_is_a_warning_per_run() {
    let mut plan = roadmap(vec![
        led_by(mission("a", "2027-01-01", "2027-12-31"), "ESA"),
        led_by(mission("b", "2027-06-01", "2027-06-30"), "ESA"),
        led_by(mission("c", "2027-12-31", "2028-03-01"), "ESA"),
        mission("nasa-led", "2027-06-01", "2027-06-30"),
    ]);
    plan.agencies[1].max_concurrent = Some(1);
    let conflicts = find_conflicts(&plan);
    let runs = of_kind(&conflicts, ConflictKind::AgencyOvercommitted);
    let summary: Vec<_> = runs
        .iter()
        .map(|c| {
            (
                ids(c),
                c.start,
                c.end,
                c.agency.as_ref().map(|a| a.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                vec!["a", "b"],
                Some(date("2027-06-01")),
                Some(date("2027-06-30")),
                Some("ESA")
            ),
            (
                vec!["a", "c"],
                Some(date("2027-12-31")),
                Some(date("2027-12-31")),
                Some("ESA")
            ),
        ]
    );
    assert!(runs.iter().all(|c| c.severity == Severity::Warning));
}

#[test]
fn every_unknown_reference_of_a_mission_is_reported() {
    let mut broken = mission("m", "2027-01-01", "2027-01-02");
    broken.destination = "venus".into();
    broken.lead = "NASAA".into();
    broken.contributors.push(ger_planner::model::Contribution {
        agency: "ESAA".into(),
        role: String::new(),
    });
    broken = uses(depends(broken, "ghost", 0), "no-such-pad");
    let conflicts = find_conflicts(&roadmap(vec![broken]));
    let unknown = of_kind(&conflicts, ConflictKind::UnknownReference);
    assert_eq!(
        unknown.len(),
        5,
        "destination, lead, contributor, dependency, resource: {conflicts:#?}"
    );
    assert!(unknown.iter().all(|c| ids(c) == ["m"]));
    assert!(
        unknown
            .iter()
            .any(|c| c.agency.as_ref().is_some_and(|a| a.as_str() == "NASAA"))
    );
    assert!(unknown.iter().any(|c| {
        c.resource
            .as_ref()
            .is_some_and(|r| r.as_str() == "no-such-pad")
    }));
}

#[test]
fn a_repeated_id_is_one_conflict_per_list() {
    let mut plan = roadmap(vec![
        mission("twin", "2027-01-01", "2027-01-02"),
        mission("twin", "2027-03-01", "2027-03-02"),
        mission("twin", "2027-05-01", "2027-05-02"),
    ]);
    plan.agencies.push(agency("ESA", None));
    let conflicts = find_conflicts(&plan);
    let duplicates = of_kind(&conflicts, ConflictKind::DuplicateId);
    assert_eq!(duplicates.len(), 2, "{conflicts:#?}");
    assert!(duplicates.iter().any(|c| ids(c) == ["twin"]));
    assert!(
        duplicates
            .iter()
            .any(|c| c.agency.as_ref().is_some_and(|a| a.as_str() == "ESA"))
    );
}

#[test]
fn a_mission_ending_before_it_starts_takes_part_in_nothing_else() {
    let mut plan = roadmap(vec![
        uses(mission("backwards", "2027-02-01", "2027-01-01"), "pad"),
        uses(mission("other", "2027-01-01", "2027-03-01"), "pad"),
        depends(mission("after", "2027-01-15", "2027-01-20"), "backwards", 0),
    ]);
    plan.resources.push(resource("pad", 1, 0));
    let conflicts = find_conflicts(&plan);
    assert_eq!(conflicts.len(), 1, "only invalid-dates: {conflicts:#?}");
    assert_eq!(conflicts[0].kind, ConflictKind::InvalidDates);
    assert_eq!(ids(&conflicts[0]), ["backwards"]);
}

#[test]
fn cancelled_missions_take_part_in_no_check() {
    let cancelled = |m| with_status(m, MissionStatus::Cancelled);
    let mut plan = roadmap(vec![
        uses(mission("a", "2027-01-01", "2027-03-01"), "pad"),
        cancelled(uses(mission("b", "2027-01-01", "2027-03-01"), "pad")),
        cancelled(to(mission("c", "2027-01-16", "2027-01-17"), "mars")),
        cancelled(led_by(mission("d", "2027-01-01", "2027-01-02"), "NOBODY")),
        cancelled(mission("e", "2027-02-01", "2027-01-01")),
    ]);
    plan.resources.push(resource("pad", 1, 30));
    plan.destinations[1] = destination("mars", &[("2026-10-01", "2027-01-15")]);
    assert_eq!(find_conflicts(&plan), vec![]);
}

#[test]
fn paused_missions_take_part_in_no_check_and_satisfy_what_depends_on_them() {
    let paused = |m| with_status(m, MissionStatus::Paused);
    let mut plan = roadmap(vec![
        uses(mission("a", "2027-01-01", "2027-03-01"), "pad"),
        paused(uses(mission("b", "2027-01-01", "2027-03-01"), "pad")),
        paused(to(mission("c", "2027-01-16", "2027-01-17"), "mars")),
        depends(mission("d", "2027-01-01", "2027-01-02"), "b", 0),
    ]);
    plan.resources.push(resource("pad", 1, 30));
    plan.destinations[1] = destination("mars", &[("2026-10-01", "2027-01-15")]);
    assert_eq!(find_conflicts(&plan), vec![]);
    plan.missions[1].status = MissionStatus::Planned;
    assert!(
        !find_conflicts(&plan).is_empty(),
        "the same mission planned is in conflicts"
    );
}

#[test]
fn conflicts_are_sorted_by_kind_then_missions() {
    let mut plan = roadmap(vec![
        mission("z", "2027-02-01", "2027-01-01"),
        mission("a", "2027-02-01", "2027-01-01"),
        depends(mission("m", "2027-01-01", "2027-01-02"), "ghost", 0),
        depends(mission("b", "2027-01-01", "2027-01-02"), "c", 0),
        mission("c", "2027-01-01", "2027-01-05"),
    ]);
    plan.missions.push(mission("c", "2028-01-01", "2028-01-02"));
    let conflicts = find_conflicts(&plan);
    let kinds: Vec<(&str, Vec<&str>)> = conflicts.iter().map(|c| (c.kind.name(), ids(c))).collect();
    assert_eq!(
        kinds,
        vec![
            ("dependency", vec!["b", "c"]),
            ("duplicate-id", vec!["c"]),
            ("invalid-dates", vec!["a"]),
            ("invalid-dates", vec!["z"]),
            ("unknown-reference", vec!["m"]),
        ]
    );
}
