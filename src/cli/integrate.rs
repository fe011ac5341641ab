//! `ger-planner integrate BASE UPDATE... [-o OUT] [--json]`: the agencies' returned copies of a
//! roadmap applied to the roadmap they were sent out as.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::merge::new_conflicts_text;
use super::outcome::{EXIT_CLEAN, EXIT_FOUND, Outcome, to_json};
use crate::analysis::Conflict;
use crate::format;
use crate::merge::{
    Integration, MergeConflict, conflicts_in_none_of, unrelated_update, value_in_words,
};
use crate::model::{Roadmap, plural};

/// What `integrate` writes besides the files it reads.
#[derive(Clone, Debug, Default)]
pub struct IntegrateOptions {
    /// Where the integrated roadmap goes; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Print the changes, the conflicts left and the new roadmap conflicts as JSON.
    pub json: bool,
}

/// Applies each update to `base`. Exit status 0 when every change was applied, 1 when updates
/// conflict somewhere (the base's value kept there, the rest applied and written), 2 when a
/// file cannot be read (OUT untouched).
pub fn integrate(base: &Path, updates: &[PathBuf], options: &IntegrateOptions) -> Outcome {
    let base_roadmap = match format::read_file(base) {
        Ok(roadmap) => roadmap,
        Err(err) => return Outcome::unreadable(&err),
    };
    // Updates are read side by side: twenty-seven large files are most of the work.
    let read: Result<Vec<Roadmap>, _> = updates.par_iter().map(|p| format::read_file(p)).collect();
    let update_roadmaps = match read {
        Ok(roadmaps) => roadmaps,
        Err(err) => return Outcome::unreadable(&err),
    };
    let integration = Integration::new(&base_roadmap, &update_roadmaps);
    let integrated = match integration.integrated() {
        Ok(roadmap) => roadmap,
        Err(message) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("error: {message}\n"),
                status: EXIT_FOUND,
            };
        }
    };
    let mut inputs = vec![&base_roadmap];
    inputs.extend(&update_roadmaps);
    let made = conflicts_in_none_of(integrated, &inputs);
    let files: Vec<String> = updates.iter().map(|p| p.display().to_string()).collect();
    let warnings: Vec<Option<String>> = (update_roadmaps.iter())
        .map(|update| unrelated_update(&base_roadmap, update))
        .collect();
    let report = Report {
        integration: &integration,
        files: &files,
        warnings: &warnings,
        made: &made,
    };
    let outcome = Outcome {
        stdout: String::new(),
        stderr: report.text(base, options.output.as_deref()),
        status: if integration.is_clean() {
            EXIT_CLEAN
        } else {
            EXIT_FOUND
        },
    };
    let json = options.json.then(|| report.json());
    outcome.deliver(
        options.output.as_deref(),
        &format::to_json(integrated),
        json,
    )
}

/// What an integration did, with the updates' file names.
struct Report<'a> {
    integration: &'a Integration,
    files: &'a [String],
    /// For each update, why it may not be made from the base.
    warnings: &'a [Option<String>],
    /// The roadmap conflicts the integration made.
    made: &'a [Conflict],
}

impl Report<'_> {
    /// For a person, on standard error (the roadmap may go to standard output).
    fn text(&self, base: &Path, out: Option<&Path>) -> String {
        let mut text = format!(
            "{} applied to {}:\n",
            plural(self.files.len(), "update"),
            base.display()
        );
        let changes = self.integration.counts();
        for (k, file) in self.files.iter().enumerate() {
            let count = changes.get(k).copied().unwrap_or(0);
            let said = match count {
                0 => "no changes".to_owned(),
                n => plural(n, "change"),
            };
            text.push_str(&format!("  {file}: {said}\n"));
            if let Some(Some(warning)) = self.warnings.get(k) {
                text.push_str(&format!(
                    "    warning: {warning}: is it a copy of this roadmap?\n"
                ));
            }
        }
        let conflicts = self.integration.conflicts();
        if !conflicts.is_empty() {
            let place = out.map_or("the output".to_owned(), |p| p.display().to_string());
            text.push_str(&format!(
                "{} between updates left, the base's value kept in {place}:\n",
                plural(conflicts.len(), "conflict")
            ));
            for conflict in conflicts {
                text.push_str(&format!("  {}\n", self.describe(conflict)));
            }
        }
        text.push_str(&new_conflicts_text(
            self.made,
            "the result has",
            "that no input had",
        ));
        text
    }

    /// `missions/artemis-3 start: changed differently (base 2027-06-01; nasa.json
    /// 2027-09-01; esa.json 2028-01-01)`.
    fn describe(&self, conflict: &MergeConflict) -> String {
        let field = conflict.field();
        let place = if field.is_empty() {
            conflict.entry()
        } else {
            format!("{} {field}", conflict.entry())
        };
        let mut values = vec![format!("base {}", value_in_words(conflict.value_of(0), 60))];
        values.extend(
            self.changed_by(conflict)
                .map(|(file, value)| format!("{file} {}", value_in_words(value, 60))),
        );
        format!(
            "{place}: {} ({})",
            conflict.why_among_updates(),
            values.join("; ")
        )
    }

    /// The updates that changed the value of `conflict`, with their value.
    fn changed_by<'c>(
        &'c self,
        conflict: &'c MergeConflict,
    ) -> impl Iterator<Item = (&'c str, Option<&'c Value>)> {
        (self.files.iter().enumerate())
            .map(|(k, file)| (file.as_str(), conflict.value_of(k + 1)))
            .filter(|(_, value)| *value != conflict.value_of(0))
    }

    /// `{"clean","updates":[{"file","changes"}],"conflicts":[{"entry","field","reason",
    /// "base","values":[{"file","value"}]}],"new_conflicts"}`; a conflict's values are those
    /// of the updates that changed it.
    fn json(&self) -> String {
        #[derive(Serialize)]
        struct Json<'a> {
            clean: bool,
            updates: Vec<UpdateJson<'a>>,
            conflicts: Vec<ConflictJson<'a>>,
            new_conflicts: &'a [Conflict],
        }
        #[derive(Serialize)]
        struct UpdateJson<'a> {
            file: &'a str,
            changes: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            warning: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct ConflictJson<'a> {
            entry: String,
            field: String,
            reason: &'static str,
            base: Option<&'a Value>,
            values: Vec<ValueJson<'a>>,
        }
        #[derive(Serialize)]
        struct ValueJson<'a> {
            file: &'a str,
            value: Option<&'a Value>,
        }
        let changes = self.integration.counts();
        to_json(&Json {
            clean: self.integration.is_clean(),
            updates: (self.files.iter().enumerate())
                .map(|(k, file)| UpdateJson {
                    file,
                    changes: changes.get(k).copied().unwrap_or(0),
                    warning: self.warnings.get(k).and_then(Option::as_deref),
                })
                .collect(),
            conflicts: (self.integration.conflicts().iter())
                .map(|c| ConflictJson {
                    entry: c.entry(),
                    field: c.field(),
                    reason: c.reason.name(),
                    base: c.value_of(0),
                    values: (self.changed_by(c))
                        .map(|(file, value)| ValueJson { file, value })
                        .collect(),
                })
                .collect(),
            new_conflicts: self.made,
        })
    }
}
