//! The order of a merged list: one side's order, with what only the others have placed after
//! the entry before it on their side.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Step;

/// Whether the list at `path` is the roadmap's lanes, whose order is a value of its own.
pub(super) fn is_lane_order(path: &[Step]) -> bool {
    matches!(path, [Step::Field(name)] if name == "destinations")
}

/// The keys for which `present` holds, in the order of the version `versions` names first
/// (of `orders`, one order of keys per version); a key that version lacks goes after the
/// nearest earlier present key of the next version in `versions` that has it, or first when
/// none comes before it there.
pub(super) fn arrange<'k>(
    versions: &[usize],
    orders: &[&[&'k str]],
    present: &dyn Fn(&str) -> bool,
) -> Vec<&'k str> {
    let mut chosen = versions.iter().filter_map(|&k| orders.get(k).copied());
    let first = chosen.next().unwrap_or_default();
    let others: Vec<&[&str]> = chosen.collect();
    let mut placed: HashSet<&str> = HashSet::default();
    let roots: Vec<&'k str> = first
        .iter()
        .copied()
        .filter(|&k| present(k) && placed.insert(k))
        .collect();
    let mut after: HashMap<Option<&str>, Vec<&'k str>> = HashMap::default();
    for side in others {
        let mut anchor = None;
        for &k in side.iter().filter(|&&k| present(k)) {
            if placed.insert(k) {
                after.entry(anchor).or_default().push(k);
            }
            anchor = Some(k);
        }
    }
    // Depth first, with a stack rather than recursion: ten thousand missions added one after
    // the other make a chain that deep.
    let mut stack: Vec<&'k str> = roots.into_iter().rev().collect();
    stack.extend(after.get(&None).into_iter().flatten().rev());
    let mut arranged = Vec::with_capacity(placed.len());
    while let Some(k) = stack.pop() {
        arranged.push(k);
        stack.extend(after.get(&Some(k)).into_iter().flatten().rev());
    }
    arranged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theirs_additions_go_after_their_predecessor() {
        let base = ["a", "b", "c"];
        let ours = ["a", "x", "b", "c"];
        let theirs = ["a", "b", "y", "z", "c", "w"];
        let all = |_: &str| true;
        assert_eq!(
            arrange(&[1, 2, 0], &[&base, &ours, &theirs], &all),
            ["a", "x", "b", "y", "z", "c", "w"]
        );
    }

    #[test]
    fn an_addition_after_a_deleted_entry_goes_after_the_nearest_earlier_one() {
        let base = ["a", "b", "c"];
        let ours = ["a", "c"];
        let theirs = ["y", "a", "b", "n", "c"];
        let present = |k: &str| k != "b";
        assert_eq!(
            arrange(&[1, 2, 0], &[&base, &ours, &theirs], &present),
            ["y", "a", "n", "c"]
        );
    }
}
