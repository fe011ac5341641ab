//! PowerPoint decks: the shapes of the GER deck (named, with alt text, in date order, glued
//! connectors, notes with the sources, the roadmap carried inside), and the way back: a bar
//! moved or resized in the deck's XML, as PowerPoint would write it, reads back as new dates;
//! a deleted shape is reported. python-pptx, an independent reader, opens the deck where it is
//! installed (CI installs it).

use std::io::{Read, Write};

use crate::common;

use common::date;
use ger_planner::analysis::find_conflicts;
use ger_planner::layout::{Showing, arrange, fit_all};
use ger_planner::model::Roadmap;
use ger_planner::render::pptx::{DeckError, read_deck};
use ger_planner::render::{SnapshotView, snapshot_deck};

const SLIDE: &str = "ppt/slides/slide1.xml";

fn bundled() -> Roadmap {
    ger_planner::bundled::bundled_roadmap().unwrap_or_else(|err| panic!("{err}"))
}

fn deck_of(roadmap: &Roadmap) -> Vec<u8> {
    let showing = Showing::default();
    let arrangement = arrange(roadmap, &find_conflicts(roadmap), &showing, None);
    let time = fit_all(roadmap, &showing).unwrap_or_else(|| panic!("nothing shown"));
    let today = date("2026-12-01");
    let view = SnapshotView::new(roadmap, &arrangement, time, &roadmap.title, &showing, today);
    snapshot_deck(&[view], 1920).unwrap_or_else(|err| panic!("{err}"))
}

