//! Article-wide context for attribution: who a bare name is (its title or appositive
//! elsewhere in the article, "Pigott said" after "… Deputy Press Secretary Tommy
//! Pigott"), and which country an article is about (for "the army" without a country).

use crate::model::{Article, Kind, Statement};

use super::lexicon::{Country, Strip};
use super::speaker::{Attribution, Ctx, Verdict, classify};
use super::token::{Tok, tokenize};
use super::{fold, fold_with_map};

/// Capitalised words that are no one's name (days, months).
pub(crate) const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True when `a` and `b` differ by at most one letter (replaced, added, dropped or two
/// swapped): "Sarea" for "Saree". Only for words of five letters or more.
pub(crate) fn one_typo_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 || a.first() != b.first() {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (a.get(prefix..).unwrap_or(&[]), b.get(prefix..).unwrap_or(&[]));
    let tail = |x: &[char], y: &[char]| x == y;
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (m, n) if m == n => {
            tail(ra.get(1..).unwrap_or(&[]), rb.get(1..).unwrap_or(&[]))
                || (ra
                    .get(..2)
                    .zip(rb.get(..2))
                    .is_some_and(|(x, y)| x.first() == y.get(1) && x.get(1) == y.first())
                    && tail(ra.get(2..).unwrap_or(&[]), rb.get(2..).unwrap_or(&[])))
        }
        (m, n) if m > n => tail(ra.get(1..).unwrap_or(&[]), rb),
        _ => tail(ra, rb.get(1..).unwrap_or(&[])),
    }
}

/// Arabic name parts written joined or apart («عبد الله» / «عبدالله», «أبو ظريفة»).
const AR_JOINING: &[&str] = &["عبد", "ابو"];

/// Keys to look a speaker's name up by: English — the last capitalised word that the
/// lexicon does not know (the surname); Arabic — a joined «عبد X», else the last
/// unknown word of three letters or more.
pub(crate) fn name_keys(ctx: &Ctx<'_>, words: &[Tok<'_>]) -> Vec<String> {
    let vocab = &ctx.lexicon.vocab;
    if ctx.arabic {
        let mut keys = Vec::new();
        for (k, t) in words.iter().enumerate() {
            if AR_JOINING.contains(&t.text)
                && let Some(next) = words.get(k + 1).filter(|n| n.is_arabic())
            {
                keys.push(format!("{}{}", t.text, next.text));
            }
        }
        if keys.is_empty()
            && let Some(last) = words.iter().rev().find(|t| {
                t.is_arabic()
                    && !vocab.contains(t.text)
                    && !super::token::is_definite(t.text)
                    && t.text.chars().count() >= 3
            })
        {
            keys.push(last.text.to_owned());
        }
        return keys;
    }
    // The name is the first run of capitalised words ("Badr al-Busaidi, speaking … in
    // Bahrain" is Busaidi, not Bahrain).
    let start = words.iter().position(|t| t.is_word() && t.cap).unwrap_or(words.len());
    let run_end = (start..words.len())
        .find(|&k| {
            words.get(k).is_some_and(|t| {
                !(t.is_word() && t.cap
                    || matches!(t.text, "al" | "bin" | "ibn" | "de" | "van" | "von" | "el")
                    || t.is_punct('-')
                    || t.is_punct('\''))
            })
        })
        .unwrap_or(words.len());
    words
        .get(start..run_end)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|t| {
            t.is_word()
                && t.cap
                && !vocab.contains(t.text)
                && !NOT_NAMES.contains(&t.text)
                && t.text.len() >= 3
        })
        .map(|t| vec![t.text.to_owned()])
        .unwrap_or_default()
}

