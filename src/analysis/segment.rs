//! Sentence segmentation: sentence ranges and quotation ranges of a paragraph, with
//! Arabic punctuation (، ؛ ؟), hard-wrapped lines, all common quotation marks, quotes
//! that span sentences, abbreviations (U.S., Mr., Jan.) and numbers (3.5).

use crate::model::CharRange;

/// Abbreviations whose final period does not end a sentence (lower case, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov", "sen", "rep",
    "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "prof", "rev", "fig", "approx",
    "dept", "mt", "ft", "pres", "cmdr", "brig", "gens", "ch",
];

/// Character ranges (offsets into `text`) of the quotations in `text` whose opening
/// and closing marks are both present. Nested quotations are inside their outer one.
#[must_use]
pub fn quote_spans(text: &str) -> Vec<CharRange> {
    let chars: Vec<char> = text.chars().collect();
    quote_spans_of(&chars)
}

/// Sentence ranges (character offsets into `text`, trimmed of white space).
#[must_use]
pub fn sentences(text: &str) -> Vec<CharRange> {
    let chars: Vec<char> = text.chars().collect();
    sentences_of(&chars)
}

fn is_word_char(c: char) -> bool {
    crate::analysis::token::is_word_char(c) || crate::analysis::normalize::is_arabic_mark(c)
}

/// Closing mark for an opening mark, or `None` when `c` does not open a quotation.
fn closer_for(c: char, prev: Option<char>) -> Option<char> {
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‹' => Some('›'),
        '"' => Some('"'),
        '‘' if !prev.is_some_and(is_word_char) => Some('’'),
        _ => None,
    }
}

pub(crate) fn quote_spans_of(chars: &[char]) -> Vec<CharRange> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        if let Some((start, closer)) = open {
            let closes = c == closer
                && !(closer == '’' && next.is_some_and(is_word_char))
                // An ASCII quote right before a letter opens rather than closes.
                && !(c == '"' && next.is_some_and(char::is_alphanumeric) && prev.is_some_and(char::is_whitespace));
            if closes || (closer == '”' && c == '"') || (closer == '"' && c == '”') {
                spans.push(CharRange::new(start, i + 1));
                open = None;
            }
            continue;
        }
        if let Some(closer) = closer_for(c, prev) {
            open = Some((i, closer));
        } else if c == '”' || c == '»' {
            // A stray closer; ignore it.
        }
    }
    spans
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '。')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '’' | '\'' | ')' | ']' | '›' | '“')
}

fn word_before(chars: &[char], end: usize) -> String {
    let mut start = end;
    while start > 0 && chars.get(start - 1).is_some_and(|c| c.is_alphabetic()) {
        start -= 1;
    }
    chars.get(start..end).map(|s| s.iter().collect::<String>().to_lowercase()).unwrap_or_default()
}

/// True when the period at `i` ends a sentence although no space follows it: a word of
/// three or more letters (with a lower-case one) or a number before it, and a capitalised
/// Latin word or any Arabic word right after it.
fn missing_space_after_stop(chars: &[char], i: usize, word_before_stop: &str) -> bool {
    let (Some(&next), after) = (chars.get(i + 1), chars.get(i + 2).copied()) else {
        return false;
    };
    let arabic = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
    if arabic(next) {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        return prev.is_some_and(|p| {
            arabic(p) || p.is_ascii_digit() || crate::analysis::normalize::is_arabic_mark(p)
        });
    }
    let capitalised = next.is_uppercase() && after.is_some_and(char::is_lowercase);
    let prev_digit = i.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(char::is_ascii_digit);
    let long_word = word_before_stop.chars().count() >= 3
        && word_before_stop.chars().any(char::is_lowercase)
        && !ABBREVIATIONS.contains(&word_before_stop);
    capitalised && (prev_digit || long_word)
}

/// True when the period at `i` belongs to an abbreviation, an initial or a number.
fn period_is_not_boundary(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let next = chars.get(i + 1).copied();
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let word = word_before(chars, i);
    if next.is_some_and(char::is_alphanumeric) {
        // "U.S", "e.g", "3.5", "Censor.NET" go on; a missing space after a full stop
        // ("neighborhood.In a", "2023.On", «الثلاثاء.وقالت») does not.
        return !missing_space_after_stop(chars, i, &word);
    }
    let word_len = word.chars().count();
    if word_len == 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
        return true; // an initial: "John F. Kennedy", "U.S."
    }
    if ABBREVIATIONS.contains(&word.as_str()) {
        return true;
    }
    // Followed by a lower-case Latin word: not a sentence end.
    let mut j = i + 1;
    while chars.get(j).is_some_and(|c| c.is_whitespace() || is_closing(*c)) {
        j += 1;
    }
    chars.get(j).is_some_and(char::is_ascii_lowercase)
}

