//! The only code that reads or writes project files: versioned RON, atomic save,
//! autosave and recovery, migration of older versions, readable errors.
//!
//! - [`load`] opens a project file (any supported version) and reports problems as
//!   [`StoreError`] with line, column and path; it never writes.
//! - [`save`] replaces a project file atomically and keeps `NAME.ron.bak`.
//! - [`FileStamp`] notices when something else changed the file on disk.
//! - [`Autosaver`] writes recovery files on a background thread;
//!   [`list_recoveries`] finds them after a crash.
//!
//! The file format, field by field, and the save and recovery behaviour are
//! documented in `src/store/FORMAT.md`.

mod atomic;
mod autosave;
mod error;
mod format;
mod load;
mod recovery;
mod stamp;
mod v0;
mod warning;

pub use atomic::{WriteFn, backup_path, save, save_with};
pub use autosave::{AutosaveSnapshot, AutosaveStatus, Autosaver, DEFAULT_AUTOSAVE_INTERVAL};
pub use error::StoreError;
pub use format::{from_ron_str, to_ron_string};
pub use load::{Loaded, MAX_PROJECT_BYTES, load};
pub use recovery::{
    RECOVERY_SUFFIX, Recovery, discard_recovery, list_recoveries, recovery_path, write_recovery,
};
pub use stamp::{DiskState, FileStamp};
pub use warning::LoadWarning;