/// Length of the name `key` at token `i` (1, or 2 for «عبد الله» matching «عبدالله»).
fn name_at(toks: &[Tok<'_>], i: usize, key: &str) -> Option<usize> {
    let t = toks.get(i)?;
    if t.readings.get(Strip::All).contains(&key) {
        return Some(1);
    }
    let rest = AR_JOINING.iter().find_map(|j| key.strip_prefix(j).filter(|_| t.text == *j))?;
    toks.get(i + 1).filter(|n| n.readings.get(Strip::All).contains(&rest)).map(|_| 2)
}

/// The attribution another mention of the same name gets from its title or appositive
/// ("Tommy Pigott, First Deputy Press Secretary of the State Department", «نبيل عبدالله
/// المتحدث باسم الجيش»). The mention being resolved counts too: its title may stand
/// outside the speaker phrase ("Oman's foreign minister, Badr al-Busaidi, speaking …, said").
pub(crate) fn name_elsewhere(
    ctx: &Ctx<'_>,
    article: &Article,
    keys: &[String],
) -> Option<Attribution> {
    for key in keys {
        for paragraph in &article.paragraphs {
            let (start, end) = (paragraph.range.start, paragraph.range.end);
            let Some(pchars) = ctx.chars.get(start..end) else { continue };
            let text: String = pchars.iter().collect();
            // Cheap test first: the folded paragraph must contain the name's letters.
            let probe = AR_JOINING.iter().find_map(|j| key.strip_prefix(j)).unwrap_or(key);
            if !fold(&text).contains(probe) {
                continue;
            }
            let (folded, map) = fold_with_map(&text);
            let toks = tokenize(&folded, &map, pchars, start);
            for i in 0..toks.len() {
                let Some(len) = name_at(&toks, i, key) else { continue };
                if let Some(attr) = titled_mention(ctx, &toks, i, len) {
                    return Some(attr);
                }
            }
        }
    }
    None
}

/// Classify the title before a name or the appositive after it.
fn titled_mention(ctx: &Ctx<'_>, toks: &[Tok<'_>], i: usize, len: usize) -> Option<Attribution> {
    let vocab = &ctx.lexicon.vocab;
    let lang = ctx.lang;
    let is_cue = |k: usize| {
        lang.verbs.match_at(toks, k).is_some()
            || lang.participles.match_at(toks, k).is_some()
            || lang.according.match_at(toks, k).is_some()
    };
    let name_like = |t: &Tok<'_>| {
        if ctx.arabic {
            t.is_arabic() && !vocab.contains(t.text)
        } else {
            t.is_word() && t.cap && !vocab.contains(t.text)
        }
    };
    // Back over the rest of the name ("Badr al-Busaidi", "Mohamed Al-Mukhtar Al-Nur").
    let particle = |t: &Tok<'_>| {
        !ctx.arabic && (t.is_punct('-') || matches!(t.text, "al" | "el" | "bin" | "ibn" | "de"))
    };
    let mut first = i;
    while first > 0
        && toks.get(first - 1).is_some_and(|t| name_like(t) || particle(t))
        && !is_cue(first - 1)
    {
        first -= 1;
    }
    let mut last = i + len;
    while toks.get(last).is_some_and(name_like) && !is_cue(last) {
        last += 1;
    }
    // Title before the name, also across one comma ("Oman's foreign minister, Badr
    // al-Busaidi, speaking …").
    let is_role = |k: usize| {
        lang.official_heads.match_at(toks, k).is_some()
            || lang.bodies.match_at(toks, k).is_some()
            || ctx.lexicon.bodies.match_at(toks, k).is_some()
    };
    let mut left = first;
    let mut crossed = false;
    while left > 0 && first - left < 12 {
        let k = left - 1;
        let Some(t) = toks.get(k) else { break };
        if !crossed
            && left == first
            && (t.is_punct(',') || t.is_punct('،'))
            && k > 0
            && (k.saturating_sub(3)..k).any(is_role)
        {
            crossed = true;
            left = k;
            continue;
        }
        if ctx.arabic && t.is_quote() {
            left = k;
            continue;
        }
        let title_word = if ctx.arabic {
            t.is_arabic() && !is_cue(k) && !["ان", "انه", "ان"].contains(&t.text)
        } else {
            (t.is_word()
                && (t.cap
                    || vocab.contains(t.text)
                    || matches!(t.text, "the" | "of" | "for" | "and" | "s" | "deputy" | "chief")))
                && !is_cue(k)
                || (t.is_punct('\'') && toks.get(k + 1).is_some_and(|n| n.text == "s"))
        };
        if !title_word {
            break;
        }
        left = k;
    }
    // Appositive after the name: ", First Deputy Press Secretary of the State Department".
    let mut right = last;
    let opens = if ctx.arabic {
        true
    } else {
        toks.get(last).is_some_and(|t| t.is_punct(','))
            && toks.get(last + 1).is_some_and(|t| !matches!(t.text, "who" | "which" | "whose"))
    };
    if opens {
        right = if ctx.arabic { last } else { last + 1 };
        while right < toks.len() && right - last < 14 {
            let Some(t) = toks.get(right) else { break };
            let stop = !t.is_word()
                || is_cue(right)
                || (ctx.arabic && lang.right_stops.match_at(toks, right).is_some());
            if stop {
                break;
            }
            right += 1;
        }
    }
    let candidates =
        [(left < first).then_some(left..last), (right > last + 1).then_some(first..right)];
    for range in candidates.into_iter().flatten() {
        if let Verdict::Explicit(attr) = classify(ctx, toks, &range, &range)
            && !attr.has_no_role()
        {
            return Some(attr);
        }
    }
    None
}

