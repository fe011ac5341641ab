//! The walk a merge and an integration share: over the base and its sides (ours and theirs,
//! or every update), value by value, taking what the sides that changed a value agree on and
//! recording a conflict where they disagree (see the module above for the rules).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{Map, Value};

use super::conflict::{Change, MergeConflict, Reason, Step};
use super::order;
use crate::format;
use crate::model::{Mission, Roadmap};

/// One version of a roadmap as the merge reads it: everything but the missions as a JSON
/// value (merged without knowing its fields), and the missions.
#[derive(Clone, Debug)]
pub(super) struct Version {
    pub(super) rest: Value,
    pub(super) missions: Vec<Mission>,
}

impl Version {
    /// The roadmap as merged: its `version` field left out, since each side writes the lowest
    /// version that holds its own content (one side's outcome, the other's accepted conflict
    /// are no conflict); the merged roadmap is read as the newest version and written with
    /// the lowest that holds the result.
    pub(super) fn of(roadmap: &Roadmap) -> Self {
        let mut rest = format::to_value(&roadmap.without_missions());
        if let Some(fields) = rest.as_object_mut() {
            fields.remove("version");
        }
        Self {
            rest,
            missions: roadmap.missions.clone(),
        }
    }

    /// No version at all: every field absent.
    pub(super) fn none() -> Self {
        Self {
            rest: Value::Object(Map::new()),
            missions: Vec::new(),
        }
    }
}

/// One walk over the versions: the base, then the sides (ours and theirs for a merge; every
/// update for an integration). The walk visits conflicts in the same order whatever is
/// chosen, so a conflict's position names it across walks.
pub(super) struct Merger<'a> {
    /// For each conflict (by position), the version whose value settles it (0 the base).
    choose: &'a dyn Fn(usize) -> usize,
    /// The version whose order a merged list follows, with the others' additions placed in it.
    primary: usize,
    pub(super) conflicts: Vec<MergeConflict>,
    /// With `Some`, each value sides changed alike is a change of its own (an integration
    /// reviewed change by change): recorded, and taken only where the review accepts it.
    pub(super) review: Option<Review<'a>>,
    /// Why an entry merged field by field is not a valid entry, for the first such entry.
    invalid: Option<String>,
}

/// The changes a walk met, and which of them (by position) it takes.
pub(super) struct Review<'a> {
    accept: &'a dyn Fn(usize) -> bool,
    pub(super) changes: Vec<Change>,
}

impl<'a> Merger<'a> {
    pub(super) fn new(choose: &'a dyn Fn(usize) -> usize, primary: usize) -> Self {
        Self {
            choose,
            primary,
            conflicts: Vec::new(),
            review: None,
            invalid: None,
        }
    }

    /// A walk that records each change and takes those `accept` accepts.
    pub(super) fn reviewing(mut self, accept: &'a dyn Fn(usize) -> bool) -> Self {
        self.review = Some(Review {
            accept,
            changes: Vec::new(),
        });
        self
    }

    /// Records a change at `path` from `base` to `value`, which the sides at `sides` (0 the
    /// first side) made, and says whether this walk takes it; without a review, every change
    /// is taken as a whole and none recorded.
    fn change(
        &mut self,
        path: &[Step],
        [base, value]: [Option<Value>; 2],
        sides: Vec<usize>,
    ) -> bool {
        let Some(review) = &mut self.review else {
            return true;
        };
        let accepted = (review.accept)(review.changes.len());
        review.changes.push(Change {
            path: path.to_vec(),
            base,
            value,
            sides,
        });
        accepted
    }

    /// The whole roadmap: everything but the missions, then the missions.
    pub(super) fn roadmap(&mut self, versions: &[Version]) -> (Value, Vec<Mission>) {
        let rests: Vec<Option<&Value>> = versions.iter().map(|v| Some(&v.rest)).collect();
        let rest = self.value(&mut Vec::new(), &rests);
        let sides: Vec<&[Mission]> = versions.iter().map(|v| v.missions.as_slice()).collect();
        let missions = self.keyed_list(&mut vec![Step::Field("missions".to_owned())], "id", &sides);
        (rest.unwrap_or(Value::Null), missions)
    }

