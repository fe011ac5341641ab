//! The headless commands as a working group's CI runs them (`check`, `diff`, `export`): the real binary,
//! its output and its exit status (DESIGN §4).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ger_planner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ger-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|err| panic!("cannot run ger-planner: {err}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap_or_else(|err| panic!("{err}"));
    (dir, path)
}

fn path_arg(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("temporary path is not UTF-8"))
}

const SAMPLE: &str = "roadmaps/ger-2026-status.json";

/// The day `check` takes as today in these tests, so that they do not depend on the clock:
/// after Artemis II flew, before the other missions of the test roadmaps start.
const TODAY: &str = "2026-05-01";

/// `ger-planner export SAMPLE -o out` with more options.
fn export_sample(out: &Path, options: &[&str]) -> Output {
    let mut args = vec!["export", SAMPLE, "-o", path_arg(out)];
    args.extend_from_slice(options);
    ger_planner(&args)
}

/// Asserts that `dir` holds no file: no partial export, no temporary file.
fn assert_nothing_written(dir: &Path) {
    let count = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(99);
    assert_eq!(count, 0, "no partial or temporary file is left");
}

/// A valid roadmap whose one mission leads to the given conflicts when `start` is moved.
fn roadmap_with_mission_starting(start: &str) -> String {
    format!(
        r#"{{"format":"ger-roadmap","version":1,"title":"T",
        "agencies":[{{"id":"NASA","name":"NASA"}}],
        "destinations":[{{"id":"moon","name":"Moon"}}],
        "missions":[
          {{"id":"artemis-2","name":"Artemis II","destination":"moon","kind":"human","status":"flown",
            "start":"2026-04-01","end":"2026-04-11","lead":"NASA"}},
          {{"id":"artemis-3","name":"Artemis III","destination":"moon","kind":"human","status":"planned",
            "start":"{start}","end":"2027-12-01","lead":"NASA","depends_on":[{{"mission":"artemis-2","lag_days":180}}]}}
        ]}}"#
    )
}

#[test]
fn check_lists_paused_missions_on_their_own_and_they_change_no_exit_status() {
    let paused = roadmap_with_mission_starting("2026-06-01")
        .replacen("\"version\":1", "\"version\":3", 1)
        .replacen("\"status\":\"planned\"", "\"status\":\"paused\"", 1);
    let (_dir, path) = temp_file("paused.json", &paused);
    let output = ger_planner(&["check", path_arg(&path), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Paused (1 mission, in no conflict while paused):\n  artemis-3  Artemis III (2026-06-01 – 2027-12-01)"),
        "{stdout}"
    );
    let json = ger_planner(&["check", path_arg(&path), "--json", "--today", TODAY]);
    let report: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|err| panic!("not JSON: {err}"));
    assert_eq!(report["paused"], serde_json::json!(["artemis-3"]));
    assert_eq!(report["conflicts"], serde_json::json!([]));
}

