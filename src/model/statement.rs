//! A statement: a span of an article attributed to someone, and its classification.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{ArticleId, QuestionId, StatementId, TextSpan};

/// Track one, track two, or neither. The rules are in the README's table.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Kind {
    /// On the record, by an organisation or its designated representative.
    Official,
    /// Anonymous or unnamed sources, former officials, back channels, leaks,
    /// independent commentators, and outlets' reports resting on such sources.
    Unofficial,
    /// Narrative, background or analysis with no attribution.
    #[default]
    Unclassified,
}

impl Kind {
    /// Lower-case name used in JSON and CSV output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Official => "official",
            Kind::Unofficial => "unofficial",
            Kind::Unclassified => "unclassified",
        }
    }
}

/// Whether the analyst has looked at a statement yet. Separate from its kind.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Review {
    /// Proposed by the analysis; not yet reviewed.
    #[default]
    Suggested,
    /// Reviewed and kept (with whatever kind it now has).
    Accepted,
    /// Reviewed and dismissed: not a statement. Kept so re-analysis does not
    /// suggest it again.
    Rejected,
}

/// Who created a statement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// Found by the analysis.
    #[default]
    Analysis,
    /// Marked by the analyst.
    Analyst,
}

/// A statement found in (or marked on) an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Project-wide id.
    pub id: StatementId,
    /// The article it is in.
    pub article: ArticleId,
    /// Its characters in the article, with quote and context.
    pub span: TextSpan,
    /// The attribution cue ("said", "نقلا عن" …), when one was found.
    pub cue: Option<TextSpan>,
    /// Official, unofficial or unclassified.
    pub kind: Kind,
    /// Suggested, accepted or rejected.
    pub review: Review,
    /// Found by the analysis or marked by the analyst.
    pub origin: Origin,
    /// Who speaks, as the article puts it ("a State Department spokesperson").
    pub speaker: Option<String>,
    /// Whose position it is ("US State Department").
    pub actor: Option<String>,
    /// Outlets relaying it, nearest first ("NBC News", "Reuters").
    pub via: Vec<String>,
    /// Confidence of the suggestion, 0–1 (1 for the analyst's own).
    pub confidence: f32,
    /// Language code of the statement text.
    pub lang: String,
    /// Why the analysis chose the kind, in words ("anonymous source: sources familiar").
    pub reason: Option<String>,
    /// The question it answers, if assigned.
    pub question: Option<QuestionId>,
    /// Analyst's tags.
    pub tags: BTreeSet<String>,
    /// Translation for colleagues who do not read the original.
    pub translation: String,
}

impl Statement {
    /// True once the analyst has accepted or rejected it.
    #[must_use]
    pub fn is_reviewed(&self) -> bool {
        self.review != Review::Suggested
    }

    /// True unless rejected.
    #[must_use]
    pub fn is_visible(&self) -> bool {
        self.review != Review::Rejected
    }
}
