//! Three-way merge of roadmaps by meaning: entries matched by id, fields merged one by one.
//!
//! The merge works on the JSON value of each canonical file, not on the model, so a field added
//! to the format later merges by the same rules with no code of its own:
//!
//! - A value one side changed is taken; one both sides changed alike is taken; one they changed
//!   differently is a conflict, unless both are objects (merged field by field) or lists
//!   (merged entry by entry).
//! - Lists of objects with a key (`id`; `agency` for contributors, `mission` for `depends_on`)
//!   are matched by key. An entry deleted on one side and changed on the other is a conflict,
//!   and so is a key repeated in one input whose entries differ between the sides: repeated
//!   entries are never paired up by guesswork.
//! - Other lists (launch windows, a mission's resources, a view's filters) are sets: what one
//!   side added is added, what one side removed is removed.
//! - A list follows ours' order; theirs' additions go after the entry before them in theirs.
//!   Destinations are lanes, so their order is itself a value: a reorder on one side is taken,
//!   different reorders on both sides are a conflict.
//!
//! A field that is absent is the same as an empty list or object, as in the file.

mod conflict;
mod order;

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::analysis::{Conflict, find_conflicts};
use crate::format;
use crate::model::Roadmap;

pub use conflict::{MergeConflict, Reason, Side, Step};

/// Three versions of a roadmap and the conflicts between them.
#[derive(Clone, Debug)]
pub struct Merge {
    base: Value,
    ours: Value,
    theirs: Value,
    conflicts: Vec<MergeConflict>,
}

impl Merge {
    /// Merges `ours` and `theirs`, both made from `base`.
    pub fn new(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_values(
            format::to_value(base),
            format::to_value(ours),
            format::to_value(theirs),
        )
    }

    /// Merges when nothing says what both sides started from (git's both-added case, or
    /// markers without a base section): every difference between them is a conflict.
    pub fn without_base(ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_values(
            Value::Object(Map::new()),
            format::to_value(ours),
            format::to_value(theirs),
        )
    }

    fn of_values(base: Value, ours: Value, theirs: Value) -> Self {
        let mut merger = Merger::new(&|_| Side::Ours);
        merger.value(&mut Vec::new(), Some(&base), Some(&ours), Some(&theirs));
        let conflicts = merger.conflicts;
        Self {
            base,
            ours,
            theirs,
            conflicts,
        }
    }

    /// The merge conflicts, in the order of the roadmap.
    pub fn conflicts(&self) -> &[MergeConflict] {
        &self.conflicts
    }

    /// Whether the sides merged with no conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merged roadmap, each conflict (by position in [`Self::conflicts`]) settled with the
    /// side `choose` gives. It can fail only where sides merged field by field make an entry
    /// that reading refuses (a saved view ending before it starts).
    pub fn resolved(&self, choose: impl Fn(usize) -> Side) -> Result<Roadmap, String> {
        format::from_value(&self.resolved_value(&choose)).map_err(|err| {
            format!("the merged roadmap is not valid ({err}): resolve it on one side first")
        })
    }

    fn resolved_value(&self, choose: &dyn Fn(usize) -> Side) -> Value {
        let mut merger = Merger::new(choose);
        merger
            .value(
                &mut Vec::new(),
                Some(&self.base),
                Some(&self.ours),
                Some(&self.theirs),
            )
            .unwrap_or(Value::Null)
    }

    /// The canonical text of the merge, with conflict markers (of `marker_size` characters)
    /// around the lines where the sides conflict.
    pub fn text_with_markers(&self, marker_size: usize) -> Result<String, String> {
        let text = |side| self.resolved(|_| side).map(|r| format::to_json(&r));
        Ok(format::with_markers(
            &text(Side::Ours)?,
            &text(Side::Base)?,
            &text(Side::Theirs)?,
            marker_size,
        ))
    }
}

/// The roadmap conflicts the merge made: in `merged` but in neither side. Conflicts are told
/// apart by kind and the missions, agency and resource they name, not by their wording (which
/// quotes dates that may differ).
pub fn conflicts_made_by_merge(
    merged: &Roadmap,
    ours: &Roadmap,
    theirs: &Roadmap,
) -> Vec<Conflict> {
    type Identity = (
        crate::analysis::ConflictKind,
        Vec<crate::model::MissionId>,
        Option<crate::model::AgencyId>,
        Option<crate::model::ResourceId>,
    );
    let identity = |c: &Conflict| -> Identity {
        (
            c.kind,
            c.missions.clone(),
            c.agency.clone(),
            c.resource.clone(),
        )
    };
    let before: HashSet<Identity> = find_conflicts(ours)
        .iter()
        .chain(&find_conflicts(theirs))
        .map(identity)
        .collect();
    find_conflicts(merged)
        .into_iter()
        .filter(|c| !before.contains(&identity(c)))
        .collect()
}

