//! Moving the keyboard around the window (DESIGN §4 "Keyboard"): F6 from the toolbar to the
//! chart to the side panel and round, Escape back to the chart, Ctrl+F to the search field
//! (where Enter puts the chart's focus ring on the best match), F2 to the Mission tab's first
//! field.

use super::app::GerApp;
use super::settings::SideTab;

/// The parts of the window F6 moves the keyboard between, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pane {
    Toolbar,
    Chart,
    Side,
}

impl GerApp {
    /// F6: the keyboard to the next part of the window.
    pub(super) fn next_pane(&mut self, ctx: &egui::Context) {
        let here = self.pane_with_keyboard(ctx);
        let next = match here {
            Pane::Toolbar => Pane::Chart,
            Pane::Chart if !self.settings.hide_side_panel => Pane::Side,
            Pane::Chart | Pane::Side => Pane::Toolbar,
        };
        match next {
            Pane::Toolbar => self.panes.focus_search = true,
            Pane::Chart => self.chart.take_focus(),
            Pane::Side => self.side.focus_tabs(),
        }
    }

    /// Which part of the window has the keyboard.
    fn pane_with_keyboard(&self, ctx: &egui::Context) -> Pane {
        if self.chart.has_focus() {
            return Pane::Chart;
        }
        let focused = ctx
            .memory(|m| m.focused())
            .and_then(|id| ctx.read_response(id));
        match focused {
            Some(widget) if self.panes.side_rect.contains(widget.rect.center()) => Pane::Side,
            Some(_) => Pane::Toolbar,
            // Nothing has it: F6 starts at the chart.
            None => Pane::Toolbar,
        }
    }

    /// Enter in the search field: the best match selected, in the chart's focus ring, in view.
    pub(super) fn pick_best_match(&mut self) {
        let showing = &self.settings.showing;
        if let Some(key) = self.session.best_match(&showing.filter.text, showing) {
            self.session.select([key]);
            self.chart.focus_ring_on(key);
        }
    }

    /// F2: the mission in the focus ring (else the one selected) in the Mission tab, its name
    /// field with the keyboard.
    pub(super) fn edit_mission(&mut self) {
        let key = (self.chart.focused()).or_else(|| self.session.single_selected());
        if let Some(key) = key {
            self.session.select([key]);
        }
        self.show_tab(SideTab::Mission);
        self.side.focus_first_field();
    }

    /// Escape returns the keyboard to the chart (after whatever else used the key: a drag
    /// abandoned, a menu closed, a text field left).
    pub(super) fn escape_to_chart(&mut self, ctx: &egui::Context) {
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if escape && self.dialog.is_none() && !self.chart.has_focus() {
            self.chart.take_focus();
        }
    }
}
