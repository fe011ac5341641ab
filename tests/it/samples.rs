//! The sample roadmaps in `roadmaps/` are real GER data and complete: every ISECG agency with a
//! distinct colour, the five destinations, at least 45 sourced missions, and references that
//! resolve. The 2026 status is the roadmap compiled into the program.

use std::collections::HashSet;
use std::path::Path;

use ger_planner::analysis::{ConflictKind, find_conflicts};
use ger_planner::bundled::bundled_roadmap;
use ger_planner::format;
use ger_planner::model::{MissionStatus, Roadmap};

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

fn samples() -> [(&'static str, Roadmap); 2] {
    ["ger-2020-plan.json", "ger-2026-status.json"].map(|name| (name, sample(name)))
}

#[test]
fn each_sample_lists_the_27_isecg_agencies_with_distinct_colours() {
    for (name, roadmap) in samples() {
        let ids: HashSet<&str> = roadmap.agencies.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ISECG_MEMBERS.into_iter().collect(), "{name}");
        let colours: HashSet<_> = roadmap.agencies.iter().filter_map(|a| a.color).collect();
        assert_eq!(colours.len(), 27, "{name}: every agency has its own colour");
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
        assert_eq!(roadmap.phases.len(), 4, "{name}: the lunar surface phases");
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
    assert_eq!(status_of("viper"), Some(MissionStatus::Cancelled));
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
