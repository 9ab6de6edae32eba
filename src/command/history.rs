//! Undo/redo stack over [`Command`]s. Never saved to the project file.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Project;

use super::{Command, CommandError};

/// Identifies a state of the project reached through the history; compare with the
/// state at the last save to know whether there are unsaved changes.
pub type StateId = u64;

#[derive(Debug)]
struct Entry {
    label: String,
    inverse: Command,
    /// State reached by this entry's forward command.
    state: StateId,
    /// State before it.
    before: StateId,
}

/// State ids are unique across all histories of the process, so a cache keyed by
/// state never confuses two projects.
static NEXT_STATE: AtomicU64 = AtomicU64::new(1);

fn fresh_state() -> StateId {
    NEXT_STATE.fetch_add(1, Ordering::Relaxed)
}

/// The workspace's single undo/redo history.
#[derive(Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    current: StateId,
    limit: Option<usize>,
}

impl Default for History {
    fn default() -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), current: fresh_state(), limit: None }
    }
}

impl History {
    /// An empty history that keeps at most `limit` undo steps (`None`: unlimited).
    #[must_use]
    pub fn with_limit(limit: Option<usize>) -> Self {
        Self { limit, ..Self::default() }
    }

    /// Apply `command` to `project` as one undo step labelled `label`.
    /// Clears the redo stack. A failing command changes nothing.
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        command: Command,
    ) -> Result<(), CommandError> {
        if command.is_noop() {
            return Ok(());
        }
        let inverse = command.apply(project)?;
        let entry =
            Entry { label: label.into(), inverse, state: fresh_state(), before: self.current };
        self.current = entry.state;
        self.undo.push(entry);
        self.redo.clear();
        if let Some(limit) = self.limit
            && self.undo.len() > limit
        {
            let excess = self.undo.len() - limit;
            self.undo.drain(..excess);
        }
        Ok(())
    }

    /// Undo the newest step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, CommandError> {
        let Some(entry) = self.undo.pop() else { return Ok(None) };
        match entry.inverse.clone().apply(project) {
            Ok(redo) => {
                self.current = entry.before;
                let label = entry.label.clone();
                self.redo.push(Entry { inverse: redo, ..entry });
                Ok(Some(label))
            }
            Err(err) => {
                self.undo.push(entry);
                Err(err)
            }
        }
    }

    /// Redo the newest undone step; returns its label, or `None`.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, CommandError> {
        let Some(entry) = self.redo.pop() else { return Ok(None) };
        match entry.inverse.clone().apply(project) {
            Ok(undo) => {
                self.current = entry.state;
                let label = entry.label.clone();
                self.undo.push(Entry { inverse: undo, ..entry });
                Ok(Some(label))
            }
            Err(err) => {
                self.redo.push(entry);
                Err(err)
            }
        }
    }

    /// Label of the step [`History::undo`] would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// Label of the step [`History::redo`] would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// The state the project is in now, as far as this history knows.
    #[must_use]
    pub fn state(&self) -> StateId {
        self.current
    }

    /// Forget everything (after opening another project).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.current = fresh_state();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Question, QuestionId};

    fn question(id: u64, title: &str) -> Command {
        Command::PutQuestion(Question {
            id: QuestionId(id),
            title: title.into(),
            translation: String::new(),
            order: 0,
        })
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let mut project = Project::default();
        let empty = project.clone();
        let mut history = History::default();
        history.apply(&mut project, "add", question(5, "Was the White House aware?")).unwrap();
        let after_add = project.clone();
        history.apply(&mut project, "rename", question(5, "Did they approve?")).unwrap();
        let after_rename = project.clone();

        assert_eq!(history.undo(&mut project).unwrap().as_deref(), Some("rename"));
        assert_eq!(project, after_add);
        assert_eq!(history.undo(&mut project).unwrap().as_deref(), Some("add"));
        assert_eq!(project.questions, empty.questions);
        assert_eq!(history.undo(&mut project).unwrap(), None);
        history.redo(&mut project).unwrap();
        history.redo(&mut project).unwrap();
        assert_eq!(project, after_rename);
    }

    #[test]
    fn state_ids_track_the_saved_point_through_undo() {
        let mut project = Project::default();
        let mut history = History::default();
        let saved = history.state();
        history.apply(&mut project, "a", question(1, "q")).unwrap();
        assert_ne!(history.state(), saved);
        history.undo(&mut project).unwrap();
        assert_eq!(history.state(), saved);
        history.redo(&mut project).unwrap();
        assert_ne!(history.state(), saved);
    }

    #[test]
    fn failing_batch_rolls_back() {
        let mut project = Project::default();
        let before = project.clone();
        let batch =
            Command::Batch(vec![question(1, "q"), Command::RemoveLink(crate::model::LinkId(9))]);
        let mut history = History::default();
        assert!(history.apply(&mut project, "bad", batch).is_err());
        assert_eq!(project.questions, before.questions);
        assert_eq!(history.undo_label(), None);
    }
}
