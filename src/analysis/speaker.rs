//! Who speaks: finding the speaker phrase of an attribution cue (the subject of
//! "said", the object of "according to", Arabic verb–subject order), and deciding
//! from it whether the statement is official or unofficial, and whose position it is.

use std::ops::Range;

use crate::model::Kind;

use super::lexicon::{LangTables, Lexicon};
use super::token::{Class, Tok, is_definite};

/// The kind of cue found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb ("said", "قال").
    Verb,
    /// "According to X", "citing X", "بحسب".
    According,
    /// A participle continuing a statement ("adding", "مضيفا").
    Participle,
}

/// A cue: its kind and token range.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub kind: CueKind,
    pub toks: Range<usize>,
}

/// A speaker phrase found for a cue.
#[derive(Clone, Debug)]
pub(crate) struct SpeakerPhrase {
    /// Token range (empty: no explicit subject, e.g. "وأضاف أن", "he").
    pub toks: Range<usize>,
    /// The cue sits in a subordinate clause ("after NBC News reported").
    pub subordinate: bool,
    /// The attribution closes the clause (", two officials told AP.").
    pub closes_clause: bool,
    /// Outlets named next to the cue ("told Reuters", "لرويترز").
    pub via: Vec<String>,
}

/// The decision for one statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attribution {
    pub kind: Kind,
    pub speaker: Option<String>,
    pub actor: Option<String>,
    pub via: Vec<String>,
    pub reason: String,
    pub confidence: f32,
    /// Folded head noun, for back references ("the spokesperson").
    pub head: Option<String>,
    /// Outlet speaking on its own (its report), so citations after it replace it.
    pub is_outlet: bool,
}

/// Start of the reason given to a bare name with no role; [`Attribution::has_no_role`].
const NO_ROLE_REASON: &str = "no official role found for";

impl Attribution {
    /// A news outlet's own report (unofficial, the outlet relays it).
    pub(crate) fn outlet_report(speaker: &str) -> Self {
        Attribution {
            kind: Kind::Unofficial,
            speaker: Some(speaker.to_owned()),
            actor: None,
            via: vec![speaker.to_owned()],
            reason: format!("outlet report: «{speaker}»"),
            confidence: 0.7,
            head: None,
            is_outlet: true,
        }
    }

    /// True when the speaker is only a name with no role found for it (the caller
    /// may look it up among earlier speakers).
    pub(crate) fn has_no_role(&self) -> bool {
        self.reason.starts_with(NO_ROLE_REASON)
    }
}

/// Result of classifying a speaker phrase.
pub(crate) enum Verdict {
    /// A decision from the phrase itself.
    Explicit(Attribution),
    /// A pronoun, back reference or no subject: inherit; the head noun if any.
    Inherit(Option<String>, Option<String>),
}

const EN_AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "repeatedly",
    "previously",
    "earlier",
    "later",
    "again",
    "further",
    "separately",
    "publicly",
    "did",
    "does",
    "not",
    "never",
    "would",
    "will",
    "could",
    "may",
    "might",
    "then",
    "reportedly",
    "recently",
    "once",
    "often",
    "has",
    "since",
    "first",
    "last",
    "subsequently",
    "yet",
    "still",
    "himself",
    "herself",
];

const EN_DETERMINERS: &[&str] =
    &["the", "a", "an", "one", "two", "three", "four", "five", "six", "several", "some"];

/// Verbs that can close a sentence or precede their speaker ("…," said X).
const SAY: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "asked",
    "explained",
    "noted",
    "argued",
    "warned",
    "cautioned",
    "insisted",
    "stressed",
    "replied",
    "told",
    "tweeted",
    "posted",
    "continued",
    "recalled",
    "states",
    "stated",
    "concluded",
    "declared",
];

const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "as", "when", "while", "because", "although", "though", "until",
    "if", "whereas",
];

/// Context the speaker logic needs.
pub(crate) struct Ctx<'a> {
    pub lexicon: &'a Lexicon,
    pub lang: &'a LangTables,
    pub arabic: bool,
    pub chars: &'a [char],
}

impl Ctx<'_> {
    /// Original text of tokens `range`.
    pub fn text_of(&self, toks: &[Tok<'_>], range: &Range<usize>) -> String {
        let (Some(first), Some(last)) =
            (toks.get(range.start), range.end.checked_sub(1).and_then(|e| toks.get(e)))
        else {
            return String::new();
        };
        self.chars.get(first.start..last.end).map(|s| s.iter().collect()).unwrap_or_default()
    }

    /// Outlet names matched in `range`, canonical, in order.
    pub fn outlets_in(&self, toks: &[Tok<'_>], range: &Range<usize>) -> Vec<(usize, String, bool)> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if let Some((len, id)) = self.lexicon.outlets.match_at(&toks[..range.end], i)
                && let Some(outlet) = self.lexicon.outlet(id)
            {
                // Short Latin abbreviations must be written in capitals ("AP", not "ap").
                let short =
                    toks.get(i).is_some_and(|t| t.class == Class::Word && t.text.len() <= 4);
                let caps_ok = !short || self.is_all_caps(toks, i);
                if caps_ok {
                    out.push((i, outlet.name.clone(), outlet.state));
                }
                i += len;
                continue;
            }
            i += 1;
        }
        out
    }

    fn is_all_caps(&self, toks: &[Tok<'_>], i: usize) -> bool {
        toks.get(i).is_some_and(|t| {
            self.chars.get(t.start..t.end).is_some_and(|s| s.iter().all(|c| !c.is_lowercase()))
        })
    }
}

/// True for a quotation mark at `i` (an apostrophe inside a word is not one).
pub(crate) fn is_quote_at(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.is_punct('"') {
        return true;
    }
    if !t.is_punct('\'') {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 1);
    let inside_word = prev.is_some_and(|p| p.is_word() && p.end == t.start)
        && next.is_some_and(|n| n.is_word() && n.start == t.end);
    let possessive_plural = prev
        .is_some_and(|p| p.is_word() && p.end == t.start && p.text.ends_with('s'))
        && next.is_some_and(|n| n.is_word() && n.start > t.end);
    !inside_word && !possessive_plural
}

/// True for a period at `i` that ends something (not "U.S." or "3.5").
fn is_stop_period(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_punct('.') {
        return false;
    }
    let next_adjacent =
        toks.get(i + 1).is_some_and(|n| (n.is_word() || n.is_punct('\'')) && n.start == t.end);
    let initial = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        p.class == Class::Word
            && p.end == t.start
            && (p.text.chars().count() == 1 || TITLE_ABBREVIATIONS.contains(&p.text))
    });
    !(next_adjacent || initial)
}

/// Titles abbreviated with a full stop ("Mr. Sulaiman Balarabe"): the stop ends no
/// phrase.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov", "sen", "rep",
    "prof", "rev", "brig", "cmdr", "supt", "insp", "hon", "amb", "st", "jr", "sr",
];

fn word_is(tok: Option<&Tok<'_>>, list: &[&str]) -> bool {
    tok.is_some_and(|t| list.contains(&t.text))
}

