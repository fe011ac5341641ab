//! The scheduling engine and `ger-planner schedule`: earliest feasible dates, with reasons.

use crate::common::*;
use crate::conflicts_reference::arb_roadmap;

use chrono::{Days, NaiveDate};
use ger_planner::analysis::{Conflict, ConflictKind, Review, find_conflicts_on, schedule};
use ger_planner::model::{MissionStatus, Roadmap};
use proptest::prelude::*;

/// Artemis III, then Artemis IV 180 days after it.
fn artemis() -> Roadmap {
    let three = mission("artemis-3", "2027-06-01", "2027-06-30");
    let four = depends(
        mission("artemis-4", "2028-02-01", "2028-03-01"),
        "artemis-3",
        180,
    );
    roadmap(vec![three, four])
}

#[test]
fn a_late_dependency_pushes_its_dependent_and_says_why_in_a_chain() {
    let plan = with_dates(artemis(), "artemis-3", "2027-11-17", "2027-12-17");
    let proposed = schedule(&plan, None);
    assert_eq!(proposed.moves.len(), 1, "{proposed:?}");
    let four = &proposed.moves[0];
    assert_eq!(
        (four.to_start, four.to_end),
        (date("2028-06-14"), date("2028-07-13"))
    );
    assert_eq!(
        four.describe(&plan),
        "Mission artemis-4: 2028-02-01 → 2028-06-14, because Mission artemis-3 ends \
         2027-12-17 and Mission artemis-4 waits 180 days after it",
        "Artemis III was moved by the user, not by the scheduler: it simply ends then"
    );
    assert!(proposed.unfixable.is_empty());
}

#[test]
fn a_pushed_mission_pushes_the_next_and_the_reason_says_it_now_ends_later() {
    let mut plan = artemis();
    plan.missions[0] = uses(mission("artemis-3", "2026-01-01", "2026-01-31"), "sls");
    plan.missions[1] = depends(
        uses(mission("artemis-4", "2026-02-01", "2026-03-02"), "sls"),
        "artemis-3",
        0,
    );
    plan.missions.push(depends(
        mission("artemis-5", "2026-04-01", "2026-04-02"),
        "artemis-4",
        30,
    ));
    plan.resources = vec![resource("sls", 1, 300)];
    // Artemis IV waits for SLS's gap after Artemis III, then Artemis V waits for it.
    let proposed = schedule(&plan, None);
    let texts: Vec<String> = proposed.moves.iter().map(|m| m.describe(&plan)).collect();
    assert_eq!(
        texts,
        [
            "Mission artemis-4: 2026-02-01 → 2026-10-28, because Resource sls needs 300 days \
             between launches and Mission artemis-3 starts 2026-01-01",
            "Mission artemis-5: 2026-04-01 → 2026-12-26, because Mission artemis-4 now ends \
             2026-11-26 and Mission artemis-5 waits 30 days after it",
        ],
    );
}

#[test]
fn a_mars_mission_waits_for_the_next_window_and_one_with_none_left_is_reported() {
    let mut plan = roadmap(vec![
        to(mission("tianwen-3", "2028-03-01", "2028-04-01"), "mars"),
        to(mission("late", "2031-03-01", "2031-04-01"), "mars"),
    ]);
    plan.destinations[1] = destination(
        "mars",
        &[("2028-10-01", "2028-12-15"), ("2030-11-01", "2031-01-10")],
    );
    let proposed = schedule(&plan, None);
    assert_eq!(proposed.moves.len(), 1);
    assert_eq!(proposed.moves[0].to_start, date("2028-10-01"));
    assert_eq!(
        proposed.moves[0].as_fix(&plan),
        "Move Mission tianwen-3 to 2028-10-01: the next launch window to Destination mars \
         opens 2028-10-01"
    );
    assert_eq!(proposed.unfixable.len(), 1);
    assert_eq!(proposed.unfixable[0].missions, ["late".into()]);
    assert!(
        proposed.unfixable[0]
            .reason
            .contains("and the roadmap has none")
    );
}

