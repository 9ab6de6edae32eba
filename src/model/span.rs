//! Character-offset spans with their quote and surrounding context.
//!
//! The project counts positions in characters (Unicode scalar values). Byte offsets
//! exist only at the text engine's boundary; [`char_to_byte`] is the conversion.

use serde::{Deserialize, Serialize};

/// How many characters of context a [`TextSpan`] keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// A half-open range of character offsets, `start..end`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct CharRange {
    /// First character (inclusive).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl CharRange {
    /// A range from `start` to `end`; the bounds are swapped if given backwards.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end { Self { start, end } } else { Self { start: end, end: start } }
    }

    /// Number of characters covered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the range covers no characters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when the two ranges share at least one character.
    #[must_use]
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `offset` lies inside the range.
    #[must_use]
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A span of an article's text: where it is, what it says, and what surrounds it
/// (like the W3C Web Annotation `TextQuoteSelector`), so it can be re-found if the
/// text ever changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// Character range in the article's stored text.
    pub range: CharRange,
    /// Exactly the characters of `range`.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the span.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the span.
    pub suffix: String,
}

impl TextSpan {
    /// Cut a span out of `text`; the range is clamped to the text's length.
    #[must_use]
    pub fn from_text(text: &str, range: CharRange) -> Self {
        let total = text.chars().count();
        let end = range.end.min(total);
        let start = range.start.min(end);
        Self {
            range: CharRange { start, end },
            quote: char_slice(text, start, end).to_owned(),
            prefix: char_slice(text, start.saturating_sub(CONTEXT_CHARS), start).to_owned(),
            suffix: char_slice(text, end, end.saturating_add(CONTEXT_CHARS).min(total)).to_owned(),
        }
    }

    /// True when the span's quote still matches `text` at its range.
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        char_slice(text, self.range.start, self.range.end) == self.quote
    }

    /// Find the span again in a changed `text`: first at its range, then by quote
    /// with the closest context. Returns the new range, if found.
    #[must_use]
    pub fn refind(&self, text: &str) -> Option<CharRange> {
        if self.matches(text) {
            return Some(self.range);
        }
        if self.quote.is_empty() {
            return None;
        }
        let mut best: Option<(usize, CharRange)> = None;
        for (byte_pos, _) in text.match_indices(self.quote.as_str()) {
            let start = text[..byte_pos].chars().count();
            let range = CharRange { start, end: start + self.quote.chars().count() };
            let candidate = Self::from_text(text, range);
            let score = common_suffix_len(&candidate.prefix, &self.prefix)
                + common_prefix_len(&candidate.suffix, &self.suffix);
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, range));
            }
        }
        best.map(|(_, range)| range)
    }
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_len(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// The characters `start..end` of `text` (clamped), as a sub-slice.
#[must_use]
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let begin = char_to_byte(text, start);
    let finish = char_to_byte(text, end.max(start));
    text.get(begin..finish).unwrap_or("")
}

/// The byte offset of character `offset` in `text` (the text's length if past the end).
#[must_use]
pub fn char_to_byte(text: &str, offset: usize) -> usize {
    text.char_indices().nth(offset).map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_quote_is_exactly_the_characters_of_its_range() {
        let text = "قال متحدث باسم وزارة الخارجية إن الإدارة لم توافق.";
        let span = TextSpan::from_text(text, CharRange::new(4, 9));
        assert_eq!(span.quote, "متحدث");
        assert_eq!(span.prefix, "قال ");
        assert!(span.matches(text));
    }

    #[test]
    fn span_is_refound_after_text_shifts() {
        let text = "one two three two four";
        let span = TextSpan::from_text(text, CharRange::new(14, 17));
        assert_eq!(span.quote, "two");
        let changed = format!("zero {text}");
        assert_eq!(span.refind(&changed), Some(CharRange::new(19, 22)));
    }

    #[test]
    fn char_slice_clamps_and_handles_multibyte() {
        assert_eq!(char_slice("أبجد", 1, 3), "بج");
        assert_eq!(char_slice("أبجد", 3, 10), "د");
        assert_eq!(char_slice("أبجد", 7, 9), "");
        assert_eq!(char_to_byte("أبجد", 2), 4);
    }
}
