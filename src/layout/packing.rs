//! Rows within a lane: missions whose days overlap go on different rows, using as few rows as
//! possible (interval partitioning: take missions by start, reuse the row that frees first).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The row of each interval (`(first, last)` days, both included), in the order given.
pub fn pack_rows(intervals: &[(i32, i32)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by_key(|&k| (intervals[k].0, intervals[k].1, k));
    let mut rows = vec![0; intervals.len()];
    // Rows by the last day they are busy, earliest first.
    let mut busy_until: BinaryHeap<Reverse<(i32, usize)>> = BinaryHeap::new();
    let mut row_count = 0;
    for k in order {
        let (first, last) = intervals[k];
        let row = match busy_until.peek() {
            Some(&Reverse((until, row))) if until < first => {
                busy_until.pop();
                row
            }
            _ => {
                row_count += 1;
                row_count - 1
            }
        };
        rows[k] = row;
        busy_until.push(Reverse((last, row)));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::pack_rows;

    #[test]
    fn overlapping_missions_get_rows_and_free_rows_are_reused() {
        // a and b overlap; c starts after a ends and takes a's row; d touches c's last day.
        let rows = pack_rows(&[(0, 10), (5, 20), (11, 15), (15, 16)]);
        assert_eq!(rows, vec![0, 1, 0, 2]);
    }

    #[test]
    fn uses_as_many_rows_as_the_most_missions_on_one_day() {
        let intervals: Vec<(i32, i32)> = (0..50)
            .map(|k| (k * 3 % 40, k * 3 % 40 + (k % 7)))
            .collect();
        let rows = pack_rows(&intervals);
        let most_at_once = (0..60)
            .map(|d| intervals.iter().filter(|(a, b)| *a <= d && d <= *b).count())
            .max();
        assert_eq!(rows.iter().max().map(|r| r + 1), most_at_once);
    }
}