/// True when an English verb cue at `i` is not an attribution (passive, adjective, infinitive).
pub(crate) fn english_verb_is_false(toks: &[Tok<'_>], cue: &Range<usize>) -> bool {
    let prev = cue.start.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(cue.end);
    let verb = toks.get(cue.start).map_or("", |t| t.text);
    // "this was stated at a briefing by X": a passive with its agent is a cue.
    if passive_agent(toks, cue, toks.len()).is_some() {
        return false;
    }
    // "what it calls a front", "what they described as": the writer's framing.
    if cue.start.checked_sub(2).and_then(|p| toks.get(p)).is_some_and(|t| t.text == "what") {
        return true;
    }
    // "responded to reporters' questions": the answer comes in its own sentence.
    if matches!(verb, "responded" | "replied")
        && word_is(next, &["to"])
        && (cue.end + 1..cue.end + 5)
            .any(|k| toks.get(k).is_some_and(|t| t.text.starts_with("question")))
    {
        return true;
    }
    // "The United States will …", "member states": a noun, unless it opens an inverted
    // attribution (", states the ministry") or a that-clause ("the ministry states that").
    if verb == "states"
        && !prev.is_some_and(|p| p.is_punct(',') || p.is_quote())
        && !word_is(next, &["that"])
    {
        return true;
    }
    // "When asked whether …", "Asked about …": a question put to the speaker, whose
    // answer follows with its own verb.
    if verb == "asked"
        && (prev.is_none_or(|p| {
            !p.is_word() && !p.is_quote() && !p.is_punct(',')
                || matches!(p.text, "when" | "if" | "as" | "after" | "once" | "while" | "being")
        }) || word_is(
            next,
            &["whether", "if", "about", "by", "to", "for", "what", "how", "why", "when", "on"],
        ))
    {
        return true;
    }
    // "Magufuli claimed 84 percent of votes": won, not said.
    if matches!(verb, "claimed" | "claims" | "claim")
        && next.is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(t.text, "victory" | "seats" | "lives" | "control")
        })
        && toks.get(cue.end + 1).is_none_or(|t| t.text != "that")
    {
        return true;
    }
    // "was falsely accused": a passive behind an adverb.
    let before_adverb = cue.start.checked_sub(2).and_then(|p| toks.get(p));
    if prev.is_some_and(|p| p.text.len() > 4 && p.text.ends_with("ly"))
        && word_is(before_adverb, &["was", "were", "is", "are", "been", "being"])
    {
        return true;
    }
    if word_is(
        prev,
        &[
            "was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "its", "their",
            "his", "her", "so", "-",
        ],
    ) {
        return true;
    }
    if matches!(verb, "say" | "believe" | "tell" | "believes")
        && word_is(
            prev,
            &[
                "to", "not", "would", "could", "will", "can", "cannot", "might", "may", "should",
                "must", "you", "i", "we", "'", "t",
            ],
        )
    {
        return true;
    }
    // "has not commented", "did not respond": no statement was made.
    if matches!(verb, "commented" | "responded" | "replied")
        && word_is(prev, &["not", "yet", "never"])
    {
        return true;
    }
    if verb == "called" && word_is(next, &["off", "up", "in"]) {
        return true;
    }
    // "The war has claimed more than 30,000 lives".
    if matches!(verb, "claimed" | "claims")
        && word_is(
            next,
            &[
                "more",
                "the",
                "lives",
                "at",
                "over",
                "dozens",
                "hundreds",
                "thousands",
                "nearly",
                "about",
                "some",
            ],
        )
    {
        return true;
    }
    if matches!(verb, "reported" | "reports" | "report") {
        // "denying reports that", "reported cases": only outlets, people and pronouns report.
        let subject_ok = prev.is_some_and(|t| {
            t.cap
                || t.is_punct(',')
                || t.is_punct(')')
                || t.is_quote()
                || matches!(
                    t.text,
                    "media"
                        | "agency"
                        | "newspaper"
                        | "television"
                        | "tv"
                        | "outlets"
                        | "residents"
                        | "witnesses"
                        | "officials"
                        | "sources"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "also"
                        | "channel"
                        | "broadcaster"
                        | "daily"
                        | "radio"
                        | "website"
                        | "network"
                        | "had"
                        | "has"
                        | "have"
                        | "later"
                        | "earlier"
                        | "first"
                )
        });
        return !subject_ok;
    }
    false
}

/// "was stated … by X", "were announced by X": the index of the agent after "by" when
/// the verb at `cue` is a passive reporting verb (within eight tokens, before `limit`).
pub(crate) fn passive_agent(toks: &[Tok<'_>], cue: &Range<usize>, limit: usize) -> Option<usize> {
    let prev = cue.start.checked_sub(1).and_then(|p| toks.get(p))?;
    if !matches!(prev.text, "was" | "were" | "is" | "are" | "been" | "being") {
        return None;
    }
    let verb = toks.get(cue.start)?.text;
    if !matches!(
        verb,
        "stated"
            | "said"
            | "announced"
            | "confirmed"
            | "denied"
            | "reported"
            | "disclosed"
            | "revealed"
            | "written"
    ) {
        return None;
    }
    (cue.end..(cue.end + 8).min(limit))
        .take_while(|&k| toks.get(k).is_some_and(|t| !t.is_punct('.') && !t.is_quote()))
        .find(|&k| toks.get(k).is_some_and(|t| t.text == "by"))
        .map(|k| k + 1)
        .filter(|&k| toks.get(k).is_some_and(|t| t.is_word() && t.cap || t.text == "the"))
}

/// Find the speaker phrase of `cue` inside `clause`.
pub(crate) fn speaker_phrase(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    clause: &Range<usize>,
    cue: &Cue,
    quotes: &[Range<usize>],
) -> SpeakerPhrase {
    let mut phrase = if ctx.arabic {
        arabic_phrase(ctx, toks, clause, cue, quotes)
    } else {
        english_phrase(ctx, toks, clause, cue)
    };
    phrase.via.extend(via_after_cue(ctx, toks, clause, cue));
    phrase
}

fn via_after_cue(ctx: &Ctx<'_>, toks: &[Tok<'_>], clause: &Range<usize>, cue: &Cue) -> Vec<String> {
    // "told Reuters", "to Reuters", "from Reuters", "لرويترز", "لـ«العربية»": a few tokens after the cue.
    let end = (cue.toks.end + 8).min(clause.end);
    let mut via: Vec<String> = ctx
        .outlets_in(toks, &(cue.toks.end..end))
        .into_iter()
        .filter(|(i, _, _)| {
            // Only outlets addressed by the statement: «لرويترز», "told Reuters",
            // "to CNN", not outlets the statement talks about.
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            let first = toks.get(*i);
            first.is_some_and(|t| t.is_arabic() && t.text.starts_with('ل'))
                || prev.is_some_and(|p| {
                    matches!(p.text, "told" | "to" | "with" | "from" | "ل" | "tells" | "من" | "by")
                        || p.is_quote()
                        || ctx.lang.verbs.match_at(toks, *i - 1).is_some()
                        || ctx.lang.outlet_nouns.match_at(toks, *i - 1).is_some()
                })
                || (cue.toks.end..*i).all(|k| toks.get(k).is_some_and(|t| !t.is_word() || t.cap))
        })
        .map(|(_, name, _)| name)
        .collect();
    // "In an interview with CNN, X said", «وفي تصريح لقناة الجزيرة، قال»: an opening
    // phrase before the first comma.
    let comma = (clause.start..cue.toks.start)
        .find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',') || t.is_punct('،')));
    if let Some(comma) = comma {
        let opening = toks.get(clause.start..comma).unwrap_or(&[]);
        let medium = opening.iter().any(|t| {
            matches!(t.text, "interview" | "told" | "speaking" | "to" | "with")
                || t.readings
                    .get(super::lexicon::Strip::Noun)
                    .iter()
                    .any(|r| matches!(*r, "تصريح" | "تصريحات" | "مقابله" | "حديث" | "لقاء"))
        });
        if medium {
            for (_, name, _) in ctx.outlets_in(toks, &(clause.start..comma)) {
                if !via.contains(&name) {
                    via.push(name);
                }
            }
        }
    }
    via
}

