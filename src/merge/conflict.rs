//! A merge conflict: where in the roadmap, why, and the value of each side there.

use serde_json::Value;

/// One of the three versions a merge reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The version both sides started from.
    Base,
    /// The version being merged into (git's `%A`, the current branch).
    Ours,
    /// The version merged in.
    Theirs,
}

impl Side {
    /// "base", "ours" or "theirs".
    pub fn name(self) -> &'static str {
        match self {
            Self::Base => "base",
            Self::Ours => "ours",
            Self::Theirs => "theirs",
        }
    }

    /// Its place among the versions a merge reads: the base, then ours, then theirs.
    pub fn version(self) -> usize {
        match self {
            Self::Base => 0,
            Self::Ours => 1,
            Self::Theirs => 2,
        }
    }
}

/// One step of the way from the top of a roadmap to a value in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// The field of an object with this name.
    Field(String),
    /// The entry of a list whose field `key` is `value` (a mission's `id`, a contributor's
    /// `agency`).
    Entry {
        /// The identifying field.
        key: String,
        /// Its value.
        value: String,
    },
    /// The order of the list's entries.
    Order,
}

/// Why the sides could not be merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Both sides changed the value, differently.
    BothChanged,
    /// One side deleted it, the other changed it.
    DeletedAndChanged,
    /// An input has more than one entry with this key and the sides differ there: which
    /// entry matches which is not guessed.
    RepeatedId,
    /// Both sides reordered the lanes, differently.
    BothReordered,
}

impl Reason {
    /// Its name in `merge --json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::BothChanged => "both-changed",
            Self::DeletedAndChanged => "deleted-and-changed",
            Self::RepeatedId => "repeated-id",
            Self::BothReordered => "both-reordered",
        }
    }

    /// What happened, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::BothChanged => "changed on both sides",
            Self::DeletedAndChanged => "deleted on one side, changed on the other",
            Self::RepeatedId => "id repeated in an input",
            Self::BothReordered => "reordered on both sides",
        }
    }
}

/// A value that one or more sides changed alike: in an integration reviewed change by
/// change, one update's (or several updates') change of a field, or an entry added or
/// removed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Where: from the top of the roadmap to the value.
    pub path: Vec<Step>,
    /// The value in the base (`None`: absent).
    pub base: Option<Value>,
    /// The value the sides gave it (`None`: removed).
    pub value: Option<Value>,
    /// The sides that made it (0 the first side).
    pub sides: Vec<usize>,
}

impl Change {
    /// The entry concerned (see [`MergeConflict::entry`]).
    pub fn entry(&self) -> String {
        entry_of(&self.path)
    }

    /// The field of the entry concerned (see [`MergeConflict::field`]).
    pub fn field(&self) -> String {
        field_of(&self.path)
    }

    /// The id of the mission concerned, if the change is in one.
    pub fn mission(&self) -> Option<&str> {
        mission_of(&self.path)
    }
}

/// A place where the sides of a merge (or the updates of an integration) disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeConflict {
    /// Where: from the top of the roadmap to the value.
    pub path: Vec<Step>,
    /// Why it is a conflict.
    pub reason: Reason,
    /// The value in the base (`None`: absent, or deleted).
    pub base: Option<Value>,
    /// The value on each side: ours then theirs in a merge, each update in an integration.
    pub sides: Vec<Option<Value>>,
}

impl MergeConflict {
    /// The entry concerned, as `list/id` (`missions/artemis-3`), the list for its order
    /// (`destinations`), or `roadmap` for a top-level field.
    pub fn entry(&self) -> String {
        entry_of(&self.path)
    }

    /// The field of the entry, with `/` between nested steps (`contributors/ESA/role`);
    /// empty for the whole entry, `order` for a list's order.
    pub fn field(&self) -> String {
        field_of(&self.path)
    }

    /// The id of the mission concerned, if the conflict is in one.
    pub fn mission(&self) -> Option<&str> {
        mission_of(&self.path)
    }

    /// The value of `side` here.
    pub fn value(&self, side: Side) -> Option<&Value> {
        self.value_of(side.version())
    }

    /// The value of the version at `version` here (0 the base, then the sides).
    pub fn value_of(&self, version: usize) -> Option<&Value> {
        match version {
            0 => self.base.as_ref(),
            k => self.sides.get(k - 1)?.as_ref(),
        }
    }

    /// The value of `side` in a few words: a text without its quotes, `(absent)` for none.
    pub fn show(&self, side: Side) -> String {
        value_in_words(self.value(side), usize::MAX)
    }

