//! Small hand-made roadmaps for tests: one helper per part, with defaults that take part in no
//! conflict, so each test states only what it is about.
#![allow(dead_code, reason = "each test file uses only some helpers")]

pub mod ui;

use chrono::NaiveDate;
use ger_planner::model::{
    Agency, Dependency, Destination, LaunchWindow, Mission, MissionKind, MissionStatus, Resource,
    Roadmap,
};

/// A date from `YYYY-MM-DD`; panics on a typo in the test itself.
pub fn date(text: &str) -> NaiveDate {
    ger_planner::model::date::parse(text).unwrap_or_else(|err| panic!("bad test date: {err}"))
}

/// A planned robotic NASA mission to the Moon.
pub fn mission(id: &str, start: &str, end: &str) -> Mission {
    Mission {
        id: id.into(),
        name: format!("Mission {id}"),
        destination: "moon".into(),
        kind: MissionKind::Robotic,
        status: MissionStatus::Planned,
        outcome: None,
        start: date(start),
        end: date(end),
        fixed: false,
        start_estimate: None,
        lead: "NASA".into(),
        contributors: Vec::new(),
        depends_on: Vec::new(),
        resources: Vec::new(),
        notes: String::new(),
        source: String::new(),
    }
}

/// `mission` that depends on `on` with `lag_days`.
pub fn depends(mut mission: Mission, on: &str, lag_days: i32) -> Mission {
    mission.depends_on.push(Dependency {
        mission: on.into(),
        lag_days,
    });
    mission
}

/// `mission` that uses `resource`.
pub fn uses(mut mission: Mission, resource: &str) -> Mission {
    mission.resources.push(resource.into());
    mission
}

/// `mission` with another status.
pub fn with_status(mut mission: Mission, status: MissionStatus) -> Mission {
    mission.status = status;
    mission
}

/// `mission` led by another agency.
pub fn led_by(mut mission: Mission, agency: &str) -> Mission {
    mission.lead = agency.into();
    mission
}

/// `mission` to another destination.
pub fn to(mut mission: Mission, destination: &str) -> Mission {
    mission.destination = destination.into();
    mission
}

/// An agency with an optional limit on missions led at once.
pub fn agency(id: &str, max_concurrent: Option<u32>) -> Agency {
    Agency {
        id: id.into(),
        name: format!("Agency {id}"),
        country: String::new(),
        color: None,
        max_concurrent,
    }
}

/// A resource.
pub fn resource(id: &str, capacity: u32, min_gap_days: u32) -> Resource {
    Resource {
        id: id.into(),
        name: format!("Resource {id}"),
        capacity,
        min_gap_days,
    }
}

/// A destination with launch windows given as `(start, end)`.
pub fn destination(id: &str, windows: &[(&str, &str)]) -> Destination {
    Destination {
        id: id.into(),
        name: format!("Destination {id}"),
        launch_windows: windows
            .iter()
            .map(|&(s, e)| LaunchWindow {
                start: date(s),
                end: date(e),
            })
            .collect(),
    }
}

/// A roadmap with agencies NASA and ESA, destinations `moon` and `mars` (no windows), and the
/// given missions.
pub fn roadmap(missions: Vec<Mission>) -> Roadmap {
    Roadmap {
        title: "Test roadmap".to_owned(),
        description: String::new(),
        agencies: vec![agency("NASA", None), agency("ESA", None)],
        destinations: vec![destination("moon", &[]), destination("mars", &[])],
        phases: Vec::new(),
        resources: Vec::new(),
        missions,
        views: Vec::new(),
        accepted: Vec::new(),
    }
}

/// `roadmap` with the dates of mission `id` changed.
pub fn with_dates(mut roadmap: Roadmap, id: &str, start: &str, end: &str) -> Roadmap {
    let mission = roadmap
        .missions
        .iter_mut()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id}"));
    (mission.start, mission.end) = (date(start), date(end));
    roadmap
}

/// The output of `program args` (a real reader or browser the tests check our files with), or
/// `None` (with the reason printed) where it cannot run outside CI; in CI (`CI=true`) a tool that cannot run fails the test.
pub fn run_tool(program: &str, args: &[&std::ffi::OsStr]) -> Option<String> {
    let in_ci = std::env::var("CI").is_ok_and(|ci| ci == "true");
    match std::process::Command::new(program).args(args).output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) if in_ci => panic!("{program}: {}", String::from_utf8_lossy(&out.stderr)),
        Err(err) if in_ci => panic!("{program} is needed in CI: {err}"),
        Ok(out) => {
            eprintln!(
                "skipped: {program} failed ({})",
                String::from_utf8_lossy(&out.stderr)
            );
            None
        }
        Err(err) => {
            eprintln!("skipped: {program} is not installed ({err})");
            None
        }
    }
}
