//! [`Autosaver`]: writes unsaved work to a recovery file every few seconds, on a
//! background thread, from a snapshot of the project.
//!
//! The app asks [`Autosaver::is_due`] with its history state each frame; only when
//! it is due does it clone the project into an [`AutosaveSnapshot`] and
//! [`Autosaver::submit`] it. The thread serialises the snapshot and writes the
//! recovery file atomically. The file is removed after an explicit save
//! ([`Autosaver::saved`]), when the analyst discards the changes
//! ([`Autosaver::discard`]) and on a clean exit ([`Autosaver::finish`]). After a
//! crash it stays, and [`super::list_recoveries`] finds it at the next start.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{StoreError, recovery};
use crate::command::StateId;
use crate::model::Project;

/// Default time between autosaves.
pub const DEFAULT_AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// The project as it was at one history state, to be written to a recovery file.
#[derive(Clone, Debug)]
pub struct AutosaveSnapshot {
    /// The project (shared, so the UI thread does not wait for the write).
    pub project: Arc<Project>,
    /// The history state it corresponds to ([`crate::command::History::state`]).
    pub state: StateId,
    /// The project file it belongs to; `None` for a project not saved yet.
    pub project_path: Option<PathBuf>,
}

/// What the autosave thread last did, for the status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutosaveStatus {
    /// The recovery file last written, the state it holds and when.
    pub last_written: Option<(PathBuf, StateId, jiff::Timestamp)>,
    /// The last error, as a message for the analyst (cleared by the next success).
    pub last_error: Option<String>,
}

enum Message {
    Write(AutosaveSnapshot),
    Discard,
    Flush(Sender<()>),
    Finish { remove: bool },
}

/// Owns the autosave thread. Dropping it stops the thread and keeps the recovery
/// file (as after a crash); call [`Autosaver::finish`] on a clean exit.
#[derive(Debug)]
pub struct Autosaver {
    sender: Sender<Message>,
    thread: Option<JoinHandle<()>>,
    status: Arc<Mutex<AutosaveStatus>>,
    recovery_dir: PathBuf,
    interval: Duration,
    clean_state: Option<StateId>,
    last_submitted: Option<StateId>,
    last_submit_at: Instant,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Message::Write(s) => write!(f, "Write(state {})", s.state),
            Message::Discard => f.write_str("Discard"),
            Message::Flush(_) => f.write_str("Flush"),
            Message::Finish { remove } => write!(f, "Finish {{ remove: {remove} }}"),
        }
    }
}

