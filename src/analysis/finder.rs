//! The statement finder: walks an article's body paragraphs sentence by sentence,
//! finds attribution cues, resolves speakers (with follow-ons that inherit the
//! previous speaker) and builds suggested [`Statement`]s.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Article, CONTEXT_CHARS, CharRange, Kind, Origin, Review, Statement, TextSpan};

use super::lexicon::Lexicon;
use super::segment;
use super::speaker::{
    Attribution, Ctx, Cue, CueKind, SpeakerPhrase, Verdict, classify, english_verb_is_false,
    head_key, is_quote_at, speaker_phrase,
};
use super::token::{Tok, tokenize};
use super::{fold, fold_with_map};

/// "CAIRO, Feb 6 (Reuters) - ", "BEIRUT (AP) — ", "WASHINGTON - ".
static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Z][A-Za-z.'/ ]{1,40}?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*\([A-Za-z .\-]{1,30}\)\s*[-–—]{1,2}|[A-Z]{3,}(?:[ /][A-Z]{2,})*(?:,\s*[A-Z]{2}\b)?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:[-–—]{1,2}|:))\s+").ok()
});

/// Arabic datelines: «القاهرة - », «بيروت – (أ ف ب) – », «واشنطن (رويترز) - »,
/// «غزة / سما / », «غزة- قُدس الإخبارية: », «رام الله- معا- »; group 1 is an outlet name
/// after the place.
static DATELINE_AR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*[\p{Arabic}\p{Mn}]+(?:\s[\p{Arabic}\p{Mn}]+){0,2}\s*(?:\([^)]{1,25}\)\s*)?[-–—/]\s*(?:\([^)]{1,25}\)\s*[-–—]\s*|([\p{Arabic}\p{Mn}]+(?:\s[\p{Arabic}\p{Mn}]+){0,2})\s*[/:\-–—]\s*)?").ok()
});

/// A photo credit at the end of a caption: "(Getty)", "(رويترز)", "(AFP/John Smith)".
static CREDIT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\(\s*[^()]{2,40}\)\s*$").ok());

/// English words that end a participle's subject ("X hit back at …, calling …").
const ENGLISH_VERB_STOPS: &[&str] = &[
    "hit", "has", "have", "had", "was", "were", "is", "are", "said", "told", "met", "took", "made",
    "gave", "went", "came", "struck", "won", "lost", "sent", "held", "spoke",
];

/// The language to analyse an article as.
fn article_is_arabic(article: &Article) -> bool {
    match article.meta.language.as_str() {
        "ar" => true,
        "en" => false,
        _ => {
            let (mut arabic, mut latin) = (0usize, 0usize);
            for c in article.text.chars().take(20_000) {
                if ('\u{0600}'..='\u{06FF}').contains(&c) {
                    arabic += 1;
                } else if c.is_ascii_alphabetic() {
                    latin += 1;
                }
            }
            arabic > latin
        }
    }
}

/// Find the attributed statements of `article` (ids 0, suggestions from the analysis).
#[must_use]
pub fn analyze_article(article: &Article, lexicon: &Lexicon) -> Vec<Statement> {
    let arabic = article_is_arabic(article);
    let chars: Vec<char> = article.text.chars().collect();
    let ctx = Ctx { lexicon, lang: lexicon.lang(arabic), arabic, chars: &chars };
    let mut finder = Finder {
        ctx,
        article,
        history: Vec::new(),
        names: HashMap::new(),
        out: Vec::new(),
        last_para_stated: false,
        open_quote: false,
        carry_until: None,
        last_para: None,
        para_before: 0,
    };
    let bodies = body_paragraphs(article, &chars);
    for range in bodies {
        finder.paragraph(range);
    }
    let mut out = finder.out;
    super::names::add_countries(&finder.ctx, article, &mut out);
    out
}

/// Ranges of the paragraphs to analyse: body paragraphs that do not look like a
/// headline, dateline, byline, caption or a repeat of another paragraph (pull quote).
fn body_paragraphs(article: &Article, chars: &[char]) -> Vec<CharRange> {
    let text_of = |p: &crate::model::Paragraph| -> String {
        chars.get(p.range.start..p.range.end).map(|s| s.iter().collect()).unwrap_or_default()
    };
    let key_of = |text: &str| fold(text).split_whitespace().collect::<Vec<_>>().join(" ");
    // Folded keys of all paragraphs, built only when some paragraph may be a repeat.
    let mut keys: Option<Vec<String>> = None;
    // When the import already told headlines and captions apart, short paragraphs
    // without a final full stop are body text (many Arabic sites omit it).
    let roles_known = article.paragraphs.iter().any(|p| !p.role.is_body());
    let mut out = Vec::new();
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        let text = text_of(paragraph);
        let trimmed = text.trim();
        if !paragraph.role.is_body() || looks_like_furniture(trimmed, index, roles_known) {
            continue;
        }
        // "Follow the latest news", «تابع أحدث الأخبار»: too short to report anything.
        if trimmed.split_whitespace().count() <= 4 && !trimmed.starts_with(['"', '“', '«', '„'])
        {
            continue;
        }
        // A pull quote or caption repeats (part of) a longer paragraph; only short
        // paragraphs without a final full stop are checked.
        let candidate = !trimmed.ends_with(['.', '!', '?', '؟'])
            && trimmed.split_whitespace().count() <= 60
            && trimmed.chars().count() > 20;
        if candidate {
            let keys = keys.get_or_insert_with(|| {
                article.paragraphs.iter().map(|p| key_of(&text_of(p))).collect()
            });
            let key = key_of(trimmed);
            let core = key.trim_end_matches(['.', '"', ' ']);
            let repeat = keys.iter().enumerate().any(|(j, other)| {
                j != index
                    && (other.len() > key.len() || (other.len() == key.len() && j < index))
                    && other.contains(core)
            });
            if repeat {
                continue;
            }
        }
        out.push(paragraph.range);
    }
    out
}

/// True for a (folded) word that can only name a news outlet: "the paper", «الصحيفة».
fn is_outlet_word(word: &str) -> bool {
    matches!(
        word,
        "newspaper"
            | "paper"
            | "daily"
            | "channel"
            | "broadcaster"
            | "website"
            | "magazine"
            | "tabloid"
            | "radio"
            | "television"
    ) || ["صحيفه", "قناه", "جريده", "مجله", "اذاعه"].iter().any(|w| word.ends_with(w))
}

/// `range` (whose characters are `chars`) without white space at either end.
fn trimmed_range(chars: &[char], range: CharRange) -> CharRange {
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let start = range.start + lead;
    CharRange::new(start, range.end.saturating_sub(trail).max(start))
}

