//! Line breaking only where UAX #14 allows it.
//!
//! cosmic-text 0.19 looks for break opportunities inside each bidi level run separately
//! and may also break wherever the level changes. In "… الرسمية (Getty)" the brackets are
//! at the Arabic level and "Getty" at the Latin one, so the line could end with "(" and
//! the next begin with "Getty)"; the same happens between "2023" and a following full
//! stop, or between a quote mark and the word it quotes. When a wrapped paragraph has
//! such a break, it is broken again here, greedily at UAX #14 opportunities, and every
//! visual line becomes a buffer line of its own. Zero-width marks at the edges of those
//! lines give each one the bidi context it had inside the whole paragraph (the last
//! strong character before it, the first one after it, the paragraph direction), so
//! levels, visual order and mirrored brackets stay those of the whole paragraph.

use std::ops::Range;

use cosmic_text::{LayoutLine, ShapeLine};
use unicode_bidi::BidiClass;

use super::offsets::{LRM, RLM};

/// ARABIC LETTER MARK: a zero-width character of bidi class AL.
const ALM: char = '\u{061C}';

/// A line built by the greedy breaker must be this much narrower than the width, so
/// that cosmic-text, summing the same advances in another order, keeps it on one line.
const FIT_SLACK: f32 = 0.05;

/// Where UAX #14 allows a line to start in one paragraph.
#[derive(Clone, Debug)]
pub(crate) struct Opportunities {
    /// Byte offsets, ascending; the text's end is the last one.
    positions: Vec<usize>,
}

impl Opportunities {
    /// The break opportunities of `text` (one paragraph, no separators inside).
    ///
    /// `unicode-linebreak` implements Unicode 15.0; the rules Unicode 15.1 added for
    /// quotation marks (`LB15a`, `LB15b`) are applied here as well, so « and » stay with
    /// the words they enclose even when spaces separate them.
    pub(crate) fn of(text: &str) -> Self {
        let positions = unicode_linebreak::linebreaks(text)
            .map(|(at, _)| at)
            .filter(|&at| !after_initial_quote(text, at) && !before_final_quote(text, at))
            .collect();
        Self { positions }
    }

    /// True when a line may start at byte `at`.
    pub(crate) fn allows(&self, at: usize) -> bool {
        self.positions.binary_search(&at).is_ok()
    }

    /// The unbreakable stretch around byte `at`: from the last opportunity at or before
    /// it (or the start) to the next one after it (or the end).
    fn stretch(&self, at: usize, len: usize) -> Range<usize> {
        let i = self.positions.partition_point(|&p| p <= at);
        let start = i.checked_sub(1).and_then(|i| self.positions.get(i)).copied().unwrap_or(0);
        let end = self.positions.get(i).copied().unwrap_or(len);
        start..end
    }
}

/// Initial quotation marks (general category Pi).
const INITIAL_QUOTES: &str = "«‘‛“‟‹⸂⸄⸉⸌⸜⸠";
/// Final quotation marks (general category Pf).
const FINAL_QUOTES: &str = "»’”›⸃⸅⸊⸍⸝⸡";

/// Brackets, quotes and spaces after which an initial quote opens (`LB15a`).
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || "([{\"'\u{A0}\u{202F}".contains(c)
        || INITIAL_QUOTES.contains(c)
        || FINAL_QUOTES.contains(c)
}

/// Characters before which a final quote closes (`LB15b`).
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || ")]}\"'!?,.:;/\u{A0}\u{202F}\u{2060}،؛؟".contains(c)
        || INITIAL_QUOTES.contains(c)
        || FINAL_QUOTES.contains(c)
}

/// UAX #14 `LB15a`: no break after an initial quote (and spaces) that follows the start,
/// a space, an opening bracket or another quote.
fn after_initial_quote(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or("").trim_end_matches(' ').chars().rev();
    before.next().is_some_and(|quote| INITIAL_QUOTES.contains(quote))
        && before.next().is_none_or(opens_before)
}

/// UAX #14 `LB15b`: no break before a final quote followed by the end, a space, a closing
/// bracket, punctuation or another quote.
fn before_final_quote(text: &str, at: usize) -> bool {
    let mut after = text.get(at..).unwrap_or("").chars();
    after.next().is_some_and(|quote| FINAL_QUOTES.contains(quote))
        && after.next().is_none_or(closes_before)
}

/// Advance widths of a shaped line by byte offset, summed.
#[derive(Clone, Debug)]
pub(crate) struct Advances {
    /// Cluster start bytes, ascending.
    starts: Vec<usize>,
    /// `cumulative[i]`: width of all clusters before `starts[i]`.
    cumulative: Vec<f32>,
}

