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

/// Remove an article with everything attached to it (statements, their links and
/// notes, the article's notes) as one undoable step.
#[must_use]
pub fn remove_article_cascade(project: &Project, id: crate::model::ArticleId) -> Command {
    use crate::model::NoteTarget;
    let statements: Vec<StatementId> = project.statements_of(id).map(|s| s.id).collect();
    let mut commands: Vec<Command> = project
        .links
        .values()
        .filter(|l| statements.contains(&l.from) || statements.contains(&l.to))
        .map(|l| Command::RemoveLink(l.id))
        .collect();
    commands.extend(
        project
            .notes
            .values()
            .filter(|n| match n.target {
                NoteTarget::Statement(s) => statements.contains(&s),
                NoteTarget::Article(a) => a == id,
                NoteTarget::Project | NoteTarget::Question(_) => false,
            })
            .map(|n| Command::RemoveNote(n.id)),
    );
    commands.extend(statements.iter().map(|&s| Command::RemoveStatement(s)));
    commands.push(Command::RemoveArticle(id));
    Command::Batch(commands)
}

/// Remove a question; its statements become unassigned and its notes go with it.
#[must_use]
pub fn remove_question_cascade(project: &Project, id: crate::model::QuestionId) -> Command {
    use crate::model::NoteTarget;
    let mut commands: Vec<Command> = project
        .statements
        .values()
        .filter(|s| s.question == Some(id))
        .filter_map(|s| edit_statement(project, s.id, |s| s.question = None))
        .collect();
    commands.extend(
        project
            .notes
            .values()
            .filter(|n| n.target == NoteTarget::Question(id))
            .map(|n| Command::RemoveNote(n.id)),
    );
    commands.push(Command::RemoveQuestion(id));
    Command::Batch(commands)
}
