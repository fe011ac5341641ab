//! How the window looks: its theme and the size of its text, chosen in View and kept between
//! runs.

use egui::{Color32, ThemePreference, Visuals};
use serde::{Deserialize, Serialize};

/// The window's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Whatever the system asks for, dark or light.
    #[default]
    System,
    Dark,
    Light,
    /// Black on white with strong lines, for low vision and washed-out projectors.
    HighContrast,
}

impl Theme {
    pub const ALL: [Self; 4] = [Self::System, Self::Dark, Self::Light, Self::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "As the system",
            Self::Dark => "Dark",
            Self::Light => "Light",
            Self::HighContrast => "High contrast",
        }
    }

    /// Makes the window use this theme. Both of egui's themes are set each time, so that a
    /// theme chosen before (high contrast is a light theme) leaves nothing behind.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_visuals_of(egui::Theme::Dark, Visuals::dark());
        ctx.set_visuals_of(egui::Theme::Light, Visuals::light());
        let preference = match self {
            Self::System => ThemePreference::System,
            Self::Dark => ThemePreference::Dark,
            Self::Light => ThemePreference::Light,
            Self::HighContrast => {
                ctx.set_visuals_of(egui::Theme::Light, high_contrast());
                ThemePreference::Light
            }
        };
        ctx.set_theme(preference);
    }
}

/// Black on white with strong lines: readable on a washed-out projector and with low vision.
pub fn high_contrast() -> Visuals {
    let mut visuals = Visuals::light();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(140);
    visuals.widgets.inactive.fg_stroke.color = Color32::BLACK;
    visuals.widgets.inactive.bg_stroke.color = Color32::from_gray(90);
    visuals.widgets.inactive.bg_stroke.width = 1.0;
    visuals.weak_text_color = Some(Color32::from_gray(60));
    visuals
}

/// The size of everything in the window (egui's zoom factor), in percent of the normal size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TextSize(u16);

impl Default for TextSize {
    fn default() -> Self {
        Self(100)
    }
}

impl TextSize {
    /// The sizes offered: up to 200 %, where the chart must stay usable.
    pub const STEPS: [u16; 5] = [100, 125, 150, 175, 200];

    pub fn percent(self) -> u16 {
        self.0
    }

    /// The size `percent`, kept among the sizes offered (a settings file may hold anything).
    pub fn of(percent: u16) -> Self {
        let nearest = Self::STEPS
            .into_iter()
            .min_by_key(|step| step.abs_diff(percent))
            .unwrap_or(100);
        Self(nearest)
    }

    /// The next size up, or this one at the largest.
    pub fn larger(self) -> Self {
        let step = Self::STEPS.into_iter().find(|&s| s > self.0);
        Self(step.unwrap_or(self.0))
    }

    /// The next size down, or this one at the smallest.
    pub fn smaller(self) -> Self {
        let step = Self::STEPS.into_iter().rev().find(|&s| s < self.0);
        Self(step.unwrap_or(self.0))
    }

    /// egui's zoom factor for this size.
    pub fn zoom_factor(self) -> f32 {
        f32::from(Self::of(self.0).0) / 100.0
    }
}

/// What the window looks like: applied when it changes, and kept between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Look {
    pub theme: Theme,
    pub text_size: TextSize,
}

impl Look {
    pub fn apply(self, ctx: &egui::Context) {
        self.theme.apply(ctx);
        ctx.set_zoom_factor(self.text_size.zoom_factor());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_sizes_step_between_100_and_200_percent_and_odd_values_are_brought_in() {
        let normal = TextSize::default();
        assert_eq!(normal.smaller(), normal);
        let mut size = normal;
        for _ in 0..10 {
            size = size.larger();
        }
        assert_eq!(size.percent(), 200);
        assert_eq!(size.smaller().percent(), 175);
        assert!((TextSize(1000).zoom_factor() - 2.0).abs() < f32::EPSILON);
        assert!((TextSize(0).zoom_factor() - 1.0).abs() < f32::EPSILON);
        assert_eq!(TextSize::of(140).percent(), 150);
    }
}
