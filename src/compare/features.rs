//! What each statement says, reduced to comparable features: content-word stems,
//! concepts from the name table, numbers and dates, which of them are negated, and
//! word trigrams of the text and of its quotations.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::hash::{FastMap, FastSet, hash_of};
use super::names::{ConceptId, NameIndex};
use super::quantity::{self, Quantity};
use super::tokens::{self, Class, RawToken, Script, Token, Vocabulary};
use super::translit::{self, NameLinks};
use crate::model::{ArticleId, Kind, Project, StatementId};

/// Words that end the scope of a negation ("did not X, but Y").
const SCOPE_ENDS: &[&str] =
    &["but", "however", "while", "although", "whereas", "لكن", "ولكن", "بل"];

/// Weight factor of features that only name who says the statement or who relays
/// it (its `speaker` and `via`): attribution is not the claim.
const ATTRIBUTION_FACTOR: f32 = 0.3;

/// Content words a particle ("not", "لم") negates: the verb and what follows it
/// in its clause ("had not been aware of the meeting", "لم تصدر أي تحذير").
const PARTICLE_SCOPE: u8 = 3;
/// Content words a negative determiner ("no", "nobody") negates: its noun, what
/// qualifies it and the verb ("Nobody in the operations room knew").
const DETERMINER_SCOPE: u8 = 4;
/// Content words a verb of denial ("denied", "نفى") negates at most: the rest of
/// its clause, which in Arabic (verb first) includes the subject.
const DENIAL_SCOPE: u8 = 6;
/// Narrow scopes (particle, determiner, denial) for the words a statement
/// *denies* outright: the word right after "not", the noun and verb after "no".
/// Similarity counts these double when the other statement affirms them; the
/// wider scopes above would join reports that merely mention the same names.
const DENIED_SCOPES: [u8; 3] = [1, 2, DENIAL_SCOPE];

/// A feature of a statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FeatureKey {
    /// A content word's stem (language-specific).
    Word(String),
    /// A concept of the name table (language-neutral).
    Concept(ConceptId),
    /// A proper name spelled in both scripts in the project, by its consonant
    /// skeleton (language-neutral; see [`super::translit`]).
    Name(String),
    /// A number (language-neutral).
    Number(String),
    /// A year.
    Year(u16),
    /// A month, 1–12.
    Month(u8),
    /// A weekday, Monday = 1.
    Weekday(u8),
}

impl FeatureKey {
    /// True when the feature means the same in any language.
    pub fn is_neutral(&self) -> bool {
        !matches!(self, FeatureKey::Word(_))
    }

    /// True for numbers and dates: two reports of one claim may give different
    /// ones (a divergence), so only shared ones count towards similarity.
    pub fn is_slot(&self) -> bool {
        matches!(
            self,
            FeatureKey::Number(_)
                | FeatureKey::Year(_)
                | FeatureKey::Month(_)
                | FeatureKey::Weekday(_)
        )
    }
}

/// Interned features with their document frequency.
#[derive(Clone, Debug, Default)]
pub(crate) struct FeatureTable {
    ids: FastMap<FeatureKey, u32>,
    keys: Vec<FeatureKey>,
    df: Vec<u32>,
    weights: Vec<f32>,
}

impl FeatureTable {
    fn intern(&mut self, key: FeatureKey) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.df.push(0);
        self.ids.insert(key, id);
        id
    }

    /// The feature behind an id.
    pub fn key(&self, id: u32) -> Option<&FeatureKey> {
        self.keys.get(id as usize)
    }

    /// In how many statements the feature occurs.
    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// Weight of a feature: rarer features count more.
    pub fn weight(&self, id: u32) -> f32 {
        self.weights.get(id as usize).copied().unwrap_or(0.0)
    }

    /// True when the feature means the same in any language.
    pub fn is_neutral(&self, id: u32) -> bool {
        self.key(id).is_some_and(FeatureKey::is_neutral)
    }

    /// True for numbers and dates (see [`FeatureKey::is_slot`]).
    pub fn is_slot(&self, id: u32) -> bool {
        self.key(id).is_some_and(FeatureKey::is_slot)
    }

    /// The id of a feature, if any statement has it.
    pub fn id(&self, key: &FeatureKey) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// Number of distinct features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

