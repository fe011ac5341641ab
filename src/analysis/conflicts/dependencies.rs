//! `dependency` and `dependency-cycle`: the order missions must come in.

use super::index::{Index, Scope, date, day, days, name_list};
use crate::analysis::{Conflict, ConflictKind};

pub(super) fn check(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    let links = index.links;
    match scope {
        Scope::All => {
            for (i, edges) in links.depends_on.iter().enumerate() {
                for &(j, lag) in edges {
                    conflicts.extend(violation(index, i, j, lag));
                }
            }
            cycles(index, conflicts);
        }
        // Cycles do not depend on dates while what takes part stays the same.
        Scope::Touching(touched) => {
            let moved = |i: &usize| touched.missions.binary_search(i).is_ok();
            for &i in &touched.missions {
                for &(j, lag) in &links.depends_on[i] {
                    conflicts.extend(violation(index, i, j, lag));
                }
                // An edge between two moved missions was checked from the dependent's side.
                for &(k, lag) in links.dependents[i].iter().filter(|(k, _)| !moved(k)) {
                    conflicts.extend(violation(index, k, i, lag));
                }
            }
        }
    }
}

/// The conflict when mission `i` starts before mission `j` (which it depends on) ends + `lag`.
fn violation(index: &Index, i: usize, j: usize, lag: i32) -> Option<Conflict> {
    let missions = &index.roadmap.missions;
    let (mission, before) = (&missions[i], &missions[j]);
    let earliest = day(before.end) + lag;
    let start = day(mission.start);
    if start >= earliest {
        return None;
    }
    let lag_text = if lag == 0 {
        String::new()
    } else {
        format!(" + {} lag", days(lag.into()))
    };
    let message = format!(
        "{} starts {}, {} before {} ends{lag_text} (earliest start {})",
        mission.name,
        mission.start,
        days((earliest - start).into()),
        before.name,
        date(earliest),
    );
    let involved = vec![mission.id.clone(), before.id.clone()];
    Some(Conflict::new(ConflictKind::Dependency, involved, message))
}

/// One conflict per strongly connected group of the dependency graph that holds a cycle.
fn cycles(index: &Index, conflicts: &mut Vec<Conflict>) {
    let missions = &index.roadmap.missions;
    for group in cyclic_groups(&index.links.depends_on) {
        let mut members: Vec<_> = group.iter().map(|&i| &missions[i]).collect();
        members.sort_by(|a, b| a.id.cmp(&b.id));
        let message = if members.len() == 1 {
            format!("{} depends on itself", members[0].name)
        } else {
            let names = name_list(members.iter().map(|m| m.name.as_str()));
            format!("{names} depend on each other in a cycle: none of them can start first")
        };
        let ids = members.iter().map(|m| m.id.clone()).collect();
        conflicts.push(Conflict::new(ConflictKind::DependencyCycle, ids, message));
    }
}

/// The strongly connected groups that hold a cycle: two missions or more, or one that depends on
/// itself. Tarjan's algorithm, iterative so that a long chain of dependencies cannot overflow the
/// stack; a mission in no cycle costs no allocation.
pub(in crate::analysis) fn cyclic_groups(edges: &[Vec<(usize, i32)>]) -> Vec<Vec<usize>> {
    const UNVISITED: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNVISITED; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut groups = Vec::new();
    let mut next_order = 0;
    // Each frame: a node and how many of its edges have been followed.
    let mut frames: Vec<(usize, usize)> = Vec::new();

    for root in 0..n {
        if order[root] != UNVISITED {
            continue;
        }
        frames.push((root, 0));
        while let Some(&mut (node, ref mut followed)) = frames.last_mut() {
            if *followed == 0 && order[node] == UNVISITED {
                order[node] = next_order;
                low[node] = next_order;
                next_order += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&(next, _)) = edges[node].get(*followed) {
                *followed += 1;
                if order[next] == UNVISITED {
                    frames.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(order[next]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                if stack.last() == Some(&node) {
                    // A group of one: a cycle only when the mission depends on itself.
                    stack.pop();
                    on_stack[node] = false;
                    if edges[node].iter().any(|&(j, _)| j == node) {
                        groups.push(vec![node]);
                    }
                    continue;
                }
                let mut group = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    group.push(member);
                    if member == node {
                        break;
                    }
                }
                groups.push(group);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::cyclic_groups;

    fn groups_of(edges: &[&[usize]]) -> Vec<Vec<usize>> {
        let edges: Vec<Vec<(usize, i32)>> = edges
            .iter()
            .map(|e| e.iter().map(|&j| (j, 0)).collect())
            .collect();
        let mut groups = cyclic_groups(&edges);
        groups.iter_mut().for_each(|g| g.sort_unstable());
        groups.sort();
        groups
    }

    #[test]
    fn finds_cycles_and_leaves_chains_apart() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 0 hangs off it; 4 is alone; 5 depends on itself.
        assert_eq!(
            groups_of(&[&[1], &[2], &[0], &[0], &[], &[5]]),
            vec![vec![0, 1, 2], vec![5]]
        );
    }

    #[test]
    fn a_chain_of_a_million_missions_does_not_overflow_the_stack() {
        let n = 1_000_000;
        let edges: Vec<Vec<(usize, i32)>> = (0..n)
            .map(|i| {
                if i + 1 < n {
                    vec![(i + 1, 0)]
                } else {
                    vec![(0, 0)]
                }
            })
            .collect();
        let groups = cyclic_groups(&edges);
        assert_eq!(groups.len(), 1, "the chain closes into one cycle");
        assert_eq!(groups[0].len(), n);
    }
}
