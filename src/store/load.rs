//! Opening a project file: [`load`] and what it returns, [`Loaded`].

use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::{FileStamp, LoadWarning, StoreError, format, warning};
use crate::model::Project;

/// Project files larger than this are refused before reading (1 GiB; a project of
/// 200 articles and 5,000 statements is about 5 MB).
pub const MAX_PROJECT_BYTES: u64 = 1 << 30;

/// Binary data is detected in this many leading bytes before the rest is read.
const SNIFF_BYTES: usize = 8 * 1024;

/// A project read from disk, with what the app should tell the analyst about it.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The project, in the current format.
    pub project: Project,
    /// The file's format version when it was older and has been migrated. The file
    /// itself is unchanged until the analyst saves.
    pub migrated_from: Option<u32>,
    /// Inconsistencies found (and the safe ones repaired) while loading.
    pub warnings: Vec<LoadWarning>,
    /// The file as read, to notice later changes by something else.
    pub stamp: FileStamp,
}

/// Read the project file at `path` (never writes to it).
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let not_a_project = |reason: String| StoreError::NotAProject { reason, path: path.to_owned() };
    let meta = fs::metadata(path).map_err(|e| StoreError::io("open the project file", e, path))?;
    if meta.is_dir() {
        return Err(not_a_project(String::from("it is a folder")));
    }
    if meta.len() > MAX_PROJECT_BYTES {
        return Err(not_a_project(format!(
            "it is {} MB; project files are at most {} MB",
            meta.len() >> 20,
            MAX_PROJECT_BYTES >> 20
        )));
    }
    let mut file =
        fs::File::open(path).map_err(|e| StoreError::io("open the project file", e, path))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    let read = |file: &mut fs::File, bytes: &mut Vec<u8>, limit: u64| {
        file.by_ref()
            .take(limit)
            .read_to_end(bytes)
            .map_err(|e| StoreError::io("read the project file", e, path))
    };
    read(&mut file, &mut bytes, SNIFF_BYTES as u64)?;
    if bytes.contains(&0) {
        return Err(not_a_project(String::from("it contains binary data")));
    }
    read(&mut file, &mut bytes, MAX_PROJECT_BYTES)?;
    let stamp = FileStamp::from_parts(&bytes, meta.modified().ok());
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.split(|&b| b == b'\n').count();
            let reason = if bytes.contains(&0) {
                String::from("it contains binary data")
            } else {
                format!("it is not UTF-8 text (first invalid byte on line {line})")
            };
            return Err(not_a_project(reason));
        }
    };
    let (mut project, migrated_from) = format::parse(text, path)?;
    let warnings = warning::check_and_repair(&mut project);
    Ok(Loaded { project, migrated_from, warnings, stamp })
}
