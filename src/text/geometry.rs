//! Geometry of laid-out text in buffer coordinates: the rectangles a cursor range covers
//! (one or more per visual line when directions mix), and where a caret goes. Works on
//! byte cursors; callers convert from char offsets with [`super::offsets::TextMap`].
//!
//! Unlike cosmic-text's `LayoutRun::highlight`, partial ligatures are split in visual
//! order (right to left inside an RTL glyph) and no slicing can panic.

use cosmic_text::{Affinity, Buffer, Cursor, LayoutGlyph, LayoutRun};
use unicode_segmentation::UnicodeSegmentation as _;

/// A horizontal stretch of one visual line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Segment {
    /// Index of the visual line (counting all buffer lines).
    pub visual_line: usize,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top of the line box.
    pub top: f32,
    /// Bottom of the line box.
    pub bottom: f32,
    /// Baseline.
    pub baseline: f32,
}

/// The byte range of one visual line, to skip lines without laying hands on glyphs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RunSpan {
    /// Buffer line.
    pub line: usize,
    /// Smallest glyph start.
    pub start: usize,
    /// Largest glyph end.
    pub end: usize,
}

impl RunSpan {
    /// The span of a layout run.
    pub fn of(run: &LayoutRun<'_>) -> Self {
        let start = run.glyphs.iter().map(|g| g.start).min().unwrap_or(0);
        let end = run.glyphs.iter().map(|g| g.end).max().unwrap_or(0);
        Self { line: run.line_i, start, end }
    }

    /// Could this visual line hold anything of `start..end`?
    fn meets(self, start: Cursor, end: Cursor) -> bool {
        (self.line, self.end) >= (start.line, start.index)
            && (self.line, self.start) <= (end.line, end.index)
    }
}

/// True if byte range `a..b` of buffer line `line` lies inside `start..end`.
fn selected(line: usize, a: usize, b: usize, start: Cursor, end: Cursor) -> bool {
    let after_start = line > start.line || (line == start.line && b > start.index);
    let before_end = line < end.line || (line == end.line && a < end.index);
    after_start && before_end
}

/// The x intervals of `glyph`'s graphemes that `selected_fn` accepts, in visual order.
fn glyph_pieces(
    run: &LayoutRun<'_>,
    glyph: &LayoutGlyph,
    mut accept: impl FnMut(usize, usize) -> bool,
    out: &mut Vec<(f32, f32)>,
) {
    let Some(cluster) = run.text.get(glyph.start..glyph.end) else {
        return;
    };
    let count = cluster.graphemes(true).count();
    if count == 0 {
        return;
    }
    let piece_w = glyph.w / count as f32;
    let rtl = glyph.level.is_rtl();
    for (i, (offset, g)) in cluster.grapheme_indices(true).enumerate() {
        let a = glyph.start + offset;
        if !accept(a, a + g.len()) {
            continue;
        }
        let x0 = if rtl {
            glyph.x + glyph.w - (i + 1) as f32 * piece_w
        } else {
            glyph.x + i as f32 * piece_w
        };
        out.push((x0, x0 + piece_w));
    }
}

/// Merge touching intervals.
fn merge(mut pieces: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::with_capacity(pieces.len());
    for (x0, x1) in pieces {
        match merged.last_mut() {
            Some(last) if x0 <= last.1 + 0.5 => last.1 = last.1.max(x1),
            _ => merged.push((x0, x1)),
        }
    }
    merged
}

/// Rectangles covering `start..end` (byte cursors), at most `max_lines` visual lines.
/// `index` (one [`RunSpan`] per visual line) lets long texts skip unrelated lines.
pub(crate) fn segments(
    buffer: &Buffer,
    start: Cursor,
    end: Cursor,
    max_lines: usize,
    index: Option<&[RunSpan]>,
) -> Vec<Segment> {
    let (start, end) =
        if (end.line, end.index) < (start.line, start.index) { (end, start) } else { (start, end) };
    let mut out = Vec::new();
    for (visual_line, run) in buffer.layout_runs().take(max_lines).enumerate() {
        if run.line_i < start.line {
            continue;
        }
        if run.line_i > end.line {
            break;
        }
        if index.and_then(|i| i.get(visual_line)).is_some_and(|s| !s.meets(start, end)) {
            continue;
        }
        let mut pieces = Vec::new();
        for glyph in run.glyphs {
            glyph_pieces(&run, glyph, |a, b| selected(run.line_i, a, b, start, end), &mut pieces);
        }
        for (x0, x1) in merge(pieces) {
            out.push(Segment {
                visual_line,
                x0,
                x1,
                top: run.line_top,
                bottom: run.line_top + run.line_height,
                baseline: run.line_y,
            });
        }
    }
    out
}

/// Caret position: `(x, line_top, line_height)` for a cursor, in buffer coordinates.
pub(crate) fn caret(
    buffer: &Buffer,
    cursor: Cursor,
    index: Option<&[RunSpan]>,
) -> Option<(f32, f32, f32)> {
    caret_on_line(buffer, cursor, index).map(|(_, x, top, height)| (x, top, height))
}

