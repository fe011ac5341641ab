//! Three-way merge of roadmaps by meaning: entries matched by id, fields merged one by one.
//!
//! The merge works on the JSON values of the canonical file, not on the model, so a field added
//! to the format later merges by the same rules with no code of its own. (Missions, most of a
//! roadmap, are compared as they are and made JSON values only where the sides differ.)
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

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{Map, Value};

use crate::analysis::{Conflict, find_conflicts};
use crate::format;
use crate::model::{Mission, Roadmap};

pub use conflict::{MergeConflict, Reason, Side, Step};

/// One version of a roadmap as the merge reads it: everything but the missions as a JSON
/// value (merged without knowing its fields), and the missions.
#[derive(Clone, Debug)]
struct Version {
    rest: Value,
    missions: Vec<Mission>,
}

impl Version {
    /// The roadmap as merged: its `version` field left out, since each side writes the lowest
    /// version that holds its own content (one side's outcome, the other's accepted conflict
    /// are no conflict); the merged roadmap is read as the newest version and written with
    /// the lowest that holds the result.
    fn of(roadmap: &Roadmap) -> Self {
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
    fn none() -> Self {
        Self {
            rest: Value::Object(Map::new()),
            missions: Vec::new(),
        }
    }
}

/// Three versions of a roadmap and the conflicts between them.
#[derive(Clone, Debug)]
pub struct Merge {
    versions: [Version; 3],
    conflicts: Vec<MergeConflict>,
    /// The resolution with ours everywhere.
    merged: Result<Roadmap, String>,
}

impl Merge {
    /// Merges `ours` and `theirs`, both made from `base`.
    pub fn new(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_versions([base, ours, theirs].map(Version::of))
    }

    /// Merges when nothing says what both sides started from (git's both-added case, or
    /// markers without a base section): every difference between them is a conflict.
    pub fn without_base(ours: &Roadmap, theirs: &Roadmap) -> Self {
        Self::of_versions([Version::none(), Version::of(ours), Version::of(theirs)])
    }

    fn of_versions(versions: [Version; 3]) -> Self {
        let mut merger = Merger::new(&|_| Side::Ours);
        let (rest, missions) = merger.roadmap(&versions);
        let merged = merger.finish(rest, missions);
        Self {
            versions,
            conflicts: merger.conflicts,
            merged,
        }
    }

    /// The merged roadmap with ours wherever the sides conflict: the merge itself when it is
    /// clean. Made with the merge, so asking costs nothing.
    pub fn merged(&self) -> Result<&Roadmap, &str> {
        self.merged.as_ref().map_err(String::as_str)
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
        let mut merger = Merger::new(&choose);
        let (rest, missions) = merger.roadmap(&self.versions);
        merger.finish(rest, missions)
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
    /// Why an entry merged field by field is not a valid entry, for the first such entry.
    invalid: Option<String>,
}

impl<'a> Merger<'a> {
    fn new(choose: &'a dyn Fn(usize) -> Side) -> Self {
        Self {
            choose,
            conflicts: Vec::new(),
            invalid: None,
        }
    }

    /// The whole roadmap: everything but the missions, then the missions.
    fn roadmap(&mut self, [base, ours, theirs]: &[Version; 3]) -> (Value, Vec<Mission>) {
        let rest = self.value(
            &mut Vec::new(),
            Some(&base.rest),
            Some(&ours.rest),
            Some(&theirs.rest),
        );
        let sides = [base, ours, theirs].map(|v| v.missions.as_slice());
        let missions = self.keyed_list(&mut vec![Step::Field("missions".to_owned())], "id", sides);
        (rest.unwrap_or(Value::Null), missions)
    }