    /// The roadmap a walk made, or why it is not a valid one.
    pub(super) fn finish(&self, rest: Value, missions: Vec<Mission>) -> Result<Roadmap, String> {
        let invalid = |err: &str| {
            format!("the merged roadmap is not valid ({err}): resolve it on one side first")
        };
        if let Some(err) = &self.invalid {
            return Err(invalid(err));
        }
        let mut rest = rest;
        if let Some(fields) = rest.as_object_mut() {
            fields.insert("version".to_owned(), format::CURRENT_VERSION.into());
        }
        let mut roadmap = format::from_value(&rest).map_err(|err| invalid(&err.to_string()))?;
        roadmap.missions = missions;
        Ok(roadmap)
    }

    /// Records a conflict (`values`: the base's, then each side's) and says which version
    /// settles it in this walk.
    fn conflict(&mut self, path: &[Step], reason: Reason, values: Vec<Option<Value>>) -> usize {
        let chosen = (self.choose)(self.conflicts.len());
        let mut values = values.into_iter();
        let base = values.next().flatten();
        self.conflicts.push(MergeConflict {
            path: path.to_vec(),
            reason,
            base,
            sides: values.collect(),
        });
        chosen
    }

    /// The merge of an entry of a list: `None` when it is deleted. An entry no side changed,
    /// or that the sides changed alike (most of them), is taken as it is; the others are
    /// merged as JSON values.
    fn entry<T: Entry>(&mut self, path: &mut Vec<Step>, versions: &[Option<&T>]) -> Option<T> {
        let base = versions[0];
        if let Some(taken) = agreed(versions) {
            if self.review.is_none() || taken == base {
                return taken.cloned();
            }
            // Reviewed: an entry added or removed is one change, one changed is reviewed
            // field by field below.
            if base.is_none() || taken.is_none() {
                let sides = (1..versions.len()).filter(|&k| versions[k] == taken);
                let values = [base, taken].map(|e| e.map(Entry::to_value));
                let accepted = self.change(path, values, sides.map(|k| k - 1).collect());
                return if accepted { taken } else { base }.cloned();
            }
        }
        // As JSON, each made once: most sides have the base's entry.
        let base_value = base.map(Entry::to_value);
        let own: Vec<Option<Option<Value>>> = (versions[1..].iter())
            .map(|&side| (side != base).then(|| side.map(Entry::to_value)))
            .collect();
        let values: Vec<Option<&Value>> = std::iter::once(base_value.as_ref())
            .chain(own.iter().map(|own| match own {
                Some(value) => value.as_ref(),
                None => base_value.as_ref(),
            }))
            .collect();
        let merged = self.value(path, &values)?;
        match T::from_value(merged) {
            Ok(entry) => Some(entry),
            Err(err) => {
                self.invalid.get_or_insert(err);
                None
            }
        }
    }

    /// The merge of a value (a field, or an entry of a list): `None` when it is absent.
    fn value(&mut self, path: &mut Vec<Step>, versions: &[Option<&Value>]) -> Option<Value> {
        let (base, sides) = versions.split_first()?;
        if let Some(taken) = agreed(versions) {
            if self.review.is_none() || taken == *base {
                return taken.cloned();
            }
            if let (Some(Value::Object(_)), Some(Value::Object(_))) = (base, taken) {
                return Some(Value::Object(self.object(path, versions)));
            }
            let made_by = (0..sides.len()).filter(|&k| sides[k] == taken).collect();
            let accepted = self.change(path, [*base, taken].map(|v| v.cloned()), made_by);
            return if accepted { taken } else { *base }.cloned();
        }
        let changed = || sides.iter().filter(|side| *side != base);
        // When the walk follows the base (an integration), an entry the base lacks that sides
        // add differently is one conflict, so that keeping the base's value leaves it out; a
        // merge, which follows ours, merges such entries field by field.
        let whole = base.is_none() && self.primary == 0;
        if !whole
            && matches!(base, None | Some(Value::Object(_)))
            && changed().all(|side| matches!(side, Some(Value::Object(_))))
        {
            return Some(Value::Object(self.object(path, versions)));
        }
        let reason = if changed().any(Option::is_none) {
            Reason::DeletedAndChanged
        } else {
            Reason::BothChanged
        };
        let values = versions.iter().map(|v| v.cloned()).collect();
        let chosen = self.conflict(path, reason, values);
        versions.get(chosen).copied().flatten().cloned()
    }

