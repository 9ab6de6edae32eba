//! What a format reader hands on: paragraphs of clean text, with a role when the
//! markup says it (a `#` heading, a `<figcaption>`), and metadata it found.

use crate::model::{ParagraphRole, PubDate};

use super::dates::DateOrder;

/// One paragraph as extracted: a single line of normalised text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Block {
    /// The paragraph's text: no `'\n'`, spaces collapsed, trimmed.
    pub text: String,
    /// The role the markup gave it; `None` lets the classifier decide.
    pub role: Option<ParagraphRole>,
}

impl Block {
    /// A block with no role from markup.
    pub fn plain(text: String) -> Self {
        Block { text, role: None }
    }

    /// A block whose role the markup decided.
    pub fn with_role(text: String, role: ParagraphRole) -> Self {
        Block { text, role: Some(role) }
    }
}

/// Metadata a reader found outside the paragraphs (HTML `<meta>`, JSON-LD,
/// Markdown front matter).
#[derive(Clone, Debug, Default)]
pub(crate) struct FoundMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<PubDate>,
    /// Language the source declares (`<html lang>`), primary subtag.
    pub language: Option<String>,
    /// How the source writes numeric dates.
    pub date_order: DateOrder,
}

/// A reader's result.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extracted {
    pub blocks: Vec<Block>,
    pub found: FoundMeta,
    pub warnings: Vec<String>,
}

/// One article format (plain text, Markdown, HTML): normalised text in, blocks out.
pub(crate) trait FormatReader {
    /// Split `text` (already through [`super::normalize::normalize_text`]) into
    /// paragraphs and collect what metadata the format carries.
    fn read(&self, text: &str) -> Extracted;
}
