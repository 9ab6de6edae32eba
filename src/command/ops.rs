//! Constructors for the edits the UI offers, built from the current project state.
//!
//! Each returns a [`Command`] (often a [`Command::Batch`]) ready for
//! [`super::History::apply`], or `None` when the edit does not apply.

use crate::model::{Kind, Origin, Project, Review, Statement, StatementId};

use super::Command;

/// A changed copy of statement `id`, as a command.
pub fn edit_statement(
    project: &Project,
    id: StatementId,
    edit: impl FnOnce(&mut Statement),
) -> Option<Command> {
    let mut statement = project.statements.get(&id)?.clone();
    edit(&mut statement);
    Some(Command::PutStatement(Box::new(statement)))
}

/// Set a statement's kind; the analyst's choice counts as a review.
#[must_use]
pub fn set_kind(project: &Project, id: StatementId, kind: Kind) -> Option<Command> {
    edit_statement(project, id, |s| {
        s.kind = kind;
        s.review = Review::Accepted;
    })
}

/// Accept a suggestion as it is.
#[must_use]
pub fn accept(project: &Project, id: StatementId) -> Option<Command> {
    edit_statement(project, id, |s| s.review = Review::Accepted)
}

/// Reject a suggestion: it is hidden and not suggested again.
#[must_use]
pub fn reject(project: &Project, id: StatementId) -> Option<Command> {
    edit_statement(project, id, |s| s.review = Review::Rejected)
}

/// True for statements the analyst created or decided on, which re-analysis must keep.
#[must_use]
pub fn is_analyst_decision(statement: &Statement) -> bool {
    statement.origin == Origin::Analyst || statement.review != Review::Suggested
}
