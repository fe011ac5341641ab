//! The interactive page (`export -o SNAP.html`): one self-contained file with every mission of
//! the view as an element of its chart and a row of its table, the roadmap embedded as it is,
//! nothing loaded from outside, and names that stay text whatever they hold. Then the page in
//! a real browser (Debian's Chromium, driven by `tests/browser/page.mjs`), as a reader uses it.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::common;
use ger_planner::analysis::find_conflicts;
use ger_planner::layout::{GroupBy, Showing, arrange, fit_all};
use ger_planner::model::Roadmap;
use ger_planner::render::html::{DATA_ID, ROADMAP_ID};
use ger_planner::render::{SnapshotView, snapshot_page, snapshot_scene};

const SAMPLES: [&str; 3] = [
    "roadmaps/ger-2020-plan.json",
    "roadmaps/ger-2024-edition.json",
    "roadmaps/ger-2026-status.json",
];

fn read(path: &str) -> Roadmap {
    ger_planner::format::read_file(std::path::Path::new(path)).unwrap_or_else(|err| panic!("{err}"))
}

/// The page of `roadmap` with every mission shown, its lanes `group_by`, and the ids of the
/// missions its chart shows (each once), in the chart's order.
fn page_of(roadmap: &Roadmap, group_by: GroupBy) -> (String, Vec<String>) {
    let showing = Showing {
        group_by,
        ..Showing::default()
    };
    let arrangement = arrange(roadmap, &find_conflicts(roadmap), &showing, None);
    let time = fit_all(roadmap, &showing).unwrap_or_else(|| panic!("nothing shown"));
    let today = common::date("2026-12-01");
    let view = SnapshotView::new(roadmap, &arrangement, time, &roadmap.title, &showing, today);
    let page = snapshot_page(&view, 1920).unwrap_or_else(|err| panic!("{err}"));
    let mut shown: Vec<String> = Vec::new();
    for bar in snapshot_scene(&view, 1920).bars {
        let id = roadmap.missions[bar.mission].id.to_string();
        if !shown.contains(&id) {
            shown.push(id);
        }
    }
    (page, shown)
}

/// The text of the element opened by `start` (up to its closing `end`).
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = from + page[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &page[from..to]
}

/// The JSON of the data script `id`.
fn embedded(page: &str, id: &str) -> serde_json::Value {
    let start = format!("<script type=\"application/json\" id=\"{id}\">");
    let json = between(page, &start, "</script>");
    serde_json::from_str(json).unwrap_or_else(|err| panic!("{id}: {err}"))
}

/// The page's chart, parsed as the XML it is written as.
fn chart_ids(page: &str, tag: &str) -> Vec<String> {
    let svg = format!("<svg{}</svg>", between(page, "<svg", "</svg>"));
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|err| panic!("{err}"));
    (document.descendants())
        .filter(|node| node.has_tag_name(tag))
        .filter_map(|node| node.attribute("data-mission").map(str::to_owned))
        .collect()
}

#[test]
fn every_mission_in_view_has_its_element_its_card_and_its_table_row() {
    for path in SAMPLES {
        for group_by in [GroupBy::Destination, GroupBy::Agency] {
            let roadmap = read(path);
            let (page, shown) = page_of(&roadmap, group_by);
            assert!(!shown.is_empty(), "{path}");
            let in_chart: Vec<String> = chart_ids(&page, "g");
            let distinct: BTreeSet<&String> = in_chart.iter().collect();
            assert_eq!(
                distinct,
                shown.iter().collect::<BTreeSet<_>>(),
                "{path}: a bar element for each mission shown"
            );
            let svg = between(&page, "<svg", "</svg>");
            for id in &shown {
                let element =
                    format!("data-mission=\"{id}\" tabindex=\"0\" role=\"button\" aria-label=\"");
                assert!(
                    svg.contains(&element),
                    "{path}: {id} is focusable and named"
                );
            }
            let rows: Vec<&str> = (page.split("<tr data-for=\"").skip(1))
                .filter_map(|row| row.split('"').next())
                .collect();
            assert_eq!(
                rows, shown,
                "{path}: a table row each, in the chart's order"
            );
            let data = embedded(&page, DATA_ID);
            let cards: Vec<&str> = (data["missions"].as_array().into_iter().flatten())
                .filter_map(|card| card["id"].as_str())
                .collect();
            assert_eq!(cards, shown, "{path}: a card each");
        }
    }
}

