//! The one place where the project's character offsets meet cosmic-text's byte cursors.
//!
//! Text handed to cosmic-text is *prepared* first: every paragraph separator
//! (U+2029, U+2028, U+0085, U+001C–U+001E, a lone `\r`) becomes `\n`, a `\r` before `\n`
//! becomes a space (so one character stays one character and char offsets survive), and
//! when the caller forces a base direction that differs from the line's first strong
//! character, the buffer line starts with an RLM/LRM mark (3 bytes, no character in the
//! caller's text). A paragraph re-broken by `wrap` becomes several buffer lines with more
//! such marks, at their edges and around brackets. [`TextMap`] converts between the caller's char offsets and
//! cosmic-text [`Cursor`]s (line + byte index) over the prepared lines; it never returns
//! a byte index inside a multi-byte character.

use std::ops::Range;

use cosmic_text::{Affinity, BufferLine, Cursor};

use crate::model::Direction;

/// RIGHT-TO-LEFT MARK: forces an RTL base direction when it starts a line.
pub(crate) const RLM: char = '\u{200F}';
/// LEFT-TO-RIGHT MARK: forces an LTR base direction when it starts a line.
pub(crate) const LRM: char = '\u{200E}';

/// A byte offset is remembered for every this-many characters of a line, so converting
/// in a long paragraph walks at most this many characters.
const CHECKPOINT_CHARS: usize = 128;

/// The byte offset of char `n` in `s`, clamped to `s.len()`.
#[must_use]
pub(crate) fn byte_of_char(s: &str, n: usize) -> usize {
    if s.is_ascii() {
        return n.min(s.len());
    }
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

/// The number of chars before byte `b` of `s` (a byte inside a char counts as that
/// char's start; past the end counts as the end).
#[must_use]
#[cfg(test)]
pub(crate) fn char_of_byte(s: &str, b: usize) -> usize {
    let b = floor_boundary(s, b);
    if s.is_ascii() {
        return b;
    }
    s.get(..b).map_or(0, |head| head.chars().count())
}

/// Chars `start..end` of `s` (clamped).
#[must_use]
pub(crate) fn char_slice(s: &str, start: usize, end: usize) -> &str {
    let a = byte_of_char(s, start);
    let b = byte_of_char(s, end.max(start));
    s.get(a..b).unwrap_or("")
}

/// The largest char boundary of `s` at or before `b`.
#[must_use]
pub(crate) fn floor_boundary(s: &str, b: usize) -> usize {
    if b >= s.len() {
        return s.len();
    }
    let mut b = b;
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// True for characters that end a line for layout purposes.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Text for an editor buffer: `\r\n` and every other line separator become `\n`
/// (single-line editors get a space instead), control characters other than tab are
/// dropped.
#[must_use]
pub(crate) fn normalize_for_editing(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if is_line_separator(c) {
            out.push(if multiline { '\n' } else { ' ' });
        } else if !c.is_control() || c == '\t' {
            out.push(c);
        }
    }
    out
}

/// The base direction cosmic-text will give `line` (first strong character; LTR if none).
#[must_use]
pub(crate) fn natural_direction(line: &str) -> Direction {
    match unicode_bidi::get_base_direction(line) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        unicode_bidi::Direction::Ltr | unicode_bidi::Direction::Mixed => Direction::Ltr,
    }
}

/// Map of one buffer line: which chars of the caller's text it holds, and where the
/// zero-width marks that are not part of the caller's text sit in it.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineMap {
    /// Char offset (in the caller's text) of the line's first char.
    start_char: usize,
    /// Chars of the caller's text in the line (marks and separator excluded).
    char_len: usize,
    /// Byte ranges of the buffer line holding inserted marks, in order.
    marks: Vec<Range<usize>>,
    /// Buffer byte offset of the caller's chars `0, K, 2K, …` (K = [`CHECKPOINT_CHARS`]).
    checkpoints: Vec<usize>,
}

