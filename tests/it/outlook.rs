//! The outlook (Monte Carlo runs over slips) and the slips it draws from: its rules as
//! properties on random roadmaps, named cases, and `ger-planner outlook` / `calibrate`.

use crate::common::*;
use crate::schedule::arb_case;

use chrono::{Days, NaiveDate};
use ger_planner::analysis::{
    ConflictKind, Outlook, OutlookOptions, Progress, calibrate, nearest_rank, outlook, schedule,
    slip_group,
};
use ger_planner::bundled::bundled_slips;
use ger_planner::model::{Mission, MissionStatus, Roadmap, SlipModel, StartEstimate};
use proptest::prelude::*;

fn options(runs: usize, seed: u64, today: Option<NaiveDate>) -> OutlookOptions {
    OutlookOptions {
        runs,
        seed,
        today,
        focus: None,
    }
}

fn run(plan: &Roadmap, model: &SlipModel, options: &OutlookOptions) -> Outlook {
    outlook(plan, model, options, &Progress::default())
        .unwrap_or_else(|| panic!("nothing cancelled the outlook"))
}

/// Slips of 0 to 400 days for every planned and confirmed mission.
fn model() -> SlipModel {
    model_of(&[0, 30, 90, 200, 400])
}

/// A slip drawn from `slips` (each as likely) for every planned and confirmed mission.
fn model_of(slips: &[u32]) -> SlipModel {
    let mut model = SlipModel::none();
    for (k, &days) in slips.iter().enumerate() {
        for status in [MissionStatus::Planned, MissionStatus::Confirmed] {
            model.slips.push(ger_planner::model::Slip {
                mission: format!("s{k}").as_str().into(),
                status,
                kind: ger_planner::model::MissionKind::Robotic,
                days,
            });
        }
    }
    model
}

#[test]
fn a_paused_mission_keeps_its_dates_in_every_run() {
    let mut paused = mission("paused", "2030-01-01", "2030-02-01");
    paused.status = MissionStatus::Paused;
    let plan = roadmap(vec![mission("planned", "2030-01-01", "2030-02-01"), paused]);
    let result = run(&plan, &model(), &options(500, 3, None));
    let (planned, paused) = (&result.missions[0], &result.missions[1]);
    assert!(planned.p80_start > date("2030-01-01"), "{planned:?}");
    assert_eq!(
        (paused.p50_start, paused.p80_start, paused.p80_end),
        (date("2030-01-01"), date("2030-01-01"), date("2030-02-01"))
    );
}

fn estimated(mut mission: Mission, likely: &str, pessimistic: &str) -> Mission {
    mission.start_estimate = Some(StartEstimate {
        likely: date(likely),
        pessimistic: date(pessimistic),
    });
    mission
}

/// Whether a mission may move in the outlook: the scheduler's rule, and nothing it reports
/// (a cycle, an unknown name) holds it.
fn moves_freely(plan: &Roadmap, i: usize, today: NaiveDate) -> bool {
    let m = &plan.missions[i];
    let reported = schedule(plan, Some(today))
        .unfixable
        .iter()
        .any(|u| u.missions.contains(&m.id));
    !matches!(m.status, MissionStatus::Flown | MissionStatus::Cancelled)
        && !m.fixed
        && m.end >= m.start
        && !reported
}