    /// Objects merged field by field; an absent field of a list or object is an empty one.
    fn object(&mut self, path: &mut Vec<Step>, versions: &[Option<&Value>]) -> Map<String, Value> {
        let maps: Vec<Option<&Map<String, Value>>> = versions
            .iter()
            .map(|v| v.and_then(Value::as_object))
            .collect();
        // In the primary version's order (the file's), then what only the others have.
        let mut names: Vec<&String> = Vec::new();
        for k in versions_from(self.primary, maps.len()) {
            for name in maps[k].into_iter().flat_map(Map::keys) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let mut merged = Map::new();
        for name in names {
            let values: Vec<Option<&Value>> =
                maps.iter().map(|m| m.and_then(|m| m.get(name))).collect();
            path.push(Step::Field(name.clone()));
            let lists = values.iter().flatten().all(|v| v.is_array());
            let value = if lists && values[1..].iter().any(Option::is_some) {
                let lists: Vec<&[Value]> = (values.iter())
                    .map(|v| v.and_then(Value::as_array).map_or(&[][..], |l| l))
                    .collect();
                Some(Value::Array(self.list(path, &lists)))
            } else {
                self.value(path, &values)
            };
            path.pop();
            if let Some(value) = value {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }

    /// A list: by key when its entries have one, else as a set.
    fn list(&mut self, path: &mut Vec<Step>, versions: &[&[Value]]) -> Vec<Value> {
        let whole: Vec<Option<&[Value]>> = versions.iter().map(|&v| Some(v)).collect();
        let key = key_field(path);
        let keyed = (versions.iter().copied().flatten())
            .all(|entry| entry.get(key).and_then(Value::as_str).is_some());
        if let Some(taken) = agreed(&whole) {
            let taken = taken.unwrap_or_default();
            if self.review.is_none() || taken == versions[0] {
                return taken.to_vec();
            }
            // Reviewed: a keyed list entry by entry (below), a set as one change.
            if !keyed {
                let made_by = (1..versions.len()).filter(|&k| versions[k] == taken);
                let values = [versions[0], taken].map(|l| Some(Value::from(l.to_vec())));
                let accepted = self.change(path, values, made_by.map(|k| k - 1).collect());
                return if accepted { taken } else { versions[0] }.to_vec();
            }
        }
        if keyed {
            self.keyed_list(path, key, versions)
        } else {
            set_merge(versions, &versions_from(self.primary, versions.len()))
        }
    }

    /// Entries matched by `key`, merged one by one, in the order of [`order`].
    fn keyed_list<T: Entry>(&mut self, path: &mut Vec<Step>, key: &str, sides: &[&[T]]) -> Vec<T> {
        let grouped: Vec<Grouped<T>> = sides.iter().map(|side| Grouped::new(side, key)).collect();
        let mut keys: Vec<&str> = Vec::new();
        let mut seen = HashSet::default();
        for k in versions_from(self.primary, grouped.len()) {
            keys.extend(grouped[k].order.iter().copied().filter(|k| seen.insert(*k)));
        }
        // The merged entries of each key, one after the other, and where each key's are.
        let mut entries: Vec<Option<T>> = Vec::with_capacity(keys.len());
        let mut spans: HashMap<&str, (usize, usize)> =
            HashMap::with_capacity_and_hasher(keys.len(), Default::default());
        // Each version's entries of the key at hand (one buffer for all keys).
        let mut of_key: Vec<&[&T]> = Vec::with_capacity(grouped.len());
        for &k in &keys {
            let start = entries.len();
            of_key.clear();
            of_key.extend(grouped.iter().map(|g| g.entries(k)));
            // Most entries are the same on every side, or changed on one: taken as they are.
            match agreed_at(of_key.len(), |v| of_key[v]) {
                Some(taken) if self.review.is_none() || of_key[taken] == of_key[0] => {
                    entries.extend(of_key[taken].iter().map(|&e| Some(e.clone())));
                }
                _ => {
                    path.push(Step::Entry {
                        key: key.to_owned(),
                        value: k.to_owned(),
                    });
                    if of_key.iter().all(|e| e.len() <= 1) {
                        let firsts: Vec<Option<&T>> =
                            of_key.iter().map(|e| e.first().copied()).collect();
                        entries.push(self.entry(path, &firsts));
                    } else {
                        let kept = self.repeated(path, &of_key);
                        entries.extend(kept.iter().map(|&e| Some(e.clone())));
                    }
                    path.pop();
                }
            }
            spans.insert(k, (start, entries.len()));
        }
        let orders: Vec<&[&str]> = grouped.iter().map(|g| g.order.as_slice()).collect();
        let primary = if order::is_lane_order(path) {
            self.lane_order(path, &orders)
        } else {
            self.primary
        };
        let span = |k: &str| spans.get(k).map_or(0..0, |&(start, end)| start..end);
        let present = |k: &str| entries[span(k)].iter().any(Option::is_some);
        let arranged = order::arrange(&versions_from(primary, orders.len()), &orders, &present);
        let mut merged = Vec::with_capacity(entries.len());
        for k in arranged {
            merged.extend(entries[span(k)].iter_mut().filter_map(Option::take));
        }
        merged
    }

    /// The entries kept of a key some version repeats: a change when the sides that changed
    /// them agree, else a conflict (which entry matches which is not guessed).
    fn repeated<'e, T: Entry>(&mut self, path: &[Step], of_key: &[&'e [&'e T]]) -> &'e [&'e T] {
        match agreed_at(of_key.len(), |v| of_key[v]) {
            Some(taken) => {
                let made_by = (1..of_key.len()).filter(|&k| of_key[k] == of_key[taken]);
                let values = [of_key[0], of_key[taken]].map(entries_value);
                let accepted = self.change(path, values, made_by.map(|k| k - 1).collect());
                if accepted { of_key[taken] } else { of_key[0] }
            }
            None => {
                let values = of_key.iter().map(|e| entries_value(e)).collect();
                let chosen = self.conflict(path, Reason::RepeatedId, values);
                of_key.get(chosen).copied().unwrap_or_default()
            }
        }
    }

    /// Whose order the lanes follow: the primary version's, or the sides' that reordered them
    /// alike, or a conflict when sides reordered them differently. Only the order of the
    /// entries every version shares counts.
    fn lane_order(&mut self, path: &mut Vec<Step>, orders: &[&[&str]]) -> usize {
        let in_all = |k: &&str| orders.iter().all(|o| o.contains(k));
        let shared: Vec<Vec<&str>> = (orders.iter())
            .map(|order| order.iter().copied().filter(in_all).collect())
            .collect();
        let base = &shared[0];
        let reordered = || (1..shared.len()).filter(|&k| &shared[k] != base);
        let Some(first) = reordered().next() else {
            return self.primary;
        };
        path.push(Step::Order);
        let ids = |k: usize| Some(Value::from(shared[k].clone()));
        if reordered().all(|k| shared[k] == shared[first]) {
            let taken = if shared[self.primary] == shared[first] {
                self.primary
            } else {
                let made_by = (1..shared.len()).filter(|&k| shared[k] == shared[first]);
                let accepted =
                    self.change(path, [ids(0), ids(first)], made_by.map(|k| k - 1).collect());
                if accepted { first } else { self.primary }
            };
            path.pop();
            return taken;
        }
        let values = shared
            .iter()
            .map(|ids| Some(Value::from(ids.clone())))
            .collect();
        let chosen = self.conflict(path, Reason::BothReordered, values);
        path.pop();
        chosen
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

/// An entry of a keyed list: a JSON value, or a mission (missions are most of a roadmap, so
/// they are compared as they are and made JSON only where the sides differ).
trait Entry: Clone + PartialEq {
    /// The value of its identifying field.
    fn key(&self, field: &str) -> Option<&str>;
    fn to_value(&self) -> Value;
    fn from_value(value: Value) -> Result<Self, String>;
}

impl Entry for Value {
    fn key(&self, field: &str) -> Option<&str> {
        self.get(field).and_then(Value::as_str)
    }

    fn to_value(&self) -> Value {
        self.clone()
    }

    fn from_value(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

impl Entry for Mission {
    fn key(&self, field: &str) -> Option<&str> {
        (field == "id").then_some(self.id.as_str())
    }

    fn to_value(&self) -> Value {
        format::mission_to_value(self)
    }

    fn from_value(value: Value) -> Result<Self, String> {
        format::mission_from_value(&value).map_err(|err| err.to_string())
    }
}

/// A list's entries by key, and the keys in the order they first come.
struct Grouped<'v, T> {
    order: Vec<&'v str>,
    /// The entry of each key.
    first: HashMap<&'v str, &'v T>,
    /// All the entries of each key that has more than one.
    repeated: HashMap<&'v str, Vec<&'v T>>,
}

impl<'v, T: Entry> Grouped<'v, T> {
    fn new(list: &'v [T], key: &str) -> Self {
        let mut order = Vec::with_capacity(list.len());
        let mut first: HashMap<&str, &T> =
            HashMap::with_capacity_and_hasher(list.len(), Default::default());
        let mut repeated: HashMap<&str, Vec<&T>> = HashMap::default();
        for entry in list {
            let k = entry.key(key).unwrap_or_default();
            match first.get(k) {
                None => {
                    first.insert(k, entry);
                    order.push(k);
                }
                Some(&earlier) => repeated
                    .entry(k)
                    .or_insert_with(|| vec![earlier])
                    .push(entry),
            }
        }
        Self {
            order,
            first,
            repeated,
        }
    }

    fn entries(&self, key: &str) -> &[&'v T] {
        match (self.repeated.get(key), self.first.get(key)) {
            (Some(all), _) => all,
            (None, Some(one)) => std::slice::from_ref(one),
            (None, None) => &[],
        }
    }
}

/// Entries of one key as a conflict shows them: absent, the entry, or the repeated entries.
fn entries_value<T: Entry>(entries: &[&T]) -> Option<Value> {
    match entries {
        [] => None,
        [one] => Some(one.to_value()),
        many => Some(Value::Array(many.iter().map(|v| v.to_value()).collect())),
    }
}

/// A list merged as a set: an entry of the base is kept where every side kept it, one that
/// is not is added where a side added it; in the order of the versions `order` gives.
fn set_merge(versions: &[&[Value]], order: &[usize]) -> Vec<Value> {
    let texts: Vec<Vec<String>> = (versions.iter())
        .map(|list| list.iter().map(Value::to_string).collect())
        .collect();
    let has = |list: &[String], x: &str| list.iter().any(|y| y == x);
    let member = |x: &str| {
        if has(&texts[0], x) {
            texts[1..].iter().all(|side| has(side, x))
        } else {
            texts[1..].iter().any(|side| has(side, x))
        }
    };
    let orders: Vec<Vec<&str>> = (texts.iter())
        .map(|list| list.iter().map(String::as_str).collect())
        .collect();
    let orders: Vec<&[&str]> = orders.iter().map(Vec::as_slice).collect();
    let by_text: HashMap<&str, &Value> = (texts[1..].iter().zip(&versions[1..]))
        .flat_map(|(texts, values)| texts.iter().zip(values.iter()))
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    order::arrange(order, &orders, &member)
        .into_iter()
        .filter_map(|k| by_text.get(k).map(|&v| v.clone()))
        .collect()
}

/// The `count` versions in the order their keys, fields and entries are taken: `primary`, the
/// sides, then the base.
fn versions_from(primary: usize, count: usize) -> Vec<usize> {
    let mut order = vec![primary];
    order.extend((1..count).chain([0]).filter(|&k| k != primary));
    order
}

/// The rule every merge starts with: what no side changed (the base), or what the sides that
/// changed it agree on. `None` when sides changed it differently.
fn agreed<'a, T: PartialEq + ?Sized>(versions: &[Option<&'a T>]) -> Option<Option<&'a T>> {
    agreed_at(versions.len(), |k| versions[k]).map(|k| versions[k])
}

/// [`agreed`] over `count` versions whose values `value` gives: the version whose value is
/// taken. Asks for values without collecting them, as most entries of a list are alike.
fn agreed_at<T: PartialEq>(count: usize, value: impl Fn(usize) -> T) -> Option<usize> {
    let base = value(0);
    let mut changed = (1..count).filter(|&k| value(k) != base);
    match changed.next() {
        None => Some(if count > 1 { 1 } else { 0 }),
        Some(first) => {
            let taken = value(first);
            changed.all(|k| value(k) == taken).then_some(first)
        }
    }
}
