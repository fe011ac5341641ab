//! A pool of capacity that missions book day by day: a resource (with its minimum gap between
//! starts) or an agency's limit on missions led at once. Missions are placed one by one, and a
//! newcomer asks where it first fits.

use std::collections::BTreeMap;

/// The missions placed in one pool, by start day.
#[derive(Clone, Debug, Default)]
pub(super) struct Pool {
    /// How many missions may be active on one day.
    capacity: usize,
    /// Fewest days between two starts (0: none).
    min_gap: i32,
    /// Placed missions: start day → (end day, mission position).
    placed: BTreeMap<i32, Vec<(i32, usize)>>,
    /// The longest mission placed, in days: how far back an overlapping one can start.
    longest: i32,
}

/// Where a mission would break a pool's capacity: the missions that fill it on the first full
/// day, and the first day a start could be free of that day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Full {
    /// The missions active on the first full day.
    pub by: Vec<usize>,
    /// The day after the first of them ends.
    pub free_from: i32,
}

impl Pool {
    pub(super) fn new(capacity: usize, min_gap: i32) -> Self {
        Self {
            capacity,
            min_gap,
            ..Self::default()
        }
    }

    /// Books the days `start..=end` for `mission`.
    pub(super) fn place(&mut self, start: i32, end: i32, mission: usize) {
        self.placed.entry(start).or_default().push((end, mission));
        self.longest = self.longest.max(end - start);
    }

    /// The first day of `start..=end` on which the pool is already full, if any, not counting
    /// the `exempt` missions.
    pub(super) fn full_during(
        &self,
        start: i32,
        end: i32,
        exempt: impl Fn(usize) -> bool,
    ) -> Option<Full> {
        let overlapping: Vec<(i32, i32, usize)> = self
            .placed
            .range(start.saturating_sub(self.longest)..=end)
            .flat_map(|(&first, ends)| ends.iter().map(move |&(last, m)| (first, last, m)))
            .filter(|&(_, last, m)| last >= start && !exempt(m))
            .collect();
        if overlapping.len() < self.capacity {
            return None;
        }
        // A sweep over the days where the count changes, from `start` on.
        let mut events: Vec<(i32, i32)> = overlapping
            .iter()
            .flat_map(|&(first, last, _)| [(first.max(start), 1), (last + 1, -1)])
            .collect();
        events.sort_unstable();
        let mut active = 0;
        let mut k = 0;
        while k < events.len() {
            let day = events[k].0;
            while k < events.len() && events[k].0 == day {
                active += events[k].1;
                k += 1;
            }
            if day > end {
                break;
            }
            if active >= self.capacity as i32 {
                let by: Vec<(i32, usize)> = overlapping
                    .iter()
                    .filter(|&&(first, last, _)| first <= day && day <= last)
                    .map(|&(_, last, m)| (last, m))
                    .collect();
                let free_from = by.iter().map(|&(last, _)| last).min().unwrap_or(day) + 1;
                return Some(Full {
                    by: by.into_iter().map(|(_, m)| m).collect(),
                    free_from,
                });
            }
        }
        None
    }

    /// A placed mission (not `exempt`) that starts fewer than the minimum gap of days from
    /// `start`, with the first start that keeps the gap from every such mission.
    pub(super) fn too_close(
        &self,
        start: i32,
        exempt: impl Fn(usize) -> bool,
    ) -> Option<(usize, i32, i32)> {
        if self.min_gap == 0 {
            return None;
        }
        let near = start - self.min_gap + 1..=start + self.min_gap - 1;
        self.placed
            .range(near)
            .flat_map(|(&first, ends)| ends.iter().map(move |&(_, m)| (m, first)))
            .filter(|&(m, _)| !exempt(m))
            .last()
            .map(|(m, first)| (m, first, first + self.min_gap))
    }
}

#[cfg(test)]
mod tests {
    use super::Pool;

    #[test]
    fn a_full_day_sends_a_newcomer_past_the_first_mission_to_end_that_day() {
        let mut pool = Pool::new(2, 0);
        pool.place(0, 10, 0);
        pool.place(5, 20, 1);
        assert_eq!(pool.full_during(0, 4, |_| false), None);
        let full = pool
            .full_during(0, 6, |_| false)
            .map(|f| (f.by, f.free_from));
        assert_eq!(full, Some((vec![0, 1], 11)));
        assert_eq!(pool.full_during(11, 30, |_| false), None);
        assert_eq!(pool.full_during(0, 6, |m| m == 1), None);
    }

    #[test]
    fn starts_closer_than_the_gap_push_past_the_last_of_them() {
        let mut pool = Pool::new(5, 30);
        pool.place(0, 0, 0);
        pool.place(20, 20, 1);
        assert_eq!(pool.too_close(10, |_| false), Some((1, 20, 50)));
        assert_eq!(pool.too_close(10, |m| m == 1), Some((0, 0, 30)));
        assert_eq!(pool.too_close(50, |_| false), None);
    }
}
