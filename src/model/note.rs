//! Analyst notes, questions, links between statements, and the bilingual name table.

use serde::{Deserialize, Serialize};

use super::{ArticleId, LinkId, NoteId, QuestionId, StatementId};

/// What a note is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NoteTarget {
    /// The whole project.
    Project,
    /// One article.
    Article(ArticleId),
    /// One statement.
    Statement(StatementId),
    /// One question.
    Question(QuestionId),
}

/// An analyst's note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Project-wide id.
    pub id: NoteId,
    /// What it is about.
    pub target: NoteTarget,
    /// The note, in any language.
    pub text: String,
    /// Its translation, if any.
    pub translation: String,
    /// When it was written.
    pub created: jiff::Timestamp,
    /// When it was last changed.
    pub modified: jiff::Timestamp,
}

/// A question the analyst lines positions up against
/// ("Did the administration approve the talks?").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Project-wide id.
    pub id: QuestionId,
    /// The question as the analyst wrote it.
    pub title: String,
    /// Its translation, if any.
    pub translation: String,
    /// Position in the compare view (smaller first).
    pub order: u32,
}

/// How two statements relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// One says the opposite of the other.
    Contradicts,
    /// One backs the other.
    Supports,
    /// One answers the other.
    RespondsTo,
    /// Both report the same claim.
    SameClaim,
}

impl LinkKind {
    /// All kinds, in menu order.
    pub const ALL: [LinkKind; 4] =
        [LinkKind::Contradicts, LinkKind::Supports, LinkKind::RespondsTo, LinkKind::SameClaim];

    /// Human label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Contradicts => "contradicts",
            LinkKind::Supports => "supports",
            LinkKind::RespondsTo => "responds to",
            LinkKind::SameClaim => "same claim",
        }
    }
}

/// A directed link between two statements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Project-wide id.
    pub id: LinkId,
    /// Source statement.
    pub from: StatementId,
    /// Target statement.
    pub to: StatementId,
    /// Relation.
    pub kind: LinkKind,
}

/// Names that mean the same entity across languages (Lavrov ↔ لافروف).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NamePair {
    /// Every spelling of the name.
    pub names: Vec<String>,
}
