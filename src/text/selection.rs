//! A text selection in char offsets (anchor where the drag started, head where it is
//! now) and the unit boundaries double- and triple-click select.

use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::CharRange;

/// A selection: `anchor` stays put, `head` follows the pointer or Shift+click.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends now.
    pub head: usize,
}

impl Selection {
    /// A collapsed selection (a caret) at `offset`.
    pub fn caret(offset: usize) -> Self {
        Self { anchor: offset, head: offset }
    }

    /// The selection of `range` (anchor at its start).
    pub fn of(range: CharRange) -> Self {
        Self { anchor: range.start, head: range.end }
    }

    /// The covered range, ordered.
    pub fn range(self) -> CharRange {
        CharRange::new(self.anchor, self.head)
    }

    /// The covered range, if not empty.
    pub fn non_empty(self) -> Option<CharRange> {
        Some(self.range()).filter(|r| !r.is_empty())
    }
}

/// The word (or run of spaces or single punctuation mark) around char `offset` of
/// `text`, as a local char range (UAX #29 word boundaries; Arabic words include their
/// attached marks).
#[must_use]
pub(crate) fn word_at(text: &str, offset: usize) -> CharRange {
    let mut start = 0;
    let mut last = CharRange::new(0, 0);
    for segment in text.split_word_bounds() {
        let len = segment.chars().count();
        let range = CharRange::new(start, start + len);
        if offset < range.end {
            return range;
        }
        last = range;
        start += len;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_at_finds_arabic_and_latin_words() {
        let text = "قال متحدّث باسم Reuters أمس.";
        // "متحدّث" (with shadda) starts at char 4 and has 6 chars
        assert_eq!(word_at(text, 5), CharRange::new(4, 10));
        assert_eq!(word_at(text, 4), CharRange::new(4, 10));
        let reuters = text.chars().position(|c| c == 'R').unwrap();
        assert_eq!(word_at(text, reuters + 3), CharRange::new(reuters, reuters + 7));
        // a space is its own unit; past the end is the last unit
        assert_eq!(word_at(text, 3), CharRange::new(3, 4));
        let n = text.chars().count();
        assert_eq!(word_at(text, n + 5), CharRange::new(n - 1, n));
        assert_eq!(word_at("", 0), CharRange::new(0, 0));
    }

    #[test]
    fn selection_orders_its_range() {
        let s = Selection { anchor: 9, head: 3 };
        assert_eq!(s.range(), CharRange::new(3, 9));
        assert_eq!(Selection::caret(4).non_empty(), None);
        assert_eq!(Selection::of(CharRange::new(1, 2)).non_empty(), Some(CharRange::new(1, 2)));
    }
}
