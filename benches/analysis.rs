//! Conflict analysis on generated roadmaps of 1k, 10k and 100k missions, and on the bundled GER
//! roadmap, typical and conflict-heavy. Target: 10k missions in under 10 ms, growing
//! near-linearly. `after_date_change`: the analysis of a drag frame, one mission of 10k moved a
//! day, only what it touches checked again (target < 0.5 ms), on a day halfway through the
//! roadmap as the window analyses it: thousands of overtaken dates are kept among the conflicts.

mod common;

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ger_planner::analysis::{LiveConflicts, find_conflicts};
use ger_planner::bundled::bundled_roadmap;

fn conflicts(c: &mut Criterion) {
    let mut group = c.benchmark_group("find_conflicts");
    if let Ok(ger) = bundled_roadmap() {
        group.bench_function("ger-2026-status", |b| {
            b.iter(|| find_conflicts(black_box(&ger)))
        });
    }
    bench_sizes(
        &mut group,
        common::Shape::Typical,
        &[1_000, 10_000, 100_000],
    );
    group.finish();

    // The worst case: thousands of conflicts, each with its message, to sort and report.
    let mut heavy = c.benchmark_group("find_conflicts_conflict_heavy");
    bench_sizes(&mut heavy, common::Shape::ConflictHeavy, &[1_000, 10_000]);
    heavy.finish();
}

/// One benchmark per size of generated roadmap.
fn bench_sizes(group: &mut BenchmarkGroup<'_, WallTime>, shape: common::Shape, sizes: &[usize]) {
    for &missions in sizes {
        let roadmap = common::generated_roadmap(missions, shape);
        group.throughput(Throughput::Elements(missions as u64));
        if missions >= 100_000 {
            group.sample_size(20);
        }
        group.bench_with_input(
            BenchmarkId::from_parameter(missions),
            &roadmap,
            |b, roadmap| {
                b.iter(|| find_conflicts(black_box(roadmap)));
            },
        );
    }
}

fn after_date_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("after_date_change");
    for missions in [10_000, 100_000] {
        let mut roadmap = common::generated_roadmap(missions, common::Shape::Typical);
        let Some(moved) = roadmap.missions.iter().position(|m| m.start < m.end) else {
            continue;
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 1);
        let before = LiveConflicts::new(&roadmap, today);
        let m = &mut roadmap.missions[moved];
        (m.start, m.end) = (m.start + Days::new(1), m.end + Days::new(1));
        group.bench_function(BenchmarkId::from_parameter(missions), |b| {
            // The analysis of the frame before is the input, moved in: not part of the cost.
            b.iter_batched(
                || before.clone(),
                |mut live| {
                    live.dates_changed(black_box(&roadmap), &[moved]);
                    live
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, conflicts, after_date_change);
criterion_main!(benches);
