//! The only code that reads or writes project files: versioned RON.
//!
//! PLACEHOLDER implementation: plain write, no atomic save yet.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Project;

/// Why a project file could not be read or written.
#[derive(Debug, Error)]
pub enum StoreError {
    /// I/O failure.
    #[error("{source}: {path}")]
    Io {
        /// The OS error.
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// Not a valid project file.
    #[error("{message}: {path}")]
    Parse {
        /// What is wrong, with line and column.
        message: String,
        /// The file.
        path: PathBuf,
    },
}

/// Read a project file.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| StoreError::Io { source, path: path.to_owned() })?;
    ron::from_str(&text)
        .map_err(|e| StoreError::Parse { message: e.to_string(), path: path.to_owned() })
}

/// Write a project file.
pub fn save(path: &Path, project: &Project) -> Result<(), StoreError> {
    let text = ron::ser::to_string_pretty(project, ron::ser::PrettyConfig::default())
        .map_err(|e| StoreError::Parse { message: e.to_string(), path: path.to_owned() })?;
    std::fs::write(path, text).map_err(|source| StoreError::Io { source, path: path.to_owned() })
}
