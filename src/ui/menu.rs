//! The menu bar and the keyboard shortcuts (every frequent action has both).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{AppAction, Sender, UiState};
use crate::app::prefs::ThemeChoice;
use crate::export::Format as ExportFormat;
use crate::model::ArticleId;

/// What the menu needs to know about the app.
#[derive(Debug)]
pub struct MenuState {
    /// Label of the step Undo would undo.
    pub can_undo: Option<String>,
    /// Label of the step Redo would redo.
    pub can_redo: Option<String>,
    /// Recent project files.
    pub recent: Vec<PathBuf>,
    /// Article in the reader.
    pub current_article: Option<ArticleId>,
    /// Theme preference.
    pub theme: ThemeChoice,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

/// Ctrl+N.
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::N);
/// Ctrl+O.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::O);
/// Ctrl+S.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::S);
/// Ctrl+Shift+S.
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(CTRL_SHIFT, Key::S);
/// Ctrl+I.
pub const IMPORT: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::I);
/// Ctrl+Shift+V.
pub const PASTE_ARTICLE: KeyboardShortcut = KeyboardShortcut::new(CTRL_SHIFT, Key::V);
/// Ctrl+Q.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::Q);
/// Ctrl+Z.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::Z);
/// Ctrl+Shift+Z.
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(CTRL_SHIFT, Key::Z);
/// Ctrl+Y.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::Y);
/// Ctrl+F.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(CTRL, Key::F);
/// Ctrl+Shift+Q: new question.
pub const NEW_QUESTION: KeyboardShortcut = KeyboardShortcut::new(CTRL_SHIFT, Key::Q);
/// F1.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// Every shortcut, for the Help sheet: (keys, what it does).
pub const SHORTCUT_SHEET: &[(&str, &str)] = &[
    ("Ctrl+N", "New project"),
    ("Ctrl+O", "Open project…"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as…"),
    ("Ctrl+I", "Open articles…"),
    ("Ctrl+Shift+V", "New article from the clipboard"),
    ("Ctrl+Q", "Quit"),
    ("Ctrl+Z", "Undo (inside a text field: undo typing)"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    ("Ctrl+F", "Search articles, statements, notes and translations"),
    ("Ctrl+Shift+Q", "New question"),
    ("N", "Next unreviewed suggestion"),
    ("Enter", "Accept the selected suggestion"),
    ("Backspace / Delete", "Reject the selected suggestion"),
    ("O", "Mark the reader selection, or the selected statement, official"),
    ("U", "Mark the reader selection, or the selected statement, unofficial"),
    ("Escape", "Clear the selection"),
    ("Ctrl+A / Ctrl+C", "Select all / copy in the reader"),
    ("Ctrl++ / Ctrl+- / Ctrl+0", "Zoom in / out / reset"),
    ("F1", "This sheet"),
];

/// Shortcuts that work everywhere (with Ctrl, so typing is not affected).
pub fn global_shortcuts(ctx: &egui::Context, state: &UiState, sender: &mut Sender) {
    ctx.input_mut(|i| {
        // Order matters: the Shift variants first, so Ctrl+Shift+S is not Ctrl+S.
        if i.consume_shortcut(&SAVE_AS) {
            sender.action(AppAction::SaveAsDialog);
        }
        if i.consume_shortcut(&SAVE) {
            sender.action(AppAction::Save);
        }
        if i.consume_shortcut(&NEW) {
            sender.action(AppAction::NewProject);
        }
        if i.consume_shortcut(&OPEN) {
            sender.action(AppAction::OpenProjectDialog);
        }
        if i.consume_shortcut(&IMPORT) {
            sender.action(AppAction::ImportDialog);
        }
        if i.consume_shortcut(&QUIT) {
            sender.action(AppAction::Quit);
        }
        // While a content editor has focus it undoes its own typing.
        if !state.editor_focused {
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                sender.action(AppAction::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                sender.action(AppAction::Undo);
            }
        }
    });
}

fn shortcut_button(ui: &mut egui::Ui, label: &str, shortcut: KeyboardShortcut) -> bool {
    ui.add(egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcut))).clicked()
}

