//! The sample roadmaps in `roadmaps/` are real GER data and complete: every ISECG agency of their
//! year with a distinct colour, the five destinations, at least 45 missions sourced from public
//! documents, and references that resolve. The 2026 status is the roadmap compiled into the
//! program, and it says what a delegate knows on 1 December 2026.

use std::collections::HashSet;
use std::path::Path;

use ger_planner::analysis::{ConflictKind, find_conflicts, find_conflicts_on};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::format;
use ger_planner::model::{MissionStatus, Outcome, Roadmap, date};

const ISECG_MEMBERS: [&str; 27] = [
    "AEB",
    "AEM",
    "ASA",
    "ASI",
    "CNES",
    "CNSA",
    "CSA",
    "CSIRO",
    "DLR",
    "ESA",
    "GISTDA",
    "ISRO",
    "JAXA",
    "KARI",
    "LSA",
    "NASA",
    "NOSA",
    "NSAU",
    "NZSA",
    "POLSA",
    "PTSpace",
    "ROSA",
    "Roscosmos",
    "SSO",
    "UAESA",
    "UKSA",
    "VNSC",
];

fn sample(name: &str) -> Roadmap {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("roadmaps")
        .join(name);
    format::read_file(&path).unwrap_or_else(|err| panic!("{err}"))
}

/// ISECG members that joined after the GER 2020 supplement: not in the 2020 plan.
const JOINED_AFTER_2020: [&str; 3] = ["AEM", "NZSA", "PTSpace"];

/// The day the 2026 status is checked against.
const TODAY: &str = "2026-12-01";

fn samples() -> [(&'static str, Roadmap); 3] {
    [
        "ger-2020-plan.json",
        "ger-2024-edition.json",
        "ger-2026-status.json",
    ]
    .map(|name| (name, sample(name)))
}

/// The day each sample is read on: the end of 2020, the 2024 edition's publication, and the
/// 2026 status's date.
fn day_of(name: &str) -> chrono::NaiveDate {
    let text = if name.contains("2020") {
        "2020-12-31"
    } else if name.contains("2024") {
        "2024-08-20"
    } else {
        TODAY
    };
    date::parse(text).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn each_sample_lists_the_isecg_agencies_of_its_year_with_distinct_colours() {
    for (name, roadmap) in samples() {
        let ids: HashSet<&str> = roadmap.agencies.iter().map(|a| a.id.as_str()).collect();
        let members: HashSet<&str> = ISECG_MEMBERS
            .into_iter()
            .filter(|id| !name.contains("2020") || !JOINED_AFTER_2020.contains(id))
            .collect();
        assert_eq!(ids, members, "{name}");
        let colours: HashSet<_> = roadmap.agencies.iter().filter_map(|a| a.color).collect();
        assert_eq!(
            colours.len(),
            ids.len(),
            "{name}: every agency has its own colour"
        );
        assert!(
            roadmap
                .agencies
                .iter()
                .all(|a| !a.name.is_empty() && !a.country.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn each_sample_has_45_sourced_missions_in_five_swimlanes() {
    for (name, roadmap) in samples() {
        assert!(
            roadmap.missions.len() >= 45,
            "{name}: {} missions",
            roadmap.missions.len()
        );
        assert!(
            roadmap.missions.iter().all(|m| !m.source.is_empty()),
            "{name}: every mission has a source"
        );
        let lanes: Vec<&str> = roadmap.destinations.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            lanes,
            ["leo", "cislunar", "lunar-surface", "mars", "small-bodies"],
            "{name}"
        );
        let used: HashSet<&str> = roadmap
            .missions
            .iter()
            .map(|m| m.destination.as_str())
            .collect();
        assert_eq!(used.len(), 5, "{name}: every lane has missions");
        let phases = if name.contains("2024") { 3 } else { 4 };
        assert_eq!(
            roadmap.phases.len(),
            phases,
            "{name}: the lunar surface phases, or the 2024 edition's decades"
        );
        let mars = &roadmap.destinations[3];
        assert!(
            mars.launch_windows.len() >= 10,
            "{name}: Mars launch windows 2020–2040"
        );
    }
}

#[test]
fn samples_have_no_structural_errors() {
    for (name, roadmap) in samples() {
        let structural: Vec<_> = find_conflicts(&roadmap)
            .into_iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    ConflictKind::UnknownReference
                        | ConflictKind::DuplicateId
                        | ConflictKind::InvalidDates
                )
            })
            .collect();
        assert!(structural.is_empty(), "{name}: {structural:#?}");
    }
}

#[test]
fn the_2026_status_records_what_flew_and_what_was_cancelled() {
    let status = sample("ger-2026-status.json");
    let status_of = |id: &str| {
        status
            .missions
            .iter()
            .find(|m| m.id.as_str() == id)
            .map(|m| m.status)
    };
    assert_eq!(status_of("artemis-1"), Some(MissionStatus::Flown));
    assert_eq!(status_of("change-6"), Some(MissionStatus::Flown));
    assert_eq!(status_of("im-2"), Some(MissionStatus::Flown));
    assert_eq!(status_of("escapade"), Some(MissionStatus::Flown));
    assert_eq!(status_of("msr-srl"), Some(MissionStatus::Cancelled));
    assert_eq!(status_of("msr-ero"), Some(MissionStatus::Cancelled));
    assert_eq!(
        status_of("viper"),
        Some(MissionStatus::Planned),
        "revived in Sep 2025"
    );
    let plan = sample("ger-2020-plan.json");
    let slipped = |id: &str| {
        let start = |r: &Roadmap| {
            r.missions
                .iter()
                .find(|m| m.id.as_str() == id)
                .map(|m| m.start)
        };
        start(&status) > start(&plan)
    };
    assert!(
        ["artemis-3", "gateway-ppe-halo", "mmx", "luna-25"]
            .into_iter()
            .all(slipped)
    );
}

#[test]
fn the_bundled_roadmap_is_the_2026_status_file() {
    let bundled = bundled_roadmap().unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(bundled, sample("ger-2026-status.json"));
}

fn mission<'r>(roadmap: &'r Roadmap, id: &str) -> &'r ger_planner::model::Mission {
    roadmap
        .missions
        .iter()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id}"))
}

