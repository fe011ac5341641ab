//! Snapshots of both sample roadmaps in every format: the SVG read back as XML, the PNG decoded,
//! the PDF's structure, and a reference picture that catches unintended visual changes.

use crate::common;

use common::date;
use ger_planner::analysis::find_conflicts;
use ger_planner::layout::{Arrangement, GroupBy, Scene, Showing, TimeView, arrange, fit_all};
use ger_planner::model::Roadmap;
use ger_planner::render::{SnapshotFormat, SnapshotView, snapshot, snapshot_scene};
use resvg::tiny_skia::Pixmap;

const SAMPLES: [&str; 2] = [
    "roadmaps/ger-2020-plan.json",
    "roadmaps/ger-2026-status.json",
];

fn read(path: &str) -> Roadmap {
    ger_planner::format::read_file(std::path::Path::new(path)).unwrap_or_else(|err| panic!("{err}"))
}

/// A roadmap arranged for a view, and that view's whole time range.
struct Prepared {
    roadmap: Roadmap,
    arrangement: Arrangement,
    time: TimeView,
    showing: Showing,
}

fn prepare(path: &str, group_by: GroupBy) -> Prepared {
    let roadmap = read(path);
    let showing = Showing {
        group_by,
        ..Showing::default()
    };
    let arrangement = arrange(&roadmap, &find_conflicts(&roadmap), &showing, None);
    let time = fit_all(&roadmap, &showing).unwrap_or_else(|| panic!("{path}: nothing shown"));
    Prepared {
        roadmap,
        arrangement,
        time,
        showing,
    }
}

impl Prepared {
    fn view(&self) -> SnapshotView<'_> {
        let today = date("2026-11-25");
        SnapshotView::new(
            &self.roadmap,
            &self.arrangement,
            self.time,
            &self.roadmap.title,
            &self.showing,
            today,
        )
    }

    fn export(&self, format: SnapshotFormat, width: u32) -> Vec<u8> {
        snapshot(&self.view(), format, width).unwrap_or_else(|err| panic!("{err}"))
    }

    fn scene(&self, width: u32) -> Scene {
        snapshot_scene(&self.view(), width)
    }
}

/// The texts of the elements named `tag` (with `class`, when given) under `node`.
fn texts<'a>(node: roxmltree::Node<'a, 'a>, tag: &str, class: Option<&str>) -> Vec<String> {
    node.descendants()
        .filter(|n| {
            n.tag_name().name() == tag && class.is_none_or(|c| n.attribute("class") == Some(c))
        })
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_svg_names_every_mission_in_view_once_and_its_legend_lists_exactly_the_agencies_shown() {
    for path in SAMPLES {
        let prepared = prepare(path, GroupBy::Destination);
        let svg = String::from_utf8(prepared.export(SnapshotFormat::Svg, 1920))
            .unwrap_or_else(|err| panic!("{err}"));
        let document =
            roxmltree::Document::parse(&svg).unwrap_or_else(|err| panic!("{path}: {err}"));
        let root = document.root();
        let scene = prepared.scene(1920);
        assert!(!scene.bars.is_empty());

        // Every bar carries its mission's name as a tooltip, once; every label drawn in full
        // is there once as text.
        let titles = texts(root, "title", None);
        let words = texts(root, "text", None);
        for bar in &scene.bars {
            let count = titles.iter().filter(|t| **t == *bar.name).count();
            assert_eq!(count, 1, "{path}: {:?} titled {count} times", bar.name);
            if let Some(label) = &bar.label {
                let count = words.iter().filter(|t| **t == *label.text).count();
                assert_eq!(
                    count, 1,
                    "{path}: label {:?} drawn {count} times",
                    label.text
                );
            }
        }
        let shown = prepared
            .roadmap
            .missions
            .iter()
            .filter(|m| prepared.showing.shows(m))
            .count();
        assert_eq!(
            scene.bars.len(),
            shown,
            "{path}: the whole range shows every mission"
        );

        // The legend: exactly the lead agencies of the missions shown, in the file's order.
        let legend = root
            .descendants()
            .find(|n| n.attribute("id") == Some("legend"))
            .unwrap_or_else(|| panic!("{path}: no legend"));
        let listed = texts(legend, "text", Some("agency"));
        let leads: Vec<String> = prepared
            .roadmap
            .agencies
            .iter()
            .filter(|a| {
                prepared
                    .roadmap
                    .missions
                    .iter()
                    .any(|m| m.lead == a.id && prepared.showing.shows(m))
            })
            .map(|a| a.id.to_string())
            .collect();
        assert_eq!(listed, leads, "{path}");
        assert_eq!(
            texts(root, "text", Some("title")).join("|"),
            prepared.roadmap.title
        );
    }
}