/// The features of one statement.
#[derive(Clone, Debug, Default)]
pub(crate) struct StatementFeatures {
    /// The statement.
    pub id: StatementId,
    /// Its article.
    pub article: ArticleId,
    /// Dominant script of its text.
    pub script: Script,
    /// Distinct features, sorted by id.
    pub features: Vec<u32>,
    /// Features that occur only under a negation's scope, sorted.
    pub negated: Vec<u32>,
    /// Features that occur only as the word a negation denies outright (narrow
    /// scope, see [`DENIED_SCOPES`]), sorted.
    pub denied: Vec<u32>,
    /// A surface form of each feature, for messages (same order as `features`).
    pub surfaces: Vec<String>,
    /// The weight of each feature in this statement (same order as `features`).
    pub weights: Vec<f32>,
    /// Features that only attribute the statement (in its speaker or via), sorted.
    pub attribution: Vec<u32>,
    /// Hashes of stem trigrams of the whole text, sorted.
    pub grams: Vec<u64>,
    /// Hashes of stem trigrams inside quotation marks, sorted.
    pub quote_grams: Vec<u64>,
    /// Sum of the weights of all features except numbers and dates.
    pub content_weight: f32,
    /// Sum of the weights of language-neutral features except numbers and dates.
    pub neutral_weight: f32,
    /// Its numbers with what they count, in text order.
    pub quantities: Vec<Quantity>,
    /// Entity concepts named by the speaker field.
    pub speaker_names: BTreeSet<ConceptId>,
    /// Entity concepts named by the actor field.
    pub actor_names: BTreeSet<ConceptId>,
    /// Who says it, as comparable keys with a label each (see [`source_keys`]).
    pub speaker_keys: BTreeMap<String, String>,
    /// Whom it is attributed to, as comparable keys with a label each.
    pub actor_keys: BTreeMap<String, String>,
}

impl StatementFeatures {
    /// True when `feature` occurs in the statement.
    pub fn has(&self, feature: u32) -> bool {
        self.features.binary_search(&feature).is_ok()
    }

    /// True when `feature` only names the statement's speaker or relays.
    pub fn is_attribution(&self, feature: u32) -> bool {
        self.attribution.binary_search(&feature).is_ok()
    }

    /// True when `feature` occurs only under a negation's scope.
    pub fn is_negated(&self, feature: u32) -> bool {
        self.negated.binary_search(&feature).is_ok()
    }

    /// True when `feature` occurs only as the word a negation denies outright.
    pub fn is_denied(&self, feature: u32) -> bool {
        self.denied.binary_search(&feature).is_ok()
    }

    /// A surface form of `feature` as the statement writes it.
    pub fn surface(&self, feature: u32) -> &str {
        self.features
            .binary_search(&feature)
            .ok()
            .and_then(|i| self.surfaces.get(i))
            .map_or("", String::as_str)
    }
}

