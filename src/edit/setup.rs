//! What the Agencies and Roadmap panels edit: everything of a roadmap but its missions.

use crate::model::Roadmap;

/// Everything of a roadmap but its missions: what the Agencies and Roadmap panels edit. It is
/// a roadmap whose mission list stays empty, so a field added to the roadmap is part of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup(Roadmap);

impl Setup {
    /// The setup of `roadmap`.
    pub fn of(roadmap: &Roadmap) -> Self {
        Self(roadmap.without_missions())
    }

    /// Whether `roadmap` has this setup (without copying it).
    pub fn is_of(&self, roadmap: &Roadmap) -> bool {
        !self.0.differs_besides_missions(roadmap)
    }

    pub(super) fn put(&self, roadmap: &mut Roadmap) {
        roadmap.set_besides_missions(&self.0);
    }
}

impl std::ops::Deref for Setup {
    type Target = Roadmap;

    fn deref(&self) -> &Roadmap {
        &self.0
    }
}

/// The fields are open to edit; the missions are not part of a setup (`put` ignores them).
impl std::ops::DerefMut for Setup {
    fn deref_mut(&mut self) -> &mut Roadmap {
        &mut self.0
    }
}