#[test]
fn artemis_iii_is_a_test_in_earth_orbit_and_artemis_iv_the_first_landing_attempt_in_2028() {
    let status = sample("ger-2026-status.json");
    let artemis_3 = mission(&status, "artemis-3");
    assert_eq!(
        artemis_3.destination.as_str(),
        "leo",
        "not a landing since the 2026 re-plan"
    );
    assert!(!artemis_3.name.contains("landing"), "{}", artemis_3.name);
    let artemis_4 = mission(&status, "artemis-4");
    assert_eq!(artemis_4.destination.as_str(), "lunar-surface");
    assert!(
        artemis_4.name.contains("first crewed landing"),
        "{}",
        artemis_4.name
    );
    assert_eq!(chrono::Datelike::year(&artemis_4.start), 2028);
    assert!(
        artemis_4
            .depends_on
            .iter()
            .any(|d| d.mission.as_str() == "artemis-3"),
        "Artemis IV waits for Artemis III"
    );
}

#[test]
fn nothing_that_flies_depends_on_or_books_the_paused_gateway() {
    let status = sample("ger-2026-status.json");
    let gateway = [
        "gateway-ppe-halo",
        "i-hab",
        "esprit",
        "canadarm3",
        "gateway-airlock",
    ];
    for id in gateway {
        let element = mission(&status, id);
        assert_eq!(
            element.status,
            MissionStatus::Paused,
            "{id} is paused, neither planned nor cancelled"
        );
        assert!(
            element.notes.contains("Paused 24 Mar 2026"),
            "{id}: {}",
            element.notes
        );
    }
    for m in status.missions.iter().filter(|m| !m.status.is_set_aside()) {
        for dependency in &m.depends_on {
            assert!(
                !gateway.contains(&dependency.mission.as_str()),
                "{} depends on the paused {}",
                m.id,
                dependency.mission
            );
        }
    }
    assert!(
        status
            .resources
            .iter()
            .all(|r| r.id.as_str() != "gateway-docking")
    );
    let freedom = mission(&status, "sr-1-freedom");
    assert_eq!(
        freedom.destination.as_str(),
        "mars",
        "the PPE goes to Mars instead"
    );
}

#[test]
fn no_planned_mission_starts_before_today_unless_its_notes_say_why() {
    for (name, roadmap) in samples() {
        let today = day_of(name);
        for m in &roadmap.missions {
            let open = matches!(
                m.status,
                MissionStatus::Concept | MissionStatus::Planned | MissionStatus::Confirmed
            );
            if open && m.start < today {
                assert!(
                    m.notes.contains("date-overtaken") && m.notes.contains('⚠'),
                    "{name}: {} starts {} without saying why it is not flown",
                    m.id,
                    m.start
                );
                assert_ne!(m.status, MissionStatus::Confirmed, "{name}: {}", m.id);
            }
            if m.status == MissionStatus::Flown {
                assert!(m.start <= today, "{name}: {} flown after its day", m.id);
            }
        }
    }
}

#[test]
fn every_warning_of_the_2026_status_is_explained_in_its_missions_notes() {
    let status = sample("ger-2026-status.json");
    let today = date::parse(TODAY).unwrap_or_else(|err| panic!("{err}"));
    for conflict in find_conflicts_on(&status, today) {
        assert_eq!(
            conflict.severity,
            ger_planner::analysis::Severity::Warning,
            "{}",
            conflict.message
        );
        let explained = conflict.missions.iter().any(|id| {
            let notes = &mission(&status, id.as_str()).notes;
            notes.contains(conflict.kind.name())
        });
        assert!(
            explained,
            "not explained in the notes: {}",
            conflict.message
        );
    }
}