/// Features of every visible statement of `project`, in id order, with the table.
pub(crate) fn extract<'a>(
    project: &'a Project,
    names: &NameIndex,
) -> (Vec<StatementFeatures>, FeatureTable) {
    let visible: Vec<_> = project.statements.values().filter(|s| s.is_visible()).collect();
    let raw: Vec<Vec<RawToken>> = visible.iter().map(|s| tokens::split(&s.span.quote)).collect();
    let mut vocabulary = names.vocabulary().clone();
    for list in &raw {
        vocabulary.add(list);
    }
    let analysed: Vec<Vec<Token>> = raw.iter().map(|r| tokens::analyse(r, &vocabulary)).collect();
    let spelling = Spelling::new(&analysed, names);
    let lookup = Lookup { names, spelling: &spelling };
    let mut table = FeatureTable::default();
    let mut out = Vec::with_capacity(visible.len());
    // Speakers, actors and relays repeat: analyse each distinct text once.
    let mut entity_cache: HashMap<&str, BTreeSet<ConceptId>> = HashMap::new();
    let mut attribution_cache: HashMap<&str, Vec<FeatureKey>> = HashMap::new();
    let mut source_cache: HashMap<(&str, bool), BTreeMap<String, String>> = HashMap::new();
    for (statement, tokens) in visible.iter().zip(&analysed) {
        let mut features = statement_features(tokens, &lookup, &mut table);
        features.id = statement.id;
        features.article = statement.article;
        let mut entities = |text: Option<&'a str>| match text {
            Some(text) => entity_cache
                .entry(text)
                .or_insert_with(|| entity_names(text, names, &vocabulary))
                .clone(),
            None => BTreeSet::new(),
        };
        features.speaker_names = entities(statement.speaker.as_deref());
        features.actor_names = entities(statement.actor.as_deref());
        let official = statement.kind == Kind::Official;
        let mut sources = |text: Option<&'a str>| match text {
            Some(text) => source_cache
                .entry((text, official))
                .or_insert_with(|| source_keys(text, &lookup, &vocabulary, official))
                .clone(),
            None => BTreeMap::new(),
        };
        features.speaker_keys = sources(statement.speaker.as_deref());
        features.actor_keys = sources(statement.actor.as_deref());
        let mut attribution: Vec<u32> = std::mem::take(&mut features.attribution);
        for text in statement.speaker.iter().chain(&statement.via) {
            let keys = attribution_cache
                .entry(text.as_str())
                .or_insert_with(|| attribution_keys(text, &lookup, &vocabulary));
            attribution.extend(keys.iter().filter_map(|k| table.id(k)));
        }
        attribution.sort_unstable();
        attribution.dedup();
        attribution.retain(|f| features.has(*f));
        features.attribution = attribution;
        for &f in &features.features {
            if let Some(df) = table.df.get_mut(f as usize) {
                *df += 1;
            }
        }
        out.push(features);
    }
    let count = out.len().max(1) as f32;
    table.weights = table.df.iter().map(|&df| (1.0 + count / df.max(1) as f32).ln()).collect();
    for features in &mut out {
        let weights: Vec<f32> = features
            .features
            .iter()
            .map(|&f| {
                let factor = if features.is_attribution(f) { ATTRIBUTION_FACTOR } else { 1.0 };
                table.weight(f) * factor
            })
            .collect();
        let content = features.features.iter().zip(&weights).filter(|(f, _)| !table.is_slot(**f));
        features.content_weight = content.clone().map(|(_, w)| w).sum();
        features.neutral_weight =
            content.filter(|(f, _)| table.is_neutral(**f)).map(|(_, w)| w).sum();
        features.weights = weights;
    }
    (out, table)
}

/// Feature keys of a speaker or via text.
fn attribution_keys(text: &str, lookup: &Lookup<'_>, vocabulary: &Vocabulary) -> Vec<FeatureKey> {
    let tokens = tokens::analyse(&tokens::split(text), vocabulary);
    units(&tokens, lookup).into_iter().map(|unit| unit.key).collect()
}

/// What feature extraction needs besides the tokens.
struct Lookup<'a> {
    names: &'a NameIndex,
    spelling: &'a Spelling,
}

/// Proper names of one project that are spelled in both scripts.
struct Spelling {
    links: NameLinks,
    /// Latin words the project also writes in lower case (so not names).
    lower: FastSet<String>,
}

