//! The project: everything an analysis holds, as plain data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Article, ArticleId, Link, LinkId, NamePair, Note, NoteId, NoteTarget, Question, QuestionId,
    Statement, StatementId,
};

/// Version of the project file format this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// A manual correction of the automatic claim clusters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ClusterOverride {
    /// These two statements report the same claim.
    Merge(StatementId, StatementId),
    /// These two statements do not report the same claim.
    Split(StatementId, StatementId),
}

/// A whole analysis: articles, statements, questions, links and notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// File format version; see [`CURRENT_VERSION`].
    pub version: u32,
    /// The project's name, shown in the window title.
    pub name: String,
    /// Next free id for any new object (ids are never reused).
    pub next_id: u64,
    /// Imported articles.
    pub articles: BTreeMap<ArticleId, Article>,
    /// Statements found or marked in the articles.
    pub statements: BTreeMap<StatementId, Statement>,
    /// Questions positions are lined up against.
    pub questions: BTreeMap<QuestionId, Question>,
    /// Links between statements.
    pub links: BTreeMap<LinkId, Link>,
    /// Analyst notes.
    pub notes: BTreeMap<NoteId, Note>,
    /// Bilingual name table used to match claims across languages.
    pub name_table: Vec<NamePair>,
    /// Manual merges and splits of claim clusters.
    pub cluster_overrides: Vec<ClusterOverride>,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            name: String::from("Untitled"),
            next_id: 1,
            articles: BTreeMap::new(),
            statements: BTreeMap::new(),
            questions: BTreeMap::new(),
            links: BTreeMap::new(),
            notes: BTreeMap::new(),
            name_table: Vec::new(),
            cluster_overrides: Vec::new(),
        }
    }
}

impl Project {
    /// An empty project with a name.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), ..Self::default() }
    }

    /// Reserve a fresh id. Ids are shared by all object types and never reused.
    pub fn alloc_id(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    /// Make sure `next_id` is above `id` (after inserting an object with that id).
    pub fn bump_next_id(&mut self, id: u64) {
        if self.next_id <= id {
            self.next_id = id + 1;
        }
    }

    /// Statements of one article, in text order (visible and rejected alike).
    pub fn statements_of(&self, article: ArticleId) -> impl Iterator<Item = &Statement> {
        let mut list: Vec<&Statement> =
            self.statements.values().filter(|s| s.article == article).collect();
        list.sort_by_key(|s| (s.span.range.start, s.span.range.end, s.id));
        list.into_iter()
    }

    /// True when the article has statements, so its text may no longer change.
    #[must_use]
    pub fn is_text_locked(&self, article: ArticleId) -> bool {
        self.statements.values().any(|s| s.article == article)
    }

    /// Notes attached to `target`, oldest first.
    pub fn notes_on(&self, target: NoteTarget) -> impl Iterator<Item = &Note> {
        let mut list: Vec<&Note> = self.notes.values().filter(|n| n.target == target).collect();
        list.sort_by_key(|n| (n.created, n.id));
        list.into_iter()
    }

    /// Links that start or end at `statement`.
    pub fn links_of(&self, statement: StatementId) -> impl Iterator<Item = &Link> {
        self.links.values().filter(move |l| l.from == statement || l.to == statement)
    }
}
