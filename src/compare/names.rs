//! The bilingual name table, compiled for matching: the default table shipped in
//! `assets/names.ron` plus the project's own entries, as sequences of stems that
//! map to one *concept* each.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::tokens::{self, Class, Script, Token, Vocabulary};
use crate::model::{NamePair, Project};

/// The default table's source, embedded at build time.
const DEFAULT_TABLE_RON: &str = include_str!("../../assets/names.ron");
/// The bilingual lexicon's source, embedded at build time.
const LEXICON_RON: &str = include_str!("../../assets/claim_terms.ron");

/// The shipped table of entity names.
#[derive(Clone, Debug, Default, Deserialize)]
struct DefaultTable {
    names: Vec<NamePair>,
}

/// The shipped bilingual lexicon of claim-bearing words.
#[derive(Clone, Debug, Default, Deserialize)]
struct Lexicon {
    terms: Vec<Term>,
    /// Pairs of terms where the first says the second is not so ("halted" /
    /// "running"), each named by one English spelling.
    #[serde(default)]
    opposites: Vec<(String, String)>,
}

/// One concept of the lexicon.
#[derive(Clone, Debug, Default, Deserialize)]
struct Term {
    en: Vec<String>,
    ar: Vec<String>,
}

fn default_table() -> &'static DefaultTable {
    static TABLE: OnceLock<DefaultTable> = OnceLock::new();
    TABLE.get_or_init(|| match ron::from_str(DEFAULT_TABLE_RON) {
        Ok(table) => table,
        Err(err) => {
            log::error!("the built-in name table is invalid: {err}: assets/names.ron");
            DefaultTable::default()
        }
    })
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match ron::from_str(LEXICON_RON) {
        Ok(lexicon) => lexicon,
        Err(err) => {
            log::error!("the built-in lexicon is invalid: {err}: assets/claim_terms.ron");
            Lexicon::default()
        }
    })
}

/// The entity names of the shipped table (Lavrov ↔ لافروف …), for seeding or
/// showing the analyst's table.
#[must_use]
pub fn default_name_table() -> Vec<NamePair> {
    default_table().names.clone()
}

/// Index of one concept (an entity or a term) in a [`NameIndex`].
pub(crate) type ConceptId = u32;

#[derive(Clone, Debug)]
struct Entry {
    stems: Vec<String>,
    /// Loose keys of the tokens (see [`tokens::loose_ar`]).
    loose: Vec<String>,
    concept: ConceptId,
    capitals_only: bool,
}

/// A concept found in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// First token.
    pub start: usize,
    /// Number of tokens.
    pub len: usize,
    /// The concept.
    pub concept: ConceptId,
}

/// The compiled table.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    /// Concept of each table entry before joining (union-find parents).
    parent: Vec<ConceptId>,
    /// Whether each concept is an entity name (not a term).
    is_name: Vec<bool>,
    /// Display label of each concept (its first spelling).
    labels: Vec<String>,
    /// Entries by their first stem.
    by_first: HashMap<String, Vec<Entry>>,
    /// Entries with Arabic words by their first loose key; a one-word key that
    /// would lead to several concepts is left out.
    by_loose: HashMap<String, Vec<Entry>>,
    /// Arabic words of the spellings, for clitic resolution.
    vocabulary: Vocabulary,
    /// Lexicon opposites as entry concepts (before joining): the first term says
    /// the second is not so.
    opposite_entries: Vec<(ConceptId, ConceptId)>,
    /// The same by root concept.
    opposites: HashMap<ConceptId, ConceptId>,
}

impl NameIndex {
    /// The default table plus `project`'s entries.
    pub fn for_project(project: &Project) -> Self {
        static DEFAULT: OnceLock<NameIndex> = OnceLock::new();
        let base = DEFAULT.get_or_init(|| {
            let table = default_table();
            let mut index = NameIndex::default();
            for pair in &table.names {
                index.add(pair, true);
            }
            for term in &lexicon().terms {
                let names = term.en.iter().chain(&term.ar).cloned().collect();
                index.add(&NamePair { names }, false);
            }
            index.finish();
            index.resolve_opposites(&lexicon().opposites);
            index.finish();
            index
        });
        if project.name_table.is_empty() {
            return base.clone();
        }
        let mut index = base.clone();
        for pair in &project.name_table {
            index.add(pair, true);
        }
        index.finish();
        index
    }

