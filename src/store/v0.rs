//! Version 0 of the project file: the pre-release layout, read only to migrate it.
//!
//! Differences from version 1:
//! - statements had `official: Option<bool>` (`Some(true)` official, `Some(false)`
//!   unofficial, `None` unclassified) instead of `kind`, and no `review`, `origin`
//!   or `translation`;
//! - notes and questions had no `translation`;
//! - the project had no `next_id`, `name_table` or `cluster_overrides`.
//!
//! Articles, spans, links and note targets were already laid out as in version 1,
//! so the current types are reused for them. If a later version changes one of
//! those types, freeze a copy of its old layout here first.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::model::{
    Article, ArticleId, CURRENT_VERSION, Kind, Link, LinkId, Note, NoteId, NoteTarget, Origin,
    Project, Question, QuestionId, Review, Statement, StatementId, TextSpan,
};

/// A version-0 project file.
#[derive(Debug, Deserialize)]
#[serde(rename = "Project")]
pub(crate) struct ProjectV0 {
    /// Always 0.
    #[expect(dead_code, reason = "read by the version probe; kept to document the layout")]
    version: u32,
    name: String,
    articles: BTreeMap<ArticleId, Article>,
    statements: BTreeMap<StatementId, StatementV0>,
    questions: BTreeMap<QuestionId, QuestionV0>,
    links: BTreeMap<LinkId, Link>,
    notes: BTreeMap<NoteId, NoteV0>,
}

/// A version-0 statement.
#[derive(Debug, Deserialize)]
#[serde(rename = "Statement")]
struct StatementV0 {
    id: StatementId,
    article: ArticleId,
    span: TextSpan,
    cue: Option<TextSpan>,
    official: Option<bool>,
    speaker: Option<String>,
    actor: Option<String>,
    via: Vec<String>,
    confidence: f32,
    lang: String,
    reason: Option<String>,
    question: Option<QuestionId>,
    tags: BTreeSet<String>,
}

/// A version-0 note.
#[derive(Debug, Deserialize)]
#[serde(rename = "Note")]
struct NoteV0 {
    id: NoteId,
    target: NoteTarget,
    text: String,
    created: jiff::Timestamp,
    modified: jiff::Timestamp,
}

/// A version-0 question.
#[derive(Debug, Deserialize)]
#[serde(rename = "Question")]
struct QuestionV0 {
    id: QuestionId,
    title: String,
    order: u32,
}

impl ProjectV0 {
    /// The same project in the current layout. Classifications become
    /// [`Review::Suggested`] statements found by the analysis, so the analyst
    /// reviews them once in the new workflow; `next_id` is set above every id.
    pub(crate) fn migrate(self) -> Project {
        let max_id = self
            .articles
            .keys()
            .map(|id| id.0)
            .chain(self.statements.keys().map(|id| id.0))
            .chain(self.questions.keys().map(|id| id.0))
            .chain(self.links.keys().map(|id| id.0))
            .chain(self.notes.keys().map(|id| id.0))
            .max()
            .unwrap_or(0);
        Project {
            version: CURRENT_VERSION,
            name: self.name,
            next_id: max_id.saturating_add(1),
            articles: self.articles,
            statements: self.statements.into_iter().map(|(id, s)| (id, s.migrate())).collect(),
            questions: self
                .questions
                .into_iter()
                .map(|(id, q)| {
                    (
                        id,
                        Question {
                            id: q.id,
                            title: q.title,
                            translation: String::new(),
                            order: q.order,
                        },
                    )
                })
                .collect(),
            links: self.links,
            notes: self
                .notes
                .into_iter()
                .map(|(id, n)| {
                    let note = Note {
                        id: n.id,
                        target: n.target,
                        text: n.text,
                        translation: String::new(),
                        created: n.created,
                        modified: n.modified,
                    };
                    (id, note)
                })
                .collect(),
            name_table: Vec::new(),
            cluster_overrides: Vec::new(),
        }
    }
}

impl StatementV0 {
    fn migrate(self) -> Statement {
        let kind = match self.official {
            Some(true) => Kind::Official,
            Some(false) => Kind::Unofficial,
            None => Kind::Unclassified,
        };
        Statement {
            id: self.id,
            article: self.article,
            span: self.span,
            cue: self.cue,
            kind,
            review: Review::Suggested,
            origin: Origin::Analysis,
            speaker: self.speaker,
            actor: self.actor,
            via: self.via,
            confidence: self.confidence,
            lang: self.lang,
            reason: self.reason,
            question: self.question,
            tags: self.tags,
            translation: String::new(),
        }
    }
}
