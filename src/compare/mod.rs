//! Across articles: claim clusters, divergences between reports of one claim,
//! independence of corroboration, and near-identical (syndicated) articles.
//!
//! Everything here is a pure function of a [`crate::model::Project`]; results carry
//! ids so panels can select and link them. [`clusters`] recomputes everything in
//! one pass (about 0.6 s for 5,000 statements in a release build on two busy
//! cores, see `benches/cluster.rs`), so callers recompute after a change —
//! off the UI thread for big projects — rather than patching results.
//!
//! - **Claim clusters** ([`clusters`]): statements whose text is alike after
//!   folding and light stemming, that share a quotation, or (across languages)
//!   share names, terms, numbers and dates through the bilingual name table
//!   (`assets/names.ron` plus [`crate::model::Project::name_table`]). The analyst's
//!   merges and splits ([`merge_command`], [`split_command`]) always win.
//! - **Divergences** ([`Divergence`]): negation (including lexicon opposites:
//!   "halted" reads as "not running"), numbers, dates, speaker, actor.
//! - **Independence** ([`Independence`]): distinct origins following `via` chains
//!   and syndicated copies; on-record backing.

mod cluster;
mod divergence;
mod features;
mod grouping;
mod hash;
mod independence;
mod lexicon;
mod names;
mod overrides;
mod quantity;
mod similarity;
mod syndication;
mod tokens;
mod translit;
mod when;

pub use cluster::{
    Cluster, ClusterId, Clusters, EarliestReport, PAIR_THRESHOLD, PairExplanation, clusters,
    explain_pair,
};
pub use divergence::{Divergence, DivergenceKind};
pub use independence::{Independence, OriginGroup};
pub use names::default_name_table;
pub use overrides::{merge_command, split_command};
pub use syndication::{SYNDICATION_MIN, Syndication, syndicated_articles, syndicated_with};
pub use when::{article_sort_key, sort_key};
