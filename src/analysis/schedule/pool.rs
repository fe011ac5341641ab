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
    /// How many missions are active on each day, so that whether a newcomer fits is read off
    /// the days it spans.
    active: Count,
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

/// How many missions are active on each day, kept one of two ways.
#[derive(Clone, Debug)]
enum Count {
    /// As a step function: the count from each day listed until the next. Small for a pool
    /// of few missions, such as a resource.
    Steps(BTreeMap<i32, usize>),
    /// Day by day from day `first`, two bytes a day: quicker to add to and to read where
    /// many missions overlap, as in an agency's limit.
    Days { first: i32, counts: Vec<u16> },
}

impl Default for Count {
    fn default() -> Self {
        Self::Steps(BTreeMap::new())
    }
}

impl Count {
    /// Counts one more mission on the days `start..=end` (`start <= end`); returns the most
    /// missions now active on one of them.
    fn add(&mut self, start: i32, end: i32) -> usize {
        match self {
            Self::Steps(steps) => {
                // A step starts at each end of the booking (one look-up each when it is new).
                for day in [start, end + 1] {
                    match steps.range(..=day).next_back() {
                        Some((&at, _)) if at == day => {}
                        step => {
                            let before = step.map_or(0, |(_, &n)| n);
                            steps.insert(day, before);
                        }
                    }
                }
                let mut most = 0;
                for (_, count) in steps.range_mut(start..=end) {
                    *count += 1;
                    most = most.max(*count);
                }
                most
            }
            Self::Days { first, counts } => {
                if counts.is_empty() {
                    *first = start;
                }
                if start < *first {
                    let more = (*first - start) as usize;
                    counts.splice(0..0, std::iter::repeat_n(0, more));
                    *first = start;
                }
                let last = (end - *first) as usize;
                if last >= counts.len() {
                    counts.resize(last + 1, 0);
                }
                let span = &mut counts[(start - *first) as usize..=last];
                span.iter_mut().for_each(|n| *n = n.saturating_add(1));
                span.iter().copied().max().map_or(0, usize::from)
            }
        }
    }

    /// The first day of `start..=end` with at least `capacity` missions active, if any.
    fn first_full(&self, start: i32, end: i32, capacity: usize) -> Option<i32> {
        match self {
            Self::Steps(steps) => {
                let at_start = steps.range(..=start).next_back().map_or(0, |(_, &n)| n);
                std::iter::once((start, at_start))
                    .chain(
                        (steps.range(start + 1..=end.max(start + 1)))
                            .filter(|&(&d, _)| d <= end)
                            .map(|(&d, &n)| (d, n)),
                    )
                    .find(|&(_, n)| n >= capacity)
                    .map(|(d, _)| d)
            }
            Self::Days { first, counts } => {
                let from = (start - first).max(0);
                let to = (end - first).min(counts.len() as i32 - 1);
                (from..=to)
                    .find(|&k| usize::from(counts[k as usize]) >= capacity)
                    .map(|k| k + first)
            }
        }
    }

    /// The first day after `day` with fewer than `capacity` missions active.
    fn room_after(&self, day: i32, capacity: usize) -> i32 {
        match self {
            Self::Steps(steps) => (steps.range(day + 1..))
                .find(|&(_, &n)| n < capacity)
                .map_or(day + 1, |(&d, _)| d),
            Self::Days { first, counts } => {
                let from = (day + 1 - first).max(0) as usize;
                (counts.get(from..).unwrap_or_default().iter())
                    .position(|&n| usize::from(n) < capacity)
                    .map_or(counts.len() as i32 + first, |k| {
                        k as i32 + first + from as i32
                    })
                    .max(day + 1)
            }
        }
    }
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

    /// A pool that counts day by day: for one where many missions overlap (an agency's limit).
    pub(super) fn day_by_day(capacity: usize) -> Self {
        Self {
            active: Count::Days {
                first: 0,
                counts: Vec::new(),
            },
            ..Self::new(capacity, 0)
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
        let most = self.active.add(start, end);
        self.most_active = self.most_active.max(most);
    }

    /// Where the pool is full during `start..=end`, if it is. With `exempt`, a day whose
    /// missions are all exempt with the newcomer (an accepted conflict) is not full. With
    /// `named`, the missions that fill the first full day are named and `free_from` is the
    /// day after the first of them ends. Without either, which is how the outlook's runs ask,
    /// the count is read off the days spanned, `by` is left empty and `free_from` is the first
    /// day with room again after the first full one. Either start is safe to jump to: every
    /// start before it spans a full day.
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
        let first_full = self.active.first_full(start, end, self.capacity)?;
        if named {
            return self.full_during(start, end, |_| false);
        }
        let free_from = self.active.room_after(first_full, self.capacity);
        Some(Full {
            by: Vec::new(),
            free_from,
        })
    }

    /// The first day of `start..=end` on which the pool is already full for a newcomer, if
    /// any: a day is not, when every mission on it is `exempt` with the newcomer.
    fn full_during(&self, start: i32, end: i32, exempt: impl Fn(usize) -> bool) -> Option<Full> {
        let overlapping: Vec<(i32, i32, usize)> = self
            .placed
            .range(start.saturating_sub(self.longest)..=end)
            .flat_map(|(&first, ends)| ends.iter().map(move |&(last, m)| (first, last, m)))
            .filter(|&(_, last, _)| last >= start)
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
                // A day whose missions the newcomer may all share it with (an accepted run of
                // them all) is not full for it. Judged by the whole day, not mission by
                // mission, so that where a newcomer goes does not depend on which of the
                // day's missions were placed before it.
                if by.iter().all(|&(_, m)| exempt(m)) {
                    continue;
                }
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
        /// The count (by steps or day by day) agrees with the sweep over bookings on whether a
        /// newcomer fits, and where it sends it is never past a start that fits.
        #[test]
        fn the_step_count_finds_the_same_room_as_the_sweep(
            capacity in 1..4usize,
            placed in prop::collection::vec((0..200i32, 0..60i32), 0..25),
            start in 0..260i32,
            length in 0..40i32,
            day_by_day in any::<bool>(),
        ) {
            let mut pool = if day_by_day {
                Pool::day_by_day(capacity)
            } else {
                Pool::new(capacity, 0)
            };
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
        // A newcomer exempt with only one of the day's two missions still finds it full; one
        // exempt with both does not.
        assert!(pool.full_during(0, 6, |m| m == 1).is_some());
        assert_eq!(pool.full_during(0, 6, |m| m <= 1), None);
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
