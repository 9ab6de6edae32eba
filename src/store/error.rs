//! [`StoreError`]: why a project file could not be read or written, in words an
//! analyst can act on, with the file's path last.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Why a project (or recovery) file could not be read or written.
///
/// Every message names the file last. Loading never writes, so a file that fails
/// to load is left exactly as it was.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The operating system refused an operation.
    #[error("Could not {op} ({source}): {}", path.display())]
    Io {
        /// What was being done, as a verb phrase ("read the project file").
        op: &'static str,
        /// The OS error.
        source: io::Error,
        /// The file or folder concerned.
        path: PathBuf,
    },
    /// The file is RON-like but has a syntax or structure error.
    #[error(
        "The project file is damaged or was edited by hand: line {line}, column {column}: {message}: {}",
        path.display()
    )]
    Parse {
        /// Line of the error, counting from 1.
        line: usize,
        /// Column of the error in characters, counting from 1.
        column: usize,
        /// What is wrong, as the RON reader puts it.
        message: String,
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer TwoTrack whose format this build cannot read.
    #[error(
        "The project was saved by a newer TwoTrack (file format version {found}; this version reads up to {supported}). Update TwoTrack to open it: {}",
        path.display()
    )]
    NewerVersion {
        /// Version found in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
        /// The file.
        path: PathBuf,
    },
    /// The file is not a TwoTrack project at all (binary, empty, another format).
    #[error("This is not a TwoTrack project file: {reason}: {}", path.display())]
    NotAProject {
        /// Why, in words ("the file is empty").
        reason: String,
        /// The file.
        path: PathBuf,
    },
    /// The disk (or the user's quota) is full. The file on disk is unchanged.
    #[error(
        "Not enough disk space to save; the file on disk was left unchanged ({source}): {}",
        path.display()
    )]
    DiskFull {
        /// The OS error.
        source: io::Error,
        /// The file that was being saved.
        path: PathBuf,
    },
    /// The project could not be turned into RON (should not happen with the model's types).
    #[error("Could not write the project as RON ({message}): {}", path.display())]
    Serialize {
        /// The serializer's message.
        message: String,
        /// The file that was being saved.
        path: PathBuf,
    },
    /// The autosave thread has stopped.
    #[error("Autosave is not running: {}", path.display())]
    AutosaveStopped {
        /// The recovery folder.
        path: PathBuf,
    },
}

impl StoreError {
    /// An I/O error, recognising a full disk or quota as [`StoreError::DiskFull`].
    pub(crate) fn io(op: &'static str, source: io::Error, path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        if is_disk_full(&source) {
            StoreError::DiskFull { source, path }
        } else {
            StoreError::Io { op, source, path }
        }
    }

    /// The file this error is about.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Parse { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::NotAProject { path, .. }
            | StoreError::DiskFull { path, .. }
            | StoreError::Serialize { path, .. }
            | StoreError::AutosaveStopped { path } => path,
        }
    }
}

/// True for "no space left on device" and "disk quota exceeded" (the standard
/// library maps `ENOSPC`, `EDQUOT` and Windows' `ERROR_DISK_FULL` to these kinds).
fn is_disk_full(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_disk_is_recognised_and_path_comes_last() {
        let err = StoreError::io(
            "write the temporary file",
            io::Error::from(io::ErrorKind::StorageFull),
            "/tmp/a.ron",
        );
        assert!(matches!(err, StoreError::DiskFull { .. }));
        assert!(err.to_string().ends_with(": /tmp/a.ron"), "{err}");

        let err = StoreError::io("open", io::Error::from(io::ErrorKind::NotFound), "/x/b.ron");
        assert!(matches!(err, StoreError::Io { op: "open", .. }));
        assert!(err.to_string().starts_with("Could not open ("), "{err}");
        assert!(err.to_string().ends_with(": /x/b.ron"), "{err}");
    }
}
