//! What the window says after an edit, for a screen reader (a polite live region in the status
//! bar) and for everyone: "Nudge Artemis IV: 1 April 2029 to 1 May 2029; 1 new conflict".

use std::collections::BTreeSet;

use super::session::Session;
use super::words::day_in_words;
use crate::edit::MissionKey;
use crate::model::plural;

/// The session as it was before this frame's actions: what an announcement compares with.
pub struct Before {
    generation: u64,
    undo_count: usize,
    /// The one mission selected, with its dates.
    single: Option<(MissionKey, chrono::NaiveDate, chrono::NaiveDate)>,
    /// The messages of the open conflicts.
    open: BTreeSet<String>,
}

impl Before {
    /// Notes what an announcement will compare with.
    pub fn of(session: &Session) -> Self {
        let single = (session.single_selected())
            .and_then(|key| session.mission(key).map(|m| (key, m.start, m.end)));
        Self {
            generation: session.document().generation(),
            undo_count: session.document().undo_count(),
            single,
            open: open_conflicts(session),
        }
    }

    /// What to announce now that the actions were applied: nothing unless the roadmap changed
    /// by a step of its own (a drag announces once, when dropped).
    pub fn announcement(&self, session: &Session) -> Option<String> {
        let document = session.document();
        if document.generation() == self.generation || document.in_gesture() {
            return None;
        }
        let step = match document.undo_count().cmp(&self.undo_count) {
            std::cmp::Ordering::Less => format!("Undone: {}", document.redo_label()?),
            _ => document.undo_label()?.to_owned(),
        };
        let mut text = step;
        if let Some((key, start, end)) = self.single
            && let Some(now) = session.mission(key)
            && (now.start, now.end) != (start, end)
        {
            text.push_str(&format!(
                ": {} to {}",
                day_in_words(now.start),
                day_in_words(now.end)
            ));
        }
        let after = open_conflicts(session);
        let new = after.difference(&self.open).count();
        let gone = self.open.difference(&after).count();
        text.push_str(&match (new, gone) {
            (0, 0) => "; no new conflict".to_owned(),
            (new, 0) => format!("; {} new", plural(new, "conflict")),
            (0, gone) => format!("; {} resolved", plural(gone, "conflict")),
            (new, gone) => format!("; {} new, {} resolved", plural(new, "conflict"), gone),
        });
        Some(text)
    }
}

/// The messages of the conflicts not accepted.
fn open_conflicts(session: &Session) -> BTreeSet<String> {
    let review = session.review();
    (session.conflicts().iter().enumerate())
        .filter(|(k, _)| !review.is_accepted(*k))
        .map(|(_, c)| c.message.clone())
        .collect()
}
