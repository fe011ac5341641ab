//! A value derived from the roadmap, kept between frames and made again only when what it is
//! made from changes (the document generation, what is shown): panels count once per change,
//! not once per frame.

/// A value made for a key.
pub struct Memo<K, V> {
    made_for: Option<K>,
    value: V,
}

impl<K, V: Default> Default for Memo<K, V> {
    fn default() -> Self {
        Self {
            made_for: None,
            value: V::default(),
        }
    }
}

impl<K: PartialEq + Clone, V> Memo<K, V> {
    /// The value for `key`, made by `make` when the last one was made for another key.
    pub fn get(&mut self, key: &K, make: impl FnOnce() -> V) -> &V {
        if self.made_for.as_ref() != Some(key) {
            self.value = make();
            self.made_for = Some(key.clone());
        }
        &self.value
    }
}