fn english_phrase(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    clause: &Range<usize>,
    cue: &Cue,
) -> SpeakerPhrase {
    let empty = SpeakerPhrase {
        toks: cue.toks.start..cue.toks.start,
        subordinate: false,
        closes_clause: false,
        via: Vec::new(),
    };
    match cue.kind {
        CueKind::According => {
            // "according to X" attributes the whole clause it is in; a quoted name
            // ("according to “Sudan Tribune,”") is the speaker.
            if is_quote_at(toks, cue.toks.end) {
                let start = cue.toks.end + 1;
                let end = (start..(start + 8).min(clause.end))
                    .find(|&k| is_quote_at(toks, k))
                    .unwrap_or(start);
                let mut end_trim = end;
                while end_trim > start && toks.get(end_trim - 1).is_some_and(|t| !t.is_word()) {
                    end_trim -= 1;
                }
                return SpeakerPhrase { closes_clause: true, toks: start..end_trim, ..empty };
            }
            let r = scan_right(ctx, toks, cue.toks.end, clause.end, true);
            SpeakerPhrase { closes_clause: true, toks: r, ..empty }
        }
        CueKind::Participle => empty,
        CueKind::Verb => {
            let verb = toks.get(cue.toks.start).map_or("", |t| t.text);
            let prev = cue.toks.start.checked_sub(1).and_then(|p| toks.get(p));
            if let Some(agent) = passive_agent(toks, &cue.toks, clause.end) {
                let r = scan_right(ctx, toks, agent, clause.end, false);
                return SpeakerPhrase { toks: r, ..empty };
            }
            let inverted = is_inverted(ctx, toks, clause, cue);
            if inverted {
                let r = scan_right(ctx, toks, cue.toks.end, clause.end, false);
                return SpeakerPhrase { closes_clause: true, toks: r, ..empty };
            }
            // "“Sudan Tribune” reported": a quoted title right before the verb.
            if let Some(title) = quoted_before(toks, clause.start, cue.toks.start) {
                return SpeakerPhrase { toks: title, ..empty };
            }
            // "X quoted Y as saying": the speaker is Y, X relays it.
            let (left, subordinate) = scan_left(ctx, toks, clause.start, cue.toks.start);
            if verb == "quoted" {
                let mut end = cue.toks.end;
                while end < clause.end
                    && !toks.get(end).is_some_and(|t| t.text == "as" || t.is_punct(','))
                {
                    end += 1;
                }
                let via = ctx.outlets_in(toks, &left).into_iter().map(|(_, n, _)| n).collect();
                return SpeakerPhrase {
                    toks: cue.toks.end..end,
                    subordinate,
                    closes_clause: false,
                    via,
                };
            }
            let tail = clause.end.saturating_sub(cue.toks.end);
            let closes = prev.is_some_and(|_| left.start > clause.start)
                && SAY.contains(&verb)
                && tail <= 6
                && left
                    .start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|t| t.is_punct(',') || t.is_quote());
            SpeakerPhrase { toks: left, subordinate, closes_clause: closes, via: Vec::new() }
        }
    }
}

/// The words inside a quotation that ends right before `end` and starts at most eight
/// tokens earlier, after `floor`: "“Sudan Tribune” reported".
fn quoted_before(toks: &[Tok<'_>], floor: usize, end: usize) -> Option<Range<usize>> {
    let close = end.checked_sub(1).filter(|&c| c >= floor && is_quote_at(toks, c))?;
    // A closing mark directly follows a word; an opening one precedes the next word.
    if !toks
        .get(close)
        .zip(close.checked_sub(1).and_then(|p| toks.get(p)))
        .is_some_and(|(q, w)| w.is_word() && w.end == q.start)
    {
        return None;
    }
    let open = (close.saturating_sub(8).max(floor)..close).rev().find(|&k| is_quote_at(toks, k))?;
    let words = open + 1..close;
    let all_caps_words =
        toks.get(words.clone())?.iter().all(|t| !t.is_word() || t.cap || t.is_arabic());
    (words.len() <= 6 && !words.is_empty() && all_caps_words).then_some(words)
}

/// "…," said Mohammed, a resident — the speaker follows the verb.
fn is_inverted(ctx: &Ctx<'_>, toks: &[Tok<'_>], clause: &Range<usize>, cue: &Cue) -> bool {
    let verb = toks.get(cue.toks.start).map_or("", |t| t.text);
    if !SAY.contains(&verb) || cue.toks.len() != 1 {
        return false;
    }
    let Some(p) = cue.toks.start.checked_sub(1) else { return false };
    let next = toks.get(cue.toks.end);
    let next_ok = next.is_some_and(|n| n.is_word() && (n.cap || EN_DETERMINERS.contains(&n.text)))
        && ctx
            .lang
            .pronouns
            .match_at(toks, cue.toks.end)
            .is_none_or(|_| next.is_some_and(|n| n.cap && n.text != "the"));
    if !next_ok {
        return false;
    }
    if is_quote_at(toks, p) {
        return true;
    }
    if !toks.get(p).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    // "Aaron David Miller, a former negotiator, said …" is an appositive subject, not
    // an inversion: the text before the first comma of the clause is a name.
    let first_comma = (clause.start..p).find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')));
    let name_first = first_comma.is_some_and(|c| {
        let seg = toks.get(clause.start..c).unwrap_or(&[]);
        !seg.is_empty()
            && seg.len() <= 10
            && seg.iter().all(|t| {
                !t.is_word()
                    || t.cap
                    || matches!(
                        t.text,
                        "al" | "bin" | "of" | "the" | "for" | "de" | "van" | "von" | "and"
                    )
            })
            && seg.first().is_some_and(|t| t.cap && !EN_DETERMINERS.contains(&t.text))
    });
    // The speaker after the verb runs to the end of the clause or to an appositive
    // comma; "said Israel's steps were \"real\"" is a subject + that-clause.
    let right = scan_right(ctx, toks, cue.toks.end, clause.end, false);
    let ends_clause = toks.get(right.end).is_none_or(|t| t.is_punct('.') || t.is_punct(','))
        || right.end >= clause.end;
    !name_first && ends_clause
}

/// Scan left from `end` (exclusive) for the subject; returns (range, subordinate).
fn scan_left(ctx: &Ctx<'_>, toks: &[Tok<'_>], floor: usize, end: usize) -> (Range<usize>, bool) {
    let mut stop = end;
    loop {
        let before = stop;
        while stop > floor && toks.get(stop - 1).is_some_and(|t| EN_AUX.contains(&t.text)) {
            stop -= 1;
        }
        stop -= time_adverbial_before(toks, floor, stop);
        if stop == before {
            break;
        }
    }
    let mut i = stop;
    // Appositive: "Richard Haass, the outgoing president of the CFR, declined".
    let appositive = toks.get(i.wrapping_sub(1)).is_some_and(|t| t.is_punct(',')) && i > floor;
    let mut commas = 0;
    if appositive {
        i -= 1;
        commas = 1;
    }
    let mut subordinate = false;
    let mut count = 0;
    while i > floor && count < 30 {
        let Some(t) = toks.get(i - 1) else { break };
        let spaced_dash = t.is_punct('–')
            || t.is_punct('—')
            || (t.is_punct('-') && toks.get(i.wrapping_sub(2)).is_some_and(|p| p.end < t.start));
        if is_quote_at(toks, i - 1)
            || t.is_punct(';')
            || t.is_punct(':')
            || is_stop_period(toks, i - 1)
            || spaced_dash
        {
            break;
        }
        if t.is_punct(',') {
            if appositive && commas < 2 {
                commas += 1;
                i -= 1;
                count += 1;
                continue;
            }
            break;
        }
        if !appositive && ctx.lang.left_stops.match_at(toks, i - 1).is_some() && !t.cap {
            // "…, which demanded … and threatened": a relative clause's verb.
            subordinate = SUBORDINATORS.contains(&t.text)
                || (matches!(t.text, "which" | "who")
                    && toks.get(i.wrapping_sub(2)).is_some_and(|p| p.is_punct(',')));
            break;
        }
        i -= 1;
        count += 1;
    }
    // "…, and dismissed": a coordinated verb shares the earlier subject.
    while i < stop && toks.get(i).is_some_and(|t| matches!(t.text, "and" | "but" | "or")) {
        i += 1;
    }
    // "Biden, who announced the truce": a relative clause's verb is not the main one.
    if toks.get(i).is_some_and(|t| matches!(t.text, "who" | "which" | "that") && !t.cap) {
        subordinate = true;
    }
    // An appositive without a name before it is not one: ", the statement said".
    if appositive && commas == 1 {
        return (stop - 1..stop - 1, subordinate);
    }
    // "John Terrett, reporting from Washington, DC, pointed out": the participial
    // phrase describes the subject before it.
    if appositive
        && toks.get(i).is_some_and(|t| t.text.ends_with("ing") && !t.cap)
        && i > floor
        && toks.get(i - 1).is_some_and(|t| t.is_punct(','))
    {
        let end = i - 1;
        let mut j = end;
        while j > floor
            && toks.get(j - 1).is_some_and(|t| {
                !t.is_punct(',')
                    && !is_quote_at(toks, j - 1)
                    && !t.is_punct(';')
                    && !t.is_punct(':')
            })
            && !is_stop_period(toks, j - 1)
        {
            j -= 1;
        }
        if j < end {
            return (j..end, subordinate);
        }
    }
    (i..if appositive { stop - 1 } else { stop }, subordinate)
}

