//! `dependency` and `dependency-cycle`: the order missions must come in.

use super::{Index, Scope, date, day, days, name_list};
use crate::analysis::{Conflict, ConflictKind};

pub(super) fn check(index: &Index, scope: &Scope, conflicts: &mut Vec<Conflict>) {
    let graph = DependencyGraph::new(index);
    violated_dependencies(index, &graph, scope, conflicts);
    if scope.cycles() {
        cycles(index, &graph, conflicts);
    }
}

/// For each mission, the live missions it depends on, with the lag: the `depends_on` entries
/// that resolve to a mission taking part in the checks. (A dependency on a cancelled mission is
/// satisfied; one on an unknown id is an `unknown-reference`.)
struct DependencyGraph {
    edges: Vec<Vec<(usize, i32)>>,
}

impl DependencyGraph {
    fn new(index: &Index) -> Self {
        let mut edges = vec![Vec::new(); index.roadmap.missions.len()];
        for (i, mission) in index.live_missions() {
            edges[i] = mission
                .depends_on
                .iter()
                .filter_map(|d| Some((*index.missions.get(d.mission.as_str())?, d.lag_days)))
                .filter(|&(j, _)| index.takes_part[j])
                .collect();
        }
        Self { edges }
    }
}

/// One conflict per dependency whose mission starts before `dependency.end + lag_days`.
fn violated_dependencies(
    index: &Index,
    graph: &DependencyGraph,
    scope: &Scope,
    conflicts: &mut Vec<Conflict>,
) {
    let missions = &index.roadmap.missions;
    for (i, edges) in graph.edges.iter().enumerate() {
        let mission = &missions[i];
        for &(j, lag) in edges
            .iter()
            .filter(|&&(j, _)| scope.mission(i) || scope.mission(j))
        {
            let before = &missions[j];
            let earliest = day(before.end) + lag;
            let start = day(mission.start);
            if start >= earliest {
                continue;
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
            conflicts.push(Conflict::new(ConflictKind::Dependency, involved, message));
        }
    }
}

/// One conflict per strongly connected group of the dependency graph that holds a cycle.
fn cycles(index: &Index, graph: &DependencyGraph, conflicts: &mut Vec<Conflict>) {
    let missions = &index.roadmap.missions;
    for group in cyclic_groups(&graph.edges) {
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
fn cyclic_groups(edges: &[Vec<(usize, i32)>]) -> Vec<Vec<usize>> {
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
