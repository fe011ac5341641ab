//! Merging three versions of a roadmap by meaning. Target: a 10,000-mission roadmap, already
//! read, merged in < 100 ms; the `merge` command on files measured end to end as well.
//! Integrating 27 agencies' updates of a 10,000-mission roadmap, each changing 1 % of it: under
//! 1 s, with the roadmap conflicts the result has that no input had.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ger_planner::cli::{self, MergeOptions};
use ger_planner::format;
use ger_planner::merge::{Integration, Merge, conflicts_in_none_of};
use ger_planner::model::Roadmap;

/// The base, and two sides as two delegations make them between meetings: each moves or
/// annotates a hundred missions of its own and adds fifty; theirs also deletes twenty.
fn versions(missions: usize) -> [Roadmap; 3] {
    let base = common::generated_roadmap(missions, common::Shape::Typical);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for i in 0..100 {
        let mission = &mut ours.missions[i * 7];
        mission.start = mission.start + chrono::Days::new(30);
        mission.end = mission.end + chrono::Days::new(30);
        "re-planned".clone_into(&mut theirs.missions[i * 7 + 3].notes);
    }
    for (side, name) in [(&mut ours, "ours"), (&mut theirs, "theirs")] {
        for i in 0..50 {
            let mut added = side.missions[i].clone();
            added.id = format!("{name}-added-{i}").as_str().into();
            side.missions.push(added);
        }
    }
    for i in 0..20 {
        theirs.missions.remove(1_000 + i * 11);
    }
    [base, ours, theirs]
}

fn merge_in_memory(c: &mut Criterion) {
    let [base, ours, theirs] = versions(10_000);
    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    group.bench_function("10000-missions", |b| {
        b.iter(|| {
            let merge = Merge::new(black_box(&base), black_box(&ours), black_box(&theirs));
            merge.merged().map(|merged| merged.missions.len()).ok()
        })
    });
    group.finish();
}

fn merge_command(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ger-planner-merge-{}", std::process::id()));
    let names = ["base.json", "ours.json", "theirs.json"];
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        names
            .iter()
            .zip(versions(10_000))
            .try_for_each(|(name, plan)| format::write_file(&dir.join(name), &plan))
    });
    if let Err(err) = written {
        eprintln!(
            "cannot write the benchmark files in {}: {err}",
            dir.display()
        );
        return;
    }
    let options = MergeOptions {
        output: Some(dir.join("merged.json")),
        json: false,
        marker_size: format::DEFAULT_MARKER_SIZE,
    };
    let mut group = c.benchmark_group("merge-command");
    group.sample_size(10);
    group.bench_function("10000-missions-files", |b| {
        b.iter(|| {
            let [base, ours, theirs] = names.map(|name| dir.join(name));
            cli::merge(&base, &ours, &theirs, black_box(&options))
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// 27 copies of a roadmap of `missions`, as 27 agencies return them: each moves 1 % of the
/// missions (its own, every 27th from its place), two of them also move a mission another
/// moved, and each adds five.
fn updates(base: &Roadmap) -> Vec<Roadmap> {
    let moved = base.missions.len() / 100;
    (0..27)
        .map(|agency| {
            let mut update = base.clone();
            for i in 0..moved {
                let at = (agency + i * 27) % update.missions.len();
                let days = chrono::Days::new(30 + agency as u64);
                let mission = &mut update.missions[at];
                (mission.start, mission.end) = (mission.start + days, mission.end + days);
            }
            if agency < 2 {
                // Both move the same mission, differently: a conflict left.
                let mission = &mut update.missions[base.missions.len() / 2 + 1];
                mission.end = mission.end + chrono::Days::new(60 + agency as u64);
            }
            for i in 0..5 {
                let mut added = update.missions[i].clone();
                added.id = format!("agency-{agency}-added-{i}").as_str().into();
                update.missions.push(added);
            }
            update
        })
        .collect()
}

fn integrate(c: &mut Criterion) {
    let base = common::generated_roadmap(10_000, common::Shape::Typical);
    let updates = updates(&base);
    let mut group = c.benchmark_group("integrate");
    group.sample_size(10);
    group.bench_function("27-updates/10000", |b| {
        b.iter(|| {
            let integration = Integration::new(black_box(&base), black_box(&updates));
            let mut inputs = vec![&base];
            inputs.extend(&updates);
            let made = integration
                .integrated()
                .map(|result| conflicts_in_none_of(result, &inputs).len());
            (integration.conflicts().len(), made.ok())
        })
    });
    group.finish();
}

criterion_group!(benches, merge_in_memory, merge_command, integrate);
criterion_main!(benches);
