//! A deck made by GER Planner, read back: the roadmap it carries, with each mission whose shape
//! was moved or resized in PowerPoint given the dates its shape now shows.

use std::collections::HashMap;
use std::io::Read;

use chrono::{Days, NaiveDate};
use quick_xml::events::{BytesStart, Event};

use super::package::{CUSTOM_XML_REL, FIRST_SLIDE_ID, ROADMAP_PART};
use super::slide::SHAPE_NAMES;
use crate::format;
use crate::model::{MissionId, Roadmap};

/// The namespace of the part that carries the roadmap.
pub const DECK_NAMESPACE: &str = "urn:ger-planner:deck:1";

/// Why a deck cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// Not a PowerPoint file at all.
    #[error("not a PowerPoint deck (.pptx): {0}")]
    NotADeck(String),
    /// A deck, but not one GER Planner made: it carries no roadmap.
    #[error("a PowerPoint deck, but not one made by GER Planner: it carries no roadmap")]
    NoRoadmap,
    /// The roadmap or a part it needs is damaged.
    #[error("the deck's {part} cannot be read: {reason}")]
    Damaged { part: String, reason: String },
}

/// A mission whose shape was moved or resized: its dates before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateChange {
    pub mission: MissionId,
    pub from_start: NaiveDate,
    pub to_start: NaiveDate,
    pub from_end: NaiveDate,
    pub to_end: NaiveDate,
}

/// What a deck holds.
#[derive(Clone, Debug, PartialEq)]
pub struct DeckRead {
    /// The roadmap it carries, as exported.
    pub exported: Roadmap,
    /// That roadmap with the dates the moved shapes show.
    pub roadmap: Roadmap,
    /// The missions whose shapes were moved or resized.
    pub changes: Vec<DateChange>,
    /// Missions whose shapes were deleted from the slide (still in the roadmap).
    pub missing: Vec<MissionId>,
    /// Shapes added in PowerPoint (left alone).
    pub added_shapes: usize,
}

/// A slide as exported: its scale, and where each mission's shape was put.
struct ExportedSlide {
    emu_per_pixel: f64,
    days_per_pixel: f64,
    shapes: Vec<(MissionId, i64, i64)>,
}

/// What the deck recorded of itself: its slides and the roadmap.
struct Exported {
    slides: Vec<ExportedSlide>,
    roadmap: Roadmap,
}

/// A shape on the slide: name, and left edge and width in EMU.
struct Shape {
    name: String,
    x: i64,
    cx: i64,
}

/// Reads a deck's bytes.
pub fn read_deck(bytes: &[u8]) -> Result<DeckRead, DeckError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|err| DeckError::NotADeck(err.to_string()))?;
    let relationships = presentation_relationships(&mut zip)?;
    let part = roadmap_part(&mut zip, &relationships)?;
    let exported = exported(&text_of(&mut zip, &part)?, &part)?;
    let mut slides = Vec::with_capacity(exported.slides.len());
    for part in slide_parts(&mut zip, &relationships, exported.slides.len())? {
        slides.push(match part {
            Some(name) => Some(shapes(&text_of(&mut zip, &name)?, &name)?),
            None => None,
        });
    }
    Ok(compare(exported, &slides))
}

fn text_of<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<String, DeckError> {
    let damaged = |reason: String| DeckError::Damaged {
        part: name.to_owned(),
        reason,
    };
    let mut file = zip.by_name(name).map_err(|err| damaged(err.to_string()))?;
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|err| damaged(err.to_string()))?;
    Ok(text)
}

/// The presentation's relationships: `(id, type, target)`, targets from the package's root.
fn presentation_relationships<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Vec<(String, String, String)>, DeckError> {
    let rels = text_of(zip, "ppt/_rels/presentation.xml.rels")?;
    let elements = elements(&rels, b"Relationship", "presentation relationships")?;
    Ok((elements.into_iter())
        .filter_map(|e| {
            let target = e.get("Target")?;
            let target = match target.strip_prefix("../") {
                Some(outside) => outside.to_owned(),
                None => format!("ppt/{target}"),
            };
            Some((e.get("Id")?.clone(), e.get("Type")?.clone(), target))
        })
        .collect())
}

