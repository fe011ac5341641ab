//! The outlook (`ger-planner outlook`): 10,000 runs over the bundled GER roadmap (target
//! < 100 ms) and 1,000 runs over the generated 10,000-mission roadmap (< 2 s), on every core.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ger_planner::analysis::{OutlookOptions, Progress, outlook};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::bundled::bundled_slips;

fn options(runs: usize) -> OutlookOptions {
    OutlookOptions {
        runs,
        seed: 1,
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
        focus: Some(0),
    }
}

fn outlooks(c: &mut Criterion) {
    let mut group = c.benchmark_group("outlook");
    group.sample_size(10);
    let slips = bundled_slips();
    let Ok(ger) = bundled_roadmap() else {
        panic!("the bundled roadmap reads");
    };
    let ten_thousand_runs = options(10_000);
    group.bench_function("ger/10000-runs", |b| {
        b.iter(|| {
            outlook(
                black_box(&ger),
                &slips,
                &ten_thousand_runs,
                &Progress::default(),
            )
        })
    });
    let large = common::generated_roadmap(10_000, common::Shape::Typical);
    let thousand_runs = options(1_000);
    group.bench_function("10000-missions/1000-runs", |b| {
        b.iter(|| {
            outlook(
                black_box(&large),
                &slips,
                &thousand_runs,
                &Progress::default(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, outlooks);
criterion_main!(benches);
