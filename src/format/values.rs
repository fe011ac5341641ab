//! How the file spells the model's values: ids as non-empty strings, colours as `#RRGGBB`,
//! dates as `YYYY-MM-DD`, kinds and statuses as their lower-case names. The model knows none
//! of this; these are the only serde impls of its types. (The command line's `--json` outputs
//! spell ids, kinds and severities the same way, through the same impls.)

use std::borrow::Cow;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{
    AgencyId, Color, ConflictKind, DestinationId, GroupBy, MissionId, MissionKind, MissionStatus,
    Outcome, PhaseId, ResourceId, Severity, ViewId,
};

/// Ids are written as they are and read as any non-empty string: an empty id cannot be referred
/// to or shown.
macro_rules! id_spelling {
    ($($id:ty),*) => {$(
        impl Serialize for $id {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $id {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = <Cow<'de, str>>::deserialize(deserializer)?;
                if id.trim().is_empty() {
                    return Err(D::Error::custom("expected a non-empty id"));
                }
                Ok(Self::from(&*id))
            }
        }
    )*};
}

id_spelling!(
    AgencyId,
    DestinationId,
    PhaseId,
    ResourceId,
    MissionId,
    ViewId
);

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        Self::from_hex(&text).ok_or_else(|| {
            D::Error::custom(format!("expected a colour as \"#RRGGBB\", found {text:?}"))
        })
    }
}

/// Dates as `"YYYY-MM-DD"` and nothing else: `#[serde(with = "date")]`.
pub(super) mod date {
    use std::borrow::Cow;

    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::model::date::{parse, to_text};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&to_text(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Enumerations written as a name each. Reading refuses any other word the way serde's own
/// enums do ("unknown variant `crewed`, expected `human` or `robotic`").
macro_rules! named_spelling {
    ($($kind:ty: [$($value:path => $name:literal),* $(,)?] $(aliases [$($alias:literal => $aliased:path),*])?;)*) => {$(
        impl Serialize for $kind {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let name = match self { $($value => $name,)* };
                serializer.serialize_str(name)
            }
        }

        impl<'de> Deserialize<'de> for $kind {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),*];
                let text = <Cow<'de, str>>::deserialize(deserializer)?;
                match &*text {
                    $($name => Ok($value),)*
                    $($($alias => Ok($aliased),)*)?
                    other => Err(D::Error::unknown_variant(other, NAMES)),
                }
            }
        }
    )*};
}

named_spelling! {
    MissionKind: [MissionKind::Human => "human", MissionKind::Robotic => "robotic"];
    MissionStatus: [
        MissionStatus::Concept => "concept",
        MissionStatus::Planned => "planned",
        MissionStatus::Confirmed => "confirmed",
        MissionStatus::Flown => "flown",
        MissionStatus::Paused => "paused",
        MissionStatus::Cancelled => "cancelled",
    ];
    Outcome: [
        Outcome::Success => "success",
        Outcome::Partial => "partial",
        Outcome::Failed => "failed",
    ];
    // The window's settings once spelled lanes with a capital.
    GroupBy: [GroupBy::Destination => "destination", GroupBy::Agency => "agency"]
        aliases ["Destination" => GroupBy::Destination, "Agency" => GroupBy::Agency];
    Severity: [Severity::Error => "error", Severity::Warning => "warning"];
    ConflictKind: [
        ConflictKind::Dependency => "dependency",
        ConflictKind::DependencyCycle => "dependency-cycle",
        ConflictKind::ResourceOverbooked => "resource-overbooked",
        ConflictKind::ResourceGap => "resource-gap",
        ConflictKind::LaunchWindow => "launch-window",
        ConflictKind::AgencyOvercommitted => "agency-overcommitted",
        ConflictKind::UnknownReference => "unknown-reference",
        ConflictKind::DuplicateId => "duplicate-id",
        ConflictKind::InvalidDates => "invalid-dates",
        ConflictKind::DateOvertaken => "date-overtaken",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written<T: Serialize>(value: &T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The file's words are the names the model gives its values in messages and on the
    /// command line, and read back as the same values.
    #[test]
    fn values_are_written_with_the_names_the_model_gives_them() {
        for kind in [MissionKind::Human, MissionKind::Robotic] {
            assert_eq!(written(&kind), kind.name());
        }
        for status in MissionStatus::ALL {
            assert_eq!(written(&status), status.name());
        }
        for outcome in Outcome::ALL {
            assert_eq!(written(&outcome), outcome.name());
        }
        for kind in ConflictKind::ALL {
            assert_eq!(written(&kind), kind.name());
            let read = serde_json::from_value::<ConflictKind>(serde_json::json!(kind.name()));
            assert_eq!(read.ok(), Some(kind));
        }
    }
}