/// Decoded pixels of a PNG.
fn decode(png: &[u8]) -> Pixmap {
    Pixmap::decode_png(png).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn the_png_is_as_wide_as_asked_and_has_a_picture_on_it() {
    for path in SAMPLES {
        let prepared = prepare(path, GroupBy::Agency);
        for width in [1280, 3840] {
            let image = decode(&prepared.export(SnapshotFormat::Png, width));
            assert_eq!(image.width(), width, "{path}");
            assert!(image.height() > width / 4, "{path}: {}", image.height());
            let pixels = image.pixels();
            let white = pixels
                .iter()
                .filter(|p| p.red() > 250 && p.green() > 250 && p.blue() > 250)
                .count();
            let coloured = pixels
                .iter()
                .filter(|p| p.red().abs_diff(p.blue()) > 60 || p.green().abs_diff(p.blue()) > 60)
                .count();
            assert!(white < pixels.len() * 9 / 10, "{path}: mostly blank");
            assert!(
                coloured > pixels.len() / 50,
                "{path}: hardly any coloured bars"
            );
        }
    }
}

#[test]
fn the_pdf_is_a_landscape_vector_chart_then_the_table_of_missions() {
    for path in SAMPLES {
        let pdf = prepare(path, GroupBy::Destination).export(SnapshotFormat::Pdf, 1920);
        assert!(pdf.starts_with(b"%PDF-1."), "{path}: header");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.trim_end().ends_with("%%EOF"), "{path}: trailer");
        let pages = text
            .match_indices("/Type /Page")
            .filter(|(at, _)| !text[at + 11..].starts_with('s'))
            .count();
        assert!(
            pages >= 2,
            "{path}: the chart, then the table: {pages} pages"
        );
        let media_box = text
            .split("/MediaBox [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .unwrap_or_else(|| panic!("{path}: no MediaBox"));
        let numbers: Vec<f32> = media_box
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(
            numbers.len() == 4 && numbers[2] > numbers[3],
            "{path}: landscape, {media_box}"
        );
        assert!(
            text.contains("/FontFile2"),
            "{path}: the fonts are embedded, the text stays text"
        );
    }
}

/// What a real reader of PDFs (poppler's `pdftotext` and `pdfinfo`) reads in `pdf`, when
/// installed; CI installs it and there its absence fails the test.
fn pdf_reader(tool: &str, pdf: &std::path::Path) -> Option<String> {
    let mut args = vec![pdf.as_os_str()];
    if tool == "pdftotext" {
        args.push(std::ffi::OsStr::new("-"));
    }
    common::run_tool(tool, &args)
}

#[test]
fn the_pdf_has_a_title_a_language_alt_text_and_every_mission_shown_as_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    for path in SAMPLES {
        let prepared = prepare(path, GroupBy::Agency);
        let pdf = prepared.export(SnapshotFormat::Pdf, 1920);
        let raw = String::from_utf8_lossy(&pdf);
        for key in ["/Lang (en)", "/Alt ", "/StructTreeRoot", "/Marked true"] {
            assert!(raw.contains(key), "{path}: {key}");
        }
        let file = dir.path().join("snapshot.pdf");
        std::fs::write(&file, &pdf).unwrap_or_else(|err| panic!("{err}"));
        let Some(info) = pdf_reader("pdfinfo", &file) else {
            return;
        };
        assert!(
            info.contains(&format!("Title:           {}", prepared.roadmap.title)),
            "{path}: {info}"
        );
        assert!(info.contains("Tagged:          yes"), "{path}: {info}");
        let text = pdf_reader("pdftotext", &file).unwrap_or_default();
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = words(&text);
        let scene = prepared.scene(1920);
        assert!(!scene.bars.is_empty());
        for bar in &scene.bars {
            let mission = &prepared.roadmap.missions[bar.mission];
            assert!(
                text.contains(&words(&mission.name)) && text.contains(&mission.start.to_string()),
                "{path}: {} is not in the PDF's text",
                mission.name
            );
        }
    }
}

/// The reference picture of the 2026 roadmap: regenerate it with `UPDATE_REFERENCE=1 cargo test`
/// after a deliberate visual change, and look at it before committing.
const REFERENCE: &str = "tests/reference/ger-2026-status-1280.png";

#[test]
fn the_2026_snapshot_looks_like_the_reference_picture() {
    let png = prepare(SAMPLES[1], GroupBy::Destination).export(SnapshotFormat::Png, 1280);
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        std::fs::write(REFERENCE, &png).unwrap_or_else(|err| panic!("{err}"));
    }
    let expected =
        decode(&std::fs::read(REFERENCE).unwrap_or_else(|err| panic!("{REFERENCE}: {err}")));
    let actual = decode(&png);
    assert_eq!(
        (actual.width(), actual.height()),
        (expected.width(), expected.height()),
        "the page changed size"
    );
    // Anti-aliasing may differ by a shade between machines; a moved bar or label changes
    // hundreds of pixels by much more.
    let differing = actual
        .pixels()
        .iter()
        .zip(expected.pixels())
        .filter(|(a, e)| {
            a.red().abs_diff(e.red()) > 40
                || a.green().abs_diff(e.green()) > 40
                || a.blue().abs_diff(e.blue()) > 40
        })
        .count();
    let allowed = actual.pixels().len() / 1000;
    assert!(
        differing <= allowed,
        "{differing} pixels differ from {REFERENCE} (at most {allowed} may); write the new picture \
         with UPDATE_REFERENCE=1 and compare the two"
    );
}