/// Length of a time or manner adverbial ending right before `end` and after `floor`
/// ("on Wednesday", "late on Monday", "yesterday", "sharply"), which sits between a
/// subject and its verb and is not part of the speaker; 0 when there is none.
fn time_adverbial_before(toks: &[Tok<'_>], floor: usize, end: usize) -> usize {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "night",
        "morning",
        "evening",
        "afternoon",
        "week",
        "weekend",
    ];
    const NOT_ADVERBS: &[&str] = &[
        "family", "ally", "assembly", "daily", "weekly", "monthly", "rally", "supply", "anomaly",
        "italy", "july", "only", "early", "likely", "fly", "bully",
    ];
    let at = |k: usize| if k >= floor { toks.get(k) } else { None };
    let Some(last) = end.checked_sub(1).and_then(at) else { return 0 };
    if last.cap {
        // "on Wednesday": days are capitalised; only with their preposition.
        let day = DAYS.contains(&last.text);
        let on = end.checked_sub(2).and_then(at).is_some_and(|t| t.text == "on");
        if !(day && on) {
            return 0;
        }
    }
    if DAYS.contains(&last.text) {
        let mut len = 1;
        let word = |k: usize| end.checked_sub(k).and_then(at).map_or("", |t| t.text);
        if matches!(word(2), "on" | "last" | "this") {
            len = 2;
            if matches!(word(3), "late" | "early") {
                len = 3;
            }
        } else if !matches!(last.text, "yesterday" | "today" | "tonight") {
            return 0;
        }
        return len;
    }
    let prev = end.checked_sub(2).and_then(at).map_or("", |t| t.text);
    let adverb = last.is_word()
        && last.text.len() > 4
        && last.text.ends_with("ly")
        && !NOT_ADVERBS.contains(&last.text)
        && !matches!(prev, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this");
    usize::from(adverb)
}

/// Scan right from `start` for a speaker ("according to X", "said X, a …").
fn scan_right(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    start: usize,
    limit: usize,
    stop_at_comma: bool,
) -> Range<usize> {
    let mut i = start;
    let mut count = 0;
    while i < limit && count < 25 {
        let Some(t) = toks.get(i) else { break };
        if is_quote_at(toks, i) || is_stop_period(toks, i) || t.is_punct(';') || t.is_punct(':') {
            break;
        }
        if t.is_punct(',') && stop_at_comma {
            break;
        }
        // "by the spokesman X, an Ukrinform correspondent reports": the reporter's
        // tag after the comma is not part of the speaker.
        if t.is_punct(',') && reporter_tag_follows(toks, i + 1, limit) {
            break;
        }
        if i > start
            && (ctx.lang.participles.match_at(toks, i).is_some()
                || ctx.lang.right_stops.match_at(toks, i).is_some())
        {
            break;
        }
        i += 1;
        count += 1;
    }
    while i > start && toks.get(i - 1).is_some_and(|t| t.is_punct(',')) {
        i -= 1;
    }
    start..i
}

/// True when the words from `start` to `limit` are a short reporter's tag ending with
/// "reports" or "reported" ("an Ukrinform correspondent reports").
fn reporter_tag_follows(toks: &[Tok<'_>], start: usize, limit: usize) -> bool {
    let words: Vec<&Tok<'_>> =
        toks.get(start..limit).unwrap_or(&[]).iter().filter(|t| t.is_word()).collect();
    words.len() <= 6 && words.last().is_some_and(|t| matches!(t.text, "reports" | "reported"))
}

fn arabic_phrase(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    clause: &Range<usize>,
    cue: &Cue,
    quotes: &[Range<usize>],
) -> SpeakerPhrase {
    let empty = SpeakerPhrase {
        toks: cue.toks.end..cue.toks.end,
        subordinate: false,
        closes_clause: false,
        via: Vec::new(),
    };
    match cue.kind {
        CueKind::Participle => empty,
        CueKind::According => {
            // «بحسب "سكاي نيوز عربية"»: a quoted name is the speaker.
            if is_quote_at(toks, cue.toks.end) {
                let start = cue.toks.end + 1;
                let end = (start..(start + 8).min(clause.end))
                    .find(|&k| is_quote_at(toks, k))
                    .unwrap_or(start);
                return SpeakerPhrase { closes_clause: true, toks: start..end, ..empty };
            }
            // «ووفقا للمصادر … تشكّل الوفد»: without a comma the source runs into the
            // sentence; keep its first words.
            let r = arabic_right(ctx, toks, cue.toks.end, clause.end, true, quotes);
            let mut end = r.start;
            let mut words = 0;
            while end < r.end && words < 9 {
                if toks.get(end).is_some_and(Tok::is_word) {
                    words += 1;
                }
                end += 1;
            }
            SpeakerPhrase { toks: r.start..end, ..empty }
        }
        CueKind::Verb => {
            // Subject before the verb (SVO) unless only openers precede it.
            let mut left_start = cue.toks.start;
            while left_start > clause.start {
                let Some(t) = toks.get(left_start - 1) else { break };
                if t.is_punct('،') || t.is_punct(',') || t.is_punct(':') || t.is_punct('.') {
                    break;
                }
                left_start -= 1;
            }
            let mut first = left_start;
            while first < cue.toks.start
                && (ctx.lang.openers.match_at(toks, first).is_some()
                    || toks.get(first).is_some_and(|t| t.text == "و" || t.text == "ف"))
            {
                // A preposition opener ("في هذا الصدد") makes the whole left part adverbial.
                if toks.get(first).is_some_and(|t| {
                    [
                        "في",
                        "وفي",
                        "من",
                        "ومن",
                        "علي",
                        "وعلي",
                        "بعد",
                        "وبعد",
                        "خلال",
                        "منذ",
                        "بشان",
                        "وبشان",
                        "حول",
                        "وحول",
                        "بخصوص",
                        "وبخصوص",
                        "ردا",
                        "وردا",
                    ]
                    .contains(&t.text)
                }) {
                    first = cue.toks.start;
                    break;
                }
                first += 1;
            }
            let mut last = cue.toks.start;
            while last > first && toks.get(last - 1).is_some_and(|t| t.text == "قد" || t.is_quote())
            {
                last -= 1;
            }
            if last > first {
                return SpeakerPhrase { toks: first..last, ..empty };
            }
            // «وعلمت "الحياة" أن …»: a quoted outlet name right after the verb.
            if is_quote_at(toks, cue.toks.end) {
                let start = cue.toks.end + 1;
                let end = (start..(start + 5).min(clause.end)).find(|&k| is_quote_at(toks, k));
                // One word or a known outlet: a quoted person's name («وقالت "فاطمة
                // مهاجراني"») is left to the follow-on rules.
                let outlet_like = |end: usize| {
                    end == start + 1 || !ctx.outlets_in(toks, &(start..end)).is_empty()
                };
                if let Some(end) = end
                    && end > start
                    && outlet_like(end)
                    && ctx.lang.right_stops.match_at(toks, end + 1).is_some()
                {
                    return SpeakerPhrase { toks: start..end, ..empty };
                }
            }
            let r = arabic_right(ctx, toks, cue.toks.end, clause.end, false, quotes);
            // «كما أن وزير الخارجية الأوكراني، دميتري كوليبا، أعلن في سبتمبر …»: a subject
            // with an appositive between commas before the verb, nothing after it.
            if let Some(left) = arabic_appositive_subject(ctx, toks, clause, cue, &r) {
                return SpeakerPhrase { toks: left, ..empty };
            }
            // "نقلت X عن Y", «ونقلت وكالة «مهر» أمس عن مسؤول»: the speaker is Y, relayed by X.
            let mut an = r.end;
            while an < (r.end + 3).min(clause.end)
                && toks.get(an).is_some_and(|t| AR_NOT_SUBJECT.contains(&t.text) && t.text != "عن")
            {
                an += 1;
            }
            if toks.get(an).is_some_and(|t| t.text == "عن") {
                let outlets = ctx.outlets_in(toks, &r);
                let is_outlet =
                    !outlets.is_empty() || ctx.lang.outlet_nouns.find(&toks[r.clone()]).is_some();
                if is_outlet {
                    let cited = arabic_right(ctx, toks, an + 1, clause.end, true, quotes);
                    if !cited.is_empty() {
                        let mut via: Vec<String> = outlets.into_iter().map(|(_, n, _)| n).collect();
                        if via.is_empty() {
                            via.push(ctx.text_of(toks, &r));
                        }
                        return SpeakerPhrase { toks: cited, via, ..empty };
                    }
                }
            }
            SpeakerPhrase { toks: r, ..empty }
        }
    }
}

/// Words that start no subject after an Arabic verb (time and place adverbials).
const AR_NOT_SUBJECT: &[&str] = &[
    "في",
    "من",
    "عن",
    "علي",
    "الي",
    "لدي",
    "مع",
    "خلال",
    "امس",
    "اليوم",
    "مؤخرا",
    "مساء",
    "صباح",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الاحد",
];

/// The subject before an Arabic verb that follows a comma, when nothing after the verb
/// can be its subject: back over the appositive commas to the clause start or «أن».
fn arabic_appositive_subject(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    clause: &Range<usize>,
    cue: &Cue,
    right: &Range<usize>,
) -> Option<Range<usize>> {
    let before = cue.toks.start.checked_sub(1)?;
    if !toks.get(before).is_some_and(|t| t.is_punct('،') || t.is_punct(',')) {
        return None;
    }
    let right_is_subject = toks.get(right.start).is_some_and(|t| {
        right.start < right.end && !AR_NOT_SUBJECT.contains(&t.text) && !t.text.starts_with("ل")
    });
    if right_is_subject {
        return None;
    }
    let mut start = before;
    let mut words = 0;
    while start > clause.start && words < 14 {
        let Some(t) = toks.get(start - 1) else { break };
        if t.is_punct('.') || t.is_punct(':') || t.is_quote() || t.is_punct('؛') {
            break;
        }
        if t.is_word()
            && (["ان", "كما", "وكما"].contains(&t.text)
                || ctx.lang.verbs.match_at(toks, start - 1).is_some())
        {
            break;
        }
        start -= 1;
        words += usize::from(t.is_word());
    }
    while start < before && toks.get(start).is_some_and(|t| !t.is_word()) {
        start += 1;
    }
    let mut end = before;
    while end > start && toks.get(end - 1).is_some_and(|t| !t.is_word()) {
        end -= 1;
    }
    // «وبعد الاجتماع، أعلن في بيان»: an adverbial, not a subject.
    if ctx.lang.openers.match_at(toks, start).is_some() || end <= start || words < 2 {
        return None;
    }
    // Only a recognisable speaker («وحول الحوار بين واشنطن وموسكو، أفصح» is no subject).
    match classify(ctx, toks, &(start..end), clause) {
        Verdict::Explicit(attr) if !attr.has_no_role() => Some(start..end),
        _ => None,
    }
}

fn arabic_right(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    start: usize,
    limit: usize,
    stop_at_comma: bool,
    quotes: &[Range<usize>],
) -> Range<usize> {
    let mut i = start;
    let mut count = 0;
    while i < limit && count < 18 {
        let Some(t) = toks.get(i) else { break };
        if t.is_punct(':') || t.is_punct('.') || t.is_punct('؛') || t.is_punct(';') {
            break;
        }
        // An outlet's name may begin with a stop word: «إن بي سي نيوز».
        if !t.text.starts_with('ل')
            && let Some((len, _)) = ctx.lexicon.outlets.match_at(&toks[..limit], i)
        {
            i += len;
            count += 1;
            continue;
        }
        if t.is_quote() {
            // A quoted name right after an outlet noun, a title or ل: «شبكة "إن بي سي
            // نيوز"», «وكالة الأنباء الإيرانية "ارنا"», «متحدث الوزارة "جيف ديفيز"», or
            // right after the verb: «وأشار "ديفيز" أن».
            let title = |k: usize| {
                ctx.lang.official_heads.match_at(toks, k).is_some()
                    || ctx.lang.anonymous_heads.match_at(toks, k).is_some()
                    || ctx.lang.bodies.match_at(toks, k).is_some()
            };
            let outlet_noun = |k: usize| ctx.lang.outlet_nouns.match_at(toks, k).is_some();
            let quoted_subject = i == start && {
                let close =
                    (i + 1..(i + 5).min(limit)).find(|&k| toks.get(k).is_some_and(Tok::is_quote));
                close.is_some_and(|c| ctx.lang.right_stops.match_at(toks, c + 1).is_some())
            };
            let after_outlet = quoted_subject
                || (i > start
                    && (outlet_noun(i - 1)
                        || title(i - 1)
                        || (i.saturating_sub(3).max(start)..i - 1).any(outlet_noun)
                        || toks.get(i - 1).is_some_and(|p| p.text == "ل" || p.text == "ب")));
            let closing =
                quotes.iter().find(|q| q.start == t.start).map(|q| q.end).filter(|&end| {
                    toks.get(i..).is_some_and(|rest| rest.iter().take(6).any(|t| t.end >= end))
                });
            match (after_outlet, closing) {
                (true, Some(end)) => {
                    while i < limit && toks.get(i).is_some_and(|t| t.start < end) {
                        i += 1;
                    }
                    count += 1;
                    continue;
                }
                _ => break,
            }
        }
        if t.is_punct('،') || t.is_punct(',') {
            if stop_at_comma {
                break;
            }
            i += 1;
            count += 1;
            continue;
        }
        // A stop right after the verb: no subject («وأضاف أن …»). Folding makes «على»
        // and the name «علي» the same word; the original spelling tells them apart.
        let name_ali = t.text == "علي" && ctx.chars.get(t.end.wrapping_sub(1)) == Some(&'ي');
        if (ctx.lang.right_stops.match_at(toks, i).is_some() && !name_ali)
            || (i > start
                && (ctx.lang.participles.match_at(toks, i).is_some()
                    || ctx.lang.according.match_at(toks, i).is_some()))
        {
            break;
        }
        // Another reporting verb ends the subject: «وتنفي إيران …، وتؤكد».
        if i > start && ctx.lang.verbs.match_at(toks, i).is_some() {
            break;
        }
        // "لرويترز", "للعربية": an outlet with ل ends the speaker.
        if i > start
            && t.is_arabic()
            && t.text.starts_with('ل')
            && ctx.lexicon.outlets.match_at(toks, i).is_some()
        {
            break;
        }
        i += 1;
        count += 1;
    }
    while i > start
        && toks.get(i - 1).is_some_and(|t| t.is_punct('،') || t.is_punct(',') || t.is_punct('('))
    {
        i -= 1;
    }
    start..i
}

/// Decide kind, actor and reason from a speaker phrase.
pub(crate) fn classify(
    ctx: &Ctx<'_>,
    toks: &[Tok<'_>],
    phrase: &Range<usize>,
    sentence: &Range<usize>,
) -> Verdict {
    let words: &[Tok<'_>] = toks.get(phrase.clone()).unwrap_or(&[]);
    let speaker = ctx.text_of(toks, phrase);
    let lang = ctx.lang;
    let sentence_toks = toks.get(sentence.clone()).unwrap_or(&[]);
    let content: Vec<&Tok<'_>> = words.iter().filter(|t| t.is_word()).collect();
    if content.is_empty() {
        return Verdict::Inherit(None, None);
    }
    // «قالت فيه إن …»: a preposition with a pronoun ("in it") is no speaker.
    if ctx.arabic
        && content.iter().all(|t| {
            matches!(
                t.text,
                "فيه"
                    | "فيها"
                    | "له"
                    | "لها"
                    | "عنه"
                    | "عنها"
                    | "منه"
                    | "منها"
                    | "عليه"
                    | "عليها"
                    | "اليه"
                    | "اليها"
                    | "به"
                    | "بها"
            )
        })
    {
        return Verdict::Inherit(None, None);
    }
    // Arabic personal and demonstrative pronouns: «رفض هؤلاء التعليق».
    if ctx.arabic
        && words
            .first()
            .is_some_and(|t| ["هو", "هي", "هم", "هما", "هولاء", "هذا", "هذه"].contains(&t.text))
    {
        return Verdict::Inherit(None, Some(ctx.text_of(words, &(0..1))));
    }
    // "…, the official said, asking not to be named": whoever it refers back to, the
    // words are off the record.
    if lang.pronouns.match_at(words, 0).is_some()
        && let Some((i, len)) = anonymity_in(ctx, sentence_toks)
    {
        return Verdict::Explicit(Attribution {
            kind: Kind::Unofficial,
            speaker: Some(speaker.clone()),
            actor: None,
            via: Vec::new(),
            reason: format!("anonymous source: «{}»", ctx.text_of(sentence_toks, &(i..i + len))),
            confidence: 0.85,
            head: None,
            is_outlet: false,
        });
    }
    // Pronouns and back references ("he", "the spokesperson", "المتحدث").
    // «المصادر» refers back; «مصادر» (indefinite) introduces new sources.
    let definite_ok = !ctx.arabic || words.first().is_some_and(|t| is_definite(t.text));
    if let Some((len, _)) = lang.pronouns.match_at(words, 0)
        && definite_ok
        && words.iter().skip(len).all(|t| !t.is_word() || ["alone"].contains(&t.text))
    {
        let head = words.get(len - 1).map(|t| head_key(t.text));
        return Verdict::Inherit(head, Some(speaker));
    }
    // A name in quotation marks ("according to “Sudan Tribune,”", «“Sudan Tribune”
    // reported») is a publication's title: its own report.
    let quoted_title = phrase.start > 0
        && is_quote_at(toks, phrase.start - 1)
        && (phrase.end..phrase.end + 2).any(|k| is_quote_at(toks, k));
    if quoted_title {
        return Verdict::Explicit(Attribution::outlet_report(&speaker));
    }
    let actor = actor_of(ctx, words);
    let outlets = ctx.outlets_in(words, &(0..words.len()));
    let mut attr = Attribution {
        kind: Kind::Unofficial,
        speaker: Some(speaker.clone()),
        actor: actor.clone(),
        via: Vec::new(),
        reason: String::new(),
        confidence: 0.85,
        head: None,
        is_outlet: false,
    };
    let quote = |r: &Range<usize>| format!("«{}»", ctx.text_of(words, r));
    // «في وقت سابق» is "earlier", not "former".
    let former = find_where(&lang.former, words, |i| {
        !(ctx.arabic
            && i.checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|t| t.text.ends_with("وقت") || t.text.ends_with("موعد")))
    });
    if let Some((i, len)) = former {
        attr.reason = format!("former official: {}", quote(&(i..i + len)));
        return Verdict::Explicit(attr);
    }
    if let Some((i, len)) = anonymity_in(ctx, sentence_toks) {
        attr.reason = format!(
            "anonymous source: {}",
            format_args!("«{}»", ctx.text_of(sentence_toks, &(i..i + len)))
        );
        attr.confidence = 0.9;
        return Verdict::Explicit(attr);
    }
    let head = head_index(ctx, words);
    attr.head = head.map(|h| head_key(words.get(h).map_or("", |t| t.text)));
    if let Some((i, len)) = find_common(ctx, lang_set(lang, Set::Source), words) {
        attr.reason = format!("anonymous source: {}", quote(&(i..i + len)));
        return Verdict::Explicit(attr);
    }
    // «آخر إعلان» is "the latest announcement"; «مسؤول آخر» is "another official".
    let marker = find_where(&lang.anonymous_markers, words, |i| {
        !(ctx.arabic
            && words.iter().take(i).all(|t| !t.is_word())
            && words.get(i).is_some_and(|t| t.text.ends_with("اخر")))
    });
    if let Some((i, len)) = marker {
        attr.reason = format!("anonymous source: {}", quote(&(i..i + len)));
        return Verdict::Explicit(attr);
    }
    // «الجامعة العربية» is the Arab League, not a university: a longer body match wins
    // ("Council on Foreign Relations" stays a think tank).
    let independent = find_where(&lang.independent, words, |i| {
        let own = lang.independent.match_at(words, i).map_or(0, |(l, _)| l);
        let body = lang
            .bodies
            .match_at(words, i)
            .map(|(l, _)| l)
            .max(ctx.lexicon.bodies.match_at(words, i).map(|(l, _)| l));
        body.is_none_or(|b| b <= own)
    });
    if let Some((i, len)) = independent {
        attr.reason = format!("independent commentator: {}", quote(&(i..i + len)));
        return Verdict::Explicit(attr);
    }
    // «منتدى عائلات الأسرى»: an organisation named after people is not a private person.
    let organisation_head = head.is_some_and(|h| {
        lang.bodies.match_at(words, h).is_some() || ctx.lexicon.bodies.match_at(words, h).is_some()
    });
    if let Some((i, len)) = find_common(ctx, lang_set(lang, Set::Private), words)
        && !(organisation_head && head.is_some_and(|h| i > h))
    {
        attr.reason = format!("private person: {}", quote(&(i..i + len)));
        attr.confidence = 0.7;
        return Verdict::Explicit(attr);
    }
    // An outlet as the speaker: its own report.
    let outlet_head = outlet_is_head(ctx, words, head, &outlets);
    if let Some(name) = outlet_head {
        let semi = words.iter().any(|t| matches!(t.text, "semi" | "شبه"));
        let state = !semi && (outlets.iter().any(|(_, _, s)| *s) || lang.state_media.occurs(words));
        attr.via = vec![name.clone()];
        attr.is_outlet = true;
        if state {
            attr.kind = Kind::Official;
            attr.reason = format!("state media: «{name}»");
            attr.confidence = 0.6;
        } else {
            attr.reason = format!("outlet report: «{name}»");
            attr.confidence = 0.8;
        }
        return Verdict::Explicit(attr);
    }
    let content_len = content.len();
    classify_role(ctx, words, head, &speaker, actor, attr, content_len)
}

/// The second half of [`classify`]: roles, organisations, names and countries.
fn classify_role(
    ctx: &Ctx<'_>,
    words: &[Tok<'_>],
    head: Option<usize>,
    speaker: &str,
    actor: Option<String>,
    mut attr: Attribution,
    content_len: usize,
) -> Verdict {
    let lang = ctx.lang;
    let quote = |r: &Range<usize>| format!("«{}»", ctx.text_of(words, r));
    let named = has_name(ctx, words, head);
    if let Some(h) = head
        && lang.anonymous_heads.match_at(words, h).is_some()
        && !named
        && !(ctx.arabic && words.get(h).is_some_and(|t| is_definite(t.text)))
    {
        attr.reason = format!("unnamed source: «{speaker}»");
        return Verdict::Explicit(attr);
    }
    if let Some(h) = head
        && ctx.arabic
        && words.get(h).is_some_and(|t| is_definite(t.text))
        && lang.anonymous_heads.match_at(words, h).is_some()
        && !named
        && content_len <= 2
    {
        return Verdict::Inherit(attr.head.clone(), Some(speaker.to_owned()));
    }
    if let Some((i, len, _)) = lang
        .official_heads
        .find(words)
        .or_else(|| lang.bodies.find(words))
        .or_else(|| ctx.lexicon.bodies.find(words))
    {
        attr.kind = Kind::Official;
        attr.reason = format!("on the record: {}", quote(&(i..i + len)));
        return Verdict::Explicit(attr);
    }
    let role_head = head.is_some_and(|h| {
        lang.official_heads.match_at(words, h).is_some()
            || lang.anonymous_heads.match_at(words, h).is_some()
    });
    if named && role_head {
        attr.kind = Kind::Official;
        attr.reason = format!("named official: «{speaker}»");
        attr.confidence = 0.75;
        return Verdict::Explicit(attr);
    }
    if let Some((i, len, id)) = ctx.lexicon.people.find(words) {
        attr.kind = Kind::Official;
        attr.actor = ctx.lexicon.person(id).map(|p| p.actor.clone()).or(actor);
        attr.reason = format!("office holder: {}", quote(&(i..i + len)));
        attr.confidence = 0.75;
        return Verdict::Explicit(attr);
    }
    let core_len = words
        .iter()
        .position(|t| {
            t.is_punct(',')
                || t.is_punct('،')
                || (matches!(t.text, "which" | "who" | "الذي" | "التي") && !t.cap)
        })
        .unwrap_or(words.len());
    let core = words.get(..core_len).unwrap_or(&[]);
    // Arabic verb–subject–object: a country right after the verb is the subject
    // («وتنفي إيران سعيها …»), whatever follows.
    let arabic_country_head = ctx.arabic
        && head.is_some_and(|h| ctx.lexicon.countries.match_at(words, h).is_some())
        && head.is_some_and(|h| {
            words.get(h).is_some_and(|t| !t.text.ends_with('ي') && !t.text.ends_with("يه"))
        });
    let country = if arabic_country_head {
        head.and_then(|h| ctx.lexicon.countries.match_at(words, h).map(|(len, id)| (h, len, id)))
    } else {
        ctx.lexicon
            .countries
            .find(core)
            .filter(|_| core.iter().filter(|t| t.is_word()).count() <= 3)
    };
    if let Some((i, len, id)) = country {
        attr.kind = Kind::Official;
        attr.actor = ctx.lexicon.country(id).map(|c| c.name.clone());
        attr.reason = format!("government: {}", quote(&(i..i + len)));
        attr.confidence = 0.6;
        return Verdict::Explicit(attr);
    }
    // "The IEC announced", "YSK has announced": a body known by its acronym (outlets,
    // countries and anonymous sources were ruled out above).
    if let Some(i) = acronym_index(ctx, core) {
        attr.kind = Kind::Official;
        attr.reason = format!("organisation by acronym: {}", quote(&(i..i + 1)));
        attr.confidence = 0.6;
        return Verdict::Explicit(attr);
    }
    // Only a name: the caller looks it up among earlier speakers.
    attr.reason = format!("{NO_ROLE_REASON} «{speaker}»");
    attr.confidence = 0.4;
    Verdict::Explicit(attr)
}

/// Index of an all-capital acronym (2–6 letters) heading a short English subject
/// ("the IEC", "YSK"), if there is one.
fn acronym_index(ctx: &Ctx<'_>, core: &[Tok<'_>]) -> Option<usize> {
    if ctx.arabic {
        return None;
    }
    let content: Vec<usize> = (0..core.len())
        .filter(|&i| core.get(i).is_some_and(|t| t.is_word() && !matches!(t.text, "the" | "its")))
        .collect();
    // "the Citizens for Innovation (CI)": an acronym in brackets names the body.
    let bracketed = content.iter().position(|&i| {
        i > 0
            && core.get(i - 1).is_some_and(|t| t.is_punct('('))
            && core.get(i + 1).is_some_and(|t| t.is_punct(')'))
    });
    if content.is_empty() || (content.len() > 3 && bracketed.is_none()) || content.len() > 7 {
        return None;
    }
    content.into_iter().find(|&i| {
        core.get(i).is_some_and(|t| {
            let n = t.end - t.start;
            (2..=6).contains(&n)
                && ctx
                    .chars
                    .get(t.start..t.end)
                    .is_some_and(|s| s.iter().all(char::is_ascii_uppercase))
        })
    })
}

/// An anonymity phrase in `sentence` ("on condition of anonymity"), skipping an
/// anonymous thing that is not the speaker ("an anonymous tip"): (index, length).
fn anonymity_in(ctx: &Ctx<'_>, sentence: &[Tok<'_>]) -> Option<(usize, usize)> {
    find_where(&ctx.lang.anonymous_phrases, sentence, |i| {
        !sentence.get(i + 1).is_some_and(|t| {
            matches!(
                t.text,
                "tip"
                    | "tips"
                    | "call"
                    | "calls"
                    | "caller"
                    | "letter"
                    | "letters"
                    | "donor"
                    | "donation"
                    | "complaint"
                    | "message"
                    | "account"
                    | "accounts"
                    | "post"
                    | "posts"
                    | "threat"
                    | "threats"
            )
        })
    })
}

/// First match of `set` in `words` at an index `keep` accepts: (index, length).
fn find_where(
    set: &super::lexicon::PhraseSet,
    words: &[Tok<'_>],
    keep: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    (0..words.len())
        .find_map(|i| set.match_at(words, i).filter(|_| keep(i)).map(|(len, _)| (i, len)))
}

#[derive(Clone, Copy)]
enum Set {
    Source,
    Private,
}

fn lang_set(lang: &LangTables, set: Set) -> &super::lexicon::PhraseSet {
    match set {
        Set::Source => &lang.source_nouns,
        Set::Private => &lang.private,
    }
}

/// First match of a common-noun list in a speaker phrase, skipping English matches
/// inside proper names ("Republican People's Party") and inside a phrase that only
/// describes someone else ("the U.N. agency for Palestinian refugees").
fn find_common(
    ctx: &Ctx<'_>,
    set: &super::lexicon::PhraseSet,
    words: &[Tok<'_>],
) -> Option<(usize, usize)> {
    (0..words.len()).find_map(|i| {
        let (len, _) = set.match_at(words, i)?;
        if ctx.arabic {
            return Some((i, len));
        }
        let in_name = i > 0 && words.get(i).is_some_and(|t| t.cap);
        let described = (i.saturating_sub(3)..i)
            .any(|j| words.get(j).is_some_and(|t| matches!(t.text, "for" | "of" | "to")));
        let first_is_private = i == 0;
        (!in_name && (first_is_private || !described)).then_some((i, len))
    })
}

/// Head key for back references: folded, without the Arabic article and clitics.
pub(crate) fn head_key(word: &str) -> String {
    let w = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    let w = w.strip_prefix("ال").unwrap_or(w);
    let w = w.trim_end_matches('ه');
    match w {
        "spokeswoman" | "spokesman" | "spokesperson" => "spokesperson".to_owned(),
        "officials" => "official".to_owned(),
        "sources" => "source".to_owned(),
        "متحدث" | "ناطق" => "متحدث".to_owned(),
        "مصادر" | "مصدران" | "مصدرين" => "مصدر".to_owned(),
        other => other.to_owned(),
    }
}

/// Index (in `words`) of the head noun: Arabic — the first content word; English —
/// the last role or source noun before a preposition, comma or relative pronoun.
fn head_index(ctx: &Ctx<'_>, words: &[Tok<'_>]) -> Option<usize> {
    let lang = ctx.lang;
    let is_role = |i: usize| {
        lang.official_heads.match_at(words, i).is_some()
            || lang.anonymous_heads.match_at(words, i).is_some()
            || lang.source_nouns.match_at(words, i).is_some()
            || lang.bodies.match_at(words, i).is_some()
            || lang.outlet_nouns.match_at(words, i).is_some()
    };
    if ctx.arabic {
        return words.iter().position(|t| {
            t.is_word()
                && !t.text.chars().all(|c| c.is_ascii_digit())
                && !["عدد", "من"].contains(&t.text)
        });
    }
    let mut head = None;
    let mut skip_to = 0;
    for (i, t) in words.iter().enumerate() {
        // Inside a multi-word role ("top diplomat"): its first word is the head.
        if i < skip_to {
            continue;
        }
        if t.is_punct(',')
            || t.is_punct('(')
            || matches!(
                t.text,
                "for" | "of" | "at" | "in" | "from" | "with" | "who" | "whose" | "to" | "on"
            )
        {
            if head.is_some() {
                break;
            }
            continue;
        }
        if is_role(i) {
            head = Some(i);
            skip_to = i + lang.official_heads.match_at(words, i).map_or(1, |(len, _)| len);
        }
    }
    head
}

/// Arabic words that are never part of a name.
const AR_FUNCTION: &[&str] = &[
    "في",
    "من",
    "علي",
    "عن",
    "الي",
    "لدي",
    "مع",
    "او",
    "الذي",
    "التي",
    "هذه",
    "هذا",
    "لم",
    "لن",
    "قد",
    "وهو",
    "وهي",
    "ان",
    "باسم",
    "عدم",
    "طلب",
    "شريطه",
    "بشرط",
    "فضل",
    "داخل",
    "خارج",
];

/// Arabic prepositions whose object follows (a place or an organisation, not a name).
const AR_PREPOSITIONS: &[&str] =
    &["في", "من", "عن", "علي", "الي", "لدي", "مع", "داخل", "خارج", "قرب"];

/// True when the words after an Arabic head contain a personal name: an unknown word
/// that is not an adjective (nisba) and not the object of a preposition
/// («دبلوماسيين في نيويورك» has none; «القيادي في حماس أسامة حمدان» has one).
fn arabic_has_name(ctx: &Ctx<'_>, words: &[Tok<'_>]) -> bool {
    let mut prev_name = false;
    let mut after_preposition = false;
    for t in words {
        if !t.is_arabic() {
            prev_name = false;
            continue;
        }
        if AR_PREPOSITIONS.contains(&t.text) {
            after_preposition = true;
            prev_name = false;
            continue;
        }
        let known = ctx.lexicon.vocab.contains(t.text)
            || t.readings
                .get(super::lexicon::Strip::Noun)
                .iter()
                .any(|c| ctx.lexicon.vocab.contains(*c));
        let function = AR_FUNCTION.contains(&t.text);
        let adjective = ["ي", "يه", "يين", "يون", "يان", "ين"].iter().any(|e| t.text.ends_with(e))
            || is_adjective(ctx, t);
        let definite = is_definite(t.text);
        if after_preposition {
            // The preposition's object: skip it (and its article-bearing modifiers).
            after_preposition = false;
            continue;
        }
        let name_like = !known && !function && !adjective && (!definite || prev_name);
        if name_like {
            return true;
        }
        prev_name = name_like;
    }
    false
}

/// True when the phrase names a person (a name after the head, or before an appositive).
fn has_name(ctx: &Ctx<'_>, words: &[Tok<'_>], head: Option<usize>) -> bool {
    if ctx.arabic {
        let Some(h) = head else { return false };
        return arabic_has_name(ctx, words.get(h + 1..).unwrap_or(&[]));
    }
    let is_name_tok = |t: &Tok<'_>| {
        t.cap
            && t.class == Class::Word
            && !ctx.lexicon.vocab.contains(t.text)
            && !EN_DETERMINERS.contains(&t.text)
    };
    match head {
        Some(h) => {
            if words
                .iter()
                .skip(h + 1)
                .take_while(|t| {
                    !matches!(
                        t.text,
                        "who"
                            | "whose"
                            | "of"
                            | "at"
                            | "for"
                            | "in"
                            | "from"
                            | "with"
                            | "on"
                            | "near"
                            | "to"
                            | "based"
                    )
                })
                .any(is_name_tok)
            {
                return true;
            }
            // "Thomas Graham, a former …": a name then a comma.
            let comma = words.iter().position(|t| t.is_punct(','));
            comma.is_some_and(|c| c < h && words.iter().take(c).any(is_name_tok))
        }
        None => words.iter().any(is_name_tok),
    }
}

