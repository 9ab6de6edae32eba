//! Atomic save: the project file on disk is always a complete, valid version.
//!
//! The new text goes to a temporary file in the same folder, which is flushed to
//! disk; the current `NAME.ron` is hard-linked to `NAME.ron.bak` (copied where the
//! file system has no hard links); the temporary file is renamed over `NAME.ron`;
//! the folder is flushed. A rename within one folder replaces the name in one
//! step, so a crash or power cut at any moment leaves either the old or the new
//! file under `NAME.ron`, never a partial one.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::{StoreError, format};
use crate::model::Project;

/// Writes the bytes of the temporary file. [`save`] uses `write_all`; tests pass a
/// writer that fails midway to act like a full disk.
pub type WriteFn<'a> = dyn FnMut(&mut File, &[u8]) -> io::Result<()> + 'a;

/// Temporary files older than this, left by a save that was killed, are removed by
/// the next save into the same folder.
const STALE_TEMP_AGE: Duration = Duration::from_mins(10);

/// Save `project` to `path` atomically, keeping the previous file as `NAME.ron.bak`.
///
/// On error the file at `path` is unchanged and the temporary file is removed.
pub fn save(path: &Path, project: &Project) -> Result<(), StoreError> {
    save_with(path, project, &mut |file: &mut File, bytes: &[u8]| file.write_all(bytes))
}

/// [`save`] with the step that writes the temporary file replaced by `write`
/// (fault injection for tests).
pub fn save_with(
    path: &Path,
    project: &Project,
    write: &mut WriteFn<'_>,
) -> Result<(), StoreError> {
    let text = format::serialize(project, path)?;
    write_atomic(path, text.as_bytes(), Backup::Keep, write)
}

/// The backup `save` keeps of the previous version: `NAME.ron.bak` next to `NAME.ron`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Whether [`write_atomic`] keeps the replaced file as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Backup {
    /// Hard-link (or copy) the current file to `NAME.bak` first.
    Keep,
    /// Just replace the file (recovery files).
    None,
}

/// Replace the file at `path` with `bytes` atomically (see the module docs).
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    backup: Backup,
    write: &mut WriteFn<'_>,
) -> Result<(), StoreError> {
    let target = resolve_symlink(path);
    let dir = parent_dir(&target);
    let Some(name) = target.file_name().map(OsString::from) else {
        return Err(StoreError::Io {
            op: "save to a path without a file name",
            source: io::Error::from(io::ErrorKind::InvalidInput),
            path: target,
        });
    };
    let (mut file, temp) = create_temp(&dir, &name).map_err(|e| {
        StoreError::io("create a temporary file in the project's folder", e, &target)
    })?;
    write(&mut file, bytes).map_err(|e| StoreError::io("write the project", e, &target))?;
    if let Ok(meta) = fs::metadata(&target) {
        // Keep the owner's choice of permissions; not fatal where it fails.
        let _ = file.set_permissions(meta.permissions());
    }
    file.sync_all().map_err(|e| StoreError::io("flush the project to disk", e, &target))?;
    drop(file);
    if backup == Backup::Keep && target.exists() {
        make_backup(&target, &dir)?;
    }
    fs::rename(temp.path(), &target)
        .map_err(|e| StoreError::io("replace the project file with the new version", e, &target))?;
    temp.disarm();
    sync_dir(&dir);
    remove_stale_temps(&dir, &name);
    Ok(())
}

/// Save through a symbolic link to the file it points at, so the link survives.
fn resolve_symlink(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    path.to_owned()
}

/// The folder holding `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file that is removed when dropped, unless disarmed.
struct TempFile(Option<PathBuf>);

impl TempFile {
    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// A fresh `.NAME.<pid>-<n>.tmp` in `dir`, created exclusively.
fn create_temp(dir: &Path, name: &OsString) -> io::Result<(File, TempFile)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last_error = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, TempFile(Some(temp)))),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_error)
}

/// Make `NAME.bak` the current `NAME`, replacing an older backup in one step.
fn make_backup(target: &Path, dir: &Path) -> Result<(), StoreError> {
    let bak = backup_path(target);
    let bak_name = bak.file_name().map(OsString::from).unwrap_or_default();
    let fail = |e| StoreError::io("keep the previous version as a .bak file", e, &bak);
    let (file, temp) = create_temp(dir, &bak_name).map_err(fail)?;
    drop(file);
    // `hard_link` needs a free name: link to the temp name after freeing it.
    fs::remove_file(temp.path()).map_err(fail)?;
    if fs::hard_link(target, temp.path()).is_err() {
        // No hard links here (FAT, some network shares): copy instead.
        fs::copy(target, temp.path()).map_err(fail)?;
        File::open(temp.path()).and_then(|f| f.sync_all()).map_err(fail)?;
    }
    fs::rename(temp.path(), &bak).map_err(fail)?;
    temp.disarm();
    Ok(())
}

/// Flush the folder so the rename itself survives a power cut. Folders cannot be
/// opened as files on Windows, where the rename is already durable.
fn sync_dir(dir: &Path) {
    if cfg!(unix)
        && let Err(e) = File::open(dir).and_then(|d| d.sync_all())
    {
        log::warn!("could not flush folder {} after saving: {e}", dir.display());
    }
}

/// Remove temporary files of earlier saves of `name` that were killed midway.
fn remove_stale_temps(dir: &Path, name: &OsString) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let prefix = prefix.to_string_lossy().into_owned();
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}