/// The attributes of every element named `name` in `text` (the part `part`).
fn elements(
    text: &str,
    name: &[u8],
    part: &str,
) -> Result<Vec<HashMap<String, String>>, DeckError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == name => {
                let attributes = (e.attributes().flatten())
                    .filter_map(|a| {
                        // Qualified: a slide's `id` and its relationship's `r:id` differ.
                        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?;
                        Some((key, value.into_owned()))
                    })
                    .collect();
                found.push(attributes);
            }
            Ok(Event::Eof) => return Ok(found),
            Err(err) => {
                return Err(DeckError::Damaged {
                    part: part.to_owned(),
                    reason: err.to_string(),
                });
            }
            _ => {}
        }
    }
}

/// The part holding the roadmap: the one the presentation relates as custom XML, else the
/// one it was written as (a tool that rewrote the package may have renamed it).
fn roadmap_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    relationships: &[(String, String, String)],
) -> Result<String, DeckError> {
    let related = (relationships.iter())
        .filter(|(_, kind, _)| kind == CUSTOM_XML_REL)
        .map(|(_, _, target)| target.clone());
    for target in related.chain([ROADMAP_PART.to_owned()]) {
        if let Ok(text) = text_of(zip, &target)
            && text.contains(DECK_NAMESPACE)
        {
            return Ok(target);
        }
    }
    Err(DeckError::NoRoadmap)
}

/// The part of each of the `count` slides the deck was written with, found by the slide's id
/// (PowerPoint keeps a slide's id when slides are reordered, and renames the parts); `None` for
/// a slide deleted.
fn slide_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    relationships: &[(String, String, String)],
    count: usize,
) -> Result<Vec<Option<String>>, DeckError> {
    let presentation = text_of(zip, "ppt/presentation.xml")?;
    let mut parts = vec![None; count];
    for slide in elements(&presentation, b"sldId", "ppt/presentation.xml")? {
        let index = (slide.get("id").and_then(|id| id.parse::<usize>().ok()))
            .and_then(|id| id.checked_sub(FIRST_SLIDE_ID));
        let target = (relationships.iter())
            .find(|(id, _, _)| Some(id) == slide.get("r:id"))
            .map(|(_, _, target)| target.clone());
        if let (Some(index), Some(target)) = (index, target)
            && let Some(part) = parts.get_mut(index)
        {
            *part = Some(target);
        }
    }
    Ok(parts)
}

fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

fn number<T: std::str::FromStr>(
    e: &BytesStart<'_>,
    name: &[u8],
    part: &str,
) -> Result<T, DeckError> {
    attribute(e, name)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| DeckError::Damaged {
            part: part.to_owned(),
            reason: format!("no number {}", String::from_utf8_lossy(name)),
        })
}

/// The roadmap part: each slide's scale and where its shapes were put, and the roadmap.
fn exported(text: &str, part: &str) -> Result<Exported, DeckError> {
    let damaged = |reason: String| DeckError::Damaged {
        part: part.to_owned(),
        reason,
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut slides: Vec<ExportedSlide> = Vec::new();
    let mut json = String::new();
    let mut in_roadmap = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|err| damaged(err.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"slide" => slides.push(ExportedSlide {
                    emu_per_pixel: number(&e, b"emuPerPixel", part)?,
                    days_per_pixel: number(&e, b"daysPerPixel", part)?,
                    shapes: Vec::new(),
                }),
                b"shape" => {
                    let slide = (slides.last_mut())
                        .ok_or_else(|| damaged("a shape outside a slide".to_owned()))?;
                    slide.shapes.push((
                        MissionId::from(attribute(&e, b"mission").unwrap_or_default().as_str()),
                        number(&e, b"x", part)?,
                        number(&e, b"cx", part)?,
                    ));
                }
                b"roadmap" => in_roadmap = true,
                _ => {}
            },
            Event::CData(data) if in_roadmap => {
                json.push_str(&String::from_utf8_lossy(&data));
            }
            Event::End(e) if e.local_name().as_ref() == b"roadmap" => in_roadmap = false,
            Event::Eof => break,
            _ => {}
        }
    }
    if slides.is_empty() {
        return Err(damaged("no slide".to_owned()));
    }
    let roadmap =
        format::read_str(&json, "the deck's roadmap").map_err(|err| damaged(err.to_string()))?;
    Ok(Exported { slides, roadmap })
}

