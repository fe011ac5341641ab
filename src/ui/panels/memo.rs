//! A value a panel derives from the session (counts, histograms), kept between frames and made
//! again only in the first frame of a new session revision: panels count once per change, not
//! once per frame, and since the revision changes with anything the session holds, a panel's
//! value cannot miss a change.

use crate::ui::session::Session;

/// A value made for one revision of the session.
pub struct Memo<V> {
    made_for: Option<u64>,
    value: V,
}

impl<V: Default> Default for Memo<V> {
    fn default() -> Self {
        Self {
            made_for: None,
            value: V::default(),
        }
    }
}

impl<V> Memo<V> {
    /// The value for `session` as it is, made by `make` when the last one was made for an
    /// earlier revision.
    pub fn get(&mut self, session: &Session, make: impl FnOnce() -> V) -> &V {
        let revision = session.revision();
        if self.made_for != Some(revision) {
            self.value = make();
            self.made_for = Some(revision);
        }
        &self.value
    }
}