/// One walk over the three versions. The walk visits conflicts in the same order whatever is
/// chosen, so a conflict's position names it across walks.
struct Merger<'a> {
    choose: &'a dyn Fn(usize) -> Side,
    conflicts: Vec<MergeConflict>,
}

impl<'a> Merger<'a> {
    fn new(choose: &'a dyn Fn(usize) -> Side) -> Self {
        Self {
            choose,
            conflicts: Vec::new(),
        }
    }

    /// Records a conflict and says which side settles it in this walk.
    fn conflict(
        &mut self,
        path: &[Step],
        reason: Reason,
        [base, ours, theirs]: [Option<Value>; 3],
    ) -> Side {
        let side = (self.choose)(self.conflicts.len());
        self.conflicts.push(MergeConflict {
            path: path.to_vec(),
            reason,
            base,
            ours,
            theirs,
        });
        side
    }

    /// The merge of a value (a field, or an entry of a list): `None` when it is absent.
    fn value(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if ours == theirs || theirs == base {
            return ours.cloned();
        }
        if ours == base {
            return theirs.cloned();
        }
        if let (Some(Value::Object(o)), Some(Value::Object(t))) = (ours, theirs)
            && let None | Some(Value::Object(_)) = base
        {
            return Some(Value::Object(self.object(path, base, o, t)));
        }
        let side = self.conflict(
            path,
            if ours.is_none() || theirs.is_none() {
                Reason::DeletedAndChanged
            } else {
                Reason::BothChanged
            },
            [base.cloned(), ours.cloned(), theirs.cloned()],
        );
        side.pick(base, ours, theirs).cloned()
    }