/// The shapes of a slide (top-level and connectors), with their names and horizontal places.
fn shapes(text: &str, part: &str) -> Result<Vec<Shape>, DeckError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut shapes = Vec::new();
    let mut current: Option<Shape> = None;
    let mut placed = false;
    loop {
        let event = reader.read_event().map_err(|err| DeckError::Damaged {
            part: part.to_owned(),
            reason: err.to_string(),
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"sp" | b"cxnSp" | b"pic" => {
                    current = Some(Shape {
                        name: String::new(),
                        x: 0,
                        cx: 0,
                    });
                    placed = false;
                }
                b"cNvPr" => {
                    if let Some(shape) = &mut current {
                        shape.name = attribute(&e, b"name").unwrap_or_default();
                    }
                }
                b"off" if !placed => {
                    if let Some(shape) = &mut current {
                        shape.x = attribute(&e, b"x")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                    }
                }
                b"ext" if !placed => {
                    if let Some(shape) = &mut current {
                        shape.cx = attribute(&e, b"cx")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        placed = true;
                    }
                }
                _ => {}
            },
            Event::End(e) if matches!(e.local_name().as_ref(), b"sp" | b"cxnSp" | b"pic") => {
                shapes.extend(current.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(shapes)
}

/// How many days `emu` on the slide is, rounded; none under a pixel's worth.
fn days(emu: i64, slide: &ExportedSlide) -> i64 {
    if (emu as f64).abs() < slide.emu_per_pixel {
        return 0;
    }
    let emu_per_day = slide.emu_per_pixel / slide.days_per_pixel;
    (emu as f64 / emu_per_day).round() as i64
}

fn shifted(day: NaiveDate, by: i64) -> NaiveDate {
    let days = Days::new(by.unsigned_abs());
    if by >= 0 {
        day.checked_add_days(days)
    } else {
        day.checked_sub_days(days)
    }
    .unwrap_or(day)
}

/// The exported roadmap with the dates the slides' shapes now show (`None`: a slide deleted):
/// a mission moved on any slide takes the dates of the first slide it was moved on; one whose
/// shape is on no slide any more is missing.
fn compare(exported: Exported, slides: &[Option<Vec<Shape>>]) -> DeckRead {
    let mut roadmap = exported.roadmap.clone();
    let mut changes: Vec<DateChange> = Vec::new();
    let mut found: Vec<&MissionId> = Vec::new();
    let mut added_shapes = 0;
    for (slide, shapes) in exported.slides.iter().zip(slides) {
        let Some(shapes) = shapes else {
            continue;
        };
        let by_name: HashMap<&str, &Shape> = shapes.iter().map(|s| (s.name.as_str(), s)).collect();
        for (id, x0, cx0) in &slide.shapes {
            let Some(shape) = by_name.get(format!("mission:{id}").as_str()) else {
                continue;
            };
            found.push(id);
            if changes.iter().any(|c| &c.mission == id) {
                continue;
            }
            let Some(mission) = roadmap.missions.iter_mut().find(|m| &m.id == id) else {
                continue;
            };
            let start_by = days(shape.x - x0, slide);
            let end_by = if mission.start == mission.end {
                start_by
            } else {
                days((shape.x + shape.cx) - (x0 + cx0), slide)
            };
            if start_by == 0 && end_by == 0 {
                continue;
            }
            let (from_start, from_end) = (mission.start, mission.end);
            mission.start = shifted(from_start, start_by);
            mission.end = shifted(from_end, end_by).max(mission.start);
            changes.push(DateChange {
                mission: id.clone(),
                from_start,
                to_start: mission.start,
                from_end,
                to_end: mission.end,
            });
        }
        added_shapes += added(shapes, &by_name);
    }
    let mut missing: Vec<MissionId> = Vec::new();
    for (id, _, _) in exported.slides.iter().flat_map(|slide| &slide.shapes) {
        if !found.contains(&id) && !missing.contains(id) {
            missing.push(id.clone());
        }
    }
    DeckRead {
        exported: exported.roadmap,
        roadmap,
        changes,
        missing,
        added_shapes,
    }
}

/// Shapes added in PowerPoint among a slide's `shapes`: named otherwise than the deck names its
/// own, or copies of a mission's shape.
fn added(shapes: &[Shape], by_name: &HashMap<&str, &Shape>) -> usize {
    let foreign = (shapes.iter())
        .filter(|s| !SHAPE_NAMES.iter().any(|name| s.name.starts_with(name)))
        .count();
    let missions = (shapes.iter())
        .filter(|s| s.name.starts_with(SHAPE_NAMES[0]))
        .count();
    let different = (by_name.keys())
        .filter(|name| name.starts_with(SHAPE_NAMES[0]))
        .count();
    foreign + missions.saturating_sub(different)
}
