//! Presentation mode: the chart alone, full screen, with larger text, stepping through the
//! roadmap's saved views with the keys presentation clickers send.

use egui::{Key, RichText, Ui, ViewportCommand, Visuals};

use crate::layout::{Showing, TimeView};
use crate::model::Roadmap;

/// How much larger everything is drawn, for the back of the room.
const ZOOM: f32 = 1.35;

/// What presenting asks for, from the keys pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentationKey {
    /// PageDown, →, ↓, Space: the next view.
    Next,
    /// PageUp, ←, ↑: the previous view.
    Previous,
    /// Home: the first view.
    First,
    /// End: the last view.
    Last,
    /// C: high contrast on or off.
    Contrast,
    /// Esc or F5: back to editing.
    Leave,
}

/// The keys of presentation mode, taken before the chart sees them (arrows would otherwise
/// nudge the selected missions).
pub fn presentation_keys(ui: &Ui) -> Vec<PresentationKey> {
    use PresentationKey::*;
    let bindings = [
        (Key::PageDown, Next),
        (Key::ArrowRight, Next),
        (Key::ArrowDown, Next),
        (Key::Space, Next),
        (Key::PageUp, Previous),
        (Key::ArrowLeft, Previous),
        (Key::ArrowUp, Previous),
        (Key::Home, First),
        (Key::End, Last),
        (Key::C, Contrast),
        (Key::Escape, Leave),
        (Key::F5, Leave),
    ];
    ui.input_mut(|i| {
        bindings
            .into_iter()
            .filter(|&(key, _)| i.consume_key(egui::Modifiers::NONE, key))
            .map(|(_, action)| action)
            .collect()
    })
}

/// The window as it was before presenting, put back on leaving.
pub struct Presentation {
    /// Position of the view shown in the roadmap's list (none saved: the view one was on).
    pub slide: usize,
    time: TimeView,
    showing: Showing,
    zoom: f32,
    visuals: Visuals,
}

impl Presentation {
    /// Enters presentation mode from the view `time` and `showing`.
    pub fn start(ctx: &egui::Context, time: TimeView, showing: Showing, contrast: bool) -> Self {
        let presentation = Self {
            slide: 0,
            time,
            showing,
            zoom: ctx.zoom_factor(),
            visuals: ctx.global_style().visuals.clone(),
        };
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        ctx.set_zoom_factor(presentation.zoom * ZOOM);
        presentation.set_contrast(ctx, contrast);
        presentation
    }

    /// Puts the window back as it was; returns the view one was editing.
    pub fn end(self, ctx: &egui::Context) -> (TimeView, Showing) {
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        ctx.set_zoom_factor(self.zoom);
        ctx.set_visuals(self.visuals);
        (self.time, self.showing)
    }

    /// The high-contrast light theme, or the theme one was editing in.
    pub fn set_contrast(&self, ctx: &egui::Context, on: bool) {
        ctx.set_visuals(if on {
            super::look::high_contrast()
        } else {
            self.visuals.clone()
        });
    }

    /// The slide `key` moves to, among `count`.
    pub fn step(&mut self, key: PresentationKey, count: usize) {
        let last = count.saturating_sub(1);
        self.slide = match key {
            PresentationKey::Next => (self.slide + 1).min(last),
            PresentationKey::Previous => self.slide.saturating_sub(1),
            PresentationKey::First => 0,
            PresentationKey::Last => last,
            PresentationKey::Contrast | PresentationKey::Leave => self.slide,
        };
    }
}

/// The strip above the chart: the view's name, where it is in the deck, and the keys.
pub fn header(ui: &mut Ui, roadmap: &Roadmap, slide: usize, locked: bool) {
    let views = &roadmap.views;
    let title = views
        .get(slide)
        .map_or(roadmap.title.as_str(), |v| v.name.as_str());
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).size(24.0).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let position = if views.is_empty() {
                "no saved views".to_owned()
            } else {
                format!("view {} of {}", slide + 1, views.len())
            };
            let lock = if locked { " · locked" } else { "" };
            ui.weak(format!(
                "{position}{lock} · PageDown / PageUp to step · C contrast · Esc to leave"
            ));
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_stays_within_the_deck() {
        let ctx = egui::Context::default();
        let mut presentation =
            Presentation::start(&ctx, TimeView::default(), Showing::default(), false);
        presentation.step(PresentationKey::Previous, 3);
        assert_eq!(presentation.slide, 0);
        presentation.step(PresentationKey::Next, 3);
        presentation.step(PresentationKey::Next, 3);
        presentation.step(PresentationKey::Next, 3);
        assert_eq!(presentation.slide, 2);
        presentation.step(PresentationKey::First, 3);
        assert_eq!(presentation.slide, 0);
        presentation.step(PresentationKey::Last, 3);
        assert_eq!(presentation.slide, 2);
        presentation.step(PresentationKey::Next, 0);
        assert_eq!(
            presentation.slide, 0,
            "an empty deck has one slide: the view one was on"
        );
    }
}