impl Advances {
    /// The advances of every glyph of `shape`, laid out at `font_size`.
    pub(crate) fn of(shape: &ShapeLine, font_size: f32) -> Self {
        let mut glyphs: Vec<(usize, f32)> = shape
            .spans
            .iter()
            .flat_map(|span| span.words.iter())
            .flat_map(|word| word.glyphs.iter())
            .map(|g| (g.start, g.width(font_size)))
            .collect();
        glyphs.sort_by_key(|g| g.0);
        let mut starts = Vec::with_capacity(glyphs.len());
        let mut cumulative = Vec::with_capacity(glyphs.len() + 1);
        let mut sum = 0.0;
        for (start, width) in glyphs {
            starts.push(start);
            cumulative.push(sum);
            sum += width;
        }
        cumulative.push(sum);
        Self { starts, cumulative }
    }

    /// Width of everything before byte `at`.
    fn before(&self, at: usize) -> f32 {
        let i = self.starts.partition_point(|&s| s < at);
        self.cumulative.get(i).copied().unwrap_or(0.0)
    }

    /// Width of the clusters starting in `range`.
    fn width(&self, range: Range<usize>) -> f32 {
        self.before(range.end) - self.before(range.start)
    }
}

/// The end of `range` in `text` without its trailing whitespace (which hangs past the
/// line end).
fn content_end(text: &str, range: Range<usize>) -> usize {
    let piece = text.get(range.clone()).unwrap_or("");
    range.start + piece.trim_end_matches(char::is_whitespace).len()
}

/// True when cosmic-text broke `layout` (the visual lines of `text`, wrapped to
/// `width`) somewhere UAX #14 does not allow, other than inside a stretch too wide for
/// a line on its own.
pub(crate) fn has_bad_break(
    text: &str,
    layout: &[LayoutLine],
    opportunities: &Opportunities,
    advances: &Advances,
    width: f32,
) -> bool {
    layout.iter().skip(1).any(|line| {
        let Some(start) = line.glyphs.iter().filter(|g| g.end > g.start).map(|g| g.start).min()
        else {
            return false;
        };
        if opportunities.allows(start) {
            return false;
        }
        let stretch = opportunities.stretch(start, text.len());
        let end = content_end(text, stretch.clone());
        advances.width(stretch.start..end) <= width
    })
}

/// Greedy line breaks of `text` at UAX #14 opportunities for lines of `width`: the
/// start bytes of lines 2, 3, … At most `max_breaks` breaks; the last line then holds
/// the rest. A stretch wider than a line gets a line of its own (cosmic-text breaks it
/// between glyphs).
pub(crate) fn greedy_breaks(
    text: &str,
    opportunities: &Opportunities,
    advances: &Advances,
    width: f32,
    max_breaks: usize,
) -> Vec<usize> {
    let fit = width - FIT_SLACK;
    let mut breaks = Vec::new();
    let mut line_w = 0.0;
    let mut hanging = 0.0;
    let mut start = 0;
    for &end in &opportunities.positions {
        if end <= start {
            continue;
        }
        let content = content_end(text, start..end);
        let word = advances.width(start..content);
        let space = advances.width(content..end);
        if line_w > 0.0 && line_w + hanging + word > fit {
            if breaks.len() >= max_breaks {
                break;
            }
            breaks.push(start);
            line_w = word;
        } else {
            line_w += hanging + word;
        }
        hanging = space;
        start = end;
    }
    breaks
}

/// One visual line of a paragraph, as the text of a buffer line of its own.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    /// The text: the paragraph's bytes `source`, with marks inserted.
    pub text: String,
    /// Byte ranges of `text` holding inserted marks.
    pub marks: Vec<Range<usize>>,
    /// The byte range of the paragraph this line shows.
    pub source: Range<usize>,
}

/// The direction a strong character gives its neighbours.
fn strong(class: BidiClass) -> Option<BidiClass> {
    match class {
        BidiClass::L | BidiClass::R | BidiClass::AL => Some(class),
        _ => None,
    }
}

/// Class of the last strong character of `text` before byte `at`.
fn last_strong_before(text: &str, at: usize) -> Option<BidiClass> {
    text.get(..at)?.chars().rev().find_map(|c| strong(unicode_bidi::bidi_class(c)))
}

