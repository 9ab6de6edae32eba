//! [`FileStamp`]: what a project file looked like when it was opened or saved, so
//! the app can tell when something else changed it on disk.

use std::fs;
use std::hash::Hasher as _;
use std::path::Path;
use std::time::SystemTime;

/// Modification time, length and a hash of a file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: u64,
}

/// How a file compares with its [`FileStamp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// Same content as when stamped.
    Unchanged,
    /// Something else wrote different content.
    Modified,
    /// The file is gone or cannot be read.
    Missing,
}

impl FileStamp {
    /// Stamp the file at `path` as it is now; `None` when it cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = fs::metadata(path).ok()?;
        let bytes = fs::read(path).ok()?;
        Some(Self::from_parts(&bytes, meta.modified().ok()))
    }

    /// A stamp from bytes already read and the file's modification time.
    #[must_use]
    pub fn from_parts(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        FileStamp { modified, len: bytes.len() as u64, hash: hash_bytes(bytes) }
    }

    /// Compare the file at `path` with this stamp. Cheap when nothing changed (one
    /// `stat`); the file is read only when its time changed but not its length, so a
    /// `touch` or a sync tool rewriting identical bytes is not reported.
    #[must_use]
    pub fn check(&self, path: &Path) -> DiskState {
        let Ok(meta) = fs::metadata(path) else { return DiskState::Missing };
        if meta.len() != self.len {
            return DiskState::Modified;
        }
        if meta.modified().ok() == self.modified {
            return DiskState::Unchanged;
        }
        match fs::read(path) {
            Ok(bytes) if hash_bytes(&bytes) == self.hash && bytes.len() as u64 == self.len => {
                DiskState::Unchanged
            }
            Ok(_) => DiskState::Modified,
            Err(_) => DiskState::Missing,
        }
    }

    /// Length of the stamped file in bytes.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.len
    }

    /// True when the stamped file was empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A fast in-process hash (`SipHash` with fixed keys); stamps are never stored.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touch_is_unchanged_new_content_is_modified_removal_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "(version: 1)").unwrap();
        let stamp = FileStamp::of(&path).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Unchanged);

        let file = fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Unchanged, "same bytes, new time");

        fs::write(&path, "(version: 2)").unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Modified, "same length, other bytes");
        fs::write(&path, "(version: 12)").unwrap();
        assert_eq!(stamp.check(&path), DiskState::Modified);
        fs::remove_file(&path).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Missing);
    }
}