impl LineMap {
    /// The map of buffer line `line_text` whose first caller char is `start_char`, with
    /// inserted marks at the byte ranges `marks` (in order, on char boundaries).
    pub(crate) fn new(start_char: usize, line_text: &str, marks: Vec<Range<usize>>) -> Self {
        let mut checkpoints = Vec::with_capacity(line_text.len() / CHECKPOINT_CHARS + 1);
        let mut char_len = 0;
        for (b, _) in line_text.char_indices() {
            if marks.iter().any(|m| m.contains(&b)) {
                continue;
            }
            if char_len % CHECKPOINT_CHARS == 0 {
                checkpoints.push(b);
            }
            char_len += 1;
        }
        Self { start_char, char_len, marks, checkpoints }
    }

    /// Byte ranges of the inserted marks.
    pub(crate) fn marks(&self) -> &[Range<usize>] {
        &self.marks
    }

    fn in_mark(&self, b: usize) -> bool {
        self.marks.iter().any(|m| m.contains(&b))
    }

    /// Byte index in the buffer line of local char `n` (after any mark before it).
    fn byte_index(&self, line_text: &str, n: usize) -> usize {
        let n = n.min(self.char_len);
        let checkpoint = (n / CHECKPOINT_CHARS).min(self.checkpoints.len().saturating_sub(1));
        let from = self.checkpoints.get(checkpoint).copied().unwrap_or(0);
        let mut count = checkpoint * CHECKPOINT_CHARS;
        let rest = line_text.get(from..).unwrap_or("");
        for (i, _) in rest.char_indices() {
            let b = from + i;
            if self.in_mark(b) {
                continue;
            }
            if count == n {
                return b;
            }
            count += 1;
        }
        line_text.len()
    }

    /// Local char of buffer-line byte `index` (a byte inside a mark or a char counts as
    /// the position before it).
    fn char_index(&self, line_text: &str, index: usize) -> usize {
        let b = floor_boundary(line_text, index);
        let checkpoint = self.checkpoints.partition_point(|&cb| cb <= b).saturating_sub(1);
        let from = self.checkpoints.get(checkpoint).copied().unwrap_or(0).min(b);
        let chars_before = checkpoint * CHECKPOINT_CHARS;
        let counted = line_text
            .get(from..b)
            .map_or(0, |s| s.char_indices().filter(|(i, _)| !self.in_mark(from + i)).count());
        (chars_before + counted).min(self.char_len)
    }
}

/// Text prepared for cosmic-text and the map back to the caller's char offsets.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    /// The buffer lines' texts, marks included.
    pub lines: Vec<String>,
    /// Position map.
    pub map: TextMap,
}

/// Converts between the caller's char offsets and cosmic-text cursors.
#[derive(Clone, Debug, Default)]
pub(crate) struct TextMap {
    lines: Vec<LineMap>,
    char_len: usize,
}

/// Normalise separators and split `text` into buffer lines, forcing `forced` as base
/// direction of every line if given.
#[must_use]
pub(crate) fn prepare(text: &str, forced: Option<Direction>) -> Prepared {
    let mut bodies: Vec<String> = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            if let Some(last) = bodies.last_mut() {
                last.push(' ');
            }
        } else if is_line_separator(c) {
            bodies.push(String::new());
        } else if let Some(last) = bodies.last_mut() {
            last.push(c);
        }
    }
    let mut lines = Vec::with_capacity(bodies.len());
    let mut maps = Vec::with_capacity(bodies.len());
    let mut start_char = 0;
    for body in bodies {
        let mark = match forced {
            Some(dir) if natural_direction(&body) != dir => Some(match dir {
                Direction::Rtl => RLM,
                Direction::Ltr => LRM,
            }),
            _ => None,
        };
        let mark_len = mark.map_or(0, char::len_utf8);
        let mut line = String::with_capacity(mark_len + body.len());
        if let Some(m) = mark {
            line.push(m);
        }
        line.push_str(&body);
        let marks: Vec<Range<usize>> = (mark_len > 0).then_some(0..mark_len).into_iter().collect();
        let map = LineMap::new(start_char, &line, marks);
        start_char += map.char_len + 1;
        lines.push(line);
        maps.push(map);
    }
    let char_len = start_char.saturating_sub(1);
    Prepared { lines, map: TextMap { lines: maps, char_len } }
}

impl TextMap {
    /// Chars in the caller's text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The map of buffer line `line`.
    pub(crate) fn line(&self, line: usize) -> Option<&LineMap> {
        self.lines.get(line)
    }

