//! The attribution lexicon: cue words per language, organisations, countries, outlets
//! and office holders, read from an editable RON file (`assets/lexicon.ron` is the
//! shipped default; a user copy replaces it), and compiled into fast word matchers.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use super::fold;
use super::token::{Tok, tokenize_plain};

/// The shipped lexicon.
pub const BUILTIN_RON: &str = include_str!("../../assets/lexicon.ron");

/// File name of the user's copy inside the configuration folder.
pub const USER_FILE_NAME: &str = "lexicon.ron";

/// The folder holding the user's copy of the lexicon: `$TWOTRACK_CONFIG_DIR`, else
/// `$XDG_CONFIG_HOME/twotrack`, else `~/.config/twotrack` (`%APPDATA%\\twotrack` on
/// Windows).
#[must_use]
pub fn default_config_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("TWOTRACK_CONFIG_DIR") {
        return Some(dir);
    }
    if let Some(dir) = var("XDG_CONFIG_HOME") {
        return Some(dir.join("twotrack"));
    }
    if let Some(dir) = var("APPDATA") {
        return Some(dir.join("twotrack"));
    }
    var("HOME").map(|home| home.join(".config").join("twotrack"))
}

/// Why a lexicon file could not be used.
#[derive(Debug, Error)]
pub enum LexiconError {
    /// Reading failed.
    #[error("cannot read the lexicon: {source}: {path}")]
    Io {
        /// The OS error.
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// Not a valid lexicon.
    #[error("the lexicon is not valid RON ({message}): {path}")]
    Parse {
        /// What is wrong, with line and column.
        message: String,
        /// The file.
        path: PathBuf,
    },
}

/// Cue words of one language, as written in the RON file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct LangData {
    /// Reporting verbs and verb phrases ("said", "declined to comment", "قال", "علق على").
    pub verbs: Vec<String>,
    /// Participles that continue a statement ("adding", "مضيفا").
    pub participles: Vec<String>,
    /// "According to X" cues ("according to", "citing", "بحسب", "نقلا عن").
    pub according: Vec<String>,
    /// Phrases anywhere in a sentence that make its source anonymous.
    pub anonymous_phrases: Vec<String>,
    /// Words in a speaker phrase that make it anonymous ("familiar with", "مطلع").
    pub anonymous_markers: Vec<String>,
    /// Heads that are anonymous unless named ("official", "مسؤول").
    pub anonymous_heads: Vec<String>,
    /// Heads that are always anonymous ("sources", "مصادر").
    pub source_nouns: Vec<String>,
    /// "Former" markers.
    pub former: Vec<String>,
    /// Independent commentators and their institutions.
    pub independent: Vec<String>,
    /// Private people (residents, relatives …).
    pub private: Vec<String>,
    /// Heads that speak for an organisation ("spokesperson", "متحدث").
    pub official_heads: Vec<String>,
    /// Organisation nouns ("ministry", "وزارة").
    pub bodies: Vec<String>,
    /// News outlet nouns ("newspaper", "صحيفة").
    pub outlet_nouns: Vec<String>,
    /// Markers of state-run outlets.
    pub state_media: Vec<String>,
    /// Pronouns and back references ("he", "the spokesperson", "المتحدث").
    pub pronouns: Vec<String>,
    /// Words that end a subject scanned leftwards from a verb.
    pub left_stops: Vec<String>,
    /// Words that end a speaker scanned rightwards.
    pub right_stops: Vec<String>,
    /// Where a sentence splits into separate statements.
    pub clause_splits: Vec<String>,
    /// Abbreviations (informational; segmentation has its own list).
    pub abbreviations: Vec<String>,
    /// Adverbial openers before a verb.
    pub openers: Vec<String>,
    /// Adjectives that are never names ("كبير", "رفيع").
    pub adjectives: Vec<String>,
    /// Verbs that report speech only with one of `speech_objects` after them
    /// («امتنع عن التعليق» yes, «امتنع عن التصويت» no).
    pub needs_speech_object: Vec<String>,
    /// Nouns that make a `needs_speech_object` verb a statement.
    pub speech_objects: Vec<String>,
}

/// A country: its adjective for actor names and the words that mean it.
#[derive(Clone, Debug, Deserialize)]
pub struct Country {
    /// Adjective used in actor names ("Russian").
    pub adj: String,
    /// Name used when the country itself is the actor ("Russia").
    pub name: String,
    /// Words and phrases meaning the country.
    pub forms: Vec<String>,
}

