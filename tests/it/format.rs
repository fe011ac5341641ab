//! Roadmap files (DESIGN §2): canonical writing, and reading that refuses bad files with the file,
//! line, column and what was expected.

use std::path::Path;

use ger_planner::format::{self, ReadError};
use ger_planner::model::{MissionStatus, Outcome};

const MINIMAL: &str = r##"{
  "format": "ger-roadmap",
  "version": 1,
  "title": "Minimal",
  "agencies": [
    {
      "id": "ESA",
      "name": "European Space Agency",
      "color": "#003399",
      "max_concurrent": 6
    }
  ],
  "destinations": [
    {
      "id": "mars",
      "name": "Mars",
      "launch_windows": [
        {
          "start": "2026-10-01",
          "end": "2027-01-15"
        }
      ]
    }
  ],
  "resources": [
    {
      "id": "pad",
      "name": "Launch pad",
      "capacity": 2,
      "min_gap_days": 30
    }
  ],
  "missions": [
    {
      "id": "mmx",
      "name": "MMX",
      "destination": "mars",
      "kind": "robotic",
      "status": "confirmed",
      "start": "2026-10-31",
      "end": "2031-07-31",
      "lead": "ESA",
      "depends_on": [
        {
          "mission": "other",
          "lag_days": -3
        }
      ],
      "resources": [
        "pad"
      ]
    }
  ]
}
"##;

fn read(text: &str) -> Result<ger_planner::model::Roadmap, ReadError> {
    format::read_str(text, "test.json")
}

/// Reads `text` expecting an error, and returns it as displayed.
fn error_of(text: &str) -> String {
    match read(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(err) => err.to_string(),
    }
}

/// `MINIMAL` with `from` replaced by `to` (exactly once).
fn minimal_with(from: &str, to: &str) -> String {
    assert_eq!(
        MINIMAL.matches(from).count(),
        1,
        "{from:?} must occur once in MINIMAL"
    );
    MINIMAL.replacen(from, to, 1)
}

#[test]
fn a_canonical_file_is_written_back_byte_for_byte() {
    let roadmap = read(MINIMAL).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(format::to_json(&roadmap), MINIMAL);
}

#[test]
fn the_sample_roadmaps_are_canonical() {
    for name in [
        "ger-2020-plan.json",
        "ger-2024-edition.json",
        "ger-2026-status.json",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("roadmaps")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{name}: {err}"));
        let roadmap = format::read_file(&path).unwrap_or_else(|err| panic!("{err}"));
        assert!(
            format::to_json(&roadmap) == text,
            "{name} is not in canonical form"
        );
    }
}

#[test]
fn changing_one_field_changes_one_line() {
    let mut roadmap = read(MINIMAL).unwrap_or_else(|err| panic!("{err}"));
    roadmap.missions[0].start = ger_planner::model::date::parse("2026-11-02").unwrap_or_default();
    let written = format::to_json(&roadmap);
    let changed: Vec<_> = MINIMAL
        .lines()
        .zip(written.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        vec![(
            "      \"start\": \"2026-10-31\",",
            "      \"start\": \"2026-11-02\","
        )]
    );
    assert_eq!(MINIMAL.lines().count(), written.lines().count());
}

#[test]
fn optional_fields_take_their_defaults() {
    let text = r#"{"format":"ger-roadmap","version":1,"title":"T","agencies":[{"id":"A","name":"A"}],
        "destinations":[{"id":"d","name":"D"}],"resources":[{"id":"r","name":"R"}],
        "missions":[{"id":"m","name":"M","destination":"d","kind":"human","status":"planned",
        "start":"2027-01-01","end":"2027-01-01","lead":"A","depends_on":[{"mission":"x"}]}]}"#;
    let roadmap = read(text).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(roadmap.resources[0].capacity, 1, "capacity defaults to 1");
    assert_eq!(roadmap.resources[0].min_gap_days, 0);
    assert_eq!(
        roadmap.missions[0].depends_on[0].lag_days, 0,
        "lag_days defaults to 0"
    );
    assert_eq!(
        roadmap.agencies[0].max_concurrent, None,
        "no limit unless given"
    );
    assert!(roadmap.missions[0].is_milestone());
}