#[test]
fn every_mission_names_public_sources_not_the_projects_notes() {
    for (name, roadmap) in samples() {
        for m in &roadmap.missions {
            assert!(
                !m.source.trim().is_empty(),
                "{name}: {} has no source",
                m.id
            );
            assert!(
                !m.source.contains("GER Planner"),
                "{name}: {} cites the project's own notes: {}",
                m.id,
                m.source
            );
        }
    }
}

#[test]
fn a_flown_mission_that_ended_in_the_past_has_its_outcome_or_says_why_not() {
    for (name, roadmap) in samples() {
        let today = day_of(name);
        for m in roadmap.missions.iter() {
            if m.status != MissionStatus::Flown || m.end >= today {
                continue;
            }
            assert!(
                m.outcome.is_some() || m.notes.contains('⚠'),
                "{name}: {} ended {} with no outcome recorded and no word on why",
                m.id,
                m.end
            );
            let still_operating = ["operating", "ongoing"].iter().any(|w| m.notes.contains(w));
            assert!(
                !still_operating || m.notes.contains('⚠'),
                "{name}: {} is said to operate but ended {} without a ⚠ on its end",
                m.id,
                m.end
            );
        }
        for m in roadmap.missions.iter().filter(|m| m.outcome.is_some()) {
            assert_eq!(
                m.status,
                MissionStatus::Flown,
                "{name}: {} has an outcome",
                m.id
            );
        }
    }
}

#[test]
fn the_missions_that_failed_or_partly_succeeded_say_so() {
    let status = sample("ger-2026-status.json");
    let outcome = |id: &str| mission(&status, id).outcome;
    for id in [
        "luna-25",
        "hakuto-r-rashid",
        "peregrine",
        "resilience",
        "lunar-trailblazer",
    ] {
        assert_eq!(outcome(id), Some(Outcome::Failed), "{id}");
    }
    for id in ["im-1", "im-2", "chandrayaan-2"] {
        assert_eq!(outcome(id), Some(Outcome::Partial), "{id}");
    }
    assert_eq!(outcome("change-6"), Some(Outcome::Success));
}

#[test]
fn every_source_names_a_dated_public_document() {
    let year = |text: &str| {
        text.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
    };
    for (name, roadmap) in samples() {
        for m in &roadmap.missions {
            assert!(
                year(&m.source),
                "{name}: {} cites no dated document: {}",
                m.id,
                m.source
            );
        }
    }
}

#[test]
fn each_sample_read_on_its_own_day_gives_only_warnings_its_notes_explain() {
    for (name, roadmap) in samples() {
        for conflict in find_conflicts_on(&roadmap, day_of(name)) {
            let accepted = roadmap.accepted.iter().any(|a| {
                a.kind == conflict.kind && conflict.missions.iter().all(|m| a.missions.contains(m))
            });
            if accepted {
                continue;
            }
            assert_eq!(
                conflict.severity,
                ger_planner::analysis::Severity::Warning,
                "{name}: {}",
                conflict.message
            );
            let explained = (conflict.missions.iter()).any(|id| {
                mission(&roadmap, id.as_str())
                    .notes
                    .contains(conflict.kind.name())
            });
            assert!(explained, "{name}: not explained: {}", conflict.message);
        }
    }
}

#[test]
fn the_2024_edition_stands_between_the_2020_plan_and_the_2026_status() {
    let (plan, edition, status) = (
        sample("ger-2020-plan.json"),
        sample("ger-2024-edition.json"),
        sample("ger-2026-status.json"),
    );
    let before = ger_planner::analysis::diff(&plan, &edition);
    let after = ger_planner::analysis::diff(&edition, &status);
    assert!(before.summary.moved > 20 && after.summary.moved > 20);
    let start = |r: &Roadmap, id: &str| mission(r, id).start;
    assert!(start(&plan, "artemis-3") < start(&edition, "artemis-3"));
    assert!(start(&edition, "artemis-3") < start(&status, "artemis-3"));
    assert_eq!(
        mission(&edition, "viper").status,
        MissionStatus::Cancelled,
        "Jul 2024"
    );
    assert_eq!(
        mission(&status, "viper").status,
        MissionStatus::Planned,
        "revived 2025"
    );
    let slips = ger_planner::analysis::calibrate(&edition, &status);
    assert!(
        slips.slips.len() >= 30,
        "{} slips from two editions",
        slips.slips.len()
    );
    assert!(
        edition
            .missions
            .iter()
            .all(|m| m.notes.contains("(As of 20 Aug 2024.)")),
        "every row says what day it stands on"
    );
}
