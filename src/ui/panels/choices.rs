//! The Mission tab's lists to choose from: destination, status, outcome and agency, each a
//! combo box named by its label.

use egui::{ComboBox, Id, Ui};

use crate::model::{AgencyId, Mission, MissionStatus, Outcome, Roadmap};

/// A drop-down list setting `value` to one of `options` (value, text), named by the widget
/// `label`; returns whether the value changed.
fn choice<T: Clone + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    label: Id,
    value: &mut T,
    shown: String,
    options: impl IntoIterator<Item = (T, String)>,
) -> bool {
    let mut changed = false;
    ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (option, text) in options {
                changed |= ui.selectable_value(value, option, text).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

pub(super) fn destination_choice(
    ui: &mut Ui,
    roadmap: &Roadmap,
    draft: &mut Mission,
    label: Id,
) -> bool {
    let shown = roadmap
        .destinations
        .iter()
        .find(|d| d.id == draft.destination)
        .map_or(draft.destination.to_string(), |d| d.name.clone());
    let options = roadmap
        .destinations
        .iter()
        .map(|d| (d.id.clone(), d.name.clone()));
    choice(
        ui,
        "destination",
        label,
        &mut draft.destination,
        shown,
        options,
    )
}

pub(super) fn status_choice(ui: &mut Ui, draft: &mut Mission, label: Id) -> bool {
    let shown = draft.status.name().to_owned();
    let options = MissionStatus::ALL.map(|s| (s, s.name().to_owned()));
    choice(ui, "status", label, &mut draft.status, shown, options)
}

/// How a flown mission went, or not recorded.
pub(super) fn outcome_choice(ui: &mut Ui, draft: &mut Mission, label: Id) -> bool {
    let words = |outcome: Option<Outcome>| outcome.map_or("not recorded", Outcome::name);
    let shown = words(draft.outcome).to_owned();
    let options = std::iter::once(None)
        .chain(Outcome::ALL.map(Some))
        .map(|o| (o, words(o).to_owned()));
    choice(ui, "outcome", label, &mut draft.outcome, shown, options)
}

/// A list of the roadmap's agencies, by id and name, named by the widget `label`.
pub(super) fn agency_choice(
    ui: &mut Ui,
    roadmap: &Roadmap,
    salt: &str,
    agency: &mut AgencyId,
    label: Id,
) -> bool {
    let shown = agency.to_string();
    let options = roadmap
        .agencies
        .iter()
        .map(|a| (a.id.clone(), format!("{} — {}", a.id, a.name)));
    choice(ui, salt, label, agency, shown, options)
}
