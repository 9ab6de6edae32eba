//! Many files at once: folders walked into article files, and a batch import that
//! reports progress and never stops at a bad file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::sniff::has_article_extension;
use super::{ImportOptions, Imported, IngestError, import_path, io_error};

/// Deepest folder nesting followed when walking.
const MAX_DEPTH: usize = 32;

/// Expand `paths` into files to import: files are kept as given (whatever their
/// extension); folders are walked recursively in name order, picking up files with
/// an article extension (`.txt .text .md .markdown .html .htm .xhtml`) and skipping
/// hidden entries (`.git`, `.DS_Store`). Missing paths and folders that cannot be
/// read are reported; the walk goes on.
#[must_use]
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut visited = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, 0, &mut visited, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(source) => errors.push(io_error(source, path)),
        }
    }
    (files, errors)
}

fn walk(
    dir: &Path,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<IngestError>,
) {
    // Symbolic links can make loops; each real folder is walked once.
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    if depth > MAX_DEPTH || !visited.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(IngestError::Io { source, path: dir.to_owned() });
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry.path()),
            Err(source) => errors.push(IngestError::Io { source, path: dir.to_owned() }),
        }
    }
    children.sort();
    for child in children {
        let hidden = child.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => walk(&child, depth + 1, visited, files, errors),
            Ok(_) if has_article_extension(&child) => files.push(child),
            Ok(_) => {}
            Err(source) => errors.push(IngestError::Io { source, path: child }),
        }
    }
}

/// Import many files, e.g. on a background thread. Folders among `paths` are
/// expanded as by [`expand_paths`] (a folder that cannot be read appears as an
/// entry with its error). `progress(done, total)` is called after each file.
/// One bad file never stops the batch. Missing paths and unreadable folders
/// come first, then every file in the order [`expand_paths`] lists them.
pub fn import_many(
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Fn(usize, usize),
) -> Vec<(PathBuf, Result<Imported, IngestError>)> {
    let (files, errors) = expand_paths(paths);
    let total = files.len();
    let mut results: Vec<(PathBuf, Result<Imported, IngestError>)> =
        errors.into_iter().map(|e| (e.path().to_owned(), Err(e))).collect();
    for (index, file) in files.into_iter().enumerate() {
        let result = import_path(&file, options);
        results.push((file, result));
        progress(index + 1, total);
    }
    results
}