/// An organisation kind or a named organisation.
#[derive(Clone, Debug, Deserialize)]
pub struct Body {
    /// Name combined with a country ("Foreign Ministry").
    pub name: String,
    /// Fixed actor name, when the organisation implies its country ("US State Department").
    pub actor: Option<String>,
    /// Words and phrases meaning it.
    pub forms: Vec<String>,
}

/// A news outlet.
#[derive(Clone, Debug, Deserialize)]
pub struct Outlet {
    /// Canonical name ("NBC News").
    pub name: String,
    /// True for state-run agencies that speak for their government.
    #[serde(default)]
    pub state: bool,
    /// Spellings.
    pub forms: Vec<String>,
}

/// A well-known office holder.
#[derive(Clone, Debug, Deserialize)]
pub struct Person {
    /// Whose position they state.
    pub actor: String,
    /// Spellings of the name.
    pub forms: Vec<String>,
}

/// The lexicon file's contents.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct LexiconData {
    /// Format version.
    pub version: u32,
    /// English cues.
    pub en: LangData,
    /// Arabic cues.
    pub ar: LangData,
    /// Countries.
    pub countries: Vec<Country>,
    /// Organisations.
    pub bodies: Vec<Body>,
    /// Actor renames applied after composing country + organisation.
    pub overrides: Vec<(String, String)>,
    /// News outlets.
    pub outlets: Vec<Outlet>,
    /// Office holders.
    pub people: Vec<Person>,
}

/// One word of a compiled phrase.
#[derive(Clone, Debug)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn matches(&self, candidates: &[&str]) -> bool {
        match self {
            Word::Exact(w) => candidates.iter().any(|c| c == w),
            Word::Prefix(p) => candidates.iter().any(|c| c.starts_with(p.as_str())),
        }
    }
}

/// How much of an Arabic word's prefix may be stripped when matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strip {
    /// Like `All`, and also an indefinite accusative alef or an attached pronoun at the
    /// end (for nouns: «مستشارا», «مكتبه»).
    Noun,
    /// و ف ب ل ك and ال.
    All,
    /// Only the conjunctions و ف (verbs never take ال).
    Conj,
}

/// FNV-1a: lexicon keys are short words, and the default `SipHash` dominated matching time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A compiled phrase and the index of its lexicon entry.
type Entry = (Vec<Word>, usize);

/// A compiled list of phrases, matched word by word against tokens.
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet {
    by_first: FastMap<String, Vec<Entry>>,
    /// Phrases whose first word is a prefix ("مسؤول*"), by the prefix's first two letters.
    wild_by_start: FastMap<(char, char), Vec<Entry>>,
    /// Phrases whose first word is a prefix shorter than two letters.
    wild_short: Vec<Entry>,
    strip: Strip,
}

/// The first two characters of `word` (a key of `wild_by_start`).
fn start_key(word: &str) -> Option<(char, char)> {
    let mut chars = word.chars();
    Some((chars.next()?, chars.next()?))
}

impl PhraseSet {
    fn new(entries: &[String], strip: Strip) -> Self {
        let mut set = Self {
            by_first: FastMap::default(),
            wild_by_start: FastMap::default(),
            wild_short: Vec::new(),
            strip,
        };
        for (id, entry) in entries.iter().enumerate() {
            set.add(entry, id);
        }
        set
    }

    fn add(&mut self, entry: &str, id: usize) {
        let folded = fold(entry);
        let wild = folded.ends_with('*');
        let body = folded.trim_end_matches('*');
        let mut words: Vec<Word> = tokenize_plain(body)
            .into_iter()
            .map(|w| Word::Exact(canonical_entry_word(&w)))
            .collect();
        if wild && let Some(Word::Exact(last)) = words.pop() {
            words.push(Word::Prefix(last));
        }
        match words.first() {
            Some(Word::Exact(first)) => {
                self.by_first.entry(first.clone()).or_default().push((words, id));
            }
            Some(Word::Prefix(prefix)) => match start_key(prefix) {
                Some(key) => self.wild_by_start.entry(key).or_default().push((words, id)),
                None => self.wild_short.push((words, id)),
            },
            None => {}
        }
    }