    /// Index the entries by loose key, leaving out one-word keys that would lead
    /// to several concepts.
    fn finish(&mut self) {
        let mut by_loose: HashMap<String, Vec<Entry>> = HashMap::new();
        for entry in self.by_first.values().flatten() {
            if let Some(first) = entry.loose.first()
                && entry.loose != entry.stems
            {
                by_loose.entry(first.clone()).or_default().push(entry.clone());
            }
        }
        for list in by_loose.values_mut() {
            let single: Vec<ConceptId> =
                list.iter().filter(|e| e.loose.len() == 1).map(|e| self.root(e.concept)).collect();
            if single.iter().any(|&c| c != single.first().copied().unwrap_or(c)) {
                list.retain(|e| e.loose.len() > 1);
            }
            list.sort_by_key(|e| std::cmp::Reverse(e.loose.len()));
        }
        self.by_loose = by_loose;
        self.opposites = self
            .opposite_entries
            .iter()
            .map(|&(negative, positive)| (self.root(negative), self.root(positive)))
            .filter(|(n, p)| n != p)
            .collect();
    }

    /// Find the concepts the lexicon's opposite pairs name (one spelling each).
    fn resolve_opposites(&mut self, pairs: &[(String, String)]) {
        let concept = |index: &Self, spelling: &str| {
            let raw = tokens::split(spelling);
            let analysed = tokens::analyse(&raw, &Vocabulary::default());
            let found = index.find(&analysed);
            match found.as_slice() {
                [one] if one.len == analysed.len() && !index.is_name(one.concept) => {
                    Some(one.concept)
                }
                _ => {
                    log::error!(
                        "opposite '{spelling}' is not one term of the lexicon: assets/claim_terms.ron"
                    );
                    None
                }
            }
        };
        for (negative, positive) in pairs {
            if let (Some(n), Some(p)) = (concept(self, negative), concept(self, positive)) {
                self.opposite_entries.push((n, p));
            }
        }
    }

    /// The term `concept` says is not so, if the lexicon pairs it with one
    /// ("halted" → "running").
    pub fn opposite(&self, concept: ConceptId) -> Option<ConceptId> {
        self.opposites.get(&self.root(concept)).copied()
    }

    fn add(&mut self, pair: &NamePair, is_name: bool) {
        let concept = self.parent.len() as ConceptId;
        self.parent.push(concept);
        self.is_name.push(is_name);
        self.labels.push(pair.names.first().cloned().unwrap_or_default());
        for spelling in &pair.names {
            let raw = tokens::split(spelling);
            self.vocabulary.add(&raw);
            let analysed = tokens::analyse(&raw, &Vocabulary::default());
            let loose: Vec<String> = analysed.iter().map(|t| t.loose.clone()).collect();
            let stems: Vec<String> = analysed.into_iter().map(|t| t.stem).collect();
            let Some(first) = stems.first().cloned() else { continue };
            let capitals_only = raw.len() == 1
                && raw.iter().all(|t| t.all_caps && t.script == Script::Latin)
                && spelling.chars().count() <= 4;
            let list = self.by_first.entry(first).or_default();
            if let Some(existing) =
                list.iter().find(|e| e.stems == stems && e.capitals_only == capitals_only)
            {
                let other = existing.concept;
                self.union(other, concept);
                continue;
            }
            list.push(Entry { stems, loose, concept, capitals_only });
            list.sort_by_key(|e| std::cmp::Reverse(e.stems.len()));
        }
    }

    fn union(&mut self, a: ConceptId, b: ConceptId) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(drop as usize) {
            *slot = keep;
        }
        let drop_is_name = self.is_name.get(drop as usize).copied().unwrap_or(false);
        if let Some(flag) = self.is_name.get_mut(keep as usize) {
            *flag |= drop_is_name;
        }
    }

    fn root(&self, mut concept: ConceptId) -> ConceptId {
        while let Some(&parent) = self.parent.get(concept as usize) {
            if parent == concept {
                break;
            }
            concept = parent;
        }
        concept
    }

    /// The Arabic words of all spellings.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// True when `concept` is an entity name rather than a term.
    pub fn is_name(&self, concept: ConceptId) -> bool {
        self.is_name.get(self.root(concept) as usize).copied().unwrap_or(false)
    }

    /// A label for `concept` (its first spelling in the table).
    pub fn label(&self, concept: ConceptId) -> &str {
        self.labels.get(self.root(concept) as usize).map_or("", String::as_str)
    }

    /// Concepts in `tokens`, longest match first, left to right, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<Found> {
        let mut found = Vec::new();
        let mut index = 0;
        while let Some(token) = tokens.get(index) {
            let hit = self
                .by_first
                .get(&token.stem)
                .and_then(|entries| entries.iter().find(|entry| matches_at(tokens, index, entry)))
                .or_else(|| {
                    // An inflected Arabic form: look it up by its loose key.
                    let inflected = token.script == Script::Arabic
                        && token.base.chars().count() >= 4
                        && token.loose.chars().count() < token.base.chars().count();
                    inflected
                        .then(|| self.by_loose.get(&token.loose))
                        .flatten()
                        .and_then(|list| list.iter().find(|e| loosely_at(tokens, index, e)))
                });
            if let Some(entry) = hit {
                found.push(Found {
                    start: index,
                    len: entry.stems.len(),
                    concept: self.root(entry.concept),
                });
                index += entry.stems.len();
            } else {
                index += 1;
            }
        }
        found
    }

    /// Concepts named in a short text (a speaker, an actor, an outlet).
    pub fn concepts_in(&self, text: &str, vocabulary: &Vocabulary) -> Vec<ConceptId> {
        let tokens = tokens::analyse(&tokens::split(text), vocabulary);
        self.find(&tokens).into_iter().map(|f| f.concept).collect()
    }

    /// A key that is equal for two spellings of the same outlet or source
    /// ("NBC News", "شبكة إن بي سي نيوز" …): its first named entity, else its folded
    /// content words.
    pub fn source_key(&self, text: &str) -> String {
        let tokens = tokens::analyse(&tokens::split(text), &self.vocabulary);
        if let Some(found) = self.find(&tokens).into_iter().find(|f| self.is_name(f.concept)) {
            return format!("#{}", found.concept);
        }
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| !matches!(t.class, Class::Stop))
            .map(|t| t.stem.as_str())
            .collect();
        if words.is_empty() { crate::analysis::fold(text.trim()) } else { words.join(" ") }
    }
}

