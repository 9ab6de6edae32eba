//! Imports run on a named background thread and report progress through a channel.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use std::sync::Arc;

use crate::analysis::Lexicon;
use crate::ingest::{self, ImportOptions, Imported, IngestError};
use crate::model::Statement;

/// One imported article with the statements the analysis suggests for it.
#[derive(Debug)]
pub struct ImportedArticle {
    /// The import result.
    pub imported: Imported,
    /// Suggested statements (ids 0).
    pub suggestions: Vec<Statement>,
}

/// What a finished import produced.
#[derive(Debug, Default)]
pub struct ImportResult {
    /// Articles that imported.
    pub articles: Vec<ImportedArticle>,
    /// Files that did not, with the reason.
    pub errors: Vec<IngestError>,
    /// True when the articles should go into a fresh project (command line).
    pub into_new_project: bool,
}

enum Message {
    Progress { done: usize, total: usize },
    Finished(ImportResult),
}

/// A running import.
pub struct ImportJob {
    rx: Receiver<Message>,
    /// Files imported so far.
    pub done: usize,
    /// Files in the batch (0 while the folder is being listed).
    pub total: usize,
    into_new_project: bool,
}

/// Suggested statements for an article (ids 0).
#[must_use]
pub fn suggest_for(article: &crate::model::Article, lexicon: &Lexicon) -> Vec<Statement> {
    crate::analysis::analyze_article(article, lexicon)
}

impl ImportJob {
    /// Start importing `paths` (files or folders) on a background thread.
    pub fn spawn(
        paths: Vec<PathBuf>,
        options: ImportOptions,
        lexicon: Arc<Lexicon>,
        into_new_project: bool,
        ctx: &egui::Context,
    ) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new().name("import".into()).spawn(move || {
            let progress = |done: usize, total: usize| {
                let _ = tx.send(Message::Progress { done, total });
                ctx.request_repaint();
            };
            let mut articles = Vec::new();
            let mut errors = Vec::new();
            for (_, result) in ingest::import_many(&paths, &options, &progress) {
                match result {
                    Ok(imported) => {
                        let suggestions = suggest_for(&imported.article, &lexicon);
                        articles.push(ImportedArticle { imported, suggestions });
                    }
                    Err(err) => errors.push(err),
                }
            }
            let _ = tx.send(Message::Finished(ImportResult { articles, errors, into_new_project }));
            ctx.request_repaint();
        })?;
        Ok(Self { rx, done: 0, total: 0, into_new_project })
    }

    /// Collect progress; returns the result once the job has finished.
    pub fn poll(&mut self) -> Option<ImportResult> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress { done, total }) => {
                    self.done = done;
                    self.total = total;
                }
                Ok(Message::Finished(result)) => return Some(result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(ImportResult {
                        into_new_project: self.into_new_project,
                        ..ImportResult::default()
                    });
                }
            }
        }
    }

    /// Wait for the job to finish (tests and the command line).
    #[must_use]
    pub fn wait(self) -> ImportResult {
        loop {
            match self.rx.recv() {
                Ok(Message::Progress { .. }) => {}
                Ok(Message::Finished(result)) => return result,
                Err(_) => {
                    return ImportResult {
                        into_new_project: self.into_new_project,
                        ..ImportResult::default()
                    };
                }
            }
        }
    }
}