#[test]
fn a_roadmap_without_conflicts_exits_0() {
    let (_dir, path) = temp_file("ok.json", &roadmap_with_mission_starting("2027-06-01"));
    let output = ger_planner(&["check", path_arg(&path), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("no conflicts among 2 missions"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn conflicts_are_listed_in_plain_language_and_exit_1() {
    let (_dir, path) = temp_file("late.json", &roadmap_with_mission_starting("2026-06-01"));
    let output = ger_planner(&["check", path_arg(&path), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("1 error and 0 warnings among 2 missions"),
        "{stdout}"
    );
    assert!(
        stdout.contains("dependency  Artemis III starts 2026-06-01, 129 days before Artemis II ends + 180 days lag"),
        "{stdout}"
    );
}

#[test]
fn json_output_has_every_field_with_null_where_absent() {
    let (_dir, path) = temp_file("late.json", &roadmap_with_mission_starting("2026-06-01"));
    let output = ger_planner(&["check", path_arg(&path), "--json", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("not JSON: {err}"));
    let expected = serde_json::json!({"conflicts": [{
        "kind": "dependency",
        "severity": "error",
        "missions": ["artemis-2", "artemis-3"],
        "agency": null,
        "resource": null,
        "start": null,
        "end": null,
        "message": "Artemis III starts 2026-06-01, 129 days before Artemis II ends + 180 days lag (earliest start 2026-10-08)"
    }], "paused": []});
    assert_eq!(report, expected);
}

#[test]
fn dates_that_today_has_overtaken_are_warnings_on_the_day_given() {
    let (_dir, path) = temp_file("late.json", &roadmap_with_mission_starting("2026-06-01"));
    let on = |today: &str| ger_planner(&["check", path_arg(&path), "--json", "--today", today]);
    let kinds = |output: &Output| {
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("not JSON: {err}"));
        report["conflicts"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|c| format!("{} {}", c["kind"].as_str().unwrap_or(""), c["missions"]))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let later = on("2026-12-01");
    assert_eq!(
        kinds(&later),
        [
            "date-overtaken [\"artemis-3\"]",
            "dependency [\"artemis-2\",\"artemis-3\"]"
        ],
        "Artemis III, planned for June, has not flown by December"
    );
    assert!(
        text(&later.stdout).contains(
            "Artemis III (planned) starts 2026-06-01, before today (2026-12-01): mark it flown if it launched, else give its new date"
        ),
        "{}",
        text(&later.stdout)
    );
    let earlier = on("2026-03-01");
    assert!(
        kinds(&earlier).contains(&"date-overtaken [\"artemis-2\"]".to_owned()),
        "Artemis II, marked flown, cannot have flown on 1 March: {:?}",
        kinds(&earlier)
    );
    let bad = ger_planner(&["check", path_arg(&path), "--today", "2026-02-30"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "a day that does not exist is refused"
    );
}

#[test]
fn an_invalid_file_exits_2_naming_file_line_and_column() {
    let broken = roadmap_with_mission_starting("2027-02-30");
    let (_dir, path) = temp_file("broken.json", &broken);
    for json in [false, true] {
        let mut args = vec!["check", path_arg(&path), "--today", TODAY];
        if json {
            args.push("--json");
        }
        let output = ger_planner(&args);
        assert_eq!(output.status.code(), Some(2));
        let stderr = text(&output.stderr);
        let expected = format!(
            "error: {}:8:32: \"2027-02-30\" is not a day of the calendar (expected a real date as \"YYYY-MM-DD\")\n",
            path.display()
        );
        assert_eq!(stderr, expected);
        assert!(output.stdout.is_empty(), "nothing on stdout for a bad file");
    }
}

#[test]
fn a_missing_file_exits_2() {
    let output = ger_planner(&["check", "no-such-roadmap.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("error: no-such-roadmap.json: cannot read the file"));
}

#[test]
fn hostile_files_exit_2_and_never_panic() {
    let hostile = [
        String::new(),
        "\u{0}\u{1}\u{2}".to_owned(),
        "{".repeat(1_000_000),
        format!("{{\"format\":\"ger-roadmap\",\"version\":{}}}", "9".repeat(400)),
        r#"{"format":"ger-roadmap","version":1,"title":"T","agencies":[],"destinations":[],"missions":[{"id":"m","name":"M","destination":"d","kind":"human","status":"planned","start":"9999-12-31","end":"0000-01-01","lead":"x","depends_on":[{"mission":"m","lag_days":2147483647}]}]}"#.to_owned(),
    ];
    for (i, contents) in hostile.iter().enumerate() {
        let (_dir, path) = temp_file("hostile.json", contents);
        let output = ger_planner(&["check", path_arg(&path), "--today", TODAY]);
        let stderr = text(&output.stderr);
        assert!(!stderr.contains("panicked"), "case {i} panicked: {stderr}");
        assert!(
            matches!(output.status.code(), Some(1 | 2)),
            "case {i}: {:?} {stderr}",
            output.status
        );
    }
}

#[test]
fn the_2026_status_roadmap_on_1_december_2026_lists_only_its_explained_warnings() {
    let output = ger_planner(&["check", SAMPLE, "--json", "--today", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("not JSON: {err}"));
    let kinds: Vec<(&str, &str)> = report["conflicts"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|c| {
                    (
                        c["kind"].as_str().unwrap_or(""),
                        c["missions"][0].as_str().unwrap_or(""),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        kinds,
        [
            ("date-overtaken", "change-7"),
            ("date-overtaken", "griffin-1"),
            ("date-overtaken", "im-3"),
            ("date-overtaken", "mmx"),
            ("date-overtaken", "moon-base-3"),
            ("date-overtaken", "moon-base-phase-1"),
            ("resource-gap", "artemis-4"),
        ],
        "each is explained in its mission's notes; ESCAPADE's launch outside the window is \
         accepted"
    );
}

#[test]
fn diff_of_a_roadmap_with_itself_exits_0() {
    let out = ger_planner(&["diff", SAMPLE, SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("no differences"));
}

#[test]
fn diff_of_two_editions_lists_the_changes_and_a_summary_and_exits_1() {
    let out = ger_planner(&["diff", "roadmaps/ger-2020-plan.json", SAMPLE]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "Artemis III — crewed docking test in Earth orbit moved from 2024-10-01 – 2024-10-30 to \
             2027-06-01 – 2027-06-14 (starts 973 days later, about 32 months)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Gateway PPE + HALO: planned → paused"));
    assert!(
        stdout.contains("Luna-25 (Luna-Glob lander): outcome recorded as failed"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Artemis III — crewed docking test in Earth orbit: goes to leo instead of lunar-surface"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "43 missions moved, median slip 29 months, 3 cancelled, 4 paused, 29 added, 0 removed\n"
        ),
        "{stdout}"
    );
}

#[test]
fn diff_json_gives_each_difference_and_the_summary_as_data() {
    let out = ger_planner(&["diff", "roadmaps/ger-2020-plan.json", SAMPLE, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|err| panic!("{err}"));
    let artemis_3 = json["differences"]
        .as_array()
        .and_then(|d| {
            d.iter()
                .find(|d| d["mission"] == "artemis-3" && d["change"] == "moved")
        })
        .unwrap_or_else(|| panic!("no move of Artemis III in {json}"));
    assert_eq!(artemis_3["start_days"], 973);
    assert_eq!(artemis_3["new_start"], "2027-06-01");
    assert_eq!(json["summary"]["median_slip_months"], 29);
    assert_eq!(json["summary"]["cancelled"], 3);
    assert_eq!(json["summary"]["paused"], 4);
}

#[test]
fn diff_with_a_broken_file_exits_2_naming_where() {
    let (_dir, path) = temp_file(
        "broken.json",
        "{\n  \"format\": \"ger-roadmap\",\n  oops\n}\n",
    );
    let out = ger_planner(&["diff", SAMPLE, path_arg(&path)]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.json:3:3"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn export_writes_the_mission_table_as_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let out = dir.path().join("table.csv");
    let run = export_sample(&out, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let table = std::fs::read_to_string(&out).unwrap_or_else(|err| panic!("{err}"));
    let read = ger_planner::format::read_missions_csv(&table);
    assert_eq!(read.problems, []);
    assert_eq!(read.missions.len(), 79);
    assert!(table.contains("mmx,MMX (Martian Moons eXploration),mars,robotic,planned,,"));
    assert!(
        table.contains("luna-25,Luna-25 (Luna-Glob lander),lunar-surface,robotic,flown,failed,")
    );
}

#[test]
fn export_refuses_an_unknown_extension_or_an_unwritable_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let odd = dir.path().join("table.xlsx");
    let run = export_sample(&odd, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("cannot tell the format from the extension"));
    assert!(!odd.exists());
    let nowhere = dir.path().join("missing-folder").join("table.csv");
    let run = export_sample(&nowhere, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("cannot write"),
        "{}",
        text(&run.stderr)
    );
    assert_nothing_written(dir.path());
}

#[test]
fn export_writes_svg_png_and_pdf_snapshots_of_the_years_and_lanes_asked_for() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    for name in ["ger.svg", "ger.png", "ger.pdf"] {
        let out = dir.path().join(name);
        let run = export_sample(
            &out,
            &["--from", "2020", "--to", "2040", "--group-by", "agency"],
        );
        assert_eq!(run.status.code(), Some(0), "{name}: {}", text(&run.stderr));
        assert!(
            text(&run.stdout).contains("snapshot of"),
            "{}",
            text(&run.stdout)
        );
    }
    let svg = std::fs::read_to_string(dir.path().join("ger.svg")).unwrap_or_default();
    assert!(
        svg.contains("Jan 2020 to Dec 2040 · by agency"),
        "the subtitle says what is shown"
    );
    assert!(svg.contains(">ESA — European Space"), "agency lanes");
    let png = std::fs::read(dir.path().join("ger.png")).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG"));
    let pdf = std::fs::read(dir.path().join("ger.pdf")).unwrap_or_default();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn export_refuses_a_backwards_range_a_bad_width_or_an_unknown_view_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let out = dir.path().join("ger.png");
    let cases: [(&[&str], &str); 3] = [
        (&["--from", "2040", "--to", "2030"], "ends before it starts"),
        (&["--width", "20"], "480 to 16000 pixels wide, not 20"),
        (&["--view", "nowhere"], "no view \"nowhere\""),
    ];
    for (options, message) in cases {
        let run = export_sample(&out, options);
        assert_eq!(run.status.code(), Some(2), "{options:?}");
        assert!(text(&run.stderr).contains(message), "{}", text(&run.stderr));
    }
    let (_bad_dir, bad) = temp_file(
        "bad.json",
        "{\"format\": \"ger-roadmap\",\n  \"version\": 1,\n  oops}",
    );
    let run = ger_planner(&["export", path_arg(&bad), "-o", path_arg(&out)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("bad.json:3:3"),
        "{}",
        text(&run.stderr)
    );
    assert_nothing_written(dir.path());
}

#[test]
fn export_starts_from_a_saved_view() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let out = dir.path().join("esa.svg");
    let run = export_sample(&out, &["--view", "esa"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let svg = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        svg.contains(">ESA contributions<"),
        "the view's name is the title"
    );
    assert!(
        svg.contains("agencies ESA"),
        "its filter is in the subtitle"
    );
    assert!(
        !svg.contains("<title>Tianwen-2"),
        "missions without ESA are not shown"
    );
}

#[test]
fn schedule_prints_each_move_with_its_reasons_as_json_and_writes_the_rescheduled_roadmap() {
    let (dir, path) = temp_file("plan.json", &roadmap_with_mission_starting("2026-06-01"));
    let output = ger_planner(&["schedule", path_arg(&path), "--json", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("not JSON: {err}"));
    assert_eq!(
        report,
        serde_json::json!({
            "moves": [{
                "mission": "artemis-3",
                "from_start": "2026-06-01",
                "to_start": "2026-10-08",
                "from_end": "2027-12-01",
                "to_end": "2028-04-08",
                "reasons": ["Artemis II ends 2026-04-11 and Artemis III waits 180 days after it"],
            }],
            "unfixable": [],
        })
    );
    let out = dir.path().join("scheduled.json");
    let written = ger_planner(&[
        "schedule",
        path_arg(&path),
        "-o",
        path_arg(&out),
        "--today",
        TODAY,
    ]);
    assert_eq!(written.status.code(), Some(0));
    assert!(text(&written.stdout).contains("Artemis III: 2026-06-01 → 2026-10-08, because"));
    let check = ger_planner(&["check", path_arg(&out), "--today", TODAY]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let again = ger_planner(&["schedule", path_arg(&out), "--today", TODAY]);
    assert!(text(&again.stdout).contains("nothing to move"));
}

#[test]
fn schedule_of_an_unreadable_file_exits_2_and_names_the_place() {
    let (dir, path) = temp_file(
        "plan.json",
        "{\"format\": \"ger-roadmap\",\n  \"version\": 1,",
    );
    let out = dir.path().join("out.json");
    let output = ger_planner(&["schedule", path_arg(&path), "-o", path_arg(&out)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("plan.json:2:"),
        "{}",
        text(&output.stderr)
    );
    assert!(!out.exists(), "nothing is written");
}

/// `export … -o deck.pptx`, then `import deck.pptx -o out.json --json`: the roadmap comes back
/// as it was, with nothing moved; a file that is not a GER Planner deck exits with 2, says
/// why, and leaves OUT alone.
#[test]
fn a_deck_exported_and_imported_gives_the_roadmap_back_and_a_foreign_file_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let deck = dir.path().join("ger.pptx");
    let exported = export_sample(&deck, &["--today", TODAY]);
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        text(&exported.stderr)
    );
    let out = dir.path().join("back.json");
    let imported = ger_planner(&["import", path_arg(&deck), "-o", path_arg(&out), "--json"]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&imported.stdout).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        report,
        serde_json::json!({"changes": [], "missing": [], "added_shapes": 0})
    );
    let back = std::fs::read_to_string(&out).unwrap_or_else(|err| panic!("{err}"));
    let sample = std::fs::read_to_string(SAMPLE).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(back, sample, "byte for byte");

    let (_foreign_dir, foreign) = temp_file("notes.pptx", "not a deck at all");
    let untouched = dir.path().join("untouched.json");
    let refused = ger_planner(&["import", path_arg(&foreign), "-o", path_arg(&untouched)]);
    assert_eq!(refused.status.code(), Some(2));
    let said = text(&refused.stderr);
    assert!(
        said.contains("notes.pptx") && said.contains("not a PowerPoint deck"),
        "{said}"
    );
    assert!(!untouched.exists(), "OUT left alone");

    let png = dir.path().join("views.png");
    let wrong = export_sample(&png, &["--views"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        text(&wrong.stderr).contains("--views"),
        "{}",
        text(&wrong.stderr)
    );
    let deck = dir.path().join("views.pptx");
    let views = export_sample(&deck, &["--views", "--today", TODAY]);
    assert!(
        text(&views.stdout).contains("deck of 4 slides"),
        "{}",
        text(&views.stdout)
    );
}

/// `export … -o page.html` (or `.htm`) writes the interactive page of a saved view: its
/// missions, its title, and says so.
#[test]
fn export_writes_an_interactive_page_by_its_extension() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    for name in ["ger.html", "GER.HTM"] {
        let page = dir.path().join(name);
        let done = export_sample(&page, &["--today", TODAY, "--group-by", "agency"]);
        assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
        let said = text(&done.stdout);
        assert!(
            said.contains("interactive page of") && said.contains("missions shown written"),
            "{said}"
        );
        let written = std::fs::read_to_string(&page).unwrap_or_else(|err| panic!("{err}"));
        assert!(written.starts_with("<!DOCTYPE html>"));
        assert!(written.contains("data-mission=\"artemis-4\""));
    }
    let roadmap =
        ger_planner::format::read_file(Path::new(SAMPLE)).unwrap_or_else(|err| panic!("{err}"));
    let Some(view) = roadmap.views.first() else {
        panic!("the sample has saved views");
    };
    let page = dir.path().join("view.html");
    let done = export_sample(&page, &["--today", TODAY, "--view", view.id.as_str()]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    let written = std::fs::read_to_string(&page).unwrap_or_else(|err| panic!("{err}"));
    assert!(
        written.contains(&format!("<h1>{}</h1>", view.name)),
        "titled with the view's name"
    );
}