    /// Longest phrase starting at token `i`: (number of tokens, entry index).
    pub(crate) fn match_at(&self, toks: &[Tok<'_>], i: usize) -> Option<(usize, usize)> {
        let first = toks.get(i)?;
        let first_candidates = candidates(first, self.strip);
        let mut best: Option<(usize, usize)> = None;
        let mut consider = |list: &[Entry]| {
            for (words, id) in list {
                if self.phrase_matches(words, toks, i, first_candidates)
                    && best.is_none_or(|(len, _)| words.len() > len)
                {
                    best = Some((words.len(), *id));
                }
            }
        };
        let mut seen_keys: [Option<(char, char)>; 8] = [None; 8];
        for (n, c) in first_candidates.iter().enumerate() {
            if let Some(list) = self.by_first.get(*c) {
                consider(list);
            }
            if self.wild_by_start.is_empty() {
                continue;
            }
            let Some(key) = start_key(c) else { continue };
            if seen_keys.contains(&Some(key)) {
                continue;
            }
            if let Some(slot) = seen_keys.get_mut(n) {
                *slot = Some(key);
            }
            if let Some(list) = self.wild_by_start.get(&key) {
                consider(list);
            }
        }
        consider(&self.wild_short);
        best
    }

    fn phrase_matches(&self, words: &[Word], toks: &[Tok<'_>], i: usize, first: &[&str]) -> bool {
        for (k, word) in words.iter().enumerate() {
            let ok = if k == 0 {
                word.matches(first)
            } else {
                let Some(tok) = toks.get(i + k) else { return false };
                let strip = match self.strip {
                    Strip::Noun => Strip::Noun,
                    _ if tok.is_arabic() => Strip::All,
                    other => other,
                };
                word.matches(candidates(tok, strip))
            };
            if !ok {
                return false;
            }
        }
        true
    }

    /// First match anywhere in `toks`: (token index, length, entry index).
    pub(crate) fn find(&self, toks: &[Tok<'_>]) -> Option<(usize, usize, usize)> {
        (0..toks.len()).find_map(|i| self.match_at(toks, i).map(|(len, id)| (i, len, id)))
    }

    /// True when any phrase occurs in `toks`.
    pub(crate) fn occurs(&self, toks: &[Tok<'_>]) -> bool {
        self.find(toks).is_some()
    }
}

fn candidates<'t, 'a>(tok: &'t Tok<'a>, strip: Strip) -> &'t [&'a str] {
    tok.readings.get(strip)
}

/// An entry word as stored: folded, with a leading Arabic article removed.
fn canonical_entry_word(word: &str) -> String {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_owned(),
        _ => word.to_owned(),
    }
}

/// The verb list plus the other persons of its one-word Arabic verbs, so that the file
/// need not spell them all: past «لفت» also gives «لفتت، لفتوا»; present «يقول»
/// also gives «تقول، يقولون». Forms that are no words never occur in text and cost
/// nothing; multi-word and Latin entries are kept as written.
fn with_arabic_verb_forms(verbs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = verbs.to_vec();
    let mut seen: HashSet<String> = verbs.iter().map(|v| fold(v)).collect();
    for verb in verbs {
        let folded = fold(verb);
        let arabic = folded.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        if !arabic || folded.chars().count() < 3 {
            continue;
        }
        // Weak verbs («دعا», «نفى») and feminine forms of listed verbs («قالت») are left
        // alone; «لفت» is a verb of its own.
        let feminine =
            folded.strip_suffix('ت').is_some_and(|stem| verbs.iter().any(|v| fold(v) == stem));
        let weak_end = folded.ends_with(['ا', 'ي']) || feminine;
        let mut forms = Vec::new();
        if let Some(stem) = folded.strip_prefix('ي') {
            forms.push(format!("ت{stem}"));
            forms.push(format!("{folded}ون"));
        } else if !weak_end {
            // Not the dual «حذرا»: it reads as an accusative noun ("a warning", «هدوءا حذرا»).
            forms.push(format!("{folded}ت"));
            forms.push(format!("{folded}وا"));
        }
        for form in forms {
            if seen.insert(form.clone()) {
                out.push(form);
            }
        }
    }
    out
}

/// Compiled matchers of one language.
#[derive(Clone, Debug)]
pub(crate) struct LangTables {
    pub verbs: PhraseSet,
    pub participles: PhraseSet,
    pub according: PhraseSet,
    pub anonymous_phrases: PhraseSet,
    pub anonymous_markers: PhraseSet,
    pub anonymous_heads: PhraseSet,
    pub source_nouns: PhraseSet,
    pub former: PhraseSet,
    pub independent: PhraseSet,
    pub private: PhraseSet,
    pub official_heads: PhraseSet,
    pub bodies: PhraseSet,
    pub outlet_nouns: PhraseSet,
    pub state_media: PhraseSet,
    pub pronouns: PhraseSet,
    pub left_stops: PhraseSet,
    pub right_stops: PhraseSet,
    pub clause_splits: PhraseSet,
    pub openers: PhraseSet,
    pub adjectives: PhraseSet,
    pub needs_speech_object: PhraseSet,
    pub speech_objects: PhraseSet,
    /// Raw words of the cue lists, for the quick pre-filter.
    pub cue_words: Vec<String>,
}

impl LangTables {
    fn new(data: &LangData) -> Self {
        let all = |list: &Vec<String>| PhraseSet::new(list, Strip::All);
        let noun = |list: &Vec<String>| PhraseSet::new(list, Strip::Noun);
        let verbs = with_arabic_verb_forms(&data.verbs);
        let mut cue_words = Vec::new();
        for list in [&verbs, &data.participles, &data.according] {
            for entry in list {
                if let Some(first) = tokenize_plain(&fold(entry)).into_iter().next() {
                    cue_words.push(canonical_entry_word(first.trim_end_matches('*')));
                }
            }
        }
        Self {
            verbs: PhraseSet::new(&verbs, Strip::Conj),
            participles: PhraseSet::new(&data.participles, Strip::Conj),
            according: all(&data.according),
            anonymous_phrases: all(&data.anonymous_phrases),
            anonymous_markers: all(&data.anonymous_markers),
            anonymous_heads: noun(&data.anonymous_heads),
            source_nouns: noun(&data.source_nouns),
            former: noun(&data.former),
            independent: noun(&data.independent),
            private: noun(&data.private),
            official_heads: noun(&data.official_heads),
            bodies: noun(&data.bodies),
            outlet_nouns: noun(&data.outlet_nouns),
            state_media: all(&data.state_media),
            pronouns: all(&data.pronouns),
            left_stops: all(&data.left_stops),
            right_stops: all(&data.right_stops),
            clause_splits: all(&data.clause_splits),
            openers: all(&data.openers),
            adjectives: all(&data.adjectives),
            needs_speech_object: PhraseSet::new(&data.needs_speech_object, Strip::Conj),
            speech_objects: noun(&data.speech_objects),
            cue_words,
        }
    }
}

/// Cue lexicons and organisation tables, compiled for matching.
#[derive(Clone, Debug)]
pub struct Lexicon {
    data: LexiconData,
    pub(crate) en: LangTables,
    pub(crate) ar: LangTables,
    pub(crate) countries: PhraseSet,
    pub(crate) bodies: PhraseSet,
    pub(crate) outlets: PhraseSet,
    pub(crate) people: PhraseSet,
    /// Index of entries of `countries` / `bodies` / … back to their item.
    country_of: Vec<usize>,
    body_of: Vec<usize>,
    outlet_of: Vec<usize>,
    person_of: Vec<usize>,
    /// Every single word the lexicon knows (to tell names from known words).
    pub(crate) vocab: HashSet<String>,
    /// Pre-filter: paragraphs without any of these words have no statements.
    prefilter: Option<aho_corasick::AhoCorasick>,
}

impl Lexicon {
    /// The shipped lexicon (`assets/lexicon.ron`).
    #[must_use]
    pub fn builtin() -> Self {
        match Self::parse(BUILTIN_RON, Path::new("assets/lexicon.ron")) {
            Ok(lexicon) => lexicon,
            Err(err) => {
                // Only reachable if the shipped file is broken; a unit test guards it.
                log::error!("{err}");
                Self::from_data(LexiconData::default())
            }
        }
    }

    /// Read a lexicon file.
    pub fn load(path: &Path) -> Result<Self, LexiconError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| LexiconError::Io { source, path: path.to_owned() })?;
        Self::parse(&text, path)
    }