/// True when `chars` (a paragraph) ends inside a quotation: an opening mark without its
/// closing one after it. `open` says whether it starts inside one.
fn ends_inside_quote(chars: &[char], mut open: bool) -> bool {
    // Wire style re-opens a running quotation at each paragraph: the first mark opens.
    let first = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(chars.len());
    let rest = match chars.get(first) {
        Some('"' | '“' | '«' | '„') => {
            open = true;
            chars.get(first + 1..).unwrap_or(&[])
        }
        _ => chars,
    };
    for &c in rest {
        match c {
            '“' | '«' | '„' => open = true,
            '”' | '»' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

/// «يذكر أن …», «ويذكر أن»: "it is worth recalling that" — the writer's background, not
/// a speaker's statement (a passive verb right before its complementiser).
fn arabic_impersonal(toks: &[Tok<'_>], cue: &Range<usize>) -> bool {
    let verb = toks.get(cue.start).map_or("", |t| t.text);
    matches!(verb, "يذكر" | "ويذكر")
        && toks.get(cue.end).is_some_and(|t| matches!(t.text, "ان" | "انه" | "انها"))
}

/// Headlines, subheadings, datelines, bylines and captions in a plain-text import.
fn looks_like_furniture(text: &str, index: usize, roles_known: bool) -> bool {
    let trimmed = text.trim();
    let words = trimmed.split_whitespace().count();
    let ends_sentence = trimmed.ends_with(['.', '!', '?', '؟', '"', '\'', '…', ':', '”', '»', '’']);
    if trimmed.ends_with(')')
        && words <= 40
        && CREDIT.as_ref().is_some_and(|re| re.is_match(trimmed))
    {
        return true;
    }
    let lower_start: String = trimmed.chars().take(24).collect::<String>().to_lowercase();
    if ["(reporting by", "reporting by", "additional reporting", "writing by", "editing by"]
        .iter()
        .any(|p| lower_start.starts_with(p))
        || lower_start.starts_with("by ") && words <= 8
        || trimmed.starts_with('#')
    {
        return true;
    }
    if roles_known {
        return false;
    }
    // A short line without a final stop is a headline, subheading or dateline, unless
    // it reports something with a complementiser ("… said that …", «… إن …»).
    let reported = words >= 8
        && trimmed.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = fold(w);
            let w = w.strip_prefix(['و', 'ف']).unwrap_or(&w).to_owned();
            matches!(
                w.as_str(),
                "that"
                    | "according"
                    | "citing"
                    | "ان"
                    | "انه"
                    | "انها"
                    | "انهم"
                    | "بان"
                    | "بانه"
                    | "بانها"
                    | "بحسب"
                    | "حسب"
                    | "وفقا"
                    | "وفق"
                    | "نقلا"
            )
        });
    if !ends_sentence && words <= 25 && !(reported && index > 0) {
        return true;
    }
    // The first paragraph of a plain-text file is its headline unless it reads like a
    // lede (a full sentence ending in a period).
    index == 0 && (!ends_sentence || (words <= 25 && !trimmed.ends_with('.')))
}

struct Finder<'a> {
    ctx: Ctx<'a>,
    article: &'a Article,
    history: Vec<Attribution>,
    /// Name words of earlier speakers → index into `history`.
    names: HashMap<String, usize>,
    out: Vec<Statement>,
    last_para_stated: bool,
    /// The last paragraph ended inside a quotation that its next paragraph closes.
    open_quote: bool,
    /// In the current paragraph: the end of a quotation carried over from the last one.
    carry_until: Option<usize>,
    /// The previous body paragraph and whether it held a statement.
    last_para: Option<(CharRange, bool)>,
    /// Number of statements found before the current paragraph.
    para_before: usize,
}

/// True for a clause whose cue points back at what came before: "X disclosed this at
/// a news conference", "This was stated at the briefing by X".
fn refers_back(toks: &[Tok<'_>], clause: &Range<usize>, cue: &Cue) -> bool {
    let text = |k: usize| toks.get(k).map_or("", |t| t.text);
    let after = cue.toks.end;
    let this_object = text(after) == "this"
        && (after + 1 >= clause.end
            || toks.get(after + 1).is_some_and(|t| !t.is_word())
            || matches!(text(after + 1), "on" | "at" | "in" | "during" | "while" | "when"));
    let mut first = clause.start;
    while first < cue.toks.start && toks.get(first).is_some_and(|t| !t.is_word()) {
        first += 1;
    }
    let passive = text(first) == "this"
        && matches!(text(first + 1), "was" | "is")
        && (first + 2 == cue.toks.start
            || (first + 3 == cue.toks.start && text(first + 2) == "also"));
    this_object || passive
}

impl Finder<'_> {
    fn paragraph(&mut self, range: CharRange) {
        let text: String = self
            .ctx
            .chars
            .get(range.start..range.end)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let (folded, map) = fold_with_map(&text);
        // A paragraph without any cue word can still continue a quotation.
        let carry = self.last_para_stated && self.open_quote;
        let continues_quote =
            carry || self.last_para_stated && text.trim_start().starts_with(['"', '“', '«', '„']);
        let pchars: Vec<char> = text.chars().collect();
        self.open_quote = ends_inside_quote(&pchars, carry);
        self.carry_until = None;
        if carry && !text.trim_start().starts_with(['"', '“', '«', '„']) {
            let close = pchars.iter().position(|c| matches!(c, '”' | '»' | '"'));
            self.carry_until = Some(range.start + close.map_or(pchars.len(), |c| c + 1));
        }
        self.para_before = self.out.len();
        if !continues_quote && !self.ctx.lexicon.may_have_cue(&folded) {
            self.last_para_stated = false;
            self.last_para = Some((trimmed_range(&pchars, range), false));
            return;
        }
        let toks = tokenize(&folded, &map, &pchars, range.start);
        let skip = self.dateline_len(&text);
        let quotes: Vec<Range<usize>> = segment::quote_spans_of(&pchars)
            .into_iter()
            .map(|q| q.start + range.start..q.end + range.start)
            .collect();
        let before = self.out.len();
        let mut prev_sentence_stated = self.last_para_stated;
        for sentence in segment::sentences_of(&pchars) {
            let start = (sentence.start.max(skip)) + range.start;
            let end = sentence.end + range.start;
            if end <= start {
                continue;
            }
            let a = toks.partition_point(|t| t.start < start);
            let b = toks.partition_point(|t| t.start < end);
            prev_sentence_stated = self.sentence(
                &toks,
                a..b,
                CharRange::new(start, end),
                &quotes,
                prev_sentence_stated,
            );
        }
        self.last_para_stated = self.out.len() > before && prev_sentence_stated;
        self.last_para = Some((trimmed_range(&pchars, range), self.out.len() > before));
    }

    /// Characters of a dateline at the start of a paragraph ("CAIRO (Reuters) - ",
    /// «غزة / سما / »). An Arabic outlet name after the place is part of the dateline
    /// only when it holds no cue word («القاهرة - قال الوزير: …» keeps its verb).
    fn dateline_len(&self, text: &str) -> usize {
        let chars_of = |end: usize| text.get(..end).map_or(0, |s| s.chars().count());
        if !self.ctx.arabic {
            return DATELINE.as_ref().and_then(|re| re.find(text)).map_or(0, |m| chars_of(m.end()));
        }
        let Some(caps) = DATELINE_AR.as_ref().and_then(|re| re.captures(text)) else { return 0 };
        let Some(whole) = caps.get(0) else { return 0 };
        match caps.get(1) {
            Some(outlet) if self.ctx.lexicon.may_have_cue(&fold(outlet.as_str())) => {
                chars_of(outlet.start())
            }
            _ => chars_of(whole.end()),
        }
    }

    /// Analyse one sentence; returns true when it produced a statement.
    fn sentence(
        &mut self,
        toks: &[Tok<'_>],
        sent: Range<usize>,
        span: CharRange,
        quotes: &[Range<usize>],
        prev_stated: bool,
    ) -> bool {
        let clauses = self.clauses(toks, &sent, quotes);
        let mut found: Vec<(Range<usize>, Cue, SpeakerPhrase)> = Vec::new();
        for clause in &clauses {
            if let Some((cue, phrase)) = self.main_cue(toks, clause, quotes) {
                found.push((clause.clone(), cue, phrase));
            }
        }
        // Separate statements only when several clauses have their own explicit speaker,
        // or when a later clause opens with its own subjectless reporting verb
        // («أعلنت المفوضية أن …، فيما أكدت أن …»).
        let explicit = found
            .iter()
            .filter(|(_, cue, p)| cue.kind != CueKind::Participle && !p.toks.is_empty())
            .count();
        let first_explicit = found
            .first()
            .is_some_and(|(_, c, p)| c.kind != CueKind::Participle && !p.toks.is_empty());
        let own_verb = self.ctx.arabic
            && first_explicit
            && found.iter().skip(1).any(|(clause, cue, p)| {
                cue.kind == CueKind::Verb
                    && p.toks.is_empty()
                    && (clause.start..cue.toks.start).all(|k| {
                        toks.get(k).is_some_and(|t| {
                            !t.is_word()
                                || matches!(t.text, "فيما" | "بينما" | "في" | "حين" | "كما")
                        })
                    })
            });
        if explicit < 2 && !own_verb && !found.is_empty() {
            let pick = found
                .iter()
                .position(|(_, c, p)| c.kind != CueKind::Participle && !p.toks.is_empty())
                .unwrap_or(0);
            let (_, cue, phrase) = found.swap_remove(pick);
            return self.emit(toks, &sent, span, &cue, &phrase);
        }
        if found.is_empty() {
            // A quotation sentence right after a statement continues it.
            let whole_quote = quotes.iter().any(|q| q.start <= span.start && span.end <= q.end + 2)
                || self.carry_until.is_some_and(|end| span.start < end);
            // Wire style: a quotation running over several paragraphs opens each one
            // and closes only at its end, so the opening mark has no partner here.
            let opens_unclosed =
                self.ctx.chars.get(span.start).is_some_and(|c| matches!(c, '"' | '“' | '«' | '„'))
                    && !quotes.iter().any(|q| q.start == span.start);
            if (whole_quote || opens_unclosed)
                && prev_stated
                && let Some(last) = self.history.last().cloned()
            {
                let mut attr = last;
                attr.confidence = (attr.confidence * 0.9).min(0.8);
                attr.reason = format!(
                    "continues the quotation of «{}»",
                    attr.speaker.clone().unwrap_or_default()
                );
                self.push(span, None, attr);
                return true;
            }
            return false;
        }
        let mut made = false;
        // A clause without a cue between two statements («…، ولكن ليس بتوجيه منها، ويضيف
        // …») stays with the statement before it.
        let next_starts: Vec<usize> = found.iter().skip(1).map(|(c, ..)| c.start).collect();
        for (k, (clause, cue, phrase)) in found.into_iter().enumerate() {
            let start = if k == 0 {
                span.start
            } else {
                toks.get(clause.start).map_or(span.start, |t| t.start)
            };
            let end = match next_starts.get(k) {
                None => span.end,
                Some(&next) => {
                    let mut e = next;
                    while e > clause.end && toks.get(e - 1).is_some_and(|t| !t.is_word()) {
                        e -= 1;
                    }
                    toks.get(e.max(clause.end).saturating_sub(1)).map_or(span.end, |t| t.end)
                }
            };
            made |= self.emit(toks, &clause, CharRange::new(start, end), &cue, &phrase);
        }
        made
    }

    /// Split a sentence at clause boundaries outside quotations.
    fn clauses(
        &self,
        toks: &[Tok<'_>],
        sent: &Range<usize>,
        quotes: &[Range<usize>],
    ) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = sent.start;
        let mut i = sent.start;
        while i < sent.end {
            let inside = toks
                .get(i)
                .is_some_and(|t| quotes.iter().any(|q| q.start < t.start && t.start < q.end));
            // «…، وأشارت المدلل إلى أن …»: a comma, then «و» and a reporting verb.
            // The verb has its own subject of one to three words before «أن»/«إلى أن».
            let and_verb = self.ctx.arabic
                && toks.get(i).is_some_and(|t| t.is_punct('،'))
                && toks.get(i + 1).is_some_and(|t| t.text.starts_with('و'))
                && self.ctx.lang.verbs.match_at(&toks[..sent.end], i + 1).is_some()
                && (i + 3..=i + 5).any(|k| {
                    toks.get(k)
                        .is_some_and(|t| matches!(t.text, "ان" | "بان" | "انه" | "انها" | "الي"))
                        && (i + 2..k).all(|j| toks.get(j).is_some_and(Tok::is_word))
                })
                && !toks
                    .get(i + 2)
                    .is_some_and(|t| matches!(t.text, "علي" | "الي" | "في" | "من" | "عن" | "ان"));
            let split = if and_verb {
                Some((1, 0))
            } else {
                self.ctx.lang.clause_splits.match_at(&toks[..sent.end], i)
            };
            if !inside
                && i > start + 2
                && let Some((len, _)) = split
            {
                out.push(start..i);
                start = i + 1.min(len);
                i += len;
                continue;
            }
            i += 1;
        }
        out.push(start..sent.end);
        out
    }

    /// The cue that attributes `clause`, with its speaker phrase.
    fn main_cue(
        &self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        quotes: &[Range<usize>],
    ) -> Option<(Cue, SpeakerPhrase)> {
        let lang = self.ctx.lang;
        let mut cues = Vec::new();
        let mut i = clause.start;
        let scope = &toks[..clause.end.min(toks.len())];
        while i < clause.end {
            let inside = toks
                .get(i)
                .is_some_and(|t| quotes.iter().any(|q| q.start < t.start && t.start < q.end));
            if inside {
                i += 1;
                continue;
            }
            let hit = lang
                .according
                .match_at(scope, i)
                .map(|(l, _)| (CueKind::According, l))
                .or_else(|| lang.verbs.match_at(scope, i).map(|(l, _)| (CueKind::Verb, l)))
                .or_else(|| {
                    lang.participles.match_at(scope, i).map(|(l, _)| (CueKind::Participle, l))
                });
            if let Some((kind, len)) = hit {
                let cue = Cue { kind, toks: i..i + len };
                let false_cue = kind == CueKind::Verb
                    && if self.ctx.arabic {
                        !self.arabic_verb_position_ok(toks, clause, &cue.toks)
                            || arabic_impersonal(toks, &cue.toks)
                    } else {
                        english_verb_is_false(toks, &cue.toks)
                    };
                let needs_object = kind == CueKind::Verb
                    && lang.needs_speech_object.match_at(scope, cue.toks.start).is_some()
                    && !(cue.toks.end..(cue.toks.end + 12).min(clause.end))
                        .any(|k| lang.speech_objects.match_at(scope, k).is_some());
                if !false_cue && !needs_object {
                    cues.push(cue);
                }
                i += len;
                continue;
            }
            i += 1;
        }
        if cues.is_empty() {
            return self.colon_attribution(toks, clause);
        }
        let mut best: Option<(Cue, SpeakerPhrase)> = None;
        let mut rank_best = 0;
        // Arabic: after a verb with its own subject, «بحسب ما نشرته …», «نقلا عن …» tell
        // where the words were published, not who said them.
        let mut verb_with_subject = false;
        let mut outlets: Vec<String> = Vec::new();
        let mut subject_verb: Option<(Cue, SpeakerPhrase)> = None;
        for cue in cues {
            let phrase = speaker_phrase(&self.ctx, toks, clause, &cue, quotes);
            // "a victory, which the opposition denounced as fraudulent": the verb of an
            // object relative clause does not attribute the sentence.
            if !self.ctx.arabic
                && cue.kind == CueKind::Verb
                && phrase.subordinate
                && !phrase.toks.is_empty()
                && phrase
                    .toks
                    .start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|t| matches!(t.text, "which" | "whom"))
            {
                continue;
            }
            for (_, name, _) in self.ctx.outlets_in(toks, &phrase.toks) {
                outlets.push(name);
            }
            let mut rank = match (
                cue.kind,
                phrase.subordinate,
                phrase.closes_clause,
                phrase.toks.is_empty(),
            ) {
                (CueKind::Participle, ..) => 1,
                (_, true, ..) => 2,
                (CueKind::According, false, _, false) | (_, false, true, false) => 6,
                (_, false, _, false) => 5,
                (_, false, _, true) => 4,
            };
            if self.ctx.arabic && cue.kind == CueKind::According && verb_with_subject {
                rank = 3;
            }
            if cue.kind == CueKind::Verb && !phrase.toks.is_empty() && !phrase.subordinate {
                verb_with_subject = true;
            }
            // "وفق القانون", "according to plan": no speaker, no attribution.
            if cue.kind == CueKind::According
                && let Verdict::Explicit(attr) = classify(&self.ctx, toks, &phrase.toks, clause)
                && attr.has_no_role()
                && self.lookup_name(toks, &phrase.toks).is_none()
            {
                rank = 1;
            }
            if rank == 5 && cue.kind == CueKind::Verb && subject_verb.is_none() {
                subject_verb = Some((cue.clone(), phrase.clone()));
            }
            // The first cue of a rank wins, except a clause-closing one wins over all.
            if rank > rank_best && !(rank_best == 5 && rank == 5) {
                rank_best = rank;
                best = Some((cue, phrase));
            }
        }
        // "the opposition accused …, AFP reported": a wire closing the clause relays a
        // subject that speaks on the record in it.
        if let Some((cue, phrase)) = &best
            && cue.kind == CueKind::Verb
            && rank_best == 6
            && let Some((verb_cue, verb_phrase)) = subject_verb
            && verb_cue.toks.start < cue.toks.start
            && self.is_private_outlet(toks, &phrase.toks, clause)
            && let Verdict::Explicit(attr) = classify(&self.ctx, toks, &verb_phrase.toks, clause)
            && attr.kind == Kind::Official
        {
            best = Some((verb_cue, verb_phrase));
        }
        // Outlets named by the other cues relay the chosen one
        // («أفادت شبكة إن بي سي نيوز نقلا عن مسؤولين»).
        if let Some((_, phrase)) = best.as_mut() {
            for name in outlets {
                if !phrase.via.contains(&name) {
                    phrase.via.push(name);
                }
            }
        }
        best
    }

    /// "…, the official said" opening an article: a definite description with no
    /// antecedent is classified by its noun; bare pronouns attribute nothing.
    fn first_mention(
        &mut self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        span: CharRange,
        cue: &Cue,
        phrase: &Range<usize>,
    ) -> bool {
        let cue_span = CharRange::new(
            toks.get(cue.toks.start).map_or(0, |t| t.start),
            toks.get(cue.toks.end.saturating_sub(1)).map_or(0, |t| t.end),
        );
        // «ونشرت الصحيفة …», "the paper said" with no outlet named before: its own report.
        let last_word =
            (phrase.start..phrase.end).rev().find(|&k| toks.get(k).is_some_and(Tok::is_word));
        if last_word.and_then(|k| toks.get(k)).is_some_and(|t| is_outlet_word(t.text)) {
            let attr = Attribution::outlet_report(&self.ctx.text_of(toks, phrase));
            self.push(span, Some(cue_span), attr);
            return true;
        }
        let article = toks
            .get(phrase.start)
            .is_some_and(|t| matches!(t.text, "the" | "this" | "that" | "these" | "those"));
        if self.ctx.arabic || !article || phrase.len() < 2 {
            return false;
        }
        let noun = phrase.start + 1..phrase.end;
        let Verdict::Explicit(mut attr) = classify(&self.ctx, toks, &noun, clause) else {
            return false;
        };
        attr.speaker = Some(self.ctx.text_of(toks, phrase));
        if attr.has_no_role() {
            return false;
        }
        self.push(span, Some(cue_span), attr);
        true
    }

    /// «تقرير نشرته صحيفة "المصري اليوم"، أمس، والتي قالت فيه …»: a relative verb whose
    /// subject is the newspaper named before it, as that outlet's own report.
    fn relative_outlet(
        &self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        cue: &Cue,
    ) -> Option<Attribution> {
        if !self.ctx.arabic {
            return None;
        }
        let rel = cue.toks.start.checked_sub(1).and_then(|p| toks.get(p))?;
        if !matches!(rel.text, "التي" | "الذي" | "والتي" | "والذي") {
            return None;
        }
        let k = (clause.start..cue.toks.start)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| is_outlet_word(t.text)))?;
        let end = (k + 1..cue.toks.start - 1)
            .find(|&j| toks.get(j).is_some_and(|t| t.is_punct('،') || t.is_punct(',')))
            .unwrap_or(cue.toks.start - 1);
        Some(Attribution::outlet_report(&self.ctx.text_of(toks, &(k..end))))
    }

    /// True when `phrase` is a news outlet that is not state-run ("AFP", "the paper").
    fn is_private_outlet(
        &self,
        toks: &[Tok<'_>],
        phrase: &Range<usize>,
        clause: &Range<usize>,
    ) -> bool {
        matches!(
            classify(&self.ctx, toks, phrase, clause),
            Verdict::Explicit(attr) if attr.is_outlet && attr.kind == Kind::Unofficial
        )
    }

    /// «Israeli Defence Minister Yoav Gallant: "…"»: a speaker, a colon and a quotation.
    fn colon_attribution(
        &self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
    ) -> Option<(Cue, SpeakerPhrase)> {
        let colon = (clause.start..clause.end).find(|&i| {
            toks.get(i).is_some_and(|t| t.is_punct(':'))
                && toks.get(i + 1).is_some_and(Tok::is_quote)
        })?;
        let mut start = colon;
        while start > clause.start
            && toks.get(start - 1).is_some_and(|t| {
                !matches!(
                    t.class,
                    super::token::Class::Punct('-' | '–' | '—' | ',' | '،' | ':' | '.')
                )
            })
        {
            start -= 1;
        }
        let phrase = start..colon;
        if phrase.is_empty() || colon - start > 12 {
            return None;
        }
        // Only a recognisable speaker, never a label like "Timeline:".
        match classify(&self.ctx, toks, &phrase, clause) {
            Verdict::Explicit(attr) if !attr.has_no_role() => {}
            _ => return None,
        }
        let cue = Cue { kind: CueKind::Verb, toks: colon..colon + 1 };
        Some((
            cue,
            SpeakerPhrase {
                toks: phrase,
                subordinate: false,
                closes_clause: false,
                via: Vec::new(),
            },
        ))
    }

    /// An Arabic reporting verb starts its clause (after openers, verb–subject order)
    /// or follows a short subject at the start of the clause; elsewhere a verb like
    /// «يطالب» describes a noun («مشروع قرار يطالب») and attributes nothing.
    fn arabic_verb_position_ok(
        &self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        cue: &Range<usize>,
    ) -> bool {
        let prev = cue.start.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|t| ["ان", "لن", "كي", "لكي", "حتي"].contains(&t.text)) {
            return false;
        }
        // «ولم يكشف المسؤولون طريقة …»: what was not revealed is narrative.
        if prev.is_some_and(|t| t.text == "لم" || t.text == "ولم")
            && toks.get(cue.start).is_some_and(|t| t.text.ends_with("كشف"))
        {
            return false;
        }
        let mut start = cue.start;
        while start > clause.start {
            let Some(t) = toks.get(start - 1) else { break };
            if t.is_punct('،') || t.is_punct(',') || t.is_punct(':') {
                break;
            }
            start -= 1;
        }
        let mut first = start;
        while first < cue.start
            && (self.ctx.lang.openers.match_at(toks, first).is_some()
                || toks.get(first).is_some_and(|t| !t.is_word() || t.text == "و" || t.text == "ف"))
        {
            first += 1;
        }
        if first == cue.start {
            return true;
        }
        let subject_len = cue.start - first;
        // A subject holds no complementiser and no other reporting verb: in «وأضاف أن
        // هدوءا حذرا يسود» the verb-like «حذرا» is inside the reported clause.
        let reported = (first..cue.start).any(|k| {
            toks.get(k).is_some_and(|t| matches!(t.text, "ان" | "انه" | "انها" | "بان"))
                || self.ctx.lang.verbs.match_at(toks, k).is_some()
        });
        if reported {
            return false;
        }
        let from_clause_start = (clause.start..start).all(|i| {
            toks.get(i)
                .is_some_and(|t| !t.is_word() || self.ctx.lang.openers.match_at(toks, i).is_some())
        });
        // «…، غير أن مستشارا لقائده قال»: a contrastive opener starts a new clause.
        let opened = first > start && toks.get(start).is_some_and(Tok::is_word);
        // «وبشأن زيارة وزير الخارجية … إلى سورية قال خطيب زادة»: an adverbial phrase, then
        // the verb and its subject.
        let adverbial = toks.get(first).is_some_and(|t| {
            matches!(
                t.text,
                "بشان"
                    | "وبشان"
                    | "حول"
                    | "وحول"
                    | "بخصوص"
                    | "وبخصوص"
                    | "ردا"
                    | "وردا"
            )
        });
        (from_clause_start || opened) && (subject_len <= 10 || adverbial && subject_len <= 20)
    }

    /// Build the statement for a clause; returns true when one was made.
    fn emit(
        &mut self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        span: CharRange,
        cue: &Cue,
        phrase: &SpeakerPhrase,
    ) -> bool {
        let cue_span = CharRange::new(
            toks.get(cue.toks.start).map_or(0, |t| t.start),
            toks.get(cue.toks.end.saturating_sub(1)).map_or(0, |t| t.end),
        );
        let mut phrase_toks = phrase.toks.clone();
        if cue.kind == CueKind::Participle {
            // «. مشيراً أن "…"»: a sentence that opens with the participle goes on with the
            // previous speaker.
            let opens =
                (clause.start..cue.toks.start).all(|k| toks.get(k).is_some_and(|t| !t.is_word()));
            if opens && let Some(mut prev) = self.history.last().cloned() {
                prev.reason = format!(
                    "follows «{}»: {}",
                    prev.speaker.clone().unwrap_or_default(),
                    prev.reason
                );
                prev.confidence = (prev.confidence * 0.9).min(0.8);
                self.push(span, Some(cue_span), prev);
                return true;
            }
            // "Guterres had invoked Article 99, warning that …": the clause subject.
            let mut start = clause.start;
            if self.ctx.arabic {
                // Verb–subject order: skip openers and the main verb.
                while start < cue.toks.start
                    && (self.ctx.lang.openers.match_at(toks, start).is_some()
                        || toks.get(start).is_some_and(|t| !t.is_word()))
                {
                    start += 1;
                }
                if toks.get(start).is_some_and(|t| !self.ctx.lexicon.vocab.contains(t.text)) {
                    start += 1;
                }
            }
            let mut end = (start + 8).min(cue.toks.start);
            // "Myint Naing hit back at the party’s comments, calling …": the subject ends
            // at its verb, never inside a word.
            if !self.ctx.arabic
                && let Some(k) = (start + 1..end).find(|&k| {
                    toks.get(k).is_some_and(|t| {
                        is_quote_at(toks, k)
                            || t.text == "’"
                            || (t.is_word()
                                && !t.cap
                                && (ENGLISH_VERB_STOPS.contains(&t.text)
                                    || (t.text.len() > 3
                                        && t.text.ends_with("ed")
                                        && !matches!(t.text, "armed" | "united" | "based"))))
                    })
                })
            {
                end = k;
            }
            let verdict = classify(&self.ctx, toks, &(start..end), clause);
            match verdict {
                Verdict::Explicit(attr) if attr.kind == Kind::Official && !attr.has_no_role() => {
                    self.push(span, Some(cue_span), attr);
                    return true;
                }
                _ => return false,
            }
        }
        // "according to" with nothing after it attributes nothing.
        if cue.kind == CueKind::According && phrase_toks.is_empty() {
            return false;
        }
        // A citation after an outlet or a back reference names the real source.
        let citing = self.citation(toks, clause, cue);
        let verdict = classify(&self.ctx, toks, &phrase_toks, clause);
        let mut attr = match verdict {
            Verdict::Explicit(attr) => {
                if attr.is_outlet
                    && let Some(range) = citing.clone()
                {
                    phrase_toks = range;
                    let mut via = attr.via.clone();
                    match classify(&self.ctx, toks, &phrase_toks, clause) {
                        Verdict::Explicit(mut cited) => {
                            via.append(&mut cited.via);
                            cited.via = via;
                            cited
                        }
                        Verdict::Inherit(..) => attr,
                    }
                } else if attr.has_no_role() {
                    match self.lookup_name(toks, &phrase_toks) {
                        Some(found) => found,
                        // "The war has claimed…", «وكشفت الحرب عن…»: a subject that is
                        // neither a role, an organisation nor a name is not a speaker.
                        None if !self.may_be_name(toks, &phrase_toks) => {
                            match self.head_reference(toks, &phrase_toks) {
                                Some(found) => found,
                                None => return false,
                            }
                        }
                        None => self.name_elsewhere(toks, &phrase_toks).unwrap_or(attr),
                    }
                } else {
                    attr
                }
            }
            Verdict::Inherit(head, written) => {
                if let Some(range) = citing {
                    match classify(&self.ctx, toks, &range, clause) {
                        Verdict::Explicit(mut cited) => {
                            if let Some(prev) = self.history.last()
                                && prev.is_outlet
                            {
                                cited.via.extend(prev.via.iter().cloned());
                            }
                            cited
                        }
                        Verdict::Inherit(..) => return false,
                    }
                } else if let Some(outlet) = self.relative_outlet(toks, clause, cue) {
                    outlet
                } else {
                    let Some(mut prev) = self.antecedent_of(toks, &phrase_toks, head.as_deref())
                    else {
                        // "the official said" with nobody before it: a first mention.
                        return self.first_mention(toks, clause, span, cue, &phrase_toks);
                    };
                    prev.reason = format!(
                        "follows «{}»: {}",
                        prev.speaker.clone().unwrap_or_default(),
                        prev.reason
                    );
                    prev.confidence = (prev.confidence * 0.9).min(0.8);
                    if let Some(w) = written {
                        prev.speaker = Some(w);
                    }
                    prev
                }
            }
        };
        for v in &phrase.via {
            if !attr.via.contains(v) {
                attr.via.push(v.clone());
            }
        }
        self.remember_names(toks, &phrase_toks, self.history.len());
        // "X disclosed this at a news conference", "This was stated by X": the words
        // are the previous paragraph's.
        if !self.ctx.arabic
            && refers_back(toks, clause, cue)
            && self.out.len() == self.para_before
            && let Some((range, false)) = self.last_para
        {
            self.push(range, None, attr);
            return true;
        }
        self.push(span, Some(cue_span), attr);
        true
    }

    /// "citing X", "quoting X", "نقلا عن X" elsewhere in the clause.
    fn citation(
        &self,
        toks: &[Tok<'_>],
        clause: &Range<usize>,
        main: &Cue,
    ) -> Option<Range<usize>> {
        let lang = self.ctx.lang;
        let scope = &toks[..clause.end.min(toks.len())];
        // "X reported from a military source that …", «نقلت عن مصدر»: the source after
        // the outlet's verb.
        let verb = toks.get(main.toks.start).map_or("", |t| t.text);
        if matches!(verb, "reported" | "reports" | "learned" | "heard")
            && toks.get(main.toks.end).is_some_and(|t| t.text == "from")
        {
            let cue = Cue { kind: CueKind::According, toks: main.toks.start..main.toks.end + 1 };
            let phrase = speaker_phrase(&self.ctx, toks, clause, &cue, &[]);
            if !phrase.toks.is_empty() {
                return Some(phrase.toks);
            }
        }
        // «ونقلت صحيفة … عن لجنة الانتخابات قولها»: the body after «عن» is the speaker.
        if self.ctx.arabic
            && ["نقل", "ونقل", "فنقل"].iter().any(|p| verb.starts_with(p))
            && let Some(k) = (main.toks.end..clause.end)
                .take(16)
                .find(|&k| toks.get(k).is_some_and(|t| t.text == "عن"))
        {
            let cue = Cue { kind: CueKind::According, toks: k..k + 1 };
            let phrase = speaker_phrase(&self.ctx, toks, clause, &cue, &[]);
            if !phrase.toks.is_empty() {
                return Some(phrase.toks);
            }
        }
        for i in clause.start..clause.end {
            if main.toks.contains(&i) {
                continue;
            }
            let Some((len, _)) = lang.according.match_at(scope, i) else { continue };
            let word = toks.get(i).map_or("", |t| t.text);
            let citing =
                matches!(word, "citing" | "quoting") || word.ends_with("نقلا") || word == "نقلا";
            if !citing {
                continue;
            }
            let cue = Cue { kind: CueKind::According, toks: i..i + len };
            let phrase = speaker_phrase(&self.ctx, toks, clause, &cue, &[]);
            if !phrase.toks.is_empty() {
                return Some(phrase.toks);
            }
        }
        None
    }

    /// [`Self::antecedent`], except that an outlet noun ("the paper", «الصحيفة») only
    /// refers back to an outlet.
    fn antecedent_of(
        &self,
        toks: &[Tok<'_>],
        phrase: &Range<usize>,
        head: Option<&str>,
    ) -> Option<Attribution> {
        let last_word =
            (phrase.start..phrase.end).rev().find(|&k| toks.get(k).is_some_and(Tok::is_word));
        let outlet_noun =
            last_word.and_then(|k| toks.get(k)).is_some_and(|t| is_outlet_word(t.text));
        if outlet_noun {
            return self.history.iter().rev().take(12).find(|a| a.is_outlet).cloned();
        }
        self.antecedent(head)
    }

    fn antecedent(&self, head: Option<&str>) -> Option<Attribution> {
        if let Some(h) = head {
            let key = head_key(h);
            if let Some(found) =
                self.history.iter().rev().take(12).find(|a| a.head.as_deref() == Some(key.as_str()))
            {
                return Some(found.clone());
            }
        }
        self.history.last().cloned()
    }

    /// True when a speaker phrase contains something that can be a proper name.
    fn may_be_name(&self, toks: &[Tok<'_>], phrase: &Range<usize>) -> bool {
        let Some(words) = toks.get(phrase.clone()) else { return false };
        // In Arabic a bare name comes first in the subject («وقال زيلينسكي»).
        let words =
            if self.ctx.arabic { words.get(..words.len().min(2)).unwrap_or(words) } else { words };
        words.iter().enumerate().any(|(k, t)| {
            if self.ctx.arabic {
                t.is_arabic()
                    && !super::token::is_definite(t.text)
                    && !self.ctx.lexicon.vocab.contains(t.text)
                    && t.text.chars().count() >= 3
                    && !(k == 0 && self.ctx.lang.verbs.match_at(toks, phrase.start).is_some())
            } else {
                t.cap
                    && !matches!(
                        t.text,
                        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
                    )
            }
        })
    }

    fn lookup_name(&self, toks: &[Tok<'_>], phrase: &Range<usize>) -> Option<Attribution> {
        let words = toks.get(phrase.clone())?;
        let joined =
            if self.ctx.arabic { super::names::name_keys(&self.ctx, words) } else { Vec::new() };
        for t in words {
            if !t.is_word() {
                continue;
            }
            let readings = t.readings.get(super::lexicon::Strip::All);
            for key in readings.iter().copied().chain(joined.iter().map(String::as_str)) {
                if let Some(&index) = self.names.get(key)
                    && let Some(prev) = self.history.get(index)
                {
                    let mut attr = prev.clone();
                    attr.speaker = Some(self.ctx.text_of(toks, phrase));
                    attr.reason = format!(
                        "same speaker as «{}»: {}",
                        prev.speaker.clone().unwrap_or_default(),
                        prev.reason
                    );
                    attr.confidence = (attr.confidence * 0.95).min(0.85);
                    return Some(attr);
                }
            }
        }
        // "Sarea also said" after "Yahya Saree": a name misspelt by one letter.
        for t in words {
            let name_like = if t.is_arabic() {
                !self.ctx.lexicon.vocab.contains(t.text)
            } else {
                t.cap && !self.ctx.lexicon.vocab.contains(t.text)
            };
            if !name_like {
                continue;
            }
            // The earliest such speaker, so that the result does not depend on map order.
            let close = self
                .names
                .iter()
                .filter(|(key, _)| super::names::one_typo_apart(key, t.text))
                .map(|(_, &index)| index)
                .min();
            if let Some(index) = close
                && let Some(prev) = self.history.get(index)
            {
                let mut attr = prev.clone();
                attr.speaker = Some(self.ctx.text_of(toks, phrase));
                attr.reason = format!(
                    "same speaker as «{}» (spelt differently): {}",
                    prev.speaker.clone().unwrap_or_default(),
                    prev.reason
                );
                attr.confidence = (attr.confidence * 0.85).min(0.75);
                return Some(attr);
            }
        }
        None
    }

    /// «الغرفة» after «غرفة العمليات المشتركة», "the envoy" after "the UN envoy …": one
    /// definite noun that heads a recent speaker's phrase.
    fn head_reference(&self, toks: &[Tok<'_>], phrase: &Range<usize>) -> Option<Attribution> {
        let words: Vec<&Tok<'_>> =
            toks.get(phrase.clone())?.iter().filter(|t| t.is_word()).collect();
        let noun = match words.as_slice() {
            [one] if self.ctx.arabic && super::token::is_definite(one.text) => one.text,
            [the, one] if !self.ctx.arabic && the.text == "the" => one.text,
            _ => return None,
        };
        let key = head_key(noun);
        let found =
            self.history.iter().rev().take(12).find(|a| a.head.as_deref() == Some(key.as_str()))?;
        let mut attr = found.clone();
        attr.reason = format!(
            "refers back to «{}»: {}",
            found.speaker.clone().unwrap_or_default(),
            found.reason
        );
        attr.speaker = Some(self.ctx.text_of(toks, phrase));
        attr.confidence = (attr.confidence * 0.9).min(0.8);
        Some(attr)
    }

    /// A bare name that no earlier speaker had: its title or appositive elsewhere in
    /// the article.
    fn name_elsewhere(&self, toks: &[Tok<'_>], phrase: &Range<usize>) -> Option<Attribution> {
        let words = toks.get(phrase.clone())?;
        let keys = super::names::name_keys(&self.ctx, words);
        let mut attr = super::names::name_elsewhere(&self.ctx, self.article, &keys)?;
        attr.reason = format!(
            "same person as «{}» elsewhere: {}",
            attr.speaker.clone().unwrap_or_default(),
            attr.reason
        );
        attr.speaker = Some(self.ctx.text_of(toks, phrase));
        attr.confidence = (attr.confidence * 0.9).min(0.8);
        Some(attr)
    }

    fn remember_names(&mut self, toks: &[Tok<'_>], phrase: &Range<usize>, index: usize) {
        let Some(words) = toks.get(phrase.clone()) else { return };
        for t in words {
            let is_name = if t.is_arabic() {
                !self.ctx.lexicon.vocab.contains(t.text) && t.text.chars().count() >= 3
            } else {
                t.cap
                    && !self.ctx.lexicon.vocab.contains(t.text)
                    && !super::names::NOT_NAMES.contains(&t.text)
            };
            if is_name && !self.names.contains_key(t.text) {
                let stripped = t.text.strip_prefix("ال").unwrap_or(t.text);
                self.names.insert(t.text.to_owned(), index);
                self.names.entry(stripped.to_owned()).or_insert(index);
            }
        }
        // «نبيل عبدالله» later written «عبد الله»: the joined spelling too.
        if self.ctx.arabic {
            for key in super::names::name_keys(&self.ctx, words) {
                self.names.entry(key).or_insert(index);
            }
        }
    }

    /// A [`TextSpan`] from the article's characters (same result as
    /// `TextSpan::from_text`, without rescanning the text from its start).
    fn span_of(&self, range: CharRange) -> TextSpan {
        let chars = self.ctx.chars;
        let end = range.end.min(chars.len());
        let start = range.start.min(end);
        let cut =
            |a: usize, b: usize| chars.get(a..b).map(|s| s.iter().collect()).unwrap_or_default();
        TextSpan {
            range: CharRange { start, end },
            quote: cut(start, end),
            prefix: cut(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: cut(end, end.saturating_add(CONTEXT_CHARS).min(chars.len())),
        }
    }

    fn push(&mut self, span: CharRange, cue: Option<CharRange>, attr: Attribution) {
        self.out.push(Statement {
            article: self.article.id,
            span: self.span_of(span),
            cue: cue.filter(|c| !c.is_empty()).map(|c| self.span_of(c)),
            kind: attr.kind,
            review: Review::Suggested,
            origin: Origin::Analysis,
            speaker: attr.speaker.clone(),
            actor: attr.actor.clone(),
            via: attr.via.clone(),
            confidence: attr.confidence.clamp(0.0, 1.0),
            lang: if self.ctx.arabic { "ar".to_owned() } else { "en".to_owned() },
            reason: Some(attr.reason.clone()),
            ..Statement::default()
        });
        self.history.push(attr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import_text;
    use crate::model::SourceFormat;

    fn run(text: &str) -> Vec<Statement> {
        let article = import_text(text, SourceFormat::PlainText).article;
        analyze_article(&article, &Lexicon::builtin())
    }

    fn only(text: &str) -> Statement {
        let mut found = run(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.remove(0)
    }

    #[test]
    fn spokesperson_paraphrase_is_official_with_actor() {
        let s = only(
            "Headline\n\nThe State Department said on Thursday that it had not approved the talks.",
        );
        assert_eq!(s.kind, Kind::Official);
        assert_eq!(s.actor.as_deref(), Some("US State Department"));
        assert_eq!(s.cue.map(|c| c.quote), Some("said".to_owned()));
    }

    #[test]
    fn anonymous_official_is_unofficial_even_with_ministry() {
        let s = only(
            "Headline\n\nAn Israeli official, who spoke on condition of anonymity, said the gaps remained wide.",
        );
        assert_eq!(s.kind, Kind::Unofficial);
        assert!(s.reason.unwrap().contains("anonym"));
    }

    #[test]
    fn outlet_citing_sources_is_unofficial_via_outlet() {
        let s = only(
            "Headline\n\nNBC News reported, citing six people familiar with the discussions, that the meeting took place.",
        );
        assert_eq!(s.kind, Kind::Unofficial);
        assert_eq!(s.via, vec!["NBC News".to_owned()]);
        assert_eq!(s.speaker.as_deref(), Some("six people familiar with the discussions"));
    }

    #[test]
    fn declined_to_confirm_is_an_official_statement() {
        let s =
            only("Headline\n\nA spokesman for the prime minister declined to confirm the report.");
        assert_eq!(s.kind, Kind::Official);
    }

    #[test]
    fn former_official_and_analyst_are_unofficial() {
        let found = run(
            "Headline\n\nA former U.S. negotiator said both sides wanted to avoid escalation.\n\nAli Vaez, an analyst at the International Crisis Group, said a deal could buy time.",
        );
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|s| s.kind == Kind::Unofficial));
    }

    #[test]
    fn follow_on_inherits_speaker_and_kind() {
        let found = run(
            "Headline\n\nKremlin spokesman Dmitry Peskov said the deal was over. He added that Moscow would return if its demands were met.",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].kind, Kind::Official);
        assert_eq!(found[1].actor.as_deref(), Some("Kremlin"));
        assert_eq!(found[1].speaker.as_deref(), Some("He"));
    }

    #[test]
    fn narrative_mentioning_ministries_is_not_a_statement() {
        let found = run(
            "Headline\n\nThe foreign ministries of the major powers all maintain departments for crisis diplomacy, and the war has continued for months.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn narrative_with_reporting_verbs_is_not_a_statement() {
        let found = run(
            "Headline\n\nThe war has claimed more than 30,000 lives since October.\n\nوكشفت الحرب عن هشاشة النظام الصحي في القطاع.\n\nIt was not immediately clear who fired the rocket, and the reports could not be verified.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn arabic_verb_subject_with_clitics_and_diacritics() {
        let s = only(
            "عنوان\n\nوقالَ مُتحدّث باسم وزارة الخارجيّة الأمريكيّة، إن الإدارة لم توافق على المباحثات.",
        );
        assert_eq!(s.kind, Kind::Official);
        assert_eq!(s.actor.as_deref(), Some("US State Department"));
        assert_eq!(s.lang, "ar");
    }

    #[test]
    fn arabic_informed_sources_and_relay() {
        let s = only(
            "عنوان\n\nوأفادت شبكة \"إن بي سي نيوز\" نقلا عن مصادر مطلعة، أن اللقاء عقد في نيويورك.",
        );
        assert_eq!(s.kind, Kind::Unofficial);
        assert!(s.via.contains(&"NBC News".to_owned()), "{:?}", s.via);
        assert!(s.reason.unwrap().contains("مصادر"));
    }

    #[test]
    fn arabic_follow_on_without_subject() {
        let found = run(
            "عنوان\n\nوقال وزير الخارجية المصري سامح شكري إن مصر ترفض العملية.\n\nوأضاف أن القاهرة تواصل اتصالاتها.",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].kind, Kind::Official);
        assert_eq!(found[1].actor.as_deref(), Some("Egyptian Foreign Ministry"));
    }

    #[test]
    fn caption_and_headline_are_skipped() {
        let found = run(
            "واشنطن: لم نوافق على المحادثات\n\nالإدارة الأمريكية قالت إنها لم توافق على المفاوضات (Getty)\n\nوقال متحدث باسم الخارجية الأمريكية إن الإدارة لم توافق.",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].span.quote.starts_with("وقال"));
    }

    #[test]
    fn quotation_over_several_paragraphs_continues_the_speaker() {
        let found = run(
            "Headline\n\n\"We will not give up,\" said Hamas official Basem Naim. \"Our people have suffered too much.\n\n\"The occupation must end.\"\n\nThe war began in October.",
        );
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found.iter().all(|s| s.kind == Kind::Official && s.actor.as_deref() == Some("Hamas"))
        );
    }

    #[test]
    fn importer_roles_are_trusted() {
        let text = "الكرملين يقول إن الاتفاق انتهى\n\nوقال المتحدث باسم الكرملين إن الاتفاق انتهى\n\nصورة: بيسكوف قال إن الاتفاق انتهى";
        let mut article = import_text(text, SourceFormat::PlainText).article;
        article.paragraphs[0].role = crate::model::ParagraphRole::Headline;
        article.paragraphs[2].role = crate::model::ParagraphRole::Caption;
        let found = analyze_article(&article, &Lexicon::builtin());
        // The body paragraph has no final full stop (common on Arabic sites) and is
        // still analysed; the headline and the caption are not.
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].span.quote.starts_with("وقال"));
        assert_eq!(found[0].actor.as_deref(), Some("Kremlin"));
    }

    #[test]
    fn spans_are_exact_characters_of_the_article() {
        let text = "Headline\n\nCAIRO, Feb 6 (Reuters) - Two Egyptian security sources said a delegation would travel on Tuesday.";
        let article = import_text(text, SourceFormat::PlainText).article;
        let found = analyze_article(&article, &Lexicon::builtin());
        assert_eq!(found.len(), 1);
        let s = &found[0];
        assert!(s.span.matches(&article.text));
        assert!(s.span.quote.starts_with("Two Egyptian"), "dateline is not part of the statement");
        assert!(s.cue.as_ref().unwrap().matches(&article.text));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any text: no panic, and every span and cue is exactly the article's characters.
        #[test]
        fn any_text_gives_exact_spans(text in "(\\PC|[«»“”\"'،؛؟.\n ]|قال|said|according to|مصادر|بحسب){0,80}") {
            let article = import_text(&text, SourceFormat::PlainText).article;
            for s in analyze_article(&article, &Lexicon::builtin()) {
                proptest::prop_assert!(s.span.matches(&article.text));
                proptest::prop_assert!(s.cue.as_ref().is_none_or(|c| c.matches(&article.text)));
                proptest::prop_assert!((0.0..=1.0).contains(&s.confidence));
            }
        }
    }
}