/// The deck's parts, by name.
fn parts(deck: &[u8]) -> Vec<(String, String)> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(deck)).unwrap_or_else(|e| panic!("{e}"));
    (0..zip.len())
        .map(|k| {
            let mut file = zip.by_index(k).unwrap_or_else(|e| panic!("{e}"));
            let mut text = String::new();
            file.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{e}"));
            (file.name().to_owned(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    (parts.iter())
        .find(|(n, _)| n == name)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no part {name}"))
}

/// The deck again with `edit` applied to its slide's XML, as PowerPoint would save it.
fn edited(deck: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    edited_slide(deck, SLIDE, edit)
}

/// The deck again with `edit` applied to the XML of its slide part `slide`.
fn edited_slide(deck: &[u8], slide: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts(deck) {
        let text = if name == slide { edit(&text) } else { text };
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

/// EMU per day at the deck's first slide's scale, from the part that carries the roadmap.
fn emu_per_day(deck: &[u8]) -> f64 {
    let parts = parts(deck);
    let text = part(&parts, "customXml/item1.xml");
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let slide = doc.descendants().find(|n| n.tag_name().name() == "slide");
    let number = |name: &str| -> f64 {
        (slide.and_then(|n| n.attribute(name)?.parse().ok())).unwrap_or_else(|| panic!("no {name}"))
    };
    number("emuPerPixel") / number("daysPerPixel")
}

/// The `(attribute, value)` of the `a:off` or `a:ext` of the shape named `name`, changed by
/// `by` EMU.
fn moved(slide: &str, name: &str, attribute: &str, by: i64) -> String {
    let at = slide
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("no shape {name}"));
    let key = format!("{attribute}=\"");
    let start = at + slide[at..].find(&key).unwrap_or_else(|| panic!("no {key}")) + key.len();
    let end = start + slide[start..].find('"').unwrap_or(0);
    let value: i64 = slide[start..end].parse().unwrap_or_else(|e| panic!("{e}"));
    format!("{}{}{}", &slide[..start], value + by, &slide[end..])
}

fn mission<'a>(roadmap: &'a Roadmap, id: &str) -> &'a ger_planner::model::Mission {
    (roadmap.missions.iter())
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id}"))
}

#[test]
fn every_mission_shown_is_a_named_shape_with_alt_text_in_date_order_and_notes_name_sources() {
    let roadmap = bundled();
    let deck = deck_of(&roadmap);
    let parts = parts(&deck);
    let slide = roxmltree::Document::parse(part(&parts, SLIDE)).unwrap_or_else(|e| panic!("{e}"));
    let shapes: Vec<(String, String, i64, String)> = slide
        .descendants()
        .filter(|n| n.tag_name().name() == "cNvPr")
        .map(|n| {
            let shape = n.parent().and_then(|p| p.parent());
            let x = shape
                .and_then(|s| s.descendants().find(|d| d.tag_name().name() == "off"))
                .and_then(|off| off.attribute("x")?.parse().ok())
                .unwrap_or(0);
            (
                n.attribute("name").unwrap_or("").to_owned(),
                n.attribute("descr").unwrap_or("").to_owned(),
                x,
                n.attribute("id").unwrap_or("").to_owned(),
            )
        })
        .collect();
    let shown: Vec<_> = roadmap
        .missions
        .iter()
        .filter(|m| Showing::default().shows(m))
        .collect();
    for m in &shown {
        let name = format!("mission:{}", m.id);
        let found: Vec<_> = shapes.iter().filter(|s| s.0 == name).collect();
        assert_eq!(found.len(), 1, "{name}");
        assert!(
            found[0].1.starts_with(&format!("{}: ", m.name)),
            "{}",
            found[0].1
        );
        assert!(
            found[0].1.contains(&m.start.to_string()),
            "alt text has the dates"
        );
    }
    // Left to right by start date: a later start is never further left.
    let mut by_start: Vec<_> = shown.iter().map(|m| (m.start, m.id.to_string())).collect();
    by_start.sort();
    let x_of = |id: &str| {
        shapes
            .iter()
            .find(|s| s.0 == format!("mission:{id}"))
            .map(|s| s.2)
    };
    for pair in by_start.windows(2) {
        assert!(x_of(&pair[0].1) <= x_of(&pair[1].1), "{pair:?}");
    }
    // Connectors are glued to the two missions' shapes.
    let id_of = |id: &str| {
        shapes
            .iter()
            .find(|s| s.0 == format!("mission:{id}"))
            .map(|s| s.3.clone())
    };
    let connectors: Vec<_> = slide
        .descendants()
        .filter(|n| n.tag_name().name() == "cNvCxnSpPr")
        .collect();
    assert!(!connectors.is_empty());
    for connector in connectors {
        let name = connector
            .prev_sibling_element()
            .and_then(|n| n.attribute("name"))
            .unwrap_or("");
        let (from, to) = name
            .trim_start_matches("dependency:")
            .split_once('>')
            .unwrap_or_else(|| panic!("{name}"));
        let glued = |tag: &str| {
            connector
                .children()
                .find(|c| c.tag_name().name() == tag)
                .and_then(|c| c.attribute("id"))
                .map(str::to_owned)
        };
        assert_eq!(glued("stCxn"), id_of(from), "{name}");
        assert_eq!(glued("endCxn"), id_of(to), "{name}");
        assert!(
            mission(&roadmap, to)
                .depends_on
                .iter()
                .any(|d| d.mission.as_str() == from)
        );
    }
    let notes = roxmltree::Document::parse(part(&parts, "ppt/notesSlides/notesSlide1.xml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let notes: String = notes.descendants().filter_map(|n| n.text()).collect();
    for m in &shown {
        assert!(
            notes.contains(m.source.trim()),
            "notes name {}'s source",
            m.id
        );
    }
    let read = read_deck(&deck).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.exported, roadmap, "the deck carries the roadmap");
    assert_eq!(read.roadmap, roadmap, "nothing moved");
    assert!(read.changes.is_empty() && read.missing.is_empty() && read.added_shapes == 0);
}

#[test]
fn a_bar_moved_a_year_later_in_the_deck_reads_back_a_year_later_and_nothing_else_changes() {
    let roadmap = bundled();
    let deck = deck_of(&roadmap);
    let year = (365.0 * emu_per_day(&deck)).round() as i64;
    let deck = edited(&deck, |slide| moved(slide, "mission:artemis-4", "x", year));
    let read = read_deck(&deck).unwrap_or_else(|e| panic!("{e}"));
    let before = mission(&roadmap, "artemis-4");
    let after = mission(&read.roadmap, "artemis-4");
    assert_eq!(after.start, date("2029-04-01"), "from {}", before.start);
    assert_eq!(after.end, date("2029-05-01"));
    assert_eq!(read.changes.len(), 1);
    let mut expected = roadmap.clone();
    expected
        .missions
        .iter_mut()
        .filter(|m| m.id.as_str() == "artemis-4")
        .for_each(|m| {
            m.start = after.start;
            m.end = after.end;
        });
    assert_eq!(read.roadmap, expected, "everything else unchanged");
}

#[test]
fn a_resized_bar_changes_its_end_a_nudge_under_a_pixel_nothing_and_a_deleted_shape_is_reported() {
    let roadmap = bundled();
    let deck = deck_of(&roadmap);
    let month = (30.0 * emu_per_day(&deck)).round() as i64;
    let resized = edited(&deck, |slide| {
        let slide = moved(slide, "mission:artemis-4", "cx", month);
        // A few EMU: less than a pixel of the page, no move.
        moved(&slide, "mission:artemis-5", "x", 3)
    });
    let read = read_deck(&resized).unwrap_or_else(|e| panic!("{e}"));
    let (before, after) = (
        mission(&roadmap, "artemis-4"),
        mission(&read.roadmap, "artemis-4"),
    );
    assert_eq!(after.start, before.start);
    assert_eq!(after.end, before.end + chrono::Days::new(30));
    assert_eq!(read.changes.len(), 1, "{:?}", read.changes);

    let without = edited(&deck, |slide| {
        let at = slide.find("name=\"mission:artemis-4\"").unwrap_or(0);
        let start = slide[..at].rfind("<p:sp>").unwrap_or(0);
        let end = at + slide[at..].find("</p:sp>").unwrap_or(0) + "</p:sp>".len();
        format!("{}{}", &slide[..start], &slide[end..])
    });
    let read = read_deck(&without).unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<String> = read.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["artemis-4"]);
    assert_eq!(read.roadmap, roadmap, "reported, not deleted");
}

#[test]
fn a_file_that_is_not_a_ger_planner_deck_is_refused_with_the_reason() {
    assert!(matches!(
        read_deck(b"not a zip"),
        Err(DeckError::NotADeck(_))
    ));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "ppt/_rels/presentation.xml.rels",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    zip.write_all(
        b"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let other = zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    let err = read_deck(&other)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("not one made by GER Planner"), "{err}");
}

/// The bundled roadmap's missions thirteen times over (1,027 missions), each copy a month
/// later than the one before.
fn thousand_missions() -> Roadmap {
    let mut roadmap = bundled();
    let originals = roadmap.missions.clone();
    for copy in 1..13u64 {
        for mission in &originals {
            let mut mission = mission.clone();
            mission.id = format!("{}-{copy}", mission.id).as_str().into();
            mission.start = mission.start + chrono::Days::new(30 * copy);
            mission.end = mission.end + chrono::Days::new(30 * copy);
            mission.depends_on.clear();
            roadmap.missions.push(mission);
        }
    }
    roadmap
}

/// python-pptx, where installed (CI installs it), opens the GER deck and a 1,000-mission deck
/// and finds every mission's shape with its alt text, and the speaker notes.
#[test]
fn python_pptx_opens_the_decks_and_finds_every_mission() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let script = "import sys\nfrom pptx import Presentation\n\
                  deck = Presentation(sys.argv[1])\n\
                  for shape in deck.slides[0].shapes:\n\
                  \x20   if shape.name.startswith('mission:'):\n\
                  \x20       descr = shape._element.xpath('./*[1]/p:cNvPr/@descr')\n\
                  \x20       print(shape.name[8:], shape.left, 'alt' if descr and descr[0] else 'none')\n\
                  print('notes', len(deck.slides[0].notes_slide.notes_text_frame.text))\n";
    for roadmap in [bundled(), thousand_missions()] {
        let path = dir.path().join("deck.pptx");
        std::fs::write(&path, deck_of(&roadmap)).unwrap_or_else(|e| panic!("{e}"));
        let args = [
            std::ffi::OsStr::new("-c"),
            script.as_ref(),
            path.as_os_str(),
        ];
        let Some(output) = common::run_tool("python3", &args) else {
            return;
        };
        let shown = roadmap
            .missions
            .iter()
            .filter(|m| Showing::default().shows(m))
            .count();
        let found: Vec<&str> = output.lines().filter(|l| !l.starts_with("notes")).collect();
        assert_eq!(found.len(), shown, "{} missions", roadmap.missions.len());
        assert!(found.iter().all(|l| l.ends_with(" alt")), "{output}");
        // Bars in date order: a mission starting later is never further left.
        let left_of = |id: &str| {
            (found.iter())
                .find_map(|l| {
                    let mut words = l.split(' ');
                    (words.next() == Some(id)).then(|| words.next()?.parse::<i64>().ok())?
                })
                .unwrap_or_else(|| panic!("{id} not found"))
        };
        let mut shown: Vec<_> = (roadmap.missions.iter())
            .filter(|m| Showing::default().shows(m))
            .collect();
        shown.sort_by_key(|m| m.start);
        for pair in shown.windows(2) {
            assert!(
                left_of(pair[0].id.as_str()) <= left_of(pair[1].id.as_str()),
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        assert!(
            output
                .lines()
                .any(|l| l.starts_with("notes ") && l != "notes 0")
        );
    }
}

/// LibreOffice (Debian's libreoffice-impress, headless), where installed (CI installs it):
/// the GER deck and a 1,000-mission deck convert to PDF with a page per slide, and the GER deck
/// saved again by LibreOffice still carries its roadmap, with nothing moved, missing or added.
#[test]
fn libreoffice_converts_the_decks_and_keeps_the_roadmap_when_it_saves_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Its own profile, so that it runs beside another LibreOffice.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let convert = |file: &std::path::Path, to: &str, out: &std::path::Path| {
        let args = [
            profile.as_ref(),
            std::ffi::OsStr::new("--headless"),
            "--convert-to".as_ref(),
            to.as_ref(),
            "--outdir".as_ref(),
            out.as_os_str(),
            file.as_os_str(),
        ];
        common::run_tool("soffice", &args)
    };
    for (name, roadmap) in [("ger", bundled()), ("thousand", thousand_missions())] {
        let deck = dir.path().join(format!("{name}.pptx"));
        std::fs::write(&deck, deck_of(&roadmap)).unwrap_or_else(|e| panic!("{e}"));
        if convert(&deck, "pdf", dir.path()).is_none() {
            return;
        }
        let pdf = dir.path().join(format!("{name}.pdf"));
        let info = common::run_tool("pdfinfo", &[pdf.as_os_str()]).unwrap_or_default();
        assert!(
            info.lines().any(|l| l == "Pages:           1"),
            "{name}: {info}"
        );
    }
    let saved = dir.path().join("saved");
    let deck = dir.path().join("ger.pptx");
    if convert(&deck, "pptx:Impress MS PowerPoint 2007 XML", &saved).is_none() {
        return;
    }
    let bytes = std::fs::read(saved.join("ger.pptx")).unwrap_or_else(|e| panic!("{e}"));
    let read = read_deck(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.roadmap, bundled(), "the roadmap came back");
    assert!(
        read.changes.is_empty() && read.missing.is_empty(),
        "{:?}",
        read.changes
    );
    assert_eq!(read.added_shapes, 0, "LibreOffice's saving adds nothing");
}

/// In the window: File → Export PowerPoint deck… (here through the command palette and the
/// path prompt, as without a desktop's file dialog) writes the chart as shown, and the deck
/// carries the roadmap that is open.
#[test]
fn the_window_exports_the_chart_as_shown_to_a_deck() {
    let roadmap = bundled();
    let (dir, _, mut harness) = common::ui::harness_on_file(&roadmap);
    let path = dir.path().join("workshop.pptx");
    common::ui::run_with_path(&mut harness, "powerpoint", &path.display().to_string());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let read = read_deck(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.exported, roadmap);
    // The chart as shown: the window's range (2020 to 2030), not the whole roadmap's.
    let parts = parts(&bytes);
    let slide = part(&parts, SLIDE);
    assert!(slide.contains("name=\"mission:artemis-4\""));
    assert!(
        slide.contains("Jan 2020 to"),
        "the window's range in the subtitle"
    );
}

/// In the window: opening a deck whose bar was moved in PowerPoint opens the roadmap it carries
/// and lists the move in the Changes tab; Take gives the roadmap the deck's dates, one undo step.
#[test]
fn a_deck_opened_in_the_window_offers_its_moves_to_take_one_by_one() {
    use egui_kittest::kittest::Queryable as _;
    let roadmap = bundled();
    let deck = deck_of(&roadmap);
    let year = (365.0 * emu_per_day(&deck)).round() as i64;
    let deck = edited(&deck, |slide| {
        let slide = moved(slide, "mission:artemis-4", "x", year);
        moved(&slide, "mission:artemis-5", "x", year)
    });
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("workshop.pptx");
    std::fs::write(&path, &deck).unwrap_or_else(|e| panic!("{e}"));
    let mut app = ger_planner::ui::GerApp::with_roadmap(Roadmap::default());
    app.open(&path);
    let mut harness = common::ui::harness_for(app);
    harness.run();
    assert_eq!(
        harness.state().roadmap(),
        &roadmap,
        "the roadmap the deck carries"
    );
    assert_eq!(
        harness.state().settings().side_tab,
        ger_planner::ui::SideTab::Changes
    );
    assert!(harness.query_by_label_contains("Take all 2").is_some());
    let takes: Vec<_> = harness.get_all_by_label("Take").collect();
    assert_eq!(takes.len(), 2, "one Take a moved mission");
    takes[0].click();
    harness.run();
    let taken = (harness.state().roadmap().missions.iter())
        .filter(|m| m.start != mission(&roadmap, m.id.as_str()).start)
        .count();
    assert_eq!(taken, 1, "one taken");
    assert_eq!(
        harness.get_all_by_label("Take").count(),
        1,
        "one left to take"
    );
    harness.get_by_label_contains("Take all").click();
    harness.run();
    assert_eq!(
        mission(harness.state().roadmap(), "artemis-4").start,
        date("2029-04-01")
    );
    let artemis_5 = mission(&roadmap, "artemis-5").start;
    assert!(mission(harness.state().roadmap(), "artemis-5").start > artemis_5);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, ger_planner::ui::Command::Undo);
    harness.run();
    assert_eq!(
        harness.get_all_by_label("Take").count(),
        1,
        "undone: one to take again"
    );
}

/// `export --views`: a slide for the chart, then one for each saved view, titled with its
/// name; a bar moved on a view's slide reads back.
#[test]
fn export_with_views_writes_a_slide_per_saved_view_and_reads_moves_on_any_of_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("views.pptx");
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/ger-2026-status.json");
    let options = ger_planner::cli::ExportOptions {
        from: None,
        to: None,
        width: None,
        group_by: None,
        view: None,
        today: date("2026-12-01"),
        outlook: false,
        views: true,
    };
    let outcome = ger_planner::cli::export(&file, &out, &options);
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
    let deck = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    let roadmap = ger_planner::format::read_file(&file).unwrap_or_else(|e| panic!("{e}"));
    let parts = parts(&deck);
    for (k, view) in roadmap.views.iter().enumerate() {
        let slide = part(&parts, &format!("ppt/slides/slide{}.xml", k + 2));
        assert!(
            slide.contains(&format!(">{}</a:t>", view.name)),
            "{}",
            view.name
        );
    }
    let mars = roadmap
        .views
        .iter()
        .position(|v| v.name == "Mars windows")
        .unwrap_or(1);
    let slide = format!("ppt/slides/slide{}.xml", mars + 2);
    let text = part(&parts, &slide);
    let id = text
        .split("name=\"mission:")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no mission on {slide}"))
        .to_owned();
    let per_day: f64 = {
        let doc = roxmltree::Document::parse(part(&parts, "customXml/item1.xml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let node = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "slide")
            .nth(mars + 1);
        let number = |name: &str| -> f64 {
            node.and_then(|n| n.attribute(name)?.parse().ok())
                .unwrap_or_else(|| panic!("{name}"))
        };
        number("emuPerPixel") / number("daysPerPixel")
    };
    let moved_deck = edited_slide(&deck, &slide, |xml| {
        moved(
            xml,
            &format!("mission:{id}"),
            "x",
            (100.0 * per_day).round() as i64,
        )
    });
    let read = read_deck(&moved_deck).unwrap_or_else(|e| panic!("{e}"));
    let change = read
        .changes
        .first()
        .unwrap_or_else(|| panic!("nothing moved"));
    assert_eq!(change.mission.as_str(), id);
    assert_eq!((change.to_start - change.from_start).num_days(), 100);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// A damaged deck (bytes of its slide or roadmap part changed, or cut short) is read or
    /// refused with a reason, never a panic.
    #[test]
    fn a_damaged_deck_is_read_or_refused_never_a_panic(
        at in 0usize..4000,
        byte in proptest::prelude::any::<u8>(),
        roadmap_part in proptest::prelude::any::<bool>(),
    ) {
        let deck = DECK.with(Clone::clone);
        let target = if roadmap_part { "customXml/item1.xml" } else { SLIDE };
        let damaged = edited_slide(&deck, target, |xml| {
            let mut bytes = xml.as_bytes().to_vec();
            let k = at % bytes.len().max(1);
            if let Some(b) = bytes.get_mut(k) {
                *b = byte;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        });
        let _ = read_deck(&damaged);
        let _ = read_deck(&damaged[..damaged.len() * (at % 7 + 1) / 8]);
    }
}

thread_local! {
    /// A small deck, made once per test thread.
    static DECK: Vec<u8> = {
        let mut roadmap = bundled();
        roadmap.missions.truncate(12);
        roadmap.missions.iter_mut().for_each(|m| m.depends_on.clear());
        deck_of(&roadmap)
    };
}

/// Slides reordered in PowerPoint (which renames the slide parts to their new order and keeps
/// each slide's id): every slide is still read against its own recorded scale and shapes.
#[test]
fn slides_reordered_in_powerpoint_are_still_read_as_the_slides_they_were() {
    let roadmap = bundled();
    let showing = |view: &ger_planner::model::SavedView| ger_planner::layout::saved_view(view);
    let today = date("2026-12-01");
    let conflicts = find_conflicts(&roadmap);
    let arranged: Vec<_> = (roadmap.views.iter())
        .map(|view| {
            let (time, showing) = showing(view);
            let arrangement = arrange(&roadmap, &conflicts, &showing, None);
            (view.name.clone(), time, showing, arrangement)
        })
        .collect();
    let views: Vec<SnapshotView> = (arranged.iter())
        .map(|(name, time, showing, arrangement)| {
            SnapshotView::new(&roadmap, arrangement, *time, name, showing, today)
        })
        .collect();
    let deck = snapshot_deck(&views, 1920).unwrap_or_else(|e| panic!("{e}"));
    // Slides 1 and 2 swapped, as PowerPoint saves them: the parts renamed, the ids kept.
    let swap = |text: &str| {
        text.replace("slides/slide1.xml", "slides/TEMP.xml")
            .replace("slides/slide2.xml", "slides/slide1.xml")
            .replace("slides/TEMP.xml", "slides/slide2.xml")
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts(&deck) {
        let (name, text) = match name.as_str() {
            "ppt/_rels/presentation.xml.rels" => (name.clone(), swap(&text)),
            "ppt/slides/slide1.xml" => ("ppt/slides/slide2.xml".to_owned(), text),
            "ppt/slides/slide2.xml" => ("ppt/slides/slide1.xml".to_owned(), text),
            _ => (name, text),
        };
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let reordered = zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner();
    let read = read_deck(&reordered).unwrap_or_else(|e| panic!("{e}"));
    assert!(read.changes.is_empty(), "{:?}", read.changes);
    assert!(read.missing.is_empty(), "{:?}", read.missing);
}