    /// Parse lexicon text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, LexiconError> {
        let data: LexiconData = ron::from_str(text)
            .map_err(|e| LexiconError::Parse { message: e.to_string(), path: path.to_owned() })?;
        Ok(Self::from_data(data))
    }

    /// The user's copy in [`default_config_dir`] when there is one, else the builtin;
    /// a broken user copy gives the builtin plus the error to show.
    #[must_use]
    pub fn load_default() -> (Self, Option<LexiconError>) {
        match default_config_dir() {
            Some(dir) => Self::load_user_or_builtin(&dir),
            None => (Self::builtin(), None),
        }
    }

    /// The user's copy in `config_dir` (`lexicon.ron`) when there is one, else the
    /// builtin. A broken user copy gives the builtin plus the error to show.
    #[must_use]
    pub fn load_user_or_builtin(config_dir: &Path) -> (Self, Option<LexiconError>) {
        let path = config_dir.join(USER_FILE_NAME);
        if !path.exists() {
            return (Self::builtin(), None);
        }
        match Self::load(&path) {
            Ok(lexicon) => (lexicon, None),
            Err(err) => (Self::builtin(), Some(err)),
        }
    }

    /// The data the lexicon was built from.
    #[must_use]
    pub fn data(&self) -> &LexiconData {
        &self.data
    }

    /// Compile `data`.
    #[must_use]
    pub fn from_data(data: LexiconData) -> Self {
        let en = LangTables::new(&data.en);
        let ar = LangTables::new(&data.ar);
        let (countries, country_of) = flatten(data.countries.iter().map(|c| &c.forms));
        let (bodies, body_of) = flatten(data.bodies.iter().map(|b| &b.forms));
        let (outlets, outlet_of) = flatten(data.outlets.iter().map(|o| &o.forms));
        let (people, person_of) = flatten(data.people.iter().map(|p| &p.forms));
        let mut vocab = HashSet::new();
        let mut add_vocab = |list: &[String]| {
            for entry in list {
                for w in tokenize_plain(&fold(entry)) {
                    vocab.insert(canonical_entry_word(w.trim_end_matches('*')));
                }
            }
        };
        for lang in [&data.en, &data.ar] {
            for list in [
                &lang.verbs,
                &lang.participles,
                &lang.according,
                &lang.anonymous_heads,
                &lang.source_nouns,
                &lang.former,
                &lang.independent,
                &lang.private,
                &lang.official_heads,
                &lang.bodies,
                &lang.outlet_nouns,
                &lang.state_media,
                &lang.pronouns,
                &lang.adjectives,
            ] {
                add_vocab(list);
            }
        }
        for c in &data.countries {
            add_vocab(&c.forms);
        }
        for b in &data.bodies {
            add_vocab(&b.forms);
        }
        for o in &data.outlets {
            add_vocab(&o.forms);
        }
        let mut words: Vec<String> = en.cue_words.iter().chain(&ar.cue_words).cloned().collect();
        words.retain(|w| !w.is_empty());
        words.sort();
        words.dedup();
        let prefilter = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(&words)
            .ok();
        Self {
            countries: PhraseSet::new(&countries, Strip::Noun),
            bodies: PhraseSet::new(&bodies, Strip::Noun),
            outlets: PhraseSet::new(&outlets, Strip::All),
            people: PhraseSet::new(&people, Strip::Noun),
            country_of,
            body_of,
            outlet_of,
            person_of,
            en,
            ar,
            data,
            vocab,
            prefilter,
        }
    }

    pub(crate) fn lang(&self, arabic: bool) -> &LangTables {
        if arabic { &self.ar } else { &self.en }
    }

    pub(crate) fn country(&self, entry: usize) -> Option<&Country> {
        self.data.countries.get(*self.country_of.get(entry)?)
    }

    pub(crate) fn body(&self, entry: usize) -> Option<&Body> {
        self.data.bodies.get(*self.body_of.get(entry)?)
    }

    pub(crate) fn outlet(&self, entry: usize) -> Option<&Outlet> {
        self.data.outlets.get(*self.outlet_of.get(entry)?)
    }

    pub(crate) fn person(&self, entry: usize) -> Option<&Person> {
        self.data.people.get(*self.person_of.get(entry)?)
    }

    /// True when folded `text` may contain a cue (a fast pre-filter).
    pub(crate) fn may_have_cue(&self, folded: &str) -> bool {
        self.prefilter.as_ref().is_none_or(|ac| ac.is_match(folded))
    }

    /// Apply the actor renames.
    pub(crate) fn override_actor(&self, actor: String) -> String {
        self.data
            .overrides
            .iter()
            .find(|(from, _)| *from == actor)
            .map_or(actor, |(_, to)| to.clone())
    }
}

