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
    /// How many missions are active from each day on, until the next day listed: the count
    /// as a step function, so that whether a newcomer fits is read off the days it spans.
    active: BTreeMap<i32, usize>,
    /// The most missions active on one day: below the capacity, every newcomer fits.
    most_active: usize,
    /// Whether `placed` is kept: not when only the count is ever asked for (the outlook's
    /// runs, with no gap and no accepted conflict to look up).
    names: bool,
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
            // A file cannot say 0; were it 0, nothing would ever fit.
            capacity: capacity.max(1),
            min_gap,
            names: true,
            ..Self::default()
        }
    }

    /// The same pool, keeping only the count of missions placed when it has no gap to keep,
    /// which is quicker; then it is asked without names or exemptions.
    pub(super) fn counting_only(&mut self) {
        self.names = self.min_gap > 0;
    }

    /// Books the days `start..=end` for `mission`.
    pub(super) fn place(&mut self, start: i32, end: i32, mission: usize) {
        if self.names {
            self.placed.entry(start).or_default().push((end, mission));
        }
        self.longest = self.longest.max(end - start);
        if end < start {
            return;
        }
        // A step starts at each end of the booking (one look-up each when it is new).
        for day in [start, end + 1] {
            match self.active.range(..=day).next_back() {
                Some((&at, _)) if at == day => {}
                step => {
                    let before = step.map_or(0, |(_, &n)| n);
                    self.active.insert(day, before);
                }
            }
        }
        for (_, count) in self.active.range_mut(start..=end) {
            *count += 1;
            self.most_active = self.most_active.max(*count);
        }
    }

    /// How many missions are active on `day`.
    fn count_on(&self, day: i32) -> usize {
        self.active.range(..=day).next_back().map_or(0, |(_, &n)| n)
    }

    /// Where the pool is full during `start..=end`, if it is. With `exempt`, those missions
    /// are not counted (accepted conflicts). With `named`, the missions that fill the first
    /// full day are named and `free_from` is the day after the first of them ends. Without
    /// either, which is how the outlook's runs ask, the count is read off its steps, `by` is
    /// left empty and `free_from` is the first day with room again after the first full one.
    /// Either start is safe to jump to: every start before it spans a full day.
    pub(super) fn blocked(
        &self,
        start: i32,
        end: i32,
        exempt: Option<&dyn Fn(usize) -> bool>,
        named: bool,
    ) -> Option<Full> {
        if self.most_active < self.capacity {
            return None;
        }
        if let Some(exempt) = exempt {
            return self.full_during(start, end, exempt);
        }
        let first_full = std::iter::once((start, self.count_on(start)))
            .chain(
                (self.active.range(start + 1..=end.max(start + 1)))
                    .filter(|&(&d, _)| d <= end)
                    .map(|(&d, &n)| (d, n)),
            )
            .find(|&(_, n)| n >= self.capacity)?
            .0;
        if named {
            return self.full_during(start, end, |_| false);
        }
        let free_from = (self.active.range(first_full + 1..))
            .find(|&(_, &n)| n < self.capacity)
            .map_or(first_full + 1, |(&d, _)| d);
        Some(Full {
            by: Vec::new(),
            free_from,
        })
    }

    /// The first day of `start..=end` on which the pool is already full, if any, not counting
    /// the `exempt` missions.
    fn full_during(&self, start: i32, end: i32, exempt: impl Fn(usize) -> bool) -> Option<Full> {
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
    use proptest::prelude::*;

    proptest! {
        /// The step count agrees with the sweep over bookings on whether a newcomer fits, and
        /// where it sends it is never past a start that fits.
        #[test]
        fn the_step_count_finds_the_same_room_as_the_sweep(
            capacity in 1..4usize,
            placed in prop::collection::vec((0..200i32, 0..60i32), 0..25),
            start in 0..260i32,
            length in 0..40i32,
        ) {
            let mut pool = Pool::new(capacity, 0);
            for (k, &(first, days)) in placed.iter().enumerate() {
                pool.place(first, first + days, k);
            }
            let end = start + length;
            let swept = pool.full_during(start, end, |_| false);
            let stepped = pool.blocked(start, end, None, false);
            prop_assert_eq!(swept.is_some(), stepped.is_some());
            prop_assert_eq!(pool.blocked(start, end, None, true), swept.clone());
            if let (Some(swept), Some(stepped)) = (swept, stepped) {
                prop_assert!(stepped.free_from >= swept.free_from);
                for earlier in start..stepped.free_from {
                    prop_assert!(pool.full_during(earlier, earlier + length, |_| false).is_some());
                }
            }
        }
    }

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
