//! Every edit of a [`Project`] is a [`Command`] value applied in one place.
//!
//! Commands are small primitives ("put this statement", "remove that link") plus
//! [`Command::Batch`]; applying one returns its inverse, which is what makes undo,
//! redo, autosave and tests uniform. Friendly constructors for the edits the UI
//! offers live in [`ops`]. The undo/redo stack is [`History`].

mod history;
pub mod ops;

pub use history::{History, StateId};

use thiserror::Error;

use crate::model::{
    Article, ArticleId, ClusterOverride, Link, LinkId, NamePair, Note, NoteId, Project, Question,
    QuestionId, Statement, StatementId,
};

/// One edit of the project.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Insert or replace an article.
    PutArticle(Box<Article>),
    /// Remove an article (fails while statements or notes still refer to it).
    RemoveArticle(ArticleId),
    /// Insert or replace a statement.
    PutStatement(Box<Statement>),
    /// Remove a statement (fails while links or notes still refer to it).
    RemoveStatement(StatementId),
    /// Insert or replace a question.
    PutQuestion(Question),
    /// Remove a question (fails while statements are assigned to it).
    RemoveQuestion(QuestionId),
    /// Insert or replace a link.
    PutLink(Link),
    /// Remove a link.
    RemoveLink(LinkId),
    /// Insert or replace a note.
    PutNote(Note),
    /// Remove a note.
    RemoveNote(NoteId),
    /// Rename the project.
    SetProjectName(String),
    /// Replace the bilingual name table.
    SetNameTable(Vec<NamePair>),
    /// Replace the manual cluster merges and splits.
    SetClusterOverrides(Vec<ClusterOverride>),
    /// Several commands as one undo step, applied in order.
    Batch(Vec<Command>),
}

/// Why a command could not be applied. The project is unchanged when this is returned.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CommandError {
    /// The command refers to an object the project does not have.
    #[error("{what} {id} does not exist")]
    Missing {
        /// Kind of object.
        what: &'static str,
        /// Its id.
        id: u64,
    },
    /// Something still refers to the object being removed.
    #[error("{what} {id} is still used by {by}")]
    InUse {
        /// Kind of object.
        what: &'static str,
        /// Its id.
        id: u64,
        /// What refers to it.
        by: &'static str,
    },
    /// The statement's range or quote does not fit its article's text.
    #[error("statement {id}: its range does not match the text of article {article}")]
    BadSpan {
        /// Statement id.
        id: u64,
        /// Article id.
        article: u64,
    },
    /// An article's text cannot change once it has annotations.
    #[error("the text of article {0} is locked because it has statements")]
    TextLocked(u64),
}

impl Command {
    /// Apply to `project`, returning the command that undoes it. On error the
    /// project is left as it was (a failing batch rolls back what it applied).
    pub fn apply(self, project: &mut Project) -> Result<Command, CommandError> {
        match self {
            Command::PutArticle(article) => put_article(project, *article),
            Command::RemoveArticle(id) => remove_article(project, id),
            Command::PutStatement(statement) => put_statement(project, *statement),
            Command::RemoveStatement(id) => remove_statement(project, id),
            Command::PutQuestion(question) => {
                project.bump_next_id(question.id.0);
                let id = question.id;
                Ok(match project.questions.insert(id, question) {
                    Some(old) => Command::PutQuestion(old),
                    None => Command::RemoveQuestion(id),
                })
            }
            Command::RemoveQuestion(id) => {
                if project.statements.values().any(|s| s.question == Some(id)) {
                    return Err(CommandError::InUse {
                        what: "question",
                        id: id.0,
                        by: "a statement",
                    });
                }
                if project
                    .notes
                    .values()
                    .any(|n| n.target == crate::model::NoteTarget::Question(id))
                {
                    return Err(CommandError::InUse { what: "question", id: id.0, by: "a note" });
                }
                let old = project
                    .questions
                    .remove(&id)
                    .ok_or(CommandError::Missing { what: "question", id: id.0 })?;
                Ok(Command::PutQuestion(old))
            }
            Command::PutLink(link) => {
                for end in [link.from, link.to] {
                    if !project.statements.contains_key(&end) {
                        return Err(CommandError::Missing { what: "statement", id: end.0 });
                    }
                }
                project.bump_next_id(link.id.0);
                let id = link.id;
                Ok(match project.links.insert(id, link) {
                    Some(old) => Command::PutLink(old),
                    None => Command::RemoveLink(id),
                })
            }
            Command::RemoveLink(id) => {
                let old = project
                    .links
                    .remove(&id)
                    .ok_or(CommandError::Missing { what: "link", id: id.0 })?;
                Ok(Command::PutLink(old))
            }
            Command::PutNote(note) => put_note(project, note),
            Command::RemoveNote(id) => {
                let old = project
                    .notes
                    .remove(&id)
                    .ok_or(CommandError::Missing { what: "note", id: id.0 })?;
                Ok(Command::PutNote(old))
            }
            Command::SetProjectName(name) => {
                Ok(Command::SetProjectName(std::mem::replace(&mut project.name, name)))
            }
            Command::SetNameTable(table) => {
                Ok(Command::SetNameTable(std::mem::replace(&mut project.name_table, table)))
            }
            Command::SetClusterOverrides(list) => Ok(Command::SetClusterOverrides(
                std::mem::replace(&mut project.cluster_overrides, list),
            )),
            Command::Batch(list) => apply_batch(project, list),
        }
    }