/// Direction (true: right-to-left) that the first strong character or number at or
/// after byte `at` gives the neutral characters before it (UAX #9 N1: numbers count as
/// right-to-left unless a left-to-right character precedes them, W7).
fn next_direction(text: &str, at: usize) -> Option<bool> {
    let rest = text.get(at..)?;
    let (offset, class) =
        rest.char_indices().map(|(i, c)| (i, unicode_bidi::bidi_class(c))).find(|(_, class)| {
            matches!(
                class,
                BidiClass::L | BidiClass::R | BidiClass::AL | BidiClass::EN | BidiClass::AN
            )
        })?;
    Some(match class {
        BidiClass::L => false,
        BidiClass::EN => last_strong_before(text, at + offset) != Some(BidiClass::L),
        _ => true,
    })
}

/// The mark that stands for a strong class.
fn mark_for(class: BidiClass) -> char {
    match class {
        BidiClass::L => LRM,
        BidiClass::AL => ALM,
        _ => RLM,
    }
}

/// A piece being built: the paragraph's bytes `source` and marks to insert before
/// given paragraph bytes (in order).
struct Draft<'a> {
    text: &'a str,
    source: Range<usize>,
    rtl: bool,
    /// `(paragraph byte, mark)`: the mark goes before that byte.
    insertions: Vec<(usize, char)>,
}

impl Draft<'_> {
    /// The piece text, its mark ranges and, for every char of the source, its byte in
    /// the piece. A mark for the paragraph direction goes first when the piece would
    /// otherwise take another base direction.
    fn build(&self, old_marks: &[Range<usize>]) -> (Piece, Vec<(usize, usize)>) {
        let body = self.text.get(self.source.clone()).unwrap_or("");
        let mut insertions = self.insertions.clone();
        insertions.sort_by_key(|(at, _)| *at);
        let mut text = String::with_capacity(body.len() + 3 * (insertions.len() + 1));
        let mut marks = Vec::new();
        let mut positions = Vec::with_capacity(body.len());
        let mut next = insertions.iter().peekable();
        for (i, c) in body.char_indices() {
            let at = self.source.start + i;
            while let Some((_, mark)) = next.next_if(|(p, _)| *p <= at) {
                push_mark(&mut text, &mut marks, *mark);
            }
            if old_marks.iter().any(|m| m.contains(&at)) {
                push_mark(&mut text, &mut marks, c);
            } else {
                positions.push((at, text.len()));
                text.push(c);
            }
        }
        for (_, mark) in next {
            push_mark(&mut text, &mut marks, *mark);
        }
        let natural_rtl =
            unicode_bidi::get_base_direction(text.as_str()) == unicode_bidi::Direction::Rtl;
        if natural_rtl != self.rtl {
            let mark = if self.rtl { RLM } else { LRM };
            let shift = mark.len_utf8();
            text.insert(0, mark);
            for m in &mut marks {
                *m = m.start + shift..m.end + shift;
            }
            marks.insert(0, 0..shift);
            for p in &mut positions {
                p.1 += shift;
            }
        }
        merge_ranges(&mut marks);
        (Piece { text, marks, source: self.source.clone() }, positions)
    }
}

/// Append `mark` to `text`, noting its range.
fn push_mark(text: &mut String, marks: &mut Vec<Range<usize>>, mark: char) {
    let from = text.len();
    text.push(mark);
    marks.push(from..text.len());
}

/// Merge touching ranges (sorted).
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// Paragraph bytes of the chars of `piece` whose bidi level differs from the one they
/// have in the whole paragraph (`levels`, per paragraph byte); whitespace is left out
/// (at a line end it takes the paragraph level anyway, UAX #9 L1).
fn level_mismatches(
    text: &str,
    piece: &Piece,
    positions: &[(usize, usize)],
    levels: &[unicode_bidi::Level],
) -> Vec<usize> {
    let info = unicode_bidi::BidiInfo::new(&piece.text, None);
    positions
        .iter()
        .filter(|(at, _)| {
            text.get(*at..).and_then(|t| t.chars().next()).is_some_and(|c| !c.is_whitespace())
        })
        .filter(|(at, from)| levels.get(*at) != info.levels.get(*from))
        .map(|(at, _)| *at)
        .collect()
}

/// Rounds of mark placement tried per piece before taking the last attempt.
const MAX_ROUNDS: usize = 4;

