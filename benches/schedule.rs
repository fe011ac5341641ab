//! The scheduling engine (`ger-planner schedule`): a 10,000-mission finish-to-start chain (target
//! ≤ 10 ms), the generated 10,000-mission roadmap with resources, Mars windows and agency limits
//! (< 50 ms), and 100,000 missions (< 1 s).

mod common;

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use ger_planner::analysis::schedule;
use ger_planner::model::{Dependency, Roadmap};

/// 10,000 missions, each depending on the one before, each starting a day before that one
/// ends, so that every mission of the chain moves.
fn chain(missions: usize) -> Roadmap {
    let mut roadmap = common::generated_roadmap(missions, common::Shape::Typical);
    roadmap
        .destinations
        .iter_mut()
        .for_each(|d| d.launch_windows.clear());
    roadmap
        .agencies
        .iter_mut()
        .for_each(|a| a.max_concurrent = None);
    let first = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
    for (i, mission) in roadmap.missions.iter_mut().enumerate() {
        mission.start = first + Days::new(i as u64 * 9);
        mission.end = mission.start + Days::new(10);
        mission.resources.clear();
        mission.status = ger_planner::model::MissionStatus::Planned;
        mission.depends_on = (i > 0)
            .then(|| Dependency {
                mission: format!("m{}", i - 1).as_str().into(),
                lag_days: 0,
            })
            .into_iter()
            .collect();
    }
    roadmap
}

fn scheduling(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    let linked = chain(10_000);
    group.bench_function("chain/10000", |b| {
        b.iter(|| schedule(black_box(&linked), None))
    });
    for missions in [10_000, 100_000] {
        let roadmap = common::generated_roadmap(missions, common::Shape::Typical);
        group.bench_function(format!("generated/{missions}"), |b| {
            b.iter(|| schedule(black_box(&roadmap), None))
        });
    }
    group.finish();
}

criterion_group!(benches, scheduling);
criterion_main!(benches);
