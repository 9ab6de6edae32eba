//! Dialogs inside the window: unsaved changes, typing a path when no file dialog is
//! available, restoring autosaved work, and the keyboard shortcut sheet.

use std::path::PathBuf;

use egui::{Id, Modal};

use super::AppAction;
use super::theme;
use crate::app::Modal as AppModal;
use crate::app::dialogs::DialogPurpose;
use crate::text::{self, EditorOptions, TextEngine};

/// What the analyst chose in a modal this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ModalChoice {
    /// Nothing yet.
    None,
    /// Closed without doing anything.
    Close,
    /// Save, then do this.
    SaveThen(AppAction),
    /// Drop the changes, then do this.
    DiscardThen(AppAction),
    /// The path field changed.
    UpdateText(String),
    /// Use the typed path.
    UsePath(DialogPurpose, PathBuf),
    /// Do this.
    Action(AppAction),
}

/// Show `modal`; returns what was chosen.
pub fn modal_ui(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    modal: &AppModal,
    project_name: &str,
) -> ModalChoice {
    let mut choice = ModalChoice::None;
    let response = Modal::new(Id::unique("app_modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match modal {
            AppModal::UnsavedChanges { then } => {
                ui.heading("Save changes?");
                ui.horizontal_wrapped(|ui| {
                    ui.label("The project");
                    text::label_with(
                        ui,
                        engine,
                        project_name,
                        &theme::title_style(ui.visuals()),
                        &text::LabelOptions { wrap: false, ..text::LabelOptions::default() },
                    );
                    ui.label("has changes that are not saved.");
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = ModalChoice::SaveThen(then.clone());
                    }
                    if ui.button("Don't save").clicked() {
                        choice = ModalChoice::DiscardThen(then.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        choice = ModalChoice::Close;
                    }
                });
            }
            AppModal::PathEntry { purpose, text: current } => {
                ui.heading(purpose.title());
                ui.label(
                    "No file dialog is available on this desktop (it needs an XDG desktop portal \
                     or zenity). Type the path instead:",
                );
                let output = text::editor_ui(
                    ui,
                    engine,
                    Id::unique("path_entry"),
                    current,
                    &EditorOptions {
                        label: "Path",
                        placeholder: "/home/me/articles/report.html",
                        multiline: false,
                        style: theme::row_style(ui.visuals()),
                        min_rows: 1,
                    },
                );
                let typed = output.changed.or(output.committed).unwrap_or_else(|| current.clone());
                if typed != *current {
                    choice = ModalChoice::UpdateText(typed.clone());
                }
                ui.horizontal(|ui| {
                    let ok = !typed.trim().is_empty();
                    if ui.add_enabled(ok, egui::Button::new("OK")).clicked()
                        || (ok && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                    {
                        choice = ModalChoice::UsePath(purpose.clone(), PathBuf::from(typed.trim()));
                    }
                    if ui.button("Cancel").clicked() {
                        choice = ModalChoice::Close;
                    }
                });
            }
            AppModal::Recovery { files } => {
                ui.heading("Restore unsaved work?");
                ui.label("TwoTrack did not close cleanly last time. Autosaved work was found:");
                for file in files {
                    ui.horizontal(|ui| {
                        text::label_with(
                            ui,
                            engine,
                            &file.display().to_string(),
                            &theme::meta_style(ui.visuals()),
                            &text::LabelOptions {
                                wrap: false,
                                max_lines: Some(1),
                                ..text::LabelOptions::default()
                            },
                        );
                    });
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            choice = ModalChoice::Action(AppAction::RestoreRecovery(file.clone()));
                        }
                        if ui.button("Delete").clicked() {
                            choice = ModalChoice::Action(AppAction::DiscardRecovery(file.clone()));
                        }
                    });
                }
                if ui.button("Later").clicked() {
                    choice = ModalChoice::Close;
                }
            }
        }
    });
    if response.should_close() && choice == ModalChoice::None {
        choice = ModalChoice::Close;
    }
    choice
}

/// Help ▸ Keyboard shortcuts.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts").open(open).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcut_sheet").striped(true).show(ui, |ui| {
            for (keys, what) in super::menu::SHORTCUT_SHEET {
                ui.monospace(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
    });
}