#[test]
fn flown_cancelled_paused_and_fixed_missions_stay_and_a_fixed_one_after_a_moved_one_is_reported() {
    let mut fixed = depends(mission("fixed", "2027-01-10", "2027-01-20"), "late", 0);
    fixed.fixed = true;
    let plan = roadmap(vec![
        mission("late", "2027-01-01", "2027-02-01"),
        fixed,
        with_status(
            depends(mission("flown", "2027-01-05", "2027-01-06"), "late", 0),
            MissionStatus::Flown,
        ),
        with_status(
            depends(mission("gone", "2027-01-05", "2027-01-06"), "late", 0),
            MissionStatus::Cancelled,
        ),
        with_status(
            depends(mission("on-hold", "2027-01-05", "2027-01-06"), "late", 0),
            MissionStatus::Paused,
        ),
    ]);
    let proposed = schedule(&plan, None);
    assert!(proposed.moves.is_empty(), "{proposed:?}");
    let reported: Vec<Vec<String>> = proposed
        .unfixable
        .iter()
        .map(|u| u.missions.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(reported, [vec!["fixed", "late"], vec!["flown", "late"]]);
    assert!(
        proposed.unfixable[0]
            .reason
            .starts_with("Mission fixed is fixed at 2027-01-10, but Mission late ends"),
        "{proposed:?}"
    );
}

#[test]
fn the_earlier_start_keeps_a_shared_resource_then_file_order() {
    let mut plan = roadmap(vec![
        uses(mission("second", "2030-01-05", "2030-02-01"), "pad"),
        uses(mission("first", "2030-01-01", "2030-01-31"), "pad"),
        uses(mission("third", "2030-01-05", "2030-01-10"), "pad"),
    ]);
    plan.resources = vec![resource("pad", 1, 0)];
    let proposed = schedule(&plan, None);
    let moved: Vec<(&str, NaiveDate)> = proposed
        .moves
        .iter()
        .map(|m| (plan.missions[m.position].id.as_str(), m.to_start))
        .collect();
    assert_eq!(
        moved,
        [
            ("second", date("2030-02-01")),
            ("third", date("2030-03-01"))
        ]
    );
    assert!(
        proposed.moves[0].reason_texts(&plan)[0]
            .starts_with("Resource pad is taken by Mission first until 2030-01-31"),
        "{proposed:?}"
    );
}

#[test]
fn an_agency_at_its_limit_makes_the_later_mission_wait() {
    let mut plan = roadmap(vec![
        mission("a", "2030-01-01", "2030-12-31"),
        mission("b", "2030-06-01", "2030-06-30"),
    ]);
    plan.agencies[0].max_concurrent = Some(1);
    let proposed = schedule(&plan, None);
    assert_eq!(proposed.moves.len(), 1);
    assert_eq!(proposed.moves[0].to_start, date("2031-01-01"));
}

#[test]
fn nothing_moves_before_today_and_an_overtaken_mission_moves_to_today() {
    let plan = roadmap(vec![mission("late", "2026-06-30", "2026-07-14")]);
    let proposed = schedule(&plan, Some(date("2026-12-01")));
    assert_eq!(proposed.moves[0].to_start, date("2026-12-01"));
    assert_eq!(proposed.moves[0].to_end, date("2026-12-15"));
    assert!(
        proposed.moves[0].reason_texts(&plan)[0].contains("cannot start before today (2026-12-01)")
    );
}

#[test]
fn an_accepted_conflict_is_left_alone() {
    let mut plan = roadmap(vec![to(
        mission("escapade", "2025-11-13", "2027-09-01"),
        "mars",
    )]);
    plan.destinations[1] = destination("mars", &[("2026-10-01", "2027-01-31")]);
    let conflicts = find_conflicts_on(&plan, date("2025-01-01"));
    assert_eq!(conflicts.len(), 1);
    plan.accepted
        .push(conflicts[0].accepted_for("loiters near L2 on purpose"));
    assert!(schedule(&plan, None).moves.is_empty());
}

#[test]
fn a_cycle_and_what_waits_for_it_stay_and_are_reported() {
    let plan = roadmap(vec![
        depends(mission("a", "2030-01-01", "2030-01-02"), "b", 0),
        depends(mission("b", "2030-01-01", "2030-01-02"), "a", 0),
        depends(mission("c", "2029-01-01", "2029-01-02"), "a", 0),
        depends(mission("d", "2030-01-01", "2030-01-02"), "nowhere", 0),
    ]);
    let proposed = schedule(&plan, None);
    assert!(proposed.moves.is_empty());
    let reasons: Vec<&str> = proposed
        .unfixable
        .iter()
        .map(|u| u.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "Mission d names an unknown mission \"nowhere\": its rule cannot be checked",
            "Mission b and Mission a depend on each other in a cycle: none of them can start \
             first",
            "Mission c waits for missions in a dependency cycle",
        ]
    );
}