    /// Replace the map of buffer line `line` by the maps of the lines it was split
    /// into (each covering the chars that follow the previous one's).
    pub(crate) fn split_line(&mut self, line: usize, pieces: Vec<LineMap>) {
        if line < self.lines.len() {
            self.lines.splice(line..=line, pieces);
        }
    }

    /// Char range `(start, end)` of buffer line `line` in the caller's text.
    #[must_use]
    #[cfg(test)]
    pub fn line_chars(&self, line: usize) -> Option<(usize, usize)> {
        self.lines.get(line).map(|l| (l.start_char, l.start_char + l.char_len))
    }

    /// The cursor before char `offset` (clamped to the text).
    #[must_use]
    pub fn cursor(&self, lines: &[BufferLine], offset: usize) -> Cursor {
        let offset = offset.min(self.char_len);
        // The last line whose start is at or before `offset`.
        let line = self.lines.partition_point(|l| l.start_char <= offset).saturating_sub(1);
        let (Some(map), Some(buffer_line)) = (self.lines.get(line), lines.get(line)) else {
            return Cursor::new(0, 0);
        };
        let index = map.byte_index(buffer_line.text(), offset - map.start_char);
        Cursor::new_with_affinity(line, index, Affinity::After)
    }

    /// The caller's char offset of a cosmic-text cursor (clamped; never inside a char).
    #[must_use]
    pub fn char_offset(&self, lines: &[BufferLine], cursor: Cursor) -> usize {
        let line = cursor.line.min(self.lines.len().saturating_sub(1));
        let (Some(map), Some(buffer_line)) = (self.lines.get(line), lines.get(line)) else {
            return 0;
        };
        let index = if cursor.line > line { usize::MAX } else { cursor.index };
        map.start_char + map.char_index(buffer_line.text(), index).min(map.char_len)
    }

    /// The caller's char range of a glyph cluster `start..end` (bytes) on buffer line
    /// `line`.
    #[must_use]
    pub fn cluster_chars(
        &self,
        lines: &[BufferLine],
        line: usize,
        start: usize,
        end: usize,
    ) -> (usize, usize) {
        let a = self.char_offset(lines, Cursor::new(line, start));
        let b = self.char_offset(lines, Cursor::new(line, end));
        (a.min(b), a.max(b))
    }
}

#[cfg(test)]
mod tests {
    use cosmic_text::{AttrsList, LineEnding, Shaping};

    use super::*;

    fn buffer_lines(p: &Prepared) -> Vec<BufferLine> {
        p.lines
            .iter()
            .map(|l| {
                BufferLine::new(
                    l.as_str(),
                    LineEnding::Lf,
                    AttrsList::new(&cosmic_text::Attrs::new()),
                    Shaping::Advanced,
                )
            })
            .collect()
    }

    #[test]
    fn every_char_offset_round_trips_in_arabic() {
        let text = "قال متحدث باسم وزارة الخارجية: \"لم نوافق\" (2023).\nسطر ثانٍ";
        let p = prepare(text, None);
        let lines = buffer_lines(&p);
        assert_eq!(p.map.char_len(), text.chars().count());
        for offset in 0..=text.chars().count() {
            let cursor = p.map.cursor(&lines, offset);
            let line_text = lines[cursor.line].text();
            assert!(line_text.is_char_boundary(cursor.index), "offset {offset}");
            assert_eq!(p.map.char_offset(&lines, cursor), offset, "offset {offset}");
        }
    }