#[test]
fn malformed_json_is_reported_at_its_line_and_column() {
    let broken = MINIMAL.replacen("\"title\": \"Minimal\",", "\"title\": \"Minimal\"", 1);
    assert_eq!(error_of(&broken), "test.json:5:3: expected `,` or `}`");
}

#[test]
fn an_unknown_field_is_named_with_the_fields_expected() {
    let message = error_of(&minimal_with(
        "\"color\": \"#003399\"",
        "\"colour\": \"#003399\"",
    ));
    assert!(
        message.starts_with("test.json:9:14: unknown field `colour`, expected one of"),
        "{message}"
    );
    assert!(message.contains("`color`"), "{message}");
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let message = error_of(&minimal_with("\"capacity\": 2", "\"capacity\": \"two\""));
    assert!(message.starts_with("test.json:29:23:"), "{message}");
    assert!(message.contains("expected i64"), "{message}");
    let message = error_of(&minimal_with(
        "\"kind\": \"robotic\"",
        "\"kind\": \"crewed\"",
    ));
    assert!(
        message.contains("unknown variant `crewed`, expected `human` or `robotic`"),
        "{message}"
    );
}

#[test]
fn impossible_and_loose_dates_are_refused_where_they_stand() {
    let message = error_of(&minimal_with("\"2031-07-31\"", "\"2030-02-30\""));
    assert!(message.starts_with("test.json:41:25:"), "{message}");
    assert!(
        message.contains("\"2030-02-30\" is not a day of the calendar"),
        "{message}"
    );
    let message = error_of(&minimal_with("\"2031-07-31\"", "\"31/07/2031\""));
    assert!(
        message.contains("expected a date as \"YYYY-MM-DD\""),
        "{message}"
    );
}

#[test]
fn a_newer_version_is_refused_with_a_message_that_says_so() {
    let newer = minimal_with("\"version\": 1", "\"version\": 4").replacen(
        "\"title\"",
        "\"a_field_of_version_4\": true,\n  \"title\"",
        1,
    );
    let message = error_of(&newer);
    assert!(message.starts_with("test.json:3:14:"), "{message}");
    assert!(
        message.contains("format version 4, newer than this program reads"),
        "{message}"
    );
    assert!(
        error_of(&minimal_with("\"version\": 1", "\"version\": 0"))
            .contains("expected a format version")
    );
}

