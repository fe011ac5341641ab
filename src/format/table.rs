//! The mission table as CSV, for spreadsheets: one row per mission, and back.
//!
//! Lists go in one cell each, their items separated by `;`: contributors as `AGENCY:role`,
//! dependencies as `mission` or `mission+lag_days`, resources as ids. A `;` or `\` inside an item
//! is written `\;` or `\\`. Reading reports every row it cannot take, with its line and column,
//! and returns the rows it can.

use std::fmt;

use crate::model::{Contribution, Dependency, Mission, MissionKind, MissionStatus, date};

/// The columns, in the order they are written.
pub const COLUMNS: [&str; 13] = [
    "id",
    "name",
    "destination",
    "kind",
    "status",
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

fn row(mission: &Mission) -> [String; 13] {
    [
        mission.id.to_string(),
        mission.name.clone(),
        mission.destination.to_string(),
        mission.kind.name().to_owned(),
        mission.status.name().to_owned(),
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

/// Reads a mission table. Every column of [`COLUMNS`] must be in the header, in any order.
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
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                match mission(&record, &positions, line) {
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

/// Where each column is in the header; `None` (with the problems noted) when one is missing.
fn column_positions(
    header: &csv::StringRecord,
    problems: &mut Vec<TableProblem>,
) -> Option<[usize; 13]> {
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
    let mut positions = [0; 13];
    for (k, column) in COLUMNS.iter().enumerate() {
        match names.iter().position(|n| n == column) {
            Some(p) => positions[k] = p,
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
    positions: &[usize; 13],
    line: u64,
) -> Result<Mission, TableProblem> {
    let cell = |k: usize| record.get(positions[k]).unwrap_or("");
    let problem = |k: usize, message: String| TableProblem {
        line,
        column: Some(COLUMNS[k]),
        message,
    };
    if record.len() != positions.len() {
        return Err(TableProblem {
            line,
            column: None,
            message: format!(
                "expected {} cells as in the header, found {}",
                positions.len(),
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
        start: day(5)?,
        end: day(6)?,
        fixed: false,
        start_estimate: None,
        lead: id(7)?.into(),
        contributors: split_list(cell(8))
            .into_iter()
            .map(|item| {
                contribution(&item)
                    .ok_or_else(|| problem(8, format!("expected AGENCY:role, found {item:?}")))
            })
            .collect::<Result<_, _>>()?,
        depends_on: split_list(cell(9))
            .iter()
            .map(|item| dependency(item))
            .collect(),
        resources: split_list(cell(10))
            .iter()
            .map(|r| r.as_str().into())
            .collect(),
        notes: cell(11).to_owned(),
        source: cell(12).to_owned(),
    })
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
