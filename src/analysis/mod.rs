//! Sentence segmentation, attribution cues, speakers, classification and
//! similarity: pure functions over text and lexicon data.
//!
//! PLACEHOLDER statement finder: finds nothing yet.

pub mod normalize;

pub use normalize::{fold, fold_with_map};

use crate::model::{Article, Statement};

/// Suggested statements for an article (ids 0: the caller assigns them).
#[must_use]
pub fn analyze_article(article: &Article) -> Vec<Statement> {
    let _ = article;
    Vec::new()
}
