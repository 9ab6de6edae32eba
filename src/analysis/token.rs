//! Word tokens of folded text, with their character offsets in the article, and the
//! clitic-stripped readings of Arabic words used for matching.

use super::lexicon::Strip;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Latin letters or digits.
    Word,
    /// Arabic letters.
    Arabic,
    /// One punctuation character (quotes are folded to `"` and `'`).
    Punct(char),
}

/// Most readings an Arabic word can have.
const MAX_READINGS: usize = 28;

/// A word's readings for matching, computed once per token: the first `conj` are the
/// readings with only و/ف removed (for verbs), all `len` include ب ل ك ال لل removal.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Readings<'a> {
    items: [&'a str; MAX_READINGS],
    len: u8,
    all: u8,
    conj: u8,
}

impl<'a> Readings<'a> {
    fn of(word: &'a str, arabic: bool) -> Self {
        let mut items = [""; MAX_READINGS];
        items[0] = word;
        if !arabic {
            return Self { items, len: 1, all: 1, conj: 1 };
        }
        let mut len = 1;
        let push = |w: &'a str, items: &mut [&'a str; MAX_READINGS], len: &mut usize| {
            if *len < MAX_READINGS && !items[..*len].contains(&w) {
                items[*len] = w;
                *len += 1;
            }
        };
        let long = |w: &str| w.chars().count() >= 2;
        // و/ف only (verbs).
        let mut after_conj: [&'a str; 2] = [word, ""];
        let mut n_conj = 1;
        for c in ["و", "ف"] {
            if let Some(rest) = word.strip_prefix(c)
                && long(rest)
            {
                push(rest, &mut items, &mut len);
                after_conj[1] = rest;
                n_conj = 2;
            }
        }
        let conj = len;
        // Then ب ل ك, لل and ال.
        for &w in after_conj.iter().take(n_conj) {
            let mut stems: [&'a str; 3] = [w, "", ""];
            let mut n = 1;
            for prep in ["ب", "ل", "ك"] {
                if let Some(rest) = w.strip_prefix(prep)
                    && long(rest)
                {
                    stems[n] = rest;
                    n += 1;
                    break;
                }
            }
            if let Some(rest) = w.strip_prefix("لل")
                && long(rest)
                && n < 3
            {
                stems[n] = rest;
                n += 1;
            }
            for &stem in stems.iter().take(n) {
                push(stem, &mut items, &mut len);
                if let Some(rest) = stem.strip_prefix("ال")
                    && long(rest)
                {
                    push(rest, &mut items, &mut len);
                }
            }
        }
        let all = len;
        for k in 0..all {
            let c = items[k];
            for suffix in ["ا", "ها", "هما", "هم", "ه"] {
                if let Some(stem) = c.strip_suffix(suffix)
                    && stem.chars().count() >= 3
                    && c.chars().count() >= 4
                {
                    push(stem, &mut items, &mut len);
                }
            }
        }
        Self { items, len: len as u8, all: all as u8, conj: conj as u8 }
    }

    /// The readings allowed by `strip`.
    pub(crate) fn get(&self, strip: Strip) -> &[&'a str] {
        let n = match strip {
            Strip::Noun => self.len,
            Strip::All => self.all,
            Strip::Conj => self.conj,
        };
        self.items.get(..usize::from(n)).unwrap_or(&[])
    }
}

/// A token: a slice of the folded text and its character range in the article.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    /// Folded text.
    pub text: &'a str,
    /// First character in the article.
    pub start: usize,
    /// One past the last character in the article.
    pub end: usize,
    /// Word, Arabic word or punctuation.
    pub class: Class,
    /// True when the original word starts with a capital letter.
    pub cap: bool,
    /// Readings for matching.
    pub readings: Readings<'a>,
}

impl Tok<'_> {
    /// True for Arabic words.
    pub fn is_arabic(&self) -> bool {
        self.class == Class::Arabic
    }

    /// True for words of either script.
    pub fn is_word(&self) -> bool {
        matches!(self.class, Class::Word | Class::Arabic)
    }

    /// True for punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.class == Class::Punct(c)
    }

    /// True for a quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.class, Class::Punct('"' | '\''))
    }
}

/// Letters and digits, with fast paths for ASCII and the Arabic block (the general
/// Unicode lookup is slow and this runs on every character).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{0621}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || ('\u{066E}'..='\u{06D3}').contains(&c)
}