/// The menu bar. Returns a new theme choice when the analyst picked one.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    menu: &MenuState,
    state: &mut UiState,
    sender: &mut Sender,
) -> Option<ThemeChoice> {
    let mut theme = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, menu, sender));
        ui.menu_button("Edit", |ui| {
            let undo = menu.can_undo.as_deref().map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            if ui
                .add_enabled(
                    menu.can_undo.is_some(),
                    egui::Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&UNDO)),
                )
                .clicked()
            {
                sender.action(AppAction::Undo);
            }
            let redo = menu.can_redo.as_deref().map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            if ui
                .add_enabled(
                    menu.can_redo.is_some(),
                    egui::Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&REDO)),
                )
                .clicked()
            {
                sender.action(AppAction::Redo);
            }
            ui.separator();
            if shortcut_button(ui, "Find…", FIND) {
                state.focus_search = true;
            }
        });
        ui.menu_button("Statements", |ui| {
            statements_menu_ui(ui, menu, state, sender);
        });
        ui.menu_button("View", |ui| {
            ui.checkbox(&mut state.panels.library, "Library");
            ui.checkbox(&mut state.panels.reader, "Reader");
            ui.checkbox(&mut state.panels.inspector, "Inspector and notes");
            ui.checkbox(&mut state.show_unclassified, "Unclassified statements in Compare");
            ui.separator();
            ui.label("Theme");
            for (choice, label) in [
                (ThemeChoice::System, "Follow the system"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ] {
                if ui.radio(menu.theme == choice, label).clicked() {
                    theme = Some(choice);
                }
            }
            ui.separator();
            if ui.button("Zoom in").clicked() {
                sender.action(AppAction::Zoom(1.1));
            }
            if ui.button("Zoom out").clicked() {
                sender.action(AppAction::Zoom(1.0 / 1.1));
            }
            if ui.button("Reset zoom").clicked() {
                sender.action(AppAction::Zoom(1.0));
            }
        });
        ui.menu_button("Help", |ui| {
            if shortcut_button(ui, "Keyboard shortcuts", HELP) {
                state.show_shortcuts = true;
            }
            if ui.button("Open the sample project").clicked() {
                sender.action(AppAction::OpenSample);
            }
        });
    });
    if ui.ctx().input_mut(|i| i.consume_shortcut(&HELP)) {
        state.show_shortcuts = !state.show_shortcuts;
    }
    if ui.ctx().input_mut(|i| i.consume_shortcut(&FIND)) {
        state.focus_search = true;
    }
    theme
}

fn file_menu_ui(ui: &mut egui::Ui, menu: &MenuState, sender: &mut Sender) {
    if shortcut_button(ui, "New project", NEW) {
        sender.action(AppAction::NewProject);
    }
    if shortcut_button(ui, "Open project…", OPEN) {
        sender.action(AppAction::OpenProjectDialog);
    }
    ui.add_enabled_ui(!menu.recent.is_empty(), |ui| {
        ui.menu_button("Recent projects", |ui| {
            for path in &menu.recent {
                // File names are shown by egui here: menus hold fixed-size entries and
                // the path is also the accessible label of the entry.
                if ui.button(path.display().to_string()).clicked() {
                    sender.action(AppAction::OpenProject(path.clone()));
                }
            }
        });
    });
    if shortcut_button(ui, "Save", SAVE) {
        sender.action(AppAction::Save);
    }
    if shortcut_button(ui, "Save as…", SAVE_AS) {
        sender.action(AppAction::SaveAsDialog);
    }
    ui.separator();
    if shortcut_button(ui, "Open articles…", IMPORT) {
        sender.action(AppAction::ImportDialog);
    }
    if ui.button("Import a folder…").clicked() {
        sender.action(AppAction::ImportFolderDialog);
    }
    if shortcut_button(ui, "New article from clipboard", PASTE_ARTICLE) {
        sender.action(AppAction::PasteArticle);
    }
    ui.separator();
    ui.menu_button("Export report", |ui| {
        for (format, label) in [
            (ExportFormat::Markdown, "Markdown…"),
            (ExportFormat::Html, "HTML…"),
            (ExportFormat::Csv, "CSV…"),
        ] {
            if ui.button(label).clicked() {
                sender.action(AppAction::ExportDialog(format));
            }
        }
    });
    ui.separator();
    if shortcut_button(ui, "Quit", QUIT) {
        sender.action(AppAction::Quit);
    }
}

fn statements_menu_ui(
    ui: &mut egui::Ui,
    menu: &MenuState,
    state: &mut UiState,
    sender: &mut Sender,
) {
    use super::review::ReviewAction;
    for (action, label, key) in [
        (ReviewAction::Next, "Next unreviewed", "N"),
        (ReviewAction::Accept, "Accept suggestion", "Enter"),
        (ReviewAction::Reject, "Reject suggestion", "Backspace"),
        (ReviewAction::MarkOfficial, "Mark official", "O"),
        (ReviewAction::MarkUnofficial, "Mark unofficial", "U"),
    ] {
        if ui.add(egui::Button::new(label).shortcut_text(key)).clicked() {
            state.pending_review.push(action);
        }
    }
    ui.separator();
    if ui
        .add_enabled(
            menu.current_article.is_some(),
            egui::Button::new("Accept all in this article"),
        )
        .clicked()
    {
        state.pending_review.push(ReviewAction::AcceptAllInArticle);
    }
    if let Some(article) = menu.current_article
        && ui.button("Find statements again in this article").clicked()
    {
        sender.action(AppAction::Reanalyze(article));
    }
    ui.separator();
    if shortcut_button(ui, "New question", NEW_QUESTION) {
        state.pending_review.push(ReviewAction::NewQuestion);
    }
}
