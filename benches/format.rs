//! Reading and validating roadmap files: a 10k-mission file parsed, and `check` of a 100k-mission
//! file end to end (read, parse, analyse, report). Target: `check` of 100k missions under 2 s.

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ger_planner::{cli, format};

fn read(c: &mut Criterion) {
    let text = format::to_json(&common::generated_roadmap(10_000, common::Shape::Typical));
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("10000-missions", |b| {
        b.iter(|| format::read_str(black_box(&text), "bench.json"))
    });
    group.finish();
}

fn check(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ger-planner-bench-{}", std::process::id()));
    let path = dir.join("100k.json");
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(
            &path,
            format::to_json(&common::generated_roadmap(100_000, common::Shape::Typical)),
        )
    });
    if let Err(err) = written {
        eprintln!("cannot write the benchmark file {}: {err}", path.display());
        return;
    }
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("100000-missions-file", |b| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        b.iter(|| cli::check(black_box(Path::new(&path)), false, today, false))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, read, check);
criterion_main!(benches);