/// The country an article is about: the one its text names most, when it is named at
/// least twice and twice as often as any other.
pub(crate) fn dominant_country<'l>(ctx: &Ctx<'l>, article: &Article) -> Option<&'l Country> {
    let lexicon = ctx.lexicon;
    let mut counts: Vec<(usize, usize)> = Vec::new(); // (country index by name, count)
    let mut names: Vec<&'l Country> = Vec::new();
    for paragraph in &article.paragraphs {
        let Some(pchars) = ctx.chars.get(paragraph.range.start..paragraph.range.end) else {
            continue;
        };
        let text: String = pchars.iter().collect();
        let (folded, map) = fold_with_map(&text);
        let toks = tokenize(&folded, &map, pchars, paragraph.range.start);
        let mut i = 0;
        while i < toks.len() {
            if let Some((len, id)) = lexicon.countries.match_at(&toks, i)
                && let Some(country) = lexicon.country(id)
            {
                let slot = names.iter().position(|c| c.name == country.name).unwrap_or_else(|| {
                    names.push(country);
                    counts.push((names.len() - 1, 0));
                    names.len() - 1
                });
                if let Some(c) = counts.get_mut(slot) {
                    c.1 += 1;
                }
                i += len;
                continue;
            }
            i += 1;
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let (top, n) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    (n >= 2 && n >= 2 * second).then(|| names.get(top).copied()).flatten()
}

/// Give official statements whose actor is an organisation without a country ("Military",
/// "Health Ministry") the article's country ("Sudanese Military").
pub(crate) fn add_countries(ctx: &Ctx<'_>, article: &Article, statements: &mut [Statement]) {
    let bare = |actor: &str| {
        ctx.lexicon.data().bodies.iter().any(|b| b.actor.is_none() && b.name == actor)
    };
    let needs = |s: &Statement| s.kind == Kind::Official && s.actor.as_deref().is_some_and(bare);
    if !statements.iter().any(needs) {
        return;
    }
    let Some(country) = dominant_country(ctx, article) else { return };
    for statement in statements.iter_mut() {
        if needs(statement)
            && let Some(actor) = statement.actor.take()
        {
            statement.actor = Some(ctx.lexicon.override_actor(format!("{} {actor}", country.adj)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::one_typo_apart;

    #[test]
    fn names_one_typo_apart() {
        assert!(one_typo_apart("saree", "sarea"));
        assert!(one_typo_apart("zelensky", "zelenskyy"));
        assert!(one_typo_apart("peskov", "pesokv"));
        assert!(!one_typo_apart("saree", "sarah"));
        assert!(!one_typo_apart("ali", "aly"));
        assert!(!one_typo_apart("miller", "killer"));
    }
}
