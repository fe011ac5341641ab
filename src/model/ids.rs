//! Ids: short strings, unique within their list. A newtype per list, so a mission id cannot be
//! passed where an agency id is expected.

use rustc_hash::FxHashMap;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// The id as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Id of an agency, e.g. `ESA`.
    AgencyId
);
id_type!(
    /// Id of a destination (a swimlane), e.g. `mars`.
    DestinationId
);
id_type!(
    /// Id of a phase, e.g. `phase-1`.
    PhaseId
);
id_type!(
    /// Id of a shared resource, e.g. `sls`.
    ResourceId
);
id_type!(
    /// Id of a mission, e.g. `artemis-3`.
    MissionId
);
id_type!(
    /// Id of a saved view, e.g. `lunar`.
    ViewId
);

/// `wanted`, else `wanted-2`, `wanted-3`…: the first id that none of `taken` is, for a new entry
/// of a list.
pub fn unused_id<'a>(taken: impl Iterator<Item = &'a str> + Clone, wanted: &str) -> String {
    std::iter::once(wanted.to_owned())
        .chain((2..).map(|n| format!("{wanted}-{n}")))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| wanted.to_owned())
}

/// An id made from a name: its words in lower case joined by "-" ("Lunar 2024–2032" →
/// `lunar-2024-2032`); `fallback` when the name has no letters or digits.
pub fn id_from_name(name: &str, fallback: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        fallback.to_owned()
    } else {
        words.join("-")
    }
}

/// Maps each id of a list to the position of its first entry, and lists the ids used more than
/// once with how often, in order of first use. References to a repeated id go to its first entry.
pub fn id_positions<'r>(
    ids: impl ExactSizeIterator<Item = &'r str>,
) -> (FxHashMap<&'r str, usize>, Vec<(&'r str, usize)>) {
    let mut first = FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
    let mut counts: Vec<usize> = Vec::with_capacity(ids.len());
    for (i, id) in ids.enumerate() {
        let position = *first.entry(id).or_insert(i);
        counts.push(0);
        counts[position] += 1;
    }
    let mut repeated: Vec<(&str, usize)> = first
        .iter()
        .filter(|&(_, &i)| counts[i] > 1)
        .map(|(&id, &i)| (id, counts[i]))
        .collect();
    repeated.sort_by_key(|&(id, _)| first[id]);
    (first, repeated)
}

#[cfg(test)]
mod unused_id_tests {
    use super::{id_from_name, unused_id};

    #[test]
    fn the_wanted_id_else_the_first_numbered_one_free() {
        assert_eq!(unused_id(["a", "b"].into_iter(), "new"), "new");
        assert_eq!(unused_id(["new", "new-2"].into_iter(), "new"), "new-3");
    }

    #[test]
    fn ids_made_from_names_are_their_words_in_lower_case() {
        assert_eq!(id_from_name("Lunar 2024–2032", "view"), "lunar-2024-2032");
        assert_eq!(
            id_from_name("  ESA's  contributions ", "view"),
            "esa-s-contributions"
        );
        assert_eq!(id_from_name("— …", "view"), "view");
    }
}
