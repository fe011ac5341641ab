//! The Agencies tab: every agency of the roadmap with its colour, names, limit and missions;
//! editing them, adding and removing, and highlighting one agency's missions on the chart.

use egui::{DragValue, RichText, TextEdit, Ui};

use super::inspector::committed;

use crate::model::{Agency, AgencyId, Color, Roadmap, unused_id};
use crate::ui::session::Session;

/// What the user did in the agencies panel.
#[derive(Clone, Debug, PartialEq)]
pub enum AgenciesAction {
    /// The agencies become these, as one step called `label`.
    Edit {
        /// The whole list after the edit.
        agencies: Vec<Agency>,
        /// What the Edit menu calls the step.
        label: String,
    },
    /// Highlight this agency's missions (`None`: none).
    Highlight(Option<AgencyId>),
    /// Remove the agency at this position, which has this id (asked first when missions refer
    /// to it).
    Remove {
        /// Its position in the list.
        index: usize,
        /// Its id.
        id: AgencyId,
    },
}

/// Missions an agency leads and contributes to, by name.
pub fn references(roadmap: &Roadmap, agency: &AgencyId) -> (Vec<String>, Vec<String>) {
    let led = roadmap.missions.iter().filter(|m| m.lead == *agency);
    let helped = roadmap
        .missions
        .iter()
        .filter(|m| m.contributors.iter().any(|c| c.agency == *agency));
    (
        led.map(|m| m.name.clone()).collect(),
        helped.map(|m| m.name.clone()).collect(),
    )
}

/// The panel's state between frames: the list as being edited.
#[derive(Default)]
pub struct AgenciesPanel {
    /// The agencies as edited, and the roadmap's list they started from.
    draft: Option<(Vec<Agency>, Vec<Agency>)>,
}

impl AgenciesPanel {
    /// Shows the agencies; returns what the user did.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Option<AgenciesAction> {
        let (roadmap, highlight) = (session.roadmap(), session.highlight());
        if self
            .draft
            .as_ref()
            .is_none_or(|(_, from)| *from != roadmap.agencies)
        {
            self.draft = Some((roadmap.agencies.clone(), roadmap.agencies.clone()));
        }
        let (draft, _) = self.draft.as_mut()?;
        let counts = session.counts().map(|c| &c.by_agency);
        let mut action = None;
        ui.horizontal(|ui| {
            if ui.button("Add agency").clicked() {
                let mut agencies = draft.clone();
                agencies.push(Agency {
                    id: unused_id(draft.iter().map(|a| a.id.as_str()), "NEW")
                        .as_str()
                        .into(),
                    name: "New agency".to_owned(),
                    country: String::new(),
                    color: None,
                    max_concurrent: None,
                });
                action = Some(AgenciesAction::Edit {
                    agencies,
                    label: "Add agency".to_owned(),
                });
            }
            if highlight.is_some() && ui.button("Clear highlight").clicked() {
                action = Some(AgenciesAction::Highlight(None));
            }
        });
        ui.weak("Click an agency's id to light up its missions; the rest dims.");
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("agencies")
            .auto_shrink(false)
            .show(ui, |ui| {
                for k in 0..draft.len() {
                    let count = counts.map(|c| c.get(&draft[k].id).copied().unwrap_or_default());
                    if let Some(done) = agency_row(ui, draft, k, count, highlight) {
                        action = Some(done);
                    }
                    ui.separator();
                }
            });
        action
    }
}

/// One agency: swatch, id (click to highlight), name, country, limit, counts, remove.
/// `count`: how many missions it leads and contributes to, once counted.
fn agency_row(
    ui: &mut Ui,
    draft: &mut [Agency],
    k: usize,
    count: Option<(u32, u32)>,
    highlight: Option<&AgencyId>,
) -> Option<AgenciesAction> {
    let mut action = None;
    let edited = |draft: &[Agency], what: &str| AgenciesAction::Edit {
        agencies: draft.to_vec(),
        label: format!("Change {what} of {}", draft[k].id),
    };
    ui.horizontal(|ui| {
        let mut rgb = draft[k].color.map_or([150, 150, 150], |c| [c.r, c.g, c.b]);
        if egui::color_picker::color_edit_button_srgb(ui, &mut rgb)
            .on_hover_text("Colour of its bars")
            .changed()
        {
            draft[k].color = Some(Color {
                r: rgb[0],
                g: rgb[1],
                b: rgb[2],
            });
            action = Some(edited(draft, "colour"));
        }
        let on = highlight == Some(&draft[k].id);
        let id = RichText::new(draft[k].id.as_str()).strong();
        if ui
            .selectable_label(on, id)
            .on_hover_text("Highlight its missions")
            .clicked()
        {
            let next = (!on).then(|| draft[k].id.clone());
            action = Some(AgenciesAction::Highlight(next));
        }
        if ui.small_button("Remove").clicked() {
            action = Some(AgenciesAction::Remove {
                index: k,
                id: draft[k].id.clone(),
            });
        }
        let name_label = ui.label("Name").id;
        let name = ui.add(TextEdit::singleline(&mut draft[k].name).desired_width(f32::INFINITY));
        if committed(&name.labelled_by(name_label), ui) {
            action = Some(edited(draft, "name"));
        }
    });
    ui.horizontal(|ui| {
        let country_label = ui.label("Country").id;
        let country = ui.add(TextEdit::singleline(&mut draft[k].country).desired_width(90.0));
        if committed(&country.labelled_by(country_label), ui) {
            action = Some(edited(draft, "country"));
        }
        let mut limited = draft[k].max_concurrent.is_some();
        if ui
            .checkbox(&mut limited, "at most")
            .on_hover_text("Missions it can lead at once; more is an agency-overcommitted warning")
            .changed()
        {
            draft[k].max_concurrent = limited.then_some(3);
            action = Some(edited(draft, "limit"));
        }
        if let Some(limit) = &mut draft[k].max_concurrent {
            let at_once = ui.add(DragValue::new(limit).range(1..=999).suffix(" at once"));
            if at_once.drag_stopped() || committed(&at_once, ui) {
                action = Some(edited(draft, "limit"));
            }
        }
        match count {
            Some((led, helped)) => ui.weak(format!("leads {led}, helps {helped}")),
            None => ui.spinner(),
        };
    });
    action
}