fn flatten<'a>(lists: impl Iterator<Item = &'a Vec<String>>) -> (Vec<String>, Vec<usize>) {
    let mut entries = Vec::new();
    let mut owner = Vec::new();
    for (index, forms) in lists.enumerate() {
        for form in forms {
            entries.push(form.clone());
            owner.push(index);
        }
    }
    (entries, owner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::token::tokenize;

    #[test]
    fn builtin_lexicon_parses() {
        let lexicon = Lexicon::parse(BUILTIN_RON, Path::new("lexicon.ron")).unwrap();
        assert!(!lexicon.data().en.verbs.is_empty());
        assert!(!lexicon.data().ar.verbs.is_empty());
    }

    #[test]
    fn broken_user_copy_falls_back_with_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(USER_FILE_NAME), "( en: ( verbs: [ ").unwrap();
        let (lexicon, err) = Lexicon::load_user_or_builtin(dir.path());
        let err = err.unwrap();
        assert!(err.to_string().ends_with(&dir.path().join(USER_FILE_NAME).display().to_string()));
        assert!(!lexicon.data().en.verbs.is_empty());
    }

    #[test]
    fn user_copy_overrides_builtin() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(USER_FILE_NAME), "(en: (verbs: [\"quipped\"]))").unwrap();
        let (lexicon, err) = Lexicon::load_user_or_builtin(dir.path());
        assert!(err.is_none());
        assert_eq!(lexicon.data().en.verbs, vec!["quipped".to_owned()]);
    }

    #[test]
    fn arabic_cues_match_with_clitics_and_variants() {
        let lexicon = Lexicon::builtin();
        for text in ["وبحسب", "فقال", "وقالت", "ونفـى", "وأكّد"] {
            let (folded, map) = fold_with_map_for_test(text);
            let chars: Vec<char> = folded.chars().collect();
            let toks = tokenize(&folded, &map, &chars, 0);
            let lang = lexicon.lang(true);
            let hit = lang.verbs.match_at(&toks, 0).or_else(|| lang.according.match_at(&toks, 0));
            assert!(hit.is_some(), "{text}");
        }
        // Verbs never take the article: التابع is "affiliated", not "he continued".
        let (folded, map) = fold_with_map_for_test("التابع");
        let chars: Vec<char> = folded.chars().collect();
        let toks = tokenize(&folded, &map, &chars, 0);
        assert!(lexicon.ar.verbs.match_at(&toks, 0).is_none());
        // Sources with a preposition and spelling variants.
        let (folded, map) = fold_with_map_for_test("لمصادر مطّلعة ومسئول");
        let chars: Vec<char> = folded.chars().collect();
        let toks = tokenize(&folded, &map, &chars, 0);
        assert!(lexicon.ar.source_nouns.match_at(&toks, 0).is_some());
        assert!(lexicon.ar.anonymous_markers.match_at(&toks, 1).is_some());
        assert!(lexicon.ar.anonymous_heads.match_at(&toks, 2).is_some());
    }

    #[test]
    fn other_persons_of_arabic_verbs_are_cues() {
        let lexicon = Lexicon::builtin();
        for text in ["ولفتوا", "وركزوا", "وشكرت", "يعلنون", "وتقول"] {
            let (folded, map) = fold_with_map_for_test(text);
            let chars: Vec<char> = folded.chars().collect();
            let toks = tokenize(&folded, &map, &chars, 0);
            assert!(lexicon.ar.verbs.match_at(&toks, 0).is_some(), "{text}");
        }
    }

    #[test]
    fn english_phrases_match_longest() {
        let lexicon = Lexicon::builtin();
        let (folded, map) = fold_with_map_for_test("He declined to comment on it");
        let chars: Vec<char> = folded.chars().collect();
        let toks = tokenize(&folded, &map, &chars, 0);
        assert_eq!(lexicon.en.verbs.match_at(&toks, 1).map(|(len, _)| len), Some(3));
    }

    fn fold_with_map_for_test(text: &str) -> (String, Vec<usize>) {
        crate::analysis::fold_with_map(text)
    }
}
