//! Turns bytes into an [`Article`]: encoding detection, HTML/Markdown/plain text
//! extraction, paragraph roles and metadata. Never touches UI or app state.
//!
//! PLACEHOLDER implementation: plain UTF-8 text only.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::{Article, CharRange, Direction, Paragraph, SourceFormat};

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Options for an import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Force this encoding (WHATWG label) instead of detecting one.
    pub encoding: Option<String>,
}

/// A successfully imported article and what the analyst should know about it.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article (id 0: the caller assigns one).
    pub article: Article,
    /// Non-fatal remarks ("encoding guessed as windows-1256").
    pub warnings: Vec<String>,
}

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum IngestError {
    /// Reading failed.
    #[error("cannot read the file: {source}: {path}")]
    Io {
        /// The OS error.
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// Not text.
    #[error("the file is not text: {path}")]
    Binary {
        /// The file.
        path: PathBuf,
    },
}

/// Import one file.
pub fn import_path(path: &Path, options: &ImportOptions) -> Result<Imported, IngestError> {
    let _ = options;
    let bytes =
        std::fs::read(path).map_err(|source| IngestError::Io { source, path: path.to_owned() })?;
    let text =
        String::from_utf8(bytes).map_err(|_| IngestError::Binary { path: path.to_owned() })?;
    let mut imported = import_text(&text, SourceFormat::PlainText);
    imported.article.source.path = Some(path.display().to_string());
    Ok(imported)
}

/// Import text that is already decoded (clipboard).
#[must_use]
pub fn import_text(text: &str, format: SourceFormat) -> Imported {
    let blocks: Vec<&str> = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    let mut article = Article::default();
    for block in blocks {
        if !article.text.is_empty() {
            article.text.push('\n');
        }
        let start = article.text.chars().count();
        article.text.push_str(&block.replace('\n', " "));
        let end = article.text.chars().count();
        let direction = if block.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)) {
            Direction::Rtl
        } else {
            Direction::Ltr
        };
        article.paragraphs.push(Paragraph {
            range: CharRange::new(start, end),
            direction,
            ..Paragraph::default()
        });
    }
    article.text.lines().next().unwrap_or_default().clone_into(&mut article.meta.title);
    article.source.format = format;
    Imported { article, warnings: Vec::new() }
}

/// Files to import from `paths`: files as given, folders walked for article files.
#[must_use]
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> =
                        entries.filter_map(Result::ok).map(|e| e.path()).collect();
                    found.sort();
                    files.extend(found.into_iter().filter(|p| p.is_file()));
                }
                Err(source) => errors.push(IngestError::Io { source, path: path.clone() }),
            }
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

/// Import many files, reporting progress; one bad file does not stop the rest.
pub fn import_many(
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Fn(usize, usize),
) -> Vec<(PathBuf, Result<Imported, IngestError>)> {
    let total = paths.len();
    paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let result = import_path(path, options);
            progress(i + 1, total);
            (path.clone(), result)
        })
        .collect()
}