#[test]
fn another_format_is_refused() {
    let message = error_of(&minimal_with(
        "\"format\": \"ger-roadmap\"",
        "\"format\": \"gantt\"",
    ));
    assert!(
        message.starts_with("test.json:2:19: this is not a GER roadmap"),
        "{message}"
    );
    assert_eq!(
        error_of("\n  [1, 2, 3]"),
        "test.json:2:3: expected a roadmap object starting with `{`, found `[`"
    );
    assert!(error_of(r#"{"title": "no header"}"#).contains("missing field `format`"));
}

#[test]
fn colours_must_be_hex_triplets() {
    let message = error_of(&minimal_with("\"#003399\"", "\"blue\""));
    assert!(message.starts_with("test.json:9:21:"), "{message}");
    assert!(
        message.contains("expected a colour as \"#RRGGBB\", found \"blue\""),
        "{message}"
    );
}

#[test]
fn capacities_must_be_positive() {
    for (from, to) in [
        ("\"capacity\": 2", "\"capacity\": 0"),
        ("\"max_concurrent\": 6", "\"max_concurrent\": -1"),
    ] {
        let message = error_of(&minimal_with(from, to));
        assert!(
            message.contains("expected a whole number of at least 1"),
            "{message}"
        );
    }
}

#[test]
fn ids_must_not_be_empty() {
    assert!(
        error_of(&minimal_with("\"id\": \"mmx\"", "\"id\": \"\""))
            .contains("expected a non-empty id")
    );
}

#[test]
fn deeply_nested_input_is_refused_without_crashing() {
    let deep = "[".repeat(100_000);
    let closed = format!("{deep}{}", "]".repeat(100_000));
    let header = r#"{"format":"ger-roadmap","version":1,"title":"t","#;
    for (what, text) in [
        ("open arrays", deep.clone()),
        (
            "closed arrays in an ignored field",
            format!(r#"{header}"agencies":{closed}}}"#),
        ),
        (
            "open arrays in a field",
            format!(r#"{header}"agencies":{deep}"#),
        ),
        (
            "nested objects",
            format!(r#"{header}"missions":{}"#, r#"{"a":"#.repeat(100_000)),
        ),
    ] {
        match read(&text) {
            Ok(_) => panic!("{what}: read as a roadmap"),
            Err(err) => assert!(err.position.is_some(), "{what}: {err} has a position"),
        }
    }
}

#[test]
fn empty_and_truncated_files_say_the_file_ends_too_early() {
    assert!(error_of("").contains("the file ends too early"));
    assert!(error_of(&MINIMAL[..MINIMAL.len() / 2]).contains("the file ends too early"));
}

#[test]
fn a_file_that_is_not_utf8_is_reported_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("latin1.json");
    let mut bytes = b"{\n  \"title\": \"caf".to_vec();
    bytes.extend([0xE9, b'"', b'}']);
    std::fs::write(&path, bytes).unwrap_or_else(|err| panic!("{err}"));
    let message = format::read_file(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.ends_with("latin1.json:2:16: expected UTF-8 text, found a byte that is not UTF-8"),
        "{message}"
    );
}

#[test]
fn a_missing_file_names_the_file() {
    let message = format::read_file(Path::new("no/such/roadmap.json"))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.starts_with("no/such/roadmap.json: cannot read the file:"),
        "{message}"
    );
}

#[test]
fn saving_replaces_the_file_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join("roadmap.json");
    std::fs::write(&path, "old contents").unwrap_or_else(|err| panic!("{err}"));
    let roadmap = read(MINIMAL).unwrap_or_else(|err| panic!("{err}"));
    format::write_file(&path, &roadmap).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), MINIMAL);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("roadmap.json")]);
}

#[test]
fn saving_into_a_missing_folder_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let roadmap = read(MINIMAL).unwrap_or_else(|err| panic!("{err}"));
    assert!(format::write_file(&dir.path().join("missing/roadmap.json"), &roadmap).is_err());
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(99),
        0
    );
}

/// MINIMAL as version 2: MMX fixed, and its launch-window conflict accepted.
fn minimal_version_2() -> String {
    minimal_with("\"version\": 1", "\"version\": 2")
        .replacen(
            "\"end\": \"2031-07-31\",\n",
            "\"end\": \"2031-07-31\",\n      \"fixed\": true,\n",
            1,
        )
        .replacen(
            "  ]\n}\n",
            "  ],\n  \"accepted\": [\n    {\n      \"kind\": \"launch-window\",\n      \
             \"missions\": [\n        \"mmx\"\n      ],\n      \"reason\": \"on purpose\"\n    \
             }\n  ]\n}\n",
            1,
        )
}

