//! The key below a snapshot's chart, laid out once for every page backend (SVG, and so PNG and
//! PDF, and PowerPoint): the lead agencies shown, crewed missions, each status, the outlook's
//! tail, flown missions' outcomes and the conflict badges. Samples are bars, drawn by the one
//! anatomy of a bar like the chart's.

use egui::Color32;

use super::colors::{
    LEGEND_CONFLICTS, LEGEND_OUTCOMES, LEGEND_STATUSES, LegendEntry, TAIL_LABEL, legend_label,
    legend_sample, tail_sample,
};
use crate::layout::{Bar, Point, Rect, Scene, TEXT_SIZE, text_width};

/// Height of one line of the legend.
const ROW: f32 = 20.0;

/// One thing in the legend, in the legend's own coordinates (its top left is 0, 0).
pub enum LegendItem {
    /// An agency's colour.
    Swatch { rect: Rect, color: Color32 },
    /// Words at `TEXT_SIZE` with their baseline at `y`; `agency` for an agency's id.
    Text {
        x: f32,
        y: f32,
        text: String,
        agency: bool,
    },
    /// The crew figure.
    Crew { centre: Point },
    /// A sample bar.
    Sample(Bar),
}

/// The legend of `scene` on a page `page_width` wide (with `margin` each side), and its height.
pub fn legend(scene: &Scene, page_width: f32, margin: f32) -> (Vec<LegendItem>, f32) {
    let room = page_width - 2.0 * margin;
    let baseline = |row: usize| row as f32 * ROW + 0.8 * TEXT_SIZE + 2.0;
    let mut items = Vec::new();
    let (mut x, mut row) = (0.0, 0);
    for (id, color) in &scene.agencies {
        let width = 14.0 + text_width(id, TEXT_SIZE) + 18.0;
        if x > 0.0 && x + width > room {
            (x, row) = (0.0, row + 1);
        }
        let top = row as f32 * ROW + 4.0;
        items.push(LegendItem::Swatch {
            rect: Rect {
                left: x,
                top,
                right: x + 10.0,
                bottom: top + 10.0,
            },
            color: Color32::from_rgb(color[0], color[1], color[2]),
        });
        items.push(text(x + 14.0, baseline(row), id, true));
        x += width;
    }
    let row = if scene.agencies.is_empty() {
        0
    } else {
        row + 1
    };
    items.push(LegendItem::Crew {
        centre: [6.0, row as f32 * ROW + 9.0],
    });
    let crewed = "crewed mission";
    items.push(text(16.0, baseline(row), crewed, false));
    let mut x = 16.0 + text_width(crewed, TEXT_SIZE) + 24.0;
    for entry in LEGEND_STATUSES {
        x = entry_at(&mut items, entry, x, row);
    }
    if scene.outlook {
        let sample = tail_sample(Rect {
            left: x,
            top: row as f32 * ROW + 3.0,
            right: x + 33.0,
            bottom: row as f32 * ROW + 14.0,
        });
        items.push(LegendItem::Sample(sample));
        items.push(text(x + 39.0, baseline(row), TAIL_LABEL, false));
    }
    let row = row + 1;
    let intro = "flown missions:";
    items.push(text(0.0, baseline(row), intro, false));
    let mut x = text_width(intro, TEXT_SIZE) + 12.0;
    for entry in LEGEND_OUTCOMES {
        x = entry_at(&mut items, entry, x, row);
    }
    let intro = "conflicts:";
    items.push(text(x + 12.0, baseline(row), intro, false));
    let mut x = x + 12.0 + text_width(intro, TEXT_SIZE) + 12.0;
    for entry in LEGEND_CONFLICTS {
        x = entry_at(&mut items, entry, x, row);
    }
    (items, (row + 1) as f32 * ROW + 14.0)
}

fn text(x: f32, y: f32, text: &str, agency: bool) -> LegendItem {
    LegendItem::Text {
        x,
        y,
        text: text.to_owned(),
        agency,
    }
}

/// A legend entry's sample and words at `x` on row `row`; where the next one goes.
fn entry_at(items: &mut Vec<LegendItem>, entry: LegendEntry, x: f32, row: usize) -> f32 {
    let rect = Rect {
        left: x,
        top: row as f32 * ROW + 3.0,
        right: x + 22.0,
        bottom: row as f32 * ROW + 14.0,
    };
    items.push(LegendItem::Sample(legend_sample(entry, rect)));
    let label = legend_label(entry);
    let baseline = row as f32 * ROW + 0.8 * TEXT_SIZE + 2.0;
    items.push(text(x + 28.0, baseline, label, false));
    x + 28.0 + text_width(label, TEXT_SIZE) + 20.0
}
