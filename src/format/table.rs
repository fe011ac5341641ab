//! The mission table as CSV, for spreadsheets: one row per mission, and back.
//!
//! Lists go in one cell each, their items separated by `;`: contributors as `AGENCY:role`,
//! dependencies as `mission` or `mission+lag_days`, resources as ids. A `;` or `\` inside an item
//! is written `\;` or `\\`. Reading reports every row it cannot take, with its line and column,
//! and returns the rows it can. The `outcome` column came with format version 3; a table
//! without it is read as missions with no outcome recorded.

use std::fmt;

use crate::model::{Contribution, Dependency, Mission, MissionKind, MissionStatus, Outcome, date};

/// The columns, in the order they are written.
pub const COLUMNS: [&str; 14] = [
    "id",
    "name",
    "destination",
    "kind",
    "status",
    "outcome",
    "start",
    "end",
    "lead",
    "contributors",
    "dependencies",
    "resources",
    "notes",
    "source",
];

/// A row or cell that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableProblem {
    /// Line of the file, from 1.
    pub line: u64,
    /// The column's name, where one cell is at fault.
    pub column: Option<&'static str>,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl fmt::Display for TableProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What a table holds: the missions that could be read, with their lines, and the problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MissionTable {
    /// Missions read, with the line each starts on.
    pub missions: Vec<(u64, Mission)>,
    /// Rows and cells that could not be read.
    pub problems: Vec<TableProblem>,
}

/// The missions as CSV text, with a header row.
pub fn missions_to_csv(missions: &[Mission]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let rows = std::iter::once(COLUMNS.map(str::to_owned)).chain(missions.iter().map(row));
    for record in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Columns a table may leave out: they came later, and older tables are still read.
const OPTIONAL: [&str; 1] = ["outcome"];

fn row(mission: &Mission) -> [String; 14] {
    [
        mission.id.to_string(),
        mission.name.clone(),
        mission.destination.to_string(),
        mission.kind.name().to_owned(),
        mission.status.name().to_owned(),
        mission
            .outcome
            .map(Outcome::name)
            .unwrap_or_default()
            .to_owned(),
        date::to_text(mission.start),
        date::to_text(mission.end),
        mission.lead.to_string(),
        join_list(
            mission
                .contributors
                .iter()
                .map(|c| format!("{}:{}", c.agency, c.role)),
        ),
        join_list(mission.depends_on.iter().map(|d| match d.lag_days {
            0 => d.mission.to_string(),
            lag => format!("{}+{lag}", d.mission),
        })),
        join_list(mission.resources.iter().map(ToString::to_string)),
        mission.notes.clone(),
        mission.source.clone(),
    ]
}

/// Items joined by `;`, with `;` and `\` in them escaped.
fn join_list(items: impl Iterator<Item = String>) -> String {
    items
        .map(|item| item.replace('\\', "\\\\").replace(';', "\\;"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A cell's items: split at unescaped `;`, unescaped, trimmed, empty ones dropped.
fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => item.extend(chars.next()),
            ';' => items.push(std::mem::take(&mut item)),
            _ => item.push(c),
        }
    }
    items.push(item);
    items
        .into_iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect()
}

/// Reads a mission table. Every column of [`COLUMNS`] must be in the header, in any order,
/// except those that came later (`outcome`).
pub fn read_missions_csv(text: &str) -> MissionTable {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = MissionTable::default();
    let positions = match reader.headers() {
        Ok(header) => column_positions(header, &mut table.problems),
        Err(err) => {
            table.problems.push(csv_problem(&err));
            return table;
        }
    };
    let Some(positions) = positions else {
        return table;
    };
    let width = reader.headers().map_or(0, csv::StringRecord::len);
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                match mission(&record, &positions, width, line) {
                    Ok(mission) => table.missions.push((line, mission)),
                    Err(problem) => table.problems.push(problem),
                }
            }
            Err(err) => table.problems.push(csv_problem(&err)),
        }
    }
    table
}

fn csv_problem(err: &csv::Error) -> TableProblem {
    TableProblem {
        line: err.position().map_or(1, csv::Position::line),
        column: None,
        message: format!("not readable as CSV: {err}"),
    }
}