    /// Why it is a conflict, in words.
    pub fn why(&self) -> &'static str {
        match (self.reason, &self.base) {
            (Reason::BothChanged, None) => "added on both sides, differently",
            (reason, _) => reason.describe(),
        }
    }

    /// Why updates being integrated conflict, in words.
    pub fn why_among_updates(&self) -> &'static str {
        match (self.reason, &self.base) {
            (Reason::BothChanged, None) => "added by several updates, differently",
            (Reason::BothChanged, Some(_)) => "changed differently by several updates",
            (Reason::DeletedAndChanged, _) => "removed by one update, changed by another",
            (Reason::RepeatedId, _) => "id repeated in an update",
            (Reason::BothReordered, _) => "reordered differently by several updates",
        }
    }

    /// One line for a person: `missions/artemis-3 start: changed on both sides (base …, ours
    /// …, theirs …)`.
    pub fn describe(&self) -> String {
        let field = self.field();
        let place = if field.is_empty() {
            self.entry()
        } else {
            format!("{} {field}", self.entry())
        };
        let short = |side| value_in_words(self.value(side), 60);
        format!(
            "{place}: {} (base {}, ours {}, theirs {})",
            self.why(),
            short(Side::Base),
            short(Side::Ours),
            short(Side::Theirs)
        )
    }

    /// Which side's value `roadmap` (a roadmap's JSON value) has here, if any side's.
    pub fn side_of(&self, roadmap: &Value) -> Option<Side> {
        let mut current = value_at(roadmap, &self.path);
        if let (Some(Value::Array(ids)), Some(Value::Array(shared))) =
            (&mut current, self.value(Side::Ours))
            && self.path.last() == Some(&Step::Order)
        {
            ids.retain(|id| shared.contains(id));
        }
        [Side::Ours, Side::Theirs, Side::Base]
            .into_iter()
            .find(|&side| self.value(side) == current.as_ref())
    }
}

/// A value in a few words, at most `longest` characters: a text without its quotes,
/// `(absent)` for none, anything else as JSON.
pub fn value_in_words(value: Option<&Value>, longest: usize) -> String {
    let text = match value {
        None => "(absent)".to_owned(),
        Some(Value::String(text)) => text.clone(),
        Some(value) => value.to_string(),
    };
    crate::model::at_most(text, longest)
}

/// The entry at `path`: `list/id`, a list for its order, or `roadmap`.
fn entry_of(path: &[Step]) -> String {
    match path {
        [Step::Field(list), Step::Entry { value, .. }, ..] => format!("{list}/{value}"),
        [Step::Field(list), Step::Order] => list.clone(),
        _ => "roadmap".to_owned(),
    }
}

/// The field of the entry at `path`, with `/` between nested steps.
fn field_of(path: &[Step]) -> String {
    let rest = match path {
        [Step::Field(_), Step::Entry { .. }, rest @ ..] => rest,
        [Step::Field(_), rest @ Step::Order] => std::slice::from_ref(rest),
        all => all,
    };
    rest.iter()
        .map(|step| match step {
            Step::Field(name) => name.as_str(),
            Step::Entry { value, .. } => value.as_str(),
            Step::Order => "order",
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The id of the mission at `path`, if it is in one.
fn mission_of(path: &[Step]) -> Option<&str> {
    match path {
        [Step::Field(list), Step::Entry { value, .. }, ..] if list == "missions" => Some(value),
        _ => None,
    }
}

/// The value at `path` in `root`, as a conflict shows it: repeated entries as a list of them,
/// a list's order as the list of its keys.
fn value_at(root: &Value, path: &[Step]) -> Option<Value> {
    let mut here = root;
    for (index, step) in path.iter().enumerate() {
        match step {
            Step::Field(name) => here = here.get(name)?,
            Step::Entry { key, value } => {
                let list = here.as_array()?;
                let mut same = list
                    .iter()
                    .filter(|entry| entry.get(key).and_then(Value::as_str) == Some(value));
                match (same.next(), same.next()) {
                    (Some(one), None) => here = one,
                    (None, _) => return None,
                    (Some(first), Some(second)) => {
                        let mut all = vec![first.clone(), second.clone()];
                        all.extend(same.cloned());
                        // Repeated entries are the end of a path: a conflict over them is
                        // about all of them.
                        debug_assert_eq!(index + 1, path.len());
                        return Some(Value::Array(all));
                    }
                }
            }
            Step::Order => {
                let ids = here.as_array()?.iter().filter_map(|e| e.get("id").cloned());
                return Some(Value::Array(ids.collect()));
            }
        }
    }
    Some(here.clone())
}
