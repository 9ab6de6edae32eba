//! The panels of the main window. Panels read the project and *send* commands and
//! actions through [`Sender`]; they never mutate the project themselves.

pub mod claims;
pub mod compare;
pub mod edits;
pub mod filters;
pub mod inspector;
pub mod library;
pub mod menu;
pub mod modals;
pub mod pair;
pub mod reader;
pub mod review;
pub mod search;
pub mod state;
pub mod theme;
pub mod timeline;
pub mod widgets;

use std::path::PathBuf;

use crate::command::Command;
use crate::model::{ArticleId, Project};
use crate::text::TextEngine;

pub use state::UiState;

/// Something the app (not the project) must do: file operations, history, view.
#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// Start an empty, unsaved project.
    NewProject,
    /// Ask for a project file to open.
    OpenProjectDialog,
    /// Open this project file.
    OpenProject(PathBuf),
    /// Open the bundled sample project.
    OpenSample,
    /// Save to the current path (asks for one if there is none).
    Save,
    /// Ask for a path and save there.
    SaveAsDialog,
    /// Save to this path.
    SaveAs(PathBuf),
    /// Ask for article files to import.
    ImportDialog,
    /// Ask for a folder to import.
    ImportFolderDialog,
    /// Import these files or folders.
    Import(Vec<PathBuf>),
    /// Ask the system for the clipboard and import its text as an article.
    PasteArticle,
    /// Re-import an article's file with another encoding.
    Reencode(ArticleId, String),
    /// Run the statement finder again on an article (keeps the analyst's decisions).
    Reanalyze(ArticleId),
    /// Ask for a path and write a report.
    ExportDialog(crate::export::Format),
    /// Undo the last project edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Close the window (asks about unsaved changes).
    Quit,
    /// Reload the project from disk, dropping unsaved changes.
    ReloadFromDisk,
    /// Restore an autosaved recovery file.
    RestoreRecovery(PathBuf),
    /// Delete an autosaved recovery file.
    DiscardRecovery(PathBuf),
    /// Change the UI zoom by this factor (1.0 resets).
    Zoom(f32),
}

/// Collects what panels ask for during a frame; the app applies it once per frame.
#[derive(Debug, Default)]
pub struct Sender {
    /// Project edits, each with its undo label.
    pub commands: Vec<(String, Command)>,
    /// App actions.
    pub actions: Vec<AppAction>,
}

impl Sender {
    /// Queue a project edit.
    pub fn command(&mut self, label: impl Into<String>, command: Command) {
        self.commands.push((label.into(), command));
    }

    /// Queue a project edit if there is one.
    pub fn command_opt(&mut self, label: impl Into<String>, command: Option<Command>) {
        if let Some(command) = command {
            self.command(label, command);
        }
    }

    /// Queue an app action.
    pub fn action(&mut self, action: AppAction) {
        self.actions.push(action);
    }
}

/// What every panel gets each frame.
pub struct PanelCtx<'a> {
    /// The project, read-only.
    pub project: &'a Project,
    /// The text engine that draws all content text.
    pub text: &'a mut TextEngine,
    /// Selection, filters and other view state.
    pub state: &'a mut UiState,
    /// Where edits and actions go.
    pub sender: &'a mut Sender,
    /// Current wall-clock time (a fixed clock in tests).
    pub now: jiff::Timestamp,
    /// Changes whenever the project changes (history state), for caches.
    pub revision: u64,
}

/// The central area: tabs for Compare, Timeline, Claims and Two articles.
pub fn central_ui(ui: &mut egui::Ui, pctx: &mut PanelCtx<'_>) {
    use state::CentralView;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut pctx.state.central, CentralView::Compare, "Compare");
        ui.selectable_value(&mut pctx.state.central, CentralView::Timeline, "Timeline");
        ui.selectable_value(&mut pctx.state.central, CentralView::Claims, "Claims")
            .on_hover_text("Claims across articles: who reported what, where reports diverge");
        ui.selectable_value(&mut pctx.state.central, CentralView::Pair, "Two articles")
            .on_hover_text("Two articles side by side, matching claims connected");
    });
    ui.separator();
    match pctx.state.central {
        CentralView::Compare => compare::compare_ui(ui, pctx),
        CentralView::Timeline => timeline::timeline_ui(ui, pctx),
        CentralView::Claims => claims::claims_ui(ui, pctx),
        CentralView::Pair => pair::pair_ui(ui, pctx),
    }
}