/// Where each column is in the header (none for an optional column left out); `None` (with
/// the problems noted) when a column is unknown or one that must be there is missing.
fn column_positions(
    header: &csv::StringRecord,
    problems: &mut Vec<TableProblem>,
) -> Option<[Option<usize>; 14]> {
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    for name in &names {
        if !COLUMNS.contains(name) {
            problems.push(TableProblem {
                line: 1,
                column: None,
                message: format!(
                    "unknown column {name:?} (expected the columns {})",
                    COLUMNS.join(", ")
                ),
            });
        }
    }
    let mut positions = [None; 14];
    for (k, column) in COLUMNS.iter().enumerate() {
        match names.iter().position(|n| n == column) {
            Some(p) => positions[k] = Some(p),
            None if OPTIONAL.contains(column) => {}
            None => problems.push(TableProblem {
                line: 1,
                column: None,
                message: format!("the header has no column {column:?}"),
            }),
        }
    }
    problems.is_empty().then_some(positions)
}

/// A mission from a row.
fn mission(
    record: &csv::StringRecord,
    positions: &[Option<usize>; 14],
    width: usize,
    line: u64,
) -> Result<Mission, TableProblem> {
    let cell = |k: usize| positions[k].and_then(|p| record.get(p)).unwrap_or("");
    let problem = |k: usize, message: String| TableProblem {
        line,
        column: Some(COLUMNS[k]),
        message,
    };
    if record.len() != width {
        return Err(TableProblem {
            line,
            column: None,
            message: format!(
                "expected {width} cells as in the header, found {}",
                record.len()
            ),
        });
    }
    let id = |k: usize| {
        let text = cell(k).trim();
        if text.is_empty() {
            Err(problem(k, "expected an id, found an empty cell".to_owned()))
        } else {
            Ok(text)
        }
    };
    let day = |k: usize| date::parse(cell(k).trim()).map_err(|message| problem(k, message));
    Ok(Mission {
        id: id(0)?.into(),
        name: cell(1).to_owned(),
        destination: id(2)?.into(),
        kind: match cell(3).trim() {
            "human" => MissionKind::Human,
            "robotic" => MissionKind::Robotic,
            other => {
                return Err(problem(
                    3,
                    format!("expected \"human\" or \"robotic\", found {other:?}"),
                ));
            }
        },
        status: MissionStatus::ALL
            .into_iter()
            .find(|s| s.name() == cell(4).trim())
            .ok_or_else(|| {
                let names: Vec<&str> = MissionStatus::ALL.iter().map(|s| s.name()).collect();
                problem(
                    4,
                    format!("expected one of {}, found {:?}", names.join(", "), cell(4)),
                )
            })?,
        outcome: outcome(cell(5)).map_err(|message| problem(5, message))?,
        start: day(6)?,
        end: day(7)?,
        fixed: false,
        start_estimate: None,
        lead: id(8)?.into(),
        contributors: split_list(cell(9))
            .into_iter()
            .map(|item| {
                contribution(&item)
                    .ok_or_else(|| problem(9, format!("expected AGENCY:role, found {item:?}")))
            })
            .collect::<Result<_, _>>()?,
        depends_on: split_list(cell(10))
            .iter()
            .map(|item| dependency(item))
            .collect(),
        resources: split_list(cell(11))
            .iter()
            .map(|r| r.as_str().into())
            .collect(),
        notes: cell(12).to_owned(),
        source: cell(13).to_owned(),
    })
}

/// An outcome's word, or nothing.
fn outcome(cell: &str) -> Result<Option<Outcome>, String> {
    let word = cell.trim();
    if word.is_empty() {
        return Ok(None);
    }
    let found = Outcome::ALL.into_iter().find(|o| o.name() == word);
    found
        .map(Some)
        .ok_or_else(|| format!("expected success, partial, failed or nothing, found {word:?}"))
}

/// `AGENCY:role`.
fn contribution(item: &str) -> Option<Contribution> {
    let (agency, role) = item.split_once(':')?;
    let agency = agency.trim();
    (!agency.is_empty()).then(|| Contribution {
        agency: agency.into(),
        role: role.trim().to_owned(),
    })
}

/// `mission` or `mission+lag_days` (the lag after the last `+`, when it is a number).
fn dependency(item: &str) -> Dependency {
    let lagged = item
        .rsplit_once('+')
        .and_then(|(mission, lag)| Some((mission.trim(), lag.trim().parse::<i32>().ok()?)));
    match lagged {
        Some((mission, lag_days)) if !mission.is_empty() => Dependency {
            mission: mission.into(),
            lag_days,
        },
        _ => Dependency {
            mission: item.into(),
            lag_days: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{join_list, split_list};

    #[test]
    fn list_items_with_separators_survive_a_round_trip() {
        let items = vec!["a;b".to_owned(), "c\\d".to_owned(), "plain".to_owned()];
        assert_eq!(split_list(&join_list(items.clone().into_iter())), items);
        assert_eq!(split_list(" x ; ;y"), ["x", "y"]);
    }
}
