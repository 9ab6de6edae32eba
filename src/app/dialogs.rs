//! Native file dialogs behind a small trait, run off the UI thread.
//!
//! `rfd` on Linux needs a desktop portal or zenity; when neither answers, the dialog
//! returns nothing exactly like Cancel. We treat an empty answer that came back
//! faster than a person can cancel as "no dialog available" and let the app offer an
//! in-app path field instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// What a dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick article files to import.
    ImportFiles,
    /// Pick a folder to import.
    ImportFolder,
    /// Pick a project file to open.
    OpenProject,
    /// Pick where to save the project (suggested file name).
    SaveProject(String),
    /// Pick where to write a report (suggested file name).
    Export(String),
}

impl DialogPurpose {
    /// Title of the dialog and of the in-app path field that replaces it.
    #[must_use]
    pub fn title(&self) -> &'static str {
        match self {
            DialogPurpose::ImportFiles => "Open articles",
            DialogPurpose::ImportFolder => "Import a folder of articles",
            DialogPurpose::OpenProject => "Open project",
            DialogPurpose::SaveProject(_) => "Save project as",
            DialogPurpose::Export(_) => "Export report",
        }
    }
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user picked these paths.
    Picked(Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown (no portal, no zenity).
    Unavailable,
}

/// A finished dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswer {
    /// What it was for.
    pub purpose: DialogPurpose,
    /// How it ended.
    pub outcome: DialogOutcome,
}

/// Shows file dialogs. The app asks with [`FileDialogs::ask`] and collects answers
/// with [`FileDialogs::poll`] once per frame.
pub trait FileDialogs {
    /// Start a dialog.
    fn ask(&mut self, purpose: DialogPurpose);
    /// A finished dialog, if any.
    fn poll(&mut self) -> Option<DialogAnswer>;
    /// True while a dialog is open.
    fn is_open(&self) -> bool;
}

/// Answers faster than this with no paths mean no dialog was shown.
const UNAVAILABLE_BELOW: Duration = Duration::from_millis(250);

/// Native dialogs through `rfd`, each on its own thread.
pub struct NativeDialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
    open: usize,
    repaint: egui::Context,
}

impl NativeDialogs {
    /// Dialogs that wake `ctx` when they finish.
    #[must_use]
    pub fn new(ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        Self { tx, rx, open: 0, repaint: ctx.clone() }
    }
}

fn run_dialog(purpose: &DialogPurpose) -> Vec<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new().set_title(purpose.title());
    let future = async {
        match purpose {
            DialogPurpose::ImportFiles => dialog
                .add_filter(
                    "Articles (.txt .md .html .htm)",
                    crate::ingest::sniff::ARTICLE_EXTENSIONS,
                )
                .add_filter("All files", &["*"])
                .pick_files()
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|h| h.path().to_owned())
                .collect(),
            DialogPurpose::ImportFolder => {
                dialog.pick_folder().await.map(|h| vec![h.path().to_owned()]).unwrap_or_default()
            }
            DialogPurpose::OpenProject => dialog
                .add_filter("TwoTrack project (.ron)", &["ron"])
                .pick_file()
                .await
                .map(|h| vec![h.path().to_owned()])
                .unwrap_or_default(),
            DialogPurpose::SaveProject(name) => dialog
                .add_filter("TwoTrack project (.ron)", &["ron"])
                .set_file_name(name)
                .save_file()
                .await
                .map(|h| vec![h.path().to_owned()])
                .unwrap_or_default(),
            DialogPurpose::Export(name) => dialog
                .set_file_name(name)
                .save_file()
                .await
                .map(|h| vec![h.path().to_owned()])
                .unwrap_or_default(),
        }
    };
    pollster::block_on(future)
}

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, purpose: DialogPurpose) {
        let tx = self.tx.clone();
        let ctx = self.repaint.clone();
        self.open += 1;
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let started = Instant::now();
            let paths = run_dialog(&purpose);
            let outcome = if !paths.is_empty() {
                DialogOutcome::Picked(paths)
            } else if started.elapsed() < UNAVAILABLE_BELOW {
                DialogOutcome::Unavailable
            } else {
                DialogOutcome::Cancelled
            };
            let _ = tx.send(DialogAnswer { purpose, outcome });
            ctx.request_repaint();
        });
        if let Err(err) = spawned {
            log::error!("cannot start the file dialog thread: {err}");
            self.open -= 1;
        }
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = self.rx.try_recv().ok()?;
        self.open = self.open.saturating_sub(1);
        Some(answer)
    }

    fn is_open(&self) -> bool {
        self.open > 0
    }
}

/// Dialogs that answer from a script (tests, and the in-app path field's fallback).
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    answers: std::collections::VecDeque<DialogOutcome>,
    pending: std::collections::VecDeque<DialogAnswer>,
    /// Every purpose asked for, in order.
    pub asked: Vec<DialogPurpose>,
}

impl ScriptedDialogs {
    /// Dialogs that will answer with these outcomes, in order (then Cancelled).
    #[must_use]
    pub fn new(answers: impl IntoIterator<Item = DialogOutcome>) -> Self {
        Self { answers: answers.into_iter().collect(), ..Self::default() }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, purpose: DialogPurpose) {
        self.asked.push(purpose.clone());
        let outcome = self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled);
        self.pending.push_back(DialogAnswer { purpose, outcome });
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.pending.pop_front()
    }

    fn is_open(&self) -> bool {
        !self.pending.is_empty()
    }
}