/// The conflicts the scheduler is meant to clear.
fn schedulable(kind: ConflictKind) -> bool {
    matches!(
        kind,
        ConflictKind::Dependency
            | ConflictKind::LaunchWindow
            | ConflictKind::ResourceOverbooked
            | ConflictKind::ResourceGap
            | ConflictKind::AgencyOvercommitted
    )
}

/// The random roadmap with some missions fixed and, where `accept` says so, its first conflict
/// accepted.
pub fn prepared(mut plan: Roadmap, fixed: &[bool], accept: bool, today: NaiveDate) -> Roadmap {
    for (mission, &fixed) in plan.missions.iter_mut().zip(fixed) {
        mission.fixed = fixed;
    }
    let conflicts = find_conflicts_on(&plan, today);
    if accept && let Some(first) = conflicts.iter().find(|c| schedulable(c.kind)) {
        plan.accepted.push(first.accepted_for("known"));
    }
    plan
}

fn movable(plan: &Roadmap, i: usize) -> bool {
    let m = &plan.missions[i];
    !matches!(m.status, MissionStatus::Flown | MissionStatus::Cancelled)
        && !m.fixed
        && m.end >= m.start
}

/// A random roadmap with some missions fixed and perhaps a conflict accepted, and a day taken as
/// today.
pub fn arb_case() -> impl Strategy<Value = (Roadmap, NaiveDate)> {
    (
        arb_roadmap(),
        prop::collection::vec(any::<bool>(), 12),
        any::<bool>(),
        0..90u64,
    )
        .prop_map(|(plan, fixed, accept, today)| {
            let today = date("2027-01-01") + Days::new(today);
            (prepared(plan, &fixed, accept, today), today)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn scheduling_never_moves_earlier_keeps_durations_and_leaves_what_may_not_move(
        (plan, today) in arb_case(),
        with_today in any::<bool>(),
    ) {
        let today = with_today.then_some(today);
        let proposed = schedule(&plan, today);
        for m in &proposed.moves {
            prop_assert!(movable(&plan, m.position), "{m:?}");
            prop_assert!(m.to_start > m.from_start, "{m:?}");
            prop_assert_eq!(m.to_end - m.to_start, m.from_end - m.from_start);
            prop_assert!(!m.reasons.is_empty());
            if let Some(today) = today {
                prop_assert!(m.to_start >= today);
            }
        }
    }

    #[test]
    fn after_scheduling_only_what_is_reported_unfixable_or_accepted_is_left(
        (plan, today) in arb_case(),
    ) {
        let proposed = schedule(&plan, Some(today));
        let after = proposed.applied_to(&plan);
        let conflicts = find_conflicts_on(&after, today);
        let review = Review::new(&conflicts, &after.accepted);
        // An id that a mission which may not move shares (a repeated id) is not the
        // scheduler's to clear.
        let movable_ids: Vec<_> = (0..after.missions.len())
            .filter(|&i| {
                let id = &after.missions[i].id;
                (0..after.missions.len()).all(|k| after.missions[k].id != *id || movable(&after, k))
            })
            .map(|i| after.missions[i].id.clone())
            .collect();
        let left: Vec<&Conflict> = conflicts
            .iter()
            .enumerate()
            .filter(|(k, c)| schedulable(c.kind) && !review.is_accepted(*k))
            .map(|(_, c)| c)
            .filter(|c| c.missions.iter().any(|id| movable_ids.contains(id)))
            .filter(|c| {
                !proposed.unfixable.iter().any(|u| u.missions.iter().any(|id| c.missions.contains(id)))
            })
            .collect();
        prop_assert!(left.is_empty(), "left: {left:#?}\nschedule: {proposed:#?}");
    }

    #[test]
    fn scheduling_a_scheduled_roadmap_moves_nothing((plan, today) in arb_case()) {
        let once = schedule(&plan, Some(today)).applied_to(&plan);
        let twice = schedule(&once, Some(today));
        prop_assert!(twice.moves.is_empty(), "{:#?}", twice.moves);
    }
}

#[test]
fn a_quick_fix_moves_only_the_conflicts_mission_and_what_follows_it() {
    let mut plan = with_dates(artemis(), "artemis-3", "2027-11-17", "2027-12-17");
    plan.missions.push(depends(
        mission("artemis-5", "2028-06-20", "2028-06-21"),
        "artemis-4",
        0,
    ));
    plan.missions
        .push(mission("elsewhere", "2026-01-01", "2026-01-02"));
    let today = date("2027-01-01");
    let live = ger_planner::analysis::LiveConflicts::new(&plan, Some(today));
    let dependency = live
        .conflicts()
        .iter()
        .find(|c| c.kind == ConflictKind::Dependency)
        .unwrap_or_else(|| panic!("{:#?}", live.conflicts()));
    let fix = live
        .quick_fix(&plan, dependency)
        .unwrap_or_else(|| panic!("a dependency can be fixed"));
    let moved: Vec<&str> = fix
        .moves
        .iter()
        .map(|m| plan.missions[m.position].id.as_str())
        .collect();
    assert_eq!(
        moved,
        ["artemis-4", "artemis-5"],
        "not the overtaken mission elsewhere"
    );
    assert_eq!(
        fix.moves[0].as_fix(&plan),
        "Move Mission artemis-4 to 2028-06-14: Mission artemis-3 ends 2027-12-17 and Mission \
         artemis-4 waits 180 days after it"
    );
    let cycle = roadmap(vec![
        depends(mission("a", "2030-01-01", "2030-01-02"), "b", 0),
        depends(mission("b", "2030-01-01", "2030-01-02"), "a", 0),
    ]);
    let live = ger_planner::analysis::LiveConflicts::new(&cycle, None);
    let conflict = live
        .conflicts()
        .iter()
        .find(|c| c.kind == ConflictKind::DependencyCycle)
        .unwrap_or_else(|| panic!("{:#?}", live.conflicts()));
    assert_eq!(
        live.quick_fix(&cycle, conflict),
        None,
        "moving later does not break a cycle"
    );
}

#[test]
fn an_accepted_overcommit_of_two_missions_does_not_let_a_third_in_beside_them() {
    // NASA leads two at once; the working group accepts Y and Z together, not X with them.
    let mut plan = roadmap(vec![
        mission("x", "2027-01-01", "2027-01-10"),
        mission("y", "2027-01-01", "2027-01-10"),
        mission("z", "2027-01-01", "2027-01-10"),
    ]);
    plan.agencies[0] = agency("NASA", Some(2));
    plan.accepted.push(ger_planner::model::AcceptedConflict {
        kind: ConflictKind::AgencyOvercommitted,
        missions: vec!["y".into(), "z".into()],
        agency: Some("NASA".into()),
        resource: None,
        reason: "known".to_owned(),
    });
    let proposed = schedule(&plan, None);
    let moved: Vec<(&str, NaiveDate)> = (proposed.moves.iter())
        .map(|m| (plan.missions[m.position].id.as_str(), m.to_start))
        .collect();
    assert_eq!(
        moved,
        [("z", date("2027-01-11"))],
        "X, Y and Z on one day is not the run accepted"
    );
    let after = proposed.applied_to(&plan);
    assert!(
        schedule(&after, None).moves.is_empty(),
        "scheduling again moves nothing"
    );
}