    #[test]
    fn byte_index_inside_a_char_maps_to_its_start() {
        let p = prepare("أبجد", None);
        let lines = buffer_lines(&p);
        // 'ب' is bytes 2..4; byte 3 is inside it
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 3)), 1);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 99)), 4);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(7, 0)), 4);
        assert_eq!(p.map.cursor(&lines, 2).index, 4);
    }

    #[test]
    fn forced_direction_adds_a_mark_only_when_needed() {
        let rtl_text = "قال";
        assert_eq!(prepare(rtl_text, Some(Direction::Rtl)).lines[0], rtl_text);
        let p = prepare("2023 (Reuters)", Some(Direction::Rtl));
        assert!(p.lines[0].starts_with(RLM));
        let lines = buffer_lines(&p);
        assert_eq!(p.map.cursor(&lines, 0).index, 3);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 0)), 0);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 1)), 0);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 4)), 1);
        let p = prepare("قال", Some(Direction::Ltr));
        assert!(p.lines[0].starts_with(LRM));
    }

    #[test]
    fn separators_become_lines_and_keep_char_offsets() {
        let text = "أ\u{2029}ب\r\nج\rد\u{85}ه\u{2028}و";
        let p = prepare(text, None);
        assert_eq!(p.lines, vec!["أ", "ب ", "ج", "د", "ه", "و"]);
        assert_eq!(p.map.char_len(), text.chars().count());
        let lines = buffer_lines(&p);
        // 'ج' is char 5 of the caller's text (أ, U+2029, ب, \r, \n, ج)
        let c = p.map.cursor(&lines, 5);
        assert_eq!((c.line, c.index), (2, 0));
        assert_eq!(p.map.line_chars(2), Some((5, 6)));
    }

    #[test]
    fn marks_inside_a_line_and_split_lines_keep_char_offsets() {
        // "قال (Getty)" split after "قال ": the second line starts with two marks and
        // has one more around its ")"; the first ends with a mark before its space.
        let text = "قال (Getty) أمس";
        let mut p = prepare(text, None);
        let first = format!("قال{LRM} ");
        let second = format!("{RLM}{LRM}(Getty{RLM}){RLM} أمس");
        let marks_first = vec![Range { start: 6, end: 9 }];
        let marks_second = vec![0..6, 12..15, 16..19];
        p.map.split_line(
            0,
            vec![LineMap::new(0, &first, marks_first), LineMap::new(4, &second, marks_second)],
        );
        p.lines = vec![first, second];
        let lines = buffer_lines(&p);
        assert_eq!(p.map.line_chars(0), Some((0, 4)));
        assert_eq!(p.map.line_chars(1), Some((4, text.chars().count())));
        let chars: Vec<char> = text.chars().collect();
        for offset in 0..=chars.len() {
            let cursor = p.map.cursor(&lines, offset);
            let line_text = lines[cursor.line].text();
            assert!(line_text.is_char_boundary(cursor.index));
            if let Some(&c) = chars.get(offset) {
                // the cursor sits before the char itself, never before a mark
                assert_eq!(line_text[cursor.index..].chars().next(), Some(c), "offset {offset}");
            }
            assert_eq!(p.map.char_offset(&lines, cursor), offset, "offset {offset}");
        }
        // a byte inside a mark counts as the position after the mark's char before it
        assert_eq!(p.map.char_offset(&lines, Cursor::new(1, 13)), 4 + 6);
        assert_eq!(p.map.char_offset(&lines, Cursor::new(1, 1)), 4);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        let p = prepare("", None);
        assert_eq!(p.lines, vec![String::new()]);
        let lines = buffer_lines(&p);
        assert_eq!(p.map.cursor(&lines, 5), Cursor::new_with_affinity(0, 0, Affinity::After));
        assert_eq!(p.map.char_offset(&lines, Cursor::new(0, 0)), 0);
    }

    #[test]
    fn long_lines_use_checkpoints_correctly() {
        let text: String = "مرحبا بالعالم ".repeat(200);
        let p = prepare(&text, None);
        let lines = buffer_lines(&p);
        for offset in (0..text.chars().count()).step_by(37) {
            let c = p.map.cursor(&lines, offset);
            assert_eq!(c.index, byte_of_char(&text, offset));
            assert_eq!(p.map.char_offset(&lines, c), offset);
        }
    }

    #[test]
    fn editing_text_has_only_newlines() {
        assert_eq!(normalize_for_editing("a\r\nb\u{2029}c\rd\u{7}", true), "a\nb\nc\nd");
        assert_eq!(normalize_for_editing("a\r\nb", false), "a b");
    }

    #[test]
    fn str_helpers_clamp() {
        assert_eq!(byte_of_char("أبجد", 2), 4);
        assert_eq!(byte_of_char("أبجد", 10), 8);
        assert_eq!(char_of_byte("أبجد", 5), 2);
        assert_eq!(char_of_byte("abc", 10), 3);
        assert_eq!(floor_boundary("أب", 1), 0);
    }
}