impl Spelling {
    /// Collect candidate names from every statement's tokens and link them.
    fn new(all: &[Vec<Token>], names: &NameIndex) -> Self {
        let mut lower: FastSet<String> = FastSet::default();
        for token in all.iter().flatten() {
            if token.script == Script::Latin
                && !token.capitalized
                && !lower.contains(&token.surface)
            {
                lower.insert(token.surface.clone());
            }
        }
        let mut spelling = Spelling { links: NameLinks::default(), lower };
        for tokens in all {
            let found = names.find(tokens);
            let mut covered = vec![false; tokens.len()];
            for f in &found {
                for slot in covered.iter_mut().skip(f.start).take(f.len) {
                    *slot = true;
                }
            }
            for index in 0..tokens.len() {
                if covered.get(index).copied().unwrap_or(true) {
                    continue;
                }
                for (skeleton, _) in spelling.candidates(tokens, index) {
                    match tokens.get(index).map(|t| t.script) {
                        Some(Script::Latin) => spelling.links.add_latin(&skeleton),
                        Some(Script::Arabic) => spelling.links.add_arabic(&skeleton),
                        _ => {}
                    }
                }
            }
        }
        spelling.links.finish();
        spelling
    }

    /// Possible name skeletons starting at `index`, with the tokens they span:
    /// a capitalised Latin word not otherwise written in lower case; an Arabic
    /// content word (as written and as stemmed), or عبد with the next word.
    fn candidates(&self, tokens: &[Token], index: usize) -> Vec<(String, usize)> {
        let Some(token) = tokens.get(index) else { return Vec::new() };
        if token.class != Class::Content {
            return Vec::new();
        }
        let mut out = Vec::new();
        match token.script {
            Script::Latin => {
                if token.capitalized
                    && !self.lower.contains(&token.surface)
                    && let Some(s) = translit::latin(&token.surface)
                {
                    out.push((s, 1));
                }
            }
            Script::Arabic => {
                if token.base == "عبد"
                    && let Some(next) = tokens.get(index + 1)
                    && next.script == Script::Arabic
                    && let Some(s) = translit::arabic(&format!("عبد{}", next.surface))
                {
                    out.push((s, 2));
                }
                for word in [&token.base, &token.stem] {
                    if word.chars().count() >= 3
                        && let Some(s) = translit::arabic(word)
                        && !out.iter().any(|(o, _)| *o == s)
                    {
                        out.push((s, 1));
                    }
                }
            }
            Script::Other => {}
        }
        out
    }

    /// The linked name starting at `index`, with the tokens it spans.
    fn name_at(&self, tokens: &[Token], index: usize) -> Option<(String, usize)> {
        self.candidates(tokens, index).into_iter().find(|(s, _)| self.links.is_linked(s))
    }
}