#[test]
fn the_roadmap_embedded_is_the_roadmap_and_the_cards_say_its_facts() {
    let roadmap = read("roadmaps/ger-2026-status.json");
    let (page, _) = page_of(&roadmap, GroupBy::Destination);
    let embedded_roadmap = ger_planner::format::from_value(&embedded(&page, ROADMAP_ID))
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(embedded_roadmap, roadmap);

    let data = embedded(&page, DATA_ID);
    let cards = data["missions"].as_array().cloned().unwrap_or_default();
    let card = (cards.iter())
        .find(|c| c["id"] == "mmx")
        .unwrap_or_else(|| panic!("MMX has a card"));
    let mmx = (roadmap.missions.iter())
        .find(|m| m.id.as_str() == "mmx")
        .unwrap_or_else(|| panic!("MMX"));
    assert_eq!(card["start"], mmx.start.to_string());
    assert_eq!(card["end"], mmx.end.to_string());
    assert_eq!(card["name"], mmx.name);
    assert_eq!(card["source"], mmx.source);
    let contributors = card["contributors"].to_string();
    assert!(
        contributors.contains("CNES") && contributors.contains("IDEFIX rover"),
        "{contributors}"
    );
    // Every conflict of a mission shown is listed once, and named on its missions' cards.
    let listed = data["conflicts"].as_array().cloned().unwrap_or_default();
    let conflicts = ger_planner::analysis::find_conflicts_on(&roadmap, common::date("2026-12-01"));
    assert_eq!(listed.len(), conflicts.len(), "every mission is shown");
    for conflict in &conflicts {
        let place = (listed.iter())
            .position(|item| item["message"] == conflict.message.as_str())
            .unwrap_or_else(|| panic!("listed: {}", conflict.message));
        for id in &conflict.missions {
            let card = cards.iter().find(|c| c["id"] == id.as_str());
            let on_card = card.and_then(|c| c["conflicts"].as_array().cloned());
            assert!(
                on_card.unwrap_or_default().contains(&place.into()),
                "{id}: {}",
                conflict.message
            );
        }
    }
}

/// Addresses the page may hold as text (a source names a web page) but never load: no
/// element fetches anything, no style imports, and the policy forbids every request.
#[test]
fn nothing_refers_to_anything_outside_the_page() {
    for path in SAMPLES {
        let (page, _) = page_of(&read(path), GroupBy::Agency);
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';";
        assert!(page.contains(policy), "{path}: the policy forbids requests");
        let markup = without_data(&page);
        for fetching in [
            " src=", " href=", "<link", "<iframe", "<img", "<object", "<embed", "@import",
            "srcset=",
        ] {
            assert!(!markup.contains(fetching), "{path}: {fetching}");
        }
        for (k, _) in markup.match_indices("url(") {
            let rest = &markup[k + 4..];
            assert!(
                rest.starts_with("data:") || rest.starts_with("#") || rest.starts_with("\"#"),
                "{path}: {}",
                &rest[..40.min(rest.len())]
            );
        }
        assert!(
            !markup.contains("http://") && !markup.contains("https://"),
            "{path}"
        );
    }
}

/// The page without its two data scripts (whose texts are the roadmap's own words).
fn without_data(page: &str) -> String {
    let mut rest = page.to_owned();
    for id in [DATA_ID, ROADMAP_ID] {
        let start = format!("<script type=\"application/json\" id=\"{id}\">");
        let json = between(&rest, &start, "</script>").to_owned();
        rest = rest.replacen(&json, "", 1);
    }
    rest
}

#[test]
fn the_bundled_page_is_small_enough_to_mail() {
    let (page, _) = page_of(&read("roadmaps/ger-2026-status.json"), GroupBy::Agency);
    assert!(page.len() < 1_500_000, "{} bytes", page.len());
}

/// A roadmap whose words are all `text`: its title, a mission's name, notes and source, an
/// agency's and a lane's names.
fn hostile(text: &str) -> Roadmap {
    let mut roadmap = common::roadmap(vec![
        common::mission("a", "2030-01-01", "2030-06-01"),
        common::depends(common::mission("b", "2030-01-01", "2030-03-01"), "a", 0),
    ]);
    roadmap.title = text.to_owned();
    for mission in &mut roadmap.missions {
        mission.name = text.to_owned();
        mission.notes = text.to_owned();
        mission.source = text.to_owned();
    }
    for agency in &mut roadmap.agencies {
        agency.name = text.to_owned();
    }
    for destination in &mut roadmap.destinations {
        destination.name = text.to_owned();
    }
    roadmap
}