fn is_adjective(ctx: &Ctx<'_>, t: &Tok<'_>) -> bool {
    let one = [*t];
    ctx.lang.adjectives.match_at(&one, 0).is_some()
}

fn outlet_is_head(
    ctx: &Ctx<'_>,
    words: &[Tok<'_>],
    head: Option<usize>,
    outlets: &[(usize, String, bool)],
) -> Option<String> {
    let lang = ctx.lang;
    if ctx.arabic {
        // The outlet comes first: «شبكة إن بي سي», «هيئة البث», «تقرير شبكة …», «وسائل إعلام».
        let first = words.iter().position(Tok::is_word)?;
        let noun = lang.outlet_nouns.match_at(words, first);
        let named = outlets.iter().find(|(i, _, _)| *i <= first + 3);
        return match (noun, named) {
            (_, Some((_, name, _))) => Some(name.clone()),
            (Some((len, _)), None) => {
                // «تقرير الأمم المتحدة»: an organisation's report speaks for it.
                let report = words.get(first).is_some_and(|t| {
                    t.readings
                        .get(super::lexicon::Strip::Noun)
                        .iter()
                        .any(|r| matches!(*r, "تقرير" | "تقارير"))
                });
                let rest = words.get(first + 1..).unwrap_or(&[]);
                let organisation = ctx.lexicon.bodies.occurs(rest) || lang.bodies.occurs(rest);
                if report && organisation {
                    None
                } else {
                    Some(ctx.text_of(words, &(first..(first + len + 1).min(words.len()))))
                }
            }
            (None, None) => None,
        };
    }
    let head_is_outlet_noun = head.is_some_and(|h| lang.outlet_nouns.match_at(words, h).is_some());
    let official_head = head.is_some_and(|h| {
        lang.official_heads.match_at(words, h).is_some()
            || lang.anonymous_heads.match_at(words, h).is_some()
            || lang.source_nouns.match_at(words, h).is_some()
    });
    if official_head {
        return None;
    }
    if let Some((_, name, _)) = outlets.last() {
        return Some(name.clone());
    }
    // "A United Nations report": an organisation's report speaks for it.
    let organisation = ctx.lexicon.bodies.occurs(words)
        || words.iter().enumerate().any(|(i, t)| {
            lang.bodies.match_at(words, i).is_some() && !matches!(t.text, "channel" | "telegram")
        });
    if head_is_outlet_noun && !organisation {
        return Some(ctx.text_of(words, &(0..words.len())));
    }
    None
}

/// Whose position: an organisation (with its country) or a country or a person's office.
fn actor_of(ctx: &Ctx<'_>, words: &[Tok<'_>]) -> Option<String> {
    let lexicon = ctx.lexicon;
    let country = lexicon.countries.find(words).and_then(|(_, _, id)| lexicon.country(id));
    if let Some((_, _, id)) = lexicon.bodies.find(words)
        && let Some(body) = lexicon.body(id)
    {
        if let Some(fixed) = &body.actor {
            return Some(fixed.clone());
        }
        if let Some((_, _, pid)) = lexicon.people.find(words)
            && country.is_none()
        {
            return lexicon.person(pid).map(|p| p.actor.clone());
        }
        return Some(match country {
            Some(c) => lexicon.override_actor(format!("{} {}", c.adj, body.name)),
            None => body.name.clone(),
        });
    }
    if let Some((_, _, pid)) = lexicon.people.find(words) {
        return lexicon.person(pid).map(|p| p.actor.clone());
    }
    country.map(|c| c.name.clone())
}