/// Comparable keys of a speaker or actor text, each with a label: the entities
/// of the name table and the names spelled in both scripts in the project; when
/// it names none and the statement is on the record, the institution words it
/// uses ("the coast guard" / "خفر السواحل"). Anonymous descriptions of
/// unofficial sources ("a port official") give none.
fn source_keys(
    text: &str,
    lookup: &Lookup<'_>,
    vocabulary: &Vocabulary,
    official: bool,
) -> BTreeMap<String, String> {
    let tokens = tokens::analyse(&tokens::split(text), vocabulary);
    let surface = |start: usize, len: usize| {
        tokens
            .get(start..start + len)
            .map(|ts| ts.iter().map(|t| t.surface.as_str()).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let mut names = BTreeMap::new();
    let mut terms = BTreeMap::new();
    let mut covered = vec![false; tokens.len()];
    for found in lookup.names.find(&tokens) {
        for slot in covered.iter_mut().skip(found.start).take(found.len) {
            *slot = true;
        }
        let label = lookup.names.label(found.concept).to_owned();
        let key = format!("#{}", found.concept);
        if lookup.names.is_name(found.concept) {
            names.insert(key, label);
        } else {
            terms.insert(key, label);
        }
    }
    for index in 0..tokens.len() {
        if covered.get(index).copied().unwrap_or(true) {
            continue;
        }
        if let Some((skeleton, len)) = lookup.spelling.name_at(&tokens, index) {
            names.insert(format!("~{skeleton}"), surface(index, len));
        }
    }
    if !names.is_empty() {
        names
    } else if official {
        terms
    } else {
        BTreeMap::new()
    }
}

/// Entity concepts named in a speaker or actor text.
fn entity_names(text: &str, names: &NameIndex, vocabulary: &Vocabulary) -> BTreeSet<ConceptId> {
    names.concepts_in(text, vocabulary).into_iter().filter(|&c| names.is_name(c)).collect()
}

/// A unit of meaning: one feature, where it is, and whether it is negated.
struct Unit {
    key: FeatureKey,
    surface: String,
    /// Index of its first token.
    token: usize,
    /// Under a negation cue's scope.
    negated: bool,
    /// The word a negation cue denies outright (narrow scope).
    denied: bool,
}

fn statement_features(
    tokens: &[Token],
    lookup: &Lookup<'_>,
    table: &mut FeatureTable,
) -> StatementFeatures {
    let units = units(tokens, lookup);
    let quantities = units
        .iter()
        .filter_map(|unit| match &unit.key {
            FeatureKey::Number(value) => Some(Quantity {
                kind: quantity::kind_at(tokens, unit.token),
                value: value.clone(),
                negated: unit.negated,
            }),
            _ => None,
        })
        .collect();
    // Per feature: surface, seen affirmed, seen negated, seen outside a denial,
    // seen denied.
    let mut seen: Vec<(u32, String, [bool; 4])> = Vec::new();
    let clause = attribution_clause(tokens);
    // Features seen inside the attribution clause, and outside it.
    let mut in_clause: Vec<u32> = Vec::new();
    let mut outside: Vec<u32> = Vec::new();
    for unit in units {
        let id = table.intern(unit.key);
        if clause.get(unit.token).copied().unwrap_or(false) {
            in_clause.push(id);
        } else {
            outside.push(id);
        }
        let flags = [!unit.negated, unit.negated, !unit.denied, unit.denied];
        if let Some(entry) = seen.iter_mut().find(|e| e.0 == id) {
            for (old, new) in entry.2.iter_mut().zip(flags) {
                *old |= new;
            }
        } else {
            seen.push((id, unit.surface, flags));
        }
    }
    seen.sort_by_key(|e| e.0);
    let negated = seen.iter().filter(|e| e.2[1] && !e.2[0]).map(|e| e.0).collect();
    let denied = seen.iter().filter(|e| e.2[3] && !e.2[2]).map(|e| e.0).collect();
    let (features, surfaces) = seen.into_iter().map(|e| (e.0, e.1)).unzip();
    let content: Vec<&Token> =
        tokens.iter().filter(|t| !matches!(t.class, Class::Stop) && t.stem.len() > 1).collect();
    let grams = trigrams(content.iter().copied());
    let quote_grams = quoted_trigrams(&content);
    outside.sort_unstable();
    in_clause.sort_unstable();
    in_clause.dedup();
    in_clause.retain(|f| outside.binary_search(f).is_err());
    StatementFeatures {
        script: dominant_script(tokens),
        features,
        attribution: in_clause,
        negated,
        denied,
        surfaces,
        grams,
        quote_grams,
        quantities,
        ..StatementFeatures::default()
    }
}

/// English verbs that attribute a statement ("…, the ministry said").
const SPEECH_EN: &[&str] = &["said", "says", "told", "added", "stated", "according"];
/// Arabic verbs that open an attributed statement ("قال الوزير إن …"), folded.
const SPEECH_AR: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "بحسب",
    "حسب",
    "وفقا",
];
/// Arabic words that end the attribution clause and open what is said.
const THAT_AR: &[&str] = &["ان", "انه", "انها", "بان", "بانه"];
/// Longest attribution clause at the start of a statement, in tokens.
const LEADING_CLAUSE_MAX: usize = 8;

/// Which tokens only say who speaks: the clause before a leading speech verb
/// ("Energy Minister Khaled Mansour said …") and in Arabic the subject between
/// an opening verb and إن / أن ("أكد وزير الطاقة خالد منصور أن …"). Their words
/// weigh like a speaker's: the claim is the rest. (Trailing clauses ("…, an
/// engineer told Atlas") were tried too and lowered recall on every batch: they
/// often carry the claim's own words.)
fn attribution_clause(tokens: &[Token]) -> Vec<bool> {
    let mut clause = vec![false; tokens.len()];
    let speech = |t: &Token| match t.script {
        Script::Latin => SPEECH_EN.contains(&t.surface.as_str()),
        Script::Arabic => {
            let bare = t.surface.strip_prefix(['و', 'ف']).unwrap_or(&t.surface);
            SPEECH_AR.contains(&bare) || SPEECH_AR.contains(&t.surface.as_str())
        }
        Script::Other => false,
    };
    let first_break =
        tokens.iter().skip(1).position(|t| t.break_before).map_or(tokens.len(), |p| p + 1);
    if let Some(verb) = tokens.iter().take(first_break.min(LEADING_CLAUSE_MAX + 1)).position(speech)
    {
        if tokens.get(verb).is_some_and(|t| t.script == Script::Arabic) {
            // Verb first: the subject runs to إن / أن.
            let end = tokens
                .iter()
                .skip(verb + 1)
                .take(LEADING_CLAUSE_MAX)
                .position(|t| THAT_AR.contains(&t.surface.as_str()))
                .map(|p| verb + 1 + p);
            if let Some(end) = end {
                for slot in clause.iter_mut().take(end).skip(verb + 1) {
                    *slot = true;
                }
            }
        } else if verb > 0 {
            for slot in clause.iter_mut().take(verb) {
                *slot = true;
            }
        }
    }
    clause
}

/// Turn tokens into units: concepts (over several tokens), content words, numbers
/// and dates, each marked negated when an odd number of negation cues covers it.
fn units(tokens: &[Token], lookup: &Lookup<'_>) -> Vec<Unit> {
    let found = lookup.names.find(tokens);
    let mut found_iter = found.iter().peekable();
    let mut units = Vec::new();
    // Each open negation cue: remaining scope, and whether nothing was negated yet;
    // once with the wide scopes, once with the narrow ones.
    let mut open: Vec<(u8, bool)> = Vec::new();
    let mut open_denied: Vec<(u8, bool)> = Vec::new();
    let [particle, determiner, denial] = DENIED_SCOPES;
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        if token.break_before || SCOPE_ENDS.contains(&token.surface.as_str()) {
            open.clear();
            open_denied.clear();
        }
        while found_iter.peek().is_some_and(|f| f.start < index) {
            found_iter.next();
        }
        let (key, surface, width) = if let Some(f) = found_iter.peek().filter(|f| f.start == index)
        {
            let surface = tokens
                .get(index..index + f.len)
                .map(|ts| ts.iter().map(|t| t.surface.as_str()).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            (Some(FeatureKey::Concept(f.concept)), surface, f.len)
        } else if let Some((skeleton, len)) = lookup.spelling.name_at(tokens, index) {
            let surface = tokens
                .get(index..index + len)
                .map(|ts| ts.iter().map(|t| t.surface.as_str()).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            (Some(FeatureKey::Name(skeleton)), surface, len)
        } else {
            match &token.class {
                Class::NegDeterminer => {
                    open.push((DETERMINER_SCOPE, true));
                    open_denied.push((determiner, true));
                    (None, String::new(), 1)
                }
                Class::NegParticle => {
                    open.push((PARTICLE_SCOPE, true));
                    open_denied.push((particle, true));
                    (None, String::new(), 1)
                }
                Class::NegVerb => {
                    open.push((DENIAL_SCOPE, true));
                    open_denied.push((denial, true));
                    (None, String::new(), 1)
                }
                Class::Stop => (None, String::new(), 1),
                Class::Content if token.stem.chars().count() < 2 => (None, String::new(), 1),
                Class::Content => {
                    (Some(FeatureKey::Word(token.stem.clone())), token.surface.clone(), 1)
                }
                Class::Number(n) => (Some(FeatureKey::Number(n.clone())), token.surface.clone(), 1),
                Class::Year(y) => (Some(FeatureKey::Year(*y)), token.surface.clone(), 1),
                Class::Month(m) => (Some(FeatureKey::Month(*m)), token.surface.clone(), 1),
                Class::Weekday(d) => (Some(FeatureKey::Weekday(*d)), token.surface.clone(), 1),
            }
        };
        if let Some(key) = key {
            let rigid = match &key {
                FeatureKey::Concept(c) => lookup.names.is_name(*c),
                FeatureKey::Name(_) => true,
                other => other.is_slot(),
            };
            let negated = consume(&mut open, rigid);
            let denied = consume(&mut open_denied, false);
            // A term that says its opposite is not so ("halted" / "running") also
            // counts as that opposite, negated: "output was halted" then
            // contradicts "the plant is running" as "is not running" would.
            let opposite = match &key {
                FeatureKey::Concept(c) => lookup.names.opposite(*c),
                _ => None,
            };
            if let Some(o) = opposite {
                units.push(Unit {
                    key: FeatureKey::Concept(o),
                    surface: surface.clone(),
                    token: index,
                    negated: !negated,
                    denied: !denied,
                });
            }
            units.push(Unit { key, surface, token: index, negated, denied });
        }
        index += width.max(1);
    }
    units
}

/// Count one unit against the open cues: true when an odd number covers it. A
/// name, number or date is negated only right after its cue ("Qatar, not Oman",
/// "$54 million, not $45 million"); further on, it is what the negated words are
/// about ("did not approve the Biden administration's talks").
fn consume(open: &mut Vec<(u8, bool)>, rigid: bool) -> bool {
    let covering = open.iter().filter(|&&(n, fresh)| n > 0 && (fresh || !rigid)).count();
    for (n, fresh) in open.iter_mut() {
        *n = n.saturating_sub(1);
        *fresh = false;
    }
    open.retain(|&(n, _)| n > 0);
    covering % 2 == 1
}

fn dominant_script(tokens: &[Token]) -> Script {
    let arabic = tokens.iter().filter(|t| t.script == Script::Arabic).count();
    let latin = tokens.iter().filter(|t| t.script == Script::Latin).count();
    if arabic == 0 && latin == 0 {
        Script::Other
    } else if arabic >= latin {
        Script::Arabic
    } else {
        Script::Latin
    }
}

fn gram_hash(a: &str, b: &str, c: &str) -> u64 {
    hash_of(&(a, b, c))
}

fn trigrams<'a>(tokens: impl Iterator<Item = &'a Token>) -> Vec<u64> {
    let stems: Vec<&str> = tokens.map(|t| t.stem.as_str()).collect();
    let mut grams: Vec<u64> = stems
        .windows(3)
        .filter_map(|w| match w {
            [a, b, c] => Some(gram_hash(a, b, c)),
            _ => None,
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

fn quoted_trigrams(content: &[&Token]) -> Vec<u64> {
    let mut grams = Vec::new();
    for run in content.chunk_by(|a, b| a.quoted == b.quoted) {
        if run.first().is_some_and(|t| t.quoted) {
            grams.extend(trigrams(run.iter().copied()));
        }
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, CharRange, Statement, TextSpan};

    fn project(texts: &[&str]) -> Project {
        let mut project = Project::default();
        for (i, text) in texts.iter().enumerate() {
            let id = i as u64 + 1;
            project.articles.insert(
                ArticleId(id),
                Article { id: ArticleId(id), text: (*text).to_owned(), ..Article::default() },
            );
            let span = TextSpan::from_text(text, CharRange::new(0, text.chars().count()));
            project.statements.insert(
                StatementId(id + 100),
                Statement {
                    id: StatementId(id + 100),
                    article: ArticleId(id),
                    span,
                    ..Statement::default()
                },
            );
        }
        project
    }

    fn negated_surfaces(f: &StatementFeatures) -> Vec<&str> {
        f.negated.iter().map(|&n| f.surface(n)).collect()
    }

    #[test]
    fn negation_covers_the_rest_of_a_short_clause() {
        let p = project(&[
            "The talks took place with the knowledge of the administration but not at its direction.",
            "The White House had not been aware of the meeting.",
            "لم توافق إدارة بايدن على هذه المباحثات",
        ]);
        let names = NameIndex::for_project(&p);
        let (features, _) = extract(&p, &names);
        assert_eq!(negated_surfaces(&features[0]), ["direction"]);
        assert_eq!(negated_surfaces(&features[1]), ["aware", "meeting"]);
        assert_eq!(negated_surfaces(&features[2]), ["اداره", "توافق"]);
        let denied: Vec<&str> =
            features[1].denied.iter().map(|&n| features[1].surface(n)).collect();
        assert_eq!(denied, ["aware"]);
    }

    #[test]
    fn denial_covers_the_clause_and_double_negation_cancels() {
        let p = project(&[
            "The Kremlin denied that the meeting took place, but confirmed contacts.",
            "Moscow never denied the talks.",
        ]);
        let names = NameIndex::for_project(&p);
        let (features, table) = extract(&p, &names);
        let negated: Vec<&str> = negated_surfaces(&features[0]);
        assert_eq!(negated, ["meeting", "took", "place"], "{:?}", table.len());
        assert!(negated_surfaces(&features[1]).is_empty());
    }

    #[test]
    fn a_term_also_negates_its_lexicon_opposite() {
        let p = project(&[
            "Production at the refinery was halted, an engineer said.",
            "أكد الوزير أن المصفاة تعمل بكامل طاقتها.",
        ]);
        let names = NameIndex::for_project(&p);
        let (features, table) = extract(&p, &names);
        let running = features[1]
            .features
            .iter()
            .copied()
            .find(|&f| features[1].surface(f) == "تعمل")
            .expect("the Arabic statement has 'running'");
        assert!(table.is_neutral(running));
        assert!(features[0].has(running) && features[0].is_negated(running));
        assert!(!features[1].is_negated(running));
    }

    #[test]
    fn the_leading_attribution_clause_weighs_like_a_speaker() {
        let p = project(&[
            "Energy Minister Khaled Mansour said exports would not be affected.",
            "أكد وزير الطاقة خالد منصور أن الصادرات لن تتأثر.",
            "Exports fell, the minister said.",
        ]);
        let names = NameIndex::for_project(&p);
        let (features, _) = extract(&p, &names);
        let attributed = |f: &StatementFeatures| -> Vec<String> {
            f.attribution.iter().map(|&a| f.surface(a).to_owned()).collect()
        };
        let en = attributed(&features[0]);
        assert!(en.iter().any(|s| s == "mansour") && en.iter().any(|s| s == "khaled"), "{en:?}");
        assert!(!en.iter().any(|s| s == "exports"), "{en:?}");
        let ar = attributed(&features[1]);
        assert!(ar.iter().any(|s| s == "منصور"), "{ar:?}");
        assert!(!ar.iter().any(|s| s.contains("صادرات")), "{ar:?}");
        // A trailing "…, the minister said" is left alone.
        assert!(attributed(&features[2]).is_empty());
    }

    #[test]
    fn quotes_yield_quote_grams_and_scripts_are_detected() {
        let p =
            project(&["He said: \"nothing about Ukraine without Ukraine\" today.", "قال لافروف"]);
        let names = NameIndex::for_project(&p);
        let (features, _) = extract(&p, &names);
        assert!(!features[0].quote_grams.is_empty());
        assert_eq!(features[0].script, Script::Latin);
        assert_eq!(features[1].script, Script::Arabic);
    }
}