/// The elements the page writes itself.
const PAGE_TAGS: [&str; 45] = [
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "p",
    "div",
    "label",
    "input",
    "select",
    "option",
    "span",
    "button",
    "output",
    "main",
    "section",
    "ul",
    "li",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "footer",
    "script",
    "svg",
    "defs",
    "pattern",
    "linearGradient",
    "stop",
    "g",
    "rect",
    "line",
    "polygon",
    "polyline",
    "circle",
    "text",
    "tspan",
];

/// Markup written by the page itself: three scripts (its data, the roadmap, its code), and no
/// element but those it writes; the roadmap's words come back from the data as they were.
fn assert_inert(page: &str, roadmap: &Roadmap) {
    assert_eq!(
        page.matches("<script").count(),
        3,
        "only the page's own scripts"
    );
    assert_eq!(page.matches("</script").count(), 3);
    let markup = elements_only(page);
    for (k, _) in markup.match_indices('<') {
        let tag: String = (markup[k + 1..].chars())
            .skip_while(|&c| c == '/')
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
            .collect();
        assert!(
            PAGE_TAGS.contains(&tag.as_str()),
            "<{tag} in {}",
            &markup[k..(k + 60).min(markup.len())]
        );
    }
    let embedded_roadmap = ger_planner::format::from_value(&embedded(page, ROADMAP_ID))
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        &embedded_roadmap, roadmap,
        "the words come back as they were"
    );
}

