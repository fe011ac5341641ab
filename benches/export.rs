//! Snapshots of the GER 2026 status roadmap, whole, as the export command and the window make
//! them. Targets: SVG under 20 ms, PNG 3840 px wide under 300 ms, PDF under 100 ms, the
//! PowerPoint deck under 200 ms.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ger_planner::analysis::find_conflicts;
use ger_planner::bundled::bundled_roadmap;
use ger_planner::layout::{Showing, arrange, fit_all};
use ger_planner::render::{SnapshotFormat, SnapshotView, snapshot, snapshot_deck};

fn snapshots(c: &mut Criterion) {
    let Ok(roadmap) = bundled_roadmap() else {
        eprintln!("the bundled roadmap does not read");
        return;
    };
    let showing = Showing::default();
    let time = fit_all(&roadmap, &showing).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let mut group = c.benchmark_group("snapshot-ger-2026");
    group.sample_size(20);
    for (format, width, name) in [
        (Some(SnapshotFormat::Svg), 1920, "svg-1920"),
        (Some(SnapshotFormat::Png), 3840, "png-3840"),
        (Some(SnapshotFormat::Pdf), 1920, "pdf-1920"),
        (None, 1920, "pptx-1920"),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                // From the roadmap, as the export command does: conflicts, lanes, layout, file.
                let arrangement = arrange(&roadmap, &find_conflicts(&roadmap), &showing, None);
                let view = SnapshotView::new(
                    &roadmap,
                    &arrangement,
                    time,
                    &roadmap.title,
                    &showing,
                    today,
                );
                match format {
                    Some(format) => snapshot(black_box(&view), format, width),
                    None => snapshot_deck(black_box(&[view]), width),
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, snapshots);
criterion_main!(benches);
