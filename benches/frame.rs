//! One full frame of the window, headless: egui layout and tessellation at 1600×900 with the
//! whole roadmap in view. "steady" redraws an unchanged roadmap; "drag" moves a mission by a day
//! every frame, as a drag does, so conflicts and layout are brought up to date. Targets: under
//! 1.5 ms at GER scale; at 10k missions a steady frame under 1 ms and a drag frame under 2 ms and
//! at most three steady frames, conflicts included; 100k is measured to know where the window
//! stands with the largest roadmaps. "drag_pushing" drags the mission the most others depend on
//! (directly or not) with Push successors on: the successors pushed come on top of a drag frame
//! and must stay within the same budget. "steady_outlook" and "drag_outlook" do the same with
//! the outlook shown (a fading tail on every bar), up to 10k missions.

mod common;

use std::hint::black_box;

use chrono::Days;
use chrono::NaiveDate;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, pos2, vec2};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::edit::MissionKey;
use ger_planner::model::Roadmap;
use ger_planner::ui::{GerApp, TimelineAction, install_fonts};

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 900.0))),
        ..RawInput::default()
    }
}

/// Runs one frame and tessellates it, as the window does before handing triangles to the GPU.
fn frame(ctx: &Context, app: &mut GerApp) -> usize {
    let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn frames(c: &mut Criterion) {
    let mut roadmaps: Vec<(String, Roadmap)> = Vec::new();
    if let Ok(ger) = bundled_roadmap() {
        roadmaps.push(("ger-2026-status".to_owned(), ger));
    }
    for missions in [1_000, 10_000, 100_000] {
        roadmaps.push((
            missions.to_string(),
            common::generated_roadmap(missions, common::Shape::Typical),
        ));
    }
    let mut group = c.benchmark_group("frame");
    // 100k-mission frames take tens of milliseconds: fewer samples keep the run short.
    group.sample_size(10);
    for (name, roadmap) in roadmaps {
        let ctx = Context::default();
        install_fonts(&ctx);
        let Some(moved) = roadmap.missions.iter().position(|m| m.start < m.end) else {
            continue;
        };
        let (start_moved, end_moved) = (roadmap.missions[moved].start, roadmap.missions[moved].end);
        let mut app = GerApp::with_roadmap(roadmap);
        let Some(moved) = app.key_of(app.roadmap().missions[moved].id.as_str()) else {
            continue;
        };
        for _ in 0..3 {
            frame(&ctx, &mut app); // fonts and caches warm up
        }
        let dragged = (moved, start_moved, end_moved);
        steady_and_drag(&mut group, &ctx, &mut app, &name, "", dragged);
        let mut later = false;
        let Some((pushing, start, end)) = most_depended_on(app.roadmap()) else {
            continue;
        };
        let Some(pushing) = app.key_of(app.roadmap().missions[pushing].id.as_str()) else {
            continue;
        };
        app.set_push_successors(true);
        group.bench_function(BenchmarkId::new("drag_pushing", &name), |b| {
            b.iter(|| {
                later = !later;
                let shift = Days::new(30 * u64::from(later));
                let dates = vec![(pushing, start + shift, end + shift)];
                app.apply_timeline_action(&ctx, TimelineAction::Preview(dates));
                black_box(frame(&ctx, &mut app))
            });
        });
        app.set_push_successors(false);
        if app.roadmap().missions.len() > 10_000 {
            continue;
        }
        // The outlook on: tails on every bar. It is worked out once (inline, as in tests),
        // then kept while the drag goes on.
        app.apply_timeline_action(&ctx, TimelineAction::EndGesture("Move".to_owned()));
        app.set_outlook(true);
        frame(&ctx, &mut app);
        steady_and_drag(&mut group, &ctx, &mut app, &name, "_outlook", dragged);
    }
    group.finish();
}

/// A still frame ("steady" + `suffix`), and a frame of a drag that moves mission `dragged` a
/// day later and back, as a drag does ("drag" + `suffix`).
fn steady_and_drag(
    group: &mut BenchmarkGroup<'_, WallTime>,
    ctx: &Context,
    app: &mut GerApp,
    name: &str,
    suffix: &str,
    (moved, start, end): (MissionKey, NaiveDate, NaiveDate),
) {
    group.bench_function(BenchmarkId::new(format!("steady{suffix}"), name), |b| {
        b.iter(|| black_box(frame(ctx, app)))
    });
    let mut later = false;
    group.bench_function(BenchmarkId::new(format!("drag{suffix}"), name), |b| {
        b.iter(|| {
            later = !later;
            let shift = Days::new(u64::from(later));
            let dates = vec![(moved, start + shift, end + shift)];
            app.apply_timeline_action(ctx, TimelineAction::Preview(dates));
            black_box(frame(ctx, app))
        });
    });
}

/// The mission with the most direct dependents, and its dates: dragging it later pushes the
/// most.
fn most_depended_on(roadmap: &Roadmap) -> Option<(usize, chrono::NaiveDate, chrono::NaiveDate)> {
    let mut dependents: std::collections::HashMap<&str, usize> = Default::default();
    for mission in &roadmap.missions {
        for d in &mission.depends_on {
            *dependents.entry(d.mission.as_str()).or_default() += 1;
        }
    }
    let (i, mission) = roadmap
        .missions
        .iter()
        .enumerate()
        .max_by_key(|(_, m)| dependents.get(m.id.as_str()).copied().unwrap_or(0))?;
    Some((i, mission.start, mission.end))
}

criterion_group!(benches, frames);
criterion_main!(benches);