/// Split paragraph `text` (whose base direction is `rtl`) at `breaks` into buffer-line
/// texts that keep the paragraph's bidi levels. `marks` are the byte ranges of `text`
/// that already hold inserted marks (they stay marks in the pieces).
///
/// Each piece gets a mark for the last strong character before it and one (before its
/// trailing spaces) for the first strong character after it; a neutral character whose
/// level still differs from its level in the whole paragraph (a bracket whose partner is
/// on another line) gets marks of its direction on both sides.
pub(crate) fn pieces(
    text: &str,
    marks: &[Range<usize>],
    breaks: &[usize],
    rtl: bool,
) -> Vec<Piece> {
    let mut bounds = Vec::with_capacity(breaks.len() + 2);
    bounds.push(0);
    bounds.extend(breaks.iter().copied().filter(|&b| b > 0 && b < text.len()));
    bounds.push(text.len());
    bounds.dedup();
    let info = unicode_bidi::BidiInfo::new(text, None);
    let mut out = Vec::with_capacity(bounds.len());
    for pair in bounds.windows(2) {
        let (Some(&start), Some(&end)) = (pair.first(), pair.get(1)) else { continue };
        let mut draft = Draft { text, source: start..end, rtl, insertions: Vec::new() };
        if start > 0
            && let Some(class) = last_strong_before(text, start)
            && !matches!((class, rtl), (BidiClass::R, true) | (BidiClass::L, false))
        {
            draft.insertions.push((start, mark_for(class)));
        }
        if end < text.len()
            && let Some(next) = next_direction(text, end).filter(|&next| next != rtl)
        {
            draft.insertions.push((content_end(text, start..end), if next { RLM } else { LRM }));
        }
        let mut built = draft.build(marks);
        for _ in 0..MAX_ROUNDS {
            let wrong = level_mismatches(text, &built.0, &built.1, &info.levels);
            let neutral: Vec<usize> = wrong
                .into_iter()
                .filter(|at| {
                    strong(info.original_classes.get(*at).copied().unwrap_or(BidiClass::L))
                        .is_none()
                })
                .collect();
            if neutral.is_empty() {
                break;
            }
            for at in neutral {
                let len = text.get(at..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
                let mark = if info.levels.get(at).is_some_and(unicode_bidi::Level::is_rtl) {
                    RLM
                } else {
                    LRM
                };
                draft.insertions.push((at, mark));
                draft.insertions.push((at + len, mark));
            }
            built = draft.build(marks);
        }
        out.push(built.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_after_an_opening_bracket_or_before_a_closing_one() {
        let text = "قال (Getty) اليوم";
        let opportunities = Opportunities::of(text);
        let open = text.find('(').unwrap();
        assert!(opportunities.allows(open), "a line may start with the bracket");
        assert!(!opportunities.allows(open + 1), "…but not after it");
        assert!(!opportunities.allows(text.find(')').unwrap()));
        assert!(opportunities.allows(text.len()));
    }

    #[test]
    fn quotes_stay_with_what_they_enclose_even_across_spaces() {
        let text = "قال « لا شيء » اليوم";
        let opportunities = Opportunities::of(text);
        let open = text.find('«').unwrap();
        let close = text.find('»').unwrap();
        assert!(opportunities.allows(open));
        assert!(!opportunities.allows(open + '«'.len_utf8() + 1), "after « and its space");
        assert!(!opportunities.allows(close), "before »");
        assert!(opportunities.allows(close + '»'.len_utf8() + 1));
        // a final quote glued to a following word is not closing anything (LB15b)
        assert!(Opportunities::of("a »b").allows(2));
    }

    #[test]
    fn pieces_keep_the_paragraph_context_with_marks() {
        // LTR paragraph; the break falls inside an Arabic quote: the first line needs to
        // know Arabic follows, the second that Arabic precedes.
        let text = "He said «قال المتحدث» today";
        let at = text.find("المتحدث").unwrap();
        let pieces = pieces(text, &[], &[at], false);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].source, 0..at);
        assert_eq!(pieces[1].source, at..text.len());
        // first: RLM before the trailing space
        assert!(pieces[0].text.ends_with(&format!("قال{RLM} ")), "{:?}", pieces[0].text);
        // second: LRM (paragraph direction) first, then ALM (the Arabic before it)
        assert!(pieces[1].text.starts_with(&format!("{LRM}{ALM}")), "{:?}", pieces[1].text);
        for piece in &pieces {
            let unmarked: String = piece
                .text
                .char_indices()
                .filter(|(i, _)| !piece.marks.iter().any(|m| m.contains(i)))
                .map(|(_, c)| c)
                .collect();
            assert_eq!(unmarked, &text[piece.source.clone()]);
        }
    }

    #[test]
    fn pieces_of_an_rtl_paragraph_with_digits_first_get_the_direction_mark() {
        let text = "2023 45 قال";
        let pieces = pieces(text, &[], &[5], true);
        assert!(pieces[0].text.starts_with(RLM));
        assert_eq!(pieces[1].source, 5..text.len());
    }
}