/// The page with the texts of its scripts and styles left out: its elements and their words.
fn elements_only(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(start) = rest
        .find("<script")
        .into_iter()
        .chain(rest.find("<style>"))
        .min()
    {
        let close = if rest[start..].starts_with("<script") {
            "</script>"
        } else {
            "</style>"
        };
        let opened = start + rest[start..].find('>').map_or(0, |k| k + 1);
        out.push_str(&rest[..opened]);
        let end = opened
            + rest[opened..]
                .find(close)
                .unwrap_or_else(|| panic!("no {close}"));
        rest = &rest[end..];
        out.push_str(close);
        rest = &rest[close.len()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn markup_in_names_notes_and_sources_stays_text() {
    let text = "</script><script>alert(1)</script><img src=x onerror=alert(2)><!-- \"'&amp;";
    let roadmap = hostile(text);
    let (page, _) = page_of(&roadmap, GroupBy::Agency);
    assert_inert(&page, &roadmap);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_words_stay_text(text in "(</script>|</SCRIPT|<!--|<img src=x>|<style>|&amp;|[<>&\"' a-z\u{e9}\u{2028}])*") {
        let roadmap = hostile(&text);
        let (page, _) = page_of(&roadmap, GroupBy::Destination);
        assert_inert(&page, &roadmap);
    }
}

/// What `tests/browser/page.mjs` saw of a page in Chromium, or `None` outside CI where
/// Chromium (or Node.js's playwright-core) is not installed.
fn in_browser(page: &str, plan: &serde_json::Value) -> Option<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let file = dir.path().join("roadmap snapshot.html");
    std::fs::write(&file, page).unwrap_or_else(|err| panic!("{err}"));
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/page.mjs");
    let plan = plan.to_string();
    let args = [script.as_ref(), file.as_os_str(), plan.as_ref()];
    let output = common::run_tool("node", &args)?;
    Some(serde_json::from_str(&output).unwrap_or_else(|err| panic!("{err}: {output}")))
}

/// The strings of a JSON array.
fn strings(value: &serde_json::Value) -> Vec<String> {
    (value.as_array().into_iter().flatten())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

#[test]
fn in_a_browser_the_page_answers_dates_search_and_conflicts() {
    let roadmap = read("roadmaps/ger-2026-status.json");
    let (page, shown) = page_of(&roadmap, GroupBy::Destination);
    let plan = serde_json::json!({"hover": "artemis-3", "focus": "mmx", "search": "Artemis"});
    let Some(report) = in_browser(&page, &plan) else {
        return;
    };
    assert_eq!(strings(&report["console_errors"]), Vec::<String>::new());
    assert_eq!(strings(&report["outside_requests"]), Vec::<String>::new());
    assert_eq!(
        strings(&report["rows"]),
        shown,
        "a row for every mission in view"
    );
    let bars: BTreeSet<String> = strings(&report["bars"]).into_iter().collect();
    assert_eq!(bars, shown.iter().cloned().collect(), "every bar shown");

    let artemis = (roadmap.missions.iter())
        .find(|m| m.id.as_str() == "artemis-3")
        .unwrap_or_else(|| panic!("Artemis III"));
    let card = report["hover_card"].as_str().unwrap_or_default();
    assert!(card.contains(&artemis.name), "{card}");
    assert!(
        card.contains(&format!("{} to {}", artemis.start, artemis.end)),
        "{card}"
    );
    let focused = report["focus_card"].as_str().unwrap_or_default();
    assert!(
        focused.contains("MMX") && focused.contains("IDEFIX rover"),
        "{focused}"
    );
    assert!(focused.contains("Warning: MMX"), "its conflict: {focused}");
    assert_eq!(report["pinned"], true, "Enter pins the card");

    let (scale, zoomed, fitted) = (
        &report["scale"],
        &report["scale_after_plus"],
        &report["scale_after_fit"],
    );
    assert!(
        zoomed.as_f64() > scale.as_f64(),
        "+ zooms in: {scale} → {zoomed}"
    );
    assert_eq!(fitted, scale, "0 fits the whole chart again");
    let wheeled = &report["scale_after_wheel"];
    assert!(
        wheeled.as_f64() > scale.as_f64(),
        "the wheel zooms in: {scale} → {wheeled}"
    );
    assert_eq!(
        report["dragged_by"], 120.0,
        "a drag pans by as much as the pointer moved"
    );
    assert_eq!(
        report["pinned_after_drag"], false,
        "a drag is no click: no card is pinned"
    );

    let first_conflict = &embedded(&page, DATA_ID)["conflicts"][0]["missions"];
    let mut picked = strings(&report["conflict_picked"]);
    picked.sort();
    picked.dedup();
    assert_eq!(
        picked,
        strings(first_conflict),
        "a conflict shows its missions"
    );

    let matching: Vec<String> = (roadmap.missions.iter())
        .filter(|m| shown.contains(&m.id.to_string()))
        .filter(|m| {
            m.name.to_lowercase().contains("artemis") || m.notes.to_lowercase().contains("artemis")
        })
        .map(|m| m.id.to_string())
        .collect();
    assert!(matching.len() > 3);
    let left: BTreeSet<String> = strings(&report["search_bars"]).into_iter().collect();
    assert_eq!(
        left,
        matching.iter().cloned().collect(),
        "only the matching missions are left"
    );
    let rows: BTreeSet<String> = strings(&report["search_rows"]).into_iter().collect();
    assert_eq!(rows, left, "and only their rows");
    let count = report["count"].as_str().unwrap_or_default();
    assert_eq!(
        count,
        format!("{} of {} missions shown", matching.len(), shown.len())
    );
}

#[test]
fn in_a_browser_markup_in_the_roadmap_runs_nothing() {
    let text = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
    let roadmap = hostile(text);
    let (page, _) = page_of(&roadmap, GroupBy::Destination);
    let plan = serde_json::json!({"hover": "a", "search": "<img"});
    let Some(report) = in_browser(&page, &plan) else {
        return;
    };
    assert_eq!(strings(&report["console_errors"]), Vec::<String>::new());
    assert_eq!(strings(&report["outside_requests"]), Vec::<String>::new());
    assert_eq!(
        strings(&report["dialogs"]),
        Vec::<String>::new(),
        "no script of the roadmap ran"
    );
    let card = report["hover_card"].as_str().unwrap_or_default();
    assert!(card.contains(text), "shown as text: {card}");
    let rows: BTreeSet<String> = strings(&report["search_rows"]).into_iter().collect();
    assert_eq!(
        rows,
        ["a", "b"].map(String::from).into(),
        "the search found the text"
    );
}

/// In the window: File → Export interactive page… (here through the command palette and the
/// path prompt, as without a desktop's file dialog) writes the chart as shown, carrying the
/// roadmap that is open.
#[test]
fn the_window_exports_the_chart_as_shown_to_a_page() {
    use egui_kittest::kittest::Queryable as _;
    let roadmap = read("roadmaps/ger-2026-status.json");
    let (dir, _, mut harness) = common::ui::harness_on_file(&roadmap);
    let path = dir.path().join("workshop.html");
    common::ui::run_with_path(&mut harness, "interactive", &path.display().to_string());
    let page = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{err}"));
    let embedded_roadmap = ger_planner::format::from_value(&embedded(&page, ROADMAP_ID))
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(&embedded_roadmap, harness.state().roadmap());
    // The chart as shown: the window's range (2020 to 2030), not the whole roadmap's.
    assert!(
        page.contains("Jan 2020 to"),
        "the window's range in the subtitle"
    );
    let shown = chart_ids(&page, "g");
    assert!(shown.contains(&"artemis-4".to_owned()));
    assert!(
        !shown.contains(&"iss".to_owned()) || page.contains("Jan 2020"),
        "{shown:?}"
    );
    assert!(
        harness
            .query_by_label_contains("Interactive page written to")
            .is_some()
    );
}
