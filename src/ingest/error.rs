//! Why an import failed, in words an analyst can act on; the file comes last.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::MAX_FILE_BYTES;

/// Why a file (or pasted text) could not be imported.
///
/// Every message says what is wrong and ends with the file's path.
#[derive(Debug, Error)]
pub enum IngestError {
    /// The operating system refused to read the file or folder.
    #[error("cannot read it ({source}): {}", path.display())]
    Io {
        /// The OS error.
        source: std::io::Error,
        /// The file or folder.
        path: PathBuf,
    },
    /// Nothing exists at the path.
    #[error("no such file or folder: {}", path.display())]
    NotFound {
        /// The missing path.
        path: PathBuf,
    },
    /// A folder was given where a file was expected.
    #[error("this is a folder, not an article file (import the folder instead): {}", path.display())]
    IsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "the file is too large to be one article ({} MB; the limit is {} MB): {}",
        mb(*size), mb(*limit), path.display()
    )]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes ([`MAX_FILE_BYTES`]).
        limit: u64,
        /// The file.
        path: PathBuf,
    },
    /// The file has no text at all.
    #[error("the file is empty: {}", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not text (an image, a PDF, a word-processor file …).
    #[error("the file is not text{}: {}", kind.map(|k| format!(" (it looks like {k})")).unwrap_or_default(), path.display())]
    Binary {
        /// What the file looks like, when recognised ("a PDF document").
        kind: Option<&'static str>,
        /// The file.
        path: PathBuf,
    },
    /// The encoding override is not a known encoding label.
    #[error("unknown text encoding \"{label}\" (try UTF-8, windows-1256 or ISO-8859-6): {}", path.display())]
    UnknownEncoding {
        /// The label as given.
        label: String,
        /// The file.
        path: PathBuf,
    },
    /// An HTML page whose body holds no readable text.
    #[error("no article text found in this web page: {}", path.display())]
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// A bug in TwoTrack stopped this one import; the rest of a batch goes on.
    #[error("TwoTrack failed while reading this file (please report it): {}", path.display())]
    Internal {
        /// The file.
        path: PathBuf,
    },
}

impl IngestError {
    /// The file or folder the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::NotFound { path }
            | IngestError::IsFolder { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::UnknownEncoding { path, .. }
            | IngestError::NoText { path }
            | IngestError::Internal { path } => path,
        }
    }

    /// A "too large" error for `size` bytes.
    pub(crate) fn too_large(size: u64, path: &Path) -> Self {
        IngestError::TooLarge { size, limit: MAX_FILE_BYTES, path: path.to_owned() }
    }
}

/// Megabytes with one decimal, for messages.
fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_end_with_the_path() {
        let path = Path::new("/tmp/a.txt");
        let errors = [
            IngestError::too_large(25 * 1024 * 1024, path),
            IngestError::Empty { path: path.to_owned() },
            IngestError::Binary { kind: Some("a PDF document"), path: path.to_owned() },
            IngestError::UnknownEncoding { label: "x".into(), path: path.to_owned() },
        ];
        for error in errors {
            let message = error.to_string();
            assert!(message.ends_with("/tmp/a.txt"), "{message}");
            assert_eq!(error.path(), path);
        }
        assert_eq!(
            IngestError::too_large(25 * 1024 * 1024, path).to_string(),
            "the file is too large to be one article (25.0 MB; the limit is 20.0 MB): /tmp/a.txt"
        );
        assert_eq!(
            IngestError::Binary { kind: Some("a PDF document"), path: path.to_owned() }.to_string(),
            "the file is not text (it looks like a PDF document): /tmp/a.txt"
        );
    }
}