/// Tokenize folded text. `map` is [`super::fold_with_map`]'s map (folded character →
/// original character), `orig` the original characters, `base` the article offset of
/// the original's first character.
pub(crate) fn tokenize<'a>(
    folded: &'a str,
    map: &[usize],
    orig: &[char],
    base: usize,
) -> Vec<Tok<'a>> {
    let mut toks = Vec::new();
    let mut word_start: Option<(usize, usize)> = None; // (byte, char index in folded)
    let mut arabic = false;
    let mut char_index = 0;
    let orig_at = |folded_char: usize| map.get(folded_char).copied().unwrap_or(0);
    let finish = |start: Option<(usize, usize)>,
                  end_byte: usize,
                  end_char: usize,
                  arabic: bool,
                  toks: &mut Vec<Tok<'a>>| {
        if let Some((sb, sc)) = start {
            let first = orig_at(sc);
            // Up to the next kept character, so dropped marks (harakat, tatweel) at the
            // end of the word stay inside it.
            let last = orig_at(end_char.saturating_sub(1));
            let next = map.get(end_char).copied().unwrap_or(last + 1).max(last + 1);
            let end_orig = (last + 1..next)
                .take_while(|&k| {
                    orig.get(k)
                        .is_some_and(|c| super::normalize::is_arabic_mark(*c) || *c == '\u{0640}')
                })
                .last()
                .map_or(last + 1, |k| k + 1);
            let text = folded.get(sb..end_byte).unwrap_or("");
            toks.push(Tok {
                text,
                start: base + first,
                end: base + end_orig,
                class: if arabic { Class::Arabic } else { Class::Word },
                cap: orig.get(first).is_some_and(|c| {
                    if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() }
                }),
                readings: Readings::of(text, arabic),
            });
        }
    };
    for (byte, c) in folded.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some((byte, char_index));
                arabic = false;
            }
            arabic |= is_arabic_letter(c);
        } else {
            finish(word_start.take(), byte, char_index, arabic, &mut toks);
            if !c.is_whitespace() {
                let at = orig_at(char_index);
                let text = folded.get(byte..byte + c.len_utf8()).unwrap_or("");
                toks.push(Tok {
                    text,
                    start: base + at,
                    end: base + at + 1,
                    class: Class::Punct(c),
                    cap: false,
                    readings: Readings::of(text, false),
                });
            }
        }
        char_index += 1;
    }
    finish(word_start.take(), folded.len(), char_index, arabic, &mut toks);
    toks
}

/// Split already folded text into word and punctuation strings (for lexicon entries).
pub(crate) fn tokenize_plain(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() || c == '*' {
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// True when an Arabic word carries the definite article (possibly after clitics).
pub(crate) fn is_definite(word: &str) -> bool {
    let w = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    let w = ["ب", "ك"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or(w);
    w.starts_with("ال") || w.starts_with("لل")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold_with_map;

    #[test]
    fn tokens_map_back_to_original_offsets() {
        let text = "قالَ المتحدث، \"لا\".";
        let (folded, map) = fold_with_map(text);
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&folded, &map, &chars, 10);
        assert_eq!(toks[0].text, "قال");
        assert_eq!((toks[0].start, toks[0].end), (10, 14));
        assert_eq!(toks[1].text, "المتحدث");
        assert!(toks[2].is_punct('،'));
        assert!(toks[3].is_quote());
    }

    #[test]
    fn capitals_are_seen_through_folding() {
        let text = "Kremlin spokesman";
        let (folded, map) = fold_with_map(text);
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&folded, &map, &chars, 0);
        assert!(toks[0].cap);
        assert!(!toks[1].cap);
        assert_eq!(toks[0].text, "kremlin");
    }

    #[test]
    fn clitic_readings() {
        let readings = |w| Readings::of(w, true);
        assert!(readings("وبالمصادر").get(Strip::All).contains(&"مصادر"));
        assert!(readings("للصحفيين").get(Strip::All).contains(&"صحفيين"));
        // و of وزير is part of the word, and the word itself is always a reading.
        assert!(readings("وزير").get(Strip::All).contains(&"وزير"));
        assert_eq!(readings("وقال").get(Strip::Conj), ["وقال", "قال"]);
        // Nouns also lose an accusative alef or an attached pronoun.
        assert!(readings("مستشارا").get(Strip::Noun).contains(&"مستشار"));
        assert!(readings("ومكتبه").get(Strip::Noun).contains(&"مكتب"));
        assert!(!readings("العليا").get(Strip::All).contains(&"علي"));
        assert!(is_definite("والمتحدث"));
        assert!(!is_definite("متحدث"));
    }
}