impl Autosaver {
    /// Start the `twotrack-autosave` thread writing recovery files into
    /// `recovery_dir` (created when first needed), at most every `interval`.
    pub fn spawn(interval: Duration, recovery_dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let recovery_dir = recovery_dir.into();
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(AutosaveStatus::default()));
        let thread = std::thread::Builder::new()
            .name(String::from("twotrack-autosave"))
            .spawn({
                let status = Arc::clone(&status);
                let dir = recovery_dir.clone();
                move || run(&receiver, &status, &dir)
            })
            .map_err(|e| StoreError::io("start the autosave thread", e, &recovery_dir))?;
        Ok(Self {
            sender,
            thread: Some(thread),
            status,
            recovery_dir,
            interval,
            clean_state: None,
            last_submitted: None,
            last_submit_at: Instant::now(),
        })
    }

    /// Time between autosaves.
    #[must_use]
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Change the time between autosaves.
    pub fn set_interval(&mut self, interval: Duration) {
        self.interval = interval;
    }

    /// The folder recovery files go to.
    #[must_use]
    pub fn recovery_dir(&self) -> &Path {
        &self.recovery_dir
    }

    /// The project at `state` equals its file (just opened or saved): nothing to
    /// autosave until the state changes.
    pub fn mark_clean(&mut self, state: StateId) {
        self.clean_state = Some(state);
    }

    /// An explicit save of `state` succeeded: remove the recovery file.
    pub fn saved(&mut self, state: StateId) -> Result<(), StoreError> {
        self.mark_clean(state);
        self.discard()
    }

    /// The analyst discarded the unsaved changes (or closed the project): remove
    /// the recovery file written in this run.
    pub fn discard(&mut self) -> Result<(), StoreError> {
        self.last_submitted = None;
        self.send(Message::Discard)
    }

    /// True when the project at `state` has unsaved changes that were not autosaved
    /// and the last autosave is at least one interval ago.
    #[must_use]
    pub fn is_due(&self, state: StateId) -> bool {
        self.clean_state != Some(state)
            && self.last_submitted != Some(state)
            && self.last_submit_at.elapsed() >= self.interval
    }

    /// Hand a snapshot to the thread. Returns at once; a newer snapshot submitted
    /// before the thread gets to an older one replaces it.
    pub fn submit(&mut self, snapshot: AutosaveSnapshot) -> Result<(), StoreError> {
        self.last_submitted = Some(snapshot.state);
        self.last_submit_at = Instant::now();
        self.send(Message::Write(snapshot))
    }

    /// Wait until everything submitted so far has been written (or failed).
    pub fn flush(&self) -> Result<(), StoreError> {
        let (ack, done) = mpsc::channel();
        self.send(Message::Flush(ack))?;
        done.recv().map_err(|_| self.stopped())
    }

    /// What the thread last did.
    #[must_use]
    pub fn status(&self) -> AutosaveStatus {
        self.status.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Clean exit: finish pending work, remove this run's recovery file, stop.
    pub fn finish(mut self) {
        self.stop(true);
    }

    fn stop(&mut self, remove: bool) {
        let _ = self.sender.send(Message::Finish { remove });
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("the autosave thread panicked");
        }
    }

    fn send(&self, message: Message) -> Result<(), StoreError> {
        self.sender.send(message).map_err(|_| self.stopped())
    }

    fn stopped(&self) -> StoreError {
        StoreError::AutosaveStopped { path: self.recovery_dir.clone() }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.stop(false);
    }
}

/// The thread: handle messages in order; of several queued snapshots write only
/// the newest.
fn run(receiver: &Receiver<Message>, status: &Mutex<AutosaveStatus>, dir: &Path) {
    // The recovery file written in this run, if any.
    let mut current: Option<PathBuf> = None;
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        batch.extend(receiver.try_iter());
        let newest_write = batch.iter().rposition(|m| matches!(m, Message::Write(_)));
        for (index, message) in batch.into_iter().enumerate() {
            match message {
                Message::Write(snapshot) if Some(index) == newest_write => {
                    write(&snapshot, dir, &mut current, status);
                }
                Message::Write(_) => {}
                Message::Discard => remove(&mut current, status),
                Message::Flush(ack) => {
                    let _ = ack.send(());
                }
                Message::Finish { remove: remove_file } => {
                    if remove_file {
                        remove(&mut current, status);
                    }
                    return;
                }
            }
        }
    }
}

fn write(
    snapshot: &AutosaveSnapshot,
    dir: &Path,
    current: &mut Option<PathBuf>,
    status: &Mutex<AutosaveStatus>,
) {
    let result = recovery::write_recovery(
        &snapshot.project,
        snapshot.state,
        snapshot.project_path.as_deref(),
        dir,
    );
    let mut status = status.lock().unwrap_or_else(PoisonError::into_inner);
    match result {
        Ok(path) => {
            // After "Save as" the project has a new recovery file; drop the old one.
            if let Some(old) = current.take()
                && old != path
            {
                let _ = recovery::discard_recovery(&old);
            }
            status.last_written = Some((path.clone(), snapshot.state, jiff::Timestamp::now()));
            status.last_error = None;
            *current = Some(path);
        }
        Err(error) => {
            log::warn!("autosave failed: {error}");
            status.last_error = Some(error.to_string());
        }
    }
}

fn remove(current: &mut Option<PathBuf>, status: &Mutex<AutosaveStatus>) {
    let Some(path) = current.take() else { return };
    if let Err(error) = recovery::discard_recovery(&path) {
        log::warn!("could not remove the recovery file: {error}");
        status.lock().unwrap_or_else(PoisonError::into_inner).last_error = Some(error.to_string());
    }
}