fn in_a_window(plan: &Roadmap, destination: &str, day: NaiveDate) -> bool {
    (plan.destinations.iter())
        .filter(|d| d.id.as_str() == destination)
        .flat_map(|d| &d.launch_windows)
        .any(|w| w.start <= day && day <= w.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn p80_is_after_p50_after_the_plan_and_what_may_not_move_keeps_its_dates(
        (plan, today) in arb_case(),
        seed in any::<u64>(),
    ) {
        let result = run(&plan, &model(), &options(40, seed, Some(today)));
        prop_assert_eq!(result.missions.len(), plan.missions.len());
        for (i, (m, o)) in plan.missions.iter().zip(&result.missions).enumerate() {
            prop_assert!(o.planned_start <= o.p50_start && o.p50_start <= o.p80_start, "{o:?}");
            prop_assert_eq!(o.p50_end - o.p50_start, m.end - m.start);
            prop_assert_eq!(o.p80_end - o.p80_start, m.end - m.start);
            prop_assert!((0.0..=1.0).contains(&o.on_time));
            let keeps = matches!(m.status, MissionStatus::Flown | MissionStatus::Cancelled)
                || m.fixed;
            if keeps {
                prop_assert_eq!((o.p50_start, o.p80_start), (m.start, m.start), "{}", i);
                prop_assert_eq!(o.on_time, 1.0);
            }
        }
    }

    #[test]
    fn a_mars_missions_p50_and_p80_starts_lie_in_launch_windows(
        (plan, today) in arb_case(),
        seed in any::<u64>(),
    ) {
        // Slips short enough that the random roadmaps' windows (within three months) are
        // often still ahead.
        let runs = 40;
        let result = run(&plan, &model_of(&[0, 0, 2, 5, 9]), &options(runs, seed, Some(today)));
        let window_accepted = |m: &Mission| {
            plan.accepted.iter().any(|a| {
                a.kind == ConflictKind::LaunchWindow && a.missions.contains(&m.id)
            })
        };
        let has_windows = (plan.destinations.iter())
            .any(|d| d.id.as_str() == "mars" && !d.launch_windows.is_empty());
        for (i, (m, o)) in plan.missions.iter().zip(&result.missions).enumerate() {
            if m.destination.as_str() != "mars"
                || !has_windows
                || !moves_freely(&plan, i, today)
                || window_accepted(m)
            {
                continue;
            }
            // A run with no window left is among the latest starts: a percentile is in a
            // window when fewer runs than those above its rank were stranded.
            if o.stranded_runs <= runs / 2 {
                prop_assert!(in_a_window(&plan, "mars", o.p50_start), "{m:?} {o:?}");
            }
            if o.stranded_runs <= runs / 5 {
                prop_assert!(in_a_window(&plan, "mars", o.p80_start), "{m:?} {o:?}");
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_outlook_on_one_thread_or_many(
        (plan, today) in arb_case(),
        seed in any::<u64>(),
    ) {
        let mut asked = options(60, seed, Some(today));
        asked.focus = (!plan.missions.is_empty()).then_some(0);
        let many = run(&plan, &model(), &asked);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap_or_else(|err| panic!("{err}"))
            .install(|| run(&plan, &model(), &asked));
        prop_assert_eq!(&many, &one);
        prop_assert_eq!(&many, &run(&plan, &model(), &asked));
    }
}

#[test]
fn a_late_dependency_delays_its_dependent_and_drives_it_in_every_run() {
    // A slips 100 to 300 days; B, with no slip of its own, waits 30 days after A ends.
    let a = estimated(
        mission("a", "2030-01-01", "2030-01-31"),
        "2030-06-01",
        "2030-11-01",
    );
    let b = estimated(
        depends(mission("b", "2030-03-02", "2030-03-10"), "a", 30),
        "2030-03-02",
        "2030-03-02",
    );
    let plan = roadmap(vec![a, b]);
    let mut asked = options(2000, 7, None);
    asked.focus = Some(1);
    let result = run(&plan, &SlipModel::none(), &asked);
    let (a, b) = (&result.missions[0], &result.missions[1]);
    assert!(
        a.p50_start > date("2030-05-01") && a.p80_start < date("2030-11-02"),
        "{a:?}"
    );
    assert_eq!(
        a.on_time, 0.0,
        "the likely start is 151 days late; hardly any run is on time"
    );
    assert_eq!(
        b.p50_start,
        a.p50_end + Days::new(30),
        "B follows A in every run"
    );
    assert_eq!(b.p80_start, a.p80_end + Days::new(30));
    assert_eq!(a.criticality, Some(1.0), "A sets B's start in every run");
    assert_eq!(b.criticality, None, "B is the focus");
    let focus = result
        .focus
        .unwrap_or_else(|| panic!("a focus was asked for"));
    assert_eq!(focus.starts.len(), 2000);
    assert!(focus.starts.windows(2).all(|w| w[0] <= w[1]), "sorted");
    assert_eq!(
        focus.starts[999], b.p50_start,
        "nearest rank: the 1000th of 2000"
    );
}

#[test]
fn a_mars_mission_that_misses_its_window_waits_for_the_next_and_without_one_is_reported() {
    let mut plan = roadmap(vec![
        to(
            estimated(
                mission("orbiter", "2028-11-01", "2029-01-01"),
                "2029-02-01",
                "2029-03-01",
            ),
            "mars",
        ),
        to(
            estimated(
                mission("late", "2031-02-10", "2031-02-20"),
                "2031-03-01",
                "2031-04-01",
            ),
            "mars",
        ),
    ]);
    plan.destinations[1] = destination(
        "mars",
        &[("2028-10-01", "2028-12-31"), ("2030-11-01", "2031-01-31")],
    );
    let result = run(&plan, &SlipModel::none(), &options(500, 3, None));
    let orbiter = &result.missions[0];
    assert_eq!(orbiter.p50_start, date("2030-11-01"), "{orbiter:?}");
    assert_eq!(orbiter.p80_start, date("2030-11-01"));
    assert_eq!(orbiter.stranded_runs, 0);
    let late = &result.missions[1];
    assert_eq!(
        late.stranded_runs, 500,
        "no window opens after 2031-01-31: {late:?}"
    );
}

#[test]
fn percentiles_are_by_nearest_rank() {
    let mut values = vec![5, 1, 4, 2, 3];
    assert_eq!(nearest_rank(&mut values, 50), 3);
    assert_eq!(nearest_rank(&mut values, 80), 4);
    assert_eq!(nearest_rank(&mut [7], 80), 7);
    let mut ten: Vec<i32> = (1..=10).rev().collect();
    assert_eq!(nearest_rank(&mut ten, 50), 5);
    assert_eq!(nearest_rank(&mut ten, 80), 8);
    assert_eq!(nearest_rank(&mut ten, 81), 9);
}

#[test]
fn cancelling_stops_the_runs_and_returns_nothing() {
    let progress = Progress::default();
    progress.cancel();
    let plan = roadmap(vec![mission("a", "2030-01-01", "2030-01-31")]);
    assert!(outlook(&plan, &model(), &options(1000, 1, None), &progress).is_none());
    assert_eq!(progress.runs_done(), 0);
}

fn sample(path: &str) -> Roadmap {
    ger_planner::format::read_file(std::path::Path::new(path)).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn the_bundled_slips_are_what_calibrate_measures_on_the_two_sample_roadmaps() {
    let old = sample("roadmaps/ger-2020-plan.json");
    let new = sample("roadmaps/ger-2026-status.json");
    let measured = calibrate(&old, &new);
    assert_eq!(
        measured,
        bundled_slips(),
        "run `ger-planner calibrate` again"
    );
    assert_eq!(
        std::fs::read_to_string("assets/slips.json").unwrap_or_default(),
        ger_planner::format::slips_to_json(&measured)
    );
    // Cancelled missions and missions already flown in 2020 are not slips.
    let ids: Vec<&str> = measured.slips.iter().map(|s| s.mission.as_str()).collect();
    assert!(ids.contains(&"artemis-2") && !ids.contains(&"esprit") && !ids.contains(&"iss"));
    let artemis_2 = measured
        .slips
        .iter()
        .find(|s| s.mission.as_str() == "artemis-2");
    assert_eq!(artemis_2.map(|s| s.days), Some(943));
}

#[test]
fn a_small_group_borrows_from_its_status_then_from_every_slip() {
    let model = bundled_slips();
    use MissionStatus::{Concept, Confirmed, Planned};
    use ger_planner::model::MissionKind::{Human, Robotic};
    let planned_robotic = slip_group(&model, Planned, Robotic);
    assert!(planned_robotic.len() >= 5);
    assert!(planned_robotic.windows(2).all(|w| w[0] <= w[1]));
    let all = model.slips.len();
    // The 2020 plan had two concepts that were not cancelled and no confirmed mission.
    assert_eq!(slip_group(&model, Concept, Human).len(), all);
    assert_eq!(slip_group(&model, Confirmed, Robotic).len(), all);
    assert!(slip_group(&model, Planned, Human).len() >= 5);
}

fn ger_planner(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ger-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|err| panic!("cannot run ger-planner: {err}"))
}

#[test]
fn outlook_json_gives_every_mission_its_percentiles_and_the_same_seed_the_same_text() {
    let args = [
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--runs",
        "500",
        "--seed",
        "9",
        "--today",
        "2026-12-01",
        "--json",
    ];
    let out = ger_planner(&args);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(value["runs"], 500);
    assert_eq!(value["seed"], 9);
    let missions = value["missions"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        missions.len(),
        sample("roadmaps/ger-2026-status.json").missions.len()
    );
    for m in &missions {
        let keys: Vec<&str> = m
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "planned_start",
                "p50_start",
                "p80_start",
                "p50_end",
                "p80_end",
                "on_time"
            ]
        );
        let day = |key: &str| date(m[key].as_str().unwrap_or_default());
        assert!(day("planned_start") <= day("p50_start") && day("p50_start") <= day("p80_start"));
        assert!((0.0..=1.0).contains(&m["on_time"].as_f64().unwrap_or(-1.0)));
    }
    let artemis_2 = missions.iter().find(|m| m["id"] == "artemis-2");
    assert_eq!(
        artemis_2.map(|m| (m["p80_start"].clone(), m["on_time"].clone())),
        Some(("2026-04-01".into(), 1.0.into())),
        "Artemis II has flown: its date is certain"
    );
    assert_eq!(
        ger_planner(&args).stdout,
        out.stdout,
        "same seed, same output"
    );
}

#[test]
fn outlook_text_names_each_mission_and_a_bad_file_or_focus_exits_2() {
    let out = ger_planner(&[
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--runs",
        "200",
        "--focus",
        "artemis-5",
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("outlook of 79 missions over 200 runs (seed 1)"),
        "{text}"
    );
    let four = text
        .lines()
        .find(|l| l.ends_with("Artemis IV — first crewed landing attempt"));
    assert!(text.contains("on time  drives  mission"), "{text}");
    // The share of runs in which Artemis IV sets Artemis V's start: the second percentage.
    let drives: Option<f64> = four
        .and_then(|l| l.split(" %").nth(1))
        .and_then(|s| s.trim().parse().ok());
    assert!(drives.is_some_and(|d| d > 20.0 && d < 100.0), "{four:?}");
    let missing = ger_planner(&["outlook", "roadmaps/none.json"]);
    assert_eq!(missing.status.code(), Some(2));
    let unknown = ger_planner(&[
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--focus",
        "nope",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("has no mission `nope`"));
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let broken = dir.path().join("slips.json");
    std::fs::write(&broken, "{\n  \"old\": \"a\",\n  \"new\": 3\n}\n")
        .unwrap_or_else(|err| panic!("{err}"));
    let out = ger_planner(&[
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--slips",
        broken.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("slips.json:3:"), "{message}");
}

#[test]
fn calibrate_writes_the_slips_that_outlook_then_reads() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let slips = dir.path().join("slips.json");
    let slips_arg = slips.to_str().unwrap_or_default();
    let out = ger_planner(&[
        "calibrate",
        "roadmaps/ger-2020-plan.json",
        "roadmaps/ger-2026-status.json",
        "-o",
        slips_arg,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("30 slips measured"));
    let written = std::fs::read_to_string(&slips).unwrap_or_default();
    assert_eq!(
        written,
        ger_planner::format::slips_to_json(&bundled_slips())
    );
    let bundled = [
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--runs",
        "100",
        "--json",
    ];
    let mut from_file = bundled.to_vec();
    from_file.extend(["--slips", slips_arg]);
    assert_eq!(ger_planner(&from_file).stdout, ger_planner(&bundled).stdout);
    let unreadable = ger_planner(&[
        "calibrate",
        "roadmaps/none.json",
        "roadmaps/ger-2026-status.json",
    ]);
    assert_eq!(unreadable.status.code(), Some(2));
}

#[test]
fn export_with_the_outlook_draws_fading_tails_and_without_it_none() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let svg = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec![
            "export",
            "roadmaps/ger-2026-status.json",
            "-o",
            out.to_str().unwrap_or_default(),
            "--today",
            "2026-12-01",
        ];
        args.extend_from_slice(extra);
        let run = ger_planner(&args);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(out).unwrap_or_default()
    };
    let with = svg("with.svg", &["--outlook"]);
    let without = svg("without.svg", &[]);
    assert!(
        with.contains("<linearGradient id=\"fade-"),
        "the tails' fades are defined"
    );
    assert!(
        with.matches("fill=\"url(#fade-").count() > 10,
        "and used by many bars"
    );
    assert!(!without.contains("fade-"));
    roxmltree::Document::parse(&with).unwrap_or_else(|err| panic!("well-formed SVG: {err}"));
}

/// The back-test of docs/outlook.md: the outlook of the GER 2020 plan, as of 31 August 2020,
/// for each mission that flew by the 2026 status, with that mission's own slip left out of the
/// calibration (leave-one-out). Returns, per mission: id, planned, P50, P80, actual start.
fn back_test() -> Vec<(String, NaiveDate, NaiveDate, NaiveDate, NaiveDate)> {
    let old = sample("roadmaps/ger-2020-plan.json");
    let new = sample("roadmaps/ger-2026-status.json");
    let measured = calibrate(&old, &new);
    let flown_since = (old.missions.iter().enumerate()).filter_map(|(i, before)| {
        let after = new.mission(&before.id)?;
        let open = !matches!(
            before.status,
            MissionStatus::Flown | MissionStatus::Cancelled
        );
        (open && after.status == MissionStatus::Flown).then_some((i, before, after.start))
    });
    flown_since
        .map(|(i, before, actual)| {
            let model = measured.without(&before.id);
            let result = run(&old, &model, &options(2000, 1, Some(date("2020-08-31"))));
            let o = &result.missions[i];
            (
                before.id.to_string(),
                before.start,
                o.p50_start,
                o.p80_start,
                actual,
            )
        })
        .collect()
}

#[test]
fn the_back_test_in_the_docs_is_what_the_outlook_of_the_2020_plan_gives() {
    let rows = back_test();
    for (id, planned, p50, p80, actual) in &rows {
        println!(
            "| {id} | {planned} | {p50} | {p80} | {actual} | {} |",
            actual <= p80
        );
    }
    let within_p80 = rows.iter().filter(|r| r.4 <= r.3).count();
    let within_p50 = rows.iter().filter(|r| r.4 <= r.2).count();
    let on_time = rows.iter().filter(|r| r.4 <= r.1).count();
    let figure = format!(
        "{within_p80} of {} launches came no later than their 2020 P80 start ({within_p50} no \
         later than the P50, {on_time} no later than the planned start)",
        rows.len()
    );
    println!("{figure}");
    let docs = std::fs::read_to_string("docs/outlook.md").unwrap_or_default();
    assert!(docs.contains(&figure), "docs/outlook.md states: {figure}");
}

#[test]
fn absurd_slips_from_a_hostile_file_are_held_to_a_century() {
    let plan = roadmap(vec![
        mission("a", "2030-01-01", "2030-01-31"),
        depends(mission("b", "2030-03-01", "2030-03-31"), "a", 0),
    ]);
    let model = model_of(&[4_000_000_000, 2_000_000_000, u32::MAX]);
    let result = run(&plan, &model, &options(50, 1, None));
    let a = &result.missions[0];
    assert!(
        a.p80_start > date("2129-01-01") && a.p80_start <= date("2130-01-02"),
        "{a:?}"
    );
    assert!(result.missions[1].p50_start > a.p50_end, "still after A");
}

#[test]
fn more_runs_than_memory_holds_are_refused_with_the_most_that_fit() {
    let out = ger_planner(&[
        "outlook",
        "roadmaps/ger-2026-status.json",
        "--runs",
        "9000000",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("9000000 runs over 79 missions") && message.contains("use --runs 3164556"),
        "{message}"
    );
}
