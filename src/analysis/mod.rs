//! Sentence segmentation, attribution cues, speakers and official/unofficial
//! classification: pure functions over text and lexicon data.
//!
//! [`analyze_article`] finds the statements of an article with a [`Lexicon`];
//! [`merge_suggestions`] turns them into a command that respects the analyst's
//! decisions.

mod finder;
pub mod lexicon;
mod merge;
mod names;
pub mod normalize;
pub mod segment;
mod speaker;
mod token;

pub use finder::analyze_article;
pub use lexicon::{Lexicon, LexiconError};
pub use merge::merge_suggestions;
pub use normalize::{fold, fold_with_map};