#[test]
fn version_2_holds_fixed_missions_and_accepted_conflicts_and_is_written_back_byte_for_byte() {
    let text = minimal_version_2();
    let roadmap = read(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert!(roadmap.missions[0].fixed);
    assert_eq!(roadmap.accepted.len(), 1);
    assert_eq!(roadmap.accepted[0].reason, "on purpose");
    assert_eq!(format::to_json(&roadmap), text);
}

#[test]
fn a_roadmap_that_uses_nothing_of_version_2_is_written_as_version_1() {
    let mut roadmap = read(&minimal_version_2()).unwrap_or_else(|err| panic!("{err}"));
    roadmap.missions[0].fixed = false;
    roadmap.accepted.clear();
    assert_eq!(format::version_needed(&roadmap), 1);
    assert_eq!(format::to_json(&roadmap), MINIMAL);
    roadmap.missions[0].fixed = true;
    assert_eq!(format::version_needed(&roadmap), 2);
    assert!(format::to_json(&roadmap).contains("\"version\": 2,"));
}

#[test]
fn a_version_1_file_with_fields_of_version_2_is_refused_saying_which_version_holds_them() {
    let fixed = minimal_version_2().replacen("\"version\": 2", "\"version\": 1", 1);
    let message = error_of(&fixed);
    assert!(
        message.starts_with(&format!("test.json:{}:", line_of(&fixed, "\"fixed\""))),
        "refused at the field: {message}"
    );
    assert!(
        message.contains("a `fixed` mission needs format version 2"),
        "{message}"
    );
    assert!(message.contains("set \"version\": 2"), "{message}");
    let accepted_only = fixed.replacen("      \"fixed\": true,\n", "", 1);
    let message = error_of(&accepted_only);
    assert!(message.starts_with("test.json:"), "{message}");
    assert!(
        message.contains("`accepted` conflicts need format version 2"),
        "{message}"
    );
}

#[test]
fn an_accepted_conflict_of_an_unknown_kind_is_refused_at_its_line() {
    let text = minimal_version_2().replacen("\"launch-window\"", "\"launch-windw\"", 1);
    let message = error_of(&text);
    assert!(
        message.contains("unknown variant `launch-windw`"),
        "{message}"
    );
    let line = text
        .lines()
        .position(|l| l.contains("launch-windw"))
        .map(|l| l + 1);
    assert!(
        message.starts_with(&format!("test.json:{}:", line.unwrap_or(0))),
        "{message}"
    );
}

/// The line (from 1) of the first line of `text` that holds `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |l| l + 1)
}

/// MINIMAL as version 3: MMX flown with an outcome, and a second mission paused.
fn minimal_version_3() -> String {
    let mmx = minimal_with("\"version\": 1", "\"version\": 3").replacen(
        "\"status\": \"confirmed\",\n",
        "\"status\": \"flown\",\n      \"outcome\": \"partial\",\n",
        1,
    );
    assert!(
        mmx.contains("\"outcome\""),
        "MINIMAL has a confirmed mission"
    );
    mmx
}

