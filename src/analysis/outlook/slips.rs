//! How late missions start compared with an earlier plan: measured on two versions of a
//! roadmap (`ger-planner calibrate OLD NEW`), kept as data, and drawn from in the outlook's runs
//! for a mission that has no start estimate of its own.

use chrono::NaiveDate;
use rand::RngExt;

use crate::model::{Mission, MissionKind, MissionStatus, Roadmap, Slip, SlipModel, StartEstimate};

/// Fewest slips a group needs to stand for its status and kind; a smaller group borrows from
/// its status, then from every mission measured.
pub const MIN_GROUP: usize = 5;

/// The slips measured from `old` to `new`: missions in both (by id), not yet flown, cancelled
/// or paused in `old`, and not cancelled or paused in `new` (neither is a slip).
pub fn calibrate(old: &Roadmap, new: &Roadmap) -> SlipModel {
    let slips = (old.missions.iter())
        .filter(|m| m.status != MissionStatus::Flown && !m.status.is_set_aside())
        .filter_map(|before| {
            let after = new.mission(&before.id)?;
            (!after.status.is_set_aside()).then(|| Slip {
                mission: before.id.clone(),
                status: before.status,
                kind: before.kind,
                days: u32::try_from((after.start - before.start).num_days()).unwrap_or(0),
            })
        })
        .collect();
    SlipModel {
        old: old.title.clone(),
        new: new.title.clone(),
        slips,
    }
}

/// The slips a mission of `status` and `kind` draws from: its own group when it has at least
/// [`MIN_GROUP`], else its status's, else every slip measured.
pub fn slip_group(model: &SlipModel, status: MissionStatus, kind: MissionKind) -> Vec<u32> {
    let of = |keep: &dyn Fn(&Slip) -> bool| -> Vec<u32> {
        let mut days: Vec<u32> = (model.slips.iter())
            .filter(|s| keep(s))
            .map(|s| s.days)
            .collect();
        days.sort_unstable();
        days
    };
    let group = of(&|s| s.status == status && s.kind == kind);
    if group.len() >= MIN_GROUP {
        return group;
    }
    let by_status = of(&|s| s.status == status);
    if by_status.len() >= MIN_GROUP {
        return by_status;
    }
    of(&|_| true)
}

/// What one mission's slip is drawn from.
#[derive(Clone, Debug, PartialEq)]
enum SlipSource {
    /// Its own three-point estimate, in days after its planned start: a triangular
    /// distribution from 0 to `pessimistic` with its peak at `likely`.
    Estimate { likely: f64, pessimistic: f64 },
    /// One of the slips measured for missions like it, each as likely (a group by index into
    /// the outlook's groups).
    Measured(usize),
}

impl SlipSource {
    /// The estimate of a mission planned to start on `start`, in days.
    fn estimate(start: NaiveDate, estimate: &StartEstimate) -> Self {
        let likely = (estimate.likely - start).num_days().max(0) as f64;
        let pessimistic = ((estimate.pessimistic - start).num_days() as f64).max(likely);
        Self::Estimate {
            likely,
            pessimistic,
        }
    }
}

/// The slip sources of every mission, and the groups of measured slips they point into.
pub struct Draws {
    sources: Vec<SlipSource>,
    groups: Vec<Vec<u32>>,
}

impl Draws {
    /// What each of `missions` draws its slip from, under `model`.
    pub fn new(missions: &[Mission], model: &SlipModel) -> Self {
        let mut keys: Vec<(MissionStatus, MissionKind)> = Vec::new();
        let sources = missions
            .iter()
            .map(|m| match &m.start_estimate {
                Some(estimate) => SlipSource::estimate(m.start, estimate),
                None => {
                    let key = (m.status, m.kind);
                    let index = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                        keys.push(key);
                        keys.len() - 1
                    });
                    SlipSource::Measured(index)
                }
            })
            .collect();
        let groups = keys
            .iter()
            .map(|&(status, kind)| slip_group(model, status, kind))
            .collect();
        Self { sources, groups }
    }

    /// Mission `i`'s slip in days, drawn with `rng`.
    pub fn draw(&self, i: usize, rng: &mut impl RngExt) -> i32 {
        match &self.sources[i] {
            SlipSource::Estimate {
                likely,
                pessimistic,
            } => triangular(*likely, *pessimistic, rng.random::<f64>()).floor() as i32,
            SlipSource::Measured(group) => {
                let days = &self.groups[*group];
                if days.is_empty() {
                    0
                } else {
                    i32::try_from(days[rng.random_range(0..days.len())]).unwrap_or(i32::MAX)
                }
            }
        }
    }
}

/// The value at quantile `u` (in [0, 1)) of the triangular distribution from 0 to `high` with
/// its peak at `peak` (0 ≤ peak ≤ high).
fn triangular(peak: f64, high: f64, u: f64) -> f64 {
    if high <= 0.0 {
        return 0.0;
    }
    if u * high < peak {
        (u * high * peak).sqrt()
    } else {
        high - ((1.0 - u) * high * (high - peak)).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::triangular;

    #[test]
    fn triangular_quantiles_span_the_range_and_peak_where_told() {
        assert_eq!(triangular(10.0, 100.0, 0.0), 0.0);
        assert!((triangular(10.0, 100.0, 0.1) - 10.0).abs() < 1e-9);
        assert!((triangular(10.0, 100.0, 1.0) - 100.0).abs() < 1e-9);
        assert_eq!(triangular(0.0, 0.0, 0.7), 0.0);
        // A peak at 0: half the draws within 29.3 % of the range.
        assert!((triangular(0.0, 100.0, 0.5) - (100.0 - 50.0_f64.sqrt() * 10.0)).abs() < 1e-9);
    }
}
