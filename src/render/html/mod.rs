//! The interactive page: one self-contained HTML file that anyone can open offline, in any
//! current browser, with nothing to install. The chart is the snapshot's SVG, drawn from the
//! same [`Scene`] (each bar a focusable element with `data-mission`); around it, a small
//! script (`page.js`) adds the mission cards, search, filters, zoom and pan and the conflict
//! list, and a table lists every mission shown for screen readers, search engines and print.
//!
//! Nothing leaves the file: the typeface is embedded, the styles and script are inline, and
//! the page's Content-Security-Policy forbids every request. Names and notes are escaped
//! wherever they are written, so a roadmap holding markup stays text.

mod data;

use std::fmt::Write;
use std::sync::LazyLock;

use base64::Engine;
use chrono::NaiveDate;

use super::colors::Palette;
use super::shown::{COLUMNS, shown_missions, table_row};
use super::svg::{Heading, SvgPage, escape, svg_page};
use crate::analysis::find_conflicts_on;
use crate::layout::{MAIN_FONT, Scene};
use crate::model::Roadmap;

use data::{ConflictItem, PageData, page_data};

/// The page's styles.
const STYLES: &str = include_str!("page.css");
/// The page's script: plain JavaScript, no framework.
const SCRIPT: &str = include_str!("page.js");
/// The id of the script element holding the page's data (the cards and conflicts).
pub const DATA_ID: &str = "ger-page";
/// The id of the script element holding the roadmap, as its file holds it.
pub const ROADMAP_ID: &str = "ger-roadmap";
/// What the page may load: nothing from outside itself (its own inline styles and script,
/// and the typeface embedded as a data address).
const CONTENT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     script-src 'unsafe-inline'; font-src data:; img-src data:";

/// The chart's typeface as a data address: the window's own, so labels fit where layout
/// measured them.
static FONT_FACE: LazyLock<String> = LazyLock::new(|| {
    let font = base64::engine::general_purpose::STANDARD.encode(MAIN_FONT);
    format!(
        "@font-face{{font-family:\"GER Ubuntu\";font-weight:normal;\
         src:url(data:font/ttf;base64,{font}) format(\"truetype\")}}"
    )
});

/// The interactive page of `roadmap` whose chart is `scene`, headed by `heading`, as of
/// `today` (the day its statuses and conflicts are of).
pub fn interactive_page(
    roadmap: &Roadmap,
    scene: &Scene,
    heading: &Heading,
    today: NaiveDate,
) -> String {
    let shown = shown_missions(scene);
    let conflicts = find_conflicts_on(roadmap, today);
    let data = page_data(roadmap, &shown, &conflicts, today);
    let ids: Vec<&str> = roadmap.missions.iter().map(|m| m.id.as_str()).collect();
    let svg_options = SvgPage {
        heading: None,
        mission_ids: Some(&ids),
    };
    let svg = svg_page(scene, &svg_options, &Palette::light());
    // The SVG's own XML declaration of its namespace is not needed inline, and would be the
    // one address in the page.
    let svg = svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);

    let mut page = String::with_capacity(svg.len() * 2 + FONT_FACE.len() + 64 * 1024);
    let title = escape(&heading.title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_POLICY}\">\n\
         <meta name=\"generator\" content=\"GER Planner\">\n<title>{title}</title>\n\
         <style>{}\n{STYLES}</style>\n</head>\n<body>\n\
         <header><h1>{title}</h1><p class=\"subtitle\">{}</p></header>\n",
        *FONT_FACE,
        escape(&heading.subtitle)
    );
    controls(&mut page, roadmap, &data);
    let _ = write!(
        page,
        "<main>\n<div id=\"chart\" tabindex=\"0\" role=\"region\" aria-roledescription=\"timeline\" \
         aria-label=\"Timeline of {} missions. Tab goes through the missions; the arrow keys \
         pan, plus and minus zoom, 0 fits all.\">\n{svg}</div>\n\
         <div id=\"card\" role=\"region\" aria-label=\"Mission details\" aria-live=\"polite\" \
         hidden></div>\n",
        data.missions.len()
    );
    conflict_list(&mut page, &data.conflicts);
    mission_table(&mut page, roadmap, &shown);
    let _ = write!(
        page,
        "</main>\n<footer>Made with GER Planner on {}. This page is self-contained: it \
         loads nothing from outside this file.</footer>\n",
        today.format("%-d %B %Y")
    );
    json_script(&mut page, DATA_ID, &serde_json::to_string(&data));
    let roadmap_json = serde_json::to_string(&crate::format::to_value(roadmap));
    json_script(&mut page, ROADMAP_ID, &roadmap_json);
    let _ = write!(page, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    page
}