/// The visual line (counting all buffer lines) the caret of `cursor` is drawn on, and
/// its `(x, line_top, line_height)`.
pub(crate) fn caret_on_line(
    buffer: &Buffer,
    cursor: Cursor,
    index: Option<&[RunSpan]>,
) -> Option<(usize, f32, f32, f32)> {
    let width = buffer.size().0;
    let mut fallback = None;
    for (visual_line, run) in buffer.layout_runs().enumerate() {
        if index.and_then(|i| i.get(visual_line)).is_some_and(|s| !s.meets(cursor, cursor)) {
            continue;
        }
        if run.line_i != cursor.line {
            if run.line_i > cursor.line {
                break;
            }
            continue;
        }
        if let Some(x) = caret_x(&run, cursor, width) {
            let found = (visual_line, x, run.line_top, run.line_height);
            // At a wrap point the same index ends one line and starts the next:
            // affinity `After` belongs to the later line.
            let ends_here = run.glyphs.iter().all(|g| g.end <= cursor.index)
                && run.glyphs.iter().any(|g| g.end == cursor.index);
            if ends_here && cursor.affinity == Affinity::After {
                fallback = Some(found);
                continue;
            }
            return Some(found);
        }
    }
    fallback
}

/// Where on `run` the caret of `cursor` goes. An index where two glyphs meet that are
/// apart on screen (a direction change) is drawn at the glyph it belongs to: the one
/// ending there for affinity `Before`, the one starting there for `After`.
fn caret_x(run: &LayoutRun<'_>, cursor: Cursor, width: Option<f32>) -> Option<f32> {
    if run.glyphs.is_empty() {
        return Some(if run.rtl { width.unwrap_or(0.0) } else { 0.0 });
    }
    let starting = || {
        run.glyphs
            .iter()
            .find(|g| g.start == cursor.index && g.end > g.start)
            .map(|g| if g.level.is_rtl() { g.x + g.w } else { g.x })
    };
    let ending = || {
        run.glyphs
            .iter()
            .find(|g| g.end == cursor.index && g.end > g.start)
            .map(|g| if g.level.is_rtl() { g.x } else { g.x + g.w })
    };
    let edge = if cursor.affinity == Affinity::Before {
        ending().or_else(starting)
    } else {
        starting().or_else(ending)
    };
    if edge.is_some() {
        return edge;
    }
    for glyph in run.glyphs {
        if cursor.index > glyph.start && cursor.index < glyph.end {
            let cluster = run.text.get(glyph.start..glyph.end)?;
            let total = cluster.graphemes(true).count().max(1);
            let before = cluster
                .grapheme_indices(true)
                .filter(|(i, _)| glyph.start + i < cursor.index)
                .count();
            let offset = glyph.w * before as f32 / total as f32;
            return Some(if glyph.level.is_rtl() {
                glyph.x + glyph.w - offset
            } else {
                glyph.x + offset
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use cosmic_text::{Attrs, Metrics, Shaping};

    use super::*;

    fn buffer(text: &str) -> Buffer {
        let mut fs = super::super::fonts::font_system();
        let mut buffer = Buffer::new(&mut fs, Metrics::new(16.0, 24.0));
        buffer.set_text(text, &Attrs::new(), Shaping::Advanced, None);
        buffer.set_size(Some(400.0), None);
        buffer.shape_until_scroll(&mut fs, false);
        buffer
    }

    #[test]
    fn rtl_segments_are_on_the_right_and_grow_leftwards() {
        let text = "السلام عليكم";
        let b = buffer(text);
        let first_word = segments(&b, Cursor::new(0, 0), Cursor::new(0, "السلام".len()), 9, None);
        let all = segments(&b, Cursor::new(0, 0), Cursor::new(0, text.len()), 9, None);
        assert_eq!(first_word.len(), 1);
        assert_eq!(all.len(), 1);
        // the first word is at the right end of the line
        assert!((first_word[0].x1 - all[0].x1).abs() < 0.5);
        assert!(first_word[0].x0 > all[0].x0 + 10.0);
    }

    #[test]
    fn mixed_line_selection_can_split_into_several_rectangles() {
        // Selecting "عليكم Hello" in an RTL line: Arabic word plus Latin word that sit
        // on different sides of their neighbours.
        let text = "مرحبا عليكم Hello World";
        let b = buffer(text);
        let start = text.find("عليكم").unwrap();
        let end = text.find(" World").unwrap();
        let segs = segments(&b, Cursor::new(0, start), Cursor::new(0, end), 9, None);
        // Visually: [Hello] World [ عليكم] مرحبا — "World" splits the selection.
        assert_eq!(segs.len(), 2, "{segs:?}");
        let total: f32 = segs.iter().map(|s| s.x1 - s.x0).sum();
        assert!(total > 30.0);
    }

    #[test]
    fn caret_at_start_of_rtl_line_is_at_the_right() {
        let b = buffer("مرحبا");
        let (x_start, ..) = caret(&b, Cursor::new(0, 0), None).unwrap();
        let (x_end, ..) = caret(&b, Cursor::new(0, "مرحبا".len()), None).unwrap();
        assert!(x_start > x_end, "{x_start} {x_end}");
        assert!((x_start - 400.0).abs() < 1.0);
    }
}
