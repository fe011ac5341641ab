//! The slips file `ger-planner calibrate` writes and the outlook reads: how late each mission
//! of an earlier roadmap started compared with a later one.

use std::borrow::Cow;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::text::read_text;
use crate::model::{MissionId, MissionKind, MissionStatus, Slip, SlipModel};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SlipsFile<'a> {
    old: Cow<'a, str>,
    new: Cow<'a, str>,
    slips: Vec<SlipEntry<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SlipEntry<'a> {
    mission: Cow<'a, MissionId>,
    status: MissionStatus,
    kind: MissionKind,
    days: u32,
}

/// Reads slips as `calibrate` writes them; `file` names them in messages.
pub fn read_slips(text: &str, file: &str) -> Result<SlipModel, ReadError> {
    let read: SlipsFile =
        serde_json::from_str(text).map_err(|err| ReadError::from_json(file, &err))?;
    Ok(SlipModel {
        old: read.old.into_owned(),
        new: read.new.into_owned(),
        slips: (read.slips.into_iter())
            .map(|s| Slip {
                mission: s.mission.into_owned(),
                status: s.status,
                kind: s.kind,
                days: s.days,
            })
            .collect(),
    })
}

/// Reads a slips file.
pub fn read_slips_file(path: &Path) -> Result<SlipModel, ReadError> {
    read_slips(&read_text(path)?, &path.display().to_string())
}

/// The slips as JSON, two-space indented, with a newline at the end.
pub fn slips_to_json(model: &SlipModel) -> String {
    let file = SlipsFile {
        old: Cow::Borrowed(&model.old),
        new: Cow::Borrowed(&model.new),
        slips: (model.slips.iter())
            .map(|s| SlipEntry {
                mission: Cow::Borrowed(&s.mission),
                status: s.status,
                kind: s.kind,
                days: s.days,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&file).map_or_else(|_| String::new(), |text| text + "\n")
}
