//! Reading and writing roadmap files (DESIGN §2), and the mission table as CSV.
//!
//! Reading is strict: anything that is not a valid roadmap is refused with the file, line and
//! column and what was expected there. Writing is canonical (two-space indent, fields in the order
//! of the format, newline at the end), so that a one-field change is a one-line diff.

mod current;
mod entries;
mod error;
mod markers;
mod slips;
mod table;
mod text;
mod v1;
mod values;

use std::borrow::Cow;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Roadmap;

pub use error::ReadError;
pub use markers::{
    DEFAULT_MARKER_SIZE, MarkedText, MarkerProblem, has_markers, split_markers, with_markers,
};
pub use slips::{read_slips, read_slips_file, slips_to_json};
pub use table::{COLUMNS, MissionTable, TableProblem, missions_to_csv, read_missions_csv};
pub use text::{MAX_FILE_BYTES, read_text};

/// The value of the `format` field of every roadmap file.
pub const FORMAT_TAG: &str = "ger-roadmap";

/// The newest version of the format this program reads, and the one it writes.
pub const CURRENT_VERSION: u32 = 3;

/// Reads a roadmap from text; `file` names it in error messages.
pub fn read_str(text: &str, file: &str) -> Result<Roadmap, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(err) = ReadError::merge_markers(file, text) {
        return Err(err);
    }
    if let Some(err) = ReadError::not_an_object(file, text) {
        return Err(err);
    }
    let header: Header =
        serde_json::from_str(text).map_err(|err| ReadError::from_json(file, &err))?;
    read_version(header.version.0, text).map_err(|err| ReadError::from_json(file, &err))
}

/// Reads a roadmap file.
pub fn read_file(path: &Path) -> Result<Roadmap, ReadError> {
    read_str(&read_text(path)?, &path.display().to_string())
}

/// The roadmap as the JSON value its canonical file holds: what a merge works on, field by
/// field, without knowing the fields.
pub fn to_value(roadmap: &Roadmap) -> serde_json::Value {
    current::to_value(roadmap)
}

/// A mission as the JSON value its entry in the file holds.
pub fn mission_to_value(mission: &crate::model::Mission) -> serde_json::Value {
    current::mission_to_value(mission)
}

/// The mission a JSON value holds, checked as strictly as in a file.
pub fn mission_from_value(
    value: &serde_json::Value,
) -> Result<crate::model::Mission, serde_json::Error> {
    current::mission_from_value(value)
}

/// The roadmap a JSON value holds, checked as strictly as a file (without line and column).
pub fn from_value(value: &serde_json::Value) -> Result<Roadmap, serde_json::Error> {
    match Header::deserialize(value)?.version.0 {
        1 => v1::from_value(value),
        version => current::from_value(version, value),
    }
}

/// The canonical text of a roadmap.
pub fn to_json(roadmap: &Roadmap) -> String {
    let mut text = current::to_json(roadmap);
    text.push('\n');
    text
}

/// Writes a roadmap to `path` in canonical form, atomically (see [`write_atomically`]).
pub fn write_file(path: &Path, roadmap: &Roadmap) -> std::io::Result<()> {
    write_atomically(path, to_json(roadmap).as_bytes())
}

/// Writes `bytes` to `path`: first to a temporary file beside it, which is then renamed over it,
/// so a crash never leaves half a file and a failed write leaves the old one as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Unique to this write: two writes of one file at once never share a temporary file.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = path.with_file_name(format!(".{name}.{}.{write}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(err) => {
            let _ = std::fs::remove_file(&temporary);
            Err(err)
        }
    }
}

/// The migration hook: a file is read by its version's module, which brings it to the model.
/// Versions 2 and 3 only add fields and values, so an older file is the model without them.
fn read_version(version: u32, text: &str) -> Result<Roadmap, serde_json::Error> {
    match version {
        1 => v1::from_json(text),
        _ => current::from_json(version, text),
    }
}

/// The version a roadmap is written with: the lowest that holds what it contains.
pub fn version_needed(roadmap: &Roadmap) -> u32 {
    current::lowest_version(roadmap)
}

/// The two fields that say what a file is, read before anything else so that a newer or foreign
/// file is refused for what it is rather than for a field this program does not know.
#[derive(Deserialize)]
struct Header {
    #[serde(rename = "format")]
    _format: FormatTag,
    version: Version,
}

/// `"format": "ger-roadmap"`; any other value is refused.
#[derive(Clone, Copy, Debug, Default)]
struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT_TAG)
    }
}

impl<'de> Deserialize<'de> for FormatTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = <Cow<'de, str>>::deserialize(deserializer)?;
        if tag == FORMAT_TAG {
            Ok(Self)
        } else {
            Err(serde::de::Error::custom(format!(
                "this is not a GER roadmap: expected \"format\": \"{FORMAT_TAG}\", found {tag:?}"
            )))
        }
    }
}

/// `"version": 1`; versions newer than this program are refused.
#[derive(Clone, Copy, Debug)]
struct Version(u32);

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let version = u64::deserialize(deserializer)?;
        match u32::try_from(version) {
            Ok(v @ 1..=CURRENT_VERSION) => Ok(Self(v)),
            _ if version > u64::from(CURRENT_VERSION) => Err(serde::de::Error::custom(format!(
                "this roadmap is format version {version}, newer than this program reads \
                 (up to version {CURRENT_VERSION}): update GER Planner to open it"
            ))),
            _ => Err(serde::de::Error::custom(format!(
                "expected a format version from 1 to {CURRENT_VERSION}, found {version}"
            ))),
        }
    }
}
