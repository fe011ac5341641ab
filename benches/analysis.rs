//! Conflict analysis on generated roadmaps of 1k, 10k and 100k missions, and on the bundled GER
//! roadmap, typical and conflict-heavy. Target: 10k missions in under 10 ms, growing
//! near-linearly.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ger_planner::analysis::find_conflicts;
use ger_planner::bundled::bundled_roadmap;

fn conflicts(c: &mut Criterion) {
    let mut group = c.benchmark_group("find_conflicts");
    if let Ok(ger) = bundled_roadmap() {
        group.bench_function("ger-2026-status", |b| {
            b.iter(|| find_conflicts(black_box(&ger)))
        });
    }
    for missions in [1_000, 10_000, 100_000] {
        let roadmap = common::generated_roadmap(missions, common::Shape::Typical);
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
    group.finish();

    // The worst case: thousands of conflicts, each with its message, to sort and report.
    let mut heavy = c.benchmark_group("find_conflicts_conflict_heavy");
    for missions in [1_000, 10_000] {
        let roadmap = common::generated_roadmap(missions, common::Shape::ConflictHeavy);
        heavy.throughput(Throughput::Elements(missions as u64));
        heavy.bench_with_input(
            BenchmarkId::from_parameter(missions),
            &roadmap,
            |b, roadmap| {
                b.iter(|| find_conflicts(black_box(roadmap)));
            },
        );
    }
    heavy.finish();
}

criterion_group!(benches, conflicts);
criterion_main!(benches);