#[test]
fn version_3_holds_outcomes_and_paused_missions_and_is_written_back_byte_for_byte() {
    let text = minimal_version_3();
    let roadmap = read(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert_eq!(roadmap.missions[0].outcome, Some(Outcome::Partial));
    assert_eq!(format::version_needed(&roadmap), 3);
    assert_eq!(format::to_json(&roadmap), text);
    let paused = text.replacen(
        "\"status\": \"flown\",\n      \"outcome\": \"partial\",\n",
        "\"status\": \"paused\",\n",
        1,
    );
    let roadmap = read(&paused).unwrap_or_else(|err| panic!("{err}\n{paused}"));
    assert_eq!(roadmap.missions[0].status, MissionStatus::Paused);
    assert_eq!(format::to_json(&roadmap), paused);
    let mut without = roadmap;
    without.missions[0].status = MissionStatus::Confirmed;
    assert_eq!(
        format::to_json(&without),
        MINIMAL,
        "back to version 1, byte for byte"
    );
}

#[test]
fn a_version_2_file_with_an_outcome_or_a_paused_mission_is_refused_at_its_line() {
    let outcome = minimal_version_3().replacen("\"version\": 3", "\"version\": 2", 1);
    let message = error_of(&outcome);
    assert!(
        message.starts_with(&format!("test.json:{}:", line_of(&outcome, "\"outcome\""))),
        "{message}"
    );
    assert!(
        message.contains("a mission's `outcome` needs format version 3: set \"version\": 3"),
        "{message}"
    );
    let paused = minimal_with("\"version\": 1", "\"version\": 2").replacen(
        "\"status\": \"confirmed\"",
        "\"status\": \"paused\"",
        1,
    );
    let message = error_of(&paused);
    assert!(
        message.starts_with(&format!("test.json:{}:", line_of(&paused, "\"paused\""))),
        "{message}"
    );
    assert!(
        message.contains("the status \"paused\" needs format version 3"),
        "{message}"
    );
    let unknown = minimal_version_3().replacen("\"partial\"", "\"partly\"", 1);
    assert!(
        error_of(&unknown)
            .contains("unknown variant `partly`, expected one of `success`, `partial`, `failed`"),
        "{}",
        error_of(&unknown)
    );
}

#[test]
fn an_accepted_conflict_without_a_reason_is_refused_at_its_line() {
    let text = minimal_version_2();
    let blank = text.replacen("\"on purpose\"", "\"  \"", 1);
    let message = error_of(&blank);
    assert!(
        message.starts_with(&format!("test.json:{}:", line_of(&blank, "\"reason\""))),
        "{message}"
    );
    assert!(
        message.contains("an accepted conflict needs its reason"),
        "{message}"
    );
    let missing = text.replacen(",\n      \"reason\": \"on purpose\"", "", 1);
    assert_ne!(missing, text);
    let message = error_of(&missing);
    assert!(message.starts_with("test.json:"), "{message}");
    assert!(message.contains("missing field `reason`"), "{message}");
}

/// MINIMAL as version 2 with a start estimate on MMX.
fn minimal_with_estimate(likely: &str, pessimistic: &str) -> String {
    minimal_with("\"version\": 1", "\"version\": 2").replacen(
        "\"end\": \"2031-07-31\",\n",
        &format!(
            "\"end\": \"2031-07-31\",\n      \"start_estimate\": {{\n        \"likely\": \
             \"{likely}\",\n        \"pessimistic\": \"{pessimistic}\"\n      }},\n"
        ),
        1,
    )
}

#[test]
fn a_start_estimate_is_version_2_and_is_written_back_byte_for_byte() {
    let text = minimal_with_estimate("2027-01-01", "2029-01-01");
    let roadmap = read(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    let estimate = roadmap.missions[0].start_estimate;
    assert_eq!(
        estimate.map(|e| (e.likely.to_string(), e.pessimistic.to_string())),
        Some(("2027-01-01".to_owned(), "2029-01-01".to_owned()))
    );
    assert_eq!(format::to_json(&roadmap), text);
    assert_eq!(format::version_needed(&roadmap), 2);
    let mut without = roadmap;
    without.missions[0].start_estimate = None;
    assert_eq!(
        format::to_json(&without),
        MINIMAL,
        "back to version 1, byte for byte"
    );
    let as_version_1 = text.replacen("\"version\": 2", "\"version\": 1", 1);
    let message = error_of(&as_version_1);
    assert!(
        message.contains("a `start_estimate` needs format version 2: set \"version\": 2"),
        "{message}"
    );
}

#[test]
fn a_pessimistic_start_before_the_likely_one_is_refused_at_its_line() {
    let text = minimal_with_estimate("2029-01-01", "2027-01-01");
    let message = error_of(&text);
    assert!(
        message.contains("the pessimistic start 2027-01-01 is before the likely start 2029-01-01"),
        "{message}"
    );
    let line = text
        .lines()
        .position(|l| l.contains("\"pessimistic\""))
        .map_or(0, |l| l + 2);
    assert!(
        message.starts_with(&format!("test.json:{line}:")),
        "{message}"
    );
    let typo = minimal_with_estimate("2027-01-01", "2029-01-01").replacen("likely", "likley", 1);
    assert!(error_of(&typo).contains("unknown field `likley`"));
}
