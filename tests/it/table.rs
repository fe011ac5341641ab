//! The mission table as CSV: both sample roadmaps survive a round trip, and every row that cannot
//! be read is reported with its line and column.

use crate::common;

use common::*;
use ger_planner::format::{self, missions_to_csv, read_missions_csv};
use ger_planner::model::{Contribution, Dependency, Mission, Outcome};

fn sample_missions(name: &str) -> Vec<Mission> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("roadmaps")
        .join(name);
    format::read_file(&path)
        .unwrap_or_else(|err| panic!("{err}"))
        .missions
}

fn read_back(text: &str) -> Vec<Mission> {
    let table = read_missions_csv(text);
    assert_eq!(table.problems, [], "no problems expected");
    table.missions.into_iter().map(|(_, m)| m).collect()
}

const HEADER: &str = "id,name,destination,kind,status,start,end,lead,contributors,dependencies,resources,notes,source\n";

#[test]
fn both_sample_roadmaps_survive_a_round_trip() {
    for name in ["ger-2020-plan.json", "ger-2026-status.json"] {
        let missions = sample_missions(name);
        assert_eq!(read_back(&missions_to_csv(&missions)), missions, "{name}");
    }
}

#[test]
fn awkward_text_survives_a_round_trip() {
    let mut odd = mission("odd", "2030-01-01", "2030-12-31");
    odd.name = "Name, with \"quotes\"".to_owned();
    odd.notes = "Two lines;\nsecond, with a comma".to_owned();
    odd.contributors = vec![Contribution {
        agency: "ESA".into(),
        role: "Arm; and \\ tools: the lot".to_owned(),
    }];
    odd.depends_on = vec![
        Dependency {
            mission: "a+b".into(),
            lag_days: 0,
        },
        Dependency {
            mission: "c".into(),
            lag_days: -30,
        },
    ];
    odd.resources = vec!["sls".into(), "port".into()];
    let missions = vec![odd, mission("plain", "2031-01-01", "2031-01-01")];
    assert_eq!(read_back(&missions_to_csv(&missions)), missions);
}

#[test]
fn a_bad_date_on_line_7_is_reported_as_line_7_column_start() {
    let mut text = HEADER.to_owned();
    for k in 2..=6 {
        text.push_str(&format!(
            "m{k},Mission {k},moon,robotic,planned,2030-01-01,2030-02-01,NASA,,,,,\n"
        ));
    }
    text.push_str("m7,Mission 7,moon,robotic,planned,2030-02-30,2030-03-01,NASA,,,,,\n");
    text.push_str("m8,Mission 8,moon,robotic,planned,2030-01-01,2030-02-01,NASA,,,,,\n");
    let table = read_missions_csv(&text);
    assert_eq!(table.problems.len(), 1, "{:?}", table.problems);
    assert_eq!(
        table.problems[0].to_string(),
        "line 7, column start: \"2030-02-30\" is not a day of the calendar (expected a real date as \"YYYY-MM-DD\")"
    );
    let read: Vec<u64> = table.missions.iter().map(|(line, _)| *line).collect();
    assert_eq!(
        read,
        [2, 3, 4, 5, 6, 8],
        "the other rows are read, with their lines"
    );
}

#[test]
fn lines_count_the_lines_inside_quoted_cells() {
    let text = format!(
        "{HEADER}a,A,moon,robotic,planned,2030-01-01,2030-02-01,NASA,,,,\"note\nover\nthree lines\",\n\
         b,B,moon,robotic,sometime,2030-01-01,2030-02-01,NASA,,,,,\n"
    );
    let table = read_missions_csv(&text);
    assert_eq!(
        table
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        [
            "line 5, column status: expected one of concept, planned, confirmed, flown, paused, cancelled, found \"sometime\""
        ]
    );
}

#[test]
fn each_kind_of_bad_cell_names_its_column() {
    let rows = [
        (
            ",A,moon,robotic,planned,2030-01-01,2030-02-01,NASA,,,,,",
            "id",
        ),
        (
            "a,A,moon,crewed,planned,2030-01-01,2030-02-01,NASA,,,,,",
            "kind",
        ),
        (
            "a,A,moon,robotic,planned,2030-01-01,1 Feb 2030,NASA,,,,,",
            "end",
        ),
        (
            "a,A,moon,robotic,planned,2030-01-01,2030-02-01,,,,,,",
            "lead",
        ),
        (
            "a,A,moon,robotic,planned,2030-01-01,2030-02-01,NASA,ESA,,,,",
            "contributors",
        ),
    ];
    for (row, column) in rows {
        let table = read_missions_csv(&format!("{HEADER}{row}\n"));
        assert_eq!(table.missions, [], "{row}");
        assert_eq!(table.problems.len(), 1, "{row}");
        assert_eq!(table.problems[0].column, Some(column), "{row}");
        assert_eq!(table.problems[0].line, 2);
    }
    let short = read_missions_csv(&format!("{HEADER}a,A,moon\n"));
    assert_eq!(
        short.problems[0].to_string(),
        "line 2: expected 13 cells as in the header, found 3"
    );
}

#[test]
fn a_header_without_a_column_or_with_an_unknown_one_reads_nothing() {
    let table = read_missions_csv("id,name,colour\na,A,red\n");
    assert_eq!(table.missions, []);
    let messages: Vec<String> = table.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        messages[0].starts_with("line 1: unknown column \"colour\""),
        "{messages:?}"
    );
    assert!(messages.contains(&"line 1: the header has no column \"destination\"".to_owned()));
}

#[test]
fn an_outcome_column_is_read_and_a_wrong_outcome_named() {
    let header = HEADER.replacen("status,", "status,outcome,", 1);
    let text = format!(
        "{header}a,A,moon,robotic,flown,failed,2030-01-01,2030-02-01,NASA,,,,,\n\
         b,B,moon,robotic,flown,,2030-01-01,2030-02-01,NASA,,,,,\n\
         c,C,moon,robotic,flown,crashed,2030-01-01,2030-02-01,NASA,,,,,\n"
    );
    let table = read_missions_csv(&text);
    let outcomes: Vec<_> = table.missions.iter().map(|(_, m)| m.outcome).collect();
    assert_eq!(outcomes, [Some(Outcome::Failed), None]);
    let problems: Vec<String> = table.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["line 4, column outcome: expected success, partial, failed or nothing, found \"crashed\""]
    );
}

#[test]
fn columns_may_come_in_any_order() {
    let text = "start,end,id,name,destination,kind,status,lead,contributors,dependencies,resources,notes,source\n\
                2030-01-01,2030-02-01,a,A,moon,robotic,planned,NASA,,,,,\n";
    let missions = read_back(text);
    assert_eq!(missions[0].start, date("2030-01-01"));
    assert_eq!(missions[0].id.as_str(), "a");
}