/// True when the tokens from `start` match the entry's loose keys.
fn loosely_at(tokens: &[Token], start: usize, entry: &Entry) -> bool {
    entry.loose.iter().enumerate().all(|(offset, key)| {
        tokens
            .get(start + offset)
            .is_some_and(|t| &t.loose == key && (!entry.capitals_only || t.all_caps))
    })
}

fn matches_at(tokens: &[Token], start: usize, entry: &Entry) -> bool {
    entry.stems.iter().enumerate().all(|(offset, stem)| {
        tokens
            .get(start + offset)
            .is_some_and(|t| &t.stem == stem && (!entry.capitals_only || t.all_caps))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(index: &NameIndex, text: &str) -> Vec<String> {
        let tokens = tokens::analyse(&tokens::split(text), index.vocabulary());
        let mut labels: Vec<String> =
            index.find(&tokens).into_iter().map(|f| index.label(f.concept).to_owned()).collect();
        labels.sort();
        labels
    }

    #[test]
    fn default_table_parses_and_has_the_issue_examples() {
        let table = default_name_table();
        assert!(table.len() > 50);
        let index = NameIndex::for_project(&Project::default());
        assert_eq!(concepts(&index, "Sergei Lavrov"), concepts(&index, "سيرغي لافروف"));
        assert_eq!(concepts(&index, "NBC News"), concepts(&index, "شبكة إن بي سي نيوز"));
        assert_eq!(
            concepts(&index, "the State Department's spokesperson"),
            concepts(&index, "متحدث باسم وزارة الخارجية الأميركية")
        );
        assert_eq!(concepts(&index, "Biden"), concepts(&index, "لبايدن"));
        assert_eq!(concepts(&index, "Kyiv"), concepts(&index, "كييف"));
    }

    #[test]
    fn every_lexicon_opposite_names_one_term_each() {
        let index = NameIndex::for_project(&Project::default());
        assert!(!lexicon().opposites.is_empty());
        assert_eq!(index.opposite_entries.len(), lexicon().opposites.len());
        let vocabulary = index.vocabulary().clone();
        let halted = index.concepts_in("halted", &vocabulary);
        let running = index.concepts_in("running", &vocabulary);
        assert_eq!(halted.len(), 1);
        assert_eq!(halted.first().and_then(|&c| index.opposite(c)), running.first().copied());
        assert_eq!(running.first().and_then(|&c| index.opposite(c)), None);
    }

    #[test]
    fn capitals_only_spellings_skip_ordinary_words() {
        let index = NameIndex::for_project(&Project::default());
        assert_eq!(concepts(&index, "they told us"), Vec::<String>::new());
        assert_eq!(concepts(&index, "US officials"), ["United States", "official"]);
    }

    #[test]
    fn project_entries_extend_and_join_the_default_table() {
        let mut project = Project::default();
        project
            .name_table
            .push(NamePair { names: vec!["Port Halima".into(), "ميناء حليمة".into()] });
        project
            .name_table
            .push(NamePair { names: vec!["Sergei V. Lavrov".into(), "Lavrov".into()] });
        let index = NameIndex::for_project(&project);
        assert_eq!(concepts(&index, "Port Halima"), concepts(&index, "في ميناء حليمة"));
        assert_eq!(concepts(&index, "Sergei V. Lavrov"), concepts(&index, "لافروف"));
        assert_eq!(index.source_key("NBC News"), index.source_key("شبكة إن بي سي نيوز"));
        assert_ne!(index.source_key("NBC News"), index.source_key("Reuters"));
    }
}