    /// Objects merged field by field; an absent field of a list or object is an empty one.
    fn object(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<&Value>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let base = base.and_then(Value::as_object);
        let mut names: Vec<&String> = ours.keys().chain(theirs.keys()).collect();
        names.extend(base.into_iter().flat_map(Map::keys));
        names.sort();
        names.dedup();
        let mut merged = Map::new();
        for name in names {
            let [b, o, t] = [base, Some(ours), Some(theirs)].map(|m| m.and_then(|m| m.get(name)));
            path.push(Step::Field(name.clone()));
            let lists = [b, o, t].iter().flatten().all(|v| v.is_array());
            let value = if lists && (o.is_some() || t.is_some()) {
                let [b, o, t] =
                    [b, o, t].map(|v| v.and_then(Value::as_array).map_or(&[][..], |l| l));
                Some(Value::Array(self.list(path, b, o, t)))
            } else {
                self.value(path, b, o, t)
            };
            path.pop();
            if let Some(value) = value {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }

    /// A list: by key when its entries have one, else as a set.
    fn list(
        &mut self,
        path: &mut Vec<Step>,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        if ours == theirs || theirs == base {
            return ours.to_vec();
        }
        if ours == base {
            return theirs.to_vec();
        }
        let key = key_field(path);
        let all = || base.iter().chain(ours).chain(theirs);
        if all().all(|entry| entry.get(key).and_then(Value::as_str).is_some()) {
            self.keyed_list(path, key, [base, ours, theirs])
        } else {
            set_merge(base, ours, theirs)
        }
    }

    /// Entries matched by `key`, merged one by one, in the order of [`order`].
    fn keyed_list(&mut self, path: &mut Vec<Step>, key: &str, sides: [&[Value]; 3]) -> Vec<Value> {
        let grouped = sides.map(|side| Grouped::new(side, key));
        let mut keys: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for side in [&grouped[1], &grouped[2], &grouped[0]] {
            keys.extend(side.order.iter().copied().filter(|k| seen.insert(*k)));
        }
        let mut merged: HashMap<&str, Vec<Value>> = HashMap::with_capacity(keys.len());
        for &k in &keys {
            let [b, o, t] = [0, 1, 2].map(|i| grouped[i].entries(k));
            path.push(Step::Entry {
                key: key.to_owned(),
                value: k.to_owned(),
            });
            let entries = if [b, o, t].iter().all(|e| e.len() <= 1) {
                let [b, o, t] = [b, o, t].map(|e| e.first().copied());
                self.value(path, b, o, t).into_iter().collect()
            } else if o == t || t == b {
                o.iter().map(|&v| v.clone()).collect()
            } else if o == b {
                t.iter().map(|&v| v.clone()).collect()
            } else {
                let side = self.conflict(path, Reason::RepeatedId, [b, o, t].map(entries_value));
                side.pick(b, o, t).iter().map(|&v| v.clone()).collect()
            };
            path.pop();
            merged.insert(k, entries);
        }
        let orders = grouped.each_ref().map(|g| g.order.as_slice());
        let primary = if order::is_lane_order(path) {
            self.lane_order(path, orders)
        } else {
            Side::Ours
        };
        let present = |k: &str| merged.get(k).is_some_and(|e| !e.is_empty());
        order::arrange(primary, orders, &present)
            .into_iter()
            .flat_map(|k| merged.remove(k).unwrap_or_default())
            .collect()
    }

    /// Whose order the lanes follow: a side that reordered them, or a conflict when both did,
    /// differently. Only the order of the entries all three share counts.
    fn lane_order(&mut self, path: &mut Vec<Step>, orders: [&[&str]; 3]) -> Side {
        let in_all = |k: &&str| orders.iter().all(|o| o.contains(k));
        let [b, o, t] =
            orders.map(|order| order.iter().copied().filter(in_all).collect::<Vec<_>>());
        if o == t || t == b {
            Side::Ours
        } else if o == b {
            Side::Theirs
        } else {
            path.push(Step::Order);
            let ids = |order: &[&str]| Some(Value::from(order.to_vec()));
            let side = self.conflict(path, Reason::BothReordered, [ids(&b), ids(&o), ids(&t)]);
            path.pop();
            side
        }
    }
}

/// The field that identifies an entry of the list at `path`.
fn key_field(path: &[Step]) -> &'static str {
    match path.last() {
        Some(Step::Field(name)) if name == "contributors" => "agency",
        Some(Step::Field(name)) if name == "depends_on" => "mission",
        _ => "id",
    }
}

/// A list's entries by key, and the keys in the order they first come.
struct Grouped<'v> {
    order: Vec<&'v str>,
    entries: HashMap<&'v str, Vec<&'v Value>>,
}

impl<'v> Grouped<'v> {
    fn new(list: &'v [Value], key: &str) -> Self {
        let mut order = Vec::with_capacity(list.len());
        let mut entries: HashMap<&str, Vec<&Value>> = HashMap::with_capacity(list.len());
        for entry in list {
            let k = entry.get(key).and_then(Value::as_str).unwrap_or_default();
            let same = entries.entry(k).or_default();
            if same.is_empty() {
                order.push(k);
            }
            same.push(entry);
        }
        Self { order, entries }
    }

    fn entries(&self, key: &str) -> &[&'v Value] {
        self.entries.get(key).map_or(&[], Vec::as_slice)
    }
}

/// Entries of one key as a conflict shows them: absent, the entry, or the repeated entries.
fn entries_value(entries: &[&Value]) -> Option<Value> {
    match entries {
        [] => None,
        [one] => Some((*one).clone()),
        many => Some(Value::Array(many.iter().map(|&v| v.clone()).collect())),
    }
}

/// A list merged as a set: kept where both kept it, added where one added it, removed where
/// one removed it.
fn set_merge(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let text = |list: &[Value]| list.iter().map(Value::to_string).collect::<Vec<_>>();
    let (b, o, t) = (text(base), text(ours), text(theirs));
    let member = |x: &str| {
        let has = |list: &[String]| list.iter().any(|y| y == x);
        (has(&o) && has(&t)) || ((has(&o) || has(&t)) && !has(&b))
    };
    let orders = [&b, &o, &t].map(|list| list.iter().map(String::as_str).collect::<Vec<_>>());
    let by_text: HashMap<&str, &Value> = o
        .iter()
        .zip(ours)
        .chain(t.iter().zip(theirs))
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    order::arrange(Side::Ours, orders.each_ref().map(Vec::as_slice), &member)
        .into_iter()
        .filter_map(|k| by_text.get(k).map(|&v| v.clone()))
        .collect()
}