    /// The roadmap a walk made, or why it is not a valid one.
    fn finish(&self, rest: Value, missions: Vec<Mission>) -> Result<Roadmap, String> {
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

    /// The merge of an entry of a list: `None` when it is deleted. An entry both sides left
    /// alone (most of them) is taken as it is; the others are merged as JSON values.
    fn entry<T: Entry>(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<&T>,
        ours: Option<&T>,
        theirs: Option<&T>,
    ) -> Option<T> {
        if let Some(taken) = unchanged_or_one_side(base, ours, theirs) {
            return taken.cloned();
        }
        let [b, o, t] = [base, ours, theirs].map(|e| e.map(Entry::to_value));
        let merged = self.value(path, b.as_ref(), o.as_ref(), t.as_ref())?;
        match T::from_value(merged) {
            Ok(entry) => Some(entry),
            Err(err) => {
                self.invalid.get_or_insert(err);
                None
            }
        }
    }

    /// The merge of a value (a field, or an entry of a list): `None` when it is absent.
    fn value(
        &mut self,
        path: &mut Vec<Step>,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if let Some(taken) = unchanged_or_one_side(base, ours, theirs) {
            return taken.cloned();
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
        // In ours' order (the file's), then what only theirs or the base has.
        let mut names: Vec<&String> = Vec::with_capacity(ours.len());
        for name in ours
            .keys()
            .chain(theirs.keys())
            .chain(base.into_iter().flat_map(Map::keys))
        {
            if !names.contains(&name) {
                names.push(name);
            }
        }
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
    fn keyed_list<T: Entry>(
        &mut self,
        path: &mut Vec<Step>,
        key: &str,
        sides: [&[T]; 3],
    ) -> Vec<T> {
        let grouped = sides.map(|side| Grouped::new(side, key));
        let mut keys: Vec<&str> = Vec::new();
        let mut seen = HashSet::default();
        for side in [&grouped[1], &grouped[2], &grouped[0]] {
            keys.extend(side.order.iter().copied().filter(|k| seen.insert(*k)));
        }
        // The merged entries of each key, one after the other, and where each key's are.
        let mut entries: Vec<Option<T>> = Vec::with_capacity(keys.len());
        let mut spans: HashMap<&str, (usize, usize)> =
            HashMap::with_capacity_and_hasher(keys.len(), Default::default());
        for &k in &keys {
            let [b, o, t] = [0, 1, 2].map(|i| grouped[i].entries(k));
            // Most entries are the same on both sides, or changed on one: taken as they are.
            let taken = if o == t || t == b {
                Some(o)
            } else if o == b {
                Some(t)
            } else {
                None
            };
            let start = entries.len();
            match taken {
                Some(side) => entries.extend(side.iter().map(|&e| Some(e.clone()))),
                None => {
                    path.push(Step::Entry {
                        key: key.to_owned(),
                        value: k.to_owned(),
                    });
                    match [b, o, t] {
                        [[] | [_], [] | [_], [] | [_]] => {
                            let [b, o, t] = [b, o, t].map(|e| e.first().copied());
                            entries.push(self.entry(path, b, o, t));
                        }
                        _ => {
                            let values = [b, o, t].map(entries_value);
                            let side = self.conflict(path, Reason::RepeatedId, values);
                            entries.extend(side.pick(b, o, t).iter().map(|&e| Some(e.clone())));
                        }
                    }
                    path.pop();
                }
            }
            spans.insert(k, (start, entries.len()));
        }
        let orders = grouped.each_ref().map(|g| g.order.as_slice());
        let primary = if order::is_lane_order(path) {
            self.lane_order(path, orders)
        } else {
            Side::Ours
        };
        let span = |k: &str| spans.get(k).map_or(0..0, |&(start, end)| start..end);
        let present = |k: &str| entries[span(k)].iter().any(Option::is_some);
        let arranged = order::arrange(primary, orders, &present);
        let mut merged = Vec::with_capacity(entries.len());
        for k in arranged {
            merged.extend(entries[span(k)].iter_mut().filter_map(Option::take));
        }
        merged
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

/// The rule every merge starts with: what both sides agree on, or what one side changed when
/// the other left the base alone. `None` when both changed it differently.
fn unchanged_or_one_side<'a, T: PartialEq>(
    base: Option<&T>,
    ours: Option<&'a T>,
    theirs: Option<&'a T>,
) -> Option<Option<&'a T>> {
    if ours == theirs || theirs == base {
        Some(ours)
    } else if ours == base {
        Some(theirs)
    } else {
        None
    }
}