pub(crate) fn sentences_of(chars: &[char]) -> Vec<CharRange> {
    let quotes = quote_spans_of(chars);
    let mut inside = vec![false; chars.len()];
    for q in &quotes {
        for flag in inside.get_mut(q.start + 1..q.end.saturating_sub(1)).into_iter().flatten() {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let here = chars.get(i).copied().unwrap_or(' ');
        let in_quote = inside.get(i).copied().unwrap_or(false);
        let mut boundary_end = None;
        if !in_quote && is_terminal(here) && !(here == '.' && period_is_not_boundary(chars, i)) {
            let mut end = i + 1;
            while chars.get(end).is_some_and(|c| is_terminal(*c) || is_closing(*c)) {
                end += 1;
            }
            boundary_end = Some(end);
        } else if !in_quote && quotes.iter().any(|q| q.end == i + 1 && q.len() > 2) {
            // A quotation that ends with its own terminal mark ends the sentence too,
            // unless the sentence goes on in lower case or with a comma.
            let before = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            if before.is_some_and(is_terminal) {
                let mut j = i + 1;
                while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                    j += 1;
                }
                let next = chars.get(j).copied();
                let goes_on = next.is_some_and(|n| {
                    n.is_lowercase() || matches!(n, ',' | '،' | ';' | '؛' | ':' | ')' | '.')
                });
                if !goes_on {
                    boundary_end = Some(i + 1);
                }
            }
        }
        if let Some(end) = boundary_end {
            push_trimmed(chars, sentence_start, end, &mut out);
            sentence_start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(chars, sentence_start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<CharRange>) {
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    if end > start {
        out.push(CharRange::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        sentences(text).iter().map(|r| chars[r.start..r.end].iter().collect()).collect()
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        let t = "U.S. Secretary Blinken met Mr. Smith on Jan. 5 and growth was 3.5 percent. Then he left.";
        assert_eq!(
            texts(t),
            vec![
                "U.S. Secretary Blinken met Mr. Smith on Jan. 5 and growth was 3.5 percent.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_spanning_sentences_stay_together() {
        let t = "\"There are no plans. None at all,\" Peskov said. \"The operation continues.\" Talks ended.";
        assert_eq!(
            texts(t),
            vec![
                "\"There are no plans. None at all,\" Peskov said.",
                "\"The operation continues.\"",
                "Talks ended."
            ]
        );
    }

    #[test]
    fn arabic_punctuation_and_guillemets() {
        let t = "وقال كنعاني: «تبادل الرسائل ليس سرا. لكن الحديث تكهنات». هل انتهى الأمر؟ نعم.";
        assert_eq!(
            texts(t),
            vec![
                "وقال كنعاني: «تبادل الرسائل ليس سرا. لكن الحديث تكهنات».",
                "هل انتهى الأمر؟",
                "نعم."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_one_sentence() {
        let t = "Israel's war cabinet met late on\nSaturday, an official said.\nIt ended.";
        assert_eq!(
            texts(t),
            vec!["Israel's war cabinet met late on\nSaturday, an official said.", "It ended."]
        );
    }

    #[test]
    fn a_full_stop_without_a_space_still_ends_a_sentence() {
        let t = "Fighting went on in the neighborhood.In a video statement, he spoke. Talks were signed in 2023.On Monday Censor.NET and U.S.A. reported.";
        assert_eq!(
            texts(t),
            vec![
                "Fighting went on in the neighborhood.",
                "In a video statement, he spoke.",
                "Talks were signed in 2023.",
                "On Monday Censor.NET and U.S.A. reported."
            ]
        );
        assert_eq!(
            texts("انتهى الاجتماع مساء الثلاثاء.وقالت المصادر إنه نجح."),
            vec!["انتهى الاجتماع مساء الثلاثاء.", "وقالت المصادر إنه نجح."]
        );
    }

    #[test]
    fn quote_spans_pair_marks_of_each_kind() {
        let t = "a “b” c «d» e \"f\" g ‘h’ don’t";
        let spans = quote_spans(t);
        assert_eq!(spans.len(), 4);
        let chars: Vec<char> = t.chars().collect();
        let first: String = chars[spans[0].start..spans[0].end].iter().collect();
        assert_eq!(first, "“b”");
    }

    #[test]
    fn unbalanced_quote_is_ignored() {
        let t = "He said \"this is open. Then another sentence.";
        assert!(quote_spans(t).is_empty());
        assert_eq!(texts(t).len(), 2);
    }
}
