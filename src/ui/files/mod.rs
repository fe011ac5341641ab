//! Where roadmaps come from and go, and the windows the app opens over the chart: file
//! dialogs and the recent files, reading a file to open, the autosave, and the dialogs (errors,
//! unsaved changes, restoring autosaved work, the path prompt, the import report…).

mod autosave;
mod dialogs;
mod open_file;
mod pickers;
mod reading;

pub use autosave::{AUTOSAVE_QUEUE, Autosave};
pub use dialogs::{Dialog, DialogChoice, Then, dialog_contents};
pub use open_file::{OpenFile, UNTITLED, absolute, remember};
pub use pickers::{FilePurpose, native_dialogs_available, pick_file, pick_files};
pub use reading::read_to_open;
