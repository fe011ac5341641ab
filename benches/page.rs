//! The interactive page: writing it (GER 2026 status, and a 10,000-mission roadmap), and the
//! 10,000-mission page in Debian's Chromium (where installed, with tests/browser's
//! playwright-core): from opening the file to its load event, and from hovering a bar to its
//! card on screen. Targets: the 10,000-mission page loads in under 5 s and its card follows
//! the pointer at once.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ger_planner::analysis::find_conflicts;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::layout::{Showing, arrange, fit_all};
use ger_planner::model::Roadmap;
use ger_planner::render::{SnapshotView, snapshot_page};

/// `roadmap`'s page with every mission shown, from the roadmap, as the export command does.
fn page(roadmap: &Roadmap) -> String {
    let showing = Showing::default();
    let time = fit_all(roadmap, &showing).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let arrangement = arrange(roadmap, &find_conflicts(roadmap), &showing, None);
    let view = SnapshotView::new(roadmap, &arrangement, time, &roadmap.title, &showing, today);
    snapshot_page(black_box(&view), 1920).unwrap_or_default()
}

fn writing(c: &mut Criterion) {
    let mut group = c.benchmark_group("page");
    group.sample_size(10);
    if let Ok(roadmap) = bundled_roadmap() {
        group.bench_function("ger-2026", |b| b.iter(|| page(&roadmap)));
    }
    let large = common::generated_roadmap(10_000, common::Shape::Typical);
    group.bench_function("10000", |b| b.iter(|| page(&large)));
    group.finish();
}

/// What Chromium took for `page`, in milliseconds, by `tests/browser/page.mjs`'s report:
/// `(load, hover)`; `None` where it cannot run.
fn in_chromium(file: &Path, hover: &str) -> Option<(f64, f64)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/page.mjs");
    let plan = format!("{{\"hover\":\"{hover}\"}}");
    let output = std::process::Command::new("node")
        .args([script.as_ref(), file.as_os_str(), plan.as_ref()])
        .output()
        .ok()
        .filter(|out| out.status.success())?;
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    Some((report["load_ms"].as_f64()?, report["hover_ms"].as_f64()?))
}

fn browser(c: &mut Criterion) {
    let large = common::generated_roadmap(10_000, common::Shape::Typical);
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let file = dir.path().join("10000.html");
    if std::fs::write(&file, page(&large)).is_err() {
        return;
    }
    let hover = large.missions[large.missions.len() / 2].id.to_string();
    if in_chromium(&file, &hover).is_none() {
        eprintln!(
            "skipped: Chromium did not open the page (are it and tests/browser's playwright-core \
             installed?)"
        );
        return;
    }
    let mut group = c.benchmark_group("page-10000-in-chromium");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for (name, pick) in [("load", 0), ("hover", 1)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .filter_map(|_| in_chromium(&file, &hover))
                    .map(|times| Duration::from_secs_f64([times.0, times.1][pick] / 1000.0))
                    .sum()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, writing, browser);
criterion_main!(benches);
