//! Recovery files: autosaved copies of unsaved work, offered for restore after a crash.
//!
//! A recovery file is an ordinary project file (it opens with [`super::load`]) with
//! one comment line in front that says which project it belongs to:
//!
//! ```text
//! // TwoTrack recovery file: autosaved changes that were not saved yet.
//! // recovery: (saved_at: "2025-03-01T10:15:00Z", original_path: Some("/home/a/talks.ron"), project_name: "Talks", state: 42)
//! (
//!     version: 1,
//!     …
//! ```

use std::fs;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{StoreError, atomic, format};
use crate::command::StateId;
use crate::model::Project;

/// Every recovery file's name ends with this.
pub const RECOVERY_SUFFIX: &str = ".recovery.ron";

const HEADER_FIRST: &str = "// TwoTrack recovery file: autosaved changes that were not saved yet.";
const HEADER_PREFIX: &str = "// recovery: ";

/// A recovery file found in the recovery folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file; open it with [`super::load`].
    pub path: PathBuf,
    /// Name of the project it holds.
    pub project_name: String,
    /// When it was written.
    pub saved_at: jiff::Timestamp,
    /// The project file it belongs to; `None` for a project never saved.
    pub original_path: Option<PathBuf>,
}

/// The comment line's content.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    saved_at: jiff::Timestamp,
    original_path: Option<String>,
    project_name: String,
    state: StateId,
}

/// The recovery file for a project saved at `project_path` (one per project file),
/// or for this run's unsaved new project when `None`.
#[must_use]
pub fn recovery_path(project_path: Option<&Path>, recovery_dir: &Path) -> PathBuf {
    let name = match project_path {
        Some(path) => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
            let stem: String = absolute
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default()
                .chars()
                .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
                .take(40)
                .collect();
            format!(
                "{stem}-{:016x}{RECOVERY_SUFFIX}",
                fnv1a(absolute.as_os_str().as_encoded_bytes())
            )
        }
        None => format!("untitled-{}{RECOVERY_SUFFIX}", session_id()),
    };
    recovery_dir.join(name)
}

/// Recovery files in `recovery_dir`, newest first. A missing folder has none; a
/// file whose header cannot be read is still listed (name from the file name,
/// time from the file system).
#[must_use]
pub fn list_recoveries(recovery_dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(recovery_dir) else { return Vec::new() };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(RECOVERY_SUFFIX))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| read_recovery_header(&e.path()))
        .collect();
    found.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.path.cmp(&b.path)));
    found
}

/// Delete a recovery file (restored, saved, or declined by the analyst). Only files
/// named `*.recovery.ron` are deleted; an already deleted one is not an error.
pub fn discard_recovery(path: &Path) -> Result<(), StoreError> {
    if !path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(RECOVERY_SUFFIX)) {
        return Err(StoreError::NotAProject {
            reason: format!("only files named *{RECOVERY_SUFFIX} are discarded as recovery files"),
            path: path.to_owned(),
        });
    }
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io("delete the recovery file", e, path)),
    }
}

/// Write `project` as the recovery file for `project_path` in `recovery_dir`,
/// atomically; returns the recovery file's path.
pub fn write_recovery(
    project: &Project,
    state: StateId,
    project_path: Option<&Path>,
    recovery_dir: &Path,
) -> Result<PathBuf, StoreError> {
    fs::create_dir_all(recovery_dir)
        .map_err(|e| StoreError::io("create the recovery folder", e, recovery_dir))?;
    let path = recovery_path(project_path, recovery_dir);
    let header = Header {
        saved_at: jiff::Timestamp::now(),
        original_path: project_path
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()))
            .map(|p| p.to_string_lossy().into_owned()),
        project_name: project.name.clone(),
        state,
    };
    let header = ron::to_string(&header)
        .map_err(|e| StoreError::Serialize { message: e.to_string(), path: path.clone() })?;
    let body = format::serialize(project, &path)?;
    let text = format!("{HEADER_FIRST}\n{HEADER_PREFIX}{header}\n{body}\n");
    let mut write_all = |file: &mut fs::File, bytes: &[u8]| std::io::Write::write_all(file, bytes);
    atomic::write_atomic(&path, text.as_bytes(), atomic::Backup::None, &mut write_all)?;
    Ok(path)
}

/// What the header of the recovery file at `path` says, with fallbacks.
fn read_recovery_header(path: &Path) -> Recovery {
    let header = fs::File::open(path).ok().and_then(|file| {
        let reader = BufReader::new(file.take(64 * 1024));
        reader
            .lines()
            .take(4)
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix(HEADER_PREFIX).map(str::to_owned))
            .and_then(|ron_text| ron::from_str::<Header>(&ron_text).ok())
    });
    match header {
        Some(h) => Recovery {
            path: path.to_owned(),
            project_name: h.project_name,
            saved_at: h.saved_at,
            original_path: h.original_path.map(PathBuf::from),
        },
        None => Recovery {
            path: path.to_owned(),
            project_name: path
                .file_name()
                .map(|n| n.to_string_lossy().trim_end_matches(RECOVERY_SUFFIX).to_owned())
                .unwrap_or_default(),
            saved_at: fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| jiff::Timestamp::try_from(t).ok())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            original_path: None,
        },
    }
}

/// Distinguishes this run's untitled recovery file from an earlier run's.
fn session_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let secs = jiff::Timestamp::now().as_second();
        format!("{secs}-{}", std::process::id())
    })
}

/// FNV-1a: a stable hash for file names (the standard hasher may change between
/// Rust releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_names_are_stable_per_project_and_distinct() {
        let dir = Path::new("/rec");
        let a = recovery_path(Some(Path::new("/p/تفاوض سري.ron")), dir);
        assert_eq!(a, recovery_path(Some(Path::new("/p/تفاوض سري.ron")), dir));
        assert_ne!(a, recovery_path(Some(Path::new("/q/تفاوض سري.ron")), dir));
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("تفاوض_سري-"), "{name}");
        assert!(name.ends_with(RECOVERY_SUFFIX));
        let untitled = recovery_path(None, dir);
        assert_eq!(untitled, recovery_path(None, dir));
        assert!(untitled.to_string_lossy().contains("untitled-"));
    }

    #[test]
    fn discard_refuses_files_that_are_not_recovery_files() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("a.ron");
        fs::write(&project, "(version: 1)").unwrap();
        assert!(discard_recovery(&project).is_err());
        assert!(project.exists());
        discard_recovery(&dir.path().join(format!("gone{RECOVERY_SUFFIX}"))).unwrap();
    }
}