    /// True when applying it cannot change anything (an empty batch).
    #[must_use]
    pub fn is_noop(&self) -> bool {
        match self {
            Command::Batch(list) => list.iter().all(Command::is_noop),
            _ => false,
        }
    }
}

fn apply_batch(project: &mut Project, list: Vec<Command>) -> Result<Command, CommandError> {
    let mut inverses = Vec::with_capacity(list.len());
    for command in list {
        match command.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(err) => {
                // Roll back what this batch already did, newest first.
                for inverse in inverses.into_iter().rev() {
                    if let Err(rollback) = inverse.apply(project) {
                        log::error!("rollback of a failed batch failed: {rollback}");
                    }
                }
                return Err(err);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(inverses))
}

fn put_article(project: &mut Project, article: Article) -> Result<Command, CommandError> {
    let id = article.id;
    if let Some(existing) = project.articles.get(&id)
        && existing.text != article.text
        && project.is_text_locked(id)
    {
        return Err(CommandError::TextLocked(id.0));
    }
    project.bump_next_id(id.0);
    Ok(match project.articles.insert(id, article) {
        Some(old) => Command::PutArticle(Box::new(old)),
        None => Command::RemoveArticle(id),
    })
}

fn remove_article(project: &mut Project, id: ArticleId) -> Result<Command, CommandError> {
    if project.is_text_locked(id) {
        return Err(CommandError::InUse { what: "article", id: id.0, by: "statements" });
    }
    if project.notes.values().any(|n| n.target == crate::model::NoteTarget::Article(id)) {
        return Err(CommandError::InUse { what: "article", id: id.0, by: "a note" });
    }
    let old =
        project.articles.remove(&id).ok_or(CommandError::Missing { what: "article", id: id.0 })?;
    Ok(Command::PutArticle(Box::new(old)))
}

fn put_statement(project: &mut Project, statement: Statement) -> Result<Command, CommandError> {
    let Some(article) = project.articles.get(&statement.article) else {
        return Err(CommandError::Missing { what: "article", id: statement.article.0 });
    };
    let range = statement.span.range;
    if range.end > article.char_len() || !statement.span.matches(&article.text) {
        return Err(CommandError::BadSpan { id: statement.id.0, article: statement.article.0 });
    }
    if let Some(question) = statement.question
        && !project.questions.contains_key(&question)
    {
        return Err(CommandError::Missing { what: "question", id: question.0 });
    }
    project.bump_next_id(statement.id.0);
    let id = statement.id;
    Ok(match project.statements.insert(id, statement) {
        Some(old) => Command::PutStatement(Box::new(old)),
        None => Command::RemoveStatement(id),
    })
}

fn remove_statement(project: &mut Project, id: StatementId) -> Result<Command, CommandError> {
    if project.links_of(id).next().is_some() {
        return Err(CommandError::InUse { what: "statement", id: id.0, by: "a link" });
    }
    if project.notes.values().any(|n| n.target == crate::model::NoteTarget::Statement(id)) {
        return Err(CommandError::InUse { what: "statement", id: id.0, by: "a note" });
    }
    let old = project
        .statements
        .remove(&id)
        .ok_or(CommandError::Missing { what: "statement", id: id.0 })?;
    Ok(Command::PutStatement(Box::new(old)))
}

fn put_note(project: &mut Project, note: Note) -> Result<Command, CommandError> {
    use crate::model::NoteTarget;
    let missing = match note.target {
        NoteTarget::Project => None,
        NoteTarget::Article(a) => (!project.articles.contains_key(&a)).then_some(("article", a.0)),
        NoteTarget::Statement(s) => {
            (!project.statements.contains_key(&s)).then_some(("statement", s.0))
        }
        NoteTarget::Question(q) => {
            (!project.questions.contains_key(&q)).then_some(("question", q.0))
        }
    };
    if let Some((what, id)) = missing {
        return Err(CommandError::Missing { what, id });
    }
    project.bump_next_id(note.id.0);
    let id = note.id;
    Ok(match project.notes.insert(id, note) {
        Some(old) => Command::PutNote(old),
        None => Command::RemoveNote(id),
    })
}