/// The search, the agency and destination filters, the zoom buttons and the count of
/// missions shown.
fn controls(page: &mut String, roadmap: &Roadmap, data: &PageData) {
    page.push_str(
        "<div class=\"controls\">\n<label>Search <input type=\"search\" id=\"search\" \
         placeholder=\"Name or notes\" autocomplete=\"off\"></label>\n",
    );
    let used = |id: &str| {
        data.missions
            .iter()
            .any(|m| m.agencies.iter().any(|a| a == id))
    };
    let agencies = (roadmap.agencies.iter())
        .filter(|a| used(a.id.as_str()))
        .map(|a| (a.id.to_string(), format!("{} — {}", a.id, a.name)));
    select(page, "agency", "Agency", "All agencies", agencies);
    let reached = |id: &str| data.missions.iter().any(|m| m.destination_id == id);
    let destinations = (roadmap.destinations.iter())
        .filter(|d| reached(d.id.as_str()))
        .map(|d| (d.id.to_string(), d.name.clone()));
    select(
        page,
        "destination",
        "Destination",
        "All destinations",
        destinations,
    );
    let _ = write!(
        page,
        "<span class=\"zoom\"><button type=\"button\" id=\"zoom-out\" aria-label=\"Zoom out\" \
         title=\"Zoom out (−)\">−</button><button type=\"button\" id=\"zoom-in\" \
         aria-label=\"Zoom in\" title=\"Zoom in (+)\">+</button><button type=\"button\" \
         id=\"fit\" title=\"Show the whole chart (0)\">Fit all</button></span>\n\
         <output id=\"count\" aria-live=\"polite\">{} missions shown</output>\n</div>\n",
        data.missions.len()
    );
}

/// A `<select>` named `label` whose first option, `all`, filters nothing.
fn select(
    page: &mut String,
    id: &str,
    label: &str,
    all: &str,
    options: impl Iterator<Item = (String, String)>,
) {
    let _ = write!(
        page,
        "<label>{label} <select id=\"{id}\"><option value=\"\">{all}</option>"
    );
    for (value, text) in options {
        let _ = write!(
            page,
            "<option value=\"{}\">{}</option>",
            escape(&value),
            escape(&text)
        );
    }
    page.push_str("</select></label>\n");
}

/// The conflicts with a mission shown, each a button that shows its missions.
fn conflict_list(page: &mut String, conflicts: &[ConflictItem]) {
    let _ = write!(
        page,
        "<section id=\"conflicts\" aria-labelledby=\"conflicts-heading\">\n\
         <h2 id=\"conflicts-heading\">Conflicts ({})</h2>\n",
        conflicts.len()
    );
    if conflicts.is_empty() {
        page.push_str("<p>No conflicts among the missions shown.</p>\n");
    } else {
        page.push_str(
            "<p class=\"hint\">Choose a conflict to show its missions; Escape shows all \
             again.</p>\n<ul>\n",
        );
        for (k, conflict) in conflicts.iter().enumerate() {
            let class = if conflict.severity.starts_with("Error") {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(
                page,
                "<li><button type=\"button\" class=\"{class}\" data-conflict=\"{k}\">{}: {}\
                 </button></li>",
                escape(&conflict.severity),
                escape(&conflict.message)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

/// Every mission shown, a row each, in the chart's order.
fn mission_table(page: &mut String, roadmap: &Roadmap, shown: &[usize]) {
    page.push_str(
        "<section id=\"missions\" aria-labelledby=\"missions-heading\">\n\
         <h2 id=\"missions-heading\">Missions shown</h2>\n<table>\n<thead><tr>",
    );
    for column in COLUMNS {
        let _ = write!(page, "<th scope=\"col\">{column}</th>");
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for mission in shown.iter().filter_map(|&k| roadmap.missions.get(k)) {
        let _ = write!(page, "<tr data-for=\"{}\">", escape(mission.id.as_str()));
        let [name, rest @ ..] = table_row(roadmap, mission);
        let _ = write!(page, "<th scope=\"row\">{}</th>", escape(&name));
        for cell in rest {
            let _ = write!(page, "<td>{}</td>", escape(&cell));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// `json` (or why it could not be written) in a script element of `id` that a browser never
/// runs; every `<` written as its JSON escape, so no text in it can end the element.
fn json_script(page: &mut String, id: &str, json: &serde_json::Result<String>) {
    let json = match json {
        Ok(json) => json.replace('<', "\\u003c"),
        Err(_) => "null".to_owned(),
    };
    let _ = writeln!(
        page,
        "<script type=\"application/json\" id=\"{id}\">{json}</script>"
    );
}
